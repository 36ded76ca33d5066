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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from .errors import NotationError
from .instruments import (
    BY_CODE,
    GHOSTS_ASIDE,
    INSTRUMENTS,
    REAL_HITS,
    STEP_REGEX_CLASS,
    STEP_SYMBOLS,
    SYMBOL_CHARS,
)
from .intent import Constraint, Intent, parse_intent
from .notation import MAX_BARS, Pattern, get_meter
from .transforms import to_bars

if TYPE_CHECKING:
    from .check import Trait

FAMILY_LABELS = {"cymbal": "cymbals", "drum": "drums", "hand": "hand percussion"}
REST_STEP_CLASS = "[-]"


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
    intent: Intent | None = None  # the request read once; parsed from the description when not given
    required: tuple[str, ...] = ()  # voices the answer must write (the schema's ``required``)
    change: str | None = None  # a Refine: the instruction for the groove shown last ("busier hats")
    traits: tuple[Trait, ...] | None = None  # the library's style traits; None: the packaged traits.toml

    def __post_init__(self) -> None:
        if self.intent is None:
            object.__setattr__(self, "intent", parse_intent(self.description))
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
        """The instrument code when the request asks for that one instrument alone."""
        return self.read.single_instrument

    @property
    def read(self) -> Intent:
        assert self.intent is not None  # set in __post_init__
        return self.intent

    @property
    def constraints(self) -> tuple[Constraint, ...]:
        """The request's constraints that can be placed in this meter."""
        return self.read.placed(self.time_signature, self.steps_per_bar)

    @property
    def left_out(self) -> frozenset[str]:
        """Voices the request rules out ("no crash", "only kick and snare")."""
        return frozenset(v for c in self.constraints if c.rule == "absent" for v in c.voices)


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
    """JSON schema for ``{"name": str, "tracks": {code: steps}}``, every track exactly N steps.

    The grammar a server builds from it holds the answer to the request where a schema can
    say it: voices the request rules out are not offered, the core voices are ``required``
    (a grammar enforces that, though not ``minProperties``), and a constraint on one voice
    is written into that voice's step pattern ("kick on 1 and 3, nowhere else" becomes a real
    hit on steps 1 and 9 and rests or ghost notes between them, in every bar).
    """
    offered = [inst.code for inst in INSTRUMENTS if inst.code not in request.left_out]
    return {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "tracks": {
                "type": "object",
                "properties": {code: {"type": "string", "pattern": _step_pattern(request, code)} for code in offered},
                "required": [c for c in request.required if c in offered],
                "additionalProperties": False,
                "minProperties": 1,
            },
        },
        "required": ["name", "tracks"],
    }


def _step_pattern(request: GenerationRequest, code: str) -> str:
    """The regex for one track: any step, except where a constraint on this voice says otherwise."""
    strokes = BY_CODE[code].strokes
    any_stroke = "[" + strokes + "]" if strokes != SYMBOL_CHARS else STEP_REGEX_CLASS
    classes = [any_stroke] * request.steps_per_bar
    for c in request.constraints:
        if code not in c.voices or c.rule in ("absent", "present"):
            continue
        steps = c.steps(request.time_signature, request.steps_per_bar) or frozenset()
        lead = c.voices[0] if len(c.voices) == 1 else next((v for v in request.required if v in c.voices), c.voices[0])
        for i in range(request.steps_per_bar):
            if c.rule == "off" and i in steps:
                classes[i] = REST_STEP_CLASS
            elif c.rule in ("on", "only") and i in steps and code == lead:
                classes[i] = "[" + "".join(s for s in strokes if s in REAL_HITS) + "]"
            elif c.rule == "only" and i not in steps:  # a drum's ghost notes aside, nothing else
                classes[i] = (
                    "[" + "".join(s for s in strokes if s not in REAL_HITS) + "]"
                    if code in GHOSTS_ASIDE
                    else REST_STEP_CLASS
                )
    return "^" + _runs(classes * request.bars) + "$"


def _runs(classes: list[str]) -> str:
    """Character classes with repeats folded: [a][a][a] -> [a]{3}, so the grammar stays small."""
    out, i = [], 0
    while i < len(classes):
        j = i
        while j < len(classes) and classes[j] == classes[i]:
            j += 1
        out.append(classes[i] + (f"{{{j - i}}}" if j - i > 1 else ""))
        i = j
    return "".join(out)


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
            EDIT_RULE if request.change else "- Write a new groove in the spirit of the examples; do not copy one.",
            "",
            'Answer with one JSON object and nothing else: {"name": "<short name>", "tracks": {"<code>": "<steps>"}}.',
        ]
    )


EDIT_RULE = "- Edit the last groove as asked: make the change, and keep every part it does not name as it is."


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


def _example_turns(example: Example, bars: int) -> list[dict[str, str]]:
    """An example as the request's unit: its first ``bars`` bars (the model writes one bar, then the
    engine repeats it), so the examples show the answer's exact shape."""
    pattern = to_bars(example.pattern, min(bars, example.pattern.bars))
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
    if request.change:
        lines[0] = f"Change the groove you wrote last: {request.change}. Keep everything else as it is."
    code = request.single_instrument
    if code is not None:
        lines.append(f"Write only the {BY_CODE[code].name} track ({code}): the request asks for it alone.")
    musts = [c.step_sentence(request.time_signature, request.steps_per_bar) for c in request.constraints]
    if musts:
        lines.append("It must have: " + "; ".join(musts) + ".")
    if request.required:
        lines.append("Write these tracks: " + ", ".join(request.required) + ".")
    return "\n".join(lines)


def build_messages(request: GenerationRequest, examples: Iterable[Example]) -> list[dict[str, str]]:
    """System message, one user/assistant pair per example, then the request."""
    messages = [{"role": "system", "content": _system_message(request)}]
    for example in examples:
        messages += _example_turns(example, request.bars)
    messages.append({"role": "user", "content": request_message(request)})
    return messages


def repair_message(reason: str, request: GenerationRequest) -> str:
    """The user turn that asks the model to fix its answer, quoting the parser or the check."""
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
