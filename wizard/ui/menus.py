"""The main window's menus: File (new, open, open recent, save, save as, quit) and Help
(about)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from wizard import APP_NAME
from wizard.ui.tr import _


@dataclass
class FileActions:
    """The File menu's actions, and its Open recent submenu (filled from the settings)."""

    new_action: QAction
    open_action: QAction
    recent_menu: QMenu
    save_action: QAction
    save_as_action: QAction
    quit_action: QAction


def build_menus(
    window: QMainWindow,
    new: Callable[[], object],
    open_: Callable[[], object],
    save: Callable[[], object],
    save_as: Callable[[], object],
) -> FileActions:
    """Add the File and Help menus to ``window``; the File actions call the functions given
    (Quit closes the window)."""

    def action(text: str, key: QKeySequence.StandardKey, slot: Callable[[], object]) -> QAction:
        made = QAction(text, window)
        # Every binding the platform has for the key (Qt's documented way for standard keys).
        made.setShortcuts(key)
        made.triggered.connect(lambda _checked=False: slot())
        return made

    keys = QKeySequence.StandardKey
    file_menu = window.menuBar().addMenu(_("&File"))
    actions = FileActions(
        new_action=action(_("&New project"), keys.New, new),
        open_action=action(_("&Open..."), keys.Open, open_),
        recent_menu=file_menu.addMenu(_("Open &recent")),
        save_action=action(_("&Save"), keys.Save, save),
        save_as_action=action(_("Save &as..."), keys.SaveAs, save_as),
        quit_action=action(_("&Quit"), keys.Quit, window.close),
    )
    recent = actions.recent_menu.menuAction()
    file_menu.insertAction(recent, actions.new_action)
    file_menu.insertAction(recent, actions.open_action)
    file_menu.addSeparator()
    file_menu.addAction(actions.save_action)
    file_menu.addAction(actions.save_as_action)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit_action)
    help_menu = window.menuBar().addMenu(_("&Help"))
    about = QAction(_("&About"), window)
    about.triggered.connect(lambda _checked=False: show_about(window))
    help_menu.addAction(about)
    return actions


def show_about(parent: QWidget) -> None:
    """The About box: the app's name, version and what it does."""
    from PySide6.QtWidgets import QMessageBox

    from wizard import __version__

    QMessageBox.about(
        parent,
        _("About {app}").format(app=APP_NAME),
        _(
            "{app} {version}\n\nWrites GDPR privacy policies from your answers. "
            "Works offline: nothing you enter leaves this computer."
        ).format(app=APP_NAME, version=__version__),
    )
