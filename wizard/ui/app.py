"""Starting the GUI: ``run(argv, project_path)`` is what ``wizard.cli`` calls.

The window paints its first page before anything that page does not need is loaded (the answers
model, Jinja2, Babel's dates and numbers, json): the main window loads the rest
after its first paint (:meth:`MainWindow.ensure_ready`). Keep imports here and in the
main window's module to what the welcome page needs; ``tests/ui/test_first_paint.py`` checks.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from wizard import APP_NAME
from wizard.i18n import system_ui_language
from wizard.languages import SOURCE
from wizard.ui.tr import set_ui_language


def _install_qt_translator(app: QApplication, lang: str) -> None:
    """Qt's own strings (context menus, colour dialogs) in the UI language, when available."""
    if lang == SOURCE:
        return
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(lang), "qtbase", "_", folder):
        app.installTranslator(translator)


def system_language() -> str:
    """The UI language from the user's preferred languages as the system lists them (Windows
    and macOS language settings, the POSIX variables on Linux), unless PRIVACY_WIZARD_LANG
    chooses one."""
    return system_ui_language(QLocale.system().uiLanguages())


def run(argv: list[str], project_path: str | None) -> int:
    """Create the application, show the main window (opening ``project_path`` if given) and
    run the event loop; returns the exit code."""
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName("privacy-wizard")
    app.setOrganizationDomain("privacy-wizard.invalid")
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    lang = system_language()
    set_ui_language(lang)
    # Qt's own strings (context menus, file dialogs) are looked up when those open: their
    # catalogue can load after the first paint.
    QTimer.singleShot(0, lambda: _install_qt_translator(app, lang))

    from wizard.ui import problem_report
    from wizard.ui.main_window import MainWindow
    from wizard.ui.smoke import SMOKE_ENV, quit_after_first_paint

    smoke = os.environ.get(SMOKE_ENV) == "1"
    if not smoke:
        # From here on, a problem in the window's code is shown to the person, not only
        # printed (the start-up check reports its own, with its exit status).
        problem_report.install()
    window = MainWindow()
    if smoke:
        quit_after_first_paint(app, window)
    window.show()
    if project_path:
        window.open_path(Path(project_path), ask=False)
    return app.exec()
