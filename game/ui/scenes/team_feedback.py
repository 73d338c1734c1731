"""All teams: the feedback for every team at once. Each option with its rating (icon AND word)
and the teams that chose it; each reason, the right one ticked, with the teams that gave it;
the points per team (a click on a team, or B then its letter, gives +1 for a good spoken
explanation); the takeaway and the red flag."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.model.kinds import Rating
from game.ui.facilitator import give_award
from game.ui.layout import in_row, inset, paginate, split_cols, stack, take_bottom
from game.ui.scenes.common import CHIP_PAD, team_chip
from game.ui.scenes.feedback import (
    LABEL,
    FeedbackBase,
    Icons,
    fit_side_by_side,
    flag_text,
)
from game.ui.services import N_, ngettext, tr
from game.ui.text import Block, ColumnFit, block_groups
from game.ui.widgets import draw_group, rating_icon, verdict_icon

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.play import PlayContext


# (the takeaway's share of the height, the detail of _blocks, compact): see layout
FIT_STEPS = [(0.16, 2, False), (0.16, 1, False), (0.16, 0, False), (0.16, 0, True)]
FIT_STEPS += [(0.08, 0, True), (0.0, 0, True)]


class AllTeamsFeedbackScene(FeedbackBase):
    name = "team-feedback"

    def __init__(self, app: App, play: PlayContext) -> None:
        super().__init__(app, play)
        self.chips: list[pygame.Rect] = []
        self.pages: list[list[ColumnFit]] = []  # one page, or a column a page (large text)

    def on_enter(self) -> None:
        results = self.state.card_results
        safe = results and all(r.rating is Rating.SAFE for r in results)
        self.app.sound.play("safe" if safe else "gentle")

    def _teams_for(self, attr: str, index: int, letters_only: bool = False) -> str:
        st = self.session.state
        teams = [st.teams[r.team] for r in st.card_results if getattr(r, attr) == index]
        if letters_only:  # the chips below name the teams
            return ", ".join(t.letter for t in teams)
        return ", ".join(f"{t.letter} {tr(t.name)}" for t in teams)

    def _blocks(self, detail: int = 2) -> tuple[list[Block], list[Block]]:
        """Detail 2: everything; 1: without the right reason's explanation (the takeaway below
        says it in short); 0: also the teams by letter only (the chips name them). The answer
        to every wrong reason a team picked is always there."""
        card = self.state.card
        short = detail < 1
        left = [LABEL._replace(text=tr("The choices"))]
        for i, r in enumerate(card.responses):
            teams = self._teams_for("response", i, short)
            left.append(Block(r.text, role="bold", indent=1.5, tag=f"opt{i}", gap=0.55, scale=0.9))
            line = self.app.glossary.rating_word(r.rating) + (f"  ·  {teams}" if teams else "")
            left.append(Block(line, colour="text_muted", gap=0.1, scale=0.85, indent=1.5))
        right = [LABEL._replace(text=tr("Why the safe choice is right"))]
        for i, reason in enumerate(card.reasons):
            teams = self._teams_for("reason", i, short)
            right.append(
                Block(reason.text, role="bold", indent=1.5, tag=f"rsn{i}", gap=0.55, scale=0.9)
            )
            if teams:
                right.append(Block(teams, colour="text_muted", gap=0.1, scale=0.85, indent=1.5))
            if teams and not reason.right:  # a myth a team believed: its answer
                right.append(Block(reason.feedback, gap=0.2, scale=0.85, indent=1.5, tag=f"ans{i}"))
        if detail >= 2:
            good = card.reasons[card.right_reason_index]
            right.append(Block(good.feedback, gap=0.6, scale=0.85))
        return left, right

    def _chip_text(self, team: int, points: int, total: int) -> str:
        name = tr(self.state.teams[team].name)
        message = ngettext("{name} +{points} ({total} pt)", "{name} +{points} ({total} pts)", total)
        return message.format(name=name, points=points, total=total)

    def _plan_chips(self, chip_w: int, largest: int) -> bool:
        """One size for every chip's line, and whether it is one line or two (the name, then
        the points): one line while that keeps the text at 80% of the small size or more,
        else two lines, as large as the widest name allows. Planned for two-digit totals so
        an award never pushes the text out."""
        ui, m = self.ui, self.ui.m
        self.chip_side = min(round(m.small * 1.4), round(chip_w * 0.24))
        box_w = chip_w - round(m.unit * CHIP_PAD) - self.chip_side
        teams = range(len(self.state.teams))
        texts = [self._chip_text(i, 8, 88) for i in teams]
        names = [tr(self.state.teams[i].name) for i in teams]
        points = self._chip_text(0, 8, 88).split(names[0], 1)[-1].strip() if names else ""

        def widest(lines: list[str], size: int) -> int:
            return max(ui.engine.layout(t, "semi", size, 10_000).w for t in lines)

        sizes = range(largest, m.min_font - 1, -1)
        for two, lines in ((False, texts), (True, [*names, points])):
            size = next((s for s in sizes if widest(lines, s) <= box_w), None)
            if two or (size is not None and size >= max(m.min_font, round(largest * 0.8))):
                break
        self.chip_size, self.chip_two = size or m.min_font, two
        pad = round(m.unit * 1.4)
        _, ink_h, line_h = ui.engine.line_metrics("semi", self.chip_size)
        self.chip_h = max(ink_h + (line_h if two else pad) + pad, self.chip_side + pad)
        return size is not None

    def layout(self, size: tuple[int, int]) -> None:
        super().layout(size)
        # the two columns must fit at the reading size (nothing clipped, nothing over the
        # chips): first they drop the right reason's explanation (the takeaway says it) and the
        # team names (the chips name them), then the takeaway gives up height and the chips,
        # the red-flag row and the paddings get compact; at the largest text sizes the columns
        # go on pages of their own, every answer to a myth a team believed still shown
        for share, detail, compact in FIT_STEPS:
            fits = self._arrange(share, detail, compact)
            if all(f.fits for f in fits):
                break
        else:
            self._arrange(0.0, 2, True)
            self._paginate()
            return
        base = min(f.base for f in fits)
        columns = zip(self._blocks(detail), self.col_inner, strict=True)
        self.pages = [[self.ui.column(b, r, base, self.ui.m.least) for b, r in columns]]
        self.pager.reset(1)
        self._show_page()

    def _paginate(self) -> None:
        """One column a page, as many pages as the choices and the reasons need (each option
        or reason with its teams and its answer stays on one page); the red flag opens the
        first page, so the pager has the row beside the button."""
        ui, m = self.ui, self.ui.m
        self.cols = [self.cols[0].union(self.cols[-1])]
        self.col_inner = [inset(self.cols[0], self.ip)]
        inner = self.col_inner[0]
        pages = []
        left, right = self._blocks(2)
        flag = Block(flag_text(self.state.card), role="bold", colour="heading")
        for column in ([flag, *left], right):
            groups = block_groups(
                column, lambda b: b.tag[:3] in ("opt", "rsn", "ans") or b.colour == "accent"
            )
            boxes = paginate(groups, lambda _, b: ui.column(b, inner, m.body, m.least).fits)
            pages += [box for box in boxes if box]
        # one size on every page, so turning a page does not jump in size
        base = min(ui.column(box, inner, m.body, m.least).base for box in pages)
        self.pages = [[ui.page_column(box, inner, base)] for box in pages]
        self.pager.reset(len(pages))
        self._show_page()

    def _show_page(self) -> None:
        """The page's column(s), and the pager beside the button when there are pages."""
        self.fits = self.pages[self.pager.index]
        self.pager.place(
            self.pager_room, max(44, round(self.next_btn.rect.h * 0.62)), self.ui.m.gap
        )
        if self.pager.paged:
            self.flag_rect.w = 0  # the red flag is on the first page
        self.next_btn.label = self._last_label() if self.pager.last else N_("Next")

    def _arrange(self, share: float, detail: int, compact: bool) -> list[ColumnFit]:
        ui, m = self.ui, self.ui.m
        area = self.content
        bottom_h = max(44, round(m.body * 1.6)) if compact else round(m.body * 2.3)
        bottom, rest = take_bottom(area, bottom_h, m.pad * (0.4 if compact else 0.6))
        bw = round(min(area.w * 0.3, m.body * 10))
        self.flag_rect, self.next_btn.rect = in_row(bottom, [bottom.w - bw - m.pad, bw], m.pad)
        self.pager_room = pygame.Rect(self.flag_rect)
        self.ip = ip = round(m.unit * (1.2 if compact else 2.0))
        card = self.state.card
        n = len(self.state.teams)
        # the chips in one row, or in two when one row would squeeze their names below the floor
        self.per_row = n
        for per_row in (n, -(-n // 2)):
            self.per_row = per_row
            chip_w = round((rest.w - m.gap * (per_row - 1)) / per_row)
            if self._plan_chips(chip_w, m.min_font if compact else m.small):
                break
        take_w = rest.w - 2 * ip - round(m.body * 1.5)
        smallest = ui.engine.layout(card.takeaway, "bold", m.least, take_w).h
        budget = max(smallest, round(rest.h * share - (self.chip_h - m.small * 2.0)))
        take = ui.engine.fit(card.takeaway, "bold", take_w, budget, m.body, m.least)
        gap = m.pad * (0.3 if compact else 0.5)
        self.takeaway_rect, rest = take_bottom(rest, take.h + 2 * ip, gap)
        self.takeaway_size = take.size
        rows = -(-n // self.per_row)
        self.chip_row, rest = take_bottom(rest, self.chip_h * rows + m.gap * (rows - 1), gap)
        self.chips = [
            chip
            for line in stack(self.chip_row, [None] * rows, m.gap)
            for chip in split_cols(line, [1] * self.per_row, m.gap)
        ][:n]
        # the column with more to say may take some width from the other
        self.cols, fits = fit_side_by_side(ui, list(self._blocks(detail)), rest, ip)
        self.col_inner = [inset(c, ip) for c in self.cols]
        return fits

    def click(self, pos: tuple[int, int]) -> None:
        """A click on a team's points gives it +1 (a good spoken explanation)."""
        team = next((i for i, chip in enumerate(self.chips) if chip.collidepoint(pos)), None)
        if team is not None and self.session.state.can_award:
            give_award(self.app, self.play, team)

    def texts(self) -> tuple[str, ...]:
        """Both columns as drawn, each team's points, the takeaway and the red flag."""
        st = self.session.state
        parts = [p.block.text for fit in self.fits for p in fit.placed]
        parts += [self._chip_text(i, st.card_points(i), st.scores[i]) for i in range(len(st.teams))]
        parts += [st.card.takeaway, flag_text(st.card)]
        return tuple(parts)

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        self.draw_bar(surface)
        self.draw_page(surface, True, self.flag_rect.w > 0)
        st = self.session.state
        # points per team; a click gives +1 for a good spoken explanation
        for i, (team, chip) in enumerate(zip(st.teams, self.chips, strict=True)):
            text = self._chip_text(i, st.card_points(i), st.scores[i])
            if self.chip_two:  # the name, then the points
                text = text.replace(f"{tr(team.name)} ", f"{tr(team.name)}\n", 1)
            side = min(self.chip_side, round(chip.h * 0.76))
            team_chip(ui, surface, chip, team, text, self.chip_size, side)
        draw_group(ui, surface, self.group)

    def icons(self) -> Icons:
        card = self.state.card
        return {
            **{f"opt{i}": (rating_icon, r.rating.value) for i, r in enumerate(card.responses)},
            **{f"rsn{i}": (verdict_icon, r.right) for i, r in enumerate(card.reasons)},
        }
