"""Every support service's "who it's for" line is on the help screen: on the first page when
its column has room, else on the services' own pages (Tab from the first page), each inside its
box, while the first page keeps every name and number."""

from __future__ import annotations

from collections.abc import Iterator

import pygame
import pytest

from game import i18n
from game.content.help import load_region
from game.model.session import Mode
from tests.i18n.conftest import LangDriver

from .fit import inside, spills
from .test_help_facilitator import help_texts


@pytest.fixture
def lang_driver() -> Iterator[type[LangDriver]]:
    yield LangDriver
    i18n.set_language("en")  # the language is process-wide: no Swedish in the next test
    pygame.quit()


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)], ids=str)
@pytest.mark.parametrize(("language", "region_id"), [("en", "gb"), ("sv", "se"), ("en", "us")])
def test_every_services_about_line_is_on_some_help_page(lang_driver, size, language, region_id):
    d: LangDriver = lang_driver(size, language=language, region=region_id)
    d.start_game(mode=Mode.TEAMS, teams=2)
    d.press("h")
    assert d.top == "help"
    scene = d.app.top
    services = load_region(region_id).services
    first = " ".join(_flat(r.text) for r in help_texts(d))
    for s in services:  # the names and numbers at once, on the first page
        assert s.name in first and s.contact in first, s.name
    seen: dict[str, bool] = {}
    for _ in list(scene.pages):
        records = help_texts(d)
        assert not spills(records, size, f"help page {scene.page}")
        for r in records:
            for s in services:
                about = _flat(s.about_in(language))
                if about and about in _flat(r.text):
                    seen[about] = seen.get(about, False) or inside(r)
        d.press("tab")
    assert scene.page == ("help", 0), "Tab comes back to the first page"
    for s in services:
        about = _flat(s.about_in(language))
        assert seen.get(about), f"{s.name}: {about!r} is on no help page, inside its box"


def test_several_services_pages_have_a_pager(lang_driver) -> None:
    """At the largest text the services take several pages: numbered circles, clickable."""
    from game.settings import TEXT_SCALES

    d: LangDriver = lang_driver((1024, 768), language="sv", region="se", text_scale=TEXT_SCALES[-1])
    d.start_game(mode=Mode.TEAMS, teams=2)
    d.press("h")
    scene = d.app.top
    d.press("tab")
    services = [p for p in scene.pages if p[0] == "services"]
    assert scene.page == services[0] and len(scene.services.pips) == len(services) > 1
    d.click(scene.services.pips[1].center)
    assert scene.page == services[1]
    assert not spills(help_texts(d), (1024, 768), "help services 2")


def test_a_solo_player_reaches_the_services_pages_by_mouse(lang_driver) -> None:
    """Solo play has no facilitator's page: the top button then leads through the services'
    pages too (named after the page it goes to), so a mouse or touch user reaches them."""
    d: LangDriver = lang_driver((1024, 768), language="en", region="gb")
    d.start_game(mode=Mode.SOLO)
    d.press("h")
    scene = d.app.top
    assert ("services", 0) in scene.pages and ("facilitator", 0) not in scene.pages
    assert scene.page_btn.label == "Where to get help"
    d.click(scene.page_btn.rect.center)
    assert scene.page == ("services", 0)
    for _ in list(scene.pages):
        if scene.page == ("help", 0):
            break
        d.click(scene.page_btn.rect.center)
    assert scene.page == ("help", 0), "the button comes back to the first page"
    d.press("g")
    assert scene.page == ("tricks", 0), "G still opens the tricks"


def test_the_help_turns_its_pages_with_the_one_pager(lang_driver) -> None:
    """The help's pages are a `layout.Pages` in Tab's order (round at both ends), the services'
    circles another one's, clickable as every pager's are (issue 16: one paginator)."""
    from game.settings import TEXT_SCALES
    from game.ui.layout import Pages

    d: LangDriver = lang_driver((1024, 768), language="sv", region="se", text_scale=TEXT_SCALES[-1])
    d.start_game(mode=Mode.TEAMS, teams=2)
    d.press("h")
    scene = d.app.top
    assert isinstance(scene.pager, Pages) and scene.pager.count == len(scene.pages) > 2
    d.press("left")  # round to the last page
    assert scene.pager.last and scene.page == list(scene.pages)[-1]
    d.press("right", "tab")
    assert scene.page == ("services", 0)
    circle = scene.services.pips[2]
    d.click((circle.right + circle.w // 10, circle.centery))  # beside the ring: still a hit
    assert scene.page == ("services", 2)
