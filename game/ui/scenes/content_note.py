"""The content note shown once per run, before the first card: what the game talks about,
that anyone can pause (Esc) and see where to get help (H). Enter continues."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.layout import take_bottom
from game.ui.scenes.modal import Modal, button_grid
from game.ui.services import N_, tr
from game.ui.text import Block
from game.ui.widgets import Button

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


class ContentNoteScene(Modal):
    name = "content-note"
    opaque = True
    card_size = (0.86, 1.25, 0.84)
    centred = False
    closes = False  # Enter (or the button) continues
    heading = N_("Before we start")

    def __init__(self, app: App) -> None:
        super().__init__(app, [Button("continue", "Continue", kind="primary", badge="Enter")])

    def blocks(self) -> list[Block]:
        return [Block(tr(p), gap=0.9) for p in NOTE]

    def place(self, rest: pygame.Rect) -> pygame.Rect:
        m = self.ui.m
        bottom, body = take_bottom(rest, m.body * 2.3, m.pad)
        width = min(bottom.w * 0.5, m.body * 9)
        button_grid(self.ui, self.group.buttons, bottom, 0, bottom.h, widths=[width])
        return body
