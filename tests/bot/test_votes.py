"""The per-server vote scores: cached for a minute, dropped on a vote, None when the memory is away."""

from __future__ import annotations

from bot.memory import MemoryUnavailable, VoteCounts
from bot.votes import VoteScores


class CountingStore:
    def __init__(self, counts: VoteCounts | None) -> None:
        self.counts = counts
        self.calls = 0

    async def vote_counts(self, guild_id: int | None) -> VoteCounts:
        self.calls += 1
        if self.counts is None:
            raise MemoryUnavailable()
        return self.counts


async def test_scores_are_cached_per_server_until_they_expire_or_someone_votes() -> None:
    now = [0.0]
    store = CountingStore(VoteCounts({"a": (3, 0)}, {"a": (3, 0), "b": (0, 2)}))
    scores = VoteScores(store, ttl=60, clock=lambda: now[0])  # type: ignore[arg-type]
    first = await scores.get(1)
    assert first is not None and first["a"] > 0.5 > first["b"]
    assert await scores.get(1) == first and store.calls == 1  # cached
    await scores.get(2)
    assert store.calls == 2  # another server counts for itself
    scores.forget(1)
    await scores.get(1)
    assert store.calls == 3  # a vote there: counted again
    now[0] = 61
    await scores.get(1)
    assert store.calls == 4  # expired


async def test_a_memory_that_does_not_answer_means_no_nudge() -> None:
    scores = VoteScores(CountingStore(None))  # type: ignore[arg-type]
    assert await scores.get(1) is None
