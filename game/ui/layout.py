"""Layout in relative units of the window, so one scene fits 1024×768, 720p and 1080p alike.

Text sizes derive from the height of the largest 4:3 area inside the window (`text_h`: the
height in a landscape window, less in a portrait one, so a tall narrow window does not get text
too wide for it), spacing from the smaller side; rect helpers split areas by weight.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

import pygame


class Metrics(NamedTuple):
    """Sizes for one window size and text scale. Text sizes are in pixels (font height)."""

    w: int
    h: int
    text_scale: float = 1.0
    projector: bool = False  # the projector theme: body text read from the back of a room

    @property
    def reading(self) -> int:
        """The least size of body text on a play screen (the chat, the options, the reasons,
        the feedback): 1/24 of the text height with the projector theme (about 32 px at 768,
        what the back of a classroom can read), else the floor. Screens page rather than
        shrink their body text below it."""
        return math.ceil(self.text_h / 24) if self.projector else self.min_font

    @property
    def text_h(self) -> int:
        """The height text is sized by: the window's, or 3/4 of its width when that is less."""
        return min(self.h, round(self.w * 0.75))

    @property
    def min_font(self) -> int:
        """Nothing is ever drawn smaller than 1/40 of the text height."""
        return math.ceil(self.text_h / 40)

    @property
    def last_resort_font(self) -> int:
        """A text whose box cannot hold it at `min_font` shrinks down to 1/50 of the text
        height rather than spill out of its box (a tiny window with the largest text)."""
        return math.ceil(self.text_h / 50)

    def font(self, fraction_of_h: float) -> int:
        return max(self.min_font, round(self.text_h * fraction_of_h * self.text_scale))

    @property
    def body(self) -> int:
        """Default body text: 1/28 of the text height (scaled by the player's setting), never
        below `reading`."""
        return max(self.reading, math.ceil(self.text_h / 28 * self.text_scale))

    @property
    def small(self) -> int:
        return self.font(1 / 34)

    @property
    def large(self) -> int:
        return max(self.reading, self.font(1 / 22))

    @property
    def heading(self) -> int:
        return max(self.reading, self.font(1 / 17))

    @property
    def play_large(self) -> int:
        """A play screen's question or heading: `large` without the text scale, so a larger
        text size gives its room to the body text (which never shrinks when it grows)."""
        return max(self.reading, self.min_font, round(self.text_h / 22))

    @property
    def play_small(self) -> int:
        """A play screen's reminder or label: `small` without the text scale."""
        return max(self.min_font, round(self.text_h / 34))

    @property
    def play_heading(self) -> int:
        """A play screen's title ("Not quite"): `heading` without the text scale."""
        return max(self.reading, self.min_font, round(self.text_h / 17))

    @property
    def unit(self) -> float:
        """One percent of the smaller side: the base of paddings and gaps."""
        return min(self.w, self.h) / 100

    @property
    def pad(self) -> int:
        return round(self.unit * 2.6)

    @property
    def gap(self) -> int:
        return round(self.unit * 1.6)

    @property
    def radius(self) -> int:
        return round(self.unit * 2.2)

    @property
    def screen(self) -> pygame.Rect:
        return pygame.Rect(0, 0, self.w, self.h)


def inset(rect: pygame.Rect, dx: float, dy: float | None = None) -> pygame.Rect:
    dy = dx if dy is None else dy
    return pygame.Rect(
        round(rect.x + dx), round(rect.y + dy), round(rect.w - 2 * dx), round(rect.h - 2 * dy)
    )


def split_cols(rect: pygame.Rect, weights: Sequence[float], gap: float) -> list[pygame.Rect]:
    """Split horizontally; weights are relative widths after the gaps are taken out."""
    total = sum(weights)
    free = rect.w - gap * (len(weights) - 1)
    out, x = [], float(rect.x)
    for wgt in weights:
        width = free * wgt / total
        out.append(pygame.Rect(round(x), rect.y, round(width), rect.h))
        x += width + gap
    return out


def split_rows(rect: pygame.Rect, weights: Sequence[float], gap: float) -> list[pygame.Rect]:
    total = sum(weights)
    free = rect.h - gap * (len(weights) - 1)
    out, y = [], float(rect.y)
    for wgt in weights:
        height = free * wgt / total
        out.append(pygame.Rect(rect.x, round(y), rect.w, round(height)))
        y += height + gap
    return out


def take_top(rect: pygame.Rect, height: float, gap: float = 0) -> tuple[pygame.Rect, pygame.Rect]:
    """Cut `height` off the top; return (top, rest below the gap)."""
    height = min(round(height), rect.h)
    top = pygame.Rect(rect.x, rect.y, rect.w, height)
    rest_y = rect.y + height + round(gap)
    return top, pygame.Rect(rect.x, rest_y, rect.w, max(0, rect.bottom - rest_y))


def take_bottom(
    rect: pygame.Rect, height: float, gap: float = 0
) -> tuple[pygame.Rect, pygame.Rect]:
    """Cut `height` off the bottom; return (bottom, rest above the gap)."""
    height = min(round(height), rect.h)
    bottom = pygame.Rect(rect.x, rect.bottom - height, rect.w, height)
    return bottom, pygame.Rect(rect.x, rect.y, rect.w, max(0, bottom.y - round(gap) - rect.y))


def centered(rect: pygame.Rect, w: float, h: float) -> pygame.Rect:
    r = pygame.Rect(0, 0, round(w), round(h))
    r.center = rect.center
    return r
