"""PyDrums on Discord: a thin discord.py front end over `pydrums_engine`.

    python -m bot              the bot (DISCORD_TOKEN required; settings: .env.example)
    python -m bot --console    the same command handlers in a terminal; files go to ./out/

Layout::

    settings.py    the environment (and .env) as one frozen, validated Settings
    client.py      the Bot subclass: intents, engine loaded in a thread, sync, SIGINT/SIGTERM
    cogs/          one cog per command family: drums, library (/similar /styles /help),
                   convert, admin (/rebuild), memory (👍 👎 Save /saved /forget),
                   errors (the one tree.on_error)
    memory/        the database of replies sent, votes and saves (PYDRUMS_DB_URL; SQLite or
                   PostgreSQL through SQLAlchemy's async engine; Alembic migrations at start)
    handlers.py    engine calls → Reply, synchronous, shared by the cogs and the console
    replies.py     Reply and its pure builders (Generation → Reply, hits → Reply, ...)
    formatting.py  beat ruler, reversible escaping, Reply → embed
    components.py  Regenerate / Variation / 👍 👎 Save / ◀ ▶ as DynamicItems (they survive restarts)
    respond.py     respond once, edit, follow up; mentions always off
    inflight.py    replies owed and model calls in flight, settled on shutdown within 10 s
    limits.py      per-user cooldown and the bounded generation queue
    console.py     console mode

Scaling out. One process serves every guild through one gateway connection up to
Discord's limit (2,500 guilds per shard). Beyond that, set SHARD_COUNT: the bot runs as
`discord.ext.commands.AutoShardedBot` with that many shards (SHARD_COUNT=auto asks Discord
for its recommended count). To spread shards over processes or machines, give every
process the same SHARD_COUNT and its own SHARD_IDS (e.g. SHARD_COUNT=4 and SHARD_IDS=0,1
in one, SHARD_IDS=2,3 in the other). Each process loads its own engine; point them all at
one OLLAMA_HOST (or a load balancer over several Ollama servers), and size
MAX_CONCURRENT_GENERATIONS per process so their sum is what the model servers can carry.
Cooldowns and queues are per process. /rebuild rebuilds the index of the process that
receives it; run it in each (or restart them) after changing the library.
"""
