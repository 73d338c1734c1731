"""When something unexpected fails in the game loop: a calm screen, a saved session, a report.

`App.crash(exc)` calls `handle_crash`, which

1. saves a running group session (so "your session is saved" is true; solo games are not
   saved, the screen says "you can start again"),
2. writes a crash report to `<data dir>/crash-reports/crash-<time>-<pid>.txt` (atomically;
   an unwritable folder is skipped silently) holding the exception type, the traceback, the
   versions and the scene names — no personal data: nothing a player typed, no settings
   values beyond the theme and the text size, home folders shown as `~`,
3. replaces the scene stack with `CrashScene`: "Something went wrong", where to get help, and
   Back to the title (Enter/Esc) or Quit.

If the crash screen itself fails, the App prints one plain line to stderr and exits with code 3
(`CRASH_EXIT_CODE`); a player never sees a traceback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import platform
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game.model.record import record_of
from game.savegame import data_dir, save_session
from game.settings import atomic_write_text
from game.ui.input import Act, Input
from game.ui.layout import centered, inset, split_cols, take_bottom, take_top
from game.ui.saving import setup_of
from game.ui.scene import Scene, column_texts
from game.ui.services import emergency_line, tr
from game.ui.text import Block
from game.ui.widgets import Button, FocusGroup, draw_group, paint_background, panel

if TYPE_CHECKING:
    from game.ui.app import App

CRASH_EXIT_CODE = 3
REPORTS_FOLDER = "crash-reports"
MAX_REPORTS = 20  # the oldest are removed, so a crashing loop cannot fill a disk
REDACTED = "[typed words removed]"


# --- the report --------------------------------------------------------------------------------


def _version() -> str:
    # importlib.metadata takes ~9 ms to import: only when a crash report is written
    from importlib.metadata import version

    try:
        return version("redflags")
    except Exception:
        return "unknown"


def _redact(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        if secret and len(secret.strip()) >= 1:
            text = text.replace(secret, REDACTED)
    home = str(Path.home())
    if len(home) > 1:
        text = text.replace(home, "~")
    return text


def report_text(app: App | None, exc: BaseException) -> str:
    """The crash report: what failed and where, never what anyone typed or chose to share."""
    secrets: list[str] = []
    scenes: list[str] = []
    theme = size = mode = phase = card = "-"
    if app is not None:
        with contextlib.suppress(Exception):
            scenes = [str(getattr(s, "name", type(s).__name__)) for s in app.stack]
        with contextlib.suppress(Exception):
            theme = str(app.ui.theme.name)
            size = f"{app.size[0]}x{app.size[1]}, text scale {app.ui.text_scale}"
        play = getattr(app, "play", None)
        if play is not None:
            with contextlib.suppress(Exception):
                secrets.append(str(play.own_words))
                state = play.session.state
                mode, phase, card = state.mode.value, state.phase.value, state.card.id
        with contextlib.suppress(Exception):  # words typed but not yet submitted
            for scene in app.stack:
                words = getattr(scene, "words", None)
                if isinstance(words, str):
                    secrets.append(words)
    secrets = sorted({s for s in secrets if s}, key=len, reverse=True)
    tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        sdl = ".".join(str(v) for v in pygame.get_sdl_version())
    except Exception:
        sdl = "unknown"
    lines = [
        "Red Flags crash report",
        f"time: {dt.datetime.now(dt.timezone.utc).isoformat(timespec='seconds')}",
        f"redflags: {_version()}",
        f"python: {platform.python_version()} ({platform.python_implementation()})",
        f"pygame-ce: {getattr(pygame, 'version', None) and pygame.version.ver}, SDL {sdl}",
        f"system: {platform.system()} {platform.release()} {platform.machine()}",
        f"video driver: {os.environ.get('SDL_VIDEODRIVER', '') or _driver()}",
        f"scenes (bottom to top): {' / '.join(scenes) or '-'}",
        f"mode: {mode}, phase: {phase}, card: {card}",
        f"theme: {theme}; window: {size}",
        f"exception: {type(exc).__module__}.{type(exc).__qualname__}",
        "",
        tb,
    ]
    return _redact("\n".join(lines), secrets)


def _driver() -> str:
    try:
        return str(pygame.display.get_driver())
    except Exception:
        return "unknown"


def reports_dir() -> Path:

    return data_dir() / REPORTS_FOLDER


def write_report(text: str) -> Path | None:
    """Write the report atomically; None when the folder cannot be written (no error)."""
    try:
        folder = reports_dir()
        folder.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        path = folder / f"crash-{stamp}-{os.getpid()}.txt"
        atomic_write_text(path, text)
        old = sorted(folder.glob("crash-*.txt"))
        for extra in old[: max(0, len(old) - MAX_REPORTS)]:
            with contextlib.suppress(OSError):
                extra.unlink()
        return path
    except Exception:
        return None


def save_group_session(app: App) -> bool:
    """Save a running group session so it can be resumed; True when it is on disk."""
    play = getattr(app, "play", None)
    if play is None:
        return False
    try:
        session = play.session
        if not session.state.mode.is_group:
            return False
        paths = [str(p) for p in (app.options.deck_paths or [])] or [d.path for d in app.decks]
        stamp = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        record = record_of(session, app.language, paths, stamp, **setup_of(play))
        return bool(save_session(record))
    except Exception:
        return False


def handle_crash(app: App, exc: BaseException) -> None:
    """Save what can be saved, write the report, and show the crash screen."""
    saved = save_group_session(app)
    report = write_report(report_text(app, exc))
    if os.environ.get("REDFLAGS_DEBUG_SCENES") == "1" or os.environ.get("REDFLAGS_DEBUG") == "1":
        print(f"redflags: crash: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
    app.show_crash_screen(CrashScene(app, saved=saved, report=report))


# --- the screen --------------------------------------------------------------------------------


class CrashScene(Scene):
    """The "Something went wrong" screen: calm words, where to get help, back to the title or quit."""

    group: FocusGroup  # made in __init__ (Scene.group is None for scenes without one)

    name = "crash"

    def __init__(self, app: App, saved: bool = False, report: Path | None = None) -> None:
        super().__init__(app)
        self.saved = saved
        self.report = report
        self.title_btn = Button("title", "Back to the title", kind="primary", badge="Enter")
        self.quit_btn = Button("quit", "Quit")
        self.group = FocusGroup([self.title_btn, self.quit_btn], index=0)
        self.fit: Any = None
        self.plain = False  # True once the themed drawing failed: draw plain text instead

    def message(self) -> str:
        if self.saved:
            return tr("Your session is saved. You can carry on from the title screen.")
        return tr("Nothing you did caused this. You can start again from the title screen.")

    def layout(self, size: tuple[int, int]) -> None:
        ui, m = self.ui, self.ui.m
        self.card = centered(m.screen, min(size[0] * 0.84, m.h * 1.3), size[1] * 0.86)
        inner = inset(self.card, m.pad * 1.5)
        self.heading, rest = take_top(inner, m.heading * 1.5, m.pad * 0.4)
        bottom, rest = take_bottom(rest, m.body * 2.3, m.pad * 0.8)
        self.title_btn.rect, self.quit_btn.rect = split_cols(bottom, (1.4, 1), m.pad)
        self.body = rest
        h = self.app.help
        blocks = [
            Block(self.message(), role="bold", colour="heading"),
            Block(tr("Where to get help"), role="semi", colour="accent", scale=0.8, gap=1.0),
            Block(emergency_line(h), role="bold", gap=0.3),
        ]
        for s in h.services[:4]:
            blocks.append(Block(f"{s.name}: {s.contact}", scale=0.92, gap=0.3))
        self.fit = ui.column(blocks, rest, m.body)

    def handle(self, inp: Input) -> bool:
        routed = self.group.route(inp, self.activate)
        if routed is not None:
            return routed
        if inp.act is Act.BACK:
            self.app.to_title()
            return True
        return inp.act is not Act.FULLSCREEN

    def activate(self, button: Button) -> None:
        if button is self.title_btn:
            self.app.to_title()
        else:
            self.app.quit()

    def texts(self) -> tuple[str, ...]:
        return tuple(column_texts(self.fit)) if self.fit is not None else ()

    def draw(self, surface: pygame.Surface) -> None:
        if not self.plain:
            try:
                self._draw_themed(surface)
                return
            except Exception:
                self.plain = True
        self._draw_plain(surface)

    def _draw_themed(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        paint_background(ui, surface)
        panel(ui, surface, self.card, t.panel)
        ui.text(
            surface,
            tr("Something went wrong"),
            self.heading,
            role="display",
            size=m.heading,
            colour=t.heading,
            align="center",
            valign="middle",
        )
        ui.draw_column(surface, self.fit, self.body)
        draw_group(ui, surface, self.group)

    def _draw_plain(self, surface: pygame.Surface) -> None:
        """The last resort: pygame's own font on a plain background."""
        w, h = surface.get_size()
        surface.fill((24, 26, 48))
        font = pygame.font.Font(None, max(18, h // 22))
        lines = [
            tr("Something went wrong"),
            self.message(),
            emergency_line(self.app.help),
            "",
            tr("Enter: back to the title"),
        ]
        y = h // 6
        for line in lines:
            img = font.render(line, True, (240, 240, 250))
            surface.blit(img, (max(8, (w - img.get_width()) // 2), y))
            y += round(font.get_linesize() * 1.5)
