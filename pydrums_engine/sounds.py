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
from .reader_words import DARBUKA_ROWS

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
    "kah": "snare",
    "kch": "snare",
    "pah": "snare",
    "smack": "snare",
    "crack": "snare",
    "ting": "ride",
    "clap": "clap",
}
# A beatboxer's letters, read only in a run of them ("b t k t b b k t"): kick, hat, snare
BEATBOX_LETTERS = {"b": "kick", "t": "closed hat", "k": "snare"}
# A darbuka player's, where the request speaks of the darbuka ("D T - T D - T -, dum on the kick"):
# dum, tek and ka (the other hand's tek)
DARBUKA_LETTERS = {"d": "kick", "t": "snare", "k": "snare"}
DARBUKA_SAID = re.compile(
    r"\b(?:dums?|teks?|doum|darbuka|darbouka|doumbek|dumbek|derbake|" + "|".join(DARBUKA_ROWS) + r")\b"
)
_ELLIPSIS = re.compile(r"\.{2,}|\u2026")  # "D T _ D D _ T _ ...": and so on, no rests
# Other sounds a drum makes, said beside its name ("rim tk on 4", "shaker chk chk", "psssh")
_OTHER_SOUNDS = frozenset({"tsss", "tk", "chk", "tsh", "tssh", "pf", "psh", "pssh", "tish", "tink", "dm", "tok"})
_SOUND_TOKEN = re.compile(r"\(?[a-z]+(?:-[a-z]+)*\)?|[^\sa-z()]+|[()]")
_FLOWING = frozenset({"going", "goes", "go", "doing", "playing", "plays", "cracks", "cracking", "hits"})
# The sounds the instrument table names ("boom", "tss", "kah"), but for two that are drums' own
# names ("clap", the hi-hat foot's "chick")
_SOUND_ALIASES = frozenset(w for w in {*USUAL_SOUNDS, *_OTHER_SOUNDS} if resolve_voices(w)) - {"clap", "chick"}
_REPEATED_NAME = re.compile(r"\b([a-z]+)(?:-\1)+\b")
# A sound the table does not name, placed: "bap on 2 n 4", "ting on every beat" (the drum it is)
_SOUND_DRUMS = {"bap": "snare", "ting": "ride", "ding": "ride"}  # ("smack", "pah": verbs and words too often)
_SOUND_PLACED = re.compile(
    rf"\b({'|'.join(_SOUND_DRUMS)})\s+(?=on\s+(?:the\s+|every\s+|each\s+|all\s+)?[1-9a-z]|[1-9]\b)"
)
_SOUND_WORDS = "|".join(sorted({*USUAL_SOUNDS, *_OTHER_SOUNDS} - {"clap"}, key=len, reverse=True))
_NAMED_AFTER_SOUND = re.compile(
    rf"\b((?:{_SOUND_WORDS})(?:[\s-]+(?:{_SOUND_WORDS}))*)\b(\s+on\s[^,.;()]*?)"
    r"\s*\(\s*(?:the\s+|an?\s+)?([a-z][a-z -]*?)\s*\)"
)  # "tsss on the offbeats (open hat)"
RESTS = frozenset({".", "-", "_", "rest", "x"})  # "x" only where the run is of words: "dum x tak x"
RUN_LEAST = 4  # fewer sounds are words, not a groove sung
_REPEATED_BAR = re.compile(r"\b((?:[a-z]+\s+){2,7}[a-z]+)\s*,\s*\1\b")  # "boom tek tek, boom tek tek": once

_DEFINED = re.compile(
    r"\b([a-z]{1,8})\s*(?:=|is|are)\s*(?:the\s+|a\s+|an\s+|my\s+)?"
    r"([a-z][a-z-]*(?:\s(?![a-z]{1,8}\s*(?:=|is\b))[a-z][a-z-]*)?)(?=\s*(?:[,.;:()]|$|\s))"
)  # (a second word of the drum's name is not the next definition's sound: "boom = kick chk = snare",
# "b is kick k is snare")
_REVERSED = re.compile(r"\b([a-z][a-z-]*(?:\s[a-z][a-z-]*)?)\s*=\s*([a-z]{2,8})\b")  # "kick = dum"
_RATE = re.compile(
    r"(?:\b(?:all|in|thats|that's|each\s+(?:thing|one|sound|word|syllable)\s+is\s+(?:an?\s+)?"
    r"|every\s+(?:sound|word)\s+is\s+(?:an?\s+)?)"
    r"|(?<=\()|(?<=\bbar\sof\s))\s*(8ths|eighths|8th|eighth|16ths|sixteenths|16th|sixteenth|quarters|quarter|triplets|triplet)(?:\s+notes?)?\b"
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
    sounds = {**USUAL_SOUNDS, **(DARBUKA_LETTERS if DARBUKA_SAID.search(low) else BEATBOX_LETTERS), **defined}
    once = _REPEATED_BAR.sub(lambda m: m[1] if all(w in sounds for w in m[1].split()) else m[0], low)
    if once != low:  # "boom tek tek, boom tek tek": sung once, the definitions' places moved
        low, definitions = once, _definitions(once)
    unsung = _blanked(low, [m.span() for m, _, _ in definitions])  # a definition is not sung
    # and said alone ("tak is sidestick,"), it leaves the text; "boom is kick (so 1, 3, 5)" stays
    plain = _blanked(low, [m.span() for m, _, _ in definitions if low[m.end() :].lstrip()[:1] in ("", ",", ".", ";")])

    def sung_in(scan: str) -> str | None:
        """The request with the longest run in ``scan`` written as places; None when it is no groove."""
        run = _longest_run(scan, sounds)
        if run is None:
            return None
        start, end, words = run
        sung = [w for w in words if w in sounds]
        rests = len(sung) < len(words)  # "kick goes dum . . dum dum . . dum": one drum, in time
        if any(len(w) == 1 and w not in defined for w in sung) and (
            not all(len(w) == 1 for w in sung) or len(set(sung)) < 2 or len(sung) < RUN_LEAST
        ):
            return None  # a beatboxer's letters are read in a run of two or more letters only ("b.b. king")
        meter_name = meter_of()
        least = 3 if meter_name == "3/4" else RUN_LEAST  # "boom tek tek": a waltz's bar
        if len(words) < least or len(sung) < 2 or (len(set(sung)) < 2 and not rests):
            return None  # a few sound words in passing ("a boom bap beat", "boom boom")
        voices = {sounds[w] for w in sung}
        rest = plain[:start] + plain[end:]
        placed = (re.search(rf"\b{re.escape(v)}s?\s+(?:on|goes\s+on|is\s+on)\s+(?!the\s+rest\b)", rest) for v in voices)
        if any(placed):
            return None  # "dum tek dum tek: kick on every number, snare on every and": the words place them
        said_rate = _RATE.search(low)
        rate = _rate(said_rate, words, sounds, meter_name)
        places = _places(words, sounds, rate, meter_name) if rate else {}
        if not places:
            return None
        said = ", ".join(f"{voice} on {' and '.join(where)}" for voice, where in places.items())
        out = f"{plain[:start]} , {said} , {plain[end:]}"  # (without the definitions: said in the places)
        return out.replace(said_rate[0], " ", 1) if said_rate else out  # ("all 8ths" was the run's)

    out = sung_in(unsung)
    if out is None and _ELLIPSIS.search(unsung):  # "D T _ D D _ T _ ...": "and so on", not three rests
        out = sung_in(_ELLIPSIS.sub(lambda m: " " * len(m[0]), unsung))
    return low if out is None else out


def beside_their_drum(low: str) -> str:
    """ "ride going ting ting ting on the quarters" -> "ride going on the quarters"; "a tsss open
    hat" -> "a open hat"; "tsss on the offbeats (open hat)" -> "open hat on the offbeats": a
    sound said next to the drum that makes it names nothing more, and a drum named after a
    sound's places is that sound's."""
    low = _NAMED_AFTER_SOUND.sub(lambda m: f"{m[3]}{m[2]}" if resolve_voices(m[3]) else m[0], low)
    low = _SOUND_PLACED.sub(lambda m: f"{_SOUND_DRUMS.get(m[1], m[1])} ", low)  # "bap on 2 n 4": the snare
    low = _REPEATED_NAME.sub(lambda m: m[1] if _a_name(m[1]) else m[0], low)  # "a clap-clap-clap fill"
    tokens = list(_SOUND_TOKEN.finditer(low))
    drop: list[tuple[int, int]] = []
    k = 0
    while k < len(tokens):
        if not _is_sound(tokens[k][0]):
            k += 1
            continue
        end = k
        while end + 1 < len(tokens) and _is_sound(tokens[end + 1][0]):
            end += 1
        after = tokens[end + 1][0] if end + 1 < len(tokens) else ""
        sung = after in RESTS or after in ("|", "=", "is", "are")  # a line sung, a definition
        placed = after == "on" or after.isdigit()  # "boom boom on 1 and 1&": the sound is the drum
        said = {tokens[j][0].strip("()") for j in range(k, end + 1)}
        shown = end - k >= 2 and len(said) == 1 and not placed  # "boom boom boom boom": how it sounds
        if not sung and (shown or _drum_before(tokens, k) or (not placed and _drum_after(tokens, end))):
            drop.append((tokens[k].start(), tokens[end].end()))
        k = end + 1
    for a, b in reversed(drop):
        low = low[:a] + " " + low[b:]
    return low


def _a_name(word: str) -> bool:
    """A drum's name that is not its sound ("clap", not "boom": "a boom-boom fill" on the toms)."""
    return word == "clap" or (bool(resolve_voices(word)) and word not in _SOUND_ALIASES and word not in USUAL_SOUNDS)


def _is_sound(token: str) -> bool:
    """A sound word ("ting", "(kah)", "kch-kch"), not a drum's own name ("clap")."""
    parts = token.strip("()").split("-")
    sound = all(p in USUAL_SOUNDS or p in _OTHER_SOUNDS for p in parts) and parts[0] != "clap"
    return sound and not (len(parts) == 1 and resolve_voices(parts[0]) and parts[0] not in _SOUND_ALIASES)


def _drum_before(tokens: list[re.Match[str]], k: int) -> bool:
    """A drum named just before ("rim tk", "snare cracks (kah)", "ride going ting")."""
    j = k - 1
    while j >= 0 and tokens[j][0] in _FLOWING:
        j -= 1
    return j >= 0 and _names_a_drum(tokens, j, -1)


def _drum_after(tokens: list[re.Match[str]], k: int) -> bool:
    """A drum named just after ("a tsss open hat", "tss hat on 8ths", "ting ting on the ride bell")."""
    j = k + 1
    while j < len(tokens) and tokens[j][0] in ("on", "the"):
        j += 1
    return j < len(tokens) and _names_a_drum(tokens, j, 1)


def _names_a_drum(tokens: list[re.Match[str]], j: int, way: int) -> bool:
    """Whether the word at j, alone or with its neighbour that way, names a drum that is not a sound."""
    one = tokens[j][0]
    if one in USUAL_SOUNDS or one in _OTHER_SOUNDS or "(" in one or ")" in one:
        return False  # ("thump smack (kick / snare)": a drum in brackets says what the sounds are)
    if resolve_voices(one):
        return True
    k = j + way
    if 0 <= k < len(tokens):
        two = f"{tokens[min(j, k)][0]} {tokens[max(j, k)][0]}"
        return "(" not in two and bool(resolve_voices(two))
    return False


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
            word == "-" and low[match.start() - 1 : match.start()] == " " and low[match.end() : match.end() + 1] in " "
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
