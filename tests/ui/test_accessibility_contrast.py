"""Contrast (WCAG 2.1): every foreground/background pair the screens use, in every theme.

Two checks that back each other up:
1. From the theme data: each pair listed in `theme.TEXT_PAIRS` meets AA (4.5:1 text, 3:1 large
   text and meaningful shapes), and in the high-contrast theme AAA (7:1) for all text.
2. From the screen itself: every text drawn on every screen of a whole game (render log: its
   rect and colour) is measured against the pixels around it, so a pair missing from
   `TEXT_PAIRS` — a colour spelled inside a scene — is caught as well.
"""

from __future__ import annotations

from collections import Counter

import pygame
import pytest

from game.model.session import Mode
from game.ui.theme import (
    TEXT_PAIRS,
    THEMES,
    Theme,
    backgrounds,
    blend,
    contrast_ratio,
    relative_luminance,
    required_ratio,
    worst_contrast,
)

from .accessibility_walk import walk


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
