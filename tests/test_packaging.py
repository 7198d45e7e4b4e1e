"""Packaging: the desktop integration files, the wheel and the frozen (PyInstaller) app.

The frozen-app tests build ``dist/privacy-wizard/`` with ``packaging/build.sh`` (about 40 s) and
render every language and format with it: that is what catches data files left out of the bundle.
The validators come from Debian's ``desktop-file-utils``, ``appstream`` and ``shared-mime-info``,
pdftotext from ``poppler-utils``; a test whose tool is missing is skipped and says which package
to install.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from wizard import __version__

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
APP_ID = "io.github.privacywizard.PrivacyWizard"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME_XML = LINUX / f"{APP_ID}.xml"
MIME_TYPE = "application/x-privacy-wizard-project"
ICON_SVG = ROOT / "resources" / "icons" / "privacy-wizard.svg"
PNG_SIZES = (16, 32, 48, 64, 128, 256)
FROZEN = ROOT / "dist" / "privacy-wizard" / "privacy-wizard"
EXAMPLE = ROOT / "examples" / "software-company.privacy.json"
ORGANISATION = "Nordlicht Software BV"
TITLES = {
    "en": "Privacy policy",
    "nl": "Privacyverklaring",
    "fr": "Politique de confidentialité",
    "de": "Datenschutzerklärung",
}


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package: {package})")
    return path


def _desktop_entry() -> dict[str, str]:
    entry: dict[str, str] = {}
    for line in DESKTOP.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            entry[key] = value
    return entry


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


# --- desktop integration -----------------------------------------------------------------------


def test_desktop_file_is_valid() -> None:
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_is_valid() -> None:
    tool = _tool("appstreamcli", "appstream")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mime_type_matches_project_files(tmp_path: Path) -> None:
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(MIME_XML).getroot().find("m:mime-type", ns)
    assert mime is not None and mime.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime.findall("m:glob", ns)] == ["*.privacy.json"]
    assert mime.find("m:sub-class-of", ns).get("type") == "application/json"  # type: ignore[union-attr]

    tool = _tool("update-mime-database", "shared-mime-info")
    (tmp_path / "packages").mkdir()
    shutil.copy(MIME_XML, tmp_path / "packages")
    result = subprocess.run([tool, str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    globs = (tmp_path / "globs2").read_text(encoding="utf-8").splitlines()
    assert f"60:{MIME_TYPE}:*.privacy.json" in globs


def test_desktop_metainfo_mime_and_icons_agree() -> None:
    entry = _desktop_entry()
    assert entry["Exec"] == "privacy-wizard %f"
    assert entry["Icon"] == APP_ID
    assert entry["MimeType"] == f"{MIME_TYPE};"

    meta = ET.parse(METAINFO).getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == DESKTOP.name
    assert meta.findtext("project_license") == "GPL-3.0-or-later"
    assert meta.findtext("metadata_license") == "CC0-1.0"
    assert meta.findtext("provides/mediatype") == MIME_TYPE
    assert meta.findtext("provides/binary") == "privacy-wizard"
    versions = [r.get("version") for r in meta.findall("releases/release")]
    assert versions[0] == __version__, "the newest <release> must be the app's version"

    iss = (PACKAGING / "windows" / "privacy-wizard.iss").read_text(encoding="utf-8")
    assert f'#define AppVersion "{__version__}"' in iss


def test_icons_are_rendered_from_the_svg() -> None:
    svg = ET.parse(ICON_SVG).getroot()
    assert svg.get("viewBox") == "0 0 256 256"
    hicolor = LINUX / "icons" / "hicolor"
    assert (
        hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    ).read_bytes() == ICON_SVG.read_bytes(), (
        "run packaging/render_icons.py after editing resources/icons/privacy-wizard.svg"
    )
    for size in PNG_SIZES:
        png = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert _png_size(png) == (size, size)
    assert (PACKAGING / "windows" / "privacy-wizard.ico").read_bytes()[:4] == b"\0\0\1\0"
    assert (PACKAGING / "macos" / "privacy-wizard.icns").read_bytes()[:4] == b"icns"


# --- the wheel -----------------------------------------------------------------------------------


def _fresh_checkout(dest: Path) -> Path:
    """A copy of the sources as a fresh clone has them: no .mo files, no build products."""
    skip = {".venv", ".git", "build", "dist", "out", "__pycache__"}

    def ignore(folder: str, names: list[str]) -> set[str]:
        return {
            n
            for n in names
            if n in skip or n.endswith((".mo", ".egg-info", "_cache")) or n == "locale"
        }

    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    src = _fresh_checkout(tmp / "src")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "out"), "."],
        cwd=src,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (found,) = (tmp / "out").glob("privacy_wizard-*.whl")
    return found


def test_wheel_from_a_fresh_clone_holds_every_resource(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "wizard_resources/__init__.py",
        "wizard_resources/templates/policy/policy.html.j2",
        "wizard_resources/data/supervisory-authorities.csv",
        "wizard_resources/data/children-age.csv",
        "wizard_resources/data/processors.json",
        "wizard_resources/icons/privacy-wizard.svg",
        *(f"wizard_resources/fonts/NotoSans-{s}.ttf" for s in ("Regular", "Bold", "Italic")),
        # compiled by setup.py's build hook: a fresh clone has only the .po files
        *(
            f"wizard_resources/locale/{po.parent.parent.name}/LC_MESSAGES/{po.stem}.mo"
            for po in ROOT.glob("translations/*/LC_MESSAGES/*.po")
        ),
    }
    assert {
        f"wizard_resources/locale/{lang}/LC_MESSAGES/policy.mo" for lang in "nl fr de".split()
    } <= expected
    assert expected <= names, f"missing from the wheel: {sorted(expected - names)}"


def test_installed_wheel_renders_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    """The wheel alone (dependencies from this environment) renders a translated policy from
    a folder that is not the checkout: the resources come from the installed package."""
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    shutil.copy(EXAMPLE, work)
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = (
        "import sys, wizard_resources, wizard.cli; print(wizard_resources.__file__);"
        "sys.exit(wizard.cli.main(sys.argv[1:]))"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "render",
            EXAMPLE.name,
            "--lang",
            "nl",
            "--format",
            "docx",
            "--out",
            "out",
        ],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith(str(target))
    assert "Privacyverklaring" in _docx_text(work / "out" / "privacy-policy-nl.docx")


# --- the frozen app ------------------------------------------------------------------------------


def _docx_text(path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def _pdf_text(path: Path) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        return subprocess.run(
            [pdftotext, "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
        ).stdout
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def frozen_app() -> Path:
    if not sys.platform.startswith("linux"):
        pytest.skip("packaging/build.sh builds the Linux app; see docs/packaging.md")
    start = time.monotonic()
    result = subprocess.run(
        ["bash", str(PACKAGING / "build.sh")], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert FROZEN.is_file() and os.access(FROZEN, os.X_OK)
    print(f"frozen app built in {time.monotonic() - start:.0f} s")
    return FROZEN


def test_frozen_app_version(frozen_app: Path) -> None:
    result = subprocess.run([str(frozen_app), "--version"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Privacy Wizard {__version__}"


def test_frozen_app_renders_every_language_and_format(frozen_app: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = subprocess.run(
        [
            str(frozen_app),
            "render",
            str(EXAMPLE),
            "--lang",
            "en,nl,fr,de",
            "--format",
            "docx,pdf,html,md",
            "--out",
            str(out),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    for lang, title in TITLES.items():
        docx_text = _docx_text(out / f"privacy-policy-{lang}.docx")
        assert title in docx_text, f"{lang}: the DOCX is not translated"
        pdf_text = _pdf_text(out / f"privacy-policy-{lang}.pdf")
        assert ORGANISATION in pdf_text and title in pdf_text, f"{lang}: PDF text is wrong"
        page = (out / f"privacy-policy-{lang}.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in page and title in page, f"{lang}: HTML is wrong"
        markdown = (out / f"privacy-policy-{lang}.md").read_text(encoding="utf-8")
        assert markdown.startswith(f"# {title}\n"), f"{lang}: Markdown is wrong"


def test_frozen_app_opens_its_window(frozen_app: Path, tmp_path: Path) -> None:
    """The wizard starts (Qt plugins, translations and UI resources are in the bundle) and keeps
    running until it is closed."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    proc = subprocess.Popen(
        [str(frozen_app), str(EXAMPLE)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass  # still running with the window open: what we want
    else:
        _, err = proc.communicate()
        pytest.fail(f"the frozen wizard exited with {proc.returncode}: {err[-2000:]}")
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
