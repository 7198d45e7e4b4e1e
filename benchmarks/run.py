"""Start-up and rendering figures, printed in one run.

    .venv/bin/python benchmarks/run.py [--repeat 5]

1. Time from process start to the first painted page, for the app and for a bare QWizard (the
   floor), as medians over ``--repeat`` fresh processes (offscreen Qt), and their ratio.
   Goal: the app within 1.5x of the bare QWizard.
2. Time to write all documents (every language x DOCX and PDF) of each example, in one warm
   process, as the median over ``--repeat`` runs. Goal: under one second per example.

Figures depend on the machine; the README reports them with the machine they came from.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGS = ["en", "nl", "fr", "de"]
FORMATS = ["docx", "pdf"]

_FIRST_PAINT = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(time.time(), flush=True)
            QApplication.instance().exit(0)
        return False

app = QApplication(sys.argv[:1])
{make_window}
watch = FirstPaint()
window.installEventFilter(watch)
window.show()
sys.exit(app.exec())
"""

_BARE = """
from PySide6.QtWidgets import QWizard, QWizardPage, QLabel, QVBoxLayout
window = QWizard()
page = QWizardPage()
page.setTitle("Welcome")
QVBoxLayout(page).addWidget(QLabel("A bare wizard page"))
window.addPage(page)
"""

_APP = """
import tempfile
from pathlib import Path
from PySide6.QtCore import QSettings
app.setOrganizationName("privacy-wizard-benchmark")
from wizard.ui.main_window import MainWindow
tmp = Path(tempfile.mkdtemp())
window = MainWindow(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat), tmp / "data")
"""


def _first_paint(make_window: str) -> float:
    code = _FIRST_PAINT.replace("{make_window}", make_window)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-1500:])
    painted = float(out.stdout.strip().splitlines()[-1])
    return painted - start


def startup(repeat: int) -> None:
    bare = [_first_paint(_BARE) for _ in range(repeat)]
    ours = [_first_paint(_APP) for _ in range(repeat)]
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"first paint, bare QWizard : {b * 1000:7.0f} ms (median of {repeat})")
    print(f"first paint, Privacy Wizard: {o * 1000:6.0f} ms (median of {repeat})")
    print(f"ratio                      : {o / b:7.2f}x  (goal <= 1.5x)")


def rendering(repeat: int) -> None:
    from wizard.model import load_project
    from wizard.output import output_jobs, write_output
    from wizard.policy.engine import PolicyError, build_document

    for path in sorted((ROOT / "examples").glob("*.privacy.json")):
        project = load_project(path)
        langs = [lang for lang in LANGS if _renders(project, lang, build_document, PolicyError)]
        times = []
        with tempfile.TemporaryDirectory() as tmp:
            jobs = output_jobs(project, tmp, langs, FORMATS)
            write_output(project, jobs[0])  # warm-up: imports, fonts, templates
            for _ in range(repeat):
                # As the command line and the wizard do: one document per language, then
                # every format from it.
                start = time.perf_counter()
                documents = {lang: build_document(project, lang) for lang in langs}
                for job in jobs:
                    write_output(project, job, documents[job.lang])
                times.append(time.perf_counter() - start)
        median = statistics.median(times)
        name = path.name.removesuffix(".privacy.json")
        print(
            f"{name:24s}: {len(jobs)} documents ({','.join(langs)} x docx,pdf) "
            f"in {median * 1000:6.0f} ms (median of {repeat}; goal < 1000 ms for 8)"
        )


def _renders(project: object, lang: str, build: object, error: type[Exception]) -> bool:
    try:
        build(project, lang)  # type: ignore[operator]
    except error:
        return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-startup", action="store_true")
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )
    if not args.skip_startup:
        startup(args.repeat)
    rendering(args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
