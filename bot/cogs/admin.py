"""/rebuild: re-read the library and re-embed it without a restart; owners only.

The index is shared by every server the bot is in, so server administrators (who alone see
the command, through its default permissions) are not enough: the user must also be in
BOT_OWNER_IDS. The rebuild runs in a worker thread; searches keep using the old index
until the engine swaps the new one in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from pydrums_engine.engine import RebuildInProgress

from .. import handlers
from ..inflight import in_daemon_thread
from ..respond import send_note, send_reply

if TYPE_CHECKING:
    from ..client import PyDrumsBot

NOT_OWNER = (
    "Only the bot's owners (BOT_OWNER_IDS) can rebuild the library index: it is shared by every server the bot is in."
)
RUNNING = "A rebuild is already running; its result will be in use as soon as it finishes."


class Admin(commands.Cog):
    """Commands for the people who run the bot."""

    def __init__(self, bot: PyDrumsBot) -> None:
        self.bot = bot

    @app_commands.command(name="rebuild", description="Re-read the groove library and rebuild its index (owners)")
    @app_commands.default_permissions(administrator=True)
    async def rebuild(self, interaction: discord.Interaction) -> None:
        if interaction.user.id not in self.bot.settings.owner_ids:
            await send_note(interaction, NOT_OWNER)
            return
        engine = self.bot.engine
        if engine.rebuilding:
            await send_note(interaction, RUNNING)
            return
        with self.bot.pending.track(interaction):  # a shutdown does not wait for a rebuild (writes are atomic)
            await interaction.response.defer(ephemeral=True, thinking=True)
            try:
                reply = await in_daemon_thread(handlers.rebuild, engine)
            except RebuildInProgress:  # another one started between the check and the thread
                await send_note(interaction, RUNNING)
                return
            await send_reply(interaction, reply)


async def setup(bot: PyDrumsBot) -> None:
    await bot.add_cog(Admin(bot))
