"""Where the program's own files are: the default deck, the rules for players and the assets (icon, …).

In a clone (and an editable install) these are the repository's cards/, rules.md and assets/, the only sources.
An installed wheel, and the standalone build, carry the same files inside the package as game/_data/
(pyproject.toml and werkalliantie.spec put them there); they are found with importlib.resources.
"""

from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_PACKED = Path(str(files("game") / "_data"))
DATA = _PACKED if _PACKED.is_dir() else ROOT
DEFAULT_DECK = DATA / "cards"
RULES = DATA / "rules.md"
ASSETS = DATA / "assets"
