"""The cookie editor: one cookie or similar technology."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wizard.catalog.cookies import KnownCookie, known_cookie, known_cookies
from wizard.model.answers import Cookie, CookieCategory, Duration, LocalText, Party, TimeUnit
from wizard.ui.labels import label
from wizard.ui.tr import _
from wizard.ui.widgets import (
    FieldError,
    LocalTextEdit,
    add_form_row,
    describe_fields,
    fit_to_screen,
    new_form,
    ok_cancel_buttons,
    scroll_area,
)


class CookieDialog(QDialog):
    """Edit one cookie. OK needs a name, a provider and a purpose.

    The name field completes from the Open Cookie Database; for a known name the dialog says
    what the database knows and offers to fill in the provider, category, lifetime and (in
    English, the database's language) the purpose.
    """

    def __init__(
        self, cookie: Cookie | None, languages: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Edit cookie") if cookie else _("New cookie"))
        outer = QVBoxLayout(self)
        body = QWidget()
        outer.addWidget(scroll_area(body), 1)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        form = new_form()
        layout.addLayout(form)
        self.name = QLineEdit()
        names = sorted({c.name for c in known_cookies()}, key=str.lower)
        completer = QCompleter(names, self.name)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name.setCompleter(completer)
        add_form_row(form, _("&Name:"), self.name)
        known_row = QWidget()
        known_layout = QHBoxLayout(known_row)
        known_layout.setContentsMargins(0, 0, 0, 0)
        self.known = QLabel()
        self.known.setWordWrap(True)
        self.known.setTextFormat(Qt.TextFormat.PlainText)
        self.fill_button = QPushButton(_("Fill &in from the database"))
        self.fill_button.setAccessibleName(_("Fill in from the Open Cookie Database"))
        self.fill_button.clicked.connect(self.fill_from_database)
        known_layout.addWidget(self.known, 1)
        known_layout.addWidget(self.fill_button, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow("", known_row)
        self._languages = list(languages)
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
        outer.addWidget(self.error)
        self.buttons = ok_cancel_buttons(self)
        outer.addWidget(self.buttons)
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
        self.name.textChanged.connect(self._show_known)
        self.provider.textChanged.connect(self._update)
        self.purpose.edited.connect(self._update)
        self.amount.valueChanged.connect(self._update)
        self._update()
        self._show_known()
        describe_fields(self)
        fit_to_screen(self, 600, 360)

    def _show_known(self, *_args: object) -> None:
        entry = known_cookie(self.name.text())
        self.fill_button.setEnabled(entry is not None)
        if entry is None:
            self.known.setText(
                _("Not in the Open Cookie Database: enter its details yourself.")
                if self.name.text().strip()
                else _("Type the name: known cookies are filled in from the Open Cookie Database.")
            )
            return
        if entry.lifetime_known and entry.lifetime is None:
            retention = _("session")
        elif entry.lifetime is not None:
            retention = f"{entry.lifetime[0]} {label(TimeUnit(entry.lifetime[1]))}"
        else:  # the database's own words ("Unknown", "Varies")
            retention = entry.retention or _("not stated")
        self.known.setText(
            _("Open Cookie Database: {name} ({platform}), {category}, kept {retention}.").format(
                name=entry.name + ("*" if entry.prefix else ""),
                platform=entry.proposed_provider,
                category=label(CookieCategory(entry.category)),
                retention=retention,
            )
        )

    def fill_from_database(self) -> KnownCookie | None:
        """Fill the provider, party, category, lifetime and the purpose (in every output
        language) from the database's entry for the name typed (the user checks them)."""
        entry = known_cookie(self.name.text())
        if entry is None:
            return None
        self.provider.setText(entry.proposed_provider)
        party = Party.THIRD if entry.third_party else Party.FIRST
        self.party.setCurrentIndex(self.party.findData(party))
        self.category.setCurrentIndex(self.category.findData(CookieCategory(entry.category)))
        if entry.lifetime_known:
            if entry.lifetime is None:
                self.amount.setValue(0)
            else:
                amount, unit = entry.lifetime
                self.amount.setValue(amount)
                self.unit.setCurrentIndex(self.unit.findData(TimeUnit(unit)))
        # The proposed purpose in every output language; the person's own words are kept.
        purpose = dict(self.purpose.value().root)
        for lang in self._languages:
            purpose.setdefault(lang, entry.proposed_purpose[lang])
        self.purpose.set_value(LocalText(purpose))
        self._update()
        return entry

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
