"""Before the first card of a group game: a checklist for the facilitator, on the projector.

The topics of this session (the red flags of the cards drawn), what to tell the group first,
the ground rules and what to do if a young person tells you something (the glossary's words, as
in the printed guide), and the facilitator's keys. Enter starts the first card. What does not
fit the two panels at the reading size goes on pages (Left/Right or the circles turn them).

Here the facilitator also chooses the steps before the move (1–4 or a click): spot the red flag
and name the trick (the default), one of them, or the move and why only for a short lesson.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pygame

from game.model.session import Session, new_state
from game.ui.input import Act, Input
from game.ui.layout import Pages, chunk, inset, page_columns, split_cols, take_bottom, take_top
from game.ui.play import step_choices
from game.ui.scene import Scene, column_texts
from game.ui.services import N_, tr
from game.ui.text import Block, ColumnFit, block_groups
from game.ui.widgets import (
    Button,
    FocusGroup,
    draw_button,
    draw_group,
    draw_pips,
    fit_label,
    paint_background,
    panel,
)

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.play import PlayContext

TELL_THE_GROUP = N_(
    "Today's cards are about pressure online: people who ask for pictures, offer gifts for "
    "them, or make threats — and what you can do. Some of it may feel close to home; anyone "
    "can step out. Where to get help is on the screen at the end, and any time with H."
)
# agreed with the ground rules (the guide asks for them in its session plan)
ALSO_AGREE = (
    N_("We challenge blame: it is never the victim's fault."),
    N_("Questions can be asked anonymously (a question box)."),
)
KEYS = N_(
    "N notes  ·  B +1 for explaining  ·  U undo it  ·  S skip  ·  Backspace back one step  ·  "
    "T timer  ·  Esc pause"
)


class FacilitatorIntroScene(Scene):
    group: FocusGroup  # made in __init__ (Scene.group is None for scenes without one)
    name = "facilitator-intro"

    def __init__(self, app: App, play: PlayContext) -> None:
        super().__init__(app)
        self.play = play
        self.start_btn = Button("begin", "Start the first card", kind="primary", badge="Enter")
        self.back_btn = Button("back", "Back to setup", kind="quiet", badge="Esc")
        self.group = FocusGroup([self.start_btn, self.back_btn], index=0)
        self.pager = Pages()
        choices = step_choices(app)
        self.step_values = [v for v, _ in choices]
        self.step_chips = [
            Button(f"steps:{i}", label, kind="chip", badge=str(i + 1), translate=False)
            for i, (_, label) in enumerate(choices)
        ]
        self._mark_steps()

    def _mark_steps(self) -> None:
        options = self.play.session.state.options
        for chip, value in zip(self.step_chips, self.step_values, strict=True):
            chip.selected = value == (options.spot, options.name)

    def set_steps(self, index: int) -> None:
        """The same cards with the steps chosen (nothing has been played yet)."""
        spot, name = self.step_values[index]
        st = self.play.session.state
        options = replace(st.options, spot=spot, name=name)
        confusions = {tag: list(others) for tag, others in st.confusions}
        self.play.session = Session(
            new_state(st.cards, st.mode, len(st.teams), options, confusions)
        )
        self.play.setup = replace(self.play.setup, spot=spot, name=name)
        self.app.setup = replace(self.app.setup, spot=spot, name=name)
        self._mark_steps()
        self.app.dirty = True

    def topics(self) -> list[str]:
        return list(dict.fromkeys(card.red_flag for card in self.play.session.state.cards))

    def _groups(self) -> list[list[Block]]:
        """The groups, in reading order, flowing over the two panels and their pages (a label
        kept with what follows it)."""
        label = Block("", role="semi", colour="accent", scale=0.82, gap=0.9)
        said = self.app.glossary.facilitator  # the same words as the printed guide
        blocks = [label._replace(text=tr("Topics in this session"))]
        blocks += [Block(f"•  {t}", role="bold", gap=0.15, scale=0.9) for t in self.topics()]
        blocks.append(label._replace(text=tr("Tell the group first")))
        blocks.append(Block(tr(TELL_THE_GROUP), gap=0.2, scale=0.9))
        blocks.append(label._replace(text=tr("Ground rules to agree")))
        blocks += [
            Block(f"•  {r.name}: {r.detail}", gap=0.15, scale=0.9) for r in said.ground_rules
        ]
        blocks += [Block(f"•  {tr(r)}", gap=0.15, scale=0.9) for r in ALSO_AGREE]
        blocks.append(label._replace(text=tr("If someone tells you something")))
        blocks.append(Block(" ".join(said.if_someone_tells), role="bold", gap=0.2, scale=0.9))
        blocks.append(label._replace(text=tr("Your keys")))
        blocks.append(Block(tr(KEYS), colour="text_muted", gap=0.2, scale=0.8))
        return block_groups(blocks, lambda _: True)

    def layout(self, size: tuple[int, int]) -> None:
        ui, m = self.ui, self.ui.m
        area = inset(m.screen, m.pad * 1.2, m.pad)
        self.heading, rest = take_top(area, m.heading * 1.3, m.pad * 0.4)
        bottom, rest = take_bottom(rest, m.body * 2.3, m.pad * 0.6)
        bw = fit_label(
            ui, self.start_btn, round(min(bottom.w * 0.4, m.body * 11)), bottom.h, m.body
        )
        self.start_btn.rect = pygame.Rect(bottom.right - bw, bottom.y, bw, bottom.h)
        qw, qh = round(min(bottom.w * 0.3, m.small * 10)), round(bottom.h * 0.7)
        qw = fit_label(ui, self.back_btn, qw, qh, m.small)
        self.back_btn.rect = pygame.Rect(bottom.x, bottom.y + round(bottom.h * 0.15), qw, qh)
        pager = pygame.Rect(
            bottom.x + qw + m.pad, bottom.y, bottom.w - qw - bw - 2 * m.pad, bottom.h
        )
        # the steps before the move: a label line, then four chips across the whole width
        chips, rest = take_bottom(rest, max(44, round(m.body * 1.9)), m.pad * 0.6)
        self.steps_label, rest = take_bottom(rest, round(m.small * 1.5), m.unit * 0.4)
        for chip, rect in zip(
            self.step_chips, split_cols(chips, [1] * 4, round(m.gap * 0.8)), strict=True
        ):
            chip.rect = rect
            chip.size = m.small
        self.cols = split_cols(rest, (1, 1), m.pad)
        self.inner = [inset(c, m.pad) for c in self.cols]
        inner = self.inner
        parts = page_columns(ui, self._groups(), lambda i: inner[i % 2], m.body, m.min_font)
        self.pages: list[list[ColumnFit]] = chunk([fit for fit, _ in parts], 2)
        self.pager.reset(len(self.pages))
        self.pager.place(pager, m.pip, m.gap)

    def handle(self, inp: Input) -> bool:
        chips = self.step_chips
        if inp.act is Act.CLICK:  # a click on a chip picks it as its number would
            hit = [i for i, c in enumerate(chips) if c.rect.collidepoint(inp.pos)]
            inp = Input(Act.PICK, hit[0]) if hit else inp
        if inp.act is Act.PICK and inp.index < len(chips):
            self.set_steps(inp.index)
            return True
        if self.pager.key(inp):
            return True
        routed = self.group.route(inp, self.activate)
        if routed is not None:
            return routed
        if inp.act is Act.BACK:
            self.activate(self.back_btn)
            return True
        return inp.act in (Act.PICK, Act.LETTER)

    def activate(self, button: Button) -> None:
        if button is self.start_btn:
            self.app.show_play()
        else:
            self.app.to_setup()

    def texts(self) -> tuple[str, ...]:
        return (
            tr("Before the first card — for the facilitator"),
            *column_texts(*self.pages[self.pager.index]),
        )

    def draw(self, surface: pygame.Surface) -> None:
        ui, t = self.ui, self.ui.theme
        paint_background(ui, surface)
        ui.text(
            surface, tr("Before the first card — for the facilitator"), self.heading, style="title"
        )
        page = self.pages[self.pager.index]  # a last page may fill one panel only
        for col, inner, fit in zip(self.cols, self.inner, page, strict=False):
            panel(ui, surface, col, t.panel)
            ui.draw_column(surface, fit, inner)
        draw_pips(ui, surface, self.pager.pips, self.pager.index)
        ui.text(surface, self.app.glossary.word("steps_row"), self.steps_label, style="label")
        for chip in self.step_chips:
            draw_button(ui, surface, chip)
        draw_group(ui, surface, self.group)
