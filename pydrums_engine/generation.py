"""From a request to a pattern: retrieve examples, ask the model, or fall back to the library.

    request ──► retrieval (best grooves, different ones) ──► prompt with 3-5 of them
            ──► Ollama (structured output, one repair round) ──► parsed Pattern  [source "llm"]
                 │ down / slow / error / unusable twice
                 └──► best library groove, shaped to the bars and speed asked  [source "library"]

A fill is written into the last bar when the request asks for one. The reason for a
library answer is one sentence a user can read.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from .errors import InputError, LLMError
from .llm import PatternWriter
from .notation import MAX_BARS, METERS, Pattern
from .prompt import GenerationRequest
from .retrieval import Hit
from .transforms import to_bars
from .variation import add_fill, wants_fill

log = logging.getLogger(__name__)

MAX_DESCRIPTION = 300
DEFAULT_BARS = 2
PROMPT_EXAMPLES = 4
_METER_IN_TEXT = re.compile(r"\b(\d{1,2}/\d{1,2})\b")
_BPM_IN_TEXT = re.compile(r"\b(\d{2,3})\s*bpm\b", re.I)


@dataclass(frozen=True)
class Generation:
    """A generated pattern and how it came to be."""

    pattern: Pattern
    name: str
    description: str
    style: str
    bpm: int
    swing: float
    source: str  # "llm" or "library"
    examples: list[str]  # ids of the grooves shown to the model (or the one used)
    based_on: list[Hit] = field(default_factory=list)
    reason: str | None = None
    attempts: int = 0

    @property
    def bars(self) -> int:
        return self.pattern.bars

    @property
    def notation(self) -> str:
        return self.pattern.to_text()

    def to_json(self) -> dict:
        data = {
            "notation": self.notation,
            "style": self.style,
            "bpm": self.bpm,
            "bars": self.bars,
            "time_signature": self.pattern.time_signature,
            "swing": self.swing,
            "name": self.name,
            "source": self.source,
            "examples": self.examples,
            "attempts": self.attempts,
            "based_on": [{"id": h.id, "style": h.style, "score": round(h.score, 4)} for h in self.based_on],
        }
        if self.reason:
            data["reason"] = self.reason
        return data


def check_request(description: str, bpm: int | None, bars: int | None) -> str:
    """The cleaned description, or an InputError saying what is wrong."""
    text = " ".join((description or "").split())
    if not text:
        raise InputError("describe the groove you want, e.g. 'groovy funk with ghost notes'")
    if len(text) > MAX_DESCRIPTION:
        raise InputError(f"the description is {len(text)} characters; keep it to {MAX_DESCRIPTION}")
    if bpm is not None and not 40 <= bpm <= 240:
        raise InputError(f"bpm must be from 40 to 240, not {bpm}")
    if bars is not None and not 1 <= bars <= MAX_BARS:
        raise InputError(f"bars must be from 1 to {MAX_BARS}, not {bars}")
    return text


def named_meter(description: str) -> str | None:
    """A time signature the request names ("in 7/8"), if it is one the notation knows."""
    return next((m for m in _METER_IN_TEXT.findall(description) if m in METERS), None)


def plan_request(
    description: str, hits: list[Hit], style: str | None, bpm: int | None, bars: int | None
) -> GenerationRequest:
    """Fill in what the user left open from their words and the best match."""
    top = hits[0] if hits else None
    meter = named_meter(description) or (top.groove.time_signature if top else "4/4")
    if bpm is None:
        named_bpm = _BPM_IN_TEXT.search(description)
        bpm = int(named_bpm[1]) if named_bpm and 40 <= int(named_bpm[1]) <= 240 else (top.bpm if top else 100)
    return GenerationRequest(
        description=description,
        style=style or (top.style if top else None),
        bpm=bpm,
        bars=bars or DEFAULT_BARS,
        time_signature=meter,
        steps_per_bar=METERS[meter].steps_per_bar,
    )


def prompt_examples(hits: list[Hit], request: GenerationRequest) -> list[Hit]:
    """3-5 different grooves for the prompt (a hit shows its variant's pattern), requested meter first."""
    same = [h for h in hits if h.time_signature == request.time_signature]
    other = [h for h in hits if h.time_signature != request.time_signature]
    return (same + other)[:PROMPT_EXAMPLES]


def generate_pattern(
    writer: PatternWriter | None,
    request: GenerationRequest,
    hits: list[Hit],
    *,
    seed: int | None = None,
) -> Generation:
    """Ask the model; on any model failure, answer from the library with the reason."""
    examples = prompt_examples(hits, request)
    fill = wants_fill(request.description) if request.bars > 1 else None
    reason: str
    attempts = 0
    if writer is None:
        reason = "No language model is configured, so this is the closest groove from the library."
    else:
        try:
            answer = writer.write(request, examples, seed=seed)
        except LLMError as exc:
            attempts = exc.attempts
            reason = f"{_clause(exc.message)}, so this is the closest groove from the library instead."
            log.info("model not used (%s): %s", type(exc).__name__, exc.message)
        else:
            pattern = add_fill(answer.pattern, fill) if fill else answer.pattern
            return Generation(
                pattern=pattern,
                name=answer.name or "Generated groove",
                description=request.description,
                style=request.style or (hits[0].style if hits else "groove"),
                bpm=request.bpm,
                swing=_swing_for(examples, request),
                source="llm",
                examples=[e.id for e in examples],
                based_on=hits[: len(examples)],
                attempts=answer.attempts,
            )
    return library_answer(request, hits, reason, attempts, fill, seed)


LIBRARY_CHOICES = 3  # a seeded answer (Regenerate) picks among this many of the best


def library_answer(
    request: GenerationRequest,
    hits: list[Hit],
    reason: str,
    attempts: int = 0,
    fill: str | None = None,
    seed: int | None = None,
) -> Generation:
    """A library groove in the requested meter, shaped to the requested bars.

    Without a seed, the best one; with a seed, one of the best few, so asking again while
    the model is away gives another groove. ``examples`` lists the grooves the prompt was
    built from, the one used first.
    """
    if not hits:
        raise InputError("the library has no groove to offer for that request")
    fitting = [h for h in hits if h.groove.time_signature == request.time_signature] or hits[:1]
    best = fitting[0] if seed is None else fitting[seed % min(LIBRARY_CHOICES, len(fitting))]
    shown = [e.id for e in prompt_examples(hits, request)]
    pattern = to_bars(best.pattern, min(request.bars, MAX_BARS))
    if fill:
        pattern = add_fill(pattern, fill)
    return Generation(
        pattern=pattern,
        name=best.name,
        description=request.description,
        style=best.style,
        bpm=request.bpm,
        swing=best.groove.swing,
        source="library",
        examples=[best.id, *(i for i in shown if i != best.id)],
        based_on=[best],
        reason=reason,
        attempts=attempts,
    )


def _swing_for(examples: list[Hit], request: GenerationRequest) -> float:
    """Swing of the closest example when the request sounds swung, else straight."""
    low = request.description.lower()
    if any(w in low for w in ("swing", "swung", "shuffle", "lazy", "dilla", "boom bap")):
        return max((e.swing for e in examples), default=0.0) or 0.5
    return examples[0].swing if examples else 0.0


def _clause(message: str) -> str:
    """The error's first sentence as a clause: capitalised, no closing full stop."""
    text = message.strip().split(". ")[0].rstrip(".") or "The model could not answer"
    return text[:1].upper() + text[1:]
