"""Twenty users at once against a model that takes 2 s: nobody waits on a silent bot.

Every /drums is acknowledged inside Discord's window (the fake refuses late ones), the
gateway heartbeat keeps its rhythm, at most MAX_CONCURRENT_GENERATIONS model calls run at
once, the waiting users see their place, and everyone gets a pattern or "busy" at once.
"""

from __future__ import annotations

import asyncio

import pytest

from bot.cogs.drums import BUSY, queued_note
from bot.formatting import unescape
from tests.bot.conftest import bot_environ, engine_with_model, running_bot
from tests.fakes import FakeOllama
from tests.fakes.discord_api import CHANNEL_MESSAGE, DEFERRED_MESSAGE, FakeDiscord

USERS = 20
LIMIT = 2
QUEUE = 12


def queue_notes(message) -> list[str]:
    """The "queued: you are #N" texts a reply showed, in order."""
    return [p["content"] for p in message.payloads if (p.get("content") or "").startswith("Queued")]


@pytest.mark.slow
async def test_twenty_users_at_once_are_all_acknowledged_and_answered(
    discord_fake: FakeDiscord, encoder, shared_index
) -> None:
    fake = discord_fake
    with FakeOllama(delay=2.0) as ollama:
        engine = engine_with_model(encoder, shared_index, ollama.url, timeout=30)
        environ = bot_environ(fake, MAX_CONCURRENT_GENERATIONS=str(LIMIT), GENERATION_QUEUE_SIZE=str(QUEUE))
        async with running_bot(fake, engine, environ):
            await fake.wait_for_heartbeats(2)
            beats_before = len(fake.heartbeats)
            records = await asyncio.gather(
                *(
                    fake.interact("drums", {"description": f"driving funk number {i}"}, user_id=fake.new_id())
                    for i in range(USERS)
                )
            )
            acks = await asyncio.gather(*(r.acked() for r in records))
            answered = [r for r, a in zip(records, acks, strict=True) if a.type == DEFERRED_MESSAGE]
            busy = [r for r, a in zip(records, acks, strict=True) if a.type == CHANNEL_MESSAGE]
            finals = await asyncio.gather(*(r.final(90, until=lambda m: len(m.attachments) == 3) for r in answered))

    assert all(r.rejected == [] for r in records)  # nobody acknowledged late, nothing refused
    assert (len(answered), len(busy)) == (LIMIT + QUEUE, USERS - LIMIT - QUEUE)
    assert all(r.ephemeral and unescape(r.callbacks[0].data["content"]) == BUSY for r in busy)
    assert all(len(f.attachments) == 3 and f.embeds for f in finals)
    assert ollama.peak_in_flight == LIMIT and len(ollama.requests) == LIMIT + QUEUE
    first_places = sorted(notes[0] for r in answered if (notes := queue_notes(r.original)))
    assert first_places == sorted(queued_note(n) for n in range(1, QUEUE + 1))
    gaps = fake.heartbeat_gaps()[beats_before - 1 :]
    assert len(gaps) > 10
    # Generous: a blocked loop shows up as seconds late; this only tolerates scheduler jitter.
    assert max(gaps) <= fake.heartbeat_interval + 1.0, gaps
