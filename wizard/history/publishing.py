"""Publishing a version: the "what changed" summary in every language, whether the answers
differ from the last published version and which version number comes next (:func:`propose`),
the effective date to print (:func:`effective_date`), and the entry added to the project's
history once the documents exist (:func:`new_version`, :func:`record`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from wizard.history.changes import Change
from wizard.history.diff import content, diff
from wizard.i18n import translation
from wizard.languages import N_
from wizard.model.answers import LANGUAGES, LocalText, Project, PublishedVersion

# --- summaries ------------------------------------------------------------------------------------

#: The summary of the first version recorded in a project.
FIRST_VERSION = N_("First published version of this privacy policy.")
#: The summary of a new version number for the same answers.
UNCHANGED = N_("Revised version; the processing of personal data it describes has not changed.")


def summary_text(changes: Iterable[Change], lang: str, first: bool = True) -> str:
    """A "what changed" summary in ``lang``: one sentence per change, one per line.

    With no changes it says this is the first published version (``first``) or that the
    processing has not changed.
    """
    sentences = [c.text(lang) for c in changes]
    if not sentences:
        return translation("policy", lang).gettext(FIRST_VERSION if first else UNCHANGED)
    return "\n".join(sentences)


def summaries(
    changes: Sequence[Change], languages: Iterable[str] = LANGUAGES, first: bool = True
) -> LocalText:
    """The proposed summary in each language."""
    return LocalText({lang: summary_text(changes, lang, first) for lang in languages})


# --- publishing ---------------------------------------------------------------------------------


def next_version(version: str) -> str:
    """The version after ``version``: the last number goes up by one (1.0 -> 1.1, 2 -> 3)."""
    version = version.strip()
    numbers = list(re.finditer(r"\d+", version))
    if not numbers:
        return f"{version}.1" if version else "1.0"
    last = numbers[-1]
    return version[: last.start()] + str(int(last.group()) + 1) + version[last.end() :]


def last_published(project: Project) -> PublishedVersion | None:
    """The most recently published version, or ``None`` when nothing was published yet."""
    return project.history[-1] if project.history else None


def changes_since_published(project: Project) -> list[Change]:
    """What changed since the last published version (empty when nothing was published)."""
    last = last_published(project)
    return diff(last.answers, project) if last is not None else []


def is_published(project: Project) -> bool:
    """True when the answers are those of the last published version (nothing to record)."""
    last = last_published(project)
    return last is not None and content(last.answers) == content(project)


@dataclass(frozen=True)
class Proposal:
    """What the wizard proposes before generating: a version number and what changed."""

    version: str
    changes: list[Change]
    #: True when nothing was published before: this will be the first version.
    first: bool

    def summary(self, lang: str) -> str:
        return summary_text(self.changes, lang, self.first)

    def summaries(self, languages: Iterable[str] = LANGUAGES) -> LocalText:
        return summaries(self.changes, languages, self.first)


def propose(project: Project) -> Proposal | None:
    """The next version to publish, or ``None`` when there is nothing new to record.

    The version number is the project's own unless that one was already published, in which
    case the next number is proposed (1.0 -> 1.1). Answers already published under a version
    number that is new (the user typed one) are a new version without changes.
    """
    last = last_published(project)
    version = project.publication.version.strip() or "1.0"
    if last is None:
        return Proposal(version, [], first=True)
    published = {v.version for v in project.history}
    if is_published(project):
        return None if version in published else Proposal(version, [], first=False)
    if version in published:
        version = next_version(last.version)
        while version in published:
            version = next_version(version)
    return Proposal(version, diff(last.answers, project), first=False)


def effective_date(project: Project, today: dt.date, proposal: Proposal | None) -> dt.date:
    """The effective date to print on the version about to be generated.

    The project's own date, except: no date yet gives today; and a new version (``proposal``)
    whose date is not after the last published version's (it was carried over from it) gives
    today, once today is later than that version's date.
    """
    date = project.publication.effective_date
    if date is None:
        return today
    last = last_published(project)
    if (
        proposal is not None
        and last is not None
        and last.effective_date is not None
        and date <= last.effective_date
        and today > last.effective_date
    ):
        return today
    return date


def complete_summary(summary: LocalText, proposal: Proposal) -> LocalText:
    """``summary`` with the proposed text in every language it does not have yet.

    The summary is kept in all four languages, so a policy in a language added later still says
    what changed in each earlier version.
    """
    texts = dict(summary.root)
    for lang in LANGUAGES:
        if not texts.get(lang):
            texts[lang] = proposal.summary(lang)
    return LocalText(texts)


def new_version(
    project: Project, summary: LocalText, published: dt.date | None = None
) -> PublishedVersion:
    """The entry to add to the history for the answers as they are now."""
    pub = project.publication
    return PublishedVersion(
        version=pub.version.strip() or "1.0",
        effective_date=pub.effective_date,
        published=published or dt.date.today(),
        summary=summary,
        answers=project.snapshot(),
        documents=list(pub.documents),
    )


def record(project: Project, entry: PublishedVersion) -> None:
    """Add ``entry`` to the project's history (in place).

    Publishing a version number again (a corrected re-issue) replaces that version's entry, so
    the history never lists a version twice.
    """
    history = [v for v in project.history if v.version != entry.version]
    project.history = [*history, entry]


def with_version(project: Project, entry: PublishedVersion) -> Project:
    """A copy of ``project`` with ``entry`` in its history: what the documents are made from, so
    the version being published appears in its own list of changes."""
    copy = project.model_copy(deep=True)
    record(copy, entry)
    return copy
