"""The Discord client: a `commands.Bot` (or `AutoShardedBot`) built once with its dependencies.

Start-up, in order: `login` points discord.py at DISCORD_API_BASE / DISCORD_GATEWAY_URL
when set; `setup_hook` loads the engine in a worker thread (the event loop stays free),
loads one cog per command family and syncs the slash commands, to DEV_GUILD_ID when set
(at once) or globally (Discord may take up to an hour to show them); then the gateway
connects. `serve` runs the bot until SIGINT or SIGTERM and closes it cleanly within
SHUTDOWN_SECONDS: requests waiting for the model are cancelled, answers being sent finish,
and every reply still owed is edited to say the bot is restarting (`inflight`).

The bot asks for no privileged intents (slash commands need none) and never pings:
``AllowedMentions.none()`` is its default and is passed on every send.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import signal
from typing import Any

import discord
import yarl
from discord.ext import commands
from discord.gateway import DiscordWebSocket
from discord.http import Route

from pydrums_engine.engine import Engine

from .components import DYNAMIC_ITEMS
from .inflight import PendingReplies
from .limits import Cooldown, GenerationQueue
from .memory import Store, shown_url
from .settings import Settings
from .votes import VoteScores

log = logging.getLogger(__name__)

EXTENSIONS = (
    "bot.cogs.errors",
    "bot.cogs.drums",
    "bot.cogs.library",
    "bot.cogs.convert",
    "bot.cogs.admin",
    "bot.cogs.memory",
)
SHUTDOWN_SECONDS = 10.0  # from the signal to the end of `serve`
SETTLE_SECONDS = 6.0  # of which: settling the replies owed; the rest closes the gateway and HTTP


def apply_endpoints(settings: Settings) -> None:
    """Point discord.py's REST and gateway at the configured URLs (process-wide class attributes)."""
    if settings.api_base:
        Route.BASE = settings.api_base
    if settings.gateway_url:
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)


def load_engine(settings: Settings) -> Engine:
    """The engine, as the settings describe it (slow: reads the library and loads the model)."""
    engine = Engine.load(settings.data_dir, index_dir=settings.index_dir, ollama=settings.ollama)
    engine.warm_up()
    return engine


def freeze_long_lived_objects() -> None:
    """Keep the engine's objects (model, library: ~500,000) out of the garbage collector's scans.

    A full collection walks every tracked object; with the model loaded that takes ~0.4 s,
    during which the event loop (and with it the gateway heartbeat and every 3-second
    acknowledgement) stands still. Objects alive at start-up live as long as the bot, so
    `gc.freeze` moves them out of the collector's reach; `close` puts them back.
    """
    gc.collect()
    gc.freeze()


def bot_intents() -> discord.Intents:
    """Guilds only: enough for slash commands and buttons; nothing privileged."""
    intents = discord.Intents.none()
    intents.guilds = True
    return intents


class _PyDrums:
    """What both bot classes add: settings, the engine, limits, start-up."""

    def __init__(
        self, settings: Settings, *, engine: Engine | None = None, memory: Store | None = None, **options: Any
    ) -> None:
        super().__init__(  # type: ignore[call-arg]
            command_prefix=commands.when_mentioned,
            intents=bot_intents(),
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            **options,
        )
        self.settings = settings
        self._engine = engine
        self.cooldown = Cooldown(settings.drums_cooldown)
        self.queue = GenerationQueue(settings.max_concurrent_generations, settings.generation_queue_size)
        self.pending = PendingReplies()
        self.memory = memory or Store(settings.db_url)  # connects in setup_hook
        self.votes = VoteScores(self.memory)  # ranking nudges, cached per server

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError("the engine is not loaded yet")
        return self._engine

    async def login(self, token: str) -> None:
        apply_endpoints(self.settings)
        await super().login(token)  # type: ignore[misc]

    async def setup_hook(self) -> None:
        if self._engine is None:
            log.info("loading the engine (library, model, index)")
            self._engine = await asyncio.to_thread(load_engine, self.settings)
            log.info("engine ready: %d grooves", len(self._engine.library.grooves))
        if not await self.memory.open():  # /drums answers anyway; votes and saves say they are unavailable
            log.warning("the memory at %s is not reachable; it is tried again on use", shown_url(self.memory.url))
        for extension in EXTENSIONS:
            await self.load_extension(extension)  # type: ignore[attr-defined]
        self.add_dynamic_items(*DYNAMIC_ITEMS)  # type: ignore[attr-defined]
        freeze_long_lived_objects()
        await self.sync_commands()

    async def close(self) -> None:
        await super().close()  # type: ignore[misc]
        await self.memory.close()
        gc.unfreeze()

    async def sync_commands(self) -> None:
        tree: discord.app_commands.CommandTree = self.tree  # type: ignore[attr-defined]
        if self.settings.dev_guild_id:
            guild = discord.Object(self.settings.dev_guild_id)
            tree.copy_global_to(guild=guild)
            synced = await tree.sync(guild=guild)
            log.info("synced %d commands to guild %s", len(synced), guild.id)
        else:
            synced = await tree.sync()
            log.info("synced %d commands globally (Discord may take a while to show them)", len(synced))


class PyDrumsBot(_PyDrums, commands.Bot):
    """One gateway connection."""


class ShardedPyDrumsBot(_PyDrums, commands.AutoShardedBot):
    """Several shards in this process (SHARD_COUNT, optionally SHARD_IDS)."""


def create_bot(
    settings: Settings, *, engine: Engine | None = None, memory: Store | None = None, **options: Any
) -> commands.Bot:
    """The bot the settings ask for; ``engine`` is loaded in `setup_hook` when not given, ``memory``
    made from PYDRUMS_DB_URL."""
    if not settings.sharded:
        return PyDrumsBot(settings, engine=engine, memory=memory, **options)
    shard_ids = list(settings.shard_ids) if settings.shard_ids is not None else None
    return ShardedPyDrumsBot(
        settings, engine=engine, memory=memory, shard_count=settings.shard_count, shard_ids=shard_ids, **options
    )


async def serve(settings: Settings, *, engine: Engine | None = None) -> None:
    """Run the bot until it stops or a SIGINT/SIGTERM arrives, then close it cleanly.

    Raises what stopped it (discord.LoginFailure for a refused token, engine errors at start).
    """
    if not settings.token:
        raise ValueError("DISCORD_TOKEN is not set")
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on every platform
            loop.add_signal_handler(signum, stop.set)
    bot = create_bot(settings, engine=engine)
    async with bot:
        runner = asyncio.create_task(bot.start(settings.token), name="pydrums-bot")
        stopper = asyncio.create_task(stop.wait(), name="pydrums-stop")
        await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if stop.is_set():
            log.info("signal received: closing the bot")
            deadline = loop.time() + SHUTDOWN_SECONDS
            await bot.pending.settle(SETTLE_SECONDS)
            try:
                await asyncio.wait_for(bot.close(), timeout=max(0.5, deadline - loop.time() - 1.0))
            except TimeoutError:
                log.warning("closing the Discord connection took too long; stopping anyway")
            done, _ = await asyncio.wait({runner}, timeout=max(0.1, deadline - loop.time() - 0.5))
            if not done:
                runner.cancel()
        stopper.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await runner
