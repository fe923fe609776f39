"""What the window remembers between runs: read aloud, text size, high contrast (settings.json in the data folder).

Reading needs no pydantic (the start screen draws with these settings before the models load); writing goes
through the store's atomic private write. A missing or damaged file gives the defaults, never an error.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

FILE = "settings.json"
TEXT_SIZES = (100, 125, 150, 200)  # per cent
MAX_BYTES = 10_000


@dataclass
class Settings:
    read_aloud: bool = False  # read each new card aloud
    text_size: int = 100  # one of TEXT_SIZES
    high_contrast: bool = False

    @property
    def text_scale(self) -> float:
        return self.text_size / 100

    def next_text_size(self) -> int:
        """The next size in the cycle 100 → 125 → 150 → 200 → 100."""
        i = TEXT_SIZES.index(self.text_size) if self.text_size in TEXT_SIZES else -1
        return TEXT_SIZES[(i + 1) % len(TEXT_SIZES)]


def load(root: Path | None) -> Settings:
    """The saved settings, or the defaults (no folder, no file, a damaged file, unknown values)."""
    if root is None:
        return Settings()
    try:
        path = root / FILE
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return Settings()
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    out = Settings()
    for f in fields(Settings):
        value = raw.get(f.name)
        if isinstance(value, type(getattr(out, f.name))) and not (f.type == "int" and isinstance(value, bool)):
            setattr(out, f.name, value)
    if out.text_size not in TEXT_SIZES:
        out.text_size = 100
    return out


def save(settings: Settings, root: Path | None) -> str:
    """Write the settings; "" when written (or there is no data folder), else one line saying why not."""
    if root is None:
        return ""
    from game.store import StoreError, atomic_write, private_dir

    try:
        private_dir(root)
        atomic_write(root / FILE, json.dumps(asdict(settings), indent=2).encode("utf-8"))
    except StoreError as exc:
        return str(exc)
    except OSError as exc:
        return f"{root / FILE}: cannot write: {exc.strerror or exc}"
    return ""
