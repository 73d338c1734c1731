"""Drawn pieces shared by the scenes: background, panels, buttons, focus ring and icons.

Everything is drawn with shapes (no image files), scaled from the window's metrics. Static
pieces (the background, shadows) are composed once per window size and then only blitted.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import NamedTuple

import pygame

from game.ui.context import Ui
from game.ui.input import Act, Input
from game.ui.layout import in_row, stack
from game.ui.services import tr
from game.ui.theme import Colour, Theme

Point = tuple[float, float]


# --- background and panels -------------------------------------------------------------------


def paint_background(ui: Ui, surface: pygame.Surface) -> None:
    """Cover `surface` with the background: a small picture of it (composed once per size and
    theme) scaled up. At 1080p that takes about 1 ms more than blitting a full-size copy, and
    saves keeping the copy (8 MB)."""
    size = surface.get_size()
    small = _background_small(ui, size)
    try:
        pygame.transform.smoothscale(small, size, surface)
    except (ValueError, pygame.error):  # another pixel format than the screen's
        surface.blit(pygame.transform.smoothscale(small, size), (0, 0))


def _background_small(ui: Ui, size: tuple[int, int]) -> pygame.Surface:
    """The background at a quarter of the size: scaled up smoothly, the gradient and the soft
    glows look the same, and it is drawn in a fraction of the time."""
    key = ("bg-small", ui.theme.name, size)
    small = ui.static.get(key)
    if small is not None:
        return small
    w, h = size
    t = ui.theme
    sw, sh = max(1, w // 4), max(2, h // 4)
    small = pygame.Surface((sw, sh))
    if pygame.display.get_surface() is not None:  # the screen's format: blits convert nothing
        small = small.convert()
    for y in range(sh):
        k = y / max(1, sh - 1)
        colour = tuple(round(a + (b - a) * k) for a, b in zip(t.bg_top, t.bg_bottom, strict=True))
        pygame.draw.line(small, colour, (0, y), (sw, y))
    if t.glow_alpha:
        glow = pygame.Surface((sw, sh), pygame.SRCALPHA)
        unit = min(sw, sh)
        for fx, fy, fr in ((0.12, 0.18, 0.42), (0.9, 0.85, 0.5), (0.78, 0.1, 0.22)):
            for step in range(6):
                r = round(unit * fr * (1 - step * 0.14))
                alpha = round(t.glow_alpha * (0.35 + step * 0.13))
                pygame.draw.circle(glow, (*t.glow, alpha), (round(sw * fx), round(sh * fy)), r)
        small.blit(glow, (0, 0))
    ui.static[key] = small
    return small


def _shadow(ui: Ui, w: int, h: int, radius: int) -> pygame.Surface:
    """A soft shadow for a w x h panel, to be centred `drop` below it."""
    key = ("shadow", w, h, radius, ui.theme.shadow_alpha)
    surf = ui.static.get(key)
    if surf is None:
        spread = max(4, round(ui.m.unit * 1.2))
        surf = pygame.Surface((w + spread * 2, h + spread * 2), pygame.SRCALPHA)
        layers = 5
        for i in range(layers):
            grow = spread * (layers - i) / layers
            alpha = round(ui.theme.shadow_alpha / layers)
            rect = pygame.Rect(0, 0, round(w + grow * 2), round(h + grow * 2))
            rect.center = (surf.get_width() // 2, surf.get_height() // 2)
            pygame.draw.rect(surf, (0, 0, 0, alpha), rect, border_radius=round(radius + grow))
        ui.static[key] = surf
    return surf


def _blit_shadow(
    ui: Ui, surface: pygame.Surface, rect: pygame.Rect, radius: int, opaque: bool
) -> None:
    """The shadow under `rect`. A big opaque panel gets it in nine pieces of a small one (the
    corners, and the edges stretched): the same pixels where they show, at a fraction of the
    cost, since nothing is blended under the panel's middle."""
    drop = round(ui.m.unit * 0.8)
    spread = max(4, round(ui.m.unit * 1.2))
    side = 2 * radius + 8  # a panel just big enough for straight edges between its corners
    if not opaque or rect.w * rect.h < 4 * (side + 2 * spread) ** 2 or min(rect.size) < side:
        whole = _shadow(ui, rect.w, rect.h, radius)
        surface.blit(whole, whole.get_rect(center=(rect.centerx, rect.centery + drop)))
        return
    tile = _shadow(ui, side, side, radius)
    c = tile.get_width() // 2  # the middle row and column: the profile of a straight edge
    far = tile.get_width() - c - 1
    out = pygame.Rect(0, 0, rect.w + 2 * spread, rect.h + 2 * spread)
    out.center = (rect.centerx, rect.centery + drop)
    cuts = ((0, c), (c, 1), (c + 1, far))  # the tile's columns (and rows): corner, edge, corner

    def spots(start: int, length: int) -> tuple[tuple[int, int], ...]:
        return (start, c), (start + c, length - c - far), (start + length - far, far)

    for (sx, sw), (dx, dw) in zip(cuts, spots(out.x, out.w), strict=True):
        for (sy, sh), (dy, dh) in zip(cuts, spots(out.y, out.h), strict=True):
            if sw == sh == 1:
                continue  # the middle, under the panel
            # stretched when drawn, not kept: one piece per panel size ever drawn came to 11 MB
            piece = tile.subsurface((sx, sy, sw, sh))
            surface.blit(pygame.transform.scale(piece, (dw, dh)), (dx, dy))


def panel(
    ui: Ui,
    surface: pygame.Surface,
    rect: pygame.Rect,
    colour: Colour | None = None,
    *,
    radius: int | None = None,
    shadow: bool = True,
    edge: Colour | None = None,
    alpha: int = 255,
) -> None:
    """A rounded card with a soft shadow below it."""
    radius = ui.m.radius if radius is None else radius
    colour = colour or ui.theme.panel
    if shadow and ui.theme.shadow_alpha:
        _blit_shadow(ui, surface, rect, radius, opaque=alpha == 255)
    if alpha < 255:
        tmp = pygame.Surface(rect.size, pygame.SRCALPHA)
        pygame.draw.rect(tmp, (*colour, alpha), tmp.get_rect(), border_radius=radius)
        surface.blit(tmp, rect.topleft)
    else:
        pygame.draw.rect(surface, colour, rect, border_radius=radius)
    edge = edge if edge is not None else (ui.theme.panel_edge if ui.theme.button_border else None)
    if edge is not None:
        width = max(2, round(ui.m.unit * ui.theme.edge_width))
        pygame.draw.rect(surface, edge, rect, width, border_radius=radius)


# --- buttons and focus -----------------------------------------------------------------------


@dataclass
class Button:
    """A clickable, focusable box. `label` is an English message id unless `translate` is off
    (card text is already in the deck's language)."""

    id: str
    label: str
    kind: str = "normal"  # normal | primary | option | chip | quiet
    badge: str = ""  # a number 1–4 or a key name shown in a badge
    translate: bool = True
    enabled: bool = True
    selected: bool = False
    size: int = 0  # font size in px; 0 means body size
    align: str = "center"
    rect: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    icon: Callable[[pygame.Surface, pygame.Rect], None] | None = None

    @property
    def text(self) -> str:
        return tr(self.label) if self.translate else self.label


class FocusGroup:
    """Which button has keyboard focus and which the mouse is over. Focus may be None (no ring)
    so that a question does not look pre-answered."""

    def __init__(self, buttons: list[Button], index: int | None = 0) -> None:
        self.buttons = buttons
        self.index = index
        self.hover: int | None = None

    def route(self, inp: Input, activate: Callable[[Button], None]) -> bool | None:
        """The handling every menu shares: hover, a click, Enter on the focused button, and
        Tab/arrows moving the focus. None when `inp` is none of these (the scene decides)."""
        if inp.act is Act.HOVER:
            return self.set_hover(inp.pos)
        if inp.act is Act.CLICK:
            hit = self.at(inp.pos)
            if hit is not None:
                activate(hit)
            return True
        if inp.act is Act.CONFIRM and self.focused is not None:
            activate(self.focused)
            return True
        if inp.act in (Act.NEXT, Act.DOWN, Act.RIGHT, Act.PREV, Act.UP, Act.LEFT):
            self.move(1 if inp.act in (Act.NEXT, Act.DOWN, Act.RIGHT) else -1)
            return True
        return None

    @property
    def focused(self) -> Button | None:
        if self.index is None or not 0 <= self.index < len(self.buttons):
            return None
        return self.buttons[self.index]

    def move(self, step: int) -> None:
        n = len(self.buttons)
        if not n:
            return
        i = (-1 if step > 0 else 0) if self.index is None else self.index
        for _ in range(n):
            i = (i + step) % n
            if self.buttons[i].enabled:
                self.index = i
                return

    def focus_id(self, button_id: str) -> None:
        for i, b in enumerate(self.buttons):
            if b.id == button_id:
                self.index = i

    def at(self, pos: tuple[int, int]) -> Button | None:
        for b in self.buttons:
            if b.enabled and b.rect.collidepoint(pos):
                return b
        return None

    def set_hover(self, pos: tuple[int, int]) -> bool:
        """Track the mouse; returns True when the hovered button changed (needs a redraw)."""
        hit = self.at(pos)
        index = self.buttons.index(hit) if hit else None
        changed = index != self.hover
        self.hover = index
        return changed


def focus_ring(
    ui: Ui, surface: pygame.Surface, rect: pygame.Rect, radius: int | None = None
) -> None:
    """A thick outline plus a marker (a pointer at the left edge), so focus is never colour
    alone."""
    width = max(3, round(ui.m.unit * 0.55))
    gap = width + 1
    ring = rect.inflate(gap * 2, gap * 2)
    radius = (ui.m.radius if radius is None else radius) + gap
    pygame.draw.rect(surface, ui.theme.focus, ring, width=width, border_radius=radius)
    size = max(6, round(ui.m.unit * 1.3))
    cx, cy = ring.left + width // 2, ring.centery
    marker = [(cx - size, cy - size), (cx + size * 0.4, cy), (cx - size, cy + size)]
    pygame.draw.polygon(surface, ui.theme.focus, marker)


class Kind(NamedTuple):
    """How a kind of button looks, as theme roles (see `draw_button`)."""

    fill: str
    hover: str
    text: str
    font: str  # the label's font role
    shadow: bool  # a lifted card; chips and quiet buttons lie flat
    badge: str = "badge"
    badge_text: str = "badge_text"


KINDS = {
    "normal": Kind("button", "button_hover", "button_text", "semi", True),
    "primary": Kind(
        "primary", "primary_hover", "primary_text", "semi", True, "primary_text", "primary"
    ),
    "option": Kind("button", "button_hover", "button_text", "bold", True),
    "chip": Kind("button", "button_hover", "button_text", "bold", False),
    "quiet": Kind("panel", "button_hover", "text", "semi", False),
}
# a picked option or chip (with a tick: never colour alone), and a button that cannot be pressed
CHOSEN = Kind("selected", "selected", "selected_text", "", False, "primary_text", "selected")
DISABLED = Kind("panel", "panel", "text_muted", "", False)


def draw_button(
    ui: Ui,
    surface: pygame.Surface,
    b: Button,
    *,
    focused: bool = False,
    hovered: bool = False,
    flash: bool = False,
    alpha: int = 255,
) -> None:
    t, m = ui.theme, ui.m
    kind = KINDS[b.kind]
    chosen = b.selected or flash
    look = CHOSEN if chosen and b.kind != "primary" else kind
    shown = look if b.enabled else DISABLED
    fill = ui.colour(shown.hover if hovered else shown.fill)
    fg = ui.colour(shown.text)
    radius = m.radius if b.kind != "chip" else round(b.rect.h / 2.6)
    body = b.rect.move(0, -round(m.unit * 0.35) if hovered and not flash else 0)
    panel(
        ui,
        surface,
        body,
        fill,
        radius=radius,
        shadow=kind.shadow,
        edge=t.button_border,
        alpha=alpha,
    )
    if hovered and b.kind != "primary":
        edge = t.focus if t.button_border else t.panel_edge
        pygame.draw.rect(surface, edge, body, max(2, round(m.unit * 0.25)), radius)
    size = b.size or m.body
    # the label's padding: only a button too small for it (a chip with a number) gives the
    # label some of it, keeping a tenth of the button each side. A label too long for the rest
    # shrinks or wraps (a layout that can gives it room first: see `label_width`)
    pad = label_pad(ui, size)
    if not b.badge and b.icon is None:
        label_w = ui.engine.layout(b.text, kind.font, size, 10_000).w
        pad = min(pad, max(body.w - label_w - 2, body.w // 5))
    inner = body.inflate(-pad, -round(m.unit * 0.8))
    badge_w, icon_w, tick_w = _chrome(ui, b, inner.h, size, chosen)
    text_w = inner.w - badge_w - icon_w - tick_w
    badge, icon, text, tick = in_row(inner, [badge_w, icon_w, text_w, tick_w], 0)
    if b.badge:
        d, bsize = _badge(ui, b, inner.h, size)[1:]
        badge = pygame.Rect(badge.x, body.centery - d // 2, badge.w - round(m.unit * 1.4), d)
        corner = d // 2 if len(b.badge) < 3 else round(d / 3.2)
        pygame.draw.rect(surface, ui.colour(look.badge), badge, border_radius=corner)
        centred(ui, surface, b.badge, badge, bsize, ui.colour(look.badge_text))
    if b.icon is not None:
        side = icon.w - round(m.unit)
        b.icon(surface, pygame.Rect(icon.x, body.centery - side // 2, side, side))
    if chosen:
        r = (tick.w - round(m.unit)) // 2
        centre = (tick.right - r, body.centery)
        pygame.draw.circle(surface, fg, centre, r)
        check(surface, centre, r * 0.8, fill, max(2, round(r / 3.5)))
    align = b.align if not b.badge or b.kind == "quiet" else "left"
    ui.text(
        surface, b.text, text, role=kind.font, size=size, colour=fg, align=align, valign="middle"
    )
    if focused:
        focus_ring(ui, surface, body, radius)


def _badge(ui: Ui, b: Button, inner_h: int, size: int) -> tuple[int, int, int]:
    """A number badge's width, height and text size. Its height is 1.5 times the label's size,
    but no more than at the play screens' unscaled size, so a larger text size gives its width
    to the label."""
    d = min(inner_h, round(min(size, ui.m.play_large) * 1.5))
    bsize = max(ui.m.min_font, round(d * (0.55 if len(b.badge) < 3 else 0.42)))
    text_w = ui.engine.layout(b.badge, "display", bsize, 10_000).w
    return max(d, text_w + round(bsize * 0.9)), d, bsize


def _chrome(ui: Ui, b: Button, inner_h: int, size: int, tick: bool) -> tuple[int, int, int]:
    """The widths a button draws beside its label, each with its gap: badge, icon and tick."""
    unit = ui.m.unit
    return (
        _badge(ui, b, inner_h, size)[0] + round(unit * 1.4) if b.badge else 0,
        round(min(inner_h, size * 1.6)) + round(unit) if b.icon is not None else 0,
        round(min(inner_h, size) * 0.45) * 2 + round(unit) if tick else 0,
    )


def label_pad(ui: Ui, size: int) -> int:
    """A label's padding in its button, both sides together: it grows with the label's size,
    so large text keeps clear of the button's edges (it was 7 px at 1024x768, text x1.65)."""
    return round(max(ui.m.unit * 2.4, size * 0.7))


def _beside(ui: Ui, b: Button, height: int, size: int) -> int:
    """The width `draw_button` takes beside the label of `b` in a button `height` tall: the
    padding, and its badge, icon and tick."""
    chrome = _chrome(ui, b, height - round(ui.m.unit * 0.8), size, b.selected)
    return label_pad(ui, size) + sum(chrome)


def label_width(ui: Ui, b: Button, height: int, size: int) -> int:
    """The width `b` needs to show its label on one line at `size`, with its badge and icon, in
    a button `height` tall."""
    return ui.engine.layout(b.text, KINDS[b.kind].font, size, 10_000).w + _beside(
        ui, b, height, size
    )


def label_height(ui: Ui, b: Button, width: int, size: int) -> int:
    """The height `b` needs to show its label at `size` wrapped onto lines in a button `width`
    wide, with as much room above and below it as beside it."""
    inner_w = width - _beside(ui, b, round(size * 2.3), size)
    return ui.engine.layout(b.text, KINDS[b.kind].font, size, inner_w).h + label_pad(ui, size)


def largest_size(size: int, floor: int, fits: Callable[[int], bool]) -> int:
    """The largest size from `size` down to `floor` that `fits`; `floor` when none does."""
    return next((s for s in range(size, floor - 1, -1) if fits(s)), floor)


def fit_button(ui: Ui, b: Button, size: int, floor: int) -> None:
    """Set `b.size` as `fit_label` does for its button (one line), unless that is below `floor`
    and the label fits wrapped onto lines, with a padding above and below, at `floor` or more."""
    w, h = b.rect.size
    fit_label(ui, b, w, h, size)
    wrapped = largest_size(size, floor, lambda s: label_height(ui, b, w, s) <= h)
    if b.size < floor and label_height(ui, b, w, wrapped) <= h:
        b.size = wrapped


def stack_buttons(
    ui: Ui, buttons: list[Button], rect: pygame.Rect, gap: int, most_h: float, grow: bool = False
) -> bool:
    """Buttons one under another from the top of `rect`, each at most `most_h` tall (or as
    tall as the longest label needs at `m.least`, when `grow`), their labels at one size from
    the body size down to `m.least`: the option and reason columns of the play screens.
    False when a label does not fit its button even at `m.least` (the screen pages, or all go
    below it together)."""
    m = ui.m
    n = len(buttons)
    each = (rect.h - gap * (n - 1)) / n
    inner_w = rect.w - max(_beside(ui, b, round(each), m.body) for b in buttons)
    roles = [KINDS[b.kind].font for b in buttons]
    if grow:
        need = max(ui.engine.layout(b.text, r, m.least, inner_w).h for b, r in zip(buttons, roles))
        most_h = max(most_h, need + m.space(4))
    h = int(min(each, most_h))  # whole pixels, as the buttons are drawn
    inner_h = h - round(m.unit * 0.8)
    fits = [
        ui.engine.fit(b.text, role, inner_w, inner_h, m.body, m.least)
        for b, role in zip(buttons, roles, strict=True)
    ]
    held = all(f.h <= inner_h and f.w <= inner_w for f in fits)
    size = min(f.size for f in fits)
    if not held:  # smaller then, but still all at one size: no answer stands out (issue 16)
        size = largest_size(
            size,
            m.min_font,
            lambda s: all(
                ui.engine.layout(b.text, r, s, rect.w - _beside(ui, b, h, s)).h <= inner_h
                for b, r in zip(buttons, roles, strict=True)
            ),
        )
    for b, box in zip(
        buttons, stack(pygame.Rect(rect.x, rect.y, rect.w, 0), [h] * n, gap), strict=True
    ):
        b.rect, b.size = box, size
    return held


def fit_labels(ui: Ui, buttons: list[Button], height: int, room: int, size: int) -> list[int]:
    """Give `buttons` one label size, the largest from `size` down to the floor at which their
    labels fit on one line side by side in `room` pixels; returns their widths at that size."""

    def widths(s: int) -> list[int]:
        return [label_width(ui, b, height, s) for b in buttons]

    s = largest_size(size, min(size, ui.m.min_font), lambda s: sum(widths(s)) <= room)
    for b in buttons:
        b.size = s
    return widths(s)


def fit_label(
    ui: Ui, b: Button, width: int, height: int, size: int, labels: tuple[str, ...] = ()
) -> int:
    """Set `b.size` to the largest size from `size` down to the floor at which its label (and
    each of `labels`, when the button shows one or another) fits on one line in `width`; returns
    the width the button needs: `width`, or more when even the floor does not fit."""
    shown = [replace(b, label=label) for label in labels] or [b]

    def need(s: int) -> int:
        return max(label_width(ui, one, height, s) for one in shown)

    b.size = largest_size(size, min(size, ui.m.min_font), lambda s: need(s) <= width)
    return max(width, need(b.size))


def draw_group(
    ui: Ui, surface: pygame.Surface, group: FocusGroup, *, flash_id: str = "", alpha: int = 255
) -> None:
    for i, b in enumerate(group.buttons):
        draw_button(
            ui,
            surface,
            b,
            focused=i == group.index,
            hovered=i == group.hover,
            flash=b.id == flash_id,
            alpha=alpha,
        )


def centred(
    ui: Ui, surface: pygame.Surface, text: str, rect: pygame.Rect, size: int, colour: Colour
) -> None:
    """A short label in the display font, centred in `rect`: a badge, a pip, a team letter."""
    ui.text(surface, text, rect, style="title", size=size, colour=colour, align="center")


def draw_pips(ui: Ui, surface: pygame.Surface, pips: list[pygame.Rect], current: int) -> None:
    """A pager: one numbered circle a page, the current one filled, the others rings (not
    colour alone); the scene makes them clickable."""
    m, t = ui.m, ui.theme
    ring = max(2, round(m.unit * 0.4))
    for i, pip in enumerate(pips):
        r = pip.w // 2
        if i == current:
            pygame.draw.circle(surface, t.takeaway_bg, pip.center, r)
        else:
            pygame.draw.circle(surface, t.panel, pip.center, r)
            pygame.draw.circle(surface, t.text, pip.center, r, ring)
        size = max(m.min_font, round(pip.h * 0.55))
        centred(ui, surface, str(i + 1), pip, size, t.takeaway_text if i == current else t.text)


# --- icons -----------------------------------------------------------------------------------


def check(surface: pygame.Surface, centre: Point, r: float, colour: Colour, width: int) -> None:
    cx, cy = centre
    pts = [
        (cx - r * 0.55, cy + r * 0.02),
        (cx - r * 0.12, cy + r * 0.45),
        (cx + r * 0.6, cy - r * 0.45),
    ]
    pygame.draw.lines(surface, colour, False, pts, width)
    for p in pts:
        pygame.draw.circle(surface, colour, (round(p[0]), round(p[1])), width // 2)


def cross(surface: pygame.Surface, centre: Point, r: float, colour: Colour, width: int) -> None:
    cx, cy = centre
    d = r * 0.45
    for a, b in (((cx - d, cy - d), (cx + d, cy + d)), ((cx - d, cy + d), (cx + d, cy - d))):
        pygame.draw.line(surface, colour, a, b, width)
        for p in (a, b):
            pygame.draw.circle(surface, colour, (round(p[0]), round(p[1])), width // 2)


def regular_polygon(centre: Point, r: float, n: int, rotation: float = 0.0) -> list[Point]:
    cx, cy = centre
    angles = [rotation + 2 * math.pi * i / n for i in range(n)]
    return [(cx + r * math.cos(a), cy + r * math.sin(a)) for a in angles]


def rating_icon(ui: Ui, surface: pygame.Surface, rating: str, centre: Point, r: float) -> None:
    """Safe: a check in a circle. Risky: a warning triangle. Harmful: a stop sign with a cross.
    Shape tells the rating even without colour."""
    t = ui.theme
    fg = t.icon_fg
    width = max(3, round(r * 0.2))
    cx, cy = centre
    if rating == "safe":
        pygame.draw.circle(surface, t.safe, (round(cx), round(cy)), round(r))
        check(surface, centre, r * 0.95, fg, width)
    elif rating == "risky":
        pts = [(cx, cy - r * 1.02), (cx + r * 1.08, cy + r * 0.82), (cx - r * 1.08, cy + r * 0.82)]
        pygame.draw.polygon(surface, t.risky, pts)
        pygame.draw.polygon(surface, t.risky, pts, width)  # rounder corners
        bar = pygame.Rect(0, 0, width, round(r * 0.75))
        bar.midtop = (round(cx), round(cy - r * 0.38))
        pygame.draw.rect(surface, fg, bar, border_radius=width // 2)
        pygame.draw.circle(surface, fg, (round(cx), round(cy + r * 0.55)), max(2, width * 0.65))
    else:
        pts = regular_polygon(centre, r * 1.04, 8, math.pi / 8)
        pygame.draw.polygon(surface, t.harmful, pts)
        cross(surface, centre, r * 1.05, fg, width)


def verdict_icon(ui: Ui, surface: pygame.Surface, right: bool, centre: Point, r: float) -> None:
    colour = ui.theme.safe if right else ui.theme.risky
    pygame.draw.circle(surface, colour, (round(centre[0]), round(centre[1])), round(r))
    width = max(3, round(r * 0.22))
    (check if right else cross)(surface, centre, r * 0.95, ui.theme.icon_fg, width)


# the teams' shapes but the circle and the star: (size, corners, turn, drop), in units of r
POLYGONS = {
    "square": (1.2, 4, math.pi / 4, 0.0),
    "triangle": (1.18, 3, -math.pi / 2, 0.18),
    "diamond": (1.12, 4, -math.pi / 2, 0.0),
    "hexagon": (1.08, 6, 0.0, 0.0),
}


def team_badge(ui: Ui, surface: pygame.Surface, team: object, rect: pygame.Rect) -> None:
    """The team's shape in its colour with its letter on it, so teams are told apart by shape
    and letter, not colour alone."""
    shape = str(getattr(team, "shape", "circle"))
    colour = ui.theme.team(str(getattr(team, "colour", "team_a")))
    r = rect.h / 2
    cx, cy = rect.center
    sr = r * 0.95  # the shape's radius
    if shape == "circle":
        pygame.draw.circle(surface, colour, rect.center, round(sr))
        pygame.draw.circle(surface, ui.theme.phone_body, rect.center, round(sr), 2)
    else:
        if shape == "star":
            outer = regular_polygon(rect.center, sr * 1.15, 5, -math.pi / 2)
            inner = regular_polygon(rect.center, sr * 0.5, 5, -math.pi / 2 + math.pi / 5)
            pts = [p for pair in zip(outer, inner, strict=True) for p in pair]
        else:
            size, n, turn, drop = POLYGONS.get(shape, POLYGONS["hexagon"])
            pts = regular_polygon((cx, cy + sr * drop), sr * size, n, turn)
        pygame.draw.polygon(surface, colour, pts)
        pygame.draw.polygon(surface, ui.theme.phone_body, pts, 2)
    letter = str(getattr(team, "letter", ""))
    if letter and letter != "★":
        box = rect.inflate(-round(r * 0.5), -round(r * 0.5))
        if shape == "triangle":
            box = box.move(0, round(r * 0.2))
        size = max(ui.m.min_font, round(r * 0.85))
        if size > r * 0.9:  # a small badge: the letter outgrows the shape, so give it a disc
            disc = round(size * 0.72)
            pygame.draw.circle(surface, colour, box.center, disc)
            pygame.draw.circle(surface, ui.theme.phone_body, box.center, disc, 1)
        centred(ui, surface, letter, box, size, ui.theme.team_text)


def window_icon(theme: Theme, size: int = 64) -> pygame.Surface:
    """The logo on a transparent square, for the window and the task bar."""
    icon = pygame.Surface((size, size), pygame.SRCALPHA)
    flag_logo(theme, icon, pygame.Rect(size // 10, size // 12, size * 8 // 10, size * 10 // 12))
    return icon


def flag_logo(t: Theme, surface: pygame.Surface, rect: pygame.Rect) -> None:
    """The game's logo: a red flag waving on a pole, drawn with shapes."""
    pole_w = max(4, round(rect.w * 0.07))
    pole = pygame.Rect(rect.x + round(rect.w * 0.14), rect.y, pole_w, rect.h)
    pygame.draw.rect(surface, t.flag_pole, pole, border_radius=pole_w // 2)
    pygame.draw.circle(surface, t.accent, (pole.centerx, pole.y), round(pole_w * 0.9))
    left = pole.right
    right = rect.right
    top = rect.y + rect.h * 0.06
    depth = rect.h * 0.5
    top_edge: list[Point] = []
    bottom_edge: list[Point] = []
    steps = 24
    for i in range(steps + 1):
        k = i / steps
        x = left + (right - left) * k
        wave = math.sin(k * math.pi * 2) * rect.h * 0.05 * k
        top_edge.append((x, top + wave))
        bottom_edge.append((x, top + depth + wave - k * rect.h * 0.04))
    pts = top_edge + bottom_edge[::-1]
    shadow = [(x + pole_w * 0.35, y + pole_w * 0.45) for x, y in pts]
    pygame.draw.polygon(surface, tuple(max(0, c - 110) for c in t.flag_red), shadow)
    pygame.draw.polygon(surface, t.flag_red, pts)
    # a lighter fold gives the cloth some depth
    fold = top_edge[8:14] + bottom_edge[8:14][::-1]
    light = tuple(min(255, c + 35) for c in t.flag_red)
    pygame.draw.polygon(surface, light, fold)


def draw_card(
    ui: Ui,
    surface: pygame.Surface,
    card: pygame.Rect,
    heading: str,
    heading_rect: pygame.Rect,
    *,
    over: bool = True,
    align: str = "left",
) -> None:
    """A panel with a heading: over the screen below, dimmed (`over`), or on the background.
    `heading` is already translated."""
    t = ui.theme
    if over:  # dim the screen below so the card reads as on top
        veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        veil.fill((*t.dim, t.dim_alpha))
        surface.blit(veil, (0, 0))
    else:
        paint_background(ui, surface)
    panel(ui, surface, card, t.panel)
    ui.text(surface, heading, heading_rect, style="title", align=align)
