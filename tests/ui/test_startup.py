"""Start-up (issue 16): the title is drawn before the deck, glossary and plan models are imported.

pydantic, YAML and the content models take about 60 ms to import, more than a bare pygame-ce
window takes to open; they come when first needed (a game, the card browser, the help screen).
`redflags bench` measures the time; this test only checks which modules the first frame needed,
so it does not depend on how busy the machine is.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = (
    "pydantic",
    "yaml",
    "game.content.decks",
    "game.content.glossary",
    "game.content.plans",
    "game.phones.room",  # with secrets and hashlib
)

PROGRAM = f"""
import sys
from game.cli import main
code = main(["--windowed", "800x600"])
print("loaded:", ",".join(m for m in {HEAVY!r} if m in sys.modules))
sys.exit(code)
"""


def test_the_first_frame_needs_no_deck_or_glossary_models(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
        "REDFLAGS_CONFIG_DIR": str(tmp_path / "config"),
        "REDFLAGS_DATA_DIR": str(tmp_path / "data"),
        "REDFLAGS_EXIT_AFTER_FIRST_FRAME": "1",
    }
    proc = subprocess.run(
        [sys.executable, "-c", PROGRAM],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "first-frame-at" in proc.stdout
    loaded = proc.stdout.split("loaded:", 1)[1].strip()
    assert loaded == "", f"imported before the first frame: {loaded}"
