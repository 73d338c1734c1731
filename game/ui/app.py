"""The App: the window, the clock, the scene stack and the frame loop. `run()` is the door in.

The App is where navigation lives: scenes ask it to open a screen (`open_pause`, `to_title`...)
and never import each other. After every input and every update it follows the session: when the
session's state changed, it shows the scene its phase wants (`follow_session`), so scenes only
call the session and never switch screens after an action themselves.

The loop redraws only when something changed or an animation runs; otherwise it sleeps and looks
at the events once a frame, so a card left on the projector costs ~0.3% of a core.
"""

from __future__ import annotations

import os
import random
import sys
import time
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game import savegame
from game.model.kinds import PLAN_CARDS, AgeBand, Mode
from game.model.record import SessionRecord
from game.model.session import IllegalAction, Options, Session, draw_cards, new_state
from game.settings import Settings, own_plans_dir
from game.ui import phones, prefs, saving, services
from game.ui.context import Ui
from game.ui.crash import CRASH_EXIT_CODE, CrashScene, handle_crash
from game.ui.flow import scene_for_play, wanted_key
from game.ui.input import Act, Input, map_event
from game.ui.options import RunOptions
from game.ui.play import CARD_COUNTS, GameSetup, PlayContext
from game.ui.presenter import Presenter
from game.ui.presenter import offered as offers_presenter
from game.ui.scene import Scene
from game.ui.scenes.award import AwardScene
from game.ui.scenes.confirm import ConfirmScene, EndSessionScene
from game.ui.scenes.content_note import ContentNoteScene
from game.ui.scenes.facilitator_intro import FacilitatorIntroScene
from game.ui.scenes.help import HelpScene
from game.ui.scenes.modal import NoteScene
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.region_ask import RegionAskScene, should_ask
from game.ui.scenes.resume import ResumeScene
from game.ui.scenes.settings import AboutScene, SettingsScene
from game.ui.scenes.setup import SetupScene
from game.ui.scenes.title import TitleScene
from game.ui.sound import Sound
from game.ui.theme import get_theme
from game.ui.toast import Toast
from game.ui.widgets import window_icon

if TYPE_CHECKING:
    from game.content.glossary import Glossary
    from game.content.plans import PlansResult
    from game.model.cards import Card, Deck
    from game.model.plans import LessonPlan
    from game.model.session import SessionState
    from game.speech import Speaker
    from game.ui.voice import Narrator

__all__ = ["CARD_COUNTS", "App", "GameSetup", "PlayContext", "run"]

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (640, 480)
FADE_SECONDS = 0.22
IDLE_LOOK = 1 / 60  # seconds between looks at the events while nothing moves...
IDLE_LOOK_QUIET = 1 / 20  # ...once the screen has been still for a second (a key: within 50 ms)


class App:
    def __init__(
        self,
        options: RunOptions | None = None,
        settings: Settings | None = None,
        speaker: Speaker | None = None,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self.options = options or RunOptions()
        self.now = now  # the clock of timers and time-outs (tests bring a fake one)
        # A stable window class lets desktops (and xdotool in tests) find the game's window.
        # `import pygame` already set it to the script's name, so replace that default.
        if os.environ.get("SDL_VIDEO_X11_WMCLASS") in (None, os.path.basename(sys.argv[0])):
            os.environ["SDL_VIDEO_X11_WMCLASS"] = "redflags"
        pygame.display.init()
        pygame.font.init()
        # a notice about a damaged settings file is shown once, as a toast on the title
        self.settings, self.settings_notice = prefs.initial(settings)
        s: Settings = self.settings
        self.language = services.resolve_language(self.options.language or s.language)
        services.set_language(self.language)
        self.fullscreen = self.options.fullscreen
        self.windowed_size = self.options.window_size or DEFAULT_SIZE
        # our own icon, set before the window opens (pygame would load its own from a file)
        pygame.display.set_icon(window_icon(get_theme(s.theme)))
        self.screen = self._open_window()
        pygame.display.set_caption("Red Flags")
        assets = services.ASSETS_DIR
        self.ui = Ui(s, self.screen.get_size(), assets / "fonts")
        self.sound = Sound(assets / "sounds", s.sound, s.volume)
        self._speaker = speaker
        if s.read_aloud:
            _ = self.voice
        self.toast: Toast | None = None
        self.clock = pygame.time.Clock()
        self.stack: list[Scene] = []
        self.deck_errors: list[str] = []  # a sentence per deck file that did not load
        self.setup = GameSetup(
            band=self.options.age_band or AgeBand.YOUNG_TEENS,
            count=min(PLAN_CARDS[1], max(PLAN_CARDS[0], self.options.cards or 5)),
            seed=self.options.seed,
            spot=True,
            name=True,
            shuffle=True,
            presenter=self.options.presenter is True,
        )
        self.presenter: Presenter | None = None
        self.region_asked = False  # a locale with no country: setup asks where, once
        self.play: PlayContext | None = None
        self._followed: SessionState | None = None  # the session state the screens show
        self._followed_steps = 0  # ...and how many actions led to it
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

    @cached_property
    def voice(self) -> Narrator:
        """Read-aloud: speech is optional and slow to set up, so this is made when read-aloud
        is on, or when something asks for it (settings, R)."""
        from game.speech import find_speaker
        from game.ui.voice import Narrator

        speaker = self._speaker if self._speaker is not None else find_speaker()
        return Narrator(speaker, self.settings.read_aloud, self.language)

    @property
    def voice_if_made(self) -> Narrator | None:
        """The narrator, or None while read-aloud has been off all along."""
        return self.__dict__.get("voice")

    # Decks, plans and help resources are read on first use, after the title is on screen.

    @cached_property
    def decks(self) -> list[Deck]:
        paths = self.options.deck_paths or services.default_deck_paths(self.language)
        decks, self.deck_errors = services.load_decks([Path(p) for p in paths])
        for err in self.deck_errors:
            print(f"redflags: deck problem: {err}", file=sys.stderr)
        return decks

    @cached_property
    def plans(self) -> PlansResult:
        """The lesson plans of the language (shipped, then the teacher's own), checked
        against the decks."""
        # pydantic and the content models (~60 ms to import): after the title is on screen
        from game.content.plans import load_plans, plan_paths

        plans = load_plans(
            plan_paths(self.language, [own_plans_dir()]),
            [c for d in self.decks for c in d.cards],
        )
        named = plans.find(self.options.plan or "")
        if named is not None:  # --plan: chosen once, at the first look
            self.options.plan = None
            self.choose_plan(named)
        return plans

    def forget_plans(self) -> None:
        """Read the plans again (a plan was saved, or the language changed)."""
        self.__dict__.pop("plans", None)

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
        return offers_presenter(self.options.presenter)

    def open_presenter(self) -> None:
        if self.presenter is None:
            self.presenter = Presenter(self)
            self.dirty = True

    def close_presenter(self) -> None:
        if self.presenter is not None:
            self.presenter.close()
            self.presenter = None
            self.dirty = True

    @cached_property
    def help(self) -> services.HelpInfo:
        return services.load_help(prefs.current_region(self), self.language)

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
        self._enter(scene)

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
        self.reset(scene, fade, keep=len(self.stack) - 1)

    def reset(self, scene: Scene, fade: bool = True, keep: int = 0) -> None:
        """Clear the stack (but its `keep` lowest scenes) and go on from `scene`."""
        if fade and not self.ui.reduced_motion and self.stack:
            self._fade = (self.screen.copy(), 0.0)
        while len(self.stack) > max(0, keep):
            self._retire(self.stack.pop())
        self._enter(scene)

    def _enter(self, scene: Scene) -> None:
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
        # pydantic and the content models (~60 ms to import): after the title is on screen
        from game.content.glossary import glossary

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
        cards = list(cards) if cards is not None else self.cards_for(setup)
        seed = setup.seed if setup.seed is not None else random.randrange(1 << 31)
        options = Options(spot=setup.spot, name=setup.name, shuffle=setup.shuffle, seed=seed)
        try:
            if setup.plan is None:  # a lesson plan keeps its cards in its order
                cards = list(draw_cards(cards, setup.band, setup.count, random.Random(seed)))
            state = new_state(cards, setup.mode, setup.teams, options, self.glossary.confusions())
        except IllegalAction:
            return services.N_("No cards fit these choices. Try another age group or deck.")
        self.stop_phones()  # "Play again": the last session's phones are done
        self.setup = setup
        self.play = PlayContext(Session(state), setup)
        if setup.presenter and self.presenter_offered:
            self.open_presenter()
        elif not setup.presenter:
            self.close_presenter()
        self._follow_from_here()
        self.sound.play("next")
        if setup.phones and setup.mode in (Mode.TOGETHER, Mode.ALL_TEAMS):
            problem = phones.start_phones(self, self.play)
            if problem:
                self.show_toast(problem, seconds=6.0)
        if setup.mode.is_group:  # the facilitator's checklist comes before the first card
            self.reset(FacilitatorIntroScene(self, self.play))
        else:
            self.reset(scene_for_play(self, self.play))
        if self.play.phones is not None:  # how to join, before anything else
            self.open_phones_join()
        return None

    def resume_session(self, record: SessionRecord, session: Session) -> None:
        """Carry on a saved group session on exactly the screen it was on."""
        setup = saving.resumed_setup(self, record, session)
        self.setup = setup
        self.play = PlayContext(session, setup, saved=tuple(session.history))
        self._follow_from_here()
        self.reset(scene_for_play(self, self.play))

    def show_play(self) -> None:
        """Show the screen the session wants (after the facilitator's checklist)."""
        if self.play is not None:
            self.reset(scene_for_play(self, self.play))

    def _follow_from_here(self) -> None:
        play = self.play
        self._followed = play.session.state if play is not None else None
        self._followed_steps = len(play.session.history) if play is not None else 0

    def follow_session(self) -> None:
        """After an input or an update: when the session's state changed, show the scene its
        phase wants. The play scene stays when it is the one wanted (an award, the options
        shown); going back a step always gets a fresh screen. Overlays over a replaced play
        scene are closed."""
        play = self.play
        if play is None or play.session.state is self._followed:
            return
        went_back = len(play.session.history) < self._followed_steps
        self._follow_from_here()
        self.dirty = True
        shown = [i for i, s in enumerate(self.stack) if s.play_key is not None]
        if not shown:  # the facilitator's checklist, the crash screen: nothing to follow
            return
        if not went_back and self.stack[shown[-1]].play_key == wanted_key(play):
            return
        while len(self.stack) > shown[-1] + 1:
            self.pop()
        self.switch(scene_for_play(self, play))

    # -- where scenes go (they never import each other) -------------------------------------

    def to_title(self) -> None:
        if self.play is not None:  # a finished or abandoned session is not offered again
            savegame.clear_saved_session()
        self.stop_phones()
        self.play = None
        self._follow_from_here()
        self.reset(TitleScene(self))

    def to_setup(self) -> None:
        """The setup screen over the title (the way back from the facilitator's checklist)."""
        self.to_title()
        self.push(SetupScene(self))

    def open_setup(self) -> None:
        self.push(SetupScene(self))

    def open_browser(self, plan: LessonPlan | None) -> None:
        """The card browser, starting from `plan` when one is chosen."""
        # the browser and the plans bring pydantic and the content models: when first opened
        from game.content.plans import PlanDraft
        from game.ui.scenes.browser import BrowserScene

        self.push(BrowserScene(self, PlanDraft.of(plan) if plan else None))

    def ask_region(self) -> None:
        """Which country's help lines, when nothing says so (asked once a run)."""
        if should_ask(self) and not self.region_asked:
            self.region_asked = True  # once a run; once for good when answered
            self.push(RegionAskScene(self))

    def open_help(self) -> None:
        if not isinstance(self.top, HelpScene):
            self.push(HelpScene(self))

    def open_pause(self) -> None:
        self.push(PauseScene(self))

    def open_settings(self) -> None:
        self.push(SettingsScene(self))

    def open_about(self) -> None:
        self.push(AboutScene(self))

    def open_leave_confirm(self) -> None:
        """ "Back to the title?" over the pause screen."""
        self.push(ConfirmScene(self))

    def open_end_session(self) -> None:
        """ "End the session now?" over the pause screen."""
        self.push(EndSessionScene(self))

    def open_award(self, teams: list[int]) -> None:
        """Which team gets the point for a good explanation (more than one could)."""
        if self.play is not None:
            self.push(AwardScene(self, self.play, teams))

    def open_note(self, heading: str, text: str) -> None:
        """A note over the screen until closed: `heading` a message id, `text` translated."""
        self.push(NoteScene(self, heading, text))

    def open_phones_join(self) -> None:
        """Students' phones: how to join (Q; first thing in a session with phones)."""
        if self.play is not None:
            self.push(phones.PhonesJoinScene(self, self.play))

    def open_phones_answers(self) -> None:
        """Students' phones: the class's answers to the open step, which closes it (V)."""
        if self.play is not None:
            self.push(phones.PhonesRevealScene(self, self.play))

    def open_phones_summary(self) -> None:
        """Students' phones at the summary: the pulse before and after, each card (V)."""
        if self.play is not None:
            self.push(phones.PhonesSummaryScene(self, self.play))

    def open_content_note(self) -> None:
        self.note_shown = True
        self.push(ContentNoteScene(self))

    def offer_resume(self) -> bool:
        """Push the resume offer over the title when there is a session to carry on."""
        found = saving.saved_session(self)
        if found is None:
            return False
        self.push(ResumeScene(self, *found))
        return True

    def quit(self) -> None:
        self.running = False

    def stop_phones(self) -> None:
        """End Students' phones, if on: the phones say thank you, the server stops."""
        if self.play is not None and self.play.phones is not None:
            phones.stop_phones(self.play)

    # -- events, update, draw --------------------------------------------------------------

    def feed(self, event: pygame.event.Event) -> None:
        """Handle one raw pygame event (the loop calls this; tests call it directly)."""
        if event.type >= pygame.USEREVENT and self.play is not None:
            if self.play.phones is not None and phones.on_phones_event(self, event):
                return  # new answers from the phones
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
        inp = map_event(event, self.size, bool(self.top and self.top.wants_text))
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
        self.follow_session()
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
        if act is Act.MUTE:
            prefs.toggle_sound(self)
        elif self.voice.enabled:
            self.voice.repeat()
        else:
            self.show_toast(services.N_("Read-aloud is off. Turn it on in Settings."))

    def show_toast(self, text: str, icon: str = "info", seconds: float = 2.5) -> None:
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
        """One tick, in this order: the fade, the top scene (then the App follows the session),
        what runs beside the scenes (phones, presenter, sound), the toasts, and read-aloud last,
        so it reads what the tick left on screen. With REDFLAGS_DEBUG_SCENES=1 each new phase
        goes to stderr."""
        if self._fade is not None:
            surf, t = self._fade
            self._fade = None if t + dt >= FADE_SECONDS else (surf, t + dt)
            self.dirty = True
        if self.top is not None:
            self.top.update(dt)
            self.follow_session()
        if self.top is not None:  # following the session may have shown another scene
            self.top.update_after(dt)
            self.dirty = self.dirty or self.top.animating
        play = self.play
        if play is not None:
            if self.debug_scenes and play.session.phase.value != self._last_phase:
                self._last_phase = play.session.phase.value  # steps within one screen too
                print(f"[redflags] phase={self._last_phase}", file=sys.stderr, flush=True)
            if play.phones is not None:
                play.phones.sync(play.session.state)  # a seen state costs nothing
        if self.presenter is not None:
            self.presenter.update()  # its clocks: redrawn when a shown time changes
        self.sound.update(dt)
        self._update_toasts(dt)
        if self.voice_if_made is not None:
            self.voice_if_made.observe(self.top)

    def _update_toasts(self, dt: float) -> None:
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

    def draw(self) -> None:
        """Draw a whole frame: the scenes from the highest opaque one up, the fade, the toast."""
        surface = self.screen
        self.ui.log.clear()
        start = max((i for i, s in enumerate(self.stack) if s.opaque), default=0)
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

    def frame(self, dt: float = 1 / 60) -> None:
        """One loop step without waiting: tests and the loop share it."""
        try:
            for event in pygame.event.get():
                self.feed(event)
            self.update(dt)
            if self.dirty or self.busy:
                self.draw()
                pygame.display.flip()
                if self.presenter is not None:
                    self.presenter.draw()
                self.dirty = False
            elif self.presenter is not None and self.presenter.dirty:
                self.presenter.draw()
        except Exception as exc:  # a scene failed: the calm crash screen, never a traceback
            self.crash(exc)

    def crash(self, exc: BaseException) -> None:
        """Show the crash screen (game/ui/crash.py); if that fails too, stop with code 3."""
        try:
            if isinstance(self.top, CrashScene):
                raise exc
            scene = handle_crash(self, exc)
            self.play = None  # everything goes, without `on_exit`: it may be what broke
            self._follow_from_here()
            self.stack.clear()
            self._fade = None
            self._enter(scene)
            self.draw()
            pygame.display.flip()
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
        if not self.stack:
            self.push(TitleScene(self))

    def run(self) -> int:
        try:
            self.start()
        except Exception as exc:  # the title itself failed: the crash screen, or code 3
            self.crash(exc)
        last = time.perf_counter()
        exit_after_first = os.environ.get("REDFLAGS_EXIT_AFTER_FIRST_FRAME") == "1"  # bench
        changed = last  # when the screen last changed
        while self.running:
            if self.dirty or self.busy:
                changed = time.perf_counter()
            else:
                # Nothing to draw: sleep, then look at the events (pygame-ce's event.wait would
                # look every millisecond, 2% of a core): once a frame, less often when still.
                still = time.perf_counter() - changed > 1.0
                time.sleep(IDLE_LOOK_QUIET if still else IDLE_LOOK)
            now = time.perf_counter()
            dt, last = min(0.1, now - last), now
            self.frame(dt)
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
