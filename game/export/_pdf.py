"""Shared pieces of the printable exports: fonts, colours, clean text, icons drawn as shapes.

Every export uses the bundled fonts (Andika for text, Lexend for headings), never the PDF core
fonts, so Swedish and German letters print. Characters a font lacks (emoji above all) are
replaced or dropped by `clean()`, so no empty boxes appear on paper.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import RenderStyle

from game.content.paths import ASSETS
from game.i18n import current_language, set_language
from game.model.cards import Rating

# fontTools says "Silt NOT subset" for a table of Andika's it keeps whole; that is expected.
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)

FONTS_DIR = ASSETS / "fonts"
BODY = "Andika"  # styles "", "B", "I"
HEAD = "Lexend"  # "" = SemiBold, "B" = Bold
PT = 25.4 / 72  # one point in millimetres

_FONT_FILES = {
    (BODY, ""): "Andika-Regular.ttf",
    (BODY, "B"): "Andika-Bold.ttf",
    (BODY, "I"): "Andika-Italic.ttf",
    (HEAD, ""): "Lexend-SemiBold.ttf",
    (HEAD, "B"): "Lexend-Bold.ttf",
}

RGB = tuple[int, int, int]

# A restrained palette: dark ink, one blue accent, and the three rating colours, which are never
# the only signal (each rating also has its own shape and word).
INK: RGB = (33, 37, 52)
MUTED: RGB = (96, 103, 120)
HAIRLINE: RGB = (190, 196, 208)
ACCENT: RGB = (38, 84, 150)
ACCENT_DARK: RGB = (26, 58, 108)
ACCENT_TINT: RGB = (232, 239, 249)
PANEL: RGB = (244, 246, 249)
THEIRS: RGB = (228, 232, 238)
YOURS: RGB = (210, 226, 247)
FLAG: RGB = (206, 70, 55)
FLAG_TINT: RGB = (252, 236, 232)
WHITE: RGB = (255, 255, 255)
RATING_COLOUR: dict[Rating, RGB] = {
    Rating.SAFE: (30, 128, 72),
    Rating.RISKY: (196, 128, 0),
    Rating.HARMFUL: (192, 48, 43),
}


# --- language -------------------------------------------------------------------------------


@contextmanager
def language(code: str) -> Iterator[None]:
    """Translate `_()` into `code` while an export is drawn, then restore the UI's language."""
    before = current_language()
    set_language(code)
    try:
        yield
    finally:
        set_language(before)


# --- text that the fonts can print -----------------------------------------------------------

# Characters with a readable stand-in; anything else the fonts lack is dropped.
_REPLACEMENTS = {
    "\u2713": "",  # check mark: the icons are drawn as shapes instead
    "\u2714": "",
    "\u2717": "",
    "\u2718": "",
    "\u2605": "*",
    "\u2764": "",
    "\u2192": "->",
    "\u00a0": " ",
    "\u200b": "",
}
_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r" +([,.!?;:])")


@cache
def _cmap(file_name: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # heavy (~40 ms), and only for text outside the font

    font = TTFont(FONTS_DIR / file_name, lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


@cache
def _covered() -> frozenset[int]:
    """Code points every Andika face can print. Headings in Lexend fall back to Andika for
    anything Lexend lacks (see `Doc.__init__`), so Andika's coverage decides."""
    sets = [_cmap(name) for (family, _), name in _FONT_FILES.items() if family == BODY]
    return frozenset.intersection(*sets)


def clean(text: str | None) -> str:
    """`text` in NFC with emoji and other unprintable characters replaced or removed."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", str(text))
    covered = _covered()
    out: list[str] = []
    for ch in text:
        if ch in _REPLACEMENTS:
            out.append(_REPLACEMENTS[ch])
        elif ch == "\n" or ord(ch) in covered:
            out.append(ch)
        elif unicodedata.category(ch) == "Zs":
            out.append(" ")
        # everything else (emoji, variation selectors, joiners) is dropped
    result = _SPACES.sub(" ", "".join(out))
    result = _SPACE_BEFORE_PUNCT.sub(r"\1", result)
    return "\n".join(line.strip() for line in result.split("\n")).strip()


# --- the document ---------------------------------------------------------------------------


class Doc(FPDF):
    """An FPDF with our fonts registered and a few measuring and drawing helpers."""

    def __init__(self, orientation: str = "portrait", *, title: str = "", lang: str = "en"):
        super().__init__(orientation=orientation, unit="mm", format="A4")
        for (family, style), file_name in _FONT_FILES.items():
            self.add_font(family, style, str(FONTS_DIR / file_name))
        self._word_widths: dict[tuple[str, str], dict[str, float]] = {}
        self.set_fallback_fonts([BODY], exact_match=False)
        self.c_margin = 0
        self.set_creator("Red Flags")
        self.set_author("Red Flags")
        if title:
            self.set_title(title)
        self.set_lang(lang)
        self.set_text_color(*INK)
        self.set_draw_color(*INK)

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        style: RenderStyle | str | None = None,
        round_corners: bool | tuple[str, ...] = False,
        corner_radius: float = 0,
    ) -> None:
        """fpdf2's rect, typed as it works: `round_corners` is True or the corners to round
        (("TOP_LEFT", "TOP_RIGHT")), as its documentation says; its annotation says bool only."""
        super().rect(x, y, w, h, style, round_corners, corner_radius)  # type: ignore[arg-type]

    # text ---------------------------------------------------------------------------------

    def use(self, family: str, style: str, size: float, colour: RGB = INK) -> None:
        self.set_font(family, style, size)
        self.set_text_color(*colour)

    def string_width(self, text: str) -> float:
        """Width of `text` in the current font, from cached widths of its words."""
        key = (self.font_family, self.font_style)
        cache = self._word_widths.setdefault(key, {})
        unit = self.font_size_pt / 10
        total = 0.0
        for i, word in enumerate(text.split(" ")):
            if i:
                total += self._space_width(cache)
            w = cache.get(word)
            if w is None:
                with self.local_context(font_size_pt=10):
                    w = cache[word] = self.get_string_width(word)
            total += w
        return total * unit

    def _space_width(self, cache: dict[str, float]) -> float:
        w = cache.get(" ")
        if w is None:
            with self.local_context(font_size_pt=10):
                w = cache[" "] = self.get_string_width(" ")
        return w

    def lines_of(self, text: str, width: float) -> list[str]:
        """Greedy word wrap of `text` to `width` in the current font (fast, cached widths).

        A word wider than the line (a long web address) is broken between characters.
        """
        if not text:
            return []
        lines: list[str] = []
        space = self.string_width(" ")
        for paragraph in text.split("\n"):
            current: list[str] = []
            current_w = 0.0
            for word in paragraph.split():
                ww = self.string_width(word)
                if ww > width:
                    if current:
                        lines.append(" ".join(current))
                        current, current_w = [], 0.0
                    piece = ""
                    for ch in word:
                        if piece and self.string_width(piece + ch) > width:
                            lines.append(piece)
                            piece = ""
                        piece += ch
                    current, current_w = [piece], self.string_width(piece)
                    continue
                needed = ww if not current else current_w + space + ww
                if current and needed > width:
                    lines.append(" ".join(current))
                    current, current_w = [word], ww
                else:
                    current.append(word)
                    current_w = needed
            lines.append(" ".join(current))
        return lines

    def para(
        self,
        x: float,
        y: float,
        width: float,
        text: str,
        *,
        draw: bool = True,
        leading: float = 1.25,
        align: str = "L",
    ) -> float:
        """Write `text` wrapped to `width` at (x, y) in the current font; return its height."""
        if not text:
            return 0.0
        line_h = self.font_size_pt * PT * leading
        lines = self.lines_of(text, width)
        if draw:
            for i, line in enumerate(lines):
                self.set_xy(x, y + i * line_h)
                self.cell(width, line_h, line, align=align)
        return line_h * len(lines)

    def text_at(self, x: float, y: float, width: float, text: str, align: str = "L") -> None:
        """One line of text whose box starts at (x, y); never wraps."""
        self.set_xy(x, y)
        line_h = self.font_size_pt * PT * 1.25
        self.cell(width, line_h, text, align=align)

    # shapes -------------------------------------------------------------------------------

    def fill_rgb(self, colour: RGB) -> None:
        self.set_fill_color(*colour)

    def line_rgb(self, colour: RGB, width: float = 0.3) -> None:
        self.set_draw_color(*colour)
        self.set_line_width(width)

    def disc(self, cx: float, cy: float, r: float, fill: RGB, outline: RGB | None = None) -> None:
        self.fill_rgb(fill)
        if outline:
            self.line_rgb(outline, 0.3)
            self.ellipse(cx - r, cy - r, 2 * r, 2 * r, style="DF")
        else:
            self.ellipse(cx - r, cy - r, 2 * r, 2 * r, style="F")

    def label_in_disc(
        self, cx: float, cy: float, r: float, label: str, fill: RGB, text: RGB = WHITE
    ) -> None:
        self.disc(cx, cy, r, fill)
        size = r * 2 / PT * 0.62
        self.use(HEAD, "B", size, text)
        h = size * PT
        self.set_xy(cx - r, cy - h * 0.62)
        self.cell(2 * r, h * 1.2, label, align="C")

    def poly(self, points: list[tuple[float, float]], style: str = "F") -> None:
        self.polygon(points, style=style)

    def polyline_stroke(self, points: list[tuple[float, float]], colour: RGB, width: float) -> None:
        self.line_rgb(colour, width)
        with self.local_context(stroke_cap_style="ROUND", stroke_join_style="ROUND"):
            self.polyline(points)


# --- icons drawn as shapes ------------------------------------------------------------------


def regular(
    cx: float, cy: float, r: float, sides: int, start_deg: float
) -> list[tuple[float, float]]:
    return [
        (
            cx + r * math.cos(math.radians(start_deg + i * 360 / sides)),
            cy + r * math.sin(math.radians(start_deg + i * 360 / sides)),
        )
        for i in range(sides)
    ]


def check_mark(doc: Doc, cx: float, cy: float, r: float, colour: RGB = WHITE) -> None:
    pts = [
        (cx - 0.5 * r, cy + 0.02 * r),
        (cx - 0.12 * r, cy + 0.4 * r),
        (cx + 0.55 * r, cy - 0.38 * r),
    ]
    doc.polyline_stroke(pts, colour, max(0.35, r * 0.28))


def cross_mark(doc: Doc, cx: float, cy: float, r: float, colour: RGB = WHITE) -> None:
    d = r * 0.38
    width = max(0.35, r * 0.26)
    doc.polyline_stroke([(cx - d, cy - d), (cx + d, cy + d)], colour, width)
    doc.polyline_stroke([(cx - d, cy + d), (cx + d, cy - d)], colour, width)


def rating_icon(doc: Doc, rating: Rating, cx: float, cy: float, r: float) -> None:
    """Safe: a circle with a tick. Risky: a triangle with '!'. Harmful: an octagon with a cross."""
    colour = RATING_COLOUR[rating]
    doc.fill_rgb(colour)
    if rating is Rating.SAFE:
        doc.ellipse(cx - r, cy - r, 2 * r, 2 * r, style="F")
        check_mark(doc, cx, cy, r)
    elif rating is Rating.RISKY:
        tri = [(cx, cy - 1.08 * r), (cx + 1.12 * r, cy + 0.9 * r), (cx - 1.12 * r, cy + 0.9 * r)]
        doc.line_rgb(colour, max(0.3, r * 0.25))
        with doc.local_context(stroke_join_style="ROUND"):
            doc.poly(tri, style="DF")
        width = max(0.35, r * 0.24)
        doc.polyline_stroke([(cx, cy - 0.48 * r), (cx, cy + 0.22 * r)], WHITE, width)
        doc.disc(cx, cy + 0.58 * r, width * 0.62, WHITE)
    else:
        doc.poly(regular(cx, cy, r * 1.04, 8, 22.5), style="F")
        cross_mark(doc, cx, cy, r)


def reason_icon(doc: Doc, right: bool, cx: float, cy: float, r: float) -> None:
    """The right reason: a filled circle with a tick; the others: an outlined circle with a cross."""
    if right:
        doc.disc(cx, cy, r, RATING_COLOUR[Rating.SAFE])
        check_mark(doc, cx, cy, r)
    else:
        doc.disc(cx, cy, r, WHITE, outline=MUTED)
        cross_mark(doc, cx, cy, r * 0.9, MUTED)


def flag_icon(doc: Doc, x: float, y: float, h: float, colour: RGB = FLAG) -> None:
    """A small pennant on a pole; (x, y) is the top of the pole."""
    doc.line_rgb(colour, max(0.3, h * 0.1))
    doc.line(x, y, x, y + h)
    doc.fill_rgb(colour)
    doc.poly([(x, y), (x + h * 0.75, y + h * 0.22), (x, y + h * 0.46)], style="F")


def fitting_size(doc: Doc, family: str, style: str, size: float, text: str, width: float) -> float:
    """`size`, or a smaller one (not below 60 % of it) at which `text` fits on one line."""
    smallest = size * 0.6
    while size > smallest:
        doc.set_font(family, style, size)
        if doc.string_width(text) <= width:
            break
        size -= 0.25
    return max(size, smallest)


def file_path(path: Path | str) -> Path:
    p = Path(path)
    if p.parent and not p.parent.exists():
        p.parent.mkdir(parents=True, exist_ok=True)
    return p


# --- flowing documents (the guide, the summary) ---------------------------------------------


class FlowDoc(Doc):
    """A portrait document written top to bottom, with a running footer and page numbers.

    Pages are broken by hand (`ensure`), so a heading is never left alone at the foot of a page
    and a boxed block is never split.
    """

    MARGIN = 20.0
    TOP = 20.0
    BOTTOM = 297.0 - 20.0

    def __init__(self, *, title: str, lang: str, running: str) -> None:
        super().__init__("portrait", title=title, lang=lang)
        self.running = running
        self.set_auto_page_break(False)
        self.set_margins(self.MARGIN, self.TOP, self.MARGIN)
        self.cy = self.TOP
        self.page_label = "{page}"

    @property
    def width(self) -> float:
        return self.w - 2 * self.MARGIN

    def new_page(self) -> None:
        self.add_page()
        self.cy = self.TOP

    def ensure(self, height: float) -> None:
        if self.cy + height > self.BOTTOM and self.cy > self.TOP + 0.1:
            self.new_page()

    def footer(self) -> None:
        y = self.h - 13.0
        self.line_rgb(HAIRLINE, 0.25)
        self.line(self.MARGIN, y - 1.5, self.w - self.MARGIN, y - 1.5)
        self.use(BODY, "", 8, MUTED)
        self.text_at(self.MARGIN, y, self.width / 2, self.running)
        self.text_at(
            self.w / 2, y, self.width / 2, self.page_label.format(page=self.page_no()), align="R"
        )

    # blocks --------------------------------------------------------------------------------

    def heading(
        self, text: str, size: float = 15, *, space_before: float = 6.0, keep: float = 16.0
    ) -> None:
        """A section heading, kept on one page with the next `keep` millimetres."""
        self.use(HEAD, "B", size, ACCENT_DARK)
        h = self.para(0, 0, self.width, text, draw=False, leading=1.15)
        self.ensure(space_before + h + 4 + keep)
        if self.cy > self.TOP + 0.1:
            self.cy += space_before
        self.use(HEAD, "B", size, ACCENT_DARK)
        self.para(self.MARGIN, self.cy, self.width, text, leading=1.15)
        self.cy += h + 1.0
        self.line_rgb(ACCENT, 0.6)
        self.line(self.MARGIN, self.cy, self.MARGIN + 14, self.cy)
        self.cy += 3.0

    def subheading(self, text: str, size: float = 11.5, colour: RGB = ACCENT_DARK) -> None:
        self.use(HEAD, "", size, colour)
        h = self.para(0, 0, self.width, text, draw=False, leading=1.15)
        self.ensure(h + 12)
        self.cy += 1.5
        self.use(HEAD, "", size, colour)
        self.para(self.MARGIN, self.cy, self.width, text, leading=1.15)
        self.cy += h + 1.2

    def text(  # type: ignore[override]  # flows a paragraph; fpdf2 never calls text() itself
        self,
        text: str,
        *,
        size: float = 10.5,
        style: str = "",
        colour: RGB = INK,
        indent: float = 0.0,
        after: float = 2.0,
        family: str = BODY,
        leading: float = 1.3,
    ) -> None:
        """A paragraph that may run over a page break, line by line."""
        self.use(family, style, size, colour)
        line_h = size * PT * leading
        for line in self.lines_of(text, self.width - indent):
            if self.cy + line_h > self.BOTTOM:
                self.new_page()
                self.use(family, style, size, colour)
            self.text_at(self.MARGIN + indent, self.cy, self.width - indent, line)
            self.cy += line_h
        self.cy += after

    def bullets(self, items: list[str], *, size: float = 10.5, numbered: bool = False) -> None:
        line_h = size * PT * 1.3
        for n, item in enumerate(items, start=1):
            self.use(BODY, "", size, INK)
            first = min(line_h * 2, line_h * len(self.lines_of(item, self.width - 7)))
            self.ensure(first)
            if numbered:
                self.label_in_disc(self.MARGIN + 2.3, self.cy + line_h / 2, 2.3, str(n), ACCENT)
            else:
                self.disc(self.MARGIN + 1.6, self.cy + line_h / 2, 0.9, ACCENT)
            self.text(item, size=size, indent=7, after=1.2)
        self.cy += 1.0
