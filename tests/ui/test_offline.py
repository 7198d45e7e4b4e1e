"""Offline, provably: the whole journey runs with every network connection made to fail.

Any attempt to resolve a host name or open an internet socket from Python is recorded and
refused; the test fails if there was even one. The journey: open each example, render every
language and format from the command line, and generate them from the wizard's Output page.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.projects import EXAMPLE_FILES, EXAMPLES
from wizard.cli import main
from wizard.flow import PageId
from wizard.languages import LANGUAGES
from wizard.output import output_jobs
from wizard.ui.main_window import MainWindow

LANGS = list(LANGUAGES)


class NetworkAttempt(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    attempts: list[str] = []
    real_connect = socket.socket.connect

    def refuse(what: str) -> Any:
        def handler(*args: Any, **kwargs: Any) -> Any:
            attempts.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise NetworkAttempt(f"network access attempted: {what} {args!r}")

        return handler

    def connect(self: socket.socket, address: Any) -> Any:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            attempts.append(f"connect {address!r}")
            raise NetworkAttempt(f"network access attempted: connect {address!r}")
        return real_connect(self, address)  # local sockets (AF_UNIX) are not the network

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect)
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    yield attempts
    assert attempts == [], f"the app tried to use the network: {attempts}"


def test_the_guard_catches_an_attempt(no_network: list[str]) -> None:
    with pytest.raises(NetworkAttempt):
        socket.create_connection(("example.org", 443), timeout=1)
    assert no_network
    no_network.clear()  # the guard saw it; the fixture's final check must not fail this test


def test_command_line_renders_every_language_and_format_offline(
    no_network: list[str], tmp_path: Path
) -> None:
    for path in EXAMPLE_FILES:
        out = tmp_path / path.stem
        args = ["render", str(path), "--lang", ",".join(LANGS), "--format", "docx,pdf,html,md"]
        assert main([*args, "--out", str(out)]) == 0
        assert len(list(out.iterdir())) == 16


def test_wizard_opens_and_generates_offline(
    no_network: list[str],
    qtbot: Any,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    example = EXAMPLES / "telehealth-startup.privacy.json"
    assert window.open_path(example, ask=False)
    window.wizard.jump_to(PageId.OUTPUT)
    page = window.wizard.pages[PageId.OUTPUT]
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    qtbot.mouseClick(page.browse, Qt.MouseButton.LeftButton)
    assert page.generate_button.isEnabled(), page.blocked.text()
    with qtbot.waitSignal(page.generated, timeout=60_000) as blocker:
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    written = sorted(Path(p).name for p in blocker.args[0])
    policy = {f"privacy-policy-{lang}.{fmt}" for lang in LANGS for fmt in ("docx", "pdf")}
    # The example chooses all four documents.
    assert policy < set(written)
    assert written == sorted(j.path.name for j in output_jobs(window.session.project, tmp_path))
