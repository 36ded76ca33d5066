"""Other ways of saying a place or a voice, put in the words the reader reads.

    "side stick on crotchets two and four"      -> "side stick on beats two and four"
    "kick on the last semiquaver of beat two"   -> "kick on the a of two"
    "bd on rows 00 06 08" (a tracker, from 00)  -> "bd on steps 1, 7 and 9"
    "kick = [0, 6, 10] (0-indexed)"             -> "kick = steps 1, 7 and 11" (`steps_said`)
    "shaker on every even step"                 -> "shaker on the e's and a's"
    "hats 2 & 4 w/ the foot"                    -> "pedal hi-hat 2 & 4"
    "that tumbling thing down the round drums"  -> "a tom fill"
    "kick on the oom (1)"                       -> "kick on 1"
    "snare on to and for period"                -> "snare on to and for ." (a phone's dictation)
    "cajon: bass on 1 and 3, slap on 2 and 4"   -> "cajon: kick on 1 and 3, snare on 2 and 4"
    "tenors on 2, basses on 1 and 3" (a drumline) -> "toms on 2, kick on 1 and 3"
    "kick in on 1, snare top on 2 and 3" (mics)  -> "kick on 1, snare on 2 and 3"
    "kick on 1 3 5 7 of the eight count"        -> "kick on 1 3 1 3" (a dancer's two bars of 4/4)
    "ride quavres, semiquvers on the hats"      -> "ride quavers, semiquavers on the hats"
    "ta ka di mi: kick on the mi of 2"          -> "ta ka di mi: kick on the a of 2"
    "12/8: kick on the let of 2, ride 1 la li"  -> "12/8: kick on the a of 2, ride 1, 1&, 1a"
    "kick plays ta ti-ti ta ta, hats ti-ti"     -> "kick plays 1, 2, 2&, 3, 4, hats 8ths" (Kodály)
    "snare on the a of 1 and & of 2 in each half" -> "... and the a of 3 and & of 4"

`parse_intent` runs `plain_words` over the lower-cased request before it reads anything, so
each of these is one rewrite here and no new form in the reader.
"""

from __future__ import annotations

import re

from .instruments import resolve_voices
from .reader_words import RATE_WORDS
from .steps_said import steps_said
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
# "skip the 2nd and 4th eighth of the bar", "nothing on the 1st 16th of the bar": counted from
# the bar's start (not "of beat 2", read above)
_ORDINAL = r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth)"
_NTH_IN_BAR = re.compile(
    rf"\bthe\s+({_ORDINAL}(?:\s*(?:,|and|&|or)\s*{_ORDINAL})*)\s+(sixteenth|16th|semiquaver|eighth|8th|quaver)s?"
    r"(?:\s+notes?)?(?:\s+of\s+(?:the|each|every)\s+bar\b|(?!\s+(?:of|in|note)\b))"
)
_ORDINAL_NUMBER = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8}
# "the and of the 3rd", "the e of the 2nd beat": the count ("the 2nd or 4th beat" -> "beats 2 or 4")
_PART_OF_ORDINAL = re.compile(r"\b(the\s+(?:and|&|e|a)\s+of)\s+the\s+([1-7])(?:st|nd|rd|th)\b(?:\s+beat\b)?")
_NTH_BEAT = re.compile(r"\bthe\s+([1-7])(?:st|nd|rd|th)\s+beat\b(?!s)")
_ORDINAL_BEATS = re.compile(r"\bthe\s+([1-7])(?:st|nd|rd|th)\s+(or|and|&)\s+([1-7])(?:st|nd|rd|th)\s+beats?\b")
# "a fill at the end of the 4th bar": of bar 4
_END_OF_NTH_BAR = re.compile(r"\bend\s+of\s+the\s+([1-8])(?:st|nd|rd|th)\s+(bar|measure)\b")
# "kick can go wherever but never on 2 or 4": the place ruled out is what it asks
_ANYWHERE_BUT = re.compile(
    r"\b(?:can\s+go\s+|goes\s+|go\s+|can\s+be\s+)?(?:anywhere|wherever|where\s+ever)(?:\s+(?:you|u)\s+(?:like|want))?"
    r"\s*,?\s+but\s+(?=(?:never|not)\s+on\b)"
)
# "every third 16th, but restart it on the 1 of every bar": how such a spacing is read already
_EVERY_THIRD = re.compile(r"\bevery\s+(?:3rd|third|three)\b")
_ONE_HIT_EVERY = re.compile(
    r"\b(?:one|a|1)\s+hit\s+(?=every\s+(?:3rd|third|three)\b)"
)  # "cowbell: one hit every three 8ths"
_RESTARTED = re.compile(
    r"\b(?:but\s+|and\s+|then\s+)?(?:re-?start|reset|start)(?:s|ing|ed)?(?:\s+(?:it|again|over|fresh|the\s+pattern))*"
    r"(?:\s+(?:on|from|at)\s+(?:the\s+)?(?:1|one)\b)?(?:\s+(?:of\s+|in\s+)?(?:every|each)\s+bar)?"
    r"(?:\s+and\s+(?:re-?start|reset)(?:\s+it)?(?:\s+(?:every|each)\s+bar)?)?"
)
# "big drum only on the 1 (nothing from it on 2 and 3)": none of that voice
_NOTHING_FROM_IT = re.compile(r"\bnothing\s+(?:from|of)\s+(?:it|them|that)\b")
# "the kick pattern in the pre-chorus should go 1, 1&, 3": which part of the song, said between
# the voice and its places
_IN_SECTION = re.compile(
    r"\s+(?:in|for|during)\s+the\s+(?:pre[\s-]?chorus|chorus|verse|bridge|intro|outro|hook|drop|breakdown)\b"
    r"(?=\s+(?:should|goes|go|plays|play|is|hits)\b)"
)
# "ride all the way thru": it plays, the whole pattern
_THE_WHOLE_WAY = re.compile(
    r"(?:^|(?<=[,.;:!])\s*|(?<=\s-)\s*|(?<=\band)\s+)([a-z]+(?:\s+[a-z]+)?)\s+(?:all\s+the\s+way(?:\s+(?:thru|through))?|throughout|the\s+whole\s+(?:time|way))\b"
)
# "claps speeding up at the end like a build up": that voice's fill
_SPEEDING_UP = re.compile(
    r"\b([a-z]+?)s?\s+(?:speeding\s+up|building(?:\s+up)?|getting\s+faster)\s+(?:at|into|towards?)\s+the\s+end\b"
)
# "without the jingly stuff (tambourine, shaker)": the things the aside names
_STUFF_NAMED = re.compile(r"\b(?:the\s+)?(?:[a-z]+\s+)?(?:stuff|things|bits)\s+\(([^()]+)\)")
# "dont put the kick under it on 3": where the other drum is, said again by its place
_UNDER_IT = re.compile(r"\b(?:under|below|beneath|against)\s+(?:it|that|them|this)\s+(?=on\b)")

_ORDER = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3}
_SIXTEENTH_PARTS = ("", "e", "and", "a")
_EIGHTH_PARTS = ("", "and")
_EVERY_BEAT_PARTS = {"": "every beat", "e": "the e's", "and": "the ands", "a": "the a's"}

# A drumline's sections on a kit: the basses are the kick, the tenors (quads, quints) the toms
_DRUMLINE = re.compile(
    r"\b(?:drum\s?line|marching|tenors|quads|quints|basses|cadences?|snare\s+line|battery|street\s+beat)\b"
)
_LINE_BASS = re.compile(r"\bbass(?:es)?\b(?!\s+(?:drums?|guitar|player|line|ist)\b)")
_LINE_TENORS = re.compile(r"\b(?:tenors|tenor\s+drums?|tenor\s+line|quads?|quints?)\b")

# A dancer's eight-count is two bars of 4/4: its 5, 6, 7, 8 are the second bar's 1, 2, 3, 4
_EIGHT_COUNT = re.compile(
    r"\b(?:of\s+)?(?:the\s+|an?\s+|each\s+|every\s+)?(?:eight|8)[\s-]?c(?:ou)?nts?\b"
    r"|\bcount(?:s|ing)?\s+(?:it\s+|them\s+)?in\s+eights\b|\bin\s+(?:my|our|their|your)\s+eights\b"  # not eighths
)
_DANCERS = re.compile(
    r"\b(?:choreo\w*|dancers?|dance|dancing|class|classes|combo|routine|zumba|aerobics|barre|ballroom|cheer\w*|hiit"
    r"|pilates|tabata"
    r"|workout|count\s+(?:it\s+)?(?:to\s+)?(?:8|eight|6|six))\b"
    r"|\b5[\s,-]+6[\s,-]+7[\s,-]+8\b|\bfive,?\s+six,?\s+seven,?\s+eight\b"  # the count-in: "5 6 7 8!"
    r"|\b1[\s,]+2[\s,]+3[\s,]+4[\s,]+5[\s,]+6[\s,]+7[\s,]+8\b"  # "cowbell on 1 2 3 4 5 6 7 8"
)
# "kick on all 8 counts": on every beat of both bars
_ALL_EIGHT = re.compile(r"\b(?:on\s+)?(?:all|every\s+one\s+of\s+the)\s+(?:8|eight)\s+counts\b")
_OTHER_METER = re.compile(
    r"\b\d{1,2}\s*/\s*(?:8|16)\b|\b[25-9]/4\b"  # ("snare on 2 and 4 / 6 and 8" is no meter)
    r"|\b(?:two|three|five|seven|nine|[23579])\s+(?:beats?|counts?)\s+(?:in|per|to|a)\b"  # "5 beats in a bar"
    r"|\b(?:two|five|six|seven|nine|twelve)[\s-]+(?:four|eight)\b|\bthree[\s-]+eight\b"  # "six eight feel"
)
_WALTZ = re.compile(r"\b3\s*/\s*4\b|\bwaltz")  # a waltz is danced in sixes: two bars of three
_LATE_COUNT = re.compile(
    r"(?<![\d/.])\b([4-8]|four|five|six|seven|eight)\b(?![\d/]|\.\d|\s*(?:bars?|bpm|times|x\b|counts?|beats?|eights))"
)
_COUNT_NUMBER = {"four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
# "4 eights", "two eights long": eight-counts, each two bars of 4/4
_EIGHTS_LONG = re.compile(r"\b(one|two|three|four|1|2|3|4)\s+(?:eights|8s|(?:eight|8)[\s-]?counts?)\b")
_HOW_MANY = {"one": 1, "two": 2, "three": 3, "four": 4}

# "odd beats kick, even beats snare": the beats said before the voice that plays them
_ODD_EVEN_FIRST = re.compile(r"\b((?:on\s+)?(?:the\s+)?(?:odd|even)\s+beats?)\s+([a-z]+(?:\s+[a-z]+)?)\b")

# A sound engineer names the drum by its mic or channel: "kick in", "snare top", "hat mic"
_CHANNEL = re.compile(
    r"(?<!\bleave\s)(?<!\btake\s)(?<!\bdrop\s)(?<!\bkeep\s)(?<!\bleft\s)(?<!\bthe\s)"  # not "leave the kick out on 4"
    r"\b(kick)\s+(?:in|out)\b(?=\s+(?:(?:on|hitting|hits?|playing|plays)\b|\d))"
    r"|\b(snare|hats?|hh|hi-?hats?|toms?|rack\s+tom|floor\s+tom|ride)\s+(?:top|bottom|btm|mics?|channel)\b"
    r"(?=\s+(?:(?:on|hitting|hits?|playing|plays|at|just)\b|\d))"
)

# "let the toms carry the backbeat", "floor tom takes the 2 and 4 instead": that voice on those places
_CARRIES = re.compile(
    r"\b([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)\s+(?:carry|carries|take|takes|play|plays|handle|handles|get|gets)\s+"
    r"(the\s+back\s?beats?|the\s+[1-7]\s+(?:and|&|n)\s+[1-7])\b(?:\s+on\s+2\s+(?:and|&|n)\s+4\b)?"
)  # ("the backbeat on 2 and 4": said twice)
_ON_THE_OFF = re.compile(r"\bon\s+the\s+offs?\b(?![\s-]*beats?)")  # "open hihat on the off": the offbeats
_WIDE_OPEN = re.compile(r"\b(?:wide|totally|completely)\s+(open|empty)\b")  # "leave the 1 wide open"
# "put the backbeat on the rim instead": that voice on the backbeat
_BACKBEAT_ON_VOICE = re.compile(r"\b(?:the\s+)?back\s?beats?\s+(?:on|to)\s+(?:the\s+)?([a-z-]+(?:\s+[a-z-]+)?)")

# "the shaker on every 1-ee-and-a": each sixteenth, counted aloud
_EVERY_SIXTEENTH_SAID = re.compile(r"\b(?:every|each|all\s+the)\s+1[\s-]+e+[\s-]+(?:and|&|n|an)[\s-]+(?:a|ah|uh|da)\b")

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


# A beat's triplet said by its syllable ("1 trip let", "1 la li") or its order: the middle one is
# the beat's "&", the last its "a" (as 12/8 is counted: 1 1& 1a 2 ...)
_TRIPLET_NAMES = {"trip": "and", "la": "and", "let": "a", "li": "a", "middle": "and", "second": "and", "last": "a"}
_TRIPLET = r"(?:trip|la|let|li|(?:middle|second|last)\s+(?:triplet|trip|partial)(?:\s+notes?)?)"
_TRIPLET_OF = re.compile(
    rf"\bthe\s+({_TRIPLET})\s+of\s+(?:(?:every|each|the)\s+beats?\b|(?:beats?\s+)?({_COUNT}(?:\s*(?:,|and|&)\s*{_COUNT})*)\b)"
)
_TRIPLET_ALONE = re.compile(r"\bthe\s+(middle|second|last)\s+(?:triplet|trip)(?:\s+notes?)?\b(?!\s+of\b)")
_TRIPLET_SUNG = re.compile(r"\b([1-9])[\s-]+(?:trip[\s-]+let|la[\s-]+li)\b")
_EVERY_PART = {"and": "the ands", "a": "the a's"}
_COMPOUND_METER = re.compile(r"\b(6|9|12)\s*/\s*8\b")
_EIGHTHS_METER = re.compile(r"\b\d{1,2}\s*/\s*8\b|\b(?:five|six|seven|nine|twelve)[\s-]+eight\b")  # "six-eight" too

# Kodály's rhythm syllables, as school music is taught: a beat is "ta", two eighths "ti-ti", four
# sixteenths "tika-tika" ("tiri-tiri"), "ti-ta-ti" (syncopa) an eighth, a quarter and an eighth,
# "ta-a" a half note; "z" or "rest" a beat's rest. A run of them from the bar's one is its
# onsets; "ti-ti" or "tika-tika" said alone is the rate ("hats ti-ti the whole way").
_KODALY = re.compile(
    r"\bti[\s-](?:ta[\s-])?ti\b|\bti[\s-]?ka\b|\btiri\b|\bsyncopa\b|\bkod[aá]ly\b|\borff\b|\bta\s+ta\b"
)
_SYLLABLES = {  # each: the onsets in eighths from its start, and its length in eighths
    "ta-a-a-a": ((0,), 8), "ta-a": ((0,), 4), "ta": ((0,), 2), "z": ((), 2), "rest": ((), 2),
    "ti-ta-ti": ((0, 1, 3), 4), "syncopa": ((0, 1, 3), 4), "ti-ti": ((0, 1), 2),
    "tika-tika": ((0, 0.5, 1, 1.5), 2), "tiri-tiri": ((0, 0.5, 1, 1.5), 2),
    "ti-tika": ((0, 1, 1.5), 2), "tika-ti": ((0, 0.5, 1), 2),
}  # fmt: skip
_SYLLABLE = (  # the longer first, so that a run's units split as they were said
    r"(?:ti[\s-]ta[\s-]ti|ti[\s-]?ka[\s-]ti[\s-]?ka|tiri[\s-]tiri|ti[\s-]ti[\s-]?ka|ti[\s-]?ka[\s-]ti|ti[\s-]ti"
    r"|tah?(?:[\s-]a){0,3}|syncopa|rest|z)"
)
_ONE_SYLLABLE = re.compile(_SYLLABLE)
_SYLLABLE_RUN = re.compile(rf"\b{_SYLLABLE}(?:[\s,]+{_SYLLABLE})*\b")
_EIGHTH_PLACES = ("", "e", "&", "a")
_EVERY_TI = re.compile(r"\b(?:every|each)\s+ti\b")

# Punctuation said aloud to a dictating phone: "snare on to and for period"
_SPOKEN_MARKS = re.compile(r"\b(comma|period|full\s+stop|question\s+mark|exclamation\s+(?:mark|point)|new\s+line)\b")
_MARKS = {"comma": ",", "period": ".", "question": "?", "exclamation": "!", "full": ".", "new": "."}
# Counts a phone heard as words: "the and of to" (2&), "for bars" (four bars), "eight oh eight" (808)
_PART_OF_HOMOPHONE = re.compile(r"\b(the\s+(?:and|&|e|a|ah|uh)\s+of)\s+(won|to|too|for|fore)\b")
_HOMOPHONES = {"won": "1", "to": "2", "too": "2", "for": "4", "fore": "4"}
# Eighths and ands as a phone hears them: "cow bell on every ate note", "kick on the ants", "the ant of 2"
_EIGHTHS_HEARD = re.compile(r"\b(?:ate|8)\s+(notes?)\b|\b(every|each)\s+ate\b")
_ANDS_HEARD = re.compile(r"\bthe\s+ants\b|\bants\b(?=\s+only\b)")
_AND_OF_HEARD = re.compile(r"\b(the\s+)?ant\s+of\b")
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


# Gear talk: "my toms are at the repair shop", "both my rack toms are busted", "ride's cracked":
# that drum is not there to play
_OUT_OF_ACTION = re.compile(
    r"\b(?:(?:both\s+)?(?:my|our|the)\s+)?([a-z][a-z-]*(?:\s[a-z][a-z-]*)?)"
    r"(?:'s|\s+(?:is|are|got|was|were|has\s+been|have\s+been))\s+(?:cracked|broken|busted|stolen|missing|dead"
    r"|at\s+the\s+(?:repair\s+)?shop|in\s+the\s+shop|being\s+(?:fixed|repaired))\b"
)
# "hihat remove": a word order of English as a second language
_VOICE_REMOVED = re.compile(r"\b([a-z][a-z-]*(?:\s[a-z][a-z-]*)?)\s+(?:remove|removed|delete|deleted)\b")
_NOTES_BY_NUMBER = re.compile(r"\b(8|16)\s+notes?\b")  # "16 notes hihat all bar": sixteenths


def plain_words(low: str) -> str:
    """The request with each of these ways of saying a place or a voice put plainly."""
    if (_EIGHT_COUNT.search(low) or _DANCERS.search(low)) and not _OTHER_METER.search(low):
        low = _EIGHTS_LONG.sub(lambda m: f"{2 * (_HOW_MANY.get(m[1]) or int(m[1]))} bars", low)
        low = _danced(_EIGHT_COUNT.sub(" ", _ALL_EIGHT.sub(" on every beat", low)))  # first: "4 eights" is no
        # slip of "eighths"
    low = steps_said(_SPOKEN_MARKS.sub(lambda m: f" {_MARKS[m[1].split()[0]]} ", low))
    low = _PART_OF_HOMOPHONE.sub(lambda m: f"{m[1]} {_HOMOPHONES[m[2]]}", low)
    low = _TWO_AND_FOUR_HEARD.sub("2 and 4", low)
    low = _EIGHTHS_HEARD.sub(lambda m: f"eighth {m[1]}" if m[1] else f"{m[2]} eighth", low)
    low = _AND_OF_HEARD.sub(lambda m: f"{m[1] or ''}and of", _ANDS_HEARD.sub("the ands", low))
    if "bar" in low or "measure" in low:
        low = _BARS_HEARD.sub(lambda m: f"{'four' if m[1] == 'for' else 'two'} {m[2]}", low)
    low = _EIGHT_OH_EIGHT.sub("808", low)
    low = _OUT_OF_ACTION.sub(lambda m: f"no {voice}" if (voice := voice_in(m[1], last=True)) else m[0], low)
    low = _VOICE_REMOVED.sub(lambda m: f"no {m[1]}" if resolve_voices(m[1]) else m[0], low)
    low = _NOTES_BY_NUMBER.sub(lambda m: f"{m[1]}ths", low)
    low = _FOUR_BY_FOUR.sub("four on the floor", low)
    low = _EACH_HALF.sub(_in_each_half, low)
    low = _WORD.sub(_rate_spelt, low)
    low = _NUMBERED_BEATS.sub("beats ", low)
    low = _NTH_NOTE.sub(_nth_note, low)
    low = _NTH_IN_BAR.sub(lambda m: _nth_in_bar(m, low), low)
    low = _ORDINAL_BEATS.sub(r"beats \1 \2 \3", _PART_OF_ORDINAL.sub(r"\1 \2", low))
    low = _ANYWHERE_BUT.sub("", _NTH_BEAT.sub(r"beat \1", low))
    low = _RESTARTED.sub(" ", _ONE_HIT_EVERY.sub("on ", low)) if _EVERY_THIRD.search(low) else low
    low = _NOTHING_FROM_IT.sub("none", _IN_SECTION.sub("", low))
    low = _SPEEDING_UP.sub(lambda m: f"a {m[1]} fill at the end" if resolve_voices(m[1]) else m[0], low)
    low = _STUFF_NAMED.sub(lambda m: m[1] if resolve_voices(m[1].split(",")[0].strip()) else m[0], low)
    low = _THE_WHOLE_WAY.sub(_the_whole_way, low)
    low = _UNDER_IT.sub("", _END_OF_NTH_BAR.sub(r"end of \2 \1", low))
    low = _MIDDLE_AND_PLACE.sub("", low)
    low = _NAMED_THEN_COUNTED.sub(lambda m: m[0] if resolve_voices(m[1]) else f"on {m[2]}", low)
    low = _TRACKER_ROWS.sub(_tracker_rows, low)
    low = _EVEN_STEPS.sub("the e's and a's", low)
    low = _HAT_BY_FOOT.sub(r"pedal hi-hat\1", low)
    low = _FOOT_SOUND.sub(r"\1", low)
    low = _DOWN_THE_TOMS.sub(_tom_fill, low)
    if _KODALY.search(low) and not _TAKADIMI.search(low):
        low = _EVERY_TI.sub("every 8th", _SYLLABLE_RUN.sub(_kodaly, low))
    if _TAKADIMI.search(low):
        low = _SYLLABLE_OF.sub(lambda m: f"the {part} of " if (part := _SYLLABLE_PARTS[m[1]]) else "", low)
        low = _EVERY_SYLLABLE.sub(lambda m: _EVERY_BEAT_PARTS[_SYLLABLE_PARTS[m[1]]], low)
    low = _CHANNEL.sub(lambda m: m[1] or m[2], _ODD_EVEN_FIRST.sub(_voice_first, low))
    low = _EVERY_SIXTEENTH_SAID.sub("16ths", _BACKBEAT_ON_VOICE.sub(_backbeat_on, low))
    low = _WIDE_OPEN.sub(r"\1", _CARRIES.sub(_carries, _ON_THE_OFF.sub("on the offbeats", low)))
    if _COMPOUND_METER.search(low):  # a 4/4 grid of sixteenths has no triplets to name
        low = _TRIPLET_OF.sub(lambda m: _triplet_of(m, low), low)
        low = _TRIPLET_ALONE.sub(lambda m: _every_beats(_TRIPLET_NAMES[m[1]], low), low)
        low = _TRIPLET_SUNG.sub(lambda m: f"{m[1]}, {m[1]}&, {m[1]}a", low)
    if _CAJON.search(low):
        low = _CAJON_SLAP.sub("snare", _CAJON_BASS.sub("kick", low))
    if _DRUMLINE.search(low):
        low = _LINE_TENORS.sub("toms", _LINE_BASS.sub("kick", low))
    return low


def _kodaly(match: re.Match[str]) -> str:
    """ "ta ti-ti ta ta" -> "1, 2, 2&, 3, 4"; "ti-ti" alone -> "8ths"; a run past a bar of 4/4 is
    left as it is."""
    said = _ONE_SYLLABLE.findall(match[0])
    units = [re.sub(r"^tah", "ta", re.sub(r"[\s-]+", "-", s).replace("ti-ka", "tika")) for s in said]
    if any(u not in _SYLLABLES for u in units):
        return match[0]
    if len(set(units)) == 1 and units[0] in ("ti-ti", "tika-tika", "tiri-tiri"):  # "ti-ti ti-ti all bar"
        return "8ths" if units[0] == "ti-ti" else "16ths"
    if len(units) < 2 and units != ["syncopa"] and units != ["ti-ta-ti"]:
        return match[0]  # "ta" alone: a word, not yet a rhythm
    places, at = [], 0.0
    for unit in units:
        onsets, length = _SYLLABLES[unit]
        places += [at + o for o in onsets]
        at += length
    if at > 8:
        return match[0]
    return ", ".join(f"{int(p // 2) + 1}{_EIGHTH_PLACES[int(p % 2 * 2)]}" for p in places)


def _the_whole_way(match: re.Match[str]) -> str:
    """ "ride all the way thru" -> "with ride" (a voice said alone before it; "8ths all the way" stays)."""
    before = match[0][: match.start(1) - match.start()]
    voice = voice_in(match[1], last=True)
    return f"{before}{match[1][: len(match[1]) - len(voice)]}with {voice}" if voice else match[0]


def _triplet_of(match: re.Match[str], low: str) -> str:
    """ "the let of 2" -> "the a of 2"; "the middle triplet of every beat" -> "the ands"."""
    part = _TRIPLET_NAMES[match[1].split()[0]]
    if match[2] is None:
        return _every_beats(part, low)
    counts = re.findall(r"[1-7]|one|two|three|four|five|six|seven", match[2])
    return " and ".join(f"the {part} of {n}" for n in counts)


def _every_beats(part: str, low: str) -> str:
    """Every beat's last triplet: "the a's"; its middle one counted out ("the and of 1 and the
    and of 2" in 6/8), as "the offbeats" are not a triplet's."""
    compound = _COMPOUND_METER.search(low)
    if part == "a" or compound is None:
        return _EVERY_PART[part]
    return " and ".join(f"the and of {n}" for n in range(1, int(compound[1]) // 3 + 1))


def _carries(match: re.Match[str]) -> str:
    """ "the toms carry the backbeat" -> "toms on the backbeat" (not "the band plays the 2 and 4")."""
    voice = voice_in(match[1], last=True)
    places = match[2].removeprefix("the ")
    return f"{voice} on {'the backbeat' if 'back' in places else places}" if voice else match[0]


def _backbeat_on(match: re.Match[str]) -> str:
    """ "the backbeat on the hat foot" -> "hat foot on the backbeat" ("the backbeat on 2" stays)."""
    voice = voice_in(match[1])
    return f"{voice} on the backbeat{match[1][len(voice) :]}" if voice else match[0]


def _danced(low: str) -> str:
    """A dancer's counts on the bar: an eight-count is two bars of 4/4 (5 is the second bar's 1), a
    waltz's six two bars of 3/4; "4 eights" is eight bars."""
    beats = 3 if _WALTZ.search(low) else 4

    def on_the_bar(match: re.Match[str]) -> str:
        n = _COUNT_NUMBER.get(match[1]) or int(match[1])
        return str((n - 1) % beats + 1) if n <= 2 * beats and n > beats else match[0]

    on_bars = _LATE_COUNT.sub(on_the_bar, low)
    return on_bars if on_bars == low else f"{on_bars} ; in {beats}/4"  # counted in eights: that meter


def _voice_first(match: re.Match[str]) -> str:
    """ "odd beats kick" -> "kick on odd beats" (two words: "even beats floor tom"; one: "odd
    beats kick and ...")."""
    voice = voice_in(match[2])
    return f"{voice} on {match[1].removeprefix('on ')}{match[2][len(voice) :]}" if voice else match[0]


def voice_in(words: str, last: bool = False) -> str:
    """The voice two words name ("floor tom"), else their first (or ``last``) word's ("kick" of
    "kick and"), else ""."""
    one = words.split()[-1 if last else 0]
    return next((w for w in (words, one) if resolve_voices(w)), "")


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


def _nth_in_bar(match: re.Match[str], low: str) -> str:
    """ "the 2nd and 4th eighth" -> "1& and 2&" (in 7/8 or 12/8 each eighth is a count)."""
    numbers = [int(o[:-2]) if o[0].isdigit() else _ORDINAL_NUMBER[o] for o in re.findall(_ORDINAL, match[1])]
    per_beat = 4 if match[2] in ("sixteenth", "16th", "semiquaver") else 2
    if _EIGHTHS_METER.search(low):  # 7/8, 12/8: each eighth is a count
        return match[0] if per_beat == 4 else " and ".join(str(n) for n in numbers)
    parts = ("", "e", "&", "a") if per_beat == 4 else ("", "&")
    if any(not 1 <= n <= 4 * per_beat for n in numbers):
        return match[0]
    return " and ".join(f"{(n - 1) // per_beat + 1}{parts[(n - 1) % per_beat]}" for n in numbers)


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
