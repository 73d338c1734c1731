"""Pause (Esc during play): a calm screen to step out. The card is not shown behind it (no
dimmed threatening chat). Resume returns exactly where the player was — the card below is
frozen, bubble animation and all, because only the top scene updates."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.input import Act, Input
from game.ui.layout import centered, inset, take_bottom, take_top
from game.ui.scene import Scene
from game.ui.services import emergency_line, tr
from game.ui.widgets import Button, FocusGroup, draw_dialog, draw_group, paint_background

if TYPE_CHECKING:
    from game.ui.app import App


class PauseScene(Scene):
    group: FocusGroup  # made in __init__ (Scene.group is None for scenes without one)
    name = "pause"
    opaque = True  # the card is hidden: a threatening chat is no place to take a break

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.resume_btn = Button("resume", "Resume", kind="primary", badge="Esc")
        self.help_btn = Button("help", "Get help", badge="H")
        self.settings_btn = Button("settings", "Settings")
        self.title_btn = Button("title", "Back to title")
        self.end_btn = Button("end", "End session — go to summary")
        play = app.play
        ending = play is not None and play.session.phase.value != "summary"
        buttons = [self.resume_btn, self.help_btn, self.settings_btn]
        buttons += [self.end_btn] if ending else []
        self.group = FocusGroup(buttons + [self.title_btn], index=0)

    def layout(self, size: tuple[int, int]) -> None:
        m = self.ui.m
        large = self.ui.text_scale >= 1.4  # large text: a wider card, buttons in two columns
        width = size[0] * 0.9 if large else min(size[0] * 0.62, m.h * 0.95)
        self.card = centered(m.screen, width, size[1] * 0.92)
        inner = inset(self.card, m.pad * 1.5)
        self.heading, rest = take_top(inner, min(m.heading * 1.4, m.h * 0.12), m.pad * 0.3)
        self.calm, rest = take_top(rest, min(m.body * 3.4, m.h * 0.15), m.pad * 0.5)
        self.footer, rest = take_bottom(rest, m.body * 1.6, m.pad * 0.5)
        support = self.ui.engine.layout(self.support_text(), "body", m.small, rest.w)
        self.support, rest = take_bottom(rest, support.h, m.pad * 0.3)  # support numbers
        n = len(self.group.buttons)
        gap = round(m.pad * 0.6)
        cols = 2 if (rest.h - (n - 1) * gap) / n < max(48, m.body * 1.6) else 1
        rows = -(-n // cols)
        bh = round(min(m.body * 2.2, (rest.h - (rows - 1) * gap) / rows))
        bw = round(rest.w * 0.8) if cols == 1 else (rest.w - gap) // 2
        left = rest.x + (rest.w - cols * bw - (cols - 1) * gap) // 2
        top = rest.y + (rest.h - rows * bh - (rows - 1) * gap) // 2
        for i, b in enumerate(self.group.buttons):
            r, c = divmod(i, cols)
            b.rect = pygame.Rect(left + c * (bw + gap), top + r * (bh + gap), bw, bh)

    def texts(self) -> tuple[str, ...]:
        return (
            tr("Paused"),
            tr("Take a break — you can step out. The game waits right here."),
            self.support_text(),
            emergency_line(self.app.help),
        )

    def support_text(self) -> str:
        """The first two support services, on one line when they fit."""
        return "  ·  ".join(f"{s.name}: {s.contact}" for s in self.app.help.services[:2])

    def handle(self, inp: Input) -> bool:
        routed = self.group.route(inp, self.activate)
        if routed is not None:
            return routed
        if inp.act is Act.BACK:
            self.app.pop()
            return True
        if inp.act is Act.HELP:
            self.app.open_help()
            return True
        return inp.act is not Act.FULLSCREEN

    def activate(self, button: Button) -> None:
        if button is self.resume_btn:
            self.app.pop()
        elif button is self.help_btn:
            self.app.open_help()
        elif button is self.settings_btn:
            self.app.open_settings()
        elif button is self.end_btn:
            self.app.open_end_session()
        else:
            self.app.open_leave_confirm()

    def draw(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        paint_background(ui, surface)
        draw_dialog(
            ui,
            surface,
            self.card,
            tr("Paused"),
            self.heading,
            tr("Take a break — you can step out. The game waits right here."),
            self.calm,
        )
        draw_group(ui, surface, self.group)
        ui.text(
            surface,
            self.support_text(),
            self.support,
            size=m.small,
            colour=t.text,
            align="center",
            valign="middle",
        )
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
