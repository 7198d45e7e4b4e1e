"""Cookies and similar technologies: whether they are used, consent, and the declaration."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard import flow
from wizard.flow import PageId
from wizard.model.answers import Cookie
from wizard.ui.cookie_dialog import CookieDialog
from wizard.ui.labels import label
from wizard.ui.pages.base import BasePage
from wizard.ui.tr import _
from wizard.ui.widgets import Explanation, LocalTextEdit, add_form_row, new_form


def lifetime_text(cookie: Cookie) -> str:
    if cookie.lifetime is None:
        return _("session")
    return f"{cookie.lifetime.amount} {label(cookie.lifetime.unit)}"


class CookiesPage(BasePage):
    """Shown only for a website or an app."""

    page_id = PageId.COOKIES

    def title_text(self) -> str:
        return _("Cookies")

    def explanation_text(self) -> str:
        return _(
            "Websites and apps must say which cookies and similar technologies they use. "
            "Cookies that are not strictly necessary (analytics, marketing) need consent "
            "first, and people must be able to withdraw it as easily as they gave it."
        )

    def build(self, body: QWidget) -> None:
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
        table_row = QHBoxLayout()
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [_("Name"), _("Provider"), _("Category"), _("Purpose"), _("Lifetime")]
        )
        self.table.setAccessibleName(_("Cookies"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(160)
        self.table.doubleClicked.connect(lambda _index: self.edit_cookie())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        table_label = QLabel(_("Coo&kies you use:"))
        table_label.setBuddy(self.table)
        details.addWidget(table_label)
        table_row.addWidget(self.table, 1)
        buttons = QVBoxLayout()
        self.add_button = QPushButton(_("&Add..."))
        self.edit_button = QPushButton(_("&Edit..."))
        self.remove_button = QPushButton(_("&Remove"))
        self.import_button = QPushButton(_("&Import CSV..."))
        self.import_button.setToolTip(
            _("A CSV file with the columns: {columns}").format(
                columns=", ".join(flow.COOKIE_CSV_COLUMNS)
            )
        )
        for button, slot in (
            (self.add_button, self.add_cookie),
            (self.edit_button, self.edit_cookie),
            (self.remove_button, self.remove_cookie),
            (self.import_button, self.import_csv_dialog),
        ):
            button.setAccessibleName(button.text().replace("&", "").rstrip("."))
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        table_row.addLayout(buttons)
        details.addLayout(table_row)
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
        self._fill_table()

    def _fill_table(self, select: int | None = None) -> None:
        items = self.project.cookies.items
        self.table.setRowCount(len(items))
        for row, cookie in enumerate(items):
            purpose = next(iter(cookie.purpose.root.values()), "")
            cells = [cookie.name, cookie.provider, label(cookie.category), purpose,
                     lifetime_text(cookie)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if select is not None and 0 <= select < len(items):
            self.table.selectRow(select)
        self._update_buttons()

    def selected_row(self) -> int | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return min(rows) if rows else None

    def _update_buttons(self) -> None:
        has = self.selected_row() is not None
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)

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
        dialog = CookieDialog(cookie, self.project.publication.languages, self)
        if QDialog.DialogCode(dialog.exec()) is not QDialog.DialogCode.Accepted:
            return None
        return dialog.cookie()

    def add_cookie(self) -> None:
        cookie = self.open_dialog(None)
        if cookie is None:
            return
        cookies = self.project.cookies
        cookies.items = [*cookies.items, cookie]
        self._fill_table(len(cookies.items) - 1)
        self.changed()

    def edit_cookie(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        cookie = self.open_dialog(self.project.cookies.items[row])
        if cookie is None:
            return
        items = list(self.project.cookies.items)
        items[row] = cookie
        self.project.cookies.items = items
        self._fill_table(row)
        self.changed()

    def remove_cookie(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        cookies = self.project.cookies
        cookies.items = [c for i, c in enumerate(cookies.items) if i != row]
        self._fill_table(min(row, len(cookies.items) - 1))
        self.changed()

    def import_csv_dialog(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Import cookies"), "", _("CSV files (*.csv);;All files (*)")
        )
        if path:
            self.import_csv(Path(path))

    def import_csv(self, path: Path) -> int:
        """Add the cookies from a CSV file; report skipped lines. Returns how many were added."""
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
