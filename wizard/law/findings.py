"""A finding of the review: something missing or risky, with its severity, explanation and the
article it rests on. Kept apart from :mod:`wizard.review` so the checks of :mod:`wizard.law`
can make findings without importing the review."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any

import msgspec

from wizard import flow
from wizard.flow.issues import Issue
from wizard.flow.pages import PageId

Gettext = Callable[[str], str]


def _identity(message: str) -> str:
    return message


class Severity(StrEnum):
    ERROR = "error"  # must be fixed
    WARNING = "warning"  # advice


class Finding(msgspec.Struct, frozen=True):
    """Something missing or risky: a flow :class:`~wizard.flow.issues.Issue` with its explanation."""

    code: str
    severity: Severity
    issue: Issue
    explanation: str = ""
    article: str = ""
    #: A reference that is not translated (a national statute), added after ``article``.
    law: str = ""
    args: Mapping[str, Any] = msgspec.field(default_factory=dict)

    @property
    def page(self) -> PageId:
        return self.issue.page

    @property
    def field(self) -> str:
        return self.issue.field

    @property
    def lang(self) -> str | None:
        """The output language a missing text is missing in (``None`` for other findings)."""
        lang = self.issue.args.get("lang")
        return str(lang) if lang else None

    def text(self, gettext: Gettext = _identity, lang: str | None = None) -> str:
        """The message; the user's own names in ``lang`` where they exist in it."""
        return self.issue.text(gettext, lang)

    def explanation_text(self, gettext: Gettext = _identity, lang: str | None = None) -> str:
        args = flow.in_language({**self.issue.args, **self.args}, lang)
        for key in ("what", "language"):
            if key in args:
                args[key] = gettext(str(args[key])).format(**args)
        return gettext(self.explanation).format(**args) if self.explanation else ""

    def article_text(self, gettext: Gettext = _identity) -> str:
        parts = [gettext(self.article) if self.article else "", self.law]
        return "; ".join(p for p in parts if p)


__all__ = ["Finding", "Gettext", "Severity"]
