"""Headless tests of the screens: every scene draws at three sizes, whole games play with the
keyboard, the mouse alone and touch, overlays return to the same place, and the layout keeps
every text box inside the window, apart from the others, and no smaller than height/40."""

from __future__ import annotations

import math
import os

import pygame
import pytest

from game.model.cards import AgeBand
from game.model.session import Mode
from game.settings import TEXT_SCALES
from game.ui.app import App
from game.ui.context import TextRecord
from game.ui.layout import Metrics
from game.ui.options import RunOptions
from game.ui.scenes.help import HelpScene
from game.ui.text import FontBook, TextEngine
from game.ui.theme import THEMES

from .conftest import SIZES
from .driver import DECKS, Driver, answer


def check_layout(records: list[TextRecord], size: tuple[int, int]) -> None:
    w, h = size
    floor = math.ceil(min(h, round(w * 0.75)) / 40)  # Metrics.min_font: a portrait window too
    window = pygame.Rect(0, 0, w, h)
    for r in records:
        assert window.contains(r.rect), f"text leaves the window at {size}: {r.text!r} {r.rect}"
        assert r.size >= floor, f"text smaller than h/40 at {size}: {r.text!r} size {r.size}"
    for i, a in enumerate(records):
        for b in records[i + 1 :]:
            if a.layer == b.layer and a.rect.colliderect(b.rect):
                overlap = a.rect.clip(b.rect)
                # glyph boxes may touch by a pixel or two; real overlaps are larger
                assert overlap.w <= 2 or overlap.h <= 2, (
                    f"texts overlap at {size}: {a.text!r} {a.rect} and {b.text!r} {b.rect}"
                )


def visit_every_screen(d: Driver, size: tuple[int, int], mode: Mode) -> list[str]:
    """Walk through every scene, checking the layout of each; returns the scene names seen."""
    seen = []

    def check() -> None:
        d.settle()
        seen.append("/".join(d.names))
        check_layout(d.texts(), size)

    check()  # content note
    d.press("enter")
    check()  # title
    d.app.top.group.focus_id("settings")
    d.press("enter")
    check()  # settings
    d.press("esc")
    d.app.top.group.focus_id("play")
    d.press("enter")
    check()  # setup
    d.press("up", "up", "up", "up", "up", "right")  # teams mode shows the team row
    check()
    d.press("esc", "esc")
    d.start_game(mode=mode, teams=6, count=3)
    check()
    while d.phase != "summary":
        if d.phase == "feedback":
            d.press("h")
            check()
            d.press("esc", "esc")
            check()
            d.press("up", "enter")  # up from Resume wraps to the last button: Back to title
            check()
            d.press("esc", "esc")
        answer(d, "1", "2")
        check()
    return seen


@pytest.mark.slow  # a screen walk per mode and size
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("mode", [Mode.SOLO, Mode.TEAMS], ids=lambda m: m.value)
def test_every_screen_fits_the_window_without_overlaps(make_driver, size, mode) -> None:
    d = make_driver(size)
    seen = visit_every_screen(d, size, mode)
    names = {n.split("/")[-1] for n in seen}
    assert {
        "content-note",
        "title",
        "setup",
        "card",
        "explain",
        "feedback",
        "help",
        "pause",
        "confirm",
        "summary",
    } <= names


@pytest.mark.slow  # a screen walk per theme and size
@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("theme", sorted(THEMES))
@pytest.mark.parametrize("mode", [Mode.SOLO, Mode.TEAMS], ids=lambda m: m.value)
def test_every_screen_fits_at_the_largest_text_size_in_every_theme(
    make_driver, size, theme, mode
) -> None:
    d = make_driver(size, theme=theme, text_scale=TEXT_SCALES[-1])
    assert d.app.ui.m.body >= size[1] / 28 * TEXT_SCALES[-1]
    visit_every_screen(d, size, mode)


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_smoke_every_theme_draws_every_scene(make_driver, theme) -> None:
    d = make_driver((1280, 720), theme=theme)
    visit_every_screen(d, (1280, 720), Mode.TEAMS)


def test_a_solo_game_of_three_cards_reaches_the_summary_by_keyboard(make_driver) -> None:
    d = make_driver((1280, 720))
    assert d.top == "content-note"
    d.press("enter")  # the content note
    assert d.top == "title"
    d.press("enter")  # Play
    assert d.top == "setup"
    d.press("enter")  # Start has the focus
    assert d.top == "card" and d.phase in ("scenario", "spot", "name", "choose")
    for _ in range(3):
        d.press("enter")  # show the whole chat
        if d.phase == "spot":  # "Where is the red flag?" (on by default)
            d.press("1")
        if d.phase == "name":  # "What trick is this?"
            d.press("1")
        assert d.phase == "choose"
        d.press("3")
        assert d.top == "explain"
        d.press("enter")  # skip own words
        d.press("1")
        assert d.top == "feedback"
        assert d.shows("Red flag:")
        d.press("enter")
    assert d.top == "summary"
    assert d.shows("It is never your fault — you can always tell someone.")
    assert len(d.app.play.session.state.results) == 3


def test_the_mouse_alone_plays_a_whole_game(make_driver) -> None:
    d = make_driver((1024, 768))
    d.click(d.button("continue").center)
    d.click(d.button("play").center)
    d.click(d.button("start").center)
    for _ in range(3):
        d.click((10, 400))  # a click shows the whole chat
        if d.phase == "spot":  # the spot and name steps are on by default
            d.click(d.button("message0").center)
        if d.phase == "name":
            d.click(d.button("tactic0").center)
        d.click(d.button("option0").center)
        assert d.top in ("explain", "steal")
        d.click(d.button("reason0").center)
        assert d.top == "feedback"
        for _ in range(len(d.app.top.pages)):  # a not-safe answer: the reasons are page 2
            d.click(d.button("next").center)
    assert d.top == "summary"
    d.click(d.button("title").center)
    assert d.top == "title"


def test_touch_taps_work_like_clicks(make_driver) -> None:
    d = make_driver((1280, 720))
    d.tap(d.button("continue").center)
    assert d.top == "title"
    d.tap(d.button("play").center)
    assert d.top == "setup"


def test_team_turns_rotate_and_the_top_bar_names_the_team(make_driver) -> None:
    d = make_driver((1280, 720))
    d.start_game(mode=Mode.TEAMS, teams=3, count=3)
    for expected in ("Team A: Foxes", "Team B: Owls", "Team C: Wolves"):
        assert d.shows(expected), [r.text for r in d.texts()]
        while d.phase != "feedback":
            answer(d, "1", "1")
        while d.phase == "feedback":  # every page of it (a not-safe answer has two)
            answer(d)


def test_a_not_safe_team_answer_offers_a_steal(make_driver) -> None:
    d = make_driver((1280, 720))
    d.start_game(mode=Mode.TEAMS, teams=2, count=3)
    d.press("enter")
    card = d.app.play.session.state.card
    unsafe = next(i for i, r in enumerate(card.responses) if r.rating.value != "safe")
    d.press(str(unsafe + 1))
    assert d.top == "steal"
    d.press("1")  # Team B steals
    safe = card.best_response_index
    d.press(str(safe + 1))
    assert d.top == "feedback"  # the steal showed the safe answer: no "why" after it
    assert d.shows("Team B stole with") and d.shows("The right reason")
    assert not d.shows("Your reason")


@pytest.mark.parametrize(
    "phase_keys", [[], ["enter"], ["enter", "1"]], ids=["scenario", "choose", "explain"]
)
def test_help_and_pause_overlays_return_to_the_same_phase(make_driver, phase_keys) -> None:
    d = make_driver((1280, 720))
    d.start_game(mode=Mode.SOLO)
    d.app.update(0.5)  # part-way through the chat
    for k in phase_keys:
        d.press(k)
    if d.app.top.wants_text:
        d.press("esc")  # leave the own-words box first
    before = (d.top, d.phase, getattr(d.app.top, "clock", None))
    d.key("h")
    assert d.names[-1] == "help"
    d.advance(2.0)  # time passes while the overlay is open; the scene below is frozen
    d.key("esc")
    assert (d.top, d.phase, getattr(d.app.top, "clock", None)) == before
    d.key("esc")
    assert d.names[-1] == "pause"
    d.advance(2.0)
    d.key("enter")  # Resume
    assert (d.top, d.phase, getattr(d.app.top, "clock", None)) == before


def test_the_help_overlay_shows_the_scene_below_dimmed(make_driver) -> None:
    d = make_driver((1280, 720))
    d.start_game()
    d.settle()
    d.key("h")
    layers = {r.layer for r in d.texts()}
    assert layers == {0, 1}  # the card is drawn under the help
    assert isinstance(d.app.top, HelpScene)
    assert d.shows("Safe moves") and d.shows("In danger right now?")


def test_the_own_words_box_takes_letters_and_esc_leaves_it(make_driver) -> None:
    d = make_driver((1280, 720))
    d.start_game(mode=Mode.SOLO)
    d.press("enter", "1")
    scene = d.app.top
    assert scene.name == "explain" and scene.wants_text
    d.key("h")  # a letter, not help, while typing
    d.type("h")
    d.type("i 1")
    assert d.names[-1] == "explain"
    d.key("backspace")
    assert scene.words == "hi "
    d.type("they lie")
    d.key("esc")
    assert not scene.wants_text and d.top == "explain"
    d.press("1")
    assert d.top == "feedback"
    d.press("right")  # the reasons are on the last page when the feedback has two
    assert d.shows("“hi they lie”")
    assert "hi they lie" not in repr(d.app.play.session.state)
    assert "hi they lie" not in repr(d.app.play.session.history)
    d.press("enter")
    assert d.app.play.own_words == ""


def test_solo_digits_pick_reasons_until_the_box_is_used(make_driver) -> None:
    """A digit (its text, as SDL sends it with the key) picks that reason while the own-words
    box has been neither clicked nor typed into; after that it is text."""
    d = make_driver((1280, 720))
    d.start_game(mode=Mode.SOLO)
    d.press("enter", "1")
    assert d.top == "explain" and d.app.top.wants_text
    d.type("2")
    d.settle()
    assert d.top == "feedback" and d.app.play.session.state.results[-1].reason == 1
    d.press("enter")
    d.press("enter", "1")
    scene = d.app.top
    d.type("a")
    d.type("2")
    d.settle()
    assert d.top == "explain" and scene.words == "a2"
    d.key("esc")
    d.press("3")
    assert d.top == "feedback"
    d.press("enter")
    d.press("enter", "1")
    scene = d.app.top
    d.click(scene.box.center)
    d.type("1")
    d.settle()
    assert d.top == "explain" and scene.words == "1"


def test_number_keys_pick_at_once_and_tab_enter_picks_the_focused_option(make_driver) -> None:
    d = make_driver((1280, 720))
    d.start_game(mode=Mode.SOLO)
    d.press("enter")
    assert d.app.top.group.index is None  # no option looks pre-chosen
    d.press("tab", "tab")
    assert d.app.top.group.index == 1
    d.press("enter")
    assert d.app.play.session.state.choice == 1


def test_the_window_can_be_resized_between_sizes_mid_game(make_driver) -> None:
    d = make_driver((1280, 720))
    d.start_game()
    for size in [(1024, 768), (1600, 900), (800, 600), (1920, 1080)]:
        d.app.resize(size)
        d.settle()
        check_layout(d.texts(), size)


def test_adults_band_uses_the_adults_deck(make_driver) -> None:
    d = make_driver((1280, 720))
    d.start_game(band=AgeBand.ADULTS, count=3)
    assert [c.id for c in d.app.play.session.state.cards] == ["a-pupil-tells"]


def test_reduced_motion_shows_the_chat_and_options_at_once(make_driver) -> None:
    d = make_driver((1280, 720), reduced_motion=True)
    d.start_game()
    d.frame()
    assert d.phase == "choose"


def test_an_idle_card_stops_drawing_frames(make_driver) -> None:
    d = make_driver((1280, 720))
    d.start_game()
    d.settle()
    assert not d.app.busy
    d.app.frame(0.1)  # draws once: the driver leaves the dirty flag set
    frames = d.app.frames
    for _ in range(10):
        d.app.frame(0.1)
    assert d.app.frames == frames


def test_fit_text_wraps_then_shrinks_but_never_below_the_floor() -> None:
    pygame.font.init()
    fonts = FontBook(DECKS[0].parents[3] / "assets" / "fonts")
    engine = TextEngine(fonts)
    text = "word " * 40
    wide = engine.fit(text, "body", 800, 400, 40, 18)
    assert len(wide.lines) > 1 and wide.h <= 400
    tiny = engine.fit(text, "body", 200, 30, 40, 18)
    assert tiny.size == 18
    assert all(len(line) <= 70 for line in engine.layout("a " * 200, "body", 20, 5000).lines)
    m = Metrics(1024, 768)
    assert m.body >= 768 / 28 and m.min_font >= 768 / 40


def test_missing_font_files_fall_back_to_pygames_font(tmp_path) -> None:
    pygame.font.init()
    engine = TextEngine(FontBook(tmp_path))
    assert engine.layout("Hello", "body", 24, 300).w > 0


def test_the_app_logs_scene_changes_when_asked(monkeypatch, capsys) -> None:
    monkeypatch.setenv("REDFLAGS_DEBUG_SCENES", "1")
    app = App(RunOptions(deck_paths=list(DECKS), window_size=(1024, 768)))
    app.start()
    err = capsys.readouterr().err
    assert "scene=content-note" in err
    pygame.quit()


def test_no_pygame_init_at_import() -> None:
    assert os.environ["SDL_VIDEODRIVER"] == "dummy"
    import importlib

    import game.ui.app as app_module

    pygame.quit()
    importlib.reload(app_module)
    assert not pygame.display.get_init()


def test_setup_asks_the_region_once_when_the_locale_names_no_country(
    make_driver, monkeypatch
) -> None:
    """C.UTF-8 names no country: the region is `elsewhere` (no US numbers) and setup asks where
    the players are, once; the answer is saved as the region setting."""
    from game.settings import load_settings
    from game.ui.scenes.setup import SetupScene

    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    d = make_driver((1024, 768), ask_region=True)
    assert "911" not in d.app.help.emergency
    if d.top == "content-note":
        d.press("enter")
    d.app.push(SetupScene(d.app))
    d.settle()
    assert d.top == "region-ask" and d.shows("Where are the players?")
    check_layout(d.texts(), (1024, 768))
    d.click(d.button("se").center)
    assert d.top == "setup"
    assert load_settings().settings.region == "se"
    d.app.pop()
    d.app.push(SetupScene(d.app))
    d.settle()
    assert d.top == "setup"  # asked once
