"""The reader's state and the small moves every form makes over the tokens.

A part of the token reader (`reader.py`), which tries each form at each token.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from .places import ALL_VOICES, Constraint
from .reader_words import (
    BAR_MARK,
    CLAUSE_ENDS,
    PLEASE,
)


@dataclass
class ReaderBase:
    """The tokens, what was read so far, and the lookups each form uses."""

    tokens: list[str]
    unplaced: list[str]
    meter: str | None = None  # the meter the words name, when they name one
    fill: str | None = None  # the fill's voice, when a fill is asked for ("on the toms" is the fill's)
    # "grid": every number is a sixteenth grid's step ("16 step grid: kick on 1 5 9 13");
    # "named": a list is steps where it says "step(s)" or a number is past the bar's count
    # ("kick on 1, 2+ and 16th step 12": the 1 and 2+ are counts, the 12 a step)
    steps: str = ""
    bar_refs: list[str] = field(default_factory=list)  # the words behind each BAR_MARK, in order
    some_bars: list[Constraint] = field(default_factory=list)  # places said of some bars only (`_one_bar`)
    feel_rules: list[Constraint] = field(default_factory=list)  # what "half-time", "one drop" imply (`_idiom`)
    said_late: list[Constraint] = field(default_factory=list)  # read once every form has had its say (`_gallop`)
    _in_steps: bool = False  # the list being read is steps
    out: list[Constraint] = field(default_factory=list)
    _last_end: int | None = None  # where the last voice's explicit places ended
    _read_back: set[int] = field(default_factory=set)  # tokens read by a later form ("hit that": `_those`)
    _ghostless: list[tuple[str, ...]] = field(default_factory=list)  # voices said to have no ghost notes
    _voices_at: dict[int, tuple[tuple[str, ...], int]] = field(default_factory=dict)

    def _supersede(self, old: Constraint, new: Constraint) -> None:
        """Put ``new`` where ``old`` was read (the latest such constraint, not merely the last one)."""
        at = len(self.out) - 1 - self.out[::-1].index(old)
        self.out[at] = new

    def _last_placed(self) -> Constraint | None:
        """The last constraint that puts voices on places (not "with a cowbell", not a "no")."""
        return next((c for c in reversed(self.out) if c.rule in ("on", "only") and c.places != ("all",)), None)

    def _taken(self) -> tuple[str, ...]:
        """Every place a voice was put on so far ("hats on the remaining 16ths": the others), and
        every place kept silent ("nothing on the one ... hats on the rest of the 8ths")."""
        silent = (c for c in self.out if c.rule == "off" and len(c.voices) == len(ALL_VOICES))
        placed = (c for c in self.out if c.rule in ("on", "only") and c.places != ("all",))
        return tuple(p for c in (*placed, *silent) for p in c.places)

    def _voices_said_last(self) -> tuple[str, ...]:
        """The voices of the last constraint that names some ("it", "them": `_pronoun`, `_move`)."""
        return next((c.voices for c in reversed(self.out) if len(c.voices) < len(ALL_VOICES)), ())

    def _clause_start(self, i: int) -> int:
        """Where the clause holding token i begins (after the last comma, semicolon or stop)."""
        return next((k + 1 for k in range(i - 1, -1, -1) if self.tokens[k] in CLAUSE_ENDS), 0)

    def _at(self, i: int, *words: str) -> bool:
        """Whether the tokens from i on are ``words`` (asked thousands of times a request: one word first)."""
        t = self.tokens
        if len(words) == 1 and 0 <= i < len(t):
            return t[i] == words[0]
        return tuple(t[i : i + len(words)]) == words

    def _phrase(self, i: int, phrases: Collection[tuple[str, ...]]) -> tuple[str, ...] | None:
        """The first of ``phrases`` (in their order) the tokens from i on say, None if none."""
        t = self.tokens
        if not 0 <= i < len(t):
            return None
        for words in _by_first_word(phrases).get(t[i], ()):
            if self._at(i, *words):
                return words
        return None

    def _phrase_length(self, i: int, phrases: Collection[tuple[str, ...]]) -> int:
        """How many tokens from i the first of ``phrases`` said there takes (0 if none is)."""
        return len(self._phrase(i, phrases) or ())

    def _skip(self, i: int, words: frozenset[str]) -> int:
        while i < len(self.tokens) and self.tokens[i] in words:
            i += 1
        return i

    def _said(self, i: int, j: int) -> str:
        """The request's words from token i to j, a bar's mark put back as it was typed."""
        refs = iter(self.bar_refs[self.tokens[:i].count(BAR_MARK) :])
        return " ".join(next(refs, "that bar") if w == BAR_MARK else w for w in self.tokens[i:j])

    def _ends_clause(self, i: int) -> bool:
        """Whether the clause ends at i (the words run out, a comma or stop, or "pls")."""
        return i >= len(self.tokens) or self.tokens[i] in CLAUSE_ENDS | PLEASE


_FIRST_WORDS: dict[int, tuple[Collection[tuple[str, ...]], dict[str, tuple[tuple[str, ...], ...]]]] = {}


def _by_first_word(phrases: Collection[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """``phrases`` grouped by their first word, in order, made once per collection: the reader
    asks for a phrase at every token, and most tokens start none (the collections are the
    module constants and literals of the forms, kept alive here so an id is never reused)."""
    kept = _FIRST_WORDS.get(id(phrases))
    if kept is None or kept[0] is not phrases:
        grouped: dict[str, list[tuple[str, ...]]] = {}
        for words in phrases:
            grouped.setdefault(words[0], []).append(words)
        kept = _FIRST_WORDS[id(phrases)] = (phrases, {w: tuple(g) for w, g in grouped.items()})
    return kept[1]
