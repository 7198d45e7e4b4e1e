"""Every proposal the wizard makes exists in all four policy languages, and comes from data.

Proposals: the purposes suggested per service (with their texts and retention criteria), the
cookie purposes proposed from the Open Cookie Database, the starter projects, and the policy
languages proposed for a country. A starter project loads through the model and leaves only
the person's own facts (name, address, e-mail address, country) to fill in.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest

from tests.projects import TRANSLATED, local_texts
from wizard import flow, review
from wizard.catalog.cookies import known_cookie, known_cookies, proposed_purpose
from wizard.model.answers import (
    LANGUAGES,
    Cookie,
    CookieCategory,
    LocalText,
    Party,
    Service,
    Strict,
)
from wizard.model.countries import EEA_COUNTRIES
from wizard.policy.engine import build_document
from wizard.resources import read_text
from wizard.starters import load_starter, starters


def _assert_four_languages(model: Strict, what: str) -> None:
    for path, owner, field in local_texts(model):
        text = getattr(owner, field)
        if text:
            assert text.languages() == set(LANGUAGES), f"{what}: {path} has {text.languages()}"


@pytest.mark.parametrize("country", [None, "NL", "PL"])
def test_every_suggested_purpose_is_written_in_all_four_languages(country: str | None) -> None:
    for service in Service:
        for purpose in flow.suggested_purposes(service, country):
            _assert_four_languages(purpose, f"{service.value}/{purpose.id}")
            assert purpose.name


def test_suggestions_live_in_data_with_source_and_date() -> None:
    data = json.loads(read_text("data", "suggested-purposes.json"))
    assert data["source"] and data["verified_on"]
    assert set(data["services"]) == {s.value for s in Service}
    assert set(data["medical_record_criteria"]) == set(LANGUAGES)


def test_every_cookie_purpose_proposal_is_written_in_all_four_languages() -> None:
    rules = json.loads(read_text("data", "cookie-categories.json"))
    assert rules["source"] and rules["verified_on"]
    keys = {c.purpose_key for c in known_cookies()}
    assert keys <= set(rules["purposes"])
    for key, texts in rules["purposes"].items():
        assert set(texts) == set(LANGUAGES), key
        assert all(t.strip() for t in texts.values()), key
        assert key.split("/")[0] in {c.value for c in CookieCategory}, key


@pytest.mark.parametrize(
    "name",
    [
        "PHPSESSID",
        "JSESSIONID",
        "ASP.NET_SessionId",
        "laravel_session",
        "ci_session",
        "rack.session",
        "csrftoken",
        "XSRF-TOKEN",
        "wordpress_logged_in_1a2b",
    ],
)
def test_a_session_cookie_of_the_sites_own_platform_is_strictly_necessary(name: str) -> None:
    entry = known_cookie(name)
    assert entry is not None, name
    assert entry.category == CookieCategory.STRICTLY_NECESSARY.value
    assert not entry.third_party
    Cookie.model_validate(
        {
            "name": name,
            "provider": "Praktijk De Brug",
            "party": Party.FIRST,
            "category": entry.category,
            "purpose": entry.proposed_purpose,
        }
    )


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("_hjSession_123", "preferences"),  # a third party's analytics service, not the site
        ("remember_me", "preferences"),  # a persistent log-in cookie is not exempt
        ("sessionid", "marketing"),  # Instagram's
        ("_ga", "analytics"),
        ("_fbp", "marketing"),
    ],
)
def test_other_cookies_are_not_proposed_as_exempt(name: str, category: str) -> None:
    entry = known_cookie(name)
    assert entry is not None and entry.category == category


def test_the_mapping_is_data_not_a_list_of_names() -> None:
    """The strictly necessary cookies of site platforms are many more than the names above:
    the rules classify them by platform, function and lifetime."""
    necessary = [c for c in known_cookies() if c.purpose_key.startswith("strictly_necessary/")]
    assert len({c.platform for c in necessary}) > 15
    assert all(not c.third_party for c in necessary if c.first_party)


def test_country_languages_are_data_with_sources() -> None:
    rows = list(csv.DictReader(io.StringIO(read_text("data", "country-languages.csv"))))
    assert {r["country"] for r in rows} >= set(EEA_COUNTRIES) | {"CH", "GB"}
    for row in rows:
        assert row["source"] and row["verified_on"], row["country"]
        assert set(row["policy_languages"].split()) <= set(LANGUAGES)
        assert set(row["policy_languages"].split()) <= set(row["official_languages"].split())


@pytest.mark.parametrize(
    ("ui", "country", "expected"),
    [
        ("en", "BE", ["en", "nl", "fr", "de"]),
        ("nl", "BE", ["nl", "fr", "de"]),
        ("en", "LU", ["en", "fr", "de"]),
        ("de", "AT", ["de"]),
        ("fr", "CH", ["fr", "de"]),
        ("nl", "NL", ["nl"]),
        ("de", "ES", ["de"]),
        ("en", None, ["en"]),
    ],
)
def test_proposed_languages(ui: str, country: str | None, expected: list[str]) -> None:
    assert flow.proposed_languages(ui, country) == expected


def test_languages_follow_the_country_until_the_person_chooses() -> None:
    project = flow.new_project("nl")
    assert project.publication.languages == ["nl"]
    for country, expected in (
        ("BE", ["nl", "fr", "de"]),
        ("LU", ["nl", "fr", "de"]),
        ("AT", ["nl", "de"]),
        ("NL", ["nl"]),
    ):
        previous = project.organisation.country
        project.organisation.country = country
        flow.apply_country_defaults(project, previous, None)
        assert project.publication.languages == expected, country
    # The person adds English: the country no longer changes the languages.
    project.publication.languages = ["nl", "en"]
    project.organisation.country = "BE"
    flow.apply_country_defaults(project, "NL", None, "nl")
    assert project.publication.languages == ["nl", "en"]
    # Without the window's language, any language's proposal counts as a proposal.
    project.publication.languages = ["nl"]
    flow.apply_country_defaults(project, "NL", None)
    assert project.publication.languages == ["nl", "fr", "de"]


def test_starter_projects_are_listed_with_names_in_every_language() -> None:
    found = starters()
    assert [s.id for s in found] == ["practice", "dental", "telehealth", "software", "shop"]
    for starter in found:
        assert set(starter.names) == set(LANGUAGES)
        assert set(starter.descriptions) == set(LANGUAGES)


#: What only the person can answer in a starter project.
OWN_FACTS = {
    "organisation.legal_name",
    "organisation.address",
    "organisation.country",
    "organisation.email",
    "authority",  # proposed from the country
    "rights.email",  # the e-mail address to withdraw consent: the organisation's own
}


@pytest.mark.parametrize("starter", ["practice", "dental", "telehealth", "software", "shop"])
def test_a_starter_project_is_complete_but_for_the_persons_own_facts(starter: str) -> None:
    project = load_starter(starter)
    _assert_four_languages(project, starter)
    assert project.services and project.purposes and project.recipients
    assert all(
        p.legal_basis
        and (p.retention.period or p.retention.criteria or p.retention.statutory_reference)
        for p in project.purposes
    )
    assert all(r.catalog_id for r in project.recipients)
    if flow.has_website_or_app(project):
        assert project.cookies.used and project.cookies.items
    errors = review.errors(review.findings(project))
    fields = {f.field for f in errors}
    own = {f for f in fields if f in OWN_FACTS or f.endswith(".provider")}
    assert fields == own, fields - own
    # Once the person has entered those facts, nothing must be fixed in any language.
    _fill_own_facts(project)
    assert review.errors(review.findings(project)) == []


def _fill_own_facts(project: Any) -> None:
    org = project.organisation
    org.legal_name = "Praktijk De Brug B.V."
    org.address.street = "Brugstraat 1"
    org.address.city = "Utrecht"
    org.country = "NL"
    org.email = "privacy@debrug.example"
    flow.apply_country_defaults(project, None, None)
    project.publication.languages = list(LANGUAGES)
    for cookie in project.cookies.items:
        if cookie.provider == flow.STARTER_PROVIDER:
            cookie.provider = org.legal_name


def test_a_new_project_from_a_starter_gets_the_proposed_languages() -> None:
    project = flow.new_project("fr", "dental")
    assert project.publication.languages == ["fr"]
    assert project.purposes and project.organisation.legal_name == ""
    # Each call gives a fresh copy.
    project.purposes[0].id = "changed"
    assert flow.new_project("fr", "dental").purposes[0].id != "changed"


def test_consent_texts_are_proposed_in_four_languages_once_a_cookie_needs_consent() -> None:
    project = flow.new_project("en")
    project.cookies.used = True
    necessary = Cookie(
        name="PHPSESSID",
        provider="Praktijk",
        category="strictly_necessary",
        purpose=LocalText(proposed_purpose("strictly_necessary/session")),
    )
    assert not flow.propose_consent_texts(project, necessary)
    assert not project.cookies.consent_mechanism
    analytics = Cookie(
        name="_ga",
        provider="Google",
        category="analytics",
        purpose=LocalText(proposed_purpose("analytics")),
    )
    assert flow.propose_consent_texts(project, analytics)
    assert project.cookies.consent_mechanism.languages() == set(LANGUAGES)
    assert project.cookies.withdrawal.languages() == set(LANGUAGES)
    # The person's own words are never replaced.
    project.cookies.withdrawal = LocalText({"en": "Use the footer link."})
    assert not flow.propose_consent_texts(project, analytics)
    assert project.cookies.withdrawal.get("en") == "Use the footer link."


def test_every_catalogue_note_and_purpose_is_written_in_all_four_languages() -> None:
    from wizard.catalog.processors import processor, processors

    for item in processors():
        assert set(item.purpose) == set(LANGUAGES), item.id
        assert set(item.notes_by_language) == set(LANGUAGES), item.id
        for lang in LANGUAGES:
            assert item.notes_in(lang).strip(), (item.id, lang)
        assert len({item.notes_in(lang) for lang in LANGUAGES}) == len(LANGUAGES), item.id
    analytics = processor("google-analytics")
    assert analytics is not None and analytics.notes_in("de").startswith("Auftragsverarbeiter")


def test_the_organisations_name_becomes_the_provider_of_its_own_cookies() -> None:
    project = flow.new_project("en", "shop")
    own = [c for c in project.cookies.items if c.party is Party.FIRST]
    assert own and all(c.provider == flow.STARTER_PROVIDER for c in own)
    for typed in ("D", "De", "De Brug"):
        previous = flow.own_name(project)
        project.organisation.legal_name = typed
        flow.apply_own_name(project, previous)
    assert all(c.provider == "De Brug" for c in own)
    # A provider the person wrote is theirs; a third party's cookie is never touched.
    own[0].provider = "Webshop hosting"
    previous = flow.own_name(project)
    project.organisation.trading_name = "Winkel De Brug"
    flow.apply_own_name(project, previous)
    assert own[0].provider == "Webshop hosting"
    assert all(c.provider == "Winkel De Brug" for c in own[1:])
    assert not [
        i for i in flow.page_issues(project, flow.PageId.COOKIES) if i.field.endswith(".provider")
    ]


#: English words that give away an English sentence in another language's document.
_ENGLISH = {"the", "and", "of", "your", "our", "we", "you", "with", "for", "is", "are", "to"}


@pytest.mark.parametrize("starter", ["practice", "dental", "telehealth", "software", "shop"])
@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_starters_policy_has_no_english_left(starter: str, lang: str) -> None:
    project = load_starter(starter)
    _fill_own_facts(project)
    document = build_document(project, lang)
    text = document.text()
    leftovers = [
        line
        for line in text.splitlines()
        if len(set(re.findall(r"[a-z]+", line.lower())) & _ENGLISH) >= 3
    ]
    assert not leftovers, leftovers[:3]
    assert flow.STARTER_PROVIDER not in text
