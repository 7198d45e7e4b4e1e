"""The main window: the Steps panel beside the wizard, its size and place on the screen, the
title, and closing. Its parts live beside it: the menus in :mod:`wizard.ui.menus`, the Steps
panel in :mod:`wizard.ui.step_list`, opening and saving files in :mod:`wizard.ui.project_files`,
autosave and crash recovery in :mod:`wizard.ui.autosave_recovery`.

Start-up is in two steps so the window appears quickly: the constructor builds the shell and
the welcome page, which need neither the answers model nor the topic pages; after the first paint (or
as soon as anything needs them) :meth:`MainWindow.ensure_ready` looks for the work of a window
that did not close normally (offered on the welcome page) and loads the model and the other
pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QWidget

from wizard import APP_NAME
from wizard.ui.autosave_recovery import AUTOSAVE_INTERVAL_MS, AutosaveRecovery
from wizard.ui.menus import build_menus
from wizard.ui.project_files import FILE_SUFFIX, ProjectFiles
from wizard.ui.step_list import StepList
from wizard.ui.tr import _
from wizard.ui.wizard import PolicyWizard

if TYPE_CHECKING:
    from wizard.flow import PageId
    from wizard.ui.session import AutosaveSlot, AutosaveStore, Session

#: The window's size where the screen has room for it.
PREFERRED_SIZE = QSize(1100, 760)
#: Room left on the screen for the window's frame and title bar.
FRAME_ALLOWANCE = QSize(16, 48)


def default_data_dir() -> Path:
    """Where autosaves go: the user's data folder for the app."""
    import platformdirs

    return Path(platformdirs.user_data_dir("privacy-wizard", appauthor=False))


class MainWindow(ProjectFiles, AutosaveRecovery, QMainWindow):
    """One window per project. ``settings`` and ``data_dir`` can be given for tests."""

    def __init__(
        self,
        settings: QSettings | None = None,
        data_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else QSettings()
        self._data_dir = data_dir
        self._session: Session | None = None
        self.wizard = PolicyWizard()
        self.welcome = self.wizard.welcome
        self.steps_panel = StepList(self.welcome.title())
        #: The list of steps and "Step 3 of 10" above it.
        self.steps = self.steps_panel.list
        self.step_label = self.steps_panel.step_label
        self.steps_panel.chosen.connect(self._step_chosen)
        central = QWidget()
        row = QHBoxLayout(central)
        row.addWidget(self.steps_panel)
        row.addWidget(self.wizard, 1)
        self.setCentralWidget(central)
        actions = build_menus(self, self.new_project, self.open_dialog, self.save, self.save_as)
        self.new_action = actions.new_action
        self.open_action = actions.open_action
        self.recent_menu = actions.recent_menu
        self.save_action = actions.save_action
        self.save_as_action = actions.save_as_action
        self.quit_action = actions.quit_action
        self.welcome.new_requested.connect(self.new_project)
        self.welcome.open_requested.connect(self.open_dialog)
        self.welcome.open_recent_requested.connect(self._open_recent)
        self.welcome.recover_requested.connect(self.recover)
        self.welcome.leaving.connect(self.ensure_ready)
        self.welcome.leaving.connect(self._apply_welcome_choices)
        self.wizard.finish_requested.connect(self.finish)
        self.wizard.page_changed.connect(self._page_changed)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self._autosave_due = False
        self._painted = False
        self._autosave_store: AutosaveStore | None = None
        #: This window's own autosave (made on first use).
        self._slot: AutosaveSlot | None = None
        #: The autosave of a window that did not close normally, offered on the welcome page.
        self._offered: AutosaveSlot | None = None
        #: True once documents were written for the project being edited.
        self._generated = False
        geometry = self.settings.value("window/geometry")
        if not isinstance(geometry, QByteArray | bytes) or not self.restoreGeometry(geometry):
            self.place_on_screen()
        else:
            self.fit_on_screen()  # saved on a larger screen, or at another scale
        self.update_recent()
        self.wizard.restart()
        self._update_title()

    # --- size and place -------------------------------------------------------------------------

    def _available(self) -> QRect:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 600)

    def place_on_screen(self) -> None:
        """The first size: the preferred one where the screen has room, else the screen's
        available area less room for the window frame, centred on it."""
        available = self._available()
        width = min(PREFERRED_SIZE.width(), available.width() - FRAME_ALLOWANCE.width())
        height = min(PREFERRED_SIZE.height(), available.height() - FRAME_ALLOWANCE.height())
        self.resize(max(width, 320), max(height, 240))
        spare_width = available.width() - self.width()
        spare_height = available.height() - self.height() - FRAME_ALLOWANCE.height()
        self.move(
            available.x() + max(0, spare_width // 2), available.y() + max(0, spare_height // 2)
        )

    def fit_on_screen(self) -> None:
        """Bring a restored window back within the screen's available area."""
        available = self._available()
        if self.isMaximized() or self.isFullScreen():
            return
        frame = self.frameGeometry()
        if available.contains(frame):
            return
        self.place_on_screen()

    # --- two-step start-up --------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.ensure_ready)

    @property
    def data_dir(self) -> Path:
        """The folder of the autosaves (the user's data folder unless given)."""
        if self._data_dir is None:
            self._data_dir = default_data_dir()
        return self._data_dir

    def is_ready(self) -> bool:
        """True once the answers model is loaded, the project's answers are in the window and
        every page exists (a topic page makes its widgets on its first visit)."""
        return self._session is not None

    def ensure_ready(self) -> None:
        """Load the answers model and the topic pages (once)."""
        if self._session is not None:
            return
        from wizard.ui.session import Session

        self._offer_recovery()
        self.welcome.fill_starters()
        self._session = session = Session(self)
        session.project = self.welcome.new_project()  # in the languages chosen there
        self.wizard.add_pages(session)
        session.modified_changed.connect(self._update_title)
        session.changed.connect(self._project_changed)
        session.replaced.connect(self._update_title)
        session.replaced.connect(self._forget_generated)
        self.wizard.pages["output"].generated.connect(self._documents_written)
        self.steps_panel.fill(self._page_title)
        self._update_steps()
        self.autosave_timer.start()

    def _apply_welcome_choices(self) -> None:
        """Next on the welcome page starts the kind of project and the languages chosen there,
        when the project shown is still the untouched new one."""
        session = self.session
        if self.welcome.choices_touched and session.path is None and not session.modified:
            session.replace(self.welcome.new_project(), None)
            self.welcome.choices_touched = False

    @property
    def session(self) -> Session:
        """The project being edited (loading the model on first use)."""
        self.ensure_ready()
        assert self._session is not None
        return self._session

    # --- title and steps --------------------------------------------------------------------------

    def display_name(self) -> str:
        session = self._session
        if session is None:
            return _("Untitled")
        if session.path is not None:
            name = session.path.name
            return name[: -len(FILE_SUFFIX)] if name.endswith(FILE_SUFFIX) else name
        return session.project.organisation.legal_name or _("Untitled")

    def _update_title(self, *_args: object) -> None:
        self.setWindowTitle(f"{self.display_name()}[*] - {APP_NAME}")
        self.setWindowModified(self._session is not None and self._session.modified)

    def _page_title(self, page: PageId) -> str:
        return str(self.wizard.pages[page].title())

    def _update_steps(self) -> None:
        if self._session is None:
            return
        self.steps_panel.show_progress(
            self._session.project, self.wizard.current_page_id(), self._page_title
        )

    def _step_chosen(self, page: str) -> None:
        from wizard.flow import PageId

        self.ensure_ready()
        self.wizard.jump_to(PageId(page))

    def _project_changed(self) -> None:
        self._autosave_due = True
        if self.session.path is None:
            self._update_title()
        self._update_steps()

    def _page_changed(self, _page: str) -> None:
        self._update_steps()
        if self._autosave_due:
            self.autosave()

    # --- finishing ---------------------------------------------------------------------------

    def _documents_written(self, paths: list[str]) -> None:
        if paths:
            self._generated = True

    def _forget_generated(self) -> None:
        self._generated = False

    def finish(self) -> None:
        """Finish closes the window; before any document was written it asks first."""
        if self._session is not None and not self._generated:
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self,
                _("Close without generating?"),
                _(
                    "The policy documents have not been generated yet. Close {app} without "
                    "generating them?"
                ).format(app=APP_NAME),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.close()

    # --- closing ----------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.maybe_save():
            event.ignore()
            return
        if self._session is not None:
            self.wizard.pages["output"].stop_and_wait()
        self.autosave_timer.stop()
        if self._slot is not None:
            self._slot.discard()
        # Crashed work offered and neither recovered nor replaced stays for the next start.
        self._drop_offer(discard=False)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.sync()
        event.accept()
