"""The recipient editor: who receives personal data, where, and for which purposes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard import flow
from wizard.model.answers import LocalText, Purpose, Recipient, RecipientRole
from wizard.ui.labels import countries_sorted, label
from wizard.ui.tr import _
from wizard.ui.widgets import (
    Explanation,
    FieldError,
    LocalTextEdit,
    add_form_row,
    describe_fields,
    fit_to_screen,
    new_form,
    ok_cancel_buttons,
    scroll_area,
)


class RecipientDialog(QDialog):
    """Edit one recipient by hand. OK needs a name and a country."""

    def __init__(
        self,
        recipient: Recipient | None,
        purposes: Sequence[Purpose],
        languages: Sequence[str],
        parent: QWidget | None = None,
        is_new: bool | None = None,
    ) -> None:
        super().__init__(parent)
        new = recipient is None if is_new is None else is_new
        self.setWindowTitle(_("New recipient") if new else _("Edit recipient"))
        self._original = recipient
        outer = QVBoxLayout(self)
        body = QWidget()
        outer.addWidget(scroll_area(body), 1)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        form = new_form()
        layout.addLayout(form)
        self.name = QLineEdit()
        add_form_row(form, _("&Name:"), self.name)
        self.category = LocalTextEdit()
        self.category.set_languages(languages)
        add_form_row(form, _("Or a cate&gory of recipients:"), self.category)
        self.category.editor.setPlaceholderText(_("e.g. your health insurer"))
        form.addRow(
            Explanation(
                _(
                    "Name the company, or, when it differs from person to person, describe the "
                    "kind of recipient (e.g. 'your health insurer', 'the laboratory we send "
                    "samples to')."
                )
            )
        )
        self.role = QComboBox()
        for role in RecipientRole:
            self.role.addItem(label(role), role)
        add_form_row(form, _("&Role:"), self.role)
        form.addRow(
            Explanation(
                _(
                    "A processor works on your instructions (hosting, booking software, "
                    "e-mail). An independent controller decides for itself (a health insurer, "
                    "your accountant, a laboratory)."
                )
            )
        )
        self.service = LocalTextEdit()
        self.service.set_languages(languages)
        add_form_row(form, _("&What it does with the data:"), self.service)
        self.country = QComboBox()
        self.country.addItem(_("(choose a country)"), None)
        for code, name in countries_sorted():
            self.country.addItem(name, code)
        add_form_row(form, _("&Country where the data are processed:"), self.country)
        self.purposes = QListWidget()
        for purpose in purposes:
            item = QListWidgetItem(flow.purpose_label(purpose))
            item.setData(Qt.ItemDataRole.UserRole, purpose.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = recipient is not None and purpose.id in recipient.purposes
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.purposes.addItem(item)
        add_form_row(form, _("&For these purposes:"), self.purposes)
        self.error = FieldError()
        outer.addWidget(self.error)
        self.buttons = ok_cancel_buttons(self)
        outer.addWidget(self.buttons)
        if recipient is not None:
            self.name.setText(recipient.name)
            self.category.set_value(recipient.category)
            self.role.setCurrentIndex(self.role.findData(recipient.role))
            self.service.set_value(recipient.service)
            self.country.setCurrentIndex(max(0, self.country.findData(recipient.country)))
        self.name.textChanged.connect(self._update)
        self.category.edited.connect(self._update)
        self.country.currentIndexChanged.connect(self._update)
        self._update()
        describe_fields(self)
        fit_to_screen(self, 620, 560)

    def _update(self, *_args: object) -> None:
        problems = []
        if not self.name.text().strip() and not self.category.value():
            problems.append(_("Enter the recipient's name or a category of recipients."))
        if self.country.currentData() is None:
            problems.append(_("Choose the country where the data are processed."))
        self.error.show_message(" ".join(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)

    def recipient(self) -> Recipient:
        """The recipient as edited (the safeguard is kept; it is chosen on the transfers page)."""
        chosen = [
            self.purposes.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.purposes.count())
            if self.purposes.item(i).checkState() == Qt.CheckState.Checked
        ]
        original = self._original
        return Recipient(
            name=self.name.text(),
            category=self.category.value(),
            catalog_id=original.catalog_id if original else None,
            role=self.role.currentData(),
            service=self.service.value() or LocalText(),
            country=self.country.currentData(),
            safeguard=original.safeguard if original else None,
            fallback_safeguards=original.fallback_safeguards if original else [],
            purposes=chosen,
        )
