"""The retrieval evaluation's request files: every split present, every answer a library style."""

from __future__ import annotations

from collections import Counter

from benchmarks.eval_retrieval import KINDS, SPLITS, load_requests
from pydrums_engine.library import load_library


def test_every_request_names_styles_the_library_has():
    styles = {g.style for g in load_library().grooves}
    unknown = [(r["text"], s) for r in load_requests() for s in r["styles"] if s not in styles]
    assert not unknown  # a misspelt style would count every answer as wrong


def test_each_split_holds_every_kind_and_the_held_out_files_keep_their_size():
    requests = load_requests()
    counts = Counter(r["split"] for r in requests)
    assert set(counts) == set(SPLITS)
    assert counts["fresh"] == counts["dev"] == 96  # fresh: written blind, measured, never tuned on
    for split in SPLITS:
        assert {r["kind"] for r in requests if r["split"] == split} == set(KINDS), split
    held = [r for r in requests if r["split"] == "holdout"]
    assert len(held) == 63 and all(r["split"] == "tune" for r in requests[:2])
