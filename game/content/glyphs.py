"""Which characters the bundled fonts can draw, read from their character maps (fontTools).

A deck in a script none of the fonts has (Arabic, Hebrew, Thai, ...) would show boxes in the
game and vanish from the PDFs, so the loader refuses it, naming the characters. Emoji are
another matter: the game shows some as emoticons and drops the others, so they are only a
warning (see game/content/checks.py). Characters up to U+00FF (Latin-1: English, Swedish and
most western European languages) are in every bundled font — a test checks that — so a deck
that uses no others never opens a font file.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from game.content.paths import ASSETS

# Every font a deck's text may be drawn with: on screen (each font choice, body and headings)
# and in the PDFs. A character must be in all of them.
DECK_FONTS = (
    "Andika-Regular.ttf",
    "Andika-Bold.ttf",
    "Andika-Italic.ttf",
    "Lexend-Bold.ttf",
    "Lexend-SemiBold.ttf",
    "AtkinsonHyperlegible-Regular.ttf",
    "AtkinsonHyperlegible-Bold.ttf",
    "OpenDyslexic-Regular.otf",
    "OpenDyslexic-Bold.otf",
)
ALWAYS_DRAWN = 0xFF  # up to here every bundled font has every printable character


def is_pictograph(ch: str) -> bool:
    """Emoji and symbols the game turns into emoticons or leaves out (a warning, not an error)."""
    code = ord(ch)
    return (
        code >= 0x1F000
        or 0x2600 <= code <= 0x27BF
        or 0x2B00 <= code <= 0x2BFF
        or 0xFE00 <= code <= 0xFE0F  # variation selectors
        or code in (0x200D, 0x20E3)  # zero-width joiner, combining keycap
    )


# The bundled fonts have no emoji; chat messages keep their tone with classic emoticons (the game
# swaps these in, game/ui/text.py `clean`; the checks do not warn about them).
EMOTICONS = {
    emoji: plain
    for plain, emojis in (
        (":)", "😊 🙂"),
        (":D", "😀 😃 😁 😄"),
        (";)", "😉 😏"),
        (":*", "😘"),
        ("<3", "😍 ❤️ ❤ 💕"),
        ("xD", "😂 🤣"),
        (":(", "😢 🥺"),
        (":'(", "😭"),
        (">:(", "😡 😠"),
        ("(y)", "👍"),
        ("pls", "🙏"),
        (":O", "😳 😮 😱"),
        ("B)", "😎"),
        ("-_-", "🙄"),
        ("shh", "🤫"),
        ("!", "🎉"),
        ("^^", "😅"),
        ("!!", "🔥"),
        ("100", "💯"),
        ("$", "💰"),
        ("", "⏰ ⏳ 🎮 \ufe0f"),
    )
    for emoji in emojis.split()
}


@cache
def font_characters() -> frozenset[int] | None:
    """The characters every bundled font has (None: no font could be read)."""
    from fontTools.ttLib import TTFont  # heavy (~40 ms): only for the characters a font lacks

    common: set[int] | None = None
    for name in DECK_FONTS:
        path = ASSETS / "fonts" / name
        if not path.is_file():
            continue
        try:
            with TTFont(path, lazy=True) as font:
                codes = set(font.getBestCmap() or {})
        except Exception:  # noqa: BLE001 - a damaged font file: judge by the others
            continue
        common = codes if common is None else common & codes
    return frozenset(common) if common is not None else None


def undrawable(text: str) -> list[str]:
    """The letters, marks and digits of `text` no bundled font can draw — a script the game
    cannot show — each once, in order. Symbols and emoji are not counted (they are a warning:
    the game shows some as emoticons), nor controls and spaces."""
    if text.isascii():
        return []
    out: list[str] = []
    have: frozenset[int] | None = None
    for ch in text:
        code = ord(ch)
        if code <= ALWAYS_DRAWN or ch in out or is_pictograph(ch) or ch.isspace():
            continue
        if unicodedata.category(ch)[0] not in "LMN":
            continue  # symbols (emoji such as ⏰) are a warning, controls have nothing to draw
        if have is None:
            have = font_characters()
            if have is None:
                return []
        if code not in have:
            out.append(ch)
    return out


def scripts(chars: list[str]) -> list[str]:
    """'ARABIC LETTER ALEF' -> 'Arabic': the scripts of some characters, for a message."""
    found: list[str] = []
    for ch in chars:
        name = unicodedata.name(ch, "")
        word = name.split(" ")[0].title() if name else "unnamed"
        if word == "Cjk":
            word = "Chinese/Japanese"
        if word not in found:
            found.append(word)
    return found


def describe(chars: list[str], limit: int = 8) -> str:
    """'ש ל ו ם (Hebrew)' — at most `limit` characters shown, then how many more."""
    shown = " ".join(
        f"U+{ord(ch):04X}" if unicodedata.category(ch).startswith("M") else ch
        for ch in chars[:limit]
    )
    if len(chars) > limit:
        shown += f" and {len(chars) - limit} more"
    return f"{shown} ({', '.join(scripts(chars))})"
