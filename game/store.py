"""Where files live and how they are written: private modes, atomic writes, never overwrite a summary."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import ValidationError

from game.model.session import SCHEMA_VERSION, SessionSummary

APP_NAME = "werkalliantie"
ENV_DATA_DIR = "WERKALLIANTIE_DATA_DIR"
SESSIONS = "sessions"
MAX_SUMMARY_BYTES = 5_000_000

# Steps that lift a summary dict of version N to version N + 1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class StoreError(Exception):
    """A file that cannot be read or written; str() is one line naming the file."""


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir, else $WERKALLIANTIE_DATA_DIR, else the platform's user data directory."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def private_dir(path: Path) -> Path:
    """Create `path` (and parents) if needed; the folder itself is made mode 0700."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        os.chmod(path, 0o700)
    except OSError as exc:
        raise StoreError(f"{path}: cannot create folder: {exc.strerror or exc}") from None
    return path


def sessions_dir(root: Path) -> Path:
    private_dir(root)
    return private_dir(root / SESSIONS)


def atomic_write(path: Path, data: bytes, *, replace: bool = True) -> None:
    """Write via a temporary file in the same folder, fsync, then rename; the file is mode 0600.

    With replace=False an existing file is never touched (StoreError instead).
    """
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if replace:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)  # fails if path exists: no race with another writer
            except FileExistsError:
                raise StoreError(f"{path}: already exists, not overwritten") from None
            os.unlink(tmp)
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def summary_filename(summary: SessionSummary) -> str:
    stamp = summary.started_at.strftime("%Y%m%d-%H%M%S")
    return f"{stamp}-{summary.session_id[:8]}.json"


def save_summary(summary: SessionSummary, root: Path) -> Path:
    """Save a finished session in sessions/; an existing file is never overwritten."""
    folder = sessions_dir(root)
    data = (summary.model_dump_json(indent=2) + "\n").encode("utf-8")
    base = summary_filename(summary)
    for n in range(1, 100):
        path = folder / (base if n == 1 else base.replace(".json", f"-{n}.json"))
        try:
            atomic_write(path, data, replace=False)
            return path
        except StoreError:
            continue
    raise StoreError(f"{folder}: no free file name for session {summary.session_id}")


def _migrate(raw: dict[str, Any], path: Path) -> dict[str, Any]:
    version = raw.get("schema_version")
    if not isinstance(version, int):
        raise StoreError(f"{path}: schema_version: missing or not a number")
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path}: schema_version: {version} is newer than this program ({SCHEMA_VERSION})")
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise StoreError(f"{path}: schema_version: no migration from version {version}")
        raw = step(raw)
        version = raw["schema_version"]
    return raw


def load_summary(path: Path | str) -> SessionSummary:
    """Read and validate one summary file; StoreError with one line naming the file."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_SUMMARY_BYTES:
            raise StoreError(f"{path}: larger than {MAX_SUMMARY_BYTES} bytes, not a session summary")
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise StoreError(f"{path}: is a folder, not a summary file") from None
    except UnicodeDecodeError:
        raise StoreError(f"{path}: not UTF-8 text") from None
    except (json.JSONDecodeError, RecursionError) as exc:
        raise StoreError(f"{path}: damaged JSON: {getattr(exc, 'msg', type(exc).__name__)}") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    if not isinstance(raw, dict):
        raise StoreError(f"{path}: not a session summary (expected a JSON object)")
    raw = _migrate(raw, path)
    try:
        return SessionSummary.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"]) or "summary"
        more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
        raise StoreError(f"{path}: {loc}: {err['msg']}{more}") from None


def list_summaries(root: Path) -> tuple[list[tuple[Path, SessionSummary]], list[str]]:
    """All readable summaries, oldest first, and one line for each unreadable file (kept as it is)."""
    folder = root / SESSIONS
    good: list[tuple[Path, SessionSummary]] = []
    bad: list[str] = []
    if not folder.is_dir():
        return good, bad
    for path in sorted(folder.glob("*.json")):
        try:
            good.append((path, load_summary(path)))
        except StoreError as exc:
            bad.append(str(exc))
    good.sort(key=lambda item: item[1].started_at)
    return good, bad


# --- the session in progress (autosave) -------------------------------------------------------

PROGRESS = "in-progress"
PROGRESS_FILE = "session.json"


def progress_path(root: Path) -> Path:
    return root / PROGRESS / PROGRESS_FILE


def save_progress(root: Path, state_json: str) -> Path:
    """Write the session in progress atomically, outside sessions/, replacing the previous autosave."""
    private_dir(root)
    path = progress_path(private_dir(root / PROGRESS))
    atomic_write(path, state_json.encode("utf-8"))
    return path


def clear_progress(root: Path) -> None:
    path = progress_path(root)
    if path.exists():
        path.unlink()
