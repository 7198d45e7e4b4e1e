"""What the wizard shows about the answers as they are, computed once per change: the review's
findings (the Review page's list, the Output page's count), each page's open points and
whether its Next button is enabled.

Kept under a digest of the answers (:func:`wizard.model.digest.answers_key`), so a change
made in any way (a page, the review page, a test writing to the model) is never answered from
an earlier state, and coming back to a page, or the same page asked again, computes nothing.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import msgspec

from wizard import flow, review
from wizard.model.digest import answers_dump, answers_text, remembering

if TYPE_CHECKING:
    from wizard.flow import PageId
    from wizard.model.answers import Project
    from wizard.policy.document import Document

#: The answers as they are and as they were a few changes ago (an undo finds them again).
MAX_STATES = 4


class _State(msgspec.Struct):
    findings: list[review.Finding] | None = None
    page_findings: dict[PageId, list[review.Finding]] = msgspec.field(default_factory=dict)
    complete: dict[PageId, bool] = msgspec.field(default_factory=dict)
    #: What the legal checks and the texts the policy prints gave for these answers, shared
    #: by the findings and every page's open points (:func:`wizard.model.digest.remembering`).
    results: dict[Callable[..., Any], Any] = msgspec.field(default_factory=dict)


_states: OrderedDict[bytes, _State] = OrderedDict()


def key(project: Project) -> bytes:
    """The digest of the answers (a few milliseconds for a large project)."""
    digest, text = answers_dump(project)
    _keep_text(_state(project, digest), text)
    return digest


def _keep_text(state: _State, text: str) -> None:
    # The JSON the digest was made of, for the check of the PDF fonts' characters.
    state.results.setdefault(answers_text, text)


def _state(project: Project, digest: bytes | None = None) -> _State:
    text = None
    if digest is None:
        digest, text = answers_dump(project)
    state = _states.get(digest)
    if state is None:
        state = _states[digest] = _State()
        while len(_states) > MAX_STATES:
            _states.popitem(last=False)
    else:
        _states.move_to_end(digest)
    if text is not None:
        _keep_text(state, text)
    return state


def findings(project: Project, digest: bytes | None = None) -> list[review.Finding]:
    """:func:`wizard.review.findings` of the answers as they are (``digest`` is their
    :func:`key` when the caller has it already)."""
    state = _state(project, digest)
    if state.findings is None:
        with remembering(project, state.results):
            state.findings = review.findings(project)
    return list(state.findings)


def preview(project: Project, lang: str, digest: bytes | None = None) -> Document:
    """The policy in ``lang`` as the review page previews it
    (:func:`wizard.policy.engine.cached_preview`), built once per change and language; the
    texts it checks for missing translations are those the findings looked at."""
    from wizard.policy.engine import cached_preview  # the engine loads with the review page

    digest = key(project) if digest is None else digest
    with remembering(project, _state(project, digest).results):
        return cached_preview(project, lang, digest)


def page_findings(
    project: Project, page: PageId, digest: bytes | None = None
) -> list[review.Finding]:
    """:func:`wizard.review.page_findings` of the answers as they are."""
    state = _state(project, digest)
    found = state.page_findings.get(page)
    if found is None:
        with remembering(project, state.results):
            found = state.page_findings[page] = review.page_findings(project, page)
    return list(found)


def page_complete(project: Project, page: PageId, digest: bytes | None = None) -> bool:
    """:func:`wizard.flow.is_page_complete` of the answers as they are."""
    state = _state(project, digest)
    complete = state.complete.get(page)
    if complete is None:
        with remembering(project, state.results):
            complete = state.complete[page] = flow.is_page_complete(project, page)
    return complete


def forget() -> None:
    """Drop everything kept (a test that changes what the checks themselves say)."""
    _states.clear()
