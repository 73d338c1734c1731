"""Settings (from the title or the pause screen), the game's accessibility menu. Every change
applies at once (all screens re-lay out, also the card under a Pause) and is saved. Keys and
clicks as in game/ui/choices.py; Enter steps a value. Values are words, never colour alone."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pygame

from game.i18n import available_languages
from game.settings import LINE_SPACINGS, TEXT_SCALES
from game.ui import prefs
from game.ui.choices import ChoicesScene, Row
from game.ui.layout import (
    TOUCH,
    centered,
    in_row,
    inset,
    split_cols,
    split_rows,
    take_bottom,
    take_top,
)
from game.ui.scenes.modal import Modal
from game.ui.services import N_, tr
from game.ui.text import Block
from game.ui.theme import THEME_WORDS
from game.ui.toast import draw_icon
from game.ui.widgets import (
    Button,
    check,
    cross,
    focus_ring,
    paint_background,
    panel,
)

if TYPE_CHECKING:
    from game.ui.app import App

SIZE_WORDS = (N_("Small"), N_("Normal"), N_("Large"), N_("Larger"), N_("Largest"))
SPACING_WORDS = (N_("Tight"), N_("Normal"), N_("Wide"))
FONT_WORDS = {
    "default": "Andika",
    "atkinson": "Atkinson Hyperlegible",
    "opendyslexic": "OpenDyslexic",
}
VOLUMES = [round(v / 10, 1) for v in range(11)]
PARTS = ("less", "more", "value")  # a setting's chips: its arrows, then all of it
CREDITS = (
    N_("Red Flags is free software, made for classrooms."),
    N_("Andika by SIL International (OFL)."),
    N_("Lexend by The Lexend Project Authors (OFL)."),
    N_("Atkinson Hyperlegible by the Braille Institute of America (OFL)."),
    N_("OpenDyslexic font by Abelardo Gonzalez (CC BY 3.0), based on Bitstream Vera."),
    N_("Sounds made for the game, free to use (CC0)."),
)
NO_VOICE = N_("No voice is installed on this computer, so nothing is read aloud.")
HINT = N_("Up and Down choose a setting, Left and Right change it.")


class SettingsScene(ChoicesScene):
    name = "settings"
    enter_steps = True

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.about_btn = Button("about", "About & credits")
        self.done_btn = Button("done", "Done", kind="primary", badge="Esc")
        self.buttons = [self.about_btn, self.done_btn]
        self.actions = {"about": app.open_about, "done": app.pop}
        self.rows = self.make_rows()
        notice = app.settings_notice  # a damaged settings file, if the title has not said so
        app.settings_notice = None
        self.message = notice or ""

    def make_rows(self) -> list[Row]:
        """Every setting with its values in words, in the current language."""
        languages, language = available_languages(), self.app.language
        regions = prefs.regions(language) or [prefs.current_region(self.app)]  # a broken install
        names = [prefs.region_name(r, language) for r in regions]
        on_off = [False, True], [tr("Off"), tr("On")]
        return [
            _row("text_scale", N_("Text size"), TEXT_SCALES, [tr(w) for w in SIZE_WORDS]),
            _row("line_spacing", N_("Line spacing"), LINE_SPACINGS, [tr(w) for w in SPACING_WORDS]),
            _row("font", N_("Font"), FONT_WORDS, list(FONT_WORDS.values())),
            _row("theme", N_("Colours"), THEME_WORDS, [tr(w) for w in THEME_WORDS.values()]),
            _row("reduced_motion", N_("Reduced motion"), *on_off),
            _row("sound", N_("Sound"), *on_off),
            _row("volume", N_("Volume"), VOLUMES, [f"{round(v * 100)} %" for v in VOLUMES]),
            _row("read_aloud", N_("Read aloud"), *on_off),
            _row("language", N_("Language"), languages, [*map(prefs.language_name, languages)]),
            _row("region", N_("Help services for"), regions, names),
        ]

    def value(self, key: str) -> Any:
        if key == "language":
            return self.app.language
        if key == "region":
            return prefs.current_region(self.app)
        return getattr(self.app.settings, key)

    def choose(self, key: str, value: Any) -> None:
        """Apply and save a setting (every screen re-lays out); say when it could not be saved."""
        self.message = prefs.change(self.app, **{key: value}) or ""
        self.layout(self.app.size)  # room for the message, or none
        if key in ("sound", "volume") and self.app.sound.audible:
            self.app.sound.play("choose")  # hear the new volume

    def message_text(self) -> str:
        """A notice for the bottom: a damaged or unsaved settings file, or no voice."""
        if self.message:
            return tr(self.message)
        return "" if self.app.voice.speaker.available else tr(NO_VOICE)

    # -- geometry ----------------------------------------------------------------------------

    def layout(self, size: tuple[int, int]) -> None:
        """The heading and the hint beside it; the settings in two columns; About and Done."""
        m = self.ui.m
        self.refresh()
        area = inset(m.screen, m.pad * 2, m.pad)
        top, rest = take_top(area, m.heading * 1.3, m.pad * 0.4)
        self.heading, _, self.hint = split_cols(top, [33, 2, 65], 0)
        bottom, rest = take_bottom(rest, max(48, min(m.body * 1.9, m.h * 0.11)), m.pad * 0.6)
        aw, bw = round(min(bottom.w * 0.4, m.body * 10)), round(min(bottom.w * 0.3, m.body * 7))
        self.about_btn.rect = pygame.Rect(bottom.x, bottom.y, aw, bottom.h)
        self.done_btn.rect = pygame.Rect(bottom.right - bw, bottom.y, bw, bottom.h)
        self.about_btn.size = m.small
        self.notice = pygame.Rect(rest.x, rest.bottom, rest.w, 0)
        if self.message_text():  # room for a notice only when there is one
            self.notice, rest = take_bottom(rest, m.body * 1.5, m.pad * 0.4)
        per_col = -(-len(self.rows) // 2)
        cols = split_cols(rest, [1, 1], m.pad * 1.5)
        cells = [cell for col in cols for cell in split_rows(col, [1] * per_col, m.pad * 0.5)]
        for row, cell in zip(self.rows, cells, strict=False):
            less, more, value = row.chips
            row.rect = value.rect = cell  # a click on the label or the value steps it
            box = self._parts(cell)[1]
            less.rect = pygame.Rect(box.x, box.y, box.h, box.h)
            more.rect = pygame.Rect(box.right - box.h, box.y, box.h, box.h)

    def _parts(self, cell: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect]:
        """A setting's label, and below it the box of the arrows and the value."""
        m = self.ui.m
        label_h = max(m.min_font * 1.4, min(m.body * 1.35, cell.h * 0.4))
        label, box = take_top(cell, label_h, m.unit * 0.4)
        box.h = max(TOUCH, min(box.h, round(m.body * 2.0)))
        return label, box

    # -- drawing -----------------------------------------------------------------------------

    def texts(self) -> tuple[str, ...]:
        """Read aloud: the heading and how to use it; each setting is spoken as it has focus."""
        return (tr("Settings"), tr(HINT))

    def draw(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        paint_background(ui, surface)
        heading, hint = self.texts()
        ui.text(surface, heading, self.heading, style="title")
        ui.text(surface, hint, self.hint, style="note", align="right")
        for i, row in enumerate(self.rows):
            self._draw_row(surface, row, i == self.focus)
        message = self.message_text()
        if message:
            d = min(self.notice.h, round(m.body * 1.1))
            icon, box = in_row(self.notice, [d, self.notice.w - d - m.gap], m.gap)
            draw_icon(surface, "info", centered(icon, d, d), t.accent)
            ui.text(surface, message, box, colour=t.accent, valign="middle")
        self.draw_buttons(surface)

    def _draw_row(self, surface: pygame.Surface, row: Row, focused: bool) -> None:
        """The label; the box with the arrows at its ends and the value in words between."""
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        label_rect, box = self._parts(row.rect)
        less, more, value = row.chips
        label = tr(row.label)
        if row.key == "read_aloud" and not self.app.voice.speaker.available:
            label = tr("{setting} — no voice installed").format(setting=label)
        colour = t.heading if focused else t.text_muted
        ui.text(surface, label, label_rect, role="semi", colour=colour, valign="bottom")
        fill = t.button_hover if self.hover == value.id else t.button
        panel(ui, surface, box, fill, shadow=False, edge=t.button_border)
        for arrow in (less, more):
            hovered = self.hover == arrow.id
            face = arrow.rect.inflate(-round(m.unit * 0.8), -round(m.unit * 0.8))
            colour = t.primary if hovered else t.badge
            pygame.draw.rect(surface, colour, face, border_radius=face.h // 2)
            _chevron(surface, face, t.primary_text if hovered else t.badge_text, arrow is more)
        word = pygame.Rect(
            less.rect.right + m.gap, box.y, more.rect.x - less.rect.right - 2 * m.gap, box.h
        )
        if row.values == [False, True]:  # on/off: a tick or a cross beside the word
            r = round(min(word.h, m.body) * 0.38)
            mark = check if self.value(row.key) else cross
            mark(
                surface, (word.x + r + m.unit, word.centery), r, t.button_text, max(2, round(r / 3))
            )
            word = word.inflate(-(2 * r + 2 * round(m.unit)), 0)
            word.x += r + round(m.unit)
        ui.text(surface, self.word(row), word, style="strong", colour=t.button_text, align="center")
        if focused:
            focus_ring(ui, surface, box)


def _row(key: str, label: str, values: Iterable[Any], words: list[str]) -> Row:
    """A setting's row; its chips are its arrows and all of it (see PARTS)."""
    chips = [Button(f"{key}:{part}", "", translate=False) for part in PARTS]
    return Row(key, label, list(values), words, chips)


def _chevron(
    surface: pygame.Surface, rect: pygame.Rect, colour: tuple[int, int, int], right: bool
) -> None:
    """An arrow head pointing left (less) or right (more)."""
    cx, cy = rect.center
    d = rect.h * 0.2
    sign = 1 if right else -1
    pts = [(cx - sign * d * 0.6, cy - d), (cx + sign * d * 0.7, cy), (cx - sign * d * 0.6, cy + d)]
    pygame.draw.lines(surface, colour, False, pts, max(2, round(rect.h * 0.1)))


class AboutScene(Modal):
    """About & credits over the settings: the fonts' authors and licences (OpenDyslexic's
    CC BY licence asks for this credit), and the sounds' licence. Esc, Enter or Close."""

    name = "about"
    card_size = (0.8, 1.2, 0.86)
    centred = False
    heading = N_("About & credits")

    def __init__(self, app: App) -> None:
        super().__init__(app, [Button("close", "Close", kind="primary", badge="Esc")])

    def blocks(self) -> list[Block]:
        def heading(text: str) -> Block:
            return Block(tr(text), role="semi", colour="accent", scale=0.85, gap=0.8)

        return [
            Block(tr(CREDITS[0]), role="bold"),
            heading(N_("Fonts")),
            *(Block(tr(line), gap=0.3) for line in CREDITS[1:-1]),
            heading(N_("Sounds")),
            Block(tr(CREDITS[-1]), gap=0.3),
        ]
