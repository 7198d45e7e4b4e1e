"""The wizard asks for format 3's answers: further legal bases and withdrawal in the purpose
editor, a further safeguard on the transfers page, the "no transfers" confirmation on the
recipients page, and the Security and more page with its three lists."""

from __future__ import annotations

from typing import Any

import pytest

from tests.projects import EXAMPLES
from tests.ui.conftest import click
from wizard.flow import PageId
from wizard.model.answers import (
    LegalBasis,
    LocalText,
    OwnSection,
    Safeguard,
    SectionAnchor,
    SecurityMeasure,
    SpecialCondition,
)
from wizard.policy.engine import build_document
from wizard.ui.extra_dialogs import OtherAuthorityDialog, OwnSectionDialog, ProcessorActivityDialog
from wizard.ui.labels import label
from wizard.ui.main_window import MainWindow
from wizard.ui.purpose_dialog import PurposeDialog


def test_purpose_editor_keeps_further_bases_and_withdrawal(qtbot: Any) -> None:
    from wizard.model import load_project

    project = load_project(EXAMPLES / "telehealth-startup.privacy.json")
    records = project.purpose("records")
    assert records is not None
    dialog = PurposeDialog(records, ["en", "de"])
    qtbot.addWidget(dialog)
    # The main basis (legal obligation) cannot also be a further one; contract is ticked.
    assert not dialog.further_bases[LegalBasis.LEGAL_OBLIGATION].isEnabled()
    assert dialog.further_bases[LegalBasis.CONTRACT].isChecked()
    assert dialog.purpose().additional_bases == [LegalBasis.CONTRACT]
    # Not a consent purpose: no withdrawal question.
    assert dialog.withdrawal.isHidden()
    dialog.further_bases[LegalBasis.CONSENT].setChecked(True)
    assert not dialog.withdrawal.isHidden()
    dialog.withdrawal.editor.setText("in the app's settings")
    dialog.withdrawal.editor.textEdited.emit("in the app's settings")
    edited = dialog.purpose()
    # The main basis first, then the further ones in the order of Art. 6(1).
    assert edited.bases == [LegalBasis.LEGAL_OBLIGATION, LegalBasis.CONSENT, LegalBasis.CONTRACT]
    assert edited.withdrawal.get("en") == "in the app's settings"


def test_purpose_editor_asks_for_withdrawal_under_explicit_consent(qtbot: Any) -> None:
    from wizard.model import load_project

    project = load_project(EXAMPLES / "telehealth-startup.privacy.json")
    symptoms = project.purpose("symptoms")
    assert symptoms is not None and symptoms.special_condition is SpecialCondition.EXPLICIT_CONSENT
    dialog = PurposeDialog(symptoms, project.publication.languages)
    qtbot.addWidget(dialog)
    assert not dialog.withdrawal.isHidden()
    assert dialog.purpose().withdrawal == symptoms.withdrawal


def test_legal_basis_and_condition_labels_do_not_hide_each_other() -> None:
    """Both enums have the value "vital_interests"; each keeps its own words."""
    assert label(LegalBasis.VITAL_INTERESTS) == "(d) To protect someone's life"
    assert label(SpecialCondition.VITAL_INTERESTS) == "(c) Vital interests"


def test_transfers_page_sets_a_further_safeguard(qtbot: Any, window: MainWindow) -> None:
    assert window.open_path(EXAMPLES / "telehealth-startup.privacy.json", ask=False)
    window.wizard.jump_to(PageId.TRANSFERS)
    page = window.wizard.pages[PageId.TRANSFERS]
    project = window.session.project
    index = next(i for i, r in enumerate(project.recipients) if r.name.startswith("Google"))
    combo = page.fallbacks[index]
    combo.setCurrentIndex(combo.findData(Safeguard.SCC))
    assert project.recipients[index].fallback_safeguards == [Safeguard.SCC]
    assert window.session.modified
    text = build_document(project, "fr").text()
    assert "Si ce fondement cessait de s'appliquer" in text
    combo.setCurrentIndex(0)
    assert project.recipients[index].fallback_safeguards == []


def test_recipients_page_confirms_no_transfers(qtbot: Any, window: MainWindow) -> None:
    assert window.open_path(EXAMPLES / "physiotherapy-practice.privacy.json", ask=False)
    window.wizard.jump_to(PageId.RECIPIENTS)
    page = window.wizard.pages[PageId.RECIPIENTS]
    project = window.session.project
    assert page.no_transfers.isChecked() and page.no_transfers.isEnabled()
    click(qtbot, page.no_transfers)
    assert project.no_transfers_confirmed is False
    assert "outside the European Economic Area" not in build_document(project, "en").text()
    click(qtbot, page.no_transfers)
    assert project.no_transfers_confirmed is True


def test_no_transfers_cannot_be_confirmed_with_a_recipient_outside(
    qtbot: Any, window: MainWindow
) -> None:
    assert window.open_path(EXAMPLES / "telehealth-startup.privacy.json", ask=False)
    window.wizard.jump_to(PageId.RECIPIENTS)
    page = window.wizard.pages[PageId.RECIPIENTS]
    assert not page.no_transfers.isEnabled() and not page.no_transfers.isChecked()


def test_security_page_writes_measures_and_own_words(qtbot: Any, window: MainWindow) -> None:
    assert window.open_path(EXAMPLES / "software-company.privacy.json", ask=False)
    window.wizard.jump_to(PageId.SECURITY)
    page = window.wizard.pages[PageId.SECURITY]
    project = window.session.project
    box = page.measures[SecurityMeasure.LOGGING]
    assert not box.isChecked()
    click(qtbot, box)
    assert SecurityMeasure.LOGGING in project.security.measures
    assert "Logboek" not in build_document(project, "nl").text()
    assert (
        "Registratie (logging) van toegang tot persoonsgegevens"
        in build_document(project, "nl").text()
    )
    # The lists show the example's entries.
    assert page.activities.table.rowCount() == 1
    assert page.authorities.table.item(0, 1).text() == "Switzerland"
    assert page.sections.table.rowCount() == 0


def test_own_section_editor_needs_heading_and_text(qtbot: Any) -> None:
    dialog = OwnSectionDialog(None, ["en"])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()
    dialog.heading.editor.setText("Camera surveillance")
    dialog.heading.editor.textEdited.emit("Camera surveillance")
    dialog.text.editor.setPlainText("Our entrance is filmed.\n\nImages are kept 4 weeks.")
    assert ok.isEnabled()
    dialog.after.setCurrentIndex(dialog.after.findData(SectionAnchor.SECURITY))
    section = dialog.section()
    assert section == OwnSection(
        heading=LocalText({"en": "Camera surveillance"}),
        text=LocalText({"en": "Our entrance is filmed.\n\nImages are kept 4 weeks."}),
        after=SectionAnchor.SECURITY,
    )


@pytest.mark.parametrize("country_ok", [True, False])
def test_other_authority_editor_offers_only_countries_outside_the_eea(
    qtbot: Any, country_ok: bool
) -> None:
    dialog = OtherAuthorityDialog(None, ["en"])
    qtbot.addWidget(dialog)
    codes = {dialog.country.itemData(i) for i in range(dialog.country.count())}
    assert "CH" in codes and "GB" in codes
    assert "FR" not in codes and "NO" not in codes
    dialog.name.setText("Federal Data Protection and Information Commissioner")
    if country_ok:
        dialog.country.setCurrentIndex(dialog.country.findData("CH"))
    dialog.law.editor.setText("the Swiss FADP")
    dialog.law.editor.textEdited.emit("the Swiss FADP")
    ok = dialog.buttons.buttons()[0]
    assert ok.isEnabled() is country_ok
    if country_ok:
        authority = dialog.authority()
        assert authority is not None and authority.country == "CH"


def test_processor_activity_editor(qtbot: Any) -> None:
    dialog = ProcessorActivityDialog(None, ["en"])
    qtbot.addWidget(dialog)
    dialog.service.editor.setText("the records we host for clinics")
    dialog.service.editor.textEdited.emit("the records we host for clinics")
    assert dialog.activity().service.get("en") == "the records we host for clinics"
