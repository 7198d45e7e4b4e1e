"""Generated documents read back as their readers see them: DOCX through python-docx, PDF
through poppler's ``pdftotext`` (pypdf where poppler is missing, or where a test wants pypdf's
reading), HTML as the visible text of its body. Every test reads documents back through these
helpers rather than its own copy.

A ``source`` is a file's path or its bytes.
"""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from pypdf import PdfReader

from wizard.model.answers import Project
from wizard.policy.engine import build_document
from wizard.render.docx import docx_bytes, render_docx
from wizard.render.html import html_text
from wizard.render.pdf import render_pdf

Source = Path | bytes


def squash(text: str) -> str:
    """White space (line breaks, no-break spaces) as single spaces, the ends stripped."""
    return re.sub(r"\s+", " ", text).strip()


def flat(text: str) -> str:
    """:func:`squash` with soft hyphens removed: words a renderer may break read whole."""
    return squash(text.replace("\u00ad", ""))


def fold_spaces(text: str) -> str:
    """Runs of white space as single spaces, no-break spaces kept (French typography)."""
    return re.sub(r"[^\S\u00a0]+", " ", text)


def open_docx(source: Source) -> DocxDocument:
    """The DOCX ``source`` opened with python-docx."""
    return docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))


def docx_paragraphs(source: Source) -> list[str]:
    """The text of each paragraph of the DOCX's body, tables left out."""
    return [p.text for p in open_docx(source).paragraphs]


def docx_text(source: Source, *, footers: bool = False) -> str:
    """The text of a DOCX, one line each: the body's paragraphs, then the table cells row by
    row, then (with ``footers``) the footers' paragraphs."""
    document = open_docx(source)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    if footers:
        for section in document.sections:
            parts.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(parts)


def pdf_text(source: Source, *options: str) -> str:
    """The text a reader sees in a PDF, through ``pdftotext`` (with ``options`` such as
    ``-layout``); through pypdf when poppler is not installed."""
    if shutil.which("pdftotext") is None:
        return pypdf_text(source)
    command = ["pdftotext", "-enc", "UTF-8", *options]
    if isinstance(source, bytes):
        return subprocess.run(
            [*command, "-", "-"], input=source, capture_output=True, check=True
        ).stdout.decode("utf-8")
    return subprocess.run(
        [*command, str(source), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")


def pypdf_text(source: Source, separator: str = "\n") -> str:
    """The text of a PDF as pypdf extracts it, its pages joined by ``separator``."""
    reader = PdfReader(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    return separator.join(page.extract_text() or "" for page in reader.pages)


def html_visible_text(page: Path | str | bytes) -> str:
    """The text of an HTML page's body (or of a fragment; a file, its text or its bytes) as a
    reader sees it: tags removed, entities decoded, white space squashed, soft hyphens removed."""
    if isinstance(page, Path):
        page = page.read_bytes()
    text = page.decode("utf-8") if isinstance(page, bytes) else page
    if "<body" in text:
        text = text.split("<body", 1)[1]
    return flat(html.unescape(re.sub(r"<[^>]+>", " ", text)))


def policy_docx_text(project: Project, lang: str) -> str:
    """The policy of ``project`` in ``lang`` as a reader of its DOCX sees it: paragraphs and
    table cells, white space folded (no-break spaces kept)."""
    return fold_spaces(docx_text(docx_bytes(build_document(project, lang))))


def policy_read_back(project: Project, lang: str, stem: Path) -> dict[str, str]:
    """The policy of ``project`` in ``lang`` as a reader of its DOCX (python-docx), PDF
    (pdftotext) and HTML sees it, white space squashed: ``{"docx": ..., "pdf": ..., "html":
    ...}``. The DOCX and PDF files are written as ``stem`` with their suffix."""
    document = build_document(project, lang)
    docx_path, pdf_path = stem.with_suffix(".docx"), stem.with_suffix(".pdf")
    render_docx(document, docx_path)
    render_pdf(document, pdf_path)
    return {
        "docx": squash(docx_text(docx_path)),
        "pdf": squash(pdf_text(pdf_path)),
        "html": html_visible_text(html_text(document)),
    }
