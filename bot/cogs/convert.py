"""/convert: render a pattern the user wrote; bad notation gets the parser's exact message."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from pydrums_engine.limits import BPM_MAX, BPM_MIN, HUMANIZE_MAX, HUMANIZE_MIN, SWING_MAX, SWING_MIN
from pydrums_engine.notation import Pattern

from .. import handlers
from ..respond import send_reply

if TYPE_CHECKING:
    from ..client import PyDrumsBot


class PatternText(app_commands.Transformer):
    """The option text as a `Pattern`: code fences and the bot's beat rulers are dropped first.

    A `NotationError` leaves as the cause of a TransformerError; the error handler shows
    its message, ephemerally, before anything is acknowledged.
    """

    async def transform(self, interaction: discord.Interaction, value: str) -> Pattern:
        bot: PyDrumsBot = interaction.client  # type: ignore[assignment]
        return handlers.read_pattern(bot.engine, value)


class Convert(commands.Cog):
    """Patterns users write themselves."""

    def __init__(self, bot: PyDrumsBot) -> None:
        self.bot = bot

    @app_commands.command(name="convert", description="Render your own pattern: MIDI, audio and a picture")
    @app_commands.describe(
        pattern="One line per instrument, joined with ';', e.g. bd: x---x---x---x---; sd: ----x-------x---",
        bpm=f"Tempo in beats per minute, {BPM_MIN}-{BPM_MAX} (default {handlers.DEFAULT_CONVERT_BPM})",
        humanize=f"How loosely it is played, {HUMANIZE_MIN}-{HUMANIZE_MAX} (default 0: exactly as written)",
        swing=f"{SWING_MIN} straight (the default) to {SWING_MAX} full triplet swing",
    )
    async def convert(
        self,
        interaction: discord.Interaction,
        pattern: app_commands.Transform[Pattern, PatternText],
        bpm: app_commands.Range[int, BPM_MIN, BPM_MAX] | None = None,
        humanize: app_commands.Range[int, HUMANIZE_MIN, HUMANIZE_MAX] | None = None,
        swing: app_commands.Range[int, SWING_MIN, SWING_MAX] | None = None,
    ) -> None:
        with self.bot.pending.track(interaction, answering=True):
            await interaction.response.defer(thinking=True)
            reply = await asyncio.to_thread(handlers.convert, self.bot.engine, pattern, bpm, humanize, swing)
            await send_reply(interaction, reply)


async def setup(bot: PyDrumsBot) -> None:
    await bot.add_cog(Convert(bot))
