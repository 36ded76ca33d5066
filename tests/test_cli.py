"""The command line as PRODUCT.md specifies it: shapes of --json, exit codes, files written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import wave
from pathlib import Path

import mido
import pytest
from PIL import Image

from pydrums_engine.cli import main
from tests.fakes.ollama_server import FakeOllama, closed_port_url

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
    assert "not answering right now" in result["reason"]  # a musician's words
    assert "did not answer" in result["detail"]  # the operator's: where and how
    assert result["check"] == {"passed": True, "problems": []}
    assert {c["text"] for c in result["constraints"]} >= {"one drop: kick on 3"}
    assert all(c["honoured"] for c in result["constraints"])
    assert result["examples"] and {"notation", "bpm"} <= set(result)
    assert result["audio_renderer"] in {"builtin", "fluidsynth"}
    midi = mido.MidiFile(out / "pattern.mid")
    assert {m.channel for m in midi.tracks[0] if m.type == "note_on"} == {9}
    with wave.open(str(out / "pattern.wav")) as wav:
        assert wav.getframerate() == 44100 and wav.getnframes() > 0
    assert Image.open(out / "pattern.png").width >= 800
    assert sorted(p.name for p in out.iterdir()) == ["pattern.mid", "pattern.png", "pattern.wav"]


@pytest.mark.parametrize(
    ("mode", "detail"),
    [
        ("list", "answered with a JSON list, not an Ollama chat reply"),
        ("drip", "did not send its whole answer within 2 s (OLLAMA_TIMEOUT)"),
    ],
)
def test_generate_against_a_hostile_server_answers_from_the_library(tmp_path, capsys, monkeypatch, mode, detail):
    """A JSON list where a chat reply belongs (a traceback once), a server that drips one byte a
    second (95 s once): the library's groove, with the reason, within OLLAMA_TIMEOUT of the model's."""
    with FakeOllama(mode) as fake:
        monkeypatch.setenv("OLLAMA_HOST", fake.url)
        monkeypatch.setenv("OLLAMA_TIMEOUT", "2")
        started = time.monotonic()
        code = main(["generate", "groovy funk with ghost notes", "--out", str(tmp_path), "--json"])
        elapsed = time.monotonic() - started
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert result["source"] == "library"
    assert result["reason"].startswith("The model server is not answering right now, so this is the closest")
    assert result["detail"] == f"the Ollama server at {fake.url} {detail}"
    assert elapsed < 30, f"{elapsed:.1f} s"  # loading included; the drip alone took 95 s


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


@pytest.mark.parametrize("host", ["http://127.0.0.1:99999", "http://[::1", "host:70000", "not a url"])
@pytest.mark.parametrize("command", [["generate", "funk"], ["info"], ["similar", "funk"]])
def test_a_bad_ollama_host_exits_2_with_one_line_before_loading(command, host):
    """A malformed OLLAMA_HOST: one line naming it, exit 2, and neither ollama nor the model imported."""
    script = (
        "import sys\n"
        "from pydrums_engine.cli import main\n"
        f"code = main({command!r})\n"
        "loaded = [m for m in ('ollama', 'torch', 'pydrums_engine.engine') if m in sys.modules]\n"
        "sys.exit(f'loaded {loaded}' if loaded else code)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "OLLAMA_HOST": host},
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith(f"pydrums {command[0]}: OLLAMA_HOST: {host!r} ")
    assert proc.stdout == ""


# -- feel: --humanize, --swing, --kit, --loops ----------------------------------------------------

FEEL_PATTERN = "ch: x-x-x-x-x-x-x-x-; sd: ----X-------X---; ht: --------------x-; bd: x-------x-------"


def test_convert_with_feel_flags_reports_them_and_writes_those_files(tmp_path, capsys):
    """--humanize, --swing, --kit and --loops: in the JSON as used, and in the MIDI a user opens."""
    args = ["convert", FEEL_PATTERN, "--bpm", "120", "--humanize", "40", "--swing", "100", "--kit", "roland-td17"]
    assert main([*args, "--loops", "3", "--seed", "5", "--out", str(tmp_path / "a"), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert {k: shown[k] for k in ("humanize", "swing", "kit", "loops")} == {
        "humanize": 40,
        "swing": 100,
        "kit": "roland-td17",
        "loops": 3,
    }
    midi = mido.MidiFile(tmp_path / "a" / "pattern.mid")
    assert midi.length == pytest.approx(3 * 2.0)  # three bars of 4/4 at 120 bpm
    notes = {m.note for m in midi.tracks[0] if m.type == "note_on" and m.velocity > 0}
    assert notes == {42, 40, 48, 36}  # the TD-17's accented snare (rim) and tom 1
    with wave.open(str(tmp_path / "a" / "pattern.wav")) as preview:
        assert preview.getnframes() / preview.getframerate() == pytest.approx(3 * 2.0 + 0.5, abs=1e-3)
    assert main([*args, "--loops", "3", "--seed", "5", "--out", str(tmp_path / "b")]) == 0
    assert "played: swing 100, humanize 40, Roland V-Drums TD-17 notes, 3 loops" in capsys.readouterr().out
    for name in ("pattern.mid", "pattern.wav"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_convert_plays_as_written_unless_asked(capsys):
    """A pattern the user wrote is exported on the grid and straight by default, in General MIDI."""
    assert main(["convert", FEEL_PATTERN, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["humanize"], shown["swing"], shown["kit"], shown["loops"]) == (0, 0, "general-midi", 1)


def test_swing_in_six_eight_is_reported_as_not_applied(capsys):
    assert main(["convert", "time: 6/8; ch: x-x-x-x-x-x-; bd: x-----x-----", "--swing", "60", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["swing"] == 0 and "6/8 is already in triplets" in shown["swing_note"]


def test_a_bad_kit_file_exits_2_naming_its_line(tmp_path, capsys):
    kit = tmp_path / "kit.toml"
    kit.write_text("[notes]\nbd = 36\nsd = 300\n")
    assert main(["convert", FEEL_PATTERN, "--kit", str(kit)]) == 2
    expected = f"pydrums convert: {kit}, line 3: note 300 is out of range; MIDI notes are 0 to 127"
    assert capsys.readouterr().err.strip() == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--humanize", "101"], "argument --humanize: 101 is out of range; use 0 to 100"),
        (["--swing", "-1"], "argument --swing: -1 is out of range; use 0 to 100"),
        (["--loops", "17"], "argument --loops: 17 is out of range; use 1 to 16"),
    ],
)
def test_feel_flags_out_of_range_exit_2(args, message, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["convert", FEEL_PATTERN, *args])
    assert caught.value.code == 2 and message in capsys.readouterr().err


def test_generate_reports_its_feel_and_humanizes_by_default(tmp_path, capsys, monkeypatch):
    """generate: the engine's light touch unless asked, the swing given, the kit named; files follow them."""
    monkeypatch.setenv("OLLAMA_HOST", closed_port_url())
    code = main(["generate", "laid back funk", "--bars", "2", "--seed", "7", "--swing", "50", "--kit", "yamaha-dtx502",
                 "--out", str(tmp_path), "--json"])  # fmt: skip
    assert code == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["humanize"] == 20 and shown["swing"] == 50 and shown["kit"] == "yamaha-dtx502"
    midi = mido.MidiFile(tmp_path / "pattern.mid")
    ticks = [t for t, m in _absolute(midi) if m.type == "note_on" and m.velocity > 0]
    assert sum(t % 20 != 0 for t in ticks) > len(ticks) / 2  # humanized: most notes off the (swung) grid


def _absolute(midi: mido.MidiFile) -> list[tuple[int, mido.Message]]:
    now, out = 0, []
    for message in midi.tracks[0]:
        now += message.time
        out.append((now, message))
    return out


def test_generate_with_a_form_writes_the_song_and_the_same_seed_writes_the_same_files(tmp_path, capsys, monkeypatch):
    """The issue's command: a 16-bar MIDI with four markers, fills at the changes, humanized, repeatable."""
    monkeypatch.setenv("OLLAMA_HOST", closed_port_url())
    outputs = []
    for run in ("one", "two"):
        args = ["generate", "laid back funk", "--form", "AABA", "--bars", "4", "--humanize", "40", "--seed", "7",
                "--out", str(tmp_path / run), "--json"]  # fmt: skip
        assert main(args) == 0
        outputs.append(json.loads(capsys.readouterr().out))
    shown = outputs[0]
    assert shown["form"] == "AABA" and shown["bars"] == 16 and sorted(shown["sections"]) == ["A", "B"]
    assert shown["humanize"] == 40 and "first 10 of 16 bars" in shown["audio_note"]
    for name in ("pattern.mid", "pattern.wav", "pattern.png"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    midi = mido.MidiFile(tmp_path / "one" / "pattern.mid")
    timed = _absolute(midi)
    bar = 4 * midi.ticks_per_beat
    assert [(t // bar, m.text) for t, m in timed if m.type == "marker"] == [(0, "A"), (4, "A"), (8, "B"), (12, "A")]
    assert sum(m.time for m in midi.tracks[0]) == 16 * bar
    toms = [t for t, m in timed if m.type == "note_on" and m.velocity and m.note in (50, 47, 45, 43)]
    fills = {t // bar for t in toms}
    assert fills == {7, 11, 15}  # the last bar before B, before the last A, and at the end
    ticks = [t for t, m in timed if m.type == "note_on" and m.velocity > 0]
    assert sum(t % 20 != 0 for t in ticks) > len(ticks) / 2  # humanized


@pytest.mark.parametrize(
    ("form", "message"),
    [("ABXA", "form 'ABXA' has 'X'"), ("AAAABBBBC", "at most 8"), ("A1", "'1'")],
)
def test_a_bad_form_exits_2_with_one_line(form, message, capsys):
    assert main(["generate", "funk", "--form", form]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_the_help_names_the_preview_cap_the_renderer_uses():
    from pydrums_engine import cli
    from pydrums_engine.render import PREVIEW_SECONDS

    assert cli.PREVIEW_SECONDS == PREVIEW_SECONDS


FOUR_ON_THE_FLOOR = "ch: --x---x---x---x-; cp: ----x-------x---; bd: x---x---x---x---"


def test_similar_pattern_json_lists_grooves_with_that_rhythm(capsys):
    assert main(["similar", "--pattern", FOUR_ON_THE_FLOOR, "--k", "4", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 4 and len({h["id"] for h in hits}) == 4
    for hit in hits:
        assert {"id", "style", "description", "notation", "score"} <= set(hit)
        kick = dict(part.split(": ") for part in hit["notation"].split("; "))["bd"]
        assert all(kick[s] != "-" for s in (0, 4, 8, 12)), hit["notation"]
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_similar_with_words_and_a_pattern_uses_both(capsys):
    assert main(["similar", "rock beat", "--pattern", FOUR_ON_THE_FLOOR, "--k", "2", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [h["style"] for h in hits] == ["rock", "rock"]
    assert all(h["parts"]["rhythm"] > 0 and h["parts"]["lexical"] > 0 for h in hits)


def test_similar_bad_pattern_exits_2_naming_line_and_column(capsys):
    assert main(["similar", "--pattern", "bd: x---x---; sd: --y-x---"]) == 2
    err = capsys.readouterr().err
    assert "line 2 (sd), step 3" in err and "column" in err and "- x X o f r" in err
    assert len(err.strip().splitlines()) == 1


def test_similar_without_query_or_pattern_exits_2_with_one_sentence(capsys):
    assert main(["similar"]) == 2
    err = capsys.readouterr().err
    assert "give a query, a pattern or both" in err and len(err.strip().splitlines()) == 1
