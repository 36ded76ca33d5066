"""Song form: the groove asked for, and the sections a drummer plays against it, in order.

    check_form("aaba", bars) -> "AABA"                        (limits: letters, sections, bars)
    generate_song(writer, request, hits, "AABA", seed=...) -> Generation with .song
    arrange(a, "AABA", request, feels) -> (Song, Check)

    A  the groove asked for (what `generate_pattern` answers, one section long)
    B  a chorus that opens up: the closed hats move to the ride (a ride already there
       adds its bell on the beats), a crash on its one, one more kick on the "and" before
       the middle of the bar
    C  a bridge in half-time: A's first bar stretched over two (`transforms.half_time`),
       cut or repeated to the section's length
    D  a breakdown: the kick only on the beats, the snare down to a cross-stick, the
       time-keeping on the beats; toms and crashes out

B, C and D are made by the engine's transforms, so they keep A's instruments and feel and
cost no model call (asking the model for them is left for later). Every change of section,
and the end, gets a fill in the last beat (`variation.add_fill`), and the section after a
fill opens with a crash. Each section as played is edited to the request
(`fit_to_constraints`) and checked (`check_pattern`); the song's check names the section of
every problem, so "no crash" or "kick on 1 and 3" holds in the chorus as well.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .check import TIME_KEEPERS, Check, Verdict, check_pattern
from .fit import fit_to_constraints
from .generation import Generation, generate_pattern, musts
from .instruments import REAL_HITS
from .limits import CANDIDATES_DEFAULT, check_form
from .llm import PatternWriter
from .notation import Pattern
from .prompt import GenerationRequest
from .retrieval import Hit
from .transforms import half_time, to_bars
from .variation import add_fill, fill_start

SECTION_NAMES = {"A": "verse", "B": "chorus", "C": "bridge", "D": "breakdown"}
# What the model is asked for, section by section, after the request's own words.
SECTION_ASKS = {
    "B": "the chorus: the same groove opened up, ride or open hats instead of closed hats, a little more kick",
    "C": "the bridge: a half-time feel, the backbeat on 3",
    "D": "a breakdown: sparse, the kick on the beats, a cross-stick instead of the snare",
}
SECTION_SPEED = {"C": "half-time"}  # what the model's bridge is held to
SECTION_FEELS = {
    "C": ("half-time",),
    "D": ("cross stick",),
}  # the bridge's backbeat on 3, the breakdown's click: the traits know them
DEFAULT_FILL = "toms"

__all__ = ["SECTION_NAMES", "Part", "Song", "arrange", "check_form", "generate_song", "section_groove"]


@dataclass(frozen=True)
class Part:
    """One section at its place in the song, as played there (crash after a fill, fill before a change)."""

    letter: str
    pattern: Pattern
    start_bar: int  # 0-based bar of the song where it starts
    fill_from: int | None  # first step of its fill, None when the next section is the same

    @property
    def bars(self) -> range:
        """The song's bars it covers, 1-based, for messages."""
        return range(self.start_bar + 1, self.start_bar + self.pattern.bars + 1)


@dataclass(frozen=True)
class Song:
    """A form (``"AABA"``) and its parts in order; every part is one section long."""

    form: str
    parts: tuple[Part, ...]
    made_by: tuple[tuple[str, str], ...] = ()  # (letter, "model" | "transform") for B-D

    @property
    def bars(self) -> int:
        return sum(p.pattern.bars for p in self.parts)

    @property
    def section_bars(self) -> int:
        return self.parts[0].pattern.bars

    def sections(self) -> dict[str, Pattern]:
        """Each letter once, in order of first appearance, as played the last time.

        The last time a letter plays, the next section differs or the song ends, so this is
        the section with its fill: what the picture and the JSON show.
        """
        last = {p.letter: p.pattern for p in self.parts}
        return {letter: last[letter] for letter in dict.fromkeys(self.form)}

    def repeats(self) -> dict[str, int]:
        """How often each letter plays, in order of first appearance."""
        counts = Counter(self.form)
        return {letter: counts[letter] for letter in dict.fromkeys(self.form)}

    def summary(self) -> str:
        """'AABA: A verse ×3, B chorus ×1; 4 bars a section, 16 bars', for replies and the CLI."""
        by_model = {k for k, who in self.made_by if who == "model"}
        each = ", ".join(
            f"{k} {SECTION_NAMES[k]} ×{n}" + (" (by the model)" if k in by_model else "")
            for k, n in self.repeats().items()
        )
        bars = self.section_bars
        return f"{self.form}: {each}; {bars} bar{'s' if bars > 1 else ''} a section, {self.bars} bars"

    def to_json(self) -> dict:
        return {
            "form": self.form,
            "sections": {k: p.to_text() for k, p in self.sections().items()},
            "section_bars": self.section_bars,
            "made_by": dict(self.made_by),
        }


# ---------------------------------------------------------------------------------------
# The sections


def section_groove(letter: str, a: Pattern) -> Pattern:
    """The groove of section ``letter`` (A-D) made from A's groove, as long as A."""
    if letter == "A":
        return a
    if letter == "B":
        return chorus(a)
    if letter == "C":
        return to_bars(half_time(to_bars(a, 1)), a.bars)
    if letter == "D":
        return breakdown(a)
    raise ValueError(f"no section {letter!r}")


def chorus(a: Pattern) -> Pattern:
    """A opened up: hats to the ride (or the ride's bell on the beats), a crash on the one, a kick more."""
    length, spb = a.length, a.steps_per_bar
    tracks = {c: list(s) for c, s in a.track_items}
    beats = a.beat_starts()
    if "ch" in tracks and "rc" not in tracks:
        closed = tracks.pop("ch")
        tracks["rc"] = ["X" if s == "X" else "x" if s != "-" else "-" for s in closed]
    elif "rc" in tracks:
        bell = tracks.setdefault("rb", ["-"] * length)
        for i in beats:
            bell[i], tracks["rc"][i] = "x", "-"
    else:  # no hats or ride to open up: an open hat on the beats
        opened = tracks.setdefault("oh", ["-"] * length)
        for i in beats:
            opened[i] = "x"
    bar_beats = a.meter.beat_starts(spb)
    if len(bar_beats) >= 2 and "bd" in tracks:
        middle = bar_beats[len(bar_beats) // 2]
        push = middle - (bar_beats[1] - bar_beats[0]) // 2  # the "and" before the middle beat
        for bar in range(a.bars):
            i = bar * spb + push
            if push > 0 and tracks["bd"][i] == "-":
                tracks["bd"][i] = "x"
    return crash_on_one(a.replace_tracks({c: "".join(s) for c, s in tracks.items()}))


def breakdown(a: Pattern) -> Pattern:
    """A stripped down: kick on the beats only, cross-stick for the snare, time on the beats."""
    beats = set(a.beat_starts())
    length = a.length
    tracks: dict[str, list[str]] = {}
    keep_as_is = {"cp", "sh", "tb", "cb", "cl", "ph"}
    for code, steps in a.track_items:
        if code == "bd":
            tracks["bd"] = [s if i in beats and s in REAL_HITS else "-" for i, s in enumerate(steps)]
        elif code in ("sd", "rs"):
            stick = tracks.setdefault("rs", ["-"] * length)
            for i, s in enumerate(steps):
                if s in REAL_HITS:
                    stick[i] = "x"
        elif code in TIME_KEEPERS and code not in keep_as_is:
            tracks[code] = [("x" if s != "-" else "-") if i in beats else "-" for i, s in enumerate(steps)]
        elif code in keep_as_is:
            tracks[code] = list(steps)
    if not any(c in tracks and set(tracks[c]) - {"-"} for c in TIME_KEEPERS):
        tracks["ch"] = ["x" if i in beats else "-" for i in range(length)]
    if "bd" in tracks and not set(tracks["bd"]) - {"-"}:
        tracks["bd"][0] = "x"
    return a.replace_tracks({c: "".join(s) for c, s in tracks.items()})


def crash_on_one(pattern: Pattern) -> Pattern:
    """A crash on the first step; the time-keeping hand leaves that step to strike it."""
    tracks = {c: list(s) for c, s in pattern.track_items}
    for code in ("ch", "oh", "rc", "rb"):
        if code in tracks:
            tracks[code][0] = "-"
    tracks.setdefault("cc", ["-"] * pattern.length)[0] = "X"
    return pattern.replace_tracks({c: "".join(s) for c, s in tracks.items()})


# ---------------------------------------------------------------------------------------
# The song


def arrange(
    a: Pattern,
    form: str,
    request: GenerationRequest,
    feels: Sequence[str] = (),
    fill: str = DEFAULT_FILL,
    written: dict[str, Pattern] | None = None,
) -> tuple[Song, Check]:
    """The song of ``form`` built on groove ``a``, and its check (every part, problems named by section).

    ``request`` holds the constraints and style every part keeps; ``feels`` the tags of the
    library groove A came from, which may excuse a trait; ``fill`` "toms", "snare" or a voice code ("cp");
    ``written`` the sections the model wrote (the transforms make the others).
    """
    written = written or {}
    grooves = {letter: written.get(letter) or section_groove(letter, a) for letter in dict.fromkeys(form)}
    made_by = tuple((k, "model" if k in written else "transform") for k in grooves if k != "A")
    played: dict[tuple[str, bool, bool], tuple[Pattern, int | None, Check]] = {}
    parts: list[Part] = []
    checks: list[tuple[Part, Check]] = []
    for n, letter in enumerate(form):
        ends = n + 1 == len(form) or form[n + 1] != letter
        after_fill = n > 0 and form[n - 1] != letter
        key = (letter, after_fill, ends)
        if key not in played:
            played[key] = _play(grooves[letter], letter, after_fill, ends, request, feels, fill)
        pattern, fill_from, check = played[key]
        part = Part(letter, pattern, n * a.bars, fill_from)
        parts.append(part)
        checks.append((part, check))
    return Song(form, tuple(parts), made_by), merge_checks(checks)


def _play(
    groove: Pattern,
    letter: str,
    crash: bool,
    fill_end: bool,
    request: GenerationRequest,
    feels: Sequence[str],
    fill: str,
) -> tuple[Pattern, int | None, Check]:
    """One part as played: the fill and the crash, then edited to the request and checked."""
    pattern, fill_from = groove, None
    if fill_end:
        pattern, fill_from = add_fill(groove, fill), fill_start(groove)
    if crash:
        pattern = crash_on_one(pattern)
    part_feels = (*feels, *SECTION_FEELS.get(letter, ()))
    wanted = musts(request, part_feels)
    fitted = fit_to_constraints(pattern, wanted, keep_kit=request.read.keeps_kit, fill_from=fill_from)
    check = check_pattern(
        fitted, request.read, style=request.style, feels=part_feels, fill_from=fill_from, traits=request.traits
    )
    return fitted, fill_from, check


def merge_checks(checks: Sequence[tuple[Part, Check]]) -> Check:
    """One check for the song: a constraint is honoured when every part honours it; every
    problem once per section, naming the section and the song's bars."""
    first = checks[0][1]
    verdicts = []
    for i, verdict in enumerate(first.constraints):
        broken = next(((p, c.constraints[i]) for p, c in checks if not c.constraints[i].honoured), None)
        if broken is None:
            verdicts.append(verdict)
        else:
            part, failed = broken
            verdicts.append(Verdict(verdict.text, False, f"{_where(part)}: {failed.problem}"))
    problems: dict[tuple[str, str], tuple[str, str]] = {}
    for part, check in checks:
        for problem, kind in zip(check.problems, check.kinds, strict=True):
            problems.setdefault((part.letter, problem), (f"{_where(part)}: {problem}", kind))
    values = list(problems.values())
    return Check(tuple(verdicts), tuple(p for p, _ in values), tuple(k for _, k in values))


def _where(part: Part) -> str:
    bars = part.bars
    span = f"bar {bars[0]}" if len(bars) == 1 else f"bars {bars[0]}-{bars[-1]}"
    return f"section {part.letter} ({SECTION_NAMES[part.letter]}, song {span})"


def generate_song(
    writer: PatternWriter | None,
    request: GenerationRequest,
    hits: list[Hit],
    form: str,
    *,
    seed: int | None = None,
    candidates: int = CANDIDATES_DEFAULT,
) -> Generation:
    """Section A as `generate_pattern` answers a request (without a fill: the form places
    the fills), then the song around it. ``request.bars`` is bars per section."""
    letters = check_form(form, request.bars) or "A"
    fill = request.read.fill or DEFAULT_FILL
    plain = replace(request, intent=replace(request.read, fill=None))
    deadline = time.monotonic() + writer.settings.timeout if writer else None  # one budget for the song
    a = generate_pattern(writer, plain, hits, seed=seed, candidates=candidates, deadline=deadline)
    feels = a.based_on[0].groove.tags if a.source == "library" and a.based_on else ()
    meter = a.pattern.time_signature
    played = replace(plain, time_signature=meter, steps_per_bar=a.pattern.steps_per_bar)
    if meter != plain.time_signature:
        played = replace(played, intent=plain.read.in_meter(meter, a.pattern.steps_per_bar))
    written = written_sections(writer, played, hits, letters, seed, deadline) if a.source == "llm" else {}
    song, check = arrange(a.pattern, letters, played, feels, fill, written)
    return replace(a, song=song, check=check)


def written_sections(
    writer: PatternWriter | None,
    request: GenerationRequest,
    hits: list[Hit],
    letters: str,
    seed: int | None,
    deadline: float | None,
) -> dict[str, Pattern]:
    """Sections B-D as the model writes them, each passing the check (the request's
    constraints, the style, a half-time backbeat for the bridge), within the song's one
    deadline. A section the model cannot write in time is left to the transforms."""
    written: dict[str, Pattern] = {}
    for n, letter in enumerate(k for k in dict.fromkeys(letters) if k in SECTION_ASKS):
        if writer is None or deadline is None or time.monotonic() >= deadline:
            break
        ask = replace(
            request,
            description=f"{request.description} ({SECTION_ASKS[letter]})",
            intent=replace(request.read, speed=SECTION_SPEED.get(letter, request.read.speed)),
        )
        section_seed = None if seed is None else seed + 101 * (n + 1)
        answer = generate_pattern(writer, ask, hits, seed=section_seed, candidates=1, deadline=deadline)
        if answer.source == "llm" and answer.pattern.time_signature == request.time_signature:
            written[letter] = answer.pattern
    return written
