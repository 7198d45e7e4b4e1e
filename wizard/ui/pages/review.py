"""Review: what is still missing or risky (each point explained, and jumping to its page), what
the policy covers of Art. 13/14, and a preview. The findings and the coverage come from
:mod:`wizard.review`; this page only lays them out.

What only the page's widgets and texts use (html, QTextBrowser, QtGui's font and colours, the
document's classes) is imported where they are made, when the page is first shown: not with the
other pages when the window gets ready."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wizard import review
from wizard.flow import PageId
from wizard.page_titles import PAGE_TITLES
from wizard.review import Severity, Status
from wizard.ui import answers_state as answers
from wizard.ui.labels import language_name
from wizard.ui.pages.base import BasePage, page_number
from wizard.ui.session import Session
from wizard.ui.tr import _, ngettext, text_language, ui_language
from wizard.ui.widgets import ERROR_COLOUR, WARNING_COLOUR

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QTextBrowser

    from wizard.policy.document import Document

#: How long after the pages are built the policy engine is loaded in the background.
WARM_UP_DELAY_MS = 1500
_warm_up_started = threading.Event()


def _warm_up() -> None:
    from wizard.policy.engine import warm_up

    warm_up()


def start_warm_up() -> None:
    """Load the policy engine and compile its template on a background thread (once per
    process), while the user is on the first pages: the review page then shows the preview
    without waiting for them. Nothing breaks if it has not finished: the page loads what it
    needs itself."""
    if not _warm_up_started.is_set():
        _warm_up_started.set()
        threading.Thread(target=_warm_up, name="policy-warm-up", daemon=True).start()


_STATUS_COLOURS = {
    Status.COVERED: "#1b6e20",
    Status.PARTIAL: WARNING_COLOUR,
    Status.NOT_APPLICABLE: "#5f6368",
    Status.MISSING: ERROR_COLOUR,
}


def _set_html(browser: QTextBrowser, html: str) -> None:
    """Show ``html`` unless it is shown already (laying out a long text again takes time)."""
    if browser.property("shown_html") != html:
        browser.setHtml(html)
        browser.setProperty("shown_html", html)


class ReviewPage(BasePage):
    """Lists :func:`review.findings` with their explanation; activating a point (Enter,
    double-click) opens its page. A second tab shows :func:`review.coverage`."""

    page_id = PageId.REVIEW

    def explanation_text(self) -> str:
        return _(
            "Before you publish: here is what is still missing or risky. Red points must be "
            "fixed; amber ones are advice. Select a point to read why it matters; press Enter "
            "or double-click it to go to its page. On the right you see the policy as it will "
            "read."
        )

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        # The engine loads in the background while the person is on the first pages.
        QTimer.singleShot(WARM_UP_DELAY_MS, self, start_warm_up)

    def build(self, body: QWidget) -> None:
        from PySide6.QtWidgets import QTextBrowser

        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        points_tab = QWidget()
        points_layout = QVBoxLayout(points_tab)
        self.list_label = QLabel(_("&Open points:"))
        self.points = QListWidget()
        self.points.setWordWrap(True)
        self.points.setAccessibleName(_("Open points"))
        self.list_label.setBuddy(self.points)
        self.points.itemActivated.connect(self._activated)
        self.points.currentItemChanged.connect(self._show_detail)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(_("Why this point matters"))
        self.detail.setOpenLinks(False)
        points_layout.addWidget(self.list_label)
        points_layout.addWidget(self.points, 1)
        points_layout.addWidget(self.detail, 1)
        coverage_tab = QWidget()
        coverage_layout = QVBoxLayout(coverage_tab)
        coverage_label = QLabel(_("What the policy says of the information Art. 13 and 14 GDPR "
                                  "require, and where:"))
        coverage_label.setWordWrap(True)
        self.coverage = QTextBrowser()
        self.coverage.setOpenLinks(False)
        self.coverage.setAccessibleName(_("What the policy covers"))
        self.coverage.anchorClicked.connect(self._coverage_link)
        coverage_label.setBuddy(self.coverage)
        coverage_layout.addWidget(coverage_label)
        coverage_layout.addWidget(self.coverage, 1)
        self.tabs.addTab(points_tab, _("Open points"))
        self.tabs.addTab(coverage_tab, _("Coverage"))
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.tabs, 1)
        self._findings: list[review.Finding] = []
        #: The digest of the answers the page last loaded.
        self._key: bytes | None = None
        self.coverage_items: list[review.Coverage] = []
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.language = QComboBox()
        self.language.setAccessibleName(_("Preview language"))
        preview_label = QLabel(_("Pre&view in:"))
        preview_label.setBuddy(self.language)
        row.addWidget(preview_label)
        row.addWidget(self.language, 1)
        right_layout.addLayout(row)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName(_("Preview of the policy"))
        # Qt's rich text reads little of the export's CSS: the contents list is numbered by
        # its own text, and the section numbers take the export's accent colour.
        self.preview.document().setDefaultStyleSheet(
            ".toc ol { list-style-type: none; margin-left: 0; } .num { color: #0b5d66; }"
        )
        self.preview.setOpenExternalLinks(False)
        self.preview.setOpenLinks(False)
        right_layout.addWidget(self.preview, 1)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter)
        self.language.currentIndexChanged.connect(self._show_language)

    def load(self) -> None:
        from PySide6.QtGui import QBrush, QColor, QFont

        project = self.project
        self.points.clear()
        # The digest of the answers once for the findings and the preview below.
        self._key = answers.key(project)
        findings = answers.findings(project, self._key)
        self._findings = findings
        titles = {pid: self.wizard().page(page_number(pid)).title() for pid in PageId} if (
            self.wizard() is not None
        ) else {pid: _(PAGE_TITLES[pid]) for pid in PageId}
        current_page: PageId | None = None
        for index, finding in enumerate(findings):
            if finding.page is not current_page:
                current_page = finding.page
                header = QListWidgetItem(titles[finding.page])
                font = QFont(self.points.font())
                font.setBold(True)
                header.setFont(font)
                header.setFlags(Qt.ItemFlag.ItemIsEnabled)
                header.setData(Qt.ItemDataRole.UserRole, finding.page.value)
                self.points.addItem(header)
            item = QListWidgetItem("    " + finding.text(_, ui_language()))
            item.setData(Qt.ItemDataRole.UserRole, finding.page.value)
            item.setData(Qt.ItemDataRole.UserRole + 1, finding.lang)
            item.setData(Qt.ItemDataRole.UserRole + 2, index)
            error = finding.severity is Severity.ERROR
            item.setForeground(QBrush(QColor(ERROR_COLOUR if error else WARNING_COLOUR)))
            tip = [_(review.SEVERITY_LABELS[finding.severity]).capitalize(),
                   finding.explanation_text(_, ui_language()), self._article_line(finding),
                   _("Go to the page: {page}").format(page=titles[finding.page])]
            item.setToolTip("\n\n".join(t for t in tip if t))
            self.points.addItem(item)
        _set_html(self.detail, "")
        first = next((i for i in range(self.points.count())
                      if self.points.item(i).data(Qt.ItemDataRole.UserRole + 2) is not None), None)
        if first is not None:
            self.points.setCurrentRow(first)
        blockers = review.blocking_findings(findings)
        must_fix = review.errors(findings)
        if not findings:
            self.summary.setText(_("Nothing is missing. You can generate the policy."))
        elif not blockers and must_fix:
            self.summary.setText(
                ngettext(
                    "The policy can be generated, but {count} point must be fixed before you "
                    "publish it.",
                    "The policy can be generated, but {count} points must be fixed before you "
                    "publish it.",
                    len(must_fix),
                ).format(count=len(must_fix))
            )
        elif not blockers:
            self.summary.setText(
                ngettext(
                    "Nothing blocks the policy; {count} point of advice remains.",
                    "Nothing blocks the policy; {count} points of advice remain.",
                    len(findings),
                ).format(count=len(findings))
            )
        else:
            self.summary.setText(
                ngettext(
                    "{count} point must be resolved before the policy can be generated.",
                    "{count} points must be resolved before the policy can be generated.",
                    len(blockers),
                ).format(count=len(blockers))
            )
        self.summary.setStyleSheet(f"color: {ERROR_COLOUR if must_fix else WARNING_COLOUR};"
                                   if findings else "")
        # Keep the language chosen before; the first time, the UI language if the policy has it.
        current = self.language.currentData() or text_language(
            list(project.publication.languages)
        )
        self.language.blockSignals(True)
        self.language.clear()
        for lang in project.publication.languages:
            self.language.addItem(language_name(lang), lang)
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.language.blockSignals(False)
        self._show_language()

    def loaded_digest(self) -> bytes | None:
        return self._key

    @staticmethod
    def _article_line(finding: review.Finding) -> str:
        article = finding.article_text(_)
        return _("Rests on: {article}").format(article=article) if article else ""

    def _show_detail(self, item: QListWidgetItem | None, *_args: object) -> None:
        from html import escape

        index = item.data(Qt.ItemDataRole.UserRole + 2) if item is not None else None
        if index is None or index >= len(self._findings):
            _set_html(self.detail, "")
            return
        finding = self._findings[index]
        colour = ERROR_COLOUR if finding.severity is Severity.ERROR else WARNING_COLOUR
        label = _(review.SEVERITY_LABELS[finding.severity]).capitalize()
        parts = [
            f"<p style='color:{colour}'><b>{escape(label)}: {escape(finding.text(_, ui_language()))}</b></p>",
        ]
        explanation = finding.explanation_text(_, ui_language())
        if explanation:
            parts.append(f"<p>{escape(explanation)}</p>")
        article = self._article_line(finding)
        if article:
            parts.append(f"<p><i>{escape(article)}</i></p>")
        parts.append(
            "<p>" + escape(_("Press Enter or double-click the point to go to its page.")) + "</p>"
        )
        _set_html(self.detail, "".join(parts))

    def _document(self, lang: str) -> Document | list[str]:
        """The policy in ``lang`` as the preview shows it (long tables shortened), or what keeps
        it from being written: built once per change and language
        (:func:`~wizard.policy.engine.cached_preview`), so the preview and the coverage read the
        same one and coming back to the page builds nothing."""
        # The engine (Jinja2, Babel) loads when the page is first shown, not at start-up.
        from wizard.policy.engine import PolicyError

        # The answers are looked at again (a digest, a few ms for a large project) unless the
        # page is just loading them: whatever changed them, a changed project is never shown
        # from an old build.
        key = self._key if self.loading else None
        try:
            return answers.preview(self.project, lang, key)
        except PolicyError as exc:
            return exc.problems

    def _show_language(self, *_args: object) -> None:
        lang = self.language.currentData()
        document = self._document(lang) if lang is not None else None
        self.show_preview(document)
        self.show_coverage(document)

    def show_coverage(self, document: Document | list[str] | None = None) -> None:
        """Fill the coverage tab for the preview language: each element, its status and the
        section that covers it (a link that scrolls the preview there)."""
        from html import escape

        from wizard.policy.document import Document

        lang = self.language.currentData()
        if lang is None:
            _set_html(self.coverage, "")
            return
        if document is None:
            document = self._document(lang)
        items, _problems = review.coverage(
            self.project,
            lang,
            document if isinstance(document, Document) else None,
            self._findings,
        )
        self.coverage_items = items
        parts = []
        for entry in items:
            refs = ", ".join(
                review.article_ref(ref, ui_language())
                for ref in (entry.element.art13, entry.element.art14)
                if ref
            )
            status = escape(_(review.STATUS_LABELS[entry.status]))
            where = entry.where()
            line = f"<span style='color:{_STATUS_COLOURS[entry.status]}'>{status}</span>"
            if where:
                line += f": <a href='#{escape(entry.anchor)}'>{escape(where)}</a>"
            reason = entry.reason_text(_, ui_language())
            if reason:
                line += (" — " if where else ": ") + escape(reason)
            parts.append(
                f"<p><b>{escape(_(entry.element.name))}</b> "
                f"<span style='color:#5f6368'>({escape(refs)})</span><br>{line}</p>"
            )
        _set_html(self.coverage, "".join(parts))

    def _coverage_link(self, url: QUrl) -> None:
        """Scroll the preview to the section a coverage link names."""
        if url.fragment():
            self.preview.scrollToAnchor(url.fragment())

    def _activated(self, item: QListWidgetItem) -> None:
        page = PageId(item.data(Qt.ItemDataRole.UserRole))
        lang = item.data(Qt.ItemDataRole.UserRole + 1)
        wizard = self.wizard()
        if wizard is not None and hasattr(wizard, "jump_to"):
            wizard.jump_to(page, lang or None)

    def show_preview(self, document: Document | list[str] | None = None) -> None:
        """Show the policy in the preview language as the HTML export lays it out (numbered
        sections, contents, table captions), long tables shortened."""
        lang = self.language.currentData()
        if lang is None:
            self.preview.clear()
            return
        from html import escape

        from wizard.policy.document import Document
        from wizard.render.html import html_text

        if document is None:
            document = self._document(lang)
        if isinstance(document, Document):
            html = html_text(document)
            # The export sets a cell's lines as block spans, which Qt's rich text runs together:
            # a line break between them keeps "Google" and "third party" on their own lines.
            html = html.replace('</span><span class="line">', '</span><br><span class="line">')
        else:
            items = "".join(f"<li>{escape(p)}</li>" for p in document)
            html = (
                f"<p style='color:{ERROR_COLOUR}'>"
                + escape(_("The policy cannot be shown in this language yet:"))
                + f"</p><ul>{items}</ul>"
            )
        self.preview.setHtml(html)
