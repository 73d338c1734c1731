"""The App: the window, the clock, the scene stack and the frame loop. `run()` is the door in.

The loop redraws only when something changed or an animation runs; otherwise it blocks in
`pygame.event.wait` with a timeout, so a card left on the projector costs ~0% CPU.
"""

from __future__ import annotations

import gc
import os
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game import savegame
from game.content.glossary import Glossary, glossary
from game.model.kinds import PLAN_CARDS, AgeBand, Mode
from game.ui import services
from game.ui.context import Ui
from game.ui.input import Act, Input, InputMapper
from game.ui.options import RunOptions
from game.ui.scene import Scene
from game.ui.sound import Sound
from game.ui.theme import get_theme
from game.ui.widgets import window_icon

if TYPE_CHECKING:
    from game.content.plans import PlansResult
    from game.model.cards import Card, Deck
    from game.model.plans import LessonPlan
    from game.model.session import Session
    from game.ui.presenter import Presenter
    from game.ui.toast import Toast
    from game.ui.voice import Narrator

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (640, 480)
FADE_SECONDS = 0.22
CARD_COUNTS = tuple(range(PLAN_CARDS[0], PLAN_CARDS[1] + 1))  # as a lesson plan holds


@dataclass
class GameSetup:
    """The choices on the setup screen; kept so "Play again" repeats them."""

    mode: Mode = Mode.SOLO
    teams: int = 2
    band: AgeBand = AgeBand.YOUNG_TEENS
    deck_id: str | None = None  # None: all decks
    count: int = 5
    seed: int | None = None
    timer: int = 0  # seconds per card for the optional calm countdown; 0: off
    phones: bool = False  # Students' phones (Together and All teams; game/ui/phones.py)
    phones_host: str | None = None  # the laptop's local address the phones reach
    # the "Where is the red flag?" and "What trick is this?" steps, and responses and reasons in
    # a shuffled order; on in the game (the facilitator may turn the steps off in setup), off by
    # default here so a set-up made in code plays the move and the why only
    spot: bool = False
    name: bool = False
    shuffle: bool = False
    plan: LessonPlan | None = None  # a lesson plan: its cards in its order (band, deck, count)
    presenter: bool = False  # notes, scores and keys in a second window (two displays)


def step_choices(app: App) -> list[tuple[object, str, bool]]:
    """(spot, name) with its label: both steps, one of them, or the move and why only."""
    words = app.glossary
    return [
        ((True, True), words.word("steps_both"), False),
        ((True, False), words.word("steps_spot"), False),
        ((False, True), words.word("steps_name"), False),
        ((False, False), words.word("steps_off"), False),
    ]


@dataclass
class PlayContext:
    """A running game: the session plus what lives only on screen.

    `own_words` is the player's own reason for the current card. It is never written to disk
    or into the session; it is dropped when the next card starts.
    """

    session: Session
    setup: GameSetup
    own_words: str = ""
    extras: dict[str, Any] = field(default_factory=dict)


class App:
    def __init__(
        self,
        options: RunOptions | None = None,
        settings: Any | None = None,
        speaker: Any | None = None,
    ) -> None:
        self.options = options or RunOptions()
        # A stable window class lets desktops (and xdotool in tests) find the game's window.
        # `import pygame` already set it to the script's name, so replace that default.
        if os.environ.get("SDL_VIDEO_X11_WMCLASS") in (None, os.path.basename(sys.argv[0])):
            os.environ["SDL_VIDEO_X11_WMCLASS"] = "redflags"
        pygame.display.init()
        pygame.font.init()
        from game.ui import prefs

        # a notice about a damaged settings file is shown once, as a toast on the title
        self.settings, self.settings_notice = prefs.initial(settings)
        s = self.settings
        self.language = services.resolve_language(
            self.options.language or services.setting(s, "language")
        )
        services.set_language(self.language)
        self.fullscreen = self.options.fullscreen
        self.windowed_size = self.options.window_size or DEFAULT_SIZE
        theme = get_theme(services.setting(s, "theme"))
        # our own icon, set before the window opens (pygame would load its own from a file)
        pygame.display.set_icon(window_icon(theme))
        self.screen = self._open_window()
        pygame.display.set_caption("Red Flags")
        assets = services.ASSETS_DIR
        self.ui = Ui(
            theme,
            self.screen.get_size(),
            assets / "fonts",
            services.setting(s, "font"),
            float(services.setting(s, "text_scale")),
            float(services.setting(s, "line_spacing")),
            bool(services.setting(s, "reduced_motion")),
        )
        self.sound = Sound(
            assets / "sounds",
            bool(services.setting(s, "sound")),
            float(services.setting(s, "volume")),
        )
        # Read-aloud is set up when it is on, or when something asks for it (settings, R).
        self._speaker = speaker
        self._voice: Narrator | None = None
        if services.setting(s, "read_aloud"):
            _ = self.voice
        self.toast: Toast | None = None
        self.mapper = InputMapper()
        self.clock = pygame.time.Clock()
        self.stack: list[Scene] = []
        # Decks and help resources are read on first use, after the title is on screen.
        self._decks: list[Deck] | None = None
        self._deck_errors: list[str] = []
        self._help: services.HelpInfo | None = None
        self.setup = GameSetup(
            band=self.options.age_band or AgeBand.YOUNG_TEENS,
            count=min(PLAN_CARDS[1], max(PLAN_CARDS[0], self.options.cards or 5)),
            seed=self.options.seed,
            spot=True,
            name=True,
            shuffle=True,
            presenter=self.options.presenter is True,
        )
        self._plans: PlansResult | None = None
        self.presenter: Presenter | None = None
        self.region_asked = False  # a locale with no country: setup asks where, once
        self.play: PlayContext | None = None
        self.note_shown = False
        self.running = True
        self.dirty = True
        self._fade: tuple[pygame.Surface, float] | None = None
        self._last_top = ""
        self._last_phase = ""
        self.debug_scenes = os.environ.get("REDFLAGS_DEBUG_SCENES") == "1"
        self.frames = 0
        self.exit_code = 0  # 3 when even the crash screen failed (game/ui/crash.py)

    # -- window ----------------------------------------------------------------------------

    @property
    def voice(self) -> Narrator:
        if self._voice is None:
            from game.speech import find_speaker
            from game.ui.voice import Narrator

            speaker = self._speaker if self._speaker is not None else find_speaker()
            enabled = bool(services.setting(self.settings, "read_aloud"))
            self._voice = Narrator(speaker, enabled, self.language)
        return self._voice

    @property
    def decks(self) -> list[Deck]:
        if self._decks is None:
            paths = self.options.deck_paths or services.default_deck_paths(self.language)
            loaded = services.load_decks([Path(p) for p in paths])
            self._decks, self._deck_errors = loaded.decks, loaded.errors
            for err in self._deck_errors:
                print(f"redflags: deck problem: {err}", file=sys.stderr)
        return self._decks

    @decks.setter
    def decks(self, decks: list[Deck]) -> None:
        self._decks = decks

    @property
    def deck_errors(self) -> list[str]:
        _ = self.decks
        return self._deck_errors

    @deck_errors.setter
    def deck_errors(self, errors: list[str]) -> None:
        self._deck_errors = errors

    @property
    def plans(self) -> PlansResult:
        """The lesson plans of the language (shipped, then the teacher's own), checked
        against the decks; read on first use."""
        if self._plans is None:
            from game.content.plans import load_plans, plan_paths
            from game.settings import own_plans_dir

            self._plans = load_plans(
                plan_paths(self.language, [own_plans_dir()]),
                [c for d in self.decks for c in d.cards],
            )
            named = self._plans.find(self.options.plan or "")
            if named is not None:  # --plan: chosen once, at the first look
                self.options.plan = None
                self.choose_plan(named)
        return self._plans

    def forget_plans(self) -> None:
        """Read the plans again (a plan was saved, or the language changed)."""
        self._plans = None

    def choose_plan(self, plan: LessonPlan | None) -> None:
        """Play a lesson plan next (None: cards drawn by the setup's choices again)."""
        self.setup.plan = plan
        if plan is not None:
            self.setup.band = plan.age_band
            self.setup.count = len(plan.cards)
            self.setup.deck_id = None

    @property
    def presenter_offered(self) -> bool:
        """Setup offers the presenter window with two displays, or when the option forces it."""
        from game.ui.presenter import offered

        return offered(self.options.presenter)

    def open_presenter(self) -> None:
        if self.presenter is None:
            from game.ui.presenter import Presenter

            self.presenter = Presenter(self)
            self.dirty = True

    def close_presenter(self) -> None:
        if self.presenter is not None:
            self.presenter.close()
            self.presenter = None
            self.dirty = True

    @property
    def help(self) -> services.HelpInfo:
        if self._help is None:
            region = services.resolve_region(
                self.options.region or services.setting(self.settings, "region")
            )
            self._help = services.load_help(region, self.language)
        return self._help

    @help.setter
    def help(self, info: services.HelpInfo) -> None:
        self._help = info

    def _open_window(self) -> pygame.Surface:
        if self.fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        return pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)

    @property
    def size(self) -> tuple[int, int]:
        return self.screen.get_size()

    def toggle_fullscreen(self) -> None:
        if not self.fullscreen:
            self.windowed_size = self.size
        self.fullscreen = not self.fullscreen
        self.screen = self._open_window()
        self.relayout()

    def resize(self, size: tuple[int, int]) -> None:
        """Set a new window size (tests use this as a user's resize would)."""
        size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        self.windowed_size = size
        self.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.relayout()

    def relayout(self) -> None:
        surface = pygame.display.get_surface()
        if surface is not None:
            self.screen = surface
        self.ui.resize(self.size)
        for scene in self.stack:
            scene.layout(self.size)
        self._fade = None
        self.dirty = True

    # -- the stack -------------------------------------------------------------------------

    @property
    def top(self) -> Scene | None:
        return self.stack[-1] if self.stack else None

    def push(self, scene: Scene) -> None:
        if self.stack:
            self.stack[-1].on_pause()
        self.stack.append(scene)
        scene.layout(self.size)
        scene.on_enter()
        self._changed()

    def pop(self) -> Scene | None:
        if not self.stack:
            return None
        scene = self.stack.pop()
        self._retire(scene)
        if self.stack:
            self.stack[-1].on_resume()
        self._changed()
        return scene

    def switch(self, scene: Scene, fade: bool = True) -> None:
        """Replace the top scene, with a short cross-fade (none with reduced motion)."""
        if fade:
            self._start_fade()
        if self.stack:
            self._retire(self.stack.pop())
        self.stack.append(scene)
        scene.layout(self.size)
        scene.on_enter()
        self._changed()

    def reset(self, scene: Scene, fade: bool = True) -> None:
        """Clear the stack and start over from `scene` (back to title, a new game)."""
        if fade:
            self._start_fade()
        while self.stack:
            self._retire(self.stack.pop())
        self.stack.append(scene)
        scene.layout(self.size)
        scene.on_enter()
        self._changed()

    @staticmethod
    def _retire(scene: Scene) -> None:
        """A scene leaves the stack: let go of its full-window surfaces at once, rather than
        when the garbage collector gets round to the scene."""
        scene.on_exit()
        scene.static_layer.clear()

    def _start_fade(self) -> None:
        if not self.ui.reduced_motion and self.stack:
            self._fade = (self.screen.copy(), 0.0)

    def _changed(self) -> None:
        self.dirty = True
        name = self.top.name if self.top else ""
        if name != self._last_top:
            self._last_top = name
            if self.debug_scenes:
                phase = self.play.session.phase.value if self.play else "-"
                print(f"[redflags] scene={name} phase={phase}", file=sys.stderr, flush=True)

    # -- game flow -------------------------------------------------------------------------

    @property
    def glossary(self) -> Glossary:
        """The tactic names, safe moves and ratings in the game's language (assets/glossary)."""
        return glossary(self.language)

    def cards_for(self, setup: GameSetup) -> list[Card]:
        if setup.plan is not None:  # the plan's cards, in its order
            by_id = {c.id: c for d in self.decks for c in d.cards}
            return [by_id[c] for c in setup.plan.cards if c in by_id]
        decks = [d for d in self.decks if setup.deck_id in (None, d.id)]
        return [c for d in decks for c in d.cards_for(setup.band)]

    def start_game(self, setup: GameSetup, cards: list[Card] | None = None) -> str | None:
        """Start a session from `setup` (with these `cards`, e.g. the ones to practise, instead
        of the setup's); returns a message for the player when it cannot."""
        from game.model.session import IllegalAction, Session  # not needed for the title

        cards = list(cards) if cards is not None else self.cards_for(setup)
        try:
            if setup.plan is not None:  # a lesson plan: its cards in its order, none drawn
                from game.model.session import Options, new_state

                seed = setup.seed if setup.seed is not None else random.randrange(1 << 31)
                options = Options(
                    spot=setup.spot, name=setup.name, shuffle=setup.shuffle, seed=seed
                )
                session = Session(
                    new_state(
                        cards,
                        setup.mode,
                        setup.teams,
                        options,
                        confusions=self.glossary.confusions(),
                    )
                )
            else:
                session = Session.start(
                    cards,
                    mode=setup.mode,
                    teams=setup.teams,
                    band=setup.band,
                    count=setup.count,
                    seed=setup.seed,
                    spot=setup.spot,
                    name=setup.name,
                    shuffle=setup.shuffle,
                    confusions=self.glossary.confusions(),
                )
        except IllegalAction:
            return services.N_("No cards fit these choices. Try another age group or deck.")
        self.stop_phones()  # "Play again": the last session's phones are done
        self.setup = setup
        self.play = PlayContext(session, setup)
        if setup.presenter and self.presenter_offered:
            self.open_presenter()
        elif not setup.presenter:
            self.close_presenter()
        self.sound.play("next")
        if setup.phones and setup.mode in (Mode.TOGETHER, Mode.ALL_TEAMS):  # imports the server now
            from game.ui.phones import start_phones

            problem = start_phones(self, self.play)
            if problem:
                self.show_toast(problem, seconds=6.0)
        from game.ui.scenes import scene_for_play

        if setup.mode.is_group:  # the facilitator's checklist comes before the first card
            from game.ui.scenes.facilitator_intro import FacilitatorIntroScene

            self.reset(FacilitatorIntroScene(self, self.play))
        else:
            self.reset(scene_for_play(self, self.play))
        if self.play.extras.get("phones") is not None:  # how to join, before anything else
            from game.ui.phones import PhonesJoinScene

            self.push(PhonesJoinScene(self, self.play))
        return None

    def sync_play(self) -> None:
        """After a session action: show the scene for the new phase if it is another one."""
        if self.play is None:
            return
        phones = self.play.extras.get("phones")
        if phones is not None:  # the phones follow the session to its new step
            phones.sync(self.play.session.state)
        from game.ui.scenes import scene_for_play, wanted_key

        key = wanted_key(self.play)
        top = self.top
        if top is not None and getattr(top, "play_key", None) == key:
            self.dirty = True
            return
        scene = scene_for_play(self, self.play)
        # the play scene is the one below any overlays; overlays are closed first
        while self.stack and not getattr(self.stack[-1], "play_key", None):
            if len(self.stack) == 1:
                break
            self.pop()
        self.switch(scene)

    def to_title(self) -> None:
        from game.ui.scenes.resume import forget_session
        from game.ui.scenes.title import TitleScene

        if self.play is not None:  # a finished or abandoned session is not offered again
            forget_session()
        self.stop_phones()
        self.play = None
        self.reset(TitleScene(self))

    def open_help(self) -> None:
        from game.ui.scenes.help import HelpScene

        if not isinstance(self.top, HelpScene):
            self.push(HelpScene(self))

    def quit(self) -> None:
        self.running = False

    def stop_phones(self) -> None:
        """End Students' phones, if on: the phones say thank you, the server stops."""
        if self.play is not None and self.play.extras.get("phones") is not None:
            from game.ui.phones import stop_phones

            stop_phones(self.play)

    # -- events, update, draw --------------------------------------------------------------

    def feed(self, event: pygame.event.Event) -> None:
        """Handle one raw pygame event (the loop calls this; tests call it directly)."""
        if event.type >= pygame.USEREVENT and self.play is not None:
            if self.play.extras.get("phones") is not None:  # new answers from the phones
                from game.ui.phones import on_phones_event

                if on_phones_event(self, event):
                    return
        if self.presenter is not None and self.presenter.feed(event):
            return  # the presenter window's own (its size, a click there, closing it)
        if event.type == pygame.WINDOWCLOSE:
            # with a second window open, closing the class window sends no QUIT
            self.dispatch(Input(Act.QUIT))
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            if pygame.display.get_surface() is not None:
                self.relayout()
            return
        if event.type in (
            pygame.WINDOWEXPOSED,
            pygame.WINDOWSHOWN,
            pygame.WINDOWRESTORED,
            pygame.WINDOWFOCUSGAINED,
            pygame.VIDEOEXPOSE,
        ):
            self.dirty = True  # the window may have lost what it showed
            return
        top = self.top
        self.mapper.text_mode = bool(top and top.wants_text)
        inp = self.mapper.map(event, self.size)
        if inp is not None:
            self.dispatch(inp)

    def dispatch(self, inp: Input) -> None:
        if inp.act is Act.QUIT:
            self.quit()
            return
        if inp.act in (Act.MUTE, Act.REPEAT):  # M and R work on every screen
            self.dirty = True
            self.accessibility_key(inp.act)
            return
        top = self.top
        consumed = top.handle(inp) if top is not None else False
        if inp.act is not Act.HOVER or consumed:
            self.dirty = True
        if consumed:
            return
        if inp.act is Act.HELP:
            self.open_help()
        elif inp.act is Act.FULLSCREEN:
            self.toggle_fullscreen()

    def accessibility_key(self, act: Act) -> None:
        """M: sound off/on (saved, with a toast). R: read the last full reading again."""
        from game.ui import prefs

        if act is Act.MUTE:
            prefs.toggle_sound(self)
        elif self.voice.enabled:
            self.voice.repeat()
        else:
            self.show_toast(services.N_("Read-aloud is off. Turn it on in Settings."))

    def show_toast(self, text: str, icon: str = "info", seconds: float = 2.5) -> None:
        from game.ui.toast import Toast  # not needed before the first toast

        self.toast = Toast(text, icon, seconds)
        self.dirty = True

    @property
    def busy(self) -> bool:
        top = self.top
        return (
            self._fade is not None
            or bool(top and top.animating)
            or self.toast is not None
            or self.sound.pending
        )

    def update(self, dt: float) -> None:
        if self._fade is not None:
            surf, t = self._fade
            t += dt
            self._fade = None if t >= FADE_SECONDS else (surf, t)
            self.dirty = True
        if self.top is not None:
            self.top.update(dt)
            self.top.update_after(dt)
            if self.top.animating:
                self.dirty = True
        if self.debug_scenes and self.play is not None:  # steps within one screen, for tests
            phase = self.play.session.phase.value
            if phase != self._last_phase:
                self._last_phase = phase
                print(f"[redflags] phase={phase}", file=sys.stderr, flush=True)
        if self.play is not None and self.play.extras.get("phones") is not None:
            self.play.extras["phones"].sync(self.play.session.state)  # a seen state costs nothing
        self.sound.update(dt)
        if self.settings_notice and self.top is not None and self.top.name == "title":
            self.show_toast(self.settings_notice, "info", 8.0)
            self.settings_notice = None
        if self.toast is None:  # a save set aside; saving stopped, or works again (once each)
            notice = savegame.next_notice()
            if notice is not None:
                self.show_toast(notice, "info", 8.0)
        if self.toast is not None:
            self.toast.update(dt)
            if self.toast.done:
                self.toast = None
                self.dirty = True
        if self._voice is not None:  # none yet: read-aloud has been off all along
            self._voice.observe(self.top)

    def draw(self) -> None:
        """Draw a whole frame: the scenes from the highest opaque one up, the fade, the toast."""
        surface = self.screen
        self.ui.log.clear()
        start = 0
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].opaque:
                start = i
                break
        for i in range(start, len(self.stack)):
            self.ui.log.layer = i
            self.stack[i].draw(surface)
            self.stack[i].draw_after(surface)
        if self._fade is not None:
            old, t = self._fade
            old.set_alpha(round(255 * (1 - t / FADE_SECONDS)))
            surface.blit(old, (0, 0))
        if self.toast is not None:
            self.ui.log.layer = len(self.stack)
            self.toast.draw(self.ui, surface)
        self.frames += 1

    def present(self) -> None:
        """Show the frame drawn last."""
        pygame.display.flip()

    def frame(self, dt: float = 1 / 60) -> None:
        """One loop step without waiting: tests and the loop share it."""
        try:
            for event in pygame.event.get():
                self.feed(event)
            self.update(dt)
            if self.dirty or self.busy:
                self.draw()
                self.present()
                if self.presenter is not None:
                    self.presenter.draw()
                self.dirty = False
            elif self.presenter is not None and self.presenter.dirty:
                self.presenter.draw()
        except Exception as exc:  # a scene failed: the calm crash screen, never a traceback
            self.crash(exc)

    def crash(self, exc: BaseException) -> None:
        """Show the crash screen (game/ui/crash.py); if that fails too, stop with code 3."""
        from game.ui.crash import CRASH_EXIT_CODE, CrashScene, handle_crash

        try:
            if isinstance(self.top, CrashScene):
                raise exc
            handle_crash(self, exc)
            self.draw()
            self.present()
            self.dirty = False
        except Exception:
            print(
                "Red Flags stopped because of an unexpected problem "
                f"({exc.__class__.__name__}); please start it again.",
                file=sys.stderr,
            )
            self.exit_code = CRASH_EXIT_CODE
            self.running = False
            self.stack.clear()

    def start(self) -> None:
        from game.ui.scenes.title import TitleScene

        if not self.stack:
            self.push(TitleScene(self))

    def run(self) -> int:
        try:
            self.start()
        except Exception as exc:  # the title itself failed: the crash screen, or code 3
            self.crash(exc)
        last = time.perf_counter()
        exit_after_first = os.environ.get("REDFLAGS_EXIT_AFTER_FIRST_FRAME") == "1"  # bench
        while self.running:
            if not (self.dirty or self.busy):
                # idle: sleep until something happens (poll while read-aloud has more to say)
                pending = self._voice is not None and self._voice.pending
                event = pygame.event.wait(100 if pending else 1000)
                if event.type != pygame.NOEVENT:
                    try:
                        self.feed(event)
                    except Exception as exc:
                        self.crash(exc)
                last = time.perf_counter() - 1 / 60
            now = time.perf_counter()
            dt, last = min(0.1, now - last), now
            self.frame(dt)
            if self.frames and not gc.isenabled():  # off for start-up (game/cli.py cmd_play)
                gc.freeze()  # what start-up built stays: later collections skip it
                gc.enable()
            if exit_after_first and self.frames:
                print(f"first-frame-at {time.time():.6f}", flush=True)  # read by the bench
                self.running = False
            if self.busy:
                self.clock.tick(60)
            if not self.stack:
                self.running = False
        return self.exit_code


def run(options: RunOptions) -> int:
    """Open the window and play until the player quits; returns the process exit code."""
    try:
        app = App(options)
        try:
            return app.run()
        finally:
            app.stop_phones()
    finally:
        pygame.quit()
