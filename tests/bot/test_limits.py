"""The cooldown and the generation queue, as a user of the bot would feel them."""

from __future__ import annotations

import asyncio

import pytest

from bot.limits import Cooldown, GenerationQueue, QueueFull


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_cooldown_tells_the_whole_seconds_left() -> None:
    """A second request inside the cooldown hears how long to wait, rounded up; others are not held."""
    clock = Clock()
    cooldown = Cooldown(10, clock)
    assert cooldown.hit(1) == 0
    clock.now += 2.5
    assert cooldown.hit(1) == 8
    assert cooldown.hit(2) == 0
    clock.now += 7.5
    assert cooldown.hit(1) == 0


def test_refund_forgets_a_request_that_cost_nothing() -> None:
    """A request turned away (queue full) does not start the cooldown."""
    cooldown = Cooldown(10, Clock())
    cooldown.hit(1)
    cooldown.refund(1)
    assert cooldown.hit(1) == 0


def test_zero_cooldown_never_holds_anyone() -> None:
    cooldown = Cooldown(0, Clock())
    assert [cooldown.hit(1) for _ in range(3)] == [0, 0, 0]


async def test_queue_runs_up_to_the_limit_and_lines_up_the_rest() -> None:
    """Two run at once, the next two wait in order, the fifth is turned away at once."""
    queue = GenerationQueue(limit=2, max_waiting=2)
    first, second = queue.enter(), queue.enter()
    third, fourth = queue.enter(), queue.enter()
    assert (first.running, second.running, third.running, fourth.running) == (True, True, False, False)
    assert (third.position, fourth.position) == (1, 2)
    with pytest.raises(QueueFull):
        queue.enter()
    first.leave()
    assert third.running and fourth.position == 1
    assert queue.running == 2 and queue.waiting == 1


async def test_waiting_reports_each_new_place_then_runs() -> None:
    """A waiter hears #2, then #1, then gets its slot, in that order."""
    queue = GenerationQueue(limit=1, max_waiting=5)
    running = queue.enter()
    ahead = queue.enter()
    me = queue.enter()
    heard: list[int] = []

    async def tell(place: int) -> None:
        heard.append(place)

    waiting = asyncio.create_task(me.ready(tell))
    await asyncio.sleep(0)
    assert heard == [2]
    running.leave()
    await asyncio.sleep(0)
    assert heard == [2, 1] and not waiting.done()
    ahead.leave()
    await asyncio.wait_for(waiting, 1)
    assert me.running and heard == [2, 1]


async def test_a_failing_report_does_not_lose_the_place() -> None:
    """If telling the place fails (Discord hiccup), the request still runs when its turn comes."""
    queue = GenerationQueue(limit=1, max_waiting=1)
    running = queue.enter()
    me = queue.enter()

    async def broken(place: int) -> None:
        raise RuntimeError("edit failed")

    waiting = asyncio.create_task(me.ready(broken))
    await asyncio.sleep(0)
    running.leave()
    await asyncio.wait_for(waiting, 1)
    assert me.running


async def test_a_cancelled_waiter_gives_its_place_back() -> None:
    """A request abandoned while waiting leaves the line; the one behind moves up."""
    queue = GenerationQueue(limit=1, max_waiting=2)
    running = queue.enter()
    with queue.enter() as gone:
        task = asyncio.create_task(gone.ready())
        behind = queue.enter()
        await asyncio.sleep(0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert behind.position == 1 and queue.waiting == 1
    running.leave()
    assert behind.running


async def test_leaving_twice_frees_one_slot() -> None:
    """Leaving is idempotent: the running count never goes below what is really running."""
    queue = GenerationQueue(limit=1, max_waiting=0)
    ticket = queue.enter()
    ticket.leave()
    ticket.leave()
    assert queue.running == 0
    queue.enter()
    with pytest.raises(QueueFull):
        queue.enter()
