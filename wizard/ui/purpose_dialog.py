"""The purpose editor: everything Art. 13/14 asks about one purpose of processing."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wizard import flow
from wizard.model.answers import (
    SPECIAL_CATEGORIES,
    DataCategory,
    DataSubject,
    Duration,
    LegalBasis,
    LocalText,
    Purpose,
    Requirement,
    Retention,
    RetentionStart,
    SpecialCondition,
    TimeUnit,
)
from wizard.model.details import proposed_details
from wizard.ui.labels import label
from wizard.ui.tr import _, ui_language
from wizard.ui.widgets import (
    Explanation,
    IssueList,
    LocalTextEdit,
    add_form_row,
    describe_fields,
    fit_to_screen,
    new_form,
    ok_cancel_buttons,
    scroll_area,
)


def _enum_combo(values: Sequence[object], empty: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(empty, None)
    for value in values:
        combo.addItem(label(value), value)  # type: ignore[arg-type]
    return combo


class PurposeDialog(QDialog):
    """Edit one purpose. OK is enabled once nothing blocking is missing; what is missing is
    listed at the bottom, in the same words as on the review page."""

    def __init__(
        self,
        purpose: Purpose | None,
        languages: Sequence[str],
        parent: QWidget | None = None,
        country: str | None = None,
    ) -> None:
        super().__init__(parent)
        #: The organisation's country: it decides which national number is proposed.
        self._country = country
        self.setWindowTitle(_("Edit purpose") if purpose else _("New purpose"))
        self._languages = list(languages) or ["en"]
        self._id = purpose.id if purpose else "new"
        self._loading = True
        outer = QVBoxLayout(self)
        body = QWidget()
        outer.addWidget(scroll_area(body), 1)
        layout = QVBoxLayout(body)

        form = new_form()
        layout.addLayout(form)
        self.name = LocalTextEdit()
        add_form_row(form, _("&Purpose (what you use the data for):"), self.name)

        subjects_box = QGroupBox(_("Whose data"))
        grid = QGridLayout(subjects_box)
        self._grids = [grid]
        self.subjects: dict[DataSubject, QCheckBox] = {}
        for i, subject in enumerate(DataSubject):
            box = QCheckBox(label(subject))
            grid.addWidget(box, i // 2, i % 2)
            self.subjects[subject] = box
        layout.addWidget(subjects_box)

        data_box = QGroupBox(_("Which data"))
        grid = QGridLayout(data_box)
        grid.addWidget(
            Explanation(
                _(
                    "For each category, say what it holds for this purpose: the policy prints "
                    "exactly that. The proposal lists the usual contents; remove what you do "
                    "not collect."
                )
            ),
            0,
            0,
            1,
            2,
        )
        self.categories: dict[DataCategory, QCheckBox] = {}
        #: What each category holds for this purpose, shown while the category is ticked.
        self.details: dict[DataCategory, LocalTextEdit] = {}
        for i, category in enumerate(DataCategory, start=1):
            text = label(category)
            if category in SPECIAL_CATEGORIES:
                text += " " + _("(special category)")
            box = QCheckBox(text)
            details = LocalTextEdit(
                accessible_name=_("What '{category}' holds").format(category=label(category))
            )
            details.setVisible(False)
            grid.addWidget(box, i, 0)
            grid.addWidget(details, i, 1)
            grid.setColumnStretch(1, 1)
            self.categories[category] = box
            self.details[category] = details
            box.toggled.connect(
                lambda checked, category=category: self._category_toggled(category, checked)
            )
        layout.addWidget(data_box)

        form = new_form()
        layout.addLayout(form)
        self.other_data = LocalTextEdit()
        add_form_row(form, _("&Other data (in your words):"), self.other_data)
        self.legal_basis = _enum_combo(list(LegalBasis), _("(choose the legal basis)"))
        add_form_row(form, _("&Legal basis (Art. 6 GDPR):"), self.legal_basis)
        self.basis_help = Explanation(
            _(
                "Use (b) when you need the data to give the care or service someone asked for, "
                "(c) when a law obliges you, (a) only when people may freely say no."
            )
            + " "
            + _(flow.NOT_SURE["legal_basis"])
        )
        form.addRow(self.basis_help)
        self.further_box = QGroupBox(_("Further legal bases for the same purpose (optional)"))
        further = QVBoxLayout(self.further_box)
        further.addWidget(
            Explanation(
                _(
                    "Some purposes rest on more than one basis: a treatment is given under a "
                    "contract, and the law also obliges you to keep its record. Tick every "
                    "other basis that applies; the policy names them all."
                )
            )
        )
        grid = QGridLayout()
        further.addLayout(grid)
        self.further_bases: dict[LegalBasis, QCheckBox] = {}
        for i, basis in enumerate(LegalBasis):
            box = QCheckBox(label(basis))
            grid.addWidget(box, i // 2, i % 2)
            self.further_bases[basis] = box
        form.addRow(self.further_box)
        self.interest = LocalTextEdit(multiline=True)
        self.interest_label = add_form_row(form, _("Legitimate &interest:"), self.interest)
        self.condition = _enum_combo(list(SpecialCondition), _("(choose the condition)"))
        self.condition_label = add_form_row(
            form, _("&Condition for health or other special data (Art. 9 GDPR):"), self.condition
        )
        self.condition_help = Explanation(_(flow.NOT_SURE["special_condition"]))
        form.addRow(self.condition_help)
        self.withdrawal = LocalTextEdit()
        self.withdrawal_label = add_form_row(
            form, _("How people &withdraw their consent:"), self.withdrawal
        )
        self.withdrawal.editor.setPlaceholderText(
            _("e.g. the unsubscribe link in every e-mail, or Settings > Privacy in the app")
        )
        self.source = LocalTextEdit()
        add_form_row(
            form, _("&Source, when not from the person (leave empty if from them):"), self.source
        )
        self.source_public = QCheckBox(_("The source is publicly accessible"))
        form.addRow(self.source_public)
        self.requirement = _enum_combo(list(Requirement), _("(choose)"))
        add_form_row(form, _("Must people give these data?"), self.requirement)
        self.consequence = LocalTextEdit()
        add_form_row(form, _("What happens if they do &not:"), self.consequence)

        retention_box = QGroupBox(_("How long you keep the data"))
        retention_form = new_form()
        retention_box.setLayout(retention_form)
        period = QWidget()
        row = QHBoxLayout(period)
        row.setContentsMargins(0, 0, 0, 0)
        self.amount = QSpinBox()
        self.amount.setRange(0, 1000)
        self.amount.setSpecialValueText(_("no fixed period"))
        self.amount.setAccessibleName(_("Retention period"))
        self.unit = QComboBox()
        self.unit.setAccessibleName(_("Unit"))
        for unit in TimeUnit:
            self.unit.addItem(label(unit), unit)
        self.starting = _enum_combo(list(RetentionStart), _("(from when?)"))
        self.starting.setAccessibleName(_("Counted from"))
        row.addWidget(self.amount)
        row.addWidget(self.unit)
        row.addWidget(self.starting, 1)
        add_form_row(retention_form, _("Pe&riod:"), period).setBuddy(self.amount)
        self.criteria = LocalTextEdit(multiline=True)
        add_form_row(retention_form, _("Or the cri&teria that decide it:"), self.criteria)
        self.statute = QLineEdit()
        add_form_row(retention_form, _("Law that sets the period (optional):"), self.statute)
        retention_form.addRow(Explanation(_(flow.NOT_SURE["retention"])))
        layout.addWidget(retention_box)

        self.issues = IssueList()
        outer.addWidget(self.issues)
        self.buttons = ok_cancel_buttons(self)
        outer.addWidget(self.buttons)

        for edit in (
            self.name,
            self.other_data,
            self.interest,
            self.source,
            self.consequence,
            self.criteria,
            self.withdrawal,
            *self.details.values(),
        ):
            edit.set_languages(self._languages)
            edit.edited.connect(self._update)
        for box in [*self.subjects.values(), *self.categories.values(), self.source_public,
                    *self.further_bases.values()]:
            box.toggled.connect(self._update)
        for combo in (self.legal_basis, self.condition, self.requirement, self.unit, self.starting):
            combo.currentIndexChanged.connect(self._update)
        self.amount.valueChanged.connect(self._update)
        self.statute.textEdited.connect(self._update)

        if purpose is not None:
            self._fill(purpose)
        self._loading = False
        self._update()
        self._fit_to_content(body)

    def _fit_to_content(self, body: QWidget) -> None:
        """As wide as the content needs (long translations), within the screen."""
        describe_fields(self)
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().width() - 40 if screen is not None else 10_000
        if body.sizeHint().width() + 48 > room:
            # Two columns of long (German) check boxes would need sideways scrolling: one.
            for grid in self._grids:
                boxes = [box for box in body.findChildren(QCheckBox) if grid.indexOf(box) >= 0]
                boxes.sort(key=grid.indexOf)
                for row, box in enumerate(boxes):
                    grid.removeWidget(box)
                    grid.addWidget(box, row, 0)
        fit_to_screen(self, max(760, body.sizeHint().width() + 48), 720)

    def _fill(self, purpose: Purpose) -> None:
        self.name.set_value(purpose.name)
        for subject, box in self.subjects.items():
            box.setChecked(subject in purpose.subjects)
        for category, box in self.categories.items():
            self.details[category].set_value(purpose.data_details.get(category, LocalText()))
            box.setChecked(category in purpose.data_categories)
        self.other_data.set_value(purpose.other_data)
        self.legal_basis.setCurrentIndex(max(0, self.legal_basis.findData(purpose.legal_basis)))
        for basis, box in self.further_bases.items():
            box.setChecked(basis in purpose.additional_bases)
        self.withdrawal.set_value(purpose.withdrawal)
        self.interest.set_value(purpose.legitimate_interest)
        self.condition.setCurrentIndex(max(0, self.condition.findData(purpose.special_condition)))
        self.source.set_value(purpose.source)
        self.source_public.setChecked(purpose.source_is_public)
        self.requirement.setCurrentIndex(max(0, self.requirement.findData(purpose.requirement)))
        self.consequence.set_value(purpose.consequence)
        retention = purpose.retention
        if retention.period:
            self.amount.setValue(retention.period.amount)
            self.unit.setCurrentIndex(self.unit.findData(retention.period.unit))
        self.starting.setCurrentIndex(max(0, self.starting.findData(retention.starting)))
        self.criteria.set_value(retention.criteria)
        self.statute.setText(retention.statutory_reference)

    def purpose(self) -> Purpose:
        """The purpose as edited (with the original id, or ``"new"`` for a new one)."""
        amount = self.amount.value()
        main = self.legal_basis.currentData()
        further = [b for b, box in self.further_bases.items() if box.isChecked() and b != main]
        bases = {main, *further}
        relies_on_consent = LegalBasis.CONSENT in bases or (
            self._has_special()
            and self.condition.currentData() == SpecialCondition.EXPLICIT_CONSENT
        )
        return Purpose(
            id=self._id,
            name=self.name.value(),
            subjects=[s for s, box in self.subjects.items() if box.isChecked()],
            data_categories=[c for c, box in self.categories.items() if box.isChecked()],
            data_details={
                c: self.details[c].value()
                for c, box in self.categories.items()
                if box.isChecked() and self.details[c].value()
            },
            other_data=self.other_data.value(),
            legal_basis=main,
            additional_bases=further,
            legitimate_interest=(
                self.interest.value()
                if LegalBasis.LEGITIMATE_INTERESTS in bases
                else LocalText()
            ),
            special_condition=self.condition.currentData() if self._has_special() else None,
            source=self.source.value(),
            source_is_public=self.source_public.isChecked() and bool(self.source.value()),
            requirement=self.requirement.currentData(),
            consequence=self.consequence.value(),
            retention=Retention(
                period=Duration(amount=amount, unit=self.unit.currentData()) if amount else None,
                starting=self.starting.currentData(),
                criteria=self.criteria.value(),
                statutory_reference=self.statute.text(),
            ),
            withdrawal=self.withdrawal.value() if relies_on_consent else LocalText(),
        )

    def _category_toggled(self, category: DataCategory, checked: bool) -> None:
        """Show the details of a ticked category; a newly ticked one gets the usual contents
        as a proposal in each language of the policy (while loading, the saved details stay)."""
        details = self.details[category]
        details.setVisible(checked)
        if checked and not self._loading and not details.value():
            proposal = proposed_details(category.value, self._country, self._languages)
            if proposal:
                details.set_value(LocalText(proposal))

    def _has_special(self) -> bool:
        return any(self.categories[c].isChecked() for c in SPECIAL_CATEGORIES)

    def _update(self, *_args: object) -> None:
        if self._loading:
            return
        main = self.legal_basis.currentData()
        for basis, box in self.further_bases.items():
            # The main basis is not a further one.
            box.setEnabled(basis != main)
        edited = self.purpose()
        is_f = LegalBasis.LEGITIMATE_INTERESTS in edited.bases
        self.interest.setVisible(is_f)
        self.interest_label.setVisible(is_f)
        consent = edited.relies_on_consent
        self.withdrawal.setVisible(consent)
        self.withdrawal_label.setVisible(consent)
        special = self._has_special()
        self.condition.setVisible(special)
        self.condition_label.setVisible(special)
        self.condition_help.setVisible(special)
        self.unit.setEnabled(self.amount.value() > 0)
        issues = flow.purpose_issues(edited, 0, self._languages)
        # Red as on the page and the review: what blocks, and texts missing in a language.
        red = [i.text(_, ui_language()) for i in issues if flow.blocks_generation(i)]
        amber = [i.text(_, ui_language()) for i in issues if not flow.blocks_generation(i)]
        self.issues.show_issues(red, amber)
        blocking = [i for i in issues if i.blocking]
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not blocking)
