"""The wizard's flow without a window: page order, skip rules, issues, suggestions, CSV import."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.projects import EXAMPLE_FILES, EXAMPLES
from wizard import flow
from wizard.flow import PAGE_ORDER, PageId
from wizard.model.answers import (
    LANGUAGES,
    Cookie,
    CookieCategory,
    DataCategory,
    LegalBasis,
    LocalText,
    Person,
    Project,
    Purpose,
    Recipient,
    Safeguard,
    Service,
    SpecialCondition,
    TimeUnit,
)
from wizard.model.project_file import load_project


def complete_project() -> Project:
    """A small project with nothing blocking."""
    project = Project()
    org = project.organisation
    org.legal_name = "Praktijk Test B.V."
    org.address.street = "Dorpsstraat 1"
    org.address.city = "Utrecht"
    org.country = "NL"
    org.email = "privacy@example.nl"
    project.services = [Service.APPOINTMENT_BOOKING]
    flow.add_suggestions(project, Service.APPOINTMENT_BOOKING)
    project.authority.catalog_id = "NL"
    project.automated_decisions.used = False
    return project


def walk(project: Project) -> list[PageId]:
    pages = [PageId.WELCOME]
    while (page := flow.next_page(project, pages[-1])) is not None:
        pages.append(page)
    return pages


def test_page_order_starts_with_welcome_and_ends_with_output() -> None:
    assert PAGE_ORDER[0] is PageId.WELCOME
    assert PAGE_ORDER[-1] is PageId.OUTPUT
    assert flow.next_page(Project(), PageId.OUTPUT) is None


def test_no_cookies_page_without_website_or_app() -> None:
    project = complete_project()
    assert PageId.COOKIES not in walk(project)
    project.services = [*project.services, Service.MOBILE_APP]
    assert PageId.COOKIES in walk(project)
    project.services = [Service.APPOINTMENT_BOOKING]
    project.organisation.website = "https://example.nl"
    assert PageId.COOKIES in walk(project)


def test_transfers_page_only_for_recipients_outside_the_eea() -> None:
    project = complete_project()
    project.recipients = [Recipient(name="Host", country="DE"), Recipient(name="N", country="NO")]
    assert PageId.TRANSFERS not in walk(project)
    assert flow.next_page(project, PageId.RECIPIENTS) is PageId.CHILDREN
    project.recipients = [*project.recipients, Recipient(name="Zoom", country="US")]
    assert flow.next_page(project, PageId.RECIPIENTS) is PageId.TRANSFERS


def test_every_path_visits_the_pages_in_order() -> None:
    for services in ([], [Service.WEBSITE], [Service.PATIENT_CARE, Service.NEWSLETTER]):
        for countries in ([], ["NL"], ["US", "NL"]):
            project = complete_project()
            project.services = services
            project.recipients = [Recipient(name=f"R{i}", country=c) for i, c in enumerate(countries)]
            pages = walk(project)
            assert pages == flow.applicable_pages(project)
            assert [PAGE_ORDER.index(p) for p in pages] == sorted(PAGE_ORDER.index(p) for p in pages)


def test_empty_project_is_missing_the_basics() -> None:
    fields = {i.field for i in flow.missing(Project()) if i.blocking}
    assert {
        "organisation.legal_name",
        "organisation.country",
        "organisation.email",
        "services",
        "purposes",
        "authority",
        "automated_decisions.used",
    } <= fields
    assert not flow.is_page_complete(Project(), PageId.ORGANISATION)
    assert flow.is_page_complete(Project(), PageId.WELCOME)
    assert flow.is_page_complete(Project(), PageId.REVIEW)


def test_complete_project_has_no_blocking_issue() -> None:
    project = complete_project()
    assert [i for i in flow.missing(project) if i.blocking] == []
    for page in flow.applicable_pages(project):
        if page is not PageId.OUTPUT:
            assert flow.is_page_complete(project, page), page
    # The output page needs a folder before anything can be generated.
    assert not flow.ready_to_generate(project)
    project.publication.output_folder = "/tmp/out"
    import datetime as dt

    project.publication.effective_date = dt.date(2026, 1, 1)
    assert flow.ready_to_generate(project)


@pytest.mark.parametrize(
    ("text", "ok"),
    [("", True), ("a@b.nl", True), ("privacy@example", False), ("no at sign", False)],
)
def test_email_problem(text: str, ok: bool) -> None:
    assert (flow.email_problem(text) is None) is ok


def test_url_problem() -> None:
    assert flow.url_problem("https://example.nl") is None
    assert flow.url_problem("www.example.nl") is None  # completed to https://
    assert flow.url_problem("example") is not None
    assert flow.url_problem("www.example .nl") is not None


def test_a_bare_web_address_is_completed_to_https() -> None:
    project = Project()
    project.organisation.website = "www.example.nl"
    assert project.organisation.website == "https://www.example.nl"
    project.organisation.website = "example.com/privacy"
    assert project.organisation.website == "https://example.com/privacy"
    project.organisation.website = "http://example.com"
    assert project.organisation.website == "http://example.com"


def test_german_land_is_required_in_germany() -> None:
    project = complete_project()
    project.organisation.country = "DE"
    assert "organisation.region" in {i.field for i in flow.page_issues(project, PageId.ORGANISATION)}
    project.organisation.region = "DE-BE"
    assert flow.is_page_complete(project, PageId.ORGANISATION)


def test_representative_needed_outside_the_eea() -> None:
    project = complete_project()
    project.organisation.country = "US"
    assert not flow.is_page_complete(project, PageId.ORGANISATION)
    project.representative = Person(name="Rep B.V.", email="rep@example.nl")
    assert flow.is_page_complete(project, PageId.ORGANISATION)


def test_representative_follows_the_place_of_establishment_of_the_policy() -> None:
    """The page asks for a representative exactly when the policy prints one: established
    outside the EEA by the organisation's country, else by its address's."""
    from wizard.law.applicability import established_outside_eea

    project = complete_project()
    project.organisation.country = None
    project.organisation.address.country = "US"
    codes = {i.code for i in flow.page_issues(project, PageId.ORGANISATION)}
    assert established_outside_eea(project) and "eu_representative" in codes
    project.organisation.address.country = "NL"
    codes = {i.code for i in flow.page_issues(project, PageId.ORGANISATION)}
    assert not established_outside_eea(project) and "eu_representative" not in codes


def test_dpo_needs_a_contact() -> None:
    project = complete_project()
    project.dpo = Person(name="Ann")
    assert not flow.is_page_complete(project, PageId.ORGANISATION)
    project.dpo = Person(name="Ann", email="dpo@example.nl")
    assert flow.is_page_complete(project, PageId.ORGANISATION)


def _purpose(**kwargs: object) -> Purpose:
    data: dict[str, object] = {
        "id": "p",
        "name": {"en": "Care"},
        "data_categories": [DataCategory.IDENTITY],
        "legal_basis": LegalBasis.CONTRACT,
        "retention": {"period": {"amount": 1, "unit": TimeUnit.YEARS}},
        "requirement": "voluntary",
    }
    data.update(kwargs)
    return Purpose.model_validate(data)


def blocking_fields(purpose: Purpose, languages: tuple[str, ...] = ("en",)) -> set[str]:
    return {i.field for i in flow.purpose_issues(purpose, 0, languages) if i.blocking}


def test_purpose_checks() -> None:
    assert blocking_fields(_purpose()) == set()
    assert blocking_fields(_purpose(legal_basis=None)) == {"purposes[0].legal_basis"}
    assert blocking_fields(_purpose(legal_basis=LegalBasis.LEGITIMATE_INTERESTS)) == {
        "purposes[0].legitimate_interest"
    }
    assert (
        blocking_fields(
            _purpose(legal_basis="legitimate_interests", legitimate_interest={"en": "Security"})
        )
        == set()
    )
    health = _purpose(data_categories=[DataCategory.HEALTH])
    assert blocking_fields(health) == {"purposes[0].special_condition"}
    assert blocking_fields(_purpose(data_categories=[DataCategory.HEALTH],
                                    special_condition=SpecialCondition.HEALTH_CARE)) == set()
    assert blocking_fields(_purpose(retention={})) == {"purposes[0].retention"}
    assert blocking_fields(_purpose(data_categories=[])) == {"purposes[0].data_categories"}
    assert blocking_fields(_purpose(name={})) == {"purposes[0].name"}


def test_missing_translation_does_not_block_the_page_but_blocks_generation() -> None:
    project = complete_project()
    project.publication.languages = ["en", "nl"]
    project.publication.output_folder = "/tmp/out"
    import datetime as dt

    project.publication.effective_date = dt.date(2026, 1, 1)
    for purpose in project.purposes:
        purpose.name = LocalText({"en": purpose.name.root["en"]})
    issues = flow.page_issues(project, PageId.PURPOSES)
    gaps = [i for i in issues if i.translation]
    assert gaps and all(not i.blocking for i in gaps)
    assert "Dutch" in gaps[0].text()
    assert flow.is_page_complete(project, PageId.PURPOSES)
    assert not flow.ready_to_generate(project)
    for purpose in project.purposes:
        purpose.name = LocalText({**purpose.name.root, "nl": "Afspraken"})
    assert flow.ready_to_generate(project)


def test_issue_text_translates_message_and_arguments() -> None:
    issue = flow.Issue(PageId.PURPOSES, "x", "{what}: not written in {language} yet.",
                       {"what": "Name of '{purpose}'", "language": "Dutch", "purpose": "Care"})
    table = {"{what}: not written in {language} yet.": "{what}: nog niet in het {language}.",
             "Dutch": "Nederlands", "Name of '{purpose}'": "Naam van '{purpose}'"}
    assert issue.text(lambda s: table.get(s, s)) == "Naam van 'Care': nog niet in het Nederlands."


def test_transfer_safeguards() -> None:
    assert flow.transfer_problem("DE", None) is None
    assert flow.transfer_problem("US", None) is not None
    assert flow.transfer_problem("US", Safeguard.NONE) is not None
    assert "Privacy Shield" in (flow.transfer_problem("US", Safeguard.PRIVACY_SHIELD) or "")
    assert flow.transfer_problem("US", Safeguard.DPF) is None
    assert flow.transfer_problem("IN", Safeguard.DPF) is not None
    assert flow.transfer_problem("CH", Safeguard.ADEQUACY) is None
    assert flow.transfer_problem("IN", Safeguard.ADEQUACY) is not None
    assert flow.transfer_problem("IN", Safeguard.SCC) is None
    project = complete_project()
    project.recipients = [Recipient(name="Zoom", country="US")]
    assert not flow.is_page_complete(project, PageId.TRANSFERS)
    project.recipients[0].safeguard = Safeguard.DPF
    assert flow.is_page_complete(project, PageId.TRANSFERS)


def test_cookies_need_consent_and_withdrawal_for_analytics() -> None:
    project = complete_project()
    project.services = [Service.WEBSITE]
    cookies = project.cookies
    assert flow.is_page_complete(project, PageId.COOKIES)
    cookies.used = True
    assert not flow.is_page_complete(project, PageId.COOKIES)
    cookies.items = [Cookie(name="sid", provider="Us", category=CookieCategory.STRICTLY_NECESSARY,
                            purpose={"en": "Session"})]
    assert flow.is_page_complete(project, PageId.COOKIES)
    cookies.items = [*cookies.items, Cookie(name="_ga", provider="Google", party="third",
                                            category="analytics", purpose={"en": "Stats"})]
    fields = {i.field for i in flow.page_issues(project, PageId.COOKIES)}
    assert {"cookies.consent_mechanism", "cookies.withdrawal"} <= fields
    cookies.consent_mechanism = LocalText({"en": "A banner"})
    cookies.withdrawal = LocalText({"en": "The footer link"})
    assert flow.is_page_complete(project, PageId.COOKIES)


def test_children_need_parental_consent() -> None:
    project = complete_project()
    project.children.targets_children = True
    fields = {i.field for i in flow.page_issues(project, PageId.CHILDREN)}
    assert fields == {"children.age_threshold", "children.parental_consent"}


def test_automated_decisions_need_logic_and_consequences() -> None:
    project = complete_project()
    project.automated_decisions.used = True
    fields = {i.field for i in flow.page_issues(project, PageId.RIGHTS) if i.blocking}
    assert fields == {"automated_decisions.logic", "automated_decisions.consequences"}


def test_suggestions_per_service() -> None:
    for service in Service:
        proposals = flow.suggested_purposes(service, "NL")
        assert proposals, service
        for purpose in proposals:
            assert purpose.name.languages() == set(LANGUAGES)
            assert blocking_fields(purpose) == set(), (service, purpose.id)
    booking = flow.suggested_purposes(Service.APPOINTMENT_BOOKING)[0]
    assert DataCategory.APPOINTMENT in booking.data_categories
    assert DataCategory.CONTACT in booking.data_categories
    assert booking.legal_basis is LegalBasis.CONTRACT
    records = flow.suggested_purposes(Service.PATIENT_CARE, "NL")[0]
    assert records.retention.period is not None and records.retention.period.amount == 20
    assert flow.suggested_purposes(Service.PATIENT_CARE, "PL")[0].retention.criteria


def test_add_and_remove_suggestions() -> None:
    project = Project()
    added = flow.add_suggestions(project, Service.PATIENT_CARE)
    assert [p.id for p in added] == ["patient-records", "invoicing"]
    assert flow.add_suggestions(project, Service.PATIENT_CARE) == []
    project.purposes[0].name = LocalText({"en": "Changed by the user"})
    removed = flow.remove_untouched_suggestions(project, Service.PATIENT_CARE)
    assert [p.id for p in removed] == ["invoicing"]
    assert [p.id for p in project.purposes] == ["patient-records"]


def test_remove_suggestion_keeps_referenced_purposes() -> None:
    project = Project()
    flow.add_suggestions(project, Service.NEWSLETTER)
    project.recipients = [Recipient(name="Mailchimp", country="US", purposes=["newsletter"])]
    assert flow.remove_untouched_suggestions(project, Service.NEWSLETTER) == []


def test_purpose_list_operations() -> None:
    project = Project()
    flow.add_suggestions(project, Service.PATIENT_CARE)
    project.recipients = [Recipient(name="Acc", country="NL", purposes=["invoicing"])]
    copy = flow.duplicate_purpose(project, 0)
    assert copy.id == "patient-records-2"
    assert [p.id for p in project.purposes] == ["patient-records", "patient-records-2", "invoicing"]
    project.purposes = flow.move_item(project.purposes, 2, -2)
    assert project.purposes[0].id == "invoicing"
    flow.remove_purpose(project, 0)
    assert project.recipients[0].purposes == []
    assert flow.new_purpose_id(project, "Patient records!") == "patient-records-3"
    assert flow.new_purpose_id(project, "Ééé") == "purpose"


def test_country_defaults_follow_the_country_unless_chosen() -> None:
    project = Project()
    project.organisation.country = "NL"
    flow.apply_country_defaults(project, None, None)
    assert project.authority.catalog_id == "NL"
    project.organisation.country = "DE"
    project.organisation.region = "DE-BY"
    flow.apply_country_defaults(project, "NL", None)
    assert project.authority.catalog_id == "DE-BY"
    project.authority.catalog_id = "DE-BE"  # the user's own choice
    project.organisation.country = "FR"
    project.organisation.region = None
    flow.apply_country_defaults(project, "DE", "DE-BY")
    assert project.authority.catalog_id == "DE-BE"
    assert flow.proposed_age("NL") == 16
    assert flow.proposed_age(None) == 16


def test_parse_cookies_csv() -> None:
    text = (
        "name;provider;party;category;purpose;lifetime\n"
        "sid;Praktijk;first;strictly necessary;Keeps you signed in;session\n"
        "_ga;Google;third;analytics;Statistics;13 months\n"
        "bad;Nobody;first;tasty;?;1 year\n"
        "x;Y;first;marketing;Ads;forever\n"
    )
    cookies, problems = flow.parse_cookies_csv(text)
    assert [c.name for c in cookies] == ["sid", "_ga"]
    assert cookies[0].lifetime is None
    assert cookies[1].lifetime is not None and cookies[1].lifetime.amount == 13
    assert len(problems) == 2
    assert problems[0].startswith("line 4")
    assert "lifetime" in problems[1]
    assert flow.parse_cookies_csv("a,b\n1,2\n")[1][0].startswith("line 1: missing column")


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_examples_walk_and_have_no_blocking_issue(path: Path) -> None:
    project = load_project(path)
    assert walk(project) == flow.applicable_pages(project)
    assert [i.text() for i in flow.missing(project) if i.blocking] == []


def test_recipient_from_catalog() -> None:
    from wizard.catalog.processors import processor

    analytics = processor("google-analytics")
    assert analytics is not None
    recipient = flow.recipient_from_catalog(analytics)
    assert recipient.name == "Google Ireland Limited (Google Analytics)"
    assert recipient.catalog_id == "google-analytics"
    assert recipient.country == "US" and recipient.safeguard is Safeguard.DPF
    assert recipient.service.get("nl") == "Websitestatistieken"
    assert flow.transfer_problem(recipient.country, recipient.safeguard) is None
    hetzner = processor("hetzner")
    assert hetzner is not None
    local = flow.recipient_from_catalog(hetzner)
    assert local.country == "DE" and local.safeguard is None and not local.outside_eea


def test_every_catalogue_entry_gives_a_valid_recipient() -> None:
    from wizard.catalog.processors import processors

    for entry in processors():
        recipient = flow.recipient_from_catalog(entry)
        assert flow.transfer_problem(recipient.country, recipient.safeguard) is None, entry.id
        assert recipient.service.get("en"), entry.id


def test_recipient_label_falls_back_to_the_category() -> None:
    named = Recipient(name="Acme", country="NL")
    assert flow.recipient_label(named) == "Acme"
    insurer = Recipient(category={"nl": "uw zorgverzekeraar"}, country="NL")
    assert flow.recipient_label(insurer) == "uw zorgverzekeraar"
    assert flow.recipient_label(insurer, "nl") == "uw zorgverzekeraar"


def test_the_output_page_needs_a_version() -> None:
    project = load_project(EXAMPLES / "physiotherapy-practice.privacy.json")
    project.publication.output_folder = "/tmp/out"
    assert flow.is_page_complete(project, PageId.OUTPUT)
    project.publication.version = "  "
    issues = flow.page_issues(project, PageId.OUTPUT)
    assert [i.field for i in issues] == ["publication.version"]
    assert not flow.ready_to_generate(project)


def test_messages_give_the_users_words_in_each_language() -> None:
    name = LocalText({"nl": "Afspraken", "en": "Appointments"})
    texts = (name.text_in("nl"), name.text_in("fr"), name.text_in(None))
    assert texts == ("Afspraken", "Appointments", "Appointments")
    only_dutch = LocalText({"nl": "Dossier"})
    assert only_dutch.text_in("en") == "Dossier"
    # Without the reader's language nor English: the first registered language that has it.
    assert LocalText({"de": "Termine", "nl": "Afspraken"}).text_in("fr") == "Afspraken"
    joined = LocalText.join([name, only_dutch, "X"])
    assert isinstance(joined, LocalText)
    assert joined.text_in(None) == "Appointments, Dossier, X"
    assert joined.text_in("nl") == "Afspraken, Dossier, X"
    assert LocalText.join(["a", "b"]) == "a, b"
    assert flow.purpose_named(Purpose(id="intake", name=LocalText())) == "intake"
    issue = flow.Issue(PageId.PURPOSES, "purposes[0]", "{purpose}: check it.", {"purpose": name})
    assert issue.text() == "Appointments: check it."
    assert issue.text(lang="nl") == "Afspraken: check it."
