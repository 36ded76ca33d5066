"""Requests dictated to a phone, and chat lists, read as they were said (`reword.py`, the reader)."""

import pytest

from pydrums_engine.intent import parse_intent


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("kick on one and three snare two and four", "kick on 1 and 3"),  # "three snare": a count, then a drum
        ("kick on one and three snare to and for and a little snare and tom fill", "kick on 1 and 3"),
        ("cow bell on every ate note and base drum on one and three", "cowbell on eighths"),
        ("base drum on the ants only comma never on the beat", "kick on the offbeats"),
        ("kick on 1 and the ant of 2", "kick on 1 and the and of 2"),
        ("kick on one and the and of three high hat 8 notes", "kick on 1 and the and of 3"),  # not three hats
        ("four on the floor with the open high hat on the ants", "open hi-hat on the offbeats"),
        ("four on floor kick all the way, small fill on floor tom", "four on the floor (kick on every beat)"),
        ("disco beat, kick 4 on floor and open hihat on the off", "open hi-hat on the offbeats"),
        ("gimme 8 bars of the chorus groove. ride, kick 1,3, snare 2,4", "kick on 1 and 3"),  # not ride 1, kick 3
        ("kick snare hats: 1 3 / 2 4 / 8ths", "kick on 1 and 3"),  # voices, then their places in order
        ("ride kick snare - quarters, 1 and 3, 2 and 4", "ride on quarter notes"),
    ],
)
def test_said_as_it_sounds_reads_as_meant(text, sentence):
    assert sentence in parse_intent(text).sentences()


def test_a_count_of_hits_before_a_drum_is_still_not_a_place():
    assert parse_intent("kick on one and one crash somewhere").sentences()[:2] == ["kick on 1", "with crash"]
