"""Generating the policy files: the one service the command line and the wizard both use.

Files are named ``privacy-policy-<lang>.<format>``. :func:`generate` writes a whole set, all or
nothing:

1. every language is built and rendered to bytes, in parallel worker processes when there are
   several languages (in this process where that is impossible: a frozen app, or workers that
   cannot start);
2. the files are written into a hidden staging folder inside the target folder (same file system,
   so the final step is a rename), named like the app's other temporary files so that one left by
   a killed run is removed by the next;
3. only then is each file renamed into place; if any rename fails, the files already replaced are
   put back (a hard link or copy of each old file is kept in the staging folder until the end).

A failure or a cancel at any point leaves no new file and every existing file untouched. Progress
and cancel are callbacks, so the wizard shows a progress bar and a Stop button and the command line
needs neither. Renderers are imported only when a file is rendered, so the wizard's first page does
not wait for reportlab or python-docx.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from wizard.fileio import (
    atomic_write_bytes,
    fsync_folder,
    new_file_mode,
    remove_stale_temps,
    temp_name,
)
from wizard.model.answers import OutputFormat, Project
from wizard.policy.document import Document

FORMATS: tuple[str, ...] = tuple(f.value for f in OutputFormat)

#: ``progress(done, total)``: ``done`` of ``total`` files are rendered. ``done`` grows, except
#: that it starts again from 0 when workers fail and this process renders everything itself.
ProgressCallback = Callable[[int, int], None]
#: ``cancelled()``: True once the user asked to stop.
CancelCallback = Callable[[], bool]


@dataclass(frozen=True)
class OutputJob:
    """One file to write: the policy in ``lang`` as ``fmt`` at ``path``."""

    lang: str
    fmt: str
    path: Path


class GenerationError(Exception):
    """A file of the set could not be produced; the message names it. Nothing was written."""


class Cancelled(Exception):
    """Generation was stopped by the cancel callback; nothing was written."""


def file_name(lang: str, fmt: str) -> str:
    """The plain name of an output file, e.g. ``privacy-policy-nl.pdf``."""
    return f"privacy-policy-{lang}.{fmt}"


def output_jobs(
    project: Project,
    folder: str | os.PathLike[str],
    languages: Sequence[str] | None = None,
    formats: Sequence[str] | None = None,
) -> list[OutputJob]:
    """The files to write, language by language; defaults come from the project's publication."""
    langs = list(languages) if languages is not None else list(project.publication.languages)
    fmts = list(formats) if formats is not None else [f.value for f in project.publication.formats]
    # Each file once, even when a language or format is named twice (--lang en,en).
    langs, fmts = list(dict.fromkeys(langs)), list(dict.fromkeys(fmts))
    base = Path(folder)
    return [OutputJob(lang, fmt, base / file_name(lang, fmt)) for lang in langs for fmt in fmts]


def render_bytes(document: Document, fmt: str) -> bytes:
    """``document`` as the bytes of a ``fmt`` file."""
    if fmt == "docx":
        from wizard.render.docx import docx_bytes

        return docx_bytes(document)
    if fmt == "pdf":
        from wizard.render.pdf import pdf_bytes

        return pdf_bytes(document)
    if fmt == "html":
        from wizard.render.html import html_text

        return html_text(document).encode("utf-8")
    if fmt == "md":
        from wizard.render.markdown import markdown_text

        return markdown_text(document).encode("utf-8")
    raise ValueError(f"unknown output format {fmt!r} (choose from {', '.join(FORMATS)})")


def write_output(project: Project, job: OutputJob, document: Document | None = None) -> Path:
    """Build the document for ``job`` (unless given) and write that one file atomically."""
    if document is None:
        from wizard.policy.engine import build_document

        document = build_document(project, job.lang)
    atomic_write_bytes(job.path, render_bytes(document, job.fmt))
    return job.path


def _describe(exc: BaseException) -> str:
    from wizard.policy.engine import PolicyError

    if isinstance(exc, PolicyError):
        return "; ".join(exc.problems)
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def render(document: Document, fmt: str, path: Path) -> None:
    """Write ``document`` to ``path`` in ``fmt``, atomically (one file, no gate: the caller
    built the document)."""
    from wizard.fileio import atomic_write_bytes

    atomic_write_bytes(path, render_bytes(document, fmt))


def render_language(
    project: Project, lang: str, formats: Sequence[str], draft: bool = False
) -> dict[str, bytes]:
    """Every format of one language, as bytes (run in a worker process when in parallel); a
    ``draft`` carries the DRAFT mark."""
    from wizard.policy.engine import build_document

    try:
        document = build_document(project, lang, draft=draft)
    except Exception as exc:  # noqa: BLE001 - named and passed on as one message
        raise GenerationError(f"cannot write the policy in '{lang}': {_describe(exc)}") from exc
    out = {}
    for fmt in formats:
        try:
            out[fmt] = render_bytes(document, fmt)
        except Exception as exc:  # noqa: BLE001 - named and passed on as one message
            raise GenerationError(f"{file_name(lang, fmt)}: {_describe(exc)}") from exc
    return out


def worker_count(languages: int) -> int:
    """How many worker processes to render ``languages`` languages in; 1 means this process.

    A frozen app renders in its own process: starting a copy of the app as a worker needs
    multiprocessing support built into it.
    """
    if languages < 2 or getattr(sys, "frozen", False):
        return 1
    return max(1, min(languages, os.cpu_count() or 1))


def _in_process(
    project: Project,
    plan: dict[str, list[str]],
    report: Callable[[int], None],
    cancelled: CancelCallback,
    draft: bool = False,
) -> dict[str, dict[str, bytes]]:
    rendered = {}
    for lang, fmts in plan.items():
        if cancelled():
            raise Cancelled()
        rendered[lang] = render_language(project, lang, fmts, draft)
        report(len(fmts))
    return rendered


class _WorkersUnavailable(Exception):
    """Worker processes could not be started (the caller renders in this process instead)."""


def _in_workers(
    project: Project,
    plan: dict[str, list[str]],
    report: Callable[[int], None],
    cancelled: CancelCallback,
    processes: int,
    context: str | None,
    draft: bool = False,
) -> dict[str, dict[str, bytes]]:
    try:
        ctx = multiprocessing.get_context(context)
        pool = cf.ProcessPoolExecutor(max_workers=processes, mp_context=ctx)
    except (OSError, ValueError, ImportError, NotImplementedError) as exc:
        raise _WorkersUnavailable(str(exc)) from exc
    rendered: dict[str, dict[str, bytes]] = {}
    try:
        try:
            futures = {
                pool.submit(render_language, project, lang, fmts, draft): lang
                for lang, fmts in plan.items()
            }
        except (OSError, RuntimeError, cf.BrokenExecutor) as exc:
            raise _WorkersUnavailable(str(exc)) from exc
        pending = set(futures)
        while pending:
            if cancelled():
                raise Cancelled()
            done, pending = cf.wait(pending, timeout=0.1, return_when=cf.FIRST_COMPLETED)
            for future in done:
                lang = futures[future]
                try:
                    rendered[lang] = future.result()
                except cf.BrokenExecutor as exc:
                    raise _WorkersUnavailable(str(exc)) from exc
                report(len(plan[lang]))
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return rendered


def _stage_and_commit(
    jobs: Sequence[OutputJob], rendered: dict[str, dict[str, bytes]], cancelled: CancelCallback
) -> None:
    """Write every file into a staging folder, then rename them all into place (or none)."""
    folders = {job.path.parent for job in jobs}
    created: list[Path] = []  # folders made here, removed again if nothing is written
    for folder in folders:
        created += [f for f in (folder, *folder.parents) if not f.exists()]
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror or str(exc), str(folder)) from exc
        remove_stale_temps(folder)
    stages: dict[Path, Path] = {}
    try:
        for job in jobs:
            if job.path.is_dir():
                raise IsADirectoryError(21, "a folder has this name", str(job.path))
        for folder in folders:
            stage = folder / temp_name("output")
            try:
                stage.mkdir()
            except OSError as exc:
                raise OSError(exc.errno, exc.strerror or str(exc), str(folder)) from exc
            stages[folder] = stage
        staged: list[tuple[OutputJob, Path]] = []
        for job in jobs:
            new = stages[job.path.parent] / job.path.name
            _write_new(new, rendered[job.lang][job.fmt], new_file_mode(job.path), job.path)
            staged.append((job, new))
        if cancelled():
            raise Cancelled()
        _commit(staged)
        for folder in folders:
            fsync_folder(folder)
    except BaseException:
        for stage in stages.values():
            shutil.rmtree(stage, ignore_errors=True)
        for folder in sorted(created, key=lambda f: len(f.parts), reverse=True):
            try:
                folder.rmdir()
            except OSError:
                pass
        raise
    for stage in stages.values():
        shutil.rmtree(stage, ignore_errors=True)


def _write_new(path: Path, data: bytes, mode: int, target: Path) -> None:
    try:
        with open(path, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.chmod(path, mode)
            os.fsync(handle.fileno())
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror or str(exc), str(target)) from exc


def _keep_old(target: Path, backup: Path) -> bool:
    """Keep the file now at ``target`` as ``backup``; False when there is none."""
    if not target.exists():
        return False
    try:
        os.link(target, backup)
    except OSError:
        shutil.copy2(target, backup)
    return True


def _commit(staged: Sequence[tuple[OutputJob, Path]]) -> None:
    done: list[tuple[Path, Path | None]] = []
    try:
        for job, new in staged:
            backup = new.with_name(new.name + ".old")
            had_old = _keep_old(job.path, backup)
            os.replace(new, job.path)
            done.append((job.path, backup if had_old else None))
    except OSError as exc:
        for replaced, old in reversed(done):
            try:
                if old is None:
                    os.unlink(replaced)
                else:
                    os.replace(old, replaced)
            except OSError:
                pass
        name = exc.filename if isinstance(exc.filename, str) else None
        failed = staged[len(done)][0].path if len(done) < len(staged) else name
        raise OSError(exc.errno, exc.strerror or str(exc), str(failed)) from exc


def generate(
    project: Project,
    folder: str | os.PathLike[str],
    languages: Sequence[str] | None = None,
    formats: Sequence[str] | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCallback | None = None,
    processes: int | None = None,
    mp_context: str | None = None,
    draft: bool = False,
) -> list[Path]:
    """Write the policy of ``project`` into ``folder``, every file or none; returns the paths.

    ``languages`` and ``formats`` default to the project's own choice. ``processes`` is the
    number of worker processes (default: :func:`worker_count`; 1 renders in this process);
    ``mp_context`` the multiprocessing start method (``"spawn"`` from a program with threads,
    such as the wizard). Nothing is written while the review finds a point that must be fixed
    (:class:`~wizard.law.gate.NotPublishable`), unless ``draft``: the files then carry the DRAFT
    mark. Raises :class:`GenerationError` naming the file that could not be
    rendered, :class:`OSError` naming the file that could not be written, or
    :class:`Cancelled`; in each case no file was added or changed.
    """
    jobs = output_jobs(project, folder, languages, formats)
    plan: dict[str, list[str]] = {}
    for job in jobs:
        if job.fmt not in FORMATS:
            raise ValueError(
                f"unknown output format {job.fmt!r} (choose from {', '.join(FORMATS)})"
            )
        plan.setdefault(job.lang, []).append(job.fmt)
    from wizard.law.gate import check_publishable

    check_publishable(project, draft, plan)
    is_cancelled: CancelCallback = cancelled or (lambda: False)
    count = 0

    def report(files: int) -> None:
        nonlocal count
        count += files
        if progress is not None:
            progress(count, len(jobs))

    workers = worker_count(len(plan)) if processes is None else max(1, processes)
    rendered: dict[str, dict[str, bytes]] | None = None
    if workers > 1 and len(plan) > 1:
        try:
            rendered = _in_workers(project, plan, report, is_cancelled, workers, mp_context, draft)
        except _WorkersUnavailable:
            count = 0
            rendered = None
    if rendered is None:
        rendered = _in_process(project, plan, report, is_cancelled, draft)
    if is_cancelled():
        raise Cancelled()
    _stage_and_commit(jobs, rendered, is_cancelled)
    return [job.path for job in jobs]
