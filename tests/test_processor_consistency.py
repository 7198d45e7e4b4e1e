"""What the policy says about processors follows the answers: contracts with processors are no
security measure of a policy that names no processor, and an online service with no recipient
at all (nobody hosting the website?) gets an advice; both advices are in the report's
language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.projects import EXAMPLE_FILES, example
from wizard.cli import main
from wizard.model.answers import LANGUAGES, Project
from wizard.model.project_file import save_project
from wizard.policy.engine import build_document
from wizard.render.markdown import markdown_text

MEASURE = {
    "en": "Data processing agreements with our processors (Article 28 GDPR)",
    "nl": "Verwerkersovereenkomsten met onze verwerkers (art. 28 AVG)",
    "fr": "Contrats de sous-traitance avec nos sous-traitants (article 28 du RGPD)",
    "de": "Verträge zur Auftragsverarbeitung mit unseren Auftragsverarbeitern (Art. 28 DSGVO)",
}
#: A word of each advice's message in each language.
ADVICE = {
    "processor_agreements_without_processor": {
        "en": "processor",
        "nl": "verwerker",
        "fr": "sous-traitant",
        "de": "Auftragsverarbeiter",
    },
    "online_service_without_recipient": {
        "en": "hosts",
        "nl": "host",
        "fr": "héberge",
        "de": "hostet",
    },
}


def without_recipients() -> Project:
    project = example("physiotherapy-practice")
    project.recipients = []
    return project


def text(project: Project, lang: str) -> str:
    return " ".join(markdown_text(build_document(project, lang)).replace("\u00a0", " ").split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_processor_contracts_are_claimed_without_a_processor(lang: str) -> None:
    project = example("physiotherapy-practice")
    assert project.security.measures and MEASURE[lang] in text(project, lang)
    assert MEASURE[lang] not in text(without_recipients(), lang), lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_check_advises_on_both_in_the_reports_language(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.privacy.json"
    save_project(without_recipients(), path)
    assert main(["check", str(path), "--lang", lang, "--format", "json"]) == 0
    found = {f["code"]: f for f in json.loads(capsys.readouterr().out)["findings"]}
    for code, words in ADVICE.items():
        assert code in found, (lang, code)
        assert found[code]["severity"] == "warning"
        assert words[lang] in found[code]["message"], (lang, found[code]["message"])
        if lang != "en":
            assert "recipient" not in found[code]["message"], (lang, code)


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_no_example_gets_either_advice(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(example), "--format", "json"])
    codes = {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert not codes & set(ADVICE), example
