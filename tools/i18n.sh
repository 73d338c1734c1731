#!/usr/bin/env bash
# Translation catalogues with Babel. The game reads the .po files directly when a language is
# first used, so there are no compiled files to go stale in the repository.
#   tools/i18n.sh extract         collect _() and N_() strings into assets/locale/redflags.pot
#   tools/i18n.sh update          merge the template into every language's redflags.po
#   tools/i18n.sh init LANG       start a new language (e.g. de)
#   tools/i18n.sh compile         check every catalogue compiles (writes .mo files, ignored by git)
set -euo pipefail
cd "$(dirname "$0")/.."
babel=".venv/bin/pybabel"
pot="assets/locale/redflags.pot"
case "${1:-}" in
  extract) mkdir -p assets/locale
           "$babel" extract -F babel.cfg -k _ -k N_ --project=redflags --copyright-holder="Red Flags contributors" \
             --msgid-bugs-address="" --sort-by-file -o "$pot" game ;;
  update)  "$babel" update -i "$pot" -d assets/locale -D redflags --no-fuzzy-matching ;;
  init)    "$babel" init -i "$pot" -d assets/locale -D redflags -l "${2:?give a language code, e.g. de}" ;;
  compile) "$babel" compile -d assets/locale -D redflags --statistics ;;
  *) sed -n '2,8p' "$0"; exit 2 ;;
esac
