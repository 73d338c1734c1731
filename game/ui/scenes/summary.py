"""The end of a game: scores (teams ranked, with letter and shape), the red flags met with
their takeaways, "It is never your fault", and where to get help."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.model.cards import Rating
from game.model.session import Mode
from game.ui.input import Act, Input
from game.ui.layout import inset, split_cols, take_bottom, take_top
from game.ui.scenes.common import PlayScene
from game.ui.services import emergency_line, tr
from game.ui.text import Block
from game.ui.widgets import Button, FocusGroup, draw_group, panel, team_badge

if TYPE_CHECKING:
    from game.ui.app import App, PlayContext


class SummaryScene(PlayScene):
    name = "summary"
    kind = "summary"

    def __init__(self, app: App, play: PlayContext) -> None:
        super().__init__(app, play)
        self.play_key = ("summary", -1)
        self.again_btn = Button("again", "Play again", kind="primary")
        self.title_btn = Button("title", "Title screen")
        self.group = FocusGroup([self.again_btn, self.title_btn], index=0)

    def _played_cards(self) -> list[object]:
        ids = [r.card_id for r in self.state.results]
        return [c for c in self.state.cards if c.id in ids]

    def layout(self, size: tuple[int, int]) -> None:
        super().layout(size)
        ui, m = self.ui, self.ui.m
        area = self.content
        self.header, rest = take_top(area, m.heading * 1.3, m.pad * 0.5)
        bottom, rest = take_bottom(rest, m.body * 2.3, m.pad * 0.7)
        bw = round(min(area.w * 0.28, m.body * 9))
        self.title_btn.rect = pygame.Rect(bottom.right - bw, bottom.y, bw, bottom.h)
        self.again_btn.rect = pygame.Rect(
            self.title_btn.rect.x - m.pad - bw, bottom.y, bw, bottom.h
        )
        self.left, self.right = split_cols(rest, (0.46, 0.54), m.pad)
        ip = round(m.unit * 2.2)
        inner = inset(self.left, ip)
        teams = len(self.state.teams)
        row_h = m.body * 1.6
        score_h = row_h * (teams if self.state.mode is Mode.TEAMS else 2.2) + m.small * 1.4
        self.score_rect, help_rect = take_top(inner, min(score_h, inner.h * 0.5), m.pad * 0.6)
        self.help_rect = help_rect
        h = self.app.help
        blocks = [
            Block(
                tr("It is never your fault — you can always tell someone."),
                role="bold",
                colour="accent",
                scale=1.05,
            ),
            Block(tr("Where to get help"), role="semi", colour="text_muted", scale=0.8, gap=0.9),
        ]
        for s in h.services[:3]:
            blocks.append(Block(f"{s.name}: {s.contact}", role="body", scale=0.9, gap=0.25))
        blocks.append(Block(emergency_line(h), role="bold", scale=0.9, gap=0.5))
        self.help_fit = ui.column(blocks, help_rect, m.body)
        flags = [Block(tr("Red flags you met"), role="semi", colour="accent", scale=0.8)]
        for card in self._played_cards():
            flags.append(Block(card.red_flag, role="bold", gap=0.7))  # type: ignore[attr-defined]
            flags.append(Block(card.takeaway, colour="text_muted", gap=0.2))  # type: ignore[attr-defined]
        if len(flags) == 1:
            flags.append(Block(tr("No cards were played this time."), gap=0.5))
        self.flags_inner = inset(self.right, ip)
        self.flags_fit = ui.column(flags, self.flags_inner, m.body)

    def handle(self, inp: Input) -> bool:
        if inp.act is Act.HOVER:
            return self.hover(inp, self.group)
        if self.handle_bar(inp):
            return True
        if inp.act is Act.CLICK:
            hit = self.group.at(inp.pos)
            if hit is not None:
                self.activate(hit)
            return True
        if inp.act is Act.CONFIRM and self.group.focused is not None:
            self.activate(self.group.focused)
            return True
        if inp.act in (Act.NEXT, Act.RIGHT, Act.DOWN, Act.PREV, Act.LEFT, Act.UP):
            self.group.move(1 if inp.act in (Act.NEXT, Act.RIGHT, Act.DOWN) else -1)
            return True
        if inp.act is Act.PICK and inp.index < 2:
            self.activate(self.group.buttons[inp.index])
            return True
        return False

    def activate(self, button: Button) -> None:
        if button is self.again_btn:
            setup = self.play.setup
            self.app.start_game(setup)
        else:
            self.app.to_title()

    def draw(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        st = self.state
        self.draw_bar(surface, title=tr("Results"))
        played = len({r.card_id for r in st.results})
        ui.text(
            surface,
            tr("Well played!") if played else tr("Results"),
            self.header,
            role="display",
            size=m.heading,
            colour=t.heading,
            valign="middle",
        )
        sub = tr("{n} cards played").format(n=played)
        ui.text(
            surface,
            sub,
            self.header,
            size=m.small,
            colour=t.text_muted,
            align="right",
            valign="middle",
        )
        panel(ui, surface, self.left, t.panel)
        panel(ui, surface, self.right, t.panel)
        self._draw_scores(surface)
        ui.draw_column(surface, self.help_fit, self.help_rect)
        ui.draw_column(surface, self.flags_fit, self.flags_inner)
        draw_group(ui, surface, self.group)

    def _draw_scores(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        st = self.state
        box = self.score_rect
        label = ui.text(
            surface,
            tr("Scores") if st.mode is Mode.TEAMS else tr("Your score"),
            pygame.Rect(box.x, box.y, box.w, m.small * 1.3),
            role="semi",
            size=m.small,
            colour=t.accent,
        )
        rows = pygame.Rect(
            box.x, label.bottom + round(m.unit), box.w, box.bottom - label.bottom - round(m.unit)
        )
        best = st.max_score_per_card * max(1, len(st.results))
        if st.mode is Mode.SOLO:
            score = st.scores[0] if st.scores else 0
            big = pygame.Rect(rows.x, rows.y, rows.w, round(rows.h * 0.58))
            ui.text(
                surface,
                tr("{score} of {best} points").format(score=score, best=best),
                big,
                role="display",
                size=m.heading,
                valign="middle",
            )
            safe = sum(1 for r in st.results if r.rating is Rating.SAFE)
            right = sum(1 for r in st.results if r.reason_right)
            line = tr("Safe choices: {safe} of {n}  ·  Right reasons: {right} of {n}").format(
                safe=safe, right=right, n=len(st.results)
            )
            ui.text(
                surface,
                line,
                pygame.Rect(rows.x, big.bottom, rows.w, rows.bottom - big.bottom),
                size=m.small,
                colour=t.text_muted,
                valign="middle",
            )
            return
        order = sorted(range(len(st.teams)), key=lambda i: -st.scores[i])
        row_h = rows.h / len(order)
        for rank, i in enumerate(order):
            team = st.teams[i]
            r = pygame.Rect(rows.x, round(rows.y + rank * row_h), rows.w, round(row_h * 0.92))
            place = 1 + sum(1 for j in order if st.scores[j] > st.scores[i])  # ties share
            num = pygame.Rect(r.x, r.y, round(r.h * 1.1), r.h)
            ui.text(
                surface,
                f"{place}.",
                num,
                role="display",
                size=min(m.body, r.h),
                colour=t.text_muted,
                valign="middle",
            )
            icon = pygame.Rect(
                num.right, r.y + round(r.h * 0.1), round(r.h * 0.8), round(r.h * 0.8)
            )
            team_badge(ui, surface, team, icon)
            name = pygame.Rect(icon.right + m.gap, r.y, round(r.w * 0.55), r.h)
            ui.text(
                surface,
                tr("Team {letter}: {name}").format(letter=team.letter, name=tr(team.name)),
                name,
                role="bold",
                size=min(m.body, r.h),
                valign="middle",
            )
            ui.text(
                surface,
                tr("{points} pts").format(points=st.scores[i]),
                pygame.Rect(name.right, r.y, r.right - name.right, r.h),
                role="display",
                size=min(m.body, r.h),
                colour=t.accent,
                align="right",
                valign="middle",
            )
