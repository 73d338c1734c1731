"""Pause (Esc during play): a calm screen to step out. The card is not shown behind it (no
dimmed threatening chat). Resume returns exactly where the player was — the card below is
frozen, bubble animation and all, because only the top scene updates."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.layout import take_bottom, take_top
from game.ui.scenes.modal import Modal, button_grid
from game.ui.services import N_, emergency_line
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.app import App


class PauseScene(Modal):
    name = "pause"
    opaque = True  # the card is hidden: a threatening chat is no place to take a break
    heading = N_("Paused")
    note = N_("Take a break — you can step out. The game waits right here.")

    def __init__(self, app: App) -> None:
        play = app.play
        ending = play is not None and play.session.phase.value != "summary"
        buttons = [
            Button("resume", "Resume", kind="primary", badge="Esc"),
            Button("help", "Get help", badge="H"),
            Button("settings", "Settings"),
            *([Button("end", "End session — go to summary")] if ending else []),
            Button("title", "Back to title"),
        ]
        actions = {
            "help": app.open_help,
            "settings": app.open_settings,
            "end": app.open_end_session,
            "title": app.open_leave_confirm,
        }
        super().__init__(app, buttons, actions=actions)

    def layout(self, size: tuple[int, int]) -> None:
        m = self.ui.m
        large = self.ui.text_scale >= 1.4  # large text: a wider card, buttons in two columns
        self.card_size = (0.9, size[0] / m.h, 0.92) if large else (0.62, 0.95, 0.92)
        super().layout(size)

    def place(self, rest: pygame.Rect) -> pygame.Rect:
        """The calm line, the buttons in the middle, the support numbers and the emergency
        line at the bottom."""
        m = self.ui.m
        calm, rest = take_top(rest, min(m.body * 3.4, m.h * 0.15), m.pad * 0.5)
        self.footer, rest = take_bottom(rest, m.body * 1.6, m.pad * 0.5)
        support = self.ui.engine.layout(self.support_text(), "body", m.small, rest.w)
        self.support, rest = take_bottom(rest, support.h, m.pad * 0.3)
        gap = round(m.pad * 0.6)
        widths = (rest.w * 0.8, (rest.w - gap) / 2)
        least_h = max(48, m.body * 1.6)
        button_grid(self.ui, self.group.buttons, rest, gap, m.body * 2.2, least_h, widths, "middle")
        return calm

    def texts(self) -> tuple[str, ...]:
        return (*super().texts(), self.support_text(), emergency_line(self.app.help))

    def support_text(self) -> str:
        """The first two support services, on one line when they fit."""
        return "  ·  ".join(s.line for s in self.app.help.services[:2])

    def paint(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        super().paint(surface)
        ui.text(
            surface,
            self.support_text(),
            self.support,
            size=m.small,
            align="center",
            valign="middle",
        )
        ui.text(
            surface,
            emergency_line(self.app.help),
            self.footer,
            style="strong",
            colour=t.accent,
            align="center",
        )
