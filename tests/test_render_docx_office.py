"""The DOCX looks like the PDF in Word and LibreOffice, on a machine without our font.

The file carries its font (Noto Sans, embedded and obfuscated as Office Open XML requires), lets
tables break across pages with the header row repeated, sizes columns so that no word is broken
in the middle, and allows hyphenation in the document's language. LibreOffice (headless, its own
profile, one call for all files) converts every example in every language; its PDF is compared
with the PDF the app writes.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from fontTools.ttLib import TTFont

from tests.projects import EXAMPLE_FILES
from tests.readback import pdf_text, squash
from wizard import languages
from wizard.languages import LANGUAGES
from wizard.model.project_file import load_project
from wizard.policy.document import Table
from wizard.policy.engine import build_document
from wizard.render.docx import FONT, docx_bytes
from wizard.render.fonts import text_width
from wizard.render.pdf import pdf_bytes

LANGS = tuple(LANGUAGES)
CASES = [(path, lang) for path in EXAMPLE_FILES for lang in LANGS]
IDS = [f"{p.stem.removesuffix('.privacy')}-{lang}" for p, lang in CASES]

#: The DOCX is made for editing (10.5 pt body text, Word's paragraph spacing, no table of
#: contents) and the PDF for reading (10 pt, a contents list): their lengths differ by the
#: contents list and a little spacing, which on 5-8 page policies is at most one page. A page
#: more than that means a layout fault, such as a table jumping to the next page.
PAGE_TOLERANCE = 1

needs_office = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdffonts") is None,
    reason="LibreOffice (libreoffice-writer-nogui) or poppler-utils not installed",
)


def _stem(path: Path, lang: str) -> str:
    return f"{path.stem.removesuffix('.privacy')}-{lang}"


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every example in every language as DOCX and app PDF, and LibreOffice's PDF of each DOCX."""
    folder = tmp_path_factory.mktemp("office")
    for path in EXAMPLE_FILES:
        project = load_project(path)
        for lang in LANGS:
            document = build_document(project, lang)
            (folder / f"{_stem(path, lang)}.docx").write_bytes(docx_bytes(document))
            (folder / f"{_stem(path, lang)}.app.pdf").write_bytes(pdf_bytes(document))
    if shutil.which("soffice"):
        profile = tmp_path_factory.mktemp("office-profile")
        subprocess.run(
            [
                "soffice",
                "--headless",
                f"-env:UserInstallation={profile.as_uri()}",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder / "office"),
                *sorted(str(p) for p in folder.glob("*.docx")),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
    return folder


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    line = next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
    return int(line.split()[1])


def _fonts(pdf: Path) -> set[str]:
    """Base names of the fonts a PDF uses (without the subset prefix), and whether embedded."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    fonts = set()
    for line in out.stdout.splitlines()[2:]:
        name, *_rest = line.split()
        embedded = line.split()[-5]
        fonts.add(f"{name.split('+')[-1]} embedded={embedded}")
    return fonts


@needs_office
@pytest.mark.parametrize(("path", "lang"), CASES, ids=IDS)
def test_libreoffice_shows_the_docx_like_the_pdf(converted: Path, path: Path, lang: str) -> None:
    stem = _stem(path, lang)
    office, app = converted / "office" / f"{stem}.pdf", converted / f"{stem}.app.pdf"
    assert abs(_pages(office) - _pages(app)) <= PAGE_TOLERANCE, (_pages(office), _pages(app))
    # The same fonts, all embedded: Noto Sans from the DOCX itself (no Calibri substitute, no
    # symbol font for the bullets).
    assert _fonts(office) == _fonts(app)
    assert all(f.startswith("NotoSans-") for f in _fonts(office))
    # No word of a table broken in the middle by a narrow column.
    seen = squash(pdf_text(office))
    document = build_document(load_project(path), lang)
    for block in document.blocks:
        if not isinstance(block, Table):
            continue
        for column in range(len(block.header)):
            # A line may break after a hyphen or a slash: the pieces in between stay whole.
            words = [
                w.strip("(),;:")
                for row in (block.header, *block.rows)
                if column < len(row)
                for w in re.split(r"[\s/-]+", row[column].text)
            ]
            longest = max(words, key=len)
            assert longest in seen, longest


def _docx(path: Path, lang: str) -> bytes:
    return docx_bytes(build_document(load_project(path), lang))


@pytest.mark.parametrize("lang", LANGS)
def test_the_docx_carries_its_font(lang: str) -> None:
    data = _docx(EXAMPLE_FILES[0], lang)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        table = archive.read("word/fontTable.xml").decode()
        rels = archive.read("word/_rels/fontTable.xml.rels").decode()
        settings = archive.read("word/settings.xml").decode()
        fonts = {n: archive.read(n) for n in archive.namelist() if n.endswith(".odttf")}
        styles = archive.read("word/styles.xml").decode()
        numbering = archive.read("word/numbering.xml").decode()
    assert len(fonts) == 4 and f'<w:font w:name="{FONT}">' in table
    assert "<w:embedTrueTypeFonts/>" in settings and "<w:autoHyphenation/>" in settings
    faces = set()
    for tag in ("embedRegular", "embedBold", "embedItalic", "embedBoldItalic"):
        start = table.index(f"<w:{tag} ")
        element = table[start : table.index("/>", start)]
        key = element.split('w:fontKey="')[1].split('"')[0]
        rid = element.split('r:id="')[1].split('"')[0]
        target = rels.split(f'Id="{rid}"')[1].split('Target="')[1].split('"')[0]
        # Undo the obfuscation: XOR the first 32 bytes with the key's bytes, reversed.
        blob = bytearray(fonts[f"word/{target}"])
        key_bytes = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
        for i in range(32):
            blob[i] ^= key_bytes[i % 16]
        font = TTFont(io.BytesIO(bytes(blob)))
        assert font["name"].getDebugName(1) == FONT
        faces.add(font["name"].getDebugName(2))
        cmap = font.getBestCmap()
        assert all(ord(c) in cmap for c in "AzéßĳłřΩЖ€–“”•")
    assert faces == {"Regular", "Bold", "Italic", "Bold Italic"}
    tag = languages.get(lang).tag
    assert f'w:lang w:val="{tag}"' in styles
    assert "Symbol" not in numbering and "\u2022" in numbering


@pytest.mark.parametrize("lang", LANGS)
def test_columns_fit_their_longest_word(lang: str) -> None:
    path = next(p for p in EXAMPLE_FILES if "telehealth" in p.name)
    document = build_document(load_project(path), lang)
    out = docx.Document(io.BytesIO(docx_bytes(document)))
    tables = [b for b in document.blocks if isinstance(b, Table)]
    assert len(out.tables) == len(tables) >= 2
    for table, rendered in zip(tables, out.tables, strict=True):
        rows = rendered._tbl.findall(qn("w:tr"))
        assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        for column, col in enumerate(rendered.columns):
            words = [w for row in table.rows if column < len(row) for w in row[column].text.split()]
            longest = max((text_width(w, 9.5) for w in words), default=0.0)
            assert col.width is not None
            assert col.width / 12700 - 10 >= longest, (column, max(words, key=len))
