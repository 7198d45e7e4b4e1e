"""``wizard.ui.app.run``: the entry point the command line calls."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tests.projects import EXAMPLES
from wizard.ui import app as app_module
from wizard.ui import main_window, problem_report


def test_run_opens_the_project_and_returns_the_exit_code(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_window, "default_data_dir", lambda: tmp_path / "data")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.setenv("PRIVACY_WIZARD_LANG", "en")
    # The event loop itself is Qt's business (and quitting it would end the test session's).
    monkeypatch.setattr(QApplication, "exec", lambda self: 7)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    before = set(QApplication.topLevelWidgets())
    code = app_module.run(["privacy-wizard"], str(EXAMPLES / "physiotherapy-practice.privacy.json"))
    assert code == 7
    assert sys.excepthook is problem_report.report
    windows = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, main_window.MainWindow) and w not in before
    ]
    assert len(windows) == 1
    window = windows[0]
    try:
        assert window.isVisible()
        assert window.windowTitle() == "physiotherapy-practice[*] - Privacy Wizard"
        assert window.session.project.organisation.legal_name == "Fysiotherapie De Linde B.V."
        assert QApplication.organizationName() == "privacy-wizard"
        window.settings.sync()
        assert str(tmp_path) in window.settings.fileName()
    finally:
        window.close()
        window.deleteLater()
        QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
