"""The window paints its welcome page before the answers model is loaded, then loads the rest."""

from __future__ import annotations

import subprocess
import sys

from tests.projects import ROOT
from wizard.model.project_file import FILE_SUFFIX
from wizard.ui import project_files

_PROBE = r"""
import sys, tempfile
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from wizard.ui.main_window import MainWindow
tmp = Path(tempfile.mkdtemp())
window = MainWindow(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat), tmp / "data")
window.show()
assert "wizard.model.answers" not in sys.modules, "model loaded before the first paint"
assert "msgspec" not in sys.modules
# An English UI needs no message catalogue, so none of importlib.resources' cost either.
assert "importlib.resources" not in sys.modules, "resources loaded before the first paint"
assert window.windowTitle() == "Untitled[*] - Privacy Wizard"
def check():
    if window.is_ready():
        assert window.wizard.pages["organisation"] is not None
        assert window.steps.count() == 12
        print("ready")
        app.exit(0)
QTimer.singleShot(0, lambda: None)
timer = QTimer()
timer.timeout.connect(check)
timer.start(10)
QTimer.singleShot(10_000, lambda: app.exit(3))
sys.exit(app.exec())
"""


def test_welcome_page_paints_before_the_model_is_loaded() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "ready" in result.stdout


def test_file_suffix_matches_the_project_file_module() -> None:
    assert project_files.FILE_SUFFIX == FILE_SUFFIX
