"""Layout in relative units of the window, so one scene fits 640×480, a portrait window, 720p
and 1080p alike.

Text sizes derive from the height of the largest 4:3 area inside the window (`text_h`: the
height in a landscape window, less in a portrait one, so a tall narrow window does not get text
too wide for it), spacing from the smaller side (`Metrics.space`). The vocabulary scenes lay out
with: `stack` (rows top-down), `in_row` (boxes left to right), `flow` (chips wrapped onto lines),
the cutters `take_top` / `take_bottom`, and ONE paginator: `paginate` packs groups of content
into boxes at a fixed readable size (a screen pages instead of shrinking or leaving text out),
`page_columns` lays them out at one size, `Pages` remembers which page shows and where its
pager's circles are.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple, TypeVar

import pygame

from game.settings import TEXT_SCALES
from game.ui.input import Act, Input

if TYPE_CHECKING:
    from game.ui.context import Ui
    from game.ui.text import Block, ColumnFit

SPACE_SCALE = (0.0, 0.4, 0.8, 1.6, 2.6, 4.0, 6.0)  # in units of `Metrics.unit` (see `space`)
TOUCH = 44  # the least height of a click or touch target, in pixels

T = TypeVar("T")


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
    def least(self) -> int:
        """The least size of body text on a play screen: `reading`, and never below the body
        size of the next smaller text-size step, so a larger text size never draws body text
        smaller than a smaller one does (issue 13). Screens page rather than go below it."""
        below = self.step_below
        return self.reading if below is None else max(self.reading, below.body)

    @property
    def step_below(self) -> Metrics | None:
        """These metrics at the next smaller text-size step; None at the smallest."""
        below = [s for s in TEXT_SCALES if s < self.text_scale]
        return self._replace(text_scale=max(below)) if below else None

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
    def pip(self) -> int:
        """The diameter of a pager's circle (`Pages`): a touch target beside body text."""
        return max(TOUCH, round(self.body * 1.45))

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

    def space(self, step: int) -> int:
        """The spacing scale: 0 none, 1 a hairline, 2 a gap inside a group, 3 `gap`, 4 `pad`,
        5 between sections, 6 a margin. Scenes space with these, not with literals."""
        return round(self.unit * SPACE_SCALE[step])

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
    free = rect.w - gap * (len(weights) - 1)
    return in_row(rect, [free * w / sum(weights) for w in weights], gap)


def split_rows(rect: pygame.Rect, weights: Sequence[float], gap: float) -> list[pygame.Rect]:
    """Split vertically; weights are relative heights after the gaps are taken out."""
    free = rect.h - gap * (len(weights) - 1)
    return stack(rect, [free * w / sum(weights) for w in weights], gap)


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


def stack(rect: pygame.Rect, heights: Sequence[float | None], gap: float) -> list[pygame.Rect]:
    """Rows top-down with the given heights; the `None` ones share what is left equally."""
    fixed = sum(h for h in heights if h is not None)
    flexible = sum(1 for h in heights if h is None)
    share = max(0.0, rect.h - fixed - gap * (len(heights) - 1)) / max(1, flexible)
    out, y = [], float(rect.y)
    for h in heights:
        height = share if h is None else h
        out.append(pygame.Rect(rect.x, round(y), rect.w, round(height)))
        y += height + gap
    return out


def in_row(
    rect: pygame.Rect, widths: Sequence[float], gap: float, align: str = "left"
) -> list[pygame.Rect]:
    """Boxes left to right with the given widths, as tall as `rect`, placed at its left,
    centre or right (`align`)."""
    total = sum(widths) + gap * max(0, len(widths) - 1)
    x = {"left": rect.x, "center": rect.centerx - total / 2, "right": rect.right - total}[align]
    out = []
    for w in widths:
        out.append(pygame.Rect(round(x), rect.y, round(w), rect.h))
        x += w + gap
    return out


def flow(widths: Sequence[float], room: float, gap: float) -> list[list[int]]:
    """Wrap items of the given widths onto lines `room` wide: the indices on each line. An item
    wider than the room gets a line of its own."""
    lines: list[list[int]] = [[]]
    used = 0.0
    for i, w in enumerate(widths):
        if lines[-1] and used + gap + w > room:
            lines.append([])
            used = 0.0
        used += (gap if lines[-1] else 0) + w
        lines[-1].append(i)
    return lines if lines[0] else []


def paginate(groups: Sequence[Sequence[T]], fits: Callable[[int, list[T]], bool]) -> list[list[T]]:
    """Pack `groups` (each kept whole: a label and its text) in order into boxes: a box takes
    groups while `fits(box_number, items)` says they fit, then the next box starts (an empty
    group starts one too: a column break). A group too big for a box alone gets a box of its
    own. The boxes are a screen's pages, or its columns page after page (see `chunk`); nothing
    is ever left out."""
    boxes: list[list[T]] = []
    box: list[T] = []
    for group in groups:
        trial = box + list(group)
        if not group or box and not fits(len(boxes), trial):
            boxes.append(box)
            trial = list(group)
        box = trial
    return [*boxes, box]


def page_columns(
    ui: Ui,
    groups: Sequence[Sequence[Block]],
    box: Callable[[int], pygame.Rect],
    size: int,
    least: int,
) -> list[tuple[ColumnFit, pygame.Rect]]:
    """`groups` packed (`paginate`) into the boxes `box(0)`, `box(1)`… at `size` down to `least`,
    then all laid out at one size, the least any box needed, so columns side by side and page
    after page read alike; each column with its box, its labels and notes at their scale down to
    `m.least` when that is lower (never taller than measured). Only a group too big for a box
    of its own goes smaller, never outside its box."""

    def column(i: int, blocks: list[Block], top: int, floor: int = least) -> ColumnFit:
        return ui.column(blocks, box(i), top, floor)

    boxes = paginate(groups, lambda i, blocks: column(i, blocks, size).fits)
    base = min(column(i, b, size).base for i, b in enumerate(boxes))
    fits = [column(i, b, base, min(least, ui.m.least)) for i, b in enumerate(boxes)]
    return [
        (fit if fit.fits else column(i, b, base, ui.m.last_resort_font), box(i))
        for i, (fit, b) in enumerate(zip(fits, boxes, strict=True))
    ]


def chunk(items: Sequence[T], n: int) -> list[list[T]]:
    """`items` in runs of `n` (boxes into pages of n columns)."""
    return [list(items[i : i + n]) for i in range(0, len(items), max(1, n))] or [[]]


@dataclass
class Pages:
    """Which page of a paged screen shows, and its pager: a circle a page (`place`; drawn by
    widgets.draw_pips), each a click target. Turning never goes past the first or last page."""

    count: int = 1
    index: int = 0
    pips: list[pygame.Rect] = field(default_factory=list)

    def reset(self, count: int) -> None:
        """A new layout made `count` pages: stay on the same page where it still exists."""
        self.count = max(1, count)
        self.index = min(self.index, self.count - 1)

    def go(self, index: int) -> bool:
        """Show page `index`; False when it does not exist or already shows."""
        if not 0 <= index < self.count or index == self.index:
            return False
        self.index = index
        return True

    def turn(self, step: int) -> bool:
        return self.go(max(0, min(self.count - 1, self.index + step)))

    def key(self, inp: Input) -> bool:
        """Left/Right (when paged) or a click on a circle turn the pages: True when `inp` was for
        the pager, so the scene shows the page."""
        if inp.act is Act.CLICK:
            return self.go(self.at(inp.pos))
        if inp.act in (Act.LEFT, Act.RIGHT) and self.paged:
            self.turn(1 if inp.act is Act.RIGHT else -1)
            return True
        return False

    def place(self, row: pygame.Rect, d: int, gap: float) -> pygame.Rect:
        """The pager at the right of `row`, circles `d` wide (none for one page); returns the
        part of `row` left of it."""
        boxes = in_row(row, [d] * self.count, gap, "right") if self.paged else []
        self.pips = [box.inflate(0, d - box.h) for box in boxes]
        return pygame.Rect(row.x, row.y, (boxes[0].x if boxes else row.right) - row.x, row.h)

    def at(self, pos: tuple[int, int]) -> int:
        """The page whose circle is at `pos` (a touch target at least TOUCH tall), else -1."""
        hits = (pip.inflate(pip.w // 4, max(0, TOUCH - pip.h)) for pip in self.pips)
        return next((i for i, hit in enumerate(hits) if hit.collidepoint(pos)), -1)

    @property
    def paged(self) -> bool:
        return self.count > 1

    @property
    def last(self) -> bool:
        return self.index == self.count - 1
