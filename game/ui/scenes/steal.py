"""Steal (team turns): the answering team's choice was not the safest, so another team may take
the card with its own choice. First pick the team (or "No steal"), then that team's option."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.model.session import Phase
from game.ui.input import Act, Input
from game.ui.layout import inset, take_top
from game.ui.scenes.common import PlayScene, button_lines, option_buttons
from game.ui.services import tr
from game.ui.widgets import Button, FocusGroup, draw_group, panel, stack_buttons, team_badge

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.play import PlayContext


class StealScene(PlayScene):
    name = "steal"
    kind = "steal"

    def __init__(self, app: App, play: PlayContext) -> None:
        super().__init__(app, play)
        st = self.state
        self.team_ids = [i for i in range(len(st.teams)) if i != st.turn]
        self.team_btns = option_buttons("team", ("",) * len(self.team_ids))  # labels: layout
        for b, i in zip(self.team_btns, self.team_ids, strict=True):
            b.icon = lambda surf, rect, team=st.teams[i]: team_badge(self.ui, surf, team, rect)
        self.no_btn = Button("nosteal", "No steal — go on", kind="primary", badge="Enter")
        # in the order the card showed them this play, so "2" means what it meant there
        order = st.response_order
        self.option_btns = option_buttons("option", (st.card.responses[i].text for i in order))
        self.thief: int | None = None
        self._choose_team(None)

    def layout(self, size: tuple[int, int]) -> None:
        super().layout(size)
        m = self.ui.m
        for b, i in zip(self.team_btns, self.team_ids, strict=True):  # in today's language
            team = self.state.teams[i]
            b.label = tr("Team {letter}: {name}").format(letter=team.letter, name=tr(team.name))
        # the question as tall as its lines: the rest goes to the answers
        asked = self.ui.engine.layout(self.question(), "display", m.play_large, self.content.w)
        self.heading, below = take_top(self.content, asked.h + m.pad * 0.5, m.pad * 0.5)
        # the team's choice at the size of the answers below it (which depends on the room it
        # leaves them: first at the reading size), then the teams or their options over the
        # whole width, as tall as the longest needs at the least body size
        self.chosen_size = max(m.small, m.reading)
        gap, most_h = round(m.pad * 0.6), m.body * 3.2
        for again in (True, False):
            rest = self._place_chosen(below)
            stack_buttons(self.ui, self.option_btns, rest, gap, most_h, True)
            self.chosen_size = self.option_btns[0].size if again else self.chosen_size
        stack_buttons(self.ui, self.group.buttons, rest, gap, most_h, True)

    def _place_chosen(self, rest: pygame.Rect) -> pygame.Rect:
        """The team's choice at the top of `rest`, two lines at most, in a box as wide as its
        lines; returns the room under it for the buttons."""
        m = self.ui.m
        box = inset(rest, m.unit * 1.8, m.unit * 1.0)
        said = self.ui.engine.layout(self.chosen_line(), "body", self.chosen_size, box.w)
        lines = min(2, len(said.lines))
        chosen_h = said.line_h * (lines - 1) + said.h // max(1, len(said.lines)) + m.space(4)
        self.chosen, rest = take_top(rest, max(m.small * 3.2, chosen_h), m.pad * 0.7)
        self.chosen.w = min(self.chosen.w, said.w + self.chosen.w - box.w + 1)
        return pygame.Rect(rest.x + m.space(3), rest.y, rest.w - m.space(3), rest.h)

    def _choose_team(self, n: int | None) -> None:
        """The stealing team (n on screen), then its option; None: the teams (again)."""
        self.thief = None if n is None else self.team_ids[n]
        if n is None:
            self.group = FocusGroup(self.team_btns + [self.no_btn], index=len(self.team_btns))
        else:
            self.group = FocusGroup(self.option_btns, index=None)
        if self.content.w:
            self.layout(self.app.size)

    def _decide(self, button: Button) -> None:
        if button is self.no_btn:
            self.session.no_steal()
        elif button in self.team_btns:
            self._choose_team(self.team_btns.index(button))
        elif self.thief is not None and self.session.phase is Phase.STEAL:
            pos = self.option_btns.index(button)
            self.session.steal(self.thief, self.state.response_order[pos])

    def handle(self, inp: Input) -> bool:
        if inp.act is Act.HOVER:
            return self.hover(inp, self.group)
        if inp.act is Act.BACK and self.thief is not None:
            self._choose_team(None)
            return True
        # the stealing team by its letter, before the facilitator's keys (B is also "bonus")
        if inp.act is Act.LETTER and self.thief is None:
            letters = [self.state.teams[i].letter.lower() for i in self.team_ids]
            if inp.text in letters:
                self._choose_team(letters.index(inp.text))
                return True
        if self.handle_bar(inp):
            return True
        return self.route_options(inp, self._decide)

    def question(self) -> str:
        if self.thief is None:
            return tr("Not the safest choice. Can another team steal this card?")
        team = self.state.teams[self.thief]
        return tr("Team {letter}: {name} — which is the safest choice?").format(
            letter=team.letter, name=tr(team.name)
        )

    def chosen_line(self) -> str:
        st = self.state
        chosen = st.card.responses[st.choice or 0].text
        return tr("Team {letter} chose: {text}").format(
            letter=st.teams[st.turn].letter, text=chosen
        )

    def texts(self) -> tuple[str, ...]:
        return (self.question(), self.chosen_line(), *button_lines(self.group.buttons))

    def draw(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        self.draw_bar(surface)
        self.draw_heading(surface, self.question(), self.heading)
        panel(ui, surface, self.chosen, t.panel, shadow=False)
        box, size = inset(self.chosen, m.unit * 1.8, m.unit * 1.0), self.chosen_size
        ui.text(surface, self.chosen_line(), box, style="note", size=size)
        draw_group(ui, surface, self.group)
