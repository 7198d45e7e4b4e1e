"""The base of every answers object, the checked field types (country, language, e-mail, web
address) and :class:`LocalText`, the person's own words in each output language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, RootModel, field_validator

from wizard.languages import LANGUAGES, SOURCE
from wizard.model.countries import is_country_code


class Strict(BaseModel):
    """Base of every answers object: unknown fields are errors, assignments are validated."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        str_strip_whitespace=True,
        use_enum_values=False,
    )


def _country(value: str) -> str:
    value = value.strip().upper()
    if not is_country_code(value):
        raise ValueError(f"unknown country code {value!r}")
    return value


def _language(value: str) -> str:
    if value not in LANGUAGES:
        raise ValueError(f"unsupported language {value!r} (choose from {', '.join(LANGUAGES)})")
    return value


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _email(value: str) -> str:
    value = value.strip()
    if not _EMAIL.match(value):
        raise ValueError(f"not an e-mail address: {value!r}")
    return value


#: A bare host name as people type it ("www.example.nl", "example.com/privacy").
_BARE_HOST = re.compile(r"^[^\s/:@]+\.[a-z]{2,}(?:[/?#]\S*)?$", re.IGNORECASE)


def complete_url(value: str) -> str:
    """``www.example.nl`` -> ``https://www.example.nl``; anything else unchanged."""
    value = value.strip()
    return "https://" + value if _BARE_HOST.match(value) else value


def _url(value: str) -> str:
    value = complete_url(value)
    if not re.match(r"^https?://[^\s/$.?#].[^\s]*$", value, re.IGNORECASE):
        raise ValueError(f"not a web address starting with http:// or https://: {value!r}")
    return value


CountryCode = Annotated[str, AfterValidator(_country), Field(examples=["NL", "DE"])]


Language = Annotated[str, AfterValidator(_language)]


Email = Annotated[str, AfterValidator(_email)]


Url = Annotated[str, AfterValidator(_url)]


NonEmpty = Annotated[str, Field(min_length=1)]


class LocalText(RootModel[dict[Language, str]]):
    """A user's own text in one or more output languages, e.g. ``{"en": "...", "nl": "..."}``."""

    root: dict[Language, str] = Field(default_factory=dict)

    @field_validator("root")
    @classmethod
    def _strip(cls, value: dict[str, str]) -> dict[str, str]:
        return {lang: text.strip() for lang, text in value.items() if text.strip()}

    def get(self, lang: str) -> str | None:
        """The text in ``lang``, or ``None`` when it was not given in that language."""
        return self.root.get(lang)

    def languages(self) -> set[str]:
        """The languages this text is available in."""
        return set(self.root)

    def text_in(self, lang: str | None) -> str:
        """The text for a reader of ``lang``: in ``lang``, else in the source language, else in
        the first registered language that has it ("" when it is written in none)."""
        found = self.pick(lang)
        return found[1] if found else ""

    def pick(self, lang: str | None) -> tuple[str, str] | None:
        """The language and the text :meth:`text_in` gives (``None`` when there is none)."""
        for code in (lang, SOURCE, *LANGUAGES):
            if code and (text := self.root.get(code)):
                return code, text
        return None

    @classmethod
    def join(cls, parts: Iterable[LocalText | str], sep: str = ", ") -> LocalText | str:
        """``parts`` (texts, or plain strings that read the same in every language) joined with
        ``sep``, language by language; a plain string when no part is a text."""
        items = list(parts)
        langs = [
            lang
            for lang in LANGUAGES
            if any(isinstance(p, LocalText) and lang in p.root for p in items)
        ]
        if not langs:
            return sep.join(plain(p, None) for p in items)
        return cls({lang: sep.join(plain(p, lang) for p in items) for lang in langs})

    def __bool__(self) -> bool:
        return bool(self.root)


def plain(value: LocalText | str, lang: str | None) -> str:
    """``value`` for a reader of ``lang``: a text in that language (:meth:`LocalText.text_in`),
    a plain string as it is."""
    return value.text_in(lang) if isinstance(value, LocalText) else value
