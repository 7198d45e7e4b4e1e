"""The languages the app speaks, defined once: everything else iterates over this registry.

A :class:`Language` holds what differs between languages outside the message catalogues: the
Babel locale (dates, lists, country names), the BCP 47 tag written into DOCX and PDF files, the
language's name, how it cites an article of the GDPR, its punctuation and casing. The message
catalogues themselves are ``resources/locale/<code>/LC_MESSAGES/<domain>.mo`` (compiled from
``translations/``), or the folder a language names in :attr:`Language.catalogues`.

:data:`LANGUAGES` is a live view of the registry's codes, in the order offered to the user:
``for lang in LANGUAGES``, ``lang in LANGUAGES`` and ``", ".join(LANGUAGES)`` see a language
added with :func:`register` (a test's pseudo language, for instance). This module imports
nothing of the app, so every layer may use it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

__all__ = [
    "LANGUAGES",
    "SOURCE",
    "Citation",
    "Language",
    "get",
    "register",
    "unregister",
]

#: The language the messages are written in (no catalogue needed).
SOURCE = "en"


def N_(message: str) -> str:  # noqa: N802 - the gettext convention, for extraction
    """Mark ``message`` for the ``ui`` catalogue without translating it here."""
    return message


@dataclass(frozen=True)
class Citation:
    """How a language cites a provision of the GDPR: the parts of "Art. 13(2)(f)" with ``{}``
    for the number, joined by ``separator``."""

    article: str
    paragraph: str
    point: str
    separator: str

    def cite(self, article: str, paragraph: str | None = None, point: str | None = None) -> str:
        """``article`` (with its ``paragraph`` and ``point``, where given) in this style."""
        parts = [
            self.article.format(article),
            paragraph and self.paragraph.format(paragraph),
            point and self.point.format(point),
        ]
        return self.separator.join(p for p in parts if p)


@dataclass(frozen=True)
class Language:
    """One language of the policy and of the wizard."""

    #: The code used in project files, file names and catalogues ("nl").
    code: str
    #: The Babel locale for dates, lists and country names ("nl_NL").
    locale: str
    #: The BCP 47 tag written into DOCX (proofing language) and PDF (/Lang) files ("nl-NL").
    tag: str
    #: The language's English name, a ``ui`` message translated when shown ("Dutch").
    name: str
    #: The language's name in itself ("Nederlands").
    endonym: str
    citation: Citation
    #: The colon after a label, and the separator of items inside a sentence.
    colon: str = ":"
    semicolon: str = "; "
    #: A no-break space before ``: ; ? !`` and inside guillemets (French typography).
    spaced_punctuation: bool = False
    #: The first day of a month in a long date as an ordinal ("1er décembre").
    first_day: str | None = None
    #: Nouns keep their capital inside a sentence (German): a description the user wrote to
    #: stand alone is not lowered, except for the words in :attr:`lowered_words`.
    capitalised_nouns: bool = False
    #: The articles and possessives that do start with a small letter inside a sentence.
    lowered_words: frozenset[str] = frozenset()
    #: The folder holding ``<code>/LC_MESSAGES/<domain>.mo`` (None: the app's own catalogues).
    catalogues: Path | None = None


_NBSP = "\u00a0"

_REGISTRY: dict[str, Language] = {}


def register(language: Language) -> None:
    """Add ``language`` to the registry (after the others), or replace the one with its code."""
    _REGISTRY[language.code] = language


def unregister(code: str) -> None:
    """Remove a language that :func:`register` added (a test's pseudo language)."""
    _REGISTRY.pop(code, None)


def get(code: str) -> Language:
    """The language ``code``; a ``KeyError`` naming the registered ones when it is unknown."""
    try:
        return _REGISTRY[code]
    except KeyError:
        raise KeyError(f"unknown language {code!r} (choose from {', '.join(_REGISTRY)})") from None


def match_language(preferred: Iterable[str]) -> str | None:
    """The first of ``preferred`` (BCP 47 tags, as ``QLocale.uiLanguages()`` lists them, in
    the user's order) that is a registered language: the whole tag (``en-XA``), else its
    language part (``de-AT`` gives ``de``, ``zh-Hans-CN`` tries ``zh``); case does not matter.
    ``None`` when none is."""
    codes = {code.lower(): code for code in _REGISTRY}
    for tag in preferred:
        tag = tag.lower()
        found = codes.get(tag) or codes.get(tag.split("-")[0])
        if found:
            return found
    return None


class _Codes(Sequence[str]):
    """The registered codes, read each time (so a language registered later is included)."""

    def __iter__(self) -> Iterator[str]:
        return iter(tuple(_REGISTRY))

    def __len__(self) -> int:
        return len(_REGISTRY)

    def __contains__(self, code: object) -> bool:
        return code in _REGISTRY

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...
    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        return tuple(_REGISTRY)[index]

    def __repr__(self) -> str:
        return repr(tuple(_REGISTRY))


#: The codes of the registered languages, in the order offered ("en", "nl", "fr", "de").
LANGUAGES: Sequence[str] = _Codes()


for _language in (
    Language(
        "en",
        "en_GB",
        "en-GB",
        N_("English"),
        "English",
        Citation("Art. {}", "({})", "({})", ""),
    ),
    Language(
        "nl",
        "nl_NL",
        "nl-NL",
        N_("Dutch"),
        "Nederlands",
        Citation("art. {}", "lid {}", "sub {}", " "),
    ),
    Language(
        "fr",
        "fr_FR",
        "fr-FR",
        N_("French"),
        "Français",
        Citation("article {}", "paragraphe {}", "point {})", ", "),
        colon=_NBSP + ":",
        semicolon=_NBSP + "; ",
        spaced_punctuation=True,
        first_day="1er",
    ),
    Language(
        "de",
        "de_DE",
        "de-DE",
        N_("German"),
        "Deutsch",
        Citation("Art. {}", "Abs. {}", "lit. {}", " "),
        capitalised_nouns=True,
        lowered_words=frozenset(
            "unser unsere unserem unseren unserer unseres ihr ihre ihrem ihren ihrer ihres "
            "der die das den dem des ein eine einem einen einer eines".split()
        ),
    ),
):
    register(_language)
