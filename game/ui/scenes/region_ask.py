"""Asked once, before the first game, when the computer's locale names no country (C.UTF-8, or
just "en"): where the players are, so the help screens show the right numbers. The answer is
saved as the region setting (Settings can change it later), so it is never asked again;
"Somewhere else" keeps the international list (`elsewhere`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui import prefs, services
from game.ui.input import Act, Input
from game.ui.layout import centered, inset, split_cols, split_rows, take_top
from game.ui.scene import Scene
from game.ui.services import N_, tr
from game.ui.widgets import Button, FocusGroup, draw_dialog, draw_group

if TYPE_CHECKING:
    from game.ui.app import App

FALLBACK = "elsewhere"


BODY = N_(
    "The help screens show the helplines and emergency number of that country. "
    "You can change it later in Settings."
)


def should_ask(app: App) -> bool:
    """No region chosen (setting or option) and a locale that names no country."""
    if app.options.region or services.setting(app.settings, "region"):
        return False
    return "_" not in services.system_locale()


class RegionAskScene(Scene):
    group: FocusGroup  # made in __init__ (Scene.group is None for scenes without one)
    name = "region-ask"
    opaque = False

    def __init__(self, app: App) -> None:
        super().__init__(app)
        ids = [r for r in prefs.regions() if r != FALLBACK]
        ids.sort(key=lambda r: prefs.region_name(r, app.language))
        self.buttons = [
            Button(r, prefs.region_name(r, app.language), kind="chip", translate=False) for r in ids
        ]
        self.buttons.append(Button(FALLBACK, N_("Somewhere else"), kind="chip"))
        self.group = FocusGroup(self.buttons, index=len(self.buttons) - 1)

    def layout(self, size: tuple[int, int]) -> None:
        m = self.ui.m
        self.card = centered(m.screen, min(size[0] * 0.86, m.h * 1.3), size[1] * 0.8)
        inner = inset(self.card, m.pad * 1.5)
        self.heading, rest = take_top(inner, m.heading * 1.4, m.pad * 0.3)
        self.body, rest = take_top(rest, m.body * 3.6, m.pad * 0.6)
        cols = 2
        rows = -(-len(self.buttons) // cols)
        rest, _ = take_top(rest, min(rest.h, rows * max(48, m.body * 2.2) + (rows - 1) * m.gap))
        for r, line in enumerate(split_rows(rest, [1] * rows, m.gap)):
            for c, cell in enumerate(split_cols(line, [1] * cols, m.gap)):
                i = r * cols + c
                if i < len(self.buttons):
                    self.buttons[i].rect = cell
                    self.buttons[i].size = m.small

    def handle(self, inp: Input) -> bool:
        routed = self.group.route(inp, self.activate)
        if routed is not None:
            return routed
        if inp.act is Act.BACK:  # not now: the international list, asked again next time
            self.app.pop()
            return True
        return inp.act not in (Act.HELP, Act.FULLSCREEN)

    def activate(self, button: Button) -> None:
        problem = prefs.change(self.app, region=button.id)
        if problem:
            self.app.show_toast(problem)
        self.app.pop()

    def texts(self) -> tuple[str, ...]:
        return (tr("Where are the players?"), tr(BODY))

    def draw(self, surface: pygame.Surface) -> None:
        draw_dialog(
            self.ui,
            surface,
            self.card,
            tr("Where are the players?"),
            self.heading,
            tr(BODY),
            self.body,
        )
        draw_group(self.ui, surface, self.group)
