"""Processor catalogue (resources/data/processors.json, wizard.catalog.processors)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

import wizard.catalog.processors as processors_module
from tests.projects import TRANSLATED
from wizard.catalog.adequacy import adequate_countries
from wizard.catalog.processors import (
    CATEGORIES,
    LANGUAGES,
    ROLES,
    SAFEGUARDS,
    Processor,
    by_category,
    processor,
    processors,
    search,
)
from wizard.flow import transfer_problem
from wizard.model.answers import DataCategory, Recipient, RecipientRole, Safeguard
from wizard.model.countries import EEA_COUNTRIES, is_country_code
from wizard.resources import read_text, resource

FIELDS = {
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
}
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
WEBSITE = re.compile(r"^https://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/\S*)?$")
#: English words that give away an untranslated purpose; Dutch "of" ("or") is a Dutch word.
ENGLISH_WORDS = {"the", "and", "of", "for", "with", "to", "by"}
NOT_ENGLISH_IN = {"nl": {"of"}}
TO_BE_CONFIRMED = "to be confirmed by the user"
#: Source text of an entry that was not checked against any source.
UNCHECKED = "not re-checked"


def _raw() -> list[dict[str, Any]]:
    document = json.loads(read_text("data", "processors.json"))
    entries = document["processors"]
    assert isinstance(entries, list)
    return entries


def _outside_eea(item: Processor) -> list[str]:
    return [code for code in item.data_location if code not in EEA_COUNTRIES]


# --- the data file --------------------------------------------------------------------------


def test_data_file_is_shipped_with_licence_and_readme_section() -> None:
    assert resource("data", "processors.json").is_file()
    document = json.loads(read_text("data", "processors.json"))
    assert document["licence"].strip()
    readme = read_text("data", "README.md")
    assert "## `processors.json`" in readme


def test_every_entry_has_exactly_the_documented_fields() -> None:
    for raw in _raw():
        assert set(raw) == FIELDS, raw.get("id")


def test_at_least_forty_entries() -> None:
    assert len(processors()) >= 40
    assert len(processors()) == len(_raw())


def test_ids_are_unique_slugs() -> None:
    ids = [item.id for item in processors()]
    assert len(ids) == len(set(ids))
    for item_id in ids:
        assert SLUG.match(item_id), item_id


def test_names_are_unique() -> None:
    names = [item.name.casefold() for item in processors()]
    assert len(names) == len(set(names))


# --- purposes in four languages -------------------------------------------------------------


def test_purpose_in_all_four_languages() -> None:
    for item in processors():
        assert set(item.purpose) == set(LANGUAGES), item.id
        for lang in LANGUAGES:
            assert item.purpose[lang].strip(), (item.id, lang)
            assert item.purpose[lang] == item.purpose[lang].strip(), (item.id, lang)


def test_translations_differ_from_english() -> None:
    items = processors()
    for lang in TRANSLATED:
        same = [item.id for item in items if item.purpose[lang] == item.purpose["en"]]
        assert len(same) <= len(items) // 10, (lang, same)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_english_words_in_translations(lang: str) -> None:
    words = ENGLISH_WORDS - NOT_ENGLISH_IN.get(lang, set())
    for item in processors():
        text = f" {item.purpose[lang].casefold()} "
        for word in words:
            assert f" {word} " not in text, (item.id, lang, item.purpose[lang])


def test_purpose_in_falls_back_to_english() -> None:
    stripe = processor("stripe")
    assert stripe is not None
    assert stripe.purpose_in("de") == stripe.purpose["de"]
    assert stripe.purpose_in("NL") == stripe.purpose["nl"]
    assert stripe.purpose_in("es") == stripe.purpose["en"]


# --- vocabularies and countries -------------------------------------------------------------


def test_countries_are_iso_codes() -> None:
    for item in processors():
        assert is_country_code(item.country), (item.id, item.country)
        assert item.data_location, item.id
        assert len(set(item.data_location)) == len(item.data_location), item.id
        for code in item.data_location:
            assert is_country_code(code), (item.id, code)


def test_categories_roles_and_safeguards_match_the_answers_model() -> None:
    assert len(set(CATEGORIES)) == len(CATEGORIES)
    assert {RecipientRole(role) for role in ROLES} <= set(RecipientRole)
    assert {Safeguard(value) for value in SAFEGUARDS} <= set(Safeguard)
    assert Safeguard.PRIVACY_SHIELD.value not in SAFEGUARDS
    for item in processors():
        assert item.category in CATEGORIES, item.id
        RecipientRole(item.role)
        if item.safeguard is not None:
            Safeguard(item.safeguard)


def test_no_entry_relies_on_the_privacy_shield() -> None:
    for raw in _raw():
        assert raw["safeguard"] != Safeguard.PRIVACY_SHIELD.value, raw["id"]
    for item in processors():
        assert item.safeguard != Safeguard.PRIVACY_SHIELD.value, item.id


def test_data_categories_are_known_and_unique() -> None:
    known = {category.value for category in DataCategory}
    for item in processors():
        assert item.data_categories, item.id
        assert len(set(item.data_categories)) == len(item.data_categories), item.id
        assert set(item.data_categories) <= known, (item.id, item.data_categories)


def test_every_category_has_at_least_two_processors() -> None:
    for category in CATEGORIES:
        assert len(by_category(category)) >= 2, category


def test_roles_are_plausible_for_payments() -> None:
    # Payment institutions and banks act as controllers for the transactions they execute.
    for item_id in ("paypal", "mollie", "adyen"):
        item = processor(item_id)
        assert item is not None
        assert item.role == RecipientRole.INDEPENDENT_CONTROLLER.value


# --- transfers ------------------------------------------------------------------------------


def test_safeguard_is_none_exactly_when_data_stay_in_the_eea() -> None:
    for item in processors():
        in_eea = not _outside_eea(item)
        assert (item.safeguard is None) == in_eea, (item.id, item.data_location, item.safeguard)


def test_adequacy_only_for_adequate_countries() -> None:
    for item in processors():
        if item.safeguard == Safeguard.ADEQUACY.value:
            for code in _outside_eea(item):
                assert code in adequate_countries(), (item.id, code)


def test_dpf_only_for_transfers_to_the_united_states() -> None:
    for item in processors():
        if item.safeguard == Safeguard.DPF.value:
            outside = _outside_eea(item)
            assert "US" in outside, item.id
            for code in outside:
                assert code == "US" or code in adequate_countries(), (item.id, code)


def test_dpf_is_never_claimed_without_a_source() -> None:
    for item in processors():
        if item.safeguard == Safeguard.DPF.value:
            assert item.verified_on is not None, item.id
            assert "http" in item.source, item.id
            assert UNCHECKED not in item.source, item.id
            assert TO_BE_CONFIRMED not in item.notes.casefold(), item.id


def test_checked_values_are_confirmed_with_a_date_and_dpf_only_when_its_safeguard_is() -> None:
    for item in processors():
        assert bool(item.checked) == (item.verified_on is not None), item.id
        if item.safeguard == Safeguard.DPF.value:
            assert item.confirmed("safeguard"), item.id
        if TO_BE_CONFIRMED in item.notes.casefold():
            assert not item.confirmed("safeguard"), item.id


def test_unconfirmed_safeguards_are_scc_and_say_so() -> None:
    for item in processors():
        if TO_BE_CONFIRMED in item.notes.casefold():
            assert item.safeguard == Safeguard.SCC.value, item.id
        if UNCHECKED in item.source:
            # No source: no DPF or BCR claim; SCCs only with the "to be confirmed" note.
            assert item.safeguard in (None, Safeguard.ADEQUACY.value, Safeguard.SCC.value), item.id
            if item.safeguard == Safeguard.SCC.value:
                assert TO_BE_CONFIRMED in item.notes.casefold(), item.id


def test_every_entry_is_accepted_by_the_transfer_check() -> None:
    for item in processors():
        safeguard = Safeguard(item.safeguard) if item.safeguard else None
        for code in item.data_location:
            assert transfer_problem(code, safeguard) is None, (item.id, code)


def test_an_entry_becomes_a_valid_recipient() -> None:
    for item in processors():
        recipient = Recipient(
            name=item.name,
            catalog_id=item.id,
            role=RecipientRole(item.role),
            service={lang: item.purpose_in(lang) for lang in LANGUAGES},
            country=next(iter(_outside_eea(item)), item.data_location[0]),
            safeguard=Safeguard(item.safeguard) if item.safeguard else None,
        )
        assert recipient.outside_eea == bool(_outside_eea(item)), item.id


# --- sources --------------------------------------------------------------------------------


def test_sources_websites_and_dates() -> None:
    for item in processors():
        assert item.source, item.id
        assert WEBSITE.match(item.website), (item.id, item.website)
        if item.verified_on is not None:
            assert item.verified_on <= date(2026, 12, 5), item.id
        else:
            assert UNCHECKED in item.source, item.id


def test_an_empty_legal_entity_is_explained() -> None:
    for item in processors():
        if not item.legal_entity:
            assert "legal entity" in item.notes.casefold(), item.id


# --- lookups --------------------------------------------------------------------------------


def test_processors_are_sorted_by_name_and_a_fresh_list() -> None:
    items = processors()
    assert [item.name.casefold() for item in items] == sorted(
        item.name.casefold() for item in items
    )
    items.clear()
    assert processors()


def test_processor_lookup() -> None:
    stripe = processor("stripe")
    assert stripe is not None
    assert stripe.name == "Stripe"
    assert stripe.category == "payments"
    assert processor(" Stripe ") is stripe
    assert processor("no-such-processor") is None


def test_by_category() -> None:
    payments = by_category("payments")
    assert {"stripe", "mollie", "adyen", "paypal"} <= {item.id for item in payments}
    assert all(item.category == "payments" for item in payments)
    assert [item.name for item in payments] == sorted(item.name for item in payments)
    with pytest.raises(ValueError):
        by_category("payment")


def test_search_on_name_and_legal_entity() -> None:
    assert [item.id for item in search("STRIPE")] == ["stripe"]
    assert "stripe" in {item.id for item in search("payments europe")}
    assert "mailchimp" in {item.id for item in search("rocket science")}
    assert {"microsoft-365", "microsoft-azure", "microsoft-teams"} <= {
        item.id for item in search("microsoft ireland")
    }
    assert search("no such provider anywhere") == []
    assert len(search("  ")) == len(processors())


def test_catalogue_entries_are_immutable() -> None:
    stripe = processor("stripe")
    assert stripe is not None
    with pytest.raises(AttributeError):
        stripe.name = "Other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        stripe.purpose["en"] = "Other"  # type: ignore[index]


# --- the loader rejects bad data ------------------------------------------------------------


@pytest.fixture
def fake_data(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dict[str, Any]]]:
    entries = [dict(raw) for raw in _raw()[:2]]

    def fake_read_text(*parts: str) -> str:
        assert parts == ("data", "processors.json")
        return json.dumps({"processors": entries})

    monkeypatch.setattr(processors_module, "read_text", fake_read_text)
    processors_module._load.cache_clear()
    processors_module._by_id.cache_clear()
    yield entries
    processors_module._load.cache_clear()
    processors_module._by_id.cache_clear()


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("safeguard", "privacy_shield"),
        ("category", "marketing"),
        ("role", "joint_controller"),
        ("data_location", []),
        ("purpose", {"nl": "Alleen Nederlands"}),
        # The first entry claims the DPF: only with the safeguard confirmed.
        ("checked", ["legal_entity", "role"]),
        ("checked", ["legal_entity", "owner", "safeguard"]),
        ("checked", ["safeguard", "safeguard"]),
        ("checked", []),
    ],
)
def test_loader_rejects_bad_values(fake_data: list[dict[str, Any]], key: str, value: Any) -> None:
    fake_data[0][key] = value
    with pytest.raises(ValueError):
        processors()


def test_loader_rejects_a_missing_field(fake_data: list[dict[str, Any]]) -> None:
    del fake_data[1]["source"]
    with pytest.raises(ValueError, match="source"):
        processors()


def test_loader_reads_the_fake_data(fake_data: list[dict[str, Any]]) -> None:
    assert {item.id for item in processors()} == {raw["id"] for raw in fake_data}
