"""Words of a drummer's day and of English learnt second (`reword.py`, `reader_words.py`): gear
that is out of action, a drum named before its verb, dynamics between a drum and its places."""

import pytest

from pydrums_engine.intent import parse_intent

from .readings import places, said


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("rock groove, fill on the snare, my toms are at the repair shop", "no toms"),
        ("snare and floor tom only, both my rack toms are busted", "no rack toms"),
        ("our crash got stolen at the last gig, ride on 8ths", "no crash"),
        ("hihat remove. kick 1 and 3", "no hi-hats"),
        ("kick start on and of 1, snare 2 and 4", "kick on the and of 1"),
        ("kick must come in 1 and 3, snare put at 2 and 4", "snare on 2 and 4"),
        ("waltz in 3/4, kick on 1 and snare soft on 2 and 3", "snare on 2 and 3"),
        ("hermano 16 notes hihat all bar, snare 2 y 4", "hi-hats on sixteenths"),
    ],
)
def test_the_words_are_read_as_a_drummer_means_them(text, sentence):
    assert sentence in said(text)


def test_a_drum_that_is_only_described_is_not_ruled_out():
    assert "no crash" not in said("my crash is huge and washy, crash on 1 of bar 1")
    assert "no toms" not in said("the toms are tuned low, tom fill at the end")


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("no snare in this one, let the toms carry the backbeat on 2 and 4", "toms on the backbeat"),
        ("without snare completely. floor tom takes the 2 and 4 instead", "floor tom on 2 and 4"),
        ("leave the 1 wide open", "nothing on 1"),
    ],
)
def test_a_voice_that_takes_a_part_plays_its_places(text, sentence):
    assert sentence in said(text)
    assert not parse_intent(text).not_understood


def test_the_band_is_not_a_drum():
    assert said("the band plays the 2 and 4") == []


def test_a_feel_gives_way_to_a_count_kept_empty():
    """ "two-step but leave the 1 wide open": the two-step's kick leaves the 1, its backbeat stays."""
    read = parse_intent("two-step but leave the 1 wide open, nothin on it at all, the upright player's got it")
    assert "two-step: kick on 1" not in read.sentences()
    assert {"two-step: snare or clap on 2 and 4", "nothing on 1"} <= set(read.sentences())


def test_a_halftime_show_is_no_half_time_feel():
    read = parse_intent("dnb two-step for the drumline-meets-edm bit of our halftime show")
    assert read.speed == "" and not any(s.startswith("half-time") for s in read.sentences())
    assert parse_intent("half time show, half-time feel in the bridge").speed == "half-time"


def test_a_voice_left_free_except_somewhere_is_off_there():
    assert "no hi-hats on the and of 4" in said("whatever you want on the hats except the & of 4, no crash")


def test_hi_hats_asked_for_are_played_by_hand():
    """ "just hihat for keep time": a pedal chick alone is not the hi-hat asked for; "no hats"
    still silences the foot."""
    read = parse_intent("sin crash por favor, and no ride also. just hihat for keep time")
    assert any(c.rule == "present" and c.voices == ("ch", "oh") for c in read.constraints)
    assert any(c.rule == "absent" and "ph" in c.voices for c in parse_intent("no hats at all").constraints)


def test_every_other_eighth_named_as_its_half():
    """ "every other eighth (the ands)" is the ands (it had read the beats and the ands); "every
    other 8th in between them" the offbeats between the kicks."""
    assert places("disco beat where the hat opens on every other eighth (the ands) and is closed on the rest") == {
        "oh": ("offbeats",),
        "ch": ("1", "2", "3", "4"),
    }
    assert places("fast punk skank beat: kick on every beat, snare every other 8th in between them")["sd"] == (
        "offbeats",
    )
    assert places("hats on every other 16th")["ch"] == ("eighths",)
