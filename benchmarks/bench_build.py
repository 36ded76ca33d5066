"""Full index build: where the time goes, measured side by side in one run.

    python -m benchmarks.bench_build [--rounds 2]

Encodes, alternately, (a) every phrasing the description builder writes (what the index
embedded until 2026-11-25) and (b) the indexed examples alone (technical and lore lines),
each (1) as one batch on two torch threads and (2) the way `Encoder.encode` does it, one
length-sorted chunk per core on one torch thread each. Prints tokens, seconds (median of
the rounds) and tokens a second, and the floor the CPU sets: MiniLM's linear layers cost
about 21 MFLOP a token.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import numpy as np

FLOP_PER_TOKEN = 2 * 6 * (4 * 384 * 384 + 2 * 384 * 1536)  # 6 layers: Q, K, V, O and the two FFN matrices


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch

    from pydrums_engine.descriptions import all_phrasings, build_examples
    from pydrums_engine.embeddings import Encoder
    from pydrums_engine.engine import DEFAULT_DATA_DIR
    from pydrums_engine.library import load_library

    library = load_library(DEFAULT_DATA_DIR)
    sets = {
        "every phrasing": sorted({e.text for e in all_phrasings(library)}),
        "indexed examples": sorted({e.text for e in build_examples(library)}),
    }
    encoder = Encoder()
    tokenizer = encoder._model.tokenizer
    tokens = {name: sum(len(ids) for ids in tokenizer(texts)["input_ids"]) for name, texts in sets.items()}

    def one_batch_two_threads(texts: list[str]) -> np.ndarray:
        torch.set_num_threads(2)
        try:
            return encoder._model.encode(texts, batch_size=64, normalize_embeddings=True, convert_to_numpy=True)
        finally:
            torch.set_num_threads(1)

    ways = {"one batch, 2 torch threads": one_batch_two_threads, "Encoder.encode (chunk per core)": encoder.encode}
    encoder.encode(sets["indexed examples"][:200])  # warm-up
    seconds: dict[tuple[str, str], list[float]] = {(s, w): [] for s in sets for w in ways}
    for _ in range(args.rounds):
        for set_name, texts in sets.items():
            for way, fn in ways.items():
                start = time.perf_counter()
                fn(texts)
                seconds[(set_name, way)].append(time.perf_counter() - start)
    for set_name, texts in sets.items():
        floor = tokens[set_name] * FLOP_PER_TOKEN / 1e9
        print(f"{set_name}: {len(texts)} texts, {tokens[set_name]} tokens, {floor:.0f} GFLOP in linear layers")
        for way in ways:
            median = statistics.median(seconds[(set_name, way)])
            print(f"  {way:<34} {median:6.2f} s  {tokens[set_name] / median:6.0f} tokens/s  "
                  f"{floor / median:5.1f} GFLOP/s")  # fmt: skip


if __name__ == "__main__":
    main()
