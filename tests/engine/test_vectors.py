"""Vector search: exact on a library, two-stage past the exact limit, same answers."""

from __future__ import annotations

import numpy as np

from pydrums_engine.vectors import VectorIndex, best_per_group, sign_codes, top_k


def clustered(n: int, dim: int = 384, seed: int = 3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    topics = rng.standard_normal((n // 20, dim)).astype(np.float32)
    v = topics[rng.integers(0, len(topics), n)] + 0.8 * rng.standard_normal((n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_small_index_is_an_exact_dot_product():
    v = clustered(500)
    index = VectorIndex(v)
    assert index.exact
    assert np.allclose(index.cosines(v[7]), v @ v[7], atol=1e-6)


def test_two_stage_search_finds_the_same_best_groups_as_exact():
    v = clustered(30_000)
    starts = np.arange(0, len(v), 5)
    fast, exact = VectorIndex(v, exact_limit=10_000, rerank=500), VectorIndex(v, exact_limit=len(v))
    assert not fast.exact and exact.exact
    rng = np.random.default_rng(1)
    agree = []
    for row in rng.integers(0, len(v), 20):
        q = v[row] + 0.04 * rng.standard_normal(v.shape[1]).astype(np.float32)
        q /= np.linalg.norm(q)
        got = top_k(best_per_group(fast, q, starts), 10)
        want = top_k(best_per_group(exact, q, starts), 10)
        assert got[0] == want[0] == row // 5  # the query's own group first
        agree.append(len(set(got) & set(want)) / 10)
    assert np.mean(agree) >= 0.9


def test_every_row_keeps_a_score_between_minus_one_and_one():
    v = clustered(25_000)
    scores = VectorIndex(v, exact_limit=1_000, rerank=100).cosines(v[0])
    assert scores.shape == (25_000,) and np.all(np.abs(scores) <= 1.0001)
    assert scores[0] > 0.99


def test_sign_codes_are_word_major_bits():
    v = np.array([[1.0, -1.0] * 64, [-1.0, 1.0] * 64], dtype=np.float32)
    codes = sign_codes(v)
    assert codes.shape == (2, 2) and codes.dtype == np.uint64
    assert np.all(np.bitwise_count(codes[:, 0] ^ codes[:, 1]) == 64)  # rows differ in every bit


def test_top_k_is_best_first():
    scores = np.array([0.1, 0.9, 0.5, 0.7], dtype=np.float32)
    assert list(top_k(scores, 3)) == [1, 3, 2]
    assert list(top_k(scores, 10)) == [1, 3, 2, 0]
    assert len(top_k(scores, 0)) == 0
