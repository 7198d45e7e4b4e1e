"""National statutes a retention period may cite, recognised by the abbreviation or title that
names them (``BGB``, ``AWR``, ``Code de la santé publique``), with their country: the review
tells an organisation whose statutory period cites another country's law.

Read from ``resources/data/retention-statutes.csv`` through :func:`wizard.resources.read_text`.
A marker is matched as a whole word, letter case as written, so "AO" is not found in "Aokay"
and an abbreviation two countries share is listed for neither.
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache

import msgspec

from wizard.resources import read_text


class Statute(msgspec.Struct, frozen=True):
    """A statute of ``country``, found in a text by ``marker``."""

    country: str
    marker: str
    name_en: str
    source: str
    verified_on: str


@cache
def statutes() -> tuple[Statute, ...]:
    """Every statute listed, in the file's order."""
    reader = csv.DictReader(io.StringIO(read_text("data", "retention-statutes.csv")))
    return tuple(
        Statute(r["country"], r["marker"], r["name_en"], r["source"], r["verified_on"])
        for r in reader
    )


@cache
def _pattern(marker: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(marker)}(?!\w)")


def statutes_cited(text: str) -> list[Statute]:
    """The listed statutes ``text`` cites, in the file's order."""
    return [s for s in statutes() if _pattern(s.marker).search(text)]


__all__ = ["Statute", "statutes", "statutes_cited"]
