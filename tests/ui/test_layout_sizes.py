"""The setup and the paged screens (feedback, help, results, All-teams feedback) and the steal,
at the smallest window (640×480), a portrait one (746×902) and the three usual sizes, at the
default and at the largest text size with the projector theme: on every page every text lies
inside the window and inside the box it was given, and no two texts overlap (the render log)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from game.model.cards import Rating
from game.model.session import Mode
from game.settings import TEXT_SCALES
from game.ui.layout import TOUCH
from game.ui.services import emergency_line
from tests.ui.driver import Driver, answer
from tests.ui.fit import inside
from tests.ui.test_group_play_ui import letter
from tests.ui.test_screens import check_layout

ALL_SIZES = [(640, 480), (746, 902), (1024, 768), (1280, 720), (1920, 1080)]
LOOKS = {"default": {}, "largest": {"text_scale": TEXT_SCALES[-1], "theme": "projector"}}


def check(d: Driver, size: tuple[int, int], where: str) -> None:
    texts = d.texts()
    check_layout(texts, size)
    spill = [f"{r.text!r} {r.rect} outside {r.box}" for r in texts if not inside(r)]
    assert not spill, f"{where}: " + "; ".join(spill)


def pages(d: Driver, size: tuple[int, int], where: str, turn: Callable[[], None]) -> int:
    """Check every page of the top scene, turning with `turn`; returns how many there were."""
    scene = d.app.top
    count = scene.pager.count if hasattr(scene, "pager") else len(scene.pages)
    for page in range(count):
        check(d, size, f"{where} page {page + 1}")
        if page < count - 1:
            turn()
    return count


def _not_safe(d: Driver) -> None:
    card = d.app.play.session.state.card
    d.press(str(next(i for i, r in enumerate(card.responses) if r.rating is not Rating.SAFE) + 1))


@pytest.mark.parametrize("look", LOOKS, ids=str)
@pytest.mark.parametrize("size", ALL_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_setup_fits_every_size(make_driver, size, look) -> None:
    d = make_driver(size, **LOOKS[look])
    d.press("enter")
    d.app.top.group.focus_id("play")
    d.press("enter")
    setup = d.app.top
    check(d, size, "setup solo")
    setup.choose("mode", Mode.ALL_TEAMS)
    setup.choose("teams", 6)
    setup.choose("timer", 90)
    d.settle()
    check(d, size, "setup all teams")
    chips = [c.rect for r in setup.rows for c in r.chips]
    for i, a in enumerate(chips):
        assert d.app.ui.m.screen.contains(a), a
        assert not any(a.colliderect(b) for b in chips[i + 1 :]), f"chips overlap at {a}"
    if look == "default" and size[1] >= 720:
        assert min(c.h for c in chips) >= TOUCH, "chips are touch targets"


@pytest.mark.slow  # a screen walk per size
@pytest.mark.parametrize("look", LOOKS, ids=str)
@pytest.mark.parametrize("size", ALL_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_paged_screens_fit_every_size(make_driver, size, look) -> None:
    d = make_driver(size, cards=8, **LOOKS[look])
    d.start_game(mode=Mode.TEAMS, teams=6, count=8)
    d.press("h")
    check(d, size, "help")
    for page in range(sum(k == "services" for k, _ in d.app.top.pages)):  # who each service is for
        d.press("tab")
        check(d, size, f"help services {page + 1}")
    for page in range(sum(k == "tricks" for k, _ in d.app.top.pages)):
        d.press("g")
        check(d, size, f"help tricks {page + 1}")
    d.press("esc")
    d.press("enter")
    _not_safe(d)
    assert d.top == "steal"
    check(d, size, "steal")
    d.press("enter")
    if d.app.top.wants_text:
        d.press("enter")
    d.press("2")
    assert d.top == "feedback"
    pages(d, size, "feedback", lambda: d.press("right"))
    while d.top != "summary":
        answer(d)
    pages(d, size, "results", lambda: d.press("right"))


@pytest.mark.slow  # a screen walk per size
@pytest.mark.parametrize("look", LOOKS, ids=str)
@pytest.mark.parametrize("size", ALL_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_all_teams_feedback_fits_every_size(make_driver, size, look) -> None:
    d = make_driver(size, **LOOKS[look])
    d.start_game(mode=Mode.ALL_TEAMS, teams=6)
    d.press("enter")
    d.press(*"123412", "enter")
    check(d, size, "enter reasons")
    d.press(*"123123", "enter")
    assert d.top == "team-feedback"
    pages(d, size, "team feedback", lambda: d.press("right"))


def test_setup_turns_the_phones_pulse_off(make_driver, monkeypatch) -> None:
    """Issue 15: with Students' phones a row turns the pulse (before and after) off; it is on
    by default, and the choice reaches the phones."""
    import game.phones.net

    monkeypatch.setattr(game.phones.net, "lan_addresses", lambda: ["127.0.0.1"])
    d = make_driver((1024, 768))
    d.press("enter")
    d.app.top.group.focus_id("play")
    d.press("enter")
    setup = d.app.top
    setup.choose("mode", Mode.TOGETHER)
    assert "pulse" not in [r.key for r in setup.rows]
    setup.choose("phones", True)
    row = next(r for r in setup.rows if r.key == "pulse")
    assert setup.setup.pulse and row.chips[1].selected
    check(d, (1024, 768), "setup with phones")
    d.click(row.chips[0].rect.center)
    assert setup.setup.pulse is False
    d.click(d.button("start").center)
    phones = d.app.play.phones
    try:
        assert phones is not None and phones.pulse is False
        assert phones.step is None or phones.step.kind != "pulse"
    finally:
        from game.ui.phones import stop_phones

        stop_phones(d.app.play)


@pytest.mark.parametrize("mode", [Mode.TEAMS, Mode.SOLO], ids=str)
@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_results_help_is_drawn_at_the_body_floor(make_driver, size, mode) -> None:
    """At the largest text with the projector theme the results' help ("never your fault",
    the helpline, the emergency number) is body text: never below `m.least`, not squeezed
    under the scores at the smallest size."""
    d = make_driver(size, **LOOKS["largest"])
    d.start_game(mode=mode, teams=3, count=3)
    while d.top != "summary":
        answer(d)
    h = d.app.help
    never = "It is never your fault — you can always tell someone."
    shown = {r.text: r for r in d.texts()}
    for text in (never, h.services[0].line, emergency_line(h)):
        assert text in shown, (text, list(shown))
    helps = [never, "Where to get help", *(s.line for s in h.services), emergency_line(h)]
    small = [(t, r.size) for t, r in shown.items() if t in helps and r.size < d.app.ui.m.least]
    assert not small, f"help below m.least={d.app.ui.m.least}: {small}"


@pytest.mark.parametrize("look", LOOKS)
@pytest.mark.parametrize(
    "size", [(640, 480), (1024, 768), (1280, 720)], ids=lambda s: f"{s[0]}x{s[1]}"
)
def test_practise_the_ones_you_missed_grows_with_the_text_size(make_driver, size, look) -> None:
    """The solo results' "Practise the ones you missed" grows with the text size (it was 22 px
    at every text size at 1024x768): at `m.least`, wrapped in a taller row when the room beside
    Play again is too narrow for one line; with the largest text on a projector, where that row
    would take the help's room (the help keeps `m.least`, see above), at the reading size."""
    d = make_driver(size, **LOOKS[look])
    d.start_game(mode=Mode.SOLO, count=3)
    while d.top != "summary":
        answer(d, "1", "1")
    label = next(r for r in d.texts() if r.text == "Practise the ones you missed")
    m = d.app.ui.m
    assert label.size >= (m.least if look == "default" else m.reading), (label.size, m)
    assert inside(label) and d.button("practise").contains(label.rect), label
    check_layout(d.texts(), size)


@pytest.mark.parametrize("look", LOOKS)
@pytest.mark.parametrize("teams", [3, 6])
def test_the_team_scores_are_body_text(make_driver, look, teams) -> None:
    """Who won is what a class looks at on the results: each team's row is at `m.least` or more
    (at 1280x720 it was 19 px, the floor of the smallest text size, to leave the help room)."""
    d = make_driver((1280, 720), **LOOKS[look])
    d.start_game(mode=Mode.TEAMS, teams=teams, count=3)
    while d.top != "summary":
        answer(d)
    names = [t.name for t in d.app.play.session.state.teams]
    rows = [r for r in d.texts() if any(n in r.text for n in names)]
    assert len(rows) == teams and all(r.size >= d.app.ui.m.least for r in rows), rows


@pytest.mark.parametrize("size", [(640, 480), (1024, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_saved_summary_says_where_in_a_note_and_the_help_keeps_its_size(
    make_driver, size
) -> None:
    """Where the summary went is a note over the results until closed; it no longer takes
    room from the results' help (which shrank to 26 px at 1024x768)."""
    d = make_driver(size, **LOOKS["largest"])
    d.start_game(mode=Mode.TEAMS, teams=3, count=3)
    while d.top != "summary":
        answer(d)
    never = "It is never your fault — you can always tell someone."
    before = next(r.size for r in d.texts() if r.text == never)
    letter(d, "s")
    assert d.top == "note"
    note = next(r for r in d.texts() if r.text.startswith("Saved as Markdown and PDF"))
    assert inside(note) and note.size >= d.app.ui.m.min_font, note
    d.press("enter")
    assert d.top == "summary"
    assert next(r.size for r in d.texts() if r.text == never) == before >= d.app.ui.m.least


@pytest.mark.sweep("640x480-gb", "1024x768-elsewhere")
@pytest.mark.parametrize("region", ["gb", "se", "elsewhere"])
@pytest.mark.parametrize("size", ALL_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_results_always_show_a_helpline(make_driver, size, region) -> None:
    """The results' help column gives up services before it shrinks its text, but never the
    region's helpline: at the largest text with the projector theme it still names one."""
    d = make_driver(size, region=region, **LOOKS["largest"])
    d.start_game(mode=Mode.SOLO, count=4)
    while d.top != "summary":
        answer(d)
    helpline = d.app.help.services[0]
    assert helpline.kind == "helpline"  # the region files list the most useful first
    shown = [r.text for r in d.texts()]
    assert any(helpline.name in t and helpline.contact in t for t in shown), shown
    check(d, size, "results")


@pytest.mark.parametrize("look", LOOKS)
@pytest.mark.parametrize("size", [(640, 480), (1280, 720)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_resume_offer_reads_at_the_floor(make_driver, size, look) -> None:
    """Resume and Start fresh one under the other across the card, the long resume label at
    `m.least` or more (wrapped in a taller row where need be; it was 18 px at 640x480)."""
    d = make_driver(size, **LOOKS[look])
    d.start_game(mode=Mode.TEAMS, teams=3, count=3)
    answer(d)  # a group session is saved after every step
    d2 = make_driver(size, **LOOKS[look])
    if d2.top == "content-note":
        d2.press("enter")
    assert d2.top == "resume"
    label = next(r for r in d2.texts() if r.text.startswith("Resume the session"))
    assert label.size >= d2.app.ui.m.least, (label.size, d2.app.ui.m.least)
    assert d2.button("resume").w == d2.button("fresh").w
    check_layout(d2.texts(), size)
