"""Children: whether the services are meant for them and for which ages, the Art. 8 age, and
parental consent."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wizard import flow
from wizard.flow import PageId
from wizard.model.countries import EEA_COUNTRIES
from wizard.ui.labels import country_name, name_key
from wizard.ui.pages.base import BasePage
from wizard.ui.tr import _
from wizard.ui.widgets import Explanation, LocalTextEdit, add_form_row, new_form, plain_label


class ChildrenPage(BasePage):
    """The age threshold defaults to the Art. 8 age of the country of establishment."""

    page_id = PageId.CHILDREN

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
        form.addRow(
            Explanation(
                _(
                    "Under the GDPR everyone under 18 is a child. Leave the box unticked when "
                    "your services are for adults only: the policy then says nothing about "
                    "children. The ages your services are meant for are not the age of digital "
                    "consent: a service for 13 to 17 year olds asks the parents' consent only "
                    "for those under that age."
                )
            )
        )
        self.youngest = QSpinBox()
        self.youngest.setRange(0, 17)
        self.youngest.setSpecialValueText(_("no lower limit"))
        add_form_row(form, _("Meant for people from the age &of:"), self.youngest)
        self.only_minors = QCheckBox(_("Only for minors, up to the a&ge of:"))
        self.oldest = QSpinBox()
        self.oldest.setRange(0, 17)
        self.oldest.setAccessibleName(plain_label(self.only_minors.text()))
        form.addRow(self.only_minors, self.oldest)
        self.age = QSpinBox()
        self.age.setRange(13, 18)
        add_form_row(form, _("Parents consent for children &under:"), self.age)
        self.age_note = Explanation("")
        form.addRow(self.age_note)
        self.countries = QListWidget()
        self.countries.setAccessibleName(_("Other countries"))
        self.countries.setMaximumHeight(self.countries.fontMetrics().lineSpacing() * 7 + 8)
        add_form_row(form, _("Also offered to children &in:"), self.countries)
        form.addRow(
            Explanation(
                _(
                    "The age of digital consent differs between EU/EEA countries (13 to 16). "
                    "Tick the other countries whose children use your services: the age above "
                    "must not be lower than any of theirs."
                )
            )
        )
        self.consent = LocalTextEdit(multiline=True)
        add_form_row(form, _("How you obtain and check the pa&rents' consent:"), self.consent)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.targets.toggled.connect(self._targets_toggled)
        self.age.valueChanged.connect(self._write)
        self.youngest.valueChanged.connect(self._write_range)
        self.oldest.valueChanged.connect(self._write_range)
        self.only_minors.toggled.connect(self._write_range)
        self.consent.edited.connect(self._write)
        self.countries.itemChanged.connect(self._countries_changed)

    def load(self) -> None:
        children = self.project.children
        proposed, _country = flow.highest_age(self.project)
        self.targets.setChecked(children.targets_children)
        self.age.setValue(children.age_threshold or proposed)
        self.youngest.setValue(children.youngest_age or 0)
        self.only_minors.setChecked(children.oldest_age is not None)
        self.oldest.setMinimum(children.youngest_age or 0)
        self.oldest.setValue(children.oldest_age if children.oldest_age is not None else 17)
        self.oldest.setEnabled(children.oldest_age is not None)
        self._fill_countries()
        self._show_age_note()
        self.consent.set_languages(self.project.publication.languages)
        self.consent.set_value(children.parental_consent)
        self.details.setVisible(children.targets_children)

    def _fill_countries(self) -> None:
        own = self.project.organisation.country or self.project.organisation.address.country
        chosen = set(self.project.children.other_countries)
        self.countries.blockSignals(True)
        self.countries.clear()
        from wizard.catalog.ages import consent_ages, digital_consent_age

        codes = (EEA_COUNTRIES | {entry.country for entry in consent_ages()}) - {own}
        for code in sorted(codes, key=lambda c: name_key(country_name(c))):
            age = digital_consent_age(code)
            item = QListWidgetItem(f"{country_name(code)} ({age})" if age else country_name(code))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked)
            self.countries.addItem(item)
        self.countries.blockSignals(False)

    def _show_age_note(self) -> None:
        country = self.project.organisation.country
        age, highest = flow.highest_age(self.project)
        if self.project.children.other_countries and highest:
            text = _("The highest age of digital consent of these countries is {age} ({country}).")
            self.age_note.setText(text.format(age=age, country=country_name(highest)))
        elif country:
            self.age_note.setText(
                _("The age of digital consent in {country} is {age}.").format(
                    country=country_name(country), age=age
                )
            )
        else:
            self.age_note.setText(_("The GDPR default is {age}.").format(age=age))

    def _countries_changed(self, _item: QListWidgetItem) -> None:
        if self.loading:
            return
        children = self.project.children
        children.other_countries = [
            self.countries.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.countries.count())
            if self.countries.item(i).checkState() == Qt.CheckState.Checked
        ]
        age, _country = flow.highest_age(self.project)
        if self.age.value() < age:
            self.age.setValue(age)  # writes the threshold through _write
        self._show_age_note()
        self.changed()

    def _targets_toggled(self, checked: bool) -> None:
        if self.loading:
            return
        children = self.project.children
        children.targets_children = checked
        if checked and children.age_threshold is None:
            children.age_threshold = self.age.value()
        self.details.setVisible(checked)
        self.changed()

    def _write_range(self, *_args: object) -> None:
        """The range as the user sets it; the oldest age never below the youngest."""
        if self.loading:
            return
        self.oldest.setEnabled(self.only_minors.isChecked())
        self.oldest.setMinimum(self.youngest.value())
        children = self.project.children
        children.assign(
            youngest_age=self.youngest.value() or None,
            oldest_age=self.oldest.value() if self.only_minors.isChecked() else None,
        )
        self.changed()

    def _write(self, *_args: object) -> None:
        if self.loading:
            return
        children = self.project.children
        children.age_threshold = self.age.value()
        children.parental_consent = self.consent.value()
        self.changed()
