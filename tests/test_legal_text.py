"""What the policy says in each language, read back from the generated documents.

Foreign statutes named in the reader's language, the national cookie provision of every EU/EEA
country, only the statements the answers support (the objection notice, the opening promise), and
the typography of each language kept from the user's words through to the Markdown file.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import docx
import pytest

from tests.projects import EXAMPLES, TRANSLATED, example, with_translated_texts
from tests.readback import policy_docx_text
from wizard.catalog.cookie_laws import cookie_law, cookie_laws
from wizard.model import Project
from wizard.model.answers import LANGUAGES, DataCategory, LegalBasis, LocalText, Security
from wizard.model.countries import EEA_COUNTRIES
from wizard.model.project_file import loads_project, save_project
from wizard.policy.engine import build_document
from wizard.render.docx import docx_bytes
from wizard.render.markdown import markdown_text

NBSP = "\u00a0"


# --- the national cookie provision ----------------------------------------------------------------


def test_every_eu_eea_country_has_its_cookie_provision_with_source_and_date() -> None:
    laws = {law.country: law for law in cookie_laws()}
    assert set(laws) == set(EEA_COUNTRIES)
    for law in laws.values():
        assert law.source, law.country
        assert law.status in {"confirmed", "unverified"}, law.country
        # A confirmed citation has the day it was checked; an unverified one claims none.
        assert (law.verified_on is not None and law.verified_on.year >= 2026) is law.confirmed
        assert law.checked in {"provision", "act"}, law.country
        assert all(law.names.get(lang) for lang in LANGUAGES), law.country
        if law.checked == "act":
            # Only the act is named: the data say the provision was not confirmed.
            assert "not confirmed" in law.source, law.country


FOREIGN_NATIONAL_LAW = {
    "en": ("our national law",),
    "nl": ("ons land", "onze nationale wet"),
    "fr": ("notre droit national",),
    "de": ("unserem nationalen Recht",),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_french_controllers_cookie_law_is_named_in_the_readers_language(lang: str) -> None:
    project = with_translated_texts(example("software-company"))
    project.organisation.country = "FR"
    project.organisation.address.country = "FR"
    text = policy_docx_text(project, lang)
    expected = {
        "en": "In the country where we are established (France), it is implemented by Article 82 "
        "of the Data Protection Act (loi n° 78-17 du 6 janvier 1978 « Informatique et Libertés »).",
        "nl": "In het land waar wij gevestigd zijn (Frankrijk), is die bepaling omgezet in artikel "
        "82 van de Wet inzake informatica en vrijheden (loi n° 78-17 du 6 janvier 1978",
        "fr": "Dans le pays où nous sommes établis (France), cette disposition est transposée par "
        "l'article 82 de la loi n° 78-17 du 6 janvier 1978 relative à l'informatique, aux "
        "fichiers et aux libertés.",
        "de": "In dem Staat, in dem wir niedergelassen sind (Frankreich), ist diese Vorschrift "
        "durch Art.\u00a082 des Gesetzes über Informatik und Freiheiten (loi n° 78-17",
    }[lang]
    assert expected in text
    # The French citation is never the sentence's own words in another language.
    if lang != "fr":
        assert "article 82 de la loi" not in text
    for phrase in FOREIGN_NATIONAL_LAW[lang]:
        assert phrase not in text


@pytest.mark.parametrize("country", sorted(EEA_COUNTRIES))
def test_every_countrys_cookie_law_reaches_the_policy_in_every_language(country: str) -> None:
    project = with_translated_texts(example("physiotherapy-practice"))
    project.organisation.country = country
    project.organisation.address.country = country
    law = cookie_law(country)
    assert law is not None
    for lang in LANGUAGES:
        doc = build_document(project, lang)
        text = doc.text().replace(NBSP, " ")
        assert "2002/58" in text
        if law.confirmed:
            assert law.name(lang).replace(NBSP, " ") in text, (country, lang)
        else:
            # An unverified citation is never printed as fact: the directive alone is named.
            assert law.name(lang).replace(NBSP, " ") not in text, (country, lang)


# --- statements only where the answers make them ------------------------------------------------

PUBLIC_TASK = {
    "en": "task carried out in the public interest",
    "nl": "taak van algemeen belang",
    "fr": "mission d'intérêt public",
    "de": "Aufgabe im öffentlichen Interesse",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_objection_notice_names_the_public_task_only_where_it_is_a_basis(lang: str) -> None:
    project = with_translated_texts(example("physiotherapy-practice"))
    bases = {p.legal_basis for p in project.purposes}
    assert LegalBasis.LEGITIMATE_INTERESTS in bases and LegalBasis.PUBLIC_TASK not in bases
    text = policy_docx_text(project, lang)
    assert "21" in text and PUBLIC_TASK[lang] not in text
    assert {
        "en": "legitimate interests",
        "nl": "gerechtvaardigde belangen",
        "fr": "intérêts légitimes",
        "de": "berechtigten Interessen",
    }[lang] in text

    # A public body's task (Art. 6(1)(e)) alone: the notice names the task, not our interests.
    for purpose in project.purposes:
        if purpose.legal_basis is LegalBasis.LEGITIMATE_INTERESTS:
            purpose.legal_basis = LegalBasis.PUBLIC_TASK
            purpose.legitimate_interest = LocalText()
    text = policy_docx_text(project, lang)
    notice = next(line for line in text.splitlines() if "21" in line and PUBLIC_TASK[lang] in line)
    assert {
        "en": "our legitimate interests",
        "nl": "onze gerechtvaardigde belangen",
        "fr": "nos intérêts légitimes",
        "de": "unserer berechtigten Interessen",
    }[lang] not in (notice)


WITH_WHOM = {
    "en": "with whom we share them",
    "nl": "met wie wij de gegevens delen",
    "fr": "à qui nous les communiquons",
    "de": "an wen wir sie weitergeben",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_opening_promise_lists_only_what_the_policy_contains(lang: str) -> None:
    project = with_translated_texts(example("software-company"))
    assert project.recipients
    assert WITH_WHOM[lang] in policy_docx_text(project, lang)
    project.recipients = []
    text = policy_docx_text(project, lang)
    assert WITH_WHOM[lang] not in text
    # The promise still says what the policy does contain.
    assert {
        "en": "how long we keep them",
        "nl": "hoe lang wij ze bewaren",
        "fr": "combien de temps nous les conservons",
        "de": "wie lange wir sie speichern",
    }[lang] in text


# --- typography ---------------------------------------------------------------------------------


def test_french_typography_reaches_the_users_words_and_survives_markdown() -> None:
    project = with_translated_texts(example("telehealth-startup"))
    project.cookies.consent_mechanism = LocalText(
        {**project.cookies.consent_mechanism.root, "fr": "une bannière: « accepter » ou non?"}
    )
    doc = build_document(project, "fr")
    expected = f"une bannière{NBSP}: «{NBSP}accepter{NBSP}» ou non{NBSP}?"
    assert expected in policy_docx_text(project, "fr")
    markdown = markdown_text(doc)
    assert expected in markdown
    # The template's own French colons keep their no-break space in Markdown as well.
    assert f"{NBSP}:" in markdown and " :" not in markdown.replace(f"{NBSP}:", "")
    # Other languages are left as the user typed them.
    project.cookies.consent_mechanism = LocalText({"de": "ein Banner: ja oder nein?"})
    assert "ein Banner: ja oder nein?" in build_document(project, "de").text()


# --- grammar of each language -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "lang", "expected"),
    [
        (
            "Zahnarztpraxis Dr. Weber",
            "de",
            "Verantwortlicher für die Verarbeitung Ihrer personenbezogenen Daten im Sinne der "
            "Datenschutz-Grundverordnung (DSGVO) ist die Zahnarztpraxis Dr. Weber;",
        ),
        ("Gesundheitszentrum Mitte", "de", "wie wir, das Gesundheitszentrum Mitte, Ihre"),
        ("Klarblick Health GmbH", "de", "ist Klarblick Health GmbH;"),
        (
            "Cabinet Dupont",
            "fr",
            "au sens du règlement général sur la protection des données (RGPD) est le Cabinet "
            f"Dupont{NBSP}:",
        ),
        ("Cabinet Dupont", "fr", "explique comment le Cabinet Dupont traite vos données"),
        ("Institut Lumière", "fr", "explique comment l'Institut Lumière traite"),
        ("Cabinet Dupont", "en", "Cabinet Dupont is the controller of your personal data"),
        ("Tandartspraktijk De Molen", "nl", "Tandartspraktijk De Molen is de"),
    ],
)
def test_the_organisations_name_takes_the_article_its_language_needs(
    name: str, lang: str, expected: str
) -> None:
    project = with_translated_texts(example("telehealth-startup"))
    project.organisation.legal_name = name
    project.organisation.trading_name = ""
    text = policy_docx_text(project, lang)
    assert expected in text
    # The header keeps the name as it is written.
    assert build_document(project, lang).organisation == name


def test_german_names_the_dpo_and_patients_in_both_genders() -> None:
    project = example("telehealth-startup")
    assert project.dpo is not None
    text = policy_docx_text(project, "de")
    assert "Wir haben eine Datenschutzbeauftragte oder einen Datenschutzbeauftragten benannt." in (
        text
    )
    assert "einen Datenschutzbeauftragten benannt, an den" not in text
    assert "Patientinnen und Patienten" in text


def test_dutch_uses_the_gdprs_own_onverwijld() -> None:
    text = policy_docx_text(example("physiotherapy-practice"), "nl")
    assert "Wij reageren onverwijld en in elk geval binnen 30 dagen" in text
    assert "onnodige vertraging" not in text


# --- data categories: only what the user says they hold -------------------------------------------

SUCH_AS = ("such as", "zoals", "par exemple", "z. B.")


def contact_form_project() -> Project:
    """A website with nothing but a contact form: name and e-mail address, nothing else."""
    project = with_translated_texts(example("software-company"))
    support = next(p for p in project.purposes if p.id == "support")
    # No security section either: its measures give examples of their own ("such as HTTPS").
    return project.model_copy(
        update={"purposes": [support], "recipients": [], "security": Security()}
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_category_prints_only_what_the_user_says_it_holds(lang: str) -> None:
    project = contact_form_project()
    support = project.purposes[0]
    assert support.data_categories[:2] == [DataCategory.IDENTITY, DataCategory.CONTACT]
    support.data_details = {
        DataCategory.IDENTITY: LocalText({"en": "name", "nl": "naam", "fr": "nom", "de": "Name"}),
    }
    text = policy_docx_text(project, lang)
    identity, contact = {
        "en": ("Identification data: name", "Contact details"),
        "nl": ("Identificatiegegevens: naam", "Contactgegevens"),
        "fr": (f"Données d'identification{NBSP}: nom", "Coordonnées"),
        "de": ("Angaben zur Person: Name", "Kontaktdaten"),
    }[lang]
    # The category the user described, then the next one by its name alone.
    assert f"{identity} {contact} " in text
    # No date of birth, sex or telephone number the answers did not give.
    for claim in {
        "en": ("date of birth", "sex", "telephone"),
        "nl": ("geboortedatum", "geslacht", "telefoon"),
        "fr": ("date de naissance", "sexe", "téléphone"),
        "de": ("Geburtsdatum", "Geschlecht", "Telefon"),
    }[lang]:
        assert claim not in text, claim
    assert not any(f"({word} " in text for word in SUCH_AS)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_dutch_practice_names_the_bsn_in_every_language(lang: str) -> None:
    text = policy_docx_text(example("physiotherapy-practice"), lang)
    expected = {
        "en": "National identification number: citizen service number (BSN)",
        "nl": "Nationaal identificatienummer: burgerservicenummer (BSN)",
        "fr": f"Numéro d'identification national{NBSP}: numéro de service citoyen néerlandais (BSN)",
        "de": "Nationale Kennziffer: niederländische Bürgerservicenummer (BSN)",
    }[lang]
    assert expected in text


def test_details_missing_in_a_language_are_a_translation_gap() -> None:
    from wizard.flow import translation_gaps
    from wizard.policy.engine import PolicyError

    project = contact_form_project()
    project.purposes[0].data_details = {DataCategory.IDENTITY: LocalText({"en": "name"})}
    fields = [gap.field for gap in translation_gaps(project, "nl")]
    assert "purposes[0].data_details.identity.nl" in fields
    with pytest.raises(PolicyError):
        build_document(project, "nl")
    assert "Identification data: name" in build_document(project, "en").text()


def _as_format_2(project_file: str, published: bool) -> str:
    data = json.loads((EXAMPLES / project_file).read_text(encoding="utf-8"))
    data["format_version"] = 2
    for answers in [data, *(v["answers"] for v in data["history"])]:
        for purpose in answers["purposes"]:
            purpose.pop("data_details", None)
    if not published:
        data["history"] = []
    return json.dumps(data)


def test_an_old_unpublished_project_claims_nothing_after_migration() -> None:
    project = loads_project(_as_format_2("software-company.privacy.json", published=False))
    assert all(p.data_details == {} for p in project.purposes)
    # Only the data categories are looked at: the security measures and the transfer section
    # give examples of their own ("such as HTTPS", "such as the standard contractual clauses").
    project.security = Security()
    project.recipients = []
    for lang in LANGUAGES:
        text = build_document(project, lang).text()
        assert not any(f"({word} " in text for word in SUCH_AS), lang
    assert "Identification data\n" in build_document(project, "en").text() + "\n"


def test_an_old_published_project_keeps_what_its_policy_said() -> None:
    project = loads_project(_as_format_2("telehealth-startup.privacy.json", published=True))
    records = next(p for p in project.purposes if p.id == "records")
    # The categories that printed "such as ..." keep those words, in all four languages; the
    # others (health insurance details) printed none and get none.
    assert set(records.data_details) == {
        DataCategory.IDENTITY,
        DataCategory.CONTACT,
        DataCategory.HEALTH,
    }
    assert records.data_details[DataCategory.HEALTH].root == {
        "en": "medical history, diagnoses, treatment notes",
        "nl": "medische voorgeschiedenis, diagnoses, aantekeningen over de behandeling",
        "fr": "antécédents médicaux, diagnostics, notes de suivi des soins",
        "de": "Krankengeschichte, Diagnosen, Behandlungsdokumentation",
    }
    # The published versions get the same, so comparing them shows no change.
    snapshot = project.history[-1].answers
    assert snapshot.purpose("records") is not None
    assert snapshot.purpose("records").data_details == records.data_details  # type: ignore[union-attr]
    assert "Data concerning health: medical history, diagnoses, treatment notes" in (
        build_document(project, "en").text()
    )


# --- the check report ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_check_report_shows_no_english_from_the_data_files(
    lang: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The national laws behind the Art. 8 ages are cited as their countries name them, without
    English notes ("as amended", "- no Art. 8 provision")."""
    from wizard.catalog.ages import consent_age_entry
    from wizard.cli import main

    for country in ("AT", "CY", "DE", "DK", "FR", "IT", "SI"):
        project = example("software-company")
        project.organisation.country = country
        project.organisation.address.country = country
        project.children.targets_children = True
        project.children.age_threshold = 13
        entry = consent_age_entry(country)
        assert entry is not None and entry.age is not None and entry.age > 13, country
        path = tmp_path / f"{country}.privacy.json"
        save_project(project, path)
        main(["check", str(path), "--lang", lang])
        report = capsys.readouterr().out
        assert "age_below_national" not in report  # codes are not shown in the text report
        for english in ("as amended", "no Art. 8 provision", "in force", "Law ", "Section "):
            assert english not in report, (country, english)
        if entry.national_law:
            assert entry.national_law in report, country


def test_the_json_severities_are_the_ones_the_readme_documents(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from wizard.cli import main

    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    documented = set(
        re.findall(r"`severity` is `(\w+)` for a finding that must be fixed and `(\w+)`", readme)[0]
    )
    assert documented == {"error", "warning"}
    main(["check", str(EXAMPLES / "telehealth-startup.privacy.json"), "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert findings and {f["severity"] for f in findings} <= documented


# --- the processor catalogue: who contracts, and where the data go ----------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_catalogue_processor_names_its_eu_entity_and_the_us_company_that_is_certified(
    lang: str,
) -> None:
    from wizard.catalog.processors import processor
    from wizard.flow import recipient_from_catalog

    project = with_translated_texts(example("telehealth-startup"))
    entry = processor("google-analytics")
    assert entry is not None and (entry.legal_entity, entry.importer) == (
        "Google Ireland Limited",
        "Google LLC",
    )
    recipient = recipient_from_catalog(entry)
    recipient.purposes = ["analytics"]
    project.recipients = [recipient]
    document = docx.Document(io.BytesIO(docx_bytes(build_document(project, lang))))
    rows = [[cell.text for cell in row.cells] for t in document.tables for row in t.rows]
    ireland, united_states, receives, certified = {
        "en": ("Ireland", "United States", "Receives the data from", "the company that receives"),
        "nl": ("Ierland", "Verenigde Staten", "Ontvangt de gegevens van", "Het bedrijf dat de"),
        "fr": ("Irlande", "États-Unis", "Reçoit les données de", "la société qui reçoit"),
        "de": ("Irland", "Vereinigte Staaten", "Erhält die Daten von", "das Unternehmen, das"),
    }[lang]
    recipient_row = next(r for r in rows if r[0] == "Google Ireland Limited (Google Analytics)")
    assert recipient_row[-1] == ireland
    transfer_row = next(r for r in rows if r[0].startswith("Google LLC"))
    assert f"{receives} Google Ireland Limited (Google Analytics)" in transfer_row[0]
    assert transfer_row[1] == united_states and certified in transfer_row[2]
    # The Irish company is never the one said to be certified.
    assert not any(r[0].startswith("Google Ireland") and certified in r[-1] for r in rows)


def test_the_catalogue_schema_keeps_entity_and_importer_apart() -> None:
    from wizard.catalog.processor_entry import ProcessorEntry
    from wizard.catalog.processors import processors

    raw = json.loads((EXAMPLES.parent / "resources" / "data" / "processors.json").read_text())
    stripe = next(e for e in raw["processors"] if e["id"] == "stripe")
    ProcessorEntry.model_validate(stripe)
    with pytest.raises(ValueError, match="importer"):
        ProcessorEntry.model_validate({**stripe, "importer": None})
    with pytest.raises(ValueError, match="DPF covers only"):
        ProcessorEntry.model_validate(
            {**stripe, "data_location": ["CA"], "importer": {"entity": "X", "country": "CA"}}
        )
    with pytest.raises(ValueError, match="only with a source"):
        ProcessorEntry.model_validate({**stripe, "verified_on": None})
    # The common services the issue names are in the catalogue.
    ids = {item.id for item in processors()}
    assert {"twilio", "firebase", "cloudflare", "calendly", "doctolib", "jameda"} <= ids
