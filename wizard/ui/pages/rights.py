"""Rights and complaints: how people exercise their rights, the supervisory authority, and
automated decisions."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wizard import flow
from wizard.flow import PageId
from wizard.model.answers import Authority
from wizard.ui.pages.base import BasePage, section_label
from wizard.ui.tr import _, ui_language
from wizard.ui.widgets import (
    CheckedLineEdit,
    Explanation,
    LocalTextEdit,
    add_form_row,
    new_form,
    url_edit,
)

#: The authority combo's entry for an authority that is not in the catalogue.
OTHER_AUTHORITY = "-other-"


class RightsPage(BasePage):
    """The request channels, identity check, response time, authority and automated decisions."""

    page_id = PageId.RIGHTS

    def explanation_text(self) -> str:
        return _(
            "People may see, correct and delete their data, and complain to a supervisory "
            "authority. The policy must say how they ask you, how fast you answer (at most one "
            "month), and which authority they can turn to."
        )

    def build(self, body: QWidget) -> None:
        layout = QVBoxLayout(body)
        form = new_form()
        layout.addLayout(form)
        self.email = CheckedLineEdit(flow.email_problem)
        add_form_row(form, _("Requests by &e-mail to:"), self.email)
        self.web_form = url_edit()
        add_form_row(form, _("Or a &web form at:"), self.web_form)
        self.by_post = QCheckBox(_("Requests by po&st to our address"))
        form.addRow(self.by_post)
        self.identity = LocalTextEdit(multiline=True)
        add_form_row(form, _("How you check &identity:"), self.identity)
        self.days = QSpinBox()
        self.days.setRange(1, 30)
        self.days.setSuffix(" " + _("days"))
        add_form_row(form, _("We answer wi&thin:"), self.days)

        layout.addWidget(section_label(_("Supervisory authority")))
        form = new_form()
        layout.addLayout(form)
        self.authority = QComboBox()
        add_form_row(form, _("Supervisory &authority:"), self.authority)
        self.authority_note = Explanation("")
        form.addRow(self.authority_note)
        self.custom_authority = QWidget()
        custom = new_form()
        custom.setContentsMargins(0, 0, 0, 0)
        self.custom_authority.setLayout(custom)
        self.authority_name = QLineEdit()
        add_form_row(custom, _("Authority's name:"), self.authority_name)
        self.authority_address = QLineEdit()
        add_form_row(custom, _("Authority's address:"), self.authority_address)
        self.authority_website = url_edit()
        add_form_row(custom, _("Authority's website:"), self.authority_website)
        self.authority_email = CheckedLineEdit(flow.email_problem)
        add_form_row(custom, _("Authority's e-mail:"), self.authority_email)
        form.addRow(self.custom_authority)
        # Why another authority than the one of the establishment is named (not printed).
        self.reason_row = QWidget()
        reason_form = new_form()
        reason_form.setContentsMargins(0, 0, 0, 0)
        self.reason_row.setLayout(reason_form)
        self.authority_reason = QLineEdit()
        self.authority_reason.setPlaceholderText(
            _("For example: lead authority of our main establishment in another Member State")
        )
        add_form_row(reason_form, _("Why this a&uthority:"), self.authority_reason)
        form.addRow(self.reason_row)

        layout.addWidget(section_label(_("Automated decisions")))
        layout.addWidget(
            Explanation(
                _(
                    "Do you take decisions about people by computer alone, with legal or "
                    "similarly significant effects (for example refusing a patient "
                    "automatically, or credit scoring)? Most practices do not."
                )
            )
        )
        row = QHBoxLayout()
        self.automated_no = QRadioButton(_("N&o"))
        self.automated_yes = QRadioButton(_("&Yes"))
        self.automated_group = QButtonGroup(self)
        self.automated_group.addButton(self.automated_no)
        self.automated_group.addButton(self.automated_yes)
        row.addWidget(self.automated_no)
        row.addWidget(self.automated_yes)
        row.addStretch(1)
        layout.addLayout(row)
        self.automated_details = QWidget()
        form = new_form()
        self.automated_details.setLayout(form)
        self.logic = LocalTextEdit(multiline=True)
        add_form_row(form, _("The &logic involved:"), self.logic)
        self.consequences = LocalTextEdit(multiline=True)
        add_form_row(form, _("The &consequences for the person:"), self.consequences)
        layout.addWidget(self.automated_details)
        layout.addStretch(1)

        self.email.edited.connect(self._write)
        self.web_form.edited.connect(self._write)
        self.by_post.toggled.connect(self._write)
        self.identity.edited.connect(self._write)
        self.days.valueChanged.connect(self._write)
        self.authority.currentIndexChanged.connect(self._authority_chosen)
        self.authority_name.textEdited.connect(self._write_custom_authority)
        self.authority_address.textEdited.connect(self._write_custom_authority)
        self.authority_website.edited.connect(self._write_custom_authority)
        self.authority_email.edited.connect(self._write_custom_authority)
        self.authority_reason.textEdited.connect(self._write_reason)
        self.automated_group.buttonToggled.connect(self._write)
        self.logic.edited.connect(self._write)
        self.consequences.edited.connect(self._write)

    def _fill_authorities(self) -> None:
        from wizard.catalog.authorities import authorities

        org = self.project.organisation
        proposed = flow.proposed_authority_id(org.country, org.region)
        lang = ui_language()
        self.authority.clear()
        self.authority.addItem(_("(choose the authority)"), None)
        for item in authorities():
            text = f"{item.name(lang)} ({item.id})"
            if item.id == proposed:
                text += " \u2014 " + _("proposed for your country")
            self.authority.addItem(text, item.id)
        self.authority.addItem(_("Another authority (enter its details)"), OTHER_AUTHORITY)
        note = (
            _("The authority of your country (or German Land) is proposed.")
            if proposed
            else _("Choose the authority where people can complain.")
        )
        self.authority_note.setText(note)

    def load(self) -> None:
        project = self.project
        rights = project.rights
        languages = project.publication.languages
        self.email.editor.setPlaceholderText(project.organisation.email or "")
        self.email.set_text(rights.email or "")
        self.web_form.set_text(rights.web_form or "")
        self.by_post.setChecked(rights.by_post)
        self.identity.set_languages(languages)
        self.identity.set_value(rights.identity_check)
        self.days.setValue(rights.response_days)
        self._fill_authorities()
        authority = project.authority
        if not authority.catalog_id and not authority.name:
            org = project.organisation
            authority.catalog_id = flow.proposed_authority_id(org.country, org.region)
        chosen = authority.catalog_id or (OTHER_AUTHORITY if authority.name else None)
        self.authority.setCurrentIndex(max(0, self.authority.findData(chosen)))
        self.authority_name.setText(authority.name)
        self.authority_address.setText(authority.address)
        self.authority_website.set_text(authority.website or "")
        self.authority_email.set_text(authority.email or "")
        self.custom_authority.setVisible(chosen == OTHER_AUTHORITY)
        self.authority_reason.setText(authority.reason)
        self._show_reason()
        used = project.automated_decisions.used
        self.automated_group.setExclusive(False)
        self.automated_no.setChecked(used is False)
        self.automated_yes.setChecked(used is True)
        self.automated_group.setExclusive(True)
        for edit, value in ((self.logic, project.automated_decisions.logic),
                            (self.consequences, project.automated_decisions.consequences)):
            edit.set_languages(languages)
            edit.set_value(value)
        self.automated_details.setVisible(used is True)

    def checked_fields(self) -> dict[str, CheckedLineEdit]:
        fields = {"rights.email": self.email, "rights.web_form": self.web_form}
        if self.authority.currentData() == OTHER_AUTHORITY:
            fields["authority.website"] = self.authority_website
            fields["authority.email"] = self.authority_email
        return fields

    def _authority_chosen(self, *_args: object) -> None:
        if self.loading:
            return
        chosen = self.authority.currentData()
        other = chosen == OTHER_AUTHORITY
        self.custom_authority.setVisible(other)
        if other:
            self.project.authority.catalog_id = None
            self._write_custom_authority()
        else:
            self.project.authority = Authority(catalog_id=chosen, reason=self._reason())
            self._show_reason()
            self.changed()

    def _write_custom_authority(self, *_args: object) -> None:
        if self.loading or self.authority.currentData() != OTHER_AUTHORITY:
            return
        self.project.authority = Authority(
            name=self.authority_name.text().strip(),
            address=self.authority_address.text().strip(),
            website=self.authority_website.valid_value(),
            email=self.authority_email.valid_value(),
            reason=self._reason(),
        )
        self._show_reason()
        self.changed()

    def _reason(self) -> str:
        return self.authority_reason.text().strip()

    def _show_reason(self) -> None:
        """The reason is asked only when the authority is not the one of the establishment."""
        from wizard.law.checks import expected_authority

        expected = expected_authority(self.project)
        authority = self.project.authority
        chosen = authority.catalog_id or authority.name
        self.reason_row.setVisible(bool(expected and chosen and chosen != expected))

    def _write_reason(self, *_args: object) -> None:
        if self.loading:
            return
        self.project.authority.reason = self._reason()
        self.changed()

    def _write(self, *_args: object) -> None:
        if self.loading:
            return
        project = self.project
        rights = project.rights
        rights.email = self.email.valid_value()
        rights.web_form = self.web_form.valid_value()
        rights.by_post = self.by_post.isChecked()
        rights.identity_check = self.identity.value()
        rights.response_days = self.days.value()
        decisions = project.automated_decisions
        if self.automated_yes.isChecked():
            decisions.used = True
        elif self.automated_no.isChecked():
            decisions.used = False
        decisions.logic = self.logic.value()
        decisions.consequences = self.consequences.value()
        self.automated_details.setVisible(decisions.used is True)
        self.changed()
