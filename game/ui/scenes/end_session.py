"""Asks before ending a session early: the unplayed cards are left out and the summary shows
what was played so far."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from game.model.session import IllegalAction
from game.ui.scenes.confirm import ConfirmScene
from game.ui.services import tr
from game.ui.widgets import Button, FocusGroup

if TYPE_CHECKING:
    from game.ui.app import App


class EndSessionScene(ConfirmScene):
    name = "end-session"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.stay_btn = Button("stay", "No, keep playing", kind="primary")
        self.leave_btn = Button("endnow", "Yes, go to the summary")
        self.group = FocusGroup([self.stay_btn, self.leave_btn], index=0)

    def activate(self, button: Button) -> None:
        if button is self.stay_btn:
            self.app.pop()
            return
        play = self.app.play
        if play is not None:
            with contextlib.suppress(IllegalAction):
                play.session.end_early()  # the App closes the overlays and shows the summary

    def dialog_text(self) -> tuple[str, str]:
        return (
            tr("End the session now?"),
            tr("The cards not played yet are left out. The summary shows what you played."),
        )
