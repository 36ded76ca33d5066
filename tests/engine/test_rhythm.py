""" "More like this": grooves whose rhythm is closest to a shown pattern, read from the grids."""

from __future__ import annotations

import numpy as np
import pytest

from pydrums_engine.errors import InputError, NotationError
from pydrums_engine.instruments import REAL_HITS
from pydrums_engine.notation import parse_pattern
from pydrums_engine.rhythm import RhythmIndex, fingerprint, profile, similarity

FOUR_ON_THE_FLOOR = "ch: --x---x---x---x-; cp: ----x-------x---; bd: x---x---x---x---"
ONE_DROP = "ch: x-x-x-x-x-x-x-x-; rs: --------X-------; bd: --------X-------"
ROCK = "ch: x-x-x-x-x-x-x-x-; sd: ----x-------x---; bd: x-----x---x-----"


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    """The engine without a model: rhythm search needs none, and this file then runs in seconds."""
    from tests.conftest import DATA_DIR, make_engine

    return make_engine(DATA_DIR, tmp_path_factory.mktemp("index"), None)


def plays(pattern, codes, step: int) -> bool:
    """A real hit (not a ghost note) by any of ``codes`` on ``step`` of every bar."""
    return all(
        any(pattern.steps(c)[bar * pattern.steps_per_bar + step] in REAL_HITS for c in codes)
        for bar in range(pattern.bars)
    )


def sounds(pattern, codes, step: int) -> bool:
    """Anything at all by ``codes`` on ``step`` of any bar."""
    return any(
        pattern.steps(c)[bar * pattern.steps_per_bar + step] != "-" for c in codes for bar in range(pattern.bars)
    )


def test_four_on_the_floor_brings_grooves_with_the_kick_on_every_beat(plain):
    hits = plain.similar(pattern=FOUR_ON_THE_FLOOR, k=8)
    assert len(hits) == 8
    for hit in hits:
        grid = hit.pattern
        assert all(plays(grid, ("bd",), s) for s in grid.meter.beat_starts(grid.steps_per_bar)), hit.notation


def test_a_one_drop_brings_one_drops_and_leaves_out_the_groove_itself(plain):
    hits = plain.similar(pattern=ONE_DROP, k=3)
    assert "reggae-one-drop" not in [h.id for h in hits]  # the very grid shown: not "more like" it
    for hit in hits:
        grid = hit.pattern
        beat3 = grid.steps_per_bar // 2
        assert plays(grid, ("bd",), beat3) and plays(grid, ("sd", "rs", "cp"), beat3), hit.notation
        assert not sounds(grid, ("bd", "sd", "rs", "cp"), 0), hit.notation


def test_a_hit_one_step_off_is_closer_than_another_rhythm():
    rock = parse_pattern(ROCK)
    pushed = parse_pattern("ch: x-x-x-x-x-x-x-x-; sd: ----x-------x---; bd: x------x--x-----")
    two_off = parse_pattern("ch: x-x-x-x-x-x-x-x-; sd: ----x-------x---; bd: x-------x-x-----")
    other = parse_pattern("ch: x---x---x---x---; sd: --x--x---x--x--x; bd: x--x--x--x--x-x-")
    assert similarity(rock, rock) == pytest.approx(1.0, abs=1e-5)
    assert similarity(rock, pushed) > similarity(rock, two_off) > similarity(rock, other)
    assert similarity(rock, other) < 0.8


def test_two_bars_of_the_same_bar_are_that_bar():
    one = parse_pattern(ROCK)
    two = parse_pattern("; ".join(f"{code}: {steps * 2}" for code, steps in one.track_items))
    assert two.bars == 2
    assert np.allclose(profile(one), profile(two), atol=1e-6)
    assert fingerprint(one) == fingerprint(two)


def test_a_two_bar_phrase_is_not_its_first_bar():
    first = parse_pattern(ROCK)
    phrase = parse_pattern(
        "ch: x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-; sd: ----x-------x-------x-------x---; "
        "bd: x-----x---x-------x-x-----x---x-"
    )
    assert fingerprint(phrase) != fingerprint(first)
    assert 0.8 < similarity(first, phrase) < 0.999


def test_an_eighth_note_grid_is_the_same_rhythm_as_its_sixteenths():
    sixteenths = parse_pattern("ch: x-x-x-x-x-x-x-x-; sd: ----x-------x---; bd: x---x---x---x---")
    eighths = parse_pattern("ch: xxxxxxxx; sd: --x---x-; bd: x-x-x-x-")
    assert eighths.steps_per_bar == 8
    assert np.allclose(profile(sixteenths), profile(eighths), atol=1e-6)
    assert fingerprint(sixteenths) == fingerprint(eighths)


def test_a_library_groove_written_on_eighths_is_still_left_out(plain):
    groove = plain.library.by_id["reggae-one-drop"]
    eighths = "; ".join(f"{code}: {steps[::2]}" for code, steps in groove.pattern.track_items)
    assert "reggae-one-drop" not in [h.id for h in plain.similar(pattern=eighths, k=5)]


def test_a_waltz_brings_grooves_in_three():
    from pydrums_engine.library import load_library
    from tests.conftest import DATA_DIR

    grooves = load_library(DATA_DIR).grooves
    index = RhythmIndex([g.pattern for g in grooves])
    waltz = parse_pattern("time: 3/4; ch: x---x---x---; sd: ----x---x---; bd: x-----------")
    best = np.argsort(-index.similarities(waltz))[:3]
    assert [grooves[i].time_signature for i in best] == ["3/4"] * 3


def test_a_twelve_eight_shuffle_brings_shuffles(plain):
    """12/8's four beats fall where 4/4's do, so swung 4/4 grooves count as near as 12/8 ones."""
    hits = plain.similar(pattern="time: 12/8; ch: x-xx-xx-xx-x; sd: ---x-----x--; bd: x-----x-----", k=5)
    for hit in hits:
        assert hit.time_signature == "12/8" or hit.swing > 0, hit.id


def test_one_changed_step_is_another_grid_and_the_original_comes_first(plain):
    groove = next(g for g in plain.library.grooves if g.style == "rock" and g.pattern.bars == 1)
    tracks = groove.pattern.tracks
    ch = tracks.get("ch", "x-x-x-x-x-x-x-x-")
    tracks["ch"] = ch[:-1] + ("x" if ch[-1] == "-" else "-")
    edited = groove.pattern.replace_tracks(tracks)
    assert plain.similar(pattern=edited, k=1)[0].id == groove.id
    assert groove.id not in [h.id for h in plain.similar(pattern=groove.pattern, k=5)]


def test_accents_alone_do_not_make_another_grid(plain):
    accented = ONE_DROP.replace("x", "X")
    assert "reggae-one-drop" not in [h.id for h in plain.similar(pattern=accented, k=5)]


@pytest.mark.parametrize(("query", "style"), [("funk", "funk"), ("rock beat", "rock"), ("soul", "soul")])
def test_words_and_a_pattern_both_count(engine, query, style):
    """The words choose the style; the pattern chooses, among those, the four-on-the-floor one."""
    words = engine.similar(query, k=1)[0]
    both = engine.similar(query, k=3, pattern=FOUR_ON_THE_FLOOR)
    assert [h.style for h in both] == [style] * 3
    beats = (0, 4, 8, 12)
    assert not all(plays(words.pattern, ("bd",), s) for s in beats)  # the words alone rank another first
    assert all(plays(both[0].pattern, ("bd",), s) for s in beats), both[0].notation
    assert all(h.parts["rhythm"] > 0 for h in both)


def test_a_style_with_a_pattern_keeps_to_the_style(plain):
    hits = plain.similar(pattern=FOUR_ON_THE_FLOOR, k=4, style="house")
    assert [h.style for h in hits] == ["house"] * 4


def test_the_old_positional_call_still_works(plain):
    hits = plain.similar("one drop reggae", 3, "reggae")
    assert [h.style for h in hits] == ["reggae"] * 3
    assert all(h.id and h.description and h.notation and isinstance(h.score, float) for h in hits)
    assert all("rhythm" not in h.parts for h in hits)


def test_neither_words_nor_pattern_is_an_input_error(plain):
    with pytest.raises(InputError, match=r"query is empty.*or give a pattern"):
        plain.similar()
    with pytest.raises(InputError, match="query is empty"):
        plain.similar("  ", pattern="   ")


def test_bad_notation_names_the_line_and_step(plain):
    with pytest.raises(NotationError, match=r"line 2 \(sd\), step 3") as caught:
        plain.similar(pattern="bd: x---x---; sd: --y-x---")
    assert caught.value.line == 2 and caught.value.column is not None


def test_a_styles_odd_groove_out_is_the_least_typical():
    """Three backbeat grooves and one that moves the snare to 3: the mover is furthest from
    what the style's grooves play in common, and a lone style is its own mean."""
    grooves = [
        "ch: x-x-x-x-x-x-x-x-; sd: ----x-------x---; bd: x-------x-------",
        "ch: x-x-x-x-x-x-x-x-; sd: ----x-------x---; bd: x-------x-x-----",
        "ch: xxxxxxxxxxxxxxxx; sd: ----x-------x---; bd: x-----x-x-------",
        "ch: x-x-x-x-x-x-x-x-; sd: --------x-------; bd: x---------x-----",
        "oh: --x---x---x---x-; cp: ----x-------x---; bd: x---x---x---x---",
    ]
    index = RhythmIndex([parse_pattern(g) for g in grooves])
    typical = index.typicality(np.array(["rock", "rock", "rock", "rock", "house"]))
    assert typical[3] < min(typical[:3])
    assert typical[4] == pytest.approx(1.0)
