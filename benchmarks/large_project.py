"""A large, valid project for speed and memory measurements: 1,000 cookies, 200 recipients,
100 purposes, in all four languages.

    from benchmarks.large_project import large_project, large_project_json
    project = large_project()            # a validated wizard.model.answers.Project

or ``python benchmarks/large_project.py OUT.privacy.json`` to write it as a project file. It is
built from the software-company example (so it stays valid as the model evolves) by repeating
its purposes, recipients and cookies with numbered names; nothing is committed.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "software-company.privacy.json"

COOKIES = 1000
RECIPIENTS = 200
PURPOSES = 100


def _numbered(text: dict[str, str], n: int) -> dict[str, str]:
    return {lang: f"{value.rstrip('.')} ({n})" for lang, value in text.items()}


def large_project_data(
    cookies: int = COOKIES, recipients: int = RECIPIENTS, purposes: int = PURPOSES
) -> dict[str, Any]:
    """The project as JSON-ready data."""
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    base_purposes = data["purposes"]
    out_purposes = []
    for n in range(purposes):
        p = copy.deepcopy(base_purposes[n % len(base_purposes)])
        p["id"] = f"{p['id']}-{n}"
        p["name"] = _numbered(p["name"], n + 1)
        out_purposes.append(p)
    ids = [p["id"] for p in out_purposes]
    base_recipients = data["recipients"]
    out_recipients = []
    for n in range(recipients):
        r = copy.deepcopy(base_recipients[n % len(base_recipients)])
        r["name"] = f"{r['name']} {n + 1}" if r["name"] else r["name"]
        r["catalog_id"] = None
        r["purposes"] = [ids[n % len(ids)], ids[(n * 7 + 3) % len(ids)]]
        out_recipients.append(r)
    base_cookies = data["cookies"]["items"]
    out_cookies = []
    for n in range(cookies):
        c = copy.deepcopy(base_cookies[n % len(base_cookies)])
        c["name"] = f"{c['name']}_{n + 1}"
        c["purpose"] = _numbered(c["purpose"], n + 1)
        out_cookies.append(c)
    data["purposes"] = out_purposes
    data["recipients"] = out_recipients
    data["cookies"]["items"] = out_cookies
    data["history"] = []
    return data


def large_project_json(**kw: int) -> str:
    """The project file's text."""
    return json.dumps(large_project_data(**kw), ensure_ascii=False, indent=1)


def large_project(**kw: int) -> Any:
    """The project as a validated :class:`wizard.model.answers.Project`."""
    from wizard.model.project_file import loads_project

    return loads_project(large_project_json(**kw), "large project")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python benchmarks/large_project.py OUT.privacy.json")
    Path(sys.argv[1]).write_text(large_project_json(), encoding="utf-8")
