"""Files and assets that are missing or broken never stop a lesson: fonts fall back to pygame's
own font, sounds go silent, a broken shipped deck is skipped with a clear message while the
others play, and unwritable config or data folders only mean nothing is saved."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame
import pytest

import game.content.decks as decks_module
from game.model.session import Mode
from game.settings import Settings, save_settings
from game.ui import services
from game.ui.app import App
from game.ui.options import RunOptions
from game.ui.sound import NAMES, Sound
from game.ui.text import FAMILIES, FontBook

from ..ui.driver import Driver, answer

ASSETS = services.ASSETS_DIR


@pytest.fixture(autouse=True)
def _quit_pygame():
    yield
    pygame.quit()


def play_whole_game(d: Driver, mode: Mode = Mode.SOLO) -> None:
    d.start_game(mode=mode, count=3)
    for _ in range(40):
        if d.phase == "summary":
            break
        answer(d)
    assert d.phase == "summary" and d.top == "summary"
    assert d.shows("It is never your fault")


def fake_assets(tmp_path: Path, fonts: str, sounds: str) -> Path:
    """A copy of the assets folder whose fonts and sounds are missing or garbage."""
    root = tmp_path / "assets"
    root.mkdir()
    for name in ("decks", "help", "locale"):
        if (ASSETS / name).exists():
            (root / name).symlink_to(ASSETS / name)
    if fonts != "missing":
        (root / "fonts").mkdir()
        for family in FAMILIES.values():
            for file in family.values():
                (root / "fonts" / file).write_bytes(b"\x00garbage, not a font" * 7)
    if sounds != "missing":
        (root / "sounds").mkdir()
        for name in NAMES:
            (root / "sounds" / f"{name}.wav").write_bytes(b"RIFF\x10\x00\x00\x00WAVEjunk")
    return root


@pytest.mark.parametrize("state", ["missing", "broken"])
def test_missing_or_broken_fonts_fall_back_and_the_game_plays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, state: str
) -> None:
    monkeypatch.setattr(services, "ASSETS_DIR", fake_assets(tmp_path, state, state))
    d = Driver()
    font = d.app.ui.engine.fonts.get("body", 30)
    assert isinstance(font, pygame.font.Font)
    assert d.shows("Before we start")  # text still shows, in pygame's own font
    d.press("enter", "enter")
    play_whole_game(d)


def test_a_font_book_with_no_folder_still_gives_fonts(tmp_path: Path) -> None:
    pygame.font.init()
    book = FontBook(tmp_path / "nowhere", "opendyslexic")
    for role in ("body", "bold", "italic", "display", "semi"):
        assert book.get(role, 24).size("Hej å ä ö")[0] > 0


@pytest.mark.parametrize("state", ["missing", "broken"])
def test_missing_or_broken_sounds_are_silent(tmp_path: Path, state: str) -> None:
    folder = fake_assets(tmp_path, "missing", state) / "sounds"
    sound = Sound(folder, True, 0.7)
    for name in (*NAMES, "no-such-sound"):
        sound.play(name)  # silence, never an error


def test_a_broken_shipped_deck_is_skipped_and_named_on_the_setup_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    decks = tmp_path / "decks"
    shutil.copytree(ASSETS / "decks", decks)
    victims = sorted((decks / "en").glob("*.yaml"))
    victims[0].write_text("deck: {id: broken\ncards: [oops", encoding="utf-8")
    victims[1].write_bytes(b"\xff\xfe not utf-8")
    monkeypatch.setattr(decks_module, "DECKS_DIR", decks)
    app = App(
        RunOptions(language="en", seed=1, cards=3, region="gb"), settings=Settings(sound=False)
    )
    d = Driver.__new__(Driver)
    d.app = app
    app.ui.log.enabled = True
    app.start()
    assert len(app.decks) == len(victims) - 2
    assert {Path(str(e).split(", ")[0].split(": ")[0]).name for e in app.deck_errors} == {
        victims[0].name,
        victims[1].name,
    }
    d.press("enter", "enter")  # content note, title -> setup
    assert d.top == "setup"
    assert d.shows(f"Skipped {victims[0].name}, {victims[1].name}: it has mistakes")
    d.press("esc")
    play_whole_game(d)


def test_unwritable_config_and_data_folders_do_not_stop_play(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("REDFLAGS_CONFIG_DIR", str(blocker))
    monkeypatch.setenv("REDFLAGS_DATA_DIR", str(blocker / "data"))
    assert save_settings(Settings(theme="projector")) is not None  # a sentence, not an error
    options = RunOptions(deck_paths=[Path(p) for p in Driver.__init__.__globals__["DECKS"]])
    app = App(options)  # the real settings loader, reading from a file that is no folder
    d = Driver.__new__(Driver)
    d.app = app
    app.ui.log.enabled = True
    app.start()
    d.press("enter", "enter", "esc")
    play_whole_game(d, Mode.TEAMS)
    app.crash(RuntimeError("a bug"))  # the crash report cannot be written: skipped silently
    assert d.top == "crash"
    assert blocker.read_text() == "not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]
