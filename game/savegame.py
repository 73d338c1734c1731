"""The resumable group session: saved after every step, offered again on the next start.

Only the set-up and the actions are written (see game/model/record.py) — no names beyond team
names, nothing typed by a player, and the decks by id, never by path (a path can hold the
user's name).

A save is written whole or not at all: a temporary file beside it, written, flushed and
fsynced, then renamed over the last good save (and the folder fsynced). A save that fails —
a full disk, a read-only folder, a directory where the file should be — leaves the last good
save as it was, and `SaveWatch` says once that saving stopped working, and once that it works
again, so the facilitator can be told on screen.

Reading a save never raises. A damaged, hostile or future-version file is set aside (renamed to
`session.damaged-<time>.json` beside it, never deleted) and a calm sentence for the title is
kept (`take_notices`); the game then starts as if there were nothing to resume.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import sys
from pathlib import Path

import platformdirs

from game.i18n import N_
from game.model.record import SessionRecord
from game.settings import APP_NAME, atomic_write_text, portable_dir, set_aside

MAX_SAVE_BYTES = 1_000_000  # a real save is a few KB; anything this big is not one of ours

SAVE_STOPPED = N_(
    "The session can no longer be saved on this computer (is the disk full?). "
    "Play goes on; it just cannot be resumed after a crash."
)
SAVE_WORKS_AGAIN = N_("Saving works again: the session can be resumed after a crash.")
SAVE_SET_ASIDE = N_(
    "A saved session could not be read, so it was put aside and the game starts fresh."
)

_notices: list[str] = []


def data_dir() -> Path:
    override = os.environ.get("REDFLAGS_DATA_DIR")
    if override:
        return Path(override)
    return portable_dir() or Path(platformdirs.user_data_dir(APP_NAME))


def save_path() -> Path:
    return data_dir() / "session.json"


def save_session(record: SessionRecord, path: Path | None = None) -> bool:
    """True when saved; False when it could not be (play goes on, the last good save stays)."""
    path = path or save_path()
    record = dataclasses.replace(record, deck_ids=tuple(_deck_ids(record.deck_ids)))
    try:
        text = json.dumps(record.to_dict(), ensure_ascii=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text)
    except (OSError, ValueError):
        _tell(_watch.after_save(False))
        return False
    _tell(_watch.after_save(True))
    return True


def _tell(notice: str | None) -> None:
    if notice is not None and notice not in _notices:
        _notices.append(notice)


def _deck_ids(entries: tuple[str, ...]) -> list[str]:
    """Deck ids as given; a deck file's path (what the game passed before saves kept ids) is
    turned into its deck's id, so no path — which can hold the user's name — is ever written."""
    out: list[str] = []
    for entry in entries:
        if "/" in entry or "\\" in entry or entry.endswith((".yaml", ".yml")):
            from game.content.decks import load_deck_file  # pydantic: only for old saves

            deck, _ = load_deck_file(Path(entry))
            if deck is None:
                continue
            entry = deck.id
        if entry not in out:
            out.append(entry)
    return out


class SaveWatch:
    """Whether saving works, told once when it stops and once when it works again.

    `after_save(ok)` returns the sentence to show (English message id, for `tr`) or None."""

    def __init__(self) -> None:
        self.failing = False

    def after_save(self, ok: bool) -> str | None:
        if ok != self.failing:
            return None  # no change: say nothing
        self.failing = not ok
        return SAVE_STOPPED if self.failing else SAVE_WORKS_AGAIN


_watch = SaveWatch()  # whether saving works, across the run


def has_saved_session(path: Path | None = None) -> bool:
    """Cheap: whether there is a file to offer (the title asks this before it is drawn)."""
    return (path or save_path()).is_file()


def load_saved_session(path: Path | None = None) -> SessionRecord | None:
    """The saved session, or None. Never raises: a file that is there but cannot be used is set
    aside with a notice for the title (see `take_notices`)."""
    path = path or save_path()
    try:
        if not path.is_file():
            return None
        if path.stat().st_size > MAX_SAVE_BYTES:
            raise ValueError("too large")
        with path.open("rb") as handle:
            raw = handle.read(MAX_SAVE_BYTES + 1)
        return SessionRecord.from_dict(json.loads(raw.decode("utf-8")))
    except FileNotFoundError:
        return None
    except Exception as exc:  # noqa: BLE001 - any damage at all means: set it aside, start fresh
        put_aside(path, exc)
        return None


def put_aside(path: Path, why: object = "") -> Path | None:
    """Rename a save that cannot be used, keep a notice for the title; the new name or None."""
    moved = set_aside(path)
    where = f" (kept as {moved.name})" if moved else ""
    print(f"redflags: the saved session could not be used{where}: {_short(why)}", file=sys.stderr)
    if SAVE_SET_ASIDE not in _notices:
        _notices.append(SAVE_SET_ASIDE)
    return moved


def take_notices() -> list[str]:
    """Sentences (English message ids) to show once: a save set aside (on the title), saving
    stopped working or works again (during play)."""
    out = list(_notices)
    _notices.clear()
    return out


def next_notice() -> str | None:
    """The oldest notice not shown yet, or None (the App shows one toast at a time)."""
    return _notices.pop(0) if _notices else None


def clear_saved_session(path: Path | None = None) -> None:
    with contextlib.suppress(OSError):
        (path or save_path()).unlink(missing_ok=True)


def _short(why: object) -> str:
    text = str(why).encode("unicode_escape").decode("ascii")
    return text if len(text) <= 120 else text[:117] + "..."
