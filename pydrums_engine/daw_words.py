"""A producer's DAW and MIDI words, put as a drummer says them.

"36 on 1 and 3, 38 on 2 & 4, no 42s" names the drums by their General MIDI notes
(`instruments.GM_NOTES`); "kick at 1.1.1, 1.1.3 and 1.3.2" places them as a DAW's
bar.beat.sixteenth; "a clip from 1.1.1 to 5.1.1" is four bars long. Velocities ("vel 110",
"ghosts around vel 25-35") and the grid ("grid at 1/16", "quantize to 1/8") say how the notes
are entered, not where a drum plays, and leave the request. Note numbers are read only where
the request speaks MIDI, so "120" stays a tempo and "40" a number everywhere else.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .instruments import BY_CODE, GM_NOTES

# A request that speaks MIDI: a word of it, or two drum notes near each other
_SPEAKS_MIDI = re.compile(
    r"\b(?:midi|gm|general\s+midi|note\s+numbers?|vel(?:ocity|ocities)?|piano\s+roll|daw|ppq|ticks?|clip)\b"
    r"|\b(?:3[5-9]|4\d|5\d)s?\b[^.;]{0,40}\b(?:3[5-9]|4\d|5\d)s?\b"
    r"|(?:^|[,.;:!?]\s*)(?:3[5-9]|4\d|5\d)\s+on\b|\b(?:no|zero|without)\s+(?:3[5-9]|4\d|5\d)s\b"  # "38 on the 6th"
)
_MIDI_WORDS = ("midi", "gm", "vel", "piano roll", "daw", "ppq", "tick", "clip", "note number")
_NOTE_LIKE = re.compile(r"\b[345]\d")
_NUMBERS = "|".join(str(n) for n in sorted(GM_NOTES, reverse=True))
# A note number where a drum would be named: not a tempo, a velocity, a count of bars or ticks
_NOTE = re.compile(
    r"(?<![\d./:~-])(?<!\bat\s)(?<!@\s)(?<!@)(?<!\btempo\s)(\(\s*)?(?:(?:gm|note|midi)\s*)?\b(" + _NUMBERS + r")(s)?\b"
    r"(?(1)\s*\))(?!\s*(?:bpm|bars?|measures?|%|ms|ticks?|ppq|/|-\s*\d|\.\d))"
)
_VELOCITY = re.compile(
    r"\b(?:at\s+|with\s+)?(?:vel(?:ocity|ocities)?|accents?)\s*(?:around|about|of|at|is|=|:)?\s*~?\s*\d{1,3}"
    r"(?:\s*-\s*\d{1,3})?\b|~\s*\d{2,3}\b"
)
_GRID = re.compile(
    r"\b(?:grid|quanti[sz]e[ds]?|snap)\s+(?:is\s+|at\s+|to\s+|of\s+|=\s*)?1\s*/\s*\d{1,2}(?:\s*notes?)?\b"
    r"|\b1\s*/\s*\d{1,2}\s+grid\b"
)
_CLIP = re.compile(r"\bfrom\s+(\d)\.1\.1\s+to\s+(\d)\.1\.1\b")
_POSITION = re.compile(r"\b([1-8])\.([1-7])\.([1-4])\b(?!\.\d)")
_SIXTEENTH_PARTS = ("", "e", "&", "a")
_PPQ = re.compile(r"\b(\d{2,4})\s*ppq\b|\bppq\s*(?:of\s+|is\s+|=\s*|:\s*)?(\d{2,4})\b")
_EVERY_TICKS = re.compile(r"\bevery\s+(\d{1,5})\s+ticks\b")
# "kick at tick 0 and tick 1440", "snare at 960 and 2880": positions in ticks
_AT_TICKS = re.compile(
    r"\b(?:at\s+)?(?:ticks?\s+)?(\d{1,5})(?:\s*(?:,|and|&)\s*(?:ticks?\s+)?\d{1,5})*\b(?!\s*(?:ppq|bpm))"
)
_TICK_RATES = {1: "every beat", 2: "every 8th", 4: "every 16th"}


def daw_plainly(low: str, names_a_voice: Callable[[str], bool]) -> str:
    """The request with its MIDI notes named as drums and its DAW positions as counts
    (unchanged where it speaks neither); ``names_a_voice`` tells a drum's name."""
    maybe = any(w in low for w in _MIDI_WORDS) or _NOTE_LIKE.search(low)  # cheap, before the full search
    midi, placed = maybe and _SPEAKS_MIDI.search(low), "." in low and _POSITION.search(low)
    if not midi and not placed:
        return low
    low = _GRID.sub(" ", _VELOCITY.sub(" ", low)) if midi else low
    low = _CLIP.sub(lambda m: f"{int(m[2]) - int(m[1])} bars" if m[2] > m[1] else m[0], low)
    low = _POSITION.sub(lambda m: f"{m[2]}{_SIXTEENTH_PARTS[int(m[3]) - 1]}", low)  # "1.3.2" -> "3e", any bar
    if not midi:
        return low
    ppq = _PPQ.search(low)
    if ppq:  # "my DAW is at 960 PPQ. hats every 240 ticks, kick at tick 0": ticks as counts
        low = _in_ticks(low, int(ppq[1] or ppq[2]))

    def named(match: re.Match[str]) -> str:
        before, after = low[: match.start()].split(), low[match.end() :].split()
        beside = [" ".join(before[-2:]), before[-1:] and before[-1], " ".join(after[:2]), after[:1] and after[0]]
        if any(isinstance(w, str) and w and names_a_voice(w.strip("(),")) for w in beside):
            return " "  # "snare 38", "side stick (GM 37)", "46 open hats": the drum is named already
        drum = BY_CODE[GM_NOTES[int(match[2])]]
        return f" {drum.short or drum.name}{match[3] or ''} "

    return _NOTE.sub(named, low)


def _in_ticks(low: str, ppq: int) -> str:
    """Tick positions and spacings as a drummer counts them, where each falls on a sixteenth of 4/4."""
    sixteenth = ppq // 4
    low = _EVERY_TICKS.sub(
        lambda m: _TICK_RATES.get(ppq // int(m[1]), m[0]) if int(m[1]) and not ppq % int(m[1]) else m[0], low
    )

    def counted(match: re.Match[str]) -> str:
        ticks = [int(n) for n in re.findall(r"\d+", match[0])]
        if "tick" not in match[0] and not all(t >= sixteenth for t in ticks):
            return match[0]  # ("4 bars", "at 90": no ticks)
        if sixteenth == 0 or any(t % sixteenth or t >= 4 * ppq for t in ticks):
            return match[0]
        return "on " + " and ".join(f"{t // ppq + 1}{_SIXTEENTH_PARTS[t % ppq // sixteenth]}" for t in ticks)

    return _AT_TICKS.sub(lambda m: counted(m) if "tick" in m[0] or m[0].startswith("at ") else m[0], low)
