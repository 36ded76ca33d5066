"""A drummer's names for whole figures: "four on the floor", "backbeat", "half-time", "one drop".

A part of the token reader (`reader.py`), which tries each form at each token.
"""

from __future__ import annotations

from .instruments import INSTRUMENTS, voices_label
from .places import Constraint, places_label
from .reader_base import ReaderBase
from .reader_words import (
    CARRIES,
    COUNTRY,
    DOUBLING,
    FEET_ONLY,
    FLOOR,
    FOUR_ON_THE_SNARE,
    GALLOP_PLACES,
    GALLOPS,
    MOVED_OFF,
    NAMED_FIGURES,
    NEGATING_PHRASES,
    NEGATORS,
    NOT_A_FIGURE_BEFORE,
    NOTHING_ELSE,
    ON_WORDS,
    SKANK,
    SPANG,
    TWO_STEP,
    borrowed,
)


class IdiomForms(ReaderBase):
    """Figures a drummer names in a word, read as the places they mean."""

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
        skank = self._phrase(i, SKANK)
        if skank:  # the punk skank beat: kick on the beat, snare on every "and" between
            self.feel_rules += [
                Constraint(("bd",), ("beats",), "on", "skank beat: kick on every beat"),
                Constraint(("sd",), ("offbeats",), "on", "skank beat: snare on the offbeats"),
            ]
            self.out += self.feel_rules[-2:]
            return i + len(skank)
        two_step = self._phrase(i, TWO_STEP)
        if two_step and i and self.tokens[i - 1] in COUNTRY:  # the country dance's: boom-chick, kick on 1 and 3
            self.feel_rules += [
                Constraint(("bd",), ("1", "3"), "on", "country two-step: kick on 1 and 3"),
                Constraint(("sd",), ("backbeat",), "on", "country two-step: snare on 2 and 4"),
            ]  # a feel's rules: "two-step but leave the 1 wide open" takes its kick off the 1
            self.out += self.feel_rules[-2:]
            return i + len(two_step)
        if two_step:  # drum and bass's or garage's two-step: the kick on 1, the backbeat on 2 and 4
            self.feel_rules += [
                Constraint(("bd",), ("1",), "on", "two-step: kick on 1"),
                Constraint(("sd", "cp"), ("backbeat",), "on", "two-step: snare or clap on 2 and 4"),
            ]
            self.out += self.feel_rules[-2:]
            return i + len(two_step)
        spang = self._phrase(i, SPANG)
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
        snare_four = self._phrase(i, FOUR_ON_THE_SNARE)
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
        figure = self._phrase(i, NAMED_FIGURES)
        borrowed_again = (
            figure and borrowed(figure[0]) and any(borrowed(r.text) for r in self.feel_rules)
        )  # "maqsum ... or baladi if it's easier": the rhythm named first
        if borrowed_again:
            return i + len(figure)
        if figure and not (i and t[i - 1] in NOT_A_FIGURE_BEFORE | NEGATORS and figure[0] != "gravity"):
            rules = [Constraint(voices, (place,), "on", said) for voices, place, said in NAMED_FIGURES[figure]]
            self.feel_rules += rules
            self.out += rules
            return i + len(figure)
        if self._at(i, "one", "drop") or self._at(i, "onedrop"):
            self.feel_rules += [
                Constraint(("bd",), ("three",), "on", "one drop: kick on 3"),
                Constraint(("sd", "rs"), ("three",), "on", "one drop: snare or cross-stick on 3"),
                Constraint(("bd", "sd", "rs"), ("1",), "off", "one drop: no kick, snare or cross-stick on 1"),
            ]
            self.out += self.feel_rules[-3:]
            return i + (2 if t[i] == "one" else 1)
        feet = self._phrase(i, FEET_ONLY)
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
            taken = self._at(end, "away") or self._at(end, "out")  # "when you take the backbeat away"
            taken = taken and bool(set(clause) & {"take", "taking", "takes", "took", "pull", "pulling", "pulls"})
            lead = i - (prev in ("the", "a", "that", "your"))  # "take out the backbeat", "get rid of the backbeat"
            if taken or any(tuple(t[lead - len(w) : lead]) == w for w in NEGATING_PHRASES):
                self.out.append(Constraint(("sd", "cp"), ("backbeat",), "off", "no snare or clap on 2 and 4"))
                return end + taken
            if prev in ("no", "without") and not placed_by:  # "no backbeat at all, it's jazz not rock"
                self.out.append(Constraint(("sd", "cp"), ("backbeat",), "off", "no snare or clap on 2 and 4"))
            if not placed_by and not negated:
                self.out.append(Constraint(("sd", "cp"), ("backbeat",), "on", "backbeat: snare or clap on 2 and 4"))
            return end
        return None

    def _gallop(self, i: int) -> int | None:
        """ "gallop on the double bass", "galloping hats", "a kick gallop": that voice on an eighth
        and two sixteenths every beat (tried after every other form: "gallop on the kick, 1 &a 2 &a"
        is read by `_voices`, and its words win)."""
        if self.tokens[i] not in GALLOPS:
            return None
        voices = self._one_voice(self._skip(i + 1, frozenset({"on", "the", "with", "in"})))[0]
        voices = voices or self._voice_before(i, max(0, i - 3))
        if not voices:
            return None
        said = f"gallop: {voices_label(voices)} on {places_label(GALLOP_PLACES)}"
        self.feel_rules.append(Constraint(voices, GALLOP_PLACES, "on", said))
        self.said_late.append(self.feel_rules[-1])
        return i + 1  # the voice and any places said with it are read as ever: "gallop on the kick, 1 &a 2 &a"

    def _floor_at(self, i: int) -> int:
        """How many tokens at i say "four on the floor" (0 if none; "4 on the floor tom" is a tom)."""
        words = self._phrase(i, FLOOR) or ()
        return 0 if not words or self._at(i + len(words), "tom") or self._at(i + len(words), "toms") else len(words)

    def _doubled_backbeat(self, i: int) -> int | None:
        """Where "backbeat" starts in "doubling that backbeat" at i (None when not said)."""
        doubled = self._phrase_length(i, DOUBLING)
        k = self._skip(i + doubled, frozenset({"the", "that", "this", "your"}))
        return k if doubled and self._backbeat_words(k) else None

    def _backbeat_words(self, i: int) -> int:
        """How many tokens at i say "backbeat" (0 when they do not)."""
        if i < len(self.tokens) and self.tokens[i] in ("backbeat", "backbeats"):
            return 1
        return 2 if self._at(i, "back", "beat") else 0
