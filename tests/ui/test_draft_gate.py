"""The wizard's publication gate: Generate says what must be fixed and offers a draft, and the
Rights page asks why another authority is named."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx import Document as DocxDocument

from tests.projects import EXAMPLES
from wizard.flow import PageId
from wizard.model.answers import OutputFormat
from wizard.ui.main_window import MainWindow


def open_with_wrong_authority(window: MainWindow, folder: Path) -> None:
    assert window.open_path(EXAMPLES / "physiotherapy-practice.privacy.json", ask=False)
    project = window.session.project
    project.authority.catalog_id = "BE"  # a Dutch practice naming the Belgian authority
    project.publication.output_folder = str(folder)
    project.publication.formats = [OutputFormat.DOCX]
    project.publication.languages = ["en", "nl"]


def test_generate_explains_what_blocks_and_writes_nothing_without_a_draft(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_with_wrong_authority(window, tmp_path)
    window.wizard.jump_to(PageId.OUTPUT)
    page = window.wizard.pages[PageId.OUTPUT]
    asked: list[list[str]] = []
    monkeypatch.setattr(page, "confirm_draft", lambda lines: asked.append(lines) or False)
    assert not page.generate()
    assert len(asked) == 1 and any("Belgian" in line for line in asked[0]), asked
    assert list(tmp_path.iterdir()) == []


def test_a_draft_from_the_wizard_is_marked_and_not_recorded_as_published(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_with_wrong_authority(window, tmp_path)
    versions = len(window.session.project.history)
    window.wizard.jump_to(PageId.OUTPUT)
    page = window.wizard.pages[PageId.OUTPUT]
    monkeypatch.setattr(page, "confirm_draft", lambda lines: True)
    with qtbot.waitSignal(page.generated, timeout=30_000):
        assert page.generate()
    for lang, word in (("en", "DRAFT"), ("nl", "CONCEPT")):
        docx = DocxDocument(str(tmp_path / f"privacy-policy-{lang}.docx"))
        assert word in docx.core_properties.title
        assert any(p.text.startswith(word) for p in docx.paragraphs[:6])
    assert len(window.session.project.history) == versions


def test_the_rights_page_asks_why_only_for_another_authority(window: MainWindow) -> None:
    assert window.open_path(EXAMPLES / "physiotherapy-practice.privacy.json", ask=False)
    window.wizard.jump_to(PageId.RIGHTS)
    page = window.wizard.pages[PageId.RIGHTS]
    assert page.reason_row.isHidden()
    page.authority.setCurrentIndex(page.authority.findData("BE"))
    assert not page.reason_row.isHidden()
    page.authority_reason.setText("Lead authority of our main establishment")
    page.authority_reason.textEdited.emit(page.authority_reason.text())
    assert window.session.project.authority.reason == "Lead authority of our main establishment"
    page.authority.setCurrentIndex(page.authority.findData("NL"))
    assert page.reason_row.isHidden()
