"""Vector search: exact on a library, a FAISS graph past the exact limit (saved, reloaded,
rebuilt when the vectors change), the same answers."""

from __future__ import annotations

import numpy as np
import pytest

from pydrums_engine.vectors import ANN_FILE, ANN_META, Groups, VectorIndex, best_per_group, top_k


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


def agreement(fast: VectorIndex, exact: VectorIndex, v: np.ndarray, groups: Groups, per_group: int) -> float:
    """Mean share of exact search's 10 best groups that the fast index also returns."""
    rng = np.random.default_rng(1)
    agree = []
    for row in rng.integers(0, len(v), 20):
        q = v[row] + 0.04 * rng.standard_normal(v.shape[1]).astype(np.float32)
        q /= np.linalg.norm(q)
        got = top_k(best_per_group(fast, q, groups), 10)
        want = top_k(best_per_group(exact, q, groups), 10)
        assert got[0] == want[0] == row // per_group  # the query's own group first
        agree.append(len(set(got) & set(want)) / 10)
    return float(np.mean(agree))


def test_faiss_search_finds_the_same_best_groups_as_exact():
    v = clustered(30_000)
    groups = Groups(np.arange(len(v)) // 5, len(v) // 5)
    fast, exact = VectorIndex(v, exact_limit=10_000), VectorIndex(v, exact_limit=len(v))
    assert not fast.exact and exact.exact and fast.ann_source == "built"
    assert agreement(fast, exact, v, groups, 5) >= 0.95


def test_the_faiss_graph_is_saved_reloaded_and_rebuilt_when_the_vectors_change(tmp_path):
    v = clustered(12_000, seed=5)
    groups = Groups(np.arange(len(v)) // 4, len(v) // 4)
    exact = VectorIndex(v, exact_limit=len(v))
    first = VectorIndex(v, exact_limit=10_000, folder=tmp_path)
    assert first.ann_source == "built" and (tmp_path / ANN_FILE).is_file() and (tmp_path / ANN_META).is_file()
    again = VectorIndex(v, exact_limit=10_000, folder=tmp_path)
    assert again.ann_source == "loaded"
    assert agreement(again, exact, v, groups, 4) >= 0.95
    changed = v.copy()
    changed[:1000] = clustered(1000, seed=9)  # a thousand rows re-encoded
    rebuilt = VectorIndex(changed, exact_limit=10_000, folder=tmp_path)
    assert rebuilt.ann_source == "built"
    assert agreement(rebuilt, VectorIndex(changed, exact_limit=len(v)), changed, groups, 4) >= 0.95
    assert VectorIndex(changed, exact_limit=10_000, folder=tmp_path).ann_source == "loaded"
    (tmp_path / ANN_FILE).write_bytes(b"not a graph")  # a broken file is rebuilt, not trusted
    assert VectorIndex(changed, exact_limit=10_000, folder=tmp_path).ann_source == "built"


def test_every_row_keeps_a_score_between_minus_one_and_one():
    v = clustered(25_000)
    index = VectorIndex(v, exact_limit=1_000, candidates=100)
    scores = index.cosines(v[0])
    assert scores.shape == (25_000,) and np.all(np.abs(scores) <= 1.0001)
    assert scores[0] > 0.99
    exact = v @ v[0]
    nearest = np.argsort(exact)[-10:]  # the nearest rows carry their exact cosine
    assert np.allclose(scores[nearest], exact[nearest], atol=1e-5)
    rest = np.median(scores)  # most rows: just below the lowest cosine the graph found
    scored = scores > rest + 2e-5
    assert 50 <= scored.sum() < 100 and np.allclose(scores[scored], exact[scored], atol=1e-5)
    assert np.all(scores[~scored] <= rest + 2e-5)


def test_below_the_limit_no_graph_is_built_or_saved(tmp_path):
    v = clustered(2_000)
    index = VectorIndex(v, folder=tmp_path)
    assert index.exact and index.ann_source == ""
    assert not (tmp_path / ANN_FILE).exists()
    assert np.allclose(index.cosines(v[3]), v @ v[3], atol=1e-6)


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
