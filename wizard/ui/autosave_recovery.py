"""The main window's autosave and crash recovery: unsaved work is written to the window's own
slot in the data folder, and the work of a window that did not close normally is offered on
the welcome page right after the window's first paint (see :mod:`wizard.ui.session` for the
slots).

:class:`AutosaveRecovery` is a part of :class:`wizard.ui.main_window.MainWindow`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wizard.ui.tr import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

    from wizard.ui.pages.welcome import WelcomePage
    from wizard.ui.session import AutosaveSlot, AutosaveStore, Session
    from wizard.ui.wizard import PolicyWizard

#: How often unsaved work is written to the autosave file.
AUTOSAVE_INTERVAL_MS = 30_000


class AutosaveRecovery:
    """Autosave and recovery of the main window."""

    if TYPE_CHECKING:
        welcome: WelcomePage
        wizard: PolicyWizard
        _session: Session | None
        _autosave_store: AutosaveStore | None
        #: This window's own autosave (made on first use).
        _slot: AutosaveSlot | None
        #: The autosave of a window that did not close normally, offered on the welcome page.
        _offered: AutosaveSlot | None
        _autosave_due: bool

        @property
        def session(self) -> Session: ...
        @property
        def data_dir(self) -> Path: ...
        def ensure_ready(self) -> None: ...
        def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name
        def _show_load_error(self, path: Path, problems: list[str]) -> None: ...

    @property
    def _autosaves(self) -> AutosaveStore:
        """The autosaves in the data folder (opened on first use, after the first paint)."""
        if self._autosave_store is None:
            from wizard.ui.session import AutosaveStore

            self._autosave_store = AutosaveStore(self.data_dir)
        return self._autosave_store

    def _own_slot(self) -> AutosaveSlot:
        if self._slot is None:
            self._slot = self._autosaves.new_slot()
        return self._slot

    @property
    def autosave_path(self) -> Path:
        """This window's autosave file (each window has its own)."""
        return self._own_slot().project_path

    @property
    def autosave_info_path(self) -> Path:
        return self._own_slot().info_path

    def autosave(self) -> bool:
        """Write unsaved work to the data folder (not to the user's file)."""
        if self._session is None or not self._session.modified or not self._autosave_due:
            return False
        try:
            self._own_slot().write(self.session.project, self.session.path)
        except OSError as exc:
            self.statusBar().showMessage(
                _("Autosave failed: {error}").format(error=exc.strerror or exc), 5000
            )
            return False
        self._autosave_due = False
        return True

    def clear_autosave(self) -> None:
        """Remove this window's autosave, and the crashed work offered if the user chose other
        work instead (new or opened project)."""
        if self._slot is not None:
            self._slot.delete_files()
        self._drop_offer(discard=True)

    def _drop_offer(self, discard: bool) -> None:
        if self._offered is not None:
            if discard:
                self._offered.discard()
            else:
                self._offered.release()
            self._offered = None
            self.welcome.set_recovery(None)

    def _offer_recovery(self) -> None:
        offered = self._autosaves.claim_orphan()
        if offered is None:
            return
        info = offered.info()
        when = info.get("saved_at") or "?"
        source = info.get("path")
        text = _(
            "Privacy Wizard was not closed normally. Unsaved work from {time} was kept"
        ).format(time=str(when).replace("T", " "))
        text += " " + _("(project {name}).").format(name=Path(source).name) if source else "."
        self._offered = offered
        self.welcome.set_recovery(text)

    def recover(self) -> bool:
        """Load the autosaved work; it stays unsaved until the user saves it.

        The recovered slot becomes this window's own autosave, so the work is never in two
        places and is not lost if this window crashes too.
        """
        self.ensure_ready()
        offered = self._offered
        if offered is None:
            return False
        from wizard.loading import open_project
        from wizard.model.project_file import ProjectFileError

        try:
            project = open_project(offered.project_path)
        except ProjectFileError as exc:
            self._show_load_error(offered.project_path, exc.problems)
            self._drop_offer(discard=True)
            return False
        source = offered.info().get("path")
        self._offered = None
        self.welcome.set_recovery(None)
        if self._slot is not None:
            self._slot.discard()
        self._slot = offered
        self.session.replace(project, Path(source) if source else None, modified=True)
        self._autosave_due = True
        self.wizard.restart()
        self.wizard.next()
        return True
