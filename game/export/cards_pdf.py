"""A printable card set for offline play (A4, duplex).

Layout (chosen for duplex printing on any office printer):

* Each A4 portrait sheet holds **two cards stacked**, each card almost A5 in landscape
  (186 x 128 mm) with cut marks at its corners.
* The cards come in pairs of pages: a **fronts page** (setup, chat, question, options 1-4 and
  the reasons A-C, in the file's order) followed by a **backs page** (each option's rating as a
  shape and a word with its feedback, the reasons with the right one marked, the red flag with
  the tactic's name from the glossary and the message where it shows, the takeaway and the
  discussion prompts).
* Print double-sided and **flip on the long edge** (the usual default). Long-edge flipping
  mirrors a sheet left to right, so a backs page lists its cards in mirrored column order;
  because every card spans the full width of the sheet, the mirror leaves each card in its own
  row, and each back lands exactly behind its front. Then cut along the marks.
* Printed single-sided, the sheets still work: cut out fronts and backs and glue or clip them.

So N cards make 2 * ceil(N / 2) pages. Text never clips: a card whose text is long is laid out
again at smaller font sizes, step by step, until it fits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from game.content.glossary import Glossary, glossary
from game.export._pdf import (
    ACCENT,
    ACCENT_DARK,
    ACCENT_TINT,
    BODY,
    FLAG,
    FLAG_TINT,
    HAIRLINE,
    HEAD,
    INK,
    MUTED,
    PANEL,
    PT,
    RATING_COLOUR,
    THEIRS,
    WHITE,
    YOURS,
    Doc,
    clean,
    file_path,
    flag_icon,
    language,
    rating_icon,
    reason_icon,
)
from game.i18n import _, current_language
from game.model.cards import AgeBand, Card, Rating, Sender

log = logging.getLogger(__name__)

PAGE_W, PAGE_H = 210.0, 297.0
CARD_W, CARD_H = 186.0, 128.0
CARD_X = (PAGE_W - CARD_W) / 2
SLOT_Y = (17.0, 157.0)  # two cards per sheet; the 12 mm gap holds the cut marks
COLUMNS = 1  # cards per row; the backs page mirrors the column order for long-edge flipping
CARDS_PER_PAGE = len(SLOT_Y) * COLUMNS

FRAME_INSET = 2.5
BAND_H = 9.0
PAD_X = 8.0
COL_GAP = 7.0
CONTENT_TOP = FRAME_INSET + BAND_H + 4.5
CONTENT_BOTTOM = CARD_H - 9.5  # leaves a line for the card's id at the bottom

SCALES = tuple(round(1.3 * 0.94**i, 4) for i in range(18))  # 130 % down to about 45 %


def pages_for(card_count: int) -> int:
    """How many pages `render_cards` makes for this many cards (fronts and backs)."""
    sheets = -(-card_count // CARDS_PER_PAGE)
    return 2 * sheets


def back_slot(slot: int) -> int:
    """Where the back of the card in `slot` goes on the backs page (long-edge flip).

    Slots are numbered row by row. Flipping on the long edge mirrors columns, not rows.
    """
    row, col = divmod(slot, COLUMNS)
    return row * COLUMNS + (COLUMNS - 1 - col)


def slot_origin(slot: int) -> tuple[float, float]:
    row, col = divmod(slot, COLUMNS)
    return CARD_X + col * CARD_W, SLOT_Y[row]


# A block draws (or, with draw=False, only measures) itself at (x, y) in width w at scale s.
Block = Callable[[Doc, float, float, float, float, bool], float]


@dataclass
class Fit:
    scale: float
    left: list[Block]
    right: list[Block]


def render_cards(
    cards: Sequence[Card], language_code: str, path: Path | str, *, title: str | None = None
) -> Path:
    """Write the card set for `cards` to `path` as a PDF and return the path."""
    if not cards:
        raise ValueError("there are no cards to print")
    out = file_path(path)
    with language(language_code):
        heading = clean(title) if title else _("Scenario cards")
        doc = Doc("portrait", title=f"Red Flags - {heading}", lang=language_code)
        doc.set_auto_page_break(False)
        sheets = [cards[i : i + CARDS_PER_PAGE] for i in range(0, len(cards), CARDS_PER_PAGE)]
        total_pages = pages_for(len(cards))
        number = 0
        for sheet_index, sheet in enumerate(sheets):
            doc.add_page()
            _page_frame(doc, heading, _("Fronts"), doc.page_no(), total_pages)
            for slot, card in enumerate(sheet):
                x, y = slot_origin(slot)
                _cut_marks(doc, x, y)
                _front(doc, card, sheet_index * CARDS_PER_PAGE + slot + 1, x, y)
            doc.add_page()
            _page_frame(doc, heading, _("Backs"), doc.page_no(), total_pages)
            for slot, card in enumerate(sheet):
                x, y = slot_origin(back_slot(slot))
                _cut_marks(doc, x, y)
                _back(doc, card, sheet_index * CARDS_PER_PAGE + slot + 1, x, y)
            number += len(sheet)
        doc.output(str(out))
    return out


# --- the page around the cards ----------------------------------------------------------------


def _page_frame(doc: Doc, heading: str, side: str, page: int, total: int) -> None:
    doc.use(HEAD, "", 8.5, ACCENT_DARK)
    doc.text_at(CARD_X, 5.2, 90, f"Red Flags  ·  {heading}")
    doc.use(BODY, "", 7.5, MUTED)
    hint = _("Print double-sided, flip on the long edge, then cut along the marks.")
    doc.text_at(CARD_X + 60, 5.5, CARD_W - 60, hint, align="R")
    doc.use(BODY, "", 7.5, MUTED)
    inner = CARD_X + 8.0  # clear of the cut marks at the card corners
    doc.text_at(inner, PAGE_H - 9.5, CARD_W / 2, side)
    doc.text_at(
        PAGE_W / 2,
        PAGE_H - 9.5,
        PAGE_W - inner - PAGE_W / 2,
        _("Page {page} of {total}").format(page=page, total=total),
        align="R",
    )


def _cut_marks(doc: Doc, x: float, y: float) -> None:
    gap, length = 1.5, 4.0
    doc.line_rgb(INK, 0.2)
    for cx, sx in ((x, -1), (x + CARD_W, 1)):
        for cy, sy in ((y, -1), (y + CARD_H, 1)):
            doc.line(cx + sx * gap, cy, cx + sx * (gap + length), cy)
            doc.line(cx, cy + sy * gap, cx, cy + sy * (gap + length))


def _card_frame(doc: Doc, x: float, y: float, back: bool, number: int, card: Card) -> None:
    fx, fy = x + FRAME_INSET, y + FRAME_INSET
    fw, fh = CARD_W - 2 * FRAME_INSET, CARD_H - 2 * FRAME_INSET
    doc.line_rgb(HAIRLINE, 0.3)
    doc.fill_rgb(WHITE)
    doc.rect(fx, fy, fw, fh, style="DF", round_corners=True, corner_radius=4)
    band = ACCENT if back else ACCENT_TINT
    doc.fill_rgb(band)
    doc.rect(
        fx, fy, fw, BAND_H, style="F", round_corners=("TOP_LEFT", "TOP_RIGHT"), corner_radius=4
    )
    ink = WHITE if back else ACCENT_DARK
    flag_icon(doc, fx + 5.5, fy + 2.2, 4.6, WHITE if back else FLAG)
    doc.use(HEAD, "B", 9.5, ink)
    label = _("Answers") if back else "Red Flags"
    doc.text_at(fx + 10.5, fy + 2.3, 70, label.upper() if back else label)
    doc.use(BODY, "B", 8.5, ink)
    right = audience(card) + "   ·   " + _("Card {n}").format(n=number)
    doc.text_at(fx + 60, fy + 2.6, fw - 65, right, align="R")
    # the card's id, small, at the bottom, so the guide's notes can be found
    doc.use(BODY, "", 6.5, MUTED)
    doc.text_at(fx + PAD_X - FRAME_INSET, y + CARD_H - 8.3, 90, card.id)
    if not back:
        doc.text_at(
            fx + fw / 2,
            y + CARD_H - 8.3,
            fw / 2 - PAD_X + FRAME_INSET,
            _("Answers on the back"),
            align="R",
        )


def audience(card: Card) -> str:
    """'Ages 10-12, 13-15', or 'For adults' for the adults' deck."""
    players = [b.value for b in card.age_bands if b is not AgeBand.ADULTS]
    parts = []
    if players:
        parts.append(_("Ages {bands}").format(bands=", ".join(players)))
    if AgeBand.ADULTS in card.age_bands:
        parts.append(_("For adults"))
    return " · ".join(parts)


# --- fitting ----------------------------------------------------------------------------------


def _column_height(doc: Doc, blocks: Sequence[Block], w: float, s: float) -> float:
    return sum(block(doc, 0, 0, w, s, False) for block in blocks)


def _fit(
    doc: Doc, splits: Sequence[tuple[list[Block], list[Block]]], widths: tuple[float, float]
) -> Fit:
    """The largest scale at which one of the splits fits; the first split wins at a tie.

    Text gets taller as the scale grows, so a binary search over the steps finds it quickly.
    """
    avail = CONTENT_BOTTOM - CONTENT_TOP

    def first_fitting(s: float) -> tuple[list[Block], list[Block]] | None:
        for left, right in splits:
            if (
                _column_height(doc, left, widths[0], s) <= avail
                and _column_height(doc, right, widths[1], s) <= avail
            ):
                return left, right
        return None

    lo, hi = 0, len(SCALES) - 1  # SCALES run from large to small
    best: tuple[int, tuple[list[Block], list[Block]]] | None = None
    while lo <= hi:
        mid = (lo + hi) // 2
        found = first_fitting(SCALES[mid])
        if found is not None:
            best = (mid, found)
            hi = mid - 1
        else:
            lo = mid + 1
    if best is None:
        log.warning("a card's text is very long; it is printed at the smallest size")
        left, right = splits[0]
        return Fit(SCALES[-1], left, right)
    return Fit(SCALES[best[0]], *best[1])


def _draw_columns(doc: Doc, fit: Fit, x: float, y: float, widths: tuple[float, float]) -> None:
    top = y + CONTENT_TOP
    cx = x + PAD_X
    for blocks, w in ((fit.left, widths[0]), (fit.right, widths[1])):
        cy = top
        for block in blocks:
            cy += block(doc, cx, cy, w, fit.scale, True)
        cx += w + COL_GAP


# --- fronts -----------------------------------------------------------------------------------

FRONT_WIDTHS = (79.0, CARD_W - 2 * PAD_X - COL_GAP - 79.0)
BACK_WIDTHS = ((CARD_W - 2 * PAD_X - COL_GAP) / 2,) * 2


def fit_scales(cards: Sequence[Card], language_code: str = "en") -> list[tuple[float, float]]:
    """The (front, back) text scale each card is printed at; 1.0 is the base size."""
    with language(language_code):
        doc = Doc("portrait", lang=language_code)
        doc.add_page()
        return [
            (
                _fit(doc, _front_splits(card), FRONT_WIDTHS).scale,
                _fit(doc, _back_splits(card), BACK_WIDTHS).scale,
            )
            for card in cards
        ]


def _front_splits(card: Card) -> list[tuple[list[Block], list[Block]]]:
    left: list[Block] = [_setup_block(card), _chat_block(card)]
    right: list[Block] = [_question_block(card)]
    right += [_option_block(i, r.text) for i, r in enumerate(card.responses)]
    right.append(_why_heading_block())
    right += [_reason_front_block(i, r.text) for i, r in enumerate(card.reasons)]
    return [(left, right)]


def _front(doc: Doc, card: Card, number: int, x: float, y: float) -> None:
    _card_frame(doc, x, y, False, number, card)
    fit = _fit(doc, _front_splits(card), FRONT_WIDTHS)
    _draw_columns(doc, fit, x, y, FRONT_WIDTHS)


def _setup_block(card: Card) -> Block:
    text = clean(card.setup)

    def block(doc: Doc, x: float, y: float, w: float, s: float, draw: bool) -> float:
        doc.use(BODY, "", 10 * s, INK)
        return doc.para(x, y, w, text, draw=draw) + 3.2 * s

    return block


def _chat_block(card: Card) -> Block:
    messages = [(m.sender, clean(m.name) if m.name else "", clean(m.text)) for m in card.chat]

    def block(doc: Doc, x: float, y: float, w: float, s: float, draw: bool) -> float:
        pad = 3.0 * s
        inner = w - 2 * pad
        size = 9.5 * s
        line_h = size * PT * 1.22
        bx_pad, by_pad = 2.4 * s, 1.5 * s
        max_text_w = inner * 0.80 - 2 * bx_pad
        cy = y + pad
        previous: tuple[Sender, str] | None = None
        ops: list[Callable[[], None]] = []
        for sender, name, text in messages:
            if sender is Sender.NOTE:
                doc.use(BODY, "I", 7.8 * s, MUTED)
                h = doc.para(x + pad, cy, inner, text, draw=False, leading=1.2)
                if draw:
                    ops.append(_note_op(doc, x + pad, cy, inner, text, s))
                cy += h + 1.8 * s
                previous = None
                continue
            if (sender, name) != previous:
                if previous is not None:
                    cy += 1.0 * s
                if sender is Sender.THEM and name:
                    doc.use(BODY, "B", 7.5 * s, MUTED)
                    if draw:
                        ops.append(_label_op(doc, x + pad + 1.0, cy, inner, name, s))
                    cy += 7.5 * s * PT * 1.25
            doc.use(BODY, "", size, INK)
            lines = doc.lines_of(text, max_text_w)
            text_w = max(doc.string_width(line) for line in lines) if lines else 0
            bw = min(max_text_w, text_w + 0.5) + 2 * bx_pad
            bh = len(lines) * line_h + 2 * by_pad
            bx = x + pad if sender is Sender.THEM else x + w - pad - bw
            if draw:
                ops.append(
                    _bubble_op(doc, bx, cy, bw, bh, bx_pad, by_pad, text, sender, size, line_h)
                )
            cy += bh + 1.6 * s
            previous = (sender, name)
        height = cy - y - 1.6 * s + pad
        if draw:
            doc.fill_rgb(PANEL)
            doc.line_rgb(HAIRLINE, 0.25)
            doc.rect(x, y, w, height, style="DF", round_corners=True, corner_radius=3.5)
            for op in ops:
                op()
        return height

    return block


def _label_op(doc: Doc, x: float, y: float, w: float, name: str, s: float) -> Callable[[], None]:
    def op() -> None:
        doc.use(BODY, "B", 7.5 * s, MUTED)
        doc.text_at(x, y, w, name)

    return op


def _note_op(doc: Doc, x: float, y: float, w: float, text: str, s: float) -> Callable[[], None]:
    def op() -> None:
        doc.use(BODY, "I", 7.8 * s, MUTED)
        doc.para(x, y, w, text, align="C", leading=1.2)

    return op


def _bubble_op(
    doc: Doc,
    x: float,
    y: float,
    w: float,
    h: float,
    px: float,
    py: float,
    text: str,
    sender: Sender,
    size: float,
    line_h: float,
) -> Callable[[], None]:
    def op() -> None:
        doc.fill_rgb(THEIRS if sender is Sender.THEM else YOURS)
        radius = min(2.8, h / 2)
        corners: tuple[str, ...] = (
            ("TOP_RIGHT", "BOTTOM_LEFT", "BOTTOM_RIGHT")
            if sender is Sender.THEM
            else ("TOP_LEFT", "TOP_RIGHT", "BOTTOM_LEFT")
        )
        doc.rect(x, y, w, h, style="F", round_corners=corners, corner_radius=radius)
        doc.use(BODY, "", size, INK)
        doc.para(x + px, y + py, w - 2 * px + 0.5, text, leading=line_h / (size * PT))

    return op


def _question_block(card: Card) -> Block:
    text = clean(card.question)

    def block(doc: Doc, x: float, y: float, w: float, s: float, draw: bool) -> float:
        doc.use(HEAD, "", 13 * s, ACCENT_DARK)
        return doc.para(x, y, w, text, draw=draw, leading=1.15) + 2.6 * s

    return block


def _option_block(index: int, raw: str) -> Block:
    text = clean(raw)

    def block(doc: Doc, x: float, y: float, w: float, s: float, draw: bool) -> float:
        r = 2.7 * s
        pad = 1.8 * s
        tx = x + 2 * r + 4.0 * s
        doc.use(BODY, "", 10 * s, INK)
        th = doc.para(tx, y + pad, x + w - tx - pad, text, draw=False, leading=1.2)
        h = max(th, 2 * r) + 2 * pad
        if draw:
            doc.fill_rgb(WHITE)
            doc.line_rgb(HAIRLINE, 0.3)
            doc.rect(x, y, w, h, style="DF", round_corners=True, corner_radius=2.4)
            doc.label_in_disc(x + pad + r, y + h / 2, r, str(index + 1), ACCENT)
            doc.use(BODY, "", 10 * s, INK)
            doc.para(tx, y + (h - th) / 2, x + w - tx - pad, text, leading=1.2)
        return h + 1.8 * s

    return block


def _why_heading_block() -> Block:
    def block(doc: Doc, x: float, y: float, w: float, s: float, draw: bool) -> float:
        doc.use(HEAD, "", 9.5 * s, ACCENT_DARK)
        top = 2.2 * s
        text = _("Then: why is the safe choice right?")
        return top + doc.para(x, y + top, w, text, draw=draw, leading=1.15) + 1.4 * s

    return block


def _reason_front_block(index: int, raw: str) -> Block:
    text = clean(raw)
    letter = "ABC"[index] if index < 3 else str(index + 1)

    def block(doc: Doc, x: float, y: float, w: float, s: float, draw: bool) -> float:
        box = 4.4 * s
        tx = x + box + 2.6 * s
        doc.use(BODY, "", 9.2 * s, INK)
        th = doc.para(tx, y, x + w - tx, text, draw=False, leading=1.2)
        if draw:
            doc.fill_rgb(WHITE)
            doc.line_rgb(ACCENT, 0.35)
            doc.rect(x, y + 0.1, box, box, style="DF", round_corners=True, corner_radius=1.0)
            doc.use(HEAD, "", 8 * s, ACCENT)
            doc.set_xy(x, y + 0.1 + (box - 8 * s * PT * 1.2) / 2)
            doc.cell(box, 8 * s * PT * 1.2, letter, align="C")
            doc.use(BODY, "", 9.2 * s, INK)
            doc.para(tx, y, x + w - tx, text, leading=1.2)
        return max(th, box) + 1.3 * s

    return block


# --- backs ------------------------------------------------------------------------------------


def _back(doc: Doc, card: Card, number: int, x: float, y: float) -> None:
    _card_frame(doc, x, y, True, number, card)
    fit = _fit(doc, _back_splits(card), BACK_WIDTHS)
    _draw_columns(doc, fit, x, y, BACK_WIDTHS)


def _back_splits(card: Card) -> list[tuple[list[Block], list[Block]]]:
    """Options left and the rest right; if that does not fit, move blocks to balance."""
    words = glossary(current_language())
    options: list[Block] = [_heading_block(_("What happens"), first=True)]
    options += [
        _feedback_block(i, r.rating, words.rating_word(r.rating), r.feedback)
        for i, r in enumerate(card.responses)
    ]
    reasons: list[Block] = [_heading_block(_("Why?"), first=True)]
    reasons += [
        _reason_back_block(i, r.right, r.text, r.feedback) for i, r in enumerate(card.reasons)
    ]
    flag = [_red_flag_block(card, words)]
    takeaway = [_takeaway_block(card.takeaway)]
    discuss = [_discuss_block(card.discuss)]
    return [
        (options, reasons + flag + takeaway + discuss),
        (options + discuss, reasons + flag + takeaway),
        (options + takeaway + discuss, reasons + flag),
        (options + reasons, flag + takeaway + discuss),
    ]


def _heading_block(text: str, first: bool = False) -> Block:
    def block(doc: Doc, x: float, y: float, w: float, s: float, draw: bool) -> float:
        doc.use(HEAD, "", 10.5 * s, ACCENT_DARK)
        top = 0 if first else 2 * s
        return top + doc.para(x, y + top, w, text, draw=draw, leading=1.1) + 1.6 * s

    return block


def _feedback_block(index: int, rating: Rating, word: str, raw: str) -> Block:
    text = clean(raw)

    def block(doc: Doc, x: float, y: float, w: float, s: float, draw: bool) -> float:
        r = 2.3 * s
        row_h = 2 * r + 0.4
        doc.use(BODY, "", 8.8 * s, INK)
        indent = 2 * r + 2.2 * s
        th = doc.para(x + indent, y + row_h + 0.6 * s, w - indent, text, draw=False, leading=1.2)
        if draw:
            doc.label_in_disc(x + r, y + row_h / 2, r, str(index + 1), ACCENT)
            ix = x + 2 * r + 2.2 * s + r
            rating_icon(doc, rating, ix, y + row_h / 2, r * 0.95)
            doc.use(BODY, "B", 9.6 * s, RATING_COLOUR[rating])
            doc.text_at(ix + r + 1.8 * s, y + row_h / 2 - 9.6 * s * PT * 0.66, w, word)
            doc.use(BODY, "", 8.8 * s, INK)
            doc.para(x + indent, y + row_h + 0.6 * s, w - indent, text, leading=1.2)
        return row_h + 0.6 * s + th + 2.4 * s

    return block


def _reason_back_block(index: int, right: bool, raw_text: str, raw_feedback: str) -> Block:
    text = clean(raw_text)
    feedback = clean(raw_feedback)
    letter = "ABC"[index] if index < 3 else str(index + 1)

    def block(doc: Doc, x: float, y: float, w: float, s: float, draw: bool) -> float:
        r = 2.2 * s
        indent = 2 * r + 2.2 * s
        mark = _("Right reason") if right else _("Not quite")
        doc.use(BODY, "B", 8.8 * s, INK)
        head = f"{letter}  ·  {mark}:  {text}"
        h1 = doc.para(x + indent, y, w - indent, head, draw=False, leading=1.2)
        doc.use(BODY, "", 8.6 * s, INK)
        h2 = doc.para(x + indent, y + h1, w - indent, feedback, draw=False, leading=1.2)
        if draw:
            reason_icon(doc, right, x + r, y + 8.8 * s * PT * 0.62, r)
            doc.use(BODY, "B", 8.8 * s, RATING_COLOUR[Rating.SAFE] if right else INK)
            doc.para(x + indent, y, w - indent, head, leading=1.2)
            doc.use(BODY, "", 8.6 * s, INK)
            doc.para(x + indent, y + h1, w - indent, feedback, leading=1.2)
        return h1 + h2 + 2.0 * s

    return block


def _boxed(
    doc: Doc,
    x: float,
    y: float,
    w: float,
    s: float,
    draw: bool,
    label: str,
    text: str,
    fill: tuple[int, int, int],
    ink: tuple[int, int, int],
    flag: bool,
    extra: Sequence[str] = (),
) -> float:
    pad = 2.4 * s
    icon_w = 5.0 * s if flag else 0
    doc.use(HEAD, "", 8.6 * s, ink)
    lh = doc.para(x + pad + icon_w, y + pad, w - 2 * pad - icon_w, label, draw=False, leading=1.1)
    doc.use(BODY, "B", 9.4 * s, INK)
    th = doc.para(x + pad, y + pad + lh + 0.6 * s, w - 2 * pad, text, draw=False, leading=1.2)
    doc.use(BODY, "", 8.4 * s, INK)
    extra_h = [doc.para(x + pad, 0, w - 2 * pad, t, draw=False, leading=1.2) for t in extra]
    h = pad + lh + 0.6 * s + th + sum(e + 0.5 * s for e in extra_h) + pad
    if draw:
        doc.fill_rgb(fill)
        doc.rect(x, y, w, h, style="F", round_corners=True, corner_radius=2.4)
        if flag:
            flag_icon(doc, x + pad + 0.4, y + pad - 0.1, 3.8 * s, ink)
        doc.use(HEAD, "", 8.6 * s, ink)
        doc.para(x + pad + icon_w, y + pad, w - 2 * pad - icon_w, label, leading=1.1)
        doc.use(BODY, "B", 9.4 * s, INK)
        doc.para(x + pad, y + pad + lh + 0.6 * s, w - 2 * pad, text, leading=1.2)
        ty = y + pad + lh + 0.6 * s + th
        doc.use(BODY, "", 8.4 * s, INK)
        for t, eh in zip(extra, extra_h):
            ty += 0.5 * s
            doc.para(x + pad, ty, w - 2 * pad, t, leading=1.2)
            ty += eh
    return h + 2.2 * s


def flag_lines(card: Card, words: Glossary) -> list[str]:
    """The red flag's box on a card back: the red flag, the tactic's name (glossary) and where
    it shows — the message quoted, so it can be found on the front."""
    lines = [clean(card.red_flag)]
    names = " / ".join(words.tactic_name(t) for t in card.tags[:2])
    lines.append(f"{words.word('trick')}: {clean(names)}")
    where = words.where(card.flag_at)
    if isinstance(card.flag_at, list):
        quotes = [clean(card.chat[n - 1].text) for n in card.flag_at if 1 <= n <= len(card.chat)]
        quoted = " ".join(f"“{_shorten(q)}”" for q in quotes)
        lines.append(f"{words.word('where')}: {where} {quoted}".strip())
    elif where:
        lines.append(f"{words.word('where')}: {where}")
    return lines


def _shorten(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _red_flag_block(card: Card, words: Glossary) -> Block:
    lines = flag_lines(card, words)

    def block(doc: Doc, x: float, y: float, w: float, s: float, draw: bool) -> float:
        h = _boxed(doc, x, y, w, s, draw, _("Red flag"), lines[0], FLAG_TINT, FLAG, True, lines[1:])
        return h

    return block


def _takeaway_block(raw: str) -> Block:
    text = clean(raw)

    def block(doc: Doc, x: float, y: float, w: float, s: float, draw: bool) -> float:
        return _boxed(doc, x, y, w, s, draw, _("Remember"), text, ACCENT_TINT, ACCENT_DARK, False)

    return block


def _discuss_block(prompts: Sequence[str]) -> Block:
    items = [clean(p) for p in prompts]

    def block(doc: Doc, x: float, y: float, w: float, s: float, draw: bool) -> float:
        doc.use(HEAD, "", 8.6 * s, ACCENT_DARK)
        h = doc.para(x, y, w, _("Talk about it"), draw=draw, leading=1.1) + 0.8 * s
        doc.use(BODY, "", 8.8 * s, INK)
        indent = 3.2 * s
        for item in items:
            if draw:
                doc.disc(x + 0.9 * s, y + h + 8.8 * s * PT * 0.62, 0.65 * s, ACCENT)
                doc.use(BODY, "", 8.8 * s, INK)
            h += doc.para(x + indent, y + h, w - indent, item, draw=draw, leading=1.2) + 0.8 * s
        return h + 1.0 * s

    return block
