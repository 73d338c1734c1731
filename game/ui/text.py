"""Text: fonts by role, word wrapping, shrink-to-fit, and a cache of rendered surfaces.

Text is the main content of the game, and rendering it is the expensive part of a frame. So a
text is wrapped and measured once (`layout_text`, memoised), rendered once (`TextCache`, keyed
by text, font, size, width and colour) and afterwards only blitted. `fit_text` wraps to a width
and then steps the size down until the text fits its box, never below a floor, so long text
wraps and shrinks before it would ever be clipped.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pygame

MAX_LINE_CHARS = 70  # long lines are hard to follow on a projector

# Each font choice maps roles to files under assets/fonts; a missing file falls back to
# pygame's own font so a broken install still shows text.
FAMILIES: dict[str, dict[str, str]] = {
    "default": {
        "body": "Andika-Regular.ttf",
        "bold": "Andika-Bold.ttf",
        "italic": "Andika-Italic.ttf",
        "display": "Lexend-Bold.ttf",
        "semi": "Lexend-SemiBold.ttf",
    },
    "atkinson": {
        "body": "AtkinsonHyperlegible-Regular.ttf",
        "bold": "AtkinsonHyperlegible-Bold.ttf",
        "italic": "AtkinsonHyperlegible-Regular.ttf",
        "display": "AtkinsonHyperlegible-Bold.ttf",
        "semi": "AtkinsonHyperlegible-Bold.ttf",
    },
    "opendyslexic": {
        "body": "OpenDyslexic-Regular.otf",
        "bold": "OpenDyslexic-Bold.otf",
        "italic": "OpenDyslexic-Regular.otf",
        "display": "OpenDyslexic-Bold.otf",
        "semi": "OpenDyslexic-Bold.otf",
    },
}

# The bundled fonts have no emoji; chat messages keep their tone with classic emoticons.
EMOTICONS = {
    "😊": ":)",
    "🙂": ":)",
    "😀": ":D",
    "😃": ":D",
    "😁": ":D",
    "😉": ";)",
    "😘": ":*",
    "😍": "<3",
    "❤️": "<3",
    "❤": "<3",
    "💕": "<3",
    "😂": "xD",
    "🤣": "xD",
    "😢": ":(",
    "😭": ":'(",
    "😡": ">:(",
    "😠": ">:(",
    "😏": ";)",
    "👍": "(y)",
    "🙏": "pls",
    "😳": ":O",
    "😎": "B)",
    "😄": ":D",
    "🙄": "-_-",
    "🤫": "shh",
    "🎉": "!",
    "😮": ":O",
    "😱": ":O",
    "🥺": ":(",
    "😅": "^^",
    "🔥": "!!",
    "💯": "100",
    "⏰": "",
    "⏳": "",
    "💰": "$",
    "🎮": "",
    "\ufe0f": "",
}


RENDER_CACHE_BYTES = 24 * 1024 * 1024  # rendered texts kept for reuse


def _bytes(surf: pygame.Surface) -> int:
    return surf.get_width() * surf.get_height() * surf.get_bytesize()


class FontBook:
    """Fonts by (role, size), loaded by path from assets/fonts and kept for reuse."""

    MAX_FONTS = 48  # open (role, size) pairs; each holds a font file and its glyph caches

    def __init__(self, font_dir: Path, family: str = "default") -> None:
        self.family = family if family in FAMILIES else "default"
        self.font_dir = font_dir
        # Least recently used first. Without a bound, long use with many window sizes and
        # shrink-to-fit steps opened hundreds of sizes (224 after 2,000 monkey events: the
        # memory growth of issue 17); a size used again after eviction is reopened in a ms.
        self._fonts: OrderedDict[tuple[str, int], pygame.font.Font] = OrderedDict()
        self._widths: dict[tuple[str, int], dict[str, int]] = {}

    def word_widths(self, role: str, size: int) -> dict[str, int]:
        """A place to remember how wide words are in this font (see `wrap`)."""
        return self._widths.setdefault((role, size), {})

    def get(self, role: str, size: int) -> pygame.font.Font:
        key = (role, size)
        font = self._fonts.get(key)
        if font is not None:
            self._fonts.move_to_end(key)
        else:
            while len(self._fonts) >= self.MAX_FONTS:
                old, _ = self._fonts.popitem(last=False)
                self._widths.pop(old, None)
            files = FAMILIES[self.family]
            path = self.font_dir / files.get(role, files["body"])
            try:
                font = pygame.font.Font(path, size)
                font.size("Ag")  # a damaged file "opens"; other calls on it would crash
            except (OSError, FileNotFoundError, pygame.error, ValueError):
                font = pygame.font.Font(None, round(size * 1.25))
                font.bold = role in ("bold", "display", "semi")
            if role == "italic" and "Italic" not in path.name:
                font.italic = True
            self._fonts[key] = font
        return font


def _is_pictograph(ch: str) -> bool:
    code = ord(ch)
    return code >= 0x1F000 or 0x2600 <= code <= 0x27BF or code in (0xFE0F, 0x200D)


def clean(font: pygame.font.Font, text: str) -> str:
    """Swap emoji the font cannot draw for emoticons; drop any other glyph it lacks."""
    for emoji, plain in EMOTICONS.items():
        if emoji in text:
            text = text.replace(emoji, plain)
    if "\x00" in text:  # SDL_ttf refuses NUL; a deck may hold one as an escape
        text = text.replace("\x00", "")
    if text.isascii():
        return text
    out = []
    for ch in text:
        if 0xD800 <= ord(ch) <= 0xDFFF:  # a lone surrogate cannot be drawn (or encoded)
            continue
        if ch == "\n" or ord(ch) < 0x2000:
            out.append(ch)
            continue
        if _is_pictograph(ch):  # fonts may claim a box glyph for these; never draw a box
            continue
        metrics = font.metrics(ch)
        if metrics and metrics[0] is not None:
            out.append(ch)
    return "".join(out)


def wrap(
    font: pygame.font.Font,
    text: str,
    width: int,
    max_chars: int = MAX_LINE_CHARS,
    word_widths: dict[str, int] | None = None,
) -> list[str]:
    """Greedy word wrap to `width` pixels and `max_chars`; over-long words are broken.

    Measuring a whole candidate line is exact but slow, so while the sum of the words' own
    widths (kept in `word_widths`) is far below the limit, a word joins without it; kerning
    moves a joined line by a few pixels per word at most, well inside that slack."""
    widths = word_widths if word_widths is not None else {}
    if len(widths) > 50_000:  # a huge custom deck: start the memory afresh
        widths.clear()
    space = widths.get(" ")
    if space is None:
        space = widths[" "] = font.size(" ")[0]
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split()
        if not words:
            lines.append("")
            continue
        line, guess, count = "", 0, 0
        for word in words:
            candidate = f"{line} {word}" if line else word
            w = widths.get(word)
            if w is None:
                w = widths[word] = font.size(word)[0]
            joined = guess + space + w if line else w
            if len(candidate) <= max_chars and (
                joined + 8 * (count + 1) < width * 0.85 or font.size(candidate)[0] <= width
            ):
                line, guess, count = candidate, joined, count + 1
                continue
            if line:
                lines.append(line)
            line, guess, count = word, w, 1
            if w > width and len(line) > 1:
                guess = 10**9  # a broken word: measure the rest of its line exactly
                line = _break_word(font, line, width, lines)
        lines.append(line)
    return lines


def _break_word(font: pygame.font.Font, word: str, width: int, lines: list[str]) -> str:
    """Break an over-long word onto lines of `width` (appended to `lines`); returns its last
    piece, which the next words may join. Web addresses break after a dot or a slash, without
    a misleading hyphen."""
    while len(word) > 1:
        cut = _longest_fit(font, word, width)
        if cut >= len(word):
            break
        soft = max(word.rfind(".", 1, cut), word.rfind("/", 1, cut))
        if soft > 0:
            lines.append(word[: soft + 1])
            word = word[soft + 1 :]
        else:
            lines.append(word[:cut] + "-")
            word = word[cut:]
    return word


def _longest_fit(font: pygame.font.Font, word: str, width: int) -> int:
    """How much of an over-long word fits on a line: all of it (`len(word)`), or the most
    characters that fit with a hyphen after them (at least 1).

    Doubling probes then a binary search: a piece of k characters costs O(k log k) measured
    characters, so a 2,000-character address wraps in milliseconds instead of one measurement
    per character per line (34 s), and the whole wrap stays near-linear in the text's length."""
    if len(word) <= 1:
        return len(word)
    n, hi = 1, len(word) - 1
    while True:
        probe = min(n * 2, len(word))
        if probe == len(word):
            if font.size(word)[0] <= width:
                return len(word)
            break
        if font.size(word[:probe] + "-")[0] > width:
            hi = probe - 1
            break
        n = probe
    lo = n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if font.size(word[:mid] + "-")[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo


class TextLayout(NamedTuple):
    """A wrapped and measured text: what `TextCache` renders and what layouts reason about."""

    text: str
    lines: tuple[str, ...]
    role: str
    size: int
    line_h: int
    w: int
    h: int
    max_w: int  # the width it was wrapped to


class Block(NamedTuple):
    """One paragraph in a shrink-to-fit column (see `fit_column`)."""

    text: str
    role: str = "body"
    scale: float = 1.0  # size relative to the column's base size
    colour: str = "text"  # a theme attribute name
    gap: float = 0.45  # space before it, in units of the base size
    align: str = "left"
    indent: float = 0.0  # left indent in units of the base size (room for an icon)
    tag: str = ""  # lets the scene find a block again (to draw an icon beside it)


def block_groups(blocks: Sequence[Block], starts: Callable[[Block], bool]) -> list[list[Block]]:
    """Split a column's blocks into the groups a page keeps whole (see layout.paginate): a
    group begins at each block `starts` says begins one, except right after a label (an
    accent-coloured block), which stays with what follows it."""
    groups: list[list[Block]] = []
    for block in blocks:
        if groups and not (starts(block) and groups[-1][-1].colour != "accent"):
            groups[-1].append(block)
        else:
            groups.append([block])
    return groups


class Placed(NamedTuple):
    """A block of a column, laid out and given its place."""

    block: Block
    layout: TextLayout
    rect: pygame.Rect


class ColumnFit(NamedTuple):
    """A column laid out at one base size: its blocks, its height, and whether it fits."""

    base: int
    placed: tuple[Placed, ...]
    h: int
    fits: bool


class TextEngine:
    """Layout and rendering with memoisation; one per font choice and line spacing."""

    def __init__(self, fonts: FontBook, line_spacing: float = 1.15, cache_size: int = 600) -> None:
        self.fonts = fonts
        self.line_spacing = line_spacing
        self._surfaces: OrderedDict[tuple[object, ...], pygame.Surface] = OrderedDict()
        self._surface_bytes = 0
        self._cache_size = cache_size
        self._layout = lru_cache(maxsize=4096)(self._layout_uncached)
        self._fit = lru_cache(maxsize=2048)(self._fit_uncached)
        self._column = lru_cache(maxsize=256)(self._column_uncached)

    # -- layout --------------------------------------------------------------------------

    def layout(self, text: str, role: str, size: int, width: int) -> TextLayout:
        return self._layout(text, role, int(size), max(1, int(width)))

    def line_metrics(self, role: str, size: int) -> tuple[int, int, int]:
        """(ink_top, ink_h, line_h) for a font. Fonts such as Andika reserve tall space for
        stacked accents; lines are drawn shifted up by `ink_top` so spacing follows the size,
        not the font's padding, and stays even across font choices."""
        font = self.fonts.get(role, size)
        ink_top = max(0, font.get_ascent() - round(size * 1.0))
        ink_h = (font.get_ascent() - ink_top) + min(-font.get_descent(), round(size * 0.32))
        line_h = round(ink_h * self.line_spacing / 1.15 * 1.04)
        return ink_top, ink_h, line_h

    def _layout_uncached(self, text: str, role: str, size: int, width: int) -> TextLayout:
        font = self.fonts.get(role, size)
        text = clean(font, text)
        lines = tuple(wrap(font, text, width, word_widths=self.fonts.word_widths(role, size)))
        _, ink_h, line_h = self.line_metrics(role, size)
        w = max((font.size(line)[0] for line in lines), default=0)
        h = line_h * (len(lines) - 1) + ink_h if lines else 0
        return TextLayout(text, lines, role, size, line_h, w, h, width)

    def fit(
        self, text: str, role: str, width: int, height: int, max_size: int, min_size: int
    ) -> TextLayout:
        """Wrap to `width`; step the size down until it fits `height`; never below `min_size`."""
        return self._fit(text, role, int(width), int(height), int(max_size), int(min_size))

    def _fit_uncached(
        self, text: str, role: str, width: int, height: int, max_size: int, min_size: int
    ) -> TextLayout:
        size = max(max_size, min_size)
        first_fit: TextLayout | None = None
        while True:
            lay = self.layout(text, role, size, width)
            fits = lay.h <= height and all(
                self.fonts.get(role, size).size(line)[0] <= width for line in lay.lines
            )
            # a word broken in two ("Rävarn-a") reads badly: try smaller sizes first, and keep
            # the largest fitting size when the word breaks at every size (a long web address)
            broken = len(" ".join(lay.lines).split()) > len(lay.text.split())
            if fits and not broken:
                return self._largest_fit(lay, role, width, height, max_size)
            first_fit = first_fit or (lay if fits else None)
            if size <= min_size:
                return first_fit or lay
            size = max(min_size, min(size - 1, int(size * 0.94)))

    def _largest_fit(
        self, lay: TextLayout, role: str, width: int, height: int, max_size: int
    ) -> TextLayout:
        """Step back up one size at a time from a fitting size the 6 % steps landed on, so
        the size is the largest that fits: a larger `max_size` then never gives a smaller
        text in the same box (the text-size setting only makes text larger or equal)."""
        while lay.size < max_size:
            up = self.layout(lay.text, role, lay.size + 1, width)
            fits = up.h <= height and all(
                self.fonts.get(role, up.size).size(line)[0] <= width for line in up.lines
            )
            if not fits or len(" ".join(up.lines).split()) > len(up.text.split()):
                break
            lay = up
        return lay

    def fit_many(
        self, texts: Sequence[str], role: str, width: int, height: int, max_size: int, min_size: int
    ) -> list[TextLayout]:
        """Fit several texts into equal boxes at one shared size (options look like a set)."""
        size = min(self.fit(t, role, width, height, max_size, min_size).size for t in texts)
        return [self.layout(t, role, size, width) for t in texts]

    def fit_column(
        self, blocks: Sequence[Block], width: int, height: int, max_size: int, min_size: int
    ) -> ColumnFit:
        """Stack blocks top-down; shrink them together until the column fits its height."""
        return self._column(tuple(blocks), int(width), int(height), int(max_size), int(min_size))

    def _measure_column(
        self, blocks: tuple[Block, ...], width: int, base: int, min_size: int
    ) -> ColumnFit:
        placed: list[Placed] = []
        y = 0
        for i, block in enumerate(blocks):
            size = max(min_size, round(base * block.scale))
            if i:
                y += round(base * block.gap)
            indent = round(base * block.indent)
            lay = self.layout(block.text, block.role, size, width - indent)
            placed.append(Placed(block, lay, pygame.Rect(indent, y, width - indent, lay.h)))
            y += lay.h
        return ColumnFit(base, tuple(placed), y, True)

    def _column_uncached(
        self, blocks: tuple[Block, ...], width: int, height: int, max_size: int, min_size: int
    ) -> ColumnFit:
        base = max(max_size, min_size)
        while True:
            col = self._measure_column(blocks, width, base, min_size)
            if col.h <= height:
                while col.base < max_size:  # the largest that fits (see _largest_fit)
                    up = self._measure_column(blocks, width, col.base + 1, min_size)
                    if up.h > height:
                        break
                    col = up
                return col
            if base <= min_size:
                return ColumnFit(col.base, col.placed, col.h, False)
            base = max(min_size, min(base - 1, int(base * 0.95)))

    # -- rendering -----------------------------------------------------------------------

    def render(
        self,
        lay: TextLayout,
        colour: tuple[int, int, int],
        align: str = "left",
        width: int | None = None,
    ) -> pygame.Surface:
        """The laid-out text as one surface (cached); aligned within `width` if given."""
        box_w = max(lay.w, width or lay.w, 1)
        key = (
            lay.text,
            lay.lines,
            lay.role,
            lay.size,
            lay.line_h,
            colour,
            align,
            box_w,
            self.fonts.family,
        )
        surf = self._surfaces.get(key)
        if surf is not None:
            self._surfaces.move_to_end(key)
            return surf
        font = self.fonts.get(lay.role, lay.size)
        ink_top = self.line_metrics(lay.role, lay.size)[0]
        surf = pygame.Surface((box_w, max(lay.h, 1)), pygame.SRCALPHA)
        for i, line in enumerate(lay.lines):
            if not line:
                continue
            try:
                img = font.render(line, True, colour)
            except (pygame.error, ValueError):  # only invisible characters (say U+202E)
                continue
            if align == "center":
                x = (box_w - img.get_width()) // 2
            elif align == "right":
                x = box_w - img.get_width()
            else:
                x = 0
            surf.blit(img, (x, i * lay.line_h - ink_top))
        self._surfaces[key] = surf
        self._surface_bytes += _bytes(surf)
        # bounded by count and by bytes: at 1080p one paragraph is a megabyte
        while len(self._surfaces) > 1 and (
            len(self._surfaces) > self._cache_size or self._surface_bytes > RENDER_CACHE_BYTES
        ):
            _, old = self._surfaces.popitem(last=False)
            self._surface_bytes -= _bytes(old)
        return surf

    def clear(self) -> None:
        self._surfaces.clear()
        self._surface_bytes = 0
