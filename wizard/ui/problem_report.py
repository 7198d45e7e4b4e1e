"""A problem the window did not expect is said, not swallowed.

Qt calls the window's code from its event loop; an exception raised there would only be
printed to the terminal (which a person who started the app from the desktop never sees), and
the window would go on as if nothing happened. :func:`install` makes each such exception a
message box: what went wrong in one line, what to do, and the details for whoever looks into
it. The details still go to the standard error stream too.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from wizard import APP_NAME
from wizard.ui.tr import _

if TYPE_CHECKING:
    from types import TracebackType

#: True while a report is shown: a problem while it is open is printed only.
_showing = False


def install() -> None:
    """Report every exception that reaches the event loop (``sys.excepthook``)."""
    sys.excepthook = report


def report(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """Print the exception to the standard error stream and show it in a message box."""
    import traceback

    global _showing
    details = "".join(traceback.format_exception(kind, error, trace))
    sys.stderr.write(details)
    if issubclass(kind, KeyboardInterrupt) or _showing:
        return
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    _showing = True
    try:
        box = QMessageBox(app.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(_("Unexpected problem"))
        # The message may quote the person's answers or a file name: text, never markup.
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            _("{app} met a problem it did not expect: {problem}").format(
                app=APP_NAME, problem=f"{kind.__name__}: {error}".rstrip(": ")
            )
        )
        box.setInformativeText(
            _(
                "Save your project under a new name to be safe, then start {app} again. "
                "The details help to find the cause."
            ).format(app=APP_NAME)
        )
        box.setDetailedText(details)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()
    finally:
        _showing = False
