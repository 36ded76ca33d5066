"""Forms that change what was said: corrections ("wait no, the & of 3"), follow-ups ("but not
on the downbeats"), moves, swaps, "instead of", doubling one voice with another.

A part of the token reader (`reader.py`), which tries each form at each token.
"""

from __future__ import annotations

from dataclasses import replace

from .instruments import voices_label
from .notation import get_meter
from .places import Constraint, places_label, places_less
from .reader_base import ReaderBase
from .reader_words import (
    ADDING_AFTER,
    ADDING_BEFORE,
    BARE_COUNT,
    CLAUSE_ENDS,
    CORRECTION_GAP,
    CORRECTION_LEADS,
    CORRECTIONS,
    DOUBLE_VERBS,
    DOUBLING,
    DROPPING,
    EMPHASIS,
    EMPTY,
    FILLERS,
    LESS_OK,
    MOVES,
    NEGATORS,
    NOT_EVEN,
    NOTHING_WORDS,
    NTH_HIT,
    OPENS,
    SWAPS,
)


class EditForms(ReaderBase):
    """What a later phrase changes of what was read before it."""

    def _correction(self, i: int) -> int | None:
        """ "kick on 1 and the & of 2... wait no, the & of 3", "hats on quarters, no actually 8ths",
        "kick on 1 and 3, actually make it four on the floor": what follows a correction replaces
        what the last voice placed. Places alone take the last ones said (fewer than were said:
        the trailing ones, "1 and the & of 2" -> "1 and the & of 3"); a voice placed again takes
        its earlier places' place. Anything else after the words reads as it would without them."""
        words = self._phrase(i, CORRECTIONS)
        if words is None and self._at(i, "no") and self._phrase(i + 1, DROPPING) is not None:
            words = ("no",)  # "kick on 1, the and of 2, 3... no scratch the 3"
        just_placed = self._last_end == i and self._at(i + 1, "the")  # (not "snare on 2 and 4, no 3")
        if words is None and self._at(i, "no") and just_placed and self._places(i + 1)[0]:
            words = ("no",)  # "kick on 1 and the a of 2 no the and of 2 sorry": places said again, right
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
        dropping = self._phrase(lead, DROPPING)
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
                replacing = len(type(self)(t[m:comma], [], self.meter)._places(0)[0]) if comma else len(places)
                kept = last.places[: said - replacing] if replacing < said and said > 1 and not alone else ()
                kept = tuple(dict.fromkeys((*kept, *places)))
                self._supersede(last, last.at(kept))
                self._last_end = end
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
        left_out = 2 if self._at(j, "leave", "out") or self._at(j, "leaving", "out") else 1  # "but leave out every e"
        skipped = j < len(self.tokens) and (self.tokens[j] in ("skip", "skipping", "minus") or left_out == 2)
        skipped = skipped and (j > i or after_break)
        if skipped:  # "16th hats, skip the e's", "kick on every beat, skipping 3": the voice's places, less those
            places, end = self._places(j + left_out)
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
                rule = "only" if self._at(end, "only") else "on"  # "... but open on the and of 4 only"
                self.out.append(Constraint(("oh",), places, rule, f"open hi-hat on {places_label(places)}"))
                return end + (rule == "only")
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
                if last.rule == "only" and len(last.places) == len(gone) == 1:
                    self._supersede(last, replace(last, rule="on"))  # "a rock beat but the kick on the & of
                    # 3 instead of 3": that hit moves, the kick's others (its 1) stay as they were
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
        if not places and (self._at(end, "on") or self._at(end, "at")):  # "swap the clap for a rim on 2 n 4":
            there, after_there = self._places(end + 1)  # the rim there, the clap gone
            if there:
                self.out.append(Constraint(new, there, "on", f"{voices_label(new)} on {places_label(there)}"))
                self.out.append(Constraint(old, ("all",), "absent", f"no {voices_label(old)}"))
                return after_there
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
        words = self._phrase(k, DOUBLING) if follower else None
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
