"""Setup: who plays, the teams, a lesson plan or the age group, deck and number of cards, the
steps, the timer, the phones; then Start. Keys and clicks as in game/ui/choices.py (Enter on a
row moves on to the next one; C opens the card browser). A chosen chip has a tick too."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

import pygame

from game.model.kinds import AgeBand
from game.model.session import DEFAULT_TEAMS, MAX_TEAMS, MIN_TEAMS, Mode
from game.ui.choices import MODE_WORDS, ChoicesScene, Row, nearest
from game.ui.input import Act, Input
from game.ui.layout import TOUCH, centered, flow, in_row, inset, take_bottom, take_top
from game.ui.play import CARD_COUNTS, step_choices
from game.ui.services import N_, ngettext, tr
from game.ui.timer import TIMER_CHOICES
from game.ui.widgets import (
    Button,
    draw_button,
    fit_label,
    focus_ring,
    label_width,
    paint_background,
    panel,
    team_badge,
)

if TYPE_CHECKING:
    from game.model.plans import LessonPlan
    from game.ui.app import App

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


class SetupScene(ChoicesScene):
    name = "setup"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.plans = app.plans.plans  # read first: a plan named on the command line is chosen
        self.setup = replace(app.setup)
        if self.setup.deck_id not in [d.id for d in app.decks]:
            self.setup.deck_id = None
        self.setup.count = CARD_COUNTS[nearest(list(CARD_COUNTS), self.setup.count)]
        self.start_btn = Button("start", "Start", kind="primary", badge="Enter")
        self.back_btn = Button("back", "Back", kind="quiet", badge="Esc")
        self.help_btn = Button("help", "Help", kind="quiet", badge="H")  # "Get help" by mouse too
        self.buttons = [self.start_btn, self.back_btn]  # the focus stops after the rows
        self.others = (self.help_btn,)
        self.actions = {"start": self.start, "back": app.pop, "help": app.open_help}
        self.message = ""
        self.addresses: list[str] = [self.setup.phones_host] if self.setup.phones_host else []
        self.rows = []
        self.refresh()  # the focus on Start

    def make_rows(self) -> list[Row]:
        """The rows this setup offers, each chip marked when its value is chosen."""
        rows: list[Row] = []

        def add(key: str, label: str, choices: Sequence[tuple[object, str]]) -> None:
            """A row of chips: each a value and its words (translated)."""
            values, words = [v for v, _ in choices], [w for _, w in choices]
            current = self.value(key)
            chips = [
                Button(f"{key}:{i}", w, kind="chip", translate=False, selected=v == current)
                for i, (v, w) in enumerate(choices)
            ]
            rows.append(Row(key, label, values, words, chips))

        off_on = [(False, tr("Off")), (True, tr("On"))]
        add("mode", N_("Who plays"), [(mode, tr(w)) for mode, w in MODE_WORDS.items()])
        if self.setup.mode in TEAM_MODES:
            add("teams", N_("Teams"), [(n, str(n)) for n in range(MIN_TEAMS, MAX_TEAMS + 1)])
        if self.plans:  # a lesson plan plays its own cards in order: no band, deck, count
            # three chips, one line: none, the chosen plan (a click moves on to the next
            # plan, as Left/Right do), and the card browser (C) to build one
            chosen = short_title((self.setup.plan or self.plans[0]).title)
            none, browse = (None, tr("None: draw cards")), (BROWSE, tr("Choose cards…"))
            add("plan", N_("Lesson plan"), [none, (NEXT_PLAN, chosen), browse])
        if self.setup.plan is None:
            add("band", N_("Age group"), [(band, tr(w)) for band, w in BANDS])
            decks = [(d.id, d.info.title) for d in self.app.decks]
            add("deck_id", N_("Deck"), [(None, tr("All decks")), *decks])
            # a stepper, not nine chips: fewer, one more, and the number between them
            n = self.setup.count
            add("count", N_("Cards"), [(FEWER, "–"), (n, str(n)), (MORE, "+")])
        # the steps before the move: spot the red flag and name the trick, on by default. A
        # solo player may turn them off here; in group games the facilitator does it on the
        # checklist before the first card (game/ui/scenes/facilitator_intro.py), where there is
        # room for it
        if not self.setup.mode.is_group:
            add("steps", self.app.glossary.word("steps_row"), step_choices(self.app))
        if self.setup.mode.is_group:  # the optional calm countdown, off by default
            timers = [(s, f"{s} s" if s else tr("Off")) for s in TIMER_CHOICES]
            add("timer", N_("Timer per card"), timers)
        if self.setup.mode in PHONE_MODES:  # anonymous answers from the students' phones
            add("phones", N_("Phones"), [off_on[0], (True, tr("Students' phones"))])
            if self.setup.phones:  # the pulse before the first card and after the last
                add("pulse", N_("Pulse"), off_on)
            if self.setup.phones and len(self.addresses) > 1:  # the laptop is on two networks
                add("phones_host", N_("Network"), [(a, a) for a in self.addresses])
        if self.setup.mode.is_group and self.app.presenter_offered:
            add("presenter", N_("Presenter window"), off_on)
        self.available = len(self.app.cards_for(self.setup))
        self.start_btn.enabled = self.available > 0
        return rows

    def value(self, key: str) -> object:
        if key == "steps":
            return (self.setup.spot, self.setup.name)
        if key == "plan":
            return NEXT_PLAN if self.setup.plan else None
        return getattr(self.setup, key)

    def choose(self, key: str, value: object) -> None:
        """Set one choice and build the rows again: a choice may add rows, drop rows or
        relabel a chip."""
        setup, self.message = self.setup, ""
        if key == "plan" and value == BROWSE:
            self.open_browser()
            return
        if key == "plan" and value == NEXT_PLAN:
            value = self._next_plan(1 if setup.plan is not None else 0)
        if key == "count" and value in (FEWER, MORE):
            step = 1 if value == MORE else -1
            value = min(CARD_COUNTS[-1], max(CARD_COUNTS[0], setup.count + step))
        if key == "steps":
            setup.spot, setup.name = value  # type: ignore[misc]
        elif key == "plan" and value is not None:  # the plan decides the band and the count
            plan = cast("LessonPlan", value)  # a plan's chip
            setup.plan, setup.band, setup.count = plan, plan.age_band, len(plan.cards)
            setup.deck_id = None
        else:
            setattr(setup, key, value)
        if key == "phones" and value:  # look for the laptop's networks only when asked
            from game.phones.net import lan_addresses

            self.addresses = lan_addresses()
            if setup.phones_host not in self.addresses:
                setup.phones_host = self.addresses[0] if self.addresses else None
            if not self.addresses:
                self.message = N_("No local network found: turn on Wi-Fi or the laptop's hotspot.")
        self.layout(self.app.size)

    def step(self, row: Row, step: int) -> None:
        if row.key == "plan":  # none, then each plan in turn (the browser is C or a click)
            self.choose("plan", self._next_plan(step, wrap_to_none=True))
        else:
            super().step(row, step)

    # -- geometry --------------------------------------------------------------------------

    def layout(self, size: tuple[int, int]) -> None:
        """Heading, the rows (a label, then chips flowing onto lines), the bottom bar. The
        chips' labels take the largest size from `small` down at which every chip line is a
        44 px touch target; a label too long for the width wraps inside its chip."""
        ui, m = self.ui, self.ui.m
        self.refresh()  # the words in the current language; the chosen chips
        area = inset(m.screen, m.pad * 2, m.pad)
        # the heading grows with the text size only up to the second largest step: the rows
        # below are what the players read, and at the largest size they need the height
        self.heading_size = min(m.heading, round(m.h / 17 * 1.4))
        self.heading, rest = take_top(area, self.heading_size * 1.5, m.pad * 0.3)
        bottom, rest = take_bottom(rest, m.body * 2.4, m.pad * 0.8)
        self._layout_bottom(bottom)
        self.label_w = round(rest.w * 0.2)
        self._place(pygame.Rect(rest.x + self.label_w, rest.y, rest.w - self.label_w, rest.h))
        # every row label at one size, the largest at which each fits its box in whole words
        self.label_size = min(
            ui.engine.fit(
                tr(row.label), "semi", self.label_w - m.space(4), row.rect.h, m.body, m.min_font
            ).size
            for row in self.rows
        )

    def _layout_bottom(self, bottom: pygame.Rect) -> None:
        """[Back] [Help] … the line about the cards … [Start]."""
        ui, m = self.ui, self.ui.m
        bw = round(min(m.w * 0.3, m.body * 9))
        self.start_btn.rect = pygame.Rect(bottom.right - bw, bottom.y, bw, bottom.h)
        qb, qh = round(min(m.w * 0.16, m.small * 6.5)), round(bottom.h * 0.7)
        widths = [fit_label(ui, b, qb, qh, m.small) for b in (self.back_btn, self.help_btn)]
        quiet = pygame.Rect(bottom.x, bottom.y + round(bottom.h * 0.15), bottom.w, qh)
        self.back_btn.rect, self.help_btn.rect = in_row(quiet, widths, m.pad)
        x = self.help_btn.rect.right + m.pad
        self.info_rect = pygame.Rect(x, bottom.y, self.start_btn.rect.x - m.pad - x, bottom.h)

    def _chip_w(self, chip: Button, size: int) -> int:
        """A chip's width for its label on one line at `size`, with room for the tick of a
        chosen one (so choosing does not move the row)."""
        return max(size * 3, label_width(self.ui, replace(chip, selected=True), size * 2, size))

    def _place(self, box: pygame.Rect) -> None:
        """The rows top-down in `box`, each row's chips flowed onto lines; the mode's
        explanation under its chips, the team preview under the teams. The chips' labels take
        the largest size from `small` down at which every line is a 44 px touch target; the
        spare height goes between the rows (a little) and above them."""
        ui, m = self.ui, self.ui.m
        gap, tallest = m.space(2), max(TOUCH, round(m.body * 2.1))
        for size in range(m.small, min(m.small, m.min_font) - 1, -1):
            widths = [[self._chip_w(c, size) for c in r.chips] for r in self.rows]
            lines = [flow(w, box.w, gap) for w in widths]
            # the mode's explanation: as tall as the longest of them needs (so the rows stay
            # put when the mode changes), never larger than the chips' labels
            self.hint_size = max(m.min_font, min(size, round(m.h / 34 * 1.1)))
            hint_h = max(
                ui.engine.layout(tr(hint), "body", self.hint_size, box.w).h
                for hint in MODE_HINTS.values()
            )
            teams = []  # the team preview, badges and whole names, on one line or more
            if self.setup.mode in TEAM_MODES:
                names = [tr(t.name) for t in DEFAULT_TEAMS[: self.setup.teams]]
                team_w = [
                    round(size * 1.6) + m.space(2) + ui.engine.layout(n, "bold", size, 10_000).w
                    for n in names
                ]
                teams = flow(team_w, box.w, m.space(4))
            n = sum(map(len, lines)) + len(teams)
            line_h = min(tallest, round((box.h - hint_h - gap * (n + len(self.rows))) / n))
            if line_h >= max(TOUCH, size * 1.8):
                break
        rows = len(self.rows) + bool(teams)
        used = n * line_h + gap * (n - rows) + hint_h
        row_gap = min(line_h * 0.6, max(gap, (box.h - used) / rows))
        y = box.y + max(0.0, box.h - used - row_gap * rows) / 3
        for r, row_widths, row_lines in zip(self.rows, widths, lines, strict=True):
            top = y
            for line in row_lines:
                rect = pygame.Rect(box.x, round(y), box.w, line_h)
                part = [row_widths[i] for i in line]  # a row of several lines fills them
                boxes = _filled(rect, part, gap) if len(row_lines) > 1 else in_row(rect, part, gap)
                for i, chip_rect in zip(line, boxes, strict=True):
                    r.chips[i].rect, r.chips[i].size = chip_rect.clip(rect), size
                y += line_h + gap
            r.rect = pygame.Rect(box.x - self.label_w, round(top), box.w + self.label_w, 0)
            r.rect.h = round(y - gap - top)
            y += row_gap - gap
            if r.key == "mode":
                self.hint_rect = pygame.Rect(box.x, round(y - row_gap * 0.5), box.w, hint_h)
                y += hint_h
            if r.key == "teams":  # the preview at the chips' size, each line filled
                side, self.team_size = min(round(size * 1.6), round(line_h * 0.92)), size
                self.team_slots: list[tuple[pygame.Rect, pygame.Rect]] = []
                for line in teams:
                    rect = pygame.Rect(box.x, round(y), box.w, line_h)
                    for slot in _filled(rect, [team_w[i] for i in line], m.space(4)):
                        icon = centered(pygame.Rect(slot.x, slot.y, side, slot.h), side, side)
                        label = pygame.Rect(icon.right + m.space(2), slot.y, slot.w - side, slot.h)
                        self.team_slots.append((icon, label))
                    y += line_h
                y += row_gap

    # -- input -----------------------------------------------------------------------------

    def handle(self, inp: Input) -> bool:
        if inp.act is Act.LETTER and inp.text == "c":
            self.open_browser()
            return True
        return super().handle(inp)

    def texts(self) -> tuple[str, ...]:
        return (tr("Set up the game"),)

    def spoken_focus(self) -> str | None:
        """The focused row with its chosen value (and the mode's explanation), or button."""
        words = super().spoken_focus()
        if self.focus < len(self.rows) and self.rows[self.focus].key == "mode":
            words = f"{words}. {tr(MODE_HINTS[self.setup.mode])}"
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
            self.layout(self.app.size)

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
        paint_background(ui, surface)
        covered = ui.text(
            surface, self.texts()[0], self.heading, style="title", size=self.heading_size
        )
        if self.app.deck_errors:  # a broken deck file is skipped; the other decks still play
            x = covered.right + m.pad
            ui.text(
                surface,
                skipped_decks_line(self.app.deck_errors),
                pygame.Rect(x, self.heading.y, self.heading.right - x, self.heading.h),
                style="note",
                colour=t.accent,
                align="right",
            )
        for i, row in enumerate(self.rows):
            focused = i == self.focus
            if focused:
                band = row.rect.inflate(round(m.unit * 2), -round(m.unit * 0.6))
                panel(ui, surface, band, t.panel, shadow=False)
                focus_ring(ui, surface, band)
            label = pygame.Rect(
                row.rect.x + m.space(3), row.rect.y, self.label_w - m.space(4), row.rect.h
            )
            ui.text(
                surface,
                tr(row.label),
                label,
                style="label",
                size=self.label_size,
                colour=t.heading if focused else t.text_muted,
            )
            for chip in row.chips:
                draw_button(ui, surface, chip, hovered=chip.id == self.hover)
            if row.key == "teams":
                for team, (icon, name) in zip(DEFAULT_TEAMS, self.team_slots, strict=False):
                    team_badge(ui, surface, team, icon)
                    size = self.team_size
                    ui.text(surface, tr(team.name), name, style="strong", size=size, min_size=size)
            if row.key == "mode":
                ui.text(
                    surface,
                    tr(MODE_HINTS[self.setup.mode]),
                    self.hint_rect,
                    style="note",
                    size=self.hint_size,
                )
        self.draw_buttons(surface)
        info, colour = self._info()
        ui.text(surface, info, self.info_rect, style="note", colour=colour, align="right")

    def _info(self) -> tuple[str, tuple[int, int, int]]:
        """The line beside Start: a problem (in the accent colour), or what will be played."""
        t, plan = self.ui.theme, self.setup.plan
        if self.message:
            return tr(self.message), t.accent
        if not self.app.decks:
            return tr("No decks were found. Ask your teacher to add deck files."), t.accent
        if plan is not None:
            line = ngettext(  # a plan has 4 to 12 cards and 20 minutes or more
                "{n} card in order, ages {band}, {minutes} minutes",
                "{n} cards in order, ages {band}, {minutes} minutes",
                len(plan.cards),
            )
            return line.format(
                n=len(plan.cards), band=plan.age_band.value, minutes=plan.minutes
            ), t.text_muted
        line = ngettext(
            "{n} card fits these choices", "{n} cards fit these choices", self.available
        )
        return line.format(n=self.available), t.text_muted


def _filled(rect: pygame.Rect, widths: Sequence[float], gap: float) -> list[pygame.Rect]:
    """Boxes of `widths` left to right in `rect`, the spare width shared out so they fill it."""
    spare = (rect.w - sum(widths) - gap * (len(widths) - 1)) / len(widths)
    return in_row(rect, [w + spare for w in widths], gap)


def short_title(title: str) -> str:
    """A plan's title for a chip: its first part ("First lesson"); the ages and the length
    are on the line beside Start."""
    return title.split(" (")[0].split(", ")[0].strip() or title


def skipped_decks_line(errors: list[str]) -> str:
    """The line "Skipped threats.yaml: it has mistakes." for deck files that did not load."""
    files = (Path(str(error).split(", ")[0].split(": ")[0]).name for error in errors)
    names = [name for name in dict.fromkeys(files) if name]
    return tr("Skipped {files}: it has mistakes. The other decks play.").format(
        files=", ".join(names[:3]) + (" …" if len(names) > 3 else "")
    )
