"""Screen readers: the open points are read one by one and announced when they change; inputs
carry their help text as accessible description."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

from tests.projects import EXAMPLES
from tests.ui.conftest import type_text
from wizard.flow import PageId
from wizard.ui import notes
from wizard.ui.main_window import MainWindow


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


def test_each_open_point_is_read_and_changes_are_announced(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[tuple[QWidget, QAccessible.Event]] = []
    monkeypatch.setattr(notes, "announce", lambda widget, event: events.append((widget, event)))
    window.new_project()
    page = window.wizard.pages[PageId.ORGANISATION]
    issues = page.issues
    assert issues.isVisible()
    assert accessible_name(issues) == "Still to do on this page"
    # Every message is there for the screen reader, each under its own name.
    assert issues.messages
    assert [accessible_name(item) for item in issues.items] == issues.messages
    assert "Enter the legal name." in issues.messages
    events.clear()
    type_text(page.legal_name, "Fysiotherapie De Brug")
    assert "Enter the legal name." not in issues.messages
    assert (issues, QAccessible.Event.DescriptionChanged) in events
    assert "Enter the legal name." not in issues.accessibleDescription()
    # A new blocking point is an alert.
    events.clear()
    page.legal_name.clear()
    type_text(page.legal_name, " ")
    assert "Enter the legal name." in issues.messages
    assert (issues, QAccessible.Event.Alert) in events


def test_typing_that_changes_nothing_announces_nothing(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[tuple[QWidget, QAccessible.Event]] = []
    monkeypatch.setattr(notes, "announce", lambda widget, event: events.append((widget, event)))
    assert window.open_path(EXAMPLES / "physiotherapy-practice.privacy.json", ask=False)
    page = window.wizard.pages[PageId.ORGANISATION]
    events.clear()
    type_text(page.city, "x")
    assert not events


def test_inputs_carry_their_help_text(qtbot: Any, window: MainWindow) -> None:
    from wizard.ui.purpose_dialog import PurposeDialog
    from wizard.ui.recipient_dialog import RecipientDialog

    assert window.open_path(EXAMPLES / "physiotherapy-practice.privacy.json", ask=False)
    org = window.wizard.pages[PageId.ORGANISATION]
    # The explanation under a field, even one that changes with the answers.
    assert org.country.accessibleDescription() == org.proposal.text()
    assert "Dutch Data Protection Authority" in org.country.accessibleDescription()
    dialog = PurposeDialog(None, ["en"])
    qtbot.addWidget(dialog)
    assert dialog.legal_basis.accessibleDescription() == dialog.basis_help.text()
    recipient = RecipientDialog(None, [], ["en"])
    qtbot.addWidget(recipient)
    assert "health insurer" in recipient.category.editor.accessibleDescription()
    # Tooltips count as help text too.
    recipients = window.wizard.pages[PageId.RECIPIENTS]
    assert recipients.catalog_button.accessibleDescription() == recipients.catalog_button.toolTip()
