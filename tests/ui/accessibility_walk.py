"""A walk through every screen of the game, for the accessibility checks and the screenshots
(tools/accessibility_screenshots.py): at each stop the screen is settled and its name given."""

from __future__ import annotations

from collections.abc import Iterator

from game.model.session import Mode

from .driver import Driver, answer


def _focus(d: Driver, button_id: str) -> None:
    d.app.top.group.focus_id(button_id)  # type: ignore[union-attr]


def walk(d: Driver, mode: Mode = Mode.SOLO) -> Iterator[str]:
    """Yield a label at every screen (and overlay) of a whole game in `mode`."""
    d.settle()
    if d.top == "content-note":
        yield "content-note"
        d.press("enter")
    yield "title"
    _focus(d, "settings")
    d.press("enter")
    yield "settings"
    d.app.top.focus = len(d.app.top.rows)  # type: ignore[union-attr]
    d.press("enter")
    yield "about"
    d.press("esc", "esc")
    _focus(d, "play")
    d.press("enter")
    if mode is Mode.TEAMS:
        d.app.top.setup.teams = 6  # type: ignore[union-attr]
        d.app.top.choose("mode", Mode.TEAMS)  # type: ignore[union-attr]
    yield "setup"
    d.press("esc")
    d.start_game(mode=mode, teams=6 if mode is Mode.TEAMS else 2, count=3)
    if d.top != "card":  # a facilitator's checklist before group play
        yield d.top
        while d.top != "card" and d.phase in ("scenario", ""):
            d.press("enter")
    d.app.update(1.2)  # part-way through the chat
    d.app.draw()
    yield "card-chat"
    d.press("enter")
    yield "card-options"
    card = d.app.play.session.state.card  # type: ignore[union-attr]
    unsafe = next(i for i, r in enumerate(card.responses) if r.rating.value != "safe")
    d.press(str(unsafe + 1))
    if d.top == "steal":
        yield "steal"
        d.press("enter")
    if d.top == "explain":
        yield "explain"
        if d.app.top.wants_text:  # type: ignore[union-attr]
            d.press("enter")
        wrong = next(i for i, r in enumerate(card.reasons) if not r.right)
        d.press(str(wrong + 1))
    yield "feedback"
    d.press("h")
    yield "help"
    d.press("esc", "esc")
    yield "pause"
    _focus(d, "settings")
    d.press("enter")
    yield "settings-over-pause"
    d.press("esc")
    _focus(d, "title")
    d.press("enter")
    yield "confirm"
    d.press("esc", "esc")
    while d.phase != "summary":
        answer(d, "1", "1")
    d.settle()
    yield "summary"
