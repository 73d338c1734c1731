"""Colours as data: one `Theme` per name, so high contrast or a projector is just another theme.

Scenes never spell a colour; they ask the theme by role ("panel", "bubble_you"). The
accessibility pass can tune these values without touching a scene.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

Colour = tuple[int, int, int]


@dataclass(frozen=True)
class Theme:
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
    button_border: Colour | None
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
    text_muted=(200, 204, 240),
    heading=(255, 255, 255),
    accent=(255, 200, 92),
    button=(56, 66, 138),
    button_hover=(78, 90, 176),
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
    bubble_you=(108, 92, 231),
    bubble_you_text=(255, 255, 255),
    bubble_name=(88, 70, 190),
    note_text=(92, 90, 125),
    safe=(34, 170, 90),
    risky=(232, 146, 12),
    harmful=(225, 60, 60),
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

HIGH_CONTRAST = replace(
    DEFAULT,
    name="high-contrast",
    bg_top=(0, 0, 0),
    bg_bottom=(0, 0, 0),
    glow_alpha=0,
    panel=(0, 0, 0),
    panel_edge=(255, 255, 255),
    shadow_alpha=0,
    text=(255, 255, 255),
    text_muted=(255, 255, 255),
    accent=(255, 230, 0),
    button=(0, 0, 0),
    button_hover=(40, 40, 40),
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
    safe=(0, 140, 60),
    risky=(190, 100, 0),
    harmful=(200, 0, 0),
    takeaway_bg=(255, 230, 0),
    takeaway_text=(0, 0, 0),
    dim=(0, 0, 0),
    dim_alpha=215,
)

PROJECTOR = replace(
    DEFAULT,
    name="projector",
    bg_top=(250, 248, 255),
    bg_bottom=(226, 222, 250),
    glow=(150, 130, 255),
    glow_alpha=26,
    panel=(255, 255, 255),
    panel_edge=(190, 184, 235),
    shadow_alpha=40,
    text=(20, 20, 52),
    text_muted=(62, 60, 110),
    heading=(28, 20, 90),
    accent=(170, 70, 0),
    button=(60, 52, 190),
    button_hover=(84, 74, 220),
    button_text=(255, 255, 255),
    primary=(220, 90, 20),
    primary_hover=(240, 110, 40),
    primary_text=(255, 255, 255),
    badge=(255, 200, 92),
    selected=(220, 90, 20),
    selected_text=(255, 255, 255),
    focus=(0, 130, 140),
    phone_body=(30, 30, 60),
    phone_screen=(240, 238, 252),
    dim=(40, 36, 80),
    dim_alpha=150,
)

THEMES: dict[str, Theme] = {t.name: t for t in (DEFAULT, HIGH_CONTRAST, PROJECTOR)}


def get_theme(name: str) -> Theme:
    """The theme called `name`; an unknown name gives the default rather than an error."""
    return THEMES.get(name, DEFAULT)
