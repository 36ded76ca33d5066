"""From a read request to a pattern: the model's answer when it passes the check, else the library's.

    intent + hits ──► plan (meter, bars, bpm from the words first) ──► GenerationRequest
        ──► up to N candidates, each: one-bar unit from the model (schema holds the constraints)
              ──► engine repeats it to the bars asked, adds the fill ──► check
              ──► a complaint is a repair round quoting it
        ──► the first candidate that passes                              [source "llm"]
        ──► none passed, or the model is away: the best library groove,
              edited to add and remove exactly the hits the request named [source "library"]

Every answer shown carries its `Check`; an answer that fails it is never labelled as the
model's. The reason for a library answer is one sentence in a musician's words (no host or
port: those go to the log and ``detail``).
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .check import (
    BACKBEAT_VOICES,
    TIME_KEEPERS,
    Check,
    GridReader,
    Trait,
    check_pattern,
    style_rules,
    trait_problems,
)
from .errors import InputError, LLMError, LLMUnusable
from .fit import fit_to_constraints
from .intent import Constraint, Intent
from .library import Groove
from .limits import BARS_MIN, CANDIDATES_DEFAULT, check_bars, check_bpm, check_description, check_form
from .llm import LLMAnswer, PatternWriter
from .notation import METERS, Pattern
from .places import COUNT_KEY
from .prompt import Example, GenerationRequest
from .retrieval import Hit
from .transforms import to_bars
from .variation import add_fill, fill_start

if TYPE_CHECKING:
    from .form import Song

log = logging.getLogger(__name__)

DEFAULT_BARS = 2
DEFAULT_BPM = 100
PROMPT_EXAMPLES = 4
LIBRARY_CHOICES = 3  # a seeded answer (Regenerate) picks among this many of the best
AGREEING_HITS = 3  # with no meter or style in the words, the best matches' meter counts when this many agree


@dataclass(frozen=True)
class Generation:
    """A generated pattern, how it came to be, and what the check found."""

    pattern: Pattern
    name: str
    description: str
    style: str
    bpm: int
    swing: float
    source: str  # "llm" or "library"
    examples: list[str]  # ids of the grooves shown to the model (or the one used)
    based_on: list[Hit] = field(default_factory=list)
    reason: str | None = None  # why the library answered, in a musician's words
    attempts: int = 0
    check: Check = field(default_factory=Check)
    intent: Intent | None = None
    detail: str | None = None  # the low-level cause, for operators (log, command line)
    song: Song | None = None  # with a form: every section in order; ``pattern`` is section A's groove

    @property
    def bars(self) -> int:
        """Bars of the whole answer: the song's when there is a form."""
        return self.song.bars if self.song else self.pattern.bars

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
            "constraints": [v.to_json() for v in self.check.constraints],
            "check": self.check.to_json(),
        }
        if self.reason:
            data["reason"] = self.reason
        if self.detail:
            data["detail"] = self.detail
        if self.intent is not None and self.intent.unplaced:
            data["not_understood"] = list(self.intent.unplaced)
        if self.song is not None:
            data |= self.song.to_json()
        return data


def check_request(description: str, bpm: int | None, bars: int | None, form: str | None = None) -> str:
    """The cleaned description, or an InputError saying what is wrong (before any loading)."""
    text = check_description(description)
    check_bpm(bpm)
    check_bars(bars)
    check_form(form, bars or BARS_MIN)
    return text


# ---------------------------------------------------------------------------------------
# Planning: what the words say first, then the style, then the best match


def plan_request(
    intent: Intent,
    hits: list[Hit],
    style: str | None,
    bpm: int | None,
    bars: int | None,
    usual_meter: Callable[[str], str | None],
    traits: tuple[Trait, ...] | None = None,
) -> GenerationRequest:
    """Settle meter, bars, bpm and style: arguments, then the request's words, then the library.

    The meter is the one the words name; else the usual meter of the style they name (a
    "funk beat" is in 4/4 even when the best match is a 12/8 shuffle; of several, the one
    not in 4/4: a "doom waltz" and a "jazz waltz with brushes" are in 3/4; a style with no
    usual meter, odd meter, decides only alone, by its best groove: "bossa nova for a
    jazz-fusion tune" is in 4/4, "an odd time groove" in its top hit's meter); else the meter the
    best three matches agree on, unless the words count beats themselves ("no snare on 2, only
    on 4, kick on 1 and 3" for a lazy Sunday song is counted in 4/4, whatever the matches); else
    4/4, the meter a drummer counts in unless told otherwise. It stays 4/4 when the other meter
    cannot place what the request asks.
    """
    top = hits[0] if hits else None
    key = style or (intent.styles[0] if intent.styles else None)
    agreed = {h.time_signature for h in hits[:AGREEING_HITS]}
    hits_meter = agreed.pop() if len(agreed) == 1 and len(hits) >= AGREEING_HITS else None
    named = (style,) if style else intent.styles
    usual = [m for k in named if (m := usual_meter(k))]
    said = next((m for m in usual if m != "4/4"), usual[0] if usual else None)
    if named and not usual:  # "odd time groove", "prog beat": the best groove of the style says which
        said = next((h.time_signature for h in hits if h.style in named), None)
    if any(COUNT_KEY.fullmatch(place) for c in intent.constraints for place in c.places):
        hits_meter = None  # counts said without a meter are a 4/4 drummer's
    meter = intent.meter or said or hits_meter or "4/4"
    spb = METERS[meter].steps_per_bar
    if not intent.meter and len(intent.placed(meter, spb)) < len(intent.placed("4/4", 16)):
        meter, spb = "4/4", 16
    in_meter = [h for h in hits if h.time_signature == meter]
    bpm = bpm or intent.bpm or (in_meter[0].bpm if in_meter else top.bpm if top else DEFAULT_BPM)
    base = in_meter[0] if in_meter else top
    return GenerationRequest(
        description=intent.text,
        style=key or (base.style if base else None),
        bpm=bpm,
        bars=bars or intent.bars or DEFAULT_BARS,
        time_signature=meter,
        steps_per_bar=spb,
        intent=intent.in_meter(meter, spb),
        traits=traits,
    )


def prompt_examples(hits: list[Hit], request: GenerationRequest) -> list[Hit]:
    """3-5 different grooves for the prompt, those in the requested meter first."""
    same = [h for h in hits if h.time_signature == request.time_signature]
    other = [h for h in hits if h.time_signature != request.time_signature]
    return (same + other)[:PROMPT_EXAMPLES]


def musts(request: GenerationRequest, feels: Sequence[str] = ()) -> tuple[Constraint, ...]:
    """What the answer must show: the request's constraints and its style's traits (``feels``:
    the tags of the library groove an answer is made from, which may excuse a trait)."""
    rules = style_rules(request.read, request.style, feels, request.traits)
    traits = tuple(c for _, c in rules if c is not None and c.placeable(request.time_signature, request.steps_per_bar))
    return request.constraints + tuple(c for c in traits if c not in request.constraints)


def required_voices(request: GenerationRequest, examples: Sequence[Hit]) -> tuple[str, ...]:
    """The tracks the schema requires: the voices the request and its style name, a kick, the
    examples' backbeat voice and time-keeper (unless the request leaves them out)."""
    if request.single_instrument:
        return (request.single_instrument,)
    out = request.left_out
    used = Counter(code for e in examples for code, steps in e.pattern.track_items if set(steps) - {"-"})
    voices: list[str] = []
    for c in musts(request):
        if c.rule in ("on", "only", "present"):
            voices.append(next((v for v in c.voices if used[v]), c.voices[0]))
    if request.read.keeps_kit:
        voices.append("bd")
        for family in (BACKBEAT_VOICES, TIME_KEEPERS):
            best = max(family, key=lambda v: used[v])
            if used[best] and not any(v in voices for v in family):
                voices.append(best)
    return tuple(v for v in dict.fromkeys(voices) if v not in out)


# ---------------------------------------------------------------------------------------
# Generating


def generate_pattern(
    writer: PatternWriter | None,
    request: GenerationRequest,
    hits: list[Hit],
    *,
    seed: int | None = None,
    candidates: int = CANDIDATES_DEFAULT,
    deadline: float | None = None,
) -> Generation:
    """Ask the model for up to ``candidates`` answers within its time budget; keep the first
    that passes the check; otherwise answer from the library with the reason.

    ``deadline`` (time.monotonic()) when a caller shares one budget over several calls (a
    song's sections); by default the writer's whole ``timeout`` from now."""
    examples = prompt_examples(hits, request)
    shown = [e.pattern for e in examples]
    full_request = replace(request, required=required_voices(request, examples))
    unit = _with_musts(replace(full_request, bars=1))

    def finish(unit_pattern: Pattern) -> tuple[Pattern, int | None]:
        return _shape(unit_pattern, request)

    def judge(pattern: Pattern, fill_from: int | None, groove: Groove | None) -> Check:
        """The check of a model answer (``groove`` None: held to novelty) or of a library
        groove's edit (its own tags may excuse a trait: a half-time groove has no 2-and-4)."""
        return check_pattern(
            pattern,
            request.read,
            style=request.style,
            feels=groove.tags if groove else (),
            examples=() if groove else shown,
            fill_from=fill_from,
            traits=request.traits,
        )

    def review(unit_pattern: Pattern) -> str | None:
        check = judge(*finish(unit_pattern), None)
        return check.problems[0] if check.problems else None

    def shown_and_judged(unit_pattern: Pattern) -> tuple[Pattern, Check]:
        pattern, fill_from = finish(unit_pattern)
        return pattern, judge(pattern, fill_from, None)

    if writer is None:
        reason, detail = "No language model is configured", None
        attempts = 0
    else:
        deadline = deadline if deadline is not None else time.monotonic() + writer.settings.timeout
        asked = ask_model(
            writer, unit, examples, candidates=candidates, seed=seed, deadline=deadline, review=review,
            judge=shown_and_judged,
        )  # fmt: skip
        reason, detail, attempts = asked.reason, asked.detail, asked.attempts
        if asked.passed is not None:
            answer, pattern, check = asked.passed
            return Generation(
                pattern=pattern,
                name=answer.name,
                description=request.description,
                style=request.style or (hits[0].style if hits else "groove"),
                bpm=request.bpm,
                swing=_swing_for(examples, request),
                source="llm",
                examples=[e.id for e in examples],
                based_on=hits[: len(examples)],
                attempts=attempts,
                check=check,
                intent=request.read,
            )
        if asked.best is not None:
            reason = f"The model's answers did not pass the check ({asked.best})"
            detail = detail or asked.best
    return library_answer(request, hits, reason, attempts, seed, detail, judge)


@dataclass(frozen=True)
class Asked:
    """What asking the model for candidates came to: the first answer that passed its check
    (with the pattern as shown and that check), or why none did (``best``: the complaint
    about the closest one)."""

    passed: tuple[LLMAnswer, Pattern, Check] | None
    attempts: int
    reason: str
    detail: str | None
    best: str | None


def ask_model(
    writer: PatternWriter,
    request: GenerationRequest,
    examples: Sequence[Example],
    *,
    candidates: int,
    seed: int | None,
    deadline: float,
    review: Callable[[Pattern], str | None],
    judge: Callable[[Pattern], tuple[Pattern, Check]],
) -> Asked:
    """Up to ``candidates`` seeded answers within one deadline, each judged; the first that
    passes wins. ``judge`` makes an answer's unit into the pattern that would be shown (bars,
    fill) and checks that, so the winner is not made twice. A reply the model cannot be made
    to give (`LLMUnusable`) tries the next seed; the server failing (`LLMError`) ends the asking."""
    reason, detail, attempts = "", None, 0
    best: Check | None = None
    for n in range(max(1, candidates)):
        if n and time.monotonic() >= deadline:
            break
        try:
            answer = writer.write(
                request, examples, seed=None if seed is None else seed + n, review=review, deadline=deadline
            )
        except LLMUnusable as exc:
            attempts += exc.attempts
            reason, detail = exc.public[:1].upper() + exc.public[1:], exc.message
            continue
        except LLMError as exc:
            attempts += exc.attempts
            reason, detail = exc.public[:1].upper() + exc.public[1:], exc.message
            log.info("model not used (%s): %s", type(exc).__name__, exc.message)
            break
        attempts += answer.attempts
        pattern, check = judge(answer.pattern)
        if check.passed:
            return Asked((answer, pattern, check), attempts, reason, detail, None)
        if best is None or check.cost < best.cost:
            best = check
    return Asked(None, attempts, reason, detail, best.problems[0] if best else None)


def _with_musts(unit: GenerationRequest) -> GenerationRequest:
    """The one-bar request whose schema and prompt carry the style's traits as well."""
    extra = tuple(c for c in musts(unit) if c not in unit.constraints)
    if not extra:
        return unit
    return replace(unit, intent=replace(unit.read, constraints=unit.read.constraints + extra))


def _shape(unit: Pattern, request: GenerationRequest) -> tuple[Pattern, int | None]:
    """The unit repeated to the bars asked, with the fill when one is asked: (pattern, fill start)."""
    pattern = to_bars(unit, request.bars)
    if not request.read.fill:
        return pattern, None
    return add_fill(pattern, request.read.fill), fill_start(pattern)


def library_answer(
    request: GenerationRequest,
    hits: list[Hit],
    reason: str,
    attempts: int,
    seed: int | None,
    detail: str | None,
    judge: Callable[[Pattern, int | None, Groove | None], Check],
) -> Generation:
    """The best library groove in the requested meter, shaped to the bars and edited to fit.

    Without a seed, the best one; with a seed, one of the best few, so asking again while
    the model is away gives another groove.
    """
    if not hits:
        raise InputError("the library has no groove to offer for that request")
    fitting = [h for h in hits if h.time_signature == request.time_signature] or hits[:1]
    # not an exception the request did not ask for ("rock, ride instead of hats" is no call
    # for the half-time rock groove that happens to ride); with a seed, another of the best few
    plain = [h for h in fitting if _plain_to_style(h, request)]
    if request.read.swing is not None:  # "medium swing": a swung groove, not a straight one swung after
        felt = [h for h in fitting if (h.groove.swing > 0) == request.read.swing]
        fitting = [h for h in plain if h in felt] or felt or plain or fitting  # "straight jazz": the ECM one
    else:
        fitting = plain or fitting
    # a style the words name: "punk beat on the ride" is punk, not the house groove that rides
    fitting = [h for h in fitting if h.style in request.read.styles] or fitting
    choices = min(LIBRARY_CHOICES, len(fitting))
    first = 0 if seed is None else seed % choices
    # the seeded one of the best few, or, where its edit still fails the check, the next that passes
    seeded = _edited(fitting[first], request, judge)
    others = (_edited(fitting[(first + k) % choices], request, judge) for k in range(1, choices))
    best, pattern, fitted, check = seeded if seeded[3].passed else next((t for t in others if t[3].passed), seeded)
    shown = [e.id for e in prompt_examples(hits, request)]
    edited = fitted != pattern.ordered()
    sentence = (reason or "The library answered") + (
        ", so this is the closest library groove, edited to fit the request."
        if edited
        else ", so this is the closest groove from the library."
    )
    return Generation(
        pattern=fitted,
        name=best.name,
        description=request.description,
        style=best.style,
        bpm=request.bpm,
        swing=best.groove.swing if request.read.swing is not False else 0.0,
        source="library",
        examples=[best.id, *(i for i in shown if i != best.id)],
        based_on=[best],
        reason=sentence,
        attempts=attempts,
        check=check,
        intent=request.read,
        detail=detail,
    )


def _edited(
    hit: Hit, request: GenerationRequest, judge: Callable[[Pattern, int | None, Groove | None], Check]
) -> tuple[Hit, Pattern, Pattern, Check]:
    """A library groove shaped to the request's bars, edited to its constraints, and checked."""
    grid = hit.pattern
    if grid.time_signature != request.time_signature:
        request = replace(request, time_signature=grid.time_signature, steps_per_bar=grid.steps_per_bar)
    pattern, fill_from = _shape(grid, request)
    wanted = musts(request, hit.groove.tags)
    fitted = fit_to_constraints(pattern, wanted, keep_kit=request.read.keeps_kit, fill_from=fill_from)
    return hit, pattern, fitted, judge(fitted, fill_from, hit.groove)


def _plain_to_style(hit: Hit, request: GenerationRequest) -> bool:
    """Whether the groove keeps its style's traits without the excuse of its own tags: for
    "boom bap", a laid-back groove with the snare dragged off 4 is a fine groove, but not
    the one to offer when the request did not ask for that feel."""
    return not trait_problems(GridReader(hit.pattern), request.read, request.style or hit.style, (), request.traits)


def _swing_for(examples: Sequence[Hit], request: GenerationRequest) -> float:
    """Swing the request asks for (swung or straight), else the closest example's."""
    if request.read.swing is True:
        return max((e.swing for e in examples), default=0.0) or 0.5
    if request.read.swing is False:
        return 0.0
    return examples[0].swing if examples else 0.0
