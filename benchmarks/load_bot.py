"""Load run: many users send /drums at once to the real bot, over real sockets.

    python -m benchmarks.load_bot --users 50 --model-delay 2 [--concurrency 2] [--queue 20] [--json]

The bot runs in this process against the fake Discord (tests/fakes/discord_api.py) and a
fake Ollama that takes ``--model-delay`` seconds per answer; the engine is the real one
over the real library (data/, index in data/index). ``--concurrency`` and ``--queue`` are
MAX_CONCURRENT_GENERATIONS and GENERATION_QUEUE_SIZE (defaults: the bot's, 2 and 20; users
beyond the queue are told "busy" at once).

Prints acknowledgement and completion latency (p50/p95/max, seconds from the interaction
being dispatched), how many were answered or turned away, the worst gateway heartbeat
delay (gap beyond the interval) and the worst event-loop lag (a 50 ms timer's overshoot).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import math
import os
import tempfile
import time
from pathlib import Path

HEARTBEAT_MS = 500
TICK = 0.05


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0-100); nan for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


async def _loop_lag(samples: list[float], stop: asyncio.Event) -> None:
    while not stop.is_set():
        start = time.monotonic()
        await asyncio.sleep(TICK)
        samples.append(time.monotonic() - start - TICK)


async def run(users: int, model_delay: float, concurrency: int, queue: int, data_dir: Path | None) -> dict:
    from bot.client import create_bot
    from bot.settings import load_settings
    from pydrums_engine.engine import Engine
    from pydrums_engine.llm import OllamaSettings
    from tests.fakes import FakeOllama
    from tests.fakes.discord_api import DEFERRED_MESSAGE, FakeDiscord

    with FakeOllama(delay=model_delay) as ollama, tempfile.TemporaryDirectory() as memory_dir:
        engine = await asyncio.to_thread(
            Engine.load, data_dir, ollama=OllamaSettings(host=ollama.url, timeout=model_delay + 30)
        )
        async with FakeDiscord(heartbeat_interval_ms=HEARTBEAT_MS) as fake:
            environ = {
                **fake.env(),
                "DEV_GUILD_ID": str(fake.guild_id),
                "DRUMS_COOLDOWN_SECONDS": "0",
                "MAX_CONCURRENT_GENERATIONS": str(concurrency),
                "GENERATION_QUEUE_SIZE": str(queue),
                "PYDRUMS_DB_URL": f"sqlite:///{memory_dir}/memory.sqlite3",  # the answers it records go nowhere lasting
            }
            settings = load_settings(environ)
            bot = create_bot(settings, engine=engine, guild_ready_timeout=0.1)
            await bot.login(fake.token)
            connection = asyncio.create_task(bot.connect(reconnect=False))
            await fake.wait_until_connected()
            await fake.wait_for_sync(fake.guild_id)
            await fake.wait_for_heartbeats(2)
            first_beat = len(fake.heartbeats) - 1

            lag: list[float] = []
            stop = asyncio.Event()
            watcher = asyncio.create_task(_loop_lag(lag, stop))
            started = time.monotonic()
            records = await asyncio.gather(
                *(
                    fake.interact(
                        "drums", {"description": f"driving funk with ghost notes, take {i}"}, user_id=fake.new_id()
                    )
                    for i in range(users)
                )
            )

            async def finished(record) -> tuple[str, float]:
                callback = await record.acked(30)
                if callback.type != DEFERRED_MESSAGE:
                    return "busy", callback.at - record.dispatched_at
                await record.final(model_delay * users + 120, until=lambda m: len(m.attachments) == 3)
                return "answered", time.monotonic() - record.dispatched_at

            outcomes = await asyncio.gather(*(finished(r) for r in records))
            wall = time.monotonic() - started
            stop.set()
            await watcher
            gaps = fake.heartbeat_gaps()[first_beat:]
            await bot.close()
            await asyncio.wait_for(connection, 10)

    acks = [r.ack_latency for r in records if r.ack_latency is not None]
    done = [t for kind, t in outcomes if kind == "answered"]
    return {
        "users": users,
        "model_delay": model_delay,
        "concurrency": concurrency,
        "queue": queue,
        "answered": len(done),
        "busy": sum(1 for kind, _ in outcomes if kind == "busy"),
        "refused_by_discord": sum(1 for r in records if r.rejected),
        "ack": {"p50": percentile(acks, 50), "p95": percentile(acks, 95), "max": max(acks, default=math.nan)},
        "completion": {"p50": percentile(done, 50), "p95": percentile(done, 95), "max": max(done, default=math.nan)},
        "heartbeat_interval": HEARTBEAT_MS / 1000,
        "heartbeats": len(gaps),
        "worst_heartbeat_delay": max((g - HEARTBEAT_MS / 1000 for g in gaps), default=math.nan),
        "worst_loop_lag": max(lag, default=math.nan),
        "model_peak_in_flight": ollama.peak_in_flight,
        "wall_seconds": wall,
    }


def report(result: dict) -> str:
    ack, done = result["ack"], result["completion"]
    return "\n".join(
        [
            f"{result['users']} users, model {result['model_delay']:g} s, {result['concurrency']} at once, "
            f"queue {result['queue']}: {result['answered']} answered, {result['busy']} told busy, "
            f"{result['refused_by_discord']} refused by Discord, in {result['wall_seconds']:.1f} s",
            f"acknowledged   p50 {ack['p50']:.3f} s   p95 {ack['p95']:.3f} s   max {ack['max']:.3f} s",
            f"completed      p50 {done['p50']:.1f} s   p95 {done['p95']:.1f} s   max {done['max']:.1f} s",
            f"heartbeat      worst delay {result['worst_heartbeat_delay']:.3f} s beyond the "
            f"{result['heartbeat_interval']:g} s interval ({result['heartbeats']} beats)",
            f"event loop     worst lag {result['worst_loop_lag']:.3f} s",
            f"model calls    at most {result['model_peak_in_flight']} at once",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load_bot", description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--model-delay", type=float, default=2.0, help="seconds the fake model takes per answer")
    parser.add_argument("--concurrency", type=int, default=2, help="MAX_CONCURRENT_GENERATIONS")
    parser.add_argument("--queue", type=int, default=20, help="GENERATION_QUEUE_SIZE")
    parser.add_argument("--data-dir", type=Path, default=None, help="groove library (default data/)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    logging.basicConfig(level=logging.ERROR)
    result = asyncio.run(run(args.users, args.model_delay, args.concurrency, args.queue, args.data_dir))
    print(json.dumps(result, indent=2) if args.json else report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
