"""The app build's entry point (tools/build-app.sh): the same command line as `redflags`."""

import os
import sys

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from game.cli import main  # noqa: E402 - after the environment is set

if __name__ == "__main__":
    sys.exit(main())
