"""What the flow reports: :class:`Issue` (something missing or risky, on the page where it is
answered), the names it gives the person's purposes and recipients in its messages, and the
checks of a typed e-mail or web address.

Messages are English source strings marked with :func:`~wizard.languages.N_` and named
``{placeholders}``; the UI translates them with its gettext translator through
:meth:`Issue.text`, so the flow needs no translator of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import msgspec

from wizard.flow.pages import PageId
from wizard.languages import N_
from wizard.model.answers import Email, LocalText, Purpose, Recipient, Strict, Url, plain


class Issue(msgspec.Struct, frozen=True):
    """Something missing or risky, on the page where it is answered.

    ``field`` is the model path (``organisation.email``, ``purposes[2].legal_basis``) so the UI can
    point at the widget. ``blocking`` issues keep the page's Next button disabled; the others are
    shown in amber. ``translation`` issues (a text not yet written in an output language) do not
    block the page, but block generating until the text is written or the language dropped.
    """

    page: PageId
    field: str
    message: str
    args: Mapping[str, Any] = msgspec.field(default_factory=dict)
    blocking: bool = True
    translation: bool = False
    #: A stable code naming the kind of issue (the review explains it by this code; an issue
    #: without one is an incomplete answer).
    code: str = ""

    def text(self, gettext: Callable[[str], str] = lambda s: s, lang: str | None = None) -> str:
        """The message in the UI language: ``gettext`` translates the English template and the
        arguments that are themselves marked messages (``what``, ``language``, ``problem``);
        the user's own texts (:class:`~wizard.model.answers.LocalText`) are given in ``lang``
        where they exist in it."""
        named = in_language(self.args, lang)
        args = dict(named)
        for key in _TRANSLATED_ARGS:
            if key in args:
                args[key] = gettext(args[key]).format(**named)
        return gettext(self.message).format(**args)


def in_language(args: Mapping[str, Any], lang: str | None) -> dict[str, Any]:
    """``args`` with every :class:`~wizard.model.answers.LocalText` value given in ``lang``
    (:meth:`~wizard.model.answers.LocalText.text_in`)."""
    return {k: plain(v, lang) if isinstance(v, LocalText) else v for k, v in args.items()}


_TRANSLATED_ARGS = ("what", "language", "problem")


def email_problem(text: str) -> str | None:
    """An error message for a typed e-mail address, or ``None`` when it is fine or empty."""
    if not text.strip():
        return None
    try:
        Strict.check_value(Email, text)
    except ValueError:
        return N_("This is not an e-mail address (it should look like name@example.com).")
    return None


def url_problem(text: str) -> str | None:
    """An error message for a typed web address, or ``None`` when it is fine or empty."""
    if not text.strip():
        return None
    try:
        Strict.check_value(Url, text)
    except ValueError:
        return N_("This is not a web address (it should start with https://).")
    return None


def purpose_label(purpose: Purpose, lang: str = "en") -> str:
    """A short name for a purpose in messages: its name in ``lang``, any name, or its id."""
    return purpose.name.get(lang) or next(iter(purpose.name.root.values()), "") or purpose.id


def purpose_named(purpose: Purpose) -> LocalText | str:
    """A purpose's name in every language it has, for messages shown in any language (its id
    when it has no name)."""
    return purpose.name or purpose.id


def country_named(code: str) -> LocalText:
    """A country's name (ISO 3166-1 alpha-2 ``code``) in every document language, for messages
    shown in any language (the code itself where a language has no name for it)."""
    from babel import Locale

    from wizard import languages

    return LocalText(
        {
            lang: str(Locale.parse(languages.get(lang).locale).territories.get(code, code))
            for lang in languages.LANGUAGES
        }
    )


def language_named(code: str) -> LocalText:
    """A language's name (a code of the language registry) in every document language, as
    that language writes it inside a sentence ("allemand" in French, "Duits" in Dutch);
    the registry's English name where a language has no name for it."""
    from babel import Locale, UnknownLocaleError

    from wizard.languages import get as get_language
    from wizard.model.answers import LANGUAGES

    language = get_language(code)
    names = {}
    for reader in LANGUAGES:
        try:
            name = Locale.parse(get_language(reader).locale).languages.get(language.code)
        except (UnknownLocaleError, ValueError):
            name = None
        names[reader] = str(name) if name else language.name
    return LocalText(names)


def recipient_label(recipient: Recipient, lang: str = "en") -> str:
    """A short name for a recipient: its name, else its category in ``lang`` (or any language)."""
    return (
        recipient.name
        or recipient.category.get(lang)
        or next(iter(recipient.category.root.values()), "")
    )


def recipient_named(recipient: Recipient) -> LocalText | str:
    """A recipient's name (the same in every language), else its category in each language."""
    return recipient.name or recipient.category
