"""Half-time, double-time, bar counts, variations and fills, as a drummer would play them."""

from __future__ import annotations

from pydrums_engine.intent import parse_intent
from pydrums_engine.notation import parse_pattern
from pydrums_engine.transforms import double_time, half_time, to_bars
from pydrums_engine.variation import add_fill, fill_start, vary

ROCK = parse_pattern("ch: x-x-x-x-x-x-x-x-\nsd: ----x-------x---\nbd: x-------x-x-----")


def test_half_time_moves_the_backbeat_to_three_over_twice_the_steps():
    half = half_time(ROCK)
    assert half.length == 32 and half.bars == 2
    assert half.hits("sd") == [8, 24]  # beat 3 of each bar
    assert half.hits("bd") == [0, 16, 20]
    assert half.steps("ch") == ROCK.steps("ch") * 2  # the hats keep their eighths


def test_double_time_plays_the_figure_in_half_the_steps():
    double = double_time(ROCK)
    assert double.length == 16
    assert double.hits("sd") == [2, 6, 10, 14]  # one backbeat every beat
    assert double.hits("bd") == [0, 4, 5, 8, 12, 13]
    assert double.steps("ch") == ROCK.steps("ch")


def test_to_bars_repeats_and_cuts_at_bar_lines():
    assert to_bars(ROCK, 3).steps("sd") == ROCK.steps("sd") * 3
    assert to_bars(to_bars(ROCK, 4), 1) == ROCK


def test_variation_is_seeded_recognisable_and_different():
    a, b = vary(ROCK, 1), vary(ROCK, 1)
    assert a == b
    assert a != ROCK
    assert {4, 12} <= set(a.hits("sd"))  # the backbeat stays
    assert 0 in a.hits("bd")  # and the downbeat
    assert len({vary(ROCK, s).to_text() for s in range(8)}) >= 3


def test_fill_replaces_the_end_of_the_last_bar_with_toms():
    two = to_bars(ROCK, 2)
    filled = add_fill(two, "toms")
    assert filled.steps("sd")[:16] == two.steps("sd")[:16]  # bar one untouched
    assert filled.hits("ht") and filled.hits("lt")
    assert min(filled.hits("lt")) > min(filled.hits("ht"))  # descending
    assert not [s for s in filled.hits("ch") if s >= fill_start(two)]  # hats stop under the fill
    assert fill_start(two) == 28  # the last beat: the groove holds until then


def test_fill_is_asked_for_in_plain_words():
    assert parse_intent("rock beat ending with a tom fill").fill == "toms"
    assert parse_intent("funk with a fill at the end").fill == "snare"
    assert parse_intent("funk groove").fill is None
    assert parse_intent("a beat to fill the dance floor").fill is None
    assert parse_intent("punk beat with fills").fill == "snare"


def test_a_fill_on_another_voice_is_played_on_that_voice():
    """ "a little clap fill": the last beat is claps building to an accent, the snare steps aside."""
    filled = add_fill(to_bars(ROCK, 2), "cp")
    start = fill_start(filled)
    assert filled.steps("cp")[start:] == "ooxX"  # soft strokes, then a hit, then the accent
    assert filled.steps("cp")[:start] == "-" * start  # nothing before the fill
    assert not [s for s in filled.hits("sd") if s >= start]  # the snare steps aside
    assert add_fill(to_bars(ROCK, 2), "cl").steps("cl")[start:] == "xxxX"  # claves have no soft stroke


def test_a_fill_on_two_named_voices_plays_both_in_turn():
    """ "end with a fill on floor tom + snare": the floor tom, then the snare, both in the last beat."""
    filled = add_fill(to_bars(ROCK, 2), "lt+sd")
    start = fill_start(filled)
    assert filled.steps("lt")[start:] == "Xx--"  # the accent leads
    assert filled.steps("sd")[start:] == "--xx"
    assert not filled.hits("ht") and not filled.hits("mt")  # only what was named
