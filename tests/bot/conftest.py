"""Fixtures for the bot's tests: engines over the real library, a fake Ollama, the real bot
talking to the fake Discord over 127.0.0.1.

The embedding index of the real library is kept in pytest's cache folder, so only grooves
changed since the last run are re-encoded; every engine reads it (tests that rebuild get a
private copy).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import numpy as np
import pytest
from discord.gateway import DiscordWebSocket
from discord.http import Route

from tests.conftest import DATA_DIR, make_engine, seeded_index
from tests.fakes import FakeOllama, closed_port_url
from tests.fakes.discord_api import FakeDiscord

HEARTBEAT_MS = 250


@pytest.fixture(autouse=True)
def memory_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every bot in a test (in this process or a child) keeps its memory in the test's own SQLite file."""
    url = f"sqlite:///{tmp_path / 'memory.sqlite3'}"
    monkeypatch.setenv("PYDRUMS_DB_URL", url)
    return url


@pytest.fixture(scope="session")
def shared_index(request: pytest.FixtureRequest, encoder) -> Path:
    """The real library's index, brought up to date once per session (kept between runs)."""
    folder = seeded_index(Path(request.config.cache.mkdir("pydrums-bot-index")))
    make_engine(DATA_DIR, folder, encoder)
    return folder


def engine_with_model(encoder, index_dir: Path, host: str, *, timeout: float = 30.0, data_dir: Path = DATA_DIR):
    """An engine over the library whose model is the Ollama server at ``host``."""
    from pydrums_engine.llm import OllamaSettings, PatternWriter

    settings = OllamaSettings(host=host, timeout=timeout)
    return make_engine(data_dir, index_dir, encoder, writer=PatternWriter(settings), ollama=settings)


@pytest.fixture
def ollama() -> Iterator[FakeOllama]:
    with FakeOllama() as fake:
        yield fake


@pytest.fixture
def engine_llm(encoder, shared_index: Path, ollama: FakeOllama):
    """An engine whose model answers well (the fake Ollama in mode "good")."""
    return engine_with_model(encoder, shared_index, ollama.url)


@pytest.fixture
def engine_down(encoder, shared_index: Path):
    """An engine whose Ollama host accepts no connections."""
    return engine_with_model(encoder, shared_index, closed_port_url(), timeout=2.0)


@pytest.fixture
async def discord_fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord(heartbeat_interval_ms=HEARTBEAT_MS) as fake:
        yield fake


def bot_environ(fake: FakeDiscord, **overrides: str) -> dict[str, str]:
    """The environment a test bot reads: the fake's URLs and token, commands synced to its guild."""
    return {
        **fake.env(),
        "DEV_GUILD_ID": str(fake.guild_id),
        "BOT_OWNER_IDS": str(fake.owner_id),
        "DRUMS_COOLDOWN_SECONDS": "0",
        "PYDRUMS_DB_URL": os.environ["PYDRUMS_DB_URL"],  # the test's own file (`memory_file`)
        **overrides,
    }


@contextlib.asynccontextmanager
async def running_bot(fake: FakeDiscord, engine, environ: dict[str, str] | None = None):
    """The real bot, configured from ``environ`` (default `bot_environ`), connected to ``fake``.

    Route.BASE and the default gateway are process-wide; they are put back afterwards.
    """
    from bot.client import create_bot
    from bot.settings import load_settings

    settings = load_settings(environ or bot_environ(fake))
    saved = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    bot = create_bot(settings, engine=engine, guild_ready_timeout=0.1)
    task = None
    try:
        await bot.login(settings.token or "")
        task = asyncio.create_task(bot.connect(reconnect=False))
        await fake.wait_until_connected()
        await fake.wait_for_sync(settings.dev_guild_id)
        yield bot
    finally:
        await bot.close()
        if task is not None:
            await asyncio.wait_for(task, 10)
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = saved


class GatedEncoder:
    """An encoder whose batch encodes of texts containing ``word`` wait until ``gate`` opens.

    Lets a test hold a rebuild in the middle of re-encoding while queries (other texts)
    are encoded at once.
    """

    def __init__(self, inner, word: str) -> None:
        self.inner = inner
        self.name = inner.name
        self.dimension = inner.dimension
        self.word = word
        self.gate = threading.Event()
        self.waiting = threading.Event()

    def encode(self, texts: list[str], **kwargs) -> np.ndarray:
        if any(self.word in text for text in texts):
            self.waiting.set()
            self.gate.wait(60)
        return self.inner.encode(texts, **kwargs)


@pytest.fixture
def private_index(tmp_path: Path, shared_index: Path) -> Path:
    """A copy of the shared index a test may rebuild."""
    target = tmp_path / "index"
    shutil.copytree(shared_index, target)
    return target
