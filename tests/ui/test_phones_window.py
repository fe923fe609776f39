"""`play --mode team --phones` in the window (SDL dummy driver): the join screen, phones choose, the reveal."""

from __future__ import annotations

import pytest

pytest.importorskip("aiohttp")

from game.engine import Phase  # noqa: E402
from game.phones.link import PhoneLink  # noqa: E402
from game.ui.scenes.phones import JoinScene, PhoneWaitScene  # noqa: E402
from game.ui.scenes.table import TableScene  # noqa: E402
from tests.phones.phone_client import FakePhone  # noqa: E402
from tests.ui.conftest import saved_summaries  # noqa: E402
from tests.ui.test_team_sessions import shown, start_in  # noqa: E402

VALUES = [3, 5, 1, 4]


def steps_until(d, condition, turns: int = 2000) -> None:
    for _ in range(turns):
        d.app.step(0.0)
        if condition():
            return
    raise AssertionError("the window did not get there")


def test_a_team_of_four_on_phones_in_the_window(make_app):
    d = make_app()
    d.app.phones = PhoneLink("127.0.0.1")
    start_in(d, "team", 4)
    d.enter()  # start with every default
    steps_until(d, lambda: isinstance(d.top, JoinScene))
    host = d.app.phones.host
    text = shown(d)
    assert f"{host.room.code[:3]} {host.room.code[3:]}" in text and host.url in text
    phones = [FakePhone(host.url.replace("http", "ws") + f"/ws/{host.room.token}") for _ in VALUES]
    try:
        for k, phone in enumerate(phones):
            phone.join(f"p{k + 1}")
        steps_until(d, lambda: len(host.room.joined()) == 4)
        assert shown(d).split(" | ").count("binnen") == 4
        d.enter()  # start: the room locks
        assert isinstance(d.top, TableScene) and host.room.locked
        d.enter()  # the case was read
        d.enter()  # the question card was read: the phones choose
        assert isinstance(d.top, PhoneWaitScene)
        for phone, value in zip(phones[:-1], VALUES[:-1], strict=False):
            phone.choose(value)
        steps_until(d, lambda: len(host.pending) == 3)
        words = shown(d).split(" | ")
        assert words.count("gekozen") == 3 and words.count("kiest nog") == 1
        assert not any(w in words for w in map(str, VALUES))  # who has chosen, never what
        assert d.app.table.view(None).current.estimates == {}  # the projector has nothing to show yet
        phones[-1].choose(VALUES[-1])
        steps_until(d, lambda: d.app.table.phase == Phase.REVEAL and isinstance(d.top, TableScene))
        assert {pid: e.value for pid, e in d.app.table.state.current.estimates.items()} == {
            f"p{k + 1}": v for k, v in enumerate(VALUES)
        }
        _, outcome = phones[0].wait_for(lambda m: m.get("phase") == "reveal" and "low" in m)
        assert (outcome["mine"], outcome["low"], outcome["high"]) == (3, 1, 5)
        from game.engine import EndSession

        d.app.do(EndSession())
        steps_until(d, lambda: d.app.phones.host is None)  # the session ended: the room closed
        phones[0].wait_for(lambda m: m.get("t") == "closed")
        (summary,) = saved_summaries(d.app.data_dir)
        assert [e["value"] for e in summary["rounds"][0]["estimates"]] == VALUES
    finally:
        for phone in phones:
            phone.close()
