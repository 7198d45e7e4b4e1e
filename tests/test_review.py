"""The review without a window: coverage of Art. 13/14 in the real document, and findings."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.projects import EXAMPLE_FILES, EXAMPLES, TRANSLATED, example
from wizard import review
from wizard.cli import main
from wizard.flow import PageId
from wizard.i18n import translation
from wizard.languages import LANGUAGES
from wizard.model.answers import (
    CookieCategory,
    Duration,
    LegalBasis,
    LocalText,
    Person,
    Project,
    Safeguard,
    Service,
    TimeUnit,
)
from wizard.model.project_file import load_project
from wizard.policy.engine import build_document
from wizard.review import Severity, Status

PHYSIO = EXAMPLES / "physiotherapy-practice.privacy.json"
SOFTWARE = EXAMPLES / "software-company.privacy.json"


def physio() -> Project:
    return load_project(PHYSIO)


def software() -> Project:
    return load_project(SOFTWARE)


def telehealth() -> Project:
    return example("telehealth-startup")


def by_code(project: Project, code: str) -> list[review.Finding]:
    return [f for f in review.findings(project) if f.code == code]


def the_one(project: Project, code: str) -> review.Finding:
    found = by_code(project, code)
    assert len(found) == 1, [(f.code, f.text()) for f in review.findings(project)]
    return found[0]


# --- the examples ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_complete_examples_have_nothing_to_fix(path: Path) -> None:
    project = load_project(path)
    assert review.errors(review.findings(project)) == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_coverage_names_real_sections(path: Path, lang: str) -> None:
    project = load_project(path)
    document = build_document(project, lang)
    headings = {h.anchor: h for h in document.headings() if h.number}
    items, problems = review.coverage(project, lang)
    assert problems == []
    assert [c.element.id for c in items] == list(review.ELEMENT_IDS)
    for c in items:
        assert c.status is not Status.MISSING, (c.element.id, c.reason_text())
        if c.status in (Status.COVERED, Status.PARTIAL):
            heading = headings[c.anchor]
            assert (c.section, c.heading) == (heading.number, heading.text)
            assert c.where() == heading.numbered_text


def test_coverage_of_the_telehealth_example_section_by_section() -> None:
    items = {c.element.id: c for c in review.coverage(telehealth(), "en")[0]}
    where = {k: (c.status.value, c.where()) for k, c in items.items()}
    # The telehealth service is for adults only: no children section (issue 12, point 8).
    assert where == {
        "controller_identity": ("covered", "1. Who is responsible for your data"),
        "representative_identity": ("not_applicable", ""),
        "dpo_contact": ("covered", "1.1 Data protection officer"),
        "purposes": ("covered", "2. What data we process, why, and for how long"),
        "legal_basis": ("covered", "2. What data we process, why, and for how long"),
        "legitimate_interests": ("covered", "2.1 Our legitimate interests"),
        "data_categories": ("covered", "2. What data we process, why, and for how long"),
        "recipients": ("covered", "4. Who receives your data"),
        "transfers": ("covered", "5. Transfers outside the European Economic Area"),
        "retention": ("covered", "2. What data we process, why, and for how long"),
        "rights_access": ("covered", "9. Your rights"),
        "rights_rectification": ("covered", "9. Your rights"),
        "rights_erasure": ("covered", "9. Your rights"),
        "rights_restriction": ("covered", "9. Your rights"),
        "right_to_object": ("covered", "9.2 Right to object"),
        "right_to_portability": ("covered", "9. Your rights"),
        "right_to_withdraw_consent": ("covered", "9. Your rights"),
        "right_to_complain": ("covered", "10. Complaints"),
        # One purpose does not say whether the data must be given.
        "statutory_or_contractual_requirement": (
            "partial",
            "2.3 Do you have to provide your data?",
        ),
        "automated_decision_making": ("covered", "7. Automated decision-making"),
        "source_of_data": ("covered", "3. Where we obtain your data"),
        "further_processing_notice": ("not_applicable", "11. Changes to this privacy policy"),
    }


def test_coverage_follows_the_answers() -> None:
    items = {c.element.id: c for c in review.coverage(physio(), "en")[0]}
    assert items["representative_identity"].status is Status.NOT_APPLICABLE
    assert "established in the EU" in items["representative_identity"].reason_text()
    assert items["transfers"].status is Status.NOT_APPLICABLE
    assert items["transfers"].reason_text() == "no transfers: every recipient is in the EEA"
    # Referrals from other doctors: Art. 14 applies and its section is in the document.
    assert items["source_of_data"].status is Status.COVERED
    assert items["source_of_data"].heading == "Where we obtain your data"
    assert items["legitimate_interests"].where() == "2.1 Our legitimate interests"

    items = {c.element.id: c for c in review.coverage(software(), "en")[0]}
    assert items["source_of_data"].status is Status.NOT_APPLICABLE
    assert "Art. 14(2)(f) does not apply" in items["source_of_data"].reason_text()
    assert items["data_categories"].status is Status.NOT_APPLICABLE
    assert items["transfers"].status is Status.COVERED
    assert items["transfers"].anchor == "transfers"
    assert items["right_to_withdraw_consent"].status is Status.COVERED  # the newsletter

    items = {c.element.id: c for c in review.coverage(telehealth(), "de")[0]}
    assert items["dpo_contact"].status is Status.COVERED
    assert items["dpo_contact"].section == "1.1"
    assert items["dpo_contact"].heading == translation("policy", "de").gettext(
        "Data protection officer"
    )


def test_coverage_reports_what_the_document_lacks() -> None:
    project = software()
    project.automated_decisions.used = None
    project.recipients[1].safeguard = Safeguard.NONE
    items = {c.element.id: c for c in review.coverage(project, "en")[0]}
    assert items["automated_decision_making"].status is Status.MISSING
    assert items["transfers"].status is Status.PARTIAL
    assert "Mailchimp" in items["transfers"].reason_text()
    # Nothing without its section: the automated-decisions section is gone from the document.
    assert "automated-decisions" not in {h.anchor for h in build_document(project, "en").headings()}


def test_coverage_reads_the_document_not_the_answers() -> None:
    """A document without the complaints section, or without the portability sentence, does
    not cover those elements, whatever the answers say."""
    import dataclasses

    from wizard.policy.document import Heading, ListBlock

    project = physio()
    document = build_document(project, "en")
    blocks = []
    skipping = False
    for block in document.blocks:
        if isinstance(block, Heading):
            skipping = block.anchor == "complaints"
        if isinstance(block, ListBlock):
            # Each item with what it declares: the portability item and its declaration go.
            declared = block.item_covers or ((),) * len(block.items)
            kept = [
                (item, covers)
                for item, covers in zip(block.items, declared, strict=True)
                if "portability" not in "".join(s.text for s in item)
            ]
            block = ListBlock(tuple(i for i, _ in kept), block.ordered, tuple(c for _, c in kept))
        if not skipping:
            blocks.append(block)
    trimmed = dataclasses.replace(document, blocks=tuple(blocks))
    items = {c.element.id: c for c in review.coverage(project, "en", trimmed)[0]}
    assert items["right_to_complain"].status is Status.MISSING
    assert items["right_to_complain"].reason_text() == "not found in the document"
    assert items["right_to_portability"].status is Status.MISSING
    assert items["rights_access"].status is Status.COVERED


def test_coverage_when_the_policy_cannot_be_written_in_a_language() -> None:
    project = physio()
    project.purposes[0].name = LocalText({"en": "Appointments"})
    items, problems = review.coverage(project, "nl")
    assert problems and "purposes[0].name" in problems[0]
    statuses = {c.element.id: c.status for c in items}
    assert statuses["purposes"] is Status.MISSING
    assert statuses["transfers"] is Status.NOT_APPLICABLE


def test_every_element_of_the_reference_table_is_listed() -> None:
    assert review.ELEMENT_IDS[0] == "controller_identity"
    assert review.ELEMENT_IDS[-1] == "further_processing_notice"
    assert len(set(review.ELEMENT_IDS)) == len(review.ELEMENT_IDS) == 22
    refs = {e.id: (e.art13, e.art14) for e in review.ELEMENTS}
    assert refs["legitimate_interests"] == ("13(1)(d)", "14(2)(b)")
    assert refs["data_categories"] == ("", "14(1)(d)")
    assert refs["statutory_or_contractual_requirement"] == ("13(2)(e)", "")


# --- each finding, from a deliberately flawed project ---------------------------------------------


def _no_safeguard(p: Project) -> None:
    p.recipients[1].safeguard = None


def _privacy_shield(p: Project) -> None:
    p.recipients[1].safeguard = Safeguard.PRIVACY_SHIELD


def _dpf_outside_us(p: Project) -> None:
    p.recipients[1].country = "IN"


def _no_art9(p: Project) -> None:
    p.purposes[1].special_condition = None


def _no_basis(p: Project) -> None:
    p.purposes[0].legal_basis = None


def _no_interest(p: Project) -> None:
    p.purposes[3].legitimate_interest = LocalText()


def _no_withdrawal(p: Project) -> None:
    p.organisation.email = None
    p.rights.email = None
    p.rights.web_form = None


def _cookies_no_consent(p: Project) -> None:
    p.cookies.consent_mechanism = LocalText()


def _long_cookie(p: Project) -> None:
    """A two-year cookie on a website under French law (the CNIL's 13-month rule)."""
    p.cookies.items[1].lifetime = Duration(amount=2, unit=TimeUnit.YEARS)
    p.organisation.country = p.organisation.address.country = "FR"
    p.organisation.region = None
    p.authority.catalog_id = "FR"


def _low_age(p: Project) -> None:
    p.children.age_threshold = 13


def _no_dpo(p: Project) -> None:
    """No officer, and the facts that decide it not answered (the review then guesses)."""
    p.dpo = None
    p.dpo_facts = None


def _outside_eu(p: Project) -> None:
    p.organisation.country = "US"
    p.organisation.address.country = "US"
    p.representative = None


def _missing_language(p: Project) -> None:
    p.purposes[0].name = LocalText({"en": "Appointments", "fr": "Rendez-vous", "de": "Termine"})


def _vague_retention(p: Project) -> None:
    retention = p.purposes[0].retention
    retention.period = None
    retention.criteria = LocalText(
        {
            "en": "As long as necessary.",
            "nl": "Zo lang als nodig.",
            "fr": "Aussi longtemps que nécessaire.",
            "de": "So lange wie nötig.",
        }
    )


def _no_land(p: Project) -> None:
    p.organisation.region = None


def _no_cookie_list(p: Project) -> None:
    p.cookies.items = []


def _recipient_without_task(p: Project) -> None:
    p.recipients[0].service = LocalText()


FLAWS: list[
    tuple[str, Callable[[], Project], Callable[[Project], None], str, Severity, str, PageId, str]
] = [
    # (id, example, change, code, severity, field, page, article needle)
    (
        "no-safeguard",
        software,
        _no_safeguard,
        "transfer_without_safeguard",
        Severity.ERROR,
        "recipients[1].safeguard",
        PageId.TRANSFERS,
        "Art. 44",
    ),
    (
        "privacy-shield",
        software,
        _privacy_shield,
        "transfer_privacy_shield",
        Severity.ERROR,
        "recipients[1].safeguard",
        PageId.TRANSFERS,
        "C-311/18",
    ),
    (
        "dpf-outside-us",
        software,
        _dpf_outside_us,
        "transfer_wrong_safeguard",
        Severity.ERROR,
        "recipients[1].safeguard",
        PageId.TRANSFERS,
        "Art. 45",
    ),
    (
        "health-without-art9",
        physio,
        _no_art9,
        "special_data_without_condition",
        Severity.ERROR,
        "purposes[1].special_condition",
        PageId.PURPOSES,
        "Art. 9(2)",
    ),
    (
        "no-legal-basis",
        physio,
        _no_basis,
        "purpose_without_legal_basis",
        Severity.ERROR,
        "purposes[0].legal_basis",
        PageId.PURPOSES,
        "Art. 6(1)",
    ),
    (
        "no-legitimate-interest",
        physio,
        _no_interest,
        "legitimate_interest_not_stated",
        Severity.ERROR,
        "purposes[3].legitimate_interest",
        PageId.PURPOSES,
        "Art. 13(1)(d)",
    ),
    (
        "consent-not-withdrawable",
        software,
        _no_withdrawal,
        "consent_not_withdrawable",
        Severity.ERROR,
        "rights.email",
        PageId.RIGHTS,
        "Art. 7(3)",
    ),
    (
        "cookies-without-consent",
        telehealth,
        _cookies_no_consent,
        "cookies_without_consent",
        Severity.ERROR,
        "cookies.consent_mechanism",
        PageId.COOKIES,
        "Art. 5(3) ePrivacy",
    ),
    (
        "cookie-lifetime",
        telehealth,
        _long_cookie,
        "cookie_lifetime",
        Severity.WARNING,
        "cookies.items[1].lifetime",
        PageId.COOKIES,
        "CNIL",
    ),
    (
        "age-below-national",
        physio,
        _low_age,
        "age_below_national",
        Severity.ERROR,
        "children.age_threshold",
        PageId.CHILDREN,
        "Art. 8(1)",
    ),
    (
        "large-scale-health-no-dpo",
        telehealth,
        _no_dpo,
        "dpo_for_large_scale_health",
        Severity.WARNING,
        "dpo",
        PageId.ORGANISATION,
        "Art. 37(1)(c)",
    ),
    (
        "no-eu-representative",
        physio,
        _outside_eu,
        "eu_representative",
        Severity.ERROR,
        "representative",
        PageId.ORGANISATION,
        "Art. 27",
    ),
    (
        "text-missing-in-language",
        physio,
        _missing_language,
        "text_missing_in_language",
        Severity.ERROR,
        "purposes[0].name.nl",
        PageId.PURPOSES,
        "Art. 12(1)",
    ),
    (
        "german-land",
        telehealth,
        _no_land,
        "german_land",
        Severity.ERROR,
        "organisation.region",
        PageId.ORGANISATION,
        "§ 40 BDSG",
    ),
    (
        "cookies-not-listed",
        telehealth,
        _no_cookie_list,
        "cookies_not_listed",
        Severity.ERROR,
        "cookies.items",
        PageId.COOKIES,
        "C-673/17",
    ),
    (
        "recipient-without-task",
        physio,
        _recipient_without_task,
        "recipient_task_missing",
        Severity.ERROR,
        "recipients[0].service",
        PageId.RECIPIENTS,
        "Art. 13(1)(e)",
    ),
    (
        "vague-retention",
        physio,
        _vague_retention,
        "retention_vague",
        Severity.ERROR,
        "purposes[0].retention.criteria",
        PageId.PURPOSES,
        "Art. 13(2)(a)",
    ),
]


@pytest.mark.parametrize(
    ("example", "change", "code", "severity", "field", "page", "article"),
    [f[1:] for f in FLAWS],
    ids=[f[0] for f in FLAWS],
)
def test_each_flaw_is_found(
    example: Callable[[], Project],
    change: Callable[[Project], None],
    code: str,
    severity: Severity,
    field: str,
    page: PageId,
    article: str,
) -> None:
    project = example()
    assert by_code(project, code) == []
    change(project)
    finding = the_one(project, code)
    assert finding.severity is severity
    assert finding.field == field
    assert finding.page is page
    assert article in finding.article_text()
    assert finding.text()
    assert len(finding.explanation_text()) > 100
    data = review.report_data(review.review(project, "en"))
    assert {"code": code, "field": field, "page": page.value} in [
        {k: d[k] for k in ("code", "field", "page")} for d in data["findings"]
    ]


def test_finding_messages_say_what_is_wrong() -> None:
    project = software()
    _privacy_shield(project)
    finding = the_one(project, "transfer_privacy_shield")
    assert "Mailchimp" in finding.text() and "Privacy Shield" in finding.text()
    assert "16 July 2020" in finding.explanation_text()

    project = physio()
    _low_age(project)
    finding = the_one(project, "age_below_national")
    assert finding.text() == "Netherlands: the age of 13 is below the age of digital consent there (16)."
    assert "UAVG" in finding.article_text()  # the national law from the Art. 8 table

    project = telehealth()
    _long_cookie(project)
    assert the_one(project, "cookie_lifetime").text() == (
        "Cookie '_ga' is kept longer than 13 months."
    )

    project = physio()
    _missing_language(project)
    finding = the_one(project, "text_missing_in_language")
    assert finding.lang == "nl"
    assert "Dutch" in finding.explanation_text()


def test_an_old_project_file_naming_the_privacy_shield_loads_and_is_reported(
    tmp_path: Path,
) -> None:
    data = json.loads(SOFTWARE.read_text(encoding="utf-8"))
    data["recipients"][1]["safeguard"] = "privacy_shield"
    path = tmp_path / "old.privacy.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    project = load_project(path)
    assert project.recipients[1].safeguard is Safeguard.PRIVACY_SHIELD
    assert the_one(project, "transfer_privacy_shield").severity is Severity.ERROR


def test_a_single_physiotherapist_is_not_large_scale() -> None:
    project = physio()
    project.dpo_facts = None  # the facts are not answered: the review guesses from services
    assert project.dpo is None
    assert any(p.special_categories for p in project.purposes)
    assert not review.large_scale_health(project)
    assert by_code(project, "dpo_for_large_scale_health") == []
    project.services = [*project.services, Service.TELECONSULTATION]
    assert review.large_scale_health(project)
    assert "Recital 91" in the_one(project, "dpo_for_large_scale_health").explanation_text()
    project.dpo = Person(name="DPO", email="dpo@example.nl")
    assert by_code(project, "dpo_for_large_scale_health") == []


def test_cookie_lifetimes_of_13_months_or_less_are_fine() -> None:
    project = telehealth()
    assert any(
        c.lifetime == Duration(amount=13, unit=TimeUnit.MONTHS)
        and c.category is CookieCategory.ANALYTICS
        for c in project.cookies.items
    )
    project.organisation.country = project.organisation.address.country = "FR"
    assert by_code(project, "cookie_lifetime") == []
    project.cookies.items[1].lifetime = Duration(amount=396, unit=TimeUnit.DAYS)
    assert len(by_code(project, "cookie_lifetime")) == 1


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        ("As long as necessary", True),
        ("We keep your data as long as is necessary for these purposes.", True),
        ("Zo lang als nodig", True),
        ("Le temps nécessaire.", True),
        ("So lange wie erforderlich", True),
        ("As long as tax and accounting law requires us to keep invoices.", False),
        ("Until you unsubscribe.", False),
        ("As long as necessary to complete your treatment, then 20 years under the WGBO", False),
    ],
)
def test_vague_retention_is_told_from_criteria(text: str, vague: bool) -> None:
    assert review.is_vague_retention(text) is vague


def test_consent_with_an_e_mail_address_is_withdrawable() -> None:
    project = software()
    assert review.uses_consent(project)
    assert project.purposes[2].legal_basis is LegalBasis.CONSENT
    assert by_code(project, "consent_not_withdrawable") == []


def test_findings_are_translated_by_the_caller() -> None:
    project = physio()
    _no_basis(project)
    finding = the_one(project, "purpose_without_legal_basis")
    for lang in TRANSLATED:
        gettext = translation("ui", lang).gettext
        assert finding.explanation_text(gettext) != finding.explanation_text()
        assert finding.article_text(gettext) != finding.article_text()
        assert finding.text(gettext) != finding.text()


# --- the command line -------------------------------------------------------------------------


def test_check_text_lists_coverage_and_findings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SOFTWARE), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "covered" in out
    assert "Transfers to third countries and their safeguards: 4. Processing outside" in out
    assert "[advice] Say how you check who is asking" in out
    assert "Rests on: Art. 12(6) GDPR" in out
    assert "Where: Rights and complaints (rights.identity_check)" in out


def test_check_exits_1_when_something_must_be_fixed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(SOFTWARE.read_text(encoding="utf-8"))
    data["recipients"][1]["safeguard"] = "privacy_shield"
    path = tmp_path / "flawed.privacy.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "[must fix]" in out
    assert "Privacy Shield" in out and "C-311/18" in out

    assert main(["check", str(path), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {
        "project",
        "lang",
        "errors",
        "warnings",
        "coverage",
        "findings",
        "problems",
    }
    assert report["errors"] == 1
    shield = next(f for f in report["findings"] if f["code"] == "transfer_privacy_shield")
    assert set(shield) == {
        "code",
        "severity",
        "page",
        "field",
        "message",
        "explanation",
        "article",
    }
    assert shield["severity"] == "error"
    assert shield["page"] == "transfers"
    assert shield["field"] == "recipients[1].safeguard"
    transfers = next(c for c in report["coverage"] if c["id"] == "transfers")
    assert transfers["status"] == "partial"
    assert transfers["section"] == "4"


def test_check_says_when_the_policy_cannot_be_written_in_the_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(PHYSIO.read_text(encoding="utf-8"))
    data["purposes"][0]["name"] = {"en": "Appointments"}
    path = tmp_path / "untranslated.privacy.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["check", str(path), "--lang", "nl"]) == 1
    out = capsys.readouterr().out
    assert "purposes[0].name: no text in language 'nl'" in out
    assert "ontbreekt" in out  # the report is in the language checked


def test_check_json_in_another_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(PHYSIO), "--lang", "fr", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["lang"] == "fr"
    assert report["errors"] == 0
    rights = next(c for c in report["coverage"] if c["id"] == "rights_access")
    fr = translation("policy", "fr").gettext
    assert rights["heading"] == fr("Your rights")
    assert rights["name"] == translation("ui", "fr").gettext("Right of access")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["check", "/nonexistent/x.privacy.json"], "no such file"),
        (["check", str(PHYSIO), "--lang", "xx"], "unknown language 'xx'"),
        (["check", str(PHYSIO), "--format", "yaml"], "invalid choice"),
        (["check"], "PROJECT"),
    ],
)
def test_check_cannot_run_exits_2(
    args: list[str], needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("privacy-wizard: error: ")
    assert needle in err[0]


def test_check_unreadable_project_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.privacy.json"
    path.write_text("{not json", encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "not valid JSON" in err and "Traceback" not in err


def test_findings_name_the_users_purposes_in_the_report_language() -> None:
    """A purpose written in several languages is named in the language of the report, not in
    English (the flow's issues carry every language's name)."""
    from wizard.i18n import translation
    from wizard.review import report_text, review

    project = load_project(EXAMPLES / "telehealth-startup.privacy.json")
    purpose = next(p for p in project.purposes if p.requirement is None)
    names = {lang: purpose.name.get(lang) for lang in ("en", "nl", "de")}
    assert len(set(names.values())) == 3
    for lang, name in names.items():
        text = report_text(review(project, lang), translation("ui", lang).gettext)
        assert f"] {name}: " in text, (lang, name)
        for other in set(names.values()) - {name}:
            assert f"] {other}: " not in text


def test_age_below_that_of_another_country_the_service_targets() -> None:
    project = software()  # established in Belgium, where the age is 13
    assert project.organisation.country == "BE"
    project.children.targets_children = True
    project.children.age_threshold = 13
    project.children.parental_consent = project.children.parental_consent.model_validate(
        {"en": "a parent confirms by e-mail"}
    )
    assert not by_code(project, "age_below_national")
    project.children.other_countries = ["NL", "FR"]  # 16 and 15
    found = by_code(project, "age_below_national")
    assert [f.field for f in found] == ["children.other_countries[0]", "children.other_countries[1]"]
    assert found[1].text() == "France: the age of 13 is below the age of digital consent there (15)."
    assert found[1].text(translation("ui", "de").gettext, "de").startswith("Frankreich: ")
    assert all(f.severity is Severity.ERROR for f in found)
    project.children.age_threshold = 16
    assert not by_code(project, "age_below_national")
