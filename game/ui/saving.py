"""Saving a group session for resuming: after every step only the set-up and the actions are
saved (team names are the only names, typed words are never saved); on the next start the title
offers to carry on from exactly the same screen (game/ui/scenes/resume.py), or to start fresh.

A finished session (the summary was reached) or an abandoned one (back to the title) clears the
save. A save that no longer fits the decks is not offered. The per-card timer is saved too and
comes back on resume; a save without one (written before it was recorded) or with a value the
setup screen does not offer resumes with the timer off (the latter noted on stderr).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.model.kinds import AgeBand
from game.model.record import RecordError, SessionRecord, rebuild, record_of
from game.model.session import Phase, Session
from game.savegame import (
    clear_saved_session,
    load_saved_session,
    put_aside,
    save_path,
    save_session,
)
from game.ui import services
from game.ui.play import GameSetup
from game.ui.timer import TIMER_CHOICES

if TYPE_CHECKING:
    from game.model.cards import Card
    from game.ui.app import App
    from game.ui.play import PlayContext


def deck_paths(app: App) -> list[str]:
    return [d.path for d in app.decks if d.path]


def autosave(app: App, play: PlayContext) -> bool:
    """Save a group session when its history changed since the last save (cheap otherwise);
    True when it was written now. The crash screen forgets `play.saved` to save at once."""
    st = play.session.state
    history = tuple(play.session.history)  # a play context holds one session
    if not st.mode.is_group or play.saved == history:
        return False
    play.saved = history
    if st.phase is Phase.SUMMARY:
        clear_saved_session()
        return False
    saved_at = dt.datetime.now().isoformat(timespec="minutes")
    setup = play.setup
    record = record_of(
        play.session,
        app.language,
        deck_paths(app),
        saved_at,
        timer=setup.timer,
        band=setup.band.value,
        deck=setup.deck_id or "",
    )
    if save_session(record):
        return True
    if not play.save_warned:
        play.save_warned = True
        print("redflags: cannot save the session for resuming", file=sys.stderr)
    return False


def _cards_for(app: App, record: SessionRecord) -> list[Card]:
    """The app's cards, overridden by the cards of the decks the session was played with."""
    cards = [c for d in app.decks for c in d.cards]
    paths = [Path(p) for p in record.deck_paths if Path(p).is_file()]
    if paths and sorted(map(str, paths)) != sorted(deck_paths(app)):
        cards += [c for d in services.load_decks(paths).decks for c in d.cards]
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


def resumed_setup(app: App, record: SessionRecord, session: Session) -> GameSetup:
    """The set-up a saved session was played with, for "Play again" too. An age band old or
    damaged saves lack is the current one; a deck no longer loaded is all decks."""
    st = session.state
    try:
        band = AgeBand(record.band)
    except ValueError:
        band = app.setup.band
    return GameSetup(
        mode=st.mode,
        teams=len(st.teams),
        band=band,
        deck_id=record.deck if record.deck in {d.id for d in app.decks} else None,
        count=len(st.cards),
        seed=None,
        timer=resumed_timer(record),
        spot=record.spot,
        name=record.name,
        shuffle=record.shuffle,
    )


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
