"""Reference-data catalogue: supervisory authorities and Art. 8 ages (resources/data/)."""

from __future__ import annotations

import csv
import dataclasses
import inspect
import io
import re
from datetime import date

import pytest

import wizard.catalog.ages as ages_module
import wizard.catalog.authorities as authorities_module
from wizard.catalog import (
    DEFAULT_AGE,
    authority,
    consent_age_entry,
    consent_ages,
    default_authority,
    digital_consent_age,
)
from wizard.catalog.authorities import authorities
from wizard.resources import read_text, resource

EU = (
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)
EEA_EFTA = ["IS", "LI", "NO"]
EEA = EU + EEA_EFTA
LAENDER = (
    "DE-BW DE-BY DE-BE DE-BB DE-HB DE-HH DE-HE DE-MV DE-NI DE-NW DE-RP DE-SL DE-SN DE-ST "
    "DE-SH DE-TH".split()
)
#: EEA countries whose Art. 8 age no source confirmed (documented in resources/data/README.md).
AGE_UNCONFIRMED = {"IS", "LI"}
DATA_FILES = ("supervisory-authorities.csv", "children-age.csv", "adequacy-decisions.csv")

EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
WEBSITE = re.compile(r"^https?://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?(/\S*)?$")


def _rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(read_text("data", name))))


# --- data files ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_file_is_shipped_as_a_resource(name: str) -> None:
    assert resource("data", name).is_file()
    assert resource("data", "README.md").is_file()


@pytest.mark.parametrize("name", DATA_FILES)
def test_no_cell_is_marked_unverified(name: str) -> None:
    for row in _rows(name):
        for column, value in row.items():
            assert "UNVERIFIED" not in value.upper(), (name, row, column)


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_row_has_a_source_and_a_verified_on_date(name: str) -> None:
    rows = _rows(name)
    assert rows
    for row in rows:
        assert row["source"].strip(), row
        checked = date.fromisoformat(row["verified_on"])
        assert date(2018, 5, 25) <= checked <= date(2100, 1, 1), row


def test_loaders_read_through_the_resource_locator_only() -> None:
    for module in (authorities_module, ages_module):
        text = inspect.getsource(module)
        assert "read_text(" in text
        assert "__file__" not in text
        assert "/work/shared" not in text and "shared/reference" not in text


# --- authorities --------------------------------------------------------------------------


def test_authority_ids_are_unique_and_bavaria_has_only_the_private_sector_office() -> None:
    ids = [item.id for item in authorities()]
    assert len(ids) == len(set(ids))
    assert not any("Landesbeauftragte für den Datenschutz" in item.name_national
                   and item.region == "DE-BY" for item in authorities())


@pytest.mark.parametrize("country", EEA)
def test_every_eea_country_has_an_authority(country: str) -> None:
    assert any(item.country == country for item in authorities()), country
    if country != "DE":
        found = default_authority(country, None)
        assert found is not None and found.country == country and found.level == "national"


@pytest.mark.parametrize("land", LAENDER)
def test_every_german_land_has_an_authority_with_address_and_website(land: str) -> None:
    found = authority(land)
    assert found is not None
    assert found.country == "DE" and found.region == land and found.level == "state"
    assert found.postal_address and found.website
    assert default_authority("DE", land) is found


def test_default_authority_for_bavaria_is_baylda() -> None:
    found = default_authority("DE", "DE-BY")
    assert found is not None
    assert found.abbreviation == "BayLDA"
    assert found.name_national == "Bayerisches Landesamt für Datenschutzaufsicht"
    assert default_authority("de", "by") is found


def test_germany_has_no_default_without_a_land_and_never_the_bfdi() -> None:
    assert default_authority("DE", None) is None
    assert default_authority("DE", "") is None
    assert default_authority("DE", "DE-BUND") is None
    assert default_authority("DE", "DE-XX") is None
    bfdi = authority("DE-BUND")
    assert bfdi is not None and bfdi.abbreviation == "BfDI" and bfdi.level == "federal"


def test_default_authority_for_the_netherlands_is_the_ap() -> None:
    found = default_authority("NL", None)
    assert found is not None
    assert found.name_national == "Autoriteit Persoonsgegevens"
    assert found.abbreviation == "AP"


def test_spain_defaults_to_aepd_even_with_a_region() -> None:
    for region in (None, "ES-CT", "ES-PV", "ES-AN"):
        found = default_authority("ES", region)
        assert found is not None and found.abbreviation == "AEPD", region
    catalan = authority("ES-CT")
    assert catalan is not None and catalan.level == "regional"


def test_unknown_country_has_no_default() -> None:
    assert default_authority("XX", None) is None
    assert authority("XX") is None


def test_names_per_language_and_fallback_to_the_national_name() -> None:
    belgium = authority("BE")
    assert belgium is not None
    assert belgium.name("nl") == "Gegevensbeschermingsautoriteit"
    assert belgium.name("fr") == "Autorité de protection des données"
    assert belgium.name("de") == "Datenschutzbehörde"
    assert belgium.name("en") == "Belgian Data Protection Authority"

    netherlands = authority("NL")
    assert netherlands is not None
    assert netherlands.name("nl") == "Autoriteit Persoonsgegevens"
    assert netherlands.name("en") == "Dutch Data Protection Authority"
    assert netherlands.name("fr") == "Autoriteit Persoonsgegevens"  # no official French name
    assert netherlands.name("DE") == "Autoriteit Persoonsgegevens"

    berlin = authority("DE-BE")
    assert berlin is not None
    # German Länder have no official English name: the German one is used in every language.
    assert berlin.name("en") == berlin.name_national
    assert berlin.name_national == "Berliner Beauftragte für Datenschutz und Informationsfreiheit"

    luxembourg = authority("LU")
    assert luxembourg is not None
    assert luxembourg.name("fr") == "Commission nationale pour la protection des données"

    switzerland = authority("CH")
    assert switzerland is not None
    assert switzerland.name("en") == "Federal Data Protection and Information Commissioner"
    assert switzerland.name("xx") == switzerland.name_national


def test_every_authority_has_a_national_name_and_website() -> None:
    for item in authorities():
        assert item.name_national, item.id
        assert item.website, item.id
        for lang in item.names:
            assert lang in authorities_module.LANGUAGES


def test_emails_and_websites_look_well_formed() -> None:
    for item in authorities():
        if item.email:
            assert EMAIL.match(item.email), (item.id, item.email)
        assert WEBSITE.match(item.website), (item.id, item.website)
        if item.phone:
            assert re.fullmatch(r"\+\d[\d ]+", item.phone), (item.id, item.phone)


def test_authority_is_frozen_and_its_names_are_read_only() -> None:
    found = authority("NL")
    assert found is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.abbreviation = "X"  # type: ignore[misc]
    with pytest.raises(TypeError):
        found.names["fr"] = "X"  # type: ignore[index]
    assert hash(found) == hash(authority("NL"))


def test_authorities_are_cached_but_the_list_is_a_copy() -> None:
    first = authorities()
    first.clear()
    second = authorities()
    assert second and second[0] is authorities()[0]


# --- Art. 8 ages --------------------------------------------------------------------------


@pytest.mark.parametrize("country", EEA)
def test_every_eea_country_has_an_age_or_a_documented_none(country: str) -> None:
    entry = consent_age_entry(country)
    assert entry is not None, country
    if country in AGE_UNCONFIRMED:
        assert entry.age is None
        assert digital_consent_age(country) is None
    else:
        assert entry.age is not None and 13 <= entry.age <= 16, entry


@pytest.mark.parametrize(
    ("country", "age"),
    [("NL", 16), ("DE", 16), ("FR", 15), ("BE", 13), ("AT", 14), ("ES", 14), ("IE", 16),
     ("IT", 14)],
)
def test_known_art8_ages(country: str, age: int) -> None:
    assert digital_consent_age(country) == age
    assert digital_consent_age(country.lower()) == age


def test_no_art8_age_for_switzerland_or_unknown_countries() -> None:
    assert digital_consent_age("CH") is None
    assert digital_consent_age("XX") is None
    assert DEFAULT_AGE == 16


def test_a_law_provision_is_only_given_together_with_its_law() -> None:
    for entry in consent_ages():
        if entry.provision:
            assert entry.national_law, entry.country
