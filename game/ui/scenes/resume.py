"""The offer to carry on a group session that was stopped before the end (game/ui/saving.py
keeps it): resume it on exactly the same screen, or start fresh."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.model.record import SessionRecord
from game.model.session import Session
from game.savegame import clear_saved_session
from game.ui.choices import MODE_WORDS
from game.ui.layout import take_bottom
from game.ui.saving import saved_time
from game.ui.scenes.modal import Modal, button_grid
from game.ui.services import N_, tr
from game.ui.text import Block
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.app import App


class ResumeScene(Modal):
    name = "resume"
    card_size = (0.8, 1.25, 0.62)
    centred = False
    heading = N_("Carry on where you left off?")

    def __init__(self, app: App, record: SessionRecord, session: Session) -> None:
        self.record = record
        self.session = session
        st = session.state
        label = tr("Resume the session from {time} (card {n} of {total})").format(
            time=saved_time(record), n=st.index + 1, total=len(st.cards)
        )
        self.resume_btn = Button("resume", label, kind="primary", badge="Enter", translate=False)
        super().__init__(app, [self.resume_btn, Button("fresh", "Start fresh")])

    def blocks(self) -> list[Block]:
        st = self.session.state
        teams = ", ".join(f"{t.letter} {tr(t.name)}" for t in st.teams)
        return [
            Block(tr("A group session was stopped before the end.")),
            Block(
                tr("{mode} · {teams}").format(mode=tr(MODE_WORDS[st.mode]), teams=teams),
                colour="text_muted",
                gap=0.4,
            ),
        ]

    def place(self, rest: pygame.Rect) -> pygame.Rect:
        """The two buttons one under the other across the card (the resume label is long; it
        wraps at the body floor, in a taller row, where the card is narrow)."""
        m = self.ui.m
        bh, gap = round(m.body * 2.3), m.pad * 0.6
        used = button_grid(self.ui, self.group.buttons, rest, gap, bh, align="bottom", columns=(1,))
        self.grown = used - (2 * bh + gap)
        return take_bottom(rest, used, gap)[1]

    def activate(self, button: Button) -> None:
        if button is self.resume_btn:
            self.app.resume_session(self.record, self.session)
        else:
            clear_saved_session()
            self.app.pop()
