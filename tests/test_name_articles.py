"""The organisation's name inside the sentences of every document, in German and French: the
article a name starting with a common noun needs, in the case or contraction the words before
it govern ("von der Praxis", "vom MVZ", "du Cabinet", "d'Acme"), capitalised at the start of a
sentence, and none for a company's name with its legal form (German) or a brand's. English and
Dutch use the name as it is. Read back from the DOCX files (text and subject metadata)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.projects import example, with_translated_texts
from tests.readback import docx_text, open_docx, squash
from wizard.documents import build
from wizard.model.answers import Project
from wizard.model.project_file import (
    ProjectFileError,
    load_project,
    loads_project,
    project_schema,
    save_project,
)
from wizard.output import render_bytes
from wizard.policy.grammar import fill_name, name_in_sentence

VARIANTS = ("policy", "notice", "notice-children", "records", "consent")

#: Name -> (as the subject, after "von").
GERMAN = {
    "Praxis Dr. Muster": ("die Praxis Dr. Muster", "von der Praxis Dr. Muster"),
    "Physiotherapie Gruber": ("die Physiotherapie Gruber", "von der Physiotherapie Gruber"),
    "Zahnarztpraxis am Markt GmbH": (
        "Zahnarztpraxis am Markt GmbH",
        "von Zahnarztpraxis am Markt GmbH",
    ),
    "MVZ Nord": ("das MVZ Nord", "vom MVZ Nord"),
    "Medizinisches Versorgungszentrum Süd": (
        "das Medizinische Versorgungszentrum Süd",
        "vom Medizinischen Versorgungszentrum Süd",
    ),
    "Pflegedienst Sonnenschein": ("der Pflegedienst Sonnenschein", "vom Pflegedienst Sonnenschein"),
    "Dr. Anna Weber": ("Dr. Anna Weber", "von Dr. Anna Weber"),
}

#: Name -> (as the subject, after "de", after "que").
FRENCH = {
    "Cabinet Dupont": ("le Cabinet Dupont", "du Cabinet Dupont", "que le Cabinet Dupont"),
    "Institut Lumière": ("l'Institut Lumière", "de l'Institut Lumière", "que l'Institut Lumière"),
    "Clinique du Parc SA": (
        "la Clinique du Parc SA",
        "de la Clinique du Parc SA",
        "que la Clinique du Parc SA",
    ),
    "Centre médical Pasteur": (
        "le Centre médical Pasteur",
        "du Centre médical Pasteur",
        "que le Centre médical Pasteur",
    ),
    "Acme SAS": ("Acme SAS", "d'Acme SAS", "qu'Acme SAS"),
}


@pytest.fixture(scope="module")
def project() -> Project:
    project = with_translated_texts(example("telehealth-startup"))
    project.children.targets_children = True
    project.organisation.trading_name = ""
    return project


def _read(project: Project, name: str, lang: str) -> dict[str, tuple[str, str]]:
    """Each document's text and subject with the organisation named ``name``."""
    changed = project.model_copy(deep=True)
    changed.organisation.legal_name = name
    out = {}
    for variant in VARIANTS:
        data = render_bytes(build(changed, variant, lang), "docx")
        out[variant] = (squash(docx_text(data)), open_docx(data).core_properties.subject)
    return out


@pytest.mark.parametrize("name", GERMAN)
def test_german_documents_decline_the_name(project: Project, name: str) -> None:
    subject, after_von = GERMAN[name]
    docs = _read(project, name, "de")
    policy, policy_subject = docs["policy"]
    assert f"wie wir, {subject}, Ihre" in policy
    assert f"(DSGVO) ist {subject}; wir" in policy
    assert policy_subject.startswith(f"Wie {subject} personenbezogene")
    notice, notice_subject = docs["notice"]
    assert f"{subject[0].upper()}{subject[1:]} ist Verantwortlicher" in notice
    assert f", wie {subject} personenbezogene" in notice_subject
    assert f"Wir sind {subject}." in docs["notice-children"][0]
    consent, consent_subject = docs["consent"]
    assert f"ein, dass {subject} meine" in consent
    assert f"ein, dass {subject} die personenbezogenen Daten meines Kindes" in consent
    assert consent_subject == f"Einwilligungstexte {after_von}"
    assert docs["records"][1].startswith(f"Verzeichnis von Verarbeitungstätigkeiten {after_von}")
    if subject != name:  # the reviewer's "ist Physiotherapie Gruber"
        for text, _ in docs.values():
            assert f"ist {name}" not in text and f"dass {name}" not in text


@pytest.mark.parametrize("name", FRENCH)
def test_french_documents_give_the_name_its_article(project: Project, name: str) -> None:
    subject, after_de, after_que = FRENCH[name]
    docs = _read(project, name, "fr")
    policy, policy_subject = docs["policy"]
    assert f"explique comment {subject} traite" in policy
    assert f"(RGPD) est {subject} :" in policy  # squashed no-break space
    assert policy_subject == f"Traitement des données à caractère personnel par {subject}"
    notice, notice_subject = docs["notice"]
    assert f"{subject[0].upper()}{subject[1:]} est le responsable" in notice
    assert f"dont {subject} traite" in notice_subject
    assert f"Nous sommes {subject}." in docs["notice-children"][0]
    consent, consent_subject = docs["consent"]
    assert f"je consens à ce {after_que}" in consent.replace("Je consens", "je consens")
    assert consent_subject == f"Textes de consentement {after_de}"
    assert docs["records"][1].startswith(f"Registre des activités de traitement {after_de} (")
    if subject != name:
        for text, _ in docs.values():
            assert f"de {name}" not in text and f"que {name}" not in text


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_english_and_dutch_use_the_name_as_it_is(project: Project, lang: str) -> None:
    for name in ("Physiotherapie Gruber", "Cabinet Dupont", "Fysiotherapie De Linde B.V."):
        docs = _read(project, name, lang)
        assert name_in_sentence(name, lang) == name
        assert all(name in text for text, _ in docs.values())
        assert name in docs["consent"][1] and name in docs["records"][1]


def test_cases_contractions_and_the_limits_of_adjectives() -> None:
    assert fill_name("für {o}", "{o}", "Pflegedienst Nord", "de") == "für den Pflegedienst Nord"
    assert fill_name("bei {o}", "{o}", "Gesundheitszentrum Ost", "de") == (
        "beim Gesundheitszentrum Ost"
    )
    assert fill_name("zu {o}", "{o}", "Praxis Nord", "de") == "zur Praxis Nord"
    assert fill_name("mit {o}", "{o}", "Neue Praxis am Dom", "de") == "mit der Neuen Praxis am Dom"
    assert fill_name("für {o}", "{o}", "Evangelischer Pflegedienst", "de") == (
        "für den Evangelischen Pflegedienst"
    )
    # A surname before the noun is not an adjective; a name with its own article keeps it.
    assert name_in_sentence("Müller Praxis", "de") == "Müller Praxis"
    assert fill_name("Von {o}", "{o}", "Die Praxis am Markt", "de") == "Von der Praxis am Markt"
    assert fill_name("à {o}", "{o}", "Cabinet Dupont", "fr") == "au Cabinet Dupont"
    assert fill_name("à {o}", "{o}", "Institut Lumière", "fr") == "à l'Institut Lumière"
    assert fill_name("de {o}", "{o}", "Le Monde Santé", "fr") == "du Monde Santé"
    assert fill_name("{o}. {o}", "{o}", "Maison de santé Nord", "fr") == (
        "La Maison de santé Nord. La Maison de santé Nord"
    )
    assert fill_name("x {o}", "{o}", "Cabinet Dupont", "nl") == "x Cabinet Dupont"


def test_the_chosen_article_is_saved_and_checked_against_the_language(
    project: Project, tmp_path: Path
) -> None:
    changed = project.model_copy(deep=True)
    changed.organisation.legal_name = "Zahnarztpraxis am Markt GmbH"
    changed.organisation.name_article = {"de": "die", "fr": "none"}
    path = tmp_path / "p.privacy.json"
    save_project(changed, path)
    assert json.loads(path.read_text(encoding="utf-8"))["organisation"]["name_article"] == {
        "de": "die",
        "fr": "none",
    }
    loaded = load_project(path)
    assert loaded.organisation.name_article == {"de": "die", "fr": "none"}
    policy = squash(docx_text(render_bytes(build(loaded, "policy", "de"), "docx")))
    assert "(DSGVO) ist die Zahnarztpraxis am Markt GmbH; wir" in policy
    records = open_docx(render_bytes(build(loaded, "records", "de"), "docx"))
    assert "von der Zahnarztpraxis am Markt GmbH" in records.core_properties.subject
    # "none" in French: the name as it is, even where a noun would give it one.
    loaded.organisation.legal_name = "Cabinet Dupont"
    french = squash(docx_text(render_bytes(build(loaded, "policy", "fr"), "docx")))
    assert "explique comment Cabinet Dupont traite" in french

    data = json.loads(path.read_text(encoding="utf-8"))
    for wrong in ({"de": "le"}, {"xx": "die"}, {"en": "the"}):
        data["organisation"]["name_article"] = wrong
        with pytest.raises(ProjectFileError, match="name_article"):
            loads_project(json.dumps(data))
    schema = project_schema()["$defs"]["Organisation"]["properties"]
    assert "name_article" in schema
