"""Starter projects say what each data category holds in their policy (``data_details``), in
all four languages, as editable proposals: a new project from a starter prints those specific
examples, read back from the generated DOCX, and nothing generic it did not choose."""

from __future__ import annotations

import re

import pytest

from tests.readback import policy_docx_text, squash
from wizard.languages import LANGUAGES
from wizard.model import Project
from wizard.model.answers import DataCategory
from wizard.starters import load_starter, starters

STARTERS = [s.id for s in starters()]


def policy_text(project: Project, lang: str) -> str:
    """The generated DOCX policy as a reader sees it, spaces folded."""
    return squash(policy_docx_text(project, lang))


def test_every_category_of_every_starter_purpose_has_details_in_every_language() -> None:
    for starter_id in STARTERS:
        for purpose in load_starter(starter_id).purposes:
            for category in purpose.data_categories:
                details = purpose.data_details.get(category)
                if category is DataCategory.NATIONAL_ID:
                    # Which number depends on the country, which a starter does not know yet.
                    assert details is None, (starter_id, purpose.id)
                    continue
                assert details is not None, (starter_id, purpose.id, category)
                for lang in LANGUAGES:
                    assert details.get(lang), (starter_id, purpose.id, category, lang)


@pytest.mark.parametrize("starter_id", STARTERS)
def test_a_new_project_from_a_starter_prints_its_details(starter_id: str) -> None:
    project = load_starter(starter_id)
    for lang in LANGUAGES:
        text = policy_text(project, lang)
        for purpose in project.purposes:
            for category, details in purpose.data_details.items():
                proposal = details.get(lang)
                assert proposal, (starter_id, lang, purpose.id, category)
                expected = re.sub(r"\s+", " ", proposal)
                assert expected in text, (starter_id, lang, purpose.id, category)


def test_the_dental_starter_prints_what_each_purpose_holds_and_no_fixed_examples() -> None:
    project = load_starter("dental")
    expected = {
        "en": [
            "Data concerning health: dental and medical history, examination findings, X-rays",
            "impressions or scans of your teeth",
        ],
        "nl": ["röntgenfoto's", "afdrukken of scans van uw gebit"],
        "fr": ["radiographies", "empreintes ou scans de vos dents"],
        "de": ["Röntgenaufnahmen", "Abdrücke oder Scans Ihrer Zähne"],
    }
    for lang in LANGUAGES:
        text = policy_text(project, lang)
        for phrase in expected[lang]:
            assert phrase in text, (lang, phrase)
    # The former fixed example list of the health category is not printed.
    assert "medical history, diagnoses, treatment notes" not in policy_text(project, "en")


@pytest.mark.parametrize("starter_id", STARTERS)
def test_a_starter_cites_no_national_statute_before_the_country_is_known(starter_id: str) -> None:
    """A starter fits a practice or company in any country: a retention period it proposes
    names no country's statute (the Dutch AWR in a French practice's policy would be false)."""
    project = load_starter(starter_id)
    assert all(not p.retention.statutory_reference for p in project.purposes)
    for lang in LANGUAGES:
        text = policy_text(project, lang)
        for statute in ("AWR", "BGB", "WER", "147 AO"):
            assert statute not in text, (starter_id, lang, statute)
