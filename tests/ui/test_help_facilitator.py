"""The help screen lists the facilitator's keys in group games (on a page of their own), never
in a solo game, and nothing overlaps at 1024×768."""

from __future__ import annotations

import pytest

from game.model.session import Mode
from game.settings import TEXT_SCALES
from game.ui.context import TextRecord

from .driver import Driver
from .test_screens import check_layout

SIZE = (1024, 768)


def help_texts(d: Driver) -> list[TextRecord]:
    """The texts of the help overlay (its own layer, above the dimmed screen below)."""
    records = d.texts()
    top = max(r.layer for r in records)
    return [r for r in records if r.layer == top]


def open_help(d: Driver, mode: Mode) -> None:
    d.start_game(mode=mode, teams=4)
    d.press("h")
    assert d.top == "help"


@pytest.mark.parametrize("scale", [1.0, TEXT_SCALES[-1]], ids=["default", "largest"])
def test_help_shows_the_facilitator_keys_in_group_games(make_driver, scale) -> None:
    d = make_driver(SIZE, text_scale=scale)
    open_help(d, Mode.ALL_TEAMS)
    scene = d.app.top
    assert all(f.fits for f in scene.fits), "every help column fits, support numbers and all"
    if ("facilitator", 0) in scene.pages:  # the keys have a page of their own
        assert not d.shows("take the award back")
        d.press("tab")
        # the services' own pages come first (who each one is for), and how to play's
        while scene.page[0] in ("services", "play"):
            d.press("tab")
        assert scene.page == ("facilitator", 0)
    assert d.shows("For the facilitator, in group games")
    for text in ("N:  notes for this card", "U:  take the award back", "skip a card (press twice)"):
        assert d.shows(text), text
    check_layout(help_texts(d), SIZE)
    if ("facilitator", 0) in scene.pages:  # the keys have a page of their own
        from game.ui.services import emergency_line

        assert d.shows(emergency_line(d.app.help)), "the emergency number stays on the page"
        d.press("tab")
        assert not d.shows("take the award back")
    d.press("esc")
    assert d.top != "help"


def test_help_in_a_solo_game_leaves_out_the_facilitator_keys(make_driver) -> None:
    d = make_driver(SIZE)
    open_help(d, Mode.SOLO)
    assert ("facilitator", 0) not in d.app.top.pages
    assert not d.shows("For the facilitator, in group games")
    check_layout(help_texts(d), SIZE)


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (1920, 1080)], ids=str)
@pytest.mark.parametrize("scale", [0.85, 1.0], ids=["smaller", "default"])
def test_the_facilitator_keys_never_cost_the_help_any_detail(make_driver, size, scale) -> None:
    """The help columns keep every explanation and their text size in a group game too (the
    keys have a page of their own)."""
    solo = make_driver(size, text_scale=scale)
    open_help(solo, Mode.SOLO)
    group = make_driver(size, text_scale=scale)
    open_help(group, Mode.TEAMS)
    assert not solo.app.top.for_facilitator and group.app.top.for_facilitator

    def fitted(scene) -> list[tuple[int, int, bool]]:  # per column: detail, text size, fits
        return [(d, f.base, f.fits) for d, f in zip(scene.details, scene.fits, strict=True)]

    assert fitted(group.app.top) == fitted(solo.app.top)


def test_g_goes_to_the_tricks_from_the_facilitator_page_too(make_driver) -> None:
    """The monkey found G on the facilitator's page (page 1) raising ValueError."""
    d = make_driver(SIZE, text_scale=TEXT_SCALES[-1])
    open_help(d, Mode.ALL_TEAMS)
    scene = d.app.top
    scene._show(("facilitator", 0))  # the facilitator's page, as Tab reaches it when paged
    assert scene.page == ("facilitator", 0)
    d.press("g")
    assert scene.page == ("tricks", 0), "G opens the first page of tricks"
    while scene.page[0] == "tricks":
        d.press("g")
    assert scene.page == ("help", 0)


def test_a_larger_window_keeps_the_help_on_a_page_that_exists(make_driver) -> None:
    """The monkey found the help drawing a tricks page that a resize had taken away: the
    help shows the last page of the same kind."""
    d = make_driver((640, 480))
    open_help(d, Mode.SOLO)
    scene = d.app.top
    last = [p for p in scene.pages if p[0] == "tricks"][-1]
    scene._show(last)
    d.app.resize((1920, 1080))
    assert last not in scene.pages, "the larger window has fewer pages of tricks"
    assert scene.page == [p for p in scene.pages if p[0] == "tricks"][-1]
    d.app.draw()
