"""A producer's MIDI and DAW words: General MIDI note numbers for drums, bar.beat.sixteenth
positions, ticks at a PPQ, a clip's length; velocities and the grid say nothing of places
(`daw_words.py`)."""

import pytest

from pydrums_engine.intent import parse_intent

from .readings import places


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cowbell 56 on quarter notes, 36 on 1 and 3, 39 claps on 2 & 4",
         {"cb": ("quarters",), "bd": ("1", "3"), "cp": ("2", "4")}),
        ("kick (36) on 1, the & of 2 and on 4, snare 38 on 2 & 4 vel 110, grid at 1/16",
         {"bd": ("1", "2&", "4"), "sd": ("2", "4")}),
        ("side stick (GM 37) on beat 2 and the very last 16th of the bar, kick on 1 + 3&",
         {"rs": ("2", "4a"), "bd": ("1", "3&")}),
        ("ride 51 on the quarters, 53 bell on every & in between", {"rc": ("quarters",), "rb": ("offbeats",)}),
        ("8 bars please, 42 straight 8ths, 36 on 1 and 3, 38 on 2 and 4",
         {"ch": ("eighths",), "bd": ("1", "3"), "sd": ("2", "4")}),
        ("funky 16th groove, ghost notes around vel 25-35. kick at 1.1.1, 1.1.3 and 1.3.2", {"bd": ("1", "1&", "3e")}),
        ("my DAW is at 960 PPQ. hats every 240 ticks, kick at tick 0 and tick 1440, snare at 960 and 2880",
         {"ch": ("sixteenths",), "bd": ("1", "2&"), "sd": ("2", "4")}),
        ("7/8 counted 2+2+3: kick on eighths 1, 3 and 5, 38 on the 6th eighth. 1/8 grid is fine",
         {"bd": ("1", "3", "5"), "sd": ("6",)}),
        ("can u put the kik on beat 1 and the 2nd 16th of beat 3 (3e in the piano roll), backbeat snare as usual",
         {"bd": ("1", "3e"), "sd": ("backbeat",)}),  # the place said again, and no steps
    ],
)  # fmt: skip
def test_drums_named_by_their_midi_notes_and_placed_as_a_daw_places_them(text, expected):
    assert places(text) == expected


def test_no_42s_rules_the_closed_hat_out_and_a_clip_s_length_is_its_bars():
    assert [(c.voices, c.rule) for c in parse_intent("zero 42s in this one").constraints] == [(("ch",), "absent")]
    assert parse_intent("MIDI clip from 1.1.1 to 5.1.1, simple rock beat").bars == 4
    empty = parse_intent("leave the 1.1.1 totally empty on every track")
    assert [c.text for c in empty.constraints] == ["nothing on 1"]


@pytest.mark.parametrize(
    "text",
    ["kick on 1 and 3 at 120, 4 bars", "the 40 year old drummer in me wants kick on 1", "house at 124 bpm, 8 bars"],
)
def test_numbers_are_note_numbers_only_where_the_request_speaks_midi(text):
    """A tempo, a count of bars or an age stays what it is."""
    intent = parse_intent(text)
    assert not [c for c in intent.constraints if set(c.voices) - {"bd"}]
