"""The real bot against the fake Discord (REST + gateway on 127.0.0.1) and the fake Ollama.

Each test starts the bot from settings (DISCORD_API_BASE / DISCORD_GATEWAY_URL pointing at
the fake), acts as a Discord user would (slash commands, button clicks, autocomplete) and
reads what that user would see: acknowledgements, replies, files, ephemeral notes.
"""

from __future__ import annotations

import io
import json
import logging
import time
import wave

import mido
import pytest
from PIL import Image

from bot.cogs.errors import APOLOGY
from bot.formatting import unescape
from tests.bot.conftest import GatedEncoder, bot_environ, engine_with_model, running_bot
from tests.fakes import FakeOllama, closed_port_url
from tests.fakes.discord_api import (
    ADMIN_PERMISSIONS,
    CHANNEL_MESSAGE,
    DEFERRED_MESSAGE,
    DEFERRED_UPDATE,
    FakeDiscord,
    Message,
)
from tests.fakes.ollama_server import HOSTILE_MODES

PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15)
COMMANDS = ("convert", "drums", "forget", "help", "rebuild", "saved", "similar", "styles")


def has_files(message: Message) -> bool:
    return len(message.attachments) == 3


def field(message: Message, name: str) -> str:
    return next(unescape(f["value"]) for f in message.embeds[0]["fields"] if unescape(f["name"]) == name)


def note(record) -> str:
    """The text of an ephemeral note: the initial response, or the follow-up that replaced a deferral."""
    if record.callback_type == CHANNEL_MESSAGE:
        assert record.ephemeral
        return unescape(record.callbacks[0].data["content"])
    assert record.followups and record.followups[0].ephemeral
    return unescape(record.followups[0].content)


async def drums(fake: FakeDiscord, options: dict, **kwargs) -> Message:
    record = await fake.interact("drums", options, **kwargs)
    assert (await record.acked()).type == DEFERRED_MESSAGE
    return await record.final(30, until=has_files)


# -- registration -------------------------------------------------------------------------------


async def test_commands_are_registered_with_their_options(discord_fake: FakeDiscord, engine_llm) -> None:
    """The guild sync carries every command, its required options, ranges, autocomplete and permissions."""
    fake = discord_fake
    async with running_bot(fake, engine_llm):
        commands = fake.registered_commands[fake.guild_id]
        assert sorted(commands) == sorted(COMMANDS)
        assert None not in fake.registered_commands  # DEV_GUILD_ID set: nothing global
        options = {c: {o["name"]: o for o in commands[c].get("options", [])} for c in commands}
        description = options["drums"]["description"]
        assert (description["type"], description["required"], description["max_length"]) == (3, True, 300)
        assert options["drums"]["style"]["autocomplete"] is True and not options["drums"]["style"].get("required")
        assert (options["drums"]["bpm"]["min_value"], options["drums"]["bpm"]["max_value"]) == (40, 240)
        assert (options["drums"]["bars"]["min_value"], options["drums"]["bars"]["max_value"]) == (1, 8)
        assert options["drums"]["form"]["max_length"] == 8 and not options["drums"]["form"].get("required")
        assert not options["similar"]["query"].get("required") and not options["similar"]["pattern"].get("required")
        assert (options["similar"]["count"]["min_value"], options["similar"]["count"]["max_value"]) == (1, 10)
        assert options["similar"]["style"]["autocomplete"] is True
        assert options["convert"]["pattern"]["required"] is True and options["convert"]["pattern"]["type"] == 3
        assert (options["convert"]["bpm"]["min_value"], options["convert"]["bpm"]["max_value"]) == (40, 240)
        assert int(commands["rebuild"]["default_member_permissions"]) == 8  # administrators
        assert commands["drums"].get("default_member_permissions") is None
        assert fake.identify["intents"] & PRIVILEGED_INTENTS == 0
        assert fake.unknown_requests == []


async def test_without_a_dev_guild_commands_sync_globally(discord_fake: FakeDiscord, engine_llm) -> None:
    fake = discord_fake
    environ = {k: v for k, v in bot_environ(fake).items() if k != "DEV_GUILD_ID"}
    async with running_bot(fake, engine_llm, environ):
        assert sorted(fake.registered_commands[None]) == sorted(COMMANDS)
        assert fake.guild_id not in fake.registered_commands


# -- /drums ---------------------------------------------------------------------------------------


async def test_drums_answers_with_the_pattern_and_three_files(discord_fake: FakeDiscord, engine_llm, ollama) -> None:
    """Deferred at once, then one embed: ruler + pattern, request, based-on grooves, model footer, 3 files."""
    fake = discord_fake
    async with running_bot(fake, engine_llm):
        record = await fake.interact("drums", {"description": "groovy funk with ghost notes", "bars": 2, "bpm": 96})
        ack = await record.acked()
        assert ack.type == DEFERRED_MESSAGE and not ack.ephemeral
        final = await record.final(30, until=has_files)
        assert record.rejected == [] and not final.ephemeral and not final.loading

        embed = final.embeds[0]
        ruler, *tracks = embed["description"].removeprefix("```\n").removesuffix("\n```").splitlines()
        assert ruler == "    1e&a2e&a3e&a4e&a|1e&a2e&a3e&a4e&a"
        assert tracks and all(len(line) == len(ruler) and line[2:4] == ": " for line in tracks)
        assert field(final, "Request") == "groovy funk with ghost notes"
        assert field(final, "Tempo").startswith("96 bpm") and field(final, "Length") == "2 bars of 4/4"
        assert all(
            line.rsplit(": ", 1)[1].replace(".", "").isdigit()
            for line in field(final, "Based on (similarity)").splitlines()
        )
        assert embed["footer"]["text"].startswith("Written by the model, with")
        assert "llama3.1" not in json.dumps(final.payloads)  # the model's name is the operator's business
        assert embed["image"]["url"] == "attachment://pattern.png"
        assert len(ollama.requests) == 1

        midi = mido.MidiFile(file=io.BytesIO(final.attachment(".mid").data))
        assert any(m.type == "note_on" and m.channel == 9 for m in midi)  # GM drums: channel 10
        with wave.open(io.BytesIO(final.attachment(".wav").data)) as audio:
            assert audio.getnframes() > 0
        picture = Image.open(io.BytesIO(final.attachment(".png").data))
        picture.verify()
        assert [c.split(":")[1] for c in final.custom_ids] == [
            "regen",
            "vary",
            "like",
            "refine",
            "vote",
            "vote",
            "save",
        ]
        labels = [c.get("label") for row in final.components for c in row["components"]]
        assert labels == ["Regenerate", "Variation", "More like this", "Refine", "👍", "👎", "Save"]
        assert [len(row["components"]) for row in final.components] == [4, 3]
        assert all(p.get("allowed_mentions", {"parse": []})["parse"] == [] for p in final.payloads)


async def test_with_ollama_down_drums_answers_from_the_library_and_says_so(
    discord_fake: FakeDiscord, engine_down
) -> None:
    fake = discord_fake
    async with running_bot(fake, engine_down):
        final = await drums(fake, {"description": "laid back reggae one drop"})
        footer = final.embeds[0]["footer"]["text"]
        assert footer.startswith("From the library, not the model: ")
        assert "not answering right now" in footer
        assert has_files(final)


async def test_drums_says_what_the_request_asked_of_the_grid_and_the_pattern_has_it(
    discord_fake: FakeDiscord, engine_down
) -> None:
    """'kick on 1 and the and of 3, snare on 2 and 4' with the model away: the library groove,
    edited to fit, with both asked-for traits listed as honoured and present in the code block."""
    fake = discord_fake
    async with running_bot(fake, engine_down):
        final = await drums(fake, {"description": "kick on 1 and the and of 3, snare on 2 and 4"})
        embed = final.embeds[0]
        asked = next(f["value"] for f in embed["fields"] if f["name"] == "What you asked of the grid")
        assert asked.splitlines() == ["✓ kick on 1 and the and of 3", "✓ snare on 2 and 4"]
        kick = next(line for line in embed["description"].splitlines() if line.lstrip("`").startswith("bd"))
        assert "x---------x-----" in kick.replace("X", "x").replace(" ", "").replace("|", "")


@pytest.mark.parametrize("mode", ["error500", "missing_model", "stall", "garbage", "prose", "closed port"])
async def test_no_fallback_reply_shows_the_ollama_address(
    discord_fake: FakeDiscord, encoder, shared_index, mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Whatever kept the model from answering, no message a user sees holds the server's host or
    port; the library answer says why in words, and the detail goes to the log."""
    fake = discord_fake
    caplog.set_level(logging.INFO)
    with FakeOllama("good" if mode == "closed port" else mode, stall_seconds=30) as ollama:
        url = closed_port_url() if mode == "closed port" else ollama.url
        address = url.removeprefix("http://")
        port = address.rsplit(":", 1)[1]
        async with running_bot(fake, engine_with_model(encoder, shared_index, url, timeout=1.0)):
            final = await drums(fake, {"description": "laid back reggae one drop"})
        assert final.embeds[0]["footer"]["text"].startswith("From the library, not the model: ")
        shown = [json.dumps(payload) for message in fake.messages.values() for payload in message.payloads]
        assert shown and not [text for text in shown if address in text or f":{port}" in text]
    if mode != "prose":  # a model that answers in prose is no server trouble: no address to log
        assert any(address in record.getMessage() for record in caplog.records)


HOSTILE_TIMEOUT = 2.0  # OLLAMA_TIMEOUT against hostile servers; the target is at most 2 s more
UNAVAILABLE = "The model server is not answering right now"
UNUSABLE = "The model's answer could not be read as a pattern"


@pytest.mark.parametrize("mode", HOSTILE_MODES)
async def test_a_hostile_model_server_gets_a_library_answer_in_time_and_the_heartbeat_keeps_its_beat(
    discord_fake: FakeDiscord, encoder, shared_index, mode: str
) -> None:
    """A server that drips, hangs, sends a megabyte of letters, a JSON list, HTML, nothing or a
    hang-up: /drums answers from the library within OLLAMA_TIMEOUT + 2 s saying why in words,
    no message shows the server's address, and the gateway heartbeat is never 1 s late."""
    fake = discord_fake
    with FakeOllama(mode) as ollama:
        address = ollama.url.removeprefix("http://")
        async with running_bot(fake, engine_with_model(encoder, shared_index, ollama.url, timeout=HOSTILE_TIMEOUT)):
            await fake.wait_for_heartbeats(2)
            beats_before = len(fake.heartbeats)
            started = time.monotonic()
            final = await drums(fake, {"description": "groovy funk with ghost notes"})
            elapsed = time.monotonic() - started
            await fake.wait_for_heartbeats(len(fake.heartbeats) + 1)  # a beat after the answer, too
    footer = final.embeds[0]["footer"]["text"]
    reason = UNUSABLE if mode == "huge" else UNAVAILABLE
    assert footer.startswith(f"From the library, not the model: {reason}, so this is the closest"), footer
    assert elapsed <= HOSTILE_TIMEOUT + 2, f"{elapsed:.1f} s"
    shown = [json.dumps(payload) for message in fake.messages.values() for payload in message.payloads]
    assert not [text for text in shown if address in text]
    gaps = fake.heartbeat_gaps()[beats_before - 1 :]
    assert gaps and max(gaps) < fake.heartbeat_interval + 1.0, gaps


async def test_user_text_is_shown_as_typed_and_pings_nobody(discord_fake: FakeDiscord, engine_llm) -> None:
    fake = discord_fake
    typed = "@everyone **funk** for <@123> ||now||"
    async with running_bot(fake, engine_llm):
        final = await drums(fake, {"description": typed})
        raw = next(f["value"] for f in final.embeds[0]["fields"] if f["name"] == "Request")
        assert "@everyone" not in raw.replace("\\@everyone", "") and "**" not in raw.replace("\\*", "")
        assert unescape(raw) == typed
        assert all(p["allowed_mentions"]["parse"] == [] for p in final.payloads if "allowed_mentions" in p)


async def test_mistakes_are_answered_ephemerally_before_anything_runs(
    discord_fake: FakeDiscord, engine_llm, ollama
) -> None:
    """An unknown style gets the engine's message, only for the user, and no model call."""
    fake = discord_fake
    async with running_bot(fake, engine_llm):
        record = await fake.interact("drums", {"description": "funk", "style": "polka"})
        assert (await record.acked()).type == CHANNEL_MESSAGE
        assert note(record).startswith("unknown style 'polka'; known styles: ")
        assert ollama.requests == []


async def test_buttons_keep_working_after_a_restart(discord_fake: FakeDiscord, engine_llm, ollama) -> None:
    """Regenerate and Variation on a message from an earlier bot process still answer."""
    fake = discord_fake
    async with running_bot(fake, engine_llm):
        first = await drums(fake, {"description": "greasy funk with ghost notes", "bars": 2})
    regen_id, vary_id = first.custom_ids[:2]

    async with running_bot(fake, engine_llm):  # a new process, knowing nothing of the message
        varied = await (await fake.interact(custom_id=vary_id, message=first)).final(30, until=has_files)
        assert varied.id != first.id
        assert unescape(varied.embeds[0]["title"]) == unescape(first.embeds[0]["title"]) + " (variation)"
        assert field(varied, "Request") == "greasy funk with ghost notes"
        assert field(varied, "Tempo") == field(first, "Tempo")
        assert varied.embeds[0]["description"] != first.embeds[0]["description"]
        assert len(ollama.requests) == 1  # a variation needs no model

        again = await (await fake.interact(custom_id=regen_id, message=first)).final(30, until=has_files)
        assert field(again, "Request") == "greasy funk with ghost notes"
        assert field(again, "Length") == "2 bars of 4/4"
        assert len(ollama.requests) == 2
        assert ollama.requests[1]["options"]["seed"] != ollama.requests[0].get("options", {}).get("seed")


async def test_cooldown_holds_one_user_not_the_others(discord_fake: FakeDiscord, engine_llm, ollama) -> None:
    """Within DRUMS_COOLDOWN_SECONDS a second /drums or button press is told to wait; others are not."""
    fake = discord_fake
    async with running_bot(fake, engine_llm, bot_environ(fake, DRUMS_COOLDOWN_SECONDS="60")):
        first = await drums(fake, {"description": "punk rock"})
        again = await fake.interact("drums", {"description": "punk rock"})
        await again.acked()
        assert note(again).startswith("Easy on the sticks: try again in ")
        assert note(again).endswith(" s.") and 0 < int(note(again).split()[-2]) <= 60
        press = await fake.interact(custom_id=first.custom_ids[0], message=first)
        await press.acked()
        assert "try again in" in note(press)
        other = await drums(fake, {"description": "punk rock"}, user_id=fake.owner_id)
        assert has_files(other)
        assert len(ollama.requests) == 2


async def test_an_unexpected_failure_is_an_apology_and_a_logged_traceback(
    discord_fake: FakeDiscord, engine_llm, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A bug after the deferral: the "thinking" reply goes; one ephemeral sentence for the user, a traceback logged."""
    from bot import handlers

    def broken(*args, **kwargs):
        raise RuntimeError("renderer exploded")

    monkeypatch.setattr(handlers, "drums_reply", broken)
    fake = discord_fake
    async with running_bot(fake, engine_llm):
        record = await fake.interact("drums", {"description": "funk"})
        await record.followup()
        assert note(record) == APOLOGY
        assert record.original is not None and record.original.deleted
        logged = [r for r in caplog.records if r.levelno == logging.ERROR and r.exc_info]
        assert logged and "renderer exploded" in str(logged[0].exc_info[1])
        # the bot is still there
        assert (await (await fake.interact("styles")).acked()).type == CHANNEL_MESSAGE


# -- autocomplete ---------------------------------------------------------------------------------


async def test_style_autocomplete_filters_what_was_typed(discord_fake: FakeDiscord, engine_llm) -> None:
    fake = discord_fake
    styles = engine_llm.styles()
    async with running_bot(fake, engine_llm):
        typed = await (await fake.interact("drums", {"description": "x", "style": "fu"}, focused="style")).choices()
        assert [c["value"] for c in typed] == sorted(s for s in styles if s.startswith("fu"))
        assert all(c["name"].startswith(c["value"]) for c in typed)
        everything = await (await fake.interact("similar", {"query": "x", "style": ""}, focused="style")).choices()
        assert len(everything) == 25 < len(styles)
        spaced = await (await fake.interact("drums", {"style": "hip h"}, focused="style")).choices()
        assert [c["value"] for c in spaced] == ["hip-hop"]


# -- /similar, /styles, /help ---------------------------------------------------------------------


async def test_similar_pages_for_the_requester_only(discord_fake: FakeDiscord, engine_llm) -> None:
    fake = discord_fake
    async with running_bot(fake, engine_llm):
        record = await fake.interact("similar", {"query": "laid back reggae one drop", "count": 2})
        first = await record.final(30)
        names = [unescape(f["name"]) for f in first.embeds[0]["fields"]]
        assert names[0] == "Query" and [n.split(".")[0] for n in names[1:]] == ["1", "2"]
        ahead = first.custom_ids[1]
        assert first.components[0]["components"][0]["disabled"] is True  # no page before the first

        stranger = await fake.interact(custom_id=ahead, message=first, user_id=fake.owner_id)
        await stranger.acked()
        assert note(stranger).startswith("Only the person who ran this /similar")
        assert fake.messages[first.id].embeds == first.embeds

        turn = await fake.interact(custom_id=ahead, message=first)
        assert (await turn.acked()).type == DEFERRED_UPDATE
        second = await turn.final(30)
        assert second.id == first.id
        assert [unescape(f["name"]).split(".")[0] for f in second.embeds[0]["fields"][1:]] == ["3", "4"]
        assert second.embeds[0]["footer"]["text"] == "Page 2: grooves 3-4"

        back_again = await fake.interact(custom_id=second.custom_ids[0], message=second)
        page_one = await back_again.final(30)
        assert [f["name"] for f in page_one.embeds[0]["fields"]] == [f["name"] for f in first.embeds[0]["fields"]]


async def test_similar_checks_a_forged_count_itself(discord_fake: FakeDiscord, engine_llm) -> None:
    """A count outside 1-10 that got past Discord's option range: one ephemeral sentence naming the range."""
    fake = discord_fake
    async with running_bot(fake, engine_llm):
        for count in (0, -5, 11):
            record = await fake.interact("similar", {"query": "funk", "count": count}, validate=False)
            await record.acked()
            assert note(record) == f"count must be from 1 to 10, not {count}"


async def test_styles_and_help(discord_fake: FakeDiscord, engine_llm) -> None:
    fake = discord_fake
    async with running_bot(fake, engine_llm):
        styles = await (await fake.interact("styles")).final()
        listing = unescape(styles.embeds[0]["description"])
        assert all(f"{style} ({count})" in listing for style, count in engine_llm.styles().items())
        shown = await (await fake.interact("help")).final()
        assert shown.ephemeral
        assert any("bd  bass drum" in f["value"] for f in shown.embeds[0]["fields"])


# -- /convert -------------------------------------------------------------------------------------


async def test_convert_renders_a_pasted_code_block(discord_fake: FakeDiscord, engine_llm) -> None:
    """The bot's own block (fences, ruler, bar lines) converts as it is, at the bpm asked."""
    fake = discord_fake
    pasted = "```\n    1e&a2e&a3e&a4e&a\nch: x-x-x-x-x-x-x-x-\nsd: ----x-------x---\nbd: x-------x-------\n```"
    async with running_bot(fake, engine_llm):
        final = await (await fake.interact("convert", {"pattern": pasted, "bpm": 90})).final(30, until=has_files)
        assert field(final, "Tempo") == "90 bpm"
        assert field(final, "Instruments") == "closed hi-hat, snare drum, bass drum"
        midi = mido.MidiFile(file=io.BytesIO(final.attachment(".mid").data))
        assert sum(1 for m in midi if m.type == "note_on" and m.velocity > 0) == 8 + 2 + 2


@pytest.mark.parametrize(
    "pattern",
    [
        "bd: x---x---x---x---; sd: ----y-------x---",
        "kick: x---x---; snare: --x-",
        "drums: x---x---x---x---",
        "bd x---x---",
    ],
)
async def test_bad_notation_gets_the_parsers_exact_message_ephemerally(
    discord_fake: FakeDiscord, engine_llm, pattern: str
) -> None:
    from pydrums_engine.errors import NotationError

    with pytest.raises(NotationError) as parser:
        engine_llm.parse(pattern)
    fake = discord_fake
    async with running_bot(fake, engine_llm):
        record = await fake.interact("convert", {"pattern": pattern})
        assert (await record.acked()).type == CHANNEL_MESSAGE
        assert record.ephemeral
        assert note(record) == parser.value.message


# -- /rebuild -------------------------------------------------------------------------------------


async def test_rebuild_is_for_owners_and_searches_go_on_meanwhile(
    discord_fake: FakeDiscord, encoder, data_copy, private_index, ollama
) -> None:
    """An administrator who is not an owner is refused; the owner's rebuild runs in the background
    while /similar answers from the old index; a second /rebuild is told one is running."""
    marker = "zebrawood"
    gated = GatedEncoder(encoder, marker)
    engine = engine_with_model(gated, private_index, ollama.url, data_dir=data_copy)
    grooves = sorted((data_copy / "grooves").glob("*.toml"))[0]  # a renamed groove: its technical line is re-encoded
    text = grooves.read_text(encoding="utf-8")
    at = text.index('name = "', text.index("[[grooves]]")) + len('name = "')
    grooves.write_text(text[:at] + f"{marker} " + text[at:], encoding="utf-8")

    fake = discord_fake
    async with running_bot(fake, engine):
        refused = await fake.interact("rebuild", {}, user_id=fake.user_id, permissions=ADMIN_PERMISSIONS)
        await refused.acked()
        assert note(refused).startswith("Only the bot's owners (BOT_OWNER_IDS)")
        assert not engine.rebuilding

        rebuild = await fake.interact("rebuild", {}, user_id=fake.owner_id, permissions=ADMIN_PERMISSIONS)
        ack = await rebuild.acked()
        assert ack.type == DEFERRED_MESSAGE and ack.ephemeral
        await fake.wait(lambda: gated.waiting.is_set(), 30)

        search = await (await fake.interact("similar", {"query": "reggae one drop"})).final(30)
        assert len(search.embeds[0]["fields"]) == 4
        second = await fake.interact("rebuild", {}, user_id=fake.owner_id, permissions=ADMIN_PERMISSIONS)
        await second.acked()
        assert note(second).startswith("A rebuild is already running")

        gated.gate.set()
        done = await rebuild.final(60)
        assert done.ephemeral
        assert unescape(done.content).startswith("Rebuilt the library index: ")
        assert " re-encoded in " in done.content and not engine.rebuilding


async def test_shard_count_runs_an_auto_sharded_bot(engine_llm) -> None:
    """SHARD_COUNT=2: two gateway sessions, each identifying as its shard, and commands still answer."""
    from discord.ext import commands

    async with FakeDiscord(heartbeat_interval_ms=250, shards=2) as fake:
        environ = bot_environ(fake, SHARD_COUNT="2")
        async with running_bot(fake, engine_llm, environ) as bot:
            assert isinstance(bot, commands.AutoShardedBot) and bot.shard_count == 2
            await fake.wait(lambda: len([d for op, d in fake.gateway_log if op == 2]) == 2)
            assert sorted(d["shard"] for op, d in fake.gateway_log if op == 2) == [[0, 2], [1, 2]]
            assert (await (await fake.interact("styles")).acked()).type == CHANNEL_MESSAGE


# -- feel: humanize and swing ---------------------------------------------------------------------


def _off_grid(final: Message) -> float:
    """The share of the MIDI attachment's notes that are not on a 20-tick (swung grid or flam) position."""
    midi = mido.MidiFile(file=io.BytesIO(final.attachment(".mid").data))
    now, ticks = 0, []
    for m in midi.tracks[0]:
        now += m.time
        if m.type == "note_on" and m.velocity > 0:
            ticks.append(now)
    return sum(t % 20 != 0 for t in ticks) / len(ticks)


async def test_drums_with_humanize_and_swing_plays_them_and_its_buttons_keep_them(
    discord_fake: FakeDiscord, engine_llm, ollama
) -> None:
    """humanize: and swing: show in the reply and shape the MIDI; Variation and Regenerate keep them."""
    fake = discord_fake
    async with running_bot(fake, engine_llm):
        first = await drums(fake, {"description": "greasy funk", "bars": 2, "bpm": 96, "humanize": 30, "swing": 100})
        assert field(first, "Tempo") == "96 bpm, swing 100%, humanize 30"
        assert _off_grid(first) > 0.5
        regen_id, vary_id = first.custom_ids[:2]
        varied = await (await fake.interact(custom_id=vary_id, message=first)).final(30, until=has_files)
        assert field(varied, "Tempo") == field(first, "Tempo")
        again = await (await fake.interact(custom_id=regen_id, message=first)).final(30, until=has_files)
        assert field(again, "Tempo") == "96 bpm, swing 100%, humanize 30"


async def test_convert_plays_as_written_unless_asked_for_a_feel(discord_fake: FakeDiscord, engine_llm) -> None:
    """/convert is on the grid by default; with humanize: and swing: it says so and plays them."""
    fake = discord_fake
    text = "ch: x-x-x-x-x-x-x-x-; sd: ----x-------x---; bd: x-------x-------"
    async with running_bot(fake, engine_llm):
        plain = await (await fake.interact("convert", {"pattern": text, "bpm": 90})).final(30, until=has_files)
        assert field(plain, "Tempo") == "90 bpm" and _off_grid(plain) == 0
        options = {"pattern": text, "bpm": 90, "humanize": 40, "swing": 60}
        felt = await (await fake.interact("convert", options)).final(30, until=has_files)
        assert field(felt, "Tempo") == "90 bpm, swing 60%, humanize 40" and _off_grid(felt) > 0.5


async def test_drums_with_a_form_plays_the_song_and_regenerate_and_variation_keep_it(
    discord_fake: FakeDiscord, engine_llm, ollama
) -> None:
    """form: with humanize: and swing: lists the form, puts the whole song in the MIDI (a marker
    per section) and each section once in the picture; both buttons keep the form."""
    fake = discord_fake
    async with running_bot(fake, engine_llm):
        options = {"description": "greasy funk", "bars": 2, "bpm": 96, "humanize": 30, "swing": 100, "form": "aaba"}
        first = await drums(fake, options)
        assert field(first, "Tempo") == "96 bpm, swing 100%, humanize 30"
        assert field(first, "Form").startswith("AABA: A verse ×3, B chorus ×1 (by the model); 2 bars a section, 8 bars")
        assert field(first, "Length") == "8 bars of 4/4"
        midi = mido.MidiFile(file=io.BytesIO(first.attachment(".mid").data))
        now, markers = 0, []
        for m in midi.tracks[0]:
            now += m.time
            if m.type == "marker":
                markers.append((now // 1920, m.text))
        assert markers == [(0, "A"), (2, "A"), (4, "B"), (6, "A")] and now == 8 * 1920
        assert _off_grid(first) > 0.5
        assert all(c.endswith(":30:100:AABA") for c in first.custom_ids[:2])
        regen_id, vary_id = first.custom_ids[:2]
        again = await (await fake.interact(custom_id=regen_id, message=first)).final(30, until=has_files)
        assert field(again, "Form").startswith("AABA: ") and field(again, "Tempo") == field(first, "Tempo")
        varied = await (await fake.interact(custom_id=vary_id, message=first)).final(30, until=has_files)
        assert field(varied, "Form").startswith("AABA: ") and field(varied, "Length") == "8 bars of 4/4"


async def test_a_bad_form_is_answered_ephemerally_before_anything_runs(
    discord_fake: FakeDiscord, engine_llm, ollama
) -> None:
    fake = discord_fake
    async with running_bot(fake, engine_llm):
        record = await fake.interact("drums", {"description": "funk", "form": "ABQ"})
        assert (await record.acked()).type == CHANNEL_MESSAGE
        assert note(record).startswith("form 'ABQ' has 'Q'; write one letter per section")
        assert ollama.requests == []
