"""The schema of one entry of ``resources/data/processors.json``, as a pydantic model.

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

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from wizard.catalog.processors import CATEGORIES, ROLES, SAFEGUARDS
from wizard.languages import SOURCE
from wizard.model.answers import DataCategory
from wizard.model.countries import EEA_COUNTRIES, is_country_code

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


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Importer(_Strict):
    """The company outside the EEA that receives the data (e.g. a U.S. parent company)."""

    entity: str = Field(min_length=1)
    country: str

    @field_validator("country")
    @classmethod
    def _country(cls, value: str) -> str:
        value = _code(value)
        if value in EEA_COUNTRIES:
            raise ValueError("the importer is the company outside the EEA that receives the data")
        return value


class ProcessorEntry(_Strict):
    """One entry as the data file holds it."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: str = Field(min_length=1)
    legal_entity: str
    country: str
    data_location: list[str] = Field(min_length=1)
    category: str
    role: str
    safeguard: str | None
    importer: Importer | None
    data_categories: list[DataCategory] = Field(min_length=1)
    purpose: dict[str, str]
    website: str = Field(pattern=r"^https://\S+$")
    notes: dict[str, str] | str
    checked: list[str] = Field(default_factory=list)
    source: str = Field(min_length=1)
    verified_on: dt.date | None

    @field_validator("country")
    @classmethod
    def _entity_country(cls, value: str) -> str:
        return _code(value)

    @field_validator("category")
    @classmethod
    def _category(cls, value: str) -> str:
        return _one_of(value, CATEGORIES, "category")

    @field_validator("role")
    @classmethod
    def _role(cls, value: str) -> str:
        return _one_of(value, ROLES, "role")

    @field_validator("safeguard")
    @classmethod
    def _safeguard(cls, value: str | None) -> str | None:
        # The invalid Privacy Shield is deliberately not among them.
        return None if value is None else _one_of(value, SAFEGUARDS, "safeguard")

    @field_validator("checked")
    @classmethod
    def _checked(cls, value: list[str]) -> list[str]:
        for name in value:
            _one_of(name, CHECKABLE, "checked value")
        if len(set(value)) != len(value):
            raise ValueError("checked: a value is named twice")
        return value

    @field_validator("data_location")
    @classmethod
    def _locations(cls, value: list[str]) -> list[str]:
        return [_code(code) for code in value]

    @field_validator("purpose")
    @classmethod
    def _purpose(cls, value: dict[str, str]) -> dict[str, str]:
        if not value.get(SOURCE):
            raise ValueError("purpose must map language codes to text, with English")
        return value

    @field_validator("notes")
    @classmethod
    def _notes(cls, value: dict[str, str] | str) -> dict[str, str]:
        notes = {SOURCE: value} if isinstance(value, str) else value
        if not isinstance(notes.get(SOURCE), str):
            raise ValueError("notes must map language codes to text, with English")
        return notes

    @model_validator(mode="after")
    def _transfer(self) -> ProcessorEntry:
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
        return self
