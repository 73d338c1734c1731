"""The small dialogs (confirm, end the session, resume, region, award, the content note, pause):
a card with a heading, a column of text and a set of buttons; Esc closes it. Modal: nothing
but H and F11 reaches the App while it shows. Most are data: a heading, a note and buttons,
each with what it does (closing the dialog, unless said otherwise)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

import pygame

from game.ui.input import Act, Input
from game.ui.layout import centered, in_row, inset, stack, take_bottom, take_top
from game.ui.scene import Scene, column_texts
from game.ui.services import tr
from game.ui.text import Block
from game.ui.widgets import Button, FocusGroup, draw_card, draw_group

if TYPE_CHECKING:
    from game.ui.app import App


def button_grid(
    buttons: Sequence[Button],
    rect: pygame.Rect,
    gap: float,
    most_h: float,
    least_h: float = 0,
    widths: Sequence[float] = (),
    middle: bool = False,
    columns: Sequence[int] = (1, 2),
) -> float:
    """Buttons in rows of one, or two when one would make them shorter than `least_h` (the
    `columns` tried, in order): each at most `most_h` tall, `widths[cols - 1]` wide (default:
    the column's share), rows centred across `rect`, from its top or its `middle`. Returns the
    height they take."""
    n = len(buttons)
    for cols in columns:
        rows = -(-n // cols)
        h = min(most_h, (rect.h - gap * (rows - 1)) / rows)
        if h >= least_h:
            break
    w = widths[cols - 1] if widths else (rect.w - gap * (cols - 1)) / cols
    used = rows * h + gap * (rows - 1)
    top = pygame.Rect(rect.x, rect.y + (rect.h - used) / 2 if middle else rect.y, rect.w, used)
    for r, line in enumerate(stack(top, [h] * rows, gap)):
        row = buttons[r * cols : (r + 1) * cols]
        for b, box in zip(row, in_row(line, [w] * len(row), gap, "center"), strict=True):
            b.rect = box
    return used


class Modal(Scene):
    group: FocusGroup  # made in __init__ (Scene.group is None for scenes without one)
    opaque = False  # True: on the plain background instead of over the screen below, dimmed
    card_size = (0.7, 1.1, 0.5)  # at most this part of the width, times the height; its height
    centred = True  # a question (heading and text centred) or a note (left)
    closes = True  # Esc closes it
    heading = ""  # a message id (or override `title`)
    note = ""  # a message id: the line under the heading (or override `blocks`)

    def __init__(
        self,
        app: App,
        buttons: list[Button],
        index: int | None = 0,
        actions: Mapping[str, Callable[[], object]] | None = None,
    ) -> None:
        super().__init__(app)
        self.group = FocusGroup(buttons, index=index)
        self.actions = actions or {}  # a button's id: what it does; the others close

    def title(self) -> str:
        return tr(self.heading)

    def blocks(self) -> list[Block]:
        return [Block(tr(self.note), colour="text_muted", align="center")]

    def place(self, rest: pygame.Rect) -> pygame.Rect:
        """Place the buttons in `rest` (the card under its heading); return the text's room.
        By default: the buttons side by side along the bottom."""
        m = self.ui.m
        bottom, body = take_bottom(rest, m.body * 2.3, m.pad * 0.6)
        button_grid(self.group.buttons, bottom, m.pad, bottom.h, columns=(2,))
        return body

    def layout(self, size: tuple[int, int]) -> None:
        m = self.ui.m
        fw, fh, height = self.card_size
        self.card = centered(m.screen, min(size[0] * fw, m.h * fh), size[1] * height)
        inner = inset(self.card, m.pad * 1.5)
        self.head, rest = take_top(inner, min(m.heading * 1.4, m.h * 0.12), m.pad * 0.3)
        self.body = self.place(rest)
        self.fit = self.ui.column(self.blocks(), self.body, m.body)

    def texts(self) -> tuple[str, ...]:
        return (self.title(), *column_texts(self.fit))

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        align = "center" if self.centred else "left"
        draw_card(
            ui, surface, self.card, self.title(), self.head, over=not self.opaque, align=align
        )
        body = self.body
        if self.centred:  # the text in the middle of its room
            body = body.move(0, (body.h - self.fit.h) // 2)
        ui.draw_column(surface, self.fit, body)
        draw_group(ui, surface, self.group)

    def handle(self, inp: Input) -> bool:
        routed = self.group.route(inp, self.activate)
        if routed is not None:
            return routed
        if inp.act is Act.BACK and self.closes:
            self.app.pop()
            return True
        return inp.act not in (Act.HELP, Act.FULLSCREEN)

    def activate(self, button: Button) -> None:
        self.actions.get(button.id, self.app.pop)()
