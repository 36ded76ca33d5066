"""Cosine similarity over unit vectors: exact for a library, two-stage for very large sets.

Up to `EXACT_LIMIT` rows the answer is one matrix-vector product (the library has a few
thousand examples: ~0.05 ms). Past it, reading every float32 row is bound by memory
bandwidth (100k x 384 is 150 MB a query, ~13 ms here), so a first stage compares 384-bit
sign codes (48 bytes a row) by Hamming distance, turns the distance into an estimated
cosine (the SimHash estimate cos(pi * h / d)), and only the `RERANK` best candidates are
scored exactly. Rows outside the candidates keep their estimate, so every row still has a
score for the blend with lexical and style scores.
"""

from __future__ import annotations

import numpy as np

EXACT_LIMIT = 20_000
RERANK = 1_000


class VectorIndex:
    """Unit-length float32 rows, searched by cosine similarity."""

    def __init__(self, vectors: np.ndarray, exact_limit: int = EXACT_LIMIT, rerank: int = RERANK) -> None:
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.rerank = rerank
        self.codes: np.ndarray | None = None
        if len(self.vectors) > exact_limit:
            self.codes = sign_codes(self.vectors)
            dim = self.vectors.shape[1]
            self._estimate = np.cos(np.pi * np.arange(dim + 1) / dim).astype(np.float32)

    def __len__(self) -> int:
        return len(self.vectors)

    @property
    def exact(self) -> bool:
        return self.codes is None

    def cosines(self, query: np.ndarray) -> np.ndarray:
        """Cosine of the query to every row (exact, or estimated away from the best rows)."""
        if self.codes is None:
            return self.vectors @ query
        distance = np.zeros(self.codes.shape[1], dtype=np.uint16)
        for words, word in zip(self.codes, sign_codes(query[None, :])[:, 0], strict=True):
            distance += np.bitwise_count(words ^ word)  # one contiguous pass per 64 dimensions
        scores = self._estimate[distance]
        candidates = np.argpartition(distance, min(self.rerank, len(distance) - 1))[: self.rerank]
        scores[candidates] = self.vectors[candidates] @ query
        return scores


def sign_codes(vectors: np.ndarray) -> np.ndarray:
    """One bit a dimension (positive or not), as 64-bit words: shape (words, rows).

    Word-major, so each word of every row is one contiguous array to XOR and count.
    """
    bits = np.packbits(vectors > 0, axis=1)
    pad = (-bits.shape[1]) % 8
    if pad:
        bits = np.pad(bits, ((0, 0), (0, pad)))
    return np.ascontiguousarray(np.ascontiguousarray(bits).view(np.uint64).T)


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
