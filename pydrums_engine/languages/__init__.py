"""Other languages' words in a request, read as their English before anything else reads it.

A member types in the language they count in: "bombo en 1 y 3", "kick auf der 1 und 3",
"basdrum op de tel 1 en op de 'en' van 2", "kick på 1 och 3&", "stopa na 1 i 3", "hat wa
nashi". The drum nouns are the instrument table's aliases; what is turned into English here are
the small words that carry places, lengths and negation, and the inflected drum nouns, each
language's only where the request is in it: Dutch "en" is "and" where Spanish "en" is "on", and
Polish "na" is "on" where Portuguese "na" is "on the".
"""

from __future__ import annotations

import re

from .central import CZECH, HUNGARIAN, POLISH
from .east import RUSSIAN, TURKISH, UKRAINIAN
from .language import Language
from .nordic import DANISH, FINNISH, NORWEGIAN, SWEDISH
from .west import DUTCH, GERMAN

__all__ = ["LANGUAGES", "Language", "in_english"]

# Read in this order: a later table may count on an earlier one's English ("på" is "on" by the
# time the Danish table reads; Polish has read "bez" before Czech)
LANGUAGES: tuple[Language, ...] = (
    GERMAN, DUTCH, SWEDISH, POLISH, DANISH, NORWEGIAN, FINNISH, CZECH, HUNGARIAN, RUSSIAN, UKRAINIAN, TURKISH,
)  # fmt: skip
# "stopa na 1; 2&; 4", "werbel 2;4": a list of counts with semicolons, as some Europeans write it
# (typed right after the count: a line break reads as " ; ", a space before it)
_COUNTS_BY_SEMICOLON = re.compile(r"(?<=[\d&]);\s*(?=\d(?!\d*\s*(?:bars?|takt)))")


# A request in Spanish, French, Italian, Portuguese or German drum words ("bombo en 1 y 3, caja en
# 2 y 4", "grosse caisse sur 1 et 3", "cassa 1 e 3", "Bassdrum auf 1 und 3&"): the small words that
# carry places and lengths, read as their English; only where a drum word of those languages says
# the request is in one (the drum words are the table's aliases)
_FOREIGN_KIT = re.compile(
    r"\b(?:bombo|caja|platillos|compases|corcheas|grosse caisse|caisse claire|charley|croches"
    r"|cassa|rullante|piatti|battute|bumbo|caixa|pratos|compassos|bassdrum|becken|takte)\b"
)
_FOREIGN_WORDS = {
    "en": "on", "y": "and", "sur": "on", "et": "and", "sin": "without", "ni": "no", "con": "with",
    "compases": "bars", "compás": "bar", "compas": "bar", "mesures": "bars", "mesure": "bar",
    "corcheas": "8ths", "croches": "8ths", "semicorcheas": "16ths", "negras": "quarters", "noires": "quarters",
    "tambores": "drums", "el": "the", "la": "the", "las": "the", "los": "the", "le": "the", "les": "the",
    "del": "of the", "de": "of", "un": "a", "una": "a", "todas": "all", "todos": "all", "solo": "only",
    # Italian, Portuguese
    "su": "on", "em": "on", "senza": "without", "sem": "without", "com": "with", "battute": "bars",
    "battuta": "bar", "compassos": "bars", "compasso": "bar",
    "nada mais": "nothing else", "niente altro": "nothing else",
    # Italian places and note values ("cassa sul 1, sul 2& e sul 4", "open hat in levare")
    "sul": "on the", "sulla": "on the", "sulle": "on the", "sui": "on the", "in levare": "on the offbeats",
    "sui levare": "on the offbeats", "levare": "offbeats", "cassa dritta": "four on the floor",
    "cassa in 4": "four on the floor", "semiminime": "quarters", "crome": "8ths", "semicrome": "16ths",
    "ogni": "every", "non suona niente": "nothing", "niente": "nothing", "non": "not", "tutto anticipato": "",
    # Spanish, Portuguese
    "solo en el": "only on the", "solo en": "only on", "nada de": "no",
    # German
    "und": "and", "auf": "on", "mit": "with", "ohne": "without", "takte": "bars", "takt": "bar", "nur": "only",
    # French glue ("juste kick et clap", "petit fill de toms a la fin mais pas de crash")
    "à la fin": "at the end", "a la fin": "at the end", "al final": "at the end", "pas de": "no", "avec": "with",
    "sans": "without", "mais": "but", "pero": "but", "juste": "just", "pour": "for", "petit": "little",
}  # fmt: skip
# Small words only a French or Spanish request has: they say the request is in one, drum words or not
_FOREIGN_GLUE = re.compile(
    r"\b(?:et|sin|sans|avec|mais|juste|pour|mesures|compases|pas de|pero|en el)\b|\b[àa] la fin\b"
)
# a whole word, quoted or not ("el 'y' del 4"), not a contraction's piece
_FOREIGN_WORD = re.compile(
    r"(?<!\w)(?<!\w')(?:" + "|".join(map(re.escape, sorted(_FOREIGN_WORDS, key=len, reverse=True))) + r")(?![\w]|'\w)"
)  # longest first: "solo en el" before "solo"
# "sull'1": Italian's "on the" run into the count; Portuguese "em 2/4" is "in", not "on"
_RUN_IN = re.compile(r"\bsull'(?=\d)|\bem\s+(?=\d+\s*/\s*\d)")
# Italian, Portuguese "2 e 4", "no 1 e no 3": 2 and 4, 1 and 3 (not "1 e & a", counted aloud)
_COUNTS_JOINED_BY_E = re.compile(r"(?<=\d)\s+e\s+(?=\d|on\b|the\b)")
# "Bassdrum on the 1. and 3. beat": a count written as a German ordinal
_ORDINAL_DOT = re.compile(r"\b([1-9])\.(?=\s*(?:and|und|&|,|beat|schlag|count)\b|\s*,)")


# Portuguese alone: its "no" is "on the" ("bumbo no 1 e no 3"), where Spanish's is "not"
_PORTUGUESE_KIT = re.compile(r"\b(?:bumbo|caixa|chimbal|pratos|compassos|colcheias|virada)\b")
_PORTUGUESE_WORDS = {
    "no contratempo do": "on the and of", "contratempo do": "the and of", "contratempos": "offbeats",
    "no final": "at the end", "nos": "on the", "nas": "on the", "nada de": "no", "na": "on the", "do": "of",
    "da": "of", "virada": "fill",
    "tons": "toms", "colcheias": "8ths", "semicolcheias": "16ths", "semínimas": "quarters", "seminimas": "quarters",
}  # fmt: skip
_PORTUGUESE_WORD = re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, _PORTUGUESE_WORDS)) + r")(?![\w'])")
_NO_BEFORE_A_COUNT = re.compile(r"\bno\s+(?=\d)")


def in_english(low: str) -> str:
    """ "caja en 2 y 4" -> "caja on 2 and 4" (see `_FOREIGN_KIT`), "stopa na 1 i 3" -> "kick on 1 and
    3" (`LANGUAGES`); "the 1. and 3. beat" -> "the 1 and 3 beat" in any request."""
    low = _COUNTS_BY_SEMICOLON.sub(", ", _ORDINAL_DOT.sub(r"\1", low))
    for language in LANGUAGES:
        low = language.in_english(low)
    if _PORTUGUESE_KIT.search(low):
        low = _NO_BEFORE_A_COUNT.sub("on ", _PORTUGUESE_WORD.sub(lambda m: _PORTUGUESE_WORDS[m[0]], low))
    if _JAPANESE.search(low):
        low = _in_english_from_japanese(low)
    if not _FOREIGN_KIT.search(low) and not _FOREIGN_GLUE.search(low):
        return low
    low = _RUN_IN.sub(lambda m: "sul " if m[0].startswith("s") else "in ", low)
    return _COUNTS_JOINED_BY_E.sub(" and ", _FOREIGN_WORD.sub(lambda m: _FOREIGN_WORDS[m[0]], low))


# Japanese words in an English request ("hat nashi, kick to snare dake", "4小節 onegai", "1と3&")
_JAPANESE = re.compile(r"\b(?:onegai|nashi|dake|shousetsu|sanrenpu|zenbu|kudasai)\b|小節|と")
_JAPANESE_BARS = re.compile(r"(\d+)\s*(?:小節|shousetsu)")
_JAPANESE_NONE = re.compile(r"\b([a-z][a-z-]*)\s+(?:wa\s+|ga\s+|mo\s+)?nashi\b")  # "hat wa nashi": no hat
_JAPANESE_ONLY = re.compile(r"\b([a-z][a-z-]*(?:\s+to\s+[a-z][a-z-]*)+)\s+dake\b")  # "kick to snare dake"
_JAPANESE_WORDS = {"sanrenpu": "triplets", "zenbu": "all", "と": " and "}
_JAPANESE_PARTICLES = re.compile(r"\b(?:onegai(?:\s*shimasu)?|kudasai|yoroshiku|de\s+ii|wa|de)\b")


def _in_english_from_japanese(low: str) -> str:
    """ "hat wa nashi, kick to snare dake, 4小節" -> "no hat, only kick and snare, 4 bars"."""
    low = _JAPANESE_BARS.sub(r"\1 bars", low)
    low = _JAPANESE_NONE.sub(r"no \1", low)
    low = _JAPANESE_ONLY.sub(lambda m: "only " + m[1].replace(" to ", " and "), low)
    for word, english in _JAPANESE_WORDS.items():
        low = low.replace(word, english)
    return _JAPANESE_PARTICLES.sub(" ", low)
