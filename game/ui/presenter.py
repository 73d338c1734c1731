"""The presenter view: a second window for the facilitator's own (laptop) screen.

With two displays (a laptop and a projector) the class window shows only what the class should
see, and this window shows what only the facilitator should: the card's notes (red flag, the
safe move, questions for the group, the tip), the scores, where the lesson is and the keys.
It is offered in setup when `pygame.display.get_num_displays() >= 2` (and can be forced on with
`--presenter on`, which the real-window test does under Xvfb, where SDL sees one display).

Keys pressed in this window work as in the class window (N, B, U, S, T, Backspace, Esc...);
clicks here are not passed on (they would land on the class screen's buttons). Closing it
only closes it; the game goes on, notes behind N again.
"""

from __future__ import annotations

import contextlib
import copy
import warnings
from typing import TYPE_CHECKING

import pygame

from game.model.kinds import Phase
from game.ui.context import RenderLog
from game.ui.layout import inset, split_cols, take_top
from game.ui.notes_panel import label, notes_column
from game.ui.services import N_, ngettext, tr
from game.ui.text import Block
from game.ui.timer import SHOWN_PHASES, LessonClock, clock_text
from game.ui.widgets import paint_background, panel

if TYPE_CHECKING:
    from game.model.session import SessionState
    from game.ui.app import App

TITLE = "Red Flags – presenter"
HEADING = N_("Presenter view — only you see this window")
DEFAULT_SIZE = (1024, 768)

PHASE_WORDS = {
    Phase.SCENARIO: N_("The class reads the chat"),
    Phase.SPOT: N_("Where is the red flag?"),
    Phase.NAME: N_("What trick is this?"),
    Phase.CHOOSE: N_("Answers are open"),
    Phase.STEAL: N_("A steal is open"),
    Phase.EXPLAIN: N_("Reasons are open"),
    Phase.FEEDBACK: N_("Feedback: talk it through"),
    Phase.SUMMARY: N_("Results"),
}

PROJECTOR_HINT = N_(
    "The class window shows only what the class should see. Drag it to the projector and press "
    "F11 there for full screen."
)
# a time with the plan's minutes (a plan is played), and without
CARD_TIME = (N_("This card: {clock} of {minutes} min"), N_("This card: {clock}"))
LESSON_TIME = (N_("Lesson: {clock} of {minutes} min"), N_("Lesson: {clock}"))

KEYS = (
    ("N", N_("notes (here: always shown)")),
    ("B", N_("+1 for a good explanation")),
    ("U", N_("take the last +1 back")),
    ("S S", N_("skip this card")),
    ("T", N_("timer stop / go on")),
    ("Backspace", N_("back one step")),
    ("Esc", N_("pause (hides the card)")),
    ("H", N_("help and support numbers")),
)


MOUSE_EVENTS = (
    pygame.MOUSEBUTTONDOWN,
    pygame.MOUSEBUTTONUP,
    pygame.MOUSEMOTION,
    pygame.MOUSEWHEEL,
    pygame.WINDOWENTER,
    pygame.WINDOWLEAVE,
)


def displays() -> int:
    try:
        return pygame.display.get_num_displays()
    except pygame.error:
        return 1


def offered(forced: bool | None = None) -> bool:
    """Whether setup offers the presenter view: two displays, or forced by the option."""
    return forced if forced is not None else displays() >= 2


class Presenter:
    """The presenter window and its own drawing state (its own metrics and render log)."""

    def __init__(self, app: App, size: tuple[int, int] = DEFAULT_SIZE) -> None:
        self.app = app
        self.window = pygame.Window(TITLE, size, position=_place_windows(size), resizable=True)
        self.log = RenderLog(enabled=app.ui.log.enabled)
        self.follow()
        self.clock_shown: tuple[str, ...] = ()  # the time texts drawn last

    def follow(self) -> None:
        """Take the class window's look: its fonts, theme, text size and line spacing (and its
        text caches), at this window's size, with this window's render log and composed
        backgrounds. On opening, and after each settings change (game/ui/prefs.py)."""
        self.ui = copy.copy(self.app.ui)
        self.ui.log, self.ui.static = self.log, {}
        self.ui.resize(self.window.size)
        self.dirty = True

    def update(self) -> None:
        """Called by the App every update: follow the lesson's clock and redraw this window
        when a time it shows has changed (about once a second while a lesson runs)."""
        play = self.app.play
        if play is None:
            return
        st = play.session.state
        if play.clock is None:
            play.clock = LessonClock(self.app.now)
        play.clock.follow(st.index, over=st.phase is Phase.SUMMARY)
        shown = tuple(b.text for b in self._clock_blocks())
        if shown != self.clock_shown:
            self.clock_shown = shown
            self.dirty = True

    # -- events ---------------------------------------------------------------------------

    def feed(self, event: pygame.event.Event) -> bool:
        """Handle an event of this window; True when the App should not handle it itself.
        Keys are left to the App (the facilitator types here); mouse input is swallowed (a
        click here would land on the class screen's buttons)."""
        if getattr(event, "window", None) != self.window:
            return False
        if event.type == pygame.WINDOWCLOSE:
            self.app.close_presenter()
        elif event.type in (pygame.WINDOWSIZECHANGED, pygame.WINDOWRESIZED, pygame.VIDEORESIZE):
            self.ui.resize(self.window.size)
        elif event.type not in (pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED):
            return event.type in MOUSE_EVENTS
        self.dirty = True
        return True

    def close(self) -> None:
        self.window.destroy()

    # -- drawing --------------------------------------------------------------------------

    def draw(self) -> None:
        surface = self.window.get_surface()
        ui = self.ui
        ui.log.clear()
        ui.log.layer = 0
        paint_background(ui, surface)
        m, t = ui.m, ui.theme
        area = inset(m.screen, m.pad)
        # the heading keeps the default text's size: a larger text size is for the notes
        title = max(m.min_font, round(m.text_h / 22))
        head, rest = take_top(area, title * 1.6, m.gap)
        ui.text(surface, tr(HEADING), head, style="title", size=title)
        left, right = split_cols(rest, (0.6, 0.4), m.pad)
        panel(ui, surface, left, t.panel, edge=t.accent)
        panel(ui, surface, right, t.panel)
        left, right = inset(left, m.pad), inset(right, m.pad)
        play = self.app.play
        side: list[Block] = []  # the time and the scores, over the keys
        if play is None:
            waiting = [
                Block(tr("Notes appear here once the game starts"), role="bold"),
                Block(tr(PROJECTOR_HINT), colour="text_muted", gap=0.6),
            ]
            fit = ui.column(waiting, left, m.body)
        else:
            st = play.session.state
            side = self._clock_blocks() + self._score_blocks(st)
            if st.phase is Phase.SUMMARY:
                blocks = [Block(tr("The lesson is over"), role="display", colour="heading")]
                if (plan := play.setup.plan) is not None:
                    blocks.append(Block(plan.title, role="bold", gap=0.6))
                    blocks += [Block(f"•  {line}", gap=0.3) for line in plan.objectives]
                blocks.append(Block(tr("Save the summary with S on the results screen."), gap=0.6))
                fit = ui.column(blocks, left, m.body)
            else:
                fit = notes_column(ui, self._where_blocks(st), st.card, self.app.glossary, left)
        ui.draw_column(surface, fit, left)
        keys = [
            Block(f"{k}  —  {tr(what)}", scale=0.8, gap=0.2, colour="text_muted")
            for k, what in KEYS
        ]
        heading = label(tr("Keys (in either window)"), gap=0.9)
        for n in range(len(keys), -1, -1):  # the keys' list gives way from its end (no heading)
            shown = [heading, *keys[:n]] if n else []
            col = ui.column(side + shown, right, m.small if play is None else m.body)
            if col.fits:
                break
        ui.draw_column(surface, col, right)
        self.window.flip()
        self.dirty = False

    def _where_blocks(self, st: SessionState) -> list[Block]:
        where = tr("Card {n} of {total}").format(n=st.index + 1, total=len(st.cards))
        blocks = [label(where + "  ·  " + tr(PHASE_WORDS.get(st.phase, "")))]
        flag_at = st.card.flag_at
        if flag_at:
            g = self.app.glossary
            blocks.append(
                Block(g.word("where") + ": " + g.where(flag_at), colour="text_muted", gap=0.2)
            )
        return blocks

    def _clock_blocks(self) -> list[Block]:
        """The time: the card timer as the class screen shows it (when it is on), this card's
        time and the lesson's (with the plan's minutes when a plan is played; past them, in the
        accent colour)."""
        play = self.app.play
        if play is None or play.clock is None:
            return []
        st, clock, plan = play.session.state, play.clock, play.setup.plan
        blocks = [label(tr("Time"), gap=0.2)]
        timer = play.timer
        if timer is not None and timer.index == st.index and st.phase in SHOWN_PHASES:
            text = tr("Card timer: {label}").format(label=timer.label())
            blocks.append(Block(text, role="display", colour="heading", gap=0.25))
        spans = [(LESSON_TIME, clock.lesson_seconds, plan.minutes if plan else 0)]
        if st.phase is not Phase.SUMMARY:
            spans.insert(0, (CARD_TIME, clock.card_seconds, plan.minutes_per_card if plan else 0))
        for (planned, unplanned), seconds, minutes in spans:
            text = tr(planned if plan else unplanned).format(
                clock=clock_text(seconds), minutes=minutes
            )
            over = plan is not None and seconds > minutes * 60
            blocks.append(Block(text, role="bold", gap=0.25, colour="accent" if over else "text"))
        return blocks

    def _score_blocks(self, st: SessionState) -> list[Block]:
        if not (st.mode.is_group and st.mode.keeps_score):
            return []
        blocks = [label(tr("Scores"), gap=0.9)]
        for i, (team, score) in enumerate(zip(st.teams, st.scores, strict=False)):
            turn = st.mode.value == "teams" and i == st.turn and st.phase is not Phase.SUMMARY
            line = ngettext("{letter} {name}: {points} pt", "{letter} {name}: {points} pts", score)
            line = line.format(letter=team.letter, name=tr(team.name), points=score)
            if turn:
                line += "  ·  " + tr("their turn")
            blocks.append(Block(line, role="bold", gap=0.25, colour="heading" if turn else "text"))
        return blocks


def class_window() -> pygame.Window:
    """The class window as a `Window` (pygame-ce warns that drawing through it is deprecated;
    here it is only moved and measured)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return pygame.Window.from_display_module()


def _centred_on(display: int) -> tuple[int, int]:
    """SDL's "centred on display n" window position (SDL_WINDOWPOS_CENTERED_DISPLAY)."""
    return (0x2FFF0000 | display, 0x2FFF0000 | display)


def _place_windows(size: tuple[int, int]) -> tuple[int, int]:
    """Where the presenter window opens. With two displays the class window goes to the second
    (the projector) and this one is centred on the first (the laptop's, usually); with one
    (forced on), right of the class window when the desktop has room for it, else centred."""
    if displays() >= 2:
        with contextlib.suppress(pygame.error):
            class_window().position = _centred_on(1)
        return _centred_on(0)
    with contextlib.suppress(pygame.error, IndexError):
        main = class_window()
        x, y = main.position
        right = x + main.size[0] + 16
        if right + size[0] <= pygame.display.get_desktop_sizes()[0][0]:
            return (right, max(0, y))
    return _centred_on(0)
