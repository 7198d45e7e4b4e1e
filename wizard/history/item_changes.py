"""The changes in the answers' lists, each item known by a key from one version to the next:
purposes (and their data and retention), recipients (and the purposes they serve) and cookies.
:func:`keyed_changes` is the one comparison of two such lists."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from wizard.history.changes import Change, ChangeKind
from wizard.history.values import Country, Inline, Period, Value, Word
from wizard.languages import N_
from wizard.model.answers import (
    LANGUAGES,
    Answers,
    Cookie,
    Duration,
    LocalText,
    Purpose,
    Recipient,
    RecipientRole,
    RetentionStart,
    Safeguard,
    TimeUnit,
)

T = TypeVar("T")


def _nothing(old: object, new: object) -> list[Change]:
    return []


def keyed_changes(
    old: Iterable[T],
    new: Iterable[T],
    key: Callable[[T], Hashable],
    added: Callable[[T], list[Change]],
    removed: Callable[[T], list[Change]],
    changed: Callable[[T, T], list[Change]] = _nothing,
) -> list[Change]:
    """The changes from the items ``old`` to the items ``new``, matched by ``key``: for each
    new item in its order, ``added`` (not in ``old``) or ``changed`` (old, new); then
    ``removed`` for each old item that is gone."""
    before = {key(item): item for item in old}
    after = {key(item): item for item in new}
    out: list[Change] = []
    for k, item in after.items():
        previous = before.get(k)
        out += added(item) if previous is None else changed(previous, item)
    for k, item in before.items():
        if k not in after:
            out += removed(item)
    return out


#: Rough length of each unit in days, to tell a shorter period from a longer one.
_DAYS = {TimeUnit.DAYS: 1.0, TimeUnit.WEEKS: 7.0, TimeUnit.MONTHS: 30.44, TimeUnit.YEARS: 365.25}


def _days(duration: Duration) -> float:
    return duration.amount * _DAYS[duration.unit]


def _purpose_name(purpose: Purpose) -> LocalText | str:
    return purpose.name or purpose.id


# --- purposes -------------------------------------------------------------------------------------


def purposes(old: Answers, new: Answers) -> list[Change]:
    """Purposes added, removed or changed (their data, legal basis, Art. 9 condition, retention)."""
    return keyed_changes(
        old.purposes,
        new.purposes,
        lambda p: p.id,
        added=lambda p: [
            Change(
                ChangeKind.PURPOSE_ADDED,
                N_("We now also process personal data for a new purpose: “{purpose}”."),
                {"purpose": _purpose_name(p)},
            )
        ],
        removed=lambda q: [
            Change(
                ChangeKind.PURPOSE_REMOVED,
                N_("We no longer process personal data for this purpose: “{purpose}”."),
                {"purpose": _purpose_name(q)},
            )
        ],
        changed=_purpose_changed,
    )


def _purpose_changed(q: Purpose, p: Purpose) -> list[Change]:
    name = _purpose_name(p)
    found = keyed_changes(
        q.data_categories,
        p.data_categories,
        lambda c: c,
        added=lambda c: [
            Change(
                ChangeKind.PURPOSE_DATA_ADDED,
                N_("For “{purpose}” we now also process: {data}."),
                {"purpose": name, "data": Word(c)},
            )
        ],
        removed=lambda c: [
            Change(
                ChangeKind.PURPOSE_DATA_REMOVED,
                N_("For “{purpose}” we no longer process: {data}."),
                {"purpose": name, "data": Word(c)},
            )
        ],
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
    return found


def _retention(
    period: Duration | None, starting: RetentionStart | None, before: Purpose, name: Value
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


# --- recipients -----------------------------------------------------------------------------------


def recipient_key(recipient: Recipient) -> str:
    """What identifies a recipient from one version to the next: its catalogue entry or name."""
    if recipient.catalog_id:
        return "catalog:" + recipient.catalog_id
    if recipient.name:
        return "name:" + recipient.name.casefold()
    texts = [recipient.category.get(code) or "" for code in LANGUAGES]
    return "category:" + next((t.casefold() for t in texts if t), "")


def _recipient_name(r: Recipient) -> Value:
    return r.name if r.name else Inline(r.category)


def _recipient_added(r: Recipient) -> list[Change]:
    params: dict[str, Value] = {"recipient": _recipient_name(r), "country": Country(r.country)}
    if r.role is RecipientRole.PROCESSOR:
        message = N_("We have engaged a new processor: {recipient} ({country}).")
    else:
        message = N_("We now also share personal data with {recipient} ({country}).")
    return [Change(ChangeKind.RECIPIENT_ADDED, message, params)]


def _recipient_removed(q: Recipient) -> list[Change]:
    if q.role is RecipientRole.PROCESSOR:
        message = N_("We no longer use this processor: {recipient}.")
    else:
        message = N_("We no longer share personal data with {recipient}.")
    return [Change(ChangeKind.RECIPIENT_REMOVED, message, {"recipient": _recipient_name(q)})]


def recipients(old: Answers, new: Answers) -> list[Change]:
    """Recipients added, removed or changed (role, country, safeguard, purposes served)."""

    def changed(q: Recipient, r: Recipient) -> list[Change]:
        who = _recipient_name(r)
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
                    {
                        "recipient": who,
                        "country": Country(r.country),
                        "old": Country(q.country),
                    },
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

        def served(pid: str, kind: ChangeKind, message: str, answers: Answers) -> list[Change]:
            purpose = answers.purpose(pid)
            if purpose is None or old.purpose(pid) is None or new.purpose(pid) is None:
                return []
            return [Change(kind, message, {"recipient": who, "purpose": _purpose_name(purpose)})]

        found += keyed_changes(
            q.purposes,
            r.purposes,
            lambda pid: pid,
            added=lambda pid: served(
                pid,
                ChangeKind.RECIPIENT_PURPOSE_ADDED,
                N_("{recipient} now also receives personal data for “{purpose}”."),
                new,
            ),
            removed=lambda pid: served(
                pid,
                ChangeKind.RECIPIENT_PURPOSE_REMOVED,
                N_("{recipient} no longer receives personal data for “{purpose}”."),
                old,
            ),
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
        return found

    return keyed_changes(
        old.recipients,
        new.recipients,
        recipient_key,
        added=_recipient_added,
        removed=_recipient_removed,
        changed=changed,
    )


# --- cookies --------------------------------------------------------------------------------------


def _cookie_key(cookie: Cookie) -> tuple[str, str]:
    return (cookie.name.casefold(), cookie.provider.casefold())


def _lifetime(cookie: Cookie) -> Period:
    if cookie.lifetime is None:
        return Period(None)
    return Period(cookie.lifetime.amount, cookie.lifetime.unit)


def _cookie_changed(q: Cookie, c: Cookie) -> list[Change]:
    out: list[Change] = []
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
                    N_("The lifetime of the cookie {cookie} was shortened from {old} to {new}."),
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
    return out


def cookies(old: Answers, new: Answers) -> list[Change]:
    """Cookies started or stopped, cookies added, removed or changed, and a new way of asking
    or withdrawing consent."""
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
    out += keyed_changes(
        a.items if a.used else [],
        b.items,
        _cookie_key,
        added=lambda c: [
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
        ],
        removed=lambda q: [
            Change(
                ChangeKind.COOKIE_REMOVED,
                N_("We no longer use the cookie {cookie} from {provider}."),
                {"cookie": q.name, "provider": q.provider},
            )
        ],
        changed=_cookie_changed,
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
