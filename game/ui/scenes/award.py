"""Which team gets +1 for a good spoken explanation? (B when more than one team could.)
A team letter, a number or a click gives the point; Esc closes without one."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.facilitator import give_award
from game.ui.input import Act, Input
from game.ui.layout import take_top
from game.ui.scenes.modal import Modal, button_grid
from game.ui.services import N_, ngettext, tr
from game.ui.text import Block
from game.ui.widgets import Button, team_badge

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.play import PlayContext


class AwardScene(Modal):
    name = "award"
    centred = False
    heading = N_("+1 for a good explanation")

    def __init__(self, app: App, play: PlayContext, teams: list[int]) -> None:
        self.play, self.teams = play, teams
        st = play.session.state
        buttons = []
        for i in teams:
            team = st.teams[i]
            points = ngettext("{name} — {points} pt", "{name} — {points} pts", st.scores[i])
            label = points.format(name=tr(team.name), points=st.scores[i])
            b = Button(f"award{i}", label, translate=False, kind="option", align="left")
            b.icon = lambda surf, rect, team=team: team_badge(self.ui, surf, team, rect)
            buttons.append(b)
        super().__init__(app, buttons, index=None)

    def blocks(self) -> list[Block]:
        return [
            Block(
                tr("Which team? Press its letter, or click. Esc: no point."),
                colour="text_muted",
                scale=0.82,
            )
        ]

    def layout(self, size: tuple[int, int]) -> None:
        """The card as tall as its buttons need (at most nearly the window)."""
        m = self.ui.m
        n = len(self.teams)
        height = m.heading * 1.4 + m.small * 1.6 + n * (m.body * 2.1 + m.pad * 0.4) + m.pad * 3.5
        self.card_size = (0.6, 0.95, min(0.92, height / size[1]))
        super().layout(size)

    def place(self, rest: pygame.Rect) -> pygame.Rect:
        """The hint, then the teams one under another."""
        m = self.ui.m
        hint, rest = take_top(rest, m.small * 1.6, m.pad * 0.4)
        gap, most_h = round(m.pad * 0.4), round(m.body * 2.1)
        button_grid(self.ui, self.group.buttons, rest, gap, most_h, columns=(1,))
        return hint

    def give(self, index: int) -> None:
        self.app.pop()
        give_award(self.app, self.play, self.teams[index])

    def handle(self, inp: Input) -> bool:
        letters = [self.play.session.state.teams[i].letter.lower() for i in self.teams]
        if inp.act is Act.CLICK and not self.card.collidepoint(inp.pos):
            self.app.pop()  # a click beside the card: no point
        elif inp.act is Act.LETTER:  # a team's letter gives it the point; B (the award key) closes
            if inp.text in letters:
                self.give(letters.index(inp.text))
            elif inp.text == "b":
                self.app.pop()
        elif inp.act is Act.PICK and inp.index < len(self.teams):
            self.give(inp.index)
        else:
            return super().handle(inp)
        return True

    def activate(self, button: Button) -> None:
        self.give(self.group.buttons.index(button))
