"""The offer to carry on a group session that was stopped before the end (game/ui/saving.py
keeps it): resume it on exactly the same screen, or start fresh."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.model.record import SessionRecord
from game.model.session import Mode, Session
from game.ui import services
from game.ui.input import Act, Input
from game.ui.layout import centered, inset, take_bottom, take_top
from game.ui.saving import forget_session, saved_time
from game.ui.scene import Scene, column_texts
from game.ui.services import tr
from game.ui.text import Block
from game.ui.widgets import Button, FocusGroup, draw_card, draw_group

if TYPE_CHECKING:
    from game.ui.app import App

MODE_WORDS = {
    Mode.TEAMS: services.N_("Team turns"),
    Mode.ALL_TEAMS: services.N_("All teams"),
    Mode.TOGETHER: services.N_("Together"),
    Mode.SOLO: services.N_("Solo"),
}


class ResumeScene(Scene):
    group: FocusGroup  # made in __init__ (Scene.group is None for scenes without one)
    name = "resume"
    opaque = False

    def __init__(self, app: App, record: SessionRecord, session: Session) -> None:
        super().__init__(app)
        self.record = record
        self.session = session
        st = session.state
        label = tr("Resume the session from {time} (card {n} of {total})").format(
            time=saved_time(record), n=st.index + 1, total=len(st.cards)
        )
        self.resume_btn = Button("resume", label, kind="primary", badge="Enter", translate=False)
        self.fresh_btn = Button("fresh", "Start fresh")
        self.group = FocusGroup([self.resume_btn, self.fresh_btn], index=0)

    def layout(self, size: tuple[int, int]) -> None:
        ui, m = self.ui, self.ui.m
        self.card = centered(m.screen, min(size[0] * 0.8, m.h * 1.25), size[1] * 0.62)
        inner = inset(self.card, m.pad * 1.5)
        self.heading, rest = take_top(inner, m.heading * 1.4, m.pad * 0.3)
        bh = round(m.body * 2.3)
        buttons, self.body = take_bottom(rest, bh * 2 + m.pad * 0.6, m.pad * 0.6)
        self.resume_btn.rect = pygame.Rect(buttons.x, buttons.y, buttons.w, bh)
        fw = round(buttons.w * 0.5)
        self.fresh_btn.rect = pygame.Rect(buttons.centerx - fw // 2, buttons.bottom - bh, fw, bh)
        self.resume_btn.size = min(
            m.body,
            ui.engine.fit(
                self.resume_btn.label, "semi", buttons.w - round(m.body * 4), bh, m.body, m.min_font
            ).size,
        )
        st = self.session.state
        teams = ", ".join(f"{t.letter} {tr(t.name)}" for t in st.teams)
        blocks = [
            Block(tr("A group session was stopped before the end.")),
            Block(
                tr("{mode} · {teams}").format(mode=tr(MODE_WORDS[st.mode]), teams=teams),
                colour="text_muted",
                gap=0.4,
            ),
        ]
        self.fit = ui.column(blocks, self.body, m.body)

    def handle(self, inp: Input) -> bool:
        routed = self.group.route(inp, self.activate)
        if routed is not None:
            return routed
        if inp.act is Act.BACK:
            self.app.pop()  # decide later: the save stays
            return True
        return inp.act not in (Act.HELP, Act.FULLSCREEN)

    def activate(self, button: Button) -> None:
        if button is self.resume_btn:
            self.app.resume_session(self.record, self.session)
        else:
            forget_session()
            self.app.pop()

    def texts(self) -> tuple[str, ...]:
        return (tr("Carry on where you left off?"), *column_texts(self.fit))

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        draw_card(ui, surface, self.card, tr("Carry on where you left off?"), self.heading)
        ui.draw_column(surface, self.fit, self.body)
        draw_group(ui, surface, self.group)
