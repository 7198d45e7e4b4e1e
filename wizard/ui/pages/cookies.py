"""Cookies and similar technologies: whether they are used, consent, and the declaration.

The cookie editor (with the cookie database), the file dialog and the message boxes are
imported when first used, not with the pages when the window gets ready."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from wizard import flow
from wizard.flow import PageId
from wizard.model.answers import Cookie
from wizard.ui.labels import duration_text, label
from wizard.ui.pages.base import BasePage
from wizard.ui.tr import _, text_language
from wizard.ui.widgets import Explanation, LocalTextEdit, add_form_row, new_form


def lifetime_text(cookie: Cookie) -> str:
    if cookie.lifetime is None:
        return _("session")
    return duration_text(cookie.lifetime.amount, cookie.lifetime.unit)


class CookiesPage(BasePage):
    """Shown only for a website or an app."""

    page_id = PageId.COOKIES

    def explanation_text(self) -> str:
        return _(
            "Websites and apps must say which cookies and similar technologies they use. "
            "Cookies that are not strictly necessary (analytics, marketing) need consent "
            "first, and people must be able to withdraw it as easily as they gave it."
        )

    def build(self, body: QWidget) -> None:
        from wizard.ui.item_table import ItemTable  # with the page's widgets

        layout = QVBoxLayout(body)
        self.used = QCheckBox(_("Our website or app &uses cookies or similar technologies"))
        layout.addWidget(self.used)
        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        form = new_form()
        details.addLayout(form)
        self.consent = LocalTextEdit(multiline=True)
        add_form_row(form, _("How you ask &consent:"), self.consent)
        self.withdrawal = LocalTextEdit(multiline=True)
        add_form_row(form, _("How people &withdraw it:"), self.withdrawal)
        self.items = ItemTable(
            [_("Name"), _("Provider"), _("Category"), _("Purpose"), _("Lifetime")],
            _("Cookies"),
            get_items=lambda: self.project.cookies.items,
            set_items=lambda items: setattr(self.project.cookies, "items", items),
            cells=self._cells,
            edit=self.open_dialog,
            changed=self.changed,
            adders=[(_("&Add..."), lambda: self.open_dialog(None))],
            extra_buttons=[(_("&Import CSV..."), self.import_csv_dialog)],
            # "u" and "w" are taken on this page ("uses cookies", "withdraw it").
            texts={"up": _("&Move up"), "down": _("Move d&own")},
        )
        self.table = self.items.table
        self.table.setMinimumHeight(160)
        (self.add_button,) = self.items.add_buttons
        (self.import_button,) = self.items.extra_buttons
        self.import_button.setToolTip(
            _("A CSV file with the columns: {columns}").format(
                columns=", ".join(flow.COOKIE_CSV_COLUMNS)
            )
        )
        table_label = QLabel(_("Coo&kies you use:"))
        table_label.setBuddy(self.table)
        details.addWidget(table_label)
        details.addWidget(self.items)
        details.addWidget(
            Explanation(
                _(
                    "Tip: your cookie banner or a browser's developer tools list the cookies "
                    "your site sets. A CSV file needs the columns {columns}; lifetime is like "
                    "'13 months' or 'session'."
                ).format(columns=", ".join(flow.COOKIE_CSV_COLUMNS))
            )
        )
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.used.toggled.connect(self._used_toggled)
        self.consent.edited.connect(self._write_texts)
        self.withdrawal.edited.connect(self._write_texts)

    def load(self) -> None:
        cookies = self.project.cookies
        languages = self.project.publication.languages
        self.used.setChecked(cookies.used)
        for edit, value in ((self.consent, cookies.consent_mechanism),
                            (self.withdrawal, cookies.withdrawal)):
            edit.set_languages(languages)
            edit.set_value(value)
        self.details.setVisible(cookies.used)
        self.items.fill()

    def _cells(self, cookie: Cookie) -> list[str]:
        lang = text_language(list(self.project.publication.languages))
        purpose = cookie.purpose.get(lang) or next(iter(cookie.purpose.root.values()), "")
        return [cookie.name, cookie.provider, label(cookie.category), purpose,
                lifetime_text(cookie)]

    def _used_toggled(self, checked: bool) -> None:
        if self.loading:
            return
        self.project.cookies.used = checked
        self.details.setVisible(checked)
        self.changed()

    def _write_texts(self) -> None:
        if self.loading:
            return
        self.project.cookies.consent_mechanism = self.consent.value()
        self.project.cookies.withdrawal = self.withdrawal.value()
        self.changed()

    def open_dialog(self, cookie: Cookie | None) -> Cookie | None:
        from wizard.ui.cookie_dialog import CookieDialog

        dialog = CookieDialog(cookie, self.project.publication.languages, self)
        if QDialog.DialogCode(dialog.exec()) is not QDialog.DialogCode.Accepted:
            return None
        cookie = dialog.cookie()
        if flow.propose_consent_texts(self.project, cookie):
            # A cookie that needs consent: propose how it is asked and withdrawn.
            self.consent.set_value(self.project.cookies.consent_mechanism)
            self.withdrawal.set_value(self.project.cookies.withdrawal)
        return cookie

    def import_csv_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(
            self, _("Import cookies"), "", _("CSV files (*.csv);;All files (*)")
        )
        if path:
            self.import_csv(Path(path))

    def import_csv(self, path: Path) -> int:
        """Add the cookies from a CSV file; report skipped lines. Returns how many were added."""
        from PySide6.QtWidgets import QMessageBox

        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            QMessageBox.warning(
                self, _("Import cookies"),
                _("The file could not be read: {error}").format(error=exc),
            )
            return 0
        lang = self.consent.current_language()
        cookies, problems = flow.parse_cookies_csv(text, lang)
        if cookies:
            self.project.cookies.used = True
            self.project.cookies.items = [*self.project.cookies.items, *cookies]
            self.reload()
            self.changed()
        if problems:
            shown = "\n".join(problems[:10])
            QMessageBox.warning(
                self,
                _("Import cookies"),
                _("Imported {count} cookies. These lines were skipped:").format(
                    count=len(cookies)
                )
                + "\n\n"
                + shown,
            )
        return len(cookies)
