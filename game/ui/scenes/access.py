"""Reading and seeing: read each card aloud, larger text, high contrast; from the start screen and the menu.

Each button turns its setting at once (the screen behind is drawn in the new colours) and the choice is kept
in the data folder's settings file (game/settings.py).
"""

from __future__ import annotations

from game.i18n import ui
from game.ui.scenes.overlays import Dialog


class AccessScene(Dialog):
    title_key = "access_title"

    @property
    def body_key(self) -> str:  # type: ignore[override]
        """A line only when the settings file could not be written (the choice holds until the window closes)."""
        return "settings_not_kept" if self.app.settings_error else ""

    @property
    def choices(self) -> tuple[tuple[str, str], ...]:  # type: ignore[override]
        out = [("done", "access_done")]
        if self.app.voice.enabled:
            out.append(("read_aloud", "auto_read"))
        out.append(("text_size", "text_size"))
        out.append(("high_contrast", "contrast"))
        return tuple(out)

    def layout(self, size: tuple[int, int]) -> None:
        super().layout(size)
        s = self.app.settings
        lang = self.lang
        for w in self.widgets:
            if w.id in ("read_aloud", "high_contrast"):
                on = getattr(s, w.id)
                key = "auto_read" if w.id == "read_aloud" else "contrast"
                w.label = ui(key, lang, state=ui("on" if on else "off", lang).lower())
                w.selected = on
            elif w.id == "text_size":
                w.label = ui("text_size", lang, percent=s.text_size)
                w.selected = s.text_size > 100

    def activate(self, widget_id: str) -> bool:
        if widget_id == "done":
            self.app.pop(self)
        else:
            self.focus = widget_id  # the focus stays on the button just pressed
            self.app.change_setting(widget_id)
        return True
