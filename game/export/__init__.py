"""Printable exports: card sets, the facilitator guide, the help handout, session summaries."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["render_cards", "render_guide", "render_help", "render_summary_pdf", "summary_markdown"]

if TYPE_CHECKING:
    from game.export.cards_pdf import render_cards
    from game.export.guide_pdf import render_guide
    from game.export.help_pdf import render_help
    from game.export.summary import render_summary_pdf, summary_markdown

_WHERE = {
    "render_cards": "game.export.cards_pdf",
    "render_guide": "game.export.guide_pdf",
    "render_help": "game.export.help_pdf",
    "render_summary_pdf": "game.export.summary",
    "summary_markdown": "game.export.summary",
}


def __getattr__(name: str) -> Any:
    """Import fpdf2 only when an export is used, so the game starts without it."""
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'game.export' has no attribute {name!r}")
