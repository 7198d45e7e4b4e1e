"""The one timestamp a rendered document carries, so that output is reproducible.

The same project rendered by the same version of the app gives the same bytes in every format:
the DOCX and PDF creation dates (and the DOCX's zip entry times) come from ``SOURCE_DATE_EPOCH``
when it is set (the reproducible-builds convention), else from the policy's effective date, else
from a fixed date; never from the clock.
"""

from __future__ import annotations

import datetime as dt
import os

from wizard.policy.document import Document

__all__ = ["document_time"]

#: Used when neither SOURCE_DATE_EPOCH nor an effective date is known.
_FALLBACK = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
#: Zip files cannot hold times before 1980.
_ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)


def document_time(doc: Document) -> dt.datetime:
    """The creation time to write into ``doc``'s files (UTC, whole seconds, 1980 or later)."""
    when = _FALLBACK
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit() and len(epoch) <= 12:
        when = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    elif doc.date is not None:
        when = dt.datetime(doc.date.year, doc.date.month, doc.date.day, tzinfo=dt.UTC)
    return max(when, _ZIP_EPOCH)
