"""Known cookies from the Open Cookie Database, to fill in a cookie's details from its name.

The data is a snapshot of the Open Cookie Database (Apache-2.0), shipped as
``resources/data/open-cookie-database.csv`` with its licence beside it; ``resources/data/README.md``
names the snapshot and the date it was copied. Each row gives a cookie's (or local-storage key's)
name, the platform that sets it, a category, an English description, a retention period and the
company behind it. A row with ``Wildcard match = 1`` names a prefix (``_ga_`` matches
``_ga_XXXXXXX``).

The database's categories are not ePrivacy's: they are mapped to the wizard's categories
(:data:`CATEGORY_MAP`), conservatively. Only *Necessary* and *Security* cookies count as strictly
necessary; the database's *Functional* cookies become preferences, so that a cookie is never
proposed as exempt from consent unless the database says it is needed. The user checks every
proposal before it goes into the policy.

Values are plain strings matching :mod:`wizard.model.answers` (``CookieCategory``, ``TimeUnit``),
so this module needs neither pydantic nor Qt; the tests check the mapping against the enums.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache

from wizard.resources import read_text

__all__ = [
    "CATEGORY_MAP",
    "KnownCookie",
    "known_cookie",
    "known_cookies",
    "parse_retention",
]

#: The database's category -> the wizard's ``CookieCategory`` value.
CATEGORY_MAP: dict[str, str] = {
    "necessary": "strictly_necessary",
    "security": "strictly_necessary",
    "functional": "preferences",
    "personalization": "preferences",
    "analytics": "analytics",
    "marketing": "marketing",
}

_UNITS: dict[str, tuple[str, int]] = {
    # unit word -> (TimeUnit value, how many of that unit one of these is)
    "day": ("days", 1),
    "week": ("weeks", 1),
    "month": ("months", 1),
    "year": ("years", 1),
}
_SESSION = re.compile(r"^(sessions?|end of session.*|browser session)$")
_PERIOD = re.compile(r"^(\d+)\s*(second|sec|minute|min|hour|hr|day|week|month|year)s?$")
_SECONDS = {"second": 1, "sec": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600}


@dataclass(frozen=True)
class KnownCookie:
    """One cookie of the database.

    ``lifetime`` is ``None`` for a session cookie, or ``(amount, TimeUnit value)``; a retention the
    database does not state in days to years ("Unknown", "forever") gives ``lifetime_known`` False.
    ``retention`` keeps the database's own words, to show the user what the proposal rests on.
    """

    name: str
    platform: str
    category: str
    description: str
    retention: str
    lifetime: tuple[int, str] | None
    lifetime_known: bool
    provider: str
    domain: str
    prefix: bool

    @property
    def proposed_provider(self) -> str:
        """Who sets the cookie, as a cookie table names it: the platform, with the company behind
        it where the platform's name does not already say it ("Google Tag Manager (Google)")."""
        if not self.platform:
            return self.provider
        if not self.provider or self.provider.lower() in self.platform.lower():
            return self.platform
        return f"{self.platform} ({self.provider})"

    @property
    def third_party(self) -> bool:
        """True when the database names a domain of the provider's own that sets the cookie."""
        return bool(self.domain)


def parse_retention(text: str) -> tuple[bool, tuple[int, str] | None]:
    """``"13 months"`` -> ``(True, (13, "months"))``; ``"session"`` -> ``(True, None)``; anything
    else -> ``(False, None)``. Periods under a day are rounded up to one day (the wizard counts in
    days at the least, and a notice may overstate a lifetime but never understate it); 24 hours
    and more become whole days, rounded up."""
    words = " ".join(text.strip().lower().split())
    if _SESSION.match(words):
        return True, None
    match = _PERIOD.match(words)
    if not match:
        return False, None
    amount, unit = int(match.group(1)), match.group(2)
    if amount == 0:
        return False, None
    if unit in _SECONDS:
        return True, (-(-amount * _SECONDS[unit] // 86400), "days")
    value, factor = _UNITS[unit]
    amount *= factor
    if amount > 1000:  # the model's limit: 3650 days is 10 years
        if value == "days" and amount % 365 == 0:
            return True, (amount // 365, "years")
        return False, None
    return True, (amount, value)


@cache
def known_cookies() -> tuple[KnownCookie, ...]:
    """Every cookie of the shipped database, in its order."""
    reader = csv.DictReader(io.StringIO(read_text("data", "open-cookie-database.csv")))
    out: list[KnownCookie] = []
    for row in reader:
        name = (row.get("Cookie / Data Key name") or "").strip()
        category = CATEGORY_MAP.get((row.get("Category") or "").strip().lower())
        if not name or category is None:
            continue
        retention = (row.get("Retention period") or "").strip()
        known, lifetime = parse_retention(retention)
        out.append(
            KnownCookie(
                name=name,
                platform=(row.get("Platform") or "").strip(),
                category=category,
                description=" ".join((row.get("Description") or "").split()),
                retention=retention,
                lifetime=lifetime,
                lifetime_known=known,
                provider=(row.get("Data Controller") or "").strip(),
                domain=(row.get("Domain") or "").strip(),
                prefix=(row.get("Wildcard match") or "").strip() == "1",
            )
        )
    return tuple(out)


@cache
def _by_name() -> dict[str, KnownCookie]:
    table: dict[str, KnownCookie] = {}
    for cookie in known_cookies():
        if not cookie.prefix:
            table.setdefault(cookie.name, cookie)
    return table


@cache
def _prefixes() -> tuple[KnownCookie, ...]:
    return tuple(
        sorted((c for c in known_cookies() if c.prefix), key=lambda c: len(c.name), reverse=True)
    )


def known_cookie(name: str) -> KnownCookie | None:
    """The database's entry for a cookie name: the exact name first (where a name is listed
    more than once, the first entry), else the longest prefix entry that the name starts with.
    Names are compared as they are written: cookie names are case-sensitive."""
    name = name.strip()
    if not name:
        return None
    exact = _by_name().get(name)
    if exact is not None:
        return exact
    return next((c for c in _prefixes() if name.startswith(c.name)), None)
