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

from game.engine import Continue, Phase, PlaceEstimate
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


def test_a_removed_phone_is_told_forgets_its_seat_and_the_seat_is_free_again(host, phone):
    page, other = phone(), phone()
    join(host, page, "p1")
    join(host, other, "p2")
    host.remove("p1")
    expect(page.locator("#title")).to_have_text("Je telefoon doet niet meer mee.")
    expect(page.locator("#status")).to_have_text("Je kiest nu op de laptop.")
    assert page.evaluate("sessionStorage.length") == 0
    until(host, lambda: True)
    assert host.room.joined() == {"p2": True}
    assert any(seat == "p1" and m == {"t": "removed"} for seat, m in host.sent)
    page.reload()  # the room is still open: the seat can be taken again (by this phone or another)
    expect(page.locator("[data-seat='p1']")).to_be_enabled()
    host.room.lock()
    host.remove("p2")  # once the session runs, a removed seat stays with the laptop
    expect(other.locator("#title")).to_have_text("Je telefoon doet niet meer mee.")
    other.reload()
    other.click("[data-seat='p2']")
    expect(other.locator("#status")).to_have_text("Het spel is al begonnen. Je kiest op de laptop.")
    until(host, lambda: True)
    assert host.room.joined() == {}


@pytest.fixture
def pair_host(tmp_path):
    """A conversation (Sam the client, Noor the professional) on two features; only the client's seat is a phone."""
    from play_helpers import conversation_setup

    from game.decks import load_deck
    from game.phones.host import PhoneHost
    from game.table import Table

    deck = load_deck()
    table = Table.start(deck, conversation_setup(seed=5, features=["vertrouwen", "binding"]), tmp_path / "data")
    h = PhoneHost(table, "127.0.0.1")
    h.sent = []
    h.server.tap = lambda seat, message: h.sent.append((seat, message))
    yield h
    h.close()


def test_a_client_on_a_phone_and_a_professional_at_the_laptop(pair_host, phone):
    host = pair_host
    page = phone()
    page.goto(host.join_url)
    expect(page.locator("[data-seat]")).to_have_count(1)  # only the client's seat: the professional has none
    page.click("[data-seat='p1']")
    until(host, lambda: "p1" in host.room.joined())
    expect(page.locator("#status")).to_have_text("Kijk naar de laptop.")
    host.room.lock()
    deck = host.table.deck
    chosen = {}
    reveals = []
    for client, professional in ((4, 2), (None, 5)):  # round 1: the professional first; round 2: the phone first
        while host.table.phase != Phase.ESTIMATE:
            host.table.do(Continue())
        until(host, lambda: True)
        card = deck.card(host.table.state.current.question)
        expect(page.locator("#question")).to_have_text(f"\u201c{card.text('client', 'nl')}\u201d")
        expect(page.locator("#title")).to_have_text("Sam, hoe zie jij dit?")
        if client == 4:
            host.table.do(PlaceEstimate(player="p2", value=professional))
            placed = len(host.sent)
            until(host, lambda n=placed: len(host.sent) > n)  # the phone hears that Noor has chosen, never what
            assert host.sent[-1][1]["others_waiting"] == 0 and host.sent[-1][1]["phase"] == "estimate"
            choose(page, client)
        else:
            choose(page, client)
            until(host, lambda: host.table.state.current.estimates.get("p1") is not None)
            expect(page.locator("#status")).to_have_text("Wacht op Noor")
            host.table.do(PlaceEstimate(player="p2", value=professional))
        reveals.append(len(host.sent))
        until(host, lambda: host.table.phase == Phase.REVEAL)
        mine = "Jij koos 4." if client else "Je slaat deze over."
        expect(page.locator("#status")).to_have_text(mine)
        expect(page.locator("#sub")).to_have_text(f"Noor koos {professional}. Praat erover met Noor.")
        chosen[host.table.state.round_number] = {"p1": client, "p2": professional}
    # nothing of Noor's estimate reached the phone before a reveal, and nothing was sent for her seat
    assert all(seat in (None, "p1") for seat, _ in host.sent)
    before = [m for _, m in host.sent if m["t"] == "view" and m["phase"] in ("deal", "estimate")]
    assert len(before) >= 5
    for message in before:
        assert set(message) <= BEFORE_REVEAL | {"other"}, message
        assert message.get("mine") in (4, None), message
    assert not any(m.get("theirs") is not None or m.get("phase") == "reveal" for _, m in host.sent[: reveals[0]])
    while host.table.phase != Phase.DONE:
        host.table.do(Continue())
    until(host, lambda: True)
    summary = load_summary(host.table.saved_to)
    assert [{e.player: e.value for e in r.estimates} for r in summary.rounds] == list(chosen.values())
    expect(page.locator("#title")).to_contain_text("Klaar")
