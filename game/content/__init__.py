"""Reading the game's data files (decks, help resources) and validating them in plain words."""
