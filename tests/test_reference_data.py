"""Honest reference data (issue 12): a national cookie provision is printed only when its
citation was confirmed against a source that can be cited; an unverified one is never printed as
fact, and the review advises checking it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.projects import example, with_translated_texts
from tests.readback import policy_docx_text
from wizard.catalog.cookie_laws import cookie_law, cookie_laws
from wizard.model import Project
from wizard.model.answers import LANGUAGES
from wizard.model.project_file import save_project

NBSP = "\u00a0"


def cookie_project(country: str) -> Project:
    project = with_translated_texts(example("physiotherapy-practice"))
    project.organisation.country = country
    project.organisation.address.country = country
    assert project.cookies.used
    return project


def test_every_confirmed_citation_has_a_cited_source_and_a_date() -> None:
    laws = cookie_laws()
    confirmed = [law for law in laws if law.confirmed]
    unverified = [law for law in laws if not law.confirmed]
    assert confirmed and unverified
    for law in confirmed:
        assert "http" in law.source and law.verified_on is not None, law.country
    for law in unverified:
        assert law.status == "unverified" and law.verified_on is None, law.country


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_unverified_provision_is_not_printed_as_fact(lang: str) -> None:
    austria = cookie_law("AT")
    assert austria is not None and not austria.confirmed
    text = policy_docx_text(cookie_project("AT"), lang).replace(NBSP, " ")
    assert austria.name(lang).replace(NBSP, " ") not in text
    assert "165" not in text and "2002/58" in text


def test_the_review_advises_checking_an_unverified_provision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wizard.cli import main

    def findings(country: str) -> list[dict]:
        path = tmp_path / f"{country}.privacy.json"
        save_project(cookie_project(country), path)
        main(["check", str(path), "--format", "json"])
        found: list[dict] = json.loads(capsys.readouterr().out)["findings"]
        return [f for f in found if f["code"] == "cookie_law_unverified"]

    (austria,) = findings("AT")
    assert austria["severity"] == "warning" and austria["page"] == "cookies"
    assert "§ 165 Abs. 3 TKG 2021" in austria["message"].replace(NBSP, " ")
    assert findings("DE") == []  # § 25 TDDDG is confirmed


def test_the_data_say_which_rows_were_confirmed() -> None:
    """The rows checked against a source in this version, and those that were not."""
    status = {law.country: law.confirmed for law in cookie_laws()}
    assert all(status[c] for c in ("BE", "DE", "FR", "IE", "IT", "LU", "NL", "ES"))
    assert not any(status[c] for c in ("AT", "DK", "HU", "RO", "SE"))


NORWAY = {
    "en": "the Electronic Communications Act of 13 December 2024 (lov om elektronisk "
    "kommunikasjon; ekomloven)",
    "nl": "de Wet elektronische communicatie van 13 december 2024 (lov om elektronisk "
    "kommunikasjon; ekomloven)",
    "fr": "la loi du 13 décembre 2024 sur les communications électroniques (lov om "
    "elektronisk kommunikasjon ; ekomloven)",
    "de": "das Gesetz über die elektronische Kommunikation vom 13. Dezember 2024 (lov om "
    "elektronisk kommunikasjon; ekomloven)",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_norway_cites_the_electronic_communications_act_in_force_since_2025(lang: str) -> None:
    norway = cookie_law("NO")
    assert norway is not None and norway.confirmed and norway.checked == "act"
    assert norway.verified_on is not None and "regjeringen.no" in norway.source
    text = " ".join(policy_docx_text(cookie_project("NO"), lang).replace(NBSP, " ").split())
    assert NORWAY[lang] in text
    assert "2-7" not in text  # the cookie section of the repealed 2003 act
