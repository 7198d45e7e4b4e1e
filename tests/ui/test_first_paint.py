"""What the app has loaded when its window first paints, and when it is usable, started through
its real entry point (``wizard.cli.main``, what the ``privacy-wizard`` command runs). No timing:
the modules are the measure that does not depend on the machine (benchmarks/run.py times it)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.ui.conftest import run_as_new_user

_PROBE = r"""
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

seen = {}

class Watch(QObject):
    window = None
    def eventFilter(self, obj, event):
        if self.window is None and event.type() == QEvent.Type.Paint:
            self.window = obj
            seen["paint"] = sorted(sys.modules)
            # PySide makes a class's Python enums on its first use: the Qt namespace's 93 at once.
            made = vars(sys.modules["PySide6.QtCore"]), vars(sys.modules["PySide6.QtGui"])
            seen["classes"] = [n for n in ("Qt", "QAccessible") if any(n in m for m in made)]
            QTimer.singleShot(0, self.check)
        return False
    def check(self):
        if not self.window.is_ready():
            QTimer.singleShot(0, self.check)
            return
        seen["usable"] = sorted(sys.modules)
        print("MODULES " + repr(seen), flush=True)
        os._exit(0)

app = QApplication(sys.argv[:1])
watch = Watch()
# The main window's events only (a filter on the whole application would make PySide build the
# Python classes of every widget that gets an event).
_show = QWidget.show
def show(widget):
    if watch.window is None and type(widget).__name__ == "MainWindow":
        widget.installEventFilter(watch)
    _show(widget)
QWidget.show = show
QTimer.singleShot(20_000, lambda: os._exit(3))
sys.argv = ["privacy-wizard"]
from wizard.cli import main
sys.exit(main())
"""

#: Not needed to paint the welcome page: the answers model and msgspec, the policy engine and
#: its libraries, the renderers, the catalogues' loaders, Babel, and the autosave store with
#: the data folder's location (the welcome page offers crashed work right after the paint).
NOT_BEFORE_FIRST_PAINT = [
    "wizard.ui.session",
    "platformdirs",
    "msgspec",
    "wizard.model",
    "wizard.flow",
    "wizard.review",
    "wizard.catalog",
    "wizard.policy",
    "wizard.render",
    "wizard.ui.pages.base",
    "jinja2",
    # The UI language is matched against the registry (wizard.languages), without Babel.
    "babel",
    # The autosave store reads and writes its info files with json only when there is work.
    "json",
    "reportlab",
    "docx",
    "importlib.metadata",
    "importlib.resources",
]
#: Not needed for a usable window either: they load when the review page builds a preview,
#: or when files are written; what one page or one editor uses loads on the page's first visit
#: or when the editor first opens (the version history on the Output page, Babel's names of
#: countries and its dates, the cookie database with the cookie editor, the catalogue picker).
NOT_WHEN_USABLE = [
    "wizard.policy.engine",
    "wizard.render",
    "jinja2",
    "reportlab",
    "docx",
    "wizard.history",
    "babel",
    "wizard.catalog.cookies",
    "wizard.ui.cookie_dialog",
    "wizard.ui.processor_picker",
]


def _modules(tmp_path: Path) -> dict[str, list[str]]:
    result = run_as_new_user(_PROBE, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    line = next(x for x in result.stdout.splitlines() if x.startswith("MODULES "))
    found: dict[str, list[str]] = json.loads(line.removeprefix("MODULES ").replace("'", '"'))
    return found


def _loaded(modules: list[str], name: str) -> bool:
    return any(m == name or m.startswith(name + ".") for m in modules)


def test_first_paint_and_usable_window_load_only_what_they_need(tmp_path: Path) -> None:
    modules = _modules(tmp_path)
    paint, usable = modules["paint"], modules["usable"]
    assert "wizard.ui.main_window" in paint and "wizard.ui.pages.welcome" in paint
    early = [name for name in NOT_BEFORE_FIRST_PAINT if _loaded(paint, name)]
    assert not early, f"loaded before the first paint: {early}"
    # Usable: the model and every page are there, the engine and the renderers are not.
    assert {"wizard.model.answers", "wizard.ui.pages.output", "wizard.ui.pages.review"} <= set(
        usable
    )
    assert modules["classes"] == [], "made before the first paint: the enums of these classes"
    late = [name for name in NOT_WHEN_USABLE if _loaded(usable, name)]
    assert not late, f"loaded for the usable window: {late}"
