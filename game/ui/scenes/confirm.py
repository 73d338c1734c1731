"""Asks before leaving a game, so a stray click does not throw away a class's round."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.ui.scenes.modal import Modal
from game.ui.services import tr
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.app import App


class ConfirmScene(Modal):
    name = "confirm"

    def __init__(self, app: App) -> None:
        self.stay_btn = Button("stay", "No, keep playing", kind="primary")
        super().__init__(app, [self.stay_btn, Button("leave", "Yes, leave")])

    def title(self) -> str:
        return tr("Leave this game?")

    def text(self) -> str:
        return tr("You will go back to the title screen. The points of this game will not be kept.")

    def activate(self, button: Button) -> None:
        if button is self.stay_btn:
            self.app.pop()
        else:
            self.app.to_title()
