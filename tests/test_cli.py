"""The command line as PRODUCT.md specifies it: shapes of --json, exit codes, files written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import wave
from pathlib import Path

import mido
import pytest
from PIL import Image

from pydrums_engine.cli import main
from tests.fakes.ollama_server import closed_port_url

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "HF_HUB_OFFLINE": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "pydrums_engine", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=full_env,
        timeout=300,
    )


def test_similar_json_via_python_dash_m():
    proc = run_cli("similar", "groovy beat with ghost notes on the snare", "--k", "3", "--json")
    assert proc.returncode == 0, proc.stderr
    hits = json.loads(proc.stdout)
    assert len(hits) == 3 and len({h["id"] for h in hits}) == 3
    for hit in hits:
        assert {"id", "style", "description", "notation", "score", "parts"} <= set(hit)
    assert {h["style"] for h in hits} <= {"funk", "soul", "rnb", "go-go", "gospel"}


def test_info_json_reports_library_index_and_ollama(capsys, monkeypatch):
    monkeypatch.setenv("OLLAMA_HOST", closed_port_url())
    assert main(["info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["patterns"] >= 300 and info["examples"] >= 1200 and len(info["styles"]) >= 30
    assert sum(info["styles"].values()) == info["patterns"]
    assert info["index"]["state"] == "semantic" and info["model"] == "all-MiniLM-L6-v2"
    assert info["ollama"]["reachable"] is False


def test_generate_without_ollama_answers_from_the_library_and_writes_files(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("OLLAMA_HOST", closed_port_url())
    out = tmp_path / "out"
    code = main(["generate", "laid back reggae one drop", "--bars", "2", "--out", str(out), "--json"])
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert result["source"] == "library" and result["style"] == "reggae" and result["bars"] == 2
    assert "did not answer" in result["reason"] or "could not" in result["reason"]
    assert result["examples"] and {"notation", "bpm"} <= set(result)
    assert result["audio_renderer"] in {"builtin", "fluidsynth"}
    midi = mido.MidiFile(out / "pattern.mid")
    assert {m.channel for m in midi.tracks[0] if m.type == "note_on"} == {9}
    with wave.open(str(out / "pattern.wav")) as wav:
        assert wav.getframerate() == 44100 and wav.getnframes() > 0
    assert Image.open(out / "pattern.png").width >= 800
    assert sorted(p.name for p in out.iterdir()) == ["pattern.mid", "pattern.png", "pattern.wav"]


def test_convert_bad_notation_exits_2_naming_the_step():
    proc = run_cli("convert", "bd: x--y")
    assert proc.returncode == 2
    assert "step 4" in proc.stderr and "- x X o f r" in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_convert_writes_the_three_files(tmp_path, capsys):
    assert main(["convert", "bd: x---x---x---x---; sd: ----x-------x---", "--bpm", "90", "--out", str(tmp_path)]) == 0
    assert {p.name for p in tmp_path.iterdir()} == {"pattern.mid", "pattern.wav", "pattern.png"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["similar", "funk", "--k", "0"], "out of range; use 1 to 50"),
        (["generate", "funk", "--bpm", "fast"], "'fast' is not a whole number"),
        (["generate", "funk", "--bars", "9"], "out of range; use 1 to 8"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(args, message, capsys):
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_unknown_style_exits_2(capsys):
    assert main(["similar", "beat", "--style", "polka-core"]) == 2
    assert "unknown style 'polka-core'" in capsys.readouterr().err
