"""Requests from bandmates who do not play drums (`reader_voices.py`, `reader_negations.py`,
`intent.py`): their own part's places for the kick to follow, "the boom and the crack", an
"oh" said in passing, "no extra kicks"."""

import pytest

from pydrums_engine.intent import parse_intent

from .readings import places


@pytest.mark.parametrize(
    "text",
    [
        "bassist here. my line goes on 1 and then the and of 2. can the boom follow me EXACTLY",
        "my riff hits 1 and the & of 2, can the kick follow me",
        "the bass plays 1 and the and of 2, kick with that",
    ],
)
def test_the_kick_follows_the_part_the_member_said(text):
    assert places(text)["bd"] == ("1", "2&")


def test_following_exactly_is_there_only():
    read = parse_intent("my line goes on 1 and the and of 2. can the boom follow me EXACTLY")
    assert [c.rule for c in read.constraints if c.voices == ("bd",)] == ["only"]


@pytest.mark.parametrize(
    "text",
    [
        # a part said, then corrected: which places it has is not clear
        "bass plays 1, the e of 2... no wait sorry the 'a' of 2, and then 3. kick with that pls",
        # "both of those" after three places said
        "my riff hits on the 1 and then kinda pushes early into beat 3, like the 2& i think? "
        "could the kick land with me on both of those",
    ],
)
def test_a_part_that_is_not_clear_is_not_guessed(text):
    read = parse_intent(text)
    assert "bd" not in places(text)
    assert read.not_understood


def test_the_boom_and_the_crack():
    assert places("waltz for our folk song, 3/4. boom on 1 and the crack on 2 and 3") == {
        "bd": ("1",),
        "sd": ("2", "3"),
    }


def test_an_oh_said_in_passing_is_no_open_hat():
    read = places("snare on 3, kick on 1. oh and cowbell on the quarters")
    assert "oh" not in read and read["cb"] == ("quarters",)
    assert places("hats closed, oh on the & of 4")["oh"] == ("4&",)  # typed for the open hat


def test_no_extra_kicks_keeps_the_kick():
    assert parse_intent("no extra kicks please, keep it simple").constraints == ()
    assert places("kick on 1 and 3, no extra kicks")["bd"] == ("1", "3")


@pytest.mark.parametrize(
    "text",
    [
        "bassist: i play 1, the and of 1, and 3. match the kick to that pls",
        "my bass goes 1, the & of 1 and 3, line up the kick with me",
    ],
)
def test_match_the_kick_to_my_part(text):
    assert places(text)["bd"] == ("1", "1&", "3")


@pytest.mark.parametrize(
    ("text", "bars"),
    [
        ("intro needs 4 bars - no, 8, the chorus is 8 and the intro is the same chords", 8),
        ("2 bars, no wait, 3 bars of funk", 3),
        ("4 bars no, 1 and 3 on the kick", 4),  # a "no" about the kick, not the bars
        ("4 bars, no crash", 4),
    ],
)
def test_a_bar_count_taken_back_at_once_is_the_second(text, bars):
    assert parse_intent(text).bars == bars


def test_a_tambourine_right_on_top_of_the_snare_plays_with_it():
    read = places("snr on 2 and 4 and a tambourine right on top of the snare on 2 and 4 like the old soul records had")
    assert read["tb"] == ("2", "4")
