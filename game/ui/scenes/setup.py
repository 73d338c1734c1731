"""Setup: who plays (solo, team turns, all teams, together), number of teams, age group, deck,
number of cards and, for group games, the optional timer; then Start.

Keyboard: Up/Down (or Tab) move between rows, Left/Right change the choice in a row, Enter
starts (from a row it moves on to the next row). Mouse: click any choice. The chosen value
has a tick as well as a colour.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.model.kinds import AgeBand
from game.model.session import DEFAULT_TEAMS, MAX_TEAMS, MIN_TEAMS, Mode
from game.ui.app import CARD_COUNTS
from game.ui.input import Act, Input
from game.ui.layout import take_bottom, take_top
from game.ui.scene import Scene
from game.ui.services import N_, tr
from game.ui.timer import TIMER_CHOICES
from game.ui.widgets import Button, background, draw_button, focus_ring, panel, team_badge

if TYPE_CHECKING:
    from game.ui.app import App

MODES = (
    (Mode.SOLO, N_("Solo")),
    (Mode.TEAMS, N_("Team turns")),
    (Mode.ALL_TEAMS, N_("All teams")),
    (Mode.TOGETHER, N_("Together")),
)
MODE_HINTS = {
    Mode.SOLO: N_("One player, or the class deciding with one voice. Points for safe choices."),
    Mode.TEAMS: N_("Teams take cards in turn; another team may steal a card that was not safe."),
    Mode.ALL_TEAMS: N_("Every team decides each card (1–4 fingers or A–D cards); you enter them."),
    Mode.TOGETHER: N_("The whole group as one, no scores: a discussion."),
}
TEAM_MODES = (Mode.TEAMS, Mode.ALL_TEAMS)

BANDS = (
    (AgeBand.KIDS, N_("Ages 10–12")),
    (AgeBand.YOUNG_TEENS, N_("Ages 13–15")),
    (AgeBand.OLDER_TEENS, N_("Ages 16–18")),
    (AgeBand.ADULTS, N_("Adults")),
)


@dataclass
class Row:
    key: str
    label: str
    chips: list[Button]
    values: list[object]
    rect: pygame.Rect


class SetupScene(Scene):
    name = "setup"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.setup = replace(app.setup)
        if self.setup.deck_id not in [d.id for d in app.decks]:
            self.setup.deck_id = None
        if self.setup.count not in CARD_COUNTS:
            self.setup.count = min(CARD_COUNTS, key=lambda c: abs(c - self.setup.count))
        self.start_btn = Button("start", "Start", kind="primary", badge="Enter")
        self.back_btn = Button("back", "Back", kind="quiet", badge="Esc")
        self.help_btn = Button("help", "Help", kind="quiet", badge="H")  # "Get help" by mouse too
        self.focus = -1  # -1: the Start button; 0..n-1: a row; n: Back
        self.hover_btn: Button | None = None
        self.message = ""
        self._build_rows()

    def _build_rows(self) -> None:
        def chips(
            key: str, items: list[tuple[object, str, bool]]
        ) -> tuple[list[Button], list[object]]:
            return (
                [
                    Button(f"{key}:{i}", label, kind="chip", translate=tr_)
                    for i, (_, label, tr_) in enumerate(items)
                ],
                [v for v, _, _ in items],
            )

        rows: list[Row] = []
        b, v = chips("mode", [(mode, label, True) for mode, label in MODES])
        rows.append(Row("mode", N_("Who plays"), b, v, pygame.Rect(0, 0, 0, 0)))
        if self.setup.mode in TEAM_MODES:
            b, v = chips("teams", [(n, str(n), False) for n in range(MIN_TEAMS, MAX_TEAMS + 1)])
            rows.append(Row("teams", N_("Teams"), b, v, pygame.Rect(0, 0, 0, 0)))
        b, v = chips("band", [(band, label, True) for band, label in BANDS])
        rows.append(Row("band", N_("Age group"), b, v, pygame.Rect(0, 0, 0, 0)))
        decks: list[tuple[object, str, bool]] = [(None, N_("All decks"), True)]
        decks += [(d.id, d.info.title, False) for d in self.app.decks]
        b, v = chips("deck", decks)
        rows.append(Row("deck", N_("Deck"), b, v, pygame.Rect(0, 0, 0, 0)))
        b, v = chips("count", [(n, str(n), False) for n in CARD_COUNTS])
        rows.append(Row("count", N_("Cards"), b, v, pygame.Rect(0, 0, 0, 0)))
        if self.setup.mode.is_group:  # the optional calm countdown, off by default
            timers = [(s, f"{s} s" if s else N_("Off"), not s) for s in TIMER_CHOICES]
            b, v = chips("timer", timers)
            rows.append(Row("timer", N_("Timer per card"), b, v, pygame.Rect(0, 0, 0, 0)))
        self.rows = rows
        self._mark_selected()

    def _value(self, key: str) -> object:
        return {
            "mode": self.setup.mode,
            "teams": self.setup.teams,
            "band": self.setup.band,
            "deck": self.setup.deck_id,
            "count": self.setup.count,
            "timer": self.setup.timer,
        }[key]

    def _mark_selected(self) -> None:
        for row in self.rows:
            current = self._value(row.key)
            for chip, value in zip(row.chips, row.values, strict=True):
                chip.selected = value == current
        available = len(self.app.cards_for(self.setup))
        self.available = available
        self.start_btn.enabled = available > 0

    def _set(self, key: str, value: object) -> None:
        attr = {
            "mode": "mode",
            "teams": "teams",
            "band": "band",
            "deck": "deck_id",
            "count": "count",
            "timer": "timer",
        }[key]
        setattr(self.setup, attr, value)
        if key == "mode":
            focus_key = self.rows[self.focus].key if 0 <= self.focus < len(self.rows) else None
            self._build_rows()
            self.layout(self.app.size)
            if focus_key is not None:
                self.focus = next(i for i, r in enumerate(self.rows) if r.key == focus_key)
        self._mark_selected()
        self.message = ""

    # -- geometry --------------------------------------------------------------------------

    def layout(self, size: tuple[int, int]) -> None:
        ui, m = self.ui, self.ui.m
        w, h = size
        area = pygame.Rect(m.pad * 2, m.pad, w - 4 * m.pad, h - 2 * m.pad)
        self.heading, rest = take_top(area, m.heading * 1.5, m.pad * 0.3)
        bottom, rest = take_bottom(rest, m.body * 2.4, m.pad * 0.8)
        bw = round(min(w * 0.3, m.body * 9))
        self.start_btn.rect = pygame.Rect(bottom.right - bw, bottom.y, bw, bottom.h)
        qb = round(min(w * 0.16, m.small * 6.5))
        self.back_btn.rect = pygame.Rect(
            bottom.x, bottom.y + round(bottom.h * 0.15), qb, round(bottom.h * 0.7)
        )
        self.back_btn.size = m.small
        self.help_btn.rect = self.back_btn.rect.move(qb + m.pad, 0)
        self.help_btn.size = m.small
        self.info_rect = pygame.Rect(
            self.help_btn.rect.right + m.pad,
            bottom.y,
            self.start_btn.rect.x - self.help_btn.rect.right - 2 * m.pad,
            bottom.h,
        )
        teams_extra = 1 if self.setup.mode in TEAM_MODES else 0
        label_w = round(rest.w * 0.2)
        avail = rest.w - label_w
        gap = round(m.gap * 0.8)
        size_ = m.small

        def natural(row: Row, chip_h: float) -> list[int]:
            return [
                ui.engine.layout(c.text, "bold", size_, 10_000).w
                + round(m.unit * 5)
                + round(chip_h * 0.9)
                for c in row.chips
            ]

        tall_size = min(size_, round(m.min_font * 1.15))

        def two_line_w(text: str, chip_h: float) -> int:
            """The chip width that holds `text` in two whole-word lines at the smallest size."""
            words = text.split()
            best = (
                min(
                    max(
                        ui.engine.layout(" ".join(words[:k]), "bold", m.min_font, 10_000).w,
                        ui.engine.layout(" ".join(words[k:]), "bold", m.min_font, 10_000).w,
                    )
                    for k in range(1, len(words) + 1)
                )
                if words
                else 0
            )
            # the button's side padding and the tick of a chosen chip (see draw_button)
            return best + round(m.unit * 2.4) + 2 * round(tall_size * 0.45) + round(m.unit)

        # a row whose chips are far too wide for one line (the shipped decks' titles, longer
        # still in Swedish) gets two lines of chips instead of chips squeezed to a few letters
        two_lines = {
            row.key
            for row in self.rows
            if len(row.chips) > 3
            and sum(natural(row, m.body * 2.1)) + gap * (len(row.chips) - 1) > avail * 1.3
        }
        n = len(self.rows) + teams_extra + 0.6 + 0.8 * len(two_lines)  # + the mode's line
        row_h = min(rest.h / n, m.body * 3.3)
        # a label too long for one line (a deck title) wraps to two whole-word lines at the
        # smallest size: its chips get the height for that, the other rows give the room
        _, ink_h, text_line_h = ui.engine.line_metrics("bold", m.min_font)
        h2 = ink_h + text_line_h + round(m.unit * 0.8) + 2
        tall = {
            row.key
            for row in self.rows
            if row.key in two_lines
            and max(ui.engine.layout(c.text, "bold", m.min_font, 10_000).w for c in row.chips)
            + round(m.unit * 5)
            + round(h2 * 0.9)
            > (avail - gap * (len(row.chips) // 2)) / ((len(row.chips) + 1) // 2)
        }
        tall_h = 2 * h2 + gap
        if tall and row_h * 1.8 < tall_h:
            row_h = min((rest.h - tall_h * len(tall)) / (n - 1.8 * len(tall)), m.body * 3.3)
        # chips are click and touch targets: at least 44 px when the row leaves room for it
        chip_h = round(max(min(44, row_h * 0.9), min(row_h * 0.7, m.body * 2.1)))
        total = row_h * n + sum(max(0.0, tall_h - row_h * 1.8) for _ in tall)
        y = rest.y + (rest.h - total) / 3
        for row in self.rows:
            lines = 2 if row.key in two_lines else 1
            this_h = row_h * (1 + 0.8 * (lines - 1))
            if row.key in tall:
                this_h = max(this_h, tall_h)
            row.rect = pygame.Rect(rest.x, round(y), rest.w, round(this_h))
            widths = natural(row, chip_h)
            cut = len(widths)
            if lines == 2:  # split where the first line holds about half the width
                run = 0.0
                for i, wd in enumerate(widths):
                    if i and run + wd / 2 > sum(widths) / 2:
                        cut = i
                        break
                    run += wd
                # ...moved to where both lines have room for every label in two lines
                least = [
                    min(wd, two_line_w(c.text, chip_h))
                    for wd, c in zip(widths, row.chips, strict=True)
                ]

                fits = [
                    k
                    for k in range(1, len(widths))
                    if all(
                        sum(part) + gap * (len(part) - 1) <= avail
                        for part in (least[:k], least[k:])
                    )
                ]
                if fits and cut not in fits:
                    cut = min(fits, key=lambda k: abs(sum(widths[:k]) - sum(widths) / 2))
            half = (this_h - gap) / 2
            line_h = chip_h if lines == 1 else round(max(min(44, half), half * 0.94))
            if row.key in tall:
                line_h = max(line_h, h2)
            top = y + (this_h - line_h * lines - gap * (lines - 1)) / 2
            for group in (range(cut), range(cut, len(widths)))[:lines]:
                line = [widths[i] for i in group]
                budget = avail - gap * (len(line) - 1)
                # no chip narrower than its label wrapped to two lines at the smallest size,
                # when the line has room for that (so no word is ever broken)
                floors = [
                    min(wd, two_line_w(row.chips[i].text, line_h))
                    for wd, i in zip(line, group, strict=True)
                ]
                if sum(floors) > budget:
                    floors = [1] * len(line)
                cap = max(line)
                while (
                    sum(max(f, min(wd, cap)) for wd, f in zip(line, floors, strict=True)) > (budget)
                    and cap > 1
                ):
                    cap -= 1  # narrow the widest chips first; short labels keep their width
                line = [max(f, min(wd, cap)) for wd, f in zip(line, floors, strict=True)]
                x = row.rect.x + label_w
                for i, wd in zip(group, line, strict=True):
                    row.chips[i].rect = pygame.Rect(x, round(top), wd, line_h)
                    # a tall row's labels are drawn small anyway: its tick is sized to match
                    row.chips[i].size = tall_size if row.key in tall else size_
                    x += wd + gap
                top += line_h + gap
            y += this_h
            if row.key == "mode":
                self.hint_rect = pygame.Rect(
                    rest.x + label_w, round(y - row_h * 0.1), rest.w - label_w, round(row_h * 0.6)
                )
                y += row_h * 0.6
            if row.key == "teams":
                self.teams_rect = pygame.Rect(
                    rest.x + label_w, round(y), rest.w - label_w, round(row_h)
                )
                y += row_h

    # -- input -----------------------------------------------------------------------------

    def _all_buttons(self) -> list[Button]:
        return [c for r in self.rows for c in r.chips] + [
            self.start_btn,
            self.back_btn,
            self.help_btn,
        ]

    def handle(self, inp: Input) -> bool:
        n = len(self.rows)
        if inp.act is Act.HOVER:
            hit = next((b for b in self._all_buttons() if b.rect.collidepoint(inp.pos)), None)
            changed = hit is not self.hover_btn
            self.hover_btn = hit
            return changed
        if inp.act is Act.BACK:
            self.app.pop()
            return True
        if inp.act is Act.CLICK:
            if self.start_btn.rect.collidepoint(inp.pos):
                self.start()
            elif self.back_btn.rect.collidepoint(inp.pos):
                self.app.pop()
            elif self.help_btn.rect.collidepoint(inp.pos):
                self.app.open_help()
            else:
                for i, row in enumerate(self.rows):
                    for chip, value in zip(row.chips, row.values, strict=True):
                        if chip.rect.collidepoint(inp.pos):
                            self.focus = i
                            self._set(row.key, value)
                            return True
            return True
        if inp.act in (Act.DOWN, Act.NEXT):
            self.focus = self._step(1)
            return True
        if inp.act in (Act.UP, Act.PREV):
            self.focus = self._step(-1)
            return True
        if inp.act in (Act.LEFT, Act.RIGHT) and 0 <= self.focus < n:
            row = self.rows[self.focus]
            i = row.values.index(self._value(row.key)) if self._value(row.key) in row.values else 0
            i = (i + (1 if inp.act is Act.RIGHT else -1)) % len(row.values)
            self._set(row.key, row.values[i])
            return True
        if inp.act is Act.CONFIRM:
            if self.focus == -1:
                self.start()
            elif self.focus == n:
                self.app.pop()
            else:
                self.focus = self._step(1)
            return True
        return inp.act is Act.PICK

    def _step(self, step: int) -> int:
        order = list(range(len(self.rows))) + [-1, len(self.rows)]
        i = order.index(self.focus) if self.focus in order else 0
        return order[(i + step) % len(order)]

    def start(self) -> None:
        if not self.start_btn.enabled:
            self.message = N_("No cards fit these choices. Try another age group or deck.")
            return
        message = self.app.start_game(replace(self.setup))
        if message:
            self.message = message

    # -- drawing ---------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        surface.blit(background(ui, surface.get_size()), (0, 0))
        covered = ui.text(
            surface,
            tr("Set up the game"),
            self.heading,
            role="display",
            size=m.heading,
            colour=t.heading,
            valign="middle",
        )
        if self.app.deck_errors:  # a broken deck file is skipped; the other decks still play
            x = covered.right + m.pad
            ui.text(
                surface,
                skipped_decks_line(self.app.deck_errors),
                pygame.Rect(x, self.heading.y, self.heading.right - x, self.heading.h),
                size=m.small,
                colour=t.accent,
                align="right",
                valign="middle",
            )
        for i, row in enumerate(self.rows):
            focused = i == self.focus
            if focused:
                band = row.rect.inflate(round(m.unit * 2), -round(m.unit * 0.6))
                panel(ui, surface, band, t.panel, shadow=False)
                focus_ring(ui, surface, band)
            label = pygame.Rect(
                row.rect.x + round(m.unit * 1.5),
                row.rect.y,
                round(row.rect.w * 0.2) - round(m.unit * 2),
                row.rect.h,
            )
            ui.text(
                surface,
                tr(row.label),
                label,
                role="semi",
                size=m.body,
                colour=t.heading if focused else t.text_muted,
                valign="middle",
            )
            for chip in row.chips:
                draw_button(ui, surface, chip, hovered=chip is self.hover_btn)
            if row.key == "teams":
                self._draw_teams(surface)
            if row.key == "mode":
                ui.text(
                    surface,
                    tr(MODE_HINTS[self.setup.mode]),
                    self.hint_rect,
                    size=m.small,
                    colour=t.text_muted,
                    valign="middle",
                )
        draw_button(
            ui,
            surface,
            self.start_btn,
            focused=self.focus == -1,
            hovered=self.start_btn is self.hover_btn,
        )
        draw_button(
            ui,
            surface,
            self.back_btn,
            focused=self.focus == len(self.rows),
            hovered=self.back_btn is self.hover_btn,
        )
        draw_button(
            ui, surface, self.help_btn, focused=False, hovered=self.help_btn is self.hover_btn
        )
        if self.message:
            info, colour = tr(self.message), t.accent
        elif not self.app.decks:
            info, colour = tr("No decks were found. Ask your teacher to add deck files."), t.accent
        else:
            info = tr("{n} cards fit these choices").format(n=self.available)
            colour = t.text_muted
        ui.text(
            surface,
            info,
            self.info_rect,
            size=m.small,
            colour=colour,
            align="right",
            valign="middle",
        )

    def _draw_teams(self, surface: pygame.Surface) -> None:
        ui, m = self.ui, self.ui.m
        teams = DEFAULT_TEAMS[: self.setup.teams]
        rect = self.teams_rect
        slot = rect.w / 6
        for i, team in enumerate(teams):
            x = round(rect.x + i * slot)
            icon = pygame.Rect(
                x, rect.centery - round(m.small * 0.8), round(m.small * 1.6), round(m.small * 1.6)
            )
            team_badge(ui, surface, team, icon)
            label = pygame.Rect(
                icon.right + round(m.unit * 0.8),
                rect.y,
                round(slot - icon.w - m.unit * 1.6),
                rect.h,
            )
            ui.text(surface, tr(team.name), label, role="bold", size=m.small, valign="middle")


def skipped_decks_line(errors: list[str]) -> str:
    """The line "Skipped threats.yaml: it has mistakes." for deck files that did not load."""
    names = []
    for error in errors:
        name = Path(str(error).split(", ")[0].split(": ")[0]).name
        if name and name not in names:
            names.append(name)
    return tr("Skipped {files}: it has mistakes. The other decks play.").format(
        files=", ".join(names[:3]) + (" …" if len(names) > 3 else "")
    )
