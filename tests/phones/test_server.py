"""The phones' server on loopback: a whole class session, hostile input, the QR code, stopping.

The real server thread runs; the "game" is a headless loop over game.model's Session in the
test's thread, woken by the server's notify callback through a queue (what the UI does with a
pygame event); the phones are simulated in a third thread, each from its own 127.0.1.N address.
"""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import json
import logging
import queue
import random
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from game.content.decks import load_decks
from game.model.kinds import Mode, Phase
from game.model.session import Session
from game.phones.room import Room, pulse_step
from game.phones.server import (
    MAX_MESSAGE,
    PhoneServer,
    Snapshot,
    allowed_peer,
    check_bind_address,
    qr_matrix,
    qr_png,
)
from game.phones.sim import SimPhone, loopback_address
from game.phones.steps import step_for

ROOT = Path(__file__).resolve().parents[2]
DECK = ROOT / "assets" / "decks" / "en"


class Game:
    """The game's side: the server posts 'something changed', the game takes the counts."""

    def __init__(self, teams: tuple[str, ...] = (), code: str | None = None) -> None:
        self.events: queue.Queue[None] = queue.Queue()
        self.room = Room(code, teams=teams)
        self.server = PhoneServer(self.room, "127.0.0.1", 0, notify=lambda: self.events.put(None))
        self.server.start()

    def until(self, check: Callable[[Snapshot], bool], timeout: float = 20.0) -> Snapshot:
        deadline = time.monotonic() + timeout
        snap = self.server.take()
        while not check(snap):
            left = deadline - time.monotonic()
            assert left > 0, f"the projector never saw it: {snap}"
            with contextlib.suppress(queue.Empty):
                self.events.get(timeout=left)
            snap = self.server.take()
        return snap


@pytest.fixture
def game() -> Iterator[Game]:
    g = Game()
    yield g
    g.server.stop()
    assert not g.server.running


def run_async(coro: object, timeout: float = 60.0) -> object:
    return asyncio.run(asyncio.wait_for(coro, timeout))  # type: ignore[arg-type]


def raw_request(server: PhoneServer, path: str = "/", headers: dict[str, str] | None = None):
    conn = http.client.HTTPConnection(server.host, server.port, timeout=5)
    conn.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
    sent = {"Host": server.authority, **(headers or {})}
    for k, v in sent.items():
        if v is not None:
            conn.putheader(k, v)
    conn.endheaders()
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


# --- a whole session ----------------------------------------------------------------------------

PHONES = 40


def test_forty_phones_a_ten_card_session_counts_exact() -> None:
    game = Game()
    server = game.server
    cards = load_decks(sorted(DECK.glob("*.yaml"))).cards
    session = Session.start(cards, mode=Mode.TOGETHER, count=10, seed=11)
    finals: dict[str, dict[int, list[int]]] = {}
    done: dict[str, threading.Event] = {}
    lock = threading.Lock()
    errors: list[BaseException] = []
    reconnects = [0]

    def mark(key: str, phone: int, answers: list[int]) -> None:
        with lock:
            finals.setdefault(key, {})[phone] = answers
            if len(finals[key]) == PHONES:
                done.setdefault(key, threading.Event()).set()

    async def life(i: int) -> None:
        phone = SimPhone(server.url, game.room.code.lower(), address=loopback_address(i))
        assert (await phone.join())["t"] == "state"
        seen: set[str] = set()
        while True:
            state = await phone.until(
                lambda s: (
                    s["over"]
                    or (
                        s["step"] is not None and s["step"]["key"] not in seen and not s["revealed"]
                    )
                ),
                timeout=60,
            )
            if state["over"]:
                break
            step = state["step"]
            key = step["key"]
            seen.add(key)
            rng = random.Random(f"{i}/{key}")
            answers = []
            for q, question in enumerate(step["questions"]):
                n = len(question["choices"])
                first = rng.randrange(n)
                await phone.answer(q, first)
                final = first
                if i % 4 == 0:  # a quarter of the class drops and comes back
                    await phone.drop()
                    back = await phone.join()
                    reconnects[0] += 1
                    assert back["step"]["key"] == key, back
                    assert back["mine"][q] == first, back  # the earlier answer is still there
                if rng.random() < 0.3:  # some change their minds
                    final = (first + 1 + rng.randrange(n - 1)) % n
                    await phone.answer(q, final)
                answers.append(final)
            mark(key, i, answers)
        await phone.close()

    async def guarded(i: int) -> None:
        try:
            await life(i)
        except BaseException as exc:  # noqa: BLE001 - reported by the game's side
            errors.append(exc)
            raise

    async def class_of_40() -> None:
        await asyncio.gather(*(guarded(i) for i in range(PHONES)), return_exceptions=True)

    phones = threading.Thread(target=lambda: asyncio.run(class_of_40()), daemon=True)
    phones.start()
    try:
        game.until(lambda s: s.connected == PHONES)

        def play(step) -> tuple[int, ...]:
            done.setdefault(step.key, threading.Event())
            server.open_step(step)
            assert done[step.key].wait(30), f"the phones did not finish {step.key}: {errors}"
            expected = [
                tuple(
                    sum(1 for a in finals[step.key].values() if a[q] == c)
                    for c in range(len(question.choices))
                )
                for q, question in enumerate(step.questions)
            ]
            snap = game.until(
                lambda s: (
                    s.step is not None
                    and s.step.key == step.key
                    and s.answered == PHONES
                    and list(s.step.counts) == expected
                )
            )
            assert sum(snap.step.counts[0]) == PHONES  # nothing lost or counted twice
            result = server.reveal()
            assert result is not None and list(result.counts) == expected
            return expected[0]

        play(pulse_step("before"))
        for _ in range(10):
            session.show_options()
            counts = play(step_for(session.state))
            session.choose(counts.index(max(counts)))  # the class's most chosen option
            counts = play(step_for(session.state))
            session.explain(counts.index(max(counts)))
            assert session.phase is Phase.FEEDBACK
            server.wait()
            if session.state.is_last_card:
                session.next()
                break
            session.next()
        assert session.phase is Phase.SUMMARY
        play(pulse_step("after"))
        results = server.finish()
    finally:
        phones.join(30)
        server.stop()
    assert not errors, errors
    assert len(results) == 22  # 10 cards x (option, reason) + the pulse before and after
    assert all(r.answered == PHONES and r.revealed for r in results)
    for r in results:
        for q, counts in enumerate(r.counts):
            assert counts == tuple(
                sum(1 for a in finals[r.key].values() if a[q] == c) for c in range(len(counts))
            )
    assert reconnects[0] == 10 * (20 + 2 * 3)  # 10 phones, each question of each step
    assert game.room.phones == 0  # the room forgot every id
    assert not server.running


def test_all_teams_phones_pick_their_team_and_counts_are_per_team() -> None:
    game = Game(teams=("A Foxes", "B Owls"))

    async def go() -> None:
        phones = [SimPhone(game.server.url, game.room.code) for _ in range(5)]
        for p in phones:
            await p.join()
            assert p.state["teams"] == ["A Foxes", "B Owls"] and p.state["team"] is None
        for i, p in enumerate(phones):
            await p.send({"t": "team", "team": i % 2})
            await p.until(lambda s, i=i: s["team"] == i % 2)
        game.server.open_step(pulse_step("before"))
        for i, p in enumerate(phones):
            await p.until(lambda s: s["step"] is not None)
            await p.answer(0, i % 3)
        for p in phones:
            await p.close()

    try:
        run_async(go())
        snap = game.until(lambda s: s.answered == 5)
        assert snap.step.counts[0] == (2, 2, 1)
        assert snap.step.team_counts[0][0] == (1, 1, 1)  # phones 0, 2, 4: choices 0, 2, 1
        assert snap.step.team_counts[1][0] == (1, 1, 0)  # phones 1, 3: choices 1, 0
    finally:
        game.server.stop()


# --- the page's files and its headers ------------------------------------------------------------


def test_the_page_is_served_with_a_strict_csp_naming_the_ws_origin(game: Game) -> None:
    server = game.server
    response, body = raw_request(server, "/?r=" + game.room.code)
    assert response.status == 200 and b"phone.js" in body
    csp = response.getheader("Content-Security-Policy")
    assert f"connect-src 'self' ws://{server.authority};" in csp
    assert "default-src 'none'" in csp and "script-src 'self';" in csp
    assert "unsafe" not in csp and "*" not in csp
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("Referrer-Policy") == "no-referrer"
    assert response.getheader("Server") is None
    for path in ("/phone.js", "/phone.css", "/strings.js", "/font.ttf", "/icon.svg", "/help.json"):
        response, body = raw_request(server, path)
        assert response.status == 200 and body, path
    for path in ("/../pyproject.toml", "/game/cli.py", "/index.html/..", "/favicon.ico"):
        assert raw_request(server, path)[0].status == 404, path


def test_the_page_asks_nothing_of_any_other_server() -> None:
    page = ROOT / "assets" / "phone"
    for f in page.iterdir():
        text = f.read_text(encoding="utf-8")
        assert "http://" not in text.replace('"http://www.w3.org/2000/svg"', "")
        assert "https://" not in text and "//cdn" not in text, f
        assert "<script>" not in text and "style=" not in text and "onclick" not in text, f


def test_help_is_served_as_given(game: Game) -> None:
    server = PhoneServer(Room(), "127.0.0.1", 0, help_data={"emergency": "112", "services": []})
    server.start()
    try:
        response, body = raw_request(server, "/help.json")
        assert json.loads(body) == {"emergency": "112", "services": []}
    finally:
        server.stop()


# --- hostile input ------------------------------------------------------------------------------


def test_a_foreign_host_gets_421_and_a_foreign_origin_403(game: Game) -> None:
    server = game.server
    assert raw_request(server, "/", {"Host": "evil.example:80"})[0].status == 421
    assert raw_request(server, "/", {"Host": "localhost:" + str(server.port)})[0].status == 421
    assert raw_request(server, "/", {"Host": None})[0].status == 421
    assert raw_request(server, "/", {"Origin": "http://evil.example"})[0].status == 403

    async def ws(origin: str | None) -> int:
        phone = SimPhone(server.url, game.room.code)
        from websockets.asyncio.client import connect
        from websockets.exceptions import InvalidStatus

        try:
            async with connect(phone.ws_url, origin=origin, open_timeout=5):  # type: ignore[arg-type]
                return 101
        except InvalidStatus as exc:
            return exc.response.status_code

    assert run_async(ws("http://evil.example")) == 403
    assert run_async(ws(None)) == 403
    assert run_async(ws(f"http://localhost:{server.port}")) == 403
    assert run_async(ws(server.url.rstrip("/"))) == 101


def test_only_private_and_loopback_peers() -> None:
    for ok in ("127.0.0.1", "127.0.1.7", "10.1.2.3", "192.168.137.12", "172.20.0.5", "::1"):
        assert allowed_peer(ok), ok
    for bad in ("8.8.8.8", "1.1.1.1", "100.64.0.1", "0.0.0.0", "224.0.0.1", "", "nonsense"):
        assert not allowed_peer(bad), bad
    with pytest.raises(ValueError):
        check_bind_address("0.0.0.0")
    with pytest.raises(ValueError):
        check_bind_address("8.8.8.8")
    with pytest.raises(ValueError):
        PhoneServer(Room(), "0.0.0.0", 0)


def test_wrong_room_is_refused_and_guessing_is_slowed(game: Game) -> None:
    async def go() -> list[object]:
        out: list[object] = []
        for _ in range(14):
            phone = SimPhone(game.server.url, "ACDEF" if game.room.code != "ACDEF" else "ACDEH")
            try:
                out.append((await phone.join())["e"])
            except Exception as exc:  # noqa: BLE001 - a 429 refusal after a few wrong codes
                out.append(type(exc).__name__)
            await phone.close()
        return out

    results = run_async(go())
    assert results[:10] == ["room"] * 10
    assert "InvalidStatus" in results[10:]
    assert game.room.phones == 0


def test_big_messages_bad_json_forged_and_replayed_ids(game: Game) -> None:
    server = game.server
    server.open_step(pulse_step("before"))

    async def go() -> None:
        honest = SimPhone(server.url, game.room.code)
        await honest.join()
        await honest.until(lambda s: s["step"] is not None)
        await honest.answer(0, 1)
        # A 5 KB message closes the connection (the library's 1009), and counts nothing.
        big = SimPhone(server.url, game.room.code)
        await big.join()
        await big.send({"t": "answer", "step": "pulse:before", "q": 0, "c": 0, "x": "y" * 5000})
        await asyncio.wait_for(big.ws.wait_closed(), 5)
        assert big.ws.close_code == 1009
        assert len(json.dumps({"x": "y" * MAX_MESSAGE})) > MAX_MESSAGE
        # Bad JSON, a list, binary, an unknown type: closed or refused, never counted.
        for raw in ("{not json", "[1, 2]", b"\x00\x01"):
            bad = SimPhone(server.url, game.room.code)
            await bad.join()
            await bad.ws.send(raw)
            await asyncio.wait_for(bad.ws.wait_closed(), 5)
            assert bad.ws.close_code == 1007
        odd = SimPhone(server.url, game.room.code)
        await odd.join()
        await odd.send({"t": "format-disk"})
        await odd.send({"t": "answer", "step": "pulse:before", "q": 7, "c": 0})
        await odd.send({"t": "answer", "step": "3:option", "q": 0, "c": 0})
        await odd.send({"t": "answer", "step": "pulse:before", "q": 0, "c": 99})
        await odd.send({"t": "state"})
        await odd.until(lambda s: s.get("mine") is None and s.get("e") is None)
        # Forged ids: not the shape of an id; an honest phone's id replayed by another page
        # changes nothing that phone did not say itself, and is never a second vote.
        forged = SimPhone(server.url, game.room.code, phone_id="x")
        assert (await forged.join()) == {"t": "error", "e": "id"}
        replay = SimPhone(server.url, game.room.code, phone_id=honest.id)
        state = await replay.join()
        assert state["mine"] == [1, None, None]
        await replay.answer(0, 2)
        await honest.until(lambda s: s["mine"] == [2, None, None])  # both pages follow
        for p in (honest, big, odd, forged, replay):
            await p.close()

    run_async(go())
    snap = game.until(lambda s: s.step is not None and s.step.counts[0] == (0, 0, 1))
    assert snap.answered == 1  # the honest phone and its replayed id: one answer


def test_a_flood_of_messages_closes_that_connection(game: Game) -> None:
    async def go() -> int | None:
        phone = SimPhone(game.server.url, game.room.code)
        await phone.join()
        for _ in range(200):
            try:
                await phone.send({"t": "ping"})
            except Exception:  # noqa: BLE001
                break
        await asyncio.wait_for(phone.ws.wait_closed(), 5)
        return phone.ws.close_code

    assert run_async(go()) == 1008


def test_a_burst_of_400_requests_is_limited_and_the_game_keeps_running(game: Game) -> None:
    server = game.server
    statuses: list[int] = []
    lock = threading.Lock()

    def hit(n: int) -> None:
        for _ in range(n):
            try:
                status = raw_request(server, "/phone.css")[0].status
            except OSError:
                status = 0
            with lock:
                statuses.append(status)

    workers = [threading.Thread(target=hit, args=(50,)) for _ in range(8)]
    started = time.monotonic()
    for w in workers:
        w.start()
    # Meanwhile the game opens a step and a phone from another address answers it.
    server.open_step(pulse_step("before"))

    async def answer() -> None:
        phone = SimPhone(server.url, game.room.code, address="127.0.1.99")
        await phone.join()
        await phone.until(lambda s: s["step"] is not None)
        await phone.answer(0, 0)
        await phone.close()

    run_async(answer())
    for w in workers:
        w.join(30)
    assert len(statuses) == 400
    assert statuses.count(200) >= 250 and statuses.count(429) >= 50, sorted(set(statuses))
    assert set(statuses) <= {200, 429}
    assert game.until(lambda s: s.answered == 1).answered == 1
    assert time.monotonic() - started < 20
    assert server.running


# --- no logs, stopping, the QR code ---------------------------------------------------------------


def test_nothing_is_logged_or_printed(game: Game, caplog: pytest.LogCaptureFixture, capfd) -> None:
    caplog.set_level(logging.DEBUG)
    server = game.server

    async def noise() -> None:
        phone = SimPhone(server.url, game.room.code)
        await phone.join()
        await phone.ws.send("{broken")
        with contextlib.suppress(Exception):
            await asyncio.wait_for(phone.ws.wait_closed(), 5)
        with socket.create_connection((server.host, server.port)) as s:
            s.sendall(b"POST / HTTP/1.1\r\nHost: x\r\n\r\n")
            s.recv(100)
        with socket.create_connection((server.host, server.port)) as s:
            s.sendall(b"\x16\x03\x01 not http at all\r\n\r\n")
            s.recv(100)

    run_async(noise())
    server.stop()
    ours = [r for r in caplog.records if r.threadName == "redflags-phones"]
    assert not ours, [r.getMessage() for r in ours]
    assert not [r for r in caplog.records if r.name.startswith("websockets.server")]
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_stops_within_a_second_with_phones_connected() -> None:
    game = Game()
    ready = threading.Event()
    release = threading.Event()

    async def hold() -> None:
        phones = [SimPhone(game.server.url, game.room.code) for _ in range(20)]
        for p in phones:
            await p.join()
        ready.set()
        while not release.is_set():
            await asyncio.sleep(0.05)
        for p in phones:
            await p.close()

    t = threading.Thread(target=lambda: asyncio.run(hold()), daemon=True)
    t.start()
    assert ready.wait(20)
    started = time.monotonic()
    game.server.stop()
    took = time.monotonic() - started
    release.set()
    t.join(10)
    assert not game.server.running
    assert took < 1.0, took
    with pytest.raises(OSError):
        socket.create_connection((game.server.host, game.server.port), timeout=1).close()


def test_the_port_is_taken_then_any_free_one() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        taken = s.getsockname()[1]
        server = PhoneServer(Room(), "127.0.0.1", taken).start()
        try:
            assert server.port != taken and server.running
        finally:
            server.stop()


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg (zbar-tools) is not installed")
def test_the_qr_code_decodes_to_the_url_with_the_room_code(tmp_path: Path) -> None:
    url = "http://192.168.1.23:8765/?r=ACDEF"
    png = tmp_path / "qr.png"
    png.write_bytes(qr_png(url))
    run = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(png)], capture_output=True, text=True, timeout=30
    )
    assert run.stdout.strip() == url
    matrix = qr_matrix(url)
    assert len(matrix) == len(matrix[0]) >= 21 and any(any(row) for row in matrix)
