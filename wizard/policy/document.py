"""The format-neutral document: what every renderer reads.

The policy engine turns answers into this tree; DOCX, PDF, HTML and Markdown renderers only lay it
out. It holds text, never markup: a user's ``<b>`` is three characters in a :class:`Span`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A run of text with inline formatting; ``href`` makes it a link."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


Inline = tuple[Span, ...]


def plain(spans: Inline) -> str:
    """The text of a run of spans, without formatting."""
    return "".join(s.text for s in spans)


@dataclass(frozen=True)
class Heading:
    """A heading; ``level`` 1 is the title, 2 a numbered section, 3 a subsection."""

    level: int
    spans: Inline
    #: Section number such as "3" or "3.2" (empty for the title and unnumbered headings).
    number: str = ""
    #: A stable anchor for links and bookmarks, e.g. "s3".
    anchor: str = ""
    #: The Art. 13/14 elements (ids of :mod:`wizard.law.elements`) the template declares this
    #: heading's section gives (``data-covers``); the renderers do not print them.
    covers: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return plain(self.spans)

    @property
    def numbered_text(self) -> str:
        if not self.number:
            return self.text
        # "3. Title" for a section, "3.2 Title" for a subsection.
        return (
            f"{self.number}. {self.text}"
            if "." not in self.number
            else f"{self.number} {self.text}"
        )


@dataclass(frozen=True)
class Paragraph:
    spans: Inline
    #: "lead" for the introduction, "note" for a highlighted notice (the right to object),
    #: "meta" for the effective date line; empty for body text.
    role: str = ""

    @property
    def text(self) -> str:
        return plain(self.spans)


@dataclass(frozen=True)
class ListBlock:
    """A bulleted (or numbered) list; each item is one run of spans."""

    items: tuple[Inline, ...]
    ordered: bool = False
    #: For each item, the Art. 13/14 elements the template declares on it (``data-covers``);
    #: empty when no item declares any.
    item_covers: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Cell:
    """A table cell: one or more lines of text."""

    lines: tuple[Inline, ...]
    #: The Art. 13/14 elements the template declares on the cell (``data-covers``): on a
    #: header cell, what its column gives.
    covers: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(plain(line) for line in self.lines)


@dataclass(frozen=True)
class Table:
    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    #: Relative column widths (sum is irrelevant), one per column.
    widths: tuple[float, ...] = ()
    #: A short description of the table, for accessibility.
    caption: str = ""


@dataclass(frozen=True)
class QrCode:
    """A QR code that takes a phone to ``target`` (a web address); ``alt`` says where it leads.

    The renderers draw it themselves (offline, with segno); Markdown, which has no pictures of
    its own, prints only the address, which the text beside the code already gives."""

    target: str
    alt: str


Block = Heading | Paragraph | ListBlock | Table | QrCode


@dataclass(frozen=True)
class Labels:
    """Words the renderers print around the content, already in the document's language."""

    #: e.g. "Page {page} of {pages}" with those two placeholders.
    page_x_of_y: str
    #: e.g. "Effective 1 March 2026"
    effective: str
    #: e.g. "Contents"
    contents: str


@dataclass(frozen=True)
class Document:
    """One policy in one language."""

    lang: str
    title: str
    organisation: str
    effective_date: str
    version: str
    labels: Labels
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    subject: str = ""
    #: The effective date as a date: the creation date in the DOCX and PDF metadata, so the
    #: same project gives the same bytes (None: the renderers use SOURCE_DATE_EPOCH or a fixed date).
    date: dt.date | None = None
    #: A draft, not for publication: the title, the footer label and a notice at the top say so.
    draft: bool = False

    def headings(self, level: int | None = None) -> list[Heading]:
        return [
            b for b in self.blocks if isinstance(b, Heading) and (level is None or b.level == level)
        ]

    def text(self) -> str:
        """All the text, one block a line (tables cell by cell): for tests and search."""
        out: list[str] = []
        for b in self.blocks:
            if isinstance(b, Heading):
                out.append(b.numbered_text)
            elif isinstance(b, Paragraph):
                out.append(b.text)
            elif isinstance(b, ListBlock):
                out.extend(plain(i) for i in b.items)
            elif isinstance(b, QrCode):
                out.append(b.alt)
            else:
                out.append(" | ".join(c.text for c in b.header))
                out.extend(" | ".join(c.text for c in row) for row in b.rows)
        return "\n".join(out)


#: The link schemes a policy may send its reader to.
SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")
_WHITE_SPACE = re.compile(r"\s")


def link_target(href: str | None, anchors: Container[str] = ()) -> str | None:
    """Where a link may send the reader, the same in every format: a web, e-mail or telephone
    address (``www.`` gets ``https://``), or ``#anchor`` of a heading in the document; ``None``
    for anything else (``javascript:``, relative paths, unknown anchors, white space inside),
    and the renderer then prints the words without a link."""
    href = (href or "").strip()
    if not href:
        return None
    if href.startswith("#"):
        return href if href[1:] in anchors else None
    if _WHITE_SPACE.search(href):
        return None
    lower = href.lower()
    if lower.startswith("www."):
        return "https://" + href
    return href if lower.startswith(SAFE_SCHEMES) else None
