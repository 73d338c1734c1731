"""Shared pieces of the printable exports: fonts, colours, clean text, icons drawn as shapes.

Every export uses the bundled fonts (Andika for text, Lexend for headings), never the PDF core
fonts, so Swedish and German letters print. Characters a font lacks (emoji above all) are
replaced or dropped by `clean()`, so no empty boxes appear on paper.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos

from game.content.paths import ASSETS
from game.i18n import current_language, set_language
from game.model.cards import Rating

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
    from fontTools.ttLib import TTFont

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
        self.set_fallback_fonts([BODY], exact_match=False)
        self.c_margin = 0
        self.set_creator("Red Flags")
        self.set_author("Red Flags")
        if title:
            self.set_title(title)
        self.set_lang(lang)
        self.set_text_color(*INK)
        self.set_draw_color(*INK)

    # text ---------------------------------------------------------------------------------

    def use(self, family: str, style: str, size: float, colour: RGB = INK) -> None:
        self.set_font(family, style, size)
        self.set_text_color(*colour)

    def lines_of(self, text: str, width: float) -> list[str]:
        if not text:
            return []
        return self.multi_cell(
            width, text=text, dry_run=True, output=MethodReturnValue.LINES, align="L"
        )

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
            self.set_xy(x, y)
            self.multi_cell(
                width, line_h, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
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


def regular(cx: float, cy: float, r: float, sides: int, start_deg: float) -> list[tuple[float, float]]:
    return [
        (
            cx + r * math.cos(math.radians(start_deg + i * 360 / sides)),
            cy + r * math.sin(math.radians(start_deg + i * 360 / sides)),
        )
        for i in range(sides)
    ]


def check_mark(doc: Doc, cx: float, cy: float, r: float, colour: RGB = WHITE) -> None:
    pts = [(cx - 0.5 * r, cy + 0.02 * r), (cx - 0.12 * r, cy + 0.4 * r), (cx + 0.55 * r, cy - 0.38 * r)]
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


def rating_word(rating: Rating) -> str:
    from game.i18n import _

    return {Rating.SAFE: _("Safe"), Rating.RISKY: _("Risky"), Rating.HARMFUL: _("Harmful")}[rating]


def file_path(path: Path | str) -> Path:
    p = Path(path)
    if p.parent and not p.parent.exists():
        p.parent.mkdir(parents=True, exist_ok=True)
    return p
