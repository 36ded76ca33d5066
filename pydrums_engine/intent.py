"""One reading of a request: what the drummer asked for, parsed once and handed down.

    parse_intent("kick on 1 and 3, snare on 2 and 4, 4 bars at 90 bpm", styles=matcher) -> Intent
        .styles .tempo .bpm .meter .bars .speed .swing .fill .single_instrument .density
        .constraints   (voices x places x rule, e.g. kick / "1", "3" / only)

Nothing after this module reads the raw text for meaning: retrieval, planning, the prompt,
the check and the reply all take the `Intent`.

Places stay in the drummer's count ("3", "the and of 2", "the offbeats") until a meter is
known, because the same words land on different steps in 4/4, 12/8 or 7/8; `place_steps`
puts them on a grid. Counting: in x/4 and 12/8 the numbers count beats (12/8: four
dotted-quarter beats of three eighths, "1 & a"); in 6/8, 9/8, 7/8 and 5/8 they count eighths.
A phrase that cannot be placed in the meter is left out and named in ``unplaced``, never
guessed; so are words that name a place but that no form of the reader understood ("flams
on 1 and 3": flams are not a voice), so the reply can say what it left out.

Rules: explicit places ("kick on 1 and 3", "eighth hats") mean exactly there (ghost notes
aside); named idioms ("four on the floor", "backbeat", "one drop", "half-time") mean at
least there; "no X on P" / "nothing on the one" mean nothing there; "no X", "without X"
mean none at all; "only kick and snare" leaves the other voices out.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Protocol

from .instruments import ALIASES, BY_CODE, GROUP_WORDS, INSTRUMENTS, list_label, resolve_voices, voices_label
from .limits import BARS_MAX, BARS_MIN, BPM_MAX, BPM_MIN
from .notation import METERS, Meter, get_meter
from .wording import spoken_list, step_numbers

ALL_VOICES: tuple[str, ...] = tuple(i.code for i in INSTRUMENTS)
RULES = ("on", "only", "off", "absent", "present")


# ---------------------------------------------------------------------------------------
# Places on the grid


# Where the parts of a count fall, as a fraction of the count: "1 e & a", or "1 & a" on a
# triplet beat (12/8).
_PARTS = {"": Fraction(0), "e": Fraction(1, 4), "&": Fraction(1, 2), "a": Fraction(3, 4)}
_TRIPLET_PARTS = {"": Fraction(0), "&": Fraction(1, 3), "a": Fraction(2, 3)}


def _counting(meter: Meter) -> tuple[int, dict[str, Fraction]]:
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
    counts, parts = _counting(meter)
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
    beats: where half-time puts the backbeat), "all" (every step).
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
    if place == "all":
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
        counts, _ = _counting(meter)
        return _on_grid([Fraction(n, counts) for n in range(counts)], steps_per_bar)
    if place == "quarters":
        return _every(steps_per_bar, _per_bar(meter, 4)) if meter.name.endswith("/4") else None
    if place == "eighths":
        return _every(steps_per_bar, _per_bar(meter, 8))
    if place == "triplets":  # a beat in three: the eighths of 6/8, 9/8 and 12/8; no place on a 4/4 grid
        return _every(steps_per_bar, _per_bar(meter, 8)) if meter.name in TRIPLET_METERS else None
    if place == "sixteenths":
        return _every(steps_per_bar, _per_bar(meter, 16)) if _per_bar(meter, 16) == steps_per_bar else None
    if place in ("es", "as"):  # every count's e, or its a (simple meters on a sixteenth grid)
        counts, parts = _counting(meter)
        part = {"es": "e", "as": "a"}[place]
        if part not in parts or parts is _TRIPLET_PARTS or not meter.name.endswith("/4"):
            return None
        return _on_grid([(n + parts[part]) / counts for n in range(counts)], steps_per_bar)
    if place == "offbeats":
        counts, _ = _counting(meter)
        halves = [(n + Fraction(1, 2)) / counts for n in range(counts)]
        return _on_grid(halves, steps_per_bar) if meter.name.endswith("/4") else None
    match = re.fullmatch(r"(\d+)([e&a]?)", place)
    return _count_steps(int(match[1]), match[2], meter, steps_per_bar) if match else None


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
# Constraints and the intent


@dataclass(frozen=True)
class Constraint:
    """One thing the request asks of the grid, checked in every bar.

    ``rule``: "on" (a real hit, not a ghost, at each place), "only" (that, and no other
    real hit of these voices in the bar), "off" (no sound at all at the places), "absent"
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


@dataclass(frozen=True)
class Intent:
    """Everything a request says, read once. Unset fields mean the request left it open."""

    text: str
    styles: tuple[str, ...] = ()
    tempo: str = ""  # "slow", "fast" or ""
    bpm: int | None = None
    meter: str | None = None
    bars: int | None = None
    speed: str = ""  # "half-time", "double-time" or ""
    swing: bool | None = None  # True swung, False straight, None not said
    fill: str | None = None  # "toms", "snare" or a voice's code ("cp") when a fill is asked for
    single_instrument: str | None = None
    density: str = ""  # "busy", "sparse" or ""
    constraints: tuple[Constraint, ...] = ()
    unplaced: tuple[str, ...] = ()  # phrases about the rhythm that could not be read or placed

    def placed(self, meter_name: str, steps_per_bar: int) -> tuple[Constraint, ...]:
        """The constraints that can be placed in this meter (the rest are reported, not guessed)."""
        return tuple(c for c in self.constraints if c.placeable(meter_name, steps_per_bar))

    def in_meter(self, meter_name: str, steps_per_bar: int) -> Intent:
        """This intent for a settled meter: unplaceable constraints move to ``unplaced``."""
        kept = self.placed(meter_name, steps_per_bar)
        dropped = tuple(f"{c.text} (not placeable in {meter_name})" for c in self.constraints if c not in kept)
        return replace(self, constraints=kept, unplaced=self.unplaced + dropped)

    @property
    def keeps_kit(self) -> bool:
        """False when the request leaves the kick or the time-keeping out on purpose."""
        return self.single_instrument is None and not any(
            c.rule == "absent" and ("bd" in c.voices or {"sd", "cp"} <= set(c.voices)) for c in self.constraints
        )

    @property
    def silent(self) -> bool:
        """True when the words rule out every instrument ("no kick, no snare, no hats, ..."):
        there is nothing left to play."""
        gone = {v for c in self.constraints if c.rule == "absent" for v in c.voices}
        return gone >= set(ALL_VOICES)

    def sentences(self) -> list[str]:
        """What was understood, as short sentences for the reply."""
        out = [c.text for c in self.constraints]
        if self.meter:
            out.append(f"in {self.meter}")
        if self.bars:
            out.append(f"{self.bars} bar{'s' if self.bars > 1 else ''}")
        if self.bpm:
            out.append(f"{self.bpm} bpm")
        if self.speed:
            out.append(self.speed)
        if self.swing is not None:
            out.append("swung" if self.swing else "straight")
        if self.fill:
            kind = {"toms": "tom", "snare": "snare"}.get(self.fill) or voices_label((self.fill,))
            out.append(f"a {kind} fill at the end")
        return out


class StyleFinder(Protocol):
    """What the parser needs to know of the library's styles (`lexical.StyleMatcher`)."""

    def find(self, query: str) -> list[str]: ...


# ---------------------------------------------------------------------------------------
# The parser

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
_BAR_NUMBERS = {**_NUMBER_WORDS, "a": 1, "an": 1, "single": 1, "ten": 10, "twelve": 12, "sixteen": 16}
_METER_WORDS = {
    "three four": "3/4",
    "four four": "4/4",
    "two four": "2/4",
    "five four": "5/4",
    "seven four": "7/4",
    "six eight": "6/8",
    "nine eight": "9/8",
    "twelve eight": "12/8",
    "five eight": "5/8",
    "seven eight": "7/8",
}

_METER = re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\b")
# every one-word name of a voice or group, plurals too ("claps"): what may stand before "fill" or "2/4"
_ONE_WORD_VOICES = {re.escape(w) for w in (*ALIASES, *GROUP_WORDS) if w.isalpha()}
# "snare on 2/4", "sn 2/4", "kick 1/3": counts after "on" or a voice, not a meter
_SLASH_LIST = re.compile(
    r"\b(on\s+(?:beats?\s+)?|(?:" + "|".join(sorted(_ONE_WORD_VOICES, key=len, reverse=True)) + r")\s+)"
    r"(\d(?:\s*/\s*\d)+)\b"
)
# "five beats in each bar", "7 counts per measure": that many quarter beats.
_BEATS_A_BAR = re.compile(
    r"\b(two|three|four|five|seven|[23457])\s+(?:beats?|counts?|quarters|quarter notes)\s+"
    r"(?:in|per|to|a|each|every)\s+(?:each\s+|every\s+|the\s+|a\s+)?(?:bar|measure)\b"
)
# How an odd meter is grouped, in eighths: "2+2+3", "3-2-2", or counted "1-2 1-2 1-2-3".
_GROUPING = re.compile(r"\b[1-9](?:\s*[+-]\s*[1-9]){1,5}\b")
_COUNTED_GROUPING = re.compile(r"\b1(?:-[2-9])+(?:[\s,]+1(?:-[2-9])+)+\b")
# "in 5", "in seven": a meter by its count, where nothing after it makes it a number of bars.
_IN_A_COUNT = re.compile(
    r"\bin\s+(three|five|six|seven|nine|[35679])\b(?=\s*(?:$|[,.;:!?)(-]|like|with|and|please|pls|feel|time))"
)
_COUNTED_METERS = {3: "3/4", 5: "5/4", 6: "6/8", 7: "7/8", 9: "9/8"}
_METER_IN_WORDS = re.compile(r"\b(" + "|".join(w.replace(" ", "[\\s-]") for w in _METER_WORDS) + r")\b(?:\s+time)?")
_BPM = re.compile(
    r"\b(?:at\s+|tempo\s+(?:of\s+)?)?(\d{2,3})\s*(?:bpm|beats per minute)\b"
    r"|\b(?:at|tempo(?:\s+of)?)\s+(\d{2,3})\b(?!\s*/)"
)
_BARS = re.compile(
    r"\b(\d{1,2}|" + "|".join(_BAR_NUMBERS) + r")[\s-]*(?:bars?|measures?)\b(?:\s+long)?"
    r"|\b(?:bars|measures)\s*[:=]\s*(\d{1,2})\b"
)
# A correction of the bars said before: "2 bars ... actually no, make that 4".
_BARS_AGAIN = re.compile(
    r"\b(?:make|change|makes?)\s+(?:that|it|them)\s+(?:to\s+|into\s+)?(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\b"
    r"(?!\s*(?:bpm|beats? per|/|%|on|&|\+))"
)
# Which bar, not a count: "in bar 8", "the end of bar 4", "the last bar", "the 2nd measure".
# Each is left as one mark, so "kick on 1 in the last bar" is known for a place in one bar only.
BAR_MARK = "somebar"
_BAR_REFERENCE = re.compile(
    r"\b(?:(?:in|of|on|at|for)\s+)?(?:the\s+)?(?:(?:bar|measure)\s+(?:\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\b"
    r"|(?:last|final|first|second|third|fourth|\d(?:st|nd|rd|th))\s+(?:bar|measure)\b)"
)
# Chat shorthand read as the words it stands for: "w/ a cowbell", "w/o crash".
_SHORTHANDS = {"w/o": "without ", "w/": "with ", "b/w": "between ", "teh": "the ", "hte": "the ", "w": "with "}
_SHORTHANDS |= {"evry": "every ", "evrey": "every ", "eveyr": "every ", "thats": "that's "}
_SHORTHAND = re.compile(
    r"(?<![a-z/])(w/o|b/w|w/|\bteh\b|\bhte\b|\bevry\b|\bevrey\b|\beveyr\b|\bthats\b|\bw\b(?=\s+[a-z]))\s*"
)
# "2 an 4", "1 an 4": "and" typed short between two counts.
_AN_BETWEEN_COUNTS = re.compile(r"(?<=\d)\s*n\s*(?=\d)|(?<=\d)\s+an\s+(?=\d)")  # "2n4" too
# "nothing on the one!! kick comes in on the and of 1": the end of a sentence.
_EXCLAIMED = re.compile(r"[!?]+")
# "snare w brushes on 2 n 3": how it is played says nothing of where.
_TECHNIQUE = re.compile(
    r"\b(?:with|using|on|played with)\s+(?:the\s+|some\s+)?(?:brushes|mallets|hot rods|rods|sticks)\b"
)
# "DUM = kick": a word of the request's own for a voice (up to three words: "floor tom").
_DEFINED = re.compile(r"\b([a-z]{2,12})\s*=\s*(?:the\s+)?([a-z][a-z-]*(?:\s[a-z][a-z-]*){0,2}?)(?=\s*(?:[,.;:)]|$))")
# The bar a fill ends, which makes the pattern that long: "fill at the end of bar 4", "fill in bar 8".
_FILL_BAR = re.compile(r"\bend\s+of\s+(?:bar|measure)\s+(\d)\b|\bfills?\s+(?:in|on|at)\s+(?:bar|measure)\s+(\d)\b")
# "the cymbal that goes tss", "the drum that goes boom": a voice named by its sound.
_SOUND_VOICES = {"tss": "hats", "tsss": "hats", "tsst": "hats", "chick": "hats", "boom": "kick", "dum": "kick"}
_SOUND_VOICES |= {"tak": "snare", "tek": "snare", "crack": "snare", "crash": "crash"}
_SOUNDS_LIKE = re.compile(
    r"\b(?:cymbal|sound|one|thing|drum)\s+(?:that|which)\s+(?:goes|sounds)\s+(?:like\s+)?(?:a\s+)?("
    + "|".join(_SOUND_VOICES)
    + r")\b"
)
# "crash one time at the start of the bar": once (a count of times, not the one).
_ONE_TIME = re.compile(r"\b(?:one|1)\s+time\b")
# "... the and of 3 -- snare cracking on 2 and 4": a dash between words ends a clause.
_DASHED = re.compile(r"\s+(?:-{1,2}|[\u2013\u2014])\s+")
# "every single triplet", "each and every beat": every.
_EVERY_SINGLE = re.compile(r"\b(?:every\s+single|each\s+and\s+every)\b")
# "(1 e & a 2 e & a - that e right after 2)": an aside that counts out loud places nothing.
_COUNT_CHANT = re.compile(r"\([^()]*\b1\s+e\s+(?:&|and|n|\+)\s+a\s+2\b[^()]*\)")
# "2-and", "4-n": the count's "&" written with a hyphen.
_HYPHEN_AND = re.compile(r"\b(\d)-(?:and|n)\b")
# Numbers that are a step sequencer's or piano roll's steps, not the count: "steps 1, 7 and 11".
_STEP_GRID = re.compile(r"\b(?:16|sixteen)[\s-]*steps?\b|\bpiano[\s-]?roll\b|\bstep\s+(?:sequencer|grid)\b")
_STEP_NUMBERS = re.compile(r"\bsteps?\s+\d")
# "(16 step grid)", "on a 16-step sequencer": what the numbers count, said once; no place in it
_GRID_SAID = re.compile(r"\b(?:on\s+)?(?:a\s+|the\s+)?(?:16|sixteen)[\s-]*steps?\s+(?:grid|sequencer)\b")
_STEP_WORDS = frozenset({"step", "steps"})
_SIXTEENTH = frozenset({"16th", "sixteenth"})  # "16th step 12": the grid's 12th step
_NOT = r"(?<!\bno )(?<!\bnot )"  # "no half-time", "not double time": the opposite wish
_HALF = re.compile(_NOT + r"\bhalf[\s-]?time\b")
_DOUBLE = re.compile(_NOT + r"\bdouble[\s-]?time\b")
_SLOW = re.compile(r"\b(slow|slower|laid[\s-]?back|lazy|chill|relaxed|mellow|dragging|downtempo|sleepy)\b")
_FAST = re.compile(
    r"\b(fast|faster|uptempo|up-tempo|energetic|frantic|driving|high[\s-]?energy|rapid)\b"
    # "quick", but not "a quick double" or "a quick fill"
    r"|\bquick\b(?!\s+(?:double|flam|fill|roll|drag|ghost|triplet|hit|pair|one|16ths?|sixteenths?|little|tom|snare|kick))"
)
_STRAIGHT = re.compile(r"\b(straight|unswung|no swing|not swung|without swing)\b")
_SWUNG = re.compile(r"\b(swing|swung|swinging|shuffle|shuffled|shuffling|triplet feel|dilla|boom[\s-]?bap)\b")
_BUSY = re.compile(r"\b(busy|busier|dense|denser|lots of notes|complex|intricate|crowded)\b")
_SPARSE = re.compile(r"\b(sparse|sparser|minimal|simple|simpler|stripped[\s-]?(?:back|down)?|bare|spacious)\b")
# "fill" as a noun ("a tom fill", "with fills", "fill-in"), not the verb ("fill the dance floor").
_FILL = re.compile(
    r"\b(?:a|an|with|and|tom|snare|drum|big|short|little|lil|small|quick|final|the|one|"
    + "|".join(sorted(_ONE_WORD_VOICES, key=len, reverse=True))
    + r")\s+fills?\b(?!\s+(?:the|a|up|my|our|your)\b)"  # "a little clap fill"
    r"|\bfills\b|\bfill[\s-]in\b(?!\s+(?:the|a|some|those|these|it|them)\b)"  # not "fill in the gaps"
    r"|\bending (?:with|on)\b|\bturnaround\b|\bbreak at the end\b"
    r"|\bfills?\s+(?:on|with|using|around)\s+(?:the\s+)?(?:toms?|snare|kit|drums)\b"  # "fill on the toms"
    r"|\b(?:run|runs|running|roll|rolls|rolling|go|going|come|coming)\s+(?:thing\s+|bit\s+)?(?:down|around|round|across)\s+(?:the\s+)?"
    r"(?:toms?|kit|drums)\b"  # "run down the toms at the end"
    r"|\btom\s+(?:run|roll|rundown|cascade)\b"
    r"|\btoms?\s+(?:go|goes|going|run|runs|running|roll|rolling)\s+(?:down|around|round)\b"  # "make the toms go down"
    # "a snare roll leads into the next section", "roll into the chorus"
    r"|\brolls?\s+(?:that\s+)?(?:(?:leads?|leading|goes|going|builds?|building)\s+)?(?:up\s+)?into\s+(?:the\s+)?"
    r"(?:next|chorus|verse|drop|bridge|section|hook|outro)\b"
    # "fill at the end", "fill in bar 8"; a clause that starts with "fill" (not "fill in the gaps")
    r"|\b(?:fills?|rolls?)\s+(?:at|in|on|into|before|going)\s+(?:the\s+)?(?:very\s+)?(?:end|last|bar|measure|next|chorus|turn)"
    r"|\bfills?\s+(?:up\s+)?the\s+(?:very\s+)?(?:end|last\s+(?:beat|bar|measure))\b"  # "toms fill the end of bar 2"
    r"|(?:^|[,;.:(]\s*)fills?\b(?![\s-]+(?:in\s+)?(?:the|a|up|my|our|your|it|them|some|those|these)\b)"
)
_NO_FILL = re.compile(r"\b(?:no|without(?: a| any)?)\s+fills?\b")
_TOMS = re.compile(r"\btoms?\b")

# A count with its part ("2&", "3e"; "1+3" is two counts), an ordinal ("3rd", "16ths"), a word
# ("bar's", "tom1"), or a joiner.
_TOKEN = re.compile(r"\d+(?:(?:st|nd|rd|th)s?)?(?:[&+](?!\d)|(?<=\d)[ea](?![a-z]))?|[a-z]+\d*(?:'[a-z]+)?|[&+,;.:/]")
# A grid typed as steps, "x-x-x-x-x-x-x-x-" or "x.x.xx.x.x.x": hits and rests, at least four.
_STEP_STRING = re.compile(r"(?<![a-z0-9&+-])((?=[.\-_|]*[xo])(?=[xo|]*[.\-_])[xo.\-_|]{4,})(?![a-z0-9])")
_MAX_VOICE_WORDS = 3
_FILLERS = frozenset({"the", "a", "an", "some", "any", "all", "of", "my", "your", "straight", "steady", "solid"})
_ON_WORDS = frozenset({"on", "at", "hitting", "hits", "playing", "plays", "landing", "lands", "in", ":", "onto"})
# Words between a voice and its places: "the kick should be on 1", "snare always on 2 and 4".
_LINKING = frozenset(
    {
        "only",
        "just",
        "always",
        "should",
        "be",
        "must",
        "exactly",
        "is",
        "are",
        "hits",
        "goes",
        "falls",
        "sits",
        "sit",
        "together",
        "land",
        "hit",
        "play",
        "go",
        "fall",
        "happen",
        "happens",
        "come",
        "comes",
        "need",
        "needs",
        "to",
        "stays",
        "stay",
        "stick",
        "sticks",
        "pattern",
        "part",
        "line",
        "doing",
        "does",
        "keeps",
        "keeping",
        "running",
        "straight",
        "swung",
        "pounding",
        "hammering",
        "banging",
        "thumping",
        "tapping",
        "chugging",
        "out",
        # a stroke named after its voice: "a snare flam on the a of 4", "crash accent on 1"
        "flam",
        "flams",
        "drag",
        "drags",
        "ruff",
        "accent",
        "accents",
        "stroke",
        "strokes",
        "shot",
        "shots",
        "once",  # "crash once at the start of the bar"
        "i",  # "clap sound i want only on beat 2 and beat 4"
        "want",
        "sound",  # "clap sound on 2 and 4"
        "sounds",
        "pickup",  # "a little snare pickup on the a of 4"
        "pickups",
    }
)
_FILL_VOICES = {"toms": ("ht", "mt", "lt"), "snare": ("sd",)}  # `Intent.fill`'s words; else a voice's code
# Words that put two voices on the same places: "claps doubling the snare on 2 and 4".
_DOUBLING = (
    ("doubling",), ("doubles",), ("doubled", "by"), ("doubled", "with"), ("layered", "with"), ("layered", "on"),
    ("stacked", "with"), ("stacked", "on"), ("together", "with"), ("along", "with"), ("alongside",),
    ("in", "unison", "with"),
)  # fmt: skip
# Verbs in -ing that do not lead a voice to its places ("kick missing on 1" is not a kick on 1).
_NOT_LINKING = frozenset(
    {"missing", "resting", "dropping", "skipping", "leaving", "avoiding", "stopping", "pausing", "ending"}
    | {"nothing", "something", "anything", "everything", "ghosting", "during", "following", "starting"}
)
# Verbs in -s that do not lead a voice to its places: "the hat opens on the and of 4" is the
# open hat's place, "the kick rests on 1" no kick there.
_TIME_KEEPERS = ("ch", "oh", "ph", "rc")  # who keeps "straight eighths" when no voice is named
# Before a voice named alone: words that want it ("i want a ride."), and verbs that may take it away.
_WANTING = frozenset({"i", "want", "need", "like", "give", "me", "a", "an", "the", "some", "please", "pls", "also"})
_TAKING_AWAY = frozenset({"lay", "hold", "ease", "back", "spare", "enough", "less", "tone", "mute", "stop", "forget"})
_BAR_NOUNS = frozenset({"bar", "bars", "measure", "measures"})
_BAR_ORDINALS = frozenset({"last", "first", "second", "third", "fourth", "final", "odd", "even", "2nd", "3rd", "4th"})
_MOVES = frozenset({"move", "moving", "moved", "shift", "shifting", "push", "pushing", "bring", "put"})
# "kick, snare and a bit of shaker": words before a voice in a list
_BEFORE_LISTED_VOICE = frozenset({"the", "a", "some", "little", "bit", "touch", "of"})
_KEPT_TO = (("keep", "it", "to"), ("keep", "it", "with"), ("stick", "to"), ("stick", "with"), ("limit", "it", "to"))
_SWAPS = frozenset({"swap", "swapping", "replace", "replacing", "switch", "trade", "sub", "substitute"})
_OPENS = frozenset({"opens", "open", "opening", "opened"})  # after "hat": the open hat's places
_NOT_LEADING = frozenset({"opens", "closes", "chokes", "rests", "stops", "misses", "skips", "avoids", "leaves"})
_FLOOR = (
    ("four", "on", "the", "floor"), ("4", "on", "the", "floor"), ("four", "to", "the", "floor"),
    ("4", "otf"), ("four", "otf"), ("otf",), ("4otf",),
)  # fmt: skip
_TAKES = frozenset(
    {"gets", "get", "takes", "take", "has", "have", "plays", "play", "fills", "fill", "covers", "owns", "own"}
)
_SOMEWHERE = (("somewhere",), ("anywhere",), ("occasionally",), ("here", "and", "there"), ("in", "there"))
_NOT_A_PLACE_AFTER = ("am", "pm", "step", "steps", "bar", "bars")  # "at 3 am", "a 16 step bar"
_BEFORE_COUNT = frozenset({"the", "beat", "beats", "count", "counts", "all", "big", "main", "strong", "number"})
# How a list of places may open: "on straight 8ths" (not within a list: "snare on 2 and 4,
# straight eighths" is the hats' feel, not more places for the snare)
_LIST_OPENERS = frozenset({"straight", "steady", "even"})
_CLAUSE_ENDS = frozenset({",", ";", "."})
# Words around a count that make it a place ("on 3", "1 e & a", "the and of 2"), not a number
_PLACE_NEIGHBOURS = frozenset({"on", "at", "of", "e", "&", "beat", "count"})  # not "+": "7/8 as 2+2+3"
_NAMED_ALONE = frozenset({"offbeats", "offbeat", "upbeats", "upbeat", "downbeats", "downbeat", "ands", "quarters"})
_AND = frozenset({"and", "n", "adn", "nad", "annd"})  # "2 n 4", and the typos of "and"
_LIST_END = frozenset({",", ";", ".", ":", "or", "nor", "/", "either", "at", "anywhere", "please", "pls"}) | _AND
_LIST_JOINERS = frozenset({",", "&", "+", "or", "plus", "then"}) | _AND  # "kick on 1 then the a of 2"
_VOICE_JOINERS = frozenset({"or", ",", "&", "+", "plus", "/"}) | _AND
_NEGATORS = frozenset(
    {
        "mute",
        "forget",
        "no",
        "without",
        "not",
        "minus",
        "skip",
        "drop",
        "lose",
        "zero",
        "never",
        "don't",
        "dont",
        "avoid",
        "ditch",
    }
    | {"remove", "omit", "exclude", "excluding", "nix", "sans", "cut", "kill"}
)
_KEEPING_OUT = frozenset({"keep", "leave", "take", "cut", "drop", "pull"})  # "keep the kick out of it"
_NOT_EVEN = frozenset({"even", "a", "any", "one", "single", "ghost", "ghosts", "hit", "hits", "note", "notes"})
_NEGATING_PHRASES = (
    ("nothing", "from"), ("lay", "off"), ("hold", "off", "on"), ("hold", "off"), ("ease", "off"),
    ("stay", "away", "from"), ("stay", "off"),
    ("leave", "out"), ("get", "rid", "of"), ("take", "out"), ("take", "away"), ("do", "not"),
    # what the answers keep doing wrong: "the bot keeps putting snare on 3"
    *((lead, verb) for lead in ("keeps", "stop", "quit") for verb in ("putting", "adding", "throwing", "sticking")),
)  # fmt: skip
# Verbs between a negation and its voices: "don't use the cross-stick", "no more crash", "leave out the ride".
_NEGATED_VERBS = frozenset({"use", "using", "want", "need", "play", "playing", "have", "include", "put", "more", "out"})
_NOTHING_VERBS = frozenset(
    {"hits", "plays", "sounds", "lands", "happens", "goes", "hit", "play", "sound", "should", "be"}
)
_NOTHING = frozenset(
    {"nothing", "nothin", "nuthin", "silence", "rest", "space", "gap", "hole", "holes", "pause", "dropout"}
)
# Words before a voice's name that make it no voice of the groove: "let it ride", "no more kick".
_NOT_BEFORE_ALONE = _NEGATORS | _NOTHING | frozenset({"it", "more", "less", "fewer", "than", "or", "nor"})
# Words that make a place an addition to what a voice already plays: "the snare on the a of 4 too".
_ADDING_AFTER = frozenset({"too", "also", "as", "besides", "extra", "additionally"})
_ADDING_BEFORE = frozenset({"also", "add", "adding", "plus", "extra", "additional", "another", "accent", "accents"})
_SMALL_WORDS = frozenset({"a", "an", "the", "little", "small", "quick", "tiny", "short", "soft", "light"})
# Words after a voice list that leave every other voice out: "kick and clap, nothing else".
_NOTHING_ELSE = (("nothing", "else"), ("and", "nothing", "else"), ("that's", "it"), ("and", "that's", "it"))
_WHOLE_GROOVE = tuple(("that's", "the", "whole", w) for w in ("groove", "beat", "pattern", "thing", "kit"))
_ONLY_BEFORE = frozenset({"only", "just", "purely", "simply", "solo"})
_ONLY_AFTER = frozenset({"only", "alone", "solo"})
_BAR_WORDS = frozenset({"every", "each", "per", "bar", "bars", "bar's", "measure", "of", "the", "in", "all"})
_RATE_WORDS = {
    "quarter": "quarters",
    "quarters": "quarters",
    "crotchets": "quarters",
    "crotchet": "quarters",
    "eighth": "eighths",
    "eighths": "eighths",
    "8th": "eighths",
    "8ths": "eighths",
    "quaver": "eighths",
    "triplet": "triplets",
    "triplets": "triplets",
    "quavers": "eighths",
    "sixteenth": "sixteenths",
    "sixteenths": "sixteenths",
    "16th": "sixteenths",
    "16ths": "sixteenths",
    "semiquaver": "sixteenths",
    "semiquavers": "sixteenths",
    "qtr": "quarters",  # typed on a phone: "ride qtrs"
    "qtrs": "quarters",
    "qrtrs": "quarters",
}
_NAMED_PLACES: tuple[tuple[tuple[str, ...], str], ...] = (
    *(  # "every other beat starting from 2": the backbeat; "... from 1" (or said alone): 1 and 3
        (("every", "other", "beat", start, on, n), place)
        for start in ("starting", "beginning")
        for on in ("from", "on", "at", "with")
        for n, place in (("2", "backbeat"), ("two", "backbeat"), ("1", "alternate"), ("one", "alternate"))
    ),
    (("every", "other", "beat"), "alternate"),
    (("dotted", "quarters"), "beats"),  # 6/8, 12/8: the felt beats
    (("dotted", "quarter", "notes"), "beats"),
    (("dotted", "quarter"), "beats"),
    (("the", "numbers"), "counts"),  # "the closed hat is on the numbers": every numbered count
    (("numbers",), "counts"),
    (("every", "number"), "counts"),
    (("each", "number"), "counts"),
    (("every", "odd", "step"), "eighths"),  # a piano roll's 1, 3, 5, ...
    (("every", "step"), "sixteenths"),
    (("each", "step"), "sixteenths"),
    (("all", "16", "steps"), "sixteenths"),
    (("all", "sixteen", "steps"), "sixteenths"),
    (("all", "steps"), "sixteenths"),
    (("odd", "steps"), "eighths"),
    (("every", "second", "beat"), "alternate"),
    (("every", "beat"), "beats"),
    (("each", "beat"), "beats"),
    (("all", "four", "beats"), "beats"),
    (("all", "four", "quarter", "notes"), "beats"),
    (("all", "four", "quarters"), "beats"),
    (("all", "4", "quarter", "notes"), "beats"),
    (("all", "four"), "beats"),  # "kick on all four"
    (("all", "4"), "beats"),
    (("all", "three"), "beats"),
    (("all", "3"), "beats"),
    (("all", "the", "beats"), "beats"),
    (("all", "beats"), "beats"),
    (("every", "downbeat"), "beats"),
    (("the", "start", "of", "every", "group"), "beats"),  # odd meters: a group is a felt beat
    (("the", "start", "of", "each", "group"), "beats"),
    (("every", "group"), "beats"),
    (("each", "group"), "beats"),
    *(
        (("the", first, *note, "of", each, "group"), "beats")  # "the first note of each group"
        for first in ("first", "start", "beginning", "one", "downbeat")
        for note in ((), ("note",), ("eighth",), ("beat",))
        for each in ("each", "every")
    ),
    *((("first", *note, "of", each, "group"), "beats") for note in ((), ("note",)) for each in ("each", "every")),
    (("downbeats",), "beats"),
    *(  # "a crash at the start of each bar", "the top of the bar": its one
        (("the", where, "of", *bar), "1")
        for where in ("start", "beginning", "top", "head")
        for bar in (
            ("the", "bar"),
            ("each", "bar"),
            ("every", "bar"),
            ("the", "measure"),
            ("each", "measure"),
            ("every", "measure"),
            ("a", "bar"),
            ("bar",),
        )
    ),
    (("the", "downbeat"), "1"),  # a bar's downbeat is its one ("the downbeat of every bar")
    (("downbeat",), "1"),
    (("the", "beat"), "beats"),
    *(  # "every offbeat 8th", "the upbeat eighths": the offbeats, said with their note value
        ((*each, beat, note), "offbeats")
        for each in (("every",), ("each",), ())
        for beat in ("offbeat", "offbeats", "upbeat", "upbeats")
        for note in ("8th", "8ths", "eighth", "eighths")
    ),
    (("offbeats",), "offbeats"),
    (("off", "beats"), "offbeats"),
    (("offbeat",), "offbeats"),
    (("off", "beat"), "offbeats"),
    (("upbeats",), "offbeats"),
    (("up", "beats"), "offbeats"),
    (("upbeat",), "offbeats"),
    (("between",), "offbeats"),  # "hi-hat in between" (the kicks on the beat)
    (("ands",), "offbeats"),
    (("an", "&"), "offbeats"),  # "kick never lands on an &": on any of them
    (("any", "&"), "offbeats"),
    (("any", "ands"), "offbeats"),
    (("e's",), "es"),  # "the e's": the second sixteenth of every count
    (("es",), "es"),
    (("a's",), "as"),  # "the a's": the last sixteenth of every count
    (("ah's",), "as"),
    (("every", "and"), "offbeats"),
    (("every", "&"), "offbeats"),
    (("every", "+"), "offbeats"),
    (("each", "+"), "offbeats"),
    (("&", "s"), "offbeats"),
    (("backbeat",), "backbeat"),
    (("backbeats",), "backbeat"),
    (("back", "beat"), "backbeat"),
    (("and", "of", "every", "beat"), "offbeats"),
    (("and", "of", "each", "beat"), "offbeats"),
    *(
        ((each, *words), place)  # "the open hat on each upbeat"
        for each in ("every", "each")
        for words, place in ((("upbeat",), "offbeats"), (("offbeat",), "offbeats"), (("off", "beat"), "offbeats"))
    ),
)
_EMPTY = frozenset({"empty", "open", "silent", "blank", "clear", "free", "bare"})
_NOT_AFTER_VOICE = frozenset(
    {"never", "not", "off", "mustn't", "shouldn't", "doesn't", "don't", "isn't", "can't", "won't", "nowhere", "away"}
)
_ONE_BEFORE = frozenset({"extra", "more", "hit", "additional", "last", "little", "quick", "ghost", "accent", "single"})
_TRIPLET_ORDINALS = {"first": "", "second": "&", "middle": "&", "third": "a", "last": "a", "final": "a"}
_TRIPLET_NOUNS = frozenset({"triplet", "note", "eighth", "8th", "partial", "subdivision"})
# "the last 16th of beat 2", "the second eighth of 3": a part of a quarter beat, by its place in it.
_PART_OF_BEAT = {
    **{(n, w): p for n, p in (("first", ""), ("second", "e"), ("third", "&"), ("fourth", "a"), ("last", "a"))
       for w in ("16th", "sixteenth")},
    **{(n, w): p for n, p in (("first", ""), ("second", "&"), ("last", "&")) for w in ("8th", "eighth")},
}  # fmt: skip
# "the (very) last 16th of the bar": the last count's part (a bar, not "of beat 2": `_PART_OF_BEAT`)
_LAST_OF_BAR = {
    (last, w): part
    for last in ("last", "final")
    for words, part in ((("16th", "sixteenth", "step"), "a"), (("8th", "eighth"), "&"), (("beat", "count"), ""))
    for w in words
}
_NOTE_VALUES = {"4": "quarters", "8": "eighths", "16": "sixteenths"}  # "every 8 note"
_ASIDE = re.compile(r"\(([^()]*)\)")
_KEEPS_TIME = tuple(
    (verb, *the, noun)
    for verb in ("keep", "keeps", "keeping", "carry", "carries", "carrying", "hold", "holds", "holding")
    for the in ((), ("the",))
    for noun in ("time", "groove", "pulse")
)
_EXCEPT = (("except",), ("excluding",), ("apart", "from"), ("other", "than"), ("except", "for"), ("but", "not"))
_NAMED_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # the same, by first word (in order)
for _words, _place_key in _NAMED_PLACES:
    _NAMED_BY_FIRST.setdefault(_words[0], []).append((_words, _place_key))
# every word of a named place but the small ones: an aside with one of them may say a place
_PLACE_WORDS_ANY = {w for words, _ in _NAMED_PLACES for w in words} - {
    "the",
    "of",
    "a",
    "an",
    "on",
    "every",
    "each",
    "all",
}
_BAR_PREFIXES = frozenset({("every", "bar's"), ("each", "bar's"), ("every", "measure's"), ("each", "measure's")})
_SUFFIX = {"&": "&", "+": "&", "e": "e", "a": "a"}
_BARE_COUNT = re.compile(r"\d[&+ea]?")
_BARE_STEP = re.compile(r"\d{1,2}")  # "kick on steps 1 5 9 13"
_PART_TOKENS = {"and": "&", "&": "&", "+": "&", "e": "e", "a": "a", "ah": "a", "uh": "a", "n": "&"}
_RUN_ORDER = {"e": 1, "&": 2, "+": 2, "and": 2, "n": 2, "a": 3, "ah": 3}  # "1 e & a": the parts in order
_COUNTING_WORDS = frozenset(_RUN_ORDER) | frozenset(_NUMBER_WORDS)  # after an "a" that is the count's, not an article


def parse_intent(text: str, styles: StyleFinder | None = None) -> Intent:
    """Read a request once into an `Intent` (see the module docstring for the rules)."""
    low = " ".join(text.lower().replace("’", "'").replace("`", "'").split())
    low = _SHORTHAND.sub(lambda m: _SHORTHANDS[m[1]], low)
    low = _AN_BETWEEN_COUNTS.sub(" and ", low)
    low = _HYPHEN_AND.sub(r"\1&", low)
    low = _EVERY_SINGLE.sub("every", _COUNT_CHANT.sub(" ", _ONE_TIME.sub("once", low)))
    low = _named_by_request(_SOUNDS_LIKE.sub(lambda m: _SOUND_VOICES[m[1]], _DASHED.sub(", ", low)))
    unplaced: list[str] = []
    rest = low
    meter, rest = _take_meter(rest)
    groups, rest = _take_grouping(rest, meter)
    bpm, rest = _take_bpm(rest, unplaced)
    bar_refs = [m[0].strip() for m in _BAR_REFERENCE.finditer(_BARS.sub(" ", rest))]
    bars, rest = _take_bars(rest, unplaced)
    speed = "half-time" if _HALF.search(low) else "double-time" if _DOUBLE.search(low) else ""
    fill = _fill_voice(low) if _FILL.search(low) and not _NO_FILL.search(low) else None
    fill_bar = _FILL_BAR.search(low) if fill and bars is None else None
    if fill_bar and BARS_MIN <= int(fill_bar[1] or fill_bar[2]) <= BARS_MAX:
        bars = int(fill_bar[1] or fill_bar[2])  # "a tom fill at the end of bar 4": four bars, the fill last
    swing = False if _STRAIGHT.search(low) else True if _SWUNG.search(low) else None
    tempo = "slow" if _SLOW.search(low) else "fast" if _FAST.search(low) else ""
    density = "busy" if _BUSY.search(low) else "sparse" if _SPARSE.search(low) else ""
    said = _GRID_SAID.sub(" ", _TECHNIQUE.sub(" ", _EXCLAIMED.sub(" . ", _ASIDE.sub(_aside, rest))))
    tokens = _tokens(_FILL.sub(" ", _NO_FILL.sub(" ", said)))
    steps = "grid" if _STEP_GRID.search(low) else "named" if _STEP_NUMBERS.search(low) else ""
    constraints = _Reader(tokens, unplaced, meter, fill, steps, bar_refs).read()
    single = _single_instrument(tokens)
    if single is not None and not any(c.rule == "absent" and c.text.startswith("only") for c in constraints):
        others = tuple(c for c in ALL_VOICES if c != single)
        constraints.append(Constraint(others, ("all",), "absent", f"only {BY_CODE[single].short}"))
        if not any(single in c.voices and c.rule in ("on", "only", "present") for c in constraints):
            label = f"with {BY_CODE[single].short}"  # and it plays: a groove without it gets its part
            constraints.append(Constraint((single,), ("all",), "present", label))
    if meter is not None and groups is not None:
        constraints = _regrouped(constraints, meter, groups)
    constraints = _later_places_win(_placed_not_absent(constraints), meter or "4/4")
    return Intent(
        text=" ".join(text.split()),
        styles=tuple(styles.find(text)) if styles is not None else (),
        tempo=tempo,
        bpm=bpm,
        meter=meter,
        bars=bars,
        speed=speed,
        swing=swing,
        fill=fill,
        single_instrument=single,
        density=density,
        constraints=tuple(_unique(constraints)),
        unplaced=tuple(unplaced),
    )


_FILL_BEFORE = re.compile(r"((?:[a-z][a-z-]*\s+){1,3})fills?\b")  # "a little clap fill"
_FILL_INTO = re.compile(
    r"\b((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)\s+(?:rolls?|rolling|runs?|running|builds?|building|leads?|leading)\s+"
    r"(?:up\s+)?into\s+(?:a\s+|the\s+)?(?:[a-z]+\s+)?fills?\b"
)  # "hh rolls into a fill at the end"
_FILL_AFTER = re.compile(
    r"\bfills?\s+(?:on|with|using|around)\s+(?:the\s+)?([a-z]+(?:\s(?!and\b)[a-z]+)?)((?:\s*(?:,|and|&|\+)\s*(?:the\s+)?[a-z]+)*)"
)  # "fill on the cowbell", "fill with snare and toms"


def _fill_voice(low: str) -> str:
    """What the fill is played on: "toms", "snare", or the code of the voice named with it
    ("a little clap fill", "fill on the cowbell"); a tom fill when toms are named anywhere."""
    named = [(m[1].split(), True) for m in (*_FILL_INTO.finditer(low), *_FILL_BEFORE.finditer(low))]
    for m in _FILL_AFTER.finditer(low):
        if _TOMS.search(m[2]):
            return "toms"  # "a fill with snare and toms": down the toms, from the snare
        named.append((m[1].split(), False))
    for words, before in named:
        for size in range(min(3, len(words)), 0, -1):
            said = " ".join(words[-size:] if before else words[:size])
            if _TOMS.fullmatch(said):
                return "toms"  # "a tom fill": down the toms
            voices = resolve_voices(said)
            if voices is None:
                continue
            if len(voices) > 1 and set(voices) <= {"ht", "mt", "lt"}:
                return "toms"  # "a tom fill" runs down them all; "a fill on the floor tom" stays there
            return "snare" if voices[0] == "sd" else voices[0]
    return "toms" if _TOMS.search(low) else "snare"


def _take_grouping(text: str, meter_name: str | None) -> tuple[tuple[int, ...] | None, str]:
    """The eighth-note groups an x/8 meter is counted in ("7/8 as 3+2+2", "counted 1-2 1-2
    1-2-3"), when the words give groups that fill the bar, and the text without them (they are
    not counts); None when they do not say."""
    if meter_name is None:
        return None, text
    top, bottom = (int(n) for n in meter_name.split("/"))
    if bottom != 8 or _counting(METERS[meter_name])[0] != top:  # 12/8 counts its four beats, not its eighths
        return None, text
    found = [(tuple(int(n) for n in re.findall(r"\d", m[0])), m) for m in _GROUPING.finditer(text)]
    for m in _COUNTED_GROUPING.finditer(text):  # "1-2 1-2 1-2-3": each run's last number is its size
        found.append((tuple(int(run[-1]) for run in m[0].replace(",", " ").split()), m))
    for groups, match in found:
        if sum(groups) == top and len(groups) > 1 and min(groups) >= 2:
            return groups, text[: match.start()] + " " + text[match.end() :]
    return None, text


def _regrouped(constraints: list[Constraint], meter_name: str, groups: tuple[int, ...]) -> list[Constraint]:
    """With groups other than the meter's own (7/8 counted 3+2+2 where the table says 2+2+3),
    "every group" / "the felt beats" are the counts where these groups start."""
    meter = METERS[meter_name]
    eighth = meter.steps_per_bar // int(meter_name.split("/")[0])
    if tuple(eighth * g for g in groups) == tuple(meter.groups):
        return constraints
    starts = tuple(str(1 + sum(groups[:k])) for k in range(len(groups)))
    out = []
    for c in constraints:
        if "beats" in c.places:
            places = tuple(dict.fromkeys(p for place in c.places for p in (starts if place == "beats" else (place,))))
            c = replace(c, places=places, text=f"{voices_label(c.voices)} on {places_label(places)}")
        out.append(c)
    return out


def _with_bell(voices: tuple[str, ...]) -> tuple[str, ...]:
    """The voices with the ride's bell where the ride is named: "no ride", "no cymbals except
    the ride" mean the whole cymbal, bell and all."""
    return (*voices, "rb") if "rc" in voices and "rb" not in voices else voices


def _placed_not_absent(constraints: list[Constraint]) -> list[Constraint]:
    """A voice the words place is not also ruled out: in "nothing on beat 1 - no kick no hat
    no nothing. kick on 3" the "no kick" is about beat 1, and the kick on 3 is asked for."""
    placed = {
        c.voices[0] for c in constraints if c.rule in ("on", "only") and len(c.voices) == 1 and c.places != ("all",)
    }
    out = []
    for c in constraints:
        if c.rule == "absent" and placed & set(c.voices):
            rest = tuple(v for v in c.voices if v not in placed)
            if not rest:
                continue
            text = c.text if c.text.startswith("only ") else f"no {voices_label(rest)}"  # "only ..." names what stays
            c = replace(c, voices=rest, text=text)
        out.append(c)
    return out


def _later_places_win(constraints: list[Constraint], meter_name: str) -> list[Constraint]:
    """A place ruled out and then asked for goes to the later words: "take a one drop and make
    it steppers: kick on every beat" keeps the kick on 1 that the one drop leaves out."""
    spb = METERS[meter_name].steps_per_bar
    out = []
    for n, c in enumerate(constraints):
        if c.rule == "off":
            later = [d for d in constraints[n + 1 :] if d.rule in ("on", "only") and set(c.voices) <= set(d.voices)]
            asked = set().union(*(d.steps(meter_name, spb) or () for d in later))
            kept = tuple(p for p in c.places if not (place_steps(p, meter_name, spb) or frozenset()) & asked)
            if not kept:
                continue
            if kept != c.places:
                c = replace(c, places=kept, text=f"no {voices_label(c.voices)} on {places_label(kept)}")
        out.append(c)
    return out


def _unique(constraints: list[Constraint]) -> list[Constraint]:
    """Each constraint once; counts added to a voice placed exactly ("kick on the a of 4 ...,
    plus kick on 1") join its places, so the two never contradict each other."""
    seen: set[tuple] = set()
    out: list[Constraint] = []
    for c in constraints:
        key = (c.voices, c.places, c.rule)
        if key in seen:
            continue
        seen.add(key)
        exact = next((i for i, o in enumerate(out) if o.rule == "only" and o.voices == c.voices), None)
        counted = all(_BARE_COUNT.fullmatch(p) for p in c.places)
        if (
            c.rule == "on"
            and exact is not None
            and counted
            and all(_BARE_COUNT.fullmatch(p) for p in out[exact].places)
        ):
            merged = tuple(dict.fromkeys(out[exact].places + c.places))
            out[exact] = replace(out[exact], places=merged, text=f"{voices_label(c.voices)} on {places_label(merged)}")
            continue
        out.append(c)
    return out


def _take_meter(text: str) -> tuple[str | None, str]:
    text = _SLASH_LIST.sub(_slashed_counts, text)
    found = None
    for match in _METER.finditer(text):
        name = f"{int(match[1])}/{int(match[2])}"
        if name in METERS and found is None:
            found = name
    if found is None:
        words = _METER_IN_WORDS.search(text)
        if words:
            found = _METER_WORDS[words[1].replace("-", " ")]  # "twelve-eight"
    if found is None:
        found, text = _counted_in(text)
    if found is None:
        beats = _BEATS_A_BAR.search(text)
        name = f"{_number(beats[1])}/4" if beats else None
        found = name if name in METERS else None
    text = _METER.sub(" ", text)
    return found, _METER_IN_WORDS.sub(" ", text)


def _counted_in(text: str) -> tuple[str | None, str]:
    """ "a beat in 5 like take five", "something in seven": the meter a count names; not
    "kick in 3" (a voice's place) nor "in 3 bars"."""
    for match in _IN_A_COUNT.finditer(text):
        before = text[: match.start()].split()
        if before and (resolve_voices(before[-1]) or before[-1] in ("on", "at", "comes", "come", "lands")):
            continue
        return _COUNTED_METERS[_number(match[1])], text[: match.start()] + " " + text[match.end() :]
    return None, text


def _aside(match: re.Match[str]) -> str:
    """ "(stick on side of the drum)": an aside that names no voice, count or place is left out,
    so it does not stand between a voice and its places; "(so the a of 3)" stays."""
    words = _tokens(match[1])
    wanted = _PLACE_WORDS_ANY | set(_NUMBER_WORDS) | set(_ORDINALS) | set(_RATE_WORDS) | {"&", "+"}
    voiced = any(resolve_voices(" ".join(words[k : k + n])) for k in range(len(words)) for n in (1, 2))
    return match[0] if voiced or any(w[0].isdigit() or w in wanted for w in words) else " "


def _named_by_request(low: str) -> str:
    """ "DUM = kick, TEK = snare. dum on 1 ...": a word the request defines as a voice is that
    voice wherever it stands; the definitions themselves say nothing of places."""
    for match in list(_DEFINED.finditer(low)):
        if resolve_voices(match[2]) is not None and resolve_voices(match[1]) is None:
            low = low.replace(match[0], " ")
            low = re.sub(rf"\b{re.escape(match[1])}\b", match[2], low)
    return low


def _string_places(steps: str, meter_name: str) -> tuple[str, ...] | None:
    """The counts a step string's hits fall on, read as one bar of the meter ("x---x---" is
    4/4 in eighths: 1 and 3); None when it is no whole bar or a hit falls between counts."""
    bars = set(steps.strip("|").split("|"))
    if len(bars) != 1:
        return None  # bars that differ: no one bar to repeat
    bar = bars.pop()
    counts, parts = _counting(get_meter(meter_name))
    if not bar or len(bar) % counts:
        return None
    by_offset = {offset: part for part, offset in parts.items()}
    places = []
    for k, char in enumerate(bar):
        if char not in "xo":
            continue
        beat, within = divmod(Fraction(k * counts, len(bar)), 1)
        if within not in by_offset:
            return None
        places.append(f"{int(beat) + 1}{by_offset[within]}")
    return tuple(places) or None


def _slashed_counts(match: re.Match[str]) -> str:
    """ "snare on 2/4", "kick on 1/3" are counts, not meters: rising numbers under 8 after "on"."""
    numbers = [int(n) for n in re.split(r"\s*/\s*", match[2])]
    if numbers != sorted(set(numbers)) or numbers[-1] > 7:
        return match[0]
    return match[1] + " and ".join(map(str, numbers))


def _take_bpm(text: str, unplaced: list[str]) -> tuple[int | None, str]:
    bpm = None
    for match in _BPM.finditer(text):
        value = int(match[1] or match[2])
        if BPM_MIN <= value <= BPM_MAX:
            bpm = bpm or value
        elif match[1]:
            unplaced.append(f"{value} bpm (tempo is {BPM_MIN} to {BPM_MAX} bpm)")
    return bpm, _BPM.sub(" ", text)


def _take_bars(text: str, unplaced: list[str]) -> tuple[int | None, str]:
    bars, last = None, 0
    for match in _BARS.finditer(text):
        last = match.end()
        value = _number(match[1] or match[2])
        before = text[: match.start()].split()[-2:] or [""]
        if before[-1] == "of" and before[0] in ("long", "length", "loop", "total"):
            before = [""]  # "i want it long of three bar": how long
        if before[-1] in ("every", "each", "per", "of", "last", "first", "times", "once", "twice"):
            continue  # "every 4 bars", "the last bar", "3 times a bar": where, not how long
        if BARS_MIN <= value <= BARS_MAX:
            bars = bars or value
        else:
            unplaced.append(f"{value} bars (a pattern is {BARS_MIN} to {BARS_MAX} bars)")
    if bars is not None:  # "2 bars ... actually no, make that 4"
        for match in _BARS_AGAIN.finditer(text, last):
            if BARS_MIN <= (value := _number(match[1])) <= BARS_MAX:
                bars = value
        text = _BARS_AGAIN.sub(" ", text)
    return bars, _BAR_REFERENCE.sub(lambda m: f" {BAR_MARK} ", _BARS.sub(" ", text))


def _number(word: str) -> int:
    """A count in digits or in words ("4", "four", "a")."""
    return int(word) if word.isdigit() else _BAR_NUMBERS[word]


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    for k, piece in enumerate(_STEP_STRING.split(text)):
        if k % 2:  # a step string, kept whole: "x.x.xx.x.x.x"
            out.append(piece)
            continue
        piece = re.sub(r"(?<=[a-z])-(?=[a-z0-9])|(?<=\d)-(?=[a-z])", " ", piece)  # "eighth-note", "four-on-the-floor"
        out += _TOKEN.findall(piece)
    return out


@dataclass
class _Reader:
    """A left-to-right reader over the request's tokens that collects constraints."""

    tokens: list[str]
    unplaced: list[str]
    meter: str | None = None  # the meter the words name, when they name one
    fill: str | None = None  # the fill's voice, when a fill is asked for ("on the toms" is the fill's)
    # "grid": every number is a sixteenth grid's step ("16 step grid: kick on 1 5 9 13");
    # "named": a list is steps where it says "step(s)" or a number is past the bar's count
    # ("kick on 1, 2+ and 16th step 12": the 1 and 2+ are counts, the 12 a step)
    steps: str = ""
    bar_refs: list[str] = field(default_factory=list)  # the words behind each BAR_MARK, in order
    _in_steps: bool = False  # the list being read is steps
    out: list[Constraint] = field(default_factory=list)
    _last_end: int | None = None  # where the last voice's explicit places ended
    _voices_at: dict[int, tuple[tuple[str, ...], int]] = field(default_factory=dict)

    def read(self) -> list[Constraint]:
        i, used = 0, set()
        while i < len(self.tokens):
            end = self._step(i)
            if end is not None:
                used.update(range(i, end))
            i = end if end is not None else i + 1
        self._report_unread(used)
        return self.out

    def _report_unread(self, used: set[int]) -> None:
        """Words that name a place in the bar but that no form read ("the open hat barking on
        each upbeat" before that form existed) go to ``unplaced``, so the reply says what it
        did not understand instead of answering as if the words were not there."""
        t, start = self.tokens, 0
        for k in range(len(t) + 1):
            if k < len(t) and k not in used and t[k] not in _CLAUSE_ENDS:
                continue
            if any(self._names_a_place(j) for j in range(start, k)):
                said = " ".join(t[start:k])
                if not any(said in u or u in said for u in self.unplaced):  # said once, by its form or here
                    self.unplaced.append(said)
            start = k + 1

    def _names_a_place(self, i: int) -> bool:
        """A count tied to a place word ("1 e & a", "the a of four", "on 3"), or a named place
        after "on", "each" or "every" ("on each upbeat")."""
        t = self.tokens
        near = {t[k] for k in (i - 2, i - 1, i + 1) if 0 <= k < len(t)}
        if self._count(i)[0] is not None and t[i] not in ("one", "a", "an"):
            return bool(near & _PLACE_NEIGHBOURS) and not any(self._at(i + 1, w) for w in _NOT_A_PLACE_AFTER)
        if t[i] in _NAMED_ALONE:
            return bool(near & {"on", "each", "every", "at"})
        return t[i] in _PART_TOKENS and t[i] not in _AND and self._at(i + 1, "of")

    # -- one step: try each form at i, in order; return where to go on -------------

    def _step(self, i: int) -> int | None:
        forms = (
            self._idiom,
            self._follow_up,
            self._nothing_else,
            self._nothing_on,
            self._negated,
            self._kept_out,
            self._kept_to,
            self._only_voices,
            self._rate_first,
            self._instead,
            self._swap,
            self._move,
            self._with,
            self._voices,
            self._pronoun,
            self._places_first,
            self._more_places,
            self._step_string,
        )
        for form in forms:
            end = form(i)
            if end is not None:
                return end
        return None

    def _floor_at(self, i: int) -> int:
        """How many tokens at i say "four on the floor" (0 if none; "4 on the floor tom" is a tom)."""
        words = next((w for w in _FLOOR if self._at(i, *w)), ())
        return 0 if not words or self._at(i + len(words), "tom") or self._at(i + len(words), "toms") else len(words)

    def _at(self, i: int, *words: str) -> bool:
        return tuple(self.tokens[i : i + len(words)]) == words

    def _idiom(self, i: int) -> int | None:
        t = self.tokens
        floor = self._floor_at(i)
        if floor:
            self.out.append(Constraint(("bd",), ("beats",), "on", "four on the floor (kick on every beat)"))
            return i + floor
        if self._at(i, "ride", "pattern") and not self._places_follow(i + 2):  # the time on the ride: every beat
            self.out.append(Constraint(("rc", "rb"), ("beats",), "on", "ride pattern: the ride on every beat"))
            return i + 2
        if self._at(i, "one", "drop") or self._at(i, "onedrop"):
            self.out += [
                Constraint(("bd",), ("three",), "on", "one drop: kick on 3"),
                Constraint(("sd", "rs"), ("three",), "on", "one drop: snare or cross-stick on 3"),
                Constraint(("bd",), ("1",), "off", "one drop: no kick on 1"),
            ]
            return i + (2 if t[i] == "one" else 1)
        if self._at(i, "half", "time") or self._at(i, "halftime"):
            if not (i > 0 and t[i - 1] in ("no", "not")):
                self.out.append(Constraint(("sd", "cp"), ("three",), "on", "half-time: snare or clap on 3"))
                self.out.append(Constraint(("sd", "cp"), ("backbeat",), "off", "half-time: nothing on 2 and 4"))
            return i + (2 if t[i] == "half" else 1)
        if (t[i] in ("backbeat", "backbeats") or self._at(i, "back", "beat")) and not self._one_voice(i)[0]:
            end = i + (2 if t[i] == "back" else 1)
            prev = t[i - 1] if i else ""
            placed_by = prev in ("on",) or (i > 1 and t[i - 2] in _ON_WORDS)  # "snare on the backbeat"
            if self._places_follow(end):  # "the backbeat on 2 and 4": the backbeat is the voice
                places, after = self._places(self._skip(end + 1, frozenset({"on", "at"})))
                label = f"backbeat: snare or clap on {places_label(places)}"
                self.out.append(Constraint(("sd", "cp"), places, "on", label))
                return after
            negated = prev in _NEGATORS or (i > 1 and t[i - 2] in _NEGATORS)  # "no backbeat", "without a backbeat"
            if not placed_by and not negated:
                self.out.append(Constraint(("sd", "cp"), ("backbeat",), "on", "backbeat: snare or clap on 2 and 4"))
            return end
        return None

    def _follow_up(self, i: int) -> int | None:
        """What a clause adds to the one before: "hats on the offbeats but not on the downbeats"
        (those voices stay off there), "rim on 2 and 4 instead of the snare" (the snare leaves
        those places to it)."""
        t = self.tokens
        said = next((c for c in reversed(self.out) if c.places != ("all",) and len(c.voices) < 4), None)
        if said is not None and i and t[i - 1] == "," and t[i] in ("only", "just") and self._at(i + 1, "on"):
            places, end = self._places(i + 2)  # "no snare on 2, only on 4"
            if places and self._one_bar(end):
                self.unplaced.append(self._said(i, self._one_bar(end)))
                return self._one_bar(end)
            if places:
                self.out.append(
                    Constraint(said.voices, places, "only", f"{voices_label(said.voices)} on {places_label(places)}")
                )
                return end
        last = next((c for c in reversed(self.out) if c.rule in ("on", "only") and c.places != ("all",)), None)
        if last is None:
            return None
        j = self._skip(i, frozenset({"but", "and", "though", "so"}))
        after_break = i > 0 and self.tokens[i - 1] in _CLAUSE_ENDS  # "snare on 2 and 4 only, never on 3"
        k = self._skip(j + 1, _NOT_EVEN)  # "not even a ghost on 3"
        said_not = j < len(self.tokens) and self.tokens[j] in ("not", "never") and (j > i or after_break)
        if said_not and k < len(self.tokens) and self.tokens[k] in ("on", "at"):
            places, end = self._places(k + 1)
            if places:
                label = f"no {voices_label(last.voices)} on {places_label(places)}"
                self.out.append(Constraint(last.voices, places, "off", label))
                return end
        k = self._skip(j, _FILLERS)
        if set(last.voices) >= {"ch", "oh"} and k < len(self.tokens) and self.tokens[k] in _OPENS:
            places, end = self._places(self._skip(k + 1, frozenset({"up", "on", "at"})))
            if places and self.tokens[k + 1] in ("on", "at", "up"):  # "hats on 8ths, open on the & of 4"
                self.out.append(Constraint(("oh",), places, "on", f"open hi-hat on {places_label(places)}"))
                return end
        if self._at(i, "instead", "of"):
            voices, end = self._one_voice(self._skip(i + 2, _FILLERS))
            others = tuple(v for v in voices if v not in last.voices)
            if others:
                label = f"no {voices_label(others)} on {places_label(last.places)}"
                self.out.append(Constraint(others, last.places, "off", label))
                return end
        return None

    def _nothing_else(self, i: int) -> int | None:
        """ "kick on every beat, rim on 4, 7, 12 and 15. nothing else in the kit": a clause of its
        own that keeps the groove to the voices named before it."""
        words = next((w for w in (*_NOTHING_ELSE, *_WHOLE_GROOVE) if self._at(i, *w)), None)
        if words is None or (i and self.tokens[i - 1] not in _CLAUSE_ENDS | {"and"}):
            return None
        if any(self._at(i + len(words), w) for w in ("on", "at", "for", "from")):
            return None  # "nothing else on the kick": that voice's places
        named = tuple(
            dict.fromkeys(
                v for c in self.out if c.rule in ("on", "only", "present") and len(c.voices) < 4 for v in c.voices
            )
        )
        if not named or self._one_voice(self._skip(i + len(words), _FILLERS | {"but", "than", "except"}))[0]:
            return None  # nothing named yet, or "nothing else but the ride": that list's (`_negated`)
        others = tuple(v for v in ALL_VOICES if v not in named)
        self.out.append(Constraint(others, ("all",), "absent", "only " + list_label(named)))
        return i + len(words)

    def _nothing_on(self, i: int) -> int | None:
        if self.tokens[i] in ("leave", "keep"):  # "leave beat 3 empty", "keep the and of 2 open"
            places, end = self._places(i + 1)
            if places and end < len(self.tokens) and self.tokens[end] in _EMPTY:
                self.out.append(Constraint(ALL_VOICES, places, "off", f"nothing on {places_label(places)}"))
                return end + 1
            return None
        if self.tokens[i] not in _NOTHING:
            return None
        j = i + 3 if self._at(i + 1, "at", "all") else i + 1  # "nothing at all on beat 3"
        j = self._skip(j, _NOTHING_VERBS)  # "nothing hits on the one", "please nothing play on the first beat"
        if j < len(self.tokens) and self.tokens[j] in ("on", "at"):
            places, end = self._places(j + 1)
            either = frozenset({"or", "nor", "/"})  # "from the kick or the snare"; a comma starts a clause
            whose, after = (
                self._voice_list(self._skip(end + 1, _FILLERS), either) if self._at(end, "from") else ((), end)
            )
            if places and whose:  # "nothing on 1 2 3 4 from any hat": those voices only
                self.out.append(Constraint(whose, places, "off", f"no {voices_label(whose)} on {places_label(places)}"))
                return after
            if places:
                text = f"nothing on {places_label(places)}"
                self.out.append(Constraint(ALL_VOICES, places, "off", text))
                return end
            voices, end = self._voice_list(self._skip(j + 1, _FILLERS))
            if voices and not self._places_follow(end):  # "nothing on the toms": no toms at all
                self.out.append(Constraint(voices, ("all",), "absent", f"no {voices_label(voices)}"))
                return end
        return None

    def _negated(self, i: int) -> int | None:
        phrase = next((len(w) for w in _NEGATING_PHRASES if self._at(i, *w)), 0)
        if not phrase and self.tokens[i] not in _NEGATORS:
            return None
        start = self._skip(i + (phrase or 1), _FILLERS | _NEGATED_VERBS)
        voices, j = self._voice_list(self._skip(start, _FILLERS), joiners=frozenset({"or", "nor", "/"}))
        if not voices:
            return None
        while j < len(self.tokens) and self.tokens[j] in _AND | {
            ",",
            "or",
            "nor",
            "/",
        }:  # "skip the crash and the ride bell"
            if self._at(j + 1, "a") or self._at(j + 1, "an") or self._at(j + 1, "some"):
                added, end = self._one_voice(j + 2)  # "no hats and a cowbell": something added
                if added and not self._places_follow(self._skip(end, _LINKING)):
                    self.out.append(Constraint(added, ("all",), "present", f"with {voices_label(added)}"))
                break
            more, end = self._one_voice(self._skip(j + 1, frozenset({"the", "any", "all", "or", "nor"})))
            after = self._skip_linking(end)
            if self._at(end, "instead"):
                break  # "no hats, ride instead": the one that takes their place (`_instead`)
            if self.tokens[j] == "," and end < len(self.tokens) and self.tokens[end] not in _LIST_END:
                break  # "no claps, hh rolls into a fill": a new clause, about the hats
            if not more or self._places_follow(after) or self._bare_places(after)[0] or self._at(end, "only"):
                break  # "no crash and open hats on the offbeats": the second voice is placed, not ruled out
            voices, j = tuple(dict.fromkeys(voices + more)), end
        words = next((w for w in (*_EXCEPT, ("but",), ("besides",)) if self._at(j, *w)), None)
        if words:  # "no cymbals except the ride": those stay
            kept, after = self._voice_list(self._skip(j + len(words), _FILLERS))
            stay = _with_bell(kept)
            if kept and set(voices) - set(stay):
                voices = tuple(v for v in voices if v not in stay)
                self.out.append(Constraint(voices, ("all",), "absent", f"no {voices_label(voices)}"))
                if after < len(self.tokens) and self.tokens[after] in _ON_WORDS:  # "... but the crash on 1"
                    places, end = self._places(self._skip(after + 1, frozenset({"on", "at"})))
                    if places:
                        label = f"{voices_label(kept)} on {places_label(places)}"
                        self.out.append(Constraint(kept, places, "only", label))
                        return end
                return after
        if self.tokens[j - 1] == "cymbal" and self.tokens[j - 2] != "crash" and voices == ("cc",):
            voices = resolve_voices("cymbals")  # "no cymbal at all": not the crash alone
        label = voices_label(voices)
        voices = _with_bell(voices)  # "no ride"
        if j < len(self.tokens) and self.tokens[j] in _ON_WORDS:
            places, end = self._places(j + 1)
            if places:
                self.out.append(Constraint(voices, places, "off", f"no {label} on {places_label(places)}"))
                return end
        self.out.append(Constraint(voices, ("all",), "absent", f"no {label}"))
        k = self._skip(j, frozenset({",", "-"}))
        if k < len(self.tokens) and self.tokens[k] in ("just", "only"):  # "no hats, just ride"
            start = self._skip(k + 1, _FILLERS)
            instead, end = self._one_voice(start)
            listed = self._voice_list(start, adjacent=True)[1] > end  # "just kick snare and ride": `_only_voices`
            if instead and not listed and not set(instead) & set(voices) and not self._places_follow(end):
                self.out.append(Constraint(instead, ("all",), "present", f"with {voices_label(instead)}"))
                return end
        return j

    def _kept_out(self, i: int) -> int | None:
        """ "keep the bass drum out of it", "leave the hats out": those voices are ruled out."""
        if self.tokens[i] not in _KEEPING_OUT:
            return None
        voices, j = self._voice_list(self._skip(i + 1, _FILLERS))
        if not voices or not self._at(j, "out") or self._places_follow(self._skip(j + 1, frozenset({"of"}))):
            return None
        self.out.append(Constraint(voices, ("all",), "absent", f"no {voices_label(voices)}"))
        return j + 1

    def _kept_to(self, i: int) -> int | None:
        """ "keep it to kick, snare and a bit of shaker", "stick to kick and hats": those voices
        and no other."""
        words = next((w for w in _KEPT_TO if self._at(i, *w)), None)
        if words is None:
            return None
        start = self._skip(i + len(words), _FILLERS | {"just", "only"})
        voices, end = self._voice_list(start, adjacent=True)
        if not voices or self._places_follow(self._skip_linking(end)):
            return None  # "stick to kick on 1 and 3": placed (`_voices`)
        self._restrict(voices, start)
        return end

    def _only_voices(self, i: int) -> int | None:
        """ "only kick and snare", "just kick and hats": the other voices stay out."""
        if self.tokens[i] not in _ONLY_BEFORE and not self._at(i, "nothing", "but"):
            return None
        start = i + (2 if self.tokens[i] == "nothing" else 1)
        voices, j = self._voice_list(self._skip(start, _FILLERS), adjacent=True)  # "just kick snare and hats"
        if len(voices) < 2 or self._places_follow(j):
            return None
        self._restrict(voices, start)
        return j

    def _restrict(self, voices: tuple[str, ...], start: int) -> None:
        others = tuple(c for c in ALL_VOICES if c not in voices)
        self.out.append(Constraint(others, ("all",), "absent", "only " + list_label(voices)))
        for each in self._each(start, voices):  # "just kick, snare and hats": each of them plays
            self.out.append(Constraint(each, ("all",), "present", f"with {voices_label(each)}"))

    def _instead(self, i: int) -> int | None:
        """ "claps instead of the snare", "no snare, use claps instead", "rim instead of the snare
        on 2 and 4": the new voice takes the old one's part (the snare's part is the backbeat)."""
        t = self.tokens
        j = self._skip(i, frozenset({"with", "use", "using", "add", "put", "play"}) | _FILLERS)
        new, j = self._voice_list(j)
        if not new or not self._at(j, "instead"):
            return None
        if self._at(j + 1, "of"):
            old, end = self._voice_list(self._skip(j + 2, _FILLERS))
            if not old:
                return None
        else:
            gone = next((c for c in reversed(self.out) if c.rule == "absent" and c.places == ("all",)), None)
            if gone is None:
                return None
            old, end = gone.voices, j + 1
        places, after = self._places(end + 1) if end < len(t) and t[end] in ("on", "at") else ((), end)
        self._replace(new, old, places)
        return after

    def _move(self, i: int) -> int | None:
        """ "move the snare to 3", "shift the kick over to the and of 2": it plays there, and
        only there."""
        t = self.tokens
        if t[i] not in _MOVES:
            return None
        voices, j = self._voice_list(self._skip(i + 1, _FILLERS))
        k = self._skip(j, frozenset({"over", "up", "back"}))
        if not voices or k >= len(t) or t[k] not in ("to", "onto"):
            return None
        places, end = self._places(self._skip(k + 1, frozenset({"beat"})))
        if not places:
            return None
        for each in self._each(self._skip(i + 1, _FILLERS), voices):
            self.out.append(Constraint(each, places, "only", f"{voices_label(each)} on {places_label(places)}"))
        self._last_end = end
        return end

    def _swap(self, i: int) -> int | None:
        """ "swap the snare on 2 and 4 for cross stick", "replace the clap with a real snare":
        the new voice takes the old one's part, as in "rim instead of the snare" (`_instead`)."""
        t = self.tokens
        if t[i] not in _SWAPS:
            return None
        old, j = self._voice_list(self._skip(i + 1, _FILLERS))
        places, after = self._places(j + 1) if self._at(j, "on") or self._at(j, "at") else ((), j)
        if not old or after >= len(t) or t[after] not in ("for", "with", "to", "into", "by"):
            return None
        new, end = self._voice_list(self._skip(after + 1, _FILLERS | {"real", "proper", "actual"}))
        if not new or set(new) & set(old):
            return None
        self._replace(new, old, places)
        return end

    def _replace(self, new: tuple[str, ...], old: tuple[str, ...], places: tuple[str, ...]) -> None:
        """The new voice plays the old one's part: at the places given, else the backbeat when
        the old one is the snare or clap; the old one leaves those places (or the groove)."""
        if places:
            self.out.append(Constraint(new, places, "only", f"{voices_label(new)} on {places_label(places)}"))
            self.out.append(Constraint(old, places, "off", f"no {voices_label(old)} on {places_label(places)}"))
            return
        if not any(c.rule == "absent" and set(c.voices) == set(old) for c in self.out):
            self.out.append(Constraint(old, ("all",), "absent", f"no {voices_label(old)}"))
        if set(old) & {"sd", "cp"}:  # the snare's (or the clap's) part is the backbeat
            label = f"{voices_label(new)} on the backbeat (2 and 4), instead of the {voices_label(old)}"
            self.out.append(Constraint(new, ("backbeat",), "on", label))
        else:
            self.out.append(Constraint(new, ("all",), "present", f"with {voices_label(new)}"))

    def _with(self, i: int) -> int | None:
        """ "with a cowbell", "with hats and a shaker", "a jazz waltz on the ride": those voices
        play (places after them: `_voices`; places before them, "2 and 4 on the snare": `_places_first`)."""
        if self.tokens[i] not in ("with", "add", "adding", "plus", "use", "using", "on"):
            return None
        voices, j = self._voice_list(self._skip(i + 1, _FILLERS))
        if self.tokens[i] == "on" and i and self.tokens[i - 1] in _NOTHING | _NEGATORS:
            return None  # "nothing on the toms" (`_nothing_on`)
        if self.tokens[i] == "on" and self.fill and set(voices) & set(_FILL_VOICES.get(self.fill, (self.fill,))):
            return None  # "a fill on the floor tom": the fill's voice, not the groove's
        linked = self._skip(j, _LINKING)  # "with the open hat only on the and of 4": placed, not just present
        if not voices or self._places_follow(linked) or (j < len(self.tokens) and self.tokens[j] in _RATE_WORDS):
            return None
        if self._doubled_backbeat(j) is not None:
            return None  # "with a tambourine doubling that backbeat": placed (`_voices`)
        k = self._skip(i + 1, _FILLERS)
        while k < j:
            mention, k = self._one_voice(k)
            if not mention:
                k += 1
                continue
            self.out.append(Constraint(mention, ("all",), "present", f"with {voices_label(mention)}"))
        return j

    def _rate_first(self, i: int) -> int | None:
        """ "eighth hats", "quarter-note ride", "straight sixteenths on the hats"."""
        rate = _RATE_WORDS.get(self.tokens[i])
        if rate is None:
            return None
        j = self._skip(i + 1, frozenset({"note", "notes"}))
        if j < len(self.tokens) and self.tokens[j] in ("on", "with", "from"):
            j = self._skip(j + 1, _FILLERS)
        voices, end = self._one_voice(j)  # "sixteenth hats and claps on 3": the rate is the hats' alone
        plural = self.tokens[i].endswith("s") or self._at(i + 1, "notes")  # "every offbeat 8th" is no rate
        negated = i and self.tokens[i - 1] in _NEGATORS  # "no eighths in between": not a time to keep
        if voices and negated:
            return end  # "no 16ths on the hats": not where they play, and no place of its own
        if not voices and rate in ("eighths", "sixteenths") and plural and not negated:
            self.out.append(Constraint(_TIME_KEEPERS, (rate,), "on", f"hi-hats or ride on {places_label((rate,))}"))
            return j  # "straight rock 8ths", "snare on 2 and 4, straight eighths": the time is kept in them
        if not voices:
            return None
        self.out.append(Constraint(voices, (rate,), "only", f"{voices_label(voices)} on {places_label((rate,))}"))
        return end

    def _voices(self, i: int) -> int | None:
        """ "kick on 1 and 3", "kick and snare on 3", "hats in eighths", "kick and snare only"."""
        voices, j = self._voice_list(i)
        if not voices:
            return None
        listed = self._listed_only(i)
        if listed is not None:
            return listed
        t = self.tokens
        if voices == resolve_voices("hats") and j < len(t) and t[j] in _OPENS:  # "the hat opens on the & of 4"
            voices, j = ("oh",), self._skip(j + 1, frozenset({"up"}))
        if voices == resolve_voices("hats") and self._at(j, "closed") and self._placed_after(j + 1) is None:
            words = next((w for w in (*_EXCEPT, ("but",)) if self._at(j + 1, *w)), None)
            places, end = (
                self._places(self._skip(j + 1 + len(words), frozenset({"on", "at"}))) if words else ((), j + 1)
            )
            if places:  # "hats closed except the and of 4": it opens only there
                self.out.append(Constraint(("oh",), places, "only", f"open hi-hat on {places_label(places)}"))
                return end
            self.out.append(Constraint(("oh",), ("all",), "absent", "no open hi-hat"))  # "keep the hats closed"
            return j + 1
        those = self._those(i, j, voices)
        if those is not None:
            return those
        anywhere = next((w for w in _SOMEWHERE if self._at(j, *w)), None)
        if anywhere:  # "and one crash somewhere": it plays, where is left open
            for each in self._each(i, voices):
                self.out.append(Constraint(each, ("all",), "present", f"with {voices_label(each)}"))
            return j + len(anywhere)
        if any(self._at(j, *words) for words in _KEEPS_TIME):  # "let a shaker keep time"
            end = j + next(len(w) for w in _KEEPS_TIME if self._at(j, *w))
            places, after = self._places(end + 1) if end < len(t) and t[end] in _ON_WORDS else ((), end)
            if places:  # "the floor tom carrying the pulse on every quarter note"
                label = f"{voices_label(voices)} on {places_label(places)}"
                self.out.append(Constraint(voices, places, "on", label))
                return after
            self.out.append(Constraint(voices, ("all",), "present", f"{voices_label(voices)} keeping time"))
            return end
        if self._at(j, "out") and (j + 1 == len(t) or t[j + 1] in _CLAUSE_ENDS | {"pls", "please", "plz"}):
            self.out.append(Constraint(voices, ("all",), "absent", f"no {voices_label(voices)}"))
            return j + 1  # "toms out pls"
        j = self._doubled_backbeat(j) or j  # "a tambourine doubling that backbeat": it plays the backbeat
        backbeat = self._backbeat_words(j)
        if backbeat:  # "side-stick backbeat", "clap backbeat": that voice plays the backbeat
            label = f"{voices_label(voices)} on the backbeat (2 and 4)"
            self.out.append(Constraint(voices, ("backbeat",), "on", label))
            return j + backbeat
        if any(self._at(j, *words) for words in _NOTHING_ELSE) or (
            j + 1 < len(t) and t[j] == "," and any(self._at(j + 1, *words) for words in _NOTHING_ELSE)
        ):
            self._restrict(voices, i)  # "just kick + clap, nothing else"
            return j
        j = self._skip_linking(self._bar_tail(self._skip_linking(j)))  # "crash every bar on 1"
        if j < len(t) and t[j] in _NOT_AFTER_VOICE:  # "kick never on 2", "keep the snare off beat 3"
            k = self._skip(self._skip_linking(j + 1), _LINKING | frozenset({"on", "at", "from"}))  # "away from 2 and 4"
            places, end = self._places(k)
            if places:
                for each in self._each(i, voices):
                    self.out.append(
                        Constraint(each, places, "off", f"no {voices_label(each)} on {places_label(places)}")
                    )
                return end
        said_on = j < len(t) and t[j] in _ON_WORDS
        if said_on:
            places, end = self._places(self._skip(j + 1, frozenset({"on", "at"})))  # "lands on 1"
        else:
            places, end = self._bare_places(j)
        one_bar = self._one_bar(end) if places else 0
        if one_bar:  # "kick on 1 in the first bar": constraints hold in every bar, so it is asked of
            for each in self._each(i, voices):  # each, as a place it has, not as the only one
                self.out.append(
                    Constraint(each, places, "on", f"{voices_label(each)} on {places_label(places)} (every bar)")
                )
            return one_bar
        if places:
            k = i - 1
            while k >= 0 and t[k] in _SMALL_WORDS:  # "but also a little snare pickup on the a of 4"
                k -= 1
            adding = (k >= 0 and t[k] in _ADDING_BEFORE) or (i > 1 and t[i - 2] in _ADDING_BEFORE)
            adding = adding or (end < len(t) and t[end] in _ADDING_AFTER)
            rule = "on" if adding else "only"  # "the snare on the a of 4 too": besides what it plays
            for each in self._each(i, voices):
                self.out.append(Constraint(each, places, rule, f"{voices_label(each)} on {places_label(places)}"))
            self._last_end = end
            return end
        colon = next((k for k in range(j, min(j + 8, len(t))) if t[k] == ":"), None)
        if colon is not None and not said_on and not any(self._one_voice(k)[0] for k in range(j, colon)):
            places, end = self._places(colon + 1)  # "kick pattern I hear in my head: 1, the e of 3 and 4"
            if places:
                for each in self._each(i, voices):
                    self.out.append(Constraint(each, places, "only", f"{voices_label(each)} on {places_label(places)}"))
                self._last_end = end
                return end
        if said_on and t[j] in ("on", "at") and end > j + 1:
            self.unplaced.append(" ".join(t[i:end]))
        return self._named_alone(i) or j

    def _listed_only(self, i: int) -> int | None:
        """ "kick and snare only", "(kick snare hat only)", "hi-hat only": the voices named (a
        list, joined or not, or a group), then "only": those and no other. One instrument alone
        ("ride only") is `_single_instrument`'s."""
        voices, j = self._voice_list(i, adjacent=True)
        if len(voices) < 2 or j >= len(self.tokens) or self.tokens[j] not in _ONLY_AFTER:
            return None
        if any(self._at(j + 1, w) for w in ("on", "at", "between", "in")) or self._places_follow(j + 1):
            return None  # "kick and snare only on 1", "hats only between the beats": where they play
        self._restrict(voices, i)
        return j + 1

    def _those(self, i: int, j: int, voices: tuple[str, ...]) -> int | None:
        """ "keep the kick off 2 and 4, snare gets those": the places just named, for this voice."""
        t, last = self.tokens, self.out[-1] if self.out else None
        k = j + 1 if j < len(t) and t[j] in _TAKES else j
        if k == j or k >= len(t) or t[k] not in ("those", "them", "these", "that", "it") or last is None:
            return None
        if last.places == ("all",) or set(last.voices) & set(voices):
            return None
        self.out.append(Constraint(voices, last.places, "on", f"{voices_label(voices)} on {places_label(last.places)}"))
        return k + 1

    def _each(self, i: int, voices: tuple[str, ...]) -> list[tuple[str, ...]]:
        """ "kick and snare on 3" asks it of each; "snare or clap on 2 and 4" of either."""
        mentions: list[tuple[str, ...]] = []
        j, covered = i, set()
        while not covered >= set(voices) and j < len(self.tokens):
            mention, end = self._one_voice(j)
            if mention:
                mentions.append(tuple(v for v in mention if v in voices) or mention)  # "the hat opens": oh
                covered |= set(mention)
                j = end
            elif self.tokens[j] in ("or", "nor", "/", "either"):
                return [voices]
            else:
                j += 1
        return mentions or [voices]

    def _bare_places(self, i: int) -> tuple[tuple[str, ...], int]:
        """Places with no "on": "kick 1 and 3", "kick every beat"; one bare count is not ("snare 3 times")."""
        t = self.tokens
        said = i + 1 < len(t) and (t[i] in _STEP_WORDS or (t[i] in _SIXTEENTH and t[i + 1] in _STEP_WORDS))
        if self.steps and said:  # "kick 16th steps 1,5,9,13", "open hat step 7 and 15"
            return self._places(i)
        if i < len(t) and t[i] in _RATE_WORDS:  # "shaker 16ths", "hats eighths"
            return (_RATE_WORDS[t[i]],), self._skip(i + 1, frozenset({"note", "notes"}))
        if t[i] in ("between", "the", *_NAMED_ALONE) if i < len(t) else False:  # "hats only between the beats"
            return self._places(i)  # "kick hits the 1, the a of 2" ("hits" is a linking word)
        if i + 1 < len(t) and t[i] in ("beat", "beats", "count", "counts") and self._count(i + 1)[0]:
            return self._places(i)  # "big drum just beat 1 and beat 3"
        if i >= len(t) or not (t[i][0].isdigit() or t[i] in ("every", "each")):
            return (), i
        places, end = self._places(i)
        said_one = len(places) == 1 and end == i + 1  # one count alone; "1 e & a ..." is many
        return (places, end) if not said_one or not t[i][0].isdigit() else ((), i)

    def _named_alone(self, i: int) -> int | None:
        """ "5/4 jazz ride, 4 bars": a voice named alone in its clause, by no other form, is
        wanted somewhere ("let it ride" is not a ride; a fill's own voice is the fill's)."""
        t = self.tokens
        voices, j = self._voice_list(i, adjacent=True)  # "just drums. kick snare and toms, tribal vibe"
        if not voices or (j < len(t) and t[j] not in _CLAUSE_ENDS) or (i and t[i - 1] in _NOT_BEFORE_ALONE):
            return None
        if self.fill and set(voices) & set(_FILL_VOICES.get(self.fill, (self.fill,))):
            return None
        k = i - 1
        while k >= 0 and t[k] not in _CLAUSE_ENDS:
            if t[k] in _NEGATORS or (k == i - 1 and self._one_voice(k)[0]):
                return None  # "without ride / crash": one list, ruled out; wishes are said apart
            k -= 1
        before = t[k + 1 : i]  # what the clause says before the voice: a word or two, or a wish
        if (len(before) > 2 or set(before) & _TAKING_AWAY) and not set(before) <= _WANTING:
            return None  # "lay off the crash", "mute the hats": a verb that may take it away
        for each in self._each(i, voices):
            self.out.append(Constraint(each, ("all",), "present", f"with {voices_label(each)}"))
        return j

    def _step_string(self, i: int) -> int | None:
        """ "cowbell plays the standard bell x.x.xx.x.x.x", "hats: x-x-x-x-x-x-x-x-": the first
        voice of the clause plays where the string has hits, one bar of the meter."""
        t = self.tokens
        if not _STEP_STRING.fullmatch(t[i]):
            return None
        start = i
        while start > 0 and t[start - 1] not in _CLAUSE_ENDS:
            start -= 1
        named = [(k, v, end) for k in range(start, i) for v, end in [self._one_voice(k)] if v]
        nearest = next((m for m in reversed(named) if self._skip(m[2], frozenset({":", "="})) == i), None)
        start, voices, _ = nearest or (named[0] if named else (start, (), start))  # "bd: x-x- sd: --x-"
        places = _string_places(t[i], self.meter or "4/4")
        if not voices or places is None:
            self.unplaced.append(" ".join(t[start : i + 1]))
            return i + 1
        for each in self._each(start, voices):
            self.out.append(Constraint(each, places, "only", f"{voices_label(each)} on {places_label(places)}"))
        return i + 1

    def _pronoun(self, i: int) -> int | None:
        """ "don't put a kick on 3, keep it on the 1": "it" is the voice named last."""
        t = self.tokens
        last = next((c for c in reversed(self.out) if len(c.voices) < len(ALL_VOICES)), None)
        if t[i] not in ("it", "them", "that") or last is None:
            return None
        j = self._skip(i + 1, _LINKING)
        if j >= len(t) or t[j] not in ("on", "at"):
            return None
        places, end = self._places(j + 1)
        if not places:
            return None
        self.out.append(
            Constraint(last.voices, places, "only", f"{voices_label(last.voices)} on {places_label(places)}")
        )
        return end

    def _doubled_backbeat(self, i: int) -> int | None:
        """Where "backbeat" starts in "doubling that backbeat" at i (None when not said)."""
        doubled = next((len(w) for w in _DOUBLING if self._at(i, *w)), 0)
        k = self._skip(i + doubled, frozenset({"the", "that", "this", "your"}))
        return k if doubled and self._backbeat_words(k) else None

    def _backbeat_words(self, i: int) -> int:
        """How many tokens at i say "backbeat" (0 when they do not)."""
        if i < len(self.tokens) and self.tokens[i] in ("backbeat", "backbeats"):
            return 1
        return 2 if self._at(i, "back", "beat") else 0

    def _more_places(self, i: int) -> int | None:
        """ "kick on the 1, then a quick double on 3 and the e of 3": places with no voice of their
        own, right after a voice's places, are more places for that voice."""
        t = self.tokens
        last = self.out[-1] if self.out else None
        if last is None or last.rule not in ("on", "only") or self._last_end is None:
            return None
        if i == self._last_end and t[i] not in ("on", "at", "in"):  # "on the and of 3 (the and of three)"
            places, end = self._places(i)
            if places and set(places) <= set(last.places):
                return end
        if t[i] not in ("on", "at", "in", "so") or (i and t[i - 1] in _NEGATORS):  # "kick on 1, not on 3"
            return None  # "so": "kick on 1 & 3 with the lil pickup before each one (so the and of 2 ...)"
        if not all(_BARE_COUNT.fullmatch(p) for p in last.places):
            return None
        if any(self._one_voice(k)[0] for k in range(self._last_end, i)):
            return None  # another voice was named in between: these places are not the last voice's
        places, end = self._places(i + 1)
        if not places or not all(_BARE_COUNT.fullmatch(p) for p in places):
            return None
        if self._one_voice(self._skip(end, _FILLERS))[0]:
            return None  # "on 3 the clap": the places belong to the voice after them
        merged = tuple(dict.fromkeys(last.places + places))
        self.out[-1] = replace(last, places=merged, text=f"{voices_label(last.voices)} on {places_label(merged)}")
        self._last_end = end
        return end

    def _places_first(self, i: int) -> int | None:
        """ "2 and 4 on the snare", "the and of 4 on the open hat", "under a 2 and 4 snare":
        counts, then whose they are."""
        places, j = self._places(i)
        if not places or not all(_BARE_COUNT.fullmatch(p) for p in places):
            return None
        if self._at(j, "on"):
            j += 1
        elif len(places) < 2 or not self._one_voice(j)[0]:
            return None  # "a 2 and 4 snare" is the snare's; "3 snare hits" is how many
        voices, end = self._voice_list(self._skip(j, _FILLERS))
        if not voices:
            return None
        self.out.append(Constraint(voices, places, "only", f"{voices_label(voices)} on {places_label(places)}"))
        return end

    # -- pieces ---------------------------------------------------------------------

    def _skip_linking(self, i: int) -> int:
        """Skip the words between a voice and its places, and one verb in -ing that leads to
        them ("the open hat barking on each upbeat"); not one that says the opposite."""
        i = self._skip(i, _LINKING)
        word = self.tokens[i].rstrip("'") if i < len(self.tokens) else ""
        verb = word.endswith("ing") or (word.endswith("in") and word + "g" not in _NOT_LINKING)  # "rollin'"
        if verb and len(word) >= 5 and word.isalpha() and word not in _NOT_LINKING:
            j = self._skip(i + 1, _LINKING)
            if j < len(self.tokens) and (self.tokens[j] in ("on", "at", "in") or self.tokens[j] in _RATE_WORDS):
                return j  # "hats rollin 16ths": the verb leads to its places
        says = word.endswith("s") and len(word) >= 4 and word.isalpha() and word not in _NOT_LEADING
        if says and not self._one_voice(i)[0] and i + 1 < len(self.tokens) and self.tokens[i + 1] in ("on", "at"):
            return i + 1  # "snare cracks on 2 and 4", "the kick drops on 3"
        return i

    def _skip(self, i: int, words: frozenset[str]) -> int:
        while i < len(self.tokens) and self.tokens[i] in words:
            i += 1
        return i

    def _one_voice(self, i: int) -> tuple[tuple[str, ...], int]:
        if i not in self._voices_at:  # asked again and again by the forms tried at each token
            self._voices_at[i] = self._find_voice(i)
        return self._voices_at[i]

    def _find_voice(self, i: int) -> tuple[tuple[str, ...], int]:
        for size in range(min(_MAX_VOICE_WORDS, len(self.tokens) - i), 0, -1):
            words = self.tokens[i : i + size]
            if any(not w[0].isalpha() for w in words):  # words, and aliases such as "tom1"
                continue
            voices = resolve_voices(" ".join(words))
            if voices is not None:
                return voices, i + size
        return (), i

    def _voice_list(
        self, i: int, joiners: frozenset[str] = _VOICE_JOINERS, adjacent: bool = False
    ) -> tuple[tuple[str, ...], int]:
        """Voices joined by "and", "or", "/" or commas: ("kick", "snare") -> (bd, sd).

        A negation joins with "or" only: "no crash and open hats on the offbeats" is two ideas.
        ``adjacent``: voices may follow each other with no joiner ("just kick snare and hats").
        """
        found: list[str] = []
        voices, j = self._one_voice(i)
        while voices:
            found += [v for v in voices if v not in found]
            i = j
            k = self._skip(j, joiners)
            if k == j:  # "claps doubling the snare", "shaker layered with the hats": both play it
                k += next((len(w) for w in _DOUBLING if self._at(j, *w)), 0)
            if k == j and not adjacent:
                break
            voices, j = self._one_voice(self._skip(k, _BEFORE_LISTED_VOICE))
            if voices and "," in self.tokens[i:k] and self._places_follow(self._skip_linking(j)):
                break  # "open hats, kick on every beat", "..., and the snare hits on 3": a clause of its own
        return tuple(found), i

    def _placed_after(self, i: int) -> int | None:
        """Where the places end when "on ..." follows at i ("closed on the 8ths"), else None."""
        if i < len(self.tokens) and self.tokens[i] in ("on", "at"):
            places, end = self._places(i + 1)
            return end if places else None
        return None

    def _places_follow(self, i: int) -> bool:
        return i < len(self.tokens) and self.tokens[i] in _ON_WORDS and bool(self._places(i + 1)[0])

    def _place(self, i: int) -> tuple[str | None, int]:
        """One place at i: "3", "2&", "the and of 3", "beat 2", "the offbeats", "eighths"."""
        t = self.tokens
        if tuple(t[i : i + 2]) in _BAR_PREFIXES:  # "on every bar's one"
            i += 2
        if i + 1 < len(t) and t[i] == "all" and not self._at(i + 2, "of"):
            every = self._every_count(i + 1)  # "hh on all six" in 6/8
            if every is not None:
                return every
        if tuple(t[i : i + 2]) in (("each", "of"), ("all", "of"), ("every", "one")):  # "each of the seven quarters"
            i = self._skip(i + 2, frozenset({"the", "of"}))
        for at in (i, self._skip(i, frozenset({"the", "beat", "beats", "count", "counts", "all"}))):  # "all the ands"
            for words, place in _NAMED_BY_FIRST.get(t[at] if at < len(t) else "", ()):
                if self._at(at, *words):
                    return place, at + len(words)
        if self.steps and t[i] in _SIXTEENTH and i + 1 < len(t) and t[i + 1] in _STEP_WORDS:
            i += 1  # "16th step 12"
        said_step = bool(self.steps) and i < len(t) and t[i] in _STEP_WORDS
        i = self._skip(i, _BEFORE_COUNT | (_STEP_WORDS if self.steps else frozenset()))
        if i >= len(t):
            return None, i
        if said_step and not self._in_steps:  # "kick on 1, 2+ and 16th step 12": this one is a step
            with self._steps_as(True):
                return self._count(i)
        word = t[i]
        if self._at(i, "every", "other") and i + 2 < len(t) and t[i + 2] in _RATE_WORDS:
            return self._every_other(_RATE_WORDS[t[i + 2]], i + 3)
        if word in ("every", "each") and i + 1 < len(t) and t[i + 1] in _NOTE_VALUES and self._at(i + 2, "note"):
            i, word = i + 1, t[i + 1]  # "every 8 note" (`_NOTE_VALUES`); "every 4" is no note value
        if word in ("every", "each") and i + 1 < len(t) and t[i + 1] in _RATE_WORDS:  # "every 8th"
            i, word = i + 1, t[i + 1]
        k = self._skip(i + 1, frozenset({"big", "dotted", "main", "felt", "strong"}))
        if (word.isdigit() or word in _BAR_NUMBERS) and self._at(k, "beats"):
            return "beats", k + 1  # "the kick sits on the 4 big dotted beats"
        if word in _NOTE_VALUES and (self._at(i + 1, "note") or self._at(i + 1, "notes")):
            return _NOTE_VALUES[word], i + 2  # "hihat play every 8 note"
        if (word.isdigit() or word in _BAR_NUMBERS) and i + 1 < len(t) and t[i + 1] in _RATE_WORDS:
            i, word = i + 1, t[i + 1]  # "all 8 eighth notes", "four quarter notes", "all twelve triplets"
        if word in _RATE_WORDS:
            rate, end = _RATE_WORDS[word], i + 1
            if rate == "triplets" and end < len(t) and _RATE_WORDS.get(t[end]) == "eighths":
                end += 1  # "triplet 8ths"
            return rate, self._skip(end, frozenset({"note", "notes"}))
        if word == "very":
            i, word = i + 1, t[i + 1] if i + 1 < len(t) else ""
        last = _LAST_OF_BAR.get((word, t[i + 1] if i + 1 < len(t) else ""))
        if last is not None and not self._count(self._skip(i + 3, frozenset({"the", "beat"})))[0]:
            counts, parts = _counting(get_meter(self.meter or "4/4"))  # "the very last 16th of the bar"
            if last in parts:
                return f"{counts}{last}", self._skip(i + 2, frozenset({"of", "the", "each", "every", "bar", "measure"}))
        part = _PART_OF_BEAT.get((word, t[i + 1] if i + 1 < len(t) else ""))
        if part is not None and self._at(i + 2, "of") and (self.meter or "4/4").endswith("/4"):
            count, end = self._count(self._skip(i + 3, frozenset({"the", "beat", "count"})))
            if count is not None and count.isdigit():  # "the last 16th of beat 2": the a of 2
                return f"{count}{part}", end
        if word in _TRIPLET_ORDINALS and i + 2 < len(t) and t[i + 1] in _TRIPLET_NOUNS and t[i + 2] == "of":
            return self._triplet(i)  # "the last triplet of beat 2"
        k = self._skip(i + 1, frozenset({"right", "just", "directly", "immediately"}))
        if word in _PART_TOKENS and k < len(t) and t[k] in ("after", "before"):
            count, end = self._count(self._skip(k + 1, frozenset({"the", "beat"})))
            if count is not None and count.isdigit():  # "the and after 2", "the e before 3", "the & right after 4"
                n = int(count) - (t[k] == "before")
                return f"{n or _counting(get_meter(self.meter or '4/4'))[0]}{_PART_TOKENS[word]}", end
            return None, i
        if word in _PART_TOKENS and self._at(i + 1, "of"):
            count, end = self._count(self._skip(i + 2, frozenset({"the", "beat"})))
            if count is not None and count.isdigit():
                return f"{count}{_PART_TOKENS[word]}", end
            return None, i
        return self._count(i)

    def _every_count(self, i: int) -> tuple[str, int] | None:
        """ "all six" (6/8), "all 4" (4/4): every count of the bar, when the number is the
        bar's count of numbers; "all 4 beats" is `_place`'s."""
        t = self.tokens
        word = t[i]
        n = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
        meter = get_meter(self.meter or "4/4")
        if n is None or n != _counting(meter)[0] or (i + 1 < len(t) and t[i + 1] in {*_RATE_WORDS, "beats", "beat"}):
            return None
        end = self._skip(i + 1, frozenset({"counts", "of", "them"}))
        if len(meter.groups) == n:  # every count is a felt beat (4/4, 3/4, 12/8)
            return "beats", end
        return ("quarters" if meter.name.endswith("/4") else "eighths"), end

    def _every_other(self, rate: str, i: int) -> tuple[str | None, int]:
        """ "every other 8th" is every quarter, from the one, or the offbeats when it starts
        on an "&" ("... starting on the & of 1"); "every other 16th" is every eighth; "every
        other quarter" every other beat. Another start is not placed."""
        j = self._skip(i, frozenset({"note", "notes"}))
        start = None
        if any(self._at(j, w, on) for w in ("starting", "beginning", "from") for on in ("on", "at", "with")):
            start, j = self._place(j + 2)
        elif self._at(j, "from"):
            start, j = self._place(j + 1)
        halved = {"eighths": ("beats", "offbeats"), "sixteenths": ("eighths", None), "quarters": ("alternate", None)}
        on_count, on_and = halved.get(rate, (None, None))
        if start in (None, "1"):
            return on_count, j
        if on_and and start.endswith("&"):
            return on_and, j
        return None, i

    def _triplet(self, i: int) -> tuple[str | None, int]:
        """ "the first/middle/last triplet of beat 2": a part of a dotted-quarter beat in 12/8,
        where a beat counts "1 & a". Elsewhere the words name no step of the grid: not placed."""
        count, end = self._count(self._skip(i + 3, frozenset({"the", "beat"})))
        if count is None or not count.isdigit():
            return None, i
        if self.meter != "12/8":
            said = " ".join(self.tokens[i:end])
            if said not in self.unplaced:
                self.unplaced.append(said)
            return None, i
        return f"{count}{_TRIPLET_ORDINALS[self.tokens[i]]}", end

    def _count(self, i: int) -> tuple[str | None, int]:
        """A count with an attached part: "3", "2&", "2+", "3e", "4a", "two", "2nd"."""
        if i >= len(self.tokens):
            return None, i
        word = self.tokens[i]
        if any(self._at(i + 1, "of", them) for them in ("them", "those", "these", "em")):
            return None, i  # "all 12 of them": how many
        if word == "one" and i + 1 < len(self.tokens) and self.tokens[i + 1] in _ONE_BEFORE:
            return None, i  # "plus one extra hit": how many, not the one
        if word in _NUMBER_WORDS:
            if i + 1 < len(self.tokens) and self.tokens[i + 1].isalpha() and self._one_voice(i + 1)[0]:
                return None, i  # "and one crash somewhere": how many, not where
            return str(_NUMBER_WORDS[word]), i + 1
        if word in _ORDINALS:  # "the first beat and beat 3"
            return str(_ORDINALS[word]), self._skip(i + 1, frozenset({"beat", "count"}))
        match = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?([&+ea]?)", word)
        if match and self._in_steps and not match[2]:
            return self._step_place(int(match[1])), i + 1
        if not match or not 1 <= int(match[1]) <= 12:
            return None, i
        part = _SUFFIX.get(match[2], "")
        return f"{int(match[1])}{part}", i + 1

    def _places(self, i: int) -> tuple[tuple[str, ...], int]:
        """A list of places joined by "and", commas, "&": ("1", "3&"), and where it ends."""
        i = self._skip(i, _LIST_OPENERS)
        with self._steps_as(self._steps_list(i)):
            return self._read_places(i)

    @contextlib.contextmanager
    def _steps_as(self, steps: bool) -> Iterator[None]:
        """Numbers read as steps (or as counts) while inside; as before after."""
        before, self._in_steps = self._in_steps, steps
        try:
            yield
        finally:
            self._in_steps = before

    def _steps_list(self, i: int) -> bool:
        """Whether the list at i numbers a sixteenth grid's steps (see ``steps``)."""
        if self.steps != "named":
            return self.steps == "grid"
        t, k = self.tokens, i
        beats = self._quarter_beats() or 0
        while k < len(t) and (t[k] in _LIST_JOINERS or t[k] in _STEP_WORDS or t[k] in _SIXTEENTH or t[k].isdigit()):
            if t[k] in _STEP_WORDS or (t[k].isdigit() and int(t[k]) > beats):
                return True
            k += 1
        return False

    def _read_places(self, i: int) -> tuple[tuple[str, ...], int]:
        places: list[str] = []
        place, j = self._place(i)
        end, comma = i, None  # comma: (places before the last comma, where it is)
        while place is not None:
            places.append(place)
            if place.isdigit() and not self._in_steps:  # a pasted count: "1 e & a 2 e & a"
                run, j = self._count_run(place, j)
                places += run
            end = self._bar_tail(j)
            k = self._skip(end, _LIST_JOINERS)
            if k > end and self._at(k, "of") and self.tokens[k - 1] in _PART_TOKENS:
                k -= 1  # "the a of 1, & of 2": that "&" is a place's, not a joiner
            if k > end and k < len(self.tokens) and self.tokens[k] in ("on", "at"):
                k += 1  # "kick on 1, the & of 2 and on 3"
            bare = _BARE_STEP if self._in_steps else _BARE_COUNT
            if k == end and not (k < len(self.tokens) and bare.fullmatch(self.tokens[k])):
                break  # counts may follow without a joiner: "kick on 1 2 3 and 4"
            if self._floor_at(k):
                break  # "kick on beat one, four on the floor": the idiom starts here
            comma = (len(places), end) if "," in self.tokens[end:k] else comma
            place, j = self._place(k)
            if (
                place is not None
                and not _BARE_COUNT.fullmatch(place)
                and self._one_voice(self._skip(j, frozenset({"note", "notes"})))[0]
            ):
                break  # "..., eighth hats": the next clause starts here
        if comma and self._at(end, "on") and self._one_voice(self._skip(end + 1, _FILLERS))[0]:
            kept, end = comma  # "kick on 1 and 3, 2 and 4 on the snare": the snare's places are its own
            places = places[:kept]
        places, end = self._counted_ands(places, i, end)
        return self._except(self._whole_count(tuple(dict.fromkeys(places))), end)

    def _counted_ands(self, places: list[str], i: int, end: int) -> tuple[list[str], int]:
        """ "1 & 2 & 3 & 4 &" is a count spoken aloud, every count and its "&" (the trailing "&"
        says so), not the list "1, 2, 3 and 4"."""
        t = self.tokens
        said = t[i:end]
        if end >= len(t) or t[end] not in ("&", "+") or self._count(end + 1)[0] is not None:
            return places, end
        counts = [w for w in said if w not in ("&", "+")]
        if len(counts) < 2 or counts != [str(n) for n in range(1, len(counts) + 1)] or len(said) != 2 * len(counts) - 1:
            return places, end
        return [f"{c}{part}" for c in counts for part in ("", "&")], end + 1

    def _quarter_beats(self) -> int | None:
        """Beats in a bar where the numbers count quarter notes (x/4; 4/4 when the words name
        no meter), else None: the meters where "1 e & a" and sixteenth steps are the grid."""
        meter = self.meter or "4/4"
        return int(meter.split("/")[0]) if meter.endswith("/4") else None

    def _step_place(self, step: int) -> str | None:
        """Step ``step`` of a sixteenth-note grid (a piano roll's 1..16) as a count: 5 -> "2",
        7 -> "2&"; only where the numbers count quarter beats (x/4), else not placed."""
        beats = self._quarter_beats()
        if beats is None or not 1 <= step <= 4 * beats:
            return None
        beat, part = divmod(step - 1, 4)
        return f"{beat + 1}{('', 'e', '&', 'a')[part]}"

    def _count_run(self, count: str, i: int) -> tuple[list[str], int]:
        """The parts spoken after a count, as a drummer counts them aloud ("1 e & a", "3 & a"),
        in counting order; a run needs an "e" or an "a", so "1 and 3" stays two counts."""
        t, run, last, j = self.tokens, [], 0, i
        while j < len(t) and _RUN_ORDER.get(t[j], 0) > last:
            word = t[j]
            if word in _AND and j + 1 < len(t) and self._count(j + 1)[0] is not None:
                break  # "1 e and 3": the "and" joins the next count
            if word in ("e", "a", "ah") and self._at(j + 1, "of"):
                break  # "the a of 4" is a place of its own
            after = t[j + 1] if j + 1 < len(t) else ""
            spoken = any(p.endswith("e") for p in run)  # "1 e & a" said in full: its "a" is the count's
            if word in ("a", "ah") and not spoken and after.isalpha() and after not in _COUNTING_WORDS:
                break  # "kick on 1 and a rim click": an article
            run.append(f"{count}{_PART_TOKENS[word]}")
            last, j = _RUN_ORDER[word], j + 1
        if not any(p[-1] in "ea" for p in run):
            return [], i
        return run, j

    def _whole_count(self, places: tuple[str, ...]) -> tuple[str, ...]:
        """Every count of a quarter-note bar with every part ("1 e & a 2 e & a 3 e & a 4 e & a")
        is said as the rate it is: sixteenths, or eighths for "1 & 2 & 3 & 4 &"."""
        beats = self._quarter_beats()
        if beats is None or not all(_BARE_COUNT.fullmatch(p) for p in places):
            return places
        for parts, rate in ((("", "&"), "eighths"), (("", "e", "&", "a"), "sixteenths")):
            if set(places) == {f"{b}{p}" for b in range(1, beats + 1) for p in parts}:
                return (rate,)
        return places

    def _except(self, places: tuple[str, ...], i: int) -> tuple[tuple[str, ...], int]:
        """ "every beat except 3", "eighths apart from the and of 4": the places less the exceptions."""
        words = next((w for w in _EXCEPT if self._at(i, *w)), None)
        if not places or words is None:
            return places, i
        j = self._skip(i + len(words), frozenset({"on", "at", "for"}))
        left_out, end = self._places(j)
        if not left_out or not all(_BARE_COUNT.fullmatch(p) for p in left_out):
            return places, i
        if all(_BARE_COUNT.fullmatch(p) for p in places):
            return tuple(p for p in places if p not in left_out), end
        if len(places) > 1:
            return places, i
        return (f"{places[0]} except {' '.join(left_out)}",), end

    def _said(self, i: int, j: int) -> str:
        """The request's words from token i to j, a bar's mark put back as it was typed."""
        refs = iter(self.bar_refs[self.tokens[:i].count(BAR_MARK) :])
        return " ".join(next(refs, "that bar") if w == BAR_MARK else w for w in self.tokens[i:j])

    def _one_bar(self, i: int) -> int:
        """Where "in the last bar", "in bar 2", "every other bar" ends after a place at i, else
        0: constraints hold in every bar, so a place in some bars only is not one of them."""
        t = self.tokens
        j = self._skip(i, frozenset({"in", "on", "for", "during", "of", "the"}))
        if self._at(i, BAR_MARK):
            return i + 1  # "in the last bar", "in bar 2" (`_take_bars` left the mark)
        if j < len(t) and t[j] in _BAR_ORDINALS and j + 1 < len(t) and t[j + 1] in _BAR_NOUNS:
            return j + 2  # "in the last bar", "on every other bar" (after "every")
        if self._at(j, "every", "other") and j + 2 < len(t) and t[j + 2] in _BAR_NOUNS:
            return j + 3
        if j > i and j + 1 < len(t) and t[j] in _BAR_NOUNS and t[j + 1].isdigit():
            return j + 2  # "in bar 2"
        return 0

    def _bar_tail(self, i: int) -> int:
        """Skip "of every bar", "in each bar", "every bar's" after a place."""
        j = i
        while j < len(self.tokens) and self.tokens[j] in _BAR_WORDS:
            j += 1
        return j if any(w in ("bar", "bars", "bar's", "measure") for w in self.tokens[i:j]) else i


# ---------------------------------------------------------------------------------------
# One instrument alone ("just a shaker pattern", "kick only")

_CUES_BEFORE = frozenset({"just", "only", "solo", "purely", "simply"})
_CUES_AFTER = frozenset({"only", "solo", "alone"})
_MAX_FILLERS_BEFORE = 2
_MAX_FILLERS_AFTER = 1
# Words that join a second idea, so a cue across them is not about the instrument.
_BREAKERS = frozenset({"with", "and", "plus", "over", "under", "beat", "groove", "kit", "drums", "band", "on", "at"})


# A group that is one instrument to a drummer: "hi-hat only" is the hi-hat, its track the closed one.
_ONE_INSTRUMENT = {("ch", "oh", "ph"): ("ch",)}


def _single_instrument(tokens: list[str]) -> str | None:
    """The one instrument a request asks for alone ("just a shaker pattern", "only the ride bell").

    "just a funky beat with a cowbell" and "kick and snare only" name more than a lone voice.
    """
    mentions: list[tuple[int, int, tuple[str, ...]]] = []
    i = 0
    reader = _Reader(tokens, [])
    while i < len(tokens):
        voices, end = reader._one_voice(i)
        if voices:
            mentions.append((i, end, _ONE_INSTRUMENT.get(voices, voices)))
            i = end
        else:
            i += 1
    codes = {v for _, _, vs in mentions for v in vs}
    if len(codes) != 1 or len({vs for _, _, vs in mentions}) != 1:
        return None
    code = next(iter(codes))
    for start, end, _ in mentions:
        before = tokens[max(0, start - _MAX_FILLERS_BEFORE - 1) : start]
        for k, word in enumerate(before):
            if word in _CUES_BEFORE and not _BREAKERS.intersection(before[k + 1 :]):
                return code
        if tokens[start - 2 : start] == ["nothing", "but"]:
            return code
        after = tokens[end : end + _MAX_FILLERS_AFTER + 1]
        for k, word in enumerate(after):
            where = tokens[end + k + 1 : end + k + 2] in (["on"], ["at"], ["between"], ["in"])  # "kick only on 1"
            if word in _CUES_AFTER and not _BREAKERS.intersection(after[:k]) and not where:
                return code
        if tokens[end : end + 2] in (["by", "itself"], ["on", "its"]):
            return code
    return None
