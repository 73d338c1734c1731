"""Explain why: the chosen option (small), then "Why is the safe choice right?" with reasons 1–3.

In solo mode an optional box comes first for the player's own words. Letters go to the box
while it has focus; Enter submits or skips; Esc (or Tab, or a click elsewhere) leaves it. The
words stay in this scene and the feedback screen only — never in the session, never on disk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.model.session import Mode, Phase
from game.ui.input import Act, Input
from game.ui.layout import inset, take_top
from game.ui.scenes.common import PlayScene, button_lines, option_buttons
from game.ui.scenes.feedback import LABEL
from game.ui.services import tr
from game.ui.text import Block
from game.ui.widgets import FocusGroup, draw_group, focus_ring, panel, stack_buttons

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.play import PlayContext

MAX_WORDS_CHARS = 160


class ExplainScene(PlayScene):
    name = "explain"
    kind = "explain"

    def __init__(self, app: App, play: PlayContext) -> None:
        super().__init__(app, play)
        card = self.state.card
        # in the order drawn for this play (the session's shuffle); keys 1–3 follow the screen
        self.order = self.state.reason_order
        self.reasons = option_buttons("reason", (card.reasons[i].text for i in self.order))
        self.group = FocusGroup(self.reasons, index=None)
        self.chosen = card.responses[self.state.choice or 0].text
        self.solo = self.state.mode is Mode.SOLO
        self.words = ""
        self.box_focused = self.solo
        # until the box is clicked or typed into, digits pick reasons (not text in the box)
        self.box_used = False
        self.box = pygame.Rect(0, 0, 0, 0)

    @property
    def wants_text(self) -> bool:
        return self.box_focused

    def layout(self, size: tuple[int, int]) -> None:
        super().layout(size)
        # the reminder of the choice goes when the reasons need its room to keep their size
        # (the largest text sizes); on a projector the class has just seen the choice anyway
        if not self._layout(reminder=not self.ui.m.projector):
            self._layout(reminder=False)

    def _layout(self, reminder: bool) -> bool:
        """Lay out the screen; False when a reason does not fit its button at `m.least`."""
        ui, m = self.ui, self.ui.m
        rest = self.content
        self.chosen_rect = pygame.Rect(rest.x, rest.y, rest.w, 0)
        if reminder:  # the choice made: small, but still at the reading size
            ip = round(m.unit * 1.8)
            blocks = [LABEL._replace(text=tr("You chose")), Block(self.chosen, gap=0.2)]
            box = pygame.Rect(0, 0, rest.w - 2 * ip, round(rest.h * 0.25))
            self.chosen_fit = ui.column(blocks, box, max(m.play_small, m.reading), m.reading)
            self.chosen_rect, rest = take_top(rest, self.chosen_fit.h + 2 * ip, m.pad * 0.6)
        self.heading_rect, rest = take_top(rest, min(m.play_large * 1.6, m.h * 0.11), m.pad * 0.3)
        if self.solo:
            self.label_rect, rest = take_top(rest, m.small * 1.5, m.unit * 0.6)
            self.box, rest = take_top(rest, max(48, min(m.body * 2.8, m.h * 0.1)), m.pad * 0.9)
        rest = pygame.Rect(rest.x + m.space(3), rest.y, rest.w - m.space(3), rest.h)
        gap = round(m.pad * 0.7)
        return stack_buttons(ui, self.reasons, rest, gap, m.body * 4.0, grow=m.projector)

    def update(self, dt: float) -> None:
        reason = self.flashed(dt)
        if reason is not None:
            self.play.own_words = self.words.strip()
            if self.session.phase is Phase.EXPLAIN:
                self.session.explain(self.order[reason])

    def handle(self, inp: Input) -> bool:
        if self.picked is not None:
            return inp.act not in (Act.BACK, Act.HELP, Act.FULLSCREEN, Act.QUIT)
        if inp.act is Act.HOVER:
            return self.hover(inp, self.group)
        if self.box_focused and self.type_in_box(inp):
            return True
        if inp.act is Act.CLICK:  # in the box focuses it; elsewhere but a reason leaves it
            if self.solo and self.box.collidepoint(inp.pos):
                self.box_focused = self.box_used = True
                self.group.index = None
                return True
            if self.box_focused and self.group.at(inp.pos) is None:
                self.box_focused = False
                return True
        elif self.box_focused:
            return inp.act is not Act.FULLSCREEN  # shortcuts are letters while typing
        if self.handle_bar(inp):
            return True
        # in solo Tab goes on from the last reason (or back from the first) into the box
        edge = len(self.reasons) - 1 if inp.act is Act.NEXT else 0
        if self.solo and inp.act in (Act.NEXT, Act.PREV) and self.group.index == edge:
            self.group.index = None
            self.box_focused = True
            return True
        return self.route_options(inp, lambda b: self.pick(self.reasons.index(b)))

    def type_in_box(self, inp: Input) -> bool:
        """The box for the player's own words (solo): letters and Backspace edit it, Enter and
        Esc leave it, Tab goes on to the reasons."""
        if inp.act is Act.TEXT:
            digit = inp.text.strip()
            if not self.box_used and digit.isdigit() and len(digit) == 1:  # a number picks
                if 1 <= int(digit) <= len(self.reasons):
                    self.pick(int(digit) - 1)
            else:
                self.box_used = True
                self.words = (self.words + inp.text)[:MAX_WORDS_CHARS]
            return True
        if inp.act is Act.BACKSPACE:
            self.words = self.words[:-1]
            return True
        if inp.act in (Act.CONFIRM, Act.BACK):
            self.box_focused = False
            return True
        if inp.act in (Act.NEXT, Act.PREV):
            self.box_focused = False
            self.group.index = 0 if inp.act is Act.NEXT else len(self.reasons) - 1
            return True
        return False

    def pick(self, index: int) -> None:
        self.box_focused = False
        self.flash_pick(index)

    def texts(self) -> tuple[str, ...]:
        return (tr("Why is the safe choice right?"), *button_lines(self.reasons))

    def draw(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        self.draw_bar(surface)
        if self.chosen_rect.h:  # the choice made, as a reminder (not on a projector)
            panel(ui, surface, self.chosen_rect, t.panel, shadow=False)
            ui.draw_column(surface, self.chosen_fit, inset(self.chosen_rect, round(m.unit * 1.8)))
        self.draw_heading(surface, tr("Why is the safe choice right?"), self.heading_rect)
        if self.solo:
            label = tr("In your own words (optional — press Enter to skip)")
            ui.text(
                surface, label, self.label_rect, style="label", colour=t.text_muted, valign="bottom"
            )
            panel(ui, surface, self.box, t.field, shadow=False)
            inner = inset(self.box, m.unit * 1.8, m.unit * 1.0)
            if self.words:
                covered = ui.text(surface, self.words, inner, style="line", colour=t.field_text)
                caret_x = covered.right + 2
            else:
                hint = tr("Type here…") if self.box_focused else tr("Click here to type")
                covered = ui.text(
                    surface, hint, inner, style="line", role="italic", colour=t.field_hint
                )
                caret_x = inner.x
            if self.box_focused:
                line = pygame.Rect(caret_x, 0, max(2, round(m.unit * 0.35)), round(m.body * 1.1))
                line.centery = covered.bottom - round(m.body * 0.55)
                pygame.draw.rect(surface, t.field_text, line)
                focus_ring(ui, surface, self.box)
        flash = f"reason{self.picked}" if self.picked is not None else ""
        draw_group(ui, surface, self.group, flash_id=flash)
