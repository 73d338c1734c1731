"""Students' phones on the projector (headless pygame): set-up, the join screen, the count in the
top bar, V shows the class's answers as bars and Enter takes the most chosen, the summary's
pulse before and after, the saved summary's counts, and the server stops with the session."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pygame
import pytest

from game.model.kinds import Mode
from game.phones.sim import SimPhone
from game.ui.app import GameSetup
from tests.ui.driver import Driver

SHOTS = os.environ.get("REDFLAGS_PHONE_SHOTS")


def letter(d: Driver, char: str) -> None:
    """A facilitator letter key (the driver's table has only the game's usual keys)."""
    key = getattr(pygame, f"K_{char}")
    d.app.feed(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=char, scancode=0))
    d.frame()


def pump(d: Driver) -> None:
    for event in pygame.event.get():
        d.app.feed(event)
    d.frame()


def shot(d: Driver, name: str, tmp_path: Path) -> None:
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    d.screenshot(folder / f"ui-{name}.png")


def answer_all(phones, key: str, choices: list[int], question: int = 0) -> None:
    async def go() -> None:
        for i, c in enumerate(choices):
            p = SimPhone(phones.url, phones.code, phone_id=f"{i:02d}" * 10)
            await p.join()
            await p.until(lambda s: (s["step"] or {}).get("key") == key)
            await p.answer(question, c)
            await p.close()

    asyncio.run(asyncio.wait_for(go(), 30))


def start(d: Driver, mode: Mode) -> None:
    if d.top == "content-note":
        d.press("enter")
    message = d.app.start_game(
        GameSetup(mode=mode, teams=2, count=2, seed=1, phones=True, phones_host="127.0.0.1")
    )
    assert message is None, message
    d.settle()


def test_together_with_phones_from_join_to_summary(tmp_path: Path) -> None:
    d = Driver()
    start(d, Mode.TOGETHER)
    phones = d.app.play.phones
    try:
        assert d.top == "phones-join"
        assert d.shows(" ".join(phones.code)) and d.shows(phones.url.removeprefix("http://")[:9])
        shot(d, "1-join", tmp_path)
        answer_all(phones, "pulse:before", [0, 1, 0])
        d.press("enter")  # close the join screen
        if d.top == "facilitator-intro":
            d.press("enter")
        while d.phase not in ("choose", "spot", "name"):
            d.press("enter")
            d.settle()
        step = phones.step
        assert step is not None and step.kind in ("option", "spot", "name")
        answer_all(phones, step.key, [1, 1, 0])
        pump(d)
        assert d.shows("3 answered")
        shot(d, "2-card-with-count", tmp_path)
        letter(d, "v")
        assert d.top == "phones-reveal"
        assert d.shows(step.questions[0].choices[1][:20])
        assert d.shows("2  (67 %)") and d.shows("1  (33 %)")
        shot(d, "3-reveal", tmp_path)
        before = d.phase
        d.press("enter")  # take the class's most chosen answer
        d.settle()
        assert d.phase != before
        # straight to the summary: the pulse after opens on the phones
        d.app.play.session.end_early()
        d.app.follow_session()
        d.settle()
        assert phones.step is not None and phones.step.key == "pulse:after"
        answer_all(phones, "pulse:after", [0, 0, 0])
        pump(d)
        letter(d, "v")
        assert d.top == "phones-summary"
        assert d.shows("Before") and d.shows("After")
        shot(d, "4-pulse", tmp_path)
        d.press("tab")
        assert d.shows("Card 1: ") and d.shows(" of 3 ")
        shot(d, "4b-cards", tmp_path)
        d.press("esc")
        from game.export.summary import write_summary
        from game.ui.phones import phones_report

        play = d.app.play
        md, pdf = write_summary(
            play.session.state, "en", "gb", tmp_path, phones=phones_report(play)
        )
        text = md.read_text(encoding="utf-8")
        assert "How the class answered (phones, anonymous)" in text
        assert "| 2 → 3 | 1 → 0 | 0 → 0 |" in text
        assert "0101" not in text  # no phone id anywhere
        import pypdf  # the PDF has the same section (tests/export/test_summary_phones.py)

        pdf_text = " ".join(page.extract_text() or "" for page in pypdf.PdfReader(pdf).pages)
        assert "How the class answered (phones, anonymous)" in pdf_text
        assert "2 -> 3" in pdf_text and "0101" not in pdf_text
    finally:
        d.app.to_title()
    assert not phones.running


def test_all_teams_the_phones_enter_each_teams_choice(tmp_path: Path) -> None:
    d = Driver()
    start(d, Mode.ALL_TEAMS)
    phones = d.app.play.phones
    try:
        d.press("enter")
        if d.top == "facilitator-intro":
            d.press("enter")
        for _ in range(6):
            if d.phase in ("choose", "spot", "name"):
                break
            d.press("enter")
            d.settle()
        step = phones.step

        async def go() -> None:
            for i, (team, c) in enumerate(((0, 2), (1, 0), (1, 0))):
                p = SimPhone(phones.url, phones.code, phone_id=f"t{i}" * 10)
                await p.join()
                await p.send({"t": "team", "team": team})
                await p.until(lambda s, team=team: s["team"] == team)
                await p.until(lambda s: (s["step"] or {}).get("key") == step.key)
                await p.answer(0, c)
                await p.close()

        asyncio.run(asyncio.wait_for(go(), 30))
        pump(d)
        letter(d, "v")
        assert d.top == "phones-reveal"
        shot(d, "5-all-teams-reveal", tmp_path)
        d.press("enter")
        d.settle()
        entries = d.app.play.session.state.entries
        assert entries == (step.order[2], step.order[0])
    finally:
        d.app.to_title()


@pytest.mark.parametrize("mode", [Mode.SOLO, Mode.TEAMS])
def test_no_phones_in_solo_or_team_turns(mode: Mode) -> None:
    d = Driver()
    if d.top == "content-note":
        d.press("enter")
    assert d.app.start_game(GameSetup(mode=mode, count=2, seed=1, phones=True)) is None
    assert d.app.play.phones is None


@pytest.mark.slow  # a screen walk per size
@pytest.mark.parametrize("language", ["en", "sv"])
@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)])
@pytest.mark.parametrize("largest", [False, True], ids=["default-text", "largest-text"])
def test_the_phones_screens_keep_every_text_in_its_box(language, size, largest, tmp_path) -> None:
    from game import i18n
    from game.settings import TEXT_SCALES
    from tests.i18n.conftest import LangDriver
    from tests.robustness.monkey import inside

    scale = TEXT_SCALES[-1] if largest else 1.0
    d = LangDriver(size, language=language, region="se", text_scale=scale)
    window = pygame.Rect((0, 0), size)

    def check(where: str) -> None:
        bad = [
            f"{where}: {r.text!r} {r.rect} box {r.box}"
            for r in d.texts()
            if not inside(r) or not window.contains(r.rect)
        ]
        assert not bad, bad

    try:
        start(d, Mode.TOGETHER)
        phones = d.app.play.phones
        check("join")
        d.press("enter")
        if d.top == "facilitator-intro":
            d.press("enter")
        while d.phase not in ("choose", "spot", "name"):
            d.press("enter")
            d.settle()
        check("card with the phones' pill")
        answer_all(phones, phones.step.key, [0, 1, 1, 2])
        pump(d)
        letter(d, "v")
        assert d.top == "phones-reveal"
        check("reveal")
        if largest and size == (1024, 768):
            shot(d, f"6-reveal-largest-{language}", tmp_path)
        d.press("esc")
        d.app.play.session.end_early()
        d.app.follow_session()
        d.settle()
        answer_all(phones, "pulse:after", [0, 2])
        pump(d)
        letter(d, "v")
        assert d.top == "phones-summary"
        check("pulse")
        d.press("tab")
        check("each card")
        if largest and size == (1024, 768):
            shot(d, f"7-pulse-largest-{language}", tmp_path)
    finally:
        d.app.to_title()
        i18n.set_language("en")


def test_the_mouse_alone_reveals_and_takes_the_class_answer() -> None:
    d = Driver()
    start(d, Mode.TOGETHER)
    phones = d.app.play.phones
    try:
        d.press("enter")
        if d.top == "facilitator-intro":
            d.press("enter")
        while d.phase not in ("choose", "spot", "name"):
            d.press("enter")
            d.settle()
        answer_all(phones, phones.step.key, [2, 2])
        pump(d)
        d.click(d.app.top.phones_pill().center)
        assert d.top == "phones-reveal"
        before = d.phase
        d.click(d.button("use").center)
        d.settle()
        assert d.phase != before and d.top != "phones-reveal"
    finally:
        d.app.to_title()


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("teams", [3, 6])
def test_all_teams_reveal_shows_each_teams_phones_at_the_reading_size(
    size, teams, tmp_path
) -> None:
    """All teams: under each choice the class's bar and one bar per team (its letter and count);
    with the projector theme every text of the bars is at least 1/24 of the height, the rows
    going onto pages rather than shrinking, every text inside its box."""
    import math

    from tests.robustness.monkey import inside

    d = Driver(size, theme="projector")
    if d.top == "content-note":
        d.press("enter")
    setup = GameSetup(
        mode=Mode.ALL_TEAMS, teams=teams, count=2, seed=1, phones=True, phones_host="127.0.0.1"
    )
    assert d.app.start_game(setup) is None
    d.settle()
    phones = d.app.play.phones
    floor = math.ceil(min(size[1], size[0] * 0.75) / 24)
    window = pygame.Rect((0, 0), size)
    try:
        d.press("enter")
        if d.top == "facilitator-intro":
            d.press("enter")
        while phones.step is None or phones.step.kind != "option":
            d.press("1" if d.phase in ("spot", "name") else "enter")
            if d.top == "enter-choices" and d.phase in ("spot", "name"):
                d.press(*[str(1 + k % 3) for k in range(teams)], "enter")
        step = phones.step
        picks = [(i % teams, i % 4) for i in range(2 * teams)]  # team k: choices k and k+teams

        async def go() -> None:
            for i, (team, c) in enumerate(picks):
                p = SimPhone(phones.url, phones.code, phone_id=f"q{i:02d}" * 6)
                await p.join()
                await p.send({"t": "team", "team": team})
                await p.until(lambda s, team=team: s["team"] == team)
                await p.until(lambda s: (s["step"] or {}).get("key") == step.key)
                await p.answer(0, c)
                await p.close()

        asyncio.run(asyncio.wait_for(go(), 30))
        pump(d)
        letter(d, "v")
        assert d.top == "phones-reveal"
        scene = d.app.top
        letters = [t.letter for t in d.app.play.session.state.teams]
        for n, row in enumerate(scene.rows):
            assert [c.who for c in row.cells] == ["All", *letters]
            assert row.cells[0].count == sum(1 for _, c in picks if c == n)
            for k, cell in enumerate(row.cells[1:]):
                assert cell.count == sum(1 for t, c in picks if t == k and c == n)
                assert cell.of == sum(1 for t, _ in picks if t == k)
        drawn: set[str] = set()
        for page in range(len(scene.lay.pages)):
            top_layer = max(r.layer for r in d.texts())
            records = [r for r in d.texts() if r.layer == top_layer]  # the reveal, not below
            bad = [r.text for r in records if not inside(r) or not window.contains(r.rect)]
            assert not bad, bad
            labels = {row.label for row in scene.rows}
            for r in records:
                if r.text in labels or r.text in letters or r.text == "All":
                    assert r.size >= floor, (r.text, r.size, floor)
                    drawn.add(r.text)
            if page + 1 < len(scene.lay.pages):
                assert d.shows(f"Page {page + 1} of {len(scene.lay.pages)}")
                d.press("right")
        assert {row.label for row in scene.rows} <= drawn  # every row on some page
        assert set(letters) <= drawn
        shot(d, f"8-all-teams-{teams}-reveal-{size[0]}", tmp_path)
    finally:
        d.app.to_title()


@pytest.mark.parametrize("theme", ["default", "projector"])
@pytest.mark.parametrize("size", [(1280, 720), (1024, 768), (640, 480)], ids=lambda s: f"{s[0]}")
def test_the_pulse_statements_are_never_smaller_than_the_line_under_them(size, theme) -> None:
    """The largest text: each pulse statement, its answers' words and numbers are at least the
    screen's least reading size and the "Answered: … before, … after." line, on as many pages as
    they need (they were drawn smaller than that line to fit one page), every text in its box."""
    from game.phones.room import PULSE_STATEMENTS
    from tests.ui.fit import inside

    d = Driver(size, theme=theme, text_scale=1.65)
    start(d, Mode.TOGETHER)
    window = pygame.Rect((0, 0), size)
    try:
        d.press("enter")
        if d.top == "facilitator-intro":
            d.press("enter")
        d.app.play.session.end_early()
        d.app.follow_session()
        d.settle()
        letter(d, "v")
        assert d.top == "phones-summary"
        statements, least = {s for _, s in PULSE_STATEMENTS}, d.app.ui.m.least
        shown: set[str] = set()
        for _ in range(len(statements)):  # Tab turns the pulse's pages, then each card's
            if d.shows("How the class answered"):
                break
            top = max(r.layer for r in d.texts())
            records = [r for r in d.texts() if r.layer == top]
            assert not [r.text for r in records if not inside(r) or not window.contains(r.rect)]
            under = next(r.size for r in records if r.text.startswith("Answered: "))
            for r in records:
                if r.text in statements or r.text in ("Agree", "Not sure", "Disagree", "0"):
                    assert r.size >= max(least, under), (r.text, r.size, least, under)
            shown |= {r.text for r in records} & statements
            d.press("tab")
        assert shown == statements
    finally:
        d.app.to_title()
