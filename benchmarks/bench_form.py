"""Benchmark: a 4 x 8-bar song (form ABCD) rendered as MIDI + WAV + PNG, engine time only.

    python -m benchmarks.bench_form [--runs N] [--audio auto|builtin] [--json]

The song is arranged once from a library groove (no model); each run renders the three files
of it, humanized, as a /drums reply does. Target: p50 at or under `TARGET_MS`. Printed: the
arrangement's time and p50/p95 of the rendering, split by file.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time

TARGET_MS = 150.0
FORM, BARS = "ABCD", 8


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--audio", choices=("auto", "builtin"), default="builtin")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    from pydrums_engine.engine import Engine
    from pydrums_engine.render import song as song_render

    engine = Engine.load(use_llm=False)
    engine.warm_up()
    start = time.perf_counter()
    result = engine.generate("driving rock beat", bars=BARS, form=FORM, seed=1)
    arrange_ms = (time.perf_counter() - start) * 1000
    song = result.song
    assert song is not None and song.bars == len(FORM) * BARS
    if args.audio == "builtin":  # the numpy kit even when fluidsynth is installed
        real = song_render.events_wav
        song_render.events_wav = lambda *a, **k: real(*a, **{**k, "use_fluidsynth": False})

    totals = []
    for run in range(args.runs + 1):
        start = time.perf_counter()
        engine.render(song, result.bpm, result.swing, title=result.name, humanize=20, seed=run)
        if run:  # the first run pays one-time costs (fonts, kit); a server pays them at start
            totals.append((time.perf_counter() - start) * 1000)
    totals.sort()
    figures = {
        "form": FORM,
        "bars": song.bars,
        "bpm": result.bpm,
        "generate_ms": round(arrange_ms, 1),
        "render_p50_ms": round(statistics.median(totals), 1),
        "render_p95_ms": round(totals[min(len(totals) - 1, int(0.95 * len(totals)))], 1),
        "target_ms": TARGET_MS,
        "runs": args.runs,
        "audio": args.audio,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    verdict = "within" if figures["render_p50_ms"] <= TARGET_MS else "OVER"
    print(f"song {FORM} x {BARS} bars ({song.bars} bars at {result.bpm} bpm), {args.runs} runs, audio {args.audio}")
    print(f"  generate (library groove + arrangement + checks): {figures['generate_ms']:.1f} ms")
    print(f"  render MIDI+WAV+PNG  p50 {figures['render_p50_ms']:.1f} ms   p95 {figures['render_p95_ms']:.1f} ms")
    print(f"  p50 is {verdict} the {TARGET_MS:g} ms target")


if __name__ == "__main__":
    main()
