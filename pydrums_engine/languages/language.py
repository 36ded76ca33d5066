"""One language's words, read as English where the request is in it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

NUMBERS = ("1", "2", "3", "4", "5", "6", "7", "8")  # one to eight, as a table zips them with its words


@dataclass(frozen=True)
class Language:
    """One language's words, read as English where ``marker`` finds the request is in it."""

    name: str
    marker: re.Pattern[str]
    words: dict[str, str]
    pattern: re.Pattern[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        longest_first = sorted(self.words, key=len, reverse=True)  # "op de tel" before "op"
        alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in longest_first)
        object.__setattr__(self, "pattern", re.compile(rf"(?<!\w)(?<!\w')(?:{alternation})(?![\w]|'\w)"))

    def in_english(self, low: str) -> str:
        if not self.marker.search(low):
            return low
        return self.pattern.sub(lambda m: self.words[" ".join(m[0].split())], low)
