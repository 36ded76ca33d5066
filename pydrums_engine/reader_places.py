"""Reading places in the drummer's counting: "3", "2&", "the and of 3", "the offbeats",
"every other 8th", "1 e & a", steps of a grid, "in the last bar".

A part of the token reader (`reader.py`), which tries each form at each token.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from fractions import Fraction

from .notation import get_meter
from .places import COUNT_KEY, counting, place_steps
from .reader_base import ReaderBase
from .reader_words import (
    AND_WORDS,
    BAR_MARK,
    BAR_NOUNS,
    BAR_NUMBERS,
    BAR_ORDINALS,
    BAR_PREFIXES,
    BAR_WORDS,
    BARE_COUNT,
    BEFORE_COUNT,
    CLAUSE_ENDS,
    COUNT_AND_PART,
    EIGHTH_COUNT,
    EVERY_N,
    EXCEPT,
    FILLERS,
    HOMOPHONE_BEFORE,
    IN_BETWEEN,
    LAST_OF_BAR,
    LIST_JOINERS,
    LIST_OPENERS,
    NAMED_BY_FIRST,
    NOTE_VALUES,
    NTH_STEP,
    NUMBER_WORDS,
    ON_EACH_BEAT,
    ON_WORDS,
    ONE_BEFORE,
    ONLY_BEFORE,
    ORDINALS,
    PART_KEYWORDS,
    PART_OF_BEAT,
    RATE_WORDS,
    SAID_AS_COUNT,
    SIXTEENTH,
    STEP_WORDS,
    SUFFIX,
    TRIPLET_NOUNS,
    TRIPLET_ORDINALS,
    WHOLE_BAR,
    WHOSE,
)


def _eighths_of_12(places: list[str], meter: str | None) -> list[str]:
    """In 12/8 the counts are the four dotted-quarter beats ("1 & a 2 & a ..."); a list with a
    number past 4 counts the bar's twelve eighths instead, so each becomes its beat and part
    (the bembé bell "1 3 5 6 8 10 12" is 1, 1a, 2&, 2a, 3&, 4, 4a)."""
    if meter != "12/8" or not any(p.isdigit() and 4 < int(p) <= 12 for p in places):
        return places
    if not all((p.isdigit() and 1 <= int(p) <= 12) or not p[:1].isdigit() for p in places):
        return places
    return [_eighth_of_12(int(p)) if p.isdigit() else p for p in places]


def _eighth_of_12(n: int) -> str:
    """The nth eighth of a 12/8 bar (1-12) as its beat and part: 5 -> "2&", 12 -> "4a"."""
    return f"{(n - 1) // 3 + 1}{('', '&', 'a')[(n - 1) % 3]}"


_BARE_STEP = re.compile(r"\d{1,2}")  # "kick on steps 1 5 9 13"
_COUNT_WORD = re.compile(r"(\d+)(?:st|nd|rd|th)?([&+ea]?)")  # "3", "2nd", "2&", "4a"


PART_TOKENS = {"and": "&", "&": "&", "+": "&", "e": "e", "a": "a", "ah": "a", "uh": "a", "n": "&"}


RUN_ORDER = {"e": 1, "&": 2, "+": 2, "and": 2, "n": 2, "a": 3, "ah": 3}  # "1 e & a": the parts in order


_COUNTING_WORDS = frozenset(RUN_ORDER) | frozenset(NUMBER_WORDS)  # after an "a" that is the count's, not an article


def string_places(steps: str, meter_name: str) -> tuple[str, ...] | None:
    """The counts a step string's hits fall on, read as one bar of the meter ("x---x---" is
    4/4 in eighths: 1 and 3); None when it is no whole bar or a hit falls between counts."""
    bars = set(steps.strip("|").split("|"))
    if len(bars) != 1:
        return None  # bars that differ: no one bar to repeat
    bar = bars.pop()
    counts, parts = counting(get_meter(meter_name))
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


def shifted(places: tuple[str, ...], start: int) -> tuple[str, ...]:
    """A figure of counts moved to begin on beat ``start`` ("same again on 3"); () when the
    figure is not all counts."""
    keys = [COUNT_KEY.fullmatch(p) for p in places]
    if not places or not all(keys):
        return ()
    shift = start - min(int(k[1]) for k in keys)
    return tuple(f"{int(k[1]) + shift}{k[2]}" for k in keys)


# The beats from 1 counted out loud, each with the same parts: "1 e & a 2 e & a", "1 & 2 &"
_COUNTED_RATES = {("", "e", "&", "a"): "sixteenths", ("", "&"): "eighths"}


def _counted_rate(places: list[str]) -> str | None:
    """The rate a count said out loud keeps ("1 e & a 2 e & a": sixteenths); None for a list."""
    for parts, rate in _COUNTED_RATES.items():
        beats = len(places) // len(parts)
        if beats and places == [f"{b}{p}" for b in range(1, beats + 1) for p in parts]:
            return rate
    return None


class PlaceForms(ReaderBase):
    """One place or a list of places at a token, in the meter's counting."""

    def _placed_after(self, i: int) -> int | None:
        """Where the places end when "on ..." follows at i ("closed on the 8ths"), else None."""
        if i < len(self.tokens) and self.tokens[i] in ("on", "at"):
            places, end = self._places(i + 1)
            return end if places else None
        return None

    def _places_follow(self, i: int) -> bool:
        return bool(self._places_after(i)[0])

    def _places_after(self, i: int) -> tuple[tuple[str, ...], int]:
        """The places said from token i, and where they end: "every beat", "each group" (the
        kick startin each group) or "on 2 and 4"; none when neither follows."""
        if self._at(i, "each") or self._at(i, "every"):
            return self._places(i)
        if i < len(self.tokens) and self.tokens[i] in ON_WORDS:
            return self._places(i + 1)
        return (), i

    def _place(self, i: int) -> tuple[str | None, int]:
        """One place at i: "3", "2&", "the and of 3", "beat 2", "the offbeats", "eighths"."""
        t = self.tokens
        if i >= len(t):
            return None, i
        if tuple(t[i : i + 2]) in BAR_PREFIXES:  # "on every bar's one"
            i += 2
        if i + 1 < len(t) and t[i] == "all" and not self._at(i + 2, "of"):
            every = self._every_count(i + 1)  # "hh on all six" in 6/8
            if every is not None:
                return every
        if tuple(t[i : i + 2]) in (("each", "of"), ("all", "of")) or self._at(i, "every", "one", "of"):
            # "each of the seven quarters" ("crash on every one" is each bar's 1)
            i = self._skip(i + 2, frozenset({"the", "of"}))
            if i >= len(t):
                return None, i  # the words end: "... each of"
        if t[i] == "beats" and (self._ends_clause(i + 1) or self._one_voice(i + 1)[0]):
            return "beats", i + 1  # "k on beats hh offbeats" ("beats 2 and 4" are counts)
        for at in (i, self._skip(i, frozenset({"the", "beat", "beats", "count", "counts", "all"}))):  # "all the ands"
            for words, place in NAMED_BY_FIRST.get(t[at] if at < len(t) else "", ()):
                if self._at(at, *words):
                    return place, at + len(words)
        if self.steps and t[i] in SIXTEENTH and i + 1 < len(t) and t[i + 1] in STEP_WORDS:
            i += 1  # "16th step 12"
        said_step = bool(self.steps) and i < len(t) and t[i] in STEP_WORDS
        i = self._skip(i, BEFORE_COUNT | (STEP_WORDS if self.steps else frozenset()))
        if i >= len(t):
            return None, i
        if said_step and not self._in_steps:  # "kick on 1, 2+ and 16th step 12": this one is a step
            with self._steps_as(True):
                return self._count(i)
        word = t[i]
        if self._at(i, "every", "other") and i + 2 < len(t) and t[i + 2] in RATE_WORDS:
            return self._every_other(RATE_WORDS[t[i + 2]], i + 3)
        if word in ("every", "each") and i + 1 < len(t) and t[i + 1] in NOTE_VALUES and self._at(i + 2, "note"):
            i, word = i + 1, t[i + 1]  # "every 8 note" (`NOTE_VALUES`); "every 4" is no note value
        if word in ("every", "each") and i + 1 < len(t) and t[i + 1] in RATE_WORDS:  # "every 8th"
            i, word = i + 1, t[i + 1]
        nth = NTH_STEP.get(t[i + 1]) if word in ("every", "each") and i + 2 < len(t) else None
        if nth and t[i + 2] in STEP_WORDS and self._quarter_beats():  # "every 4th step" of a sixteenth grid
            return nth, i + 3
        if word in ("every", "each") and i + 1 < len(t) and (t[i + 1][:1].isdigit() or t[i + 1] in NUMBER_WORDS):
            count, end = self._count(i + 1)  # "crash on every 1": each bar's 1
            if count is not None and not (end < len(t) and t[end] in {*RATE_WORDS, *STEP_WORDS, *EVERY_N}):
                return count, end
        k = self._skip(i + 1, frozenset({"big", "dotted", "main", "felt", "strong", "quarter"}))
        if (word.isdigit() or word in BAR_NUMBERS) and k < len(t) and t[k] in ("beats", "pulses"):
            return "beats", k + 1  # "the kick sits on the 4 big dotted beats", "marks the four dotted-quarter pulses"
        if word in NOTE_VALUES and (self._at(i + 1, "note") or self._at(i + 1, "notes")):
            return NOTE_VALUES[word], i + 2  # "hihat play every 8 note"
        if (word.isdigit() or word in BAR_NUMBERS) and i + 1 < len(t) and t[i + 1] in RATE_WORDS:
            i, word = i + 1, t[i + 1]  # "all 8 eighth notes", "four quarter notes", "all twelve triplets"
        if word in RATE_WORDS:
            rate, end = RATE_WORDS[word], i + 1
            if rate == "triplets" and end < len(t) and RATE_WORDS.get(t[end]) == "eighths":
                end += 1  # "triplet 8ths"
            return rate, self._skip(end, frozenset({"note", "notes"}))
        if word == "very":
            i, word = i + 1, t[i + 1] if i + 1 < len(t) else ""
        last = LAST_OF_BAR.get((word, t[i + 1] if i + 1 < len(t) else ""))
        if last is not None and (self.meter or "").endswith("/8"):  # 7/8 counts eighths: its last 8th is
            last = ({"&": "a"} if self.meter == "12/8" else {"&": "", "a": "&"}).get(last, last)  # the 7; 12/8's 4a
        one, after_one = self._count(self._skip(i + 3, frozenset({"the", "beat", "next"})))
        if last is not None and self._at(i + 2, "before") and one == "1":  # "the last 16th before the one"
            counts, parts = counting(get_meter(self.meter or "4/4"))
            if last in parts:
                return f"{counts}{last}", after_one
        if last is not None and not self._count(self._skip(i + 3, frozenset({"the", "beat"})))[0]:
            counts, parts = counting(get_meter(self.meter or "4/4"))  # "the very last 16th of the bar"
            if last in parts:
                return f"{counts}{last}", self._skip(i + 2, frozenset({"of", "the", "each", "every", "bar", "measure"}))
        part = PART_OF_BEAT.get((word, t[i + 1] if i + 1 < len(t) else ""))
        if part is not None and self._at(i + 2, "of") and (self.meter or "4/4").endswith("/4"):
            count, end = self._count(self._skip(i + 3, frozenset({"the", "beat", "count"})))
            if count is not None and count.isdigit():  # "the last 16th of beat 2": the a of 2
                return f"{count}{part}", end
        if word in TRIPLET_ORDINALS and i + 2 < len(t) and t[i + 1] in TRIPLET_NOUNS and t[i + 2] == "of":
            return self._triplet(i)  # "the last triplet of beat 2"
        k = self._skip(i + 1, frozenset({"right", "just", "directly", "immediately"}))
        if word in PART_TOKENS and k < len(t) and t[k] in ("after", "before"):
            count, end = self._count(self._skip(k + 1, frozenset({"the", "beat"})))
            if count is not None and count.isdigit():  # "the and after 2", "the e before 3", "the & right after 4"
                n = int(count) - (t[k] == "before")
                return f"{n or counting(get_meter(self.meter or '4/4'))[0]}{PART_TOKENS[word]}", end
            b = i - 1
            while b >= 0 and t[b] in ("the", "and", ",", "&", "+"):
                b -= 1
            said = b < i - 1 and t[b].isdigit()
            if said and t[k] == "after" and self._quarter_beats():  # "1 and the e right after": that count's e
                return f"{int(t[b])}{PART_TOKENS[word]}", k + 1
            return None, i
        if word in PART_TOKENS and self._at(i + 1, "of"):
            count, end = self._count(self._skip(i + 2, frozenset({"the", "beat"})))
            if count is not None and count.isdigit():
                return f"{count}{PART_TOKENS[word]}", end
            return None, i
        return self._count(i)

    def _every_count(self, i: int) -> tuple[str, int] | None:
        """ "all six" (6/8), "all 4" (4/4): every count of the bar, when the number is the
        bar's count of numbers; "all 4 beats" is `_place`'s."""
        t = self.tokens
        word = t[i]
        n = int(word) if word.isdigit() else NUMBER_WORDS.get(word, 12 if word == "twelve" else None)
        meter = get_meter(self.meter or "4/4")
        if n == 12 and meter.name == "12/8" and not (i + 1 < len(t) and t[i + 1] in {*RATE_WORDS, "beats", "beat"}):
            return "eighths", self._skip(i + 1, frozenset({"of", "them"}))  # "hats on all twelve"
        if n is None or n != counting(meter)[0] or (i + 1 < len(t) and t[i + 1] in {*RATE_WORDS, "beats", "beat"}):
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
        between = self._phrase_length(j, IN_BETWEEN)
        if start is None and on_and and between:  # "snare every other 8th in between them": the ands
            return on_and, self._skip(j + between, frozenset({"them", "those", "the", "beats", "kicks"}))
        said, after = self._place(j) if start is None and on_and and self._at(j, "the") else (None, j)
        if said is not None and said in (on_count, on_and):  # "every other eighth (the ands)": the half named
            return said, after
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
        return f"{count}{TRIPLET_ORDINALS[self.tokens[i]]}", end

    def _count(self, i: int) -> tuple[str | None, int]:
        """A count with an attached part: "3", "2&", "2+", "3e", "4a", "two", "2nd"."""
        if i >= len(self.tokens):
            return None, i
        word = self.tokens[i]
        if self._at(i + 1, "of") and self.tokens[i + 2 : i + 3] in (["them"], ["those"], ["these"], ["em"]):
            return None, i  # "all 12 of them": how many
        if word == "one" and i + 1 < len(self.tokens) and self.tokens[i + 1] in ONE_BEFORE:
            return None, i  # "plus one extra hit": how many, not the one
        if word == "one" and i and self.tokens[i - 1] in AND_WORDS | {","} and self._places_follow(i + 1):
            return None, i  # "one on 2e and one on 3a": a hit, placed (`_one_on`)
        if word in NUMBER_WORDS:
            voice, end = (
                self._one_voice(i + 1) if i + 1 < len(self.tokens) and self.tokens[i + 1].isalpha() else ((), i)
            )
            before = self.tokens[i - 2 : i]
            listed = i > 0 and self.tokens[i - 1] in {"on", "of", *NUMBER_WORDS}  # "kick one three", "a of three snare"
            listed = listed or (  # "kick on one and three snare two and four" (typed by voice)
                len(before) == 2 and before[1] in AND_WORDS | {","} and before[0] in NUMBER_WORDS
            )
            counts_next = listed and (self._at_number_word(end) or self._at_bare_count(end))
            part_of = i > 1 and self.tokens[i - 1] == "of" and self.tokens[i - 2] in PART_TOKENS  # "the and of three"
            if voice and not self._places_follow(end) and not counts_next and not part_of:
                return None, i  # "and one crash somewhere": how many, not where ("kick on one snare two four": where)
            return str(NUMBER_WORDS[word]), i + 1  # "kick on one and three snare on two and four": a count
        said = SAID_AS_COUNT.get(word)
        if said and i and self.tokens[i - 1] in HOMOPHONE_BEFORE and self._homophone_ends(i + 1):
            return said, i + 1  # "snare on to and for" (typed by voice): 2 and 4
        if word in ORDINALS:  # "the first beat and beat 3"
            if self._at(i + 1, "one") and not (i and self.tokens[i - 1] == "the"):
                return None, i  # "..., first one stays on 2": a hit, not the count ("the first one": the 1)
            return str(ORDINALS[word]), self._skip(i + 1, frozenset({"beat", "count"}))
        match = _COUNT_WORD.fullmatch(word)
        if match and not match[2] and self._hits_a_bar_at(i + 1):
            return None, i  # "4 tamb hits a bar": how many, not where
        if match and self._in_steps and not match[2]:
            return self._step_place(int(match[1])), i + 1
        if not match or not 1 <= int(match[1]) <= 12:
            return None, i
        part = SUFFIX.get(match[2], "")
        return f"{int(match[1])}{part}", i + 1

    def _places(self, i: int, whose: bool = True) -> tuple[tuple[str, ...], int]:
        """A list of places joined by "and", commas, "&": ("1", "3&"), and where it ends."""
        if not (self._at(i, "even") and self.tokens[i + 1 : i + 2] in (["beats"], ["beat"], ["ones"])):
            i = self._skip(i, LIST_OPENERS)  # "on even 8ths", not "on even beats" (2 and 4)
        if self._floor_at(i):
            return (), i  # "kick playing four on the floor": the idiom, not the count 4
        if i < len(self.tokens) and self.tokens[i] in ("wherever", "where", "whenever", "when"):
            return self._where_voice_is(i)  # "drop the hat wherever the snare is": that voice's places
        before, self._in_steps = self._in_steps, self._steps_list(i)  # (`_steps_as`, inline: asked at every token)
        try:
            return self._read_places(i, whose)
        finally:
            self._in_steps = before

    def _where_voice_is(self, i: int) -> tuple[tuple[str, ...], int]:
        """ "wherever the snare is", "when the kick hits": the places last asked of that voice."""
        voices, end = self._one_voice(self._skip(i + 1, FILLERS))
        said = next((c for c in reversed(self.out) if c.rule in ("on", "only") and set(voices) & set(c.voices)), None)
        if not voices or said is None or said.places == ("all",):
            return (), i
        end = self._skip(end, frozenset({"is", "hits", "plays", "lands", "goes", "does", "sits", "'s"}))
        return said.places, end

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
            return self.steps == "grid" and not self._counted_list(i)
        t, k = self.tokens, i
        beats = self._quarter_beats() or 0
        while k < len(t) and (t[k] in LIST_JOINERS or t[k] in STEP_WORDS or t[k] in SIXTEENTH or t[k].isdigit()):
            if t[k] in STEP_WORDS or (t[k].isdigit() and int(t[k]) > beats):
                return True
            k += 1
        return False

    def _counted_list(self, i: int) -> bool:
        """Whether the list at i says a count's parts ("1, the e of 3 and the a of 4", "2&"):
        counts, even where the request also speaks of a 16-step grid."""
        t, k = self.tokens, i
        while k < len(t) and (
            t[k] in LIST_JOINERS or t[k] in ("the", "of") or t[k] in PART_TOKENS or t[k][0].isdigit()
        ):
            if (t[k] in PART_TOKENS and self._at(k + 1, "of")) or COUNT_AND_PART.fullmatch(t[k]):
                return True
            k += 1
        return False

    def _read_places(self, i: int, whose: bool = True) -> tuple[tuple[str, ...], int]:
        """The list at i; ``whose``: it follows its voice, so a last part "..., 2 and 4 on the
        snare" is another voice's (not so in "1&, 2, 3, 3a, 4& on clave")."""
        places: list[str] = []
        place, j = self._place(i)
        if place is None:
            return (), i  # no list here (the question most tokens are asked)
        end, comma = i, None  # comma: (places before the last comma, where it is)
        while place is not None:
            places.append(place)
            if place.isdigit() and not self._in_steps:  # a pasted count: "1 e & a 2 e & a"
                run, j = self._count_run(place, j)
                places += run
            end = self._bar_tail(j)
            k = self._skip(end, LIST_JOINERS)
            if k > end and self._at(k, "of") and self.tokens[k - 1] in PART_TOKENS:
                k -= 1  # "the a of 1, & of 2": that "&" is a place's, not a joiner
            if k > end and k < len(self.tokens) and self.tokens[k] in ("on", "at"):
                k += 1  # "kick on 1, the & of 2 and on 3"
            bare = _BARE_STEP if self._in_steps else EIGHTH_COUNT if self.meter == "12/8" else BARE_COUNT
            run_on = k == end and self._at(k, "the") and self._place(k)[0] is not None  # "kick on 1 the & of 2"
            worded = k == end and self.tokens[k - 1] in NUMBER_WORDS and self._at_number_word(k)  # "two four"
            if k == end and not (k < len(self.tokens) and bare.fullmatch(self.tokens[k])) and not run_on | worded:
                break  # counts may follow without a joiner: "kick on 1 2 3 and 4"
            if self._floor_at(k) or self._at(k, "one", "drop"):
                break  # "kick on beat one, four on the floor", "..., one drop pls": the idiom starts here
            comma = (len(places), end) if "," in self.tokens[end:k] else comma
            place, j = self._place(k)
            past_only = self._skip(j, frozenset({"only", "just"}))
            if place == "backbeat" and (self._at(past_only, "on") or self._at(past_only, "at")):
                break  # "kick on 1 and 5, backbeat on 2, 4 and 6": the backbeat's own places follow
            owned = self._at(j, "on") and self._one_voice(self._skip(j + 1, FILLERS))[0]
            if place is not None and "," in self.tokens[end:k] and self._only_voice_at(j):
                break  # "snare 2 and 4, on beat 5 only hihat": that place is another voice's
            if (
                place is not None
                and not BARE_COUNT.fullmatch(place)
                and (self._one_voice(self._skip(j, frozenset({"note", "notes"})))[0] or owned)
            ):
                break  # "..., eighth hats", "kick on one and eighths on the hi-hat": the next clause starts here
        owner = self._phrase_length(end, WHOSE)  # "..., 2 and 4 only for the snare"
        if comma and whose and owner and self._one_voice(self._skip(end + owner, FILLERS))[0]:
            kept, end = comma  # "kick on 1 and 3, 2 and 4 on the snare": the snare's places are its own
            places = places[:kept]
        places, end = self._counted_ands(places, i, end)
        places, end = self._trailing_and(places, end)
        each = self._phrase(end, ON_EACH_BEAT)
        if each and len(places) > 1 and all(p[:1] == "1" and p[1:] in PART_KEYWORDS for p in places):
            # "gallop on the double kick - 1 & a on every beat": that count's parts, on every beat
            return tuple(PART_KEYWORDS[p[1:]] for p in places), end + len(each)
        whole = self._phrase(end, WHOLE_BAR)
        rate = _counted_rate(places)
        if rate and (whole or {"every", "each"} & set(self.tokens[max(0, i - 1) : i + 1])):
            return (rate,), end + len(whole or ())  # "shaker 1 e & a 2 e & a the whole way", "hh on every 1 e & a"
        return self._except(self._whole_count(tuple(dict.fromkeys(_eighths_of_12(places, self.meter)))), end)

    def _at_number_word(self, k: int) -> bool:
        """ "snare two four": a count said as a word, next in a list typed without joiners (and
        later than the count before it: "on THREE (one two THREE four)" is an aside)."""
        t = self.tokens
        if not (k < len(t) and t[k] in NUMBER_WORDS):
            return False
        before = NUMBER_WORDS.get(t[k - 1]) if k else None
        return before is None or NUMBER_WORDS[t[k]] > before

    def _only_voice_at(self, j: int) -> bool:
        """ "only hihat", "just the ride" at j: a voice said alone after a place."""
        k = self._skip(j, ONLY_BEFORE)
        return k > j and bool(self._one_voice(self._skip(k, FILLERS))[0])

    def _at_bare_count(self, k: int) -> bool:
        return k < len(self.tokens) and BARE_COUNT.fullmatch(self.tokens[k]) is not None

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

    def _trailing_and(self, places: list[str], end: int) -> tuple[list[str], int]:
        """ "kick one and three and, hats 16ths": an "and" that ends the list is its last count's
        "&" (the and of 3), not a joiner with nothing after it."""
        t = self.tokens
        last = places[-1] if places else ""
        if not (len(places) > 1 and last.isdigit() and end < len(t) and t[end] in AND_WORDS):
            return places, end
        if end + 1 < len(t) and t[end + 1] not in CLAUSE_ENDS:
            return places, end
        counts = [p for p in places if p.isdigit()]
        if len(counts) > 2 and counts == [str(n) for n in range(1, len(counts) + 1)]:
            return places, end  # "1 AND 2 AND 3 AND 4 AND": counted aloud, every "and" alike
        return [*places[:-1], f"{last}&"], end + 1

    def _quarter_beats(self) -> int | None:
        """Beats in a bar where the numbers count quarter notes (x/4; 4/4 when the words name
        no meter), else None: the meters where "1 e & a" and sixteenth steps are the grid."""
        meter = self.meter or "4/4"
        return int(meter.split("/")[0]) if meter.endswith("/4") else None

    def _other_than(self, places: tuple[str, ...], taken: tuple[str, ...]) -> tuple[str, ...]:
        """ "the other 8ths" after "open hat on the & of 4": the eighths but the ones taken."""
        meter = get_meter(self.meter or "4/4")
        steps = [place_steps(p, meter.name, meter.steps_per_bar) for p in (*places, *taken)]
        if any(s is None for s in steps) or not self._quarter_beats():
            return places  # counted otherwise than in quarter beats: as said
        mine = set().union(*steps[: len(places)]) - set().union(*steps[len(places) :])
        return tuple(p for step in sorted(mine) if (p := self._step_place(step + 1)))  # x/4: sixteenths

    def _step_place(self, step: int) -> str | None:
        """Step ``step`` of a sixteenth-note grid (a piano roll's 1..16) as a count: 5 -> "2",
        7 -> "2&"; in 12/8, whose grid is its twelve eighths, step 5 -> "2&"; elsewhere not placed."""
        beats = self._quarter_beats()
        if self.meter == "12/8" and 1 <= step <= 12:
            return _eighth_of_12(step)  # "cowbell on steps 1 3 5 6 8 10 12 of the 12 step bar"
        if beats is None or not 1 <= step <= 4 * beats:
            return None
        beat, part = divmod(step - 1, 4)
        return f"{beat + 1}{('', 'e', '&', 'a')[part]}"

    def _homophone_ends(self, k: int) -> bool:
        """Whether a count typed as "to" or "for" ends a list at k: the end, a clause end, "and"
        or "thats it" (not "on for the chorus")."""
        t = self.tokens
        if k >= len(t) or t[k] in CLAUSE_ENDS | AND_WORDS | {
            "that's",
            "nothing",
            "pls",
            "please",
            "like",
            "so",
            "instead",
            "only",  # "cross stick on for only"
            "with",  # "snare on to and for with the ride"
        }:
            return True
        if t[k - 1] == "won" and t[k] == "the":
            return True  # "kick on won the e of to": a list typed without its commas ("won the" is no English)
        return self._at(k, "you", "know") or bool(self._one_voice(k)[0])  # "snare on too and for high hat ..."

    def _count_run(self, count: str, i: int) -> tuple[list[str], int]:
        """The parts spoken after a count, as a drummer counts them aloud ("1 e & a", "3 & a"),
        in counting order; a run needs an "e" or an "a", so "1 and 3" stays two counts."""
        t, run, last, j = self.tokens, [], 0, i
        while j < len(t) and RUN_ORDER.get(t[j], 0) > last:
            word = t[j]
            if word in AND_WORDS and j + 1 < len(t) and self._count(j + 1)[0] is not None:
                break  # "1 e and 3": the "and" joins the next count
            if word in ("e", "a", "ah") and self._at(j + 1, "of"):
                break  # "the a of 4" is a place of its own
            after = t[j + 1] if j + 1 < len(t) else ""
            spoken = any(p.endswith("e") for p in run)  # "1 e & a" said in full: its "a" is the count's
            if (
                word in ("a", "ah")
                and not spoken
                and after.isalpha()
                and after not in _COUNTING_WORDS
                and self._phrase(j + 1, ON_EACH_BEAT) is None  # "1 & a on every beat": no article
            ):
                break  # "kick on 1 and a rim click": an article
            run.append(f"{count}{PART_TOKENS[word]}")
            last, j = RUN_ORDER[word], j + 1
        if not any(p[-1] in "ea" for p in run):
            return [], i
        return run, j

    def _whole_count(self, places: tuple[str, ...]) -> tuple[str, ...]:
        """Every count of a quarter-note bar with every part ("1 e & a 2 e & a 3 e & a 4 e & a")
        is said as the rate it is: sixteenths, or eighths for "1 & 2 & 3 & 4 &"."""
        beats = self._quarter_beats()
        if beats is None or not all(BARE_COUNT.fullmatch(p) for p in places):
            return places
        for parts, rate in ((("", "&"), "eighths"), (("", "e", "&", "a"), "sixteenths")):
            if set(places) == {f"{b}{p}" for b in range(1, beats + 1) for p in parts}:
                return (rate,)
        return places

    def _except(self, places: tuple[str, ...], i: int) -> tuple[tuple[str, ...], int]:
        """ "every beat except 3", "eighths apart from the and of 4": the places less the exceptions."""
        words = self._phrase(i, EXCEPT)
        if not places or words is None:
            return places, i
        j = self._skip(i + len(words), frozenset({"on", "at", "for"}))
        if self._at(j, "one", "on") or self._at(j, "one", "at"):
            return places, i  # "kick on 1 and 3 but not one on 2": a hit kept off 2, not the count 1
        last = next((len(w) for w in (("the", "last", "one"), ("the", "last")) if self._at(j, *w)), 0)
        if last and len(places) == 1 and (final := self._last_place(places[0])):  # "upbeats except the last one"
            return (f"{places[0]} except {final}",), j + last
        left_out, end = self._places(j)
        if not left_out or not all(BARE_COUNT.fullmatch(p) for p in left_out):
            return places, i
        if all(BARE_COUNT.fullmatch(p) for p in places):
            if not set(left_out) & set(places) and words == ("but", "not"):
                return places, i  # "snare on 2 but not on 4": a "not" of its own (`_negated`), not a place less
            return tuple(p for p in places if p not in left_out), end
        if len(places) > 1:
            return places, i
        return (f"{places[0]} except {' '.join(left_out)}",), end

    def _last_place(self, place: str) -> str | None:
        """The last count a place key names in a bar ("offbeats" -> "4&"), in quarter-beat meters."""
        meter = get_meter(self.meter or "4/4")
        steps = place_steps(place, meter.name, meter.steps_per_bar)
        return self._step_place(max(steps) + 1) if steps and self._quarter_beats() else None

    def _one_bar(self, i: int) -> int:
        """Where "in the last bar", "in bar 2", "every other bar" ends after a place at i, else
        0: constraints hold in every bar, so a place in some bars only is not one of them. A
        bar named by number or as the first/last one comes as `BAR_MARK` (from intent.py)."""
        t = self.tokens
        j = self._skip(i, frozenset({"in", "on", "for", "during", "of", "the"}))
        if self._at(i, BAR_MARK):
            return i + 1  # "in the last bar", "in bar 2"
        if j < len(t) and t[j] in BAR_ORDINALS and j + 1 < len(t) and t[j + 1] in BAR_NOUNS:
            return j + 2  # "in the odd bars", "on the last bars" (plurals carry no mark)
        k = j + 2 if j + 1 < len(t) and (t[j + 1].isdigit() or t[j + 1] in NUMBER_WORDS) else j + 1
        k = self._skip(k, frozenset({"few", "couple", "several", "of", "other"}))
        if self._at(j, "every") and k > j + 1 and k < len(t) and t[k] in BAR_NOUNS:
            return k + 1  # "every other bar", "a crash on the 1 every few bars", "every 4 bars"
        return 0

    def _bar_tail(self, i: int) -> int:
        """Skip "of every bar", "in each bar", "every bar's" after a place."""
        j = i
        while j < len(self.tokens) and self.tokens[j] in BAR_WORDS:
            j += 1
        return j if any(w in ("bar", "bars", "bar's", "measure") for w in self.tokens[i:j]) else i
