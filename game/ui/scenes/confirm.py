"""Asks before leaving a game, so a stray click does not throw away a class's round."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.input import Act, Input
from game.ui.layout import centered, inset, split_cols, take_bottom, take_top
from game.ui.scene import Scene
from game.ui.services import tr
from game.ui.widgets import Button, FocusGroup, draw_dialog, draw_group

if TYPE_CHECKING:
    from game.ui.app import App


class ConfirmScene(Scene):
    group: FocusGroup  # made in __init__ (Scene.group is None for scenes without one)
    name = "confirm"
    opaque = False

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.stay_btn = Button("stay", "No, keep playing", kind="primary")
        self.leave_btn = Button("leave", "Yes, leave")
        self.group = FocusGroup([self.stay_btn, self.leave_btn], index=0)

    def layout(self, size: tuple[int, int]) -> None:
        m = self.ui.m
        self.card = centered(m.screen, min(size[0] * 0.7, m.h * 1.1), size[1] * 0.5)
        inner = inset(self.card, m.pad * 1.5)
        self.heading, rest = take_top(inner, m.heading * 1.4, m.pad * 0.3)
        bottom, self.body = take_bottom(rest, m.body * 2.3, m.pad * 0.6)
        self.stay_btn.rect, self.leave_btn.rect = split_cols(bottom, (1, 1), m.pad)

    def handle(self, inp: Input) -> bool:
        routed = self.group.route(inp, self.activate)
        if routed is not None:
            return routed
        if inp.act is Act.BACK:
            self.app.pop()
            return True
        return inp.act not in (Act.HELP, Act.FULLSCREEN)

    def activate(self, button: Button) -> None:
        if button is self.stay_btn:
            self.app.pop()
        else:
            self.app.to_title()

    def dialog_text(self) -> tuple[str, str]:
        """The question and the line under it."""
        return (
            tr("Leave this game?"),
            tr("You will go back to the title screen. The points of this game will not be kept."),
        )

    def texts(self) -> tuple[str, ...]:
        return self.dialog_text()

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        heading, body = self.dialog_text()
        draw_dialog(ui, surface, self.card, heading, self.heading, body, self.body)
        draw_group(ui, surface, self.group)
