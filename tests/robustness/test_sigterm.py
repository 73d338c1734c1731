"""The game answers SIGTERM at any time (issue 17, item 2): with a save whose `saved_at` is
2,000 characters long (it left a blank window that ignored SIGTERM), and with a deck whose chat
holds a 2,000-character web address. Long text can no longer block the loop: wrapping is
near-linear, the save's text fields are length-checked and the deck schema limits lengths."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.content.decks import default_deck_paths, load_decks

pytestmark = pytest.mark.slow  # starts the real program and stops it

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "tests" / "fixtures" / "good_deck.yaml"


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
        "REDFLAGS_CONFIG_DIR": str(tmp_path / "config"),
        "REDFLAGS_DATA_DIR": str(tmp_path / "data"),
        "LANGUAGE": "en",
        "LANG": "en_GB.UTF-8",
    }


def _terminated_quickly(args: list[str], env: dict[str, str], wait: float = 6.0) -> float:
    proc = subprocess.Popen(
        [sys.executable, "-m", "game", "--windowed", "640x480", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        time.sleep(wait)  # start-up, the title, the resume offer
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        start = time.perf_counter()
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)
        return time.perf_counter() - start
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_with_a_2000_character_saved_at(tmp_path: Path) -> None:
    cards = load_decks(default_deck_paths("en")).cards[:3]
    (tmp_path / "data").mkdir()
    save = {
        "mode": "teams",
        "teams": 2,
        "language": "en",
        "deck_ids": [],
        "card_ids": [c.id for c in cards],
        "actions": [],
        "saved_at": "2026-11-21T10:00" + "9" * 2000,
        "version": 1,
    }
    (tmp_path / "data" / "session.json").write_text(json.dumps(save), encoding="utf-8")
    assert _terminated_quickly([], _env(tmp_path)) < 3


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_with_the_longest_address_a_chat_may_hold(tmp_path: Path) -> None:
    deck = tmp_path / "long.yaml"
    url = "https://example.com/" + "a" * 480  # the schema's limit for a chat message is 500
    deck.write_text(
        GOOD.read_text(encoding="utf-8").replace("ur so good!! how old r u?", url), "utf-8"
    )
    assert _terminated_quickly(["--deck", str(deck)], _env(tmp_path)) < 3


@pytest.mark.parametrize(("field", "limit"), [("text", 500), ("name", 40)])
def test_a_2000_character_chat_text_is_refused_with_the_limit(field: str, limit: int) -> None:
    from game.content.decks import load_deck_text

    old = 'text: "ur so good!! how old r u?"' if field == "text" else "name: GoalKing_07"
    text = GOOD.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, f"{field}: https://example.com/" + "a" * 1980, 1)
    deck, errors = load_deck_text(text, "long.yaml")
    assert deck is None
    assert f"the text is too long (at most {limit} characters)" in str(errors[0])
