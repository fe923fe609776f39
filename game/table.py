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
from game.store import StoreError, clear_progress, load_progress, progress_path, save_progress, save_summary


class Table:
    """Holds the state, applies actions, autosaves after each one and saves the summary at the end."""

    def __init__(self, deck: Deck, state: GameState, data_dir: Path | None, autosave: bool = True):
        self.deck = deck
        self.state = state
        self.data_dir = data_dir
        self.autosave = autosave and data_dir is not None
        self.summary: SessionSummary | None = None
        self.saved_to: Path | None = None

    @classmethod
    def start(cls, deck: Deck, setup: Setup, data_dir: Path | None, autosave: bool = True) -> Table:
        table = cls(deck, new_session(setup, deck, now()), data_dir, autosave)
        table._autosave()
        return table

    @classmethod
    def resume(cls, deck: Deck, data_dir: Path, autosave: bool = True) -> Table | None:
        """The session in progress autosaved in data_dir (same session id and start time), or None.

        A damaged or unmatching autosave is kept aside and raises store.DamagedProgress; show
        exc.message(lang) and start a new game. A session already at its end is finished (summary saved).
        """
        state = load_progress(data_dir, deck)
        if state is None:
            return None
        table = cls(deck, state, data_dir, autosave)
        if state.phase == Phase.DONE:
            table.finish()
        return table

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

        With "only show" the summary stays in memory: nothing is saved and the autosave is removed.
        """
        if self.summary is None:
            # A clock set back (or a session resumed on another machine) must not make the end unsavable.
            self.summary = build_summary(self.state, self.deck, max(now(), self.state.started_at))
        if self.data_dir is not None and self.only_show:
            try:
                clear_progress(self.data_dir)
            except OSError as exc:
                raise StoreError(f"{progress_path(self.data_dir)}: cannot be removed: {exc.strerror or exc}") from None
        elif self.data_dir is not None and self.saved_to is None:
            self.saved_to = save_summary(self.summary, self.data_dir)
            clear_progress(self.data_dir)
        return self.saved_to

    def _autosave(self) -> None:
        if self.autosave and self.data_dir is not None:
            save_progress(self.data_dir, self.state.model_dump_json())
