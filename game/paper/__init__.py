"""Print-and-play, piece by piece; game/printing.py is the command that puts them together."""
