"""Where files live and how they are written: private modes, atomic writes, never overwrite a summary."""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import ValidationError

from game.consistency import check_progress, deck_problem, state_problem, summary_problem  # noqa: F401
from game.engine import GameState

# Re-exported: the rest of the program reads and writes files through this module.
from game.files import (  # noqa: F401
    TEMP_SUFFIX,
    DiskError,
    LinkRefused,
    StoreError,
    atomic_write,
    fsync_dir,
    one_line,
    private_dir,
    remove,
    stale_temp_files,
    write_new,
)
from game.model.deck import Deck
from game.model.session import SCHEMA_VERSION, SessionSummary
from game.owner import LOCK_SUFFIX, slot_name, slot_path
from game.paths import ENV_DATA_DIR, PROGRESS, PROGRESS_FILE, SESSIONS, data_dir  # noqa: F401 - re-exported

MAX_SUMMARY_BYTES = 5_000_000


def _v1_to_v2(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds a top-level `agreements` list: in version 1 they were only the rounds' notes."""
    lifted = dict(raw)
    agreements: list[dict[str, Any]] = []
    rounds = raw.get("rounds")
    for rnd in rounds if isinstance(rounds, list) else []:
        notes = rnd.get("notes") if isinstance(rnd, dict) else None
        for note in notes if isinstance(notes, list) else []:
            if not isinstance(note, str):
                continue  # left for validation to report at its own place in rounds
            feature = rnd.get("feature")
            agreements.append({"feature": feature if isinstance(feature, str) else None, "text": note})
    lifted.setdefault("agreements", agreements)
    lifted["schema_version"] = 2
    return lifted


def _v2_to_v3(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 3 records the pair's choice (`keep`): every summary of version 2 was saved."""
    return {**raw, "keep": raw.get("keep", "save"), "schema_version": 3}


# Steps that lift a summary dict of version N to version N + 1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2, 2: _v2_to_v3}




def sessions_dir(root: Path) -> Path:
    return private_dir(root / SESSIONS, root)


def summary_filename(summary: SessionSummary) -> str:
    stamp = summary.started_at.strftime("%Y%m%d-%H%M%S")
    return f"{stamp}-{summary.session_id[:8]}.json"


def save_summary(summary: SessionSummary, root: Path) -> Path:
    """Save a finished session in sessions/; an existing file is never overwritten."""
    folder = sessions_dir(root)
    return write_new(folder / summary_filename(summary), summary_bytes(summary), root)


def summary_bytes(summary: SessionSummary) -> bytes:
    return (summary.model_dump_json(indent=2) + "\n").encode("utf-8")


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


def _regular_file(path: Path, limit: int, what: str) -> None:
    """StoreError unless `path` is a regular file of at most `limit` bytes (a pipe or a device could hang)."""
    st = path.stat()
    if stat.S_ISDIR(st.st_mode):
        raise StoreError(f"{path}: is a folder, not {what}")
    if not stat.S_ISREG(st.st_mode):
        raise StoreError(f"{path}: not a regular file, not {what}")
    if st.st_size > limit:
        raise StoreError(f"{path}: larger than {limit} bytes, not {what}")


def load_summary(path: Path | str) -> SessionSummary:
    """Read and validate one summary file; StoreError with one line naming the file."""
    path = Path(path)
    try:
        _regular_file(path, MAX_SUMMARY_BYTES, "a session summary")
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise StoreError(f"{path}: is a folder, not a summary file") from None
    except UnicodeDecodeError:
        raise StoreError(f"{path}: not UTF-8 text") from None
    except (json.JSONDecodeError, RecursionError) as exc:
        raise StoreError(f"{path}: damaged JSON: {getattr(exc, 'msg', type(exc).__name__)}") from None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise StoreError(f"{path}: damaged JSON: {exc}") from None
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
    if os.path.islink(folder):
        return good, [str(LinkRefused(folder))]
    if not folder.is_dir():
        return good, bad
    for path in sorted(folder.glob("*.json")):
        try:
            if os.path.islink(path):
                raise LinkRefused(path)
            good.append((path, load_summary(path)))
        except StoreError as exc:
            bad.append(str(exc))
    good.sort(key=lambda item: item[1].started_at)
    return good, bad


# --- the session in progress (autosave) -------------------------------------------------------

def progress_path(root: Path, slot: int = 1) -> Path:
    return slot_path(root, slot)


def save_progress(root: Path, state_json: str, slot: int = 1) -> Path:
    """Write the session in progress atomically, outside sessions/, replacing that slot's previous autosave."""
    path = progress_path(root, slot)
    private_dir(path.parent, root)
    atomic_write(path, state_json.encode("utf-8"), root=root)
    return path


def clear_progress(root: Path, slot: int = 1) -> None:
    """Remove a slot's autosave and every temporary copy of it (a write cut off by a kill)."""
    path = progress_path(root, slot)
    if path.parent.is_dir() and not path.parent.is_symlink():
        for tmp in path.parent.glob(f".{slot_name(slot)}.*{TEMP_SUFFIX}"):  # the slot is ours: all are stale
            remove(tmp, root)
    remove(path, root)


def clean_stale(root: Path) -> list[str]:
    """Remove temporary files left by a process killed during a write (in sessions/ and in-progress/).
    One line per file that could not be removed."""
    problems = []
    for sub in (SESSIONS, PROGRESS):
        folder = root / sub
        if os.path.islink(folder) or not folder.is_dir():
            continue
        for tmp in stale_temp_files(folder):
            try:
                remove(tmp, root)
            except StoreError as exc:
                problems.append(str(exc))
    return problems


MAX_PROGRESS_BYTES = 5_000_000
DAMAGED = ".damaged"

_DAMAGED_TEXT = {
    "damaged": {
        "nl": "Het gesprek dat nog open stond, is beschadigd. Verder spelen kan niet. Het bestand is bewaard: {file}",
        "en": "The session that was still open is damaged. It cannot go on. The file is kept: {file}",
    },
    "deck": {
        "nl": "Het gesprek dat nog open stond, past niet bij deze kaarten. Het bestand is bewaard: {file}",
        "en": "The session that was still open does not match these cards. The file is kept: {file}",
    },
}


class DamagedProgress(StoreError):
    """The autosave could not be used; it has been kept aside (never overwritten) and a new game can start."""

    def __init__(self, path: Path, kept_as: Path, reason: str, kind: str = "damaged"):
        super().__init__(f"{path}: {reason}; kept as {kept_as.name}")
        self.path = path
        self.kept_as = kept_as
        self.reason = reason
        self.kind = kind  # "damaged" (unreadable or inconsistent) or "deck" (does not match the deck)

    def message(self, lang: str) -> str:
        """One line for the window, in the player's language (nl or en)."""
        texts = _DAMAGED_TEXT[self.kind]
        return one_line(texts.get(lang, texts["en"]).format(file=self.kept_as), limit=1000)


def set_aside(path: Path) -> Path:
    """Rename `path` to NAME.damaged (else NAME.damaged-2, -3, …); an existing file is never replaced."""
    folder = path.parent
    for n in range(1, 1000):
        target = folder / (path.name + DAMAGED + ("" if n == 1 else f"-{n}"))
        if os.path.lexists(target):
            continue
        try:
            os.link(path, target, follow_symlinks=False)  # fails if target exists: no race
            os.unlink(path)
        except FileExistsError:
            continue
        except OSError:  # a folder, or a file system without hard links
            try:
                if os.path.lexists(target):
                    continue
                os.rename(path, target)
            except OSError as exc:
                raise StoreError(f"{path}: cannot be kept aside: {exc.strerror or exc}") from None
        fsync_dir(folder)
        return target
    raise StoreError(f"{path}: cannot be kept aside: too many {DAMAGED} files")


def summary_saved(root: Path, state: GameState) -> bool:
    """True when sessions/ already holds the summary of this session (same id and start): its autosave is stale."""
    folder = root / SESSIONS
    if not folder.is_dir():
        return False
    for path in folder.glob(f"*-{state.session_id[:8]}*.json"):
        try:
            summary = load_summary(path)
        except StoreError:
            continue
        if summary.session_id == state.session_id and summary.started_at == state.started_at:
            return True
    return False


def check_progress_folder(root: Path) -> None:
    """in-progress/ that is a link or not a folder is kept aside (never followed): DamagedProgress."""
    folder = root / PROGRESS
    if os.path.islink(folder):
        raise DamagedProgress(folder, set_aside(folder), "is a link; links in the data folder are not followed")
    if os.path.lexists(folder) and not folder.is_dir():
        raise DamagedProgress(folder, set_aside(folder), "is not a folder")


def load_progress(root: Path, deck: Deck | None = None, slot: int = 1) -> GameState | None:
    """The session in progress, or None when there is none.

    A damaged autosave (unreadable, not a valid state, or not matching `deck`) is renamed to
    session.json.damaged and DamagedProgress is raised: show exc.message(lang), then start a new game.
    An autosave whose summary was already saved (a crash between the two writes) is removed: None.
    """
    path = progress_path(root, slot)
    check_progress_folder(root)
    if os.path.islink(path):  # never followed: the link itself is kept aside
        raise DamagedProgress(path, set_aside(path), "is a link; links in the data folder are not followed")
    if not os.path.lexists(path):
        return None
    try:
        _regular_file(path, MAX_PROGRESS_BYTES, "a saved session")
        data = path.read_bytes()
    except StoreError as exc:
        raise DamagedProgress(path, set_aside(path), str(exc).split(": ", 1)[-1]) from None
    except OSError as exc:
        raise DamagedProgress(path, set_aside(path), f"cannot be read: {exc.strerror or exc}") from None
    try:
        state = GameState.model_validate_json(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        reason = f"{loc}: {err['msg']}" if loc else err["msg"]
        raise DamagedProgress(path, set_aside(path), f"not a saved session: {reason}") from None
    except (ValueError, RecursionError) as exc:
        raise DamagedProgress(path, set_aside(path), f"not a saved session: {type(exc).__name__}") from None
    if summary_saved(root, state):
        try:
            clear_progress(root, slot)
        except StoreError:
            pass  # a read-only disk: it stays, and is recognised again next time
        return None
    if deck is not None:
        problem = deck_problem(state, deck)
        if problem is not None:
            raise DamagedProgress(path, set_aside(path), f"does not match the deck: {problem}", "deck")
    problem = state_problem(state) or (summary_problem(state, deck) if deck is not None else None)
    if problem is not None:
        raise DamagedProgress(path, set_aside(path), f"not a consistent session: {problem}")
    return state


# --- the files of one pair (for `forget`) ------------------------------------------------------


class PairFile(NamedTuple):
    path: Path
    kind: str  # "summary" or "progress" (a session in progress, also one kept aside as damaged)
    started_at: str | None


_PAIR_CODE_IN_TEXT = re.compile(r'(?<!\\)"pair_code"\s*:\s*"([A-Za-z0-9_-]{1,32})"')


def _pair_of(raw: Any) -> str | None:
    if not isinstance(raw, dict):
        return None
    code = raw.get("pair_code")
    if code is None and isinstance(raw.get("setup"), dict):
        code = raw["setup"].get("pair_code")
    return code.strip() if isinstance(code, str) and code.strip() else None


def scan_pairs(root: Path) -> tuple[dict[str, list[PairFile]], list[Path]]:
    """Every file in the data directory per pair code, and the files whose pair could not be read.

    Looks at sessions/ and in-progress/ (autosave, damaged copies kept aside, leftover temporary files).
    A file is read leniently: an invalid summary that still names its pair code counts for that pair.
    """
    places: list[tuple[Path, str]] = []
    unreadable: list[Path] = []
    for sub, kind in ((SESSIONS, "summary"), (PROGRESS, "progress")):
        folder = root / sub
        if os.path.islink(folder):
            unreadable.append(folder)  # never followed: what it points to is not the pair's data here
        elif folder.is_dir():
            places += [(p, kind) for p in sorted(folder.iterdir()) if not p.name.endswith(LOCK_SUFFIX)]
    if root.is_dir():
        places += [(p, "progress") for p in sorted(root.glob(PROGRESS + DAMAGED + "*"))]
    pairs: dict[str, list[PairFile]] = {}
    for path, kind in places:
        if os.path.islink(path):
            unreadable.append(path)
            continue
        try:
            _regular_file(path, max(MAX_SUMMARY_BYTES, MAX_PROGRESS_BYTES), "a session file")
            data = path.read_bytes()
        except (StoreError, OSError):
            unreadable.append(path)
            continue
        try:
            raw = json.loads(data)
        except (ValueError, RecursionError):
            # Cut off or otherwise damaged: the pair code near the start may still say whose it is.
            codes = set(_PAIR_CODE_IN_TEXT.findall(data.decode("utf-8", errors="replace")))
            raw = {"pair_code": codes.pop()} if len(codes) == 1 else None
            if raw is None:
                unreadable.append(path)
                continue
        code = _pair_of(raw)
        if code is not None:
            started = raw.get("started_at")
            pairs.setdefault(code, []).append(PairFile(path, kind, started if isinstance(started, str) else None))
    return pairs, unreadable


def remove_files(paths: list[Path], root: Path | None = None) -> list[str]:
    """Unlink each file (below `root` never through a link); one line per file that could not be removed."""
    problems: list[str] = []
    for path in paths:
        try:
            remove(path, root)
        except StoreError as exc:
            problems.append(str(exc))
    return problems
