"""The settings screen: reachable from the title and from Pause, every setting changes by keyboard
and mouse, applies at once on every screen (also the card under a Pause), and is saved. A
damaged settings file gives the defaults and one calm notice; a missing voice is said once."""

from __future__ import annotations

import json

import pygame
import pytest

from game.settings import Settings, load_settings, settings_path
from game.speech import NullSpeaker, RecordingSpeaker
from game.ui.app import App
from game.ui.options import RunOptions
from game.ui.scenes import settings
from game.ui.scenes.settings import SettingsScene

from .driver import DECKS


def open_settings(d) -> SettingsScene:
    if d.top == "content-note":
        d.press("enter")
    assert d.top == "title"
    d.press("down", "down")  # Play, How to play & help, Settings
    d.press("enter")
    assert d.top == "settings"
    return d.app.top


def focus_row(d, key: str) -> None:
    scene = d.app.top
    target = [r.key for r in scene.rows].index(key)
    while scene.focus != target:
        d.press("down")


def saved() -> Settings:
    loaded = load_settings()
    assert loaded.notice is None
    return loaded.settings


def test_settings_open_from_the_title_by_keyboard_and_esc_goes_back(make_driver) -> None:
    d = make_driver((1024, 768))
    open_settings(d)
    assert d.shows("Text size") and d.shows("Read aloud") and d.shows("Language")
    d.press("esc")
    assert d.top == "title"


def test_settings_open_from_pause_over_the_card(make_driver) -> None:
    d = make_driver((1024, 768))
    d.start_game()
    d.press("esc")
    assert d.top == "pause"
    d.click(d.button("settings").center)
    assert d.names[-3:] == ["card", "pause", "settings"]
    d.press("esc")
    assert d.names[-2:] == ["card", "pause"]


@pytest.mark.parametrize(
    ("key", "check"),
    [
        ("text_scale", lambda app: app.ui.text_scale == 1.2 and app.ui.m.body == 33),
        ("line_spacing", lambda app: app.ui.engine.line_spacing == 1.5),
        ("font", lambda app: app.ui.engine.fonts.family == "atkinson"),
        ("theme", lambda app: app.ui.theme.name == "high-contrast"),
        ("reduced_motion", lambda app: app.ui.reduced_motion is True),
        ("sound", lambda app: app.sound.enabled is True),
        ("volume", lambda app: app.sound.volume == pytest.approx(0.7)),
        ("read_aloud", lambda app: app.voice.enabled is True),
        ("region", lambda app: app.help.region != "United States"),
    ],
)
def test_each_setting_changes_with_right_applies_at_once_and_is_saved(
    make_driver, key, check
) -> None:
    d = make_driver((1024, 768), region="us")
    scene = open_settings(d)
    before = scene.word(scene.row(key))
    focus_row(d, key)
    d.press("right")
    assert scene.word(scene.row(key)) != before
    assert check(d.app), key
    assert d.shows(scene.word(scene.row(key)))  # the new value, in words
    value = getattr(saved(), key)
    assert value == getattr(d.app.settings, key)
    d.press("left")
    assert scene.word(scene.row(key)) == before


def test_language_changes_every_screen_at_once(make_driver, monkeypatch) -> None:
    monkeypatch.setattr(settings, "available_languages", lambda: ["en", "sv"])
    d = make_driver((1024, 768))
    scene = open_settings(d)
    assert scene.word(scene.row("language")) == "English"
    focus_row(d, "language")
    d.press("right")
    assert d.app.language == "sv" and saved().language == "sv"
    assert scene.word(scene.row("language")) == "Svenska"  # languages by their own names
    assert d.app.help.region  # the help services' region name follows the language
    d.press("left")
    assert d.app.language == "en"


def test_the_scene_under_a_pause_re_lays_out_with_the_new_text_size(make_driver) -> None:
    d = make_driver((1024, 768))
    d.start_game()
    card = d.app.stack[-1]
    setup = card.state.card.setup  # body text: it grows with the text size
    before = next(r.size for r in d.texts() if r.text == setup)
    d.press("esc")
    d.click(d.button("settings").center)
    d.press("right", "right")  # text size: Normal -> Large -> Larger
    d.press("esc", "esc")
    assert d.top == "card"
    after = card.setup_size  # (drawn on the chat's view when the larger text pages the card)
    assert after > before
    assert card.setup_rect.h > 0 and after >= d.app.ui.m.least


def test_a_theme_change_redraws_the_background_at_once(make_driver) -> None:
    d = make_driver((1024, 768))
    open_settings(d)
    dark = d.app.screen.get_at((5, 760))
    focus_row(d, "theme")
    d.press("right", "right")  # default -> high contrast -> projector
    d.app.draw()
    light = d.app.screen.get_at((5, 760))
    assert sum(light[:3]) > sum(dark[:3]) + 300


def test_the_mouse_changes_values_with_the_arrows_and_enter_steps_them(make_driver) -> None:
    d = make_driver((1024, 768))
    scene = open_settings(d)
    d.click(d.button("text_scale:more").center)
    assert d.app.ui.text_scale == 1.2
    d.click(d.button("text_scale:less").center)
    d.click(d.button("text_scale:less").center)
    assert d.app.ui.text_scale == 0.85
    d.click(d.button("reduced_motion:value").center)
    assert d.app.ui.reduced_motion is True
    focus_row(d, "sound")
    d.press("enter")  # Enter steps to the next value too (a single switch is enough)
    assert d.app.sound.enabled is True
    d.click(scene.done_btn.rect.center)
    assert d.top == "title"


def test_about_and_credits_name_the_fonts_and_their_licences(make_driver) -> None:
    d = make_driver((1024, 768))
    scene = open_settings(d)
    d.click(scene.about_btn.rect.center)
    assert d.top == "about"
    assert d.shows("OpenDyslexic font by Abelardo Gonzalez (CC BY 3.0), based on Bitstream Vera.")
    assert d.shows("Andika by SIL International (OFL).")
    d.press("esc")
    assert d.top == "settings"


def test_a_damaged_settings_file_gives_defaults_and_one_calm_notice(make_driver) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ this is not json", encoding="utf-8")
    app = App(
        RunOptions(deck_paths=list(DECKS), window_size=(1024, 768)), speaker=RecordingSpeaker()
    )
    app.ui.log.enabled = True
    app.start()
    assert app.settings == Settings()
    app.pop()  # the content note
    app.update(0.1)
    app.draw()
    texts = [r.text for r in app.ui.log.records]
    assert any("damaged" in t for t in texts), texts  # once, as a toast on the title
    for _ in range(200):
        app.update(0.05)
    app.draw()
    assert not any("damaged" in r.text for r in app.ui.log.records)  # and then it goes
    app.push(SettingsScene(app))
    app.draw()
    assert not any("damaged" in r.text for r in app.ui.log.records)
    pygame.quit()


def test_out_of_range_values_are_reset_and_named(make_driver) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"text_scale": 9, "theme": "neon"}), encoding="utf-8")
    app = App(RunOptions(deck_paths=list(DECKS), window_size=(1024, 768)))
    assert app.ui.text_scale == 1.0 and app.ui.theme.name == "default"
    assert "text scale" in (app.settings_notice or "")
    pygame.quit()


def test_a_settings_file_that_cannot_be_saved_is_said_and_the_change_still_applies(
    make_driver, tmp_path, monkeypatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("REDFLAGS_CONFIG_DIR", str(blocker))
    d = make_driver((1024, 768))
    open_settings(d)
    d.press("right")
    assert d.app.ui.text_scale == 1.2
    assert d.shows("could not be saved")


def test_without_a_voice_the_screen_says_so_once_beside_read_aloud(make_driver) -> None:
    d = make_driver((1024, 768), speaker=NullSpeaker())
    open_settings(d)
    texts = [r.text for r in d.texts()]
    assert sum("no voice installed" in t for t in texts) == 1
    assert sum("No voice is installed" in t for t in texts) == 1
    focus_row(d, "read_aloud")
    d.press("right")
    assert d.app.voice.enabled and saved().read_aloud is True  # on, and silent
    d.press("esc", "up", "up", "enter")  # the title's focus stayed on Settings; up to Play
    assert d.top == "setup"


def test_every_value_is_a_word_and_the_focus_has_a_ring(make_driver) -> None:
    d = make_driver((1024, 768))
    scene = open_settings(d)
    texts = {r.text for r in d.texts()}
    for row in scene.rows:
        assert scene.word(row) in texts, row.key
        assert scene.word(row).strip()
    assert scene.spoken_focus() == "Text size: Normal"
