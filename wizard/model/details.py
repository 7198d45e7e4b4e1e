"""What a category of personal data usually holds, proposed as the editable details of a
category in each output language (``resources/data/data-category-details.json``).

A policy prints only the details the user kept for a purpose ("Identification data: name"), never
a fixed list of examples the answers did not make. The national identification number is
proposed by the organisation's country (the Dutch "burgerservicenummer (BSN)", the Belgian
"rijksregisternummer", ...). Plain data, no Qt and no policy layer, so the project-file migration
and the wizard propose the same words.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from wizard.resources import read_text

__all__ = ["proposed_details"]


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(read_text("data", "data-category-details.json"))
    return data


def proposed_details(
    category: str, country: str | None, languages: Iterable[str]
) -> dict[str, str]:
    """The proposal for ``category`` (a ``DataCategory`` value) in each of ``languages`` it
    exists in; empty when there is none (e.g. genetic data, or a national number of a country
    the data do not know)."""
    data = _data()
    texts: Mapping[str, str]
    if category == "national_id":
        texts = data["national_id"].get((country or "").upper(), {})
    else:
        texts = data["categories"].get(category, {})
    return {lang: texts[lang] for lang in languages if texts.get(lang)}
