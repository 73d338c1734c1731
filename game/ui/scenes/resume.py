"""Resume after an accident: a group session is saved after every step (only the set-up and the
actions — team names are the only names, typed words are never saved), and on the next start
the title offers to carry on from exactly the same screen, or to start fresh.

A finished session (the summary was reached) or an abandoned one (back to the title) clears the
save. A save that no longer fits the decks is not offered. The per-card timer is saved too and
comes back on resume; a save without one (written before it was recorded) or with a value the
setup screen does not offer resumes with the timer off (the latter noted on stderr).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game.model.kinds import AgeBand
from game.model.record import RecordError, SessionRecord, rebuild, record_of
from game.model.session import Mode, Phase, Session
from game.savegame import (
    clear_saved_session,
    load_saved_session,
    put_aside,
    save_path,
    save_session,
)
from game.ui import services
from game.ui.input import Act, Input
from game.ui.layout import centered, inset, take_bottom, take_top
from game.ui.scene import Scene
from game.ui.services import tr
from game.ui.text import Block
from game.ui.timer import TIMER_CHOICES
from game.ui.widgets import Button, FocusGroup, draw_card, draw_group

if TYPE_CHECKING:
    from game.model.cards import Card
    from game.ui.app import App, PlayContext

MODE_WORDS = {
    Mode.TEAMS: services.N_("Team turns"),
    Mode.ALL_TEAMS: services.N_("All teams"),
    Mode.TOGETHER: services.N_("Together"),
    Mode.SOLO: services.N_("Solo"),
}


def deck_paths(app: App) -> list[str]:
    return [d.path for d in app.decks if d.path]


def autosave(app: App, play: PlayContext) -> None:
    """Save a group session when its history changed since the last save (cheap otherwise)."""
    st = play.session.state
    if not st.mode.is_group:
        return
    sig = tuple(play.session.history)  # a play context holds one session
    if play.extras.get("saved_sig") == sig:
        return
    play.extras["saved_sig"] = sig
    if st.phase is Phase.SUMMARY:
        clear_saved_session()
        return
    saved_at = dt.datetime.now().isoformat(timespec="minutes")
    record = record_of(play.session, app.language, deck_paths(app), saved_at, **setup_of(play))
    if not save_session(record):
        if not play.extras.get("save_warned"):
            play.extras["save_warned"] = True
            print("redflags: cannot save the session for resuming", file=sys.stderr)


def forget_session() -> None:
    clear_saved_session()


def _cards_for(app: App, record: SessionRecord) -> list[Card]:
    """The app's cards, overridden by the cards of the decks the session was played with."""
    cards = [c for d in app.decks for c in d.cards]
    paths = [Path(p) for p in record.deck_paths if Path(p).is_file()]
    if paths and sorted(map(str, paths)) != sorted(deck_paths(app)):
        loaded = services.load_decks(paths)
        cards += [c for d in loaded.decks for c in d.cards]
    return cards


def saved_session(app: App) -> tuple[SessionRecord, Session] | None:
    record = load_saved_session()
    if record is None:
        return None
    try:
        session = rebuild(record, _cards_for(app, record), app.glossary.confusions())
    except RecordError as exc:  # damaged, or its cards are gone: set aside, said on the title
        put_aside(save_path(), exc)
        return None
    if not session.state.mode.is_group or session.state.phase is Phase.SUMMARY:
        clear_saved_session()
        return None
    if resumed_timer(record) != record.timer:
        print(
            f"redflags: the saved timer ({record.timer} s) is not one the game offers; "
            "the session resumes with the timer off",
            file=sys.stderr,
        )
    return record, session


def setup_of(play: PlayContext) -> dict[str, Any]:
    """The set-up choices a save keeps besides the session: timer, age band, deck."""
    setup = play.setup
    return {
        "timer": getattr(setup, "timer", 0),
        "band": setup.band.value,
        "deck": setup.deck_id or "",
    }


def resumed_band(app: App, record: SessionRecord) -> AgeBand:
    """The saved age band; the current one for old or damaged saves."""
    try:
        return AgeBand(record.band)
    except ValueError:
        return app.setup.band


def resumed_deck(app: App, record: SessionRecord) -> str | None:
    """The saved deck when it is still loaded; otherwise all decks."""
    return record.deck if record.deck in {d.id for d in app.decks} else None


def resumed_timer(record: SessionRecord) -> int:
    """The timer the resumed session runs with: the saved one when the setup screen offers it,
    otherwise off (old saves have none; a damaged value was already read as off)."""
    return record.timer if record.timer in TIMER_CHOICES else 0


def saved_time(record: SessionRecord) -> str:
    try:
        when = dt.datetime.fromisoformat(record.saved_at)
    except ValueError:
        return record.saved_at or "?"
    if when.date() == dt.date.today():
        return when.strftime("%H:%M")
    return when.strftime("%Y-%m-%d %H:%M")


def offer_resume(app: App) -> bool:
    """Push the resume offer over the title when there is a session to carry on."""
    found = saved_session(app)
    if found is None:
        return False
    app.push(ResumeScene(app, *found))
    return True


def resume(app: App, record: SessionRecord, session: Session) -> None:
    from game.ui.app import GameSetup, PlayContext
    from game.ui.scenes import scene_for_play

    st = session.state
    setup = GameSetup(
        mode=st.mode,
        teams=len(st.teams),
        band=resumed_band(app, record),
        deck_id=resumed_deck(app, record),
        count=len(st.cards),
        seed=None,
        timer=resumed_timer(record),
        spot=record.spot,
        name=record.name,
        shuffle=record.shuffle,
    )
    app.setup = setup
    app.play = PlayContext(session, setup)
    app.play.extras["saved_sig"] = tuple(session.history)
    app.reset(scene_for_play(app, app.play))


class ResumeScene(Scene):
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
            resume(self.app, self.record, self.session)
        else:
            forget_session()
            self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        draw_card(ui, surface, self.card, tr("Carry on where you left off?"), self.heading)
        ui.draw_column(surface, self.fit, self.body)
        draw_group(ui, surface, self.group)
