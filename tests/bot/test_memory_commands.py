"""Votes, Save, /saved and /forget as a Discord user meets them: the real bot against the fake Discord.

The memory is the test's own SQLite file (`memory_file`); the tests taking `db_url` run
twice, on SQLite and on a real PostgreSQL server (skipped, saying why, when none starts).
"""

from __future__ import annotations

import asyncio
import io
import os
import signal
import sys
import zipfile
from pathlib import Path

import mido
import pytest

from bot.formatting import unescape
from bot.memory import Store, database_url
from tests.bot.conftest import bot_environ, running_bot
from tests.bot.test_commands import drums, field, has_files, note
from tests.fakes import FakeOllama
from tests.fakes.discord_api import DEFERRED_UPDATE, FakeDiscord, Message

ROOT = Path(__file__).resolve().parents[2]
UNAVAILABLE = "That did not work: saves and votes are not available right now; try again in a minute."


def buttons(message: Message) -> list[list[str]]:
    """The labels of the message's buttons, row by row."""
    return [[c.get("label", "") for c in row["components"]] for row in message.components]


def button(message: Message, label: str) -> str:
    return next(c["custom_id"] for row in message.components for c in row["components"] if c.get("label") == label)


def votes_shown(message: Message) -> str | None:
    found = [unescape(f["value"]) for f in message.embeds[0]["fields"] if unescape(f["name"]) == "Votes"]
    return found[0] if found else None


async def press(fake: FakeDiscord, message: Message, label: str, user_id: int | None = None) -> str:
    """Press a button and return the sentence only the presser sees."""
    record = await fake.interact(custom_id=button(message, label), message=message, user_id=user_id)
    return await heard(record)


async def heard(record) -> str:
    """The one sentence an interaction's user is told: an ephemeral follow-up, or the edited ephemeral reply."""

    def told() -> bool:
        if record.followups:
            return True
        original = record.original
        return original is not None and original.ephemeral and not original.loading and not original.deleted

    await record.wait(told, 30)
    if record.followups:
        return note(record)
    return unescape(record.original.content)


async def test_a_drums_answer_has_two_rows_of_buttons(discord_fake: FakeDiscord, engine_llm) -> None:
    """Row 0: Regenerate, Variation, More like this, Refine; row 1: 👍, 👎, Save (labels exactly as
    the product names them)."""
    async with running_bot(discord_fake, engine_llm):
        answer = await drums(discord_fake, {"description": "greasy funk with ghost notes"})
        assert buttons(answer) == [["Regenerate", "Variation", "More like this", "Refine"], ["👍", "👎", "Save"]]
        assert votes_shown(answer) is None


async def test_one_vote_per_user_again_withdraws_the_other_changes_and_the_answer_shows_the_counts(
    discord_fake: FakeDiscord, engine_llm, db_url: str
) -> None:
    fake = discord_fake
    async with running_bot(fake, engine_llm, bot_environ(fake, PYDRUMS_DB_URL=db_url)):
        answer = await drums(fake, {"description": "greasy funk with ghost notes"})
        assert await press(fake, answer, "👍") == "Your 👍 is counted (👍 1 · 👎 0)."
        assert votes_shown(fake.messages[answer.id]) == "👍 1 · 👎 0"
        assert await press(fake, answer, "👎", user_id=fake.owner_id) == "Your 👎 is counted (👍 1 · 👎 1)."
        assert await press(fake, answer, "👍") == "Your 👍 is withdrawn (👍 0 · 👎 1)."
        assert await press(fake, answer, "👎") == "Your 👎 is counted (👍 0 · 👎 2)."
        shown = fake.messages[answer.id]
        assert votes_shown(shown) == "👍 0 · 👎 2"
        assert len(shown.attachments) == 3 and shown.embeds[0]["description"] == answer.embeds[0]["description"]
        assert field(shown, "Request") == "greasy funk with ghost notes"  # Regenerate still reads it
        varied = await (await fake.interact(custom_id=button(answer, "Variation"), message=answer)).final(
            30, until=has_files
        )
        assert votes_shown(varied) is None  # a new answer, with votes of its own
        await press(fake, varied, "👍")
        # the ranking nudge: the votes count for the library grooves the answer was based on,
        # and a variation's for the grooves of the answer it varied
        memory = Store(database_url(db_url))
        record = await memory.reply(answer.id)
        variation = await memory.reply(varied.id)
        counts = await memory.vote_counts(fake.guild_id)
        await memory.close()
        assert record is not None and record.grooves and record.author_id == fake.user_id
        assert variation is not None and variation.grooves == record.grooves and variation.source == "variation"
        assert counts.per_guild == counts.everywhere == dict.fromkeys(record.grooves, (1, 2))


async def test_votes_on_an_old_answer_keep_counting_after_a_restart(discord_fake: FakeDiscord, engine_llm) -> None:
    """Press, restart the bot, press again: the counts carry on from the database."""
    fake = discord_fake
    environ = bot_environ(fake)
    async with running_bot(fake, engine_llm, environ):
        answer = await drums(fake, {"description": "laid back reggae one drop"})
        await press(fake, answer, "👍")
    async with running_bot(fake, engine_llm, environ):  # a new process, knowing nothing of the message
        assert await press(fake, answer, "👍", user_id=fake.owner_id) == "Your 👍 is counted (👍 2 · 👎 0)."
        assert await press(fake, answer, "👍") == "Your 👍 is withdrawn (👍 1 · 👎 0)."
        assert votes_shown(fake.messages[answer.id]) == "👍 1 · 👎 0"


async def test_save_then_saved_pages_and_exports_them_then_forget_deletes_everything(
    discord_fake: FakeDiscord, engine_llm, db_url: str
) -> None:
    fake = discord_fake
    async with running_bot(fake, engine_llm, bot_environ(fake, PYDRUMS_DB_URL=db_url)):
        answers = [await drums(fake, {"description": f"driving rock beat number {n}"}) for n in range(6)]
        for answer in answers:
            assert (await press(fake, answer, "Save")).startswith("Saved “")
        assert (await press(fake, answers[0], "Save")).startswith("You had already saved")
        await press(fake, answers[0], "👍")

        listing = await (await fake.interact("saved")).final(30)
        assert listing.ephemeral
        assert unescape(listing.embeds[0]["title"]) == "Your saved grooves (6)"
        names = [unescape(f["name"]) for f in listing.embeds[0]["fields"]]
        newest = unescape(answers[-1].embeds[0]["title"])
        assert names[0] == f"1. {newest}" and len(names) == 5
        assert buttons(listing) == [["◀", "▶", "Export .zip"]]

        turn = await fake.interact(custom_id=button(listing, "▶"), message=listing)
        assert (await turn.acked()).type == DEFERRED_UPDATE
        second = await turn.final(30)
        oldest = unescape(answers[0].embeds[0]["title"])
        assert [unescape(f["name"]) for f in second.embeds[0]["fields"]] == [f"6. {oldest}"]

        export = await fake.interact(custom_id=button(second, "Export .zip"), message=second)
        sent = await export.final(30, until=lambda m: bool(m.attachments))
        assert sent.ephemeral
        archive = zipfile.ZipFile(io.BytesIO(sent.attachment(".zip").data))
        midis = sorted(n for n in archive.namelist() if n.endswith(".mid"))
        assert len(midis) == 6 and "grooves.txt" in archive.namelist()
        song = mido.MidiFile(file=io.BytesIO(archive.read(midis[0])))
        assert any(m.type == "note_on" and m.channel == 9 for m in song)
        text = archive.read("grooves.txt").decode()
        assert text.count("# asked: driving rock beat number") == 6

        prompt = await (await fake.interact("forget")).final(30)
        assert prompt.ephemeral and "6 saved grooves, 1 vote and your name on 6 /drums answers" in prompt.content
        delete = button(prompt, "Delete my data")
        stranger = await fake.interact(custom_id=delete, message=prompt, user_id=fake.owner_id)
        await stranger.acked()
        assert note(stranger).startswith("These buttons belong to whoever ran the command")
        confirm = await fake.interact(custom_id=delete, message=prompt)
        done = await confirm.final(30)
        assert done.content.startswith("Done: deleted 6 saved grooves, 1 vote and your name on 6 /drums answers")
        assert done.components == []
        empty = await (await fake.interact("saved")).final(30)
        assert "You have no saved grooves yet" in empty.content
        again = await (await fake.interact("forget")).final(30)
        assert again.content == "The bot keeps nothing about you: no saved grooves, no votes."


async def test_with_the_database_down_drums_answers_and_a_vote_is_one_sentence(
    discord_fake: FakeDiscord, engine_llm, tmp_path: Path
) -> None:
    """A memory that cannot be opened (its folder is a file): /drums as ever; 👍, Save, /saved say so in one line."""
    fake = discord_fake
    (tmp_path / "blocked").write_text("not a folder")
    environ = bot_environ(fake, PYDRUMS_DB_URL=f"sqlite:///{tmp_path / 'blocked' / 'memory.sqlite3'}")
    async with running_bot(fake, engine_llm, environ):
        answer = await drums(fake, {"description": "greasy funk with ghost notes"})
        assert has_files(answer)
        assert await press(fake, answer, "👍") == UNAVAILABLE
        assert votes_shown(fake.messages[answer.id]) is None
        assert await press(fake, answer, "Save") == UNAVAILABLE
        assert await heard(await fake.interact("saved")) == UNAVAILABLE
        again = await drums(fake, {"description": "laid back reggae"})  # still answering (votes left out)
        assert has_files(again)
        search = await (await fake.interact("similar", {"query": "laid back reggae"})).final(30)
        assert len(search.embeds[0]["fields"]) == 4  # the query and three grooves, without the votes' nudge


@pytest.mark.slow
async def test_a_confirmed_vote_and_save_survive_kill_9(
    discord_fake: FakeDiscord, private_index: Path, tmp_path: Path, memory_file: str
) -> None:
    """The bot process confirms a vote and a save, is killed with SIGKILL at once; both are in the database."""
    fake = discord_fake
    with FakeOllama() as ollama:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "SHARD_"))}
        env.update(
            fake.env(),
            DEV_GUILD_ID=str(fake.guild_id),
            OLLAMA_HOST=ollama.url,
            PYDRUMS_INDEX_DIR=str(private_index),
            PYDRUMS_DB_URL=memory_file,
            DRUMS_COOLDOWN_SECONDS="0",
            PYTHONPATH=str(ROOT),
            HF_HUB_OFFLINE="1",
        )
        with (tmp_path / "bot.log").open("wb") as sink:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", cwd=tmp_path, env=env, stdin=asyncio.subprocess.DEVNULL, stdout=sink,
                stderr=sink,
            )  # fmt: skip
            try:
                await fake.wait_for_sync(fake.guild_id, timeout=180)
                answer = await (await fake.interact("drums", {"description": "groovy funk"}, timeout=30)).final(
                    60, until=has_files
                )
                assert await press(fake, answer, "👍") == "Your 👍 is counted (👍 1 · 👎 0)."
                assert (await press(fake, answer, "Save")).startswith("Saved “")
                process.send_signal(signal.SIGKILL)
                await asyncio.wait_for(process.wait(), 30)
            finally:
                if process.returncode is None:
                    process.kill()
                    await process.wait()
    memory = Store(database_url(memory_file))
    try:
        assert (await memory.tally(answer.id, fake.user_id)).mine == 1
        saved = await memory.all_saves(fake.user_id)
        assert [s.message_id for s in saved] == [answer.id]
        assert saved[0].name == unescape(answer.embeds[0]["title"])
    finally:
        await memory.close()


async def test_a_lost_postgresql_server_is_one_sentence_and_drums_keeps_answering(
    discord_fake: FakeDiscord, engine_llm, postgres_server
) -> None:
    """PostgreSQL goes away under the running bot: /drums answers, a vote says so in one sentence; back, it counts."""
    fake = discord_fake
    environ = bot_environ(fake, PYDRUMS_DB_URL=postgres_server.new_database())
    async with running_bot(fake, engine_llm, environ):
        answer = await drums(fake, {"description": "greasy funk with ghost notes"})
        assert await press(fake, answer, "👍") == "Your 👍 is counted (👍 1 · 👎 0)."
        postgres_server.stop()
        try:
            assert has_files(await drums(fake, {"description": "laid back reggae"}))
            assert await press(fake, answer, "👎") == UNAVAILABLE
            assert votes_shown(fake.messages[answer.id]) == "👍 1 · 👎 0"
        finally:
            postgres_server.restart()
        assert await press(fake, answer, "👎") == "Your 👎 is counted (👍 0 · 👎 1)."
