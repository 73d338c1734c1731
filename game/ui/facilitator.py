"""What the facilitator does during a group game, shared by every play screen.

Keys (outside text boxes): N notes, B award a point for a good spoken explanation (then the
team letter when more than one team could get it), U take the last award back, S skip the card
(press twice), Backspace go back one step, T stop/start the timer. Every change to the game goes
through the session as an action, so it can be undone and replayed; this module only adds what
lives on screen: the notes panel, the timer pill, short toasts, and the autosave after a step.

`PlayScene` inherits `FacilitatorControls`; the App calls `update_after` on the top scene and
`draw_after` after each scene's own drawing (game/ui/scene.py). What outlives one screen (the
notes panel, the timer, a pending skip) is kept on the play context (game/ui/play.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.model.session import IllegalAction, Phase, ShowOptions
from game.ui.input import Act, Input
from game.ui.notes_panel import draw_notes, notes_rect
from game.ui.phones import asking, draw_phone_icon, phones_key, pill_line, pill_width
from game.ui.saving import autosave
from game.ui.services import tr
from game.ui.timer import SHOWN_PHASES, CardTimer

if TYPE_CHECKING:
    from game.model.session import Session
    from game.ui.app import App
    from game.ui.context import Ui
    from game.ui.play import PlayContext
    from game.ui.theme import Colour
    from game.ui.widgets import Button

SKIP_CONFIRM_SECONDS = 4.0
NOTE_KINDS = ("card", "steal", "explain", "feedback")
# The notes name the safe move: on the class screen they may open only once the answers are in.
NOTES_PHASES = (Phase.FEEDBACK,)


def give_award(app: App, play: PlayContext, team: int) -> bool:
    try:
        play.session.award(team)
    except IllegalAction:
        app.show_toast(tr("Points for explaining can be given once the reasons are shown"))
        return False
    t = play.session.state.teams[team]
    app.show_toast(tr("+1 {name} ({letter})").format(name=tr(t.name), letter=t.letter))
    app.sound.play("choose")
    return True


class FacilitatorControls:
    """Mixed into PlayScene (which provides app, ui, play, session, state, bar, content...)."""

    app: App
    ui: Ui
    play: PlayContext
    session: Session
    kind: str
    content: pygame.Rect
    bar: pygame.Rect
    pause_btn: Button

    def turn_chip(self) -> pygame.Rect | None:  # PlayScene: the whose-turn chip in the bar
        return None

    # -- state kept in the play context (it outlives the scenes of one card) ---------------

    @property
    def notes_open(self) -> bool:
        st = self.session.state
        return (
            st.mode.is_group
            and self.kind in NOTE_KINDS
            and st.phase in NOTES_PHASES
            and self.app.presenter is None  # the presenter window has them: never here
            and self.play.notes_for == st.index
        )

    def card_timer(self) -> CardTimer | None:
        seconds = self.play.setup.timer
        if not seconds or not self.session.state.mode.is_group:
            return None
        st = self.session.state
        timer = self.play.timer
        if timer is None or timer.index != st.index:
            timer = self.play.timer = CardTimer(seconds, st.index, self.app.now)
        return timer

    def timer_shown(self) -> bool:
        return self.card_timer() is not None and self.session.state.phase in SHOWN_PHASES

    def bar_reserve(self) -> int:
        """Width kept free in the top bar, left of Pause, for the timer."""
        if not self.timer_shown():
            return 0
        m = self.ui.m
        # at the largest text sizes the pill shrinks its label rather than crowd out the
        # whose-turn chip (its label fits on one line in 1/5 of the bar)
        return min(round(m.small * 7.5), round(self.bar.w * 0.2)) + m.gap

    # -- keys ------------------------------------------------------------------------------

    def handle_facilitator(self, inp: Input) -> bool:
        """The facilitator's keys and clicks in group games; True when one was used."""
        if not self.session.state.mode.is_group:
            return False
        if inp.act is Act.CLICK:
            return self.facilitator_click(inp.pos)
        if inp.act is Act.BACKSPACE:
            self.go_back()
            return True
        if inp.act is not Act.LETTER or self.kind == "summary":
            return False
        command = FACILITATOR_KEYS.get(inp.text)
        return command is not None and command(self, inp.text)

    def facilitator_click(self, pos: tuple[int, int]) -> bool:
        """A click on the notes (used: they cover the options), the phones' pill, or the
        whose-turn chip (+1 for that team)."""
        if self.notes_open and notes_rect(self.content).collidepoint(pos):
            return True
        pill = self.phones_pill()
        if pill is not None and pill.collidepoint(pos):  # the mouse alone: V (or Q when idle)
            return phones_key(self.app, self.play, "v" if asking(self.play.phones) else "q")
        chip = self.turn_chip()
        st = self.session.state
        if chip is not None and chip.collidepoint(pos) and st.can_award:
            give_award(self.app, self.play, st.turn)
            return True
        return False

    def phones_letter(self, key: str) -> bool:
        """V shows the phones' answers, Q opens or closes the class pulse (phones mode only)."""
        return self.play.phones is not None and phones_key(self.app, self.play, key)

    def notes_key(self, key: str) -> bool:
        if self.kind not in NOTE_KINDS:
            return False
        st = self.session.state
        if self.app.presenter is not None:
            self.app.show_toast(tr("The notes are in the presenter window"))
        elif st.phase not in NOTES_PHASES:
            self.play.notes_for = None
            self.app.show_toast(tr("Notes open once the answers are in (the class would see them)"))
        else:
            self.play.notes_for = None if self.notes_open else st.index
        return True

    def timer_key(self, key: str) -> bool:
        timer = self.card_timer()
        if timer is None:
            return False
        held = timer.toggle()
        self.app.show_toast(tr("Timer stopped — press T to go on") if held else tr("Timer on"))
        return True

    def award_key(self, key: str) -> bool:
        st = self.session.state
        teams = list(st.award_candidates)
        if not st.mode.keeps_score:
            self.app.show_toast(tr("No points in this mode — just talk it through"))
        elif not st.can_award:
            self.app.show_toast(tr("Points for explaining can be given once the reasons are shown"))
        elif len(teams) == 1:
            give_award(self.app, self.play, teams[0])
        else:
            self.app.open_award(teams)
        return True

    def undo_award(self, key: str) -> bool:
        try:
            self.session.undo_award()
            self.app.show_toast(tr("Award taken back"))
        except IllegalAction:
            self.app.show_toast(tr("There is no award to take back"))
        return True

    def skip_key(self, key: str) -> bool:
        st, play = self.session.state, self.play
        if st.phase not in (Phase.SCENARIO, Phase.SPOT, Phase.NAME, Phase.CHOOSE):
            self.app.show_toast(tr("A card can be skipped before it is answered"))
        elif play.skip_armed == (st.index, st.phase) and self.app.now() < play.skip_until:
            play.skip_armed = None
            self.session.skip()
            self.app.show_toast(tr("Card skipped"))
        else:
            play.skip_armed = (st.index, st.phase)
            play.skip_until = self.app.now() + SKIP_CONFIRM_SECONDS
            self.app.show_toast(tr("Skip this card? Press S again to skip"))
        return True

    def go_back(self) -> None:
        """One step back, exactly as it was. Showing the choices is not a step of its own."""
        session = self.session
        history = session.history
        if not session.can_go_back or (len(history) == 1 and isinstance(history[0], ShowOptions)):
            self.app.show_toast(tr("Nothing to go back to"))
            return
        last = history[-1]
        session.back()
        if isinstance(last, ShowOptions) and session.can_go_back:
            session.back()
        self.app.show_toast(tr("Went back one step"))  # the App shows a fresh screen for that state

    # -- pause holds the timer -------------------------------------------------------------

    def on_pause(self) -> None:
        if (timer := self.card_timer()) is not None:
            timer.hold("overlay")

    def on_resume(self) -> None:
        if (timer := self.card_timer()) is not None:
            timer.hold("overlay", held=False)

    # -- update and draw hooks (called by the App) ----------------------------------------

    def update_after(self, dt: float) -> None:
        autosave(self.app, self.play)
        timer = self.card_timer()
        if timer is not None:
            timer.follow(self.session.state.phase)
            label = timer.label()
            if label != self.play.timer_label:
                self.play.timer_label = label
                self.app.dirty = True

    def draw_after(self, surface: pygame.Surface) -> None:
        """Draw the timer, the phones' pill and the notes over the scene."""
        ui, t = self.ui, self.ui.theme
        base = ui.log.layer
        timer = self.card_timer()
        if timer is not None and self.timer_shown():
            w = self.bar_reserve() - ui.m.gap
            rect = pygame.Rect(self.pause_btn.rect.x - ui.m.gap - w, self.bar.y, w, self.bar.h)
            edge, colour = (t.accent, t.accent) if timer.expired else (t.panel_edge, t.text)
            icon = self._draw_pill(surface, rect, timer.label(), edge, colour, "center")
            # a clock face: a ring with one hand, so the pill reads as a timer without words
            r = round(rect.h * 0.28)
            used = 0.0 if not timer.seconds else 1 - timer.remaining / timer.seconds
            hand = pygame.Vector2(0, -r * 0.7).rotate(360 * used) + icon.center
            pygame.draw.circle(surface, t.text_muted, icon.center, r, max(2, round(r / 4)))
            pygame.draw.line(surface, t.text_muted, icon.center, hand, max(2, round(r / 4)))
        pill, phones = self.phones_pill(), self.play.phones
        if pill is not None and phones is not None:
            text = pill_line(ui, phones, pill.w - pill.h - ui.m.gap)
            draw_phone_icon(ui, surface, self._draw_pill(surface, pill, text, t.panel_edge, t.text))
        if self.notes_open:
            ui.log.layer = base + 0.5  # drawn over the screen
            draw_notes(
                ui, surface, notes_rect(self.content), self.session.state.card, self.app.glossary
            )
        ui.log.layer = base

    def _draw_pill(
        self,
        surface: pygame.Surface,
        rect: pygame.Rect,
        text: str,
        edge: Colour,
        colour: Colour,
        align: str = "left",
    ) -> pygame.Rect:
        """A pill in the top bar with its words; returns the square at its left for an icon."""
        ui, m = self.ui, self.ui.m
        pygame.draw.rect(surface, ui.theme.panel, rect, border_radius=rect.h // 2)
        width = max(2, round(m.unit * 0.3))
        pygame.draw.rect(surface, edge, rect, width=width, border_radius=rect.h // 2)
        box = pygame.Rect(rect.x + rect.h, rect.y, rect.w - rect.h - m.gap, rect.h)
        ui.text(surface, text, box, style="label", colour=colour, align=align)
        return pygame.Rect(rect.x, rect.y, rect.h, rect.h)

    def phones_pill(self) -> pygame.Rect | None:
        """Where the Students' phones pill goes in the top bar (a click: V, or Q when idle)."""
        phones = self.play.phones
        if phones is None or self.kind == "summary":
            return None
        m = self.ui.m
        right = self.pause_btn.rect.x - self.bar_reserve() - m.gap
        left = self.bar.x + round(self.bar.w * 0.2) + m.gap
        w = pill_width(self.ui, phones, right - left)
        return pygame.Rect(right - w, self.bar.y, w, self.bar.h)


# The facilitator's letter keys in group games (the help screen lists them): the key and its
# command, which says whether it used the key (else the scene's own keys get it).
FACILITATOR_KEYS = {
    "v": FacilitatorControls.phones_letter,
    "q": FacilitatorControls.phones_letter,
    "n": FacilitatorControls.notes_key,
    "b": FacilitatorControls.award_key,
    "u": FacilitatorControls.undo_award,
    "s": FacilitatorControls.skip_key,
    "t": FacilitatorControls.timer_key,
}
