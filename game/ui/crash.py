"""When something unexpected fails in the game loop: a calm screen, a saved session, a report.

`App.crash(exc)` calls `handle_crash`, which saves a running group session (so "your session is
saved" is true), writes a crash report to `<data dir>/crash-reports/` without personal data
(nothing typed, home folders as `~`; an unwritable folder is skipped), and makes the `CrashScene`
the App shows: "Something went wrong", where to get help, back to the title or quit. If that
screen fails too, the App prints one plain line and exits with `CRASH_EXIT_CODE`: never a
traceback for a player.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import platform
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.savegame import data_dir
from game.settings import atomic_write_text
from game.ui.input import Act, Input
from game.ui.saving import autosave
from game.ui.scenes.modal import Modal
from game.ui.services import N_, emergency_line, tr
from game.ui.text import Block
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.app import App

CRASH_EXIT_CODE = 3
MAX_REPORTS = 20  # the oldest are removed, so a crashing loop cannot fill a disk
REDACTED = "[typed words removed]"


def _version() -> str:
    # importlib.metadata takes ~9 ms to import: only when a crash report is written
    from importlib.metadata import version

    try:
        return version("redflags")
    except Exception:
        return "unknown"


def report_text(app: App, exc: BaseException) -> str:
    """The crash report: what failed and where, never what anyone typed or chose to share."""
    lines = [
        "Red Flags crash report",
        f"time: {dt.datetime.now(dt.timezone.utc).isoformat(timespec='seconds')}",
        f"redflags: {_version()}",
        f"python: {platform.python_version()} ({platform.python_implementation()})",
        f"system: {platform.system()} {platform.release()} {platform.machine()}",
        f"exception: {type(exc).__module__}.{type(exc).__qualname__}",
    ]
    secrets: list[str] = []
    try:  # the game's state may be what broke: the report goes on with what could be read
        sdl = ".".join(str(v) for v in pygame.get_sdl_version())
        lines.append(f"pygame-ce: {pygame.version.ver}, SDL {sdl}")
        lines.append(f"video driver: {pygame.display.get_driver()}")
        lines.append(f"scenes (bottom to top): {' / '.join(s.name for s in app.stack)}")
        lines.append(f"theme: {app.ui.theme.name}; window: {app.size}, text {app.ui.text_scale}")
        secrets += [w for s in app.stack if isinstance(w := getattr(s, "words", None), str)]
        if app.play is not None:  # the player's own reason, and words not yet submitted
            secrets.append(app.play.own_words)
            st = app.play.session.state
            lines.append(f"mode: {st.mode.value}, phase: {st.phase.value}, card: {st.card.id}")
    except Exception as failed:
        lines.append(f"(the game's state could not be read: {type(failed).__name__})")
    text = "\n".join(lines) + "\n\n" + "".join(traceback.format_exception(exc))
    for secret in sorted({s for s in secrets if s.strip()}, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    home = str(Path.home())
    return text.replace(home, "~") if len(home) > 1 else text


def reports_dir() -> Path:
    return data_dir() / "crash-reports"


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
    if app.play is None:
        return False
    try:
        app.play.saved = None  # saved now, whatever the last autosave did
        return autosave(app, app.play)
    except Exception:
        return False


def handle_crash(app: App, exc: BaseException) -> CrashScene:
    """Save what can be saved and write the report; returns the crash screen to show."""
    saved = save_group_session(app)
    write_report(report_text(app, exc))
    if app.debug_scenes or os.environ.get("REDFLAGS_DEBUG") == "1":
        print(f"redflags: crash: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
    return CrashScene(app, saved=saved)


# --- the screen --------------------------------------------------------------------------------


class CrashScene(Modal):
    """The "Something went wrong" screen: calm words, where to get help, back to the title or quit."""

    name = "crash"
    opaque = True  # on the plain background: the scenes below may be the broken ones
    card_size = (0.84, 1.3, 0.86)
    centred = False
    heading = N_("Something went wrong")

    def __init__(self, app: App, saved: bool = False) -> None:
        self.saved = saved
        buttons = [
            Button("title", "Back to the title", kind="primary", badge="Enter"),
            Button("quit", "Quit"),
        ]
        super().__init__(app, buttons, actions={"title": app.to_title, "quit": app.quit})
        self.plain = False  # True once the themed drawing failed: draw plain text instead

    def message(self) -> str:
        if self.saved:
            return tr("Your session is saved. You can carry on from the title screen.")
        return tr("Nothing you did caused this. You can start again from the title screen.")

    def blocks(self) -> list[Block]:
        h = self.app.help
        return [
            Block(self.message(), role="bold", colour="heading"),
            Block(tr("Where to get help"), role="semi", colour="accent", scale=0.8, gap=1.0),
            Block(emergency_line(h), role="bold", gap=0.3),
            *(Block(s.line, scale=0.92, gap=0.3) for s in h.services[:4]),
        ]

    def handle(self, inp: Input) -> bool:
        if inp.act is Act.BACK:  # Esc, as Enter: back to the title
            self.app.to_title()
            return True
        return super().handle(inp) or inp.act is Act.HELP  # no help over a broken game

    def draw(self, surface: pygame.Surface) -> None:
        if not self.plain:
            try:
                super().draw(surface)
                return
            except Exception:
                self.plain = True
        self._draw_plain(surface)

    def _draw_plain(self, surface: pygame.Surface) -> None:
        """The last resort: pygame's own font on a plain background."""
        w, h = surface.get_size()
        surface.fill((24, 26, 48))
        font = pygame.font.Font(None, max(18, h // 22))
        lines = [
            self.title(),
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
