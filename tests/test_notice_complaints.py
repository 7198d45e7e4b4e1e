"""The short notice and the children's notice name the supervisory authority as the policy
does: after a colon (a name such as "Bayerisches Landesamt für Datenschutzaufsicht" or "Data
Protection Commission" cannot follow "bei", "auprès de" or "complain to" without an article),
and, for a controller established outside the EU, as one example among the authorities of the
Member States where people live or work (no one-stop shop without an establishment)."""

from __future__ import annotations

import re

import pytest

from tests.projects import example
from wizard.documents import build
from wizard.model.answers import LANGUAGES, Address, Person, Project
from wizard.render.markdown import markdown_text

#: The start of the complaints sentence for a controller outside the EU, per language.
OUTSIDE = {
    "en": "supervisory authority of the EU Member State where you live or work",
    "nl": "toezichthoudende autoriteit van de EU-lidstaat waar u woont of werkt",
    "fr": "l'État membre de l'Union européenne dans lequel vous résidez ou travaillez",
    "de": "Aufsichtsbehörde des EU-Mitgliedstaats zu beschweren, in dem Sie wohnen oder arbeiten",
}
#: The authority named right after a preposition, which its name does not fit.
AFTER_PREPOSITION = {
    "en": r"complain to (?!the )[A-Z]",
    "nl": r"klacht indienen bij (?!de |het )[A-Z]",
    "fr": r"auprès de (?!la |l'|l’)[A-Z]",
    "de": r"\bbei (?!der |dem )[A-Z]",
}


def text_of(project: Project, variant: str, lang: str) -> str:
    return " ".join(markdown_text(build(project, variant, lang)).replace("\u00a0", " ").split())


def us_company() -> Project:
    project = example("software-company")
    project.organisation.country = "US"
    project.organisation.address.country = "US"
    project.representative = Person(
        name="Acme EU Rep Ltd",
        email="eurep@example.org",
        address=Address(street="1 Grand Canal Sq", postal_code="D02", city="Dublin", country="IE"),
    )
    project.authority.catalog_id = "IE"
    return project


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_controller_outside_the_eu_names_its_authority_as_an_example(lang: str) -> None:
    text = text_of(us_company(), "notice", lang)
    assert OUTSIDE[lang] in text, lang
    assert "Data Protection Commission" in text
    # An EU controller keeps naming the authority competent for it.
    assert OUTSIDE[lang] not in text_of(example("software-company"), "notice", lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_childrens_notice_names_the_authority_after_a_colon(lang: str) -> None:
    for project in (example("physiotherapy-practice"), us_company()):
        project.children.targets_children = True
        project.children.youngest_age = 13
        text = text_of(project, "notice-children", lang)
        name = project.authority.catalog_id
        assert not re.search(AFTER_PREPOSITION[lang], text), (lang, name, text)
        assert ("Autoriteit Persoonsgegevens" in text) or ("Data Protection Commission" in text)


#: "Of our representative" in each language, said only of the representative's own authority.
OF_REPRESENTATIVE = {
    "en": "Member State of our representative",
    "nl": "lidstaat van onze vertegenwoordiger",
    "fr": "l'État membre de notre représentant",
    "de": "Mitgliedstaat unseres Vertreters",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_authority_elsewhere_is_not_called_the_representatives(lang: str) -> None:
    """A US company with its representative in Ireland that names the French CNIL: the
    policy and the notice give the CNIL as an example, not as the Irish representative's."""
    project = us_company()
    assert OF_REPRESENTATIVE[lang] in text_of(project, "policy", lang)
    project.authority.catalog_id = "FR"
    for variant in ("policy", "notice"):
        text = text_of(project, variant, lang)
        assert "Commission nationale de l'informatique et des libertés" in text
        assert OF_REPRESENTATIVE[lang] not in text, (lang, variant)
        assert OUTSIDE[lang].split()[-1] in text, (lang, variant)
