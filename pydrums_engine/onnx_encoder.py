"""The sentence model run by ONNX Runtime: the query path without torch.

MiniLM through torch took 8.5 ms of a 9.2 ms `similar()` and 4.6 s of start-up (importing
torch, transformers and sentence-transformers). The same weights exported once to ONNX and
run by ONNX Runtime with the `tokenizers` library give the same vectors (cosine >= 0.9999)
in half the time, from a process that never imports torch (docs/BENCHMARKS.md).

    model.onnx        the transformer (token ids in, token states out), beside the index
    model.onnx.json   where it came from: the SHA-256 of the weights, their size and mtime

The export needs torch and is done once (`make install`, or the first `Engine.load`);
a changed weights file (another hash) is exported again. Pooling is the model's own:
the mean of the token states under the attention mask, then L2 normalisation.

sentence-transformers' ``backend="onnx"`` was not used: it needs `optimum`, which here
would downgrade transformers (5.x to 4.57), and it imports torch all the same.

    python -m pydrums_engine.onnx_encoder [INDEX_DIR]     export now (what `make install` runs)
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from .files import atomic_write

log = logging.getLogger(__name__)

ONNX_FILE = "model.onnx"
ONNX_META = "model.onnx.json"
WEIGHTS = "model.safetensors"
EXPORT_VERSION = 2  # 2: attention, layer norms and GELU fused by ONNX Runtime's BERT optimizer
# Two intra-op threads that spin for at most SPIN_MICROSECONDS before they sleep: measured on the
# 2-core machine idle, with one core burnt and with both burnt (docs/BENCHMARKS.md), a few
# microseconds catch the next operator's work without a wake-up (2.8 -> 2.4 ms a query idle)
# and give the core back before a busy machine notices (unbounded spinning, like torch's two
# threads, was 2-100x slower once a core was busy). Never slower than one thread.
QUERY_THREADS = 2
SPIN_MICROSECONDS = 3
CHUNK = 128  # texts per unit of work in a large job: similar lengths, little padding
SMALL_JOB = 8  # up to this many texts (a query, one edited groove), no worker threads


class OnnxUnavailable(RuntimeError):
    """The ONNX model cannot be used (onnxruntime missing, an unsupported model, a failed export)."""


class OnnxEncoder:
    """Tokenizer + ONNX Runtime session + mean pooling: texts into unit vectors."""

    backend = "onnx"

    def __init__(self, model_dir: Path, onnx_path: Path, name: str, threads: int | None = None) -> None:
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise OnnxUnavailable(f"{exc.name or 'onnxruntime'} is not installed") from exc
        self.name = name
        self.why = ""
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.intra_op_num_threads = threads or min(QUERY_THREADS, os.cpu_count() or 1)
        options.inter_op_num_threads = 1
        # a waiting thread spins a few microseconds, then sleeps, so a busy core does not stall a query
        options.add_session_config_entry("session.intra_op.allow_spinning", "1")
        options.add_session_config_entry("session.intra_op.spin_duration_us", str(SPIN_MICROSECONDS))
        options.log_severity_level = 3
        self._session = ort.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self._tokenizer.enable_truncation(max_length=max_seq_length(model_dir))
        self._tokenizer.no_padding()
        self.dimension = int(self._session.get_outputs()[0].shape[-1])
        self._workers = max(1, os.cpu_count() or 1)

    def encode(self, texts: list[str], *, batch_size: int = 32, progress: bool = False) -> np.ndarray:
        """Unit-length float32 vectors, one row per text, in the order given."""
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if len(texts) <= SMALL_JOB or self._workers == 1:
            for i in range(0, len(texts), batch_size):
                out[i : i + batch_size] = self._encode_batch(texts[i : i + batch_size])
            return out
        from tqdm import tqdm

        # Length-sorted chunks, one per core: ONNX Runtime releases the GIL while it runs.
        size = min(CHUNK, -(-len(texts) // self._workers))
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        chunks = [order[i : i + size] for i in range(0, len(order), size)]

        def run(rows: list[int]) -> np.ndarray:
            part = [texts[i] for i in rows]
            batches = [part[j : j + batch_size] for j in range(0, len(part), batch_size)]
            return np.concatenate([self._encode_batch(batch) for batch in batches])

        with (
            ThreadPoolExecutor(self._workers, thread_name_prefix="encode") as pool,
            tqdm(total=len(texts), unit="text", disable=not progress) as bar,
        ):
            for rows, vectors in zip(chunks, pool.map(run, chunks), strict=True):
                out[rows] = vectors
                bar.update(len(rows))
        return out

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(texts), width), dtype=np.int64)
        mask = np.zeros((len(texts), width), dtype=np.int64)
        for row, e in enumerate(encodings):
            ids[row, : len(e.ids)] = e.ids
            mask[row, : len(e.ids)] = 1
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        states = self._session.run(None, {k: v for k, v in feed.items() if k in self._inputs})[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (states * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        return (pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)).astype(np.float32)


def max_seq_length(model_dir: Path) -> int:
    """Tokens the model reads (sentence-transformers' max_seq_length; 256 for MiniLM)."""
    try:
        return int(json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))["max_seq_length"])
    except (OSError, ValueError, KeyError):
        return 256


def check_supported(model_dir: Path) -> None:
    """OnnxUnavailable unless the folder is a mean-pooled, normalised model with a fast tokenizer."""
    if not (model_dir / WEIGHTS).is_file() or not (model_dir / "tokenizer.json").is_file():
        raise OnnxUnavailable(f"{model_dir} has no {WEIGHTS} and tokenizer.json to export from")
    try:
        pooling = json.loads((model_dir / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        modules = json.loads((model_dir / "modules.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise OnnxUnavailable(f"{model_dir} has no readable pooling or modules config ({exc})") from exc
    kinds = [m.get("type", "").rsplit(".", 1)[-1] for m in modules]
    modes = {k for k, v in pooling.items() if k.startswith("pooling_mode") and v}
    if kinds != ["Transformer", "Pooling", "Normalize"] or modes != {"pooling_mode_mean_tokens"}:
        raise OnnxUnavailable(f"{model_dir} is not a mean-pooled, normalised sentence model ({kinds}, {sorted(modes)})")


def weights_hash(model_dir: Path, known: dict | None = None) -> str:
    """SHA-256 of the weights file; taken from ``known`` when its size and mtime still match."""
    path = model_dir / WEIGHTS
    stat = path.stat()
    if known and known.get("size") == stat.st_size and known.get("mtime_ns") == stat.st_mtime_ns:
        return str(known["sha256"])
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_meta(folder: Path) -> dict | None:
    try:
        return json.loads((folder / ONNX_META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_current(folder: Path, model_dir: Path) -> bool:
    """Whether ``folder`` holds an export of exactly these weights."""
    meta = read_meta(folder)
    onnx = folder / ONNX_FILE
    if not meta or meta.get("version") != EXPORT_VERSION or not onnx.is_file():
        return False
    if onnx.stat().st_size != meta.get("onnx_size"):
        return False
    weights = meta.get("weights", {})
    return weights.get("sha256") == weights_hash(model_dir, weights)


def export(model_dir: Path, folder: Path) -> Path:
    """Write ``folder/model.onnx`` (and its record) from the weights in ``model_dir``; needs torch."""
    check_supported(model_dir)
    try:
        import torch
        from transformers import AutoModel
    except ImportError as exc:
        raise OnnxUnavailable(f"exporting to ONNX needs {exc.name}") from exc
    try:
        import onnx  # noqa: F401  (torch's exporter writes the file through it)
    except ImportError as exc:
        raise OnnxUnavailable("exporting to ONNX needs the onnx package") from exc
    try:
        import onnxruntime  # noqa: F401  (what runs the file, and fuses its graph)
    except ImportError as exc:
        raise OnnxUnavailable("onnxruntime is not installed") from exc

    class TokenStates(torch.nn.Module):
        """The transformer as positional inputs to token states, the shape ONNX wants."""

        def __init__(self, model: torch.nn.Module) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            return self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    folder.mkdir(parents=True, exist_ok=True)
    # eager attention: the graph the fuser below recognises (the default SDPA export is left unfused)
    model = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()
    ids = torch.ones((2, 8), dtype=torch.long)
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {n: {0: "batch", 1: "tokens"} for n in [*names, "token_states"]}
    tmp = folder / f".{ONNX_FILE}.{os.getpid()}.tmp"
    try:
        import warnings

        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")  # the tracer's notes on Python bools; checked by the tests
            torch.onnx.export(
                TokenStates(model),
                (ids, ids, torch.zeros_like(ids)),
                str(tmp),
                dynamo=False,
                input_names=names,
                output_names=["token_states"],
                dynamic_axes=axes,
                opset_version=17,
            )
        fused = fuse(tmp, heads=model.config.num_attention_heads, hidden=model.config.hidden_size)
        with tmp.open("rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, folder / ONNX_FILE)
    finally:
        tmp.unlink(missing_ok=True)
    stat = (model_dir / WEIGHTS).stat()
    meta = {
        "version": EXPORT_VERSION,
        "weights": {"sha256": weights_hash(model_dir), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns},
        "onnx_size": (folder / ONNX_FILE).stat().st_size,
        "opset": 17,
        "fused": fused,
    }
    atomic_write(folder / ONNX_META, json.dumps(meta, indent=1).encode("utf-8"))
    log.info("exported %s to %s", model_dir, folder / ONNX_FILE)
    return folder / ONNX_FILE


def fuse(path: Path, *, heads: int, hidden: int) -> bool:
    """Rewrite the exported graph in place with each layer's attention, layer norms and GELU
    fused into single kernels (ONNX Runtime's BERT optimizer, float32 kept: the same vectors).
    A query encode took 10-15% less time, measured side by side (docs/BENCHMARKS.md)."""
    try:
        from onnxruntime.transformers import optimizer
    except ImportError as exc:  # onnxruntime itself is checked where the session is made
        log.warning("ONNX export: the graph optimizer is unavailable (%s); the plain graph is kept", exc)
        return False
    fused = optimizer.optimize_model(str(path), model_type="bert", num_heads=heads, hidden_size=hidden, opt_level=1)
    counts = fused.get_fused_operator_statistics()
    if not counts.get("Attention"):
        log.warning("ONNX export: attention was not fused (%s); the plain graph is kept", counts)
        return False
    fused.save_model_to_file(str(path))
    return True


def ensure_onnx(model_dir: Path, folder: Path) -> Path:
    """The ONNX file for these weights in ``folder``, exported first when absent or stale."""
    check_supported(model_dir)
    if is_current(folder, model_dir):
        return folder / ONNX_FILE
    log.info("no current ONNX export of %s in %s: exporting (once, needs torch)", model_dir.name, folder)
    try:
        return export(model_dir, folder)
    except OnnxUnavailable:
        raise
    except Exception as exc:  # the exporter raises many kinds; any of them means "use torch"
        raise OnnxUnavailable(f"the ONNX export failed ({type(exc).__name__}: {exc})") from exc


def main(argv: list[str] | None = None) -> int:
    """Export the bundled model beside the default index (the Makefile's install step)."""
    from .embeddings import DEFAULT_MODEL, resolve_model
    from .library import DEFAULT_DATA_DIR

    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else DEFAULT_DATA_DIR / "index"
    try:
        path = ensure_onnx(Path(resolve_model(DEFAULT_MODEL)), folder)
    except OnnxUnavailable as exc:
        print(f"no ONNX model: {exc}; the engine will encode with torch")
        return 0
    print(f"ONNX model ready: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
