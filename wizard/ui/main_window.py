"""The main window: menus, the step list, the wizard, and everything a desktop app does with
files (save, open, recent files, unsaved-changes prompt, autosave and crash recovery).

Start-up is in two steps so the window appears quickly: the constructor builds the shell and
the welcome page, which need neither the answers model nor pydantic; after the first paint (or
as soon as anything needs them) :meth:`MainWindow.ensure_ready` loads the model and the other
pages.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from wizard import APP_NAME
from wizard.ui.tr import _
from wizard.ui.wizard import PolicyWizard

if TYPE_CHECKING:
    from wizard.ui.session import AutosaveSlot, AutosaveStore, Session

#: The window's size where the screen has room for it.
PREFERRED_SIZE = QSize(1100, 760)
#: Room left on the screen for the window's frame and title bar.
FRAME_ALLOWANCE = QSize(16, 48)
#: The widest the Steps panel gets (its texts wrap).
STEPS_WIDTH = 220
#: How often unsaved work is written to the autosave file.
AUTOSAVE_INTERVAL_MS = 30_000
MAX_RECENT = 8
#: The project-file suffix (wizard.model.project_file.FILE_SUFFIX, repeated here so the window
#: opens without importing the model; a test checks they are the same).
FILE_SUFFIX = ".privacy.json"


def default_data_dir() -> Path:
    """Where autosaves go: the user's data folder for the app."""
    import platformdirs

    return Path(platformdirs.user_data_dir("privacy-wizard", appauthor=False))


def suggested_file_name(name: str) -> str:
    """A project file name from an organisation's name: characters that file systems refuse
    become "-", and a name ending in a dot ("... B.V.") does not give "B.V..privacy.json"."""
    stem = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "-", name).strip().rstrip(". ")
    return (stem or _("privacy-policy")) + FILE_SUFFIX


def project_filter() -> str:
    return _("Privacy Wizard projects (*{suffix});;All files (*)").format(suffix=FILE_SUFFIX)


class MainWindow(QMainWindow):
    """One window per project. ``settings`` and ``data_dir`` can be given for tests."""

    def __init__(
        self,
        settings: QSettings | None = None,
        data_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else QSettings()
        self.data_dir = data_dir if data_dir is not None else default_data_dir()
        self._session: Session | None = None
        self.wizard = PolicyWizard(self)
        self.welcome = self.wizard.welcome
        self._build_steps()
        central = QWidget()
        row = QHBoxLayout(central)
        row.addWidget(self.steps_panel)
        row.addWidget(self.wizard, 1)
        self.setCentralWidget(central)
        self._build_menus()
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
        from wizard.ui.session import AutosaveStore

        self._autosaves: AutosaveStore = AutosaveStore(self.data_dir)
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
        self._offer_recovery()
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
        self.move(available.x() + max(0, spare_width // 2), available.y() + max(0, spare_height // 2))

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

    def is_ready(self) -> bool:
        """True once the model and every page are loaded."""
        return self._session is not None

    def ensure_ready(self) -> None:
        """Load the answers model and the topic pages (once)."""
        if self._session is not None:
            return
        from wizard.ui.session import Session

        self.welcome.fill_starters()
        self._session = session = Session(self)
        session.project = self.welcome.new_project()  # in the languages chosen there
        self.wizard.add_pages(session)
        session.modified_changed.connect(self._update_title)
        session.changed.connect(self._project_changed)
        session.replaced.connect(self._update_title)
        session.replaced.connect(self._forget_generated)
        self.wizard.pages["output"].generated.connect(self._documents_written)
        self._fill_steps()
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

    # --- layout -----------------------------------------------------------------------------------

    def _build_steps(self) -> None:
        self.steps_panel = QWidget()
        self.steps_panel.setMaximumWidth(STEPS_WIDTH)
        layout = QVBoxLayout(self.steps_panel)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(_("Ste&ps"))
        self.steps = QListWidget()
        self.steps.setAccessibleName(_("Steps"))
        self.steps.setMaximumWidth(STEPS_WIDTH)
        self.steps.setWordWrap(True)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        label.setBuddy(self.steps)
        #: "Step 3 of 10": where the person is, counting the pages that apply to the project.
        self.step_label = QLabel()
        font = self.step_label.font()
        font.setBold(True)
        self.step_label.setFont(font)
        self.step_label.setWordWrap(True)
        # As wide as the list below it, never wider: the page keeps the room.
        self.step_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.step_label.hide()
        self.steps.addItem(self.welcome.title())
        self.steps.itemActivated.connect(self._step_activated)
        self.steps.itemClicked.connect(self._step_activated)
        layout.addWidget(self.step_label)
        layout.addWidget(label)
        layout.addWidget(self.steps, 1)

    def _fill_steps(self) -> None:
        from wizard.flow import PAGE_ORDER

        self.steps.clear()
        for page in PAGE_ORDER:
            item = QListWidgetItem(self.wizard.pages[page].title())
            item.setData(Qt.ItemDataRole.UserRole, page.value)
            self.steps.addItem(item)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        self.new_action = QAction(_("&New project"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_project)
        self.open_action = QAction(_("&Open..."), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_dialog)
        self.recent_menu = file_menu.addMenu(_("Open &recent"))
        self.save_action = QAction(_("&Save"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        self.save_as_action = QAction(_("Save &as..."), self)
        self.save_as_action.setShortcut(QKeySequence.StandardKey.SaveAs)
        self.save_as_action.triggered.connect(self.save_as)
        self.quit_action = QAction(_("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        file_menu.insertAction(self.recent_menu.menuAction(), self.new_action)
        file_menu.insertAction(self.recent_menu.menuAction(), self.open_action)
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_as_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu(_("&Help"))
        about = QAction(_("&About"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _about(self) -> None:
        from wizard import __version__

        QMessageBox.about(
            self,
            _("About {app}").format(app=APP_NAME),
            _(
                "{app} {version}\n\nWrites GDPR privacy policies from your answers. "
                "Works offline: nothing you enter leaves this computer."
            ).format(app=APP_NAME, version=__version__),
        )

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

    def _update_steps(self) -> None:
        if self._session is None:
            return
        from wizard import flow
        from wizard.flow import PAGE_ORDER

        project = self._session.project
        current = self.wizard.current_page_id()
        for row, page in enumerate(PAGE_ORDER):
            item = self.steps.item(row)
            applies = flow.page_applies(project, page)
            title = self.wizard.pages[page].title()
            item.setText(title if applies else _("{page} (not needed)").format(page=title))
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            item.setFlags(flags if applies else Qt.ItemFlag.NoItemFlags)
            font = item.font()
            font.setBold(page is current)
            item.setFont(font)
            if page is current:
                self.steps.setCurrentRow(row)
        steps = [p for p in PAGE_ORDER[1:] if flow.page_applies(project, p)]
        if current in steps:
            text = _("Step {number} of {total}").format(
                number=steps.index(current) + 1, total=len(steps)
            )
            self.step_label.setText(text)
            self.step_label.setAccessibleName(text)
            self.step_label.show()
        else:
            self.step_label.hide()

    def _step_activated(self, item: QListWidgetItem) -> None:
        from wizard.flow import PageId

        data = item.data(Qt.ItemDataRole.UserRole)
        if data:
            self.ensure_ready()
            self.wizard.jump_to(PageId(data))

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

    # --- files ------------------------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """Ask what to do with unsaved changes; True when it is fine to go on."""
        if self._session is None or not self._session.modified:
            return True
        answer = QMessageBox.question(
            self,
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
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Open project"), self._last_folder(), project_filter()
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
        shown = problems[:8]
        more = len(problems) - len(shown)
        text = _("{name} cannot be opened:").format(name=path.name) + "\n\n"
        text += "\n".join(f"\u2022 {p}" for p in shown)
        if more:
            text += "\n" + _("... and {count} more problems.").format(count=more)
        text += "\n\n" + _("Your current work has not been changed.")
        QMessageBox.warning(self, _("Cannot open project"), text)

    def save(self) -> bool:
        if self.session.path is None:
            return self.save_as()
        return self.save_to(self.session.path)

    def save_as(self) -> bool:
        name = self.session.project.organisation.legal_name
        start = Path(self._last_folder()) / suggested_file_name(name)
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save project"), str(start), project_filter()
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
            QMessageBox.warning(
                self,
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

    # --- autosave and recovery --------------------------------------------------------------------

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
        text += (
            " " + _("(project {name}).").format(name=Path(source).name) if source else "."
        )
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


