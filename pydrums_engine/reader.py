"""The token reader: which voices the words name, and where they put them.

    Reader(["kick", "on", "1", "and", "3", ",", "no", "crash"], unplaced=[]).read()
        -> [Constraint(bd, ("1", "3"), "only"), Constraint(cc, ("all",), "absent")]

`parse_intent` (intent.py) takes the request's fields (meter, bpm, bars, fill, feel) from the
text, splits the rest into tokens and hands them here. The reader tries each form at each token, left to
right ("kick on 1 and 3", "no crash", "four on the floor", "2 and 4 on the snare", ...), and
a form that reads a phrase returns where to go on. Words that name a place but that no form
read go to ``unplaced``, so the reply can say what it left out.

The forms live by kind, each kind a class that `Reader` is made of:

- `reader_voices.py`: voices and their places ("kick on 1 and 3", "eighth hats", "with a cowbell");
- `reader_places.py`: places in the drummer's counting ("2&", "the a of 4", "every other 8th");
- `reader_negations.py`: what is ruled out ("no crash", "nothing on the one", "only kick and snare");
- `reader_edits.py`: what a later phrase changes (corrections, moves, swaps, "instead of");
- `reader_counts.py`: numbers of hits ("just one snare per bar, on 4");
- `reader_idioms.py`: figures named in a word ("four on the floor", "one drop");
- `reader_base.py`: the state they share; `reader_words.py`: the words they look for.
"""

from __future__ import annotations

from .places import Constraint
from .reader_base import ReaderBase
from .reader_counts import CountForms
from .reader_edits import EditForms
from .reader_idioms import IdiomForms
from .reader_negations import NegationForms
from .reader_places import (
    PART_TOKENS,
    PlaceForms,
)
from .reader_voices import VoiceForms
from .reader_words import (
    A_BAR,
    AND_WORDS,
    BAR_MARK,
    BARE_COUNT,
    CLAUSE_ENDS,
    COMPLAINTS,
    HABIT_DOING,
    HIT_NOUNS,
    KEEPS,
    NAMED_ALONE,
    NOT_A_PLACE_AFTER,
    PLACE_NEIGHBOURS,
    STOPS,
    SUGGESTIONS,
)


def _counted(c: Constraint) -> bool:
    """A voice put on counts ("a crash on 1"), not on a keyword ("busy 16th kicks")."""
    return c.rule in ("on", "only") and all(BARE_COUNT.fullmatch(p) for p in c.places)


class Reader(CountForms, EditForms, IdiomForms, NegationForms, VoiceForms, PlaceForms, ReaderBase):
    """A left-to-right reader over the request's tokens that collects constraints."""

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
        placed = {c.voices for c in self.out if c.rule in ("on", "only")}
        self.out += [c for c in self.said_late if c.voices not in placed]  # the words' own places win
        self._without_ghosts()
        self._report_unread(used | self._read_back)
        return self.out

    def _complaint(self, i: int) -> bool:
        """Is token i in a clause that complains of an earlier answer ("why is there ALWAYS a
        crash on 1", "last time the kick was everywhere")? Its places are not asked for."""
        start = self._clause_start(i)
        if self._habit(start, i):
            return True
        return self._phrase(start, COMPLAINTS) is not None and self._phrase(start, SUGGESTIONS) is None

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
        return t[i] in PART_TOKENS and t[i] not in AND_WORDS and self._at(i + 1, "of")

    # -- one step: try each form at i, in order; return where to go on -------------

    def _step(self, i: int) -> int | None:
        forms = (
            self._correction,
            self._no_ghosts,
            self._ghost_places,
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
            self._caught_with,
            self._matched,
            self._in_that_gap,
            self._with,
            self._voices,
            self._pronoun,
            self._accents,
            self._holes_for,
            self._one_on,
            self._places_first,
            self._more_places,
            self._step_string,
            self._gallop,
        )
        for form in forms:
            end = form(i)
            if end is not None:
                return end
        return None


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
