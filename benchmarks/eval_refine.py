"""Refine: is the change the user asked for in the grid, and who made it, the model or the edit?

    python -m benchmarks.eval_refine [--host URL] [--model NAME] [--timeout S] [--candidates N] [--limit N] [--json]

Each case is a shown pattern, an instruction a user might type into the Refine form, and a
reader of the grid that says whether the answer made the change (written here, from the
steps, sharing nothing with the engine's own instruction reader or change check). Without
--host the model server is down (a closed port) and every answer is the engine's edit.
Reported: how often the model's answer was used, how often the change is in the grid (of
all answers, and of the model's), and the time per refine.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import socket
import statistics
import time
from collections.abc import Callable

from pydrums_engine.notation import Pattern, parse_pattern

ROCK = "cc: x---------------; ch: x-x-x-x-x-x-x-x-; sd: ----X--o-o--X---; bd: x-------x-------"
FUNK = "ch: x-x-x-x-x-x-x-x-; sd: ----X--o-o--X--o; bd: x-x----x--x-----"
HOUSE = "oh: --x---x---x---x-; ch: x---x---x---x---; cp: ----x-------x---; bd: x---x---x---x---"
PERC = "rc: x-x-x-x-x-x-x-x-; sd: ----x-------x---; bd: x-------x-------; cb: x---x---x---x---; sh: x-x-x-x-x-x-x-x-"


def steps(p: Pattern, code: str, kinds: str = "xXofr") -> list[int]:
    """Steps of the first bar where ``code`` plays one of ``kinds``."""
    return [i for i, s in enumerate(p.steps(code)[: p.steps_per_bar]) if s in kinds]


def n(p: Pattern, code: str, kinds: str = "xXofr") -> int:
    return len(steps(p, code, kinds))


Made = Callable[[Pattern, Pattern], bool]
CASES: list[tuple[str, str, Made]] = [
    ("busier hats", ROCK, lambda b, a: n(a, "ch") > n(b, "ch")),
    ("no crash", ROCK, lambda b, a: n(a, "cc") == 0),
    ("more ghost notes", ROCK, lambda b, a: n(a, "sd", "o") > n(b, "sd", "o")),
    ("kick on the and of 3", ROCK, lambda b, a: 10 in steps(a, "bd", "xXfr")),
    ("simpler", FUNK, lambda b, a: sum(n(a, c) for c in a.tracks) < sum(n(b, c) for c in b.tracks)),
    ("add a cowbell on the offbeats", FUNK, lambda b, a: steps(a, "cb", "xXfr") == [2, 6, 10, 14]),
    ("half the hats", FUNK, lambda b, a: 0 < n(a, "ch") < n(b, "ch")),
    ("open hat on the and of 4", FUNK, lambda b, a: 14 in steps(a, "oh") and 14 not in steps(a, "ch")),
    ("no ghost notes", FUNK, lambda b, a: n(a, "sd", "o") == 0),
    ("snare on 3 instead of 2 and 4", ROCK, lambda b, a: steps(a, "sd", "xXfr") == [8]),
    ("ride instead of hats", FUNK, lambda b, a: n(a, "ch") == 0 and n(a, "rc") > 0),
    ("fewer kicks", FUNK, lambda b, a: 0 < n(a, "bd") < n(b, "bd")),
    ("more kick", ROCK, lambda b, a: n(a, "bd") > n(b, "bd")),
    ("sixteenth hats", ROCK, lambda b, a: n(a, "ch") == 16),
    ("add a shaker", ROCK, lambda b, a: n(a, "sh") > 0),
    ("no open hats", HOUSE, lambda b, a: n(a, "oh") == 0),
    ("accent the hats", ROCK, lambda b, a: n(a, "ch", "X") > n(b, "ch", "X")),
    ("less cowbell", PERC, lambda b, a: 0 < n(a, "cb") < n(b, "cb")),
    ("busier", HOUSE, lambda b, a: sum(n(a, c) for c in a.tracks) > sum(n(b, c) for c in b.tracks)),
    ("no snare on 2", FUNK, lambda b, a: 4 not in steps(a, "sd")),
    ("rim on 2 and 4 instead of the snare", ROCK, lambda b, a: steps(a, "rs", "xXfr") == [4, 12]),
    ("busier hats, no crash", ROCK, lambda b, a: n(a, "ch") > n(b, "ch") and n(a, "cc") == 0),
]


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", help="Ollama server to ask; without it the model server is down")
    parser.add_argument("--model", help="model name")
    parser.add_argument("--timeout", type=float, default=40.0, help="seconds for the model per refine")
    parser.add_argument("--candidates", type=int, help="model answers tried per refine (default: the engine's)")
    parser.add_argument("--limit", type=int, help="only the first N cases (a slow shared machine)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from pydrums_engine.engine import Engine
    from pydrums_engine.llm import OllamaSettings

    settings = dataclasses.replace(
        OllamaSettings(),
        host=args.host or closed_port_url(),
        timeout=args.timeout,
        **({"model": args.model} if args.model else {}),
        **({"candidates": args.candidates} if args.candidates else {}),
    )
    engine = Engine.load(ollama=settings)
    rows = []
    for instruction, groove, made in CASES[: args.limit]:
        shown = parse_pattern(groove)
        start = time.perf_counter()
        result = engine.refine(shown, instruction, bpm=100)
        seconds = time.perf_counter() - start
        rows.append(
            {
                "instruction": instruction,
                "source": result.source,
                "made": bool(made(shown, result.pattern)),
                "check": result.check.passed,
                "seconds": round(seconds, 2),
                "reason": result.reason,
            }
        )
    model = [r for r in rows if r["source"] == "llm"]
    summary = {
        "host": args.host or "none (model server down)",
        "model": settings.model,
        "cases": len(rows),
        "model_used": len(model),
        "change_made": sum(r["made"] for r in rows),
        "change_made_by_model": sum(r["made"] for r in model),
        "check_passed": sum(r["check"] for r in rows),
        "seconds_p50": round(statistics.median(r["seconds"] for r in rows), 2),
        "seconds_max": max(r["seconds"] for r in rows),
    }
    if args.json:
        print(json.dumps({"summary": summary, "rows": rows}, indent=2))
        return
    for r in rows:
        mark = "made" if r["made"] else "NOT MADE"
        check = "pass" if r["check"] else "FAIL"
        print(f"{r['instruction']:<40} {r['source']:<8} {mark:<9} check={check} {r['seconds']:.2f} s")
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
