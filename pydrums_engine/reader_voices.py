"""Forms that name voices and put them on places: "kick on 1 and 3", "2 and 4 on the snare",
"with a cowbell", "hats: x-x-x-x-", "eighth hats".

A part of the token reader (`reader.py`), which tries each form at each token.
"""

from __future__ import annotations

import re

from .instruments import ALIASES, misspells_a_voice, resolve_voices, voices_label
from .notation import get_meter
from .places import ALL_VOICES, Constraint, counting, places_label
from .reader_base import ReaderBase
from .reader_places import (
    RUN_ORDER,
    shifted,
    string_places,
)
from .reader_words import (
    ADDING_AFTER,
    ADDING_BEFORE,
    ALONE_AFTER,
    AND_WORDS,
    BAR_MARK,
    BARE_COUNT,
    BEFORE_LISTED_VOICE,
    CATCHING,
    CLAUSE_ENDS,
    DOING,
    DOTTED_RATES,
    DOUBLING,
    ENTERS,
    EVERY_BAR,
    EXCEPT,
    EXCEPT_OR_BUT,
    FILLERS,
    GAPS,
    IN_BETWEEN,
    IN_THE_GAPS,
    KEEPS_TIME,
    LAYERED,
    LINKING,
    LOOK_BACK,
    MAX_VOICE_WORDS,
    MAY,
    MAYBE,
    NAMED_ALONE,
    NEEDS,
    NEGATORS,
    NOT_AFTER_VOICE,
    NOT_BEFORE_ALONE,
    NOT_LEADING,
    NOT_LINKING,
    NOTE_VALUES,
    NOTHING_ELSE,
    NOTHING_WORDS,
    NUMBER_WORDS,
    ON_WORDS,
    ONLY_AFTER,
    ONLY_BEFORE,
    OPENS,
    PLACE_ADJECTIVES,
    PLEASE,
    PLUS_GAP,
    QUITE,
    RATE_WORDS,
    REMAINING,
    SHARED_OUT,
    SIXTEENTH,
    SMALL_WORDS,
    SOMEWHERE,
    SOUNDING_WRONG,
    STEP_STRING,
    STEP_WORDS,
    TAKEN_HOW,
    TAKES,
    TAKING_AWAY,
    THROWN_IN,
    TIME_KEEPERS,
    UP_TOP,
    VOICE_JOINERS,
    WANTING,
    WHOSE,
)
from .sounds import USUAL_SOUNDS
from .variation import fill_voices

_MATCHING = frozenset(
    {"match", "sync", "lock", "align", "line"}
)  # "match the kick to that", "line up the kick with me"
_MINE = frozenset({"that", "it", "me", "us", "those", "them", "mine", "this"})
# After "with me": the places the member just said of their part ("land with me on both of those")
_ON_THOSE = (("on", "both", "of", "those"), ("on", "both", "of", "them"), ("on", "those"), ("on", "them"), ("there",))


_PUT_NOT = frozenset({"don't", "not", "never", "no"})  # before "put one on 3": none there
_NEVER = frozenset({"never", "not", "mustn't", "shouldn't", "can't", "won't", "doesn't", "don't"})  # "it must never"
_MODAL = frozenset({"can", "could", "will", "would", "may", "might"})  # "it can never be on 3"


class VoiceForms(ReaderBase):
    """Which voices the words name, and the places said with them."""

    def _voices(self, i: int) -> int | None:
        """ "kick on 1 and 3", "kick and snare on 3", "hats in eighths", "kick and snare only"."""
        voices, j = self._voice_list(i)
        if not voices:
            return None
        if j < len(self.tokens) and resolve_voices(self.tokens[j]):  # another drum right after, no joiner
            run, end = self._voice_list(i, adjacent=True)
            if end > j and self._kit_run(i, end) and self._places_follow(self._skip_linking(end)):
                voices, j = run, end  # "kick snare n crash on every 8th": each of them there
        listed = self._listed_only(i)
        if listed is not None:
            return listed
        t = self.tokens
        opens = voices in (resolve_voices("hats"), ("oh",)) and j < len(t) and t[j] in OPENS
        if opens:  # "the hat opens on the & of 4", "the open hat opens up on the & of 4"
            voices, j = ("oh",), self._skip(j + 1, frozenset({"up"}))
        if voices == resolve_voices("hats") and self._at(j, "closed") and self._placed_after(j + 1) is None:
            words = self._phrase(j + 1, EXCEPT_OR_BUT)
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
        gaps = self._phrase(j, IN_THE_GAPS)
        if gaps:  # "kick on 1 and the a of 2, snare on 2 and 4, hats fill in the gaps": off where they are
            placed = [c for c in self.out if c.rule in ("on", "only") and not set(c.voices) & set(voices)]
            taken = tuple(dict.fromkeys(p for c in placed for p in c.places if BARE_COUNT.fullmatch(p)))
            if taken:
                label = f"{voices_label(voices)} in the gaps (not on {places_label(taken)})"
                self.out.append(Constraint(voices, taken, "off", label))
            self._wanted(i, voices)
            return j + len(gaps)
        keeps = self._phrase(j, KEEPS_TIME)
        if keeps is not None:  # "let a shaker keep time"
            end = j + len(keeps)
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
        top = self._phrase(j, UP_TOP)
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
        if self._at(j, "tacet"):  # the score's word for silent: "snare tacet throughout", "drums tacet on beat 1"
            places, end = self._places(self._skip(j + 1, frozenset({"on", "at", "for", "beat", "beats"})))
            if places:
                self._placed(i, voices, places, "off")
                return end
            self.out.append(Constraint(voices, ("all",), "absent", f"no {voices_label(voices)}"))
            return self._skip(j + 1, frozenset({"throughout", "everywhere", "all", "through"}))
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
        if self._phrase(j, NOTHING_ELSE) is not None or (
            j + 1 < len(t) and t[j] == "," and self._phrase(j + 1, NOTHING_ELSE) is not None
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
        elif said_on and (rest := self._phrase(j + 1, REMAINING)) and self.out:
            places, end = self._places(j + 1 + len(rest))  # "hi-hat on all the remaining semiquavers": not taken
            places = self._other_than(places, self._taken()) if places else places
        elif said_on:
            places, end = self._places(self._skip(j + 1, frozenset({"on", "at"})))  # "lands on 1"
        else:
            places, end = self._bare_places(j)
        between = self._phrase_length(end, IN_BETWEEN)
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
            doubling = self._phrase_length(end, DOUBLING)
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
        if not joined:
            return None  # no voice listed here (most tokens)
        k = self._skip(k, frozenset({":"}))
        stop = next((m for m in range(k, len(t)) if t[m] in (".", ";")), len(t))
        sep = "/" if "/" in t[k:stop] else ","
        cuts = [m for m in range(k, stop) if t[m] == sep]
        voices = joined if len(cuts) + 1 >= len(joined) and len(split) != len(cuts) + 1 else split
        every = list(zip([k, *(c + 1 for c in cuts)], [*cuts, stop], strict=True))
        groups = every[: len(voices)]
        if len(voices) < 2 or len(groups) < len(voices):
            return None
        if any(self._one_voice(a)[0] for a, _ in every[len(voices) :]):
            return None  # "ride, kick 1,3, snare 2,4": each voice then its places, not one list for all
        said: list[Constraint] = []
        end = k
        for n, ((a, b), whose) in enumerate(zip(groups, voices, strict=True)):
            sub = type(self)(t[a:b], [], self.meter, steps=self.steps)
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
        if self._phrase(j, UP_TOP) is not None:
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
        t = self.tokens
        j = self._skip(j, MAY)
        j += 2 if self._at(j, "with", "me") or self._at(j, "with", "us") else 0  # "kick with me there"
        if self._at(j, "with") and j + 1 < len(t) and t[j + 1] in ("that", "those", "it", "them", "me", "us"):
            return self._with_the_player(i, j + 1, voices)  # "bass plays 1 and 3. kick with that pls"
        k = self._skip(j + 1, TAKEN_HOW) if j < len(t) and t[j] in TAKES else j
        if k == j and self._at(j, "on") and j + 1 < len(t) and t[j + 1] in ("those", "them", "these", "em"):
            k = j + 1  # "hats on every triplet no wait not hats, ride on em": the ride there
        if k > j and k < len(t) and t[k] in ("me", "us"):  # "can the boom follow me exactly"
            return self._with_the_player(i, k, voices)
        there = k < len(t) and t[k] == "there"  # "no snare on 2 and 4, rim clicks there instead"
        if not there and (k == j or k >= len(t) or t[k] not in ("those", "them", "these", "that", "it")):
            return None
        if self._backbeat_words(k + 1) or (k + 1 < len(t) and self._names_a_place(k + 1)):
            return None  # "a tambourine doubling that backbeat": a determiner, not a pronoun
        places = self._places_meant(i, voices)
        if not places:
            return None
        # "can the kick lock to exactly that and nothing else": there only
        alone = self._there_only(k + 1)
        self._placed(i, voices, places, "only" if alone else "on")  # ("kick doubles that exactly": only there)
        return k + 1 + alone

    def _there_only(self, i: int) -> int:
        """How many tokens at i say "there and nowhere else" ("and nothing else", "exactly"), 0 if none."""
        return self._phrase_length(i, NOTHING_ELSE) or int(self._at(i, "exactly"))

    def _matched(self, i: int) -> int | None:
        """ "bassist: i play 1, the and of 1, and 3. match the kick to that": the voice plays the
        places the member said of their own part (`_with_the_player`)."""
        t = self.tokens
        if t[i] not in _MATCHING or (t[i] == "line" and not self._at(i + 1, "up")):
            return None
        voices, j = self._voice_list(self._skip(i + 1 + (t[i] == "line"), FILLERS | {"your", "ur", "my"}))
        k = self._skip(j, frozenset({"up"}))
        if not voices or not (self._at(k, "to") or self._at(k, "with")) or k + 1 >= len(t) or t[k + 1] not in _MINE:
            return None
        return self._with_the_player(i, k + 1, voices)

    def _with_the_player(self, i: int, k: int, voices: tuple[str, ...]) -> int | None:
        """ "my line goes on 1 and the and of 2. can the boom follow me exactly": the voice plays
        the places the member said of their own part, when those are the only places said before
        (a part said twice or corrected, "1, the e of 2... no wait, the a of 2", is left unread)."""
        places, said = self._places_said_before(i)
        if not places or any(self._names_a_place(n) for n in range(max(0, i - LOOK_BACK), said.start)):
            return None
        both = self._phrase(k + 1, _ON_THOSE) or ()
        if "both" in both and len(places) != 2:
            return None
        self._read_back.update(said)
        alone = self._there_only(k + 1 + len(both))
        self._placed(i, voices, places, "only" if alone else "on")
        return k + 1 + len(both) + alone

    def _places_meant(self, i: int, voices: tuple[str, ...]) -> tuple[str, ...]:
        """The places "those", "it" or "that" at token i stand for: the last ones a voice was put
        on (not these voices), else the last ones said that no form read."""
        last = next((c for c in reversed(self.out) if c.places != ("all",)), None)  # (past "not hats")
        if last is not None:
            return () if set(last.voices) & set(voices) else last.places
        places, said = self._places_said_before(i)
        self._read_back.update(said)
        return places

    def _caught_with(self, i: int) -> int | None:
        """ "the band hits the & of 4 every bar. catch it w/ kick + crash": the voices after
        "with" play the places just said."""
        t = self.tokens
        if t[i] not in CATCHING or not any(self._at(i + 1, w) for w in ("it", "that", "them", "those", "these")):
            return None
        if not any(self._at(i + 2, w) for w in ("with", "using", "on")):
            return None
        voices, end = self._voice_list(self._skip(i + 3, FILLERS))
        places = self._places_meant(i, voices) if voices else ()
        if not places:
            return None
        self._placed(i + 3, voices, places, "on")
        return end

    def _in_that_gap(self, i: int) -> int | None:
        """ "i take a breath on the and of 4. put a clap right in that gap": the voice plays the
        places just said."""
        voices, j = self._voice_list(i)
        k = self._skip(j, frozenset({"right", "just", "exactly"}))
        if not voices or not (self._at(k, "in") or self._at(k, "into")):
            return None
        if (
            k + 2 >= len(self.tokens)
            or self.tokens[k + 1] not in ("that", "this", "those")
            or self.tokens[k + 2] not in GAPS
        ):
            return None
        places = self._places_meant(i, voices)
        if not places:
            return None
        self._placed(i, voices, places, "on")
        return k + 3

    def _places_said_before(self, i: int) -> tuple[tuple[str, ...], range]:
        """The last places named before token i that no form read, and their tokens."""
        found: tuple[tuple[str, ...], range] = ((), range(0))
        k = max(0, i - LOOK_BACK)
        while k < i:
            played = k > 0 and self.tokens[k - 1] in TAKES | CATCHING  # "i hit 1 and 4", "my riff hits 1, ..."
            places, end = self._places(k) if self._names_a_place(k) or self._at(k, "the") or played else ((), k)
            if places and end <= i and (played or any(self._names_a_place(n) for n in range(k, end))):
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
        alone = alone or (self._at(end, "end") and self._ends_clause(end + 1))  # "sn 4 tom fill end": the fill's
        numbered = i and t[i - 1] in ("tom", "toms")  # "tom 1": which tom
        count = re.match(r"\d+", places[0]) if places else None
        alone = alone and count is not None and int(count[0]) <= counting(get_meter(self.meter or "4/4"))[0]
        return (places, end) if not said_one or not t[i][0].isdigit() or (alone and not numbered) else ((), i)

    def _named_alone(self, i: int) -> int | None:
        """ "5/4 jazz ride, 4 bars": a voice named alone in its clause, by no other form, is
        wanted somewhere ("let it ride" is not a ride; a fill's own voice is the fill's)."""
        t = self.tokens
        voices, j = self._voice_list(i, adjacent=True)  # "just drums. kick snare and toms, tribal vibe"
        if t[i] == "tom" and voices == ("ht",) and j < len(t) and t[j] in ("groove", "grooves", "beat"):
            voices = resolve_voices("toms") or voices  # "a tribal tom groove": the toms, not the high one
        if self._at(j, "and") and j + 2 < len(t) and t[j + 2] in ALONE_AFTER and not self._one_voice(j + 1)[0]:
            j += 2  # "caixa and surdo carry it": beside a drum the table does not know
        if j < len(t) and t[j] in ALONE_AFTER:  # "the crashy cymbal when it starts again": no place said
            end = next((k for k in range(j, len(t)) if t[k] in CLAUSE_ENDS or self._next_voice_said(k)), len(t))
            said = t[j:end]

            def another_voice(k: int) -> bool:  # ("a bell pattern" is no ride bell; "cowbell doing the cowbell part")
                voice, after = self._one_voice(k)
                return (
                    bool(voice) and not self._at(after, "pattern") and not (voice == voices and self._at(after, "part"))
                )

            named = (k for k in range(j, end) if another_voice(k))
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
        before = [w for w in t[k + 1 : i] if w not in FILLERS | SHARED_OUT]  # a word or two, or a wish
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

    def _pronoun(self, i: int) -> int | None:
        """ "don't put a kick on 3, keep it on the 1": "it" is the voice named last."""
        t = self.tokens
        another = t[i] == "one" and i > 0 and t[i - 1] in ("put", "add", "stick", "throw", "place")
        kept_off = another and any(w in _PUT_NOT for w in t[max(i - 4, 0) : i - 1])  # "dont put one on 3"
        kept_off = kept_off or (t[i] == "one" and i > 0 and t[i - 1] in _PUT_NOT)  # "but not one on 2"
        another = another or kept_off
        copula = t[i] in ("its", "it's")  # "the snare feels lazy but on the grid its just 2 and 4"
        if t[i] not in ("it", "them", "that") and not another and not copula:  # "but do put one on the & of 2"
            return None
        # else the voice named last: "last time the kick was everywhere. keep it on 1 and 3"
        last = self._voices_said_last() or self._voice_before(i, max(i - 16, 0)) or None
        j = self._skip(i + 1, LINKING | _NEVER | _MODAL)
        kept_off = kept_off or any(w in _NEVER for w in t[i + 1 : j])  # "and it must never fall on beat 3"
        copula = copula or (t[i] == "it" and "is" in t[i + 1 : j])  # "it is just 2 and 4"
        j += self._at(j, "in", "on")  # "have it come in on the & of 1 instead"
        if last is None or j >= len(t) or (t[j] not in ("on", "at") and not copula):
            return None
        places, end = self._places(j + 1 if t[j] in ("on", "at") else j)
        if not places:
            return None
        maybe = any(w in _MODAL for w in t[i + 1 : j])  # "it can go on the and of 4 too": besides the others
        rule = "off" if kept_off else "on" if another or maybe else "only"  # another one: besides its other places
        said = f"{'no ' if kept_off else ''}{voices_label(last)} on {places_label(places)}"
        self.out.append(Constraint(last, places, rule, said))
        self._last_end = end
        return end

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
                k += self._phrase_length(j, DOUBLING)
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

    def _kit_run(self, i: int, end: int) -> bool:
        """Tokens i..end name distinct drums one word each, joined or side by side ("kick snare
        n crash"), not a sung groove ("boom tss tss") or a verb ("ride the crash")."""
        words = [w for w in self.tokens[i:end] if w not in VOICE_JOINERS]
        named = all(resolve_voices(w) and w not in USUAL_SOUNDS for w in words)
        return len(words) >= 2 and len(set(words)) == len(words) and named

    def _voice_before(self, i: int, start: int) -> tuple[str, ...]:
        """The voice named last before token i, looking back no further than ``start``: the
        whole name that ends there ("floor tom carries the accents": the floor tom, not a tom)."""
        for k in range(i - 1, start - 1, -1):
            for m in range(max(start, k - MAX_VOICE_WORDS + 1), k + 1):
                voices, end = self._one_voice(m)
                if voices and end == k + 1:
                    return voices
        return ()

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
            if j + 1 < len(self.tokens) and self.tokens[j] == "1" and self.tokens[j + 1] in RUN_ORDER:
                return j  # "the hihat going 1 e & a 2 e & a ...": a count spoken aloud
        says = word.endswith("s") and len(word) >= 4 and word.isalpha() and word not in NOT_LEADING
        if says and not self._one_voice(i)[0] and i + 1 < len(self.tokens) and self.tokens[i + 1] in ("on", "at"):
            return i + 1  # "snare cracks on 2 and 4", "the kick drops on 3"
        return i

    def _skip_likeness(self, k: int) -> int:
        """Past "tabla-like", "dhol style" before a voice: what it sounds like, not another voice."""
        t = self.tokens
        while k + 2 < len(t) and t[k + 1] in ("like", "style", "sounding", "ish") and not self._one_voice(k)[0]:
            k += 2
        return k

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
            keeper = next((c for c in self.out if c.rule == "present" and set(c.voices) <= set(TIME_KEEPERS)), None)
            if keeper is not None:  # "pandeiro feel on the hat pls, 16ths all the way": the hats keep them
                said = f"{voices_label(keeper.voices)} on {places_label((rate,))}"
                self._supersede(keeper, Constraint(keeper.voices, (rate,), "on", said))
                return j
            self.out.append(Constraint(TIME_KEEPERS, (rate,), "on", f"hi-hats or ride on {places_label((rate,))}"))
            return j  # "straight rock 8ths", "snare on 2 and 4, straight eighths": the time is kept in them
        if not voices:
            return None
        self.out.append(Constraint(voices, (rate,), "only", f"{voices_label(voices)} on {places_label((rate,))}"))
        return end

    def _places_first(self, i: int) -> int | None:
        """ "2 and 4 on the snare", "the and of 4 on the open hat", "under a 2 and 4 snare",
        "2 and 4 only for the snare": counts, then whose they are."""
        places, j = self._places(i, whose=False)
        if not places or not all(BARE_COUNT.fullmatch(p) for p in places):
            return None
        owner = self._phrase_length(j, WHOSE)
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
        if last is not None and last.rule == "off" and i and t[i - 1] == "but" and self._at(i, "on"):
            places, end = self._places(i + 1)  # "kick not on the 1 but on the and of 1": there instead
            if places and not self._one_voice(self._skip(end, FILLERS))[0]:
                self.out.append(
                    Constraint(last.voices, places, "on", f"{voices_label(last.voices)} on {places_label(places)}")
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
                    places = shifted(last.places, int(places[0])) or places
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
        places = string_places(t[i], self.meter or "4/4")
        places = self._whole_count(places) if places is not None else None  # "xxxxxxxxxxxxxxxx": 16ths
        if not voices or places is None:
            self.unplaced.append(" ".join(t[start : i + 1]))
            return i + 1
        self._placed(start, voices, places, "only")
        return i + 1

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
        if len(self._bare_places(j)[0]) > (1 if self.tokens[i] == "on" else 0):
            return None  # "tresillo on the kick (1, 2&, 4)", "plus kick 1 3": the voice's places (`_voices`)
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
        words = self._phrase(j, EXCEPT)
        left_out, end = self._places(j + len(words)) if words else ((), j)
        if left_out and all(BARE_COUNT.fullmatch(p) for p in left_out):  # "whatever on the hats except the & of 4"
            self.out.append(
                Constraint(voices, left_out, "off", f"no {voices_label(voices)} on {places_label(left_out)}")
            )
            return end
        return j

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
