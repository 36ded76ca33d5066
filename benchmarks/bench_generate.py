"""The engine's own time per /drums request, without the model.

    python -m benchmarks.bench_generate [--requests N] [--audio auto|builtin] [--torch-threads N] [--json]

Each request goes through what `Engine.generate` and `Engine.render` do, stage by stage:
reading the request (intent), retrieval (query encode included, uncached; grid fit),
prompt build (examples, messages, schema), parse of a model-style answer (JSON of the
right length, as Ollama's structured output returns it), the musical check of that
candidate, the library fallback (edit to fit + its check), then the MIDI, WAV and PNG
renders. Printed: p50/p95 per stage and of the
total, against the 50 ms p50 target, and the prompt's estimated token count for 1, 2 and 4
bars. The model's own time (seconds on a GPU) is not in it. Figures from a shared machine
are noisy: compare runs, not single numbers.

``--audio builtin`` renders with the numpy kit even when fluidsynth is installed (the
engine's default picks fluidsynth); ``--torch-threads`` sets torch's intra-op threads for
the query encoder (torch's default is one per core). Both exist to measure their effect.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
REQUESTS_FILE = ROOT / "benchmarks" / "eval" / "requests.toml"
TARGET_P50_MS = 50.0
STAGES = ("read", "retrieval", "prompt", "parse", "check", "fallback", "midi", "wav", "png")
CHECK_TARGET_MS = 1.0  # per candidate
BARS_CYCLE = (None, 1, 2, 4)  # None: the engine's default (2)
WARM_UP = ("warm-up: funk", "warm-up: a slow ballad", "warm-up: techno")


def requests(count: int) -> list[dict]:
    """``count`` varied requests from the retrieval eval set, with bars and tempo mixed in."""
    texts = [r["text"] for r in tomllib.loads(REQUESTS_FILE.read_text(encoding="utf-8"))["request"]]
    step = max(1, len(texts) // count)
    picked = texts[::step][:count]
    return [
        {"description": text, "bars": BARS_CYCLE[i % len(BARS_CYCLE)], "bpm": 96 if i % 5 == 0 else None}
        for i, text in enumerate(picked)
    ]


def model_answer(request, examples) -> str:
    """What a model answers through the schema: the closest same-meter example tiled to length."""
    from pydrums_engine.transforms import to_bars

    same = next((e.pattern for e in examples if e.pattern.steps_per_bar == request.steps_per_bar), None)
    if same is not None:
        tracks = to_bars(same, request.bars).tracks
    else:
        n = request.length
        tracks = {
            "ch": "".join("x" if i % 2 == 0 else "-" for i in range(n)),
            "sd": "".join("X" if i % 8 == 4 else "-" for i in range(n)),
            "bd": "".join("x" if i % 8 == 0 else "-" for i in range(n)),
        }
    return json.dumps({"name": "Benchmark groove", "tracks": tracks})


def one_request(engine, req: dict, use_fluidsynth: bool | None = None) -> tuple[dict[str, float], dict]:
    """Seconds per stage for one request, and facts about it (prompt tokens, length)."""
    from dataclasses import replace

    from pydrums_engine.check import check_pattern
    from pydrums_engine.generation import check_request, library_answer, plan_request, prompt_examples
    from pydrums_engine.llm import parse_answer
    from pydrums_engine.prompt import build_messages, estimate_tokens, response_schema
    from pydrums_engine.render import midi_bytes, render_png, render_wav

    times: dict[str, float] = {}

    def stage(name: str, fn: Callable[[], object]) -> object:
        start = time.perf_counter()
        value = fn()
        times[name] = time.perf_counter() - start
        return value

    def read():
        return engine.read(check_request(req["description"], req["bpm"], req["bars"]))

    intent = stage("read", read)

    def retrieve():
        hits = engine._search(intent, k=8, style=None)
        return plan_request(intent, hits, None, req["bpm"], req["bars"], engine.usual_meter), hits

    request, hits = stage("retrieval", retrieve)

    def prompt():
        examples = prompt_examples(hits, request)
        unit = replace(request, bars=1)
        return examples, unit, build_messages(unit, examples), response_schema(unit)

    examples, unit, messages, _schema = stage("prompt", prompt)
    answer = model_answer(unit, examples)
    candidate, _name = stage("parse", lambda: parse_answer(answer, unit))
    shown = [e.pattern for e in examples]

    def judge(pattern, fill_from, groove):
        return check_pattern(pattern, request.read, style=request.style, feels=groove.tags if groove else (),
                             examples=() if groove else shown, fill_from=fill_from)  # fmt: skip

    stage("check", lambda: judge(candidate, None, None))
    result = stage("fallback", lambda: library_answer(request, hits, "benchmark", 0, None, None, judge))
    pattern = result.pattern
    swing = examples[0].swing if examples else 0.0
    stage("midi", lambda: midi_bytes(pattern, request.bpm, swing))
    stage("wav", lambda: render_wav(pattern, request.bpm, swing, use_fluidsynth=use_fluidsynth))
    stage("png", lambda: render_png(pattern, title="Benchmark groove"))
    return times, {"tokens": estimate_tokens(messages), "bars": request.bars, "steps": request.length}


def token_counts(engine, reqs: list[dict]) -> dict[int, dict[str, int]]:
    """Estimated prompt tokens (median and max over the requests) for the one-bar unit the model
    is asked for, with examples from requests of 1, 2 and 4 bars."""
    from dataclasses import replace

    from pydrums_engine.generation import check_request, plan_request, prompt_examples
    from pydrums_engine.prompt import build_messages, estimate_tokens

    out = {}
    for bars in (1, 2, 4):
        counts = []
        for req in reqs:
            intent = engine.read(check_request(req["description"], None, bars))
            hits = engine._search(intent, k=8, style=None)
            request = plan_request(intent, hits, None, None, bars, engine.usual_meter)
            unit = replace(request, bars=1)
            counts.append(estimate_tokens(build_messages(unit, prompt_examples(hits, request))))
        out[bars] = {"median": int(statistics.median(counts)), "max": max(counts)}
    return out


def _torch_threads() -> int | None:
    try:
        import torch
    except ImportError:
        return None
    return torch.get_num_threads()


def percentiles(values: list[float]) -> dict[str, float]:
    return {"p50_ms": float(np.percentile(values, 50)) * 1e3, "p95_ms": float(np.percentile(values, 95)) * 1e3}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50, help="how many different requests (default 50)")
    parser.add_argument("--data-dir", type=Path, default=None, help="library folder (default data/)")
    parser.add_argument("--audio", choices=("auto", "builtin"), default="auto", help="WAV renderer (default: auto)")
    parser.add_argument("--torch-threads", type=int, default=None, help="torch intra-op threads (default: torch's)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    from pydrums_engine.engine import Engine
    from pydrums_engine.render.audio import find_fluidsynth

    engine = Engine.load(args.data_dir, use_llm=False)
    if args.torch_threads:
        import torch

        torch.set_num_threads(args.torch_threads)
    use_fluidsynth = False if args.audio == "builtin" else None
    for text in WARM_UP:  # first calls pay for lazy imports, font loading and torch warm-up
        one_request(engine, {"description": text, "bars": None, "bpm": None}, use_fluidsynth)
    reqs = requests(args.requests)
    per_stage: dict[str, list[float]] = {name: [] for name in STAGES}
    totals, tokens = [], []
    for req in reqs:  # each text once: the query vector is never cached
        times, facts = one_request(engine, req, use_fluidsynth)
        for name in STAGES:
            per_stage[name].append(times[name])
        totals.append(sum(times.values()))
        tokens.append(facts["tokens"])

    total = percentiles(totals)
    results = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}",
        "python": platform.python_version(),
        "requests": len(reqs),
        "audio_renderer": "fluidsynth" if find_fluidsynth() and use_fluidsynth is None else "builtin",
        "torch_threads": _torch_threads(),
        "semantic": engine.info(check_ollama=False)["index"]["state"],
        "stages": {name: percentiles(values) for name, values in per_stage.items()},
        "total": total,
        "target_p50_ms": TARGET_P50_MS,
        "meets_target": total["p50_ms"] <= TARGET_P50_MS,
        "check_meets_target": percentiles(per_stage["check"])["p50_ms"] <= CHECK_TARGET_MS,
        "prompt_tokens": token_counts(engine, reqs),
    }
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"PyDrums generate benchmark (no model), {results['date']}, {results['machine']}, Python {results['python']}")
    print(f"{results['requests']} requests, index {results['semantic']}, audio {results['audio_renderer']}, "
          f"torch threads {results['torch_threads']}")  # fmt: skip
    for name, figures in results["stages"].items():
        print(f"  {name:<10} p50 {figures['p50_ms']:7.2f} ms   p95 {figures['p95_ms']:7.2f} ms")
    verdict = "meets" if results["meets_target"] else "MISSES"
    print(f"  {'total':<10} p50 {total['p50_ms']:7.2f} ms   p95 {total['p95_ms']:7.2f} ms"
          f"   ({verdict} the {TARGET_P50_MS:g} ms p50 target)")  # fmt: skip
    check = "meets" if results["check_meets_target"] else "MISSES"
    print(f"  the check of one candidate {check} its {CHECK_TARGET_MS:g} ms target")
    for bars, count in results["prompt_tokens"].items():
        print(f"prompt tokens at {bars} bar{'s' if bars > 1 else ''}: ~{count['median']} typical, {count['max']} max")


if __name__ == "__main__":
    main()
