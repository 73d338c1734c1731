"""Colours as data: one `Theme` per name, so high contrast or a projector is just another theme.

Scenes never spell a colour; they ask the theme by role ("panel", "bubble_you"). The
accessibility pass can tune these values without touching a scene.

`tests/ui/test_accessibility_contrast.py` lists every foreground/background pair the screens
draw (`TEXT_PAIRS`) and checks each one in each theme against WCAG 2.1: add a pair there when a
scene draws a new one.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from game.ui.services import N_

Colour = tuple[int, int, int]


class Theme(NamedTuple):
    """Every colour the game draws with, by role."""

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
    team_text: Colour  # the letter on a team badge or a chat avatar
    field: Colour  # a text box (the player's own words)
    field_text: Colour
    field_hint: Colour
    edge_width: float  # outline width in window units (1/100 of the smaller side)

    def team(self, key: str) -> Colour:
        """`team_a` … `team_f` (the session's colour keys) to a colour; unknown keys get A's."""
        index = "abcdef".find(key[-1:]) if key.startswith("team_") else -1
        return self.teams[max(index, 0)]


# Every role in the three themes side by side: (default, high contrast, projector).
# High contrast: white and yellow on black, outlines everywhere, AAA (7:1) for all text.
# Projectors wash colours out and lift dark greys: near-black text on white, thick dark outlines
# around every panel, button and bubble, no shadows, glows or pale tints that carry meaning.
THEME_WORDS = {
    "default": N_("Default"),
    "high-contrast": N_("High contrast"),
    "projector": N_("Projector"),
}
TEAMS = (
    (251, 146, 60),
    (56, 189, 248),
    (167, 139, 250),
    (74, 222, 128),
    (244, 114, 182),
    (250, 204, 21),
)
PROJECTOR_TEAMS = (
    (255, 150, 60),
    (70, 190, 250),
    (180, 150, 255),
    (90, 225, 140),
    (250, 130, 190),
    (255, 214, 30),
)
ROLES: dict[str, tuple[Any, Any, Any]] = {
    "bg_top": ((18, 22, 58), (0, 0, 0), (255, 255, 255)),
    "bg_bottom": ((44, 28, 94), (0, 0, 0), (238, 238, 244)),
    "glow": ((120, 110, 255), (120, 110, 255), (255, 255, 255)),
    "glow_alpha": (22, 0, 0),
    "panel": ((35, 41, 96), (0, 0, 0), (255, 255, 255)),
    "panel_edge": ((72, 80, 150), (255, 255, 255), (16, 16, 32)),
    "shadow_alpha": (90, 0, 0),
    "text": ((246, 244, 255), (255, 255, 255), (0, 0, 0)),
    "text_muted": ((206, 210, 244), (255, 255, 255), (34, 34, 52)),
    "heading": ((255, 255, 255), (255, 255, 255), (10, 6, 60)),
    "accent": ((255, 200, 92), (255, 230, 0), (128, 44, 0)),
    "button": ((56, 66, 138), (0, 0, 0), (236, 236, 246)),
    "button_hover": ((72, 84, 166), (40, 40, 40), (214, 214, 236)),
    "button_text": ((255, 255, 255), (255, 255, 255), (0, 0, 0)),
    "button_border": (None, (255, 255, 255), (16, 16, 32)),
    "primary": ((255, 200, 92), (255, 230, 0), (255, 210, 0)),
    "primary_hover": ((255, 218, 140), (255, 240, 120), (255, 226, 80)),
    "primary_text": ((26, 22, 58), (0, 0, 0), (0, 0, 0)),
    "badge": ((255, 200, 92), (255, 230, 0), (16, 16, 32)),
    "badge_text": ((26, 22, 58), (0, 0, 0), (255, 255, 255)),
    "selected": ((255, 200, 92), (255, 230, 0), (255, 210, 0)),
    "selected_text": ((26, 22, 58), (0, 0, 0), (0, 0, 0)),
    "focus": ((94, 234, 212), (0, 255, 255), (0, 84, 200)),
    "phone_body": ((10, 12, 30), (255, 255, 255), (16, 16, 32)),
    "phone_screen": ((236, 233, 250), (0, 0, 0), (255, 255, 255)),
    "phone_bar": ((255, 255, 255), (0, 0, 0), (236, 236, 246)),
    "phone_bar_text": ((30, 28, 60), (255, 255, 255), (0, 0, 0)),
    "bubble_them": ((255, 255, 255), (255, 255, 255), (255, 255, 255)),
    "bubble_them_text": ((28, 28, 48), (0, 0, 0), (0, 0, 0)),
    "bubble_you": ((92, 76, 214), (255, 230, 0), (222, 234, 255)),
    "bubble_you_text": ((255, 255, 255), (0, 0, 0), (0, 0, 0)),
    "bubble_name": ((80, 62, 180), (255, 255, 255), (40, 16, 110)),
    "note_text": ((70, 68, 104), (255, 255, 255), (34, 34, 52)),
    "safe": ((30, 150, 80), (0, 200, 90), (0, 112, 48)),
    "risky": ((205, 110, 0), (255, 170, 0), (150, 80, 0)),
    "harmful": ((232, 70, 70), (255, 90, 90), (180, 0, 0)),
    "icon_fg": ((255, 255, 255), (0, 0, 0), (255, 255, 255)),
    "takeaway_bg": ((255, 200, 92), (255, 230, 0), (255, 210, 0)),
    "takeaway_text": ((26, 22, 58), (0, 0, 0), (0, 0, 0)),
    "flag_red": ((240, 72, 72), (255, 70, 70), (200, 24, 24)),
    "flag_pole": ((226, 232, 240), (255, 255, 255), (16, 16, 32)),
    "dim": ((8, 10, 28), (0, 0, 0), (30, 30, 50)),
    "dim_alpha": (175, 215, 150),
    "team_text": ((20, 20, 40), (0, 0, 0), (0, 0, 0)),
    "field": ((255, 255, 255), (255, 255, 255), (255, 255, 255)),
    "field_text": ((28, 28, 48), (0, 0, 0), (0, 0, 0)),
    "field_hint": ((70, 68, 104), (0, 0, 0), (34, 34, 52)),
    "edge_width": (0.3, 0.45, 0.6),
    "teams": (TEAMS, TEAMS, PROJECTOR_TEAMS),
}
THEMES: dict[str, Theme] = {
    name: Theme(name=name, **{role: v[i] for role, v in ROLES.items()})
    for i, name in enumerate(THEME_WORDS)
}
DEFAULT = THEMES["default"]


def get_theme(name: str) -> Theme:
    """The theme called `name`; an unknown name gives the default rather than an error."""
    return THEMES.get(name, DEFAULT)
