"""The languages the app speaks, defined once: everything else iterates over this registry.

A :class:`Language` holds what differs between languages outside the message catalogues: the
Babel locale (dates, lists, country names), the BCP 47 tag written into DOCX, PDF and HTML
files, the language's name, how it cites an article of the GDPR, its punctuation and casing,
the limits of the children's notice's reading measure (:class:`Readability`), which
organisation names take an article inside a sentence (:class:`NameArticles`) and its formal and
informal "you" (:class:`Formality`); what a
registration leaves out takes the defaults of those classes. The message catalogues themselves are ``resources/locale/<code>/LC_MESSAGES/<domain>.mo`` (compiled from
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
    "Formality",
    "Language",
    "NameArticles",
    "Readability",
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
class Readability:
    """The highest average words per sentence and letters per word of a text for children (the
    two inputs of the Flesch and LIX formulas). They differ per language: Dutch and German join
    words into compounds, French needs more small words. The defaults suit a language not
    measured yet; the adult notice, in the formal register, is above them in every language."""

    words_per_sentence: float = 10.0
    letters_per_word: float = 5.0


@dataclass(frozen=True)
class NameArticles:
    """Which organisation names take an article inside a sentence: a name that starts with a
    common noun ("die Zahnarztpraxis Dr. Weber", "le Cabinet Dupont"). A name that is a
    person's or a brand's, or that already starts with an article, takes none. The default (no
    nouns) uses every name as it is, as English and Dutch do."""

    #: Each article with the nouns that take it, as the usual first words of the names of
    #: practices, clinics and small organisations (lower case).
    nouns: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: A noun is also found at the end of the first word, so compounds take the article of
    #: their last noun ("Physiotherapiepraxis"); the longest matching noun decides.
    compounds: bool = False
    #: The articles a name may already start with (lower case).
    articles: frozenset[str] = frozenset()
    #: The elided article and the first letters (lower case) before which it replaces the
    #: article, without a space ("l'Institut ...").
    elision: str = ""
    elided_before: str = ""
    #: Legal forms (lower case) that, anywhere in the name, make it a company's name, which
    #: takes no article ("Klarblick Health GmbH"); a space inside a form may be left out
    #: ("e. v." is also "e.v.").
    legal_forms: tuple[str, ...] = ()
    #: The cases a word before the name governs: each case with the words (lower case) that
    #: govern it ("dative": "von", "mit", ...); after any other word the name is nominative.
    cases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: Each case's article for each nominative article that changes ("dative": "die" -> "der").
    declension: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    #: A word before the name and the article that join into one word ("von dem" -> "vom",
    #: "de le" -> "du").
    contractions: tuple[tuple[str, str], ...] = ()
    #: A word before the name that is elided before a vowel ("de" -> "d'": "d'Acme").
    elided_words: tuple[tuple[str, str], ...] = ()
    #: An adjective before the noun, as written without an article ("Medizinisches
    #: Versorgungszentrum"): its ending for each nominative article of the noun, and the
    #: endings of its stem that mark it as an adjective ("-isch", "neu"), so that a surname
    #: before a noun ("Müller Praxis") is not taken for one; then its endings after the
    #: definite article: each (case, nominative article or "" for any, ending).
    adjective_endings: tuple[tuple[str, str], ...] = ()
    adjective_stems: tuple[str, ...] = ()
    weak_endings: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class Formality:
    """How the policy addresses its reader: the formal "you" it uses, and the pronouns of the
    informal register that must not appear in the person's own texts beside it (the check
    ``register_mixed``). The default (no informal pronouns) suits a language with one "you"."""

    #: The pronoun of the formal register ("u", "vous", "Sie").
    formal: str = ""
    #: The pronouns of the informal register (lower case; French "t'" elided).
    informal: tuple[str, ...] = ()
    #: The words by which a text addresses the reader formally ("uw", "votre", "Ihre"), which
    #: the children's notice (written informally) must not mix in (``children_notice_register``).
    formal_words: tuple[str, ...] = ()
    #: Whether ``formal_words`` are matched with their capital (German: lower-case "ihr" is "her"
    #: or "their"); otherwise in any case.
    formal_words_capitalised: bool = False


@dataclass(frozen=True)
class Language:
    """One language of the policy and of the wizard."""

    #: The code used in project files, file names and catalogues ("nl").
    code: str
    #: The Babel locale for dates, lists and country names ("nl_NL").
    locale: str
    #: The BCP 47 tag written into DOCX (proofing language), PDF (/Lang) and HTML (``lang``)
    #: files ("nl-NL").
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
    #: The limits of the reading measure for the children's notice.
    readability: Readability = Readability()
    #: The organisation names that take an article inside a sentence.
    name_articles: NameArticles = NameArticles()
    #: The formal "you" of the policy and the informal pronouns it must not be mixed with.
    formality: Formality = Formality()
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
        readability=Readability(10.0, 4.4),
    ),
    Language(
        "nl",
        "nl_NL",
        "nl-NL",
        N_("Dutch"),
        "Nederlands",
        Citation("art. {}", "lid {}", "sub {}", " "),
        readability=Readability(10.0, 4.9),
        formality=Formality("u", ("je", "jij", "jou", "jouw", "jullie"), ("u", "uw")),
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
        readability=Readability(10.0, 5.2),
        formality=Formality(
            "vous", ("tu", "toi", "ton", "ta", "tes", "te", "t'"), ("vous", "votre", "vos")
        ),
        name_articles=NameArticles(
            nouns=(
                (
                    "le",
                    (
                        "cabinet",
                        "centre",
                        "institut",
                        "laboratoire",
                        "groupe",
                        "pôle",
                        "espace",
                        "collectif",
                        "service",
                        "hôpital",
                        "dispensaire",
                        "atelier",
                        "studio",
                        "bureau",
                        "réseau",
                        "foyer",
                    ),
                ),
                (
                    "la",
                    (
                        "clinique",
                        "polyclinique",
                        "maison",
                        "pharmacie",
                        "société",
                        "association",
                        "fondation",
                        "agence",
                        "mutuelle",
                        "résidence",
                        "permanence",
                        "crèche",
                        "école",
                        "fédération",
                        "coopérative",
                        "ligue",
                        "boutique",
                    ),
                ),
            ),
            articles=frozenset({"le", "la", "les", "l'", "l’"}),
            elision="l'",
            elided_before="aeiouyéèêhâîô",
            contractions=(("de le", "du"), ("à le", "au"), ("de les", "des"), ("à les", "aux")),
            elided_words=(("de", "d'"), ("que", "qu'")),
        ),
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
        readability=Readability(10.0, 5.4),
        formality=Formality(
            "Sie",
            tuple(
                "du dich dir dein deine deinen deinem deiner deines "
                "euch euer eure euren eurem eurer".split()
            ),
            ("Sie", "Ihnen", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres"),
            formal_words_capitalised=True,
        ),
        name_articles=NameArticles(
            nouns=(
                (
                    "die",
                    (
                        "praxis",
                        "klinik",
                        "kanzlei",
                        "apotheke",
                        "ambulanz",
                        "gesellschaft",
                        "genossenschaft",
                        "stiftung",
                        "agentur",
                        "akademie",
                        "schule",
                        "einrichtung",
                        "beratungsstelle",
                        "initiative",
                        "hebammenpraxis",
                        "therapie",
                        "logopädie",
                        "osteopathie",
                        "ergotherapie",
                        "ordination",
                        "gemeinschaft",
                        "tagesklinik",
                        "pflege",
                        "hilfe",
                        "werkstatt",
                        "manufaktur",
                        "firma",
                    ),
                ),
                (
                    "das",
                    (
                        "zentrum",
                        "institut",
                        "studio",
                        "labor",
                        "büro",
                        "krankenhaus",
                        "ambulatorium",
                        "klinikum",
                        "spital",
                        "team",
                        "mvz",
                        "haus",
                        "atelier",
                        "netzwerk",
                    ),
                ),
                (
                    "der",
                    ("verein", "verband", "dienst", "pflegedienst", "hospizdienst", "betrieb"),
                ),
            ),
            compounds=True,
            articles=frozenset({"der", "die", "das"}),
            legal_forms=(
                "gmbh",
                "mbh",
                "ag",
                "ug",
                "kg",
                "ohg",
                "gbr",
                "e. v.",
                "partg",
                "se",
                "ltd",
                "inc",
                "llc",
                "b.v.",
                "bv",
            ),
            cases=(
                ("dative", ("von", "mit", "bei", "zu", "aus", "nach", "seit", "gegenüber")),
                ("accusative", ("für", "durch", "gegen", "ohne", "um")),
            ),
            declension=(
                ("dative", (("der", "dem"), ("die", "der"), ("das", "dem"))),
                ("accusative", (("der", "den"),)),
            ),
            contractions=(
                ("von dem", "vom"),
                ("zu dem", "zum"),
                ("zu der", "zur"),
                ("bei dem", "beim"),
            ),
            adjective_endings=(("der", "er"), ("die", "e"), ("das", "es")),
            adjective_stems=(
                "isch",
                "lich",
                "ig",
                "sam",
                "bar",
                "haft",
                "neu",
                "alt",
                "groß",
                "gross",
                "klein",
                "jung",
                "frei",
                "gesund",
            ),
            weak_endings=(
                ("nominative", "", "e"),
                ("accusative", "der", "en"),
                ("accusative", "", "e"),
                ("dative", "", "en"),
            ),
        ),
    ),
):
    register(_language)
