"""The few-shot prompt and the JSON schema the model answers in.

The model sees one system message (its role, the notation guide, the rules for this
request's meter and length, the answer format), then each library example as a user turn
and an assistant turn holding that groove as JSON, then the request. Ollama's structured
outputs (`response_schema`) hold the answer to the same shape, with every track exactly
``request.length`` steps long. The guide and the schema are derived from
`instruments.INSTRUMENTS` and `instruments.STEP_SYMBOLS`, so the prompt, the schema and the
parser cannot disagree about what an instrument or a step is.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from .errors import NotationError
from .instruments import BY_CODE, INSTRUMENTS, STEP_REGEX_CLASS, STEP_SYMBOLS, resolve_instrument
from .notation import MAX_BARS, Pattern, get_meter

FAMILY_LABELS = {"cymbal": "cymbals", "drum": "drums", "hand": "hand percussion"}

# Words that, right next to one instrument, ask for that instrument alone.
_CUES_BEFORE = frozenset({"just", "only", "solo", "nothing but", "purely", "simply"})
_CUES_AFTER = frozenset({"only", "solo", "alone", "by itself", "on its own"})
# Words that may sit between a cue and its instrument ("just a simple shaker", "kick part only").
_MAX_FILLERS_BEFORE = 2
_MAX_FILLERS_AFTER = 1
# Words that join a second idea, so a cue across them is not about the instrument.
_BREAKERS = frozenset({"with", "and", "plus", "over", "under", "beat", "groove", "kit", "drums", "band"})
# Plurals that name a family of instruments, not one: "only toms" is not one tom.
_FAMILY_WORDS = frozenset({"toms", "cymbals", "hats", "percussion"})
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_LONGEST_ALIAS_WORDS = 3


class Example(Protocol):
    """What the prompt reads from a few-shot example (`library.Groove` has all of it)."""

    id: str
    name: str
    style: str
    description: str
    bpm: int
    time_signature: str
    swing: float
    pattern: Pattern


@dataclass(frozen=True)
class GenerationRequest:
    """What the user asked for, with the meter and length already settled.

    ``steps_per_bar`` must suit ``time_signature`` (16 for 4/4, 12 for 3/4 and 6/8, ...);
    the engine picks it, this class only checks it, so a wrong pair fails here and not as
    a baffling prompt.
    """

    description: str
    style: str | None = None
    bpm: int = 100
    bars: int = 1
    time_signature: str = "4/4"
    steps_per_bar: int = 16

    def __post_init__(self) -> None:
        meter = get_meter(self.time_signature)
        if self.steps_per_bar not in (meter.steps_per_bar, meter.steps_per_bar // 2):
            raise NotationError(
                f"{meter.name} has {meter.steps_per_bar} steps per bar "
                f"(or {meter.steps_per_bar // 2} on an eighth-note grid), not {self.steps_per_bar}"
            )
        if not 1 <= self.bars <= MAX_BARS:
            raise NotationError(f"a pattern is 1 to {MAX_BARS} bars, not {self.bars}")
        if self.bpm <= 0:
            raise NotationError(f"bpm must be above 0, not {self.bpm}")

    @property
    def length(self) -> int:
        """Steps every track of the answer must have."""
        return self.bars * self.steps_per_bar

    @property
    def single_instrument(self) -> str | None:
        """The instrument code when the description asks for that one instrument alone.

        "just a shaker pattern", "kick only", "only the ride bell" name one instrument next
        to a word that excludes the rest; "just a funky beat with a cowbell" or "kick and
        snare only" do not, so they get a full kit.
        """
        return _single_instrument(self.description)


def _instrument_mentions(words: list[str]) -> list[tuple[int, int, str]]:
    """(first word, word after the match, code) for each instrument named, longest match first.

    A family word ("toms", "cymbals") is a mention with the code "" (several instruments).
    """
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        for size in range(min(_LONGEST_ALIAS_WORDS, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            code = "" if phrase in _FAMILY_WORDS else resolve_instrument(phrase)
            if code is None and size == 1 and phrase.endswith("s") and len(phrase) > 3:
                code = resolve_instrument(phrase[:-1])  # "shakers", "kicks", "toms"
            if code is not None:
                found.append((i, i + size, code))
                i += size
                break
        else:
            i += 1
    return found


def _cue_before(words: list[str], start: int) -> bool:
    for gap in range(_MAX_FILLERS_BEFORE + 1):
        for size in (1, 2):
            at = start - gap - size
            if at >= 0 and " ".join(words[at : at + size]) in _CUES_BEFORE:
                return not _BREAKERS.intersection(words[at + size : start])
    return False


def _cue_after(words: list[str], end: int) -> bool:
    for gap in range(_MAX_FILLERS_AFTER + 1):
        for size in (1, 2, 3):
            at = end + gap
            if " ".join(words[at : at + size]) in _CUES_AFTER:
                return not _BREAKERS.intersection(words[end:at])
    return False


def _single_instrument(description: str) -> str | None:
    words = _WORD.findall(description.lower())
    mentions = _instrument_mentions(words)
    codes = {code for _, _, code in mentions}
    if len(codes) != 1 or "" in codes:
        return None
    for start, end, code in mentions:
        if _cue_before(words, start) or _cue_after(words, end):
            return code
    return None


def notation_guide() -> str:
    """The step symbols and instrument codes, as the model reads them (derived from the table)."""
    steps = ", ".join(f"{s.symbol} {s.meaning}" for s in STEP_SYMBOLS)
    families: dict[str, list[str]] = {}
    for inst in INSTRUMENTS:
        families.setdefault(inst.family, []).append(f"{inst.code} {inst.name}")
    kit = "; ".join(f"{FAMILY_LABELS.get(fam, fam)}: {', '.join(names)}" for fam, names in families.items())
    return (
        "Notation: one string per instrument, one character per step, no spaces or bar lines.\n"
        f"Steps: {steps}.\n"
        f"Instruments (code name): {kit}."
    )


def response_schema(request: GenerationRequest) -> dict:
    """JSON schema for ``{"name": str, "tracks": {code: steps}}`` with exactly N steps a track."""
    step_pattern = f"^{STEP_REGEX_CLASS}{{{request.length}}}$"
    return {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "tracks": {
                "type": "object",
                "properties": {inst.code: {"type": "string", "pattern": step_pattern} for inst in INSTRUMENTS},
                "additionalProperties": False,
                "minProperties": 1,
            },
        },
        "required": ["name", "tracks"],
    }


def _bars_phrase(bars: int, steps_per_bar: int) -> str:
    return f"{bars} bar{'s' if bars != 1 else ''} of {steps_per_bar} steps"


def _beat_rule(request: GenerationRequest) -> str:
    meter = get_meter(request.time_signature)
    beats = ", ".join(str(s + 1) for s in meter.beat_starts(request.steps_per_bar))
    rule = (
        f"- This request is in {meter.name}: a bar has {request.steps_per_bar} steps and its beats "
        f"start at steps {beats} (counting from 1)"
    )
    if request.bars > 1:
        starts = ", ".join(str(b * request.steps_per_bar + 1) for b in range(request.bars))
        rule += f"; bars start at steps {starts}"
    return rule + "."


def _system_message(request: GenerationRequest) -> str:
    return "\n".join(
        [
            "You are a session drummer who writes new drum grooves in PyDrums step notation.",
            "",
            notation_guide(),
            "",
            "Rules:",
            "- Every track has exactly the number of steps the request asks for (bars times steps per bar). "
            "Count them: never more, never fewer.",
            _beat_rule(request),
            "- Use only the instruments the groove needs (usually 3 to 6) and leave silent ones out.",
            "- Open and closed hi-hat never sound on the same step.",
            "- Write a new groove in the spirit of the examples; do not copy one.",
            "",
            'Answer with one JSON object and nothing else: {"name": "<short name>", "tracks": {"<code>": "<steps>"}}.',
        ]
    )


def _ask(
    description: str, style: str | None, bpm: int, time_signature: str, bars: int, steps_per_bar: int, swing: float
) -> list[str]:
    length = bars * steps_per_bar
    lines = [
        f"Groove: {description}",
        f"Style: {style or 'any that fits'}. Tempo: {bpm} bpm.",
        f"Meter: {time_signature}, {_bars_phrase(bars, steps_per_bar)}: exactly {length} steps per track.",
    ]
    if swing > 0:
        lines.append(f"Swing: {swing:g} (0 straight, 1 full triplet).")
    return lines


def _example_turns(example: Example) -> list[dict[str, str]]:
    pattern = example.pattern
    ask = _ask(
        example.description,
        example.style,
        example.bpm,
        example.time_signature,
        pattern.bars,
        pattern.steps_per_bar,
        example.swing,
    )
    answer = {"name": example.name, "tracks": pattern.ordered().tracks}
    return [
        {"role": "user", "content": "\n".join(ask)},
        {"role": "assistant", "content": json.dumps(answer, ensure_ascii=False)},
    ]


def request_message(request: GenerationRequest) -> str:
    """The final user turn: the request, its meter and the exact step count."""
    lines = _ask(
        request.description,
        request.style,
        request.bpm,
        request.time_signature,
        request.bars,
        request.steps_per_bar,
        0.0,
    )
    code = request.single_instrument
    if code is not None:
        lines.append(f"Write only the {BY_CODE[code].name} track ({code}): the request asks for it alone.")
    return "\n".join(lines)


def build_messages(request: GenerationRequest, examples: Iterable[Example]) -> list[dict[str, str]]:
    """System message, one user/assistant pair per example, then the request."""
    messages = [{"role": "system", "content": _system_message(request)}]
    for example in examples:
        messages += _example_turns(example)
    messages.append({"role": "user", "content": request_message(request)})
    return messages


def repair_message(reason: str, request: GenerationRequest) -> str:
    """The user turn that asks the model to fix its unusable answer, quoting the parser."""
    return (
        f"That answer could not be used: {reason}\n"
        f"Answer again with the JSON object only, every track exactly {request.length} steps "
        f"({_bars_phrase(request.bars, request.steps_per_bar)} in {request.time_signature})."
    )


# Rough cost of a chat turn's wrapper (role header, separators) in tokens.
MESSAGE_OVERHEAD_TOKENS = 4


def estimate_tokens(messages: Sequence[Mapping[str, str]]) -> int:
    """Rough prompt size: ceil(characters / 4) per message plus 4 for its chat wrapper.

    Four characters a token is the usual rule of thumb for English with Llama-style
    tokenizers; step strings ("x-x-") tokenize worse, so treat this as a floor. Good enough
    to keep the prompt well inside the model's context window (2048+ tokens).
    """
    return sum(math.ceil(len(m.get("content", "")) / 4) + MESSAGE_OVERHEAD_TOKENS for m in messages)
