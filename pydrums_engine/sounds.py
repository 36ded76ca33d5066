"""A groove said as a string of sounds: "boom tss clap tss boom tss clap tss, all 8ths".

Drummers sing a groove before they write it: each word a drum, in time, a rest for a gap
("dum . tak dum | dum . tak ."). `said_as_sounds` finds such a run, names each word's drum
(from the request's own definitions, "boom = kick, tss = closed hat", else the usual sounds)
and writes the run as places the token reader knows: "kick on 1 and 3, closed hat on 1&, 2&,
3& and 4&, clap on 2 and 4". Each word is one step of the rate the words give ("all 8ths",
"each thing is an 8th"), else of the rate its length fills a bar with.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .instruments import resolve_voices
from .notation import get_meter
from .places import counting

# The sounds every drummer knows, when the request does not say its own
USUAL_SOUNDS = {
    "boom": "kick",
    "dum": "kick",
    "doom": "kick",
    "bum": "kick",
    "thump": "kick",
    "tss": "closed hat",
    "ts": "closed hat",
    "tsk": "closed hat",
    "tik": "closed hat",
    "chick": "closed hat",
    "tak": "snare",
    "tek": "snare",
    "ka": "snare",
    "bap": "snare",
    "smack": "snare",
    "crack": "snare",
    "clap": "clap",
}
RESTS = frozenset({".", "-", "_", "rest", "x"})  # "x" only where the run is of words: "dum x tak x"
RUN_LEAST = 4  # fewer sounds are words, not a groove sung

_DEFINED = re.compile(
    r"\b([a-z]{2,8})\s*(?:=|is|are)\s*(?:the\s+|a\s+|an\s+)?"
    r"([a-z][a-z-]*(?:\s(?![a-z]{2,8}\s*=)[a-z][a-z-]*)?)(?=\s*(?:[,.;:()]|$|\s))"
)  # (a second word of the drum's name is not the next definition's sound: "boom = kick chk = snare")
_REVERSED = re.compile(r"\b([a-z][a-z-]*(?:\s[a-z][a-z-]*)?)\s*=\s*([a-z]{2,8})\b")  # "kick = dum"
_RATE = re.compile(
    r"(?:\b(?:all|in|each\s+(?:thing|one|sound|word|syllable)\s+is\s+(?:an?\s+)?|every\s+(?:sound|word)\s+is\s+(?:an?\s+)?)"
    r"|(?<=\())\s*(8ths|eighths|8th|eighth|16ths|sixteenths|16th|sixteenth|quarters|quarter|triplets|triplet)\b"
)
_RATES = {"8": "eighths", "ei": "eighths", "16": "sixteenths", "si": "sixteenths", "qu": "quarters", "tr": "eighths"}
_WORD = re.compile(r"[a-z]+|[._|-]|[^\sa-z._|-]+")  # words, rests and bar lines; anything else ends a run


def said_as_sounds(low: str, meter_of: Callable[[], str | None]) -> str:
    """The request with its sung run written as places (unchanged when it has none);
    ``meter_of`` gives the meter the words name, asked only when a run is sung."""
    definitions = _definitions(low)
    defined: dict[str, str] = {}
    for match, word, voice in definitions:  # "boom = kick"; "kick = dum" where not said the other way
        if match.re is _DEFINED:
            defined[word] = voice
        else:
            defined.setdefault(word, voice)
    sounds = {**USUAL_SOUNDS, **defined}
    unsung = _blanked(low, [m.span() for m, _, _ in definitions])  # a definition is not sung
    # and said alone ("tak is sidestick,"), it leaves the text; "boom is kick (so 1, 3, 5)" stays
    plain = _blanked(low, [m.span() for m, _, _ in definitions if low[m.end() :].lstrip()[:1] in ("", ",", ".", ";")])
    run = _longest_run(unsung, sounds)
    if run is None:
        return low
    start, end, words = run
    sung = [w for w in words if w in sounds]
    rests = len(sung) < len(words)  # "kick goes dum . . dum dum . . dum": one drum, in time
    if len(words) < RUN_LEAST or len(sung) < 2 or (len(set(sung)) < 2 and not rests):
        return low  # a few sound words in passing ("a boom bap beat", "boom boom")
    voices = {sounds[w] for w in sung}
    rest = plain[:start] + plain[end:]
    placed = (re.search(rf"\b{re.escape(v)}s?\s+(?:on|goes\s+on|is\s+on)\s+(?!the\s+rest\b)", rest) for v in voices)
    if any(placed):
        return low  # "dum tek dum tek: kick on every number, snare on every and": the words place them
    said_rate = _RATE.search(low)
    meter_name = meter_of()
    rate = _rate(said_rate, words, sounds, meter_name)
    places = _places(words, sounds, rate, meter_name) if rate else {}
    if not places:
        return low
    said = ", ".join(f"{voice} on {' and '.join(where)}" for voice, where in places.items())
    out = f"{plain[:start]} , {said} , {plain[end:]}"  # (without the definitions: said in the places)
    return out.replace(said_rate[0], " ", 1) if said_rate else out  # ("all 8ths" was the run's)


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with those spans as spaces (every other offset kept)."""
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _defines(word: str, voice: str) -> bool:
    """Whether "word = voice" names a sound's drum ("tak is sidestick", "boom = kick")."""
    return resolve_voices(voice) is not None and (resolve_voices(word) is None or word in USUAL_SOUNDS)


def _definitions(low: str) -> list[tuple[re.Match[str], str, str]]:
    """ "boom = kick, tss = closed hat", "dum is the kick", "kick = dum": where each word is
    given its drum, the word, and the drum."""
    said = [(m, m[1], m[2].strip()) for m in _DEFINED.finditer(low)]
    said += [(m, m[2], m[1].strip()) for m in _REVERSED.finditer(low)]
    return [(m, word, voice) for m, word, voice in said if _defines(word, voice)]


def _longest_run(low: str, sounds: dict[str, str]) -> tuple[int, int, list[str]] | None:
    """The longest stretch of sound words and rests (bar lines and dashes between them aside)."""
    best: tuple[int, int, list[str]] | None = None
    start = end = None
    words: list[str] = []
    for match in _WORD.finditer(low):
        word = match[0]
        spaced = (
            word == "-" and low[match.start() - 1 : match.start()] == " " and low[match.end() : match.end() + 1] == " "
        )
        if word in ("|", "-") and words and not spaced:
            continue  # "dum . tak dum | dum . tak .", "boom-tss-smack-tss" ("dum tek - tek": a rest)
        if word in sounds or (word in RESTS and words):
            start = match.start() if not words else start
            end, words = match.end(), [*words, word]
            continue
        if words and (best is None or len(words) > len(best[2])):
            best = (start or 0, end or 0, _trimmed(words))
        words = []
    if words and (best is None or len(words) > len(best[2])):
        best = (start or 0, end or 0, _trimmed(words))
    return best


def _trimmed(words: list[str]) -> list[str]:
    """A run's last full stop ends the sentence, unless the run rests with full stops inside
    ("dum . tak ." keeps its last rest)."""
    return words[:-1] if words[-1] == "." and "." not in words[:-1] else words


def _rate(said: re.Match[str] | None, words: list[str], sounds: dict[str, str], meter_name: str | None) -> str | None:
    """The note each word is: as said, else as the sounds tell ("boom tss smack tss": the hat
    between every two drums, eighths), else what fills whole bars; None when nothing fits."""
    if said:
        return _RATES.get(said[1][:2], "eighths")
    meter = get_meter(meter_name or "4/4")
    if meter.name.endswith("/8"):
        return "eighths" if len(words) % counting(meter)[0] == 0 or meter.name == "12/8" else None
    hats = [sounds.get(w) == "closed hat" for w in words]
    if len(words) % 2 == 0 and all(hats[1::2]) and not any(hats[::2]):
        return "eighths"
    beats = counting(meter)[0]
    fits = {beats: "quarters", 2 * beats: "eighths", 4 * beats: "sixteenths"}
    return fits.get(len(words)) or ("eighths" if len(words) % (2 * beats) == 0 else None)


def _places(words: list[str], sounds: dict[str, str], rate: str, meter_name: str | None) -> dict[str, list[str]]:
    """Each drum's places, the run wrapping round the bar (a second bar sung the same)."""
    meter = get_meter(meter_name or "4/4")
    counts, parts = counting(meter)
    if meter.name == "12/8":
        names = [f"{c}{p}" for c in range(1, counts + 1) for p in ("", "&", "a")]  # its eighths
    elif meter.name.endswith("/8"):
        names = [str(c) for c in range(1, counts + 1)]  # each count an eighth
    else:
        per = {"quarters": ("",), "eighths": ("", "&"), "sixteenths": ("", "e", "&", "a")}[rate]
        names = [f"{c}{p}" for c in range(1, counts + 1) for p in per if p in parts]
    if len(names) % len(words) and len(words) % len(names):
        return {}  # neither a bar nor a part of one that repeats
    out: dict[str, list[str]] = {}
    for k in range(max(len(names), len(words))):  # "boom tss smack tss" in 8ths: twice a bar
        voice = sounds.get(words[k % len(words)])
        where = names[k % len(names)]
        if voice is not None and where not in out.setdefault(voice, []):
            out[voice].append(where)
    return out
