"""Frames that repaint only what changed (game/ui/screen_memory.py) must give exactly the pixels a
full frame gives. After every step below, the screen as the partial frame left it is compared
with a full redraw of the same state, and the changed areas are checked to be small."""

from __future__ import annotations

import pygame
import pytest

from game.model.session import Mode
from game.ui.app import GameSetup
from tests.ui.driver import Driver


def at_title(size: tuple[int, int] = (1280, 720)) -> Driver:
    d = Driver(size)
    if d.top == "content-note":
        d.press("enter")
    assert d.top == "title"
    return d


def full_redraw_matches(d: Driver, where: str) -> None:
    app = d.app
    partial = pygame.image.tobytes(app.screen, "RGB")
    app.ui.memory.forget()
    assert app.draw() is None  # a forgotten screen gets a full frame
    full = pygame.image.tobytes(app.screen, "RGB")
    if partial != full:
        w, h = app.size
        diff = [i // 3 for i in range(0, len(full), 3) if partial[i : i + 3] != full[i : i + 3]]
        xs, ys = [p % w for p in diff], [p // w for p in diff]
        box = (min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)
        pytest.fail(f"{where}: {len(diff)} pixels differ from a full redraw, within {box}")


def press_n(d: Driver) -> None:
    d.app.feed(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_n, mod=0, unicode="n", scancode=0))
    d.settle()


def hover(d: Driver, pos: tuple[int, int]) -> None:
    d.app.feed(
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False)
    )


def step(d: Driver, where: str) -> list[pygame.Rect] | None:
    """One frame after an input, as the loop draws it; checked against a full redraw."""
    d.app.update(1 / 60)
    changed = d.app.draw()
    full_redraw_matches(d, where)
    return changed


def walk_buttons(d: Driver, scene: str) -> None:
    """Focus moves and hovers over every button of the top scene, checking every frame."""
    step(d, f"{scene}: settled")
    step(d, f"{scene}: settled, drawn again")
    for key in ("down", "down", "up", "right", "left", "tab"):
        d.app.feed(
            pygame.event.Event(
                pygame.KEYDOWN,
                key=getattr(pygame, f"K_{key.upper()}"),
                mod=0,
                unicode="",
                scancode=0,
            )
        )
        if d.app.busy:  # a key that started something (an animation) is not this test's point
            d.settle()
        step(d, f"{scene}: after {key}")
    buttons = [b for g in vars(d.app.top).values() if hasattr(g, "buttons") for b in g.buttons]
    assert buttons, scene
    for b in buttons:
        hover(d, b.rect.center)
        step(d, f"{scene}: hover {b.id}")
    hover(d, (2, 2))
    step(d, f"{scene}: hover nothing")


SIZES = [(1280, 720), (1024, 768)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_solo_screens_repaint_like_a_full_frame(size) -> None:
    d = at_title(size)
    walk_buttons(d, "title")
    # a toast over a retained screen, fading in and out
    d.app.show_toast("Sound off", "sound-off", seconds=0.6)
    for i in range(12):
        d.app.update(0.06)
        d.app.draw()
        full_redraw_matches(d, f"title: toast frame {i}")
    d.settle()
    step(d, "title: toast gone")
    d.start_game()
    d.press("enter")  # the whole chat and the options
    assert d.top == "card"
    walk_buttons(d, "card")
    d.press("1")
    while d.top != "feedback":
        d.press("enter" if d.app.top.wants_text else "1")
    walk_buttons(d, "feedback")
    # pause over the feedback, then back: the overlay spoils the memory, the return is full
    d.press("esc")
    step(d, "pause over feedback")
    d.press("esc")
    assert d.top == "feedback"
    step(d, "feedback after the pause")
    while d.top != "summary":
        d.press("enter" if d.top != "card" or d.phase == "scenario" else "1")
        if d.app.top.wants_text:
            d.press("enter")
        if d.phase == "explain":
            d.press("1")
    walk_buttons(d, "summary")


def test_group_card_with_timer_and_notes_repaints_like_a_full_frame() -> None:
    d = at_title()
    message = d.app.start_game(GameSetup(mode=Mode.TEAMS, teams=3, count=3, seed=1, timer=60))
    assert message is None
    d.settle()
    if d.top == "facilitator-intro":
        d.press("enter")
    d.press("enter")
    assert d.top == "card"
    walk_buttons(d, "team card with a timer")
    press_n(d)  # the facilitator's notes over the card
    walk_buttons(d, "team card with notes")
    press_n(d)
    step(d, "team card, notes closed")


def test_a_focus_move_repaints_a_small_part_of_the_screen() -> None:
    d = at_title()
    step(d, "title")
    d.app.feed(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_DOWN, mod=0, unicode="", scancode=0))
    d.app.update(1 / 60)
    changed = d.app.draw()
    assert changed is not None, "a focus move on the title should not repaint everything"
    area = sum(r.w * r.h for r in changed)
    assert 0 < area < 0.25 * 1280 * 720, changed
    full_redraw_matches(d, "title after a focus move")


def test_a_resize_or_an_expose_gives_a_full_frame() -> None:
    d = at_title()
    step(d, "first")
    assert d.app.draw() is not None  # retained: nothing moved, so a small repaint
    d.app.feed(pygame.event.Event(pygame.WINDOWEXPOSED))
    assert d.app.draw() is None
    d.app.resize((1024, 768))
    assert d.app.draw() is None
    full_redraw_matches(d, "after a resize")


def test_a_hover_seen_before_is_painted_from_what_was_kept() -> None:
    d = at_title()
    step(d, "title")
    layer = d.app.top._static_layer
    buttons = d.app.top.group.buttons
    for b in buttons:  # the first round of hovers: drawn, then kept
        hover(d, b.rect.center)
        step(d, f"first hover {b.id}")
    hover(d, buttons[0].rect.center)
    step(d, "back to the first button")
    kept = dict(layer.snapshots)
    assert kept
    for b in buttons[1:]:  # the same round again: the kept pixels, the same as a full frame
        hover(d, b.rect.center)
        step(d, f"second hover {b.id}")
    assert set(layer.snapshots) == set(kept), "a hover seen before should be painted from memory"
    assert layer.snapshot_bytes <= max(2 * 1024 * 1024, 1280 * 720 * 2)
