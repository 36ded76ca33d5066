"""Other ways of saying a place or a voice, put in the words the reader reads.

    "side stick on crotchets two and four"      -> "side stick on beats two and four"
    "kick on the last semiquaver of beat two"   -> "kick on the a of two"
    "bd on rows 00 06 08" (a tracker, from 00)  -> "bd on steps 1, 7 and 9"
    "shaker on every even step"                 -> "shaker on the e's and a's"
    "cajon: bass on 1 and 3, slap on 2 and 4"   -> "cajon: kick on 1 and 3, snare on 2 and 4"
    "ride quavres, semiquvers on the hats"      -> "ride quavers, semiquavers on the hats"

`parse_intent` runs `plain_words` over the lower-cased request before it reads anything, so
each of these is one rewrite here and no new form in the reader.
"""

from __future__ import annotations

import re

from .reader_words import RATE_WORDS
from .wording import step_numbers

# Note values long enough that one slip of the keys ("quavres", "semiquvers", "sixteeths")
# still says which one; the short ones ("8th", "qtr") are not guessed at.
_LONG_RATES = tuple(w for w in RATE_WORDS if len(w) >= 6 and w.isalpha())
_WORD = re.compile(r"[a-z]{6,}")

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

# A tracker's rows, numbered in hexadecimal from 00 (16 rows a bar): "BD on rows 00 06 08"
_HEX_ROW = r"[0-9a-f]{2}"
_TRACKER_ROWS = re.compile(rf"\brows?\s+({_HEX_ROW}(?:(?:\s*(?:,|\band\b|&|\+)\s*|\s+){_HEX_ROW})*)\b")
_ROWS_A_BAR = 16

# A piano roll's even steps (2, 4, 6, ... of sixteen): every beat's e and a
_EVEN_STEPS = re.compile(r"\b(?:(?:every|each)\s+even\s+step|(?:all\s+)?(?:the\s+)?even\s+steps)\b")


def plain_words(low: str) -> str:
    """The request with each of these ways of saying a place or a voice put plainly."""
    low = _WORD.sub(_rate_spelt, low)
    low = _NUMBERED_BEATS.sub("beats ", low)
    low = _NTH_NOTE.sub(_nth_note, low)
    low = _TRACKER_ROWS.sub(_tracker_rows, low)
    low = _EVEN_STEPS.sub("the e's and a's", low)
    if _CAJON.search(low):
        low = _CAJON_SLAP.sub("snare", _CAJON_BASS.sub("kick", low))
    return low


def _rate_spelt(match: re.Match[str]) -> str:
    """A note value with one letter dropped, added, changed or swapped, spelt right."""
    word = match[0]
    if word in RATE_WORDS:
        return word
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
