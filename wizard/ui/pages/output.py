"""Output: languages, formats, effective date, version and folder; generating the documents off
the GUI thread with progress and cancel; opening the results.

The parts only this page uses (the version box with :mod:`wizard.history`, the list of written
files, the generation run, the folder dialog) are imported when the page makes its widgets or
uses them, not with the other pages when the window gets ready."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard import flow, review
from wizard.flow.pages import PageId
from wizard.languages import N_
from wizard.model.answers import (
    LANGUAGES,
    DocumentKind,
    OutputFormat,
    PublishedVersion,
)
from wizard.ui import answers_state as answers
from wizard.ui.labels import label, language_name
from wizard.ui.notes import StatusText
from wizard.ui.pages.base import BasePage, section_label
from wizard.ui.tr import _, ngettext, ui_language
from wizard.ui.widgets import (
    CheckedLineEdit,
    FieldError,
    LocalTextEdit,
    add_form_row,
    new_form,
)

#: The format check boxes' texts, with their Alt+letter mnemonics (the plain-language name in
#: wizard.ui.labels is the accessible name).
_FORMAT_BOXES: dict[OutputFormat, str] = {
    OutputFormat.DOCX: N_("Word document (DO&CX), to edit further"),
    OutputFormat.PDF: N_("PDF, to pub&lish"),
    OutputFormat.HTML: N_("Web page (HT&ML), for your website"),
    OutputFormat.MARKDOWN: N_("Mar&kdown (MD), for website editors"),
}

#: The document check boxes' texts.
_DOCUMENT_BOXES: dict[DocumentKind, str] = {
    DocumentKind.POLICY: N_("The full privacy policy"),
    DocumentKind.NOTICE: N_('A short notice, "privacy at a glance" (one page, with a QR code)'),
    DocumentKind.RECORDS: N_(
        "The record of processing activities (Art. 30 GDPR), also as a &spreadsheet"
    ),
    DocumentKind.CONSENT: N_("Consent te&xts and the cookie banner's first layer"),
}


class OutputPage(BasePage):
    """The last page."""

    page_id = PageId.OUTPUT

    #: Emitted with the paths written when a generation run ends.
    generated = Signal(list)

    def explanation_text(self) -> str:
        return _(
            "Choose the languages and formats. The DOCX file can be edited further in Word or "
            "LibreOffice; the PDF is ready to publish. The HTML file is a complete web page to "
            "put on your website as it is; the Markdown file is for website editors and site "
            "generators that take text files. The effective date and version are printed on "
            "the policy so people can see which version they read."
        )

    def build(self, body: QWidget) -> None:
        from wizard.ui.generation import GenerationRun
        from wizard.ui.version_box import VersionBox
        from wizard.ui.written_files import WrittenFiles

        layout = QVBoxLayout(body)
        layout.addWidget(section_label(_("Documents")))
        self.document_boxes: dict[DocumentKind, QCheckBox] = {}
        for kind in DocumentKind:
            box = QCheckBox(_(_DOCUMENT_BOXES[kind]))
            box.toggled.connect(self._write)
            layout.addWidget(box)
            self.document_boxes[kind] = box
        self._build_document_questions(layout)
        layout.addWidget(section_label(_("Languages")))
        row = QHBoxLayout()
        self.language_boxes: dict[str, QCheckBox] = {}
        for lang in LANGUAGES:
            box = QCheckBox(language_name(lang))
            box.toggled.connect(self._write)
            row.addWidget(box)
            self.language_boxes[lang] = box
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(section_label(_("Formats")))
        # Two columns: four long descriptions on one line would widen the page (in German
        # especially) beyond the window.
        grid = QGridLayout()
        self.format_boxes: dict[OutputFormat, QCheckBox] = {}
        for index, fmt in enumerate(OutputFormat):
            box = QCheckBox(_(_FORMAT_BOXES[fmt]))
            box.setAccessibleName(label(fmt))
            box.toggled.connect(self._write)
            grid.addWidget(box, index // 2, index % 2)
            self.format_boxes[fmt] = box
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        form = new_form()
        layout.addLayout(form)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        add_form_row(form, _("&Effective date:"), self.date)
        self.version = QLineEdit()
        add_form_row(form, _("&Version:"), self.version)
        folder = QWidget()
        folder_row = QHBoxLayout(folder)
        folder_row.setContentsMargins(0, 0, 0, 0)
        self.folder = QLineEdit()
        self.browse = QPushButton(_("Bro&wse..."))
        self.browse.setAccessibleName(_("Choose the folder"))
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        folder.setFocusProxy(self.folder)
        add_form_row(form, _("F&older:"), folder)
        self.folder.setAccessibleName(_("Folder"))

        # The version being published: what changed since the last one (see wizard.history).
        self.version_box = VersionBox()
        layout.addWidget(self.version_box)
        self.summary = self.version_box.summary
        self.version_status = self.version_box.status
        self.show_history = QCheckBox(
            _("Lis&t the earlier versions and what changed in the policy")
        )
        layout.addWidget(self.show_history)

        # Generating, its progress and its outcome stay in view below the scrolling part: on a
        # small screen the person must not have to find the button below the fold.
        footer = QWidget()
        footer_layout = QVBoxLayout(footer)
        footer_layout.setContentsMargins(0, 4, 0, 0)
        buttons = QHBoxLayout()
        self.generate_button = QPushButton(_("&Generate"))
        self.generate_button.setAccessibleName(_("Generate"))
        self.cancel_button = QPushButton(_("Stop"))
        self.cancel_button.setAccessibleName(_("Stop generating"))
        self.cancel_button.setEnabled(False)
        buttons.addWidget(self.generate_button)
        buttons.addWidget(self.cancel_button)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Progress"))
        self.progress.hide()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(1)
        footer_layout.addLayout(buttons)
        self.blocked = FieldError()
        footer_layout.addWidget(self.blocked)
        self.status = StatusText()
        self.status.setAccessibleName(_("Status"))
        footer_layout.addWidget(self.status)
        self.add_footer(footer)
        self.written_files = WrittenFiles()
        self.results = self.written_files.list
        self.open_file_button = self.written_files.open_file_button
        self.open_folder_button = self.written_files.open_folder_button
        layout.addWidget(self.written_files, 1)

        self.version_box.propose_button.clicked.connect(self.propose_summary)
        self.show_history.toggled.connect(self._write)
        self.session.replaced.connect(self._forget_summary)
        self.date.dateChanged.connect(self._write)
        self.version.textEdited.connect(self._write)
        self.version.textEdited.connect(self._version_edited)
        self.folder.textEdited.connect(self._write)
        self.browse.clicked.connect(self.choose_folder)
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button.clicked.connect(self.cancel)
        self._run = GenerationRun(self)
        self._run.progress.connect(self._progress)
        self._run.written.connect(self._files_written)
        self._run.failed.connect(self._failed)
        self._run.finished.connect(self._done)
        self._written: list[str] = []
        self._total = 0
        #: The version being generated, added to the history once every file is written.
        self._pending: PublishedVersion | None = None

    def _build_document_questions(self, layout: QVBoxLayout) -> None:
        """What the short notice and the record need that the policy does not."""
        form = new_form()
        self.policy_url = CheckedLineEdit(
            flow.url_problem,
            accessible_name=_("Address of the full policy"),
            placeholder="https://www.example.com/privacy",
        )
        add_form_row(form, _("Address of the full polic&y online:"), self.policy_url)
        layout.addLayout(form)
        self.record_box = QWidget()
        record = new_form()
        record.setContentsMargins(0, 0, 0, 0)
        self.record_box.setLayout(record)
        self.security = LocalTextEdit(multiline=True, accessible_name=_("Security measures"))
        add_form_row(
            record,
            _("Security measures (Art. 32), one a line, e.g. encryption, access by role, backups:"),
            self.security,
        )
        self.internal = LocalTextEdit(
            multiline=True, accessible_name=_("Recipients inside the organisation")
        )
        add_form_row(
            record,
            _("Who inside your organisation receives the data (teams or roles, one a line):"),
            self.internal,
        )
        self.record_date = QDateEdit()
        self.record_date.setCalendarPopup(True)
        self.record_date.setDisplayFormat("yyyy-MM-dd")
        add_form_row(record, _("Date of the record:"), self.record_date)
        self.record_problem = FieldError()
        record.addRow(self.record_problem)
        layout.addWidget(self.record_box)
        self.policy_url.edited.connect(self._write)
        self.security.edited.connect(self._write)
        self.internal.edited.connect(self._write)
        self.record_date.dateChanged.connect(self._write)

    def _show_record(self) -> None:
        """Show the record's questions when it is chosen, and which languages lack its texts."""
        from wizard.documents.records import missing_record_texts

        pub = self.project.publication
        self.record_box.setVisible(DocumentKind.RECORDS in pub.documents)
        missing = [
            language_name(lang)
            for lang in pub.languages
            if missing_record_texts(self.project, lang)
        ]
        self.record_problem.show_message(
            _(
                "Write the security measures and the recipients inside the organisation in these languages too: {languages}"
            ).format(languages=", ".join(missing))
            if missing
            else None
        )

    # --- model ----------------------------------------------------------------------------------

    def load(self) -> None:
        pub = self.project.publication
        for kind, box in self.document_boxes.items():
            box.setChecked(kind in pub.documents)
        self.policy_url.set_text(pub.policy_url or "")
        record = self.project.record
        languages = list(pub.languages) or ["en"]
        for editor, value in (
            (self.security, record.security),
            (self.internal, record.internal_recipients),
        ):
            editor.set_languages(languages)
            editor.set_value(value)
        day = record.date or dt.date.today()
        self.record_date.setDate(QDate(day.year, day.month, day.day))
        self._show_record()
        for lang, box in self.language_boxes.items():
            box.setChecked(lang in pub.languages)
        for fmt, box in self.format_boxes.items():
            box.setChecked(fmt in pub.formats)
        # Proposals (the project's folder, the next version number and its date) fill the
        # fields but are not changes of the person's: merely visiting the page leaves the
        # project saved. They are proposed again next time unless the person keeps them.
        if not pub.output_folder and self.session.path is not None:
            pub.output_folder = str(self.session.path.parent)
        self._propose_version()
        date = pub.effective_date
        assert date is not None
        self.date.setDate(QDate(date.year, date.month, date.day))
        self.version.setText(pub.version)
        self.folder.setText(pub.output_folder or "")
        self.show_history.setChecked(pub.show_history)
        self._show_version()

    # --- the version being published ----------------------------------------------------------

    def _propose_version(self) -> bool:
        """Propose the next version number and date when the answers changed; True if it did."""
        return self.version_box.propose_version(self.project)

    def _show_version(self) -> None:
        """Show what will be recorded for this version, or that it is already published."""
        self.version_box.show_version(self.project)
        editable = self.version_box.proposal is not None
        self.show_history.setEnabled(bool(self.project.history) or editable)

    def _version_edited(self, *_args: object) -> None:
        # A version number typed by the user is kept; only what will be recorded is shown again.
        self.version_box.reconsider(self.project)
        self._show_version()

    def propose_summary(self) -> None:
        """Replace the summary with the one computed from the changes."""
        self.version_box.reconsider(self.project, keep_summary=False)
        self._show_version()

    def _forget_summary(self) -> None:
        self.version_box.forget_summary()
        self._pending = None

    def _write(self, *_args: object) -> None:
        if self.loading:
            return
        pub = self.project.publication
        languages = list(pub.languages)
        pub.documents = [kind for kind, box in self.document_boxes.items() if box.isChecked()]
        pub.policy_url = self.policy_url.valid_value()
        record = self.project.record
        record.security = self.security.value()
        record.internal_recipients = self.internal.value()
        day = self.record_date.date()
        record.date = dt.date(day.year(), day.month(), day.day())
        self._show_record()
        pub.languages = [lang for lang, box in self.language_boxes.items() if box.isChecked()]
        pub.formats = [fmt for fmt, box in self.format_boxes.items() if box.isChecked()]
        date = self.date.date()
        pub.effective_date = dt.date(date.year(), date.month(), date.day())
        pub.version = self.version.text()
        pub.output_folder = self.folder.text().strip() or None
        pub.show_history = self.show_history.isChecked()
        self.changed()
        if pub.languages != languages:
            self._show_version()  # the summary is edited in the output languages
            for editor in (self.security, self.internal):
                editor.set_languages(list(pub.languages) or ["en"])

    def refresh(self) -> None:
        super().refresh()
        blockers = flow.generation_blockers(self.project)
        running = self._run.running()
        self.generate_button.setEnabled(not blockers and not running)
        # The same points, counted the same way, as the review page's summary.
        others = review.blocking_findings(answers.findings(self.project))
        self.blocked.show_message(
            ngettext(
                "{count} point must be resolved before the policy can be generated.",
                "{count} points must be resolved before the policy can be generated.",
                len(others),
            ).format(count=len(others))
            + " "
            + _("See the Review page.")
            if others
            else None
        )

    def choose_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(
            self, _("Folder for the documents"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)
            self._write()

    # --- generating -----------------------------------------------------------------------------

    def generate(self, draft: bool = False) -> bool:
        """Start writing the files; returns False when nothing was started.

        While the review finds points that must be fixed, the policy is not published: the
        person is told what blocks it and may make a draft instead (marked DRAFT on every page).
        """
        if self._run.running() or not flow.ready_to_generate(self.project):
            return False
        if not draft:
            from wizard.law.gate import blockers

            found = blockers(self.project)
            if found:
                lines = [f.text(_, ui_language()) for f in found]
                if not self.confirm_draft(lines):
                    return False
                draft = True
        from wizard import history
        from wizard.output import output_jobs
        from wizard.ui.generation import ask_to_replace

        folder = Path(self.project.publication.output_folder or ".")
        jobs = output_jobs(self.project, folder)
        existing = [job.path for job in jobs if job.path.exists()]
        if existing and not ask_to_replace(self, folder, existing):
            return False
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.status.setText(_("The folder cannot be created: {error}").format(error=exc))
            return False
        self._written = []
        self._total = len(jobs)
        self.written_files.clear()
        self.progress.setRange(0, len(jobs))
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(_("Generating..."))
        # A new version is printed in its own list of changes, and recorded once written.
        source = self.project
        # A draft is not a published version: nothing is recorded in the history.
        proposal = None if draft else history.propose(self.project)
        self.version_box.proposal = proposal
        self._pending = None
        if proposal is not None:
            summary = history.complete_summary(self.version_box.summary_value(), proposal)
            self._pending = history.new_version(self.project, summary)
            source = history.with_version(self.project, self._pending)
        self.cancel_button.setEnabled(True)
        self.generate_button.setEnabled(False)
        self._run.start(source, folder, draft)
        return True

    def confirm_draft(self, lines: list[str]) -> bool:
        """Say what keeps the policy from being published; True when the person asks for a
        draft instead."""
        from wizard.ui.generation import ask_for_draft

        return ask_for_draft(self, lines)

    def is_generating(self) -> bool:
        return self._run.running()

    def cancel(self) -> None:
        if self._run.cancel():
            self.status.setText(_("Stopping after the current file..."))

    def stop_and_wait(self) -> None:
        """Cancel a run and wait for the worker thread (used when the window closes)."""
        if self.is_built():  # else nothing ever ran
            self._run.stop_and_wait()

    def _progress(self, count: int) -> None:
        self.progress.setValue(count)

    def _files_written(self, paths: list[str]) -> None:
        for path in paths:
            self._written.append(path)
            self.written_files.add(path)

    def _failed(self, message: str) -> None:
        self.progress.setValue(0)
        self.status.setText(
            _("Generating failed: {error}").format(error=message)
            + "\n"
            + _("No file was written or changed.")
        )

    def _done(self, cancelled: bool) -> None:
        self.cancel_button.setEnabled(False)
        if cancelled:
            self.progress.setValue(0)  # nothing was written
            self.status.setText(
                _("Stopped: {done} of {total} files written.").format(
                    done=len(self._written), total=self._total
                )
            )
        elif len(self._written) == self._total:
            text = ngettext("{count} file written.", "{count} files written.", self._total).format(
                count=self._total
            )
            if self._pending is not None:
                from wizard import history

                history.record(self.project, self._pending)
                text += " " + _(
                    "Version {version} is now in the project's history; save the project to "
                    "keep it."
                ).format(version=self._pending.version)
                self.version_box.reconsider(self.project, keep_summary=False)
                self._show_version()
                self.session.mark_changed()
            self.status.setText(text)
        self._pending = None
        self.refresh()
        self.generated.emit(list(self._written))
