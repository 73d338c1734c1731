"""The class's answers from the phones as bars: per choice its number, its text, and a bar with
the count and the share; in All-teams mode also a small bar per team, each with the team's
letter and count (never colour alone), so the facilitator sees how each team's phones answered
as well as the whole class.

Rows keep their text at the reading size (1/24 of the text height with the projector theme,
`Metrics.reading`): the largest size from the body size down to it that puts every row on one
page is used, and below that the rows go onto pages (`layout.paginate`) rather than shrink.
Self-contained: `bar_rows` makes the rows from the counts, `layout_bars` sizes and pages them,
`draw_bars` draws one page.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

import pygame

from game.ui.layout import flow, in_row, paginate, take_top
from game.ui.services import tr

if TYPE_CHECKING:
    from collections.abc import Sequence

    from game.ui.context import Ui
    from game.ui.theme import Colour

BAR_CLASS = 3.0  # the least bar of the class's cell, in text sizes
BAR_TEAM = 1.8  # the least bar of a team's cell


@dataclass(frozen=True)
class Cell:
    """One bar: whose it is (a team's letter; "All" or nothing for the class), how many chose
    this, of how many answered."""

    who: str
    count: int
    of: int
    team: bool = False

    @property
    def share(self) -> float:
        return self.count / self.of if self.of else 0.0

    @property
    def figure(self) -> str:
        """The class's count and share; a team's count (its share is the bar)."""
        return str(self.count) if self.team else f"{self.count}  ({round(100 * self.share)} %)"


@dataclass(frozen=True)
class BarRow:
    number: str
    label: str
    cells: tuple[Cell, ...]  # the class first, then each team

    @property
    def text(self) -> str:
        """The row in words (read aloud): the choice, then the class's and each team's count."""
        words = [f"{self.number}: {self.label}: {self.cells[0].figure}"]
        words += [f"{c.who} {c.figure}" for c in self.cells[1:]]
        return " · ".join(words)


def bar_rows(
    labels: Sequence[str],
    counts: Sequence[int],
    team_counts: Sequence[Sequence[int]] = (),
    team_letters: Sequence[str] = (),
) -> list[BarRow]:
    """The rows of a step's result: the class's counts, and per team its own when given."""
    total = sum(counts)
    team_totals = [sum(t) for t in team_counts]
    class_word = tr("All") if team_counts else ""
    rows = []
    for i, (label, count) in enumerate(zip(labels, counts)):
        cells = [Cell(class_word, count, total)]
        cells += [
            Cell(letter, t[i] if i < len(t) else 0, team_totals[k], team=True)
            for k, (letter, t) in enumerate(zip(team_letters, team_counts))
        ]
        rows.append(BarRow(str(i + 1), label, tuple(cells)))
    return rows


class Widths(NamedTuple):
    """Measured at one text size: the parts of a cell, so bars line up from row to row. Each
    pair is (the class's, a team's), indexed by `Cell.team`."""

    gap: int
    who: tuple[int, int]  # "All" (0 without teams), the widest team letter
    figure: tuple[int, int]  # "00  (100 %)", "00"

    def least(self, cell: Cell, size: int) -> int:
        bar = round(size * (BAR_TEAM if cell.team else BAR_CLASS))
        return self.who[cell.team] + bar + self.figure[cell.team] + self.gap * 2


def _lines(
    ui: Ui, cells: Sequence[Cell], width: int, size: int
) -> tuple[Widths, list[int], list[list[int]]]:
    """The parts of a cell measured, each cell's least width, and the cells on lines: the
    class with as many teams as fit, then teams."""

    def w(text: str, role: str) -> int:
        return ui.engine.layout(text, role, size, 10_000).w

    gap = ui.m.gap // 2
    class_who = w(tr("All"), "semi") + gap if len(cells) > 1 else 0
    team_who = max(w(c, "semi") for c in "ABCDEFW") + gap
    ws = Widths(gap, (class_who, team_who), (w("00  (100 %)", "display"), w("00", "display")))
    least = [ws.least(c, size) for c in cells]
    return ws, least, flow(least, width, 0)


@dataclass
class BarsLayout:
    size: int
    heights: list[int]  # per row
    pages: list[list[int]]  # the rows of each page
    gap: int

    @property
    def paged(self) -> bool:
        return len(self.pages) > 1


def _geometry(ui: Ui, size: int, width: int) -> tuple[int, int, int]:
    """(badge width, body width, cell line height) at a text size."""
    badge = round(size * 1.8)
    return badge, width - badge - ui.m.gap, round(size * 1.5)


def _height(ui: Ui, row: BarRow, width: int, size: int) -> int:
    _, body_w, line_h = _geometry(ui, size, width)
    label = ui.engine.layout(row.label, "body", size, body_w)
    return label.h + round(size * 0.25) + len(_lines(ui, row.cells, body_w, size)[2]) * line_h


def layout_bars(ui: Ui, area: pygame.Rect, rows: Sequence[BarRow], floor: int) -> BarsLayout:
    """The largest text size (from the body size down to `floor`) that fits every row on one
    page; at `floor` the rows go onto as many pages as they need."""
    gap = round(ui.m.pad * 0.5)
    for size in range(max(ui.m.body, floor), floor - 1, -1):
        heights = [_height(ui, r, area.w, size) for r in rows]
        if sum(heights) + gap * max(0, len(rows) - 1) <= area.h:
            return BarsLayout(size, heights, [list(range(len(rows)))], gap)
    pages = paginate(  # the heights at the floor, from the last try
        [[i] for i in range(len(rows))],
        lambda _, items: sum(heights[i] for i in items) + gap * (len(items) - 1) <= area.h,
    )
    return BarsLayout(floor, heights, pages, gap)


def draw_bar(
    ui: Ui, surface: pygame.Surface, rect: pygame.Rect, share: float, colour: Colour
) -> None:
    """An outlined bar, filled `share` (0 to 1) of its length."""
    pygame.draw.rect(surface, ui.theme.panel_edge, rect, width=1, border_radius=4)
    filled = pygame.Rect(rect.x, rect.y, round(rect.w * share), rect.h)
    if filled.w:
        pygame.draw.rect(surface, colour, filled, border_radius=4)


def draw_bars(
    ui: Ui,
    surface: pygame.Surface,
    area: pygame.Rect,
    rows: Sequence[BarRow],
    lay: BarsLayout,
    page: int = 0,
) -> None:
    """One page of rows: the number, the text, then the class's bar and each team's. On one
    line the cells share it as their least widths say; when a row's teams take more lines,
    every team's cell has one width and the lines are right-aligned, so the teams' bars line
    up in columns and all have one length."""
    t, size = ui.theme, lay.size
    badge_w, body_w, line_h = _geometry(ui, size, area.w)

    label = partial(ui.text, surface, size=size, colour=t.heading, valign="middle", min_size=size)

    y = area.y
    for i in lay.pages[min(page, len(lay.pages) - 1)]:
        row = rows[i]
        badge = pygame.Rect(area.x, y, badge_w, lay.heights[i])
        label(row.number, badge, role="display", align="center")
        body = pygame.Rect(area.right - body_w, y, body_w, lay.heights[i])
        label_h = ui.engine.layout(row.label, "body", size, body_w).h
        text_box, cells_box = take_top(body, label_h, round(size * 0.25))
        ui.text(surface, row.label, text_box, size=size, min_size=size)
        ws, least, lines = _lines(ui, row.cells, body_w, size)
        team_w = (body_w - least[0]) // max(1, len(lines[0]) - 1)
        for n, line in enumerate(lines):
            box = pygame.Rect(cells_box.x, cells_box.y + n * line_h, body_w, line_h - 2)
            if len(lines) > 1:
                cell_ws: list[float] = [
                    team_w if c else body_w - team_w * (len(line) - 1) for c in line
                ]
            else:
                cell_ws = [body_w * least[c] / sum(least) for c in line]
            for c, cell_box in zip(line, in_row(box, cell_ws, 0, align="right")):
                cell = row.cells[c]
                cell_box.w -= ws.gap * 2
                who_w, figure_w = ws.who[cell.team], ws.figure[cell.team]
                if cell.who:
                    label(
                        cell.who,
                        pygame.Rect(cell_box.x, cell_box.y, who_w, cell_box.h),
                        role="semi",
                    )
                bar_w = max(0, cell_box.w - who_w - figure_w - ws.gap)
                bar = pygame.Rect(
                    cell_box.x + who_w, cell_box.y + cell_box.h // 4, bar_w, cell_box.h // 2
                )
                draw_bar(ui, surface, bar, cell.share, t.accent if cell.team else t.primary)
                figure = pygame.Rect(bar.right + ws.gap, cell_box.y, figure_w + ws.gap, cell_box.h)
                label(cell.figure, figure, role="display")
        y += lay.heights[i] + lay.gap
