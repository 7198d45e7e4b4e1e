"""Processors and other recipients offered as a picker on the "Processors and other recipients" page.

The catalogue is read from ``resources/data/processors.json`` through
:func:`wizard.resources.read_text`; ``resources/data/README.md`` says where each value comes from,
which entries were checked against a source and which values are still to be confirmed.

Values are plain strings that match the vocabularies of :mod:`wizard.model.answers`
(``RecipientRole``, ``Safeguard``, ``DataCategory``). The file is validated entry by entry by the
struct :class:`wizard.catalog.processor_entry.ProcessorEntry` when it is first read
(imported then, so that importing this module stays cheap). A ``safeguard`` of ``None`` means the data stay in the EU/EEA (``data_location``),
so Chapter V GDPR does not apply to them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from types import MappingProxyType
from typing import Any

from wizard.languages import LANGUAGES, SOURCE
from wizard.resources import read_text

__all__ = [
    "CATEGORIES",
    "LANGUAGES",
    "ROLES",
    "SAFEGUARDS",
    "Processor",
    "by_category",
    "processor",
    "processors",
    "search",
]

#: Categories in the order the picker shows them.
CATEGORIES: tuple[str, ...] = (
    "analytics",
    "hosting",
    "email_office",
    "payments",
    "error_monitoring",
    "video",
    "booking",
    "crm_support",
    "newsletter",
    "forms",
    "esignature",
    "other",
)

#: The wizard's proposed purposes (their ids) that a service of each category usually serves:
#: a recipient picked from the catalogue starts linked to those of them the project has.
PURPOSES_BY_CATEGORY: Mapping[str, tuple[str, ...]] = {
    "analytics": ("website", "app", "platform"),
    "hosting": ("website", "app", "platform"),
    "email_office": ("contact",),
    "payments": ("invoicing", "orders"),
    "error_monitoring": ("website", "app", "platform"),
    "video": ("teleconsultation",),
    "booking": ("appointments",),
    "crm_support": ("contact",),
    "newsletter": ("newsletter",),
    "forms": ("contact",),
}

#: Roles a catalogue entry may have (values of ``wizard.model.answers.RecipientRole``).
ROLES: tuple[str, ...] = ("processor", "independent_controller")

#: Transfer safeguards a catalogue entry may name (values of ``wizard.model.answers.Safeguard``).
#: The invalid Privacy Shield is deliberately not among them.
SAFEGUARDS: tuple[str, ...] = ("adequacy", "dpf", "scc", "bcr")

_DATA_FILE = ("data", "processors.json")
_FIELDS = (
    "id",
    "name",
    "legal_entity",
    "country",
    "data_location",
    "category",
    "role",
    "safeguard",
    "importer",
    "data_categories",
    "purpose",
    "website",
    "notes",
    "checked",
    "source",
    "verified_on",
)


@dataclass(frozen=True)
class Processor:
    """One catalogue entry; empty strings mean "not known / not confirmed"."""

    id: str
    """Slug, e.g. ``"google-analytics"``; stored as ``Recipient.catalog_id``."""
    name: str
    """The service's name as users know it."""
    legal_entity: str
    """The contracting entity for EU customers; empty when no source confirmed it."""
    country: str
    """ISO 3166-1 alpha-2 code of the contracting entity."""
    data_location: tuple[str, ...]
    """ISO codes of the countries where the data are typically processed."""
    category: str
    """One of :data:`CATEGORIES`."""
    role: str
    """One of :data:`ROLES`."""
    safeguard: str | None
    """One of :data:`SAFEGUARDS`, or ``None`` when the data stay in the EU/EEA."""
    importer: str
    """The company outside the EEA that receives the data when it is not the contracting entity
    itself (Google LLC for Google Ireland Limited); empty otherwise."""
    importer_country: str
    """ISO code of :attr:`importer`'s country; empty when there is no separate importer."""
    data_categories: tuple[str, ...]
    """Typical ``DataCategory`` values the service receives (a suggestion for the user)."""
    purpose: Mapping[str, str] = field(hash=False)
    """What the service is used for: a short noun phrase per language code."""
    website: str
    notes_by_language: Mapping[str, str] = field(hash=False)
    """What to know about the entry (sources, what to check), per language code."""
    source: str
    """Where the values come from (``" ; "``-separated)."""
    verified_on: date | None
    """When the entry was checked against its sources; ``None`` when it was not."""
    checked: tuple[str, ...] = ()
    """The values a source confirmed on :attr:`verified_on`, of ``legal_entity`` (with its
    country), ``data_location``, ``safeguard`` and ``role``."""

    def confirmed(self, value: str) -> bool:
        """Whether a source confirmed ``value`` (a name of :attr:`checked`)."""
        return value in self.checked

    def purpose_in(self, lang: str) -> str:
        """The purpose in ``lang``, falling back to English for an unknown language."""
        return self.purpose.get(lang.lower()) or self.purpose[SOURCE]

    @property
    def notes(self) -> str:
        """The notes in English (the language the sources were recorded in)."""
        return self.notes_by_language.get(SOURCE, "")

    def notes_in(self, lang: str) -> str:
        """The notes in ``lang``, falling back to English for an unknown language."""
        return self.notes_by_language.get(lang.lower()) or self.notes


def _to_processor(raw: Mapping[str, Any], index: int) -> Processor:
    """One entry validated by :class:`~wizard.catalog.processor_entry.ProcessorEntry` (a
    ``ValueError`` naming the entry and the field otherwise)."""
    from wizard.catalog.processor_entry import ProcessorEntry

    where = f"{'/'.join(_DATA_FILE)}: processors[{index}]"
    try:
        entry = ProcessorEntry.model_validate(raw)
    except ValueError as exc:
        raise ValueError(f"{where} ({raw.get('id', '?')}): {exc}") from None
    notes = entry.notes if isinstance(entry.notes, dict) else {SOURCE: entry.notes}
    return Processor(
        id=entry.id,
        name=entry.name,
        legal_entity=entry.legal_entity,
        country=entry.country,
        data_location=tuple(entry.data_location),
        category=entry.category,
        role=entry.role,
        safeguard=entry.safeguard,
        importer=entry.importer.entity if entry.importer else "",
        importer_country=entry.importer.country if entry.importer else "",
        data_categories=tuple(c.value for c in entry.data_categories),
        purpose=MappingProxyType(
            {str(lang): str(text).strip() for lang, text in entry.purpose.items()}
        ),
        website=entry.website,
        notes_by_language=MappingProxyType(
            {str(lang): str(text).strip() for lang, text in notes.items()}
        ),
        source=entry.source,
        verified_on=entry.verified_on,
        checked=tuple(entry.checked),
    )


@cache
def _load() -> tuple[Processor, ...]:
    document = json.loads(read_text(*_DATA_FILE))
    entries = document.get("processors") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise ValueError(f"{'/'.join(_DATA_FILE)}: no 'processors' list")
    items = [_to_processor(raw, index) for index, raw in enumerate(entries)]
    return tuple(sorted(items, key=lambda item: (item.name.casefold(), item.id)))


@cache
def _by_id() -> Mapping[str, Processor]:
    return MappingProxyType({item.id: item for item in _load()})


def processors() -> list[Processor]:
    """All catalogue entries sorted by name (loaded once; the list is a fresh copy)."""
    return list(_load())


def processor(processor_id: str) -> Processor | None:
    """The entry with this id (``"stripe"``), or ``None``."""
    return _by_id().get(processor_id.strip().lower())


def by_category(category: str) -> list[Processor]:
    """The entries of one of :data:`CATEGORIES`, sorted by name.

    Raises :class:`ValueError` for a category that is not in :data:`CATEGORIES`, so that a
    misspelt category is not mistaken for an empty one.
    """
    if category not in CATEGORIES:
        raise ValueError(f"unknown processor category {category!r}")
    return [item for item in _load() if item.category == category]


def search(text: str) -> list[Processor]:
    """Entries whose name or legal entity contains ``text`` (case-insensitive), sorted by name.

    A blank ``text`` matches every entry, as an empty filter box in the picker does.
    """
    needle = text.strip().casefold()
    return [
        item
        for item in _load()
        if needle in item.name.casefold() or needle in item.legal_entity.casefold()
    ]
