"""The per-card timer is part of a saved group session: it survives the round trip to disk, an
old save without it still loads (with the timer off), and a damaged value turns the timer off
instead of losing the session or raising."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.content.decks import load_decks
from game.model.record import (
    FORMAT_VERSION,
    TIMER_OFF,
    SessionRecord,
    rebuild,
    record_of,
    saved_timer,
)
from game.model.session import Mode, Session, new_state
from game.savegame import load_saved_session, save_session

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "good_deck.yaml"


@pytest.fixture(scope="module")
def cards():
    return load_decks([FIXTURE]).cards


def played(cards) -> Session:
    s = Session(new_state(cards, Mode.TEAMS, teams=2))
    s.show_options()
    s.choose(s.state.card.best_response_index)
    return s


@pytest.mark.parametrize("seconds", [0, 60, 90, 120])
def test_the_timer_round_trips_through_the_saved_file(cards, tmp_path: Path, seconds) -> None:
    s = played(cards)
    record = record_of(s, "en", ["offers"], "2026-11-21T10:00", timer=seconds)
    assert record.timer == seconds
    assert record.to_dict()["timer"] == seconds
    path = tmp_path / "session.json"
    assert save_session(record, path)
    loaded = load_saved_session(path)
    assert loaded == record and loaded is not None and loaded.timer == seconds
    assert rebuild(loaded, cards).state == s.state


def test_a_record_without_a_timer_has_it_off(cards) -> None:
    record = record_of(played(cards), "en", ["offers"])
    assert record.timer == TIMER_OFF == 0


def test_an_old_save_without_the_timer_field_loads_with_the_timer_off(
    cards, tmp_path: Path
) -> None:
    s = played(cards)
    # exactly what the game wrote before the timer was recorded: no "timer" key
    old = {
        "mode": "teams",
        "teams": 2,
        "language": "en",
        "deck_paths": ["/home/anna/x.yaml"],  # old saves kept paths: dropped
        "card_ids": [c.id for c in s.start_state.cards],
        "actions": [{"type": "ShowOptions"}, {"type": "Choose", "response": s.history[1].response}],
        "saved_at": "2026-11-21T10:00",
        "version": 1,
    }
    assert FORMAT_VERSION == 1  # adding the optional field did not orphan old saves
    path = tmp_path / "session.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    loaded = load_saved_session(path)
    assert loaded is not None
    assert loaded.timer == 0
    assert rebuild(loaded, cards).state == s.state


@pytest.mark.parametrize(
    "damaged", ["90", 90.0, 90.5, True, False, None, -60, 10**9, [90], {"s": 90}, "lots"]
)
def test_a_damaged_timer_means_off_and_keeps_the_session(cards, tmp_path: Path, damaged) -> None:
    s = played(cards)
    data = record_of(s, "en", ["offers"], timer=90).to_dict()
    data["timer"] = damaged
    assert SessionRecord.from_dict(data).timer == 0
    path = tmp_path / "session.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = load_saved_session(path)
    assert loaded is not None, "a bad timer must not lose the whole session"
    assert loaded.timer == 0
    assert rebuild(loaded, cards).state == s.state


def test_saved_timer_accepts_whole_seconds_only() -> None:
    assert saved_timer(75) == 75  # a plausible value is kept; the UI decides what it offers
    assert saved_timer(0) == 0
    assert saved_timer(-1) == 0
    assert saved_timer(True) == 0
    assert saved_timer("60") == 0


def test_record_of_does_not_store_a_damaged_timer(cards) -> None:
    record = record_of(played(cards), "en", [], timer=-5)
    assert record.timer == 0


@pytest.mark.parametrize("damaged", [None, 7, ["13-15"], {"a": 1}, "x" * 500])
def test_a_damaged_band_or_deck_is_not_known_and_keeps_the_session(
    cards, tmp_path: Path, damaged
) -> None:
    path = tmp_path / "session.json"
    record = record_of(played(cards), "en", [], band="13-15", deck="offers")
    data = record.to_dict()
    assert (data["band"], data["deck"]) == ("13-15", "offers")
    data["band"] = data["deck"] = damaged
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = load_saved_session(path)
    assert loaded is not None and (loaded.band, loaded.deck) == ("", "")
    assert loaded.actions == record.actions
