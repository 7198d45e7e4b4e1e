"""Each window's autosave is its own: a running window's work is never offered to another window
nor deleted by it, and after a crash (a real kill -9) the next start offers the crashed work."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.projects import ROOT
from tests.ui.conftest import current, type_text
from wizard.flow import PageId
from wizard.model.project_file import load_project
from wizard.ui.main_window import MainWindow
from wizard.ui.session import AUTOSAVE_FOLDER

_CRASHING_WINDOW = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from wizard.ui.main_window import MainWindow

    app = QApplication([])
    data_dir, ini, name = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    window = MainWindow(settings=QSettings(ini, QSettings.Format.IniFormat), data_dir=data_dir)
    window.ensure_ready()
    window.session.project.organisation.legal_name = name
    window.session.mark_changed()
    assert window.autosave()
    print(window.autosave_path, flush=True)
    sys.stdin.readline()  # killed here
    """
)


def crash_a_window(data_dir: Path, tmp_path: Path, name: str) -> Path:
    """Run a window in another process, let it autosave, kill -9 it; its autosave path."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", _CRASHING_WINDOW, str(data_dir), str(tmp_path / "c.ini"), name],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert proc.stdout is not None
    path = Path(proc.stdout.readline().strip())
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert path.is_file(), "the crashed window's autosave is on disk"
    return path


def edit(qtbot: Any, window: MainWindow, name: str) -> None:
    qtbot.mouseClick(window.wizard.pages[PageId.WELCOME].new_button, Qt.MouseButton.LeftButton)
    type_text(window.wizard.pages[PageId.ORGANISATION].legal_name, name)
    assert window.autosave()


def test_two_windows_keep_their_own_autosave(
    qtbot: Any, make_window: Callable[[], MainWindow], data_dir: Path
) -> None:
    first = make_window()
    edit(qtbot, first, "Eerste Praktijk")
    second = make_window()
    welcome = second.wizard.pages[PageId.WELCOME]
    assert not welcome.recovery_box.isVisible(), "a running window's work is not offered"
    # "Start a new project" in the second window leaves the first one's autosave alone.
    edit(qtbot, second, "Zweite Praxis")
    assert second.autosave_path != first.autosave_path
    assert load_project(first.autosave_path).organisation.legal_name == "Eerste Praktijk"
    assert load_project(second.autosave_path).organisation.legal_name == "Zweite Praxis"
    # Closing (discarding) the second removes only its own.
    second.session.set_modified(False)
    assert second.close()
    assert not second.autosave_path.exists()
    assert first.autosave_path.is_file()
    third = make_window()
    assert not third.wizard.pages[PageId.WELCOME].recovery_box.isVisible()


def test_recovery_after_a_crash_finds_the_crashed_windows_work(
    qtbot: Any, make_window: Callable[[], MainWindow], data_dir: Path, tmp_path: Path
) -> None:
    live = make_window()
    edit(qtbot, live, "Levende Praktijk")
    crashed = crash_a_window(data_dir, tmp_path, "Huisartsenpraktijk Ĳsselmonde")
    restarted = make_window()
    welcome = restarted.wizard.pages[PageId.WELCOME]
    assert welcome.recovery_box.isVisible()
    assert "not closed normally" in welcome.recovery_text.text()
    qtbot.mouseClick(welcome.recover_button, Qt.MouseButton.LeftButton)
    project = restarted.session.project
    assert project.organisation.legal_name == "Huisartsenpraktijk Ĳsselmonde"
    assert restarted.isWindowModified()
    assert current(restarted) is PageId.ORGANISATION
    assert not welcome.recovery_box.isVisible()
    # The recovered work is now that window's autosave; the live window's is untouched.
    assert restarted.autosave_path == crashed
    assert load_project(live.autosave_path).organisation.legal_name == "Levende Praktijk"
    # Another window started now finds nothing to offer: both slots are held.
    other = make_window()
    assert not other.wizard.pages[PageId.WELCOME].recovery_box.isVisible()


def test_crashed_work_not_recovered_stays_for_the_next_start(
    qtbot: Any, make_window: Callable[[], MainWindow], data_dir: Path, tmp_path: Path
) -> None:
    crashed = crash_a_window(data_dir, tmp_path, "Kliniek")
    first = make_window()
    assert first.wizard.pages[PageId.WELCOME].recovery_box.isVisible()
    second = make_window()
    assert not second.wizard.pages[PageId.WELCOME].recovery_box.isVisible(), (
        "the work is offered in one window only"
    )
    assert first.close()
    assert crashed.is_file()
    again = make_window()
    assert again.wizard.pages[PageId.WELCOME].recovery_box.isVisible()


def test_autosave_info_is_written_atomically(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(qtbot, window, "Praktijk")
    info = json.loads(window.autosave_info_path.read_text(encoding="utf-8"))
    assert info["path"] is None and info["saved_at"]
    before = window.autosave_info_path.read_bytes()

    real_replace = os.replace

    def full_disk_for_the_info(src: Any, dst: Any) -> None:
        if Path(dst) == window.autosave_info_path:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", full_disk_for_the_info)
    type_text(window.wizard.pages[PageId.ORGANISATION].legal_name, " B.V.")
    assert not window.autosave()
    monkeypatch.undo()
    assert window.autosave_info_path.read_bytes() == before
    folder = data_dir_of(window)
    leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def data_dir_of(window: MainWindow) -> Path:
    return window.data_dir / AUTOSAVE_FOLDER


def test_the_autosave_of_an_earlier_version_is_still_offered(
    qtbot: Any, make_window: Callable[[], MainWindow], data_dir: Path
) -> None:
    from wizard.model.answers import Project
    from wizard.model.project_file import save_project

    project = Project()
    project.organisation.legal_name = "Praxis vor dem Update"
    data_dir.mkdir(parents=True)
    save_project(project, data_dir / "autosave.privacy.json")
    (data_dir / "autosave-info.json").write_text(
        json.dumps({"path": None, "saved_at": "2026-11-30T10:00:00"}), encoding="utf-8"
    )
    window = make_window()
    welcome = window.wizard.pages[PageId.WELCOME]
    assert welcome.recovery_box.isVisible()
    assert "2026-11-30 10:00:00" in welcome.recovery_text.text()
    assert window.recover()
    assert window.session.project.organisation.legal_name == "Praxis vor dem Update"
    assert not (data_dir / "autosave.privacy.json").exists()


def test_the_recovery_offer_shows_the_file_name_as_it_is(
    qtbot: Any, make_window: Callable[[], MainWindow], data_dir: Path, tmp_path: Path
) -> None:
    """A project file's name is data: markup in it is shown, never applied."""
    from wizard.model.answers import Project
    from wizard.model.project_file import save_project

    data_dir.mkdir(parents=True)
    save_project(Project(), data_dir / "autosave.privacy.json")
    name = "<b>Praxis & {{ x }}<i>.privacy.json"  # a file name holds no slash
    (data_dir / "autosave-info.json").write_text(
        json.dumps({"path": str(tmp_path / name), "saved_at": "2026-12-01T09:30:00"}),
        encoding="utf-8",
    )
    window = make_window()
    welcome = window.wizard.pages[PageId.WELCOME]
    assert welcome.recovery_box.isVisible()
    assert name in welcome.recovery_text.text()
    assert welcome.recovery_text.textFormat() == Qt.TextFormat.PlainText
