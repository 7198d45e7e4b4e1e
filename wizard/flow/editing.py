"""Editing the lists of the answers: new purpose ids, duplicating, moving and removing items,
and a new recipient from the processor catalogue."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from wizard.model.answers import LANGUAGES, LocalText, Project, Purpose, Recipient
from wizard.model.countries import EEA_COUNTRIES


def new_purpose_id(project: Project, name: str) -> str:
    """A purpose id derived from ``name`` that no purpose in ``project`` uses yet."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40].strip("-") or "purpose"
    taken = {p.id for p in project.purposes}
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def duplicate_purpose(project: Project, index: int) -> Purpose:
    """Insert a copy of purpose ``index`` right after it, with a new id; return the copy."""
    original = project.purposes[index]
    copy = original.model_copy(deep=True)
    copy.id = new_purpose_id(project, original.id)
    purposes = list(project.purposes)
    purposes.insert(index + 1, copy)
    project.purposes = purposes
    return copy


def remove_purpose(project: Project, index: int) -> Purpose:
    """Remove purpose ``index`` and every recipient's link to it; return it."""
    removed = project.purposes[index]
    for recipient in project.recipients:
        if removed.id in recipient.purposes:
            recipient.purposes = [pid for pid in recipient.purposes if pid != removed.id]
    project.purposes = [p for i, p in enumerate(project.purposes) if i != index]
    return removed


def duplicate_item(items: list[Any], index: int) -> list[Any]:
    """A copy of ``items`` with a deep copy of item ``index`` inserted right after it."""
    out = list(items)
    out.insert(index + 1, items[index].model_copy(deep=True))
    return out


def move_item(items: list[Any], index: int, delta: int) -> list[Any]:
    """A copy of ``items`` with item ``index`` moved by ``delta`` places (clamped)."""
    new_index = max(0, min(len(items) - 1, index + delta))
    out = list(items)
    out.insert(new_index, out.pop(index))
    return out


def recipient_from_catalog(entry: Any, purposes: Sequence[Purpose] = ()) -> Recipient:
    """A new recipient from a :class:`wizard.catalog.processors.Processor` entry.

    The country is where the data go: the first location outside the EU/EEA when the entry
    names a transfer safeguard, else its first (EU/EEA) location. Of ``purposes`` (the
    project's), those a service of the entry's category usually serves are linked.
    """
    from wizard.catalog.processors import PURPOSES_BY_CATEGORY

    usual = PURPOSES_BY_CATEGORY.get(entry.category, ())
    locations = list(entry.data_location)
    outside = [c for c in locations if c not in EEA_COUNTRIES]
    country = outside[0] if entry.safeguard and outside else (locations[0] if locations
                                                             else entry.country)
    legal = entry.legal_entity
    if legal and entry.name.casefold() not in legal.casefold():
        name = f"{legal} ({entry.name})"
    else:
        name = legal or entry.name
    return Recipient(
        name=name,
        catalog_id=entry.id,
        role=entry.role,
        service=LocalText({k: v for k, v in entry.purpose.items() if k in LANGUAGES}),
        country=country,
        safeguard=entry.safeguard if country not in EEA_COUNTRIES else None,
        purposes=[p.id for p in purposes if p.id in usual],
    )

