"""Work in flight, so a shutdown settles every reply the bot owes within its deadline.

    PendingReplies.track(interaction)   a reply the bot owes, from acknowledgement to answer
    PendingReplies.settle(seconds)      on SIGTERM: cancel what waits for the model, let what is
                                        answering finish, and edit every reply still owed with
                                        RESTARTING; all within ``seconds``
    in_daemon_thread(func, *args)       a blocking call the process exit does not wait for

A model call can take ``OLLAMA_TIMEOUT`` seconds (a minute by default) and a thread cannot be
interrupted, so the bot runs model calls in daemon threads: a shutdown stops waiting for them
at once, tells their users, and the process exits without joining them (their answers would
go nowhere). Renders and searches take well under a second and keep ``asyncio.to_thread``.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
import logging
import threading
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

import discord

log = logging.getLogger(__name__)

RESTARTING = "The bot is restarting; ask again in a minute."
_T = TypeVar("_T")


class Owed:
    """One reply the bot owes. ``answering``: the answer is moments away, so a shutdown waits for it
    rather than cancelling; ``answered``: it was sent."""

    def __init__(self, interaction: discord.Interaction, task: asyncio.Task | None, answering: bool) -> None:
        self.interaction = interaction
        self.task = task
        self.answering = answering
        self.answered = False


class PendingReplies:
    """The replies the bot owes right now; ``closing`` turns True when a shutdown begins."""

    def __init__(self) -> None:
        self.closing = False
        self._owed: set[Owed] = set()

    def __len__(self) -> int:
        return len(self._owed)

    @contextlib.contextmanager
    def track(self, interaction: discord.Interaction, *, answering: bool = False) -> Iterator[Owed]:
        """Owe ``interaction`` a reply while the block runs (in the task that will answer it)."""
        owed = Owed(interaction, asyncio.current_task(), answering)
        self._owed.add(owed)
        try:
            yield owed
            owed.answered = True
        finally:
            self._owed.discard(owed)

    async def settle(self, seconds: float) -> int:
        """Cancel what waits, wait for what answers, tell everyone left: at most ``seconds``.

        Returns how many replies were still owed when the shutdown began.
        """
        deadline = time.monotonic() + seconds
        self.closing = True
        owed = list(self._owed)
        for item in owed:
            if not item.answering and item.task is not None:
                item.task.cancel()
        tasks = {item.task for item in owed if item.task is not None}
        if tasks:  # leave a third of the time for the edits
            await asyncio.wait(tasks, timeout=max(0.0, (deadline - time.monotonic()) * 2 / 3))
        unanswered = [item for item in owed if not item.answered]
        if unanswered:
            edits = [asyncio.ensure_future(tell_restarting(item.interaction)) for item in unanswered]
            _done, late = await asyncio.wait(edits, timeout=max(0.1, deadline - time.monotonic()))
            for edit in late:
                edit.cancel()
        if owed:
            log.info("shutdown: %d replies were owed, %d told to ask again", len(owed), len(unanswered))
        return len(owed)


async def tell_restarting(interaction: discord.Interaction) -> None:
    """Replace whatever the user sees ("thinking…", "Queued: you are #2") with RESTARTING."""
    mentions = discord.AllowedMentions.none()
    try:
        if interaction.response.is_done():
            await interaction.edit_original_response(
                content=RESTARTING, embed=None, attachments=[], view=None, allowed_mentions=mentions
            )
        else:
            await interaction.response.send_message(RESTARTING, ephemeral=True, allowed_mentions=mentions)
    except discord.HTTPException as exc:
        log.warning("could not tell interaction %s that the bot is restarting: %s", interaction.id, exc)


async def in_daemon_thread(func: Callable[..., _T], /, *args: object) -> _T:
    """``func(*args)`` in a daemon thread; awaiting it can be cancelled, and exit never joins it.

    Like `asyncio.to_thread`, but the thread is not the default executor's, which
    `asyncio.run` waits for at exit: a model call stuck for a minute cannot hold up a shutdown.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[_T] = loop.create_future()
    context = contextvars.copy_context()

    def settle(outcome: Callable[[], None]) -> None:
        if not future.done():  # cancelled by the caller: the result goes nowhere
            outcome()

    def run() -> None:
        try:
            outcome = functools.partial(future.set_result, context.run(func, *args))
        except BaseException as exc:  # handed to the awaiting task, as to_thread does
            outcome = functools.partial(future.set_exception, exc)
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody is waiting any more
            loop.call_soon_threadsafe(settle, outcome)

    threading.Thread(target=run, name=f"pydrums-{getattr(func, '__name__', 'call')}", daemon=True).start()
    return await future
