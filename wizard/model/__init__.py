"""The answers model and the project file. Plain Python: never imports Qt."""

from wizard.model.answers import LANGUAGES, Project
from wizard.model.project_file import (
    FORMAT_VERSION,
    ProjectFileError,
    dumps_project,
    load_project,
    loads_project,
    project_schema,
    save_project,
)

__all__ = [
    "FORMAT_VERSION",
    "LANGUAGES",
    "Project",
    "ProjectFileError",
    "dumps_project",
    "load_project",
    "loads_project",
    "project_schema",
    "save_project",
]
