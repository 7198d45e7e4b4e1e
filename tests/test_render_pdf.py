"""The PDF renderer, read back the way a reader (and a PDF checker) sees the file."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.projects import HOSTILE
from tests.readback import pdf_text, squash
from wizard.policy.document import (
    Cell,
    Document,
    Heading,
    Labels,
    ListBlock,
    Paragraph,
    QrCode,
    Span,
    Table,
)
from wizard.render.pdf import pdf_bytes, render_pdf

UNICODE_LINE = "Gegevens: café, Straße, ĳsbeer, Łódź, Dvořák, 12 €"
LINK = "https://autoriteitpersoonsgegevens.nl/nl/zelf-doen/privacyrechten"
SECTIONS = [
    "Who we are",
    "Which data we collect",
    "Why we use your data",
    "Who receives your data",
    "How long we keep your data",
    "Your rights",
]

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils not installed",
)


def s(text: str, **kw: object) -> tuple[Span, ...]:
    return (Span(text, **kw),)  # type: ignore[arg-type]


def c(*lines: str) -> Cell:
    return Cell(lines=tuple((Span(line),) for line in lines))


def sample_document(rows: int = 40) -> Document:
    """A policy with every kind of block, a long table and some hostile text."""
    blocks: list[object] = [
        Heading(1, s("Privacy statement")),
        Paragraph(s("Effective 1 March 2026 · Version 2.1"), role="meta"),
        Paragraph(
            (
                Span("This statement explains how "),
                Span(HOSTILE, bold=True),
                Span(" handles your personal data when you visit our clinic."),
            ),
            role="lead",
        ),
    ]
    body = (
        "We process personal data carefully and only for the purposes described here. "
        "Where the law requires it, we ask for your consent first. "
    ) * 3
    for number, title in enumerate(SECTIONS, start=1):
        blocks.append(Heading(2, s(title), number=str(number), anchor=f"s{number}"))
        blocks.append(Paragraph(s(body)))
        if number == 1:
            blocks.append(Paragraph(s(UNICODE_LINE)))
            blocks.append(
                Paragraph((Span("Read more on "), Span("the regulator's website", href=LINK)))
            )
        if number == 2:
            blocks.append(Heading(3, s("Data you give us"), number="2.1", anchor="s2-1"))
            blocks.append(
                ListBlock(
                    items=(
                        s("Name, address and date of birth"),
                        (Span("Health data", bold=True), Span(" (a special category)")),
                        s("Insurance details, " + body),
                    )
                )
            )
            blocks.append(Heading(3, s("Data we receive from others"), number="2.2"))
            blocks.append(
                ListBlock(items=(s("Your GP"), s("Laboratories"), s("Your insurer")), ordered=True)
            )
        if number == 4:
            blocks.append(
                Table(
                    header=(c("Recipient"), c("Purpose"), c("Country")),
                    rows=tuple(
                        (
                            c(f"Recipient {i:02d}", "Processor"),
                            c(f"Purpose {i:02d}: appointments and invoicing"),
                            c("Netherlands" if i % 2 else LINK + "/averyveryverylongpathsegment"),
                        )
                        for i in range(1, rows + 1)
                    ),
                    widths=(2, 3, 2),
                    caption="Recipients",
                )
            )
        if number == 6:
            blocks.append(
                Paragraph(
                    (
                        Span("Right to object. ", bold=True),
                        Span("You may object at any time to processing based on our "),
                        Span("legitimate interests", italic=True),
                        Span("; we then stop unless we have compelling grounds."),
                    ),
                    role="note",
                )
            )
    return Document(
        lang="nl",
        title="Privacy statement",
        organisation=HOSTILE,
        effective_date="2026-03-01",
        version="2.1",
        labels=Labels(
            page_x_of_y="Page {page} of {pages}",
            effective="Effective 1 March 2026",
            contents="Contents",
        ),
        blocks=tuple(blocks),  # type: ignore[arg-type]
        subject="How we handle your personal data",
    )


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "policy.pdf"
    render_pdf(sample_document(), path)
    return path


def test_writes_a_pdf_atomically(rendered: Path) -> None:
    data = rendered.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    assert not list(rendered.parent.glob(".*.tmp")), "temporary file left behind"


def test_pdf_bytes_matches_render(rendered: Path) -> None:
    reader = PdfReader(io.BytesIO(pdf_bytes(sample_document())))
    assert len(reader.pages) == len(PdfReader(rendered).pages)


@needs_poppler
def test_text_reads_in_order(rendered: Path) -> None:
    text = squash(pdf_text(rendered))
    # The contents list repeats the titles, so look at the body after it.
    body = text[text.rindex("Privacy statement") :]
    positions = [body.rindex(f"{n}. {title}") for n, title in enumerate(SECTIONS, start=1)]
    assert positions == sorted(positions)
    assert text.count("1. Who we are") == 2  # in the contents and as the heading
    assert Heading(3, s("Data you give us"), number="2.1").numbered_text in text
    assert "Contents" in text


@needs_poppler
def test_hostile_and_non_latin_text_comes_out_literally(rendered: Path) -> None:
    text = pdf_text(rendered)
    assert HOSTILE in text
    assert "49" not in text.replace("2026", "")  # the template expression was not evaluated
    assert UNICODE_LINE in text
    for ch in "éßĳłř€":
        assert ch in text


@needs_poppler
def test_table_cells_and_long_words_stay_inside_the_page(rendered: Path) -> None:
    text = squash(pdf_text(rendered))
    for i in (1, 17, 40):
        assert f"Recipient {i:02d}" in text
        assert f"Purpose {i:02d}: appointments and invoicing" in text
    # The header row repeats on the page(s) the table continues on.
    assert text.count("Recipient Purpose Country") >= 2

    # Every word, long URLs included, stays between the side margins.
    bbox = pdf_text(rendered, "-bbox")
    width = float(re.search(r'<page width="([\d.]+)"', bbox).group(1))  # type: ignore[union-attr]
    margin = 2.2 * 72 / 2.54
    words = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', bbox)
    assert len(words) > 500
    assert min(float(x0) for x0, _ in words) >= margin - 0.5
    assert max(float(x1) for _, x1 in words) <= width - margin + 0.5


@needs_poppler
def test_footer_numbers_every_page(rendered: Path) -> None:
    pages = len(PdfReader(rendered).pages)
    assert pages >= 3, "the sample should span several pages"
    for page in range(1, pages + 1):
        text = pdf_text(rendered, "-f", str(page), "-l", str(page))
        assert f"Page {page} of {pages}" in text
        assert "Effective 1 March 2026" in text


@needs_poppler
def test_all_fonts_are_embedded(rendered: Path) -> None:
    out = subprocess.run(
        ["pdffonts", str(rendered)], check=True, capture_output=True, text=True
    ).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    for row in rows:
        assert "Helvetica" not in row and "Times" not in row, row
        # columns: name type encoding emb sub uni object ID
        assert re.search(r"\byes\s+yes\s+yes\s+\d+\s+0\s*$", row), f"not embedded: {row}"


def test_metadata_language_and_outline(rendered: Path) -> None:
    reader = PdfReader(rendered)
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Privacy statement"
    assert meta.author == HOSTILE
    assert meta.subject == "How we handle your personal data"
    assert meta.creator == "Privacy Wizard"
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "nl-NL"
    assert catalog.get("/PageMode") == "/UseOutlines"

    outline = reader.outline
    top = [item.title for item in outline if not isinstance(item, list)]
    assert top == [f"{n}. {title}" for n, title in enumerate(SECTIONS, start=1)]
    children = [item for item in outline if isinstance(item, list)]
    assert [entry.title for entry in children[0]] == [
        Heading(3, s("Data you give us"), number="2.1").numbered_text,
        Heading(3, s("Data we receive from others"), number="2.2").numbered_text,
    ]
    # Section 4 (the table) starts on a later page than section 1.
    pages = [
        reader.get_destination_page_number(item) for item in outline if not isinstance(item, list)
    ]
    assert pages == sorted(pages) and pages[-1] > pages[0]


def test_link_is_clickable(rendered: Path) -> None:
    reader = PdfReader(rendered)
    uris = [
        annot.get_object()["/A"].get("/URI")
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if "/A" in annot.get_object()
    ]
    assert LINK in uris


def test_markup_in_text_is_never_interpreted() -> None:
    doc = sample_document(rows=2)
    nasty = Document(
        lang="de",
        title='<font name="Helvetica">x</font>',
        organisation='</para><a href="javascript:alert(1)">&amp;',
        effective_date="",
        version="",
        labels=Labels("{pages}/{page}", "Gültig ab 1. März 2026", "Inhalt"),
        blocks=(
            Heading(1, s('<font name="Helvetica">x</font>')),
            Paragraph(
                (
                    Span("a\x00b <br/> &nbsp; ", href='x" onclick="y'),
                    Span("link", href='https://example.org/?a=1&b="2"'),
                )
            ),
            *doc.blocks[3:6],
        ),
    )
    data = pdf_bytes(nasty)
    assert b"/Helvetica" not in data
    reader = PdfReader(io.BytesIO(data))
    text = reader.pages[0].extract_text()
    assert '<font name="Helvetica">x</font>' in text
    assert "ab <br/> &nbsp;" in text
    assert "1/1" in text
    uris = [a.get_object()["/A"]["/URI"] for a in reader.pages[0].get("/Annots", [])]
    assert uris == ['https://example.org/?a=1&b="2"']


def test_qpdf_check_passes(rendered: Path) -> None:
    if shutil.which("qpdf") is None:
        pytest.skip("qpdf not installed")
    result = subprocess.run(["qpdf", "--check", str(rendered)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


def test_is_fast_after_the_first() -> None:
    doc = sample_document()
    pdf_bytes(doc)
    start = time.perf_counter()
    pdf_bytes(doc)
    assert time.perf_counter() - start < 2.0  # generous: about 0.15 s on a laptop


@pytest.mark.parametrize("follower", ["paragraph", "list", "table"])
def test_a_heading_never_ends_a_page(follower: str) -> None:
    filler = Paragraph(s("Filler text that takes up a few lines of the page. " * 6))
    nexts = {
        "paragraph": [Paragraph(s("Followup " + "and more words to read " * 40))],
        "list": [ListBlock(items=(s("Followup first item"), s("second"), s("third")))],
        "table": [
            Table(header=(c("Followup"), c("B")), rows=tuple((c("x"), c("y")) for _ in range(9)))
        ],
    }[follower]
    heading_pages = set()
    for count in range(9, 17):
        doc = sample_document(rows=2)
        doc = Document(
            lang="en",
            title="T",
            organisation="O",
            effective_date="",
            version="",
            labels=doc.labels,
            blocks=(*[filler] * count, Heading(2, s("Marker heading"), number="9"), *nexts),
        )
        reader = PdfReader(io.BytesIO(pdf_bytes(doc)))
        texts = [page.extract_text() for page in reader.pages]
        heading = next(i for i, t in enumerate(texts) if "Marker heading" in t)
        assert "Followup" in texts[heading], f"{count} fillers: heading alone at a page end"
        heading_pages.add(heading)
    assert heading_pages == {0, 1}, "the test never put the heading near a page break"


def test_a_table_never_leaves_a_row_alone() -> None:
    filler = Paragraph(s("One line of filler."))  # about as tall as a table row
    table = Table(
        header=(c("Name"), c("Role")),
        rows=tuple((c(f"Row {i:02d}"), c("Processor")) for i in range(1, 7)),
    )
    splits = 0
    for count in range(22, 31):
        doc = Document(
            lang="en",
            title="T",
            organisation="O",
            effective_date="",
            version="",
            labels=sample_document(rows=1).labels,
            blocks=(*[filler] * count, table),
        )
        reader = PdfReader(io.BytesIO(pdf_bytes(doc)))
        counts = [len(re.findall(r"Row \d\d", page.extract_text())) for page in reader.pages]
        table_pages = [n for n in counts if n]
        splits += len(table_pages) - 1
        assert sum(table_pages) == 6
        assert min(table_pages) >= 2, f"{count} fillers: rows laid out as {table_pages}"
    assert splits, "the table never crossed a page break"


@needs_poppler
def test_a_heading_takes_only_the_start_of_a_long_paragraph_along(tmp_path: Path) -> None:
    """A heading moves to the next page only when it and two lines don't fit: no big gaps."""
    filler = Paragraph(s("One line of filler."))
    follower = Paragraph(s("Followup " + "and more words to read " * 40))
    frame_bottom = 841.89 - 2.6 * 72 / 2.54
    moved = 0
    for count in range(22, 31):
        doc = Document(
            lang="en",
            title="T",
            organisation="O",
            effective_date="",
            version="",
            labels=sample_document(rows=1).labels,
            blocks=(*[filler] * count, Heading(2, s("Marker heading"), number="9"), follower),
        )
        path = tmp_path / f"{count}.pdf"
        render_pdf(doc, path)
        if "Marker heading" in pdf_text(path, "-f", "1", "-l", "1"):
            continue
        moved += 1
        bbox = pdf_text(path, "-bbox", "-f", "1", "-l", "1")
        bottoms = [float(y) for y in re.findall(r'yMax="([\d.]+)"', bbox)]
        last_line = max(y for y in bottoms if y < frame_bottom)
        assert frame_bottom - last_line < 80, (
            f"{count} fillers: a gap of {frame_bottom - last_line:.0f} pt"
        )
    assert moved, "the heading never moved to the next page"


@needs_poppler
def test_contents_lists_sections_with_their_pages(rendered: Path) -> None:
    reader = PdfReader(rendered)
    first_page = pdf_text(rendered, "-f", "1", "-l", "1")
    listed = dict(re.findall(r"^(\d+\. [^.\n]+?) (?:\. )+\.? ?(\d+)$", first_page, re.M))
    actual = {
        item.title: str(reader.get_destination_page_number(item) + 1)
        for item in reader.outline
        if not isinstance(item, list)
    }
    assert listed == actual
    assert len(set(actual.values())) > 1
    # Each contents line links to its section.
    links = [a.get_object() for a in reader.pages[0].get("/Annots", [])]
    assert sum(1 for a in links if "/Dest" in a) >= len(SECTIONS)


def _plain_document(blocks: tuple[object, ...]) -> Document:
    return Document(
        lang="en",
        title="T",
        organisation="O",
        effective_date="",
        version="",
        labels=sample_document(rows=2).labels,
        blocks=blocks,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("word", ["0" * 6000, "Abschnitt " * 900])
def test_a_heading_longer_than_a_page_renders(word: str) -> None:
    """A section heading of any length: printed whole where it stands (it may break across
    pages), shortened in the contents, whose rows cannot break."""
    blocks: list[object] = [Heading(1, s("Privacy statement"))]
    for title in ["Who we are", word.strip(), "Your rights"]:
        blocks += [Heading(2, s(title)), Paragraph(s("Some text."))]
    doc = _plain_document(tuple(blocks))
    data = pdf_bytes(doc)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    unit = word.split()[0][:9]
    # The heading itself, whole (the page footers may come between its lines), and its
    # contents line, shortened.
    assert text.count(unit) >= word.count(unit)
    assert "…" in text
    assert "Your rights" in text


def test_a_long_paragraph_before_a_qr_code_renders() -> None:
    """The QR code sits beside a short paragraph; a paragraph taller than a page (a very
    long address) stands alone and the code follows it."""
    long_address = "https://example.org/" + "privacy/" * 3000
    for text in ["Read the full statement at https://example.org/privacy", long_address]:
        qr = QrCode(target="https://example.org/privacy", alt="The full statement")
        doc = _plain_document((Paragraph(s(text)), qr))
        data = pdf_bytes(doc)
        assert PdfReader(io.BytesIO(data)).pages
