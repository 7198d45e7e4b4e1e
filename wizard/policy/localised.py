"""Dates, country names and addresses written in the document's language ("1er décembre
2026", "Allemagne")."""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date

from wizard import languages
from wizard.languages import LANGUAGES
from wizard.model.countries import town_and_postcode
from wizard.model.organisation import Address


def _first_day(locale: Locale) -> str | None:
    """How the registered language of ``locale`` writes the first of a month, if as an
    ordinal ("1er" for French, whatever its country)."""
    for code in LANGUAGES:
        language = languages.get(code)
        if language.first_day and language.locale.split("_")[0] == locale.language:
            return language.first_day
    return None


def long_date(date: dt.date, locale: Locale) -> str:
    """A date in the document language's long form ("1 December 2026", "1 december 2026",
    "1er décembre 2026", "1. Dezember 2026"): French writes the first of a month as an ordinal."""
    text = format_date(date, "long", locale=locale)
    ordinal = _first_day(locale)
    if ordinal and date.day == 1 and text.startswith("1 "):
        text = f"{ordinal} {text[2:]}"
    return text


def country_name(locale: Locale, code: str) -> str:
    """The name of the country ``code`` in the language of ``locale`` (the code when unknown)."""
    return str(locale.territories.get(code, code))


def address_line(address: Address, locale: Locale) -> str:
    """``address`` on one line: street, town and postcode in the order of the address's country
    ("3581 AB Utrecht", "London SW1A 1AA"), the country named in the document's language."""
    return ", ".join(
        part
        for part in (
            address.street,
            town_and_postcode(address.postal_code, address.city, address.country),
            country_name(locale, address.country) if address.country else "",
        )
        if part
    )


#: Other names the reference data uses for a country at the end of an address.
_COUNTRY_ALIASES = {"CZ": ("Czech Republic",), "GB": ("UK",), "NL": ("The Netherlands",)}


def localised_address(address: str, country: str, locale: Locale) -> str:
    """``address`` with its last part, when it names ``country`` (in English, Dutch, French,
    German or the reference data's other spelling), in the document's language:
    "Alt-Moabit 59-61, 10555 Berlin, Deutschland" becomes "..., Allemagne" in French."""
    head, sep, last = address.rpartition(",")
    if not sep:
        return address
    names = {
        str(Locale.parse(languages.get(code).locale).territories.get(country, ""))
        for code in LANGUAGES
    }
    names |= set(_COUNTRY_ALIASES.get(country, ()))
    if last.strip().casefold() not in {n.casefold() for n in names if n}:
        return address
    return f"{head}, {country_name(locale, country)}"
