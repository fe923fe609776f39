"""Closing the window while a save has failed: say that it is not stored yet and offer to try again first."""

from __future__ import annotations

from game.ui.scenes.overlays import Dialog, QuitScene


class UnsavedQuitScene(Dialog):
    """Enter and Esc go back to the game; "Save again" closes once it worked; "Close anyway" closes."""

    title_key = "unsaved_title"
    body_key = "unsaved_body"
    choices = (("go_on", "go_on"), ("save_again", "save_again"), ("quit", "unsaved_quit"))

    def back_to_game(self) -> None:
        """Close this question and the "quit?" question under it."""
        asked = self.app.find(QuitScene)
        self.app.pop(asked if asked is not None else self)

    def activate(self, widget_id: str) -> bool:
        if widget_id == "go_on":
            self.back_to_game()
        elif widget_id == "save_again":
            self.app.notice.act("save_again")
            if self.app.notice.shown:
                self.back_to_game()  # still refused: the line over the title says so
            else:
                self.app.quit(force=True)
        elif widget_id == "quit":
            self.app.quit(force=True)
        return True
