"""All teams: every team decides at once (fingers 1–4 or A–D cards) and the facilitator enters
each team's choice, then reveals.

A strip of team tiles sits under the card: press the team letter (A–F), then the number — or
click the number on the team's tile. Number keys alone fill the teams in order. A tile shows a
tick once its team has an entry, never which option, so nothing is given away before Reveal
(Enter). A team may change its mind: enter again. The same strip takes the reasons.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import TYPE_CHECKING

import pygame

from game.model.session import IllegalAction, Phase
from game.ui.input import Act, Input
from game.ui.layout import inset, split_cols, take_bottom, take_top
from game.ui.scenes.card import STEP_PHASES, CardScene
from game.ui.scenes.common import PlayScene
from game.ui.scenes.explain import ExplainScene
from game.ui.services import N_, tr
from game.ui.text import Block
from game.ui.widgets import (
    Button,
    FocusGroup,
    draw_group,
    fit_label,
    focus_ring,
    panel,
    stack_buttons,
    team_badge,
    verdict_icon,
)

if TYPE_CHECKING:
    from game.model.session import Team
    from game.ui.app import App
    from game.ui.context import Ui
    from game.ui.play import PlayContext


class TeamStrip:
    """Team tiles (badge, name, tick, option numbers) and the Reveal button."""

    def __init__(self, ui: Ui, teams: tuple[Team, ...], options: int, reveal: str) -> None:
        self.ui = ui
        self.teams = teams
        self.options = options
        self.tiles: list[pygame.Rect] = []
        self.buttons: list[list[Button]] = [
            [Button(f"t{t}o{o}", str(o + 1), kind="chip", translate=False) for o in range(options)]
            for t in range(len(teams))
        ]
        self.reveal_btn = Button("reveal", reveal, kind="primary", badge="Enter")
        self.group = FocusGroup([*chain(*self.buttons), self.reveal_btn], index=None)
        self.hint = pygame.Rect(0, 0, 0, 0)

    @staticmethod
    def height(ui: Ui) -> int:
        m = ui.m
        return round(m.small * 1.6 + m.body * 1.5 + m.pad * 0.75)

    def _split(self, tile: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect]:
        """A tile's head (badge, name, tick) and body (the option numbers)."""
        m = self.ui.m
        return take_top(inset(tile, m.unit * 1.0, m.unit * 0.8), m.small * 1.6, m.unit * 0.5)

    def layout(self, rect: pygame.Rect) -> None:
        m = self.ui.m
        bw = fit_label(
            self.ui, self.reveal_btn, round(min(rect.w * 0.21, m.body * 7.5)), rect.h, m.small
        )
        self.reveal_btn.rect = pygame.Rect(rect.right - bw, rect.y, bw, rect.h)
        tiles_area = pygame.Rect(rect.x, rect.y, rect.w - bw - m.gap, rect.h)
        self.tiles = split_cols(tiles_area, [1] * len(self.teams), round(m.gap * 0.7))
        for tile, row in zip(self.tiles, self.buttons, strict=True):
            cells = split_cols(self._split(tile)[1], [1] * len(row), round(m.unit * 0.8))
            for b, cell in zip(row, cells, strict=True):
                b.rect = cell
                b.size = max(m.min_font, min(m.small, round(cell.h * 0.6)))

    def draw(
        self,
        surface: pygame.Surface,
        entered: list[bool],
        selected: int | None,
        hint: str,
        active: bool,
    ) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        if self.hint.h:
            ui.text(surface, hint, self.hint, style="note")
        for team, tile, done in zip(self.teams, self.tiles, entered, strict=True):
            panel(ui, surface, tile, t.panel, shadow=False, edge=ui.theme.team(team.colour))
            head = self._split(tile)[0]
            icon = pygame.Rect(head.x, head.y, head.h, head.h)
            team_badge(ui, surface, team, icon)
            x = icon.right + round(m.unit)
            name = pygame.Rect(
                x, head.y, head.right - (head.h if done else 0) - round(m.unit) - x, head.h
            )
            if name.w >= m.small * 3:  # narrow tiles (many teams): the badge's letter is enough
                ui.text(surface, tr(team.name), name, style="key")
            if done:  # a tick: this team has decided (which option stays hidden)
                verdict_icon(
                    ui, surface, True, (head.right - head.h / 2, head.centery), head.h * 0.42
                )
        for b in self.group.buttons:
            b.enabled = active
        draw_group(ui, surface, self.group)
        if selected is not None and active:
            focus_ring(ui, surface, self.tiles[selected])


class _TeamEntry(PlayScene):
    """The team strip, taken off the bottom of the play area before the screen lays out, and
    entering each team's choice with it: the card's steps and the reasons."""

    strip: TeamStrip
    selected: int

    def layout(self, size: tuple[int, int]) -> None:
        super().layout(size)
        strip, self.content = take_bottom(
            self.content, TeamStrip.height(self.ui), self.ui.m.pad * 0.6
        )
        self.strip.layout(strip)

    def hover(self, inp: Input, *groups: FocusGroup) -> bool:
        return super().hover(inp, self.strip.group, *groups)

    def entries(self) -> list[bool]:
        st = self.session.state
        raw = st.entries or (None,) * len(st.teams)
        return [e is not None for e in raw]

    def next_open(self, after: int) -> int:
        """The first team after `after`, round the strip, without an entry (else `after`)."""
        done = self.entries()
        n = len(done)
        return next((i % n for i in range(after + 1, after + n + 1) if not done[i % n]), after)

    def enter(self, team: int, option: int) -> None:
        try:
            self.session.enter(team, option)
        except IllegalAction:
            return
        self.app.sound.play("choose")
        self.selected = self.next_open(team)
        self.app.dirty = True

    def reveal(self) -> None:
        try:
            self.session.reveal()
        except IllegalAction:
            st = self.session.state
            waiting = [t for t, e in zip(st.teams, self.entries(), strict=True) if not e]
            names = ", ".join(f"{t.letter} {tr(t.name)}" for t in waiting)
            self.app.show_toast(tr("Waiting for: {teams}").format(teams=names))
            return
        self.app.sound.play("reveal")

    def handle_strip(self, inp: Input, order: Sequence[int] | None) -> bool:
        """A team's letter selects it; a click on the strip enters an option (`order`: the
        card's option for each number on screen), reveals, or selects the tile's team."""
        if inp.act is Act.LETTER:
            letters = [t.letter.lower() for t in self.session.state.teams]
            if inp.text in letters:
                self.selected = letters.index(inp.text)
            return inp.text in letters
        if inp.act is not Act.CLICK:
            return False
        strip = self.strip
        button = strip.group.at(inp.pos)
        tile = next((t for t, rect in enumerate(strip.tiles) if rect.collidepoint(inp.pos)), None)
        if button is strip.reveal_btn:
            self.reveal()
        elif button is not None:
            team, option = divmod(strip.group.buttons.index(button), strip.options)
            self.enter(team, option if order is None else order[option])
        elif tile is not None:
            self.selected = tile
        return button is not None or tile is not None


class AllTeamsCardScene(CardScene, _TeamEntry):
    """The card with the team strip: the class steps (spot, name: teams point, the facilitator
    enters what they can and reveals) and the choice (every team enters, then reveal)."""

    name = "enter-choices"
    hint_shown = True  # the how-to line under the question (see layout)

    def _build_options(self) -> None:
        super()._build_options()
        self.strip = TeamStrip(self.ui, self.state.teams, len(self.options), N_("Reveal"))
        self.selected = self.next_open(-1)  # a new step starts again with the first team

    def layout(self, size: tuple[int, int]) -> None:
        # the how-to line goes under the question, shown when the options keep their size
        # beside it (like the card's line on the step before: a larger text size never draws
        # an option smaller, issue 13), and that line keeps its place
        self.hint_shown = False
        super().layout(size)
        alone = self.options_held, self.result_rect.h
        self.hint_shown = alone[0][0]
        if self.hint_shown:
            super().layout(size)
            if (self.options_held, self.result_rect.h) != alone:
                self.hint_shown = False
                super().layout(size)
        q = self.question_rect
        self.question_rect, self.strip.hint = take_top(q, q.h - self._hint_h(q.w))

    def _question_h(self, width: int) -> float:
        # the card's layout gives the question the room for the how-to line too
        return super()._question_h(width) + self._hint_h(width)

    def _hint_h(self, width: int) -> int:
        """The height of the tallest how-to line, `width` wide (0 while it is not shown)."""
        if not self.hint_shown:
            return 0
        m = self.ui.m
        return max(
            self.ui.engine.layout(h, "body", m.small, width).h for h in self.hints().values()
        )

    def hints(self) -> dict[Phase, str]:
        """The how-to line of each step (the spot and name ones from the glossary)."""
        return {
            Phase.SCENARIO: tr("Every team reads the chat and decides together."),
            Phase.SPOT: self.app.glossary.word("teams_spot_hint"),
            Phase.NAME: self.app.glossary.word("teams_name_hint"),
            Phase.CHOOSE: tr("Teams hold up 1–4. Letter, then number — or click."),
        }

    def _order(self) -> Sequence[int] | None:
        """The card's option for each number on screen (None: the number is the option)."""
        st = self.session.state
        return st.response_order if st.phase is Phase.CHOOSE else None

    def pick(self, index: int) -> None:  # a number key or a click on an option
        order = self._order()
        if self.session.phase in STEP_PHASES and 0 <= index < len(self.options):
            self.enter(self.selected, index if order is None else order[index])

    def handle(self, inp: Input) -> bool:
        self._follow_phase()  # the strip and buttons of the step on screen, even mid-frame
        choosing = self.session.phase in STEP_PHASES
        if inp.act is Act.CONFIRM and choosing:
            self.reveal()
            return True
        if inp.act is Act.CLICK and (self.notes_open or not choosing):
            return super().handle(inp)  # while the chat comes in, a click shows it all
        return self.handle_strip(inp, self._order()) or super().handle(inp)

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        phase = self.session.phase
        hints = self.hints()
        hint = hints.get(phase, hints[Phase.SCENARIO])
        self.strip.draw(surface, self.entries(), self.selected, hint, phase in STEP_PHASES)


class AllTeamsExplainScene(ExplainScene, _TeamEntry):
    """The reasons with the team strip: every team enters its reason, then reveal. Beside them,
    how the teams answered."""

    name = "enter-reasons"

    def __init__(self, app: App, play: PlayContext) -> None:
        super().__init__(app, play)
        self.strip = TeamStrip(self.ui, self.state.teams, len(self.reasons), N_("Reveal"))
        self.selected = self.next_open(-1)

    def _answered_blocks(self) -> list[Block]:
        st = self.session.state
        blocks = [Block(tr("How the teams answered"), role="semi", colour="accent", scale=0.8)]
        for pos, i in enumerate(st.response_order):
            response = st.card.responses[i]
            teams = [t for t, c in zip(st.teams, st.team_choices, strict=False) if c == i]
            names = ", ".join(f"{t.letter} {tr(t.name)}" for t in teams) or "—"
            blocks.append(Block(f"{pos + 1}.  {response.text}", role="bold", gap=0.6, scale=0.85))
            blocks.append(
                Block(names, colour="accent" if teams else "text_muted", gap=0.1, scale=0.85)
            )
        return blocks

    def _layout(self, reminder: bool) -> bool:
        """How the teams answered on the left (no reminder of one choice); the heading, the
        how-to line and the reasons on the right."""
        ui, m = self.ui, self.ui.m
        left, right = split_cols(self.content, (0.42, 0.58), m.pad)
        self.chosen_rect = pygame.Rect(left.x, left.y, 0, 0)
        self.answered = left
        self.answered_inner = inset(left, m.unit * 2.2)
        self.answered_fit = ui.page_column(self._answered_blocks(), self.answered_inner, m.body)
        self.heading_rect, rest = take_top(right, m.play_large * 1.4)
        hint = ui.engine.layout(self.hint(), "body", m.small, rest.w).h + m.small * 0.6
        self.strip.hint, rest = take_top(rest, hint, m.pad * 0.3)
        stack_buttons(ui, self.reasons, rest, round(m.pad * 0.6), m.body * 4.0)
        return True

    def pick(self, index: int) -> None:  # a number key or a click on a reason
        self.enter(self.selected, self.order[index])

    def handle(self, inp: Input) -> bool:
        if self.handle_strip(inp, self.order) or self.handle_bar(inp):
            return True
        if inp.act is Act.CONFIRM:
            self.reveal()
            return True
        return inp.act in (Act.PICK, Act.CLICK, Act.HOVER) and super().handle(inp)

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        panel(self.ui, surface, self.answered, self.ui.theme.panel)
        self.ui.draw_column(surface, self.answered_fit, self.answered_inner)
        self.strip.draw(surface, self.entries(), self.selected, self.hint(), True)

    def hint(self) -> str:
        return tr("Teams hold up 1–3. Letter, then number — or click.")
