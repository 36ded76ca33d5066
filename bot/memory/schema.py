"""The memory's tables, as SQLAlchemy Core; the migrations under ``migrations/`` create them.

    replies        one row per /drums answer the bot sent (message id, where, who asked, what it shows)
    reply_grooves  the library grooves each reply was based on (what votes are counted against)
    votes          one row per user per reply: +1 or -1
    saves          the grooves a user kept with Save

Discord ids are 64-bit integers. Times are UTC. Votes carry no foreign key to replies: a
vote on a reply the bot could not record (its database was down then) still counts for
the reply, only not for any groove.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

replies = Table(
    "replies",
    metadata,
    Column("message_id", BigInteger, primary_key=True, autoincrement=False),
    Column("guild_id", BigInteger, nullable=True),  # None: a direct message
    Column("channel_id", BigInteger, nullable=False),
    Column("author_id", BigInteger, nullable=True),  # None once the author used /forget
    Column("request", Text, nullable=False),
    Column("notation", Text, nullable=False),
    Column("name", String(256), nullable=False),
    Column("style", String(64), nullable=False),
    Column("bpm", Integer, nullable=False),
    Column("swing", Float, nullable=False),
    Column("source", String(16), nullable=False),  # "llm", "library", "variation" or "refine"
    Column("created", DateTime(timezone=True), nullable=False),
    Index("ix_replies_author", "author_id"),
)

reply_grooves = Table(
    "reply_grooves",
    metadata,
    Column("message_id", BigInteger, ForeignKey("replies.message_id", ondelete="CASCADE"), primary_key=True),
    Column("groove_id", String(128), primary_key=True),
    Column("rank", SmallInteger, nullable=False),
    Index("ix_reply_grooves_groove", "groove_id"),
)

votes = Table(
    "votes",
    metadata,
    Column("message_id", BigInteger, primary_key=True, autoincrement=False),
    Column("user_id", BigInteger, primary_key=True, autoincrement=False),
    Column("guild_id", BigInteger, nullable=True),
    Column("value", SmallInteger, nullable=False),
    Column("created", DateTime(timezone=True), nullable=False),
    CheckConstraint("value IN (-1, 1)", name="ck_votes_value"),
    Index("ix_votes_user", "user_id"),
    Index("ix_votes_guild", "guild_id"),
)

saves = Table(
    "saves",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", BigInteger, nullable=False),
    Column("name", String(256), nullable=False),
    Column("style", String(64), nullable=False),
    Column("notation", Text, nullable=False),
    Column("request", Text, nullable=False),
    Column("bpm", Integer, nullable=False),
    Column("swing", Float, nullable=False),
    Column("guild_id", BigInteger, nullable=True),
    Column("channel_id", BigInteger, nullable=True),
    Column("message_id", BigInteger, nullable=True),
    Column("created", DateTime(timezone=True), nullable=False),
    UniqueConstraint("user_id", "message_id", name="uq_saves_user_message"),
    Index("ix_saves_user", "user_id", "id"),
)
