"""The title screen: the flag logo, the name, and Play / How to play & help / Quit.

On the first visit of a run it opens the content note, so the group hears what the game talks
about, and how to pause and find help, before any card appears.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.savegame import has_saved_session
from game.ui.input import Input
from game.ui.scene import Scene
from game.ui.services import tr
from game.ui.widgets import Button, FocusGroup, flag_logo, paint_background, panel

if TYPE_CHECKING:
    from game.ui.app import App


class TitleScene(Scene):
    group: FocusGroup  # made in __init__ (Scene.group is None for scenes without one)
    name = "title"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.play_btn = Button("play", "Play", kind="primary", badge="Enter")
        self.help_btn = Button("help", "How to play & help", badge="H")
        self.settings_btn = Button("settings", "Settings")
        self.quit_btn = Button("quit", "Quit")
        self.group = FocusGroup(
            [self.play_btn, self.help_btn, self.settings_btn, self.quit_btn], index=0
        )

    def on_enter(self) -> None:
        if has_saved_session():  # a group session cut short: carry on or start fresh
            self.app.offer_resume()
        if not self.app.note_shown:
            self.app.open_content_note()

    def layout(self, size: tuple[int, int]) -> None:
        m = self.ui.m
        w, h = size
        self.logo = pygame.Rect(0, 0, round(h * 0.2), round(h * 0.22))
        self.logo.midtop = (w // 2 - round(h * 0.02), round(h * 0.08))
        self.title_rect = pygame.Rect(0, self.logo.bottom + round(h * 0.015), w, round(h * 0.15))
        self.tag_rect = pygame.Rect(
            round(w * 0.1), self.title_rect.bottom, round(w * 0.8), round(m.large * 1.5)
        )
        self.footer = pygame.Rect(
            m.pad, h - round(m.small * 2.2), w - 2 * m.pad, round(m.small * 1.6)
        )
        # one column of buttons; two when large text would push them off the window
        top = self.tag_rect.bottom + round(h * 0.05)
        room = self.footer.y - m.pad - top
        gap = round(m.pad * 0.8)
        buttons = self.group.buttons
        for cols in (1, 2):
            rows = -(-len(buttons) // cols)
            bh = round(min(m.body * 2.3, (room - gap * (rows - 1)) / rows))
            if bh >= m.body * 1.8:
                break
        bw = round(min(w * 0.5, m.body * 14) if cols == 1 else min(w * 0.42, m.body * 12))
        left = (w - cols * bw - (cols - 1) * gap) // 2
        for i, b in enumerate(buttons):
            r, c = (i, 0) if cols == 1 else divmod(i, cols)
            b.rect = pygame.Rect(left + c * (bw + gap), top + r * (bh + gap), bw, bh)

    def handle(self, inp: Input) -> bool:
        routed = self.group.route(inp, self.activate)
        if routed is not None:
            return routed
        return False

    def activate(self, button: Button) -> None:
        if button is self.play_btn:
            self.app.open_setup()
        elif button is self.help_btn:
            self.app.open_help()
        elif button is self.settings_btn:
            self.app.open_settings()
        else:
            self.app.quit()

    def texts(self) -> tuple[str, ...]:
        return (tr("Red Flags"), tr("Spot the tricks. Choose the safe move."))

    def draw(self, surface: pygame.Surface) -> None:
        self.static_layer.draw(
            self.ui, surface, self.draw_static, [self.group]
        )  # only the focus, hover change

    def draw_static(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        paint_background(ui, surface)
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
        ui.text(
            surface,
            tr("H  Help     ·     F11  Full screen     ·     Esc  Pause during play"),
            self.footer,
            size=m.min_font,
            colour=t.text_muted,
            align="center",
            valign="middle",
        )
