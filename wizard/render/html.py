"""HTML renderer: lays a :class:`~wizard.policy.document.Document` out as one HTML5 page.

The page is meant to be put on the organisation's website as it is, or opened from disk:

- self-contained: the CSS is inline in a ``<style>`` element and nothing is fetched (no fonts,
  scripts, images or style sheets); a Content-Security-Policy ``<meta>`` makes the browser
  refuse any request a later edit might add. Links in the text stay ordinary ``<a href>``.
- accessible: ``<html lang>``, one ``<h1>`` and section headings that never skip a level, a
  table of contents in a ``<nav>`` linking to the headings' ``id``, tables with a
  ``<caption>``, ``<thead>`` and ``<th scope="col">``, a focus outline, colours with enough
  contrast, and wide tables that scroll on a phone instead of the whole page.
- printable: ``@media print`` rules set A4 margins, keep headings with what follows, repeat
  table headers, and print the organisation, the effective date and "Page X of Y" in the page
  margin, as the DOCX and PDF footers do.

Every text and attribute is escaped, so a company called ``<b>{{ 7*7 }}</b> & "Co"`` appears
literally (braces are written as character references too, so a template engine that the page is
pasted into does not evaluate them). Characters HTML forbids (control characters, lone
surrogates, non-characters) are dropped. The file is written atomically.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from html import escape

from wizard import APP_NAME, languages
from wizard.fileio import atomic_write_bytes
from wizard.policy.document import (
    Block,
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

__all__ = ["html_text", "render_html"]

#: Characters that may not appear in an HTML document: C0/C1 controls other than tab, line feed
#: and carriage return, lone surrogates and non-characters.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")
_LANG_OK = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


# --- escaping -------------------------------------------------------------------------------------


def clean(text: str) -> str:
    """``text`` without the characters HTML forbids; line breaks normalised to ``\\n``."""
    return _FORBIDDEN.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def esc(text: str) -> str:
    """Text or a double-quoted attribute value, escaped; braces as character references."""
    return escape(clean(text), quote=True).replace("{", "&#123;").replace("}", "&#125;")


def _css_string(text: str) -> str:
    """A CSS string literal holding ``text``; anything that could end the string, the rule or
    the ``<style>`` element is written as a CSS escape."""
    out = []
    for ch in clean(text).replace("\n", " "):
        if ch in '"\\<>&{}' or ord(ch) < 0x20:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _lang(lang: str) -> str:
    """The ``lang`` attribute: a registered language's BCP 47 tag ("nl" -> "nl-NL", as in the
    DOCX and PDF files), any other well-formed tag as it is."""
    tag = lang.strip().replace("_", "-")
    if tag in languages.LANGUAGES:
        tag = languages.get(tag).tag
    return tag if _LANG_OK.match(tag) else "en"


def _inline(spans: Inline, ids: frozenset[str]) -> str:
    out: list[str] = []
    for span in spans:
        text = esc(span.text).replace("\n", "<br>")
        if not text:
            continue
        if span.italic:
            text = f"<em>{text}</em>"
        if span.bold:
            text = f"<strong>{text}</strong>"
        target = link_target(clean(span.href), ids) if span.href else None
        if target:
            text = f'<a href="{esc(target)}">{text}</a>'
        out.append(text)
    return "".join(out)


# --- the page -------------------------------------------------------------------------------------

_CSS = """
:root {
  color-scheme: light;
  --ink: #1f2a30;
  --heading: #0b4650;
  --accent: #147a87;
  --muted: #56636a;
  --rule: #cbd5d9;
  --head-bg: #ddecee;
  --zebra: #f4f8f9;
  --note-bg: #e9f3f4;
  --panel: #f6f9fa;
  --link: #0f6a7a;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: #fff;
  color: var(--ink);
  font-family: "Noto Sans", "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue",
    Arial, sans-serif;
  font-size: 1rem;
  line-height: 1.6;
  overflow-wrap: break-word;
}
.page { max-width: 50rem; margin: 0 auto; padding: 3rem 1.5rem 2rem; }
h1, h2, h3 { color: var(--heading); line-height: 1.25; }
h1 { font-size: 2.1rem; margin: 0 0 0.6rem; letter-spacing: -0.01em; }
h2 { font-size: 1.4rem; margin: 2.6rem 0 0.6rem; }
h3 { font-size: 1.1rem; margin: 1.8rem 0 0.4rem; }
h2, h3 { scroll-margin-top: 1rem; }
.num { color: var(--accent); }
.doc-header { margin-bottom: 1.75rem; }
.doc-header::after {
  content: "";
  display: block;
  width: 3.5rem;
  height: 3px;
  margin-top: 1.1rem;
  background: var(--accent);
}
p { margin: 0 0 0.8rem; }
.meta { margin: 0; color: var(--muted); font-size: 0.9em; }
.lead { font-size: 1.13em; line-height: 1.6; margin: 0 0 1.5rem; }
.note {
  margin: 1rem 0 1.25rem;
  padding: 0.8rem 1rem 0.8rem 1.1rem;
  background: var(--note-bg);
  border-left: 4px solid var(--accent);
  font-weight: 600;
}
ul, ol { margin: 0 0 1rem; padding-left: 1.5rem; }
li { margin: 0 0 0.3rem; }
li::marker { color: var(--accent); }
a { color: var(--link); text-decoration: underline; text-decoration-thickness: 1px;
  text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
.toc {
  margin: 0 0 2.25rem;
  padding: 1.1rem 1.4rem 1rem;
  background: var(--panel);
  border: 1px solid var(--rule);
  border-radius: 8px;
}
.toc h2 { margin: 0 0 0.5rem; font-size: 1em; }
.toc ol { list-style: none; margin: 0; padding: 0; }
.toc ol ol { margin: 0.15rem 0 0.35rem; padding-left: 0; font-size: 0.94em; }
/* A hanging indent: a long entry wraps under its text, not under its number. */
.toc li { margin: 0.15rem 0; padding-left: 1.6em; text-indent: -1.6em; }
.toc a { color: var(--ink); text-decoration: none; }
.toc a:hover, .toc a:focus-visible { color: var(--link); text-decoration: underline; }
.table-wrap { margin: 1rem 0 1.5rem; overflow-x: auto; }
.table-wrap:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
table { width: 100%; border-collapse: collapse; font-size: 0.9em; line-height: 1.45; }
caption {
  caption-side: top;
  text-align: left;
  padding: 0 0 0.4rem;
  color: var(--muted);
  font-size: 0.85em;
}
th, td {
  padding: 0.5rem 0.65rem;
  text-align: left;
  vertical-align: top;
  border-bottom: 1px solid var(--rule);
}
td { overflow-wrap: anywhere; }
thead th {
  vertical-align: bottom;
  background: var(--head-bg);
  color: var(--heading);
  border-bottom: 2px solid var(--accent);
}
tbody tr:nth-child(even) { background: var(--zebra); }
.line { display: block; }
.line + .line { margin-top: 0.2rem; }
.doc-footer {
  margin-top: 3rem;
  padding-top: 0.9rem;
  border-top: 1px solid var(--rule);
  color: var(--muted);
  font-size: 0.85em;
}
.doc-footer p { margin: 0; }
@media (max-width: 40rem) {
  .page { padding: 1.75rem 1rem 1.5rem; }
  h1 { font-size: 1.7rem; }
  h2 { font-size: 1.25rem; }
  .lead { font-size: 1.05em; }
  .toc { padding: 0.9rem 1rem; }
  table { min-width: 34rem; }
}
@media print {
  @page {
    size: A4;
    margin: 2.2cm 2.2cm 2.4cm;
  }
  html, body { background: #fff; }
  body { font-size: 10pt; line-height: 1.45; }
  .page { max-width: none; margin: 0; padding: 0; }
  h1 { font-size: 22pt; }
  h2 { font-size: 13.5pt; margin-top: 16pt; }
  h3 { font-size: 11pt; margin-top: 10pt; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; break-inside: avoid;
    page-break-inside: avoid; }
  p, li { orphans: 3; widows: 3; }
  a { color: inherit; text-decoration: none; }
  .toc { background: none; border: 0; border-radius: 0; padding: 0; margin-bottom: 14pt;
    break-inside: avoid; page-break-inside: avoid; }
  .toc a { color: inherit; text-decoration: none; }
  .table-wrap { overflow: visible; }
  table { font-size: 8.6pt; min-width: 0; }
  thead { display: table-header-group; }
  tr, th, td { break-inside: avoid; page-break-inside: avoid; }
  caption { font-size: 8.5pt; break-after: avoid; page-break-after: avoid; }
  .note { break-inside: avoid; page-break-inside: avoid; }
  thead th, tbody tr, .note, .num { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .doc-footer { display: none; }
}
"""


def _compact_css(css: str) -> str:
    """The style sheet with its indentation removed (smaller, still readable)."""
    return "\n".join(line.strip() for line in css.strip().splitlines()) + "\n"


def _footer_css(doc: Document) -> str:
    """The print footer: organisation and effective date, and "Page X of Y", in the page margin
    (as the DOCX and PDF footers); browsers without margin boxes simply leave it out."""
    left = "  ·  ".join(p for p in (doc.organisation.strip(), doc.labels.effective.strip()) if p)
    pieces = re.split(r"(\{page\}|\{pages\})", doc.labels.page_x_of_y)
    right = " ".join(
        "counter(page)"
        if piece == "{page}"
        else "counter(pages)"
        if piece == "{pages}"
        else _css_string(piece)
        for piece in pieces
        if piece
    )
    box = "font-size: 7.5pt; color: #56636a; border-top: 0.5pt solid #cbd5d9;"
    return (
        "@media print {\n@page {\n"
        f"@bottom-left {{ content: {_css_string(left)}; {box} }}\n"
        f"@bottom-right {{ content: {right or _css_string('')}; {box} }}\n"
        "}\n}\n"
    )


class _Ids:
    """Unique, valid ``id`` values for the headings, by block index."""

    def __init__(self, doc: Document) -> None:
        self.by_index: dict[int, str] = {}
        used: set[str] = {"contents-title"}
        first = doc.blocks[0] if doc.blocks else None
        if not (isinstance(first, Heading) and first.level <= 1):
            used.add("top")  # the title the renderer adds itself
        for index, block in enumerate(doc.blocks):
            if not isinstance(block, Heading):
                continue
            key = _ID_UNSAFE.sub("-", clean(block.anchor).strip()).strip("-")
            if not key or not key[0].isalpha():
                key = f"h-{key}" if key else f"h{index}"
            base, n = key, 2
            while key in used:
                key, n = f"{base}-{n}", n + 1
            used.add(key)
            self.by_index[index] = key
        self.all = frozenset(self.by_index.values())


def _levels(doc: Document) -> dict[int, int]:
    """The HTML level of every heading: one h1 (the title), then levels that never skip."""
    levels: dict[int, int] = {}
    seen_title = (
        bool(doc.blocks) and isinstance(doc.blocks[0], Heading) and doc.blocks[0].level <= 1
    )
    headings = [(i, b.level) for i, b in enumerate(doc.blocks) if isinstance(b, Heading)]
    if seen_title:
        levels[0] = 1
        headings = headings[1:]
    levels.update(nested_levels(headings, 2))
    return levels


def nested_levels(headings: list[tuple[int, int]], top: int) -> dict[int, int]:
    """The output level of each heading (key, document level) below a title: ``top`` for the
    highest, one deeper under it, never skipping a level, and siblings on the same level (a
    notice's subheadings with no section above them are all one level)."""
    out: dict[int, int] = {}
    stack: list[tuple[int, int]] = []  # (document level, output level) of the open headings
    for key, level in headings:
        while stack and stack[-1][0] >= level:
            stack.pop()
        out[key] = min(stack[-1][1] + 1 if stack else top, 6)
        stack.append((level, out[key]))
    return out


def _heading_html(heading: Heading, level: int, hid: str, ids: frozenset[str]) -> str:
    full, text = heading.numbered_text, heading.text
    number = ""
    if heading.number and full.endswith(text) and len(full) > len(text):
        prefix = full[: len(full) - len(text)]
        number = f'<span class="num">{esc(prefix.rstrip())}</span> '
    return f'<h{level} id="{hid}">{number}{_inline(heading.spans, ids)}</h{level}>'


def _toc(doc: Document, ids: _Ids, levels: dict[int, int]) -> list[str]:
    """The table of contents: the sections, with their subsections nested."""
    entries = [
        (index, block)
        for index, block in enumerate(doc.blocks)
        if isinstance(block, Heading) and levels.get(index, 1) in (2, 3)
    ]
    # Sections of the document (a notice's subheadings, with no section above them, are not).
    if sum(1 for index, b in entries if levels[index] == 2 and b.level == 2) < 2:
        return []
    out = [
        '<nav class="toc" aria-labelledby="contents-title">',
        f'<h2 id="contents-title">{esc(doc.labels.contents)}</h2>',
        "<ol>",
    ]
    open_sub = False
    open_item = False
    for index, block in entries:
        link = f'<a href="#{ids.by_index[index]}">{esc(block.numbered_text)}</a>'
        if levels[index] == 2 or not open_item:
            if open_sub:
                out.append("</ol>")
                open_sub = False
            if open_item:
                out.append("</li>")
            out.append(f"<li>{link}")
            open_item = True
        else:
            if not open_sub:
                out.append("<ol>")
                open_sub = True
            out.append(f"<li>{link}</li>")
    if open_sub:
        out.append("</ol>")
    if open_item:
        out.append("</li>")
    out += ["</ol>", "</nav>"]
    return out


def _table_html(table: Table, number: int, label: str, ids: frozenset[str]) -> list[str]:
    ncols = max([len(table.header), *(len(r) for r in table.rows), 1])
    weights = [max(float(w), 0.0) for w in table.widths[:ncols]]
    caption = clean(table.caption).strip()
    cid = f"table-{number}"
    # The wrapper scrolls a wide table on a small screen; it is a named region so that a
    # keyboard user can focus it and scroll. Without a caption the table is named after its
    # section.
    name = f'aria-labelledby="{cid}"' if caption else f'aria-label="{esc(label)}"'
    table_name = "" if caption else f' aria-label="{esc(label)}"'
    out = [f'<div class="table-wrap" role="region" {name} tabindex="0">', f"<table{table_name}>"]
    if caption:
        out.append(f'<caption id="{cid}">{esc(caption)}</caption>')
    if len(weights) == ncols and sum(weights) > 0:
        total = sum(weights)
        out.append(
            "<colgroup>"
            + "".join(f'<col style="width: {100 * w / total:.1f}%">' for w in weights)
            + "</colgroup>"
        )
    empty = Cell(lines=())

    def cell(c: Cell) -> str:
        lines = [_inline(line, ids) for line in c.lines]
        lines = [line for line in lines if line]
        if len(lines) <= 1:
            return "".join(lines)
        return "".join(f'<span class="line">{line}</span>' for line in lines)

    header = list(table.header) + [empty] * (ncols - len(table.header))
    if not table.header:
        # A table always gets column headers (screen readers announce them with each cell).
        header = [Cell(lines=()) for _ in range(ncols)]
    out.append(
        "<thead><tr>" + "".join(f'<th scope="col">{cell(c)}</th>' for c in header) + "</tr></thead>"
    )
    out.append("<tbody>")
    for row in table.rows:
        cells = list(row) + [empty] * (ncols - len(row))
        out.append("<tr>" + "".join(f"<td>{cell(c)}</td>" for c in cells) + "</tr>")
    out += ["</tbody>", "</table>", "</div>"]
    return out


def _list_html(block: ListBlock, ids: frozenset[str]) -> list[str]:
    tag = "ol" if block.ordered else "ul"
    items = [f"<li>{_inline(item, ids)}</li>" for item in block.items]
    return [f"<{tag}>", *items, f"</{tag}>"]


def _body(doc: Document, ids: _Ids, levels: dict[int, int]) -> Iterator[str]:
    blocks: list[tuple[int, Block]] = list(enumerate(doc.blocks))
    first = doc.blocks[0] if doc.blocks else None
    has_title = isinstance(first, Heading) and first.level <= 1
    yield '<header class="doc-header">'
    if has_title:
        assert isinstance(first, Heading)
        yield _heading_html(first, 1, ids.by_index[0], ids.all)
        blocks = blocks[1:]
    else:
        yield f'<h1 id="top">{esc(doc.title)}</h1>'
    # The meta lines right under the title (organisation, version and date) belong to it.
    while blocks and isinstance(blocks[0][1], Paragraph) and blocks[0][1].role == "meta":
        block = blocks.pop(0)[1]
        assert isinstance(block, Paragraph)
        yield f'<p class="meta">{_inline(block.spans, ids.all)}</p>'
    if (
        not any(
            isinstance(b, Paragraph) and b.role == "meta" and doc.organisation.strip() in b.text
            for b in doc.blocks[:4]
        )
        and doc.organisation.strip()
    ):
        yield f'<p class="meta">{esc(doc.organisation.strip())}</p>'
    yield "</header>"

    toc_done = False
    section_open = False
    tables = 0
    last_heading = doc.title
    for index, block in blocks:
        if isinstance(block, Heading):
            level = levels[index]
            if level == 2:
                if not toc_done:
                    yield from _toc(doc, ids, levels)
                    toc_done = True
                if section_open:
                    yield "</section>"
                yield f'<section aria-labelledby="{ids.by_index[index]}">'
                section_open = True
            yield _heading_html(block, level, ids.by_index[index], ids.all)
            last_heading = block.numbered_text
        elif isinstance(block, Paragraph):
            role = block.role if block.role in ("lead", "meta", "note") else ""
            attr = f' class="{role}"' if role else ""
            yield f"<p{attr}>{_inline(block.spans, ids.all)}</p>"
        elif isinstance(block, ListBlock):
            yield from _list_html(block, ids.all)
        elif isinstance(block, Table):
            tables += 1
            yield from _table_html(block, tables, last_heading, ids.all)
        elif isinstance(block, QrCode):
            from wizard.render.qr import qr_svg

            yield f'<p class="qr">{qr_svg(block.target, clean(block.alt))}</p>'
    if section_open:
        yield "</section>"


def html_text(doc: Document) -> str:
    """The policy as a complete HTML5 document (a string)."""
    ids = _Ids(doc)
    levels = _levels(doc)
    org = doc.organisation.strip()
    title = f"{doc.title} – {org}" if org else doc.title
    footer = "  ·  ".join(p for p in (org, doc.labels.effective.strip()) if p)
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(_lang(doc.lang))}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Nothing may be loaded from anywhere: the page is complete as it is.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">",
        '<meta name="referrer" content="no-referrer">',
        '<meta http-equiv="x-dns-prefetch-control" content="off">',
        f"<title>{esc(title)}</title>",
    ]
    if doc.subject:
        head.append(f'<meta name="description" content="{esc(doc.subject)}">')
    if org:
        head.append(f'<meta name="author" content="{esc(org)}">')
    head += [
        f'<meta name="generator" content="{esc(APP_NAME)}">',
        "<style>",
        _compact_css(_CSS) + _footer_css(doc),
        "</style>",
        "</head>",
        "<body>",
        '<div class="page">',
        "<main>",
        "<article>",
    ]
    tail = ["</article>", "</main>"]
    if footer:
        tail += ['<footer class="doc-footer">', f"<p>{esc(footer)}</p>", "</footer>"]
    tail += ["</div>", "</body>", "</html>", ""]
    return "\n".join([*head, *_body(doc, ids, levels), *tail])


def render_html(doc: Document, path: str | os.PathLike[str]) -> None:
    """Render ``doc`` as an HTML file at ``path`` (UTF-8), written atomically."""
    atomic_write_bytes(path, html_text(doc).encode("utf-8"))


def html_fragment(doc: Document, name: str) -> str:
    """``doc`` as a fragment to paste into a web page or form: one ``<section class="name">``
    in the document's language, no ``<html>``, ``<head>``, ``<body>``, style or script, so the
    site's own look applies. Headings start at ``<h2>`` (the page has its own ``<h1>``) and
    carry no ids that could clash with the page's; a QR code is left out (on a web page the
    link is the way to the policy). The user's text is escaped as in the full page."""
    levels = {i: min(level + 1, 6) for i, level in _levels(doc).items()}  # below the page's h1
    none: frozenset[str] = frozenset()
    out = [f'<section class="{esc(name)}" lang="{esc(_lang(doc.lang))}">']
    tables = 0
    last_heading = doc.title
    for index, block in enumerate(doc.blocks):
        if isinstance(block, Heading):
            level = levels[index]
            out.append(f"<h{level}>{_inline(block.spans, none)}</h{level}>")
            last_heading = block.numbered_text
        elif isinstance(block, Paragraph):
            role = block.role if block.role in ("lead", "meta", "note") else ""
            attr = f' class="{role}"' if role else ""
            out.append(f"<p{attr}>{_inline(block.spans, none)}</p>")
        elif isinstance(block, ListBlock):
            out += _list_html(block, none)
        elif isinstance(block, Table):
            tables += 1
            out += _table_html(block, tables, last_heading, none)
    out += ["</section>", ""]
    return "\n".join(out)
