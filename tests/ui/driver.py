"""A test driver for the App: feed named keys, clicks and text; advance time; read the render
log. Events go straight to `App.feed`, the same door the real loop uses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from game.model.cards import AgeBand
from game.model.session import Mode
from game.settings import Settings as FallbackSettings
from game.ui.app import App, GameSetup
from game.ui.context import TextRecord
from game.ui.options import RunOptions

FIXTURES = Path(__file__).parent / "fixtures"
DECKS = [FIXTURES / "offers.yaml", FIXTURES / "adults.yaml"]

KEYS = {
    "enter": pygame.K_RETURN,
    "space": pygame.K_SPACE,
    "esc": pygame.K_ESCAPE,
    "tab": pygame.K_TAB,
    "h": pygame.K_h,
    "up": pygame.K_UP,
    "down": pygame.K_DOWN,
    "left": pygame.K_LEFT,
    "right": pygame.K_RIGHT,
    "backspace": pygame.K_BACKSPACE,
    "1": pygame.K_1,
    "2": pygame.K_2,
    "3": pygame.K_3,
    "4": pygame.K_4,
    "f11": pygame.K_F11,
    "m": pygame.K_m,
    "r": pygame.K_r,
    "g": pygame.K_g,
    "5": pygame.K_5,
    "6": pygame.K_6,
}


class Driver:
    def __init__(
        self,
        size: tuple[int, int] = (1280, 720),
        *,
        reduced_motion: bool = False,
        theme: str = "default",
        seed: int = 1,
        cards: int = 3,
        band: AgeBand = AgeBand.YOUNG_TEENS,
        speaker: object | None = None,
        presenter: bool | None = False,
        ask_region: bool = False,
        now: Callable[[], float] | None = None,
        **settings_: object,
    ) -> None:
        settings_.setdefault("sound", False)
        settings = FallbackSettings(
            reduced_motion=reduced_motion,
            theme=theme,
            **settings_,  # type: ignore[arg-type]
        )
        options = RunOptions(
            deck_paths=list(DECKS),
            window_size=size,
            seed=seed,
            cards=cards,
            age_band=band,
            presenter=presenter,
        )
        # a silent recording voice unless a test brings its own: tests never start espeak
        if speaker is None:
            from game.speech import RecordingSpeaker

            speaker = RecordingSpeaker()
        clock = {"now": now} if now is not None else {}
        self.app = App(options, settings=settings, speaker=speaker, **clock)  # type: ignore[arg-type]
        self.app.ui.log.enabled = True
        # setup asks for the region once when the locale names no country (C.UTF-8 on CI);
        # tests of that dialog turn this back off
        self.app.region_asked = ask_region is False
        self.app.start()
        self.frame()

    # -- time ------------------------------------------------------------------------------

    def frame(self, dt: float = 1 / 60) -> None:
        self.app.update(dt)
        self.app.draw()

    def advance(self, seconds: float, step: float = 0.05) -> None:
        t = 0.0
        while t < seconds:
            self.app.update(step)
            t += step
        self.app.draw()

    def settle(self) -> None:
        """Let every running animation and fade finish."""
        for _ in range(400):
            if not self.app.busy:
                break
            self.app.update(0.05)
        self.app.draw()

    # -- input -----------------------------------------------------------------------------

    def key(self, name: str, shift: bool = False) -> None:
        mod = pygame.KMOD_SHIFT if shift else 0
        self.app.feed(
            pygame.event.Event(pygame.KEYDOWN, key=KEYS[name], mod=mod, unicode="", scancode=0)
        )
        self.frame()

    def press(self, *names: str) -> None:
        for name in names:
            self.key(name)
            self.settle()

    def type(self, text: str) -> None:
        self.app.feed(pygame.event.Event(pygame.TEXTINPUT, text=text))
        self.frame()

    def click(self, pos: tuple[int, int]) -> None:
        self.app.feed(
            pygame.event.Event(
                pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False
            )
        )
        self.app.feed(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False))
        self.frame()
        self.settle()

    def tap(self, pos: tuple[int, int]) -> None:
        w, h = self.app.size
        self.app.feed(
            pygame.event.Event(
                pygame.FINGERDOWN,
                x=pos[0] / w,
                y=pos[1] / h,
                dx=0,
                dy=0,
                touch_id=0,
                finger_id=0,
                pressure=1,
            )
        )
        self.frame()
        self.settle()

    # -- reading ---------------------------------------------------------------------------

    @property
    def top(self) -> str:
        return self.app.top.name if self.app.top else ""

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.app.stack]

    @property
    def phase(self) -> str:
        return self.app.play.session.phase.value if self.app.play else ""

    def texts(self) -> list[TextRecord]:
        self.app.draw()
        return list(self.app.ui.log.records)

    def shows(self, fragment: str) -> bool:
        return any(fragment in r.text for r in self.texts())

    def button(self, button_id: str) -> pygame.Rect:
        """The rect of a button of the top scene, found by id (mouse tests click by id)."""
        scene = self.app.top
        for value in vars(scene).values():
            candidates = []
            if hasattr(value, "buttons"):
                candidates = value.buttons
            elif isinstance(value, list):
                candidates = [v for v in value if hasattr(v, "rect") and hasattr(v, "id")]
                for row in value:
                    candidates += getattr(row, "chips", [])
            elif hasattr(value, "rect") and hasattr(value, "id"):
                candidates = [value]
            for b in candidates:
                if getattr(b, "id", None) == button_id:
                    return pygame.Rect(b.rect)
        raise KeyError(button_id)

    def start_game(
        self,
        mode: Mode = Mode.SOLO,
        teams: int = 2,
        count: int = 3,
        band: AgeBand = AgeBand.YOUNG_TEENS,
    ) -> None:
        """Skip title and setup (tests of later screens)."""
        if self.top == "content-note":
            self.press("enter")
        message = self.app.start_game(
            GameSetup(mode=mode, teams=teams, band=band, count=count, seed=1)
        )
        assert message is None, message
        self.settle()
        if self.top == "facilitator-intro":  # group games: the facilitator's checklist first
            self.press("enter")

    def screenshot(self, path: Path) -> None:
        self.app.draw()
        pygame.image.save(self.app.screen, str(path))


def answer(d: Driver, option: str = "1", reason: str = "1") -> None:
    """Play the current screen forward by one step with the keyboard, whatever the phase."""
    phase = d.phase
    if phase == "scenario":
        d.press("enter")
    elif phase in ("spot", "name", "choose"):  # the spot and name steps take a number too
        d.press(option)
    elif phase == "steal":
        d.press("enter")  # "No steal — go on" has the focus
    elif phase == "explain":
        if d.app.top is not None and d.app.top.wants_text:
            d.press("enter")
        d.press(reason)
    elif phase == "feedback":
        d.press("enter")
    else:
        raise AssertionError(f"unexpected phase {phase}")
