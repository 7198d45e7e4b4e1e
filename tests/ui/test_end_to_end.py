"""From the welcome page to generated files, typing and clicking as a user would."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWizard

from tests.projects import EXAMPLES
from tests.readback import docx_text, pdf_text
from tests.ui.conftest import Dialogs, click, click_next, current, type_text
from wizard.flow import PageId
from wizard.model.answers import OutputFormat, Safeguard, Service
from wizard.model.countries import EEA_COUNTRIES
from wizard.output import output_jobs
from wizard.ui.main_window import MainWindow
from wizard.ui.recipient_dialog import RecipientDialog

docx = pytest.importorskip("docx")


def generate(
    qtbot: Any, window: MainWindow, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> list[Path]:
    page = window.wizard.pages[PageId.OUTPUT]
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    qtbot.mouseClick(page.browse, Qt.MouseButton.LeftButton)
    assert page.folder.text() == str(folder)
    assert page.generate_button.isEnabled(), page.blocked.text()
    with qtbot.waitSignal(page.generated, timeout=30_000) as blocker:
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    written = [Path(p) for p in blocker.args[0]]
    assert page.results.count() == len(written)
    assert page.open_file_button.isEnabled()
    return written


def test_new_project_typed_to_generated_docx(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = window.wizard
    assert current(window) is PageId.WELCOME
    welcome = wizard.pages[PageId.WELCOME]
    qtbot.mouseClick(welcome.new_button, Qt.MouseButton.LeftButton)
    assert current(window) is PageId.ORGANISATION

    org = wizard.pages[PageId.ORGANISATION]
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    type_text(org.legal_name, "Fysiotherapie Één & Co B.V.")
    type_text(org.street, "Kerkstraat 1")
    type_text(org.postal_code, "3511 AB")
    type_text(org.city, "Utrecht")
    org.country.setCurrentIndex(org.country.findData("NL"))
    assert "Dutch Data Protection Authority" in org.proposal.text()
    # The window's language plus the official language of the Netherlands.
    assert window.session.project.publication.languages == ["en", "nl"]
    type_text(org.email, "privacy@")
    assert org.email.error.isVisible()
    assert not next_button.isEnabled()
    type_text(org.email, "fysio-een.nl")
    assert not org.email.error.isVisible()
    assert next_button.isEnabled()
    assert window.isWindowModified()
    assert window.session.project.organisation.legal_name == "Fysiotherapie Één & Co B.V."
    click_next(qtbot, window)

    services = wizard.pages[PageId.SERVICES]
    assert not next_button.isEnabled()
    click(qtbot, services.boxes[Service.APPOINTMENT_BOOKING])
    assert window.session.project.services == [Service.APPOINTMENT_BOOKING]
    assert "Booking and managing appointments" in services.status.text()
    click_next(qtbot, window)

    purposes = wizard.pages[PageId.PURPOSES]
    assert current(window) is PageId.PURPOSES
    assert purposes.table.rowCount() == 1
    click_next(qtbot, window)

    recipients = wizard.pages[PageId.RECIPIENTS]

    def fill_recipient(dialog: RecipientDialog) -> QDialog.DialogCode:
        type_text(dialog.name, "Zoom Video Communications, Inc.")
        type_text(dialog.service, "Video calls")
        dialog.country.setCurrentIndex(dialog.country.findData("US"))
        dialog.purposes.item(0).setCheckState(Qt.CheckState.Checked)
        assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RecipientDialog, "exec", fill_recipient)
    qtbot.mouseClick(recipients.add_button, Qt.MouseButton.LeftButton)
    assert recipients.table.rowCount() == 1
    click_next(qtbot, window)

    assert current(window) is PageId.TRANSFERS  # a recipient in the US
    transfers = wizard.pages[PageId.TRANSFERS]
    assert not next_button.isEnabled()
    combo = transfers.combos[0]
    combo.setCurrentIndex(combo.findData(Safeguard.SCC))
    assert next_button.isEnabled()
    click_next(qtbot, window)

    assert current(window) is PageId.CHILDREN  # no website or app: no cookies page
    click_next(qtbot, window)

    rights = wizard.pages[PageId.RIGHTS]
    assert rights.authority.currentData() == "NL"
    assert not next_button.isEnabled()  # automated decisions not answered yet
    click(qtbot, rights.automated_no)
    click_next(qtbot, window)

    # Security and more: nothing is required there.
    assert current(window) is PageId.SECURITY
    assert next_button.isEnabled()
    click_next(qtbot, window)

    review = wizard.pages[PageId.REVIEW]
    assert current(window) is PageId.REVIEW
    assert "Fysiotherapie" in review.preview.toPlainText()
    click_next(qtbot, window)

    assert current(window) is PageId.OUTPUT
    output = wizard.pages[PageId.OUTPUT]
    click(qtbot, output.format_boxes[OutputFormat.DOCX])
    assert output.format_boxes[OutputFormat.DOCX].isChecked()
    # The recipient was described in English only: publish in English alone.
    assert output.language_boxes["nl"].isChecked()
    click(qtbot, output.language_boxes["nl"])
    written = generate(qtbot, window, tmp_path / "out", monkeypatch)
    names = sorted(p.name for p in written)
    assert names == ["privacy-policy-en.docx", "privacy-policy-en.pdf"]
    text = docx_text(tmp_path / "out" / "privacy-policy-en.docx")
    assert "Fysiotherapie Één & Co B.V." in text
    assert "Zoom Video Communications" in text
    assert "Booking and managing appointments" in text
    assert (tmp_path / "out" / "privacy-policy-en.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    "name", ["physiotherapy-practice", "telehealth-startup", "software-company"]
)
def test_open_example_and_generate(
    qtbot: Any,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dialogs: Dialogs,
    name: str,
) -> None:
    example = EXAMPLES / f"{name}.privacy.json"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(example), ""))
    welcome = window.wizard.pages[PageId.WELCOME]
    qtbot.mouseClick(welcome.open_button, Qt.MouseButton.LeftButton)
    assert current(window) is PageId.ORGANISATION
    assert window.windowTitle().startswith(name)
    assert not window.isWindowModified()
    project = window.session.project
    visited = [PageId.ORGANISATION]
    while current(window) is not PageId.OUTPUT:
        click_next(qtbot, window)
        visited.append(current(window))
    # The transfers page only when a recipient is outside the EEA.
    assert (PageId.TRANSFERS in visited) == any(
        r.country not in EEA_COUNTRIES for r in project.recipients
    )
    output = window.wizard.pages[PageId.OUTPUT]
    for fmt in (OutputFormat.HTML, OutputFormat.MARKDOWN):
        if fmt not in project.publication.formats:
            click(qtbot, output.format_boxes[fmt])
    assert OutputFormat.HTML in project.publication.formats
    written = generate(qtbot, window, tmp_path / "out", monkeypatch)
    # Every document the example chooses (all four), in every language and format.
    expected = {j.path.name for j in output_jobs(project, tmp_path / "out")}
    assert {
        f"privacy-policy-{lang}.{fmt.value}"
        for lang in project.publication.languages
        for fmt in project.publication.formats
    } < expected
    assert {p.name for p in written} == expected
    assert {p.suffix for p in written} >= {".html", ".md"}
    legal_name = project.organisation.legal_name
    for path in written:
        if not path.name.startswith("privacy-policy-"):
            continue  # the other documents are read back in tests/test_documents.py
        if path.suffix == ".docx":
            text = docx_text(path)
        elif path.suffix == ".pdf":
            text = pdf_text(path)
        else:
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".html":
                assert text.startswith("<!DOCTYPE html>")
                text = html.unescape(text)
        assert legal_name in text, path.name
        for recipient in project.recipients:
            if recipient.name:
                assert recipient.name in " ".join(text.split()) or (
                    path.suffix == ".md" and recipient.name in text.replace("\\", "")
                ), (path.name, recipient.name)
    # Generating again asks before replacing; answering No writes nothing.
    dialogs.answers.append(QMessageBox.StandardButton.No)
    page = window.wizard.pages[PageId.OUTPUT]
    assert page.generate() is False
    assert "privacy-policy-en.pdf" in dialogs.texts("question")[-1]
