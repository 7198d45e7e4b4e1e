"""The policy as the review page previews it: long tables shortened.

A project with a thousand cookies makes a preview nobody scrolls through and that a text widget
takes long to lay out. The preview shows the first rows of each long table and then one row
saying how many more there are ("... and 975 more cookies"), in the document's language. The
files written keep every row. The live preview cuts the tables as the template's output is
parsed (:func:`wizard.policy.engine.preview`), so the rows it does not show are never parsed.
"""

from __future__ import annotations

import gettext
from dataclasses import replace

from wizard.i18n import translation
from wizard.policy.document import Block, Cell, Document, Span, Table

#: Rows a table shows in the preview before the "... and N more" row.
PREVIEW_ROWS = 20

#: The template's table captions (their English source text), and what their rows are.
_KINDS = {
    "Purposes of the processing, personal data, legal bases and retention periods": "purposes",
    "Recipients of personal data": "recipients",
    "Transfers to third countries and their safeguards": "recipients",
    "Cookies used": "cookies",
}


def _more(t: gettext.NullTranslations, kind: str, count: int) -> str:
    # Called as ``t.ngettext`` so that pybabel extracts both forms.
    if kind == "cookies":
        text = t.ngettext("… and %(num)d more cookie", "… and %(num)d more cookies", count)
    elif kind == "recipients":
        text = t.ngettext("… and %(num)d more recipient", "… and %(num)d more recipients", count)
    elif kind == "purposes":
        text = t.ngettext("… and %(num)d more purpose", "… and %(num)d more purposes", count)
    else:
        text = t.ngettext("… and %(num)d more row", "… and %(num)d more rows", count)
    return text % {"num": count}


def preview_document(document: Document, rows: int = PREVIEW_ROWS) -> Document:
    """``document`` with every table of more than ``rows`` + 1 rows cut to ``rows`` rows and a
    last row that counts the rest (a table is never cut to spare a single row)."""
    hidden = {
        index: len(block.rows) - rows
        for index, block in enumerate(document.blocks)
        if isinstance(block, Table) and len(block.rows) > rows + 1
    }
    if not hidden:
        return document
    blocks = tuple(
        replace(block, rows=block.rows[:rows])
        if index in hidden and isinstance(block, Table)
        else block
        for index, block in enumerate(document.blocks)
    )
    return replace(document, blocks=with_more_rows(blocks, hidden, document.lang))


def with_more_rows(
    blocks: tuple[Block, ...], hidden: dict[int, int], lang: str
) -> tuple[Block, ...]:
    """``blocks`` with a last row added to each table that ``hidden`` names (by its index),
    saying in ``lang`` how many rows it leaves out."""
    if not hidden:
        return blocks
    t = translation("policy", lang)
    kinds = {t.gettext(caption): kind for caption, kind in _KINDS.items()}
    out: list[Block] = []
    for index, block in enumerate(blocks):
        if index in hidden and isinstance(block, Table):
            text = _more(t, kinds.get(block.caption, ""), hidden[index])
            columns = max(len(block.header), max(len(r) for r in block.rows))
            more = (Cell(((Span(text, italic=True),),)),) + tuple(
                Cell(((),)) for _ in range(columns - 1)
            )
            block = replace(block, rows=(*block.rows, more))
        out.append(block)
    return tuple(out)
