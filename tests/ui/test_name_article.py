"""The article before the organisation's name, chosen per document language on the Organisation
page with the keyboard alone (its label's Alt+letter, the arrow keys, Tab), saved and read back,
and used in the documents' sentences."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.projects import EXAMPLES
from tests.readback import docx_text, open_docx, squash
from tests.ui.keyboard import Keyboard
from wizard.documents import build
from wizard.flow import PageId
from wizard.model.project_file import load_project
from wizard.output import render_bytes
from wizard.ui.main_window import MainWindow


def test_the_article_before_the_name_is_chosen_with_the_keyboard(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    path = tmp_path / "physiotherapy-practice.privacy.json"
    shutil.copy(EXAMPLES / "physiotherapy-practice.privacy.json", path)
    window: MainWindow = make_window()
    assert window.open_path(path, ask=False)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    keys = Keyboard(qtbot)
    window.wizard.jump_to(PageId.ORGANISATION)
    page = window.wizard.pages[PageId.ORGANISATION]
    # The example is written in English, Dutch, French and German: French and German names
    # can take an article, English and Dutch ones not.
    assert list(page.articles) == ["fr", "de"]
    french, german = page.articles["fr"], page.articles["de"]
    assert french.isVisibleTo(page) and german.isVisibleTo(page)
    assert french.currentData() is None and german.currentData() is None  # automatic

    keys.alt(page.article_label.text())
    assert QApplication.focusWidget() is french
    for _ in range(2):
        keys.press(Qt.Key.Key_Down)
    assert french.currentData() == "la"
    keys.tab()
    assert QApplication.focusWidget() is german
    for _ in range(3):
        keys.press(Qt.Key.Key_Down)
    assert german.currentData() == "die"
    keys.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.session.modified

    saved = load_project(path)
    assert saved.organisation.name_article == {"fr": "la", "de": "die"}
    name = saved.organisation.legal_name  # "Fysiotherapie De Linde B.V.": a legal form
    german_texts = {
        v: render_bytes(build(saved, v, "de"), "docx") for v in ("policy", "notice", "records")
    }
    assert f"(DSGVO) ist die {name}; wir" in squash(docx_text(german_texts["policy"]))
    assert f"Die {name} ist Verantwortlicher" in squash(docx_text(german_texts["notice"]))
    assert open_docx(german_texts["records"]).core_properties.subject.startswith(
        f"Verzeichnis von Verarbeitungstätigkeiten von der {name} ("
    )
    french_policy = squash(docx_text(render_bytes(build(saved, "policy", "fr"), "docx")))
    assert f"explique comment la {name} traite" in french_policy
    # English and Dutch are not touched by the choice.
    english = render_bytes(build(saved, "policy", "en"), "docx")
    assert f"how {name} processes" in squash(docx_text(english))

    # Back to "no article" in German; a project without French or German hides the row.
    german.setFocus()
    keys.press(Qt.Key.Key_End)
    assert german.currentData() == "none"
    assert window.session.project.organisation.name_article == {"fr": "la", "de": "none"}
    window.session.project.publication.languages = ["en", "nl"]
    page.load()
    assert not page.article_row.isVisibleTo(page)
    assert not page.article_label.isVisibleTo(page)
