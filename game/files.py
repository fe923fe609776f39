"""Private files: folders 0700 whatever the umask, files 0600, atomic writes, no link followed inside the data
directory, and one error type (StoreError) for every file problem, a full or read-only disk included."""

from __future__ import annotations

import errno
import os
import re
import secrets
import time
from pathlib import Path

MAX_LINE = 300
TEMP_SUFFIX = ".tmp"
STALE_SECONDS = 3600  # a temporary file this old is left over whoever made it (a write takes milliseconds)


def one_line(text: str, limit: int = MAX_LINE) -> str:
    """Control characters escaped and the length capped, so a message from odd input stays one short line."""
    flat = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def shorten(text: str, word: int = 120, limit: int = 400) -> str:
    """One line in which every very long word (a path, a pasted argument) keeps only its start and its end."""
    half = word // 2
    words = [w if len(w) <= word else f"{w[:half]}…{w[-half + 1:]}" for w in one_line(text, 10**9).split(" ")]
    return one_line(" ".join(words), limit)


class StoreError(Exception):
    """A file that cannot be read or written; str() is one line naming the file."""

    def __init__(self, message: str):
        super().__init__(shorten(message, limit=max(MAX_LINE, len(message.split(": ", 1)[0][:120]) + 100)))


class DiskError(StoreError):
    """The disk refused a write or a delete (full, read-only, gone, no permission): `errno` says which."""

    def __init__(self, path: Path | str, exc: OSError, doing: str = "cannot be written"):
        super().__init__(f"{path}: {doing}: {exc.strerror or exc}")
        self.path = Path(path)
        self.errno = exc.errno


class LinkRefused(StoreError):
    """A link inside the data directory: the program neither follows nor removes it."""

    def __init__(self, path: Path):
        super().__init__(f"{path}: is a link; links inside the data folder are not followed")
        self.path = path


_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC


def _check_link(path: Path, exc: OSError) -> None:
    if exc.errno in (errno.ELOOP, errno.ENOTDIR) and os.path.islink(path):
        raise LinkRefused(path) from None


def open_folder(folder: Path, root: Path | None = None, create: bool = False) -> int:
    """A descriptor of `folder`. Below `root` no part may be a link (each is opened with O_NOFOLLOW);
    with create=True missing folders are made, each mode 0700. Raises OSError or LinkRefused."""
    if root is None:
        if create:
            make_private(folder)
        return os.open(folder, _DIR_FLAGS)
    if create:
        make_private(root)
    fd = os.open(root, _DIR_FLAGS)
    at = root
    try:
        for part in folder.relative_to(root).parts:
            at = at / part
            if create:
                try:
                    os.mkdir(part, 0o700, dir_fd=fd)
                except FileExistsError:
                    pass
            try:
                nfd = os.open(part, _DIR_FLAGS | os.O_NOFOLLOW, dir_fd=fd)
            except OSError as exc:
                _check_link(at, exc)
                raise
            os.close(fd)
            fd = nfd
            if create:
                os.fchmod(fd, 0o700)
    except BaseException:
        os.close(fd)
        raise
    return fd


def make_private(path: Path) -> None:
    """Create `path` and its missing parents, every folder made here mode 0700 whatever the umask; an existing
    `path` is made 0700 too (its parents are left as they are)."""
    missing: list[Path] = []
    at = path
    while not os.path.lexists(at) and at != at.parent:
        missing.append(at)
        at = at.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            pass
        os.chmod(folder, 0o700)  # the umask may have taken bits away (0o500 under umask 0222)
    if not missing:
        os.chmod(path, 0o700)


def private_dir(path: Path, root: Path | None = None) -> Path:
    """Create `path` (and parents) if needed, mode 0700; below `root` no link is followed. StoreError else."""
    try:
        os.close(open_folder(path, root, create=True))
    except StoreError:
        raise
    except OSError as exc:
        raise DiskError(path, exc, "cannot create folder") from None
    return path


def temp_name(name: str) -> str:
    """`.NAME.PID.RANDOM.tmp`: the process id says whether the writer may still be at work."""
    return f".{name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}"


# .NAME.PID.RANDOM.tmp (this program), .NAME.RANDOM.tmp (older versions: tempfile.mkstemp)
_TEMP = re.compile(r"^\..+?\.(?:(?P<pid>\d+)\.)?[A-Za-z0-9_]{6,16}\.tmp$")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # this process writes one file at a time and never leaves one behind
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists (another user's process)
    return True


def stale_temp_files(folder: Path) -> list[Path]:
    """Temporary files in `folder` whose writer is gone (killed during a write) or that are old."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    out = []
    now = time.time()
    for name in names:
        m = _TEMP.match(name)
        if not m:
            continue
        path = folder / name
        try:
            old = now - os.lstat(path).st_mtime > STALE_SECONDS
        except OSError:
            continue
        if old or m.group("pid") is None or not _alive(int(m.group("pid"))):
            out.append(path)
    return out


def atomic_write(path: Path, data: bytes, *, replace: bool = True, root: Path | None = None) -> None:
    """Write via a temporary file in the same folder, fsync, then rename; the file is mode 0600.

    With replace=False an existing file is never touched (StoreError instead). Below `root` no link is
    followed. Every failure, a full or read-only disk too, is a StoreError; the old file stays as it was.
    """
    dir_fd = _folder_of(path, root, "cannot be written")
    tmp = temp_name(path.name)
    try:
        _write_in(dir_fd, tmp, path.name, data, replace)
    except FileExistsError:
        raise StoreError(f"{path}: already exists, not overwritten") from None
    except OSError as exc:
        raise DiskError(path, exc) from None
    finally:
        try:
            os.unlink(tmp, dir_fd=dir_fd)
        except OSError:
            pass
        os.close(dir_fd)


def _write_in(dir_fd: int, tmp: str, name: str, data: bytes, replace: bool) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    fd = os.open(tmp, flags, 0o600, dir_fd=dir_fd)
    try:
        os.fchmod(fd, 0o600)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)
    if replace:
        os.replace(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)  # a link named `name` is replaced, not followed
    else:
        os.link(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd, follow_symlinks=False)  # fails if it exists
    os.fsync(dir_fd)


def write_new(path: Path, data: bytes, root: Path | None = None) -> Path:
    """Write atomically to `path`, or to NAME-2, NAME-3, … when it exists; an existing file is never touched."""
    for n in range(1, 100):
        target = path if n == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")
        try:
            atomic_write(target, data, replace=False, root=root)
            return target
        except (DiskError, LinkRefused):
            raise
        except StoreError:
            continue
    raise StoreError(f"{path.parent}: no free file name for {path.name}")


def remove(path: Path, root: Path | None = None) -> bool:
    """Unlink one file; a link below `root` is refused (LinkRefused), a disk error is a DiskError.
    False when it was not there."""
    try:
        dir_fd = _folder_of(path, root, "cannot be removed")
    except DiskError as exc:
        if exc.errno == errno.ENOENT:
            return False
        raise
    try:
        if root is not None and os.path.islink(path):
            raise LinkRefused(path)
        os.unlink(path.name, dir_fd=dir_fd)
        os.fsync(dir_fd)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise DiskError(path, exc, "cannot be removed") from None
    finally:
        os.close(dir_fd)
    return True


def _folder_of(path: Path, root: Path | None, doing: str) -> int:
    """A descriptor of the folder `path` is in (see open_folder); StoreError when it cannot be opened."""
    try:
        return open_folder(path.parent, root)
    except OSError as exc:
        raise DiskError(path, exc, doing) from None


def fsync_dir(folder: Path) -> None:
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


def inside(path: Path, folder: Path) -> bool:
    """Whether `path` (a file that may not exist yet) is `folder` or lies below it, links resolved."""
    try:
        path = path.expanduser().resolve()
        folder = folder.expanduser().resolve()
    except (OSError, RuntimeError):
        return False
    return path == folder or folder in path.parents
