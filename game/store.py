"""Where files live and how they are written: private modes, atomic writes, never overwrite a summary."""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import ValidationError

from game.engine import GameState, Phase, build_summary
from game.model.deck import CardKind, Deck
from game.model.session import SCHEMA_VERSION, SessionSummary
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


MAX_LINE = 300


def one_line(text: str, limit: int = MAX_LINE) -> str:
    """Control characters escaped and the length capped, so a message from odd input stays one short line."""
    flat = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class StoreError(Exception):
    """A file that cannot be read or written; str() is one line naming the file."""

    def __init__(self, message: str):
        super().__init__(one_line(message, max(MAX_LINE, len(message.split(": ", 1)[0]) + 100)))


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
    return write_new(folder / summary_filename(summary), data)


def write_new(path: Path, data: bytes) -> Path:
    """Write atomically to `path`, or to NAME-2, NAME-3, … when it exists; an existing file is never touched."""
    for n in range(1, 100):
        target = path if n == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")
        try:
            atomic_write(target, data, replace=False)
            return target
        except StoreError:
            continue
    raise StoreError(f"{path.parent}: no free file name for {path.name}")


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

def progress_path(root: Path) -> Path:
    return root / PROGRESS / PROGRESS_FILE


def save_progress(root: Path, state_json: str) -> Path:
    """Write the session in progress atomically, outside sessions/, replacing the previous autosave."""
    private_dir(root)
    private_dir(root / PROGRESS)
    path = progress_path(root)
    atomic_write(path, state_json.encode("utf-8"))
    return path


def clear_progress(root: Path) -> None:
    """Remove the autosave and every temporary copy of it (a write cut off by a kill)."""
    path = progress_path(root)
    if path.exists():
        path.unlink()
    if path.parent.is_dir():
        for tmp in path.parent.glob(f".{PROGRESS_FILE}.*.tmp"):
            tmp.unlink(missing_ok=True)


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
        _fsync_dir(folder)
        return target
    raise StoreError(f"{path}: cannot be kept aside: too many {DAMAGED} files")


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


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


def load_progress(root: Path, deck: Deck | None = None) -> GameState | None:
    """The session in progress, or None when there is none.

    A damaged autosave (unreadable, not a valid state, or not matching `deck`) is renamed to
    session.json.damaged and DamagedProgress is raised: show exc.message(lang), then start a new game.
    An autosave whose summary was already saved (a crash between the two writes) is removed: None.
    """
    folder = root / PROGRESS
    path = progress_path(root)
    if os.path.lexists(folder) and not folder.is_dir():
        kept = set_aside(folder)
        raise DamagedProgress(folder, kept, "is not a folder")
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
        clear_progress(root)
        return None
    if deck is not None:
        problem = _deck_problem(state, deck)
        if problem is not None:
            raise DamagedProgress(path, set_aside(path), f"does not match the deck: {problem}", "deck")
    problem = _state_problem(state) or (_summary_problem(state, deck) if deck is not None else None)
    if problem is not None:
        raise DamagedProgress(path, set_aside(path), f"not a consistent session: {problem}")
    return state


def check_progress(state: GameState, deck: Deck) -> str | None:
    """None when the engine can go on with `state` and `deck`; else what is wrong, in a few words."""
    problem = _deck_problem(state, deck)
    if problem is not None:
        return f"does not match the deck: {problem}"
    return _state_problem(state) or _summary_problem(state, deck)


def _summary_problem(state: GameState, deck: Deck) -> str | None:
    """Try the end now: a state whose summary cannot be saved would fail only after the whole talk."""
    try:
        # Every round as it is now, also the one still being estimated, as if the session ended here.
        build_summary(state.model_copy(update={"phase": Phase.DONE}), deck, state.started_at)
    except ValidationError as exc:
        err = exc.errors()[0]
        return f"{'.'.join(str(p) for p in err['loc']) or 'summary'}: {err['msg']}"
    except Exception as exc:  # noqa: BLE001 - a probe: whatever breaks the end makes the file unusable
        return f"the session cannot be ended: {type(exc).__name__}"
    return None


def _deck_problem(state: GameState, deck: Deck) -> str | None:
    if state.deck_id != deck.id:
        return f"made with deck '{state.deck_id}', this is deck '{deck.id}'"
    if state.setup.language not in deck.languages:
        return f"language '{state.setup.language}' is not in the deck"
    features = {f.id for f in deck.features}
    for fid in [*state.setup.features, *state.plan, *state.questions, *state.reflections]:
        if fid not in features:
            return f"feature '{fid}' is not in the deck"
    cards = {c.id: c for c in deck.cards}

    def card_problem(cid: str, fid: str, kind: CardKind) -> str | None:
        card = cards.get(cid)
        if card is None:
            return f"card '{cid}' is not in the deck"
        if card.feature != fid or card.kind != kind:
            return f"card '{cid}' is not a {kind.value} card of {fid}"
        return None

    checks = [(cid, fid, CardKind.QUESTION) for fid, stack in state.questions.items() for cid in stack]
    checks += [(cid, fid, CardKind.REFLECTION) for fid, stack in state.reflections.items() for cid in stack]
    for rnd in state.rounds:
        checks += [(cid, rnd.feature, CardKind.QUESTION) for cid in [rnd.question, *rnd.swapped]]
        if rnd.reflection is not None:
            checks.append((rnd.reflection, rnd.feature, CardKind.REFLECTION))
    for check in checks:
        problem = card_problem(*check)
        if problem:
            return problem
    starters = {s.id: s for s in deck.starters}
    for rnd in state.rounds:
        if rnd.starter is not None and (rnd.starter not in starters or starters[rnd.starter].feature != rnd.feature):
            return f"conversation starter '{rnd.starter}' is not in the deck"
    if state.case_id is not None and state.case_id not in {c.id for c in deck.cases}:
        return f"case '{state.case_id}' is not in the deck"
    return None


_IN_A_ROUND = (Phase.DEAL, Phase.ESTIMATE, Phase.REVEAL, Phase.DISCUSS, Phase.CASE_VIEW, Phase.REFLECT, Phase.AGREE)


def _state_problem(state: GameState) -> str | None:
    """The invariants the engine relies on (a hand-edited or half-written file may break them)."""
    if set(state.plan) - set(state.setup.features):
        return "plan: a feature that was not chosen"
    for fid in state.plan:
        if fid not in state.questions or fid not in state.reflections:
            return f"questions: no stack for {fid}"
        if not state.reflections[fid]:
            return f"reflections.{fid}: empty"
    if len(state.rounds) > len(state.plan):
        return "rounds: more rounds than planned"
    if state.setup.uses_case and state.case_id is None:
        return "case_id: missing"
    players = set(state.player_ids)
    for i, rnd in enumerate(state.rounds):
        if rnd.feature != state.plan[i]:
            return f"rounds.{i}.feature: not the planned feature"
        for pid, est in rnd.estimates.items():
            if pid not in players or est.player != pid:
                return f"rounds.{i}.estimates: unknown player '{pid}'"
            if est.guess is not None and not state.setup.guess_other:
                return f"rounds.{i}.estimates: a guess without 'guess the other'"
        done = i < len(state.rounds) - 1 or state.phase not in (Phase.DEAL, Phase.ESTIMATE, Phase.CASE)
        if done and set(rnd.estimates) != players:
            return f"rounds.{i}.estimates: not every player has an estimate"
    if state.phase == Phase.CASE:
        if state.rounds or not state.setup.uses_case:
            return "phase: a case card after the first round"
    elif state.phase in _IN_A_ROUND:
        if not state.rounds:
            return "phase: no round has been dealt"
        if state.phase in (Phase.DEAL, Phase.ESTIMATE) and not set(state.rounds[-1].estimates) < players:
            return "phase: every estimate is in, but the round still waits for them"
        if state.phase == Phase.DEAL and state.rounds[-1].estimates:
            return "phase: estimates before the card is open"
        if state.phase == Phase.CASE_VIEW and not state.setup.uses_case:
            return "phase: a case view without a case"
        upcoming = state.plan[len(state.rounds):]
        for fid in set(upcoming):
            if len(state.questions[fid]) < upcoming.count(fid):
                return f"questions.{fid}: too few cards left"
    return None


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
    for sub, kind in ((SESSIONS, "summary"), (PROGRESS, "progress")):
        folder = root / sub
        if folder.is_dir():
            places += [(p, kind) for p in sorted(folder.iterdir())]
    if root.is_dir():
        places += [(p, "progress") for p in sorted(root.glob(PROGRESS + DAMAGED + "*"))]
    pairs: dict[str, list[PairFile]] = {}
    unreadable: list[Path] = []
    for path, kind in places:
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


def remove_files(paths: list[Path]) -> list[str]:
    """Unlink each file; one line per file that could not be removed."""
    problems: list[str] = []
    for path in paths:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            problems.append(one_line(f"{path}: cannot be removed: {exc.strerror or exc}"))
    for folder in {p.parent for p in paths}:
        _fsync_dir(folder)
    return problems
