"""How the organisation's name reads inside a sentence of the document's language.

German and French put an article before a name that starts with a common noun: "Verantwortlich
... ist die Zahnarztpraxis Dr. Weber", "le Cabinet Dupont traite vos données". A name that is a
person's or a brand's ("Klarblick Health GmbH", "Dr. Anna Weber") takes none, nor does a name
that already starts with an article. Which nouns take which article, and the rest, is the
language's :class:`~wizard.languages.NameArticles` in the registry; a language without nouns
there (English, Dutch) uses the name as it is.
"""

from __future__ import annotations

import re
from functools import cache

from wizard import languages
from wizard.languages import NameArticles

__all__ = ["name_in_sentence"]


def _first_word(name: str) -> str:
    match = re.match(r"[^\W\d_]+", name)
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


def name_in_sentence(name: str, lang: str) -> str:
    """``name`` as it reads inside a sentence of ``lang`` (with its article where needed)."""
    name = name.strip()
    rules = languages.get(lang).name_articles
    word = _first_word(name)
    if not rules.nouns or not word or not word[0].isupper():
        return name
    if word.casefold() in rules.articles:
        return name
    legal_form = _legal_form(rules.legal_forms)
    if legal_form is not None and legal_form.search(name):
        return name
    article = _article(word, rules)
    if article is None:
        return name
    if rules.elision and word[0].casefold() in rules.elided_before:
        return f"{rules.elision}{name}"
    return f"{article} {name}"
