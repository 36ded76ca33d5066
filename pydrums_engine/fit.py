"""Editing a library groove to fit the request: add and remove exactly the hits it named.

    fit_to_constraints(pattern, constraints, keep_kit=True, fill_from=None) -> Pattern

When no model answer passes the check, the answer is the best library groove, and this
makes it do what was asked, deterministically: "kick on 1 and 3" puts a kick on 1 and 3 of
every bar and takes the kick's other real hits out (a drum's ghost notes stay; a soft hat
goes too: `instruments.GHOSTS_ASIDE`); "no crash" drops the crash; "nothing on the one"
clears beat 1. Additions go first and removals last, so a "no"
always wins. Then the grid is made playable again (open and closed hat apart, two hands a
step), never touching a voice the request named. The fill's steps are left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from .check import BACKBEAT_VOICES, HANDS, TIME_KEEPERS
from .instruments import BY_CODE, GHOSTS_ASIDE, REAL_HITS, SOUNDING
from .intent import Constraint
from .notation import Pattern

# when a step needs more than two hands, these give way first (the groove's time-keeping
# can lose one stroke; the backbeat and the figure cannot)
YIELD_ORDER = ("cc", "rb", "oh", "ch", "rc", "ht", "mt", "lt", "rs", "sd")
# a clave pattern for a request that asks for one and a groove that has none (3-2 son, one bar)
CLAVE_16 = "x--x--x---x-x---"


def fit_to_constraints(
    pattern: Pattern, constraints: Sequence[Constraint], *, keep_kit: bool = True, fill_from: int | None = None
) -> Pattern:
    """``pattern`` edited so every constraint holds in every bar (outside the fill)."""
    spb, bars = pattern.steps_per_bar, pattern.bars
    end = pattern.length if fill_from is None else fill_from
    tracks = {code: list(steps) for code, steps in pattern.track_items}

    def track(code: str) -> list[str]:
        return tracks.setdefault(code, ["-"] * pattern.length)

    def steps_of(c: Constraint) -> list[int]:
        wanted = c.steps(pattern.time_signature, spb) or frozenset()
        return [b * spb + s for b in range(bars) for s in sorted(wanted) if b * spb + s < end]

    named = {v for c in constraints for v in c.voices if c.rule in ("on", "only", "present")}
    places = {id(c): set(steps_of(c)) for c in constraints if c.rule in ("on", "only", "off")}

    def barred(voice: str, i: int) -> bool:
        """Whether another constraint keeps ``voice`` off step ``i`` ("open hat only on the and of 4")."""
        return any(
            voice in c.voices
            and (
                (c.rule == "only" and i not in places[id(c)])
                or (c.rule == "off" and i in places[id(c)])
                or c.rule == "absent"
            )
            for c in constraints
        )

    for c in constraints:  # an "only" first clears the voice's other hits (a drum's ghost notes stay)
        if c.rule == "only":
            for v in c.voices:
                if v in tracks:
                    steps, heard = tracks[v], REAL_HITS if v in GHOSTS_ASIDE else SOUNDING
                    for i in range(end):
                        if i not in places[id(c)] and steps[i] in heard:
                            steps[i] = "-"
    for c in constraints:  # then every place asked for gets a hit, by a voice free to play there
        if c.rule in ("on", "only"):
            for i in sorted(places[id(c)]):
                if any(tracks.get(v, "-" * pattern.length)[i] in REAL_HITS for v in c.voices if not barred(v, i)):
                    continue  # (an open hat the request takes out does not keep "hats on 8ths")
                free = [v for v in c.voices if not barred(v, i)] or list(c.voices)
                lead = next((v for v in free if v in tracks), free[0])
                track(lead)[i] = "x"
        elif c.rule == "present" and not any(v in tracks and set(tracks[v]) - {"-"} for v in c.voices):
            _add_part(track(c.voices[0]), c.voices[0], pattern)
    for c in constraints:
        if c.rule == "off":
            for i in steps_of(c):
                for v in c.voices:
                    if v in tracks:
                        tracks[v][i] = "-"
        elif c.rule == "absent":
            for v in c.voices:
                tracks.pop(v, None)
    _playable(tracks, named, pattern.length)
    if keep_kit:
        _keep_kit(tracks, constraints, pattern, steps_of)
    return pattern.replace_tracks({c: "".join(s) for c, s in tracks.items()}).ordered()


def _keep_kit(tracks: dict[str, list[str]], constraints: Sequence[Constraint], pattern: Pattern, steps_of) -> None:
    """A kick on the first free beat of each bar and a snare backbeat, where the edit left none
    and the request did not rule them out."""
    spb, bars = pattern.steps_per_bar, pattern.bars

    def track(code: str) -> list[str]:
        return tracks.setdefault(code, ["-"] * pattern.length)

    ruled_out = {v for c in constraints if c.rule == "absent" for v in c.voices}
    keepers = (*BACKBEAT_VOICES, *TIME_KEEPERS)
    if not any(c in tracks and set(tracks[c]) - {"-"} for c in keepers) and "sd" not in ruled_out:
        backbeat = Constraint(("sd",), ("backbeat",), "on", "backbeat")
        barred = {i for c in constraints if c.rule == "off" and "sd" in c.voices for i in steps_of(c)}
        for i in steps_of(backbeat) if backbeat.placeable(pattern.time_signature, spb) else ():
            if i not in barred:
                track("sd")[i] = "x"
    if not any(set(s) - {"-"} for c, s in tracks.items() if c == "bd"):
        barred = {i for c in constraints if c.rule == "off" and "bd" in c.voices for i in steps_of(c)}
        if "bd" not in ruled_out:
            for b in range(bars):
                free = [b * spb + s for s in pattern.meter.beat_starts(spb) if b * spb + s not in barred]
                if free:
                    track("bd")[free[0]] = "x"


def _add_part(steps: list[str], code: str, pattern: Pattern) -> None:
    """A plain part for an instrument the request asks for and the groove lacks: a clave; a
    snare, clap or cross-stick on the backbeat; a kick on each bar's one; time-keepers on
    eighths; anything else on the beat."""
    spb = pattern.steps_per_bar
    if code == "cl" and spb == len(CLAVE_16):
        part = [i for i, s in enumerate(CLAVE_16) if s != "-"]
    elif code == "bd":
        part = [0]
    else:
        where = "backbeat" if code in ("sd", "cp", "rs") else "eighths" if code in TIME_KEEPERS else "beats"
        found = Constraint((code,), (where,), "on", where).steps(pattern.time_signature, spb)
        part = sorted(found) if found else pattern.meter.beat_starts(spb)
    for b in range(pattern.bars):
        for i in part:
            steps[b * spb + i] = "x"


def _playable(tracks: dict[str, list[str]], named: set[str], length: int) -> None:
    """Open and closed hat apart; at most two hands a step (named voices never give way)."""
    if "ch" in tracks and "oh" in tracks:
        keep = "oh" if "oh" in named or "ch" not in named else "ch"
        drop = "ch" if keep == "oh" else "oh"
        for i in range(length):
            if tracks["ch"][i] != "-" and tracks["oh"][i] != "-":
                tracks[drop][i] = "-"
    for i in range(length):
        hands = [c for c, s in tracks.items() if s[i] != "-" and BY_CODE[c].limb == "hand"]
        for code in YIELD_ORDER:
            if len(hands) <= HANDS:
                break
            if code in hands and code not in named:
                tracks[code][i] = "-"
                hands.remove(code)
