"""The library's grids as bit masks (`grid_masks.py`) rank exactly as each grid read alone does
(`check.GridReader.closeness`): the same floats, so a request's grid fit is unchanged."""

import numpy as np
import pytest

from pydrums_engine.check import GridReader
from pydrums_engine.grid_masks import GridMasks
from pydrums_engine.intent import parse_intent
from pydrums_engine.notation import Pattern
from pydrums_engine.places import ALL_VOICES, Constraint

REQUESTS = [
    "kick on 1 and 3, snare on 2 and 4, hats on eighths",
    "four on the floor, open hats on the offbeats, no crash",
    "nothing on the one, kick on the & of 1 and 3",
    "6/8, kick on 1 and 4, ride on every 8th",
    "12/8 slow blues, snare on 2 and 4, ride on the triplets",
    "one drop, cross-stick on 3",
    "snare only on 2 and 4 and no ghost notes on it",
    "with a cowbell, no hats at all",
    "5/4, kick on 1 and 4, snare on 3 and 5",
    "7/8 2+2+3, kick on 1, 3 and 5",
]


def constraints() -> list[Constraint]:
    found = {c for text in REQUESTS for c in parse_intent(text).constraints}
    found.add(Constraint(ALL_VOICES, ("1",), "off", "nothing on 1"))
    return sorted(found, key=repr)


def test_the_whole_library_fits_each_constraint_as_each_grid_alone(library):
    patterns = [g.pattern for g in library.grooves]
    masks = GridMasks(patterns)
    readers = [GridReader(p) for p in patterns]
    for c in constraints():
        alone = np.array([r.closeness(c) for r in readers], dtype=np.float64)
        assert np.array_equal(masks.closeness(c), alone), c


@pytest.mark.parametrize(
    ("tracks", "meter", "spb", "bars"),
    [
        # two bars that differ, ghost notes on the snare, an open hat: each bar counts on its own
        ({"bd": "x---x---x---x---x-x-----x---x---", "sd": "----x--o----x-------x--o----x--o",
          "oh": "--x---x---x---x-----------------"}, "4/4", 16, 2),
        ({"bd": "x-----x-----", "rc": "xxxxxxxxxxxx", "rs": "------x-----"}, "12/8", 12, 1),
        ({"bd": "x-x----x-----x", "sd": "---x-----x----"}, "7/8", 14, 1),
    ],
)  # fmt: skip
def test_hand_made_grids_fit_as_each_grid_alone(tracks, meter, spb, bars):
    pattern = Pattern.from_tracks(tracks, meter, spb)
    assert pattern.bars == bars
    masks = GridMasks([pattern])
    for c in constraints():
        assert masks.closeness(c)[0] == GridReader(pattern).closeness(c), c
