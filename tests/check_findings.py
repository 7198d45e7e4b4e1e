"""A helper for tests of the legal checks: the findings ``privacy-wizard check --format json``
reports for a project (saved to a file first) or a project file, in a language, optionally only
those of one check code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wizard.cli import main
from wizard.model.answers import Project
from wizard.model.project_file import save_project


def check_findings(
    project: Project | Path,
    lang: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path | None = None,
    code: str | None = None,
) -> list[dict[str, Any]]:
    """The findings of the check's JSON report for ``project`` in ``lang`` (of ``code`` only,
    when given); a :class:`Project` is saved under ``tmp_path`` first."""
    if isinstance(project, Project):
        assert tmp_path is not None, "a project is saved to a file under tmp_path first"
        path = tmp_path / "checked.privacy.json"
        save_project(project, path)
    else:
        path = project
    main(["check", str(path), "--lang", lang, "--format", "json"])
    found: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["findings"]
    return [f for f in found if code is None or f["code"] == code]
