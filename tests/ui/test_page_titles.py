"""The pages' titles come from the one list the review and the publication gate also name the
pages with (:data:`wizard.page_titles.PAGE_TITLES`), in the UI language."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from wizard.flow import PageId
from wizard.i18n import translation
from wizard.page_titles import PAGE_TITLES
from wizard.ui.main_window import MainWindow
from wizard.ui.tr import set_ui_language


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_page_shows_its_title_from_the_one_list(
    make_window: Callable[[], MainWindow], lang: str
) -> None:
    set_ui_language(lang)
    try:
        window = make_window()
        ui = translation("ui", lang)
        titles = {page_id: window.wizard.pages[page_id].title() for page_id in PageId}
    finally:
        set_ui_language("en")
    assert titles == {page_id: ui.gettext(PAGE_TITLES[page_id]) for page_id in PageId}
    if lang == "en":
        assert titles[PageId.RIGHTS] == "Rights and complaints"
    else:  # really translated
        assert titles[PageId.RIGHTS] not in ("", "Rights and complaints")
