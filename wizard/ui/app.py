"""Starting the GUI: ``run(argv, project_path)`` is what ``wizard.cli`` calls."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from wizard import APP_NAME
from wizard.i18n import system_ui_language
from wizard.ui.tr import set_ui_language


def _install_qt_translator(app: QApplication, lang: str) -> None:
    """Qt's own strings (context menus, colour dialogs) in the UI language, when available."""
    if lang == "en":
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
    _install_qt_translator(app, lang)

    from wizard.ui.main_window import MainWindow
    from wizard.ui.smoke import SMOKE_ENV, quit_after_first_paint

    window = MainWindow()
    if os.environ.get(SMOKE_ENV) == "1":
        quit_after_first_paint(app, window)
    window.show()
    if project_path:
        window.open_path(Path(project_path), ask=False)
    return app.exec()
