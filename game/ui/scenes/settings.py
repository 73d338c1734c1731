"""Settings (from the title or the pause screen): text size, line spacing, font, theme, reduced
motion, sound and volume, read-aloud, language and region — the game's accessibility menu.

Every change applies at once (all screens re-lay out, also the card under a Pause) and is saved.
Keyboard: Up/Down or Tab move between settings, Left/Right change the value, Enter steps to the
next value (or closes, on Done), Esc closes. Mouse and touch: the arrows change a value, a click
on the value steps it. Values are words, never colour alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pygame

from game.settings import LINE_SPACINGS, TEXT_SCALES
from game.ui import prefs
from game.ui.input import Act, Input
from game.ui.layout import centered, inset, split_cols, split_rows, take_bottom, take_top
from game.ui.scene import Scene, column_texts
from game.ui.services import N_, tr
from game.ui.text import Block
from game.ui.theme import THEME_WORDS
from game.ui.toast import draw_icon
from game.ui.widgets import (
    Button,
    FocusGroup,
    check,
    cross,
    draw_button,
    draw_card,
    draw_group,
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
VOLUMES = tuple(round(v / 10, 1) for v in range(11))
CREDITS = (
    N_("Red Flags is free software, made for classrooms."),
    N_("Andika by SIL International (OFL)."),
    N_("Lexend by The Lexend Project Authors (OFL)."),
    N_("Atkinson Hyperlegible by the Braille Institute of America (OFL)."),
    N_("OpenDyslexic font by Abelardo Gonzalez (CC BY 3.0), based on Bitstream Vera."),
    N_("Sounds made for the game, free to use (CC0)."),
)
NO_VOICE = N_("No voice is installed on this computer, so nothing is read aloud.")


@dataclass
class Row:
    """One setting: its label, its values and the words for them; rects set by `layout`."""

    key: str
    label: str  # English message id
    values: list[Any]
    word: Callable[[Any], str]
    cell: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    label_rect: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    box: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    less: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    more: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    value_rect: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))


def _on_off(value: Any) -> str:
    return tr("On") if value else tr("Off")


def _nearest(values: list[Any], value: Any) -> int:
    if value in values:
        return values.index(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        numbers = [v for v in values if isinstance(v, (int, float))]
        if numbers:
            return values.index(min(numbers, key=lambda v: abs(v - value)))
    return 0


class SettingsScene(Scene):
    name = "settings"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.rows = self._rows()
        self.columns = 2
        self.about_btn = Button("about", "About & credits")
        self.done_btn = Button("done", "Done", kind="primary", badge="Esc")
        self.buttons = [self.about_btn, self.done_btn]
        self.focus = 0  # 0..len(rows)-1: a setting; then About, then Done
        self.hover: tuple[int, str] | None = None  # (row, part) under the mouse
        self.hover_btn: Button | None = None
        notice = app.settings_notice  # a damaged settings file, if the title has not said so
        app.settings_notice = None
        self.message = notice or ""

    # -- the settings ------------------------------------------------------------------------

    def _rows(self) -> list[Row]:
        app = self.app

        def region_word(rid: Any) -> str:
            return prefs.region_name(str(rid), app.language)

        regions = prefs.regions()
        regions.sort(key=lambda r: (r == "elsewhere", region_word(r)))
        return [
            Row(
                "text_scale",
                N_("Text size"),
                list(TEXT_SCALES),
                lambda v: tr(SIZE_WORDS[_nearest(list(TEXT_SCALES), v)]),
            ),
            Row(
                "line_spacing",
                N_("Line spacing"),
                list(LINE_SPACINGS),
                lambda v: tr(SPACING_WORDS[_nearest(list(LINE_SPACINGS), v)]),
            ),
            Row("font", N_("Font"), list(FONT_WORDS), lambda v: FONT_WORDS.get(v, str(v))),
            Row("theme", N_("Colours"), list(THEME_WORDS), lambda v: tr(THEME_WORDS.get(v, v))),
            Row("reduced_motion", N_("Reduced motion"), [False, True], _on_off),
            Row("sound", N_("Sound"), [False, True], _on_off),
            Row("volume", N_("Volume"), list(VOLUMES), lambda v: f"{round(float(v) * 100)} %"),
            Row("read_aloud", N_("Read aloud"), [False, True], _on_off),
            Row("language", N_("Language"), prefs.languages(), prefs.language_name),
            Row("region", N_("Help services for"), regions, region_word),
        ]

    def value(self, row: Row) -> Any:
        if row.key == "language":
            return self.app.language
        if row.key == "region":
            return prefs.current_region(self.app)
        return getattr(self.app.settings, row.key)

    def word(self, row: Row) -> str:
        return row.word(self.value(row))

    def row(self, key: str) -> Row:
        return next(r for r in self.rows if r.key == key)

    def step(self, row: Row, step: int) -> None:
        """Change a setting to its next (+1) or previous (-1) value; apply and save it."""
        if not row.values:
            return
        i = (_nearest(row.values, self.value(row)) + step) % len(row.values)
        self.set(row, row.values[i])

    def set(self, row: Row, value: Any) -> None:
        problem = prefs.change(self.app, **{row.key: value})
        if row.key == "language":
            self.rows = self._rows()  # region names in the new language
            self.layout(self.app.size)
        if (problem or "") != self.message:
            self.message = problem or ""
            self.layout(self.app.size)
        if row.key in ("sound", "volume") and self.app.sound.audible:
            self.app.sound.play("choose")  # hear the new volume

    def message_text(self) -> str:
        """A notice for the bottom: a damaged or unsaved settings file, or no voice."""
        if self.message:
            return tr(self.message)
        return "" if self.app.voice.available else tr(NO_VOICE)

    def spoken_focus(self) -> str:
        """What read-aloud says when the focus moves or a value changes."""
        if self.focus >= len(self.rows):
            return self.buttons[self.focus - len(self.rows)].text
        row = self.rows[self.focus]
        return f"{tr(row.label)}: {self.word(row)}"

    # -- geometry ----------------------------------------------------------------------------

    def layout(self, size: tuple[int, int]) -> None:
        m = self.ui.m
        w, h = size
        area = pygame.Rect(m.pad * 2, m.pad, w - 4 * m.pad, h - 2 * m.pad)
        self.heading, rest = take_top(area, m.heading * 1.3, m.pad * 0.4)
        self.hint = pygame.Rect(
            self.heading.x + round(self.heading.w * 0.35),
            self.heading.y,
            round(self.heading.w * 0.65),
            self.heading.h,
        )
        self.heading = pygame.Rect(
            self.heading.x, self.heading.y, round(self.heading.w * 0.33), self.heading.h
        )
        bottom, rest = take_bottom(rest, max(48, min(m.body * 1.9, h * 0.11)), m.pad * 0.6)
        bw = round(min(bottom.w * 0.3, m.body * 7))
        self.done_btn.rect = pygame.Rect(bottom.right - bw, bottom.y, bw, bottom.h)
        aw = round(min(bottom.w * 0.4, m.body * 10))
        self.about_btn.rect = pygame.Rect(bottom.x, bottom.y, aw, bottom.h)
        self.about_btn.size = m.small
        self.notice = pygame.Rect(rest.x, rest.bottom, rest.w, 0)
        if self.message_text():  # room for a notice only when there is one
            self.notice, rest = take_bottom(rest, m.body * 1.5, m.pad * 0.4)
        per_col = -(-len(self.rows) // self.columns)
        cols = split_cols(rest, [1] * self.columns, m.pad * 1.5)
        for c, col in enumerate(cols):
            cells = split_rows(col, [1] * per_col, m.pad * 0.5)
            for r, cell in enumerate(cells):
                i = c * per_col + r
                if i < len(self.rows):
                    self._layout_row(self.rows[i], cell)

    def _layout_row(self, row: Row, cell: pygame.Rect) -> None:
        m = self.ui.m
        row.cell = cell
        label_h = max(m.min_font * 1.4, min(m.body * 1.35, cell.h * 0.4))
        row.label_rect, box = take_top(cell, label_h, m.unit * 0.4)
        box_h = max(44, min(round(box.h), round(m.body * 2.0)))
        row.box = pygame.Rect(box.x, box.y, box.w, box_h)
        side = row.box.h
        row.less = pygame.Rect(row.box.x, row.box.y, side, side)
        row.more = pygame.Rect(row.box.right - side, row.box.y, side, side)
        row.value_rect = pygame.Rect(
            row.less.right + m.gap, row.box.y, row.more.x - row.less.right - 2 * m.gap, side
        )

    def click_targets(self) -> list[pygame.Rect]:
        """Everything the mouse or a finger can press (tests check they are large enough)."""
        out = [b.rect for b in self.buttons]
        for row in self.rows:
            out += [row.less, row.more, row.value_rect]
        return out

    # -- input -------------------------------------------------------------------------------

    def _hit(self, pos: tuple[int, int]) -> tuple[int, str] | None:
        for i, row in enumerate(self.rows):
            if row.less.collidepoint(pos):
                return i, "less"
            if row.more.collidepoint(pos):
                return i, "more"
            if row.box.collidepoint(pos) or row.label_rect.collidepoint(pos):
                return i, "value"
        return None

    def handle(self, inp: Input) -> bool:
        n = len(self.rows)
        stops = n + len(self.buttons)
        if inp.act is Act.HOVER:
            hit = self._hit(inp.pos)
            btn = next((b for b in self.buttons if b.rect.collidepoint(inp.pos)), None)
            changed = hit != self.hover or btn is not self.hover_btn
            self.hover, self.hover_btn = hit, btn
            return changed
        if inp.act is Act.BACK:
            self.close()
            return True
        if inp.act is Act.CLICK:
            btn = next((b for b in self.buttons if b.rect.collidepoint(inp.pos)), None)
            if btn is not None:
                self.activate(btn)
                return True
            hit = self._hit(inp.pos)
            if hit is not None:
                i, part = hit
                self.focus = i
                self.step(self.rows[i], -1 if part == "less" else 1)
            return True
        if inp.act in (Act.DOWN, Act.NEXT):
            self.focus = (self.focus + 1) % stops
            return True
        if inp.act in (Act.UP, Act.PREV):
            self.focus = (self.focus - 1) % stops
            return True
        if inp.act in (Act.LEFT, Act.RIGHT):
            if self.focus < n:
                self.step(self.rows[self.focus], 1 if inp.act is Act.RIGHT else -1)
            return True
        if inp.act is Act.CONFIRM:
            if self.focus >= n:
                self.activate(self.buttons[self.focus - n])
            else:
                self.step(self.rows[self.focus], 1)
            return True
        return inp.act not in (Act.HELP, Act.FULLSCREEN)

    def activate(self, button: Button) -> None:
        if button is self.about_btn:
            self.app.open_about()
        else:
            self.close()

    def close(self) -> None:
        self.app.pop()

    # -- drawing -----------------------------------------------------------------------------

    def texts(self) -> tuple[str, ...]:
        """Read aloud: the heading and how to use it; each setting is spoken as it has focus."""
        return (tr("Settings"), tr("Up and Down choose a setting, Left and Right change it."))

    def draw(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        paint_background(ui, surface)
        ui.text(
            surface,
            tr("Settings"),
            self.heading,
            role="display",
            size=m.heading,
            colour=t.heading,
            valign="middle",
        )
        ui.text(
            surface,
            tr("Up and Down choose a setting, Left and Right change it."),
            self.hint,
            size=m.small,
            colour=t.text_muted,
            align="right",
            valign="middle",
        )
        for i, row in enumerate(self.rows):
            self._draw_row(surface, i, row)
        message = self.message_text()
        if message:
            icon_d = min(self.notice.h, round(m.body * 1.1))
            icon = pygame.Surface((icon_d, icon_d), pygame.SRCALPHA)
            draw_icon(icon, "info", icon.get_rect(), t.accent)
            surface.blit(icon, (self.notice.x, self.notice.centery - icon_d // 2))
            box = pygame.Rect(
                self.notice.x + icon_d + m.gap,
                self.notice.y,
                self.notice.w - icon_d - m.gap,
                self.notice.h,
            )
            ui.text(surface, message, box, colour=t.accent, valign="middle")
        for i, b in enumerate(self.buttons):
            draw_button(
                ui,
                surface,
                b,
                focused=self.focus == len(self.rows) + i,
                hovered=b is self.hover_btn,
            )

    def _draw_row(self, surface: pygame.Surface, i: int, row: Row) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        focused = i == self.focus
        label = tr(row.label)
        if row.key == "read_aloud" and not self.app.voice.available:
            label = tr("{setting} — no voice installed").format(setting=label)
        ui.text(
            surface,
            label,
            row.label_rect,
            role="semi",
            size=m.body,
            colour=t.heading if focused else t.text_muted,
            valign="bottom",
        )
        hovered = self.hover[1] if self.hover and self.hover[0] == i else None
        fill = t.button_hover if hovered == "value" else t.button
        panel(ui, surface, row.box, fill, shadow=False, edge=t.button_border)
        for part, rect in (("less", row.less), ("more", row.more)):
            face = rect.inflate(-round(m.unit * 0.8), -round(m.unit * 0.8))
            colour = t.primary if hovered == part else t.badge
            mark = t.primary_text if hovered == part else t.badge_text
            pygame.draw.rect(surface, colour, face, border_radius=face.h // 2)
            _chevron(surface, face, mark, part == "more")
        word = self.word(row)
        value_box = row.value_rect
        if row.values == [False, True]:  # on/off: a tick or a cross beside the word
            r = round(min(value_box.h, m.body) * 0.38)
            centre = (value_box.x + r + m.unit, value_box.centery)
            draw_mark = check if self.value(row) else cross
            draw_mark(surface, centre, r, t.button_text, max(2, round(r / 3)))
            value_box = value_box.inflate(-(2 * r + 2 * round(m.unit)), 0)
            value_box.x += r + round(m.unit)
        ui.text(
            surface,
            word,
            value_box,
            role="bold",
            size=m.body,
            colour=t.button_text,
            align="center",
            valign="middle",
        )
        if focused:
            focus_ring(ui, surface, row.box)


def _chevron(
    surface: pygame.Surface, rect: pygame.Rect, colour: tuple[int, int, int], right: bool
) -> None:
    """An arrow head pointing left (less) or right (more)."""
    cx, cy = rect.center
    d = rect.h * 0.2
    sign = 1 if right else -1
    pts = [(cx - sign * d * 0.6, cy - d), (cx + sign * d * 0.7, cy), (cx - sign * d * 0.6, cy + d)]
    pygame.draw.lines(surface, colour, False, pts, max(2, round(rect.h * 0.1)))


class AboutScene(Scene):
    """About & credits over the settings: the fonts' authors and licences (OpenDyslexic's
    CC BY licence asks for this credit), and the sounds' licence. Esc, Enter or Close."""

    group: FocusGroup  # made in __init__ (Scene.group is None for scenes without one)

    name = "about"
    opaque = False

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.close_btn = Button("close", "Close", kind="primary", badge="Esc")
        self.group = FocusGroup([self.close_btn], index=0)

    def layout(self, size: tuple[int, int]) -> None:
        m = self.ui.m
        self.card = centered(m.screen, min(size[0] * 0.8, m.h * 1.2), size[1] * 0.86)
        inner = inset(self.card, m.pad * 1.4)
        self.heading, rest = take_top(inner, m.heading * 1.3, m.pad * 0.4)
        bottom, self.body = take_bottom(rest, max(48, m.body * 2.2), m.pad * 0.6)
        bw = round(min(bottom.w * 0.4, m.body * 7))
        self.close_btn.rect = pygame.Rect(bottom.centerx - bw // 2, bottom.y, bw, bottom.h)
        blocks = [Block(tr(CREDITS[0]), role="bold")]
        blocks.append(Block(tr("Fonts"), role="semi", colour="accent", scale=0.85, gap=0.8))
        blocks += [Block(tr(line), gap=0.3) for line in CREDITS[1:-1]]
        blocks.append(Block(tr("Sounds"), role="semi", colour="accent", scale=0.85, gap=0.8))
        blocks.append(Block(tr(CREDITS[-1]), gap=0.3))
        self.fit = self.ui.column(blocks, self.body, m.body)

    def handle(self, inp: Input) -> bool:
        if inp.act is Act.HOVER:
            return self.group.set_hover(inp.pos)
        if inp.act in (Act.BACK, Act.CONFIRM) or (
            inp.act is Act.CLICK and self.close_btn.rect.collidepoint(inp.pos)
        ):
            self.app.pop()
            return True
        return inp.act not in (Act.HELP, Act.FULLSCREEN)

    def texts(self) -> tuple[str, ...]:
        return (tr("About & credits"), *column_texts(self.fit))

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        draw_card(ui, surface, self.card, tr("About & credits"), self.heading)
        ui.draw_column(surface, self.fit, self.body)
        draw_group(ui, surface, self.group)
