"""Forms that count hits: "just ONE snare per bar, on 4", "cowbell only 3 hits in the bar",
"one on 2e and one on 3a", "accents on 2 and 4".

A part of the token reader (`reader.py`), which tries each form at each token.
"""

from __future__ import annotations

from .instruments import voices_label
from .notation import get_meter
from .places import Constraint, places_label
from .reader_base import ReaderBase
from .reader_words import (
    A_BAR,
    BARE_COUNT,
    FILLERS,
    HIT_NOUNS,
    NEGATORS,
    NUMBER_WORDS,
)

_GHOSTS = frozenset({"ghost", "ghosts", "note", "notes"})  # "ghost notes", "sn ghosts"


class CountForms(ReaderBase):
    """How many hits a voice plays, and where those hits go."""

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
        bar = self._phrase(j, A_BAR)
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

    def _ghost_places(self, i: int) -> int | None:
        """ "sn ghosts on e of 2 n a of 3", "ghost notes on the snare on the e of 2": soft strokes
        there, which no check can hold an answer to (a ghost is felt, not counted as a hit). Not
        the voice's places: read as "only" they would take its backbeat. Reported unplaced, so
        the reply says so."""
        t = self.tokens
        if "ghost" not in t and "ghosts" not in t:
            return None
        voices, k = self._one_voice(i)
        start = k if voices else i
        k = self._skip(start, _GHOSTS)
        if not {"ghost", "ghosts"} & set(t[start:k]):
            return None
        if not voices and self._at(k, "on") and (named := self._one_voice(self._skip(k + 1, frozenset({"the"}))))[0]:
            k = named[1]  # "ghost notes on the snare on the e of 2"
        places, end = self._places_after(k)
        if not places or not all(BARE_COUNT.fullmatch(p) for p in places):
            return None  # "16th ghost notes on the snare" (`_accents`), "ghost notes everywhere"
        said = " ".join(t[i:end])
        if said not in self.unplaced:
            self.unplaced.append(said)
        return end

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
