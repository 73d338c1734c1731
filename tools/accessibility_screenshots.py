"""Screenshots of every screen in every theme, headless, for looking at them with your own eyes.

    .venv/bin/python tools/accessibility_screenshots.py [OUT_DIR] [--scale 1.65] [--size 1024x768]

Writes OUT_DIR/<theme>-<size>-<mode>-<nn>-<screen>.png (default OUT_DIR: /tmp/redflags-shots).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("REDFLAGS_CONFIG_DIR", "/tmp/redflags-shots-config")
os.environ.setdefault("REDFLAGS_DATA_DIR", "/tmp/redflags-shots-data")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pygame  # noqa: E402

from game.model.session import Mode  # noqa: E402
from game.ui.theme import THEMES  # noqa: E402
from tests.ui.accessibility_walk import walk  # noqa: E402
from tests.ui.driver import Driver  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="/tmp/redflags-shots")
    parser.add_argument("--scale", type=float, default=1.65)
    parser.add_argument("--size", default="1024x768")
    parser.add_argument("--theme", action="append", help="only these themes")
    parser.add_argument("--mode", choices=["solo", "teams"], action="append")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    w, h = (int(v) for v in args.size.split("x"))
    for theme in args.theme or sorted(THEMES):
        for mode in [Mode(m) for m in (args.mode or ["solo", "teams"])]:
            d = Driver((w, h), theme=theme, text_scale=args.scale)
            for n, label in enumerate(walk(d, mode)):
                d.screenshot(out / f"{theme}-{w}x{h}-{mode.value}-{n:02d}-{label}.png")
            pygame.quit()
            for saved in Path(os.environ["REDFLAGS_DATA_DIR"]).glob("*"):
                saved.unlink()  # no "resume the last session?" offer on the next run
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
