"""Every example, rendered from the command line, carries its own facts in DOCX and PDF.

The files are read back as a reader would see them: python-docx for DOCX (paragraphs, tables,
footer) and pdftotext for PDF. Each applicable element of Articles 13 and 14 is checked against
the example's own answers.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from tests.projects import EXAMPLE_FILES, EXAMPLES, HOSTILE, expected_facts, hostile_project_file
from tests.readback import docx_text, pdf_text, squash
from wizard.cli import main
from wizard.model import load_project


@cache
def rendered(example: Path, out: Path) -> dict[str, str]:
    assert (
        main(["render", str(example), "--lang", "en", "--format", "docx,pdf", "--out", str(out)])
        == 0
    )
    return {
        "docx": squash(docx_text(out / "privacy-policy-en.docx", footers=True)),
        "pdf": squash(pdf_text(out / "privacy-policy-en.pdf")),
    }


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    return {
        path.stem.removesuffix(".privacy"): rendered(path, tmp_path_factory.mktemp(path.stem))
        for path in EXAMPLE_FILES
    }


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem.removesuffix(".privacy"))
def test_example_carries_its_own_facts(
    path: Path, fmt: str, outputs: dict[str, dict[str, str]]
) -> None:
    text = outputs[path.stem.removesuffix(".privacy")][fmt]
    project = load_project(path)
    # Narrow table columns may wrap a long name (a cookie called "_ga_<container-id>") inside a
    # word, so facts are compared without white space.
    bare = re.sub(r"\s+", "", text)
    missing = [fact for fact in expected_facts(project) if re.sub(r"\s+", "", fact) not in bare]
    assert not missing, f"{fmt} lacks: {missing}"


def test_retention_periods_and_safeguards_reach_the_reader(
    outputs: dict[str, dict[str, str]],
) -> None:
    tele = outputs["telehealth-startup"]
    for fmt in ("docx", "pdf"):
        text = tele[fmt]
        assert "10 years after the end of the treatment" in text
        assert "30 days after you close your account" in text
        assert "90 days after collection" in text
        assert "EU-U.S. Data Privacy Framework" in text
        assert "United States" in text
        assert "13 months" in text


def test_footer_and_page_numbers(tmp_path: Path) -> None:
    example = EXAMPLES / "telehealth-startup.privacy.json"
    assert (
        main(
            ["render", str(example), "--lang", "en", "--format", "docx,pdf", "--out", str(tmp_path)]
        )
        == 0
    )
    document = docx.Document(str(tmp_path / "privacy-policy-en.docx"))
    footer_xml = document.sections[0].footer._element.xml
    assert "Klarblick Health GmbH" in footer_xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    reader = PdfReader(str(tmp_path / "privacy-policy-en.pdf"))
    pages = len(reader.pages)
    assert pages >= 3
    first = squash(reader.pages[0].extract_text())
    assert f"Page 1 of {pages}" in first
    assert "Effective 15 November 2026" in first
    assert reader.metadata.title == "Privacy policy"
    assert reader.metadata.author == "Klarblick Health GmbH"


def test_hostile_text_comes_out_literally_in_both_formats(tmp_path: Path) -> None:
    path = hostile_project_file(tmp_path)
    out = tmp_path / "out"
    assert (
        main(["render", str(path), "--lang", "en", "--format", "docx,pdf", "--out", str(out)]) == 0
    )
    for text in (
        squash(docx_text(out / "privacy-policy-en.docx", footers=True)),
        squash(pdf_text(out / "privacy-policy-en.pdf")),
    ):
        assert text.count(HOSTILE) >= 10
        assert " 49 " not in text
    document = docx.Document(str(out / "privacy-policy-en.docx"))
    bold_hostile = [
        run
        for p in document.paragraphs
        for run in p.runs
        if "7*7" in run.text and run.bold and "<b>" not in run.text
    ]
    assert not bold_hostile
    assert PdfReader(str(out / "privacy-policy-en.pdf")).metadata.author == HOSTILE


TITLES = {
    "en": "Privacy policy",
    "nl": "Privacyverklaring",
    "fr": "Politique de confidentialité",
    "de": "Datenschutzerklärung",
}
PAGE_WORD = {"en": "Page", "nl": "Pagina", "fr": "Page", "de": "Seite"}


@pytest.mark.parametrize("lang", sorted(TITLES))
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem.removesuffix(".privacy"))
def test_every_example_in_every_language_and_format(path: Path, lang: str, tmp_path: Path) -> None:
    project = load_project(path)
    args = ["render", str(path), "--lang", lang, "--format", "docx,pdf", "--out", str(tmp_path)]
    assert main(args) == 0
    docx_file = tmp_path / f"privacy-policy-{lang}.docx"
    pdf_file = tmp_path / f"privacy-policy-{lang}.pdf"
    document = docx.Document(str(docx_file))
    assert document.paragraphs[0].text == TITLES[lang]
    assert document.core_properties.language.startswith(lang)
    for text in (squash(docx_text(docx_file, footers=True)), squash(pdf_text(pdf_file))):
        assert project.organisation.legal_name in text
        assert project.purposes[0].name.get(lang) in text
    pdf = squash(pdf_text(pdf_file))
    assert TITLES[lang] in pdf and PAGE_WORD[lang] in pdf
    assert PdfReader(str(pdf_file)).trailer["/Root"]["/Lang"].startswith(lang)
