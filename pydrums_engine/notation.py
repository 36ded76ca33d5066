"""Drum-pattern notation: the `Pattern` model, a strict parser and a formatter.

A pattern is one line per instrument, ``code: steps``, lines joined by newlines or ``;``::

    ch: x-x-x-x-x-x-x-x-
    sd: ----X--o-o--X---
    bd: x-x----x--x-----

Every track has the same number of steps; a bar has ``steps_per_bar`` steps (see
`METERS`) and a pattern is 1 to 8 bars. An optional ``time: 3/4`` line names the meter;
without it the meter is inferred from the length (4/4 first). The parser never repairs
anything: whatever it cannot read is a `NotationError` naming the line, the step and what
was expected.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from .errors import NotationError
from .instruments import (
    ALIASES,
    BY_CODE,
    REST_ALIASES,
    SYMBOL_CHARS,
    SYMBOLS,
    display_order,
    normalise_name,
    resolve_instrument,
)
from .limits import BARS_MAX as MAX_BARS

SYMBOL_HELP = " ".join(SYMBOL_CHARS)  # "- x X o f r", quoted in every step error
SEPARATORS = frozenset(" \t|")  # bar and beat marks users type for readability; not steps
META_KEYS = frozenset({"time", "meter", "timesignature"})


@dataclass(frozen=True)
class Meter:
    """A time signature on the step grid: how many steps make a bar and how they group.

    ``groups`` are the steps of each felt beat (6/8 is two beats of six sixteenths; 7/8 is
    2+2+3 eighths), used for beat rulers, picture lines and accents.
    """

    name: str
    steps_per_bar: int
    groups: tuple[int, ...]
    beat_quarters: Fraction  # length of the felt beat in quarter notes (what bpm counts)

    @property
    def quarters_per_bar(self) -> Fraction:
        top, bottom = (int(n) for n in self.name.split("/"))
        return Fraction(top * 4, bottom)

    def beat_starts(self, steps_per_bar: int | None = None) -> list[int]:
        """Step indexes (within a bar) where each felt beat starts."""
        scale = Fraction(steps_per_bar or self.steps_per_bar, self.steps_per_bar)
        starts, at = [], 0
        for size in self.groups:
            starts.append(int(at * scale))
            at += size
        return starts


METERS: dict[str, Meter] = {
    m.name: m
    for m in (
        Meter("4/4", 16, (4, 4, 4, 4), Fraction(1)),
        Meter("3/4", 12, (4, 4, 4), Fraction(1)),
        Meter("2/4", 8, (4, 4), Fraction(1)),
        Meter("5/4", 20, (4, 4, 4, 4, 4), Fraction(1)),
        Meter("7/4", 28, (4,) * 7, Fraction(1)),
        Meter("6/8", 12, (6, 6), Fraction(3, 2)),
        Meter("9/8", 18, (6, 6, 6), Fraction(3, 2)),
        Meter("12/8", 12, (3, 3, 3, 3), Fraction(3, 2)),
        Meter("5/8", 10, (4, 6), Fraction(1, 2)),
        Meter("7/8", 14, (4, 4, 6), Fraction(1, 2)),
    )
}
# Meters tried, in order, when the text does not name one.
INFERENCE_ORDER = ("4/4", "3/4", "5/4", "7/8")


def get_meter(name: str) -> Meter:
    """The `Meter` for a time signature such as '6/8'; a NotationError lists the known ones."""
    meter = METERS.get(name.strip().replace(" ", ""))
    if meter is None:
        raise NotationError(f"unknown time signature {name.strip()!r}; use one of {', '.join(METERS)}")
    return meter


@dataclass(frozen=True)
class Pattern:
    """A drum pattern: ordered tracks of equal length on one meter's step grid.

    ``steps_per_bar`` is normally the meter's (16 for 4/4); an eighth-note grid (8 for 4/4)
    is allowed too. Steps hold only the canonical symbols ``- x X o f r``.
    """

    track_items: tuple[tuple[str, str], ...]
    time_signature: str = "4/4"
    steps_per_bar: int = 16

    def __post_init__(self) -> None:
        if not self.track_items:
            raise NotationError("a pattern needs at least one track")
        meter = get_meter(self.time_signature)
        if self.steps_per_bar not in (meter.steps_per_bar, meter.steps_per_bar // 2):
            raise NotationError(
                f"{self.time_signature} has {meter.steps_per_bar} steps per bar "
                f"(or {meter.steps_per_bar // 2} on an eighth-note grid), not {self.steps_per_bar}"
            )
        seen: set[str] = set()
        length = len(self.track_items[0][1])
        for code, steps in self.track_items:
            if code not in BY_CODE:
                raise NotationError(f"unknown instrument code {code!r}")
            if code in seen:
                raise NotationError(f"instrument {code} appears twice")
            seen.add(code)
            if len(steps) != length:
                raise NotationError(f"track {code} has {len(steps)} steps, expected {length}")
            bad = set(steps) - set(SYMBOL_CHARS)
            if bad:
                raise NotationError(f"track {code} holds {sorted(bad)}; use {SYMBOL_HELP}")
        if length == 0 or length % self.steps_per_bar:
            raise NotationError(
                f"{length} steps is not a whole number of {self.time_signature} bars of {self.steps_per_bar} steps"
            )
        if not 1 <= length // self.steps_per_bar <= MAX_BARS:
            raise NotationError(f"a pattern is 1 to {MAX_BARS} bars, not {length // self.steps_per_bar}")

    @classmethod
    def from_tracks(
        cls, tracks: Mapping[str, str], time_signature: str = "4/4", steps_per_bar: int | None = None
    ) -> Pattern:
        """Build from a ``{code: steps}`` mapping, keeping its order."""
        spb = steps_per_bar or get_meter(time_signature).steps_per_bar
        return cls(tuple(tracks.items()), time_signature, spb)

    @property
    def tracks(self) -> dict[str, str]:
        return dict(self.track_items)

    @property
    def meter(self) -> Meter:
        return get_meter(self.time_signature)

    @property
    def length(self) -> int:
        return len(self.track_items[0][1])

    @property
    def bars(self) -> int:
        return self.length // self.steps_per_bar

    @property
    def step_quarters(self) -> Fraction:
        """Length of one step in quarter notes (0.25 for sixteenths in 4/4)."""
        return self.meter.quarters_per_bar / self.steps_per_bar

    def steps(self, code: str) -> str:
        """The steps of one instrument, all rests when the pattern lacks it."""
        return self.tracks.get(code, "-" * self.length)

    def hits(self, code: str) -> list[int]:
        """Step indexes where ``code`` sounds (any symbol but a rest)."""
        return [i for i, s in enumerate(self.steps(code)) if s != "-"]

    def beat_starts(self) -> list[int]:
        """Step indexes of every felt beat across the whole pattern."""
        per_bar = self.meter.beat_starts(self.steps_per_bar)
        return [bar * self.steps_per_bar + s for bar in range(self.bars) for s in per_bar]

    def replace_tracks(self, tracks: Mapping[str, str]) -> Pattern:
        """A copy with new tracks (same meter); empty tracks are dropped."""
        kept = {c: s for c, s in tracks.items() if set(s) != {"-"}}
        return Pattern(tuple(kept.items()), self.time_signature, self.steps_per_bar)

    def ordered(self) -> Pattern:
        """The same pattern with tracks in reading order (cymbals first, kick last)."""
        tracks = self.tracks
        return Pattern(
            tuple((c, tracks[c]) for c in display_order(list(tracks))), self.time_signature, self.steps_per_bar
        )

    def to_text(self, *, one_line: bool = False, meter_line: bool | None = None) -> str:
        """Notation text that `parse_pattern` reads back to this same pattern.

        ``meter_line`` adds ``time: 6/8``; by default only when inference would guess wrong.
        """
        if meter_line is None:
            meter_line = _infer_meter(self.length) != (self.time_signature, self.steps_per_bar)
        lines = [f"time: {self.time_signature}"] if meter_line else []
        lines += [f"{code}: {steps}" for code, steps in self.track_items]
        return ("; " if one_line else "\n").join(lines)

    def __str__(self) -> str:
        return self.to_text()


def _infer_meter(length: int) -> tuple[str, int] | None:
    """(meter, steps_per_bar) a length implies when no meter is named."""
    for name in INFERENCE_ORDER:
        spb = METERS[name].steps_per_bar
        for grid in (spb, spb // 2):
            if length % grid == 0 and 1 <= length // grid <= MAX_BARS:
                return name, grid
    return None


def suggest_instrument(word: str) -> str:
    """A 'did you mean' hint for an unknown instrument word, or '' when nothing is close."""
    close = difflib.get_close_matches(normalise_name(word), list(ALIASES), n=1, cutoff=0.6)
    if not close:
        return ""
    code = ALIASES[close[0]]
    return f"did you mean {code} ({BY_CODE[code].name})? "


def _entries(text: str) -> Iterable[tuple[int, str]]:
    """(column of the entry's first char in its line, entry) for each non-blank entry."""
    for line in text.splitlines():
        col = 1
        for part in line.split(";"):
            if part.strip():
                yield col + (len(part) - len(part.lstrip())), part.strip()
            col += len(part) + 1


def parse_pattern(text: str, *, time_signature: str | None = None, steps_per_bar: int | None = None) -> Pattern:
    """Read notation text into a `Pattern`, or raise a `NotationError` that says exactly why not.

    Errors number instrument lines in reading order ("line 2 (sd), step 7: ..."), counting
    each ``;``-joined part as a line, which is how users think of the one-line form.
    """
    tracks: dict[str, str] = {}
    where: dict[str, int] = {}
    named_meter: str | None = None
    entry_no = 0
    for column, entry in _entries(text):
        entry_no += 1
        name, sep, body = entry.partition(":")
        if not sep:
            raise NotationError(
                f"line {entry_no}: expected 'instrument: steps', like 'bd: x---x---', not {entry[:30]!r}",
                line=entry_no,
                column=column,
            )
        if normalise_name(name) in META_KEYS:
            named_meter = get_meter(body).name
            continue
        code = resolve_instrument(name)
        if code is None:
            known = ", ".join(BY_CODE)
            raise NotationError(
                f"line {entry_no}: {name.strip()!r} is not an instrument; {suggest_instrument(name)}use one of {known}",
                line=entry_no,
                column=column,
            )
        if code in tracks:
            raise NotationError(
                f"line {entry_no} ({code}): {code} already has line {where[code]}; "
                f"put all {BY_CODE[code].name} hits on one line",
                line=entry_no,
                column=column,
                track=code,
            )
        steps = _read_steps(body, entry_no, code, column + len(name) + 1)
        if tracks:
            first = next(iter(tracks))
            if len(steps) != len(tracks[first]):
                raise NotationError(
                    f"line {entry_no} ({code}): {len(steps)} steps, but line {where[first]} ({first}) has "
                    f"{len(tracks[first])}; every track needs the same number of steps",
                    line=entry_no,
                    column=column,
                    track=code,
                )
        tracks[code] = steps
        where[code] = entry_no
    if not tracks:
        raise NotationError("no pattern: write one line per instrument, like 'bd: x---x---; sd: ----x---'")
    length = len(next(iter(tracks.values())))
    meter_name = time_signature or named_meter
    if meter_name is None:
        inferred = _infer_meter(length)
        if inferred is None:
            raise NotationError(
                f"{length} steps does not fill whole bars: use 16 steps a bar for 4/4 (8 on an eighth-note "
                f"grid), 12 for 3/4, 20 for 5/4, 14 for 7/8, 1 to {MAX_BARS} bars; "
                "or name the meter with a line like 'time: 6/8'"
            )
        meter_name, grid = inferred
    else:
        meter = get_meter(meter_name)
        grid = steps_per_bar or (meter.steps_per_bar if length % meter.steps_per_bar == 0 else meter.steps_per_bar // 2)
        if length % grid or not 1 <= length // grid <= MAX_BARS:
            raise NotationError(
                f"{length} steps does not fill whole {meter.name} bars; a {meter.name} bar has "
                f"{meter.steps_per_bar} steps, and a pattern is 1 to {MAX_BARS} bars"
            )
    return Pattern(tuple(tracks.items()), meter_name, grid)


def read_steps(body: str, label: str) -> str:
    """The canonical steps of one track body: separators skipped, rest aliases folded.

    Every reader of steps uses this one (the parser, the model's answers); a bad symbol is
    a NotationError "<label>, step N: 'y' is not a step symbol; use - x X o f r" whose
    ``column`` is the 0-based offset of the symbol in ``body``.
    """
    out: list[str] = []
    for offset, char in enumerate(body):
        if char in SEPARATORS:
            continue
        if char in REST_ALIASES:
            char = "-"
        if char not in SYMBOLS:
            raise NotationError(
                f"{label}, step {len(out) + 1}: {char!r} is not a step symbol; use {SYMBOL_HELP}",
                column=offset,
                step=len(out) + 1,
            )
        out.append(char)
    return "".join(out)


def _read_steps(body: str, line: int, code: str, column: int) -> str:
    """`read_steps` for one line of user text, with the line and column of any error."""
    try:
        out = read_steps(body, f"line {line} ({code})")
    except NotationError as exc:
        raise NotationError(
            exc.message, line=line, column=column + (exc.column or 0), step=exc.step, track=code
        ) from None
    if not out:
        raise NotationError(f"line {line} ({code}): no steps after ':'", line=line, column=column, track=code)
    return out
