"""Votes as ranking scores for one server, cached so a request does not pay for the count.

    VoteScores(store).get(guild_id) -> {groove id: score} | None     at most VOTES_TTL old
    VoteScores.forget(guild_id)                                       after a vote in that server

Counting every vote per groove is a database query (~11 ms); /drums, Regenerate, /similar
and More like this all want it, so a server's scores are kept for `VOTES_TTL` seconds and
dropped as soon as someone in that server votes (their vote shows at once). A memory that
does not answer costs the nudge, never the request: ``get`` returns None (no nudge) and logs.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from pydrums_engine.votes import vote_scores

from .memory import Store

log = logging.getLogger(__name__)

VOTES_TTL = 60.0  # seconds a server's vote scores are reused
_MAX_GUILDS = 1024  # cached servers; beyond that the oldest go


class VoteScores:
    """Per-server vote scores from the memory, cached for `VOTES_TTL` seconds."""

    def __init__(self, store: Store, ttl: float = VOTES_TTL, clock: Callable[[], float] = time.monotonic) -> None:
        self.store = store
        self.ttl = ttl
        self._clock = clock
        self._cache: dict[int | None, tuple[float, dict[str, float]]] = {}

    async def get(self, guild_id: int | None) -> dict[str, float] | None:
        """{groove id: score 0..1} for ``guild_id`` (None: a direct message), or None when the memory is away."""
        now = self._clock()
        cached = self._cache.get(guild_id)
        if cached is not None and now - cached[0] < self.ttl:
            return cached[1]
        try:
            counts = await self.store.vote_counts(guild_id)
        except Exception:  # the memory is a nudge: a request never fails over it
            log.warning("votes are left out of the ranking: the memory did not answer", exc_info=True)
            return None
        scores = vote_scores(counts.per_guild, counts.everywhere)
        self._cache.pop(guild_id, None)
        self._cache[guild_id] = (now, scores)
        while len(self._cache) > _MAX_GUILDS:
            self._cache.pop(next(iter(self._cache)))
        return scores

    def forget(self, guild_id: int | None) -> None:
        """Drop the cached scores of ``guild_id`` (a vote there changed them)."""
        self._cache.pop(guild_id, None)
