"""A policy's history: what changed between two sets of answers, in the words of the policy.

Each project keeps its published versions (:class:`~wizard.model.answers.PublishedVersion`), with
a snapshot of the answers as published. :func:`diff` compares two sets of answers and returns
:class:`Change` objects in domain terms (a processor added, a retention period shortened, a new
cookie), not JSON differences. Every change carries an English source message marked with
:func:`~wizard.flow.N_` and named ``{placeholders}``; :meth:`Change.text` renders it in any of
the four languages with the ``policy`` translator, so the "what changed" summary uses the same
official GDPR terms as the document it is printed in.

The publishing flow lives here too, so the wizard's output page only shows it: :func:`propose`
says whether the answers differ from the last published version and proposes a version number
and a summary; :func:`record` adds the new version to the history once the documents exist.

No Qt here (``tests/test_layers.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from babel import Locale

from wizard import languages
from wizard.flow import N_
from wizard.i18n import translation
from wizard.law.applicability import project_consent_age
from wizard.model.answers import (
    LANGUAGES,
    Answers,
    Cookie,
    CookieCategory,
    DataCategory,
    Duration,
    LegalBasis,
    LocalText,
    Person,
    Project,
    PublishedVersion,
    Purpose,
    Recipient,
    RecipientRole,
    RetentionStart,
    Safeguard,
    Service,
    SpecialCondition,
    TimeUnit,
)
from wizard.policy.vocabulary import Words

# --- the kinds of change --------------------------------------------------------------------------


class ChangeKind(StrEnum):
    """What kind of change a :class:`Change` is (stable names, for tests and tools)."""

    ORGANISATION_RENAMED = "organisation_renamed"
    ORGANISATION_EMAIL = "organisation_email"
    ORGANISATION_CONTACT = "organisation_contact"
    DPO_ADDED = "dpo_added"
    DPO_REMOVED = "dpo_removed"
    DPO_CHANGED = "dpo_changed"
    REPRESENTATIVE_ADDED = "representative_added"
    REPRESENTATIVE_REMOVED = "representative_removed"
    REPRESENTATIVE_CHANGED = "representative_changed"
    SERVICE_ADDED = "service_added"
    SERVICE_REMOVED = "service_removed"
    PURPOSE_ADDED = "purpose_added"
    PURPOSE_REMOVED = "purpose_removed"
    PURPOSE_DATA_ADDED = "purpose_data_added"
    PURPOSE_DATA_REMOVED = "purpose_data_removed"
    LEGAL_BASIS_CHANGED = "legal_basis_changed"
    SPECIAL_CONDITION_CHANGED = "special_condition_changed"
    RETENTION_SHORTENED = "retention_shortened"
    RETENTION_LENGTHENED = "retention_lengthened"
    RETENTION_CHANGED = "retention_changed"
    PURPOSE_UPDATED = "purpose_updated"
    RECIPIENT_ADDED = "recipient_added"
    RECIPIENT_REMOVED = "recipient_removed"
    RECIPIENT_COUNTRY_CHANGED = "recipient_country_changed"
    RECIPIENT_SAFEGUARD_CHANGED = "recipient_safeguard_changed"
    RECIPIENT_ROLE_CHANGED = "recipient_role_changed"
    RECIPIENT_PURPOSE_ADDED = "recipient_purpose_added"
    RECIPIENT_PURPOSE_REMOVED = "recipient_purpose_removed"
    RECIPIENT_UPDATED = "recipient_updated"
    COOKIES_STARTED = "cookies_started"
    COOKIES_STOPPED = "cookies_stopped"
    COOKIE_ADDED = "cookie_added"
    COOKIE_REMOVED = "cookie_removed"
    COOKIE_LIFETIME_SHORTENED = "cookie_lifetime_shortened"
    COOKIE_LIFETIME_LENGTHENED = "cookie_lifetime_lengthened"
    COOKIE_LIFETIME_CHANGED = "cookie_lifetime_changed"
    COOKIE_CATEGORY_CHANGED = "cookie_category_changed"
    COOKIE_CONSENT_CHANGED = "cookie_consent_changed"
    CHILDREN_TARGETED = "children_targeted"
    CHILDREN_NOT_TARGETED = "children_not_targeted"
    CHILDREN_AGES_CHANGED = "children_ages_changed"
    AGE_THRESHOLD_CHANGED = "age_threshold_changed"
    RESPONSE_TIME_CHANGED = "response_time_changed"
    RIGHTS_CHANNELS_CHANGED = "rights_channels_changed"
    AUTHORITY_CHANGED = "authority_changed"
    AUTHORITY_DETAILS_CHANGED = "authority_details_changed"
    AUTOMATED_DECISIONS_STARTED = "automated_decisions_started"
    AUTOMATED_DECISIONS_STOPPED = "automated_decisions_stopped"
    AUTOMATED_DECISIONS_CHANGED = "automated_decisions_changed"
    OTHER = "other"


# --- placeholder values, rendered in the document's language ----------------------------------


@dataclass(frozen=True)
class _Lang:
    """What a placeholder needs to render itself in one language."""

    code: str
    words: Words
    locale: Locale
    gettext: Callable[[str], str]


@dataclass(frozen=True)
class Text:
    """The user's own text (a purpose's name): the text in the language, else in another.

    ``inline`` texts are descriptions that stand inside a sentence ("with our accountant"): their
    first word is written in lower case where the language does so (see :func:`inline_case`).
    """

    text: LocalText
    fallback: str = ""
    inline: bool = False

    def render(self, lang: _Lang) -> str:
        for code in (lang.code, languages.SOURCE, *LANGUAGES):
            value = self.text.get(code)
            if value:
                return inline_case(value, code) if self.inline else value
        return self.fallback


#: German words that are written in lower case inside a sentence (nouns keep their capital).
def inline_case(text: str, lang: str) -> str:
    """A description the user wrote to stand alone ("Our accountant", "Unser Steuerbüro") as it
    reads inside a sentence: "our accountant", "unser Steuerbüro". English, Dutch and French
    lower the first letter (unless the first word is an acronym); German only for articles and
    possessives, as its nouns keep their capitals."""
    first = text.split(" ", 1)[0]
    if not first[:1].isupper() or first[1:2].isupper():
        return text
    language = languages.get(lang)
    if language.capitalised_nouns and first.casefold() not in language.lowered_words:
        return text
    return text[0].lower() + text[1:]


@dataclass(frozen=True)
class Word:
    """A word of the model's vocabularies (a legal basis, a service), in the policy's terms."""

    value: StrEnum

    def render(self, lang: _Lang) -> str:
        w = lang.words
        value = self.value
        if isinstance(value, LegalBasis):
            return w.legal_basis(value)
        if isinstance(value, Service):
            return w.service(value)
        if isinstance(value, DataCategory):
            return w.data_category(value)
        if isinstance(value, RecipientRole):
            return w.role(value)
        if isinstance(value, Safeguard):
            return w.safeguard(value)
        if isinstance(value, SpecialCondition):
            return w.special_condition(value)
        if isinstance(value, CookieCategory):
            return w.cookie_category(value)
        return str(value.value)


@dataclass(frozen=True)
class Country:
    """A country, named in the document's language."""

    code: str

    def render(self, lang: _Lang) -> str:
        return str(lang.locale.territories.get(self.code, self.code))


@dataclass(frozen=True)
class Period:
    """A retention period (with the event it runs from) or a cookie lifetime.

    ``amount`` ``None`` is a session cookie's lifetime.
    """

    amount: int | None
    unit: TimeUnit = TimeUnit.DAYS
    starting: RetentionStart | None = None
    retention: bool = False

    def render(self, lang: _Lang) -> str:
        if self.amount is None:
            return lang.gettext(SESSION)
        if self.retention:
            return lang.words.retention(self.amount, self.unit, self.starting)
        return lang.words.duration(self.amount, self.unit)


@dataclass(frozen=True)
class AuthorityName:
    """A supervisory authority, by its catalogue id (named in the language) or its own name."""

    catalog_id: str | None
    name: str

    def render(self, lang: _Lang) -> str:
        if self.catalog_id:
            from wizard.catalog.authorities import authority

            found = authority(self.catalog_id)
            if found is not None:
                return found.name(lang.code)
        return self.name or (self.catalog_id or "")


#: A value for a placeholder: plain text and numbers print as they are.
Value = str | int | Text | Word | Country | Period | AuthorityName

#: How a session cookie's lifetime is named inside a sentence.
SESSION = N_("until the browser is closed")


_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")


def _render(value: Value, lang: _Lang) -> str:
    if isinstance(value, str | int):
        return str(value)
    return value.render(lang)


def _language(code: str) -> _Lang:
    t = translation("policy", code)
    return _Lang(code, Words(t, code), Locale.parse(languages.get(code).locale), t.gettext)


@dataclass(frozen=True)
class Change:
    """One change between two versions, as a sentence in the policy's voice.

    ``message`` is the English source (a translation unit of the ``policy`` domain) with named
    ``{placeholders}``; ``params`` holds their values, rendered in the language asked for.
    """

    kind: ChangeKind
    message: str
    params: Mapping[str, Value] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        """The change as one sentence in ``lang`` (``en``, ``nl``, ``fr`` or ``de``)."""
        language = _language(lang)
        values = {name: _render(value, language) for name, value in self.params.items()}
        text = language.gettext(self.message).format(**values)
        # A value ending in a full stop ("Inc.", a phrase of the vocabulary) before the
        # sentence's own full stop: one is enough.
        return _DOUBLE_STOP.sub(".", text)


# --- the diff -----------------------------------------------------------------------------------


def _content(answers: Answers) -> dict[str, Any]:
    """What a version is about: the answers without the publication settings, and without the
    notes the policy does not print (why an authority is named, the facts that decide whether
    a data protection officer is required) and the record of processing activities' own facts."""
    return answers.model_dump(
        mode="json",
        exclude={
            "publication": True,
            "record": True,
            "format_version": True,
            "history": True,
            "dpo_facts": True,
            "authority": {"reason"},
        },
    )


def diff(old: Answers, new: Answers) -> list[Change]:
    """The changes from ``old`` to ``new``, section by section in the order of the policy.

    Publication settings (version, date, languages, folder) are not changes of the policy's
    content. A difference no specific change describes gives one :attr:`ChangeKind.OTHER`.
    """
    changes: list[Change] = []
    changes += _organisation(old, new)
    changes += _person(old.dpo, new.dpo, _DPO)
    changes += _person(old.representative, new.representative, _REPRESENTATIVE)
    changes += _services(old.services, new.services)
    changes += _purposes(old, new)
    changes += _recipients(old, new)
    changes += _cookies(old, new)
    changes += _children(old, new)
    changes += _rights(old, new)
    changes += _authority(old, new)
    changes += _automated(old, new)
    if _content(old) != _content(new):
        described = {c.kind for c in changes}
        if not described or _unexplained(old, new, described):
            changes.append(
                Change(ChangeKind.OTHER, N_("Further details of this privacy policy were updated."))
            )
    return changes


#: Which kinds of change explain a difference in each top-level section of the answers.
_SECTION_KINDS: dict[str, str] = {
    "organisation": "organisation_",
    "dpo": "dpo_",
    "representative": "representative_",
    "services": "service_",
    "purposes": "purpose_|legal_basis_|special_condition_|retention_",
    "recipients": "recipient_",
    "cookies": "cookie",
    "children": "children_|age_threshold_",
    "rights": "response_time_|rights_",
    "authority": "authority_",
    "automated_decisions": "automated_decisions_",
}


def _unexplained(old: Answers, new: Answers, kinds: set[ChangeKind]) -> bool:
    """True when a section differs but no change found in it says so."""
    a, b = _content(old), _content(new)
    for section, prefixes in _SECTION_KINDS.items():
        if a.get(section) != b.get(section) and not any(
            re.match(prefixes, kind.value) for kind in kinds
        ):
            return True
    return False


def _organisation(old: Answers, new: Answers) -> list[Change]:
    a, b = old.organisation, new.organisation
    out: list[Change] = []
    if a.legal_name != b.legal_name and a.legal_name and b.legal_name:
        out.append(
            Change(
                ChangeKind.ORGANISATION_RENAMED,
                N_("Our name changed from {old} to {new}."),
                {"old": a.legal_name, "new": b.legal_name},
            )
        )
    if a.email != b.email and b.email:
        out.append(
            Change(
                ChangeKind.ORGANISATION_EMAIL,
                N_("Our e-mail address for questions about privacy is now {email}."),
                {"email": b.email},
            )
        )
    rest = {"legal_name", "email"}
    if a.model_dump(exclude=rest) != b.model_dump(exclude=rest):
        out.append(
            Change(
                ChangeKind.ORGANISATION_CONTACT,
                N_("Our contact details (address, telephone number or website) were updated."),
            )
        )
    return out


@dataclass(frozen=True)
class _PersonMessages:
    added: tuple[ChangeKind, str]
    removed: tuple[ChangeKind, str]
    changed: tuple[ChangeKind, str]


_DPO = _PersonMessages(
    (ChangeKind.DPO_ADDED, N_("We have appointed a data protection officer.")),
    (ChangeKind.DPO_REMOVED, N_("We no longer have a data protection officer.")),
    (
        ChangeKind.DPO_CHANGED,
        N_("The contact details of our data protection officer were updated."),
    ),
)
_REPRESENTATIVE = _PersonMessages(
    (
        ChangeKind.REPRESENTATIVE_ADDED,
        N_("We have designated a representative in the European Union."),
    ),
    (
        ChangeKind.REPRESENTATIVE_REMOVED,
        N_("We no longer have a representative in the European Union."),
    ),
    (
        ChangeKind.REPRESENTATIVE_CHANGED,
        N_("The contact details of our representative in the European Union were updated."),
    ),
)


def _present(person: Person | None) -> bool:
    return person is not None and bool(
        person.name or person.email or person.phone or person.address
    )


def _person(old: Person | None, new: Person | None, messages: _PersonMessages) -> list[Change]:
    if not _present(old) and _present(new):
        return [Change(*messages.added)]
    if _present(old) and not _present(new):
        return [Change(*messages.removed)]
    if _present(old) and old != new:
        return [Change(*messages.changed)]
    return []


def _services(old: Sequence[Service], new: Sequence[Service]) -> list[Change]:
    out = [
        Change(
            ChangeKind.SERVICE_ADDED,
            N_("This privacy policy now also covers {service}."),
            {"service": Word(s)},
        )
        for s in new
        if s not in old
    ]
    out += [
        Change(
            ChangeKind.SERVICE_REMOVED,
            N_("This privacy policy no longer covers {service}."),
            {"service": Word(s)},
        )
        for s in old
        if s not in new
    ]
    return out


#: Rough length of each unit in days, to tell a shorter period from a longer one.
_DAYS = {TimeUnit.DAYS: 1.0, TimeUnit.WEEKS: 7.0, TimeUnit.MONTHS: 30.44, TimeUnit.YEARS: 365.25}


def _days(duration: Duration) -> float:
    return duration.amount * _DAYS[duration.unit]


def _purposes(old: Answers, new: Answers) -> list[Change]:
    out: list[Change] = []
    before = {p.id: p for p in old.purposes}
    after = {p.id: p for p in new.purposes}
    for pid, p in after.items():
        name = Text(p.name, p.id)
        q = before.get(pid)
        if q is None:
            out.append(
                Change(
                    ChangeKind.PURPOSE_ADDED,
                    N_("We now also process personal data for a new purpose: “{purpose}”."),
                    {"purpose": name},
                )
            )
            continue
        found: list[Change] = []
        for c in p.data_categories:
            if c not in q.data_categories:
                found.append(
                    Change(
                        ChangeKind.PURPOSE_DATA_ADDED,
                        N_("For “{purpose}” we now also process: {data}."),
                        {"purpose": name, "data": Word(c)},
                    )
                )
        for c in q.data_categories:
            if c not in p.data_categories:
                found.append(
                    Change(
                        ChangeKind.PURPOSE_DATA_REMOVED,
                        N_("For “{purpose}” we no longer process: {data}."),
                        {"purpose": name, "data": Word(c)},
                    )
                )
        if p.legal_basis != q.legal_basis and p.legal_basis is not None:
            if q.legal_basis is None:
                found.append(
                    Change(
                        ChangeKind.LEGAL_BASIS_CHANGED,
                        N_("The legal basis for “{purpose}” is now: {new}."),
                        {"purpose": name, "new": Word(p.legal_basis)},
                    )
                )
            else:
                found.append(
                    Change(
                        ChangeKind.LEGAL_BASIS_CHANGED,
                        N_("The legal basis for “{purpose}” is now: {new}; previously: {old}."),
                        {"purpose": name, "old": Word(q.legal_basis), "new": Word(p.legal_basis)},
                    )
                )
        if (
            p.special_condition != q.special_condition
            and p.special_condition is not None
            and p.special_categories
        ):
            found.append(
                Change(
                    ChangeKind.SPECIAL_CONDITION_CHANGED,
                    N_(
                        "For “{purpose}” we now process special categories of personal data on "
                        "this basis: {condition}."
                    ),
                    {"purpose": name, "condition": Word(p.special_condition)},
                )
            )
        found += _retention(p.retention.period, p.retention.starting, q, name)
        rest = {"data_categories", "legal_basis", "special_condition"}
        if not found and p.model_dump(exclude=rest) != q.model_dump(exclude=rest):
            found.append(
                Change(
                    ChangeKind.PURPOSE_UPDATED,
                    N_("The information about “{purpose}” was updated."),
                    {"purpose": name},
                )
            )
        out += found
    for pid, q in before.items():
        if pid not in after:
            out.append(
                Change(
                    ChangeKind.PURPOSE_REMOVED,
                    N_("We no longer process personal data for this purpose: “{purpose}”."),
                    {"purpose": Text(q.name, q.id)},
                )
            )
    return out


def _retention(
    period: Duration | None, starting: RetentionStart | None, before: Purpose, name: Text
) -> list[Change]:
    old_period: Duration | None = before.retention.period
    old_start: RetentionStart | None = before.retention.starting
    if period is None or (period == old_period and starting == old_start):
        return []
    new = Period(period.amount, period.unit, starting, retention=True)
    if old_period is None:
        return [
            Change(
                ChangeKind.RETENTION_CHANGED,
                N_("We now keep the data for “{purpose}” for this period: {new}."),
                {"purpose": name, "new": new},
            )
        ]
    old = Period(old_period.amount, old_period.unit, old_start, retention=True)
    params: dict[str, Value] = {"purpose": name, "old": old, "new": new}
    if starting == old_start and _days(period) < _days(old_period):
        return [
            Change(
                ChangeKind.RETENTION_SHORTENED,
                N_("The retention period for “{purpose}” was shortened from {old} to {new}."),
                params,
            )
        ]
    if starting == old_start and _days(period) > _days(old_period):
        return [
            Change(
                ChangeKind.RETENTION_LENGTHENED,
                N_("The retention period for “{purpose}” was extended from {old} to {new}."),
                params,
            )
        ]
    return [
        Change(
            ChangeKind.RETENTION_CHANGED,
            N_("The retention period for “{purpose}” changed: previously {old}, now {new}."),
            params,
        )
    ]


def recipient_key(recipient: Recipient) -> str:
    """What identifies a recipient from one version to the next: its catalogue entry or name."""
    if recipient.catalog_id:
        return "catalog:" + recipient.catalog_id
    if recipient.name:
        return "name:" + recipient.name.casefold()
    texts = [recipient.category.get(code) or "" for code in LANGUAGES]
    return "category:" + next((t.casefold() for t in texts if t), "")


def _recipient_name(r: Recipient) -> Value:
    return r.name if r.name else Text(r.category, inline=True)


def _recipients(old: Answers, new: Answers) -> list[Change]:
    out: list[Change] = []
    before = {recipient_key(r): r for r in old.recipients}
    after = {recipient_key(r): r for r in new.recipients}
    for key, r in after.items():
        who = _recipient_name(r)
        q = before.get(key)
        if q is None:
            params: dict[str, Value] = {"recipient": who, "country": Country(r.country)}
            if r.role is RecipientRole.PROCESSOR:
                message = N_("We have engaged a new processor: {recipient} ({country}).")
            else:
                message = N_("We now also share personal data with {recipient} ({country}).")
            out.append(Change(ChangeKind.RECIPIENT_ADDED, message, params))
            continue
        found: list[Change] = []
        if r.role != q.role:
            found.append(
                Change(
                    ChangeKind.RECIPIENT_ROLE_CHANGED,
                    N_("The role of {recipient} is now: {role}."),
                    {"recipient": who, "role": Word(r.role)},
                )
            )
        if r.country != q.country:
            found.append(
                Change(
                    ChangeKind.RECIPIENT_COUNTRY_CHANGED,
                    N_("{recipient} now processes personal data in {country} (previously {old})."),
                    {"recipient": who, "country": Country(r.country), "old": Country(q.country)},
                )
            )
        old_safeguard = (q.safeguard or Safeguard.NONE) if q.outside_eea else None
        new_safeguard = (r.safeguard or Safeguard.NONE) if r.outside_eea else None
        if new_safeguard is not None and new_safeguard != old_safeguard:
            found.append(
                Change(
                    ChangeKind.RECIPIENT_SAFEGUARD_CHANGED,
                    N_(
                        "The transfer of personal data to {recipient} now takes place on this basis: {safeguard}."
                    ),
                    {"recipient": who, "safeguard": Word(new_safeguard)},
                )
            )
        for pid in r.purposes:
            purpose = new.purpose(pid)
            if pid not in q.purposes and purpose is not None and old.purpose(pid) is not None:
                found.append(
                    Change(
                        ChangeKind.RECIPIENT_PURPOSE_ADDED,
                        N_("{recipient} now also receives personal data for “{purpose}”."),
                        {"recipient": who, "purpose": Text(purpose.name, pid)},
                    )
                )
        for pid in q.purposes:
            purpose = old.purpose(pid)
            if pid not in r.purposes and purpose is not None and new.purpose(pid) is not None:
                found.append(
                    Change(
                        ChangeKind.RECIPIENT_PURPOSE_REMOVED,
                        N_("{recipient} no longer receives personal data for “{purpose}”."),
                        {"recipient": who, "purpose": Text(purpose.name, pid)},
                    )
                )
        rest = {"role", "country", "safeguard", "purposes"}
        if r.model_dump(exclude=rest) != q.model_dump(exclude=rest):
            found.append(
                Change(
                    ChangeKind.RECIPIENT_UPDATED,
                    N_("The description of what {recipient} does was updated."),
                    {"recipient": who},
                )
            )
        out += found
    for key, q in before.items():
        if key not in after:
            if q.role is RecipientRole.PROCESSOR:
                message = N_("We no longer use this processor: {recipient}.")
            else:
                message = N_("We no longer share personal data with {recipient}.")
            out.append(
                Change(ChangeKind.RECIPIENT_REMOVED, message, {"recipient": _recipient_name(q)})
            )
    return out


def _cookie_key(cookie: Cookie) -> tuple[str, str]:
    return (cookie.name.casefold(), cookie.provider.casefold())


def _lifetime(cookie: Cookie) -> Period:
    if cookie.lifetime is None:
        return Period(None)
    return Period(cookie.lifetime.amount, cookie.lifetime.unit)


def _cookies(old: Answers, new: Answers) -> list[Change]:
    out: list[Change] = []
    a, b = old.cookies, new.cookies
    if b.used and not a.used:
        out.append(
            Change(ChangeKind.COOKIES_STARTED, N_("We now use cookies or similar technologies."))
        )
    elif a.used and not b.used:
        out.append(
            Change(
                ChangeKind.COOKIES_STOPPED, N_("We no longer use cookies or similar technologies.")
            )
        )
        return out
    if not b.used:
        return out
    before = {_cookie_key(c): c for c in a.items} if a.used else {}
    after = {_cookie_key(c): c for c in b.items}
    for key, c in after.items():
        q = before.get(key)
        if q is None:
            out.append(
                Change(
                    ChangeKind.COOKIE_ADDED,
                    N_("New cookie: {cookie} from {provider} ({category}, lifetime: {lifetime})."),
                    {
                        "cookie": c.name,
                        "provider": c.provider,
                        "category": Word(c.category),
                        "lifetime": _lifetime(c),
                    },
                )
            )
            continue
        if c.category != q.category:
            out.append(
                Change(
                    ChangeKind.COOKIE_CATEGORY_CHANGED,
                    N_("The cookie {cookie} now belongs to the category: {category}."),
                    {"cookie": c.name, "category": Word(c.category)},
                )
            )
        if c.lifetime != q.lifetime:
            params: dict[str, Value] = {"cookie": c.name, "old": _lifetime(q), "new": _lifetime(c)}
            if c.lifetime is not None and q.lifetime is not None:
                if _days(c.lifetime) < _days(q.lifetime):
                    kind, message = (
                        ChangeKind.COOKIE_LIFETIME_SHORTENED,
                        N_(
                            "The lifetime of the cookie {cookie} was shortened from {old} to {new}."
                        ),
                    )
                else:
                    kind, message = (
                        ChangeKind.COOKIE_LIFETIME_LENGTHENED,
                        N_("The lifetime of the cookie {cookie} was extended from {old} to {new}."),
                    )
            else:
                kind, message = (
                    ChangeKind.COOKIE_LIFETIME_CHANGED,
                    N_("The lifetime of the cookie {cookie} changed: previously {old}, now {new}."),
                )
            out.append(Change(kind, message, params))
    for key, q in before.items():
        if key not in after:
            out.append(
                Change(
                    ChangeKind.COOKIE_REMOVED,
                    N_("We no longer use the cookie {cookie} from {provider}."),
                    {"cookie": q.name, "provider": q.provider},
                )
            )
    if a.used and (a.consent_mechanism != b.consent_mechanism or a.withdrawal != b.withdrawal):
        out.append(
            Change(
                ChangeKind.COOKIE_CONSENT_CHANGED,
                N_(
                    "How we ask for your consent to cookies, or how you can withdraw it, has changed."
                ),
            )
        )
    return out


def _age(answers: Answers) -> int | None:
    children = answers.children
    if children.age_threshold is None and not children.targets_children:
        return None
    return project_consent_age(answers)


def _children(old: Answers, new: Answers) -> list[Change]:
    out: list[Change] = []
    a, b = old.children, new.children
    if b.targets_children and not a.targets_children:
        out.append(
            Change(
                ChangeKind.CHILDREN_TARGETED, N_("Our services are now also intended for children.")
            )
        )
    elif a.targets_children and not b.targets_children:
        out.append(
            Change(
                ChangeKind.CHILDREN_NOT_TARGETED,
                N_("Our services are no longer intended for children."),
            )
        )
    elif b.targets_children and (a.youngest_age, a.oldest_age) != (b.youngest_age, b.oldest_age):
        out.append(
            Change(
                ChangeKind.CHILDREN_AGES_CHANGED,
                N_("The ages for which our services are intended have changed."),
            )
        )
    old_age, new_age = _age(old), _age(new)
    if old_age is not None and new_age is not None and old_age != new_age:
        out.append(
            Change(
                ChangeKind.AGE_THRESHOLD_CHANGED,
                N_(
                    "The age below which we need the consent of a parent changed from {old} to {new} years."
                ),
                {"old": old_age, "new": new_age},
            )
        )
    return out


def _rights(old: Answers, new: Answers) -> list[Change]:
    out: list[Change] = []
    a, b = old.rights, new.rights
    if a.response_days != b.response_days:
        out.append(
            Change(
                ChangeKind.RESPONSE_TIME_CHANGED,
                N_(
                    "We now answer requests about your rights within {days} days (previously {old} days)."
                ),
                {"days": b.response_days, "old": a.response_days},
            )
        )
    if a.model_dump(exclude={"response_days"}) != b.model_dump(exclude={"response_days"}):
        out.append(
            Change(
                ChangeKind.RIGHTS_CHANNELS_CHANGED,
                N_("How you can exercise your rights has changed."),
            )
        )
    return out


def _authority(old: Answers, new: Answers) -> list[Change]:
    a, b = old.authority, new.authority
    if (a.catalog_id, a.name) != (b.catalog_id, b.name) and (b.catalog_id or b.name):
        return [
            Change(
                ChangeKind.AUTHORITY_CHANGED,
                N_("The supervisory authority named in this privacy policy is now: {authority}."),
                {"authority": AuthorityName(b.catalog_id, b.name)},
            )
        ]
    # The reason for naming an authority is a note for the review, not printed.
    if a.model_copy(update={"reason": ""}) != b.model_copy(update={"reason": ""}):
        return [
            Change(
                ChangeKind.AUTHORITY_DETAILS_CHANGED,
                N_("The contact details of the supervisory authority were updated."),
            )
        ]
    return []


def _automated(old: Answers, new: Answers) -> list[Change]:
    a, b = old.automated_decisions, new.automated_decisions
    if b.used and not a.used:
        return [
            Change(
                ChangeKind.AUTOMATED_DECISIONS_STARTED,
                N_("We now take some decisions about you by automated means, including profiling."),
            )
        ]
    if a.used and not b.used:
        return [
            Change(
                ChangeKind.AUTOMATED_DECISIONS_STOPPED,
                N_("We no longer take decisions about you by automated means."),
            )
        ]
    if a.used and a != b:
        return [
            Change(
                ChangeKind.AUTOMATED_DECISIONS_CHANGED,
                N_("The information about automated decision-making was updated."),
            )
        ]
    return []


# --- summaries ----------------------------------------------------------------------------------

#: The summary of the first version recorded in a project.
FIRST_VERSION = N_("First published version of this privacy policy.")
#: The summary of a new version number for the same answers.
UNCHANGED = N_("Revised version; the processing of personal data it describes has not changed.")


def summary_text(changes: Iterable[Change], lang: str, first: bool = True) -> str:
    """A "what changed" summary in ``lang``: one sentence per change, one per line.

    With no changes it says this is the first published version (``first``) or that the
    processing has not changed.
    """
    sentences = [c.text(lang) for c in changes]
    if not sentences:
        return translation("policy", lang).gettext(FIRST_VERSION if first else UNCHANGED)
    return "\n".join(sentences)


def summaries(
    changes: Sequence[Change], languages: Iterable[str] = LANGUAGES, first: bool = True
) -> LocalText:
    """The proposed summary in each language."""
    return LocalText({lang: summary_text(changes, lang, first) for lang in languages})


# --- publishing ---------------------------------------------------------------------------------


def next_version(version: str) -> str:
    """The version after ``version``: the last number goes up by one (1.0 -> 1.1, 2 -> 3)."""
    version = version.strip()
    numbers = list(re.finditer(r"\d+", version))
    if not numbers:
        return f"{version}.1" if version else "1.0"
    last = numbers[-1]
    return version[: last.start()] + str(int(last.group()) + 1) + version[last.end() :]


def last_published(project: Project) -> PublishedVersion | None:
    """The most recently published version, or ``None`` when nothing was published yet."""
    return project.history[-1] if project.history else None


def changes_since_published(project: Project) -> list[Change]:
    """What changed since the last published version (empty when nothing was published)."""
    last = last_published(project)
    return diff(last.answers, project) if last is not None else []


def is_published(project: Project) -> bool:
    """True when the answers are those of the last published version (nothing to record)."""
    last = last_published(project)
    return last is not None and _content(last.answers) == _content(project)


@dataclass(frozen=True)
class Proposal:
    """What the wizard proposes before generating: a version number and what changed."""

    version: str
    changes: list[Change]
    #: True when nothing was published before: this will be the first version.
    first: bool

    def summary(self, lang: str) -> str:
        return summary_text(self.changes, lang, self.first)

    def summaries(self, languages: Iterable[str] = LANGUAGES) -> LocalText:
        return summaries(self.changes, languages, self.first)


def propose(project: Project) -> Proposal | None:
    """The next version to publish, or ``None`` when there is nothing new to record.

    The version number is the project's own unless that one was already published, in which
    case the next number is proposed (1.0 -> 1.1). Answers already published under a version
    number that is new (the user typed one) are a new version without changes.
    """
    last = last_published(project)
    version = project.publication.version.strip() or "1.0"
    if last is None:
        return Proposal(version, [], first=True)
    published = {v.version for v in project.history}
    if is_published(project):
        return None if version in published else Proposal(version, [], first=False)
    if version in published:
        version = next_version(last.version)
        while version in published:
            version = next_version(version)
    return Proposal(version, diff(last.answers, project), first=False)


def effective_date(project: Project, today: dt.date, proposal: Proposal | None) -> dt.date:
    """The effective date to print on the version about to be generated.

    The project's own date, except: no date yet gives today; and a new version (``proposal``)
    whose date is not after the last published version's (it was carried over from it) gives
    today, once today is later than that version's date.
    """
    date = project.publication.effective_date
    if date is None:
        return today
    last = last_published(project)
    if (
        proposal is not None
        and last is not None
        and last.effective_date is not None
        and date <= last.effective_date
        and today > last.effective_date
    ):
        return today
    return date


def complete_summary(summary: LocalText, proposal: Proposal) -> LocalText:
    """``summary`` with the proposed text in every language it does not have yet.

    The summary is kept in all four languages, so a policy in a language added later still says
    what changed in each earlier version.
    """
    texts = dict(summary.root)
    for lang in LANGUAGES:
        if not texts.get(lang):
            texts[lang] = proposal.summary(lang)
    return LocalText(texts)


def new_version(
    project: Project, summary: LocalText, published: dt.date | None = None
) -> PublishedVersion:
    """The entry to add to the history for the answers as they are now."""
    pub = project.publication
    return PublishedVersion(
        version=pub.version.strip() or "1.0",
        effective_date=pub.effective_date,
        published=published or dt.date.today(),
        summary=summary,
        answers=project.snapshot(),
        documents=list(pub.documents),
    )


def record(project: Project, entry: PublishedVersion) -> None:
    """Add ``entry`` to the project's history (in place).

    Publishing a version number again (a corrected re-issue) replaces that version's entry, so
    the history never lists a version twice.
    """
    history = [v for v in project.history if v.version != entry.version]
    project.history = [*history, entry]


def with_version(project: Project, entry: PublishedVersion) -> Project:
    """A copy of ``project`` with ``entry`` in its history: what the documents are made from, so
    the version being published appears in its own list of changes."""
    copy = project.model_copy(deep=True)
    record(copy, entry)
    return copy
