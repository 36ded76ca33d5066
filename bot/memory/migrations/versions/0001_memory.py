"""The memory's first tables: replies, the grooves they were based on, votes, saves.

Revision ID: 0001
Revises:
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "replies",
        sa.Column("message_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("guild_id", sa.BigInteger, nullable=True),
        sa.Column("channel_id", sa.BigInteger, nullable=False),
        sa.Column("author_id", sa.BigInteger, nullable=True),
        sa.Column("request", sa.Text, nullable=False),
        sa.Column("notation", sa.Text, nullable=False),
        sa.Column("name", sa.String(256), nullable=False),
        sa.Column("style", sa.String(64), nullable=False),
        sa.Column("bpm", sa.Integer, nullable=False),
        sa.Column("swing", sa.Float, nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_replies_author", "replies", ["author_id"])
    op.create_table(
        "reply_grooves",
        sa.Column(
            "message_id",
            sa.BigInteger,
            sa.ForeignKey("replies.message_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("groove_id", sa.String(128), primary_key=True),
        sa.Column("rank", sa.SmallInteger, nullable=False),
    )
    op.create_index("ix_reply_grooves_groove", "reply_grooves", ["groove_id"])
    op.create_table(
        "votes",
        sa.Column("message_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("user_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("guild_id", sa.BigInteger, nullable=True),
        sa.Column("value", sa.SmallInteger, nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("value IN (-1, 1)", name="ck_votes_value"),
    )
    op.create_index("ix_votes_user", "votes", ["user_id"])
    op.create_index("ix_votes_guild", "votes", ["guild_id"])
    op.create_table(
        "saves",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("user_id", sa.BigInteger, nullable=False),
        sa.Column("name", sa.String(256), nullable=False),
        sa.Column("style", sa.String(64), nullable=False),
        sa.Column("notation", sa.Text, nullable=False),
        sa.Column("request", sa.Text, nullable=False),
        sa.Column("bpm", sa.Integer, nullable=False),
        sa.Column("swing", sa.Float, nullable=False),
        sa.Column("guild_id", sa.BigInteger, nullable=True),
        sa.Column("channel_id", sa.BigInteger, nullable=True),
        sa.Column("message_id", sa.BigInteger, nullable=True),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("user_id", "message_id", name="uq_saves_user_message"),
    )
    op.create_index("ix_saves_user", "saves", ["user_id", "id"])


def downgrade() -> None:
    op.drop_table("saves")
    op.drop_table("votes")
    op.drop_table("reply_grooves")
    op.drop_table("replies")
