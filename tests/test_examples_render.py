"""Every example, rendered from the command line, carries its own facts in DOCX and PDF.

The files are read back as a reader would see them: python-docx for DOCX (paragraphs, tables,
footer) and pdftotext for PDF. Each applicable element of Articles 13 and 14 is checked against
the example's own answers.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from tests.conftest import EXAMPLES
from wizard.cli import main
from wizard.model import Project, load_project
from wizard.model.answers import LegalBasis

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.privacy.json"))
HOSTILE = '<b>{{ 7*7 }}</b> & "Co" ł€'


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        parts.extend(p.text for p in section.footer.paragraphs)
    return squash("\n".join(parts))


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext"):
        out = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        )
        return squash(out.stdout)
    return squash("\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages))


@cache
def rendered(example: Path, out: Path) -> dict[str, str]:
    assert (
        main(["render", str(example), "--lang", "en", "--format", "docx,pdf", "--out", str(out)])
        == 0
    )
    return {
        "docx": docx_text(out / "privacy-policy-en.docx"),
        "pdf": pdf_text(out / "privacy-policy-en.pdf"),
    }


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    return {
        path.stem.removesuffix(".privacy"): rendered(path, tmp_path_factory.mktemp(path.stem))
        for path in EXAMPLE_FILES
    }


def expected_facts(project: Project) -> list[str]:
    """What a reader must find: Art. 13/14 elements with this project's own facts."""
    from wizard.catalog.authorities import authority

    facts = [project.organisation.legal_name]
    if project.organisation.email:
        facts.append(project.organisation.email)
    if project.dpo:
        facts += [project.dpo.name, project.dpo.email or ""]
    for purpose in project.purposes:
        facts.append(purpose.name.get("en") or "")
        if purpose.legitimate_interest:
            facts.append(purpose.legitimate_interest.get("en") or "")
        if purpose.source:
            facts.append(purpose.source.get("en") or "")
        if purpose.retention.statutory_reference:
            facts.append(purpose.retention.statutory_reference)
    for recipient in project.recipients:
        facts.append(recipient.name)
    if project.cookies.used:
        facts += [c.name for c in project.cookies.items]
    if project.authority.catalog_id:
        found = authority(project.authority.catalog_id)
        assert found is not None
        facts += [found.name_national, found.website]
    if project.children.targets_children and project.children.age_threshold:
        facts.append(f"under the age of {project.children.age_threshold}")
    facts += [
        "Right of access",
        "Right to rectification",
        "Right to erasure",
        "Right to restriction of processing",
        "right to lodge a complaint with a supervisory authority",
    ]
    bases = {p.legal_basis for p in project.purposes}
    if LegalBasis.LEGITIMATE_INTERESTS in bases:
        facts.append("Right to object")
    if LegalBasis.CONSENT in bases:
        facts.append("Right to withdraw consent")
    return [squash(f) for f in facts if f]


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


def _hostile_project(tmp_path: Path) -> Path:
    from tests.test_policy import _fill_every_text
    from wizard.model import save_project

    project = load_project(EXAMPLES / "telehealth-startup.privacy.json")
    _fill_every_text(project, HOSTILE)
    path = tmp_path / "hostile.privacy.json"
    save_project(project, path)
    return path


def test_hostile_text_comes_out_literally_in_both_formats(tmp_path: Path) -> None:
    path = _hostile_project(tmp_path)
    out = tmp_path / "out"
    assert (
        main(["render", str(path), "--lang", "en", "--format", "docx,pdf", "--out", str(out)]) == 0
    )
    for text in (
        docx_text(out / "privacy-policy-en.docx"),
        pdf_text(out / "privacy-policy-en.pdf"),
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
    for text in (docx_text(docx_file), pdf_text(pdf_file)):
        assert project.organisation.legal_name in text
        assert project.purposes[0].name.get(lang) in text
    pdf = pdf_text(pdf_file)
    assert TITLES[lang] in pdf and PAGE_WORD[lang] in pdf
    assert PdfReader(str(pdf_file)).trailer["/Root"]["/Lang"].startswith(lang)
