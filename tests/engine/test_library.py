"""The groove library holds to the rules a drummer would review it by."""

from __future__ import annotations

from collections import Counter

import pytest

from pydrums_engine.descriptions import build_examples
from pydrums_engine.errors import LibraryError
from pydrums_engine.library import load_library

PYDRUMS_STYLES = {
    "funk", "rock", "pop", "reggae", "disco", "soul", "rnb", "jazz", "ballad", "latin", "afro-cuban",
    "bossa-nova", "blues", "shuffle", "waltz", "march", "tango",
}  # fmt: skip
MODERN_STYLES = {
    "hip-hop", "lo-fi", "trap", "drill", "house", "techno", "drum-and-bass", "jungle", "breakbeat", "dubstep",
    "uk-garage", "reggaeton", "dancehall", "afrobeat", "afrobeats", "amapiano", "samba", "baiao", "songo",
    "second-line", "motown", "punk", "metal", "gospel", "country", "go-go", "new-jack-swing", "odd-meter",
}  # fmt: skip


def bars_of(groove):
    p = groove.pattern
    return range(p.bars), p.steps_per_bar


def test_library_is_big_and_varied(library):
    counts = library.style_counts()
    assert len(library.grooves) >= 300
    assert len(counts) >= 30
    assert min(counts.values()) >= 5, {s: n for s, n in counts.items() if n < 5}


def test_library_covers_pydrums_styles_and_modern_requests(library):
    assert set(library.styles) >= PYDRUMS_STYLES | MODERN_STYLES
    assert {"3/4", "6/8", "12/8", "5/4", "7/8"} <= {g.time_signature for g in library.grooves}


def test_descriptions_give_many_distinct_examples(library):
    examples = build_examples(library)
    assert len(examples) >= 1200
    assert len({e.text for e in examples}) >= 900
    per_groove = Counter(e.groove_id for e in examples)
    assert min(per_groove.values()) >= 4


def test_every_groove_describes_itself_in_a_sentence(library):
    for g in library.grooves:
        assert g.description.endswith((".", "!")) and len(g.description.split()) >= 6, g.id
        assert g.tags, g.id


@pytest.mark.parametrize("style", ["house", "disco", "techno"])
def test_dance_styles_have_a_kick_on_every_beat(library, style):
    for g in (g for g in library.grooves if g.style == style):
        kicks = set(g.pattern.hits("bd"))
        assert set(g.pattern.beat_starts()) <= kicks, g.id


def test_rock_and_pop_backbeats_are_on_two_and_four(library):
    checked = 0
    for g in library.grooves:
        if g.style in ("rock", "pop") and "backbeat" in g.tags:
            bars, spb = bars_of(g)
            snare = set(g.pattern.hits("sd")) | set(g.pattern.hits("cp"))
            assert all({b * spb + 4, b * spb + 12} <= snare for b in bars), g.id
            checked += 1
    assert checked >= 8


def test_one_drop_has_kick_and_snare_together_on_three_and_no_kick_on_one(library):
    drops = [g for g in library.grooves if "one drop" in g.tags]
    assert len(drops) >= 3
    for g in drops:
        bars, spb = bars_of(g)
        kick, snare = set(g.pattern.hits("bd")), set(g.pattern.hits("sd")) | set(g.pattern.hits("rs"))
        for b in bars:
            assert b * spb + 8 in kick and b * spb + 8 in snare, g.id
            assert b * spb not in kick, g.id


def test_waltzes_are_in_three_four(library):
    waltzes = [g for g in library.grooves if g.style == "waltz"]
    assert waltzes and all(g.time_signature == "3/4" for g in waltzes)


def test_clave_grooves_carry_their_clave(library):
    for g in library.grooves:
        if {"son clave", "rumba clave", "clave"} & set(g.tags):
            assert g.pattern.hits("cl"), g.id


def test_swing_grooves_are_swung(library):
    for g in library.grooves:
        if "swing" in g.tags or ("shuffle" in g.tags and g.time_signature == "4/4"):
            assert g.swing > 0, g.id


def test_closed_and_open_hat_never_sound_together(library):
    for g in library.grooves:
        assert not set(g.pattern.hits("ch")) & set(g.pattern.hits("oh")), g.id


def test_a_broken_groove_file_is_named_in_the_error(data_copy):
    path = data_copy / "grooves" / "zz-broken.toml"
    path.write_text(
        '[[grooves]]\nid = "x-1"\nname = "X"\nstyle = "funk"\ntags = ["a"]\nbpm = 100\n'
        'description = "A test."\ngrid = "bd: x--y"\n'
    )
    with pytest.raises(LibraryError, match=r"zz-broken.toml, groove 'x-1': line 1 \(bd\), step 4"):
        load_library(data_copy)


def test_a_duplicated_grid_is_refused(data_copy, library):
    g = library.grooves[0]
    grid = g.pattern.to_text()
    (data_copy / "grooves" / "zz-dup.toml").write_text(
        f'[[grooves]]\nid = "dup-1"\nname = "Dup"\nstyle = "{g.style}"\ntags = ["a"]\nbpm = 100\n'
        f'time = "{g.time_signature}"\ndescription = "A copy."\ngrid = """\n{grid}\n"""\n'
    )
    with pytest.raises(LibraryError, match=f"same grid as groove '{g.id}'"):
        load_library(data_copy)
