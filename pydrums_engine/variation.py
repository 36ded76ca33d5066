"""Variations and fills, the way a drummer would vary a groove without losing it.

`vary` makes two or three small, seeded changes: ghost notes around the backbeat, a hat
opening before a bar line, a kick moved by a sixteenth or an extra pickup kick. The
backbeat and the downbeat kick never move, so the groove stays recognisable.
`add_fill` writes a fill into the last beats of the last bar.
"""

from __future__ import annotations

import random

from .instruments import BY_CODE
from .notation import Pattern


def vary(pattern: Pattern, seed: int) -> Pattern:
    """A recognisable variation of ``pattern``; the same seed gives the same variation."""
    rng = random.Random(seed)
    tracks = {c: list(s) for c, s in pattern.track_items}
    changes = [_add_ghosts, _open_hat, _move_kick, _pickup_kick]
    rng.shuffle(changes)
    applied = 0
    for change in changes:
        if change(tracks, pattern, rng):
            applied += 1
        if applied >= 2 + rng.randrange(2):
            break
    varied = pattern.replace_tracks({c: "".join(s) for c, s in tracks.items()})
    if varied == pattern:  # nothing applied (a very sparse pattern): at least add ghost notes
        tracks.setdefault("sd", ["-"] * pattern.length)
        _add_ghosts(tracks, pattern, rng, force=True)
        varied = pattern.replace_tracks({c: "".join(s) for c, s in tracks.items()})
    return varied


def _protected(pattern: Pattern) -> set[int]:
    """Steps that carry the groove's identity: beats and the backbeat."""
    return set(pattern.beat_starts())


def _add_ghosts(tracks: dict[str, list[str]], pattern: Pattern, rng: random.Random, force: bool = False) -> bool:
    snare = tracks.get("sd")
    if snare is None:
        return False
    hits = [i for i, s in enumerate(snare) if s in "xX"]
    if not hits and not force:
        return False
    candidates = [i for i, s in enumerate(snare) if s == "-" and i % 2 == 1]
    if not candidates:
        return False
    for i in rng.sample(candidates, min(len(candidates), 2 + rng.randrange(2))):
        snare[i] = "o"
    return True


def _open_hat(tracks: dict[str, list[str]], pattern: Pattern, rng: random.Random) -> bool:
    hats = tracks.get("ch")
    if hats is None:
        return False
    bar = rng.randrange(pattern.bars)
    end = (bar + 1) * pattern.steps_per_bar
    offbeats = [i for i in range(end - pattern.steps_per_bar // 2, end) if hats[i] != "-" and i % 2 == 0]
    offbeats = [i for i in offbeats if i not in _protected(pattern)] or offbeats
    if not offbeats:
        return False
    i = offbeats[-1]
    hats[i] = "-"
    opened = tracks.setdefault("oh", ["-"] * pattern.length)
    opened[i] = "x"
    return True


def _move_kick(tracks: dict[str, list[str]], pattern: Pattern, rng: random.Random) -> bool:
    kick = tracks.get("bd")
    if kick is None:
        return False
    protected = _protected(pattern)
    movable = [i for i, s in enumerate(kick) if s != "-" and i not in protected]
    rng.shuffle(movable)
    for i in movable:
        for j in (i + 1, i - 1):
            if 0 <= j < len(kick) and kick[j] == "-" and j not in protected:
                kick[j], kick[i] = kick[i], "-"
                return True
    return False


def _pickup_kick(tracks: dict[str, list[str]], pattern: Pattern, rng: random.Random) -> bool:
    kick = tracks.get("bd")
    if kick is None:
        return False
    spots = [i for i in range(pattern.length) if kick[i] == "-" and i % 4 == 3]
    if not spots:
        return False
    kick[rng.choice(spots)] = "x"
    return True


FILL_BEATS = 1  # the fill takes the last felt beat: the groove (and what was asked of it) holds until then


def fill_start(pattern: Pattern, beats: int = FILL_BEATS) -> int:
    """The step where a fill of ``beats`` felt beats begins: everything before it is the groove."""
    starts = pattern.beat_starts()
    return starts[-min(beats, len(starts))]


def fill_voices(kind: str) -> tuple[str, ...]:
    """The voices the words name for a fill of ``kind``: "toms", "snare", a code ("cp") or
    codes joined by "+" ("lt+sd": "a fill on the floor tom and snare", each in turn)."""
    return {"toms": ("ht", "mt", "lt"), "snare": ("sd",)}.get(kind) or tuple(kind.split("+"))


def add_fill(pattern: Pattern, kind: str = "toms", beats: int = FILL_BEATS) -> Pattern:
    """The pattern with a fill over its last ``beats`` felt beats.

    Toms descend high → mid → floor, ending on a crash-ready kick, and a fill on several
    named voices ("lt+sd") takes them in turn the same way; a snare fill builds from ghost
    notes to an accent, and so does a fill on another voice (``kind`` its code: "cp"), with
    soft strokes where the voice has them. Hats stop under the fill.
    """
    begin = fill_start(pattern, beats)
    length = pattern.length
    tracks = {c: list(s) for c, s in pattern.track_items}
    for code in ("ch", "oh", "ph", "rc", "rb", "sd", "ht", "mt", "lt", "cp", "rs"):
        if code in tracks:
            tracks[code][begin:] = ["-"] * (length - begin)
    span = list(range(begin, length))
    voices = ("sd", *fill_voices(kind)) if kind == "toms" else fill_voices(kind)  # toms: from the snare down
    if len(voices) > 1:
        per = max(1, len(span) // len(voices))
        for n, i in enumerate(span):
            voice = voices[min(n // per, len(voices) - 1)]
            tracks.setdefault(voice, ["-"] * length)[i] = "X" if n == 0 else "x"
    else:
        code = voices[0]
        soft = "o" if "o" in BY_CODE[code].strokes else "x"
        lane = tracks.setdefault(code, ["-"] * length)
        for n, i in enumerate(span):
            lane[i] = soft if n < len(span) // 2 else ("X" if n == len(span) - 1 else "x")
    kick = tracks.setdefault("bd", ["-"] * length)
    kick[length - 1] = "x"
    return pattern.replace_tracks({c: "".join(s) for c, s in tracks.items()})
