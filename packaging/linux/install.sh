#!/usr/bin/env bash
# Install Privacy Wizard's desktop integration for the current user (no root needed):
# the launcher (.desktop), the icons, the MIME type of project files (*.privacy.json) and the
# AppStream metadata, under ${XDG_DATA_HOME:-~/.local/share}, plus a `privacy-wizard` link in
# ~/.local/bin.
#
#   bash packaging/linux/install.sh              # the frozen app, dist/privacy-wizard/ (build.sh)
#   bash packaging/linux/install.sh --venv       # the command in .venv (a development checkout)
#   bash packaging/linux/install.sh --exec PATH  # any other privacy-wizard executable
#   bash packaging/linux/install.sh --uninstall  # remove everything this installed
#
# The frozen app is used where it is (install.sh does not copy it): move dist/privacy-wizard
# somewhere permanent first, e.g. ~/.local/lib/privacy-wizard, and pass --exec.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
app_id="io.github.privacywizard.PrivacyWizard"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
bindir="$HOME/.local/bin"

target="$root/dist/privacy-wizard/privacy-wizard"
uninstall=0
case "${1:-}" in
  "") ;;
  --venv) target="$root/.venv/bin/privacy-wizard" ;;
  --exec) target="$(realpath "${2:?usage: install.sh --exec PATH}")" ;;
  --uninstall) uninstall=1 ;;
  *) echo "usage: bash packaging/linux/install.sh [--venv | --exec PATH | --uninstall]" >&2; exit 2 ;;
esac

refresh() {
  command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
}

if [ "$uninstall" -eq 1 ]; then
  rm -f "$data/applications/$app_id.desktop" "$data/metainfo/$app_id.metainfo.xml" \
        "$data/mime/packages/$app_id.xml"
  find "$data/icons/hicolor" -name "$app_id.*" -delete 2>/dev/null || true
  if [ -L "$bindir/privacy-wizard" ]; then rm -f "$bindir/privacy-wizard"; fi
  refresh
  echo "Privacy Wizard's desktop integration removed."
  exit 0
fi

if [ ! -x "$target" ]; then
  echo "install.sh: $target is not there; build it first (bash packaging/build.sh) or use --venv" >&2
  exit 1
fi

install -d "$data/applications" "$data/metainfo" "$data/mime/packages" "$bindir"
# Exec and TryExec get the absolute path, so the launcher works without ~/.local/bin in PATH.
sed -e "s|^Exec=privacy-wizard|Exec=\"$target\"|" -e "s|^TryExec=privacy-wizard|TryExec=$target|" \
  "$here/$app_id.desktop" > "$data/applications/$app_id.desktop"
install -m 644 "$here/$app_id.metainfo.xml" "$data/metainfo/"
install -m 644 "$here/$app_id.xml" "$data/mime/packages/"
(cd "$here/icons" && find hicolor -type f -name "$app_id.*" | while read -r f; do
  install -D -m 644 "$f" "$data/icons/$f"
done)
ln -sfn "$target" "$bindir/privacy-wizard"
refresh
echo "Privacy Wizard installed for $(id -un): $data/applications/$app_id.desktop -> $target"
