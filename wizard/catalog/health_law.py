"""National provisions behind Art. 9(2)(h) and (i) GDPR and the professional secrecy of
Art. 9(3), per country, named in each document language.

Read from ``resources/data/health-law.json`` (sources and "verified on" dates there and in
``resources/data/README.md``). A country or provision that is not listed gets the GDPR article
alone in the policy: nothing is guessed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from wizard.resources import read_text

__all__ = ["HealthLaw", "health_law"]


@dataclass(frozen=True)
class HealthLaw:
    """One country's provisions, each a mapping from document language to its citation."""

    country: str
    care: dict[str, str]
    public: dict[str, str]
    secrecy: dict[str, str]
    source: str
    verified_on: str


@cache
def _load() -> dict[str, HealthLaw]:
    data = json.loads(read_text("data", "health-law.json"))
    return {
        code: HealthLaw(
            country=code,
            care=dict(row.get("care", {})),
            public=dict(row.get("public", {})),
            secrecy=dict(row.get("secrecy", {})),
            source=row["source"],
            verified_on=row["verified_on"],
        )
        for code, row in data["countries"].items()
    }


def health_law(country: str | None) -> HealthLaw | None:
    """The provisions of ``country`` (ISO code), or ``None`` when none is listed."""
    if not country:
        return None
    return _load().get(country.strip().upper())
