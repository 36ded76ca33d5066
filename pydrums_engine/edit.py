"""An instruction read as an edit, applied to a shown pattern, and judged on the grid.

    apply_edit(pattern, edit, end=None) -> Pattern        the deterministic edit
    change_problems(before, after, edit, end=None) -> [sentences]   did an answer make the change?

An `Edit` is what `refine.read_instruction` makes of "busier hats, no crash": constraints
the request parser reads ("no crash", "kick on the and of 3") and relative `Change`s it
does not ("busier hats", "more ghost notes", "ride instead of hats"). The deterministic edit
makes exactly those changes and leaves every other lane alone (apart from a closed hat that
gives way to an open one the instruction adds, and a hand that cannot play a fourth stroke).
`change_problems` reads the grid, the same way for the model's answer and for the edit:
busier hats must have more hat hits, "no ghost notes" none, and the lanes the instruction
did not name must stay (nearly) as they were.

Steps from ``end`` on (a fill at the end of the shown pattern) are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .check import BACKBEAT_VOICES, CROWDED_SHARE, HANDS, TIME_KEEPERS
from .errors import InputError
from .fit import fit_to_constraints
from .instruments import BY_CODE, GHOST, REAL_HITS, REST, SOUNDING, voices_label
from .intent import Constraint
from .notation import Pattern

KINDS = ("denser", "sparser", "more_ghosts", "fewer_ghosts", "no_ghosts", "accents", "no_accents", "swap")
KINDS += ("busier", "simpler")
EXTRA_PERCUSSION = ("tb", "cb", "sh", "cl")  # what "simpler" takes out first
DRUM_ADDS_PER_BAR = 2  # "more kick": a drum gains this many hits a bar, not a wall of them
GHOSTS_PER_BAR = 3  # "more ghost notes": this many new ones a bar at most
# where a drummer puts snare ghost notes in a 16-step bar, best first: the "a" of 2, the "e"
# of 3, the "a" of 4, the "a" of 1, then the other in-between sixteenths
GHOST_ORDER_16 = (7, 9, 15, 3, 11, 13, 1, 5)
_ALL_LANES = ("no_ghosts", "fewer_ghosts", "no_accents")  # without voices, these touch every lane
UNNAMED_CHANGES_PER_BAR = 2  # steps of lanes the instruction did not name that an answer may change


@dataclass(frozen=True)
class Change:
    """A relative change the request parser has no words for: "busier hats", "no ghost notes".

    ``kind`` is one of `KINDS`; ``voices`` the lanes it is about (empty: the whole groove);
    ``into`` the voices a swap moves them to ("ride instead of hats": voices ch, oh; into rc).
    """

    kind: str
    voices: tuple[str, ...] = ()
    text: str = ""
    into: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {self.kind!r}")


@dataclass(frozen=True)
class Edit:
    """One instruction, read once: constraints that hold after the edit, and relative changes."""

    instruction: str
    constraints: tuple[Constraint, ...] = ()
    changes: tuple[Change, ...] = ()
    bpm: int | None = None
    bars: int | None = None
    kept: tuple[Constraint, ...] = ()  # the original request's, which the shown pattern honours

    @property
    def wanted(self) -> tuple[Constraint, ...]:
        """Every constraint the answer must honour: the request's kept ones and the instruction's."""
        return tuple(dict.fromkeys((*self.kept, *self.constraints)))

    @property
    def named(self) -> frozenset[str]:
        """The lanes the instruction is about; None of the others should change."""
        voices = {v for c in self.constraints for v in c.voices}
        for change in self.changes:
            voices |= set(change.voices) | set(change.into)
            if change.kind == "more_ghosts" and not change.voices:
                voices.add("sd")
        return frozenset(voices)

    @property
    def whole_groove(self) -> bool:
        """True when a change is about the whole groove ("simpler", "no accents"): every lane may move."""
        return any(c.kind == "simpler" or (not c.voices and c.kind in _ALL_LANES) for c in self.changes)

    def sentences(self) -> list[str]:
        """What the instruction asked, as short phrases for the reply."""
        out = [c.text for c in self.changes] + list(dict.fromkeys(c.text for c in self.constraints))
        if self.bpm:
            out.append(f"{self.bpm} bpm")
        if self.bars:
            out.append(f"{self.bars} bar{'s' if self.bars > 1 else ''}")
        return out


# ---------------------------------------------------------------------------------------
# Applying an edit


def apply_edit(pattern: Pattern, edit: Edit, end: int | None = None, *, keep_kit: bool = True) -> Pattern:
    """``pattern`` with exactly the instruction's changes made; InputError when one cannot be.

    Relative changes first, then the constraints (so a "no" always wins), then the grid made
    playable again without touching the lanes the instruction named.
    """
    stop = pattern.length if end is None else end
    tracks = {code: list(steps) for code, steps in pattern.track_items}
    for change in edit.changes:
        _APPLY[change.kind](tracks, pattern, change, stop)
    edited = pattern.replace_tracks({c: "".join(s) for c, s in tracks.items()})
    fill_from = None if end is None or end >= pattern.length else end
    return fit_to_constraints(edited, edit.wanted, keep_kit=keep_kit, fill_from=fill_from)


def _lane(tracks: dict[str, list[str]], voices: tuple[str, ...], pattern: Pattern) -> str:
    """The lane a change on ``voices`` works on: the one that plays most, else the first."""
    playing = [v for v in voices if v in tracks and set(tracks[v]) - {REST}]
    if playing:
        return max(playing, key=lambda v: sum(s != REST for s in tracks[v]))
    return voices[0]


def _grid(steps: Iterable[int], spb: int) -> int:
    """The coarsest step size (a power of two dividing the bar) that every hit sits on."""
    size = spb
    while size > 1 and (spb % size or any(s % size for s in steps)):
        size //= 2
    return max(size, 1)


def _hands(tracks: dict[str, list[str]], i: int) -> int:
    return sum(1 for c, s in tracks.items() if s[i] != REST and BY_CODE[c].limb == "hand")


def _bar_hits(steps: list[str], start: int, spb: int, stop: int, kinds: frozenset[str] = SOUNDING) -> list[int]:
    return [i for i in range(spb) if start + i < stop and steps[start + i] in kinds]


def _denser(tracks: dict[str, list[str]], pattern: Pattern, change: Change, stop: int) -> None:
    """Time-keepers fill every gap of the next finer subdivision; drums gain a few hits a bar."""
    code = _lane(tracks, change.voices, pattern)
    spb = pattern.steps_per_bar
    steps = tracks.setdefault(code, [REST] * pattern.length)
    keeper = code in TIME_KEEPERS
    before = sum(s != REST for s in steps[:stop])
    for start in range(0, stop, spb):
        hits = _bar_hits(steps, start, spb, stop)
        size = _grid(hits, spb) if hits else max(1, spb // 4)
        finer = max(1, size // 2) if hits else size
        free = _free(tracks, code, start, range(0, spb, finer), stop)
        if not keeper:  # a drum takes the next finer places that are free, then finer ones
            while not free and finer > 1:
                finer //= 2
                free = _free(tracks, code, start, range(0, spb, finer), stop)
            free.sort(key=lambda i: (i % max(1, spb // 8) != 0, i))  # eighth offbeats before sixteenths
            room = int(CROWDED_SHARE * spb) - len(_bar_hits(steps, start, spb, stop, REAL_HITS))
            free = free[: max(0, min(DRUM_ADDS_PER_BAR, room))]
        symbol = GHOST if code in ("sd", "rs") and not keeper else "x"
        for i in free:
            steps[start + i] = symbol
    if sum(s != REST for s in steps[:stop]) <= before:
        raise InputError(f"the {voices_label((code,))} cannot get busier here: it already plays every step it can")


def _free(tracks: dict[str, list[str]], code: str, start: int, places: range, stop: int) -> list[int]:
    """Places of one bar where ``code`` may gain a hit: it rests there, a hand is free (for a
    hand-played voice), the open hat is not there (for the closed one), the snare is not (for a drum)."""
    steps = tracks[code]
    snare = tracks.get("sd")
    out = []
    for i in places:
        at = start + i
        if at >= stop or steps[at] != REST:
            continue
        if BY_CODE[code].limb == "hand" and _hands(tracks, at) >= HANDS:
            continue
        if code == "ch" and "oh" in tracks and tracks["oh"][at] != REST:
            continue
        if code not in TIME_KEEPERS and code != "sd" and snare is not None and snare[at] in REAL_HITS:
            continue
        out.append(i)
    return out


def _sparser(tracks: dict[str, list[str]], pattern: Pattern, change: Change, stop: int) -> None:
    """Keep the hits on the next coarser subdivision (eighths to quarters); at least one a bar."""
    code = _lane(tracks, change.voices, pattern)
    if code not in tracks:
        raise InputError(f"there is no {voices_label(change.voices)} in the pattern to thin out")
    spb = pattern.steps_per_bar
    steps = tracks[code]
    before = sum(s != REST for s in steps[:stop])
    for start in range(0, stop, spb):
        hits = _bar_hits(steps, start, spb, stop)
        if len(hits) < 2:
            continue
        coarser = _grid(hits, spb) * 2
        keep = [i for i in hits if i % coarser == 0] or hits[:1]
        if len(keep) == len(hits):
            keep = hits[::2]
        for i in hits:
            if i not in keep:
                steps[start + i] = REST
    if sum(s != REST for s in steps[:stop]) >= before:
        raise InputError(f"the {voices_label((code,))} plays once a bar at most; there is nothing to thin out")


def _ghost_spots(pattern: Pattern) -> list[int]:
    spb = pattern.steps_per_bar
    if spb == 16:
        return list(GHOST_ORDER_16)
    beats = set(pattern.meter.beat_starts(spb))
    return sorted((i for i in range(spb) if i not in beats), key=lambda i: (i % 2 == 0, i))


def _more_ghosts(tracks: dict[str, list[str]], pattern: Pattern, change: Change, stop: int) -> None:
    """Snare ghost notes on the in-between sixteenths, where a hand is free and the snare rests."""
    code = change.voices[0] if change.voices else "sd"
    spb = pattern.steps_per_bar
    steps = tracks.setdefault(code, [REST] * pattern.length)
    added = 0
    for start in range(0, stop, spb):
        room = GHOSTS_PER_BAR
        for i in _ghost_spots(pattern):
            at = start + i
            if room == 0 or at >= stop:
                continue
            near = [steps[j] for j in (at - 1, at + 1) if 0 <= j < len(steps)]
            if steps[at] != REST or any(s in REAL_HITS for s in near if s != "x") or _hands(tracks, at) >= HANDS:
                continue
            steps[at] = GHOST
            room -= 1
            added += 1
    if not added:
        raise InputError("there is no free step for another ghost note (both hands are busy)")


def _fewer_ghosts(tracks: dict[str, list[str]], pattern: Pattern, change: Change, stop: int) -> None:
    """Every other ghost note goes; with ``no_ghosts`` (below) all of them."""
    codes = change.voices or tuple(tracks)
    ghosts = [(c, i) for c in codes if c in tracks for i in range(stop) if tracks[c][i] == GHOST]
    if not ghosts:
        raise InputError("the pattern has no ghost notes to take out")
    drop = ghosts if change.kind == "no_ghosts" else ghosts[1::2] or ghosts[:1]
    for c, i in drop:
        tracks[c][i] = REST


def _accents(tracks: dict[str, list[str]], pattern: Pattern, change: Change, stop: int) -> None:
    """Accent the lane's hits on the backbeat (a snare) or on the beats (anything else)."""
    code = _lane(tracks, change.voices or ("sd", "cp", "rs"), pattern)
    if code not in tracks:
        raise InputError(f"there is no {voices_label((code,))} in the pattern to accent")
    spb = pattern.steps_per_bar
    beats = pattern.meter.beat_starts(spb)
    where = set(beats[1::2]) if code in BACKBEAT_VOICES and len(beats) in (2, 4) else set(beats)
    steps = tracks[code]
    targets = [i for i in range(stop) if steps[i] == "x" and i % spb in where]
    targets = targets or [i for i in range(stop) if steps[i] == "x"]
    if not targets:
        raise InputError(f"the {voices_label((code,))} has no plain hit left to accent")
    for i in targets:
        steps[i] = "X"


def _no_accents(tracks: dict[str, list[str]], pattern: Pattern, change: Change, stop: int) -> None:
    codes = change.voices or tuple(tracks)
    found = [(c, i) for c in codes if c in tracks for i in range(stop) if tracks[c][i] == "X"]
    if not found:
        raise InputError("the pattern has no accents to take out")
    for c, i in found:
        tracks[c][i] = "x"


def _swap(tracks: dict[str, list[str]], pattern: Pattern, change: Change, stop: int) -> None:
    """ "ride instead of hats": the old lanes' strokes move to the new voice, the old lanes go."""
    old = [v for v in change.voices if v in tracks]
    if not old:
        raise InputError(f"there is no {voices_label(change.voices)} in the pattern to replace")
    new = change.into[0]
    strokes = BY_CODE[new].strokes
    target = tracks.setdefault(new, [REST] * pattern.length)
    for code in old:
        steps = tracks[code]
        for i in range(stop):
            if steps[i] != REST and target[i] == REST:
                target[i] = steps[i] if steps[i] in strokes else "x"
            steps[i] = REST


def _simpler(tracks: dict[str, list[str]], pattern: Pattern, change: Change, stop: int) -> None:
    """No ghost notes, flams or rolls, no extra hand percussion; if that was all, thinner time."""
    removed = 0
    for code, steps in tracks.items():
        for i in range(stop):
            if steps[i] == GHOST or (code in EXTRA_PERCUSSION and steps[i] != REST):
                steps[i], removed = REST, removed + 1
            elif steps[i] in ("f", "r"):
                steps[i] = "x"
    if not removed:
        keeper = [c for c in TIME_KEEPERS if c in tracks and c != "oh"]
        if not keeper:
            raise InputError("the pattern is already as simple as it gets: no ghosts, no extras, no time-keeper")
        _sparser(tracks, pattern, Change("sparser", (keeper[0],)), stop)


def _busier(tracks: dict[str, list[str]], pattern: Pattern, change: Change, stop: int) -> None:
    """The time-keeper one subdivision finer; when it cannot be, ghost notes on the snare."""
    try:
        _denser(tracks, pattern, Change("denser", change.voices[:1] or (time_keeper(pattern),)), stop)
    except InputError:
        _more_ghosts(tracks, pattern, Change("more_ghosts"), stop)


def time_keeper(pattern: Pattern) -> str:
    """The lane that keeps time (the most played of hats, ride, shaker...), or the closed hat."""
    keepers = [c for c in TIME_KEEPERS if c != "oh" and pattern.hits(c)]
    return max(keepers, key=lambda c: len(pattern.hits(c))) if keepers else "ch"


_APPLY = {
    "denser": _denser,
    "sparser": _sparser,
    "more_ghosts": _more_ghosts,
    "fewer_ghosts": _fewer_ghosts,
    "no_ghosts": _fewer_ghosts,
    "accents": _accents,
    "no_accents": _no_accents,
    "swap": _swap,
    "busier": _busier,
    "simpler": _simpler,
}


# ---------------------------------------------------------------------------------------
# Did it make the change? (read from the grid)


def count(pattern: Pattern, voices: Iterable[str], kinds: Iterable[str] = SOUNDING, end: int | None = None) -> int:
    """Steps of ``voices`` holding one of ``kinds`` before ``end``."""
    wanted = set(kinds)
    stop = pattern.length if end is None else end
    return sum(1 for v in voices for s in pattern.steps(v)[:stop] if s in wanted)


def change_problems(before: Pattern, after: Pattern, edit: Edit, end: int | None = None) -> list[str]:
    """Sentences saying where ``after`` does not make the instruction's relative changes, or
    changes more than it asked; an empty list when it did what was asked (constraints are the
    musical check's)."""
    if (after.time_signature, after.length) != (before.time_signature, before.length):
        return [f"the answer must keep the pattern's {before.bars} bars of {before.time_signature}"]
    problems = []
    everything = tuple(BY_CODE)
    for change in edit.changes:
        whole = change.kind in ("busier", "simpler") or not change.voices  # counted over the whole groove
        voices = everything if whole else change.voices
        who = "groove" if whole else voices_label(change.voices)
        was, now = count(before, voices, end=end), count(after, voices, end=end)
        if change.kind in ("denser", "busier") and now <= was:
            problems.append(f"{change.text}: the {who} must have more than {was} hits; the answer has {now}")
        elif change.kind in ("sparser", "simpler") and not 0 < now < was:
            problems.append(f"{change.text}: the {who} must have fewer than {was} hits, not none; the answer has {now}")
        elif change.kind == "more_ghosts":
            ghosts = change.voices or ("sd", "rs", "cp")
            was, now = count(before, ghosts, GHOST, end), count(after, ghosts, GHOST, end)
            if now <= was:
                problems.append(f"{change.text}: there must be more than {was} ghost notes ('o'); there are {now}")
        elif change.kind in ("no_ghosts", "fewer_ghosts"):
            was, now = count(before, voices, GHOST, end), count(after, voices, GHOST, end)
            if (change.kind == "no_ghosts" and now) or now >= was:
                problems.append(f"{change.text}: there are still {now} ghost notes ('o')")
        elif change.kind == "accents" and count(after, voices, "X", end) <= count(before, voices, "X", end):
            problems.append(f"{change.text}: the {who} needs more accents ('X') than before")
        elif change.kind == "no_accents" and count(after, voices, "X", end):
            problems.append(f"{change.text}: there are still accents ('X')")
        elif change.kind == "swap" and (count(after, change.voices) or not count(after, change.into)):
            problems.append(
                f"{change.text}: the {voices_label(change.voices)} must be gone and the "
                f"{voices_label(change.into)} must play"
            )
    if not edit.whole_groove:
        busier = any(c.kind == "busier" for c in edit.changes)  # may fall back to snare ghost notes
        moved = unnamed_changes(before, after, edit.named | ({"sd"} if busier else set()), end)
        allowed = UNNAMED_CHANGES_PER_BAR * before.bars
        if moved > allowed:
            problems.append(
                f"keep the parts the change does not name as they were: {moved} of their steps changed, "
                f"at most {allowed} may"
            )
    if after == before:
        problems.append("the answer is the pattern as it was; make the change")
    return problems


def unnamed_changes(before: Pattern, after: Pattern, named: Iterable[str], end: int | None = None) -> int:
    """Steps that differ between the two patterns in lanes not in ``named``."""
    skip = set(named)
    stop = before.length if end is None else end
    lanes = (set(before.tracks) | set(after.tracks)) - skip
    return sum(1 for c in lanes for a, b in zip(before.steps(c)[:stop], after.steps(c)[:stop], strict=True) if a != b)
