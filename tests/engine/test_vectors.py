"""Vector search: exact on a library, two-stage past the exact limit, same answers."""

from __future__ import annotations

import numpy as np
import pytest

from pydrums_engine.vectors import Groups, VectorIndex, best_per_group, sign_codes, top_k


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
    groups = Groups(np.arange(len(v)) // 5, len(v) // 5)
    fast, exact = VectorIndex(v, exact_limit=10_000, rerank=500), VectorIndex(v, exact_limit=len(v))
    assert not fast.exact and exact.exact
    rng = np.random.default_rng(1)
    agree = []
    for row in rng.integers(0, len(v), 20):
        q = v[row] + 0.04 * rng.standard_normal(v.shape[1]).astype(np.float32)
        q /= np.linalg.norm(q)
        got = top_k(best_per_group(fast, q, groups), 10)
        want = top_k(best_per_group(exact, q, groups), 10)
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


@pytest.mark.parametrize(
    ("owner", "groups"),
    [
        ([0, 0, 0, 1, 1, 1, 2, 2, 2], 3),  # even runs: the reshape path
        ([0, 1, 1, 1, 3, 3], 4),  # uneven runs, group 2 has no rows
        ([1, 1, 2], 4),  # groups 0 and 3 have no rows
    ],
)
def test_each_group_gets_the_best_of_its_own_rows(owner, groups):
    scores = np.random.default_rng(len(owner)).uniform(-1, 1, len(owner)).astype(np.float32)
    want = [max((s for s, o in zip(scores, owner, strict=True) if o == g), default=0.0) for g in range(groups)]
    assert np.allclose(Groups(np.array(owner), groups).best(scores), want)


def test_rows_out_of_group_order_are_refused():
    with pytest.raises(ValueError, match="grouped"):
        Groups(np.array([0, 1, 0]), 2)
