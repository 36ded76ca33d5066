"""The bot's memory (bot/memory): votes, saves and /forget, on SQLite and on a real PostgreSQL.

Every test runs twice through the `db_url` fixture: a SQLite file, then a fresh database on
a PostgreSQL server started for the session (skipped, saying why, when none can start).
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.memory import (
    MemoryUnavailable,
    NewSave,
    ReplyRecord,
    SaveLimit,
    Store,
    database_url,
)
from bot.memory import store as store_module
from tests.fakes import closed_port_url

ROOT = Path(__file__).resolve().parents[2]
GUILD, OTHER_GUILD, CHANNEL = 500, 600, 700


def reply(message_id: int, grooves: tuple[str, ...] = ("funk-a", "funk-b"), guild: int | None = GUILD, author=1):
    return ReplyRecord("greasy funk", "bd: x---x---", "Greasy", "funk", 96, 0.1, "llm", grooves,
                       message_id=message_id, guild_id=guild, channel_id=CHANNEL, author_id=author)  # fmt: skip


def keep(user: int, message_id: int | None, name: str = "Greasy") -> NewSave:
    return NewSave(user, name, "funk", "bd: x---x---; sd: ----x---", "greasy funk", 96, 0.1, GUILD, CHANNEL, message_id)


@pytest.fixture
async def store(db_url: str):
    memory = Store(database_url(db_url))
    assert await memory.open()
    yield memory
    await memory.close()


async def test_one_vote_per_user_per_reply_again_withdraws_the_other_changes(store: Store) -> None:
    await store.record_reply(reply(1))
    assert (await store.vote(1, 10, GUILD, 1)).__dict__ == {"up": 1, "down": 0, "mine": 1}
    assert (await store.vote(1, 11, GUILD, 1)).__dict__ == {"up": 2, "down": 0, "mine": 1}
    assert (await store.vote(1, 10, GUILD, -1)).__dict__ == {"up": 1, "down": 1, "mine": -1}  # changed
    assert (await store.vote(1, 10, GUILD, -1)).__dict__ == {"up": 1, "down": 0, "mine": 0}  # withdrawn
    assert (await store.tally(1, 11)).mine == 1 and (await store.tally(1, 10)).mine == 0
    assert (await store.tally(99)).__dict__ == {"up": 0, "down": 0, "mine": 0}


async def test_vote_counts_per_groove_in_the_guild_and_everywhere(store: Store) -> None:
    """Each vote counts for every groove the reply was based on; a Variation inherits its source's grooves."""
    await store.record_reply(reply(1, ("funk-a", "funk-b")))
    await store.record_reply(reply(2, ("funk-b",), guild=OTHER_GUILD))
    await store.record_reply(reply(3, ()), inherit_from=1)  # a variation of reply 1
    for user in (10, 11):
        await store.vote(1, user, GUILD, 1)
    await store.vote(2, 10, OTHER_GUILD, -1)
    await store.vote(3, 12, GUILD, -1)
    await store.vote(42, 12, GUILD, 1)  # a reply the bot never recorded counts for no groove
    counts = await store.vote_counts(GUILD)
    assert counts.per_guild == {"funk-a": (2, 1), "funk-b": (2, 1)}
    assert counts.everywhere == {"funk-a": (2, 1), "funk-b": (2, 2)}
    assert (await store.vote_counts(None)).per_guild == {}
    assert (await store.reply(3)).grooves == ("funk-a", "funk-b")


async def test_recording_a_reply_twice_keeps_the_first(store: Store) -> None:
    await store.record_reply(reply(1, ("funk-a",)))
    await store.record_reply(reply(1, ("other",)))
    assert (await store.reply(1)).grooves == ("funk-a",)
    assert await store.reply(2) is None


async def test_saves_newest_first_in_pages_and_each_reply_once(store: Store) -> None:
    for message in range(1, 8):
        result = await store.save(keep(10, message, f"Groove {message}"))
        assert result.created and result.total == message
    again = await store.save(keep(10, 3))
    assert not again.created and again.groove.name == "Groove 3" and again.total == 7
    await store.save(keep(11, 3))  # another user's save of the same reply is theirs
    first = await store.saved_page(10, 0, 3)
    assert [g.name for g in first.items] == ["Groove 7", "Groove 6", "Groove 5"] and first.has_next
    last = await store.saved_page(10, 2, 3)
    assert [g.name for g in last.items] == ["Groove 1"] and not last.has_next and last.total == 7
    assert (await store.saved_page(10, 9, 3)).page == 2  # past the end: the last page
    assert [g.name for g in await store.all_saves(10)][:2] == ["Groove 7", "Groove 6"]
    saved = first.items[0]
    assert (saved.bpm, saved.swing, saved.guild_id, saved.message_id) == (96, 0.1, GUILD, 7)
    assert saved.created.tzinfo is not None
    assert (await store.saved_page(12, 0, 3)).items == ()


async def test_a_user_keeps_at_most_the_save_limit(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "MAX_SAVES_PER_USER", 2)
    await store.save(keep(10, 1))
    await store.save(keep(10, 2))
    with pytest.raises(SaveLimit, match="you already keep 2 saved grooves"):
        await store.save(keep(10, 3))
    assert (await store.saved_page(10, 0, 5)).total == 2


async def test_forget_deletes_a_users_saves_and_votes_and_unlinks_their_replies(store: Store) -> None:
    await store.record_reply(reply(1, author=10))
    await store.record_reply(reply(2, author=11))
    await store.vote(1, 10, GUILD, 1)
    await store.vote(2, 10, GUILD, -1)
    await store.vote(1, 11, GUILD, 1)
    await store.save(keep(10, 1))
    await store.save(keep(11, 1))
    held = await store.holdings(10)
    assert (held.saves, held.votes, held.replies) == (1, 2, 1)
    gone = await store.forget(10)
    assert (gone.saves, gone.votes, gone.replies) == (1, 2, 1)
    assert (await store.holdings(10)).empty
    assert (await store.tally(1)).__dict__ == {"up": 1, "down": 0, "mine": 0}  # the other user's vote stays
    assert (await store.saved_page(11, 0, 5)).total == 1
    assert (await store.reply(1)).author_id is None  # the public reply stays, nameless
    assert (await store.vote_counts(GUILD)).everywhere == {"funk-a": (1, 0), "funk-b": (1, 0)}


async def test_fifty_concurrent_votes_are_all_counted(store: Store) -> None:
    await store.record_reply(reply(1))
    tallies = await asyncio.gather(*(store.vote(1, user, GUILD, 1 if user % 5 else -1) for user in range(50)))
    assert all(t.mine in (1, -1) for t in tallies)
    assert (await store.tally(1)).__dict__ == {"up": 40, "down": 10, "mine": 0}


async def test_what_was_stored_is_there_for_a_new_store(db_url: str) -> None:
    """A restart: the migrations find the schema current, and the data is all there."""
    first = Store(database_url(db_url))
    await first.open()
    await first.record_reply(reply(1))
    await first.vote(1, 10, GUILD, 1)
    await first.save(keep(10, 1))
    await first.close()
    second = Store(database_url(db_url))
    assert await second.open()
    assert (await second.tally(1, 10)).mine == 1
    assert (await second.saved_page(10, 0, 5)).total == 1
    await second.close()


_OTHER_PROCESS = """
import asyncio, json, sys
from bot.memory import NewSave, Store, database_url

async def main():
    store = Store(database_url(sys.argv[1]))
    await store.open()
    tally = await store.vote(1, 20, 500, -1)
    await store.save(NewSave(20, "From afar", "funk", "bd: x---", "funk", 90, 0.0, 500, 700, 1))
    page = await store.saved_page(10, 0, 5)
    await store.close()
    print(json.dumps({"up": tally.up, "down": tally.down, "saves_of_10": page.total}))

asyncio.run(main())
"""


async def test_two_processes_on_one_database_see_each_others_votes_and_saves(db_url: str) -> None:
    here = Store(database_url(db_url))
    await here.open()
    await here.record_reply(reply(1))
    await here.vote(1, 10, GUILD, 1)
    await here.save(keep(10, 1))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-c", _OTHER_PROCESS, db_url], capture_output=True, text=True, env=env,
        timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"up": 1, "down": 1, "saves_of_10": 1}  # it saw ours
    assert (await here.tally(1)).__dict__ == {"up": 1, "down": 1, "mine": 0}  # we see theirs
    assert [g.name for g in await here.all_saves(20)] == ["From afar"]
    await here.close()


@pytest.mark.parametrize("where", ["closed PostgreSQL port", "SQLite under a file"])
async def test_an_unreachable_database_is_memory_unavailable_not_a_crash(tmp_path: Path, where: str) -> None:
    if where == "SQLite under a file":
        (tmp_path / "not-a-folder").write_text("x")
        url = f"sqlite:///{tmp_path / 'not-a-folder' / 'memory.sqlite3'}"
    else:
        url = closed_port_url().replace("http://", "postgresql://user:secret@") + "/pydrums"
    memory = Store(database_url(url), timeout=3)
    assert await memory.open() is False
    with pytest.raises(MemoryUnavailable) as raised:
        await memory.vote(1, 10, GUILD, 1)
    assert str(raised.value) == "saves and votes are not available right now; try again in a minute."
    await memory.close()


async def test_a_lost_postgresql_connection_is_one_sentence_and_recovers(postgres_server) -> None:
    """The server goes away under a running store, then comes back: calls fail cleanly, then work again."""
    memory = Store(database_url(postgres_server.new_database()), timeout=3)
    await memory.open()
    await memory.record_reply(reply(1))
    await memory.vote(1, 10, GUILD, 1)
    postgres_server.stop()
    try:
        with pytest.raises(MemoryUnavailable):
            await memory.vote(1, 11, GUILD, 1)
    finally:
        postgres_server.restart()
    assert (await memory.vote(1, 11, GUILD, 1)).up == 2  # pre-ping replaces the dead connections
    await memory.close()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("postgresql://u:pw@db.example:5432/pydrums", "postgresql+asyncpg://u:pw@db.example:5432/pydrums"),
        ("postgres://u@db/pydrums", "postgresql+asyncpg://u@db/pydrums"),
        ("sqlite:///data/x.sqlite3", "sqlite+aiosqlite:///data/x.sqlite3"),
        ("sqlite+aiosqlite:////abs/x.sqlite3", "sqlite+aiosqlite:////abs/x.sqlite3"),
    ],
)
def test_database_urls_get_their_async_driver(text: str, expected: str) -> None:
    assert database_url(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("mysql://u:pw@db/x", "'mysql' databases are not supported; expected sqlite:///"),
        ("sqlite://", "a SQLite URL needs a file"),
        ("postgresql://u:hunter2@db", "a PostgreSQL URL needs a host and a database name"),
        ("not a url", "is not a database URL; expected sqlite:///"),
    ],
)
def test_a_bad_database_url_says_what_is_expected_without_the_password(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message) as raised:
        database_url(text)
    assert "hunter2" not in str(raised.value)


async def test_two_stores_starting_at_once_migrate_once(db_url: str) -> None:
    """Two processes (here: two stores) starting together on an empty database: both open, one schema."""
    first, second = Store(database_url(db_url)), Store(database_url(db_url))
    assert await asyncio.gather(first.open(), second.open()) == [True, True]
    await first.record_reply(reply(1))
    assert (await second.vote(1, 10, GUILD, 1)).up == 1
    await first.close()
    await second.close()


async def test_six_stores_opening_a_new_sqlite_file_together_all_open(tmp_path) -> None:
    """Six processes starting at once on a new SQLite file: none is refused while another switches it to WAL."""
    for round_ in range(10):
        url = database_url(f"sqlite:///{tmp_path}/new-{round_}.sqlite3")
        stores = [Store(url) for _ in range(6)]
        try:
            assert await asyncio.gather(*(s.open() for s in stores)) == [True] * 6
        finally:
            for store in stores:
                await store.close()
