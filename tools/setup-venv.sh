#!/usr/bin/env bash
# Make (or refresh) the project's virtual environment in .venv. Used by play.sh and test.sh.
# Usage: tools/setup-venv.sh [EXTRAS]   e.g. tools/setup-venv.sh test
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"

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

# Reinstall only when pyproject.toml or the extras changed, so starting the game stays quick.
stamp=".venv/.redflags-installed"
want="$(sha256sum pyproject.toml | cut -c1-16)-${extras}"
have="$(cat "$stamp" 2>/dev/null || true)"
if [ "$want" != "$have" ] && ! { [ -z "$extras" ] && [[ "$have" == "$(sha256sum pyproject.toml | cut -c1-16)-"* ]]; }; then
  echo "Setting up Red Flags (one time, takes a minute)..." >&2
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
  spec="."
  [ -n "$extras" ] && spec=".[${extras}]"
  .venv/bin/python -m pip install -q --disable-pip-version-check -e "$spec"
  echo "$want" > "$stamp"
fi
