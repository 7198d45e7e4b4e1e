"""What every page shares: the explanation, the list of open points, and asking ``flow``
whether the page is complete and which page comes next."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from wizard import flow, review
from wizard.flow import PAGE_ORDER, PageId
from wizard.model.answers import Project
from wizard.page_titles import PAGE_TITLES
from wizard.ui import answers_state as answers
from wizard.ui.session import Session
from wizard.ui.tr import _, ui_language
from wizard.ui.widgets import (
    CheckedLineEdit,
    Explanation,
    IssueList,
    LocalTextEdit,
    describe_fields,
    scroll_area,
)

#: How many open points a page lists before referring to the review page.
MAX_SHOWN_ISSUES = 6


def page_number(page: PageId) -> int:
    """The QWizard id of a page."""
    return PAGE_ORDER.index(page)


class BasePage(QWizardPage):
    """A page bound to the shared :class:`Session`.

    Subclasses build their widgets in :meth:`build`, fill them from the model in :meth:`load`
    and write each change straight back to the model, then call :meth:`changed`.
    """

    page_id: ClassVar[PageId]

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._loading = False
        #: The digest of the answers while :meth:`reload` refreshes what it just loaded.
        self._digest: bytes | None = None
        #: Set by initializePage so the wizard does not load the page twice on arrival.
        self.just_initialised = False
        self.setTitle(self.title_text())
        #: True until the page's widgets are made: on the page's first visit, or when
        #: something first asks for one of them (:meth:`ensure_built`).
        self._unbuilt = True

    def is_built(self) -> bool:
        """Whether the page's widgets are made."""
        return not self.__dict__.get("_unbuilt")

    def ensure_built(self) -> None:
        """Make the page's widgets (once): the wizard does it when the page is first shown, so
        that the window is usable before every page is made."""
        if not self.__dict__.get("_unbuilt"):
            return
        self._unbuilt = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.explanation = Explanation(self.explanation_text())
        self.explanation.setObjectName("explanation")
        outer.addWidget(self.explanation)
        self.body = QWidget()
        self.scroll_area = scroll_area(self.body)
        outer.addWidget(self.scroll_area, 1)
        self._outer = outer
        self.issues = IssueList()
        outer.addWidget(self.issues)
        self.build(self.body)
        describe_fields(self.body)
        self._fields_after_page()

    def _fields_after_page(self) -> None:
        """Put the page's fields right after the page in the window's focus chain, where they
        are when a page is made with the window (Qt adds a widget made later at the end of the
        chain; QWizard looks only a little way after a page for the field to focus on arrival,
        and would focus the Next button instead)."""
        ours: list[QWidget] = []
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self:
            if (
                self.isAncestorOf(widget)
                and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
                and not any(w.isAncestorOf(widget) for w in ours)  # a part of a field moves with it
            ):
                ours.append(widget)
            widget = widget.nextInFocusChain()
        # setTabOrder moves only after a widget that takes the focus: the page does, meanwhile.
        policy = self.focusPolicy()
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        try:
            previous: QWidget = self
            for widget in ours:
                QWidget.setTabOrder(previous, widget)
                previous = widget
        finally:
            self.setFocusPolicy(policy)

    def __getattr__(self, name: str) -> Any:
        # Only for names not found otherwise: a widget of a page not made yet makes the page.
        if name.startswith("__") or not self.__dict__.get("_unbuilt"):
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        self.ensure_built()
        return getattr(self, name)

    # --- for subclasses ---------------------------------------------------------------------

    def title_text(self) -> str:
        return _(PAGE_TITLES[self.page_id])

    def explanation_text(self) -> str:
        raise NotImplementedError

    def build(self, body: QWidget) -> None:
        """Create the page's widgets inside ``body``."""

    def add_footer(self, widget: QWidget) -> None:
        """Put ``widget`` under the scrolling part of the page, always in view (for the page's
        main action)."""
        self._outer.insertWidget(self._outer.indexOf(self.issues), widget)

    def load(self) -> None:
        """Fill the widgets from ``self.session.project`` (signals are ignored meanwhile)."""

    def checked_fields(self) -> dict[str, CheckedLineEdit]:
        """The checked fields in use on the page, by the path of the flow issue that would
        report them empty (e.g. ``"organisation.email"``)."""
        return {}

    def input_problems(self) -> list[str]:
        """Problems with typed input the model could not take (e.g. a malformed e-mail)."""
        return [p for p in (f.problem() for f in self.checked_fields().values()) if p]

    # --- shared behaviour -------------------------------------------------------------------

    @property
    def project(self) -> Project:
        return self.session.project

    @property
    def loading(self) -> bool:
        return self._loading

    def reload(self) -> None:
        """Show the model's current answers."""
        self.ensure_built()
        self._loading = True
        try:
            self.load()
        finally:
            self._loading = False
        # The digest the page just computed serves the open points too (nothing changed since).
        self._digest = self.loaded_digest()
        try:
            self.refresh()
        finally:
            self._digest = None

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.ensure_built()
        self.reload()
        self.just_initialised = True

    def set_text_language(self, lang: str) -> None:
        """Show every per-language text field of the page in ``lang`` (from the review page)."""
        for edit in self.findChildren(LocalTextEdit):
            edit.set_current_language(lang)

    def changed(self) -> None:
        """Call after writing a change to the model."""
        if self._loading:
            return
        self.session.mark_changed()
        self.refresh()

    def loaded_digest(self) -> bytes | None:
        """The digest of the answers (:func:`wizard.ui.answers_state.key`) as :meth:`load` just
        showed them, when it computed one and changed nothing."""
        return None

    def refresh(self) -> None:
        """Update the list of open points (must fix in red, advice in amber, as on the review
        page) and the Next button."""
        # The review's findings for this page: the same points, in the same colours. A
        # malformed entry is shown once, under its field: not again in the list, nor as the
        # field being empty (the model could not take what was typed).
        mistyped = {path for path, f in self.checked_fields().items() if f.problem()}
        found = [
            f
            for f in answers.page_findings(self.project, self.page_id, self._digest)
            if f.field not in mistyped
        ]
        lang = ui_language()
        blocking = [f.text(_, lang) for f in found if f.severity is review.Severity.ERROR]
        warnings = [f.text(_, lang) for f in found if f.severity is not review.Severity.ERROR]
        shown_blocking = blocking[:MAX_SHOWN_ISSUES]
        shown_warnings = warnings[: max(0, MAX_SHOWN_ISSUES - len(shown_blocking))]
        hidden = len(blocking) + len(warnings) - len(shown_blocking) - len(shown_warnings)
        if hidden:
            shown_warnings.append(
                _("... and {count} more (see the Review page).").format(count=hidden)
            )
        self.issues.show_issues(shown_blocking, shown_warnings)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return (
            answers.page_complete(self.project, self.page_id, self._digest)
            and not self.input_problems()
        )

    def nextId(self) -> int:  # noqa: N802 - Qt override
        following = flow.next_page(self.project, self.page_id)
        return page_number(following) if following is not None else -1


def section_label(text: str) -> QLabel:
    """A bold heading inside a page."""
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label
