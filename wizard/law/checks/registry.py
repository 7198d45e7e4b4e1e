"""The registry of legal checks: a :class:`Check` (stable code, page, severity, article,
explanation) per registered function, the :class:`Hit` such a function returns per problem, and
:func:`run`, which turns hits into findings in registration order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import msgspec

from wizard.flow.issues import Issue
from wizard.flow.pages import PageId
from wizard.law.findings import Finding, Severity
from wizard.model.answers import LegalBasis, Project
from wizard.model.digest import once_per_answers


class Hit(msgspec.Struct, frozen=True):
    """One problem a check found: where, the message and, when it differs from the check's
    default, its severity."""

    field: str
    message: str
    args: Mapping[str, Any] = msgspec.field(default_factory=dict)
    severity: Severity | None = None
    #: The page the field is answered on, when it differs from the check's page.
    page: PageId | None = None


def hits_on_basis(project: Project, basis: LegalBasis, message: str) -> list[Hit]:
    """One hit per purpose that rests on ``basis`` (among its bases), on its legal basis field,
    with ``message`` given the purpose's name as ``{purpose}``."""
    from wizard.flow.issues import purpose_named

    return [
        Hit(f"purposes[{index}].legal_basis", message, {"purpose": purpose_named(purpose)})
        for index, purpose in enumerate(project.purposes)
        if basis in purpose.bases
    ]


class Check(msgspec.Struct, frozen=True):
    """A registered legal check."""

    code: str
    page: PageId
    severity: Severity
    article: str
    explanation: str
    find: Callable[[Project], list[Hit]]

    def findings(self, project: Project) -> list[Finding]:
        return [
            Finding(
                self.code,
                hit.severity or self.severity,
                Issue(hit.page or self.page, hit.field, hit.message, hit.args, blocking=False),
                self.explanation,
                self.article,
            )
            for hit in self.find(project)
        ]


#: Every check, in registration order.
REGISTRY: dict[str, Check] = {}


def check(
    code: str, page: PageId, severity: Severity, article: str, explanation: str
) -> Callable[[Callable[[Project], list[Hit]]], Callable[[Project], list[Hit]]]:
    """Register the decorated function as the check ``code``."""

    def register(find: Callable[[Project], list[Hit]]) -> Callable[[Project], list[Hit]]:
        if code in REGISTRY:
            raise ValueError(f"check {code!r} registered twice")
        REGISTRY[code] = Check(code, page, severity, article, explanation, find)
        return find

    return register


def run(project: Project) -> list[Finding]:
    """The findings of every registered check."""
    return list(_run(project))


@once_per_answers
def _run(project: Project) -> tuple[Finding, ...]:
    out: list[Finding] = []
    for registered in REGISTRY.values():
        out += registered.findings(project)
    return tuple(out)
