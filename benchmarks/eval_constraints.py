"""Constraints: does the answer's grid do what the drummer asked? (issue 8)

    make eval-constraints   (or: python -m benchmarks.eval_constraints
                             [--split holdout|tune|fresh|fresh2 ... fresh16|dev|all]
                             [--host URL] [--model NAME] [--candidates N] [--timeout S] [--json])

The requests (benchmarks/eval/constraints.toml) say, in a tiny check language documented at
the top of that file, what each answer's grid must show: "bd on 1,3", "hats only 8ths",
"cc absent", "meter 7/8", "fill toms". The oracle here reads the grid of the answer
(`Generation.pattern`) and nothing else of the engine's: it does not use the engine's own
request parser or musical check, so it can judge them. Every third request of each kind is
held out and never tuned on; a request whose TOML names its ``split`` (the "fresh",
"fresh2", ... "fresh16" held-out batches) keeps it, and is
not counted by the every-third rule. ``--split dev`` runs the development set
(benchmarks/eval/constraints-dev.toml): written like the held-out batches, tuned on, so its
figures guard the fixes and say nothing of unseen requests; "all" leaves it out.

Without --host the model server is down (a closed 127.0.0.1 port), so every answer is the
library's; with --host the model at that Ollama server is asked.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import socket
import statistics
import sys
import time
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from pydrums_engine.instruments import BY_CODE
from pydrums_engine.notation import METERS, Meter, Pattern

REQUESTS = Path(__file__).resolve().parent / "eval" / "constraints.toml"
DEV_REQUESTS = REQUESTS.with_name("constraints-dev.toml")  # tuned on: run alone, never in "all"
KINDS = ("positions", "style", "meter", "bars", "fill", "negative", "mixed")
BATCHES = 94  # the held-out batches written blind: "fresh", "fresh2" ... "fresh94"
SPLITS = ("tune", "holdout", "fresh", *(f"fresh{n}" for n in range(2, BATCHES + 1)), "dev")  # reported in this order
# shown in the failing list
SPLIT_TAGS = {
    "tune": "t",
    "holdout": "h",
    "fresh": "f",
    **{f"fresh{n}": f"f{n}" for n in range(2, BATCHES + 1)},
    "dev": "d",
}
GROUPS: dict[str, tuple[str, ...]] = {"hats": ("ch", "oh", "ph"), "toms": ("ht", "mt", "lt"), "*": tuple(BY_CODE)}
DEFAULT_METER = "4/4"
STRONG = frozenset("xXfr")  # a hit that counts for on/only; 'o' (ghost) does not
REST = "-"

# How drummers count each meter: (meter steps per numbered count, subdivision offsets, counts).
COUNTING: dict[str, tuple[int, dict[str, int], int]] = {
    "4/4": (4, {"": 0, "e": 1, "&": 2, "a": 3}, 4),
    "3/4": (4, {"": 0, "e": 1, "&": 2, "a": 3}, 3),
    "2/4": (4, {"": 0, "e": 1, "&": 2, "a": 3}, 2),
    "5/4": (4, {"": 0, "e": 1, "&": 2, "a": 3}, 5),
    "7/4": (4, {"": 0, "e": 1, "&": 2, "a": 3}, 7),
    "6/8": (2, {"": 0, "&": 1}, 6),
    "9/8": (2, {"": 0, "&": 1}, 9),
    "7/8": (2, {"": 0, "&": 1}, 7),
    "5/8": (2, {"": 0, "&": 1}, 5),
    "12/8": (3, {"": 0, "&": 1, "a": 2}, 4),
}
_POSITION = re.compile(r"^(\d+)([e&a]?)$")
POSITION_OPS = ("on", "only", "off")


# -- the oracle --------------------------------------------------------------------------


@dataclass(frozen=True)
class Position:
    """One count in a bar: its label and its offset in the meter's own steps."""

    label: str
    offset: Fraction


@dataclass(frozen=True)
class Check:
    """One parsed check; ``positions`` are resolved against the request's meter."""

    text: str
    op: str  # on | only | off | absent | has | voices | meter | bars | fill
    voices: frozenset[str] = frozenset()
    positions: tuple[Position, ...] = ()
    groups: tuple[frozenset[str], ...] = ()  # for "voices"
    value: str = ""  # meter name or bar count


@dataclass(frozen=True)
class Expectation:
    """A request's checks, with the meter its counts are in and whether it asks for a fill."""

    checks: tuple[Check, ...]
    meter: str
    fill: bool

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.checks]


def parse_voices(text: str) -> frozenset[str]:
    """'sd|cp', 'hats', 'toms', '*' as a set of instrument codes; ValueError when unknown."""
    codes: set[str] = set()
    for part in text.split("|"):
        part = part.strip()
        if part in GROUPS:
            codes.update(GROUPS[part])
        elif part in BY_CODE:
            codes.add(part)
        else:
            raise ValueError(f"{part!r} is not an instrument code or group (hats, toms, *)")
    return frozenset(codes)


def meter_positions(meter_name: str, words: str) -> tuple[Position, ...]:
    """'1,3&' or 'beats' / 'counts' / '8ths' / '16ths' as positions in ``meter_name``."""
    if meter_name not in COUNTING:
        raise ValueError(f"no counting written for {meter_name}; add it to COUNTING")
    meter = METERS[meter_name]
    unit, subs, counts = COUNTING[meter_name]
    out: list[Position] = []
    for word in (w.strip() for w in words.split(",")):
        if word == "beats":
            out += [Position(_label(meter_name, Fraction(s)), Fraction(s)) for s in meter.beat_starts()]
        elif word == "counts":
            out += [Position(str(n), Fraction((n - 1) * unit)) for n in range(1, counts + 1)]
        elif word in ("8ths", "16ths"):
            eighth = Fraction(meter.steps_per_bar) / (meter.quarters_per_bar * 2)
            step = eighth if word == "8ths" else eighth / 2
            n = int(Fraction(meter.steps_per_bar) / step)
            out += [Position(_label(meter_name, step * k), step * k) for k in range(n)]
        else:
            match = _POSITION.match(word)
            if not match:
                raise ValueError(f"{word!r} is not a count (1, 2&, 3e, 4a) or beats/counts/8ths/16ths")
            number, sub = int(match[1]), match[2]
            if not 1 <= number <= counts:
                raise ValueError(f"{meter_name} counts 1 to {counts}, not {number}")
            if sub not in subs:
                raise ValueError(f"{meter_name} has no {sub!r} subdivision; use {', '.join(s for s in subs if s)}")
            out.append(Position(word, Fraction((number - 1) * unit + subs[sub])))
    if not out:
        raise ValueError("no positions")
    return tuple(out)


def _label(meter_name: str, offset: Fraction) -> str:
    """How a drummer says a meter-step offset: '3&', or 'step 5.5' off the counting grid."""
    unit, subs, _ = COUNTING[meter_name]
    if offset.denominator == 1:
        number, rest = divmod(int(offset), unit)
        for sub, at in subs.items():
            if at == rest:
                return f"{number + 1}{sub}"
    return f"step {float(offset) + 1:g}"


def parse_check(text: str, meter_name: str = DEFAULT_METER) -> Check:
    """One check of the language in constraints.toml; ValueError says what is wrong."""
    words = text.split()
    if not words:
        raise ValueError("empty check")
    head, rest = words[0], " ".join(words[1:])
    if head == "meter":
        if rest not in METERS:
            raise ValueError(f"meter {rest!r} is not one of {', '.join(METERS)}")
        return Check(text, "meter", value=rest)
    if head == "bars":
        if not rest.isdigit() or not 1 <= int(rest) <= 8:
            raise ValueError(f"bars takes 1 to 8, not {rest!r}")
        return Check(text, "bars", value=rest)
    if head in ("has", "fill"):
        if len(words) != 2:
            raise ValueError(f"{head} takes one VOICES word, like '{head} toms'")
        return Check(text, head, voices=parse_voices(words[1]))
    if head == "voices":
        groups = tuple(parse_voices(g) for g in rest.split(",") if g.strip())
        if len(words) != 2 or not groups:
            raise ValueError("voices takes a comma list without spaces, like 'voices bd,sd,hats'")
        return Check(text, "voices", groups=groups)
    voices = parse_voices(head)
    if len(words) == 2 and words[1] == "absent":
        return Check(text, "absent", voices=voices)
    if len(words) == 3 and words[1] in POSITION_OPS:
        return Check(text, words[1], voices=voices, positions=meter_positions(meter_name, words[2]))
    raise ValueError(f"cannot read {text!r}; see the language at the top of constraints.toml")


def compile_expect(lines: list[str]) -> Expectation:
    """A request's expect list, counts resolved in the meter it names (else 4/4)."""
    meters = [line.split()[1] for line in lines if line.split()[:1] == ["meter"] and len(line.split()) == 2]
    meter_name = meters[0] if meters else DEFAULT_METER
    if meter_name not in METERS:
        raise ValueError(f"meter {meter_name!r} is not one of {', '.join(METERS)}")
    checks = tuple(parse_check(line, meter_name) for line in lines)
    return Expectation(checks, meter_name, any(c.op == "fill" for c in checks))


def _sounds(symbol: str) -> bool:
    return symbol != REST


def _strong(symbol: str) -> bool:
    return symbol in STRONG


def _last_beat(pattern: Pattern) -> range:
    """Pattern steps of the last felt beat of the last bar (where a fill goes)."""
    start = pattern.meter.beat_starts(pattern.steps_per_bar)[-1]
    bar = (pattern.bars - 1) * pattern.steps_per_bar
    return range(bar + start, bar + pattern.steps_per_bar)


def _grid_step(pattern: Pattern, meter: Meter, offset: Fraction) -> int | None:
    """The pattern step (within a bar) of a meter-step offset, None when between steps."""
    step = offset * pattern.steps_per_bar / meter.steps_per_bar
    return int(step) if step.denominator == 1 else None


def _bars_text(bars: list[int]) -> str:
    return "bar " + ",".join(str(b + 1) for b in bars) if len(bars) < 4 else f"{len(bars)} bars"


def evaluate_check(check: Check, pattern: Pattern, expectation: Expectation) -> str | None:
    """None when ``pattern`` honours ``check``, else a short reason."""
    if check.op == "meter":
        return None if pattern.time_signature == check.value else f"answer is in {pattern.time_signature}"
    if check.op == "bars":
        return None if pattern.bars == int(check.value) else f"answer has {pattern.bars} bars"
    tracks = {code: pattern.steps(code) for code in BY_CODE}
    if check.op == "absent":
        found = sorted(c for c in check.voices if any(map(_sounds, tracks[c])))
        return f"{'/'.join(found)} sounds" if found else None
    if check.op == "has":
        return None if any(any(map(_sounds, tracks[c])) for c in check.voices) else "not in the answer"
    if check.op == "voices":
        sounding = {c for c, steps in tracks.items() if any(map(_sounds, steps))}
        allowed = frozenset().union(*check.groups)
        extra = sorted(sounding - allowed)
        missing = ["|".join(sorted(g)) for g in check.groups if not g & sounding]
        parts = ([f"also {'/'.join(extra)}"] if extra else []) + ([f"no {', '.join(missing)}"] if missing else [])
        return "; ".join(parts) or None
    if check.op == "fill":
        region = _last_beat(pattern)
        hit = any(_sounds(tracks[c][i]) for c in check.voices for i in region)
        return None if hit else "nothing of it in the last beat of the last bar"
    return _evaluate_positions(check, pattern, expectation, tracks)


def _evaluate_positions(check: Check, pattern: Pattern, expectation: Expectation, tracks: dict[str, str]) -> str | None:
    if pattern.time_signature != expectation.meter:
        return f"answer is in {pattern.time_signature}, counts are in {expectation.meter}"
    meter = METERS[expectation.meter]
    spb = pattern.steps_per_bar
    exempt = set(_last_beat(pattern)) if expectation.fill else set()
    places: list[tuple[Position, int | None]] = [(p, _grid_step(pattern, meter, p.offset)) for p in check.positions]
    if check.op in ("on", "only"):
        unplaceable = [p.label for p, step in places if step is None]
        if unplaceable:
            return f"{', '.join(unplaceable)} fall between the steps of a {spb}-step bar"
    wanted = {step for _, step in places if step is not None}
    missing: dict[str, list[int]] = defaultdict(list)  # label -> bars
    extra: dict[str, list[int]] = defaultdict(list)
    for bar in range(pattern.bars):
        base = bar * spb
        for position, step in places:
            if step is None or base + step in exempt:
                continue  # 'off' at a step the grid cannot hold: nothing can sound there
            symbols = [tracks[c][base + step] for c in check.voices]
            if check.op == "off" and any(map(_sounds, symbols)):
                extra[position.label].append(bar)
            elif check.op != "off" and not any(map(_strong, symbols)):
                missing[position.label].append(bar)
        if check.op == "only":
            for step in range(spb):
                if step in wanted or base + step in exempt:
                    continue
                if any(_strong(tracks[c][base + step]) for c in check.voices):
                    extra[_label(expectation.meter, Fraction(step * meter.steps_per_bar, spb))].append(bar)
    parts = []
    for verb, found in (("missing at", missing), ("sounds at" if check.op == "off" else "extra at", extra)):
        if found:
            labels = list(found)
            shown = ", ".join(labels[:4]) + (f" +{len(labels) - 4}" if len(labels) > 4 else "")
            parts.append(f"{verb} {shown} ({_bars_text(sorted({b for bars in found.values() for b in bars}))})")
    return "; ".join(parts) or None


def evaluate(expectation: Expectation, pattern: Pattern) -> list[tuple[str, str]]:
    """(check, reason) for every check the pattern fails; empty when all are honoured."""
    failed = []
    for check in expectation.checks:
        reason = evaluate_check(check, pattern, expectation)
        if reason is not None:
            failed.append((check.text, reason))
    return failed


# -- the requests ------------------------------------------------------------------------


def load_requests(path: Path = REQUESTS) -> list[dict]:
    """Requests with their split and compiled checks.

    A request's own ``split`` wins; of the others, every third of each kind is 'holdout'
    (counted among the requests without one), the rest 'tune'.
    """
    items = tomllib.loads(path.read_text(encoding="utf-8"))["request"]
    seen: dict[str, int] = defaultdict(int)
    for place, item in enumerate(items):
        item["seed"] = place  # the same seed whichever split is run
        if "split" in item:
            if item["split"] not in SPLITS:
                raise ValueError(f"{item['id']}: split {item['split']!r} is not one of {', '.join(SPLITS)}")
        else:
            seen[item["kind"]] += 1
            item["split"] = "holdout" if seen[item["kind"]] % 3 == 0 else "tune"
        item["expectation"] = compile_expect(item["expect"])
    return items


# -- running the engine ------------------------------------------------------------------


def closed_port_url() -> str:
    """An http://127.0.0.1 URL where nothing listens: the model server is down."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def load_engine(args: argparse.Namespace):
    """The engine once, asking the model at --host, or a closed port when no host is given."""
    from pydrums_engine.engine import Engine
    from pydrums_engine.llm import OllamaSettings

    settings = OllamaSettings.from_env() if args.host else OllamaSettings()
    changes: dict[str, object] = {"host": args.host or closed_port_url()}
    if args.model:
        changes["model"] = args.model
    if args.timeout:
        changes["timeout"] = args.timeout
    notes = []
    if args.candidates is not None:
        if "candidates" in {f.name for f in dataclasses.fields(OllamaSettings)}:
            changes["candidates"] = args.candidates
        else:
            notes.append("--candidates ignored: this engine's OllamaSettings has no candidates field")
    settings = dataclasses.replace(settings, **changes)
    return Engine.load(ollama=settings), settings, notes


def run(engine, requests: list[dict]) -> list[dict]:
    """One answer per request (seed = its place in the file), judged by the oracle."""
    rows = []
    for item in requests:
        started = time.perf_counter()
        try:
            result = engine.generate(
                item["text"], style=item.get("style"), bpm=item.get("bpm"), bars=item.get("bars"), seed=item["seed"]
            )
        except Exception as exc:  # an engine error is a failed request, reported, not a crash of the eval
            seconds = time.perf_counter() - started
            failed = [("answer", f"{type(exc).__name__}: {exc}")]
            source, notation, said = "error", None, True  # the member is told what went wrong
        else:
            seconds = time.perf_counter() - started
            failed = evaluate(item["expectation"], result.pattern)
            source, notation = result.source, result.pattern.to_text(one_line=True, meter_line=True)
            said = says_a_miss(result)
        rows.append(
            {
                "id": item["id"],
                "kind": item["kind"],
                "split": item["split"],
                "text": item["text"],
                "source": source,
                "honoured": not failed,
                "says_a_miss": said,
                "failed": [{"check": c, "why": why} for c, why in failed],
                "checks": len(item["expect"]),
                "seconds": seconds,
                "notation": notation,
            }
        )
    return rows


def says_a_miss(result) -> bool:  # result: the engine's Generation
    """Does the reply admit that something asked was not done: a constraint shown with ✗, or
    words it says it did not understand? A miss without either is shown as right: the worst
    kind (issue 8)."""
    unread = result.intent.not_understood if result.intent is not None else ()
    return not result.check.honoured or bool(unread)


def _share(rows: list[dict]) -> dict:
    good = sum(r["honoured"] for r in rows)
    return {"n": len(rows), "honoured": good, "share": round(good / len(rows), 3) if rows else None}


def summarise(rows: list[dict]) -> dict:
    """Per kind and per source: requests fully honoured; model answers shown; time p50."""
    kinds = {k: _share([r for r in rows if r["kind"] == k]) for k in KINDS if any(r["kind"] == k for r in rows)}
    sources = {s: _share([r for r in rows if r["source"] == s]) for s in sorted({r["source"] for r in rows})}
    model = [r for r in rows if r["source"] == "llm"]
    checks = sum(r["checks"] for r in rows)
    failed_checks = sum(len(r["failed"]) for r in rows if r["source"] != "error")
    return {
        "kinds": kinds,
        "overall": _share(rows),
        "checks": {"n": checks, "honoured": checks - failed_checks},
        "sources": sources,
        # requests whose shown answer is the model's and honours every check, over all requests
        "model_answers_shown": round(sum(r["honoured"] for r in model) / len(rows), 3) if rows else None,
        "labelled_model_failing": sum(not r["honoured"] for r in model),
        # misses the reply presents as right: no ✗ and nothing named as not understood
        "misses_shown_as_right": sum(not r["honoured"] and not r.get("says_a_miss", True) for r in rows),
        "engine_seconds_p50": round(statistics.median(r["seconds"] for r in rows), 3) if rows else None,
    }


def report(rows: list[dict], split: str) -> dict:
    splits = [s for s in SPLITS if any(r["split"] == s for r in rows)] if split == "all" else [split]
    out = {s: summarise([r for r in rows if r["split"] == s]) for s in splits}
    if split == "all":
        out["all"] = summarise(rows)
    return out


def print_report(summary: dict, rows: list[dict], settings: dict, notes: list[str]) -> None:
    host = settings["host"] if settings["asked"] else "none (model server down)"
    print(f"constraints eval: model {settings['model']} at {host}")
    for note in notes:
        print(f"  note: {note}")
    for split, s in summary.items():
        print(f"\n{split}: requests fully honoured")
        print(f"  {'kind':<10} {'n':>3} {'ok':>4} {'share':>6}")
        for kind, r in (*s["kinds"].items(), ("overall", s["overall"])):
            print(f"  {kind:<10} {r['n']:>3} {r['honoured']:>4} {r['share']:>6.3f}")
        print(f"  checks honoured: {s['checks']['honoured']}/{s['checks']['n']}")
        for source, r in s["sources"].items():
            print(f"  source {source:<8} {r['n']:>3} answers, {r['honoured']:>3} honoured ({r['share']:.3f})")
        print(f"  model answers shown (llm and honoured, share of all): {s['model_answers_shown']:.3f}")
        print(f"  labelled as the model's but failing: {s['labelled_model_failing']}")
        print(f"  misses shown as right (no ✗, nothing named as not understood): {s['misses_shown_as_right']}")
        print(f"  engine time per request p50: {s['engine_seconds_p50']:.3f} s")
    failing = [r for r in rows if not r["honoured"]]
    if failing:
        print(f"\nfailing requests ({len(failing)}):")
    for r in failing:
        why = "; ".join(f"{f['check']}: {f['why']}" for f in r["failed"])
        said = "said" if r["says_a_miss"] else "SHOWN AS RIGHT"
        print(f"  [{SPLIT_TAGS[r['split']]}] {r['id']} ({r['source']}, {said}): {why}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--host", help="Ollama server to ask; without it the model server is down")
    parser.add_argument("--model", help="model name (default: OLLAMA_MODEL or the engine's default)")
    parser.add_argument("--candidates", type=int, help="answers to ask the model for, when the engine supports it")
    parser.add_argument("--timeout", type=float, help="seconds for the model per request")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)

    source = DEV_REQUESTS if args.split == "dev" else REQUESTS
    requests = [r for r in load_requests(source) if args.split == "all" or r["split"] == args.split]
    engine, settings, notes = load_engine(args)
    rows = run(engine, requests)
    summary = report(rows, args.split)
    shown = {"host": settings.host, "model": settings.model, "asked": bool(args.host)}
    if args.json:
        print(json.dumps({"settings": shown, "notes": notes, "splits": summary, "requests": rows}, indent=2))
    else:
        print_report(summary, rows, shown, notes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
