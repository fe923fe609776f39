"""What the window remembers between runs: read aloud, high contrast, text size (settings.json in the data folder).

Reading needs no pydantic (the start screen draws with these settings before the models load); writing goes
through the store's atomic private write. A missing or damaged file gives the defaults, never an error.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

FILE = "settings.json"
MAX_BYTES = 10_000


@dataclass
class Settings:
    read_aloud: bool = False  # read each new card aloud
    high_contrast: bool = False
    text_size: int = 100  # percent, one of TEXT_SIZES


TEXT_SIZES = (100, 125, 150, 200)


def next_text_size(percent: int, step: int = 0) -> int:
    """The next larger text size, back to 100 % after the largest (step 0); or one size up (+1) or down (-1),
    staying at the largest or smallest."""
    sizes = TEXT_SIZES
    if percent not in sizes:
        return sizes[0]
    i = sizes.index(percent)
    return sizes[(i + 1) % len(sizes)] if step == 0 else sizes[min(len(sizes) - 1, max(0, i + step))]


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
        if isinstance(value, bool) and f.type in (bool, "bool"):
            setattr(out, f.name, value)
        elif f.name == "text_size" and type(value) is int and value in TEXT_SIZES:
            out.text_size = value
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
