"""Generating the policy files: the one service the command line and the wizard both use.

Files are named ``privacy-policy-<lang>.<format>``, and for the other documents (a kind is a
parameter: ``policy``, ``notice``, ``records``, ``consent``) ``privacy-notice-<lang>``,
``records-of-processing-<lang>`` (also as ``.xlsx``) and ``consent-texts-<lang>``. :func:`generate` writes a whole set, all or
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
    """One file to write: the document ``variant`` (a key of :data:`wizard.documents.STEMS`,
    the policy by default) in ``lang`` as ``fmt`` at ``path``."""

    lang: str
    fmt: str
    path: Path
    variant: str = "policy"

    @property
    def kind(self) -> str:
        """The document kind (the children's notice is a notice)."""
        return self.variant.removesuffix("-children")


class GenerationError(Exception):
    """A file of the set could not be produced; the message names it. Nothing was written."""


class Cancelled(Exception):
    """Generation was stopped by the cancel callback; nothing was written."""


def file_name(lang: str, fmt: str, variant: str = "policy") -> str:
    """The plain name of an output file, e.g. ``privacy-policy-nl.pdf``."""
    from wizard.documents import STEMS

    return f"{STEMS[variant]}-{lang}.{fmt}"


def output_jobs(
    project: Project,
    folder: str | os.PathLike[str],
    languages: Sequence[str] | None = None,
    formats: Sequence[str] | None = None,
    documents: Sequence[str] | None = None,
) -> list[OutputJob]:
    """The files to write, document by document and language by language; defaults come from
    the project's publication. The record of processing activities is also written as XLSX."""
    from wizard.documents import extra_formats, outputs

    langs = list(languages) if languages is not None else list(project.publication.languages)
    fmts = list(formats) if formats is not None else [f.value for f in project.publication.formats]
    kinds = (
        list(documents)
        if documents is not None
        else [d.value for d in project.publication.documents]
    )
    # Each file once, even when a language or format is named twice (--lang en,en).
    langs, fmts, kinds = (list(dict.fromkeys(x)) for x in (langs, fmts, kinds))
    base = Path(folder)
    jobs = []
    for kind in kinds:
        kind_formats = [*fmts, *extra_formats(kind, fmts)]
        for out in outputs(project, kind):
            jobs += [
                OutputJob(lang, fmt, base / file_name(lang, fmt, out.variant), out.variant)
                for lang in langs
                for fmt in kind_formats
            ]
    return jobs


def build(project: Project, job: OutputJob) -> Document:
    """The document ``job`` writes (for every format but XLSX)."""
    from wizard.documents import build as build_variant

    return build_variant(project, job.variant, job.lang)


def xlsx_bytes(project: Project, lang: str) -> bytes:
    """The record of processing activities of ``project`` in ``lang`` as an XLSX workbook."""
    from wizard.documents.records import records_sheet
    from wizard.render.xlsx import xlsx_bytes as sheet_bytes

    return sheet_bytes(records_sheet(project, lang), lang)


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
    if job.fmt == "xlsx":
        atomic_write_bytes(job.path, xlsx_bytes(project, job.lang))
        return job.path
    if document is None:
        document = build(project, job)
    if job.fmt.startswith("snippet."):
        from wizard.documents.snippets import snippet_text

        text = snippet_text(project, job.variant, document, job.fmt)
        atomic_write_bytes(job.path, text.encode("utf-8"))
        return job.path
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
    atomic_write_bytes(path, render_bytes(document, fmt))


def render_language(
    project: Project,
    lang: str,
    formats: Sequence[str],
    variant: str = "policy",
    draft: bool = False,
) -> dict[str, bytes]:
    """Every format of one document in one language, as bytes (run in a worker process when in
    parallel); a ``draft`` carries the DRAFT mark."""
    from wizard.documents import STEMS
    from wizard.documents import build as build_variant

    out = {}
    if any(fmt != "xlsx" for fmt in formats):
        try:
            document = build_variant(project, variant, lang, draft)
        except Exception as exc:  # noqa: BLE001 - named and passed on as one message
            what = "the policy" if variant == "policy" else STEMS[variant]
            raise GenerationError(f"cannot write {what} in '{lang}': {_describe(exc)}") from exc
    for fmt in formats:
        try:
            if fmt == "xlsx":
                out[fmt] = xlsx_bytes(project, lang)
            elif fmt.startswith("snippet."):
                from wizard.documents.snippets import snippet_text

                out[fmt] = snippet_text(project, variant, document, fmt).encode("utf-8")
            else:
                out[fmt] = render_bytes(document, fmt)
        except Exception as exc:  # noqa: BLE001 - named and passed on as one message
            raise GenerationError(f"{file_name(lang, fmt, variant)}: {_describe(exc)}") from exc
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
    plan: dict[tuple[str, str], list[str]],
    report: Callable[[int], None],
    cancelled: CancelCallback,
    draft: bool = False,
) -> dict[tuple[str, str], dict[str, bytes]]:
    rendered = {}
    for (variant, lang), fmts in plan.items():
        if cancelled():
            raise Cancelled()
        rendered[variant, lang] = render_language(project, lang, fmts, variant, draft)
        report(len(fmts))
    return rendered


class _WorkersUnavailable(Exception):
    """Worker processes could not be started (the caller renders in this process instead)."""


def _in_workers(
    project: Project,
    plan: dict[tuple[str, str], list[str]],
    report: Callable[[int], None],
    cancelled: CancelCallback,
    processes: int,
    context: str | None,
    draft: bool = False,
) -> dict[tuple[str, str], dict[str, bytes]]:
    try:
        ctx = multiprocessing.get_context(context)
        pool = cf.ProcessPoolExecutor(max_workers=processes, mp_context=ctx)
    except (OSError, ValueError, ImportError, NotImplementedError) as exc:
        raise _WorkersUnavailable(str(exc)) from exc
    rendered: dict[tuple[str, str], dict[str, bytes]] = {}
    try:
        try:
            futures = {
                pool.submit(render_language, project, key[1], fmts, key[0], draft): key
                for key, fmts in plan.items()
            }
        except (OSError, RuntimeError, cf.BrokenExecutor) as exc:
            raise _WorkersUnavailable(str(exc)) from exc
        pending = set(futures)
        while pending:
            if cancelled():
                raise Cancelled()
            done, pending = cf.wait(pending, timeout=0.1, return_when=cf.FIRST_COMPLETED)
            for future in done:
                key = futures[future]
                try:
                    rendered[key] = future.result()
                except cf.BrokenExecutor as exc:
                    raise _WorkersUnavailable(str(exc)) from exc
                report(len(plan[key]))
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return rendered


def _stage_and_commit(
    jobs: Sequence[OutputJob],
    rendered: dict[tuple[str, str], dict[str, bytes]],
    cancelled: CancelCallback,
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
            data = rendered[job.variant, job.lang][job.fmt]
            _write_new(new, data, new_file_mode(job.path), job.path)
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


def _check_record(project: Project) -> None:
    """The gate of the record of processing activities: nothing is written while a point of
    Art. 30(1) GDPR that the record must contain is missing."""
    from wizard.documents.records_check import record_findings, record_report

    must_fix = [f for f in record_findings(project) if f.severity == "error"]
    if must_fix:
        raise GenerationError(
            "the record of processing activities cannot be written until this is fixed: "
            + record_report(must_fix).replace("\n", "; ")
        )


def generate(
    project: Project,
    folder: str | os.PathLike[str],
    languages: Sequence[str] | None = None,
    formats: Sequence[str] | None = None,
    documents: Sequence[str] | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCallback | None = None,
    processes: int | None = None,
    mp_context: str | None = None,
    draft: bool = False,
) -> list[Path]:
    """Write the documents of ``project`` into ``folder``, every file or none; returns the paths.

    ``languages``, ``formats`` and ``documents`` (kinds: ``policy``, ``notice``, ``records``,
    ``consent``) default to the project's own choice. ``processes`` is the
    number of worker processes (default: :func:`worker_count`; 1 renders in this process);
    ``mp_context`` the multiprocessing start method (``"spawn"`` from a program with threads,
    such as the wizard). Nothing is written while the review finds a point that must be fixed
    (:class:`~wizard.law.gate.NotPublishable`), unless ``draft``: the files then carry the DRAFT
    mark. Raises :class:`GenerationError` naming the file that could not be
    rendered, :class:`OSError` naming the file that could not be written, or
    :class:`Cancelled`; in each case no file was added or changed.
    """
    from wizard.documents import extra_formats

    jobs = output_jobs(project, folder, languages, formats, documents)
    plan: dict[tuple[str, str], list[str]] = {}
    for job in jobs:
        if job.fmt not in FORMATS and job.fmt not in extra_formats(job.kind, FORMATS):
            raise ValueError(
                f"unknown output format {job.fmt!r} (choose from {', '.join(FORMATS)})"
            )
        plan.setdefault((job.variant, job.lang), []).append(job.fmt)
    from wizard.law.gate import check_publishable

    check_publishable(project, draft, dict.fromkeys(lang for _variant, lang in plan))
    if not draft and any(variant == "records" for variant, _lang in plan):
        _check_record(project)
    is_cancelled: CancelCallback = cancelled or (lambda: False)
    count = 0

    def report(files: int) -> None:
        nonlocal count
        count += files
        if progress is not None:
            progress(count, len(jobs))

    workers = worker_count(len(plan)) if processes is None else max(1, processes)
    rendered: dict[tuple[str, str], dict[str, bytes]] | None = None
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
