"""The friendly crash screen: an exception from a scene shows "Something went wrong", keeps a
group session, writes a crash report without personal data, and leads back to the title. If
the crash screen fails as well, the game stops with one plain line and exit code 3."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from game.model.session import Mode
from game.savegame import data_dir, save_path
from game.ui import crash
from game.ui.crash import CRASH_EXIT_CODE, CrashScene

from ..ui.driver import Driver, answer

OWN_WORDS = "my cat Whiskers knows 555-0199"


@pytest.fixture
def driver():
    d = Driver()
    yield d
    pygame.quit()


def reports() -> list[Path]:
    return sorted((data_dir() / "crash-reports").glob("*.txt"))


def play_to_feedback_with_own_words(d: Driver) -> None:
    d.press("enter", "enter")  # content note, title
    d.start_game(mode=Mode.SOLO)
    d.press("enter")  # show the whole chat
    d.press("1")
    assert d.top == "explain" and d.app.top.wants_text
    d.type(OWN_WORDS)
    d.press("enter")  # keep the words
    d.press("1")
    assert d.top == "feedback"
    if not d.shows(OWN_WORDS):  # a not-safe answer: the reasons are on the second page
        d.press("right")
    assert d.shows(OWN_WORDS)


def test_a_failing_draw_shows_the_crash_screen_and_writes_a_report(driver: Driver) -> None:
    d = driver
    play_to_feedback_with_own_words(d)

    def broken_draw(surface: pygame.Surface) -> None:
        raise RuntimeError(f"drawing failed near {OWN_WORDS}")

    d.app.top.draw = broken_draw  # type: ignore[method-assign]
    d.app.dirty = True
    d.app.frame()
    assert d.names == ["crash"]
    assert d.shows("Something went wrong")
    assert d.shows("start again")  # solo: nothing to resume
    assert d.shows("In danger right now?")  # the region's help resources
    assert d.app.running

    [report] = reports()
    text = report.read_text(encoding="utf-8")
    assert "RuntimeError" in text and "Traceback" in text
    assert "feedback" in text  # the scene
    assert "pygame-ce" in text and "python" in text
    assert "Whiskers" not in text and "555-0199" not in text
    assert crash.REDACTED in text
    assert not any(p.name.endswith(".tmp") for p in report.parent.iterdir())

    d.press("enter")  # Back to the title
    assert d.names == ["title"]
    assert d.app.play is None


def test_a_failing_handle_shows_the_crash_screen_and_saves_a_group_session(
    driver: Driver,
) -> None:
    d = driver
    d.press("enter", "enter")
    d.start_game(mode=Mode.TEAMS, teams=3)
    answer(d)

    def broken_handle(inp: object) -> bool:
        raise KeyError("a bug in a scene")

    d.app.top.handle = broken_handle  # type: ignore[method-assign]
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_2, mod=0, unicode="2"))
    d.app.frame()
    assert d.top == "crash"
    assert d.shows("Your session is saved")
    saved = json.loads(save_path().read_text(encoding="utf-8"))
    assert saved["mode"] == "teams" and saved["teams"] == 3
    assert len(reports()) == 1
    d.press("esc")
    assert d.names[0] == "title"  # with the offer to carry on the saved session, if any


def test_an_unwritable_data_folder_still_shows_the_crash_screen(
    driver: Driver, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("REDFLAGS_DATA_DIR", str(blocker))
    d = driver
    d.press("enter")

    def broken_update(dt: float) -> None:
        raise ZeroDivisionError

    d.app.top.update = broken_update  # type: ignore[method-assign]
    d.app.frame()
    assert d.top == "crash" and d.shows("Something went wrong")
    assert blocker.read_text() == "x"


def test_the_quit_button_of_the_crash_screen_quits(driver: Driver) -> None:
    d = driver
    d.app.crash(ValueError("boom"))
    d.click(d.button("quit").center)
    assert not d.app.running


def test_when_the_crash_screen_fails_too_the_game_stops_with_one_line_and_code_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(self: CrashScene, surface: pygame.Surface) -> None:
        raise MemoryError("nothing can be drawn")

    monkeypatch.setattr(CrashScene, "draw", broken)
    from game.ui.scenes.title import TitleScene

    monkeypatch.setattr(TitleScene, "draw", broken)
    d = Driver.__new__(Driver)  # the App only: `run()` draws the first frame itself
    from game.settings import Settings
    from game.ui.app import App
    from game.ui.options import RunOptions

    from ..ui.driver import DECKS

    app = App(RunOptions(deck_paths=list(DECKS)), settings=Settings(sound=False))
    app.note_shown = True
    try:
        code = app.run()
    finally:
        pygame.quit()
    assert code == CRASH_EXIT_CODE
    err = capsys.readouterr().err
    lines = [ln for ln in err.splitlines() if ln.strip() and "deck problem" not in ln]
    assert len(lines) == 1, err
    assert "Traceback" not in err and "stopped" in lines[0]
    del d


def test_a_failure_while_starting_shows_the_crash_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    from game.settings import Settings
    from game.ui.app import App
    from game.ui.options import RunOptions
    from game.ui.scenes.title import TitleScene

    from ..ui.driver import DECKS

    def broken(self: TitleScene) -> None:
        raise OSError("the title could not start")

    monkeypatch.setattr(TitleScene, "on_enter", broken)
    app = App(RunOptions(deck_paths=list(DECKS)), settings=Settings(sound=False))
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    try:
        code = app.run()
    finally:
        pygame.quit()
    assert code == 0
    assert [s.name for s in app.stack] == ["crash"]
    assert len(reports()) == 1
