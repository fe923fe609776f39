"""A phone without a browser: a WebSocket client in its own thread (window tests and the benchmark)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable

import aiohttp


class FakePhone:
    """Joins a seat and chooses like the phone page does; keeps every message it received (with its time)."""

    def __init__(self, ws_url: str):
        self.url = ws_url
        self.received: list[tuple[float, dict]] = []
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()
        self._call(self._connect())

    def _call(self, coro, timeout: float = 10.0):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    async def _connect(self) -> None:
        self.session = aiohttp.ClientSession()
        self.ws = await self.session.ws_connect(self.url)
        self.reader = asyncio.ensure_future(self._read())

    async def _read(self) -> None:
        async for msg in self.ws:
            if msg.type == aiohttp.WSMsgType.TEXT:
                self.received.append((time.perf_counter(), msg.json()))

    def send(self, message: dict) -> None:
        self._call(self.ws.send_json(message))

    def join(self, seat: str) -> None:
        self.send({"t": "join", "seat": seat})

    def choose(self, value: int | None) -> float:
        """Send a choice; returns the time it was sent."""
        sent = time.perf_counter()
        self.send({"t": "choose", "value": value})
        return sent

    def wait_for(self, test, seconds: float = 5.0) -> tuple[float, dict]:
        """The first message received that passes test (waits for it)."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            for when, message in list(self.received):
                if test(message):
                    return when, message
            time.sleep(0.001)
        raise AssertionError(f"no such message; got {[m for _, m in self.received][-3:]}")

    def close(self) -> None:
        async def shut() -> None:
            await self.ws.close()
            await self.session.close()

        try:
            self._call(shut())
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(5)


def until(host, condition: Callable[[], bool], seconds: float = 5.0) -> None:
    """Run the projector's side (host.pump) until condition holds."""
    end = time.monotonic() + seconds
    while True:
        host.pump()
        if condition():
            return
        if time.monotonic() > end:
            raise AssertionError("timed out")
        time.sleep(0.005)
