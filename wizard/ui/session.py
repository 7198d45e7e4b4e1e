"""The project being edited, shared by every page: the model, its file and its unsaved state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from wizard.model.answers import Project


class Session(QObject):
    """Holds the one :class:`Project` all pages edit, and tells the window when it changes.

    Pages change the model in place (it validates every assignment) and then call
    :meth:`mark_changed`; the window listens to update its title and to autosave.
    """

    #: Any answer changed.
    changed = Signal()
    #: A different project was loaded (new, opened or recovered): pages must reload.
    replaced = Signal()
    #: The unsaved-changes state flipped.
    modified_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = Project()
        self.path: Path | None = None
        self._modified = False

    @property
    def modified(self) -> bool:
        """True when there are changes not saved to :attr:`path`."""
        return self._modified

    def set_modified(self, modified: bool) -> None:
        if modified != self._modified:
            self._modified = modified
            self.modified_changed.emit(modified)

    def mark_changed(self) -> None:
        """Call after changing the model."""
        self.set_modified(True)
        self.changed.emit()

    def replace(self, project: Project, path: Path | None, modified: bool = False) -> None:
        """Start editing ``project`` (from ``path``, if it has one)."""
        self.project = project
        self.path = path
        self._modified = not modified  # force the signal
        self.set_modified(modified)
        self.replaced.emit()
