"""Which team gets +1 for a good spoken explanation? (B when more than one team could.)
A team letter, a number or a click gives the point; Esc closes without one."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.facilitator import give_award
from game.ui.input import Act, Input
from game.ui.layout import centered, inset, take_top
from game.ui.scene import Scene
from game.ui.services import N_, tr
from game.ui.widgets import Button, FocusGroup, draw_card, draw_group, team_badge

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.play import PlayContext


class AwardScene(Scene):
    group: FocusGroup  # made in __init__ (Scene.group is None for scenes without one)
    name = "award"
    opaque = False

    def __init__(self, app: App, play: PlayContext, teams: list[int]) -> None:
        super().__init__(app)
        self.play = play
        self.teams = teams
        st = play.session.state
        self.buttons = []
        for i in teams:
            team = st.teams[i]
            b = Button(
                f"award{i}",
                tr(
                    N_("{name} — 1 pt") if st.scores[i] == 1 else N_("{name} — {points} pts")
                ).format(name=tr(team.name), points=st.scores[i]),
                translate=False,
                kind="option",
                align="left",
            )
            b.icon = lambda surf, rect, team=team: team_badge(self.ui, surf, team, rect)
            self.buttons.append(b)
        self.group = FocusGroup(self.buttons, index=None)

    def layout(self, size: tuple[int, int]) -> None:
        m = self.ui.m
        n = len(self.buttons)
        bh = round(m.body * 2.1)
        gap = round(m.pad * 0.4)
        height = m.heading * 1.4 + m.small * 1.6 + n * (bh + gap) + m.pad * 3.5
        self.card = centered(m.screen, min(size[0] * 0.6, m.h * 0.95), min(size[1] * 0.92, height))
        inner = inset(self.card, m.pad * 1.5)
        self.heading, rest = take_top(inner, m.heading * 1.4, m.pad * 0.2)
        self.hint, rest = take_top(rest, m.small * 1.6, m.pad * 0.4)
        bh = min(bh, round((rest.h - gap * (n - 1)) / n))
        y = rest.y
        for b in self.buttons:
            b.rect = pygame.Rect(rest.x, y, rest.w, bh)
            y += bh + gap

    def give(self, index: int) -> None:
        self.app.pop()
        give_award(self.app, self.play, self.teams[index])

    def texts(self) -> tuple[str, ...]:
        return (
            tr("+1 for a good explanation"),
            tr("Which team? Press its letter, or click. Esc: no point."),
        )

    def handle(self, inp: Input) -> bool:
        if inp.act is Act.CLICK and not self.card.collidepoint(inp.pos):
            self.app.pop()  # a click beside the card: no point
            return True
        routed = self.group.route(inp, lambda button: self.give(self.buttons.index(button)))
        if routed is not None:
            return routed
        if inp.act is Act.BACK:
            self.app.pop()
            return True
        if inp.act is Act.LETTER:
            self.letter(inp.text)
            return True
        if inp.act is Act.PICK and inp.index < len(self.teams):
            self.give(inp.index)
        return inp.act not in (Act.HELP, Act.FULLSCREEN)  # modal: nothing else gets through

    def letter(self, key: str) -> None:
        """A team's letter gives it the point; B (the award key again) closes."""
        letters = [self.play.session.state.teams[i].letter.lower() for i in self.teams]
        if key in letters:
            self.give(letters.index(key))
        elif key == "b":
            self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        draw_card(ui, surface, self.card, tr("+1 for a good explanation"), self.heading)
        ui.text(
            surface,
            tr("Which team? Press its letter, or click. Esc: no point."),
            self.hint,
            size=m.small,
            colour=t.text_muted,
            valign="middle",
        )
        draw_group(ui, surface, self.group)
