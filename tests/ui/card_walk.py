"""Play single cards of the shipped decks headless: the card with the whole chat shown, the
explain screen and the feedback screen, once with the safe answer and the right reason and once
with a not-safe answer and a wrong reason. Shared by tests/ui/test_every_card_fits.py and
tools/render_every_card.py (which also saves the screens and lists the squeezed text boxes).

A feedback screen too full for one page turns into pages (game/ui/scenes/feedback.py): each
page is a shot of its own ("feedback-unsafe", then "feedback-unsafe-p2", ...), and
`feedback_texts` / `missing` tell which of the texts a feedback must show no page showed.

A session of one card is started straight from the card (no setup screen, no drawing of cards),
so every card of a deck is visited exactly once, in deck order, in one App.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pygame

from game.content.decks import default_deck_paths, load_decks
from game.content.glyphs import EMOTICONS, is_pictograph
from game.model.cards import Card, Deck, Rating
from game.model.session import Mode, Session, new_state
from game.settings import TEXT_SCALES
from game.ui.app import GameSetup, PlayContext
from game.ui.context import TextRecord
from game.ui.flow import scene_for_play
from game.ui.scene import Scene
from game.ui.services import tr

from .driver import Driver

LANGUAGES = ("en", "sv")
REGIONS = {"en": "gb", "sv": "se"}
# the screens of one card, in the order they are shown
SCREENS = ("card", "explain", "feedback-safe", "explain-unsafe", "feedback-unsafe")


@cache
def shipped_decks(language: str) -> tuple[Deck, ...]:
    result = load_decks(default_deck_paths(language))
    assert result.ok, "\n".join(str(e) for e in result.errors)
    return tuple(result.decks)


def deck_files(language: str) -> list[str]:
    return sorted(Path(d.path).stem for d in shipped_decks(language))


def deck(language: str, stem: str) -> Deck:
    return next(d for d in shipped_decks(language) if Path(d.path).stem == stem)


def language_driver(size: tuple[int, int], language: str) -> Driver:
    """A driver whose UI speaks `language` (the card texts come from the decks we play)."""
    return Driver(size, language=language, region=REGIONS[language], reduced_motion=True)


def unsafe_choice(card: Card) -> int:
    """The not-safe response that fills the feedback screen most: harmful before risky, then
    the longest text and explanation (the hardest case for the layout)."""
    unsafe = [i for i, r in enumerate(card.responses) if r.rating is not Rating.SAFE]
    return max(
        unsafe,
        key=lambda i: (
            card.responses[i].rating is Rating.HARMFUL,
            len(card.responses[i].text) + len(card.responses[i].feedback),
        ),
    )


def wrong_reason(card: Card) -> int:
    """The wrong reason with the most text (the fuller feedback screen)."""
    wrong = [i for i, r in enumerate(card.reasons) if not r.right]
    return max(wrong, key=lambda i: len(card.reasons[i].text) + len(card.reasons[i].feedback))


@dataclass
class Shot:
    card: Card
    screen: str  # one of SCREENS, or a later page of a feedback: "feedback-unsafe-p2"
    records: list[TextRecord]
    scene: Scene  # the scene drawn, for its boxes (the chat area, the option buttons…)
    page: int = 1  # the page of a feedback screen (1-based) …
    pages: int = 1  # … of how many
    # a feedback page's boxes as drawn: "columns" (the panels), "takeaway", "flag"
    boxes: dict[str, list[pygame.Rect]] = field(default_factory=dict)

    @property
    def feedback(self) -> str:
        """The feedback screen this page belongs to ("feedback-unsafe"), else ""."""
        return "-".join(self.screen.split("-")[:2]) if self.screen.startswith("feedback") else ""


def plain(text: str) -> str:
    """Text as the render log holds it: emoji swapped for emoticons or left out (as
    game/ui/text.py `clean` does), spaces collapsed."""
    for emoji, emoticon in EMOTICONS.items():
        text = text.replace(emoji, emoticon)
    return " ".join("".join(ch for ch in text if not is_pictograph(ch)).split())


def feedback_texts(card: Card, choice: int, reason: int) -> list[tuple[str, str, str]]:
    """(what, text, box kind) for every text a feedback must show, on one page or another:
    the choice, the safest choice, the reasons and every explanation, the takeaway and the red
    flag. Box kind: "columns", "takeaway" or "flag" (see Shot.boxes)."""
    chosen = card.responses[choice]
    out = [
        ("choice", chosen.text, "columns"),
        ("choice-feedback", chosen.feedback, "columns"),
    ]
    if chosen.rating is not Rating.SAFE:
        best = card.responses[card.best_response_index]
        out += [("safest", best.text, "columns"), ("safest-feedback", best.feedback, "columns")]
    given = card.reasons[reason]
    out += [("reason", given.text, "columns"), ("reason-feedback", given.feedback, "columns")]
    if not given.right:
        out.append(("right-reason", card.reasons[card.right_reason_index].text, "columns"))
    out.append(("takeaway", card.takeaway, "takeaway"))
    flag = tr("Red flag: {flag}").format(flag=card.red_flag)
    out.append(("red-flag", flag, "flag"))
    return out


def missing(pages: Sequence[Shot]) -> list[str]:
    """What the pages of one feedback screen should have shown and none did ("dropped")."""
    first = pages[0]
    st = first.scene.state  # type: ignore[attr-defined]
    shown = {plain(r.text) for shot in pages for r in shot.records}
    return [
        what
        for what, text, _ in feedback_texts(first.card, st.choice or 0, st.reason or 0)
        if plain(text) not in shown
    ]


def _open(d: Driver, card: Card) -> None:
    app = d.app
    session = Session(new_state([card], Mode.SOLO))
    app.play = PlayContext(session, GameSetup(mode=Mode.SOLO, count=1, seed=1))
    app.reset(scene_for_play(app, app.play), fade=False)
    d.settle()


def _shot(d: Driver, card: Card, screen: str) -> Shot:
    d.settle()
    assert d.top == screen.split("-")[0], (card.id, screen, d.top)
    return Shot(card, screen, d.texts(), d.app.top)


def _feedback_shots(d: Driver, card: Card, screen: str) -> Iterator[Shot]:
    """Every page of the feedback, turned with the Right key; the first keeps `screen`."""
    scene = d.app.top
    pages = getattr(scene, "pages", None) or [None]
    for n in range(1, len(pages) + 1):
        if n > 1:
            d.press("right")
            assert d.app.top is scene and scene.pager.index == n - 1, (card.id, n)  # type: ignore[attr-defined]
        shot = _shot(d, card, screen if n == 1 else f"{screen}-p{n}")
        shot.page, shot.pages = n, len(pages)
        page = pages[n - 1]
        shot.boxes = {
            "columns": [pygame.Rect(c) for c in scene.cols],  # type: ignore[attr-defined]
            "takeaway": [pygame.Rect(scene.takeaway_rect)] if page is None or page.takeaway else [],  # type: ignore[attr-defined]
            "flag": [pygame.Rect(scene.flag_rect)] if page is None or page.flag else [],  # type: ignore[attr-defined]
        }
        yield shot


def play_card(d: Driver, card: Card) -> Iterator[Shot]:
    """Yield the screens of one card; the driver's surface shows the screen while it is yielded."""
    for choice, reason, suffix in (
        (card.best_response_index, card.right_reason_index, "safe"),
        (unsafe_choice(card), wrong_reason(card), "unsafe"),
    ):
        _open(d, card)
        d.press("enter")  # the whole chat, and the options
        if suffix == "safe":
            yield _shot(d, card, "card")
        d.press(str(choice + 1))
        yield _shot(d, card, "explain" if suffix == "safe" else "explain-unsafe")
        if d.app.top is not None and d.app.top.wants_text:
            d.press("enter")  # leave the own-words box empty
        d.press(str(reason + 1))
        yield from _feedback_shots(d, card, f"feedback-{suffix}")


def play_deck(d: Driver, the_deck: Deck) -> Iterator[Shot]:
    for card in the_deck.cards:
        yield from play_card(d, card)


def body_texts(card: Card) -> set[str]:
    """The card's own texts: what the class reads."""
    texts = {card.setup, card.question, card.takeaway}
    texts |= {m.text for m in card.chat}
    texts |= {r.text for r in card.responses} | {r.feedback for r in card.responses}
    texts |= {r.text for r in card.reasons} | {r.feedback for r in card.reasons}
    return texts


def _card_records(d: Driver, shot: Shot) -> list[TextRecord]:
    """The texts of a shot; on the paged card (the projector, the largest text sizes) also
    every page of the chat, which the shot (on the choices) does not show."""
    records = list(shot.records)
    scene = d.app.top
    if shot.screen == "card" and getattr(scene, "paged", False):
        pages = len(scene.chat_pages)  # type: ignore[attr-defined]
        for _ in range(pages):
            d.press("left")
            d.settle()
            records += d.texts()
        for _ in range(pages):
            d.press("right")
        d.settle()
        assert scene.view == "choices", (shot.card.id, scene.view)  # type: ignore[attr-defined]
    return records


def measure_every_card(
    size: tuple[int, int], theme: str, scale: float, language: str
) -> dict[str, dict[str, int]]:
    """Every card of the shipped decks of `language` at one window size, theme and text size:
    per "card id|screen" (a feedback's pages together), each of the card's body texts drawn
    and its smallest size in pixels (TextRecord.size)."""
    d = Driver(
        size,
        language=language,
        region=REGIONS[language],
        reduced_motion=True,
        text_scale=scale,
        theme=theme,
    )
    out: dict[str, dict[str, int]] = {}
    for a_deck in shipped_decks(language):
        for card in a_deck.cards:
            bodies = body_texts(card)
            for shot in play_card(d, card):
                found = out.setdefault(f"{card.id}|{shot.feedback or shot.screen}", {})
                for r in _card_records(d, shot):
                    text = r.text if r.text in bodies else r.text.strip('“”"')
                    if text in bodies:
                        found[text] = min(r.size, found.get(text, 10_000))
    return out


def text_size_cases(
    size: tuple[int, int], theme: str, language: str
) -> tuple[list[str], list[str], int]:
    """Issue 13 over every card of `language` at `size` and `theme`: the "smaller" cases (a
    larger text size draws a text smaller than the next smaller size does), the "below" ones
    (projector theme: a body text under 1/24 of the text height), and how many (screen, text,
    text size) sizes were measured. tools/measure_text_sizes.py and
    test_readable_every_card.py both count with this."""
    sizes = {s: measure_every_card(size, theme, s, language) for s in TEXT_SCALES}
    floor = math.ceil(min(size[1], round(size[0] * 0.75)) / 24)
    smaller, below = [], []
    for small, large in zip(TEXT_SCALES, TEXT_SCALES[1:], strict=False):
        for screen, found in sizes[large].items():
            for text, px in found.items():
                old = sizes[small].get(screen, {}).get(text)
                if old is not None and px < old:
                    smaller.append(f"{screen} x{small}->x{large}: {old} -> {px} px {text[:40]!r}")
    if theme == "projector":
        below = [
            f"{screen} x{scale}: {px} px < {floor} {text[:40]!r}"
            for scale in TEXT_SCALES
            for screen, found in sizes[scale].items()
            for text, px in found.items()
            if px < floor
        ]
    measured = sum(len(found) for s in sizes.values() for found in s.values())
    return smaller, below, measured
