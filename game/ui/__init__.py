"""The pygame user interface: the app loop, the scene stack, widgets, text layout and theme.

Nothing here runs at import time; `game.ui.app.run()` is the one door in.
"""
