#!/usr/bin/env bash
# Translation catalogues with Babel. The game reads the .po files directly when a language is
# first used, so there are no compiled files to go stale in the repository.
#   tools/i18n.sh extract         collect the UI's messages into assets/locale/redflags.pot
#   tools/i18n.sh update          merge the template into every language's redflags.po
#   tools/i18n.sh init LANG       start a new language (e.g. de)
#   tools/i18n.sh status          per language: translated, fuzzy and missing messages
#   tools/i18n.sh compile         check every catalogue compiles (writes .mo files, ignored by git)
# Which calls are extracted (_, N_, tr, ngettext, Button labels, Team names) is set in babel.cfg, which
# tests/i18n reads too. After `update`, translate every empty or "#, fuzzy" entry; the tests in
# tests/i18n fail until each message has a translation with the same {placeholders}.
set -euo pipefail
cd "$(dirname "$0")/.."
babel=".venv/bin/pybabel"
pot="assets/locale/redflags.pot"
# Babel reads `keywords` from babel.cfg only since 2.17; passing them as -k too works with any
# version (tests/i18n does the same with the extraction API).
keywords=()
for k in $(sed -n 's/^keywords *= *//p' babel.cfg); do keywords+=(-k "$k"); done
case "${1:-}" in
  extract) mkdir -p assets/locale
           "$babel" extract -F babel.cfg "${keywords[@]}" --project=redflags --copyright-holder="Red Flags contributors" \
             --msgid-bugs-address="" --add-comments=TRANSLATORS: --sort-by-file -o "$pot" game ;;
  update)  "$babel" update -i "$pot" -d assets/locale -D redflags --no-fuzzy-matching ;;
  init)    "$babel" init -i "$pot" -d assets/locale -D redflags -l "${2:?give a language code, e.g. de}" ;;
  status)  .venv/bin/python - "$pot" <<'PY'
import sys
from pathlib import Path
from babel.messages.pofile import read_po
ids = {m.id for m in read_po(open(sys.argv[1], "rb")) if m.id}
for po in sorted(Path("assets/locale").glob("*/LC_MESSAGES/redflags.po")):
    cat = read_po(po.open("rb"))
    # a message with a number is done when every plural form is filled in
    done = sum(1 for m in cat if m.id in ids and m.string and all(m.string) and not m.fuzzy)
    fuzzy = sum(1 for m in cat if m.id in ids and m.fuzzy)
    print(f"{po.parts[-3]}: {done}/{len(ids)} translated, {fuzzy} fuzzy, {len(ids) - done - fuzzy} missing")
PY
           ;;
  compile) "$babel" compile -d assets/locale -D redflags --statistics ;;
  *) sed -n '2,11p' "$0"; exit 2 ;;
esac
