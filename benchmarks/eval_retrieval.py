"""Retrieval quality: style-precision@3 and hit@1 per kind, engine vs a keyword baseline.

    make eval            (or: python -m benchmarks.eval_retrieval [--split tune|dev|holdout|fresh|all])

Three files, each written before the tuning it measures:
- requests.toml: every third request of each kind is held out ("holdout"), the rest "tune";
- requests-dev.toml ("dev"): more requests to tune on, written 2026-12-06;
- requests-fresh.toml ("fresh"): written blind the same day, before any tuning on "dev",
  held out and never tuned on.
The keyword baseline is what PyDrums first did: count the query's words that appear in a
groove's words (name, tags, style, descriptions), best count first.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import json
import re
import tomllib
from collections import defaultdict
from pathlib import Path

from pydrums_engine.descriptions import groove_words
from pydrums_engine.retrieval import Retriever

EVAL = Path(__file__).resolve().parent / "eval"
REQUESTS = EVAL / "requests.toml"
FILES = {"dev": EVAL / "requests-dev.toml", "fresh": EVAL / "requests-fresh.toml"}  # one split a file
SPLITS = ("tune", "dev", "holdout", "fresh")  # reported in this order
KINDS = ("plain", "synonym", "technical", "drummer", "poetic", "modern", "paraphrase")


def load_requests() -> list[dict]:
    """Every request with its split: in requests.toml every third of each kind is 'holdout'."""
    items = _read(REQUESTS)
    seen: dict[str, int] = defaultdict(int)
    for item in items:
        seen[item["kind"]] += 1
        item["split"] = "holdout" if seen[item["kind"]] % 3 == 0 else "tune"
    for split, path in FILES.items():
        items += [item | {"split": split} for item in _read(path)]
    return items


def _read(path: Path) -> list[dict]:
    items = tomllib.loads(path.read_text(encoding="utf-8"))["request"]
    for item in items:
        if item["kind"] not in KINDS or not item["styles"]:
            raise ValueError(f"{path.name}: {item['text']!r} needs a kind of {KINDS} and at least one style")
    return items


class KeywordBaseline:
    """PyDrums-style keyword matching over the same library."""

    def __init__(self, engine) -> None:
        words = defaultdict(set)
        for groove_id, texts in groove_words(engine.library).items():
            words[groove_id] |= set(_words(" ".join(texts)))
        self.grooves = engine.library.grooves
        self.words = [
            words[g.id] | set(_words(" ".join([g.name, g.style, *g.tags, g.description]))) for g in self.grooves
        ]

    def styles(self, query: str, k: int = 3) -> list[str]:
        q = set(_words(query))
        scored = sorted(range(len(self.grooves)), key=lambda i: -len(q & self.words[i]))
        return [self.grooves[i].style for i in scored[:k]]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9&/'-]+", text.lower())


def without_embeddings(engine):
    """The same engine scoring on lexical, style and tempo parts alone: what the vectors add."""
    state = engine._state
    lexical = copy.copy(engine)
    retriever = Retriever(state.library, state.examples, None, groove_words(state.library))
    lexical._state = dataclasses.replace(state, retriever=retriever)
    return lexical


def evaluate(engine, requests: list[dict]) -> dict:
    """Per kind and overall: precision@3 and hit@1 for the engine, without embeddings, and the baseline."""
    baseline = KeywordBaseline(engine)
    lexical = without_embeddings(engine)
    rows = defaultdict(lambda: defaultdict(list))
    misses = []
    for item in requests:
        ok = set(item["styles"])
        got = [h.style for h in engine.similar(item["text"], k=3)]
        lex = [h.style for h in lexical.similar(item["text"], k=3)]
        base = baseline.styles(item["text"])
        for kind in (item["kind"], "overall"):
            for name, styles in (("engine", got), ("lexical", lex), ("keyword", base)):
                rows[kind][f"{name}_p3"].append(sum(s in ok for s in styles) / 3)
                rows[kind][f"{name}_h1"].append(float(styles[0] in ok))
        if any(s not in ok for s in got):
            misses.append({"text": item["text"], "want": item["styles"], "got": got, "split": item["split"]})
    table = {
        kind: {m: round(sum(v) / len(v), 3) for m, v in metrics.items()} | {"n": len(metrics["engine_p3"])}
        for kind, metrics in rows.items()
    }
    return {"table": table, "misses": misses}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--misses", action="store_true", help="list requests with a wrong style in the top 3")
    args = parser.parse_args()

    from pydrums_engine.engine import Engine

    engine = Engine.load(use_llm=False)
    requests = load_requests()
    splits = SPLITS if args.split == "all" else [args.split]
    report = {s: evaluate(engine, [r for r in requests if r["split"] == s]) for s in splits}
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for split, result in report.items():
        print(f"\n{split}: style-precision@3 / hit@1: engine, engine without embeddings, keyword baseline")
        print(
            f"{'kind':<10} {'n':>3}  {'engine p@3':>10} {'hit@1':>6}  {'no-emb p@3':>10} {'hit@1':>6}  "
            f"{'keyword p@3':>11} {'hit@1':>6}"
        )
        for kind in (*KINDS, "overall"):
            r = result["table"].get(kind)
            if r:
                print(
                    f"{kind:<10} {r['n']:>3}  {r['engine_p3']:>10.3f} {r['engine_h1']:>6.3f}  "
                    f"{r['lexical_p3']:>10.3f} {r['lexical_h1']:>6.3f}  "
                    f"{r['keyword_p3']:>11.3f} {r['keyword_h1']:>6.3f}"
                )
        if args.misses:
            for miss in result["misses"]:
                print(f"  miss: {miss['text']!r} want {miss['want']} got {miss['got']}")


if __name__ == "__main__":
    main()
