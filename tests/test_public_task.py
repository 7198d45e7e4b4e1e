"""A task in the public interest (Art. 6(1)(e)) is a basis only where the law gives the task
(Art. 6(3)): a private organisation that relies on it is advised, in the report's language; a
public body, and every example, is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.check_findings import check_findings
from tests.projects import EXAMPLE_FILES, example
from wizard.model.answers import LANGUAGES, LegalBasis, Project

CODE = "public_task_without_public_body"
SAYS = {
    "en": "no public body",
    "nl": "geen overheidsinstantie",
    "fr": "pas un organisme public",
    "de": "keine öffentliche Stelle",
}


def on_public_task(public_body: bool) -> Project:
    project = example("telehealth-startup")
    project.purposes[0].legal_basis = LegalBasis.PUBLIC_TASK
    assert project.dpo_facts is not None
    project.dpo_facts.public_body = public_body
    return project


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_private_organisation_on_a_public_task_is_advised(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (found,) = check_findings(on_public_task(False), lang, capsys, tmp_path, CODE)
    assert found["field"] == "purposes[0].legal_basis" and found["severity"] == "warning"
    assert SAYS[lang] in found["message"].replace("\u00a0", " "), (lang, found["message"])


def test_a_public_body_and_the_examples_are_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check_findings(on_public_task(True), "en", capsys, tmp_path, CODE) == []
    for path in EXAMPLE_FILES:
        assert check_findings(path, "en", capsys, code=CODE) == [], path
