"""Rhythm search speed ("More like this"), measured side by side in one run.

    python -m benchmarks.bench_rhythm [--repeat N]

Prints p50/p95 of: the shown pattern's profile; the search proper (one matrix product over
the library's precomputed profiles); the identical-grid check; the whole
``Engine.similar(pattern=..., k=5)`` call (no model needed: a pattern-only search encodes
nothing); the same ranking done the slow way (a profile per groove per request), for the
ratio; the one matrix product at 10k synthetic rows; and building the library's profiles,
which every index build and rebuild pays. Not a pass/fail test: record the figures in
docs/BENCHMARKS.md with the date and machine.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

import numpy as np

from benchmarks.bench_retrieval import p, timed
from pydrums_engine.notation import parse_pattern
from pydrums_engine.rhythm import DIMENSION, RhythmIndex, profile

ROOT = Path(__file__).resolve().parent.parent
SHOWN = [
    "ch: --x---x---x---x-; cp: ----x-------x---; bd: x---x---x---x---",
    "ch: x-x-x-x-x-x-x-x-; rs: --------X-------; bd: --------X-------",
    "ch: x-x-x-x-x-x-x-x-; sd: ----x--o-o--x---; bd: x-x----x--x-----",
    "time: 12/8; ch: x-xx-xx-xx-x; sd: ---x-----x--; bd: x-----x-----",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2000)
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from tests.conftest import make_engine

    engine = make_engine(ROOT / "data", Path(tempfile.mkdtemp()), None)
    grooves = engine.library.grooves
    index = engine._state.retriever.rhythm
    shown = [parse_pattern(t) for t in SHOWN]
    rows: list[tuple[str, list[float]]] = []

    def cycle(fn):
        state = {"i": 0}

        def call():
            state["i"] += 1
            return fn(shown[state["i"] % len(shown)])

        return call

    query = profile(shown[0])
    rows.append(("profile of the shown pattern", timed(cycle(profile), args.repeat)))
    rows.append((f"matrix product, {len(grooves)} grooves", timed(lambda: index.matrix @ query, args.repeat)))
    rows.append(("similarities (profile + product)", timed(cycle(index.similarities), args.repeat)))
    rows.append(("identical-grid check", timed(cycle(index.identical), args.repeat)))
    rows.append(
        ("Engine.similar(pattern=..., k=5)", timed(cycle(lambda s: engine.similar(pattern=s, k=5)), args.repeat))
    )
    slow = [g.pattern for g in grooves]
    rows.append(
        (
            "the slow way: a profile per groove per request",
            timed(cycle(lambda s: np.array([profile(g) @ profile(s) for g in slow])), max(20, args.repeat // 100)),
        )
    )
    big = np.random.default_rng(0).standard_normal((10_000, DIMENSION)).astype(np.float32)
    rows.append(("matrix product, 10k synthetic rows", timed(lambda: big @ query, args.repeat)))
    rows.append(("build the library's profiles", timed(lambda: RhythmIndex(slow), 20)))
    print(f"{'what':50} {'p50 ms':>9} {'p95 ms':>9}")
    for name, values in rows:
        print(f"{name:50} {p(values, 50) * 1e3:9.4f} {p(values, 95) * 1e3:9.4f}")
    fast = dict(rows)["Engine.similar(pattern=..., k=5)"]
    slowest = dict(rows)["the slow way: a profile per groove per request"]
    print(f"precomputed vs slow way (ranking only vs whole call): {p(slowest, 50) / p(fast, 50):.0f}x")


if __name__ == "__main__":
    main()
