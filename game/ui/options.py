"""What the command line hands to the UI. A plain dataclass so the CLI needs no pygame."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.model.kinds import AgeBand


@dataclass
class RunOptions:
    """Start-up choices for `game.ui.app.run`; `None` means "use the setting or the default".

    `age_band`, `cards` and `seed` pre-fill the setup screen (they do not skip it), so a teacher
    can still check the choices on the projector before the first card.
    """

    deck_paths: list[Path] | None = None
    age_band: AgeBand | None = None
    language: str | None = None
    cards: int | None = None
    seed: int | None = None
    fullscreen: bool = False
    window_size: tuple[int, int] | None = None
    region: str | None = None
    plan: str | None = None  # a lesson plan's id, chosen in setup
    presenter: bool | None = None  # None: offered when two displays are connected
