"""The review page's preview on a large project: one document build per change and language,
shared with the coverage tab, and long tables shortened in the preview only."""

from __future__ import annotations

from typing import Any

import pytest

from benchmarks.large_project import large_project
from wizard.flow import PageId
from wizard.policy import engine
from wizard.ui.main_window import MainWindow


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The languages the engine builds the preview in, in order."""
    built: list[str] = []
    real = engine.build_preview

    def counting(project: Any, lang: str) -> Any:
        built.append(lang)
        return real(project, lang)

    monkeypatch.setattr(engine, "build_preview", counting)
    engine._documents.clear()
    return built


def test_review_builds_the_document_once_per_change_and_language(
    qtbot: Any, window: MainWindow, builds: list[str]
) -> None:
    project = large_project(cookies=45, recipients=12, purposes=12)
    project.publication.languages = ["en", "de"]
    window.session.replace(project, None)
    window.wizard.jump_to(PageId.REVIEW)
    page = window.wizard.pages[PageId.REVIEW]
    assert builds == ["en"]  # the preview and the coverage share one build
    assert page.coverage_items and "Cookies" in page.preview.toPlainText()
    text = page.preview.toPlainText()
    assert "… and 25 more cookies" in text
    assert "nl_session_45" not in text and "nl_session_3" in text
    # Another language builds that one; coming back to the first builds nothing.
    page.language.setCurrentIndex(page.language.findData("de"))
    assert "… und 25 weitere Cookies" in page.preview.toPlainText()
    page.language.setCurrentIndex(page.language.findData("en"))
    window.wizard.jump_to(PageId.COOKIES)
    window.wizard.jump_to(PageId.REVIEW)
    assert builds == ["en", "de"]
    # A change is a new build, and the preview shows it.
    project.cookies.items[0].name = "renamed_cookie"
    window.session.mark_changed()
    window.wizard.jump_to(PageId.COOKIES)
    window.wizard.jump_to(PageId.REVIEW)
    assert builds == ["en", "de", "en"]
    assert "renamed_cookie" in page.preview.toPlainText()


def test_preview_keeps_the_lines_of_a_cell_apart(qtbot: Any, window: MainWindow) -> None:
    project = large_project(cookies=3, recipients=3, purposes=3)
    project.publication.languages = ["en"]
    window.session.replace(project, None)
    window.wizard.jump_to(PageId.REVIEW)
    text = window.wizard.pages[PageId.REVIEW].preview.toPlainText()
    assert "Nordlicht Software\nfirst party" in text.replace("\u2028", "\n")
    assert "Nordlicht Softwarefirst party" not in text


def test_a_language_switch_shows_the_answers_as_they_are_now(
    qtbot: Any, window: MainWindow
) -> None:
    project = large_project(cookies=3, recipients=3, purposes=3)
    project.publication.languages = ["en", "nl"]
    window.session.replace(project, None)
    window.wizard.jump_to(PageId.REVIEW)
    page = window.wizard.pages[PageId.REVIEW]
    # Changed without the page being reloaded (another window, a script): never an old build.
    project.organisation.legal_name = "Renamed Health B.V."
    page.language.setCurrentIndex(page.language.findData("nl"))
    assert "Renamed Health B.V." in page.preview.toPlainText()
