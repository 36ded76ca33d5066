"""Cosine similarity over unit vectors: exact for a library, FAISS HNSW for very large sets.

Up to `EXACT_LIMIT` rows the answer is one matrix-vector product (the library has a few
thousand examples: ~0.05 ms). Past it, reading every float32 row is bound by memory
bandwidth (100k x 384 is 150 MB a query, ~13 ms here; 1M rows, ~130 ms), so a FAISS HNSW
graph (inner product, full vectors) finds the `CANDIDATES` nearest rows, with their exact
cosines, in about a millisecond. Every other row gets the lowest cosine found (about where
its own lies, or below), so each row still has a score for the blend with lexical and style
scores.

The graph takes minutes to build at a million rows, so it is saved beside the vectors
(``vectors.faiss`` and ``faiss.json``, with the checksum of the vectors it was built from)
and reloaded while that checksum matches; other vectors, other parameters or an unreadable
file mean a rebuild. Without faiss installed the search stays exact, and slower.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

import numpy as np

from .files import atomic_write

log = logging.getLogger(__name__)

EXACT_LIMIT = 20_000  # rows; exact takes ~1 ms here, and grows with the rows (44 ms at 100k: docs/BENCHMARKS.md)
CANDIDATES = 256  # nearest rows scored exactly by the graph search (the blend reads a few hundred)
# The graph (docs/BENCHMARKS.md, a million rows shaped like the library's vectors): M 32 with
# efConstruction 100 and efSearch 384 reached recall@10 0.982 at 2.66 ms; efConstruction 40
# reached 0.969 at efSearch 384 (2.20 ms) and 0.975 at 512 (2.80 ms). A denser build costs once (5.5 min
# at 1M rows here); the search is paid every query. Rows shaped less like sentence vectors
# (flatter spectra) need far more: see the benchmark's other sets.
HNSW_M = 32  # graph links a row
HNSW_EF_CONSTRUCTION = 100
HNSW_EF_SEARCH = 384  # at least CANDIDATES: the search's breadth
TIE_SPREAD = 1e-5  # how far below the lowest found cosine the other rows' scores spread
ANN_FILE = "vectors.faiss"
ANN_META = "faiss.json"


class VectorIndex:
    """Unit-length float32 rows, searched by cosine similarity (exact, or by a FAISS graph)."""

    def __init__(
        self,
        vectors: np.ndarray,
        exact_limit: int = EXACT_LIMIT,
        *,
        folder: Path | None = None,
        checksum: str | None = None,
        candidates: int = CANDIDATES,
    ) -> None:
        """``folder``: where the graph is saved and reloaded (None: built in memory only);
        ``checksum``: the vectors' identity (the index manifest's), hashed here when None."""
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.candidates = candidates
        self.ann = None
        self.ann_source = ""  # "built" or "loaded" when a graph is used
        self._below: np.ndarray | None = None
        if len(self.vectors) > exact_limit:
            try:
                import faiss  # noqa: F401  (only a very large library needs it)
            except ImportError:
                log.warning("faiss is not installed: searching %d rows exactly (slower)", len(self.vectors))
                return
            self.ann, self.ann_source = _graph(self.vectors, folder, checksum)
            # Rows outside the candidates sit up to 1e-5 below the floor, in row order: 100k equal
            # scores made numpy's argpartition (top_k) take 15 ms instead of 0.3.
            self._below = -TIE_SPREAD * np.arange(len(self.vectors), dtype=np.float32) / len(self.vectors)

    def __len__(self) -> int:
        return len(self.vectors)

    @property
    def exact(self) -> bool:
        return self.ann is None

    def cosines(self, query: np.ndarray) -> np.ndarray:
        """Cosine of the query to every row (exact; or exact for the nearest, the lowest of those elsewhere)."""
        if self.ann is None:
            # einsum's own loop, not BLAS: in the engine's process (ONNX Runtime's threads
            # beside it) OpenBLAS's threaded matrix-vector product took 6-8 ms here instead
            # of 0.05; einsum takes 0.08 ms at the library's size, 1 ms at EXACT_LIMIT.
            return np.einsum("ij,j->i", self.vectors, query)
        found, rows = self.ann.search(np.ascontiguousarray(query[None, :], dtype=np.float32), self.candidates)
        keep = rows[0] >= 0
        found, rows = found[0][keep], rows[0][keep]
        assert self._below is not None
        scores = self._below + np.float32(found.min() if len(found) else -1.0)
        scores[rows] = found
        return scores


def _meta(vectors: np.ndarray, checksum: str | None) -> dict:
    """What a saved graph must have been built from to be reused."""
    if checksum is None:
        checksum = hashlib.sha256(memoryview(vectors).cast("B")).hexdigest()
    return {
        "vectors_sha256": checksum,
        "count": len(vectors),
        "dimension": int(vectors.shape[1]),
        "kind": "HNSWFlat inner product",
        "m": HNSW_M,
        "ef_construction": HNSW_EF_CONSTRUCTION,
    }


def _graph(vectors: np.ndarray, folder: Path | None, checksum: str | None):  # type: ignore[no-untyped-def]
    """The HNSW graph of ``vectors``: loaded from ``folder`` when it was built from them, else built (and saved)."""
    import faiss

    meta = _meta(vectors, checksum)
    if folder is not None:
        try:
            saved = json.loads((folder / ANN_META).read_text(encoding="utf-8"))
            if saved == meta:
                graph = faiss.read_index(str(folder / ANN_FILE))
                if graph.ntotal == len(vectors) and graph.d == vectors.shape[1]:
                    graph.hnsw.efSearch = HNSW_EF_SEARCH
                    return graph, "loaded"
            log.info("the saved FAISS graph in %s was built from other vectors: rebuilding", folder)
        except FileNotFoundError:
            pass
        except (OSError, ValueError, RuntimeError) as exc:  # faiss raises RuntimeError on a bad file
            log.warning("the saved FAISS graph in %s is unusable and will be rebuilt: %s", folder, exc)
    graph = faiss.IndexHNSWFlat(vectors.shape[1], HNSW_M, faiss.METRIC_INNER_PRODUCT)
    graph.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
    graph.add(vectors)
    graph.hnsw.efSearch = HNSW_EF_SEARCH
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{ANN_FILE}.{os.getpid()}.tmp"
        try:
            faiss.write_index(graph, str(tmp))
            os.replace(tmp, folder / ANN_FILE)
        finally:
            tmp.unlink(missing_ok=True)
        atomic_write(folder / ANN_META, json.dumps(meta, indent=1).encode("utf-8"))  # last: names a whole graph
    return graph, "built"


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Indexes of the ``k`` highest scores, best first."""
    n = len(scores)
    k = max(0, min(k, n))
    if k == 0:
        return np.zeros(0, dtype=np.int64)
    top = np.argpartition(scores, n - k)[n - k :] if k < n else np.arange(n)
    return top[np.argsort(scores[top], kind="stable")[::-1]]


class Groups:
    """Rows in contiguous runs, one run per group (a groove's examples), and each run's best.

    When every run has the same length (the library: four examples a groove) the best of
    each is a reshape and a max (~2 us here); otherwise ``np.maximum.reduceat`` (~15 us for
    400 runs). A group with no rows scores 0.
    """

    def __init__(self, owner: np.ndarray, groups: int) -> None:
        """``owner``: the group of each row, non-decreasing."""
        owner = np.asarray(owner, dtype=np.int64)
        if len(owner) and (np.any(np.diff(owner) < 0) or owner[0] < 0 or owner[-1] >= groups):
            raise ValueError("rows must be grouped: owners non-decreasing, each below the number of groups")
        self.owner = owner
        counts = np.bincount(owner, minlength=groups)
        self._present = counts > 0
        self._starts = np.searchsorted(owner, np.arange(groups))[self._present]
        self._size = int(counts[0]) if groups and counts[0] and np.all(counts == counts[0]) else 0

    def best(self, scores: np.ndarray) -> np.ndarray:
        """The highest of each group's row scores."""
        if self._size:
            return scores.reshape(-1, self._size).max(axis=1)
        out = np.zeros(len(self._present), dtype=scores.dtype)
        if len(self._starts):
            out[self._present] = np.maximum.reduceat(scores, self._starts)
        return out


def best_per_group(index: VectorIndex, query: np.ndarray, groups: Groups) -> np.ndarray:
    """Best cosine per group of rows."""
    return groups.best(index.cosines(query))
