"""Processors and other recipients: who else receives the personal data."""

from __future__ import annotations

from typing import Any

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
from wizard.model.answers import Recipient
from wizard.ui.labels import country_name, label
from wizard.ui.pages.base import BasePage
from wizard.ui.processor_picker import ProcessorPicker
from wizard.ui.recipient_dialog import RecipientDialog
from wizard.ui.tr import _


class RecipientsPage(BasePage):
    """A table of recipients, added and edited by hand."""

    page_id = PageId.RECIPIENTS

    def title_text(self) -> str:
        return _("Processors and other recipients")

    def explanation_text(self) -> str:
        return _(
            "People have the right to know who else receives their data: the companies that "
            "work for you (hosting, booking software, e-mail) and others such as health "
            "insurers. Where they are matters too: outside the EU, extra safeguards apply. "
            "Pick common services from the catalogue, or add any other by hand."
        )

    def build(self, body: QWidget) -> None:
        layout = QHBoxLayout(body)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_("Name"), _("Role"), _("Country"), _("Purposes")])
        self.table.setAccessibleName(_("Recipients"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_recipient())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        buttons = QVBoxLayout()
        self.catalog_button = QPushButton(_("Add from &catalogue..."))
        self.catalog_button.setToolTip(
            _("Pick a common service (hosting, e-mail, payments, video calls, ...) with its "
              "location and transfer safeguard filled in")
        )
        self.add_button = QPushButton(_("&Add by hand..."))
        self.edit_button = QPushButton(_("&Edit..."))
        self.remove_button = QPushButton(_("&Remove"))
        for button, slot in (
            (self.catalog_button, self.add_from_catalog),
            (self.add_button, self.add_recipient),
            (self.edit_button, self.edit_recipient),
            (self.remove_button, self.remove_recipient),
        ):
            button.setAccessibleName(button.text().replace("&", "").rstrip("."))
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def load(self) -> None:
        self._fill_table()

    def _fill_table(self, select: int | None = None) -> None:
        recipients = self.project.recipients
        languages = self.project.publication.languages
        lang = languages[0] if languages else "en"
        self.table.setRowCount(len(recipients))
        for row, recipient in enumerate(recipients):
            purposes = [self.project.purpose(pid) for pid in recipient.purposes]
            cells = [
                flow.recipient_label(recipient, lang),
                label(recipient.role).split(" (")[0],
                country_name(recipient.country),
                ", ".join(flow.purpose_label(p) for p in purposes if p is not None),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if select is not None and 0 <= select < len(recipients):
            self.table.selectRow(select)
        self._update_buttons()

    def selected_row(self) -> int | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return min(rows) if rows else None

    def _update_buttons(self) -> None:
        has = self.selected_row() is not None
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def open_dialog(self, recipient: Recipient | None, is_new: bool = False) -> Recipient | None:
        """Show the recipient editor; the edited recipient, or ``None`` when cancelled."""
        dialog = RecipientDialog(
            recipient, self.project.purposes, self.project.publication.languages, self,
            is_new=is_new or recipient is None,
        )
        if QDialog.DialogCode(dialog.exec()) is not QDialog.DialogCode.Accepted:
            return None
        return dialog.recipient()

    def pick_from_catalog(self) -> Any:
        """Show the catalogue picker; the chosen entry, or ``None`` when cancelled."""
        picker = ProcessorPicker(self)
        if QDialog.DialogCode(picker.exec()) is not QDialog.DialogCode.Accepted:
            return None
        return picker.chosen()

    def add_from_catalog(self) -> None:
        """Pick a catalogue entry, then complete it (purposes) in the recipient editor."""
        entry = self.pick_from_catalog()
        if entry is None:
            return
        edited = self.open_dialog(flow.recipient_from_catalog(entry), is_new=True)
        if edited is None:
            return
        self.project.recipients = [*self.project.recipients, edited]
        self._fill_table(len(self.project.recipients) - 1)
        self.changed()

    def add_recipient(self) -> None:
        edited = self.open_dialog(None)
        if edited is None:
            return
        self.project.recipients = [*self.project.recipients, edited]
        self._fill_table(len(self.project.recipients) - 1)
        self.changed()

    def edit_recipient(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        edited = self.open_dialog(self.project.recipients[row])
        if edited is None:
            return
        recipients = list(self.project.recipients)
        recipients[row] = edited
        self.project.recipients = recipients
        self._fill_table(row)
        self.changed()

    def remove_recipient(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        self.project.recipients = [r for i, r in enumerate(self.project.recipients) if i != row]
        self._fill_table(min(row, len(self.project.recipients) - 1))
        self.changed()
