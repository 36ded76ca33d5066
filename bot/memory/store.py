"""The bot's memory: replies sent, votes, saves; one async code path for SQLite and PostgreSQL.

    store = Store(settings.db_url)    # no connection yet
    await store.open()                # migrations to the newest revision; False when unreachable
    await store.record_reply(...)     # every call: plain data in, plain data out
    await store.close()

Every call runs in one transaction within ``timeout`` seconds through an async driver
(aiosqlite, asyncpg), so the event loop never waits on the disk or the network, and a
call returns only after its transaction committed: what the bot confirmed to a user
survives a crash right after. A database that cannot be reached, is full, or breaks the
connection becomes `MemoryUnavailable` (one sentence for the user; the cause is logged);
the store keeps trying again, at most every ``RETRY_SECONDS``, so it recovers by itself.

SQLite runs in WAL mode with ``synchronous=FULL`` and takes its write lock when a
transaction begins (``BEGIN IMMEDIATE``), so a read-then-write (a vote's toggle) never
deadlocks against another connection or process; PostgreSQL serialises migrations with an
advisory lock, so several processes may start at once.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, case, delete, event, func, insert, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from pydrums_engine.errors import InputError, PyDrumsError

from .schema import replies, reply_grooves, saves, votes
from .url import shown_url

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
STORE_TIMEOUT_SECONDS = 5.0  # one call, connection included; a button's reply is deferred first
RETRY_SECONDS = 5.0  # after a failure to reach the database, calls fail at once for this long
MAX_SAVES_PER_USER = 500  # more than a /saved export can hold in one Discord attachment is never needed
_MIGRATION_LOCK = 0x5079_4472_756D  # "PyDrum": PostgreSQL advisory lock key for migrations
_T = TypeVar("_T")

try:  # asyncpg's own errors can escape SQLAlchemy's wrapping while a connection is being made
    from asyncpg import InterfaceError as _PgInterfaceError
    from asyncpg import PostgresError as _PgError

    _DRIVER_ERRORS: tuple[type[BaseException], ...] = (_PgError, _PgInterfaceError)
except ImportError:  # pragma: no cover - asyncpg is a dependency
    _DRIVER_ERRORS = ()
_UNREACHABLE = (SQLAlchemyError, OSError, TimeoutError, *_DRIVER_ERRORS)


class MemoryUnavailable(PyDrumsError):
    """The database did not answer (down, full, connection lost); nothing was stored."""

    def __init__(self) -> None:
        super().__init__("saves and votes are not available right now; try again in a minute.")


class SaveLimit(InputError):
    """A user already keeps the most saves the bot allows."""


@dataclass(frozen=True)
class Memo:
    """What the memory keeps of a reply's content, made with the reply (`bot.replies`).

    ``grooves``: the library grooves it was based on, the ones votes on it count for; a
    Variation's are its source's (``source`` "variation", ``grooves`` empty: inherited).
    """

    request: str
    notation: str
    name: str
    style: str
    bpm: int
    swing: float
    source: str
    grooves: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ReplyRecord(Memo):
    """A /drums reply as sent: its `Memo`, and where and for whom (the message's ids)."""

    message_id: int
    guild_id: int | None
    channel_id: int
    author_id: int | None


@dataclass(frozen=True)
class Tally:
    """Votes on one reply; ``mine`` is the asking user's: 1, -1 or 0 (none)."""

    up: int
    down: int
    mine: int = 0


@dataclass(frozen=True)
class VoteCounts:
    """(up, down) votes per library groove, through the replies based on it: in one guild and everywhere."""

    per_guild: dict[str, tuple[int, int]]
    everywhere: dict[str, tuple[int, int]]


@dataclass(frozen=True)
class NewSave:
    """A groove a user keeps, and where it was made."""

    user_id: int
    name: str
    style: str
    notation: str
    request: str
    bpm: int
    swing: float
    guild_id: int | None = None
    channel_id: int | None = None
    message_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class SavedGroove(NewSave):
    """A save as stored: the groove and where it was made (`NewSave`), its id and when."""

    id: int
    created: datetime


@dataclass(frozen=True)
class SaveResult:
    """``created`` False: this user had already saved this reply (``groove`` is that save)."""

    groove: SavedGroove
    created: bool
    total: int


@dataclass(frozen=True)
class SavedPage:
    """One page of a user's saves, newest first; ``page`` is 0-based."""

    items: tuple[SavedGroove, ...]
    page: int
    per_page: int
    total: int

    @property
    def has_next(self) -> bool:
        return (self.page + 1) * self.per_page < self.total


@dataclass(frozen=True)
class Holdings:
    """What the memory keeps about one user: saves, votes, and replies naming them as the asker."""

    saves: int
    votes: int
    replies: int

    @property
    def empty(self) -> bool:
        return not (self.saves or self.votes or self.replies)


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _saved(row: Any) -> SavedGroove:
    m = row._mapping
    return SavedGroove(
        **{f.name: m[f.name] for f in fields(NewSave)},
        id=m["id"],
        created=_utc(m["created"]),
    )


def make_engine(url: str, timeout: float = STORE_TIMEOUT_SECONDS) -> AsyncEngine:
    """An async engine for ``url`` set up for this store (see the module docstring)."""
    if make_url(url).get_backend_name() != "sqlite":
        return create_async_engine(
            url,
            pool_pre_ping=True,  # a connection the server dropped (restart, failover) is replaced, not used
            pool_timeout=timeout,
            connect_args={"timeout": timeout, "command_timeout": timeout},
        )
    engine = create_async_engine(url, connect_args={"timeout": timeout})  # sqlite's busy timeout, in seconds

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # the driver's implicit BEGIN off: ours below
        cursor = dbapi_connection.cursor()
        _wal(cursor, timeout)
        for pragma in ("synchronous=FULL", "foreign_keys=ON"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _wal(cursor: Any, timeout: float) -> None:
    """Put the file in WAL mode (it stays so). Switching needs the file to itself, and SQLite
    answers "database is locked" at once, without its busy wait, while another connection is
    using it: two processes opening a new file together would lose one. So: only when the file
    is not in WAL mode yet, and tried again until ``timeout``. Runs in the driver's thread."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            cursor.execute("PRAGMA journal_mode")
            if cursor.fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except Exception as exc:  # the driver's OperationalError, however its adapter wraps it
            if "database is locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.02)


def _upgrade(connection: Connection) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


class Store:
    """Replies, votes and saves in the database at ``url`` (an async SQLAlchemy URL)."""

    def __init__(self, url: str, *, timeout: float = STORE_TIMEOUT_SECONDS) -> None:
        self.url = url
        self.timeout = timeout
        self._engine = make_engine(url, timeout)
        self._ready = False
        self._lock: asyncio.Lock | None = None
        self._retry_at = 0.0

    # -- start and stop ---------------------------------------------------------------------

    async def open(self) -> bool:
        """Bring the schema to the newest revision; False (logged) when the database cannot be reached."""
        try:
            await self._ensure_ready()
        except MemoryUnavailable:
            return False
        return True

    async def close(self) -> None:
        await self._engine.dispose()

    async def _ensure_ready(self) -> None:
        if self._ready:
            return
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            if self._ready:
                return
            if time.monotonic() < self._retry_at:
                raise MemoryUnavailable()
            try:
                await self._migrate()
            except _UNREACHABLE as exc:
                self._retry_at = time.monotonic() + RETRY_SECONDS
                log.warning("memory: the database at %s cannot be used: %s", shown_url(self.url), exc)
                raise MemoryUnavailable() from exc
            self._ready = True
            log.info("memory: %s is ready", shown_url(self.url))

    async def _migrate(self) -> None:
        url = make_url(self.url)
        if url.get_backend_name() == "sqlite" and url.database:
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        async with asyncio.timeout(self.timeout * 4), self._engine.begin() as connection:
            if connection.dialect.name == "postgresql":  # several processes may start at once
                await connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            await connection.run_sync(_upgrade)

    async def _run(self, what: str, work: Callable[[AsyncConnection], Awaitable[_T]]) -> _T:
        """``work`` in one committed transaction; a concurrent insert of the same key is read again once."""
        await self._ensure_ready()
        for attempt in range(2):
            try:
                async with asyncio.timeout(self.timeout), self._engine.begin() as connection:
                    return await work(connection)
            except IntegrityError as exc:
                if attempt:
                    log.warning("memory: %s failed twice on a key another call wrote: %s", what, exc)
                    raise MemoryUnavailable() from exc
            except _UNREACHABLE as exc:
                log.warning("memory: %s failed: %s", what, exc)
                raise MemoryUnavailable() from exc
        raise AssertionError("unreachable")

    # -- replies ----------------------------------------------------------------------------

    async def record_reply(self, record: ReplyRecord, *, inherit_from: int | None = None) -> None:
        """Remember a reply the bot sent; ``inherit_from``: a reply whose grooves it shares (a Variation's)."""

        async def work(connection: AsyncConnection) -> None:
            known = await connection.scalar(
                select(replies.c.message_id).where(replies.c.message_id == record.message_id)
            )
            if known is not None:
                return
            grooves = list(dict.fromkeys(record.grooves))
            if not grooves and inherit_from is not None:
                found = await connection.scalars(
                    select(reply_grooves.c.groove_id)
                    .where(reply_grooves.c.message_id == inherit_from)
                    .order_by(reply_grooves.c.rank)
                )
                grooves = list(found)
            row = {k: v for k, v in record.__dict__.items() if k != "grooves"}
            await connection.execute(insert(replies).values(**row, created=datetime.now(UTC)))
            if grooves:
                await connection.execute(
                    insert(reply_grooves),
                    [{"message_id": record.message_id, "groove_id": g, "rank": i} for i, g in enumerate(grooves)],
                )

        await self._run("recording a reply", work)

    async def reply(self, message_id: int) -> ReplyRecord | None:
        """The reply the bot recorded for ``message_id``, or None."""

        async def work(connection: AsyncConnection) -> ReplyRecord | None:
            row = (await connection.execute(select(replies).where(replies.c.message_id == message_id))).first()
            if row is None:
                return None
            grooves = await connection.scalars(
                select(reply_grooves.c.groove_id)
                .where(reply_grooves.c.message_id == message_id)
                .order_by(reply_grooves.c.rank)
            )
            content = {k: v for k, v in row._mapping.items() if k != "created"}
            return ReplyRecord(**content, grooves=tuple(grooves))

        return await self._run("reading a reply", work)

    # -- votes ------------------------------------------------------------------------------

    async def vote(self, message_id: int, user_id: int, guild_id: int | None, value: int) -> Tally:
        """One vote per user per reply: a first press counts, the same again withdraws, the other changes it."""
        if value not in (1, -1):
            raise ValueError(f"a vote is 1 or -1, not {value}")
        mine = votes.c.message_id == message_id, votes.c.user_id == user_id

        async def work(connection: AsyncConnection) -> Tally:
            current = await connection.scalar(select(votes.c.value).where(*mine))
            if current is None:
                row = {"message_id": message_id, "user_id": user_id, "guild_id": guild_id, "value": value}
                await connection.execute(insert(votes).values(**row, created=datetime.now(UTC)))
                now = value
            elif current == value:
                await connection.execute(delete(votes).where(*mine))
                now = 0
            else:
                await connection.execute(update(votes).where(*mine).values(value=value, created=datetime.now(UTC)))
                now = value
            up, down = await _tally(connection, message_id)
            return Tally(up, down, now)

        return await self._run("a vote", work)

    async def tally(self, message_id: int, user_id: int | None = None) -> Tally:
        """The votes on one reply (and ``user_id``'s own)."""

        async def work(connection: AsyncConnection) -> Tally:
            up, down = await _tally(connection, message_id)
            mine = 0
            if user_id is not None:
                found = select(votes.c.value).where(votes.c.message_id == message_id, votes.c.user_id == user_id)
                mine = await connection.scalar(found) or 0
            return Tally(up, down, mine)

        return await self._run("counting votes", work)

    async def vote_counts(self, guild_id: int | None) -> VoteCounts:
        """(up, down) per library groove, counting each vote on a reply for every groove it was based on.

        ``per_guild`` counts the votes cast in ``guild_id`` (empty for None: a direct message
        has no guild); ``everywhere`` every vote the bot holds.
        """
        query = (
            select(
                reply_grooves.c.groove_id,
                func.sum(case((votes.c.value == 1, 1), else_=0)),
                func.sum(case((votes.c.value == -1, 1), else_=0)),
            )
            .join(reply_grooves, reply_grooves.c.message_id == votes.c.message_id)
            .group_by(reply_grooves.c.groove_id)
        )

        async def work(connection: AsyncConnection) -> VoteCounts:
            everywhere = {g: (int(u), int(d)) for g, u, d in await connection.execute(query)}
            per_guild: dict[str, tuple[int, int]] = {}
            if guild_id is not None:
                rows = await connection.execute(query.where(votes.c.guild_id == guild_id))
                per_guild = {g: (int(u), int(d)) for g, u, d in rows}
            return VoteCounts(per_guild, everywhere)

        return await self._run("counting votes per groove", work)

    # -- saves ------------------------------------------------------------------------------

    async def save(self, groove: NewSave) -> SaveResult:
        """Keep ``groove`` for its user; the same reply saved twice is kept once."""

        async def work(connection: AsyncConnection) -> SaveResult:
            total = await _count(connection, saves, saves.c.user_id == groove.user_id)
            if groove.message_id is not None:
                found = select(saves).where(saves.c.user_id == groove.user_id, saves.c.message_id == groove.message_id)
                row = (await connection.execute(found)).first()
                if row is not None:
                    return SaveResult(_saved(row), created=False, total=total)
            if total >= MAX_SAVES_PER_USER:
                raise SaveLimit(
                    f"you already keep {MAX_SAVES_PER_USER} saved grooves, the most the bot keeps for one person; "
                    "export them with /saved, then /forget clears them"
                )
            created = datetime.now(UTC)
            result = await connection.execute(insert(saves).values(**groove.__dict__, created=created))
            saved = SavedGroove(id=result.inserted_primary_key[0], **groove.__dict__, created=created)
            return SaveResult(saved, created=True, total=total + 1)

        return await self._run("a save", work)

    async def saved_page(self, user_id: int, page: int, per_page: int) -> SavedPage:
        """Page ``page`` (0-based; past the end: the last) of ``user_id``'s saves, newest first."""

        async def work(connection: AsyncConnection) -> SavedPage:
            total = await _count(connection, saves, saves.c.user_id == user_id)
            last = max(0, (total - 1) // per_page)
            shown = min(max(page, 0), last)
            rows = await connection.execute(
                select(saves)
                .where(saves.c.user_id == user_id)
                .order_by(saves.c.id.desc())
                .limit(per_page)
                .offset(shown * per_page)
            )
            return SavedPage(tuple(_saved(r) for r in rows), shown, per_page, total)

        return await self._run("reading saves", work)

    async def all_saves(self, user_id: int) -> list[SavedGroove]:
        """Every save of ``user_id``, newest first."""

        async def work(connection: AsyncConnection) -> list[SavedGroove]:
            rows = await connection.execute(select(saves).where(saves.c.user_id == user_id).order_by(saves.c.id.desc()))
            return [_saved(r) for r in rows]

        return await self._run("reading saves", work)

    # -- a user's data ----------------------------------------------------------------------

    async def holdings(self, user_id: int) -> Holdings:
        """How much the memory keeps about ``user_id``."""

        async def work(connection: AsyncConnection) -> Holdings:
            return Holdings(
                await _count(connection, saves, saves.c.user_id == user_id),
                await _count(connection, votes, votes.c.user_id == user_id),
                await _count(connection, replies, replies.c.author_id == user_id),
            )

        return await self._run("counting a user's data", work)

    async def forget(self, user_id: int) -> Holdings:
        """Delete ``user_id``'s saves and votes and unlink them from the replies they asked for.

        The replies stay (they are public messages, and others' votes count through them) but
        no longer name who asked. Returns what was deleted or unlinked.
        """

        async def work(connection: AsyncConnection) -> Holdings:
            gone_saves = await connection.execute(delete(saves).where(saves.c.user_id == user_id))
            gone_votes = await connection.execute(delete(votes).where(votes.c.user_id == user_id))
            unlinked = await connection.execute(
                update(replies).where(replies.c.author_id == user_id).values(author_id=None)
            )
            return Holdings(gone_saves.rowcount, gone_votes.rowcount, unlinked.rowcount)

        return await self._run("forgetting a user", work)


async def _tally(connection: AsyncConnection, message_id: int) -> tuple[int, int]:
    row = (
        await connection.execute(
            select(
                func.coalesce(func.sum(case((votes.c.value == 1, 1), else_=0)), 0),
                func.coalesce(func.sum(case((votes.c.value == -1, 1), else_=0)), 0),
            ).where(votes.c.message_id == message_id)
        )
    ).one()
    return int(row[0]), int(row[1])


async def _count(connection: AsyncConnection, table: Any, *where: Any) -> int:
    return int(await connection.scalar(select(func.count()).select_from(table).where(*where)) or 0)
