#!/usr/bin/env bash
# Build the one-folder app for the computer this runs on (Linux, Windows under Git Bash, macOS):
#   dist/RedFlags/RedFlags(.exe)     Linux and Windows: double-click to play; with a command
#                                    (RedFlags validate my-deck.yaml) it is the `redflags` CLI
#   dist/Red Flags.app               macOS (the program is Red Flags.app/Contents/MacOS/RedFlags)
#   dist/RedFlags-<os>-<arch>.zip    what a teacher downloads
# One folder, not one file: a one-file build unpacks itself on every start (about 1.2 s) and
# antivirus tools flag that. The build uses its own venv, .venv-app, with exactly lock/app.txt
# (the game's pinned dependencies and PyInstaller, --require-hashes) and the game installed as a
# wheel would be (not editable), so the app finds its data the way a pip install does.
set -euo pipefail
cd "$(dirname "$0")/.."

case "$(uname -s)" in
  Linux*) os=linux ;;
  Darwin*) os=macos ;;
  MINGW*|MSYS*|CYGWIN*|Windows_NT) os=windows ;;
  *) echo "build-app.sh: unknown system $(uname -s)" >&2; exit 1 ;;
esac
case "$(uname -m)" in
  x86_64|AMD64|amd64) arch=x64 ;;
  arm64|aarch64) arch=arm64 ;;
  *) arch="$(uname -m)" ;;
esac

python="${PYTHON:-}"
if [ -z "$python" ]; then
  for candidate in python3.13 python3.12 python3.11 python3.10 python3 python; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
      python="$candidate"; break
    fi
  done
fi
[ -n "$python" ] || { echo "build-app.sh needs Python 3.10 or newer" >&2; exit 1; }

venv=".venv-app"
bin="$venv/bin"; [ "$os" = windows ] && bin="$venv/Scripts"
stamp="$venv/.installed"
want="$("$python" -c 'import hashlib; print(hashlib.sha256(open("lock/app.txt", "rb").read()).hexdigest()[:16])')"
if [ ! -x "$bin/python" ] && [ ! -x "$bin/python.exe" ]; then
  "$python" -m venv "$venv"
fi
pip=("$bin/python" -m pip --disable-pip-version-check --no-input)
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  "${pip[@]}" install -q --require-hashes -r lock/app.txt
  echo "$want" > "$stamp"
fi
# The game itself, as a wheel installs it (game/assets inside the package), every time: it is quick.
"${pip[@]}" install -q --no-deps --no-build-isolation --force-reinstall . 2>/dev/null \
  || "${pip[@]}" install -q --no-deps --no-build-isolation --force-reinstall .
rm -rf build/app build/lib build/bdist.* redflags.egg-info

rm -rf dist/RedFlags "dist/Red Flags.app"
# PyInstaller's cache of processed binaries in this checkout, not the user's home: two builds
# at once (two checkouts on one machine) must not read each other's half-written cache index
export PYINSTALLER_CONFIG_DIR="$PWD/build/pyinstaller"
(cd tools/app && "../../$bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath ../../dist --workpath ../../build/app redflags.spec)

if [ "$os" = macos ]; then
  rm -rf dist/RedFlags   # the .app holds the same folder
  folder="dist/Red Flags.app"
  cli="$folder/Contents/MacOS/RedFlags"
else
  folder="dist/RedFlags"
  cli="$folder/RedFlags"; [ "$os" = windows ] && cli="$cli.exe"
fi
[ -x "$cli" ] || { echo "build-app.sh: no $cli" >&2; exit 1; }
if find "$folder" -path '*pkg_resources*' | grep -q .; then
  echo "build-app.sh: pkg_resources got into the app" >&2; exit 1
fi

zip="dist/RedFlags-$os-$arch.zip"
rm -f "$zip"
case "$os" in
  macos) ditto -c -k --sequesterRsrc --keepParent "$folder" "$zip" ;;
  *) "$bin/python" -c "import shutil, sys; shutil.make_archive(sys.argv[1], 'zip', 'dist', 'RedFlags')" "${zip%.zip}" ;;
esac
echo "$cli" > dist/app-program.txt  # where the program is, for tests/packaging/test_app.py
echo "app: $folder ($(du -sh "$folder" | cut -f1)), $zip ($(du -h "$zip" | cut -f1))"
