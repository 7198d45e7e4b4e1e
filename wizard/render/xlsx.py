"""The record of processing activities as a spreadsheet (openpyxl): one row per activity, the
header row frozen, filters on, column widths set, text wrapped; the controller on a second sheet.
Cells are written as text, never as formulas: a purpose called ``=SUM(A1)`` stays those
characters."""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from wizard import APP_NAME
from wizard.documents.records import Sheet

# Characters XML 1.0 cannot hold (openpyxl refuses them).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: Sheet names may not contain these, and have at most 31 characters.
_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def _text(cell: Cell, value: str) -> None:
    cell.value = _ILLEGAL.sub("", value)
    # Text, even when it starts with "=": never a formula.
    cell.data_type = "s"


def xlsx_bytes(sheet: Sheet, lang: str) -> bytes:
    """``sheet`` as the bytes of an XLSX workbook."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = _SHEET_NAME.sub(" ", sheet.title)[:31]
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DCE6EA")
    wrap = Alignment(wrap_text=True, vertical="top")
    for col, label in enumerate(sheet.header, start=1):
        cell = ws.cell(row=1, column=col)
        _text(cell, label)
        cell.font = bold
        cell.fill = fill
        cell.alignment = wrap
    for r, row in enumerate(sheet.rows, start=2):
        for col, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=col)
            _text(cell, value)
            cell.alignment = wrap
    for col, width in enumerate(sheet.widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A2"
    last = get_column_letter(len(sheet.header))
    ws.auto_filter.ref = f"A1:{last}{max(1, len(sheet.rows) + 1)}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4

    info = book.create_sheet(_SHEET_NAME.sub(" ", sheet.controller[0][0])[:31])
    for r, (label, value) in enumerate(sheet.controller, start=1):
        _text(info.cell(row=r, column=1), label)
        info.cell(row=r, column=1).font = bold
        _text(info.cell(row=r, column=2), value)
        info.cell(row=r, column=2).alignment = wrap
    info.column_dimensions["A"].width = 36
    info.column_dimensions["B"].width = 80

    book.properties.title = sheet.title
    book.properties.creator = APP_NAME
    book.properties.language = lang
    # A fixed time, so the same answers give the same bytes.
    import datetime as dt

    fixed = dt.datetime(2000, 1, 1)
    book.properties.created = fixed
    book.properties.modified = fixed
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()
