"""A problem the window did not expect is shown to the person (and printed), never swallowed."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import run_as_new_user
from wizard.ui import problem_report
from wizard.ui.tr import set_ui_language


def _raised(error: BaseException) -> tuple[type[BaseException], BaseException, Any]:
    try:
        raise error
    except BaseException as caught:  # noqa: BLE001 - the test raises it to get its traceback
        return type(caught), caught, caught.__traceback__


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    boxes: list[QMessageBox] = []

    def exec_(box: QMessageBox) -> int:
        boxes.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return boxes


def test_the_problem_is_shown_as_text_with_its_details(
    qtbot: Any, shown: list[QMessageBox], capsys: pytest.CaptureFixture[str]
) -> None:
    set_ui_language("en")
    problem_report.report(*_raised(ValueError("<b>Praxis</b> & {{ x }}")))
    (box,) = shown
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == (
        "Privacy Wizard met a problem it did not expect: ValueError: <b>Praxis</b> & {{ x }}"
    )
    assert "Save your project under a new name" in box.informativeText()
    assert "Traceback" in box.detailedText() and "test_problem_report.py" in box.detailedText()
    assert box.icon() == QMessageBox.Icon.Critical
    assert "ValueError: <b>Praxis</b>" in capsys.readouterr().err


def test_the_report_is_in_the_window_language(qtbot: Any, shown: list[QMessageBox]) -> None:
    set_ui_language("de")
    try:
        problem_report.report(*_raised(OSError("kaputt")))
    finally:
        set_ui_language("en")
    (box,) = shown
    assert box.windowTitle() == "Unerwartetes Problem"
    assert box.text().startswith("Privacy Wizard ist auf ein unerwartetes Problem gestoßen:")


def test_a_problem_while_the_report_is_open_is_printed_only(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    boxes: list[QMessageBox] = []

    def exec_(box: QMessageBox) -> int:
        boxes.append(box)
        problem_report.report(*_raised(RuntimeError("second")))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    problem_report.report(*_raised(RuntimeError("first")))
    assert len(boxes) == 1
    assert "RuntimeError: second" in capsys.readouterr().err
    problem_report.report(*_raised(RuntimeError("third")))
    assert len(boxes) == 2, "the next problem is shown again"


def test_an_interrupt_is_not_reported(qtbot: Any, shown: list[QMessageBox]) -> None:
    problem_report.report(*_raised(KeyboardInterrupt()))
    assert shown == []


_FAILING_START = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication, QMessageBox
    from wizard.ui import main_window
    from wizard.ui.app import run

    def broken(self):
        raise RuntimeError("the starter projects cannot be read")

    main_window.MainWindow.ensure_ready = broken

    def exec_(box):
        print("REPORTED " + box.text(), flush=True)
        QApplication.instance().exit(5)
        return 0

    QMessageBox.exec = exec_
    sys.exit(run(["privacy-wizard"], None))
    """
)


def test_a_problem_in_the_running_window_reaches_the_person(tmp_path: Path) -> None:
    """The second start-up step runs from the event loop after the first paint: when it fails,
    the person is told (a broken installation, for instance), and the window stays open."""
    result = run_as_new_user(_FAILING_START, tmp_path, timeout=60)
    assert result.returncode == 5, result.stderr[-2000:]
    assert (
        "REPORTED Privacy Wizard met a problem it did not expect: RuntimeError: the starter "
        "projects cannot be read" in result.stdout
    )
    assert "RuntimeError: the starter projects cannot be read" in result.stderr
