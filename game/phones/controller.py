"""Phones mode for the game: one object the UI holds while a session has Students' phones on.

It keeps the phones on the step the session is at (`sync(state)` after every action), reveals
when the facilitator reveals, and gives the projector the counts (`take()` when the server's
notify event arrives). The pulse runs before the first card (while its chat is read) and again
at the summary. The server module (websockets, segno) is imported by `start()` only, so nothing
here costs solo play anything; no pygame either: the UI passes `notify`, which posts its event.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from game.model.kinds import Phase, Tag
from game.phones.room import Room, Step, StepResult, pulse_step
from game.phones.steps import step_for

if TYPE_CHECKING:
    from game.model.session import SessionState
    from game.phones.server import PhoneServer, Snapshot

PULSE_BEFORE, PULSE_AFTER = "pulse:before", "pulse:after"


class Phones:
    def __init__(
        self,
        host: str,
        *,
        notify: Callable[[], None] | None = None,
        teams: Sequence[str] = (),
        help_data: Mapping[str, Any] | None = None,
        pulse: bool = True,
        whole_card: bool = True,
        tactic_name: Callable[[Tag], str] | None = None,
        port: int | None = None,
    ) -> None:
        self.host = host
        self.notify = notify
        self.room = Room(teams=teams)
        self.help_data = help_data
        self.pulse = pulse
        self.whole_card = whole_card
        self.tactic_name = tactic_name
        self.port = port
        self.server: PhoneServer | None = None
        self.step: Step | None = None  # what the phones show now (None: waiting)
        self.revealed: StepResult | None = None  # the open step's final counts, once revealed
        self._qr: list[list[bool]] | None = None
        self._started_cards = False
        self._synced: object = None

    # --- life ---------------------------------------------------------------------------------

    def start(self) -> Phones:
        """Listen (raises OSError when the address cannot be used)."""
        from game.phones.server import DEFAULT_PORT, PhoneServer  # websockets: phones mode only

        self.server = PhoneServer(
            self.room,
            self.host,
            DEFAULT_PORT if self.port is None else self.port,
            notify=self.notify,
            help_data=self.help_data,
        ).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()

    @property
    def running(self) -> bool:
        return self.server is not None and self.server.running

    @property
    def code(self) -> str:
        return self.room.code

    @property
    def url(self) -> str:
        return self.server.url if self.server else ""

    @property
    def join_url(self) -> str:
        return self.server.join_url if self.server else ""

    def qr(self) -> list[list[bool]]:
        """The QR code's modules for the join address (made once)."""
        if self._qr is None:
            from game.phones.server import qr_matrix  # websockets: phones mode only

            self._qr = qr_matrix(self.join_url)
        return self._qr

    # --- following the session ---------------------------------------------------------------

    def wanted(self, state: SessionState) -> Step | None:
        """The step the phones should show in this state."""
        if state.phase is Phase.SUMMARY:
            return pulse_step("after") if self.pulse else None
        step = step_for(state, whole_card=self.whole_card, tactic_name=self.tactic_name)
        if step is not None:
            self._started_cards = True
            return step
        if self.pulse and not self._started_cards and state.index == 0:
            return pulse_step("before")
        return None

    def sync(self, state: SessionState) -> Step | None:
        """Call after every session action, or every frame: a state already seen (the session's
        states are immutable) costs nothing."""
        if state is self._synced:
            return self.step
        self._synced = state
        step = self.wanted(state)
        key = step.key if step else None
        current = self.step.key if self.step else None
        if key == current:
            return self.step
        self.step, self.revealed = step, None
        if self.server is not None:
            if step is None:
                self.server.wait()
            else:
                self.server.open_step(step)
        return step

    def reveal(self) -> StepResult | None:
        """Close the open step's answers (the facilitator revealed); its counts."""
        if self.server is None or self.step is None:
            return None
        if self.revealed is None:
            self.revealed = self.server.reveal()
        return self.revealed

    def take(self) -> Snapshot | None:
        """The newest counts, when the notify event arrives."""
        return self.server.take() if self.server else None

    def counts(self) -> StepResult | None:
        """The open step's counts now (from the last snapshot)."""
        if self.revealed is not None:
            return self.revealed
        if self.server is None or self.step is None:
            return None
        snap = self.server.snapshot
        if snap.step is None or snap.step.key != self.step.key:
            return None
        return snap.step

    def results(self) -> tuple[StepResult, ...]:
        return self.server.results() if self.server else ()

    def finish(self) -> tuple[StepResult, ...]:
        """The session is over: the phones say thank you, the room forgets its ids; then stop.
        Returns every step's counts (no ids) for the summary."""
        if self.server is None:
            return ()
        results = self.server.finish() if self.server.running else self.room.results
        self.server.stop()
        return results

    def pulse_results(self) -> tuple[StepResult | None, StepResult | None]:
        """The pulse before and after (None where it was not asked)."""
        found = {r.key: r for r in self.results()}
        return found.get(PULSE_BEFORE), found.get(PULSE_AFTER)
