"""An organisation in the EU/EEA whose own staff process the data outside the EEA (issue 12,
point 3): the policy says plainly that it processes the data there itself, which is no transfer
to another organisation (EDPB Guidelines 05/2021), apart from the recipients and their
safeguards; the review advises assessing that country's law."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.projects import example, with_translated_texts
from tests.readback import policy_docx_text
from wizard.model import Project
from wizard.model.answers import LANGUAGES
from wizard.model.project_file import ProjectFileError, loads_project, save_project


def with_staff_abroad() -> Project:
    """The Berlin telehealth start-up, whose support staff work from the United States."""
    project = with_translated_texts(example("telehealth-startup"))
    project.organisation.own_processing_countries = ["US"]
    return project


#: What each language says about the organisation's own processing in the United States.
OWN = {
    "en": (
        "Our own staff also process your personal data outside the European Economic Area "
        "(EEA), in the following country: United States.",
        "not a transfer",
    ),
    "nl": (
        "Onze eigen medewerkers verwerken uw persoonsgegevens ook buiten de Europese "
        "Economische Ruimte (EER), in het volgende land: Verenigde Staten.",
        "geen doorgifte",
    ),
    "fr": (
        "Notre propre personnel traite également vos données à caractère personnel en dehors "
        "de l'Espace économique européen (EEE), dans le pays suivant : États-Unis.",
        "pas d'un transfert",
    ),
    "de": (
        "Unsere eigenen Mitarbeitenden verarbeiten Ihre personenbezogenen Daten auch "
        "außerhalb des Europäischen Wirtschaftsraums (EWR), und zwar in folgendem Land: "
        "Vereinigte Staaten.",
        "keine Übermittlung",
    ),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_policy_says_the_organisation_itself_processes_the_data_there(lang: str) -> None:
    text = " ".join(policy_docx_text(with_staff_abroad(), lang).replace("\u00a0", " ").split())
    for words in OWN[lang]:
        assert words in text, (lang, words)
    # The recipients' transfers keep their own table and safeguards.
    assert "Zoom Video Communications, Inc." in text
    before = policy_docx_text(with_translated_texts(example("telehealth-startup")), lang)
    assert OWN[lang][0] not in before.replace("\u00a0", " ")


def test_a_country_inside_the_eea_is_refused_naming_the_field() -> None:
    data = json.loads(
        (Path(__file__).parent.parent / "examples" / "telehealth-startup.privacy.json").read_text(
            encoding="utf-8"
        )
    )
    data["organisation"]["own_processing_countries"] = ["US", "FR"]
    with pytest.raises(ProjectFileError) as raised:
        loads_project(json.dumps(data))
    assert any(
        p.startswith("organisation.own_processing_countries:") and "FR" in p
        for p in raised.value.problems
    )


def test_check_advises_assessing_the_countrys_law_without_a_must_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wizard.cli import main

    path = tmp_path / "abroad.privacy.json"
    save_project(with_staff_abroad(), path)
    main(["check", str(path), "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    (own,) = [f for f in findings if f["code"] == "own_processing_outside_eea"]
    assert own["severity"] == "warning"
    assert own["field"] == "organisation.own_processing_countries"
    assert "United States" in own["message"]
    main(["check", str(path), "--lang", "de"])
    assert "Vereinigte Staaten" in capsys.readouterr().out


#: A country name where the language needs an article before it ("in the United States", "in
#: de Verenigde Staten", "aux États-Unis", "in den Vereinigten Staaten"): the sentences name the
#: country after a colon instead, and refer back to it as "that country".
BARE_COUNTRY = {
    "en": ("in United States", "of United States", "In United States"),
    "nl": ("in Verenigde Staten", "van Verenigde Staten", "In Verenigde Staten"),
    "fr": ("en États-Unis", "de ce pays (États-Unis)", "Dans ce pays (États-Unis)"),
    "de": ("dieses Landes (Vereinigte Staaten)", "In diesem Land (Vereinigte Staaten)"),
}
#: Where the country is named.
NAMED = {
    "en": "in the following country: United States. We process your personal data there",
    "nl": "in het volgende land: Verenigde Staten. Wij verwerken uw persoonsgegevens daar",
    "fr": "dans le pays suivant : États-Unis. Nous y traitons",
    "de": "in folgendem Land: Vereinigte Staaten. Dort verarbeiten wir",
}
#: One service provider in the controller's own country is one, not "our service providers".
ONE_PROVIDER = {
    "en": "In that country, our service provider Zoom Video Communications, Inc. also processes",
    "nl": "In dat land verwerkt ook onze dienstverlener Zoom Video Communications, Inc.",
    "fr": "Dans ce pays, notre prestataire Zoom Video Communications, Inc. traite également",
    "de": "In diesem Land verarbeitet auch unser Dienstleister Zoom Video Communications, Inc.",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_controller_outside_the_eea_keeps_its_own_wording(lang: str) -> None:
    project = with_staff_abroad()
    project.organisation.country = "US"
    project.organisation.address.country = "US"
    project.recipients = [r for r in project.recipients if r.country != "US" or "Zoom" in r.name]
    text = " ".join(policy_docx_text(project, lang).replace("\u00a0", " ").split())
    assert OWN[lang][0] not in text, lang
    assert NAMED[lang] in text, lang
    for bare in BARE_COUNTRY[lang]:
        assert bare not in text, (lang, bare)
    assert ONE_PROVIDER[lang] in text, lang


def test_several_countries_are_named_together() -> None:
    project = with_staff_abroad()
    project.organisation.own_processing_countries = ["US", "IN"]
    text = " ".join(policy_docx_text(project, "en").split())
    assert "in the following countries: United States and India." in text


@pytest.mark.parametrize(
    ("countries", "advised"),
    [
        (["CH"], []),  # an adequacy decision for the whole country
        (["NZ", "GB"], []),
        (["JP"], ["JP"]),  # Japan's covers organisations under the APPI only
        (["CA"], ["CA"]),  # Canada's decision covers commercial organisations under PIPEDA only
        (["US"], ["US"]),  # the Data Privacy Framework covers certified organisations only
        (["IN", "CH"], ["IN"]),
    ],
)
def test_own_staff_in_an_adequate_country_need_no_risk_assessment(
    countries: list[str], advised: list[str]
) -> None:
    """The advice to assess a country's law names only the countries the Commission has not
    found adequate as a whole (Art. 45 GDPR)."""
    from wizard.flow.issues import country_named
    from wizard.review import findings

    project = with_staff_abroad()
    project.organisation.own_processing_countries = countries
    hits = [f for f in findings(project) if f.code == "own_processing_outside_eea"]
    if not advised:
        assert hits == []
        return
    (hit,) = hits
    named = hit.issue.args["countries"].text_in("en")
    assert named == ", ".join(country_named(c).text_in("en") for c in advised)
