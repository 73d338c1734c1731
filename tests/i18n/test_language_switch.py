"""Changing the language in the middle of a session (the settings chooser, `prefs.change`)
changes the text of every screen at once: after the switch no screen still shows an English
UI message, and switching back restores the English text."""

from __future__ import annotations

import re
from functools import cache

import pytest

from game.model.session import Mode
from game.ui import prefs
from tests.ui.driver import DECKS, answer

from .conftest import as_pattern, extracted, extracted_plurals, read_catalogue


@cache
def english_only() -> list[tuple[str, re.Pattern[str]]]:
    """UI messages whose Swedish text differs, as patterns that match them filled in."""
    catalogue = read_catalogue("sv")
    plurals = extracted_plurals()
    out = []
    for msgid in extracted():
        message = catalogue.get(msgid)
        if not (message and message.string):
            continue
        swedish = message.string if message.pluralizable else (message.string,)
        for english in (msgid, plurals[msgid]) if msgid in plurals else (msgid,):
            if english not in swedish and len(english) > 3:
                out.append((english, as_pattern(english)))
    return out


def deck_texts(app) -> set[str]:
    """Deck titles and card texts: content in the deck's own language, not UI messages."""
    out: set[str] = set()
    for deck in app.decks:
        out.add(deck.info.title)
        for card in deck.cards:
            dumped = card.model_dump()
            stack = [dumped]
            while stack:
                item = stack.pop()
                if isinstance(item, str):
                    out.add(item)
                elif isinstance(item, dict):
                    stack.extend(item.values())
                elif isinstance(item, (list, tuple)):
                    stack.extend(item)
    return out


def still_english(texts: list[str], content: set[str]) -> list[str]:
    return [
        f"{text!r} is the English {msgid!r}"
        for text in texts
        if text not in content
        for msgid, pattern in english_only()
        if pattern.fullmatch(text)
    ]


def switch_and_check(d) -> str:
    """Switch to Swedish and back on the current screen; returns the screen's name."""
    d.settle()
    before = [r.text for r in d.texts()]
    prefs.change(d.app, language="sv")
    d.settle()
    swedish = [r.text for r in d.texts()]
    assert swedish != before, f"{d.top}: nothing changed"
    left = still_english(swedish, deck_texts(d.app))
    assert not left, f"{d.top}, after switching to Swedish:\n" + "\n".join(left)
    prefs.change(d.app, language="en")
    d.settle()
    assert [r.text for r in d.texts()] == before, f"{d.top}: switching back is not the same"
    return "/".join(d.names)


@pytest.mark.slow  # a screen walk per mode
@pytest.mark.parametrize("mode", [Mode.SOLO, Mode.TEAMS], ids=lambda m: m.value)
def test_switching_language_mid_session_changes_every_screen(lang_driver, mode) -> None:
    d = lang_driver((1280, 720), language="en", region="se", decks=DECKS)
    seen = [switch_and_check(d)]  # content note
    d.press("enter")
    seen.append(switch_and_check(d))  # title
    d.press("enter")
    seen.append(switch_and_check(d))  # setup
    d.press("esc")
    d.start_game(mode=mode, teams=3, count=3)
    while d.phase != "summary":
        seen.append(switch_and_check(d))
        if d.phase == "feedback":
            d.press("h")
            seen.append(switch_and_check(d))  # help
            d.press("esc", "esc")
            seen.append(switch_and_check(d))  # pause
            d.press("esc")
        answer(d, "1", "2")
    seen.append(switch_and_check(d))  # summary
    names = {s.split("/")[-1] for s in seen}
    assert {"content-note", "title", "setup", "card", "feedback", "help", "pause"} <= names
    assert "summary" in names


def test_the_help_services_follow_the_language(lang_driver) -> None:
    d = lang_driver((1920, 1080), language="en", region="se", decks=DECKS)
    d.start_game(mode=Mode.SOLO)
    d.press("h")
    # Sweden lists five services (issue 12): at this size the help leaves the descriptions out
    # to fit, so the region name carries the language, and the "checked" line, with the
    # descriptions on the services' own pages

    def every_page() -> str:  # Tab round all the help's pages, back to the first
        texts = []
        for _ in list(d.app.top.pages):
            texts += [r.text for r in d.texts()]
            d.press("tab")
        return " | ".join(texts)

    assert d.shows("Sweden") and "checked 2026-11-21" in every_page()
    prefs.change(d.app, language="sv")
    d.settle()
    assert d.shows("Sverige") and "kontrollerat 2026-11-21" in every_page()
    assert "checked 2026-11-21" not in every_page()


def test_the_lesson_plans_follow_the_language(lang_driver) -> None:
    d = lang_driver((1280, 720), language="en", region="se")
    d.app.options.deck_paths = []  # as the game starts without --deck: decks by language
    assert any(p.title.startswith("First lesson") for p in d.app.plans.plans)
    prefs.change(d.app, language="sv")
    titles = [p.title for p in d.app.plans.plans]
    assert any(t.startswith("Första lektionen") for t in titles), titles
