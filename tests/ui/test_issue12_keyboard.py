"""The answers issue 12 added to the project format, set by a person with the keyboard alone:
each field is reached by its label's Alt+letter or by Tab from a neighbour, typed into whatever
has the focus (tests/ui/keyboard.py), saved with Ctrl+S and read back from the project file.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from tests.projects import EXAMPLES
from tests.ui.keyboard import Keyboard, label_of
from wizard.flow import PageId
from wizard.model.answers import LegalBasis, RetentionStart, SecurityMeasure
from wizard.model.project_file import load_project
from wizard.ui.main_window import MainWindow
from wizard.ui.purpose_dialog import PurposeDialog


def focused(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or focus is widget.focusProxy())


def tab_to(keys: Keyboard, widget: QWidget, limit: int = 60) -> None:
    """Press Tab until ``widget`` has the focus (a person's way to a control without a label)."""
    for _ in range(limit):
        if focused(widget):
            return
        keys.tab()
    raise AssertionError(f"Tab never reached {widget!r}")


def opened(qtbot: Any, make_window: Any, tmp_path: Path, name: str) -> tuple[MainWindow, Path]:
    path = tmp_path / f"{name}.privacy.json"
    shutil.copy(EXAMPLES / f"{name}.privacy.json", path)
    window: MainWindow = make_window()
    assert window.open_path(path, ask=False)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    return window, path


def save(keys: Keyboard, window: MainWindow) -> None:
    keys.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.session.modified


def test_organisation_children_rights_and_security_answers_by_keyboard(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    window, path = opened(qtbot, make_window, tmp_path, "telehealth-startup")
    keys = Keyboard(qtbot)
    wizard = window.wizard

    # Organisation (in Berlin): own staff in Switzerland; 25 people at computers (§ 38 BDSG);
    # monitoring on a large scale.
    wizard.jump_to(PageId.ORGANISATION)
    org = wizard.pages[PageId.ORGANISATION]
    keys.alt(label_of(org.abroad))
    assert focused(org.abroad)
    keys.type("Switzerland")
    keys.space()
    keys.alt(label_of(org.fact_people))
    assert focused(org.fact_people)
    keys.select_all()
    keys.type("25")
    keys.tab()  # leaving the box commits the number
    keys.backtab()
    assert focused(org.fact_people)
    keys.backtab(2)
    assert focused(org.fact_monitoring)
    keys.space()

    # Children: a service for 13 to 17 year olds.
    wizard.jump_to(PageId.CHILDREN)
    children = wizard.pages[PageId.CHILDREN]
    keys.alt(children.targets.text())
    assert children.targets.isChecked()
    keys.alt(label_of(children.youngest))
    assert focused(children.youngest)
    keys.select_all()
    keys.type("13")
    keys.alt(children.only_minors.text())
    assert children.only_minors.isChecked()
    tab_to(keys, children.oldest)
    keys.select_all()
    keys.type("17")
    keys.tab()

    # Rights: the Belgian authority, with the reason it is named.
    wizard.jump_to(PageId.RIGHTS)
    rights = wizard.pages[PageId.RIGHTS]
    keys.alt(label_of(rights.authority))
    assert focused(rights.authority)
    belgian = next(
        rights.authority.itemText(i)
        for i in range(rights.authority.count())
        if rights.authority.itemData(i) == "BE"
    )
    keys.type(belgian.split()[0])  # a space would open the list
    assert rights.authority.currentData() == "BE"
    assert rights.reason_row.isVisibleTo(rights)
    keys.alt(label_of(rights.authority_reason))
    keys.type("Lead authority of our main establishment in Brussels")
    assert focused(rights.authority_reason), QApplication.focusWidget()
    assert window.session.project.authority.reason.startswith("Lead authority")

    # Security: physical security ticked from the keyboard, and the practice's own words.
    wizard.jump_to(PageId.SECURITY)
    security = wizard.pages[PageId.SECURITY]
    keys.alt(label_of(security.other.editor))
    assert focused(security.other.editor)
    keys.select_all()
    keys.type("Paper records are locked away.")
    box = security.measures[SecurityMeasure.PHYSICAL_SECURITY]
    assert not box.isChecked()
    for _ in range(40):
        if focused(box):
            break
        keys.backtab()
    keys.space()
    assert box.isChecked()

    save(keys, window)
    saved = load_project(path)
    assert saved.organisation.own_processing_countries == ["CH"]
    assert saved.dpo_facts is not None
    assert saved.dpo_facts.people_processing == 25
    assert saved.dpo_facts.large_scale_monitoring is True
    assert saved.children.targets_children is True
    assert (saved.children.youngest_age, saved.children.oldest_age) == (13, 17)
    assert saved.authority.catalog_id == "BE"
    assert saved.authority.reason == "Lead authority of our main establishment in Brussels"
    assert SecurityMeasure.PHYSICAL_SECURITY in saved.security.measures
    assert saved.security.other.get("en") == "Paper records are locked away."


def test_purpose_answers_by_keyboard(qtbot: Any) -> None:
    """Further bases, withdrawal, retention from each record's making and what a category
    holds, in the purpose editor."""
    project = load_project(EXAMPLES / "physiotherapy-practice.privacy.json")
    contact = project.purpose("contact")
    assert contact is not None
    dialog = PurposeDialog(contact, ["en"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    keys = Keyboard(qtbot)

    # A further basis: consent, ticked with Tab and space; then how it is withdrawn.
    consent = dialog.further_bases[LegalBasis.CONSENT]
    keys.alt(label_of(dialog.legal_basis))
    tab_to(keys, consent)
    keys.space()
    assert consent.isChecked() and not dialog.withdrawal.isHidden()
    keys.alt(label_of(dialog.withdrawal.editor))
    assert focused(dialog.withdrawal.editor)
    keys.type("the link in every reply")

    # Retention: ten years counted from the making of each record.
    keys.alt(label_of(dialog.amount))
    assert focused(dialog.amount)
    keys.select_all()
    keys.type("10")
    tab_to(keys, dialog.starting, limit=3)
    for _ in range(dialog.starting.count()):  # the arrow keys, as a person chooses
        if dialog.starting.currentData() == RetentionStart.RECORD_CREATION:
            break
        keys.press(Qt.Key.Key_Down)
    assert dialog.starting.currentData() == RetentionStart.RECORD_CREATION

    # What the contact data hold: the proposal replaced by the person's words.
    category = next(c for c in contact.data_categories if c in dialog.details)
    details = dialog.details[category]
    assert not details.isHidden()
    keys.alt(label_of(dialog.name.editor))
    assert focused(dialog.name.editor)
    tab_to(keys, details.editor, limit=200)
    keys.select_all()
    keys.type("e-mail address")

    keys.enter()  # the default button, OK
    assert dialog.result() == QDialog.DialogCode.Accepted
    edited = dialog.purpose()
    assert LegalBasis.CONSENT in edited.bases
    assert edited.withdrawal.get("en") == "the link in every reply"
    assert edited.retention.period is not None and edited.retention.period.amount == 10
    assert edited.retention.starting is RetentionStart.RECORD_CREATION
    assert edited.data_details[category].get("en") == "e-mail address"


def test_lists_of_the_security_page_by_keyboard(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    """A service run as a processor, an authority under another law and an own section, each
    added through its dialog from the keyboard; a further safeguard on the Transfers page."""
    from wizard.model.answers import Safeguard, SectionAnchor
    from wizard.ui.extra_dialogs import (
        OtherAuthorityDialog,
        OwnSectionDialog,
        ProcessorActivityDialog,
    )

    window, path = opened(qtbot, make_window, tmp_path, "telehealth-startup")
    keys = Keyboard(qtbot)
    wizard = window.wizard
    wizard.jump_to(PageId.SECURITY)
    security = wizard.pages[PageId.SECURITY]
    keys.alt(label_of(security.other.editor))  # somewhere on the page, for the Alt keys

    def service(dialog: QWidget) -> None:
        assert isinstance(dialog, ProcessorActivityDialog)
        keys.alt(label_of(dialog.service.editor))
        keys.type("the records we host for other clinics")
        keys.alt(label_of(dialog.controllers.editor))
        keys.type("those clinics")
        keys.enter()

    done = keys.in_modal(service)
    keys.alt(security.activities.add_buttons[0].text())
    done()

    def authority(dialog: QWidget) -> None:
        assert isinstance(dialog, OtherAuthorityDialog)
        keys.alt(label_of(dialog.name))
        keys.type("FDPIC")
        keys.alt(label_of(dialog.country))
        keys.type("Switzerland")
        assert dialog.country.currentData() == "CH"
        keys.alt(label_of(dialog.law.editor))
        keys.type("the Swiss Federal Act on Data Protection")
        keys.enter()

    done = keys.in_modal(authority)
    keys.alt(security.authorities.add_buttons[0].text())
    done()

    def section(dialog: QWidget) -> None:
        assert isinstance(dialog, OwnSectionDialog)
        keys.alt(label_of(dialog.heading.editor))
        keys.type("Camera surveillance")
        keys.alt(label_of(dialog.text.editor))
        keys.type("Our entrance is filmed.")
        keys.alt(label_of(dialog.after))
        assert focused(dialog.after)
        keys.press(Qt.Key.Key_Home)
        for _ in range(dialog.after.count()):
            if dialog.after.currentData() == SectionAnchor.SECURITY:
                break
            keys.press(Qt.Key.Key_Down)
        keys.alt(label_of(dialog.heading.editor))
        keys.enter()

    done = keys.in_modal(section)
    keys.alt(security.sections.add_buttons[0].text())
    done()

    # Transfers: standard contractual clauses behind Google's certification, by Tab and arrows.
    wizard.jump_to(PageId.TRANSFERS)
    transfers = wizard.pages[PageId.TRANSFERS]
    project = window.session.project
    google = next(i for i, r in enumerate(project.recipients) if r.name.startswith("Google"))
    fallback = transfers.fallbacks[google]
    # One row per recipient, named by the recipient: reached by Tab, not by an Alt+letter.
    tab_to(keys, fallback)
    for _ in range(fallback.count()):
        if fallback.currentData() == Safeguard.SCC:
            break
        keys.press(Qt.Key.Key_Down)

    save(keys, window)
    saved = load_project(path)
    activity = saved.processor_activities[-1]
    assert activity.service.get("en") == "the records we host for other clinics"
    assert activity.controllers.get("en") == "those clinics"
    other = saved.other_authorities[-1]
    assert (other.name, other.country) == ("FDPIC", "CH")
    assert other.law.get("en") == "the Swiss Federal Act on Data Protection"
    own = saved.own_sections[-1]
    assert own.heading.get("en") == "Camera surveillance"
    assert own.text.get("en") == "Our entrance is filmed."
    assert own.after == SectionAnchor.SECURITY
    assert saved.recipients[google].fallback_safeguards == [Safeguard.SCC]


def test_no_transfers_confirmed_by_keyboard(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    window, path = opened(qtbot, make_window, tmp_path, "physiotherapy-practice")
    keys = Keyboard(qtbot)
    window.wizard.jump_to(PageId.RECIPIENTS)
    page = window.wizard.pages[PageId.RECIPIENTS]
    assert page.no_transfers.isChecked()
    keys.alt(page.no_transfers.text())
    assert not page.no_transfers.isChecked()
    save(keys, window)
    assert load_project(path).no_transfers_confirmed is False
    keys.alt(page.no_transfers.text())
    save(keys, window)
    assert load_project(path).no_transfers_confirmed is True
