"""The scene protocol of the stack (after Tuxemon's state stack).

The App calls `on_enter` when a scene is pushed, `on_pause` when another is pushed on top,
`on_resume` when that one is popped, `on_exit` when the scene is removed. Only the top scene
gets input and `update`; scenes below it are frozen (a paused card keeps its bubble timer
exactly where it was). Drawing starts at the highest opaque scene and goes up, so an overlay
(pause, help) shows the scene below it, dimmed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.input import Input
from game.ui.layers import StaticLayer

if TYPE_CHECKING:
    from game.ui.app import App


class Scene:
    name = "scene"
    opaque = True  # False for overlays: the scene below is drawn first
    wants_text = False  # True while a text box has focus: letters are text, not shortcuts

    def __init__(self, app: App) -> None:
        self.app = app
        self.ui = app.ui
        self.static_layer = StaticLayer()  # what the scene draws that does not change

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

    def handle(self, inp: Input) -> bool:
        """React to a named input; return True when consumed (else the App's defaults run)."""
        return False

    def update(self, dt: float) -> None:
        """Advance animations by `dt` seconds (only called while on top)."""

    @property
    def animating(self) -> bool:
        """True while something moves, so the App keeps drawing frames instead of waiting."""
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the whole scene (or, for an overlay, itself over what is already there)."""

    def update_after(self, dt: float) -> None:
        """Called after `update` while on top (play scenes: the timer and the autosave)."""

    def draw_after(self, surface: pygame.Surface) -> None:
        """Called after `draw` (play scenes: the timer pill and the notes panel on top)."""
