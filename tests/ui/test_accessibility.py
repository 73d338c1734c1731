"""Accessibility across the game: M mutes from anywhere, the sound cues come at the right
moments (and never without a device), every target is large enough to hit, every key is listed
on the help screen, lines stay short, and text is large enough to read from the back."""

from __future__ import annotations

import math
import os

import pygame
import pytest

from game.model.cards import Rating
from game.model.session import Mode
from game.settings import load_settings
from game.ui.sound import Sound
from game.ui.widgets import Button, FocusGroup

from .accessibility_walk import walk
from .driver import Driver

SOUNDS = Driver.__init__.__globals__["DECKS"][0].parents[3] / "assets" / "sounds"


# --- M: sound off and on ------------------------------------------------------------------------


def test_m_toggles_sound_from_anywhere_saves_it_and_says_so(make_driver) -> None:
    d = make_driver((1280, 720), sound=True)
    assert d.app.sound.enabled
    d.key("m")  # on the content note
    assert not d.app.sound.enabled and load_settings().settings.sound is False
    texts = [r.text for r in d.texts()]
    assert "Sound off" in texts  # a word beside the icon, not an icon alone
    d.press("enter")
    d.start_game()
    d.press("esc")  # the pause overlay takes every other key, but not M
    d.key("m")
    assert d.app.sound.enabled and load_settings().settings.sound is True
    assert d.shows("Sound on")
    d.settle()
    assert not d.shows("Sound on")  # the toast goes by itself


def test_m_is_a_letter_while_typing_own_words(make_driver) -> None:
    d = make_driver((1280, 720), sound=True)
    d.start_game()
    d.press("enter", "1")
    assert d.app.top.wants_text
    d.key("m")
    d.type("m")
    assert d.app.sound.enabled
    assert d.app.top.words == "m"


# --- the sound cues -------------------------------------------------------------------------------


def play_one_card(d: Driver, option: int) -> list[str]:
    d.app.sound.history.clear()
    d.press("enter")
    d.press(str(option + 1))
    d.press("enter")  # skip own words
    d.press("1")
    d.settle()
    return list(d.app.sound.history)


def test_the_cues_play_at_the_right_moments(make_driver) -> None:
    d = make_driver((1280, 720), sound=True)
    d.start_game()
    card = d.app.play.session.state.card
    unsafe = next(i for i, r in enumerate(card.responses) if r.rating is not Rating.SAFE)
    assert play_one_card(d, unsafe) == ["choose", "choose", "reveal", "gentle"]
    d.app.sound.history.clear()
    d.press("enter")  # next card
    assert list(d.app.sound.history) == ["next"]
    card = d.app.play.session.state.card
    assert play_one_card(d, card.best_response_index)[-2:] == ["reveal", "safe"]


def test_sound_off_is_silent_and_the_volume_is_applied(make_driver) -> None:
    d = make_driver((1280, 720), sound=False)
    d.start_game()
    assert play_one_card(d, 0) == []
    d.key("m")
    from game.ui import prefs

    prefs.change(d.app, volume=0.3)
    assert all(s.get_volume() == pytest.approx(0.3, abs=0.01) for s in d.app.sound._sounds.values())
    prefs.change(d.app, volume=0.0)
    d.app.sound.history.clear()
    d.app.sound.play("choose")
    assert list(d.app.sound.history) == []


def test_without_an_audio_device_everything_stays_silent(monkeypatch) -> None:
    pygame.mixer.quit()
    monkeypatch.setenv("SDL_AUDIODRIVER", "no-such-device")
    sound = Sound(SOUNDS, True, 0.5)
    sound.play("choose")  # the mixer is opened on the first cue, and fails quietly
    assert sound.broken and not sound.audible
    sound.play("safe", delay=0.2)
    sound.update(1.0)
    sound.set_enabled(True)
    sound.set_volume(1.0)
    assert list(sound.history) == []
    pygame.mixer.quit()
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    assert os.environ["SDL_AUDIODRIVER"] == "dummy"


def test_there_is_no_background_music() -> None:
    assert sorted(p.stem for p in SOUNDS.glob("*.wav")) == sorted(
        ["choose", "gentle", "next", "reveal", "safe"]
    )
    assert all(p.stat().st_size < 60_000 for p in SOUNDS.glob("*.wav"))  # cues, not tunes


# --- keyboard, switch and pointer access ----------------------------------------------------------


def test_the_help_screen_lists_every_key_including_r_and_m(make_driver) -> None:
    d = make_driver((1920, 1080))
    d.press("enter")
    d.key("h")
    texts = " ".join(r.text for r in d.texts())
    for key in ("1–4", "Enter / Space", "Tab / arrows", "Esc", "H", "M", "R", "F11"):
        assert f"{key}:" in texts, key
    assert "sound on or off" in texts and "read aloud again" in texts


def _targets(scene) -> list[pygame.Rect]:
    """Every button rect a scene holds (in groups, lists, rows) plus its own click targets."""
    found: list[pygame.Rect] = []
    seen: set[int] = set()

    def add(value) -> None:
        if isinstance(value, Button) and id(value) not in seen:
            seen.add(id(value))
            found.append(value.rect)
        elif isinstance(value, FocusGroup):
            for b in value.buttons:
                add(b)
        elif isinstance(value, list):
            for v in value:
                add(v)
                for chip in getattr(v, "chips", []):
                    add(chip)

    for value in vars(scene).values():
        add(value)
    extra = getattr(scene, "click_targets", None)
    if callable(extra):
        found += extra()
    return [r for r in found if r.w and r.h]  # zero-size: not on screen yet


@pytest.mark.slow  # a screen walk per mode and text size
@pytest.mark.parametrize("scale", [1.0, 1.4], ids=["normal-text", "larger-text"])
@pytest.mark.parametrize("mode", [Mode.SOLO, Mode.TEAMS], ids=lambda m: m.value)
def test_every_target_is_at_least_44_px_at_1024x768(make_driver, mode, scale) -> None:
    d = make_driver((1024, 768), text_scale=scale)
    small = []
    for label in walk(d, mode):
        for rect in _targets(d.app.top):
            if rect.w and rect.h and (rect.w < 44 or rect.h < 44):
                small.append(f"{label}: {rect}")
    assert not small, small


def test_every_action_has_a_visible_focus_ring_on_the_keyboard(make_driver) -> None:
    """The focused item is drawn with the ring colour and a marker; checked by pixels."""
    d = make_driver((1024, 768))
    d.press("enter")
    focus = d.app.ui.theme.focus
    button = d.app.top.group.focused
    ring = button.rect.inflate(12, 12)
    hits = sum(
        1
        for x in range(ring.x, ring.right)
        for y in (ring.y, ring.y + 2, ring.y + 4, ring.y + 6)
        if tuple(d.app.screen.get_at((x, y)))[:3] == focus
    )
    assert hits > button.rect.w // 2


# --- readable from the back ---------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_reading_text_is_at_least_a_28th_of_the_height_at_the_default_size(
    make_driver, size
) -> None:
    """The question, the options and the reasons are body text or larger (1/28 of the window);
    nothing anywhere is smaller than 1/40, and no line is longer than 70 characters."""
    d = make_driver(size)
    h = size[1]
    for label in walk(d, Mode.SOLO):
        records = d.texts()
        for r in records:
            assert r.size >= math.ceil(h / 40), (label, r.text, r.size)
            assert all(len(line) <= 70 for line in r.lines), (label, r.lines)
        if label in ("card-options", "explain"):
            card = d.app.play.session.state.card
            main = (
                [card.question] + [x.text for x in card.responses]
                if label == "card-options"
                else [x.text for x in card.reasons]
            )
            for r in records:
                if r.text in main:
                    assert r.size >= math.ceil(h / 28), (label, r.text, r.size)


def test_the_largest_text_size_makes_the_reading_text_larger(make_driver) -> None:
    normal = make_driver((1920, 1080))
    normal.start_game()
    normal.press("enter")
    large = make_driver((1920, 1080), text_scale=1.65)
    large.start_game()
    large.press("enter")
    card = normal.app.play.session.state.card

    def size_of(d: Driver, text: str) -> int:
        for _ in range(4):  # a paged card (the largest text): its other view
            found = [r.size for r in d.texts() if r.text == text]
            if found:
                return found[0]
            d.press("right" if d.app.top.view == "chat" else "left")
        raise AssertionError(f"not drawn: {text!r}")

    # the body text the class reads grows (the question, a heading, keeps its size and gives
    # its room to the body text: see Metrics.play_large)
    assert size_of(large, card.setup) > size_of(normal, card.setup) * 1.4
    option = card.responses[0].text
    assert size_of(large, option) > size_of(normal, option) * 1.2
    assert size_of(large, card.question) >= size_of(normal, card.question)
