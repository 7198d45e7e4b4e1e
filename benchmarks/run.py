"""How fast the app is, against its goals, in one table.

    .venv/bin/python benchmarks/run.py [--repeat 7] [--skip-startup] [--skip-large]
                                       [--frozen dist/privacy-wizard]

Every figure comes from fresh child processes (offscreen Qt unless ``QT_QPA_PLATFORM`` says
otherwise), as medians over ``--repeat`` runs:

- start-up: the app through its real entry point (``wizard.cli.main``, what the
  ``privacy-wizard`` command runs) against the floor, a bare ``QWizard`` with one page. The two
  are started alternately, run by run, and each row reports the median of the *pair* ratios
  (app / floor of the same round), so a busy moment of the machine hits both sides. The same
  ratios of the children's CPU time (all threads, from the process start) are given in
  brackets: they hardly move when other work shares the machine; the goals are on the clock. "First
  paint" is the first paint event of the window (the main window; the floor's wizard), seen by
  an event filter on that window alone, installed as it is shown, the same way on both sides;
  "usable" is when the answers model is
  loaded, the project's answers are in the window and every page exists
  (``MainWindow.is_ready``; a topic page makes its widgets on its first visit, and that time is
  not in this row) and the events that follow are processed. A row without a goal shows the
  floor that, once painted, only imports the answers model and makes a new project: what the
  model alone adds.
- the large project (:mod:`benchmarks.large_project`, generated, never committed): the review
  page first shown, from the page before it (the engine loaded, as it is after the background
  warm-up, but no document of the project built yet), the review page refreshed after a change
  to the answers (``reload``, what it does when you come back to it; the autosave that a page
  change may do first is not counted), the preview switched to a language it has not shown
  since the change, and the 8 documents (4 languages x DOCX and PDF) written by
  ``privacy-wizard render`` with the peak memory of that process (``getrusage`` of the
  children: the largest process, worker processes included).
- the examples: their 8 documents in one warm process.
- the frozen app's size, when a build is given or found in ``dist/privacy-wizard``.

The package is compiled to bytecode first (``compileall``), as installing it does: run from a
source tree with ``PYTHONDONTWRITEBYTECODE`` set, every start would otherwise compile the app's
modules again and measure the compiler.

Figures depend on the machine; the README quotes a run with the machine it came from. Nothing
here runs in the test suite: the tests assert what is loaded and built, never how fast.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from wizard.languages import LANGUAGES, SOURCE  # noqa: E402

LANGS = list(LANGUAGES)
FORMATS = ["docx", "pdf"]

# --- start-up -------------------------------------------------------------------------------------

# Prints "paint <time>" at the first paint of the first window shown, then "usable <time>" once
# `ready()` is true and pending events are processed, and exits. The watcher sees the events of
# that window only (installed when it is shown): a filter on the whole application would make
# PySide turn every event of every widget into Python objects, which costs the app with its many
# widgets about 20 ms more than the floor, a cost of the measurement rather than of the app.
_WATCH = r"""
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

class Watch(QObject):
    window = None
    def eventFilter(self, obj, event):
        if self.window is None and event.type() == QEvent.Type.Paint:
            self.window = obj
            print("paint", time.time(), time.process_time(), flush=True)
            QTimer.singleShot(0, self.check)
        return False
    def check(self):
        if not ready(self.window):
            QTimer.singleShot(0, self.check)
            return
        QApplication.processEvents()
        print("usable", time.time(), time.process_time(), flush=True)
        os._exit(0)

app = QApplication(sys.argv[:1])
watch = Watch()
_show = QWidget.show
def show(widget):
    if watch.window is None and widget.isWindow():
        widget.installEventFilter(watch)
    _show(widget)
QWidget.show = show
"""

_FLOOR = """
def ready(window):
    return True

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizard, QWizardPage
window = QWizard()
page = QWizardPage()
page.setTitle("Welcome")
QVBoxLayout(page).addWidget(QLabel("A bare wizard page"))
window.addPage(page)
window.show()
sys.exit(app.exec())
"""

# The floor, then the answers model imported and a new project made, as the app does: what the
# model alone adds to a window that shows.
_FLOOR_AND_MODEL = _FLOOR.replace(
    "def ready(window):\n    return True",
    "def ready(window):\n    from wizard.model import Project\n    Project()\n    return True",
)
assert _FLOOR_AND_MODEL != _FLOOR

_APP = """
def ready(window):
    return window.is_ready()

sys.argv = ["privacy-wizard"]
from wizard.cli import main
sys.exit(main())
"""


@dataclass
class Start:
    """Seconds from the process start: wall clock and CPU time (all threads) of the child."""

    paint: float
    usable: float
    paint_cpu: float
    usable_cpu: float


def _start(code: str, env: dict[str, str]) -> Start:
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", _WATCH + code],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    marks = {
        line.split()[0]: [float(x) for x in line.split()[1:]]
        for line in out.stdout.splitlines()
        if line.startswith(("paint ", "usable "))
    }
    if "usable" not in marks:
        raise RuntimeError(f"no first paint (exit {out.returncode}): {out.stderr[-1500:]}")
    return Start(
        marks["paint"][0] - start, marks["usable"][0] - start, marks["paint"][1], marks["usable"][1]
    )


def _startup_env(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "PRIVACY_WIZARD_LANG": SOURCE,
        # A fresh user: no settings, recent files or autosave from earlier runs.
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }


# --- the large project, in the app -------------------------------------------------------------

_REVIEW = r"""
import json, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from benchmarks.large_project import large_project
from wizard.flow import PageId
from wizard.languages import LANGUAGES, SOURCE
from wizard.policy import engine, parse
from wizard.ui import answers_state
from wizard.ui.main_window import MainWindow

tmp = Path({tmp!r})
window = MainWindow(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat), tmp / "data")
window.show()
app.processEvents()
window.ensure_ready()
project = large_project()
project.publication.languages = list(LANGUAGES)
TRANSLATED = [lang for lang in LANGUAGES if lang != SOURCE]
window.session.replace(project, None)
engine.warm_up()  # what the background warm-up does while the user is on the first pages
window.wizard.jump_to(PageId.COOKIES)
app.processEvents()
page = window.wizard.pages[PageId.REVIEW]

def timed(action):
    start, cpu = time.perf_counter(), time.process_time()
    action()
    app.processEvents()
    return [time.perf_counter() - start, time.process_time() - cpu]

def clear():
    engine._documents.clear()
    parse._ROWS.clear()
    answers_state.forget()  # the findings too: nothing of the project computed yet

results = {{"first_shown": [], "refresh": [], "switch": []}}
for run in range({repeat}):
    clear()
    window.wizard.jump_to(PageId.RIGHTS)  # the page before the review page
    app.processEvents()
    results["first_shown"].append(timed(lambda: window.wizard.jump_to(PageId.REVIEW)))
    # A change (a cookie's purpose, as the cookies page writes it), then the review page
    # shows the answers again (what it does when you come back to it).
    project.cookies.items[7].purpose = {{lang: f"Changed {{run}} ({{lang}})" for lang in LANGUAGES}}
    results["refresh"].append(timed(page.reload))
    if f"Changed {{run}}" not in page.preview.toPlainText():
        raise SystemExit("the preview does not show the change")
    # The preview in a language it has not shown since the change.
    lang = TRANSLATED[run % len(TRANSLATED)]
    results["switch"].append(
        timed(lambda: page.language.setCurrentIndex(page.language.findData(lang)))
    )
    page.language.setCurrentIndex(page.language.findData(SOURCE))
print(json.dumps(results))
"""


def large_in_app(repeat: int) -> dict[str, tuple[float, float]]:
    """Medians of (wall clock, CPU time) in seconds, per measure."""
    with tempfile.TemporaryDirectory() as tmp:
        code = _REVIEW.format(root=str(ROOT), tmp=tmp, repeat=repeat)
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        env["PRIVACY_WIZARD_LANG"] = SOURCE
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=600
        )
        if out.returncode != 0:
            raise RuntimeError(out.stderr[-2000:])
        data = json.loads(out.stdout.strip().splitlines()[-1])
    return {
        key: (statistics.median(v[0] for v in values), statistics.median(v[1] for v in values))
        for key, values in data.items()
    }


_RENDER = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
took = time.perf_counter() - start
print(took, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def large_render(repeat: int) -> tuple[float, float]:
    """(median seconds, largest peak RSS in MiB) for the 8 documents of the large project,
    through the command line in a fresh process each time."""
    from benchmarks.large_project import large_project_json

    times: list[float] = []
    peak = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "large.privacy.json"
        project.write_text(large_project_json(), encoding="utf-8")
        command = [
            sys.executable, "-m", "wizard", "render", str(project), "--lang", ",".join(LANGS),
            "--format", ",".join(FORMATS), "--document", "policy", "--out", str(Path(tmp) / "out"),
            "--force",
        ]  # fmt: skip
        for _ in range(repeat):
            # A wrapper process, so that getrusage(RUSAGE_CHILDREN) sees this render only.
            out = subprocess.run(
                [sys.executable, "-c", _RENDER, *command],
                capture_output=True,
                text=True,
                timeout=600,
            )
            if out.returncode != 0:
                raise RuntimeError(out.stderr[-2000:])
            took, rss_kib = out.stdout.split()
            times.append(float(took))
            peak = max(peak, int(rss_kib) / 1024)
    return statistics.median(times), peak


# --- the examples -------------------------------------------------------------------------------


def examples(repeat: int) -> list[tuple[str, float, int]]:
    from wizard.model import load_project
    from wizard.output import output_jobs, write_output
    from wizard.policy.engine import PolicyError, build_document

    rows = []
    for path in sorted((ROOT / "examples").glob("*.privacy.json")):
        project = load_project(path)
        langs = []
        for lang in LANGS:
            try:
                build_document(project, lang)
            except PolicyError:
                continue
            langs.append(lang)
        times = []
        with tempfile.TemporaryDirectory() as tmp:
            # The policy only: the examples choose other documents too (notice, record).
            jobs = output_jobs(project, tmp, langs, FORMATS, ["policy"])
            write_output(project, jobs[0])  # warm-up: imports, fonts, templates
            for _ in range(repeat):
                start = time.perf_counter()
                documents = {lang: build_document(project, lang) for lang in langs}
                for job in jobs:
                    write_output(project, job, documents[job.lang])
                times.append(time.perf_counter() - start)
        rows.append((path.name.removesuffix(".privacy.json"), statistics.median(times), len(jobs)))
    return rows


# --- the frozen app ------------------------------------------------------------------------------


def folder_size(folder: Path) -> tuple[float, int]:
    """(MB, files) of a folder, counting each file's bytes (1 MB = 10^6 bytes)."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1e6, len(files)


# --- the table ----------------------------------------------------------------------------------


@dataclass
class Row:
    what: str
    measured: str
    goal: str
    ok: bool | None  # None: a figure without a goal


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _print(rows: list[Row]) -> None:
    width = max(len(r.what) for r in rows)
    mwidth = max(len(r.measured) for r in rows)
    gwidth = max(len(r.goal) for r in rows)
    print(f"| {'what':{width}} | {'measured':{mwidth}} | {'goal':{gwidth}} | result |")
    print(f"| {'-' * width} | {'-' * mwidth} | {'-' * gwidth} | ------ |")
    for r in rows:
        result = "-" if r.ok is None else "pass" if r.ok else "FAIL"
        print(f"| {r.what:{width}} | {r.measured:{mwidth}} | {r.goal:{gwidth}} | {result:6} |")


def startup_rows(repeat: int) -> list[Row]:
    floor: list[Start] = []
    app: list[Start] = []
    model: list[Start] = []
    with tempfile.TemporaryDirectory() as tmp:
        env = _startup_env(Path(tmp))
        _start(_FLOOR, env), _start(_APP, env)  # warm the disk cache for both
        for run in range(repeat):
            # Alternate which goes first, so neither always gets the quieter moment.
            pair: list[tuple[list[Start], str]] = [(floor, _FLOOR), (app, _APP)]
            for into, code in pair if run % 2 == 0 else reversed(pair):
                into.append(_start(code, env))
            model.append(_start(_FLOOR_AND_MODEL, env))
    pairs = list(zip(app, floor, strict=True))
    model_ratio = statistics.median(m.usable / f.paint for m, f in zip(model, floor, strict=True))

    def ratio(of: Callable[[Start, Start], float]) -> float:
        return statistics.median(of(a, f) for a, f in pairs)

    paint = ratio(lambda a, f: a.paint / f.paint)
    usable = ratio(lambda a, f: a.usable / f.paint)
    paint_cpu = ratio(lambda a, f: a.paint_cpu / f.paint_cpu)
    usable_cpu = ratio(lambda a, f: a.usable_cpu / f.paint_cpu)
    app_paint = statistics.median(a.paint for a in app)
    app_usable = statistics.median(a.usable for a in app)
    return [
        Row(
            "start to first paint, bare QWizard (floor)",
            f"{_ms(statistics.median(f.paint for f in floor))} "
            f"(CPU {_ms(statistics.median(f.paint_cpu for f in floor))})",
            "",
            None,
        ),
        Row(
            "start to first paint, app / floor (pairs)",
            f"{paint:.2f}x, {_ms(app_paint)} (CPU {paint_cpu:.2f}x)",
            "<= 1.3x",
            paint <= 1.3,
        ),
        Row(
            "start to usable window, app / floor paint",
            f"{usable:.2f}x, {_ms(app_usable)} (CPU {usable_cpu:.2f}x)",
            "<= 2x",
            usable <= 2.0,
        ),
        Row(
            "  floor, then only the answers model and a new project",
            f"{model_ratio:.2f}x, {_ms(statistics.median(m.usable for m in model))}",
            "",
            None,
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--frozen", type=Path, default=ROOT / "dist" / "privacy-wizard")
    args = parser.parse_args()
    qpa = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.system()} {platform.release()}, Qt platform "
        f"{qpa}; medians of {args.repeat} runs"
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average at start: {load:.2f}")
    # Bytecode as an installation has it (pip compiles on install; the frozen app holds it).
    for package in ("wizard", "benchmarks"):
        compileall.compile_dir(ROOT / package, quiet=1)
    rows: list[Row] = []
    if not args.skip_startup:
        rows += startup_rows(args.repeat)
    if not args.skip_large:
        review = large_in_app(args.repeat)
        for key, what, goal in (
            ("first_shown", "large project: review page first shown", 0.2),
            ("refresh", "large project: preview refresh after a change", 0.1),
            ("switch", "large project: preview in another language", 0.1),
        ):
            wall, cpu = review[key]
            rows.append(Row(what, f"{_ms(wall)} (CPU {_ms(cpu)})", f"< {_ms(goal)}", wall < goal))
        took, peak = large_render(max(1, min(args.repeat, 3)))
        rows.append(
            Row(
                "large project: 8 documents (4 languages x DOCX, PDF)",
                f"{took:.2f} s, {peak:.0f} MiB",
                "< 4 s, < 400 MB",
                took < 4 and peak * 1.048576 < 400,
            )
        )
    for name, took, count in examples(args.repeat):
        rows.append(Row(f"example {name}: {count} documents", _ms(took), "< 1000 ms", took < 1))
    if args.frozen.is_dir():
        size, files = folder_size(args.frozen)
        rows.append(
            Row(
                "frozen app (one folder)", f"{size:.0f} MB, {files} files", "<= 170 MB", size <= 170
            )
        )
    else:
        print(f"(no frozen app at {args.frozen}: build it with packaging/build.sh)")
    print()
    _print(rows)
    return 0 if all(r.ok is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
