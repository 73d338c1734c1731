"""All teams: the feedback for every team at once. Each option with its rating (icon AND word)
and the teams that chose it; each reason, the right one ticked, with the teams that gave it;
the points per team (a click on a team, or B then its letter, gives +1 for a good spoken
explanation); the takeaway and the red flag."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.model.kinds import Rating
from game.ui.facilitator import can_award, give_award
from game.ui.input import Act, Input
from game.ui.layout import inset, split_cols, take_bottom
from game.ui.scenes.common import PlayScene
from game.ui.scenes.feedback import RATING_WORDS
from game.ui.services import tr
from game.ui.text import Block
from game.ui.widgets import (
    Button,
    FocusGroup,
    draw_group,
    flag_logo,
    panel,
    rating_icon,
    team_badge,
    verdict_icon,
)

if TYPE_CHECKING:
    from game.ui.app import App, PlayContext


class AllTeamsFeedbackScene(PlayScene):
    name = "team-feedback"
    kind = "feedback"

    def __init__(self, app: App, play: PlayContext) -> None:
        super().__init__(app, play)
        label = "See the results" if self.state.is_last_card else "Next card"
        self.next_btn = Button("next", label, kind="primary", badge="Enter")
        self.group = FocusGroup([self.next_btn], index=0)
        self.chips: list[pygame.Rect] = []

    def on_enter(self) -> None:
        results = self.state.card_results
        safe = results and all(r.rating is Rating.SAFE for r in results)
        self.app.sound.play("safe" if safe else "gentle")

    def _teams_for(self, attr: str, index: int) -> str:
        st = self.session.state
        teams = [st.teams[r.team] for r in st.card_results if getattr(r, attr) == index]
        return ", ".join(f"{t.letter} {tr(t.name)}" for t in teams)

    def _blocks(self) -> tuple[list[Block], list[Block]]:
        card = self.state.card
        label = dict(role="semi", scale=0.78, colour="accent", gap=1.0)
        left = [Block(tr("The choices"), **label)]  # type: ignore[arg-type]
        for i, r in enumerate(card.responses):
            teams = self._teams_for("response", i)
            left.append(Block(r.text, role="bold", indent=1.5, tag=f"opt{i}", gap=0.55, scale=0.9))
            line = tr(RATING_WORDS[r.rating]) + (f"  ·  {teams}" if teams else "")
            left.append(Block(line, colour="text_muted", gap=0.1, scale=0.85, indent=1.5))
        right = [Block(tr("Why the safe choice is right"), **label)]  # type: ignore[arg-type]
        for i, r in enumerate(card.reasons):
            teams = self._teams_for("reason", i)
            right.append(Block(r.text, role="bold", indent=1.5, tag=f"rsn{i}", gap=0.55, scale=0.9))
            if teams:
                right.append(Block(teams, colour="text_muted", gap=0.1, scale=0.85, indent=1.5))
        good = card.reasons[card.right_reason_index]
        right.append(Block(good.feedback, gap=0.6, scale=0.85))
        return left, right

    def layout(self, size: tuple[int, int]) -> None:
        super().layout(size)
        ui, m = self.ui, self.ui.m
        area = self.content
        bottom, rest = take_bottom(area, m.body * 2.3, m.pad * 0.6)
        bw = round(min(area.w * 0.3, m.body * 10))
        self.next_btn.rect = pygame.Rect(bottom.right - bw, bottom.y, bw, bottom.h)
        self.flag_rect = pygame.Rect(bottom.x, bottom.y, bottom.w - bw - m.pad, bottom.h)
        ip = round(m.unit * 2.0)
        card = self.state.card
        # a chip holds its line in two lines at the smallest size (name, then the points);
        # the takeaway gives up the height this adds to the chips
        _, ink_h, line_h = ui.engine.line_metrics("semi", m.min_font)
        chip_h = max(m.small * 2.0, ink_h + line_h + 4)
        take = ui.engine.fit(
            card.takeaway,
            "bold",
            rest.w - 2 * ip - round(m.body * 1.5),
            round(rest.h * 0.16 - (chip_h - m.small * 2.0)),
            m.body,
            m.min_font,
        )
        self.takeaway_rect, rest = take_bottom(rest, take.h + 2 * ip, m.pad * 0.5)
        self.takeaway_size = take.size
        self.chip_row, rest = take_bottom(rest, chip_h, m.pad * 0.5)
        n = len(self.state.teams)
        self.chips = split_cols(self.chip_row, [1] * n, m.gap)
        self.cols = split_cols(rest, (1, 1), m.pad)
        self.col_inner = [inset(c, ip) for c in self.cols]
        left, right = self._blocks()
        fits = [ui.column(b, r, m.body) for b, r in zip((left, right), self.col_inner, strict=True)]
        base = min(f.base for f in fits)
        self.fits = [
            ui.column(b, r, base) for b, r in zip((left, right), self.col_inner, strict=True)
        ]

    def card_points(self, team: int) -> int:
        st = self.session.state
        pts = sum(r.points for r in st.card_results if r.team == team)
        return pts + sum(a.points for a in st.awards if a.team == team and a.card_id == st.card.id)

    def handle(self, inp: Input) -> bool:
        if inp.act is Act.HOVER:
            return self.hover(inp, self.group)
        if self.handle_bar(inp):
            return True
        if inp.act is Act.CLICK:
            for i, chip in enumerate(self.chips):
                if chip.collidepoint(inp.pos) and can_award(self.session.state):
                    give_award(self.app, self.play, i)
                    return True
        if inp.act is Act.CONFIRM or (
            inp.act is Act.CLICK and self.next_btn.rect.collidepoint(inp.pos)
        ):
            self.app.sound.play("next")
            self.session.next()
            self.after_action()
            return True
        return inp.act in (Act.NEXT, Act.PREV, Act.PICK, Act.CLICK)

    def draw(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        self.draw_bar(surface)
        st = self.session.state
        card = st.card
        for col, inner, fit in zip(self.cols, self.col_inner, self.fits, strict=True):
            panel(ui, surface, col, t.panel)
            tags = ui.draw_column(surface, fit, inner)
            for i, r in enumerate(card.responses):
                box = tags.get(f"opt{i}")
                if box is not None:
                    rr = min(box.h, fit.base) * 0.42
                    rating_icon(ui, surface, r.rating.value, (inner.x + rr + 1, box.y + rr + 2), rr)
            for i, r in enumerate(card.reasons):
                box = tags.get(f"rsn{i}")
                if box is not None:
                    rr = min(box.h, fit.base) * 0.42
                    verdict_icon(ui, surface, r.right, (inner.x + rr + 1, box.y + rr + 2), rr)
        # points per team; a click gives +1 for a good spoken explanation
        for i, (team, chip) in enumerate(zip(st.teams, self.chips, strict=True)):
            panel(ui, surface, chip, t.panel, shadow=False, edge=t.team(team.colour))
            side = min(round(chip.h * 0.76), round(chip.w * 0.24), round(m.small * 1.4))
            icon = pygame.Rect(chip.x + round(m.unit), 0, side, side)
            icon.centery = chip.centery
            team_badge(ui, surface, team, icon)
            name = tr(team.name)
            text = tr("{name} +{points} ({total} pts)").format(
                name=name, points=self.card_points(i), total=st.scores[i]
            )
            box = pygame.Rect(
                icon.right + round(m.unit * 0.8),
                chip.y + 2,
                chip.right - icon.right - round(m.unit * 1.6),
                chip.h - 4,
            )
            if len(ui.fit(text, box, "semi", m.small).lines) > 1:
                text = text.replace(f"{name} ", f"{name}\n", 1)  # the name, then the points
            ui.text(surface, text, box, role="semi", size=m.small, valign="middle")
        take = self.takeaway_rect
        panel(ui, surface, take, t.takeaway_bg)
        ip = round(m.unit * 2.0)
        ui.text(
            surface,
            card.takeaway,
            inset(take, ip),
            role="bold",
            size=self.takeaway_size,
            colour=t.takeaway_text,
            valign="middle",
        )
        fr = self.flag_rect
        logo = pygame.Rect(fr.x, fr.y + round(fr.h * 0.12), round(fr.h * 0.7), round(fr.h * 0.76))
        flag_logo(ui, surface, logo)
        ui.text(
            surface,
            tr("Red flag: {flag}").format(flag=card.red_flag),
            pygame.Rect(logo.right + m.gap, fr.y, fr.right - logo.right - m.gap, fr.h),
            role="bold",
            size=m.body,
            valign="middle",
        )
        draw_group(ui, surface, self.group)
