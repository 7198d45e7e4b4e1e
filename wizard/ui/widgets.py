"""Small reusable widgets: explanations, inline errors, per-language text fields."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wizard.model.answers import LocalText
from wizard.ui.labels import language_name
from wizard.ui.notes import ERROR_COLOUR, WARNING_COLOUR, Explanation, FieldError, IssueList
from wizard.ui.tr import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialogButtonBox

__all__ = [
    "ERROR_COLOUR",
    "WARNING_COLOUR",
    "CheckedLineEdit",
    "Explanation",
    "FieldError",
    "IssueList",
    "LocalTextEdit",
    "add_form_row",
    "describe_fields",
    "fit_to_screen",
    "new_form",
    "plain_label",
    "scroll_area",
    "url_edit",
]


class LocalTextEdit(QWidget):
    """Edits a :class:`LocalText`: one text box, plus a language selector when the policy is
    written in more than one language."""

    edited = Signal()

    def __init__(
        self, multiline: bool = False, accessible_name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._value = LocalText()
        self._lang = "en"
        self._loading = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.editor: QLineEdit | QPlainTextEdit
        if multiline:
            self.editor = QPlainTextEdit()
            self.editor.setTabChangesFocus(True)
            self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * 4 + 12)
            self.editor.textChanged.connect(self._text_changed)
        else:
            self.editor = QLineEdit()
            self.editor.textEdited.connect(self._text_changed)
        self.editor.setAccessibleName(accessible_name)
        layout.addWidget(self.editor, 1)
        self.language = QComboBox()
        self.language.setAccessibleName(_("Language of this text"))
        self.language.setToolTip(_("Write this text in each language of the policy"))
        self.language.currentIndexChanged.connect(self._language_changed)
        layout.addWidget(self.language, 0, Qt.AlignmentFlag.AlignTop)
        self.setFocusProxy(self.editor)
        self.set_languages(["en"])

    def set_languages(self, languages: Sequence[str]) -> None:
        """Offer these output languages (the selector hides when there is only one)."""
        languages = list(languages) or ["en"]
        self._loading = True
        self.language.clear()
        for code in languages:
            self.language.addItem(code.upper(), code)
            self.language.setItemData(
                self.language.count() - 1, language_name(code), Qt.ItemDataRole.ToolTipRole
            )
        keep = self._lang if self._lang in languages else languages[0]
        self.language.setCurrentIndex(languages.index(keep))
        self._lang = keep
        self.language.setVisible(len(languages) > 1)
        self._loading = False
        self._show()

    def set_value(self, value: LocalText) -> None:
        self._value = LocalText(dict(value.root))
        self._show()

    def value(self) -> LocalText:
        return self._value

    def current_language(self) -> str:
        return self._lang

    def set_current_language(self, lang: str) -> None:
        index = self.language.findData(lang)
        if index >= 0:
            self.language.setCurrentIndex(index)

    def text(self) -> str:
        if isinstance(self.editor, QLineEdit):
            return self.editor.text()
        return self.editor.toPlainText()

    def _show(self) -> None:
        self._loading = True
        text = self._value.get(self._lang) or ""
        if isinstance(self.editor, QLineEdit):
            self.editor.setText(text)
        else:
            self.editor.setPlainText(text)
        self._loading = False

    def _language_changed(self, index: int) -> None:
        if self._loading or index < 0:
            return
        self._lang = self.language.itemData(index)
        self._show()

    def _text_changed(self, *_args: object) -> None:
        if self._loading:
            return
        root = dict(self._value.root)
        root[self._lang] = self.text()
        self._value = LocalText(root)
        self.edited.emit()


class CheckedLineEdit(QWidget):
    """A line edit with an inline error from a ``flow`` checker such as ``email_problem``."""

    edited = Signal(str)

    def __init__(
        self,
        checker: Callable[[str], str | None],
        accessible_name: str = "",
        placeholder: str = "",
        parent: QWidget | None = None,
        normalise: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._checker = checker
        self._normalise = normalise
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.editor = QLineEdit()
        self.editor.setAccessibleName(accessible_name)
        self.editor.setPlaceholderText(placeholder)
        self.error = FieldError()
        layout.addWidget(self.editor)
        layout.addWidget(self.error)
        self.setFocusProxy(self.editor)
        self.editor.textEdited.connect(self._edited)
        self.editor.editingFinished.connect(self._finished)

    def problem(self) -> str | None:
        """The translated problem with the current text, if any."""
        problem = self._checker(self.editor.text())
        return _(problem) if problem else None

    def set_text(self, text: str) -> None:
        self.editor.setText(text)
        self.error.show_message(self.problem())

    def text(self) -> str:
        return self.editor.text().strip()

    def valid_value(self) -> str | None:
        """The text when it is valid and not empty, else ``None``."""
        return self.text() if self.text() and self.problem() is None else None

    def _edited(self, text: str) -> None:
        self.error.show_message(self.problem())
        self.edited.emit(text)

    def _finished(self) -> None:
        """Show the completed form of a valid entry once the person leaves the field."""
        if self._normalise is None or self.valid_value() is None:
            return
        completed = self._normalise(self.text())
        if completed != self.editor.text():
            self.editor.setText(completed)
            self.edited.emit(completed)


def url_edit(placeholder: str = "https://") -> CheckedLineEdit:
    """A web address field: ``www.example.nl`` is accepted and completed to
    ``https://www.example.nl`` when the person leaves the field."""
    from wizard import flow
    from wizard.model.answers import complete_url

    return CheckedLineEdit(flow.url_problem, placeholder=placeholder, normalise=complete_url)


def scroll_area(body: QWidget) -> QScrollArea:
    """A frameless scroll area around ``body`` for content that may not fit the screen. The
    area itself never takes the keyboard focus: Tab and a window's first focus go straight to
    the fields inside it."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(body)
    return area


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Size ``window`` (a dialog) ``width`` x ``height``, or smaller where the screen's available
    area is: its content scrolls instead of running off the screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, available.width() - 40)
        height = min(height, available.height() - 80)
    window.resize(width, height)


def describe_fields(root: QWidget) -> None:
    """Give each input under ``root`` its help text as accessible description, for screen
    readers: the explanation shown right under it in a form, else its tooltip."""
    for form in root.findChildren(QFormLayout):
        previous: QWidget | None = None
        for row in range(form.rowCount()):
            span = form.itemAt(row, QFormLayout.ItemRole.SpanningRole)
            explanation = span.widget() if span is not None else None
            if isinstance(explanation, Explanation):
                if previous is not None:
                    explanation.describe(previous)
                continue
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            previous = (widget.focusProxy() or widget) if widget is not None else None
    for widget in root.findChildren(QWidget):
        if (
            widget.toolTip()
            and not widget.accessibleDescription()
            and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        ):
            widget.setAccessibleDescription(widget.toolTip())


def plain_label(text: str) -> str:
    """A label's text without its mnemonic ampersand, for accessible names."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":")


def add_form_row(form: QFormLayout, text: str, widget: QWidget) -> QLabel:
    """Add ``widget`` to ``form`` with a label that is its buddy (for the mnemonic) and give the
    widget the label's text as accessible name (unless it has one). Long labels are not
    word-wrapped (QFormLayout clips wrapped labels): the form puts the field under them."""
    label = QLabel(text)
    target = widget.focusProxy() or widget
    # The buddy is the widget that takes the focus: a label gives the focus only to a buddy
    # that accepts it, and a composite field (a text with its language selector, a folder with
    # its Browse button) does not, its editor does.
    label.setBuddy(target)
    if not target.accessibleName():
        target.setAccessibleName(plain_label(text))
    form.addRow(label, widget)
    return label


def new_form() -> QFormLayout:
    """A form layout that wraps long rows instead of clipping them."""
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def ok_cancel_buttons(dialog: QDialog, ok_text: str | None = None) -> QDialogButtonBox:
    """OK and Cancel in the UI language (Qt's own words would stay English), wired to the
    dialog's accept and reject."""
    from PySide6.QtWidgets import QDialogButtonBox  # for dialogs only: made when one opens

    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text or _("OK"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class _BoxLabel(QLabel):
    """The wrapping text of a :func:`wrapping_check`: a click on it ticks the box, as a click on
    a check box's own text does."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self._box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton and self._box.isEnabled():
            self._box.toggle()
            self._box.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)


def wrapping_check(text: str) -> tuple[QCheckBox, QWidget]:
    """A check box whose long text wraps (a QCheckBox's own text never does, so a long German
    or pseudo-localised sentence would widen the whole page): the box, and the row to lay out."""
    box = QCheckBox()
    box.setAccessibleName(plain_label(text))
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(_BoxLabel(text, box), 1)
    return box, row
