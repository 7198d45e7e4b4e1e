"""The Review page shows the review's findings with their explanation, and the coverage."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QListWidgetItem

from tests.projects import EXAMPLES
from tests.ui.conftest import current
from wizard.flow import PageId
from wizard.model.answers import Duration, Safeguard, TimeUnit
from wizard.ui.main_window import MainWindow


def _point(page: Any, needle: str) -> QListWidgetItem:
    for i in range(page.points.count()):
        item = page.points.item(i)
        if needle in item.text():
            return item
    raise AssertionError(f"no point containing {needle!r}")


def test_review_explains_a_warning_and_jumps_to_its_page(qtbot: Any, window: MainWindow) -> None:
    assert window.open_path(EXAMPLES / "telehealth-startup.privacy.json", ask=False)
    project = window.session.project
    project.cookies.items[1].lifetime = Duration(amount=2, unit=TimeUnit.YEARS)
    # The CNIL's 13-month rule: for a website under French law.
    project.organisation.country = project.organisation.address.country = "FR"
    project.organisation.region = None
    project.authority.catalog_id = "FR"
    window.wizard.jump_to(PageId.REVIEW)
    page = window.wizard.pages[PageId.REVIEW]
    point = _point(page, "is kept longer than 13 months")
    assert "CNIL" in point.toolTip()
    page.points.setCurrentItem(point)
    detail = page.detail.toPlainText()
    assert "13 months" in detail and "Rests on: Art. 5(3) ePrivacy Directive" in detail
    page.points.itemActivated.emit(point)
    assert current(window) is PageId.COOKIES


def test_review_lists_a_privacy_shield_transfer_as_must_fix(qtbot: Any, window: MainWindow) -> None:
    assert window.open_path(EXAMPLES / "software-company.privacy.json", ask=False)
    window.session.project.recipients[1].safeguard = Safeguard.PRIVACY_SHIELD
    window.wizard.jump_to(PageId.REVIEW)
    page = window.wizard.pages[PageId.REVIEW]
    point = _point(page, "Privacy Shield")
    assert point.foreground().color().name() == "#b00020"
    page.points.setCurrentItem(point)
    assert "C-311/18" in page.detail.toPlainText()
    assert "must be resolved" in page.summary.text()
    page.points.itemActivated.emit(point)
    assert current(window) is PageId.TRANSFERS


def test_review_shows_coverage_with_sections(qtbot: Any, window: MainWindow) -> None:
    assert window.open_path(EXAMPLES / "physiotherapy-practice.privacy.json", ask=False)
    window.wizard.jump_to(PageId.REVIEW)
    page = window.wizard.pages[PageId.REVIEW]
    assert [c.element.id for c in page.coverage_items][:2] == [
        "controller_identity",
        "representative_identity",
    ]
    text = page.coverage.toPlainText()
    assert "Source of the data (Art. 14(2)(f))\ncovered: 4. Where we obtain your data" in text
    assert "not applicable: no transfers: every recipient is in the EEA" in text
    # A section link scrolls the preview to that section.
    page.preview.verticalScrollBar().setValue(0)
    page._coverage_link(QUrl("#no-such-section"))
    assert page.preview.verticalScrollBar().value() == 0
    page._coverage_link(QUrl("#complaints"))
    assert page.preview.verticalScrollBar().value() > 0
    # Switching the preview language shows the sections of that document.
    page.language.setCurrentIndex(page.language.findData("nl"))
    text = page.coverage.toPlainText()
    assert "Where we obtain your data" not in text
    assert "covered: 4. " in text
