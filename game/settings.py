"""What the window remembers between runs: read aloud, high contrast (settings.json in the data folder).

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
        if isinstance(value, bool):
            setattr(out, f.name, value)
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
