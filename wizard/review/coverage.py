"""Which Art. 13/14 elements the policy covers, and in which section of the real document.

Each element is judged on the answers (:mod:`wizard.review.judges`) and then located in the
generated document (:func:`wizard.policy.engine.build_document`) by what the template declared
it emitted: ``data-covers="legal_basis retention"`` on a heading, a list item or a table cell,
carried into the document tree by :mod:`wizard.policy.parse`. An element is where a heading
declares it, or under the heading where a list or a table column declaring it stands; a clause
the template did not emit is not there, and its element is reported as not found. A table
column that declares an element but is empty in some row (:func:`empty_cells`) covers it only
partly, whatever the answers say.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import msgspec

from wizard import flow
from wizard.languages import N_
from wizard.law.elements import ELEMENTS, Element
from wizard.law.findings import Finding, Gettext, _identity
from wizard.model.answers import Project
from wizard.review.findings import findings
from wizard.review.judges import Status, judge

if TYPE_CHECKING:
    from wizard.policy.document import Document, Heading, ListBlock, Table


class Coverage(msgspec.Struct, frozen=True):
    """Whether and where the policy covers one :class:`Element`.

    ``section`` and ``heading`` come from the generated document (``"2.1"``, ``"Our legitimate
    interests"`` in the document's language); ``reason`` says why an element does not apply or
    what is missing (an English template with ``args``).
    """

    element: Element
    status: Status
    section: str = ""
    heading: str = ""
    anchor: str = ""
    reason: str = ""
    args: Mapping[str, Any] = msgspec.field(default_factory=dict)

    def reason_text(self, gettext: Gettext = _identity, lang: str | None = None) -> str:
        args = flow.in_language(self.args, lang)
        return gettext(self.reason).format(**args) if self.reason else ""

    def where(self) -> str:
        """``"2.1 Our legitimate interests"`` (empty when no section covers it)."""
        if not self.heading:
            return ""
        if not self.section:
            return self.heading
        sep = ". " if "." not in self.section else " "
        return f"{self.section}{sep}{self.heading}"


#: Elements shown where the policy gives them even when they do not apply yet: the policy says
#: how it will tell of changes, which matters only before data are used for a new purpose.
_LOCATED_WHEN_NOT_APPLICABLE = frozenset({"further_processing_notice"})


# The document's classes are imported where a document is read: the review's findings (which
# the wizard's pages show from their first visit) need no document, and importing the
# document's classes takes a few milliseconds of the window's start.


def _declared(block: Heading | ListBlock | Table) -> tuple[str, ...]:
    from wizard.policy.document import ListBlock, Table

    if isinstance(block, Table):
        cells = (*block.header, *(cell for row in block.rows for cell in row))
        return tuple(element_id for cell in cells for element_id in cell.covers)
    if isinstance(block, ListBlock):
        return tuple(element_id for item in block.item_covers for element_id in item)
    return block.covers


def locations(document: Document) -> dict[str, Heading]:
    """Each element id the document declares it gives, with the heading of the section that
    gives it (the first in document order): the heading that declares it, or the heading a
    list or a table declaring it stands under."""
    from wizard.policy.document import Heading, ListBlock, Table

    found: dict[str, Heading] = {}
    heading: Heading | None = None
    for block in document.blocks:
        if isinstance(block, Heading):
            heading = block
        if heading is None or not isinstance(block, Heading | ListBlock | Table):
            continue
        for element_id in _declared(block):
            found.setdefault(element_id, heading)
    return found


def empty_cells(document: Document) -> dict[str, list[str]]:
    """Each element id a table's header cell declares for its column, with the rows (by the
    first line of their first cell) whose cell in that column the policy left empty: the
    column is there, but gives nothing for those rows (a purpose with no legal basis, say)."""
    from wizard.policy.document import Table

    empty: dict[str, list[str]] = {}
    for block in document.blocks:
        if not isinstance(block, Table):
            continue
        for column, head in enumerate(block.header):
            for row in block.rows:
                if column < len(row) and not row[column].text.strip():
                    label = row[0].text.split("\n")[0] if row else ""
                    for element_id in head.covers:
                        empty.setdefault(element_id, []).append(label)
    return empty


def coverage(
    project: Project,
    lang: str,
    document: Document | None = None,
    found: list[Finding] | None = None,
) -> tuple[list[Coverage], list[str]]:
    """The coverage of every :data:`ELEMENTS` entry by the policy in ``lang``.

    The sections are looked up in ``document`` (built with
    :func:`wizard.policy.engine.cached_document` when not given). When the policy cannot be
    written in ``lang`` yet, the elements it would cover are reported as missing, and the
    second value lists the engine's problems.
    """
    from wizard.policy.engine import PolicyError, cached_document

    problems: list[str] = []
    if document is None:
        try:
            # The review page asks again for a language it has shown: built once per change.
            document = cached_document(project, lang)
        except PolicyError as exc:
            problems = list(exc.problems)
    where = locations(document) if document is not None else None
    empty = empty_cells(document) if document is not None else {}
    if found is None:
        found = findings(project)
    out: list[Coverage] = []
    for element in ELEMENTS:
        status, reason, args = judge(project, element.id, found)
        located = status in (Status.COVERED, Status.PARTIAL)
        if not (located or element.id in _LOCATED_WHEN_NOT_APPLICABLE):
            out.append(Coverage(element, status, reason=reason, args=args))
            continue
        heading = where.get(element.id) if where is not None else None
        if heading is None:
            if status is not Status.NOT_APPLICABLE:
                status, args = Status.MISSING, {}
                reason = (
                    N_("not found in the document")
                    if where is not None
                    else N_("the policy cannot be written in this language yet")
                )
            out.append(Coverage(element, status, reason=reason, args=args))
            continue
        if status is Status.COVERED and element.id in empty:
            # The answers give it, but the clause that declares it printed nothing for a row.
            status = Status.PARTIAL
            reason = N_("the policy gives nothing in this column for: {rows}")
            args = {"rows": ", ".join(empty[element.id])}
        out.append(
            Coverage(element, status, heading.number, heading.text, heading.anchor, reason, args)
        )
    return out, problems
