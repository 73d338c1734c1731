"""Setup: who plays (solo, team turns, all teams, together), number of teams, age group, deck,
number of cards and, for group games, the optional timer; then Start.

Keyboard: Up/Down (or Tab) move between rows, Left/Right change the choice in a row, Enter
starts (from a row it moves on to the next row). Mouse: click any choice. The chosen value
has a tick as well as a colour.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.model.kinds import AgeBand
from game.model.session import DEFAULT_TEAMS, MAX_TEAMS, MIN_TEAMS, Mode
from game.ui.input import Act, Input
from game.ui.layout import take_bottom, take_top
from game.ui.play import CARD_COUNTS, step_choices
from game.ui.scene import Scene
from game.ui.services import N_, tr
from game.ui.timer import TIMER_CHOICES
from game.ui.widgets import (
    Button,
    background,
    draw_button,
    fit_label,
    focus_ring,
    panel,
    team_badge,
)

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
PHONE_MODES = (Mode.TOGETHER, Mode.ALL_TEAMS)  # Students' phones (game/ui/phones.py)
BROWSE = "browse"  # the plan row's last chip: not a plan, the card browser
NEXT_PLAN = "next-plan"  # the plan row's middle chip: the chosen plan; a click shows the next
FEWER, MORE = "fewer", "more"  # the card count's stepper

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
        self.plans = app.plans.plans  # read first: a plan named on the command line is chosen
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
        self.addresses: list[str] = [self.setup.phones_host] if self.setup.phones_host else []
        self._build_rows()

    def _build_rows(self) -> None:
        def chips(
            key: str, items: Sequence[tuple[object, str, bool]]
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
        if self.plans:  # a lesson plan plays its own cards in order: no band, deck, count
            # three chips, one line: none, the chosen plan (a click moves on to the next
            # plan, as Left/Right do), and the card browser (C) to build one
            chosen = self.setup.plan or self.plans[0]
            plans: list[tuple[object, str, bool]] = [(None, N_("None: draw cards"), True)]
            plans.append((NEXT_PLAN, short_title(chosen.title), False))
            plans.append((BROWSE, N_("Choose cards…"), True))
            b, v = chips("plan", plans)
            rows.append(Row("plan", N_("Lesson plan"), b, v, pygame.Rect(0, 0, 0, 0)))
        if self.setup.plan is None:
            b, v = chips("band", [(band, label, True) for band, label in BANDS])
            rows.append(Row("band", N_("Age group"), b, v, pygame.Rect(0, 0, 0, 0)))
            decks: list[tuple[object, str, bool]] = [(None, N_("All decks"), True)]
            decks += [(d.id, d.info.title, False) for d in self.app.decks]
            b, v = chips("deck", decks)
            rows.append(Row("deck", N_("Deck"), b, v, pygame.Rect(0, 0, 0, 0)))
            # a stepper, not nine chips: fewer, one more, and the number between them
            n = self.setup.count
            b, v = chips("count", [(FEWER, "–", False), (n, str(n), False), (MORE, "+", False)])
            rows.append(Row("count", N_("Cards"), b, v, pygame.Rect(0, 0, 0, 0)))
        # the steps before the move: spot the red flag and name the trick, on by default. A
        # solo player may turn them off here; in group games the facilitator does it on the
        # checklist before the first card (game/ui/scenes/facilitator_intro.py), where there is
        # room for it
        if not self.setup.mode.is_group:
            b, v = chips("steps", step_choices(self.app))
            label = self.app.glossary.word("steps_row")
            rows.append(Row("steps", label, b, v, pygame.Rect(0, 0, 0, 0)))
        if self.setup.mode.is_group:  # the optional calm countdown, off by default
            timers = [(s, f"{s} s" if s else N_("Off"), not s) for s in TIMER_CHOICES]
            b, v = chips("timer", timers)
            rows.append(Row("timer", N_("Timer per card"), b, v, pygame.Rect(0, 0, 0, 0)))
        if self.setup.mode in PHONE_MODES:  # anonymous answers from the students' phones
            b, v = chips("phones", [(False, N_("Off"), True), (True, N_("Students' phones"), True)])
            rows.append(Row("phones", N_("Phones"), b, v, pygame.Rect(0, 0, 0, 0)))
            if self.setup.phones and len(self.addresses) > 1:  # the laptop is on two networks
                b, v = chips("host", [(a, a, False) for a in self.addresses])
                rows.append(Row("host", N_("Network"), b, v, pygame.Rect(0, 0, 0, 0)))
        if self.setup.mode.is_group and self.app.presenter_offered:
            b, v = chips("presenter", [(False, N_("Off"), True), (True, N_("On"), True)])
            rows.append(Row("presenter", N_("Presenter window"), b, v, pygame.Rect(0, 0, 0, 0)))
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
            "phones": self.setup.phones,
            "host": self.setup.phones_host,
            "steps": (self.setup.spot, self.setup.name),
            "plan": NEXT_PLAN if self.setup.plan else None,
            "presenter": self.setup.presenter,
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
        if key == "steps":
            self.setup.spot, self.setup.name = value  # type: ignore[misc]
            self._mark_selected()
            self.message = ""
            return
        attr = {
            "mode": "mode",
            "teams": "teams",
            "band": "band",
            "deck": "deck_id",
            "count": "count",
            "timer": "timer",
            "phones": "phones",
            "host": "phones_host",
            "plan": "plan",
            "presenter": "presenter",
        }[key]
        if key == "count" and value in (FEWER, MORE):
            step = -1 if value == FEWER else 1
            value = min(CARD_COUNTS[-1], max(CARD_COUNTS[0], self.setup.count + step))
            self.setup.count = int(value)
            focus = self.focus
            self._build_rows()
            self.layout(self.app.size)
            self.focus = focus
            self._mark_selected()
            self.message = ""
            return
        if key == "plan" and value == BROWSE:
            self.open_browser()
            return
        if key == "plan" and value == NEXT_PLAN:
            value = self._next_plan(1 if self.setup.plan is not None else 0)
        if key == "plan" and value is not None:  # the plan decides the band and the count
            self.setup.band, self.setup.count = value.age_band, len(value.cards)  # type: ignore[attr-defined]
            self.setup.deck_id = None
        setattr(self.setup, attr, value)
        if key == "phones" and value:  # look for the laptop's networks only when asked
            from game.phones.net import lan_addresses

            self.addresses = lan_addresses()
            if self.setup.phones_host not in self.addresses:
                self.setup.phones_host = self.addresses[0] if self.addresses else None
        if key == "teams" and hasattr(self, "teams_rect"):
            self._layout_teams()
        if key in ("mode", "phones", "plan"):
            focus_key = self.rows[self.focus].key if 0 <= self.focus < len(self.rows) else None
            self._build_rows()
            self.layout(self.app.size)
            if focus_key is not None:
                self.focus = next(i for i, r in enumerate(self.rows) if r.key == focus_key)
        self._mark_selected()
        self.message = ""
        if key == "phones" and value and not self.addresses:
            self.message = N_("No local network found: turn on Wi-Fi or the laptop's hotspot.")

    # -- geometry --------------------------------------------------------------------------

    def layout(self, size: tuple[int, int]) -> None:
        ui, m = self.ui, self.ui.m
        w, h = size
        area = pygame.Rect(m.pad * 2, m.pad, w - 4 * m.pad, h - 2 * m.pad)
        # the heading grows with the text size only up to the second largest step: the rows
        # below are what the players read, and at the largest size they need the height
        self.heading_size = min(m.heading, round(h / 17 * 1.4))
        self.heading, rest = take_top(area, self.heading_size * 1.5, m.pad * 0.3)
        bottom, rest = take_bottom(rest, m.body * 2.4, m.pad * 0.8)
        bw = round(min(w * 0.3, m.body * 9))
        self.start_btn.rect = pygame.Rect(bottom.right - bw, bottom.y, bw, bottom.h)
        qb, qh = round(min(w * 0.16, m.small * 6.5)), round(bottom.h * 0.7)
        self.back_btn.rect = pygame.Rect(
            bottom.x,
            bottom.y + round(bottom.h * 0.15),
            fit_label(ui, self.back_btn, qb, qh, m.small),
            qh,
        )
        self.help_btn.rect = self.back_btn.rect.move(self.back_btn.rect.w + m.pad, 0)
        self.help_btn.rect.w = fit_label(ui, self.help_btn, qb, qh, m.small)
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

        # a row whose chips are too wide for one line (the shipped decks' titles, longer still
        # in Swedish) gets two lines of chips instead of chips squeezed to a few letters
        two_lines = {
            row.key
            for row in self.rows
            if len(row.chips) > 3
            and sum(natural(row, m.body * 2.1)) + gap * (len(row.chips) - 1) > avail * 1.3
        }
        # the mode's one-line explanation below its chips: as tall as the longest of them
        # needs (so the rows stay put when the mode changes), two lines at most
        hint_w = rest.w - label_w
        n = len(self.rows) + teams_extra + 0.8 * len(two_lines)

        def fit_hint(lines: int) -> tuple[int, int]:
            """The hint's size and height in at most `lines` lines: a quiet line, never larger
            than the chips nor than the small size at 1.1x, never below the floor."""
            size = max(m.min_font, min(size_, round(h / 34 * 1.1)))
            while True:
                tallest = max(
                    ui.engine.layout(tr(hint), "body", size, hint_w).h
                    for hint in MODE_HINTS.values()
                )
                _, _, line = ui.engine.line_metrics("body", size)
                if tallest <= line * lines or size <= m.min_font:
                    return size, tallest + round(m.unit * 0.8)
                size -= 1

        self.hint_size, hint_h = fit_hint(2)
        row_h = min((rest.h - hint_h) / n, m.body * 3.3)
        if two_lines and (row_h * 1.8 - gap) / 2 < 44 or row_h * 0.9 < 44:
            # chips are touch targets: a one-line hint gives the rows the room for 44 px
            self.hint_size, hint_h = fit_hint(1)
        room = rest.h - hint_h
        row_h = min(room / n, m.body * 3.3)
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
            row_h = min((room - tall_h * len(tall)) / (n - 1.8 * len(tall)), m.body * 3.3)
        # a row of two lines of chips: two 44 px lines when the one-line rows can spare it
        two_h = row_h * 1.8
        need = 2 * 44 + gap
        singles = n - 1.8 * len(two_lines)
        if two_lines and not tall and two_h < need and singles > 0:
            spared = (room - need * len(two_lines)) / singles
            if spared * 0.9 >= 44:
                row_h, two_h = min(spared, m.body * 3.3), need
        # chips are click and touch targets: at least 44 px when the row leaves room for it
        chip_h = round(max(min(44, row_h * 0.9), min(row_h * 0.7, m.body * 2.1)))
        total = (
            row_h * singles
            + two_h * len(two_lines)
            + hint_h
            + sum(max(0.0, tall_h - two_h) for _ in tall)
        )
        y = rest.y + (rest.h - total) / 3
        for row in self.rows:
            lines = 2 if row.key in two_lines else 1
            this_h = two_h if lines == 2 else row_h
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
            below = this_h - (top - y) - gap  # the free space under the row's last chips
            y += this_h
            if row.key == "mode":
                # tucked up to the chips, into the row's own padding below them
                tuck = round(max(0.0, below) * 0.6)
                self.hint_rect = pygame.Rect(
                    rest.x + label_w, round(y) - tuck, rest.w - label_w, hint_h
                )
                y += hint_h - tuck
            if row.key == "teams":
                self.teams_rect = pygame.Rect(
                    rest.x + label_w, round(y), rest.w - label_w, round(row_h)
                )
                self._layout_teams()
                y += row_h
        # every row label at one size, the largest at which each fits its box in whole words
        self.label_size = min(
            ui.engine.fit(
                tr(row.label),
                "semi",
                round(row.rect.w * 0.2) - round(m.unit * 3),
                min(row.rect.h, round(row_h)),
                m.body,
                m.min_font,
            ).size
            for row in self.rows
        )

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
        if inp.act is Act.LETTER and inp.text == "c":
            self.open_browser()
            return True
        if inp.act in (Act.DOWN, Act.NEXT):
            self.focus = self._step(1)
            return True
        if inp.act in (Act.UP, Act.PREV):
            self.focus = self._step(-1)
            return True
        if inp.act in (Act.LEFT, Act.RIGHT) and 0 <= self.focus < n:
            row = self.rows[self.focus]
            if row.key == "plan":  # none, then each plan in turn (the browser is C or a click)
                plan = self._next_plan(1 if inp.act is Act.RIGHT else -1, wrap_to_none=True)
                self._set("plan", plan)
                return True
            i = row.values.index(self._value(row.key)) if self._value(row.key) in row.values else 0
            step = 1 if inp.act is Act.RIGHT else -1
            i = (i + step) % len(row.values)
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

    # -- read-aloud: the heading, then the focused row with its chosen value ----------------

    def texts(self) -> tuple[str, ...]:
        return (tr("Set up the game"),)

    def spoken_focus(self) -> str | None:
        if self.focus == -1:
            return self.start_btn.text
        if not 0 <= self.focus < len(self.rows):
            return self.back_btn.text
        row = self.rows[self.focus]
        chosen = [c.text for c in row.chips if c.selected] or [
            c.text for c, v in zip(row.chips, row.values) if v not in (FEWER, MORE)
        ]
        words = f"{tr(row.label)}: {', '.join(chosen)}"
        if row.key == "mode":
            words += ". " + tr(MODE_HINTS[self.setup.mode])
        return words

    def on_enter(self) -> None:
        self.app.ask_region()  # once a run, when the locale names no country

    def _next_plan(self, step: int, wrap_to_none: bool = False) -> object:
        """The plan `step` places after the chosen one (None before the first and after the
        last when `wrap_to_none`)."""
        order: list[object] = [None, *self.plans] if wrap_to_none else list(self.plans)
        current = self.setup.plan if self.setup.plan in order else order[0]
        return order[(order.index(current) + step) % len(order)]

    def open_browser(self) -> None:
        """The card browser; a plan saved there comes back chosen (see on_resume)."""
        self.app.setup = replace(self.setup)
        self.app.open_browser(self.setup.plan)

    def on_resume(self) -> None:
        if self.app.setup.plan is not None and self.app.setup.plan != self.setup.plan:
            self.plans = self.app.plans.plans
            self.setup = replace(self.app.setup)
            self._build_rows()
            self.layout(self.app.size)

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
            size=self.heading_size,
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
                round(row.rect.w * 0.2) - round(m.unit * 3),
                row.rect.h,
            )
            ui.text(
                surface,
                tr(row.label),
                label,
                role="semi",
                size=self.label_size,
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
                    size=self.hint_size,
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
        elif self.setup.plan is not None:
            plan = self.setup.plan
            info = tr("{n} cards in order, ages {band}, {minutes} minutes").format(
                n=len(plan.cards), band=plan.age_band.value, minutes=plan.minutes
            )
            colour = t.text_muted
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

    def _layout_teams(self) -> None:
        """Where the team badges and names of the preview go: one line, each slot as wide as
        its name, all names at one size; when one line would need them smaller than the
        smallest size (six long Swedish names at the largest text size), two lines of three.
        A name is never broken inside a word."""
        ui, m = self.ui, self.ui.m
        rect = self.teams_rect
        names = [tr(t.name) for t in DEFAULT_TEAMS[: self.setup.teams]]
        if not names:
            self.team_slots: list[tuple[pygame.Rect, pygame.Rect]] = []
            return

        def plan(per_line: int, size: int) -> tuple[int, int, list[int]] | None:
            lines = math.ceil(len(names) / per_line)
            line_h = rect.h / lines
            side = min(round(size * 1.6), round(line_h * 0.92))
            gap = round(m.unit * 0.8)
            widths = [side + gap + ui.engine.layout(n, "bold", size, 10_000).w for n in names]
            space = round(m.unit * 2.4)  # between one name and the next badge
            for k in range(lines):
                part = widths[k * per_line : (k + 1) * per_line]
                if sum(part) + space * (len(part) - 1) > rect.w:
                    return None
            if size > line_h:  # letters taller than the line (descenders may use its gap)
                return None
            return side, gap, widths

        # never larger than the labels of the chips above them (the row's own choices)
        chip = next(r for r in self.rows if r.key == "teams").chips[0].rect
        largest = ui.engine.fit(
            "6", "bold", 10_000, chip.h - round(m.unit * 0.8), m.small, m.min_font
        ).size
        chosen = None
        for per_line in (len(names), math.ceil(len(names) / 2)):
            for size in range(largest, m.min_font - 1, -1):
                found = plan(per_line, size)
                if found is not None:
                    break
            if found is not None and (chosen is None or size > chosen[1] * 1.15):
                chosen = (per_line, size, found)
            if chosen is not None and chosen[1] >= round(largest * 0.85):
                break  # one line at (almost) the full size: no need for two
        if chosen is None:  # nothing fits: two lines at the smallest size, whole names
            size, per_line = m.min_font, math.ceil(len(names) / 2)
            side = min(round(size * 1.6), round(rect.h / 2 * 0.92))
            gap = round(m.unit * 0.8)
            widths = [side + gap + ui.engine.layout(n, "bold", size, 10_000).w for n in names]
            chosen = (per_line, size, (side, gap, widths))
        per_line, self.team_size, (side, gap, widths) = chosen
        lines = math.ceil(len(names) / per_line)
        line_h = rect.h / lines
        slots = []
        space = round(m.unit * 2.4)
        for k in range(lines):
            part = list(range(k * per_line, min(len(names), (k + 1) * per_line)))
            # the spare width is shared out between the slots, so the line fills the row
            spare = rect.w - sum(widths[i] for i in part) - space * (len(part) - 1)
            extra = spare / len(part) if per_line == len(names) else 0
            x = float(rect.x)
            cy = rect.y + line_h * (k + 0.5)
            for i in part:
                icon = pygame.Rect(round(x), round(cy - side / 2), side, side)
                label = pygame.Rect(
                    icon.right + gap,
                    round(cy - line_h / 2),
                    widths[i] - side - gap + 2,
                    round(line_h),
                )
                slots.append((icon, label))
                x += widths[i] + space + extra
        self.team_slots = slots

    def _draw_teams(self, surface: pygame.Surface) -> None:
        ui = self.ui
        teams = DEFAULT_TEAMS[: self.setup.teams]
        for team, (icon, label) in zip(teams, self.team_slots, strict=True):
            team_badge(ui, surface, team, icon)
            ui.text(
                surface,
                tr(team.name),
                label,
                role="bold",
                size=self.team_size,
                min_size=self.team_size,
                valign="middle",
            )


def short_title(title: str) -> str:
    """A plan's title for a chip: its first part ("First lesson"); the ages and the length
    are on the line beside Start."""
    return title.split(" (")[0].split(", ")[0].strip() or title


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
