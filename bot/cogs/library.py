"""/similar (with ◀ ▶ paging), /styles and /help: reading the library."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from pydrums_engine.errors import InputError

from .. import handlers
from ..formatting import read_field
from ..replies import QUERY_FIELD, Paging
from ..respond import send_note, send_reply
from .drums import style_autocomplete
from .errors import guarded

if TYPE_CHECKING:
    from ..client import PyDrumsBot

NOT_YOURS = "Only the person who ran this /similar can turn its pages; run /similar yourself to browse."


class Library(commands.Cog):
    """The groove library: search it, list its styles, explain the notation."""

    def __init__(self, bot: PyDrumsBot) -> None:
        self.bot = bot

    @app_commands.command(name="similar", description="The library grooves closest to a description")
    @app_commands.describe(
        query="What you are looking for, e.g. 'laid back reggae one drop'",
        count="How many grooves a page shows, 1-10 (default 3)",
        style="Only grooves of this style (optional)",
    )
    @app_commands.autocomplete(style=style_autocomplete)
    async def similar(
        self,
        interaction: discord.Interaction,
        query: app_commands.Range[str, 1, 300],
        count: app_commands.Range[int, handlers.COUNT_MIN, handlers.COUNT_MAX] = 3,
        style: str | None = None,
    ) -> None:
        engine = self.bot.engine
        handlers.check_count(count)  # the user's to fix, like an unknown style: answered before deferring
        engine.resolve_style(style)
        with self.bot.pending.track(interaction, answering=True):
            await interaction.response.defer(thinking=True)
            reply = await asyncio.to_thread(handlers.similar, engine, query, count, style, 0, interaction.user.id)
            await send_reply(interaction, reply)

    @guarded
    async def turn_page(self, interaction: discord.Interaction, paging: Paging) -> None:
        """◀ ▶: only the requester pages; the query is read back from the message."""
        if interaction.user.id != paging.user_id:
            await send_note(interaction, NOT_YOURS)
            return
        message = interaction.message
        query = read_field(message.embeds[0], QUERY_FIELD) if message and message.embeds else None
        if not query:
            raise InputError("this message no longer shows a search; run /similar again")
        handlers.check_count(paging.count)  # a custom_id can be forged too
        await interaction.response.defer()  # the clicked message is edited in place (nothing to settle on shutdown)
        reply = await asyncio.to_thread(
            handlers.similar, self.bot.engine, query, paging.count, paging.style, paging.page, paging.user_id
        )
        await send_reply(interaction, reply)

    @app_commands.command(name="styles", description="Every style in the library, with its number of grooves")
    async def styles(self, interaction: discord.Interaction) -> None:
        await send_reply(interaction, handlers.styles(self.bot.engine))

    @app_commands.command(name="help", description="How to ask for a groove and how to write one")
    async def help(self, interaction: discord.Interaction) -> None:
        await send_reply(interaction, handlers.help_text())


async def setup(bot: PyDrumsBot) -> None:
    await bot.add_cog(Library(bot))
