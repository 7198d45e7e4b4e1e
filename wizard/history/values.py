"""The values a change's placeholders take, each rendered in the document's language: the
person's own texts, words of the model's vocabularies in the policy's terms, countries,
periods and supervisory authorities."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from babel import Locale

from wizard import languages
from wizard.i18n import translation
from wizard.languages import N_
from wizard.model.answers import (
    CookieCategory,
    DataCategory,
    LegalBasis,
    LocalText,
    RecipientRole,
    RetentionStart,
    Safeguard,
    Service,
    SpecialCondition,
    TimeUnit,
)
from wizard.policy.vocabulary import Words


@dataclass(frozen=True)
class Lang:
    """What a placeholder needs to render itself in one language."""

    code: str
    words: Words
    locale: Locale
    gettext: Callable[[str], str]


def renderer(code: str) -> Lang:
    """What the placeholders need to render themselves in ``code``."""
    t = translation("policy", code)
    return Lang(code, Words(t, code), Locale.parse(languages.get(code).locale), t.gettext)


@dataclass(frozen=True)
class Inline:
    """A description the person wrote (a recipient's category) that stands inside a sentence
    ("with our accountant"): its first word is written in lower case where the language does
    so (see :func:`inline_case`)."""

    text: LocalText

    def render(self, lang: Lang) -> str:
        found = self.text.pick(lang.code)
        return inline_case(found[1], found[0]) if found else ""


def inline_case(text: str, lang: str) -> str:
    """A description the user wrote to stand alone ("Our accountant", "Unser Steuerbüro") as it
    reads inside a sentence: "our accountant", "unser Steuerbüro". English, Dutch and French
    lower the first letter (unless the first word is an acronym); German only for articles and
    possessives, as its nouns keep their capitals."""
    first = text.split(" ", 1)[0]
    if not first[:1].isupper() or first[1:2].isupper():
        return text
    language = languages.get(lang)
    if language.capitalised_nouns and first.casefold() not in language.lowered_words:
        return text
    return text[0].lower() + text[1:]


@dataclass(frozen=True)
class Word:
    """A word of the model's vocabularies (a legal basis, a service), in the policy's terms."""

    value: StrEnum

    def render(self, lang: Lang) -> str:
        w = lang.words
        value = self.value
        if isinstance(value, LegalBasis):
            return w.legal_basis(value)
        if isinstance(value, Service):
            return w.service(value)
        if isinstance(value, DataCategory):
            return w.data_category(value)
        if isinstance(value, RecipientRole):
            return w.role(value)
        if isinstance(value, Safeguard):
            return w.safeguard(value)
        if isinstance(value, SpecialCondition):
            return w.special_condition(value)
        if isinstance(value, CookieCategory):
            return w.cookie_category(value)
        return str(value.value)


@dataclass(frozen=True)
class Country:
    """A country, named in the document's language."""

    code: str

    def render(self, lang: Lang) -> str:
        return str(lang.locale.territories.get(self.code, self.code))


@dataclass(frozen=True)
class Period:
    """A retention period (with the event it runs from) or a cookie lifetime.

    ``amount`` ``None`` is a session cookie's lifetime.
    """

    amount: int | None
    unit: TimeUnit = TimeUnit.DAYS
    starting: RetentionStart | None = None
    retention: bool = False

    def render(self, lang: Lang) -> str:
        if self.amount is None:
            return lang.gettext(SESSION)
        if self.retention:
            return lang.words.retention(self.amount, self.unit, self.starting)
        return lang.words.duration(self.amount, self.unit)


@dataclass(frozen=True)
class AuthorityName:
    """A supervisory authority, by its catalogue id (named in the language) or its own name."""

    catalog_id: str | None
    name: str

    def render(self, lang: Lang) -> str:
        if self.catalog_id:
            from wizard.catalog.authorities import authority

            found = authority(self.catalog_id)
            if found is not None:
                return found.name(lang.code)
        return self.name or (self.catalog_id or "")


#: A value for a placeholder: plain text and numbers print as they are, the person's own
#: texts in the language (else in another, :meth:`~wizard.model.answers.LocalText.text_in`).
Value = str | int | LocalText | Inline | Word | Country | Period | AuthorityName

#: How a session cookie's lifetime is named inside a sentence.
SESSION = N_("until the browser is closed")


def render(value: Value, lang: Lang) -> str:
    """``value`` as it reads in ``lang``."""
    if isinstance(value, str | int):
        return str(value)
    if isinstance(value, LocalText):
        return value.text_in(lang.code)
    return value.render(lang)
