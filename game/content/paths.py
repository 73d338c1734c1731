"""Where the game's data lives. One place, so tests and packaging can point it elsewhere.

The repository keeps its data in assets/ at the top; pyproject.toml installs that folder as the
package `game.assets`, and it is found here through importlib.resources, never through a path
relative to this file. So the same code works in a wheel, a pipx install, an editable install and
the PyInstaller app. REDFLAGS_ASSETS points it at another folder (tests).
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path


def _installed_assets() -> Path:
    root = files("game.assets")
    if isinstance(root, Path):
        return root
    # Not a plain folder (e.g. a zip import): fonts, gettext and the PDF writer need real files.
    path = Path(str(root))
    if path.is_dir():
        return path
    raise RuntimeError(f"The game's data is not in a folder the game can read: {root}")


ASSETS = Path(os.environ.get("REDFLAGS_ASSETS") or _installed_assets())
