"""Print-and-play, piece by piece; game/printing.py is the command that puts them together."""

import os


def new_file_mode() -> int:
    """The mode an ordinary new file gets here (0666 less the umask): a PDF or PNG for others to print, unlike the
    0600 of a temporary file."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask
