"""The fake Discord speaks enough of the real protocol for an unmodified discord.py bot.

A minimal real `commands.Bot` connects to it over 127.0.0.1: it logs in, syncs its commands,
receives interactions over the gateway and answers them through the REST routes, exactly as
it would against Discord. The bot's replies are then read back from the fake's records.
"""

from __future__ import annotations

import asyncio
import gc
import io
import logging
import threading
from collections.abc import AsyncIterator

import aiohttp
import discord
import pytest
import yarl
from discord import app_commands
from discord.ext import commands
from discord.gateway import DiscordWebSocket
from discord.http import Route

from tests.fakes.discord_api import CHANNEL_MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, MODAL, FakeDiscord

HEARTBEAT_MS = 200
MIDI = b"MThd\x00\x00\x00\x06\x00\x00\x00\x01\x01\xe0" + bytes(range(64))
STYLES = ["funk", "fusion", "jazz", "rock"]


class _PressView(discord.ui.View):
    @discord.ui.button(label="Again", custom_id="again")
    async def again(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.defer()
        await interaction.edit_original_response(content="pressed", view=None)
        await interaction.followup.send("only you see this", ephemeral=True)


@app_commands.command(description="Make a groove")
@app_commands.describe(description="What it should sound like", style="A style", bars="How many bars")
async def groove(
    interaction: discord.Interaction,
    description: app_commands.Range[str, 1, 300],
    style: str | None = None,
    bars: app_commands.Range[int, 1, 8] = 1,
) -> None:
    await interaction.response.defer(thinking=True)
    await interaction.edit_original_response(
        content=f"{description}: {style or 'any'} style, {bars} bars",
        attachments=[discord.File(io.BytesIO(MIDI), "groove.mid")],
    )


@groove.autocomplete("style")
async def _styles(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=s, value=s) for s in STYLES if s.startswith(current.lower())][:25]


@app_commands.command(description="Shows a button")
async def press(interaction: discord.Interaction) -> None:
    await interaction.response.send_message("press it", view=_PressView())


@app_commands.command(description="Answers only when the test says so")
async def slow(interaction: discord.Interaction) -> None:
    bot: _DemoBot = interaction.client  # type: ignore[assignment]
    await bot.release_slow.wait()
    try:
        await interaction.response.send_message("too late")
    except discord.NotFound as exc:
        bot.slow_error = exc
    finally:
        bot.slow_done.set()


class _NameModal(discord.ui.Modal, title="Name your groove"):
    name = discord.ui.TextInput(label="Name", custom_id="groove-name")

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"saved as {self.name.value}", ephemeral=True)


@app_commands.command(description="Asks for a name")
async def name(interaction: discord.Interaction) -> None:
    await interaction.response.send_modal(_NameModal(custom_id="name-modal"))


class _DemoBot(commands.Bot):
    """The smallest bot shaped like the real one: guild-synced slash commands, default intents."""

    def __init__(self, guild_id: int) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents.default(),
            allowed_mentions=discord.AllowedMentions.none(),
            guild_ready_timeout=0.1,
        )
        self.test_guild = discord.Object(guild_id)
        self.release_slow = asyncio.Event()
        self.slow_done = asyncio.Event()
        self.slow_error: discord.NotFound | None = None

    async def setup_hook(self) -> None:
        for command in (groove, press, slow, name):
            self.tree.add_command(command, guild=self.test_guild)
        await self.tree.sync(guild=self.test_guild)


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord(heartbeat_interval_ms=HEARTBEAT_MS) as fake:
        with fake.redirect_discord_py():
            yield fake


@pytest.fixture
async def bot(fake: FakeDiscord) -> AsyncIterator[_DemoBot]:
    bot = _DemoBot(fake.guild_id)
    task: asyncio.Task[None] | None = None
    try:
        await bot.login(fake.token)
        task = asyncio.create_task(bot.connect(reconnect=False))
        await fake.wait_until_connected()
        yield bot
    finally:
        await bot.close()
        if task is not None:
            await asyncio.wait_for(task, 10)


def test_redirect_restores_the_real_discord_urls() -> None:
    """Route.BASE and DEFAULT_GATEWAY point at the fake only inside redirect_discord_py()."""
    before = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    fake = FakeDiscord()
    with fake.redirect_discord_py():
        assert fake.api_base == Route.BASE
        assert yarl.URL(fake.gateway_url) == DiscordWebSocket.DEFAULT_GATEWAY
    assert before == (Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY)


async def test_bot_reaches_ready_in_the_fake_guild(fake: FakeDiscord, bot: _DemoBot) -> None:
    """The bot identifies with its intents, gets READY and sees the guild and its channel."""
    await asyncio.wait_for(bot.wait_until_ready(), 10)
    assert bot.user is not None and bot.user.id == fake.bot_id
    guild = bot.get_guild(fake.guild_id)
    assert guild is not None and not guild.unavailable
    assert guild.get_channel(fake.channel_id) is not None
    assert fake.identify is not None and fake.identify["intents"] == discord.Intents.default().value
    assert fake.gateway_query["encoding"] == "json"


async def test_sync_records_the_commands_and_their_options(fake: FakeDiscord, bot: _DemoBot) -> None:
    """The guild sync payload carries names, required flags, limits and autocomplete."""
    synced = await fake.wait_for_sync(fake.guild_id)
    assert sorted(synced) == ["groove", "name", "press", "slow"]
    options = {o["name"]: o for o in synced["groove"]["options"]}
    assert options["description"]["required"] is True
    assert options["description"]["max_length"] == 300
    assert options["style"]["autocomplete"] is True
    assert (options["bars"]["min_value"], options["bars"]["max_value"]) == (1, 8)
    assert None not in fake.registered_commands  # nothing was synced globally
    assert fake.unknown_requests == []


async def test_slash_command_defers_then_edits_with_a_file(fake: FakeDiscord, bot: _DemoBot) -> None:
    """A deferred command shows "thinking", then its edit carries the text and the MIDI bytes."""
    record = await fake.interact("groove", {"description": "funk with ghost notes", "bars": 2})
    ack = await record.acked()
    assert ack.type == DEFERRED_MESSAGE
    assert not ack.ephemeral
    final = await record.final()
    assert final.content == "funk with ghost notes: any style, 2 bars"
    assert not final.loading
    assert final.attachment(".mid").data == MIDI
    assert final.payloads[-1]["allowed_mentions"]["parse"] == []
    assert record.rejected == []
    assert fake.unknown_requests == []


async def test_autocomplete_returns_the_matching_choices(fake: FakeDiscord, bot: _DemoBot) -> None:
    """Typing "f" in the style option offers the styles that start with f."""
    record = await fake.interact("groove", {"description": "x", "style": "f"}, focused="style")
    assert [c["value"] for c in await record.choices()] == ["funk", "fusion"]


async def test_button_click_defers_an_update_edits_and_follows_up(fake: FakeDiscord, bot: _DemoBot) -> None:
    """Clicking a button on the bot's message edits that message and sends an ephemeral follow-up."""
    shown = await (await fake.interact("press")).final()
    assert shown.custom_ids == ["again"]
    click = await fake.interact(custom_id="again")
    assert (await click.acked()).type == DEFERRED_UPDATE
    edited = await click.final()
    assert edited.id == shown.id
    assert (edited.content, edited.components) == ("pressed", [])
    followup = await click.followup()
    assert followup.content == "only you see this"
    assert followup.ephemeral


async def test_modal_opens_and_its_submission_is_answered(fake: FakeDiscord, bot: _DemoBot) -> None:
    """A command that opens a modal answers the submitted text input."""
    opened = await fake.interact("name")
    assert (await opened.acked()).type == MODAL
    assert opened.modal is not None and opened.modal["custom_id"] == "name-modal"
    submitted = await fake.interact(custom_id="name-modal", fields={"groove-name": "Night Drive"})
    reply = await submitted.final()
    assert (reply.content, reply.ephemeral) == ("saved as Night Drive", True)


async def test_channel_messages_are_created_edited_and_deleted(fake: FakeDiscord, bot: _DemoBot) -> None:
    """Plain channel sends (with a file), edits and deletes land in the channel's record."""
    await asyncio.wait_for(bot.wait_until_ready(), 10)
    channel = bot.get_channel(fake.channel_id)
    assert isinstance(channel, discord.TextChannel)
    sent = await channel.send("hello", file=discord.File(io.BytesIO(MIDI), "beat.mid"))
    assert sent.attachments[0].filename == "beat.mid"
    assert await sent.attachments[0].read() == MIDI
    await sent.edit(content="edited")
    [recorded] = fake.channel_messages()
    assert (recorded.content, recorded.attachment(".mid").data) == ("edited", MIDI)
    await sent.delete()
    assert recorded.deleted


async def test_options_are_checked_like_a_discord_client_would(fake: FakeDiscord, bot: _DemoBot) -> None:
    """Out-of-range, unknown or missing options and unregistered commands never reach the bot."""
    with pytest.raises(ValueError, match="above 8"):
        await fake.interact("groove", {"description": "x", "bars": 9})
    with pytest.raises(ValueError, match="unknown option"):
        await fake.interact("groove", {"description": "x", "tempo": 90})
    with pytest.raises(ValueError, match="required"):
        await fake.interact("groove", {"bars": 2})
    with pytest.raises(LookupError):
        await fake.interact("groove", {"description": "x"}, dm=True)  # synced to the guild only
    with pytest.raises(LookupError):
        await fake.interact(custom_id="no-such-button")


async def test_a_late_acknowledgement_is_refused(fake: FakeDiscord, bot: _DemoBot) -> None:
    """Past the acknowledgement window Discord answers "Unknown interaction" (the user saw a failure)."""
    fake.ack_deadline = 0.05
    record = await fake.interact("slow")
    await asyncio.sleep(fake.ack_deadline * 4)
    bot.release_slow.set()
    await asyncio.wait_for(bot.slow_done.wait(), 5)
    assert record.callbacks == []
    assert record.rejected[0][1]["code"] == 10062
    assert bot.slow_error is not None and bot.slow_error.code == 10062


async def test_a_second_acknowledgement_is_refused(fake: FakeDiscord, bot: _DemoBot) -> None:
    """An interaction answers once; a repeated callback gets Discord's 40060 error."""
    record = await fake.interact("press")
    assert (await record.acked()).type == CHANNEL_MESSAGE
    url = f"{fake.api_base}/interactions/{record.id}/{record.token}/callback"
    async with aiohttp.ClientSession() as session, session.post(url, json={"type": 4, "data": {}}) as response:
        assert response.status == 400
        assert (await response.json())["code"] == 40060
    assert len(record.callbacks) == 1


async def test_files_over_the_size_limit_are_refused(fake: FakeDiscord, bot: _DemoBot) -> None:
    """An upload above attachment_size_limit gets 413, and the reply stays "thinking"."""
    fake.attachment_size_limit = len(MIDI) - 1
    record = await fake.interact("groove", {"description": "big"})
    await record.wait(lambda: record.rejected)
    assert record.rejected[0][0] == 413
    assert record.original is not None and record.original.loading


async def test_reconnect_resumes_and_interactions_still_arrive(fake: FakeDiscord, bot: _DemoBot) -> None:
    """After op 7 RECONNECT the bot RESUMEs its session and keeps answering commands."""
    await fake.request_reconnect()
    await fake.wait(lambda: fake.resumes == 1)
    record = await fake.interact("groove", {"description": "after resume"})
    assert (await record.final()).content.startswith("after resume")


async def test_heartbeats_keep_to_the_interval(fake: FakeDiscord, bot: _DemoBot) -> None:
    """An idle bot heartbeats about once per interval and every beat is acknowledged."""
    await fake.wait_for_heartbeats(4)
    gaps = fake.heartbeat_gaps()
    assert len(gaps) >= 3
    # Generous bounds: they catch a stalled loop (seconds late), not scheduler jitter.
    assert all(0.5 * fake.heartbeat_interval <= gap <= fake.heartbeat_interval + 1.0 for gap in gaps), gaps
    assert bot.latency < 1.0


async def test_unknown_routes_are_recorded_and_answered_with_json_404(fake: FakeDiscord) -> None:
    """A route the fake lacks is visible in unknown_requests; JSON answers are exactly application/json."""
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{fake.api_base}/guilds/1/audit-logs") as response:
            assert response.status == 404
            assert response.headers["Content-Type"] == "application/json"
        async with session.get(f"{fake.api_base}/gateway") as response:
            assert response.headers["Content-Type"] == "application/json"
            assert (await response.json())["url"] == fake.gateway_url
    assert [(r.method, r.path) for r in fake.unknown_requests] == [("GET", "/guilds/1/audit-logs")]


async def test_a_sharded_bot_asks_for_the_gateway_and_gets_the_guild_on_its_shard() -> None:
    """AutoShardedBot reads /gateway/bot, identifies each shard, and answers in the guild and in DMs."""

    class _ShardedBot(commands.AutoShardedBot):
        async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
            """No 5-second pause between shard identifies: the fake has no identify rate limit."""

        async def setup_hook(self) -> None:
            self.tree.add_command(groove)
            await self.tree.sync()

    async with FakeDiscord(shards=2) as fake:
        with fake.redirect_discord_py():
            bot = _ShardedBot(command_prefix=commands.when_mentioned, intents=discord.Intents.default())
            await bot.login(fake.token)
            task = asyncio.create_task(bot.connect(reconnect=False))
            try:
                await fake.wait(lambda: sorted(d["shard"] for op, d in fake.gateway_log if op == 2) == [[0, 2], [1, 2]])
                record = await fake.interact("groove", {"description": "sharded"})
                assert (await record.final()).content.startswith("sharded")
                assert fake.registered_commands[None].keys() == {"groove"}
                assert ("GET", "/gateway/bot") in [(r.method, r.path) for r in fake.requests]
                in_dm = await fake.interact("groove", {"description": "in a DM"}, dm=True)
                assert (await in_dm.final()).content.startswith("in a DM")
            finally:
                await bot.close()
                await asyncio.wait_for(task, 10)


async def test_a_wrong_token_fails_login(fake: FakeDiscord) -> None:
    """Discord answers 401 to a bad token, which discord.py reports as LoginFailure."""
    bot = _DemoBot(fake.guild_id)
    try:
        with pytest.raises(discord.LoginFailure):
            await bot.login("not-the-token")
    finally:
        await bot.close()


async def test_bot_and_fake_shut_down_without_leftovers(caplog: pytest.LogCaptureFixture) -> None:
    """After close no task, keep-alive thread or error log is left behind."""
    caplog.set_level(logging.WARNING)
    async with FakeDiscord(heartbeat_interval_ms=HEARTBEAT_MS) as fake:
        with fake.redirect_discord_py():
            bot = _DemoBot(fake.guild_id)
            await bot.login(fake.token)
            task = asyncio.create_task(bot.connect(reconnect=False))
            await fake.wait_until_connected()
            record = await fake.interact("groove", {"description": "one more"})
            await record.final()
            await fake.wait_for_heartbeats(2)
            await bot.close()
            await asyncio.wait_for(task, 10)
    for thread in threading.enumerate():
        if thread.name.startswith("keep-alive-handler"):
            thread.join(timeout=5)
            assert not thread.is_alive()
    await asyncio.sleep(0)
    assert [t for t in asyncio.all_tasks() if t is not asyncio.current_task() and not t.done()] == []
    gc.collect()
    problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert [p for p in problems if "voice will NOT be supported" not in p] == []
