"""A line break the policy's template writes inside a paragraph or a list item (the address,
website and e-mail of an authority under another law, each on its own line) stays a line break
in every format and language, instead of running the address into the sentence before it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import pytest

from tests.projects import example
from wizard.languages import LANGUAGES
from wizard.policy.engine import build_document
from wizard.render.docx import render_docx
from wizard.render.markdown import markdown_text
from wizard.render.pdf import render_pdf


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_an_other_authoritys_address_is_on_a_line_of_its_own(lang: str, tmp_path: Path) -> None:
    project = example("software-company")
    (authority,) = project.other_authorities
    assert authority.address and authority.website
    doc = build_document(project, lang)

    md_lines = [line.strip().rstrip("\\") for line in markdown_text(doc).splitlines()]
    assert authority.address in md_lines, lang
    assert not any(authority.address in line and authority.name in line for line in md_lines)

    render_docx(doc, tmp_path / "p.docx")
    (item,) = [
        p.text
        for p in docx.Document(str(tmp_path / "p.docx")).paragraphs
        if authority.name in p.text
    ]
    assert f"\n{authority.address}\n{authority.website}" in item, (lang, item)

    render_pdf(doc, tmp_path / "p.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "p.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert authority.address in [line.strip() for line in text.splitlines()], lang
