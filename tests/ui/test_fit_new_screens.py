"""The text-inside-its-box check (tests/ui/fit.py, the one the monkey runs on every frame) on the
screens the monkey does not reach or reaches only by chance: the card browser (list and every
card's preview, every page), the region question, setup with the lesson-plan row, the presenter
window through a lesson, and the Students' phones screens (join, reveal in Together and All
teams, the pulse). At 640×480, 746×902 (portrait), 1024×768 and 1920×1080, in English and
Swedish, with the largest text and the projector theme (the presenter, setup and browser at the
default look too)."""

from __future__ import annotations

from collections.abc import Iterator

import pygame
import pytest

from game import i18n
from game.content.decks import default_deck_paths
from game.model.session import Mode
from game.settings import TEXT_SCALES
from game.ui import services
from game.ui.app import GameSetup
from game.ui.presenter import Presenter
from game.ui.scenes.browser import BrowserScene
from game.ui.scenes.region_ask import RegionAskScene
from game.ui.scenes.setup import SetupScene
from tests.ui.driver import Driver, answer
from tests.ui.fit import spills
from tests.ui.test_screens import check_layout

pytestmark = pytest.mark.slow  # screen walks at every size and text size

SIZES = [(640, 480), (746, 902), (1024, 768), (1920, 1080)]
LARGEST = {"text_scale": TEXT_SCALES[-1], "theme": "projector"}
LOOKS = {"largest": LARGEST, "default": {}}


def size_id(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")
    pygame.quit()


def driver(size: tuple[int, int], lang: str, look: str = "largest", **kw: object) -> Driver:
    """The game in `lang` with that language's shipped decks and plans."""
    d = Driver(size, language=lang, region="se" if lang == "sv" else "gb", **LOOKS[look], **kw)  # type: ignore[arg-type]
    d.app.decks = services.load_decks(default_deck_paths(lang)).decks
    d.app.forget_plans()
    if d.top == "content-note":
        d.press("enter")
    return d


def letter(d: Driver, ch: str) -> None:
    d.app.feed(
        pygame.event.Event(
            pygame.KEYDOWN, key=getattr(pygame, f"K_{ch}"), mod=0, unicode=ch, scancode=0
        )
    )
    d.frame()
    d.settle()


def check(
    d: Driver, where: str, records: list | None = None, size: tuple[int, int] | None = None
) -> None:
    found = spills(d.texts() if records is None else records, size or d.app.size, where)
    assert not found, "\n".join(found)


def preview_page(d: Driver, where: str) -> set[str]:
    """Check the browser's preview page that shows: its texts inside the preview panel, no
    two texts on the screen overlapping. Returns the preview's texts."""
    scene = d.app.top
    records = d.texts()
    check(d, where, records)
    panel = scene.preview_rect
    out = [
        f"{r.text!r} {tuple(r.rect)}"
        for r in records
        if panel.colliderect(r.rect) and not panel.contains(r.rect)
    ]
    assert not out, f"{where}: across the preview panel's edge {tuple(panel)}: {out}"
    check_layout(records, d.app.size)
    return {r.text for r in records if panel.contains(r.rect)}


@pytest.mark.parametrize("look", LOOKS, ids=str)
@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("size", SIZES, ids=size_id)
def test_the_card_browser(size, lang, look) -> None:
    """Every card's preview (the list's every page) inside its panel, on pages (P) when it is
    long: every one of its texts (the chat too) shows on some page."""
    d = driver(size, lang, look)
    d.app.push(BrowserScene(d.app))
    d.settle()
    scene = d.app.top
    where = f"browser {size_id(size)} {lang} {look}"
    check(d, where + " list")
    for page in range(scene.pager.count):
        for row in scene.rows:
            d.click(row.rect.center)
            card = scene.preview.card
            shown: set[str] = set()
            pages = len(scene._preview_pages())
            for n in range(pages):
                assert scene.preview_pager.index == n
                shown |= preview_page(d, f"{where} list page {page + 1} {card.id} page {n + 1}")
                letter(d, "p")
            assert scene.preview_pager.index == 0  # round to the first
            # nothing left out: the card, its chat and its notes on one page or on several
            whole = [b.text for b in scene._preview_blocks(scene.preview)]
            left_out = [t for t in whole if not any(x.startswith(t[:15]) for x in shown)]
            assert not left_out, f"{where} {card.id}: left out {left_out}"
        scene._turn(1)
        d.settle()
    assert len(scene.draft.cards) >= 4  # the plan line with the count
    scene.activate(scene.tag_btn)
    d.settle()
    check(d, where + " a tactic chosen")
    sizes = {b.size for b in (scene.band_btn, scene.deck_btn, scene.tag_btn)}
    assert len(sizes) == 1, "the filters' labels share one size"
    assert len({b.size for b in scene.rows}) == 1, "the list's rows share one size"


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("size", SIZES, ids=size_id)
def test_the_region_question(size, lang) -> None:
    d = driver(size, lang)
    d.app.push(RegionAskScene(d.app))
    d.settle()
    check(d, f"region question {size_id(size)} {lang}")


@pytest.mark.parametrize("look", LOOKS, ids=str)
@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("size", SIZES, ids=size_id)
def test_setup_with_the_plan_row(size, lang, look) -> None:
    d = driver(size, lang, look, presenter=True)
    setup = SetupScene(d.app)
    d.app.push(setup)
    d.settle()
    assert any(r.key == "plan" for r in setup.rows)
    where = f"setup {size_id(size)} {lang} {look}"
    check(d, where + " no plan")
    for plan in d.app.plans.plans:
        setup.choose("plan", plan)
        setup.choose("mode", Mode.ALL_TEAMS)
        setup.choose("teams", 6)
        setup.choose("phones", True)
        d.settle()
        check(d, f"{where} plan {plan.title!r}")


@pytest.mark.parametrize("look", LOOKS, ids=str)
@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("size", SIZES, ids=size_id)
def test_the_presenter_window(size, lang, look) -> None:
    """The presenter window at `size` (the class window at 1024×768) through a planned lesson:
    every step of every card, and the results."""
    d = driver((1024, 768), lang, look, presenter=True)
    plan = d.app.plans.plans[0]
    d.app.choose_plan(plan)
    setup = GameSetup(mode=Mode.TEAMS, teams=6, seed=1, plan=plan, presenter=True)
    assert d.app.start_game(setup) is None
    d.settle()
    presenter: Presenter = d.app.presenter
    assert presenter is not None
    presenter.window.size = size
    presenter.ui.resize(size)
    where = f"presenter {size_id(size)} {lang} {look}"

    def look_at(what: str) -> None:
        presenter.draw()
        records = list(presenter.ui.log.records)
        check(d, f"{where} {what}", records, size)
        if d.app.play is not None and d.phase != "summary":  # the keys give way, never a score
            for team in d.app.play.session.state.teams:
                assert any(r.text.startswith(f"{team.letter} ") for r in records), (what, team)

    look_at("checklist")
    d.press("enter")
    for _ in range(200):
        if d.phase == "summary":
            break
        look_at(f"card {d.app.play.session.state.index + 1} {d.phase}")
        answer(d, "2", "2")
    look_at("results")
    d.app.close_presenter()  # its window goes before pygame quits, not when collected later


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("size", SIZES, ids=size_id)
def test_the_phones_screens(size, lang) -> None:
    """Together: the join screen, the card with the phones' pill, the reveal, the pulse and
    each card's bars; All teams (6 teams): the reveal with a bar per team, every page."""
    from tests.phones.test_ui_phones import answer_all, letter, pump, start

    d = driver(size, lang)
    where = f"phones {size_id(size)} {lang}"
    start(d, Mode.TOGETHER)
    phones = d.app.play.phones
    try:
        check(d, where + " join")
        d.press("enter")
        if d.top == "facilitator-intro":
            d.press("enter")
        while d.phase not in ("choose", "spot", "name"):
            d.press("enter")
        check(d, where + " card with the pill")
        answer_all(phones, phones.step.key, [0, 1, 1, 2])
        pump(d)
        letter(d, "v")
        assert d.top == "phones-reveal"
        check(d, where + " reveal")
        d.press("esc")
        d.app.play.session.end_early()
        d.app.follow_session()
        d.settle()
        answer_all(phones, "pulse:after", [0, 2])
        pump(d)
        letter(d, "v")
        assert d.top == "phones-summary"
        check(d, where + " pulse")
        d.press("tab")
        check(d, where + " each card")
    finally:
        d.app.to_title()
    setup = GameSetup(
        mode=Mode.ALL_TEAMS, teams=6, count=2, seed=1, phones=True, phones_host="127.0.0.1"
    )
    assert d.app.start_game(setup) is None
    d.settle()
    phones = d.app.play.phones
    try:
        d.press("enter")
        if d.top == "facilitator-intro":
            d.press("enter")
        while phones.step is None or phones.step.kind != "option":
            d.press("1" if d.phase in ("spot", "name") else "enter")
            if d.top == "enter-choices" and d.phase in ("spot", "name"):
                d.press(*[str(1 + k % 3) for k in range(6)], "enter")
        answer_all(phones, phones.step.key, [0, 1, 2, 3, 1])
        pump(d)
        check(d, f"{where} all-teams {d.top} with the phones' pill")
        pill = d.app.top.phones_pill()
        from game.ui.phones import pill_line

        assert pill_line(d.app.ui, phones, 10) == "5"  # no room: the digits only (5 answered,
        # the phones gone again)
        assert phones.code in pill_line(d.app.ui, phones, 10_000)
        assert pill is not None
        letter(d, "v")
        assert d.top == "phones-reveal"
        scene = d.app.top
        for page in range(len(scene.lay.pages)):
            top_layer = max(r.layer for r in d.texts())
            records = [r for r in d.texts() if r.layer == top_layer]
            check(d, f"{where} all-teams reveal page {page + 1}", records)
            d.press("right")
    finally:
        d.app.to_title()
