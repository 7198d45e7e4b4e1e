"""Light widgets for plain text on a page: explanations, inline errors and lists of open points.

Kept free of the answers model so the welcome page can be shown before the model is imported.
The welcome page paints before PySide makes the Python enums of the ``Qt`` namespace (it makes
all 93 at once on first use, about 12 ms) and of ``QAccessible``: this module names them only
inside functions that run later.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from wizard.ui.tr import _

if TYPE_CHECKING:
    from PySide6.QtGui import QAccessible

ERROR_COLOUR = "#b00020"
WARNING_COLOUR = "#8a5a00"

#: The value of ``Qt.TextFormat.PlainText``.
PLAIN_TEXT_FORMAT = 0


def show_as_plain_text(label: QLabel) -> None:
    """Show ``label``'s text as it is, never as markup (``Qt.TextFormat.PlainText``).

    Set through Qt's property system with the format's value, so that a label of the welcome
    page needs no Python enum of the ``Qt`` namespace before the first paint.
    """
    label.setProperty("textFormat", PLAIN_TEXT_FORMAT)


class Explanation(QLabel):
    """A word-wrapped plain explanation of why a question is asked."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        #: The fields this text explains: it is their accessible description.
        self._described: list[QWidget] = []
        self.setWordWrap(True)
        show_as_plain_text(self)
        # Qt asks a word-wrapped label for about 80 characters' width at least, which widens
        # a page beyond a small screen with long (German) texts; it wraps narrower instead.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 30)

    def describe(self, widget: QWidget) -> None:
        """Make this text the accessible description of ``widget`` (and keep it so)."""
        self._described.append(widget)
        widget.setAccessibleDescription(self.text())

    def setText(self, text: str) -> None:  # noqa: N802 - Qt name
        super().setText(text)
        for widget in self._described:
            widget.setAccessibleDescription(text)


class FieldError(QLabel):
    """An inline message under a field; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        show_as_plain_text(self)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.setAccessibleName(_("Error"))
        self.hide()

    def show_message(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))


class StatusText(QLabel):
    """A word-wrapped status line that takes no room while it has nothing to say, and tells
    screen readers when it changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt name
        super().setText(text)
        self.setVisible(bool(text))
        from PySide6.QtGui import QAccessible

        announce(self, QAccessible.Event.NameChanged)


def announce(widget: QWidget, event: QAccessible.Event) -> None:
    """Tell assistive technology (screen readers) that ``widget`` changed."""
    from PySide6.QtGui import QAccessible, QAccessibleEvent

    QAccessible.updateAccessibility(QAccessibleEvent(widget, event))


class IssueList(QWidget):
    """The page's open points: those to fix in red, advice in amber (as on the review page).

    One label per point, each with the point as its accessible name, so a screen reader reads
    every message (a single rich-text label would be read by the list's name alone). When the
    points change, the list announces it: an alert when a new point to fix appeared, else a
    description change (the description holds every point, one per line).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Still to do on this page"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 2, 0, 2)
        self._layout.setSpacing(2)
        self.messages: list[str] = []
        self._blocking: list[str] = []
        self.items: list[QLabel] = []
        self.hide()

    def show_issues(self, blocking: Sequence[str], warnings: Sequence[str] = ()) -> None:
        messages = [*blocking, *warnings]
        if messages == self.messages and list(blocking) == self._blocking:
            return
        new_blocking = [m for m in blocking if m not in self._blocking]
        self.messages = messages
        self._blocking = list(blocking)
        for item in self.items:
            self._layout.removeWidget(item)
            item.deleteLater()
        self.items = []
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QAccessible

        for message in messages:
            colour = ERROR_COLOUR if len(self.items) < len(blocking) else WARNING_COLOUR
            item = QLabel("\u2022 " + message)
            show_as_plain_text(item)
            item.setWordWrap(True)
            item.setStyleSheet(f"color: {colour};")
            item.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            item.setAccessibleName(message)
            self._layout.addWidget(item)
            self.items.append(item)
        self.setAccessibleDescription("\n".join(messages))
        self.setVisible(bool(messages))
        announce(self, QAccessible.Event.DescriptionChanged)
        if new_blocking:
            announce(self, QAccessible.Event.Alert)
