"""The findings, each page's open points and its Next button are computed once per change of
the answers and shared by the review page, the page's own list and the Output page."""

from __future__ import annotations

from typing import Any

import pytest

from benchmarks.large_project import large_project
from wizard import review
from wizard.flow import PageId
from wizard.law.checks import registry
from wizard.model.vocabularies import Service
from wizard.ui import answers_state
from wizard.ui.main_window import MainWindow


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often the review's findings and the legal checks run."""
    counts = {"findings": 0, "checks": 0}
    real_findings, real_run = review.findings, registry._run.__wrapped__  # type: ignore[attr-defined]

    def findings(project: Any) -> Any:
        counts["findings"] += 1
        return real_findings(project)

    def run(project: Any) -> Any:
        counts["checks"] += 1
        return real_run(project)

    monkeypatch.setattr(review, "findings", findings)
    monkeypatch.setattr(registry, "_run", registry.once_per_answers(run))
    answers_state.forget()
    return counts


def test_the_review_computes_its_findings_once_per_change(
    qtbot: Any, window: MainWindow, counted: dict[str, int]
) -> None:
    project = large_project(cookies=30, recipients=5, purposes=5)
    window.session.replace(project, None)
    window.wizard.jump_to(PageId.REVIEW)
    page = window.wizard.pages[PageId.REVIEW]
    shown = [page.points.item(i).text() for i in range(page.points.count())]
    # The review's list and the page's own open points share one run of the legal checks.
    assert counted == {"findings": 1, "checks": 1}
    window.wizard.jump_to(PageId.COOKIES)
    window.wizard.jump_to(PageId.REVIEW)
    assert counted == {"findings": 1, "checks": 1}
    # A change, however it is made, is looked at again, and shown.
    project.organisation.email = None
    page.reload()
    assert counted == {"findings": 2, "checks": 2}
    assert [page.points.item(i).text() for i in range(page.points.count())] != shown
    assert page.points.count() == len(review.findings(project)) + len(
        {f.page for f in review.findings(project)}
    )


def test_a_page_shows_what_the_answers_say_now(qtbot: Any, window: MainWindow) -> None:
    window.wizard.jump_to(PageId.SERVICES)
    page = window.wizard.pages[PageId.SERVICES]
    window.session.project.services = []
    page.refresh()
    assert not page.isComplete()
    # Written to the model directly, without telling the page: the answers decide.
    window.session.project.services = [Service.WEBSITE]
    assert page.isComplete()
    window.session.project.services = []
    assert not page.isComplete()


def test_the_answers_are_written_out_once_per_change(monkeypatch: pytest.MonkeyPatch) -> None:
    """The digest's JSON serves the check of the PDF fonts' characters too: the review's
    findings and every page's open points dump the project once (for the digest), and a
    character no PDF font has is still found, on its page."""
    from wizard.model.answers import LocalText, Project

    project = large_project(cookies=30, recipients=5, purposes=5)
    dumps = []
    real = Project.model_dump_json

    def counting(self: Project, *args: Any, **kwargs: Any) -> str:
        dumps.append(kwargs)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Project, "model_dump_json", counting)
    answers_state.forget()
    digest = answers_state.key(project)
    found = answers_state.findings(project, digest)
    for page in PageId:
        answers_state.page_findings(project, page, digest)
    assert len(dumps) == 1
    assert not [f for f in found if f.code == "pdf_missing_characters"]
    project.purposes[0].name = LocalText(
        {lang: "漢字 " + lang for lang in ("en", "nl", "fr", "de")}
    )
    digest = answers_state.key(project)
    missing = [
        f for f in answers_state.findings(project, digest) if f.code == "pdf_missing_characters"
    ]
    assert missing and all(f.page is PageId.PURPOSES for f in missing)
    assert missing == [
        f
        for f in answers_state.page_findings(project, PageId.PURPOSES, digest)
        if f.code == "pdf_missing_characters"
    ]
