"""PDF renderer: lays a :class:`~wizard.policy.document.Document` out as an A4 PDF.

Built on ReportLab platypus. Every text run is XML-escaped before it reaches a platypus
``Paragraph``, so a company called ``<b>X</b> & Co`` is printed literally. The output embeds one
font family (Noto Sans, shipped in ``resources/fonts``) and nothing else, carries an outline
(bookmarks) for the numbered sections, a table of contents, document metadata including the
language, and a "Page X of Y" footer on every page.

The document is laid out in one pass. What is only known at the end (the page total in the
footers, the page numbers in the table of contents) is drawn as small form XObjects that each
page refers to and that are defined just before the file is written.
"""

from __future__ import annotations

import functools
import io
import os
import re
from ast import literal_eval
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    PageTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaParser
from reportlab.platypus.tableofcontents import TableOfContents

from wizard import languages
from wizard.fileio import atomic_write_bytes
from wizard.policy.document import (
    Cell,
    Document,
    Heading,
    Inline,
    ListBlock,
    Paragraph,
    QrCode,
    Table,
    link_target,
)
from wizard.render.fonts import MAIN, font_runs, main_font_shows, register_fonts, visual_order
from wizard.render.stamp import document_time

__all__ = ["FONT_FAMILY", "pdf_bytes", "register_fonts", "render_pdf"]

# --------------------------------------------------------------------------------------------
# Fonts

#: The registered name of the regular face; bold and italic faces share the prefix.
FONT_FAMILY = MAIN.name
_FONT_BOLD = f"{FONT_FAMILY}-Bold"

# --------------------------------------------------------------------------------------------
# Look

_PAGE_WIDTH, _PAGE_HEIGHT = A4
_MARGIN_X = 2.2 * cm
_MARGIN_TOP = 2.2 * cm
_MARGIN_BOTTOM = 2.6 * cm  # leaves room for the footer below the frame
_FRAME_HEIGHT = _PAGE_HEIGHT - _MARGIN_TOP - _MARGIN_BOTTOM
_FOOTER_RULE_Y = 1.75 * cm
_FOOTER_TEXT_Y = 1.3 * cm

_INK_HEX = "#1F2A30"
_INK = colors.HexColor(_INK_HEX)  # body text: a soft near-black
_HEADING = colors.HexColor("#0B4650")  # dark teal
_ACCENT = colors.HexColor("#147A87")  # teal accent: numbers, bullets, bars
_MUTED = colors.HexColor("#66737B")  # meta lines and footer
_LEADER = colors.HexColor("#8E9AA0")  # contents: dots and page numbers
_RULE = colors.HexColor("#CBD5D9")
_HEADER_BG = colors.HexColor("#DDECEE")
_ZEBRA = colors.HexColor("#F4F8F9")
_NOTE_BG = colors.HexColor("#E9F3F4")
_LINK = "#0F6A7A"
_ACCENT_HEX = "#147A87"

_BODY_SIZE = 10.0
_SHORT_LIST = 4
_NOTE_PAD = 8.0


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": FONT_FAMILY,
        "fontSize": _BODY_SIZE,
        "leading": 14.5,
        "textColor": _INK,
        "spaceAfter": 6,
        "allowWidows": 0,
        "allowOrphans": 0,
        "hyphenationLang": "",  # never hyphenate: words must extract whole
        "embeddedHyphenation": 0,
        "splitLongWords": 1,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


class _Styles:
    """All paragraph styles, made once (after the fonts are registered)."""

    def __init__(self) -> None:
        self.body = _style("pw-body")
        self.lead = _style("pw-lead", fontSize=11.5, leading=16.5, spaceBefore=6, spaceAfter=10)
        self.meta = _style("pw-meta", fontSize=8.5, leading=12, textColor=_MUTED, spaceAfter=0)
        self.note = _style(
            "pw-note",
            leftIndent=15,
            rightIndent=12,
            spaceBefore=6,
            spaceAfter=12,
        )
        self.eyebrow = _style(
            "pw-eyebrow",
            fontName=_FONT_BOLD,
            fontSize=10.5,
            leading=14,
            textColor=_ACCENT,
            spaceAfter=4,
        )
        self.title = _style(
            "pw-title",
            fontName=_FONT_BOLD,
            fontSize=24,
            leading=29,
            textColor=_HEADING,
            spaceAfter=0,
            keepWithNext=1,
        )
        self.h2 = _style(
            "pw-h2",
            fontName=_FONT_BOLD,
            fontSize=13.5,
            leading=18,
            textColor=_HEADING,
            spaceBefore=16,
            spaceAfter=5,
            keepWithNext=1,
        )
        self.h3 = _style(
            "pw-h3",
            fontName=_FONT_BOLD,
            fontSize=10.8,
            leading=15,
            textColor=_HEADING,
            spaceBefore=9,
            spaceAfter=3,
            keepWithNext=1,
        )
        self.contents = _style(
            "pw-contents",
            fontName=_FONT_BOLD,
            fontSize=10.5,
            leading=14,
            textColor=_HEADING,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        )
        # Leader dots and page numbers in a quieter colour; entries wrap their text in _INK.
        self.toc = _style(
            "pw-toc",
            fontSize=9.5,
            leading=15.5,
            textColor=_LEADER,
            spaceAfter=0,
            rightIndent=1.2 * cm,
        )
        self.bullet_item = _style(
            "pw-bullet-item",
            spaceAfter=2.5,
            leftIndent=16,
            bulletIndent=3,
            bulletFontName=FONT_FAMILY,
            bulletFontSize=_BODY_SIZE,
            bulletColor=_ACCENT,
        )
        self.ordered_item = _style(
            "pw-ordered-item",
            spaceAfter=2.5,
            leftIndent=18,
            bulletIndent=0,
            bulletFontName=FONT_FAMILY,
            bulletFontSize=_BODY_SIZE,
            bulletColor=_ACCENT,
        )
        self.cell = _style("pw-cell", fontSize=8.6, leading=11.6, spaceAfter=0)
        self.header_cell = _style(
            "pw-header-cell",
            fontName=_FONT_BOLD,
            fontSize=8.6,
            leading=11.6,
            textColor=_HEADING,
            spaceAfter=0,
        )
        self.footer_size = 7.8
        self.footer = _style(
            "pw-footer", fontSize=self.footer_size, leading=self.footer_size * 1.2, textColor=_MUTED
        )


_styles_cache: _Styles | None = None


def _styles() -> _Styles:
    global _styles_cache
    register_fonts()
    if _styles_cache is None:
        _styles_cache = _Styles()
    return _styles_cache


# --------------------------------------------------------------------------------------------
# Text -> safe Paragraph markup

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


def _esc(text: str) -> str:
    """Text as Paragraph markup: XML-escaped, without control characters.

    Characters Noto Sans lacks are set in a fallback font (Arabic and Hebrew in visual order).
    """
    text = _CONTROL_CHARS.sub("", text)
    if main_font_shows(text):
        return escape(text)
    out: list[str] = []
    for family, run in font_runs(text):
        if family is MAIN:
            out.append(escape(run))
        else:
            shown = visual_order(run) if family.rtl else run
            out.append(f'<font name="{family.name}">{escape(shown)}</font>')
    return "".join(out)


def _esc_attr(text: str) -> str:
    """A double-quoted attribute value."""
    return escape(_CONTROL_CHARS.sub("", text), {'"': "&quot;", "'": "&apos;"})


def _markup(spans: Inline, anchors: frozenset[str] = frozenset()) -> str:
    """Paragraph markup for a run of spans; every text and attribute is escaped."""
    out: list[str] = []
    for span in spans:
        text = _esc(span.text).replace("\n", "<br/>")
        if span.bold:
            text = f"<b>{text}</b>"
        if span.italic:
            text = f"<i>{text}</i>"
        target = link_target(span.href, anchors)
        if target:
            text = f'<a href="{_esc_attr(target)}" color="{_LINK}">{text}</a>'
        out.append(text)
    return "".join(out)


def _pdf_lang(lang: str) -> str:
    """A BCP 47 tag for the catalog's /Lang: "nl" -> "nl-NL", "fr_BE" -> "fr-BE"."""
    tag = lang.strip().replace("_", "-")
    for code in (tag, tag.lower()):
        if code in languages.LANGUAGES:
            return languages.get(code).tag
    return tag


# --------------------------------------------------------------------------------------------
# Flowables


class _Para(RLParagraph):
    """A platypus Paragraph that remembers its line breaks per width.

    Tables wrap each cell several times (once more at every page split); the line breaking (mostly string widths) is the bulk of the time, and it depends only on the
    width, so it is done once per width.
    """

    _wrap_cache: dict[float, tuple[Any, Any, float]] | None = None

    def __init__(self, text: str | None, style: ParagraphStyle, **kw: Any) -> None:
        if (
            text
            and kw.get("frags") is None
            and not kw.get("bulletText")
            and "<" not in text
            and "&" not in text
            and text.strip()
        ):
            # Plain text (most table cells): the fragment the markup parser would make, without
            # running the parser (a third of the time of a long table went there).
            text = cleanBlockQuotedText(text)
            kw["frags"] = [_plain_fragment(style).clone(text=text)]
        super().__init__(text, style, **kw)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        cache = self._wrap_cache
        if cache is None:
            cache = self._wrap_cache = {}
        hit = cache.get(availWidth)
        if hit is not None:
            self.width = availWidth
            self.blPara, self._wrapWidths, self.height = hit
            return availWidth, self.height
        width, height = super().wrap(availWidth, availHeight)
        if height < 0x7FFFFFFF:
            cache[availWidth] = (self.blPara, self._wrapWidths, height)
        return width, height


_plain_fragments: dict[str, Any] = {}


def _plain_fragment(style: ParagraphStyle) -> Any:
    """The markup parser's fragment for plain text in ``style`` (made once per style)."""
    frag = _plain_fragments.get(style.name)
    if frag is None:
        _, frags, _ = ParaParser().parse("x", style)
        assert frags is not None and len(frags) == 1
        frag = _plain_fragments[style.name] = frags[0]
    return frag


class _HeadingParagraph(_Para):
    """A heading that adds an outline entry (and a contents line) once it is placed."""

    outline: tuple[str, str, int, str | None] | None = None  # title, key, level, toc markup


class _KeepWithNext(KeepTogether):
    """keepWithNext that needs only the *start* of the following flowable on the same page.

    ReportLab's KeepTogether moves a heading and the whole of its next flowable to a new page
    when they don't fit together, which leaves a half-empty page before a long paragraph,
    table or notice. Here the group stays if the headings and the first piece the next
    flowable can split off fit; the frame then splits that flowable as usual.
    """

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content: list[Flowable] = self._content[:]
        *lead, last = content
        if self._H > aH and lead and all(isinstance(f, _HeadingParagraph) for f in lead):
            lead_height = sum(
                f.wrapOn(self.canv, aW, 0xFFFFFFF)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                for f in lead
            )
            room = aH - lead_height - last.getSpaceBefore()
            if room > 0:
                last.wrapOn(self.canv, aW, room)
                if last.splitOn(self.canv, aW, room):
                    return content
        return list(super().split(aW, aH))


class _PolicyDocTemplate(BaseDocTemplate):
    """A4 page template with a footer whose page total, like the contents' page numbers, is
    filled in when the last page is known."""

    def __init__(self, buffer: io.BytesIO, doc: Document, **kw: Any) -> None:
        self._policy = doc
        self._outline_level = -1
        #: Page of each contents entry (by key), and the room its dots and number may take.
        self.toc_pages: dict[str, int] = {}
        self.toc_room: dict[str, tuple[float, ParagraphStyle]] = {}
        super().__init__(buffer, **kw)
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._footer)])

    def beforeDocument(self) -> None:
        self._outline_level = -1
        # Reproducible output: the creation date from the document, not the clock (the file
        # id is a digest of the content in invariant mode).
        self.canv._doc._timeStamp = _timestamp(document_time(self._policy))
        self.canv.showOutline()

    def afterFlowable(self, flowable: Flowable) -> None:
        info = getattr(flowable, "outline", None)
        if not info:
            return
        title, key, level, toc = info
        # An outline level may go at most one deeper than the previous entry.
        level = max(0, min(level, self._outline_level + 1))
        self._outline_level = level
        self.canv.addOutlineEntry(title, key, level=level, closed=False)
        if toc is not None:
            self.toc_pages[key] = int(self.page)

    def finish(self, canv: Canvas) -> None:
        """Define the forms the pages refer to, now that every page number is known."""
        styles = _styles()
        total = int(self.page)
        size = styles.footer_size
        for page in range(1, total + 1):
            text = _page_x_of_y(self._policy, page, total)
            width = pdfmetrics.stringWidth(text, FONT_FAMILY, size)
            canv.beginForm(_footer_form(page), -width - 1, -size, 1, 2 * size)
            canv.setFillColor(_MUTED)
            canv.setFont(FONT_FAMILY, size)
            canv.drawRightString(0, 0, text)
            canv.endForm()
        for key, (room, style) in self.toc_room.items():
            number = str(self.toc_pages.get(key, ""))
            font, fsize = style.fontName, style.fontSize
            dot = " . "
            dots = int(
                (room - pdfmetrics.stringWidth(number, font, fsize))
                / pdfmetrics.stringWidth(dot, font, fsize)
            )
            text = dot * max(dots, 0) + number
            width = pdfmetrics.stringWidth(text, font, fsize)
            canv.beginForm(_toc_form(key), -width - 1, -fsize, 1, 2 * fsize)
            canv.setFillColor(style.textColor)
            canv.setFont(font, fsize)
            canv.drawRightString(0, 0, text)
            canv.endForm()

    def _footer(self, canv: Canvas, _doc: BaseDocTemplate) -> None:
        policy = self._policy
        styles = _styles()
        # Room for a page total of up to three digits; the text itself is a form (see finish).
        page_text = _page_x_of_y(policy, int(self.page), 999)
        size = styles.footer_size
        right = _PAGE_WIDTH - _MARGIN_X
        canv.saveState()
        canv.setStrokeColor(_RULE)
        canv.setLineWidth(0.5)
        canv.line(_MARGIN_X, _FOOTER_RULE_Y, right, _FOOTER_RULE_Y)
        canv.setFillColor(_MUTED)
        canv.setFont(FONT_FAMILY, size)
        canv.saveState()
        canv.translate(right, _FOOTER_TEXT_Y)
        canv.doForm(_footer_form(int(self.page)))
        canv.restoreState()
        room = self.width - pdfmetrics.stringWidth(page_text, FONT_FAMILY, size) - 1 * cm
        left = _fit(_footer_left(policy), room, size)
        if main_font_shows(left):
            canv.drawString(_MARGIN_X, _FOOTER_TEXT_Y, left)
        else:
            # Other scripts need the fallback fonts (and right-to-left order) of a Paragraph.
            para = RLParagraph(_esc(left), styles.footer)
            _, height = para.wrapOn(canv, room, size * 3)
            para.drawOn(canv, _MARGIN_X, _FOOTER_TEXT_Y - height + size)
        canv.restoreState()


def _page_x_of_y(doc: Document, page: int, total: int) -> str:
    return doc.labels.page_x_of_y.replace("{pages}", str(total)).replace("{page}", str(page))


def _footer_form(page: int) -> str:
    return f"pwFooter{page}"


def _toc_form(key: str) -> str:
    return f"pwToc{key}"


class _Canvas(Canvas):
    """A canvas that lets the document define its late forms just before it is saved."""

    before_save: Any = None

    def save(self) -> None:
        if self.before_save is not None:
            self.before_save(self)
        super().save()


class _Contents(TableOfContents):
    """The table of contents in one pass: the dots and page number at the end of each line are
    a form defined when the page is known (see :meth:`_PolicyDocTemplate.finish`)."""

    template: _PolicyDocTemplate | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        width, height = super().wrap(availWidth, availHeight)
        template = self.template

        def entry_end(canvas: Canvas, _kind: str, label: str) -> None:
            _page, level, key = label.split(",", 2)
            name = literal_eval(key.replace("\\x2c", ","))
            x, y = canvas._curr_tx_info["cur_x"], canvas._curr_tx_info["cur_y"]
            if template is not None and name:
                template.toc_room[name] = (availWidth - x, self.getLevelStyle(int(level)))
                canvas.saveState()
                canvas.translate(availWidth, y)
                canvas.doForm(_toc_form(name))
                canvas.restoreState()

        self.canv.setNamedCB("drawTOCEntryEnd", entry_end)
        return float(width), float(height)


def _timestamp(when: datetime) -> TimeStamp:
    """ReportLab's creation-date record for ``when`` (UTC)."""
    stamp = TimeStamp(invariant=True)
    stamp.t = when.timestamp()
    stamp.lt = when.utctimetuple()
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"
    return stamp


def _footer_left(doc: Document) -> str:
    parts = [p for p in (doc.organisation.strip(), doc.labels.effective.strip()) if p]
    return _CONTROL_CHARS.sub("", "  ·  ".join(parts))


@functools.lru_cache(maxsize=64)
def _fit(text: str, width: float, size: float) -> str:
    """Shorten ``text`` with an ellipsis until it fits ``width``.

    A binary search on the length (a footer is fitted on every page, and a legal name may be
    10,000 characters long: shortening one character at a time measured the whole string
    thousands of times per page), cached because every page has the same footer text.
    """
    if pdfmetrics.stringWidth(text, FONT_FAMILY, size) <= width:
        return text
    low, high = 0, len(text)  # text[:low] + "…" fits; text[:high] + "…" does not (or high=len)
    while low < high:
        middle = (low + high + 1) // 2
        if pdfmetrics.stringWidth(text[:middle] + "…", FONT_FAMILY, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


class _NoteParagraph(_Para):
    """The highlighted notice: a shaded box with a teal bar on its left.

    A Paragraph (not a one-cell table) so that a long notice splits across pages like any other
    text; every piece of a split gets its own box. The horizontal padding is the style's
    indents, the vertical padding is added here.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        width, height = super().wrap(availWidth, availHeight)
        return width, height + 2 * _NOTE_PAD

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return list(super().split(availWidth, availHeight - 2 * _NOTE_PAD))

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        height = self.height + 2 * _NOTE_PAD
        canvas.saveState()
        canvas.setFillColor(_NOTE_BG)
        canvas.rect(x, y, self.width, height, stroke=0, fill=1)
        canvas.setFillColor(_ACCENT)
        canvas.rect(x, y, 3, height, stroke=0, fill=1)
        canvas.restoreState()
        super().drawOn(canvas, x, y + _NOTE_PAD, _sW)


def _list(block: ListBlock, styles: _Styles, anchors: frozenset[str]) -> list[Flowable]:
    """One paragraph per item with a hanging bullet or number.

    Plain paragraphs rather than a ListFlowable: platypus never keeps a heading with a
    container, and keepWithNext on the items keeps a short list in one piece and never leaves
    a first or last item alone on a page.
    """
    count = len(block.items)
    style = styles.bullet_item
    if block.ordered:
        # Room for the widest number, e.g. "12."
        label_width = pdfmetrics.stringWidth(f"{count}.", FONT_FAMILY, _BODY_SIZE)
        style = ParagraphStyle(
            f"pw-ordered-{count}",
            parent=styles.ordered_item,
            leftIndent=max(styles.ordered_item.leftIndent, label_width + 8),
        )
    out: list[Flowable] = []
    for number, item in enumerate(block.items, start=1):
        bullet = f"{number}." if block.ordered else "•"
        para = _Para(_markup(item, anchors), style, bulletText=bullet)
        if count <= _SHORT_LIST:
            keep = number < count
        else:
            keep = number == 1 or number == count - 1
        if keep:
            para.keepWithNext = 1
        if number == count:
            para.spaceAfter = style.spaceAfter + 5
        out.append(para)
    return out


class _PolicyTable(RLTable):
    """A table that never leaves a single body row alone at either end of a page break."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts = list(super().split(availWidth, availHeight))
        if len(parts) != 2:
            return parts
        at_top = availHeight >= _FRAME_HEIGHT - 1  # nowhere better to go: take any split
        head = self.repeatRows
        first_rows = len(parts[0]._cellvalues)
        if len(parts[1]._cellvalues) - head < 2 and first_rows - head > 2:
            # Move the last row of this page over, to keep the last row company.
            shorter = availHeight - self._rowHeights[first_rows - 1]
            parts = list(super().split(availWidth, shorter))
            if len(parts) != 2:
                return [] if not at_top else list(super().split(availWidth, availHeight))
            first_rows = len(parts[0]._cellvalues)
        if first_rows - head < 2 and not at_top:
            return []  # start the table on the next page instead
        return parts


_ASCII_SPACE = re.compile(r"[ \t\n\r\f\v]+")


class _PlainCell(Flowable):
    """A table cell of plain text (each line in one face): most cells of a long table.

    Laid out and drawn like a left-aligned platypus Paragraph (the same line breaks at spaces,
    long words broken where they must be, the same baselines), without the general paragraph
    machinery, which took most of the time of a table with thousands of cells.
    """

    def __init__(
        self,
        parts: list[tuple[str, str]],
        style: ParagraphStyle,
        lines: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__()
        self.parts = parts  # (text, font name) per line of the cell
        self.style = style
        self._lines = lines
        self._wrapped: tuple[float, list[tuple[str, str]]] | None = None

    def _break(self, text: str, font: str, width: float) -> list[str]:
        size = self.style.fontSize
        measure = pdfmetrics.stringWidth
        space = measure(" ", font, size)
        lines: list[str] = []
        current: list[str] = []
        used = 0.0
        # Only ASCII white space separates words: a no-break space (as in "Art. 6") holds.
        for word in _ASCII_SPACE.split(text.strip(" \t\n\r\f\v")):
            w = measure(word, font, size)
            if current and used + space + w <= width:
                current.append(word)
                used += space + w
                continue
            if current:
                lines.append(" ".join(current))
                current, used = [], 0.0
            while w > width and len(word) > 1:
                # A word wider than the column: as many letters as fit, then the rest.
                cut = len(word) - 1
                while cut > 1 and measure(word[:cut], font, size) > width:
                    cut = max(1, int(cut * width / measure(word[:cut], font, size)))
                    while cut < len(word) and measure(word[: cut + 1], font, size) <= width:
                        cut += 1
                lines.append(word[:cut])
                word = word[cut:]
                w = measure(word, font, size)
            current, used = [word], w
        if current:
            lines.append(" ".join(current))
        return lines

    def lines(self, width: float) -> list[tuple[str, str]]:
        if self._lines is not None:
            return self._lines
        if self._wrapped is None or self._wrapped[0] != width:
            out = [
                (line, font) for text, font in self.parts for line in self._break(text, font, width)
            ]
            self._wrapped = (width, out)
        return self._wrapped[1]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.height = len(self.lines(availWidth)) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        # Lines as laid out in the column (a table passes the cell width with its padding here).
        lines = self.lines(self.width if self._wrapped else availWidth)
        fit = min(int(availHeight // self.style.leading), len(lines) - 1)
        if fit <= 0:
            return []
        return [
            _PlainCell(self.parts, self.style, lines[:fit]),
            _PlainCell(self.parts, self.style, lines[fit:]),
        ]

    def draw(self) -> None:
        style = self.style
        first = self.height - (
            style.fontSize
            if rl_config.paraFontSizeHeightOffset
            else pdfmetrics.getAscent(style.fontName, style.fontSize)
        )
        text = self.canv.beginText(0, first)
        text.setFillColor(style.textColor)
        current = ""
        for line, font in self.lines(self.width):
            if font != current:
                text.setFont(font, style.fontSize, style.leading)
                current = font
            text.textLine(line)
        self.canv.drawText(text)


def _cell(cell: Cell, style: ParagraphStyle, anchors: frozenset[str]) -> Flowable:
    parts: list[tuple[str, str]] = []
    base_bold = style.fontName == MAIN.faces[1]
    for line in cell.lines:
        if len(line) != 1 or link_target(line[0].href, anchors):
            break
        span = line[0]
        text = _CONTROL_CHARS.sub("", span.text)
        if not text.strip() or "\n" in text or not main_font_shows(text):
            break
        parts.append((text, MAIN.faces[(span.bold or base_bold) + 2 * span.italic]))
    else:
        if parts:
            return _PlainCell(parts, style)
    return _Para("<br/>".join(_markup(line, anchors) for line in cell.lines), style)


def _table(table: Table, width: float, styles: _Styles, anchors: frozenset[str]) -> Flowable:
    ncols = max([len(table.header), *(len(row) for row in table.rows), 1])
    weights = [w if w > 0 else 0.0 for w in table.widths[:ncols]]
    if len(weights) < ncols or sum(weights) <= 0:
        weights = [1.0] * ncols
    col_widths = [width * w / sum(weights) for w in weights]

    empty = Cell(lines=())
    data: list[list[Flowable]] = []
    if table.header:
        header = list(table.header) + [empty] * (ncols - len(table.header))
        data.append([_cell(c, styles.header_cell, anchors) for c in header])
    for row in table.rows:
        cells = list(row) + [empty] * (ncols - len(row))
        data.append([_cell(c, styles.cell, anchors) for c in cells])
    if not data:
        return Spacer(0, 0)

    first_body = 1 if table.header else 0
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT_FAMILY),  # else cells select Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 4.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, first_body), (-1, -1), 0.35, _RULE),
        ("ROWBACKGROUNDS", (0, first_body), (-1, -1), [colors.white, _ZEBRA]),
    ]
    if table.header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), _HEADER_BG),
            ("LINEBELOW", (0, 0), (-1, 0), 0.9, _ACCENT),
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ]
    rl_table = _PolicyTable(
        data,
        colWidths=col_widths,
        repeatRows=1 if table.header else 0,
        splitByRow=1,
        # A row taller than what is left of the page (a very long text in a cell) is split
        # inside the row, so that no text is ever too long to lay out.
        splitInRow=1,
        hAlign="LEFT",
        style=TableStyle(commands),
    )
    rl_table.spaceBefore = 4
    rl_table.spaceAfter = 10
    return rl_table


def _anchor_keys(doc: Document) -> dict[int, str]:
    """A unique, PDF-safe destination name for every heading, by block index."""
    keys: dict[int, str] = {}
    used: set[str] = set()
    for index, block in enumerate(doc.blocks):
        if not isinstance(block, Heading):
            continue
        key = _KEY_UNSAFE.sub("", block.anchor)
        if not key or key in used:
            key = f"pw-h{index}"
        used.add(key)
        keys[index] = key
    return keys


def _story(doc: Document, width: float) -> list[Flowable]:
    """The flowables for ``doc``: title block, contents, then the blocks in order."""
    styles = _styles()
    keys = _anchor_keys(doc)
    anchors = frozenset(
        b.anchor for b in doc.blocks if isinstance(b, Heading) and b.anchor
    ) & frozenset(keys.values())
    story: list[Flowable] = []
    sections = doc.headings(2)
    toc: TableOfContents | None = None
    seen_title = False

    def title_block(title_markup: str, plain_title: str) -> None:
        org = doc.organisation.strip()
        # The organisation is shown above the title unless the title or the meta lines that
        # follow it already name it.
        org_in_meta = any(
            isinstance(b, Paragraph) and b.role == "meta" and b.text.strip() == org
            for b in doc.blocks[:4]
        )
        if org and not org_in_meta and org.casefold() not in plain_title.casefold():
            story.append(_Para(_esc(org), styles.eyebrow))
        story.append(_Para(title_markup, styles.title))
        story.append(
            HRFlowable(
                width=1.6 * cm,
                thickness=2,
                color=_ACCENT,
                hAlign="LEFT",
                spaceBefore=9,
                spaceAfter=10,
            )
        )

    first = doc.blocks[0] if doc.blocks else None
    if not (isinstance(first, Heading) and first.level == 1):
        title_block(_esc(doc.title), doc.title)
        seen_title = True

    for index, block in enumerate(doc.blocks):
        if isinstance(block, Heading):
            key = keys[index]
            name = f'<a name="{key}"/>'
            if block.level <= 1:
                if not seen_title:
                    title_block(name + _markup(block.spans, anchors), block.text)
                    seen_title = True
                else:
                    story.append(_Para(name + _markup(block.spans, anchors), styles.h2))
                continue
            if block.level == 2 and toc is None and len(sections) >= 2:
                toc = _contents(doc, styles, keys)
                story += [_Para(_esc(doc.labels.contents), styles.contents), toc]
                story.append(Spacer(0, 6))
            number = _number_markup(block)
            style = styles.h2 if block.level == 2 else styles.h3
            para = _HeadingParagraph(name + number + _markup(block.spans, anchors), style)
            para.outline = (
                _CONTROL_CHARS.sub("", block.numbered_text),
                key,
                block.level - 2,
                _toc_entry(block) if block.level == 2 else None,
            )
            story.append(para)
        elif isinstance(block, Paragraph):
            markup = _markup(block.spans, anchors)
            if block.role == "note":
                story.append(_NoteParagraph(markup, styles.note))
            elif block.role == "lead":
                story.append(_Para(markup, styles.lead))
            elif block.role == "meta":
                story.append(_Para(markup, styles.meta))
            else:
                story.append(_Para(markup, styles.body))
        elif isinstance(block, ListBlock):
            story.extend(_list(block, styles, anchors))
        elif isinstance(block, Table):
            story.append(_table(block, width, styles, anchors))
        elif isinstance(block, QrCode):
            code = _qr(block)
            if story and isinstance(story[-1], _Para) and _fits_beside(story[-1], code, width):
                # Beside the paragraph that gives the address, not below it.
                story[-1] = RLTable(
                    [[story[-1], code]],
                    colWidths=[width - code.width - 0.5 * cm, code.width + 0.5 * cm],
                    style=[
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                        # The paragraph keeps the left edge of the text around it; the code's
                        # top lines up with the paragraph's first line.
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ],
                )
            else:
                story.append(code)
    return story


def _fits_beside(para: _Para, code: Drawing, width: float) -> bool:
    """Whether ``para`` is short enough to share a table row with ``code`` (a row cannot
    break across pages: a long paragraph stands alone, the code below it)."""
    _w, height = para.wrap(width - code.width - 0.5 * cm, _FRAME_HEIGHT)
    return bool(height <= 3 * code.height)


def _qr(block: QrCode, size: float = 2.5 * cm) -> Drawing:
    """The QR code drawn as vector squares (sharp at any zoom and in print)."""
    from reportlab.graphics.shapes import Rect

    from wizard.render.qr import qr_matrix

    matrix = qr_matrix(block.target)
    quiet = 4
    modules = len(matrix) + 2 * quiet
    unit = size / modules
    drawing = Drawing(size, size)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                drawing.add(
                    Rect(
                        (x + quiet) * unit,
                        size - (y + quiet + 1) * unit,
                        unit,
                        unit,
                        fillColor=colors.black,
                        strokeColor=None,
                    )
                )
    drawing.hAlign = "LEFT"
    return drawing


def _number_markup(heading: Heading) -> str:
    """The section number as Heading.numbered_text prints it ("3. ", "3.2 "), in the accent."""
    full, text = heading.numbered_text, heading.text
    if not heading.number or not full.endswith(text) or len(full) == len(text):
        return ""
    prefix = full[: len(full) - len(text)]
    return f'<font color="{_ACCENT_HEX}">{_esc(prefix.rstrip())}</font>' + _esc(
        prefix[len(prefix.rstrip()) :]
    )


_TOC_CHARACTERS = 200


def _toc_entry(heading: Heading) -> str:
    """A contents line's markup (plain text: the line itself is the link).

    A heading of any length is printed whole where it stands, where it can break across
    pages; its contents line is a table row, which cannot, so a very long heading is
    shortened there (at a space when there is one) and ends in an ellipsis.
    """
    text = heading.numbered_text
    if len(text) > _TOC_CHARACTERS:
        cut = text[:_TOC_CHARACTERS]
        space = cut.rfind(" ")
        text = (cut[:space] if space > _TOC_CHARACTERS // 2 else cut).rstrip() + "…"
    return f'<font color="{_INK_HEX}">{_esc(text)}</font>'


def _contents(doc: Document, styles: _Styles, keys: dict[int, str]) -> _Contents:
    toc = _Contents(
        levelStyles=[styles.toc],
        dotsMinLevel=0,
        rightColumnWidth=1.2 * cm,
        tableStyle=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT_FAMILY),  # else cells select Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    # The titles are known before layout; their page numbers are filled in at the end.
    toc._lastEntries = [
        (0, _toc_entry(b), 0, keys[i])
        for i, b in enumerate(doc.blocks)
        if isinstance(b, Heading) and b.level == 2
    ]
    return toc


# --------------------------------------------------------------------------------------------
# Public API


def pdf_bytes(doc: Document) -> bytes:
    """Render ``doc`` as an A4 PDF and return the file's bytes."""
    register_fonts()
    buffer = io.BytesIO()
    template = _PolicyDocTemplate(
        buffer,
        doc,
        pagesize=A4,
        leftMargin=_MARGIN_X,
        rightMargin=_MARGIN_X,
        topMargin=_MARGIN_TOP,
        bottomMargin=_MARGIN_BOTTOM,
        title=doc.title,
        author=doc.organisation,
        subject=doc.subject or doc.title,
        creator="Privacy Wizard",
        lang=_pdf_lang(doc.lang),
        displayDocTitle=True,
        invariant=1,
        initialFontName=FONT_FAMILY,
        initialFontSize=_BODY_SIZE,
        allowSplitting=1,
        keepTogetherClass=_KeepWithNext,
    )
    story = _story(doc, template.width)
    for flowable in story:
        if isinstance(flowable, _Contents):
            flowable.template = template

    def canvas(*args: Any, **kw: Any) -> _Canvas:
        canv = _Canvas(*args, **kw)
        canv.before_save = template.finish
        return canv

    template.build(story, canvasmaker=canvas)
    return buffer.getvalue()


def render_pdf(doc: Document, path: str | os.PathLike[str]) -> None:
    """Render ``doc`` as a PDF and write it to ``path`` atomically."""
    atomic_write_bytes(path, pdf_bytes(doc))
