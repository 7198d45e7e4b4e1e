"""Known cookies from the Open Cookie Database, to fill in a cookie's details from its name.

The data is a snapshot of the Open Cookie Database (Apache-2.0), shipped as
``resources/data/open-cookie-database.csv`` with its licence beside it; ``resources/data/README.md``
names the snapshot and the date it was copied. Each row gives a cookie's (or local-storage key's)
name, the platform that sets it, a category, an English description, a retention period and the
company behind it. A row with ``Wildcard match = 1`` names a prefix (``_ga_`` matches
``_ga_XXXXXXX``).

The database's categories are not ePrivacy's: they are mapped to the wizard's categories by
the rules of ``resources/data/cookie-categories.json`` (:func:`classify`), first match wins.
*Necessary* and *Security* cookies count as strictly necessary. A *Functional* cookie is
strictly necessary, and first party, only when the website's own software sets it (a platform
such as PHP, Java servlets, ASP.NET, Laravel or WordPress) for one of the purposes the Article 29
Working Party's Opinion 04/2012 exempts from consent (the session, security against forged
requests, load balancing, the shopping cart): PHPSESSID, JSESSIONID, ASP.NET_SessionId,
laravel_session. Other *Functional* cookies become preferences, so that a third party's cookie
is never proposed as exempt on the database's word alone. The same file gives the purpose
proposed for each kind of cookie in every policy language. The user checks every proposal
before it goes into the policy.

Values are plain strings matching :mod:`wizard.model.answers` (``CookieCategory``, ``TimeUnit``),
so this module needs neither the answers model nor Qt; the tests check the mapping against the enums.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from wizard.resources import read_text

__all__ = [
    "CATEGORY_MAP",
    "Classification",
    "KnownCookie",
    "classify",
    "known_cookie",
    "known_cookies",
    "parse_retention",
    "proposed_consent_texts",
    "proposed_purpose",
]


@cache
def _rules() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(read_text("data", "cookie-categories.json"))
    return data


@cache
def _functions() -> dict[str, re.Pattern[str]]:
    return {name: re.compile(pattern, re.IGNORECASE)
            for name, pattern in _rules()["functions"].items()}


def _default_categories() -> dict[str, str]:
    return {
        rule["database"]: rule["category"]
        for rule in _rules()["rules"]
        if "function" not in rule and "site_platform" not in rule
    }


#: The database's category -> the wizard's ``CookieCategory`` value, for a cookie that no more
#: specific rule (a site platform's session cookie) classifies.
CATEGORY_MAP: dict[str, str] = _default_categories()


@dataclass(frozen=True)
class Classification:
    """The wizard's category for a database cookie, whether it is first party by rule, and the
    key of its proposed purpose."""

    category: str
    first_party: bool
    purpose_key: str


_DAYS = {"days": 1, "weeks": 7, "months": 31, "years": 366}


def _days(known: bool, lifetime: tuple[int, str] | None) -> float | None:
    """A lifetime in days (0 for a session cookie); ``None`` when the database does not say."""
    if not known:
        return None
    return 0 if lifetime is None else lifetime[0] * _DAYS[lifetime[1]]


def classify(
    database_category: str,
    platform: str,
    name: str,
    description: str,
    retention: str = "",
) -> Classification | None:
    """The first rule of ``cookie-categories.json`` that matches a cookie of the database
    (its category, platform, name, description and retention period); ``None`` for a category
    the rules do not know."""
    database_category = database_category.strip().lower()
    days = _days(*parse_retention(retention))
    site = platform.strip() in _rules()["site_platforms"]
    text = f"{name} {description}"
    for rule in _rules()["rules"]:
        if rule["database"] != database_category:
            continue
        if rule.get("site_platform") and not site:
            continue
        function = rule.get("function")
        if function and not _functions()[function].search(text):
            continue
        if "max_days" in rule and (days is None or days > rule["max_days"]):
            continue
        key = rule.get("purpose") or (f"{rule['category']}/{function}" if function
                                      else rule["category"])
        return Classification(rule["category"], rule.get("party") == "first", key)
    return None


def proposed_consent_texts() -> dict[str, dict[str, str]]:
    """How consent is asked and withdrawn (``consent_mechanism``, ``withdrawal``), proposed in
    every policy language once a cookie needs consent."""
    texts: dict[str, dict[str, str]] = _rules()["consent_texts"]
    return {key: dict(value) for key, value in texts.items()}


def proposed_purpose(purpose_key: str) -> dict[str, str]:
    """The purpose proposed for a kind of cookie, in every policy language."""
    purposes: dict[str, dict[str, str]] = _rules()["purposes"]
    return dict(purposes[purpose_key])

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
    #: Set by the website's own software and classified as first party by rule.
    first_party: bool
    purpose_key: str
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
        """True when the database names a domain of the provider's own that sets the cookie,
        unless the website's own software sets it (a session cookie of the site's platform)."""
        return bool(self.domain) and not self.first_party

    @property
    def proposed_purpose(self) -> dict[str, str]:
        """The purpose proposed in every policy language (the database's description is
        English only, and says what the platform does rather than what the site uses it for)."""
        return proposed_purpose(self.purpose_key)


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
    """Every cookie of the shipped database, in its order, then the few well-known cookies it
    lacks (``cookies-supplement.csv``, same columns: Django's ``csrftoken``)."""
    rows = [
        *csv.DictReader(io.StringIO(read_text("data", "open-cookie-database.csv"))),
        *csv.DictReader(io.StringIO(read_text("data", "cookies-supplement.csv"))),
    ]
    out: list[KnownCookie] = []
    for row in rows:
        name = (row.get("Cookie / Data Key name") or "").strip()
        description = " ".join((row.get("Description") or "").split())
        platform = (row.get("Platform") or "").strip()
        retention = (row.get("Retention period") or "").strip()
        found = classify(row.get("Category") or "", platform, name, description, retention)
        if not name or found is None:
            continue
        known, lifetime = parse_retention(retention)
        out.append(
            KnownCookie(
                name=name,
                platform=platform,
                category=found.category,
                first_party=found.first_party,
                purpose_key=found.purpose_key,
                description=description,
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
