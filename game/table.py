"""A session in progress: the engine state and deck, what every action leaves behind, and the end."""

from __future__ import annotations

from pathlib import Path

from game.engine import (
    Action,
    GameState,
    IllegalAction,
    Phase,
    PlayerView,
    apply,
    build_summary,
    new_session,
    player_view,
)
from game.model.deck import Deck
from game.model.session import Keep, SessionSummary, Setup, now
from game.owner import Slot, free_slot, owned_elsewhere, slots_on_disk, take
from game.store import (
    StoreError,
    check_progress_folder,
    clean_stale,
    clear_progress,
    load_progress,
    save_progress,
    save_summary,
    summary_bytes,
    summary_filename,
    write_new,
)


class Table:
    """Holds the state, applies actions, autosaves after each one and saves the summary at the end.

    A disk that refuses a save (full, read-only, a data folder that is a file) never stops the game: the state
    stays in memory, `problem` holds the one-line error, and the next action (or save_again) tries again.
    The autosave slot is this process's own (game.owner): another window never writes it.
    """

    def __init__(self, deck: Deck, state: GameState, data_dir: Path | None, autosave: bool = True,
                 slot: Slot | None = None):
        self.deck = deck
        self.state = state
        self.data_dir = data_dir
        self.autosave = autosave and data_dir is not None
        self.summary: SessionSummary | None = None
        self.saved_to: Path | None = None
        self.slot = slot
        self.problem: StoreError | None = None  # the last save that failed; None when all is on disk

    @classmethod
    def start(cls, deck: Deck, setup: Setup, data_dir: Path | None, autosave: bool = True) -> Table:
        table = cls(deck, new_session(setup, deck, now()), data_dir, autosave)
        table._autosave()
        return table

    @classmethod
    def resume(cls, deck: Deck, data_dir: Path, autosave: bool = True, skip: tuple[int, ...] = ()) -> Table | None:
        """A session in progress autosaved in data_dir (same session id and start time) that no living process
        owns, or None (slots in `skip` are this window's own). Temporary files left by a killed write are
        removed first.

        A damaged or unmatching autosave is kept aside and raises store.DamagedProgress; show
        exc.message(lang) and start a new game. A session already at its end is finished (summary saved).
        """
        check_progress_folder(data_dir)
        clean_stale(data_dir)
        for n in slots_on_disk(data_dir):
            slot = None if n in skip else take(data_dir, n)
            if slot is None:
                continue  # another window plays it
            try:
                state = load_progress(data_dir, deck, n)
            except StoreError:
                slot.release()
                raise
            if state is None:
                slot.release()
                continue
            table = cls(deck, state, data_dir, autosave, slot)
            if state.phase == Phase.DONE:
                table.finish()
            return table
        return None

    @staticmethod
    def others(data_dir: Path) -> int:
        """How many sessions in progress in data_dir other living processes (windows) own."""
        return sum(owned_elsewhere(data_dir, n) for n in slots_on_disk(data_dir))

    @property
    def phase(self) -> Phase:
        return self.state.phase

    @property
    def only_show(self) -> bool:
        """The pair chose "only show": the end writes nothing under sessions/ and removes the autosave."""
        return self.state.setup.keep == Keep.SHOW

    def can(self, action: Action) -> bool:
        try:
            apply(self.state, action, self.deck)
        except IllegalAction:
            return False
        return True

    def do(self, action: Action) -> bool:
        """Apply an action; False (and nothing changes) when the rules do not allow it."""
        try:
            self.state = apply(self.state, action, self.deck)
        except IllegalAction:
            return False
        if self.state.phase == Phase.DONE:
            self.finish()
        else:
            self._autosave()
        return True

    def view(self, viewer: str | None) -> PlayerView:
        case = self.deck.case(self.state.case_id).client_view if self.state.case_id else None
        return player_view(self.state, viewer, case)

    def finish(self) -> Path | None:
        """Build and save the summary (once); the autosave is removed only after the save succeeded.
        None (and `problem` set) when the disk refused it: the summary stays in memory.

        With "only show" the summary stays in memory: nothing is saved and the autosave is removed
        (StoreError when the disk refuses that: the window says so in one line).
        """
        if self.summary is None:
            # A clock set back (or a session resumed on another machine) must not make the end unsavable.
            self.summary = build_summary(self.state, self.deck, max(now(), self.state.started_at))
        if self.data_dir is not None and self.only_show:
            self.problem = None  # an autosave that failed on the way is no longer due: nothing is to be kept
            if self.slot is not None:
                clear_progress(self.data_dir, self.slot.n)
                self.release()
        elif self.data_dir is not None and self.saved_to is None:
            try:
                self.saved_to = save_summary(self.summary, self.data_dir)
            except StoreError as exc:
                self.problem = exc
                return None
            self._saved()
        return self.saved_to

    def save_again(self) -> bool:
        """Try the failed save once more (the summary at the end, else the autosave); True when all is on disk."""
        if self.state.phase == Phase.DONE:
            self.finish()
        else:
            self._autosave()
        return self.problem is None

    def save_to(self, folder: Path) -> Path:
        """Save the summary in another folder (the data folder's disk is full or read-only); StoreError else."""
        if self.summary is None:
            self.finish()
        assert self.summary is not None
        target = write_new(folder / f"werkalliantie-{summary_filename(self.summary)}", summary_bytes(self.summary))
        self.saved_to = target
        self._saved()
        return target

    def release(self) -> None:
        """Give up the autosave slot (the window closes or turns to another session)."""
        if self.slot is not None:
            self.slot.release()
            self.slot = None

    def _saved(self) -> None:
        """The summary is on disk: the autosave has done its work."""
        self.problem = None
        if self.data_dir is not None and self.slot is not None:
            try:
                clear_progress(self.data_dir, self.slot.n)
            except StoreError:
                pass  # left behind: next time one whose summary is in sessions/ is recognised and removed
        self.release()

    def _autosave(self) -> None:
        if not (self.autosave and self.data_dir is not None):
            return
        try:
            if self.slot is None:
                self.slot = free_slot(self.data_dir)
            save_progress(self.data_dir, self.state.model_dump_json(), self.slot.n)
        except StoreError as exc:
            self.problem = exc
        else:
            self.problem = None
