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
from typing import TYPE_CHECKING, NamedTuple

import pygame

from game.ui.layout import paginate, take_top
from game.ui.services import tr

if TYPE_CHECKING:
    from collections.abc import Sequence

    from game.ui.context import Ui

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
    def figure(self) -> str:
        if self.team:  # a team's cell: its count (the share is the bar)
            return str(self.count)
        share = round(100 * self.count / self.of) if self.of else 0
        return f"{self.count}  ({share} %)"


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
        cells = [Cell("", count, total)] if not team_counts else [Cell(class_word, count, total)]
        cells += [
            Cell(letter, t[i] if i < len(t) else 0, team_totals[k], team=True)
            for k, (letter, t) in enumerate(zip(team_letters, team_counts))
        ]
        rows.append(BarRow(str(i + 1), label, tuple(cells)))
    return rows


class Widths(NamedTuple):
    """Measured at one text size: the parts of a cell, so bars line up from row to row."""

    gap: int
    class_who: int  # "All" (0 without teams)
    class_figure: int  # "00  (100 %)"
    team_who: int  # the widest team letter
    team_figure: int  # "00"

    @property
    def class_cell(self) -> int:
        return self.class_who + self.class_figure + self.gap * 2

    def least(self, cell: Cell, size: int) -> int:
        if cell.team:
            return self.team_who + round(size * BAR_TEAM) + self.team_figure + self.gap * 2
        return self.class_cell + round(size * BAR_CLASS)


def widths(ui: Ui, size: int, teams: bool) -> Widths:
    def w(text: str, role: str) -> int:
        return ui.engine.layout(text, role, size, 10_000).w

    gap = ui.m.gap
    return Widths(
        gap // 2,
        w(tr("All"), "semi") + gap // 2 if teams else 0,
        w("00  (100 %)", "display"),
        max(w(letter, "semi") for letter in "ABCDEFW") + gap // 2,
        w("00", "display"),
    )


def _lines(cells: Sequence[Cell], width: int, size: int, ws: Widths) -> list[list[int]]:
    """The cells of a row on lines: the class with as many teams as fit, then teams."""
    if len(cells) <= 1:
        return [[0]]
    lines: list[list[int]] = [[0]]
    used = ws.least(cells[0], size)
    for i, cell in enumerate(cells[1:], start=1):
        need = ws.least(cell, size)
        if used + need > width and lines[-1]:
            lines.append([])
            used = 0
        lines[-1].append(i)
        used += need
    return lines


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
    ws = widths(ui, size, len(row.cells) > 1)
    lines = len(_lines(row.cells, body_w, size, ws))
    return label.h + round(size * 0.25) + lines * line_h


def layout_bars(ui: Ui, area: pygame.Rect, rows: Sequence[BarRow], floor: int) -> BarsLayout:
    """The largest text size (from the body size down to `floor`) that fits every row on one
    page; at `floor` the rows go onto as many pages as they need."""
    gap = round(ui.m.pad * 0.5)
    top = max(ui.m.body, floor)
    for size in range(top, floor - 1, -1):
        heights = [_height(ui, r, area.w, size) for r in rows]
        if sum(heights) + gap * max(0, len(rows) - 1) <= area.h:
            return BarsLayout(size, heights, [list(range(len(rows)))], gap)
    heights = [_height(ui, r, area.w, floor) for r in rows]
    pages = paginate(
        [[i] for i in range(len(rows))],
        lambda _, items: sum(heights[i] for i in items) + gap * (len(items) - 1) <= area.h,
    )
    return BarsLayout(floor, heights, pages, gap)


def draw_bars(
    ui: Ui,
    surface: pygame.Surface,
    area: pygame.Rect,
    rows: Sequence[BarRow],
    lay: BarsLayout,
    page: int = 0,
) -> None:
    """One page of rows: the number, the text, then the class's bar and each team's."""
    m, t = ui.m, ui.theme
    size = lay.size
    badge_w, body_w, line_h = _geometry(ui, size, area.w)
    y = area.y
    for i in lay.pages[min(page, len(lay.pages) - 1)]:
        row = rows[i]
        box = pygame.Rect(area.x, y, area.w, lay.heights[i])
        badge = pygame.Rect(box.x, box.y, badge_w, box.h)
        ui.text(
            surface,
            row.number,
            badge,
            role="display",
            size=size,
            colour=t.heading,
            align="center",
            valign="middle",
        )
        body = pygame.Rect(badge.right + m.gap, box.y, body_w, box.h)
        label_h = ui.engine.layout(row.label, "body", size, body_w).h
        text_box, cells_box = take_top(body, label_h, round(size * 0.25))
        ui.text(surface, row.label, text_box, size=size, colour=t.text, min_size=size)
        ws = widths(ui, size, len(row.cells) > 1)
        lines = _lines(row.cells, body_w, size, ws)
        team_w = None
        if len(lines) > 1:  # the first line's teams share what the class's cell leaves
            team_w = (body_w - ws.least(row.cells[0], size)) // max(1, len(lines[0]) - 1)
        for n, line in enumerate(lines):
            line_box = pygame.Rect(cells_box.x, cells_box.y + n * line_h, cells_box.w, line_h)
            _draw_line(ui, surface, line_box, [row.cells[c] for c in line], size, ws, team_w)
        y += lay.heights[i] + lay.gap


def _draw_line(
    ui: Ui,
    surface: pygame.Surface,
    box: pygame.Rect,
    cells: list[Cell],
    size: int,
    ws: Widths,
    team_w: int | None = None,
) -> None:
    """Cells side by side: on one line they share it as their least widths say; when a row's
    teams take more lines, every team's cell is `team_w` wide and the lines are right-aligned,
    so the teams' bars line up in columns and all have one length."""
    t = ui.theme
    if team_w is not None:
        mins = [team_w if c.team else box.w - team_w * (len(cells) - 1) for c in cells]
        scale = 1.0
        x = box.right - sum(mins)
    else:
        mins = [ws.least(c, size) for c in cells] if len(cells) > 1 else [box.w]
        scale = box.w / sum(mins)
        x = box.x
    for cell, least in zip(cells, mins):
        w = round(least * scale)
        cell_box = pygame.Rect(x, box.y, w - ws.gap * 2, box.h - 2)
        x += w
        who_w = ws.team_who if cell.team else ws.class_who
        figure_w = ws.team_figure if cell.team else ws.class_figure
        if cell.who:
            ui.text(
                surface,
                cell.who,
                pygame.Rect(cell_box.x, cell_box.y, who_w, cell_box.h),
                role="semi",
                size=size,
                colour=t.heading,
                valign="middle",
                min_size=size,
            )
        bar = pygame.Rect(
            cell_box.x + who_w,
            cell_box.y + cell_box.h // 4,
            max(0, cell_box.w - who_w - figure_w - ws.gap),
            cell_box.h // 2,
        )
        pygame.draw.rect(surface, t.panel_edge, bar, width=1, border_radius=4)
        filled = bar.copy()
        filled.w = round(bar.w * cell.count / cell.of) if cell.of else 0
        if filled.w:
            pygame.draw.rect(surface, t.accent if cell.team else t.primary, filled, border_radius=4)
        ui.text(
            surface,
            cell.figure,
            pygame.Rect(bar.right + ws.gap, cell_box.y, figure_w + ws.gap, cell_box.h),
            role="display",
            size=size,
            colour=t.heading,
            valign="middle",
            min_size=size,
        )
