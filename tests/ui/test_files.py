"""The window as a desktop app: save, open, recent files, unsaved changes, autosave, recovery."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.projects import EXAMPLES
from tests.ui.conftest import Dialogs, current, type_text
from wizard.flow import PageId
from wizard.model.project_file import load_project
from wizard.ui.main_window import MainWindow


def start_new(qtbot: Any, window: MainWindow, name: str) -> None:
    qtbot.mouseClick(window.wizard.pages[PageId.WELCOME].new_button, Qt.MouseButton.LeftButton)
    type_text(window.wizard.pages[PageId.ORGANISATION].legal_name, name)


def test_title_shows_name_and_unsaved_marker(qtbot: Any, window: MainWindow) -> None:
    assert window.windowTitle() == "Untitled[*] - Privacy Wizard"
    assert not window.isWindowModified()
    start_new(qtbot, window, "Zahnarztpraxis Müller")
    assert window.windowTitle() == "Zahnarztpraxis Müller[*] - Privacy Wizard"
    assert window.isWindowModified()


def test_save_as_then_open_round_trip(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_new(qtbot, window, "Praktijk Ödön")
    target = tmp_path / "folder" / "praktijk"
    (tmp_path / "folder").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.save_as_action.trigger()
    saved = tmp_path / "folder" / "praktijk.privacy.json"
    assert saved.is_file()
    assert load_project(saved).organisation.legal_name == "Praktijk Ödön"
    assert window.windowTitle() == "praktijk[*] - Privacy Wizard"
    assert not window.isWindowModified()
    assert window.recent_files()[0] == str(saved.resolve())
    assert window.settings.value("files/last_folder") == str(saved.parent.resolve())
    # Save goes to the same file without asking.
    type_text(window.wizard.pages[PageId.ORGANISATION].legal_name, " B.V.")
    assert window.isWindowModified()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", pytest.fail)
    window.save_action.trigger()
    assert load_project(saved).organisation.legal_name == "Praktijk Ödön B.V."


def test_recent_projects_listed_on_the_welcome_page(
    qtbot: Any, make_window: Callable[[], MainWindow], tmp_path: Path
) -> None:
    first = make_window()
    example = EXAMPLES / "software-company.privacy.json"
    assert first.open_path(example)
    second = make_window()
    welcome = second.wizard.pages[PageId.WELCOME]
    recent = welcome.recent
    assert recent.count() == 1
    assert welcome.recent_paths == [str(example.resolve())]
    assert recent.item(0).text().startswith("software-company.privacy.json")
    assert recent.item(0).toolTip() == str(example.resolve())
    assert second.recent_menu.isEnabled()
    recent.setCurrentRow(0)
    recent.itemActivated.emit(recent.item(0))
    assert current(second) is PageId.ORGANISATION
    assert second.session.path == example.resolve()


def test_closing_with_unsaved_changes_asks(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    start_new(qtbot, window, "Kliniek")
    dialogs.answers.append(QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible()
    assert "Kliniek" in dialogs.texts("question")[0]
    # Save with a path already known writes the file and closes.
    window.session.path = tmp_path / "kliniek.privacy.json"
    dialogs.answers.append(QMessageBox.StandardButton.Save)
    assert window.close()
    assert load_project(tmp_path / "kliniek.privacy.json").organisation.legal_name == "Kliniek"


def test_discard_closes_and_removes_the_autosave(
    qtbot: Any, window: MainWindow, dialogs: Dialogs
) -> None:
    start_new(qtbot, window, "Kliniek")
    assert window.autosave()
    assert window.autosave_path.is_file()
    dialogs.answers.append(QMessageBox.StandardButton.Discard)
    assert window.close()
    assert not window.autosave_path.exists()


def test_no_question_without_changes(window: MainWindow, dialogs: Dialogs) -> None:
    assert window.close()
    assert dialogs.calls == []


def test_autosave_on_page_change(qtbot: Any, window: MainWindow) -> None:
    start_new(qtbot, window, "Huisartsenpraktijk Ĳsselmonde")
    assert not window.autosave_path.exists()
    window.wizard.back()  # a page change writes the autosave
    assert load_project(window.autosave_path).organisation.legal_name == (
        "Huisartsenpraktijk Ĳsselmonde"
    )


def test_autosave_timer_writes_only_when_modified(qtbot: Any, window: MainWindow) -> None:
    window.autosave_timer.setInterval(20)
    qtbot.wait(60)
    assert not window.autosave_path.exists()
    start_new(qtbot, window, "Praktijk")
    qtbot.waitUntil(window.autosave_path.is_file, timeout=2000)
    assert load_project(window.autosave_path).organisation.legal_name == "Praktijk"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{ not json", "not valid JSON"),
        ('{"format_version": 1, "organisation": {"country": "XX"}}', "organisation.country"),
        ('{"format_version": 99}', "newer version"),
        ("", "empty"),
    ],
)
def test_broken_project_file_gives_a_dialog_and_keeps_the_work(
    qtbot: Any,
    window: MainWindow,
    dialogs: Dialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: str,
    expected: str,
) -> None:
    start_new(qtbot, window, "Mijn werk")
    broken = tmp_path / "broken.privacy.json"
    broken.write_text(content, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    dialogs.answers.append(QMessageBox.StandardButton.Discard)  # "save the changes?" -> go on
    window.open_action.trigger()
    warnings = dialogs.texts("warning")
    assert len(warnings) == 1
    assert "broken.privacy.json" in warnings[0]
    assert expected in warnings[0]
    assert "current work has not been changed" in warnings[0]
    assert window.session.project.organisation.legal_name == "Mijn werk"
    assert window.isWindowModified()
    assert window.recent_files() == []


def test_window_geometry_is_remembered(qtbot: Any, make_window: Callable[[], MainWindow]) -> None:
    first = make_window()
    first.resize(760, 560)  # within the offscreen screen (800x600)
    qtbot.waitUntil(lambda: first.width() == 760)
    assert first.close()
    second = make_window()
    assert (second.width(), second.height()) == (760, 560)


def test_format_1_project_opens_and_is_saved_in_the_current_format(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    import json

    data = json.loads((EXAMPLES / "software-company.privacy.json").read_text(encoding="utf-8"))
    data["format_version"] = 1
    del data["history"]
    del data["publication"]["show_history"]
    old = tmp_path / "old.privacy.json"
    old.write_text(json.dumps(data, indent=2), encoding="utf-8")
    assert window.open_path(old)
    assert window.session.project.history == []
    assert window.save()
    saved = json.loads(old.read_text(encoding="utf-8"))
    assert saved["format_version"] == 4 and saved["history"] == []
