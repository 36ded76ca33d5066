"""Beats said as sounds (`sounds.py`): a beatboxer's letters, sounds beside the drum that makes
them, a sound placed like a drum, and a waltz sung one bar at a time."""

import pytest

from pydrums_engine.intent import parse_intent

from .readings import places


@pytest.mark.parametrize(
    ("text", "voice", "where"),
    [
        # a run of letters, defined in the message or a beatboxer's usual b, t, k
        ("b t k t b b k t <- thats 8th notes, b is kick k is snare t is hihat", "bd", ("1", "3", "3&")),
        ("b = kick, k = snare, t = hat. one bar of 8ths goes: b t k t b b k t", "sd", ("2", "4")),
        ("just 1 bar pls, b t k t b t k t, ill loop it myself", "bd", ("1", "3")),
        # a sound beside its drum says nothing more of where
        ("kick on 1 and 3 and then lil snare kch-kch hits on the e of 3 and the a of 4", "sd", ("3e", "4a")),
        ("snare cracks (kah) on 2 n 4 and ride going ting ting ting ting on the quarters", "rc", ("quarters",)),
        ("6/8, rim tk on 4 and shaker chk chk on every eighth", "sh", ("eighths",)),
        ("shaker going chk chk chk chk on all the 16ths", "sh", ("sixteenths",)),
        ("kick every beat and a tsss open hat on all the offbeats", "oh", ("offbeats",)),
        ("tsss on the offbeats (open hat), claps on 2 and 4", "oh", ("offbeats",)),  # named after its places
        # a sound placed like a drum
        ("boom on 1 n 3, bap on 2 n 4, tss on every eighth", "sd", ("2", "4")),
        ("boom 1 and 3, kah 2 and 4", "sd", ("2", "4")),
        ("something in 5/4, boom on 1 and 4, ride ting ting ting on every beat", "rc", ("beats",)),
        # a waltz's bar sung twice, and four sounds in a bar of 4/4
        ("waltz!! boom tek tek, boom tek tek. 3/4 obviously", "sd", ("2", "3")),
        ("boom kah boom kah, NO hats at all", "bd", ("1", "3")),
    ],
)
def test_a_beat_said_as_sounds_lands_where_it_was_sung(text, voice, where):
    assert places(text)[voice] == where


@pytest.mark.parametrize(
    ("text", "voice", "where"),
    [
        ("thump smack thump smack (kick / snare), nothing clever", "sd", ("2", "4")),  # the brackets name them
        ("kick goes dum . . dum dum . . dum in 8ths", "bd", ("1", "2&", "3", "4&")),  # one drum sung in time
        ("boom . chk . boom boom chk . (8ths, boom = kick chk = snare) loop it", "sd", ("2", "4")),
        ("he says the snare or clap has to smack on 2 and 4", "sd", ("2", "4")),  # "smack": a verb here
    ],
)
def test_a_sung_line_and_its_definitions_are_kept(text, voice, where):
    assert places(text)[voice] == where


def test_a_sound_word_alone_or_as_slang_places_nothing():
    assert places("dusty boom bap like 90s nyc, head nod tempo") == {}  # a style, not a kick and a snare
    assert places("uk drill ting, snare on 3") == {"sd": ("3",)}  # "ting": slang, not a ride
    assert places("the big drum and the toms make a boom-boom fill in the end") == {}
    assert "cp" in (parse_intent("house loop and a little clap-clap-clap fill at the very end").fill or "")
    assert "or clap" in " ".join(parse_intent("the snare or clap has to smack on 2 and 4").sentences())
    assert places("behind b.b. king in a smoky club at one in the morning") == {}  # not a run of letters
