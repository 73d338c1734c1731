"""The one-page "Where to get help" handout for a region.

It always fits on one A4 page: if a region lists many services, the page is laid out again at
smaller sizes until it does.
"""

from __future__ import annotations

from pathlib import Path

from game.content.glossary import glossary
from game.content.help import Region
from game.export import _text as words
from game.export._pdf import (
    ACCENT,
    ACCENT_DARK,
    BODY,
    FLAG,
    HEAD,
    INK,
    MUTED,
    PANEL,
    WHITE,
    Doc,
    clean,
    file_path,
    fitting_size,
    flag_icon,
    language,
)
from game.export.icons import move_icon
from game.i18n import _

MARGIN = 16.0
PAGE_W, PAGE_H = 210.0, 297.0
SCALES = tuple(round(1.4 * 0.95**i, 4) for i in range(22))  # 140 % down to about 48 %


def render_help(region: Region, language_code: str, path: Path | str) -> Path:
    """Write the one-page help handout for `region` to `path` and return the path."""
    out = file_path(path)
    with language(language_code):
        # the largest scale that fits one page; bigger scales are taller, so search by halves
        lo, hi = 0, len(SCALES) - 1
        doc = None
        while lo <= hi:
            mid = (lo + hi) // 2
            attempt = _page(region, language_code, SCALES[mid])
            if attempt is not None:
                doc, hi = attempt, mid - 1
            else:
                lo = mid + 1
        if doc is None:  # pragma: no cover - a region with dozens of services
            doc = _page(region, language_code, SCALES[-1], force=True)
            assert doc is not None
        doc.output(str(out))
    return out


def _page(region: Region, lang: str, s: float, force: bool = False) -> Doc | None:
    """The handout at scale `s`, or None when it does not fit on one page."""
    title = _("Where to get help")
    doc = Doc("portrait", title=f"Red Flags - {title}", lang=lang)
    doc.set_auto_page_break(False)
    doc.add_page()
    x, w = MARGIN, PAGE_W - 2 * MARGIN
    y = MARGIN

    # the banner
    banner_h = 50.0 * max(s, 0.8)
    doc.fill_rgb(ACCENT)
    doc.rect(x, y, w, banner_h, style="F", round_corners=True, corner_radius=6)
    flag_icon(doc, x + 10, y + 9, 10, WHITE)
    doc.use(HEAD, "B", 10.5, WHITE)
    doc.text_at(x + 21, y + 10, 60, "RED FLAGS")
    doc.use(BODY, "B", 10.5, WHITE)
    doc.text_at(x + w / 2, y + 10, w / 2 - 10, clean(region.name_in(lang)), align="R")
    doc.use(HEAD, "B", 32 * max(s, 0.8), WHITE)
    doc.para(x + 10, y + 20 * max(s, 0.8), w - 20, title, leading=1.1)
    doc.use(HEAD, "", 14.5 * max(s, 0.8), WHITE)
    doc.para(
        x + 10, y + 35.5 * max(s, 0.8), w - 20, glossary(lang).word("never_your_fault"), leading=1.2
    )
    y += banner_h + 8 * s

    # the safe moves, as five tiles
    doc.use(HEAD, "B", 15 * s, ACCENT_DARK)
    doc.text_at(x, y, w, _("The safe moves"))
    y += 9 * s
    moves = words.safe_moves(lang)
    gap = 3.0
    tile_w = (w - gap * (len(moves) - 1)) / len(moves)
    inner = tile_w - 5
    r = 7.0 * s
    heights = []
    for _key, move in moves:
        doc.use(HEAD, "", 10.5 * s, INK)
        th = doc.para(0, 0, inner, move.name, draw=False, leading=1.15, align="C")
        doc.use(BODY, "", 9 * s, INK)
        bh = doc.para(0, 0, inner, move.short, draw=False, leading=1.25, align="C")
        heights.append((th, bh))
    title_h = max(t for t, _b in heights)
    tile_h = 4 + 2 * r + 3 + title_h + 2 + max(b for _t, b in heights) + 4
    for i, (key, move) in enumerate(moves):
        tx = x + i * (tile_w + gap)
        doc.fill_rgb(PANEL)
        doc.rect(tx, y, tile_w, tile_h, style="F", round_corners=True, corner_radius=3.5)
        doc.label_in_disc(tx + 4.2, y + 4.2, 2.6, str(i + 1), ACCENT_DARK)
        move_icon(doc, key, tx + tile_w / 2, y + 4 + r, r)
        ty = y + 4 + 2 * r + 3
        doc.use(HEAD, "", 10.5 * s, INK)
        doc.para(tx + 2.5, ty, inner, move.name, leading=1.15, align="C")
        doc.use(BODY, "", 9 * s, INK)
        doc.para(tx + 2.5, ty + title_h + 2, inner, move.short, leading=1.25, align="C")
    y += tile_h + 9 * s

    # the services
    doc.use(HEAD, "B", 15 * s, ACCENT_DARK)
    doc.text_at(x, y, w, _("Who can help"))
    y += 9 * s
    for service in region.services:
        name, shown = clean(service.name), bool(service.shown_contact)
        about = clean(service.about_in(lang))
        # "116 111 · chat: bris.se": the number large, the other ways to reach them below it
        parts = [clean(p) for p in service.contact.split("·") if clean(p)]
        pad = 4.0 * s
        col = w * 0.56
        contact_w = w - col - 2 * pad
        doc.use(HEAD, "", 12 * s, INK)
        # a service named by its number ("116 111") says it once: large, at the right
        nh = doc.para(0, 0, col - 2 * pad, name, draw=False, leading=1.15) if shown else -1.2
        doc.use(BODY, "", 10 * s, INK)
        ah = doc.para(0, 0, col - 2 * pad, about, draw=False, leading=1.25)
        contact_lines: list[tuple[float, str, float]] = []
        for i, part in enumerate(parts):
            style = "B" if i == 0 else ""
            size = fitting_size(doc, HEAD, style, (14 if i == 0 else 10.5) * s, part, contact_w)
            doc.use(HEAD, style, size, ACCENT)
            contact_lines.append(
                (size, part, doc.para(0, 0, contact_w, part, draw=False, leading=1.15))
            )
        ch = sum(h for _size, _part, h in contact_lines) + 0.8 * max(len(parts) - 1, 0)
        h = max(nh + 1.2 + ah, ch) + 2 * pad
        doc.fill_rgb(PANEL)
        doc.rect(x, y, w, h, style="F", round_corners=True, corner_radius=3)
        doc.fill_rgb(ACCENT)
        doc.rect(
            x, y, 1.8, h, style="F", round_corners=("TOP_LEFT", "BOTTOM_LEFT"), corner_radius=0.9
        )
        doc.use(HEAD, "", 12 * s, INK)
        if shown:
            doc.para(x + pad + 2, y + pad, col - 2 * pad, name, leading=1.15)
        doc.use(BODY, "", 10 * s, INK)
        doc.para(x + pad + 2, y + pad + nh + 1.2, col - 2 * pad, about, leading=1.25)
        cy = y + (h - ch) / 2
        for i, (size, part, ph) in enumerate(contact_lines):
            doc.use(HEAD, "B" if i == 0 else "", size, ACCENT)
            doc.para(x + col + pad, cy, contact_w, part, leading=1.15, align="R")
            cy += ph + 0.8
        y += h + 3 * s

    # in danger now
    y += 3 * s
    line = words.emergency_line(region)
    size = fitting_size(doc, HEAD, "B", 17 * max(s, 0.75), line, w - 26)
    doc.use(HEAD, "B", size, WHITE)
    th = doc.para(0, 0, w - 26, line, draw=False, leading=1.15)
    eh = max(17.0 * max(s, 0.75), th + 8)
    doc.fill_rgb(FLAG)
    doc.rect(x, y, w, eh, style="F", round_corners=True, corner_radius=4)
    _phone(doc, x + 10, y + eh / 2, min(eh, 17.0) * 0.3)
    doc.use(HEAD, "B", size, WHITE)
    doc.para(x + 19, y + (eh - th) / 2, w - 26, line, leading=1.15)
    y += eh + 5

    doc.use(BODY, "", 8.5, MUTED)
    doc.text_at(x, y, w, words.checked_line(region, lang) + "   ·   Red Flags")
    y += 5
    if y > PAGE_H - 10 and not force:
        return None
    return doc


def _phone(doc: Doc, cx: float, cy: float, r: float) -> None:
    """A simple phone: a rounded white outline with a speaker dot."""
    w, h = r * 1.1, r * 1.9
    doc.fill_rgb(WHITE)
    doc.rect(cx - w / 2, cy - h / 2, w, h, style="F", round_corners=True, corner_radius=r * 0.22)
    doc.fill_rgb(FLAG)
    doc.rect(cx - w / 2 + r * 0.14, cy - h / 2 + r * 0.3, w - r * 0.28, h - r * 0.72, style="F")
    doc.disc(cx, cy + h / 2 - r * 0.2, r * 0.09, FLAG)
