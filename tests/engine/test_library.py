"""The groove library holds to the rules a drummer would review it by."""

from __future__ import annotations

from collections import Counter

import pytest

from pydrums_engine.check import check_pattern, load_traits
from pydrums_engine.descriptions import build_examples
from pydrums_engine.errors import LibraryError
from pydrums_engine.intent import parse_intent
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


def test_every_groove_keeps_its_styles_traits_and_one_drummer_can_play_it(library):
    """The musical check's own rows (data/traits.toml: four on the floor for house, disco and
    techno; the backbeat for rock and pop; the one drop; waltzes in 3/4; clave grooves with
    their clave) and its sanity rules (a kick, hats apart, two hands and two feet) hold for
    every groove of the library, so a library answer never fails the check it is shown with."""
    traits = load_traits()
    assert {t.says for t in traits} >= {"four on the floor", "one drop", "with clave"}
    empty = parse_intent("a groove")
    broken = []
    for g in library.grooves:
        check = check_pattern(g.pattern, empty, style=g.style, feels=g.tags, traits=traits)
        broken += [f"{g.id}: {p}" for p in check.problems]
    assert not broken, broken[:10]


def test_the_traits_bind_the_grooves_they_name(library):
    """Each trait applies to some grooves (a row that binds nothing is a typo), and a broken
    house grid is caught: the rows are live, not decoration."""
    traits = load_traits()
    for trait in traits:
        assert any(trait.applies(g.style, g.tags) for g in library.grooves), trait.says or trait.meter
    house = next(g for g in library.grooves if g.style == "house")
    no_kick_on_3 = house.pattern.replace_tracks({**house.pattern.tracks, "bd": "x---x-------x---" * house.pattern.bars})
    check = check_pattern(no_kick_on_3, parse_intent("a groove"), style="house", feels=house.tags, traits=traits)
    assert check.failed("trait")


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
    with pytest.raises(LibraryError, match=r"zz-broken.toml, groove 'x-1': line 8 \(bd\), step 4"):
        load_library(data_copy)


GROOVE_HEAD = '# A test file.\n\n[[grooves]]\nid = "x-1"\nname = "X"\nstyle = "funk"\ntags = ["a"]\nbpm = 100\n'


@pytest.mark.parametrize(
    ("grid", "message"),
    [
        ('"""\nbd: x---x---x---x---\n\nsd: ----x--y----x---\n"""', "line 13 (sd), step 8: 'y' is not a step symbol"),
        ('"""\nbd: x---x---x---x---\nsd: ----x-------x--\n"""', "line 12 (sd): 15 steps, but line 11 (bd) has 16"),
        ('"""bd: x---x---x---x---; sd: ----x-------x-y-\n"""', "line 10 (sd), step 15"),
        ('"bd: x---x---x---x---; sd: ----x-------x-y-"', "line 10 (sd), step 15"),
    ],
)
def test_a_grid_error_names_the_files_own_line(data_copy, grid, message):
    """The line in the message is the line of the .toml file, not the line inside the grid."""
    (data_copy / "grooves" / "zz-broken.toml").write_text(
        f'{GROOVE_HEAD}description = "A test."\ngrid = {grid}\n', encoding="utf-8"
    )
    with pytest.raises(LibraryError) as caught:
        load_library(data_copy)
    assert str(caught.value).startswith(f"zz-broken.toml, groove 'x-1': {message}")


def test_a_file_that_is_not_utf8_names_its_line(data_copy):
    """A Latin-1 byte is reported by line and column, not by byte offset."""
    text = f'{GROOVE_HEAD}description = "A café beat."\ngrid = "bd: x---x---x---x---; sd: ----x-------x---"\n'
    (data_copy / "grooves" / "zz-latin1.toml").write_bytes(text.encode("latin-1"))
    with pytest.raises(LibraryError) as caught:
        load_library(data_copy)
    assert str(caught.value) == (
        "zz-latin1.toml, line 9, column 21: byte 0xe9 is not UTF-8 text; save the file as UTF-8"
    )


def test_a_duplicated_grid_is_refused(data_copy, library):
    g = library.grooves[0]
    grid = g.pattern.to_text()
    (data_copy / "grooves" / "zz-dup.toml").write_text(
        f'[[grooves]]\nid = "dup-1"\nname = "Dup"\nstyle = "{g.style}"\ntags = ["a"]\nbpm = 100\n'
        f'time = "{g.time_signature}"\ndescription = "A copy."\ngrid = """\n{grid}\n"""\n'
    )
    with pytest.raises(LibraryError, match=f"same grid as groove '{g.id}'"):
        load_library(data_copy)
