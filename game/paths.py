"""Where the program's own files are (the default deck, the rules for players, the assets such as the icon), and
where it keeps the users' files (the data directory and its folders).

In a clone (and an editable install) these are the repository's cards/, rules.md and assets/, the only sources.
An installed wheel, and the standalone build, carry the same files inside the package as game/_data/
(pyproject.toml and werkalliantie.spec put them there); they are found with importlib.resources.
"""

import os
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_PACKED = Path(str(files("game") / "_data"))
DATA = _PACKED if _PACKED.is_dir() else ROOT
DEFAULT_DECK = DATA / "cards"
RULES = DATA / "rules.md"
ASSETS = DATA / "assets"

APP_NAME = "werkalliantie"
ENV_DATA_DIR = "WERKALLIANTIE_DATA_DIR"
SESSIONS = "sessions"  # finished sessions' summaries, in the data directory (game.store writes them)
PROGRESS = "in-progress"  # the autosave of the session in progress
PROGRESS_FILE = "session.json"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir, else $WERKALLIANTIE_DATA_DIR, else the platform's user data directory."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
