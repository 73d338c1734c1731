#!/usr/bin/env bash
# Make (or refresh) the project's virtual environment in .venv. Used by play.sh and test.sh.
# Usage: tools/setup-venv.sh          the game: exactly the versions in lock/runtime.txt
#        tools/setup-venv.sh test     the game and its tests and app build: lock/dev.txt
# Installs from the lock with pip's --require-hashes, removes what the lock does not list, then
# the project itself with --no-deps (editable). The lock is refreshed with tools/lock.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  "") lock="lock/runtime.txt" ;;
  test) lock="lock/dev.txt" ;;
  *) echo "Usage: tools/setup-venv.sh [test]" >&2; exit 2 ;;
esac

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

python=""
for candidate in python3.13 python3.12 python3.11 python3.10 python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
    python="$candidate"; break
  fi
done
if [ -z "$python" ]; then
  echo "Red Flags needs Python 3.10 or newer. On Debian or Ubuntu: sudo apt install python3 python3-venv" >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  if ! "$python" -m venv .venv 2>/dev/null; then
    echo "Installing python3-venv (needs administrator rights)..." >&2
    rm -rf .venv
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv \
      || { echo "Could not install python3-venv. Ask your IT team to run: apt install python3-venv" >&2; exit 1; }
    "$python" -m venv .venv
  fi
fi

# Reinstall only when pyproject.toml or the lock changed, so starting the game stays quick. A venv
# set up for the tests (lock/dev.txt holds every pin of lock/runtime.txt) serves play.sh as well.
stamp=".venv/.redflags-installed"
digest() { cat pyproject.toml "$1" | sha256sum | cut -c1-16; }
want="$(digest "$lock") $lock"
have="$(cat "$stamp" 2>/dev/null || true)"
if [ "$want" != "$have" ] && ! { [ "$lock" = lock/runtime.txt ] && [ "$have" = "$(digest lock/dev.txt) lock/dev.txt" ]; }; then
  echo "Setting up Red Flags from $lock (one time, takes a minute)..." >&2
  rm -f "$stamp"
  pip=(.venv/bin/python -m pip --disable-pip-version-check --no-input)
  "${pip[@]}" install -q --require-hashes -r "$lock"
  # Versions the lock does not list (left by an older lock) go, so this venv is the lock.
  extra="$(.venv/bin/python - "$lock" <<'PY'
import re, sys
from importlib.metadata import distributions
norm = lambda n: re.sub(r"[-_.]+", "-", n).lower()
locked = {norm(m.group(1)) for m in re.finditer(r"^([A-Za-z0-9._-]+)==", open(sys.argv[1]).read(), re.M)}
keep = locked | {"pip", "redflags"}
print(" ".join(sorted({norm(d.metadata["Name"]) for d in distributions()} - keep)))
PY
)"
  if [ -n "$extra" ]; then
    # shellcheck disable=SC2086
    "${pip[@]}" uninstall -q -y $extra
  fi
  # The project itself: no dependencies (the lock has them), built with the locked setuptools.
  "${pip[@]}" install -q --no-deps --no-build-isolation -e . 2>/dev/null \
    || "${pip[@]}" install -q --no-deps --no-build-isolation -e .
  echo "$want" > "$stamp"
fi
