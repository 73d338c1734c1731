"""Compose what does not change once: the static layer of a scene, with its buttons at rest.

A scene's background, panels and text stay the same from frame to frame; only focus, hover and
animations change. `compose(scene, surface, paint, groups)` keeps two opaque surfaces:

- the *base*: what `paint` draws (everything but the buttons of `groups`), and
- the *composed* layer: the base plus every button of `groups` drawn at rest.

Both are rebuilt only when the window size, the theme, the fonts, the text size, the language,
`key`, or the look of a button at rest (label, rect, selected, enabled...) change. A frame then
costs one full-screen blit plus, for each focused, hovered or flashing button, a small blit of
the base under it and that one button drawn in its state. The texts painted into the layers
are put in the render log again on every frame, so layout tests see exactly what they would
see without the cache.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import pygame

from game.ui.context import RenderLog, TextRecord, Ui
from game.ui.services import current_language
from game.ui.widgets import Button, FocusGroup, draw_button, focus_ring


def _resting(b: Button) -> tuple[Any, ...]:
    return (
        b.id,
        b.text,
        b.kind,
        b.badge,
        b.enabled,
        b.selected,
        b.size,
        b.align,
        tuple(b.rect),
        id(b.icon) if b.icon is not None else None,
    )


def _replay(log: RenderLog, records: Sequence[TextRecord]) -> None:
    """Log the texts of a cached layer again, as if drawn now (on the current layer)."""
    if log.enabled:
        log.records.extend(replace(r, rect=pygame.Rect(r.rect), layer=log.layer) for r in records)


def _blank(surface: pygame.Surface) -> pygame.Surface:
    layer = pygame.Surface(surface.get_size())
    return layer.convert() if pygame.display.get_surface() is not None else layer


class StaticLayer:
    def __init__(self) -> None:
        self.key: Any = None
        self.base: pygame.Surface | None = None
        self.composed: pygame.Surface | None = None
        self.base_records: list[TextRecord] = []
        self.button_records: dict[int, list[TextRecord]] = {}

    def _capture(self, ui: Ui, start: int) -> list[TextRecord]:
        records = list(ui.log.records[start:])
        del ui.log.records[start:]
        return records

    def draw(
        self,
        ui: Ui,
        surface: pygame.Surface,
        paint: Callable[[pygame.Surface], None],
        groups: Sequence[FocusGroup] = (),
        key: Any = (),
        alpha: int = 255,
    ) -> None:
        buttons = [b for g in groups for b in g.buttons]
        full_key = (
            key,
            alpha,
            surface.get_size(),
            ui.theme,  # the whole theme: a changed colour redraws too
            ui.text_scale,
            id(ui.engine),
            ui.engine.fonts.family,
            ui.engine.line_spacing,
            current_language(),
            tuple(_resting(b) for b in buttons),
        )
        log = ui.log
        if full_key != self.key or self.base is None or self.composed is None:
            start = len(log.records)
            base = _blank(surface)
            paint(base)
            self.base_records = self._capture(ui, start)
            composed = base.copy()
            self.button_records = {}
            for b in buttons:
                start = len(log.records)
                draw_button(ui, composed, b, alpha=alpha)
                self.button_records[id(b)] = self._capture(ui, start)
            self.base, self.composed, self.key = base, composed, full_key
        surface.blit(self.composed, (0, 0))
        _replay(log, self.base_records)
        states = {
            id(b): (i == g.index, i == g.hover) for g in groups for i, b in enumerate(g.buttons)
        }
        redraw = [b for b in buttons if states[id(b)][1]]  # hovered: lifted, another fill
        if redraw:  # these and any button whose shadow they touch: base first, then drawn
            areas = {id(b): self._area(ui, b, surface) for b in buttons}
            while True:
                more = [
                    b
                    for b in buttons
                    if b not in redraw
                    and any(areas[id(b)].colliderect(areas[id(r)]) for r in redraw)
                ]
                if not more:
                    break
                redraw += more
            for b in redraw:
                area = areas[id(b)]
                surface.blit(self.base, area.topleft, area)
        for b in buttons:
            if b in redraw:
                focused, hovered = states[id(b)]
                draw_button(ui, surface, b, focused=focused, hovered=hovered, alpha=alpha)
            else:
                _replay(log, self.button_records.get(id(b), ()))
                if states[id(b)][0]:  # focused at rest: the same button plus the ring
                    radius = ui.m.radius if b.kind != "chip" else round(b.rect.h / 2.6)
                    focus_ring(ui, surface, b.rect, radius)

    @staticmethod
    def _area(ui: Ui, b: Button, surface: pygame.Surface) -> pygame.Rect:
        """Where `b` at rest drew: its body and its shadow (see widgets.panel and _shadow)."""
        spread = max(4, round(ui.m.unit * 1.2)) + 1
        drop = round(ui.m.unit * 0.8)
        shadow = b.rect.inflate(spread * 2, spread * 2).move(0, drop)
        return shadow.union(b.rect.inflate(2, 2)).clip(surface.get_rect())

    def clear(self) -> None:
        self.base = self.composed = None
        self.key = None


def compose(
    scene: object,
    surface: pygame.Surface,
    paint: Callable[[pygame.Surface], None],
    groups: Sequence[FocusGroup] = (),
    key: Any = (),
    alpha: int = 255,
) -> None:
    """Draw `scene`: its cached static layer, then its buttons that are focused or hovered."""
    layer = getattr(scene, "_static_layer", None)
    if layer is None:
        layer = StaticLayer()
        scene._static_layer = layer  # type: ignore[attr-defined]
    layer.draw(scene.ui, surface, paint, groups, key, alpha)  # type: ignore[attr-defined]
