"""The start screen's "Telefoons" choice: team members (or the client in a conversation) choose on their own phone.

Only when the choice is on and a session starts is game.phones imported (it opens a socket); without it the
program stays without network code. Whether the extra is installed is looked up without importing it.
"""

from __future__ import annotations

from importlib.util import find_spec
from typing import TYPE_CHECKING

from game.i18n import ui
from game.kinds import Mode

if TYPE_CHECKING:
    from game.ui.app import App

PHONE_MODES = (Mode.TEAM, Mode.CONVERSATION)  # in a conversation: the client's seat
EXTRA = ("aiohttp", "segno")


def missing() -> str | None:
    """The first package of the phones extra that is not installed (None: all there)."""
    return next((name for name in EXTRA if find_spec(name) is None), None)


def group(mode: Mode, on: bool, lang: str) -> tuple[str, list[tuple[str, str, bool]] | str]:
    """The choice for the start screen: its label key and its two buttons (off, on), or the one line that says
    what to install first."""
    key = "start_phones_team" if mode == Mode.TEAM else "start_phones_client"
    if missing():
        return key, ui("start_phones_missing", lang)
    return key, [("phones:off", ui("off", lang), not on), ("phones:on", ui("on", lang), on)]


def use(app: App, on: bool) -> None:
    """A session starts: open the link for phones (the first time it is asked for), or put it to rest."""
    if on and app.phones is None:
        from game.phones.link import PhoneLink, lan_address

        app.phones = PhoneLink(lan_address())
    if app.phones is not None:
        app.phones.wanted = on
