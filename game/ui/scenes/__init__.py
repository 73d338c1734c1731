"""One module per screen (game/ui/flow.py says which play screen shows the session)."""
