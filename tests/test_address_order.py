"""Addresses are written in the order of their own country: the town before the postcode in the
United Kingdom, Ireland, the United States, Canada, Australia and New Zealand ("London NW1 6XE"),
the postcode first on the continent ("3581 AB Utrecht"), whatever the document's language; the
country is named in the reader's language. Read back from the generated DOCX."""

from __future__ import annotations

import pytest

from tests.projects import example
from tests.readback import policy_docx_text
from wizard.languages import LANGUAGES
from wizard.model.answers import Address, Person, Project
from wizard.model.countries import TOWN_BEFORE_POSTCODE, town_and_postcode

LANGS = tuple(LANGUAGES)

UK = Address(street="221B Baker Street", postal_code="NW1 6XE", city="London", country="GB")
DUTCH = Address(street="Oudegracht 100", postal_code="3511 AX", city="Utrecht", country="NL")

#: The country of each address in each language, as the reader reads it.
COUNTRY = {
    "GB": {"en": "United Kingdom", "nl": "Verenigd Koninkrijk", "fr": "Royaume-Uni",
           "de": "Vereinigtes Königreich"},
    "NL": {"en": "Netherlands", "nl": "Nederland", "fr": "Pays-Bas", "de": "Niederlande"},
}  # fmt: skip
LINE = {
    "GB": "221B Baker Street, London NW1 6XE, {country}",
    "NL": "Oudegracht 100, 3511 AX Utrecht, {country}",
}


def _with_addresses(organisation: Address, dpo: Address) -> Project:
    """The physiotherapy practice at ``organisation``, with a data protection officer at
    ``dpo``."""
    project = example("physiotherapy-practice")
    project.organisation.country = organisation.country
    project.organisation.address = organisation.model_copy()
    project.dpo = Person(name="Jane Officer", email="dpo@example.org", address=dpo.model_copy())
    return project


@pytest.mark.parametrize("lang", LANGS)
def test_a_uk_and_a_dutch_address_in_their_own_order(lang: str) -> None:
    for organisation, dpo in ((UK, DUTCH), (DUTCH, UK)):
        text = policy_docx_text(_with_addresses(organisation, dpo), lang)
        for address in (organisation, dpo):
            assert address.country is not None
            line = LINE[address.country].format(country=COUNTRY[address.country][lang])
            assert line in text, (lang, line)
        assert "NW1 6XE London" not in text
        assert "Utrecht 3511 AX" not in text


def test_the_order_is_the_countrys() -> None:
    assert TOWN_BEFORE_POSTCODE == {"GB", "IE", "US", "CA", "AU", "NZ"}
    for country in TOWN_BEFORE_POSTCODE:
        assert town_and_postcode("P1", "Town", country) == "Town P1"
    for country in ("NL", "BE", "DE", "FR", "AT", "LU", "CH", "NO", None):
        assert town_and_postcode("1234", "Town", country) == "1234 Town"
    # A part left empty leaves no stray space.
    assert town_and_postcode("", "Dublin", "IE") == "Dublin"
    assert town_and_postcode("10119", "", "DE") == "10119"
