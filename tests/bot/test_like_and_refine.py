"""More like this, Refine, /similar pattern: and votes in the ranking, as a Discord user meets them.

The real bot against the fake Discord over 127.0.0.1. The model server is down in most of
these tests (`engine_down`), so every answer is the engine's own and can be read exactly:
Refine then makes the engine's edit of the shown groove and says so.
"""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.formatting import strip_code, unescape
from bot.handlers import NOTHING_TO_SEARCH
from bot.memory import ReplyRecord
from pydrums_engine.errors import NotationError
from pydrums_engine.notation import Pattern
from tests.bot.conftest import running_bot
from tests.bot.test_commands import drums, field, has_files, note
from tests.bot.test_memory_commands import button, buttons
from tests.fakes.discord_api import DEFERRED_UPDATE, MODAL, FakeDiscord, Message

BACKBEAT = "bd: x---x---x---x---; sd: ----x-------x---"


def hit_patterns(engine, message: Message) -> list[Pattern]:
    """The patterns of the grooves a /similar (or More like this) answer lists, read from their code blocks."""
    found = []
    for item in message.embeds[0]["fields"]:
        if "```" in item["value"]:
            found.append(engine.parse(strip_code(item["value"].split("```")[1])))
    return found


def hit_names(message: Message) -> list[str]:
    return [unescape(f["name"]).split(". ", 1)[1] for f in message.embeds[0]["fields"] if ". " in f["name"]]


def shown_pattern(engine, message: Message) -> Pattern:
    """The pattern in the answer's own code block (a /drums answer's groove, a search's pattern)."""
    return engine.parse(strip_code(message.embeds[0]["description"].split("```")[1]))


def four_on_the_floor(pattern: Pattern) -> bool:
    """A kick on every beat of every bar of a 4/4 pattern."""
    beat = pattern.steps_per_bar // 4
    kicks = set(pattern.hits("bd")) if "bd" in pattern.tracks else set()
    return pattern.time_signature == "4/4" and all(i in kicks for i in range(0, len(pattern.steps("bd")), beat))


def hat_hits(pattern: Pattern) -> int:
    return sum(len(pattern.hits(code)) for code in ("ch", "oh", "ph") if code in pattern.tracks)


async def recorded(memory, message_id: int, timeout: float = 10.0):
    """The memory's record of an answer: written right after the answer is sent, so it may trail it."""
    deadline = asyncio.get_running_loop().time() + timeout
    while (record := await memory.reply(message_id)) is None and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.05)
    return record


async def press_like(fake: FakeDiscord, message: Message, **kwargs) -> Message:
    record = await fake.interact(custom_id=button(message, "More like this"), message=message, **kwargs)
    return await record.final(30)


async def refine(fake: FakeDiscord, answer: Message, instruction: str):
    """Press Refine under ``answer``, check the form, send ``instruction``; the submit's record."""
    opened = await fake.interact(custom_id=button(answer, "Refine"), message=answer)
    assert (await opened.acked()).type == MODAL
    form = opened.modal
    assert form["title"] == "Refine this groove"
    text_input = form["components"][0]["components"][0]
    assert (text_input["label"], text_input["placeholder"], text_input["max_length"]) == (
        "What should change?",
        "busier hats, no crash",
        300,
    )
    return await fake.interact(
        custom_id=form["custom_id"], fields={text_input["custom_id"]: instruction}, message=answer
    )


# -- More like this ---------------------------------------------------------------------------------


async def test_more_like_this_on_a_four_on_the_floor_answer_lists_four_on_the_floor_grooves_after_a_restart(
    discord_fake: FakeDiscord, engine_down
) -> None:
    """Pressed on a house answer from an earlier bot process: a new public message listing library
    grooves whose rhythm is closest: kick on every beat, as in the groove shown."""
    fake = discord_fake
    async with running_bot(fake, engine_down):
        answer = await drums(fake, {"description": "four on the floor house, kick on every beat"})
        assert four_on_the_floor(shown_pattern(engine_down, answer))

    async with running_bot(fake, engine_down):  # a new process, knowing nothing of the message
        like = await press_like(fake, answer)
    assert like.id != answer.id and not like.ephemeral
    assert unescape(like.embeds[0]["description"]).startswith("Grooves with a rhythm like this:")
    assert shown_pattern(engine_down, like).tracks == shown_pattern(engine_down, answer).tracks
    patterns = hit_patterns(engine_down, like)
    assert len(patterns) == 5
    assert all(four_on_the_floor(p) for p in patterns), [p.to_text(one_line=True) for p in patterns]
    assert all(p.tracks != shown_pattern(engine_down, answer).tracks for p in patterns)  # never the grid itself
    how_alike = [float(f["value"].split("similarity ")[1].split()[0]) for f in like.embeds[0]["fields"]]
    assert all(0.5 < v <= 1 for v in how_alike) and how_alike == sorted(how_alike, reverse=True)


async def test_more_like_this_on_a_similar_answer_searches_from_its_top_groove(
    discord_fake: FakeDiscord, engine_down
) -> None:
    fake = discord_fake
    async with running_bot(fake, engine_down):
        search = await (await fake.interact("similar", {"query": "laid back reggae one drop", "count": 2})).final(30)
        assert buttons(search)[0][-1] == "More like this"
        top = hit_patterns(engine_down, search)[0]
        like = await press_like(fake, search)
        assert like.id != search.id
        assert shown_pattern(engine_down, like).tracks == top.ordered().tracks
        assert top.tracks not in [p.tracks for p in hit_patterns(engine_down, like)]


# -- Refine ---------------------------------------------------------------------------------------


async def test_refine_no_crash_then_busier_hats_changes_the_grid_and_keeps_every_button(
    discord_fake: FakeDiscord, engine_down
) -> None:
    """The form opened in one bot process and sent in the next still answers; 'no crash' leaves no
    crash; refining the refinement, 'busier hats' adds hat hits and keeps the crash out."""
    fake = discord_fake
    async with running_bot(fake, engine_down):
        answer = await drums(fake, {"description": "rock beat with a crash on the one", "bpm": 120})
        first = shown_pattern(engine_down, answer)
        assert "cc" in first.tracks and first.hits("cc")
        opened = await fake.interact(custom_id=button(answer, "Refine"), message=answer)
        form = (await opened.acked()).data

    async with running_bot(fake, engine_down) as bot:
        submit = await fake.interact(custom_id=form["custom_id"], fields={"instruction": "no crash"}, message=answer)
        refined = await submit.final(30, until=has_files)
        pattern = shown_pattern(engine_down, refined)
        assert "cc" not in pattern.tracks or not pattern.hits("cc")
        assert pattern.hits("bd") == first.hits("bd") and pattern.hits("sd") == first.hits("sd")
        assert unescape(refined.embeds[0]["title"]) == unescape(answer.embeds[0]["title"]) + " (refined)"
        assert "no crash" in field(refined, "Refined")
        assert field(refined, "Request") == "rock beat with a crash on the one, no crash"
        assert field(refined, "Tempo").startswith("120 bpm")
        assert refined.embeds[0]["footer"]["text"].startswith("A refinement of the groove above, not by the model")
        assert buttons(refined) == [["Regenerate", "Variation", "More like this", "Refine"], ["👍", "👎", "Save"]]
        source, kept = await recorded(bot.memory, answer.id), await recorded(bot.memory, refined.id)
        assert kept is not None and kept.source == "refine" and kept.grooves == source.grooves != ()

        busier = await (await refine(fake, refined, "busier hats")).final(30, until=has_files)
        again = shown_pattern(engine_down, busier)
        assert hat_hits(again) > hat_hits(pattern)
        assert "cc" not in again.tracks or not again.hits("cc")  # the earlier change holds
        assert field(busier, "Request") == "rock beat with a crash on the one, no crash, busier hats"
        assert unescape(busier.embeds[0]["title"]).count("(refined)") == 1


async def test_an_unreadable_instruction_is_one_ephemeral_sentence(
    discord_fake: FakeDiscord, engine_down, caplog: pytest.LogCaptureFixture
) -> None:
    fake = discord_fake
    async with running_bot(fake, engine_down):
        answer = await drums(fake, {"description": "greasy funk"})
        record = await refine(fake, answer, "purple elephants at dawn")
        await record.followup(timeout=30)
        sentence = note(record)
        assert sentence and "\n" not in sentence and "Traceback" not in sentence
        assert "busier hats" in sentence  # says what works
        assert record.original is not None and record.original.deleted  # no "thinking" left behind
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
        empty = await refine(fake, answer, "   ")
        await empty.acked()
        assert note(empty).startswith("say what should change")


# -- /similar pattern: ----------------------------------------------------------------------------


async def test_similar_by_pattern_by_both_and_by_neither(discord_fake: FakeDiscord, engine_down) -> None:
    """pattern: alone lists grooves by rhythm; with query: too both count; with neither, or with
    bad notation, one ephemeral sentence saying what is expected."""
    fake = discord_fake
    with pytest.raises(NotationError) as parser:
        engine_down.parse("bd: x---y---x---x---")
    async with running_bot(fake, engine_down):
        by_rhythm = await (await fake.interact("similar", {"pattern": BACKBEAT, "count": 5})).final(30)
        assert "Query" not in [f["name"] for f in by_rhythm.embeds[0]["fields"]]
        assert shown_pattern(engine_down, by_rhythm).tracks == engine_down.parse(BACKBEAT).ordered().tracks
        assert len(hit_patterns(engine_down, by_rhythm)) == 5
        assert all(" similarity 0.00" not in f["value"] for f in by_rhythm.embeds[0]["fields"])

        both = await (await fake.interact("similar", {"query": "reggae one drop", "pattern": BACKBEAT})).final(30)
        assert field(both, "Query") == "reggae one drop"
        assert shown_pattern(engine_down, both).tracks == engine_down.parse(BACKBEAT).ordered().tracks
        assert hit_names(both) != hit_names(by_rhythm)[:3]

        neither = await fake.interact("similar", {})
        await neither.acked()
        assert note(neither) == NOTHING_TO_SEARCH

        bad = await fake.interact("similar", {"pattern": "bd: x---y---x---x---"})
        await bad.acked()
        assert note(bad) == parser.value.message


async def test_a_pattern_search_pages_with_its_pattern(discord_fake: FakeDiscord, engine_down) -> None:
    fake = discord_fake
    async with running_bot(fake, engine_down):
        first = await (await fake.interact("similar", {"pattern": BACKBEAT, "count": 2})).final(30)
        turn = await fake.interact(custom_id=button(first, "▶"), message=first)
        assert (await turn.acked()).type == DEFERRED_UPDATE
        second = await turn.final(30)
        assert second.id == first.id
        assert [unescape(f["name"]).split(".")[0] for f in second.embeds[0]["fields"]] == ["3", "4"]
        assert shown_pattern(engine_down, second).tracks == engine_down.parse(BACKBEAT).ordered().tracks
        expected = engine_down.similar(pattern=BACKBEAT, k=4)[2:]
        assert hit_names(second) == [hit.name for hit in expected]


# -- votes ----------------------------------------------------------------------------------------


async def test_votes_in_the_server_reorder_two_equally_relevant_grooves(discord_fake: FakeDiscord, engine_down) -> None:
    """Of two grooves about equally relevant to a query, the one the server voted 👍 comes first
    once the votes are in, and the one voted 👎 after it."""
    fake = discord_fake
    query = "funk with ghost notes"
    hits = engine_down.similar(query, k=10)
    pair = next(i for i in range(len(hits) - 1) if hits[i].score - hits[i + 1].score < 0.02)
    ahead, behind = hits[pair], hits[pair + 1]
    async with running_bot(fake, engine_down) as bot:
        before = await (await fake.interact("similar", {"query": query, "count": 10})).final(30)
        names = hit_names(before)
        assert names.index(ahead.name) < names.index(behind.name)
        for message_id, groove, value in ((1, behind.id, 1), (2, ahead.id, -1)):
            record = ReplyRecord("x", "bd: x", "x", "funk", 96, 0.0, "llm", (groove,), message_id=message_id,
                                 guild_id=fake.guild_id, channel_id=fake.channel_id, author_id=None)  # fmt: skip
            await bot.memory.record_reply(record)
            for user in range(30):
                await bot.memory.vote(message_id, 1000 + user, fake.guild_id, value)
        bot.votes.forget(fake.guild_id)  # as a vote through the buttons does
        after = await (await fake.interact("similar", {"query": query, "count": 10})).final(30)
        names = hit_names(after)
        assert names.index(behind.name) < names.index(ahead.name)
