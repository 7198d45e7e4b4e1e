"""Processors and other recipients: who else receives the personal data."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QVBoxLayout, QWidget

from wizard import flow
from wizard.flow import PageId
from wizard.model.answers import Recipient
from wizard.ui.labels import country_name, label
from wizard.ui.pages.base import BasePage
from wizard.ui.tr import _, text_language


class RecipientsPage(BasePage):
    """A table of recipients, added from the processor catalogue or by hand."""

    page_id = PageId.RECIPIENTS

    def explanation_text(self) -> str:
        return _(
            "People have the right to know who else receives their data: the companies that "
            "work for you (hosting, booking software, e-mail) and others such as health "
            "insurers. Where they are matters too: outside the EU, extra safeguards apply. "
            "Pick common services from the catalogue, or add any other by hand."
        )

    def build(self, body: QWidget) -> None:
        from wizard.ui.item_table import ItemTable  # with the page's widgets

        outer = QVBoxLayout(body)
        layout = QHBoxLayout()
        outer.addLayout(layout, 1)
        self.no_transfers = QCheckBox(
            _("No recipient processes the data outside the EU/EEA: &say so in the policy")
        )
        self.no_transfers.setToolTip(
            _("The policy then says plainly that no personal data are transferred outside "
              "the European Economic Area. Only possible while every recipient is inside it.")
        )
        self.no_transfers.toggled.connect(self._no_transfers_toggled)
        outer.addWidget(self.no_transfers)
        self.items = ItemTable(
            [_("Name"), _("Role"), _("Country"), _("Purposes")],
            _("Recipients"),
            get_items=lambda: self.project.recipients,
            set_items=lambda items: setattr(self.project, "recipients", items),
            cells=self._cells,
            edit=self.open_dialog,
            changed=self.changed,
            adders=[
                (_("Add from &catalogue..."), self._new_from_catalog),
                (_("&Add by hand..."), lambda: self.open_dialog(None)),
            ],
        )
        layout.addWidget(self.items)
        self.table = self.items.table
        self.catalog_button, self.add_button = self.items.add_buttons
        self.catalog_button.setToolTip(
            _("Pick a common service (hosting, e-mail, payments, video calls, ...) with its "
              "location and transfer safeguard filled in")
        )

    def load(self) -> None:
        self.items.fill()
        self._show_no_transfers()

    def _show_no_transfers(self) -> None:
        was = self._loading
        self._loading = True
        try:
            self.no_transfers.setChecked(self.project.no_transfers_confirmed)
        finally:
            self._loading = was
        # Offered while no recipient is outside the EEA (and shown checked while it is set, so
        # that a contradiction can be cleared).
        self.no_transfers.setEnabled(
            not flow.has_transfers(self.project) or self.project.no_transfers_confirmed
        )

    def _no_transfers_toggled(self, checked: bool) -> None:
        if self.loading:
            return
        self.project.no_transfers_confirmed = checked
        self._show_no_transfers()
        self.changed()

    def refresh(self) -> None:
        super().refresh()
        if hasattr(self, "no_transfers"):
            self._show_no_transfers()

    def _cells(self, recipient: Recipient) -> list[str]:
        lang = text_language(list(self.project.publication.languages))
        purposes = [self.project.purpose(pid) for pid in recipient.purposes]
        return [
            flow.recipient_label(recipient, lang),
            label(recipient.role).split(" (")[0],
            country_name(recipient.country),
            ", ".join(flow.purpose_label(p, lang) for p in purposes if p is not None),
        ]

    def open_dialog(self, recipient: Recipient | None, is_new: bool = False) -> Recipient | None:
        """Show the recipient editor; the edited recipient, or ``None`` when cancelled."""
        from wizard.ui.recipient_dialog import RecipientDialog  # loads when first opened

        dialog = RecipientDialog(
            recipient, self.project.purposes, self.project.publication.languages, self,
            is_new=is_new or recipient is None,
        )
        if QDialog.DialogCode(dialog.exec()) is not QDialog.DialogCode.Accepted:
            return None
        return dialog.recipient()

    def pick_from_catalog(self) -> Any:
        """Show the catalogue picker; the chosen entry, or ``None`` when cancelled."""
        from wizard.ui.processor_picker import ProcessorPicker  # loads when first opened

        picker = ProcessorPicker(self)
        if QDialog.DialogCode(picker.exec()) is not QDialog.DialogCode.Accepted:
            return None
        return picker.chosen()

    def _new_from_catalog(self) -> Recipient | None:
        """Pick a catalogue entry, then complete it (purposes) in the recipient editor."""
        entry = self.pick_from_catalog()
        if entry is None:
            return None
        return self.open_dialog(
            flow.recipient_from_catalog(entry, self.project.purposes), is_new=True
        )
