"""The command handlers: engine calls in, `Reply` out; synchronous, with no Discord in them.

The cogs run these in a worker thread (``asyncio.to_thread``); the console calls them
directly. Mistakes a user can fix leave as `InputError` with a message to show as it is.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from pydrums_engine.engine import MAX_K, Engine
from pydrums_engine.errors import InputError, NotationError
from pydrums_engine.generation import Generation, check_request
from pydrums_engine.notation import Pattern

from .formatting import strip_code
from .replies import (
    DrumsActions,
    DrumsRequest,
    Paging,
    Reply,
    ShownGroove,
    convert_reply,
    generation_reply,
    help_reply,
    rebuild_reply,
    similar_reply,
    styles_reply,
    variation_reply,
)

log = logging.getLogger(__name__)

DEFAULT_CONVERT_BPM = 100


def check_drums(engine: Engine, request: DrumsRequest) -> DrumsRequest:
    """The request cleaned and its style resolved to a library key; InputError when it cannot be."""
    description = check_request(request.description, request.bpm, request.bars)
    return replace(request, description=description, style=engine.resolve_style(request.style))


def drums(engine: Engine, request: DrumsRequest, seed: int | None = None) -> Reply:
    """/drums: a new pattern (model, or library fallback) with its three files."""
    return drums_reply(engine, generate(engine, request, seed), request)


def generate(engine: Engine, request: DrumsRequest, seed: int | None = None) -> Generation:
    """The model call (or the library fallback): the part the bot's queue limits."""
    return engine.generate(request.description, request.style, request.bpm, request.bars, seed=seed)


def drums_reply(engine: Engine, generation: Generation, request: DrumsRequest) -> Reply:
    """The reply to /drums: the generation rendered as MIDI, WAV and PNG."""
    rendering = engine.render(generation.pattern, generation.bpm, generation.swing, title=generation.name)
    model = engine.ollama.model if engine.ollama else None
    return generation_reply(generation, rendering, request, model=model)


def variation(engine: Engine, shown: ShownGroove, actions: DrumsActions, seed: int) -> Reply:
    """Variation: a few changes to the pattern a message shows, played at the same tempo and swing."""
    pattern = engine.vary(engine.parse(shown.notation), seed)
    rendering = engine.render(pattern, actions.tempo, actions.swing, title=shown.title)
    return variation_reply(shown, pattern, rendering, actions)


def similar(engine: Engine, query: str, count: int, style: str | None, page: int, user_id: int) -> Reply:
    """/similar: page ``page`` (0-based) of the best grooves, ``count`` to a page."""
    key = engine.resolve_style(style)
    pages = max(1, MAX_K // count)
    page = min(max(page, 0), pages - 1)
    wanted = min(MAX_K, (page + 1) * count + 1)  # one more than shown tells whether a next page exists
    hits = engine.similar(query, k=wanted, style=key)
    shown = hits[page * count : (page + 1) * count]
    has_next = len(hits) > (page + 1) * count and page + 1 < pages
    return similar_reply(" ".join(query.split()), shown, Paging(user_id, page, count, key, has_next))


def read_pattern(engine: Engine, text: str) -> Pattern:
    """A user's notation (code fences and beat rulers allowed) or the parser's exact NotationError."""
    body = strip_code(text)
    if not body:
        raise NotationError("no pattern: write one line per instrument, like 'bd: x---x---; sd: ----x---'")
    return engine.parse(body)


def convert(engine: Engine, pattern: Pattern, bpm: int | None = None) -> Reply:
    """/convert: render a pattern the user wrote."""
    tempo = DEFAULT_CONVERT_BPM if bpm is None else bpm
    if not 40 <= tempo <= 240:
        raise InputError(f"bpm must be from 40 to 240, not {tempo}")
    return convert_reply(pattern, tempo, engine.render(pattern, tempo, title="Your pattern"))


def styles(engine: Engine) -> Reply:
    return styles_reply(engine.styles())


def help_text() -> Reply:
    return help_reply()


def rebuild(engine: Engine) -> Reply:
    """/rebuild: re-read the library and re-embed; raises RebuildInProgress when one runs."""
    report = engine.rebuild()
    log.info("rebuilt the index: %s", report.summary())
    return rebuild_reply(report)


def style_choices(engine: Engine, typed: str, limit: int = 25) -> list[tuple[str, str]]:
    """(label, style key) pairs for autocomplete: styles starting with what was typed, then containing it."""
    text = "-".join(typed.lower().split())
    counts = engine.styles()
    starts = [s for s in sorted(counts) if s.startswith(text)]
    inside = [s for s in sorted(counts) if text in s and s not in starts]
    return [(f"{s} ({counts[s]} grooves)", s) for s in (starts + inside)[:limit]]
