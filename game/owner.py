"""Who owns a session in progress: each autosave slot (in-progress/session.json, session-2.json, …) has a lock
file; the window that plays the session holds an flock on it, which dies with its process. Another window
never resumes, discards or overwrites a slot whose lock a living process holds: it takes a free slot of its own.

The lock is held through a read-only descriptor (so that a disk can still be remounted read-only). Within one
process a slot is never "another window's" (tests open several windows in one process to act out a crash):
this module keeps the one descriptor per lock file it holds and never opens a held one again."""

from __future__ import annotations

import errno
import fcntl
import os
import re
from dataclasses import dataclass
from pathlib import Path

from game.files import DiskError, LinkRefused, StoreError, open_folder
from game.paths import PROGRESS, PROGRESS_FILE

MAX_SLOTS = 100
LOCK_SUFFIX = ".lock"
_SLOT = re.compile(r"^session(?:-([2-9]|[1-9]\d))?\.json$")

_HELD: dict[Path, int] = {}  # lock file -> the descriptor this process holds it with


def slot_name(n: int) -> str:
    return PROGRESS_FILE if n == 1 else f"session-{n}.json"


def slot_path(root: Path, n: int = 1) -> Path:
    return root / PROGRESS / slot_name(n)


def lock_path(root: Path, n: int = 1) -> Path:
    return root / PROGRESS / f".{slot_name(n)}{LOCK_SUFFIX}"


def slots_on_disk(root: Path) -> list[int]:
    """The slots that hold an autosave, in order."""
    try:
        names = os.listdir(root / PROGRESS)
    except OSError:
        return []
    found = [_SLOT.match(name) for name in names]
    return sorted(int(m.group(1) or 1) for m in found if m)


@dataclass
class Slot:
    """An autosave slot this process owns while it plays (or offers) the session in it."""

    root: Path
    n: int
    locked: bool = True  # False: the lock file could not be made (a read-only disk): no one can own it

    @property
    def path(self) -> Path:
        return slot_path(self.root, self.n)

    def release(self) -> None:
        """Give the slot up: the lock file is removed while still held, then the lock goes."""
        release(self.root, self.n)


def holder(root: Path, n: int) -> int | None:
    """The process id in the slot's lock file, if it can be read."""
    try:
        text = lock_path(root, n).read_text(encoding="ascii").strip()
    except (OSError, ValueError):
        return None
    return int(text) if text.isdigit() else None


def take(root: Path, n: int) -> Slot | None:
    """Own slot `n`, or None when a living process (another window) owns it. StoreError: a link or a disk
    that refuses even the lock file in a way other than read-only."""
    path = lock_path(root, n)
    if path in _HELD:
        return Slot(root, n)
    for _ in range(5):  # a lock file removed by its owner between our open and our lock: open it again
        try:
            dir_fd = open_folder(path.parent, root, create=True)
        except StoreError:
            raise
        except OSError as exc:
            if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                return Slot(root, n, locked=False)
            raise DiskError(path.parent, exc, "cannot create folder") from None
        try:
            fd = os.open(path.name, os.O_RDONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600, dir_fd=dir_fd)
        except OSError as exc:
            os.close(dir_fd)
            if exc.errno == errno.ELOOP:
                raise LinkRefused(path) from None
            if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC):
                return Slot(root, n, locked=False)  # nobody can write here: nothing to own
            raise DiskError(path, exc) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            os.close(dir_fd)
            return None
        try:
            same = os.fstat(fd).st_ino == os.lstat(path).st_ino
        except OSError:
            same = False
        if not same:
            os.close(fd)
            os.close(dir_fd)
            continue
        _write_pid(dir_fd, path.name)
        os.close(dir_fd)
        _HELD[path] = fd
        return Slot(root, n)
    return None


def _write_pid(dir_fd: int, name: str) -> None:
    """The owner's process id in its lock file (for messages); a full disk leaves it empty."""
    try:
        fd = os.open(name, os.O_WRONLY | os.O_TRUNC | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=dir_fd)
    except OSError:
        return
    try:
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
    except OSError:
        pass
    finally:
        os.close(fd)


def release(root: Path, n: int) -> None:
    path = lock_path(root, n)
    fd = _HELD.pop(path, None)
    if fd is None:
        return
    try:
        os.unlink(path)
    except OSError:
        pass
    os.close(fd)


def owned_elsewhere(root: Path, n: int) -> bool:
    """Whether a living process other than this one owns slot `n` (the slot is not taken by asking)."""
    path = lock_path(root, n)
    if path in _HELD or not os.path.lexists(path):
        return False
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # closing it gives up the lock this look took
    return False


def free_slot(root: Path) -> Slot:
    """A slot of our own with no autosave in it (an unowned autosave is a crashed session: never written over).
    A slot this process holds already belongs to another session of this process: it is passed over too."""
    for n in range(1, MAX_SLOTS + 1):
        held = lock_path(root, n) in _HELD
        slot = None if held else take(root, n)
        if slot is None:
            continue
        if not os.path.lexists(slot.path):
            return slot
        if slot.locked:
            release(root, n)
    raise StoreError(f"{root / PROGRESS}: no free place for a session in progress")
