"""Console mode: the bot's commands in a terminal, replies as text, files in ./out/."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import wave
from pathlib import Path

import mido
import pytest
from PIL import Image

from bot.console import run_console, split_options
from bot.settings import Settings
from pydrums_engine.errors import NotationError

ROOT = Path(__file__).resolve().parents[2]


def console(engine, lines: list[str], out_dir: Path) -> tuple[int, str]:
    sink = io.StringIO()
    status = run_console(
        Settings(), out_dir=out_dir, stdin=io.StringIO("\n".join(lines) + "\n"), stdout=sink, engine=engine
    )
    return status, sink.getvalue()


def test_options_are_words_with_a_colon() -> None:
    """'bars:2' is an option; 'bd:' in a pattern and unknown names are text."""
    assert split_options("groovy funk bars:2 bpm:96", frozenset({"bars", "bpm"})) == (
        "groovy funk",
        {"bars": "2", "bpm": "96"},
    )
    assert split_options("bd: x---; sd: --x- bpm:90", frozenset({"bpm"})) == ("bd: x---; sd: --x-", {"bpm": "90"})
    assert split_options("mood:dark", frozenset({"bpm"})) == ("mood:dark", {})
    assert split_options("funk count:2 pattern: bd: x---; sd: --x-", frozenset({"count", "pattern"})) == (
        "funk",
        {"count": "2", "pattern": "bd: x---; sd: --x-"},
    )
    # options typed after a pattern are still options, as Discord's would be
    assert split_options("pattern: bd: x---; sd: --x- count:3", frozenset({"count", "pattern"})) == (
        "",
        {"count": "3", "pattern": "bd: x---; sd: --x-"},
    )


def test_similar_by_pattern_in_the_console(engine_down, tmp_path: Path) -> None:
    """/similar pattern: lists grooves by rhythm; bad notation is the parser's one line; nothing is asked for."""
    status, text = console(
        engine_down,
        [
            "/similar count:2 pattern: bd: x---x---x---x---; sd: ----x-------x---",
            "/similar pattern: bd: x---y---",
            "/similar",
        ],
        tmp_path,
    )
    assert status == 0
    assert "Grooves with a rhythm like this:" in text and "1. " in text and "2. " in text and "Query:" not in text
    assert "error: line 1 (bd), step 5: 'y' is not a step symbol" in text
    assert "error: give a query (words" in text


def test_drums_prints_the_reply_and_writes_three_files(engine_llm, tmp_path: Path) -> None:
    """/drums prints pattern, request and maker, and writes pattern.mid/.wav/.png that open."""
    status, text = console(engine_llm, ["/drums groovy funk with ghost notes bars:2"], tmp_path / "out")
    assert status == 0
    assert "Request: groovy funk with ghost notes" in text
    assert "    1e&a2e&a3e&a4e&a|1e&a2e&a3e&a4e&a" in text
    assert "Written by the model, with" in text
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == ["pattern.mid", "pattern.png", "pattern.wav"]  # no temp files left
    assert any(m.type == "note_on" and m.channel == 9 for m in mido.MidiFile(out / "pattern.mid"))
    with wave.open(str(out / "pattern.wav")) as audio:
        assert audio.getnframes() > 0
    assert Image.open(out / "pattern.png").size[0] > 0


def test_library_fallback_is_said_in_the_console_too(engine_down, tmp_path: Path) -> None:
    status, text = console(engine_down, ["/drums laid back reggae one drop"], tmp_path)
    assert status == 0 and "(From the library, not the model: " in text


def test_mistakes_are_one_line_and_the_session_goes_on(engine_llm, tmp_path: Path) -> None:
    """A bad pattern gets the parser's exact message; unknown input gets the command list; /styles still answers."""
    bad = "bd: x---x---x---x---; sd: ----y-------x---"
    with pytest.raises(NotationError) as parser:
        engine_llm.parse(bad)
    status, text = console(
        engine_llm, [f"/convert {bad}", "hello", "/drums funk bars:9", "/similar reggae count:11", "/styles"], tmp_path
    )
    lines = text.splitlines()
    assert status == 0
    assert lines[0] == f"error: {parser.value}"
    assert lines[1].startswith("commands: /drums, /similar, /convert")
    assert lines[2] == "error: bars must be from 1 to 8, not 9"
    assert lines[3] == "error: count must be from 1 to 10, not 11"
    assert lines[4].startswith("== ") and "funk (" in text
    assert not (tmp_path / "pattern.mid").exists()


def test_similar_and_convert(engine_llm, tmp_path: Path) -> None:
    status, text = console(
        engine_llm,
        ["/similar laid back reggae one drop count:2", "/convert bd: x---x---x---x--- bpm:90", "quit", "/help"],
        tmp_path,
    )
    assert status == 0
    assert "1. " in text and "2. " in text and "3. " not in text
    assert "Tempo: 90 bpm" in text and "wrote" in text
    assert "How PyDrums works" not in text  # nothing after quit runs


def run_module(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    env.update(PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1")
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, **kwargs)


def test_console_needs_no_token_and_ends_at_end_of_input(tmp_path: Path) -> None:
    """`python -m bot --console` with /help piped in answers and exits 0 at end of input."""
    result = run_module([sys.executable, "-m", "bot", "--console"], input="/help\n", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "bd  bass drum" in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("redirect", ["</dev/null", "<&-"])
def test_console_with_empty_or_closed_stdin_exits_cleanly(tmp_path: Path, redirect: str) -> None:
    """No input at all, or stdin closed: exit 0 at once, nothing loaded, no traceback."""
    result = run_module(["/bin/sh", "-c", f'"{sys.executable}" -m bot --console {redirect}'], cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr == "" and result.stdout == ""
