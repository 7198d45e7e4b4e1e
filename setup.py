"""Build hook: which packages the wheel holds, and the message catalogues compiled into it.

All metadata is in pyproject.toml; two things need code and live here.

Packages. ``wizard`` and its subpackages are found by discovery (every folder with an
``__init__.py``), so a new subpackage cannot be left out of the wheel. The top-level folder
``resources/`` is installed as the import package ``wizard_resources``. Its folders (``data``,
``fonts``, ``locale/nl/LC_MESSAGES``...) hold data files only, but Python can import any folder
with a suitable name, so setuptools warns about each one that is not listed as a package: they
are listed, as namespace packages, found the same way.

Catalogues. The compiled catalogues (``resources/locale/<lang>/LC_MESSAGES/<domain>.mo``) are
build products and not in git, so a wheel built from a fresh clone (``pip install .``, ``pipx
install .``) would otherwise ship the Dutch, French and German policy untranslated. Before the
packages are listed, this runs the same compiler as ``python -m wizard.i18n_build`` (Babel is in
the build requirements of pyproject.toml), so the wheel and the sdist hold fresh ``.mo`` files.
Without ``translations/`` (a build from an sdist, which already holds the .mo files) it does
nothing.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from setuptools import find_namespace_packages, find_packages, setup

ROOT = Path(__file__).resolve().parent
RESOURCES = "wizard_resources"


def compile_catalogues() -> None:
    if not any((ROOT / "translations").glob("*/LC_MESSAGES/*.po")):
        return
    # Loaded from its file: importing the `wizard` package here would need its dependencies.
    spec = importlib.util.spec_from_file_location("_i18n_build", ROOT / "wizard" / "i18n_build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    count = module.compile_all(ROOT / "translations", ROOT / "resources" / "locale")
    print(f"compiled {count} message catalogues into resources/locale")


def resource_packages() -> list[str]:
    """``wizard_resources`` and every folder below it, as the build will find them."""
    found = {RESOURCES}
    for name in find_namespace_packages(where=str(ROOT / "resources"), exclude=["*__pycache__*"]):
        found.add(f"{RESOURCES}.{name}")
    return sorted(found)


compile_catalogues()
resources = resource_packages()
setup(
    packages=find_packages(where=str(ROOT), include=["wizard", "wizard.*"]) + resources,
    package_dir={RESOURCES: "resources"},
    # Every file in each resource folder (the .py files of `wizard` come in as modules).
    package_data={name: ["*"] for name in resources},
)
