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
from game.ui.scenes.modal import button_grid
from game.ui.services import tr
from game.ui.widgets import Button, FocusGroup, centred, flag_logo, paint_background, panel

if TYPE_CHECKING:
    from game.ui.app import App


class TitleScene(Scene):
    group: FocusGroup  # made in __init__ (Scene.group is None for scenes without one)
    name = "title"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        buttons = [
            Button("play", "Play", kind="primary", badge="Enter"),
            Button("help", "How to play & help", badge="H"),
            Button("settings", "Settings"),
            Button("quit", "Quit"),
        ]
        self.group = FocusGroup(buttons, index=0)

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
        room = pygame.Rect(0, top, w, self.footer.y - m.pad - top)
        widths = (min(w * 0.5, m.body * 14), min(w * 0.42, m.body * 12))
        gap = round(m.pad * 0.8)
        button_grid(self.ui, self.group.buttons, room, gap, m.body * 2.3, m.body * 1.8, widths)

    def handle(self, inp: Input) -> bool:
        return bool(self.group.route(inp, self.activate))

    def activate(self, button: Button) -> None:
        app = self.app
        actions = {"play": app.open_setup, "help": app.open_help, "settings": app.open_settings}
        actions.get(button.id, app.quit)()

    def texts(self) -> tuple[str, ...]:
        return (tr("Red Flags"), tr("Spot the tricks. Choose the safe move."))

    def draw(self, surface: pygame.Surface) -> None:
        # only the focus and the hover change
        self.static_layer.draw(self.ui, surface, self.draw_static, [self.group])

    def draw_static(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        name, tagline = self.texts()
        paint_background(ui, surface)
        halo = self.logo.inflate(round(self.logo.w * 0.5), round(self.logo.h * 0.3))
        panel(ui, surface, halo, t.panel, radius=halo.h // 2, alpha=150)
        flag_logo(
            t, surface, self.logo.inflate(-round(self.logo.w * 0.2), -round(self.logo.h * 0.12))
        )
        centred(ui, surface, name, self.title_rect, round(m.h * 0.12), t.heading)
        ui.text(
            surface,
            tagline,
            self.tag_rect,
            style="label",
            size=m.large,
            colour=t.accent,
            align="center",
        )
        ui.text(
            surface,
            tr("H  Help     ·     F11  Full screen     ·     Esc  Pause during play"),
            self.footer,
            style="note",
            size=m.min_font,
            align="center",
        )
