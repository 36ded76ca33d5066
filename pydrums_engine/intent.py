"""One reading of a request: what the drummer asked for, parsed once and handed down.

    parse_intent("kick on 1 and 3, snare on 2 and 4, 4 bars at 90 bpm", styles=matcher) -> Intent
        .styles .tempo .bpm .meter .bars .speed .swing .fill .single_instrument .density
        .constraints   (voices x places x rule, e.g. kick / "1", "3" / only)

Nothing after this module reads the raw text for meaning: retrieval, planning, the prompt,
the check and the reply all take the `Intent`. This module reads the request's fields (meter,
bpm, bars, fill, feel) and splits the rest into tokens; `reader.py` reads the voices and
their places from the tokens; `places.py` puts a place on a grid and holds the `Constraint`.

Places stay in the drummer's count ("3", "the and of 2", "the offbeats") until a meter is
known, because the same words land on different steps in 4/4, 12/8 or 7/8; `place_steps`
puts them on a grid. Counting: in x/4 and 12/8 the numbers count beats (12/8: four
dotted-quarter beats of three eighths, "1 & a"); in 6/8, 9/8, 7/8 and 5/8 they count eighths.
A phrase that cannot be placed in the meter is left out and named in ``unplaced``, never
guessed; so are words that name a place but that no form of the reader understood ("flams
on 1 and 3": flams are not a voice), so the reply can say what it left out.

Rules: explicit places ("kick on 1 and 3", "eighth hats") mean exactly there (a drum's
ghost notes aside); named idioms ("four on the floor", "backbeat", "one drop", "half-time")
mean at least there; "no X on P" / "nothing on the one" mean nothing there; "no X", "without X"
mean none at all; "only kick and snare" leaves the other voices out.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Protocol

from .daw_words import daw_plainly
from .instruments import ALIASES, BY_CODE, GROUP_WORDS, list_label, resolve_voices, voices_label
from .languages import in_english
from .limits import BARS_MAX, BARS_MIN, BPM_MAX, BPM_MIN
from .notation import METERS
from .places import ALL_VOICES, COUNT_KEY, RULES, Constraint, counting, place_steps, places_label, places_less
from .reader import Reader, single_instrument
from .reader_words import (
    BAR_MARK,
    BAR_NUMBERS,
    BARE_COUNT,
    CLAUSE_ENDS,
    CORRECTIONS,
    NAMED_PLACES,
    NEGATORS,
    NUMBER_WORDS,
    ORDINALS,
    PER_BAR,
    RATE_WORDS,
    STEP_STRING,
    borrowed,
)
from .reword import joined_cells, plain_words, voice_in
from .sounds import DARBUKA_SAID, USUAL_SOUNDS, beside_their_drum, said_as_sounds
from .variation import fill_voices

__all__ = ["ALL_VOICES", "RULES", "Constraint", "Intent", "StyleFinder", "parse_intent"]


# ---------------------------------------------------------------------------------------
# Constraints and the intent


# What an out-of-range count became instead of being left out: "16 bars (the most a pattern holds: 8)"
LIMITED = "the most a pattern holds"


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
        gone = [c for c in self.constraints if c not in kept]
        dropped = tuple(dict.fromkeys(f"{c.text} (not placeable in {meter_name})" for c in gone))
        named = {v for c in kept for v in c.voices}
        wanted = tuple(  # the voice asked for still plays: "the teks on rim click instead", in 9/8
            dict.fromkeys(
                Constraint(c.voices, ("all",), "present", f"with {voices_label(c.voices)}")
                for c in gone
                if c.rule in ("on", "only") and not named & set(c.voices)
            )
        )
        return replace(self, constraints=kept + wanted, unplaced=self.unplaced + dropped)

    @property
    def limited(self) -> tuple[str, ...]:
        """What was read but held to a limit ("16 bars (the most a pattern holds: 8)")."""
        return tuple(text for text in self.unplaced if LIMITED in text)

    @property
    def not_understood(self) -> tuple[str, ...]:
        """What was left out: the phrases not read or not placeable, the limited ones aside."""
        return tuple(text for text in self.unplaced if LIMITED not in text)

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
        out = list(dict.fromkeys(c.text for c in self.constraints))  # one sentence said as two constraints: once
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
            kind = {"toms": "tom", "snare": "snare"}.get(self.fill) or list_label(fill_voices(self.fill))
            out.append(f"a {kind} fill at the end")
        return out


class StyleFinder(Protocol):
    """What the parser needs to know of the library's styles (`lexical.StyleMatcher`)."""

    def find(self, query: str) -> list[str]: ...


# ---------------------------------------------------------------------------------------
# The parser

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
    "slow blues": "12/8",  # played in 12/8: four big beats of three
    # the dances and cycles whose names are their meters (Balkan aksak, Turkish 9/8, Indian taals)
    "karsilama": "9/8",
    "karshilama": "9/8",
    "daychovo": "9/8",
    "aksak": "9/8",
    "rachenitsa": "7/8",
    "ruchenitsa": "7/8",
    "rachenica": "7/8",
    "lesnoto": "7/8",
    "kalamatianos": "7/8",
    "rupak": "7/8",
    "rupaka": "7/8",
    "paidushko": "5/8",
    "dadra": "6/8",
}

_METER = re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\b")
_IN_QUARTERS = re.compile(r"\bquarter(?:s|[\s-]+notes?)?\b|\b(?:16|sixteen)th")  # no 12/8 has them
# every one-word name of a voice or group, plurals too ("claps"): what may stand before "fill" or "2/4"
_ONE_WORD_VOICES = {re.escape(w) for w in (*ALIASES, *GROUP_WORDS) if w.isalpha()}
_A_VOICE = "|".join(sorted(_ONE_WORD_VOICES, key=len, reverse=True))  # longest first, for an alternation
# "snare on 2/4", "sn 2/4", "kick 1/3": counts after "on" or a voice, not a meter
_SLASH_LIST = re.compile(
    r"\b(on\s+(?:beats?\s+)?|(?:backbeat|" + _A_VOICE + r")(?:\s*[:=]\s*|\s+))"  # "snare: 2/4" too
    r"(\d[&+ea]?(?:\s*/\s*\d[&+ea]?)+)(?!\w|\s*notes?\b)"  # ("ride = 1/4 notes": a note value)
)
# "five beats in each bar", "7 counts per measure": that many quarter beats.
_BEATS_A_BAR = re.compile(
    r"\b(two|three|four|five|seven|[23457])\s+(?:beats?|counts?|quarters|quarter notes)\s+"
    r"(?:in|per|to|a|each|every)\s+(?:each\s+|every\s+|the\s+|a\s+)?(?:bar|measure)\b"
)
# How an odd meter is grouped, in eighths: "2+2+3", "3-2-2", or counted "1-2 1-2 1-2-3".
_GROUPING = re.compile(r"\b[1-9](?:\s*[+-]\s*[1-9]){1,5}\b|(?<=grouped )[1-9](?:\s[1-9]){1,5}\b")  # "2 2 2 3"
_NOT_THIS_METER = re.compile(r"\bnot\s+(?:in\s+)?$")
_METER_AGAIN = re.compile(r"\b(?:that's|it's|thats|its)\s+(?:really\s+|actually\s+)?(?:in\s+)?$")
_COUNTED_GROUPING = re.compile(r"\b1(?:-[2-9])+(?:[\s,]+1(?:-[2-9])+)+\b")
# "7/8 exercise counted 1 2 3 1 2 1 2": the same aloud, after a word that says it is counted
_COUNTED_ALOUD = re.compile(
    r"\b(?:counted|counting|count(?:ed)? it|felt)\s+(?:as\s+|like\s+)?(1(?: [2-9])+(?:,? 1(?: [2-9])+)+)\b"
)  # (and "they count it 1 2, 1 2, 1 2 3")
# "in 5", "in seven": a meter by its count, where nothing after it makes it a number of bars.
_IN_A_COUNT = re.compile(
    r"\bin\s+(three|five|six|seven|nine|[35679])\b(?=\s*(?:$|[,.;:!?)(-]|like|with|and|please|pls|feel|time|now))"
)
_COUNTED_METERS = {3: "3/4", 5: "5/4", 6: "6/8", 7: "7/8", 9: "9/8"}
_MATRAS = re.compile(
    r"\b(three|five|six|seven|nine|[35679])\s+(?:matras?|beat\s+(?:taal|tala|cycle))\b"
)  # a taal's beats
# "1-2-3-4-5-6", "1 2 3 1 2 1 2": counts said aloud in a row, none a place's part ("1&", "1/4")
_COUNT_RUN = re.compile(
    r"(?<![\d/&.:-])\b1(?:(?:\s*[,-]\s*|\s+)[1-9]\b(?![&/]|\.\d|\s*(?:bars?|bpm|x\b)))+(?!\s*[,-]?\s*\d)"
)
# "I count 1 2 3 4 5 with a guitar strum on each number": a bar of five
_COUNTED_TO = re.compile(
    r"\b(?:i|we|you)\s+count(?:s|ed|ing)?\s+(?:it\s+|this\s+)?(?:like\s+|as\s+)?(1(?:[\s,-]+\d)+)\b"
)
_METER_IN_WORDS = re.compile(
    r"(?<!\btwo\s)\b(" + "|".join(w.replace(" ", "[\\s-]") for w in _METER_WORDS) + r")\b(?:\s+time)?"
)  # not "every beat one two three four": counted aloud
# "snare two four", "kick on three four": counts said after their voice, not a meter
_COUNTS_BEFORE = re.compile(r"\b(?:on|" + _A_VOICE + r")\s+$")
_BPM = re.compile(
    r"\b(?:at\s+|tempo\s+(?:of\s+)?)?(\d{2,3})\s*(?:bpm|beats per minute)\b"
    r"|\b(?:(?:at|tempo(?:\s+of)?)\s+|(?:tempo|bpm)\s*[:=,]\s*)(\d{2,3})\b(?!\s*/)"  # "tempo: 96" too
)
_BARS = re.compile(
    r"\b(?:x\s?)?(\d{1,2}|" + "|".join(BAR_NUMBERS) + r")[\s-]*(?:bars?|barz|measures?)\b(?:\s+long)?"  # "5/4 x4 bars"
    r"|\b(?:bars|measures)\s*[:=]\s*(\d{1,2})\b"
)
# Between two sections' lengths: "1 bar of time + 1 bar of fill", "3 bars of groove then 1 bar of fill"
_SECTION_THEN = re.compile(r"\s*of\s+[a-z0-9' -]{1,40}?\s*(?:\+|\band\b|\bthen\b)\s*(?:then\s+|and\s+)?")
# A correction of the bars said before: "2 bars ... actually no, make that 4".
_BARS_AGAIN = re.compile(
    r"\b(?:make|change|makes?)\s+(?:that|it|them)\s+(?:to\s+|into\s+)?(\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\b"
    r"(?!\s*(?:bpm|beats? per|/|%|on|&|\+))"
)
# A bar count taken back as soon as it is said: "4 bars - no, 8", "2 bars, no wait, 3"
_BARS_TAKEN_BACK = re.compile(
    r"\s*[-,–—.]*\s*(?:no|nah|nope|sorry|wait|actually|i mean)[\s,.!-]+(?:(?:wait|sorry|actually|make it)[\s,.!-]+)?"
    r"(\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\b(?!\s*(?:bpm|beats?\b|/|%|on\b|&|\+|and\b|n\b|,\s*\d))"
)
# A length refused, and the one wanted: "16 bars is too long, just give me 4"
_TOO_LONG = re.compile(r"\s*(?:is|are|'s|seems|feels)?\s*(?:way\s+|much\s+)?too\s+(?:long|many|much)\b")
_GIVE_ME = re.compile(
    r"\b(?:give\s+me|make\s+it|do|want|need)\s+(?:just\s+|only\s+)?(\d{1,2}|" + "|".join(BAR_NUMBERS) + r")\b"
    r"(?!\s*(?:bpm|beats? per|/|%|on|&|\+))"
)
# How often, not how long: "crash on 1 every 4 bars" (the reader keeps it as "every few bars").
_EVERY_N_BARS = re.compile(r"\b(?:every|each)\s+(?:\d{1,2}|two|three|four|eight|other)\s+(?:bars?|measures?)\b")
# Which bar, not a count: "in bar 8", "the end of bar 4", "the last bar", "the 2nd measure";
# each is left as one mark (`reader_words.BAR_MARK`).
_BAR_REFERENCE = re.compile(
    r"\b(?:(?:in|of|on|at|for)\s+)?(?:the\s+)?(?:(?:bar|measure)\s+(?:\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\b"
    r"|(?:bars|measures)\s+\d(?:\s*(?:-|to|thru|through|and|&)\s*\d)\b"  # "bars 1-2 just kick and hats"
    r"|(?:last|final|first|second|third|fourth|\d(?:st|nd|rd|th))\s+(?:bar|measure)\b)"
)
# Chat shorthand read as the words it stands for: "w/ a cowbell", "w/o crash".
_SHORTHANDS = {"w/out": "without ", "w/o": "without ", "w/": "with ", "b/w": "between ", "w": "with "}
_SHORTHANDS |= {"teh": "the ", "hte": "the "}
_SHORTHANDS |= {"evry": "every ", "evrey": "every ", "eveyr": "every ", "thats": "that's "}
_SHORTHANDS |= {"bell of the ride": "ride bell "}
_SHORTHANDS |= {"the uh of": "the a of ", "the uh's": "the a's "}  # "the uh of three": the count's "a"
_SHORTHANDS |= {"uh": "", "um": "", "umm": "", "uhh": "", "erm": ""}  # said while thinking (voice-to-text)
_SHORTHANDS |= {"trip-let": "triplet ", "trip let": "triplet ", "one-ee-and-uh": "1 e & a "}  # counted aloud
_SHORTHANDS |= {"right foot": "kick ", "left foot": "hi-hat foot "}  # a teacher's limbs: a right-footed player
_SHORTHANDS |= {"rf": "kick ", "lf": "hi-hat foot "}  # the same, abbreviated
_SHORTHANDS |= {said: "no kick or hi-hat foot " for said in ("no feet", "without feet", "without the feet")}
_SHORTHANDS |= {"hands only": "no kick or hi-hat foot "}  # a drill for the hands
_SHORTHANDS |= {"rf kick": "kick ", "right foot kick": "kick ", "right foot on the kick": "kick "}  # said twice
_SHORTHANDS |= {"in place of": "instead of ", "in the place of": "instead of "}
_SHORTHANDS |= {"never off the": "only on the "}  # "kick never off the numbers": only on them
_SHORTHANDS |= {"jus": "just ", "bt": "beat "}  # gamer chat: "jus kck n snr", "snr bt on 2n4"
# "no open hihat. closed only": the closed hi-hat plays (not it alone)
_SHORTHANDS |= {"closed only": "with closed hat ", "closed ones only": "with closed hat "}
_SHORTHANDS |= {"all over the": "on the "}  # "triplets all over the ride"
# "the hat opens on every other eighth (the ands) and is closed on the rest": the closed hat, on the others
_SHORTHANDS |= {f"and {be} closed on the rest": ", closed hat on the rest of the 8ths " for be in ("is", "stays")}
_SHORTHANDS |= {f"{half} show": "show " for half in ("halftime", "half-time", "half time")}  # a football game's
_SHORTHANDS |= {f"{how} on top of": "on top of " for how in ("right", "directly", "sitting", "sits", "sat")}
_SHORTHANDS |= {f"{said} {note}": f"{value} {note} " for said, value in (("eight", "8th"), ("sixteen", "16th"))
                for note in ("note", "notes")}  # fmt: skip  # dictated: "eight notes on the hat"
# Built from the table, so a shorthand added there is read: the slashed ones as typed, "w" only
# before a word, every other one as whole words ("w/out" before "w/"; "in the place of" before "in")
# A numbered or bulleted list's marks ("1) kick on 1 and 3 2) snare 2 and 4", "- no crash") are
# not counts, nor are the items' numbers where an item is named again ("make 2) the e of 3")
_ITEM_NUMBER = re.compile(r"(?<![\w&+(])\d\)(?=[\s,.;:]|$)|[()]")  # "2)" not closing a "(" of its own
_BULLET = re.compile(r"(?:^|(?<=\n))\s*(?:[-*•]|\d\.)\s+")
_LINE_BREAK = re.compile(r"\s*\n\s*")  # each line of a pasted list is a clause of its own
# an emoji between two thoughts is a pause ("just drums 🥁 tom groove"), inside one it is nothing
# ("claps instead 👏 on 2 n 4")
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d]+(?!\\s*(?:(?:on|at|in|to)\\b|[\\d&+(]))")
# "closed hats on the e and the a of every beat": both parts, of every beat
_PARTS_OF_EVERY_BEAT = re.compile(
    r"\bthe\s+(e|a|and|&)\s+(?:and|&|\+)\s+the\s+(e|a|and|&)\s+of\s+(every|each)\s+(beat|count)\b"
)
# "keep 2 and 4 solid till then": a backbeat said by its counts alone
_KEPT_BACKBEAT = re.compile(
    r"\b((?:keep|keeping|hold|holding)\s+(?:the\s+)?)(?=(?:2|two)\s*(?:and|&|n|\+)\s*(?:4|four)\b(?!\s+(?:on|for|with)\b))"
)  # (not "keep 2 and 4 on the clap": that voice's)
# "left foot hat on 2 and 4", "left foot chicks the hat on every &": the hi-hat's pedal, said once
_LEFT_FOOT_HAT = re.compile(
    r"\b(?:left\s+foot|lf)\s+(?:chicks?\s+|plays?\s+|on\s+|does\s+)?(?:the\s+)?(?:hi-?hats?|hh|hats?)(?:\s+pedal)?\b"
)
# "right hand on the floor tom", "lh backbeat": the hand that plays a voice, not a voice of its own
_HAND = re.compile(
    r"\b(?:(?:right|left)\s+hand|rh|lh|both\s+hands)\b(?:\s+(?:plays|does|goes|on(?=\s+the\s)))?"
    r"|\b(?:w/|with)\s+(?:the\s+)?(?:left|right)(?:\s+hand)?\b(?=\s+on\b)"  # "snare w/ the left on 2 and 4"
)
# "kick snare hats -> 1 3 / 2 4 / 8ths", "1 e + a 2 e + a -> kik on 1": what follows says it
_ARROW = re.compile(r"\s*(?:->|=>|→)\s*")
# "no kick on any of the quarter notes": on them
_ANY_OF = re.compile(r"\b(on|at)\s+(?:any|either|one)\s+of\s+(?=the\b|\d)")
# "no kick on the quarter notes, offbeats only": a "not there" then where it plays
_NOT_THERE_ONLY_HERE = re.compile(
    r"\b(no|not|don't|dont|never|without)\b([^.;!?]{0,60}?),\s*(?:the\s+)?"
    r"((?:off|up|down)beats|ands|quarters|quarter notes|eighths|8ths|e's|a's)\s+only\b(?!\s+(?:on|for|in|with)\b)"
)
# "..., then beat 5 just hats nothin else": that beat's one voice, a clause of its own (not
# one more place of the snare said before it, nor "only hats" for the whole groove)
_BEAT_JUST = re.compile(
    r"(?:,\s*)?\b(?:then\s+|and\s+)?(?:on\s+)?((?:beat|count)\s+\d)\s+(?:just|only)\s+"
    r"((?:the\s+)?(?:" + _A_VOICE + r"))\b(?:\s*,?\s*(?:and\s+)?nothin[g']?\s+else\b)?(?=\s*(?:[,.;!?)]|$))"
)
# "snare a 16th late on 2 and 4", "the kick an eighth early on 3": a count nudged by a note value
_NUDGED = re.compile(
    r"\b(?:a|an|one)\s+(16th|sixteenth|8th|eighth)(?:\s+note)?\s+(late|after|behind|early|before|ahead\s+of)\s+"
    r"(?:on\s+|of\s+)?(?:the\s+)?([1-9])(?:\s*(?:,|and|&|n|\+)\s*([1-9]))?\b"
)
# "a snare roll into the downbeat at the end": the fill that leads back to the top
_INTO_THE_ONE = re.compile(r"\b(rolls?|fills?)\s+(?:in)?to\s+the\s+(?:downbeat|one|1|top)\b")
# "kick (1/3)", "sn [2, 4]", "rim (4)": a voice's counts in brackets are its places; "... / maracas =
# 8ths", "... + kick (1, 3&)": a slash or a plus before a voice and its field starts a clause
# (not "kick [0, 3, 10]": step numbers, `steps_said`; "backbeat (2/4)" is no meter, "backbeat (2 and 4)"
# says the backbeat again; "dotted quarters on the bell (1, 2&, 4)" says the rate again)
_BRACKETED = re.compile(
    r"(?<!\bon\sthe\s)(?<!\bon\s)\b(backbeat(?=\s*[(\[]\s*\d\s*/)|"
    + _A_VOICE
    + r")\s*[(\[]\s*((?:[1-9](?!\d)[&+ea]?|\s|,|/|and|&|\+)+?)\s*[)\]]"
)
_FIELD_JOIN = re.compile(r"\s[/+]\s+(?=(?:the\s+)?(?:" + _A_VOICE + r")\s*[:=(\[@])")
_AT_SIGN = re.compile(r"\s*@\s*")
# "snare on every beat with the tamb right on top of it", "a clap on top of the snare": the same
# places (a shaker "on top of it" alone is one more sound over the groove: `_with`)
_ON_TOP_OF = re.compile(
    r"\b(?:with\s+(?:the\s+|a\s+)?(" + _A_VOICE + r")\s+(?:right\s+|directly\s+)?on\s+top\s+of\s+(it|that)"
    r"|(?:the\s+|a\s+)?(" + _A_VOICE + r")\s+(?:right\s+|directly\s+)?on\s+top\s+of\s+(the\s+(?:" + _A_VOICE + r")))\b"
)
_FRACTION_NOTES = re.compile(r"\b1\s*/\s*(4|8|16)(?:th)?(?=\s*notes?\b|s\b)")  # "ride = 1/4 notes"
_FRACTION_NAMES = {"4": "quarter", "8": "eighth", "16": "sixteenth"}
# "ride does the ding ding ding instead", "the ride takes it instead": it plays in their place
_DOES_IT_INSTEAD = re.compile(
    r"\b(" + _A_VOICE + r")\s+(?:does|do|takes|take|handles|handle|gets|get)\s+"
    r"(?:it|that|them|the\s+(?:time|job|part|pattern|work|time\s*keeping)|the\s+([a-z]+)(?:[\s-]+\2)+)\s+instead\b"
)
# "nothing on the one ... hat 8ths otherwise": the rest of the eighths; "the snare can go on two
# and four as usual": on them
_RATE_OTHERWISE = re.compile(
    r"\b("
    + _A_VOICE
    + r")\s+(?:on\s+)?(?:the\s+)?(8ths|eighths|16ths|sixteenths|quarters|quarter\s+notes)\s+otherwise\b"
)
_MODAL_ON = re.compile(
    r"\b(?:can|could|should|will|may|might|must|would|gotta|got\s+to|ha(?:ve|s)\s+to|needs?\s+to)\s+"
    r"(?:go|sit|land|stay|be|play|hit)\s+(on)\b"
)  # "the main snare hits gotta land on 5 and 13"
# "kick snare n crash all together on every 8th": together there
_ALL_TOGETHER = re.compile(r"\ball\s+(?:together|at\s+once|in\s+unison)(?=\s+on\b)")
# "hats in fast 16ths", "shaker going the whole time in 16ths": the rate, said with its colour
_RATE_COLOURED = re.compile(
    r"(?:\s+the\s+whole\s+(?:time|way))?\s+(in|on|doing|playing)\s+(?:fast|quick|rapid|steady|constant|tight)\s+"
    r"(?=(?:16ths|sixteenths|8ths|eighths|32nds|triplets)\b)"
    r"|\s+the\s+whole\s+(?:time|way)\s+(?=in\s+(?:16ths|sixteenths|8ths|eighths|32nds|triplets)\b)"
)
# "2 and 4", "1, the 2& or 3": counts and their parts in a list (the rewrites below)
_COUNTS = r"\d[&ea]?(?:\s*(?:,|and|&|n|or)\s*(?:the\s+)?\d[&ea]?)*"
# "shaker filling all 16 steps", "hats covering every 16th": on all of them
_FILLING_ALL = re.compile(
    r"\b(?:filling|covering|hitting)\s+(?=(?:all|every|each)\s+(?:the\s+)?(?:16|16th|sixteenth|8th|eighth)\b)"
)
# "dont put anything on 2 and 4 on the snare": not the snare there; "dont put anything on 3": nothing there
_NOT_ANYTHING_ON = re.compile(
    r"\b(?:don'?t|do\s+not|never)\s+(?:put|play|have|add)\s+anything\s+(?:at\s+all\s+)?on\s+"
    rf"((?:the\s+)?{_COUNTS})(?:\s+on\s+(?:the\s+)?(" + _A_VOICE + r"))?\b"
)
# "four to the bar on the bass drum", "kick 4 to the floor": every beat
_FOUR_TO_THE = re.compile(r"\b(?:four|4)[\s-]+to[\s-]+the[\s-]+(?:bar|floor)\b")
# "leave the tom toms alone this time", "no tom stuff": without them
_LEAVE_ALONE = re.compile(r"\bleave\s+(?:the\s+|my\s+|your\s+|those\s+)?((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+alone\b")
_VOICE_STUFF = re.compile(
    r"(?:(?<=\bno\s)|(?<=\bany\s)|(?<=\bor\s)|(?<=\bnor\s)|(?<=\bwithout\s))"
    r"([a-z-]+(?:\s+[a-z-]+)?)\s+(?:stuff|things?|business)\b"
)  # (what is left out; "(yeah the clave thing)" says what a pattern is)
# "keep the kick OFF the 2 and 4, claps live there": the claps' places
_LIVE_THERE = re.compile(
    rf"\b(off|on)\s+(?:the\s+)?({_COUNTS})\s*[,;-]+\s*(?:the\s+|my\s+)?("
    + _A_VOICE
    + r")\s+(?:live|lives|go|goes|sit|sits|belong|belongs|land|lands)\s+there\b"
)
# "swap the clap out for a rim": swap it for one; "i want em on the 2": them
_SWAP_OUT = re.compile(r"\b(swap|switch|trade)\s+((?:the\s+|my\s+)?[a-z-]+)\s+out\s+(?=for\b)")
_EM = re.compile(r"(?<=\s)'?em(?=\s+on\b)|(?<=\bon\s)'?em\b")  # "i want em on 2", "ride on em"
# "accents on the hat quarters if you can": how loud, not where it plays (its rate is said elsewhere)
_ACCENTS_ON = re.compile(
    r"\baccents?\s+on\s+the\s+(?:(?:"
    + _A_VOICE
    + r")\s+)?(?:quarters|quarter\s+notes|downbeats)\b(?:\s+if\s+you\s+can)?"
)
# "no cymbals at all except closed hat": the cymbals but that one
_AT_ALL_EXCEPT = re.compile(r"\b(no\s+cymbals?)\s+at\s+all\s+(?=except|but|other\s+than|apart\s+from)")
# "... thats literally all i want": nothing else plays; "keep the crash out, ride is fine": the ride plays
_ALL_I_WANT = re.compile(
    r"\b(?:that'?s|thats|this\s+is)\s+(?:literally\s+|really\s+|honestly\s+)?(?:all|everything)\s+(?:i|we)\s+"
    r"(?:want|need)\b(?!\s+(?:is|to|for\s+the))"
)
_VOICE_IS_FINE = re.compile(
    r"(?:^|(?<=[.;,!?]))\s*(?:(?!just\b|only\b)[a-z]+\s+)??(?:the\s+|a\s+|some\s+)?(" + _A_VOICE + r")"
    r"(?:\s+(and)\s+(?:the\s+|a\s+|some\s+)?(" + _A_VOICE + r"))?"  # "soft kick and a shaker is plenty"
    r"\s+(?:is|are)\s+(?:fine|ok|okay|cool|allowed|plenty|enough)\b"  # (not "just kick and snare is fine")
)
# "the kick in the times 1 and 3", "ride on all the times": a beat said as a time (tiempo, temps)
_TIMES_AS_BEATS = re.compile(
    r"\b(?:in|on|at)\s+the\s+times?\s+(?=\d)|\b(on\s+)?(?:(all\s+the)\s+times\b|(each|every)\s+time\b(?=\s*(?:[,.;)(!?]|$)))"
)
# "on the 'und' from 2": the "&" of 2, said with a German "von"
_AND_FROM = re.compile(r"\b(?:the\s+)?'?(?:und|and|&)'?\s+from\s+(?:the\s+)?(?=\d)")
# "the cymbal ride", "hihat must open on every offbeat", "only the closed one": a Romance word order
_ROMANCE_ORDER = re.compile(
    r"\bcymbal\s+(?=ride\b|crash\b)|\b(?:must|should|can|will|gotta|ha(?:s|ve)\s+to|needs?\s+to)\s+(open)\s+(?=on\b)"
    r"|\bonly\s+the\s+(closed)\s+ones?\b"
)
# "open on every contratempo", "nothing of kick on the 1", "hihat abierto": Spanish and Portuguese words
_ROMANCE_WORDS = re.compile(
    r"\bcontra[\s-]?tiempos?\b|\bcontratempos?\b(?!\s+d[oe]\b)|\bnothing\s+of\s+(?=(?:the\s+)?[a-z])|\b(hi-?hats?|hats?|hh)\s+abiert[oa]s?\b"
)
# "end it with a big finish on the snare": a snare fill
_FINISH_ON = re.compile(r"\b(?:a\s+)?(?:big\s+|little\s+|lil\s+)?finish\s+on\s+(?:the\s+)?(" + _A_VOICE + r")\b")
# "**kick**", "__snare__": a pasted text's bold; "| kick | 1, 3 |": a table's row is a line "kick: 1, 3"
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\w)|(?<=\w)\*(?![\w*])")
_TABLE_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{2,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*$", re.M)
_TABLE_ROW = re.compile(r"^[ \t]*\|([^|\n]+)\|([^\n]*?)\|?[ \t]*$", re.M)
_CELL_AFTER_VOICE = re.compile(
    r"\b(" + _A_VOICE + r")\s*\|\s*(?=\d|(?:all|every|none|quarters|8ths|16ths|eighths|sixteenths|offbeats)\b)"
)  # (not a step string's bar line, "hh |x-x-|")
_STEP_CELLS = re.compile(r"[x.\-o]{4,}")  # "| hh | x.x.x.x. |": a step string
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]*", re.M)
# "hat: 1-6", "ride 1 - 5": every count from the first (a range of two, "2-4", is the backbeat's pair)
_RANGE_FROM_ONE = re.compile(
    r"(?<![\d/.&-])(?<!\bbars\s)(?<!\bbar\s)(?<!\bmeasures\s)\b1\s*-\s*([5-9]|1[0-2])\b"
    r"(?![\d/&-]|\s*(?:bars?|bpm|measures?))"
)
# "the snare on 3 keeps clashing with where my lyric lands, so ...": a complaint, not a wish
_CLASHING = re.compile(r"(?:^|(?<=[.;!?]))[^.;,!?]*\b(?:keeps?\s+clashing|clash(?:es)?\s+with)\b[^.;,!?]*[,;]?")
# "no snare on 2!! only on 4", "no snare on 3 anywhere. 2 and 4 are fine tho": the same voice's places
_NOT_HERE_BUT_THERE = re.compile(
    r"\b(no|not|dont|don't|never)\s+(?:the\s+|a\s+)?(" + _A_VOICE + r")\s+on\s+([^.;!?,]{1,30}?)\s*[.;!?,]+\s*"
    r"(?:(?:but\s+)?((?:only|just)\s+on)\b"
    rf"|(?:but\s+)?((?:the\s+)?{_COUNTS})\s+(?:are|is)\s+(?:fine|ok|okay|good|cool)\b)"
)
# "no open hats on the offbeats - keep em closed": the closed hat plays there
_KEEP_EM_CLOSED = re.compile(
    r"\bno\s+open\s+(hi-?hats?|hats?|hh)\s+on\s+([^,.;!?-]+?)\s*[-,;.]*\s*(?:just\s+|but\s+)?keep\s+(?:em|them|'em|it|those)\s+closed\b"
)
# "kick never on 2 or 4, those are the snare's": the snare's places
_THOSE_ARE = re.compile(
    r"\b((?:\d[&ea]?)(?:\s*(?:,|or|and|&)\s*\d[&ea]?)*)\s*,?\s+(?:those|these|they)(?:\s+are|'re)\s+(?:the\s+)?("
    + _A_VOICE
    + r")'s\b"
)
# "avoid: crash", "leave out - toms", "don't want = cowbell": a template's field of what must not play
_NEGATED_FIELD = re.compile(
    r"\b((?:"
    + "|".join(sorted(NEGATORS - {"no", "not", "never", "zero", "don't"}, key=len, reverse=True))
    + r"|leave\s+out|(?:don'?t|do\s+not)\s+want))\s*(?:[:=]|-{1,2}|[\u2013\u2014])\s*"
)
_SHORTHAND = re.compile(
    r"(?<![a-z/])("
    + "|".join(re.escape(k) for k in sorted(_SHORTHANDS, key=len, reverse=True) if "/" in k)
    + r"|\bw\b(?=\s+[a-z])|"
    + "|".join(rf"\b{re.escape(k)}\b" for k in sorted(_SHORTHANDS, key=len, reverse=True) if "/" not in k and k != "w")
    + r")\s*"
)
# "K: 1 3 | S: 2 4 | H: 8ths", "5/8 | K 1 | S 4": a voice by its first letter, heading a list of
# places (at the start, after a separator or a count, before a count or a note value)
_LETTER_VOICES = {"k": "kick", "s": "snare", "h": "hats"}
_LETTERS_DEFINED = re.compile(r"\b[a-z]\s*(?:=|is\b|means\b)\s*(?:the\s+)?[a-z]{3,}")  # "b = kick, k = snare"
_DARBUKA_LETTER = re.compile(r"(^|[|;,/:.!?]\s*|\s)([dt])\s+(?=(?:on|at)\s)")
_LETTER_VOICE = re.compile(
    r"(^|[|;,/:]\s*|(?<=\d)\s+|(?<=[x.-])\s+|(?<=[\s?!])(?=k\b))([ksh])\b\s*[:|]?\s*"
    r"(?=(?:together\s+)?(?:(?:on|at)\s+(?:the\s+|all\s+|every\s+)?)?"
    r"(?:\d|(?:8|16|32)ths\b|eighths|quarters|sixteenths|offbeats|upbeats|beats\b|every\b|(?:[&+]|and|e|a)\s+of\b)"
    r"|\|?[xo.-]{4,})"
)  # (and a tab pasted line by line: "HH: x-x-x-x-x-x-x-x- SD: ----x-------x--- K: x-------x-x-----"; "k" anywhere
# before its places: "ride on qtrs?? k 1n3 sn 2n4", "hh 8ths k on 1 1& n 3")
# "cross stick on the snare": the drum a cross-stick is played on, not a place for it
_ON_THE_SNARE = re.compile(
    r"\b(cross[\s-]?sticks?|cross[\s-]?sticking|side[\s-]?sticks?|rim[\s-]?(?:clicks?|shots?)|rims?)"
    r"\s+on\s+(?:the\s+|my\s+)?snare(?:\s+drum)?\b"
)
# "drop the hat wherever the snare is": a voice's places named by another voice, said as places
_WHERE_VOICE = re.compile(
    r"\b(?:on\s+)?(wherever|whenever|where|when)\s+(?=(?:the\s+|my\s+)?[a-z-]+\s+(?:is|hits|plays|lands|goes|does)\b)"
)
# "the ands of 2 and 4", "the e's of 1 and 3": that part of each count named
_PARTS_OF = re.compile(r"\bthe\s+(ands|&s|e's|es|a's|as)\s+of\s+(\d(?:\s*(?:,|and|&|n)\s*\d)+)\b")
_PART_OF = {"ands": "and", "&s": "and", "e's": "e", "es": "e", "a's": "a", "as": "a"}


# "dotted 8ths on the closed hat (so 1, 1a, 2&, 3e, 4 and restart every bar)": counts said in an
# aside just after a dotted rate are the ones meant (without one, the rate is a place of its own)
_DOTTED = re.compile(
    r"(?:\b(in|on|playing|plays)\s+)?\bdotted[\s-]+(?:8th|eighth|quarter)(?:[\s-]*notes?|s)?\b"
    r"(?!\s*,\s*(?:\d|sixteenth|eighth|quarter))"  # "dotted 8th, 16th, quarter" is a figure, not a rate
)
_DOTTED_ASIDE = re.compile(r"[^(),.;]{0,60}?\(([^()]*)\)")
_ASIDE_COUNT = re.compile(r"\b\d(?:&|\+|e\b|a\b)?")


# Rudiments are played on the snare: "throw a diddle on the a of 4", "press roll on the a of 4
# going into the 1"; after a voice they say how it plays ("snare buzz roll on the & of 2")
_RUDIMENT = re.compile(
    r"(\b[a-z]+\s+)?\b(?:(?:buzz|press|crush)[\s-]?rolls?|diddles?|ruffs?|drags?)\b(?=\s+(?:on|at)\b)"
)


# "disco hats: closed on the numbers, open on every &": the closed hat, where the hats are what the
# request speaks of (not "it stays closed on 1"; "open on ..." is the hats' opening, read as such)
_HATS_SAID = re.compile(r"\b(?:hi[\s-]?hats?|hats?|hh|hihats?)\b")
_HAT_STATE = re.compile(
    r"(?<!\bit )(?<!\bleave )(?<!\bkeep )(?<!\bstays )(?<!\bstay )(?<!\bleft )(?<!\bis )"
    r"\b(closed)(?=\s+(?:on|at)\b)"
)


def _rudiment(match: re.Match[str]) -> str:
    before = match[1] or ""
    return before if before and resolve_voices(before.strip()) else f"{before}snare"


def _dotted(low: str) -> str:
    """ "dotted quarters on the bell (1, 2&, 4)" -> "1, 2& and 4 on the bell"."""
    out, at = [], 0
    for m in _DOTTED.finditer(low):
        aside = _DOTTED_ASIDE.match(low, m.end())
        counts = [c.replace("+", "&") for c in _ASIDE_COUNT.findall(aside[1])] if aside else []
        if len(counts) < 2:
            continue
        said = ", ".join(counts[:-1]) + f" and {counts[-1]}"
        out += [low[at : m.start()], f"on {said}" if m[1] else said, low[m.end() : aside.start(1) - 1]]
        at = aside.end()
    return "".join(out) + low[at:] if out else low


def _each_part(match: re.Match[str]) -> str:
    part = _PART_OF[match[1]]
    return " and ".join(f"the {part} of {n}" for n in re.findall(r"\d", match[2]))


# "snare (or rim, idc) on the 4": chat asides that say nothing of the groove
_CHAT_ASIDE = re.compile(
    r"[,\s]*\b(?:idc|idk|lol|lmao|tbh|imo|imho|ngl|btw|fwiw|iykyk)\b"
    r"|(?<![/|&+,]\s)(?<![/|&+,])(?<!\band\s)\boh\b(?=\s+(?:and|wait|yeah|yes|no|also|ok|okay|right|sorry|man|well)\b|\s*[,!])"
)  # (and "oh" said, not typed for the open hat: "oh and cowbell on every quarter", "oh wait")
# "tambo on every e+a", "every e": the e's (and a's) of every beat
_EVERY_E_A = re.compile(r"\b(?:every|each)\s+e\s*(?:\+|&|and|n)\s*a\b|\b(?:every|each)\s+e\b(?!\s+of)")
# "hats 16s", "8s on the ride": note values said short
_SHORT_RATE = re.compile(r"\b(8|16|32)s\b")
_SHORT_RATES = {"8": "8ths", "16": "16ths", "32": "32nds"}
# "the snare shouldnt be on 4", "doesnt need a crash": a negation typed without its apostrophe
_NO_APOSTROPHE = re.compile(r"\b(should|does|do|is|are|must|did|would|ca|wo)nt\b")
# "2 an 4", "1 an 4": "and" typed short between two counts.
_VOICE_IS = re.compile(r"\b([a-z]+)'s\b")
_AN_BETWEEN_COUNTS = re.compile(
    r"(?<=\d)\s*n\s*(?=\d)|(?<=[\d&])\s+an\s+(?=\d|the\s+(?:and|&|e|a)\s+of\b)"  # "2n4", "1 an the and of 2"
    r"|(?<=\d)\s+an\s+(?=(?:" + _A_VOICE + r")\b)"  # "snare on 3 an kick on 3"
)
_VOICE_AN_VOICE = re.compile(r"\b(" + _A_VOICE + r")\s+an\s+(?=(?:" + _A_VOICE + r")\b)")  # "kick an snare"
# Jamaican spellings in a reggae player's request: "hat on di ands", "no kick pon the 1", "nuttn on the numbers"
_PATOIS = re.compile(r"(?<!\bka\s)(?<!\bthe\s)\b(?:di(?!\s+(?:box|signal|out|input|mi|of)\b)|pon|nutt?[ie]?n|wid)\b")
_PATOIS_WORDS = {"di": "the", "pon": "on", "wid": "with"}
_KONNAKOL = re.compile(r"\bta\s+ka\b|\bka\s+di\b|\bkonnakol\b")  # where "di" is a syllable counted
# "nothing on the one!! kick comes in on the and of 1": the end of a sentence.
_EXCLAIMED = re.compile(r"[!?]+")
# "snare w brushes on 2 n 3": how it is played says nothing of where.
# "a rack tom hit on the e of 3 and floor on 4", "just kick and toms ... need the floor going": with
# the toms spoken of, "floor" alone is the floor tom (not the floor of "four on the floor")
_TOMS_SAID = re.compile(r"\b(?:rack|toms?)\b")
_FLOOR_ALONE = re.compile(r"(?<!\bon\s)(?<!\bon\sthe\s)(?<!\bon\sa\s)\bfloor\b(?![\s-]*(?:toms?|tom-tom)\b)")
# "hat mic straight 8ths", "snare top on 2 and 4": a drum's microphone or channel is the drum
_MIC = re.compile(
    r"\b(kick|snare|hats?|hi-?hats?|hh|toms?|ride|crash|floor(?:\s+tom)?|rack(?:\s+tom)?)\s+"
    r"(?:mics?|top|bottom|channel|chan)\b(?!\s+(?:of|only|alone|solo)\b)"
)
_TECHNIQUE = re.compile(
    r"\b(?:with|using|on|played with)\s+(?:the\s+|some\s+)?(?:brushes|mallets|hot rods|rods|sticks)\b"
)
# "kick locks w my bass on 1 and the & of 2": another player's part the drums go with is no voice
_BAND_PART = re.compile(
    r"\b(?:in\s+sync\s+|together\s+|along\s+|tight\s+)?(?:with|alongside)\s+(?:my|the|our|his|her|their)\s+"
    r"(?:bass(?:ist|line|\s+line|\s+player|\s+guitar)?|guitar(?:ist|\s+riff)?|riff|keys|piano|synth|vocals?|singer)\b"
    r"(?!\s+drum)"  # "with the bass drum on one and three" is the kick
)
# "DUM = kick": a word of the request's own for a voice (up to three words: "floor tom").
_DEFINED = re.compile(r"\b([a-z]{2,12})\s*=\s*(?:the\s+)?([a-z][a-z-]*(?:\s[a-z][a-z-]*){0,2}?)(?=\s*(?:[,.;:)]|$))")
# Bars named by number ("bars 1-2 just kick and hats, snare comes in bar 3"): the pattern is at
# least as long as the last one named
_BAR_NUMBERED = re.compile(
    r"\b(?:bars?|measures?)\s+(\d)(?:\s*(?:-|to|thru|through|and|&|\+)\s*(\d))?\b(?!\s*(?:/|bars?))"
)
# The bar a fill ends, which makes the pattern that long: "fill at the end of bar 4", "fill in bar 8".
_FILL_BAR = re.compile(r"\bend\s+of\s+(?:bar|measure)\s+(\d)\b|\bfills?\s+(?:in|on|at)\s+(?:bar|measure)\s+(\d)\b")
# "the cymbal that goes tss", "the drum that goes boom": a voice named by its sound.
# "the cymbal that goes tss": a drum by its sound (the sounds' table is `sounds.USUAL_SOUNDS`; a
# sound said once names the hi-hat, open or closed)
_SOUND_VOICES = {word: "hats" if voice == "closed hat" else voice for word, voice in USUAL_SOUNDS.items()}
_SOUND_VOICES |= {"tsss": "hats", "tsst": "hats", "crack": "snare", "crash": "crash"}
_A_SOUND = "|".join(_SOUND_VOICES)
_SOUNDS_LIKE = re.compile(
    r"\b(?:cymbal|sound|one|thing|drum)\s+(?:that|which)\s+(?:goes|sounds)\s+(?:like\s+)?(?:a\s+)?("
    + _A_SOUND
    + r")\b|(?<=\bthe\s)("
    + _A_SOUND
    + r")\s+(?:thing|sound|noise|one)\b"  # "the tss thing"
)
# "crash one time at the start of the bar": once (a count of times, not the one).
_ONE_TIME = re.compile(r"\b(?:one|1)\s+time\b")
# "... the and of 3 -- snare cracking on 2 and 4": a dash between words ends a clause.
# The clave's direction, not places: "son clave 3-2", "a 2:3 rumba clave"
_CLAVE_SIDE = re.compile(
    r"(clave[sz]?\s+(?:on\s+(?:the\s+)?(?:rim|cross[\s-]?stick|side[\s-]?stick|block|snare)\s+)?\(?)[23]\s*[-:]\s*[23]\b"
    r"|\b[23]\s*[-:]\s*[23](\s+(?:son\s+|rumba\s+)?clave)"
)  # (and "clave on the rim 2-3")
_PARTS_SLASHED = re.compile(r"\b(e's|a's|es|as|ands|&s)\s*/\s*(e's|a's|es|as|ands|&s)(?!\w)")
_FIL = re.compile(r"\bfil\b|(?<=[a-z])-(?=fills?\b)")  # "tom fil", "a tom-fill"
_CLAUSE_END = re.compile(r"[,;.]")
# "a bar of 4 glued to a bar of 3" (not "one bar of four on the floor"): what a bar holds
_A_BAR_HOLDS = re.compile(r"\s+of\s+(?:\d|one|two|three|four|five|six|seven)\b(?!\s+(?:on|to)\s+the)")
# "a for bar loop", "gimme to bars" (typed by voice): a count of bars
# "one crash a bar", "two claps per measure", "once a bar": how many hits in each bar, not a bar
# count nor a bar named ("four kicks per bar one on each beat" is not bar 1); one token, `PER_BAR`
_HITS_A_BAR = re.compile(
    r"\b((?:one|two|three|four|five|six|single|[1-9])\s+(?:"
    + _A_VOICE
    + r")(?:e?s)?(?:\s+(?:hits?|notes?))?|once|twice)\s+(?:a|per|each|every|in\s+each|in\s+every|in\s+the)\s+"
    r"(?:bar|measure)\b"
)
_BARS_SAID_AS = re.compile(r"\b(a|me|gimme|like|just|maybe|do|make|only)\s+(for|fore|to|too)([\s-]+bars?)\b")
# "snare backbeat only on 3 cuz half time": the snare's one hit, said where the backbeat would be
_BACKBEAT_ONLY_ON = re.compile(r"\b(snare|clap|claps|rim|cross[\s-]?stick)\s+backbeats?\s+(?=(?:only|just)\s+on\b)")
# "the snare stays OUT of 2 and 4": off those counts ("keep the kick out of it" is `_kept_out`'s)
_OUT_OF_COUNTS = re.compile(
    r"\bout\s+of\s+(?=(?:beats?\s+)?\d|the\s+(?:one|two|three|four|backbeat|downbeats?|offbeats|numbers)\b)"
)
# "nothing fancy on top, just the hat": the one cymbal up top, not a single-instrument request
_ON_TOP_JUST = re.compile(r"\bon top,?\s+(?:just|only)\s+(?:the\s+)?([a-z-]+(?:\s(?:hat|cymbal))?)\b")
# "4 bars of mozambique, bell on the quarters": in an Afro-Cuban groove the bell is the cowbell
_AFRO_CUBAN = re.compile(
    r"\b(?:mozambique|songo|salsa|mambo|cha[\s-]?cha|bemb[eé]|afro[\s-]?cuban|guaguanc[oó]|timba|rumba)\b"
)
_PLAIN_BELL = re.compile(r"(?<!\bride\s)(?<!\bcow\s)(?<!\bthe ride's\s)\bbell\b(?!\s+of\s+the\s+ride)")
# "cowbell doing the standard bell": the bell pattern the cowbell plays, not the ride's bell
_COWBELL_PATTERN = re.compile(
    r"(\bcow\s?bell\b[^.;]*?\b(?:standard|usual|typical|classic|basic|normal|long|short)\s+)bell\b"
)
_DASHED = re.compile(r"\s+(?:-{1,2}|[\u2013\u2014])\s+")
# "a tresillo kick - 1, 2& and 4": a dash between a voice and its counts says where it plays
# ("ride - quarters kick - 1 and 4": the rate is the ride's, not a "quarter-note kick")
_VOICE_DASH = re.compile(
    r"\b(" + _A_VOICE + r")\s+(?:-{1,2}|[\u2013\u2014])\s+"
    r"(?=\d|the\s+(?:and|&|e|a)\s+of\b|(?:" + "|".join(RATE_WORDS) + r"|(?:off|up|down)beats|(only|just|on|at))\b)"
)
# "every single triplet", "each and every beat": every.
_EVERY_SINGLE = re.compile(r"\b(?:every\s+single|each\s+and\s+every)\b")
# "(1 e & a 2 e & a - that e right after 2)": an aside that counts out loud places nothing.
_COUNT_CHANT = re.compile(r"\([^()]*\b1\s+e\s+(?:&|and|n|\+)\s+a\b(?:\s+(?:2|all)\b[^()]*)?\s*\)")
# "2-and", "4-n": the count's "&" written with a hyphen.
# "bursts: 1, 1e, 1& and again 3, 3e, 3&": the list goes on
_AND_AGAIN = re.compile(r"\s+and\s+(?:then\s+)?again\s+(?=\d)")
# "keep the kick off the 1 and off the 3": one list of places it stays off
_AND_OFF = re.compile(r"(\boff\s+(?:the\s+)?\d[^\s,]*)\s+and\s+off\s+(?=(?:the\s+)?\d)")
_HYPHEN_AND = re.compile(r"\b(\d)-(?:and|n)\b")
# Numbers that are a step sequencer's or piano roll's steps, not the count: "steps 1, 7 and 11".
_STEP_GRID = re.compile(
    r"(?<!\ball\s)(?<!\bevery\s)\b(?:16|sixteen)[\s-]*steps?\b|\bpiano[\s-]?roll\b|\bstep\s+(?:sequencer|grid)\b"
)  # ("shaker on all 16 steps" is a place)
# "5/4 loop so 20 steps a bar": the sixteenths of a meter of quarters, numbered
_STEPS_A_BAR = re.compile(r"\b(12|20|24|28)[\s-]*steps?\s+(?:a|per|each|in\s+a)\s+bar\b")
# "open hat on every offbeat step", "keep the & steps clean": those places
_STEPS_OF_A_KIND = re.compile(r"\b(?:(off|up|down)[\s-]?beat\s+step(s?)|the\s+(?:&|and)\s+steps)\b")
_STEP_NUMBERS = re.compile(r"\bsteps?\s+\d")
_STEP_LIST_BEFORE = frozenset({"on", "at", ",", "&", "+", "and", "n", "plus"})  # "... on 5 + 13"
_NOT_STEPS_AFTER = frozenset({"bars", "bar", "measures", "beats", "bpm", "times", "x", "/", "steps"})
# "(16 step grid)", "on a 16-step sequencer": what the numbers count, said once; no place in it
_GRID_SAID = re.compile(
    r"\b(?:on\s+)?(?:a\s+|the\s+)?(?:16|sixteen)[\s-]*steps?\s+(?:grid|sequencer)\b"
    r"|\b(?:in|on)\s+(?:the|my)\s+piano[\s-]?roll\b"  # "a kick in the piano roll on steps 1, 4 and 11"
)
_NOT = r"(?<!\bno )(?<!\bnot )"  # "no half-time", "not double time": the opposite wish
_HALF = re.compile(_NOT + r"(?<!\bat )(?<!\bduring )\bhalf[\s-]?time\b(?![\s-]+show)")  # not "at halftime"
_DOUBLE = re.compile(_NOT + r"\bdouble[\s-]?time\b")
_SLOW = re.compile(r"\b(slow|slower|laid[\s-]?back|lazy|chill|relaxed|mellow|dragging|downtempo|sleepy)\b")
_FAST = re.compile(
    r"\b(fast|faster|uptempo|up-tempo|energetic|frantic|driving|high[\s-]?energy|rapid)\b"
    # "quick", but not "a quick double" or "a quick fill"
    r"|\bquick\b(?!\s+(?:[a-z]+\s+)?(?:double|flam|fill|roll|drag|ghost|triplet|hit|pair|one|16ths?|sixteenths?|little|tom|snare|kick))"
)
_STRAIGHT = re.compile(
    r"\b(straight(?![\s-]ahead)|unswung|no swing|not swung|without swing)\b"
)  # "straight-ahead jazz" swings
_SWUNG = re.compile(r"\b(swing|swung|swinging|shuffle|shuffled|shuffling|triplet feel|dilla|boom[\s-]?bap)\b")
_BUSY = re.compile(r"\b(busy|busier|dense|denser|lots of notes|complex|intricate|crowded)\b")
_SPARSE = re.compile(r"\b(sparse|sparser|minimal|simple|simpler|stripped[\s-]?(?:back|down)?|bare|spacious)\b")
_TOO = re.compile(r"\btoo\s+(?:damn\s+|damned\s+)?$")  # "it was too busy last time": the other way
# "fill" as a noun ("a tom fill", "with fills", "fill-in"), not the verb ("fill the dance floor").
_FILL = re.compile(
    r"\b(?:a|an|with|and|tom|snare|drum|big|short|little|lil|small|quick|final|the|one|roll|run|paradiddle|rudiment|"
    + _A_VOICE
    + r")\s+fills?\b(?!\s+(?:the|a|up|my|our|your|all|in|out|every|each|those|these|it|them|gaps?|space)\b)"
    + r"(?:\s+of\s+(?:"
    + _A_VOICE
    + r")s?\b)?"  # "a quick fill of slaps": its voice, said after it
    r"|\bfills\b(?!\s+(?:all|in|up|out|every|each|those|these|it|them|the\s+gaps?|gaps?|space))"  # not "fills all"
    r"|\bfill[\s-]in\b(?!\s+(?:the|a|some|those|these|it|them)\b)"  # not "fill in the gaps"
    r"|\bending (?:with|on)\b|\bturnaround\b|\bbreak at the end\b"
    r"|\bend(?:s)?\s+(?:it\s+|things\s+)?with\s+(?:a\s+|an\s+)?(?:[a-z]+\s+){0,3}?rolls?\b"  # "end it w a clap roll"
    r"|\bfills?\s+(?:on|with|using|around|round)\s+(?:the\s+)?(?:toms?|snare|kit|drums)\b"  # "fill on the toms"
    r"|\b(?:run|runs|running|roll|rolls|rolling|go|going|come|coming)\s+(?:thing\s+|bit\s+)?(?:down|around|round|across)\s+(?:the\s+)?"
    r"(?:toms?|kit|drums)\b"  # "run down the toms at the end"
    r"|\btom\s+(?:run|roll|rundown|cascade)\b"
    r"|\btoms\s+(?:at|for)\s+the\s+(?:very\s+)?end\b"  # "toms at the end for the transition"
    r"|\btoms\s+into\s+the\s+(?:chorus|verse|bridge|drop|hook|next)\b"  # "big toms into the chorus"
    r"|\bend\s+(?:it\s+)?with\s+(?:a\s+)?(?:[a-z]+\s+){0,2}?build\b"  # "end it with a build on the snare"
    r"|\btoms?\s+(?:go|goes|going|run|runs|running|roll|rolling)\s+(?:down|around|round)\b"  # "make the toms go down"
    # "a snare roll leads into the next section", "roll into the chorus"
    r"|\brolls?\s+(?:that\s+)?(?:(?:leads?|leading|goes|going|builds?|building)\s+)?(?:up\s+)?into\s+(?:the\s+)?"
    r"(?:next|chorus|verse|drop|bridge|section|hook|outro)\b"
    # "fill at the end", "fill in bar 8"; a clause that starts with "fill" (not "fill in the gaps")
    r"|\b(?:fills?|rolls?)\s+(?:at|in|on|into|before|going)\s+(?:the\s+)?(?:very\s+)?(?:end|last|bar|measure|next|chorus|turn)"
    r"|\bfills?\s+(?:up\s+)?the\s+(?:very\s+)?(?:end|last\s+(?:beat|bar|measure))\b"  # "toms fill the end of bar 2"
    r"|\b(?:fills?|rolls?)\s+to\s+(?:end|finish|close)\b"  # "snare roll to end it"
    r"|\b(?:snare|tom|toms|drum)\s+pick[\s-]?ups?\s+(?:into|to)\s+(?:the\s+)?(?:top|next|chorus|verse|one|downbeat)\b"
    r"|(?:^|[,;.:(+]\s*)fills?\b(?![\s-]+(?:in\s+)?(?:the|a|up|my|our|your|it|them|some|those|these)\b)"
)
# Every form of _FILL holds one of these: a request without them has no fill to look for
_FILL_WORDS = (
    "fill",
    "ending",
    "turnaround",
    "break at",
    "roll",
    "run",
    "down",
    "round",
    "across",
    "tom",
    "build",
    "pick",
)
_NO_FILL = re.compile(
    r"\b(?:no|without(?: a| any)?)\s+(?:(?:big|tom|snare|drum|crazy|fancy)\s+)?fills?\b"  # "no tom fills"
    r"|\ba\s+fill\s+from\s+(?:somewhere|elsewhere|another|a\s+different|my)\b"  # "loop it w a fill from somewhere else"
    r"|\b(?:my|our)\s+own\s+fills?\b"
)
_TOMS = re.compile(r"\btoms?\b")
# Words that take back what was said before them (`reader_words.CORRECTIONS`): a meter or a fill said
# after them is the one meant
_CORRECTED = re.compile(r"\b(?:" + "|".join(r"\s+".join(w) for w in CORRECTIONS) + r")\b(?!\s+(?:it|this|business)\b)")

# A count with its part ("2&", "3e"; "1+3" is two counts), an ordinal ("3rd", "16ths"), a word
# ("bar's", "tom1"), or a joiner.
_TOKEN = re.compile(r"\d+(?:(?:st|nd|rd|th)s?)?(?:[&+](?!\d)|(?<=\d)[ea](?![a-z]))?|[a-z]+\d*(?:'[a-z]+)?|[&+,;.:/]")
_ASIDE = re.compile(r"\(([^()]*)\)")
# Words that may say a place in an aside: every word of a named place but the small ones, the
# counts, the ordinals, the note values and the "&"
_PLACE_SAYING = (
    {w for words, _ in NAMED_PLACES for w in words} - {"the", "of", "a", "an", "on", "every", "each", "all"}
) | {*NUMBER_WORDS, *ORDINALS, *RATE_WORDS, "&", "+"}


def parse_intent(text: str, styles: StyleFinder | None = None) -> Intent:
    """Read a request once into an `Intent` (see the module docstring for the rules)."""
    low = _list_marks_out(joined_cells(_markdown_plainly(text.lower().replace("’", "'").replace("`", "'"))))
    low = " ".join(_LINE_BREAK.sub(" ; ", _EMOJI.sub(" , ", low)).split())
    low = _written_plainly(daw_plainly(low, _names_a_voice))  # "36 on 1 and 3", "kick at 1.3.2"
    low = _HAND.sub(" ", _LEFT_FOOT_HAT.sub("hi-hat foot", _ARROW.sub(" : ", low)))
    low = _KEPT_BACKBEAT.sub(r"\1the backbeat on ", low) if "keep" in low or "hold" in low else low
    low = _PARTS_OF_EVERY_BEAT.sub(r"the \1 of \3 \4 and the \2 of \3 \4", low)
    low = _SHORTHAND.sub(lambda m: _SHORTHANDS[m[1]], low)
    english = in_english(low)  # "stopa na 1 i 3": the words of another language
    low_said, low = low, plain_words(english)  # crotchets, tracker rows, a cajón's strokes
    low = _NO_APOSTROPHE.sub(r"\1n't", low)
    low = _CHAT_ASIDE.sub(" ", low)
    low = _EVERY_E_A.sub(lambda m: "the e's and a's" if m[0].rstrip().endswith("a") else "the e's", low)
    low = _WHERE_VOICE.sub(r"on \1 ", low)
    low = _PARTS_OF.sub(_each_part, low)
    low = _SHORT_RATE.sub(lambda m: _SHORT_RATES[m[1]], low)
    low = _ON_THE_SNARE.sub(r"\1", low)
    if not _LETTERS_DEFINED.search(low):  # "b = kick, k = snare": the member's own letters (`sounds`)
        low = _LETTER_VOICE.sub(lambda m: f"{m[1]}{_LETTER_VOICES[m[2]]} ", low)
    if DARBUKA_SAID.search(low):  # "D on 1, T on and-of-2": a darbuka player's letters
        low = _DARBUKA_LETTER.sub(lambda m: f"{m[1]}{'dum' if m[2] == 'd' else 'tek'} ", low)
    low = _CLAVE_SIDE.sub(lambda m: m[1] or m[2], low)
    low = _PARTS_SLASHED.sub(r"\1 and \2", low)  # "the e's/a's"
    low = _FIL.sub(lambda m: "fill" if m[0] == "fil" else " ", low)  # "tom fil at the end", "a tom-fill"
    low = _VOICE_IS.sub(lambda m: f"{m[1]} is" if resolve_voices(m[1]) else m[0], low)  # "the snare's on 2 and 4"
    low = _AN_BETWEEN_COUNTS.sub(" and ", low)
    low = _VOICE_AN_VOICE.sub(r"\1 and ", low) if " an " in low else low
    low = _AND_AGAIN.sub(" and ", low)
    low = _AND_OFF.sub(r"\1 and ", low)
    low = _dotted(low)
    low = _RUDIMENT.sub(_rudiment, low) if any(w in low for w in ("roll", "diddle", "ruff", "drag")) else low
    low = _HAT_STATE.sub(r"\1 hat", low) if _HATS_SAID.search(low) else low
    low = _HYPHEN_AND.sub(r"\1&", low)
    low = _EVERY_SINGLE.sub("every", _COUNT_CHANT.sub(" ", _ONE_TIME.sub("once", low)))
    low = _ON_TOP_JUST.sub(r"\1 only up top", low)
    low = _PLAIN_BELL.sub("cowbell", low) if _AFRO_CUBAN.search(low) else low
    low = _OUT_OF_COUNTS.sub("off ", low)
    low = _BACKBEAT_ONLY_ON.sub(r"\1 ", low)
    low = _COWBELL_PATTERN.sub(r"\1pattern", low)
    low = _HITS_A_BAR.sub(rf"\1 {PER_BAR}", low)
    low = _BARS_SAID_AS.sub(lambda m: f"{m[1]} {'4' if m[2].startswith('f') else '2'}{m[3]}", low)
    low = said_as_sounds(beside_their_drum(low), lambda: _take_meter(low)[0])  # "boom tss clap tss ..., all 8ths"
    if "-" in low or "\u2013" in low or "\u2014" in low:  # "kick - only on 1": no colon
        low = _VOICE_DASH.sub(lambda m: f"{m[1]} " if m[2] else f"{m[1]}: ", low)
    low = _named_by_request(_SOUNDS_LIKE.sub(lambda m: _SOUND_VOICES[m[1] or m[2]], _DASHED.sub(", ", low)))
    described = _FILL_DESCRIBED.search(low)
    if described and resolve_voices(described[2].removeprefix("the ")):
        low = _FILL_DESCRIBED.sub(lambda m: f"{m[1]}a {m[2].removeprefix('the ')} fill ", low, count=1)
    unplaced: list[str] = []
    rest = low
    meter, rest = _take_meter(rest)
    groups, rest = _take_grouping(rest, meter)
    rest = _FIRST_OF_EACH_GROUP.sub("every group", rest)
    if groups and meter and meter.endswith("/4"):  # 5/4 as 3+2: its beats stay the quarters, its groups start on 1, 4
        rest = _EVERY_GROUP.sub(" and ".join(str(1 + sum(groups[:k])) for k in range(len(groups))), rest)
    rest = _group_counts(rest, groups) if groups else rest
    bpm, rest = _take_bpm(rest, unplaced)
    bars, rest, bar_refs = _take_bars(rest, unplaced)
    speed = "half-time" if _HALF.search(low) else "double-time" if _DOUBLE.search(low) else ""
    fills = any(w in low for w in _FILL_WORDS)
    fill = (
        _fill_voice(_said_last(low, _FILL_OR_ROLL))
        if fills and _FILL.search(low) and not _NO_FILL.search(low)
        else None
    )
    fill_bar = _FILL_BAR.search(low) if fill and bars is None else None
    if fill_bar and BARS_MIN <= (last := int(fill_bar[1] or fill_bar[2])) <= BARS_MAX:
        bars = last  # "a tom fill at the end of bar 4": four bars, the fill last
    named = [int(n) for m in _BAR_NUMBERED.finditer(low) for n in m.groups() if n]
    if bars is None and named and 2 <= max(named) <= BARS_MAX:
        bars = max(named)  # "snare comes in bar 3 ..., bar 4 crash on the 1": four bars at least
    swing = False if _STRAIGHT.search(low) else True if _SWUNG.search(low) else None
    tempo = "slow" if _SLOW.search(low) else "fast" if _FAST.search(low) else ""
    density = _density(low)
    said = _EXCLAIMED.sub(" . ", _ASIDE.sub(_aside, rest))
    said = _FLOOR_ALONE.sub("floor tom", said) if _TOMS_SAID.search(said) else said
    said = _GRID_SAID.sub(" ", _BAND_PART.sub(" ", _TECHNIQUE.sub(" ", _MIC.sub(r"\1", said))))
    tokens = _tokens(_FILL.sub(" ", _NO_FILL.sub(" ", said)) if fills else said)
    stepped = "step" in low or "piano" in said  # (not a piano roll named in an aside: "(3e in the piano roll)")
    steps = "grid" if stepped and _STEP_GRID.search(low) else "named" if stepped and _STEP_NUMBERS.search(low) else ""
    steps = steps or ("named" if meter is None and _past_any_count(tokens) else "")
    steps = steps or ("named" if _sixteenths_numbered(low, meter) else "")
    reader = Reader(tokens, unplaced, meter, fill, steps, bar_refs)
    constraints = reader.read()
    single = single_instrument(tokens)
    if single is not None and not any(c.rule == "absent" and c.text.startswith("only") for c in constraints):
        others = tuple(c for c in ALL_VOICES if c != single)
        constraints.append(Constraint(others, ("all",), "absent", f"only {BY_CODE[single].short}"))
        if not any(single in c.voices and c.rule in ("on", "only", "present") for c in constraints):
            label = f"with {BY_CODE[single].short}"  # and it plays: a groove without it gets its part
            constraints.append(Constraint((single,), ("all",), "present", label))
    if meter is not None and groups is not None and meter.endswith("/8"):
        constraints = _regrouped(constraints, meter, groups)
    constraints = _placed_over_feel(constraints, meter or "4/4", reader.feel_rules)
    constraints = _later_places_win(_placed_not_absent(constraints, reader.some_bars), meter or "4/4")
    constraints = _only_once(constraints, meter or "4/4")
    constraints = _fill_kept(constraints, fill)
    constraints = _backbeat_too(constraints, low)
    unplaced += _placed_but_unread(tokens, constraints, fill, unplaced)
    found: tuple[str, ...] = ()
    if styles is not None:  # "рок, 4 такта": a style named in another language, found in its English
        found = tuple(styles.find(text)) or (tuple(styles.find(english)) if english != low_said else ())
    return Intent(
        text=" ".join(text.split()),
        styles=found,
        tempo=tempo,
        bpm=bpm,
        meter=meter,
        bars=bars,
        speed=speed,
        swing=swing,
        fill=fill,
        single_instrument=single,
        density=density,
        constraints=tuple(_covered_once(_hats_in_hand(_unique(constraints)))),
        unplaced=tuple(unplaced),
    )


def _placed_but_unread(
    tokens: list[str], constraints: list[Constraint], fill: str | None, unplaced: list[str]
) -> list[str]:
    """Clauses that put a voice "on" a count, where that voice ends in no constraint and no
    fill, and nothing of the clause is said as unread: the reply names them, so a voice lost
    by the reader ("bass drum on dotted crotchet beats 1 and 3" before that form) is never
    answered as if it had been placed."""
    read = {v for c in constraints for v in c.voices}
    read |= {v for part in (fill or "").split("+") for v in resolve_voices(part) or (part,)}
    out, start = [], 0
    for end in [*(k for k, w in enumerate(tokens) if w in CLAUSE_ENDS), len(tokens)]:
        clause, start = tokens[start:end], end + 1
        if "on" not in clause or not any(BARE_COUNT.fullmatch(w) for w in clause[clause.index("on") + 1 :]):
            continue
        named = {
            v
            for k in range(clause.index("on"))
            for n in (2, 1)
            if clause[k] not in USUAL_SOUNDS
            for v in resolve_voices(" ".join(clause[k : k + n])) or ()
        }
        said = " ".join(clause)
        if named and not named & read and not any(said in u or u in said for u in [*unplaced, *out]):
            out.append(said)
    return out


_FILL_BEFORE = re.compile(
    r"((?:[a-z][a-z-]*\s+){1,3}?)(?:(?:rolls?|stutter|build)\s+)?fills?\b"
)  # "a clap fill", "a snare roll fill", "a hat stutter fill"
_ROLL_BEFORE = re.compile(
    r"((?:[a-z][a-z-]*\s+){1,3})rolls?\s+(?:at|in|on|to|into|as|before)\b"
    r"|\bend(?:s|ing)?\s+(?:it\s+|things\s+)?with\s+((?:[a-z][a-z-]*\s+){1,3})rolls?\b"
    r"|^[\s,]*(?:a\s+|the\s+)?((?:[a-z][a-z-]*\s+){1,2})rolls?\b"  # said again after a correction
)  # "a lil clap roll at the end", "end it w a quick clap roll", "... no wait clap roll"
_FILL_OR_ROLL = re.compile(rf"{_FILL.pattern}|\b[a-z]+\s+rolls?\b")  # what a correction may say the fill is
_FILL_PAIR = re.compile(
    r"\b([a-z][a-z-]*(?:\s[a-z][a-z-]*)?)\s*(?:\+|&|\band\b|/)\s*([a-z][a-z-]*(?:\s[a-z][a-z-]*)?)\s+fills?\b"
)
_FILL_INTO = re.compile(
    r"\b((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)\s+(?:rolls?|rolling|runs?|running|builds?|building|leads?|leading)\s+"
    r"(?:up\s+)?into\s+(?:a\s+|the\s+)?(?:[a-z]+\s+)?fills?\b"
)  # "hh rolls into a fill at the end"
_FILL_AFTER = re.compile(
    r"\bfills?\s+(?:on|with|using|around|round|of)\s+(?:the\s+)?([a-z]+(?:\s(?!and\b)[a-z]+)?)((?:\s*(?:,|and|&|\+)\s*(?:the\s+)?[a-z]+)*)"
)  # "fill on the cowbell", "fill with snare and toms"


# "make the fill claps too", "fill toms": the fill's voice named right after it
_FILL_THEN_VOICE = re.compile(r"\bfills?\s+(?:be\s+|is\s+|are\s+|all\s+)?(" + _A_VOICE + r")\b")

# "drop a little fill, claps going 16ths on beat 4": the fill, described after it (a clause that
# plays a voice fast on the last beat), not a groove of claps in 16ths
_FILL_DESCRIBED = re.compile(
    r"(\bfills?\b[^.;,]{0,20},\s*)((?:the\s+)?[a-z]+(?:\s[a-z]+)?)\s+(?:going|doing|playing|rolling|in)\s+"
    r"(?:16ths|sixteenths|32nds|triplets)\s+(?:on|over|for|across)\s+(?:beat\s+|the\s+)?(?:4|four|last\s+beat)\b"
)
_TOMS_KEPT_OFF = re.compile(
    r"\b(?:off|not on|no|without|not)\s+(?:the\s+|any\s+)?toms?\b"
)  # "keep the fill OFF the toms"
_FILL_AT_END_ON = re.compile(
    r"\bfills?\s+(?:at\s+the\s+(?:very\s+)?end|in\s+the\s+last\s+bar|at\s+the\s+end\s+of\s+(?:the\s+)?\w+)"
    r",?\s+(?:but\s+)?(?:only\s+|just\s+)?(?:on|with|using)\s+(?=(?:the\s+)?[a-z])"
)  # "fill at the end but only on the hats": the hats' fill


def _fill_voice(low: str) -> str:
    """What the fill is played on: "toms", "snare", or the code of the voice named with it
    ("a little clap fill", "fill on the cowbell"); a tom fill when toms are named anywhere."""
    low = _FILL_AT_END_ON.sub("fill on ", low)  # "fill at the end on snare ONLY": the snare's
    said = (*_FILL_INTO.finditer(low), *_FILL_BEFORE.finditer(low), *_ROLL_BEFORE.finditer(low))
    named = [((m[1] or m[2] or m[3]).split(), True) if m.re is _ROLL_BEFORE else (m[1].split(), True) for m in said]
    for m in _FILL_PAIR.finditer(low):  # "a floor tom + kick fill": the drum that leads it, not the kick under it
        lead = [w for w in (m[1], m[2]) if resolve_voices(w) and resolve_voices(w) != ("bd",)]
        if len(lead) == 2 and (pair := _fill_pair(lead)):
            return pair  # "a floor tom + snare fill": both, in turn
        if lead and all(resolve_voices(w) for w in (m[1], m[2])):
            named.insert(0, (lead[0].split(), True))
    named += [([m[1]], False) for m in _FILL_THEN_VOICE.finditer(low)]  # "make the fill claps too"
    for m in _FILL_AFTER.finditer(low):
        if _TOMS.search(m[2]):
            return "toms"  # "a fill with snare and toms": down the toms, from the snare
        rest = [w for w in re.split(r"\s*(?:,|\band\b|&|\+)\s*(?:the\s+)?", m[2]) if w]
        if len(rest) == 1 and (pair := _fill_pair([m[1], rest[0]])):
            return pair  # "a fill on floor tom + snare"
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
    return "toms" if _TOMS.search(low) and not _TOMS_KEPT_OFF.search(low) else "snare"


def _said_last(text: str, wanted: re.Pattern[str]) -> str:
    """The clause after the last correction that says ``wanted`` again ("a fill on the toms,
    actually make the fill on the snare, toms sound cheesy": "make the fill on the snare"),
    else the whole text."""
    for match in reversed(list(_CORRECTED.finditer(text))):
        said = wanted.search(text, match.end())
        if said:
            stop = _CLAUSE_END.search(text, said.end())
            return text[match.end() : stop.start() if stop else len(text)]
    return text


def _fill_pair(words: list[str]) -> str | None:
    """ "floor tom" and "snare" → "lt+sd": two single voices, neither the kick under a fill."""
    codes = [resolve_voices(w) for w in words]
    if all(c is not None and len(c) == 1 and c != ("bd",) for c in codes) and codes[0] != codes[1]:
        return "+".join(c[0] for c in codes)  # type: ignore[index]
    return None


def _take_grouping(text: str, meter_name: str | None) -> tuple[tuple[int, ...] | None, str]:
    """The groups a meter is counted in, in its counts ("7/8 as 3+2+2", "counted 1-2 1-2 1-2-3":
    eighths; "5/4 (3+2)": quarters), when the words give groups that fill the bar, and the text
    without them (they are not counts); None when they do not say."""
    if meter_name is None:
        return None, text
    top = int(meter_name.split("/")[0])
    if counting(METERS[meter_name])[0] != top:  # 12/8 counts its four beats, not its eighths
        return None, text  # (5/4 as 3+2 counts quarters, 7/8 as 2+2+3 eighths: each counts its own)
    found = [(tuple(int(n) for n in re.findall(r"\d", m[0])), m) for m in _GROUPING.finditer(text)]
    for m in _COUNTED_GROUPING.finditer(text):  # "1-2 1-2 1-2-3": each run's last number is its size
        found.append((tuple(int(run[-1]) for run in m[0].replace(",", " ").split()), m))
    for m in _COUNTED_ALOUD.finditer(text):  # "1 2 3 1 2 1 2": a run ends where the count starts again
        runs = re.split(r",?\s(?=1\b)", m[1])
        found.append((tuple(int(run.split()[-1]) for run in runs), m))
    for groups, match in found:
        if sum(groups) == top and len(groups) > 1 and min(groups) >= 2:
            return groups, text[: match.start()] + " " + text[match.end() :]
    return None, text


# Said of a bar counted in groups ("counted 1 2 3 1 2 1 2"): "every 1", "each '1'" are where
# the groups start; "the last 2", "the last one" count within the last group
_EVERY_ONE = re.compile(r"\b(?:every|each)\s+'?(?:1|one)'?s?\b(?!\s*(?:of|bar|beat))|\b(?:all\s+)?the\s+'?1'?s\b")
_LAST_OF_GROUP = re.compile(r"\bthe\s+last\s+'?(one|[1-9])'?(?!\s*(?:bar|beat|group|of))")


_SIZED_GROUP = re.compile(r"\bthe\s+([2-9])(?:[\s-](?:note|beat|eighth))?[\s-]group\b")
_NTH_GROUP = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3}
_START_OF_NTH_GROUP = re.compile(
    r"\bthe\s+(?:start|top|beginning|head)\s+of\s+the\s+(first|1st|second|2nd|third|3rd|fourth|4th|last)\s+group\b"
)
_GROUP_SIZE = r"([2-9]|two|three|four|long|longest|longer|short|shortest|shorter|odd)"  # "the long group": 3 in 2+2+3
# "snare where the 3 group starts", "where the three comes in": the count that group starts on
_WHERE_GROUP_STARTS = re.compile(
    r"\b(?:where|when)\s+the\s+" + _GROUP_SIZE + r"(?:[\s-](?:note|beat|eighth))?(?:[\s-]group)?\s+"
    r"(?:starts|begins|comes\s+in|kicks\s+in|hits)\b"
)
# "kick on the start of the two 2s", "the starts of the 2 groups": where each group of that size starts
_START_OF_SIZED = re.compile(
    r"\bthe\s+(?:start|top|beginning|head)s?\s+of\s+(?:the\s+|both\s+|each\s+|every\s+)?(?:two\s+|2\s+)?"
    + _GROUP_SIZE
    + r"(?:'?s\b|[\s-]groups?\b|\b(?!\s*(?:bars?|beats?|counts?)\b))"
)
_FIRST_OF_EACH_GROUP = re.compile(
    r"\bthe\s+(?:first|1st|start)\s+(?:[a-z]+\s+)?of\s+(?:each|every)\s+(?:little\s+|small\s+)?group\b"
    r"|\b(?:each|every)\s+group'?s\s+(?:first|1st)\s+(?:note|eighth|beat|hit)\b"  # "every group's first note"
    # "kick where each group starts", "... where the groups start"
    r"|\b(?:where|when)\s+(?:each\s+group|every\s+group|the\s+groups)\s+(?:starts?|begins?)\b"
)
_EVERY_GROUP = re.compile(r"\b(?:every|each)\s+group\b")
_ORDINAL_IN_GROUP = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
# "snare on the 2nd note of the long group", "the second of each 2": that note of those groups
_NTH_OF_SIZED = re.compile(
    r"\bthe\s+(first|1st|second|2nd|third|3rd|last)\s+(?:note\s+|eighth\s+|beat\s+|one\s+)?of\s+"
    r"(?:the\s+|each\s+|every\s+|both\s+)(?:two\s+|2\s+)?" + _GROUP_SIZE + r"(?:'?s\b|[\s-]groups?\b|\b)"
)
# "snare on the start of the other two groups", "the other group starts": each group's start but the first
_OTHER_GROUPS = re.compile(
    r"\bthe\s+(?:starts?|beginnings?|first\s+(?:notes?|beats?|eighths?))\s+of\s+the\s+other\s+"
    r"(?:two\s+|2\s+|three\s+|3\s+)?groups\b"
    r"|\bthe\s+other\s+(?:two\s+|2\s+|three\s+|3\s+)?groups?(?:'s)?\s+(?:starts|beginnings|first\s+notes)\b"
)
# "the long group's first note", "the 3's first eighth"
_SIZED_FIRST = re.compile(r"\bthe\s+" + _GROUP_SIZE + r"(?:[\s-]group)?'s\s+(?:first|1st)\s+(?:note|eighth|beat|hit)\b")


def _group_counts(text: str, groups: tuple[int, ...]) -> str:
    """ "kick on every 1, snare on the last 2" (counted 3+2+2) -> "kick on every group, snare on 7"."""
    text = _EVERY_ONE.sub("every group", text)
    top, last = sum(groups), groups[-1]

    def within(m: re.Match[str]) -> str:
        n = 1 if m[1] == "one" else int(m[1])
        return str(top - last + n) if n <= last else m[0]

    def sized(m: re.Match[str]) -> str:  # "kick on the 3 group" (3+2): where the group of three starts
        n = int(m[1])
        return str(1 + sum(groups[: groups.index(n)])) if groups.count(n) == 1 else m[0]

    def nth(m: re.Match[str]) -> str:  # "the start of the last group" (2+2+2+3): 7
        k = len(groups) - 1 if m[1] == "last" else _NTH_GROUP[m[1]]
        return str(1 + sum(groups[:k])) if k < len(groups) else m[0]

    def size_of(word: str) -> int:  # "3", "three", "the long (group)": the size of the groups meant
        if word in ("long", "longest", "longer", "odd"):
            return max(groups)
        return min(groups) if word in ("short", "shortest", "shorter") else _number(word)

    def starts_of(size: str) -> list[str]:  # where each group of that size starts
        n = size_of(size)
        return [str(1 + sum(groups[:k])) for k, g in enumerate(groups) if g == n]

    def nth_of(m: re.Match[str]) -> str:  # "the 2nd note of the long group" (2+2+3): 6
        n = size_of(m[2])
        at = n if m[1] == "last" else _ORDINAL_IN_GROUP[m[1]]
        notes = [str(int(start) + at - 1) for start in starts_of(m[2])] if at <= n else []
        return " and ".join(notes) if notes else m[0]

    def where(m: re.Match[str]) -> str:  # "snare where the 3 group starts" (2+2+3): on 5
        starts = starts_of(m[1])
        return f"on {starts[0]}" if len(starts) == 1 else m[0]

    def all_starts(m: re.Match[str]) -> str:  # "the start of the two 2s" (2+2+3): 1 and 3
        starts = starts_of(m[1])
        return " and ".join(starts) if starts else m[0]

    text = _OTHER_GROUPS.sub(" and ".join(str(1 + sum(groups[:k])) for k in range(1, len(groups))), text)
    text = _SIZED_FIRST.sub(all_starts, _NTH_OF_SIZED.sub(nth_of, text))
    text = _WHERE_GROUP_STARTS.sub(where, _START_OF_SIZED.sub(all_starts, text))
    return _START_OF_NTH_GROUP.sub(nth, _SIZED_GROUP.sub(sized, _LAST_OF_GROUP.sub(within, text)))


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
            c = c.at(places)
        out.append(c)
    return out


def _placed_over_feel(constraints: list[Constraint], meter_name: str, feel: list[Constraint]) -> list[Constraint]:
    """A feel's rule gives way where the words place a voice against it: in "snare on step 13
    only for that halftime feel" the snare is on 4, so half-time's "snare on 3, nothing on 2
    and 4" goes; "half time, snare on 3" keeps both."""
    spb = METERS[meter_name].steps_per_bar
    said = [(set(c.voices), c.rule, c.steps(meter_name, spb)) for c in constraints if c not in feel]
    placed = [(voices, steps) for voices, rule, steps in said if rule in ("on", "only") and steps is not None]
    only = [(voices, steps) for voices, rule, steps in said if rule == "only" and steps is not None]
    kept_off = [(voices, steps) for voices, rule, steps in said if rule in ("off", "absent") and steps is not None]

    def against(rule: Constraint) -> set[str]:
        """The voices the words place against ``rule`` (or keep off its places: "half time,
        nothing on the one" has no kick on 1)."""
        steps = rule.steps(meter_name, spb) or frozenset()
        if rule.rule == "off":
            return {v for voices, mine in placed if steps & mine for v in voices & set(rule.voices)}
        return {v for voices, mine in only if not steps <= mine for v in voices & set(rule.voices)}

    def kept_off_it(rule: Constraint) -> set[str]:
        """The voices the words keep off the places an "on" rule puts them."""
        steps = rule.steps(meter_name, spb) or frozenset()
        return {v for voices, mine in kept_off if steps & mine for v in voices & set(rule.voices)}

    out = []
    for c in constraints:
        placed_against = against(c) if c in feel else set()
        if c in feel and borrowed(c.text):  # the words' own kick or snare wins,
            steps = c.steps(meter_name, spb) or frozenset()  # and so do their own strokes there ("tek = side stick")
            placed_against |= {
                v for voices, mine in placed if voices & set(c.voices) or steps <= mine for v in c.voices
            }
        off = kept_off_it(c) if c in feel and c.rule == "on" else set()
        left = tuple(v for v in c.voices if v not in placed_against | off)
        feel_name = c.text.split(":")[0]
        if placed_against and c.rule == "off" and left:  # one drop made steppers: the snare still rests on 1
            c = replace(c, voices=left, text=f"{feel_name}: no {voices_label(left)} on {places_label(c.places)}")
        elif placed_against or (off and not left):
            continue
        elif off:  # "one drop, cross-stick instead of the snare": the cross-stick on 3
            c = replace(c, voices=left, text=f"{feel_name}: {voices_label(left)} on {c.text.rsplit(' on ', 1)[1]}")
        out.append(c)
    return out


def _placed_not_absent(constraints: list[Constraint], weak: list[Constraint]) -> list[Constraint]:
    """A voice the words place is not also ruled out: in "nothing on beat 1 - no kick no hat
    no nothing. kick on 3" the "no kick" is about beat 1, and the kick on 3 is asked for. A
    place said for some bars only does not outweigh a "no": "no crash, a crash on the 1 every
    few bars gets annoying" wants no crash (``weak``: the places said of some bars only). A
    voice wanted and then ruled out is out: "a fill on the toms, actually on the snare, toms
    sound cheesy"."""
    gone = {v for c in constraints if c.rule == "absent" for v in c.voices}
    constraints = [c for c in constraints if c not in weak or not set(c.voices) <= gone]
    constraints = [
        c
        for n, c in enumerate(constraints)
        if c.rule != "present"
        or not any(d.rule == "absent" and set(c.voices) <= set(d.voices) for d in constraints[n:])
    ]
    placed = {
        c.voices[0]
        for c in constraints
        if c.rule in ("on", "only") and len(c.voices) == 1 and c.places != ("all",) and c not in weak
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


def _only_once(constraints: list[Constraint], meter_name: str) -> list[Constraint]:
    """One voice placed "only" in two clauses: places that add to the first join it ("snare 2 n
    4 ... press roll on the a of 4"); places within the first narrow it ("kik on every 8th? no
    thats too much.. kick on 1, 1&, 3 and 3&"). Either way one rule, which a groove can meet."""
    spb = METERS[meter_name].steps_per_bar
    out: list[Constraint] = []
    for c in constraints:
        first = next((n for n, d in enumerate(out) if c.rule == d.rule == "only" and d.voices == c.voices), None)
        if first is None:
            out.append(c)
            continue
        before, now = out[first].steps(meter_name, spb), c.steps(meter_name, spb)
        if before is None or now is None:  # "kick on 9" in 4/4: left out on its own, not with the rest
            out.append(c)
            continue
        narrowed = now <= before
        places = c.places if narrowed else tuple(dict.fromkeys(out[first].places + c.places))
        if all(COUNT_KEY.fullmatch(p) for p in places):  # said in the bar's order: "2 and 3", not "3 and 2"
            places = tuple(sorted(places, key=lambda p: min(place_steps(p, meter_name, spb) or {spb})))
        out[first] = replace(out[first], places=places, text=f"{voices_label(c.voices)} on {places_label(places)}")
    return out


def _later_places_win(constraints: list[Constraint], meter_name: str) -> list[Constraint]:
    """A place ruled out and then asked for goes to the later words: "take a one drop and make
    it steppers: kick on every beat" keeps the kick on 1 that the one drop leaves out. So does
    a count asked for and then ruled out: "kick on 1 and 4 hmm actually no kick on 4"."""
    spb = METERS[meter_name].steps_per_bar
    constraints = list(constraints)
    for n, c in enumerate(constraints):
        if c.rule == "off" and len(c.voices) > 1:  # "nothing on the numbers. kick 1 and 3": but the kick
            # (and "four on the floor kick, hats only on the offbeats (nothing on the downbeats)": but the kick)
            constraints[n] = _but_placed(c, constraints[:n], constraints[n + 1 :], meter_name)
        if c.rule != "off" or not all(COUNT_KEY.fullmatch(p) for p in c.places):
            continue
        for m, d in enumerate(constraints[:n]):
            counted = d.rule in ("on", "only") and all(COUNT_KEY.fullmatch(p) for p in d.places)
            taken_back = counted and d.voices == c.voices and set(d.places) & set(c.places)
            if taken_back and (kept := places_less(d.places, c.places)):
                constraints[m] = d.at(kept)
            elif _keyword_covers(d, c, meter_name, spb):  # "hats on 8ths but drop the hat wherever the snare is"
                constraints[m] = d.at(places_less(d.places, c.places))
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


def _keyword_covers(said: Constraint, off: Constraint, meter_name: str, spb: int) -> bool:
    """Whether ``off`` takes counts out of the one keyword ``said`` put the same voices on
    ("hats on 8ths ... no hats on 2 and 4": eighths except 2 and 4)."""
    if said.rule not in ("on", "only") or said.voices != off.voices or len(said.places) != 1:
        return False
    if COUNT_KEY.fullmatch(said.places[0]) or " except " in said.places[0]:
        return False
    mine, gone = said.steps(meter_name, spb), off.steps(meter_name, spb)
    return mine is not None and gone is not None and bool(gone) and gone <= mine


def _but_placed(off: Constraint, earlier: list[Constraint], later: list[Constraint], meter_name: str) -> Constraint:
    """``off`` (said of several voices) without those the later words place on its steps, nor
    those placed before it only there ("four on the floor kick, hats only on the offbeats
    (nothing on the downbeats)" keeps the kick; "4 on the floor but nothing on the one" does not)."""
    spb = METERS[meter_name].steps_per_bar
    mine = off.steps(meter_name, spb) or frozenset()
    placed = {
        v
        for d in later
        if d.rule in ("on", "only") and (d.steps(meter_name, spb) or frozenset()) & mine
        for v in d.voices
    }
    placed |= {
        v
        for d in earlier
        if d.rule in ("on", "only") and (d.steps(meter_name, spb) or frozenset({-1})) <= mine
        for v in d.voices
    }
    left = tuple(v for v in off.voices if v not in placed)
    if not placed or not left or left == off.voices:
        return off
    named = tuple(v for v in off.voices if v in placed)
    return replace(off, voices=left, text=f"nothing but the {voices_label(named)} on {places_label(off.places)}")


# "snare on the a of 4 plus the normal backbeat", "keep the backbeat on 2 & 4 too": more places for
# the snare, not a rule beside its "only"
_BACKBEAT_ADDED = re.compile(
    r"\b(?:plus|also)\s+(?:the\s+|a\s+)?(?:normal\s+|usual\s+|regular\s+)?backbeat\b"
    r"|\bbackbeat\b[^.;!?]{0,20}\b(?:too|as\s+well)\b"
)


def _backbeat_too(constraints: list[Constraint], low: str) -> list[Constraint]:
    """The backbeat said as more of the snare's places ("..., plus the normal backbeat") joins
    the snare's "only" places, which would otherwise forbid it."""
    if not _BACKBEAT_ADDED.search(low):
        return constraints
    backbeat = next((c for c in constraints if c.text.startswith("backbeat:") and c.rule == "on"), None)
    snare = next((c for c in constraints if c.rule == "only" and c.voices == ("sd",)), None)
    if backbeat is None or snare is None:
        return constraints
    joined = snare.at(tuple(dict.fromkeys((*snare.places, *backbeat.places))))
    return [joined if c is snare else c for c in constraints if c is not backbeat]


def _fill_kept(constraints: list[Constraint], fill: str | None) -> list[Constraint]:
    """ "kick and shaker only ..., then big toms into the chorus at the end": the fill's voices
    are the fill's, not kept out by the "only" said of the groove."""
    if fill is None:
        return constraints
    played = set(fill_voices(fill))
    out: list[Constraint] = []
    for c in constraints:
        if c.rule == "absent" and c.text.startswith("only ") and played & set(c.voices):
            left = tuple(v for v in c.voices if v not in played)
            c = replace(c, voices=left) if left else c
        elif c.rule == "absent" and set(c.voices) <= played and out and out[-1].rule in ("on", "only"):
            said = out[-1].places  # "clap on 2 n 4 not the snare, ... snare fill at the end": not there
            if said != ("all",):
                c = Constraint(c.voices, said, "off", f"no {voices_label(c.voices)} on {places_label(said)}")
        out.append(c)
    return out


_ALL_HATS = resolve_voices("hats") or ()
_HAND_HATS = tuple(v for v in _ALL_HATS if BY_CODE[v].limb != "foot")  # from the table: no pedal chick
_HAT_FOOT = next(v for v in _ALL_HATS if BY_CODE[v].limb == "foot")


def _hats_in_hand(constraints: list[Constraint]) -> list[Constraint]:
    """ "HH on quarter notes", "just hihat for keep time", "the cymbal that goes tss ... all the
    16 notes": the hi-hat a stick plays (or the ride). A pedal chick is not what those words ask
    for (the foot is named as such: "hat foot on 2 and 4"); "no hats" still silences the foot
    too. "HH on quarter notes only" asks both: the stick's hat there, and no hat of any kind
    elsewhere (two constraints, one sentence: the check says it once)."""
    out = []
    for c in constraints:
        hand = tuple(v for v in c.voices if BY_CODE[v].limb != "foot")
        # (the foot named alone, or kept off, stays as said)
        by_hand = _HAT_FOOT in c.voices and bool(set(hand) & set(_HAND_HATS)) and c.rule not in ("off", "absent")
        if by_hand and c.rule in ("on", "present"):
            c = replace(c, voices=hand)
        elif by_hand:  # "only": the stick's sound at the places, none of the group elsewhere
            out.append(replace(c, voices=hand, rule="on"))
        out.append(c)
    return out


def _covered_once(constraints: list[Constraint]) -> list[Constraint]:
    """A "no X on P" that another "no" already says is left out ("why is there ALWAYS a crash on
    1. no crash": no crash, once)."""

    def covers(other: Constraint, off: Constraint) -> bool:
        if other is off or not set(off.voices) <= set(other.voices):
            return False
        return other.rule == "absent" or (other.rule == "off" and set(off.places) <= set(other.places))

    kept: list[Constraint] = []
    for n, c in enumerate(constraints):
        plain = c.rule == "off" and c.text.startswith("no ")  # (an idiom's own rule, "one drop: ...", stays)
        if plain and any(covers(o, c) for o in (*kept, *constraints[n + 1 :])):
            continue
        kept.append(c)
    return kept


def _unique(constraints: list[Constraint]) -> list[Constraint]:
    """Each constraint once (a voice wanted and placed: placed); counts added to a voice placed
    exactly ("kick on the a of 4 ..., plus kick on 1") join its places, so the two never
    contradict each other."""
    seen: set[tuple] = set()
    out: list[Constraint] = []
    placed = {c.voices for c in constraints if c.rule in ("on", "only")}
    for c in constraints:
        key = (c.voices, c.places, c.rule)
        if key in seen or (c.rule == "present" and c.voices in placed):
            continue  # (and "with kick" where the kick is put on places: said once)
        seen.add(key)
        exact = next((i for i, o in enumerate(out) if o.rule == "only" and o.voices == c.voices), None)
        counted = all(BARE_COUNT.fullmatch(p) for p in c.places)
        if c.rule == "on" and exact is not None and counted and all(BARE_COUNT.fullmatch(p) for p in out[exact].places):
            merged = tuple(dict.fromkeys(out[exact].places + c.places))
            out[exact] = out[exact].at(merged)
            continue
        out.append(c)
    return out


def _take_meter(text: str) -> tuple[str | None, str]:
    text = _SLASH_LIST.sub(_slashed_counts, text) if "/" in text else text
    found, after = None, 0
    for match in _METER.finditer(text):
        name = f"{int(match[1])}/{int(match[2])}"
        refused = _NOT_THIS_METER.search(text[: match.start()])  # "waltz. NOT in 4/4!!", "snare on 3 (not 2/4)"
        corrected = found is not None and (
            _CORRECTED.search(text, after, match.start()) or _METER_AGAIN.search(text, after, match.start())
        )  # "6/8 but nah, 12/8", "in 6/8 ... hmm that's 12/8 really. ok do 12/8"
        if name in METERS and (found is None or corrected) and not refused:
            found, after = name, match.end()
    if found is None:
        words = next(iter(_meters_said(text)), None)
        counted_in_quarters = words and words[1] == "slow blues" and _IN_QUARTERS.search(text)
        if words and not counted_in_quarters:  # ("slow blues, ride on every quarter note": in 4)
            found = _METER_WORDS[words[1].replace("-", " ")]  # "twelve-eight"
    if found is None:
        found, text = _counted_in(text)
    if found is None:
        found = _count_said_aloud(text)
    if found is None and (instead := _BEATS_INSTEAD.search(text)):  # "3 beats instead of 4"
        found = f"{_number(instead[1])}/4"
        found = found if found in METERS else None
        text = f"{text[: instead.start()]} {text[instead.end() :]}" if found else text
    if found is None and (matras := _MATRAS.search(text)):  # "dadra, 6 matras": a cycle of six
        found = _COUNTED_METERS.get(_number(matras[1]))
    if found is None:
        beats = _BEATS_A_BAR.search(text)
        name = f"{_number(beats[1])}/4" if beats else None
        found = name if name in METERS else None
    text = _METER.sub(lambda m: " " if f"{int(m[1])}/{int(m[2])}" in METERS else m[0], text)  # "1 3 / 2 4" stays
    for m in reversed(_meters_said(text)):
        text = text[: m.start()] + " " + text[m.end() :]
    return found, text


def _count_said_aloud(text: str) -> str | None:
    """ "goes 1-2-3-4-5-6 quick", "counting 1 2 3 1 2 3", "claps 1 2 3 1 2 1 2": the bar a count
    said aloud fills, where no meter is named (a run to 4 or 8 is 4/4's or a dancer's)."""
    for match in _COUNT_RUN.finditer(text):
        runs = _count_runs(match[0])
        if runs is None:
            continue
        if len(runs) == 1 and runs[0] in (5, 6, 7, 9):
            return _COUNTED_METERS[runs[0]]
        if len(runs) > 1 and len(set(runs)) == 1 and runs[0] in (3, 5, 6, 7):
            return _COUNTED_METERS[runs[0]]  # "1 2 3 1 2 3": a waltz's bars
        if len(set(runs)) > 1 and min(runs) >= 2 and sum(runs) in (5, 7, 9):
            return f"{sum(runs)}/8"  # "1 2 3 1 2 1 2": a bar of seven quick counts, grouped
    return None


def _count_runs(said: str) -> list[int] | None:
    """ "1 2 3 1 2 1 2" -> [3, 2, 2]: the length of each run counted up from 1; None when a
    number does not go on from the one before it or start again at 1."""
    runs: list[int] = []
    for n in (int(d) for d in re.findall(r"\d", said)):
        if n == 1:
            runs.append(1)
        elif runs and n == runs[-1] + 1:
            runs[-1] = n
        else:
            return None
    return runs


def _meters_said(text: str) -> list[re.Match[str]]:
    """ "in three four", "a two four polka": meters in words, but not "snare two four" (counts)."""
    return [m for m in _METER_IN_WORDS.finditer(text) if not _COUNTS_BEFORE.search(text, 0, m.start())]


def _counted_in(text: str) -> tuple[str | None, str]:
    """ "a beat in 5 like take five", "something in seven", "I count 1 2 3 4 5": the meter a
    count names; not "kick in 3" (a voice's place) nor "in 3 bars"."""
    for match in _COUNTED_TO.finditer(text):
        runs = _count_runs(match[1])
        if runs is not None and len(runs) == 1 and runs[0] in _COUNTED_METERS:
            return _COUNTED_METERS[runs[0]], text[: match.start()] + " " + text[match.end() :]
    for match in _IN_A_COUNT.finditer(text):
        before = text[: match.start()].split()
        if before and (resolve_voices(before[-1]) or before[-1] in ("on", "at", "comes", "come", "lands")):
            continue
        return _COUNTED_METERS[_number(match[1])], text[: match.start()] + " " + text[match.end() :]
    return None, text


_ONE_AS_THING = frozenset({"the", "big", "small", "little", "other", "that", "this", "low", "high", "loud"})


def _sixteenths_numbered(low: str, meter: str | None) -> bool:
    """ "5/4 loop so 20 steps a bar": the request numbers the sixteenths of its meter of quarters."""
    said = _STEPS_A_BAR.search(low)
    return bool(said and meter and meter.endswith("/4") and int(said[1]) == 4 * int(meter.split("/")[0]))


def _past_any_count(tokens: list[str]) -> bool:
    """ "snare on 5 + 13, kick on 1 & 9": a place numbered 10 to 16 (9 too where steps are spoken
    of), where no meter is named, counts no meter's beats, so the request numbers a sixteenth
    grid's steps (and its 5 and 9 are steps too); "kick on 5" alone may be 5/4's five."""
    lowest = 9 if any(w.startswith("step") for w in tokens) else 10  # "kick on 9" alone: not said as a step
    for k, word in enumerate(tokens):
        if word.isdigit() and lowest <= int(word) <= 16 and k > 0:
            before, after = tokens[k - 1], tokens[k + 1] if k + 1 < len(tokens) else ""
            listed = before in _STEP_LIST_BEFORE or before.isdigit()
            if listed and after not in _NOT_STEPS_AFTER:
                return True
    return False


_SERIES = re.compile(
    r"\s*\d+(?:\s*[,&+]\s*\d+|\s+\d+)+\s*,?\s*(?:\.{2,}|\u2026|etc\.?|and\s+so\s+on)\s*(?:\d+\s*)?"
)  # "(1,3,5,7..)", "(1,3,5...15)"
# "(1-6)": every count from the first ("2-4" is the backbeat's two, typed with a dash)
_COUNT_RANGE = re.compile(r"\s*(\d+)\s*(?:-|–|to|thru|through)\s*(\d+)\s*")
_ASKED_AND_REFUSED = re.compile(r"\?\s*(?:no|nah|nope|not)\b")


_STEPS_AGAIN = re.compile(r"\s*\d{1,2}(?:\s*(?:,|&|\+|and|n)?\s*\d{1,2})+\s*")
_PLACES_AGAIN = frozenset(
    {"offs", "offbeat", "offbeats", "upbeat", "upbeats", "downbeats", "ands", "quarters", "beats", "step", "steps"}
)


def _aside(match: re.Match[str]) -> str:
    """ "(stick on side of the drum)": an aside that names no voice, count or place is left out,
    so it does not stand between a voice and its places; "(so the a of 3)" stays."""
    if _SERIES.fullmatch(match[1]):
        return " "  # "every odd step (1,3,5,7..)": what the words before it say, shown as a series
    if _STEPS_AGAIN.fullmatch(match[1]) and 9 <= max(map(int, re.findall(r"\d+", match[1]))) <= 16:
        before = _tokens(match.string[: match.start()])[-1:]
        if before and (before[0][0].isdigit() or before[0] in _PLACES_AGAIN):
            return " "  # "snare on 2 and 4 (5 and 13)", "hats on the offs (3 7 11 15)": the steps of it
    if (counts := _COUNT_RANGE.fullmatch(match[1])) and int(counts[1]) == 1 and 3 <= int(counts[2]) <= 12:
        return " (" + ", ".join(map(str, range(1, int(counts[2]) + 1))) + ") "  # "every count (1-6)": each
    if _ASKED_AND_REFUSED.search(match[1]):
        return " "  # "(16ths one handed? no way lol)": a thought turned down, not a wish
    words = _tokens(match[1])
    counted = any(
        w[0].isdigit() or (w in NUMBER_WORDS and not (w == "one" and k and words[k - 1] in _ONE_AS_THING))
        for k, w in enumerate(words)
    )  # "the big one" is a drum, not the count
    preceding = _tokens(match.string[: match.start()])
    placed = preceding and (preceding[-1][0].isdigit() or preceding[-1] in NUMBER_WORDS)
    ruling_out = words[:1] in (["no"], ["without"], ["not"])  # "claps on 2 & 4 (no snare drum anywhere)"
    explains = words[:1] in (["like"], ["i"], ["aka"], ["ie"], ["top"], ["start"])
    said_again = len(words) > 1 and BARE_COUNT.fullmatch(words[0]) and not any(w[0].isdigit() for w in words[1:])
    if placed and said_again and not any(resolve_voices(w) for w in words):
        return " "  # "the 2nd 16th of beat 3 (3e in the piano roll)": the place said again, its way
    if placed and (not counted or explains) and not ruling_out:
        return " "  # "the a of two (the last 16th before the snare)", "the e of 2 (like right after 2)": explained
    named = {v for k in range(len(words)) for n in (1, 2, 3) for v in resolve_voices(" ".join(words[k : k + n])) or ()}
    said = {v for n in (1, 2) for v in resolve_voices(" ".join(preceding[-n:])) or ()}
    if named and named <= said and not counted:
        return " "  # "round the toms (the drums on top and the big one on the floor)": it says what they are
    return match[0] if named or counted or any(w in _PLACE_SAYING for w in words) else " "


def _named_by_request(low: str) -> str:
    """ "DUM = kick, TEK = snare. dum on 1 ...": a word the request defines as a voice is that
    voice wherever it stands; the definitions themselves say nothing of places."""
    for match in list(_DEFINED.finditer(low)):
        if resolve_voices(match[2]) is not None and (resolve_voices(match[1]) is None or match[1] in USUAL_SOUNDS):
            low = low.replace(match[0], " ")  # ("tek = rim": a sound word is the drum the request says)
            low = re.sub(rf"\b{re.escape(match[1])}(s?)\b", rf"{match[2]}\1", low)  # "dums on 1 and 3"
    return low


def _nudged(match: re.Match[str]) -> str:
    """ "a 16th late on 2 and 4" -> "on the e of 2 and the e of 4"; "an 8th early on 3" -> "on the
    and of 2" (early on the 1 would be the bar before: left as said)."""
    late, sixteenth = match[2] in ("late", "after", "behind"), match[1][0] in "1s"
    places = []
    for count in (int(n) for n in (match[3], match[4]) if n):
        if late:
            places.append(f"the {'e' if sixteenth else 'and'} of {count}")
        elif count > 1:
            places.append(f"the {'a' if sixteenth else 'and'} of {count - 1}")
        else:
            return match[0]
    return "on " + " and ".join(places)


def _markdown_plainly(low: str) -> str:
    """A pasted spec's markdown as plain lines: no bold, no headings, a table's rows as
    "kick: 1, 3" (a row that is a step string is left to the step reader)."""
    low = _EMPHASIS.sub("", low) if "*" in low or "__" in low else low
    low = _HEADING.sub("", low) if "#" in low else low
    if "|" not in low:
        return low
    low = _TABLE_RULE.sub("", low)
    low = _TABLE_ROW.sub(lambda m: m[0] if _STEP_CELLS.search(m[0]) else _table_line(m), low)
    return _CELL_AFTER_VOICE.sub(r"\1: ", low)


def _table_line(match: re.Match[str]) -> str:
    cells = [c.strip() for c in match[2].split("|") if c.strip()]
    return f"{match[1].strip()}: {' , '.join(cells)}"


def _into_the_one(match: re.Match[str]) -> str:
    """ "snare roll into the one": a roll at the end (once, where the request says "at the end" too)."""
    said_where = match.string.startswith(" at the end", match.end())
    return match[1] if said_where else f"{match[1]} at the end"


def _voice_stuff(match: re.Match[str]) -> str:
    """ "no tom stuff" -> "no toms", "tss tss things" -> "tss"; other "stuff" stays."""
    words = match[1].split()
    said = words[-1] if len(words) == 2 and words[0] in (words[1], "the", "any", "no", "some") else match[1]
    if not resolve_voices(said):
        return match[0]
    lead = " ".join(words[:-1]) + " " if said != match[1] and words[0] != words[1] else ""
    return lead + (f"{said}s" if said in ("tom", "cymbal", "hat", "hi-hat", "hihat") else said)


def _beats_plainly(match: re.Match[str]) -> str:
    """ "in the times 1 and 3" -> "on 1 and 3", "on all the times" -> "on every beat", "of each
    time" -> "of each beat"."""
    if not (match[2] or match[3]):
        return "on "
    return f"{match[1] or ''}{'every' if match[2] else match[3]} beat"


def _in_english_order(match: re.Match[str]) -> str:
    return "opens " if match[1] else "with closed hi-hat" if match[2] else ""


def _romance_word(match: re.Match[str]) -> str:
    said = match[0]
    if said.startswith("contra"):
        return "offbeats" if said.endswith("s") else "offbeat"
    return "no " if said.startswith("nothing") else f"open {match[1]}"


def _rate_plainly(match: re.Match[str]) -> str:
    return f" {match[1]} " if match[1] else " "


def _here_but_there(match: re.Match[str]) -> str:
    """ "no snare on 2!! only on 4" -> "no snare on 2 , snare only on 4"."""
    voice = match[2]
    then = f"{voice} {match[4]}" if match[4] else f"{voice} on {match[5]}"
    return f"{match[1]} {voice} on {match[3]} , {then}"


# Ways of writing a request put plainly, in order, each tried only where its trigger is in the text
# (a substring every match needs: a cheap test that spares the pattern on most requests)
# "teks can go wherever u want": that voice plays, its places left to the answer
_GOES_ANYWHERE = re.compile(
    r"\b((?:the\s+)?[a-z][a-z-]*)\s+(?:can|could|may)\s+(?:go|be|play|land|sit|fall)\s+(?:wherever|anywhere)"
    r"(?:\s+(?:u|you|ya)\s+(?:want|like))?(\s*,?\s*but\b)?"
)
# "the teks on 1& 2& as side stick": the places played on the voice named after "as"
_PLAYED_AS = re.compile(
    r"\b([a-z]+)\s+(on\s+\d[0-9a-z&+ ,]*?)\s+as\s+(?:an?\s+|the\s+)?([a-z][a-z-]*(?:\s[a-z][a-z-]*)?)"
    r"(?=\s*(?:$|[,.;!?)]))"
)


# "move the right hand from the hat to the ride", "move the hats over to the ride": the one instead of the other
_MOVED_TO = re.compile(
    r"\b(?:move|moving|switch|switching|shift)\s+(?:the\s+)?(?:(?:right\s+hand|rh|hand|time|pattern)\s+)?"
    r"(?:from|off)?\s*(?:the\s+)?([a-z][a-z-]*(?:\s[a-z][a-z-]*)?)\s+(?:over\s+)?(?:to|onto)\s+(?:the\s+)?"
    r"([a-z][a-z-]*(?:\s[a-z][a-z-]*)?)"
)


def _moved_to(match: re.Match[str]) -> str:
    two = voice_in(match[2])  # "the ride (chorus ...)": its first word when the two are not one name
    if resolve_voices(match[1]) and two:
        return f"the {two} instead of the {match[1]}{match[2][len(two) :]}"
    return match[0]


def _voices_are_fine(match: re.Match[str]) -> str:
    return f" with {match[1]} and {match[3]}" if match[2] else f" with {match[1]}"


def _eighths_counted(match: re.Match[str]) -> str:
    """ "on eighths 1, 3 and 5" in a meter of eighths: those counts (in 4/4 the eighths stay)."""
    return (
        match[1] if re.search(r"\b\d{1,2}\s*/\s*8\b|\b(?:six|seven|nine|five)[\s-]eight\b", match.string) else match[0]
    )


def _names_a_voice(words: str) -> bool:
    return resolve_voices(words) is not None


def _goes_anywhere(match: re.Match[str]) -> str:
    voice = match[1].removeprefix("the ")
    if not resolve_voices(voice):
        return match[0]
    return f"with {voice} . {voice} " if match[2] else f"with {voice} ,"  # "... but never on 2": kick never on 2


def _played_as(match: re.Match[str]) -> str:
    both = resolve_voices(match[1]) and resolve_voices(match[3])
    return f"{match[3]} {match[2]}" if both else match[0]


# "then the after-beats on the snare": the older players' word for the backbeat ("after beat 2" is a count)
_AFTER_BEATS = re.compile(r"\bthe\s+after[\s-]?beats?\b|\bafter-?beats?\b(?!\s*\d)")
# "ride riding on top", "a bell pattern running on top the whole way": it plays, over the rest
_ON_TOP_GOING = re.compile(
    r"\b([a-z][a-z-]*)(?:\s+(?:pattern|part|line))?\s+(?:riding|running|going|playing|sitting|floating|"
    r"ticking|tapping|dancing)\s+(?=on\s+top\b)"
)


# "just shaker on every 16th and a kick on the one": those two and nothing else, each where it is put
_JUST_THESE_TWO = re.compile(
    r"\b(?:just|only)\s+(?:the\s+|a\s+)?([a-z][a-z-]*)\s+(on\s+[^,.;:!?()]+?)\s+and\s+(?:the\s+|a\s+)?"
    r"([a-z][a-z-]*)\s+(on\s+[^,.;:!?()]+?)(?=\s*(?:$|[,.;!?]))"
)


def _just_these_two(match: re.Match[str]) -> str:
    one, two = match[1], match[3]
    if not (resolve_voices(one) and resolve_voices(two)) or " and " in match[2] or " and " in match[4]:
        return match[0]  # ("just kick on 1 and 3 and snare on 2": a list of places, read as it stands)
    return f"only {one} and {two} , {one} {match[2]} , {two} {match[4]}"


def _voice_kept(match: re.Match[str]) -> str:
    """The voice alone, the words after it dropped, where the first group names one ("ride riding
    on top", "shaker doing the agbê on 8ths")."""
    return f"{match[1]} " if resolve_voices(match[1]) else match[0]


# "tutti on the downbeat of every measure (kick, snare and crash all together)": those, together there
_TUTTI = re.compile(r"\btutti\s+(on\s+[^(),.;]+?)\s*\(\s*([^()]+?)(?:\s+(?:all\s+)?together)?\s*\)")
# "then the snare on its own on beat 3": alone there, which the place says
_ON_ITS_OWN = re.compile(r"\s+(?:on\s+its\s+own|by\s+itself|alone)\s+(?=on\b|at\b)")
# "kick on eighths 1, 3 and 5" in 7/8: the eighths counted, not every eighth
_EIGHTHS_COUNTED = re.compile(
    r"\b(on\s+(?:the\s+)?)(?:8ths|eighths|8th\s+notes|eighth\s+notes)\s+(?=\d+(?:\s*(?:,|and|&)\s*\d+)+)"
)
# "crash cymbal right on the 1 together with the kick": both there
_TOGETHER_WITH = re.compile(
    r"\b([a-z][a-z-]*(?:\s[a-z][a-z-]*)?)\s+(?:right\s+|exactly\s+)?(on\s+(?:the\s+)?\d[&+ea]?)\s+"
    r"(?:together\s+with|along\s+with|with)\s+(?:the\s+|a\s+)?([a-z][a-z-]*)\b"
)
# "hats going fast like 16ths at least": on them
_LIKE_A_RATE = re.compile(
    r"\b(?:(?:fast|quick|rapid)\s+)?like\s+((?:16|8|32)ths|sixteenths|eighths|triplets)(?:\s+at\s+least)?\b"
)
# "keep the kick OFF the 2 and 4 those are for the rim": that voice on those places
_THOSE_ARE_FOR = re.compile(r"\b(?:those|these|they)\s+are\s+for\s+(?:the\s+|a\s+)?([a-z][a-z-]*(?:\s[a-z-]+)?)\b")
# "kick on the 1st and 3rd of them" (four big beats): those beats
_NTH_OF_THEM = re.compile(
    r"\bthe\s+([1-7])(?:st|nd|rd|th)\s+(and|&|or)\s+([1-7])(?:st|nd|rd|th)\s+(?:of\s+(?:them|those|these)|ones?)\b"
)
# "the very last 16th of the bar": the a of the last count (4/4's unless another meter is said)
_LAST_SIXTEENTH = re.compile(
    r"\bthe\s+(?:very\s+)?last\s+(?:16th|sixteenth)(?:\s+note)?"
    r"(?:\s+of\s+the\s+(?:bar|measure)|(?!\s+(?:of|before|in|on|from)\b))"  # (not "the last 16th of beat 2")
)
# "end on a cymbal swell into the bridge": the ending's fill, on that cymbal
_SWELL_AT_THE_END = re.compile(
    r"\b(end(?:s|ing)?|finish(?:es|ing)?)\s+(?:it\s+|things\s+)?(?:on|with)\s+(?:a\s+|an\s+)?(?:big\s+|little\s+)?"
    r"(cymbal|crash|ride)\s+swells?\b"
)
# "shaker doing the agbê on 8ths": the part it stands in for, by a name the table does not know
_DOING_THE_PART = re.compile(r"\b([a-z][a-z-]*)\s+(?:doing|playing|taking)\s+the\s+[^\s,.;:]+\s+(?=on\s)")
# "bass drum on dotted crotchet beats 1 and 3" (12/8): the beats, by the note that makes them
_DOTTED_BEATS = re.compile(
    r"\bon\s+(?:the\s+)?dotted[\s-]+(?:crotchets?|quarters?(?:[\s-]+notes?)?|quarter[\s-]+notes?)\s+beats?\s+(?=\d)"
)
# "snare where it is on 2 + 4": where it always is, which the places say
_WHERE_IT_IS = re.compile(r"\s+where\s+it\s+(?:is|was|belongs|always\s+is|usually\s+is|should\s+be)\s+(?=on\b)")
# "3 beats instead of 4": a bar of three
_BEATS_INSTEAD = re.compile(r"\b(two|three|five|six|seven|[23567])\s+beats\s+instead\s+of\s+(?:four|4)\b")


def _together_with(match: re.Match[str]) -> str:
    one = voice_in(match[1], last=True)
    if not (one and resolve_voices(match[3])):
        return match[0]
    return f"{match[1][: len(match[1]) - len(one)]}{one} and {match[3]} together {match[2]}"


def _those_are_for(match: re.Match[str]) -> str:
    voice = voice_in(match[1])
    return f". {voice} gets those{match[1][len(voice) :]}" if voice else match[0]


# "drums tacet on beat 1 of every measure": the score's word for the whole kit silent there
_KIT_TACET = re.compile(
    r"\b(?:the\s+)?(?:drums|drum\s+kit|whole\s+kit|full\s+kit|kit|everything|percussion)\s+"
    r"(?:is\s+|are\s+|goes\s+|go\s+|stays?\s+)?tacet\b\s*(?=on\b|at\b|for\b)"
)
_PLAINLY: tuple[tuple[tuple[str, ...], re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (("@",), _AT_SIGN, " at "),
    ((" / ", " + "), _FIELD_JOIN, " ; "),
    (("(", "["), _BRACKETED, r"\1 on \2"),
    (("/",), _FRACTION_NOTES, lambda m: _FRACTION_NAMES[m[1]]),
    (("top of",), _ON_TOP_OF, lambda m: f"{m[1] or m[3]} doubling {m[2] or m[4]}"),
    (("clash",), _CLASHING, " . "),
    (
        ("can ", "could ", "should ", "will ", "may ", "might ", "must ", "would ", "gotta", "got to", "ve to", "s to"),
        _MODAL_ON,
        r"\1",
    ),
    (("together", "at once", "unison"), _ALL_TOGETHER, "together"),
    (("tacet",), _KIT_TACET, "nothing "),
    (("together with", "along with", " with "), _TOGETHER_WITH, _together_with),
    (("like ",), _LIKE_A_RATE, r"on \1"),
    ((" are for ",), _THOSE_ARE_FOR, _those_are_for),
    ((" of them", " of those", " of these", " ones"), _NTH_OF_THEM, r"\1 \2 \3"),
    (("last 16th", "last sixteenth"), _LAST_SIXTEENTH, "the a of 4"),
    (("swell",), _SWELL_AT_THE_END, r"\1 with a \2 fill"),
    (("dotted",), _DOTTED_BEATS, "on "),
    (("where it",), _WHERE_IT_IS, " "),
    (
        ("doing the", "playing the", "taking the"),
        _DOING_THE_PART,
        _voice_kept,
    ),
    (("8ths ", "eighths ", "8th notes ", "eighth notes "), _EIGHTHS_COUNTED, _eighths_counted),
    (("tutti",), _TUTTI, r"\2 together \1"),
    ((" own ", " itself ", " alone "), _ON_ITS_OWN, " "),
    (("after",), _AFTER_BEATS, "the backbeat"),
    (("on top",), _ON_TOP_GOING, _voice_kept),
    (("just ", "only "), _JUST_THESE_TWO, _just_these_two),
    (("wherever", "anywhere"), _GOES_ANYWHERE, _goes_anywhere),
    (("move", "moving", "switch", "shift"), _MOVED_TO, _moved_to),
    ((" as ",), _PLAYED_AS, _played_as),
    ((" out for",), _SWAP_OUT, r"\1 \2 "),
    (("em on", "on em", "on 'em"), _EM, "them"),
    ((" to the", "-to-the"), _FOUR_TO_THE, "four on the floor"),
    (("alone",), _LEAVE_ALONE, lambda m: f"no {m[1]}" if resolve_voices(m[1]) else m[0]),
    (("stuff", "thing", "business"), _VOICE_STUFF, _voice_stuff),
    ((" there",), _LIVE_THERE, r"\1 the \2 , \3 on \2"),
    (
        ("anything on", "anything at all on"),
        _NOT_ANYTHING_ON,
        lambda m: f"no {m[2]} on {m[1]}" if m[2] else f"nothing on {m[1]}",
    ),
    (("all i", "all we", "everything i", "everything we"), _ALL_I_WANT, "that's it"),
    ((" fine", " ok", " cool", " allowed", " plenty", " enough"), _VOICE_IS_FINE, _voices_are_fine),
    (("accent",), _ACCENTS_ON, " "),
    (("at all",), _AT_ALL_EXCEPT, r"\1 "),
    (("the time", "each time", "every time"), _TIMES_AS_BEATS, _beats_plainly),
    (("from",), _AND_FROM, "the and of "),
    (("contra", "nothing of", "abiert"), _ROMANCE_WORDS, _romance_word),
    (("cymbal ride", "cymbal crash", "open on", "closed one"), _ROMANCE_ORDER, _in_english_order),
    (("finish",), _FINISH_ON, r"a \1 fill"),
    (("1-", "1 -"), _RANGE_FROM_ONE, lambda m: ", ".join(str(n) for n in range(1, int(m[1]) + 1))),
    (("step",), _STEPS_OF_A_KIND, lambda m: f"{m[1]}beat{m[2]}" if m[1] else "the ands"),
    (("filling", "covering", "hitting"), _FILLING_ALL, "on "),
    (("fast", "quick", "rapid", "steady", "constant", "tight", "whole"), _RATE_COLOURED, _rate_plainly),
    (("only on", "just on", " fine", " ok", " good", " cool"), _NOT_HERE_BUT_THERE, _here_but_there),
    (("instead",), _DOES_IT_INSTEAD, r"\1 plays instead"),
    (("otherwise",), _RATE_OTHERWISE, r"\1 on the rest of the \2"),
    (("closed",), _KEEP_EM_CLOSED, r"closed \1 on \2 too , no open \1 on \2"),
    (("'s",), _THOSE_ARE, lambda m: f"{m[1]} , {m[2]} on {m[1].replace(' or ', ' and ')}"),
    (("di", "pon", "nutt", "wid"), _PATOIS, lambda m: _PATOIS_WORDS.get(m[0], "nothing")),
    (("to the",), _INTO_THE_ONE, _into_the_one),
    (("just", "only"), _BEAT_JUST, r" . on \1 just \2 "),
    (("late", "after", "behind", "early", "before", "ahead"), _NUDGED, _nudged),
    (("only",), _NOT_THERE_ONLY_HERE, r"\1\2, only on the \3"),
    ((" of ",), _ANY_OF, r"\1 "),
    ((":", "=", "-", "\u2013", "\u2014"), _NEGATED_FIELD, r"\1 "),
)


def _written_plainly(low: str) -> str:
    """The request with its forms, symbols and spellings put plainly (`_PLAINLY`); a reggae
    player's "di" is "the", a konnakol count's "di" is a syllable."""
    for triggers, pattern, plainly in _PLAINLY:
        if not any(t in low for t in triggers) or (pattern is _PATOIS and _KONNAKOL.search(low)):
            continue
        low = pattern.sub(plainly, low)
    return low


def _slashed_counts(match: re.Match[str]) -> str:
    """ "snare on 2/4", "kick on 1/3" are counts, not meters: rising numbers under 8 after "on"."""
    counts = re.split(r"\s*/\s*", match[2])  # "kick 1 / 2& / 4": counts and their parts too
    numbers = [int(n[0]) + {"": 0, "e": 0.25, "&": 0.5, "+": 0.5, "a": 0.75}[n[1:]] for n in counts]
    if numbers != sorted(set(numbers)) or numbers[-1] > 7:
        return match[0]
    return match[1] + " and ".join(counts)


def _take_bpm(text: str, unplaced: list[str]) -> tuple[int | None, str]:
    bpm = None
    for match in _BPM.finditer(text):
        value = int(match[1] or match[2])
        if BPM_MIN <= value <= BPM_MAX:
            bpm = bpm or value
        elif match[1]:
            unplaced.append(f"{value} bpm (tempo is {BPM_MIN} to {BPM_MAX} bpm)")
    return bpm, _BPM.sub(" ", text)


_PIECES = ("groove", "beat", "pattern", "loop", "rhythm", "thing", "one")  # "a groove of 4 bars"
_SO_MANY_A_BAR = frozenset({"steps", "step", "beats", "counts", "hits", "notes", "eighths", "8ths", "16ths"})


def _take_bars(text: str, unplaced: list[str]) -> tuple[int | None, str, list[str]]:
    """The bar count the words give, the text without it, and the words of each bar they name
    ("in the last bar"), left in the text as one `BAR_MARK` each."""
    bars, last, said = None, 0, 0
    clamped: tuple[int, int] | None = None  # a count past the most a pattern holds, and where it ends
    found = list(_BARS.finditer(text))
    aside = [text.count("(", 0, m.start()) > text.count(")", 0, m.start()) for m in found]
    total = _bars_added(text, found)
    if total is not None:  # "1 bar of time + 1 bar of 16th fill": two bars in all
        bars, said, found, aside = total, found[-1].end(), [], []
    for match, in_aside in zip(found, aside, strict=True):
        if in_aside and not all(aside):
            continue  # "(son 3-2 squeezed in one bar) ... 2 bars": what the aside describes, not the length
        corrected = bars is not None and _CORRECTED.search(text, said, match.start())  # "3 bars... nah, 2 bars"
        last = match.end()
        value = _number(match[1] or match[2])
        before = text[: match.start()].split()[-2:] or [""]
        if before[-1] == "of" and before[0] in ("long", "length", "loop", "total", "end", *_PIECES):
            before = [""]  # "i want it long of three bar", "a groove of 4 bars": how long
        if before[-1] in ("every", "each", "per", "of", "last", "first", "times", "once", "twice"):
            continue  # "every 4 bars", "the last bar", "3 times a bar": where, not how long
        if match[1] in ("a", "an") and (
            before[-1] in _SO_MANY_A_BAR or (before[-1] == "in" and before[0] in _SO_MANY_A_BAR)
        ):
            continue  # "20 steps a bar", "5 beats in a bar": how many in each, not how many bars
        if _TOO_LONG.match(text, match.end()):  # "16 bars is too long just give me 4": not this many
            wanted = _GIVE_ME.search(text[: match.end() + 60], match.end())
            if wanted and BARS_MIN <= (value := _number(wanted[1])) <= BARS_MAX:
                bars, said = value, wanted.end()
            continue
        holds = _A_BAR_HOLDS.match(text[match.end() :])
        if holds and value == 1 and not match[0].rstrip().endswith("s"):
            continue  # "a bar of 4 glued to a bar of 3": what a bar holds, not how many
        if BARS_MIN <= value <= BARS_MAX:
            bars, said = (value, match.end()) if bars is None or corrected else (bars, said)
        elif value > BARS_MAX and bars is None and not _form_named(text, match):
            bars, said, clamped = BARS_MAX, match.end(), (value, match.end())  # "sixteen bars of lofi": the most
        else:
            unplaced.append(f"{value} bars (a pattern is {BARS_MIN} to {BARS_MAX} bars)")
    if clamped is not None:  # said so, unless another count took its place ("16 bars..., actually 4")
        kept = bars == BARS_MAX and said == clamped[1]
        limit = f"a pattern is {BARS_MIN} to {BARS_MAX} bars"
        unplaced.append(f"{clamped[0]} bars ({LIMITED}: {BARS_MAX})" if kept else f"{clamped[0]} bars ({limit})")
    if bars is not None:  # "2 bars ... actually no, make that 4", "4 bars - no, 8"
        taken_back = _BARS_TAKEN_BACK.match(text, last)
        if taken_back and BARS_MIN <= (value := _number(taken_back[1])) <= BARS_MAX:
            bars = value
        for match in _BARS_AGAIN.finditer(text, last):
            if BARS_MIN <= (value := _number(match[1])) <= BARS_MAX:
                bars = value
        text = _BARS_AGAIN.sub(" ", text)
    text = _BARS.sub(" ", _EVERY_N_BARS.sub(" every few bars ", text))  # how often, kept ("crash on 1 every 4 bars")
    refs = [m[0].strip() for m in _BAR_REFERENCE.finditer(text)]
    return bars, _BAR_REFERENCE.sub(f" {BAR_MARK} ", text), refs


def _form_named(text: str, match: re.Match[str]) -> bool:
    """ "a 12 bar blues", "12-bar blues": the form's name, not a length ("12 bars of blues" is one)."""
    return not match[0].rstrip().endswith("s") and text[match.end() :].lstrip().startswith("blues")


def _bars_added(text: str, found: list[re.Match[str]]) -> int | None:
    """ "3 bars of groove and 1 bar of fill", "1 bar of time + 1 bar of fill": sections one
    after another, each "N bars of ...", make a pattern of their sum (when it fits one)."""
    if len(found) < 2:
        return None
    for before, after in itertools.pairwise(found):
        if not _SECTION_THEN.fullmatch(text, before.end(), after.start()):
            return None
    total = sum(_number(m[1] or m[2]) for m in found)
    return total if BARS_MIN <= total <= BARS_MAX else None


def _list_marks_out(low: str) -> str:
    """Each mark of a numbered or bulleted list ("1) kick on 1 and 3 2) snare 2 and 4", "- no
    crash") as a clause break; "(so 1, 2&, 4)" keeps its "4)"."""
    out, at, depth = [], 0, 0
    for match in _ITEM_NUMBER.finditer(low):
        if match[0] == "(":
            depth += 1
        elif match[0] == ")":
            depth = max(0, depth - 1)
        elif depth:
            depth -= 1  # the "4)" that closes "(1, 2&, 4)"
        else:
            out += [low[at : match.start()], " ; "]
            at = match.end()
    return _BULLET.sub(" ; ", "".join(out) + low[at:])


def _density(low: str) -> str:
    """ "busy", "sparse" or "": what the words ask for; "too busy" asks for less."""
    asked = {
        (m.re is _BUSY) != bool(_TOO.search(low, 0, m.start())) for m in (*_BUSY.finditer(low), *_SPARSE.finditer(low))
    }
    return "busy" if True in asked else "sparse" if asked else ""


def _number(word: str) -> int:
    """A count in digits or in words ("4", "four", "a")."""
    return int(word) if word.isdigit() else BAR_NUMBERS[word]


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    for k, piece in enumerate(STEP_STRING.split(text)):
        if k % 2:  # a step string, kept whole: "x.x.xx.x.x.x"
            out.append(piece)
            continue
        piece = re.sub(r"(?<=[a-z])-(?=[a-z0-9])|(?<=\d)-(?=[a-z])", " ", piece)  # "eighth-note", "four-on-the-floor"
        out += _TOKEN.findall(piece)
    return out
