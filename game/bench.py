"""`redflags bench`: start-up, frame times, idle CPU, deck loading and memory, measured headless.

Every figure is a median over repeated trials, measured in this one run, next to its floor where
there is one (a bare pygame-ce program's start-up; a blank frame: events, fill and flip at the
same size), and compared with the targets:

    start-up <= 2x the floor          a full frame of every scene: median <= 4.2 ms (a quarter
    idle CPU <= 1% of one core          of a 60 Hz frame), shown beside a blank frame as a ratio
    1,000 cards load and validate in < 0.5 s                  peak memory < 123 MB

What a "full frame" is: the whole frame as the App draws it when something changed (the scene's
composed static layer, game/ui/layers.py, blitted, and its buttons and live parts over it; the
static layer is not painted again). `ROUTES` lists every scene a session shows and how the bench
reaches it; each is measured at 1280x720 and 1920x1080. A frame after the mouse moves from one
button to another (an input handled, then the same drawing) is shown too, as information.
Full, hover and blank frames are timed in alternating blocks, and the start-up ratio is the
median over back-to-back pairs, so load from other work on a shared machine hits both sides of
each ratio alike.

The app runs in child processes (`python -m game.bench --child ...`) with the dummy video and
audio drivers and a throw-away config and data folder, so a bench never touches the player's
settings and needs no display. `--json` prints one JSON object; `--quick` runs few trials.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml

from game.bench_table import Check, check, print_result
from game.model.kinds import Mode, Phase, Rating

if TYPE_CHECKING:
    from game.model.session import Session

ROOT = Path(__file__).resolve().parents[1]
SIZES = ((1280, 720), (1920, 1080))
TARGETS = {
    "startup": 2.0,  # x the floor
    "frame_median": 4.2,  # ms: a quarter of a 60 Hz frame
    "idle_cpu": 0.01,  # share of one core
    "load_1000": 0.5,  # seconds
    "load_20000": 2.0,  # seconds, 20,000 short cards from a file (issue 17)
    "load_20000_rss": 200.0,  # MB, the whole process that loads them
    "rss": 123.0,  # MB
}


# --- helpers ----------------------------------------------------------------------------------


def _median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else float("nan")


def _p99(values: Sequence[float]) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return float(ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))])


def _ms(seconds: Sequence[float], stat: Callable[[Sequence[float]], float] = _median) -> float:
    return stat(seconds) * 1000


def _child_env(tmp: str, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        SDL_VIDEODRIVER="dummy",
        SDL_AUDIODRIVER="dummy",
        SDL_FRAMEBUFFER_ACCELERATION="0",
        PYGAME_HIDE_SUPPORT_PROMPT="1",
        REDFLAGS_CONFIG_DIR=str(Path(tmp) / "config"),
        REDFLAGS_DATA_DIR=str(Path(tmp) / "data"),
        PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p),
    )
    env.pop("REDFLAGS_DEBUG_SCENES", None)
    # An installed game keeps its compiled bytecode; measure that, not a sandbox that turns it
    # off (the warm-up run writes it).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(extra)
    return env


def _run_child(tmp: str, *args: str, timeout: float = 120) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "game.bench", "--child", *args],
        cwd=ROOT,
        env=_child_env(tmp),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
        raise RuntimeError(f"bench child {args[0]} failed: {tail[0]}")
    return dict(json.loads(lines[-1]))


# --- start-up ---------------------------------------------------------------------------------

FLOOR_PROGRAM = (
    "import time\n"
    "import pygame\n"
    "pygame.display.init()\n"
    "screen = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)\n"
    "pygame.event.get()\n"
    "screen.fill((30, 30, 60))\n"
    "pygame.display.flip()\n"
    "print(f'first-frame-at {time.time():.6f}', flush=True)\n"
    "pygame.quit()\n"
)


def _time_process(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds from starting `cmd` to the first frame it reports drawing ("first-frame-at T",
    on the same wall clock); the time to quit afterwards is not start-up."""
    start = time.time()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, timeout=60)
    if proc.returncode != 0:
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
        raise RuntimeError(f"start-up run failed: {tail[0]}")
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        if line.startswith("first-frame-at "):
            return float(line.split()[1]) - start
    raise RuntimeError("start-up run drew no frame")


def measure_startup(tmp: str, trials: int) -> tuple[float, float, float]:
    """(app, floor, ratio): medians of the wall time from starting the process to its first
    drawn frame, and the median of the ratios of back-to-back pairs: on a shared
    machine the load drifts, and a pair sees the same load."""
    app_env = _child_env(tmp, REDFLAGS_EXIT_AFTER_FIRST_FRAME="1")
    floor_env = _child_env(tmp)
    app_cmd = [sys.executable, "-m", "game", "--windowed", "1280x720"]
    floor_cmd = [sys.executable, "-c", FLOOR_PROGRAM]
    _time_process(app_cmd, app_env)  # warm the file cache (bytecode, fonts) for both
    _time_process(floor_cmd, floor_env)
    apps, floors = [], []
    for _ in range(trials):  # interleaved, so load on the machine hits both alike
        floors.append(_time_process(floor_cmd, floor_env))
        apps.append(_time_process(app_cmd, app_env))
    return _median(apps), _median(floors), _median([a / f for a, f in zip(apps, floors)])


# --- deck loading -----------------------------------------------------------------------------


def generated_deck(cards: int = 1000) -> str:
    """A deck of `cards` cards made from a shipped card, each with its own id."""
    from game.content.decks import default_deck_paths
    from game.content.yaml_source import parse

    path = default_deck_paths("en")[0]
    data = parse(path.read_text(encoding="utf-8"))
    template = data["cards"][0]
    out = []
    for i in range(cards):
        card = copy.deepcopy(template)
        card["id"] = f"bench-card-{i}"
        card["setup"] = f"{card['setup']} ({i})"
        out.append(card)
    deck = {"deck": dict(data["deck"], id="bench"), "cards": out}
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return str(yaml.dump(deck, Dumper=dumper, allow_unicode=True, sort_keys=False))


def measure_load(trials: int) -> float:
    from game.content.decks import load_deck_text

    text = generated_deck(1000)
    times = []
    for _ in range(trials):
        start = time.perf_counter()
        deck, errors = load_deck_text(text, "bench.yaml")
        times.append(time.perf_counter() - start)
        if deck is None or errors or len(deck.cards) != 1000:
            raise RuntimeError(f"the generated deck did not load: {errors[:1]}")
    return _median(times)


LARGE_CARD = """- id: bench-card-{i}
  age_bands: [13-15]
  tags: [secrecy]
  red_flag: Keep it secret
  safe_move: block-report
  setup: You're 14. ({i})
  chat: [{{from: them, text: just between us ok?}}]
  question: What do you do?
  responses:
  - {{text: Keep quiet., rating: harmful, feedback: It protects them.}}
  - {{text: Tell an adult., rating: safe, feedback: You got help.}}
  - {{text: Ask why., rating: risky, feedback: It keeps you talking.}}
  reasons:
  - {{text: Secrets are a trick., right: true, feedback: Yes.}}
  - {{text: You would be in trouble., feedback: You would not be.}}
  - {{text: Games are unsafe., feedback: Not the point.}}
  takeaway: Secrets online are a red flag.
  discuss: [Why a secret?]
"""


def generated_large_deck(cards: int = 20_000) -> str:
    """A deck of many short valid cards (about 700 bytes each: 20,000 fit the size limit)."""
    head = "deck:\n  id: bench-large\n  title: Bench deck\n  language: en\ncards:\n"
    return head + "".join(LARGE_CARD.format(i=i) for i in range(cards))


LARGE_LOAD_PROGRAM = (
    "import json, sys, time\n"
    "from game.content.decks import load_decks\n"
    "start, cpu = time.perf_counter(), time.process_time()\n"
    "result = load_decks([sys.argv[1]])\n"
    "took, cpu = time.perf_counter() - start, time.process_time() - cpu\n"
    "assert result.ok and len(result.cards) == int(sys.argv[2]), result.errors[:1]\n"
    "try:  # VmHWM, not ru_maxrss: that starts at the parent's peak (see _max_rss_mb)\n"
    "    hwm = [ln for ln in open('/proc/self/status') if ln.startswith('VmHWM:')]\n"
    "    rss = int(hwm[0].split()[1]) / 1024\n"
    "except (OSError, IndexError):\n"
    "    import resource\n"
    "    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
    "print(json.dumps({'seconds': took, 'cpu_seconds': cpu, 'rss_mb': rss}))\n"
)


def measure_large_load(tmp: str, trials: int, cards: int = 20_000) -> tuple[float, float]:
    """(median seconds, peak MB): a fresh process loads and validates a file of `cards` cards;
    the memory is that process's peak resident size, imports included. The median CPU time is
    kept in `LAST_LARGE_LOAD_CPU` (on a busy machine wall time waits for other programs)."""
    global LAST_LARGE_LOAD_CPU
    path = Path(tmp) / "large-deck.yaml"
    path.write_text(generated_large_deck(cards), encoding="utf-8")
    times: list[float] = []
    cpus: list[float] = []
    peaks: list[float] = []
    for _ in range(trials):
        proc = subprocess.run(
            [sys.executable, "-c", LARGE_LOAD_PROGRAM, str(path), str(cards)],
            cwd=ROOT,
            env=_child_env(tmp),
            capture_output=True,
            text=True,
            timeout=300,
        )
        lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
        if proc.returncode != 0 or not lines:
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
            raise RuntimeError(f"loading {cards:,} cards failed: {tail[0]}")
        figures = json.loads(lines[-1])
        times.append(float(figures["seconds"]))
        cpus.append(float(figures["cpu_seconds"]))
        peaks.append(float(figures["rss_mb"]))
    LAST_LARGE_LOAD_CPU = _median(cpus)
    return _median(times), max(peaks)


LAST_LARGE_LOAD_CPU = float("nan")


# --- the children -----------------------------------------------------------------------------


class Route(NamedTuple):
    """One screen the bench draws: `label` names it in the report, `scene` is the App's top
    scene once there, `mode` the game it needs (None: the title), `steps` what the player does
    from there, separated by spaces (`_Player` has a method per step)."""

    label: str
    scene: str
    mode: Mode | None
    steps: str


# Every scene a session shows, and how to reach it: from the title, or from the start of a fresh
# game of `mode` (group games start at the facilitator's checklist; "begin" goes past it).
# The steps are `_Player` methods: "show" shows the whole chat and the options, "safe" and
# "unsafe" choose a move, "reason" the right reason, "enter" enters every team's choice (or
# reason) and reveals them, "award" presses B, "play_out" plays every card to the summary.
# fmt: off
ROUTES = (
    #     label                 scene                mode            steps
    Route("title",              "title",             None,           ""),
    Route("setup",              "setup",             None,           "open_setup"),
    Route("settings",           "settings",          None,           "open_settings"),
    Route("help",               "help",              None,           "open_help"),
    Route("card (solo)",        "card",              Mode.SOLO,      "show"),
    Route("pause",              "pause",             Mode.SOLO,      "show open_pause"),
    Route("explain",            "explain",           Mode.SOLO,      "show safe"),
    Route("feedback",           "feedback",          Mode.SOLO,      "show safe reason"),
    Route("summary",            "summary",           Mode.SOLO,      "play_out"),
    Route("checklist",          "facilitator-intro", Mode.TEAMS,     ""),
    Route("card (teams)",       "card",              Mode.TEAMS,     "begin show"),
    Route("steal",              "steal",             Mode.TEAMS,     "begin show unsafe"),
    Route("award prompt",       "award",             Mode.TEAMS,     "begin show unsafe steal award"),
    Route("card (together)",    "card",              Mode.TOGETHER,  "begin show"),
    Route("enter choices",      "enter-choices",     Mode.ALL_TEAMS, "begin show"),
    Route("enter reasons",      "enter-reasons",     Mode.ALL_TEAMS, "begin show enter"),
    Route("all-teams feedback", "team-feedback",     Mode.ALL_TEAMS, "begin show enter enter"),
)
# fmt: on
SCENES = tuple(r.label for r in ROUTES)
# Not measured, with the reason the report prints.
SKIPPED = {
    "phones join, reveal and summary": "need the phones server running (`redflags bench --phones N` "
    "measures the server; tests/ui/test_fit_new_screens.py checks the screens)",
}
TEAMS = 3


class _Player:
    """Drives a real App in this (child) process through its session and keys, with a fake clock."""

    def __init__(self, size: tuple[int, int]) -> None:
        import pygame  # the UI only in the child: the parent measures it from outside

        from game.ui.app import App
        from game.ui.options import RunOptions

        self.pg = pygame
        self.app = App(RunOptions(window_size=size, seed=1, cards=3))
        self.app.region_asked = True  # the one-off "which country?" is not a screen to time
        self.app.start()
        self.settle()

    _hovers = 0

    def settle(self) -> None:
        """Let the App follow the session and finish every animation, then draw."""
        app = self.app
        app.update(0.05)
        for _ in range(600):
            if not app.busy:
                break
            app.update(0.05)
        app.frame(1 / 60)

    def key(self, key: int, char: str = "") -> None:
        pg = self.pg
        self.app.feed(pg.event.Event(pg.KEYDOWN, key=key, mod=0, unicode=char, scancode=0))
        self.settle()

    @property
    def top(self) -> str:
        return self.app.top.name if self.app.top else ""

    def go(self, route: Route) -> None:
        """From wherever the last route left the App to `route`'s screen."""
        app = self.app
        app.to_title()
        self.settle()
        while self.top != "title":  # the first run's note about the topics, a game to resume
            app.pop()
            self.settle()
        if route.mode is not None:
            from game.ui.app import GameSetup

            teams = TEAMS if route.mode.is_group else 2
            setup = GameSetup(mode=route.mode, teams=teams, count=3, seed=1)
            if message := app.start_game(setup):
                raise RuntimeError(f"bench: {message}")
            self.settle()
        for step in route.steps.split():
            getattr(self, step)()
            self.settle()
        if self.top != route.scene:
            raise RuntimeError(f"bench: {route.label}: expected {route.scene}, got {self.top}")

    # -- the steps of ROUTES ---------------------------------------------------------------

    def open_setup(self) -> None:
        self.app.open_setup()

    def open_settings(self) -> None:
        self.app.open_settings()

    def open_help(self) -> None:
        self.app.open_help()

    def open_pause(self) -> None:
        self.app.open_pause()

    def begin(self) -> None:
        """Past the facilitator's checklist to the first card."""
        self.app.show_play()

    @property
    def session(self) -> Session:
        assert self.app.play is not None
        return self.app.play.session

    def show(self) -> None:
        if self.session.phase is Phase.SCENARIO:  # a solo card shows them once its chat is in
            self.session.show_options()

    def safe(self) -> None:
        self.session.choose(self.session.state.card.best_response_index)

    def unsafe(self) -> None:
        card = self.session.state.card
        self.session.choose(
            next(i for i, r in enumerate(card.responses) if r.rating is not Rating.SAFE)
        )

    def steal(self) -> None:
        state = self.session.state
        self.session.steal((state.turn + 1) % len(state.teams), state.card.best_response_index)

    def reason(self) -> None:
        self.session.explain(self.session.state.card.right_reason_index)

    def award(self) -> None:
        """B, the facilitator's award key: more than one team could get the point."""
        self.key(self.pg.K_b, "b")

    def enter(self) -> None:
        """All teams: the facilitator enters each team's choice (or reason), then reveals."""
        state = self.session.state
        count = len(state.card.reasons if state.phase is Phase.EXPLAIN else state.card.responses)
        for team in range(len(state.teams)):
            self.session.enter(team, team % count)
        self.session.reveal()

    def play_out(self) -> None:
        """Play every card (safe move, right reason) to the summary."""
        for _ in range(40):
            phase = self.session.phase
            if phase is Phase.SUMMARY:
                return
            if phase is Phase.SCENARIO:
                self.show()
            elif phase is Phase.CHOOSE:
                self.safe()
            elif phase is Phase.EXPLAIN:
                self.reason()
            else:
                self.session.next()
            self.settle()

    # -- timing ----------------------------------------------------------------------------

    def hover_spots(self) -> list[tuple[int, int]]:
        """The first and last button of the screen, or none when it has fewer than two."""
        from game.ui.widgets import Button, FocusGroup

        buttons: list[Button] = []
        for value in vars(self.app.top).values():  # a focus group, or a list of buttons
            items = value.buttons if isinstance(value, FocusGroup) else value
            if isinstance(items, list):
                buttons += [b for b in items if isinstance(b, Button)]
        return [buttons[0].rect.center, buttons[-1].rect.center] if len(buttons) > 1 else []

    def hover_times(self, frames: int) -> list[float]:
        """Frames after an input that changes the screen: the mouse moves from one button to
        another and back (events, update, draw, show)."""
        pg, app = self.pg, self.app
        spots = self.hover_spots()
        times: list[float] = []
        for _ in range(frames if spots else 0):
            self._hovers += 1
            pos = spots[self._hovers % 2]
            pg.event.post(
                pg.event.Event(pg.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False)
            )
            start = time.perf_counter()
            app.frame(1 / 60)
            times.append(time.perf_counter() - start)
        return times

    def full_times(self, frames: int) -> list[float]:
        """Full frames: the whole frame as the App draws it when something changed (the
        scene's composed static layer blitted, its buttons and live parts over it)."""
        app = self.app
        times = []
        for _ in range(frames):
            app.dirty = True
            start = time.perf_counter()
            app.frame(1 / 60)
            times.append(time.perf_counter() - start)
        return times

    def measure(self, frames: int, block: int = 20) -> dict[str, list[float]]:
        """Full frames, hover frames and blank frames of the same size, in alternating blocks,
        so a busy machine slows all three alike and their ratios stay fair."""
        self.hover_times(4)  # warm the caches
        self.full_times(2)
        out: dict[str, list[float]] = {"full": [], "hover": [], "blank": []}
        while len(out["full"]) < frames:
            out["blank"] += self.blank_times(block)
            out["full"] += self.full_times(block)
            out["hover"] += self.hover_times(block)
        return out

    def idle_times(self, frames: int) -> list[float]:
        """The cost of a loop step when nothing changed (no draw, no flip)."""
        app = self.app
        app.frame(1 / 60)
        times = []
        for _ in range(frames):
            start = time.perf_counter()
            app.frame(1 / 60)
            times.append(time.perf_counter() - start)
        return times

    def blank_times(self, frames: int) -> list[float]:
        """The floor: events, fill and flip at the same size."""
        pg = self.pg
        screen = pg.display.get_surface()
        times = []
        for _ in range(frames):
            start = time.perf_counter()
            pg.event.get()
            screen.fill((30, 30, 60))
            pg.display.flip()
            times.append(time.perf_counter() - start)
        return times


def _max_rss_mb() -> float:
    """This process's peak resident size. On Linux from VmHWM: ru_maxrss of a child started with
    vfork (as subprocess does) starts at its parent's peak, so a child of a 600 MB test worker
    reported 600 MB whatever it used itself."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    import resource  # Unix only

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def child_frames(size: tuple[int, int], frames: int) -> dict[str, Any]:
    """Every route's frames at `size`; each route is reached afresh, measured, then left."""
    p = _Player(size)
    out: dict[str, Any] = {"full_frame_ms": {}, "hover_frame_ms": {}, "idle_ms": {}, "reached": {}}
    blank: list[float] = []
    for route in ROUTES:
        p.go(route)
        out["reached"][route.label] = p.top
        times = p.measure(frames)
        full, hover = times["full"], times["hover"]
        out["full_frame_ms"][route.label] = {"median": _ms(full), "p99": _ms(full, _p99)}
        out["hover_frame_ms"][route.label] = {"median": _ms(hover)} if hover else None
        out["idle_ms"][route.label] = _ms(p.idle_times(frames))
        blank.extend(times["blank"])
    out["blank_ms"] = {"median": _ms(blank), "p99": _ms(blank, _p99)}
    out["rss_mb"] = _max_rss_mb()
    return out


def child_idle(seconds: float) -> dict[str, Any]:
    """The real loop, left alone on a card with its chat shown, for `seconds`."""
    p = _Player((1280, 720))
    p.go(ROUTES[SCENES.index("card (solo)")])
    pg = p.pg
    pg.time.set_timer(pg.QUIT, round(seconds * 1000), 1)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    p.app.run()
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return {"idle_cpu_share": cpu / wall if wall > 0 else float("nan"), "wall_s": wall}


def child_main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="game.bench --child")
    parser.add_argument("what", choices=["frames", "idle"])
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--frames", type=int, default=60)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args(list(argv))
    try:
        if args.what == "frames":
            w, h = (int(v) for v in args.size.split("x"))
            result = child_frames((w, h), args.frames)
        else:
            result = child_idle(args.seconds)
    finally:
        import pygame

        pygame.quit()
    print(json.dumps(result))
    return 0


# --- the report -------------------------------------------------------------------------------


def run_bench(quick: bool = False) -> dict[str, Any]:
    frames = 12 if quick else 400  # p99 of 400 frames: the 4th slowest, not one hiccup
    startup_trials = 2 if quick else 15
    idle_seconds = 1.0 if quick else 5.0
    load_trials = 1 if quick else 5
    result: dict[str, Any] = {"quick": quick}
    with tempfile.TemporaryDirectory(prefix="redflags-bench-") as tmp:
        app_s, floor_s, ratio = measure_startup(tmp, startup_trials)
        result["startup_s"] = app_s
        result["startup_floor_s"] = floor_s
        result["startup_ratio"] = ratio
        for name in ("full_frame_ms", "hover_frame_ms", "idle_frame_ms", "reached"):
            result[name] = {scene: {} for scene in SCENES}
        result["blank_frame_ms"] = {}
        result["blank_frame_p99_ms"] = {}
        result["skipped"] = SKIPPED
        rss = []
        for w, h in SIZES:
            key = f"{w}x{h}"
            child = _run_child(tmp, "frames", "--size", key, "--frames", str(frames))
            for scene in SCENES:
                result["full_frame_ms"][scene][key] = child["full_frame_ms"][scene]
                result["hover_frame_ms"][scene][key] = child["hover_frame_ms"][scene]
                result["idle_frame_ms"][scene][key] = child["idle_ms"][scene]
                result["reached"][scene][key] = child["reached"][scene]
            result["blank_frame_ms"][key] = child["blank_ms"]["median"]
            result["blank_frame_p99_ms"][key] = child["blank_ms"]["p99"]
            rss.append(child["rss_mb"])
        idle = _run_child(tmp, "idle", "--seconds", str(idle_seconds))
        result["idle_cpu_share"] = idle["idle_cpu_share"]
        result["idle_seconds"] = idle_seconds
        result["load_1000_cards_s"] = measure_load(load_trials)
        seconds, peak = measure_large_load(tmp, 1 if quick else 3)
        result["load_20000_cards_s"] = seconds
        result["load_20000_cards_rss_mb"] = peak
        result["load_20000_cards_cpu_s"] = LAST_LARGE_LOAD_CPU
        result["peak_rss_mb"] = max(rss)
    result["checks"] = checks(result)
    return result


def _larger(item: tuple[str, Any]) -> int:
    """Sort key: the larger window ("1920x1080") first."""
    w, h = item[0].split("x")
    return -int(w) * int(h)


def checks(r: dict[str, Any]) -> list[Check]:
    """Each figure against its target: name, value, target, verdict."""
    out: list[Check] = []

    def add(name: str, value: str, target: str, ok: bool) -> None:
        out.append(check(name, value, target, ok))

    ratio = r.get("startup_ratio", r["startup_s"] / r["startup_floor_s"])
    add(
        "start-up to first frame",
        f"{r['startup_s'] * 1000:.0f} ms (floor {r['startup_floor_s'] * 1000:.0f} ms; "
        f"{ratio:.2f}x, median of paired runs)",
        f"<= {TARGETS['startup']}x floor",
        ratio <= TARGETS["startup"],
    )
    blanks = r["blank_frame_ms"]
    for scene in SCENES:
        sizes = sorted(r["full_frame_ms"][scene].items(), key=_larger)
        if not sizes:
            continue
        parts = [
            f"{size} {f['median']:.2f} ms = {f['median'] / blanks[size]:.1f}x blank "
            f"{blanks[size]:.2f}, p99 {f['p99']:.2f}"
            for size, f in sizes
        ]
        hover = r.get("hover_frame_ms", {}).get(scene, {}).get(sizes[0][0])
        if hover:
            parts.append(f"after a hover {hover['median']:.2f}")
        add(
            f"full frame: {scene}",
            "; ".join(parts),
            f"<= {TARGETS['frame_median']} ms",
            all(f["median"] <= TARGETS["frame_median"] for _, f in sizes),
        )
    add(
        f"idle CPU on a card ({r['idle_seconds']:.0f} s)",
        f"{r['idle_cpu_share'] * 100:.2f}% of a core",
        f"<= {TARGETS['idle_cpu'] * 100:.0f}%",
        r["idle_cpu_share"] <= TARGETS["idle_cpu"],
    )
    add(
        "load + validate 1,000 cards",
        f"{r['load_1000_cards_s'] * 1000:.0f} ms",
        f"< {TARGETS['load_1000'] * 1000:.0f} ms",
        r["load_1000_cards_s"] < TARGETS["load_1000"],
    )
    if "load_20000_cards_s" in r:
        add(
            "load + validate 20,000 cards (a file, fresh process)",
            f"{r['load_20000_cards_s'] * 1000:.0f} ms "
            f"(CPU {r.get('load_20000_cards_cpu_s', float('nan')) * 1000:.0f} ms), "
            f"peak {r['load_20000_cards_rss_mb']:.0f} MB",
            f"<= {TARGETS['load_20000'] * 1000:.0f} ms, <= {TARGETS['load_20000_rss']:.0f} MB",
            r["load_20000_cards_s"] <= TARGETS["load_20000"]
            and r["load_20000_cards_rss_mb"] <= TARGETS["load_20000_rss"],
        )
    add(
        "peak memory (max RSS)",
        f"{r['peak_rss_mb']:.0f} MB",
        f"< {TARGETS['rss']:.0f} MB",
        r["peak_rss_mb"] < TARGETS["rss"],
    )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    args_in = list(sys.argv[1:] if argv is None else argv)
    if args_in[:1] == ["--child"]:
        return child_main(args_in[1:])
    parser = argparse.ArgumentParser(
        prog="redflags bench",
        description="Measure start-up, frame times, idle CPU, deck loading and memory "
        "(headless; the game runs in child processes).",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--quick", action="store_true", help="few trials (for the tests)")
    parser.add_argument(
        "--phones",
        type=int,
        metavar="N",
        help="instead: the students' phones server with N simulated phones (40 a class, 300 a hall)",
    )
    args = parser.parse_args(args_in)
    if args.phones is not None:
        from game.phones.bench import main as phones_main

        return phones_main(args_in)
    if not args.json:
        print("Measuring (this takes about a minute)..." if not args.quick else "Measuring...")
    try:
        result = run_bench(quick=args.quick)
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        print(f"The benchmark could not run: {exc}", file=sys.stderr)
        return 1
    print_result(result, args.json)
    if not args.json:
        for what, why in result["skipped"].items():
            print(f"Not measured: {what}: {why}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
