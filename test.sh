#!/usr/bin/env bash
# Run every test: lint, layering, model, content, UI (headless), PDFs, and the end-to-end test
# in a real window under Xvfb. Installs what the tests need (Python packages into .venv, and the
# Debian packages xvfb, xdotool, imagemagick, poppler-utils and tesseract-ocr (to read the
# screenshots back), zbar-tools (the QR code) and chromium (the phone page) when they are missing).
# Python packages come from lock/dev.txt with --require-hashes (tools/setup-venv.sh), so every
# machine tests the same versions; tools/lock.sh refreshes the lock.
# Extra arguments go to pytest, e.g. ./test.sh -k session
set -euo pipefail
cd "$(dirname "$0")"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else return 1; fi
}

need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
[ -x /usr/bin/import ] || need+=(imagemagick)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v xwininfo >/dev/null || need+=(x11-utils)
command -v tesseract >/dev/null || need+=(tesseract-ocr tesseract-ocr-eng)
command -v zbarimg >/dev/null || need+=(zbar-tools)  # reads the phones' QR code back
[ -x /usr/bin/chromium ] || need+=(chromium)  # the phone page's browser test (Playwright drives it)
command -v objdump >/dev/null || need+=(binutils)  # PyInstaller reads the libraries' headers (app test)
if [ ${#need[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages for the window tests: ${need[*]}" >&2
  { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"; } >/dev/null \
    || { echo "Could not install ${need[*]}; the tests that need them will be skipped." >&2
         if [ "${CI:-}" = true ]; then echo "In CI that is a failure." >&2; exit 1; fi; }
fi

tools/setup-venv.sh test
export SDL_AUDIODRIVER=dummy
exec .venv/bin/python -m pytest -n 2 "$@"
