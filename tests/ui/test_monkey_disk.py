"""The monkey (tests/ui/test_monkey.py) once more, with the data folder on a small disk that fills up mid-run:
no exception, the game goes on with the session in memory (the notice says so), nothing on disk is damaged,
and once the disk has room again the sessions are saved. A real tmpfs where this user may mount one, else
ENOSPC injected at the OS calls below the data folder."""

from __future__ import annotations

import random
from datetime import timedelta
from unittest.mock import patch

import pygame
import pytest
from disk_helpers import Disk, fill, small_tmpfs

from game.engine import GameState, Phase
from game.store import load_summary, progress_path
from tests.ui import test_monkey as base
from tests.ui.test_history_ui import JD12, NOTES, T0, played
from tests.ui.test_monkey import Monkey

SEED = 20_261_130
BEFORE, WHILE_FULL, AFTER = 1500, 3000, 1500


class FullDiskMonkey(Monkey):
    """The monkey's checks, except that while a save fails the autosave may lag behind (never damaged)."""

    slots: dict = {}  # table -> the autosave slot it had (kept: a finished table gives its slot up)

    def check(self) -> None:
        table = self.app.table
        if table is None or table.problem is None:
            # a session started while another one's end was still unsaved has an autosave slot of its own
            if table is not None and table.slot is not None:
                self.slots[table] = table.slot.path  # remembered: a finished table gives its slot up
            slot = self.slots.get(table) if table is not None else None
            with patch.object(base, "progress_path", lambda root: slot or progress_path(root)):
                super().check()
            return
        self.seen["unsaved step"] += 1
        if table.state.phase != Phase.DONE:
            self.seen[f"unsaved in {table.state.phase.value}"] += 1
        if table.slot is not None:
            self.slots[table] = table.slot.path
        autosave = self.slots.get(table, progress_path(self.data))
        if autosave.exists():
            GameState.model_validate_json(autosave.read_bytes())  # an older state, but whole
        assert self.app.notice.shown, "a failed save is on the screen"


def test_the_monkey_on_a_disk_that_fills_up_mid_run(deck, tmp_path, monkeypatch):
    with small_tmpfs(tmp_path / "disk", "512k") if _can_mount(tmp_path) else _injected(tmp_path, monkeypatch) as d:
        data = d / "data" if not isinstance(d, Disk) else tmp_path / "data"
        for i, (values, notes) in enumerate(zip(JD12, NOTES, strict=True)):
            played(deck, data, "JD-12", T0 + timedelta(weeks=3 * i), values, notes)
        monkey = FullDiskMonkey(deck, data, random.Random(SEED))
        monkey.run(BEFORE)
        saved_before = set((data / "sessions").glob("*.json"))
        filler = d.full() if isinstance(d, Disk) else fill(d)
        monkey.run(WHILE_FULL)  # no exception: every step is checked
        seen = monkey.seen
        assert seen["unsaved step"] > 200, seen
        assert sum(n for k, n in seen.items() if k.startswith("unsaved in estimate")) > 0, "estimates went on"
        assert set((data / "sessions").glob("*.json")) == saved_before, "nothing saved, nothing damaged"
        print({k: n for k, n in seen.items() if k.startswith(("unsaved", "restart", "on Summary", "on Else"))})
        d.free() if isinstance(d, Disk) else filler.unlink()
        monkey.run(AFTER)
        for path in (data / "sessions").glob("*.json"):
            load_summary(path)
        assert len(set((data / "sessions").glob("*.json"))) > len(saved_before), "saving works again"
    pygame.display.quit()


def _can_mount(tmp_path) -> bool:
    import subprocess

    probe = tmp_path / "probe"
    probe.mkdir()
    ok = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4k", "tmpfs", str(probe)], capture_output=True)
    if ok.returncode == 0:
        subprocess.run(["umount", str(probe)], capture_output=True)
    return ok.returncode == 0


class _injected:
    def __init__(self, tmp_path, monkeypatch: pytest.MonkeyPatch):
        self.disk = Disk(tmp_path / "data", monkeypatch)

    def __enter__(self) -> Disk:
        return self.disk

    def __exit__(self, *exc) -> None:
        self.disk.free()
