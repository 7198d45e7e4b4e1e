"""Light widgets for plain text on a page: explanations, inline errors and lists of open points.

Kept free of the answers model so the welcome page can be shown before the model is imported.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from wizard.ui.tr import _

ERROR_COLOUR = "#b00020"
WARNING_COLOUR = "#8a5a00"


class Explanation(QLabel):
    """A word-wrapped plain explanation of why a question is asked."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)


class FieldError(QLabel):
    """An inline message under a field; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.setAccessibleName(_("Error"))
        self.hide()

    def show_message(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))


class IssueList(QLabel):
    """The page's open points: those to fix in red, advice in amber (as on the review page)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAccessibleName(_("Still to do on this page"))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.messages: list[str] = []
        self.hide()

    def show_issues(self, blocking: Sequence[str], warnings: Sequence[str] = ()) -> None:
        from html import escape

        self.messages = [*blocking, *warnings]
        items = [f'<li style="color:{ERROR_COLOUR}">{escape(m)}</li>' for m in blocking]
        items += [f'<li style="color:{WARNING_COLOUR}">{escape(m)}</li>' for m in warnings]
        self.setText(f"<ul style='margin-left:-20px'>{''.join(items)}</ul>" if items else "")
        self.setVisible(bool(items))
