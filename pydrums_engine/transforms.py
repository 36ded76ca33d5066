"""Musical transforms of a pattern: bar count, half-time, double-time.

These are what a drummer does, not string padding: half-time stretches the kick and snare
over twice the steps (a 2-and-4 backbeat lands on beat 3) while the hats keep their pulse;
double-time plays the kick and snare figure in half the steps (the backbeat comes once a
beat) and the hats keep theirs.
"""

from __future__ import annotations

from .errors import NotationError
from .notation import MAX_BARS, Pattern

# Voices that keep time rather than carry the figure: they keep their subdivision.
PULSE_VOICES = frozenset({"ch", "ph", "oh", "rc", "rb", "sh", "tb", "cb"})


def to_bars(pattern: Pattern, bars: int) -> Pattern:
    """The pattern repeated (or cut at a bar line) to exactly ``bars`` bars."""
    if not 1 <= bars <= MAX_BARS:
        raise NotationError(f"bars must be 1 to {MAX_BARS}, not {bars}")
    length = bars * pattern.steps_per_bar
    return pattern.replace_tracks({c: _tile(s, length) for c, s in pattern.track_items})


def half_time(pattern: Pattern) -> Pattern:
    """Half-time feel over twice the steps: figure stretched, pulse kept.

    Kick, snare, toms and crashes move to twice their position (snare on 2 → beat 3);
    hats, ride and shakers repeat their own figure, so the groove feels slower while the
    time keeping stays as busy as before.
    """
    if pattern.bars * 2 > MAX_BARS:
        raise NotationError(f"half-time doubles the bars; {pattern.bars} bars would become {pattern.bars * 2}")
    length = pattern.length * 2
    tracks = {}
    for code, steps in pattern.track_items:
        if code in PULSE_VOICES:
            tracks[code] = steps * 2
        else:
            tracks[code] = "".join(s + "-" for s in steps)
    return pattern.replace_tracks({c: s[:length] for c, s in tracks.items()})


def double_time(pattern: Pattern) -> Pattern:
    """Double-time feel in the same bars: figure in half the steps, pulse kept.

    Each pair of steps of the kick/snare figure becomes one step (the stronger hit wins),
    and the compressed figure plays twice, so a 2-and-4 backbeat sounds once every beat.
    """
    if pattern.length % 2:
        raise NotationError("double-time needs an even number of steps")
    tracks = {}
    for code, steps in pattern.track_items:
        if code in PULSE_VOICES:
            tracks[code] = steps
        else:
            squeezed = "".join(_stronger(steps[i], steps[i + 1]) for i in range(0, len(steps), 2))
            tracks[code] = squeezed * 2
    return pattern.replace_tracks(tracks)


_STRENGTH = {"-": 0, "o": 1, "r": 2, "x": 3, "f": 4, "X": 5}


def _stronger(a: str, b: str) -> str:
    return a if _STRENGTH[a] >= _STRENGTH[b] else b


def _tile(steps: str, length: int) -> str:
    return (steps * (length // len(steps) + 1))[:length]
