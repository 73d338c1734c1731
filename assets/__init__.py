"""The game's data (decks, fonts, sounds, catalogues, help lines), installed as `game.assets`.

Nothing to import here: game/content/paths.py finds this folder through importlib.resources.
"""
