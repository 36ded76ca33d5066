"""Retrieval speed and memory, measured side by side in one run.

    make bench           (or: python -m benchmarks.bench_retrieval [--repeat N])

Prints: query encode, torch next to ONNX Runtime (p50/p95, interleaved); the whole
``similar()`` of a new query next to PyDrums' method (sentence-transformers encode,
scikit-learn ``cosine_similarity``, a Python scoring loop); vector search p50 at the
library's size and at 10k and 100k synthetic vectors next to PyDrums' method; FAISS next to
exact at 100k and 1M rows (recall@10, build time); a full index build (ONNX and torch) and
an incremental rebuild after editing one groove; a fresh process from start to its first
answered ``similar()``, and its RSS after 100 requests. The new-query ``similar()`` and the
encode are measured twice: both methods in this process, and each in the process it runs in
(ours in a fresh interpreter without torch or scikit-learn, as the bot runs it; PyDrums' here,
with them), in alternating blocks. Each search is measured two ways, ours and PyDrums' alike: back
to back (warm caches: the p50 the targets are about) and one call right after reading
64 MB (cold caches, as after encoding a query in real use). Nothing here is a pass/fail
test: record the figures in docs/BENCHMARKS.md with the date and machine.
"""

from __future__ import annotations

import argparse
import functools
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
    """The engine's vector search: cosines (exact, or FAISS past 20k rows), best per groove, top k."""
    return top_k(best_per_group(index, query, groups) + style_bonus, k)


def random_groups(n: int, groups: int, rng: np.random.Generator) -> Groups:
    """Rows spread over ``groups`` groups of uneven size, every group present."""
    owner = np.sort(rng.integers(0, groups, n))
    owner[:groups] = np.arange(groups)
    return Groups(np.sort(owner), groups)


def search_pair(
    vectors: np.ndarray, groups: Groups, repeat: int, rng: np.random.Generator, index: VectorIndex | None = None
) -> dict:
    """Our vector search and PyDrums' method on the same vectors and groups, warm and cold."""
    n = len(vectors)
    owners = [f"g{i}" for i in groups.owner]
    styles = ["funk" if i % 7 == 0 else "rock" for i in groups.owner]
    count = int(groups.owner[-1]) + 1
    bonus = np.where(np.arange(count) % 7 == 0, 0.1, 0.0).astype(np.float32)
    index = index or VectorIndex(vectors)
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
    """Unit vectors clustered like sentence embeddings: topics, and captions around them.

    Made in blocks of 100k rows, so a million rows take 1.5 GB and no float64 copy."""
    topics = rng.standard_normal((max(1, n // 20), dim), dtype=np.float32)
    out = np.empty((n, dim), dtype=np.float32)
    for start in range(0, n, 100_000):
        rows = min(100_000, n - start)
        v = topics[rng.integers(0, len(topics), rows)] + 0.8 * rng.standard_normal((rows, dim), dtype=np.float32)
        out[start : start + rows] = v / np.linalg.norm(v, axis=1, keepdims=True)
    return out


# Spreads of each level of `caption_like`, fitted (a random then a local search at the
# library's size) so that its rows have the statistics of the library's own MiniLM vectors:
# mean pairwise cosine 0.40, mean cosine to the 1st / 10th / 100th nearest row 0.80 / 0.68 /
# 0.57 (`neighbour_profile`; `synthetic` has 0.00 and 0.65 / 0.61 / 0.10).
CAPTION_LEVELS = {"common": 1.4, "family": 1.1, "style": 0.38, "groove": 0.89, "caption": 1.0}


# The same, with every level's noise drawn along the library's principal axes with their
# variances (`library_shape`): fitted to the same profile, its spectrum is more concentrated
# than the library's (90 % of the variance in ~105 components against 137), where
# `caption_like`'s is flatter (234): the two bracket real captions.
SHAPED_LEVELS = {"common": 1.55, "family": 0.99, "style": 0.48, "groove": 1.11, "caption": 1.21}


@functools.cache
def library_vectors() -> np.ndarray:
    """The committed index's vectors: the real rows the synthetic sets are measured against."""
    return np.load(ROOT / "data" / "index" / "vectors.npy", allow_pickle=False).astype(np.float32)


@functools.cache
def library_shape() -> tuple[np.ndarray, np.ndarray]:
    """(mean direction, axes scaled by their standard deviation) of the library's vectors,
    normalised so that noise drawn with them has the squared length of standard normal noise;
    one SVD however many sets are drawn."""
    vectors = library_vectors()
    centred = vectors - vectors.mean(axis=0)
    _, sigma, axes = np.linalg.svd(centred, full_matrices=False)
    scale = sigma / np.sqrt(np.mean(sigma**2)) * np.sqrt(vectors.shape[1] / len(sigma))
    mean = vectors.mean(axis=0)
    return mean / np.linalg.norm(mean), (scale[:, None] * axes).astype(np.float32)


def shaped_like(n: int, dim: int, rng: np.random.Generator) -> np.ndarray:
    """`caption_like` with noise shaped by the library's own covariance (see SHAPED_LEVELS)."""
    return caption_like(n, dim, rng, shape=library_shape())


def caption_like(
    n: int, dim: int, rng: np.random.Generator, families: int = 16, shape: tuple[np.ndarray, np.ndarray] | None = None
) -> np.ndarray:
    """Unit vectors built like a caption library: a direction every caption shares (a sentence
    model's vectors are far from isotropic), families of styles, styles of eight grooves,
    and four phrasings around each groove. The isotropic `synthetic` set has none of that:
    its clusters sit apart in empty space, the worst case for a graph search.

    Made in blocks of 100k rows, so a million rows take 1.5 GB and no float64 copy."""
    lv = CAPTION_LEVELS if shape is None else SHAPED_LEVELS

    def level(parents: np.ndarray, count: int, spread: float) -> np.ndarray:
        if shape is None:
            noise = rng.standard_normal((count, dim), dtype=np.float32)
        else:
            noise = rng.standard_normal((count, len(shape[1])), dtype=np.float32) @ shape[1]
        return parents[rng.integers(0, len(parents), count)] + spread * noise

    if shape is None:
        root = lv["common"] * rng.standard_normal((1, dim), dtype=np.float32)
    else:
        root = (lv["common"] * np.sqrt(dim) * shape[0])[None, :].astype(np.float32)
    styles = level(level(root, families, lv["family"]), max(1, n // 32), lv["style"])
    grooves = level(styles, max(1, n // 4), lv["groove"])
    out = np.empty((n, dim), dtype=np.float32)
    for start in range(0, n, 100_000):
        v = level(grooves, min(100_000, n - start), lv["caption"])
        out[start : start + len(v)] = v / np.linalg.norm(v, axis=1, keepdims=True)
    return out


def neighbour_profile(vectors: np.ndarray, rows: int = 1600) -> dict[str, float]:
    """Mean pairwise cosine and mean cosine to the 1st, 10th and 100th nearest row, over the
    first ``rows`` rows: how a set's neighbourhoods look, to compare sets with the library."""
    v = vectors[:rows]
    sims = v @ v.T
    np.fill_diagonal(sims, -2.0)
    ranked = -np.sort(-sims, axis=1)
    pairs = sims[np.triu_indices(len(v), 1)]
    return {"mean_pair": float(pairs.mean()), "nn1": float(ranked[:, 0].mean()),
            "nn10": float(ranked[:, 9].mean()), "nn100": float(ranked[:, 99].mean())}  # fmt: skip


def ann_pair(vectors: np.ndarray, rng: np.random.Generator, repeat: int) -> tuple[dict, VectorIndex]:
    """FAISS next to exact on the same rows: build time, recall@10 of rows, p50 of each search."""
    start = time.perf_counter()
    ann = VectorIndex(vectors, exact_limit=0)  # built in memory here; the engine saves it beside the vectors
    build = time.perf_counter() - start
    exact = VectorIndex(vectors, exact_limit=len(vectors))
    noise = rng.standard_normal((20, vectors.shape[1]), dtype=np.float32)
    queries = [vectors[i] + 0.04 * noise[j] for j, i in enumerate(rng.integers(0, len(vectors), 20))]
    queries = [(q / np.linalg.norm(q)).astype(np.float32) for q in queries]
    recall = float(np.mean([len(set(top_k(ann.cosines(q), 10)) & set(top_k(exact.cosines(q), 10))) / 10
                            for q in queries]))  # fmt: skip
    graph = timed(lambda: ann.ann.search(queries[0][None, :], ann.candidates), repeat)
    full = timed(lambda: top_k(ann.cosines(queries[1]), 10), repeat)
    flat = timed(lambda: top_k(exact.cosines(queries[2]), 10), max(10, repeat // 10))
    return {"n": len(vectors), "build_s": build, "recall_at_10": recall,
            "faiss_search_p50_ms": p(graph, 50) * 1e3, "faiss_all_scores_p50_ms": p(full, 50) * 1e3,
            "exact_p50_ms": p(flat, 50) * 1e3, "ratio": p(flat, 50) / p(graph, 50)}, ann  # fmt: skip


_CHILD = """
import json, resource, sys
from pydrums_engine.engine import Engine
e = Engine.load(use_llm=False)
e.similar("groovy funk with ghost notes")
print("first", flush=True)
for i in range(100):
    e.similar(f"request {i}: laid back groove with ghost notes")
rss = next(int(x.split()[1]) for x in open("/proc/self/status") if x.startswith("VmRSS")) / 1024
heavy = sorted(m for m in ("torch", "sentence_transformers", "sklearn") if m in sys.modules)
print(json.dumps({"rss_after_100_mb": rss, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "encoder": e.info(check_ollama=False)["encoder"]["backend"], "heavy_modules": heavy}))
"""


def cold_start() -> dict:
    """A fresh interpreter (index and ONNX model on disk): seconds from its start to the first
    answered similar(), then its resident memory after 100 more requests."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", _CHILD], stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    assert child.stdout is not None
    for line in child.stdout:
        if line.strip() == "first":
            break
    first = time.perf_counter() - start
    out = json.loads(child.stdout.read().strip().splitlines()[-1])
    child.wait()
    return {"start_to_first_similar_s": first, **out}


def encoders_side_by_side(onnx, torch, texts: list[str], repeat: int) -> dict:
    """Query encode p50/p95, torch and ONNX interleaved call by call; the same vectors?"""
    cos = float(np.min(np.sum(onnx.encode(texts) * torch.encode(texts), axis=1)))
    times: dict[str, list[float]] = {"torch": [], "onnx": []}
    for i in range(repeat + 5):
        for name, enc in (("torch", torch), ("onnx", onnx)):
            start = time.perf_counter()
            enc.encode([f"{QUERIES[i % len(QUERIES)]} {i}"])
            if i >= 5:
                times[name].append(time.perf_counter() - start)
    return {"torch_p50_ms": p(times["torch"], 50) * 1e3, "torch_p95_ms": p(times["torch"], 95) * 1e3,
            "onnx_p50_ms": p(times["onnx"], 50) * 1e3, "onnx_p95_ms": p(times["onnx"], 95) * 1e3,
            "ratio": p(times["torch"], 50) / p(times["onnx"], 50), "min_cosine": cos}  # fmt: skip


def pydrums_inputs(engine) -> tuple[np.ndarray, list[str], list[str]]:
    """What PyDrums' method searches: the library's example vectors, each row's groove and style."""
    state = engine._state
    owners = [e.groove_id for e in state.examples]
    by_id = {g.id: g.style for g in state.library.grooves}
    return state.retriever.index.vectors, owners, [by_id[o] for o in owners]


def similar_side_by_side(engine, torch, repeat: int) -> dict:
    """A new query each call: engine.similar() (ONNX) next to PyDrums' method (torch encode,
    cosine_similarity, Python loop) on the same library vectors."""
    vectors, owners, styles = pydrums_inputs(engine)
    ours_t, theirs_t = [], []
    for i in range(repeat + 3):
        text = f"{QUERIES[i % len(QUERIES)]} take {i}"
        start = time.perf_counter()
        engine.similar(text)
        middle = time.perf_counter()
        pydrums_method(vectors, torch.encode([text + " "])[0], owners, styles)
        end = time.perf_counter()
        if i >= 3:
            ours_t.append(middle - start)
            theirs_t.append(end - middle)
    return {"ours_p50_ms": p(ours_t, 50) * 1e3, "pydrums_p50_ms": p(theirs_t, 50) * 1e3,
            "ratio": p(theirs_t, 50) / p(ours_t, 50)}  # fmt: skip


_SIMILAR_CHILD = """
import json, sys, time
from pydrums_engine.engine import Engine
e = Engine.load(sys.argv[1], use_llm=False)
e.similar("warm up: groovy funk with ghost notes")
print("ready", flush=True)
for line in sys.stdin:
    out = []
    for text in json.loads(line):
        start = time.perf_counter()
        e.encoder.encode([text + " alone"])
        middle = time.perf_counter()
        e.similar(text)
        out.append([middle - start, time.perf_counter() - middle])
    print(json.dumps(out), flush=True)
"""


def similar_each_in_its_process(engine, data: Path, torch, repeat: int, blocks: int = 6) -> dict:
    """A new query each call, each method in the process it really runs in: ours in a fresh
    interpreter with the query path's imports only (no torch, no scikit-learn: the bot's), and
    PyDrums' method here (torch and scikit-learn loaded, as in PyDrums). Blocks of queries
    alternate between the two, so drift in the machine's load falls on both alike."""
    vectors, owners, styles = pydrums_inputs(engine)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", _SIMILAR_CHILD, str(data)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)  # fmt: skip
    assert child.stdin is not None and child.stdout is not None
    while child.stdout.readline().strip() != "ready":
        pass
    ours_t: list[float] = []
    theirs_t: list[float] = []
    onnx_t: list[float] = []
    torch_t: list[float] = []
    per_block = max(1, repeat // blocks)
    for b in range(blocks):
        texts = [f"{QUERIES[j % len(QUERIES)]} block {b} take {j}" for j in range(per_block)]
        child.stdin.write(json.dumps(texts) + "\n")
        child.stdin.flush()
        for encode, similar in json.loads(child.stdout.readline()):
            onnx_t.append(encode)
            ours_t.append(similar)
        for text in texts:
            start = time.perf_counter()
            torch.encode([text + " alone"])
            middle = time.perf_counter()
            pydrums_method(vectors, torch.encode([text])[0], owners, styles)
            torch_t.append(middle - start)
            theirs_t.append(time.perf_counter() - middle)
    child.stdin.close()
    child.wait()
    return {"ours_p50_ms": p(ours_t, 50) * 1e3, "pydrums_p50_ms": p(theirs_t, 50) * 1e3,
            "ratio": p(theirs_t, 50) / p(ours_t, 50), "calls": len(ours_t),
            "onnx_encode_p50_ms": p(onnx_t, 50) * 1e3, "onnx_encode_p95_ms": p(onnx_t, 95) * 1e3,
            "torch_encode_p50_ms": p(torch_t, 50) * 1e3,
            "encode_ratio": p(torch_t, 50) / p(onnx_t, 50)}  # fmt: skip


def build_side_by_side(onnx, torch, texts: list[str]) -> dict:
    """Encoding every indexed text, each backend once after the other (the bulk of a full build)."""
    out = {}
    for name, enc in (("torch", torch), ("onnx", onnx), ("torch", torch), ("onnx", onnx)):
        start = time.perf_counter()
        enc.encode(texts)
        out.setdefault(f"{name}_s", []).append(time.perf_counter() - start)
    return {k: float(np.median(v)) for k, v in out.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--builds", type=int, default=3, help="full index builds to take the median of")
    parser.add_argument(
        "--million",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="FAISS next to exact at 1M caption-like rows (a graph build of several minutes)",
    )
    parser.add_argument(
        "--million-clusters",
        action="store_true",
        help="also 1M rows of isotropic clusters, the worst case (a build of 20+ minutes here)",
    )
    parser.add_argument("--only-ann", action="store_true", help="only FAISS next to exact (100k, 1M)")  # fmt: skip
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    rng = np.random.default_rng(7)

    from pydrums_engine.embeddings import Encoder
    from pydrums_engine.engine import Engine

    results: dict = {"date": time.strftime("%Y-%m-%d"), "machine": f"{platform.machine()}, {os.cpu_count()} cores",
                     "python": platform.python_version(), "numpy": np.__version__,
                     "load_average_at_start": os.getloadavg()}  # fmt: skip
    if args.only_ann:
        results |= ann_sets(args, rng)
        report_ann(results)
        if args.json:
            print(json.dumps(results, indent=2))
        return
    results["cold_start"] = cold_start()  # first, while nothing of this run is in memory
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "data" / "grooves", data / "grooves")
        start = time.perf_counter()
        engine = Engine.load(data, use_llm=False)  # ONNX export + model load + full index build
        results["engine_load_with_export_and_full_build_s"] = time.perf_counter() - start
        results["encoder"] = engine.encoder_info()
        torch = Encoder()
        builds = []
        for _ in range(args.builds):  # the machine is noisy: a median of full builds from nothing
            for name in ("vectors.npy", "manifest.json"):
                (data / "index" / name).unlink()
            builds.append(engine.rebuild().seconds)
        results["full_build_s"], results["full_builds_s"] = float(np.median(builds)), builds
        texts = sorted({e.text for e in engine._state.examples})
        results["encode_all_texts"] = build_side_by_side(engine.encoder, torch, texts)
        path = sorted((data / "grooves").glob("*.toml"))[0]
        groove = engine.library.grooves[0]
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(f'name = "{groove.name}"', f'name = "{groove.name} Revisited"', 1))
        report = engine.rebuild()
        results["incremental_rebuild_s"] = report.seconds
        results["incremental_reencoded"] = report.reencoded
        results["examples"] = report.examples
        results["grooves"] = report.patterns

        results["query_encode"] = encoders_side_by_side(engine.encoder, torch, list(QUERIES), args.repeat)
        results["similar_new_query"] = similar_side_by_side(engine, torch, max(50, args.repeat // 2))
        results["similar_new_query_own_processes"] = similar_each_in_its_process(engine, data, torch, args.repeat)
        full = timed(lambda: [engine.similar(q) for q in QUERIES], max(20, args.repeat // 10))
        results["similar_cached_query_p50_ms"] = p(full, 50) * 1e3 / len(QUERIES)

        state = engine._state
        lib_vectors = state.retriever.index.vectors
        results["search_library"] = search_pair(lib_vectors, state.retriever.groups, args.repeat, rng)
        del torch
    results["search_10k"] = search_pair(synthetic(10_000, 384, rng), random_groups(10_000, 2_000, rng),
                                        args.repeat // 2, rng)  # fmt: skip
    v100k = synthetic(100_000, 384, rng)
    results["ann_100k"], index = ann_pair(v100k, rng, args.repeat)
    results["search_100k"] = search_pair(v100k, random_groups(100_000, 20_000, rng), max(10, args.repeat // 10),
                                         rng, index)  # fmt: skip
    del v100k, index
    results |= ann_sets(args, rng, clusters_100k=False)
    results["bench_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results["load_average_at_end"] = os.getloadavg()
    report_results(results)
    if args.json:
        print(json.dumps(results, indent=2))


def ann_sets(args: argparse.Namespace, rng: np.random.Generator, clusters_100k: bool = True) -> dict:
    """FAISS next to exact on each synthetic set: isotropic clusters and caption-like rows,
    at 100k and (with --million) 1M, with each set's neighbour profile beside the library's."""
    out: dict = {"profile_library": neighbour_profile(library_vectors())}
    sizes = [("100k", 100_000), *([("1m", 1_000_000)] if args.million else [])]
    for label, n in sizes:
        for kind, make in (("clusters", synthetic), ("captions", caption_like), ("shaped", shaped_like)):
            wanted = clusters_100k if n == 100_000 else args.million_clusters
            if kind == "clusters" and not wanted:
                continue
            vectors = make(n, 384, rng)
            out[f"profile_{kind}"] = out.get(f"profile_{kind}") or neighbour_profile(make(1600, 384, rng))
            key = f"ann_{label}" if kind == "clusters" else f"ann_{label}_{kind}"
            out[key] = ann_pair(vectors, rng, args.repeat)[0]
            del vectors
    out["load_average_at_end"] = os.getloadavg()
    return out


def report_ann(r: dict) -> None:
    """The FAISS lines: recall and speed per set, and how each set's neighbourhoods compare."""
    for name in ("library", "clusters", "captions", "shaped"):
        if f"profile_{name}" in r:
            x = r[f"profile_{name}"]
            print(f"neighbour profile, {name} (1,600 rows): mean pairwise cosine {x['mean_pair']:.3f}; nearest "
                  f"1st/10th/100th {x['nn1']:.3f} / {x['nn10']:.3f} / {x['nn100']:.3f}")  # fmt: skip
    kinds = {"captions": "caption-like", "shaped": "caption-like, library-shaped"}
    for key in ("ann_100k", "ann_100k_captions", "ann_100k_shaped", "ann_1m", "ann_1m_captions", "ann_1m_shaped"):
        if key in r:
            a = r[key]
            kind = kinds.get(key.rsplit("_", 1)[-1], "isotropic clusters")
            print(f"FAISS HNSW n={a['n']:>7} ({kind}): build {a['build_s']:.1f} s, "
                  f"recall@10 {a['recall_at_10']:.3f}, search p50 {a['faiss_search_p50_ms']:.3f} ms "
                  f"(with every row's score "
                  f"{a['faiss_all_scores_p50_ms']:.3f} ms); exact p50 {a['exact_p50_ms']:.2f} ms: "
                  f"{a['ratio']:.0f}x")  # fmt: skip


def report_results(results: dict) -> None:
    r = results
    load = f"load average {r['load_average_at_start'][0]:.1f} at start, {r['load_average_at_end'][0]:.1f} at end"
    print(f"PyDrums bot retrieval benchmark, {r['date']}, {r['machine']}, Python {r['python']}, {load}")
    print(f"library: {r['grooves']} grooves, {r['examples']} examples; encoder {r['encoder']['backend']}")
    e = r["query_encode"]
    print(f"query encode: torch p50 {e['torch_p50_ms']:.2f} ms (p95 {e['torch_p95_ms']:.2f}), ONNX p50 "
          f"{e['onnx_p50_ms']:.2f} ms (p95 {e['onnx_p95_ms']:.2f}): {e['ratio']:.2f}x; "
          f"min cosine {e['min_cosine']:.6f}")  # fmt: skip
    s = r["similar_new_query"]
    print(f"similar() of a new query, both in this process: ours p50 {s['ours_p50_ms']:.2f} ms, PyDrums' method "
          f"{s['pydrums_p50_ms']:.2f} ms: {s['ratio']:.2f}x")  # fmt: skip
    o = r["similar_new_query_own_processes"]
    print(
        f"similar() of a new query, each method in its own process (ours without torch, as the bot runs it): "
        f"ours p50 {o['ours_p50_ms']:.2f} ms, PyDrums' method {o['pydrums_p50_ms']:.2f} ms: {o['ratio']:.2f}x; "
        f"query encode there: ONNX p50 {o['onnx_encode_p50_ms']:.2f} ms (p95 {o['onnx_encode_p95_ms']:.2f}), "
        f"torch {o['torch_encode_p50_ms']:.2f} ms: {o['encode_ratio']:.2f}x"
    )
    print(f"similar() with a cached query vector: p50 {r['similar_cached_query_p50_ms']:.3f} ms")
    c = r["cold_start"]
    print(f"fresh process, start to first similar(): {c['start_to_first_similar_s']:.2f} s; RSS after 100 requests "
          f"{c['rss_after_100_mb']:.0f} MB (peak {c['peak_rss_mb']:.0f}); encoder {c['encoder']}, "
          f"heavy modules loaded: {c['heavy_modules'] or 'none'}")  # fmt: skip
    for key in ("search_library", "search_10k", "search_100k"):
        x = r[key]
        how = "exact" if x["exact"] else f"FAISS, group recall@10 {x['recall_at_10']:.2f}"
        print(f"vector search n={x['n']:>7} ({how}): ours p50 {x['ours_warm_p50_ms']:.4f} ms, PyDrums' method "
              f"{x['pydrums_warm_p50_ms']:.3f} ms, {x['ratio_warm']:.0f}x faster | cold caches: ours "
              f"{x['ours_cold_p50_ms']:.4f} ms, PyDrums' {x['pydrums_cold_p50_ms']:.3f} ms, "
              f"{x['ratio_cold']:.0f}x")  # fmt: skip
    report_ann(r)
    runs = ", ".join(f"{b:.2f}" for b in r["full_builds_s"])
    b = r["encode_all_texts"]
    print(f"full index build: median {r['full_build_s']:.2f} s ({runs}); encoding every text alone: torch "
          f"{b['torch_s']:.2f} s, ONNX {b['onnx_s']:.2f} s")  # fmt: skip
    print(f"incremental rebuild (one groove renamed): {r['incremental_rebuild_s']:.2f} s, "
          f"{r['incremental_reencoded']} re-encoded")  # fmt: skip
    print(f"benchmark process peak RSS: {r['bench_peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
