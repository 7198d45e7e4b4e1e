"""The Output page's choice of documents and the record's questions."""

from __future__ import annotations

from typing import Any

from tests.projects import EXAMPLES
from tests.ui.conftest import click, type_text
from wizard.flow import PageId
from wizard.model.answers import DocumentKind
from wizard.ui.main_window import MainWindow


def _output(window: MainWindow) -> Any:
    assert window.open_path(EXAMPLES / "telehealth-startup.privacy.json", ask=False)
    # The policy alone, as a new project starts (the example chooses all four documents).
    window.session.project.publication.documents = [DocumentKind.POLICY]
    window.wizard.jump_to(PageId.OUTPUT)
    return window.wizard.pages[PageId.OUTPUT]


def test_ticking_documents_writes_the_choice_and_shows_the_records_questions(
    qtbot: Any, window: MainWindow
) -> None:
    page = _output(window)
    project = window.session.project
    assert project.publication.documents == [DocumentKind.POLICY]
    assert not page.record_box.isVisibleTo(page)
    click(qtbot, page.document_boxes[DocumentKind.RECORDS])
    click(qtbot, page.document_boxes[DocumentKind.NOTICE])
    assert project.publication.documents == [
        DocumentKind.POLICY,
        DocumentKind.NOTICE,
        DocumentKind.RECORDS,
    ]
    assert page.record_box.isVisibleTo(page)
    # The example's measures are shown in the first output language, and edits are kept.
    assert "TLS 1.2" in page.security.text()
    page.policy_url.editor.clear()
    type_text(page.policy_url, "https://example.org/privé")
    assert project.publication.policy_url == "https://example.org/privé"
    assert window.isWindowModified()


def test_record_texts_missing_in_a_language_are_named(qtbot: Any, window: MainWindow) -> None:
    page = _output(window)
    project = window.session.project
    click(qtbot, page.document_boxes[DocumentKind.RECORDS])
    assert not page.record_problem.isVisibleTo(page)
    page.security.set_current_language("fr")
    page.security.editor.clear()  # the French measures deleted in the editor
    assert "fr" not in project.record.security.root
    assert page.record_problem.isVisibleTo(page)
    assert "French" in page.record_problem.text()
    assert "German" not in page.record_problem.text()
