"""The national law that transposes Art. 5(3) of the ePrivacy Directive, per EU/EEA country.

Read from ``resources/data/cookie-laws.csv`` (sources and "verified on" dates in
``resources/data/README.md``). Every EU/EEA country has a row: the provision and its act where a
source confirmed the provision (``checked = provision``), otherwise the act alone
(``checked = act``). A row whose citation was not confirmed against a source that can be
cited has ``status = unverified``: the policy does not print it as fact (it names the directive
alone) and the review advises checking it. Each row names the law in each output language, with its original title
where the reader's language differs, so that a Dutch reader of a French controller's policy reads
"artikel 82 van de Wet inzake informatica en vrijheden (loi n° 78-17 ...)", never a French
citation inside a Dutch sentence.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from functools import cache

from wizard.languages import LANGUAGES as _LANGUAGES
from wizard.languages import SOURCE
from wizard.resources import read_text

__all__ = ["CookieLaw", "cookie_law", "cookie_laws"]


@dataclass(frozen=True)
class CookieLaw:
    """One country's cookie provision."""

    country: str
    #: The citation as the country's own law writes it ("§ 25 TDDDG").
    original: str
    #: The citation in each output language, as it reads after "implemented by".
    names: dict[str, str]
    #: ``"provision"`` when a source confirmed the provision, ``"act"`` when only the act is named.
    checked: str
    #: ``"confirmed"`` when the citation was checked against the cited ``source`` on
    #: ``verified_on``; ``"unverified"`` when it was not (no date then).
    status: str
    source: str
    verified_on: date | None

    @property
    def confirmed(self) -> bool:
        """Whether the citation was confirmed against its source (and may be printed)."""
        return self.status == "confirmed"

    def name(self, lang: str) -> str:
        """The citation in ``lang`` (English for a language the data do not have)."""
        return self.names.get(lang) or self.names[SOURCE]


@cache
def _load() -> dict[str, CookieLaw]:
    reader = csv.DictReader(io.StringIO(read_text("data", "cookie-laws.csv")))
    laws: dict[str, CookieLaw] = {}
    for row in reader:
        country = row["country"].strip().upper()
        laws[country] = CookieLaw(
            country=country,
            original=row["original"].strip(),
            names={lang: row[lang].strip() for lang in _LANGUAGES if lang in row},
            checked=row["checked"].strip(),
            status=row["status"].strip(),
            source=row["source"].strip(),
            verified_on=(
                date.fromisoformat(row["verified_on"].strip())
                if row["verified_on"].strip()
                else None
            ),
        )
    return laws


def cookie_laws() -> list[CookieLaw]:
    """Every country's row, in the file's order."""
    return list(_load().values())


def cookie_law(country: str | None) -> CookieLaw | None:
    """The cookie provision of ``country`` (an ISO code, any case), or ``None``."""
    if not country:
        return None
    return _load().get(country.strip().upper())
