"""Security and more: the measures that protect the data, the services provided as a processor
for others, authorities under other laws, and the organisation's own sections."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QCheckBox, QDialog, QGridLayout, QVBoxLayout, QWidget

from wizard.flow import PageId
from wizard.model.answers import LocalText, Security, SecurityMeasure
from wizard.ui.labels import country_name, label
from wizard.ui.pages.base import BasePage, section_label
from wizard.ui.tr import _, text_language
from wizard.ui.widgets import Explanation, LocalTextEdit, add_form_row, new_form

if TYPE_CHECKING:
    from wizard.ui.item_table import ItemTable


class SecurityPage(BasePage):
    """Security measures (their own object, reused by the record of processing activities),
    then three optional lists."""

    page_id = PageId.SECURITY

    def explanation_text(self) -> str:
        return _(
            "How you protect the data (Art. 32 GDPR): tick what you do and add your own words. "
            "Below, only if it applies to you: services you run for others as their "
            "processor, authorities under other laws, and sections of your own."
        )

    def build(self, body: QWidget) -> None:
        # The editors of the three lists load with the page's widgets, on its first visit.
        from wizard.ui.extra_dialogs import (
            OtherAuthorityDialog,
            OwnSectionDialog,
            ProcessorActivityDialog,
        )

        layout = QVBoxLayout(body)
        layout.addWidget(section_label(_("How you protect the data")))
        grid = QGridLayout()
        layout.addLayout(grid)
        self.measures: dict[SecurityMeasure, QCheckBox] = {}
        for i, measure in enumerate(SecurityMeasure):
            box = QCheckBox(label(measure))
            box.toggled.connect(self._measures_changed)
            grid.addWidget(box, i // 2, i % 2)
            self.measures[measure] = box
        form = new_form()
        layout.addLayout(form)
        self.other = LocalTextEdit(multiline=True)
        self.other.edited.connect(self._other_changed)
        add_form_row(form, _("Other &measures (in your words):"), self.other)

        self.activities = self._list(
            layout,
            _("Services you provide as a processor for others"),
            _("Only if you process personal data on your customers' instructions, e.g. "
              "the data they keep in your software. The policy then says it does not "
              "cover those data."),
            "processor_activities",
            [_("Service"), _("On whose behalf")],
            _("Services provided as a processor"),
            lambda a: [self._text(a.service), self._text(a.controllers)],
            lambda a: self._run(ProcessorActivityDialog(a, self._languages(), self), "activity"),
            _("Add ser&vice..."),
        )
        # The buttons of the other two tables have no mnemonics: the same letters on one page
        # would clash (Tab reaches them).
        plain = {
            key: text.replace("&", "")
            for key, text in (
                ("edit", _("&Edit...")),
                ("duplicate", _("&Duplicate")),
                ("remove", _("&Remove")),
                ("up", _("Move &up")),
                ("down", _("Move do&wn")),
            )
        }
        self.authorities = self._list(
            layout,
            _("Authorities under other laws (not the GDPR)"),
            _("Only if another data protection law also applies to you, e.g. "
              "Switzerland's for customers there (the FDPIC)."),
            "other_authorities",
            [_("Authority"), _("Country")],
            _("Authorities under other laws"),
            lambda a: [a.name, country_name(a.country)],
            lambda a: self._run(OtherAuthorityDialog(a, self._languages(), self), "authority"),
            _("Add au&thority..."),
            plain,
        )
        self.sections = self._list(
            layout,
            _("Sections of your own"),
            _("Anything else your policy must say, placed after the section you choose."),
            "own_sections",
            [_("Heading"), _("After the section")],
            _("Sections of your own"),
            lambda s: [self._text(s.heading), label(s.after)],
            lambda s: self._run(OwnSectionDialog(s, self._languages(), self), "section"),
            _("Add se&ction..."),
            plain,
        )

    def _list(
        self,
        layout: QVBoxLayout,
        title: str,
        explanation: str,
        field: str,
        headers: list[str],
        name: str,
        cells: Callable[[Any], list[str]],
        edit: Callable[[Any], Any],
        add_text: str,
        texts: dict[str, str] | None = None,
    ) -> ItemTable:
        """A titled, explained table over one list of the project."""
        from wizard.ui.item_table import ItemTable  # with the page's widgets

        layout.addWidget(section_label(title))
        layout.addWidget(Explanation(explanation))
        table = ItemTable(
            headers,
            name,
            get_items=lambda: getattr(self.project, field),
            set_items=lambda items: setattr(self.project, field, items),
            cells=cells,
            edit=edit,
            changed=self.changed,
            adders=[(add_text, lambda: edit(None))],
            texts=texts,
        )
        table.table.setMinimumHeight(110)
        table.setMaximumHeight(190)
        layout.addWidget(table)
        return table

    @staticmethod
    def _run(dialog: QDialog, result: str) -> Any:
        """Show an editor; its result (the method named ``result``), or ``None`` when
        cancelled."""
        if QDialog.DialogCode(dialog.exec()) is not QDialog.DialogCode.Accepted:
            return None
        return getattr(dialog, result)()

    def _languages(self) -> list[str]:
        return list(self.project.publication.languages)

    def _text(self, text: LocalText) -> str:
        """The text in the language the user reads, else in any language it has."""
        lang = text_language(list(self.project.publication.languages))
        return text.get(lang) or next(iter(text.root.values()), "")

    def load(self) -> None:
        security = self.project.security
        for measure, box in self.measures.items():
            box.setChecked(measure in security.measures)
        self.other.set_languages(self.project.publication.languages)
        self.other.set_value(security.other)
        self.activities.fill()
        self.authorities.fill()
        self.sections.fill()

    def _measures_changed(self, *_args: object) -> None:
        if self.loading:
            return
        chosen = [m for m, box in self.measures.items() if box.isChecked()]
        self.project.security = Security(measures=chosen, other=self.project.security.other)
        self.changed()

    def _other_changed(self) -> None:
        if self.loading:
            return
        self.project.security = Security(
            measures=self.project.security.measures, other=self.other.value()
        )
        self.changed()
