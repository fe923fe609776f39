"""The phone page and its WebSocket (aiohttp), in a daemon thread with its own event loop.

Only a phone holding the token (from the QR link, or after typing the short code) sees the page; a phone holds
a seat by a secret. Messages from phones go into a queue that the window's loop drains (host.py); what a phone
may see is handed in by publish(), one payload per seat, built from that player's own view.
"""

from __future__ import annotations

import asyncio
import json
import queue
import threading
import time
from collections.abc import Callable
from html import escape
from importlib import resources

from aiohttp import WSMsgType, web

from game.phones.room import Room

MAX_MESSAGE = 1024  # bytes in one WebSocket message from a phone
MAX_BODY = 2048  # bytes in a request body (the typed code)
MAX_RATE = (40, 10.0)  # at most 40 messages in 10 s from one phone, else it is disconnected
HEADERS = {
    "Cache-Control": "no-store",
    "Pragma": "no-cache",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
}
Tap = Callable[[str | None, dict], None]


def _page(name: str) -> str:
    return resources.files("game.phones").joinpath("page", name).read_text(encoding="utf-8")


class PhoneServer:
    """Serves one room; inbox receives ("joined", seat), ("online", seat) and ("choose", seat, value)."""

    def __init__(self, room: Room, words: dict[str, str], lang: str, inbox: queue.Queue):
        self.room = room
        self.words = words
        self.lang = lang
        self.inbox = inbox
        self.tap: Tap | None = None  # tests: sees every message sent to a phone (seat or None, message)
        self.views: dict[str, dict] = {}  # the latest payload per seat
        self.sockets: dict[str, web.WebSocketResponse] = {}  # seat -> its phone's socket
        self.open_sockets: set[web.WebSocketResponse] = set()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.url = ""
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._sending: set[asyncio.Future] = set()  # published views on their way (sent before the room closes)

    # --- the window's thread ------------------------------------------------------------------------
    def start(self, host: str, port: int = 0) -> str:
        """Bind to host:port (0: a free port) and serve from a thread; returns the base URL."""
        ready = threading.Event()
        failed: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self.loop = loop
            try:
                loop.run_until_complete(self._serve(host, port))
            except BaseException as exc:  # noqa: BLE001 - reported to the caller below
                failed.append(exc)
                ready.set()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._shutdown())
            loop.close()

        self._thread = threading.Thread(target=run, name="phones", daemon=True)
        self._thread.start()
        ready.wait(10)
        if failed:
            raise OSError(f"{host}:{port}: {failed[0]}")
        return self.url

    def publish(self, views: dict[str, dict]) -> None:
        """Hand each seat its new payload (sent now to a phone that holds the seat)."""
        if self.loop is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self._publish, views)

    def kick(self, seat: str) -> None:
        """The host removed this seat's phone: tell it, and close its socket."""
        if self.loop is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(lambda: self._track(self._kick(seat)))

    def stop(self) -> None:
        """Tell every phone the room is closed, close the sockets and the port, end the thread."""
        self.room.close()
        if self.loop is not None and self._thread is not None and self._thread.is_alive():
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(5)

    # --- the server's thread -------------------------------------------------------------------------
    async def _serve(self, host: str, port: int) -> None:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._headers])
        app.router.add_get("/", self._code_page)
        app.router.add_post("/", self._code)
        app.router.add_get("/p/{token}", self._phone_page)
        app.router.add_get("/ws/{token}", self._socket)
        app.router.add_get("/phone.js", self._asset)
        app.router.add_get("/phone.css", self._asset)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port, backlog=16)
        await site.start()
        bound = site._server.sockets[0].getsockname()  # type: ignore[union-attr]
        shown = f"[{bound[0]}]" if ":" in bound[0] else bound[0]
        self.url = f"http://{shown}:{bound[1]}"

    async def _shutdown(self) -> None:
        if self._sending:
            await asyncio.wait(self._sending, timeout=2)
        for ws in list(self.open_sockets):
            await self._send(ws, None, {"t": "closed"})
            await ws.close(code=1001)
        if self._runner is not None:
            await self._runner.cleanup()

    @web.middleware
    async def _headers(self, request: web.Request, handler) -> web.StreamResponse:
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            exc.headers.update(HEADERS)
            raise
        response.headers.update(HEADERS)
        return response

    def _code_html(self, message: str = "") -> str:
        w = self.words
        return (
            _page("code.html")
            .replace("{lang}", self.lang)
            .replace("{title}", escape(w["phone_code_title"]))
            .replace("{label}", escape(w["phone_code_label"]))
            .replace("{go}", escape(w["phone_code_go"]))
            .replace("{message}", escape(message))
        )

    async def _code_page(self, request: web.Request) -> web.Response:
        return web.Response(text=self._code_html(), content_type="text/html")

    async def _code(self, request: web.Request) -> web.Response:
        form = await request.post()
        ok = self.room.try_code(request.remote or "?", str(form.get("code", ""))[:32])
        if ok:
            raise web.HTTPSeeOther(f"/p/{self.room.token}")
        status, key = (429, "phone_code_wait") if ok is None else (403, "phone_code_wrong")
        return web.Response(text=self._code_html(self.words[key]), content_type="text/html", status=status)

    async def _phone_page(self, request: web.Request) -> web.Response:
        if not self.room.token_ok(request.match_info["token"]):
            raise web.HTTPNotFound()
        return web.Response(text=_page("phone.html").replace("{lang}", self.lang), content_type="text/html")

    async def _asset(self, request: web.Request) -> web.Response:
        name = request.path.lstrip("/")
        kind = "text/javascript" if name.endswith(".js") else "text/css"
        return web.Response(text=_page(name), content_type=kind)

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        if not self.room.token_ok(request.match_info["token"]):
            raise web.HTTPNotFound()
        if len(self.open_sockets) >= 3 * len(self.room.seats) + 4:
            raise web.HTTPServiceUnavailable()
        ws = web.WebSocketResponse(max_msg_size=MAX_MESSAGE, heartbeat=20, autoping=True)
        await ws.prepare(request)
        self.open_sockets.add(ws)
        seat: str | None = None
        times: list[float] = []
        try:
            await self._send(ws, None, {"t": "seats", "seats": self.room.listing(), "words": self.words})
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    break  # binary, an oversized message (aiohttp closes with 1009) or an error
                now = time.monotonic()
                times = [t for t in times if now - t < MAX_RATE[1]] + [now]
                if len(times) > MAX_RATE[0]:
                    await ws.close(code=1008, message=b"too many messages")
                    break
                seat = await self._handle(ws, seat, msg.data)
        finally:
            self.open_sockets.discard(ws)
            if seat is not None and self.sockets.get(seat) is ws:
                del self.sockets[seat]
                self.room.set_online(seat, False)
                self.inbox.put(("online", seat))
        return ws

    async def _handle(self, ws: web.WebSocketResponse, seat: str | None, data: str) -> str | None:
        """One message from a phone; returns the seat the socket holds afterwards."""
        try:
            msg = json.loads(data)
            kind = msg["t"] if isinstance(msg, dict) else None
        except (ValueError, KeyError):
            kind = None
        if kind == "hello" and seat is None and isinstance(msg.get("secret"), str):
            found = self.room.seat_of(msg["secret"][:64])
            if found is None:
                await self._send(ws, None, {"t": "error", "why": "unknown", "seats": self.room.listing()})
                return None
            return await self._bind(ws, found, None)
        if kind == "join" and seat is None and isinstance(msg.get("seat"), str):
            secret = self.room.join(msg["seat"][:16])
            if secret is None:
                why = "locked" if self.room.locked else "taken"
                await self._send(ws, None, {"t": "error", "why": why, "seats": self.room.listing()})
                return None
            return await self._bind(ws, msg["seat"], secret)
        value = msg.get("value", 0) if kind == "choose" else 0
        if seat is not None and (value is None or (type(value) is int and 1 <= value <= 5)):
            self.inbox.put(("choose", seat, value))
            return seat
        await self._send(ws, seat, {"t": "error", "why": "bad"})
        return seat

    async def _bind(self, ws: web.WebSocketResponse, seat: str, secret: str | None) -> str:
        old = self.sockets.get(seat)
        self.sockets[seat] = ws
        if old is not None and old is not ws:
            await old.close(code=4000, message=b"seat taken over")  # the same phone, reloaded
        self.room.set_online(seat, True)
        self.inbox.put(("joined" if secret else "online", seat))
        joined = {"t": "joined", "seat": seat}
        if secret:
            joined["secret"] = secret
        await self._send(ws, seat, joined)
        if seat in self.views:
            await self._send(ws, seat, self.views[seat])
        return seat

    def _track(self, coro) -> None:
        """Run coro soon; the room waits for it before it closes."""
        task = asyncio.ensure_future(coro)
        self._sending.add(task)
        task.add_done_callback(self._sending.discard)

    def _publish(self, views: dict[str, dict]) -> None:
        for seat, view in views.items():
            if self.views.get(seat) == view:
                continue
            self.views[seat] = view
            ws = self.sockets.get(seat)
            if ws is not None:
                self._track(self._send(ws, seat, view))

    async def _kick(self, seat: str) -> None:
        self.views.pop(seat, None)
        ws = self.sockets.pop(seat, None)
        if ws is not None:
            await self._send(ws, seat, {"t": "removed"})
            await ws.close(code=4001, message=b"removed by the host")

    async def _send(self, ws: web.WebSocketResponse, seat: str | None, message: dict) -> None:
        if self.tap is not None:
            self.tap(seat, message)
        if not ws.closed:
            try:
                await ws.send_str(json.dumps(message, ensure_ascii=False))
            except (ConnectionError, RuntimeError):
                pass
