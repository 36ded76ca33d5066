"""The bot's memory on Discord: 👍 👎 and Save under /drums answers, /saved, /forget.

    👍 / 👎    defer (the message is edited in place) → one vote per user per answer, again
               withdraws, the other changes it → the answer shows the counts; the voter alone
               hears what happened
    Save       defer (ephemeral) → the groove the answer shows, kept for whoever pressed
    /saved     the user's saves, newest first, ◀ ▶ and Export (.zip of MIDI files + notation)
    /forget    what the bot keeps about the user, and a button that deletes it

Every store call commits before the user is told, so what a message confirms survives a
crash. A database that does not answer is `MemoryUnavailable`: one sentence from the error
handler; /drums goes on answering (its reply is recorded after it is sent, and a failure to
record is only logged).
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from pydrums_engine.errors import InputError

from .. import handlers
from ..formatting import with_field
from ..memory import NewSave, Store
from ..replies import (
    SAVED_PAGE_SIZE,
    VOTES_FIELD,
    forget_prompt,
    forgot_reply,
    note,
    saved_note,
    saved_reply,
    vote_note,
    votes_text,
)
from ..respond import NO_MENTIONS, send_note, send_reply
from .drums import read_shown
from .errors import guarded

if TYPE_CHECKING:
    from ..client import PyDrumsBot

log = logging.getLogger(__name__)

NOT_YOURS = "These buttons belong to whoever ran the command; run /saved or /forget yourself."


class Memory(commands.Cog):
    """Votes, saves and a user's own data."""

    def __init__(self, bot: PyDrumsBot) -> None:
        self.bot = bot

    @property
    def store(self) -> Store:
        return self.bot.memory

    # -- under a /drums answer -----------------------------------------------------------------

    @guarded
    async def vote(self, interaction: discord.Interaction, value: int) -> None:
        """👍 / 👎: count, change or withdraw this user's vote, then show the counts on the answer."""
        message = interaction.message
        if message is None or not message.embeds:
            raise InputError("this message no longer shows a groove; ask /drums again")
        await interaction.response.defer()
        tally = await self.store.vote(message.id, interaction.user.id, interaction.guild_id, value)
        self.bot.votes.forget(interaction.guild_id)  # the server's ranking hears the vote at once
        shown = votes_text(tally) if tally.up or tally.down else None
        await interaction.edit_original_response(
            embed=with_field(message.embeds[0], VOTES_FIELD, shown), allowed_mentions=NO_MENTIONS
        )
        await interaction.followup.send(vote_note(tally, value), ephemeral=True, allowed_mentions=NO_MENTIONS)

    @guarded
    async def save(self, interaction: discord.Interaction, tempo: int, swing: float) -> None:
        """Save: keep the groove the answer shows for the user who pressed."""
        shown = read_shown(interaction.message)
        message = interaction.message
        assert message is not None  # read_shown checked
        await interaction.response.defer(ephemeral=True, thinking=True)
        groove = NewSave(
            user_id=interaction.user.id,
            name=shown.title,
            style=shown.style,
            notation=shown.notation,
            request=shown.request,
            bpm=tempo,
            swing=swing,
            guild_id=interaction.guild_id,
            channel_id=message.channel.id,
            message_id=message.id,
        )
        result = await self.store.save(groove)
        await send_reply(interaction, note(saved_note(result)))

    # -- /saved ---------------------------------------------------------------------------------

    @app_commands.command(name="saved", description="The grooves you saved, newest first, and all of them as MIDI")
    async def saved(self, interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        page = await self.store.saved_page(interaction.user.id, 0, SAVED_PAGE_SIZE)
        await send_reply(interaction, saved_reply(page))

    @guarded
    async def turn_saved_page(self, interaction: discord.Interaction, user_id: int, page: int) -> None:
        if interaction.user.id != user_id:
            await send_note(interaction, NOT_YOURS)
            return
        await interaction.response.defer()
        shown = await self.store.saved_page(user_id, page, SAVED_PAGE_SIZE)
        await send_reply(interaction, saved_reply(shown))

    @guarded
    async def export(self, interaction: discord.Interaction, user_id: int) -> None:
        """Every save of the user as one .zip: a MIDI file each and their notation."""
        if interaction.user.id != user_id:
            await send_note(interaction, NOT_YOURS)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        grooves = await self.store.all_saves(user_id)
        reply = await asyncio.to_thread(handlers.export_saves, self.bot.engine, grooves)
        await send_reply(interaction, reply)

    # -- /forget --------------------------------------------------------------------------------

    @app_commands.command(name="forget", description="Delete everything the bot keeps about you (asks first)")
    async def forget(self, interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        held = await self.store.holdings(interaction.user.id)
        await send_reply(interaction, forget_prompt(held, interaction.user.id))

    @guarded
    async def forget_confirmed(self, interaction: discord.Interaction, user_id: int) -> None:
        if interaction.user.id != user_id:
            await send_note(interaction, NOT_YOURS)
            return
        await interaction.response.defer()
        gone = await self.store.forget(user_id)
        log.info("forgot a user: %d saves, %d votes, %d replies unlinked", gone.saves, gone.votes, gone.replies)
        await send_reply(interaction, forgot_reply(gone))


async def setup(bot: PyDrumsBot) -> None:
    await bot.add_cog(Memory(bot))
