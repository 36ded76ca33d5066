"""Forms that keep voices out or off places: "no crash", "nothing on the one", "only kick and
snare", "no ghost notes on it", "never together with the kick".

A part of the token reader (`reader.py`), which tries each form at each token.
"""

from __future__ import annotations

from .instruments import INSTRUMENTS, list_label, resolve_voices, voices_label
from .places import ALL_VOICES, COUNT_KEY, Constraint, places_label
from .reader_base import ReaderBase
from .reader_places import (
    PART_TOKENS,
)
from .reader_words import (
    AND_WORDS,
    ANY_SOUND,
    APART_VERBS,
    BAR_MARK,
    BARE_COUNT,
    CARRYING,
    CLAUSE_ENDS,
    EMPTY,
    EXCEPT_BUT_BESIDES,
    EXCEPT_OR_BUT,
    FILLERS,
    KEEPING_OUT,
    KEPT_TO,
    LANDING_VERBS,
    LANES,
    LINKING,
    LIST_END,
    LOOK_BACK,
    NEGATED_VERBS,
    NEGATING_PHRASES,
    NEGATORS,
    NO_GHOSTS,
    NOTHING_ELSE_OR_WHOLE,
    NOTHING_VERBS,
    NOTHING_WORDS,
    NOUN_NEGATORS,
    ON_WORDS,
    ONLY_BEFORE,
    OWNING,
    PARTS_OF_A_VOICE,
    QUITE,
    THE_KIT,
    TOGETHER,
)


def _with_bell(voices: tuple[str, ...]) -> tuple[str, ...]:
    """The voices with the ride's bell where the ride is named: "no ride", "no cymbals except
    the ride" mean the whole cymbal, bell and all."""
    return (*voices, "rb") if "rc" in voices and "rb" not in voices else voices


_CYMBALS = frozenset(i.code for i in INSTRUMENTS if i.family == "cymbal")


def _is_drum(voices: tuple[str, ...]) -> bool:
    """Not cymbals alone: a voice that can have ghost notes."""
    return not set(voices) <= _CYMBALS


class NegationForms(ReaderBase):
    """What the words rule out, and where."""

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
        elif k < len(t) and t[k] in PART_TOKENS and not self._at(k + 1, "of"):
            part = PART_TOKENS[t[k]]
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
        words = self._phrase(i, NO_GHOSTS)
        if words is None:
            return None
        t, end = self.tokens, i + len(words)
        voices: tuple[str, ...] = ()
        if end + 1 < len(t) and t[end] in ("on", "in", "from"):
            if t[end + 1] in ("it", "them", "that"):
                voices, end = self._voices_said_last(), end + 2
            else:
                voices, end = self._one_voice(self._skip(end + 1, FILLERS))
        elif self.out and self.out[-1].rule == "only" and not self._drum_placed_next(end):
            voices = self.out[-1].voices  # "snare on 2 and 4, no ghost notes"
        else:  # "drop the ghost notes, clean snare ONLY on 2 and 4": the voice placed next
            voices = self._placed_next(end, 14)
        if not voices:
            return None
        self._ghostless.append(voices)  # "NO ghost notes on the snare, snare strictly on 2 and 4": placed later
        return end

    def _drum_placed_next(self, end: int) -> bool:
        """ "ride 8ths, and no ghost notes either - just clean snare on 2 n 4": a cymbal said last
        has no ghost notes to drop; the snare placed right after is the one meant."""
        return not _is_drum(self.out[-1].voices) and bool(self._placed_next(end, 6, drums_only=True))

    def _placed_next(self, end: int, span: int, drums_only: bool = False) -> tuple[str, ...]:
        """The first voice named within ``span`` tokens of ``end`` (a drum's, with ``drums_only``)
        that has places after it, or ()."""
        return next(
            (
                v
                for k in range(end, min(end + span, len(self.tokens)))
                if (v := self._one_voice(k)[0]) and (_is_drum(v) or not drums_only) and self._placed_after_voice(k)
            ),
            (),
        )

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
        words = self._phrase(i, NOTHING_ELSE_OR_WHOLE)
        if words is None or (i and self.tokens[i - 1] not in CLAUSE_ENDS | {"and"}):
            return None
        after = self._skip(i + len(words) + 1, FILLERS)
        if any(self._at(i + len(words), w) for w in ("on", "in")) and self._phrase(after, THE_KIT) is not None:
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
            words = self._phrase(end, EXCEPT_OR_BUT) if places else None
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
        words = self._phrase(j, TOGETHER)
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
        phrase = self._phrase_length(i, NEGATING_PHRASES)
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
        if not voices and t[i] == "never" and start < len(t) and t[start] in ("fall", "falls", "go", "goes", "be"):
            start += 1  # "kick on 1, never fall on 3": the voice said last, kept off there
        said = t[start] if start < len(t) else ""
        adjective = said.isalpha() and said not in ("other", "others", "but", "except")
        if not voices and start + 1 < len(t) and adjective and not self._names_a_place(start):
            voices, j = self._voice_list(start + 1, joiners=frozenset({"or", "nor", "/"}))  # "no rock snare on 2 and 4"
        last = self._last_placed()
        near = last is not None and self._last_end is not None and 0 <= i - self._last_end <= 2
        if not voices and near and t[i] in ("not", "never") and start < len(t) and t[start] in ("on", "at"):
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
        if {"extra", "additional"} & set(t[i + 1 : start + 1]):
            return j  # "no extra kicks please, keep it simple": the kick's hits kept to what is asked, not gone
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
            if self.tokens[j] == "," and CARRYING & set(self.tokens[end : end + 4]):
                break  # "w/o any hihat, caixa and surdo carry it": those play
            if not more or self._places_follow(after) or self._bare_places(after)[0] or self._at(end, "only"):
                break  # "no crash and open hats on the offbeats": the second voice is placed, not ruled out
            voices, j = tuple(dict.fromkeys(voices + more)), end
        words = self._phrase(j, EXCEPT_BUT_BESIDES)
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
        if self.tokens[j - 1] == "cymbal" and self.tokens[j - 2] not in ("crash", "crashy") and voices == ("cc",):
            voices = resolve_voices("cymbals")  # "no cymbal at all": not the crash alone
        label = voices_label(voices)
        voices = _with_bell(voices)  # "no ride"
        there = self._there(i) if self._at(j, "there") else ()
        if there:  # "the bassist is playing the 1 so no kick there": not on that count
            self.out.append(Constraint(voices, there, "off", f"no {label} on {places_label(there)}"))
            return j + 1
        landing = self._skip(j, LANDING_VERBS)  # "don't let the kick land on beat 3", "dont let the snare hit 3"
        if landing > j and landing < len(self.tokens):
            places, end = self._places(landing + (self.tokens[landing] in ON_WORDS))
            if places:
                self.out.append(Constraint(voices, places, "off", f"no {label} on {places_label(places)}"))
                return end
        if j < len(self.tokens) and self.tokens[j] in ON_WORDS:
            places, end = self._places(j + 1)
            if places:
                self.out.append(Constraint(voices, places, "off", f"no {label} on {places_label(places)}"))
                return end
        if {"let", "allow"} & set(self.tokens[i:start]):
            return None  # "dont let the toms go crazy": a way of playing, not the toms gone
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
        words = self._phrase(i, KEPT_TO)
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
        t = self.tokens
        if self._at(i, "drums", "only") and self._ends_clause(i + 2) and i and t[i - 1] in CLAUSE_ENDS:
            return self._only_drums(i + 2)  # "backbeat without any cymbals, drums only" (not a producer's
            # "drums only, no bass" heading a request: the drum part alone)
        if t[i] not in ONLY_BEFORE and not self._at(i, "nothing", "but"):
            return None
        start = i + (2 if t[i] == "nothing" else 1)
        owned = self._skip(start, OWNING)  # "my son only has a big drum and a hi hat"
        k = self._skip(owned, FILLERS)
        if self._at(k, "drums") and (k + 1 == len(t) or t[k + 1] in CLAUSE_ENDS):
            return self._only_drums(k + 1)
        voices, j = self._voice_list(k, adjacent=True)  # "just kick snare and hats"
        if len(voices) < 2 or self._places_follow(j):
            return None
        if owned > start and not {",", *AND_WORDS} & set(t[k:j]):
            return None  # "my kit only has a hihat so no crash": of the cymbals, not of the kit
        self._restrict(voices, owned)
        return j

    def _only_drums(self, end: int) -> int:
        """ "only drums": no cymbal, no shaker, no clap; the kit's drums alone."""
        others = tuple(c.code for c in INSTRUMENTS if c.family != "drum")
        self.out.append(Constraint(others, ("all",), "absent", "only drums"))
        return end

    def _restrict(self, voices: tuple[str, ...], start: int) -> None:
        others = tuple(c for c in ALL_VOICES if c not in voices)
        self.out.append(Constraint(others, ("all",), "absent", "only " + list_label(voices)))
        self._wanted(start, voices)

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
