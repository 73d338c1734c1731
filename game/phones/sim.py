"""Simulated phones for the tests and `redflags bench --phones N`: the page's protocol in Python.

A `SimPhone` speaks to the server as the phone page does (hello with the room code and its id,
answers, pings), each from its own loopback source address when asked (127.0.1.N), so the
server's per-address rules see a room full of devices.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
import time
from typing import Any

from websockets.asyncio.client import ClientConnection, connect


def loopback_address(index: int) -> str:
    """A distinct loopback address per simulated phone: 127.0.1.1, 127.0.1.2, ..."""
    return f"127.0.{1 + index // 250}.{1 + index % 250}"


class SimPhone:
    def __init__(
        self,
        url: str,
        code: str,
        *,
        address: str | None = None,
        phone_id: str | None = None,
    ) -> None:
        self.url = url.rstrip("/")
        self.ws_url = self.url.replace("http://", "ws://", 1) + "/ws"
        self.code = code
        self.address = address
        self.id = phone_id or secrets.token_urlsafe(16)
        self.ws: ClientConnection | None = None
        self.state: dict[str, Any] | None = None
        self.changed = asyncio.Event()
        self._reader: asyncio.Task[None] | None = None
        self.closed: int | None = None  # the close code, once the server closed the link

    async def join(self, timeout: float = 10.0) -> dict[str, Any]:
        """Connect, say hello, return the first state (or the error message)."""
        kwargs: dict[str, Any] = {}
        if self.address:
            kwargs["local_addr"] = (self.address, 0)
        self.ws = await connect(
            self.ws_url,
            origin=self.url,  # type: ignore[arg-type]
            open_timeout=timeout,
            ping_interval=None,
            compression=None,
            max_size=2**16,
            **kwargs,
        )
        await self.ws.send(json.dumps({"t": "hello", "room": self.code, "id": self.id}))
        first = json.loads(await asyncio.wait_for(self.ws.recv(), timeout))
        if first.get("t") == "state":
            self.state = first
            self.closed = None
            self._reader = asyncio.ensure_future(self._read(self.ws))
        return first

    async def _read(self, ws: ClientConnection) -> None:
        with contextlib.suppress(Exception):
            async for raw in ws:
                message = json.loads(raw)
                if message.get("t") == "state":
                    self.state = message
                    self.changed.set()
        self.closed = ws.close_code
        self.changed.set()

    async def send(self, message: dict[str, Any]) -> None:
        assert self.ws is not None
        await self.ws.send(json.dumps(message))

    async def answer(self, question: int, choice: int | None, timeout: float = 10.0) -> float:
        """Answer the open step and wait until the server confirms it. Returns the send time."""
        assert self.state is not None and self.state["step"] is not None
        key = self.state["step"]["key"]
        self.changed.clear()
        sent = time.monotonic()
        await self.send({"t": "answer", "step": key, "q": question, "c": choice})
        await self.until(
            lambda s: (
                (s.get("mine") or [None] * (question + 1))[question] == choice
                or s.get("revealed")
                or (s.get("step") or {}).get("key") != key
            ),
            timeout,
        )
        return sent

    async def until(self, check: Any, timeout: float = 10.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while self.state is None or not check(self.state):
            self.changed.clear()
            left = deadline - time.monotonic()
            if self.closed is not None:
                raise ConnectionError(f"phone {self.id[:6]}: closed by the server ({self.closed})")
            if left <= 0:
                raise TimeoutError(f"phone {self.id[:6]}: no such state: {self.state}")
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self.changed.wait(), left)
        return self.state

    async def drop(self) -> None:
        """The link dies without a goodbye (the phone went out of range)."""
        if self.ws is not None:
            self.ws.transport.abort()
        self.closed = None
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(BaseException):
                await self._reader
        self.ws = None
        self.state = None

    async def close(self) -> None:
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await self.ws.close()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(BaseException):
                await self._reader
        self.ws = None
