"""Draw what does not change once: the static layer of a scene, under its buttons.

A scene's background, panels and text stay the same from frame to frame; only focus, hover and
animations change. `compose(scene, surface, paint, groups)` keeps one opaque surface, the
*base*: what `paint` draws (everything but the buttons of `groups`). It is rebuilt only when the
window size, the theme, the fonts, the text size, the language, `key`, or the look of a button at
rest (label, rect, selected, enabled...) change.

A full frame blits the base and draws every button in its state; when full frames recur (under
an overlay, during a fade) the base with the buttons at rest is kept as a second surface, the
*composed* layer, and only the buttons not at rest are drawn over it. When the screen still
holds this layer from the last frame (game/ui/screen_memory.py), a frame repaints only the areas
whose look changed: the base under them, then every button touching them, in order, clipped, so
the result is the same pixels a full frame would give (tests/ui/test_screen_memory.py checks
this). A repainted area is kept, and when the same area with the same buttons in the same state
comes back (the mouse going to and fro), it is one blit. The texts of the base and of the
buttons are put in the render log again on every frame, so layout tests see exactly what a full
frame logs.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

import pygame

from game.ui.context import RenderLog, TextRecord, Ui
from game.ui.services import current_language
from game.ui.widgets import Button, FocusGroup, button_area, draw_button

# bytes of repainted areas kept per scene: half the window's pixels (4 MB at 1080p)
SNAPSHOT_BUDGET_MIN = 2 * 1024 * 1024


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
        log.records.extend(r._replace(rect=pygame.Rect(r.rect), layer=log.layer) for r in records)


def _distinct(rects: list[pygame.Rect]) -> list[pygame.Rect]:
    """The rects without repeats or ones inside another (each is repainted once)."""
    out: list[pygame.Rect] = []
    for r in sorted(rects, key=lambda r: -r.w * r.h):
        if r.w > 0 and r.h > 0 and not any(o.contains(r) for o in out):
            out.append(r)
    return out


def _blank(surface: pygame.Surface) -> pygame.Surface:
    layer = pygame.Surface(surface.get_size())
    return layer.convert() if pygame.display.get_surface() is not None else layer


class StaticLayer:
    def __init__(self) -> None:
        self.key: Any = None
        self.version = 0
        self.base: pygame.Surface | None = None
        self.composed: pygame.Surface | None = None  # the base and the buttons at rest
        self.full_frames = 0  # full frames drawn of this version of the base
        # repainted areas as they looked: (rect, buttons touching it and their looks) -> pixels
        self.snapshots: OrderedDict[tuple[Any, ...], pygame.Surface] = OrderedDict()
        self.snapshot_bytes = 0
        # where each button draws, in each state: (id, focused, hovered) -> area
        self.areas: dict[tuple[int, bool, bool], pygame.Rect] | None = None
        self.base_records: list[TextRecord] = []
        self.button_records: dict[tuple[int, bool, bool], list[TextRecord]] = {}

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
            ui.theme,  # another theme is another object: its colours redraw
            ui.text_scale,
            id(ui.engine),
            ui.engine.fonts.family,
            ui.engine.line_spacing,
            current_language(),
            tuple(_resting(b) for b in buttons),
        )
        log = ui.log
        if full_key != self.key or self.base is None:
            start = len(log.records)
            base = _blank(surface)
            paint(base)
            self.base_records = self._capture(ui, start)
            self.base, self.key = base, full_key
            self.composed = None
            self.areas = None
            self.forget_snapshots()
            self.full_frames = 0
            self.button_records = {}
            self.version += 1
        states = {
            id(b): (i == g.index, i == g.hover) for g in groups for i, b in enumerate(g.buttons)
        }
        if self.areas is None:  # the rects are part of the key: the same for this version
            self.areas = {
                (id(b), f, h): button_area(ui, b, f, h)
                for b in buttons
                for f in (False, True)
                for h in (False, True)
            }
        areas = {id(b): self.areas[(id(b), *states[id(b)])] for b in buttons}  # as they are now
        lively = [  # buttons not at rest, and how they look
            (areas[id(b)], (id(b), *states[id(b)])) for b in buttons if any(states[id(b)])
        ]
        memory = ui.memory
        bounds = surface.get_rect()
        updated: list[pygame.Rect] | None = None  # None: the whole screen
        if memory.holds(self, self.version, surface):
            # what changed since the last frame: marks that went or came, and toasts or timers
            last = memory.last_marks
            changed = [r for r, what in last if what is None or (r, what) not in lively]
            changed += [r for r, what in lively if (r, what) not in last]
            repaint = _distinct([r.clip(bounds) for r in changed])
            updated = repaint
        else:
            self.full_frames += 1
            if self.composed is None and self.full_frames > 1:
                # full frames recur (under an overlay, during a fade): keep the picture at rest
                self.composed = self._compose(ui, buttons, alpha)
            if self.composed is not None:
                surface.blit(self.composed, (0, 0))
                repaint = _distinct([r.clip(bounds) for r, _ in lively])
            else:
                repaint = [bounds]
        _replay(log, self.base_records)
        self._repaint(ui, surface, buttons, states, areas, repaint, alpha)
        memory.painted(self, self.version, updated, lively)

    def _repaint(
        self,
        ui: Ui,
        surface: pygame.Surface,
        buttons: list[Button],
        states: dict[int, tuple[bool, bool]],
        areas: dict[int, pygame.Rect],
        rects: list[pygame.Rect],
        alpha: int,
    ) -> None:
        """Make `rects` what a full frame would show: the base, then every button touching
        them in its state, in order, each clipped to the rect. Then log every button's texts."""
        log = ui.log
        start = len(log.records)
        fresh: dict[tuple[int, bool, bool], list[TextRecord]] = {}
        clip = surface.get_clip()
        small = surface.get_width() * surface.get_height() // 4
        for r in rects:
            if r.w <= 0 or r.h <= 0:
                continue
            touching = [b for b in buttons if areas[id(b)].colliderect(r)]
            looks = tuple((id(b), *states[id(b)]) for b in touching)
            key = (tuple(r), looks)
            snap = self.snapshots.get(key)
            if snap is not None and all(k in self.button_records for k in looks):
                self.snapshots.move_to_end(key)  # the same area, the same buttons, the same looks
                surface.blit(snap, r.topleft)
                continue
            surface.set_clip(r)
            surface.blit(self.base, r.topleft, r)
            for b in touching:
                focused, hovered = states[id(b)]
                mark = len(log.records)
                draw_button(ui, surface, b, focused=focused, hovered=hovered, alpha=alpha)
                fresh.setdefault((id(b), focused, hovered), log.records[mark:])
            surface.set_clip(clip)
            if r.w * r.h <= small:
                self._keep(key, surface.subsurface(r).copy())
        del log.records[start:]
        self.button_records.update(fresh)
        for b in buttons:
            _replay(log, self.button_records.get((id(b), *states[id(b)]), ()))

    def _keep(self, key: tuple[Any, ...], snap: pygame.Surface) -> None:
        """Remember a repainted area, forgetting the longest unused ones past the budget."""
        assert self.base is not None
        self.snapshots[key] = snap
        self.snapshot_bytes += snap.get_width() * snap.get_height() * snap.get_bytesize()
        budget = max(SNAPSHOT_BUDGET_MIN, self.base.get_width() * self.base.get_height() * 2)
        while self.snapshot_bytes > budget and len(self.snapshots) > 1:
            _, old = self.snapshots.popitem(last=False)
            self.snapshot_bytes -= old.get_width() * old.get_height() * old.get_bytesize()

    def _compose(self, ui: Ui, buttons: list[Button], alpha: int) -> pygame.Surface:
        """The base with every button at rest (and their texts, for the log)."""
        assert self.base is not None
        composed = self.base.copy()
        log = ui.log
        start = len(log.records)
        for b in buttons:
            mark = len(log.records)
            draw_button(ui, composed, b, alpha=alpha)
            self.button_records[(id(b), False, False)] = log.records[mark:]
        del log.records[start:]
        return composed

    def forget_snapshots(self) -> None:
        self.snapshots.clear()
        self.snapshot_bytes = 0

    def clear(self) -> None:
        self.base = self.composed = None
        self.key = None
        self.forget_snapshots()


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
