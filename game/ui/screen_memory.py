"""What the screen still shows from the last frame, so a frame can repaint only what changed.

The window's surface keeps its pixels between frames. When the last frame showed a scene's static
layer (game/ui/layers.py) and only a few known areas were drawn over it (the focused or hovered
button, a toast, the timer), the next frame of that scene repaints just those areas and their
new contents, and `pygame.display.update(rects)` sends only them to the window. That is what a
focus move, a hover or a timer tick costs, instead of a full-screen blit and flip.

Anything that draws over the screen without saying where (an overlay, a cross-fade, a resize, an
expose event) `spoil()`s the memory, and the next frame is a full one. The memory only works
inside `App.draw`: a scene drawn anywhere else (tests, tools, an off-screen surface) always gets
a full draw.
"""

from __future__ import annotations

from collections.abc import Iterable

import pygame


class ScreenMemory:
    def __init__(self) -> None:
        self._surface: pygame.Surface | None = None
        self._size = (0, 0)
        self._owner: object | None = None  # the static layer whose image is on the screen
        self._version = -1  # ...in which version
        self._marks: list[tuple[pygame.Rect, object]] = []  # ...drawn over here, with this
        # this frame
        self.drawing = False  # True only while App.draw draws the first (opaque) scene
        self._frame_owner: object | None = None
        self._frame_version = -1
        self._frame_marks: list[tuple[pygame.Rect, object]] = []
        self._updated: list[pygame.Rect] | None = None  # None: the whole screen changed
        self._spoiled = False

    def begin(self, surface: pygame.Surface) -> None:
        """A frame starts; nothing about it is known yet."""
        if surface is not self._surface or surface.get_size() != self._size:
            self.forget()
        self._surface = surface
        self._size = surface.get_size()
        self._frame_owner = None
        self._frame_marks = []
        self._updated = None
        self._spoiled = False
        self.drawing = True

    def forget(self) -> None:
        """The screen's pixels can no longer be trusted (resize, expose, new window)."""
        self._owner = None
        self._marks = []

    def holds(self, owner: object, version: int, surface: pygame.Surface) -> bool:
        """True when `surface` shows `owner`'s image (version `version`) but for `last_marks`."""
        return (
            self.drawing
            and surface is self._surface
            and owner is self._owner
            and version == self._version
        )

    @property
    def last_marks(self) -> list[tuple[pygame.Rect, object]]:
        """Where the last frame drew over the image at rest, each with what it drew there
        (None: something that changes every frame, like a toast)."""
        return list(self._marks)

    def painted(
        self,
        owner: object,
        version: int,
        updated: list[pygame.Rect] | None,
        marks: Iterable[tuple[pygame.Rect, object]],
    ) -> None:
        """A static layer drew itself: `updated` areas changed (None: all of the screen), and
        `marks` are where the screen now differs from its image at rest, and with what."""
        self._frame_owner, self._frame_version = owner, version
        self._updated = None if updated is None else list(updated)
        self._frame_marks = [(pygame.Rect(r), what) for r, what in marks]

    def mark(self, rects: Iterable[pygame.Rect]) -> None:
        """Something was drawn over the scene in these areas (a toast, the timer)."""
        for r in rects:
            self._frame_marks.append((pygame.Rect(r), None))
            if self._updated is not None:
                self._updated.append(pygame.Rect(r))

    def spoil(self) -> None:
        """Something was drawn over the scene without saying where: next frame is full."""
        self._spoiled = True

    def end(self) -> list[pygame.Rect] | None:
        """The frame is drawn. Returns the areas to send to the window, or None for all."""
        self.drawing = False
        if self._spoiled or self._frame_owner is None:
            self.forget()
            return None
        self._owner, self._version = self._frame_owner, self._frame_version
        self._marks = self._frame_marks
        if self._updated is None:
            return None
        bounds = self._surface.get_rect() if self._surface is not None else None
        rects = [r.clip(bounds) if bounds else r for r in self._updated]
        return [r for r in rects if r.w > 0 and r.h > 0]
