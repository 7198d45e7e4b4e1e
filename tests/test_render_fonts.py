"""The PDF shows Greek, Cyrillic, Arabic and Hebrew, and names every character it cannot show.

Read back the way a reader sees the file: pdftotext (which puts right-to-left text back in
reading order) and pdffonts for the embedded fonts.
"""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from tests.projects import EXAMPLE_FILES, ROOT
from tests.readback import pdf_text
from wizard.cli import main
from wizard.model.project_file import loads_project
from wizard.policy.engine import build_document
from wizard.render.docx import EMBEDDED_FONTS
from wizard.render.fonts import (
    FALLBACKS,
    MAIN,
    font_runs,
    missing_characters,
    missing_in_pdf,
)
from wizard.render.pdf import pdf_bytes
from wizard.resources import resource
from wizard.review import review

EXAMPLE = ROOT / "examples" / "software-company.privacy.json"

GREEK = "Ιατρείο Αθηνών"
CYRILLIC = "Клиника Москва"
ARABIC = "شركة الأمل"
HEBREW = "מרכז רפואי"

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils not installed",
)


def _data(change: Any) -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    change(data)
    return data


def _pdf(tmp_path: Path, data: dict[str, Any], lang: str = "en") -> Path:
    document = build_document(loads_project(json.dumps(data), "test"), lang)
    path = tmp_path / "policy.pdf"
    path.write_bytes(pdf_bytes(document))
    return path


def _set_names(d: dict[str, Any]) -> None:
    d["organisation"]["legal_name"] = f"{ARABIC} BV"
    d["recipients"][0]["name"] = HEBREW
    d["purposes"][0]["name"]["en"] = f"Support: {GREEK}, {CYRILLIC}"


@needs_poppler
def test_other_scripts_reach_the_page_in_reading_order(tmp_path: Path) -> None:
    path = _pdf(tmp_path, _data(_set_names))
    text = pdf_text(path)
    # Arabic is drawn in its joined (presentation) forms; NFKC gives back the letters.
    seen = unicodedata.normalize("NFKC", text)
    for words in (GREEK, CYRILLIC, HEBREW, ARABIC):
        assert words in seen, words
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout
    for family in ("NotoSans-Regular", "NotoSansArabic-Regular", "NotoSansHebrew-Regular"):
        line = next(line for line in fonts.splitlines() if family in line)
        assert line.split()[-5:-2] == ["yes", "yes", "yes"], line  # embedded, subset, unicode


@needs_poppler
def test_documents_in_our_languages_embed_only_noto_sans(tmp_path: Path) -> None:
    path = _pdf(tmp_path, _data(lambda d: None), "de")
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "Arabic" not in fonts and "Hebrew" not in fonts


def test_arabic_is_joined_and_right_to_left() -> None:
    runs = font_runs(f"Praxis {ARABIC} 12, GmbH")
    families = [f.name for f, _ in runs]
    assert families == ["NotoSans", "NotoSansArabic", "NotoSans"]
    assert runs[1][1] == ARABIC + " 12"
    assert runs[2][1] == ", GmbH"  # punctuation after the run belongs to the Latin text


def test_missing_characters_names_what_no_font_has() -> None:
    assert missing_characters(f"{GREEK} {CYRILLIC} {ARABIC} {HEBREW} é ß ł € ĳ") == ""
    assert missing_characters("Tokyo 東京 😀 東") == "東京😀"
    # Invisible helpers are not reported: variation selector, zero-width joiner, tab.
    assert missing_characters("a\ufe0f\u200d\tb") == ""


def test_missing_in_pdf_names_the_field() -> None:
    found = missing_in_pdf(
        {"organisation": {"legal_name": "X 株式会社"}, "purposes": [{"n": "ok"}]}
    )
    assert [(m.field, m.characters) for m in found] == [("organisation.legal_name", "株式会社")]
    assert "株 (U+682A)" in found[0].described()


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_the_examples_have_nothing_the_pdf_cannot_show(path: Path) -> None:
    assert missing_in_pdf(json.loads(path.read_text(encoding="utf-8"))) == []


def test_check_and_review_name_the_characters_and_the_field() -> None:
    data = _data(lambda d: d["purposes"][1]["name"].update(en="Newsletter 📰 ニュース"))
    report = review(loads_project(json.dumps(data), "test"), "en")
    found = [f for f in report.findings if f.code == "pdf_missing_characters"]
    assert [f.field for f in found] == ["purposes[1].name.en"]
    assert "📰" in found[0].text() and "ニ" in found[0].text()
    assert found[0].severity.value == "warning"


def test_scripts_the_fonts_show_give_no_finding_wherever_they_are() -> None:
    from wizard.review import pdf_font_findings

    data = _data(lambda d: d["purposes"][1]["name"].update(en=f"{GREEK} {ARABIC} {HEBREW} ĳ"))
    assert pdf_font_findings(loads_project(json.dumps(data), "test")) == []
    # A character the fonts lack in the last text of the file is still found.
    data = _data(lambda d: d["purposes"][-1]["name"].update(de="Ärzte 😀"))
    found = pdf_font_findings(loads_project(json.dumps(data), "test"))
    assert [f.field for f in found] == [f"purposes[{len(data['purposes']) - 1}].name.de"]


def test_render_warns_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "p.privacy.json"
    project.write_text(
        json.dumps(_data(lambda d: d["organisation"].update(legal_name="漢字 BV"))),
        encoding="utf-8",
    )
    args = ["render", str(project), "--lang", "en", "--format", "pdf,md", "--out"]
    assert main([*args, str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "organisation.legal_name" in err and "漢 (U+6F22)" in err
    assert main([*args, str(tmp_path / "md"), "--format", "md"]) == 0
    assert capsys.readouterr().err == ""  # only the PDF has the problem


def test_bundled_fonts_are_listed_with_source_licence_and_checksum() -> None:
    readme = resource("fonts", "README.md").read_text(encoding="utf-8")
    assert "SIL Open Font License" in readme and resource("fonts", "LICENSE-OFL.txt").is_file()
    names = {n for family in (MAIN, *FALLBACKS) for n in family.files}
    names |= {filename for _, filename in EMBEDDED_FONTS}
    for name in sorted(names):
        digest = hashlib.sha256(resource("fonts", name).read_bytes()).hexdigest()
        assert f"{digest}  {name}" in readme, name
