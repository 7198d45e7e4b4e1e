"""A digest of the answers, and results computed from them kept for as long as they hold.

:func:`answers_key` is equal for equal answers, whatever changed them (a page, the review page,
a test writing to the model directly): what is computed from the answers alone (the review's
findings, a built document) is kept under it and computed again only after a change.

Inside :func:`remembering`, a function marked :func:`once_per_answers` (the legal checks, the
texts the policy prints) runs once for those answers: the caller keeps the results with
whatever else it keeps under the digest. Outside it, the function simply runs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from wizard.model.answers import Project

T = TypeVar("T")

#: The project whose answers hold still, and the results kept for them, by function.
_remembered: ContextVar[tuple[int, dict[Callable[..., Any], Any]] | None] = ContextVar(
    "remembered", default=None
)


def answers_key(project: Project) -> bytes:
    """A digest of everything ``project`` says (a few milliseconds for a large project)."""
    return answers_dump(project)[0]


def answers_dump(project: Project) -> tuple[bytes, str]:
    """:func:`answers_key` of ``project`` and the JSON text it is computed from (kept by a
    caller under :func:`answers_text` for what looks at all the answers' characters)."""
    import hashlib  # loads OpenSSL's hashes too: not before the first digest

    text = project.model_dump_json()
    return hashlib.blake2b(text.encode(), digest_size=20).digest(), text


@contextmanager
def remembering(project: Project, results: dict[Callable[..., Any], Any]) -> Iterator[None]:
    """Within: ``project``'s answers do not change, and the functions marked
    :func:`once_per_answers` take their results from ``results`` (and add them to it)."""
    token = _remembered.set((id(project), results))
    try:
        yield
    finally:
        _remembered.reset(token)


def once_per_answers(func: Callable[[Project], T]) -> Callable[[Project], T]:
    """Mark ``func``, computed from a project's answers alone, to run once per answers inside
    :func:`remembering` (its result is shared: callers must not change it). The result is kept
    under the marked function: a caller that has it already may put it there."""

    @functools.wraps(func)
    def wrapper(project: Project) -> T:
        scope = _remembered.get()
        if scope is None or scope[0] != id(project):
            return func(project)
        results = scope[1]
        if wrapper not in results:
            results[wrapper] = func(project)
        result: T = results[wrapper]
        return result

    return wrapper


@once_per_answers
def answers_text(project: Project) -> str:
    """Everything ``project`` says as JSON text, the text :func:`answers_key` is computed from
    (inside :func:`remembering`, the one a caller kept with the digest)."""
    return project.model_dump_json()
