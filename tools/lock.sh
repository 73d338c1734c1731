#!/usr/bin/env bash
# Refresh the lock files from pyproject.toml's ranges (newest versions that fit), then run the
# tests on them. Commit lock/ only when this ends with "tests passed on the new lock".
#   tools/lock.sh                          newest versions within the ranges
#   tools/lock.sh --upgrade-package ruff   extra options go to `uv pip compile`
# Why uv: one resolution for every platform and Python >= 3.10 (`--universal`, with markers such
# as colorama on Windows), hashes for every wheel of each pin, so the same lock installs on the
# Linux, Windows and macOS build runners; pip-tools resolves for the machine it runs on only.
# uv itself is only needed here, installed at a pinned version into .venv-lock/ (not the game's
# venv); installs use plain pip: pip install --require-hashes -r lock/....txt
#   lock/dev.txt      runtime + test + app extras + setuptools: test.sh, CI, build-app.sh, release
#   lock/runtime.txt  runtime + setuptools, the same versions as dev.txt: play.sh, the wheel test
#   lock/app.txt      runtime + PyInstaller, the same versions: tools/build-app.sh (and release.yml)
set -euo pipefail
cd "$(dirname "$0")/.."
uv_version="0.13.9"
if [ ! -x .venv-lock/bin/uv ] || [ "$(.venv-lock/bin/uv --version | cut -d' ' -f2)" != "$uv_version" ]; then
  python3 -m venv .venv-lock
  .venv-lock/bin/python -m pip install -q "uv==$uv_version"
fi
compile=(.venv-lock/bin/uv pip compile --quiet --universal --python-version 3.10 --generate-hashes
         --index-url https://pypi.org/simple --custom-compile-command "tools/lock.sh")
"${compile[@]}" "$@" pyproject.toml lock/build.in --extra test --extra app -o lock/dev.txt
# runtime.txt: the runtime subset, pinned to exactly the versions in dev.txt.
pins="$(mktemp)"; trap 'rm -f "$pins"' EXIT
grep -E '^[A-Za-z0-9._-]+==' lock/dev.txt | sed 's/ *\\$//' > "$pins"
"${compile[@]}" pyproject.toml lock/build.in -c "$pins" -o lock/runtime.txt
"${compile[@]}" pyproject.toml lock/build.in --extra app -c "$pins" -o lock/app.txt
sed -i "s#$pins#lock/dev.txt#" lock/runtime.txt lock/app.txt  # name the constraint, not the temp file
echo "lock/: $(grep -cE '^[A-Za-z0-9._-]+==' lock/dev.txt) packages in dev.txt, $(grep -cE '^[A-Za-z0-9._-]+==' lock/runtime.txt) in runtime.txt, $(grep -cE '^[A-Za-z0-9._-]+==' lock/app.txt) in app.txt" >&2
if [ "${LOCK_NO_TESTS:-}" != 1 ]; then
  rm -f .venv/.redflags-installed   # make setup-venv.sh install the new pins
  ./test.sh -q -m "not slow"
  echo "tests passed on the new lock: commit lock/ with pyproject.toml" >&2
fi
