"""The help overlay (H from anywhere): the safe moves, the region's services with the date they
were checked and the emergency number, how to play, and the keys. Esc, H or Enter closes it and
the screen below carries on exactly where it was."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.input import Act, Input
from game.ui.layout import inset, split_cols, take_top
from game.ui.scene import Scene
from game.ui.services import N_, emergency_line, tr
from game.ui.text import Block
from game.ui.widgets import Button, FocusGroup, dim, draw_group, panel

if TYPE_CHECKING:
    from game.ui.app import App

SAFE_MOVES = (
    (N_("Stop"), N_("Stop replying. Don't send, don't pay, don't argue.")),
    (
        N_("Save the chat — never the picture"),
        N_("Screenshot the messages, the name and any threats."),
    ),
    (N_("Block and report"), N_("After saving, block and report them in the app or game.")),
    (N_("Tell someone you trust"), N_("You will not be in trouble for asking for help.")),
    (N_("Get help"), N_("Helplines and removal services are there for you.")),
    (
        N_("If it happens to someone else"),
        N_("Don't forward it. Support the person. Tell an adult."),
    ),
)
HOW_TO_PLAY = (
    N_("Read the chat. Pick the safest reply with 1–4 or a click."),
    N_("Then pick why it is safest with 1–3."),
)
KEYS = (
    ("1–4", N_("pick")),
    (N_("Enter / Space"), N_("continue, show all")),
    (N_("Tab / arrows"), N_("move the focus")),
    ("Esc", N_("pause, or back")),
    ("H", N_("this help")),
    ("M", N_("sound on or off")),
    ("R", N_("read aloud again")),
    ("F11", N_("full screen")),
)


class HelpScene(Scene):
    name = "help"
    opaque = False

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.close_btn = Button("close", "Close", kind="primary", badge="Esc")
        self.group = FocusGroup([self.close_btn], index=0)

    def _columns(self, detail: int = 2) -> list[list[Block]]:
        """Detail 2: everything; 1: no service descriptions; 0: also no move explanations."""
        label = dict(role="semi", colour="accent", scale=0.82)
        moves = [Block(tr("Safe moves"), **label)]  # type: ignore[arg-type]
        for name, text in SAFE_MOVES:
            moves.append(Block(tr(name), role="bold", gap=0.6))
            if detail >= 1:
                moves.append(Block(tr(text), colour="text_muted", gap=0.1, scale=0.92))
        h = self.app.help
        where = [
            Block(tr("Where to get help"), **label),  # type: ignore[arg-type]
            Block(h.region, role="semi", colour="text_muted", scale=0.82, gap=0.2),
            Block(emergency_line(h), role="bold", colour="heading", gap=0.5, scale=1.05),
        ]
        for s in h.services:
            where.append(Block(s.name, role="bold", gap=0.6))
            where.append(Block(s.contact, role="semi", colour="accent", gap=0.05, scale=0.9))
            if s.about and detail >= 2:
                where.append(Block(s.about, colour="text_muted", gap=0.1, scale=0.92))
            if s.checked:
                where.append(
                    Block(
                        tr("checked {date}").format(date=s.checked),
                        role="italic",
                        colour="text_muted",
                        gap=0.05,
                        scale=0.8,
                    )
                )
        play: list[Block] = []
        if detail >= 1:  # with very large text the keys stay and "how to play" goes
            play.append(Block(tr("How to play"), **label))  # type: ignore[arg-type]
            play += [Block(tr(line), gap=0.35, scale=0.92) for line in HOW_TO_PLAY]
        play.append(Block(tr("Keys"), gap=0.9 if play else 0.0, **label))  # type: ignore[arg-type]
        play += [Block(f"{tr(key)}:  {tr(what)}", gap=0.2, scale=0.92) for key, what in KEYS]
        play.append(
            Block(
                tr("Everything also works with a mouse or a touch screen."),
                colour="text_muted",
                gap=0.6,
                scale=0.85,
            )
        )
        return [moves, where, play]

    def layout(self, size: tuple[int, int]) -> None:
        ui, m = self.ui, self.ui.m
        self.card = inset(m.screen, m.w * 0.025, m.h * 0.03)
        inner = inset(self.card, m.pad * 1.3)
        top, rest = take_top(inner, m.heading * 1.35, m.pad * 0.6)
        self.heading = top
        bw = round(min(top.w * 0.24, m.body * 7.5))
        self.close_btn.rect = pygame.Rect(top.right - bw, top.y, bw, top.h)
        self.cols = split_cols(rest, (1.35, 1, 0.8), m.pad * 1.2)
        # each column keeps as much detail as fits: service descriptions go first, then the
        # explanations of the moves; the names, numbers and keys always stay
        self.fits = []
        for i, rect in enumerate(self.cols):
            for detail in (2, 1, 0):
                fit = ui.column(self._columns(detail)[i], rect, m.body)
                if fit.fits:
                    break
            self.fits.append(fit)

    def handle(self, inp: Input) -> bool:
        if inp.act is Act.HOVER:
            return self.group.set_hover(inp.pos)
        if inp.act in (Act.BACK, Act.HELP, Act.CONFIRM) or (
            inp.act is Act.CLICK and self.close_btn.rect.collidepoint(inp.pos)
        ):
            self.app.pop()
            return True
        return inp.act is not Act.FULLSCREEN

    def draw(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        dim(ui, surface)
        panel(ui, surface, self.card, t.panel)
        ui.text(
            surface,
            tr("Help"),
            self.heading,
            role="display",
            size=m.heading,
            colour=t.heading,
            valign="middle",
        )
        for i, (fit, rect) in enumerate(zip(self.fits, self.cols, strict=True)):
            if i:
                x = rect.x - round(m.pad * 0.7)
                pygame.draw.line(surface, t.panel_edge, (x, rect.y), (x, rect.bottom), 1)
            ui.draw_column(surface, fit, rect)
        draw_group(ui, surface, self.group)
