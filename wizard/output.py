"""Which files to write for a project, and writing one of them.

Kept apart from the CLI and the GUI so both generate the same files with the same names:
``privacy-policy-<lang>.<format>``. Renderers are imported only when a file is written, so the
wizard's first page does not wait for reportlab or python-docx.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from wizard.model.answers import OutputFormat, Project
from wizard.policy.document import Document

FORMATS: tuple[str, ...] = tuple(f.value for f in OutputFormat)


@dataclass(frozen=True)
class OutputJob:
    """One file to write: the policy in ``lang`` as ``fmt`` at ``path``."""

    lang: str
    fmt: str
    path: Path


def file_name(lang: str, fmt: str) -> str:
    """The plain name of an output file, e.g. ``privacy-policy-nl.pdf``."""
    return f"privacy-policy-{lang}.{fmt}"


def output_jobs(
    project: Project,
    folder: str | os.PathLike[str],
    languages: list[str] | None = None,
    formats: list[str] | None = None,
) -> list[OutputJob]:
    """The files to write, language by language; defaults come from the project's publication."""
    langs = languages if languages is not None else list(project.publication.languages)
    fmts = formats if formats is not None else [f.value for f in project.publication.formats]
    base = Path(folder)
    return [OutputJob(lang, fmt, base / file_name(lang, fmt)) for lang in langs for fmt in fmts]


def render(document: Document, fmt: str, path: Path) -> None:
    """Write ``document`` to ``path`` in ``fmt`` (atomically)."""
    if fmt == "docx":
        from wizard.render.docx import render_docx

        render_docx(document, path)
    elif fmt == "pdf":
        from wizard.render.pdf import render_pdf

        render_pdf(document, path)
    elif fmt == "html":
        from wizard.render.html import render_html

        render_html(document, path)
    elif fmt == "md":
        from wizard.render.markdown import render_markdown

        render_markdown(document, path)
    else:
        raise ValueError(f"unknown output format {fmt!r} (choose from {', '.join(FORMATS)})")


def write_output(project: Project, job: OutputJob, document: Document | None = None) -> Path:
    """Build the document for ``job`` (unless given) and write it; returns the path written."""
    if document is None:
        from wizard.policy.engine import build_document

        document = build_document(project, job.lang)
    render(document, job.fmt, job.path)
    return job.path
