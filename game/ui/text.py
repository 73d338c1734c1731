"""Text: fonts by role, word wrapping, shrink-to-fit, and a cache of rendered surfaces.

Text is the main content of the game, and rendering it is the expensive part of a frame. So a
text is wrapped and measured once (`TextEngine.layout`, memoised), rendered once (`render`,
keyed by text, font, size, width and colour) and afterwards only blitted. `fit` wraps to a width
and then steps the size down until the text fits its box, never below a floor, so long text
wraps and shrinks before it would ever be clipped.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, TypeVar

import pygame

from game.content.glyphs import EMOTICONS, is_pictograph

T = TypeVar("T")
MAX_LINE_CHARS = 70  # long lines are hard to follow on a projector


def _pair(regular: str, bold: str) -> dict[str, str]:
    """A family with two files: italic drawn slanted (FontBook._load), headings in the bold."""
    return {"body": regular, "bold": bold, "italic": regular, "display": bold, "semi": bold}


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
    "atkinson": _pair("AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf"),
    "opendyslexic": _pair("OpenDyslexic-Regular.otf", "OpenDyslexic-Bold.otf"),
}

RENDER_CACHE_BYTES = 24 * 1024 * 1024  # rendered texts kept for reuse


def _bytes(surf: pygame.Surface) -> int:
    return surf.get_width() * surf.get_height() * surf.get_bytesize()


class FontBook:
    """Fonts by (role, size), loaded by path from assets/fonts and kept for reuse."""

    # Open (role, size) pairs, least recently used dropped first. Without a bound, long use with
    # many window sizes and shrink-to-fit steps opened hundreds of sizes (224 after 2,000 monkey
    # events: the memory growth of issue 17); a size used again is reopened in a ms.
    MAX_FONTS = 48

    def __init__(self, font_dir: Path, family: str = "default") -> None:
        self.family = family if family in FAMILIES else "default"
        self.font_dir = font_dir
        self.get = lru_cache(maxsize=self.MAX_FONTS)(self._load)  # (role, size) to a font

    def _load(self, role: str, size: int) -> pygame.font.Font:
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
        return font


def clean(font: pygame.font.Font, text: str) -> str:
    """Swap emoji the font cannot draw for emoticons; drop any other glyph it lacks."""
    for emoji, plain in EMOTICONS.items():
        text = text.replace(emoji, plain)
    text = text.replace("\x00", "")  # SDL_ttf refuses NUL; a deck may hold one as an escape
    if text.isascii():
        return text
    out = []
    for ch in text:
        if 0xD800 <= ord(ch) <= 0xDFFF:  # a lone surrogate cannot be drawn (or encoded)
            continue
        if ch == "\n" or ord(ch) < 0x2000:
            out.append(ch)
            continue
        if is_pictograph(ch):  # fonts may claim a box glyph for these; never draw a box
            continue
        metrics = font.metrics(ch)
        if metrics and metrics[0] is not None:
            out.append(ch)
    return "".join(out)


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Greedy word wrap to `width` pixels and `MAX_LINE_CHARS`; over-long words are broken."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in _words(font, para, width):
            candidate = f"{line} {word}" if line else word
            if len(candidate) <= MAX_LINE_CHARS and font.size(candidate)[0] <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = word
            if len(word) > 1 and font.size(word)[0] > width:
                line = _break_word(font, word, width, lines)
        lines.append(line)
    return lines


def _words(font: pygame.font.Font, para: str, width: int) -> list[str]:
    """The words of `para`, a phone number's groups of digits ("0808 800 5000") as one word
    while they fit a line: a number is not split over two lines."""
    words: list[str] = []
    for word in para.split():
        joined = f"{words[-1]} {word}" if words else ""
        if word.isdigit() and joined.replace(" ", "").isdigit() and font.size(joined)[0] <= width:
            words[-1] = joined
        else:
            words.append(word)
    return words


def _break_word(font: pygame.font.Font, word: str, width: int, lines: list[str]) -> str:
    """Break an over-long word onto lines of `width` (appended to `lines`); returns its last
    piece, which the next words may join. A web address, an e-mail or a number never gets a
    hyphen put in (copied down, it would become part of it): it breaks after a dot or a slash,
    else where its line is full."""
    hyphen = "" if _is_address(word) else "-"
    while len(word) > 1:
        cut = _longest_fit(font, word, width, hyphen)
        if cut >= len(word):
            break
        soft = max(word.rfind(".", 1, cut), word.rfind("/", 1, cut)) + 1
        lines.append(word[:soft] if soft > 1 else word[:cut] + hyphen)
        word = word[soft if soft > 1 else cut :]
    return word


def _is_address(word: str) -> bool:
    """A web address, an e-mail or a number: a dot, a slash or an @ inside it, or a digit."""
    inner = word.strip(".,;:!?()[]\"'«»“”")
    return any(c.isdigit() or c in "./@" for c in inner)


def _longest_fit(font: pygame.font.Font, word: str, width: int, hyphen: str = "-") -> int:
    """How much of an over-long word fits on a line: all of it (`len(word)`), or the most
    characters that fit with `hyphen` after them (at least 1, at most `MAX_LINE_CHARS`).

    A binary search over at most a line's characters: wrapping a 2,000-character address stays
    linear in its length (measuring one character fewer at a time took 34 s)."""

    def too_wide(k: int) -> bool:
        return font.size(word if k == len(word) else word[:k] + hyphen)[0] > width

    most = range(1, min(len(word), MAX_LINE_CHARS) + 1)
    return max(1, bisect.bisect_left(most, True, key=too_wide))


class TextLayout(NamedTuple):
    """A wrapped and measured text: what `TextEngine.render` draws and what layouts reason about."""

    text: str
    lines: tuple[str, ...]
    role: str
    size: int
    line_h: int
    w: int
    h: int


def cuts_a_word(lay: TextLayout, soft: tuple[str, ...] = (".", "/")) -> bool:
    """Whether wrapping cut one of the words of `lay` anywhere but after one of `soft` (a web
    address cut inside a name; any word with a hyphen put in)."""
    pieces = iter(piece for line in lay.lines for piece in line.split())
    for word in lay.text.split():
        while (piece := next(pieces, word)) != word:
            if not piece.endswith(soft) or not word.startswith(piece):
                return True
            word = word[len(piece) :]
    return False


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


def _breaks_a_word(lay: TextLayout) -> bool:
    return len(" ".join(lay.lines).split()) > len(lay.text.split())


def _largest(
    measure: Callable[[int], T], good: Callable[[T], bool], top: int, floor: int, step: float = 0.94
) -> T | None:
    """What `measure` gives at the largest size from `top` down to `floor` that is `good`, or
    None. Steps down by a few % to a good size, then back up one at a time: a larger `top` then
    never gives a smaller text in the same box (the text-size setting only makes text larger)."""
    size = max(top, floor)
    while not good(got := measure(size)):
        if size <= floor:
            return None
        size = max(floor, min(size - 1, int(size * step)))
    while size < top and good(up := measure(size + 1)):
        got, size = up, size + 1
    return got


class TextEngine:
    """Layout and rendering with memoisation; one per font choice and line spacing."""

    CACHE_SIZE = 600  # rendered texts kept for reuse (see also RENDER_CACHE_BYTES)

    def __init__(self, fonts: FontBook, line_spacing: float = 1.15) -> None:
        self.fonts = fonts
        self.line_spacing = line_spacing
        self._surfaces: OrderedDict[tuple[object, ...], pygame.Surface] = OrderedDict()
        self._surface_bytes = 0
        self._layout = lru_cache(maxsize=4096)(self._layout_uncached)

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
        lines = tuple(wrap(font, text, width))
        _, ink_h, line_h = self.line_metrics(role, size)
        w = max((font.size(line)[0] for line in lines), default=0)
        h = line_h * (len(lines) - 1) + ink_h if lines else 0
        return TextLayout(text, lines, role, size, line_h, w, h)

    def fit(
        self, text: str, role: str, width: int, height: int, max_size: int, min_size: int
    ) -> TextLayout:
        """Wrap to `width`; step the size down until it fits `height`; never below `min_size`."""

        def measure(size: int) -> TextLayout:
            return self.layout(text, role, size, width)

        def fits(lay: TextLayout) -> bool:
            return lay.h <= height and lay.w <= width

        # a word broken in two ("Rävarn-a") reads badly: a smaller size without a break comes
        # first, then the largest that fits with one (a long web address), then the floor
        return (
            _largest(measure, lambda lay: fits(lay) and not _breaks_a_word(lay), max_size, min_size)
            or _largest(measure, fits, max_size, min_size)
            or measure(min_size)
        )

    def fit_column(
        self, blocks: Sequence[Block], width: int, height: int, max_size: int, min_size: int
    ) -> ColumnFit:
        """Stack blocks top-down; shrink them together until the column fits its height."""

        def measure(base: int) -> ColumnFit:
            placed: list[Placed] = []
            y = 0
            for i, block in enumerate(blocks):
                size = max(min_size, round(base * block.scale))
                y += round(base * block.gap) if i else 0
                indent = round(base * block.indent)
                lay = self.layout(block.text, block.role, size, width - indent)
                placed.append(Placed(block, lay, pygame.Rect(indent, y, width - indent, lay.h)))
                y += lay.h
            return ColumnFit(base, tuple(placed), y, True)

        col = _largest(measure, lambda col: col.h <= height, max_size, min_size, step=0.95)
        return col or measure(min_size)._replace(fits=False)

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
        # one engine has one font family and line spacing: the rest of the layout follows
        key = (lay.lines, lay.role, lay.size, colour, align, box_w)
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
            free = box_w - img.get_width()
            x = {"center": free // 2, "right": free}.get(align, 0)
            surf.blit(img, (x, i * lay.line_h - ink_top))
        self._surfaces[key] = surf
        self._surface_bytes += _bytes(surf)
        # bounded by count and by bytes: at 1080p one paragraph is a megabyte
        while len(self._surfaces) > 1 and (
            len(self._surfaces) > self.CACHE_SIZE or self._surface_bytes > RENDER_CACHE_BYTES
        ):
            _, old = self._surfaces.popitem(last=False)
            self._surface_bytes -= _bytes(old)
        return surf

    def clear(self) -> None:
        self._surfaces.clear()
        self._surface_bytes = 0
