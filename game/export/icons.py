"""Pictograms for the safe moves, drawn as simple shapes (white on an accent disc)."""

from __future__ import annotations

from game.export._pdf import ACCENT, RGB, WHITE, Doc, regular
from game.model.kinds import SafeMove


def move_icon(doc: Doc, key: SafeMove, cx: float, cy: float, r: float, fill: RGB = ACCENT) -> None:
    doc.disc(cx, cy, r, fill)
    draw = _ICONS.get(key)
    if draw:
        draw(doc, cx, cy, r, fill)


def _stop(doc: Doc, cx: float, cy: float, r: float, fill: RGB) -> None:
    """An octagon with a bar: the stop sign."""
    doc.fill_rgb(WHITE)
    doc.poly(regular(cx, cy, r * 0.62, 8, 22.5), style="F")
    doc.fill_rgb(fill)
    doc.rect(cx - r * 0.36, cy - r * 0.09, r * 0.72, r * 0.18, style="F")


def _save(doc: Doc, cx: float, cy: float, r: float, fill: RGB) -> None:
    """A chat bubble with a downward arrow: keep the chat."""
    doc.fill_rgb(WHITE)
    w, h = r * 1.1, r * 0.78
    x, y = cx - w / 2, cy - h / 2 - r * 0.12
    doc.rect(x, y, w, h, style="F", round_corners=True, corner_radius=r * 0.16)
    doc.poly(
        [(x + w * 0.2, y + h - 0.01), (x + w * 0.2, y + h + r * 0.26), (x + w * 0.45, y + h - 0.01)]
    )
    stroke = max(0.3, r * 0.12)
    doc.polyline_stroke([(cx, y + h * 0.2), (cx, y + h * 0.72)], fill, stroke)
    doc.polyline_stroke(
        [(cx - h * 0.24, y + h * 0.5), (cx, y + h * 0.74), (cx + h * 0.24, y + h * 0.5)],
        fill,
        stroke,
    )


def _block(doc: Doc, cx: float, cy: float, r: float, fill: RGB) -> None:
    """A circle with a slash: blocked."""
    ring = r * 0.58
    doc.line_rgb(WHITE, max(0.4, r * 0.15))
    doc.ellipse(cx - ring, cy - ring, 2 * ring, 2 * ring, style="D")
    d = ring * 0.7071
    doc.polyline_stroke([(cx - d, cy - d), (cx + d, cy + d)], WHITE, max(0.4, r * 0.15))


def _tell(doc: Doc, cx: float, cy: float, r: float, fill: RGB) -> None:
    """A speech bubble with three dots: tell someone."""
    doc.fill_rgb(WHITE)
    w, h = r * 1.2, r * 0.8
    x, y = cx - w / 2, cy - h / 2 - r * 0.1
    doc.rect(x, y, w, h, style="F", round_corners=True, corner_radius=h * 0.45)
    doc.poly(
        [
            (cx - w * 0.25, y + h - 0.05),
            (cx - w * 0.34, y + h + r * 0.3),
            (cx - w * 0.02, y + h - 0.05),
        ]
    )
    for dx in (-0.28, 0, 0.28):
        doc.disc(cx + dx * w, y + h / 2, r * 0.09, fill)


def _help(doc: Doc, cx: float, cy: float, r: float, fill: RGB) -> None:
    """A heart: someone who cares."""
    doc.fill_rgb(WHITE)
    lobe = r * 0.3
    top = cy - r * 0.16
    doc.ellipse(cx - 2 * lobe, top - lobe, 2 * lobe, 2 * lobe, style="F")
    doc.ellipse(cx, top - lobe, 2 * lobe, 2 * lobe, style="F")
    doc.poly(
        [
            (cx - 1.96 * lobe, top + lobe * 0.25),
            (cx + 1.96 * lobe, top + lobe * 0.25),
            (cx, cy + r * 0.56),
        ]
    )


def _support(doc: Doc, cx: float, cy: float, r: float, fill: RGB) -> None:
    """Two heads side by side: standing with someone."""
    doc.fill_rgb(WHITE)
    for dx in (-0.27, 0.27):
        hx = cx + dx * r
        doc.disc(hx, cy - r * 0.2, r * 0.17, WHITE)
        doc.rect(
            hx - r * 0.24,
            cy + r * 0.02,
            r * 0.48,
            r * 0.36,
            style="F",
            round_corners=("TOP_LEFT", "TOP_RIGHT"),
            corner_radius=r * 0.2,
        )


_ICONS = {  # the adults' `listen` has no pictogram: the exports print the young people's moves
    SafeMove.STOP: _stop,
    SafeMove.SAVE: _save,
    SafeMove.BLOCK_REPORT: _block,
    SafeMove.TELL: _tell,
    SafeMove.GET_HELP: _help,
    SafeMove.SUPPORT: _support,
}
