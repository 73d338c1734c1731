"""Colours as data: one `Theme` per name, so high contrast or a projector is just another theme.

Scenes never spell a colour; they ask the theme by role ("panel", "bubble_you"). The
accessibility pass can tune these values without touching a scene.

`TEXT_PAIRS` lists every foreground/background pair the screens draw (text, and the shapes that
carry meaning), so `tests/ui/test_accessibility_contrast.py` checks each one in each theme
against WCAG 2.1: 4.5:1 for text (3:1 for large text and meaningful shapes), and the AAA 7:1
for all text in the high-contrast theme. Add a pair here when a scene draws a new one.
"""

from __future__ import annotations

from typing import NamedTuple

from game.ui.services import N_

Colour = tuple[int, int, int]


class Theme(NamedTuple):
    """Every colour the game draws with; TEXT_PAIRS lists which text sits on which fill."""

    name: str
    bg_top: Colour
    bg_bottom: Colour
    glow: Colour  # the soft circles in the background
    glow_alpha: int
    panel: Colour
    panel_edge: Colour
    shadow_alpha: int
    text: Colour
    text_muted: Colour
    heading: Colour
    accent: Colour  # warm highlight: labels, points
    button: Colour
    button_hover: Colour
    button_text: Colour
    button_border: Colour | None  # not None: panels, buttons and bubbles get outlines
    primary: Colour
    primary_hover: Colour
    primary_text: Colour
    badge: Colour
    badge_text: Colour
    selected: Colour  # a chosen chip in setup, a picked option (with a tick: never colour alone)
    selected_text: Colour
    focus: Colour  # the focus ring and its marker
    phone_body: Colour
    phone_screen: Colour
    phone_bar: Colour
    phone_bar_text: Colour
    bubble_them: Colour
    bubble_them_text: Colour
    bubble_you: Colour
    bubble_you_text: Colour
    bubble_name: Colour
    note_text: Colour
    safe: Colour
    risky: Colour
    harmful: Colour
    icon_fg: Colour  # the mark drawn inside a rating icon
    takeaway_bg: Colour
    takeaway_text: Colour
    flag_red: Colour
    flag_pole: Colour
    dim: Colour
    dim_alpha: int
    teams: tuple[Colour, Colour, Colour, Colour, Colour, Colour]
    team_text: Colour = (20, 20, 40)  # the letter on a team badge or a chat avatar
    field: Colour = (255, 255, 255)  # a text box (the player's own words)
    field_text: Colour = (28, 28, 48)
    field_hint: Colour = (70, 68, 104)
    edge_width: float = 0.3  # outline width in window units (1/100 of the smaller side)

    def team(self, key: str) -> Colour:
        """`team_a` … `team_f` (the session's colour keys) to a colour; unknown keys get A's."""
        index = "abcdef".find(key[-1:]) if key.startswith("team_") else -1
        return self.teams[max(index, 0)]

    def rating(self, rating: str) -> Colour:
        return {"safe": self.safe, "risky": self.risky}.get(rating, self.harmful)


DEFAULT = Theme(
    name="default",
    bg_top=(18, 22, 58),
    bg_bottom=(44, 28, 94),
    glow=(120, 110, 255),
    glow_alpha=22,
    panel=(35, 41, 96),
    panel_edge=(72, 80, 150),
    shadow_alpha=90,
    text=(246, 244, 255),
    text_muted=(206, 210, 244),
    heading=(255, 255, 255),
    accent=(255, 200, 92),
    button=(56, 66, 138),
    button_hover=(72, 84, 166),
    button_text=(255, 255, 255),
    button_border=None,
    primary=(255, 200, 92),
    primary_hover=(255, 218, 140),
    primary_text=(26, 22, 58),
    badge=(255, 200, 92),
    badge_text=(26, 22, 58),
    selected=(255, 200, 92),
    selected_text=(26, 22, 58),
    focus=(94, 234, 212),
    phone_body=(10, 12, 30),
    phone_screen=(236, 233, 250),
    phone_bar=(255, 255, 255),
    phone_bar_text=(30, 28, 60),
    bubble_them=(255, 255, 255),
    bubble_them_text=(28, 28, 48),
    bubble_you=(92, 76, 214),
    bubble_you_text=(255, 255, 255),
    bubble_name=(80, 62, 180),
    note_text=(70, 68, 104),
    safe=(30, 150, 80),
    risky=(205, 110, 0),
    harmful=(232, 70, 70),
    icon_fg=(255, 255, 255),
    takeaway_bg=(255, 200, 92),
    takeaway_text=(26, 22, 58),
    flag_red=(240, 72, 72),
    flag_pole=(226, 232, 240),
    dim=(8, 10, 28),
    dim_alpha=175,
    teams=(
        (251, 146, 60),
        (56, 189, 248),
        (167, 139, 250),
        (74, 222, 128),
        (244, 114, 182),
        (250, 204, 21),
    ),
)

HIGH_CONTRAST = DEFAULT._replace(
    name="high-contrast",
    bg_top=(0, 0, 0),
    bg_bottom=(0, 0, 0),
    glow_alpha=0,
    panel=(0, 0, 0),
    panel_edge=(255, 255, 255),
    shadow_alpha=0,
    text=(255, 255, 255),
    text_muted=(255, 255, 255),
    heading=(255, 255, 255),
    accent=(255, 230, 0),
    button=(0, 0, 0),
    button_hover=(40, 40, 40),
    button_text=(255, 255, 255),
    button_border=(255, 255, 255),
    primary=(255, 230, 0),
    primary_hover=(255, 240, 120),
    primary_text=(0, 0, 0),
    badge=(255, 230, 0),
    badge_text=(0, 0, 0),
    selected=(255, 230, 0),
    selected_text=(0, 0, 0),
    focus=(0, 255, 255),
    phone_body=(255, 255, 255),
    phone_screen=(0, 0, 0),
    phone_bar=(0, 0, 0),
    phone_bar_text=(255, 255, 255),
    bubble_them=(255, 255, 255),
    bubble_them_text=(0, 0, 0),
    bubble_you=(255, 230, 0),
    bubble_you_text=(0, 0, 0),
    bubble_name=(255, 255, 255),
    note_text=(255, 255, 255),
    safe=(0, 200, 90),
    risky=(255, 170, 0),
    harmful=(255, 90, 90),
    icon_fg=(0, 0, 0),
    takeaway_bg=(255, 230, 0),
    takeaway_text=(0, 0, 0),
    flag_red=(255, 70, 70),
    flag_pole=(255, 255, 255),
    dim=(0, 0, 0),
    dim_alpha=215,
    team_text=(0, 0, 0),
    field=(255, 255, 255),
    field_text=(0, 0, 0),
    field_hint=(0, 0, 0),
    edge_width=0.45,
)

# Projectors wash colours out and lift dark greys: near-black text on white, thick dark outlines
# around every panel, button and bubble, no shadows, glows or pale tints that carry meaning.
PROJECTOR = DEFAULT._replace(
    name="projector",
    bg_top=(255, 255, 255),
    bg_bottom=(238, 238, 244),
    glow=(255, 255, 255),
    glow_alpha=0,
    panel=(255, 255, 255),
    panel_edge=(16, 16, 32),
    shadow_alpha=0,
    text=(0, 0, 0),
    text_muted=(34, 34, 52),
    heading=(10, 6, 60),
    accent=(128, 44, 0),
    button=(236, 236, 246),
    button_hover=(214, 214, 236),
    button_text=(0, 0, 0),
    button_border=(16, 16, 32),
    primary=(255, 210, 0),
    primary_hover=(255, 226, 80),
    primary_text=(0, 0, 0),
    badge=(16, 16, 32),
    badge_text=(255, 255, 255),
    selected=(255, 210, 0),
    selected_text=(0, 0, 0),
    focus=(0, 84, 200),
    phone_body=(16, 16, 32),
    phone_screen=(255, 255, 255),
    phone_bar=(236, 236, 246),
    phone_bar_text=(0, 0, 0),
    bubble_them=(255, 255, 255),
    bubble_them_text=(0, 0, 0),
    bubble_you=(222, 234, 255),
    bubble_you_text=(0, 0, 0),
    bubble_name=(40, 16, 110),
    note_text=(34, 34, 52),
    safe=(0, 112, 48),
    risky=(150, 80, 0),
    harmful=(180, 0, 0),
    icon_fg=(255, 255, 255),
    takeaway_bg=(255, 210, 0),
    takeaway_text=(0, 0, 0),
    flag_red=(200, 24, 24),
    flag_pole=(16, 16, 32),
    dim=(30, 30, 50),
    dim_alpha=150,
    teams=(
        (255, 150, 60),
        (70, 190, 250),
        (180, 150, 255),
        (90, 225, 140),
        (250, 130, 190),
        (255, 214, 30),
    ),
    team_text=(0, 0, 0),
    field=(255, 255, 255),
    field_text=(0, 0, 0),
    field_hint=(34, 34, 52),
    edge_width=0.6,
)

THEMES: dict[str, Theme] = {t.name: t for t in (DEFAULT, HIGH_CONTRAST, PROJECTOR)}
THEME_WORDS = {
    "default": N_("Default"),
    "high-contrast": N_("High contrast"),
    "projector": N_("Projector"),
}


def get_theme(name: str) -> Theme:
    """The theme called `name`; an unknown name gives the default rather than an error."""
    return THEMES.get(name, DEFAULT)


# --- contrast (WCAG 2.1) -------------------------------------------------------------------------


def relative_luminance(colour: Colour) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour (0 black … 1 white)."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: Colour, b: Colour) -> float:
    """(L1 + 0.05) / (L2 + 0.05) with L1 the lighter: 1.0 (same) … 21.0 (black on white)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def blend(under: Colour, over: Colour, alpha: int) -> Colour:
    """`over` drawn with `alpha` (0–255) on top of `under`, as pygame blends it."""
    k = alpha / 255
    (r0, g0, b0), (r1, g1, b1) = under[:3], over[:3]
    return (round(r0 + (r1 - r0) * k), round(g0 + (g1 - g0) * k), round(b0 + (b1 - b0) * k))


class Pair(NamedTuple):
    """One foreground on one background, as a screen draws it.

    `fg` is a theme attribute. `bg` is a theme attribute or a compound surface (see
    `backgrounds`). `kind` is "text" (4.5:1; AAA 7:1), "large" (headings of 24 px and more:
    3:1; AAA 4.5:1) or "shape" (icons, rings and marks that carry meaning: 3:1)."""

    fg: str
    bg: str
    kind: str
    where: str
    outlined: bool = False  # in themes with outlines (button_border), the outline is the edge


_BG = "background"
TEXT_PAIRS: tuple[Pair, ...] = (
    # straight on the window background
    Pair("text", _BG, "text", "top bar: card n of m; the red flag line on feedback"),
    Pair("text_muted", _BG, "text", "title footer, setup labels and count, explain label"),
    Pair("heading", _BG, "large", "screen headings, the question, the rating word"),
    Pair("heading", _BG, "text", "the focused setup row label"),
    Pair("accent", _BG, "text", "tagline, points, setup messages"),
    Pair("heading", "halo", "large", "the title over the logo's halo"),
    Pair("text_muted", "placeholder", "text", "'the chat is coming in' placeholder"),
    # panels and overlays
    Pair("text", "panel", "text", "panel text, quiet buttons"),
    Pair("text_muted", "panel", "text", "panel explanations, disabled buttons"),
    Pair("heading", "panel", "text", "overlay headings, verdict word"),
    Pair("accent", "panel", "text", "section labels, emergency line, settings notices"),
    Pair("text", "button_hover", "text", "a hovered quiet button"),
    # buttons
    Pair("button_text", "button", "text", "buttons, options, chips"),
    Pair("button_text", "button_hover", "text", "a hovered button"),
    Pair("primary_text", "primary", "text", "primary buttons"),
    Pair("primary_text", "primary_hover", "text", "a hovered primary button"),
    Pair("primary", "primary_text", "text", "the key badge on a primary button"),
    Pair("badge_text", "badge", "text", "number badges 1-4"),
    Pair("selected_text", "selected", "text", "a chosen chip or picked option"),
    Pair("selected", "primary_text", "text", "the badge on a chosen option"),
    # the phone
    Pair("phone_bar_text", "phone_bar", "text", "the contact's name"),
    Pair("bubble_them_text", "bubble_them", "text", "their messages"),
    Pair("bubble_you_text", "bubble_you", "text", "the player's messages"),
    Pair("bubble_name", "phone_screen", "text", "sender names over bubbles"),
    Pair("note_text", "note_bubble", "text", "notes in the chat (two minutes later)"),
    Pair("field_text", "field", "text", "the own-words box"),
    Pair("field_hint", "field", "text", "the own-words box hint"),
    Pair("field", _BG, "shape", "the own-words box against the window", outlined=True),
    Pair("team_text", "teams", "text", "letters on team badges and chat avatars"),
    # feedback
    Pair("takeaway_text", "takeaway_bg", "text", "the takeaway"),
    Pair("takeaway_bg", "takeaway_text", "large", "the '!' beside the takeaway"),
    # shapes that carry meaning (WCAG 1.4.11 non-text contrast)
    Pair("icon_fg", "safe", "shape", "the tick in a safe icon"),
    Pair("icon_fg", "risky", "shape", "the mark in a risky icon"),
    Pair("icon_fg", "harmful", "shape", "the cross in a harmful icon"),
    Pair("safe", _BG, "shape", "rating icon on the feedback header"),
    Pair("risky", _BG, "shape", "rating icon on the feedback header"),
    Pair("harmful", _BG, "shape", "rating icon on the feedback header"),
    Pair("safe", "panel", "shape", "verdict and safest-choice icons"),
    Pair("risky", "panel", "shape", "verdict icon"),
    Pair("focus", _BG, "shape", "the focus ring and marker"),
    Pair("focus", "panel", "shape", "the focus ring in a panel"),
    Pair("selected_text", "selected", "shape", "the tick on a chosen option"),
)

AA_TEXT, AA_LARGE, AAA_TEXT, SHAPE = 4.5, 3.0, 7.0, 3.0


def required_ratio(theme: Theme, kind: str) -> float:
    """What WCAG asks of a pair: AA everywhere, AAA (7:1) for every text in high contrast."""
    if kind == "shape":
        return SHAPE
    if theme.name == "high-contrast":
        return AAA_TEXT
    return AA_LARGE if kind == "large" else AA_TEXT


def _gradient(theme: Theme, steps: int = 8) -> list[Colour]:
    (r0, g0, b0), (r1, g1, b1) = theme.bg_top, theme.bg_bottom
    out = []
    for i in range(steps + 1):
        k = i / steps
        out.append(
            (round(r0 + (r1 - r0) * k), round(g0 + (g1 - g0) * k), round(b0 + (b1 - b0) * k))
        )
    return out


def backgrounds(theme: Theme, bg: str) -> list[Colour]:
    """Every colour a background role can have on screen (a gradient gives several)."""
    if bg == _BG:
        plain = _gradient(theme)
        glowing = (
            [blend(c, theme.glow, theme.glow_alpha) for c in plain] if theme.glow_alpha else []
        )
        return plain + glowing
    if bg in ("halo", "placeholder"):
        alpha = 150 if bg == "halo" else 120
        return [blend(c, theme.panel, alpha) for c in backgrounds(theme, _BG)]
    if bg == "note_bubble":
        r, g, b = theme.phone_screen
        return [(max(0, r - 18), max(0, g - 18), max(0, b - 18))]
    if bg == "teams":
        return list(theme.teams)
    return [getattr(theme, bg)]


def worst_contrast(theme: Theme, pair: Pair) -> float:
    """The lowest ratio of the pair over every colour its background can have."""
    fgs = list(theme.teams) if pair.fg == "teams" else [getattr(theme, pair.fg)]
    if pair.outlined and theme.button_border is not None:
        fgs = [theme.button_border]
    return min(contrast_ratio(f, b) for f in fgs for b in backgrounds(theme, pair.bg))
