"""Review: what is still missing or risky (each point jumps to its page), and a preview."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from wizard import flow
from wizard.flow import PageId
from wizard.ui.labels import language_name
from wizard.ui.pages.base import BasePage, page_number
from wizard.ui.tr import _, ngettext
from wizard.ui.widgets import ERROR_COLOUR, WARNING_COLOUR


class ReviewPage(BasePage):
    """Lists :func:`flow.missing`; activating a point (Enter, double-click) opens its page."""

    page_id = PageId.REVIEW

    def title_text(self) -> str:
        return _("Review")

    def explanation_text(self) -> str:
        return _(
            "Before you publish: here is what is still missing or risky. Red points must be "
            "fixed; amber ones are advice. Press Enter or double-click a point to go to its "
            "page. On the right you see the policy as it will read."
        )

    def build(self, body: QWidget) -> None:
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list_label = QLabel(_("&Open points:"))
        self.points = QListWidget()
        self.points.setWordWrap(True)
        self.points.setAccessibleName(_("Open points"))
        self.list_label.setBuddy(self.points)
        self.points.itemActivated.connect(self._activated)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.list_label)
        left_layout.addWidget(self.points, 1)
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
        self.preview.setOpenExternalLinks(False)
        self.preview.setOpenLinks(False)
        right_layout.addWidget(self.preview, 1)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter)
        self.language.currentIndexChanged.connect(self.show_preview)

    def load(self) -> None:
        project = self.project
        self.points.clear()
        issues = flow.missing(project)
        titles = {pid: self.wizard().page(page_number(pid)).title() for pid in PageId} if (
            self.wizard() is not None
        ) else {pid: pid.value for pid in PageId}
        current_page: PageId | None = None
        for issue in issues:
            if issue.page is not current_page:
                current_page = issue.page
                header = QListWidgetItem(titles[issue.page])
                font = QFont(self.points.font())
                font.setBold(True)
                header.setFont(font)
                header.setFlags(Qt.ItemFlag.ItemIsEnabled)
                header.setData(Qt.ItemDataRole.UserRole, issue.page.value)
                self.points.addItem(header)
            item = QListWidgetItem("    " + issue.text(_))
            item.setData(Qt.ItemDataRole.UserRole, issue.page.value)
            item.setData(Qt.ItemDataRole.UserRole + 1, issue.args.get("lang"))
            item.setForeground(
                Qt.GlobalColor.darkRed
                if issue.blocking or issue.translation
                else Qt.GlobalColor.darkYellow
            )
            item.setToolTip(_("Go to the page: {page}").format(page=titles[issue.page]))
            self.points.addItem(item)
        blockers = flow.generation_blockers(project)
        if not issues:
            self.summary.setText(_("Nothing is missing. You can generate the policy."))
        elif not blockers:
            self.summary.setText(
                ngettext(
                    "Nothing blocks the policy; {count} point of advice remains.",
                    "Nothing blocks the policy; {count} points of advice remain.",
                    len(issues),
                ).format(count=len(issues))
            )
        else:
            self.summary.setText(
                ngettext(
                    "{count} point must be resolved before the policy can be generated.",
                    "{count} points must be resolved before the policy can be generated.",
                    len(blockers),
                ).format(count=len(blockers))
            )
        self.summary.setStyleSheet(f"color: {ERROR_COLOUR if blockers else WARNING_COLOUR};"
                                   if issues else "")
        current = self.language.currentData()
        self.language.blockSignals(True)
        self.language.clear()
        for lang in project.publication.languages:
            self.language.addItem(language_name(lang), lang)
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.language.blockSignals(False)
        self.show_preview()

    def _activated(self, item: QListWidgetItem) -> None:
        page = PageId(item.data(Qt.ItemDataRole.UserRole))
        lang = item.data(Qt.ItemDataRole.UserRole + 1)
        wizard = self.wizard()
        if wizard is not None and hasattr(wizard, "jump_to"):
            wizard.jump_to(page, lang or None)

    def show_preview(self, *_args: object) -> None:
        lang = self.language.currentData()
        if lang is None:
            self.preview.clear()
            return
        from wizard.policy.engine import PolicyError, policy_html

        try:
            html = policy_html(self.project, lang)
        except PolicyError as exc:
            items = "".join(f"<li>{escape(p)}</li>" for p in exc.problems)
            html = (
                f"<p style='color:{ERROR_COLOUR}'>"
                + escape(_("The policy cannot be shown in this language yet:"))
                + f"</p><ul>{items}</ul>"
            )
        self.preview.setHtml(html)
