"""Raw pygame events to named actions, so scenes never read key codes or finger events.

Keyboard, mouse and touch meet here: a finger tap becomes the same `CLICK` as a mouse click
(the mouse events SDL synthesises from touches are dropped so a tap counts once). While a
text box of the top scene has focus (`text_mode`), letters and digits become `TEXT` instead of
shortcuts.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

import pygame


class Act(Enum):
    PICK = auto()  # number keys 1–6: index 0–5
    CONFIRM = auto()  # Enter / Space
    BACK = auto()  # Esc: pause, or leave a box
    HELP = auto()  # H
    FULLSCREEN = auto()  # F11
    NEXT = auto()  # Tab
    PREV = auto()  # Shift+Tab
    UP = auto()
    DOWN = auto()
    LEFT = auto()
    RIGHT = auto()
    CLICK = auto()  # mouse button 1 or a finger tap, with pos
    HOVER = auto()  # mouse moved, with pos
    TEXT = auto()  # typed text while a text box has focus
    BACKSPACE = auto()
    LETTER = auto()  # any other letter key, lower case in `text` (facilitator keys)
    MUTE = auto()  # M: sound off / on, on every screen
    REPEAT = auto()  # R: read the last full reading aloud again
    QUIT = auto()


@dataclass(frozen=True)
class Input:  # not a NamedTuple: its `index` would shadow tuple.index
    """A named player action, from a key, a click or a touch (see InputMapper)."""

    act: Act
    index: int = -1
    pos: tuple[int, int] = (0, 0)
    text: str = ""


_DIGITS = (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5, pygame.K_6)
_KEYPAD = (pygame.K_KP1, pygame.K_KP2, pygame.K_KP3, pygame.K_KP4, pygame.K_KP5, pygame.K_KP6)
_NUMBER_KEYS = {key: i for keys in (_DIGITS, _KEYPAD) for i, key in enumerate(keys)}
_SIMPLE_KEYS = {
    pygame.K_RETURN: Act.CONFIRM,
    pygame.K_KP_ENTER: Act.CONFIRM,
    pygame.K_SPACE: Act.CONFIRM,
    pygame.K_ESCAPE: Act.BACK,
    pygame.K_BACKSPACE: Act.BACKSPACE,
    pygame.K_h: Act.HELP,
    pygame.K_m: Act.MUTE,
    pygame.K_r: Act.REPEAT,
    pygame.K_F11: Act.FULLSCREEN,
    pygame.K_UP: Act.UP,
    pygame.K_DOWN: Act.DOWN,
    pygame.K_LEFT: Act.LEFT,
    pygame.K_RIGHT: Act.RIGHT,
}
# while a text box has focus, only these keep their meaning: Space, letters and digits are text
_TEXT_MODE_KEYS = {
    k: _SIMPLE_KEYS[k]
    for k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_F11, pygame.K_BACKSPACE)
}


def map_event(event: pygame.event.Event, size: tuple[int, int], text_mode: bool) -> Input | None:
    """The action an event means in a window of `size`; `text_mode` while a text box has focus."""
    etype = event.type
    if etype == pygame.QUIT:
        return Input(Act.QUIT)
    if etype == pygame.KEYDOWN:
        return _key(event, text_mode)
    if etype == pygame.TEXTINPUT:
        return Input(Act.TEXT, text=event.text) if text_mode else None
    if etype == pygame.MOUSEBUTTONDOWN:
        if getattr(event, "touch", False) or event.button != 1:
            return None
        return Input(Act.CLICK, pos=tuple(event.pos))
    if etype == pygame.MOUSEMOTION:
        if getattr(event, "touch", False):
            return None
        return Input(Act.HOVER, pos=tuple(event.pos))
    if etype == pygame.FINGERDOWN:
        return Input(Act.CLICK, pos=(round(event.x * size[0]), round(event.y * size[1])))
    return None


def _key(event: pygame.event.Event, text_mode: bool) -> Input | None:
    key = event.key
    if key == pygame.K_TAB:
        shift = bool(getattr(event, "mod", 0) & pygame.KMOD_SHIFT)
        return Input(Act.PREV if shift else Act.NEXT)
    if text_mode:
        act = _TEXT_MODE_KEYS.get(key)
        return Input(act) if act else None
    if key in _NUMBER_KEYS:
        return Input(Act.PICK, index=_NUMBER_KEYS[key])
    act = _SIMPLE_KEYS.get(key)
    if act is None and pygame.K_a <= key <= pygame.K_z:
        return Input(Act.LETTER, text=chr(key))
    return Input(act) if act else None
