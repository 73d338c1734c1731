"""The player's settings: text size, theme, sound, language... kept in the user's config folder,
or, in portable mode (a file portable.txt beside the app), in a folder beside the app.

Written atomically (a temporary file, then a rename) so a flat battery never leaves half a file.
A missing, corrupt or out-of-range file never stops the game: bad values fall back to their
defaults and `load_settings` says what it did in `notice`. A file that cannot be used at all
(not JSON, not an object, too large, numbers with thousands of digits) is set aside — renamed
to `settings.damaged-<time>.json`, never deleted — so it cannot trouble the next start either.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, NamedTuple

import platformdirs

from game.i18n import N_

APP_NAME = "redflags"
TEXT_SCALES = (0.85, 1.0, 1.2, 1.4, 1.65)
LINE_SPACINGS = (1.0, 1.2, 1.5)
FONTS = ("default", "atkinson", "opendyslexic")
THEMES = ("default", "high-contrast", "projector")


class Settings(NamedTuple):
    """What the player chose on the settings screen; saved as JSON, read back checked."""

    text_scale: float = 1.0
    line_spacing: float = 1.2
    font: str = "default"
    theme: str = "default"
    reduced_motion: bool = False
    sound: bool = True
    volume: float = 0.6
    read_aloud: bool = False
    language: str = ""  # "" means: follow the system language
    region: str = ""  # "" means: follow the system locale
    content_note_seen: bool = False


_CHOICES: dict[str, tuple[Any, ...]] = {
    "text_scale": TEXT_SCALES,
    "line_spacing": LINE_SPACINGS,
    "font": FONTS,
    "theme": THEMES,
}


PORTABLE_MARKER = "portable.txt"
PORTABLE_FOLDER = "Red Flags data"


def app_folder() -> Path | None:
    """The folder the game was started from, as a teacher sees it: the app build's folder (on
    macOS, the folder holding Red Flags.app); for a source checkout, the checkout (where play.sh
    is); None for a package installed with pip or pipx, which has no folder of its own."""
    if getattr(sys, "frozen", False):
        exe = Path(sys.executable).resolve()
        bundle = next((p for p in exe.parents if p.suffix == ".app"), None)
        return bundle.parent if bundle else exe.parent
    checkout = Path(__file__).resolve().parent.parent
    return checkout if (checkout / "pyproject.toml").is_file() else None


def portable_dir() -> Path | None:
    """Portable mode (a USB stick): with portable.txt beside the app, settings, the resumable
    session, saved summaries and crash reports live in "Red Flags data" beside it, never in the
    user's profile. None when not portable."""
    folder = app_folder()
    if folder is not None and (folder / PORTABLE_MARKER).is_file():
        return folder / PORTABLE_FOLDER
    return None


def config_dir() -> Path:
    override = os.environ.get("REDFLAGS_CONFIG_DIR")
    if override:
        return Path(override)
    return portable_dir() or Path(platformdirs.user_config_dir(APP_NAME))


def own_plans_dir() -> Path:
    """Where the lesson plans a teacher builds in the card browser are kept."""
    return config_dir() / "plans"


def settings_path() -> Path:
    return config_dir() / "settings.json"


class Loaded(NamedTuple):
    """The settings read at start, and a sentence to show when the file was damaged."""

    settings: Settings
    notice: str | None = None


MAX_SETTINGS_BYTES = 64 * 1024  # a real settings file is about 300 bytes
# The sentences a player may see, marked for translation (the App translates them when shown).
DAMAGED = N_("Your settings file was damaged, so the defaults are used (the old file is kept).")
UNREADABLE = N_("Your settings could not be read, so the defaults are used.")
UNSAVED = N_("Your settings could not be saved on this computer; they last until you quit.")


def load_settings(path: Path | None = None) -> Loaded:
    path = path or settings_path()
    try:
        if path.stat().st_size > MAX_SETTINGS_BYTES:
            return _damaged(path)
        with path.open("rb") as handle:
            raw = handle.read(MAX_SETTINGS_BYTES + 1).decode("utf-8")
    except FileNotFoundError:
        return Loaded(Settings())
    except UnicodeDecodeError:
        return _damaged(path)
    except OSError:
        return Loaded(Settings(), UNREADABLE)
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # ValueError: also a number of 5,000 digits
        return _damaged(path)
    if not isinstance(data, dict):
        return _damaged(path)
    return _from_dict(data)


def _damaged(path: Path) -> Loaded:
    set_aside(path)
    return Loaded(Settings(), DAMAGED)


def set_aside(path: Path) -> Path | None:
    """Rename a file that cannot be used to `<name>.damaged-<time><suffix>` beside it; the new
    path, or None when it could not be renamed (a read-only folder: it is then left alone)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for n in range(100):
        extra = f"-{n}" if n else ""
        target = path.with_name(f"{path.stem}.damaged-{stamp}{extra}{path.suffix}")
        if target.exists():
            continue
        try:
            os.replace(path, target)
        except OSError:
            return None
        return target
    return None


def _from_dict(data: dict[str, Any]) -> Loaded:
    defaults = Settings()
    values: dict[str, Any] = {}
    rejected = []
    for name in Settings._fields:
        if name not in data:
            continue
        value = data[name]
        if _valid(name, value, getattr(defaults, name)):
            values[name] = float(value) if isinstance(getattr(defaults, name), float) else value
        else:
            rejected.append(name.replace("_", " "))
    notice = None
    if rejected:  # it names the settings by their names in the file, so it is not translated
        notice = "Some settings were out of range and were reset: " + ", ".join(rejected) + "."
    return Loaded(defaults._replace(**values), notice)


def _valid(name: str, value: Any, default: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        if not -1e6 < value < 1e6:  # also infinities, NaN and ints too big for a float
            return False
        if name in _CHOICES:
            return any(abs(value - c) < 1e-6 for c in _CHOICES[name])
        return 0.0 <= value <= 1.0
    if isinstance(default, str):
        if not isinstance(value, str) or len(value) > 20:
            return False
        return value in _CHOICES[name] if name in _CHOICES else True
    return False


def save_settings(settings: Settings, path: Path | None = None) -> str | None:
    """Write atomically. Returns None, or a sentence saying why the settings were not saved."""
    path = path or settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, json.dumps(settings._asdict(), indent=2))
    except OSError:
        return UNSAVED
    return None


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` whole or not at all: a temporary file beside `path`, written, flushed and
    fsynced, then renamed over `path` (and the folder fsynced, so the rename lasts too). Any
    failure — a full disk, a read-only folder — raises OSError and leaves `path` as it was."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes | bytearray) -> None:
    """`atomic_write_text` for bytes (a PDF): whole or not at all."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError, AttributeError):  # not every system can open a folder
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
