"""The topic pages exist as soon as the window is usable, but make their widgets on their
first visit (or when something first asks for one): what they show is still the project's
answers, the keyboard focus is still on the page's first field, Tab goes through the page's
fields in order, and the app still exits cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.projects import EXAMPLES
from tests.ui.conftest import click_next, current
from wizard.flow import PAGE_ORDER, PageId
from wizard.ui.main_window import MainWindow
from wizard.ui.wizard import first_field


def _topic_pages(window: MainWindow) -> dict[PageId, Any]:
    return {pid: window.wizard.pages[pid] for pid in PAGE_ORDER if pid is not PageId.WELCOME}


def _fields_in_chain(page: QWidget) -> list[QWidget]:
    """The page's widgets that take the focus, in the window's focus chain from the page on,
    and whether they come straight after the page (before any widget outside it)."""
    out = []
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page and page.isAncestorOf(widget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            out.append(widget)
        widget = widget.nextInFocusChain()
    return out


def test_pages_are_made_on_their_first_visit_and_show_the_answers(
    qtbot: Any, window: MainWindow
) -> None:
    pages = _topic_pages(window)
    assert len(pages) == len(PAGE_ORDER) - 1
    assert not any(page.is_built() for page in pages.values())
    assert window.open_path(EXAMPLES / "telehealth-startup.privacy.json", ask=False)
    project = window.session.project
    window.wizard.jump_to(PageId.PURPOSES)
    visited = {pid for pid, page in pages.items() if page.is_built()}
    assert PageId.PURPOSES in visited and PageId.REVIEW not in visited
    purposes = pages[PageId.PURPOSES]
    names = [purposes.table.item(row, 0).text() for row in range(purposes.table.rowCount())]
    assert names and len(names) == len(project.purposes)
    assert project.purposes[0].name.get("en") in names[0]
    organisation = pages[PageId.ORGANISATION]
    assert organisation.legal_name.text() == project.organisation.legal_name


def test_asking_for_a_widget_of_a_page_not_visited_makes_the_page(window: MainWindow) -> None:
    review = window.wizard.pages[PageId.REVIEW]
    assert not review.is_built()
    assert review.preview.toPlainText() == ""  # made, not yet filled: it is filled on arrival
    assert review.is_built()
    try:
        review.no_such_widget  # noqa: B018
    except AttributeError as exc:
        assert "no_such_widget" in str(exc)
    else:
        raise AssertionError("an unknown attribute must still raise AttributeError")


def test_the_focus_is_on_the_first_field_of_a_page_made_on_arrival(
    qtbot: Any, window: MainWindow
) -> None:
    window.activateWindow()
    assert window.open_path(EXAMPLES / "software-company.privacy.json", ask=False)
    seen = []
    while current(window) is not PageId.OUTPUT:
        click_next(qtbot, window)
        page = window.wizard.currentPage()
        assert page.is_built()
        fields = _fields_in_chain(page)
        # Straight after the page in the focus chain, as when every page was made at once:
        # Tab goes through the page's fields in the order they are laid out.
        # (The transfers page makes its fields per recipient as it shows the answers.)
        assert fields or current(window) is PageId.TRANSFERS
        field = first_field(page)
        assert field is not None
        expected = field.focusProxy() or field  # a tab widget's focus is on its tab bar
        qtbot.waitUntil(lambda: QApplication.focusWidget() is expected, timeout=2000)  # noqa: B023
        assert page.isAncestorOf(QApplication.focusWidget())
        seen.append(current(window))
    assert PageId.SERVICES in seen and PageId.REVIEW in seen


_EXIT = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from wizard.flow import PageId
from wizard.ui.main_window import MainWindow
tmp = Path(sys.argv[1])
window = MainWindow(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat), tmp / "data")
window.show()
def visit():
    window.ensure_ready()
    window.open_path(Path(sys.argv[2]), ask=False)
    window.wizard.jump_to(PageId.COOKIES)  # some pages made, the rest never
    window.wizard.pages[PageId.OUTPUT].ensure_built()
    window.session.set_modified(False)
    QTimer.singleShot(0, window.close)
    QTimer.singleShot(10, app.quit)
QTimer.singleShot(0, visit)
sys.exit(app.exec())
"""


def test_the_app_exits_cleanly_with_pages_made_and_not(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PRIVACY_WIZARD_LANG": "en"}
    for _ in range(3):
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                _EXIT,
                str(tmp_path),
                str(EXAMPLES / "physiotherapy-practice.privacy.json"),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
        assert result.returncode == 0, result.stderr[-2000:]
