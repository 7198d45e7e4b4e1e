"""The HTML export in a real browser: Debian's headless Chromium, driven by Playwright.

Each page is opened from disk with every request recorded (and any that is not the file itself
aborted, so the test never reaches a network): the only request must be the file's own URL.
The rendered text must name the organisation, and printing must put "Page 1 of N" in the page
margin. The browser is the system's (``/usr/bin/chromium``, installed by scripts/bootstrap.sh
in test mode); ``playwright install`` is never run.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.projects import EXAMPLE_FILES
from wizard import languages
from wizard.cli import main
from wizard.languages import LANGUAGES
from wizard.model import load_project

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip(
        "no chromium on PATH: install it (apt-get install chromium, as scripts/bootstrap.sh "
        "test does) to open the HTML export in a browser",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="the test extra installs playwright")

LANGS = tuple(LANGUAGES)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One browser for the whole module (a launch takes about a second)."""
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            # Root (CI, containers) cannot use Chromium's sandbox; these are local test files.
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        yield launched
        launched.close()


def open_and_record(browser: Any, url: str) -> tuple[Any, list[str]]:
    """Open ``url`` in a fresh context; returns the page and every URL it requested."""
    context = browser.new_context(offline=True)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))

    def only_the_file(route: Any) -> None:
        if route.request.url == url:
            route.continue_()
        else:
            route.abort()

    context.route("**/*", only_the_file)
    page = context.new_page()
    page.goto(url, wait_until="load")
    return page, requested


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, Path, str]]:
    out = tmp_path_factory.mktemp("browser")
    found: list[tuple[Path, Path, str]] = []
    for path in EXAMPLE_FILES:
        folder = out / path.stem
        args = ["render", str(path), "--lang", ",".join(LANGS), "--format", "html"]
        assert main([*args, "--out", str(folder)]) == 0
        org = load_project(path).organisation.legal_name
        found += [(path, folder / f"privacy-policy-{lang}.html", org) for lang in LANGS]
    return found


def test_pages_make_no_request_and_show_the_organisation(
    browser: Any, pages: list[tuple[Path, Path, str]]
) -> None:
    for _example, html_file, org in pages:
        url = html_file.as_uri()
        page, requested = open_and_record(browser, url)
        try:
            assert requested == [url], (html_file.name, requested)
            text = page.inner_text("body")
            assert org in text
            # The language's BCP 47 tag, as in the DOCX and the PDF ("nl-NL").
            tag = languages.get(html_file.stem[-2:]).tag
            assert page.evaluate("document.documentElement.lang") == tag
            # The contents links work: following one scrolls to its heading.
            first = page.locator("nav a").nth(1)
            target = (first.get_attribute("href") or "")[1:]
            first.click()
            assert page.evaluate("location.hash") == f"#{target}"
        finally:
            page.context.close()


def test_the_page_alone_requests_nothing_even_without_its_security_policy(
    browser: Any, pages: list[tuple[Path, Path, str]], tmp_path: Path
) -> None:
    """The Content-Security-Policy would block a request; the page must not even try one."""
    _example, html_file, _org = next(p for p in pages if "telehealth" in p[0].name)
    stripped = re.sub(
        r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html_file.read_text()
    )
    assert "Content-Security-Policy" not in stripped
    bare = tmp_path / "bare.html"
    bare.write_text(stripped, encoding="utf-8")
    page, requested = open_and_record(browser, bare.as_uri())
    try:
        assert requested == [bare.as_uri()]
    finally:
        page.context.close()


def test_the_recorder_sees_a_request_when_there_is_one(browser: Any, tmp_path: Path) -> None:
    """So the tests above can fail: a page with an image does get its request recorded."""
    probe = tmp_path / "probe.html"
    probe.write_text(
        '<!DOCTYPE html><html lang="en"><title>p</title>'
        '<img src="http://127.0.0.1:9/pixel.png" alt=""></html>',
        encoding="utf-8",
    )
    page, requested = open_and_record(browser, probe.as_uri())
    try:
        assert "http://127.0.0.1:9/pixel.png" in requested
    finally:
        page.context.close()


def test_printing_puts_the_footer_on_every_page(
    browser: Any, pages: list[tuple[Path, Path, str]]
) -> None:
    _example, html_file, org = next(
        p for p in pages if "telehealth" in p[0].name and p[1].stem.endswith("-de")
    )
    page, _requested = open_and_record(browser, html_file.as_uri())
    try:
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
    finally:
        page.context.close()
    reader = PdfReader(BytesIO(pdf))
    total = len(reader.pages)
    assert total >= 3
    for number, pdf_page in enumerate(reader.pages, start=1):
        text = re.sub(r"\s+", " ", pdf_page.extract_text())
        assert f"Seite {number} von {total}" in text
        assert org in text
