"""The token reader: which voices the words name, and where they put them.

    Reader(["kick", "on", "1", "and", "3", ",", "no", "crash"], unplaced=[]).read()
        -> [Constraint(bd, ("1", "3"), "only"), Constraint(cc, ("all",), "absent")]

`parse_intent` (intent.py) takes the request's fields (meter, bpm, bars, fill, feel) from the
text, splits the rest into tokens and hands them here. The reader tries each form at each token, left to
right ("kick on 1 and 3", "no crash", "four on the floor", "2 and 4 on the snare", ...), and
a form that reads a phrase returns where to go on. Words that name a place but that no form
read go to ``unplaced``, so the reply can say what it left out.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from fractions import Fraction

from .instruments import ALIASES, INSTRUMENTS, list_label, misspells_a_voice, resolve_voices, voices_label
from .notation import get_meter
from .places import ALL_VOICES, COUNT_KEY, Constraint, counting, place_steps, places_label, places_less
from .reader_words import (
    A_BAR,
    ADDING_AFTER,
    ADDING_BEFORE,
    ALONE_AFTER,
    AND_WORDS,
    ANY_SOUND,
    APART_VERBS,
    BAR_MARK,
    BAR_NOUNS,
    BAR_NUMBERS,
    BAR_ORDINALS,
    BAR_PREFIXES,
    BAR_WORDS,
    BARE_COUNT,
    BEFORE_COUNT,
    BEFORE_LISTED_VOICE,
    CARRIES,
    CLAUSE_ENDS,
    COMPLAINTS,
    CORRECTION_GAP,
    CORRECTION_LEADS,
    CORRECTIONS,
    COUNT_AND_PART,
    COUNTRY,
    DOING,
    DOTTED_RATES,
    DOUBLE_VERBS,
    DOUBLING,
    DROPPING,
    EIGHTH_COUNT,
    EMPHASIS,
    EMPTY,
    ENTERS,
    EVERY_BAR,
    EVERY_N,
    EXCEPT,
    FEET_ONLY,
    FILLERS,
    FLOOR,
    FOUR_ON_THE_SNARE,
    HABIT_DOING,
    HIT_NOUNS,
    HOMOPHONE_BEFORE,
    IN_BETWEEN,
    IN_THE_GAPS,
    KEEPING_OUT,
    KEEPS,
    KEEPS_TIME,
    KEPT_TO,
    LANES,
    LAST_OF_BAR,
    LAYERED,
    LESS_OK,
    LINKING,
    LIST_END,
    LIST_JOINERS,
    LIST_OPENERS,
    LOOK_BACK,
    MAX_VOICE_WORDS,
    MAY,
    MAYBE,
    MOVED_OFF,
    MOVES,
    NAMED_ALONE,
    NAMED_BY_FIRST,
    NEEDS,
    NEGATED_VERBS,
    NEGATING_PHRASES,
    NEGATORS,
    NO_GHOSTS,
    NOT_A_PLACE_AFTER,
    NOT_AFTER_VOICE,
    NOT_BEFORE_ALONE,
    NOT_EVEN,
    NOT_LEADING,
    NOT_LINKING,
    NOTE_VALUES,
    NOTHING_ELSE,
    NOTHING_VERBS,
    NOTHING_WORDS,
    NOUN_NEGATORS,
    NTH_HIT,
    NTH_STEP,
    NUMBER_WORDS,
    ON_EACH_BEAT,
    ON_WORDS,
    ONE_BEFORE,
    ONLY_AFTER,
    ONLY_BEFORE,
    OPENS,
    ORDINALS,
    PART_KEYWORDS,
    PART_OF_BEAT,
    PARTS_OF_A_VOICE,
    PLACE_ADJECTIVES,
    PLACE_NEIGHBOURS,
    PLEASE,
    PLUS_GAP,
    QUITE,
    RATE_WORDS,
    REMAINING,
    SAID_AS_COUNT,
    SIXTEENTH,
    SKANK,
    SMALL_WORDS,
    SOMEWHERE,
    SOUNDING_WRONG,
    SPANG,
    STEP_STRING,
    STEP_WORDS,
    STOPS,
    SUFFIX,
    SUGGESTIONS,
    SWAPS,
    TAKEN_HOW,
    TAKES,
    TAKING_AWAY,
    THE_KIT,
    THROWN_IN,
    TIME_KEEPERS,
    TOGETHER,
    TRIPLET_NOUNS,
    TRIPLET_ORDINALS,
    TWO_STEP,
    UP_TOP,
    VOICE_JOINERS,
    WANTING,
    WHOLE_BAR,
    WHOLE_GROOVE,
    WHOSE,
)
from .variation import fill_voices


def _counted(c: Constraint) -> bool:
    """A voice put on counts ("a crash on 1"), not on a keyword ("busy 16th kicks")."""
    return c.rule in ("on", "only") and all(BARE_COUNT.fullmatch(p) for p in c.places)


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

_PART_TOKENS = {"and": "&", "&": "&", "+": "&", "e": "e", "a": "a", "ah": "a", "uh": "a", "n": "&"}

_RUN_ORDER = {"e": 1, "&": 2, "+": 2, "and": 2, "n": 2, "a": 3, "ah": 3}  # "1 e & a": the parts in order

_COUNTING_WORDS = frozenset(_RUN_ORDER) | frozenset(NUMBER_WORDS)  # after an "a" that is the count's, not an article


def _with_bell(voices: tuple[str, ...]) -> tuple[str, ...]:
    """The voices with the ride's bell where the ride is named: "no ride", "no cymbals except
    the ride" mean the whole cymbal, bell and all."""
    return (*voices, "rb") if "rc" in voices and "rb" not in voices else voices


def _string_places(steps: str, meter_name: str) -> tuple[str, ...] | None:
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


@dataclass
class Reader:
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
    some_bars: list[Constraint] = field(default_factory=list)  # places said of some bars only (`_one_bar`)
    feel_rules: list[Constraint] = field(default_factory=list)  # what "half-time", "one drop" imply (`_idiom`)
    _in_steps: bool = False  # the list being read is steps
    out: list[Constraint] = field(default_factory=list)
    _last_end: int | None = None  # where the last voice's explicit places ended
    _read_back: set[int] = field(default_factory=set)  # tokens read by a later form ("hit that": `_those`)
    _ghostless: list[tuple[str, ...]] = field(default_factory=list)  # voices said to have no ghost notes
    _voices_at: dict[int, tuple[tuple[str, ...], int]] = field(default_factory=dict)

    def read(self) -> list[Constraint]:
        i, used = 0, set()
        while i < len(self.tokens):
            before = list(self.out)
            end = self._step(i)
            if end is not None:
                used.update(range(i, end))
                if self._complaint(i):  # "why is there always a crash on 1": what it did, not a wish, so
                    self.out = before + [c.ruled_out() for c in self.out[len(before) :] if _counted(c)]
                    # the counts it names stay free of it, and what it changed of earlier wishes is undone
            i = end if end is not None else i + 1
        self._without_ghosts()
        self._report_unread(used | self._read_back)
        return self.out

    def _supersede(self, old: Constraint, new: Constraint) -> None:
        """Put ``new`` where ``old`` was read (the latest such constraint, not merely the last one)."""
        at = len(self.out) - 1 - self.out[::-1].index(old)
        self.out[at] = new

    def _last_placed(self) -> Constraint | None:
        """The last constraint that puts voices on places (not "with a cowbell", not a "no")."""
        return next((c for c in reversed(self.out) if c.rule in ("on", "only") and c.places != ("all",)), None)

    def _taken(self) -> tuple[str, ...]:
        """Every place a voice was put on so far ("hats on the remaining 16ths": the others)."""
        return tuple(p for c in self.out if c.rule in ("on", "only") and c.places != ("all",) for p in c.places)

    def _one_on(self, i: int) -> int | None:
        """ "two extra snare accents, one on 2e and one on 3a": each "one" is a hit of the voice
        named just before."""
        t = self.tokens
        if t[i] != "one" or not (self._at(i + 1, "on") or self._at(i + 1, "at")) or not self._places_follow(i + 1):
            return None
        voices = self._voice_before(i, max(0, i - 8))
        if not voices or (i and t[i - 1] in NEGATORS):
            return None
        places, end = self._places(i + 2)
        while self._at(end, "and", "one", "on") or self._at(end, ",", "one", "on"):  # "... and one on 3a"
            more, after = self._places(end + 3)
            if not more:
                break
            places, end = (*places, *more), after
        self.out.append(Constraint(voices, places, "on", f"{voices_label(voices)} on {places_label(places)}"))
        return end

    def _holes_for(self, i: int) -> int | None:
        """ "16th kicks except DONT put kick on 2 and 4, leave those holes for the snare": the
        places just kept free are the named voice's."""
        t = self.tokens
        if t[i] not in ("leave", "leaving", "leaves") or not any(self._at(i + 1, w) for w in ("those", "them", "the")):
            return None
        k = self._skip(i + 2, frozenset({"holes", "gaps", "spots", "places", "spaces", "space", "open", "free"}))
        if not self._at(k, "for") or (k == i + 2 and t[i + 1] != "them"):
            return None  # "leave those ... for": a noun for the places, or "them"
        voices, end = self._one_voice(self._skip(k + 1, FILLERS))
        kept = next((c for c in reversed(self.out) if c.rule == "off" and c.places != ("all",)), None)
        if not voices or kept is None or set(voices) & set(kept.voices):
            return None
        self.out.append(Constraint(voices, kept.places, "on", f"{voices_label(voices)} on {places_label(kept.places)}"))
        return end

    def _counted_hits(self, i: int) -> int | None:
        """ "cowbell only 3 hits in the bar: on 1, on 2& and on 4": that many, there, and only
        there; "the hihat do the triangle part, every 16th": the part's places follow it."""
        t = self.tokens
        voices, j = self._one_voice(i)
        if not voices:
            return None
        k = self._skip(j, frozenset({"only", "just", "exactly"}))
        counted = k < len(t) and (t[k].isdigit() or t[k] in NUMBER_WORDS) and self._at(k + 1, "hits")
        part = next((n for n in range(j, min(j + 6, len(t))) if t[n] in ("part", "pattern")), None)
        does = j < len(t) and t[j] in ("do", "does", "doing", "plays", "play", "playing", "takes", "taking")
        if counted:
            m = self._skip(k + 2, frozenset({"in", "the", "bar", "per", "a", "each", "every", ":"}))
        elif does and part is not None and self._at(part + 1, ","):
            m = part + 2
        else:
            return None
        places, end = self._places(m + self._at(m, "on"))
        if not places:
            return None
        self._placed(i, voices, places, "only")
        self._last_end = end
        return end

    def _hits_a_bar(self, i: int) -> int | None:
        """ "just ONE snare per bar, on 4": that many hits a bar, there; "just one kick per bar":
        it plays, and is not the only voice."""
        t = self.tokens
        if i and t[i - 1] in NEGATORS:
            return None
        k = self._skip(i, frozenset({"just", "only", "exactly", "a"}))
        count = self._hit_count(k)
        voices, j = self._one_voice(k + 1) if count else ((), k)
        if not voices:  # "kick and rim together only once a bar": the voices first
            voices, k = self._voice_list(i)
            k = self._skip(k, frozenset({"together", "only", "just", "exactly"}))
            count = {"once": 1, "twice": 2}.get(t[k]) if voices and k < len(t) else None
            j = k + 1
        if not voices or not count:
            return None
        j = self._skip(j, HIT_NOUNS)
        bar = next((w for w in A_BAR if self._at(j, *w)), None)
        if bar is None:
            return None
        # ", one on each beat", "but ALL on the offbeats": where those hits go
        places, end = self._places_after(self._skip(j + len(bar), frozenset({",", "one", "but", "all"})))
        if not places:  # "just one kick per bar": it plays (not "only the kick")
            if not any(c.voices == voices and c.rule in ("on", "only") for c in self.out):
                self._wanted(i, voices)  # (unless placed already: "ride on every offbeat, 4 ride hits a bar")
            return j + len(bar)
        meter = self.meter or "4/4"
        steps = Constraint(voices, places, "on", "").steps(meter, get_meter(meter).steps_per_bar)
        exact = steps is not None and len(steps) == count  # as many places as hits: there and only there
        self._placed(i, voices, places, "only" if exact else "on")
        self._last_end = end
        return end

    def _skip_likeness(self, k: int) -> int:
        """Past "tabla-like", "dhol style" before a voice: what it sounds like, not another voice."""
        t = self.tokens
        while k + 2 < len(t) and t[k + 1] in ("like", "style", "sounding", "ish") and not self._one_voice(k)[0]:
            k += 2
        return k

    def _hits_a_bar_at(self, j: int) -> bool:
        """ "tamb hits a bar", "kicks per bar" at j: a voice counted in each bar."""
        voices, end = self._one_voice(j)
        return bool(voices) and any(self._at(self._skip(end, HIT_NOUNS), *bar) for bar in A_BAR)

    def _hit_count(self, k: int) -> int | None:
        """ "one", "a single", "4": how many hits (1 to 9) a count of hits says at k."""
        t = self.tokens
        if k >= len(t):
            return None
        if t[k] == "single":
            return 1
        if t[k].isdigit():
            return int(t[k]) if 0 < int(t[k]) < 10 else None
        return NUMBER_WORDS.get(t[k])

    def _accents(self, i: int) -> int | None:
        """ "16th ghost notes on the snare w/ accents on 2 and 4": the voice just named plays
        its accents there."""
        t = self.tokens
        if t[i] not in ("accents", "accent", "accented", "accenting"):
            return None
        places, end = self._places_after(i + 1)  # "accents on 2 and 4", "accents every beat"
        voices = self._voice_before(i, self._clause_start(i)) if places else ()
        if not voices:
            return None
        self.out.append(Constraint(voices, places, "on", f"{voices_label(voices)} on {places_label(places)}"))
        return end

    def _voice_before(self, i: int, start: int) -> tuple[str, ...]:
        """The voice named last before token i, looking back no further than ``start``: the
        whole name that ends there ("floor tom carries the accents": the floor tom, not a tom)."""
        for k in range(i - 1, start - 1, -1):
            for m in range(max(start, k - MAX_VOICE_WORDS + 1), k + 1):
                voices, end = self._one_voice(m)
                if voices and end == k + 1:
                    return voices
        return ()

    def _voices_said_last(self) -> tuple[str, ...]:
        """The voices of the last constraint that names some ("it", "them": `_pronoun`, `_move`)."""
        return next((c.voices for c in reversed(self.out) if len(c.voices) < len(ALL_VOICES)), ())

    def _clause_start(self, i: int) -> int:
        """Where the clause holding token i begins (after the last comma, semicolon or stop)."""
        return next((k + 1 for k in range(i - 1, -1, -1) if self.tokens[k] in CLAUSE_ENDS), 0)

    def _complaint(self, i: int) -> bool:
        """Is token i in a clause that complains of an earlier answer ("why is there ALWAYS a
        crash on 1", "last time the kick was everywhere")? Its places are not asked for."""
        start = self._clause_start(i)
        if self._habit(start, i):
            return True
        return any(self._at(start, *words) for words in COMPLAINTS) and not any(
            self._at(start, *words) for words in SUGGESTIONS
        )

    def _habit(self, start: int, i: int) -> bool:
        """ "my students keep putting the kick on 1", "the goal is he stops adding a kick on 4":
        a habit to break (a subject before "keep", or "stop" anywhere), not a wish."""
        t = self.tokens
        return any(
            t[k + 1] in HABIT_DOING and (t[k] in STOPS or (t[k] in KEEPS and k > start))
            for k in range(start, min(i, len(t) - 1))
        )

    def _report_unread(self, used: set[int]) -> None:
        """Words that name a place in the bar but that no form read ("the open hat barking on
        each upbeat" before that form existed) go to ``unplaced``, so the reply says what it
        did not understand instead of answering as if the words were not there."""
        t, start = self.tokens, 0
        for k in range(len(t) + 1):
            if k < len(t) and k not in used and t[k] not in CLAUSE_ENDS:
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
        if i >= len(t):
            return False  # the words end: "snare just on 3 instead of"
        near = {t[k] for k in (i - 2, i - 1, i + 1) if 0 <= k < len(t)}
        if self._count(i)[0] is not None and t[i] not in ("one", "a", "an"):
            return bool(near & PLACE_NEIGHBOURS) and not any(self._at(i + 1, w) for w in NOT_A_PLACE_AFTER)
        if t[i] in NAMED_ALONE:
            return bool(near & {"on", "each", "every", "at"})
        return t[i] in _PART_TOKENS and t[i] not in AND_WORDS and self._at(i + 1, "of")

    # -- one step: try each form at i, in order; return where to go on -------------

    def _step(self, i: int) -> int | None:
        forms = (
            self._correction,
            self._no_ghosts,
            self._place_first,
            self._only_there,
            self._idiom,
            self._follow_up,
            self._nothing_else,
            self._nothing_on,
            self._apart,
            self._negated,
            self._kept_out,
            self._kept_to,
            self._counted_hits,
            self._hits_a_bar,
            self._only_voices,
            self._rate_first,
            self._respectively,
            self._instead,
            self._swap,
            self._move,
            self._double_with,
            self._doubling,
            self._no_other,
            self._with,
            self._voices,
            self._pronoun,
            self._accents,
            self._holes_for,
            self._one_on,
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
        words = next((w for w in FLOOR if self._at(i, *w)), ())
        return 0 if not words or self._at(i + len(words), "tom") or self._at(i + len(words), "toms") else len(words)

    def _at(self, i: int, *words: str) -> bool:
        return tuple(self.tokens[i : i + len(words)]) == words

    def _correction(self, i: int) -> int | None:
        """ "kick on 1 and the & of 2... wait no, the & of 3", "hats on quarters, no actually 8ths",
        "kick on 1 and 3, actually make it four on the floor": what follows a correction replaces
        what the last voice placed. Places alone take the last ones said (fewer than were said:
        the trailing ones, "1 and the & of 2" -> "1 and the & of 3"); a voice placed again takes
        its earlier places' place. Anything else after the words reads as it would without them."""
        words = next((w for w in CORRECTIONS if self._at(i, *w)), None)
        if words is None and self._at(i, "no") and any(self._at(i + 1, *w) for w in DROPPING):
            words = ("no",)  # "kick on 1, the and of 2, 3... no scratch the 3"
        last = self._last_placed()
        if words is None or last is None:
            return None
        t, start = self.tokens, i + len(words)
        if words[-1] in ("no", "nah") and self._one_voice(start)[0]:
            return None  # "actually no kick on 4": a "no" of its own
        those = self._at(start + 1, "those") or self._at(start + 1, "these") or self._at(start + 1, "them")
        those = those and t[start] in ("only", "just")  # "and i mean ONLY those two"
        if (
            words == ("i", "mean")
            and start < len(t)
            and (those or t[start] in EMPHASIS | NOTHING_WORDS | {"no", "never", "not"})
        ):
            return None  # "and i mean it, nothing on the one", "i mean NOTHING on the one": said twice
        if self._at(start, "not", "all"):  # "open hat on the ands... wait no not all of them, just the and of 2"
            start = self._skip(start, frozenset({"not", "all", "of", "them", "those", ","}))
        if start >= len(t):
            return None  # "kick offbeats nah", "... wait no not all of them": nothing follows to replace it
        lead = start + (t[start] == ",")  # where what replaces it starts
        if lead < len(t) and t[lead] in ("keep", "leave") and any(w in EMPTY for w in t[lead : lead + 6]):
            return None  # "actually no, keep 2 totally empty": a wish of its own (`_nothing_on`)
        if self._at(lead, "no") and set(self._one_voice(self._skip(lead + 1, FILLERS))[0]) & set(last.voices):
            self.out.remove(last)  # "then crash on 1 - wait no, no crash": taken back, and ruled out (`_negated`)
            return lead
        swapped = self._not_that_one(lead, last)
        if swapped is not None:  # "kick on 1, the e of 2 and 3... wait no not the e, the a of 2"
            return swapped
        dropping = next((w for w in DROPPING if self._at(lead, *w)), None)
        if dropping:  # "snare on 5 and 7.. wait no, scratch the 7": that place goes
            at = lead + len(dropping)
            gone, end = self._places(at)
            kept = places_less(last.places, gone) if gone and set(gone) <= set(last.places) else ()
            again, after = self._one_voice(self._skip(end, frozenset({",", ".", "so"})))
            if kept and again == last.voices and self._places_follow(after):
                self.out.remove(last)  # "... no scratch the 3, kick on 1, 2& and 4": said again, in full
                return end
            if kept:
                self._supersede(last, last.at(kept))
                return end
        for k in range(start, min(start + CORRECTION_GAP, len(t))):
            m = self._skip(k, CORRECTION_LEADS)
            if m >= len(t) or t[m] in NEGATORS:  # "actually no kick on 1" is read as it stands
                return None
            if self._one_voice(m)[0] or self._floor_at(m) or t[m] in MOVES:  # "... actually no, move that 2nd kick"
                saved = list(self.out), list(self.feel_rules), list(self.some_bars), list(self.unplaced)
                end = self._step(m)
                new = [c for c in self.out if c not in saved[0]]
                if end is None or not new or any(w in t[start : end + 1] for w in ADDING_AFTER | ADDING_BEFORE):
                    self.out[:], self.feel_rules[:], self.some_bars[:], self.unplaced[:] = saved
                    return None  # read again as it stands: "actually the snare on the a of 4 too" adds
                if last in self.out and any(c.rule in ("on", "only") and set(c.voices) & set(last.voices) for c in new):
                    self.out.remove(last)  # "kick on 1 and 3, actually four on the floor" (not one moved in place)
                for c in (c for c in new if c.rule in ("on", "only")):  # "kick on 1 and 4, snare on 4? no wait.
                    said = [d for d in saved[0] if d in self.out and d.rule in ("on", "only") and d.voices == c.voices]
                    if said:  # kick just on 1, snare just on 4": each voice placed again takes back its places
                        self.out.remove(said[-1])
                return end
            place, end = self._place(m)
            named = place is not None and not BARE_COUNT.fullmatch(place)  # "no actually 8ths, quarters sounded..."
            places, end = ((place,), end) if named else self._places(m)
            if places and not self._one_voice(self._skip(end, FILLERS))[0]:  # "... 2 and 4 on the snare" is not
                said = len(last.places)
                alone = {"only", "just"} & set(t[k:m])  # "actually only on the a's": those alone
                # "1, the & of 2 (no wait, the a of 2), and 3": what the correction replaces ends at its comma
                comma = next((c for c in range(m, end) if t[c] == ","), None)
                replacing = len(Reader(t[m:comma], [], self.meter)._places(0)[0]) if comma else len(places)
                kept = last.places[: said - replacing] if replacing < said and said > 1 and not alone else ()
                kept = tuple(dict.fromkeys((*kept, *places)))
                self._supersede(last, last.at(kept))
                self._last_end = end
                return end
        return None

    def _not_that_one(self, i: int, last: Constraint) -> int | None:
        """ "... wait no not the e, the a of 2": the place named after "not" (a count's part
        alone names the one of that part) gives way to the places after the comma."""
        t = self.tokens
        if not self._at(i, "not"):
            return None
        k = self._skip(i + 1, frozenset({"the"}))
        place, end = self._place(k)
        if place is not None and place in last.places:
            gone = place
        elif k < len(t) and t[k] in _PART_TOKENS and not self._at(k + 1, "of"):
            part = _PART_TOKENS[t[k]]
            gone = next((p for p in last.places if COUNT_KEY.fullmatch(p) and p.endswith(part)), None)
            end = k + 1
        else:
            return None
        places, after = self._places(self._skip(end, frozenset({",", "but", "it's", "its"})))
        if gone is None or not places or self._one_voice(self._skip(after, FILLERS))[0]:
            return None
        at = last.places.index(gone)
        kept = tuple(dict.fromkeys((*last.places[:at], *places, *last.places[at + 1 :])))
        self._supersede(last, last.at(kept))
        self._last_end = after
        return after

    def _no_ghosts(self, i: int) -> int | None:
        """ "snare on 2 & 4 only and NO ghost notes on it": the voice is silent everywhere else
        (a place said "only" otherwise allows ghost notes). Said of no voice with places, it
        is left to the style."""
        words = next((w for w in NO_GHOSTS if self._at(i, *w)), None)
        if words is None:
            return None
        t, end = self.tokens, i + len(words)
        voices: tuple[str, ...] = ()
        if end + 1 < len(t) and t[end] in ("on", "in", "from"):
            if t[end + 1] in ("it", "them", "that"):
                voices, end = self._voices_said_last(), end + 2
            else:
                voices, end = self._one_voice(self._skip(end + 1, FILLERS))
        elif self.out and self.out[-1].rule == "only":
            voices = self.out[-1].voices  # "snare on 2 and 4, no ghost notes"
        else:  # "drop the ghost notes, clean snare ONLY on 2 and 4": the voice placed next
            voices = next(
                (
                    v
                    for k in range(end, min(end + 6, len(t)))
                    if (v := self._one_voice(k)[0]) and self._placed_after_voice(k)
                ),
                (),
            )
        if not voices:
            return None
        self._ghostless.append(voices)  # "NO ghost notes on the snare, snare strictly on 2 and 4": placed later
        return end

    def _placed_after_voice(self, k: int) -> bool:
        """Whether the voice at k has places after it ("snare ONLY on 2 and 4")."""
        return self._places_follow(self._skip_linking(self._one_voice(k)[1]))

    def _without_ghosts(self) -> None:
        """Each voice said to have no ghost notes, placed exactly: silent everywhere else."""
        for voices in self._ghostless:
            exact = next((c for c in reversed(self.out) if c.rule == "only" and c.voices == voices), None)
            rest = self._other_than(("sixteenths",), exact.places) if exact else ()
            if rest and rest != ("sixteenths",):  # counted in quarter beats (else left as the style plays it)
                self.out.append(Constraint(voices, rest, "off", f"no {voices_label(voices)} ghost notes"))

    def _idiom(self, i: int) -> int | None:
        t = self.tokens
        floor = self._floor_at(i)
        if floor and i and t[i - 1] in ("not", "no", "without", "isn't", "never"):
            # "house but not four on the floor": the kick leaves 2 and 4 (and the style's four on the floor)
            self.out.append(Constraint(("bd",), ("backbeat",), "off", "not four on the floor: no kick on 2 and 4"))
            return i + floor
        if floor:
            self.out.append(Constraint(("bd",), ("beats",), "on", "four on the floor (kick on every beat)"))
            kick, end = self._one_voice(i + floor)
            if kick == ("bd",) and not self._places_follow(end):
                return (
                    end  # "four on the floor kick, shaker 16ths": that kick is the floor's, not listed with the shaker
                )
            return i + floor
        if self._at(i, "ride", "pattern") and not self._places_follow(i + 2):  # the time on the ride: every beat
            self.out.append(Constraint(("rc", "rb"), ("beats",), "on", "ride pattern: the ride on every beat"))
            return i + 2
        skank = next((w for w in SKANK if self._at(i, *w)), None)
        if skank:  # the punk skank beat: kick on the beat, snare on every "and" between
            self.feel_rules += [
                Constraint(("bd",), ("beats",), "on", "skank beat: kick on every beat"),
                Constraint(("sd",), ("offbeats",), "on", "skank beat: snare on the offbeats"),
            ]
            self.out += self.feel_rules[-2:]
            return i + len(skank)
        two_step = next((w for w in TWO_STEP if self._at(i, *w)), None)
        if two_step and i and self.tokens[i - 1] in COUNTRY:  # the country dance's: boom-chick, kick on 1 and 3
            self.out += [
                Constraint(("bd",), ("1", "3"), "on", "country two-step: kick on 1 and 3"),
                Constraint(("sd",), ("backbeat",), "on", "country two-step: snare on 2 and 4"),
            ]
            return i + len(two_step)
        if two_step:  # drum and bass's or garage's two-step: the kick on 1, the backbeat on 2 and 4
            self.out += [
                Constraint(("bd",), ("1",), "on", "two-step: kick on 1"),
                Constraint(("sd", "cp"), ("backbeat",), "on", "two-step: snare or clap on 2 and 4"),
            ]
            return i + len(two_step)
        spang = next((w for w in SPANG if self._at(i, *w)), None)
        if spang:  # the jazz ride's spang-a-lang: on every beat (its skip notes are the swing's)
            end = i + len(spang)
            on_ride = next((len(w) for w in (("on", "the", "ride"), ("on", "ride")) if self._at(end, *w)), 0)
            self.out.append(Constraint(("rc",), ("beats",), "on", "spang-a-lang: the ride on every beat"))
            return end + on_ride
        if self._at(i, "stomp", "stomp", "clap"):  # "we will rock you": two stomps, a clap
            stomps = ("1", "1&", "3", "3&")
            self.out += [
                Constraint(("bd",), stomps, "on", f"stomp stomp: kick on {places_label(stomps)}"),
                Constraint(("cp",), ("backbeat",), "on", "clap on 2 and 4"),
            ]
            return i + 3
        if t[i] == "tumbao" and not (i and t[i - 1] in NEGATORS):  # the bass's figure, on the kick: the & of 2 and 4
            if self.out and self.out[-1].voices == ("bd",) and self.out[-1].rule == "present":
                self.out.pop()  # "kick tumbao": the kick is placed, not only wanted
            self.feel_rules.append(Constraint(("bd",), ("2&", "4"), "on", "tumbao: kick on the and of 2 and 4"))
            self.out.append(self.feel_rules[-1])
            kick, end = self._one_voice(self._skip(i + 1, frozenset({"on", "the"})))
            return end if kick == ("bd",) and not self._places_follow(end) else i + 1
        snare_four = next((w for w in FOUR_ON_THE_SNARE if self._at(i, *w)), None)
        if snare_four:  # Motown's "four on the snare": the snare on every beat
            self.out.append(Constraint(("sd",), ("beats",), "on", "four on the snare (snare on every beat)"))
            return i + len(snare_four)
        if self._at(i, "money", "beat") or self._at(i, "money", "groove"):
            # the first groove a drummer learns: kick on 1 and 3, snare on 2 and 4, eighths on the
            # hat; a rule a place at a time, so "without the kick on 3" keeps the kick on 1
            self.feel_rules += [
                Constraint(("bd",), ("1",), "on", "money beat: kick on 1"),
                Constraint(("bd",), ("3",), "on", "money beat: kick on 3"),
                Constraint(("sd",), ("backbeat",), "on", "money beat: snare on 2 and 4"),
                Constraint(("ch", "oh", "ph"), ("eighths",), "on", "money beat: hi-hats on eighths"),
            ]
            self.out += self.feel_rules[-4:]
            return i + 2
        if self._at(i, "one", "drop") or self._at(i, "onedrop"):
            self.feel_rules += [
                Constraint(("bd",), ("three",), "on", "one drop: kick on 3"),
                Constraint(("sd", "rs"), ("three",), "on", "one drop: snare or cross-stick on 3"),
                Constraint(("bd", "sd", "rs"), ("1",), "off", "one drop: no kick, snare or cross-stick on 1"),
            ]
            self.out += self.feel_rules[-3:]
            return i + (2 if t[i] == "one" else 1)
        feet = next((w for w in FEET_ONLY if self._at(i, *w)), None)
        if feet:  # "feet only, nothing with the hands": the kick and the hi-hat pedal
            hands = tuple(c.code for c in INSTRUMENTS if c.limb != "foot")
            self.out.append(Constraint(hands, ("all",), "absent", "feet only: kick and hi-hat pedal"))
            return i + len(feet)
        if (
            t[i] in ("steppers", "stepper")
            and not (i > 0 and t[i - 1] in NEGATORS | {"not"})
            and not any(self._one_voice(k)[0] == ("bd",) and self._places_follow(k + 1) for k in range(i, len(t)))
        ):  # ("make it steppers: kick on every beat" places the kick itself)
            self.out.append(Constraint(("bd",), ("beats",), "on", "steppers: kick on every beat"))
            return i + 1  # reggae's steppers: the kick on every beat
        if self._at(i, "half", "time") or self._at(i, "halftime"):
            at_game = i > 0 and t[i - 1] in ("at", "during")  # "for the reggae tune at halftime": the game's
            if not (i > 0 and t[i - 1] in ("no", "not")) and not at_game:
                self.feel_rules += [
                    Constraint(("bd",), ("1",), "on", "half-time: kick on 1"),
                    Constraint(("sd", "cp"), ("three",), "on", "half-time: snare or clap on 3"),
                    Constraint(("sd", "cp"), ("backbeat",), "off", "half-time: nothing on 2 and 4"),
                ]
                self.out += self.feel_rules[-3:]
            return i + (2 if t[i] == "half" else 1)
        if (t[i] in ("backbeat", "backbeats") or self._at(i, "back", "beat")) and not self._one_voice(i)[0]:
            end = i + (2 if t[i] == "back" else 1)
            prev = t[i - 1] if i else ""
            placed_by = prev in ("on",) or (i > 1 and t[i - 2] in ON_WORDS)  # "snare on the backbeat"
            linked = self._skip_linking(end)  # "the actual backbeat hits should be on 2 and 4"
            places, after = self._places_after(linked)  # "backbeat on 2 and 4", "backbeat every beat"
            if places:  # "the backbeat on 2 and 4": the backbeat is the voice
                alone = next((len(w) for w in (*NOTHING_ELSE, ("and", "nowhere", "else"), ("nowhere", "else"))
                              if self._at(after, *w)), 0)  # fmt: skip
                label = f"backbeat: snare or clap on {places_label(places)}"
                said_only = {"only", "just"} & set(t[end:linked])  # "backbeat only on 4 for this one"
                self.out.append(Constraint(("sd", "cp"), places, "only" if alone or said_only else "on", label))
                return after + alone
            k = i - 1 if prev in ("a", "the", "normal", "usual") else i
            last = self._last_placed()
            carried = (
                k >= 1
                and t[k - 1] in CARRIES
                and last is not None
                and self._last_end is not None
                and self._clause_start(i) <= self._last_end
            )
            if carried:  # "clap on 3 carries the backbeat": the backbeat is where the clap was put
                return end
            if k >= 2 and t[k - 2 : k] == ["instead", "of"]:  # "cross stick on 3 instead of a backbeat"
                self.out.append(Constraint(("sd", "cp"), ("backbeat",), "off", "no snare or clap on 2 and 4"))
                return end
            negated = prev in NEGATORS or (i > 1 and t[i - 2] in NEGATORS)  # "no backbeat", "without a backbeat"
            clause = t[self._clause_start(i) : i]  # "i dont want it to sound like a backbeat at all"
            negated = negated or (bool(set(clause) & {"don't", "not", "never"}) and "like" in clause)
            negated = negated or prev in MOVED_OFF  # "displaced backbeat pls: snare on 2& and 4": not on 2 and 4
            if prev in ("no", "without") and not placed_by:  # "no backbeat at all, it's jazz not rock"
                self.out.append(Constraint(("sd", "cp"), ("backbeat",), "off", "no snare or clap on 2 and 4"))
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
        last = self._last_placed()
        if last is None:
            return None
        if t[i] in ("keep", "keeping") and i and t[i - 1] in CLAUSE_ENDS:  # "push it to the & of 3. keep the one"
            places, end = self._places(i + 1)
            if places and all(BARE_COUNT.fullmatch(p) for p in places) and self._ends_clause(end):
                self._supersede(last, last.at(tuple(dict.fromkeys((*places, *last.places)))))
                return end
        j = self._skip(i, frozenset({"but", "and", "though", "so"}))
        after_break = i > 0 and self.tokens[i - 1] in CLAUSE_ENDS  # "snare on 2 and 4 only, never on 3"
        k = self._skip(j + 1, NOT_EVEN)  # "not even a ghost on 3"
        said_not = j < len(self.tokens) and self.tokens[j] in ("not", "never") and (j > i or after_break)
        said_not = said_not or (j < len(self.tokens) and self.tokens[j] == "none")  # "kick only on the 1 (none on 2)"
        skipped = j < len(self.tokens) and self.tokens[j] in ("skip", "skipping", "minus") and (j > i or after_break)
        if skipped:  # "16th hats, skip the e's", "kick on every beat, skipping 3": the voice's places, less those
            places, end = self._places(j + 1)
            if places and all(p in LESS_OK or BARE_COUNT.fullmatch(p) for p in places):
                kept = places_less(last.places, places)
                if kept:
                    self._supersede(last, last.at(kept))
                    return end
        bare = said_not and j > i and k < len(self.tokens) and BARE_COUNT.fullmatch(self.tokens[k])  # "but not 5"
        if said_not and k < len(self.tokens) and (self.tokens[k] in ("on", "at") or bare):
            places, end = self._places(k if bare else k + 1)
            if places:
                label = f"no {voices_label(last.voices)} on {places_label(places)}"
                self.out.append(Constraint(last.voices, places, "off", label))
                return end
        k = self._skip(j, FILLERS)
        hats = set(last.voices) >= {"ch", "oh"} or last.voices == ("ch",)
        if hats and k + 1 < len(self.tokens) and self.tokens[k] in OPENS:
            opened = self._skip(
                k + 1, frozenset({"it", "them", "up"}) | ({"the", "one"} if self._at(k + 1, "the", "one") else set())
            )
            places, end = self._places(self._skip(opened, frozenset({"on", "at"})))
            said = self.tokens[k + 1] in ("on", "at", "up", "it", "them") or self._at(k + 1, "the", "one")
            if places and said:  # "hats on 8ths, open on the & of 4", "... but open the one on the & of 4"
                if last.voices == ("ch",):  # "8ths on the closed hat but open it up on the & of 4": it opens there
                    left = self._other_than(last.places, places)
                    self._supersede(last, replace(last, places=left, text=f"closed hi-hat on {places_label(left)}"))
                self.out.append(Constraint(("oh",), places, "on", f"open hi-hat on {places_label(places)}"))
                return end
        if self._at(i, "instead", "of"):
            at = self._skip(i + 2, frozenset({"right", "just", "exactly", "being", "on", "at"}))
            places, end = self._places(at) if self._names_a_place(at) or self._at(at, "the") else ((), at)
            meter = get_meter(self.meter or "4/4")
            mine = last.steps(meter.name, meter.steps_per_bar)
            before = last.at(places).steps(meter.name, meter.steps_per_bar)
            if places and mine is not None and before is not None and before <= mine:
                return end  # "the kick on all four big beats instead of just 1 and 3": more, not moved
            if places:  # "put the kick on 1 and the & of 3 instead of on 3": moved from there
                gone = tuple(p for p in places if p not in last.places)  # "2& and 4 instead of 2 and 4": 4 stays
                if gone:
                    label = f"no {voices_label(last.voices)} on {places_label(gone)}"
                    self.out.append(Constraint(last.voices, gone, "off", label))
                return end
            voices, end = self._one_voice(self._skip(i + 2, FILLERS))
            others = tuple(v for v in voices if v not in last.voices)
            said_elsewhere = any(c.rule in ("on", "only") and set(c.voices) & set(others) for c in self.out)
            said_elsewhere = said_elsewhere or any(set(self._one_voice(n)[0]) & set(others) for n in range(end, len(t)))
            if others and not said_elsewhere and not self._places_follow(end):
                # "rim on 2 and 4 instead of snare": the snare is swapped out, not only moved off 2 and 4
                # (but "cross stick on 3 instead of the snare, snare ghosts" keeps it for the ghosts)
                self.out.append(Constraint(others, ("all",), "absent", f"no {voices_label(others)}"))
                return end
            if others:
                label = f"no {voices_label(others)} on {places_label(last.places)}"
                self.out.append(Constraint(others, last.places, "off", label))
                return end
        return None

    def _there(self, i: int) -> tuple[str, ...]:
        """The places said just before token i in its sentence: "playing the 1 so no kick
        there" (that count), "clap on 2 and 4, not snare there" (where the clap was put)."""
        t = self.tokens
        for k in range(i - 1, max(-1, i - 8), -1):
            if t[k] in (".", ";"):
                return ()
            place, _ = self._place(k)
            if place and COUNT_KEY.fullmatch(place):
                last = self._last_placed()
                return last.places if last is not None and place in last.places else (place,)
        return ()

    def _only_list(self, i: int) -> bool:
        """Whether voices from token i end in "only" or "alone" ("toms and kick only")."""
        voices, end = self._voice_list(self._skip(i, frozenset({"the"})))
        return bool(voices) and end < len(self.tokens) and self.tokens[end] in ("only", "alone")

    def _nothing_else(self, i: int) -> int | None:
        """ "kick on every beat, rim on 4, 7, 12 and 15. nothing else in the kit": a clause of its
        own that keeps the groove to the voices named before it."""
        words = next((w for w in (*NOTHING_ELSE, *WHOLE_GROOVE) if self._at(i, *w)), None)
        if words is None or (i and self.tokens[i - 1] not in CLAUSE_ENDS | {"and"}):
            return None
        after = self._skip(i + len(words) + 1, FILLERS)
        if any(self._at(i + len(words), w) for w in ("on", "in")) and any(self._at(after, *w) for w in THE_KIT):
            words = (*words, *self.tokens[i + len(words) : after + 1])  # "nothing else on the kit pls": the kit
        elif any(self._at(i + len(words), w) for w in ("on", "at", "for", "from")):
            voices, end = self._one_voice(after)
            last = self._last_placed()
            if not voices or last is None or not set(voices) & set(last.voices):
                return None  # "nothing else on the kick" with no place said for it
            label = f"{voices_label(voices)} on {places_label(last.places)} only"  # "... and nothing else on any hat"
            self.out.append(Constraint(voices, last.places, "only", label))
            return end
        named = tuple(
            dict.fromkeys(
                v for c in self.out if c.rule in ("on", "only", "present") and len(c.voices) < 4 for v in c.voices
            )
        )
        if not named or self._one_voice(self._skip(i + len(words), FILLERS | {"but", "than", "except"}))[0]:
            return None  # nothing named yet, or "nothing else but the ride": that list's (`_negated`)
        said = [c for c in self.out if c.rule != "absent"]
        if len(said) == 1 and said[0].rule == "only" and self._last_end is not None and i - self._last_end <= 4:
            return i + len(words)  # "keep it on 1 and 3 this time, nothing else": nowhere else, as read
        others = tuple(v for v in ALL_VOICES if v not in named)
        self.out.append(Constraint(others, ("all",), "absent", "only " + list_label(named)))
        return i + len(words)

    def _nothing_on(self, i: int) -> int | None:
        if self.tokens[i] in ("leave", "keep", "need", "want", "make"):  # "leave beat 3 empty", "i need step 1 empty"
            places, end = self._places(i + 1)
            whose: tuple[str, ...] = ()
            if places and self._at(end, "on"):  # "keep step 9 on the snare lane totally empty"
                whose, lane = self._one_voice(self._skip(end + 1, FILLERS))
                end = self._skip(lane, LANES) if whose else end
            end = self._skip(self._bar_tail(end), QUITE)  # "leave step 1 of every bar completely empty"
            if places and end < len(self.tokens) and self.tokens[end] in EMPTY:
                if not whose and any(self._at(end + 1, w) for w in ("of", "for", "on", "in")):  # "3 empty of kick"
                    whose, after = self._one_voice(self._skip(end + 2, FILLERS))  # "... empty on the kick"
                    end = after - 1 if whose else end
                said = f"no {voices_label(whose)} on " if whose else "nothing on "
                self.out.append(Constraint(whose or ALL_VOICES, places, "off", said + places_label(places)))
                return end + 1
            return None
        said_none = i and self.tokens[i - 1] in ("no", "zero") and self.tokens[i] in ANY_SOUND
        if self.tokens[i] not in NOTHING_WORDS and not said_none:  # "no instrument on the one"
            return None
        j = i + 3 if self._at(i + 1, "at", "all") else i + 1  # "nothing at all on beat 3"
        if self._at(j, "from"):  # "nothin from the kick on the one": that voice only
            whose, after = self._voice_list(self._skip(j + 1, FILLERS), frozenset({"or", "nor", "/"}))
            places, end = self._places(after + 1) if whose and self._at(after, "on") else ((), after)
            if places:
                self.out.append(Constraint(whose, places, "off", f"no {voices_label(whose)} on {places_label(places)}"))
                return end
        j = self._skip(j, NOTHING_VERBS)  # "nothing hits on the one", "please nothing play on the first beat"
        if j < len(self.tokens) and self.tokens[j] in ("on", "at"):
            places, end = self._places(j + 1)
            either = frozenset({"or", "nor", "/"})  # "from the kick or the snare"; a comma starts a clause
            whose, after = (
                self._voice_list(self._skip(end + 1, FILLERS), either)
                if self._at(end, "from") or self._at(end, "for")  # "nothing on the 1 for the kick"
                else ((), end)
            )
            if places and whose:  # "nothing on 1 2 3 4 from any hat": those voices only
                self.out.append(Constraint(whose, places, "off", f"no {voices_label(whose)} on {places_label(places)}"))
                return after
            words = next((w for w in (*EXCEPT, ("but",)) if self._at(end, *w)), None) if places else None
            kept, after = self._voice_list(self._skip(end + len(words), FILLERS)) if words else ((), end)
            if kept:  # "nothing on beat 2 except the hat": the hat there, nothing else
                left = tuple(v for v in ALL_VOICES if v not in kept)
                where = places_label(places)
                self.out.append(Constraint(left, places, "off", f"nothing but the {voices_label(kept)} on {where}"))
                self.out.append(Constraint(kept, places, "on", f"{voices_label(kept)} on {where}"))
                return after
            if places:
                text = f"nothing on {places_label(places)}"
                self.out.append(Constraint(ALL_VOICES, places, "off", text))
                return end
            voices, end = self._voice_list(self._skip(j + 1, FILLERS))
            if voices and not self._places_follow(end):  # "nothing on the toms": no toms at all
                self.out.append(Constraint(voices, ("all",), "absent", f"no {voices_label(voices)}"))
                return end
        return None

    def _apart(self, i: int) -> int | None:
        """ "the hats filling the gaps but never landing together with the kick or snare": the
        voice named last in the clause stays off wherever the others were placed (linear)."""
        t = self.tokens
        if t[i] not in ("never", "not", "don't"):
            return None
        j = self._skip(i + 1, APART_VERBS)
        words = next((w for w in TOGETHER if self._at(j, *w)), None)
        if words is None:
            return None
        others, end = self._voice_list(self._skip(j + len(words), FILLERS))
        start = self._clause_start(i)
        voices = self._voice_before(i, start)
        placed = [c for c in self.out if c.rule in ("on", "only") and set(c.voices) <= set(others)]
        places = tuple(dict.fromkeys(p for c in placed for p in c.places if p != "all"))
        if not others or not voices or not places or set(voices) & set(others):
            return None
        if any(c.rule == "off" and c.voices == voices and set(places) <= set(c.places) for c in self.out):
            return end  # "the hats fill the gaps but never landing together with the kick": said already
        label = f"no {voices_label(voices)} with the {voices_label(others)} (on {places_label(places)})"
        self.out.append(Constraint(voices, places, "off", label))
        return end

    def _negated(self, i: int) -> int | None:
        if i and self.tokens[i - 1] == "why" and self.tokens[i] in ("not", "don't"):
            return i + 1  # "why not put the kick on 1 and 3": a suggestion
        phrase = next((len(w) for w in NEGATING_PHRASES if self._at(i, *w)), 0)
        if not phrase and self.tokens[i] not in NEGATORS:
            return None
        said_nothing = self._at(i, "not", "even") and any(c.voices == ALL_VOICES and c.rule == "off" for c in self.out)
        if said_nothing:  # "nothing on the one, not even hat"
            voices, end = self._voice_list(self._skip(i + 2, FILLERS))
            return end if voices else None  # (said already: nothing there)
        if not phrase and i and self.tokens[i - 1] in ("the", "a", "that", "this") and self.tokens[i] in NOUN_NEGATORS:
            return None  # "the drop is kick and rim together on 3": the one drop's drop, a noun
        start = self._skip(i + (phrase or 1), FILLERS | NEGATED_VERBS)
        voices, j = self._voice_list(self._skip(start, FILLERS), joiners=frozenset({"or", "nor", "/"}))
        t = self.tokens
        said = t[start] if start < len(t) else ""
        adjective = said.isalpha() and said not in ("other", "others", "but", "except")
        if not voices and start + 1 < len(t) and adjective and not self._names_a_place(start):
            voices, j = self._voice_list(start + 1, joiners=frozenset({"or", "nor", "/"}))  # "no rock snare on 2 and 4"
        last = self._last_placed()
        near = last is not None and self._last_end is not None and 0 <= i - self._last_end <= 2
        if not voices and near and self.tokens[i] == "not" and start < len(t) and t[start] in ("on", "at"):
            places, end = self._places(start + 1)  # "snare on 2 but not on 4": not there, not even a ghost
            if places and last is not None:
                self.out.append(
                    Constraint(last.voices, places, "off", f"no {voices_label(last.voices)} on {places_label(places)}")
                )
                return end
        if not voices and {"touch", "hit"} & set(t[i + 1 : start]):
            places, end = self._places(start)  # "dont touch the 1": nothing there
            if places and all(BARE_COUNT.fullmatch(p) for p in places):
                self.out.append(Constraint(ALL_VOICES, places, "off", f"nothing on {places_label(places)}"))
                return end
        if not voices:
            return None
        if self._at(j, "backbeat") and self._at(j + 1, "on"):
            j += 1  # "no snare backbeat on 2 and 4": the snare's places there
        if j < len(self.tokens) and self.tokens[j] in PARTS_OF_A_VOICE:
            return j + 1  # "no hat rolls, just plain 8ths on the hats": not the hats, their rolls
        while j < len(self.tokens) and self.tokens[j] in AND_WORDS | {
            ",",
            "or",
            "nor",
            "/",
        }:  # "skip the crash and the ride bell"
            if self._at(j + 1, "a") or self._at(j + 1, "an") or self._at(j + 1, "some"):
                added, end = self._one_voice(j + 2)  # "no hats and a cowbell": something added
                if added and not self._places_follow(self._skip(end, LINKING)):
                    self.out.append(Constraint(added, ("all",), "present", f"with {voices_label(added)}"))
                break
            more, end = self._one_voice(self._skip(j + 1, frozenset({"the", "any", "all", "or", "nor"})))
            after = self._skip_linking(end)
            if self._at(end, "instead"):
                break  # "no hats, ride instead": the one that takes their place (`_instead`)
            if self.tokens[j] == "," and end < len(self.tokens) and self.tokens[end] not in LIST_END:
                break  # "no claps, hh rolls into a fill": a new clause, about the hats
            if self.tokens[j] == "," and self._only_list(j + 1):
                break  # "without any cymbals, toms and kick only": what plays, not more of what does not
            if not more or self._places_follow(after) or self._bare_places(after)[0] or self._at(end, "only"):
                break  # "no crash and open hats on the offbeats": the second voice is placed, not ruled out
            voices, j = tuple(dict.fromkeys(voices + more)), end
        words = next((w for w in (*EXCEPT, ("but",), ("besides",)) if self._at(j, *w)), None)
        if words:  # "no cymbals except the ride": those stay
            kept, after = self._voice_list(self._skip(j + len(words), FILLERS))
            stay = _with_bell(kept)
            if kept and set(voices) - set(stay):
                voices = tuple(v for v in voices if v not in stay)
                self.out.append(Constraint(voices, ("all",), "absent", f"no {voices_label(voices)}"))
                if after < len(self.tokens) and self.tokens[after] in ON_WORDS:  # "... but the crash on 1"
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
        there = self._there(i) if self._at(j, "there") else ()
        if there:  # "the bassist is playing the 1 so no kick there": not on that count
            self.out.append(Constraint(voices, there, "off", f"no {label} on {places_label(there)}"))
            return j + 1
        if j < len(self.tokens) and self.tokens[j] in ON_WORDS:
            places, end = self._places(j + 1)
            if places:
                self.out.append(Constraint(voices, places, "off", f"no {label} on {places_label(places)}"))
                return end
        start, one_bar = self._clause_start(i), self._one_bar(j)
        of_one_bar = BAR_MARK in self.tokens[start:i] or one_bar
        if of_one_bar and any(
            set(self._one_voice(k)[0]) & set(voices) for k in range(max(j, one_bar), len(self.tokens))
        ):
            # "bar 7 is a break w no kick, kick slams back in bar 8": one bar's "no", and every bar is
            # held alike, so it is said and left out (with no other word of it, "no crash in bar 4"
            # holds everywhere, which keeps it out of that bar too)
            self.unplaced.append(self._said(start, max(j, one_bar)))
            return max(j, one_bar)
        self.out.append(Constraint(voices, ("all",), "absent", f"no {label}"))
        k = self._skip(j, frozenset({",", "-"}))
        other, after = self._one_voice(k)
        alone = self._at(after, "only") and self._ends_clause(after + 1)  # "no hats (ride only)": the ride plays
        if other and not set(other) & set(voices) and alone:
            self.out.append(Constraint(other, ("all",), "present", f"with {voices_label(other)}"))
            return after + 1
        if k < len(self.tokens) and self.tokens[k] in ("just", "only"):  # "no hats, just ride"
            start = self._skip(k + 1, FILLERS)
            instead, end = self._one_voice(start)
            listed = self._voice_list(start, adjacent=True)[1] > end  # "just kick snare and ride": `_only_voices`
            if instead and not listed and not set(instead) & set(voices) and not self._places_follow(end):
                self.out.append(Constraint(instead, ("all",), "present", f"with {voices_label(instead)}"))
                return end
        return j

    def _kept_out(self, i: int) -> int | None:
        """ "keep the bass drum out of it", "leave the hats out": those voices are ruled out."""
        if self.tokens[i] not in KEEPING_OUT:
            return None
        voices, j = self._voice_list(self._skip(i + 1, FILLERS))
        if not voices or not self._at(j, "out"):
            return None
        where = self._skip(j + 1, frozenset({"of", "on", "at", "from", "beat", "beats"}))
        places, end = self._places(where) if where > j + 1 else ((), where)
        if places:
            self._placed(self._skip(i + 1, FILLERS), voices, places, "off")  # "take the snare out of beat 3"
            return end
        self.out.append(Constraint(voices, ("all",), "absent", f"no {voices_label(voices)}"))
        return j + 1

    def _kept_to(self, i: int) -> int | None:
        """ "keep it to kick, snare and a bit of shaker", "stick to kick and hats": those voices
        and no other."""
        words = next((w for w in KEPT_TO if self._at(i, *w)), None)
        if words is None:
            return None
        start = self._skip(i + len(words), FILLERS | {"just", "only"})
        voices, end = self._voice_list(start, adjacent=True)
        placed = self._places_follow(self._skip_linking(end))
        if not voices or (placed and "it" not in words):
            return None  # "stick to kick on 1 and 3": placed (`_voices`)
        self._restrict(voices, start)
        # "keep it to hats and a clap on 2 and 4": those voices, and their places are read next
        return start if placed else end

    def _only_voices(self, i: int) -> int | None:
        """ "only kick and snare", "just kick and hats": the other voices stay out."""
        if self.tokens[i] not in ONLY_BEFORE and not self._at(i, "nothing", "but"):
            return None
        start = i + (2 if self.tokens[i] == "nothing" else 1)
        k = self._skip(start, FILLERS)
        if self._at(k, "drums") and (k + 1 == len(self.tokens) or self.tokens[k + 1] in CLAUSE_ENDS):
            others = tuple(c.code for c in INSTRUMENTS if c.family != "drum")  # "only drums": no cymbal, no shaker
            self.out.append(Constraint(others, ("all",), "absent", "only drums"))
            return k + 1
        voices, j = self._voice_list(self._skip(start, FILLERS), adjacent=True)  # "just kick snare and hats"
        if len(voices) < 2 or self._places_follow(j):
            return None
        self._restrict(voices, start)
        return j

    def _restrict(self, voices: tuple[str, ...], start: int) -> None:
        others = tuple(c for c in ALL_VOICES if c not in voices)
        self.out.append(Constraint(others, ("all",), "absent", "only " + list_label(voices)))
        self._wanted(start, voices)

    def _instead(self, i: int) -> int | None:
        """ "claps instead of the snare", "no snare, use claps instead", "rim instead of the snare
        on 2 and 4": the new voice takes the old one's part (the snare's part is the backbeat)."""
        t = self.tokens
        j = self._skip(i, frozenset({"with", "use", "using", "add", "put", "play", "on"}) | FILLERS)
        new, j = self._voice_list(j)  # "same thing but on the ride instead of hats"
        if not new or not self._at(j, "instead"):
            return None
        if self._at(j + 1, "of"):
            old, end = self._voice_list(self._skip(j + 2, FILLERS))
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
        if t[i] not in MOVES:
            return None
        nth = NTH_HIT.get(t[i + 2]) if i + 2 < len(t) and t[i + 1] in ("that", "the", "this") else None
        if nth is not None:  # "move that 2nd kick to the and of 3": that one of the voice's places
            moved = self._move_nth(i + 3, nth)
            if moved is not None:
                return moved
        voices, j = self._voice_list(self._skip(i + 1, FILLERS))
        if not voices and i + 1 < len(t) and t[i + 1] in ("it", "them"):  # "push it to the a of 1"
            voices, j = self._voices_said_last(), i + 2
        if voices and (self._at(j, "on") or self._at(j, "from")):  # "shift the snare on 4 to 4&": that hit moves
            old, after = self._places(j + 1)
            k = self._skip(after, frozenset({"over", "up", "back", "later", "earlier", "forward"}))
            new, end = self._places(k + 1) if self._at(k, "to") or self._at(k, "onto") else ((), k)
            if len(old) == 1 and new:  # one hit moves to one place: "... to 4& — the one on 2 stays put"
                place, one_end = self._place(k + 1)
                new, end = ((place,), one_end) if place else (new, end)
            if old and new:
                start = self._skip(i + 1, FILLERS)
                self._placed(start, voices, old, "off")
                self._placed(start, voices, new, "on")
                self._last_end = end
                stays = self._skip(end, frozenset({",", "-", "and", "but"}))
                if self._at(stays, "the", "one") or self._at(stays, "the", "other"):  # "— the one on 2 stays put"
                    stop = next((n for n in range(stays, len(t)) if t[n] in CLAUSE_ENDS), len(t))
                    if {"stays", "stay", "put", "same"} & set(t[stays:stop]):
                        kept = self._places(stays + 3)[0] if self._at(stays + 2, "on") else ()
                        if kept:  # it keeps that place
                            self._placed(start, voices, kept, "on")
                        return stop
                return end
        if j < len(t) and t[j] in ("that", "which", "from"):  # "push the kick that normally sits on 3 to ..."
            j = next((k for k in range(j, min(j + 10, len(t))) if t[k] in ("to", "onto") or t[k] in CLAUSE_ENDS), j)
        k = self._skip(j, frozenset({"over", "up", "back", "later", "earlier", "forward", "ahead", "a", "bit"}))
        if not voices or k >= len(t) or t[k] not in ("to", "onto"):
            return None
        places, end = self._places(self._skip(k + 1, frozenset({"beat"})))
        if not places:
            new, end = self._voice_list(self._skip(k + 1, FILLERS))
            if not new or set(new) & set(voices):
                return None
            self._replace(new, voices, ())  # "move the hats to the ride": the ride takes their part
            return end
        self._placed(self._skip(i + 1, FILLERS), voices, places, "only")
        self._last_end = end
        return end

    def _move_nth(self, i: int, nth: int) -> int | None:
        """The voice at i's ``nth`` place (1-based, -1 the last) moved to the places after "to"."""
        voices, j = self._one_voice(i)
        said = next((c for c in reversed(self.out) if c.rule in ("on", "only") and c.voices == voices), None)
        if not voices or said is None or not all(BARE_COUNT.fullmatch(p) for p in said.places):
            return None
        k = self._skip(j, frozenset({"over", "up", "back", "later", "earlier"}))
        there = nth - (nth > 0)  # the index into its places
        if not (self._at(k, "to") or self._at(k, "onto")) or not -len(said.places) <= there < len(said.places):
            return None
        new, end = self._places(k + 1)
        if not new:
            return None
        gone = said.places[there]
        self._supersede(said, said.at(tuple(dict.fromkeys(p for p in (*said.places, *new) if p != gone))))
        self.out.append(Constraint(voices, (gone,), "off", f"no {voices_label(voices)} on {places_label((gone,))}"))
        return end

    def _swap(self, i: int) -> int | None:
        """ "swap the snare on 2 and 4 for cross stick", "replace the clap with a real snare":
        the new voice takes the old one's part, as in "rim instead of the snare" (`_instead`)."""
        t = self.tokens
        if t[i] not in SWAPS:
            return None
        old, j = self._voice_list(self._skip(i + 1, FILLERS))
        if not old and i + 1 < len(t) and t[i + 1] in ("it", "them", "those"):  # "no hats, swap them for a shaker"
            old, j = self._voices_said_last(), i + 2
        places, after = self._places(j + 1) if self._at(j, "on") or self._at(j, "at") else ((), j)
        if not old or after >= len(t) or t[after] not in ("for", "with", "to", "into", "by"):
            return None
        new, end = self._voice_list(self._skip(after + 1, FILLERS | {"real", "proper", "actual"}))
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
        part = next((c for c in self.out if c.rule in ("on", "only") and set(old) <= set(c.voices)), None)
        if part is not None:  # "one drop ... cross stick instead of snare": on the one drop's 3
            label = f"{voices_label(new)} on {places_label(part.places)}, instead of the {voices_label(old)}"
            self.out.append(Constraint(new, part.places, "on", label))
            if set(part.voices) == set(old):
                self.out.remove(part)  # "snare on 2 and 4, claps instead of the snare": the claps' now
        elif set(old) & {"sd", "cp"}:  # the snare's (or the clap's) part is the backbeat
            label = f"{voices_label(new)} on the backbeat (2 and 4), instead of the {voices_label(old)}"
            self.out.append(Constraint(new, ("backbeat",), "on", label))
        else:
            self.out.append(Constraint(new, ("all",), "present", f"with {voices_label(new)}"))

    def _doubling(self, i: int) -> int | None:
        """ "with tamb doubling the snare" (no places after): the tambourine plays where the
        snare does (`_doubled`); with places after, "claps doubling the snare on 2 and 4", both
        are placed by `_voices`."""
        j = i + 1 if self.tokens[i] in ("with", "add", "plus") else i
        follower, k = self._one_voice(j)
        words = next((w for w in DOUBLING if self._at(k, *w)), None) if follower else None
        if words is None or self._doubled_backbeat(k) is not None:
            return None
        at = self._skip(k + len(words), FILLERS | {"that", "this", "your"})
        leader, end = self._one_voice(at)
        if not leader and at < len(self.tokens) and self.tokens[at] in ("it", "them"):
            leader, end = self._voices_said_last(), at + 1  # "snare on 2 n 4 with claps doubling it"
        if not leader or self._places_follow(self._skip_linking(end)) or self._at(end, "on"):
            return None
        self._doubled(leader, follower, i)
        return end

    def _no_other(self, i: int) -> int | None:
        """ "ride cymbal only, no other cymbals": the group less the voices named before."""
        if not (self._at(i, "no", "other") or self._at(i, "without", "other") or self._at(i, "no", "others")):
            return None
        group, end = self._one_voice(i + 2)
        if len(group) < 2:
            return None
        named, k = set(), max(0, i - LOOK_BACK)
        while k < i:  # each name once: "ride cymbal" is the ride, not a ride and a crash ("cymbal")
            voices, after = self._one_voice(k)
            named |= set(voices)
            k = max(after, k + 1)
        named |= {"rb"} if "rc" in named else set()
        others = tuple(v for v in group if v not in named)
        if not others or others == group:
            return None
        self.out.append(Constraint(others, ("all",), "absent", f"no {voices_label(others)}"))
        return end

    def _double_with(self, i: int) -> int | None:
        """ "double the snare with claps", "layer the snare with a clap": the second voice plays
        where the first does (its places said before; a snare's unsaid places are the backbeat)."""
        if self.tokens[i] not in DOUBLE_VERBS:
            return None
        first, j = self._one_voice(self._skip(i + 1, FILLERS))
        if not first or not (self._at(j, "with") or self._at(j, "using")):
            return None
        second, end = self._one_voice(self._skip(j + 1, FILLERS))
        if not second:
            return None
        if self._at(end, "on") or self._at(end, "at"):  # "layer a clap with the kick on 7": both there
            places, after = self._places(end + 1)
            if places:
                self._placed(i, (*first, *second), places, "on")
                return after
        self._doubled(first, second, i)
        return end

    def _doubled(self, first: tuple[str, ...], second: tuple[str, ...], i: int) -> None:
        """``second`` plays where ``first`` does: its places said before, or a snare's or clap's
        backbeat, which then is asked of it as well ("tamb doubling the snare")."""
        said = next((c for c in reversed(self.out) if c.rule in ("on", "only") and set(c.voices) <= set(first)), None)
        if said is not None:
            places = said.places
        elif first in (("sd",), ("cp",)):
            places = ("backbeat",)
            self.out.append(Constraint(first, places, "on", f"{voices_label(first)} on the backbeat (2 and 4)"))
        else:
            self._wanted(i, first)
            self._wanted(i, second)
            return
        self.out.append(Constraint(second, places, "on", f"{voices_label(second)} on {places_label(places)}"))

    def _with(self, i: int) -> int | None:
        """ "with a cowbell", "with hats and a shaker", "a jazz waltz on the ride": those voices
        play (places after them: `_voices`; places before them, "2 and 4 on the snare": `_places_first`)."""
        t = self.tokens
        last = self._last_placed()
        together = i and t[i] == "with" and t[i - 1] in ("right", "together", "exactly", "along")
        if together and last is not None and self._last_end == i - 1:
            voices, end = self._voice_list(self._skip(i + 1, FILLERS))
            if voices and not set(voices) & set(last.voices) and not self._places_follow(end):
                label = f"{voices_label(voices)} on {places_label(last.places)}"
                self.out.append(Constraint(voices, last.places, "on", label))
                return end  # "tamb on 2 and 4 right with the snare": the snare there too
        if self.tokens[i] not in (
            "with",
            "add",
            "adding",
            "plus",
            "use",
            "using",
            "on",
            "including",
            "include",
            *THROWN_IN,
        ):
            return None  # (and "throw an open hat in near the end": it plays, somewhere)
        voices, j = self._voice_list(self._skip_likeness(self._skip(i + 1, FILLERS)))
        if self.tokens[i] == "on" and i and self.tokens[i - 1] in NOTHING_WORDS | NEGATORS:
            return None  # "nothing on the toms" (`_nothing_on`)
        if self.fill and set(voices) & set(fill_voices(self.fill)):
            return None  # "a fill on the floor tom", "end with a floor tom + kick fill": the fill's voice
        linked = self._skip_linking(j)  # "with the open hat only on the and of 4": placed, not just present
        rate_follows = any(k < len(self.tokens) and self.tokens[k] in RATE_WORDS for k in (j, linked))
        led = linked > j and bool(self._places(linked)[0])  # "w the ride doing all the triplets"
        if not voices or self._places_follow(linked) or rate_follows or led:  # "with the ride playing quarter notes"
            return None
        if self.tokens[i] == "on" and len(self._bare_places(j)[0]) > 1:
            return None  # "tresillo on the kick (1, 2&, 4)": the kick's places (`_voices`)
        doubling = self._at(j, "doubling") or self._at(j, "doubles")
        if self._doubled_backbeat(j) is not None or (
            doubling and self._places(self._skip(j + 1, frozenset({"the", "on"})))[0]
        ):
            return None  # "with a tambourine doubling that backbeat", "... doubling the 4": placed (`_voices`)
        k = self._skip(i + 1, FILLERS)
        while k < j:
            mention, k = self._one_voice(k)
            if not mention:
                k += 1
                continue
            self.out.append(Constraint(mention, ("all",), "present", f"with {voices_label(mention)}"))
        return j

    def _place_first(self, i: int) -> int | None:
        """ "offbeat open hats", "backbeat claps", "no offbeat hats": the place said before the
        voice, as its adjective ("hats on the offbeats" is `_voices`')."""
        t = self.tokens
        negated = t[i] in NEGATORS and i + 1 < len(t)
        at = i + negated
        split = self._at(at, "off", "beat") or self._at(at, "up", "beat")  # "off-beat open hats"
        place = "offbeats" if split else PLACE_ADJECTIVES.get(t[at])
        if place is None or (i and t[i - 1] in ON_WORDS):
            return None
        voices, end = self._one_voice(at + 1 + split)
        if not voices or self._places_follow(end) or self._at(end, "part") or self._at(end, "pattern"):
            return None  # "that offbeat open hat part moves over to the ride": `_voices` moves it
        said = f"{voices_label(voices)} on {places_label((place,))}"
        self.out.append(Constraint(voices, (place,), "off" if negated else "on", f"no {said}" if negated else said))
        return end

    def _only_there(self, i: int) -> int | None:
        """ "on beat 5 only hihat": there the voice plays and no other does."""
        t = self.tokens
        if t[i] not in ("on", "at") or (i and t[i - 1] in NEGATORS):
            return None
        places, end = self._places(i + 1)
        if not places or not self._only_voice_at(end):
            return None
        voices, after = self._one_voice(self._skip(self._skip(end, ONLY_BEFORE), FILLERS))
        others = tuple(v for v in ALL_VOICES if v not in voices)
        label = places_label(places)
        self.out.append(Constraint(voices, places, "on", f"{voices_label(voices)} on {label}"))
        self.out.append(Constraint(others, places, "off", f"nothing but {voices_label(voices)} on {label}"))
        self._last_end = after
        return after

    def _rate_first(self, i: int) -> int | None:
        """ "eighth hats", "quarter-note ride", "straight sixteenths on the hats", "dotted
        quarter notes on the ride"."""
        t = self.tokens
        dotted = t[i] == "dotted" and i + 1 < len(t)
        rate = DOTTED_RATES.get(RATE_WORDS.get(t[i + 1], "")) if dotted else RATE_WORDS.get(t[i])
        i += dotted
        if rate is None or (not dotted and i and t[i - 1] == "dotted"):
            return None
        j = self._skip(i + 1, frozenset({"note", "notes"}))
        said_whose = j < len(self.tokens) and self.tokens[j] in ("on", "with", "from")  # "16ths on the hh"
        if said_whose:
            j = self._skip(j + 1, FILLERS)
        voices, end = self._one_voice(j)  # "sixteenth hats and claps on 3": the rate is the hats' alone
        if voices == ("cc",) and said_whose and self.tokens[end - 1] in ("cymbal", "cymbals"):
            voices = TIME_KEEPERS  # "straight 8ths on the cymbal": the time, on the ride or hats
        if voices and not said_whose and self._bare_places(end)[0]:
            voices = ()  # "closed hats on the other 8ths kick 1 + 3": the kick's places are its own
        plural = self.tokens[i].endswith("s") or self._at(i + 1, "notes")  # "every offbeat 8th" is no rate
        negated = i and self.tokens[i - 1] in NEGATORS  # "no eighths in between": not a time to keep
        if voices and negated:
            return end  # "no 16ths on the hats": not where they play, and no place of its own
        if not voices and rate in ("eighths", "sixteenths") and plural and not negated:
            self.out.append(Constraint(TIME_KEEPERS, (rate,), "on", f"hi-hats or ride on {places_label((rate,))}"))
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
        opens = voices in (resolve_voices("hats"), ("oh",)) and j < len(t) and t[j] in OPENS
        if opens:  # "the hat opens on the & of 4", "the open hat opens up on the & of 4"
            voices, j = ("oh",), self._skip(j + 1, frozenset({"up"}))
        if voices == resolve_voices("hats") and self._at(j, "closed") and self._placed_after(j + 1) is None:
            words = next((w for w in (*EXCEPT, ("but",)) if self._at(j + 1, *w)), None)
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
        anywhere = next(
            (w for w in SOMEWHERE if self._at(j, *w) and (w[0] == "on" or not self._at(j + len(w), "of"))), None
        )  # "crash at the start of each bar" is a place
        if anywhere:  # "and one crash somewhere": it plays, where is left open
            k = j + len(anywhere)
            exceptions = {"not", "never", "except", "but"}  # "kick anywhere but beat 1 pls"
            but = next((m for m in range(k, min(k + 6, len(t) - 1)) if t[m] in CLAUSE_ENDS | exceptions), None)
            if but is not None and t[but] in exceptions:
                at = but + 1 + (t[but + 1] in ("on", "at", "for"))  # "kick anywhere except the one"
                places, end = self._places(at)  # "kick wherever u want just not on the 1"
                if places:
                    self._placed(i, voices, places, "off")
                    return end
            self._wanted(i, voices)
            return k
        gaps = next((w for w in IN_THE_GAPS if self._at(j, *w)), None)
        if gaps:  # "kick on 1 and the a of 2, snare on 2 and 4, hats fill in the gaps": off where they are
            placed = [c for c in self.out if c.rule in ("on", "only") and not set(c.voices) & set(voices)]
            taken = tuple(dict.fromkeys(p for c in placed for p in c.places if BARE_COUNT.fullmatch(p)))
            if taken:
                label = f"{voices_label(voices)} in the gaps (not on {places_label(taken)})"
                self.out.append(Constraint(voices, taken, "off", label))
            self._wanted(i, voices)
            return j + len(gaps)
        if any(self._at(j, *words) for words in KEEPS_TIME):  # "let a shaker keep time"
            end = j + next(len(w) for w in KEEPS_TIME if self._at(j, *w))
            places, after = self._places(end + 1) if end < len(t) and t[end] in ON_WORDS else ((), end)
            if places:  # "the floor tom carrying the pulse on every quarter note"
                label = f"{voices_label(voices)} on {places_label(places)}"
                self.out.append(Constraint(voices, places, "on", label))
                return after
            self.out.append(Constraint(voices, ("all",), "present", f"{voices_label(voices)} keeping time"))
            return end
        side = j < len(t) and t[j] in ("down", "up") and (j + 1 == len(t) or t[j + 1] in CLAUSE_ENDS | {"and"})
        side = side or (j + 1 < len(t) and t[j] in ("down", "up") and bool(self._one_voice(j + 1)[0]))
        first = self._skip(self._clause_start(i), FILLERS) == i or (i and t[i - 1] in ("down", "up"))
        if side and first:  # "oompah, kick down snare up"
            self._placed(i, voices, ("beats",) if t[j] == "down" else ("offbeats",), "only")
            return j + 1
        moved = self._skip(j, frozenset({"part", "pattern", "line", "thing"}))
        if moved < len(t) and t[moved] in ("moves", "moved", "goes", "shifts", "switches"):
            k = self._skip(moved + 1, frozenset({"over", "across"}))
            new, end = self._voice_list(self._skip(k + 1, FILLERS)) if t[k : k + 1] in (["to"], ["onto"]) else ((), k)
            if new and not set(new) & set(voices):  # "that open hat part moves over to the ride instead"
                self._replace(new, voices, ())
                return end + self._at(end, "instead")
            places, end = self._places(self._skip(k + 1, frozenset({"beat"}))) if t[k : k + 1] == ["to"] else ((), k)
            if places:  # "the kick moves to 3": there, and only there (as "move the kick to 3")
                self._placed(i, voices, places, "only")
                self._last_end = end
                return end
        n = self._skip(j, PLEASE)  # "rim clicks pls not full snare"
        if self._at(n, "not") or self._at(j, "rather", "than") or self._at(j, "instead", "of"):
            j = n if t[n] == "not" else j
            k = self._skip(j + (1 if t[j] == "not" else 2), FILLERS)
            other, end = self._one_voice(k)
            if other and not set(other) & set(voices) and not self._places_follow(end):  # "ride not hats"
                self._wanted(i, voices)
                self.out.append(Constraint(other, ("all",), "absent", f"no {voices_label(other)}"))
                return end
        bar = self._skip(j, frozenset({"on", "in", "only", "just", "at"}) | ENTERS)  # "claps enter bar 5"
        fill_voice = bool(self.fill and set(voices) & set(fill_voices(self.fill)))  # "toms fill the end of bar 2"
        if (
            bar < len(t)
            and t[bar] == BAR_MARK
            and not fill_voice
            and not self._places(self._skip(bar + 1, ON_WORDS))[0]
        ):
            self._wanted(i, voices)  # "crash on the first bar", "crash bar one": it plays, in that bar
            return bar + 1
        top = next((w for w in UP_TOP if self._at(j, *w)), None)
        if top:  # "no hats - ride only up top": the one cymbal
            kept = {*voices, *(("rb",) if "rc" in voices else ())}
            others = tuple(v for v in resolve_voices("cymbals") or () if v not in kept)
            self.out.append(Constraint(voices, ("all",), "present", f"{voices_label(voices)} up top"))
            self.out.append(Constraint(others, ("all",), "absent", f"no {voices_label(others)}"))
            return j + len(top)
        if self._at(j, "heavy") or self._at(j, "driven"):  # "a floor-tom-heavy groove": it plays, and a lot
            self._wanted(i, voices)
            return j + 1
        k = self._skip(j + 1, QUITE | {"so", "too", "way", "really", "kinda", "very", "super"})
        if j < len(t) and t[j] in ("sound", "sounds", "sounded") and k < len(t) and t[k] in SOUNDING_WRONG:
            said = next(v for n in range(i, j) if (v := self._one_voice(n))[0] and v[1] == j)[0]  # the last named
            self.out.append(Constraint(said, ("all",), "absent", f"no {voices_label(said)}"))
            return k + 1  # "toms sound cheesy on this kit"; "fill on the snare, toms sound cheesy": the toms
        if self._at(j, "out") and j + 1 < len(t) and t[j + 1] in ("on", "at", "of", "from"):
            places, end = self._places(self._skip(j + 2, frozenset({"beat", "beats"})))
            if places:  # "leave the kick out on 4": off there, everywhere else as it was
                self._placed(i, voices, places, "off")
                return end
        if self._at(j, "out") and (j + 1 == len(t) or t[j + 1] in CLAUSE_ENDS | PLEASE):
            self.out.append(Constraint(voices, ("all",), "absent", f"no {voices_label(voices)}"))
            return j + 1  # "toms out pls"
        if j < len(t) and t[j] in ("doubling", "doubles") and not self._doubled_backbeat(j):
            places, end = self._places(self._skip(j + 1, frozenset({"the", "on"})))
            if places:  # "with tambourine doubling the 4": it plays there too
                self._placed(i, voices, places, "on")
                return end
        j = self._doubled_backbeat(j) or j  # "a tambourine doubling that backbeat": it plays the backbeat
        if j < len(t) and t[j] in ("only", "just", "for"):  # "rim only for the backbeat"
            k = self._skip(j, frozenset({"only", "just", "for", "the"}))
            j = k if self._backbeat_words(k) else j
        backbeat = self._backbeat_words(j)
        if backbeat:  # "side-stick backbeat", "clap backbeat": that voice plays the backbeat
            label = f"{voices_label(voices)} on the backbeat (2 and 4)"
            self.out.append(Constraint(voices, ("backbeat",), "on", label))
            return j + backbeat
        if any(self._at(j, *words) for words in NOTHING_ELSE) or (
            j + 1 < len(t) and t[j] == "," and any(self._at(j + 1, *words) for words in NOTHING_ELSE)
        ):
            self._restrict(voices, i)  # "just kick + clap, nothing else"
            return j
        j = self._skip_linking(self._bar_tail(self._skip_linking(j)))  # "crash every bar on 1"
        if j < len(t) and t[j] in NOT_AFTER_VOICE:  # "kick never on 2", "keep the snare off beat 3"
            k = self._skip(self._skip_linking(j + 1), LINKING | frozenset({"on", "at", "from", "of"}))  # "off of 2"
            places, end = self._places(k)
            if places:
                self._placed(i, voices, places, "off")
                return end
        if j + 1 < len(t) and t[j] == "," and t[j + 1] in NAMED_ALONE:  # "disco hats, upbeats only pls"
            places, end = self._places(j + 1)
            if places and (end == len(t) or t[end] in {*CLAUSE_ENDS, *ONLY_AFTER, "pls", "please"}):
                self._placed(i, voices, places, "only")
                return end + (end < len(t) and t[end] in ONLY_AFTER)
        said_on = j < len(t) and t[j] in ON_WORDS
        other = said_on and self._at(j + 1, "the", "other") and j + 3 < len(t)
        counts = other and (t[j + 3] in NUMBER_WORDS or t[j + 3].isdigit()) and self._at(j + 4, "counts")
        if other and counts and self.out:  # "the snare on the other two counts": the counts not taken
            places, end = self._other_than(("counts",), self.out[-1].places), j + 5
        elif other and t[j + 3] in RATE_WORDS and self.out:  # "closed hats on the other 8ths"
            places, end = self._places(j + 3)
            places = self._other_than(places, self.out[-1].places)
        elif said_on and (rest := next((w for w in REMAINING if self._at(j + 1, *w)), None)) and self.out:
            places, end = self._places(j + 1 + len(rest))  # "hi-hat on all the remaining semiquavers": not taken
            places = self._other_than(places, self._taken()) if places else places
        elif said_on:
            places, end = self._places(self._skip(j + 1, frozenset({"on", "at"})))  # "lands on 1"
        else:
            places, end = self._bare_places(j)
        between = next((len(w) for w in IN_BETWEEN if self._at(end, *w)), 0)
        if places and between and len(places) == 1 and places[0] in RATE_WORDS.values() and self.out:
            places, end = self._other_than(places, self._taken()), end + between  # "hats filling the 16ths in between"
        if places and self._at(end, "on", "top", "of"):  # "... on top of the normal 2 and 4": those too
            more, after = self._places(self._skip(end + 3, frozenset({"the", "normal", "usual", "regular"})))
            places, end = (tuple(dict.fromkeys((*places, *more))), after) if more else (places, end)
        one_bar = self._one_bar(end) if places else 0
        if one_bar:  # "kick on 1 in the first bar": constraints hold in every bar, so it is asked of
            before = len(self.out)
            self._placed(i, voices, places, "on", EVERY_BAR)  # a place it has, not its only one
            self.some_bars += self.out[before:]
            return one_bar
        if places:
            k = i - 1
            while k >= 0 and t[k] in SMALL_WORDS:  # "but also a little snare pickup on the a of 4"
                k -= 1
            adding = (k >= 0 and t[k] in ADDING_BEFORE) or (i > 1 and t[i - 2] in ADDING_BEFORE)
            adding = adding or (end < len(t) and t[end] in ADDING_AFTER) or "also" in t[i:j]  # "snare also on"
            again = any(set(voices) & set(c.voices) for c in self.out if c.rule in ("on", "only"))
            adding = adding or (k >= 0 and t[k] in ("+", "&") and again)  # "backbeat + snare on the e of 4"
            rule = "on" if adding else "only"  # "the snare on the a of 4 too": besides what it plays
            self._placed(i, voices, places, rule)
            self._last_end = end
            doubling = next((len(w) for w in DOUBLING if self._at(end, *w)), 0)
            leader, after = self._one_voice(self._skip(end + doubling, FILLERS)) if doubling else ((), end)
            if leader:  # "tambo on 2 & 4 doubling the snare": the snare plays there too
                self._placed(end + doubling, leader, places, "on")
                return after
            return end
        colon = next((k for k in range(j, min(j + 8, len(t))) if t[k] == ":"), None)
        if colon is not None and not said_on and not any(self._one_voice(k)[0] for k in range(j, colon)):
            places, end = self._places(colon + 1)  # "kick pattern I hear in my head: 1, the e of 3 and 4"
            if places:
                self._placed(i, voices, places, "only")
                self._last_end = end
                return end
        if said_on and t[j] in ("on", "at") and end > j + 1:
            self.unplaced.append(" ".join(t[i:end]))
        return self._named_alone(i) or j

    def _respectively(self, i: int) -> int | None:
        """ "kick snare hats: 1 3 / 2 4 / 8ths", "ride kick snare - quarters, 1 and 3, 2 and 4":
        the voices listed first, then their places in the same order, split by "/" or commas
        ("none" for a voice left out, "four on the floor" for the kick's)."""
        t = self.tokens
        joined: list[tuple[str, ...]] = []
        split: list[tuple[str, ...]] = []  # "snare clap" listed is two voices, "ride bell" one
        k = i
        while (found := self._one_voice(k))[0]:
            joined.append(found[0])
            words = [resolve_voices(w) for w in t[k : found[1]]]
            split += [w for w in words if w] if len(words) > 1 and all(words) else [found[0]]
            k = self._skip(found[1], frozenset({",", "and", "&"}))
        k = self._skip(k, frozenset({":"}))
        stop = next((m for m in range(k, len(t)) if t[m] in (".", ";")), len(t))
        sep = "/" if "/" in t[k:stop] else ","
        cuts = [m for m in range(k, stop) if t[m] == sep]
        voices = joined if len(cuts) + 1 >= len(joined) and len(split) != len(cuts) + 1 else split
        groups = list(zip([k, *(c + 1 for c in cuts)], [*cuts, stop], strict=True))[: len(voices)]
        if len(voices) < 2 or len(groups) < len(voices):
            return None
        said: list[Constraint] = []
        end = k
        for n, ((a, b), whose) in enumerate(zip(groups, voices, strict=True)):
            sub = Reader(t[a:b], [], self.meter, steps=self.steps)
            if b - a == 1 and t[a] in ("none", "nothing", "no"):  # "... / none / ...": that voice is out
                said.append(Constraint(whose, ("all",), "absent", f"no {voices_label(whose)}"))
                end = a + 1
                continue
            floor = sub._floor_at(0)
            places, used = (("beats",), floor) if floor and whose == ("bd",) else sub._places(0)
            if not places or (used < b - a and n < len(voices) - 1):
                return None  # each group but the last is all places
            said.append(Constraint(whose, places, "only", f"{voices_label(whose)} on {places_label(places)}"))
            end = a + used
        if sum(c.rule == "only" for c in said) < 2:
            return None  # "kick and snare, nothing else": a list, not voices with their places
        self.out += said
        return end

    def _listed_only(self, i: int) -> int | None:
        """ "kick and snare only", "(kick snare hat only)", "hi-hat only": the voices named (a
        list, joined or not, or a group), then "only": those and no other. One instrument alone
        ("ride only") is `single_instrument`'s."""
        voices, j = self._voice_list(i, adjacent=True)
        alone = next((len(w) for w in NOTHING_ELSE[:1] if self._at(j, *w)), 0)  # "kick snare hat nothing else"
        if len(voices) < 2 or j >= len(self.tokens) or (self.tokens[j] not in ONLY_AFTER and not alone):
            return None
        if any(self._at(j, *w) for w in UP_TOP):
            return None  # "hat only up top": the one cymbal (`_voices`), not the one instrument
        if alone:
            self._restrict(voices, i)
            return j + alone
        bare = j + 1 < len(self.tokens) and bool(self._places(j + 1)[0] or self._bare_places(j + 1)[0])
        if any(self._at(j + 1, w) for w in ("on", "at", "between", "in")) or self._places_follow(j + 1) or bare:
            return None  # "kick and snare only on 1", "hats only between the beats", "hats ONLY offbeats"
        self._restrict(voices, i)
        return j + 1

    def _those(self, i: int, j: int, voices: tuple[str, ...]) -> int | None:
        """ "keep the kick off 2 and 4, snare gets those": the places just named, for this voice
        (for each voice named: "can the kick and a crash hit that"); places said but not read
        do too ("my riff pushes the and of 4 every bar. can the kick hit that with me?")."""
        t, last = self.tokens, self.out[-1] if self.out else None
        j = self._skip(j, MAY)
        k = self._skip(j + 1, TAKEN_HOW) if j < len(t) and t[j] in TAKES else j
        there = k < len(t) and t[k] == "there"  # "no snare on 2 and 4, rim clicks there instead"
        if not there and (k == j or k >= len(t) or t[k] not in ("those", "them", "these", "that", "it")):
            return None
        if self._backbeat_words(k + 1) or (k + 1 < len(t) and self._names_a_place(k + 1)):
            return None  # "a tambourine doubling that backbeat": a determiner, not a pronoun
        if last is not None and last.places != ("all",):
            if set(last.voices) & set(voices):
                return None
            places = last.places
        else:
            places, said = self._places_said_before(i)
            if not places:
                return None
            self._read_back.update(said)
        # "can the kick lock to exactly that and nothing else": there only
        alone = next((len(w) for w in NOTHING_ELSE if self._at(k + 1, *w)), 0)
        self._placed(i, voices, places, "only" if alone else "on")
        return k + 1 + alone

    def _places_said_before(self, i: int) -> tuple[tuple[str, ...], range]:
        """The last places named before token i that no form read, and their tokens."""
        found: tuple[tuple[str, ...], range] = ((), range(0))
        k = max(0, i - LOOK_BACK)
        while k < i:
            places, end = self._places(k) if self._names_a_place(k) or self._at(k, "the") else ((), k)
            if places and end <= i and any(self._names_a_place(n) for n in range(k, end)):
                found, k = (places, range(k, end)), end
            else:
                k += 1
        return found

    def _wanted(self, start: int, voices: tuple[str, ...]) -> None:
        """Each voice named from ``start`` plays somewhere ("with a cowbell")."""
        for each in self._each(start, voices):
            self.out.append(Constraint(each, ("all",), "present", f"with {voices_label(each)}"))

    def _placed(self, start: int, voices: tuple[str, ...], places: tuple[str, ...], rule: str, said: str = "") -> None:
        """Each voice named from ``start`` held to ``places`` by ``rule``; ``said`` ends the reply's line."""
        mentions = self._each(start, voices)
        hat = next((m for m in mentions if set(m) <= {"ch", "oh", "ph"}), None)
        if ("rc",) in mentions and hat and len(mentions) == 2 and set(places) in ({"2", "4"}, {"backbeat"}):
            # "ride plus the hat on 2/4", "ride + hh foot on 2 and 4": jazz time, the ride keeping it
            self.out.append(Constraint(("rc",), ("all",), "present", "ride keeping time"))
            mentions = [hat]
        for each in mentions:
            where = f"{voices_label(each)} on {places_label(places)}"
            self.out.append(Constraint(each, places, rule, f"no {where}" if rule == "off" else where + said))

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
        said = i + 1 < len(t) and (t[i] in STEP_WORDS or (t[i] in SIXTEENTH and t[i + 1] in STEP_WORDS))
        if self.steps and said:  # "kick 16th steps 1,5,9,13", "open hat step 7 and 15"
            return self._places(i)
        if i < len(t) and t[i] in RATE_WORDS:  # "shaker 16ths", "hats eighths"
            return (RATE_WORDS[t[i]],), self._skip(i + 1, frozenset({"note", "notes"}))
        value = NOTE_VALUES.get(t[i]) if i < len(t) and self.steps != "grid" else None
        if value and int(t[i]) > counting(get_meter(self.meter or "4/4"))[0] and self._ends_clause(i + 1):
            return (value,), i + 1  # "kick 1 3, snare 2 4, hats 16": no count 16 in the bar, so 16ths
        if t[i] in ("between", "the", *NAMED_ALONE) if i < len(t) else False:  # "hats only between the beats"
            return self._places(i)  # "kick hits the 1, the a of 2" ("hits" is a linking word)
        if i + 1 < len(t) and t[i] in ("beat", "beats", "count", "counts") and self._count(i + 1)[0]:
            return self._places(i)  # "big drum just beat 1 and beat 3"
        if i < len(t) and t[i] in NUMBER_WORDS:  # "snare three and five": a list of counts in words
            places, end = self._places(i)
            return (places, end) if len(places) > 1 else ((), i)
        if i + 1 < len(t) and t[i] == "all" and self._every_count(i + 1) is not None:
            place, end = self._every_count(i + 1)  # "kick all 4s": every count
            return (place,), end + (end < len(t) and t[end] == "s")
        if i + 1 < len(t) and t[i] == "all":
            return self._places(i)  # "the kick hits all 4 beats"
        if i >= len(t) or not (t[i][0].isdigit() or t[i] in ("every", "each")):
            return (), i
        places, end = self._places(i)
        said_one = len(places) == 1 and end == i + 1  # one count alone; "1 e & a ..." is many
        alone = end == len(t) or t[end] in CLAUSE_ENDS or bool(self._one_voice(end)[0])  # "snare only 3, kick 1"
        numbered = i and t[i - 1] in ("tom", "toms")  # "tom 1": which tom
        count = re.match(r"\d+", places[0]) if places else None
        alone = alone and count is not None and int(count[0]) <= counting(get_meter(self.meter or "4/4"))[0]
        return (places, end) if not said_one or not t[i][0].isdigit() or (alone and not numbered) else ((), i)

    def _ends_clause(self, i: int) -> bool:
        """Whether the clause ends at i (the words run out, a comma or stop, or "pls")."""
        return i >= len(self.tokens) or self.tokens[i] in CLAUSE_ENDS | PLEASE

    def _named_alone(self, i: int) -> int | None:
        """ "5/4 jazz ride, 4 bars": a voice named alone in its clause, by no other form, is
        wanted somewhere ("let it ride" is not a ride; a fill's own voice is the fill's)."""
        t = self.tokens
        voices, j = self._voice_list(i, adjacent=True)  # "just drums. kick snare and toms, tribal vibe"
        if t[i] == "tom" and voices == ("ht",) and j < len(t) and t[j] in ("groove", "grooves", "beat"):
            voices = resolve_voices("toms") or voices  # "a tribal tom groove": the toms, not the high one
        if j < len(t) and t[j] in ALONE_AFTER:  # "the crashy cymbal when it starts again": no place said
            end = next((k for k in range(j, len(t)) if t[k] in CLAUSE_ENDS or self._next_voice_said(k)), len(t))
            said = t[j:end]
            named = (
                k for k in range(j, end) if self._one_voice(k)[0] and not self._at(self._one_voice(k)[1], "pattern")
            )
            if (
                any(w in NEGATORS | TAKING_AWAY | {"too", "less"} for w in said)
                or any(self._names_a_place(k) or STEP_STRING.fullmatch(t[k]) for k in range(j, end))
                or next(named, None) is not None
            ):  # another voice ("a bell pattern" is no ride bell)
                return None
            j = end
        more = i and t[i - 1] == "more" and (i == 1 or t[i - 2] in CLAUSE_ENDS)  # "more cowbell!!": wanted
        if (
            not voices
            or (j < len(t) and t[j] not in CLAUSE_ENDS and not self._next_voice_said(j))
            or (i and t[i - 1] in NOT_BEFORE_ALONE and not more)
        ):
            return None
        if self.fill and set(voices) & set(fill_voices(self.fill)):
            return None
        k = i - 1
        # "kick on all four + cowbell ...", "a take five vibe but ride only": a wish of its own from there
        while k >= 0 and t[k] not in CLAUSE_ENDS | {"+", "plus", "then", ":", "but"}:
            if t[k] in AND_WORDS and set(t[k + 1 : i]) <= FILLERS | MAYBE:
                break  # "clap on 2 and 4 and maybe a shaker going the whole way": a wish of its own
            if t[k] in NEGATORS or (k == i - 1 and self._one_voice(k)[0]):
                return None  # "without ride / crash": one list, ruled out; wishes are said apart
            k -= 1
        before = [w for w in t[k + 1 : i] if w not in FILLERS]  # before the voice: a word or two, or a wish
        if before[-2:] == ["laid", "back"]:
            before = before[:-2]  # "laid back snare": how it is played, not "back off the snare"
        if (len(before) > 2 or set(before) & TAKING_AWAY) and not set(before) <= WANTING:
            return None  # "lay off the crash", "mute the hats": a verb that may take it away
        if voices == resolve_voices("toms"):  # "a tribal tom groove": any tom, said as the group
            self.out.append(Constraint(voices, ("all",), "present", f"with {voices_label(voices)}"))
        else:
            self._wanted(i, voices)
        return j

    def _next_voice_said(self, k: int) -> bool:
        """ "... and the kick marks ...": another voice's clause starts at k."""
        t = self.tokens
        return k < len(t) and t[k] in ("and", "while") and bool(self._one_voice(self._skip(k + 1, FILLERS))[0])

    def _step_string(self, i: int) -> int | None:
        """ "cowbell plays the standard bell x.x.xx.x.x.x", "hats: x-x-x-x-x-x-x-x-": the first
        voice of the clause plays where the string has hits, one bar of the meter."""
        t = self.tokens
        if not STEP_STRING.fullmatch(t[i]):
            return None
        start = i
        while start > 0 and t[start - 1] not in CLAUSE_ENDS:
            start -= 1
        named = [(k, v, end) for k in range(start, i) for v, end in [self._one_voice(k)] if v]
        nearest = next((m for m in reversed(named) if self._skip(m[2], frozenset({":", "="})) == i), None)
        start, voices, _ = nearest or (named[0] if named else (start, (), start))  # "bd: x-x- sd: --x-"
        places = _string_places(t[i], self.meter or "4/4")
        places = self._whole_count(places) if places is not None else None  # "xxxxxxxxxxxxxxxx": 16ths
        if not voices or places is None:
            self.unplaced.append(" ".join(t[start : i + 1]))
            return i + 1
        self._placed(start, voices, places, "only")
        return i + 1

    def _pronoun(self, i: int) -> int | None:
        """ "don't put a kick on 3, keep it on the 1": "it" is the voice named last."""
        t = self.tokens
        another = t[i] == "one" and i > 0 and t[i - 1] in ("put", "add", "stick", "throw", "place")
        copula = t[i] in ("its", "it's")  # "the snare feels lazy but on the grid its just 2 and 4"
        if t[i] not in ("it", "them", "that") and not another and not copula:  # "but do put one on the & of 2"
            return None
        # else the voice named last: "last time the kick was everywhere. keep it on 1 and 3"
        last = self._voices_said_last() or self._voice_before(i, max(i - 16, 0)) or None
        j = self._skip(i + 1, LINKING)
        copula = copula or (t[i] == "it" and "is" in t[i + 1 : j])  # "it is just 2 and 4"
        j += self._at(j, "in", "on")  # "have it come in on the & of 1 instead"
        if last is None or j >= len(t) or (t[j] not in ("on", "at") and not copula):
            return None
        places, end = self._places(j + 1 if t[j] in ("on", "at") else j)
        if not places:
            return None
        rule = "on" if another else "only"  # another one: besides its other places
        self.out.append(Constraint(last, places, rule, f"{voices_label(last)} on {places_label(places)}"))
        self._last_end = end
        return end

    def _doubled_backbeat(self, i: int) -> int | None:
        """Where "backbeat" starts in "doubling that backbeat" at i (None when not said)."""
        doubled = next((len(w) for w in DOUBLING if self._at(i, *w)), 0)
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
        if last is not None and last.rule == "present" and i and t[i - 1] in (".", ",", ":") and len(self.out) == 1:
            places, end = self._places(i)  # "more cowbell!! every quarter": the one voice named, placed
            counted = t[i - 1] == "." or (len(places) >= 3 and all(BARE_COUNT.fullmatch(p) for p in places))
            if places and counted and (end == len(t) or t[end] in {*CLAUSE_ENDS, "pls", "please", "like"}):
                self.out[-1] = Constraint(
                    last.voices, places, "only", f"{voices_label(last.voices)} on {places_label(places)}"
                )
                self._last_end = end
                return end
        if last is None or last.rule not in ("on", "only") or self._last_end is None:
            return None
        if i == self._last_end and t[i] not in ("on", "at", "in"):  # "on the and of 3 (the and of three)"
            places, end = self._places(i)
            if places and set(places) <= set(last.places):
                return end
        then = next((len(w) for w in (("and", "then"), ("then",)) if self._at(i, *w)), 0)
        if then and set(t[self._last_end : i]) <= {".", ","}:  # "the kick goes 1 and then the e of 2?? and then 3"
            at = self._skip(i + then, frozenset({"same", "thing", "again", "on", "from", "like"}))
            places, end = self._places(at)
            if places and all(BARE_COUNT.fullmatch(p) for p in places) and not self._one_voice(end)[0]:
                if "same" in t[i:at] and len(places) == 1:  # "1, the e of 1, the & of 1... then same thing again on 3"
                    places = _shifted(last.places, int(places[0])) or places
                self.out[-1] = last.at(tuple(dict.fromkeys(last.places + places)))
                self._last_end = end
                return end
        plus = next((len(w) for w in (("plus",), ("and", "also"), ("also",)) if self._at(i, *w)), 0)
        near = i - self._last_end <= PLUS_GAP and not any(self._one_voice(k)[0] for k in range(self._last_end, i))
        if plus and near:  # "put the & of 4 on the kick as a pickup? plus 1 and 3 ofc"
            places, end = self._places(self._skip(i + plus, frozenset({"on", "at"})))
            if places and not self._one_voice(self._skip(end, FILLERS))[0] and not self._at(end, "on"):
                self.out[-1] = last.at(tuple(dict.fromkeys(last.places + places)))
                self._last_end = end
                return end
        if t[i] not in ("on", "at", "in", "so") or (i and t[i - 1] in NEGATORS):  # "kick on 1, not on 3"
            return None  # "so": "kick on 1 & 3 with the lil pickup before each one (so the and of 2 ...)"
        also = bool({"also", "plus"} & set(t[self._last_end : i]))  # "kick on every beat and also on the a's"
        if not also and not all(BARE_COUNT.fullmatch(p) for p in last.places):
            return None
        if any(self._one_voice(k)[0] or misspells_a_voice(t[k]) for k in range(self._last_end, i)):
            return None  # another voice was named (or misspelt: "snarf") in between: not the last voice's places
        places, end = self._places(i + 1)
        if not places or not (also or all(BARE_COUNT.fullmatch(p) for p in places)):
            return None
        if self._one_voice(self._skip(end, FILLERS))[0] or self._only_voice_at(end):
            return None  # "on 3 the clap", "on beat 5 only hihat": the places belong to the voice after them
        merged = tuple(dict.fromkeys(last.places + places))
        self.out[-1] = last.at(merged)
        self._last_end = end
        return end

    def _places_first(self, i: int) -> int | None:
        """ "2 and 4 on the snare", "the and of 4 on the open hat", "under a 2 and 4 snare",
        "2 and 4 only for the snare": counts, then whose they are."""
        places, j = self._places(i, whose=False)
        if not places or not all(BARE_COUNT.fullmatch(p) for p in places):
            return None
        owner = next((len(w) for w in WHOSE if self._at(j, *w)), 0)
        needs = not owner and j < len(self.tokens) and self.tokens[j] in NEEDS  # "the e of 3 needs a kick"
        if owner or needs:
            j += owner or 1
        elif len(places) < 2 or not self._one_voice(j)[0]:
            return None  # "a 2 and 4 snare" is the snare's; "3 snare hits" is how many
        voices, end = self._voice_list(self._skip(j, FILLERS))
        if not voices:
            return None
        rule = "on" if needs else "only"  # a hit there, whatever else it plays
        self.out.append(Constraint(voices, places, rule, f"{voices_label(voices)} on {places_label(places)}"))
        self._last_end = end
        return end

    # -- pieces ---------------------------------------------------------------------

    def _skip_linking(self, i: int) -> int:
        """Skip the words between a voice and its places, and one verb in -ing that leads to
        them ("the open hat barking on each upbeat"); not one that says the opposite."""
        i = self._skip(i, LINKING)
        word = self.tokens[i].rstrip("'") if i < len(self.tokens) else ""
        if word in ("starting", "startin", "beginning", "opening", "starts", "begins", "opens", "marks") and (
            self._at(i + 1, "each") or self._at(i + 1, "every")
        ):
            return i + 1  # "the kick startin each group": where each group starts
        verb = word.endswith("ing") or (word.endswith("in") and word + "g" not in NOT_LINKING)  # "rollin'"
        if verb and len(word) >= 5 and word.isalpha() and word not in NOT_LINKING:
            j = self._skip(i + 1, LINKING)
            if j < len(self.tokens) and (self.tokens[j] in ("on", "at", "in") or self.tokens[j] in RATE_WORDS):
                return j  # "hats rollin 16ths": the verb leads to its places
            if self._at(j, "the") and j + 1 < len(self.tokens) and self.tokens[j + 1] in RATE_WORDS:
                return j + 1  # "hats filling the 16ths in between"
            if self._at(j, "every") and j + 1 < len(self.tokens) and self.tokens[j + 1] in RATE_WORDS:
                return j  # "the shaker thing going every 8th"
            if j + 1 < len(self.tokens) and self.tokens[j] == "1" and self.tokens[j + 1] in _RUN_ORDER:
                return j  # "the hihat going 1 e & a 2 e & a ...": a count spoken aloud
        says = word.endswith("s") and len(word) >= 4 and word.isalpha() and word not in NOT_LEADING
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
        for size in range(min(MAX_VOICE_WORDS, len(self.tokens) - i), 0, -1):
            words = self.tokens[i : i + size]
            if any(not w[0].isalpha() and w not in ALIASES for w in words):  # words, "tom1", "808"
                continue
            voices = resolve_voices(" ".join(words))
            if voices is not None:
                return voices, i + size
        return (), i

    def _voice_list(
        self, i: int, joiners: frozenset[str] = VOICE_JOINERS, adjacent: bool = False
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
            doing = adjacent and j + 1 < len(self.tokens) and self.tokens[j].endswith("ing")
            k = self._skip(j + 1 if doing and self.tokens[j + 1] in joiners else j, joiners)
            # ("just toms rumbling and kick underneath": what each does, between the two)
            if k == j:  # "claps doubling the snare", "shaker layered with the hats": both play it
                k += next((len(w) for w in DOUBLING if self._at(j, *w)), 0)
            if k == j and self._at(j, "with") and len(voices) == 1:  # "clap w/ the snare on 2 n 4": both there
                other, after = self._one_voice(self._skip(j + 1, FILLERS))  # (not "four on the floor kick w/ ...")
                pair = {*voices, *other}
                if (
                    len(other) == 1
                    and len(pair) == 2
                    and pair <= LAYERED
                    and self._places_follow(self._skip_linking(after))
                ):
                    k = j + 1
            if k == j and not adjacent:
                break
            voices, j = self._one_voice(self._skip(k, BEFORE_LISTED_VOICE))
            after = self._skip_linking(j)
            if voices and "," in self.tokens[i:k] and (self._places_follow(after) or self._bare_places(after)[0]):
                break  # "open hats, kick on every beat", "ride instead of hats, kick 1 and 3": a clause of its own
            own = self.tokens[k - 1 : k + 1] in (["and", "a"], ["and", "an"])
            if voices and own and j < len(self.tokens) and self.tokens[j] in DOING:
                break  # "w/ cross stick and a shaker doing 16ths": the shaker's 16ths, not the rim's
        return tuple(found), i

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
        if word in _PART_TOKENS and k < len(t) and t[k] in ("after", "before"):
            count, end = self._count(self._skip(k + 1, frozenset({"the", "beat"})))
            if count is not None and count.isdigit():  # "the and after 2", "the e before 3", "the & right after 4"
                n = int(count) - (t[k] == "before")
                return f"{n or counting(get_meter(self.meter or '4/4'))[0]}{_PART_TOKENS[word]}", end
            b = i - 1
            while b >= 0 and t[b] in ("the", "and", ",", "&", "+"):
                b -= 1
            said = b < i - 1 and t[b].isdigit()
            if said and t[k] == "after" and self._quarter_beats():  # "1 and the e right after": that count's e
                return f"{int(t[b])}{_PART_TOKENS[word]}", k + 1
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
        if any(self._at(i + 1, "of", them) for them in ("them", "those", "these", "em")):
            return None, i  # "all 12 of them": how many
        if word == "one" and i + 1 < len(self.tokens) and self.tokens[i + 1] in ONE_BEFORE:
            return None, i  # "plus one extra hit": how many, not the one
        if word == "one" and i and self.tokens[i - 1] in AND_WORDS | {","} and self._places_follow(i + 1):
            return None, i  # "one on 2e and one on 3a": a hit, placed (`_one_on`)
        if word in NUMBER_WORDS:
            voice, end = (
                self._one_voice(i + 1) if i + 1 < len(self.tokens) and self.tokens[i + 1].isalpha() else ((), i)
            )
            listed = i > 0 and self.tokens[i - 1] in {"on", "of", *NUMBER_WORDS}  # "kick one three", "a of three snare"
            counts_next = listed and (self._at_number_word(end) or self._at_bare_count(end))
            if voice and not self._places_follow(end) and not counts_next:
                return None, i  # "and one crash somewhere": how many, not where ("kick on one snare two four": where)
            return str(NUMBER_WORDS[word]), i + 1  # "kick on one and three snare on two and four": a count
        said = SAID_AS_COUNT.get(word)
        if said and i and self.tokens[i - 1] in HOMOPHONE_BEFORE and self._homophone_ends(i + 1):
            return said, i + 1  # "snare on to and for" (typed by voice): 2 and 4
        if word in ORDINALS:  # "the first beat and beat 3"
            return str(ORDINALS[word]), self._skip(i + 1, frozenset({"beat", "count"}))
        match = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?([&+ea]?)", word)
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
        i = self._skip(i, LIST_OPENERS)
        if self._floor_at(i):
            return (), i  # "kick playing four on the floor": the idiom, not the count 4
        if i < len(self.tokens) and self.tokens[i] in ("wherever", "where", "whenever", "when"):
            return self._where_voice_is(i)  # "drop the hat wherever the snare is": that voice's places
        with self._steps_as(self._steps_list(i)):
            return self._read_places(i, whose)

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
            t[k] in LIST_JOINERS or t[k] in ("the", "of") or t[k] in _PART_TOKENS or t[k][0].isdigit()
        ):
            if (t[k] in _PART_TOKENS and self._at(k + 1, "of")) or COUNT_AND_PART.fullmatch(t[k]):
                return True
            k += 1
        return False

    def _read_places(self, i: int, whose: bool = True) -> tuple[tuple[str, ...], int]:
        """The list at i; ``whose``: it follows its voice, so a last part "..., 2 and 4 on the
        snare" is another voice's (not so in "1&, 2, 3, 3a, 4& on clave")."""
        places: list[str] = []
        place, j = self._place(i)
        end, comma = i, None  # comma: (places before the last comma, where it is)
        while place is not None:
            places.append(place)
            if place.isdigit() and not self._in_steps:  # a pasted count: "1 e & a 2 e & a"
                run, j = self._count_run(place, j)
                places += run
            end = self._bar_tail(j)
            k = self._skip(end, LIST_JOINERS)
            if k > end and self._at(k, "of") and self.tokens[k - 1] in _PART_TOKENS:
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
        owner = next((len(w) for w in WHOSE if self._at(end, *w)), 0)  # "..., 2 and 4 only for the snare"
        if comma and whose and owner and self._one_voice(self._skip(end + owner, FILLERS))[0]:
            kept, end = comma  # "kick on 1 and 3, 2 and 4 on the snare": the snare's places are its own
            places = places[:kept]
        places, end = self._counted_ands(places, i, end)
        places, end = self._trailing_and(places, end)
        each = next((w for w in ON_EACH_BEAT if self._at(end, *w)), None)
        if each and len(places) > 1 and all(p[:1] == "1" and p[1:] in PART_KEYWORDS for p in places):
            # "gallop on the double kick - 1 & a on every beat": that count's parts, on every beat
            return tuple(PART_KEYWORDS[p[1:]] for p in places), end + len(each)
        whole = next((w for w in WHOLE_BAR if self._at(end, *w)), None)
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
        }:
            return True
        return self._at(k, "you", "know") or bool(self._one_voice(k)[0])  # "snare on too and for high hat ..."

    def _count_run(self, count: str, i: int) -> tuple[list[str], int]:
        """The parts spoken after a count, as a drummer counts them aloud ("1 e & a", "3 & a"),
        in counting order; a run needs an "e" or an "a", so "1 and 3" stays two counts."""
        t, run, last, j = self.tokens, [], 0, i
        while j < len(t) and _RUN_ORDER.get(t[j], 0) > last:
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
                and not any(self._at(j + 1, *w) for w in ON_EACH_BEAT)  # "1 & a on every beat": no article
            ):
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
        if beats is None or not all(BARE_COUNT.fullmatch(p) for p in places):
            return places
        for parts, rate in ((("", "&"), "eighths"), (("", "e", "&", "a"), "sixteenths")):
            if set(places) == {f"{b}{p}" for b in range(1, beats + 1) for p in parts}:
                return (rate,)
        return places

    def _except(self, places: tuple[str, ...], i: int) -> tuple[tuple[str, ...], int]:
        """ "every beat except 3", "eighths apart from the and of 4": the places less the exceptions."""
        words = next((w for w in EXCEPT if self._at(i, *w)), None)
        if not places or words is None:
            return places, i
        j = self._skip(i + len(words), frozenset({"on", "at", "for"}))
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

    def _said(self, i: int, j: int) -> str:
        """The request's words from token i to j, a bar's mark put back as it was typed."""
        refs = iter(self.bar_refs[self.tokens[:i].count(BAR_MARK) :])
        return " ".join(next(refs, "that bar") if w == BAR_MARK else w for w in self.tokens[i:j])

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


# ---------------------------------------------------------------------------------------
# One instrument alone ("just a shaker pattern", "kick only")

_CUES_BEFORE = frozenset({"just", "only", "solo", "purely", "simply"})
_CUES_AFTER = frozenset({"only", "solo", "alone"})
_MAX_FILLERS_BEFORE = 2
_MAX_FILLERS_AFTER = 1
# Words that join a second idea, so a cue across them is not about the instrument.
_BREAKERS = frozenset(
    {"with", "and", "plus", "over", "under", "beat", "groove", "kit", "drums", "band", "on", "at", "for", BAR_MARK}
)  # "for": "2 and 4 only for the snare" places it; "crash on the first bar only": only there


# After "only", words that say where it plays, not what plays alone: "kick only on 1", "crash
# only on the first bar" (the bar said is a mark by then)
_PLACE_AFTER_CUE = (["on"], ["at"], ["between"], ["in"], [BAR_MARK])


# A group that is one instrument to a drummer: "hi-hat only" is the hi-hat, its track the closed one.
_ONE_INSTRUMENT = {("ch", "oh", "ph"): ("ch",)}


def _shifted(places: tuple[str, ...], start: int) -> tuple[str, ...]:
    """A figure of counts moved to begin on beat ``start`` ("same again on 3"); () when the
    figure is not all counts."""
    keys = [COUNT_KEY.fullmatch(p) for p in places]
    if not places or not all(keys):
        return ()
    shift = start - min(int(k[1]) for k in keys)
    return tuple(f"{int(k[1]) + shift}{k[2]}" for k in keys)


def single_instrument(tokens: list[str]) -> str | None:
    """The one instrument a request asks for alone ("just a shaker pattern", "only the ride bell").

    "just a funky beat with a cowbell" and "kick and snare only" name more than a lone voice.
    """
    mentions: list[tuple[int, int, tuple[str, ...]]] = []
    i = 0
    reader = Reader(tokens, [])
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
        if any(reader._at(reader._skip(end, HIT_NOUNS), *bar) for bar in A_BAR):
            continue  # "just one kick per bar": how many hits, not the kick alone
        before = tokens[max(0, start - _MAX_FILLERS_BEFORE - 1) : start]
        for k, word in enumerate(before):
            cue = start - len(before) + k
            placed = cue > 0 and reader._count(cue - 1)[0] is not None  # "on beat 5 only hihat": there only
            if word in _CUES_BEFORE and not _BREAKERS.intersection(before[k + 1 :]) and not placed:
                return code
        if tokens[start - 2 : start] == ["nothing", "but"]:
            return code
        after = tokens[end : end + _MAX_FILLERS_AFTER + 1]
        for k, word in enumerate(after):
            where = tokens[end + k + 1 : end + k + 2] in _PLACE_AFTER_CUE  # "kick only on 1"
            here = end + k + 1  # "hats ONLY offbeats", "kick only 1 and 3"
            where = where or bool(reader._places(here)[0] or (here < len(tokens) and reader._bare_places(here)[0]))
            if word in _CUES_AFTER and not _BREAKERS.intersection(after[:k]) and not where:
                return code
        if tokens[end : end + 2] in (["by", "itself"], ["on", "its"]):
            return code
    return None


# The beats from 1 counted out loud, each with the same parts: "1 e & a 2 e & a", "1 & 2 &"
_COUNTED_RATES = {("", "e", "&", "a"): "sixteenths", ("", "&"): "eighths"}


def _counted_rate(places: list[str]) -> str | None:
    """The rate a count said out loud keeps ("1 e & a 2 e & a": sixteenths); None for a list."""
    for parts, rate in _COUNTED_RATES.items():
        beats = len(places) // len(parts)
        if beats and places == [f"{b}{p}" for b in range(1, beats + 1) for p in parts]:
            return rate
    return None
