"""Steps as a programmer numbers them (`steps_said.py`): read where a drummer's counts would be,
and counts left as counts."""

import pytest

from pydrums_engine.intent import parse_intent

from .readings import places


@pytest.mark.parametrize(
    ("text", "voice", "where"),
    [
        ("kick = [0, 6, 10], snare = [4, 12] (0-indexed 16ths)", "bd", ("1", "2&", "3&")),
        ("kick = [0, 6, 10], snare = [4, 12] (0-indexed 16ths)", "sd", ("2", "4")),
        ("kick steps [0, 10], snare [4, 12]", "bd", ("1", "3&")),  # a step 0 says it counts from zero
        ('{"kick": [0, 8, 11], "snare": [4, 12], "hats": "8ths"} 0-based', "bd", ("1", "3", "3a")),
        ("kick where step % 4 == 0, open hat where step % 4 == 2", "oh", ("1&", "2&", "3&", "4&")),
        ("kick[i % 4 == 0] over 16 steps, clap on 2 and 4 only", "cp", ("2", "4")),  # the counts stay counts
        ("for i in range(16):\n  if i in (0, 7, 8): kick(i)\n  if i % 8 == 4: snare(i)", "bd", ("1", "2a", "3")),
        ("for i in range(16):\n  if i in (0, 7, 8): kick(i)\n  if i % 8 == 4: snare(i)", "sd", ("2", "4")),
        ("kick 0/8, snare 4/12, hats every step", "sd", ("2", "4")),
        ("using 1-indexed steps (1..16): kick 1, 4, 11 / snare 5, 13", "bd", ("1", "1a", "3&")),
        ("half-time, snare only on 3 (step 8 zero-based)", "sd", ("3",)),  # the step restates the count
        ("3/4, 12 steps a bar: kick @ step 0, snare @ 4 and 8", "sd", ("2", "3")),
        ("5/4, 20 steps each. kick at steps 0 and 8, snare at 12 (0-idx)", "bd", ("1", "3")),
        ("6/8 as 6 eighths per bar, 0-indexed: kick on [0], snare on [3]", "sd", ("4",)),
        ("floor tom on every even step, 0-indexed. snare 2/4", "lt", ("eighths",)),
        ("floor tom on every even step, 0-indexed. snare 2/4", "sd", ("2", "4")),  # "2/4": counts, not a meter
        ("ride on every quarter (i % 4 == 0), ride bell on i%4==2", "rb", ("1&", "2&", "3&", "4&")),
    ],
)
def test_steps_counted_from_zero_or_one_land_where_they_were_meant(text, voice, where):
    assert places(text)[voice] == where


@pytest.mark.parametrize(
    ("text", "voice", "where"),
    [
        ("kick on 1 and 3, snare on 2 and 4 (0-indexed grid)", "bd", ("1", "3")),  # counts, said as counts
        ("kick on steps 1 and 9, snare on steps 5 and 13", "sd", ("2", "4")),  # from one, as a sequencer's pads
        ("shaker on all 16 steps, kick at [0, 8]", "sh", ("sixteenths",)),  # a place, not the grid's size
    ],
)
def test_counts_and_steps_from_one_are_left_as_they_were(text, voice, where):
    assert places(text)[voice] == where


def test_the_length_of_a_list_of_bars_is_the_bars():
    assert parse_intent("len(bars) == 8. just a straight house loop").bars == 8
