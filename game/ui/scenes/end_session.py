"""Asks before ending a session early: the unplayed cards are left out and the summary shows
what was played so far."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from game.model.session import IllegalAction
from game.ui.scenes.modal import Modal
from game.ui.services import tr
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.app import App


class EndSessionScene(Modal):
    name = "end-session"

    def __init__(self, app: App) -> None:
        self.stay_btn = Button("stay", "No, keep playing", kind="primary")
        super().__init__(app, [self.stay_btn, Button("endnow", "Yes, go to the summary")])

    def title(self) -> str:
        return tr("End the session now?")

    def text(self) -> str:
        return tr("The cards not played yet are left out. The summary shows what you played.")

    def activate(self, button: Button) -> None:
        play = self.app.play
        if button is self.stay_btn:
            self.app.pop()
        elif play is not None:
            with contextlib.suppress(IllegalAction):
                play.session.end_early()  # the App closes the overlays and shows the summary
