"""The phones' web server: the page's few files and one websocket, on the laptop's LAN address.

Imported only when phones mode starts (it loads `websockets` and `segno`). It runs an asyncio
loop in one thread of its own and owns the `Room` there; the game calls in through
`open_step`, `reveal`, `wait`, `finish` and `stop` (thread-safe), and learns of new answers
through the `notify` callback the UI passes in (the UI posts a pygame event from it; this module
never imports pygame), then reads the newest counts with `take()`.

What it refuses (and how):
- a peer outside the private and loopback ranges: HTTP 403;
- a Host header other than this server's address and port: HTTP 421 (DNS rebinding);
- an Origin other than this page's: HTTP 403 (a page elsewhere cannot reach the room);
- more requests from one address than a class behind one NAT would make: HTTP 429;
- a message over 1 KB: the connection is closed (1009); a message that is not the protocol's
  JSON: closed (1007); more messages than a person can tap: closed (1008);
- a wrong room code: an error and the connection is closed (and after a few wrong codes from one
  address, HTTP 429 for a while).
Nothing is logged anywhere: the library's loggers get a silent logger, the loop's exception
handler drops everything, and no error leaves the thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import logging
import selectors
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Any

from websockets.asyncio.server import Server, ServerConnection, broadcast, serve
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from game.content.paths import ASSETS
from game.phones.net import allowed_peer, check_bind_address
from game.phones.room import Refused, Room, Step, StepResult

PAGE_DIR = ASSETS / "phone"
FONT_DIR = ASSETS / "fonts"
DEFAULT_PORT = 8765
WS_PATH = "/ws"
MAX_MESSAGE = 1024  # bytes: a phone's message is a few dozen
HELLO_TIMEOUT = 10.0  # seconds to say hello after connecting
HEARTBEAT_MIN, HEARTBEAT_MAX = 5.0, 20.0  # the page's pings (it has a watchdog too)
PING_INTERVAL = 30.0  # the library's own pings: only to drop links that died silently
PING_TIMEOUT = 20.0
CLOSE_TIMEOUT = 0.5
STOP_TIMEOUT = 1.0

# Limits. Per connection: a person taps a few times a second at most. Per address: generous,
# because a whole class may share one NAT address (each page load is ~6 requests).
MSG_BURST, MSG_RATE = 60, 10.0  # messages per connection: burst, then per second
REQ_BURST, REQ_RATE = 300, 30.0  # HTTP requests and handshakes per address
BAD_CODE_BURST, BAD_CODE_RATE = 10, 0.2  # wrong room codes per address
CONNS_PER_ADDRESS = 500
CONNS_TOTAL = 1500
CONNS_PER_PHONE = 4  # tabs of one browser; the oldest is closed beyond this

FILES: dict[str, tuple[Path, str]] = {
    "/": (PAGE_DIR / "index.html", "text/html; charset=utf-8"),
    "/phone.css": (PAGE_DIR / "phone.css", "text/css; charset=utf-8"),
    "/phone.js": (PAGE_DIR / "phone.js", "text/javascript; charset=utf-8"),
    "/strings.js": (PAGE_DIR / "strings.js", "text/javascript; charset=utf-8"),
    "/icon.svg": (PAGE_DIR / "icon.svg", "image/svg+xml"),
    "/font.ttf": (FONT_DIR / "AtkinsonHyperlegible-Regular.ttf", "font/ttf"),
    "/font-bold.ttf": (FONT_DIR / "AtkinsonHyperlegible-Bold.ttf", "font/ttf"),
}


def silent_logger() -> logging.Logger:
    """A logger that records nothing and is not attached to the logging tree."""
    logger = logging.Logger("redflags.phones.silent", level=logging.CRITICAL + 1)
    logger.disabled = True
    logger.propagate = False
    logger.addHandler(logging.NullHandler())
    return logger


# --- limits -----------------------------------------------------------------------------------


class Bucket:
    """A token bucket: `burst` at once, then `rate` per second."""

    __slots__ = ("burst", "rate", "tokens", "stamp")

    def __init__(self, burst: float, rate: float) -> None:
        self.burst, self.rate = burst, rate
        self.tokens, self.stamp = float(burst), time.monotonic()

    def take(self, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False

    def empty(self, now: float | None = None) -> bool:
        """No token left now (without taking one)."""
        now = time.monotonic() if now is None else now
        return min(self.burst, self.tokens + (now - self.stamp) * self.rate) < 1.0


@dataclass(frozen=True)
class Snapshot:
    """What the projector shows: the open step's counts, how many phones are here."""

    step: StepResult | None
    connected: int  # phones with a page open now
    phones: int  # different phones that joined this session
    stamp: float  # time.monotonic() when taken

    @property
    def answered(self) -> int:
        return self.step.answered if self.step else 0


# --- the QR code ------------------------------------------------------------------------------


def qr_code(url: str) -> Any:
    import segno  # only once phones mode starts: not needed for a lesson without phones

    return segno.make(url, error="m", boost_error=False)


def qr_matrix(url: str) -> list[list[bool]]:
    """The QR code's modules (True = dark), without the quiet zone, for the UI to draw."""
    return [[bool(v) for v in row] for row in qr_code(url).matrix]


def qr_png(url: str, scale: int = 8) -> bytes:
    out = io.BytesIO()
    qr_code(url).save(out, kind="png", scale=scale, border=4)
    return out.getvalue()


# --- the server -------------------------------------------------------------------------------


class PhoneServer:
    """One room's server. `start()` returns when it listens (or raises OSError)."""

    def __init__(
        self,
        room: Room,
        host: str,
        port: int = DEFAULT_PORT,
        *,
        notify: Callable[[], None] | None = None,
        help_data: Mapping[str, Any] | None = None,
    ) -> None:
        self.room = room
        self.host = check_bind_address(host)
        self.port = port
        self.notify = notify
        self.help_json = json.dumps(help_data or {}, ensure_ascii=False).encode()
        self._files = {path: (f.read_bytes(), kind) for path, (f, kind) in FILES.items()}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self._error: BaseException | None = None
        self._server: Server | None = None
        self._logger = silent_logger()
        self._phones: dict[str, dict[ServerConnection, None]] = {}  # phone id -> its pages
        self._by_address: dict[str, int] = {}
        self._requests: dict[str, Bucket] = {}
        self._bad_codes: dict[str, Bucket] = {}
        self._connections = 0
        self._pending = False
        self.snapshot = Snapshot(None, 0, 0, time.monotonic())

    # --- for the game (any thread) -----------------------------------------------------------

    @property
    def authority(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def url(self) -> str:
        """The short address to type."""
        return f"http://{self.authority}/"

    @property
    def join_url(self) -> str:
        """The address with the room code (the QR code)."""
        return f"{self.url}?r={self.room.code}"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, timeout: float = 5.0) -> PhoneServer:
        self._thread = threading.Thread(target=self._run, name="redflags-phones", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            self.stop()
            raise OSError("the phones' server did not start")
        if self._error is not None:
            error = self._error
            self._thread.join(STOP_TIMEOUT)
            raise error if isinstance(error, OSError) else OSError(str(error))
        return self

    def stop(self) -> None:
        """Stop the server; returns within about a second even with phones connected."""
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(stop.set)
        if self._thread is not None:
            self._thread.join(STOP_TIMEOUT + 0.3)

    def take(self) -> Snapshot:
        """The newest counts; call it when the notify event arrives (it re-arms the event)."""
        self._pending = False
        return self.snapshot

    def open_step(self, step: Step) -> None:
        self._call(self._open, step)

    def wait(self) -> None:
        self._call(self._wait)

    def finish(self) -> tuple[StepResult, ...]:
        """The session is over: the phones say so, the room forgets every id; the results."""
        return self._ask(self._finish) or ()

    def reveal(self) -> StepResult | None:
        """Close the answers of the open step; its final counts."""
        return self._ask(self._reveal)

    def results(self) -> tuple[StepResult, ...]:
        return self._ask(lambda: self.room.results) or ()

    def _call(self, fn: Callable[..., Any], *args: Any) -> None:
        if self._loop is None:
            raise RuntimeError("the phones' server is not running")
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(fn, *args)

    def _ask(self, fn: Callable[[], Any], timeout: float = 2.0) -> Any:
        if self._loop is None or not self.running:
            return fn()  # stopped: the room is no longer touched by the other thread

        async def run() -> Any:
            return fn()

        return asyncio.run_coroutine_threadsafe(run(), self._loop).result(timeout)

    # --- the loop thread ---------------------------------------------------------------------

    def _run(self) -> None:
        # A selector loop made by hand: asyncio.run() would log "Using selector" (debug).
        loop = asyncio.SelectorEventLoop(selectors.DefaultSelector())
        loop.set_exception_handler(lambda _loop, _context: None)
        try:
            loop.run_until_complete(self._main())
            tasks = [t for t in asyncio.all_tasks(loop) if not t.done()]
            for task in tasks:
                task.cancel()
            if tasks:
                loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
        except BaseException as exc:  # noqa: BLE001 - nothing may leave the thread or be printed
            self._error = self._error or exc
        finally:
            with contextlib.suppress(Exception):
                loop.close()
            self._ready.set()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        try:
            self._server = await self._listen()
        except OSError as exc:
            self._error = exc
            self._ready.set()
            return
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        await self._stop.wait()
        await self._shutdown()

    async def _listen(self) -> Server:
        def make(port: int) -> Any:
            return serve(
                self._handler,
                self.host,
                port,
                process_request=self._process_request,
                server_header=None,
                compression=None,
                open_timeout=HELLO_TIMEOUT,
                ping_interval=PING_INTERVAL,
                ping_timeout=PING_TIMEOUT,
                close_timeout=CLOSE_TIMEOUT,
                max_size=MAX_MESSAGE,
                max_queue=8,
                logger=self._logger,
            )

        try:
            return await make(self.port)
        except OSError:
            if self.port == 0:
                raise
            return await make(0)  # the usual port is taken: any free one

    async def _shutdown(self) -> None:
        server = self._server
        if server is None:
            return
        for conns in self._phones.values():
            broadcast(conns, json.dumps({"t": "bye"}))
        server.close(close_connections=True)
        try:
            await asyncio.wait_for(server.wait_closed(), STOP_TIMEOUT * 0.6)
        except (asyncio.TimeoutError, Exception):  # noqa: BLE001
            for conn in list(server.connections):
                conn.transport.abort()
            for task in list(server.handler_tasks):
                task.cancel()

    # --- HTTP ---------------------------------------------------------------------------------

    def _headers(self, kind: str, length: int) -> Headers:
        return Headers(
            [
                ("Content-Type", kind),
                ("Content-Length", str(length)),
                ("Content-Security-Policy", self.csp),
                ("X-Content-Type-Options", "nosniff"),
                ("Referrer-Policy", "no-referrer"),
                ("X-Frame-Options", "DENY"),
                ("Cross-Origin-Resource-Policy", "same-origin"),
                ("Cross-Origin-Opener-Policy", "same-origin"),
                ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
                ("Cache-Control", "no-store"),
                ("Connection", "close"),
            ]
        )

    @property
    def csp(self) -> str:
        return (
            "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; "
            f"img-src 'self'; connect-src 'self' ws://{self.authority}; base-uri 'none'; "
            "form-action 'none'; frame-ancestors 'none'"
        )

    def _plain(self, status: int, reason: str) -> Response:
        body = f"{status} {reason}\n".encode()
        return Response(status, reason, self._headers("text/plain; charset=utf-8", len(body)), body)

    def _process_request(self, conn: ServerConnection, request: Request) -> Response | None:
        """The HTTP side: a file of the phone page, or the go-ahead (None) for the websocket
        handshake; a refused request gets its status as plain text."""
        peer = _peer(conn)
        path = request.path.split("?", 1)[0]
        refused = self._refusal(peer, request, path)
        if refused is not None:
            return self._plain(refused.value, refused.phrase)
        if path == WS_PATH:
            return None  # the websocket handshake goes on
        return self._serve(path)

    def _refusal(self, peer: str, request: Request, path: str) -> HTTPStatus | None:
        """Why this request is refused, or None; the checks run in this order."""
        if not allowed_peer(peer):
            return HTTPStatus.FORBIDDEN
        if not self._request_bucket(peer).take():
            return HTTPStatus.TOO_MANY_REQUESTS
        if request.headers.get("Host") != self.authority:
            return HTTPStatus.MISDIRECTED_REQUEST
        origin = request.headers.get("Origin")
        if path == WS_PATH:
            return self._websocket_refusal(peer, origin)
        if origin is not None and origin != f"http://{self.authority}":
            return HTTPStatus.FORBIDDEN
        return None

    def _websocket_refusal(self, peer: str, origin: str | None) -> HTTPStatus | None:
        """A websocket only from the page this server gave, within the connection limits, and
        not from an address that guessed too many room codes."""
        if origin != f"http://{self.authority}":
            return HTTPStatus.FORBIDDEN
        if self._connections >= CONNS_TOTAL:
            return HTTPStatus.SERVICE_UNAVAILABLE
        if self._by_address.get(peer, 0) >= CONNS_PER_ADDRESS:
            return HTTPStatus.TOO_MANY_REQUESTS
        bad = self._bad_codes.get(peer)
        if bad is not None and bad.empty():
            return HTTPStatus.TOO_MANY_REQUESTS
        return None

    def _request_bucket(self, peer: str) -> Bucket:
        bucket = self._requests.get(peer)
        if bucket is None:
            if len(self._requests) > 4096:
                self._requests.clear()
            bucket = self._requests[peer] = Bucket(REQ_BURST, REQ_RATE)
        return bucket

    def _serve(self, path: str) -> Response:
        if path == "/help.json":
            body, kind = self.help_json, "application/json"
        elif path in self._files:
            body, kind = self._files[path]
        else:
            return self._plain(404, "Not Found")
        return Response(200, "OK", self._headers(kind, len(body)), body)

    # --- the websocket ------------------------------------------------------------------------

    async def _handler(self, conn: ServerConnection) -> None:
        peer = _peer(conn)
        self._by_address[peer] = self._by_address.get(peer, 0) + 1
        self._connections += 1
        phone: str | None = None
        try:
            phone = await self._hello(conn, peer)
            if phone is None:
                return
            bucket = Bucket(MSG_BURST, MSG_RATE)
            async for raw in conn:
                if not bucket.take():
                    await conn.close(1008, "too many messages")
                    return
                message = _parse(raw)
                if message is None:
                    await conn.close(1007, "not understood")
                    return
                self._on_message(conn, phone, message)
        except (ConnectionClosed, asyncio.TimeoutError, OSError):
            pass
        finally:
            self._connections -= 1
            left = self._by_address.get(peer, 1) - 1
            if left:
                self._by_address[peer] = left
            else:
                self._by_address.pop(peer, None)
            if phone is not None:
                conns = self._phones.get(phone)
                if conns is not None:
                    conns.pop(conn, None)
                    if not conns:
                        del self._phones[phone]
                self._publish()

    async def _hello(self, conn: ServerConnection, peer: str) -> str | None:
        raw = await asyncio.wait_for(conn.recv(), HELLO_TIMEOUT)
        message = _parse(raw)
        if message is None or message.get("t") != "hello":
            await conn.close(1007, "not understood")
            return None
        if not self.room.accepts(message.get("room")):
            bad = self._bad_codes.get(peer)
            if bad is None:
                if len(self._bad_codes) > 4096:
                    self._bad_codes.clear()
                bad = self._bad_codes[peer] = Bucket(BAD_CODE_BURST, BAD_CODE_RATE)
            bad.take()
            await conn.send(json.dumps({"t": "error", "e": "room"}))
            await conn.close(4001, "room")
            return None
        if self.room.over:
            await conn.send(json.dumps(self._view(None)))
            await conn.close(1000, "over")
            return None
        try:
            phone = self.room.join(message.get("id"))
        except Refused as exc:
            await conn.send(json.dumps({"t": "error", "e": exc.reason}))
            await conn.close(4002, exc.reason)
            return None
        conns = self._phones.setdefault(phone, {})
        while len(conns) >= CONNS_PER_PHONE:
            oldest = next(iter(conns))
            del conns[oldest]
            asyncio.ensure_future(oldest.close(4003, "replaced"))
        conns[conn] = None
        await conn.send(json.dumps(self._view(phone)))
        self._publish()
        return phone

    def _on_message(self, conn: ServerConnection, phone: str, message: dict[str, Any]) -> None:
        kind = message.get("t")
        try:
            if kind == "ping":
                broadcast([conn], '{"t":"pong"}')
                return
            if kind == "answer":
                self.room.answer(phone, message.get("step"), message.get("q"), message.get("c"))
            elif kind == "team":
                self.room.pick_team(phone, message.get("team"))
            elif kind == "state":
                broadcast([conn], json.dumps(self._view(phone)))
                return
            else:
                raise Refused("type")
        except Refused as exc:
            reply = self._view(phone)
            reply["e"] = exc.reason
            broadcast([conn], json.dumps(reply))
            return
        # Every page of this phone shows the answer it now has.
        broadcast(self._phones.get(phone, ()), json.dumps(self._view(phone)))
        self._publish()

    def heartbeat(self) -> float:
        """Seconds between a page's pings: 5 for a class, longer for a hall, so that the idle
        server stays under 1% of a core (about 15 pings a second at most)."""
        return round(min(HEARTBEAT_MAX, max(HEARTBEAT_MIN, len(self._phones) / 15)), 1)

    def _view(self, phone: str | None) -> dict[str, Any]:
        view = self.room.view(phone)
        view["hb"] = self.heartbeat()
        return view

    def _publish(self) -> None:
        self.snapshot = Snapshot(
            self.room.counts(), len(self._phones), self.room.phones, time.monotonic()
        )
        if not self._pending and self.notify is not None:
            self._pending = True
            with contextlib.suppress(Exception):
                self.notify()

    def _send_all(self) -> None:
        for phone, conns in self._phones.items():
            broadcast(conns, json.dumps(self._view(phone)))

    def _open(self, step: Step) -> None:
        with contextlib.suppress(Refused):
            self.room.open(step)
        self._send_all()
        self._publish()

    def _wait(self) -> None:
        self.room.wait()
        self._send_all()
        self._publish()

    def _reveal(self) -> StepResult | None:
        try:
            result = self.room.reveal()
        except Refused:
            return None
        self._send_all()
        self._publish()
        return result

    def _finish(self) -> tuple[StepResult, ...]:
        results = self.room.results
        self.room.finish()
        self._send_all()
        self._publish()
        return results


def _peer(conn: ServerConnection) -> str:
    try:
        return str(conn.remote_address[0])
    except (TypeError, IndexError, AttributeError):
        return ""


def _parse(raw: object) -> dict[str, Any] | None:
    if not isinstance(raw, str):
        return None
    try:
        message = json.loads(raw)
    except ValueError:
        return None
    return message if isinstance(message, dict) else None
