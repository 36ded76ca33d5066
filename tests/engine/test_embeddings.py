"""The encoder: a large job split across worker threads comes back in the caller's order."""

from __future__ import annotations

import numpy as np

from pydrums_engine.embeddings import SMALL_JOB


def test_a_large_job_returns_each_texts_own_vector_in_order(encoder) -> None:
    words = ["funk", "one drop", "blast beat", "bossa nova with a cross-stick", "train beat", "dembow"]
    # lengths interleaved, so sorting into chunks by length really reorders the work
    texts = [f"{w} " + "with ghost notes " * (i % 5) + f"number {i}" for i, w in enumerate(words * 8)]
    assert len(texts) > SMALL_JOB
    together = encoder.encode(texts)
    alone = np.stack([encoder.encode([t])[0] for t in texts])
    assert together.shape == (len(texts), encoder.dimension) and together.dtype == np.float32
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    assert np.min(np.sum(together * alone, axis=1)) > 0.9999


def test_nothing_to_encode_gives_an_empty_matrix(encoder) -> None:
    assert encoder.encode([]).shape == (0, encoder.dimension)
