"""Germany requires a data protection officer, whatever the headcount, from an organisation whose
processing needs an impact assessment (§ 38(1), second sentence, BDSG): a small German app for
teenagers gets that advice in the report's language; the same app in Ireland, one with an
officer, and one already told an officer is required, do not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.check_findings import check_findings
from tests.projects import example
from wizard.model.answers import LANGUAGES, Project

CODE = "dpo_for_impact_assessment"
#: The words of the advice in each language, besides the provision.
SAYS = {
    "en": "whatever the number of people",
    "nl": "ongeacht het aantal medewerkers",
    "fr": "quel que soit le nombre de personnes",
    "de": "unabhängig von der Zahl der beschäftigten Personen",
}


def teen_app(country: str = "DE") -> Project:
    """The Berlin start-up as a small app for 13 to 17 year olds, without an officer."""
    project = example("telehealth-startup")
    project.dpo = None
    assert project.dpo_facts is not None
    project.dpo_facts.large_scale_special = False
    project.dpo_facts.people_processing = 5
    project.children.targets_children = True
    project.children.youngest_age = 13
    project.children.oldest_age = 17
    if country != "DE":
        project.organisation.country = country
        project.organisation.region = None
        project.organisation.address.country = country
        project.authority.catalog_id = country
    return project


def advice(
    project: Project, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> list[dict[str, Any]]:
    return check_findings(project, lang, capsys, tmp_path, CODE)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_small_german_app_for_teenagers_is_told_about_the_officer(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (found,) = advice(teen_app(), lang, tmp_path, capsys)
    message = found["message"].replace("\u00a0", " ")
    assert found["severity"] == "warning" and found["field"] == "dpo"
    assert "§ 38 Abs. 1 Satz 2 BDSG" in message and SAYS[lang] in message, message


def test_no_advice_where_it_does_not_apply(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert advice(teen_app("IE"), "en", tmp_path, capsys) == []
    with_officer = teen_app()
    with_officer.dpo = example("telehealth-startup").dpo
    assert advice(with_officer, "en", tmp_path, capsys) == []
    # Already required by the headcount rule: the must-fix finding says it; no second advice.
    many = teen_app()
    assert many.dpo_facts is not None
    many.dpo_facts.people_processing = 25
    assert advice(many, "en", tmp_path, capsys) == []
    # Not meant for children: nothing suggests an impact assessment.
    adults = teen_app()
    adults.children.targets_children = False
    adults.children.youngest_age = adults.children.oldest_age = None
    assert advice(adults, "en", tmp_path, capsys) == []
