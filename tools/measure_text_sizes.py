"""Issue 13 across every shipped card: the size every body text of a card's screens is drawn
at (the setup, every page of the chat, the question, the options, the explain screen, every page
of both feedback screens; TextRecord.size of the render log) at each text size of the settings,
and two counts per window size, theme and language:

- "smaller": a larger text size draws one of the card's texts smaller than the next smaller
  text size does (the text-size setting must only ever make every text larger or equal);
- "below": with the projector theme, a body text below 1/24 of the text height.

    .venv/bin/python tools/measure_text_sizes.py [--lang en sv] [--size 1024x768 1920x1080]
                                                 [--theme default projector] [--list N]

Prints one line per window size, theme and language, then up to N of the cases. Exit status 1
when there is any case. tests/ui/test_readable_every_card.py checks 1024×768 (en, sv).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("REDFLAGS_CONFIG_DIR", "/tmp/redflags-cards-config")
os.environ.setdefault("REDFLAGS_DATA_DIR", "/tmp/redflags-cards-data")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.ui.card_walk import text_size_cases  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", nargs="+", default=["en", "sv"])
    parser.add_argument("--size", nargs="+", default=["1024x768", "1920x1080"])
    parser.add_argument("--theme", nargs="+", default=["default", "projector"])
    parser.add_argument("--list", type=int, default=20, help="cases to print (each kind)")
    args = parser.parse_args(argv)
    bad = 0
    for lang in args.lang:
        for size_arg in args.size:
            w, h = (int(n) for n in size_arg.split("x"))
            for theme in args.theme:
                smaller, below, measured = text_size_cases((w, h), theme, lang)
                screens = Counter(c.split("|")[1].split()[0] for c in smaller + below)
                print(
                    f"{lang} {size_arg} {theme}: {measured} sizes measured, "
                    f"smaller {len(smaller)}, below 1/24 {len(below) if theme == 'projector' else '-'}"
                    + (f" (screens: {dict(screens)})" if screens else ""),
                    flush=True,
                )
                for line in smaller[: args.list] + below[: args.list]:
                    print("   ", line)
                bad += len(smaller) + len(below)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
