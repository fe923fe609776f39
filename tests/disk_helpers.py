"""Disks that refuse: a small real tmpfs (when this user may mount one), or the OS calls below a folder made to
fail with ENOSPC (full) or EROFS (read-only), injected at the level of os.write / os.open / os.mkdir …"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC


def _where(path, dir_fd=None) -> str:
    path = os.fsdecode(path)
    if dir_fd is not None and not os.path.isabs(path):
        path = os.path.join(os.readlink(f"/proc/self/fd/{dir_fd}"), path)
    return os.path.abspath(path)


def _fd_path(fd: int) -> str:
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return ""


class Disk:
    """Below `root` the disk can be made full or read-only, and freed again, while a test runs."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch):
        self.root = str(root.resolve()) if root.exists() else str(root.absolute())
        self.mode = ""  # "", "full" or "readonly"
        self.refused = 0  # how many calls were refused
        real = {name: getattr(os, name) for name in
                ("write", "open", "mkdir", "replace", "rename", "link", "unlink", "fchmod", "chmod", "fsync")}
        self.real = real

        def below(where: str) -> bool:
            return where == self.root or where.startswith(self.root + os.sep)

        def refuse(code: int):
            self.refused += 1
            raise OSError(code, os.strerror(code))

        def write(fd, data):
            if self.mode and below(_fd_path(fd)):
                refuse(errno.ENOSPC if self.mode == "full" else errno.EROFS)
            return real["write"](fd, data)

        def fsync(fd):
            if self.mode == "full" and below(_fd_path(fd)) and not os.path.isdir(_fd_path(fd)):
                refuse(errno.ENOSPC)
            return real["fsync"](fd)

        def open_(path, flags, mode=0o777, *, dir_fd=None):
            if self.mode == "readonly" and flags & _WRITE_FLAGS and below(_where(path, dir_fd)):
                refuse(errno.EROFS)
            return real["open"](path, flags, mode, dir_fd=dir_fd)

        def changing(name):
            def call(*args, **kwargs):
                if self.mode == "readonly":
                    first = args[0]
                    where = _fd_path(first) if isinstance(first, int) else _where(
                        first, kwargs.get("dir_fd", kwargs.get("src_dir_fd")))
                    if below(where):
                        refuse(errno.EROFS)
                return real[name](*args, **kwargs)
            return call

        monkeypatch.setattr(os, "write", write)
        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(os, "open", open_)
        for name in ("mkdir", "replace", "rename", "link", "unlink", "fchmod", "chmod"):
            monkeypatch.setattr(os, name, changing(name))

    def full(self) -> None:
        self.mode = "full"

    def read_only(self) -> None:
        self.mode = "readonly"

    def free(self) -> None:
        self.mode = ""


@contextlib.contextmanager
def small_tmpfs(folder: Path, size: str = "64k") -> Iterator[Path]:
    """A real tmpfs of `size` mounted on `folder` (skips the test where mounting is not allowed)."""
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill(folder: Path) -> Path:
    """Fill the file system `folder` is on to the last byte; returns the filler file (remove it to free)."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as fh:
        for chunk in (4096, 1):  # whole blocks, then the last bytes
            with contextlib.suppress(OSError):
                while fh.write(b"\0" * chunk):
                    pass
    return filler


def remount(folder: Path, mode: str) -> None:
    """Remount a tmpfs from small_tmpfs read-only ("ro") or writable ("rw")."""
    subprocess.run(["mount", "-o", f"remount,{mode}", str(folder)], check=True, capture_output=True)
