"""Packaging: the desktop integration files, the wheel and the frozen (PyInstaller) app.

The frozen-app tests build ``dist/privacy-wizard/`` with ``packaging/build.sh`` (about 40 s) and
render every language and format with it: that is what catches data files left out of the bundle.
The validators come from Debian's ``desktop-file-utils``, ``appstream`` and ``shared-mime-info``,
pdftotext from ``poppler-utils``; a test whose tool is missing is skipped and says which package
to install.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import sysconfig
import time
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from tests import readback
from tests.projects import ROOT, TRANSLATED
from wizard import __version__, languages

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


def test_desktop_metainfo_and_mime_speak_every_registered_language() -> None:
    """The texts a desktop shows of the app are data per language: each registered language
    other than English has its own, so a language added to the registry is not left out."""
    entry = _desktop_entry()
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    meta = ET.parse(METAINFO).getroot()
    summaries = {s.get(xml_lang) for s in meta.findall("summary")}
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    comments = {c.get(xml_lang) for c in ET.parse(MIME_XML).getroot().findall(".//m:comment", ns)}
    for lang in TRANSLATED:
        assert entry.get(f"GenericName[{lang}]") and entry.get(f"Comment[{lang}]"), lang
        assert lang in summaries, lang
        assert lang in comments, lang


def test_one_version_number() -> None:
    """wizard.__version__ is the version of the wheel (pyproject reads it), the macOS bundle
    (the spec imports it), the Windows installer (passed to ISCC; its default equals it) and
    the newest AppStream release."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    dynamic = project["tool"]["setuptools"]["dynamic"]["version"]
    assert dynamic == {"attr": "wizard.__version__"}
    spec = (PACKAGING / "privacy-wizard.spec").read_text(encoding="utf-8")
    assert "from wizard import APP_NAME, __version__" in spec
    assert '"CFBundleShortVersionString": __version__' in spec
    iss = (PACKAGING / "windows" / "privacy-wizard.iss").read_text(encoding="utf-8")
    assert f'#ifndef AppVersion\n  #define AppVersion "{__version__}"\n#endif' in iss
    workflow = (ROOT / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")
    assert '"/DAppVersion=$version" packaging\\windows\\privacy-wizard.iss' in workflow
    meta = ET.parse(METAINFO).getroot()
    newest = meta.find("releases/release")
    assert newest is not None and newest.get("version") == __version__
    assert meta.findtext("url[@type='homepage']") == project["project"]["urls"]["Homepage"]


def _locked(lock: Path) -> dict[str, str]:
    """name -> version pinned in a lock file (names normalised as in PEP 503)."""
    pins = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9._-]+)==([^ ;\\]+)", line)
        if match:
            pins[re.sub(r"[-_.]+", "-", match[1]).lower()] = match[2]
    return pins


@pytest.mark.parametrize(
    ("lock", "groups"), [("test.txt", ["test", "lint"]), ("package.txt", ["package"])]
)
def test_lock_files_cover_pyproject(lock: str, groups: list[str]) -> None:
    """Every dependency of the app and of the lock's groups is pinned, with hashes, at a version
    that pyproject.toml allows: after changing a dependency, run `bash requirements/update.sh`."""
    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = list(project["project"]["dependencies"])
    for group in groups:
        wanted += [d for d in project["dependency-groups"][group] if isinstance(d, str)]
    path = ROOT / "requirements" / lock
    pins = _locked(path)
    for spec in map(Requirement, wanted):
        name = re.sub(r"[-_.]+", "-", spec.name).lower()
        assert name in pins, (
            f"{spec.name} is not in requirements/{lock}: run requirements/update.sh"
        )
        assert spec.specifier.contains(pins[name]), (
            f"requirements/{lock} pins {spec.name}=={pins[name]}, pyproject wants {spec.specifier}"
        )
    blocks = re.split(r"\n(?=[A-Za-z0-9])", path.read_text(encoding="utf-8"))
    unhashed = [b.split()[0] for b in blocks if "==" in b and "--hash=sha256:" not in b]
    assert not unhashed, f"pinned without a hash: {unhashed}"
    other = _locked(ROOT / "requirements" / "test.txt")
    shared = set(other) & set(pins)
    assert {n: pins[n] for n in shared} == {n: other[n] for n in shared}, (
        "the app's dependencies must have the same versions in both lock files"
    )


def test_build_workflow_uses_the_lock_and_the_spec() -> None:
    """The CI workflow builds all three systems from the same spec and the same locked
    versions, and starts each build headless."""
    workflow = (ROOT / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")
    for job in ("linux:", "windows:", "macos:"):
        assert f"\n  {job}\n" in workflow
    assert "pyinstaller --noconfirm --clean packaging\\privacy-wizard.spec" in workflow  # Windows
    assert "pyinstaller --noconfirm --clean packaging/privacy-wizard.spec" in workflow  # macOS
    assert "bash packaging/build.sh" in workflow  # Linux: the same spec
    assert workflow.count("--require-hashes -r requirements") == 2
    assert workflow.count("PRIVACY_WIZARD_SMOKE_TEST") == 3
    for path in ("requirements/package.txt", "packaging/windows/privacy-wizard.iss"):
        assert (ROOT / path).is_file()


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
# Built as a user would from a fresh clone (no .mo files, no build products), installed into a new
# virtual environment outside the checkout, then started: its GUI and its command line.

LICENSE_FILES = (
    "LICENSE",
    "resources/fonts/LICENSE-OFL.txt",
    "resources/data/LICENSE-open-cookie-database.txt",
)


def _pip(*args: str, cwd: Path | None = None) -> str:
    """Run this environment's pip; return what it printed (stdout and stderr)."""
    result = subprocess.run(
        [sys.executable, "-m", "pip", *args], cwd=cwd, capture_output=True, text=True
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    return output


def _warnings(pip_output: str) -> list[str]:
    """The lines of pip's output that warn, except those about the machine's own package
    indexes (pip's configuration, e.g. a local mirror folder that lacks a package's page)."""
    return [
        line
        for line in pip_output.splitlines()
        if "warn" in line.lower() and "is ignored: it is neither a file nor a directory" not in line
    ]


@pytest.fixture(scope="module")
def fresh_clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A `git clone` of the checkout's HEAD (a copy of the sources where there is no git)."""
    dest = tmp_path_factory.mktemp("clone") / "privacy-wizard"
    git = shutil.which("git")
    if git and (ROOT / ".git").exists():
        subprocess.run([git, "clone", "-q", "--no-hardlinks", str(ROOT), str(dest)], check=True)
        return dest
    skip = {".venv", ".git", "build", "dist", "out", "__pycache__", "locale"}

    def ignore(folder: str, names: list[str]) -> set[str]:
        return {n for n in names if n in skip or n.endswith((".mo", ".egg-info", "_cache"))}

    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest


@pytest.fixture(scope="module")
def wheel(fresh_clone: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The wheel built from the fresh clone, and what pip printed building it."""
    out = tmp_path_factory.mktemp("wheel")
    printed = _pip("wheel", "--no-deps", "-w", str(out), ".", cwd=fresh_clone)
    (found,) = out.glob("privacy_wizard-*.whl")
    return found, printed


@pytest.fixture(scope="module")
def installed(fresh_clone: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A new virtual environment with `pip install .` run in the fresh clone, and what pip
    printed. The app's dependencies are not downloaded again: the environment sees this test
    environment's site-packages through a .pth file (whose own .pth files, such as the editable
    install of the checkout, Python does not read)."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    ours = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    Path(purelib, "test-dependencies.pth").write_text("\n".join(sorted(ours)) + "\n")
    printed = _pip("--python", str(python), "install", "--no-deps", ".", cwd=fresh_clone)
    return venv, printed


@pytest.mark.packaging
def test_pip_prints_no_warning(wheel: tuple[Path, str], installed: tuple[Path, str]) -> None:
    for printed in (wheel[1], installed[1]):
        assert not _warnings(printed), printed


@pytest.mark.packaging
def test_wheel_holds_every_module_and_resource(wheel: tuple[Path, str], fresh_clone: Path) -> None:
    names = set(zipfile.ZipFile(wheel[0]).namelist())
    modules = {p.relative_to(fresh_clone).as_posix() for p in fresh_clone.glob("wizard/**/*.py")}
    assert "wizard/ui/pages/welcome.py" in modules
    assert modules <= names, f"modules missing from the wheel: {sorted(modules - names)}"
    resources = {
        "wizard_resources/" + p.relative_to(fresh_clone / "resources").as_posix()
        for p in (fresh_clone / "resources").rglob("*")
        if p.is_file()
    }
    expected = resources | {
        # compiled by setup.py: a fresh clone has only the .po files
        f"wizard_resources/locale/{po.parent.parent.name}/LC_MESSAGES/{po.stem}.mo"
        for po in fresh_clone.glob("translations/*/LC_MESSAGES/*.po")
    }
    assert {
        "wizard_resources/templates/policy/policy.html.j2",
        "wizard_resources/fonts/NotoSans-Regular.ttf",
        "wizard_resources/fonts/LICENSE-OFL.txt",
        "wizard_resources/data/LICENSE-open-cookie-database.txt",
        *(f"wizard_resources/locale/{lang}/LC_MESSAGES/policy.mo" for lang in TRANSLATED),
    } <= expected
    assert expected <= names, f"missing from the wheel: {sorted(expected - names)}"
    licences = {f"privacy_wizard-{__version__}.dist-info/licenses/{name}" for name in LICENSE_FILES}
    assert licences <= names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


@pytest.mark.packaging
def test_wheel_metadata(wheel: tuple[Path, str]) -> None:
    from email.parser import Parser

    from trove_classifiers import classifiers as known

    from wizard.i18n import UI_LANGUAGES

    with zipfile.ZipFile(wheel[0]) as archive:
        text = archive.read(f"privacy_wizard-{__version__}.dist-info/METADATA").decode()
    meta = Parser().parsestr(text)
    assert meta["Version"] == __version__
    assert meta["License-Expression"] == "GPL-3.0-or-later AND OFL-1.1 AND Apache-2.0"
    assert meta.get_all("License-File") == list(LICENSE_FILES)
    assert meta["Maintainer"] and meta["Keywords"]
    assert {url.split(",")[0] for url in meta.get_all("Project-URL")} >= {"Homepage", "Source"}
    classifiers = meta.get_all("Classifier")
    assert set(classifiers) <= known, f"unknown classifiers: {set(classifiers) - known}"
    named = {f"Natural Language :: {languages.get(lang).name}" for lang in UI_LANGUAGES}
    assert named <= set(classifiers)
    tested = f"Programming Language :: Python :: {sys.version_info.major}.{sys.version_info.minor}"
    assert tested in classifiers, "the Python version the tests run on must be listed"
    assert "Intended Audience :: Legal Industry" in classifiers
    assert "Topic :: Office/Business" in classifiers


def test_licence_files() -> None:
    gpl = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in gpl and "Version 3, 29 June 2007" in gpl
    assert "SIL OPEN FONT LICENSE" in (ROOT / LICENSE_FILES[1]).read_text(encoding="utf-8").upper()
    assert "Apache License" in (ROOT / LICENSE_FILES[2]).read_text(encoding="utf-8")
    iss = (PACKAGING / "windows" / "privacy-wizard.iss").read_text(encoding="utf-8")
    assert "\nLicenseFile=..\\..\\LICENSE\n" in iss


def _clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    return env


@pytest.mark.packaging
def test_installed_app_comes_from_the_environment(
    installed: tuple[Path, str], tmp_path: Path
) -> None:
    python = installed[0] / "bin" / "python"
    code = (
        "import wizard, wizard_resources; print(wizard.__file__); print(wizard_resources.__file__)"
    )
    result = subprocess.run(
        [str(python), "-c", code],
        cwd=tmp_path,
        env=_clean_env(tmp_path),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    for line in result.stdout.splitlines():
        assert Path(line).is_relative_to(installed[0]), line


@pytest.mark.packaging
def test_installed_gui_shows_its_first_page(installed: tuple[Path, str], tmp_path: Path) -> None:
    """The installed windowed entry point starts the wizard, paints it and loads every page (the
    wheel once lacked wizard.ui.pages: only the command line worked)."""
    from wizard.flow import PAGE_ORDER

    env = _clean_env(tmp_path) | {"PRIVACY_WIZARD_SMOKE_TEST": "1", "PRIVACY_WIZARD_LANG": "nl"}
    gui = installed[0] / "bin" / "privacy-wizard-gui"
    result = subprocess.run(
        [str(gui)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    shown = re.search(
        r"^first page shown: welcome \((.+)\); UI language (\w+); (\d+) pages$", result.stdout, re.M
    )
    assert shown, result.stdout + result.stderr[-3000:]
    title, lang, pages = shown.groups()
    assert lang == "nl" and "Welcome" not in title, "the Dutch catalogue was not found"
    assert int(pages) == len(PAGE_ORDER)


@pytest.mark.packaging
def test_installed_cli_renders_an_example(installed: tuple[Path, str], tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path)
    cli = installed[0] / "bin" / "privacy-wizard"
    result = subprocess.run(
        [
            str(cli),
            "render",
            EXAMPLE.name,
            "--lang",
            "nl,de",
            "--format",
            "docx,pdf",
            "--out",
            "out",
        ],
        cwd=tmp_path,
        env=_clean_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    for lang in ("nl", "de"):
        docx_text = readback.docx_text(tmp_path / "out" / f"privacy-policy-{lang}.docx")
        assert TITLES[lang] in docx_text and ORGANISATION in docx_text
        pdf_text = readback.pdf_text(tmp_path / "out" / f"privacy-policy-{lang}.pdf")
        assert TITLES[lang] in pdf_text and ORGANISATION in pdf_text


# --- the frozen app ------------------------------------------------------------------------------


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


def test_frozen_app_carries_the_licences(frozen_app: Path) -> None:
    bundle = frozen_app.parent
    found = {p.relative_to(bundle).as_posix() for p in bundle.rglob("LICENSE*")}
    assert {"_internal/LICENSE", "_internal/wizard_resources/fonts/LICENSE-OFL.txt"} <= found
    assert "_internal/wizard_resources/data/LICENSE-open-cookie-database.txt" in found


#: The frozen app's size goal (one folder, 1 MB = 10^6 bytes).
MAX_FROZEN_MB = 170
#: GTK and the libraries only GTK uses: nothing in the app needs them (Qt's GTK theme plugin is
#: left out).
GTK_LIBRARY = re.compile(r"^lib(gtk-3|gdk-3|gdk_pixbuf|atk-|atk-bridge|cairo|pango|epoxy)")


def test_frozen_app_is_small_and_holds_only_what_it_uses(frozen_app: Path) -> None:
    folder = frozen_app.parent
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    names = {p.name for p in files}
    gtk = sorted(n for n in names if GTK_LIBRARY.match(n))
    assert not gtk, f"GTK libraries in the bundle: {gtk}"
    size = sum(p.stat().st_size for p in files) / 1e6
    assert size <= MAX_FROZEN_MB, f"the frozen app is {size:.0f} MB (goal {MAX_FROZEN_MB} MB)"
    platforms = {p.name.split(".")[0] for p in folder.rglob("plugins/platforms/*.so")}
    assert platforms == {"libqxcb", "libqwayland", "libqoffscreen"}
    pil = {p.name.split(".")[0] for p in folder.rglob("PIL/_*.so")}
    assert "_imaging" in pil and not pil & {"_avif", "_webp", "_imagingtk"}
    # The catalogue compiler (and with it pkg_resources and its start-up hook) stays out.
    toc = (ROOT / "build" / "pyinstaller" / "privacy-wizard" / "Analysis-00.toc").read_text()
    assert "pyi_rth_pkgres" not in toc and "'wizard.i18n_build'" not in toc
    assert "'wizard.render.pdf'" in toc


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
        docx_text = readback.docx_text(out / f"privacy-policy-{lang}.docx")
        assert title in docx_text, f"{lang}: the DOCX is not translated"
        pdf_text = readback.pdf_text(out / f"privacy-policy-{lang}.pdf")
        assert ORGANISATION in pdf_text and title in pdf_text, f"{lang}: PDF text is wrong"
        page = (out / f"privacy-policy-{lang}.html").read_text(encoding="utf-8")
        tag = languages.get(lang).tag
        assert f'<html lang="{tag}">' in page and title in page, f"{lang}: HTML is wrong"
        markdown = (out / f"privacy-policy-{lang}.md").read_text(encoding="utf-8")
        assert markdown.startswith(f"# {title}\n"), f"{lang}: Markdown is wrong"


def test_frozen_app_opens_its_window(frozen_app: Path, tmp_path: Path) -> None:
    """The wizard starts with a project (Qt plugins, translations, the pages and the UI
    resources are in the bundle), paints it and loads every page."""
    from wizard.flow import PAGE_ORDER

    env = _clean_env(tmp_path) | {"PRIVACY_WIZARD_SMOKE_TEST": "1", "PRIVACY_WIZARD_LANG": "en"}
    result = subprocess.run(
        [str(frozen_app), str(EXAMPLE)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert (
        f"first page shown: organisation (Your organisation); UI language en; "
        f"{len(PAGE_ORDER)} pages" in result.stdout
    ), result.stdout + result.stderr[-3000:]
