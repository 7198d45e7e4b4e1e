"""Fixtures for the GUI tests: a main window with its own settings and data folder, modal
message boxes replaced by recorders, and Unicode-safe typing."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QMessageBox,
    QWidget,
    QWizard,
)

from tests.projects import ROOT
from wizard.flow import PageId
from wizard.ui.main_window import MainWindow
from wizard.ui.tr import set_ui_language


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key, including non-ASCII characters (QTest's
    keyClicks aborts on those): one KeyPress/KeyRelease carrying the character each."""
    target = widget.focusProxy() or widget
    target.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(target, event)


@dataclass
class Dialogs:
    """Records QMessageBox calls; ``answers`` holds the buttons to return to ``question``."""

    calls: list[tuple[str, str, str]] = field(default_factory=list)
    answers: list[QMessageBox.StandardButton] = field(default_factory=list)

    def texts(self, kind: str) -> list[str]:
        return [text for k, _title, text in self.calls if k == kind]


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    """No test ever blocks on a modal message box: they are recorded instead."""
    recorder = Dialogs()

    def question(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        recorder.calls.append(("question", title, text))
        if not recorder.answers:
            raise AssertionError(f"unexpected question: {text}")
        return recorder.answers.pop(0)

    def recorder_for(kind: str) -> Callable[..., Any]:
        def record(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            recorder.calls.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return record

    monkeypatch.setattr(QMessageBox, "question", question)
    for kind in ("warning", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, kind, recorder_for(kind))
    return recorder


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(
    qtbot: Any, settings: QSettings, data_dir: Path
) -> Iterator[Callable[[], MainWindow]]:
    """Creates main windows sharing the test's settings and data folder; closes them after."""
    set_ui_language("en")
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow(settings=settings, data_dir=data_dir)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(window.is_ready, timeout=5000)  # the second start-up step
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.session.set_modified(False)
        window.close()
        window.deleteLater()


@pytest.fixture
def window(make_window: Callable[[], MainWindow]) -> MainWindow:
    return make_window()


def click(qtbot: Any, button: QAbstractButton) -> None:
    """Click a check box or radio button on its indicator (a stretched box's centre may be
    outside its clickable area)."""
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))


def click_next(qtbot: Any, window: MainWindow) -> None:
    button = window.wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), window.wizard.currentPage().issues.messages
    before = window.wizard.currentId()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.wizard.currentId() != before


def current(window: MainWindow) -> PageId | None:
    return window.wizard.current_page_id()


def run_as_new_user(
    code: str, home: Path, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run Python ``code`` (that starts the app) in a child process as a user with no settings,
    recent files or autosaves (all kept under ``home``), offscreen, in English."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PRIVACY_WIZARD_LANG": "en",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "PYTHONPATH": str(ROOT),
    }
    # What the app sets or checks itself.
    env.pop("PRIVACY_WIZARD_SMOKE_TEST", None)
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=home,
        env=env,
    )
