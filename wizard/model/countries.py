"""Country codes: which are valid (ISO 3166-1 alpha-2) and which are in the EU/EEA."""

from __future__ import annotations

from functools import cache

#: EU member states (27) plus Iceland, Liechtenstein and Norway: no transfer rules apply
#: between them (Chapter V GDPR applies to transfers outside this area).
EU_COUNTRIES: frozenset[str] = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)
EEA_COUNTRIES: frozenset[str] = EU_COUNTRIES | {"IS", "LI", "NO"}

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
