"""Markdown renderer: lays a :class:`~wizard.policy.document.Document` out as CommonMark with
GitHub-flavoured (GFM) pipe tables.

For websites built from Markdown (static site generators, CMS editors, Git hosting): ``#``
headings with the section numbers, bulleted and numbered lists, pipe tables, ``[text](<url>)``
links, and the highlighted notices as block quotes. The organisation and the effective date close
the file, as the DOCX and PDF footers show them.

User text comes out literally: every character Markdown would read as markup (emphasis, links,
HTML, table pipes, headings, list markers at the start of a line, entity references) is
backslash-escaped. Braces become the character references ``&#123;`` and ``&#125;`` (``%7B`` and
``%7D`` in link targets): a backslash does not hide ``{{ 7*7 }}`` or ``{% include %}`` from a site
generator's template language (Liquid/Jekyll, Jinja, Hugo), which runs before Markdown, while a
character reference contains no brace for it to see and still shows as one on the page. The
file is written atomically.
"""

from __future__ import annotations

import os
import re

from wizard.fileio import atomic_write_bytes
from wizard.policy.document import (
    Cell,
    Document,
    Heading,
    Inline,
    ListBlock,
    Paragraph,
    Span,
    Table,
    link_target,
)
from wizard.render.html import nested_levels

__all__ = ["escape_text", "markdown_text", "render_markdown"]

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
#: Characters that are markup anywhere in a line (GFM: ``~`` strikethrough, ``|`` cells;
#: ``$`` is math on some hosts).
_ALWAYS = re.compile(r"([\\`*_\[\]<>|#~$])")
#: Template syntax in site generators: replaced by character references, never a brace.
_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})
_URL_BRACES = str.maketrans({"{": "%7B", "}": "%7D"})
#: "&amp;", "&#123;": an entity reference would be decoded, so its ampersand is escaped.
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
#: What starts a block at the beginning of a line: a list marker, a setext underline, a
#: numbered list item ("1." or "1)"), a quote (">" is escaped anyway), a thematic break.
_LINE_START = re.compile(r"^(\s*)([-+=]|\d{1,9}(?=[.)]))")
#: Runs of whitespace to fold into one space; no-break spaces (French typography) are kept.
_SPACE = re.compile(r"[^\S\u00a0\u202f]+")


def _clean(text: str) -> str:
    return _FORBIDDEN.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def escape_text(text: str) -> str:
    """``text`` with everything Markdown would interpret backslash-escaped (one line)."""
    text = _ALWAYS.sub(r"\\\1", _clean(text))
    return _ENTITY.sub(r"\\&", text).translate(_BRACES)


def _escape_line_start(text: str) -> str:
    """Escape what would turn a line into a list item, underline or break if it began one."""
    match = _LINE_START.match(text)
    if not match:
        return text
    lead, marker = match.group(1), match.group(2)
    if marker.isdigit():
        # "1." -> "1\." : the digits stay, the delimiter is escaped.
        end = match.end()
        return text[:end] + "\\" + text[end:]
    return lead + "\\" + text[len(lead) :]


def _link_target(href: str) -> str | None:
    target = link_target(_clean(href))
    if target is None or target.startswith("#"):
        return None
    # Inside <...> a destination may hold anything but line breaks and unescaped < >.
    target = target.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E")
    return target.translate(_URL_BRACES)


def _emphasis(text: str, marker: str) -> str:
    """Wrap ``text`` in ``marker`` with the surrounding spaces outside (else it is not markup)."""
    core = text.strip()
    if not core:
        return text
    start = text[: len(text) - len(text.lstrip())]
    end = text[len(text.rstrip()) :]
    return f"{start}{marker}{core}{marker}{end}"


def _inline(spans: Inline, *, hard_break: str) -> str:
    """Markdown for a run of spans; a line break inside becomes ``hard_break``."""
    out: list[str] = []
    for span in spans:
        pieces = _clean(span.text).split("\n")
        text = hard_break.join(escape_text(_SPACE.sub(" ", p)) for p in pieces)
        if not text.strip():
            out.append(text)
            continue
        if span.bold and span.italic:
            text = _emphasis(text, "***")
        elif span.bold:
            text = _emphasis(text, "**")
        elif span.italic:
            text = _emphasis(text, "*")
        target = _link_target(span.href) if span.href and not span.href.startswith("#") else None
        if target:
            core = text.strip()
            text = (
                f"{text[: len(text) - len(text.lstrip())]}[{core}](<{target}>)"
                + (text[len(text.rstrip()) :])
            )
        out.append(text)
    joined = "".join(out).strip()
    return _escape_line_start(joined)


def _heading(heading: Heading, level: int) -> str:
    spans: tuple[Span, ...] = heading.spans
    full, text = heading.numbered_text, heading.text
    prefix = ""
    if heading.number and full.endswith(text) and len(full) > len(text):
        prefix = escape_text(full[: len(full) - len(text)])
    return f"{'#' * level} {prefix}{_inline(spans, hard_break=' ')}".rstrip()


def _cell(cell: Cell) -> str:
    lines = [_inline(line, hard_break="<br>") for line in cell.lines]
    return "<br>".join(line for line in lines if line)


def _table(table: Table) -> list[str]:
    ncols = max([len(table.header), *(len(r) for r in table.rows), 1])
    empty = Cell(lines=())

    def row(cells: tuple[Cell, ...]) -> str:
        padded = list(cells) + [empty] * (ncols - len(cells))
        return "| " + " | ".join(_cell(c) for c in padded) + " |"

    out = [row(table.header), "|" + "|".join([" --- "] * ncols) + "|"]
    out += [row(r) for r in table.rows]
    return out


def _list(block: ListBlock) -> list[str]:
    out = []
    for number, item in enumerate(block.items, start=1):
        marker = f"{number}." if block.ordered else "-"
        # A continuation line is indented to the item's text, after a backslash hard break.
        hard_break = "\\\n" + " " * (len(marker) + 1)
        out.append(f"{marker} {_inline(item, hard_break=hard_break)}")
    return out


def markdown_text(doc: Document, fragment: bool = False) -> str:
    """The policy as a Markdown document (a string ending in a newline); a ``fragment`` (to
    paste into a page that has its own title) starts its headings at ``##`` and has no
    footer."""
    chunks: list[list[str]] = []
    first = doc.blocks[0] if doc.blocks else None
    top = 2 if fragment else 1
    if not (isinstance(first, Heading) and first.level <= 1):
        chunks.append([f"{'#' * top} {escape_text(doc.title)}"])
    # One title; below it the levels never skip (a "####" after a "##" would).
    headings = [(i, b.level) for i, b in enumerate(doc.blocks) if isinstance(b, Heading)]
    if isinstance(first, Heading) and first.level <= 1:
        headings = headings[1:]
    levels = nested_levels(headings, top + 1)
    last_meta = False
    for index, block in enumerate(doc.blocks):
        was_meta, last_meta = last_meta, isinstance(block, Paragraph) and block.role == "meta"
        if isinstance(block, Heading):
            level = levels.get(index, top)
            chunks.append([_heading(block, level)])
        elif isinstance(block, Paragraph):
            text = _inline(block.spans, hard_break="\\\n")
            if not text:
                continue
            if block.role == "note":
                chunks.append(["> " + text.replace("\n", "\n> ")])
            elif block.role == "meta" and was_meta:
                # Consecutive meta lines (organisation, version) stay one block.
                chunks[-1][-1] += "\\"
                chunks[-1].append(_emphasis(text, "*"))
            elif block.role == "meta":
                chunks.append([_emphasis(text, "*")])
            else:
                chunks.append([text])
        elif isinstance(block, ListBlock):
            if block.items:
                chunks.append(_list(block))
        elif isinstance(block, Table):
            chunks.append(_table(block))
    footer = [p for p in (doc.organisation.strip(), doc.labels.effective.strip()) if p]
    if footer and not fragment:
        chunks.append(["---"])
        chunks.append([_emphasis(" · ".join(escape_text(p) for p in footer), "*")])
    return "\n\n".join("\n".join(chunk) for chunk in chunks) + "\n"


def render_markdown(doc: Document, path: str | os.PathLike[str]) -> None:
    """Render ``doc`` as a Markdown file at ``path`` (UTF-8), written atomically."""
    atomic_write_bytes(path, markdown_text(doc).encode("utf-8"))
