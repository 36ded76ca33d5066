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


def best_per_group(index: VectorIndex, query: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Best cosine per group of rows (groups contiguous; ``starts`` = first row of each)."""
    return np.maximum.reduceat(index.cosines(query), starts)
