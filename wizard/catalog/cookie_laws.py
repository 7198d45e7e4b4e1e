"""The national law that transposes Art. 5(3) of the ePrivacy Directive, per country.

Read from ``resources/data/cookie-laws.csv`` (sources and "verified on" dates in
``resources/data/README.md``). Only countries whose provision a source confirmed are listed; for
the others the policy cites the Directive alone.
"""

from __future__ import annotations

import csv
import io
from functools import cache

from wizard.resources import read_text

__all__ = ["cookie_law"]


@cache
def _load() -> dict[str, str]:
    reader = csv.DictReader(io.StringIO(read_text("data", "cookie-laws.csv")))
    return {row["country"].strip().upper(): row["citation"].strip() for row in reader}


def cookie_law(country: str | None) -> str | None:
    """The citation of ``country``'s cookie provision ("§ 25 TDDDG"), or ``None``."""
    if not country:
        return None
    return _load().get(country.strip().upper())
