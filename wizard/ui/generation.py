"""Generating the documents from the Output page: the worker thread that runs
:func:`wizard.output.generate` (all files or none), and the two questions asked before a run
(replace existing files; make a draft while the review blocks publishing).

The page decides what to generate and records the version afterwards; this module only runs one
generation off the GUI thread and reports its progress and outcome.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from wizard.model.answers import Project
from wizard.ui.tr import _, ngettext


class GenerateWorker(QObject):
    """Runs :func:`wizard.output.generate` in a worker thread: all files or none.

    ``progress`` counts the files rendered; ``written`` lists the files once all of them are in
    place; a cancel or a failure leaves the folder as it was.
    """

    progress = Signal(int)
    written = Signal(list)
    failed = Signal(str)
    done = Signal(bool)

    def __init__(self, project: Project, folder: Path, draft: bool = False) -> None:
        super().__init__()
        self._project = project
        self._folder = folder
        self._draft = draft
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        from wizard.output import Cancelled, GenerationError, generate

        try:
            paths = generate(
                self._project,
                self._folder,
                progress=lambda count, _total: self.progress.emit(count),
                cancelled=self._cancel.is_set,
                # Worker processes are started fresh: forking a process with Qt threads is unsafe.
                mp_context="spawn",
                draft=self._draft,
            )
        except Cancelled:
            self.done.emit(True)
            return
        except OSError as exc:
            self.failed.emit(f"{exc.filename or self._folder}: {exc.strerror or exc}")
            self.done.emit(False)
            return
        except GenerationError as exc:
            self.failed.emit(str(exc))
            self.done.emit(False)
            return
        except Exception as exc:  # noqa: BLE001 - any failure is shown to the user
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            self.done.emit(False)
            return
        self.written.emit([str(p) for p in paths])
        self.done.emit(False)


class GenerationRun(QObject):
    """At most one generation at a time, in its own thread; ``finished`` (cancelled or not)
    comes after the thread has ended, so a new run can start from its handler."""

    progress = Signal(int)
    written = Signal(list)
    failed = Signal(str)
    finished = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: GenerateWorker | None = None

    def running(self) -> bool:
        return self._thread is not None

    def start(self, project: Project, folder: Path, draft: bool) -> None:
        """Write ``project``'s documents into ``folder`` (``project`` is copied first)."""
        assert self._thread is None, "one generation at a time"
        self._thread = QThread(self)
        self._worker = GenerateWorker(project.model_copy(deep=True), folder, draft)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        self._worker.written.connect(self.written)
        self._worker.failed.connect(self.failed)
        self._worker.done.connect(self._done)
        self._thread.start()

    def cancel(self) -> bool:
        """Ask the run to stop after the current file; False when nothing runs."""
        if self._worker is None:
            return False
        self._worker.cancel()
        return True

    def stop_and_wait(self) -> None:
        """Cancel a run and wait for its thread (used when the window closes)."""
        if self._thread is not None and self._worker is not None:
            self._worker.cancel()
            self._thread.quit()
            self._thread.wait()

    def _done(self, cancelled: bool) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread = None
        self._worker = None
        self.finished.emit(cancelled)


def ask_to_replace(parent: QWidget, folder: Path, existing: list[Path]) -> bool:
    """True when the person agrees to replace ``existing`` files in ``folder``."""
    names = "\n".join(p.name for p in existing)
    answer = QMessageBox.question(
        parent,
        _("Replace files?"),
        _("These files already exist in {folder}:").format(folder=folder)
        + f"\n\n{names}\n\n"
        + _("Replace them?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_for_draft(parent: QWidget, lines: list[str]) -> bool:
    """Say what keeps the policy from being published (``lines``); True when the person asks
    for a draft instead."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("The policy cannot be published yet"))
    box.setText(
        ngettext(
            "{count} point must be fixed before the policy is published:",
            "{count} points must be fixed before the policy is published:",
            len(lines),
        ).format(count=len(lines))
        + "\n\n"
        + "\n".join(f"\u2022 {line}" for line in lines)
    )
    box.setInformativeText(
        _(
            "You can fix them (the Review page shows where), or make a draft now: every "
            "page of a draft is marked DRAFT, and it is not recorded as a published version."
        )
    )
    make = box.addButton(_("Make a &draft"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is make
