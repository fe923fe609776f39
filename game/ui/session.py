"""The app's glue to the session in progress (a Table): resume an autosave, send actions, quit or ask first.

A part of App (game.ui.app), kept apart so the loop reads on its own; the table and the engine are imported when
first needed (the start screen opens without them).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from game.paths import PROGRESS

if TYPE_CHECKING:
    from pathlib import Path

    from game.engine import Action
    from game.table import Table
    from game.ui.prefs import Prefs
    from game.ui.savenotice import SaveNotice
    from game.ui.scene import Scene


class SessionActions:
    """What App does with the session: resume, do, quit, ask_quit (App holds the state these use)."""

    data_dir: Path | None
    lang: str
    table: Table | None
    save_error: str
    notice: SaveNotice
    told_other_window: bool
    prefs: Prefs
    running: bool
    stack: list[Scene]

    def offer_resume(self) -> bool:
        """A session left open by a crash or a killed process: ask to resume it (never start over it).

        A damaged autosave has been kept aside by the store: its one line is shown and the game starts.
        True when a question or a message was put on the screen.
        """
        if self.data_dir is None or not os.path.lexists(self.data_dir / PROGRESS):
            return False  # a first start: nothing to offer
        from game.i18n import ui
        from game.store import DamagedProgress, StoreError
        from game.table import Table
        from game.ui.scenes import resume

        try:
            mine = tuple(t.slot.n for t in (self.table, self.notice.table) if t is not None and t.slot is not None)
            table = Table.resume(self.deck, self.data_dir, skip=mine)
            others = Table.others(self.data_dir) if table is None else 0
        except DamagedProgress as exc:
            self.push(resume.NoticeScene(self, "damaged_title", exc.message(self.lang)))
            return True
        except StoreError as exc:
            self.push(resume.NoticeScene(self, "store_title", str(exc).splitlines()[0]))
            return True
        if table is None:
            if others and not self.told_other_window:  # never offered, never touched: it is theirs
                self.told_other_window = True
                self.push(resume.NoticeScene(self, "other_window_title", ui("other_window_body", self.lang)))
                return True
            return False
        if table.problem is not None:
            self.table = table  # its end could not be saved now: keep it in memory, the notice offers a retry
            self.push(resume.NoticeScene(self, "store_title", str(table.problem)))
        elif table.saved_to is not None or table.summary is not None:
            self.push(resume.finished_notice(self, table))  # it had reached its end: only the summary was due
        else:
            self.push(resume.ResumeScene(self, table))
        return True

    def resume_session(self, table: Table) -> None:
        """Go on with a session from its autosave, at the screen where it stopped."""
        from game.ui.scenes.table import TableScene

        self.table = table
        self.save_error = ""
        self.reset(TableScene(self))

    @property
    def in_session(self) -> bool:
        from game.engine import Phase

        return self.table is not None and self.table.phase != Phase.DONE

    def do(self, action: Action) -> bool:
        """Send an action to the session; a summary that cannot be saved is noted, not a crash."""
        if self.table is None:
            return False
        from game.store import StoreError

        try:
            done = self.table.do(action)
            problem = self.table.problem  # a disk that refused the save: shown by the notice, tried again later
            self.save_error = str(problem) if problem is not None else ""
            return done
        except StoreError as exc:
            self.save_error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            return True
        finally:
            if not self.in_session:
                self.prefs.forget_people()  # the session is over: the next start screen shows no one

    def quit(self, force: bool = False) -> None:
        """Close the window; a session in progress stays in its autosave (no summary is written). While a save
        has failed, first ask (asked already, or force: close)."""
        from game.ui.scenes.unsaved import UnsavedQuitScene

        if not force and self.notice.shown and not isinstance(self.top, UnsavedQuitScene):
            self.push(UnsavedQuitScene(self))
            return
        self.running = False

    def ask_quit(self) -> None:
        from game.ui.scenes.overlays import PauseScene, QuitScene, quit_keeping
        from game.ui.scenes.unsaved import UnsavedQuitScene

        if isinstance(self.top, UnsavedQuitScene):
            self.quit(force=True)  # asked already: the close button again means it
        elif not self.in_session:
            self.quit()
        elif isinstance(self.top, QuitScene):
            quit_keeping(self)  # the close button twice: the user means it; the autosave keeps everything
        else:
            if isinstance(self.top, PauseScene):
                self.pop()  # one question at a time, over the table
            self.push(QuitScene(self))
