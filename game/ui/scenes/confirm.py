"""Asks before leaving a game, or ending a session early, so a stray click does not throw away a
class's round: "No" has the focus, and Esc says it too."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from game.model.session import IllegalAction
from game.ui.scenes.modal import Modal
from game.ui.services import N_
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.app import App


class ConfirmScene(Modal):
    name = "confirm"
    heading = N_("Leave this game?")
    note = N_("You will go back to the title screen. The points of this game will not be kept.")
    yes = ("leave", N_("Yes, leave"))  # the button that does it: its id and label

    def __init__(self, app: App) -> None:
        key, label = self.yes
        stay = Button("stay", "No, keep playing", kind="primary")
        super().__init__(app, [stay, Button(key, label)], actions={key: self.go})

    def go(self) -> None:
        self.app.to_title()


class EndSessionScene(ConfirmScene):
    """The unplayed cards are left out; the summary shows what was played so far."""

    name = "end-session"
    heading = N_("End the session now?")
    note = N_("The cards not played yet are left out. The summary shows what you played.")
    yes = ("endnow", N_("Yes, go to the summary"))

    def go(self) -> None:
        play = self.app.play
        if play is not None:
            with contextlib.suppress(IllegalAction):
                play.session.end_early()  # the App closes the overlays and shows the summary
