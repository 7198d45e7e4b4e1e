"""Build hook: compile the message catalogues into every wheel and sdist.

All metadata is in pyproject.toml. The compiled catalogues
(``resources/locale/<lang>/LC_MESSAGES/<domain>.mo``) are build products and not in git, so a
wheel built from a fresh clone (``pip install .``, ``pipx install .``) would otherwise ship the
Dutch, French and German policy untranslated. Before ``build_py`` and ``sdist`` this runs the
same compiler as ``python -m wizard.i18n_build``; Babel comes into the isolated build
environment through ``setup_requires``. Without ``translations/`` (a build from an sdist, which
already holds the .mo files) it does nothing.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parent


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


class BuildPyWithCatalogues(build_py):
    def run(self) -> None:
        compile_catalogues()
        super().run()


class SdistWithCatalogues(sdist):
    def run(self) -> None:
        compile_catalogues()
        super().run()


setup(
    cmdclass={"build_py": BuildPyWithCatalogues, "sdist": SdistWithCatalogues},
    setup_requires=["Babel>=2.14,<3"],
)
