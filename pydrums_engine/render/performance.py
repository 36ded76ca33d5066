"""A drummer's performance of a pattern: the grid's strokes moved in time and loudness.

    perform(pattern, bpm, swing=0.0, loops=1, *, humanize=0, seed=None) -> list[NoteEvent]

MIDI and the WAV preview both play `perform`, so the file and the preview are one
performance. At ``humanize`` 0 it is `note_events`, exactly the grid. Above 0 every
deviation is ``humanize / 100`` of what a loose drummer plays, drawn from ``seed``:

- **a lean per role** (`ROLES`): the kick sits a touch late, the backbeat (snare, rim,
  clap) a touch behind, hats and ride a touch ahead, pushing; toms and crash a little late.
- **a drift per voice** that carries over from hit to hit (an AR(1) walk, `DRIFT_MEMORY`),
  reset to the grid at every bar line, as a player's time wanders and comes home on the one.
- **a little jitter per stroke**, looser for ghost notes and tighter for accents (`TOUCH`).
- **velocity**: the time-keepers (hats, ride, shaker...) breathe with the beat, louder on
  the beats and softer on the "e" and "a" (`BREATH`), the same shape in every bar rather
  than random; every voice has a small drift and a spread of its own; ghost notes are a
  little softer still.

Bounds keep it a performance of this pattern: a stroke moves at most `MAX_SHIFT_SHARE` of
its step, never more than half-way to its neighbour on the same drum (so one drum's notes
never swap), never before the start of bar one and never past the end of the last loop. A
flam's grace note and a roll's strokes move with their step, as one gesture.

The seed makes a performance repeatable: the same pattern, tempo, swing, loops, humanize
and seed give the same notes, everywhere (Python's own string-seeded generator, whose
`random()` stream is stable across versions). Without a seed the pattern's own text seeds
it, so a pattern always plays the same way until a seed is given.
"""

from __future__ import annotations

import math
import random
import zlib
from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction

from ..errors import InputError
from ..instruments import INSTRUMENTS
from ..limits import HUMANIZE_MAX, HUMANIZE_MIN, SWING_MAX, SWING_MIN
from ..notation import Pattern
from .events import NoteEvent, StepHit, flatten, note_events, quarters_per_minute, step_hits, step_times

# A light touch, what most drum tools start from: at 20 a stroke is within about 5 ms of the
# grid 95 times in 100 (felt as ease rather than heard as error) and velocities move by a
# few percent. 0 keeps the grid exactly, for those who quantize.
DEFAULT_HUMANIZE = 20

DRIFT_MEMORY = 0.7  # how much of the last hit's drift the next one keeps (AR(1) coefficient)
VELOCITY_DRIFT = 0.04  # spread of the carried-over loudness drift, a share of the velocity
MAX_SHIFT_SHARE = 0.3  # a stroke moves at most this share of its (and the previous) step
ORDER_GAP = 1 / 192  # quarters kept between two strokes of one drum (2.5 ticks)
END_GAP = 1 / 96  # the last stroke starts at least this long before the end


@dataclass(frozen=True)
class Role:
    """How one kind of voice sits against the grid, at humanize 100 (milliseconds, shares)."""

    lean_ms: float  # where it sits on average: + late, - early
    drift_ms: float  # spread of the carried-over drift
    jitter_ms: float  # spread of each stroke's own timing
    spread: float  # spread of each stroke's velocity, a share of it
    breathes: bool = False  # follows the beat's accent shape (`BREATH`)


ROLES: dict[str, Role] = {
    "kick": Role(lean_ms=8.0, drift_ms=10.0, jitter_ms=5.0, spread=0.05),
    "backbeat": Role(lean_ms=6.0, drift_ms=11.0, jitter_ms=7.0, spread=0.06),
    "time": Role(lean_ms=-5.0, drift_ms=12.0, jitter_ms=5.0, spread=0.05, breathes=True),
    "toms": Role(lean_ms=4.0, drift_ms=10.0, jitter_ms=8.0, spread=0.08),
    "crash": Role(lean_ms=5.0, drift_ms=8.0, jitter_ms=7.0, spread=0.06),
    "hand": Role(lean_ms=0.0, drift_ms=12.0, jitter_ms=7.0, spread=0.07, breathes=True),
}
ROLE_OF: dict[str, str] = {
    "bd": "kick",
    "sd": "backbeat",
    "rs": "backbeat",
    "cp": "backbeat",
    "ch": "time",
    "oh": "time",
    "ph": "time",
    "rc": "time",
    "rb": "time",
    "ht": "toms",
    "mt": "toms",
    "lt": "toms",
    "cc": "crash",
    "tb": "hand",
    "cb": "hand",
    "sh": "hand",
    "cl": "hand",
}
_missing = {inst.code for inst in INSTRUMENTS} - set(ROLE_OF)
if _missing:  # a new row in the instrument table needs a role here
    raise RuntimeError(f"no performance role for {sorted(_missing)}")

# symbol: (timing looseness, velocity looseness, velocity lean at humanize 100)
TOUCH: dict[str, tuple[float, float, float]] = {
    "X": (0.7, 0.5, 0.0),  # an accent is a committed stroke: tighter
    "x": (1.0, 1.0, 0.0),
    "o": (1.8, 1.6, -0.10),  # a ghost note is a loose, low stroke: looser and softer still
    "f": (1.0, 1.0, 0.0),
    "r": (1.3, 1.2, 0.0),
}
# Velocity share added at humanize 100 by where a stroke falls: the bar's downbeat, another
# beat, an eighth off-beat, a sixteenth between them. A time-keeper's breathing.
BREATH = (0.10, 0.06, -0.02, -0.12)


def swing_fraction(amount: int) -> float:
    """A swing amount (0 straight .. 100 full triplet swing) as the renderers' 0..1 swing."""
    if not SWING_MIN <= amount <= SWING_MAX:
        raise InputError(f"swing must be from {SWING_MIN} to {SWING_MAX}, not {amount}")
    return amount / SWING_MAX


def check_humanize(humanize: int) -> None:
    """InputError unless ``humanize`` is a whole number from HUMANIZE_MIN to HUMANIZE_MAX."""
    if isinstance(humanize, bool) or not isinstance(humanize, int) or not HUMANIZE_MIN <= humanize <= HUMANIZE_MAX:
        raise InputError(f"humanize must be a whole number from {HUMANIZE_MIN} to {HUMANIZE_MAX}, not {humanize!r}")


def perform(
    pattern: Pattern,
    bpm: float,
    swing: float = 0.0,
    loops: int = 1,
    *,
    humanize: int = 0,
    seed: int | None = None,
) -> list[NoteEvent]:
    """The strokes of ``pattern`` as a drummer plays them at ``bpm``; the grid itself at humanize 0."""
    check_humanize(humanize)
    if humanize == 0:
        return note_events(pattern, swing, loops)
    amount = humanize / HUMANIZE_MAX
    quarters_per_ms = quarters_per_minute(pattern, bpm) / 60_000
    times = [float(t) for t in step_times(pattern, swing)]  # floats from here: exact enough, far faster
    end = times[-1] * loops
    levels = _metric_levels(pattern)
    hits = step_hits(pattern, swing, loops)
    by_code: dict[str, list[StepHit]] = defaultdict(list)
    for hit in sorted(hits, key=lambda h: h.step):  # step_hits gives loop after loop of each step
        by_code[hit.code].append(hit)
    base = zlib.crc32(pattern.to_text(one_line=True).encode()) if seed is None else seed
    played: list[StepHit] = []
    for code, row in by_code.items():
        rng = random.Random(f"{base}:{code}")
        role = ROLES[ROLE_OF[code]]
        drift = loudness = 0.0
        bar = -1
        for k, hit in enumerate(row):
            if hit.step // pattern.steps_per_bar != bar:  # back to the grid at each bar line
                bar, drift, loudness = hit.step // pattern.steps_per_bar, 0.0, 0.0
            timing, spread, lean = TOUCH[hit.symbol]
            drift = DRIFT_MEMORY * drift + math.sqrt(1 - DRIFT_MEMORY**2) * role.drift_ms * _normal(rng)
            jitter = role.jitter_ms * timing * _normal(rng)
            loudness = DRIFT_MEMORY * loudness + math.sqrt(1 - DRIFT_MEMORY**2) * VELOCITY_DRIFT * _normal(rng)
            noise = role.spread * spread * _normal(rng)
            shift = amount * (role.lean_ms + drift + jitter) * quarters_per_ms
            low, high = _room(row, k, times, pattern.length, end)
            shift = min(max(shift, low), high)
            breath = BREATH[levels[hit.step % pattern.steps_per_bar]] if role.breathes else 0.0
            gain = (1 + amount * (breath + lean)) * (1 + amount * (loudness + noise))
            played.append(_moved(hit, shift, gain, end))
    return flatten(played)


def _normal(rng: random.Random) -> float:
    """A standard normal draw from ``rng.random()`` alone (Box-Muller), so seeds replay across versions."""
    u1, u2 = rng.random(), rng.random()
    return math.sqrt(-2.0 * math.log(1.0 - u1)) * math.cos(2.0 * math.pi * u2)


def _room(row: list[StepHit], k: int, times: list[float], length: int, end: float) -> tuple[float, float]:
    """How far (quarters) hit ``k`` of one drum may move early (negative) and late; 0 is always allowed."""
    hit = row[k]
    first, last = float(hit.strokes[0][0]), float(hit.strokes[-1][0])
    i = hit.step % length
    own = times[i + 1] - times[i]
    before = times[i] - times[i - 1] if i else times[length] - times[length - 1]
    cap = MAX_SHIFT_SHARE * min(own, before)
    low, high = -cap, cap
    if k > 0:
        low = max(low, -(first - float(row[k - 1].strokes[-1][0])) / 2 + ORDER_GAP)
    if k + 1 < len(row):
        high = min(high, (float(row[k + 1].strokes[0][0]) - last) / 2 - ORDER_GAP)
    low = max(low, -first)
    high = min(high, end - END_GAP - last)
    return min(low, 0.0), max(high, 0.0)


def _moved(hit: StepHit, shift: float, gain: float, end: float) -> StepHit:
    """``hit`` with every stroke ``shift`` quarters later, ``gain`` times as loud, ending by ``end``."""
    strokes = []
    for time, velocity, duration in hit.strokes:
        at = float(time) + shift
        strokes.append((at, max(1, min(127, round(velocity * gain))), min(float(duration), end - at)))
    return StepHit(hit.code, hit.symbol, hit.step, tuple(strokes))


def _metric_levels(pattern: Pattern) -> list[int]:
    """Where each step of a bar falls: 0 the downbeat, 1 a beat, 2 an eighth off-beat, 3 finer."""
    starts = pattern.meter.beat_starts(pattern.steps_per_bar)
    levels = []
    for pos in range(pattern.steps_per_bar):
        beat = max(s for s in starts if s <= pos)
        into = (pos - beat) * pattern.step_quarters
        levels.append(0 if pos == 0 else 1 if pos == beat else 2 if (into / Fraction(1, 2)).denominator == 1 else 3)
    return levels
