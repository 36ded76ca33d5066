"""Timed note events from a pattern: the one place where steps become time.

MIDI and audio both read these events (through `performance.perform`, which at humanize 0
is `note_events` itself), so swing, flams and rolls sound the same in the ``.mid`` file and
in the ``.wav`` preview. Times are in quarter notes from the start; `quarters_per_minute`
turns a felt-beat bpm into quarters for the renderers.

Swing (0 straight .. 1 triplet feel) delays the off-beat of each swung pair by ``swing``
times a third of one subdivision, so at 1.0 the pair splits 2:1 like a triplet. Which
subdivision swings:

- a sixteenth-note grid with any hit on an odd step swings sixteenths (odd steps move);
- otherwise eighths swing: steps 2 mod 4 of each four-step beat on a sixteenth grid, odd
  steps on an eighth-note grid;
- meters whose beats are not four sixteenths (6/8, 9/8, 12/8 with triplets already in the
  grid, 5/8, 7/8) are not swung at all: their off-beats are already uneven. `swing_note`
  says so in a sentence a user can be shown.

`step_hits` is the same strokes grouped by the step that plays them, for `performance`,
which moves each group as one (a flam's grace note stays with its hit).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..instruments import BY_CODE, velocity
from ..notation import Pattern

Time = Fraction | float  # quarter notes: exact on the grid, float once a performance moves it
Stroke = tuple[Time, int, Time]  # (time, velocity, duration)

FLAM_LEAD = Fraction(1, 24)  # grace note this many quarters before the hit (~20 ms at 120 bpm)
FLAM_GRACE_SHARE = 0.45  # grace velocity as a share of the hit's
ROLL_STROKE = Fraction(1, 12)  # nominal stroke length of a roll: three strokes per sixteenth
ROLL_SHAPE = (0.82, 1.0)  # first and last stroke's share of the roll velocity (a slight swell)
GATE = Fraction(1, 2)  # a hit's MIDI length as a share of its step; drums barely care


@dataclass(frozen=True)
class NoteEvent:
    """One drum stroke: ``time`` and ``duration`` in quarter notes, ``note`` the GM drum note.

    ``symbol`` is the step symbol that played it, so a kit map can give an accent or a ghost
    note its own note.
    """

    time: float
    code: str
    note: int
    velocity: int
    duration: float
    symbol: str = "x"


@dataclass(frozen=True)
class StepHit:
    """The strokes one step plays: a hit, a flam's grace note and hit, or a roll's strokes.

    ``step`` counts steps from the start of the first loop; ``strokes`` are in time order.
    """

    code: str
    symbol: str
    step: int
    strokes: tuple[Stroke, ...]


def quarters_per_minute(pattern: Pattern, bpm: float) -> float:
    """Quarter notes per minute when ``bpm`` counts the pattern's felt beat."""
    if bpm <= 0:
        raise ValueError(f"bpm must be positive, not {bpm}")
    return float(bpm * pattern.meter.beat_quarters)


def swung_steps(pattern: Pattern) -> tuple[int, int] | None:
    """``(period, offset)``: steps with ``index % period == offset`` are swung; None when none are.

    The swung step is the second half of a pair, so its delay at full swing is a third of
    ``period // 2`` steps.
    """
    meter = pattern.meter
    if any(size != 4 for size in meter.groups):
        return None
    if pattern.steps_per_bar == meter.steps_per_bar:  # sixteenth-note grid
        if any(i % 2 for code, _ in pattern.track_items for i in pattern.hits(code)):
            return 2, 1
        return 4, 2
    return 2, 1  # eighth-note grid: each step is an eighth


def swing_note(pattern: Pattern, swing: float) -> str:
    """Why ``swing`` is not heard in this pattern's meter, as a sentence; "" when it is (or is 0)."""
    if not swing or swung_steps(pattern) is not None:
        return ""
    meter = pattern.meter
    if all(size % 3 == 0 for size in meter.groups):
        return f"{meter.name} is already in triplets (each beat splits in three), so swing does not apply"
    beats = "+".join(str(size // 2) for size in meter.groups)
    return f"{meter.name} has uneven beats ({beats} eighths), so it is played straight: swing does not apply"


def step_times(pattern: Pattern, swing: float = 0.0) -> list[Fraction]:
    """Start time (quarters) of every step, plus the pattern's end as a last entry."""
    if not 0.0 <= swing <= 1.0:
        raise ValueError(f"swing must be between 0 and 1, not {swing}")
    step = pattern.step_quarters
    times = [i * step for i in range(pattern.length + 1)]
    swung = swung_steps(pattern)
    if swung and swing:
        period, offset = swung
        delay = Fraction(swing).limit_denominator(1000) * step * (period // 2) / 3
        for i in range(offset, pattern.length, period):
            times[i] += delay
    return times


def step_hits(pattern: Pattern, swing: float = 0.0, loops: int = 1) -> list[StepHit]:
    """Every sounding step of ``pattern`` played ``loops`` times, track by track, then step, then loop.

    A flam adds a softer grace note `FLAM_LEAD` before its hit (never before time 0: it is
    clamped there); a roll fills its step with strokes every `ROLL_STROKE` or so, swelling
    slightly towards the next step.
    """
    if loops < 1:
        raise ValueError(f"loops must be at least 1, not {loops}")
    times = step_times(pattern, swing)
    loop_length = times[-1]
    hits: list[StepHit] = []
    for code, steps in pattern.track_items:
        for i, symbol in enumerate(steps):
            if symbol == "-":
                continue
            start, length = times[i], times[i + 1] - times[i]
            for loop in range(loops):
                at = start + loop * loop_length
                strokes = tuple(_strokes(symbol, at, length, pattern.step_quarters))
                hits.append(StepHit(code, symbol, loop * pattern.length + i, strokes))
    return hits


def flatten(hits: list[StepHit]) -> list[NoteEvent]:
    """The strokes of ``hits`` as note events, sorted by time (then note, then velocity)."""
    events = [(t, BY_CODE[hit.code].gm_note, v, d, hit) for hit in hits for t, v, d in hit.strokes]
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    return [NoteEvent(float(t), hit.code, note, vel, float(d), hit.symbol) for t, note, vel, d, hit in events]


def note_events(pattern: Pattern, swing: float = 0.0, loops: int = 1) -> list[NoteEvent]:
    """Every stroke of ``pattern`` played ``loops`` times, exactly on the (swung) grid, sorted by time."""
    return flatten(step_hits(pattern, swing, loops))


def _strokes(symbol: str, at: Fraction, length: Fraction, nominal: Fraction) -> list[Stroke]:
    """``(time, velocity, duration)`` of the strokes one step symbol plays at ``at``."""
    vel = velocity(symbol)
    if symbol == "f":
        grace = max(Fraction(0), at - FLAM_LEAD)
        return [(grace, max(1, round(vel * FLAM_GRACE_SHARE)), FLAM_LEAD / 2), (at, vel, length * GATE)]
    if symbol == "r":
        count = max(2, round(nominal / ROLL_STROKE))
        gap = length / count
        low, high = ROLL_SHAPE
        return [
            (at + k * gap, max(1, min(127, round(vel * (low + (high - low) * k / (count - 1))))), gap * GATE)
            for k in range(count)
        ]
    return [(at, vel, length * GATE)]
