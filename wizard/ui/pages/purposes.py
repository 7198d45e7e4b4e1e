"""Data and purposes: what you use personal data for, on which legal basis, and for how long."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QWidget

from wizard import flow
from wizard.flow import PageId
from wizard.model.answers import Purpose
from wizard.ui.labels import duration_text, label
from wizard.ui.pages.base import BasePage
from wizard.ui.tr import _, text_language


def retention_summary(purpose: Purpose, lang: str = "en") -> str:
    """The retention in a few words, for the table (criteria in ``lang`` where written)."""
    retention = purpose.retention
    parts = []
    if retention.period:
        parts.append(duration_text(retention.period.amount, retention.period.unit))
        if retention.starting:
            parts.append(label(retention.starting))
    elif retention.criteria:
        parts.append(retention.criteria.get(lang) or next(iter(retention.criteria.root.values())))
    return " ".join(parts)


class PurposesPage(BasePage):
    """A table of purposes with add, edit, duplicate, remove and reorder."""

    page_id = PageId.PURPOSES

    def explanation_text(self) -> str:
        return _(
            "For every purpose the law wants to know which data you use, on which legal basis, "
            "and how long you keep them. The services you chose proposed some purposes: check "
            "each one (double-click to edit) and add what is missing."
        )

    def build(self, body: QWidget) -> None:
        from wizard.ui.item_table import ItemTable  # with the page's widgets

        layout = QHBoxLayout(body)
        self.items = ItemTable(
            [_("Purpose"), _("Data"), _("Legal basis"), _("Kept for")],
            _("Purposes"),
            get_items=lambda: self.project.purposes,
            set_items=lambda items: setattr(self.project, "purposes", items),
            cells=self._cells,
            edit=self.open_dialog,
            changed=self.changed,
            adders=[(_("&Add..."), self._new_purpose)],
            duplicate=lambda row: flow.duplicate_purpose(self.project, row),
            remove=lambda row: flow.remove_purpose(self.project, row),
        )
        layout.addWidget(self.items)
        self.table = self.items.table
        (self.add_button,) = self.items.add_buttons

    def load(self) -> None:
        self.items.fill()

    def _cells(self, purpose: Purpose) -> list[str]:
        lang = text_language(list(self.project.publication.languages))
        return [
            flow.purpose_label(purpose, lang),
            ", ".join(label(c).split(" (")[0] for c in purpose.data_categories),
            label(purpose.legal_basis) if purpose.legal_basis else _("(missing)"),
            retention_summary(purpose, lang) or _("(missing)"),
        ]

    def open_dialog(self, purpose: Purpose | None) -> Purpose | None:
        """Show the purpose editor; the edited purpose, or ``None`` when cancelled."""
        from wizard.ui.purpose_dialog import PurposeDialog  # loads when first opened

        org = self.project.organisation
        dialog = PurposeDialog(
            purpose,
            self.project.publication.languages,
            self,
            country=org.country or org.address.country,
        )
        if QDialog.DialogCode(dialog.exec()) is not QDialog.DialogCode.Accepted:
            return None
        return dialog.purpose()

    def _new_purpose(self) -> Purpose | None:
        edited = self.open_dialog(None)
        if edited is not None:
            edited.id = flow.new_purpose_id(self.project, flow.purpose_label(edited))
        return edited
