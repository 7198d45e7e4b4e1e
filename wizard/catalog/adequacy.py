"""The European Commission's adequacy decisions (Art. 45 GDPR): which countries outside the
EU/EEA a transfer may go to on the strength of a decision alone, and which safeguard the wizard
names for it (the EU-US Data Privacy Framework is the decision for the United States, and covers
certified organisations only).

Read from ``resources/data/adequacy-decisions.csv`` through :func:`wizard.resources.read_text`.
A decision that covers part of a country's organisations (``scope``, e.g. Canada's commercial
organisations) is accepted as it is: the wizard cannot tell whether a recipient is within it.
"""

from __future__ import annotations

import csv
import io
from functools import cache

import msgspec

from wizard.model.answers import Safeguard
from wizard.resources import read_text


class AdequacyDecision(msgspec.Struct, frozen=True):
    """The decision that finds ``country`` adequate, and the safeguard the wizard names for it."""

    country: str
    safeguard: Safeguard
    #: What the decision covers when not the whole country, in English ("" for all of it).
    scope: str
    #: The decision, by number and date.
    decision: str
    source: str
    verified_on: str


@cache
def adequacy_decisions() -> dict[str, AdequacyDecision]:
    """Every adequacy decision in force, by country (ISO 3166-1 alpha-2)."""
    reader = csv.DictReader(io.StringIO(read_text("data", "adequacy-decisions.csv")))
    return {
        row["country"]: AdequacyDecision(
            row["country"],
            Safeguard(row["safeguard"]),
            row["scope"],
            row["decision"],
            row["source"],
            row["verified_on"],
        )
        for row in reader
    }


@cache
def adequate_countries(safeguard: Safeguard = Safeguard.ADEQUACY) -> frozenset[str]:
    """The countries a transfer may go to under ``safeguard``: an adequacy decision, or the
    Data Privacy Framework (the United States)."""
    return frozenset(c for c, d in adequacy_decisions().items() if d.safeguard is safeguard)


@cache
def adequate_as_a_whole() -> frozenset[str]:
    """The countries whose adequacy decision covers the whole country (no ``scope``): its law,
    access by public authorities included, was found essentially equivalent."""
    return frozenset(
        c
        for c, d in adequacy_decisions().items()
        if d.safeguard is Safeguard.ADEQUACY and not d.scope
    )


__all__ = ["AdequacyDecision", "adequacy_decisions", "adequate_as_a_whole", "adequate_countries"]
