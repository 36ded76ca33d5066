"""The ONNX query encoder: the torch model's vectors, from a process that never imports torch,
exported again when the weights change, and torch (said so in `info`) when it cannot be used."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import numpy as np
import pytest

from pydrums_engine.embeddings import DEFAULT_MODEL, load_encoder, resolve_model
from pydrums_engine.onnx_encoder import (
    ONNX_FILE,
    ONNX_META,
    OnnxEncoder,
    ensure_onnx,
    is_current,
    weights_hash,
)
from tests.conftest import DATA_DIR, make_engine, seeded_index

ROOT = DATA_DIR.parent
MODEL_DIR = Path(resolve_model(DEFAULT_MODEL))


@pytest.fixture(scope="module")
def onnx_index(tmp_path_factory) -> Path:
    """An index folder with the committed vectors and a current ONNX export (linked from
    data/index when `make install` made one there, else exported here once)."""
    folder = seeded_index(tmp_path_factory.mktemp("onnx-index"))
    if is_current(DATA_DIR / "index", MODEL_DIR):
        for name in (ONNX_FILE, ONNX_META):
            os.link(DATA_DIR / "index" / name, folder / name)
    ensure_onnx(MODEL_DIR, folder)
    return folder


@pytest.fixture(scope="module")
def onnx_encoder(onnx_index) -> OnnxEncoder:
    return OnnxEncoder(MODEL_DIR, onnx_index / ONNX_FILE, DEFAULT_MODEL)


def eval_requests() -> list[str]:
    data = tomllib.loads((ROOT / "benchmarks" / "eval" / "requests.toml").read_text(encoding="utf-8"))
    return [r["text"] for r in data["request"]]


def test_onnx_vectors_are_the_torch_models_vectors_on_every_eval_request(onnx_encoder, encoder):
    texts = eval_requests()
    assert len(texts) > 100
    onnx = np.stack([onnx_encoder.encode([t])[0] for t in texts])  # one at a time, as queries come
    torch = encoder.encode(texts)
    assert onnx.dtype == np.float32 and onnx.shape == torch.shape
    assert np.allclose(np.linalg.norm(onnx, axis=1), 1.0, atol=1e-5)
    assert float(np.min(np.sum(onnx * torch, axis=1))) >= 0.9999


def test_a_large_onnx_job_returns_each_texts_own_vector_in_order(onnx_encoder, encoder):
    texts = [f"{w} " + "with ghost notes " * (i % 5) + f"number {i}" for i, w in enumerate(["funk", "dembow"] * 40)]
    together = onnx_encoder.encode(texts)  # padded batches on worker threads, length-sorted
    assert float(np.min(np.sum(together * encoder.encode(texts), axis=1))) >= 0.9999
    assert onnx_encoder.encode([]).shape == (0, onnx_encoder.dimension)


def test_the_export_records_the_hash_of_the_weights_it_came_from(onnx_index):
    meta = json.loads((onnx_index / ONNX_META).read_text(encoding="utf-8"))
    assert meta["weights"]["sha256"] == weights_hash(MODEL_DIR)  # hashed afresh, not from the record
    assert is_current(onnx_index, MODEL_DIR)


def test_the_export_is_the_fused_graph_the_encode_times_were_measured_on(onnx_index):
    """One attention kernel a layer: the plain export took 10-15% longer a query."""
    import onnx

    assert json.loads((onnx_index / ONNX_META).read_text(encoding="utf-8"))["fused"] is True
    kinds = [node.op_type for node in onnx.load(str(onnx_index / ONNX_FILE)).graph.node]
    assert kinds.count("Attention") == 6  # MiniLM-L6: six layers


def test_other_weights_or_a_truncated_file_make_the_export_stale(onnx_index, tmp_path):
    folder = tmp_path / "index"
    folder.mkdir()
    shutil.copy2(onnx_index / ONNX_META, folder / ONNX_META)
    os.link(onnx_index / ONNX_FILE, folder / ONNX_FILE)
    assert is_current(folder, MODEL_DIR)
    meta = json.loads((folder / ONNX_META).read_text(encoding="utf-8"))
    meta["weights"] = {"sha256": "0" * 64, "size": 1, "mtime_ns": 1}  # exported from other weights
    (folder / ONNX_META).write_text(json.dumps(meta), encoding="utf-8")
    assert not is_current(folder, MODEL_DIR)
    shutil.copy2(onnx_index / ONNX_META, folder / ONNX_META)
    (folder / ONNX_FILE).unlink()
    (folder / ONNX_FILE).write_bytes((onnx_index / ONNX_FILE).read_bytes()[:1000])  # cut short
    assert not is_current(folder, MODEL_DIR)


def test_a_damaged_export_is_made_again_not_trusted(onnx_index, tmp_path):
    folder = tmp_path / "index"
    folder.mkdir()
    shutil.copy2(onnx_index / ONNX_META, folder / ONNX_META)
    size = (onnx_index / ONNX_FILE).stat().st_size
    (folder / ONNX_FILE).write_bytes(b"\0" * size)  # the right size, but not a model
    encoder = load_encoder(DEFAULT_MODEL, folder)
    assert encoder.backend == "onnx"
    assert is_current(folder, MODEL_DIR)
    assert (folder / ONNX_FILE).read_bytes()[:16] != b"\0" * 16


def test_without_onnxruntime_the_engine_encodes_with_torch_and_info_says_why(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # as if it were not installed
    fallback = load_encoder(DEFAULT_MODEL, tmp_path / "index")
    assert fallback.backend == "torch"
    engine = make_engine(DATA_DIR, seeded_index(tmp_path / "index"), fallback)
    info = engine.info(check_ollama=False)
    assert info["encoder"]["backend"] == "torch"
    assert "onnxruntime is not installed" in info["encoder"]["why"]
    assert engine.similar("laid back reggae one drop", k=1)[0].style == "reggae"


def test_the_engine_answers_from_onnx_without_importing_torch(onnx_index):
    code = (
        "import json, sys\n"
        "from pydrums_engine.engine import Engine\n"
        f"e = Engine.load(index_dir={str(onnx_index)!r}, use_llm=False)\n"
        "hit = e.similar('laid back reggae one drop', k=1)[0]\n"
        "heavy = sorted(m for m in ('torch', 'sentence_transformers', 'transformers', 'sklearn') if m in sys.modules)\n"
        "print(json.dumps({'style': hit.style, 'encoder': e.info(check_ollama=False)['encoder'], 'heavy': heavy}))\n"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    answer = json.loads(out.stdout.strip().splitlines()[-1])
    assert answer["style"] == "reggae"
    assert answer["encoder"]["backend"] == "onnx"
    assert answer["heavy"] == []
