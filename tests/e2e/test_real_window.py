"""End to end: the real program in a real X window (Xvfb), played with real key presses
(xdotool), each screen captured from the X server (ImageMagick `import`), checked to be
non-blank and, where tesseract is installed, read back with OCR so the expected words are
really on screen; the scene changes the game logs (REDFLAGS_DEBUG_SCENES=1) are checked too."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.e2e.realwindow import Game, assert_not_blank, assert_text

pytestmark = pytest.mark.e2e


def test_a_whole_solo_game_in_a_real_window(xserver: str) -> None:
    shots = Path(tempfile.mkdtemp(prefix="redflags-e2e-"))
    game = Game(xserver, shots)
    try:
        game.wait_for("content-note")
        shot = game.capture("01-content-note")
        assert_not_blank(shot)
        assert_text(shot, "Before we start", "Esc")
        game.key("Return")
        game.wait_for("title")
        shot = game.capture("02-title")
        assert_not_blank(shot)
        assert_text(shot, "Red Flags", "Play")
        game.key("Return")
        game.wait_for("setup")
        assert_not_blank(game.capture("03-setup"))
        game.key("Return")  # Start has the focus
        spotted = 0
        for n in range(1, 5):
            game.wait_for("card", n)
            seen = len(game.phases())
            game.key("Return")  # show the whole chat, then the four steps (on by default)
            phase = game.next_phase(seen)
            if phase == "spot":  # skipped on a card whose red flag is in the setup line
                spotted += 1
                shot = game.capture(f"{n}-0-spot")
                assert_text(shot, "Where is the red flag")
                game.key("1")  # the first message
                game.wait_for_phase("name", n)
                shot = game.capture(f"{n}-0-name")
                assert_text(shot, "What trick is this", "red flag is in message")
            else:
                assert phase == "name", game.phases()
                shot = game.capture(f"{n}-0-name")
                assert_text(shot, "What trick is this")
            game.key("1")  # the first trick offered
            game.wait_for_phase("choose", n)
            shot = game.capture(f"{n}-1-card")
            assert_not_blank(shot)
            assert_text(shot, "Card", "Get help", "The trick is")
            game.key("1")
            game.wait_for("explain", n)
            game.key("Return")  # skip the own-words box
            shot = game.capture(f"{n}-2-explain")
            assert_not_blank(shot)
            assert_text(shot, "Why")
            game.key("1")
            game.wait_for("feedback", n)
            shot = game.capture(f"{n}-3-feedback")
            assert_not_blank(shot)
            assert_text(shot, "Red flag", "point")
            if n == 1:
                game.key("h")
                game.wait_for("help")
                shot = game.capture("1-4-help")
                assert_not_blank(shot)
                assert_text(shot, "Block and report")
                game.key("Escape")
                game.key("Escape")
                game.wait_for("pause")
                shot = game.capture("1-5-pause")
                assert_not_blank(shot)
                assert_text(shot, "Take a break", "Back to title")
                game.key("Escape")
                time.sleep(0.3)
            game.key("2")  # a not-safe answer's feedback has two pages: to the last one
            game.key("Return")
        game.wait_for("summary")
        shot = game.capture("5-summary")
        assert_not_blank(shot)
        assert_text(shot, "never your fault")
        assert spotted >= 1, game.phases()  # at least one card asked where the red flag is
        expected = ["content-note", "title", "setup", "card", "explain", "feedback"]
        seen = game.scenes()
        assert seen[: len(expected)] == expected, seen
        assert seen[-1] == "summary"
        print(f"screenshots in {shots}", file=sys.stderr)
    finally:
        game.close()
