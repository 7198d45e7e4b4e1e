#!/usr/bin/env bash
# Refresh the message templates (translations/<domain>.pot) from the sources, and merge them into
# every existing catalogue (translations/<lang>/LC_MESSAGES/<domain>.po).
set -euo pipefail
cd "$(dirname "$0")/.."
pybabel=".venv/bin/pybabel"
for domain in policy ui documents; do
  "$pybabel" extract -F "translations/babel-$domain.cfg" -k N_ -k _ -c "TRANSLATORS:" \
    --sort-by-file --no-wrap --project "Privacy Wizard" --omit-header \
    -o "translations/$domain.pot" .
  for po in translations/*/LC_MESSAGES/"$domain".po; do
    [ -e "$po" ] || continue
    "$pybabel" update --no-wrap -D "$domain" -i "translations/$domain.pot" -o "$po" -l "$(basename "$(dirname "$(dirname "$po")")")"
  done
done
