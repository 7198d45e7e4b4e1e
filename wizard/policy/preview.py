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
from typing import Any

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


#: The lists of the template's facts that fill a table one row per item, by the table's caption.
_LISTS = {
    "Purposes of the processing, personal data, legal bases and retention periods": "purposes",
    "Recipients of personal data": "recipients",
    "Transfers to third countries and their safeguards": "transfers",
    "Cookies used": "cookies",
    "Published versions of this privacy policy and what changed": "history",
}


def shorten_lists(context: dict[str, Any], rows: int = PREVIEW_ROWS) -> dict[str, int]:
    """Cut each long list of ``context`` that fills a table to ``rows`` + 2 items, enough for
    the parser to cut its table (:func:`~wizard.policy.parse.parse_shortened`); how many items
    each list lost, by its name."""
    cut: dict[str, int] = {}
    for name in _LISTS.values():
        items = context.get(name)
        if isinstance(items, list) and len(items) > rows + 2:
            context[name] = items[: rows + 2]
            cut[name] = len(items) - (rows + 2)
    return cut


def hidden_rows(
    blocks: tuple[Block, ...], hidden: dict[int, int], cut: dict[str, int], lang: str
) -> dict[int, int] | None:
    """How many rows each table of ``blocks`` leaves out in all: the rows the parser left out
    (``hidden``) and the items :func:`shorten_lists` took from its list (``cut``). None when a
    shortened list's table is not found as the parser cut it (a template that does not write
    one row per item): the caller then builds the whole table."""
    if not cut:
        return hidden
    gettext = translation("policy", lang).gettext
    index_of = {
        block.caption: index
        for index, block in enumerate(blocks)
        if isinstance(block, Table) and index in hidden
    }
    more = dict(hidden)
    for caption, name in _LISTS.items():
        if name not in cut:
            continue
        index = index_of.get(gettext(caption))
        if index is None or hidden[index] != 2:
            return None
        more[index] += cut[name]
    return more


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
