"""A table over one list of the project (purposes, recipients, cookies) with the buttons to
change it: add (one or more ways), edit, duplicate, remove, move up and move down.

The pages say how a row is shown, how an item is edited (a dialog) and, where the list has rules
of its own (a purpose's id, the recipients that refer to it), how it is duplicated and removed;
the table does the rest: the selection, which buttons are enabled, keeping the edited row
selected, and telling the page that the project changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard import flow
from wizard.ui.tr import _

#: ``(button text, callback)``: the callback returns the new item to append, or ``None``.
Adder = tuple[str, Callable[[], Any]]


class ItemTable(QWidget):
    """The table and its button column.

    ``get_items``/``set_items`` read and replace the list in the model; ``cells`` gives a row's
    texts; ``edit`` opens the editor on an item and returns the edited item, or ``None`` when
    cancelled. ``duplicate`` and ``remove`` (an index each) change the model themselves where
    the default (a deep copy after the original; dropping the item) is not enough.
    """

    def __init__(
        self,
        headers: Sequence[str],
        accessible_name: str,
        *,
        get_items: Callable[[], list[Any]],
        set_items: Callable[[list[Any]], None],
        cells: Callable[[Any], list[str]],
        edit: Callable[[Any], Any],
        changed: Callable[[], None],
        adders: Sequence[Adder],
        duplicate: Callable[[int], object] | None = None,
        remove: Callable[[int], object] | None = None,
        extra_buttons: Sequence[tuple[str, Callable[[], None]]] = (),
        texts: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._get, self._set, self._cells, self._edit = get_items, set_items, cells, edit
        self._changed, self._duplicate, self._remove = changed, duplicate, remove
        labels = {
            "edit": _("&Edit..."),
            "duplicate": _("&Duplicate"),
            "remove": _("&Remove"),
            "up": _("Move &up"),
            "down": _("Move do&wn"),
            **(texts or {}),
        }
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setAccessibleName(accessible_name)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.installEventFilter(self)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        column = QVBoxLayout()
        self.add_buttons = [self._button(text, self._adder(make)) for text, make in adders]
        self.edit_button = self._button(labels["edit"], self.edit_selected)
        self.duplicate_button = self._button(labels["duplicate"], self.duplicate_selected)
        self.remove_button = self._button(labels["remove"], self.remove_selected)
        self.up_button = self._button(labels["up"], lambda: self.move_selected(-1))
        self.down_button = self._button(labels["down"], lambda: self.move_selected(1))
        self.extra_buttons = [self._button(text, slot) for text, slot in extra_buttons]
        for button in (
            *self.add_buttons,
            self.edit_button,
            self.duplicate_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            *self.extra_buttons,
        ):
            column.addWidget(button)
        column.addStretch(1)
        layout.addLayout(column)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Enter on a row edits it, like a double click. The table would otherwise pass the
        key on to the wizard, whose default button (Next) would leave the page. Without a
        selection, Enter edits the row under the keyboard cursor."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and (self.selected_row() is not None or self.table.currentRow() >= 0)
        ):
            if self.selected_row() is None:
                self.table.selectRow(self.table.currentRow())
            self.edit_selected()
            return True
        return super().eventFilter(watched, event)

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").rstrip("."))
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _adder(self, make: Callable[[], Any]) -> Callable[[], None]:
        def add() -> None:
            item = make()
            if item is None:
                return
            self._set([*self._get(), item])
            self.fill(len(self._get()) - 1)
            self._changed()

        return add

    # --- the rows ------------------------------------------------------------------------------

    def fill(self, select: int | None = None) -> None:
        """Show the list again, selecting row ``select`` if given."""
        items = self._get()
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            for col, text in enumerate(self._cells(item)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, col, cell)
        self.table.resizeRowsToContents()
        if select is not None and 0 <= select < len(items):
            self.table.selectRow(select)
        self._update_buttons()

    def selected_row(self) -> int | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return min(rows) if rows else None

    def _update_buttons(self) -> None:
        row = self.selected_row()
        for button in (self.edit_button, self.duplicate_button, self.remove_button):
            button.setEnabled(row is not None)
        self.up_button.setEnabled(row is not None and row > 0)
        self.down_button.setEnabled(row is not None and row < self.table.rowCount() - 1)

    # --- the operations ------------------------------------------------------------------------

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        edited = self._edit(self._get()[row])
        if edited is None:
            return
        items = list(self._get())
        items[row] = edited
        self._set(items)
        self.fill(row)
        self._changed()

    def duplicate_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        if self._duplicate is not None:
            self._duplicate(row)
        else:
            self._set(flow.duplicate_item(self._get(), row))
        self.fill(row + 1)
        self._changed()

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        if self._remove is not None:
            self._remove(row)
        else:
            self._set([item for i, item in enumerate(self._get()) if i != row])
        self.fill(min(row, len(self._get()) - 1))
        self._changed()

    def move_selected(self, delta: int) -> None:
        row = self.selected_row()
        if row is None:
            return
        items = flow.move_item(self._get(), row, delta)
        self._set(items)
        self.fill(max(0, min(len(items) - 1, row + delta)))
        self._changed()
