"""The Steps panel beside the wizard: every page by title, the ones the project does not need
greyed out, the current one in bold, and "Step 3 of 10" above the list.

Until :meth:`StepList.fill` (after the window's first paint) it lists the welcome page only
and names no enum of the ``Qt`` namespace (see :mod:`wizard.ui.notes`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from wizard.ui.tr import _

if TYPE_CHECKING:
    from collections.abc import Callable

    from wizard.flow import PageId
    from wizard.model.answers import Project

#: The widest the Steps panel gets (its texts wrap).
STEPS_WIDTH = 220


class StepList(QWidget):
    """The list of steps; ``chosen`` is emitted with a page's id (its value) when the person
    activates it. Until :meth:`fill` it lists the welcome page only."""

    chosen = Signal(str)

    def __init__(self, welcome_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumWidth(STEPS_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(_("Ste&ps"))
        self.list = QListWidget()
        self.list.setAccessibleName(_("Steps"))
        self.list.setMaximumWidth(STEPS_WIDTH)
        self.list.setWordWrap(True)
        label.setBuddy(self.list)
        #: "Step 3 of 10": where the person is, counting the pages that apply to the project
        #: (bold, from :meth:`fill` on).
        self.step_label = QLabel()
        self.step_label.setWordWrap(True)
        # As wide as the list below it, never wider: the page keeps the room.
        self.step_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.step_label.hide()
        self.list.addItem(welcome_title)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        layout.addWidget(self.step_label)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)

    def fill(self, title: Callable[[PageId], str]) -> None:
        """List every page of the flow, in order, by its title."""
        from PySide6.QtCore import Qt

        from wizard.flow import PAGE_ORDER

        # Long titles wrap (in German above all); the list never scrolls sideways.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        font = self.step_label.font()
        font.setBold(True)
        self.step_label.setFont(font)
        self.list.clear()
        for page in PAGE_ORDER:
            item = QListWidgetItem(title(page))
            item.setData(Qt.ItemDataRole.UserRole, page.value)
            self.list.addItem(item)

    def show_progress(
        self, project: Project, current: PageId | None, title: Callable[[PageId], str]
    ) -> None:
        """Grey out the pages the project does not need, mark the current one, and say which
        step of how many it is."""
        from PySide6.QtCore import Qt

        from wizard import flow
        from wizard.flow import PAGE_ORDER

        for row, page in enumerate(PAGE_ORDER):
            item = self.list.item(row)
            applies = flow.page_applies(project, page)
            text = title(page)
            item.setText(text if applies else _("{page} (not needed)").format(page=text))
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            item.setFlags(flags if applies else Qt.ItemFlag.NoItemFlags)
            font = item.font()
            font.setBold(page is current)
            item.setFont(font)
            if page is current:
                self.list.setCurrentRow(row)
        steps = [p for p in PAGE_ORDER[1:] if flow.page_applies(project, p)]
        if current in steps:
            text = _("Step {number} of {total}").format(
                number=steps.index(current) + 1, total=len(steps)
            )
            self.step_label.setText(text)
            self.step_label.setAccessibleName(text)
            self.step_label.show()
        else:
            self.step_label.hide()

    def _activated(self, item: QListWidgetItem) -> None:
        from PySide6.QtCore import Qt

        data = item.data(Qt.ItemDataRole.UserRole)
        if data:
            self.chosen.emit(data)
