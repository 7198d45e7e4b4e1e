"""Start-up check for installers and packagers: show the first page, then quit.

With ``PRIVACY_WIZARD_SMOKE_TEST=1`` the app starts as usual (from any entry point: the installed
``privacy-wizard-gui`` script, the frozen app, ``python -m wizard``), waits for the window's first
paint and for the topic pages that load right after it, prints one line naming the page shown, the
UI language and the number of pages loaded, and exits with status 0. Anything that fails on the
way (a module missing from a wheel, a resource missing from a bundle) exits with status 1 and its
traceback on stderr. It proves that an installation can show the wizard, without a person
clicking anything.
"""

from __future__ import annotations

import sys
import traceback

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from wizard.ui.main_window import MainWindow
from wizard.ui.tr import ui_language

SMOKE_ENV = "PRIVACY_WIZARD_SMOKE_TEST"


class _AfterFirstPaint(QObject):
    def __init__(self, app: QApplication, window: MainWindow) -> None:
        super().__init__(window)
        self._app = app
        self._window = window
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            # Queued after the window's own start-up step (loading the topic pages).
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        try:
            window = self._window
            window.ensure_ready()
            wizard = window.wizard
            page = wizard.current_page_id()
            title = wizard.pages[page].title() if page is not None else ""
            print(
                f"first page shown: {page} ({title}); UI language {ui_language()}; "
                f"{len(wizard.pages)} pages",
                flush=True,
            )
            self._app.exit(0)
        except Exception:  # noqa: BLE001 - reported, and the exit status says it failed
            traceback.print_exc()
            sys.stderr.flush()
            self._app.exit(1)


def quit_after_first_paint(app: QApplication, window: MainWindow) -> None:
    """Report and quit once ``window`` has painted and loaded its pages."""
    window.installEventFilter(_AfterFirstPaint(app, window))
