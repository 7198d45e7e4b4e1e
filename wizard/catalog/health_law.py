"""National provisions behind Art. 9(2)(h) and (i) GDPR and the professional secrecy of
Art. 9(3), per country, named in each document language.

Read from ``resources/data/health-law.json`` (sources and "verified on" dates there and in
``resources/data/README.md``). Each provision carries a status, as the cookie provisions do:
``confirmed`` when it was read in the cited source on ``verified_on``, ``unverified`` when no
source at hand confirmed it. Only confirmed provisions reach the policy; a country, or a
provision, without one gets the GDPR article alone: nothing is guessed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from wizard.languages import LANGUAGES as _LANGUAGES
from wizard.resources import read_text

__all__ = ["KINDS", "HealthLaw", "Provision", "health_law", "health_laws"]

#: The provisions a country may have: Art. 9(2)(h), Art. 9(2)(i) and Art. 9(3) GDPR.
KINDS = ("care", "public", "secrecy")


@dataclass(frozen=True)
class Provision:
    """One national provision with its citation in each document language."""

    kind: str
    names: dict[str, str]
    #: ``"confirmed"`` or ``"unverified"``.
    status: str
    source: str
    verified_on: date | None

    @property
    def confirmed(self) -> bool:
        """Whether the provision was read in its cited source (and may be printed)."""
        return self.status == "confirmed" and self.verified_on is not None


@dataclass(frozen=True)
class HealthLaw:
    """One country's provisions. ``care``, ``public`` and ``secrecy`` map each document
    language to the citation of a *confirmed* provision (empty when there is none);
    ``provisions`` holds every listed provision, unverified ones included."""

    country: str
    care: dict[str, str]
    public: dict[str, str]
    secrecy: dict[str, str]
    provisions: dict[str, Provision] = field(default_factory=dict)

    @property
    def unverified(self) -> list[Provision]:
        """The listed provisions no source confirmed."""
        return [p for p in self.provisions.values() if not p.confirmed]


def _provision(kind: str, row: dict[str, Any]) -> Provision:
    verified = row.get("verified_on")
    return Provision(
        kind=kind,
        names={lang: row[lang] for lang in _LANGUAGES if row.get(lang)},
        status=row["status"],
        source=row["source"],
        verified_on=date.fromisoformat(verified) if verified else None,
    )


@cache
def _load() -> dict[str, HealthLaw]:
    data = json.loads(read_text("data", "health-law.json"))
    laws: dict[str, HealthLaw] = {}
    for code, row in data["countries"].items():
        provisions = {kind: _provision(kind, row[kind]) for kind in KINDS if kind in row}

        def names(kind: str, provisions: dict[str, Provision] = provisions) -> dict[str, str]:
            p = provisions.get(kind)
            return dict(p.names) if p is not None and p.confirmed else {}

        laws[code] = HealthLaw(
            country=code,
            care=names("care"),
            public=names("public"),
            secrecy=names("secrecy"),
            provisions=provisions,
        )
    return laws


def health_laws() -> list[HealthLaw]:
    """Every listed country, in the file's order."""
    return list(_load().values())


def health_law(country: str | None) -> HealthLaw | None:
    """The provisions of ``country`` (ISO code), or ``None`` when none is listed."""
    if not country:
        return None
    return _load().get(country.strip().upper())
