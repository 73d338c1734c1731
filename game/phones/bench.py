"""`redflags bench --phones N`: the phones' server under a class (40) or an assembly (300).

The server runs in this process as in the game (its own thread), with a headless "projector":
the main thread blocks on the notify queue as the idle game sleeps between frames, and takes the
counts when woken. The phones are simulated in a child process (they are other devices), each
from its own loopback address, each answering at a random moment of a few seconds after the
step opens and sending the page's heartbeat as often as the server asks (every 5-20 s).

Figures:
- answer-to-projector latency: from the moment a phone sends its answer to the moment the
  projector's loop holds a count that includes it (k-th answer sent matched to the count
  reaching k; both clocks are the system's monotonic clock), median and p99 over all rounds;
- server CPU idle (phones connected, heartbeats only) and busy (during the answer rounds), as a
  share of one core (this process: the server thread plus the idle projector loop);
- memory: what importing and starting phones mode adds, and the process's RSS with N phones;
- the time phones mode takes to start (import of websockets and segno, QR code, listening).
Targets: p99 <= 100 ms with 40 phones, <= 250 ms with 300; idle <= 1% of a core. Solo play never
imports any of this (tests/phones/test_room.py checks).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import queue
import random
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from game.bench_table import Check, check, print_result

ROOT = Path(__file__).resolve().parents[2]
TARGET_P99_MS = {40: 100.0, 300: 250.0}
TARGET_IDLE = 0.01
HEARTBEAT_S = 5.0  # the page's default; the server's 'hb' wins


def target_p99(phones: int) -> float:
    """100 ms up to a class of 40, 250 ms for an assembly of 300 (straight line between)."""
    if phones <= 40:
        return TARGET_P99_MS[40]
    if phones >= 300:
        return TARGET_P99_MS[300]
    return TARGET_P99_MS[40] + (phones - 40) * (TARGET_P99_MS[300] - TARGET_P99_MS[40]) / 260


def rss_mb() -> float:
    """This process's resident memory now (Linux), else its peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource  # Unix only

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _pct(values: Sequence[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return float(ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))])


# --- the phones (child process) ---------------------------------------------------------------


async def _phones_main(url: str, code: str, count: int, spread: float, seed: int) -> dict:
    from game.phones.sim import SimPhone, loopback_address  # the websockets client: child only

    rng = random.Random(seed)
    phones = [SimPhone(url, code, address=loopback_address(i)) for i in range(count)]
    for start in range(0, count, 50):  # join in waves, as a class does
        await asyncio.gather(*(p.join() for p in phones[start : start + 50]))
    sent: dict[str, list[float]] = {}
    stop = asyncio.Event()

    async def heartbeat(phone: SimPhone) -> None:
        await asyncio.sleep(rng.random() * HEARTBEAT_S)
        while not stop.is_set():
            try:
                await phone.send({"t": "ping"})
            except Exception:  # noqa: BLE001 - the server went away: the bench is over
                return
            await asyncio.sleep(float((phone.state or {}).get("hb") or HEARTBEAT_S))

    async def life(phone: SimPhone, delay_rng: random.Random) -> None:
        seen: set[str] = set()
        while True:
            state = await phone.until(
                lambda s: s["over"] or (s["step"] is not None and s["step"]["key"] not in seen),
                timeout=600,
            )
            if state["over"]:
                return
            key = state["step"]["key"]
            seen.add(key)
            await asyncio.sleep(delay_rng.random() * spread)
            choices = len(state["step"]["questions"][0]["choices"])
            t = time.monotonic()
            await phone.send(
                {"t": "answer", "step": key, "q": 0, "c": delay_rng.randrange(choices)}
            )
            sent.setdefault(key, []).append(t)

    beats = [asyncio.ensure_future(heartbeat(p)) for p in phones]
    await asyncio.gather(*(life(p, random.Random(rng.random())) for p in phones))
    stop.set()
    for b in beats:
        b.cancel()
    await asyncio.gather(*(p.close() for p in phones), return_exceptions=True)
    return sent


def child_main(argv: Sequence[str]) -> int:
    url, code, count, spread, seed = argv[0], argv[1], int(argv[2]), float(argv[3]), int(argv[4])
    sent = asyncio.run(_phones_main(url, code, count, spread, seed))
    print(json.dumps(sent))
    return 0


# --- the game's side ----------------------------------------------------------------------------


def run(
    phones: int, *, rounds: int = 5, spread: float = 3.0, idle_seconds: float = 10.0
) -> dict[str, Any]:
    rss_before = rss_mb()
    t0 = time.perf_counter()
    # imported here on purpose: the bench measures how long the server takes to import
    from game.phones.room import Question, Room, Step
    from game.phones.server import PhoneServer, qr_matrix

    imported = time.perf_counter()
    events: queue.Queue[None] = queue.Queue()
    room = Room()
    server = PhoneServer(room, "127.0.0.1", 0, notify=lambda: events.put(None)).start()
    qr_matrix(server.join_url)
    started = time.perf_counter()
    rss_started = rss_mb()
    child = _start_phones(server.url, room.code, phones, spread)

    def wait_for(check: Any, timeout: float) -> list[tuple[float, Any]]:
        return _projector_wait(server, events, child, check, timeout)

    try:
        wait_for(lambda s: s.connected == phones, 120)
        rss_connected = rss_mb()
        arrivals: dict[str, list[float]] = {}
        cpu0, wall0 = time.process_time(), time.monotonic()
        for r in range(rounds):
            key = f"{r + 1}:option"
            step = Step(
                key,
                "option",
                (Question("What do you do?", ("one", "two", "three", "four")),),
                card_id=f"bench-{r}",
            )
            server.open_step(step)
            seen = wait_for(
                lambda s, key=key: (
                    s.step is not None and s.step.key == key and s.answered == phones
                ),
                60 + spread,
            )
            arrivals[key] = _answer_times(seen, key)
            server.reveal()
        busy = (time.process_time() - cpu0) / (time.monotonic() - wall0)
        server.wait()
        time.sleep(1.0)
        cpu1, wall1 = time.process_time(), time.monotonic()
        time.sleep(idle_seconds)
        idle = (time.process_time() - cpu1) / (time.monotonic() - wall1)
        server.finish()
        out, err = child.communicate(timeout=60)
        if child.returncode != 0:
            raise RuntimeError("the simulated phones failed: " + err.strip()[-400:])
        sent: dict[str, list[float]] = json.loads(out.strip().splitlines()[-1])
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
        stop0 = time.perf_counter()
        server.stop()
        stopped = time.perf_counter() - stop0
    latencies = [
        max(0.0, a - s) * 1000
        for key, times in arrivals.items()
        for s, a in zip(sorted(sent.get(key, [])), times)
    ]
    return {
        "phones": phones,
        "rounds": rounds,
        "answers": len(latencies),
        "latency_median_ms": _pct(latencies, 0.5),
        "latency_p99_ms": _pct(latencies, 0.99),
        "latency_max_ms": max(latencies) if latencies else float("nan"),
        "cpu_idle_share": idle,
        "cpu_busy_share": busy,
        "idle_seconds": idle_seconds,
        "import_ms": (imported - t0) * 1000,
        "start_ms": (started - t0) * 1000,
        "stop_ms": stopped * 1000,
        "rss_before_mb": rss_before,
        "rss_added_by_start_mb": rss_started - rss_before,
        "rss_with_phones_mb": rss_connected,
        "target_p99_ms": target_p99(phones),
        "target_idle_share": TARGET_IDLE,
    }


def _start_phones(url: str, code: str, phones: int, spread: float) -> subprocess.Popen[str]:
    """The simulated phones: a child process (their own event loop and loopback addresses)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "game.phones.bench",
            "--child",
            url,
            code,
            str(phones),
            str(spread),
            "7",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=str(ROOT),
    )


def _projector_wait(
    server: Any, events: queue.Queue[None], child: subprocess.Popen[str], check: Any, timeout: float
) -> list[tuple[float, Any]]:
    """The projector's loop: block until woken, take the counts, note when; until `check`."""
    seen: list[tuple[float, Any]] = []
    deadline = time.monotonic() + timeout
    snap = server.take()
    seen.append((time.monotonic(), snap))
    while not check(snap):
        left = deadline - time.monotonic()
        if left <= 0 or child.poll() not in (None, 0):
            raise RuntimeError(f"the simulated phones stalled: {snap}")
        try:
            events.get(timeout=min(left, 0.5))
        except queue.Empty:
            continue
        snap = server.take()
        seen.append((time.monotonic(), snap))
    return seen


def _answer_times(seen: list[tuple[float, Any]], key: str) -> list[float]:
    """When the projector saw each answer of step `key` arrive (one time per answer)."""
    times: list[float] = []
    for t, snap in seen:
        if snap.step is None or snap.step.key != key:
            continue
        while len(times) < snap.answered:
            times.append(t)
    return times


def checks(r: dict[str, Any]) -> list[Check]:
    out: list[Check] = []

    def add(name: str, value: str, target: str, ok: bool) -> None:
        out.append(check(name, value, target, ok))

    add(
        f"answer -> projector, {r['phones']} phones",
        f"median {r['latency_median_ms']:.1f} ms, p99 {r['latency_p99_ms']:.1f} ms "
        f"(max {r['latency_max_ms']:.1f}; {r['answers']} answers)",
        f"p99 <= {r['target_p99_ms']:.0f} ms",
        r["latency_p99_ms"] <= r["target_p99_ms"],
    )
    add(
        f"server CPU idle ({r['idle_seconds']:.0f} s, heartbeats)",
        f"{r['cpu_idle_share'] * 100:.2f}% of a core",
        f"<= {TARGET_IDLE * 100:.0f}%",
        r["cpu_idle_share"] <= TARGET_IDLE,
    )
    add(
        "server CPU while answering",
        f"{r['cpu_busy_share'] * 100:.1f}% of a core",
        "(reported)",
        True,
    )
    add(
        "phones mode start (import, QR, listen)",
        f"{r['start_ms']:.0f} ms (import {r['import_ms']:.0f} ms), "
        f"+{r['rss_added_by_start_mb']:.1f} MB; stop {r['stop_ms']:.0f} ms",
        "stop < 1000 ms",
        r["stop_ms"] < 1000,
    )
    add(
        f"memory with {r['phones']} phones",
        f"{r['rss_with_phones_mb']:.0f} MB RSS (before phones mode {r['rss_before_mb']:.0f} MB)",
        "(reported)",
        True,
    )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    args_in = list(sys.argv[1:] if argv is None else argv)
    if args_in[:1] == ["--child"]:
        return child_main(args_in[1:])
    parser = argparse.ArgumentParser(
        prog="redflags bench --phones N",
        description="Measure the phones' server: answer-to-projector latency, CPU, memory.",
    )
    parser.add_argument("--phones", type=int, required=True, help="how many simulated phones")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--quick", action="store_true", help="2 rounds, 3 s idle (for tests)")
    args = parser.parse_args(args_in)
    if not 1 <= args.phones <= 1000:
        parser.error("--phones is 1 to 1000")
    if not args.json:
        print(f"Measuring with {args.phones} simulated phones (about half a minute)...")
    try:
        if args.quick:
            result = run(args.phones, rounds=2, spread=1.0, idle_seconds=3.0)
        else:
            result = run(args.phones)
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        print(f"The benchmark could not run: {exc}", file=sys.stderr)
        return 1
    result["checks"] = checks(result)
    print_result(result, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
