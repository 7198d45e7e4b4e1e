"""The Output page's account of the version being published: whether the answers changed since
the last published version, the summary of changes printed in the policy (proposed from
:mod:`wizard.history`, editable per language) and "Propose again"."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from wizard import history
from wizard.model.answers import LocalText, Project
from wizard.ui.labels import long_date
from wizard.ui.pages.base import section_label
from wizard.ui.tr import _, ngettext
from wizard.ui.widgets import LocalTextEdit


class VersionBox(QWidget):
    """Heading, status line, summary editor and "Propose again" for the version being written.

    It keeps the proposal computed from the answers and whether the person has edited the
    summary (an edited summary is no longer replaced by a new proposal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = section_label(_("What changed in this version"))
        layout.addWidget(self.heading)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(_("Version status"))
        layout.addWidget(self.status)
        self.summary_label = QLabel(_("S&ummary printed in the policy (one text per language):"))
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.summary = LocalTextEdit(multiline=True, accessible_name=_("What changed"))
        self.summary.editor.setFixedHeight(self.summary.editor.fontMetrics().lineSpacing() * 6 + 12)
        self.summary_label.setBuddy(self.summary.editor)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        self.propose_button = QPushButton(_("Propose &again"))
        self.propose_button.setAccessibleName(_("Propose the summary again from the changes"))
        row.addWidget(self.propose_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.summary.edited.connect(self._summary_edited)
        #: The proposal shown (``None`` when the answers are those of the last version).
        self.proposal: history.Proposal | None = None
        #: True once the user has changed the proposed summary (it is then no longer replaced).
        self.summary_touched = False

    def propose_version(self, project: Project) -> bool:
        """Propose the next version number and date when the answers changed; True if it did."""
        pub = project.publication
        self.proposal = proposal = history.propose(project)
        changed = False
        if proposal is not None and proposal.version != pub.version:
            pub.version = proposal.version
            changed = True
        date = history.effective_date(project, dt.date.today(), proposal)
        if date != pub.effective_date:
            pub.effective_date = date
            changed = True
        return changed

    def show_version(self, project: Project) -> None:
        """Show what will be recorded for this version, or that it is already published."""
        proposal = self.proposal
        last = history.last_published(project)
        languages = list(project.publication.languages) or ["en"]
        self.summary.set_languages(languages)
        editable = proposal is not None
        for widget in (self.summary_label, self.summary, self.propose_button):
            widget.setVisible(editable)
        self.heading.setText(
            _("What changed in this version") if editable else _("Published versions")
        )
        if proposal is None:
            assert last is not None
            self.status.setText(
                _(
                    "These answers were published as version {version} on {date}. Generating "
                    "again writes the same version; it is not recorded twice."
                ).format(version=last.version, date=long_date(last.published))
            )
            return
        version = project.publication.version
        if proposal.first:
            text = _(
                "This will be the first version recorded in the project. When the documents "
                "are written, version {version} and this summary are kept in the project's "
                "history, so next time the wizard can say what changed."
            ).format(version=version)
        elif not proposal.changes:
            assert last is not None
            text = _(
                "The answers are those of version {last}. Because the version number is new, "
                "version {version} is recorded with the same answers when the documents are "
                "written."
            ).format(last=last.version, version=version)
        else:
            assert last is not None
            text = ngettext(
                "The answers differ from version {last} in {count} point. Version {version} "
                "is recorded when the documents are written; check the summary below.",
                "The answers differ from version {last} in {count} points. Version {version} "
                "is recorded when the documents are written; check the summary below.",
                len(proposal.changes),
            ).format(last=last.version, count=len(proposal.changes), version=version)
        self.status.setText(text)
        if not self.summary_touched:
            self.summary.set_value(proposal.summaries(languages))

    def reconsider(self, project: Project, keep_summary: bool = True) -> None:
        """Compare the answers with the last version again (then :meth:`show_version`); the
        summary the person edited is kept unless ``keep_summary`` is false (then it is proposed
        afresh)."""
        if not keep_summary:
            self.summary_touched = False
        self.proposal = history.propose(project)

    def summary_value(self) -> LocalText:
        return self.summary.value()

    def forget_summary(self) -> None:
        self.summary_touched = False

    def _summary_edited(self) -> None:
        self.summary_touched = True
