"""Who you are: the controller's identity and contact details, the DPO and the EU representative."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wizard import flow, languages
from wizard.flow import GERMAN_LAENDER, PageId
from wizard.model.answers import DpoFacts, Person, Service
from wizard.model.countries import EEA_COUNTRIES
from wizard.model.organisation import NO_ARTICLE
from wizard.ui.labels import countries_sorted, language_name
from wizard.ui.pages.base import BasePage, section_label
from wizard.ui.tr import _, ui_language
from wizard.ui.widgets import (
    CheckedLineEdit,
    Explanation,
    add_form_row,
    new_form,
    url_edit,
    wrapping_check,
)


def _line(name: str = "") -> QLineEdit:
    edit = QLineEdit()
    if name:
        edit.setAccessibleName(name)
    return edit


class OrganisationPage(BasePage):
    """Legal name, address, country (which proposes the authority and the Art. 8 age), contact
    details, data protection officer and EU representative."""

    page_id = PageId.ORGANISATION

    def explanation_text(self) -> str:
        return _(
            "The policy must say who is responsible for the personal data and how people can "
            "reach you. The country decides which supervisory authority and which rules for "
            "children apply."
        )

    def build(self, body: QWidget) -> None:
        layout = QVBoxLayout(body)
        form = new_form()
        layout.addLayout(form)
        self.legal_name = _line()
        add_form_row(form, _("&Legal name:"), self.legal_name)
        self.trading_name = _line()
        add_form_row(form, _("&Trading name (if different):"), self.trading_name)
        self.article_row = self._article_row()
        self.article_label = add_form_row(
            form, _("Article before the name in te&xts:"), self.article_row
        )
        self.street = _line()
        add_form_row(form, _("&Street and number:"), self.street)
        self.postal_code = _line()
        add_form_row(form, _("Postal &code:"), self.postal_code)
        self.city = _line()
        add_form_row(form, _("C&ity:"), self.city)
        self.country = QComboBox()
        self.country.addItem(_("(choose a country)"), None)
        for code, name in countries_sorted():
            self.country.addItem(name, code)
        add_form_row(form, _("Co&untry of establishment:"), self.country)
        self.region = QComboBox()
        self.region.addItem(_("(choose the Land)"), None)
        for code, name in GERMAN_LAENDER.items():
            self.region.addItem(name, code)
        self.region_label = add_form_row(form, _("&German Land:"), self.region)
        self.proposal = Explanation("")
        self.proposal.setObjectName("proposal")
        self.proposal.describe(self.country)  # what the country (and Land) bring with them
        form.addRow(self.proposal)
        self.registration = _line()
        add_form_row(form, _("&Registration number (e.g. trade register):"), self.registration)
        self.email = CheckedLineEdit(flow.email_problem, placeholder="privacy@example.com")
        add_form_row(form, _("Privacy &e-mail address:"), self.email)
        self.phone = _line()
        add_form_row(form, _("Ph&one:"), self.phone)
        self.website = url_edit("https://www.example.com")
        add_form_row(form, _("&Website:"), self.website)
        # The organisation's own processing outside the EU/EEA (not a transfer, EDPB
        # Guidelines 05/2021): only for an organisation established in the EU/EEA.
        self.abroad = QListWidget()
        self.abroad.setMaximumHeight(self.abroad.fontMetrics().lineSpacing() * 5 + 8)
        for code, name in countries_sorted():
            if code not in EEA_COUNTRIES:
                item = QListWidgetItem(name)
                item.setData(Qt.ItemDataRole.UserRole, code)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.abroad.addItem(item)
        self.abroad_label = add_form_row(
            form,
            _("Countries outside the EU/EEA where your own staff wor&k with the data:"),
            self.abroad,
        )
        self.abroad_note = Explanation(
            _(
                "Tick the countries outside the EU/EEA where your own employees or your own "
                "office process the data, e.g. support staff working from the United States. "
                "A separate company of your group there is not meant here: it is a recipient."
            )
        )
        form.addRow(self.abroad_note)

        layout.addWidget(section_label(_("Data protection officer")))
        layout.addWidget(
            Explanation(
                _(
                    "Hospitals and companies that process health data on a large scale must "
                    "appoint a data protection officer (Art. 37 GDPR); a small practice usually "
                    "does not have to. If you have one, the policy gives their contact details."
                )
            )
        )
        self.has_dpo = QCheckBox(_("We have a &data protection officer"))
        layout.addWidget(self.has_dpo)
        self.dpo_box = QGroupBox()
        self.dpo_box.setFlat(True)
        dpo_form = new_form()
        self.dpo_box.setLayout(dpo_form)
        self.dpo_name = _line()
        add_form_row(dpo_form, _("DPO na&me:"), self.dpo_name)
        self.dpo_email = CheckedLineEdit(flow.email_problem)
        add_form_row(dpo_form, _("DPO e-m&ail:"), self.dpo_email)
        self.dpo_phone = _line()
        add_form_row(dpo_form, _("DPO phone:"), self.dpo_phone)
        layout.addWidget(self.dpo_box)
        # The facts that decide whether an officer is required (Art. 37; national rules).
        self.dpo_facts_box = QGroupBox(_("Is a data protection officer required?"))
        facts_layout = QVBoxLayout(self.dpo_facts_box)
        # The facts are long sentences: check boxes whose text wraps, so the page keeps its width.
        self.fact_public, public_row = wrapping_check(_("We are a public authority or public body"))
        self.fact_special, special_row = wrapping_check(
            _(
                "Our core activity is processing health or other special data on a large scale "
                "(a hospital, a clinic group, a telehealth platform; not a single practice)"
            )
        )
        self.fact_monitoring, monitoring_row = wrapping_check(
            _(
                "Our core activity is regular and systematic monitoring of people on a large "
                "scale (for example tracking or profiling as the service itself)"
            )
        )
        self.fact_none, none_row = wrapping_check(_("None of these applies to us"))
        for row in (public_row, special_row, monitoring_row, none_row):
            facts_layout.addWidget(row)
        people_form = new_form()
        self.fact_people = QSpinBox()
        self.fact_people.setRange(0, 1_000_000)
        self.fact_people.setSpecialValueText(_("not given"))
        self.people_row = QWidget()
        self.people_row.setLayout(people_form)
        people_form.setContentsMargins(0, 0, 0, 0)
        add_form_row(
            people_form,
            _("People who constantly process personal data b&y computer:"),
            self.fact_people,
        )
        facts_layout.addWidget(self.people_row)
        layout.addWidget(self.dpo_facts_box)

        self.rep_box = QGroupBox(_("Representative in the EU"))
        rep_layout = QVBoxLayout(self.rep_box)
        rep_layout.addWidget(
            Explanation(
                _(
                    "You are established outside the EU/EEA. If you offer services to people "
                    "in the EU, you must name a representative there (Art. 27 GDPR)."
                )
            )
        )
        rep_form = new_form()
        rep_layout.addLayout(rep_form)
        self.rep_name = _line()
        add_form_row(rep_form, _("Representati&ve's name:"), self.rep_name)
        self.rep_email = CheckedLineEdit(flow.email_problem)
        add_form_row(rep_form, _("Representative's e-mail:"), self.rep_email)
        self.rep_phone = _line()
        add_form_row(rep_form, _("Representative's phone:"), self.rep_phone)
        layout.addWidget(self.rep_box)
        layout.addStretch(1)

        for edit in (self.legal_name, self.trading_name, self.street, self.postal_code,
                     self.city, self.registration, self.phone):
            edit.textEdited.connect(self._write_organisation)
        self.email.edited.connect(self._write_organisation)
        self.website.edited.connect(self._write_organisation)
        self.country.currentIndexChanged.connect(self._place_changed)
        self.abroad.itemChanged.connect(self._write_abroad)
        self.region.currentIndexChanged.connect(self._place_changed)
        self.has_dpo.toggled.connect(self._dpo_toggled)
        for box in (self.fact_public, self.fact_special, self.fact_monitoring, self.fact_none):
            box.toggled.connect(self._write_dpo_facts)
        self.fact_people.valueChanged.connect(self._write_dpo_facts)
        for widget in (self.dpo_name, self.dpo_phone):
            widget.textEdited.connect(self._write_dpo)
        self.dpo_email.edited.connect(self._write_dpo)
        for widget in (self.rep_name, self.rep_phone):
            widget.textEdited.connect(self._write_representative)
        self.rep_email.edited.connect(self._write_representative)

    def _article_row(self) -> QWidget:
        """One choice per document language whose names can take an article (German, French):
        automatic, one of its articles, or none."""
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        self.articles: dict[str, QComboBox] = {}
        self.article_names: dict[str, QLabel] = {}
        for code in languages.LANGUAGES:
            rules = languages.get(code).name_articles
            if not rules.nouns:
                continue
            box = QComboBox()
            box.addItem(_("automatic"), None)
            for article in sorted(rules.articles):
                box.addItem(article, article)
            box.addItem(_("no article"), NO_ARTICLE)
            box.setAccessibleName(
                _("Article before the name in {language}").format(language=language_name(code))
            )
            box.setToolTip(
                _(
                    "The article the name takes inside a sentence of the documents, e.g. "
                    "“ist die Zahnarztpraxis ...”, “le Cabinet ...”. "
                    "Automatic: chosen from the first word of the name; a name with a legal "
                    "form such as GmbH takes none in German."
                )
            )
            box.currentIndexChanged.connect(self._write_articles)
            name = QLabel(language_name(code))
            name.setBuddy(box)
            row_layout.addWidget(name)
            row_layout.addWidget(box)
            self.articles[code] = box
            self.article_names[code] = name
        row_layout.addStretch()
        if self.articles:
            row.setFocusProxy(next(iter(self.articles.values())))
        return row

    # --- model -> widgets ----------------------------------------------------------------------

    def load(self) -> None:
        project = self.project
        org = project.organisation
        self.legal_name.setText(org.legal_name)
        self.trading_name.setText(org.trading_name)
        self.street.setText(org.address.street)
        self.postal_code.setText(org.address.postal_code)
        self.city.setText(org.address.city)
        self.country.setCurrentIndex(max(0, self.country.findData(org.country)))
        self.region.setCurrentIndex(max(0, self.region.findData(org.region)))
        self.registration.setText(org.registration_number)
        self.email.set_text(org.email or "")
        self.phone.setText(org.phone)
        self.website.set_text(org.website or "")
        for code, box in self.articles.items():
            article = org.name_article.get(code)
            box.setCurrentIndex(max(0, box.findData(article)) if article else 0)
        chosen = set(org.own_processing_countries)
        for i in range(self.abroad.count()):
            item = self.abroad.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        facts = project.dpo_facts
        self.fact_public.setChecked(bool(facts and facts.public_body))
        self.fact_special.setChecked(bool(facts and facts.large_scale_special))
        self.fact_monitoring.setChecked(bool(facts and facts.large_scale_monitoring))
        self.fact_none.setChecked(
            facts is not None
            and not (facts.public_body or facts.large_scale_special or facts.large_scale_monitoring)
        )
        self.fact_people.setValue(facts.people_processing or 0 if facts else 0)
        dpo = project.dpo
        self.has_dpo.setChecked(dpo is not None)
        self.dpo_name.setText(dpo.name if dpo else "")
        self.dpo_email.set_text(dpo.email or "" if dpo else "")
        self.dpo_phone.setText(dpo.phone if dpo else "")
        rep = project.representative
        self.rep_name.setText(rep.name if rep else "")
        self.rep_email.set_text(rep.email or "" if rep else "")
        self.rep_phone.setText(rep.phone if rep else "")
        self._update_visibility()

    def _update_visibility(self) -> None:
        org = self.project.organisation
        is_de = org.country == "DE"
        self.region.setVisible(is_de)
        self.region_label.setVisible(is_de)
        shown = [code for code in self.articles if code in self.project.publication.languages]
        for code, box in self.articles.items():
            box.setVisible(code in shown)
            self.article_names[code].setVisible(code in shown)
        if shown:
            self.article_row.setFocusProxy(self.articles[shown[0]])
        self.article_row.setVisible(bool(shown))
        self.article_label.setVisible(bool(shown))
        self.dpo_box.setVisible(self.project.dpo is not None)
        from wizard.catalog.dpo import national_dpo_rule

        self.people_row.setVisible(national_dpo_rule(org.country or "") is not None)
        self.rep_box.setVisible(bool(org.country) and org.country not in EEA_COUNTRIES)
        in_eea = org.country in EEA_COUNTRIES
        for widget in (self.abroad, self.abroad_label, self.abroad_note):
            widget.setVisible(in_eea)
        self.proposal.setText(self._proposal_text())
        self.proposal.setVisible(bool(org.country))

    def _proposal_text(self) -> str:
        org = self.project.organisation
        if not org.country:
            return ""
        from wizard.catalog.authorities import authority

        age = flow.proposed_age(org.country)
        auth_id = flow.proposed_authority_id(org.country, org.region)
        found = authority(auth_id) if auth_id else None
        if found is not None:
            who = _("Supervisory authority: {name}.").format(name=found.name(ui_language()))
        elif org.country == "DE":
            who = _("Choose the Land to find the competent supervisory authority.")
        else:
            who = _("No supervisory authority known for this country: choose one later.")
        languages = ", ".join(language_name(lang) for lang in self.project.publication.languages)
        return (
            who
            + " "
            + _("Age of digital consent (Art. 8 GDPR): {age}.").format(age=age)
            + " "
            + _("Policy languages: {languages}.").format(languages=languages)
        )

    # --- widgets -> model ----------------------------------------------------------------------

    def checked_fields(self) -> dict[str, CheckedLineEdit]:
        fields = {"organisation.email": self.email, "organisation.website": self.website}
        if self.project.dpo is not None:
            fields["dpo.email"] = self.dpo_email
        if self.rep_box.isVisibleTo(self):
            fields["representative"] = self.rep_email
        return fields

    def _write_organisation(self, *_args: object) -> None:
        if self.loading:
            return
        org = self.project.organisation
        previous_name = flow.own_name(self.project)
        org.legal_name = self.legal_name.text()
        org.trading_name = self.trading_name.text()
        flow.apply_own_name(self.project, previous_name)  # the provider of its own cookies
        org.address.street = self.street.text()
        org.address.postal_code = self.postal_code.text()
        org.address.city = self.city.text()
        org.registration_number = self.registration.text()
        org.phone = self.phone.text()
        org.email = self.email.valid_value()
        had_website = org.website is not None
        org.website = self.website.valid_value()
        if org.website is not None and not had_website and not self.project.services:
            # A website is a service: proposed (with its purposes) until the person chooses.
            self.project.services = [Service.WEBSITE]
            flow.add_suggestions(self.project, Service.WEBSITE)
        self.changed()

    def _write_articles(self, *_args: object) -> None:
        if self.loading:
            return
        self.project.organisation.name_article = {
            code: box.currentData()
            for code, box in self.articles.items()
            if box.currentData() is not None
        }
        self.changed()

    def _write_abroad(self, _item: QListWidgetItem) -> None:
        if self.loading:
            return
        self.project.organisation.own_processing_countries = [
            self.abroad.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.abroad.count())
            if self.abroad.item(i).checkState() == Qt.CheckState.Checked
        ]
        self.changed()

    def _place_changed(self, *_args: object) -> None:
        if self.loading:
            return
        org = self.project.organisation
        previous = (org.country, org.region)
        org.country = self.country.currentData()
        org.address.country = org.country
        org.region = self.region.currentData() if org.country == "DE" else None
        if (org.country, org.region) != previous:
            flow.apply_country_defaults(self.project, *previous, ui_language())
        self._update_visibility()
        self.changed()

    def _dpo_toggled(self, checked: bool) -> None:
        if self.loading:
            return
        self.project.dpo = Person() if checked else None
        if checked:
            self._write_dpo()
        self._update_visibility()
        self.changed()

    def _write_dpo_facts(self, *_args: object) -> None:
        if self.loading:
            return
        facts = (self.fact_public, self.fact_special, self.fact_monitoring)
        sender = self.sender()
        if sender is self.fact_none and self.fact_none.isChecked():
            for box in facts:
                box.setChecked(False)
        elif sender in facts and any(box.isChecked() for box in facts):
            self.fact_none.setChecked(False)
        answered = self.fact_none.isChecked() or any(box.isChecked() for box in facts)
        people = self.fact_people.value() or None
        self.project.dpo_facts = (
            DpoFacts(
                public_body=self.fact_public.isChecked(),
                large_scale_special=self.fact_special.isChecked(),
                large_scale_monitoring=self.fact_monitoring.isChecked(),
                people_processing=people,
            )
            if answered or people is not None
            else None
        )
        self.changed()

    def _write_dpo(self, *_args: object) -> None:
        if self.loading or self.project.dpo is None:
            return
        self.project.dpo = Person(
            name=self.dpo_name.text(),
            email=self.dpo_email.valid_value(),
            phone=self.dpo_phone.text(),
        )
        self.changed()

    def _write_representative(self, *_args: object) -> None:
        if self.loading:
            return
        name = self.rep_name.text()
        email = self.rep_email.valid_value()
        phone = self.rep_phone.text()
        self.project.representative = (
            Person(name=name, email=email, phone=phone) if (name or email or phone) else None
        )
        self.changed()
