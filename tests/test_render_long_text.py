"""No text a project file can hold stops a renderer: long names, long words, 10,000 characters.

A long legal name used to crash every DOCX (core properties hold at most 255 characters), and a
long word or a very long text in a table cell crashed the PDF (a row taller than a page). The
text must still be there, whole, for the reader.
"""

from __future__ import annotations

import copy
import io
import json
import unicodedata
from pathlib import Path
from typing import Any

import docx
import pytest

from tests.readback import pypdf_text
from wizard.languages import LANGUAGES
from wizard.model.project_file import loads_project
from wizard.policy.engine import build_document
from wizard.render.docx import PROPERTY_LIMIT, docx_bytes, fit_property
from wizard.render.pdf import pdf_bytes

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "software-company.privacy.json"
LONG_WORD = "Verarbeitungsverzeichnis" * 29  # 696 characters, no space
LONG_TEXT = " ".join(f"Satz{n} mit etwas Inhalt." for n in range(500))[:10_000]


def _project(change: Any) -> Any:
    data = copy.deepcopy(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    change(data)
    return loads_project(json.dumps(data), "test")


def _all_langs(text: str) -> dict[str, str]:
    return {lang: text for lang in LANGUAGES}


def test_fit_property_cuts_on_a_character_boundary() -> None:
    assert fit_property("short") == "short"
    assert fit_property("a\nb\x01") == "a b"
    cut = fit_property("x" * 1000)
    assert len(cut) == PROPERTY_LIMIT and cut.endswith("…")
    # "é" as e + combining accent, placed so that the cut would fall between them.
    accented = "e" * (PROPERTY_LIMIT - 2) + "e\u0301" * 10
    cut = fit_property(accented)
    assert cut == "e" * (PROPERTY_LIMIT - 2) + "…"  # no letter loses its accent
    assert not unicodedata.combining(cut[-2])


@pytest.mark.parametrize("length", [207, 300, 10_000])
def test_a_long_legal_name_renders_in_docx_with_fitted_properties(length: int) -> None:
    name = ("Nordlicht Software und Beratung " * 400)[:length].strip() + " BV"
    project = _project(lambda d: d["organisation"].update(legal_name=name))
    document = build_document(project, "fr")
    core = docx.Document(io.BytesIO(docx_bytes(document))).core_properties
    for value in (core.title, core.subject, core.author):
        assert len(value) <= PROPERTY_LIMIT
    assert core.author == fit_property(name)
    assert core.subject.endswith("…") or name in core.subject
    body = docx.Document(io.BytesIO(docx_bytes(document)))
    assert any(name in p.text for p in body.paragraphs)  # the text itself is whole


@pytest.mark.parametrize(
    ("where", "text"),
    [
        ("purpose", LONG_WORD),
        ("purpose", "y" * 10_000),
        ("purpose", LONG_TEXT),
        ("cookie", "c" * 3_000),
        ("recipient", LONG_TEXT),
    ],
    ids=["word-685", "word-10000", "text-10000", "cookie-word", "recipient-text"],
)
def test_long_text_in_a_table_cell_renders_whole_in_the_pdf(where: str, text: str) -> None:
    def change(d: dict[str, Any]) -> None:
        if where == "purpose":
            d["purposes"][0]["name"] = _all_langs(text)
        elif where == "cookie":
            d["cookies"]["items"][0]["name"] = text
        else:
            d["recipients"][0]["name"] = text

    document = build_document(_project(change), "de")
    data = pdf_bytes(document)
    seen = "".join(pypdf_text(data, "").split())
    expected = "".join(document.text().split())
    # Every character of the long text reaches the page (broken over lines and pages).
    squashed = "".join(text.split())
    assert expected.count(squashed) >= 1
    for piece in (squashed[:40], squashed[len(squashed) // 2 :][:40], squashed[-40:]):
        assert piece in seen
    letter = squashed[0]
    assert seen.count(letter) >= expected.count(letter) * 0.99
    docx_text = "\n".join(
        cell.text
        for table in docx.Document(io.BytesIO(docx_bytes(document))).tables
        for row in table.rows
        for cell in row.cells
    )
    assert text in docx_text


def test_a_long_row_does_not_forbid_splitting_in_the_docx() -> None:
    """Word cannot show a row taller than a page that may not split: only short rows keep together."""
    project = _project(lambda d: d["purposes"][0].update(name=_all_langs(LONG_TEXT)))
    out = docx.Document(io.BytesIO(docx_bytes(build_document(project, "en"))))
    for table in out.tables:
        for row in table.rows:
            cant_split = row._tr.trPr is not None and row._tr.trPr.find(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cantSplit"
            )
            if LONG_TEXT in "".join(c.text for c in row.cells):
                assert cant_split is None
