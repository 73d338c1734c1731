#!/usr/bin/env bash
# Install (first time only) and start Red Flags. Any options go to the game, e.g.
#   ./play.sh --windowed 1280x720 --age 13-15
set -euo pipefail
cd "$(dirname "$0")"
tools/setup-venv.sh
exec .venv/bin/redflags "$@"
