#!/usr/bin/env bash
# Build the frozen, offline one-folder app with PyInstaller:
#
#   bash packaging/build.sh        ->  dist/privacy-wizard/privacy-wizard
#
# Uses the project's virtual environment (.venv; created when missing, and the locked versions of
# the app's dependencies and PyInstaller installed into it from requirements/package.txt when
# missing), compiles the message catalogues, runs
# packaging/privacy-wizard.spec and smoke-tests the result. Nothing is downloaded during the build
# itself. Set PYTHON to the interpreter that creates .venv (default python3).
# Builds for the machine it runs on: Linux here; Windows and macOS see docs/packaging.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

venv_python=".venv/bin/python"
if [ ! -x "$venv_python" ]; then
  echo "build.sh: creating .venv"
  "${PYTHON:-python3}" -m venv .venv
fi
if ! "$venv_python" -c "import PyInstaller, wizard, wizard_resources" >/dev/null 2>&1; then
  echo "build.sh: installing the app and PyInstaller into .venv"
  # The locked versions, checked against their hashes: the same build every time.
  "$venv_python" -m pip install -q --require-hashes -r requirements/package.txt
  "$venv_python" -m pip install -q --no-deps -e .
fi

# The .mo catalogues are build products: make them fresh from translations/*.po.
"$venv_python" -m wizard.i18n_build

"$venv_python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/privacy-wizard.spec

app="dist/privacy-wizard/privacy-wizard"
"$app" --version
echo "build.sh: built $app ($(du -sh dist/privacy-wizard | cut -f1))"
