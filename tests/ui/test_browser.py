"""The card browser: filter the decks' cards by age group, deck and tactic, preview a card with
its notes, build a plan of 4 to 12 cards, save it in the teacher's own folder, and play it."""

from __future__ import annotations

import pygame

from game.content.decks import default_deck_paths
from game.content.plans import own_plans
from game.settings import own_plans_dir
from game.ui import services
from game.ui.scenes.setup import SetupScene
from tests.ui.driver import Driver
from tests.ui.test_screens import check_layout


def letter(d: Driver, ch: str) -> None:
    d.app.feed(
        pygame.event.Event(
            pygame.KEYDOWN, key=getattr(pygame, f"K_{ch}"), mod=0, unicode=ch, scancode=0
        )
    )
    d.frame()
    d.settle()


def to_browser(d: Driver) -> SetupScene:
    d.app.decks = services.load_decks(default_deck_paths("en")).decks  # enough cards a band
    if d.top == "content-note":
        d.press("enter")
    setup = SetupScene(d.app)
    d.app.push(setup)
    d.settle()
    letter(d, "c")
    assert d.top == "browser"
    return setup


def test_filters_narrow_the_list_and_the_preview_shows_the_notes(make_driver) -> None:
    d: Driver = make_driver((1024, 768))
    to_browser(d)
    scene = d.app.top
    everything = len(scene.listed)
    scene.activate(scene.band_btn)  # age group: the next band
    d.settle()
    assert all(scene.where.band in item.card.age_bands for item in scene.listed)
    scene.activate(scene.tag_btn)  # the first tactic the decks carry
    d.settle()
    assert scene.where.tag is not None
    assert all(scene.where.tag in item.card.tags for item in scene.listed)
    assert len(scene.listed) <= everything
    while scene.where.tag is not None:
        scene.activate(scene.tag_btn)
    d.settle()
    card = scene.preview.card
    assert d.shows(card.discuss[0][:30]) and d.shows("Safe move")
    check_layout(d.texts(), (1024, 768))


def test_a_plan_is_built_saved_chosen_in_setup_and_played_in_order(make_driver) -> None:
    d: Driver = make_driver((1280, 720))
    setup = to_browser(d)
    scene = d.app.top
    assert not scene.save_btn.enabled
    picked = []
    for row in list(scene.rows)[:4]:
        d.click(row.rect.center)
        picked.append(scene.preview.card.id)
    assert list(scene.draft.cards) == picked and scene.save_btn.enabled
    letter(d, "s")
    assert d.top == "setup"
    saved = own_plans(own_plans_dir(), [c for x in d.app.decks for c in x.cards])
    assert saved.errors == [] and [p.cards for p in saved.plans] == [picked]
    plan = saved.plans[0]
    assert setup.setup.plan == plan and d.app.setup.plan == plan
    assert plan.objectives  # the cards' takeaways, so the summary has objectives
    setup.start()
    d.settle()
    assert [c.id for c in d.app.play.session.state.cards] == picked
