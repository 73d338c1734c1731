"""The text-inside-its-box check, shared by the monkey (tests/robustness/monkey.py, on every
frame it draws) and the direct tests of the screens it does not reach
(tests/ui/test_fit_new_screens.py):
every text drawn lies inside the box it was given and inside the window."""

from __future__ import annotations

from collections.abc import Iterable

import pygame

from game.ui.context import TextRecord


def inside(r: TextRecord) -> bool:
    """True when a drawn text lies inside the box it was given (two pixels of rounding). A line
    is measured with room for descenders below its letters: one line may use that room beyond a
    small box (a letter on a badge), as long as its letters themselves fit."""
    if r.box is None:
        return True
    box = r.box.inflate(2, 2)
    if box.left <= r.rect.left and r.rect.right <= box.right and len(r.lines) <= 1:
        spare = round(0.35 * r.size)
        return box.top - spare <= r.rect.top and r.rect.bottom <= box.bottom + spare
    return box.contains(r.rect)


def spills(records: Iterable[TextRecord], size: tuple[int, int], where: str = "") -> list[str]:
    """One line per text outside its box or outside the window (empty when everything fits);
    `where` starts each line (the screen, its size and look)."""
    window = pygame.Rect((0, 0), size)
    found = []
    for r in records:
        inside_box = inside(r)
        if inside_box and window.contains(r.rect):
            continue
        what = "its box" if not inside_box else "the window"
        found.append(
            f"{where}: {r.text!r} as {list(r.lines)} at {tuple(r.rect)} outside {what} "
            f"{tuple(r.box) if r.box else ''}"
        )
    return found
