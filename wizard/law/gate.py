"""The publication gate: a policy is published only when nothing must be fixed.

By default nothing is written while a must-fix finding of the review remains (the command line
prints one line per finding and exits 1; the wizard explains what blocks and offers a draft). A
draft is written anyway, with a visible DRAFT mark on every page and in the metadata
(:func:`wizard.policy.engine.build_document` with ``draft=True``).
"""

from __future__ import annotations

from collections.abc import Iterable

from wizard.flow.pages import PageId
from wizard.law.findings import Finding, Gettext, Severity, _identity
from wizard.model.answers import Project
from wizard.page_titles import PAGE_TITLES


class NotPublishable(Exception):
    """Must-fix findings keep the policy from being published; ``findings`` lists them."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        super().__init__(f"{len(findings)} finding(s) must be fixed before publishing")


def blockers(project: Project, languages: Iterable[str] | None = None) -> list[Finding]:
    """The must-fix findings that keep the policy from being published in ``languages`` (the
    project's output languages by default): the review's errors (a text missing in another
    language does not count) and a missing effective date."""
    from wizard.law import checks
    from wizard.review import findings

    langs = set(project.publication.languages if languages is None else languages)
    found = [
        f
        for f in findings(project)
        if f.severity is Severity.ERROR and (f.lang is None or f.lang in langs)
    ]
    found += [
        f
        for f in checks.REGISTRY["effective_date_missing"].findings(project)
        if not any(g.code == f.code for g in found)
    ]
    return found


def check_publishable(
    project: Project, draft: bool = False, languages: Iterable[str] | None = None
) -> None:
    """Raise :class:`NotPublishable` when must-fix findings remain for ``languages``, unless
    ``draft``."""
    if draft:
        return
    found = blockers(project, languages)
    if found:
        raise NotPublishable(found)


def finding_line(finding: Finding, gettext: Gettext = _identity, lang: str | None = None) -> str:
    """One line for a finding: ``page (field): message [article]``."""
    page = gettext(PAGE_TITLES.get(finding.page, PAGE_TITLES[PageId.REVIEW]))
    article = finding.article_text(gettext)
    text = f"{page} ({finding.field}): {finding.text(gettext, lang)}"
    return f"{text} [{article}]" if article else text


__all__ = ["NotPublishable", "blockers", "check_publishable", "finding_line"]
