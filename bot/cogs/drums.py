"""/drums and its Regenerate, Variation and Refine buttons.

check the request (mistakes: ephemeral, before anything is spent)
→ per-user cooldown ("try again in N s", ephemeral)
→ a place in the generation queue ("busy, try again shortly", ephemeral, when full)
→ defer (within Discord's 3 s) → wait for a model slot, editing "queued: you are #N"
→ generate + render in a worker thread → edit the reply: embed, 3 files, buttons
→ record it in the memory (votes on it count for the grooves it was based on)

Refine opens a form ("What should change?"); its submit takes the same path as /drums
(cooldown, a place in the queue: the model may be asked) and answers with a new message.
Anyone in the channel may refine any answer, as anyone may press Regenerate or Variation:
the refinement is a new message under the refiner's name and the original stays as it was.

From the defer on, the reply is owed (`inflight`): on shutdown a request still in line or
waiting for the model is cancelled and its reply edited to say the bot is restarting.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from pydrums_engine.errors import InputError
from pydrums_engine.generation import DEFAULT_BARS
from pydrums_engine.limits import (
    BARS_MAX,
    BARS_MIN,
    BPM_MAX,
    BPM_MIN,
    HUMANIZE_MAX,
    HUMANIZE_MIN,
    MAX_SECTIONS,
    SWING_MAX,
    SWING_MIN,
)
from pydrums_engine.limits import DESCRIPTION_MAX as MAX_DESCRIPTION
from pydrums_engine.render import DEFAULT_HUMANIZE

from .. import handlers
from ..components import REFINE_FORM, RefineForm, decode_actions, submitted_text
from ..formatting import read_field, read_pattern_text
from ..inflight import RESTARTING, in_daemon_thread
from ..limits import QueueFull
from ..memory import MemoryUnavailable, ReplyRecord
from ..replies import REQUEST_FIELD, STYLE_FIELD, DrumsActions, DrumsRequest, Reply, ShownGroove
from ..respond import NO_MENTIONS, send_note, send_reply
from .errors import guarded

if TYPE_CHECKING:
    from ..client import PyDrumsBot

log = logging.getLogger(__name__)

SEED_RANGE = 2**31
BUSY = "PyDrums is busy right now: every place in the queue is taken. Try again shortly."


def cooldown_note(seconds: int) -> str:
    return f"Easy on the sticks: try again in {seconds} s."


def queued_note(place: int) -> str:
    return f"Queued: you are #{place} in line."


async def style_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Library styles matching what was typed (at most 25); none while the engine loads."""
    bot: PyDrumsBot = interaction.client  # type: ignore[assignment]
    if bot._engine is None:
        return []
    return [app_commands.Choice(name=label, value=key) for label, key in handlers.style_choices(bot.engine, current)]


def read_shown(message: discord.Message | None) -> ShownGroove:
    """The groove a /drums reply shows, read back from its embed (InputError when it is not one)."""
    embed = message.embeds[0] if message and message.embeds else None
    request = read_field(embed, REQUEST_FIELD) if embed else None
    notation = read_pattern_text(embed) if embed else None
    if embed is None or not request or not notation:
        raise InputError("this message no longer shows a groove; ask /drums again")
    style = read_field(embed, STYLE_FIELD) or ""
    return ShownGroove(title=embed.title or "Groove", request=request, style=style, notation=notation)


async def remember(bot: PyDrumsBot, interaction: discord.Interaction, message: discord.Message | None, reply: Reply,
                   *, inherit_from: int | None = None) -> None:  # fmt: skip
    """Record a /drums answer just sent, so votes on it count for the grooves it was based on.

    The user already has the answer: a database that does not answer only costs the record (logged)."""
    memo = reply.memo
    if memo is None or message is None:
        return
    record = ReplyRecord(
        message_id=message.id,
        guild_id=interaction.guild_id,
        channel_id=message.channel.id,
        author_id=interaction.user.id,
        **memo.__dict__,
    )
    try:
        await bot.memory.record_reply(record, inherit_from=inherit_from)
    except MemoryUnavailable:
        log.warning("the answer %s was sent but not recorded: its votes will count for no groove", message.id)


class Drums(commands.Cog):
    """New patterns: the model when it can, the library when it cannot."""

    def __init__(self, bot: PyDrumsBot) -> None:
        self.bot = bot

    @app_commands.command(name="drums", description="A new drum pattern from your description")
    @app_commands.describe(
        description="What it should sound like, e.g. 'groovy funk with ghost notes'",
        style="A style from the library (optional)",
        bpm=f"Tempo in beats per minute, {BPM_MIN}-{BPM_MAX} (optional)",
        bars=f"How many bars, {BARS_MIN}-{BARS_MAX} (default {DEFAULT_BARS})",
        humanize=f"How loosely it is played, {HUMANIZE_MIN}-{HUMANIZE_MAX}; 0 is exactly on the grid "
        f"(default {DEFAULT_HUMANIZE})",
        swing=f"{SWING_MIN} straight to {SWING_MAX} full triplet swing (default: the groove's own)",
        form=f"Song sections, e.g. AABA: A the groove, B chorus, C bridge, D breakdown; bars: is per section "
        f"(at most {MAX_SECTIONS})",
    )
    @app_commands.autocomplete(style=style_autocomplete)
    async def drums(
        self,
        interaction: discord.Interaction,
        description: app_commands.Range[str, 1, MAX_DESCRIPTION],
        style: str | None = None,
        bpm: app_commands.Range[int, BPM_MIN, BPM_MAX] | None = None,
        bars: app_commands.Range[int, BARS_MIN, BARS_MAX] | None = None,
        humanize: app_commands.Range[int, HUMANIZE_MIN, HUMANIZE_MAX] | None = None,
        swing: app_commands.Range[int, SWING_MIN, SWING_MAX] | None = None,
        form: app_commands.Range[str, 1, MAX_SECTIONS] | None = None,
    ) -> None:
        request = DrumsRequest(description, style, bpm, bars, humanize, swing, form)
        await self.generate(interaction, request, seed=None)

    @guarded
    async def open_refine(self, interaction: discord.Interaction, actions: DrumsActions) -> None:
        """Refine: the form asking what should change (its submit goes to `on_refine_submit`)."""
        read_shown(interaction.message)  # a message that no longer shows a groove is told so now
        form = RefineForm(actions, MAX_DESCRIPTION)
        await interaction.response.send_modal(form)
        form.stop()  # the submit is answered by the listener, by whichever process receives it

    @commands.Cog.listener("on_interaction")
    async def on_refine_submit(self, interaction: discord.Interaction) -> None:
        """A Refine form sent back: its custom id carries the options, the message it came from the groove."""
        if interaction.type != discord.InteractionType.modal_submit:
            return
        found = REFINE_FORM.fullmatch(str((interaction.data or {}).get("custom_id", "")))
        if found is None:
            return
        instruction = submitted_text(interaction.data)  # type: ignore[arg-type]
        await self.refine(interaction, decode_actions(found), instruction)

    @guarded
    async def refine(self, interaction: discord.Interaction, actions: DrumsActions, instruction: str) -> None:
        """The shown groove changed as asked: a new answer like a /drums one, recorded with its source's grooves."""
        if self.bot.pending.closing:
            await send_note(interaction, RESTARTING)
            return
        shown = read_shown(interaction.message)
        if not instruction.strip():
            raise InputError("say what should change, e.g. 'busier hats, no crash'")
        engine = self.bot.engine
        seed = random.randrange(SEED_RANGE)
        source = interaction.message.id if interaction.message else None
        await self._queued(
            interaction,
            lambda: handlers.refine(engine, shown, actions, instruction, seed),
            lambda generation: handlers.refined(engine, shown, actions, instruction, generation),
            inherit_from=source,
        )

    @guarded
    async def regenerate(self, interaction: discord.Interaction, actions: DrumsActions) -> None:
        """Regenerate: the request the message shows, with the options it was asked with, a new seed."""
        shown = read_shown(interaction.message)
        request = DrumsRequest(
            shown.request,
            actions.style,
            actions.bpm,
            actions.bars,
            actions.humanize,
            actions.swing_amount,
            actions.form,
        )
        await self.generate(interaction, request, seed=random.randrange(SEED_RANGE))

    @guarded
    async def variation(self, interaction: discord.Interaction, actions: DrumsActions) -> None:
        """Variation: a few changes to the pattern the message shows; no model call, so no queue."""
        shown = read_shown(interaction.message)
        if wait := self.bot.cooldown.hit(interaction.user.id):
            await send_note(interaction, cooldown_note(wait))
            return
        with self.bot.pending.track(interaction, answering=True):
            await interaction.response.defer(thinking=True)
            seed = random.randrange(SEED_RANGE)
            reply = await asyncio.to_thread(handlers.variation, self.bot.engine, shown, actions, seed)
            message = await send_reply(interaction, reply)
        source = interaction.message.id if interaction.message else None
        await remember(self.bot, interaction, message, reply, inherit_from=source)

    async def generate(self, interaction: discord.Interaction, request: DrumsRequest, seed: int | None) -> None:
        if self.bot.pending.closing:
            await send_note(interaction, RESTARTING)
            return
        engine = self.bot.engine
        request = handlers.check_drums(engine, request)  # cheap; raises InputError before we acknowledge
        votes = await self.bot.votes.get(interaction.guild_id)  # cached; None when the memory is away
        await self._queued(
            interaction,
            lambda: handlers.generate(engine, request, seed, votes),
            lambda generation: handlers.drums_reply(engine, generation, request),
        )

    async def _queued(
        self,
        interaction: discord.Interaction,
        model_call: Callable[[], Any],
        make_reply: Callable[[Any], Reply],
        *,
        inherit_from: int | None = None,
    ) -> None:
        """cooldown → a place in the queue → defer → a model slot → ``model_call()`` → ``make_reply`` → send → record.

        An InputError from the model call (a Refine the engine cannot read) gives the cooldown back."""
        user = interaction.user.id
        if wait := self.bot.cooldown.hit(user):
            await send_note(interaction, cooldown_note(wait))
            return
        try:
            ticket = self.bot.queue.enter()
        except QueueFull:
            self.bot.cooldown.refund(user)
            await send_note(interaction, BUSY)
            return
        with self.bot.pending.track(interaction) as owed:
            with ticket:
                await interaction.response.defer(thinking=True)

                async def show_place(place: int) -> None:
                    await interaction.edit_original_response(content=queued_note(place), allowed_mentions=NO_MENTIONS)

                await ticket.ready(show_place)
                try:  # a daemon thread: a shutdown stops waiting for a slow model at once (see inflight)
                    generation = await in_daemon_thread(model_call)
                except InputError:
                    self.bot.cooldown.refund(user)
                    raise
            owed.answering = True  # the answer is moments away: a shutdown lets it finish
            reply = await asyncio.to_thread(make_reply, generation)  # the slot is free
            message = await send_reply(interaction, reply)
        await remember(self.bot, interaction, message, reply, inherit_from=inherit_from)


async def setup(bot: PyDrumsBot) -> None:
    await bot.add_cog(Drums(bot))
