"""Phones in the window (SDL dummy driver): `play --phones` and the start screen's choice, the join screen, phones
choose, the reveal, the host removing a phone, a conversation with the client on a phone."""

from __future__ import annotations

import time

import pytest

pytest.importorskip("aiohttp")

from game.engine import Continue, EndSession, Phase  # noqa: E402
from game.phones.link import PhoneLink  # noqa: E402
from game.ui.scenes.estimate import HandOverScene  # noqa: E402
from game.ui.scenes.phones import JoinScene, PhoneWaitScene, RemoveScene  # noqa: E402
from game.ui.scenes.table import TableScene  # noqa: E402
from tests.phones.phone_client import FakePhone  # noqa: E402
from tests.ui.conftest import saved_summaries  # noqa: E402
from tests.ui.test_team_sessions import shown, start_in  # noqa: E402

VALUES = [3, 5, 1, 4]


def steps_until(d, condition, seconds: float = 10.0) -> None:
    """Turn the window's loop until condition holds (the phones' messages arrive from another thread)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        d.app.step(0.0)
        if condition():
            return
        time.sleep(0.002)
    raise AssertionError("the window did not get there")


def test_a_team_of_four_on_phones_in_the_window(make_app):
    d = make_app()
    d.app.phones = PhoneLink("127.0.0.1")  # as `play --mode team --phones` sets it up
    d.app.prefs.phones = True
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
        steps_until(d, lambda: shown(d).split(" | ").count("binnen") == 4)  # what the projector shows
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
        d.app.do(EndSession())
        steps_until(d, lambda: d.app.phones.host is None)  # the session ended: the room closed
        phones[0].wait_for(lambda m: m.get("t") == "closed")
        (summary,) = saved_summaries(d.app.data_dir)
        assert [e["value"] for e in summary["rounds"][0]["estimates"]] == VALUES
    finally:
        for phone in phones:
            phone.close()


def test_the_start_screen_choice_does_what_play_phones_does(make_app, monkeypatch):
    monkeypatch.setattr("game.phones.link.lan_address", lambda: "127.0.0.1")
    d = make_app()
    start_in(d, "team", 3)
    d.click("more")
    assert "Telefoons" in shown(d).split(" | ") and d.app.phones is None
    d.click("phones:on")
    d.click("start")
    steps_until(d, lambda: isinstance(d.top, JoinScene))
    host = d.app.phones.host
    assert host.url.startswith("http://127.0.0.1:") and d.app.prefs.phones
    assert set(host.room.seats) == {"p1", "p2", "p3"}
    d.app.do(EndSession())
    steps_until(d, lambda: d.app.phones.host is None)  # the room closed with the session
    start_in(d, "team", 3)  # the next team plays with the laptop
    d.click("more")
    assert d.rects()["phones:on"] and d.top.phones  # remembered
    d.click("phones:off")
    d.click("start")
    for _ in range(20):
        d.app.step(0.0)
    assert isinstance(d.top, TableScene) and d.app.phones.host is None


def test_without_the_extra_the_choice_says_what_to_install(make_app, monkeypatch):
    monkeypatch.setattr("game.ui.scenes.start_phones.missing", lambda: "segno")
    d = make_app()
    start_in(d, "team", 3)
    d.click("more")
    assert "Eerst installeren: pip install aiohttp segno" in shown(d).replace(" | ", " ")
    assert not {"phones:on", "phones:off"} & set(d.rects())
    d.click("start")
    assert d.app.phones is None


def test_the_host_removes_phones_from_the_join_screen_and_the_wait_screen(make_app):
    d = make_app()
    d.app.phones = PhoneLink("127.0.0.1")
    d.app.prefs.phones = True
    start_in(d, "team", 3)
    d.enter()
    steps_until(d, lambda: isinstance(d.top, JoinScene))
    host = d.app.phones.host
    assert "remove" not in d.rects()  # no phone yet: nothing to remove (the button is greyed)
    phones = [FakePhone(host.url.replace("http", "ws") + f"/ws/{host.room.token}") for _ in range(3)]
    try:
        for k, phone in enumerate(phones):
            phone.join(f"p{k + 1}")
        steps_until(d, lambda: len(d.top.joined) == 3)  # the join screen took it in
        d.click("remove")
        assert isinstance(d.top, RemoveScene) and {"remove:p1", "remove:p2", "remove:p3", "back"} <= set(d.rects())
        d.frame()
        d.click("remove:p2")  # on the join screen: the phone is told, the seat is free again
        phones[1].wait_for(lambda m: m.get("t") == "removed")
        assert isinstance(d.top, JoinScene) and set(host.room.joined()) == {"p1", "p3"}
        assert shown(d).split(" | ").count("binnen") == 2
        d.enter()  # start: the room locks
        d.enter(2)  # the case and the question were read: the phones choose
        assert isinstance(d.top, PhoneWaitScene)
        phones[0].choose(4)
        phones[2].choose(2)
        # both phones chose: placed together; p2, whose phone was removed, chooses on the laptop
        steps_until(d, lambda: isinstance(d.top, HandOverScene) and d.top.player_id == "p2")
        assert set(d.app.table.state.current.estimates) == {"p1", "p3"}
        d.enter()  # "I am Collega 2"
        d.digit(3)
        d.enter()
        steps_until(d, lambda: d.app.table.phase == Phase.REVEAL)
        # the next round: p3's phone is removed while the phones choose; p3 falls back to the laptop
        d.app.do(Continue())
        while d.app.table.phase != Phase.ESTIMATE:
            d.app.do(Continue())
        d.app.top.entered()
        steps_until(d, lambda: isinstance(d.top, PhoneWaitScene))
        phones[2].choose(5)  # chosen but not yet placed: dropped with the phone
        steps_until(d, lambda: "p3" in host.pending)
        d.click("remove")
        d.click("remove:p3")
        phones[2].wait_for(lambda m: m.get("t") == "removed")
        assert "p3" not in host.pending and host.chosen() == {"p1": False}
        host.inbox.put(("choose", "p3", 1))  # a late message from the removed phone, still on its way, changes nothing
        phones[0].choose(2)
        steps_until(d, lambda: isinstance(d.top, HandOverScene))
        assert d.top.player_id == "p2" and "p3" not in d.app.table.state.current.estimates
        assert d.app.table.state.waiting_for() == ["p2", "p3"]
    finally:
        for phone in phones:
            phone.close()


def test_a_conversation_with_the_client_on_a_phone_from_the_start_screen(make_app, monkeypatch):
    monkeypatch.setattr("game.phones.link.lan_address", lambda: "127.0.0.1")
    d = make_app()
    d.click("more")
    assert "Cliënt op telefoon" in shown(d).split(" | ")
    d.click("phones:on")
    d.click("guess:on")
    d.click("start")  # the phone page asks no second question: refused in one line
    assert "Raad ook de ander gaat niet op een telefoon. Zet een van de twee uit." in shown(d).replace(" | ", " ")
    assert d.app.table is None and d.app.phones is None
    d.click("guess:off")
    d.click("feat:binding")
    d.click("feat:stroefheid")
    d.click("feat:richting_en_kader")  # one topic: one card
    d.click("start")
    d.click("keep:save")
    steps_until(d, lambda: isinstance(d.top, JoinScene))
    host = d.app.phones.host
    assert list(host.room.seats) == ["p1"]  # the client's seat; the professional stays with the laptop
    words = shown(d).split(" | ")
    assert "Cliënt" in words and "Begeleider" not in words
    phone = FakePhone(host.url.replace("http", "ws") + f"/ws/{host.room.token}")
    try:
        phone.join("p1")
        steps_until(d, lambda: d.top.joined == {"p1": True})  # the join screen took it in
        d.enter()  # start
        d.enter()  # the card was read: the client chooses on the phone
        assert isinstance(d.top, PhoneWaitScene)
        _, view = phone.wait_for(lambda m: m.get("phase") == "estimate")
        assert view["other"] == "Begeleider" and view["prompt"] == "Cliënt, hoe zie jij dit?"
        card = d.app.deck.card(d.app.table.state.current.question)
        assert view["question"] == card.text("client", "nl")
        phone.choose(5)
        steps_until(d, lambda: isinstance(d.top, HandOverScene) and d.top.player_id == "p2")
        d.enter()  # "I am Begeleider"
        d.digit(2)
        d.enter()
        steps_until(d, lambda: d.app.table.phase == Phase.REVEAL)
        _, outcome = phone.wait_for(lambda m: m.get("phase") == "reveal")
        assert (outcome["mine"], outcome["theirs"]) == (5, 2) and "low" not in outcome
        d.app.do(EndSession())
        steps_until(d, lambda: d.app.phones.host is None)
        (summary,) = saved_summaries(d.app.data_dir)
        assert {e["player"]: e["value"] for e in summary["rounds"][0]["estimates"]} == {"p1": 5, "p2": 2}
    finally:
        phone.close()
