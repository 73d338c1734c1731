"""End to end: a three-team "All teams" session in the real program, in a real X window (Xvfb),
played with real key presses (xdotool) and captured screen by screen (`import -window`).

Set-up by keyboard (All teams, 3 teams, 60 s timer), the facilitator's checklist (where the
spot and name steps are turned off with 4, for a short lesson), each team's
choice entered with letter and number keys and revealed, the reasons, the notes panel, a point
for a good explanation, then a simulated crash (the process is killed), a restart that offers to
resume and lands on the same screen, the early end from the pause screen, and the saved summary.
Runs at 1280×720 and at 1024×768; every screenshot must not be blank. Its own X display and its
own data folders, so it never meets another test's window or a real save.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.e2e.realwindow import Game

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("size", ["1280x720", "1024x768"])
def test_a_three_team_session_with_a_crash_and_resume(xserver: str, size: str) -> None:
    folder = Path(tempfile.mkdtemp(prefix=f"redflags-3teams-{size}-"))
    game = Game(xserver, folder, size, 1)
    try:
        game.wait_for("content-note")
        game.key("Return")
        game.wait_for("title")
        game.key("Return")
        game.wait_for("setup")
        # Start has the focus; Down twice reaches "Who plays": Solo -> Team turns -> All teams
        game.key("Down", "Down", "Right", "Right")
        game.key("Down", "Right")  # 3 teams
        # past the lesson plan, age group, deck and card count rows: timer 60 s
        game.key("Down", "Down", "Down", "Down", "Down", "Right")
        game.capture("01-setup")
        game.key("Down", "Down", "Return")  # past the Phones row (off) to Start
        game.wait_for("facilitator-intro")
        game.capture("02-facilitator-intro")
        game.key("4")  # the checklist's steps: the move and why only, a short lesson
        game.key("Return")
        game.wait_for("enter-choices")
        game.key("Return")  # the whole chat at once
        game.key("2", "c", "1")  # team A (first open), then team C by its letter
        game.capture("03-two-teams-entered")
        game.key("n")
        game.capture("04-notes-open")
        game.key("n", "b", "3")  # notes closed; team B
        game.key("Return")  # reveal
        game.wait_for("enter-reasons")
        game.key("1", "2", "1")
        game.capture("05-reasons-entered")
        game.key("Return")
        game.wait_for("team-feedback")
        game.capture("06-team-feedback")
        game.key("b")
        game.wait_for("award")
        game.capture("07-award")
        game.key("a")
        game.capture("08-award-toast")
        # Enter leads on: through the feedback's other pages first, when its columns are paged
        # (at 1024x768 the reasons have a page of their own), then to card 2
        for _ in range(3):
            game.key("Return")
            time.sleep(0.8)
            if game.scenes().count("enter-choices") >= 2:
                break
        game.wait_for("enter-choices", 2)
        game.key("Return", "1", "2")
        game.capture("09-card-2-before-crash")
        time.sleep(0.5)
        game.crash()

        game = Game(xserver, folder, size, 2)
        game.wait_for("content-note")
        game.key("Return")
        game.wait_for("resume", 2)  # offered under the content note, shown once it closes
        game.capture("10-resume-offer")
        game.key("Return")
        game.wait_for("enter-choices")
        game.capture("11-resumed-same-screen")
        game.key("Escape")
        game.wait_for("pause")
        game.capture("12-pause")
        game.key("Up", "Up", "Return")  # "End session — go to summary" sits above "Back to title"
        game.wait_for("end-session")
        game.capture("13-end-confirm")
        game.key("Right", "Return")
        game.wait_for("summary")
        game.key("s")
        game.capture("14-summary-saved")
        saved = folder / "documents" / "Red Flags"
        deadline = time.time() + 15  # the PDF takes a moment to write
        while time.time() < deadline and not list(saved.glob("*.pdf")):
            time.sleep(0.2)
        time.sleep(0.5)
        game.capture("15-summary-saved-path")
        assert len(list(saved.glob("*.md"))) == 1 and len(list(saved.glob("*.pdf"))) == 1
        text = next(saved.glob("*.md")).read_text(encoding="utf-8")
        assert "Foxes" in text and "Owls" in text and "Wolves" in text
        assert not (folder / "data" / "session.json").exists()  # finished: nothing to resume
        scenes = game.scenes()
        assert scenes[:5] == ["resume", "content-note", "resume", "enter-choices", "pause"], scenes
        print(f"screenshots in {folder}", file=sys.stderr)
    finally:
        game.close()
