"""Kit note maps: the shipped maps, their notes in the MIDI a user gets, and errors that name the line."""

from __future__ import annotations

import io
import tomllib

import mido
import pytest

from pydrums_engine.errors import InputError
from pydrums_engine.instruments import INSTRUMENTS
from pydrums_engine.notation import parse_pattern
from pydrums_engine.render import DEFAULT_KIT, kit_names, load_kit, midi_bytes
from pydrums_engine.render.kits import KITS_DIR, parse_kit


def notes_played(text: str, kit_name: str | None, **kwargs) -> list[int]:
    """The note of every sounding note-on, in time order, when ``text`` is exported with that kit."""
    kit = load_kit(kit_name) if kit_name else None
    midi = mido.MidiFile(file=io.BytesIO(midi_bytes(parse_pattern(text), 100, kit=kit, **kwargs)))
    return [m.note for m in midi.tracks[0] if m.type == "note_on" and m.velocity > 0]


def test_the_shipped_maps_cover_every_instrument_and_say_where_their_numbers_come_from():
    """General MIDI and the makers' maps: every instrument has a MIDI note, every file names its source."""
    assert DEFAULT_KIT in kit_names() and {"roland-td17", "yamaha-dtx502"} <= set(kit_names())
    for name in kit_names():
        kit = load_kit(name)
        assert set(kit.notes) == {inst.code for inst in INSTRUMENTS}
        assert all(0 <= note <= 127 for note in [*kit.notes.values(), *kit.articulations.values()])
        assert kit.source and kit.name != name


def test_general_midi_map_is_the_instrument_table():
    """The default map and the one instrument table agree, note for note, with nothing left to fall back on."""
    kit = load_kit(DEFAULT_KIT)
    assert dict(kit.notes) == {inst.code: inst.gm_note for inst in INSTRUMENTS}
    assert kit.general_midi == () and not kit.articulations
    text = "; ".join(f"{inst.code}: x-------" for inst in INSTRUMENTS)
    assert notes_played(text, DEFAULT_KIT) == notes_played(text, None)


@pytest.mark.parametrize(
    ("kit", "text", "notes"),
    [
        # Roland's factory map: toms on 48/45/43, an accent on the snare is its rim (40)
        ("roland-td17", "ht: x---------------; mt: --x-------------; lt: ----x-----------", [48, 45, 43]),
        ("roland-td17", "sd: x---X---o-------", [38, 40, 38]),
        ("roland-td17", "ch: x---X---; oh: --x---X-", [42, 46, 22, 26]),
        ("yamaha-dtx502", "ht: x-------; mt: --x-----; lt: ----x---", [48, 47, 43]),
        ("yamaha-dtx502", "sd: X-------; rs: ----x---", [40, 37]),
        # no claves pad on either module: claves keep their General MIDI note
        ("roland-td17", "cl: x---x---", [75, 75]),
        (None, "ht: x-------; sd: X-------", [50, 38]),
    ],
)
def test_a_kits_notes_are_the_notes_in_the_midi(kit, text, notes):
    """Exported with a kit, the file plays that kit's notes (and articulations); left out: General MIDI."""
    assert sorted(notes_played(text, kit)) == sorted(notes)


def test_a_kit_applies_to_every_loop_and_every_humanized_note():
    assert notes_played("sd: X-------", "roland-td17", loops=3, humanize=50, seed=1) == [40, 40, 40]


def test_instruments_a_map_leaves_out_fall_back_to_general_midi(tmp_path):
    """A user's map with only the kick: the kick moves, everything else plays General MIDI, listed as such."""
    path = tmp_path / "my kit.toml"
    path.write_text('name = "My kit"\n[notes]\nkick = 35  # an alias works as well as the code\n')
    kit = load_kit(path)
    assert kit.name == "My kit" and kit.key == str(path)
    assert kit.note("bd") == 35 and kit.note("sd", "X") == 38
    assert set(kit.general_midi) == {inst.code for inst in INSTRUMENTS} - {"bd"}
    assert load_kit(str(path)).notes == kit.notes  # a str with a slash is a path too


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("[notes]\nbd = 36\nsd = 200\n", "line 3: note 200 is out of range; MIDI notes are 0 to 127"),
        ("[notes]\nbd = 36\nsd = \n", "line 3: not valid TOML"),
        ('name = "x"\n\n[notes]\nbd = 36\nzz = 40\n', "line 5: 'zz' is not an instrument"),
        ('[notes]\nbd = 36\nsd = "D1"\n', "line 3: a note is a whole number from 0 to 127, not 'D1'"),
        ("[notes]\nbd = 36\nkick = 35\n", "line 3: bass drum (bd) is mapped twice"),
        ("[notes]\nbd = 36\n\n[articulations]\nsd.accnt = 40\n", "line 5: unknown articulation 'accnt'"),
        ("[articulations.sd]\nghost = 4.5\n", "line 2: a note is a whole number"),
        ("[articulations]\nsd = 40\n", "line 2: write 'sd.accent = 40'"),
        ("[notes]\nbd = 36\n[note]\nsd = 38\n", "line 3: unknown entry 'note'"),
        ("name = 3\n", "line 1: name must be text in quotes"),
    ],
)
def test_a_bad_kit_file_is_an_error_naming_the_file_and_line(tmp_path, text, where):
    """Every mistake in a kit file is one InputError that starts with the file and the line."""
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(InputError) as caught:
        load_kit(path)
    assert str(caught.value).startswith(f"{path}, {where}")


def test_an_unknown_kit_name_lists_the_kits():
    with pytest.raises(InputError, match=r"unknown kit 'td-99'; use one of general-midi, roland-td17"):
        load_kit("td-99")


def test_a_missing_kit_file_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="cannot read kit file"):
        load_kit(tmp_path / "nowhere.toml")


def test_shipped_maps_are_plain_toml_with_only_known_entries():
    """Each shipped file reads with tomllib and parses without a fallback to surprise anyone."""
    for path in sorted(KITS_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text())
        assert set(data) <= {"name", "source", "notes", "articulations"}
        assert parse_kit(path.read_text(), path).source == data["source"]
