"""The first page: start a new project, open one, open a recent one, or recover unsaved work.

A new project is empty or starts from a starter project for a common kind of organisation
(a practice, a dental practice, a telehealth app, a software company, a shop or association),
and its policy languages are chosen here first: proposed from the window's language, and
extended with the official languages of the country once it is chosen.

It needs no answers model (recent files come from the settings, the recovery offer from the
data folder, the starters from their index), so the window can paint it before the model and
the other pages are loaded. Like the rest of the first paint, it names no enum of the ``Qt``
namespace (see :mod:`wizard.ui.notes`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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

from wizard import languages
from wizard.languages import LANGUAGES
from wizard.page_titles import PAGE_TITLES
from wizard.ui.notes import Explanation
from wizard.ui.tr import _, ui_language

if TYPE_CHECKING:
    from wizard.model.answers import Project

#: The policy languages, in the order offered (the registry's, read when the page is built).
POLICY_LANGUAGES = LANGUAGES

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
        #: True once the person changed the kind of organisation or the languages.
        self.choices_touched = False
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
        return _(PAGE_TITLES[self.page_id])

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
        # It names the project file: the file's name is shown as it is, never as markup.
        self.recovery_text = Explanation("")
        recovery_layout.addWidget(self.recovery_text)
        self.recover_button = QPushButton(_("&Recover unsaved work"))
        self.recover_button.setAccessibleName(_("Recover unsaved work"))
        self.recover_button.clicked.connect(self.recover_requested)
        recovery_layout.addLayout(_left(self.recover_button))
        self.recovery_box.hide()
        layout.addWidget(self.recovery_box)

        self.new_box = QGroupBox(_("New project"))
        new_layout = QVBoxLayout(self.new_box)
        kind_label = QLabel(_("&Kind of organisation:"))
        self.starter = QComboBox()
        self.starter.setAccessibleName(_("Kind of organisation"))
        kind_label.setBuddy(self.starter)
        self.starter.addItem(_("Empty project (answer every question yourself)"), "")
        self.starter.currentIndexChanged.connect(self._starter_changed)
        self.starter_description = Explanation("")
        new_layout.addWidget(kind_label)
        new_layout.addWidget(self.starter)
        new_layout.addWidget(self.starter_description)
        new_layout.addWidget(QLabel(_("Languages of the privacy policy:")))
        row = QHBoxLayout()
        self.language_boxes: dict[str, QCheckBox] = {}
        for lang in POLICY_LANGUAGES:
            box = QCheckBox(_(languages.get(lang).name))
            box.setChecked(lang == ui_language())
            box.toggled.connect(self._languages_changed)
            self.language_boxes[lang] = box
            row.addWidget(box)
        row.addStretch(1)
        new_layout.addLayout(row)
        self._keep_one_language()
        new_layout.addWidget(
            Explanation(
                _(
                    "When you choose your country, its official languages are added (for "
                    "Belgium: Dutch, French and German), unless you chose the languages "
                    "yourself. You can change them later on the last page."
                )
            )
        )
        self.new_button = QPushButton(_("&Start a new project"))
        self.new_button.setAccessibleName(_("Start a new project"))
        self.new_button.clicked.connect(self.new_requested)
        new_layout.addLayout(_left(self.new_button))
        layout.addWidget(self.new_box)

        self.open_button = QPushButton(_("&Open a project..."))
        self.open_button.setAccessibleName(_("Open a project"))
        self.open_button.clicked.connect(self.open_requested)
        layout.addLayout(_left(self.open_button))

        self.recent_label = QLabel(_("Rec&ent projects (double-click or press Enter to open):"))
        self.recent_label.setWordWrap(True)
        self.recent = QListWidget()
        self.recent.setAccessibleName(_("Recent projects"))
        self.recent_label.setBuddy(self.recent)
        self.recent.itemActivated.connect(self._recent_activated)
        #: The path of each row of the list.
        self.recent_paths: list[str] = []
        layout.addWidget(
            Explanation(
                _(
                    "Next continues with the project shown in the title bar; a new project "
                    "starts as chosen above."
                )
            )
        )
        layout.addSpacing(12)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent, 1)
        layout.addStretch(0)
        self.setTabOrder(self.starter, self.language_boxes[POLICY_LANGUAGES[0]])
        for first, second in zip(POLICY_LANGUAGES, POLICY_LANGUAGES[1:], strict=False):
            self.setTabOrder(self.language_boxes[first], self.language_boxes[second])
        self.setTabOrder(self.language_boxes[POLICY_LANGUAGES[-1]], self.new_button)
        self.setTabOrder(self.new_button, self.open_button)
        self.setTabOrder(self.open_button, self.recent)

    # --- the new project --------------------------------------------------------------------

    def fill_starters(self) -> None:
        """Offer the starter projects (once; after the first paint, as they are data files)."""
        if self.starter.count() > 1:
            return
        from wizard.starters import starters

        self.starter.blockSignals(True)
        for starter in starters():
            self.starter.addItem(starter.name(ui_language()), starter.id)
        self.starter.blockSignals(False)

    def _starter_changed(self, *_args: object) -> None:
        from wizard.starters import starters

        self.choices_touched = True
        starter_id = self.starter.currentData()
        found = next((s for s in starters() if s.id == starter_id), None)
        self.starter_description.setText(found.description(ui_language()) if found else "")

    def _languages_changed(self, *_args: object) -> None:
        self.choices_touched = True
        self._keep_one_language()

    def _keep_one_language(self) -> None:
        checked = [lang for lang, box in self.language_boxes.items() if box.isChecked()]
        # At least one language: the last ticked box cannot be cleared.
        for lang, box in self.language_boxes.items():
            box.setEnabled(not (checked == [lang]))

    def chosen_languages(self) -> list[str]:
        """The policy languages ticked (in the order offered)."""
        return [lang for lang, box in self.language_boxes.items() if box.isChecked()]

    def new_project(self) -> Project:
        """A new project as chosen here: empty or from the starter, in the languages ticked."""
        from wizard import flow

        project = flow.new_project(ui_language(), self.starter.currentData() or None)
        project.publication.languages = self.chosen_languages() or project.publication.languages
        return project

    def set_recent(self, paths: list[str]) -> None:
        """Show the recently used project files (existing ones only)."""
        self.recent.clear()
        self.recent_paths = list(paths)
        for path in paths:
            item = QListWidgetItem(f"{Path(path).name}  \u2014  {Path(path).parent}")
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
        self.open_recent_requested.emit(self.recent_paths[self.recent.row(item)])


def _left(button: QPushButton) -> QHBoxLayout:
    """A row that keeps ``button`` at its own width on the left."""
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row
