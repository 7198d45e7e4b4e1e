"""Data and purposes: what you use personal data for, on which legal basis, and for how long."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard import flow
from wizard.flow import PageId
from wizard.model.answers import Purpose
from wizard.ui.labels import label
from wizard.ui.pages.base import BasePage
from wizard.ui.purpose_dialog import PurposeDialog
from wizard.ui.tr import _


def retention_summary(purpose: Purpose) -> str:
    """The retention in a few words, for the table."""
    retention = purpose.retention
    parts = []
    if retention.period:
        parts.append(f"{retention.period.amount} {label(retention.period.unit)}")
        if retention.starting:
            parts.append(label(retention.starting))
    elif retention.criteria:
        parts.append(next(iter(retention.criteria.root.values())))
    return " ".join(parts)


class PurposesPage(BasePage):
    """A table of purposes with add, edit, duplicate, remove and reorder."""

    page_id = PageId.PURPOSES

    def title_text(self) -> str:
        return _("Data and purposes")

    def explanation_text(self) -> str:
        return _(
            "For every purpose the law wants to know which data you use, on which legal basis, "
            "and how long you keep them. The services you chose proposed some purposes: check "
            "each one (double-click to edit) and add what is missing."
        )

    def build(self, body: QWidget) -> None:
        layout = QHBoxLayout(body)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [_("Purpose"), _("Data"), _("Legal basis"), _("Kept for")]
        )
        self.table.setAccessibleName(_("Purposes"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setTabKeyNavigation(False)
        self.table.doubleClicked.connect(lambda _index: self.edit_purpose())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        buttons = QVBoxLayout()
        self.add_button = QPushButton(_("&Add..."))
        self.edit_button = QPushButton(_("&Edit..."))
        self.duplicate_button = QPushButton(_("Dupli&cate"))
        self.remove_button = QPushButton(_("&Remove"))
        self.up_button = QPushButton(_("Move &up"))
        self.down_button = QPushButton(_("Move do&wn"))
        for button, slot in (
            (self.add_button, self.add_purpose),
            (self.edit_button, self.edit_purpose),
            (self.duplicate_button, self.duplicate_purpose),
            (self.remove_button, self.remove_purpose),
            (self.up_button, lambda: self.move_purpose(-1)),
            (self.down_button, lambda: self.move_purpose(1)),
        ):
            button.setAccessibleName(button.text().replace("&", "").rstrip("."))
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def load(self) -> None:
        self._fill_table()

    def _fill_table(self, select: int | None = None) -> None:
        purposes = self.project.purposes
        lang = self.project.publication.languages[0] if self.project.publication.languages else "en"
        self.table.setRowCount(len(purposes))
        for row, purpose in enumerate(purposes):
            data = ", ".join(label(c).split(" (")[0] for c in purpose.data_categories)
            cells = [
                flow.purpose_label(purpose, lang),
                data,
                label(purpose.legal_basis) if purpose.legal_basis else _("(missing)"),
                retention_summary(purpose) or _("(missing)"),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if select is not None and 0 <= select < len(purposes):
            self.table.selectRow(select)
        self._update_buttons()

    def selected_row(self) -> int | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return min(rows) if rows else None

    def _update_buttons(self) -> None:
        row = self.selected_row()
        has = row is not None
        for button in (self.edit_button, self.duplicate_button, self.remove_button):
            button.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)  # type: ignore[operator]
        self.down_button.setEnabled(has and row < self.table.rowCount() - 1)  # type: ignore[operator]

    def open_dialog(self, purpose: Purpose | None) -> Purpose | None:
        """Show the purpose editor; the edited purpose, or ``None`` when cancelled."""
        dialog = PurposeDialog(purpose, self.project.publication.languages, self)
        if QDialog.DialogCode(dialog.exec()) is not QDialog.DialogCode.Accepted:
            return None
        return dialog.purpose()

    def add_purpose(self) -> None:
        edited = self.open_dialog(None)
        if edited is None:
            return
        edited.id = flow.new_purpose_id(self.project, flow.purpose_label(edited))
        self.project.purposes = [*self.project.purposes, edited]
        self._fill_table(len(self.project.purposes) - 1)
        self.changed()

    def edit_purpose(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        edited = self.open_dialog(self.project.purposes[row])
        if edited is None:
            return
        purposes = list(self.project.purposes)
        purposes[row] = edited
        self.project.purposes = purposes
        self._fill_table(row)
        self.changed()

    def duplicate_purpose(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        flow.duplicate_purpose(self.project, row)
        self._fill_table(row + 1)
        self.changed()

    def remove_purpose(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        flow.remove_purpose(self.project, row)
        self._fill_table(min(row, len(self.project.purposes) - 1))
        self.changed()

    def move_purpose(self, delta: int) -> None:
        row = self.selected_row()
        if row is None:
            return
        self.project.purposes = flow.move_item(self.project.purposes, row, delta)
        self._fill_table(max(0, min(len(self.project.purposes) - 1, row + delta)))
        self.changed()


