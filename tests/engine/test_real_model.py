"""A real small language model in the loop: SmolLM2-135M and Gemma-3-270M behind Ollama's API.

These run only where ../shared/llm/setup-llm.sh has built the model venv (CI does, in
.ci/run); elsewhere they skip, saying why. Small models are musically weak: what is held
here is the engine's promise, whatever the model writes: an answer shown as the model's
passes the musical check, and every answer honours what the request asked of the grid.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pydrums_engine.llm import PatternWriter
from pydrums_engine.settings import OllamaSettings
from tests.conftest import DATA_DIR, make_engine, seeded_index

SHIM = Path(__file__).resolve().parents[3] / "shared" / "llm" / "ollama_shim.py"
LLM_PYTHON = Path(os.environ.get("VENV_LLM", "/tmp/venv-llm")) / "bin" / "python"
MODELS = ("smollm2:135m", "gemma3:270m")
REQUESTS = (
    "kick on 1 and the and of 3, snare on 2 and 4, quarter-note ride",
    "four on the floor house with open hats on the offbeats",
    "reggae one drop, no crash",
    "rock beat, 4 bars, with a tom fill",
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (SHIM.exists() and LLM_PYTHON.exists()),
        reason="no real model here: run `bash ../shared/llm/setup-llm.sh` once (CI's .ci/run does)",
    ),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def shim_url() -> Iterator[str]:
    """The shim serving both models on a free 127.0.0.1 port, for this module only."""
    port = _free_port()
    args = [str(LLM_PYTHON), str(SHIM), "--model", "smollm2-135m", "--model", "gemma3-270m", "--port", str(port)]
    proc = subprocess.Popen([*args, "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()  # "listening on http://127.0.0.1:PORT" once both models are loaded
        if "listening" not in line:
            pytest.fail(f"the model shim did not start: {line!r}")
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def real_engines(shim_url, tmp_path_factory, encoder):
    index = seeded_index(tmp_path_factory.mktemp("index"))
    engines = {}
    for model in MODELS:
        settings = OllamaSettings(host=shim_url, model=model, timeout=40.0, candidates=2)
        engines[model] = make_engine(DATA_DIR, index, encoder, writer=PatternWriter(settings), ollama=settings)
    return engines


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("request_text", REQUESTS)
def test_a_real_model_answer_is_checked_and_honours_the_request(real_engines, model, request_text) -> None:
    """The model's answer passes the check, or the library answers and says which check failed;
    either way every constraint of the request is honoured, within the time budget."""
    engine = real_engines[model]
    started = time.monotonic()
    result = engine.generate(request_text, seed=7)
    elapsed = time.monotonic() - started
    assert elapsed < engine.ollama.timeout + 5, f"{elapsed:.1f} s"
    data = result.to_json()
    assert data["source"] in ("llm", "library")
    if data["source"] == "llm":
        assert data["check"]["passed"], data["check"]["problems"]
    else:
        assert data["reason"], "a library answer says why the model's was not used"
    assert all(c["honoured"] for c in data["constraints"]), data["constraints"]
    if "4 bars" in request_text:
        assert data["bars"] == 4
    sys.stderr.write(f"{model} | {request_text} | {data['source']} | {elapsed:.1f} s\n")
