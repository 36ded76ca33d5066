"""Shorthand typed on a phone and read off a studio chart (`intent.py`, `instruments.py`,
`reader_counts.py`): "k 1n3 sn 2n4", "RD", "CR", ghost notes that no check can hold, a figure
shared between two drums, a drill played with the hands only."""

import pytest

from pydrums_engine.intent import parse_intent

from .readings import places, said


@pytest.mark.parametrize(
    ("text", "kick", "snare"),
    [
        ("4 bars rock k 1n3 sn 2n4", ("1", "3"), ("2", "4")),
        ("ride on qtrs, bell on the ands?? k 1n3 sn 2n4", ("1", "3"), ("2", "4")),
        ("16th hh w/ snare 2n4 and k on 1, a of 2, 3", ("1", "2a", "3"), ("2", "4")),
        ("nothin on the 1 pls sn 2n4 k on the & of 1 n 3", ("1&", "3"), ("2", "4")),
        ("dnb two step  K x.........x.....  S ....x.......x...", ("1", "3&"), ("2", "4")),
    ],
)
def test_k_alone_is_the_kick_before_its_places(text, kick, snare):
    read = places(text)
    assert read["bd"] == kick
    assert read["sd"] == snare


def test_letters_the_member_defines_are_theirs():
    read = places("7/8 grouped 2+2+3. b = kick, k = snare. b on 1, k on 3, b again on 5")
    assert read.get("bd") != ("3", "5")  # k is their snare here, never the kick


def test_a_k_that_means_ok_is_no_kick():
    assert "bd" not in places("k thx, 1 more: snare on 3")


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("for the chorus, go to the RD instead of hats", "with ride"),
        ("6/8, BD on 1 and 4, no hats at all, RD on every 8th", "ride on eighths"),
        ("CR on the 1 of every bar, BD on 1, sn 2/4", "crash on 1"),
        ("T1 and T2 on the a of 4", "mid tom on the a of 4"),
        ("no crash cymbal anywhere, our singer hates that cymbal crash thing", "no crash"),
    ],
)
def test_studio_shorthand_names_the_drum(text, sentence):
    assert sentence in said(text)


def test_a_crash_named_backwards_keeps_the_hats():
    """ "cymbal crash" is the crash: the hats asked for beside it still play."""
    read = parse_intent("NO crash cymbal anywhere, our singer hates that cymbal crash thing. straight 8ths on the hats")
    assert "no cymbals" not in read.sentences()
    assert places(read.text)["ch"] == ("eighths",)


@pytest.mark.parametrize(
    "text",
    [
        "sn ghosts on e of 2 n a of 3 but main backbeat 2n4, kik 1 n 3&",
        "accents on the snare on 2 and 4, ghosts on the e of 2 and the a of 3, kick on 1 and 3&",
    ],
)
def test_ghost_notes_placed_keep_the_backbeat_and_are_said_unplaced(text):
    """A ghost note is felt, not a hit a check can count: its places are not the snare's only
    ones (that would take its 2 and 4) and the reply says they were not placed."""
    read = parse_intent(text)
    snare = [c for c in read.constraints if "sd" in c.voices and c.rule in ("on", "only")]
    assert snare and all(set(c.places) <= {"2", "4", "backbeat"} for c in snare)
    assert any("ghost" in u for u in read.not_understood)


def test_notes_without_ghosts_are_placed():
    assert places("kick notes on 1 and 3")["bd"] == ("1", "3")


def test_a_figure_shared_between_drums_plays_on_both_and_hands_only_has_no_feet():
    read = said("hands only exercise - paradiddle split between hi-hat and snare")
    assert {"with hi-hats", "with snare"} <= set(read)
    absent = {v for c in parse_intent("hands only, no feet").constraints if c.rule == "absent" for v in c.voices}
    assert absent == {"bd", "ph"}


def test_the_rest_of_the_eighths_leaves_out_a_count_kept_empty():
    read = places(
        "nothing on the one, leave it completely empty. kick on the & of 1 and 3, snare 2 and 4, "
        "hats on the rest of the 8ths"
    )
    assert "1" not in read["ch"]
    assert read["ch"] == ("2&", "3&", "4&")


def test_a_drums_mic_or_channel_is_the_drum():
    read = parse_intent("line check loop: kick in on 1 and 3, snare top on 2 and 4, hat mic straight 8ths. thats it")
    assert places(read.text) == {"bd": ("1", "3"), "sd": ("2", "4"), "ch": ("eighths",)}
    assert "only kick, snare and hi-hats" in read.sentences()  # "thats it": the three the channels name
    assert "only hi-hats" not in said("hat mic only needs the offbeats - open hat on every and")


def test_the_floor_beside_the_toms_is_the_floor_tom():
    assert places("normal backbeat, a rack tom hit on the e of 3 and floor on 4")["lt"] == ("4",)
    assert "with floor tom" in said("just kick and toms, tribal kinda thing. need the floor going")
    assert "four on the floor (kick on every beat)" in said("four on the floor, tom fill at the end")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("just 1 bar loop, k on beats hh offbeats", {"bd": ("beats",), "ch": ("offbeats",)}),
        ("one drop reggae rim n k together on 3", {"rs": ("3",), "bd": ("3",)}),
        ("6/8 4 bars k 1 sn 4 tom fill end", {"bd": ("1",), "sd": ("4",)}),
    ],
)
def test_terse_places_are_read(text, expected):
    read = places(text)
    assert {v: read.get(v) for v in expected} == expected


def test_an_emoji_between_two_thoughts_is_a_pause_and_inside_one_is_nothing():
    assert {"no cymbals", "only drums", "with toms"} <= set(said("no cym at all just drums 🥁 tom groove"))
    assert places("no snare pls, claps instead 👏 on 2 n 4")["cp"] == ("2", "4")
    assert places("four on the floor + open hat on the offbeats 🔊 (steps 3 7 11 15)")["oh"] == ("offbeats",)
