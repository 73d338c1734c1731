"""Rows of choices, the shape the setup and settings screens share: each row a label and values
shown in words. Up/Down (or Tab) move the focus through the rows and then the buttons below
them, Left/Right step the focused row's value (wrapping), Esc goes back; a click presses a chip
(setup: a value, "key:3"; settings: an arrow or the value, "key:less") or a button."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pygame

from game.model.session import Mode
from game.ui.input import Act, Input
from game.ui.scene import Scene
from game.ui.services import N_, tr
from game.ui.widgets import Button, draw_button

MODE_WORDS = {  # who plays, in setup's order (and on the resume offer)
    Mode.SOLO: N_("Solo"),
    Mode.TEAMS: N_("Team turns"),
    Mode.ALL_TEAMS: N_("All teams"),
    Mode.TOGETHER: N_("Together"),
}


@dataclass
class Row:
    key: str
    label: str  # an English message id
    values: list[Any]
    words: list[str]  # each value in words, already translated
    chips: list[Button] = field(default_factory=list)  # what a click presses
    rect: pygame.Rect = field(default_factory=pygame.Rect)  # the whole row, label and all


def nearest(values: list[Any], value: Any) -> int:
    """The index of `value` among `values`; for a number between them the nearest one's."""
    if value in values:
        return values.index(value)
    numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
        return values.index(min(numbers, key=lambda v: abs(v - value)))
    return 0


class ChoicesScene(Scene):
    rows: list[Row]
    buttons: list[Button]  # the focus stops after the rows
    others: tuple[Button, ...] = ()  # buttons for the mouse only (a key says them)
    actions: dict[str, Callable[[], object]]  # a button's id: what it does
    focus = 0  # 0..len(rows)-1: a row; then the buttons
    hover: str | None = None  # the id of the chip or button under the mouse
    enter_steps = False  # Enter on a row: its next value, or (False) on to the next row

    def make_rows(self) -> list[Row]:
        """The rows for the current choices, in the current language."""
        raise NotImplementedError

    def refresh(self) -> None:
        """The rows again (a choice may add or drop rows); the focus stays on its row, or on
        its button."""
        focused = self.rows[self.focus].key if self.focus < len(self.rows) else None
        button = self.focus - len(self.rows)
        self.rows = self.make_rows()
        keys = [r.key for r in self.rows]
        self.focus = keys.index(focused) if focused in keys else len(keys) + max(0, button)

    def value(self, key: str) -> Any:
        """A row's current value."""
        raise NotImplementedError

    def choose(self, key: str, value: Any) -> None:
        """Set a row's value (and show, apply or save it)."""
        raise NotImplementedError

    def press(self, button: Button) -> None:
        """A click on a chip or a button, or Enter on a button."""
        key, _, part = button.id.partition(":")
        if not part:
            self.actions[key]()
        elif part.isdigit():  # a value's chip
            self.choose(key, self.row(key).values[int(part)])
        else:  # an arrow, or the value: the one before ("less") or after
            self.step(self.row(key), -1 if part == "less" else 1)

    def row(self, key: str) -> Row:
        return next(r for r in self.rows if r.key == key)

    def word(self, row: Row) -> str:
        return row.words[nearest(row.values, self.value(row.key))]

    def step(self, row: Row, step: int) -> None:
        i = nearest(row.values, self.value(row.key)) + step
        self.choose(row.key, row.values[i % len(row.values)])

    def clickable(self) -> list[Button]:
        return [*(c for r in self.rows for c in r.chips), *self.buttons, *self.others]

    def handle(self, inp: Input) -> bool:
        act, n = inp.act, len(self.rows)
        if act in (Act.HOVER, Act.CLICK):
            hit = next((b for b in self.clickable() if b.rect.collidepoint(inp.pos)), None)
            if act is Act.HOVER:
                hover = hit.id if hit else None
                changed, self.hover = hover != self.hover, hover
                return changed
            for i, row in enumerate(self.rows):  # a chip moves the focus to its row
                if hit in row.chips:
                    self.focus = i
            if hit is not None:
                self.press(hit)
        elif act is Act.BACK:
            self.app.pop()
        elif act in (Act.DOWN, Act.NEXT, Act.UP, Act.PREV):
            step = 1 if act in (Act.DOWN, Act.NEXT) else -1
            self.focus = (self.focus + step) % (n + len(self.buttons))
        elif act in (Act.LEFT, Act.RIGHT) and self.focus < n:
            self.step(self.rows[self.focus], 1 if act is Act.RIGHT else -1)
        elif act is Act.CONFIRM:
            if self.focus >= n:
                self.press(self.buttons[self.focus - n])
            elif self.enter_steps:
                self.step(self.rows[self.focus], 1)
            else:
                self.focus += 1
        return act not in (Act.HELP, Act.FULLSCREEN)

    def draw_buttons(self, surface: pygame.Surface) -> None:
        for i, b in enumerate([*self.buttons, *self.others], len(self.rows)):
            draw_button(self.ui, surface, b, focused=self.focus == i, hovered=self.hover == b.id)

    def spoken_focus(self) -> str | None:
        """The focused row's label and value in words, or the focused button."""
        if self.focus >= len(self.rows):
            return self.buttons[self.focus - len(self.rows)].text
        row = self.rows[self.focus]
        return f"{tr(row.label)}: {self.word(row)}"
