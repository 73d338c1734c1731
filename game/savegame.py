"""The resumable group session: saved after every step, offered again on the next start.

Only the set-up and the actions are written (see game/model/record.py) — no names beyond team
names, nothing typed by a player. Written atomically, so a crash or a flat battery mid-write
leaves the previous save intact. Any problem reading it means "nothing to resume", never a crash.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from game.settings import APP_NAME, atomic_write_text

if TYPE_CHECKING:
    from game.model.record import SessionRecord


def data_dir() -> Path:
    override = os.environ.get("REDFLAGS_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))


def save_path() -> Path:
    return data_dir() / "session.json"


def save_session(record: SessionRecord, path: Path | None = None) -> bool:
    """True when saved; False when the folder is not writable (play goes on regardless)."""
    import json

    path = path or save_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, json.dumps(record.to_dict(), ensure_ascii=False))
    except OSError:
        return False
    return True


def has_saved_session(path: Path | None = None) -> bool:
    """Cheap: whether there is a file to offer (the title asks this before it is drawn)."""
    return (path or save_path()).is_file()


def load_saved_session(path: Path | None = None) -> SessionRecord | None:
    import json

    from game.model.record import RecordError, SessionRecord

    path = path or save_path()
    try:
        return SessionRecord.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError, RecordError):
        return None


def clear_saved_session(path: Path | None = None) -> None:
    with contextlib.suppress(OSError):
        (path or save_path()).unlink(missing_ok=True)
