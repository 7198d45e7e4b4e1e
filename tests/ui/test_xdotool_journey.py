"""The real app on a virtual X screen, driven by real X keyboard events.

The installed entry point runs in its own process on Xvfb with the ``xcb`` platform; ``xdotool``
types into the window as a keyboard would (the X server delivers the keys to whatever has the
focus). The journey: a new project, the organisation typed in, every page passed with the
keyboard, DOCX and PDF generated; the files are read back.

Keys are queued by the X server and handled by the app in order, so pressing Enter (the
wizard's default button, clicked at once) needs no waiting. A button's Alt+letter "animates"
its click (pressed now, clicked a moment later), so after those the journey pauses generously
before the next key.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.readback import docx_text, pdf_text

NAME = "Fysiotherapie De Brug B.V."
STREET = "Oudegracht 12"
CITY = "Utrecht"

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool (installed by scripts/bootstrap.sh test)",
)


@pytest.fixture
def display() -> Iterator[str]:
    """A fresh Xvfb screen of 1366x768; its DISPLAY value."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def entry_point() -> str:
    """The installed ``privacy-wizard`` command of this environment."""
    script = Path(sys.executable).with_name("privacy-wizard")
    found = str(script) if script.exists() else shutil.which("privacy-wizard")
    assert found, "privacy-wizard is not installed"
    return found


def test_real_window_typed_by_x_events_to_generated_files(display: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_RUNTIME_DIR": str(tmp_path),
        "LANG": "C.UTF-8",
        "LANGUAGE": "en",
        "LC_ALL": "C.UTF-8",
    }
    env.pop("PRIVACY_WIZARD_PSEUDO", None)

    def xdotool(*args: str, timeout: float = 60) -> str:
        result = subprocess.run(
            ["xdotool", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
        return result.stdout.strip()

    def keys(*names: str) -> None:
        xdotool("key", "--clearmodifiers", "--delay", "60", *names)

    def typed(text: str) -> None:
        xdotool("type", "--delay", "40", text)

    def animated(*names: str) -> None:
        """Alt+letter on a button: its click comes a moment after the key."""
        keys(*names)
        time.sleep(2)

    folder = tmp_path / "documents"
    log = (tmp_path / "app.log").open("w")
    app = subprocess.Popen([entry_point()], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        window = xdotool(
            "search", "--sync", "--onlyvisible", "--name", "Privacy Wizard", timeout=120
        ).splitlines()[0]
        xdotool("windowfocus", "--sync", window)
        time.sleep(2)  # the window's second start-up step (the pages) after the first paint

        keys("Return")  # Next on the welcome page: a new, empty project
        typed(NAME)
        keys("Tab", "Tab")  # past the trading name
        typed(STREET)
        keys("Tab")
        typed("3511 AB")
        keys("Tab")
        typed(CITY)
        keys("Tab")
        typed("Netherlands")  # the country list finds it by its name
        keys("Tab")
        keys("Tab")  # past the registration number
        typed("privacy@fysio-debrug.nl")
        keys("Return")  # Next: the organisation is complete

        keys("space")  # the first service, Website
        keys("Return")
        animated("alt+n")  # purposes: the table has the focus, Enter would open a purpose
        animated("alt+n")  # recipients: none
        keys("Return")  # cookies: none
        keys("Return")  # children: no
        animated("alt+o")  # rights: no decisions by computer alone ("N&o")
        keys("Return")
        animated("alt+n")  # security and more: nothing required
        animated("alt+n")  # review
        keys("alt+o")  # output: the folder field ("F&older:")
        keys("ctrl+a")
        typed(str(folder))
        animated("alt+c")  # DOCX as well as PDF
        animated("alt+g")  # Generate

        expected = [folder / "privacy-policy-en.docx", folder / "privacy-policy-en.pdf"]
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not all(p.exists() for p in expected):
            assert app.poll() is None, (tmp_path / "app.log").read_text()
            time.sleep(0.5)
        time.sleep(1)  # the last file is renamed into place when complete
        assert all(p.exists() for p in expected), (
            sorted(p.name for p in folder.glob("*")) if folder.exists() else "no folder",
            (tmp_path / "app.log").read_text(),
        )
        for text in (docx_text(expected[0]), pdf_text(expected[1])):
            flat = " ".join(text.split())
            assert NAME in flat
            assert STREET in flat
            assert CITY in flat
            assert "privacy@fysio-debrug.nl" in flat
    finally:
        app.terminate()
        try:
            app.wait(timeout=30)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()
        log.close()
