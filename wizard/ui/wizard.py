"""The QWizard that holds the pages, embedded in the main window.

It starts with the welcome page only, which needs no answers model, so the window paints at
once; :meth:`PolicyWizard.add_pages` then loads the model and the topic pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QScrollArea, QWidget, QWizard

from wizard.ui.pages.welcome import WelcomePage
from wizard.ui.tr import _

if TYPE_CHECKING:
    from wizard.flow import PageId
    from wizard.ui.session import Session


def first_field(page: QWidget) -> QWidget | None:
    """The first visible, enabled widget of ``page`` that takes the focus with Tab (scroll
    areas are containers, not fields)."""
    from PySide6.QtCore import Qt

    widget = page.nextInFocusChain()
    while widget is not None and widget is not page:
        if (
            page.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not isinstance(widget, QScrollArea)
        ):
            return widget
        widget = widget.nextInFocusChain()
    return None


class PolicyWizard(QWizard):
    """The pages in :data:`flow.PAGE_ORDER`; :meth:`jump_to` goes to any page (for the review
    page's links and the step list). It never closes itself: Finish asks the window to close.

    It is a dialog until a layout takes it: laid out in the main window it becomes a plain
    child widget (``QWidget.setParent`` resets the window flags). Like the rest of what the
    first paint shows, it names no enum of the ``Qt`` namespace before the topic pages exist
    (see :mod:`wizard.ui.notes`)."""

    finish_requested = Signal()
    #: The page shown changed (a :class:`PageId` value).
    page_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        options = QWizard.WizardOption
        self.setOptions(self.options() | options.NoCancelButton | options.NoBackButtonOnStartPage)
        self.setButtonText(QWizard.WizardButton.BackButton, _("< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, _("&Next >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Fi&nish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("Cancel"))
        self.setButtonText(QWizard.WizardButton.CommitButton, _("Commit"))
        self.setButtonText(QWizard.WizardButton.HelpButton, _("Help"))
        self.welcome = WelcomePage()
        self.setPage(0, self.welcome)
        self.setStartId(0)
        #: Every page by its PageId (a StrEnum: "welcome" finds the welcome page before
        #: the topic pages are added).
        self.pages: dict[str, Any] = {"welcome": self.welcome}
        self.currentIdChanged.connect(self._current_changed)

    def add_pages(self, session: Session) -> None:
        """Create the topic pages, all bound to ``session`` (once). Each makes its widgets
        on its first visit (:meth:`~wizard.ui.pages.base.BasePage.ensure_built`)."""
        if len(self.pages) > 1:
            return
        from wizard.flow import PageId
        from wizard.ui.pages.base import page_number
        from wizard.ui.pages.children import ChildrenPage
        from wizard.ui.pages.cookies import CookiesPage
        from wizard.ui.pages.organisation import OrganisationPage
        from wizard.ui.pages.output import OutputPage
        from wizard.ui.pages.purposes import PurposesPage
        from wizard.ui.pages.recipients import RecipientsPage
        from wizard.ui.pages.review import ReviewPage
        from wizard.ui.pages.rights import RightsPage
        from wizard.ui.pages.security import SecurityPage
        from wizard.ui.pages.services import ServicesPage
        from wizard.ui.pages.transfers import TransfersPage

        self.pages = {PageId.WELCOME: self.welcome}
        for cls in (
            OrganisationPage,
            ServicesPage,
            PurposesPage,
            RecipientsPage,
            TransfersPage,
            CookiesPage,
            ChildrenPage,
            RightsPage,
            SecurityPage,
            ReviewPage,
            OutputPage,
        ):
            page = cls(session)
            self.setPage(page_number(cls.page_id), page)
            self.pages[cls.page_id] = page

    def current_page_id(self) -> PageId | None:
        from wizard.flow import PAGE_ORDER

        current = self.currentId()
        return PAGE_ORDER[current] if current >= 0 else None

    def jump_to(self, target: PageId, lang: str | None = None) -> None:
        """Show ``target``: back through the history when it was visited, else forward.
        With ``lang``, the page's per-language text fields switch to that language."""
        from wizard.flow import PAGE_ORDER
        from wizard.ui.pages.base import page_number

        number = page_number(target)
        if self.currentId() != number:
            if number in self.visitedIds():
                while self.currentId() != number and len(self.visitedIds()) > 1:
                    self.back()
            else:
                guard = len(PAGE_ORDER)
                while self.currentId() != number and self.nextId() != -1 and guard:
                    self.next()
                    guard -= 1
        if lang is not None and self.currentId() == number:
            self.pages[target].set_text_language(lang)

    def _current_changed(self, number: int) -> None:
        if number < 0 or len(self.pages) == 1:
            return
        from wizard.flow import PAGE_ORDER

        page = PAGE_ORDER[number]
        widget = self.pages[page]
        if not widget.just_initialised:
            # Going back does not call initializePage: show what changed on other pages
            # meanwhile (e.g. languages added on the output page).
            widget.reload()
        widget.just_initialised = False
        self.page_changed.emit(page.value)
        self._focus_first_field(widget)

    def _focus_first_field(self, page: QWidget) -> None:
        # Qt gives the focus to the page's first focusable child, which may be a container:
        # the person starts typing into the page's first field instead.
        from PySide6.QtCore import Qt

        field = first_field(page)
        if field is not None:
            field.setFocus(Qt.FocusReason.TabFocusReason)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt override
        """Keep the focus where the person types while the wizard re-lays itself out.

        QWizard hides its page area for a moment whenever the current page's completeness
        changes (every ``completeChanged``) and when it switches pages. Hiding a widget that
        contains the focus makes Qt move the focus on to the next focusable widget of the
        window; embedded in the main window, that is the Steps list, so after one character
        typing would go elsewhere. Updates are disabled exactly while the page area is hidden,
        so a focus move asked for then is ignored: the focus stays in the field, which is
        visible again an instant later. Tab and Backtab move the focus as usual.
        """
        if not self.updatesEnabled():
            return True
        return super().focusNextPrevChild(next)

    def done(self, result: int) -> None:
        """Finish must not hide the embedded wizard: it asks the window to close."""
        if result == int(QWizard.DialogCode.Accepted.value):
            self.finish_requested.emit()

    def accept(self) -> None:
        self.finish_requested.emit()

    def reject(self) -> None:
        """Escape does nothing: the window's File menu quits."""
