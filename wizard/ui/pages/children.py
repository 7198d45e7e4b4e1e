"""Children: whether the services are meant for them, the Art. 8 age, and parental consent."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QSpinBox, QVBoxLayout, QWidget

from wizard import flow
from wizard.flow import PageId
from wizard.ui.labels import country_name
from wizard.ui.pages.base import BasePage
from wizard.ui.tr import _
from wizard.ui.widgets import Explanation, LocalTextEdit, add_form_row, new_form


class ChildrenPage(BasePage):
    """The age threshold defaults to the Art. 8 age of the country of establishment."""

    page_id = PageId.CHILDREN

    def title_text(self) -> str:
        return _("Children")

    def explanation_text(self) -> str:
        return _(
            "When an online service is offered directly to children, a parent must consent "
            "for children under a certain age (Art. 8 GDPR), and the policy must say how that "
            "works. Patients who are children and come with their parents are not meant here."
        )

    def build(self, body: QWidget) -> None:
        layout = QVBoxLayout(body)
        self.targets = QCheckBox(_("Our online services are &meant for children"))
        layout.addWidget(self.targets)
        self.details = QWidget()
        form = new_form()
        self.details.setLayout(form)
        self.age = QSpinBox()
        self.age.setRange(13, 18)
        add_form_row(form, _("Parents consent for children &under:"), self.age)
        self.age_note = Explanation("")
        form.addRow(self.age_note)
        self.consent = LocalTextEdit(multiline=True)
        add_form_row(form, _("How you obtain and check the pa&rents' consent:"), self.consent)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.targets.toggled.connect(self._targets_toggled)
        self.age.valueChanged.connect(self._write)
        self.consent.edited.connect(self._write)

    def load(self) -> None:
        children = self.project.children
        country = self.project.organisation.country
        proposed = flow.proposed_age(country)
        self.targets.setChecked(children.targets_children)
        self.age.setValue(children.age_threshold or proposed)
        self.age_note.setText(
            _("The age of digital consent in {country} is {age}.").format(
                country=country_name(country), age=proposed
            )
            if country
            else _("The GDPR default is {age}.").format(age=proposed)
        )
        self.consent.set_languages(self.project.publication.languages)
        self.consent.set_value(children.parental_consent)
        self.details.setVisible(children.targets_children)

    def _targets_toggled(self, checked: bool) -> None:
        if self.loading:
            return
        children = self.project.children
        children.targets_children = checked
        if checked and children.age_threshold is None:
            children.age_threshold = self.age.value()
        self.details.setVisible(checked)
        self.changed()

    def _write(self, *_args: object) -> None:
        if self.loading:
            return
        children = self.project.children
        children.age_threshold = self.age.value()
        children.parental_consent = self.consent.value()
        self.changed()
