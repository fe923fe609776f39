"""Five phones (Chromium pages) play a team round over loopback; nothing leaks before the reveal; abuse is refused."""

from __future__ import annotations

import asyncio
import json
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import aiohttp
import pytest
from playwright.sync_api import expect

from game.engine import Continue, Phase
from game.store import load_summary
from tests.phones.phone_client import until

CHOICES = {"p1": 4, "p2": 2, "p3": 5, "p4": None, "p5": 3}  # None: the player skips
BEFORE_REVEAL = {"t", "phase", "round", "rounds", "name", "feature", "question", "prompt", "scale", "mine", "chosen",
                 "locked", "others_waiting"}


def join(host, page, seat: str) -> None:
    page.goto(host.join_url)
    page.click(f"[data-seat='{seat}']")
    until(host, lambda: seat in host.room.joined())


def choose(page, value: int | None) -> None:
    page.click(f"[data-value='{'pass' if value is None else value}']")


def test_five_phones_play_a_round_and_the_summary_holds_their_choices(host, phone):
    pages = {}
    for seat in CHOICES:
        pages[seat] = phone()
        join(host, pages[seat], seat)
    assert host.room.joined() == dict.fromkeys(CHOICES, True)
    host.room.lock()
    host.table.do(Continue())  # the case card is read
    host.table.do(Continue())  # the question card lies open: now everyone chooses
    until(host, lambda: host.table.phase == Phase.ESTIMATE)
    choose(pages["p1"], 1)  # a first choice, changed below
    for seat, value in list(CHOICES.items())[:-1]:
        choose(pages[seat], value)
    until(host, lambda: len(host.pending) == 4 and host.pending["p1"] == 4)
    expect(pages["p2"].locator("#status")).to_have_text("Wacht op de anderen")
    expect(pages["p2"].locator("#sub")).to_contain_text("Nog 1 te gaan")
    # the engine (and so the projector) holds nothing while one phone still chooses
    assert host.table.view(None).current.estimates == {} and host.table.state.current.estimates == {}
    assert set(host.chosen().values()) == {True, False}
    # a phone reloads mid-round: it keeps its seat and its choice
    pages["p1"].reload()
    expect(pages["p1"].locator("[data-value='4']")).to_have_class("on")
    until(host, lambda: host.room.joined()["p1"])
    assert host.room.joined() == dict.fromkeys(CHOICES, True) and host.pending["p1"] == 4
    reveal_at = len(host.sent)
    choose(pages["p5"], CHOICES["p5"])
    until(host, lambda: host.table.phase == Phase.REVEAL)
    expect(pages["p3"].locator("#status")).to_have_text("Jij koos 5.")
    expect(pages["p3"].locator("#sub")).to_contain_text("Het team: van 2 tot 5.")
    expect(pages["p4"].locator("#status")).to_have_text("Je slaat deze over.")
    # nothing of another player's choice reached any phone before the reveal
    before = host.sent[:reveal_at]
    assert len(before) > 20
    for seat, message in before:
        if message["t"] == "view":
            assert set(message) <= BEFORE_REVEAL, message
            assert message["phase"] != "reveal"
            own = {CHOICES[seat], 1} if seat == "p1" else {CHOICES[seat]}  # p1 first chose 1
            assert message.get("mine") in own | {None}, (seat, message)
        else:
            assert set(message) <= {"t", "seats", "words", "why", "seat", "secret"}, message
    while host.table.phase != Phase.DONE:
        host.table.do(Continue())
    until(host, lambda: True)
    summary = load_summary(host.table.saved_to)
    (rnd,) = summary.rounds
    assert {e.player: e.value for e in rnd.estimates} == CHOICES
    expect(pages["p2"].locator("#title")).to_contain_text("Klaar")
    host.close()
    for page in pages.values():  # nothing stays on the phone after the session
        expect(page.locator("#title")).to_have_text("De sessie is voorbij.")
        assert page.evaluate("sessionStorage.length") == 0


def off_loop(coro):
    """Run a client coroutine in its own thread (Playwright's sync API holds an event loop in this one)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result(timeout=20)


async def _open(url: str) -> None:
    async with aiohttp.ClientSession() as s, s.ws_connect(url):
        pass


def _status(url: str, data: bytes | None = None) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=5) as r:
            return r.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_a_wrong_token_a_taken_seat_an_oversized_message_and_200_bad_codes_change_nothing(host, phone):
    page = phone()
    page.goto(host.url + "/")  # typing the short code also leads in
    page.fill("#code", host.room.code.lower())
    page.click("button[type=submit]")
    page.click("[data-seat='p1']")
    until(host, lambda: "p1" in host.room.joined())
    held = host.room.seats["p1"].secret
    ws_url = host.url.replace("http", "ws") + f"/ws/{host.room.token}"
    assert _status(f"{host.url}/p/{'A' * 32}") == 404
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        off_loop(_open(ws_url.rsplit("/", 1)[0] + "/" + "A" * 32))
    assert refused.value.status == 404
    abuse = off_loop(_socket_abuse(ws_url))
    assert abuse["taken"]["why"] == "taken" and abuse["no_seat"]["why"] == "bad"
    assert abuse["oversized"][1] == 1009
    other = phone()  # a second phone asks for the same seat in the browser
    other.goto(host.join_url)
    expect(other.locator("[data-seat=\"p1\"]")).to_be_disabled()  # shown as taken; a stale page might not
    other.evaluate("document.querySelector('[data-seat=\"p1\"]').disabled = false")
    other.click("[data-seat=\"p1\"]")
    expect(other.locator("#status")).to_have_text("Die plek is al bezet. Kies een andere.")
    codes = [_status(host.url + "/", f"code=WRONG{i:03d}".encode()) for i in range(200)]
    assert set(codes) <= {403, 429} and codes.count(429) >= 190
    until(host, lambda: True)
    assert host.room.seats["p1"].secret == held and host.room.joined() == {"p1": True}
    assert host.pending == {} and host.table.state.current is None or host.table.state.current.estimates == {}
    assert _status(host.join_url) == 200  # the room still works for the phones in it
    headers = urllib.request.urlopen(host.join_url, timeout=5).headers
    assert headers["Cache-Control"] == "no-store"


async def _socket_abuse(url: str) -> dict:
    out = {}
    async with aiohttp.ClientSession() as s:
        async with s.ws_connect(url) as ws:
            await ws.receive_json()
            await ws.send_json({"t": "join", "seat": "p1"})
            out["taken"] = await ws.receive_json()
            await ws.send_json({"t": "choose", "value": 3})
            out["no_seat"] = await ws.receive_json()
        async with s.ws_connect(url) as ws:
            await ws.receive_json()
            await ws.send_str(json.dumps({"t": "hello", "secret": "x" * 4000}))
            closed = await ws.receive()
            out["oversized"] = (closed.type, ws.close_code)
    return out
