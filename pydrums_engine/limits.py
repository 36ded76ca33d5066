"""The engine's limits, in one place: the CLI, the bot's option ranges and every check read them.

A limit written twice drifts: bpm 40-240 was once spelled out in nine places.
"""

from __future__ import annotations

from .errors import InputError

BPM_MIN = 40
BPM_MAX = 240
BARS_MIN = 1
BARS_MAX = 8  # a pattern is 1 to 8 bars (the notation's MAX_BARS)
K_MIN = 1
K_MAX = 50  # library hits one search may return
DESCRIPTION_MAX = 300  # characters of a request
CANDIDATES_DEFAULT = 3  # model answers tried for one request, the best by the check kept
CANDIDATES_MAX = 8
HUMANIZE_MIN, HUMANIZE_MAX = 0, 100  # 0 exactly on the grid; the default is render.performance's
SWING_MIN, SWING_MAX = 0, 100  # a swing amount: 0 straight, 100 full triplet swing
LOOPS_MIN, LOOPS_MAX = 1, 16  # times an exported MIDI/WAV plays the pattern (16 x 8 bars is plenty)
ANSWER_MAX_BYTES = 64 * 1024  # of one reply from the model server; a real chat reply is a few kB
FORM_LETTERS = "ABCD"  # A the groove asked for, B a chorus, C a bridge, D a breakdown
MAX_SECTIONS = 8  # letters in a song form (AABA is four)
MAX_SONG_BARS = 64  # bars of a whole song: sections x bars per section


def check_bpm(bpm: int | None) -> None:
    """InputError unless ``bpm`` is None or within BPM_MIN..BPM_MAX."""
    if bpm is not None and not BPM_MIN <= bpm <= BPM_MAX:
        raise InputError(f"bpm must be from {BPM_MIN} to {BPM_MAX}, not {bpm}")


def check_bars(bars: int | None) -> None:
    """InputError unless ``bars`` is None or within BARS_MIN..BARS_MAX."""
    if bars is not None and not BARS_MIN <= bars <= BARS_MAX:
        raise InputError(f"bars must be from {BARS_MIN} to {BARS_MAX}, not {bars}")


def check_k(k: int) -> None:
    """InputError unless ``k`` is within K_MIN..K_MAX."""
    if not K_MIN <= k <= K_MAX:
        raise InputError(f"k must be from {K_MIN} to {K_MAX}, not {k}")


def folded(text: str | None) -> str:
    """``text`` with runs of spaces folded and blank lines dropped, its line breaks kept: a
    pasted list ("kick - 1 / 3" on one line, "snare - 2/4" on the next) is one clause a line."""
    lines = (" ".join(line.split()) for line in (text or "").splitlines())
    return "\n".join(line for line in lines if line)


def check_description(description: str | None) -> str:
    """The request with its whitespace folded, or an InputError saying what is wrong."""
    text = folded(description)
    if not text:
        raise InputError("describe the groove you want, e.g. 'groovy funk with ghost notes'")
    if len(text) > DESCRIPTION_MAX:
        raise InputError(f"the description is {len(text)} characters; keep it to {DESCRIPTION_MAX}")
    return text


def check_form(form: str | None, bars: int) -> str | None:
    """The form in capitals (``"aaba"`` → ``"AABA"``), or an InputError naming what is wrong.

    ``bars`` is bars per section, so the song is ``len(form) * bars`` bars long.
    """
    if form is None:
        return None
    letters = "".join(form.split()).upper()
    if not letters:
        return None
    wrong = sorted(set(letters) - set(FORM_LETTERS))
    if wrong:
        named = ", ".join(repr(w) for w in wrong)
        raise InputError(
            f"form {form.strip()!r} has {named}; write one letter per section, "
            f"{', '.join(FORM_LETTERS[:-1])} or {FORM_LETTERS[-1]} (e.g. AABA)"
        )
    if len(letters) > MAX_SECTIONS:
        raise InputError(f"form {letters} has {len(letters)} sections; a song has at most {MAX_SECTIONS}")
    if len(letters) * bars > MAX_SONG_BARS:
        raise InputError(
            f"form {letters} at {bars} bars a section is {len(letters) * bars} bars; "
            f"a song is at most {MAX_SONG_BARS} bars, so use fewer sections or fewer bars"
        )
    return letters


VOTE_NUDGE_MAX = 0.04  # the most votes add to (or take from) a groove's search score: relevance leads
