"""Parse the small semantic HTML subset the templates emit into the document tree.

The templates run with autoescape on, so everything the user typed arrives here as escaped text
and leaves as plain :class:`Span` text. Sections (``h2``) and subsections (``h3``) are numbered
here, so a section that does not apply simply disappears and the numbers stay consecutive.

Accepted tags: h1-h3, p (optional class lead/meta/note), ul, ol, li, table, caption, thead,
tbody, tr, th, td, strong/b, em/i, a (href), br, section/div (ignored). Anything else is an error:
a template bug should fail the tests, not vanish silently.

A heading, a list item or a table cell may declare which Art. 13/14 elements it gives
(``data-covers="legal_basis retention"``): the declaration is kept in the tree (``covers`` of a
:class:`Heading` or a :class:`Cell`, ``item_covers`` of a :class:`ListBlock`), so a clause counts
only when the template emits it. On any other tag it is an error.
"""

from __future__ import annotations

import re
from html import unescape

from wizard.policy.document import Block, Cell, Heading, Inline, ListBlock, Paragraph, Span, Table

# HTML's white space (no-break spaces are text: French puts one before a colon).
_HTML_WS = " \t\n\r\f"
_WS = re.compile(f"[{_HTML_WS}]+")
# A <br> inside a paragraph or list item, kept through the folding of white space (which would
# turn a newline into a space) and then made the span's line break, without the spaces around it.
_BREAK = "\u2028"
_BREAK_AND_SPACE = re.compile(f" ?{_BREAK} ?")
_TRANSPARENT = {"html", "body", "section", "div", "thead", "tbody", "span"}
# One tag (or a comment) of the template output. The templates emit well-formed tags only, so
# one regular expression tokenises them several times faster than html.parser does; text
# between tags is unescaped as html.parser would (``convert_charrefs``). A "<" that starts no
# tag is text, as in HTML.
_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][^\s/>]*)([^>]*)>", re.DOTALL)
# One table row as the templates write it (a user's "<tr>" arrives escaped, as "&lt;tr&gt;").
_ROW = re.compile(r"<tr>.*?</tr>", re.DOTALL)
# One cell of such a row; cells never nest.
_CELL = re.compile(r"<(td|th)>(.*?)</\1>", re.DOTALL)
# A cell's line that is one emphasised run, white space around it allowed.
_EMPHASIS = re.compile(r"[ \t\n\r\f]*<(em|strong)>([^<]*)</\1>[ \t\n\r\f]*")
#: Rows parsed before, by their HTML: a change to one answer of a large project changes a few
#: rows of its tables, and the live preview parses only those again. Cells are immutable.
_ROWS: dict[str, tuple[tuple[Cell, ...], bool]] = {}
#: Emptied when it grows past this (about 30 MB): four languages of a very large project.
_MAX_ROWS = 12_000
_ATTR = re.compile(r"""([^\s/>=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


class TemplateMarkupError(ValueError):
    """The template emitted markup outside the supported subset."""


#: The tags that may declare the elements they give.
_COVERING = frozenset({"h1", "h2", "h3", "li", "td", "th"})


def _covers(attrs: dict[str, str]) -> tuple[str, ...]:
    """The element ids of a ``data-covers`` attribute (none when there is none)."""
    return tuple(attrs.get("data-covers", "").split())


_Format = tuple[bool, bool, str | None]


class _Run:
    """The text of one block as it arrives, in pieces of the same formatting."""

    __slots__ = ("parts",)

    def __init__(self) -> None:
        self.parts: list[tuple[_Format, list[str]]] = []

    def add(self, text: str, bold: bool, italic: bool, href: str | None) -> None:
        if not text:
            return
        fmt = (bold, italic, href)
        if self.parts and self.parts[-1][0] == fmt:
            self.parts[-1][1].append(text)
        else:
            self.parts.append((fmt, [text]))

    def finish(self) -> Inline:
        """Collapse white space the way a browser would and trim the ends."""
        if len(self.parts) == 1:  # most blocks and cells: one piece of plain text
            fmt, texts = self.parts[0]
            text = _lines(_WS.sub(" ", "".join(texts)).strip(_HTML_WS))
            return (Span(text, *fmt),) if text else ()
        out: list[list[str]] = []
        formats: list[_Format] = []
        for fmt, texts in self.parts:
            text = _WS.sub(" ", "".join(texts))
            if out and out[-1][0].endswith(" ") and text.startswith(" "):
                text = text[1:]
            if text:
                out.append([text])
                formats.append(fmt)
        if out:
            out[0][0] = out[0][0].lstrip(_HTML_WS)
            out[-1][0] = out[-1][0].rstrip(_HTML_WS)
        return tuple(Span(_lines(t[0]), *fmt) for t, fmt in zip(out, formats, strict=True) if t[0])


def _lines(text: str) -> str:
    """``text`` with each kept ``<br>`` as a newline, the spaces around it dropped."""
    return _BREAK_AND_SPACE.sub("\n", text) if _BREAK in text else text


def _plain_lines(content: str) -> list[Inline] | None:
    """The lines of a cell whose lines (split at ``<br>``) are each plain text or one
    ``<em>``/``<strong>`` run, as the tag handlers would read them; None for anything else."""
    lines: list[Inline] = []
    for part in content.split("<br>"):
        if "<" not in part:
            text, bold, italic = part, False, False
        else:
            m = _EMPHASIS.fullmatch(part)
            if m is None:
                return None
            text, bold, italic = m.group(2), m.group(1) == "strong", m.group(1) == "em"
        text = _WS.sub(" ", unescape(text)).strip(_HTML_WS)
        lines.append((Span(text, bold, italic),) if text else ())
    return lines


def _attrs(text: str) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for m in _ATTR.finditer(text):
        name, dq, sq, bare = m.groups()
        value = dq if dq is not None else sq if sq is not None else bare
        out.append((name.lower(), unescape(value) if value is not None else None))
    return out


class _Parser:
    """Builds the blocks from start tags, end tags and text, in document order."""

    def __init__(self, max_rows: int | None = None) -> None:
        self.blocks: list[Block] = []
        #: With ``max_rows``, a table keeps that many rows; the rows after them are counted,
        #: not parsed, unless there is only one (a table is never cut to spare a single row).
        self._max_rows = max_rows
        self._skipped_rows = 0
        #: The rows left out of each shortened table, by the table's index in :attr:`blocks`.
        self.hidden: dict[int, int] = {}
        self._run: _Run | None = None
        self._run_kind: str = ""
        self._attrs: dict[str, str] = {}
        self._bold = 0
        self._italic = 0
        self._href: list[str | None] = []
        self._list: list[Inline] | None = None
        self._list_ordered = False
        self._list_covers: list[tuple[str, ...]] = []
        self._table_header: list[Cell] = []
        self._table_rows: list[list[Cell]] = []
        self._row: list[Cell] | None = None
        self._row_is_header = False
        self._cell_lines: list[Inline] | None = None
        self._cell_covers: tuple[str, ...] = ()
        self._caption: str = ""
        self._in_table = False
        self._last_row: tuple[tuple[Cell, ...], bool] | None = None
        self._h2 = 0
        self._h3 = 0

    # -- helpers ---------------------------------------------------------------------------------
    def _start_run(self, kind: str, attrs: dict[str, str]) -> None:
        if self._run is not None:
            raise TemplateMarkupError(f"<{kind}> inside <{self._run_kind}>")
        self._run = _Run()
        self._run_kind = kind
        self._attrs = attrs

    def _end_run(self) -> Inline:
        assert self._run is not None
        spans = self._run.finish()
        self._run = None
        self._run_kind = ""
        return spans

    # -- tokens ------------------------------------------------------------------------------------
    def feed(self, html: str) -> None:
        """Parse the whole of ``html``; table rows seen before come from :data:`_ROWS`."""
        pos = 0
        while (m := _ROW.search(html, pos)) is not None:
            self._feed_tags(html, pos, m.start())
            pos = m.end()
            if self._skips_row():
                # The rest of the table's rows are counted, not read (a user's "<tr>" arrives
                # escaped); a single one left is read after all.
                end = html.find("</table>", m.start())
                end = len(html) if end < 0 else end
                count = html.count("<tr>", m.start(), end)
                if count > 1:
                    self._skipped_rows += count
                    pos = html.rfind("</tr>", m.start(), end) + len("</tr>")
                    continue
            self._feed_row(m.group())
        self._feed_tags(html, pos, len(html))

    def _skips_row(self) -> bool:
        """Whether the next row of a table is only counted: the table has its ``max_rows``
        already, and the row stands where any row means the same (see :meth:`_feed_row`)."""
        return (
            self._max_rows is not None
            and self._in_table
            and len(self._table_rows) >= self._max_rows
            and self._row is None
            and self._run is None
        )

    def _feed_row(self, html: str) -> None:
        # A row means the same wherever it stands in a table, as long as no inline formatting
        # or block is open around it (the templates never do that; the check keeps it true).
        plain_context = (
            self._in_table
            and self._row is None
            and self._run is None
            and self._list is None
            and not (self._bold or self._italic or self._href)
        )
        known = _ROWS.get(html) if plain_context else None
        if known is None:
            self._last_row = None
            if not (plain_context and self._feed_cells(html)):
                self._feed_tags(html, 0, len(html))
            if plain_context and self._last_row is not None:
                if len(_ROWS) >= _MAX_ROWS:
                    _ROWS.clear()
                _ROWS[html] = self._last_row
            return
        cells, is_header = known
        self._append_row(list(cells), is_header)

    def _feed_cells(self, html: str) -> bool:
        """Parse one row cell by cell, taking a cell of plain text without going through the
        tag handlers (most cells of a long table are); False, having done nothing, when the
        row is not a sequence of ``<td>``/``<th>`` cells."""
        inner = html[4:-5]  # without <tr> and </tr>
        cells = list(_CELL.finditer(inner))
        pos = 0
        for m in cells:
            if inner[pos : m.start()].strip(_HTML_WS):
                return False
            pos = m.end()
        if not cells or inner[pos:].strip(_HTML_WS):
            return False
        self._row = []
        self._row_is_header = False
        for m in cells:
            tag, content = m.group(1), m.group(2)
            lines = _plain_lines(content)
            if lines is None:
                self._feed_tags(inner, m.start(), m.end())
                continue
            self._row_is_header = self._row_is_header or tag == "th"
            self._row.append(Cell(tuple(line for line in lines if line) or ((),)))
        self.handle_endtag("tr")
        return True

    def _feed_tags(self, html: str, pos: int, end: int) -> None:
        for m in _TAG.finditer(html, pos, end):
            if m.start() > pos:
                self.handle_data(unescape(html[pos : m.start()]))
            pos = m.end()
            closing, name, rest = m.groups()
            if name is None:  # a comment
                continue
            tag = name.lower()
            if closing:
                self.handle_endtag(tag)
            elif rest.rstrip().endswith("/"):
                self.handle_startendtag(tag, _attrs(rest.rstrip()[:-1]))
            else:
                self.handle_starttag(tag, _attrs(rest))
        if pos < end:
            self.handle_data(unescape(html[pos:end]))

    def _append_row(self, row: list[Cell], is_header: bool) -> None:
        if is_header and not self._table_header and not self._table_rows:
            self._table_header = row
        else:
            self._table_rows.append(row)

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k: v or "" for k, v in attrs_list}
        if "data-covers" in attrs and tag not in _COVERING:
            raise TemplateMarkupError(f"data-covers on <{tag}>: only headings, items and cells")
        if tag in _TRANSPARENT:
            return
        if tag in ("h1", "h2", "h3", "p", "li", "caption"):
            self._start_run(tag, attrs)
        elif tag in ("td", "th"):
            self._cell_lines = []
            self._cell_covers = _covers(attrs)
            self._row_is_header = self._row_is_header or tag == "th"
            self._start_run(tag, attrs)
        elif tag == "br":
            if self._cell_lines is not None and self._run is not None:
                self._cell_lines.append(self._end_run())
                self._start_run("td", {})
            elif self._run is not None:
                self._run.add(_BREAK, False, False, None)
        elif tag in ("strong", "b"):
            self._bold += 1
        elif tag in ("em", "i"):
            self._italic += 1
        elif tag == "a":
            self._href.append(attrs.get("href") or None)
        elif tag in ("ul", "ol"):
            self._list = []
            self._list_ordered = tag == "ol"
            self._list_covers = []
        elif tag == "table":
            self._in_table = True
            self._table_header, self._table_rows, self._caption = [], [], ""
            self._widths = [float(w) for w in attrs.get("data-widths", "").split()] or []
        elif tag == "tr":
            self._row = []
            self._row_is_header = False
        else:
            raise TemplateMarkupError(f"unsupported tag <{tag}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag != "br":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _TRANSPARENT or tag == "br":
            return
        if tag in ("h1", "h2", "h3"):
            spans = self._end_run()
            level = int(tag[1])
            number = ""
            if level == 2:
                self._h2 += 1
                self._h3 = 0
                number = str(self._h2)
            elif level == 3 and self._h2:
                self._h3 += 1
                number = f"{self._h2}.{self._h3}"
            anchor = self._attrs.get("id") or (f"s{number.replace('.', '-')}" if number else "top")
            self.blocks.append(Heading(level, spans, number, anchor, _covers(self._attrs)))
        elif tag == "p":
            role = self._attrs.get("class", "")
            spans = self._end_run()
            if spans:
                self.blocks.append(Paragraph(spans, role))
        elif tag == "li":
            covers = _covers(self._attrs)
            spans = self._end_run()
            if self._list is None:
                raise TemplateMarkupError("<li> outside a list")
            if spans:
                self._list.append(spans)
                self._list_covers.append(covers)
        elif tag in ("ul", "ol"):
            if self._list:
                item_covers = tuple(self._list_covers) if any(self._list_covers) else ()
                self.blocks.append(ListBlock(tuple(self._list), self._list_ordered, item_covers))
            self._list = None
        elif tag == "caption":
            self._caption = "".join(s.text for s in self._end_run())
        elif tag in ("td", "th"):
            assert self._cell_lines is not None and self._row is not None
            last = self._end_run()
            lines = [*self._cell_lines, last] if last or not self._cell_lines else self._cell_lines
            self._row.append(
                Cell(tuple(line for line in lines if line) or ((),), self._cell_covers)
            )
            self._cell_lines = None
            self._cell_covers = ()
        elif tag == "tr":
            assert self._row is not None
            self._append_row(self._row, self._row_is_header)
            self._last_row = (tuple(self._row), self._row_is_header)
            self._row = None
        elif tag == "table":
            if self._skipped_rows:
                self.hidden[len(self.blocks)] = self._skipped_rows
                self._skipped_rows = 0
            self._in_table = False
            if self._table_rows:
                self.blocks.append(
                    Table(
                        tuple(self._table_header),
                        tuple(tuple(r) for r in self._table_rows),
                        tuple(self._widths),
                        self._caption,
                    )
                )
        elif tag in ("strong", "b"):
            self._bold -= 1
        elif tag in ("em", "i"):
            self._italic -= 1
        elif tag == "a":
            self._href.pop()
        else:
            raise TemplateMarkupError(f"unsupported tag </{tag}>")

    def handle_data(self, data: str) -> None:
        if self._run is None:
            if data.strip():
                raise TemplateMarkupError(f"text outside a block: {data.strip()[:40]!r}")
            return
        href = self._href[-1] if self._href else None
        self._run.add(data, self._bold > 0, self._italic > 0, href)


def parse_blocks(html: str) -> tuple[Block, ...]:
    """Turn the template output into document blocks."""
    return _parse(_Parser(), html)


def parse_shortened(html: str, max_rows: int) -> tuple[tuple[Block, ...], dict[int, int]]:
    """:func:`parse_blocks` with every table of more than ``max_rows`` + 1 rows cut to its first
    ``max_rows`` rows, the others counted but never parsed (a preview of a large project); and
    how many rows each cut table left out, by the table's index in the blocks."""
    parser = _Parser(max_rows)
    return _parse(parser, html), parser.hidden


def _parse(parser: _Parser, html: str) -> tuple[Block, ...]:
    parser.feed(html)
    if parser._run is not None:
        raise TemplateMarkupError(f"unclosed <{parser._run_kind}>")
    return tuple(parser.blocks)
