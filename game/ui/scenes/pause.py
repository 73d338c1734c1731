"""Pause (Esc during play): a calm screen to step out. Resume returns exactly where the player
was — the card below is frozen, bubble animation and all, because only the top scene updates."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.input import Act, Input
from game.ui.layout import centered, inset, take_bottom, take_top
from game.ui.scene import Scene
from game.ui.services import emergency_line, tr
from game.ui.widgets import Button, FocusGroup, dim, draw_group, panel

if TYPE_CHECKING:
    from game.ui.app import App


class PauseScene(Scene):
    name = "pause"
    opaque = False

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.resume_btn = Button("resume", "Resume", kind="primary", badge="Esc")
        self.help_btn = Button("help", "Get help", badge="H")
        self.title_btn = Button("title", "Back to title")
        self.group = FocusGroup([self.resume_btn, self.help_btn, self.title_btn], index=0)

    def layout(self, size: tuple[int, int]) -> None:
        m = self.ui.m
        self.card = centered(m.screen, min(size[0] * 0.62, m.h * 0.95), size[1] * 0.8)
        inner = inset(self.card, m.pad * 1.5)
        self.heading, rest = take_top(inner, m.heading * 1.4, m.pad * 0.3)
        self.calm, rest = take_top(rest, m.body * 3.4, m.pad * 0.5)
        self.footer, rest = take_bottom(rest, m.body * 1.6, m.pad * 0.5)
        bh = round(min(m.body * 2.2, (rest.h - 2 * m.pad * 0.6) / 3))
        y = rest.y + (rest.h - 3 * bh - 2 * round(m.pad * 0.6)) // 2
        for b in self.group.buttons:
            b.rect = pygame.Rect(rest.x + round(rest.w * 0.1), y, round(rest.w * 0.8), bh)
            y += bh + round(m.pad * 0.6)

    def handle(self, inp: Input) -> bool:
        if inp.act is Act.HOVER:
            return self.group.set_hover(inp.pos)
        if inp.act is Act.BACK:
            self.app.pop()
            return True
        if inp.act is Act.HELP:
            self.app.open_help()
            return True
        if inp.act is Act.CLICK:
            hit = self.group.at(inp.pos)
            if hit is not None:
                self.activate(hit)
            return True
        if inp.act is Act.CONFIRM and self.group.focused is not None:
            self.activate(self.group.focused)
            return True
        if inp.act in (Act.NEXT, Act.DOWN, Act.PREV, Act.UP):
            self.group.move(1 if inp.act in (Act.NEXT, Act.DOWN) else -1)
            return True
        return inp.act is not Act.FULLSCREEN

    def activate(self, button: Button) -> None:
        if button is self.resume_btn:
            self.app.pop()
        elif button is self.help_btn:
            self.app.open_help()
        else:
            from game.ui.scenes.confirm import ConfirmScene

            self.app.push(ConfirmScene(self.app))

    def draw(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        dim(ui, surface)
        panel(ui, surface, self.card, t.panel)
        ui.text(
            surface,
            tr("Paused"),
            self.heading,
            role="display",
            size=m.heading,
            colour=t.heading,
            align="center",
            valign="middle",
        )
        ui.text(
            surface,
            tr("Take a break — you can step out. The game waits right here."),
            self.calm,
            size=m.body,
            colour=t.text_muted,
            align="center",
            valign="middle",
        )
        draw_group(ui, surface, self.group)
        ui.text(
            surface,
            emergency_line(self.app.help),
            self.footer,
            role="bold",
            size=m.body,
            colour=t.accent,
            align="center",
            valign="middle",
        )
