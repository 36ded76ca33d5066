"""Alembic's environment for the bot's memory: run by `bot.memory.store` on a connection it opened.

The store runs ``alembic upgrade head`` itself at start (``Config.attributes["connection"]``
is its connection, inside its transaction), so there is no alembic.ini and no second
place that knows the database URL. To write a new revision by hand, copy the newest file
under ``versions/`` and give it the next number.
"""

from __future__ import annotations

from alembic import context

from bot.memory.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("the memory's migrations run from bot.memory.store, on the store's own connection")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
