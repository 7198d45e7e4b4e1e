#!/usr/bin/env bash
# Set up everything the app needs on a Debian/Ubuntu machine, then run the app or the test suite.
#
#   bash scripts/bootstrap.sh run [ARGS...]   # install, then start the wizard (ARGS go to privacy-wizard)
#   bash scripts/bootstrap.sh test [ARGS...]  # install, then run the whole test suite (ARGS go to pytest)
#
# Idempotent: system packages are installed only when missing, the virtual environment in .venv is
# reused, and pip only installs what changed.
set -euo pipefail

mode="${1:-run}"
shift || true
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

# System libraries the PyPI Qt wheels need even offscreen, a font, and the tools the tests use to
# read documents back (pdftotext, pdffonts, qpdf) and to show real windows on a virtual screen.
# The tests also open the HTML export in Debian's headless Chromium (driven through Playwright's
# Python package; `playwright install` is never run: it downloads a browser of its own).
apt_packages=(
  python3-venv python3-pip
  libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core
  xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0
)
if [ "$mode" = "test" ]; then
  # poppler-utils/qpdf read the PDFs back; xdotool types into the real window under Xvfb;
  # desktop-file-utils, appstream and shared-mime-info
  # validate the Linux desktop integration files; chromium opens the HTML export
  # to prove it makes no network request.
  apt_packages+=(poppler-utils qpdf chromium desktop-file-utils appstream shared-mime-info xdotool)
  # LibreOffice opens the DOCX as another office suite would (tests/test_render_docx_office.py).
  apt_packages+=(libreoffice-writer-nogui)
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${apt_packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
# The exact versions come from the lock file, checked against its hashes (requirements/, see
# README "Dependencies"); then the app itself, editable, without resolving anything again.
lock="requirements/test.txt"
stamp=".venv/.installed-$(cat pyproject.toml setup.py "$lock" | sha1sum | cut -c1-12)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q --require-hashes -r "$lock"
  .venv/bin/python -m pip install -q --no-deps -e .
  rm -f .venv/.installed-*
  touch "$stamp"
fi
# Compiled message catalogues are build products, made fresh from the .po files.
.venv/bin/python -m wizard.i18n_build

case "$mode" in
  run)
    exec .venv/bin/privacy-wizard "$@"
    ;;
  test)
    export QT_QPA_PLATFORM=offscreen
    exec .venv/bin/python -m pytest "$@"
    ;;
  *)
    echo "usage: bash scripts/bootstrap.sh run|test [ARGS...]" >&2
    exit 2
    ;;
esac
