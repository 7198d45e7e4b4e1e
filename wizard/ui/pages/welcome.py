"""The first page: start a new project, open one, open a recent one, or recover unsaved work.

It needs no answers model (recent files come from the settings, the recovery offer from the
data folder), so the window can paint it before the model and the other pages are loaded.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from wizard.ui.notes import Explanation
from wizard.ui.tr import _

#: The wizard id of the page that follows (the organisation page; see flow.PAGE_ORDER).
NEXT_PAGE_NUMBER = 1


class WelcomePage(QWizardPage):
    """Start here. The window connects the signals to its file actions."""

    #: flow.PageId.WELCOME (a StrEnum, so the plain value compares equal).
    page_id = "welcome"

    new_requested = Signal()
    open_requested = Signal()
    open_recent_requested = Signal(str)
    recover_requested = Signal()
    #: Emitted before leaving the page with Next (the window finishes loading then).
    leaving = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.just_initialised = False
        self.setTitle(self.title_text())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.explanation = Explanation(self.explanation_text())
        outer.addWidget(self.explanation)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)
        self.build(body)

    def reload(self) -> None:
        """Nothing to load: the window fills the recent files and the recovery offer."""

    def set_text_language(self, lang: str) -> None:
        """No per-language texts here."""

    def nextId(self) -> int:  # noqa: N802 - Qt override
        return NEXT_PAGE_NUMBER

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        self.leaving.emit()
        return True

    def title_text(self) -> str:
        return _("Welcome to Privacy Wizard")

    def explanation_text(self) -> str:
        return _(
            "This wizard asks plain questions about your organisation and how it uses personal "
            "data, and writes your privacy policy from the answers. Nothing you enter leaves "
            "this computer. You can save your answers and update them next year."
        )

    def build(self, body: QWidget) -> None:
        layout = QVBoxLayout(body)

        self.recovery_box = QGroupBox(_("Unsaved work found"))
        recovery_layout = QVBoxLayout(self.recovery_box)
        self.recovery_text = QLabel()
        self.recovery_text.setWordWrap(True)
        recovery_layout.addWidget(self.recovery_text)
        self.recover_button = QPushButton(_("&Recover unsaved work"))
        self.recover_button.setAccessibleName(_("Recover unsaved work"))
        self.recover_button.clicked.connect(self.recover_requested)
        recovery_layout.addWidget(self.recover_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.recovery_box.hide()
        layout.addWidget(self.recovery_box)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(_("&Start a new project"))
        self.new_button.setAccessibleName(_("Start a new project"))
        self.new_button.clicked.connect(self.new_requested)
        self.open_button = QPushButton(_("&Open a project..."))
        self.open_button.setAccessibleName(_("Open a project"))
        self.open_button.clicked.connect(self.open_requested)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.recent_label = QLabel(_("Rec&ent projects (double-click or press Enter to open):"))
        self.recent_label.setWordWrap(True)
        self.recent = QListWidget()
        self.recent.setAccessibleName(_("Recent projects"))
        self.recent_label.setBuddy(self.recent)
        self.recent.itemActivated.connect(self._recent_activated)
        layout.addWidget(
            Explanation(
                _(
                    "Next continues with the project shown in the title bar (a new, empty "
                    "project when you have not opened one)."
                )
            )
        )
        layout.addSpacing(12)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent, 1)
        layout.addStretch(0)
        self.setTabOrder(self.new_button, self.open_button)
        self.setTabOrder(self.open_button, self.recent)

    def set_recent(self, paths: list[str]) -> None:
        """Show the recently used project files (existing ones only)."""
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).name}  \u2014  {Path(path).parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.recent.addItem(item)
        visible = bool(paths)
        self.recent.setVisible(visible)
        self.recent_label.setVisible(visible)

    def set_recovery(self, description: str | None) -> None:
        """Offer to recover unsaved work (``None`` hides the offer)."""
        self.recovery_text.setText(description or "")
        self.recovery_box.setVisible(description is not None)

    def _recent_activated(self, item: QListWidgetItem) -> None:
        self.open_recent_requested.emit(item.data(Qt.ItemDataRole.UserRole))
