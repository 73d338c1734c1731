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
from game.ui.widgets import (
    Button,
    FocusGroup,
    draw_card,
    fit_button,
    label_height,
    label_width,
)

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.context import Ui


def button_grid(
    ui: Ui,
    buttons: Sequence[Button],
    rect: pygame.Rect,
    gap: float,
    most_h: float,
    least_h: float = 0,
    widths: Sequence[float] = (),
    align: str = "top",
    columns: Sequence[int] = (1, 2),
    size: int = 0,
) -> float:
    """Buttons in rows of one, or two (the `columns` tried, in order): the first whose rows are
    at least `least_h` tall and whose labels fit on one line at the floor (`m.least`, or less
    when their `size` is: default the body size). Each button at most `most_h` tall and
    `widths[cols - 1]` wide (default: the column's share); one alone on the last row widens, up
    to a one-column row's width, as far as its label needs, and a row whose label would not fit
    its share is shared out by what its labels need. When a label fits on no line even so, it
    wraps: the rows grow as tall as its lines need at the floor, as far as `rect` has room.
    Rows centred across `rect`, at its top, `middle` or `bottom` (`align`). Returns the height
    they take."""
    size = size or ui.m.body
    floor = min(size, ui.m.least)
    n = len(buttons)

    def need(row: range, s: int) -> int:
        return sum(label_width(ui, buttons[i], round(h), s) for i in row)

    for cols in columns:
        rows = [range(r, min(n, r + cols)) for r in range(0, n, cols)]
        tallest = (rect.h - gap * (len(rows) - 1)) / len(rows)
        h = min(most_h, tallest)
        w = widths[cols - 1] if widths else (rect.w - gap * (cols - 1)) / cols
        room = [w] * n
        if cols > 1 and n % cols == 1:  # alone on its row: as wide as one column at most
            one = widths[0] if widths else rect.w
            room[-1] = min(one, max(w, label_width(ui, buttons[-1], round(h), size)))
        fits = all(need(row, floor) <= sum(room[i] for i in row) for row in rows)
        if h >= least_h and fits:
            break
    if not fits:  # taller rows for the wrapped labels
        wrapped = max(label_height(ui, buttons[i], round(room[i]), floor) for i in range(n))
        h = max(h, min(wrapped, tallest))
    used = len(rows) * h + gap * (len(rows) - 1)
    y = rect.y + {"middle": (rect.h - used) / 2, "bottom": rect.h - used}.get(align, 0)
    for row, line in zip(rows, stack(pygame.Rect(rect.x, y, rect.w, used), [h] * len(rows), gap)):
        share, total = [room[i] for i in row], sum(room[i] for i in row)
        if fits and any(need(range(i, i + 1), floor) > room[i] for i in row):
            s = next((s for s in range(size, floor, -1) if need(row, s) <= total), floor)
            spare = (total - need(row, s)) / len(row)
            share = [label_width(ui, buttons[i], round(h), s) + spare for i in row]
        for i, box in zip(row, in_row(line, share, gap, "center"), strict=True):
            buttons[i].rect = box
            fit_button(ui, buttons[i], size, floor)
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
        By default: the buttons side by side along the bottom; labels that wrap make the row
        (and the card, `grown`) taller."""
        m = self.ui.m
        most_h = round(m.body * 2.3)
        used = button_grid(
            self.ui, self.group.buttons, rest, m.pad, most_h, align="bottom", columns=(2,)
        )
        self.grown = used - most_h
        return take_bottom(rest, used, m.pad * 0.6)[1]

    def layout(self, size: tuple[int, int]) -> None:
        m = self.ui.m
        fw, fh, height = self.card_size
        self.grown = 0.0  # set by `place` when the buttons took more height than planned
        for _ in range(2):  # then once more, in a card taller by that
            grown = self.grown
            tall = min(size[1] * height + grown, m.h - 2 * m.pad)
            self.card = centered(m.screen, min(size[0] * fw, m.h * fh), tall)
            inner = inset(self.card, m.pad * 1.5)
            self.head, rest = take_top(inner, min(m.heading * 1.4, m.h * 0.12), m.pad * 0.3)
            self.body = self.place(rest)
            if self.grown == grown:
                break
        self.fit = self.ui.column(self.blocks(), self.body, m.body)

    def texts(self) -> tuple[str, ...]:
        return (self.title(), *column_texts(self.fit))

    def draw(self, surface: pygame.Surface) -> None:
        # the card and its texts composed once (game/ui/layers.py), over the screen below
        key = (self.texts(), tuple(self.card))
        self.static_layer.draw(
            self.ui, surface, self.paint, [self.group], key, over=not self.opaque
        )

    def paint(self, surface: pygame.Surface) -> None:
        """Everything but the buttons: the card, its heading and its text."""
        ui = self.ui
        align = "center" if self.centred else "left"
        draw_card(
            ui, surface, self.card, self.title(), self.head, over=not self.opaque, align=align
        )
        body = self.body
        if self.centred:  # the text in the middle of its room
            body = body.move(0, (body.h - self.fit.h) // 2)
        ui.draw_column(surface, self.fit, body)

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


class NoteScene(Modal):
    """A note that stays until closed: what just happened and where (the folder a summary was
    saved in), at the dialog's reading size whatever the screen below has room for."""

    name = "note"
    card_size = (0.85, 1.25, 0.66)  # a folder's path is long: room for it at a readable size
    centred = False

    def __init__(self, app: App, heading: str, text: str) -> None:
        super().__init__(app, [Button("close", "Close", kind="primary")])
        self.heading, self.text = heading, text  # a message id; a translated text

    def blocks(self) -> list[Block]:
        return [Block(self.text)]
