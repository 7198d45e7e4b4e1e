"""Parse the small semantic HTML subset the templates emit into the document tree.

The templates run with autoescape on, so everything the user typed arrives here as escaped text
and leaves as plain :class:`Span` text. Sections (``h2``) and subsections (``h3``) are numbered
here, so a section that does not apply simply disappears and the numbers stay consecutive.

Accepted tags: h1-h3, p (optional class lead/meta/note), ul, ol, li, table, caption, thead,
tbody, tr, th, td, strong/b, em/i, a (href), br, section/div (ignored). Anything else is an error:
a template bug should fail the tests, not vanish silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from wizard.policy.document import Block, Cell, Heading, Inline, ListBlock, Paragraph, Span, Table

# HTML's white space (no-break spaces are text: French puts one before a colon).
_HTML_WS = " \t\n\r\f"
_WS = re.compile(f"[{_HTML_WS}]+")
_TRANSPARENT = {"html", "body", "section", "div", "thead", "tbody", "span"}


class TemplateMarkupError(ValueError):
    """The template emitted markup outside the supported subset."""


@dataclass
class _Run:
    spans: list[Span] = field(default_factory=list)

    def add(self, text: str, bold: bool, italic: bool, href: str | None) -> None:
        if not text:
            return
        last = self.spans[-1] if self.spans else None
        if last and (last.bold, last.italic, last.href) == (bold, italic, href):
            self.spans[-1] = Span(last.text + text, bold, italic, href)
        else:
            self.spans.append(Span(text, bold, italic, href))

    def finish(self) -> Inline:
        """Collapse white space the way a browser would and trim the ends."""
        out: list[Span] = []
        for span in self.spans:
            text = _WS.sub(" ", span.text)
            if out and out[-1].text.endswith(" ") and text.startswith(" "):
                text = text[1:]
            if text:
                out.append(Span(text, span.bold, span.italic, span.href))
        if out:
            out[0] = Span(out[0].text.lstrip(_HTML_WS), out[0].bold, out[0].italic, out[0].href)
            out[-1] = Span(out[-1].text.rstrip(_HTML_WS), out[-1].bold, out[-1].italic, out[-1].href)
        return tuple(s for s in out if s.text)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._run: _Run | None = None
        self._run_kind: str = ""
        self._attrs: dict[str, str] = {}
        self._bold = 0
        self._italic = 0
        self._href: list[str | None] = []
        self._list: list[Inline] | None = None
        self._list_ordered = False
        self._table_header: list[Cell] = []
        self._table_rows: list[list[Cell]] = []
        self._row: list[Cell] | None = None
        self._row_is_header = False
        self._cell_lines: list[Inline] | None = None
        self._caption: str = ""
        self._in_table = False
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

    # -- HTMLParser interface --------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k: v or "" for k, v in attrs_list}
        if tag in _TRANSPARENT:
            return
        if tag in ("h1", "h2", "h3", "p", "li", "caption"):
            self._start_run(tag, attrs)
        elif tag in ("td", "th"):
            self._cell_lines = []
            self._row_is_header = self._row_is_header or tag == "th"
            self._start_run(tag, attrs)
        elif tag == "br":
            if self._cell_lines is not None and self._run is not None:
                self._cell_lines.append(self._end_run())
                self._start_run("td", {})
            elif self._run is not None:
                self._run.add("\n", False, False, None)
        elif tag in ("strong", "b"):
            self._bold += 1
        elif tag in ("em", "i"):
            self._italic += 1
        elif tag == "a":
            self._href.append(attrs.get("href") or None)
        elif tag in ("ul", "ol"):
            self._list = []
            self._list_ordered = tag == "ol"
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
            self.blocks.append(Heading(level, spans, number, anchor))
        elif tag == "p":
            role = self._attrs.get("class", "")
            spans = self._end_run()
            if spans:
                self.blocks.append(Paragraph(spans, role))
        elif tag == "li":
            spans = self._end_run()
            if self._list is None:
                raise TemplateMarkupError("<li> outside a list")
            if spans:
                self._list.append(spans)
        elif tag in ("ul", "ol"):
            if self._list:
                self.blocks.append(ListBlock(tuple(self._list), self._list_ordered))
            self._list = None
        elif tag == "caption":
            self._caption = "".join(s.text for s in self._end_run())
        elif tag in ("td", "th"):
            assert self._cell_lines is not None and self._row is not None
            last = self._end_run()
            lines = [*self._cell_lines, last] if last or not self._cell_lines else self._cell_lines
            self._row.append(Cell(tuple(line for line in lines if line) or ((),)))
            self._cell_lines = None
        elif tag == "tr":
            assert self._row is not None
            if self._row_is_header and not self._table_header and not self._table_rows:
                self._table_header = self._row
            else:
                self._table_rows.append(self._row)
            self._row = None
        elif tag == "table":
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
    parser = _Parser()
    parser.feed(html)
    parser.close()
    if parser._run is not None:
        raise TemplateMarkupError(f"unclosed <{parser._run_kind}>")
    return tuple(parser.blocks)
