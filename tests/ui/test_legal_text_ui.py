"""The purpose editor proposes what a ticked data category holds, in every policy language, and
keeps exactly what the user leaves there; the processor picker names the company outside the EEA
that receives the data apart from the contracting entity."""

from __future__ import annotations

from typing import Any

from tests.ui.conftest import type_text
from wizard.languages import LANGUAGES
from wizard.model.answers import DataCategory, LocalText, Purpose
from wizard.ui.purpose_dialog import PurposeDialog


def test_ticking_a_category_proposes_its_usual_contents_in_each_language(qtbot: Any) -> None:
    dialog = PurposeDialog(None, list(LANGUAGES), country="NL")
    qtbot.addWidget(dialog)
    details = dialog.details[DataCategory.IDENTITY]
    assert not details.isVisibleTo(dialog)
    dialog.categories[DataCategory.IDENTITY].setChecked(True)
    assert details.isVisibleTo(dialog)
    assert details.value().root == {
        "en": "name, date of birth, sex",
        "nl": "naam, geboortedatum, geslacht",
        "fr": "nom, date de naissance, sexe",
        "de": "Name, Geburtsdatum, Geschlecht",
    }
    # The national number is the one of the organisation's country.
    dialog.categories[DataCategory.NATIONAL_ID].setChecked(True)
    assert dialog.details[DataCategory.NATIONAL_ID].value().get("nl") == (
        "burgerservicenummer (BSN)"
    )
    # A category without usual contents proposes nothing.
    dialog.categories[DataCategory.GENETIC].setChecked(True)
    assert not dialog.details[DataCategory.GENETIC].value()


def test_the_user_edits_the_proposal_and_unticking_drops_it(qtbot: Any) -> None:
    dialog = PurposeDialog(None, ["en"], country="BE")
    qtbot.addWidget(dialog)
    type_text(dialog.name, "Contact form")
    dialog.categories[DataCategory.IDENTITY].setChecked(True)
    dialog.categories[DataCategory.CONTACT].setChecked(True)
    identity = dialog.details[DataCategory.IDENTITY]
    identity.editor.selectAll()
    type_text(identity, "name")
    purpose = dialog.purpose()
    assert purpose.data_details[DataCategory.IDENTITY].root == {"en": "name"}
    assert purpose.data_details[DataCategory.CONTACT].get("en") == (
        "address, e-mail address, telephone number"
    )
    dialog.categories[DataCategory.CONTACT].setChecked(False)
    assert set(dialog.purpose().data_details) == {DataCategory.IDENTITY}


def test_opening_a_purpose_keeps_its_details_and_proposes_none(qtbot: Any) -> None:
    """An old project's category without details stays without: nothing is claimed for it."""
    purpose = Purpose(
        id="contact",
        name=LocalText({"en": "Contact"}),
        data_categories=[DataCategory.IDENTITY, DataCategory.CONTACT],
        data_details={DataCategory.CONTACT: LocalText({"en": "e-mail address"})},
    )
    dialog = PurposeDialog(purpose, ["en"])
    qtbot.addWidget(dialog)
    assert dialog.details[DataCategory.IDENTITY].isVisibleTo(dialog)
    assert not dialog.details[DataCategory.IDENTITY].value()
    assert dialog.purpose().data_details == purpose.data_details


def test_the_picker_names_the_company_that_receives_the_data_outside_the_eea(qtbot: Any) -> None:
    from wizard.ui.processor_picker import ProcessorPicker

    picker = ProcessorPicker()
    qtbot.addWidget(picker)
    type_text(picker.search, "Stripe")
    entry = picker.chosen()
    assert entry is not None and entry.id == "stripe"
    details = picker.details.text()
    assert "Stripe Payments Europe, Limited" in details
    assert "Receives the data outside the EEA" in details and "Stripe, Inc. (United States)" in (
        details
    )
