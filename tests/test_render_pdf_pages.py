"""Page numbers that are only known at the end are right: the footer total and the contents.

The PDF is laid out in one pass; the page total and the contents' page numbers are drawn as
forms defined when the last page is known. Read back per page with pypdf.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from benchmarks.large_project import large_project
from tests.projects import EXAMPLE_FILES
from tests.readback import pdf_text
from wizard.model.project_file import load_project
from wizard.policy.document import Document
from wizard.policy.engine import build_document
from wizard.render.pdf import pdf_bytes

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


def _pages(data: bytes) -> list[str]:
    """The text of each page in reading order (pdftotext, as a reader's viewer shows it)."""
    text = pdf_text(data)
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]


def _check_numbers(document: Document, data: bytes) -> None:
    pages = _pages(data)
    total = len(pages)
    footer = document.labels.page_x_of_y
    for number, text in enumerate(pages, start=1):
        expected = footer.replace("{page}", str(number)).replace("{pages}", str(total))
        assert expected in text, (number, text[-80:])
    contents = " ".join(pages[:2])
    for heading in document.headings(2):
        # The contents line: the title, leader dots, then the page the section starts on.
        line = re.search(re.escape(heading.numbered_text) + r"[ .]*?(\d+)", contents)
        assert line is not None, heading.numbered_text
        page = int(line.group(1))
        # The heading itself is on that page, besides its contents line if that is there too.
        body = pages[page - 1]
        as_contents_line = len(re.findall(re.escape(heading.numbered_text) + r" ?\. \.", body))
        assert body.count(heading.numbered_text) > as_contents_line, (heading.numbered_text, page)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["en", "de"])
def test_footer_totals_and_contents_pages_are_right(path: Path, lang: str) -> None:
    document = build_document(load_project(path), lang)
    _check_numbers(document, pdf_bytes(document))


def test_a_long_document_has_right_page_numbers() -> None:
    project = large_project(cookies=300, recipients=60, purposes=30)
    document = build_document(project, "fr")
    data = pdf_bytes(document)
    assert len(PdfReader(io.BytesIO(data)).pages) > 20
    _check_numbers(document, data)


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")
def test_the_file_structure_is_valid(tmp_path: Path) -> None:
    document = build_document(load_project(EXAMPLE_FILES[0]), "nl")
    path = tmp_path / "policy.pdf"
    path.write_bytes(pdf_bytes(document))
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
