"""How the organisation's name reads inside a sentence of the document's language.

German and French put an article before a name that starts with a common noun: "Verantwortlich
... ist die Zahnarztpraxis Dr. Weber", "le Cabinet Dupont traite vos données". A name that is a
person's or a brand's ("Klarblick Health GmbH", "Dr. Anna Weber") takes none. A name that
already starts with an article keeps it, in small letters inside a sentence. One adjective
before the noun is allowed ("das Medizinische Versorgungszentrum Nord").

The words before the name in a translated sentence decide its form (:func:`fill_name`): a
German preposition its case ("von der Praxis Muster", "vom Gesundheitszentrum Nord"), a French
"de" or "à" its contraction ("du Cabinet Dupont", "au Cabinet Dupont", "d'Acme"); at the start
of a sentence the article takes a capital. Where the article found from the name is wrong,
the user chooses it (``organisation.name_article``: an article or none). Which nouns take which article, the cases, the
contractions and the rest are the language's :class:`~wizard.languages.NameArticles` in the
registry; a language without nouns there (English, Dutch) uses the name as it is.

Limits: one adjective, declined as after a definite article; a German name that starts with a
plural article ("Die Zahnärzte am Markt") is declined as a singular feminine one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from wizard import languages
from wizard.languages import NameArticles
from wizard.model.organisation import NO_ARTICLE

__all__ = ["NameInSentence", "fill_name", "name_in_sentence"]

_WORD = re.compile(r"[^\W\d_]+")
_NOMINATIVE = "nominative"
_SENTENCE_END = (".", "!", "?")


def _first_word(name: str) -> str:
    match = _WORD.match(name)
    return match.group(0) if match else ""


def _article(word: str, rules: NameArticles) -> str | None:
    """The article of the longest noun ``word`` is (or, for compounds, ends with)."""
    lowered = word.casefold()
    best: tuple[int, str] | None = None
    for article, nouns in rules.nouns:
        for noun in nouns:
            hit = lowered.endswith(noun) if rules.compounds else lowered == noun
            if hit and (best is None or len(noun) > best[0]):
                best = (len(noun), article)
    return best[1] if best else None


@cache
def _legal_form(forms: tuple[str, ...]) -> re.Pattern[str] | None:
    """A legal form of ``forms`` as a word of a name ("GmbH", "e.V.", "e. V.")."""
    if not forms:
        return None
    alternatives = "|".join(re.escape(form).replace(r"\ ", r"\s?") for form in forms)
    return re.compile(rf"\b({alternatives})(?=$|[\s,.&)])", re.I)


def _chosen(name: str, article: str | None, rules: NameArticles) -> _Parts | None:
    """How ``name`` takes ``article``, the one the user chose (``NO_ARTICLE``: none; None:
    the one :func:`_parts` finds)."""
    found = _parts(name, rules)
    if article is None or (found is not None and found.article == article):
        return found
    if article == NO_ARTICLE or article not in rules.articles:
        return None
    return _Parts(article, "", name)


def _lookup(pairs: tuple[tuple[str, str], ...], key: str) -> str | None:
    return next((value for k, value in pairs if k == key), None)


@dataclass(frozen=True)
class _Parts:
    """A name taken apart: its article (nominative, small letters; "" for none), the stem of
    an adjective before its noun ("Medizinisch"; "" for none) and the rest of the name."""

    article: str
    adjective: str
    rest: str


def _adjective_stem(word: str, article: str, rules: NameArticles) -> str:
    """The stem of ``word`` if it reads as an adjective before a noun taking ``article``
    ("Neue" before "Praxis" -> "Neu"), else ""."""
    ending = _lookup(rules.adjective_endings, article)
    if not ending or not word.endswith(ending):
        return ""
    stem = word[: -len(ending)]
    return stem if stem.casefold().endswith(rules.adjective_stems) else ""


def _parts(name: str, rules: NameArticles) -> _Parts | None:
    """How ``name`` takes an article, or None if it takes none."""
    word = _first_word(name)
    if not rules.nouns or not word or not word[0].isupper():
        return None
    for elided in rules.articles:
        if elided.endswith(("'", "’")) and name.casefold().startswith(elided):
            return _Parts(elided, "", name[len(elided) :])
    if word.casefold() in rules.articles and name[len(word) :].startswith(" "):
        return _Parts(word.casefold(), "", name[len(word) + 1 :])
    legal_form = _legal_form(rules.legal_forms)
    if legal_form is not None and legal_form.search(name):
        return None
    article = _article(word, rules)
    if article is not None:
        return _Parts(article, "", name)
    following = name[len(word) :]
    if rules.adjective_endings and following.startswith(" "):
        noun = _first_word(following[1:])
        noun_article = _article(noun, rules) if noun[:1].isupper() else None
        stem = _adjective_stem(word, noun_article, rules) if noun_article else ""
        if noun_article and stem:
            return _Parts(noun_article, stem, following[1:])
    return None


def _form(parts: _Parts, case: str, rules: NameArticles) -> str:
    """The name with its article (and adjective) in ``case``."""
    declension = dict(rules.declension).get(case, ())
    article = _lookup(declension, parts.article) or parts.article
    rest = parts.rest
    if parts.adjective:
        ending = next(
            (e for c, a, e in rules.weak_endings if c == case and a == parts.article),
            next((e for c, a, e in rules.weak_endings if c == case and not a), ""),
        )
        rest = f"{parts.adjective}{ending} {rest}"
    if article.endswith(("'", "’")):
        return f"{article}{rest}"
    if rules.elision and rest[:1].casefold() in rules.elided_before:
        return f"{rules.elision}{rest}"
    return f"{article} {rest}"


def name_in_sentence(name: str, lang: str, article: str | None = None) -> str:
    """``name`` as it reads as the subject inside a sentence of ``lang`` (with its article
    where needed, or with ``article`` the user chose)."""
    name = name.strip()
    rules = languages.get(lang).name_articles
    parts = _chosen(name, article, rules)
    return name if parts is None else _form(parts, _NOMINATIVE, rules)


def _case(word: str, rules: NameArticles) -> str:
    """The case the word before a name governs (a German preposition's), else nominative."""
    lowered = word.casefold()
    return next((case for case, words in rules.cases if lowered in words), _NOMINATIVE)


def _governed(before: str, name: str, lang: str, article: str | None) -> tuple[str, str]:
    """The text ``before`` the name (its last word contracted or elided where the name's
    form needs it) and the name's form after it."""
    rules = languages.get(lang).name_articles
    name = name.strip()
    parts = _chosen(name, article, rules)
    match = re.search(r"(\S+)(\s+)$", before)
    last = match.group(1) if match else ""
    form = name if parts is None else _form(parts, _case(last, rules), rules)
    if match and parts is not None:
        head = before[: match.start()]
        article, _, rest = form.partition(" ")
        contracted = _lookup(rules.contractions, f"{last.casefold()} {article.casefold()}")
        if contracted is not None and rest:
            word = contracted.capitalize() if last[:1].isupper() else contracted
            return f"{head}{word} ", rest
    if match:
        head = before[: match.start()]
        elided = _lookup(rules.elided_words, last.casefold())
        if elided is not None and form[:1].casefold() in rules.elided_before:
            word = elided.capitalize() if last[:1].isupper() else elided
            return f"{head}{word}", form
    if parts is not None and (not before.strip() or before.rstrip().endswith(_SENTENCE_END)):
        form = form[:1].upper() + form[1:]
    return before, form


def fill_name(text: str, placeholder: str, name: str, lang: str, article: str | None = None) -> str:
    """``text`` with each ``placeholder`` replaced by ``name`` in the form the words before it
    govern ("Einwilligungstexte von {organisation}" -> "... von der Praxis Muster")."""
    pieces = text.split(placeholder)
    out = pieces[0]
    for piece in pieces[1:]:
        out, form = _governed(out, name, lang, article)
        out += form + piece
    return out


class NameInSentence(str):
    """The organisation's name as a template value: as a string, its form as the subject of a
    sentence (:func:`name_in_sentence`); filled into a translated message by the templates'
    gettext, the form the words before it govern (:func:`fill_name`)."""

    name: str
    lang: str
    article: str | None

    def __new__(cls, name: str, lang: str, article: str | None = None) -> NameInSentence:
        value = super().__new__(cls, name_in_sentence(name, lang, article))
        value.name = name
        value.lang = lang
        value.article = article
        return value

    def __reduce__(self) -> tuple[type[NameInSentence], tuple[str, str, str | None]]:
        return (NameInSentence, (self.name, self.lang, self.article))

    def in_message(self, before: str) -> tuple[str, str]:
        """The text ``before`` this name in a message, and the name's form after it."""
        return _governed(before, self.name, self.lang, self.article)

    def fill(self, text: str, placeholder: str) -> str:
        """``text`` with this name in place of each ``placeholder`` (:func:`fill_name`)."""
        return fill_name(text, placeholder, self.name, self.lang, self.article)
