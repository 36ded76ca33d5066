"""The command handlers: engine calls in, `Reply` out; synchronous, with no Discord in them.

The cogs run these in a worker thread (``asyncio.to_thread``); the console calls them
directly. Mistakes a user can fix leave as `InputError` with a message to show as it is.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import replace

from pydrums_engine.engine import Engine
from pydrums_engine.errors import InputError, NotationError
from pydrums_engine.generation import Generation, check_request
from pydrums_engine.limits import BARS_MIN, check_bpm, check_form
from pydrums_engine.limits import K_MAX as MAX_K
from pydrums_engine.notation import Pattern
from pydrums_engine.render import DEFAULT_HUMANIZE, check_humanize, midi_bytes, swing_fraction

from .formatting import strip_code
from .memory import SavedGroove
from .replies import (
    EXPORT_NAME,
    DrumsActions,
    DrumsRequest,
    Paging,
    Reply,
    ShownGroove,
    convert_reply,
    export_text,
    generation_reply,
    help_reply,
    rebuild_reply,
    refine_reply,
    refined_request,
    similar_reply,
    styles_reply,
    variation_reply,
)

log = logging.getLogger(__name__)

DEFAULT_CONVERT_BPM = 100
COUNT_MIN, COUNT_MAX = 1, 10  # grooves on one /similar page


def check_drums(engine: Engine, request: DrumsRequest) -> DrumsRequest:
    """The request cleaned and its style resolved to a library key; InputError when it cannot be."""
    description = check_request(request.description, request.bpm, request.bars, request.form)
    check_feel(request.humanize, request.swing)
    form = check_form(request.form, request.bars or BARS_MIN)
    return replace(request, description=description, style=engine.resolve_style(request.style), form=form)


def check_feel(humanize: int | None, swing: int | None) -> None:
    """InputError unless humanize and swing are None or 0-100 (Discord's option ranges can be forged)."""
    if humanize is not None:
        check_humanize(humanize)
    if swing is not None:
        swing_fraction(swing)


Votes = Mapping[str, float] | None  # {groove id: score 0..1} nudging the ranking; None: no nudge


def drums(engine: Engine, request: DrumsRequest, seed: int | None = None, votes: Votes = None) -> Reply:
    """/drums: a new pattern (model, or library fallback) with its three files."""
    return drums_reply(engine, generate(engine, request, seed, votes), request)


def generate(engine: Engine, request: DrumsRequest, seed: int | None = None, votes: Votes = None) -> Generation:
    """The model call (or the library fallback): the part the bot's queue limits."""
    return engine.generate(
        request.description, request.style, request.bpm, request.bars, seed=seed, form=request.form, votes=votes
    )


def drums_reply(engine: Engine, generation: Generation, request: DrumsRequest) -> Reply:
    """The reply to /drums: the generation rendered as MIDI, WAV and PNG, with the feel asked for."""
    swing = generation.swing if request.swing is None else swing_fraction(request.swing)
    humanize = DEFAULT_HUMANIZE if request.humanize is None else request.humanize
    shown = generation.song or generation.pattern  # a song: the whole of it in the MIDI, its sections in the picture
    rendering = engine.render(shown, generation.bpm, swing, title=generation.name, humanize=humanize)
    played = replace(generation, swing=rendering.swing)  # the swing heard: 0 in a meter that does not swing
    return generation_reply(played, rendering, request)


def variation(engine: Engine, shown: ShownGroove, actions: DrumsActions, seed: int) -> Reply:
    """Variation: a few changes to the pattern a message shows, played at the same tempo, swing and
    humanize; with a form, the song is built again on the varied section A."""
    pattern = engine.vary(engine.parse(shown.notation), seed, request=shown.request)
    humanize = DEFAULT_HUMANIZE if actions.humanize is None else actions.humanize
    song = engine.arrange(pattern, actions.form, shown.request, actions.style)[0] if actions.form else None
    rendering = engine.render(song or pattern, actions.tempo, actions.swing, title=shown.title, humanize=humanize)
    return variation_reply(shown, pattern, rendering, actions, song)


def refine(engine: Engine, shown: ShownGroove, actions: DrumsActions, instruction: str, seed: int) -> Generation:
    """Refine: the shown pattern changed as ``instruction`` says, keeping what the request asked
    (the model may be called: the part the bot's queue limits). InputError for an instruction
    that cannot be read or asks for something the pattern cannot do."""
    return engine.refine(
        engine.parse(shown.notation),
        instruction,
        style=actions.style,
        bpm=actions.tempo,
        request=shown.request,
        seed=seed,
        swing=actions.swing,
    )


def refined(
    engine: Engine, shown: ShownGroove, actions: DrumsActions, instruction: str, generation: Generation
) -> Reply:
    """The Refine answer: played at the shown groove's tempo, swing and humanize; with a form, the
    song is built again on the refined section A."""
    pattern = generation.pattern
    kept = replace(actions, tempo=generation.bpm)
    humanize = DEFAULT_HUMANIZE if actions.humanize is None else actions.humanize
    request = refined_request(shown.request, instruction)
    song = engine.arrange(pattern, actions.form, request, actions.style)[0] if actions.form else None
    rendering = engine.render(song or pattern, kept.tempo, kept.swing, title=shown.title, humanize=humanize)
    return refine_reply(shown, instruction, generation, rendering, kept, song)


def check_count(count: int) -> None:
    """InputError unless ``count`` grooves fit on a /similar page (Discord's option range can be forged)."""
    if not COUNT_MIN <= count <= COUNT_MAX:
        raise InputError(f"count must be from {COUNT_MIN} to {COUNT_MAX}, not {count}")


NOTHING_TO_SEARCH = (
    "give a query (words, e.g. 'laid back reggae one drop'), a pattern (notation, e.g. "
    "'bd: x---x---x---x---; sd: ----x-------x---'), or both"
)
LIKE_COUNT = 5  # grooves a More like this answer shows


def check_search(query: str | None, pattern: Pattern | None) -> str:
    """The query's words, whitespace folded; InputError when there is neither a query nor a pattern."""
    text = " ".join((query or "").split())
    if not text and pattern is None:
        raise InputError(NOTHING_TO_SEARCH)
    return text


def similar(
    engine: Engine,
    query: str | None,
    count: int,
    style: str | None,
    page: int,
    user_id: int,
    *,
    pattern: Pattern | None = None,
    votes: Votes = None,
) -> Reply:
    """/similar: page ``page`` (0-based) of the best grooves, ``count`` to a page: by the words of
    ``query``, by the rhythm of ``pattern`` (never that grid itself), or both."""
    check_count(count)
    text = check_search(query, pattern)
    key = engine.resolve_style(style)
    pages = max(1, MAX_K // count)
    page = min(max(page, 0), pages - 1)
    wanted = min(MAX_K, (page + 1) * count + 1)  # one more than shown tells whether a next page exists
    hits = engine.similar(text or None, k=wanted, style=key, pattern=pattern, votes=votes)
    shown = hits[page * count : (page + 1) * count]
    has_next = len(hits) > (page + 1) * count and page + 1 < pages
    return similar_reply(text, shown, Paging(user_id, page, count, key, has_next), pattern)


def more_like_this(engine: Engine, notation: str, user_id: int, votes: Votes = None) -> Reply:
    """More like this: the `LIKE_COUNT` library grooves whose rhythm is closest to ``notation``."""
    return similar(engine, None, LIKE_COUNT, None, 0, user_id, pattern=engine.parse(notation), votes=votes)


def read_pattern(engine: Engine, text: str) -> Pattern:
    """A user's notation (code fences and beat rulers allowed) or the parser's exact NotationError."""
    body = strip_code(text)
    if not body:
        raise NotationError("no pattern: write one line per instrument, like 'bd: x---x---; sd: ----x---'")
    return engine.parse(body)


def convert(
    engine: Engine, pattern: Pattern, bpm: int | None = None, humanize: int | None = None, swing: int | None = None
) -> Reply:
    """/convert: render a pattern the user wrote: as written (on the grid, straight) unless asked otherwise."""
    tempo = DEFAULT_CONVERT_BPM if bpm is None else bpm
    check_bpm(tempo)
    check_feel(humanize, swing)
    feel = swing_fraction(swing) if swing is not None else 0.0
    rendering = engine.render(pattern, tempo, feel, title="Your pattern", humanize=humanize or 0)
    return convert_reply(pattern, tempo, rendering)


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


def export_saves(engine: Engine, grooves: Sequence[SavedGroove]) -> Reply:
    """/saved's export: one .zip with a MIDI file per saved groove (as it was played) and grooves.txt."""
    if not grooves:
        return Reply(text="You have no saved grooves to export.", ephemeral=True)
    buffer = io.BytesIO()
    skipped = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, groove in enumerate(grooves, start=1):
            try:
                pattern = engine.parse(groove.notation)
            except NotationError as exc:  # saved by an older version whose notation no longer reads
                log.warning("save %d no longer parses: %s", groove.id, exc)
                skipped.append(groove.name)
                continue
            name = f"{number:03d}-{_file_stem(groove.name)}.mid"
            archive.writestr(name, midi_bytes(pattern, groove.bpm, groove.swing, name=groove.name))
        archive.writestr("grooves.txt", export_text(grooves))
    text = f"Your {len(grooves)} saved grooves: a MIDI file each, and grooves.txt with their notation."
    if skipped:
        text += f" {len(skipped)} could not be read as patterns any more and are in grooves.txt only."
    return Reply(text=text, files=((EXPORT_NAME, buffer.getvalue()),), ephemeral=True)


def _file_stem(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "groove"
