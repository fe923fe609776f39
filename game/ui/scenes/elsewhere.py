"""Save a finished session in another folder when the data folder's disk refuses it: a typed folder (the home
folder is filled in) or the home folder at once. Enter saves in the typed folder, Esc goes back."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from game.i18n import ui
from game.store import StoreError
from game.ui.savenotice import WARN
from game.ui.scenes.resume import NoticeScene, Prompt
from game.ui.widgets import TextField

if TYPE_CHECKING:
    from game.table import Table
    from game.ui.app import App


class ElsewhereScene(Prompt):
    def __init__(self, app: App, table: Table):
        lang = table.state.setup.language
        choices = [(wid, ui(key, lang)) for wid, key in
                   (("save", "elsewhere_save"), ("home", "elsewhere_home"), ("back", "elsewhere_back"))]
        self.instruction = ui("elsewhere_body", lang)
        super().__init__(app, ui("elsewhere_title", lang), self.instruction, choices, lang)
        self.table = table
        self.escape = "back"
        self.folder = TextField("folder", str(Path.home()), max_len=400)
        self.fields = (self.folder,)
        self.focus = "folder"

    @property
    def error(self) -> str:
        """Why the last try failed ("": none); said in the panel in place of the instruction."""
        return self.body if self.body_colour is not None else ""

    @error.setter
    def error(self, line: str) -> None:
        self.body = line or self.instruction
        self.body_colour = WARN if line else None

    def field_done(self, field_: TextField) -> bool:
        return self.activate("save")

    def activate(self, widget_id: str) -> bool:
        if widget_id == "back":
            self.app.pop(self)
        elif widget_id in ("save", "home"):
            folder = Path.home() if widget_id == "home" else Path(self.folder.value.strip() or "~").expanduser()
            try:
                path = self.table.save_to(folder)
            except StoreError as exc:
                why = str(exc).rsplit(": ", 1)[-1]  # the disk's own words; the folder is in the field above
                self.error = ui("elsewhere_failed", self.lang, reason=f"{folder} ({why})")
                return True
            self.app.save_error = ""
            self.app.replace(NoticeScene(self.app, "saved_title", ui("saved_in", self.lang, path=str(path)),
                                         self.lang))
        return True
