"""Benchmark: the bot's memory (bot/memory) on SQLite: a vote, a save, a /saved page; the event loop meanwhile.

    python -m benchmarks.bench_memory [--runs N] [--url DB_URL] [--json]

A fresh database (a temp SQLite file unless --url names another, e.g. a PostgreSQL
database) is filled with 2,000 replies (3 grooves each) and 100 saves of one user, as a
busy guild's would be. Then, one call at a time, ``--runs`` votes (random users on random
replies), saves and /saved pages (random page of 5) are timed inside the store, commit
included. Last, 50 votes at once, 10 rounds, while a heartbeat task asks to wake every
10 ms: its worst lateness is how long the event loop (the gateway heartbeat, every
interaction's 3-second acknowledgement) ever waited. Targets: p95 <= 20 ms per call,
heartbeat delay < 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from bot.memory import NewSave, ReplyRecord, Store, database_url

CALL_TARGET_MS = 20.0
HEARTBEAT_TARGET_MS = 1000.0
REPLIES, SAVES, CONCURRENT, ROUNDS = 2000, 100, 50, 10
USER = 42
NOTATION = "bd: x---x---x---x---"


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def _timed(call) -> float:
    start = time.perf_counter()
    await call
    return (time.perf_counter() - start) * 1000


async def _fill(store: Store, rng: random.Random) -> None:
    for message in range(1, REPLIES + 1):
        grooves = tuple(f"groove-{rng.randrange(400)}" for _ in range(3))
        record = ReplyRecord("a request", NOTATION, "A groove", "funk", 100, 0.0, "llm", grooves,
                             message_id=message, guild_id=1, channel_id=2, author_id=rng.randrange(1000))  # fmt: skip
        await store.record_reply(record)
    for n in range(SAVES):
        await store.save(NewSave(USER, f"Groove {n}", "funk", NOTATION, "a request", 100, 0.0, 1, 2, n + 1))


async def _heartbeat(stop: asyncio.Event, delays: list[float]) -> None:
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        due = loop.time() + 0.010
        await asyncio.sleep(0.010)
        delays.append(max(0.0, loop.time() - due) * 1000)


async def run(url: str, runs: int) -> dict:
    rng = random.Random(7)
    store = Store(database_url(url))
    assert await store.open()
    await _fill(store, rng)
    vote_ms = [await _timed(store.vote(rng.randrange(1, REPLIES + 1), rng.randrange(10**6), 1, rng.choice((1, -1))))
               for _ in range(runs)]  # fmt: skip
    save_ms = []
    for n in range(runs):
        groove = NewSave(USER + 1 + n % 50, "Groove", "funk", "bd: x---", "a request", 100, 0.0, 1, 2, 10**6 + n)
        save_ms.append(await _timed(store.save(groove)))
    page_ms = [await _timed(store.saved_page(USER, rng.randrange(SAVES // 5), 5)) for _ in range(runs)]
    counts_ms = [await _timed(store.vote_counts(1)) for _ in range(10)]

    stop, delays, burst_ms = asyncio.Event(), [], []
    beat = asyncio.create_task(_heartbeat(stop, delays))
    for _ in range(ROUNDS):
        start = time.perf_counter()
        await asyncio.gather(*(store.vote(rng.randrange(1, REPLIES + 1), rng.randrange(10**6), 1, 1)
                               for _ in range(CONCURRENT)))  # fmt: skip
        burst_ms.append((time.perf_counter() - start) * 1000)
    stop.set()
    await beat
    await store.close()

    def stats(values: list[float]) -> dict:
        return {"p50_ms": round(statistics.median(values), 2), "p95_ms": round(_p(values, 0.95), 2)}

    return {
        "backend": url.split(":", 1)[0],
        "runs": runs,
        "vote": stats(vote_ms),
        "save": stats(save_ms),
        "saved_page": stats(page_ms),
        "vote_counts": stats(counts_ms),
        "burst_of_50_votes": stats(burst_ms),
        "heartbeat_delay_ms": {"max": round(max(delays), 1), "p95": round(_p(delays, 0.95), 1)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--url", help="a database URL (default: a fresh SQLite file in a temp folder)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.url or f"sqlite:///{Path(folder) / 'memory.sqlite3'}"
        result = asyncio.run(run(url, args.runs))
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{result['backend']}, {args.runs} calls each, one at a time (store time, commit included):")
    for name in ("vote", "save", "saved_page", "vote_counts", "burst_of_50_votes"):
        s = result[name]
        print(f"  {name:18s} p50 {s['p50_ms']:7.2f} ms   p95 {s['p95_ms']:7.2f} ms")
    beat = result["heartbeat_delay_ms"]
    print(f"  heartbeat delay under {CONCURRENT} concurrent votes: max {beat['max']} ms, p95 {beat['p95']} ms")
    worst = max(result[n]["p95_ms"] for n in ("vote", "save", "saved_page"))
    calls = "met" if worst <= CALL_TARGET_MS else "MISSED"
    loop = "met" if beat["max"] < HEARTBEAT_TARGET_MS else "MISSED"
    print(f"targets: p95 <= {CALL_TARGET_MS:.0f} ms ({calls}), heartbeat < {HEARTBEAT_TARGET_MS:.0f} ms ({loop})")


if __name__ == "__main__":
    main()
