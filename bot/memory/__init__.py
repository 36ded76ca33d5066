"""The bot's memory: the /drums replies it sent, votes on them, and the grooves users save.

    Store(url)                      open() / close(); every method async, plain data in and out
      record_reply(ReplyRecord)     a reply sent: its Memo (what it shows, its grooves) and ids
      vote(message, user, guild, ±1) -> Tally      one per user per reply; again withdraws
      tally(message[, user]) -> Tally
      vote_counts(guild) -> VoteCounts             (up, down) per groove: this guild, everywhere
      save(NewSave) -> SaveResult, saved_page(user, page, per_page) -> SavedPage, all_saves(user)
      holdings(user) -> Holdings, forget(user) -> Holdings
    MemoryUnavailable               the database did not answer: one sentence for the user
    database_url(text)              PYDRUMS_DB_URL checked and given its async driver

The engine knows nothing of this: user, guild and message ids are the bot's. Schema:
`schema.py`; migrations (Alembic, run by `Store.open`): ``migrations/versions/``.
"""

from .store import (
    MAX_SAVES_PER_USER,
    Holdings,
    Memo,
    MemoryUnavailable,
    NewSave,
    ReplyRecord,
    SavedGroove,
    SavedPage,
    SaveLimit,
    SaveResult,
    Store,
    Tally,
    VoteCounts,
)
from .url import DEFAULT_DB_PATH, database_url, default_url, shown_url

__all__ = [
    "DEFAULT_DB_PATH",
    "MAX_SAVES_PER_USER",
    "Holdings",
    "Memo",
    "MemoryUnavailable",
    "NewSave",
    "ReplyRecord",
    "SaveLimit",
    "SaveResult",
    "SavedGroove",
    "SavedPage",
    "Store",
    "Tally",
    "VoteCounts",
    "database_url",
    "default_url",
    "shown_url",
]
