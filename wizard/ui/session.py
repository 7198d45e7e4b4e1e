"""The project being edited, shared by every page: the model, its file and its unsaved state;
and each window's autosave.

Autosaves live in ``<data folder>/autosaves/``, one slot per window: ``<id>.privacy.json`` (the
unsaved project), ``<id>.info.json`` (which file it belongs to, when it was written) and
``<id>.lock``, a :class:`QLockFile` the window holds as long as it runs. A slot whose lock can be
taken belongs to a window that is gone without closing (a crash, a kill): that is the work to
offer back. A slot whose lock is held belongs to a running window, in this process or another
one: it is never offered and never deleted. This module imports only QtCore (the model is loaded
when an autosave is written or read), so the window can look for a recovery before it paints.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:
    from wizard.model.answers import Project

#: The folder of the autosave slots, inside the app's data folder.
AUTOSAVE_FOLDER = "autosaves"
_PROJECT_SUFFIX = ".privacy.json"
_INFO_SUFFIX = ".info.json"
_LOCK_SUFFIX = ".lock"


class AutosaveSlot:
    """One window's autosave: a project file, its info file and the lock that marks it live."""

    def __init__(self, folder: Path, slot_id: str, lock: QLockFile) -> None:
        self.folder = folder
        self.slot_id = slot_id
        self._lock = lock

    @property
    def project_path(self) -> Path:
        return self.folder / (self.slot_id + _PROJECT_SUFFIX)

    @property
    def info_path(self) -> Path:
        return self.folder / (self.slot_id + _INFO_SUFFIX)

    @property
    def lock_path(self) -> Path:
        return self.folder / (self.slot_id + _LOCK_SUFFIX)

    def is_locked(self) -> bool:
        return self._lock.isLocked()

    def write(self, project: Project, source: Path | None) -> None:
        """Write the project, then its info, each atomically (:class:`OSError` on failure)."""
        from wizard.fileio import atomic_write_bytes
        from wizard.model.project_file import save_project

        if not self._lock.isLocked() and not self._lock.tryLock(0):
            raise OSError(0, "the autosave folder cannot be locked", str(self.lock_path))
        save_project(project, self.project_path)
        info = {
            "path": str(source) if source else None,
            "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
        }
        import json

        atomic_write_bytes(self.info_path, json.dumps(info).encode("utf-8"))

    def info(self) -> dict[str, Any]:
        """What the info file says (empty when it is missing or unreadable)."""
        import json  # only when there is work to offer: not before a fresh start's first paint

        try:
            data = json.loads(self.info_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def has_work(self) -> bool:
        return self.project_path.is_file()

    def delete_files(self) -> None:
        """Remove the autosaved work (the lock stays with its owner)."""
        for path in (self.project_path, self.info_path):
            try:
                path.unlink()
            except OSError:
                pass

    def release(self) -> None:
        """Give the slot up, keeping any work in it (it is offered at the next start)."""
        if self._lock.isLocked():
            self._lock.unlock()

    def discard(self) -> None:
        """Remove the work and give the slot up."""
        self.delete_files()
        self.release()


def _new_lock(path: Path) -> QLockFile:
    lock = QLockFile(str(path))
    # Held for as long as the window is open: never stale by age, only when its process is gone.
    lock.setStaleLockTime(0)
    return lock


class AutosaveStore:
    """The autosave slots of every window, in ``data_dir/autosaves``."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir / AUTOSAVE_FOLDER

    def new_slot(self) -> AutosaveSlot:
        """A fresh slot for a window, locked by it (the lock is retried when writing)."""
        import secrets

        slot_id = f"{time.time_ns():x}-{os.getpid()}-{secrets.token_hex(3)}"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass
        lock = _new_lock(self.folder / (slot_id + _LOCK_SUFFIX))
        lock.tryLock(0)
        return AutosaveSlot(self.folder, slot_id, lock)

    def _adopt_legacy(self) -> None:
        """Move the single autosave of earlier versions (``autosave.privacy.json`` in the data
        folder, with ``autosave-info.json``) into a slot, so work from before an update is still
        offered."""
        data_dir = self.folder.parent
        old = data_dir / ("autosave" + _PROJECT_SUFFIX)
        if not old.is_file():
            return
        slot_id = f"{int(old.stat().st_mtime * 1e9):x}-0-legacy"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            old_info = data_dir / "autosave-info.json"
            if old_info.is_file():
                os.replace(old_info, self.folder / (slot_id + _INFO_SUFFIX))
            os.replace(old, self.folder / (slot_id + _PROJECT_SUFFIX))
        except OSError:
            pass

    def claim_orphan(self) -> AutosaveSlot | None:
        """The newest autosave whose window is gone, now locked by the caller; ``None`` if none.

        Slots of running windows are skipped (their lock is held); a lock left without work by a
        window that died before its first autosave is removed on the way.
        """
        self._adopt_legacy()
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return None
        projects = []
        for path in entries:
            if path.name.endswith(_PROJECT_SUFFIX) and not path.name.startswith("."):
                try:
                    projects.append((path.stat().st_mtime, path))
                except OSError:
                    continue
        for path in entries:
            if path.name.endswith(_LOCK_SUFFIX):
                slot_id = path.name.removesuffix(_LOCK_SUFFIX)
                if not (self.folder / (slot_id + _PROJECT_SUFFIX)).exists():
                    left = _new_lock(path)
                    if left.tryLock(0):
                        AutosaveSlot(self.folder, slot_id, left).discard()
        for _mtime, path in sorted(projects, reverse=True):
            slot_id = path.name.removesuffix(_PROJECT_SUFFIX)
            lock = _new_lock(self.folder / (slot_id + _LOCK_SUFFIX))
            if lock.tryLock(0):
                slot = AutosaveSlot(self.folder, slot_id, lock)
                if slot.has_work():
                    return slot
                slot.discard()
        return None


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
        from wizard.model.answers import Project

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
