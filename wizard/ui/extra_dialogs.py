"""Editors for the Security and more page's lists: a service provided as a processor, an
authority under another law, and a section of the organisation's own."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from wizard import flow
from wizard.model.answers import (
    LocalText,
    OtherAuthority,
    OwnSection,
    ProcessorActivity,
    SectionAnchor,
)
from wizard.model.countries import EEA_COUNTRIES
from wizard.ui.labels import countries_sorted, label
from wizard.ui.tr import _
from wizard.ui.widgets import (
    CheckedLineEdit,
    Explanation,
    FieldError,
    LocalTextEdit,
    add_form_row,
    new_form,
    ok_cancel_buttons,
)


class _Editor(QDialog):
    """A small editor: a form, an error line and OK/Cancel, OK enabled while nothing is
    missing."""

    def __init__(self, title: str, explanation: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._layout = QVBoxLayout(self)
        self.form = new_form()
        self._layout.addLayout(self.form)
        self.form.addRow(Explanation(explanation))

    def finish(self, width: int = 620, height: int = 420) -> None:
        self.error = FieldError()
        self._layout.addWidget(self.error)
        self.buttons = ok_cancel_buttons(self)
        self._layout.addWidget(self.buttons)
        self.update_ok()
        self.resize(width, height)

    def problems(self) -> list[str]:
        return []

    def update_ok(self, *_args: object) -> None:
        problems = self.problems()
        self.error.show_message(" ".join(problems) or None)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)


def _text(languages: Sequence[str], multiline: bool = False) -> LocalTextEdit:
    edit = LocalTextEdit(multiline=multiline)
    edit.set_languages(languages)
    return edit


class ProcessorActivityDialog(_Editor):
    """A service for which the organisation processes data on behalf of its customers."""

    def __init__(
        self, activity: ProcessorActivity | None, languages: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            _("New service as a processor") if activity is None
            else _("Edit service as a processor"),
            _(
                "Do you process personal data for your customers, on their instructions "
                "(for example the data your customers keep in your software)? Then your "
                "customer is the controller of those data and informs the people "
                "concerned; your policy says that it does not cover them."
            ),
            parent,
        )
        self.service = _text(languages)
        add_form_row(self.form, _("The &service and its data:"), self.service)
        self.service.editor.setPlaceholderText(
            _("e.g. the projects and files our customers keep on our platform")
        )
        self.controllers = _text(languages)
        add_form_row(self.form, _("On &whose behalf (optional):"), self.controllers)
        self.controllers.editor.setPlaceholderText(_("e.g. the companies that use our platform"))
        if activity is not None:
            self.service.set_value(activity.service)
            self.controllers.set_value(activity.controllers)
        self.service.edited.connect(self.update_ok)
        self.finish(height=320)

    def problems(self) -> list[str]:
        return [] if self.service.value() else [_("Describe the service.")]

    def activity(self) -> ProcessorActivity:
        return ProcessorActivity(
            service=self.service.value(), controllers=self.controllers.value() or LocalText()
        )


class OtherAuthorityDialog(_Editor):
    """An authority under a data protection law other than the GDPR."""

    def __init__(
        self, authority: OtherAuthority | None, languages: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            _("New authority under another law") if authority is None
            else _("Edit authority under another law"),
            _(
                "Only where another law than the GDPR also applies to you, for example "
                "Switzerland's data protection act for customers there: the policy names "
                "its authority and says that it is not a GDPR supervisory authority."
            ),
            parent,
        )
        self.name = QLineEdit()
        add_form_row(self.form, _("&Name of the authority:"), self.name)
        self.country = QComboBox()
        self.country.addItem(_("(choose a country)"), None)
        for code, name in countries_sorted():
            if code not in EEA_COUNTRIES:
                self.country.addItem(name, code)
        add_form_row(self.form, _("&Country:"), self.country)
        self.law = _text(languages)
        add_form_row(self.form, _("The &law under which it is competent:"), self.law)
        self.law.editor.setPlaceholderText(_("e.g. the Swiss Federal Act on Data Protection"))
        self.address = QLineEdit()
        add_form_row(self.form, _("&Address:"), self.address)
        self.website = CheckedLineEdit(flow.url_problem, placeholder="https://")
        add_form_row(self.form, _("&Website:"), self.website)
        self.email = CheckedLineEdit(flow.email_problem)
        add_form_row(self.form, _("&E-mail:"), self.email)
        if authority is not None:
            self.name.setText(authority.name)
            self.country.setCurrentIndex(max(0, self.country.findData(authority.country)))
            self.law.set_value(authority.law)
            self.address.setText(authority.address)
            self.website.set_text(authority.website or "")
            self.email.set_text(authority.email or "")
        self.name.textChanged.connect(self.update_ok)
        self.country.currentIndexChanged.connect(self.update_ok)
        self.law.edited.connect(self.update_ok)
        for checked in (self.website, self.email):
            checked.edited.connect(self.update_ok)
        self.finish()

    def problems(self) -> list[str]:
        problems = []
        if not self.name.text().strip():
            problems.append(_("Enter the authority's name."))
        if self.country.currentData() is None:
            problems.append(_("Choose the authority's country."))
        if not self.law.value():
            problems.append(_("Name the law under which it is competent."))
        for checked in (self.website, self.email):
            problem = checked.problem()
            if problem:
                problems.append(problem)
        return problems

    def authority(self) -> OtherAuthority | None:
        try:
            return OtherAuthority(
                name=self.name.text(),
                country=self.country.currentData(),
                law=self.law.value(),
                address=self.address.text(),
                website=self.website.valid_value(),
                email=self.email.valid_value(),
            )
        except ValueError:
            return None


class OwnSectionDialog(_Editor):
    """A section of the organisation's own: heading and text per language, and its place."""

    def __init__(
        self, section: OwnSection | None, languages: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(
            _("New section") if section is None else _("Edit section"),
            _(
                "Anything your policy must say that the wizard does not ask about, for "
                "example camera surveillance or trainees. Write it in every language of "
                "the policy; a blank line starts a new paragraph."
            ),
            parent,
        )
        self.heading = _text(languages)
        add_form_row(self.form, _("&Heading:"), self.heading)
        self.text = _text(languages, multiline=True)
        # Room for a few paragraphs, growing with the dialog.
        self.text.editor.setMinimumHeight(self.text.editor.fontMetrics().lineSpacing() * 10 + 12)
        self.text.editor.setMaximumHeight(16777215)
        add_form_row(self.form, _("&Text:"), self.text)
        self.after = QComboBox()
        for anchor in SectionAnchor:
            self.after.addItem(label(anchor), anchor)
        add_form_row(self.form, _("&Place it after the section:"), self.after)
        self.after.setCurrentIndex(self.after.findData(SectionAnchor.CHANGES))
        if section is not None:
            self.heading.set_value(section.heading)
            self.text.set_value(section.text)
            self.after.setCurrentIndex(max(0, self.after.findData(section.after)))
        self.heading.edited.connect(self.update_ok)
        self.text.edited.connect(self.update_ok)
        self.finish(width=700, height=520)

    def problems(self) -> list[str]:
        problems = []
        if not self.heading.value():
            problems.append(_("Write the heading."))
        if not self.text.value():
            problems.append(_("Write the text."))
        return problems

    def section(self) -> OwnSection:
        return OwnSection(
            heading=self.heading.value(), text=self.text.value(), after=self.after.currentData()
        )
