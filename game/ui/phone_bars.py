"""The class's answers from the phones as bars: per choice its number, its text, and a bar with
the count and the share; in All-teams mode also a small bar per team, each with the team's
letter and count (never colour alone), so the facilitator sees how each team's phones answered
as well as the whole class.

Rows keep their text at the reading size (1/24 of the text height with the projector theme,
`Metrics.reading`): the largest size from the body size down to it that puts every row on one
page is used, and below that the rows go onto pages (`layout.paginate`) rather than shrink.
`bar_rows` makes the rows from the counts; `bar_row` both measures and draws a row, so the
sizes `layout_bars` tries are the ones `draw_bars` draws.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

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


@dataclass
class BarsLayout:
    size: int
    pages: list[list[int]]  # the rows of each page
    gap: int

    @property
    def paged(self) -> bool:
        return len(self.pages) > 1


def layout_bars(ui: Ui, area: pygame.Rect, rows: Sequence[BarRow], floor: int) -> BarsLayout:
    """The largest text size (from the body size down to `floor`) that fits every row on one
    page; at `floor` the rows go onto as many pages as they need."""
    gap = round(ui.m.pad * 0.5)
    for size in range(max(ui.m.body, floor), floor - 1, -1):
        heights = [bar_row(ui, row, area, size) for row in rows]
        if sum(heights) + gap * max(0, len(rows) - 1) <= area.h:
            return BarsLayout(size, [list(range(len(rows)))], gap)
    pages = paginate(  # the heights at the floor, from the last try
        [[i] for i in range(len(rows))],
        lambda _, items: sum(heights[i] for i in items) + gap * (len(items) - 1) <= area.h,
    )
    return BarsLayout(floor, pages, gap)


def draw_bars(
    ui: Ui,
    surface: pygame.Surface,
    area: pygame.Rect,
    rows: Sequence[BarRow],
    lay: BarsLayout,
    page: int = 0,
) -> None:
    y = area.y
    for i in lay.pages[page]:
        y += bar_row(ui, rows[i], area.move(0, y - area.y), lay.size, surface) + lay.gap


def draw_bar(
    ui: Ui, surface: pygame.Surface, rect: pygame.Rect, share: float, colour: Colour
) -> None:
    """An outlined bar, filled `share` (0 to 1) of its length."""
    pygame.draw.rect(surface, ui.theme.panel_edge, rect, width=1, border_radius=4)
    filled = pygame.Rect(rect.x, rect.y, round(rect.w * share), rect.h)
    if filled.w:
        pygame.draw.rect(surface, colour, filled, border_radius=4)


def bar_row(
    ui: Ui, row: BarRow, area: pygame.Rect, size: int, surface: pygame.Surface | None = None
) -> int:
    """Draw `row` at the top of `area` at text `size` (without a surface, only measure it);
    returns its height. The number, the text, then the class's bar and each team's. The parts
    of a cell (who, bar, figure) are measured once, so bars line up from row to row. On one
    line the cells share it as their least widths say; when a row's teams take more lines,
    every team's cell has one width and the lines are right-aligned, so the teams' bars line
    up in columns and all have one length."""

    def w(text: str, role: str) -> int:
        return ui.engine.layout(text, role, size, 10_000).w

    gap, badge_w, line_h = ui.m.gap // 2, round(size * 1.8), round(size * 1.5)
    body_w = area.w - badge_w - ui.m.gap
    # each pair is (the class's, a team's), indexed by `Cell.team`
    team_who = max(w(c, "semi") for c in "ABCDEFW")
    who = (w(tr("All"), "semi") + gap if len(row.cells) > 1 else 0, team_who + gap)
    figure = (w("00  (100 %)", "display"), w("00", "display"))
    bar = (round(size * BAR_CLASS), round(size * BAR_TEAM))
    least = [who[c.team] + bar[c.team] + figure[c.team] + gap * 2 for c in row.cells]
    lines = flow(least, body_w, 0)  # the class with as many teams as fit, then teams
    label_h = ui.engine.layout(row.label, "body", size, body_w).h
    height = label_h + round(size * 0.25) + len(lines) * line_h
    if surface is None:
        return height

    t = ui.theme
    label = partial(ui.text, surface, size=size, colour=t.heading, valign="middle", min_size=size)
    label(row.number, pygame.Rect(area.x, area.y, badge_w, height), role="display", align="center")
    body = pygame.Rect(area.right - body_w, area.y, body_w, height)
    text_box, cells_box = take_top(body, label_h, round(size * 0.25))
    ui.text(surface, row.label, text_box, size=size, min_size=size)
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
            cell_box.w -= gap * 2
            who_w, figure_w = who[cell.team], figure[cell.team]
            if cell.who:
                label(cell.who, pygame.Rect(cell_box.x, cell_box.y, who_w, cell_box.h), role="semi")
            bar_w = max(0, cell_box.w - who_w - figure_w - gap)
            bar_box = pygame.Rect(
                cell_box.x + who_w, cell_box.y + cell_box.h // 4, bar_w, cell_box.h // 2
            )
            draw_bar(ui, surface, bar_box, cell.share, t.accent if cell.team else t.primary)
            figure_box = pygame.Rect(bar_box.right + gap, cell_box.y, figure_w + gap, cell_box.h)
            label(cell.figure, figure_box, role="display")
    return height
