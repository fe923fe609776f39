"""The window's side of the phones: drains their messages into engine actions and hands each phone its own view.

Everything here runs in the thread that owns the Table (the window's loop, or a test). A phone's choice is held
here, changeable, until every phone still to choose has chosen; then all are placed at once, so the engine (and
so the projector) never holds some phones' estimates while others still choose.
"""

from __future__ import annotations

import queue
from collections.abc import Callable

from game.engine import Action, Pass, Phase, PlaceEstimate
from game.engine.views import REVEALED, card_side
from game.i18n import UI, ui
from game.model.session import Mode, Role, Setup
from game.phones.room import Room
from game.phones.server import PhoneServer
from game.table import Table

_UNSET = object()


def phone_words(lang: str, pair: bool = False) -> dict[str, str]:
    """The words of the phone page (keys phone_*), in the game's language; in a conversation of two (pair)
    a key's `_pair` variant replaces it (the laptop, not the big screen; the other, not the team)."""
    keys = [k for k in UI if k.startswith("phone_") and not k.endswith("_pair")]
    return {k: ui(f"{k}_pair" if pair and f"{k}_pair" in UI else k, lang) for k in keys}


def phone_players(setup: Setup) -> list[tuple[str, str]]:
    """Who may hold a seat by phone: every team member; in a conversation only the client (the professional
    stays with the laptop)."""
    if setup.mode == Mode.TEAM:
        return [(p.id, p.name) for p in setup.players]
    return [(p.id, p.name) for p in setup.players if p.role == Role.CLIENT]


class PhoneHost:
    """One session's room: a server on host:port, the seats of the table's players, the choices not yet placed."""

    def __init__(self, table: Table, host: str, port: int = 0, act: Callable[[Action], bool] | None = None):
        self.table = table
        self.act = act or table.do  # the window passes App.do (a full disk is one line there, not a crash)
        self.lang = table.state.setup.language
        setup = table.state.setup
        self.pair = setup.mode == Mode.CONVERSATION  # two people: words for the other, not the team
        self.room = Room.for_players(phone_players(setup))
        self.inbox: queue.Queue = queue.Queue()
        self.server = PhoneServer(self.room, phone_words(self.lang, self.pair), self.lang, self.inbox)
        self.url = self.server.start(host, port)
        self.pending: dict[str, int | None] = {}  # seat -> the choice not yet placed (None: pass)
        self._round = table.state.round_number
        self._shown: object = _UNSET  # the state last published
        self.laptop_round = 0  # the round the host handed to the laptop (phones wait until the next one)
        self.version = 0  # goes up when the projector should redraw (joins, who has chosen)

    @property
    def join_url(self) -> str:
        return f"{self.url}/p/{self.room.token}"

    def phone_seats(self) -> set[str]:
        return set(self.room.joined())

    def waiting_phones(self) -> list[str]:
        """Seats held by a phone that still have to choose (in seating order)."""
        if self.laptop_round == self.table.state.round_number:
            return []
        phones = self.phone_seats()
        return [pid for pid in self.table.state.waiting_for() if pid in phones]

    def chosen(self) -> dict[str, bool]:
        """Per phone still to place: has it chosen? Never what."""
        return {pid: pid in self.pending for pid in self.waiting_phones()}

    def pump(self) -> bool:
        """Handle every message that arrived; place the choices once all phones chose; publish. True: changed."""
        changed = False
        if self.table.state.round_number != self._round:
            self._round, self.pending = self.table.state.round_number, {}
        while True:
            try:
                msg = self.inbox.get_nowait()
            except queue.Empty:
                break
            changed = True
            if msg[0] == "choose":
                _, seat, value = msg
                if self.table.phase == Phase.ESTIMATE and seat in self.table.state.waiting_for() and (
                    seat in self.phone_seats()  # not a phone the host has just removed
                ):
                    self.pending[seat] = value
        if self.table.phase != Phase.ESTIMATE:
            self.pending = {}
        if self.table.phase == Phase.ESTIMATE:
            waiting = self.waiting_phones()
            if waiting and all(pid in self.pending for pid in waiting):
                self._place(waiting)
        if changed:
            self.version += 1
        self.publish(force=changed)
        return changed

    def _place(self, seats: list[str]) -> None:
        """Place the held choices; one autosave after the last (they were never saved one by one either)."""
        keep = self.table.autosave
        try:
            for i, pid in enumerate(seats):
                self.table.autosave = keep and i == len(seats) - 1
                value = self.pending.pop(pid)
                self.act(Pass(player=pid) if value is None else PlaceEstimate(player=pid, value=value))
        finally:
            self.table.autosave = keep

    def to_laptop(self) -> None:
        """The host goes on with the laptop hand-over: choices made so far are placed, the rest hand over."""
        if self.table.phase == Phase.ESTIMATE:
            self._place([pid for pid in self.waiting_phones() if pid in self.pending])
        self.laptop_round = self.table.state.round_number
        self.version += 1
        self.publish(force=True)

    def remove(self, seat: str) -> None:
        """The host takes a phone out: it is told so, its choice not yet placed is dropped, and the player
        chooses on the laptop from now on (the seat is free again until the room is locked)."""
        self.room.release(seat)
        self.pending.pop(seat, None)
        self.server.kick(seat)
        self.version += 1
        self.publish(force=True)

    def publish(self, force: bool = False) -> None:
        state = self.table.state
        if state is self._shown and not force:
            return
        self._shown = state
        self.server.publish({pid: self.phone_view(pid) for pid in state.player_ids if pid in self.room.seats})

    def phone_view(self, seat: str) -> dict:
        """What the phone of `seat` shows: built from that player's own view only."""
        view = self.table.view(seat)
        deck = self.table.deck
        lang = self.lang
        out: dict = {"t": "view", "phase": view.phase.value, "round": view.round_number, "rounds": view.rounds_total}
        me = next(p for p in view.setup.players if p.id == seat)
        out["name"] = me.name
        cur = view.current
        if cur is None:
            return out
        side = card_side(view.setup, seat)
        out["feature"] = deck.feature(cur.feature).name[lang]
        out["question"] = deck.card(cur.question).text(side, lang)
        if self.pair:
            out["prompt"] = ui("estimate_title", lang, name=me.name)
            out["other"] = next(p.name for p in view.setup.players if p.id != seat)
        else:
            out["prompt"] = ui("q_client_view" if side == "client" else "q_own_view", lang)
        out["scale"] = deck.labels(lang, cur.question)  # the words of the card's own scale (friction: never … always)
        own = cur.estimates.get(seat)
        if view.phase == Phase.ESTIMATE:
            chosen = seat in self.pending or own is not None
            out["mine"] = self.pending.get(seat) if seat in self.pending else (own.value if own else None)
            out["chosen"] = chosen
            out["locked"] = own is not None or self.laptop_round == view.round_number
            out["others_waiting"] = len([p for p in view.waiting_for if p != seat and p not in self.pending])
        elif view.phase in REVEALED and own is not None:
            values = [e.value for e in cur.estimates.values() if e.value is not None]
            out["mine"] = own.value
            out["chosen"] = True
            if self.pair:  # the other's number, now that both lie open
                theirs = [e.value for pid, e in cur.estimates.items() if pid != seat]
                if theirs:
                    out["theirs"] = theirs[0]
            elif values:
                out["low"], out["high"] = min(values), max(values)
            out["case_view"] = cur.case_view
        return out

    def close(self) -> None:
        """The session ended (or the window closes): tell the phones, close the port."""
        self.publish()
        self.server.stop()
