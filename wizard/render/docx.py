"""DOCX renderer: lays a :class:`~wizard.policy.document.Document` out as an editable Word file.

The result is meant to be edited by the organisation in Word or LibreOffice, so it relies on the
built-in styles by their English names (``Title``, ``Heading 1``, ``Heading 2``, ``List Bullet``,
``List Number``, ``Hyperlink``) and a few custom paragraph styles (``Lead``, ``Meta``, ``Notice``,
``Table Text``) rather than on direct formatting. The navigation pane and a table of contents
therefore work, and restyling the whole policy is a matter of changing a style.

Layout: A4, 2.2 cm margins, Calibri 10.5 pt (East Asian and complex-script font names are set
too, so the theme fonts never take over), the proofing language of the document, and a footer
on every page with the organisation, the effective date and "Page X of Y" built from PAGE and
NUMPAGES fields.

All text goes in as text: python-docx escapes it, and characters that XML cannot hold (control
characters other than tab and newline) are dropped rather than crashing the export.
"""

from __future__ import annotations

import hashlib
import heapq
import io
import os
import re
import unicodedata
import uuid
import zipfile
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.styles.style import BaseStyle, CharacterStyle, ParagraphStyle, StyleFactory
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from wizard import languages
from wizard.fileio import atomic_write_bytes
from wizard.policy.document import (
    Block,
    Cell,
    Document,
    Heading,
    ListBlock,
    Paragraph,
    QrCode,
    Span,
    Table,
    link_target,
)
from wizard.render.fonts import text_width
from wizard.render.stamp import document_time
from wizard.resources import resource

__all__ = ["docx_bytes", "render_docx"]

# --- Look ---------------------------------------------------------------------------------------

FONT = "Noto Sans"
#: The faces embedded in every DOCX (regular, bold, italic, bold italic): Noto Sans subsetted to
#: Latin, Greek and Cyrillic, so Word and LibreOffice show the policy in the PDF's font on any
#: machine.
EMBEDDED_FONTS = (
    ("embedRegular", "NotoSans-Regular.subset.ttf"),
    ("embedBold", "NotoSans-Bold.subset.ttf"),
    ("embedItalic", "NotoSans-Italic.subset.ttf"),
    ("embedBoldItalic", "NotoSans-BoldItalic.subset.ttf"),
)
ACCENT = "1D5A6C"  # dark teal-blue: headings, title, notice bar
TEXT = "222222"
GREY = "6B6B6B"
LINK = "0563C1"  # Word's own hyperlink blue
NOTE_FILL = "EAF3F5"
TABLE_HEAD_FILL = "DCEBEF"
TABLE_RULE = "A9C1C9"

PAGE_WIDTH = Cm(21.0)
PAGE_HEIGHT = Cm(29.7)
MARGIN = Cm(2.2)
TEXT_WIDTH = Emu(PAGE_WIDTH - 2 * MARGIN)

BODY_PT = 10.5
TABLE_PT = 9.5

#: Proofing language for each interface language the wizard writes.

#: Link schemes that become clickable; anything else stays plain text.

# Characters XML 1.0 cannot hold (tab, newline and carriage return are allowed).
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_RUN_PIECES = re.compile("(\t|\n)")
_PLACEHOLDER = re.compile(r"(\{page\}|\{pages\})")
_BOOKMARK_BAD = re.compile(r"[^A-Za-z0-9_]")

# Child orders from the WordprocessingML schema (Word rejects files whose children are out of
# order, so every raw element goes in through :func:`_put`).
_PPR_ORDER = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
    "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
    "rPr sectPr pPrChange"
).split()
_RPR_ORDER = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
    "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
).split()
_TBLPR_ORDER = (
    "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
    "tblDescription tblPrChange"
).split()


# --- Public API ---------------------------------------------------------------------------------


def render_docx(doc: Document, path: str | os.PathLike[str]) -> None:
    """Render ``doc`` as a DOCX file at ``path``, written atomically (temporary file + rename)."""
    atomic_write_bytes(path, docx_bytes(doc))


def docx_bytes(doc: Document) -> bytes:
    """Render ``doc`` and return the DOCX file's bytes."""
    return _Renderer(doc).render()


# --- Helpers ------------------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """``text`` without the characters XML cannot hold; line breaks normalised to ``\\n``."""
    return _ILLEGAL_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


#: Rows of at most this many lines never break across pages; a taller row may, so that a table
#: starts right after its heading instead of leaving half a page empty (and a row taller than
#: a page is never cut off).
_KEEP_ROW_LINES = 8


def _row_lines(cells: Sequence[Cell], widths: Sequence[int]) -> int:
    """An estimate of the number of lines the row's tallest cell takes."""
    most = 0
    for cell, width in zip(cells, widths, strict=False):
        room = max((width - _CELL_MARGINS_EMU) / _EMU_PER_PT, 1.0)
        lines = 0
        for line in cell.lines or ((),):
            text = "".join(span.text for span in line)
            # Average Noto Sans letter at 9.5 pt, without measuring every cell.
            lines += max(1, -(-int(len(text) * TABLE_PT * 0.55) // int(room)))
        most = max(most, lines)
    return most


#: The longest value a DOCX core property (title, subject, author...) may hold.
PROPERTY_LIMIT = 255


def fit_property(text: str, limit: int = PROPERTY_LIMIT) -> str:
    """``text`` as a one-line document property of at most ``limit`` characters.

    Longer text is cut at a character boundary (never between a letter and its combining
    accents) and ends in an ellipsis, so a very long organisation name or title never stops
    the export.
    """
    text = " ".join(clean_text(text).split())
    if len(text) <= limit:
        return text
    cut = limit - 1
    while cut > 0 and unicodedata.combining(text[cut]):
        cut -= 1
    return text[:cut].rstrip() + "…"


def language_tag(lang: str) -> str:
    """A BCP 47 tag for Word's proofing language: ``nl`` -> ``nl-NL``, ``de_AT`` -> ``de-AT``."""
    lang = lang.strip().replace("_", "-") or languages.SOURCE
    if lang in languages.LANGUAGES:
        return languages.get(lang).tag
    parts = lang.split("-")
    if len(parts) == 1:
        code = parts[0].lower()
        return languages.get(code).tag if code in languages.LANGUAGES else code
    return f"{parts[0].lower()}-{parts[1].upper()}"


def _reproducible_zip(data: bytes, date_time: tuple[int, ...]) -> bytes:
    """The same zip with every entry dated ``date_time`` (python-docx stamps the clock time)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time[:6])  # type: ignore[arg-type]
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info))
    return out.getvalue()


_OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"


def _sha1(data: bytes) -> str:
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


def _obfuscate(data: bytes, key: str) -> bytes:
    """An embedded font as Word stores it: the first 32 bytes XORed with the font key's bytes
    in reverse order (ECMA-376 Part 1, 17.8.1); the same operation undoes it."""
    key_bytes = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(b ^ key_bytes[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


def _bookmark_name(anchor: str) -> str:
    """A legal Word bookmark name (letters, digits, underscore; starts with a letter; <= 40)."""
    name = _BOOKMARK_BAD.sub("_", anchor)
    if not name[:1].isalpha():
        name = "s_" + name
    return name[:40]


def _el(tag: str, **attrs: str) -> BaseOxmlElement:
    """A new ``w:`` element with ``w:`` attributes (``val="x"`` -> ``w:val="x"``)."""
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def _put(parent: BaseOxmlElement, child: BaseOxmlElement, order: Sequence[str]) -> None:
    """Insert ``child`` into ``parent`` in schema order, replacing one with the same tag."""
    name = child.tag.rsplit("}", 1)[-1]
    for old in parent.findall(child.tag):
        parent.remove(old)
    later = {qn(f"w:{t}") for t in order[order.index(name) + 1 :]}
    for i, existing in enumerate(parent):
        if existing.tag in later:
            parent.insert(i, child)
            return
    parent.append(child)


def _border(side: str, *, sz: int, color: str, space: int = 0) -> BaseOxmlElement:
    return _el(f"w:{side}", val="single", sz=str(sz), space=str(space), color=color)


def _set_fonts(rpr: BaseOxmlElement, font: str) -> None:
    """Explicit font names for all four scripts, so theme fonts never override them."""
    _put(rpr, _el("w:rFonts", ascii=font, hAnsi=font, eastAsia=font, cs=font), _RPR_ORDER)


def _new_p(style: ParagraphStyle) -> BaseOxmlElement:
    """A new, empty ``w:p`` in ``style``."""
    p = OxmlElement("w:p")
    if style.style_id != "Normal":
        ppr = OxmlElement("w:pPr")
        ppr.append(_el("w:pStyle", val=style.style_id))
        p.append(ppr)
    return p


def _style_ppr(style: ParagraphStyle) -> BaseOxmlElement:
    ppr: BaseOxmlElement = style.element.get_or_add_pPr()
    return ppr


def _style_rpr(style: ParagraphStyle | CharacterStyle) -> BaseOxmlElement:
    rpr: BaseOxmlElement = style.element.get_or_add_rPr()
    return rpr


def _plain_el(tag: str, **attrs: str) -> BaseOxmlElement:
    """A new element with unqualified attributes (drawing elements take no ``w:`` ones)."""
    return OxmlElement(tag, attrs=attrs)


def _float_right(run: BaseOxmlElement) -> None:
    """Turn the inline picture of ``run`` into one floating at the right margin, level with the
    top of its paragraph, the text wrapping on its left."""
    drawing = run.find(qn("w:drawing"))
    inline = drawing.find(qn("wp:inline")) if drawing is not None else None
    if drawing is None or inline is None:
        return
    anchor = _plain_el(
        "wp:anchor",
        distT="0",
        distB="0",
        distL="114300",
        distR="0",
        simplePos="0",
        relativeHeight="1",
        behindDoc="0",
        locked="0",
        layoutInCell="1",
        allowOverlap="0",
    )
    anchor.append(_plain_el("wp:simplePos", x="0", y="0"))
    horizontal = _plain_el("wp:positionH", relativeFrom="margin")
    align = OxmlElement("wp:align")
    align.text = "right"
    horizontal.append(align)
    anchor.append(horizontal)
    vertical = _plain_el("wp:positionV", relativeFrom="paragraph")
    offset = OxmlElement("wp:posOffset")
    offset.text = "0"
    vertical.append(offset)
    anchor.append(vertical)
    for name in ("wp:extent", "wp:effectExtent"):
        child = inline.find(qn(name))
        if child is not None:
            anchor.append(child)
    if anchor.find(qn("wp:effectExtent")) is None:
        anchor.append(_plain_el("wp:effectExtent", l="0", t="0", r="0", b="0"))
    anchor.append(_plain_el("wp:wrapSquare", wrapText="left"))
    for name in ("wp:docPr", "wp:cNvGraphicFramePr", "a:graphic"):
        child = inline.find(qn(name))
        if child is not None:
            anchor.append(child)
    drawing.replace(inline, anchor)


def _widths(table: Table, columns: int) -> list[int]:
    """Column widths in EMU: ``table.widths`` (relative) spread over the text width, widened
    where a column's longest word would not fit (so no word is broken in the middle, as
    "Behandlungsdokumentatio-n" was), the room taken from columns that have some to spare."""
    rel = [max(float(w), 0.0) for w in table.widths]
    if len(rel) != columns or sum(rel) <= 0:
        rel = [1.0] * columns
    total = sum(rel)
    widths = [TEXT_WIDTH * w / total for w in rel]
    need = [_longest_word(table, i) * _EMU_PER_PT + _CELL_MARGINS_EMU for i in range(columns)]
    if sum(need) < TEXT_WIDTH:
        # Widen the columns that are too narrow; the others give up part of their slack, in
        # proportion to it (the total slack exceeds what is missing, so none becomes too narrow).
        short = [i for i in range(columns) if widths[i] < need[i]]
        missing = sum(need[i] - widths[i] for i in short)
        donors = [i for i in range(columns) if i not in short]
        spare = sum(widths[i] - need[i] for i in donors)
        for i in short:
            widths[i] = need[i]
        for i in donors:
            widths[i] -= missing * (widths[i] - need[i]) / spare
    return [int(w) for w in widths]


_EMU_PER_PT = 12700
_MEASURED_WORDS = 16
#: Left and right cell margins (100 twips each, see _table) plus a little air.
_CELL_MARGINS_EMU = 2 * 100 * 635 + 2 * _EMU_PER_PT


def _longest_word(table: Table, column: int) -> float:
    """The width in points of the longest word in ``column`` (header words are bold)."""
    header = table.header[column].text.split() if column < len(table.header) else []
    widest = max((text_width(w, TABLE_PT, bold=True) for w in header), default=0.0)
    words = {w for row in table.rows if column < len(row) for w in row[column].text.split()}
    # The widest word is among the longest in letters: measure only those.
    for word in heapq.nlargest(_MEASURED_WORDS, words, key=len):
        widest = max(widest, text_width(word, TABLE_PT))
    return widest


# --- The renderer -------------------------------------------------------------------------------


class _Renderer:
    """One rendering: a python-docx document set up once, then filled block by block."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.anchors = frozenset(h.anchor for h in doc.headings() if h.anchor)
        self.lang = language_tag(doc.lang)
        self.out: DocxDocument = docx.Document()
        self._bookmark_id = 0
        self._ordered_lists = 0
        self._setup_page()
        self._setup_styles()
        self._setup_settings()
        self._setup_properties()
        self.body_style = self._pstyle("Normal")
        self.role_styles = {
            "": self.body_style,
            "lead": self._pstyle("Lead"),
            "meta": self._pstyle("Meta"),
            "note": self._pstyle("Notice"),
        }
        self.heading_styles = {
            1: self._pstyle("Title"),
            2: self._pstyle("Heading 1"),
            3: self._pstyle("Heading 2"),
            4: self._pstyle("Heading 3"),
        }
        self.bullet_style = self._pstyle("List Bullet")
        self.number_style = self._pstyle("List Number")
        self.table_style = self._pstyle("Table Text")
        self._table_p_open = f'<w:p><w:pPr><w:pStyle w:val="{self.table_style.style_id}"/></w:pPr>'
        link = self.out.styles["Hyperlink"]
        assert isinstance(link, CharacterStyle)
        self.link_style = link

    # -- set-up ----------------------------------------------------------------------------------

    def _pstyle(self, name: str) -> ParagraphStyle:
        style = self.out.styles[name]
        assert isinstance(style, ParagraphStyle)
        return style

    def _setup_page(self) -> None:
        section = self.out.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width = PAGE_WIDTH
        section.page_height = PAGE_HEIGHT
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = MARGIN
        section.bottom_margin = MARGIN
        section.header_distance = Cm(1.2)
        section.footer_distance = Cm(1.0)

    def _setup_styles(self) -> None:
        styles = self.out.styles
        root = styles.element

        # No theme fonts anywhere: Calibri by name for every script.
        for rfonts in root.iter(qn("w:rFonts")):
            for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
                rfonts.attrib.pop(qn(f"w:{attr}"), None)
            if not rfonts.attrib:
                rfonts.getparent().remove(rfonts)

        # Document defaults: font, size, language, spacing.
        rpr_default = root.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
        ppr_default = root.find(qn("w:docDefaults") + "/" + qn("w:pPrDefault") + "/" + qn("w:pPr"))
        assert rpr_default is not None and ppr_default is not None
        self._base_rpr(rpr_default)
        _put(ppr_default, _el("w:spacing", after="120", line="264", lineRule="auto"), _PPR_ORDER)

        normal = self._pstyle("Normal")
        self._base_rpr(_style_rpr(normal))
        normal.font.color.rgb = RGBColor.from_string(TEXT)
        normal.paragraph_format.widow_control = True

        title = self._pstyle("Title")
        title_ppr = _style_ppr(title)
        _put(title_ppr, self._pbdr(bottom=(12, ACCENT, 6)), _PPR_ORDER)
        _put(
            title_ppr,
            _el("w:spacing", before="0", after="160", line="240", lineRule="auto"),
            _PPR_ORDER,
        )
        title_rpr = _style_rpr(title)
        for tag in ("w:spacing", "w:kern"):
            for el in title_rpr.findall(qn(tag)):
                title_rpr.remove(el)
        title.font.size = Pt(24)
        title.font.bold = True
        title.font.color.rgb = RGBColor.from_string(ACCENT)
        title.paragraph_format.keep_with_next = True

        for name, size, before, after in (
            ("Heading 1", 14, 18, 6),
            ("Heading 2", 11.5, 12, 3),
            ("Heading 3", BODY_PT, 10, 2),
        ):
            h = self._pstyle(name)
            h.font.size = Pt(size)
            h.font.bold = True
            h.font.italic = name == "Heading 3"
            h.font.color.rgb = RGBColor.from_string(ACCENT)
            fmt = h.paragraph_format
            fmt.space_before = Pt(before)
            fmt.space_after = Pt(after)
            fmt.line_spacing = 1.0
            fmt.keep_with_next = True
            fmt.keep_together = True
            # Word's own theme colour link would win over the RGB value in some versions.
            color = _style_rpr(h).find(qn("w:color"))
            if color is not None:
                for attr in ("themeColor", "themeShade", "themeTint"):
                    color.attrib.pop(qn(f"w:{attr}"), None)

        lead = self._new_style("Lead", WD_STYLE_TYPE.PARAGRAPH)
        assert isinstance(lead, ParagraphStyle)
        lead.base_style = normal
        lead.next_paragraph_style = normal
        lead.quick_style = True
        lead.font.size = Pt(12)
        lead.font.color.rgb = RGBColor.from_string("333333")
        lead.paragraph_format.space_after = Pt(10)

        meta = self._new_style("Meta", WD_STYLE_TYPE.PARAGRAPH)
        assert isinstance(meta, ParagraphStyle)
        meta.base_style = normal
        meta.next_paragraph_style = normal
        meta.quick_style = True
        meta.font.size = Pt(9)
        meta.font.color.rgb = RGBColor.from_string(GREY)
        meta.paragraph_format.space_after = Pt(12)
        # Consecutive meta lines (organisation, version) stay together as one block.
        _put(_style_ppr(meta), _el("w:contextualSpacing"), _PPR_ORDER)

        note = self._new_style("Notice", WD_STYLE_TYPE.PARAGRAPH)
        assert isinstance(note, ParagraphStyle)
        note.base_style = normal
        note.next_paragraph_style = normal
        note.quick_style = True
        note.font.bold = True
        note.font.color.rgb = RGBColor.from_string("1A3C47")
        note_ppr = _style_ppr(note)
        _put(
            note_ppr,
            self._pbdr(
                left=(24, ACCENT, 8),
                top=(4, NOTE_FILL, 5),
                bottom=(4, NOTE_FILL, 5),
                right=(4, NOTE_FILL, 8),
            ),
            _PPR_ORDER,
        )
        _put(note_ppr, _el("w:shd", val="clear", color="auto", fill=NOTE_FILL), _PPR_ORDER)
        _put(note_ppr, _el("w:spacing", before="200", after="240"), _PPR_ORDER)
        _put(note_ppr, _el("w:ind", left="227", right="227"), _PPR_ORDER)
        note.paragraph_format.keep_together = True

        for name in ("List Bullet", "List Number"):
            lst = self._pstyle(name)
            lst.paragraph_format.space_after = Pt(3)
            # Space after the last item only: Word's contextual spacing removes it between items
            # of the same style but then also drops it after the list, so turn it off.
            ppr = _style_ppr(lst)
            for el in ppr.findall(qn("w:contextualSpacing")):
                ppr.remove(el)

        table_text = self._new_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
        assert isinstance(table_text, ParagraphStyle)
        table_text.base_style = normal
        table_text.font.size = Pt(TABLE_PT)
        table_text.paragraph_format.space_before = Pt(0)
        table_text.paragraph_format.space_after = Pt(2)
        table_text.paragraph_format.line_spacing = 1.08

        link = self._new_style("Hyperlink", WD_STYLE_TYPE.CHARACTER, builtin=True)
        assert isinstance(link, CharacterStyle)
        link.base_style = styles["Default Paragraph Font"]
        link.priority = 99
        link.unhide_when_used = True
        link.font.color.rgb = RGBColor.from_string(LINK)
        link.font.underline = True

        footer = self._pstyle("Footer")
        footer.font.size = Pt(8.5)
        footer.font.color.rgb = RGBColor.from_string(GREY)
        footer_ppr = _style_ppr(footer)
        tabs = _el("w:tabs")
        tabs.append(_el("w:tab", val="right", pos=str(TEXT_WIDTH // 635)))
        _put(footer_ppr, tabs, _PPR_ORDER)
        _put(footer_ppr, self._pbdr(top=(4, "BFBFBF", 6)), _PPR_ORDER)
        _put(
            footer_ppr,
            _el("w:spacing", before="0", after="0", line="240", lineRule="auto"),
            _PPR_ORDER,
        )

    def _new_style(self, name: str, kind: WD_STYLE_TYPE, *, builtin: bool = False) -> BaseStyle:
        """Add a style (python-docx's ``add_style`` first scans every style for the name)."""
        element = self.out.styles.element.add_style_of_type(name, kind, builtin)
        return StyleFactory(element)

    def _base_rpr(self, rpr: BaseOxmlElement) -> None:
        """Font, size and proofing language for the document defaults and Normal."""
        _set_fonts(rpr, FONT)
        half_points = str(round(BODY_PT * 2))
        _put(rpr, _el("w:sz", val=half_points), _RPR_ORDER)
        _put(rpr, _el("w:szCs", val=half_points), _RPR_ORDER)
        _put(rpr, _el("w:lang", val=self.lang, eastAsia=self.lang, bidi=self.lang), _RPR_ORDER)

    @staticmethod
    def _pbdr(**sides: tuple[int, str, int]) -> BaseOxmlElement:
        pbdr = _el("w:pBdr")
        for side in ("top", "left", "bottom", "right"):
            if side in sides:
                sz, color, space = sides[side]
                pbdr.append(_border(side, sz=sz, color=color, space=space))
        return pbdr

    def _setup_settings(self) -> None:
        settings = self.out.settings.element
        theme_lang = settings.find(qn("w:themeFontLang"))
        if theme_lang is not None:
            theme_lang.set(qn("w:val"), self.lang)
        # The template claims its spelling was checked; let Word check this text afresh.
        proof = settings.find(qn("w:proofState"))
        if proof is not None:
            settings.remove(proof)
        # Use the embedded fonts; hyphenate in the document's language (long German compounds
        # in narrow columns break at syllables, not anywhere).
        zoom = settings.find(qn("w:zoom"))
        if zoom is not None:
            zoom.addnext(_el("w:saveSubsetFonts"))
            zoom.addnext(_el("w:embedTrueTypeFonts"))
        tab_stop = settings.find(qn("w:defaultTabStop"))
        if tab_stop is not None:
            tab_stop.addnext(_el("w:autoHyphenation"))

    def _setup_properties(self) -> None:
        props = self.out.core_properties
        now = document_time(self.doc).replace(tzinfo=None)
        props.title = fit_property(self.doc.title)
        props.author = fit_property(self.doc.organisation)
        props.last_modified_by = fit_property(self.doc.organisation)
        props.subject = fit_property(self.doc.subject)
        props.language = self.lang
        props.comments = ""
        props.keywords = ""
        props.category = ""
        props.revision = 1
        props.created = now
        props.modified = now

    # -- rendering -------------------------------------------------------------------------------

    def render(self) -> bytes:
        body = self.out.element.body
        # The template's empty first paragraph would show as a blank line above the title.
        for p in body.findall(qn("w:p")):
            body.remove(p)
        sect_pr = body.find(qn("w:sectPr"))
        assert sect_pr is not None
        self._body_end = sect_pr
        after_table = False
        for block in self.doc.blocks:
            first = self._block(block)
            if after_table and first is not None and isinstance(block, Paragraph | ListBlock):
                first.paragraph_format.space_before = Pt(8)
            after_table = isinstance(block, Table)
        if after_table or not self.doc.blocks:
            # A document must not end with a table (Word adds a paragraph anyway).
            self._paragraph(self.body_style)
        self._footer()
        self._bullets()
        self._embed_fonts()
        buf = io.BytesIO()
        self.out.save(buf)
        return _reproducible_zip(buf.getvalue(), document_time(self.doc).timetuple()[:6])

    def _paragraph(self, style: ParagraphStyle) -> DocxParagraph:
        """A new body paragraph in ``style``, inserted before the body's section properties."""
        p = _new_p(style)
        self._body_end.addprevious(p)
        return DocxParagraph(p, self.out._body)

    def _block(self, block: Block) -> DocxParagraph | None:
        """Add one block; returns its first paragraph (None for a table)."""
        if isinstance(block, Heading):
            return self._heading(block)
        if isinstance(block, Paragraph):
            p = self._paragraph(self.role_styles.get(block.role, self.body_style))
            self._spans(p, block.spans)
            return p
        if isinstance(block, ListBlock):
            return self._list(block)
        if isinstance(block, QrCode):
            return self._qr(block)
        self._table(block)
        return None

    def _qr(self, block: QrCode) -> DocxParagraph:
        """The QR code as a picture, its description as the picture's alt text: floating at the
        right of the paragraph before it (the one that gives the address), else on its own."""
        from wizard.render.qr import qr_png

        before = self._body_end.getprevious()
        beside = before is not None and before.tag == qn("w:p")
        p = DocxParagraph(before, self.out._body) if beside else self._paragraph(self.body_style)
        run = p.add_run()
        run.add_picture(io.BytesIO(qr_png(block.target)), width=Cm(2.2))
        for doc_pr in p._p.iter(qn("wp:docPr")):
            doc_pr.set("descr", clean_text(block.alt))
        if beside:
            # Move the run to the start of the paragraph and let the text flow beside it.
            p._p.remove(run._r)
            ppr = p._p.find(qn("w:pPr"))
            (ppr.addnext if ppr is not None else lambda r: p._p.insert(0, r))(run._r)
            _float_right(run._r)
        return p

    def _heading(self, heading: Heading) -> DocxParagraph:
        style = self.heading_styles.get(heading.level)
        if style is None:
            style = self.heading_styles[1 if heading.level < 1 else 4]
        p = self._paragraph(style)
        # The number as the document model prints it ("3. " for a section, "3.2 " below).
        numbered, text = heading.numbered_text, heading.text
        if numbered.endswith(text):
            prefix = () if numbered == text else (Span(numbered[: len(numbered) - len(text)]),)
            self._spans(p, prefix + heading.spans)
        else:
            self._spans(p, (Span(numbered),))
        if heading.anchor:
            self._bookmark(p, _bookmark_name(heading.anchor))
        return p

    def _bookmark(self, p: DocxParagraph, name: str) -> None:
        self._bookmark_id += 1
        bid = str(self._bookmark_id)
        start = _el("w:bookmarkStart", id=bid, name=name)
        ppr = p._p.pPr
        p._p.insert(1 if ppr is not None else 0, start)
        p._p.append(_el("w:bookmarkEnd", id=bid))

    def _list(self, block: ListBlock) -> DocxParagraph | None:
        style = self.number_style if block.ordered else self.bullet_style
        num_id: int | None = None
        if block.ordered:
            self._ordered_lists += 1
            if self._ordered_lists > 1:
                num_id = self._restart_numbering()
        first: DocxParagraph | None = None
        for item in block.items:
            p = self._paragraph(style)
            if num_id is not None:
                num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
                num_pr.get_or_add_ilvl().val = 0
                num_pr.get_or_add_numId().val = num_id
            self._spans(p, item)
            first = first or p
        if block.items:
            # Items sit close together; the list as a whole keeps a body paragraph's distance.
            p.paragraph_format.space_after = Pt(6)
        return first

    def _restart_numbering(self) -> int | None:
        """A new numbering instance of the List Number style's list, starting again at 1."""
        num_pr = _style_ppr(self.number_style).find(qn("w:numPr"))
        num_id_el = num_pr.find(qn("w:numId")) if num_pr is not None else None
        if num_id_el is None:
            return None
        numbering = self.out.part.numbering_part.element
        num = numbering.num_having_numId(int(num_id_el.get(qn("w:val"))))
        new = numbering.add_num(num.abstractNumId.val)
        new.add_lvlOverride(ilvl=0).add_startOverride(1)
        return int(new.numId)

    def _spans(self, p: DocxParagraph, spans: Iterable[Span]) -> None:
        xml = "".join(self._span_xml(span, bold=span.bold) for span in spans)
        if xml:
            p._p.extend(list(parse_xml(f"<w:p {nsdecls('w', 'r')}>{xml}</w:p>")))

    # -- tables ----------------------------------------------------------------------------------

    def _table(self, table: Table) -> None:
        columns = max([len(table.header), *(len(r) for r in table.rows)], default=0)
        if columns == 0:
            return
        widths = _widths(table, columns)
        out: DocxTable = self.out.add_table(rows=0, cols=columns)
        out.style = self.out.styles["Table Grid"]
        out.alignment = WD_TABLE_ALIGNMENT.LEFT
        out.autofit = False
        tbl = out._tbl
        for grid_col, width in zip(tbl.tblGrid.gridCol_lst, widths, strict=True):
            grid_col.w = Emu(width)
        tbl_pr = tbl.tblPr
        _put(tbl_pr, _el("w:tblW", w=str(sum(widths) // 635), type="dxa"), _TBLPR_ORDER)
        _put(tbl_pr, _el("w:tblInd", w="0", type="dxa"), _TBLPR_ORDER)
        borders = _el("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            borders.append(_border(side, sz=4, color=TABLE_RULE))
        _put(tbl_pr, borders, _TBLPR_ORDER)
        margins = _el("w:tblCellMar")
        for side, w in (("top", "57"), ("left", "100"), ("bottom", "20"), ("right", "100")):
            margins.append(_el(f"w:{side}", w=w, type="dxa"))
        _put(tbl_pr, margins, _TBLPR_ORDER)
        look = _el(
            "w:tblLook",
            val="04A0",
            firstRow="1",
            lastRow="0",
            firstColumn="0",
            lastColumn="0",
            noHBand="1",
            noVBand="1",
        )
        _put(tbl_pr, look, _TBLPR_ORDER)
        caption = clean_text(table.caption).strip()
        if caption:
            _put(tbl_pr, _el("w:tblCaption", val=fit_property(caption)), _TBLPR_ORDER)
            _put(tbl_pr, _el("w:tblDescription", val=caption), _TBLPR_ORDER)

        rows = [(table.header, True)] if table.header else []
        self._rows(out, rows + [(row, False) for row in table.rows], widths)

    def _rows(
        self, out: DocxTable, rows: Sequence[tuple[Sequence[Cell], bool]], widths: Sequence[int]
    ) -> None:
        """Append ``rows`` (cells, is-header) to ``out`` in one piece; ``widths`` in EMU.

        The rows are written as WordprocessingML text and parsed once: creating the elements
        one by one took most of the time of a long table (tens of thousands of elements).
        """
        xml = [f"<w:tbl {nsdecls('w', 'r')}>"]
        for cells, header in rows:
            xml.append("<w:tr><w:trPr>")
            if _row_lines(cells, widths) <= _KEEP_ROW_LINES:
                # A short row stays on one page; a long one must be allowed to break, or Word
                # cuts off what does not fit on the page.
                xml.append("<w:cantSplit/>")
            if header:
                xml.append("<w:tblHeader/>")
            xml.append("</w:trPr>")
            shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{TABLE_HEAD_FILL}"/>'
            for i, width in enumerate(widths):
                xml.append(f'<w:tc><w:tcPr><w:tcW w:w="{width // 635}" w:type="dxa"/>')
                xml.append(shade if header else "")
                xml.append("</w:tcPr>")
                data = cells[i] if i < len(cells) else Cell(lines=())
                for line in data.lines or ((),):
                    xml.append(self._table_p_open)
                    for span in line:
                        xml.append(self._span_xml(span, bold=header or span.bold))
                    xml.append("</w:p>")
                xml.append("</w:tc>")
            xml.append("</w:tr>")
        xml.append("</w:tbl>")
        out._tbl.extend(list(parse_xml("".join(xml))))

    def _span_xml(self, span: Span, *, bold: bool) -> str:
        """One span as a run (inside a hyperlink when it links), as :meth:`_spans` writes it."""
        text = clean_text(span.text)
        if not text:
            return ""
        href = clean_text(span.href or "").strip()
        target = link_target(href, self.anchors) if href else None
        style = self.link_style.style_id if target else None
        props = (f'<w:rStyle w:val="{style}"/>' if style else "") + ("<w:b/>" if bold else "")
        props += "<w:i/>" if span.italic else ""
        run = ["<w:r>", f"<w:rPr>{props}</w:rPr>" if props else ""]
        for piece in _RUN_PIECES.split(text):
            if piece == "\t":
                run.append("<w:tab/>")
            elif piece == "\n":
                run.append("<w:br/>")
            elif piece:
                space = ' xml:space="preserve"' if piece != piece.strip() else ""
                run.append(f"<w:t{space}>{xml_escape(piece)}</w:t>")
        run.append("</w:r>")
        if target is None:
            return "".join(run)
        if target.startswith("#"):
            where = f"w:anchor={quoteattr(_bookmark_name(target[1:]))}"
        else:
            rid = self.out.part.relate_to(target, RT.HYPERLINK, is_external=True)
            where = f"r:id={quoteattr(rid)}"
        return f'<w:hyperlink {where} w:history="1">{"".join(run)}</w:hyperlink>'

    # -- fonts -----------------------------------------------------------------------------------

    def _bullets(self) -> None:
        """Bullets as "•" in the body font (the template's Symbol bullet is missing elsewhere)."""
        numbering = self.out.part.numbering_part.element
        for lvl in numbering.iter(qn("w:lvl")):
            fmt = lvl.find(qn("w:numFmt"))
            if fmt is None or fmt.get(qn("w:val")) != "bullet":
                continue
            text = lvl.find(qn("w:lvlText"))
            if text is not None:
                text.set(qn("w:val"), "\u2022")
            rpr = lvl.find(qn("w:rPr"))
            if rpr is None:
                rpr = OxmlElement("w:rPr")
                lvl.append(rpr)
            _set_fonts(rpr, FONT)

    def _embed_fonts(self) -> None:
        """Embed the body font (obfuscated as the Office Open XML standard requires)."""
        table = self.out.part.part_related_by(RT.FONT_TABLE)
        root = parse_xml(table.blob)
        font = _el("w:font", name=FONT)
        for tag, value in (
            ("w:panose1", "020B0502040504020204"),
            ("w:charset", "00"),
            ("w:family", "swiss"),
            ("w:pitch", "variable"),
        ):
            font.append(_el(tag, val=value))
        for index, (tag, filename) in enumerate(EMBEDDED_FONTS, start=1):
            data = resource("fonts", filename).read_bytes()
            key = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, filename + _sha1(data))).upper() + "}"
            part = Part(
                PackURI(f"/word/fonts/font{index}.odttf"),
                _OBFUSCATED_FONT,
                _obfuscate(data, key),
                table.package,
            )
            rid = table.relate_to(part, RT.FONT)
            embed = _el(f"w:{tag}", fontKey=key, subsetted="1")
            embed.set(qn("r:id"), rid)
            font.append(embed)
        root.append(font)
        table._blob = serialize_part_xml(root)

    # -- footer ----------------------------------------------------------------------------------

    def _footer(self) -> None:
        footer = self.out.sections[0].footer
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p._p.style = "Footer"
        left = " · ".join(
            part
            for part in (
                clean_text(self.doc.organisation).strip(),
                clean_text(self.doc.labels.effective).strip(),
            )
            if part
        )
        if left:
            p.add_run(left)
        p.add_run("\t")
        for piece in _PLACEHOLDER.split(clean_text(self.doc.labels.page_x_of_y)):
            if piece == "{page}":
                self._field(p, "PAGE")
            elif piece == "{pages}":
                self._field(p, "NUMPAGES")
            elif piece:
                p.add_run(piece)

    @staticmethod
    def _field(p: DocxParagraph, instruction: str) -> None:
        """A complex field (begin, instruction, separate, cached result, end)."""
        for kind, payload in (
            ("begin", None),
            ("instr", instruction),
            ("separate", None),
            ("result", "1"),
            ("end", None),
        ):
            run = p.add_run()
            r = run._r
            if kind == "instr":
                instr = OxmlElement("w:instrText")
                instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                instr.text = f" {payload} \\* MERGEFORMAT "
                r.append(instr)
            elif kind == "result":
                run.text = payload or ""
            else:
                r.append(_el("w:fldChar", fldCharType=kind))
