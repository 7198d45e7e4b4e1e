"""What changed between two sets of answers, in the words of the policy: :func:`diff` returns
:class:`~wizard.history.changes.Change` objects in domain terms (a processor added, a retention
period shortened, a new cookie), not JSON differences, section by section in the policy's
order. The lists' changes (purposes, recipients, cookies) are in
:mod:`wizard.history.item_changes`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from wizard.history.changes import Change, ChangeKind
from wizard.history.item_changes import cookies, keyed_changes, purposes, recipients
from wizard.history.values import AuthorityName, Word
from wizard.languages import N_
from wizard.law.applicability import project_consent_age
from wizard.model.answers import Answers, Person, Service


def content(answers: Answers) -> dict[str, Any]:
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
    changes += purposes(old, new)
    changes += recipients(old, new)
    changes += cookies(old, new)
    changes += _children(old, new)
    changes += _rights(old, new)
    changes += _authority(old, new)
    changes += _automated(old, new)
    if content(old) != content(new):
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
    a, b = content(old), content(new)
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
    return keyed_changes(
        old,
        new,
        lambda s: s,
        added=lambda s: [
            Change(
                ChangeKind.SERVICE_ADDED,
                N_("This privacy policy now also covers {service}."),
                {"service": Word(s)},
            )
        ],
        removed=lambda s: [
            Change(
                ChangeKind.SERVICE_REMOVED,
                N_("This privacy policy no longer covers {service}."),
                {"service": Word(s)},
            )
        ],
    )


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

