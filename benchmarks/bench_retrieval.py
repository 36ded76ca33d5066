"""Retrieval speed and memory, measured side by side in one run.

    make bench           (or: python -m benchmarks.bench_retrieval [--repeat N])

Prints: query encode p50/p95; vector search p50 at the library's size and at 10k and 100k
synthetic vectors, next to PyDrums' method on the same data (scikit-learn
``cosine_similarity`` plus a Python scoring loop) and the ratio; the full similar() call;
full index build; incremental rebuild after editing one groove; cold Engine.load() in a
fresh process; peak RSS. Each search is measured two ways, ours and PyDrums' alike: back
to back (warm caches: the p50 the targets are about) and one call right after reading
64 MB (cold caches, as after encoding a query in real use). Nothing here is a pass/fail
test: record the figures in docs/BENCHMARKS.md with the date and machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from pydrums_engine.vectors import Groups, VectorIndex, best_per_group, top_k

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [
    "groovy funk with ghost notes",
    "trap beat with rolling hi-hats",
    "laid back reggae one drop",
    "four on the floor house",
    "something like a Sunday church service",
    "a neon night drive",
    "dembow",
    "swung ride with hats on 2 and 4",
]


def timed(fn, repeat: int) -> list[float]:
    """Seconds per call, ``repeat`` calls after two warm-ups."""
    fn(), fn()
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def p(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def pydrums_method(vectors: np.ndarray, query: np.ndarray, owners: list[str], styles: list[str], k: int = 3):
    """PyDrums' search: sklearn cosine_similarity, then a Python loop that scores and dedupes."""
    from sklearn.metrics.pairwise import cosine_similarity

    sims = cosine_similarity(query.reshape(1, -1), vectors)[0]
    best: dict[str, float] = {}
    for i, sim in enumerate(sims):
        score = float(sim) + (0.1 if styles[i] == "funk" else 0.0)
        if score > best.get(owners[i], -1.0):
            best[owners[i]] = score
    return sorted(best.items(), key=lambda kv: -kv[1])[:k]


def ours(index, query: np.ndarray, groups: Groups, style_bonus: np.ndarray, k: int = 3):
    """The engine's vector search: cosines (exact, or two-stage past 20k rows), best per groove, top k."""
    return top_k(best_per_group(index, query, groups) + style_bonus, k)


def random_groups(n: int, groups: int, rng: np.random.Generator) -> Groups:
    """Rows spread over ``groups`` groups of uneven size, every group present."""
    owner = np.sort(rng.integers(0, groups, n))
    owner[:groups] = np.arange(groups)
    return Groups(np.sort(owner), groups)


def search_pair(vectors: np.ndarray, groups: Groups, repeat: int, rng: np.random.Generator) -> dict:
    """Our vector search and PyDrums' method on the same vectors and groups, warm and cold."""
    n = len(vectors)
    owners = [f"g{i}" for i in groups.owner]
    styles = ["funk" if i % 7 == 0 else "rock" for i in groups.owner]
    count = int(groups.owner[-1]) + 1
    bonus = np.where(np.arange(count) % 7 == 0, 0.1, 0.0).astype(np.float32)
    index = VectorIndex(vectors)
    exact = VectorIndex(vectors, exact_limit=len(vectors))
    noise = rng.standard_normal((20, vectors.shape[1])).astype(np.float32)
    queries = [vectors[i] + 0.04 * noise[j] for j, i in enumerate(rng.integers(0, n, 20))]
    queries = [(q / np.linalg.norm(q)).astype(np.float32) for q in queries]
    recall = np.mean([len(set(ours(index, q, groups, bonus, 10)) & set(ours(exact, q, groups, bonus, 10))) / 10
                      for q in queries])  # fmt: skip
    query = queries[0]
    warm = timed(lambda: ours(index, query, groups, bonus), repeat)  # back to back: caches stay warm
    warm_pydrums = timed(lambda: pydrums_method(vectors, query, owners, styles), max(10, repeat // 4))
    cold, cold_pydrums = [], []
    for _ in range(max(10, repeat // 4)):  # each call after a sweep like a query encode's
        cold.append(once_cold(lambda: ours(index, query, groups, bonus)))
        cold_pydrums.append(once_cold(lambda: pydrums_method(vectors, query, owners, styles)))
    return {"n": n, "exact": index.exact, "recall_at_10": float(recall),
            "ours_warm_p50_ms": p(warm, 50) * 1e3, "pydrums_warm_p50_ms": p(warm_pydrums, 50) * 1e3,
            "ratio_warm": p(warm_pydrums, 50) / p(warm, 50),
            "ours_cold_p50_ms": p(cold, 50) * 1e3, "pydrums_cold_p50_ms": p(cold_pydrums, 50) * 1e3,
            "ratio_cold": p(cold_pydrums, 50) / p(cold, 50)}  # fmt: skip


_SWEEP = np.ones(16 * 2**20, dtype=np.float32)  # 64 MB: more than the caches, like MiniLM's weights


def once_cold(fn) -> float:
    """Seconds for one call made right after reading 64 MB, as a search runs after a query encode."""
    float(_SWEEP.sum())
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def synthetic(n: int, dim: int, rng: np.random.Generator) -> np.ndarray:
    """Unit vectors clustered like sentence embeddings: topics, and captions around them."""
    topics = rng.standard_normal((max(1, n // 20), dim)).astype(np.float32)
    v = topics[rng.integers(0, len(topics), n)] + 0.8 * rng.standard_normal((n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def cold_load() -> dict:
    """Engine.load() in a fresh interpreter (index already on disk), and that process's peak RSS."""
    code = (
        "import time,resource,json;t=time.perf_counter();"
        "from pydrums_engine.engine import Engine;e=Engine.load(use_llm=False);"
        "t1=time.perf_counter();[e.similar(q) for q in ['funk','trap beat','one drop']*30];"
        "print(json.dumps({'load_s':t1-t,'peak_rss_mb':resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024}))"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--builds", type=int, default=3, help="full index builds to take the median of")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    rng = np.random.default_rng(7)

    from pydrums_engine.engine import Engine

    results: dict = {"date": time.strftime("%Y-%m-%d"), "machine": f"{platform.machine()}, {os.cpu_count()} cores",
                     "python": platform.python_version(), "numpy": np.__version__}  # fmt: skip

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "data" / "grooves", data / "grooves")
        start = time.perf_counter()
        engine = Engine.load(data, use_llm=False)  # model load + full index build
        results["engine_load_with_full_build_s"] = time.perf_counter() - start
        builds = []
        for _ in range(args.builds):  # the machine is noisy: a median of full builds from nothing
            shutil.rmtree(data / "index")
            builds.append(engine.rebuild().seconds)
        results["full_build_s"], results["full_builds_s"] = float(np.median(builds)), builds
        path = sorted((data / "grooves").glob("*.toml"))[0]
        groove = engine.library.grooves[0]
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(f'name = "{groove.name}"', f'name = "{groove.name} Revisited"', 1))
        report = engine.rebuild()
        results["incremental_rebuild_s"] = report.seconds
        results["incremental_reencoded"] = report.reencoded
        results["examples"] = report.examples
        results["grooves"] = report.patterns

        encode = timed(lambda: engine.encoder.encode([f"query {time.perf_counter_ns()} funk"]), args.repeat)
        results["query_encode_p50_ms"] = p(encode, 50) * 1e3
        results["query_encode_p95_ms"] = p(encode, 95) * 1e3
        full = timed(lambda: [engine.similar(q) for q in QUERIES], max(20, args.repeat // 10))
        results["similar_cached_query_p50_ms"] = p(full, 50) * 1e3 / len(QUERIES)

        state = engine._state
        lib_vectors = state.retriever.index.vectors
        results["search_library"] = search_pair(lib_vectors, state.retriever.groups, args.repeat, rng)
    results["search_10k"] = search_pair(synthetic(10_000, 384, rng), random_groups(10_000, 2_000, rng),
                                        args.repeat // 2, rng)  # fmt: skip
    results["search_100k"] = search_pair(synthetic(100_000, 384, rng), random_groups(100_000, 20_000, rng),
                                         max(10, args.repeat // 10), rng)  # fmt: skip
    results["cold_load"] = cold_load()
    results["bench_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"PyDrums bot retrieval benchmark, {results['date']}, {results['machine']}, Python {results['python']}")
    print(f"library: {results['grooves']} grooves, {results['examples']} examples")
    print(f"query encode: p50 {results['query_encode_p50_ms']:.2f} ms, p95 {results['query_encode_p95_ms']:.2f} ms")
    print(f"similar() with a cached query vector: p50 {results['similar_cached_query_p50_ms']:.3f} ms")
    for key in ("search_library", "search_10k", "search_100k"):
        r = results[key]
        how = "exact" if r["exact"] else f"two-stage, recall@10 {r['recall_at_10']:.2f}"
        print(f"vector search n={r['n']:>7} ({how}): ours p50 {r['ours_warm_p50_ms']:.4f} ms, PyDrums' method "
              f"{r['pydrums_warm_p50_ms']:.3f} ms, {r['ratio_warm']:.0f}x faster | cold caches: ours "
              f"{r['ours_cold_p50_ms']:.4f} ms, PyDrums' {r['pydrums_cold_p50_ms']:.3f} ms, "
              f"{r['ratio_cold']:.0f}x")  # fmt: skip
    runs = ", ".join(f"{b:.2f}" for b in results["full_builds_s"])
    print(f"full index build: median {results['full_build_s']:.2f} s ({runs})")
    print(f"incremental rebuild (one groove renamed): {results['incremental_rebuild_s']:.2f} s, "
          f"{results['incremental_reencoded']} re-encoded")  # fmt: skip
    print(f"cold Engine.load() (index on disk): {results['cold_load']['load_s']:.2f} s, "
          f"peak RSS {results['cold_load']['peak_rss_mb']:.0f} MB")  # fmt: skip
    print(f"benchmark process peak RSS: {results['bench_peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
