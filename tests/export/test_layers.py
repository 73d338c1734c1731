"""The exports run without a window: they never import pygame."""

from __future__ import annotations

import subprocess
import sys


def test_exports_do_not_import_pygame() -> None:
    code = (
        "import sys, game.export.cards_pdf, game.export.guide_pdf, game.export.help_pdf, "
        "game.export.summary, game.export.cli_print; "
        "sys.exit(1 if any(m.split('.')[0] in ('pygame', 'pygame_gui') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
