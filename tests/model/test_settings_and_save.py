from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game.model.record import SessionRecord
from game.savegame import clear_saved_session, load_saved_session, save_session
from game.settings import Settings, load_settings, save_settings


def test_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    wanted = Settings(text_scale=1.4, theme="projector", reduced_motion=True, volume=0.3)
    assert save_settings(wanted, path) is None
    loaded = load_settings(path)
    assert loaded.settings == wanted and loaded.notice is None


def test_missing_settings_are_the_defaults_without_a_notice(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path / "nope.json")
    assert loaded.settings == Settings() and loaded.notice is None


@pytest.mark.parametrize("content", ["{not json", "[]", "\x00\x01", '"text"', "{" * 5000])
def test_corrupt_settings_fall_back_to_defaults_with_a_notice(tmp_path: Path, content) -> None:
    path = tmp_path / "s.json"
    path.write_text(content, encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings == Settings() and loaded.notice


def test_out_of_range_values_are_reset_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(
        json.dumps(
            {
                "text_scale": 9,
                "theme": "neon",
                "volume": 0.2,
                "sound": "yes",
                "reduced_motion": True,
            }
        ),
        encoding="utf-8",
    )
    loaded = load_settings(path)
    assert loaded.settings.text_scale == 1.0 and loaded.settings.theme == "default"
    assert loaded.settings.volume == 0.2 and loaded.settings.reduced_motion is True
    assert "text scale" in loaded.notice and "theme" in loaded.notice and "sound" in loaded.notice


def test_an_unwritable_settings_folder_gives_a_sentence_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert save_settings(Settings(), blocker / "sub" / "s.json")


def test_saving_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    for scale in (0.85, 1.2):
        save_settings(Settings(text_scale=scale), path)
    assert os.listdir(tmp_path) == ["s.json"]


def test_a_saved_session_round_trips_and_can_be_cleared(tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    record = SessionRecord(
        "teams", 3, "en", ("offers",), ("c1", "c2"), ({"type": "ShowOptions"},), "2026-11-21T10:00"
    )
    assert save_session(record, path)
    assert load_saved_session(path) == record
    clear_saved_session(path)
    assert load_saved_session(path) is None


def test_a_damaged_saved_session_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    path.write_text('{"version": 1, "mode": ', encoding="utf-8")
    assert load_saved_session(path) is None
