"""Age of digital consent (GDPR Art. 8(1)) per country, shipped as reference data.

Read from ``resources/data/children-age.csv`` through :func:`wizard.resources.read_text`.
Art. 8 sets 16 unless a Member State lowers it by law (not below 13). Where no source confirmed
a country's age the CSV leaves it empty and :func:`digital_consent_age` returns ``None``; the
caller then uses :data:`DEFAULT_AGE` and says that it is the GDPR default. Countries with no
Art. 8 age at all (Switzerland: the revised FADP has none) are not in the file and also give
``None``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import date
from functools import cache
from types import MappingProxyType

import msgspec

from wizard.resources import read_text

__all__ = [
    "DEFAULT_AGE",
    "ConsentAge",
    "consent_age_entry",
    "consent_ages",
    "digital_consent_age",
]

#: The GDPR Art. 8(1) default, used where a country's own age is unknown.
DEFAULT_AGE = 16

_DATA_FILE = ("data", "children-age.csv")
_COLUMNS = ("country", "age", "national_law", "provision", "source", "verified_on")


class ConsentAge(msgspec.Struct, frozen=True):
    """One row of the Art. 8 table; empty strings mean "not confirmed by a source"."""

    country: str
    """ISO 3166-1 alpha-2 code."""
    age: int | None
    """The national age of digital consent, or ``None`` when no source confirmed one."""
    national_law: str
    provision: str
    source: str
    verified_on: date


def _row_to_entry(row: Mapping[str, str]) -> ConsentAge:
    age_text = row["age"].strip()
    age = int(age_text) if age_text else None
    if age is not None and not 13 <= age <= 16:
        raise ValueError(f"{row['country']}: Art. 8 age {age} outside 13..16")
    return ConsentAge(
        country=row["country"].strip().upper(),
        age=age,
        national_law=row["national_law"].strip(),
        provision=row["provision"].strip(),
        source=row["source"].strip(),
        verified_on=date.fromisoformat(row["verified_on"].strip()),
    )


@cache
def _load() -> Mapping[str, ConsentAge]:
    reader = csv.DictReader(io.StringIO(read_text(*_DATA_FILE)))
    missing = [column for column in _COLUMNS if column not in (reader.fieldnames or ())]
    if missing:
        raise ValueError(f"{'/'.join(_DATA_FILE)}: missing columns {', '.join(missing)}")
    return MappingProxyType({entry.country: entry for entry in map(_row_to_entry, reader)})


def consent_ages() -> list[ConsentAge]:
    """Return every row of the table in file order (loaded once; the list is a fresh copy)."""
    return list(_load().values())


def consent_age_entry(country: str) -> ConsentAge | None:
    """Return the table row for ``country`` (with law and provision), or ``None``."""
    return _load().get(country.strip().upper())


def digital_consent_age(country: str) -> int | None:
    """Return the Art. 8 age for ``country``, or ``None`` when unknown or not applicable."""
    entry = consent_age_entry(country)
    return entry.age if entry is not None else None
