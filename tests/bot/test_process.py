"""`python -m bot` as an operator runs it: settings from the environment, a clean stop on a signal."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path

import pytest

from tests.fakes import FakeOllama
from tests.fakes.discord_api import FakeDiscord

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = ("DISCORD_TOKEN", "BOT_OWNER_IDS", "DEV_GUILD_ID", "OLLAMA_HOST", "SHARD_COUNT", "SHARD_IDS")


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
async def test_the_bot_process_serves_then_stops_cleanly_on_a_signal(
    discord_fake: FakeDiscord, private_index: Path, tmp_path: Path, signum: int
) -> None:
    """The process loads its engine, connects through DISCORD_API_BASE/DISCORD_GATEWAY_URL, answers
    /drums, and on SIGTERM or SIGINT closes its gateway session and exits 0 without a traceback."""
    fake = discord_fake
    with FakeOllama() as ollama:
        env = {k: v for k, v in os.environ.items() if k not in SETTINGS}
        env.update(
            fake.env(),
            DEV_GUILD_ID=str(fake.guild_id),
            OLLAMA_HOST=ollama.url,
            PYDRUMS_INDEX_DIR=str(private_index),
            PYTHONPATH=str(ROOT),
            HF_HUB_OFFLINE="1",
        )
        log = tmp_path / "bot.log"
        with log.open("wb") as sink:
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                cwd=tmp_path,
                env=env,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=sink,
                stderr=sink,
            )
            try:
                await fake.wait_for_sync(fake.guild_id, timeout=180)
                record = await fake.interact("drums", {"description": "groovy funk"}, timeout=30)
                final = await record.final(60, until=lambda m: len(m.attachments) == 3)
                assert final.embeds[0]["footer"]["text"].startswith("Written by the model")
                process.send_signal(signum)
                status = await asyncio.wait_for(process.wait(), 60)
            finally:
                if process.returncode is None:
                    process.kill()
                    await process.wait()
    output = log.read_text(errors="replace")
    assert status == 0, output
    assert "Traceback" not in output
    assert "signal received: closing the bot" in output


@pytest.mark.slow
async def test_sigterm_with_model_calls_in_flight_exits_within_10_s_and_tells_every_user(
    discord_fake: FakeDiscord, private_index: Path, tmp_path: Path
) -> None:
    """A model that stalls, one /drums waiting for it and one queued behind: SIGTERM ends the process
    within 10 s, and both replies ("thinking…" and "Queued: you are #1") say the bot is restarting."""
    fake = discord_fake
    with FakeOllama("stall", stall_seconds=120) as ollama:
        env = {k: v for k, v in os.environ.items() if k not in SETTINGS}
        env.update(
            fake.env(),
            DEV_GUILD_ID=str(fake.guild_id),
            OLLAMA_HOST=ollama.url,
            OLLAMA_TIMEOUT="100",
            MAX_CONCURRENT_GENERATIONS="1",
            DRUMS_COOLDOWN_SECONDS="0",
            PYDRUMS_INDEX_DIR=str(private_index),
            PYTHONPATH=str(ROOT),
            HF_HUB_OFFLINE="1",
        )
        log = tmp_path / "bot.log"
        with log.open("wb") as sink:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", cwd=tmp_path, env=env, stdin=asyncio.subprocess.DEVNULL, stdout=sink,
                stderr=sink,
            )  # fmt: skip
            try:
                await fake.wait_for_sync(fake.guild_id, timeout=180)
                thinking = await fake.interact("drums", {"description": "groovy funk"}, timeout=30)
                await thinking.acked()
                await fake.wait(lambda: ollama.requests, timeout=30)  # the model call is in flight
                queued = await fake.interact("drums", {"description": "laid back reggae"}, timeout=30)
                await queued.wait(lambda: queued.original and queued.original.content.startswith("Queued"), 30)
                signalled = time.monotonic()
                process.send_signal(signal.SIGTERM)
                status = await asyncio.wait_for(process.wait(), 60)
                elapsed = time.monotonic() - signalled
            finally:
                if process.returncode is None:
                    process.kill()
                    await process.wait()
    output = log.read_text(errors="replace")
    assert status == 0 and "Traceback" not in output, output
    assert elapsed <= 10, f"{elapsed:.1f} s from SIGTERM to exit"
    for record in (thinking, queued):
        assert record.original is not None and not record.original.loading
        assert record.original.content == "The bot is restarting; ask again in a minute."
