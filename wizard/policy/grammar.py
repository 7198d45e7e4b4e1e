"""How the organisation's name reads inside a sentence of the document's language.

German and French put an article before a name that starts with a common noun: "Verantwortlich
... ist die Zahnarztpraxis Dr. Weber", "le Cabinet Dupont traite vos données". A name that is a
person's or a brand's ("Klarblick Health GmbH", "Dr. Anna Weber") or that starts with its legal
form ("SELARL ...") takes none, nor does a name that already starts with an article. English and
Dutch use the name as it is. The nouns are the usual first words of the names of practices,
clinics and small organisations; the longest matching ending decides the gender, so compounds
("Physiotherapiepraxis", "Gesundheitszentrum") are found too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["name_in_sentence"]

_DE_ARTICLES = {
    "die": (
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
    ),
    "das": ("zentrum", "institut", "studio", "labor", "büro", "krankenhaus", "ambulatorium"),
    "der": ("verein", "verband", "pflegedienst", "hospizdienst"),
}
_FR_ARTICLES = {
    "le": (
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
    ),
    "la": (
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
    ),
}
_ARTICLES_ALREADY = {
    "de": {"der", "die", "das"},
    "fr": {"le", "la", "les", "l'", "l’"},
}
# A name whose first word is a legal form ("GmbH & Co. KG ..." rarely, "SELARL", "SARL", "SAS").
_LEGAL_FORM_FIRST = re.compile(r"^(selarl|selas|sarl|sas|sasu|sa|sci|scp|eurl|gmbh|ag|ug)\b", re.I)
_DE_LEGAL_FORM = re.compile(
    r"\b(gmbh|mbh|ag|ug|kg|ohg|gbr|e\.\s?v\.|partg|se|ltd|inc|llc|b\.v\.)(?=$|[\s,.&)])", re.I
)


def _first_word(name: str) -> str:
    match = re.match(r"[^\W\d_]+", name)
    return match.group(0) if match else ""


def _article(word: str, table: Mapping[str, tuple[str, ...]], whole_word: bool) -> str | None:
    lowered = word.casefold()
    best: tuple[int, str] | None = None
    for article, nouns in table.items():
        for noun in nouns:
            hit = lowered == noun if whole_word else lowered.endswith(noun)
            if hit and (best is None or len(noun) > best[0]):
                best = (len(noun), article)
    return best[1] if best else None


def name_in_sentence(name: str, lang: str) -> str:
    """``name`` as it reads inside a sentence of ``lang`` (with its article where needed)."""
    name = name.strip()
    word = _first_word(name)
    if not word or not word[0].isupper() or lang not in _ARTICLES_ALREADY:
        return name
    if word.casefold() in _ARTICLES_ALREADY[lang] or _LEGAL_FORM_FIRST.match(name):
        return name
    if lang == "de":
        # "Klarblick Health GmbH" is a company's name; "Zahnarztpraxis Dr. Weber" is a practice.
        if _DE_LEGAL_FORM.search(name):
            return name
        article = _article(word, _DE_ARTICLES, whole_word=False)
        return f"{article} {name}" if article else name
    article = _article(word, _FR_ARTICLES, whole_word=True)
    if article is None:
        return name
    if word[0].casefold() in "aeiouyéèêhâîô":
        return f"l'{name}"
    return f"{article} {name}"
