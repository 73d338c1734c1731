"""Damaged, hostile and future-version save and settings files never stop the game.

Issue 17, item 1: a `session.json` that is valid JSON but holds `"teams": 1e999`, or a number
with 5,000 digits, showed the crash screen at every start. Now any file that cannot be used is
set aside (renamed, never deleted), a calm notice waits for the title, and the game goes on.
Item 3: a save that fails (a full disk, a read-only folder, a directory in the way) never
replaces the last good one, and the facilitator is told once when saving stops and resumes.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game import savegame
from game.model.record import SessionRecord
from game.savegame import (
    SAVE_SET_ASIDE,
    SAVE_STOPPED,
    SAVE_WORKS_AGAIN,
    SaveWatch,
    load_saved_session,
    save_session,
    take_notices,
)
from game.settings import DAMAGED, Settings, load_settings, save_settings

GOOD = {
    "mode": "teams",
    "teams": 3,
    "language": "en",
    "deck_ids": [],
    "card_ids": ["c1", "c2"],
    "actions": [{"type": "ShowOptions"}],
    "saved_at": "2026-11-21T10:00",
    "version": 1,
}


def _record() -> SessionRecord:
    return SessionRecord.from_dict(GOOD)


@pytest.fixture(autouse=True)
def _no_notices_left():
    take_notices()
    yield
    take_notices()


def _set_aside(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".damaged-" in p.name)


@pytest.mark.parametrize(
    "text",
    [
        json.dumps({**GOOD, "teams": 1e999}).replace("Infinity", "1e999"),  # the example
        '{"version": 1, "mode": "teams", "teams": ' + "9" * 5000 + "}",  # ... and its other one
        json.dumps({**GOOD, "version": 2}),  # a future version
        json.dumps({**GOOD, "saved_at": "x" * 2000}).replace('"version": 1', '"version": true'),
        json.dumps({**GOOD, "teams": 2.5}),
        json.dumps({**GOOD, "card_ids": "c1"}),
        "[" * 100_000,
        "\udcff not utf-8".encode("utf-8", "surrogateescape").decode("latin-1"),
    ],
)
def test_a_damaged_save_is_set_aside_with_a_notice(tmp_path: Path, text: str) -> None:
    path = tmp_path / "session.json"
    path.write_text(text, encoding="utf-8")
    assert load_saved_session(path) is None
    assert not path.exists()
    kept = _set_aside(tmp_path)
    assert len(kept) == 1 and (tmp_path / kept[0]).read_text(encoding="utf-8") == text
    assert take_notices() == [SAVE_SET_ASIDE]
    assert load_saved_session(path) is None and take_notices() == []  # the next start is calm


def test_a_huge_save_is_not_read_into_memory(tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: costs no disk
    assert load_saved_session(path) is None
    assert _set_aside(tmp_path) and take_notices() == [SAVE_SET_ASIDE]


def test_a_long_saved_at_never_reaches_the_screen(tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    path.write_text(json.dumps({**GOOD, "saved_at": "x" * 2000}), encoding="utf-8")
    record = load_saved_session(path)
    assert record is not None and record.saved_at == ""


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=20,
)


@st.composite
def saves(draw: st.DrawFn) -> object:
    """A good save with some fields replaced by any JSON value, or any JSON at all."""
    if draw(st.booleans()):
        return draw(JSON)
    data = dict(GOOD)
    for key in draw(st.lists(st.sampled_from([*GOOD, "timer", "band", "deck"]), max_size=4)):
        data[key] = draw(JSON)
    return data


@pytest.mark.slow  # fuzzing: hundreds of examples
@settings(max_examples=300, deadline=None)
@given(data=saves())
def test_fuzzed_saves_load_or_are_set_aside(data: object) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "session.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        record = load_saved_session(path)
        if record is None:
            assert not path.exists() and len(_set_aside(Path(folder))) == 1
        else:
            assert path.exists() and len(record.saved_at) <= 80 and 0 <= record.teams <= 99
            assert save_session(record, path)  # what loads also saves again


# --- settings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '{"volume": ' + "9" * 5000 + "}",  # a number with 5,000 digits
        "{" * 5000,
        "[]",
        "\x00\x01",
    ],
)
def test_a_damaged_settings_file_is_set_aside(tmp_path: Path, text: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(text, encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings == Settings() and loaded.notice == DAMAGED
    assert not path.exists() and len(_set_aside(tmp_path)) == 1
    assert load_settings(path).notice is None  # the next start is calm


def test_huge_and_infinite_numbers_in_settings_are_reset(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"volume": 1e999, "text_scale": ' + "1" * 4000 + ', "sound": false}')
    loaded = load_settings(path)
    assert loaded.settings == Settings(sound=False)
    assert "volume" in loaded.notice and "text scale" in loaded.notice


@pytest.mark.slow  # fuzzing: hundreds of examples
@settings(max_examples=300, deadline=None)
@given(data=st.dictionaries(st.sampled_from(Settings._fields), JSON) | JSON)
def test_fuzzed_settings_always_give_usable_settings(data: object) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        loaded = load_settings(path)
        for name, default in Settings()._asdict().items():
            assert type(getattr(loaded.settings, name)) is type(default)
        assert save_settings(loaded.settings, path) is None


# --- saves that fail ----------------------------------------------------------------------------


def test_a_failed_save_keeps_the_last_good_one(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "session.json"
    assert save_session(_record(), path)
    good = path.read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    later = SessionRecord.from_dict({**GOOD, "actions": [{"type": "ShowOptions"}] * 2})
    assert not save_session(later, path)
    assert path.read_bytes() == good
    assert sorted(os.listdir(tmp_path)) == ["session.json"]  # no temporary file left


def test_a_directory_where_the_save_goes_is_a_failed_save(tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    path.mkdir()
    assert not save_session(_record(), path)
    assert load_saved_session(path) is None and path.is_dir()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_is_a_failed_save(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    assert save_session(_record(), folder / "session.json")
    folder.chmod(0o500)
    try:
        assert not save_session(
            SessionRecord.from_dict({**GOOD, "teams": 4}), folder / "session.json"
        )
        assert load_saved_session(folder / "session.json") == _record()
    finally:
        folder.chmod(0o700)


def test_the_facilitator_is_told_once_when_saving_stops_and_once_when_it_works_again() -> None:
    watch = SaveWatch()
    said = [watch.after_save(ok) for ok in (True, True, False, False, False, True, True, False)]
    assert said == [None, None, SAVE_STOPPED, None, None, SAVE_WORKS_AGAIN, None, SAVE_STOPPED]


def test_the_save_names_no_path(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(savegame, "save_path", lambda: tmp_path / "session.json")
    assert save_session(_record())
    assert str(tmp_path) not in (tmp_path / "session.json").read_text(encoding="utf-8")


ACTION = st.fixed_dictionaries(
    {"type": st.sampled_from(["ShowOptions", "Choose", "Explain", "Next", "Award", "Enter", "x"])},
    optional={
        "index": st.integers(min_value=-(10**20), max_value=10**20) | JSON,
        "team": st.integers(min_value=-5, max_value=10**20) | JSON,
    },
)


@pytest.mark.slow  # fuzzing: hundreds of examples
@settings(max_examples=200, deadline=None)
@given(
    mode=st.sampled_from(["teams", "all_teams", "together", "solo", "x"]),
    teams=st.integers(min_value=0, max_value=99),
    actions=st.lists(ACTION, max_size=12),
)
def test_fuzzed_actions_rebuild_or_are_refused(mode: str, teams: int, actions: list) -> None:
    from game.content.decks import default_deck_paths, load_decks
    from game.model.record import RecordError, rebuild

    cards = _cards(load_decks, default_deck_paths)
    record = SessionRecord.from_dict(
        {
            **GOOD,
            "mode": mode,
            "teams": teams,
            "card_ids": [c.id for c in cards[:3]],
            "actions": actions,
        }
    )
    with contextlib.suppress(RecordError):  # anything else fails the test
        rebuild(record, cards)


_CARDS: list = []


def _cards(load_decks, default_deck_paths) -> list:
    if not _CARDS:
        _CARDS.extend(load_decks(default_deck_paths("en")).cards)
    return _CARDS


def test_the_save_keeps_deck_ids_never_paths(tmp_path: Path) -> None:
    """Item 8: a deck path can hold the user's name (/home/anna/...); the save keeps ids."""
    from game.content.decks import default_deck_paths

    shipped = default_deck_paths("en")[0]
    own = tmp_path / "anna" / "my-deck.yaml"
    own.parent.mkdir()
    own.write_text(
        (Path(__file__).parents[1] / "fixtures" / "good_deck.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    record = SessionRecord.from_dict(GOOD)
    record = SessionRecord(**{**record.__dict__, "deck_ids": (str(shipped), str(own), "telling")})
    path = tmp_path / "session.json"
    assert save_session(record, path)
    text = path.read_text(encoding="utf-8")
    assert "anna" not in text and "/" not in text.replace("\\/", "")
    loaded = load_saved_session(path)
    assert loaded is not None and loaded.deck_ids[1] == "test-deck" and "telling" in loaded.deck_ids


def test_an_old_save_with_paths_loads_without_them(tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    old = {k: v for k, v in GOOD.items() if k != "deck_ids"} | {"deck_paths": ["/home/anna/x.yaml"]}
    path.write_text(json.dumps(old), encoding="utf-8")
    loaded = load_saved_session(path)
    assert loaded is not None and loaded.deck_ids == () and loaded.deck_paths == ()
