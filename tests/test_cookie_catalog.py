"""The Open Cookie Database snapshot (resources/data/open-cookie-database.csv) and its lookups."""

from __future__ import annotations

import pytest

from wizard.catalog.cookies import (
    CATEGORY_MAP,
    known_cookie,
    known_cookies,
    parse_retention,
)
from wizard.model.answers import Cookie, CookieCategory, Duration, TimeUnit
from wizard.resources import read_text, resource


def test_the_snapshot_ships_with_its_licence_and_source() -> None:
    assert len(known_cookies()) > 2000
    assert "Apache License" in read_text("data", "LICENSE-open-cookie-database.txt")
    readme = read_text("data", "README.md")
    section = readme.split("## `open-cookie-database.csv`", 1)[1]
    assert "Apache-2.0" in section
    assert "0ee5a17" in section and "Copied on 2026-12-01" in section
    assert resource("data", "open-cookie-database.csv").is_file()


def test_categories_map_to_the_wizards_and_are_conservative() -> None:
    assert set(CATEGORY_MAP.values()) <= {c.value for c in CookieCategory}
    # The database's "Functional" is not ePrivacy's "strictly necessary": never exempt by default.
    assert CATEGORY_MAP["functional"] == "preferences"
    assert {c.category for c in known_cookies()} <= {c.value for c in CookieCategory}


def test_every_known_lifetime_is_a_valid_duration() -> None:
    for entry in known_cookies():
        if entry.lifetime is not None:
            amount, unit = entry.lifetime
            Duration(amount=amount, unit=TimeUnit(unit))  # raises when out of the model's range


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 years", (True, (2, "years"))),
        ("13 Months", (True, (13, "months"))),
        ("1 Year", (True, (1, "years"))),
        ("session", (True, None)),
        ("Session", (True, None)),
        ("End of session (browser)", (True, None)),
        ("30 minutes", (True, (1, "days"))),  # rounded up: never understate a lifetime
        ("24 hours", (True, (1, "days"))),
        ("25 hours", (True, (2, "days"))),
        ("3650 days", (True, (10, "years"))),
        ("Unknown", (False, None)),
        ("forever", (False, None)),
        ("0 days", (False, None)),
    ],
)
def test_retention_periods_are_read(text: str, expected: object) -> None:
    assert parse_retention(text) == expected


def test_exact_names_then_the_longest_prefix() -> None:
    ga = known_cookie("_ga")
    assert ga is not None and not ga.prefix
    assert (ga.category, ga.lifetime, ga.proposed_provider) == (
        "analytics",
        (2, "years"),
        "Google Analytics",
    )
    measurement = known_cookie("_ga_ABC123XYZ")
    assert measurement is not None and measurement.prefix and measurement.name == "_ga_"
    assert known_cookie("  _gid ") is not None
    assert known_cookie("_GA") is None  # cookie names are case-sensitive
    assert known_cookie("") is None
    assert known_cookie("certainly-not-a-known-cookie") is None


def test_a_third_party_domain_makes_a_third_party_cookie() -> None:
    fbp = known_cookie("_fbp")
    assert fbp is not None and fbp.category == "marketing" and fbp.third_party
    assert not known_cookie("_ga").third_party  # type: ignore[union-attr]


def test_a_proposal_makes_a_valid_cookie() -> None:
    entry = known_cookie("_hjSessionUser_1234")
    assert entry is not None
    cookie = Cookie.model_validate(
        {
            "name": "_hjSessionUser_1234",
            "provider": entry.proposed_provider,
            "category": entry.category,
            "purpose": {"en": entry.description},
            "lifetime": {"amount": entry.lifetime[0], "unit": entry.lifetime[1]}
            if entry.lifetime
            else None,
        }
    )
    assert cookie.provider == "Hotjar"
