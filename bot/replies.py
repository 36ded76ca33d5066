"""Replies as plain data, built from engine results by pure functions.

The cogs turn a `Reply` into an embed with files and buttons (`formatting`, `components`);
the console prints `Reply.to_text()` and writes the files. Both call the same builders, so
what a terminal user sees is what a Discord user sees, minus the buttons.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pydrums_engine.engine import RebuildReport
from pydrums_engine.form import Song
from pydrums_engine.generation import Generation
from pydrums_engine.instruments import BY_CODE, INSTRUMENTS, REST_ALIASES, STEP_SYMBOLS
from pydrums_engine.notation import MAX_BARS, METERS, Pattern
from pydrums_engine.render import Rendering
from pydrums_engine.retrieval import Hit

from .formatting import bars_text, pattern_block, public_reason, swing_text
from .memory import Holdings, Memo, SavedGroove, SavedPage, SaveResult, Tally

REQUEST_FIELD, STYLE_FIELD, QUERY_FIELD = "Request", "Style", "Query"
PICTURE = "pattern.png"


@dataclass(frozen=True)
class Field:
    """One labelled part of a reply; ``code`` is shown as a code block under ``value``."""

    name: str
    value: str = ""
    code: str = ""
    inline: bool = False


@dataclass(frozen=True)
class DrumsRequest:
    """What a user asked /drums for (``style`` a library style key once checked)."""

    description: str
    style: str | None = None
    bpm: int | None = None
    bars: int | None = None
    humanize: int | None = None  # 0-100; None: the engine's light touch
    swing: int | None = None  # 0-100; None: the groove's own
    form: str | None = None  # song sections such as "AABA" (then ``bars`` is bars per section)


@dataclass(frozen=True)
class DrumsActions:
    """What the Regenerate and Variation buttons need besides the message they sit on.

    ``style``, ``bpm``, ``bars``, ``humanize`` and ``swing_amount`` are the options as asked
    (None: left to the engine); ``tempo`` and ``swing`` are how the shown pattern is played
    (a variation keeps them, and the humanize asked for).
    """

    style: str | None
    bpm: int | None
    bars: int | None
    tempo: int
    swing: float
    humanize: int | None = None
    swing_amount: int | None = None
    form: str | None = None  # the song form asked for: Regenerate and Variation keep it


@dataclass(frozen=True)
class Paging:
    """Which page of /similar results a message shows, and whose it is."""

    user_id: int
    page: int
    count: int
    style: str | None
    has_next: bool


@dataclass(frozen=True)
class ShownGroove:
    """A groove as a /drums reply shows it, read back from the message for the buttons."""

    title: str
    request: str
    style: str
    notation: str


@dataclass(frozen=True)
class SavedPaging:
    """Which page of /saved a message shows, whose it is, and whether there is more."""

    user_id: int
    page: int
    has_next: bool
    total: int


@dataclass(frozen=True)
class Reply:
    """Everything one answer says; ``files`` are (filename, bytes), ``image`` names one of them."""

    text: str = ""
    title: str = ""
    code: str = ""
    fields: tuple[Field, ...] = ()
    footer: str = ""
    files: tuple[tuple[str, bytes], ...] = ()
    image: str | None = None
    ephemeral: bool = False
    actions: DrumsActions | None = None  # Regenerate, Variation, More like this, Refine; 👍 👎 Save
    paging: Paging | None = None
    like: str | None = None  # /similar: the groove id More like this searches from (the page's top hit)
    memo: Memo | None = None  # recorded in the memory once sent
    saved_paging: SavedPaging | None = None  # /saved: ◀ ▶ and the export button
    forget_user: int | None = None  # /forget: the confirm button, for this user

    @property
    def is_embed(self) -> bool:
        return bool(self.title or self.code or self.fields)

    def to_text(self) -> str:
        """The reply for a terminal."""
        lines = [f"== {self.title} ==" if self.title else "", self.text]
        lines += [_indent(self.code)] if self.code else []
        for item in self.fields:
            if "\n" in item.value:
                lines.append(f"{item.name}:\n" + _indent(item.value, 4))
            else:
                lines.append(f"{item.name}: {item.value}".rstrip())
            if item.code:
                lines.append(_indent(item.code, 4))
        lines.append(f"({self.footer})" if self.footer else "")
        return "\n".join(line for line in lines if line)


def note(text: str) -> Reply:
    """A one-sentence answer only the asker sees."""
    return Reply(text=text, ephemeral=True)


def _indent(text: str, by: int = 2) -> str:
    return "\n".join(" " * by + line for line in text.splitlines())


def similarity(hit: Hit) -> float:
    """How alike, 0-1: the cosine similarity of the request and the groove's best description,
    or for a search by rhythm alone, how close the groove's rhythm is to the pattern.

    Grooves are ranked by a blended score (similarity plus lexical, style, tempo and vote
    parts); the similarity is the part a person can read as "how alike". Without a model
    (lexical search only) the score stands in for it.
    """
    value = hit.parts.get("semantic") or hit.parts.get("rhythm") or hit.score
    return min(max(value, 0.0), 1.0)


def _files(rendering: Rendering) -> tuple[tuple[str, bytes], ...]:
    return (("pattern.mid", rendering.midi), ("pattern.wav", rendering.wav), (PICTURE, rendering.png))


def _feel(rendering: Rendering) -> str:
    """Text like ", humanize 20" when the files are humanized, and why a swing asked for is not heard."""
    text = f", humanize {rendering.humanize}" if rendering.humanize else ""
    return text + (f" ({rendering.swing_note})" if rendering.swing_note else "")


def _playing_fields(
    request: str, style: str, pattern: Pattern, tempo: int, swing: float, rendering: Rendering, song: Song | None = None
) -> list[Field]:
    length = bars_text(pattern) if song is None else f"{song.bars} bars of {pattern.time_signature}"
    fields = [
        Field(REQUEST_FIELD, request),
        Field(STYLE_FIELD, style, inline=True),
        Field("Tempo", f"{tempo} bpm, {swing_text(swing)}{_feel(rendering)}", inline=True),
        Field("Length", length, inline=True),
    ]
    if song is not None:
        fields.append(Field(FORM_FIELD, form_text(song, rendering)))
    return fields


FORM_FIELD = "Form"


def form_text(song: Song, rendering: Rendering) -> str:
    """The form, its sections and what the files hold: the reply's 'Form' field."""
    lines = [
        song.summary(),
        "Section A is shown above; the picture shows every section, the MIDI plays the whole song "
        "with a marker per section and a fill before each change.",
    ]
    if rendering.audio_note:
        lines.append(rendering.audio_note[:1].upper() + rendering.audio_note[1:] + ".")
    return "\n".join(lines)


# -- /drums and its buttons -------------------------------------------------------------------


def generation_reply(generation: Generation, rendering: Rendering, request: DrumsRequest) -> Reply:
    """A /drums answer: the pattern under a beat ruler, what it was based on, who made it.

    The model's name, like the server's address, is the operator's business: it goes to the
    log, never into a message."""
    pattern = generation.pattern.ordered()
    fields = _playing_fields(
        request.description, generation.style, pattern, generation.bpm, generation.swing, rendering, generation.song
    )
    if generation.based_on:
        lines = [f"{hit.name} ({hit.style}): {similarity(hit):.2f}" for hit in generation.based_on]
        fields.append(Field("Based on (similarity)", "\n".join(lines)))
    asked = constraint_lines(generation)
    if asked:
        fields.append(Field(ASKED_FIELD, asked))
    if generation.source == "llm":
        footer = f"Written by the model, with {len(generation.examples)} library grooves as examples."
    else:
        footer = f"From the library, not the model: {public_reason(generation.reason)}"
    actions = DrumsActions(
        request.style,
        request.bpm,
        request.bars,
        generation.bpm,
        generation.swing,
        request.humanize,
        request.swing,
        generation.song.form if generation.song else None,
    )
    grooves = generation.examples or [hit.id for hit in generation.based_on]
    memo = Memo(
        request.description,
        generation.pattern.to_text(),
        generation.name,
        generation.style,
        generation.bpm,
        generation.swing,
        generation.source,
        tuple(dict.fromkeys(grooves)),
    )
    return Reply(
        title=generation.name,
        code=pattern_block(pattern),
        fields=tuple(fields),
        footer=footer,
        files=_files(rendering),
        image=PICTURE,
        actions=actions,
        memo=memo,
    )


ASKED_FIELD = "What you asked of the grid"


def constraint_lines(generation: Generation) -> str:
    """One line per thing the request asked of the grid, ✓ or ✗, and what was not understood."""
    lines = [f"{'✓' if v.honoured else '✗'} {v.text}" for v in generation.check.constraints]
    intent = generation.intent
    lines += [f"? {text}: not understood, left out" for text in (intent.not_understood if intent else ())]
    lines += [f"? {text}" for text in (intent.limited if intent else ())]
    return "\n".join(lines)


def variation_reply(
    shown: ShownGroove, pattern: Pattern, rendering: Rendering, actions: DrumsActions, song: Song | None = None
) -> Reply:
    """A Variation answer: the varied pattern (with a form: the song built on it), played as the groove it came from."""
    base = shown.title.removesuffix(" (variation)")
    fields = _playing_fields(shown.request, shown.style, pattern, actions.tempo, actions.swing, rendering, song)
    title = f"{base} (variation)"
    return Reply(
        title=title,
        code=pattern_block(pattern.ordered()),
        fields=tuple(fields),
        footer="A variation of the groove above: ghost notes, hat openings or kick moves; the backbeat stays.",
        files=_files(rendering),
        image=PICTURE,
        actions=actions,
        memo=Memo(shown.request, pattern.to_text(), title, shown.style, actions.tempo, actions.swing, "variation"),
    )


REFINED_FIELD = "Refined"
_SUFFIXES = (" (variation)", " (refined)")


def base_title(title: str) -> str:
    """A groove's name without the "(variation)" / "(refined)" its answers add."""
    for suffix in _SUFFIXES:
        title = title.removesuffix(suffix)
    return title


def refined_request(request: str, instruction: str) -> str:
    """The words a refined groove was made for: the request and every change asked since, so a
    further Refine or a Regenerate keeps them all."""
    return f"{request}, {' '.join(instruction.split())}"


def refine_reply(
    shown: ShownGroove,
    instruction: str,
    generation: Generation,
    rendering: Rendering,
    actions: DrumsActions,
    song: Song | None = None,
) -> Reply:
    """A Refine answer: the shown groove changed as asked, with what changed and who changed it."""
    request = refined_request(shown.request, instruction)
    title = f"{base_title(shown.title)} (refined)"
    pattern = generation.pattern.ordered()
    fields = _playing_fields(request, shown.style, pattern, actions.tempo, actions.swing, rendering, song)
    asked = constraint_lines(generation)
    if generation.source == "llm":
        done = f"“{' '.join(instruction.split())}”: the model changed the groove above."
        footer = "A refinement of the groove above, written by the model and checked on the grid."
    else:
        done = f"“{' '.join(instruction.split())}”: the engine made the change to the groove above."
        footer = f"A refinement of the groove above, not by the model: {public_reason(generation.reason)}"
    fields.insert(1, Field(REFINED_FIELD, done))
    if asked:
        fields.append(Field(ASKED_FIELD, asked))
    return Reply(
        title=title,
        code=pattern_block(pattern),
        fields=tuple(fields),
        footer=footer,
        files=_files(rendering),
        image=PICTURE,
        actions=actions,
        memo=Memo(request, generation.pattern.to_text(), title, shown.style, actions.tempo, actions.swing, "refine"),
    )


# -- votes, saves, /saved, /forget --------------------------------------------------------------

VOTES_FIELD = "Votes"
SAVED_PAGE_SIZE = 5
EXPORT_NAME = "saved-grooves.zip"


def votes_text(tally: Tally) -> str:
    """The counts a /drums reply shows once someone voted: '👍 3 · 👎 1'."""
    return f"👍 {tally.up} · 👎 {tally.down}"


def vote_note(tally: Tally, value: int) -> str:
    """What the voter alone is told: counted, changed or withdrawn."""
    if tally.mine == 0:
        return f"Your {'👍' if value > 0 else '👎'} is withdrawn ({votes_text(tally)})."
    return f"Your {'👍' if tally.mine > 0 else '👎'} is counted ({votes_text(tally)})."


def saved_note(result: SaveResult) -> str:
    name = result.groove.name
    if not result.created:
        return f"You had already saved “{name}”; /saved lists your {result.total} saved grooves."
    return f"Saved “{name}” ({result.total} saved); /saved lists them and sends them as MIDI files."


def saved_reply(page: SavedPage) -> Reply:
    """A page of /saved: newest first, each with where it came from and its notation."""
    if not page.total:
        return note("You have no saved grooves yet: press Save under a /drums answer to keep one.")
    first = page.page * page.per_page
    fields = []
    for rank, groove in enumerate(page.items, start=first + 1):
        value = f"{groove.style}, {groove.bpm} bpm, {swing_text(groove.swing)}; saved {groove.created:%Y-%m-%d}\n"
        fields.append(Field(f"{rank}. {groove.name}", value + f"“{groove.request}”", code=groove.notation))
    last = first + len(page.items)
    return Reply(
        title=f"Your saved grooves ({page.total})",
        fields=tuple(fields),
        footer=f"Newest first: {first + 1}-{last} of {page.total}. Export sends them all as MIDI files in a .zip.",
        ephemeral=True,
        saved_paging=SavedPaging(page.items[0].user_id, page.page, page.has_next, page.total),
    )


def export_text(grooves: Sequence[SavedGroove]) -> str:
    """The notation file inside the export: each groove's name, facts and pattern, pasteable into /convert."""
    blocks = [
        f"# {i}. {g.name} ({g.style}, {g.bpm} bpm, {swing_text(g.swing)}), saved {g.created:%Y-%m-%d}\n"
        f"# asked: {g.request}\n{g.notation}\n"
        for i, g in enumerate(grooves, start=1)
    ]
    return "\n".join(blocks)


def forget_prompt(held: Holdings, user_id: int) -> Reply:
    """/forget: what would be deleted, and the button that does it."""
    if held.empty:
        return note("The bot keeps nothing about you: no saved grooves, no votes.")
    return Reply(
        text=f"This deletes everything the bot keeps about you: {_held_text(held)}. "
        "It cannot be undone; press the button to go ahead.",
        ephemeral=True,
        forget_user=user_id,
    )


def forgot_reply(gone: Holdings) -> Reply:
    return note(f"Done: deleted {_held_text(gone)}." if not gone.empty else "There was nothing left to delete.")


def _held_text(held: Holdings) -> str:
    """'6 saved grooves, 1 vote and your name on 6 /drums answers (...)': what there is, none of what is not."""
    parts = [_count(n, thing) for n, thing in ((held.saves, "saved groove"), (held.votes, "vote")) if n]
    if held.replies:
        parts.append(f"your name on {_count(held.replies, '/drums answer')} (the answers stay, without it)")
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)


def _count(n: int, thing: str) -> str:
    return f"{n} {thing}{'' if n == 1 else 's'}"


# -- library --------------------------------------------------------------------------------


LIKE_THIS = "Grooves with a rhythm like this:"


def similar_reply(query: str, hits: Sequence[Hit], paging: Paging, pattern: Pattern | None = None) -> Reply:
    """One page of /similar (or More like this): each groove with its style, tempo, how alike and pattern.

    The words searched for are the Query field and the pattern searched from is the code
    block, so ◀ ▶ can read both back from the message."""
    first = paging.page * paging.count
    fields = [Field(QUERY_FIELD, query)] if query else []
    for rank, hit in enumerate(hits, start=first + 1):
        value = f"{hit.style}, {hit.bpm} bpm, similarity {similarity(hit):.2f}\n{hit.description}"
        fields.append(Field(f"{rank}. {hit.name}", value, code=pattern_block(hit.pattern.ordered())))
    if not hits:
        fields.append(Field("Nothing here", "No more grooves match; go back a page."))
    footer = f"Page {paging.page + 1}" + (f": grooves {first + 1}-{first + len(hits)}" if hits else "")
    return Reply(
        title="Library grooves",
        text=LIKE_THIS if pattern is not None else "",
        code=pattern_block(pattern.ordered()) if pattern is not None else "",
        fields=tuple(fields),
        footer=footer + (f", style {paging.style} only" if paging.style else ""),
        paging=paging,
        like=hits[0].id if hits else None,
    )


def styles_reply(styles: Mapping[str, int]) -> Reply:
    """/styles: every style with its number of grooves."""
    listing = ", ".join(f"{style} ({count})" for style, count in styles.items())
    return Reply(
        title=f"{len(styles)} styles, {sum(styles.values())} grooves",
        text=listing,
        footer="Pick one with /drums style:, or just name it in your description.",
    )


def convert_reply(pattern: Pattern, bpm: int, rendering: Rendering) -> Reply:
    """/convert: the user's own pattern, rendered as written."""
    names = ", ".join(BY_CODE[code].name for code, _ in pattern.track_items)
    swung = f", {swing_text(rendering.swing)}" if rendering.swing else ""
    return Reply(
        title="Your pattern",
        code=pattern_block(pattern),
        fields=(
            Field("Tempo", f"{bpm} bpm{swung}{_feel(rendering)}", inline=True),
            Field("Length", bars_text(pattern), inline=True),
            Field("Instruments", names),
        ),
        footer="MIDI on channel 10 (General MIDI drums), an audio preview and a step-grid picture.",
        files=_files(rendering),
        image=PICTURE,
    )


def rebuild_reply(report: RebuildReport) -> Reply:
    return note(f"Rebuilt the library index: {report.summary()}.")


# -- /help, generated from the instrument table -------------------------------------------------


def help_reply() -> Reply:
    """How to ask for a groove and how to write one; instruments and symbols from the one table."""
    width = max(len(i.name) for i in INSTRUMENTS)
    table = "\n".join(
        f"{i.code}  {i.name.ljust(width)}  {i.gm_note:>3}  {', '.join([a for a in i.aliases if a != i.name][:2])}"
        for i in INSTRUMENTS
    )
    symbols = "\n".join(f"{s.symbol}  {s.meaning}" for s in STEP_SYMBOLS)
    rests = " and ".join(repr(a) for a in REST_ALIASES)
    bar_sizes = ", ".join(f"{name} {meter.steps_per_bar}" for name, meter in METERS.items())
    return Reply(
        title="How PyDrums works",
        fields=(
            Field(
                "/drums description: ...",
                "Describe the groove in your own words: a style (funk, bossa nova, trap), a feel (laid back, "
                "driving, swung), a tempo (slow, fast, 90 bpm), a meter (6/8), an artist or a scene. Add "
                "'with a fill' for a fill in the last bar. style:, bpm: and bars: fix those exactly; "
                "humanize: (0 on the grid to 100 loose) and swing: (0 straight to 100 triplet) shape how "
                "it is played; form: (e.g. AABA: A the groove, B chorus, C bridge, D breakdown) makes a song "
                "of bars: long sections with fills at the changes. "
                "Regenerate asks again; Variation changes a few notes of the groove shown; More like this "
                "lists the library grooves with the closest rhythm; Refine asks what should change "
                "('busier hats, no crash', 'more ghost notes', 'kick on the and of 3') and makes that change.",
            ),
            Field(
                "/similar query: ... pattern: ...",
                "The library grooves closest to a description (query:), to a rhythm you write (pattern:, "
                "in /convert's notation), or to both; with their patterns. More like this under an answer "
                "searches by the rhythm of its top groove.",
            ),
            Field(
                "/convert pattern: ...",
                "Renders a pattern you wrote: one line per instrument, 'code: steps', or lines joined with ';' "
                "(bd: x---x---x---x---; sd: ----x-------x---). Every line has the same number of steps; "
                f"steps per bar: {bar_sizes}; 1 to {MAX_BARS} bars. Add 'time: 6/8' to name the meter. "
                "The bot's own code blocks can be pasted back as they are.",
            ),
            Field("Step symbols", f"{rests} are read as rests too.", code=symbols),
            Field("Instruments (code, name, General MIDI note, other names)", code=table),
            Field(
                "👍 👎 Save, /saved, /forget",
                "Vote on any /drums answer (one vote each; press again to take it back); votes help the library "
                "grooves people like. Save keeps a groove for you; /saved lists yours and sends them all as MIDI "
                "files; /forget deletes everything the bot keeps about you.",
            ),
            Field("/styles", "Every style in the library, with its number of grooves."),
        ),
        ephemeral=True,
    )
