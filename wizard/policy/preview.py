"""The policy as the review page previews it: long tables shortened.

A project with a thousand cookies makes a preview nobody scrolls through and that a text widget
takes long to lay out. The preview shows the first rows of each long table and then one row
saying how many more there are ("... and 975 more cookies"), in the document's language. The
files written keep every row.
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
    t = translation("policy", document.lang)
    kinds = {t.gettext(caption): kind for caption, kind in _KINDS.items()}
    blocks: list[Block] = []
    changed = False
    for block in document.blocks:
        if isinstance(block, Table) and len(block.rows) > rows + 1:
            hidden = len(block.rows) - rows
            text = _more(t, kinds.get(block.caption, ""), hidden)
            columns = max(len(block.header), max(len(r) for r in block.rows))
            more = (Cell(((Span(text, italic=True),),)),) + tuple(
                Cell(((),)) for _ in range(columns - 1)
            )
            blocks.append(replace(block, rows=(*block.rows[:rows], more)))
            changed = True
        else:
            blocks.append(block)
    return replace(document, blocks=tuple(blocks)) if changed else document
