"""The law in one place: the publication gate, the DRAFT mark, the authority that fits the
controller, controllers outside the EU/EEA and inconsistent answers, read back from the
generated documents (four languages) and from the command line."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from docx import Document as DocxDocument

from tests.projects import EXAMPLE_FILES, EXAMPLES, example
from tests.readback import pdf_text
from wizard.cli import main
from wizard.languages import LANGUAGES
from wizard.law import applicability, checks, gate
from wizard.model.answers import (
    CookieCategory,
    DpoFacts,
    Duration,
    LegalBasis,
    Person,
    Project,
    Recipient,
    Safeguard,
    TimeUnit,
)
from wizard.model.project_file import load_project, save_project
from wizard.policy.engine import build_document
from wizard.review import findings

PHYSIO = EXAMPLES / "physiotherapy-practice.privacy.json"
LANGS = tuple(LANGUAGES)
DRAFT_WORD = {"en": "DRAFT", "nl": "CONCEPT", "fr": "PROJET", "de": "ENTWURF"}


def codes(project: Project) -> dict[str, str]:
    return {f.code: f.severity.value for f in findings(project)}


def munich_with_bfdi() -> Project:
    project = example("telehealth-startup")
    project.organisation.region = "DE-BY"
    project.authority.catalog_id = "DE-BUND"
    return project


# --- the gate and the draft mark -----------------------------------------------------------------


def test_render_writes_nothing_while_something_must_be_fixed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "munich.privacy.json"
    save_project(munich_with_bfdi(), source)
    out = tmp_path / "out"
    status = main(["render", str(source), "--out", str(out), "--lang", "en", "--format", "md"])
    err = capsys.readouterr().err
    assert status == 1
    assert not out.exists() or not any(out.iterdir())
    lines = [line for line in err.splitlines() if "must fix" in line]
    assert len(lines) == 1 and "(authority)" in lines[0] and "Art. 55" in lines[0]
    assert "nothing was written" in err


def test_a_draft_is_marked_on_every_page_and_in_the_metadata(tmp_path: Path) -> None:
    source = tmp_path / "munich.privacy.json"
    save_project(munich_with_bfdi(), source)
    out = tmp_path / "out"
    args = ["render", str(source), "--out", str(out), "--format", "docx,pdf,md,html", "--draft"]
    assert main([*args, "--lang", ",".join(LANGS)]) == 0
    for lang in LANGS:
        word = DRAFT_WORD[lang]
        docx = DocxDocument(str(out / f"privacy-policy-{lang}.docx"))
        assert word in docx.core_properties.title
        body = [p.text for p in docx.paragraphs]
        assert any(text.startswith(f"{word}") for text in body[:6]), body[:6]
        footer = " ".join(p.text for s in docx.sections for p in s.footer.paragraphs)
        assert word in footer
        pdf = out / f"privacy-policy-{lang}.pdf"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert word in info
        pages = int(next(x for x in info.splitlines() if x.startswith("Pages:")).split()[1])
        for page in range(1, pages + 1):
            text = pdf_text(pdf, "-f", str(page), "-l", str(page))
            assert word in text, (lang, page)
        md = (out / f"privacy-policy-{lang}.md").read_text(encoding="utf-8")
        assert word in md.split("\n## ")[0]
        html = (out / f"privacy-policy-{lang}.html").read_text(encoding="utf-8")
        assert f"<title>{DRAFT_WORD[lang]}" in html or f"({word})" in html.split("</title>")[0]


def test_a_published_policy_has_no_draft_mark() -> None:
    document = build_document(load_project(PHYSIO), "en")
    assert not document.draft and "DRAFT" not in document.text()
    assert "DRAFT" not in document.labels.effective


def test_no_effective_date_stops_the_gate_and_never_becomes_today() -> None:
    project = load_project(PHYSIO)
    project.publication.effective_date = None
    with pytest.raises(gate.NotPublishable) as raised:
        gate.check_publishable(project)
    assert [f.code for f in raised.value.findings] == ["effective_date_missing"]
    for lang in LANGS:
        document = build_document(project, lang)
        assert document.draft
        assert document.labels.effective == DRAFT_WORD[lang]
        assert document.effective_date == ""


# --- the supervisory authority -------------------------------------------------------------------


def test_an_authority_that_does_not_fit_is_a_must_fix_and_an_advice_with_a_reason() -> None:
    assert "authority_mismatch" not in codes(example("telehealth-startup"))
    project = munich_with_bfdi()
    assert codes(project)["authority_mismatch"] == "error"
    project.authority.reason = "Lead authority of our main establishment"
    assert codes(project)["authority_mismatch"] == "warning"
    lyon = load_project(PHYSIO)
    lyon.organisation.country = lyon.organisation.address.country = "FR"
    assert codes(lyon)["authority_mismatch"] == "error"  # the Dutch AP for a Lyon practice


def test_an_authority_outside_the_eea_is_never_named_as_the_supervisory_authority() -> None:
    project = load_project(PHYSIO)
    project.authority.catalog_id = "GB"
    assert codes(project)["authority_outside_eea"] == "error"
    assert "Information Commissioner" not in build_document(project, "en").text()


# --- controllers outside the EU/EEA -------------------------------------------------------------


def us_company() -> Project:
    project = example("software-company")
    project.organisation.country = project.organisation.address.country = "US"
    project.representative = Person(name="Rep Europe BV", email="rep@example.eu")
    project.authority.catalog_id = "NL"
    return project


def test_a_controller_outside_the_eu_has_no_competent_authority_and_processes_at_home() -> None:
    project = us_company()
    us = [r for r in project.recipients if r.country == "US"]
    assert us and all(not applicability.is_transfer(project, r) for r in us)
    assert not [c for c in codes(project) if c.startswith("transfer") or "authority" in c]
    words = {
        "en": ("no single supervisory authority", "process your personal data there ourselves"),
        "nl": ("niet één toezichthoudende autoriteit", "verwerken uw persoonsgegevens daar zelf"),
        "fr": ("aucune autorité de contrôle unique", "y traitons nous-mêmes"),
        "de": ("keine einzelne Aufsichtsbehörde", "verarbeiten wir Ihre personenbezogenen"),
    }
    for lang in LANGS:
        text = build_document(project, lang).text()
        for expected in words[lang]:
            assert expected in text, (lang, expected)
        assert "competent for us is" not in text


def test_an_eu_controller_still_transfers_to_its_us_providers() -> None:
    project = example("software-company")
    # Its own staff in Switzerland would make the section "Processing outside the EEA".
    project.organisation.own_processing_countries = []
    assert applicability.transfers(project)
    assert "Transfers outside the European Economic Area" in build_document(project, "en").text()


# --- inconsistent answers ------------------------------------------------------------------------


def test_a_representative_left_in_an_eu_project_is_an_advice_and_not_printed() -> None:
    project = load_project(PHYSIO)
    project.representative = Person(name="Old Rep Ltd", email="rep@example.com")
    assert codes(project)["representative_not_needed"] == "warning"
    for lang in LANGS:
        assert "Old Rep Ltd" not in build_document(project, lang).text()


def test_the_cnil_13_month_rule_only_where_french_law_applies() -> None:
    project = example("telehealth-startup")
    project.cookies.items[1].lifetime = Duration(amount=2, unit=TimeUnit.YEARS)
    assert "cookie_lifetime" not in codes(project)
    project.organisation.country = project.organisation.address.country = "FR"
    project.organisation.region = None
    assert "cookie_lifetime" in codes(project)


def test_the_cnil_13_months_leave_strictly_necessary_cookies_alone() -> None:
    """A strictly necessary cookie asks no consent, so no consent needs renewing after 13
    months: a long-lived one (a load balancer's, a login's) gets no advice on a French site,
    while a cookie of any other category does."""
    from wizard.review import findings

    project = example("telehealth-startup")
    project.organisation.country = project.organisation.address.country = "FR"
    project.organisation.region = None
    for cookie in project.cookies.items:
        cookie.lifetime = Duration(amount=2, unit=TimeUnit.YEARS)
    flagged = {f.issue.field for f in findings(project) if f.code == "cookie_lifetime"}
    expected = {
        f"cookies.items[{i}].lifetime"
        for i, cookie in enumerate(project.cookies.items)
        if cookie.category is not CookieCategory.STRICTLY_NECESSARY
    }
    assert expected and flagged == expected
    assert len(expected) < len(project.cookies.items)


def test_analytics_on_legitimate_interests_while_its_cookies_need_consent() -> None:
    project = example("telehealth-startup")
    assert "analytics_on_legitimate_interests" not in codes(project)
    assert any(c.category is CookieCategory.ANALYTICS for c in project.cookies.items)
    purpose = project.purposes[0]
    project.recipients.append(
        Recipient(
            name="Google Analytics",
            catalog_id="google-analytics",
            country="IE",
            purposes=[purpose.id],
            safeguard=Safeguard.DPF,
        )
    )
    purpose.legal_basis = LegalBasis.LEGITIMATE_INTERESTS
    purpose.legitimate_interest.root["en"] = "Knowing which pages are read"
    assert codes(project)["analytics_on_legitimate_interests"] == "error"


# --- the registry and the examples ---------------------------------------------------------------


def test_checks_carry_stable_codes_pages_and_articles() -> None:
    for code, registered in checks.REGISTRY.items():
        assert registered.code == code and registered.article and registered.explanation


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_no_example_is_blocked_by_the_gate(path: Path) -> None:
    assert gate.blockers(load_project(path)) == []


# --- the data protection officer -----------------------------------------------------------------


def coverage_of(project: Project, element: str) -> str:
    from wizard.review import review

    return next(c.status.value for c in review(project, "en").coverage if c.element.id == element)


def test_a_lone_practice_needs_no_officer_and_coverage_does_not_call_it_missing() -> None:
    project = load_project(PHYSIO)
    assert project.dpo is None and project.dpo_facts == DpoFacts()
    assert not {"dpo_required", "dpo_for_large_scale_health"} & set(codes(project))
    assert coverage_of(project, "dpo_contact") == "not_applicable"


def test_large_scale_health_data_as_core_activity_requires_an_officer() -> None:
    project = example("telehealth-startup")
    project.dpo = None
    assert "dpo_required" in codes(project)  # the example says its core activity is health data
    assert coverage_of(project, "dpo_contact") == "missing"
    project.dpo_facts = None  # not answered: only the advice, and not "missing"
    assert codes(project).get("dpo_for_large_scale_health") == "warning"
    assert "dpo_required" not in codes(project)
    assert coverage_of(project, "dpo_contact") == "not_applicable"


@pytest.mark.parametrize(
    ("country", "region", "people", "required"),
    [("DE", "DE-BE", 25, True), ("DE", "DE-BE", 19, False), ("NL", None, 25, False)],
)
def test_the_german_20_person_rule_applies_in_germany_only(
    country: str, region: str | None, people: int, required: bool
) -> None:
    project = load_project(PHYSIO)
    project.organisation.country = project.organisation.address.country = country
    project.organisation.region = region
    project.authority.catalog_id = region or country
    project.dpo_facts = DpoFacts(people_processing=people)
    found = [f for f in findings(project) if f.code == "dpo_required"]
    assert bool(found) is required
    if required:
        assert "§ 38" in found[0].text() and found[0].severity.value == "error"


def test_notes_the_policy_does_not_print_are_no_new_version() -> None:
    from wizard.history import diff

    old = load_project(PHYSIO)
    new = old.model_copy(deep=True)
    new.dpo_facts = DpoFacts(public_body=True)
    new.authority.reason = "Lead authority"
    assert diff(old, new) == []


def test_the_gate_counts_missing_texts_only_in_the_languages_written(tmp_path: Path) -> None:
    project = load_project(PHYSIO)
    del project.purposes[0].name.root["nl"]
    assert gate.blockers(project, ["en"]) == []
    assert [f.field for f in gate.blockers(project, ["en", "nl"])] == ["purposes[0].name.nl"]


def test_the_generation_service_itself_refuses_to_publish(tmp_path: Path) -> None:
    from wizard.output import generate

    project = munich_with_bfdi()
    with pytest.raises(gate.NotPublishable):
        generate(project, tmp_path, ["en"], ["md"], processes=1)
    assert list(tmp_path.iterdir()) == []
    written = generate(project, tmp_path, ["en"], ["md"], processes=1, draft=True)
    assert "DRAFT" in written[0].read_text(encoding="utf-8")


def test_render_without_format_uses_the_projects_formats(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["render", str(PHYSIO), "--lang", "en", "--out", str(out)]) == 0
    assert sorted(p.suffix for p in out.iterdir()) == [".docx", ".pdf"]
