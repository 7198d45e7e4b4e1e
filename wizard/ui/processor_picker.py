"""The processor catalogue picker: common services with their location and transfer safeguard."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard.ui.labels import catalog_category_name, country_name, label, long_date
from wizard.ui.tr import _, ui_language
from wizard.ui.widgets import describe_fields, fit_to_screen, ok_cancel_buttons


class ProcessorPicker(QDialog):
    """Search and pick one entry of :mod:`wizard.catalog.processors`, grouped by category."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from wizard.catalog import processors as catalog

        self._catalog = catalog
        self.setWindowTitle(_("Add from the catalogue"))
        layout = QVBoxLayout(self)
        search_label = QLabel(_("&Search:"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Name of the service or company"))
        self.search.setAccessibleName(_("Search the catalogue"))
        self.search.setClearButtonEnabled(True)
        search_label.setBuddy(self.search)
        layout.addWidget(search_label)
        layout.addWidget(self.search)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(_("Services"))
        splitter.addWidget(self.tree)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setAccessibleName(_("Details"))
        self.details.setMinimumWidth(260)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        layout.addWidget(
            QLabel(
                _("Check the details against your contract: the catalogue is a starting point.")
            )
        )
        self.buttons = ok_cancel_buttons(self, _("Use this service"))
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._fill)
        self.tree.currentItemChanged.connect(self._show_details)
        self.tree.itemActivated.connect(self._activated)
        self._fill("")
        describe_fields(self)
        fit_to_screen(self, 760, 520)

    def _fill(self, text: str) -> None:
        self.tree.clear()
        found = self._catalog.search(text)
        groups: dict[str, QTreeWidgetItem] = {}
        for category in self._catalog.CATEGORIES:
            entries = [e for e in found if e.category == category]
            if not entries:
                continue
            group = QTreeWidgetItem([catalog_category_name(category)])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            groups[category] = group
            for entry in entries:
                item = QTreeWidgetItem([entry.name])
                item.setData(0, Qt.ItemDataRole.UserRole, entry.id)
                group.addChild(item)
        self.tree.expandAll()
        first = next((g.child(0) for g in groups.values() if g.childCount()), None)
        if first is not None:
            self.tree.setCurrentItem(first)
        self._show_details()

    def chosen(self) -> Any:
        """The catalogue entry selected, or ``None``."""
        item = self.tree.currentItem()
        entry_id = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return self._catalog.processor(entry_id) if entry_id else None

    def _activated(self, item: QTreeWidgetItem) -> None:
        if item.data(0, Qt.ItemDataRole.UserRole):
            self.accept()

    def _show_details(self, *_args: object) -> None:
        entry = self.chosen()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(entry is not None)
        if entry is None:
            self.details.setText("")
            return
        from wizard.model.answers import RecipientRole, Safeguard

        where = ", ".join(country_name(c) for c in entry.data_location)
        rows = [
            (_("Company"), entry.legal_entity or _("(not confirmed)")),
            (_("Used for"), entry.purpose_in(ui_language())),
            (_("Role"), label(RecipientRole(entry.role))),
            (_("Data processed in"), where),
            (
                _("Transfer safeguard"),
                label(Safeguard(entry.safeguard)) if entry.safeguard else _("none needed"),
            ),
        ]
        if entry.importer:
            # The company outside the EEA that receives the data is not the contracting entity.
            rows.insert(
                1,
                (
                    _("Receives the data outside the EEA"),
                    f"{entry.importer} ({country_name(entry.importer_country)})",
                ),
            )
        html = f"<h3>{escape(entry.name)}</h3><table>"
        html += "".join(
            f"<tr><td><b>{escape(k)}</b>&nbsp;</td><td>{escape(v)}</td></tr>" for k, v in rows
        )
        html += "</table>"
        if entry.notes:
            html += f"<p>{escape(entry.notes_in(ui_language()))}</p>"
        if entry.verified_on:
            html += "<p><i>" + escape(
                _("Checked on {date}.").format(date=long_date(entry.verified_on))
            ) + "</i></p>"
        self.details.setText(html)
