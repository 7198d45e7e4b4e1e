"""Opening a project for use: the project file's own checks plus its references to the bundled
catalogues.

The model cannot see the catalogues (it sits below them), so an id that names nothing, such as a
typo in ``authority.catalog_id``, would load and then silently leave the authority out of the
policy. The command line and the wizard open projects through :func:`open_project`, which refuses
such a file with the field's path, like every other problem.
"""

from __future__ import annotations

import os
from pathlib import Path

from wizard.model.answers import Project
from wizard.model.project_file import ProjectFileError, load_project


def reference_problems(project: Project) -> list[str]:
    """Every catalogue id in ``project`` that the bundled catalogues do not know, by path."""
    from wizard.catalog.authorities import authority
    from wizard.catalog.processors import processor

    problems = []
    catalog_id = project.authority.catalog_id
    if catalog_id is not None and authority(catalog_id) is None:
        problems.append(
            f"authority.catalog_id: unknown supervisory authority {catalog_id!r} "
            "(not in the bundled list of authorities)"
        )
    for index, recipient in enumerate(project.recipients):
        if recipient.catalog_id is not None and processor(recipient.catalog_id) is None:
            problems.append(
                f"recipients[{index}].catalog_id: unknown catalogue entry "
                f"{recipient.catalog_id!r} (not in the bundled processor catalogue)"
            )
    return problems


def open_project(path: str | os.PathLike[str]) -> Project:
    """Load a project file and check its catalogue references; :class:`ProjectFileError` else."""
    project = load_project(path)
    problems = reference_problems(project)
    if problems:
        raise ProjectFileError(str(Path(path)), problems)
    return project
