"""Country codes: which are valid (ISO 3166-1 alpha-2), which are in the EU/EEA, and how a
country writes the town and postcode of an address."""

from __future__ import annotations

from functools import cache

#: EU member states (27) plus Iceland, Liechtenstein and Norway: no transfer rules apply
#: between them (Chapter V GDPR applies to transfers outside this area).
EU_COUNTRIES: frozenset[str] = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)
EEA_COUNTRIES: frozenset[str] = EU_COUNTRIES | {"IS", "LI", "NO"}

#: Countries whose addresses write the town before the postcode ("London SW1A 1AA", "Dublin
#: D02 X285", "Toronto ON M5V 2T6"); the continental EU/EEA countries and most others write the
#: postcode first ("3581 AB Utrecht", "10119 Berlin").
TOWN_BEFORE_POSTCODE: frozenset[str] = frozenset({"GB", "IE", "US", "CA", "AU", "NZ"})

# Codes that CLDR lists as territories but that are not countries.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "ZZ", "XA", "XB", "QO"})


@cache
def country_codes() -> frozenset[str]:
    """All ISO 3166-1 alpha-2 codes known to the CLDR data shipped with Babel."""
    from babel import Locale

    return frozenset(
        str(code)
        for code in Locale("en").territories
        if isinstance(code, str)
        and len(code) == 2
        and code.isalpha()
        and code not in _NOT_COUNTRIES
    )


def is_country_code(code: str) -> bool:
    """True for a known two-letter country code such as ``"NL"``."""
    return code in country_codes()


def town_and_postcode(postal_code: str, city: str, country: str | None) -> str:
    """The town and postcode of an address in the order its ``country`` writes them (the
    postcode first when the country is not known); either may be empty."""
    parts = (city, postal_code) if country in TOWN_BEFORE_POSTCODE else (postal_code, city)
    return " ".join(part for part in parts if part)
