"""Contrast (WCAG 2.1): every foreground/background pair the screens use, in every theme.

Two checks that back each other up:
1. From the theme data: each pair listed in `TEXT_PAIRS` (below) meets AA (4.5:1 text, 3:1 large
   text and meaningful shapes), and in the high-contrast theme AAA (7:1) for all text.
2. From the screen itself: every text drawn on every screen of a whole game (render log: its
   rect and colour) is measured against the pixels around it, so a pair missing from
   `TEXT_PAIRS` — a colour spelled inside a scene — is caught as well.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

import pygame
import pytest

from game.model.session import Mode
from game.ui.theme import THEMES, Colour, Theme

from .accessibility_walk import walk


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


def test_relative_luminance_and_ratio_follow_the_wcag_formula() -> None:
    assert relative_luminance((0, 0, 0)) == 0
    assert relative_luminance((255, 255, 255)) == pytest.approx(1.0)
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio((255, 0, 0), (255, 255, 255)) == pytest.approx(4.0, abs=0.01)
    assert blend((0, 0, 0), (255, 255, 255), 128) == (128, 128, 128)


@pytest.mark.parametrize("theme", sorted(THEMES))
@pytest.mark.parametrize("pair", TEXT_PAIRS, ids=lambda p: f"{p.fg}-on-{p.bg}-{p.kind}")
def test_every_pair_of_every_theme_meets_wcag(theme: str, pair) -> None:
    t = THEMES[theme]
    ratio = worst_contrast(t, pair)
    need = required_ratio(t, pair.kind)
    assert ratio >= need, (
        f"{theme}: {pair.fg} on {pair.bg} ({pair.where}) is {ratio:.2f}:1, needs {need}:1"
    )


def test_the_high_contrast_theme_reaches_aaa_for_all_text() -> None:
    t = THEMES["high-contrast"]
    for pair in TEXT_PAIRS:
        if pair.kind != "shape":
            assert worst_contrast(t, pair) >= 7.0, pair


def test_every_role_used_as_a_pair_exists_in_every_theme() -> None:
    compound = {"background", "halo", "placeholder", "note_bubble", "teams"}
    for t in THEMES.values():
        for pair in TEXT_PAIRS:
            assert pair.fg == "teams" or hasattr(t, pair.fg), pair
            assert pair.bg in compound or hasattr(t, pair.bg), pair
            assert backgrounds(t, pair.bg)


def test_the_projector_theme_is_dark_text_on_light_with_thick_outlines() -> None:
    t = THEMES["projector"]
    for role in ("text", "text_muted", "heading", "button_text", "primary_text"):
        assert relative_luminance(getattr(t, role)) < 0.05, role  # near-black
    for role in ("panel", "button", "primary", "phone_screen", "bubble_them", "bubble_you"):
        assert relative_luminance(getattr(t, role)) > 0.6, role  # light
    assert t.glow_alpha == 0 and t.shadow_alpha == 0  # no faint tints carrying anything
    assert t.button_border is not None and t.edge_width >= 0.5  # thick outlines everywhere
    assert contrast_ratio(t.panel_edge, t.panel) >= 7


# --- measured on the screen ---------------------------------------------------------------------


def _background_of(surface: pygame.Surface, rect: pygame.Rect, fg: tuple[int, int, int]):
    """The most common colour in the text's box that is not the text's own colour (nor its
    anti-aliased edge): what the text is read against."""
    area = rect.clip(surface.get_rect())
    counts: Counter[tuple[int, int, int]] = Counter()
    step = max(1, min(area.w, area.h) // 12)
    for y in range(area.y, area.bottom, step):
        for x in range(area.x, area.right, step):
            c = tuple(surface.get_at((x, y)))[:3]
            if contrast_ratio(c, fg) > 1.3:
                counts[c] += 1
    return counts.most_common(1)[0][0] if counts else None


def _measure(theme: Theme, records, surface: pygame.Surface, h: int) -> list[str]:
    problems = []
    top = max((r.layer for r in records), default=0)
    for r in records:
        if r.layer != top or not r.text.strip():
            continue
        bg = _background_of(surface, r.rect, r.colour)
        if bg is None:
            continue
        ratio = contrast_ratio(r.colour, bg)
        large = r.size >= h / 32 * 1.5  # ~24 px and up at 768: WCAG's large text
        need = required_ratio(theme, "large" if large else "text")
        if ratio < need - 0.05:
            problems.append(f"{r.text[:40]!r} {r.colour} on {bg}: {ratio:.2f} < {need}")
    return problems


@pytest.mark.slow  # a screen walk per theme
@pytest.mark.parametrize("theme", sorted(THEMES))
@pytest.mark.parametrize("mode", [Mode.SOLO, Mode.TEAMS], ids=lambda m: m.value)
def test_every_text_on_every_screen_is_readable_against_what_is_behind_it(
    make_driver, theme: str, mode: Mode
) -> None:
    d = make_driver((1280, 720), theme=theme)
    problems = []
    for label in walk(d, mode):
        records = d.texts()
        problems += [f"{label}: {p}" for p in _measure(THEMES[theme], records, d.app.screen, 720)]
    assert not problems, "\n".join(problems)


def test_the_screen_measurement_catches_a_low_contrast_text(make_driver) -> None:

    d = make_driver((1280, 720))
    d.press("enter")  # the content note
    assert d.top == "title"
    grey = THEMES["default"]._replace(text_muted=(70, 66, 120))  # dim text on the dark sky
    d.app.ui.theme = grey
    problems = _measure(grey, d.texts(), d.app.screen, 720)
    assert any("F11" in p for p in problems), problems
