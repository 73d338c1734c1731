"""Draw what does not change once: the static layer of a scene, under its buttons.

`StaticLayer.draw` keeps one opaque surface, the *base*: everything `paint` draws but the
buttons. It is painted again only when something it shows changes (window size, look settings,
language, the scene's `key`, a button at rest); every frame blits it and draws the buttons over
it in their state, so a full 1080p frame costs a few milliseconds. Its texts go into the render
log again on every frame, so layout tests see what painting everything afresh would log.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pygame

from game.ui.context import TextRecord, Ui
from game.ui.services import current_language
from game.ui.widgets import Button, FocusGroup, draw_group


def _resting(b: Button) -> tuple[Any, ...]:
    """How a button looks when neither focused nor hovered (part of the base's key)."""
    return (b.id, b.text, b.kind, b.badge, b.enabled, b.selected, b.size, b.align, tuple(b.rect))


class StaticLayer:
    """One scene's composed base surface and the texts painted on it."""

    def __init__(self) -> None:
        self.key: tuple[Any, ...] | None = None
        self.base: pygame.Surface | None = None
        self.records: list[TextRecord] = []

    def draw(
        self,
        ui: Ui,
        surface: pygame.Surface,
        paint: Callable[[pygame.Surface], None],
        groups: Sequence[FocusGroup] = (),
        key: Any = (),
        alpha: int = 255,
        over: bool = False,
    ) -> None:
        """Blit the base (painting it first when anything it shows changed), then the buttons.
        An overlay's base (`over`) is transparent where it lets the screen below show."""
        buttons = [b for g in groups for b in g.buttons]
        full_key = (
            key,
            alpha,
            over,
            surface.get_size(),
            ui.theme,
            ui.text_scale,
            ui.engine,  # a new font or line spacing is a new engine
            current_language(),
            tuple(_resting(b) for b in buttons),
            # icons are drawn by functions: the same function draws the same picture
            tuple(b.icon for b in buttons),
        )
        log = ui.log
        if self.base is None or full_key != self.key:
            start = len(log.records)
            base = self.base
            if base is None or base.get_size() != surface.get_size():
                base = pygame.Surface(surface.get_size(), pygame.SRCALPHA if over else 0)
                if pygame.display.get_surface() is not None:
                    base = base.convert_alpha() if over else base.convert()
            else:  # paint over the old one: a 1080p surface is 8 MB, so no second one
                base.fill((0, 0, 0, 0))
            paint(base)
            self.records = log.records[start:]
            del log.records[start:]
            self.base, self.key = base, full_key
        surface.blit(self.base, (0, 0))
        log.replay(self.records)
        for group in groups:
            draw_group(ui, surface, group, alpha=alpha)

    def clear(self) -> None:
        """Let go of the surface (the scene left the stack)."""
        self.base = None
        self.key = None
        self.records = []
