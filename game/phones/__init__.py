"""Phones as private cards: a small page on the local network where each player picks 1-5 on their own phone.

Only `play --phones` imports this package (it opens a socket); every other mode stays without network code.
room.py holds the seats and secrets (no network), server.py serves the page and a WebSocket from a thread,
host.py is the window's side: it turns phone messages into engine actions and hands each phone its own view.
"""
