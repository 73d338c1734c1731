"""A monkey for the App: random keys, clicks, touches, resizes, focus changes and quit requests,
fed straight into `App.feed` with a fake clock (no sleeping), plus `back_to_title`, which proves
the game is never stuck: from any screen, keys alone lead back to the title.

Quit requests: the window's close button (QUIT) ends the loop at once — no "are you sure?"
dialog, because a teacher closing the window on a projector means it, and group sessions are
saved after every step anyway. QUIT only clears `App.running`, which the loop checks between
frames, so the monkey "cancels" a quit by setting `running` back and carries on.
"""

from __future__ import annotations

import random
import string
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pygame

from game.model.session import Mode
from game.settings import TEXT_SCALES, Settings
from game.ui.app import App, GameSetup
from game.ui.options import RunOptions
from game.ui.theme import THEMES
from tests.ui.fit import inside as inside  # re-exported: tests import it from here too
from tests.ui.fit import spills

FIXTURES = Path(__file__).resolve().parents[1] / "ui" / "fixtures"
DECKS = [FIXTURES / "offers.yaml", FIXTURES / "adults.yaml"]
MODES = (Mode.SOLO, Mode.TEAMS, Mode.ALL_TEAMS, Mode.TOGETHER)

GAME_KEYS = [
    pygame.K_1,
    pygame.K_2,
    pygame.K_3,
    pygame.K_4,
    pygame.K_RETURN,
    pygame.K_SPACE,
    pygame.K_ESCAPE,
    pygame.K_h,
    pygame.K_TAB,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_BACKSPACE,
    pygame.K_KP_ENTER,
    pygame.K_KP1,
]
LETTERS = [getattr(pygame, f"K_{c}") for c in string.ascii_lowercase] + [
    pygame.K_5,
    pygame.K_6,
    pygame.K_7,
    pygame.K_0,
    pygame.K_F1,
    pygame.K_F5,
    pygame.K_DELETE,
    pygame.K_HOME,
]
ODD_TEXT = ["a", "hej", "å", "ö", "ß", "é", "😊", "\u202e", "\u0301", "‮abc", "  ", "x" * 40]


@dataclass
class Monkey:
    seed: int
    size: tuple[int, int] = (1280, 720)
    fullscreen_ok: bool = True
    app: App = field(init=False)
    rng: random.Random = field(init=False)
    log: deque[str] = field(default_factory=lambda: deque(maxlen=25))
    events: int = 0
    scenes_seen: set[str] = field(default_factory=set)
    modes_started: set[str] = field(default_factory=set)
    spills: list[str] = field(default_factory=list)  # texts outside their box or the window

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        settings = Settings(
            sound=self.rng.random() < 0.3,
            reduced_motion=self.rng.random() < 0.3,
            theme=self.rng.choice(sorted(THEMES)),
            text_scale=self.rng.choice(TEXT_SCALES),  # the largest text too (issue 13)
        )
        options = RunOptions(deck_paths=list(DECKS), window_size=self.size, seed=self.seed, cards=3)
        self.app = App(options, settings=settings)
        self.app.ui.log.enabled = True
        self.app.start()
        self.tick()

    # -- the fake clock ------------------------------------------------------------------------

    def tick(self, dt: float | None = None) -> None:
        """One frame, as the loop runs it, without waiting: update, then draw when needed."""
        app = self.app
        app.update(self.rng.choice((0.005, 1 / 60, 0.05, 0.1)) if dt is None else dt)
        if app.dirty or app.busy:
            app.draw()
            app.dirty = False
            self.check_texts()
        if app.top is not None:
            self.scenes_seen.add(app.top.name)

    def check_texts(self) -> None:
        """Every text drawn in the frame lies inside the box it was given and inside the
        window (a label spilling out of its button, a word broken down the side of a panel)."""
        app = self.app
        ui = app.ui
        where = (
            f"{app.top.name if app.top else '-'} {app.size} {ui.theme.name} "
            f"x{ui.text_scale} spacing {ui.engine.line_spacing} {ui.engine.fonts.family}"
        )
        self.spills += spills(ui.log.records, app.size, where)
        presenter = app.presenter
        if presenter is not None:  # the presenter window: its own size and render log
            size = presenter.window.size
            self.spills += spills(presenter.ui.log.records, size, f"presenter {size} ({where})")

    def settle(self) -> None:
        for _ in range(200):
            if not self.app.busy:
                break
            self.tick(0.05)
        self.tick(0.05)

    # -- input ---------------------------------------------------------------------------------

    def feed(self, event: pygame.event.Event) -> None:
        self.log.append(f"{pygame.event.event_name(event.type)} {event.dict}")
        self.events += 1
        self.app.feed(event)

    def key(self, key: int, mod: int = 0) -> None:
        self.feed(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
        self.feed(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))

    def buttons_of_top(self) -> list[pygame.Rect]:
        scene = self.app.top
        rects: list[pygame.Rect] = []
        for value in vars(scene).values() if scene is not None else ():
            items: list[Any] = []
            if hasattr(value, "buttons"):
                items = list(value.buttons)
            elif isinstance(value, list):
                items = [v for v in value if hasattr(v, "rect") and hasattr(v, "id")]
                for row in value:
                    items += list(getattr(row, "chips", []))
            elif hasattr(value, "rect") and hasattr(value, "id"):
                items = [value]
            rects += [pygame.Rect(b.rect) for b in items if getattr(b, "rect", None)]
        return [r for r in rects if r.w > 0 and r.h > 0]

    def random_pos(self) -> tuple[int, int]:
        w, h = self.app.size
        rects = self.buttons_of_top()
        if rects and self.rng.random() < 0.6:
            r = self.rng.choice(rects)
            return (self.rng.randrange(r.x, r.right), self.rng.randrange(r.y, r.bottom))
        return (self.rng.randrange(-5, w + 5), self.rng.randrange(-5, h + 5))

    def random_event(self) -> None:
        rng, app = self.rng, self.app
        roll = rng.random()
        if roll < 0.42:
            key = rng.choice(GAME_KEYS)
            mod = pygame.KMOD_SHIFT if key == pygame.K_TAB and rng.random() < 0.3 else 0
            self.key(key, mod)
        elif roll < 0.50:
            self.key(rng.choice(LETTERS))
            if rng.random() < 0.5:
                self.feed(pygame.event.Event(pygame.TEXTINPUT, text=rng.choice(ODD_TEXT)))
        elif roll < 0.53:
            self.feed(pygame.event.Event(pygame.TEXTINPUT, text=rng.choice(ODD_TEXT)))
        elif roll < 0.70:
            pos = self.random_pos()
            button = rng.choice((1, 1, 1, 2, 3))
            self.feed(
                pygame.event.Event(
                    pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False
                )
            )
            self.feed(
                pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button, touch=False)
            )
            self.feed(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button, touch=False))
        elif roll < 0.76:
            pos = self.random_pos()
            self.feed(
                pygame.event.Event(
                    pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0), touch=False
                )
            )
        elif roll < 0.79:
            self.feed(
                pygame.event.Event(
                    pygame.MOUSEWHEEL, x=0, y=rng.choice((-1, 1)), flipped=False, touch=False
                )
            )
        elif roll < 0.86:
            w, h = app.size
            x, y = self.random_pos()
            common = dict(dx=0.0, dy=0.0, touch_id=1, finger_id=rng.randrange(3), pressure=1.0)
            fx, fy = min(1.0, max(0.0, x / w)), min(1.0, max(0.0, y / h))
            self.feed(pygame.event.Event(pygame.FINGERDOWN, x=fx, y=fy, **common))
            self.feed(pygame.event.Event(pygame.FINGERUP, x=fx, y=fy, **common))
        elif roll < 0.875:
            size = (rng.randrange(640, 1921), rng.randrange(480, 1081))
            app.resize(size)
            etype = rng.choice((pygame.VIDEORESIZE, pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED))
            if etype == pygame.VIDEORESIZE:
                self.feed(pygame.event.Event(etype, size=size, w=size[0], h=size[1]))
            else:
                self.feed(pygame.event.Event(etype, x=size[0], y=size[1]))
        elif roll < 0.88:
            if self.fullscreen_ok:
                self.key(pygame.K_F11)
        elif roll < 0.94:
            etype = rng.choice(
                (
                    pygame.WINDOWFOCUSLOST,
                    pygame.WINDOWFOCUSGAINED,
                    pygame.WINDOWEXPOSED,
                    pygame.WINDOWLEAVE,
                    pygame.WINDOWENTER,
                    pygame.WINDOWMINIMIZED,
                    pygame.WINDOWRESTORED,
                    pygame.ACTIVEEVENT,
                )
            )
            self.feed(pygame.event.Event(etype))
        elif roll < 0.95:
            self.feed(pygame.event.Event(pygame.QUIT))
            assert not app.running, "a quit request did not stop the loop"
            app.running = True  # the test "cancels" the quit (see the module docstring)
        else:
            self.tick(rng.choice((0.3, 0.7, 1.5)))  # time passes with nobody touching anything

    def burst(self, n: int) -> None:
        for _ in range(n):
            self.random_event()
            if self.rng.random() < 0.3:
                self.tick()
            if not self.app.stack:
                raise AssertionError("the scene stack became empty")
        self.tick()

    def offered_modes(self) -> list[Mode]:
        """The modes the setup screen offers (group-play modes arrive there as they are built)."""
        from game.ui.scenes.setup import SetupScene

        setup = SetupScene(self.app)
        row = next(r for r in setup.rows if r.key == "mode")
        return [v for v in row.values if isinstance(v, Mode)]

    def start_mode(self, mode: Mode) -> None:
        """Start a session in `mode` the way the setup screen does."""
        self.back_to_title()
        setup = GameSetup(mode=mode, teams=self.rng.randrange(2, 7), count=3, seed=self.seed)
        message = self.app.start_game(setup)
        assert message is None, message
        # group sessions started here have the presenter window (as with two displays; those
        # the random events start through setup have none): its texts are checked too
        if mode.is_group:
            self.app.open_presenter()
        self.modes_started.add(mode.value)
        self.settle()

    # -- never stuck ---------------------------------------------------------------------------

    def back_to_title(self, limit: int = 40) -> None:
        """Keys alone (Esc, Enter, arrows) lead back to the title from wherever the game is:
        close overlays, pause, Back to title, confirm. Reading the state only to pick the key."""
        app = self.app
        if app.top is not None and app.top.name == "crash":
            raise AssertionError("the crash screen was shown")
        for _ in range(limit):
            self.settle()
            names = [s.name for s in app.stack]
            if names == ["title"]:
                return
            top = app.top
            assert top is not None
            name = top.name
            if name == "content-note":
                self.key(pygame.K_RETURN)
            elif name == "pause":
                self._focus_and_press(top.group, "title", pygame.K_DOWN)
            elif name == "confirm":
                self._focus_and_press(top.group, "leave", pygame.K_RIGHT)
            elif name == "title":  # overlays above the title (help): close them
                self.key(pygame.K_ESCAPE)
            else:
                self.key(pygame.K_ESCAPE)
        raise AssertionError(f"stuck: keys did not lead back to the title from {names}")

    def _focus_and_press(self, group: Any, button_id: str, step_key: int) -> None:
        for _ in range(len(group.buttons) + 1):
            focused = group.focused
            if focused is not None and focused.id == button_id:
                break
            self.key(step_key)
        self.key(pygame.K_RETURN)

    def describe(self) -> str:
        names = [s.name for s in self.app.stack]
        recent = "\n  ".join(self.log)
        return f"monkey seed {self.seed}, after {self.events} events, stack {names}:\n  {recent}"


def run_monkey(
    seed: int, events: int, burst: int = 250, modes: tuple[Mode, ...] | None = None
) -> Monkey:
    """Bursts of random events, each followed by proof that the title is reachable. Every other
    burst starts a session directly, cycling through `modes` (default: every mode the setup
    screen offers); the random events start more through the setup screen itself."""
    m = Monkey(seed)
    try:
        modes = modes or tuple(m.offered_modes())
        i = 0
        while m.events < events:
            if i % 2 == 0:
                m.start_mode(modes[(i // 2) % len(modes)])
            m.burst(burst)
            m.back_to_title()
            i += 1
    except BaseException as exc:
        raise AssertionError(f"{type(exc).__name__}: {exc}\n{m.describe()}") from exc
    spills = sorted(set(m.spills))
    assert not spills, f"seed {seed}: {len(spills)} texts outside their box:\n" + "\n".join(spills)
    return m
