"""The room and the host without a browser: seats, secrets, the code limit, the laptop taking over."""

from __future__ import annotations

import pytest

pytest.importorskip("aiohttp")

from play_helpers import team_setup  # noqa: E402

from game.engine import Continue, Phase  # noqa: E402
from game.phones import room as room_module  # noqa: E402
from game.phones.host import PhoneHost  # noqa: E402
from game.phones.room import Room  # noqa: E402
from game.table import Table  # noqa: E402


def test_a_seat_is_held_by_its_secret_and_the_lock_keeps_new_phones_out():
    room = Room.for_players([("p1", "A"), ("p2", "B"), ("p3", "C")])
    assert len(room.token) >= 32 and len(room.code) == 6
    secret = room.join("p1")
    assert secret and room.join("p1") is None and room.join("p9") is None
    assert room.seat_of(secret) == "p1" and room.seat_of("guess") is None
    room.lock()
    assert room.join("p2") is None and room.seat_of(secret) == "p1"  # a rejoin still works
    room.release("p1")
    assert room.seat_of(secret) is None
    room.close()
    assert not room.token_ok(room.token) and room.try_code("a", room.code) is False


def test_wrong_codes_are_limited_per_address_and_come_back_slowly(monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(room_module.time, "monotonic", lambda: clock[0])
    room = Room.for_players([("p1", "A")])
    assert [room.try_code("x", "WRONG1") for _ in range(6)] == [False] * 5 + [None]
    assert room.try_code("x", room.code) is None  # even the right code waits
    assert room.try_code("y", room.code.lower()) is True  # another phone is not held up
    clock[0] += room_module.CODE_REFILL_S
    assert room.try_code("x", room.code) is True


def test_phones_choose_together_and_the_laptop_takes_over_the_rest(tmp_path, deck):
    table = Table.start(deck, team_setup(4, seed=2, features=["binding"]), tmp_path / "data")
    host = PhoneHost(table, "127.0.0.1")
    try:
        for seat in ("p1", "p2", "p3"):
            host.room.join(seat)
            host.room.set_online(seat, True)
        table.do(Continue())
        table.do(Continue())
        host.inbox.put(("choose", "p1", 2))
        host.inbox.put(("choose", "p2", None))
        host.inbox.put(("choose", "p2", 5))  # changed
        host.pump()
        assert table.state.current.estimates == {} and host.chosen() == {"p1": True, "p2": True, "p3": False}
        host.to_laptop()
        assert {p: e.value for p, e in table.state.current.estimates.items()} == {"p1": 2, "p2": 5}
        assert host.waiting_phones() == [] and table.state.waiting_for() == ["p3", "p4"]
        host.inbox.put(("choose", "p3", 4))  # too late: the laptop has it
        host.pump()
        assert table.phase == Phase.ESTIMATE and "p3" not in table.state.current.estimates
        assert host.phone_view("p3")["locked"] is True
    finally:
        host.close()
