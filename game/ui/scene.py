"""The scene contract: every hook the App calls, declared here with a default (after Tuxemon's
state stack). docs/ARCHITECTURE.md tells when the App calls each; in short, scenes below the top
are frozen (a paused card keeps its bubble timer exactly where it was), drawing starts at the
highest opaque scene, and scenes navigate only through the App and change the game only
through the session (`game/ui/flow.py` picks the play scene its phase wants).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import pygame

from game.ui.input import Input
from game.ui.layers import StaticLayer
from game.ui.text import ColumnFit
from game.ui.widgets import FocusGroup

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.context import Ui


class Reading(NamedTuple):
    """What a screen offers to read aloud: its texts in order, and the focused item."""

    parts: tuple[str, ...]  # what the screen shows so far, in reading order
    focus: str | None = None  # the focused item, spoken when the focus moves


def column_texts(*fits: ColumnFit) -> list[str]:
    """The texts of laid-out columns, in the order they are drawn (for `Scene.texts`)."""
    return [p.block.text for fit in fits for p in fit.placed]


class Scene:
    name = "scene"
    opaque = True  # False for overlays: the scene below is drawn first
    # Play scenes: which screen of the session this is, (kind, card index); None for the rest.
    # The App replaces the play scene when the session wants another one.
    play_key: tuple[str, int] | None = None
    group: FocusGroup | None = None  # the buttons keyboard focus moves through, if any

    @property
    def wants_text(self) -> bool:
        """True while a text box has focus: letters are text, not shortcuts."""
        return False

    def __init__(self, app: App) -> None:
        self.app = app
        self.ui: Ui = app.ui
        self.static_layer = StaticLayer()  # what the scene draws that does not change

    # -- lifecycle -------------------------------------------------------------------------

    def on_enter(self) -> None:
        """Pushed onto the stack."""

    def on_exit(self) -> None:
        """Removed from the stack."""

    def on_pause(self) -> None:
        """Another scene was pushed on top of this one."""

    def on_resume(self) -> None:
        """The scene on top was popped; this one is on top again."""

    def layout(self, size: tuple[int, int]) -> None:
        """Compute rects for this window size; called on enter and on every resize."""

    # -- input and time --------------------------------------------------------------------

    def handle(self, inp: Input) -> bool:
        """React to a named input; return True when consumed (else the App's defaults run)."""
        return False

    def update(self, dt: float) -> None:
        """Advance animations by `dt` seconds (only called while on top)."""

    def update_after(self, dt: float) -> None:
        """Called after `update` while on top (play scenes: the timer and the autosave)."""

    @property
    def animating(self) -> bool:
        """True while something moves, so the App keeps drawing frames instead of waiting."""
        return False

    # -- drawing ---------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the whole scene (or, for an overlay, itself over what is already there)."""

    def draw_after(self, surface: pygame.Surface) -> None:
        """Called after `draw` (play scenes: the timer pill and the notes panel on top)."""

    # -- read-aloud ------------------------------------------------------------------------

    def reading(self) -> Reading:
        """What the scene shows, as utterances in reading order, and its focused item.
        Scenes with text to read override `texts`; the focus comes from `spoken_focus`."""
        return Reading(tuple(t for t in self.texts() if t.strip()), self.spoken_focus())

    def texts(self) -> tuple[str, ...]:
        """The scene's texts in reading order, as far as they are shown (already translated)."""
        return ()

    def spoken_focus(self) -> str | None:
        """The focused item in words: the focused button's label, with its number."""
        button = self.group.focused if self.group is not None else None
        if button is None:
            return None
        text = str(button.text)
        if button.kind == "option" and button.badge.isdigit():
            return f"{button.badge}: {text}"
        return text
