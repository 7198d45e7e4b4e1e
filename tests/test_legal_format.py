"""What real policies say and format 2 could not: several legal bases per purpose, further
safeguards, withdrawal of consent per purpose, security, the organisation's own sections, the
"no transfers" statement, retention from the making of a record, the national health-law
provisions, services provided as a processor and authorities under other laws.

Each is read back from the generated DOCX (python-docx), PDF (pdftotext) and HTML in all four
languages, as a reader sees it; and a format-2 file still opens.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import docx
import pytest

from tests.projects import EXAMPLES
from tests.readback import policy_read_back, squash
from wizard import flow
from wizard.languages import LANGUAGES
from wizard.model import FORMAT_VERSION, Project, load_project, loads_project
from wizard.model.answers import LegalBasis, LocalText, Safeguard, SecurityMeasure
from wizard.policy.engine import build_document

LANGS = tuple(LANGUAGES)
PHYSIO = EXAMPLES / "physiotherapy-practice.privacy.json"
TELEHEALTH = EXAMPLES / "telehealth-startup.privacy.json"
SOFTWARE = EXAMPLES / "software-company.privacy.json"


@cache
def documents(example: Path, lang: str, out: Path) -> dict[str, str]:
    """The example's policy in ``lang`` as a reader of each format sees it."""
    stem = out / f"{example.name.split('.')[0]}-{lang}"
    return policy_read_back(load_project(example), lang, stem)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("legal-format")


def assert_everywhere(example: Path, out: Path, expected: dict[str, list[str]]) -> None:
    for lang in LANGS:
        for fmt, text in documents(example, lang, out).items():
            for phrase in expected[lang]:
                assert squash(phrase) in text, (example.name, lang, fmt, phrase)


def test_two_legal_bases_for_one_purpose_are_both_in_its_row(out: Path) -> None:
    """The medical record: kept under a legal obligation and for the treatment contract."""
    names = {"en": "Keeping your medical record", "de": "Führung Ihrer Patientenakte"}
    bases = {
        "en": ("Legal obligation (Article 6(1)(c) GDPR)",
               "Performance of a contract (Article 6(1)(b) GDPR)"),
        "nl": ("art. 6 lid 1 sub c AVG", "art. 6 lid 1 sub b AVG"),
        "fr": ("article 6, paragraphe 1, point c)", "article 6, paragraphe 1, point b)"),
        "de": ("Art. 6 Abs. 1 lit. c DSGVO", "Art. 6 Abs. 1 lit. b DSGVO"),
    }
    project = load_project(TELEHEALTH)
    records = project.purpose("records")
    assert records is not None and records.bases == [
        LegalBasis.LEGAL_OBLIGATION, LegalBasis.CONTRACT
    ]
    for lang in LANGS:
        documents(TELEHEALTH, lang, out)
        document = docx.Document(str(out / f"telehealth-startup-{lang}.docx"))
        name = records.name.get(lang) or names["en"]
        rows = [
            [squash(c.text) for c in row.cells]
            for table in document.tables
            for row in table.rows
            if squash(row.cells[0].text).startswith(name)
        ]
        assert rows, (lang, name)
        basis_cell = rows[0][2]
        for basis in bases[lang]:
            assert basis in basis_cell, (lang, basis, basis_cell)


def test_a_further_safeguard_backs_up_the_data_privacy_framework(out: Path) -> None:
    assert_everywhere(TELEHEALTH, out, {
        "en": ["Should that basis cease to apply, the transfer is covered by: Standard "
               "contractual clauses"],
        "nl": ["Mocht die grondslag vervallen, dan berust de doorgifte op: "
               "Standaardcontractbepalingen"],
        "fr": ["Si ce fondement cessait de s'appliquer, le transfert serait couvert par : "
               "Clauses contractuelles types"],
        "de": ["Sollte diese Grundlage entfallen, stützt sich die Übermittlung auf: Von der "
               "Europäischen Kommission erlassene Standardvertragsklauseln"],
    })


def test_each_consent_purpose_says_how_consent_is_withdrawn(out: Path) -> None:
    assert_everywhere(TELEHEALTH, out, {
        "en": ["How to withdraw your consent",
               "Symptom diary in the app: switch off “Symptom diary” under Settings > Privacy"],
        "nl": ["Hoe u uw toestemming intrekt", "zet ‘Symptoomdagboek’ uit onder Instellingen"],
        "fr": ["Comment retirer votre consentement",
               "désactivez « Journal des symptômes » dans Réglages"],
        "de": ["So widerrufen Sie Ihre Einwilligung",
               "Schalten Sie in der App unter Einstellungen > Datenschutz"],
    })
    assert_everywhere(SOFTWARE, out, {
        "en": ["click the unsubscribe link at the bottom of every newsletter"],
        "nl": ["klik op de afmeldlink onderaan elke nieuwsbrief"],
        "fr": ["cliquez sur le lien de désinscription en bas de chaque lettre d'information"],
        "de": ["Klicken Sie auf den Abmeldelink am Ende jedes Newsletters"],
    })


def test_sdk_identifiers_in_an_app_fall_under_the_cookie_rule(out: Path) -> None:
    assert_everywhere(TELEHEALTH, out, {
        "en": ["software development kits (SDKs)", "we use them only with your consent"],
        "nl": ["software development kits (SDK's)", "alleen met uw toestemming"],
        "fr": ["kits de développement logiciel (SDK)", "qu'avec votre consentement"],
        "de": ["Software Development Kits (SDKs)", "nur mit Ihrer Einwilligung ein"],
    })


def test_security_section_lists_the_measures_and_the_own_words(out: Path) -> None:
    assert_everywhere(TELEHEALTH, out, {
        "en": ["How we protect your data", "(Article 32 GDPR)",
               "Multi-factor authentication for access to personal data",
               "Video consultations are end-to-end encrypted and never recorded."],
        "nl": ["Hoe wij uw gegevens beveiligen", "(art. 32 AVG)",
               "Meerfactorauthenticatie voor toegang tot persoonsgegevens",
               "Videoconsulten zijn end-to-end versleuteld"],
        "fr": ["Comment nous protégeons vos données", "(article 32 du RGPD)",
               "Authentification multifacteur",
               "Les téléconsultations sont chiffrées de bout en bout"],
        "de": ["Wie wir Ihre Daten schützen", "(Art. 32 DSGVO)",
               "Mehr-Faktor-Authentifizierung",
               "Videosprechstunden sind Ende-zu-Ende-verschlüsselt"],
    })


def test_own_section_follows_the_chosen_section(out: Path) -> None:
    headings = {"en": "Trainee physiotherapists", "nl": "Stagiairs fysiotherapie",
                "fr": "Stagiaires en kinésithérapie", "de": "Physiotherapeuten in Ausbildung"}
    assert_everywhere(PHYSIO, out, {
        "en": [headings["en"], "You can always ask to be treated without a trainee present."],
        "nl": [headings["nl"], "U kunt altijd vragen om zonder stagiair behandeld te worden."],
        "fr": [headings["fr"], "Vous pouvez toujours demander à être traité sans stagiaire."],
        "de": [headings["de"], "ohne Praktikanten behandelt zu werden."],
    })
    for lang in LANGS:
        titles = [h.text for h in build_document(load_project(PHYSIO), lang).headings(2)]
        # Placed right after the section on purposes (the second section).
        assert titles[2] == headings[lang], (lang, titles)


def test_no_transfers_statement_when_the_user_confirms_it(out: Path) -> None:
    expected = {
        "en": ["We do not transfer your personal data to countries outside the European "
               "Economic Area (EEA)"],
        "nl": ["Wij geven uw persoonsgegevens niet door aan landen buiten de Europese "
               "Economische Ruimte (EER)"],
        "fr": ["Nous ne transférons pas vos données à caractère personnel vers des pays "
               "situés hors de l'Espace économique européen (EEE)"],
        "de": ["Wir übermitteln Ihre personenbezogenen Daten nicht in Länder außerhalb des "
               "Europäischen Wirtschaftsraums (EWR)"],
    }
    assert_everywhere(PHYSIO, out, expected)
    # Not confirmed: nothing is claimed.
    project = load_project(PHYSIO)
    project.no_transfers_confirmed = False
    for lang in LANGS:
        text = build_document(project, lang).text()
        assert squash(expected[lang][0]) not in squash(text), lang


def test_confirmation_is_ignored_and_flagged_when_a_recipient_is_outside_the_eea() -> None:
    project = load_project(TELEHEALTH)
    project.no_transfers_confirmed = True
    for lang in LANGS:
        text = squash(build_document(project, lang).text())
        assert "We do not transfer your personal data" not in text
    issues = flow.page_issues(project, flow.PageId.RECIPIENTS)
    assert any(i.field == "no_transfers_confirmed" for i in issues)


def test_retention_counted_from_the_making_of_each_record(out: Path) -> None:
    assert_everywhere(PHYSIO, out, {
        "en": ["20 years from the date on which each record was made"],
        "nl": ["20 jaar vanaf de datum waarop elk stuk is vervaardigd"],
        "fr": ["20 ans à compter de la date d'établissement de chaque document"],
        "de": ["20 Jahre ab dem Tag, an dem die jeweilige Aufzeichnung erstellt wurde"],
    })


def test_national_health_provisions_in_the_readers_language(out: Path) -> None:
    assert_everywhere(TELEHEALTH, out, {
        "en": ["Article 9(2)(h) GDPR applies together with Section 22(1), point 1(b), of the "
               "German Federal Data Protection Act",
               "in particular under Section 203 of the German Criminal Code"],
        "nl": ["art. 9 lid 2 sub h AVG in samenhang met § 22, eerste lid, punt 1, onder b, "
               "van de Duitse federale wet inzake gegevensbescherming",
               "§ 203 van het Duitse Wetboek van Strafrecht"],
        "fr": ["conjointement avec l'article 22, paragraphe 1, point 1, b), de la loi "
               "fédérale allemande sur la protection des données",
               "l'article 203 du code pénal allemand"],
        "de": ["Art. 9 Abs. 2 lit. h DSGVO in Verbindung mit § 22 Abs. 1 Nr. 1 Buchst. b des "
               "Bundesdatenschutzgesetzes (BDSG)",
               "insbesondere nach § 203 des Strafgesetzbuches (StGB)"],
    })
    assert_everywhere(PHYSIO, out, {
        "en": ["professional secrecy (Article 9(3) GDPR), in particular under Article 7:457 "
               "of the Dutch Civil Code"],
        "nl": ["(art. 9 lid 3 AVG), in het bijzonder op grond van artikel 7:457 van het "
               "Burgerlijk Wetboek (WGBO)"],
        "fr": ["l'article 7:457 du code civil néerlandais"],
        "de": ["Artikel 7:457 des niederländischen Bürgerlichen Gesetzbuchs"],
    })


def test_a_country_without_listed_provisions_gets_the_gdpr_article_alone() -> None:
    project = load_project(TELEHEALTH)
    project.organisation.country = "IT"
    project.organisation.address.country = "IT"
    text = squash(build_document(project, "en").text())
    assert (
        "who are bound by professional secrecy (Article 9(3) GDPR)." in text
        and "applies together with" not in text
    )


def test_services_provided_as_a_processor_are_excluded_from_the_policy(out: Path) -> None:
    assert_everywhere(SOFTWARE, out, {
        "en": ["Data we process on behalf of others", "This privacy policy does not cover "
               "those data", "on behalf of the companies that use our platform"],
        "nl": ["Gegevens die wij voor anderen verwerken", "Deze privacyverklaring geldt niet "
               "voor die gegevens", "in opdracht van de bedrijven die ons platform gebruiken"],
        "fr": ["Données que nous traitons pour le compte d'autres organismes",
               "La présente politique de confidentialité ne couvre pas ces données",
               "pour le compte de nos clients professionnels qui utilisent notre plateforme"],
        "de": ["Daten, die wir im Auftrag anderer verarbeiten", "Diese Datenschutzerklärung "
               "gilt nicht für diese Daten", "im Auftrag von Unternehmen, die unsere "
               "Plattform nutzen"],
    })


def test_an_authority_under_another_law_is_marked_as_not_gdpr(out: Path) -> None:
    assert_everywhere(SOFTWARE, out, {
        "en": ["Authorities under other data protection laws",
               "are not supervisory authorities under the GDPR",
               "(Switzerland): competent under the Swiss Federal Act on Data Protection"],
        "nl": ["Toezichthouders op grond van andere wetten inzake gegevensbescherming",
               "geen toezichthoudende autoriteiten in de zin van de AVG",
               "(Zwitserland): bevoegd op grond van de Zwitserse federale wet"],
        "fr": ["Autorités relevant d'autres lois sur la protection des données",
               "ne sont pas des autorités de contrôle au sens du RGPD",
               "(Suisse) : compétente en vertu de la loi fédérale suisse"],
        "de": ["Behörden nach anderen Datenschutzgesetzen",
               "keine Aufsichtsbehörden im Sinne der DSGVO",
               "(Schweiz): zuständig nach dem Schweizer Bundesgesetz über den Datenschutz"],
    })


def test_an_authority_inside_the_eea_cannot_be_an_other_regime_authority() -> None:
    data = json.loads(SOFTWARE.read_text(encoding="utf-8"))
    data["other_authorities"][0]["country"] = "FR"
    with pytest.raises(Exception) as info:
        loads_project(json.dumps(data), source="s.json")
    assert "other_authorities[0].country" in str(info.value)


def test_a_format_2_file_opens_with_the_new_answers_empty() -> None:
    data = json.loads(TELEHEALTH.read_text(encoding="utf-8"))

    def strip(answers: dict) -> None:  # type: ignore[type-arg]
        for key in ("other_authorities", "no_transfers_confirmed", "security",
                    "processor_activities", "own_sections"):
            answers.pop(key, None)
        for purpose in answers["purposes"]:
            purpose.pop("additional_bases", None)
            purpose.pop("withdrawal", None)
        for recipient in answers["recipients"]:
            recipient.pop("fallback_safeguards", None)

    strip(data)
    for version in data["history"]:
        strip(version["answers"])
    data["format_version"] = 2
    data["$schema"] = "https://privacy-wizard.invalid/schema/project-v2.json"
    project = loads_project(json.dumps(data), source="old.privacy.json")
    assert project.format_version == FORMAT_VERSION == 4
    assert not project.security and project.own_sections == []
    assert all(p.additional_bases == [] and not p.withdrawal for p in project.purposes)
    assert all(r.fallback_safeguards == [] for r in project.recipients)
    assert all(not v.answers.security for v in project.history)
    # Every old answer kept its meaning.
    current = load_project(TELEHEALTH)
    assert [p.legal_basis for p in project.purposes] == [p.legal_basis for p in current.purposes]
    assert [r.safeguard for r in project.recipients] == [r.safeguard for r in current.recipients]
    for lang in LANGS:
        assert "How we protect your data" not in build_document(project, "en").text()
        build_document(project, lang)


def test_missing_withdrawal_text_is_advice_on_the_purpose() -> None:
    project = load_project(TELEHEALTH)
    symptoms = project.purpose("symptoms")
    assert symptoms is not None
    symptoms.withdrawal = LocalText()
    issues = flow.page_issues(project, flow.PageId.PURPOSES)
    found = [i for i in issues if i.field.endswith(".withdrawal")]
    assert found and not any(i.blocking for i in found)


def test_a_fallback_safeguard_must_fit_the_country() -> None:
    project = load_project(SOFTWARE)
    recipient = next(r for r in project.recipients if r.country == "US")
    project.recipients[project.recipients.index(recipient)].fallback_safeguards = [
        Safeguard.PRIVACY_SHIELD
    ]
    issues = flow.page_issues(project, flow.PageId.TRANSFERS)
    assert any("fallback_safeguards[0]" in i.field for i in issues)


def test_security_measures_are_their_own_object() -> None:
    project: Project = load_project(PHYSIO)
    assert SecurityMeasure.ACCESS_CONTROL in project.security.measures
    schema_defs = __import__("wizard.model", fromlist=["project_schema"]).project_schema()["$defs"]
    assert {"Security", "OwnSection", "ProcessorActivity", "OtherAuthority"} <= set(schema_defs)


def test_proposed_dutch_medical_records_run_from_the_making_of_each_record() -> None:
    from wizard.model.answers import RetentionStart, Service

    def records(country: str) -> object:
        found = [p for p in flow.suggested_purposes(Service.PATIENT_CARE, country)
                 if p.id == "patient-records"]
        assert found
        return found[0].retention.starting

    assert records("NL") is RetentionStart.RECORD_CREATION  # WGBO, art. 7:454(3) BW
    assert records("DE") is RetentionStart.END_OF_TREATMENT  # § 630f(3) BGB
