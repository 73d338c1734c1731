"""The facilitator is told on screen (issue 17, items 1, 3 and 8): a damaged or hostile save is
set aside with a calm notice on the title, which then works; a save whose cards are gone is set
aside too, not dropped without a word; when saving stops working during a session, and when it
works again, a toast says so, once each."""

from __future__ import annotations

import json

import pytest

from game import savegame
from game.model.session import Mode
from game.savegame import SAVE_SET_ASIDE, SAVE_STOPPED, SAVE_WORKS_AGAIN, save_path

from .test_group_play_ui import record_toasts, start


@pytest.fixture(autouse=True)
def _no_old_notices():
    savegame.take_notices()
    savegame._watch.failing = False
    yield
    savegame.take_notices()
    savegame._watch.failing = False


def _write_save(data: dict) -> None:
    save_path().parent.mkdir(parents=True, exist_ok=True)
    save_path().write_text(json.dumps(data).replace("Infinity", "1e999"), encoding="utf-8")


def _to_title(d) -> None:  # type: ignore[no-untyped-def]
    shown = [d.app.toast.text] if d.app.toast is not None else []  # the first frame's toast
    record_toasts(d)
    d.toasts[:0] = shown
    if d.top == "content-note":
        d.press("enter")
    for _ in range(5):
        d.frame()


@pytest.mark.parametrize(
    "save",
    [
        {"version": 1, "mode": "teams", "teams": float("inf"), "language": "en"},  # the issue's
        {
            "version": 1,
            "mode": "teams",
            "teams": 2,
            "language": "en",
            "deck_ids": [],
            "card_ids": ["a-card-that-is-gone"],
            "actions": [],
        },  # a save whose cards are gone
    ],
    ids=["teams-1e999", "cards-gone"],
)
def test_a_save_that_cannot_be_used_is_set_aside_and_the_title_says_so(make_driver, save):
    _write_save(save)
    d = make_driver((1280, 720))
    _to_title(d)
    assert d.top == "title"
    assert SAVE_SET_ASIDE in d.toasts
    assert not save_path().exists()
    assert list(save_path().parent.glob("session.damaged-*.json"))
    d.press("enter")  # Play works
    assert d.top == "setup"


def test_saving_stops_and_works_again_told_once_each(make_driver, monkeypatch):
    d = make_driver((1280, 720))
    start(d, Mode.TEAMS)
    real = savegame.atomic_write_text

    def full_disk(path, text):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(savegame, "atomic_write_text", full_disk)
    d.press("enter")  # a step: the save fails
    d.frame()
    d.press("1")
    d.frame()
    assert d.toasts.count(SAVE_STOPPED) == 1
    monkeypatch.setattr(savegame, "atomic_write_text", real)
    d.press("esc") if d.top == "pause" else None
    for key in ("enter", "1"):
        d.press(key)
        d.frame()
        d.advance(10)
    assert d.toasts.count(SAVE_WORKS_AGAIN) == 1 and d.toasts.count(SAVE_STOPPED) == 1


def test_the_resume_offer_shows_the_step_it_really_resumes(make_driver, monkeypatch):
    """Saving failed after card 2 began: the offer names card 2 (the last good save), not the
    card the class had reached, and resuming lands exactly there."""
    from .driver import answer

    d = make_driver((1280, 720))
    start(d, Mode.TEAMS)
    for _ in range(12):  # play on until card 2 is shown
        if d.app.play.session.state.index == 1:
            break
        answer(d)
        d.settle()
    assert d.app.play.session.state.index == 1
    good = tuple(d.app.play.session.history)

    def full_disk(path, text):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(savegame, "atomic_write_text", full_disk)
    for _ in range(12):  # ... and on to card 3, unsaved
        if d.app.play.session.state.index == 2:
            break
        answer(d)
        d.settle()
    assert d.app.play.session.state.index == 2
    d2 = make_driver((1280, 720))
    if d2.top == "content-note":
        d2.press("enter")
    assert d2.top == "resume"
    assert d2.shows("(card 2 of 3)")
    d2.press("enter")
    assert tuple(d2.app.play.session.history) == good
