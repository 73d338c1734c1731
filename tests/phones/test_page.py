"""The phone page in a real browser: Debian's chromium driven by Playwright (no browser download).

Six phones join (five by the QR link, one by typing the code after a wrong one), answer, change
their minds, go offline and come back, reload; the page's CSP must report zero violations and
the page must ask nothing of any other server. Screenshots at 360x740 go to REDFLAGS_PHONE_SHOTS
when that is set (to look at them), else to the test's temporary folder.
"""

from __future__ import annotations

import contextlib
import os
import queue
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from game.content.decks import load_decks
from game.content.help import load_region
from game.model.kinds import Mode
from game.model.session import Session
from game.phones.room import Room, pulse_step
from game.phones.server import PhoneServer, Snapshot
from game.phones.steps import help_data, step_for

playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
WATCH = """() => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(e.violatedDirective + ' ' + e.blockedURI);
  });
}"""


class Phone:
    def __init__(self, context, page, name: str) -> None:
        self.context, self.page, self.name = context, page, name
        self.requests: list[str] = []
        self.console: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.console.append(m.text))
        page.add_init_script(script=f"({WATCH})()")

    def pick(self, text: str) -> None:
        self.page.locator("button.choice", has_text=text).first.click()

    def chosen(self) -> list[str]:
        return self.page.locator("button.choice[aria-pressed=true] .text").all_inner_texts()

    def csp(self) -> list[str]:
        return self.page.evaluate("() => window.__csp || []")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def shots_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("REDFLAGS_PHONE_SHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_six_phones_in_a_real_browser(browser, tmp_path: Path) -> None:
    shots = shots_dir(tmp_path)
    events: queue.Queue[None] = queue.Queue()
    room = Room()
    server = PhoneServer(
        room,
        "127.0.0.1",
        0,
        notify=lambda: events.put(None),
        help_data=help_data(load_region("se")),
    ).start()

    def until(check: Callable[[Snapshot], bool], timeout: float = 15.0) -> Snapshot:
        deadline = time.monotonic() + timeout
        snap = server.take()
        while not check(snap):
            assert time.monotonic() < deadline, snap
            with contextlib.suppress(queue.Empty):
                events.get(timeout=0.2)
            snap = server.take()
        return snap

    phones: list[Phone] = []
    try:
        for i in range(6):
            locale = "sv-SE" if i == 1 else "en-GB"
            context = browser.new_context(
                viewport={"width": 360, "height": 740}, locale=locale, has_touch=True
            )
            phones.append(Phone(context, context.new_page(), f"phone{i}"))
        # Five scan the QR code; the sixth types the address, then a wrong code, then the right.
        for p in phones[:5]:
            p.page.goto(server.join_url)
        typed = phones[5]
        typed.page.goto(server.url)
        typed.page.wait_for_selector("#join:not([hidden])")
        typed.page.screenshot(path=str(shots / "01-join.png"))
        wrong = "ACDEF" if room.code != "ACDEF" else "ACDEH"
        typed.page.fill("#code", wrong.lower())
        typed.page.click("#join-form button[type=submit]")
        typed.page.wait_for_selector("#join-error:not([hidden])")
        assert "not right" in typed.page.inner_text("#join-error")
        typed.page.screenshot(path=str(shots / "02-wrong-room.png"))
        typed.page.fill("#code", room.code[:2] + " " + room.code[2:].lower())
        typed.page.click("#join-form button[type=submit]")
        until(lambda s: s.connected == 6)
        for p in phones:
            p.page.wait_for_selector("#wait:not([hidden])")
        assert "Väntar" in phones[1].page.inner_text("#wait")  # Swedish from the phone's language
        phones[0].page.screenshot(path=str(shots / "03-waiting.png"))

        # The pulse before the first card.
        server.open_step(pulse_step("before"))
        for p in phones:
            p.page.wait_for_selector("#step:not([hidden])")
        phones[0].page.screenshot(path=str(shots / "04-pulse.png"))
        for i, p in enumerate(phones):
            p.page.locator("fieldset.question").nth(0).locator("button.choice").nth(i % 3).click()
        until(lambda s: s.answered == 6)
        server.reveal()

        # Card 1: the options.
        cards = load_decks(sorted((ROOT / "assets" / "decks" / "en").glob("*.yaml"))).cards
        session = Session.start(cards, mode=Mode.TOGETHER, count=2, seed=5)
        session.show_options()
        step = step_for(session.state)
        options = step.questions[0].choices
        server.open_step(step)
        for p in phones:
            p.page.wait_for_selector(f"button.choice:has-text({options[0][:20]!r})")
        for i, p in enumerate(phones):
            p.pick(options[i % 2][:30])
        until(lambda s: s.step.key == step.key and s.answered == 6)
        assert until(lambda s: s.step.counts[0][:2] == (3, 3)).step.counts[0][:2] == (3, 3)
        phones[0].page.wait_for_selector("button.choice[aria-pressed=true]")
        phones[0].page.screenshot(path=str(shots / "05-answered.png"))
        phones[0].page.click("#whole summary")
        phones[0].page.screenshot(path=str(shots / "06-whole-card.png"), full_page=True)

        # Phone 2 changes its mind.
        phones[2].pick(options[2][:30])
        until(lambda s: s.step.counts[0][:3] == (2, 3, 1))

        # Phone 3 goes offline, changes its answer meanwhile, and comes back.
        phones[3].context.set_offline(True)
        phones[3].page.wait_for_selector("#link.offline")
        phones[3].pick(options[2][:30])
        phones[3].page.screenshot(path=str(shots / "07-offline.png"))
        phones[3].context.set_offline(False)
        until(lambda s: s.step.counts[0][:3] == (2, 2, 2), timeout=30)
        phones[3].page.wait_for_selector("#link.on")
        assert options[2] in phones[3].chosen()

        # Phone 4 reloads: the same step, its answer still marked.
        phones[4].page.reload()
        phones[4].page.wait_for_selector("button.choice[aria-pressed=true]")
        assert phones[4].chosen() == [options[0]]
        assert until(lambda s: True).step.counts[0][:3] == (2, 2, 2)

        # The reveal closes the answers; then the reason step; then the phones wait.
        server.reveal()
        phones[0].page.wait_for_selector("button.choice:disabled")
        assert "closed" in phones[0].page.inner_text("#step-status")
        phones[0].page.screenshot(path=str(shots / "08-revealed.png"))
        session.choose(0)
        reason = step_for(session.state)
        server.open_step(reason)
        phones[1].page.wait_for_selector("legend:has-text('Varför')")
        phones[1].page.screenshot(path=str(shots / "09-reason-sv.png"))
        server.wait()
        phones[0].page.wait_for_selector("#wait:has-text('next card')")

        # Help and the content note are always there; the language can be switched.
        phones[0].page.click("#help-open")
        phones[0].page.wait_for_selector("#help:not([hidden])")
        help_text = phones[0].page.inner_text("#help")
        assert "BRIS" in help_text and "112" in help_text
        phones[0].page.screenshot(path=str(shots / "10-help.png"))
        phones[0].page.click("#help .close")
        phones[0].page.click("#lang")
        phones[0].page.wait_for_selector("#wait:has-text('Väntar på nästa kort')")
        phones[0].page.click("#note-open")
        assert "aldrig ditt fel" in phones[0].page.inner_text("#note")
        phones[0].page.screenshot(path=str(shots / "11-note-sv.png"))
        phones[0].page.click("#note .close")

        # 320 px wide: nothing sticks out sideways.
        narrow = browser.new_context(viewport={"width": 320, "height": 568}, locale="en-GB")
        small = Phone(narrow, narrow.new_page(), "narrow")
        server.open_step(pulse_step("after"))
        small.page.goto(server.join_url)
        small.page.wait_for_selector("#step:not([hidden])")
        width = small.page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 320, width
        small.page.screenshot(path=str(shots / "12-320px.png"), full_page=True)
        phones.append(small)

        # The end: every phone says thank you.
        server.finish()
        for p in phones:
            p.page.wait_for_selector("#over:not([hidden])")
        phones[5].page.screenshot(path=str(shots / "13-over.png"))

        for p in phones:
            assert p.csp() == [], (p.name, p.csp())
            assert not [m for m in p.console if "Content Security Policy" in m], p.console
            outside = [
                u
                for u in p.requests
                if not u.startswith(server.url) and not u.startswith(f"ws://{server.authority}")
            ]
            assert outside == [], outside
    finally:
        for p in phones:
            p.context.close()
        server.stop()
