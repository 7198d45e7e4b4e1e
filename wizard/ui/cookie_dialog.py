"""The cookie editor: one cookie or similar technology."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wizard.model.answers import Cookie, CookieCategory, Duration, Party, TimeUnit
from wizard.ui.labels import label
from wizard.ui.tr import _
from wizard.ui.widgets import FieldError, LocalTextEdit, add_form_row, new_form


class CookieDialog(QDialog):
    """Edit one cookie. OK needs a name, a provider and a purpose."""

    def __init__(
        self, cookie: Cookie | None, languages: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Edit cookie") if cookie else _("New cookie"))
        layout = QVBoxLayout(self)
        form = new_form()
        layout.addLayout(form)
        self.name = QLineEdit()
        add_form_row(form, _("&Name:"), self.name)
        self.provider = QLineEdit()
        add_form_row(form, _("&Provider:"), self.provider)
        self.party = QComboBox()
        for party in Party:
            self.party.addItem(label(party), party)
        add_form_row(form, _("&First or third party:"), self.party)
        self.category = QComboBox()
        for category in CookieCategory:
            self.category.addItem(label(category), category)
        add_form_row(form, _("&Category:"), self.category)
        self.purpose = LocalTextEdit()
        self.purpose.set_languages(languages)
        add_form_row(form, _("P&urpose:"), self.purpose)
        lifetime = QWidget()
        row = QHBoxLayout(lifetime)
        row.setContentsMargins(0, 0, 0, 0)
        self.amount = QSpinBox()
        self.amount.setRange(0, 1000)
        self.amount.setSpecialValueText(_("session (deleted when the browser closes)"))
        self.amount.setAccessibleName(_("Lifetime"))
        self.unit = QComboBox()
        self.unit.setAccessibleName(_("Unit"))
        for unit in TimeUnit:
            self.unit.addItem(label(unit), unit)
        row.addWidget(self.amount, 1)
        row.addWidget(self.unit)
        add_form_row(form, _("&Lifetime:"), lifetime).setBuddy(self.amount)
        self.error = FieldError()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if cookie is not None:
            self.name.setText(cookie.name)
            self.provider.setText(cookie.provider)
            self.party.setCurrentIndex(self.party.findData(cookie.party))
            self.category.setCurrentIndex(self.category.findData(cookie.category))
            self.purpose.set_value(cookie.purpose)
            if cookie.lifetime:
                self.amount.setValue(cookie.lifetime.amount)
                self.unit.setCurrentIndex(self.unit.findData(cookie.lifetime.unit))
        self.name.textChanged.connect(self._update)
        self.provider.textChanged.connect(self._update)
        self.purpose.edited.connect(self._update)
        self.amount.valueChanged.connect(self._update)
        self._update()
        self.resize(560, 320)

    def _update(self, *_args: object) -> None:
        problems = []
        if not self.name.text().strip():
            problems.append(_("Enter the cookie's name."))
        if not self.provider.text().strip():
            problems.append(_("Enter who sets it (your organisation or a third party)."))
        if not self.purpose.value():
            problems.append(_("Say what the cookie is for."))
        self.unit.setEnabled(self.amount.value() > 0)
        self.error.show_message(" ".join(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)

    def cookie(self) -> Cookie:
        amount = self.amount.value()
        return Cookie(
            name=self.name.text(),
            provider=self.provider.text(),
            party=self.party.currentData(),
            category=self.category.currentData(),
            purpose=self.purpose.value(),
            lifetime=Duration(amount=amount, unit=self.unit.currentData()) if amount else None,
        )
