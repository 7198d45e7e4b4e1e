"""The DOCX renderer: read the file back with python-docx and check what a reader would see."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Cm

from tests.projects import HOSTILE
from wizard.policy.document import (
    Cell,
    Document,
    Heading,
    Labels,
    ListBlock,
    Paragraph,
    Span,
    Table,
)
from wizard.render.docx import docx_bytes, language_tag, render_docx

UNICODE = "Zoë's ĳsbaan, Straße, Łódź, Dvořák: 5 €"
URL = "https://autoriteitpersoonsgegevens.nl/nl/zelf-doen?a=1&b=2"


def _cell(*lines: str) -> Cell:
    return Cell(lines=tuple((Span(line),) for line in lines))


def _labels(page_x_of_y: str = "Page {page} of {pages}") -> Labels:
    return Labels(page_x_of_y=page_x_of_y, effective="Effective 1 March 2026", contents="Contents")


def sample(organisation: str = HOSTILE, lang: str = "en", labels: Labels | None = None) -> Document:
    blocks = (
        Heading(1, (Span("Privacy policy"),)),
        Paragraph((Span("Version 2 · Effective 1 March 2026"),), role="meta"),
        Paragraph((Span(organisation), Span(" respects your privacy.")), role="lead"),
        Heading(2, (Span("Who we are"),), number="1", anchor="s1"),
        Paragraph(
            (Span("Plain "), Span("bold", bold=True), Span(" and "), Span("it", italic=True))
        ),
        Heading(3, (Span("Contact"),), number="1.1", anchor="s1-1"),
        Paragraph(
            (
                Span("Write to "),
                Span("the authority", href=URL),
                Span(" or see "),
                Span("section 2", href="#s2"),
                Span("."),
            )
        ),
        Heading(2, (Span("What we collect"),), number="2", anchor="s2"),
        ListBlock(items=((Span("Name"),), (Span(UNICODE),), (Span("E-mail address"),))),
        Table(
            header=(_cell("Purpose"), _cell("Legal basis"), _cell("Retention")),
            rows=(
                (_cell("Appointments"), _cell("Contract", "Art. 6(1)(b)"), _cell("7 years")),
                (_cell("Newsletter"), _cell("Consent"), _cell("Until you unsubscribe")),
            ),
            widths=(2, 2, 1),
            caption="Purposes, legal bases and retention",
        ),
        Heading(2, (Span("Your rights"),), number="3", anchor="s3"),
        Paragraph(
            (Span("Right to object. ", bold=True), Span("You may object at any time.")), role="note"
        ),
        ListBlock(items=((Span("Ask us"),), (Span("Complain"),)), ordered=True),
        Heading(3, (Span("Complaints"),), number="3.1"),
        ListBlock(items=((Span("Again one"),), (Span("Again two"),)), ordered=True),
    )
    return Document(
        lang=lang,
        title="Privacy policy",
        organisation=organisation,
        effective_date="2026-03-01",
        version="2",
        labels=labels or _labels(),
        blocks=blocks,
        subject="GDPR privacy policy",
    )


@pytest.fixture
def rendered(tmp_path: Path) -> DocxDocument:
    path = tmp_path / "policy.docx"
    render_docx(sample(), path)
    return docx.Document(str(path))


def _xml(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


def test_headings_use_builtin_styles_in_order(rendered: DocxDocument) -> None:
    headings = [
        (p.style.name, p.text)
        for p in rendered.paragraphs
        if p.style is not None and p.style.name in {"Title", "Heading 1", "Heading 2"}
    ]
    assert headings == [
        ("Title", "Privacy policy"),
        ("Heading 1", "1. Who we are"),
        ("Heading 2", "1.1 Contact"),
        ("Heading 1", "2. What we collect"),
        ("Heading 1", "3. Your rights"),
        ("Heading 2", "3.1 Complaints"),
    ]
    # Section numbers are printed exactly as the document model numbers them.
    assert [t for _, t in headings] == [h.numbered_text for h in sample().headings()]
    # The document starts with the title: no stray empty paragraph from the template.
    assert rendered.paragraphs[0].text == "Privacy policy"


def test_paragraph_roles_and_lists(rendered: DocxDocument) -> None:
    by_text = {p.text: p.style.name for p in rendered.paragraphs if p.style is not None}
    assert by_text["Version 2 · Effective 1 March 2026"] == "Meta"
    assert by_text[f"{HOSTILE} respects your privacy."] == "Lead"
    assert by_text["Right to object. You may object at any time."] == "Notice"
    assert by_text["Plain bold and it"] == "Normal"
    assert by_text["Name"] == by_text[UNICODE] == "List Bullet"
    assert by_text["Ask us"] == by_text["Again two"] == "List Number"

    body = next(p for p in rendered.paragraphs if p.text == "Plain bold and it")
    assert [(r.text, r.bold, r.italic) for r in body.runs] == [
        ("Plain ", None, None),
        ("bold", True, None),
        (" and ", None, None),
        ("it", None, True),
    ]


def test_second_numbered_list_restarts(rendered: DocxDocument) -> None:
    def num_id(text: str) -> str | None:
        p = next(p for p in rendered.paragraphs if p.text == text)
        el = p._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        return None if el is None else el.get(qn("w:val"))

    assert num_id("Ask us") is None  # the List Number style's own list
    restarted = num_id("Again one")
    assert restarted is not None and restarted == num_id("Again two")
    numbering = rendered.part.numbering_part.element
    num = numbering.num_having_numId(int(restarted))
    start = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
    assert start is not None and start.get(qn("w:val")) == "1"


def test_table_content_and_layout(rendered: DocxDocument) -> None:
    assert len(rendered.tables) == 1
    table = rendered.tables[0]
    rows = table.rows
    assert [c.text for c in rows[0].cells] == ["Purpose", "Legal basis", "Retention"]
    assert [c.text for c in rows[1].cells] == ["Appointments", "Contract\nArt. 6(1)(b)", "7 years"]
    assert [c.text for c in rows[2].cells] == ["Newsletter", "Consent", "Until you unsubscribe"]
    # Multi-line cells hold one paragraph per line, in the smaller table style.
    basis = rows[1].cells[1]
    assert [p.text for p in basis.paragraphs] == ["Contract", "Art. 6(1)(b)"]
    assert {p.style.name for p in basis.paragraphs if p.style is not None} == {"Table Text"}
    assert all(r.bold for r in rows[0].cells[0].paragraphs[0].runs)

    tbl = table._tbl
    trs = tbl.findall(qn("w:tr"))
    assert trs[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert trs[1].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None
    assert all(tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for tr in trs)

    widths = [col.width for col in table.columns]
    text_width = Cm(21) - 2 * Cm(2.2)
    assert abs(sum(widths) - text_width) < Cm(0.05)
    assert abs(widths[0] - 2 * widths[2]) < Cm(0.05)
    assert widths[0] == widths[1]

    caption = tbl.tblPr.find(qn("w:tblCaption"))
    assert caption is not None
    assert caption.get(qn("w:val")) == "Purposes, legal bases and retention"


def test_hyperlinks(rendered: DocxDocument) -> None:
    targets = [r.target_ref for r in rendered.part.rels.values() if r.reltype == RT.HYPERLINK]
    assert targets == [URL]
    para = next(p for p in rendered.paragraphs if p.text.startswith("Write to"))
    links = para.hyperlinks
    assert [(h.text, h.address) for h in links] == [("the authority", URL), ("section 2", "")]
    assert links[1].fragment == "s2"
    assert links[0].runs[0].style is not None and links[0].runs[0].style.name == "Hyperlink"
    # The internal link points at a bookmark on the section heading.
    heading = next(p for p in rendered.paragraphs if p.text == "2. What we collect")
    bookmark = heading._p.find(qn("w:bookmarkStart"))
    assert bookmark is not None and bookmark.get(qn("w:name")) == "s2"


def test_unsafe_link_stays_text() -> None:
    doc = sample()
    doc = replace(
        doc,
        blocks=(
            Paragraph(
                (Span("click", href="javascript:alert(1)"), Span(" here", href="file:///etc"))
            ),
        ),
    )
    read = docx.Document(io.BytesIO(docx_bytes(doc)))
    assert read.paragraphs[0].text == "click here"
    assert read.paragraphs[0].hyperlinks == []
    assert not [r for r in read.part.rels.values() if r.reltype == RT.HYPERLINK]


def test_footer_has_organisation_and_page_fields(rendered: DocxDocument) -> None:
    footer = rendered.sections[0].footer
    assert not footer.is_linked_to_previous
    xml = footer._element.xml
    text = footer.paragraphs[0].text
    assert text.startswith(f"{HOSTILE} · Effective 1 March 2026\t")
    instructions = [el.text.split()[0] for el in footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert "Page " in text and " of " in text
    assert xml.count('w:fldCharType="begin"') == 2 == xml.count('w:fldCharType="end"')


def test_page_label_placeholders_in_any_order() -> None:
    doc = sample(labels=_labels("{pages} pages, this is page {page}"))
    read = docx.Document(io.BytesIO(docx_bytes(doc)))
    footer = read.sections[0].footer._element
    assert [el.text.split()[0] for el in footer.iter(qn("w:instrText"))] == ["NUMPAGES", "PAGE"]
    assert " pages, this is page " in read.sections[0].footer.paragraphs[0].text


def test_a4_page(rendered: DocxDocument) -> None:
    section = rendered.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert abs(section.page_width - Cm(21)) < Cm(0.01)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
    for margin in (section.left_margin, section.right_margin, section.top_margin):
        assert margin is not None and abs(margin - Cm(2.2)) < Cm(0.01)


def test_core_properties_and_language(tmp_path: Path) -> None:
    data = docx_bytes(sample(organisation="Huisartsenpraktijk De Linde", lang="nl"))
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.title == "Privacy policy"
    assert props.author == "Huisartsenpraktijk De Linde"
    assert props.subject == "GDPR privacy policy"
    assert props.language == "nl-NL"
    assert "python-docx" not in (props.comments or "")

    styles = _xml(data, "word/styles.xml")
    defaults = styles[styles.index("<w:docDefaults>") : styles.index("</w:docDefaults>")]
    assert 'w:lang w:val="nl-NL"' in defaults
    # Fonts by name for every script; no theme font can take over.
    assert 'w:eastAsia="Noto Sans"' in defaults and 'w:cs="Noto Sans"' in defaults
    assert "asciiTheme" not in styles
    assert 'w:themeFontLang w:val="nl-NL"' in _xml(data, "word/settings.xml")


@pytest.mark.parametrize(
    ("lang", "tag"), [("en", "en-GB"), ("fr", "fr-FR"), ("de", "de-DE"), ("de_AT", "de-AT")]
)
def test_language_tag(lang: str, tag: str) -> None:
    assert language_tag(lang) == tag


def test_hostile_and_unicode_text_is_literal(rendered: DocxDocument) -> None:
    texts = [p.text for p in rendered.paragraphs]
    assert f"{HOSTILE} respects your privacy." in texts
    assert UNICODE in texts
    assert rendered.sections[0].footer.paragraphs[0].text.startswith(HOSTILE)
    assert rendered.core_properties.author == HOSTILE
    # The markup stays text: no <b> element sneaked into the document.
    assert rendered.element.body.find(".//b") is None
    assert "49" not in "".join(texts)


def test_illegal_xml_characters_are_dropped() -> None:
    doc = sample(organisation="Bad\x00 \x07name\x0b\ufffe Ltd")
    read = docx.Document(io.BytesIO(docx_bytes(doc)))
    assert "Bad name Ltd respects your privacy." in [p.text for p in read.paragraphs]
    assert read.core_properties.author == "Bad name Ltd"


def test_writes_atomically_over_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "out" / "policy.docx"
    path.parent.mkdir()
    path.write_bytes(b"old")
    render_docx(sample(), path)
    assert zipfile.is_zipfile(path)
    assert sorted(p.name for p in path.parent.iterdir()) == ["policy.docx"]


def test_empty_table_cells_and_missing_widths() -> None:
    doc = sample()
    table = Table(header=(_cell("A"), _cell("B")), rows=((_cell("only one"),),), widths=(1,))
    doc = replace(doc, blocks=(table,))
    read = docx.Document(io.BytesIO(docx_bytes(doc)))
    t = read.tables[0]
    assert [[c.text for c in r.cells] for r in t.rows] == [["A", "B"], ["only one", ""]]
    assert t.columns[0].width == t.columns[1].width


def test_a_long_document_renders_completely() -> None:
    base = sample()
    blocks = list(base.blocks)
    long_text = "We process personal data only for the purposes in this policy. " * 12
    for n in range(4, 40):
        blocks.append(Heading(2, (Span(f"Section {n}"),), number=str(n)))
        blocks.append(Paragraph((Span(long_text),)))
    rows = tuple(
        (_cell(f"Purpose {i}"), _cell("Consent", "Art. 6(1)(a)"), _cell("1 year"))
        for i in range(60)
    )
    blocks.append(Table(header=(_cell("P"), _cell("B"), _cell("R")), rows=rows))
    doc = replace(base, blocks=tuple(blocks))
    # Speed is measured in benchmarks/, not asserted here; this checks a long document renders.
    data = docx_bytes(doc)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "39. Section 39" in text


def test_render_module_does_not_import_qt() -> None:
    code = (
        "import sys, wizard.render.docx; "
        "sys.exit(any(m.startswith(('PySide6', 'PyQt')) for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
