"""Places in the bar, as a drummer counts them, and where they land on a grid.

    place_steps("2&", "4/4", 16) -> frozenset({6})     place_label("2&") -> "the and of 2"

A place stays in the drummer's count ("3", "the and of 2", "the offbeats") until a meter is
known, because the same words land on different steps in 4/4, 12/8 or 7/8. Counting: in x/4
and 12/8 the numbers count beats (12/8: four dotted-quarter beats of three eighths, "1 & a");
in 6/8, 9/8, 7/8 and 5/8 they count eighths.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from fractions import Fraction

from .instruments import BY_CODE, INSTRUMENTS, voices_label
from .notation import Meter, get_meter
from .wording import spoken_list, step_numbers

# Where the parts of a count fall, as a fraction of the count: "1 e & a", or "1 & a" on a
# triplet beat (12/8).
_PARTS = {"": Fraction(0), "e": Fraction(1, 4), "&": Fraction(1, 2), "a": Fraction(3, 4)}
_TRIPLET_PARTS = {"": Fraction(0), "&": Fraction(1, 3), "a": Fraction(2, 3)}


def counting(meter: Meter) -> tuple[int, dict[str, Fraction]]:
    """How many numbers a bar counts, and where each part of a count falls."""
    if meter.name == "12/8":  # four dotted-quarter beats, each "1 & a"
        return 4, _TRIPLET_PARTS
    return int(meter.name.split("/")[0]), _PARTS


def _on_grid(positions: list[Fraction], steps_per_bar: int) -> frozenset[int] | None:
    """Positions (fractions of a bar) as steps, or None when one falls between two steps."""
    steps = [p * steps_per_bar for p in positions]
    if any(s.denominator != 1 for s in steps):
        return None
    return frozenset(int(s) for s in steps)


def _count_steps(count: int, part: str, meter: Meter, steps_per_bar: int) -> frozenset[int] | None:
    counts, parts = counting(meter)
    if not 1 <= count <= counts or part not in parts:
        return None
    return _on_grid([(count - 1 + parts[part]) / counts], steps_per_bar)


def _felt_beats(meter: Meter, steps_per_bar: int, which: slice = slice(None)) -> frozenset[int] | None:
    """The starts of the felt beats (``which`` of them), or None when one falls between steps."""
    starts = [Fraction(sum(meter.groups[:k]), meter.steps_per_bar) for k in range(len(meter.groups))]
    return _on_grid(starts[which], steps_per_bar)


def _per_bar(meter: Meter, note: int) -> int:
    """How many notes of 1/``note`` fill a bar of ``meter``."""
    top, bottom = (int(n) for n in meter.name.split("/"))
    return top * note // bottom if (top * note) % bottom == 0 else 0


def _every(steps_per_bar: int, count: int) -> frozenset[int] | None:
    if count <= 0 or steps_per_bar % count:
        return None
    size = steps_per_bar // count
    return frozenset(range(0, steps_per_bar, size))


@functools.lru_cache(maxsize=4096)  # pure, and asked for every groove of every search
def place_steps(place: str, meter_name: str, steps_per_bar: int) -> frozenset[int] | None:
    """0-based steps within one bar for a place key, or None when it cannot be placed there.

    Keys: "3", "2&", "3e", "4a" (a count and its part); "beats" (every felt beat),
    "offbeats" (the "&" of every count, simple meters only), "counts" (every number of the
    count: the quarters of x/4, the eighths of 6/8), "quarters", "eighths",
    "sixteenths", "backbeat" (the 2nd and 4th felt beats), "three" (the 3rd of four felt
    beats: where half-time puts the backbeat), "steps" (every step of the grid: the sixteenths
    of 4/4, the twelve eighths of 12/8), "all" (anywhere: "no crash", "with a cowbell"),
    "dotted-quarters" (the felt beats of 6/8, 9/8, 12/8; every six sixteenths from the one in
    x/4: 1, 2&, 4), "dotted-eighths" (every three sixteenths from the one: 1, 1a, 2&, 3e ...).
    """
    if " except " in place:  # "beats except 3": the first place's steps less the others'
        kept, _, left_out = place.partition(" except ")
        steps = place_steps(kept, meter_name, steps_per_bar)
        gone = [place_steps(p, meter_name, steps_per_bar) for p in left_out.split()]
        if steps is None or any(g is None for g in gone):
            return None
        return steps.difference(*gone)
    meter = get_meter(meter_name)
    beats = len(meter.groups)
    if place in ("all", "steps"):
        return frozenset(range(steps_per_bar))
    if place == "beats":
        return _felt_beats(meter, steps_per_bar)
    if place == "alternate":  # every other felt beat, from the one: 1 and 3 in 4/4
        return _felt_beats(meter, steps_per_bar, slice(None, None, 2))
    if place == "backbeat":
        return _felt_beats(meter, steps_per_bar, slice(1, None, 2)) if beats in (2, 4) else None
    if place == "three":
        return _felt_beats(meter, steps_per_bar, slice(2, 3)) if beats == 4 else None
    if place == "counts":  # every number of the count: 1 2 3 4, or the eighths of 6/8
        counts, _ = counting(meter)
        return _on_grid([Fraction(n, counts) for n in range(counts)], steps_per_bar)
    if place == "quarters":
        return _every(steps_per_bar, _per_bar(meter, 4)) if meter.name.endswith("/4") else None
    if place == "eighths":
        return _every(steps_per_bar, _per_bar(meter, 8))
    if place == "triplets":  # a beat in three: the eighths of 6/8, 9/8 and 12/8; no place on a 4/4 grid
        return _every(steps_per_bar, _per_bar(meter, 8)) if meter.name in TRIPLET_METERS else None
    if place in ("dotted-quarters", "dotted-eighths"):  # a beat of three eighths; elsewhere every 6 or 3 sixteenths
        if place == "dotted-quarters" and meter.name in TRIPLET_METERS:
            return _felt_beats(meter, steps_per_bar)
        if _per_bar(meter, 16) != steps_per_bar:
            return None  # a grid of triplet eighths (12/8) has no sixteenths to count in
        return frozenset(range(0, steps_per_bar, 6 if place == "dotted-quarters" else 3))
    if place == "sixteenths":
        return _every(steps_per_bar, _per_bar(meter, 16)) if _per_bar(meter, 16) == steps_per_bar else None
    if place in ("es", "as"):  # every count's e, or its a (simple meters on a sixteenth grid;
        counts, parts = counting(meter)  # in 12/8 the a is each big beat's last triplet)
        part = {"es": "e", "as": "a"}[place]
        triplet_a = parts is _TRIPLET_PARTS and part == "a"
        if part not in parts or not (triplet_a or (parts is not _TRIPLET_PARTS and meter.name.endswith("/4"))):
            return None
        return _on_grid([(n + parts[part]) / counts for n in range(counts)], steps_per_bar)
    if place == "offbeats":
        counts, _ = counting(meter)
        halves = [(n + Fraction(1, 2)) / counts for n in range(counts)]
        return _on_grid(halves, steps_per_bar) if meter.name.endswith("/4") else None
    match = COUNT_KEY.fullmatch(place)
    return _count_steps(int(match[1]), match[2], meter, steps_per_bar) if match else None


COUNT_KEY = re.compile(r"(\d+)([e&a]?)")  # a place key that is one count and its part: "3", "2&"


def places_less(places: tuple[str, ...], gone: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """``places`` without the counts in ``gone``: one keyword becomes "beats except 3", a
    list loses them ("kick on every beat, skipping 3"; "house, but drop the kick on 1")."""
    if len(places) == 1 and not COUNT_KEY.fullmatch(places[0]):
        return (f"{places[0]} except {' '.join(gone)}",)
    return tuple(p for p in places if p not in gone)


TRIPLET_METERS = frozenset({"6/8", "9/8", "12/8"})  # felt beats of three eighths

_PLACE_WORDS = {
    "beats": "every beat",
    "alternate": "every other beat",
    "offbeats": "the offbeats",
    "es": "the e's",
    "as": "the a's",
    "quarters": "quarter notes",
    "counts": "the numbers",
    "eighths": "eighths",
    "triplets": "triplets",
    "sixteenths": "sixteenths",
    "dotted-quarters": "dotted quarters",
    "dotted-eighths": "dotted eighths",
    "steps": "every step",
    "backbeat": "the backbeat",
    "three": "beat 3",
    "all": "anywhere",
}
_PART_WORDS = {"&": "and", "e": "e", "a": "a"}


def place_label(place: str) -> str:
    """A place as a drummer says it: "1", "the and of 3", "the offbeats"."""
    if " except " in place:
        kept, _, left_out = place.partition(" except ")
        return f"{place_label(kept)} except {places_label(tuple(left_out.split()))}"
    if place in _PLACE_WORDS:
        return _PLACE_WORDS[place]
    count, part = place.rstrip("e&a"), place[len(place.rstrip("e&a")) :]
    return f"the {_PART_WORDS[part]} of {count}" if part else count


def places_label(places: tuple[str, ...]) -> str:
    return spoken_list(place_label(p) for p in places)


# ---------------------------------------------------------------------------------------
# What a request asks of the grid

ALL_VOICES: tuple[str, ...] = tuple(i.code for i in INSTRUMENTS)


RULES = ("on", "only", "off", "absent", "present")


@dataclass(frozen=True)
class Constraint:
    """One thing the request asks of the grid, checked in every bar.

    ``rule``: "on" (a real hit, not a ghost, at each place), "only" (that, and no other
    real hit of these voices in the bar; of a cymbal or hand percussion, no other sound:
    `instruments.GHOSTS_ASIDE`), "off" (no sound at all at the places), "absent"
    (no sound of these voices anywhere), "present" (these voices play somewhere in the
    pattern). A hit by any one of ``voices`` counts.
    """

    voices: tuple[str, ...]
    places: tuple[str, ...]
    rule: str
    text: str

    def __post_init__(self) -> None:
        if self.rule not in RULES:
            raise ValueError(f"rule must be one of {RULES}, not {self.rule!r}")
        unknown = [v for v in self.voices if v not in BY_CODE]
        if unknown or not self.voices:
            raise ValueError(f"unknown voices {unknown}")

    def at(self, places: tuple[str, ...]) -> Constraint:
        """The same voices and rule at other places, said as "<voices> on <places>" (a list
        corrected, merged or cut: "kick on 1 and the and of 3")."""
        return replace(self, places=places, text=f"{voices_label(self.voices)} on {places_label(places)}")

    def ruled_out(self) -> Constraint:
        """The same voices kept off these places ("why is there always a crash on 1": no crash
        on 1)."""
        return replace(self, rule="off", text=f"no {voices_label(self.voices)} on {places_label(self.places)}")

    def steps(self, meter_name: str, steps_per_bar: int) -> frozenset[int] | None:
        """The steps of one bar this constraint is about, or None when a place does not fit."""
        found: set[int] = set()
        for place in self.places:
            steps = place_steps(place, meter_name, steps_per_bar)
            if steps is None:
                return None
            found |= steps
        return frozenset(found)

    def placeable(self, meter_name: str, steps_per_bar: int) -> bool:
        return self.steps(meter_name, steps_per_bar) is not None

    def step_sentence(self, meter_name: str, steps_per_bar: int) -> str:
        """The constraint in step numbers, as the prompt and a repair round say it."""
        who = " or ".join(f"{c}" for c in self.voices)
        if self.rule == "absent":
            return f"no {who} track at all"
        if self.rule == "present":
            return f"a {who} track with at least one hit"
        steps = sorted(self.steps(meter_name, steps_per_bar) or ())
        where = f"step{'s' if len(steps) > 1 else ''} {step_numbers(steps)} of each bar"
        if self.rule == "off":
            return f"nothing from {who} on {where}" if len(self.voices) < len(ALL_VOICES) else f"silence on {where}"
        if self.rule == "only":
            return f"{who} on {where} and on no other step (ghost notes 'o' allowed)"
        return f"{who} on {where}"
