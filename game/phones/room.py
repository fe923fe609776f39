"""The room: the join token and code, the seats and their secrets, and the limit on wrong codes. No network.

The server thread and the window's thread both use a Room; every method takes its lock.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from dataclasses import dataclass, field

CODE_ALPHABET = "ACDEFHJKLMNPRTUVWXY34679"  # no 0/O, 1/I, 2/Z, 5/S, 8/B: easy to read and type
CODE_LENGTH = 6
TOKEN_BYTES = 24  # 192 bits in the QR link
CODE_TRIES = 5  # wrong codes one address may try at once ...
CODE_REFILL_S = 10.0  # ... then one more every 10 s


def _digest(secret: str) -> bytes:
    return hashlib.sha256(secret.encode("utf-8", "replace")).digest()


@dataclass
class Seat:
    id: str
    name: str
    secret: bytes | None = None  # sha256 of the phone's secret; None while the seat is free
    online: bool = False


@dataclass
class Room:
    """Seats for the players of one session; a phone holds a seat by its secret (kept in sessionStorage)."""

    seats: dict[str, Seat]
    token: str = field(default_factory=lambda: secrets.token_urlsafe(TOKEN_BYTES))
    code: str = field(default_factory=lambda: "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH)))
    locked: bool = False  # the session has started: no new phones, only rejoins
    closed: bool = False
    version: int = 0  # goes up whenever who has joined changes (the join screen redraws)
    _tries: dict[str, tuple[float, float]] = field(default_factory=dict)  # address -> (tokens, time)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def for_players(cls, players: list[tuple[str, str]]) -> Room:
        return cls({pid: Seat(pid, name) for pid, name in players})

    def token_ok(self, token: str) -> bool:
        return not self.closed and hmac.compare_digest(token.encode(), self.token.encode())

    def try_code(self, address: str, code: str) -> bool | None:
        """True: the right code; False: wrong; None: too many wrong codes from this address, try later."""
        now = time.monotonic()
        with self._lock:
            tokens, since = self._tries.get(address, (CODE_TRIES, now))
            tokens = min(CODE_TRIES, tokens + (now - since) / CODE_REFILL_S)
            if tokens < 1:
                self._tries[address] = (tokens, now)
                return None
            typed = "".join(code.split()).upper()[:16]
            ok = not self.closed and hmac.compare_digest(typed.encode(), self.code.encode())
            self._tries[address] = (tokens if ok else tokens - 1, now)
            if len(self._tries) > 1000:  # an address flood must not grow memory without end
                self._tries.clear()
            return ok

    def join(self, seat_id: str) -> str | None:
        """Take a free seat: the new secret for the phone, or None (taken, unknown, locked or closed)."""
        with self._lock:
            seat = self.seats.get(seat_id)
            if seat is None or seat.secret is not None or self.locked or self.closed:
                return None
            secret = secrets.token_urlsafe(TOKEN_BYTES)
            seat.secret = _digest(secret)
            self.version += 1
            return secret

    def seat_of(self, secret: str) -> str | None:
        """The seat this secret holds (a phone that reloaded or woke up), or None."""
        digest = _digest(secret)
        with self._lock:
            if self.closed:
                return None
            return next(
                (s.id for s in self.seats.values() if s.secret and hmac.compare_digest(s.secret, digest)), None
            )

    def set_online(self, seat_id: str, online: bool) -> None:
        with self._lock:
            seat = self.seats[seat_id]
            if seat.online != online:
                seat.online = online
                self.version += 1

    def release(self, seat_id: str) -> None:
        """The host removes a phone: the seat is free again (its old secret no longer works)."""
        with self._lock:
            seat = self.seats[seat_id]
            seat.secret, seat.online = None, False
            self.version += 1

    def lock(self) -> None:
        with self._lock:
            self.locked = True

    def close(self) -> None:
        with self._lock:
            self.closed = True
            self.version += 1

    def listing(self) -> list[dict[str, object]]:
        """The seats for a phone that holds the token: id, name and whether taken (nothing else)."""
        with self._lock:
            return [{"id": s.id, "name": s.name, "taken": s.secret is not None} for s in self.seats.values()]

    def joined(self) -> dict[str, bool]:
        """Per seat: taken by a phone, and that phone online now? (for the projector)."""
        with self._lock:
            return {s.id: s.secret is not None and s.online for s in self.seats.values() if s.secret is not None}
