"""MIDI files of patterns, read back with mido: notes, timing, swing, meters and loops."""

from __future__ import annotations

import io

import mido
import pytest

from pydrums_engine.instruments import INSTRUMENTS, velocity
from pydrums_engine.notation import parse_pattern
from pydrums_engine.render import midi_bytes, midi_file, note_events, swing_fraction, swing_note

BAR = 1920  # ticks in a 4/4 bar at 480 ticks a quarter


def read_back(text: str, bpm: int = 120, **kwargs) -> mido.MidiFile:
    """The pattern's MIDI bytes parsed again by mido, as a user's DAW would."""
    return mido.MidiFile(file=io.BytesIO(midi_bytes(parse_pattern(text), bpm, **kwargs)))


def timed(midi: mido.MidiFile) -> list[tuple[int, mido.Message]]:
    """(absolute tick, message) for every message of every track."""
    out = []
    for track in midi.tracks:
        now = 0
        for message in track:
            now += message.time
            out.append((now, message))
    return sorted(out, key=lambda item: item[0])


def note_ons(midi: mido.MidiFile, note: int | None = None) -> list[tuple[int, int]]:
    """(tick, velocity) of every sounding note-on, optionally of one note."""
    return [
        (tick, m.velocity)
        for tick, m in timed(midi)
        if m.type == "note_on" and m.velocity > 0 and (note is None or m.note == note)
    ]


def meta(midi: mido.MidiFile, kind: str) -> list[mido.MetaMessage]:
    return [m for _, m in timed(midi) if m.type == kind]


def test_kick_lands_on_the_expected_ticks_on_channel_ten():
    """Two kicks a half-bar apart are at ticks 0 and 960, on GM drum channel 10 (mido 9)."""
    midi = read_back("bd: x-------x-------")
    assert midi.ticks_per_beat == 480
    assert note_ons(midi) == [(0, velocity("x")), (960, velocity("x"))]
    channels = {m.channel for _, m in timed(midi) if m.type in ("note_on", "note_off")}
    assert channels == {9}


@pytest.mark.parametrize("inst", INSTRUMENTS, ids=lambda inst: inst.code)
def test_every_instrument_plays_its_general_midi_note(inst):
    """Each code sounds the GM drum note the instrument table gives it."""
    midi = read_back(f"{inst.code}: x-------")
    assert [m.note for _, m in timed(midi) if m.type == "note_on"] == [inst.gm_note]


def test_every_note_on_has_a_matching_note_off_inside_the_file():
    """Notes are released (note_off) before the end of the track, never left hanging."""
    midi = read_back("ch: xxxxxxxxxxxxxxxx; sd: ----f--o-r--X--r; bd: x-x----x--x-----")
    events = timed(midi)
    end = meta(midi, "end_of_track")[0]
    end_tick = next(tick for tick, m in events if m is end)
    ons = [m.note for _, m in events if m.type == "note_on"]
    offs = [m.note for tick, m in events if m.type == "note_off" and tick <= end_tick]
    assert sorted(ons) == sorted(offs)


def test_velocity_follows_the_step_symbol():
    """Plain hit, accent and ghost note take the velocities in the symbol table."""
    midi = read_back("sd: x---X---o-------")
    assert note_ons(midi) == [(0, velocity("x")), (480, velocity("X")), (960, velocity("o"))]
    assert velocity("o") < velocity("x") < velocity("X")


def test_flam_has_a_softer_grace_note_just_before_the_hit():
    """A flam on beat 2 is a soft grace note a few ticks early, then the full hit on the beat."""
    hits = note_ons(read_back("sd: ----f-----------"))
    assert len(hits) == 2
    (grace_tick, grace_vel), (main_tick, main_vel) = hits
    assert main_tick == 480 and main_vel == velocity("f")
    assert 440 <= grace_tick < 480
    assert grace_vel < main_vel * 0.6


def test_flam_on_the_first_step_never_starts_before_zero():
    """The grace note of a flam on the downbeat is clamped to the start of the file."""
    ticks = [tick for tick, _ in note_ons(read_back("sd: f---------------"))]
    assert ticks and min(ticks) == 0


def test_roll_fills_its_step_with_several_strokes():
    """A roll on one sixteenth plays at least three strokes, all inside that step."""
    hits = note_ons(read_back("sd: ----r-----------"))
    assert len(hits) >= 3
    assert all(480 <= tick < 600 for tick, _ in hits)
    assert len({tick for tick, _ in hits}) == len(hits)


@pytest.mark.parametrize(("swing", "delay"), [(0.0, 0), (0.5, 20), (1.0, 40)])
def test_swing_moves_offbeat_sixteenths_later(swing, delay):
    """With sixteenths in the pattern, every odd sixteenth moves by swing x 40 ticks; the rest stay."""
    ticks = [tick for tick, _ in note_ons(read_back("ch: xxxxxxxxxxxxxxxx", swing=swing))]
    assert ticks == [i * 120 + (delay if i % 2 else 0) for i in range(16)]


def test_full_swing_on_eighths_is_a_triplet_feel():
    """Eighth-note hats at swing 1.0 put each '&' two thirds of the way through its beat."""
    ticks = [tick for tick, _ in note_ons(read_back("ch: x-x-x-x-x-x-x-x-", swing=1.0))]
    assert ticks == [beat * 480 + offset for beat in range(4) for offset in (0, 320)]


def test_swing_leaves_the_beats_alone():
    """Kick and snare on the beats do not move, however hard the swing."""
    straight = note_ons(read_back("sd: ----x-------x---; bd: x-------x-------"))
    swung = note_ons(read_back("sd: ----x-------x---; bd: x-------x-------", swing=1.0))
    assert swung == straight


def test_swing_does_not_touch_compound_meters():
    """6/8 already has uneven subdivisions, so swing leaves it as written."""
    text = "time: 6/8; ch: xxxxxxxxxxxx"
    assert note_ons(read_back(text, swing=1.0)) == note_ons(read_back(text))


def test_swing_outside_zero_to_one_is_refused():
    with pytest.raises(ValueError, match="swing"):
        note_events(parse_pattern("bd: x-------x-------"), swing=1.5)


@pytest.mark.parametrize("bpm", [60, 97, 120, 180])
def test_tempo_meta_is_the_requested_bpm(bpm):
    """In 4/4 the file's tempo is the bpm asked for, and the file lasts one bar at that tempo."""
    midi = read_back("bd: x---x---x---x---", bpm=bpm)
    (tempo,) = meta(midi, "set_tempo")
    assert mido.tempo2bpm(tempo.tempo) == pytest.approx(bpm, abs=0.01)
    assert midi.length == pytest.approx(4 * 60 / bpm, rel=1e-3)


def test_bpm_counts_dotted_quarters_in_six_eight():
    """In 6/8 bpm counts the felt beat, so 80 bpm means 120 quarter notes a minute."""
    (tempo,) = meta(read_back("time: 6/8; bd: x-----x-----", bpm=80), "set_tempo")
    assert mido.tempo2bpm(tempo.tempo) == pytest.approx(120, abs=0.01)


@pytest.mark.parametrize(
    ("text", "signature", "bar_ticks"),
    [
        ("bd: x---x---x---x---", (4, 4), 1920),
        ("time: 3/4; bd: x---x---x---", (3, 4), 1440),
        ("time: 6/8; bd: x-----x-----", (6, 8), 1440),
        ("time: 7/8; bd: x---x---x-----", (7, 8), 1680),
    ],
)
def test_time_signature_meta_matches_the_meter(text, signature, bar_ticks):
    """The time_signature meta names the meter, and the track ends exactly one bar in."""
    midi = read_back(text)
    (sig,) = meta(midi, "time_signature")
    assert (sig.numerator, sig.denominator) == signature
    assert sum(m.time for m in midi.tracks[0]) == bar_ticks


def test_loops_repeat_the_pattern_and_multiply_the_length():
    """Three loops give three times the notes, each loop a bar later, and three bars of file."""
    one = read_back("sd: ----x-------x---; bd: x-------x-------")
    three = read_back("sd: ----x-------x---; bd: x-------x-------", loops=3)
    assert three.length == pytest.approx(3 * one.length)
    base = note_ons(one)
    assert note_ons(three) == sorted(
        [(tick + loop * BAR, vel) for loop in range(3) for tick, vel in base], key=lambda item: item[0]
    )


def test_track_name_and_file_type():
    """The file names its track and is a single-track type 0 file."""
    midi = mido.MidiFile(file=io.BytesIO(midi_bytes(parse_pattern("bd: x-------"), 100, name="Funk 1")))
    assert midi.type == 0
    assert [m.name for m in meta(midi, "track_name")] == ["Funk 1"]


def test_midi_file_and_midi_bytes_agree():
    """The in-memory MidiFile and the bytes are the same file."""
    pattern = parse_pattern("ch: x-x-x-x-x-x-x-x-; bd: x-------x-------")
    buffer = io.BytesIO()
    midi_file(pattern, 110, swing=0.3).save(file=buffer)
    assert buffer.getvalue() == midi_bytes(pattern, 110, swing=0.3)


def test_note_events_are_sorted_and_in_quarter_notes():
    """Events come in time order, with times in quarters from the start."""
    events = note_events(parse_pattern("sd: ----x-------x---; bd: x-------x-------"), loops=2)
    assert [e.time for e in events] == sorted(e.time for e in events)
    assert [(e.time, e.code) for e in events][:4] == [(0.0, "bd"), (1.0, "sd"), (2.0, "bd"), (3.0, "sd")]
    assert events[-1].time == 7.0


# -- swing amounts, meters that do not swing, loop export -----------------------------------------


@pytest.mark.parametrize(
    ("text", "amount", "offbeat"),
    [
        ("ch: x-x-x-x-x-x-x-x-", 0, 240),  # straight: the '&' halfway through the beat
        ("ch: x-x-x-x-x-x-x-x-", 50, 280),  # half swing: 7/12 of the beat
        ("ch: x-x-x-x-x-x-x-x-", 100, 320),  # full triplet swing: 2/3 of the beat
        ("ch: xxxxxxxx", 100, 320),  # an eighth-note grid swings its eighths the same way
        ("time: 3/4; ch: x-x-x-x-x-x-", 100, 320),  # so does 3/4
    ],
)
def test_a_swing_amount_moves_the_offbeat_eighth_to_its_share_of_the_beat(text, amount, offbeat):
    """A user's swing amount (0-100) puts every '&' at 1/2 + amount/600 of its beat; the beats stay."""
    ticks = [tick for tick, _ in note_ons(read_back(text, swing=swing_fraction(amount)))]
    beats = len(ticks) // 2
    assert ticks == [beat * 480 + offset for beat in range(beats) for offset in (0, offbeat)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("time: 6/8; ch: x-x-x-x-x-x-", "6/8 is already in triplets"),
        ("time: 12/8; ch: xxxxxxxxxxxx", "12/8 is already in triplets"),
        ("time: 9/8; ch: x-x-x-x-x-x-x-x-x-", "9/8 is already in triplets"),
        ("time: 7/8; ch: x-x-x-x-x-x-x-", "7/8 has uneven beats (2+2+3 eighths)"),
        ("time: 5/8; ch: x-x-x-x-x-", "5/8 has uneven beats (2+3 eighths)"),
    ],
)
def test_meters_that_do_not_swing_play_straight_and_say_why(text, words):
    """Triplet-based and uneven meters are played as written at any swing, with a sentence saying why."""
    pattern = parse_pattern(text)
    assert note_ons(read_back(text, swing=1.0)) == note_ons(read_back(text))
    assert swing_note(pattern, 1.0).startswith(words) and "swing does not apply" in swing_note(pattern, 1.0)
    assert swing_note(pattern, 0.0) == ""


def test_swing_note_is_empty_where_swing_is_heard():
    assert swing_note(parse_pattern("ch: x-x-x-x-x-x-x-x-"), 0.6) == ""


@pytest.mark.parametrize("humanize", [0, 60])
def test_four_loops_are_four_times_as_long_and_end_on_the_bar_line(humanize):
    """loops=4: four bars of file, four times the notes, every note released by the last bar line."""
    text = "ch: x-x-x-x-x-x-x-x-; sd: ----x-------x--r; bd: x-------x-------"
    one, four = read_back(text), read_back(text, loops=4, humanize=humanize, seed=1)
    assert four.length == pytest.approx(4 * one.length)
    events = timed(four)
    end_tick, end = events[-1]
    assert end.type == "end_of_track" and end_tick == 4 * BAR
    assert len(note_ons(four)) == 4 * len(note_ons(one))
    assert max(tick for tick, m in events if m.type == "note_off") <= 4 * BAR
