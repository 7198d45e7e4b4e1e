"""A keyboard for GUI tests: every key goes to whatever widget has the focus.

``qtbot.keyClicks(widget, ...)`` delivers keys to a named widget, so a test passes even when a
person's typing would land somewhere else. Here the target is always
``QApplication.focusWidget()``, as with a real keyboard: if the focus jumps away while typing,
the rest of the text goes with it and the test sees the field half-filled.

Printable characters are sent as one KeyPress/KeyRelease each carrying the character (QTest's
keyClicks aborts on non-ASCII text); keys with modifiers (Tab, Enter, Alt+letter) go through
QTest, which also runs Qt's shortcut handling, so mnemonics and shortcuts work as they do for a
person.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def mnemonic(text: str) -> str:
    """The Alt+letter of a label or button text such as ``"&Next >"``."""
    match = _MNEMONIC.search(text)
    assert match, f"no mnemonic in {text!r}"
    return match.group(1)


def _key_for(char: str) -> Qt.Key:
    """Qt's key code for a printable character (Latin-1 codes are the upper-case letters)."""
    if char == " ":
        return Qt.Key.Key_Space
    if char.isascii() and char.isprintable():
        return Qt.Key(ord(char.upper()))
    return Qt.Key.Key_unknown


def label_of(widget: QWidget) -> str:
    """The text of the label whose buddy is ``widget`` (or the container it is the focus proxy
    of), for pressing its Alt+letter."""
    window = widget.window()
    for label in window.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and (buddy is widget or buddy.focusProxy() is widget):
            return label.text()
    raise AssertionError(f"no label for {widget!r}")


class Keyboard:
    """Types and presses keys into the focused widget; ``qtbot`` processes events between."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "no widget has the keyboard focus"
        return widget

    def type(self, text: str) -> None:
        """Type ``text`` character by character into whatever has the focus at each key."""
        for char in text:
            key = _key_for(char)
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(self.focus(), event)
            QApplication.processEvents()

    def press(
        self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        QTest.keyClick(self.focus(), key, modifiers)
        QApplication.processEvents()

    def tab(self, times: int = 1) -> None:
        for _ in range(times):
            self.press(Qt.Key.Key_Tab)

    def backtab(self, times: int = 1) -> None:
        for _ in range(times):
            self.press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)

    def enter(self) -> None:
        self.press(Qt.Key.Key_Return)

    def space(self) -> None:
        self.press(Qt.Key.Key_Space)

    def select_all(self) -> None:
        self.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)

    def alt(self, text: str) -> None:
        """Press Alt plus the mnemonic letter of ``text`` (a label's or a button's text)."""
        letter = mnemonic(text)
        window = self.focus().window()
        self.press(Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier)
        # A button's mnemonic "animates" the click: it is pressed now and clicked a moment
        # later. Wait for that click, as a person would see it happen before going on.
        self.qtbot.waitUntil(
            lambda: not any(b.isDown() for b in window.findChildren(QAbstractButton)),
            timeout=5000,
        )

    def in_modal(
        self, action: Callable[[QWidget], None], timeout: int = 10_000
    ) -> Callable[[], None]:
        """Arrange for ``action(dialog)`` to run once a modal dialog has opened (its exec()
        blocks the caller); returns a function that asserts it did run."""
        done: list[bool] = []
        owner = QApplication.activeWindow()

        def attempt(remaining: int) -> None:
            dialog = QApplication.activeModalWidget()
            focus = QApplication.focusWidget()
            if dialog is None or focus is None or not dialog.isAncestorOf(focus):
                if remaining <= 0:
                    return
                QTimer.singleShot(50, lambda: attempt(remaining - 50))
                return
            done.append(True)
            try:
                action(dialog)
            except BaseException:
                dialog.close()  # never leave a modal loop running: the test would hang
                raise

        QTimer.singleShot(0, lambda: attempt(timeout))

        def check() -> None:
            assert done, "the dialog did not open"
            # A window manager gives the activation back to the main window when a dialog
            # closes; the offscreen platform has none, so do what it would do.
            if QApplication.activeWindow() is None and owner is not None:
                owner.activateWindow()
                self.qtbot.waitUntil(lambda: QApplication.activeWindow() is owner, timeout=5000)

        return check
