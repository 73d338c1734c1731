"""Changing a setting while the game runs: apply it at once, everywhere, and save it.

`change(app, text_scale=1.4)` swaps the theme, fonts, sizes, sound, voice, language or region
in the running App, re-lays out every scene on the stack (also the card under a Pause), and
writes the settings file. The game never waits for the disk and never stops over it: a file
that cannot be written gives a sentence to show, nothing more.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.settings import UNREADABLE, Settings, load_settings, save_settings
from game.ui import services

if TYPE_CHECKING:
    from game.ui.app import App

# Native names: a language is listed in its own words, so anyone can find theirs.
LANGUAGE_NAMES = {"en": "English", "sv": "Svenska", "de": "Deutsch", "fr": "Français"}


def initial(given: Settings | None) -> tuple[Settings, str | None]:
    """The settings to start with and a notice about them (a damaged file) or None."""
    if given is not None:
        return given, None
    try:
        loaded = load_settings()
    except Exception as exc:  # never stop a lesson over a settings file
        print(f"redflags: settings unreadable ({exc!r}); using the defaults", file=sys.stderr)
        return Settings(), UNREADABLE
    return loaded.settings, loaded.notice


def language_name(code: str) -> str:
    """A language in its own words; Babel (~5 ms at start-up) only for one not listed."""
    if code in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[code]
    try:
        from babel import Locale

        return str(Locale.parse(code).get_display_name(code)).capitalize()
    except Exception:  # not a language Babel knows
        return code


def regions(language: str) -> list[str]:
    """The help regions by their names in `language`; "elsewhere" (the international list) last."""
    from game.content.help import region_ids  # pydantic: after the title is up

    return sorted(region_ids(), key=lambda r: (r == "elsewhere", region_name(r, language)))


def region_name(region_id: str, language: str) -> str:
    from game.content.help import load_region  # pydantic: after the title is up

    return str(load_region(region_id).name_in(language))


def current_region(app: App) -> str:
    return services.resolve_region(app.options.region or app.settings.region)


def change(app: App, **changes: Any) -> str | None:
    """Apply `changes` to the running game and save them. Returns a sentence when the
    settings could not be saved (the change still applies until the game is closed)."""
    old = app.settings
    new = old._replace(**changes)
    app.settings = new
    apply(app, old, new)
    return save_settings(new)


def apply(app: App, old: Settings, new: Settings) -> None:
    """Make the running App look and sound like `new`."""
    app.ui.restyle(new)
    app.sound.set_volume(float(new.volume))
    app.sound.set_enabled(bool(new.sound))
    if new.language != old.language and new.language:
        services.set_language(new.language)
        app.language = services.current_language() or new.language
        if not app.options.deck_paths:  # the decks of the new language, for the next game
            paths = [Path(p) for p in services.default_deck_paths(app.language)]
            decks, errors = services.load_decks(paths)
            if decks:
                app.decks, app.deck_errors = decks, errors
        app.forget_plans()  # the lesson plans of the new language
    voice = app.voice if new.read_aloud else app.voice_if_made  # speech is slow to set up
    if voice is not None:
        voice.set_enabled(bool(new.read_aloud))
        voice.language = app.language
    if new.region != old.region or new.language != old.language:
        app.help = services.load_help(current_region(app), app.language)
    app.relayout()
    if app.presenter is not None:  # the facilitator's window takes the new look too
        app.presenter.follow()


def toggle_sound(app: App) -> None:
    """M: sound off or on, from anywhere; saved, and said in a short toast."""
    on = not bool(app.settings.sound)
    problem = change(app, sound=on)
    if on:
        app.sound.play("choose")
    app.show_toast(
        services.N_("Sound on") if on else services.N_("Sound off"),
        "sound-on" if on else "sound-off",
    )
    if problem:
        print(f"redflags: {problem}", file=sys.stderr)
