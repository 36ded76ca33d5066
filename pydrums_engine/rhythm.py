"""Rhythm similarity: how close two grooves' grids are, whatever their names say.

    profile(pattern)          one unit vector per pattern (see below)
    similarity(a, b)          0 (nothing alike) .. 1 (the same rhythm), a dot product
    RhythmIndex(patterns)     the library's profiles as one matrix: a search is one product

A pattern's profile is read per role (`ROLES`: kick, backbeat, time-keeper, toms, hand
percussion, from the instruments table). Each onset becomes a point on a circle of one bar:
its place is its fraction of the bar, so a 16-step and an 8-step grid of the same rhythm
are the same profile, and a 12/8 bar's four beats fall where a 4/4 bar's do. Every bar is
folded onto that one circle (two bars of the same bar are that bar), each onset weighted
by its stroke's velocity (a ghost note counts less than an accent). The points are blurred
with a circular Gaussian (`SIGMA`, about half a sixteenth), so a hit one sixteenth off is
half right and two off is nearly wrong, then sampled at `BINS` points and scaled to unit
length: per role, the dot product of two profiles is their cosine. A role a pattern does
not play is one extra "silent" dimension, so two grooves without toms agree on toms, and a
groove with toms does not agree with one without. Last comes the feel, one of two
dimensions: beats of three (6/8, 9/8, 12/8) or of two and four, so a 12/8 shuffle finds
12/8 grooves before straight 4/4 ones whose hits happen to fall near its triplets. Each
part is scaled by the square root of its share of the weights (`ROLES`, `FEEL_WEIGHT`), so
the whole dot product is the weighted mean of the per-part cosines: the kick and the
backbeat matter most.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from .check import BACKBEAT_VOICES
from .instruments import BY_CODE, INSTRUMENTS, REST, VOICE_GROUPS, velocity
from .notation import Pattern

BINS = 48  # samples of the blurred bar: three per sixteenth of a 4/4 bar
SIGMA = 0.6 / 16  # blur width, in bars: one sixteenth off keeps ~half the cosine, two keep ~6%
TRIPLE_BEAT = Fraction(3, 2)  # a felt beat of a dotted quarter: three eighths (6/8, 9/8, 12/8)
FEEL_WEIGHT = 0.3  # beats of three against beats of two: as much as the time-keeper, nearly
FULL_HIT = velocity("x")  # an ordinary hit weighs 1; ghost notes and accents scale by velocity


@dataclass(frozen=True)
class Role:
    """Voices that play one part of a groove, and how much that part says about its rhythm."""

    name: str
    codes: tuple[str, ...]
    weight: float


def _group(key: str) -> tuple[str, ...]:
    return next(g.codes for g in VOICE_GROUPS if g.key == key)


ROLES: tuple[Role, ...] = (
    Role("kick", ("bd",), 1.0),
    Role("backbeat", BACKBEAT_VOICES, 0.8),
    Role("time", tuple(i.code for i in INSTRUMENTS if i.family == "cymbal"), 0.35),
    Role("toms", _group("toms"), 0.15),
    Role("percussion", _group("percussion"), 0.15),
)
ROLE_OF: dict[str, int] = {code: r for r, role in enumerate(ROLES) for code in role.codes}
if set(ROLE_OF) != set(BY_CODE) or sum(len(r.codes) for r in ROLES) != len(BY_CODE):
    raise RuntimeError("every instrument needs exactly one rhythm role")  # a new row in the table needs a role

_WIDTH = BINS + 1  # per role: the blurred circle, then the "silent" dimension
DIMENSION = len(ROLES) * _WIDTH + 2  # and the feel: [beats of two, beats of three]
_TOTAL = sum(r.weight for r in ROLES) + FEEL_WEIGHT
_SCALE = np.sqrt(np.array([r.weight for r in ROLES]) / _TOTAL)
_FEEL_SCALE = float(np.sqrt(FEEL_WEIGHT / _TOTAL))
_CENTRES = np.arange(BINS) / BINS


def profile(pattern: Pattern) -> np.ndarray:
    """The pattern's rhythm as a unit float32 vector of `DIMENSION` (see the module docstring)."""
    spb, bars = pattern.steps_per_bar, pattern.bars
    places: list[float] = []
    roles: list[int] = []
    weights: list[float] = []
    for code, steps in pattern.track_items:
        for i, symbol in enumerate(steps):
            if symbol != REST:
                places.append((i % spb) / spb)
                roles.append(ROLE_OF[code])
                weights.append(velocity(symbol) / FULL_HIT / bars)
    out = np.zeros((len(ROLES), _WIDTH), dtype=np.float64)
    if places:
        gap = np.abs(np.asarray(places)[:, None] - _CENTRES[None, :])
        gap = np.minimum(gap, 1.0 - gap)  # around the circle: the last sixteenth is next to the one
        blur = np.exp(-0.5 * (gap / SIGMA) ** 2) * np.asarray(weights)[:, None]
        np.add.at(out[:, :BINS], np.asarray(roles), blur)
    norms = np.linalg.norm(out[:, :BINS], axis=1)
    played = norms > 0
    out[played, :BINS] /= norms[played, None]
    out[~played, BINS] = 1.0
    feel = np.zeros(2)
    feel[int(pattern.meter.beat_quarters == TRIPLE_BEAT)] = _FEEL_SCALE
    return np.concatenate([(out * _SCALE[:, None]).ravel(), feel]).astype(np.float32)


def similarity(a: Pattern, b: Pattern) -> float:
    """How alike two patterns' rhythms are, 0..1 (1: the same onsets, bar for bar folded)."""
    return float(np.clip(profile(a) @ profile(b), 0.0, 1.0))


def fingerprint(pattern: Pattern) -> frozenset[tuple[str, Fraction]]:
    """What sounds where, as (instrument, place in the bar) with the bars folded when they
    repeat one bar: equal for the same grid written at 8 or 16 steps a bar or as 1 or 2 bars.
    Accents and ghost notes count as hits; the meter is part of the grid."""
    spb = pattern.steps_per_bar
    bars = [tuple(steps[b * spb : (b + 1) * spb] for _, steps in pattern.track_items) for b in range(pattern.bars)]
    folded = 1 if all(bar == bars[0] for bar in bars) else pattern.bars
    found: set[tuple[str, Fraction]] = set()
    for code, steps in pattern.track_items:
        for i, symbol in enumerate(steps[: folded * spb]):
            if symbol != REST:
                found.add((code, Fraction(i, spb)))
    return frozenset(found | {(f"meter {pattern.time_signature}", Fraction(folded))})


class RhythmIndex:
    """The profiles of a list of patterns (the library's grooves, in order), immutable once built."""

    def __init__(self, patterns: Sequence[Pattern]) -> None:
        self.matrix = (
            np.stack([profile(p) for p in patterns]) if patterns else np.zeros((0, DIMENSION), dtype=np.float32)
        )
        self._prints = [fingerprint(p) for p in patterns]

    def __len__(self) -> int:
        return len(self._prints)

    def similarities(self, pattern: Pattern) -> np.ndarray:
        """Per row, how alike its rhythm is to ``pattern``'s, float32 0..1: one matrix product."""
        return np.clip(self.matrix @ profile(pattern), 0.0, 1.0)

    def typicality(self, kinds: np.ndarray) -> np.ndarray:
        """Per row, the cosine of its profile to the mean profile of the rows of its kind (its
        style): how much a groove plays what its style's grooves play in common. A style's
        one-drop and rockers grooves sit near 0.94, its ska near 0.7."""
        out = np.zeros(len(self), dtype=np.float32)
        for kind in np.unique(kinds):
            rows = np.flatnonzero(kinds == kind)
            mean = self.matrix[rows].mean(axis=0)
            out[rows] = self.matrix[rows] @ (mean / max(float(np.linalg.norm(mean)), 1e-12))
        return out

    def identical(self, pattern: Pattern) -> np.ndarray:
        """Per row, True when it is ``pattern``'s very grid (`fingerprint`): "more like this"
        leaves out the groove it was shown."""
        mark = fingerprint(pattern)
        return np.array([p == mark for p in self._prints], dtype=bool)
