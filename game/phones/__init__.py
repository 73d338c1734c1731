"""Students' phones: anonymous answers from the phones in the room, over the local network.

`room` holds the rules (pure: no network, no pygame, no files), `steps` turns a session's state
into the step the phones answer, `server` is the web server the phones talk to (imported only
when phones mode starts, so solo play never loads `websockets` or `segno`).
"""
