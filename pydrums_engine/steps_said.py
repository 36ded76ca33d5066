"""Steps as a programmer numbers them, put in the reader's numbers (a sequencer's, from 1).

    'kick = [0, 6, 10] (0-indexed 16ths)'     -> 'kick = steps 1, 7 and 11 (16ths)'
    '{"kick": [0, 8], "hats": "8ths"}'         -> 'kick: steps 1 and 9, hats: 8ths'
    'open hat where step % 4 == 2'             -> 'open hat on steps 3, 7, 11 and 15'
    'if i in (0, 7, 8): kick(i)'               -> 'kick on steps 1, 8 and 9'
    'kick 0/8, snare 4/12'                     -> 'kick steps 1 and 9, snare steps 5 and 13'
    'kick 1, 4, 11 / snare 5, 13 (1-indexed)'  -> 'kick steps 1, 4 and 11 / snare steps 5 and 13'
    'snare only on 3 (step 8, 0-based)'        -> 'snare only on 3' (the count said it)
    'hats on every even step, 0-indexed'       -> 'hats on 8ths'

A request counts from zero when it says so ("0-indexed", "zero-based", "from 0", a modulo) or
when a list of steps holds a 0; then every step it numbers is one more in the reader's terms.
Lists of counts ("kick on 1 and 3") are left alone: a list is steps where it is bracketed,
follows "step(s)", "@" or "at" in such a request, or follows a drum with a number no count
of the bar reaches. Meters of eighths are left as they are: their steps are not a 16-step
grid's, and the reader says it cannot place them.
"""

from __future__ import annotations

import re

from .instruments import resolve_voices
from .wording import spoken_list

_ONE = r"\d{1,2}(?![\w-])"  # (not "8ths", "0-idx")
_LIST = rf"{_ONE}(?:\s*(?:,|/|\+|\band\b|&)\s*{_ONE})*"
_DONE = "qqstep"  # a list already put in the reader's numbers, named "steps" once all are
_NUMBER = re.compile(r"\d{1,2}")
_FROM_ZERO = re.compile(
    r"\b(?:0|zero)[\s-]*(?:indexed|based|idx|index|origin)\b"
    r"|\b(?:from|at)\s+(?:0|zero)\b(?!\s*(?:bpm|%|percent))|\bgrid\s*\[\s*0\s*\]|%\s*\d{1,2}\s*==?\s*\d"
)
_FROM_ONE = re.compile(r"\b(?:1|one)[\s-]*(?:indexed|based)\b|\(\s*1\s*\.\.\s*\d{1,2}\s*\)")
_EIGHTHS_METER = re.compile(r"\b(?:3|5|6|7|9|12)\s*/\s*8\b")  # (not "kick 0/8": steps 0 and 8)
_COUNTED_IN_EIGHTHS = re.compile(r"\b([5-79])\s*/\s*8\b")  # meters whose counts are the eighths
_QUARTERS_METER = re.compile(r"\b([2-7])\s*/\s*4\b")

_JSON_KEY = re.compile(r'"([a-z][a-z_ ]*)"\s*:')  # '"open_hat": [14]' -> 'open hat: [14]'
_JSON_TEXT = re.compile(r'"([^"\n]{1,20})"')  # '"hats": "8ths"' -> 'hats: 8ths'
_JSON_BRACES = re.compile(r"[{}]")
_RESTATED = re.compile(
    rf"(\b[1-7](?:&|\+|e|a)?|\bbeats?\s+[1-7]|\bthe\s+(?:and|&|e|a)\s+of\s+[1-7])"
    rf"\s*\(\s*(?:at\s+)?(?:steps?|idx|i|index)\s*[=:]?\s*\[?{_LIST}\]?[^()]*\)"
)  # "snare on 3 (step 8 zero-based)", "kick on beat 1 (step 0)": the count said it
_IF_IN = re.compile(
    rf"\bif\s+(?:i|step|idx|s|n)\s+in\s+[(\[]\s*({_LIST})\s*,?\s*[)\]]\s*:\s*([a-z][a-z_ ]*?)\s*\(\s*[a-z]*\s*\)"
)  # "if i in (0, 7, 8): kick(i)"
_IF_MODULO = re.compile(
    r"\bif\s+(?:i|step|idx|s|n)\s*%\s*(\d{1,2})\s*==?\s*(\d{1,2})\s*:\s*([a-z][a-z_ ]*?)\s*\(\s*[a-z]*\s*\)"
)  # "if i % 8 == 4: snare(i)"
_RESTATED_MODULO = re.compile(r"(?<=[a-z])\s*\(\s*(?:i|step|idx|n|s|x|pos)\s*%\s*\d{1,2}\s*==?\s*\d{1,2}\s*\)")
# ("ride on every quarter (i % 4 == 0)": the words said it)
_MODULO = re.compile(
    r"(?:\b(?:where|when|if|on|at)\s+)?(?:the\s+)?(?:\[\s*)?\b(?:i|step|steps|idx|n|s|x|pos)\s*%\s*(\d{1,2})"
    r"\s*==?\s*(\d{1,2})(?:\s*\])?"
)  # "kick where step % 4 == 0", "kick[i % 4 == 0]", "ride on i%4==0"
_BRACKETS = re.compile(rf"(?<![a-z])\[\s*({_LIST})\s*,?\s*\]")  # (not "grid[0]")
_STEPS = re.compile(rf"\b(?:steps?|idx|indices|index)\s*(?:[=:@]|\bat\b)?\s*({_LIST})")
_AT = re.compile(rf"(?:@|\bat\b)\s*({_LIST})")
_AFTER_WORD = re.compile(rf"\b([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)\s*[:=]?\s+(?:on\s+)?({_LIST})")
# "16 steps a bar", "(16 step bar, 0-based)", "over 16 steps": the grid, said once its lists are
# steps ("on all 16 steps" is a place, and stays)
_GRID_SAID = re.compile(
    r"\b(?:over\s+|in\s+|of\s+)?(?<!all\s)(?<!every\s)(?<!the\s)(?:16|sixteen|12|20|24|28|32)[\s-]*steps?\b"
    r"(?:\s+(?:a|per|each|in\s+a|in\s+the)\s+bar|\s+(?:bar|grid|loop|sequencer))?"
)
_LENGTH = re.compile(r"\blen\s*\(\s*(?:bars|pattern|loop)\s*\)\s*==?\s*([1-9]\d?)\b")  # "len(bars) == 8"
_EVEN_STEPS = re.compile(r"\b(?:every|each|all(?:\s+the)?)\s+even\s+steps?(?:\s+(?:idx|index|indices))?\b")
_ODD_STEPS = re.compile(r"\b(?:every|each|all(?:\s+the)?)\s+odd\s+steps?(?:\s+(?:idx|index|indices))?\b")


def steps_said(low: str) -> str:
    """The request with its numbered steps put as the reader numbers them (unchanged when it
    numbers none, or speaks of a meter of eighths)."""
    low = _LENGTH.sub(r"\1 bars", low)
    if _EIGHTHS_METER.search(low):
        return _eighths_from_zero(low)
    if _JSON_KEY.search(low):
        low = _JSON_BRACES.sub(" ", _JSON_TEXT.sub(r"\1", _JSON_KEY.sub(lambda m: f"{m[1].replace('_', ' ')}:", low)))
    from_zero = bool(_FROM_ZERO.search(low)) and not _FROM_ONE.search(low)
    low = _RESTATED.sub(r"\1", low)
    from_zero = from_zero or _zero_in_a_list(low)
    if not (from_zero or _FROM_ONE.search(low) or _BRACKETS.search(low)):
        return low  # no list said as steps
    shift = 1 if from_zero else 0
    size = _steps_a_bar(low)
    low = _GRID_SAID.sub(" ", low)
    if from_zero:
        low = _EVEN_STEPS.sub("8ths", _ODD_STEPS.sub("the e's and a's", low))
    low = _IF_IN.sub(lambda m: f" {_voice(m[2])} on {_steps(m[1], shift)} ", low)
    low = _IF_MODULO.sub(lambda m: f" {_voice(m[3])} on {_every(int(m[1]), int(m[2]), size)} ", low)
    low = _MODULO.sub(lambda m: f" on {_every(int(m[1]), int(m[2]), size)} ", _RESTATED_MODULO.sub("", low))
    low = _BRACKETS.sub(lambda m: _steps(m[1], shift), low)
    low = _STEPS.sub(lambda m: _steps(m[1], shift), low)
    low = _AT.sub(lambda m: f"on {_steps(m[1], shift)}" if _past_counts(m[1], shift, size) else m[0], low)
    return _AFTER_WORD.sub(lambda m: _after_voice(m, shift, size), low).replace(_DONE, "step")


def _eighths_from_zero(low: str) -> str:
    """ "6/8 ... 0-indexed: kick on [0], snare on [3]" -> "kick on 1, snare on 4": in 5/8, 6/8,
    7/8 and 9/8 a count is an eighth, so an eighth's index from zero is one less than its count."""
    meter = _COUNTED_IN_EIGHTHS.search(low)
    if meter is None or not _FROM_ZERO.search(low):
        return low
    counts = int(meter[1])

    def counted(match: re.Match[str]) -> str:
        numbers = [n + 1 for n in _numbers(match[match.lastindex or 0])]
        if max(numbers) > counts:
            return match[0]
        listed = spoken_list(str(n) for n in numbers)
        return f" on {listed}" if match.re is _AT else f" {listed}"

    return _AT.sub(counted, _STEPS.sub(counted, _BRACKETS.sub(counted, low)))


def _zero_in_a_list(low: str) -> bool:
    """ "kick steps [0, 10]", "kick 0/8": a step 0 is a count from zero."""
    lists = [m[1] for m in _BRACKETS.finditer(low)] + [m[1] for m in _STEPS.finditer(low)]
    lists += [m[2] for m in _AFTER_WORD.finditer(low) if resolve_voices(m[1].split()[-1])]
    return any(0 in _numbers(said) for said in lists)


def _numbers(said: str) -> list[int]:
    return [int(n) for n in _NUMBER.findall(said)]


def _steps(said: str, shift: int) -> str:
    """ "0, 6, 10" from zero -> "steps 1, 7 and 11"."""
    numbers = [n + shift for n in _numbers(said)]
    return f"{_DONE if len(numbers) == 1 else _DONE + 's'} {spoken_list(str(n) for n in numbers)}"


def _every(modulus: int, remainder: int, size: int) -> str:
    """ "step % 4 == 2" in a 16-step bar -> "steps 3, 7, 11 and 15" (always from zero)."""
    if modulus < 1 or remainder >= modulus:
        return f"every {modulus} steps"  # not a place: left for the reader to leave out
    return _steps(", ".join(str(n) for n in range(remainder, size, modulus)), 1)


def _after_voice(match: re.Match[str], shift: int, size: int) -> str:
    """ "kick 0/8", "snare 5, 13": a list after a drum is steps where no count reaches it."""
    words, said = match[1], match[2]
    name = words.removesuffix(" on")  # "clap on 4 and 12"
    voice = next((w for w in (name, name.split()[-1]) if resolve_voices(w)), None)
    if voice is None or not _past_counts(said, shift, size):
        return match[0]
    return f"{words} {_steps(said, shift)}"


def _past_counts(said: str, shift: int, size: int) -> bool:
    """A list of steps, not of counts: a number no count of the bar reaches (or a 0 counted
    from zero), and every number inside the bar."""
    numbers = _numbers(said)
    beats = size // 4
    return any(n > beats or (shift and n == 0) for n in numbers) and max(numbers) + shift <= size


def _voice(said: str) -> str:
    """ "open_hat" -> "open hat"."""
    return said.replace("_", " ").strip()


def _steps_a_bar(low: str) -> int:
    """The grid's steps in a bar of the meter said (of 4/4 when none is)."""
    for meter in _QUARTERS_METER.finditer(low):
        before = low[: meter.start()].split()
        if not (before and resolve_voices(before[-1].strip(":,"))):  # "snare 2/4" is counts
            return 4 * int(meter[1])
    return 16
