"""Where the program's own files are (plain paths: importing this costs nothing)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DECK = ROOT / "cards"
RULES = ROOT / "rules.md"
