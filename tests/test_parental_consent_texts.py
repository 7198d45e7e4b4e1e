"""Consent texts for a service meant for minors below the Art. 8 age: beside each person's own
checkbox sentence, a sentence for the parent or guardian who gives or authorises the consent
(Art. 8(1)), in the document and in the web snippet, in all four languages; a service whose
youngest users have reached the age, and one for adults, get none."""

from __future__ import annotations

import html

import pytest

from tests.projects import example
from wizard.documents import build
from wizard.model.answers import LANGUAGES, Project
from wizard.render.markdown import markdown_text
from wizard.render.snippets import snippet_text

PARENT = {
    "en": "As a parent or guardian, I explicitly consent to Klarblick Health GmbH processing "
    "my child's personal data",
    "nl": "Als ouder of voogd geef ik Klarblick Health GmbH uitdrukkelijke toestemming om de "
    "persoonsgegevens van mijn kind",
    "fr": "En tant que parent ou tuteur, je consens explicitement à ce que Klarblick Health "
    "GmbH traite les données à caractère personnel de mon enfant",
    "de": "Als Elternteil oder Vormund willige ich ausdrücklich ein, dass Klarblick Health GmbH "
    "die personenbezogenen Daten meines Kindes",
}
UNDER = {
    "en": "are under 16",
    "nl": "jonger dan 16 jaar",
    "fr": "moins de 16 ans",
    "de": "jünger als 16",
}


def for_teenagers(youngest: int) -> Project:
    project = example("telehealth-startup")
    project.children.targets_children = True
    project.children.youngest_age = youngest
    project.children.oldest_age = 17
    project.children.age_threshold = 16
    return project


def flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_minors_below_the_age_get_a_parents_checkbox_text(lang: str) -> None:
    project = for_teenagers(13)
    document = build(project, "consent", lang)
    text = flat(markdown_text(document))
    assert PARENT[lang] in text and UNDER[lang] in text, lang
    snippet = flat(html.unescape(snippet_text(project, "consent", document, "snippet.html")))
    assert PARENT[lang] in snippet and 'name="parental-consent-' in snippet, lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_parents_text_where_no_one_is_below_the_age(lang: str) -> None:
    for project in (for_teenagers(16), example("telehealth-startup")):
        text = flat(markdown_text(build(project, "consent", lang)))
        assert PARENT[lang] not in text and UNDER[lang] not in text, lang
