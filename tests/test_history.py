"""The history of a policy without a window: every kind of change, its sentence in each language,
version numbers, proposals and recording."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from tests.projects import EXAMPLES
from wizard import history
from wizard.history import ChangeKind as K
from wizard.languages import LANGUAGES
from wizard.model import load_project
from wizard.model.answers import (
    Cookie,
    CookieCategory,
    DataCategory,
    Duration,
    LegalBasis,
    LocalText,
    Person,
    Project,
    Purpose,
    Recipient,
    RecipientRole,
    RetentionStart,
    Safeguard,
    Service,
    SpecialCondition,
    TimeUnit,
)
from wizard.policy.engine import build_document

LANGS = list(LANGUAGES)


@pytest.fixture
def base() -> Project:
    """An example with nothing published yet."""
    project = load_project(EXAMPLES / "telehealth-startup.privacy.json")
    project.history = []
    return project


def changed(base: Project, edit: Callable[[Project], object]) -> list[history.Change]:
    new = base.model_copy(deep=True)
    edit(new)
    return history.diff(base, new)


def kinds(changes: list[history.Change]) -> list[K]:
    return [c.kind for c in changes]


def test_no_changes(base: Project) -> None:
    assert history.diff(base, base.model_copy(deep=True)) == []


def test_publication_settings_are_not_changes(base: Project) -> None:
    def edit(p: Project) -> None:
        p.publication.version = "9.9"
        p.publication.effective_date = dt.date(2030, 1, 1)
        p.publication.languages = ["en"]
        p.publication.output_folder = "/tmp/x"
        p.publication.show_history = False

    assert changed(base, edit) == []


# --- recipients ---------------------------------------------------------------------------------


def test_processor_added(base: Project) -> None:
    changes = changed(
        base,
        lambda p: p.recipients.append(
            Recipient(
                name="Hetzner Online GmbH", country="DE", service=LocalText({"en": "Hosting"})
            )
        ),
    )
    assert kinds(changes) == [K.RECIPIENT_ADDED]
    (change,) = changes
    assert change.params["recipient"] == "Hetzner Online GmbH"
    assert change.text("en") == "We have engaged a new processor: Hetzner Online GmbH (Germany)."
    assert "verwerker" in change.text("nl") and "Duitsland" in change.text("nl")
    assert "sous-traitant" in change.text("fr") and "Allemagne" in change.text("fr")
    assert "Auftragsverarbeiter" in change.text("de") and "Deutschland" in change.text("de")


def test_other_recipient_added_is_not_called_a_processor(base: Project) -> None:
    changes = changed(
        base,
        lambda p: p.recipients.append(
            Recipient(name="Tax office", country="DE", role=RecipientRole.PUBLIC_AUTHORITY)
        ),
    )
    assert kinds(changes) == [K.RECIPIENT_ADDED]
    assert "processor" not in changes[0].text("en")
    assert changes[0].text("en") == "We now also share personal data with Tax office (Germany)."


def test_processor_removed(base: Project) -> None:
    changes = changed(base, lambda p: p.recipients.pop(0))
    assert kinds(changes) == [K.RECIPIENT_REMOVED]
    assert changes[0].text("en") == (
        "We no longer use this processor: Amazon Web Services EMEA SARL."
    )
    assert changes[0].text("de") == (
        "Diesen Auftragsverarbeiter setzen wir nicht mehr ein: Amazon Web Services EMEA SARL."
    )


def test_recipient_country_and_safeguard_changed(base: Project) -> None:
    def edit(p: Project) -> None:
        p.recipients[0].country = "US"  # AWS moves out of the EEA...
        p.recipients[0].safeguard = Safeguard.SCC  # ...under standard contractual clauses

    changes = changed(base, edit)
    assert kinds(changes) == [K.RECIPIENT_COUNTRY_CHANGED, K.RECIPIENT_SAFEGUARD_CHANGED]
    assert "United States" in changes[0].text("en") and "Luxembourg" in changes[0].text("en")
    assert "Standard contractual clauses" in changes[1].text("en")
    assert "Standardvertragsklauseln" in changes[1].text("de")


def test_safeguard_changed(base: Project) -> None:
    changes = changed(base, lambda p: setattr(p.recipients[1], "safeguard", Safeguard.SCC))
    assert kinds(changes) == [K.RECIPIENT_SAFEGUARD_CHANGED]
    assert changes[0].params["recipient"] == "Zoom Video Communications, Inc."


def test_recipient_role_and_task(base: Project) -> None:
    role = changed(base, lambda p: setattr(p.recipients[2], "role", RecipientRole.PROCESSOR))
    assert kinds(role) == [K.RECIPIENT_ROLE_CHANGED]
    assert role[0].text("nl").endswith("Verwerker.")
    task = changed(
        base, lambda p: setattr(p.recipients[0], "service", LocalText({"en": "Backups only"}))
    )
    assert kinds(task) == [K.RECIPIENT_UPDATED]


def test_recipient_matched_by_catalogue_id_even_when_renamed() -> None:
    old = Project()
    old.recipients = [Recipient(name="Old name", catalog_id="aws", country="LU")]
    new = old.model_copy(deep=True)
    new.recipients[0].name = "New name"
    assert kinds(history.diff(old, new)) == [K.RECIPIENT_UPDATED]


# --- purposes -----------------------------------------------------------------------------------


def test_purpose_added_and_removed(base: Project) -> None:
    def edit(p: Project) -> None:
        p.recipients = [r for r in p.recipients if "stability" not in r.purposes]
        p.purposes = [q for q in p.purposes if q.id != "stability"]
        p.purposes.append(
            Purpose(
                id="research",
                name=LocalText({"en": "Research", "nl": "Onderzoek"}),
                legal_basis=LegalBasis.CONSENT,
            )
        )

    changes = [c for c in changed(base, edit) if c.kind.startswith("purpose")]
    assert kinds(changes) == [K.PURPOSE_ADDED, K.PURPOSE_REMOVED]
    assert changes[0].text("en") == (
        "We now also process personal data for a new purpose: “Research”."
    )
    assert changes[0].text("nl").endswith("‘Onderzoek’.")
    assert "«\u00a0Research\u00a0»" in changes[0].text("fr")  # no French name: the English one


def test_legal_basis_changed(base: Project) -> None:
    changes = changed(base, lambda p: setattr(p.purposes[0], "legal_basis", LegalBasis.CONSENT))
    assert kinds(changes) == [K.LEGAL_BASIS_CHANGED]
    text = changes[0].text("en")
    assert text.startswith("The legal basis for “")
    assert "Consent (Article 6(1)(a) GDPR)" in text and "Article 6(1)(b)" in text
    assert "art. 6 lid 1 sub a AVG" in changes[0].text("nl")
    assert "Art.\u00a06 Abs.\u00a01 lit.\u00a0a DSGVO" in changes[0].text("de")


def test_data_categories_added_and_removed(base: Project) -> None:
    def edit(p: Project) -> None:
        p.purposes[0].data_categories = [
            *[c for c in p.purposes[0].data_categories if c is not DataCategory.CONTACT],
            DataCategory.LOCATION,
        ]

    changes = changed(base, edit)
    assert kinds(changes) == [K.PURPOSE_DATA_ADDED, K.PURPOSE_DATA_REMOVED]
    assert "Location data" in changes[0].text("en")
    assert "Contact details" in changes[1].text("en")


def test_special_condition_changed(base: Project) -> None:
    records = next(p for p in base.purposes if p.special_categories)
    index = base.purposes.index(records)
    changes = changed(
        base,
        lambda p: setattr(
            p.purposes[index], "special_condition", SpecialCondition.EXPLICIT_CONSENT
        ),
    )
    assert kinds(changes) == [K.SPECIAL_CONDITION_CHANGED]
    assert "Article 9(2)(a)" in changes[0].text("en")


@pytest.mark.parametrize(
    ("period", "kind"),
    [
        (Duration(amount=1, unit=TimeUnit.DAYS), K.RETENTION_SHORTENED),
        (Duration(amount=2, unit=TimeUnit.YEARS), K.RETENTION_LENGTHENED),
    ],
)
def test_retention_shortened_or_lengthened(base: Project, period: Duration, kind: K) -> None:
    purpose = next(p for p in base.purposes if p.retention.period is not None)
    index = base.purposes.index(purpose)
    changes = changed(base, lambda p: setattr(p.purposes[index].retention, "period", period))
    assert kinds(changes) == [kind]
    old = purpose.retention.period
    assert old is not None
    assert str(old.amount) in changes[0].text("en") and str(period.amount) in changes[0].text("en")
    word = {"nl": "verkort", "fr": "réduite", "de": "verkürzt"}
    if kind is K.RETENTION_SHORTENED:
        for lang, needle in word.items():
            assert needle in changes[0].text(lang)


def test_retention_start_changed(base: Project) -> None:
    purpose = next(p for p in base.purposes if p.retention.period is not None)
    index = base.purposes.index(purpose)
    changes = changed(
        base,
        lambda p: setattr(p.purposes[index].retention, "starting", RetentionStart.COLLECTION),
    )
    assert kinds(changes) == [K.RETENTION_CHANGED]
    assert "after collection" in changes[0].text("en")


def test_purpose_text_change(base: Project) -> None:
    changes = changed(
        base,
        lambda p: setattr(p.purposes[0], "consequence", LocalText({"en": "No account."})),
    )
    assert kinds(changes) == [K.PURPOSE_UPDATED]


# --- cookies ------------------------------------------------------------------------------------


def test_cookie_added_removed_and_lifetime(base: Project) -> None:
    def edit(p: Project) -> None:
        p.cookies.items[0].lifetime = Duration(amount=1, unit=TimeUnit.MONTHS)  # 6 -> 1 month
        p.cookies.items[1].lifetime = Duration(amount=2, unit=TimeUnit.YEARS)  # 13 months -> 2 y
        p.cookies.items.pop(2)
        p.cookies.items.append(
            Cookie(
                name="lang",
                provider="Us",
                category=CookieCategory.PREFERENCES,
                purpose=LocalText({"en": "Language"}),
            )
        )

    changes = changed(base, edit)
    assert kinds(changes) == [
        K.COOKIE_LIFETIME_SHORTENED,
        K.COOKIE_LIFETIME_LENGTHENED,
        K.COOKIE_ADDED,
        K.COOKIE_REMOVED,
    ]
    assert changes[0].text("en") == (
        "The lifetime of the cookie kb_consent was shortened from 6 months to 1 month."
    )
    assert changes[2].text("en") == (
        "New cookie: lang from Us (Preferences, lifetime: until the browser is closed)."
    )
    assert "_ga_<container-id>" in changes[3].text("en")


def test_cookie_becomes_a_session_cookie_and_changes_category(base: Project) -> None:
    def edit(p: Project) -> None:
        p.cookies.items[0].lifetime = None
        p.cookies.items[0].category = CookieCategory.PREFERENCES

    changes = changed(base, edit)
    assert kinds(changes) == [K.COOKIE_CATEGORY_CHANGED, K.COOKIE_LIFETIME_CHANGED]
    assert "until the browser is closed" in changes[1].text("en")
    assert "bis zum Schließen des Browsers" in changes[1].text("de")


def test_cookies_stopped_and_started(base: Project) -> None:
    assert kinds(changed(base, lambda p: setattr(p.cookies, "used", False))) == [K.COOKIES_STOPPED]
    none = base.model_copy(deep=True)
    none.cookies.used = False
    assert kinds(history.diff(none, base))[0] is K.COOKIES_STARTED
    assert K.COOKIE_ADDED in kinds(history.diff(none, base))


def test_cookie_consent_text(base: Project) -> None:
    changes = changed(
        base, lambda p: setattr(p.cookies, "withdrawal", LocalText({"en": "The footer link."}))
    )
    assert kinds(changes) == [K.COOKIE_CONSENT_CHANGED]


# --- the rest -----------------------------------------------------------------------------------


def test_services_added_and_removed(base: Project) -> None:
    def edit(p: Project) -> None:
        p.services = [s for s in p.services if s is not Service.ONLINE_PAYMENTS]
        p.services.append(Service.NEWSLETTER)

    changes = changed(base, edit)
    assert kinds(changes) == [K.SERVICE_ADDED, K.SERVICE_REMOVED]
    assert changes[0].text("en") == "This privacy policy now also covers our newsletter."


def test_dpo_removed_added_changed(base: Project) -> None:
    assert kinds(changed(base, lambda p: setattr(p, "dpo", None))) == [K.DPO_REMOVED]
    no_dpo = base.model_copy(deep=True)
    no_dpo.dpo = None
    added = history.diff(no_dpo, base)
    assert kinds(added) == [K.DPO_ADDED]
    assert "functionaris voor gegevensbescherming" in added[0].text("nl")
    assert "délégué à la protection des données" in added[0].text("fr")
    assert "Datenschutzbeauftragten" in added[0].text("de")
    assert kinds(
        changed(base, lambda p: setattr(p, "dpo", Person(name="Dr. New", email="dpo@new.example")))
    ) == [K.DPO_CHANGED]


def test_representative_added(base: Project) -> None:
    changes = changed(base, lambda p: setattr(p, "representative", Person(name="Rep GmbH")))
    assert kinds(changes) == [K.REPRESENTATIVE_ADDED]


def test_organisation_changes(base: Project) -> None:
    def edit(p: Project) -> None:
        p.organisation.legal_name = "New Name GmbH"
        p.organisation.email = "privacy@new.example"
        p.organisation.phone = "+49 30 000"

    changes = changed(base, edit)
    assert kinds(changes) == [
        K.ORGANISATION_RENAMED,
        K.ORGANISATION_EMAIL,
        K.ORGANISATION_CONTACT,
    ]
    assert changes[1].text("en").endswith("privacy@new.example.")


def test_authority_changed(base: Project) -> None:
    changes = changed(base, lambda p: setattr(p.authority, "catalog_id", "DE-BY"))
    assert kinds(changes) == [K.AUTHORITY_CHANGED]
    assert "Bayer" in changes[0].text("de")


def test_age_threshold_and_children(base: Project) -> None:
    assert kinds(changed(base, lambda p: setattr(p.children, "age_threshold", 14))) == [
        K.AGE_THRESHOLD_CHANGED
    ]
    text = changed(base, lambda p: setattr(p.children, "age_threshold", 14))[0].text("en")
    assert "from 16 to 14 years" in text
    assert kinds(changed(base, lambda p: setattr(p.children, "targets_children", True))) == [
        K.CHILDREN_TARGETED
    ]


def test_rights(base: Project) -> None:
    changes = changed(base, lambda p: setattr(p.rights, "response_days", 14))
    assert kinds(changes) == [K.RESPONSE_TIME_CHANGED]
    assert changes[0].text("nl") == (
        "Wij reageren op verzoeken over uw rechten nu binnen 14 dagen (voorheen 30 dagen)."
    )
    assert kinds(changed(base, lambda p: setattr(p.rights, "by_post", False))) == [
        K.RIGHTS_CHANNELS_CHANGED
    ]


def test_automated_decisions(base: Project) -> None:
    def edit(p: Project) -> None:
        p.automated_decisions.used = True
        p.automated_decisions.logic = LocalText({"en": "A score."})
        p.automated_decisions.consequences = LocalText({"en": "A priority."})

    assert kinds(changed(base, edit)) == [K.AUTOMATED_DECISIONS_STARTED]


def test_unexplained_difference_gives_one_general_change(base: Project) -> None:
    changes = changed(
        base, lambda p: setattr(p.children, "parental_consent", LocalText({"en": "x"}))
    )
    assert kinds(changes) == [K.OTHER]


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated_with_its_placeholders(base: Project, lang: str) -> None:
    """Every change from the examples renders in every language without a missing value."""
    from wizard.i18n import translation

    other = load_project(EXAMPLES / "software-company.privacy.json")
    t = translation("policy", lang)
    for change in [*history.diff(base, other), *history.diff(other, base)]:
        text = change.text(lang)
        assert "{" not in text, text
        if lang != "en":
            assert t.gettext(change.message) != change.message, change.message


# --- versions, proposals, recording -----------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [("1.0", "1.1"), ("1.9", "1.10"), ("2", "3"), ("v2.0-draft", "v2.1-draft"), ("", "1.0")],
)
def test_next_version(before: str, after: str) -> None:
    assert history.next_version(before) == after


def test_publishing_flow(base: Project) -> None:
    project = base.model_copy(deep=True)
    # Nothing published yet: the first version, with the project's own number.
    proposal = history.propose(project)
    assert proposal is not None and proposal.first and proposal.version == "2.1"
    assert proposal.summary("de") == "Erste veröffentlichte Version dieser Datenschutzerklärung."
    summary = history.complete_summary(LocalText({"en": "Our words."}), proposal)
    assert summary.get("en") == "Our words." and summary.languages() == set(LANGS)
    entry = history.new_version(project, summary, dt.date(2026, 12, 1))
    history.record(project, entry)
    assert history.propose(project) is None  # nothing new to record
    assert history.is_published(project)
    # A change: the next number, and only that change.
    project.rights.response_days = 20
    proposal = history.propose(project)
    assert proposal is not None and not proposal.first
    assert proposal.version == "2.2"
    assert kinds(proposal.changes) == [K.RESPONSE_TIME_CHANGED]
    project.publication.version = proposal.version
    history.record(project, history.new_version(project, proposal.summaries()))
    assert [v.version for v in project.history] == ["2.1", "2.2"]
    assert project.history[0].answers.rights.response_days == 30
    # Publishing a number again replaces that entry instead of listing it twice.
    project.rights.response_days = 25
    history.record(project, history.new_version(project, proposal.summaries()))
    assert [v.version for v in project.history] == ["2.1", "2.2"]
    assert project.history[-1].answers.rights.response_days == 25


def test_with_version_leaves_the_project_alone(base: Project) -> None:
    entry = history.new_version(base, LocalText({"en": "First."}))
    copy = history.with_version(base, entry)
    assert base.history == [] and len(copy.history) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_history_section_in_the_document(base: Project, lang: str) -> None:
    from wizard.i18n import translation
    from wizard.policy.document import Heading, Table

    t = translation("policy", lang)
    project = base.model_copy(deep=True)
    assert not any(
        isinstance(b, Heading) and b.text == t.gettext("Versions of this privacy policy")
        for b in build_document(project, lang).blocks
    ), "no history, no section"
    first = history.propose(project)
    assert first is not None
    history.record(project, history.new_version(project, first.summaries(), dt.date(2025, 3, 1)))
    project.recipients.pop(0)
    second = history.propose(project)
    assert second is not None
    project.publication.version = second.version
    project = history.with_version(
        project, history.new_version(project, second.summaries(), dt.date(2026, 3, 1))
    )
    doc = build_document(project, lang)
    headings = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert t.gettext("Changes to this privacy policy") in headings
    assert t.gettext("Versions of this privacy policy") in headings
    table = next(
        b
        for b in doc.blocks
        if isinstance(b, Table)
        and b.caption == t.gettext("Published versions of this privacy policy and what changed")
    )
    assert [row[0].text for row in table.rows] == ["2.2", "2.1"]  # newest first
    assert table.rows[0][2].text == second.summary(lang)
    assert table.rows[1][2].text == first.summary(lang)
    assert doc.version == "2.2"
    # The flag turns it off.
    project.publication.show_history = False
    headings = [b.text for b in build_document(project, lang).blocks if isinstance(b, Heading)]
    assert t.gettext("Versions of this privacy policy") not in headings


def test_the_example_history_is_consistent() -> None:
    """The telehealth example has two published versions; its answers are the last one."""
    project = load_project(EXAMPLES / "telehealth-startup.privacy.json")
    assert [v.version for v in project.history] == ["2.0", "2.1"]
    assert history.propose(project) is None
    changes = history.diff(project.history[0].answers, project.history[1].answers)
    for lang in LANGS:
        assert project.history[1].summary.get(lang) == history.summary_text(changes, lang)


def test_a_new_version_number_for_the_same_answers(base: Project) -> None:
    project = base.model_copy(deep=True)
    first = history.propose(project)
    assert first is not None
    history.record(project, history.new_version(project, first.summaries()))
    assert history.propose(project) is None
    project.publication.version = "3.0"
    proposal = history.propose(project)
    assert proposal is not None and proposal.version == "3.0" and proposal.changes == []
    assert proposal.summary("en") == (
        "Revised version; the processing of personal data it describes has not changed."
    )
    assert proposal.summary("nl").startswith("Herziene versie")


def test_recipient_purposes_linked_and_unlinked(base: Project) -> None:
    def edit(p: Project) -> None:
        p.recipients[0].purposes = [*p.recipients[0].purposes, "payments"]
        p.recipients[1].purposes = p.recipients[1].purposes[1:]

    changes = changed(base, edit)
    assert kinds(changes) == [K.RECIPIENT_PURPOSE_ADDED, K.RECIPIENT_PURPOSE_REMOVED]
    assert (
        changes[0]
        .text("en")
        .startswith("Amazon Web Services EMEA SARL now also receives personal data for “")
    )


def _edit(path: str, value: object) -> Callable[[Project], None]:
    def edit(project: Project) -> None:
        *parents, name = path.split(".")
        target: object = project
        for part in parents:
            target = getattr(target, part)
        setattr(target, name, value)

    return edit


def _without_dpo(p: Project) -> None:
    p.dpo = None


def _with_representative(p: Project) -> None:
    p.representative = Person(name="Rep GmbH")


def _with_automated(p: Project) -> None:
    p.automated_decisions.used = True
    p.automated_decisions.logic = LocalText({"en": "A score."})
    p.automated_decisions.consequences = LocalText({"en": "A priority."})


def _basis_unset(p: Project) -> None:
    p.purposes[0].legal_basis = None


def _retention_unset(p: Project) -> None:
    for q in p.purposes:
        q.retention.period = None


#: (old is edited by the first function, new by the second), and the kind that must appear.
SCENARIOS: list[tuple[Callable[[Project], None] | None, Callable[[Project], None], K]] = [
    (_basis_unset, lambda p: None, K.LEGAL_BASIS_CHANGED),
    (_retention_unset, lambda p: None, K.RETENTION_CHANGED),
    (_with_representative, _edit("representative", None), K.REPRESENTATIVE_REMOVED),
    (_with_representative, _edit("representative", Person(name="Other")), K.REPRESENTATIVE_CHANGED),
    (_edit("children.targets_children", True), lambda p: None, K.CHILDREN_NOT_TARGETED),
    (
        _edit("children.targets_children", True),
        lambda p: (
            _edit("children.targets_children", True)(p),
            _edit("children.oldest_age", 17)(p),
        ),
        K.CHILDREN_AGES_CHANGED,
    ),
    (None, _edit("authority.email", "new@authority.example"), K.AUTHORITY_DETAILS_CHANGED),
    (_with_automated, _edit("automated_decisions.used", False), K.AUTOMATED_DECISIONS_STOPPED),
    (
        _with_automated,
        lambda p: (
            _with_automated(p),
            _edit("automated_decisions.logic", LocalText({"en": "B"}))(p),
        ),
        K.AUTOMATED_DECISIONS_CHANGED,
    ),
    (_without_dpo, lambda p: None, K.DPO_ADDED),
]


@pytest.mark.parametrize(
    ("old_edit", "new_edit", "kind"), SCENARIOS, ids=[s[2].value for s in SCENARIOS]
)
def test_more_kinds(
    base: Project,
    old_edit: Callable[[Project], None] | None,
    new_edit: Callable[[Project], None],
    kind: K,
) -> None:
    old = base.model_copy(deep=True)
    if old_edit is not None:
        old_edit(old)
    new = base.model_copy(deep=True)
    new_edit(new)
    changes = history.diff(old, new)
    assert kind in kinds(changes), kinds(changes)
    for lang in LANGS:
        for change in changes:
            assert "{" not in change.text(lang)


def test_every_kind_of_change_is_tested() -> None:
    """Each kind appears in a test of this file (by name), so none is left unchecked."""
    from pathlib import Path

    source = Path(__file__).read_text(encoding="utf-8")
    untested = [k.name for k in K if f"K.{k.name}" not in source]
    assert not untested, untested


def test_no_double_full_stop_after_a_name_or_phrase_ending_in_one(base: Project) -> None:
    changes = changed(base, lambda p: p.recipients.pop(1))
    assert (
        changes[0].text("en") == "We no longer use this processor: Zoom Video Communications, Inc."
    )
    changes = changed(base, lambda p: setattr(p.recipients[1], "safeguard", Safeguard.DPF))
    safeguard = changed(base, lambda p: setattr(p.recipients[1], "safeguard", Safeguard.SCC))
    assert not changes
    for lang in LANGS:
        assert ".." not in safeguard[0].text(lang)
        assert "..." in history.Change(K.OTHER, "{x}.", {"x": "Wait..."}).text(lang)


def test_a_summary_is_text_never_markup(base: Project) -> None:
    from wizard.policy.document import Table

    hostile = '<b>{{ 7*7 }}</b> & "Co"\nsecond line'
    project = history.with_version(
        base, history.new_version(base, LocalText({lang: hostile for lang in LANGS}))
    )
    doc = build_document(project, "en")
    table = next(b for b in doc.blocks if isinstance(b, Table) and b.header[0].text == "Version")
    assert table.rows[0][2].text == hostile


def test_a_recipient_described_by_its_category_reads_inside_the_sentence() -> None:
    from wizard.history import diff, inline_case

    old = load_project(EXAMPLES / "software-company.privacy.json")
    new = old.model_copy(deep=True)
    new.recipients = [r for r in new.recipients if r.name]  # drops "Our accountant"
    texts = {lang: [c.text(lang) for c in diff(old, new)] for lang in LANGUAGES}
    assert texts["en"] == ["We no longer share personal data with our accountant."]
    assert "onze accountant" in texts["nl"][0]
    assert "notre expert-comptable" in texts["fr"][0]
    assert "an unser Steuerbüro weiter" in texts["de"][0]
    assert inline_case("Steuerbüro des Vertrauens", "de") == "Steuerbüro des Vertrauens"
    assert inline_case("AOK members", "en") == "AOK members"


def test_lists_are_compared_by_key_in_one_place() -> None:
    """Purposes, recipients, cookies, services, a purpose's data and a recipient's purposes are
    all compared by :func:`keyed_changes`: new items in their order (added or changed), then
    the items that are gone."""
    from wizard.history.changes import Change
    from wizard.history.item_changes import keyed_changes

    def change(kind: K, what: str) -> list[Change]:
        return [Change(kind, "{x}", {"x": what})]

    found = keyed_changes(
        ["a", "B", "c"],
        ["d", "b", "a"],
        str.lower,
        added=lambda x: change(K.SERVICE_ADDED, x),
        removed=lambda x: change(K.SERVICE_REMOVED, x),
        changed=lambda old, new: change(K.PURPOSE_UPDATED, old + new) if old != new else [],
    )
    assert [(c.kind, c.text()) for c in found] == [
        (K.SERVICE_ADDED, "d"),
        (K.PURPOSE_UPDATED, "Bb"),
        (K.SERVICE_REMOVED, "c"),
    ]


def test_a_purpose_named_in_other_languages_only_is_named_in_the_first_registered_one() -> None:
    """A name not written in the reader's language nor in English reads in the first
    registered language that has it; a purpose without a name is named by its id."""
    old = load_project(EXAMPLES / "software-company.privacy.json")
    new = old.model_copy(deep=True)
    new.purposes = [
        *new.purposes,
        Purpose(id="research", name=LocalText({"de": "Forschung", "nl": "Onderzoek"})),
        Purpose(id="unnamed", name=LocalText()),
    ]
    added = [c for c in history.diff(old, new) if c.kind is K.PURPOSE_ADDED]
    assert "Onderzoek" in added[0].text("fr") and "Forschung" not in added[0].text("fr")
    assert "Forschung" in added[0].text("de")
    assert "“unnamed”" in added[1].text("en")
