"""Play every card of every shipped deck headless and save each screen, for reading them with
your own eyes: the card with the whole chat, the explain screen, and the feedback screen for the
safe answer with the right reason and for a not-safe answer with a wrong reason.

    .venv/bin/python tools/render_every_card.py [OUT_DIR] [--lang en|sv] [--size 1280x720]
                                                 [--deck STEM ...] [--no-images]

Writes OUT_DIR/<deck>-<card-id>-<screen>.png (default OUT_DIR: /tmp/redflags-cards/<lang>-<size>)
and OUT_DIR/summary.txt; a feedback shown on pages gives one image a page (…-feedback-unsafe.png,
…-feedback-unsafe-p2.png). From the render log (game/ui/context.py) it lists every card text that
was drawn at the floor size (height/40), dropped (shown on no page of its screen: a chat message
left out, a feedback explanation that did not fit), overflowing its box (a chat taller than the
phone, a label taller than its button, a text outside the panels of its feedback page), or broken
mid-word — plus anything the layout tests would fail (tests/ui/test_screens.py `check_layout`).
The "pages" column says on how many pages a feedback was shown. Exit status 1 when any box was
dropped, overflowed or failed the layout checks.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("REDFLAGS_CONFIG_DIR", "/tmp/redflags-cards-config")
os.environ.setdefault("REDFLAGS_DATA_DIR", "/tmp/redflags-cards-data")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pygame  # noqa: E402

from game.model.cards import Card  # noqa: E402
from game.ui.context import TextRecord  # noqa: E402
from tests.ui.card_walk import (  # noqa: E402
    LANGUAGES,
    Shot,
    deck,
    deck_files,
    feedback_texts,
    language_driver,
    missing,
    plain,
    play_deck,
)
from tests.ui.test_screens import check_layout  # noqa: E402

SERIOUS = ("dropped", "overflow", "layout")


@dataclass
class Row:
    deck: str
    card: str
    screen: str
    min_size: int
    floor: int
    findings: list[str] = field(default_factory=list)
    pages: int = 1


def expected(shot: Shot) -> list[tuple[str, str, list[pygame.Rect] | None]]:
    """(what, text, the boxes it must stay inside one of) for the card texts this screen must
    show; on a feedback page, only the texts this page shows (the pages together are checked
    for dropped texts by `missing`)."""
    scene: Any = shot.scene
    card: Card = shot.card
    st = scene.state
    out: list[tuple[str, str, list[pygame.Rect] | None]] = []
    if shot.screen == "card":
        out.append(("setup", card.setup, [scene.setup_rect]))
        out += [(f"chat{i + 1}", m.text, [scene.chat_area]) for i, m in enumerate(card.chat)]
        out.append(("question", card.question, [scene.question_rect]))
        out += [(f"option{i + 1}", b.label, [b.rect]) for i, b in enumerate(scene.options)]
    elif shot.screen.startswith("explain"):
        chosen = card.responses[st.choice or 0]
        out.append(("chosen", chosen.text, [scene.chosen_rect]))
        out += [(f"reason{i + 1}", b.label, [b.rect]) for i, b in enumerate(scene.reasons)]
    else:
        shown = {plain(r.text) for r in shot.records}
        for what, text, kind in feedback_texts(card, st.choice or 0, st.reason or 0):
            if plain(text) in shown:
                out.append((what, text, shot.boxes.get(kind) or None))
    return out


def inspect(shot: Shot, size: tuple[int, int]) -> Row:
    floor = math.ceil(size[1] / 40)
    records: list[TextRecord] = shot.records
    by_text: dict[str, TextRecord] = {}
    for r in records:
        by_text.setdefault(plain(r.text), r)
    row = Row("", shot.card.id, shot.screen, 10_000, floor)
    for what, text, box in expected(shot):
        rec = by_text.get(plain(text))
        if rec is None:
            row.findings.append(f"dropped {what}")
            continue
        row.min_size = min(row.min_size, rec.size)
        if rec.size <= floor:
            row.findings.append(f"floor {what}")
        if box is not None and not any(b.contains(rec.rect) for b in box):
            row.findings.append(f"overflow {what}")
        if len(" ".join(rec.lines).split()) > len(rec.text.split()):
            row.findings.append(f"broken-word {what}")
    try:
        check_layout(records, size)
    except AssertionError as exc:
        row.findings.append(f"layout: {str(exc).splitlines()[0]}")
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?")
    parser.add_argument("--lang", choices=LANGUAGES, default="en")
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--deck", action="append", help="only these deck files (stem)")
    parser.add_argument("--no-images", action="store_true", help="only the summary")
    args = parser.parse_args()
    w, h = (int(v) for v in args.size.split("x"))
    out = Path(args.out or f"/tmp/redflags-cards/{args.lang}-{w}x{h}")
    out.mkdir(parents=True, exist_ok=True)
    d = language_driver((w, h), args.lang)
    rows: list[Row] = []
    for stem in args.deck or deck_files(args.lang):
        pages: list[Shot] = []  # the pages of the feedback being shown
        for shot in play_deck(d, deck(args.lang, stem)):
            if not args.no_images:
                d.screenshot(out / f"{stem}-{shot.card.id}-{shot.screen}.png")
            row = inspect(shot, (w, h))
            row.deck = stem
            rows.append(row)
            if shot.feedback:
                pages = [*pages, shot] if shot.page > 1 else [shot]
                if shot.page == shot.pages:  # the last page: what did no page show?
                    first = rows[-shot.pages]
                    first.pages = shot.pages
                    first.findings += [f"dropped {what}" for what in missing(pages)]
    pygame.quit()

    flagged = [r for r in rows if r.findings]
    lines = [
        f"{args.lang} {w}x{h}: {len(rows)} screens of {len({r.card for r in rows})} cards; "
        f"floor = {math.ceil(h / 40)} px; {len(flagged)} screens with findings",
        "",
        f"{'deck':<18} {'card':<34} {'screen':<19} {'min px':>6}  findings",
        f"{'-' * 18} {'-' * 34} {'-' * 19} {'-' * 6}  {'-' * 30}",
    ]
    for r in flagged:
        lines.append(
            f"{r.deck:<18} {r.card:<34} {r.screen:<19} {r.min_size:>6}  {', '.join(r.findings)}"
        )
    paged = [r for r in rows if r.pages > 1]
    if paged:
        lines += ["", f"feedback on pages ({len(paged)}):"]
        lines += [f"  {r.deck:<18} {r.card:<34} {r.screen:<19} {r.pages}" for r in paged]
    totals: dict[str, int] = {}
    for r in flagged:
        for f in r.findings:
            kind = f.split()[0].rstrip(":")
            totals[kind] = totals.get(kind, 0) + 1
    lines += ["", "totals: " + (", ".join(f"{k} {v}" for k, v in sorted(totals.items())) or "none")]
    text = "\n".join(lines)
    (out / "summary.txt").write_text(text + "\n", encoding="utf-8")
    print(text)
    print(out)
    return 1 if any(f.split()[0].rstrip(":") in SERIOUS for r in rows for f in r.findings) else 0


if __name__ == "__main__":
    raise SystemExit(main())
