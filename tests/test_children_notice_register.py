"""One register per document: the notice for children says "je", "tu", "du" and lists the
purposes by name, so a name that says "uw", "votre" or "Ihre" switches register inside it. The
check advises (in the report's language) for each such purpose, and stops once the name does
not address the reader; it says nothing when no notice for children is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.check_findings import check_findings
from tests.projects import example
from wizard.documents import build
from wizard.model.answers import LANGUAGES, LocalText, Project
from wizard.render.markdown import markdown_text

CODE = "children_notice_register"
#: The advice in each language names the formal words it found.
SAYS = {"en": "formally", "nl": "formeel", "fr": "vouvoie", "de": "förmlich"}


def for_teenagers() -> Project:
    project = example("telehealth-startup")
    project.children.targets_children = True
    project.children.youngest_age = 13
    return project


def advice(
    project: Project, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> list[dict[str, Any]]:
    return check_findings(project, lang, capsys, tmp_path, CODE)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_formal_purpose_name_in_the_childrens_notice_is_advised_against(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = for_teenagers()
    account = next(i for i, p in enumerate(project.purposes) if p.id == "account")
    # The problem as a reader sees it: the notice for children says "Ihres" beside "du".
    notice = markdown_text(build(project, "notice-children", "de"))
    assert "Ihres Benutzerkontos" in notice and " du " in notice
    found = {f["field"]: f for f in advice(project, lang, tmp_path, capsys)}
    hit = found[f"purposes[{account}].name"]
    assert SAYS[lang] in hit["message"] and "Ihres" in hit["message"], (lang, hit)
    # Named without addressing the reader, the purpose fits both documents.
    project.purposes[account].name = LocalText(
        {
            "en": "Setting up and managing the user account",
            "nl": "Aanmaken en beheren van het gebruikersaccount",
            "fr": "Création et gestion du compte utilisateur",
            "de": "Einrichtung und Verwaltung des Benutzerkontos",
        }
    )
    fields = {f["field"] for f in advice(project, lang, tmp_path, capsys)}
    assert f"purposes[{account}].name" not in fields, lang


def test_no_advice_without_a_notice_for_children(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert advice(example("telehealth-startup"), "en", tmp_path, capsys) == []
