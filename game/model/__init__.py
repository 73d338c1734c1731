"""The pure model: cards, decks and the session. No pygame, no I/O."""
