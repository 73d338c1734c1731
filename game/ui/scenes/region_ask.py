"""Asked once, before the first game, when the computer's locale names no country (C.UTF-8, or
just "en"): where the players are, so the help screens show the right numbers. The answer is
saved as the region setting (Settings can change it later), so it is never asked again;
"Somewhere else" keeps the international list (`elsewhere`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui import prefs, services
from game.ui.layout import take_top
from game.ui.scenes.modal import Modal, button_grid
from game.ui.services import N_
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.app import App

FALLBACK = "elsewhere"


def should_ask(app: App) -> bool:
    """No region chosen (setting or option) and a locale that names no country."""
    if app.options.region or app.settings.region:
        return False
    return "_" not in services.system_locale()


class RegionAskScene(Modal):
    name = "region-ask"
    card_size = (0.86, 1.3, 0.8)
    heading = N_("Where are the players?")
    note = N_(
        "The help screens show the helplines and emergency number of that country. "
        "You can change it later in Settings."
    )

    def __init__(self, app: App) -> None:
        ids = [r for r in prefs.regions(app.language) if r != FALLBACK]
        buttons = [
            Button(r, prefs.region_name(r, app.language), kind="chip", translate=False) for r in ids
        ]
        buttons.append(Button(FALLBACK, N_("Somewhere else"), kind="chip"))
        super().__init__(app, buttons, index=len(buttons) - 1)

    def place(self, rest: pygame.Rect) -> pygame.Rect:
        """The text, then the countries in two columns."""
        m = self.ui.m
        body, rest = take_top(rest, m.body * 3.6, m.pad * 0.6)
        most_h = max(48, m.body * 2.2)
        button_grid(self.ui, self.group.buttons, rest, m.gap, most_h, columns=(2,), size=m.small)
        return body

    def activate(self, button: Button) -> None:
        problem = prefs.change(self.app, region=button.id)
        if problem:
            self.app.show_toast(problem)
        self.app.pop()
