"""Where the game's data lives. One place, so tests and packaging can point it elsewhere."""

from __future__ import annotations

import os
from pathlib import Path

ASSETS = Path(os.environ.get("REDFLAGS_ASSETS") or Path(__file__).resolve().parents[2] / "assets")
