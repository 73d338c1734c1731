"""The title screen: the flag logo, the name, and Play / How to play & help / Quit.

On the first visit of a run it opens the content note, so the group hears what the game talks
about, and how to pause and find help, before any card appears.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.input import Act, Input
from game.ui.scene import Scene
from game.ui.services import tr
from game.ui.widgets import Button, FocusGroup, background, draw_group, flag_logo, panel

if TYPE_CHECKING:
    from game.ui.app import App


class TitleScene(Scene):
    name = "title"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.play_btn = Button("play", "Play", kind="primary", badge="Enter")
        self.help_btn = Button("help", "How to play & help", badge="H")
        self.quit_btn = Button("quit", "Quit")
        self.group = FocusGroup([self.play_btn, self.help_btn, self.quit_btn], index=0)

    def on_enter(self) -> None:
        if not self.app.note_shown:
            from game.ui.scenes.content_note import ContentNoteScene

            self.app.note_shown = True
            self.app.push(ContentNoteScene(self.app))

    def layout(self, size: tuple[int, int]) -> None:
        m = self.ui.m
        w, h = size
        self.logo = pygame.Rect(0, 0, round(h * 0.2), round(h * 0.22))
        self.logo.midtop = (w // 2 - round(h * 0.02), round(h * 0.08))
        self.title_rect = pygame.Rect(0, self.logo.bottom + round(h * 0.015), w, round(h * 0.15))
        self.tag_rect = pygame.Rect(
            round(w * 0.1), self.title_rect.bottom, round(w * 0.8), round(m.large * 1.5)
        )
        bw = round(min(w * 0.5, m.body * 14))
        bh = round(m.body * 2.3)
        y = self.tag_rect.bottom + round(h * 0.05)
        for b in self.group.buttons:
            b.rect = pygame.Rect((w - bw) // 2, y, bw, bh)
            y += bh + round(m.pad * 0.8)
        self.footer = pygame.Rect(
            m.pad, h - round(m.small * 2.2), w - 2 * m.pad, round(m.small * 1.6)
        )

    def handle(self, inp: Input) -> bool:
        if inp.act is Act.HOVER:
            return self.group.set_hover(inp.pos)
        if inp.act is Act.CLICK:
            hit = self.group.at(inp.pos)
            if hit is not None:
                self.activate(hit)
            return True
        if inp.act is Act.CONFIRM and self.group.focused is not None:
            self.activate(self.group.focused)
            return True
        if inp.act in (Act.NEXT, Act.DOWN, Act.RIGHT):
            self.group.move(1)
            return True
        if inp.act in (Act.PREV, Act.UP, Act.LEFT):
            self.group.move(-1)
            return True
        return False

    def activate(self, button: Button) -> None:
        if button is self.play_btn:
            from game.ui.scenes.setup import SetupScene

            self.app.push(SetupScene(self.app))
        elif button is self.help_btn:
            self.app.open_help()
        else:
            self.app.quit()

    def draw(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        surface.blit(background(ui, surface.get_size()), (0, 0))
        halo = self.logo.inflate(round(self.logo.w * 0.5), round(self.logo.h * 0.3))
        panel(ui, surface, halo, t.panel, radius=halo.h // 2, alpha=150)
        flag_logo(
            ui, surface, self.logo.inflate(-round(self.logo.w * 0.2), -round(self.logo.h * 0.12))
        )
        ui.text(
            surface,
            tr("Red Flags"),
            self.title_rect,
            role="display",
            size=round(m.h * 0.12),
            colour=t.heading,
            align="center",
            valign="middle",
        )
        ui.text(
            surface,
            tr("Spot the tricks. Choose the safe move."),
            self.tag_rect,
            role="semi",
            size=m.large,
            colour=t.accent,
            align="center",
            valign="middle",
        )
        draw_group(ui, surface, self.group)
        ui.text(
            surface,
            tr("H  Help     ·     F11  Full screen     ·     Esc  Pause during play"),
            self.footer,
            size=m.min_font,
            colour=t.text_muted,
            align="center",
            valign="middle",
        )
