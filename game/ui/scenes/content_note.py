"""The content note shown once per run, before the first card: what the game talks about,
that anyone can pause (Esc) and see where to get help (H). Enter continues."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.input import Act, Input
from game.ui.layout import centered, inset, take_bottom, take_top
from game.ui.scene import Scene, column_texts
from game.ui.services import N_, tr
from game.ui.text import Block
from game.ui.widgets import Button, FocusGroup, draw_card, draw_group

if TYPE_CHECKING:
    from game.ui.app import App

NOTE = (
    N_(
        "This game is about pressure online: people who ask for pictures, offer gifts or money "
        "for them, or make threats — and what you can do about it."
    ),
    N_(
        "Some cards may feel close to home. That is okay. Anyone can pause the game at any time "
        "with Esc, and see where to get help with H."
    ),
    N_(
        "If something like this has happened to you or a friend: it is never your fault, and it "
        "is not too late to tell someone."
    ),
)


class ContentNoteScene(Scene):
    group: FocusGroup  # made in __init__ (Scene.group is None for scenes without one)
    name = "content-note"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.ok_btn = Button("continue", "Continue", kind="primary", badge="Enter")
        self.group = FocusGroup([self.ok_btn], index=0)

    def layout(self, size: tuple[int, int]) -> None:
        m = self.ui.m
        self.card = centered(m.screen, min(size[0] * 0.86, m.h * 1.25), size[1] * 0.84)
        inner = inset(self.card, m.pad * 1.6)
        self.heading, rest = take_top(inner, m.heading * 1.4, m.pad * 0.5)
        bottom, rest = take_bottom(rest, m.body * 2.3, m.pad)
        bw = round(min(bottom.w * 0.5, m.body * 9))
        self.ok_btn.rect = pygame.Rect(bottom.centerx - bw // 2, bottom.y, bw, bottom.h)
        self.body = rest
        blocks = [Block(tr(p), gap=0.9) for p in NOTE]
        self.fit = self.ui.column(blocks, rest, m.body)

    def handle(self, inp: Input) -> bool:
        if inp.act is Act.HOVER:
            return self.group.set_hover(inp.pos)
        if inp.act is Act.CONFIRM or (
            inp.act is Act.CLICK and self.ok_btn.rect.collidepoint(inp.pos)
        ):
            self.app.pop()
            return True
        return inp.act in (Act.CLICK, Act.PICK, Act.NEXT, Act.PREV)

    def texts(self) -> tuple[str, ...]:
        return (tr("Before we start"), *column_texts(self.fit))

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        draw_card(ui, surface, self.card, tr("Before we start"), self.heading, over=False)
        ui.draw_column(surface, self.fit, self.body)
        draw_group(ui, surface, self.group)
