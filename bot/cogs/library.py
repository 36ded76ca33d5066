"""/similar (with ◀ ▶ paging and More like this), /styles and /help: reading the library.

/similar searches by words (query:), by rhythm (pattern:, the notation /convert reads), or by
both. More like this answers in public, like /similar: a search is worth showing the channel
that saw the groove it started from, and ◀ ▶ on it stay the presser's. Votes cast in the server
nudge the order (`bot.votes`; without the memory, no nudge and no failure).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from pydrums_engine.errors import InputError
from pydrums_engine.limits import DESCRIPTION_MAX
from pydrums_engine.notation import Pattern

from .. import handlers
from ..formatting import read_field, read_pattern_text
from ..replies import QUERY_FIELD, Paging
from ..respond import send_note, send_reply
from .convert import PatternText
from .drums import read_shown, style_autocomplete
from .errors import guarded

if TYPE_CHECKING:
    from ..client import PyDrumsBot

MAX_QUERY = DESCRIPTION_MAX
NOT_YOURS = "Only the person who ran this /similar can turn its pages; run /similar yourself to browse."


class Library(commands.Cog):
    """The groove library: search it, list its styles, explain the notation."""

    def __init__(self, bot: PyDrumsBot) -> None:
        self.bot = bot

    @app_commands.command(name="similar", description="The library grooves closest to a description, a rhythm, or both")
    @app_commands.describe(
        query="What you are looking for, e.g. 'laid back reggae one drop' (optional with a pattern)",
        pattern="A rhythm to match, e.g. bd: x---x---x---x---; sd: ----x-------x--- (optional with a query)",
        count="How many grooves a page shows, 1-10 (default 3)",
        style="Only grooves of this style (optional)",
    )
    @app_commands.autocomplete(style=style_autocomplete)
    async def similar(
        self,
        interaction: discord.Interaction,
        query: app_commands.Range[str, 1, MAX_QUERY] | None = None,
        pattern: app_commands.Transform[Pattern, PatternText] | None = None,
        count: app_commands.Range[int, handlers.COUNT_MIN, handlers.COUNT_MAX] = 3,
        style: str | None = None,
    ) -> None:
        engine = self.bot.engine
        handlers.check_count(count)  # the user's to fix, like an unknown style: answered before deferring
        handlers.check_search(query, pattern)
        engine.resolve_style(style)
        with self.bot.pending.track(interaction, answering=True):
            await interaction.response.defer(thinking=True)
            votes = await self.bot.votes.get(interaction.guild_id)
            reply = await asyncio.to_thread(
                handlers.similar, engine, query, count, style, 0, interaction.user.id, pattern=pattern, votes=votes
            )
            await send_reply(interaction, reply)

    @guarded
    async def turn_page(self, interaction: discord.Interaction, paging: Paging) -> None:
        """◀ ▶: only the requester pages; the query and the pattern are read back from the message."""
        if interaction.user.id != paging.user_id:
            await send_note(interaction, NOT_YOURS)
            return
        message = interaction.message
        embed = message.embeds[0] if message and message.embeds else None
        query = read_field(embed, QUERY_FIELD) if embed else None
        notation = read_pattern_text(embed) if embed else None
        if not query and not notation:
            raise InputError("this message no longer shows a search; run /similar again")
        handlers.check_count(paging.count)  # a custom_id can be forged too
        engine = self.bot.engine
        pattern = engine.parse(notation) if notation else None
        await interaction.response.defer()  # the clicked message is edited in place (nothing to settle on shutdown)
        votes = await self.bot.votes.get(interaction.guild_id)
        reply = await asyncio.to_thread(
            handlers.similar,
            engine,
            query,
            paging.count,
            paging.style,
            paging.page,
            paging.user_id,
            pattern=pattern,
            votes=votes,
        )
        await send_reply(interaction, reply)

    @guarded
    async def more_like_this(self, interaction: discord.Interaction, groove_id: str | None) -> None:
        """More like this: the grooves whose rhythm is closest to the groove shown (a /drums answer's,
        read from the message) or to the library groove ``groove_id`` (a /similar answer's top hit)."""
        if groove_id is None:
            notation = read_shown(interaction.message).notation
        else:
            groove = self.bot.engine.library.by_id.get(groove_id)
            if groove is None:
                raise InputError("that groove is no longer in the library; run /similar again")
            notation = groove.pattern.to_text()
        with self.bot.pending.track(interaction, answering=True):
            await interaction.response.defer(thinking=True)  # a new public message, like /similar
            votes = await self.bot.votes.get(interaction.guild_id)
            reply = await asyncio.to_thread(
                handlers.more_like_this, self.bot.engine, notation, interaction.user.id, votes
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
