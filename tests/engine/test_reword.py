"""Other ways of saying a place, put plainly before the reader reads them (`reword.py`)."""

import pytest

from pydrums_engine.reword import joined_cells, plain_words


@pytest.mark.parametrize(
    ("said", "plainly"),
    [
        ("ride quavres", "ride quavers"),
        ("semiquvers on the hats", "semiquavers on the hats"),
        ("sixteeths on the hat", "sixteenths on the hat"),
        ("hats on eights", "hats on eighths"),
        # words of their own, one letter from a note value: left as they are
        ("eighty bpm for the jazz quartet", "eighty bpm for the jazz quartet"),
        ("side stick on crotchets two and four", "side stick on beats two and four"),
        ("kick on the last semiquaver of beat two", "kick on the a of two"),
        ("tamb on the second semiquaver of each beat", "tamb on the e's"),
        ("the first quaver of beat 3", "beat 3"),
        ("the third quaver of beat 3", "the third quaver of beat 3"),  # a beat has two eighths
        ("bd on rows 00 06 08", "bd on steps 1, 7 and 9"),
        ("bd on rows 00 1a", "bd on rows 00 1a"),  # past a bar's sixteen rows: not a tracker's bar
        ("snare on to and for period", "snare on 2 and 4  . "),
        ("for bars of rock", "four bars of rock"),
        ("crash for bars 1-3", "crash for bars 1-3"),  # which bars, not how many
        ("5/4 x4 bars", "5/4 x4 bars"),
        ("4x4 kick", "four on the floor kick"),
        ("snare on the a of 1 and & of 2 in each half", "snare on the a of 1 and & of 2 and the a of 3 and & of 4"),
        ("snare on 3 in each half", "snare on 3 in each half"),  # already past the first half
        ("cajon: bass on 1, slap on 2 and 4", "cajon: kick on 1, snare on 2 and 4"),
        ("bass on 1, snare on 2 and 4", "bass on 1, snare on 2 and 4"),  # no cajón: a bass guitar
        ("ta ka di mi: kick on the ta of 1 plus the mi of 2", "ta ka di mi: kick on 1 plus the a of 2"),
        # a drumline's sections; a dancer's eight-count (two bars of 4/4), not in another meter
        ("basses on 1 and 3, tenors on 2", "kick on 1 and 3, toms on 2"),
        ("choreo: clap on the and of 8", "choreo: clap on the and of 4 ; in 4/4"),
        ("kick on 1 and 5 of the 8 count in 7/8", "kick on 1 and 5 of the 8 count in 7/8"),
        ("spin class, 8 bars, kick on every beat", "spin class, 8 bars, kick on every beat"),  # a length, not a count
        ("cheer routine: 4 eights, claps on 2 4 6 8.", "cheer routine: 8 bars, claps on 2 4 2 4. ; in 4/4"),
        ("ballroom waltz, big drum on 1 and 4", "ballroom waltz, big drum on 1 and 1 ; in 3/4"),  # a waltz's six
        ("six eight slow dance, snare on 4", "six eight slow dance, snare on 4"),  # 6/8 said in words
        ("shaker on every 1-ee-and-a", "shaker on 16ths"),
        ("kick only on the 1 (nothing from it on 2 and 3)", "kick only on the 1 (none on 2 and 3)"),
        # Kodály's syllables: a run is its onsets from the one, one unit alone (or repeated) the rate
        ("kick plays ta ti-ti ta ta, hats ti-ti", "kick plays 1, 2, 2&, 3, 4, hats 8ths"),
        ("kick line is tah ti-ti tah rest", "kick line is 1, 2, 2&, 3"),
        ("hats tika-tika, kick ti-ta-ti", "hats 16ths, kick 1, 1&, 2&"),
        ("hats steady ti-ti ti-ti all bar", "hats steady 8ths all bar"),
        ("hats ti-ti-ka ta", "hats 1, 1&, 1a, 2"),  # an eighth and two sixteenths, then a beat
        ("ta ka di mi: kick on the ta of 1", "ta ka di mi: kick on 1"),  # konnakol's ta, not Kodály's
        ("the kick in the pre-chorus should go 1, 1&, 3", "the kick should go 1, 1&, 3"),
        ("snare 2 and 4, ride all the way thru", "snare 2 and 4, with ride"),
        ("claps speeding up at the end", "a clap fill at the end"),
        ("without the jingly stuff (tambourine, shaker)", "without tambourine, shaker"),
        ("without the stuff (you know)", "without the stuff (you know)"),
        ("eighths on the hi-hat all the way through", "eighths on the hi-hat all the way through"),
        # triplets by syllable and by order; the middle one counted out where the meter is compound
        ("12/8: kick on the let of 2", "12/8: kick on the a of 2"),
        ("12/8, rim on the last triplet of beats 2 and 4", "12/8, rim on the a of 2 and the a of 4"),
        ("kick on the last triplet of beat 2", "kick on the last triplet of beat 2"),  # no triplets in 4/4
        ("bell on the middle triplet of every beat in 6/8", "bell on the and of 1 and the and of 2 in 6/8"),
        ("12/8 ride on 1 la li", "12/8 ride on 1, 1&, 1a"),
        # a sound engineer's channels, not "leave the kick out" nor "hats in 8ths"
        ("kick in on 1, snare top on 2 and 3", "kick on 1, snare on 2 and 3"),
        ("leave the kick out on 4", "leave the kick out on 4"),
        ("hats in 8ths", "hats in 8ths"),
        # ordinals: of the bar, of a beat, of the bars
        ("skip the 2nd and 4th eighth of the bar", "skip 1& and 2&"),
        ("nothing on the 1st 16th of the bar", "nothing on 1"),
        ("kick on the and of the 3rd", "kick on the and of 3"),
        ("never on the 2nd or 4th beat", "never on beats 2 or 4"),
        ("a fill at the end of the 4th bar", "a fill at the end of bar 4"),
        ("odd beats kick, even beats snare", "kick on odd beats, snare on even beats"),
        ("put the backbeat on the rim instead", "put rim on the backbeat instead"),
        ("the backbeat on 2 and 4", "the backbeat on 2 and 4"),
        ("kick can go wherever but never on 2", "kick never on 2"),
        ("dont put the kick under it on 3", "dont put the kick on 3"),
        ("cowbell: one hit every three eighths", "cowbell: on every three eighths"),
    ],
)
def test_a_way_of_saying_it_is_put_plainly(said, plainly):
    assert plain_words(said) == plainly


def test_a_spaced_grid_becomes_one_step_string_a_line():
    pasted = "keep it like this\n   1 e & a 2 e & a\nsn . . x . . . x .\nbd x . . . x . . .\n"
    assert joined_cells(pasted) == "keep it like this\n\nsn: ..x...x.\nbd: x...x...\n"
    assert joined_cells("kick on 1 and 3") == "kick on 1 and 3"
