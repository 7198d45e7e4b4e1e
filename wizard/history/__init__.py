"""A policy's history: what changed between two sets of answers, in the words of the policy,
and the publishing of a new version. Each project keeps its published versions
(:class:`~wizard.model.answers.PublishedVersion`), with a snapshot of the answers as published.
No Qt here (``tests/test_layers.py``).

Where things live:

- :mod:`~wizard.history.changes`: the kinds of change and :class:`Change`, one sentence in the
  policy's voice, rendered in any language with the ``policy`` translator;
- :mod:`~wizard.history.values`: the values of a change's placeholders, each rendered in the
  document's language (the person's own texts, vocabulary words, countries, periods);
- :mod:`~wizard.history.diff`: :func:`diff`, section by section in the policy's order, with
  the lists' changes (purposes, recipients, cookies) in :mod:`~wizard.history.item_changes`;
- :mod:`~wizard.history.publishing`: the summaries, the next version number, the effective
  date rule and the entry recorded in the history, so the Output page only shows them.

The Output page and the tests call these as ``history.<name>``, so they are re-exported here.
"""

from wizard.history.changes import Change, ChangeKind
from wizard.history.diff import diff
from wizard.history.item_changes import recipient_key
from wizard.history.publishing import (
    FIRST_VERSION,
    UNCHANGED,
    Proposal,
    changes_since_published,
    complete_summary,
    effective_date,
    is_published,
    last_published,
    new_version,
    next_version,
    propose,
    record,
    summaries,
    summary_text,
    with_version,
)
from wizard.history.values import inline_case

__all__ = [
    "FIRST_VERSION",
    "UNCHANGED",
    "Change",
    "ChangeKind",
    "Proposal",
    "changes_since_published",
    "complete_summary",
    "diff",
    "effective_date",
    "inline_case",
    "is_published",
    "last_published",
    "new_version",
    "next_version",
    "propose",
    "recipient_key",
    "record",
    "summaries",
    "summary_text",
    "with_version",
]
