"""The Qt binding keeps Python's reference counts: a call that returns nothing must not take a
reference from None (PySide6 6.12.0 does, and on Python 3.11 the app then aborts with
"deallocating None" after some thousands of calls, e.g. half-way through typing a project)."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit, QListWidgetItem


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None is immortal from Python 3.12: no count to lose"
)
def test_calls_returning_nothing_leave_none_alone(qtbot: Any) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    item = QListWidgetItem("a")
    before = sys.getrefcount(None)
    for _ in range(1000):
        edit.setText("x")
        edit.setEnabled(True)
        item.setText("b")
    # Other code may hold or drop a few references meanwhile; a leak would be thousands.
    assert sys.getrefcount(None) - before > -100
