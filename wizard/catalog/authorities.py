"""Data protection supervisory authorities (GDPR Art. 51) shipped as reference data.

The catalogue is read from ``resources/data/supervisory-authorities.csv`` through
:func:`wizard.resources.read_text`; ``resources/data/README.md`` says where each value comes from
and which cells were left empty because no source confirmed them.

Competence rules encoded in :func:`default_authority` (the wizard's users are private companies):

* Germany: the authority of the *Land* where the company is established. There is no national
  default: the federal BfDI (id ``DE-BUND``) supervises federal public bodies and telecoms/postal
  companies only, so it is never proposed as a default.
* Spain: the national AEPD. The regional authorities (Catalonia, Basque Country, Andalusia)
  supervise the public sector of their region, not private companies in general.
* Everywhere else: the national authority.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from types import MappingProxyType

from wizard.languages import LANGUAGES, SOURCE
from wizard.resources import read_text

__all__ = [
    "LANGUAGES",
    "SupervisoryAuthority",
    "authorities",
    "authority",
    "default_authority",
]

_DATA_FILE = ("data", "supervisory-authorities.csv")
_COLUMNS = (
    "id",
    "country",
    "region",
    "level",
    "name_national",
    # The English name; a column per other language (``name_nl``) is optional: without one,
    # the authority is named by its national name in that language.
    f"name_{SOURCE}",
    "abbreviation",
    "postal_address",
    "phone",
    "email",
    "website",
    "source",
    "verified_on",
)


@dataclass(frozen=True)
class SupervisoryAuthority:
    """One supervisory authority; empty strings mean "not known / not confirmed"."""

    id: str
    """Jurisdiction code: ISO 3166-1 alpha-2 (``NL``), ISO 3166-2 (``DE-BE``) or ``DE-BUND``."""
    country: str
    """ISO 3166-1 alpha-2 code of the country."""
    region: str | None
    """ISO 3166-2 code for a regional (German Land, Spanish region) authority, else ``None``."""
    level: str
    """``national``, ``federal``, ``state`` or ``regional``."""
    name_national: str
    """The official name in the (or a) national language."""
    names: Mapping[str, str] = field(hash=False)
    """Official names by language code, only where the authority itself uses one."""
    abbreviation: str
    postal_address: str
    phone: str
    email: str
    website: str
    source: str
    """Where the values come from (``" ; "``-separated)."""
    verified_on: date
    """When the values were last checked against their sources."""

    def name(self, lang: str) -> str:
        """Return the official name in ``lang`` if the authority uses one, else the national one."""
        return self.names.get(lang.lower()) or self.name_national


def _row_to_authority(row: Mapping[str, str]) -> SupervisoryAuthority:
    names = {
        lang: name for lang in LANGUAGES if (name := (row.get(f"name_{lang}") or "").strip())
    }
    return SupervisoryAuthority(
        id=row["id"].strip(),
        country=row["country"].strip(),
        region=row["region"].strip() or None,
        level=row["level"].strip(),
        name_national=row["name_national"].strip(),
        names=MappingProxyType(names),
        abbreviation=row["abbreviation"].strip(),
        postal_address=row["postal_address"].strip(),
        phone=row["phone"].strip(),
        email=row["email"].strip(),
        website=row["website"].strip(),
        source=row["source"].strip(),
        verified_on=date.fromisoformat(row["verified_on"].strip()),
    )


@cache
def _load() -> tuple[SupervisoryAuthority, ...]:
    reader = csv.DictReader(io.StringIO(read_text(*_DATA_FILE)))
    missing = [column for column in _COLUMNS if column not in (reader.fieldnames or ())]
    if missing:
        raise ValueError(f"{'/'.join(_DATA_FILE)}: missing columns {', '.join(missing)}")
    return tuple(_row_to_authority(row) for row in reader)


@cache
def _by_id() -> Mapping[str, SupervisoryAuthority]:
    return MappingProxyType({item.id: item for item in _load()})


def authorities() -> list[SupervisoryAuthority]:
    """Return all authorities in file order (loaded once; the list is a fresh copy)."""
    return list(_load())


def authority(authority_id: str) -> SupervisoryAuthority | None:
    """Return the authority with this id (``"NL"``, ``"DE-BE"``, ``"DE-BUND"``), or ``None``."""
    return _by_id().get(authority_id.strip().upper())


def default_authority(country: str, region: str | None = None) -> SupervisoryAuthority | None:
    """Return the authority to name by default for a private company established here.

    ``region`` is an ISO 3166-2 code such as ``"DE-BY"`` (``"BY"`` is accepted too); it only
    matters for Germany, where the result is the Land authority, or ``None`` when no Land is
    given. Spain always gets the national AEPD; other countries their national authority.
    """
    country = country.strip().upper()
    if country == "DE":
        if not region:
            return None
        code = region.strip().upper()
        if not code.startswith("DE-"):
            code = f"DE-{code}"
        found = authority(code)
        if found is None or found.level != "state":
            return None
        return found
    found = authority(country)
    if found is None or found.level != "national":
        return None
    return found
