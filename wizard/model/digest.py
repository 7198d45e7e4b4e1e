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
import hashlib
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
    return hashlib.blake2b(project.model_dump_json().encode(), digest_size=20).digest()


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
    :func:`remembering` (its result is shared: callers must not change it)."""

    @functools.wraps(func)
    def wrapper(project: Project) -> T:
        scope = _remembered.get()
        if scope is None or scope[0] != id(project):
            return func(project)
        results = scope[1]
        if func not in results:
            results[func] = func(project)
        result: T = results[func]
        return result

    return wrapper
