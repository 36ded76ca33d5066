"""The embedding index on disk: reused when fresh, re-encoded only where text changed,
never read from a broken file, never pickled."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from pydrums_engine.descriptions import build_examples
from pydrums_engine.index import MANIFEST, VECTORS, ensure_index, read_index
from pydrums_engine.library import load_library


class CountingEncoder:
    """The real model, counting how many texts it was asked to encode."""

    def __init__(self, encoder) -> None:
        self.encoder = encoder
        self.calls: list[int] = []

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.calls.append(len(texts))
        return self.encoder.encode(texts)


@pytest.fixture(scope="module")
def small(library):
    """The first 25 grooves' examples: enough to exercise the index, quick to encode."""
    examples = build_examples(library)
    keep = {g.id for g in library.grooves[:25]}
    return [e for e in examples if e.groove_id in keep]


def test_first_build_writes_unit_vectors_and_a_manifest(tmp_path, small, encoder):
    counting = CountingEncoder(encoder)
    vectors, report = ensure_index(tmp_path, small, encoder.name, counting, "lib")
    assert vectors.shape == (len(small), 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert report.reencoded == len({e.text for e in small}) and report.reason == "no index yet"
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    assert manifest["model"] == "all-MiniLM-L6-v2" and manifest["dimension"] == 384
    assert manifest["count"] == len(small) and len(manifest["hashes"]) == len(small)
    assert manifest["library_hash"] == "lib"
    np.load(tmp_path / VECTORS, allow_pickle=False)  # plain .npy, no pickle
    assert not list(tmp_path.glob("*.tmp"))


def test_fresh_index_is_read_back_without_encoding(tmp_path, small, encoder):
    first, _ = ensure_index(tmp_path, small, encoder.name, CountingEncoder(encoder), "lib")
    counting = CountingEncoder(encoder)
    again, report = ensure_index(tmp_path, small, encoder.name, counting, "lib")
    assert counting.calls == [] and report.reencoded == 0 and report.reason == "up to date"
    assert np.array_equal(first, again)


def test_editing_one_example_re_encodes_only_that_text(tmp_path, small, encoder):
    ensure_index(tmp_path, small, encoder.name, CountingEncoder(encoder), "lib")
    edited = list(small)
    edited[3] = dataclasses.replace(edited[3], text="a completely new caption for this groove")
    counting = CountingEncoder(encoder)
    vectors, report = ensure_index(tmp_path, edited, encoder.name, counting, "lib2")
    assert counting.calls == [1] and report.reencoded == 1
    assert np.allclose(vectors[3], encoder.encode([edited[3].text])[0], atol=1e-5)


@pytest.mark.parametrize("damage", ["truncate", "garbage", "manifest", "shape"])
def test_a_damaged_index_is_detected_and_rebuilt(tmp_path, small, encoder, damage, caplog):
    ensure_index(tmp_path, small, encoder.name, CountingEncoder(encoder), "lib")
    vectors_path, manifest_path = tmp_path / VECTORS, tmp_path / MANIFEST
    if damage == "truncate":
        vectors_path.write_bytes(vectors_path.read_bytes()[:1000])
    elif damage == "garbage":
        vectors_path.write_bytes(b"\x80\x04not a numpy file")
    elif damage == "manifest":
        manifest_path.write_text("{ not json")
    else:
        manifest = json.loads(manifest_path.read_text())
        manifest["count"] += 1
        manifest_path.write_text(json.dumps(manifest))
    assert read_index(tmp_path, encoder.name) is None
    assert "unusable and will be rebuilt" in caplog.text
    counting = CountingEncoder(encoder)
    vectors, report = ensure_index(tmp_path, small, encoder.name, counting, "lib")
    assert report.reencoded > 0 and vectors.shape[0] == len(small)
    assert read_index(tmp_path, encoder.name) is not None


def test_another_model_name_forces_re_encoding(tmp_path, small, encoder):
    ensure_index(tmp_path, small, encoder.name, CountingEncoder(encoder), "lib")
    assert read_index(tmp_path, "some-other-model") is None


def test_engine_rebuild_after_renaming_one_groove_re_encodes_only_its_examples(data_copy, encoder, tmp_path):
    from tests.conftest import make_engine, seeded_index

    engine = make_engine(data_copy, seeded_index(tmp_path / "index"), encoder)
    path = sorted((data_copy / "grooves").glob("*.toml"))[0]
    groove = load_library(data_copy).grooves[0]
    text = path.read_text(encoding="utf-8")
    at = text.index(f'name = "{groove.name}"', text.index("[[grooves]]"))
    path.write_text(text[:at] + f'name = "{groove.name} Revisited"' + text[at + len(groove.name) + 9 :], "utf-8")
    report = engine.rebuild()
    assert 1 <= report.reencoded <= 4  # a groove has four indexed examples
    assert report.patterns == len(engine.library.grooves)
    assert engine.library.grooves[0].name == f"{groove.name} Revisited"


def test_a_new_description_is_searchable_after_a_rebuild_with_nothing_re_encoded(data_copy, encoder, tmp_path):
    """Hand-written descriptions feed the lexical score, not the vectors: no re-encoding needed."""
    from tests.conftest import make_engine, seeded_index

    engine = make_engine(data_copy, seeded_index(tmp_path / "index"), encoder)
    path = sorted((data_copy / "grooves").glob("*.toml"))[0]
    groove = load_library(data_copy).grooves[0]
    text = path.read_text(encoding="utf-8")
    first_line = groove.description.split(",")[0].split(".")[0]
    assert first_line in text
    assert groove.id not in [h.id for h in engine.similar("zebrawood marimba stomp", k=3)]
    path.write_text(text.replace(first_line, "A zebrawood marimba stomp", 1), encoding="utf-8")
    report = engine.rebuild()
    assert report.reencoded == 0
    assert engine.similar("zebrawood marimba stomp", k=1)[0].id == groove.id
