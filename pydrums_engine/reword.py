"""Other ways of saying a place or a voice, put in the words the reader reads.

    "side stick on crotchets two and four"      -> "side stick on beats two and four"
    "kick on the last semiquaver of beat two"   -> "kick on the a of two"
    "bd on rows 00 06 08" (a tracker, from 00)  -> "bd on steps 1, 7 and 9"
    "shaker on every even step"                 -> "shaker on the e's and a's"
    "hats 2 & 4 w/ the foot"                    -> "pedal hi-hat 2 & 4"
    "that tumbling thing down the round drums"  -> "a tom fill"
    "kick on the oom (1)"                       -> "kick on 1"
    "snare on to and for period"                -> "snare on to and for ." (a phone's dictation)
    "cajon: bass on 1 and 3, slap on 2 and 4"   -> "cajon: kick on 1 and 3, snare on 2 and 4"
    "ride quavres, semiquvers on the hats"      -> "ride quavers, semiquavers on the hats"
    "ta ka di mi: kick on the mi of 2"          -> "ta ka di mi: kick on the a of 2"
    "snare on the a of 1 and & of 2 in each half" -> "... and the a of 3 and & of 4"

`parse_intent` runs `plain_words` over the lower-cased request before it reads anything, so
each of these is one rewrite here and no new form in the reader.
"""

from __future__ import annotations

import re

from .instruments import resolve_voices
from .reader_words import RATE_WORDS
from .wording import step_numbers

# Note values long enough that one slip of the keys ("quavres", "semiquvers", "sixteeths")
# still says which one; the short ones ("8th", "qtr") are not guessed at.
_LONG_RATES = tuple(w for w in RATE_WORDS if len(w) >= 6 and w.isalpha())
_WORD = re.compile(r"[a-z]{6,}")
_NOT_SLIPS = frozenset({"eighty", "quartet", "quartets"})  # words of their own, one letter from a note value
_SLIPS = {"eights": "eighths"}  # one slip from "eighth" too: the plural meant

_COUNT = r"(?:[1-7]|one|two|three|four|five|six|seven)"
# "crotchets two and four", "on quarter notes 2 and 4": the beats, numbered
_NUMBERED_BEATS = re.compile(rf"\b(?:crotchets?|quarter\s+notes?|quarters)\s+(?={_COUNT}\b)")

# "the second semiquaver of each beat", "the last 16th of beat two", "the 2nd quaver of 3"
_NTH_NOTE = re.compile(
    r"\b(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+"
    r"(semiquaver|sixteenth|16th|quaver|eighth|8th)(?:\s+notes?)?\s+(?:of|in)\s+"
    rf"(?:(?:beat|count)\s+({_COUNT})\b|({_COUNT})\b|(?:each|every|the|a)\s+beat\b)"
)
_ORDER = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3}
_SIXTEENTH_PARTS = ("", "e", "and", "a")
_EIGHTH_PARTS = ("", "and")
_EVERY_BEAT_PARTS = {"": "every beat", "e": "the e's", "and": "the ands", "a": "the a's"}

_CAJON = re.compile(r"\bcaj[oó]n(?:es|s)?\b")
# a cajón's two strokes: the bass tone in the middle of the face, the slap at its edge
_CAJON_BASS = re.compile(r"\bbass(?:\s+(?:tones?|notes?|hits?|sounds?|strokes?))?\b(?!\s+drum)")
_CAJON_SLAP = re.compile(r"\bslaps?\b|\bslap\s+tones?\b")

# "kick on the oom (1), hat foot on both pahs (2, 3)": a name of the place, then its counts
_NAMED_THEN_COUNTED = re.compile(
    r"\bon\s+(?:the\s+|both\s+|all\s+(?:the\s+)?)?([a-z'-]+)\s*"
    r"\(\s*(\d[&+ea]?(?:\s*(?:,|and|&)\s*\d[&+ea]?)*)\s*\)"
)
_MIDDLE_AND_PLACE = re.compile(r"\bin\s+the\s+middle\s+(?=(?:on|at)\s)")  # "once in the middle on 3": on 3

# A tracker's rows, numbered in hexadecimal from 00 (16 rows a bar): "BD on rows 00 06 08"
_HEX_ROW = r"[0-9a-f]{2}"
_TRACKER_ROWS = re.compile(rf"\brows?\s+({_HEX_ROW}(?:(?:\s*(?:,|\band\b|&|\+)\s*|\s+){_HEX_ROW})*)\b")
_ROWS_A_BAR = 16

# "hats 2 & 4 w/ the foot": the hi-hat played with the pedal ("w/" is "with" by now)
_HAT_BY_FOOT = re.compile(
    r"\b(?:hi[\s-]?hats?|hats?|hh)((?:\s+(?:on\s+)?(?:\d[&+]?|and|&|,)(?=[\s,]))*)\s*,?\s+"
    r"(?:with|using|on)\s+(?:the\s+|my\s+|your\s+|left\s+)?(?:foot|feet)\b"
)

# "hat foot going ch on 2 & 4": the sound the pedal makes, not the closed hat's name ("ch")
_FOOT_SOUND = re.compile(
    r"\b((?:hi[\s-]?)?hat\s+foot|pedal\s+(?:hi[\s-]?)?hat)\s+(?:going|goes|doing|saying)\s+(?:ch|chk|chick|tss|ts|tsk)\b"
)

# "that tumbling thing down the round drums", "rolling down the toms": a fill down the toms
_DOWN_THE_TOMS = re.compile(
    r"\b(?:that\s+|a\s+)?(?:tumbl|roll|run|cascad)\w*(?:\s+(?:thing|things|bit))?\s+(?:all\s+the\s+way\s+)?down\s+"
    r"(?:the\s+|all\s+the\s+)?([a-z]+(?:\s[a-z]+)?)"
)
_TOMS = frozenset({"ht", "mt", "lt"})

# A piano roll's even steps (2, 4, 6, ... of sixteen): every beat's e and a
_EVEN_STEPS = re.compile(r"\b(?:(?:every|each)\s+even\s+step|(?:all\s+)?(?:the\s+)?even\s+steps)\b")


# A grid pasted with a space between its cells, a line a voice ("HH x . x . x . x . ..."), under
# a line of counts ("1 e & a 2 e & a ..."); each line's cells are joined into one step string
_SPACED_ROW = re.compile(
    r"^[ \t]*([a-z][a-z -]{0,14}?)[ \t]*[:|]?[ \t]*((?:[xo.\-_][ \t]+){3,31}[xo.\-_])[ \t]*\|?[ \t]*$", re.M
)
_COUNT_LINE = re.compile(r"^[ \t]*1(?:[ \t]+(?:[1-9]|e|&|\+|a|and))+[ \t]*$", re.M)


def joined_cells(low: str) -> str:
    """ "hh x . x . x . x ." on its own line -> "hh: x.x.x.x." (a spaced grid's line as a step string);
    its line of counts goes. Run before line breaks become clause breaks."""
    if not _SPACED_ROW.search(low):
        return low
    low = _COUNT_LINE.sub("", low)
    return _SPACED_ROW.sub(lambda m: f"{m[1].strip()}: {''.join(m[2].split())}", low)


# Konnakol's four syllables of a beat: "ta ka di mi" is 1 e & a ("the mi of 2" is 2a)
_TAKADIMI = re.compile(r"\bta[\s-]?ka[\s-]?di[\s-]?mi\b")
_SYLLABLE_OF = re.compile(r"\bthe\s+(ta|ka|di|mi)\s+of\s+")
_SYLLABLE_PARTS = {"ta": "", "ka": "e", "di": "and", "mi": "a"}
_EVERY_SYLLABLE = re.compile(r"\b(?:every|each)\s+(ta|ka|di|mi)\b")


# Punctuation said aloud to a dictating phone: "snare on to and for period"
_SPOKEN_MARKS = re.compile(r"\b(comma|period|full\s+stop|question\s+mark|exclamation\s+(?:mark|point)|new\s+line)\b")
_MARKS = {"comma": ",", "period": ".", "question": "?", "exclamation": "!", "full": ".", "new": "."}
# Counts a phone heard as words: "the and of to" (2&), "for bars" (four bars), "eight oh eight" (808)
_PART_OF_HOMOPHONE = re.compile(r"\b(the\s+(?:and|&|e|a|ah|uh)\s+of)\s+(won|to|too|for|fore)\b")
_HOMOPHONES = {"won": "1", "to": "2", "too": "2", "for": "4", "fore": "4"}
_TWO_AND_FOUR_HEARD = re.compile(r"\b(?:to|too)\s+(?:and|n|&)\s+(?:for|fore)\b")  # "snare to and for"
_BARS_HEARD = re.compile(
    r"(?:^|(?<=[,.;:])\s*|(?<=\beight\s)|(?<=\bfour\s)|(?<=\bme\s)|(?<=\bneed\s)|(?<=\bwant\s))"
    r"(to|too|for)\s+(bars?|measures?)\b(?!\s*\d)"
)  # at the start, or after a meter or a wish ("six eight to bars"), not "for bars 1-3"
_FOUR_BY_FOUR = re.compile(r"(?<![/\d])\b4\s?x\s?4\b(?!\s*(?:bars?|times))")  # "4x4 kick" (not "5/4 x4 bars")
_EIGHT_OH_EIGHT = re.compile(r"\beight[\s-]+(?:oh|o|zero)[\s-]+eight\b")

# "snare on the a of 1 and & of 2 in each half": the figure again in the bar's second half (4/4)
_PLACE = r"(?:the\s+)?(?:(?:and|&|e|a|ah)\s+of\s+)?[1-4](?:&|\+|e|a)?"
_EACH_HALF = re.compile(
    rf"({_PLACE}(?:\s*(?:,|and|&)\s*{_PLACE})*)\s+in\s+(?:each|both|every)\s+half(?:ves)?"
    r"(?:\s+of\s+(?:the|each|every)\s+bar)?"
)


def plain_words(low: str) -> str:
    """The request with each of these ways of saying a place or a voice put plainly."""
    low = _SPOKEN_MARKS.sub(lambda m: f" {_MARKS[m[1].split()[0]]} ", low)
    low = _PART_OF_HOMOPHONE.sub(lambda m: f"{m[1]} {_HOMOPHONES[m[2]]}", low)
    low = _TWO_AND_FOUR_HEARD.sub("2 and 4", low)
    low = _BARS_HEARD.sub(lambda m: f"{'four' if m[1] == 'for' else 'two'} {m[2]}", low)
    low = _EIGHT_OH_EIGHT.sub("808", low)
    low = _FOUR_BY_FOUR.sub("four on the floor", low)
    low = _EACH_HALF.sub(_in_each_half, low)
    low = _WORD.sub(_rate_spelt, low)
    low = _NUMBERED_BEATS.sub("beats ", low)
    low = _NTH_NOTE.sub(_nth_note, low)
    low = _MIDDLE_AND_PLACE.sub("", low)
    low = _NAMED_THEN_COUNTED.sub(lambda m: m[0] if resolve_voices(m[1]) else f"on {m[2]}", low)
    low = _TRACKER_ROWS.sub(_tracker_rows, low)
    low = _EVEN_STEPS.sub("the e's and a's", low)
    low = _HAT_BY_FOOT.sub(r"pedal hi-hat\1", low)
    low = _FOOT_SOUND.sub(r"\1", low)
    low = _DOWN_THE_TOMS.sub(_tom_fill, low)
    if _TAKADIMI.search(low):
        low = _SYLLABLE_OF.sub(lambda m: f"the {part} of " if (part := _SYLLABLE_PARTS[m[1]]) else "", low)
        low = _EVERY_SYLLABLE.sub(lambda m: _EVERY_BEAT_PARTS[_SYLLABLE_PARTS[m[1]]], low)
    if _CAJON.search(low):
        low = _CAJON_SLAP.sub("snare", _CAJON_BASS.sub("kick", low))
    return low


def _rate_spelt(match: re.Match[str]) -> str:
    """A note value with one letter dropped, added, changed or swapped, spelt right."""
    word = match[0]
    if word in RATE_WORDS or word in _NOT_SLIPS:
        return word
    if word in _SLIPS:
        return _SLIPS[word]
    return next((rate for rate in _LONG_RATES if _one_slip(word, rate)), word)


def _one_slip(typed: str, word: str) -> bool:
    """Whether ``typed`` is ``word`` with one letter dropped, added, changed or two swapped."""
    if abs(len(typed) - len(word)) > 1:
        return False
    start = next((k for k, (a, b) in enumerate(zip(typed, word, strict=False)) if a != b), min(len(typed), len(word)))
    a, b = typed[start:], word[start:]
    return a[1:] == b[1:] or a == b[1:] or a[1:] == b or (a[:2] == b[1::-1] and a[2:] == b[2:])


def _nth_note(match: re.Match[str]) -> str:
    """ "the second semiquaver of each beat" -> "the e's"; "the last 16th of beat two" -> "the a of two"."""
    sixteenths = match[2] in ("semiquaver", "sixteenth", "16th")
    parts = _SIXTEENTH_PARTS if sixteenths else _EIGHTH_PARTS
    order = _ORDER.get(match[1], len(parts) - 1)  # "last", "final": the beat's last
    if order >= len(parts):
        return match[0]  # "the third quaver of beat 2": no beat of eighths has one
    part, count = parts[order], match[3] or match[4]
    if count is None:
        return _EVERY_BEAT_PARTS[part]
    return f"the {part} of {count}" if part else f"beat {count}"


def _tracker_rows(match: re.Match[str]) -> str:
    """ "rows 00 06 08" -> "steps 1, 7 and 9": a bar's sixteen rows, counted from 00."""
    rows = [int(row, 16) for row in re.findall(_HEX_ROW, match[1])]
    if any(row >= _ROWS_A_BAR for row in rows):
        return match[0]
    return f"steps {step_numbers(rows)}"


def _tom_fill(match: re.Match[str]) -> str:
    """ "rolling down the toms" -> "a tom fill"; down anything else stays as it was."""
    voices = resolve_voices(match[1]) or resolve_voices(match[1].split()[0]) or ()
    return "a tom fill" if voices and set(voices) <= _TOMS else match[0]


def _in_each_half(match: re.Match[str]) -> str:
    """ "the a of 1 and & of 2 in each half" -> "the a of 1 and & of 2 and the a of 3 and & of 4"."""
    said = match[1]
    if any(int(n) > 2 for n in re.findall(r"\d", said)):
        return match[0]  # the figure already reaches past the bar's first half
    return f"{said} and " + re.sub(r"\d", lambda d: str(int(d[0]) + 2), said)
