"""Humanized performances, read back from the MIDI a user gets: the grid at 0, a drummer's feel above it."""

from __future__ import annotations

import hashlib
import io
import statistics
import wave
from collections import defaultdict

import mido
import numpy as np
import pytest

from pydrums_engine.errors import InputError
from pydrums_engine.notation import parse_pattern
from pydrums_engine.render import DEFAULT_HUMANIZE, SAMPLE_RATE, midi_bytes, note_events, perform, render_wav

GROOVE = "cc: X---------------; ch: x-x-x-x-x-x-x-x-; sd: ----X--o-o--X--o; bd: x-x----x--x-----"
SIXTEENTHS = "ch: xxxxxxxxxxxxxxxx; sd: ----X--o-o--X--o; bd: x-x----x--x-----"


def read_back(text: str, bpm: int = 120, **kwargs) -> mido.MidiFile:
    """The pattern's MIDI bytes parsed again by mido, as a user's DAW would."""
    return mido.MidiFile(file=io.BytesIO(midi_bytes(parse_pattern(text), bpm, **kwargs)))


def timed(midi: mido.MidiFile) -> list[tuple[int, mido.Message]]:
    """(absolute tick, message) of the one track."""
    out, now = [], 0
    for message in midi.tracks[0]:
        now += message.time
        out.append((now, message))
    return out


def onsets(midi: mido.MidiFile) -> dict[int, list[tuple[int, int]]]:
    """note -> [(tick, velocity)] of its sounding note-ons, in time order."""
    found: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for tick, m in timed(midi):
        if m.type == "note_on" and m.velocity > 0:
            found[m.note].append((tick, m.velocity))
    return found


def deviations_ms(text: str, bpm: int, humanize: int, seeds: range, loops: int = 4) -> dict[int, list[float]]:
    """note -> signed timing deviations (ms, + late) of the humanized MIDI against the grid's, over ``seeds``."""
    ms_per_tick = 60_000 / bpm / 480
    grid = onsets(read_back(text, bpm, loops=loops))
    out: dict[int, list[float]] = defaultdict(list)
    for seed in seeds:
        played = onsets(read_back(text, bpm, loops=loops, humanize=humanize, seed=seed))
        for note, hits in grid.items():
            assert len(played[note]) == len(hits)
            out[note] += [(p - g) * ms_per_tick for (g, _), (p, _) in zip(hits, played[note], strict=True)]
    return out


# Today's files, before humanize existed: sha256 of midi_bytes(pattern, bpm, swing, loops).
TODAY = [
    ("cc: X---------------; ch: x-x-x-x-x-x-x---; oh: --------------x-; sd: ----X--o-o--X-fr; bd: x-x----x--x-----",
     97, 0.0, 1, "9d3b1966f712cb39"),
    ("ch: xxxxxxxxxxxxxxxx; sd: f---x--o-r--X---; bd: x-x----x--x-----", 120, 0.6, 2, "48b22bc16029af2e"),
    ("time: 6/8; ch: x-x-x-x-x-x-; sd: ------x-----; bd: x-----------", 80, 0.5, 3, "8b78df1aa7c5b674"),
    ("time: 7/8; ch: x-x-x-x-x-x-x-; bd: x---x---x-----", 150, 0.0, 1, "f7a3e17c2da8bbc9"),
    ("ch: x-x-x-x-; bd: x---x---", 100, 1.0, 1, "380ee4f311b996bd"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "bpm", "swing", "loops", "digest"), TODAY)
def test_humanize_zero_is_the_grid_byte_for_byte(text, bpm, swing, loops, digest):
    """At humanize 0 the MIDI file is exactly what it was before humanize existed."""
    pattern = parse_pattern(text)
    data = midi_bytes(pattern, bpm, swing, loops, humanize=0, seed=123)
    assert hashlib.sha256(data).hexdigest()[:16] == digest
    assert perform(pattern, bpm, swing, loops) == note_events(pattern, swing, loops)


@pytest.mark.parametrize("text", [GROOVE, SIXTEENTHS])
@pytest.mark.parametrize("bpm", [60, 120, 200])
def test_at_humanize_50_timing_stays_within_25_ms_for_95_in_100(text, bpm):
    """p95 of |deviation| at humanize 50 is at most 25 ms, yet the notes really move."""
    devs = sorted(abs(d) for hits in deviations_ms(text, bpm, 50, range(12)).values() for d in hits)
    p95 = devs[int(0.95 * len(devs))]
    assert 3 < p95 <= 25
    assert sum(d > 1 for d in devs) > len(devs) / 2


def test_the_default_is_a_light_touch():
    """The default humanize is light: p95 under 10 ms, so it is felt rather than heard."""
    assert 0 < DEFAULT_HUMANIZE <= 30
    devs = sorted(abs(d) for hits in deviations_ms(GROOVE, 100, DEFAULT_HUMANIZE, range(8)).values() for d in hits)
    assert devs[int(0.95 * len(devs))] < 10


@pytest.mark.parametrize(
    "text",
    [
        "sd: X--------------X; ch: xxxxxxxxxxxxxxxx; bd: x--------------x",  # hits on the first and last step
        "sd: f-------------fr; ch: r--------------r",  # a flam on the downbeat, a roll to the very end
        "time: 6/8; ch: xxxxxxxxxxxx; bd: x----------x",
    ],
)
@pytest.mark.parametrize("loops", [1, 3])
def test_no_note_before_bar_one_or_past_the_end_of_the_loop(text, loops):
    """At full humanize, at a fast tempo: every note-on from tick 0, every note-off by the last bar line."""
    pattern = parse_pattern(text)
    end = round(float(pattern.meter.quarters_per_bar) * pattern.bars * loops * 480)
    for seed in range(20):
        midi = read_back(text, 220, humanize=100, seed=seed, loops=loops)
        events = timed(midi)
        assert events[-1][1].type == "end_of_track" and events[-1][0] == end
        ticks = [tick for tick, m in events if m.type in ("note_on", "note_off")]
        assert min(ticks) >= 0 and max(ticks) <= end


@pytest.mark.parametrize("bpm", [40, 240])
def test_one_drum_never_plays_its_notes_in_the_wrong_order(bpm):
    """Dense flams, rolls, ghosts and accents at full humanize: each drum's strokes keep the written order."""
    text = "sd: XrofxXrofxXrofxo; ch: rfrfxoxoXXrrffoo"
    pattern = parse_pattern(text)
    for swing in (0.0, 1.0):
        grid = note_events(pattern, swing, loops=2)
        for seed in range(30):
            played = perform(pattern, bpm, swing, 2, humanize=100, seed=seed)
            for code in ("sd", "ch"):
                assert [e.symbol for e in played if e.code == code] == [e.symbol for e in grid if e.code == code]


def test_the_same_seed_gives_the_same_files_and_another_seed_others():
    """Reproducible from the seed: identical MIDI and WAV bytes for one seed, different ones for another."""
    pattern = parse_pattern(GROOVE)

    def files(seed: int) -> tuple[bytes, bytes]:
        midi = midi_bytes(pattern, 100, 0.3, 2, humanize=50, seed=seed)
        return midi, render_wav(pattern, 100, 0.3, 2, humanize=50, seed=seed, use_fluidsynth=False).data

    assert files(7) == files(7)
    assert files(7)[0] != files(8)[0] and files(7)[1] != files(8)[1]
    assert midi_bytes(pattern, 100, humanize=50) == midi_bytes(pattern, 100, humanize=50)  # no seed: the pattern's own


def test_ghost_notes_are_softer_and_looser_than_accents():
    """On one snare, ghost notes land softer and wander further from the grid than accents."""
    text = "sd: X-o-X-o-X-o-X-o-"
    devs = deviations_ms(text, 100, 60, range(30))[38]
    grid = onsets(read_back(text, 100, loops=4))[38]
    accents = [d for d, (_, vel) in zip(devs, grid * 30, strict=True) if vel > 100]
    ghosts = [d for d, (_, vel) in zip(devs, grid * 30, strict=True) if vel < 60]
    assert statistics.pstdev(ghosts) > 1.3 * statistics.pstdev(accents)
    velocities = defaultdict(list)
    for seed in range(30):
        played = onsets(read_back(text, 100, loops=4, humanize=60, seed=seed))[38]
        for (_, written), (_, heard) in zip(grid, played, strict=True):
            velocities[written].append(heard / written)
    ghost, accent = velocities[38], velocities[124]  # played / written velocity
    assert statistics.mean(ghost) < 0.97 < statistics.mean(accent)  # softer still than written, accents stay
    assert statistics.pstdev(ghost) > statistics.pstdev(accent)  # and looser in loudness, for their size


def test_each_role_leans_its_own_way():
    """Over many bars the kick sits late, the backbeat a touch behind, the hats ahead."""
    devs = deviations_ms(GROOVE, 100, 100, range(40))
    kick, snare, hats = (statistics.mean(devs[note]) for note in (36, 38, 42))
    assert kick > 3 and snare > 1 and hats < -2


def test_hats_breathe_with_the_beat_not_at_random():
    """Sixteenth hats: in every bar the beats are louder than the 'e' and 'a'; the '&' sits between."""
    text = "ch: xxxxxxxxxxxxxxxx"
    levels: dict[str, list[float]] = defaultdict(list)
    for seed in range(5):
        hits = onsets(read_back(text, 100, loops=8, humanize=100, seed=seed))[42]
        for bar in range(8):
            vel = [v for _, v in hits[bar * 16 : (bar + 1) * 16]]
            beats, ands, between = (statistics.mean(vel[start::step]) for start, step in ((0, 4), (2, 4), (1, 2)))
            assert beats > between  # the same shape in every bar, whatever the noise
            for name, level in (("beats", beats), ("ands", ands), ("between", between)):
                levels[name].append(level)
    assert statistics.mean(levels["beats"]) > statistics.mean(levels["ands"]) > statistics.mean(levels["between"])


def test_timing_drifts_from_hit_to_hit_within_a_bar():
    """Consecutive hat strokes in a bar deviate alike (a carried drift), unlike white noise."""
    text = "ch: xxxxxxxxxxxxxxxx"
    pairs = []
    for seed in range(10):
        devs = deviations_ms(text, 90, 100, range(seed, seed + 1), loops=8)[42]
        pairs += [(devs[i], devs[i + 1]) for i in range(len(devs) - 1) if (i + 1) % 16]
    first, second = zip(*pairs, strict=True)
    assert np.corrcoef(first, second)[0, 1] > 0.3


def test_the_wav_plays_the_same_performance_as_the_midi():
    """A humanized snare sounds in the preview exactly when the MIDI file plays it."""
    pattern = parse_pattern("sd: ----x-----------")
    midi = mido.MidiFile(file=io.BytesIO(midi_bytes(pattern, 60, humanize=100, seed=3)))
    (tick,) = [t for t, m in timed(midi) if m.type == "note_on"]
    assert tick != 480  # moved off the beat
    rendered = render_wav(pattern, 60, humanize=100, seed=3, use_fluidsynth=False)
    with wave.open(io.BytesIO(rendered.data)) as wav:
        samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2").astype(float)
    onset = np.flatnonzero(np.abs(samples) > 0.05 * np.abs(samples).max())[0] / SAMPLE_RATE
    assert onset == pytest.approx(tick / 480, abs=0.002)  # 60 bpm: a quarter is a second


@pytest.mark.parametrize("humanize", [-1, 101, 2.5, True])
def test_humanize_outside_0_to_100_is_refused(humanize):
    with pytest.raises(InputError, match="humanize must be a whole number from 0 to 100"):
        perform(parse_pattern("bd: x-------"), 100, humanize=humanize)
