"""Whether each element of Art. 13/14 applies to a project and whether its answers give it.

One judge per element of :data:`wizard.law.elements.ELEMENTS`, in :data:`JUDGES`: it returns a
:data:`Judgement` -- COVERED (to be located in the document), PARTIAL, NOT_APPLICABLE or
MISSING, with a reason (an English template marked with :func:`~wizard.languages.N_`) and its
arguments. What is incomplete comes from the findings (the same checks as the wizard's pages).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

from wizard import flow
from wizard.languages import N_
from wizard.law import applicability as law
from wizard.law.applicability import (
    objection_applies,
    portability_applies,
    transfers,
    uses_consent,
)
from wizard.law.findings import Finding
from wizard.model.answers import LegalBasis, LocalText, Project, Purpose
from wizard.model.countries import EEA_COUNTRIES


class Status(StrEnum):
    """Whether the policy covers an element."""

    COVERED = "covered"
    #: The section is there, but not for everything it should say (e.g. one purpose lacks it).
    PARTIAL = "partial"
    NOT_APPLICABLE = "not_applicable"
    MISSING = "missing"


STATUS_LABELS: dict[Status, str] = {
    Status.COVERED: N_("covered"),
    Status.PARTIAL: N_("partly covered"),
    Status.NOT_APPLICABLE: N_("not applicable"),
    Status.MISSING: N_("missing"),
}

#: A judge's answer: the status, the reason (an English template) and its arguments.
Judgement = tuple[Status, str, dict[str, Any]]
#: A judge: the project and its findings -> its :data:`Judgement` for one element.
Judge = Callable[[Project, list[Finding]], Judgement]

_NA = Status.NOT_APPLICABLE
_OK: Judgement = (Status.COVERED, "", {})
_NO_PURPOSE: Judgement = (Status.MISSING, N_("no purpose is given"), {})


def _codes(found: list[Finding]) -> set[str]:
    return {f.code for f in found}


def _labels(purposes: list[Purpose]) -> LocalText | str:
    return LocalText.join(flow.purpose_named(p) for p in purposes)


def _flagged(found: list[Finding], codes: set[str], key: str) -> list[LocalText | str]:
    """The ``key`` argument (a purpose's or recipient's label) of the findings with ``codes``."""
    labels: list[LocalText | str] = []
    for label in (f.issue.args.get(key, "") for f in found if f.code in codes):
        if label and label not in labels:
            labels.append(label)
    return labels


def _partial(reason: str, key: str, labels: list[LocalText | str]) -> Judgement:
    return Status.PARTIAL, reason, {key: LocalText.join(labels)}


def _indirect(project: Project) -> list[Purpose]:
    """The purposes whose data do not come from the person."""
    return [p for p in project.purposes if p.source]


def _controller_identity(project: Project, found: list[Finding]) -> Judgement:
    if "controller_identity" in _codes(found):
        return Status.MISSING, N_("the name or the contact details are not given"), {}
    return _OK


def _representative_identity(project: Project, found: list[Finding]) -> Judgement:
    country = project.organisation.country
    if not country or country in EEA_COUNTRIES:
        return _NA, N_("no EU representative needed: established in the EU/EEA"), {}
    if "eu_representative" in _codes(found):
        return (
            Status.MISSING,
            N_("established outside the EU/EEA, but no representative is named (Art. 27)"),
            {},
        )
    return _OK


def _dpo_contact(project: Project, found: list[Finding]) -> Judgement:
    if project.dpo is not None:
        return _OK
    if "dpo_required" in _codes(found):
        return Status.MISSING, N_("a data protection officer is required, but none is named"), {}
    return _NA, N_("no data protection officer designated"), {}


def _purposes(project: Project, found: list[Finding]) -> Judgement:
    return _OK if project.purposes else _NO_PURPOSE


def _legal_basis(project: Project, found: list[Finding]) -> Judgement:
    if not project.purposes:
        return _NO_PURPOSE
    codes = {"purpose_without_legal_basis", "special_data_without_condition"}
    labels = _flagged(found, codes, "purpose")
    if labels:
        return _partial(
            N_("no legal basis (or Art. 9 condition) for: {purposes}"), "purposes", labels
        )
    return _OK


def _legitimate_interests(project: Project, found: list[Finding]) -> Judgement:
    if not any(LegalBasis.LEGITIMATE_INTERESTS in p.bases for p in project.purposes):
        return _NA, N_("no purpose relies on legitimate interests"), {}
    labels = _flagged(found, {"legitimate_interest_not_stated"}, "purpose")
    if labels:
        return _partial(N_("the interest is not stated for: {purposes}"), "purposes", labels)
    return _OK


def _data_categories(project: Project, found: list[Finding]) -> Judgement:
    indirect = _indirect(project)
    if not indirect:
        return _NA, N_("all data come from the person: Art. 14(1)(d) does not apply"), {}
    lacking = [p for p in indirect if not (p.data_categories or p.other_data)]
    if lacking:
        return (
            Status.PARTIAL,
            N_("no categories of data for: {purposes}"),
            {"purposes": _labels(lacking)},
        )
    return _OK


def _recipients(project: Project, found: list[Finding]) -> Judgement:
    if not project.recipients:
        return _NA, N_("no recipients: the data are not shared"), {}
    return _OK


def _transfers(project: Project, found: list[Finding]) -> Judgement:
    if not transfers(project):
        if law.own_processing_countries(project):
            return _OK
        return _NA, N_("no transfers: every recipient is in the EEA"), {}
    codes = {f"transfer_{x}" for x in ("without_safeguard", "privacy_shield", "wrong_safeguard")}
    labels = _flagged(found, codes, "recipient")
    if labels:
        return _partial(N_("no valid safeguard for: {recipients}"), "recipients", labels)
    return _OK


def _retention(project: Project, found: list[Finding]) -> Judgement:
    if not project.purposes:
        return _NO_PURPOSE
    labels = _flagged(found, {"retention_not_stated", "retention_vague"}, "purpose")
    if labels:
        return _partial(N_("no period or criteria for: {purposes}"), "purposes", labels)
    return _OK


def _always(project: Project, found: list[Finding]) -> Judgement:
    """An element every policy gives (the rights of Art. 15 to 18, the right to complain)."""
    return _OK


def _right_to_object(project: Project, found: list[Finding]) -> Judgement:
    if not objection_applies(project):
        return (
            _NA,
            N_("no purpose relies on legitimate interests or a public task (Art. 21(1))"),
            {},
        )
    return _OK


def _right_to_portability(project: Project, found: list[Finding]) -> Judgement:
    if not portability_applies(project):
        return _NA, N_("no purpose relies on consent or a contract (Art. 20(1))"), {}
    return _OK


def _right_to_withdraw_consent(project: Project, found: list[Finding]) -> Judgement:
    if not uses_consent(project):
        return _NA, N_("no processing is based on consent"), {}
    return _OK


def _requirement(project: Project, found: list[Finding]) -> Judgement:
    direct = [p for p in project.purposes if not p.source]
    if not direct:
        return (
            _NA,
            N_("no data are collected from the person: Art. 13(2)(e) does not apply"),
            {},
        )
    labels = _flagged(found, {"requirement_not_stated"}, "purpose")
    if len(labels) >= len(direct):
        return Status.MISSING, N_("not stated for any purpose"), {}
    if labels:
        return _partial(N_("not stated for: {purposes}"), "purposes", labels)
    return _OK


def _automated_decision_making(project: Project, found: list[Finding]) -> Judgement:
    if "automated_decisions_unanswered" in _codes(found):
        return Status.MISSING, N_("not answered yet"), {}
    return _OK


def _source_of_data(project: Project, found: list[Finding]) -> Judgement:
    if not _indirect(project):
        return _NA, N_("all data come from the person: Art. 14(2)(f) does not apply"), {}
    return _OK


def _further_processing_notice(project: Project, found: list[Finding]) -> Judgement:
    return (
        _NA,
        N_(
            "only before you use data for a new purpose: then inform people first "
            "and update this policy"
        ),
        {},
    )


#: The judge of each element, by the element's id (a test checks every element has one).
JUDGES: dict[str, Judge] = {
    "controller_identity": _controller_identity,
    "representative_identity": _representative_identity,
    "dpo_contact": _dpo_contact,
    "purposes": _purposes,
    "legal_basis": _legal_basis,
    "legitimate_interests": _legitimate_interests,
    "data_categories": _data_categories,
    "recipients": _recipients,
    "transfers": _transfers,
    "retention": _retention,
    "rights_access": _always,
    "rights_rectification": _always,
    "rights_erasure": _always,
    "rights_restriction": _always,
    "right_to_object": _right_to_object,
    "right_to_portability": _right_to_portability,
    "right_to_withdraw_consent": _right_to_withdraw_consent,
    "right_to_complain": _always,
    "statutory_or_contractual_requirement": _requirement,
    "automated_decision_making": _automated_decision_making,
    "source_of_data": _source_of_data,
    "further_processing_notice": _further_processing_notice,
}


def judge(project: Project, element_id: str, found: list[Finding]) -> Judgement:
    """The :data:`Judgement` of one element for ``project``, given its ``found`` findings."""
    return JUDGES[element_id](project, found)
