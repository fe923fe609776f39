"""The window's hook for phones (`play --phones`): a room opens when a team session starts and closes when it ends.

App.step calls pump(app) every turn of the loop: phone messages become actions there, in the window's thread.
"""

from __future__ import annotations

import socket
import sys
from typing import TYPE_CHECKING

from game.engine import Phase
from game.model.session import Mode

if TYPE_CHECKING:
    from game.phones.host import PhoneHost
    from game.ui.app import App


def lan_address() -> str:
    """The address of the interface the default route goes out on; loopback when there is none.

    Connecting a UDP socket sends nothing: it only asks the system which address it would send from.
    """
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed to anyone
            return s.getsockname()[0]
    except OSError:
        return "127.0.0.1"


def check_address(address: str) -> None:
    """Raise OSError when this computer cannot listen on address (it is not one of its own)."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.bind((address, 0))


class PhoneLink:
    """Opens a PhoneHost for each team session of the window and closes it at the session's end."""

    def __init__(self, address: str, port: int = 0):
        self.address = address
        self.port = port
        self.host: PhoneHost | None = None
        self._seen: object = None  # the table a room was opened for
        self.error = ""
        self.wanted = True  # the start screen turns phones off for the next session

    def pump(self, app: App) -> bool:
        """True when the window must redraw."""
        table = app.table
        if self.host is not None and (table is not self.host.table or table.phase == Phase.DONE):
            self.close()
        if table is not None and table is not self._seen and table.phase != Phase.DONE:
            self._seen = table
            setup = table.state.setup
            if self.wanted and (setup.mode == Mode.TEAM or (setup.mode == Mode.CONVERSATION and not setup.guess_other)):
                return self._open(app)
        return self.host.pump() if self.host is not None else False

    def _open(self, app: App) -> bool:
        from game.phones.host import PhoneHost
        from game.ui.scenes.phones import JoinScene

        try:
            self.host = PhoneHost(app.table, self.address, self.port, act=app.do)
        except OSError as exc:
            self.error = str(exc).splitlines()[0]
            print(f"phones: {self.error}", file=sys.stderr)
            return False
        print(f"phones: {self.host.join_url}  code {self.host.room.code}", flush=True)
        app.push(JoinScene(app, self.host))
        return True

    def waiting(self) -> bool:
        """Some players still to choose hold a phone: the projector waits for them (no hand-over)."""
        return self.host is not None and bool(self.host.waiting_phones())

    def close(self) -> None:
        if self.host is not None:
            self.host.close()
            self.host = None
