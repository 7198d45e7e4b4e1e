"""National rules requiring a data protection officer beyond Art. 37(1) GDPR (Art. 37(4)).

Read from ``resources/data/dpo-national.csv`` through :func:`wizard.resources.read_text`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache

from wizard.resources import read_text


@dataclass(frozen=True)
class NationalDpoRule:
    """From how many people constantly processing personal data by computer a controller in
    ``country`` must designate a data protection officer, and the provision that says so."""

    country: str
    people_threshold: int
    provision: str
    #: The rule requiring an officer, whatever the headcount, for processing that needs an
    #: impact assessment under Art. 35 ("" where the country has none).
    dpia_provision: str
    source: str
    verified_on: str


@cache
def _load() -> dict[str, NationalDpoRule]:
    reader = csv.DictReader(io.StringIO(read_text("data", "dpo-national.csv")))
    return {
        row["country"]: NationalDpoRule(
            row["country"],
            int(row["people_threshold"]),
            row["provision"],
            row["dpia_provision"],
            row["source"],
            row["verified_on"],
        )
        for row in reader
    }


def national_dpo_rule(country: str) -> NationalDpoRule | None:
    """The national headcount rule of ``country``, if it has one."""
    return _load().get(country)


__all__ = ["NationalDpoRule", "national_dpo_rule"]
