"""Reading the model's answer: the pattern and name in it, or exactly why there is none.

`parse_answer` reads the JSON the response schema asks for and, for servers that ignore
``format``, notation lines in prose or a code fence. Nothing is padded, cut or guessed.
Steps are read by the notation's own `read_steps`, so an answer and a user's pattern
cannot disagree about what a step is.

Every reader here takes time linear in the answer's length (no backtracking regex over the
answer, a bounded number of JSON decodes): the answer comes from a server, and a long one
must not hold a worker thread, and with it the interpreter lock, for seconds.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Mapping

from .errors import LLMUnusable, NotationError
from .instruments import BY_CODE, REST_ALIASES, SYMBOL_CHARS, resolve_instrument
from .notation import SEPARATORS, Pattern, parse_pattern, read_steps
from .prompt import GenerationRequest

NAME_MAX_CHARS = 60
QUOTE_CHARS = 80  # how much of an unusable answer an error message quotes


def parse_answer(text: str, request: GenerationRequest) -> tuple[Pattern, str]:
    """The pattern and name in the model's answer, or `LLMUnusable` saying exactly why not.

    Reads the JSON the schema asks for (``{"name", "tracks": {code: steps}}``); for servers
    that ignore ``format``, also notation lines (``bd: x---x---``) in prose or a code fence.
    Nothing is padded, cut or guessed: every track must already have ``request.length`` steps.
    The name is "" when the answer has none.
    """
    body = _strip_fence(text.strip())
    if not body:
        raise LLMUnusable("the answer was empty")
    if body.startswith("{"):
        tracks, name = _tracks_from_json(body)
        return _build(tracks, request), name
    entries = _notation_block(text)
    if entries:
        return _pattern_from_notation(entries, request), ""
    embedded = _embedded_json(text)
    if embedded is not None:
        tracks, name = _tracks_from_object(embedded)
        return _build(tracks, request), name
    raise LLMUnusable(f"the answer held no pattern, neither JSON nor notation lines: {_quote(text)}")


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return json.dumps(flat if len(flat) <= QUOTE_CHARS else flat[: QUOTE_CHARS - 1] + "…", ensure_ascii=False)


_FENCE = re.compile(r"^```[\w-]*\s*\n?(.*?)\n?```$", re.DOTALL)


def _strip_fence(text: str) -> str:
    match = _FENCE.match(text)
    return match.group(1).strip() if match else text


def _is_cut_off(text: str) -> bool:
    """True when JSON text ends inside a string or with brackets still open."""
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
    return in_string or depth > 0


def _tracks_from_json(body: str) -> tuple[dict[str, object], str]:
    try:
        data, _end = json.JSONDecoder().raw_decode(body)  # prose after a complete object is ignored
    except json.JSONDecodeError as exc:
        if _is_cut_off(body):
            raise LLMUnusable(
                f"the answer was cut off in the middle of its JSON, after {len(body)} characters"
            ) from None
        raise LLMUnusable(f"the answer is not valid JSON ({exc.msg} at character {exc.pos + 1})") from None
    except RecursionError:
        raise LLMUnusable("the answer's JSON is nested too deeply to read") from None
    except ValueError as exc:  # a number of more than 4,300 digits
        raise LLMUnusable(f"the answer's JSON could not be read ({exc})") from None
    return _tracks_from_object(data)


def _tracks_from_object(data: object) -> tuple[dict[str, object], str]:
    if not isinstance(data, dict):
        raise LLMUnusable(f'the answer is JSON {type(data).__name__}, not an object with "name" and "tracks"')
    tracks = data.get("tracks")
    if not isinstance(tracks, dict):
        raise LLMUnusable('the JSON has no "tracks" object mapping instrument codes to steps, like {"bd": "x---x---"}')
    name = data.get("name")
    name = " ".join(name.split())[:NAME_MAX_CHARS] if isinstance(name, str) else ""
    return tracks, name


EMBEDDED_TRIES = 20  # objects decoded at most when looking for one inside prose
_OBJECT_START = re.compile(r'\{\s*"')  # an object with a key


def _embedded_json(text: str) -> object | None:
    """The first JSON object with "tracks" inside prose ("Here you go: {...}"), or None.

    Only the first EMBEDDED_TRIES objects are decoded: a decode may read to the end of the
    text, and a text of nested braces would otherwise cost time quadratic in its length.
    """
    decoder = json.JSONDecoder()
    for tries, match in enumerate(_OBJECT_START.finditer(text)):
        if tries == EMBEDDED_TRIES:
            break
        try:
            value, _end = decoder.raw_decode(text, match.start())
        except (ValueError, RecursionError):  # not JSON, nested too deeply, a number too long
            continue
        if isinstance(value, dict) and "tracks" in value:
            return value
    return None


def _clean_steps(code: str, raw: object) -> str:
    """Canonical steps of one track of the answer, read by the notation's own step reader."""
    if not isinstance(raw, str):
        raise LLMUnusable(f"track {code} is JSON {type(raw).__name__}, not a string of steps")
    try:
        return read_steps(raw, f"track {code}")
    except NotationError as exc:
        raise LLMUnusable(exc.message) from None


def _resolve_tracks(raw_tracks: Mapping[str, object]) -> dict[str, str]:
    tracks: dict[str, str] = {}
    for key, raw in raw_tracks.items():
        code = resolve_instrument(str(key))
        if code is None:
            raise LLMUnusable(f"{str(key)!r} is not an instrument; use one of {', '.join(BY_CODE)}")
        if code in tracks:
            raise LLMUnusable(f"{BY_CODE[code].name} ({code}) has two tracks; it needs one")
        tracks[code] = _clean_steps(code, raw)
    return tracks


def _check_lengths(tracks: Mapping[str, str], request: GenerationRequest) -> None:
    bad = [f"track {code} has {len(steps)} steps" for code, steps in tracks.items() if len(steps) != request.length]
    if bad:
        bars = f"{request.bars} bar{'s' if request.bars != 1 else ''}"
        raise LLMUnusable(
            f"{' and '.join(bad)}, expected {request.length} "
            f"({bars} of {request.steps_per_bar} steps in {request.time_signature})"
        )


def _check_hits(tracks: Mapping[str, str], request: GenerationRequest) -> dict[str, str]:
    """The tracks that sound; unusable when none does, or one does and a kit was asked for."""
    sounding = {code: steps for code, steps in tracks.items() if set(steps) - {"-"}}
    if not sounding:
        raise LLMUnusable("the pattern has no hits at all: every track is rests")
    if len(sounding) == 1 and request.single_instrument is None:
        (code,) = sounding
        raise LLMUnusable(
            f"the pattern has only one instrument ({code}, {BY_CODE[code].name}); "
            "a groove needs at least two unless the request asks for one instrument"
        )
    return sounding


def _build(raw_tracks: Mapping[str, object], request: GenerationRequest) -> Pattern:
    tracks = _resolve_tracks(raw_tracks)
    if not tracks:
        raise LLMUnusable('the "tracks" object is empty')
    _check_lengths(tracks, request)
    sounding = _check_hits(tracks, request)
    try:
        return Pattern.from_tracks(sounding, request.time_signature, request.steps_per_bar).ordered()
    except NotationError as exc:
        raise LLMUnusable(f"the pattern does not fit the notation: {exc}") from None


# Notation inside prose: "<instrument words>: <steps>", with markdown marks allowed around
# both ("- **sd:** `----x---`"). The name is the last one to three words before a colon;
# steps come from the table (plus rest aliases and the bar marks users type), may hold
# spaces, and end on a step not followed by a letter or digit; an entry needs at least 4
# steps, so "Kick: off" is not one. Read by hand, left to right, colon by colon: each
# character is looked at a bounded number of times (a backtracking regex took 12 s on a
# 20,000-letter answer).
_STEP_CHARS = frozenset(SYMBOL_CHARS + "".join(REST_ALIASES) + "|")
_STEP_GAPS = frozenset(" \t")  # inside steps, between marks
_LETTERS = frozenset(string.ascii_letters)
_NAME_CHARS = _LETTERS | {"-"}  # a name word: a letter, then letters and hyphens
_ALNUM = _LETTERS | frozenset(string.digits)
_MARKS_BEFORE_COLON = frozenset("*_`")
_MARKS_AFTER_COLON = frozenset("*`")
_NAME_WORDS = 3
_MIN_STEPS = 4
_META = re.compile(r"^\W*(time|meter|time signature)\W*:\s*\d+\s*/\s*\d+\W*$", re.IGNORECASE)


def _entry_code(name: str) -> str | None:
    """The instrument the last words before a colon name ("the kick" -> bd), or None."""
    words = name.split()
    for start in range(len(words)):
        code = resolve_instrument(" ".join(words[start:]))
        if code is not None:
            return code
    return None


def _name_start(line: str, end: int, floor: int) -> int | None:
    """Where the name that ends at ``end`` starts: the earliest start at or after ``floor`` of
    one to three words joined by single spaces; None when no word ends there."""
    start = None
    for _ in range(_NAME_WORDS):
        run = end
        while run > floor and line[run - 1] in _NAME_CHARS:
            run -= 1
        first = run
        while first < end and line[first] not in _LETTERS:  # a word starts with a letter
            first += 1
        if first == end:
            break
        start = first
        if first != run or run - 1 < floor or line[run - 1] != " ":
            break  # nothing more can join: leading hyphens, the floor, or no single space before
        end = run - 1
    return start


def _entry_at(line: str, colon: int, floor: int) -> tuple[str, str, int] | None:
    """(name, steps, end of the steps) of the entry whose colon is at ``colon``, or None.

    The name starts at or after ``floor`` (where the previous entry ended).
    """
    end = colon
    while end > floor and line[end - 1].isspace():
        end -= 1
    while end > floor and line[end - 1] in _MARKS_BEFORE_COLON:
        end -= 1
    start = _name_start(line, end, floor)
    if start is None:
        return None
    first, size = colon + 1, len(line)
    while first < size and line[first].isspace():
        first += 1
    while first < size and line[first] in _MARKS_AFTER_COLON:
        first += 1
    while first < size and line[first].isspace():
        first += 1
    if first == size or line[first] not in _STEP_CHARS:
        return None
    run = first
    while run < size and (line[run] in _STEP_CHARS or line[run] in _STEP_GAPS):
        run += 1
    # the longest steps that end on a step not glued to a letter or digit ("x---x---and" ends
    # on the dash before the last)
    for last in range(run, first, -1):
        if line[last - 1] in _STEP_CHARS and (last == size or line[last] not in _ALNUM):
            return line[start:end], line[first:last], last
    return None


def _notation_entries(line: str) -> list[tuple[str, str]]:
    """(code, steps text) for each notation entry found in one line of the answer."""
    entries = []
    floor = 0
    colon = line.find(":")
    while colon != -1:
        found = _entry_at(line, colon, floor)
        if found is None:
            colon = line.find(":", colon + 1)
            continue
        name, steps, floor = found
        code = _entry_code(name)
        if code is not None and sum(c not in SEPARATORS for c in steps) >= _MIN_STEPS:
            entries.append((code, steps))
        colon = line.find(":", floor)
    return entries


def _blocks(lines: list[str]) -> list[list[tuple[str, str]]]:
    """Entries of each run of consecutive notation lines; blank and 'time: 3/4' lines do not break a run."""
    blocks: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in lines:
        entries = _notation_entries(line)
        if entries:
            current += entries
        elif current and line.strip() and not _META.match(line):
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _notation_block(text: str) -> list[tuple[str, str]]:
    """The notation entries of the answer: the first run inside a code fence, else the first run."""
    for fenced in re.findall(r"```[\w-]*\n(.*?)```", text, re.DOTALL):
        blocks = _blocks(fenced.splitlines())
        if blocks:
            return blocks[0]
    blocks = _blocks(text.splitlines())
    return blocks[0] if blocks else []


def _pattern_from_notation(entries: list[tuple[str, str]], request: GenerationRequest) -> Pattern:
    counted: dict[str, str] = {}
    for code, steps in entries:
        if code in counted:
            raise LLMUnusable(f"{BY_CODE[code].name} ({code}) has two lines; it needs one")
        counted[code] = _clean_steps(code, steps)
    _check_lengths(counted, request)
    _check_hits(counted, request)
    text = "\n".join(f"{code}: {steps}" for code, steps in entries)
    try:
        pattern = parse_pattern(text, time_signature=request.time_signature, steps_per_bar=request.steps_per_bar)
    except NotationError as exc:
        raise LLMUnusable(f"the notation lines do not parse: {exc}") from None
    return pattern.replace_tracks(pattern.tracks).ordered()
