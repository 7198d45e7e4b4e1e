"""The schema of one entry of ``resources/data/processors.json``, as an answers-style struct
(:class:`wizard.model.fields.Strict`).

The loader in :mod:`wizard.catalog.processors` validates every entry with it, so a wrong value in
the data file is an error naming the entry and the field, never a silently odd picker. Besides
the vocabularies (categories, roles, safeguards of :mod:`wizard.model.answers`) it checks the
rules a truthful policy depends on:

- ``safeguard`` is ``None`` exactly when every ``data_location`` is in the EU/EEA;
- the contracting entity (``legal_entity``, ``country``) is kept apart from the company that
  receives the data outside the EEA (``importer``): an EU entity whose data go to its U.S.
  parent names that parent, so the policy never calls Google Ireland Limited "certified under
  the Data Privacy Framework" when Google LLC is;
- the EU-U.S. Data Privacy Framework only for a U.S. importer, and only when a dated source
  confirmed the safeguard;
- ``checked`` names the values a source confirmed on ``verified_on`` (none, and no date, for an
  entry never checked).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from msgspec import field

from wizard.catalog.processors import CATEGORIES, ROLES, SAFEGUARDS
from wizard.languages import SOURCE
from wizard.model.answers import DataCategory
from wizard.model.countries import EEA_COUNTRIES, is_country_code
from wizard.model.fields import Check, Meta, NonEmpty, Strict

#: Source text of an entry that was not checked against any source.
UNCHECKED = "not re-checked"

#: The values of an entry a source can confirm (``checked``): the contracting entity with its
#: country, where the data go, the transfer safeguard and the role.
CHECKABLE: tuple[str, ...] = ("legal_entity", "data_location", "safeguard", "role")


def _one_of(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise ValueError(f"unknown {what} {value!r} (one of {', '.join(allowed)})")
    return value


def _code(value: str) -> str:
    if not is_country_code(value):
        raise ValueError(f"unknown country code {value!r}")
    return value


def _importer_country(value: str) -> str:
    value = _code(value)
    if value in EEA_COUNTRIES:
        raise ValueError("the importer is the company outside the EEA that receives the data")
    return value


def _checked(value: list[str]) -> list[str]:
    for name in value:
        _one_of(name, CHECKABLE, "checked value")
    if len(set(value)) != len(value):
        raise ValueError("a value is named twice")
    return value


def _purpose(value: dict[str, str]) -> dict[str, str]:
    if not value.get(SOURCE):
        raise ValueError("purpose must map language codes to text, with English")
    return value


def _notes(value: dict[str, str] | str) -> dict[str, str]:
    notes = {SOURCE: value} if isinstance(value, str) else value
    if not isinstance(notes.get(SOURCE), str):
        raise ValueError("notes must map language codes to text, with English")
    return notes


def _category(value: str) -> str:
    return _one_of(value, CATEGORIES, "category")


def _role(value: str) -> str:
    return _one_of(value, ROLES, "role")


def _safeguard(value: str) -> str:
    # The invalid Privacy Shield is deliberately not among them.
    return _one_of(value, SAFEGUARDS, "safeguard")


_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(f"{value!r} is no catalogue id (small letters and digits, '-' between)")
    return value


def _website(value: str) -> str:
    if not re.match(r"^https://\S+$", value):
        raise ValueError(f"not a web address starting with https://: {value!r}")
    return value


class Importer(Strict, kw_only=True):
    """The company outside the EEA that receives the data (e.g. a U.S. parent company)."""

    entity: NonEmpty
    country: Annotated[str, Check(_importer_country)]


class ProcessorEntry(Strict, kw_only=True):
    """One entry as the data file holds it."""

    id: Annotated[str, Check(_id)]
    name: NonEmpty
    legal_entity: str
    country: Annotated[str, Check(_code)]
    data_location: Annotated[list[Annotated[str, Check(_code)]], Meta(min_length=1)]
    category: Annotated[str, Check(_category)]
    role: Annotated[str, Check(_role)]
    safeguard: Annotated[str, Check(_safeguard)] | None
    importer: Importer | None
    data_categories: Annotated[list[DataCategory], Meta(min_length=1)]
    purpose: Annotated[dict[str, str], Check(_purpose)]
    website: Annotated[str, Check(_website)]
    notes: Annotated[dict[str, str] | str, Check(_notes)]
    source: NonEmpty
    verified_on: dt.date | None
    checked: Annotated[list[str], Check(_checked)] = field(default_factory=list)

    def _check(self) -> None:
        outside = [code for code in self.data_location if code not in EEA_COUNTRIES]
        if (self.safeguard is None) != (not outside):
            raise ValueError(
                "safeguard: none exactly when every data_location is in the EU/EEA "
                f"(outside: {', '.join(outside) or 'none'})"
            )
        if self.safeguard is not None and self.country in EEA_COUNTRIES and self.importer is None:
            raise ValueError(
                "importer: the contracting entity is in the EEA and the data leave it: name the "
                "company that receives them (e.g. the U.S. parent company)"
            )
        if self.importer is not None and self.importer.country not in outside:
            raise ValueError("importer.country: must be one of the data locations outside the EEA")
        if self.safeguard == "dpf":
            receiving = self.importer.country if self.importer else self.country
            if receiving != "US":
                raise ValueError("safeguard: the DPF covers only companies in the United States")
            if (
                self.verified_on is None
                or "http" not in self.source
                or UNCHECKED in self.source
                or "safeguard" not in self.checked
            ):
                raise ValueError(
                    "safeguard: a DPF certification is claimed only with a source that confirmed it"
                )
        if self.verified_on is None and UNCHECKED not in self.source:
            raise ValueError(
                f"verified_on: an entry never checked says {UNCHECKED!r} in its source"
            )
        if bool(self.checked) != (self.verified_on is not None):
            raise ValueError(
                "checked: names the values confirmed on verified_on (none without a date)"
            )
        if "legal_entity" in self.checked and not self.legal_entity:
            raise ValueError("checked: an empty legal_entity cannot have been confirmed")
        if "safeguard" in self.checked and self.safeguard is None:
            raise ValueError("checked: no safeguard to confirm (the data stay in the EEA)")
