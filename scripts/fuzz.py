"""Long fuzzing run of the rendering property: hostile projects in every language and format.

Usage: ``python scripts/fuzz.py --minutes N [--seed S] [--processes K]``.

The same property as ``tests/test_property.py`` (no exception, every file of a set or none, the
legal name readable in the DOCX, HTML and Markdown), but each project is generated in all four
languages and all four formats at once, through the same generation service as the command line
and the wizard, for as long as asked. A failure prints the project that fails (minimised by
Hypothesis) and the run exits with status 1; otherwise it prints how many projects were rendered
and how many generations were refused for a known reason, and exits 0. Needs the test
dependencies (``bash scripts/bootstrap.sh test``); run it from the repository.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import hypothesis  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402

from tests.hostile_projects import hostile_projects  # noqa: E402
from tests.test_property import check_rendering  # noqa: E402
from wizard.model.answers import LANGUAGES  # noqa: E402
from wizard.output import FORMATS  # noqa: E402

#: Examples per Hypothesis run; runs repeat with new seeds until the time is up.
BATCH = 25


def run(minutes: float, seed: int, processes: int) -> int:
    """Fuzz for ``minutes``; returns the exit status."""
    deadline = time.monotonic() + minutes * 60
    reasons: collections.Counter[str] = collections.Counter()
    rendered = 0
    rng = random.Random(seed)
    calls = [(list(LANGUAGES), list(FORMATS))]

    @settings(
        max_examples=BATCH,
        deadline=None,
        database=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    @given(project=hostile_projects())
    def batch(project: tuple[str, str]) -> None:
        nonlocal rendered
        text, name = project
        with tempfile.TemporaryDirectory() as tmp:
            refused = check_rendering(text, name, calls, Path(tmp), processes=processes)
        reasons.update(refused)
        rendered += 1

    while time.monotonic() < deadline:
        batch_seed = rng.randrange(2**32)
        try:
            hypothesis.seed(batch_seed)(batch)()
        except Exception as exc:  # noqa: BLE001 - the failing example is printed by Hypothesis
            print(f"FAILED (batch seed {batch_seed}): {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
        print(f"{rendered} projects rendered", flush=True)
    print(f"done: {rendered} projects, {len(LANGUAGES) * len(FORMATS)} files each")
    for reason, count in reasons.most_common():
        print(f"  refused ({reason}): {count}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10, help="how long to run (default 10)")
    parser.add_argument("--seed", type=int, default=None, help="repeat an earlier run")
    parser.add_argument(
        "--processes", type=int, default=1, help="worker processes per generation (default 1)"
    )
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    print(f"fuzzing for {args.minutes} minutes, seed {seed}", flush=True)
    return run(args.minutes, seed, args.processes)


if __name__ == "__main__":
    sys.exit(main())
