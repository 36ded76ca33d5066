"""Every groove's grid as bit masks, so one constraint is held to the whole library at once.

`check.GridReader.closeness` says how near one grid comes to a constraint; retrieval asks it of
every groove for each constraint a request places, which in Python took about 0.8 ms a
constraint over the library. Here each voice's hits in each bar are one integer's bits (a step
a bit), stored per groove in numpy arrays, and a constraint's closeness is a few ORs, ANDs and
bit counts over all grooves together: the same figures, float for float (tested against
`GridReader.closeness` over the library).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .check import GridReader
from .instruments import BY_CODE, GHOSTS_ASIDE, REAL_HITS, SOUNDING
from .notation import Pattern
from .places import Constraint

MAX_STEPS_PER_BAR = 64  # a bar's steps must fit one unsigned 64-bit mask


class GridMasks:
    """The library's grids as per-voice, per-bar masks of real hits and of any sound."""

    def __init__(self, patterns: Sequence[Pattern]) -> None:
        n = len(patterns)
        self.bars = np.array([p.bars for p in patterns], dtype=np.int64)
        self._shape = (n, int(self.bars.max()) if n else 1)  # grooves x the most bars one has
        self._real = {code: np.zeros(self._shape, dtype=np.uint64) for code in BY_CODE}
        self._sound = {code: np.zeros(self._shape, dtype=np.uint64) for code in BY_CODE}
        meters: dict[tuple[str, int], list[int]] = {}  # (time signature, steps a bar) -> its grooves
        self._fallback = np.zeros(n, dtype=bool)  # grids no mask holds: read by `GridReader`
        self._patterns = list(patterns)
        for g, p in enumerate(patterns):
            spb = p.steps_per_bar
            if spb > MAX_STEPS_PER_BAR or p.length != p.bars * spb:
                self._fallback[g] = True
                continue
            meters.setdefault((p.time_signature, spb), []).append(g)
            for code, steps in p.tracks.items():
                if code not in BY_CODE:
                    continue
                for bar in range(p.bars):
                    cells = steps[bar * spb : (bar + 1) * spb]
                    self._real[code][g, bar] = _mask(i for i, s in enumerate(cells) if s in REAL_HITS)
                    self._sound[code][g, bar] = _mask(i for i, s in enumerate(cells) if s in SOUNDING)
        self._meters = {key: np.array(rows, dtype=np.int64) for key, rows in meters.items()}

    def closeness(self, c: Constraint) -> np.ndarray:
        """`GridReader.closeness` of ``c`` for every groove, in library order (float64)."""
        n = len(self.bars)
        voices = [v for v in c.voices if v in self._real]
        sound = self._either(self._sound, voices)
        if c.rule in ("absent", "present"):
            anywhere = (sound != 0).any(axis=1)
            out = (~anywhere if c.rule == "absent" else anywhere).astype(np.float64)
        else:
            out = np.zeros(n, dtype=np.float64)
            real = self._either(self._real, voices)
            soft = [v for v in voices if v not in GHOSTS_ASIDE]
            heard = real | self._either(self._sound, soft)
            for (meter, spb), rows in self._meters.items():
                wanted = c.steps(meter, spb)
                if wanted and max(wanted) < MAX_STEPS_PER_BAR:
                    out[rows] = _fit(c.rule, _mask(wanted), len(wanted), rows, real, heard, sound, self.bars)
                elif wanted:  # a step past any bar's mask: read grid by grid
                    out[rows] = [GridReader(self._patterns[g]).closeness(c) for g in rows]
        for g in np.flatnonzero(self._fallback):
            out[g] = GridReader(self._patterns[g]).closeness(c)
        return out

    def _either(self, masks: dict[str, np.ndarray], voices: list[str]) -> np.ndarray:
        """Per groove and bar, the steps where any of ``voices`` is in ``masks``."""
        out = np.zeros(self._shape, dtype=np.uint64)
        for v in voices:
            out |= masks[v]
        return out


def _mask(steps) -> int:
    """The steps (0-based within a bar) as one integer's bits."""
    out = 0
    for i in steps:
        out |= 1 << i
    return out


def _fit(
    rule: str,
    wanted: int,
    count: int,
    rows: np.ndarray,
    real: np.ndarray,
    heard: np.ndarray,
    sound: np.ndarray,
    bars: np.ndarray,
) -> np.ndarray:
    """Closeness of ``rows`` (grooves of one meter) to a rule on the ``wanted`` steps, bar by bar
    and in the order `GridReader.closeness` adds them, so the sums are the same floats."""
    want = np.uint64(wanted)
    nbars = bars[rows]
    total = np.zeros(len(rows), dtype=np.float64)
    for bar in range(int(nbars.max())):
        if rule == "off":
            part = 1 - np.bitwise_count(sound[rows, bar] & want).astype(np.float64) / count
        elif rule == "only":
            hit = np.bitwise_count(real[rows, bar] & want).astype(np.float64)
            part = hit / np.bitwise_count(heard[rows, bar] | want).astype(np.float64)
        else:
            part = np.bitwise_count(real[rows, bar] & want).astype(np.float64) / count
        total += np.where(bar < nbars, part, 0.0)
    return total / nbars
