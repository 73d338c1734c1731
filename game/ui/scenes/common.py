"""What every play screen shares: the top bar (progress, whose turn, Pause and Get help)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import pygame

from game.model.session import Mode
from game.ui.facilitator import FacilitatorControls
from game.ui.input import Act, Input
from game.ui.layout import in_row, take_top
from game.ui.scene import Scene
from game.ui.services import tr
from game.ui.widgets import (
    Button,
    FocusGroup,
    draw_group,
    fit_labels,
    paint_background,
    panel,
    team_badge,
)

if TYPE_CHECKING:
    from game.model.session import SessionState, Team
    from game.ui.app import App
    from game.ui.context import Ui
    from game.ui.play import PlayContext


def button_lines(buttons: list[Button]) -> list[str]:
    """The labels of `buttons` as read aloud, numbered ones with their number: "1: Block them"."""
    return [f"{b.badge}: {b.text}" if b.badge.isdigit() else b.text for b in buttons]


def option_buttons(prefix: str, texts: Iterable[str]) -> list[Button]:
    """Numbered answer buttons in the card's language: keys 1, 2, 3… follow the screen."""
    return [
        Button(f"{prefix}{k}", text, kind="option", badge=str(k + 1), translate=False, align="left")
        for k, text in enumerate(texts)
    ]


def turn_label(
    ui: Ui, texts: tuple[str, ...], width: int, size: int, floor: int, height: int = 10_000
) -> tuple[str, int]:
    """The first of `texts` that fits `width` (and `height`) on one line, at the largest size
    from `size` down to `floor`; the last text at the floor when none does."""
    for text in texts:
        for s in range(size, floor - 1, -1):
            lay = ui.engine.layout(text, "semi", s, 10_000)
            if lay.w <= width and lay.h <= height:
                return text, s
    return texts[-1], floor


def team_chip(
    ui: Ui, surface: pygame.Surface, rect: pygame.Rect, team: Team, text: str, size: int, side: int
) -> None:
    """A team's chip: its badge (`side` tall), then `text` at `size` (a newline makes two
    lines), on a panel edged in the team's colour. The padding is CHIP_PAD units."""
    m, t = ui.m, ui.theme
    radius = min(m.radius, rect.h // 2)
    panel(ui, surface, rect, t.panel, radius=radius, shadow=False, edge=t.team(team.colour))
    icon = pygame.Rect(rect.x + round(m.unit), 0, side, side)
    icon.centery = rect.centery
    team_badge(ui, surface, team, icon)
    x = icon.right + round(m.unit * 0.8)
    box = pygame.Rect(x, rect.y + 2, rect.right - x - round(m.unit * 1.2), rect.h - 4)
    ui.text(surface, text, box, style="label", size=size, min_size=min(size, m.min_font))


CHIP_PAD = 3.0  # units of a team chip's width beside its badge and text (see team_chip)
PICK_FLASH = 0.3  # seconds a picked answer lights up before the game moves on


class PlayScene(FacilitatorControls, Scene):
    """Base of the card, explain, feedback and summary screens. The facilitator's keys, the
    notes panel, the timer and the toasts come from `FacilitatorControls`."""

    kind = "play"
    group: FocusGroup  # the screen's answer buttons, made in __init__
    picked: int | None = None  # the answer lit up for a moment (a single press picks)
    pick_t = 0.0

    def __init__(self, app: App, play: PlayContext) -> None:
        super().__init__(app)
        self.play = play
        self.session = play.session
        self.play_key: tuple[str, int] = (self.kind, self.state.index)  # what it was built for
        self.help_btn = Button("help", "Get help", kind="quiet", badge="H")
        self.pause_btn = Button("pause", "Pause", kind="quiet", badge="Esc")
        self.bar_group = FocusGroup([self.pause_btn, self.help_btn], index=None)
        self.bar = pygame.Rect(0, 0, 0, 0)
        self.content = pygame.Rect(0, 0, 0, 0)

    @property
    def state(self) -> SessionState:
        """The session's state now: the App follows the session, a scene keeps no copy."""
        return self.session.state

    def layout(self, size: tuple[int, int]) -> None:
        m = self.ui.m
        area = pygame.Rect(
            m.pad, round(m.pad * 0.7), size[0] - 2 * m.pad, size[1] - round(m.pad * 1.7)
        )
        self.bar, self.content = take_top(area, max(m.h * 0.07, m.small * 1.9), m.pad * 0.9)
        # each button as wide as its label needs (the labels shrink together in a narrow bar)
        room = round(size[0] * 0.37)
        pw, bw = fit_labels(self.ui, [self.pause_btn, self.help_btn], self.bar.h, room, m.small)
        pw = max(pw, round(min(size[0] * 0.17, m.small * 7.2)))
        bw = max(bw, round(min(size[0] * 0.2, m.small * 8.5)))
        self.pause_btn.rect, self.help_btn.rect = in_row(self.bar, [pw, bw], m.gap, "right")

    def draw_bar(
        self, surface: pygame.Surface, title: str | None = None, buttons: bool = True
    ) -> None:
        """Progress on the left, whose turn in the middle (teams), the two buttons right
        (`buttons=False` leaves them to the static layer, game/ui/layers.py)."""
        ui, m, st = self.ui, self.ui.m, self.state
        paint_background(ui, surface)
        left_w = round(self.bar.w * 0.2)
        box = pygame.Rect(self.bar.x, self.bar.y, left_w, round(self.bar.h * 0.62))
        label = title or tr("Card {n} of {total}").format(n=st.index + 1, total=len(st.cards))
        label, size = turn_label(ui, (label,), box.w, m.small, m.min_font, box.h)  # one line
        ui.text(surface, label, box, style="label", size=size, min_size=size)
        # progress pips: done, current, to come (filled in the accent, filled, hollow)
        n = len(st.cards)
        pip_w = min(left_w / max(n, 1), m.unit * 5)
        y = self.bar.y + round(self.bar.h * 0.82) - round(m.unit * 0.5)
        w = max(2, pip_w - m.unit * 0.6)
        row = pygame.Rect(self.bar.x, y, left_w, max(3, round(m.unit * 1.0)))
        for i, r in enumerate(in_row(row, [w] * n, pip_w - w)):
            if i < st.index or (i == st.index and title is not None):
                colour, width = ui.theme.accent, 0
            else:
                colour, width = (ui.theme.text, 0) if i == st.index else (ui.theme.panel_edge, 1)
            pygame.draw.rect(surface, colour, r, width=width, border_radius=r.h // 2)
        turn = self._turn_chip()
        if turn is not None:
            chip, text, size, side = turn
            team_chip(ui, surface, chip, st.teams[st.turn], text, size, side)
        if buttons:
            draw_group(ui, surface, self.bar_group)

    def _turn_chip(self) -> tuple[pygame.Rect, str, int, int] | None:
        """Whose turn (team turns, not on the summary): the chip's rect, its text and text
        size, and the side of the team's badge."""
        st, m = self.state, self.ui.m
        if st.mode is not Mode.TEAMS or self.kind == "summary":
            return None
        team = st.teams[st.turn]
        full = tr("Team {letter}: {name}, your turn").format(letter=team.letter, name=tr(team.name))
        chip_h = self.bar.h
        left = self.bar.x + round(self.bar.w * 0.2)
        right_edge = self.pause_btn.rect.x - self.bar_reserve()  # room for the timer
        room = right_edge - left - 2 * m.gap
        side = min(round(chip_h * 0.76), round(m.small * 1.4))
        chrome = round(m.unit * CHIP_PAD) + side
        # one line always: the whole sentence when it fits, else the team's name alone (the
        # badge beside it shows the letter and the shape), shrunk to fit if need be
        text, size = turn_label(self.ui, (full, tr(team.name)), room - chrome, m.small, m.min_font)
        lay = self.ui.engine.layout(text, "semi", size, 10_000)
        chip = pygame.Rect(0, self.bar.y, min(room, lay.w + chrome + m.gap), chip_h)
        chip.centerx = (left + right_edge) // 2
        return chip, text, size, side

    def turn_chip(self) -> pygame.Rect | None:
        """The whose-turn chip: a click on it gives the team a point (awards)."""
        turn = self._turn_chip()
        return turn[0] if turn is not None else None

    def handle_bar(self, inp: Input) -> bool:
        """Esc pauses, H helps, the two bar buttons click."""
        if self.handle_facilitator(inp):
            return True
        hit = self.bar_group.at(inp.pos) if inp.act is Act.CLICK else None
        if inp.act is Act.BACK or hit is self.pause_btn:
            self.app.open_pause()
            return True
        if hit is self.help_btn:
            self.app.open_help()
            return True
        return False

    def hover(self, inp: Input, *groups: FocusGroup) -> bool:
        """Update hover state of the bar and the given groups; True when anything changed."""
        changed = self.bar_group.set_hover(inp.pos)
        for group in groups:
            changed = group.set_hover(inp.pos) or changed
        return changed

    @property
    def animating(self) -> bool:
        return self.picked is not None

    def flash_pick(self, index: int) -> None:
        """Light up answer `index`: `flashed` hands it back once the moment is over."""
        self.group.index = self.picked = index
        self.pick_t = 0.0 if not self.ui.reduced_motion else PICK_FLASH * 0.5
        self.app.sound.play("choose")

    def flashed(self, dt: float) -> int | None:
        """The picked answer once its flash is over; None until then."""
        if self.picked is None:
            return None
        self.pick_t += dt
        if self.pick_t < PICK_FLASH:
            return None
        picked, self.picked = self.picked, None
        return picked

    def route_options(self, inp: Input, activate: Callable[[Button], None]) -> bool:
        """The answer buttons of `self.group`: a number picks the button showing it, a click the
        one under the pointer, Enter the focused one; Tab and the arrows move the focus."""
        if inp.act is Act.PICK:
            number = str(inp.index + 1)
            hit = next((b for b in self.group.buttons if b.badge == number), None)
            if hit is not None:
                activate(hit)
            return True
        return bool(self.group.route(inp, activate))

    def draw_heading(self, surface: pygame.Surface, text: str, rect: pygame.Rect) -> None:
        """The screen's question, in the display face."""
        self.ui.text(surface, text, rect, style="title", size=self.ui.m.play_large)
