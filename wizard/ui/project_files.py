"""What the main window does with project files: the unsaved-changes prompt, new, open (a
dialog, a recent file, a path), save and save as, and the recent files in the settings.

:class:`ProjectFiles` is a part of :class:`wizard.ui.main_window.MainWindow`; it uses the
window's session, settings, welcome page and wizard.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.ui.tr import _

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMenu, QStatusBar

    from wizard.ui.pages.welcome import WelcomePage
    from wizard.ui.session import Session
    from wizard.ui.wizard import PolicyWizard

MAX_RECENT = 8
#: The project-file suffix (wizard.model.project_file.FILE_SUFFIX, repeated here so the window
#: opens without importing the model; a test checks they are the same).
FILE_SUFFIX = ".privacy.json"


def suggested_file_name(name: str) -> str:
    """A project file name from an organisation's name: characters that file systems refuse
    become "-", and a name ending in a dot ("... B.V.") does not give "B.V..privacy.json"."""
    stem = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "-", name).strip().rstrip(". ")
    return (stem or _("privacy-policy")) + FILE_SUFFIX


def project_filter() -> str:
    return _("Privacy Wizard projects (*{suffix});;All files (*)").format(suffix=FILE_SUFFIX)


class ProjectFiles:
    """Opening, saving and the recent files of the main window."""

    if TYPE_CHECKING:
        settings: QSettings
        welcome: WelcomePage
        wizard: PolicyWizard
        recent_menu: QMenu
        _session: Session | None

        @property
        def session(self) -> Session: ...
        def ensure_ready(self) -> None: ...
        def display_name(self) -> str: ...
        def clear_autosave(self) -> None: ...
        def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name
        def _update_title(self, *_args: object) -> None: ...

    def maybe_save(self) -> bool:
        """Ask what to do with unsaved changes; True when it is fine to go on."""
        if self._session is None or not self._session.modified:
            return True
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,  # type: ignore[arg-type]
            _("Unsaved changes"),
            _("Do you want to save the changes to {name}?").format(name=self.display_name()),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_project(self) -> None:
        if not self.maybe_save():
            return
        self.clear_autosave()
        self.session.replace(self.welcome.new_project(), None)
        self.wizard.restart()
        self.wizard.next()

    def _last_folder(self) -> str:
        value = self.settings.value("files/last_folder", "")
        return str(value) if value else str(Path.home())

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(
            self,  # type: ignore[arg-type]
            _("Open project"),
            self._last_folder(),
            project_filter(),
        )
        if path:
            self.open_path(Path(path), ask=False)

    def _open_recent(self, path: str) -> None:
        self.open_path(Path(path))

    def open_path(self, path: Path, ask: bool = True) -> bool:
        """Open a project file; a broken file gives a dialog and the current work stays."""
        if ask and not self.maybe_save():
            return False
        self.ensure_ready()
        from wizard.loading import open_project
        from wizard.model.project_file import ProjectFileError

        try:
            project = open_project(path)
        except ProjectFileError as exc:
            self._show_load_error(path, exc.problems)
            return False
        except Exception as exc:  # noqa: BLE001 - never show a traceback for a bad file
            self._show_load_error(path, [str(exc)])
            return False
        self.clear_autosave()
        self.session.replace(project, path.resolve())
        self._remember(path)
        self.wizard.restart()
        self.wizard.next()
        self.statusBar().showMessage(_("Opened {path}").format(path=path), 5000)
        return True

    def _show_load_error(self, path: Path, problems: list[str]) -> None:
        from PySide6.QtWidgets import QMessageBox

        shown = problems[:8]
        more = len(problems) - len(shown)
        text = _("{name} cannot be opened:").format(name=path.name) + "\n\n"
        text += "\n".join(f"\u2022 {p}" for p in shown)
        if more:
            text += "\n" + _("... and {count} more problems.").format(count=more)
        text += "\n\n" + _("Your current work has not been changed.")
        QMessageBox.warning(self, _("Cannot open project"), text)  # type: ignore[arg-type]

    def save(self) -> bool:
        if self.session.path is None:
            return self.save_as()
        return self.save_to(self.session.path)

    def save_as(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        name = self.session.project.organisation.legal_name
        start = Path(self._last_folder()) / suggested_file_name(name)
        path, _filter = QFileDialog.getSaveFileName(
            self,  # type: ignore[arg-type]
            _("Save project"),
            str(start),
            project_filter(),
        )
        if not path:
            return False
        target = Path(path)
        if not target.name.endswith(FILE_SUFFIX):
            target = target.with_name(target.name.removesuffix(".json") + FILE_SUFFIX)
        return self.save_to(target)

    def save_to(self, path: Path) -> bool:
        from wizard.model.project_file import save_project

        try:
            save_project(self.session.project, path)
        except OSError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(
                self,  # type: ignore[arg-type]
                _("Cannot save"),
                _("The project could not be saved to {path}:\n{error}").format(
                    path=path, error=exc.strerror or exc
                ),
            )
            return False
        self.session.path = path.resolve()
        self.session.set_modified(False)
        self._remember(path)
        self.clear_autosave()
        self._update_title()
        self.statusBar().showMessage(_("Saved to {path}").format(path=path), 5000)
        return True

    def _remember(self, path: Path) -> None:
        path = path.resolve()
        self.settings.setValue("files/last_folder", str(path.parent))
        recent = [p for p in self.recent_files() if p != str(path)]
        self.settings.setValue("files/recent", [str(path), *recent][:MAX_RECENT])
        self.update_recent()

    def recent_files(self) -> list[str]:
        value = self.settings.value("files/recent", [])
        if isinstance(value, str):  # QSettings returns a lone item as a plain string
            value = [value]
        if not isinstance(value, list):
            return []
        return [str(v) for v in value if v]

    def update_recent(self) -> None:
        """Refresh the File > Open recent menu and the welcome page's list from the settings."""
        existing = [p for p in self.recent_files() if Path(p).is_file()]
        self.recent_menu.clear()
        for index, path in enumerate(existing, start=1):
            action = self.recent_menu.addAction(f"&{index} {Path(path).name}")
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(existing))
        self.welcome.set_recent(existing)
