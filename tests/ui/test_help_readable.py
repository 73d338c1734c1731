"""The help's support services read from the back of the room (issue 16's blind review): their
names, numbers and web addresses are never smaller than `m.least` nor than the rest of the help,
at every size and look; a web address, an e-mail or a number is never cut with a hyphen put in;
and "how to play" names the spot and name steps when they are on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game import i18n
from game.content.help import load_region, region_ids
from game.model.session import Mode
from game.ui.play import GameSetup
from game.ui.text import FontBook, wrap

from .conftest import SIZES
from .driver import Driver
from .test_help_facilitator import help_texts

FONTS = Path(__file__).resolve().parents[2] / "assets" / "fonts"
LOOKS = [("default", 1.0), ("projector", 1.65)]
LANGUAGES = [("en", "elsewhere"), ("sv", "se")]  # the longest address; the most services


@pytest.fixture
def driver() -> Iterator[type[Driver]]:
    yield Driver
    i18n.set_language("en")  # the language is process-wide: no Swedish in the next test
    pygame.quit()


def _open_help(make: type[Driver], size, theme="default", scale=1.0, language="en", region="elsewhere", **steps) -> Driver:  # fmt: skip
    d = make(size, theme=theme, text_scale=scale, language=language, region=region)
    if d.top == "content-note":
        d.press("enter")
    setup = GameSetup(mode=Mode.TEAMS, teams=2, count=3, seed=1, **steps)
    assert d.app.start_game(setup) is None
    d.settle()
    if d.top == "facilitator-intro":
        d.press("enter")
    d.press("h")
    assert d.top == "help"
    return d


def _pages(d: Driver) -> Iterator[tuple[str, int]]:
    """Each page of the help in Tab's order (the driver shows it)."""
    scene = d.app.top
    for _ in list(scene.pages):
        yield scene.page
        d.press("tab")


def _in(rect: pygame.Rect, records):
    return [r for r in records if rect.inflate(4, 4).contains(r.rect)]


@pytest.mark.sweep("(1024, 768)-projector-se", "(640, 480)-default-elsewhere")
@pytest.mark.parametrize(("language", "region"), LANGUAGES, ids=[r for _, r in LANGUAGES])
@pytest.mark.parametrize(("theme", "scale"), LOOKS, ids=[t for t, _ in LOOKS])
@pytest.mark.parametrize("size", SIZES, ids=str)
def test_the_services_are_never_the_smallest_text(driver, size, theme, scale, language, region):
    d = _open_help(driver, size, theme, scale, language, region)
    scene, m = d.app.top, d.app.ui.m
    services = load_region(region).services
    for page in _pages(d):
        if page[0] not in ("help", "services"):
            continue
        records = help_texts(d)
        if page[0] == "help":  # the services' column, beside the moves and maybe the keys
            others = [r for i, c in enumerate(scene.cols) if i != 1 for r in _in(c, records)]
            records = _in(scene.cols[1], records)
            wanted = {s.name for s in services} | {s.contact for s in services}
            main = [r for r in records if " ".join(r.text.split()) in wanted]
            assert not main or min(r.size for r in main) >= max(r.size for r in others), page
        else:
            pips = scene.services.pips  # the pager's numbers are no text to read
            records = [r for r in _in(scene.rest, records) if r.rect.collidelist(pips) < 0]
        small = [(r.text, r.size) for r in records if r.size < m.least]
        assert records and not small, f"{page}: below {m.least} px: {small}"


@pytest.mark.parametrize(("language", "region"), LANGUAGES, ids=[r for _, r in LANGUAGES])
def test_every_services_page_shows_a_service(driver, language, region) -> None:
    """In one column the region and emergency number head the first page only: no page holds
    only them, nor only the "checked" line."""
    d = _open_help(driver, (1024, 768), "projector", 1.65, language, region)
    names = {s.name for s in load_region(region).services}
    for page in _pages(d):
        if page[0] == "services":
            assert names & {r.text for r in help_texts(d)}, page


# ---- no hyphen put in a web address, an e-mail or a number ----------------------------------

TOKENS = [
    "childhelplineinternational.org",
    "takeitdown.ncmec.org",
    "ceop.police.uk/Safety-Centre",
    "help@nspcc.org.uk",
    "1-800-843-5678",
    "08001111080011110800",
    "ecpat.se/vuxenstod",
]


def _breaks(text: str, lines: list[str]) -> list[str]:
    """The line ends that are not at a space of `text` (each must be after a "." or "/");
    fails when a character was put in (a hyphen)."""
    src, pos, cuts = " ".join(text.split()), 0, []
    for line in lines[:-1]:
        assert src.startswith(line, pos), f"{line!r} is not in {text!r}: a character put in"
        pos += len(line)
        if src[pos] == " ":
            pos += 1
        else:
            cuts.append(line)
    assert src[pos:] == lines[-1]
    return cuts


@pytest.mark.parametrize("role", ["body", "semi", "bold"])
def test_an_address_or_number_never_gets_a_hyphen_put_in(role) -> None:
    pygame.font.init()
    font = FontBook(FONTS).get(role, 24)
    for token in TOKENS:
        segments = [p for p in token.replace("/", "./").split(".") if p]
        longest = max(font.size(p + ".")[0] for p in segments)
        for width in range(20, font.size(token)[0] + 20, 7):
            lines = wrap(font, token, width)
            cuts = _breaks(token, lines)
            if width >= longest:  # every piece fits: the breaks are after a dot or a slash
                assert all(cut.endswith((".", "/")) for cut in cuts), (token, width, lines)


def test_a_phone_number_stays_on_one_line_when_it_fits() -> None:
    pygame.font.init()
    font = FontBook(FONTS).get("semi", 24)
    number = "0808 800 5000"
    for width in range(font.size(number)[0], font.size(f"Call {number} now")[0], 5):
        lines = wrap(font, f"Call {number} now, or 116 111", width)
        assert any(number in line for line in lines), (width, lines)
        assert "116 111" in " | ".join(lines) or width < font.size("116 111")[0]


def test_ordinary_long_words_still_get_a_hyphen() -> None:
    pygame.font.init()
    font = FontBook(FONTS).get("body", 24)
    lines = wrap(font, "Säkerhetsinställningarna", 120)
    assert len(lines) > 1 and lines[0].endswith("-")


@pytest.mark.sweep("elsewhere-default", "gb-projector")
@pytest.mark.parametrize("theme", ["default", "projector"])
@pytest.mark.parametrize("region", region_ids())
def test_the_help_shows_each_address_whole_or_cut_after_a_dot(driver, region, theme):
    """At 640x480 every number and address is on one line, or broken only after "." or "/"."""
    d = _open_help(driver, (640, 480), theme, 1.65 if theme == "projector" else 1.0, "en", region)
    contacts = {" ".join(s.contact.split()) for s in load_region(region).services if s.contact}
    shown: set[str] = set()
    for page in _pages(d):
        for r in help_texts(d):
            if " ".join(r.text.split()) in contacts:
                shown.add(" ".join(r.text.split()))
                cuts = _breaks(r.text, list(r.lines))
                assert all(cut.endswith((".", "/")) for cut in cuts), (page, r.lines)
    assert shown == contacts


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=str)
def test_the_first_page_gives_an_address_a_line_of_its_own(driver, size) -> None:
    """Where three columns can hold it whole, the longest address is not cut after a dot."""
    d = _open_help(driver, size, spot=True, name=True)
    lines = [r.lines for r in help_texts(d) if r.text == "childhelplineinternational.org"]
    assert lines == [("childhelplineinternational.org",)] and len(d.app.top.cols) == 3


# ---- how to play names the steps -------------------------------------------------------------

STEPS = {"en": ("red flag", "trick"), "sv": ("röda flaggan", "knepet")}


@pytest.mark.parametrize("language", ["en", "sv"])
@pytest.mark.parametrize("size", [(1280, 720), (640, 480)], ids=str)
def test_how_to_play_names_the_spot_and_name_steps(driver, size, language) -> None:
    region = "se" if language == "sv" else "gb"

    def how_to_play(**steps: bool) -> str:
        d = _open_help(driver, size, language=language, region=region, **steps)
        heading = i18n._("How to play")
        for _ in _pages(d):
            texts = [r.text for r in _in(d.app.top.rest, help_texts(d))]  # not the buttons'
            if heading in texts:
                start = texts.index(heading)
                return " ".join(texts[start + 1 : start + 4])
        raise AssertionError("no how to play")

    spot, name = STEPS[language]
    both = how_to_play(spot=True, name=True)
    assert spot in both and name in both, both
    only = how_to_play(spot=True)
    assert spot in only and name not in only, only
    neither = how_to_play()
    assert spot not in neither and name not in neither, neither
