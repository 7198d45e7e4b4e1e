#!/usr/bin/env bash
# Lock the exact versions, with hashes, of everything the tests, CI and the frozen build install:
#
#   bash requirements/update.sh                          # re-lock, keeping the locked versions
#   bash requirements/update.sh --upgrade                # move everything to the newest allowed
#   bash requirements/update.sh --upgrade-package ruff   # move one package
#
# Reads the dependencies and the dependency groups of pyproject.toml and writes
#   requirements/test.txt     the app + the `test` group (with `lint`): scripts/bootstrap.sh, CI
#   requirements/package.txt  the app + the `package` group (PyInstaller): the frozen builds
# for every system (Linux, Windows, macOS) at once. Needs uv (`pip install uv`, or set UV to its
# path); the lock files are what pip installs with --require-hashes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
uv="${UV:-uv}"
common=(--universal --python-version 3.11 --generate-hashes --quiet
        --custom-compile-command "bash requirements/update.sh")
"$uv" pip compile pyproject.toml --group test "${common[@]}" -o requirements/test.txt "$@"
"$uv" pip compile pyproject.toml --group package "${common[@]}" -o requirements/package.txt "$@"
