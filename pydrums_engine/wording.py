"""How the engine says a list in a sentence: "kick, snare and hats", "steps 1, 5 and 9".

Replies, check problems, constraint texts and example captions all say lists this way, so
they read alike; one home keeps them so.
"""

from __future__ import annotations

from collections.abc import Iterable


def spoken_list(items: Iterable[str], last: str = "and") -> str:
    """Items joined with commas and ``last`` before the final one: "a, b and c"; "" for none."""
    words = list(items)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {last} " + words[-1]


def step_numbers(steps: Iterable[int]) -> str:
    """0-based steps as a drummer counts them, 1-based and in order: "1, 5 and 9"."""
    return spoken_list(str(s + 1) for s in sorted(steps))
