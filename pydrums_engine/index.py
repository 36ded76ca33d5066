"""The embedding index on disk: ``vectors.npy`` beside ``manifest.json``.

The manifest names the model, the dimension, the count, a content hash per example (of
its text) and the library hash, and the SHA-256 of the vector file. Loading checks all of
it with ``allow_pickle=False``; anything truncated, corrupt or stale is logged and rebuilt.
Rebuilding re-encodes only the examples whose text is new, reusing every other row. Both
files are written atomically (temporary file, fsync, rename) and the manifest goes last, so
a crash mid-write leaves either the old index or a mismatch the next load detects.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .descriptions import Example
from .files import atomic_write

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
VECTORS = "vectors.npy"
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class BuildReport:
    """What an index build did: examples indexed, how many were encoded, seconds taken."""

    examples: int
    reencoded: int
    seconds: float
    reason: str  # why a build was needed ("up to date" when nothing was encoded)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_index(folder: Path, model: str) -> tuple[np.ndarray, list[str]] | None:
    """Vectors and their text hashes from disk, or None (logged) when missing or unusable."""
    manifest_path, vectors_path = folder / MANIFEST, folder / VECTORS
    if not manifest_path.exists() and not vectors_path.exists():
        return None
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        raw = vectors_path.read_bytes()
        if hashlib.sha256(raw).hexdigest() != manifest["vectors_sha256"]:
            raise ValueError("vectors.npy does not match the manifest's checksum (truncated or replaced)")
        vectors = np.load(io.BytesIO(raw), allow_pickle=False)
        hashes = [str(h) for h in manifest["hashes"]]
        if manifest.get("version") != FORMAT_VERSION:
            raise ValueError(f"format version {manifest.get('version')} is not {FORMAT_VERSION}")
        if vectors.dtype != np.float32 or vectors.ndim != 2:
            raise ValueError(f"vectors are {vectors.dtype} with {vectors.ndim} dimensions, expected 2-D float32")
        if vectors.shape != (manifest["count"], manifest["dimension"]) or len(hashes) != len(vectors):
            raise ValueError(f"vectors have shape {vectors.shape}, manifest says {manifest['count']} x dimension")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("embedding index in %s is unusable and will be rebuilt: %s", folder, exc)
        return None
    if manifest.get("model") != model:
        log.info("embedding index was built with %s, not %s: re-encoding", manifest.get("model"), model)
        return None
    return vectors, hashes


def ensure_index(
    folder: Path,
    examples: list[Example],
    model: str,
    encode: Callable[[list[str]], np.ndarray],
    library_hash: str,
) -> tuple[np.ndarray, BuildReport]:
    """Vectors for ``examples`` in order: read from disk, or (re)built and written back."""
    start = time.perf_counter()
    hashes = [text_hash(e.text) for e in examples]
    cached = read_index(folder, model)
    if cached is not None and cached[1] == hashes:
        return cached[0], BuildReport(len(examples), 0, time.perf_counter() - start, "up to date")
    known: dict[str, np.ndarray] = {}
    if cached is not None:
        known = {h: row for h, row in zip(cached[1], cached[0], strict=True)}
    todo = sorted({h: e.text for h, e in zip(hashes, examples, strict=True) if h not in known}.items())
    if todo:
        fresh = encode([text for _, text in todo])
        known.update({h: fresh[i] for i, (h, _) in enumerate(todo)})
    vectors = np.stack([known[h] for h in hashes]).astype(np.float32) if hashes else np.zeros((0, 0), np.float32)
    write_index(folder, vectors, hashes, model, library_hash)
    reason = "no index yet" if cached is None else "library changed"
    report = BuildReport(len(examples), len(todo), time.perf_counter() - start, reason)
    log.info(
        "embedding index: %d examples, %d re-encoded in %.2f s (%s)", len(examples), len(todo), report.seconds, reason
    )
    return vectors, report


def write_index(folder: Path, vectors: np.ndarray, hashes: list[str], model: str, library_hash: str) -> None:
    """Write vectors then manifest, each atomically."""
    folder.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    np.save(buffer, vectors, allow_pickle=False)
    raw = buffer.getvalue()
    manifest = {
        "version": FORMAT_VERSION,
        "model": model,
        "dimension": int(vectors.shape[1]) if vectors.ndim == 2 else 0,
        "count": len(hashes),
        "library_hash": library_hash,
        "vectors_sha256": hashlib.sha256(raw).hexdigest(),
        "hashes": hashes,
    }
    atomic_write(folder / VECTORS, raw)
    atomic_write(folder / MANIFEST, json.dumps(manifest, indent=0).encode("utf-8"))
