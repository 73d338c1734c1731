"""Facilitator notes (N): the card's red flag, the safe move, the discussion prompts and the
tip, in a panel over the right of the screen. Closed, nothing of it is drawn — the audience
view carries no hint of the answer. The presenter window shows the same notes (presenter.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.layout import inset
from game.ui.services import tr
from game.ui.text import Block, ColumnFit
from game.ui.widgets import panel

if TYPE_CHECKING:
    from game.content.glossary import Glossary
    from game.model.cards import Card
    from game.ui.context import Ui


def label(text: str, gap: float = 0.8) -> Block:
    """A small accent-coloured label over what follows it ("Red flag", "Scores")."""
    return Block(text, role="semi", colour="accent", scale=0.8, gap=gap)


def notes_rect(content: pygame.Rect) -> pygame.Rect:
    """The panel: the right half of the play area, full height."""
    w = round(content.w * 0.5)
    return pygame.Rect(content.right - w, content.y, w, content.h)


def note_blocks(card: Card, words: Glossary, detail: int = 2) -> list[Block]:
    """The notes; with less `detail`, without the safe response's words and the tip."""
    blocks = [
        label(tr("Red flag")),
        Block(card.red_flag, role="bold", gap=0.2),
        label(tr("Safe move")),
        Block(words.move(card.safe_move).name, role="bold", gap=0.2),
    ]
    if detail >= 1:
        blocks.append(
            Block(card.responses[card.best_response_index].text, colour="text_muted", gap=0.2)
        )
    blocks.append(label(tr("Ask the group")))
    blocks += [Block(f"•  {q}", gap=0.3) for q in card.discuss]
    if card.facilitator_tip and detail >= 1:
        blocks += [label(tr("Tip")), Block(card.facilitator_tip, role="italic", gap=0.2)]
    return blocks


def notes_column(
    ui: Ui, lead: list[Block], card: Card, words: Glossary, rect: pygame.Rect
) -> ColumnFit:
    """`lead`, then the card's notes with as much detail as fits in `rect`."""
    for detail in (2, 1, 0):
        fit = ui.column(lead + note_blocks(card, words, detail), rect, ui.m.body)
        if fit.fits:
            break
    return fit


def draw_notes(
    ui: Ui, surface: pygame.Surface, rect: pygame.Rect, card: Card, words: Glossary
) -> None:
    panel(ui, surface, rect, ui.theme.panel, edge=ui.theme.accent)
    inner = inset(rect, ui.m.pad)
    heading = [
        Block(tr("Facilitator notes"), role="display", colour="heading", scale=1.05),
        Block(tr("Only for you — press N to close."), colour="text_muted", scale=0.75, gap=0.2),
    ]
    ui.draw_column(surface, notes_column(ui, heading, card, words, inner), inner)
