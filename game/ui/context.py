"""The drawing context every scene shares: theme, metrics, text engine and the render log.

The render log records every text box drawn in a frame (rect, text, size, layer). Tests use it
to check that no text leaves the window, overlaps another, or is smaller than the floor —
assertions about layout that survive font or colour changes, unlike golden images.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pygame

from game.settings import Settings
from game.ui.layout import Metrics
from game.ui.text import Block, ColumnFit, FontBook, TextEngine, TextLayout
from game.ui.theme import Colour, get_theme

# The typographic scale beside the spacing scale: a named style is a font role, a size in
# Metrics, a colour in Theme and a vertical alignment; ui.text(style=...) takes overrides.
TEXT_STYLES = {
    "plain": ("body", "body", "text", "top"),
    "line": ("body", "body", "text", "middle"),  # one line centred in its box
    "strong": ("bold", "body", "text", "middle"),
    "title": ("display", "heading", "heading", "middle"),
    "label": ("semi", "small", "text", "middle"),
    "key": ("bold", "small", "text", "middle"),
    "note": ("body", "small", "text_muted", "middle"),
}


class TextRecord(NamedTuple):
    """One text box as drawn: where it landed (`rect`), the box it was given (`box`), what,
    how big; layout tests read these."""

    layer: float  # the stack position of the scene that drew it (+0.5: drawn over that scene)
    rect: pygame.Rect
    text: str
    size: int
    colour: Colour = (0, 0, 0)
    lines: tuple[str, ...] = ()
    box: pygame.Rect | None = None


@dataclass
class RenderLog:
    """Every text drawn in a frame, when enabled (tests and tools turn it on)."""

    enabled: bool = False
    layer: float = 0
    records: list[TextRecord] = field(default_factory=list)

    def replay(self, records: list[TextRecord]) -> None:
        """Log texts drawn earlier onto a cached surface again, as if drawn now."""
        if self.enabled:
            self.records.extend(r._replace(layer=self.layer) for r in records)

    def clear(self) -> None:
        self.records.clear()


def holds(box: pygame.Rect, lay: TextLayout) -> bool:
    """True when `lay` fits `box`. A line is measured with room for descenders below its
    letters; one line may use that room beyond a small box (a letter on a badge)."""
    if lay.w > box.w:
        return False
    if len(lay.lines) <= 1:
        return lay.h <= box.h + 2 * round(0.35 * lay.size)
    return lay.h <= box.h


class Ui:
    """Shared drawing state, in the look the settings choose (theme, font, text size, line
    spacing, motion)."""

    def __init__(self, look: Settings, size: tuple[int, int], font_dir: Path) -> None:
        self.font_dir = font_dir
        self.engine = TextEngine(FontBook(font_dir, look.font), float(look.line_spacing))
        self.m = Metrics(*size)
        self.log = RenderLog()
        self.static: dict[tuple[object, ...], pygame.Surface] = {}  # composed once per size
        self.restyle(look)

    def resize(self, size: tuple[int, int]) -> None:
        self.m = Metrics(size[0], size[1], self.text_scale, self.theme.name == "projector")
        self.static.clear()

    def restyle(self, look: Settings) -> None:
        """Apply changed settings: a new font or spacing gets a new text engine (its caches
        start empty), a new theme or size drops the composed backgrounds. The App re-lays out
        every scene afterwards."""
        spacing = float(look.line_spacing)
        if look.font != self.engine.fonts.family or spacing != self.engine.line_spacing:
            self.engine = TextEngine(FontBook(self.font_dir, look.font), spacing)
        else:
            self.engine.clear()
        self.theme = get_theme(look.theme)
        self.text_scale = float(look.text_scale)
        self.reduced_motion = bool(look.reduced_motion)
        self.resize((self.m.w, self.m.h))

    def colour(self, role: str) -> Colour:
        colour: Colour = getattr(self.theme, role)
        return colour

    # -- text ----------------------------------------------------------------------------

    def fit(
        self,
        text: str,
        rect: pygame.Rect,
        role: str = "body",
        size: int | None = None,
        min_size: int | None = None,
    ) -> TextLayout:
        size = size or self.m.body
        floor = min(min_size or self.m.min_font, size)
        lay = self.engine.fit(text, role, rect.w, rect.h, size, floor)
        last = min(floor, self.m.last_resort_font)
        if last < floor and not holds(rect, lay):
            # the box cannot hold the text even at the floor: smaller still, never outside it
            lay = self.engine.fit(text, role, rect.w, rect.h, floor - 1, last)
        return lay

    def text(
        self,
        surface: pygame.Surface,
        text: str,
        rect: pygame.Rect,
        *,
        style: str = "plain",
        role: str | None = None,
        size: int | None = None,
        colour: Colour | None = None,
        align: str = "left",
        valign: str | None = None,
        min_size: int | None = None,
        alpha: int = 255,
    ) -> pygame.Rect:
        """Fit `text` into `rect` in a TEXT_STYLES style (the other keywords override it), draw
        it and log it; returns the rect the text covers."""
        s_role, s_size, s_colour, s_valign = TEXT_STYLES[style]
        lay = self.fit(text, rect, role or s_role, size or getattr(self.m, s_size), min_size)
        colour = colour or getattr(self.theme, s_colour)
        return self.blit_layout(surface, lay, rect, colour, align, valign or s_valign, alpha)

    def blit_layout(
        self,
        surface: pygame.Surface,
        lay: TextLayout,
        rect: pygame.Rect,
        colour: Colour,
        align: str = "left",
        valign: str = "top",
        alpha: int = 255,
    ) -> pygame.Rect:
        img = self.engine.render(lay, colour, align, rect.w if align != "left" else None)
        dx = {"center": (rect.w - lay.w) // 2, "right": rect.w - lay.w}.get(align, 0)
        dy = {"middle": (rect.h - lay.h) // 2, "bottom": rect.h - lay.h}.get(valign, 0)
        if alpha < 255:
            img = img.copy()
            img.set_alpha(alpha)
        surface.blit(img, (rect.x, rect.y + dy))
        covered = pygame.Rect(rect.x + dx, rect.y + dy, lay.w, lay.h)
        if self.log.enabled and lay.text.strip():
            record = TextRecord(
                self.log.layer, covered, lay.text, lay.size, colour, lay.lines, pygame.Rect(rect)
            )
            self.log.records.append(record)
        return covered

    def column(
        self,
        blocks: list[Block],
        rect: pygame.Rect,
        size: int | None = None,
        min_size: int | None = None,
    ) -> ColumnFit:
        size = size or self.m.body
        return self.engine.fit_column(
            blocks, rect.w, rect.h, size, min(min_size or self.m.min_font, size)
        )

    def page_column(self, blocks: list[Block], rect: pygame.Rect, size: int) -> ColumnFit:
        """A column of a paged screen: at `size` down to `m.least`; only a group too big for a
        page of its own at that goes smaller, never outside its box."""
        fit = self.column(blocks, rect, size, self.m.least)
        return fit if fit.fits else self.column(blocks, rect, size, self.m.last_resort_font)

    def draw_column(
        self, surface: pygame.Surface, col: ColumnFit, rect: pygame.Rect, alpha: int = 255
    ) -> dict[str, pygame.Rect]:
        """Draw a fitted column at `rect`; returns the rects of tagged blocks."""
        tagged: dict[str, pygame.Rect] = {}
        for placed in col.placed:
            box = placed.rect.move(rect.x, rect.y)
            covered = self.blit_layout(
                surface,
                placed.layout,
                box,
                self.colour(placed.block.colour),
                placed.block.align,
                alpha=alpha,
            )
            if placed.block.tag:
                tagged[placed.block.tag] = covered
        return tagged
