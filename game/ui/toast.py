"""A small, calm message at the bottom of the window for a few seconds: "Sound off" after M, or
a note that the settings file was damaged. Drawn by the App above every scene, with an icon
and a word (never colour alone); no animation when reduced motion is on."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.context import Ui
from game.ui.services import tr
from game.ui.widgets import panel

FADE = 0.25


@dataclass
class Toast:
    """A short message that fades in at the bottom and goes away by itself."""

    text: str  # an English message id (translated when drawn) or a ready sentence
    icon: str = "info"  # "sound-on" | "sound-off" | "info"
    seconds: float = 2.5
    age: float = 0.0

    @property
    def done(self) -> bool:
        return self.age >= self.seconds

    def update(self, dt: float) -> None:
        self.age += dt

    def alpha(self, reduced_motion: bool) -> int:
        if reduced_motion:
            return 255
        k = min(1.0, self.age / FADE, max(0.0, (self.seconds - self.age) / FADE))
        return round(255 * k)

    def draw(self, ui: Ui, surface: pygame.Surface) -> None:
        m, t = ui.m, ui.theme
        text = tr(self.text)
        size = m.body
        max_w = round(m.w * 0.7)
        icon_d = round(size * 1.3)
        lay = ui.fit(text, pygame.Rect(0, 0, max_w - icon_d - 3 * m.pad, m.h // 4), size=size)
        w = lay.w + icon_d + 3 * m.pad
        h = max(lay.h, icon_d) + round(m.pad * 1.2)
        rect = pygame.Rect(0, 0, w, h)
        rect.midbottom = (m.w // 2, m.h - round(m.pad * 1.5))
        alpha = self.alpha(ui.reduced_motion)
        panel(ui, surface, rect, t.panel, shadow=False, edge=t.accent, alpha=alpha)
        icon = pygame.Surface((icon_d, icon_d), pygame.SRCALPHA)
        draw_icon(icon, self.icon, icon.get_rect(), t.accent)
        icon.set_alpha(alpha)
        surface.blit(icon, (rect.x + m.pad, rect.y + (h - icon_d) // 2))
        box = pygame.Rect(rect.x + icon_d + 2 * m.pad, rect.y + (h - lay.h) // 2, lay.w, lay.h)
        ui.blit_layout(surface, lay, box, t.text, alpha=alpha)


def draw_icon(
    surface: pygame.Surface, kind: str, rect: pygame.Rect, colour: tuple[int, int, int]
) -> None:
    """A loudspeaker with sound waves (on) or with a cross (off); an "i" in a circle (info)."""
    x, y, w, h = rect
    line = max(2, round(w * 0.09))
    if kind in ("sound-on", "sound-off"):
        body = pygame.Rect(
            x + round(w * 0.08), y + round(h * 0.36), round(w * 0.2), round(h * 0.28)
        )
        pygame.draw.rect(surface, colour, body)
        cone = [
            (body.right, body.top),
            (x + round(w * 0.55), y + round(h * 0.12)),
            (x + round(w * 0.55), y + round(h * 0.88)),
            (body.right, body.bottom),
        ]
        pygame.draw.polygon(surface, colour, cone)
        if kind == "sound-on":
            for k in (0.22, 0.38):
                arc = pygame.Rect(0, 0, round(w * k * 2), round(h * k * 2.2))
                arc.center = (x + round(w * 0.55), y + h // 2)
                pygame.draw.arc(surface, colour, arc, -0.9, 0.9, line)
        else:
            cx, cy, d = x + round(w * 0.78), y + h // 2, round(w * 0.15)
            pygame.draw.line(surface, colour, (cx - d, cy - d), (cx + d, cy + d), line)
            pygame.draw.line(surface, colour, (cx - d, cy + d), (cx + d, cy - d), line)
        return
    pygame.draw.circle(surface, colour, rect.center, w // 2, line)
    stem = pygame.Rect(0, 0, line, round(h * 0.34))
    stem.midtop = (rect.centerx, y + round(h * 0.42))
    pygame.draw.rect(surface, colour, stem)
    pygame.draw.circle(surface, colour, (rect.centerx, y + round(h * 0.28)), max(1, line * 0.7))
