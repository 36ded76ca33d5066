"""Song form: the sections, the fills at the changes, the crashes after them, read back from the MIDI."""

from __future__ import annotations

import io

import mido
import pytest
from PIL import Image

from pydrums_engine import form as form_module
from pydrums_engine.errors import InputError
from pydrums_engine.form import arrange
from pydrums_engine.intent import parse_intent
from pydrums_engine.limits import MAX_SECTIONS, MAX_SONG_BARS, check_form
from pydrums_engine.notation import parse_pattern
from pydrums_engine.prompt import GenerationRequest
from pydrums_engine.render import render_song
from pydrums_engine.render import song as song_module
from pydrums_engine.render.picture import grid_image
from pydrums_engine.transforms import to_bars

BAR = 1920  # ticks in a 4/4 bar at 480 ticks a quarter
BEAT = 480
ROCK = "ch: x-x-x-x-x-x-x-x-; sd: ----x-------x---; bd: x-------x-------"
TOMS = {50, 47, 45, 43}  # high, mid and floor toms (GM)
CRASH = 49


def request(text: str = "straight rock beat", bars: int = 1) -> GenerationRequest:
    return GenerationRequest(description=text, style="rock", bpm=100, bars=bars, intent=parse_intent(text))


def song_of(letters: str, bars: int, text: str = "straight rock beat"):
    return arrange(to_bars(parse_pattern(ROCK), bars), letters, request(text, bars))


def midi_of(song, **kwargs) -> mido.MidiFile:
    return mido.MidiFile(file=io.BytesIO(render_song(song, 100, **kwargs).midi))


def timed(midi: mido.MidiFile) -> list[tuple[int, mido.MetaMessage | mido.Message]]:
    now, out = 0, []
    for message in midi.tracks[0]:
        now += message.time
        out.append((now, message))
    return out


def onsets(midi: mido.MidiFile, notes: set[int]) -> list[int]:
    return [t for t, m in timed(midi) if m.type == "note_on" and m.velocity > 0 and m.note in notes]


# -- validation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "bars", "expected"),
    [("AABA", 4, "AABA"), ("aaba", 8, "AABA"), (" A B A C ", 2, "ABAC"), ("", 2, None), (None, 2, None)],
)
def test_a_form_is_read_in_capitals(given, bars, expected) -> None:
    assert check_form(given, bars) == expected


@pytest.mark.parametrize(
    ("given", "bars", "says"),
    [
        ("AXBA", 2, "'X'; write one letter per section, A, B, C or D"),
        ("AB-A", 2, "'-'"),
        ("A" * (MAX_SECTIONS + 1), 1, f"has {MAX_SECTIONS + 1} sections; a song has at most {MAX_SECTIONS}"),
        ("ABCDABCD", 9, f"is 72 bars; a song is at most {MAX_SONG_BARS} bars"),
    ],
)
def test_a_bad_form_says_what_is_wrong_and_what_is_expected(given, bars, says) -> None:
    with pytest.raises(InputError, match="form") as caught:
        check_form(given, bars)
    assert says in str(caught.value)


def test_the_engine_refuses_a_bad_form_before_it_searches(engine) -> None:
    with pytest.raises(InputError, match="'Z'"):
        engine.generate("funk", form="AZ")


# -- the song in the MIDI ------------------------------------------------------------------------


@pytest.mark.parametrize(("letters", "bars"), [("AABA", 4), ("ABAC", 2), ("AABB", 1), ("ABCD", 8), ("A", 2)])
def test_markers_fills_and_crashes_land_where_the_sections_change(letters: str, bars: int) -> None:
    """A marker per section at its bar; toms in the last beat before each change and at the end,
    none where a section repeats; a crash on the first beat after every fill; the song's length."""
    song, check = song_of(letters, bars)
    assert check.passed, check.problems
    midi = midi_of(song)
    markers = [(t, m.text) for t, m in timed(midi) if m.type == "marker"]
    assert markers == [(n * bars * BAR, letter) for n, letter in enumerate(letters)]
    assert sum(m.time for m in midi.tracks[0]) == len(letters) * bars * BAR
    toms, crashes = onsets(midi, TOMS), onsets(midi, {CRASH})
    for n, letter in enumerate(letters):
        end = (n + 1) * bars * BAR
        last_beat = [t for t in toms if end - BEAT <= t < end]
        changes = n + 1 == len(letters) or letters[n + 1] != letter
        assert bool(last_beat) is changes, f"section {n + 1} ({letter}): fill {bool(last_beat)}"
        if changes and n + 1 < len(letters):
            assert end in crashes, f"no crash on the one after the fill at bar {(n + 1) * bars}"
    fills = [(n + 1) * bars * BAR for n in range(len(letters)) if n + 1 == len(letters) or letters[n + 1] != letters[n]]
    assert all(any(end - BEAT <= t < end for end in fills) for t in toms)  # no toms anywhere else


def test_each_section_is_what_a_drummer_plays_against_the_groove() -> None:
    """B moves the hats to the ride and adds a kick; C puts the backbeat on 3 (half-time);
    D drops to a cross-stick with the kick on the beats."""
    song, _ = song_of("ABCD", 2)
    a, b, c, d = (song.sections()[k] for k in "ABCD")
    assert "ch" in a.tracks and "ch" not in b.tracks and b.hits("rc")[:2] == [2, 4]
    assert len(b.hits("bd")) > len(a.hits("bd")) and b.steps("cc")[0] == "X"
    assert c.hits("sd")[0] == 8  # the snare of beat 2 lands on 3
    assert "sd" not in d.tracks or all(i >= 28 for i in d.hits("sd"))  # only the fill is snare
    assert d.hits("rs") == [4, 12, 20] and all(i % 4 == 0 for i in d.hits("bd")[:-1])


def test_the_same_seed_plays_the_same_song_and_repeats_are_not_copies() -> None:
    song, _ = song_of("AABA", 4)
    first = render_song(song, 100, humanize=40, seed=7)
    again = render_song(song, 100, humanize=40, seed=7)
    other = render_song(song, 100, humanize=40, seed=8)
    assert (first.midi, first.wav, first.png) == (again.midi, again.wav, again.png)
    assert first.midi != other.midi
    midi = mido.MidiFile(file=io.BytesIO(first.midi))
    kicks = onsets(midi, {36})
    off = [t for t in kicks if t % 120]
    assert len(off) > len(kicks) / 2  # humanized: most kicks are off the sixteenth grid
    one, two = ([t - s for t in kicks if s <= t < s + 4 * BAR] for s in (0, 4 * BAR))
    assert one != two  # the second A is played, not pasted


def test_the_preview_stays_short_and_says_so() -> None:
    song, _ = song_of("ABCDABCD", 8)  # 64 bars: over two minutes at 100 bpm
    rendering = render_song(song, 100)
    seconds = (len(rendering.wav) - 44) / 2 / 44100
    assert seconds <= song_module.PREVIEW_SECONDS + 0.6  # plus the faded tail
    assert "first 12 of 64 bars" in rendering.audio_note
    assert sum(m.time for m in mido.MidiFile(file=io.BytesIO(rendering.midi)).tracks[0]) == 64 * BAR


def test_the_picture_shows_each_distinct_section_once(monkeypatch) -> None:
    shown: list[list[str]] = []
    real = song_module.render_sections_png

    def spy(sections, title=None, subtitle=None):
        shown.append([label for label, _ in sections])
        return real(sections, title, subtitle)

    monkeypatch.setattr(song_module, "render_sections_png", spy)
    song, _ = song_of("AABA", 2)
    png = render_song(song, 100, title="Song").png
    assert shown == [["A · verse · plays 3 times", "B · chorus · plays once"]]
    a, b = song.sections()["A"], song.sections()["B"]
    heights = grid_image(a, "Song", "x", heading="A").height + grid_image(b, heading="B").height
    assert Image.open(io.BytesIO(png)).height == heights  # two grids, not four


# -- the check covers every section --------------------------------------------------------------


def test_a_constraint_broken_only_in_the_chorus_is_reported_naming_it(monkeypatch) -> None:
    """With the fit unable to mend it, the chorus's crash breaks 'no crash': the check says where."""
    monkeypatch.setattr(form_module, "fit_to_constraints", lambda pattern, *a, **k: pattern)
    _, check = song_of("AB", 1, "rock beat with no crash")
    verdict = next(v for v in check.constraints if "crash" in v.text)
    assert not verdict.honoured and not check.passed
    assert verdict.problem.startswith("section B (chorus, song bar 2): ")


def test_a_problem_of_one_section_names_that_section(monkeypatch) -> None:
    def wall(a):
        return a.replace_tracks(a.tracks | {"bd": "x" * a.length})

    monkeypatch.setattr(form_module, "breakdown", wall)
    _, check = song_of("AABD", 2)
    assert len(check.problems) == 1
    assert check.problems[0].startswith("section D (breakdown, song bars 7-8): the kick plays 16 of the 16 steps")


def test_the_song_keeps_the_request_in_every_section(engine) -> None:
    result = engine.generate("rock with the kick on 1 and 3 and no crash", bars=2, form="ABCD", seed=3)
    assert result.song is not None and result.bars == 8 and result.check.passed, result.check.problems
    for letter, pattern in result.song.sections().items():
        assert "cc" not in pattern.tracks, letter
        for bar in range(2):
            kicks = [i % 16 for i in pattern.hits("bd") if bar * 16 <= i < bar * 16 + 12]
            assert kicks == [0, 8], (letter, pattern.steps("bd"))
    data = result.to_json()
    assert data["form"] == "ABCD" and data["bars"] == 8 and sorted(data["sections"]) == list("ABCD")
    assert data["notation"] == result.pattern.to_text()  # section A's groove, as before
