"""Abuse and load limits: a per-user cooldown and a bounded queue in front of the model.

    Cooldown            one /drums (or button press) per user every N seconds
    GenerationQueue     at most N generations at once; at most M more wait, in order;
                        beyond that `enter()` raises QueueFull at once

A place in the queue is taken synchronously (`enter()`), before the interaction is
acknowledged, so "busy" can still be an ephemeral answer; the wait for a slot comes after,
reporting each change of place through a callback (the bot edits "queued: you are #3").
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections import deque
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)


class Cooldown:
    """Per-user rate limit: one accepted request per ``seconds``."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self._last: dict[int, float] = {}

    def hit(self, user_id: int) -> int:
        """0 and the cooldown starts, or the whole seconds the user still has to wait."""
        now = self._clock()
        last = self._last.get(user_id)
        if last is not None and now - last < self.seconds:
            return max(1, math.ceil(self.seconds - (now - last)))
        self._last[user_id] = now
        if len(self._last) > 4096:  # forget users whose cooldown is long over
            self._last = {u: t for u, t in self._last.items() if now - t < self.seconds}
        return 0

    def refund(self, user_id: int) -> None:
        """Forget the last hit, for a request that was turned away and cost nothing."""
        self._last.pop(user_id, None)


class QueueFull(Exception):
    """Every slot is busy and the waiting line is full."""


class Ticket:
    """One request's place: running, or waiting in line. Use as a context manager."""

    def __init__(self, queue: GenerationQueue, running: bool) -> None:
        self._queue = queue
        self.running = running
        self.left = False
        self._wake = asyncio.Event()

    @property
    def position(self) -> int:
        """1-based place in the waiting line; 0 once running."""
        return 0 if self.running else self._queue._waiting.index(self) + 1

    async def ready(self, on_position: Callable[[int], Awaitable[object]] | None = None) -> None:
        """Wait for a slot; ``on_position(n)`` hears the place in line whenever it changes."""
        shown = 0
        while not self.running:
            place = self.position
            if on_position is not None and place != shown:
                shown = place
                try:
                    await on_position(place)
                except Exception:  # telling the place is a courtesy; never lose the request over it
                    log.warning("could not report queue place %d", place, exc_info=True)
                continue  # the place may have changed while we were reporting it
            self._wake.clear()
            await self._wake.wait()

    def leave(self) -> None:
        """Give the slot (or the place in line) back; safe to call twice."""
        if self.left:
            return
        self.left = True
        self._queue._leave(self)

    def __enter__(self) -> Ticket:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.leave()


class GenerationQueue:
    """At most ``limit`` tickets run at once; at most ``max_waiting`` wait, first come first served."""

    def __init__(self, limit: int, max_waiting: int) -> None:
        if limit < 1:
            raise ValueError(f"limit must be at least 1, not {limit}")
        self.limit = limit
        self.max_waiting = max_waiting
        self.running = 0
        self._waiting: deque[Ticket] = deque()

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def enter(self) -> Ticket:
        """A running ticket when a slot is free, else a place in line; QueueFull when the line is full."""
        if self.running < self.limit and not self._waiting:
            self.running += 1
            return Ticket(self, running=True)
        if len(self._waiting) >= self.max_waiting:
            raise QueueFull(f"{self.running} running and {len(self._waiting)} waiting")
        ticket = Ticket(self, running=False)
        self._waiting.append(ticket)
        return ticket

    def _leave(self, ticket: Ticket) -> None:
        if ticket.running:
            self.running -= 1
        else:
            self._waiting.remove(ticket)
        promoted = []
        while self._waiting and self.running < self.limit:
            waiter = self._waiting.popleft()
            waiter.running = True
            self.running += 1
            promoted.append(waiter)
        for waiter in (*promoted, *self._waiting):  # everyone whose state or place changed
            waiter._wake.set()
