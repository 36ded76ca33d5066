"""WAV previews: format, length, loudness, timing, the built-in kit and the fluidsynth SoundFont path."""

from __future__ import annotations

import io
import logging
import subprocess
import wave
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from pydrums_engine.instruments import INSTRUMENTS
from pydrums_engine.notation import parse_pattern
from pydrums_engine.render import SAMPLE_RATE, RenderedAudio, render_wav, voice
from pydrums_engine.render import audio as audio_module
from pydrums_engine.render.audio import SLOT_SECONDS, TAIL_SECONDS, find_fluidsynth, soundfont_voices

GROOVE = """
cc: X---------------
ch: x-x-x-x-x-x-x---
oh: --------------x-
sd: ----X--o-o--X-fr
bd: x-x----x--x-----
"""


def decode(rendered: RenderedAudio) -> tuple[tuple, np.ndarray]:
    """The WAV's parameters and its samples as floats in -1..1."""
    with wave.open(io.BytesIO(rendered.data), "rb") as wav:
        params = wav.getparams()
        frames = wav.readframes(wav.getnframes())
    assert params.sampwidth == 2
    return params, np.frombuffer(frames, dtype="<i2").astype(np.float64) / 32768


def window(samples: np.ndarray, start: float, end: float) -> np.ndarray:
    return samples[int(start * SAMPLE_RATE) : int(end * SAMPLE_RATE)]


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(samples**2))) if samples.size else 0.0


needs_fluidsynth = pytest.mark.skipif(find_fluidsynth() is None, reason="fluidsynth or a GM SoundFont is not installed")
# use_fluidsynth values for tests every renderer must pass: both share one mixer
RENDERERS = [pytest.param(False, id="builtin"), pytest.param(True, id="fluidsynth", marks=needs_fluidsynth)]


def fresh_soundfont(tmp_path: Path) -> tuple[str, Path]:
    """The installed fluidsynth with its SoundFont under a new name, so this process has not sampled it yet."""
    exe, soundfont = find_fluidsynth()
    link = tmp_path / "kit.sf2"
    link.symlink_to(soundfont)
    return exe, link


def count_runs(monkeypatch) -> list[list[str]]:
    """Record every subprocess the audio module starts (they still run)."""
    calls: list[list[str]] = []
    real_run = subprocess.run

    def run(command, *args, **kwargs):
        calls.append(command)
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(audio_module.subprocess, "run", run)
    return calls


@pytest.mark.parametrize(
    ("text", "bpm", "loops", "seconds"),
    [
        ("bd: x---x---x---x---", 120, 1, 2.0),
        (GROOVE, 90, 2, 2 * 4 * 60 / 90),
        ("time: 6/8; bd: x-----x-----", 60, 1, 2.0),  # two dotted-quarter beats
        ("time: 7/8; bd: x---x---x-----", 120, 1, 3.5),  # bpm counts eighths: 7 of them at 120 a minute
    ],
)
def test_builtin_wav_is_mono_16bit_44k_and_as_long_as_the_pattern(text, bpm, loops, seconds):
    """The preview decodes with `wave`: 44.1 kHz, 16-bit, mono, the pattern's length plus a short tail."""
    rendered = render_wav(parse_pattern(text), bpm, loops=loops, use_fluidsynth=False)
    params, _ = decode(rendered)
    assert (params.nchannels, params.framerate) == (1, SAMPLE_RATE)
    assert rendered.renderer == "builtin"
    assert 0 < TAIL_SECONDS <= 0.5
    assert params.nframes / SAMPLE_RATE == pytest.approx(seconds + TAIL_SECONDS, abs=1e-3)
    assert rendered.seconds == pytest.approx(params.nframes / SAMPLE_RATE)


@pytest.mark.parametrize("use_fluidsynth", RENDERERS)
def test_a_dense_loud_pattern_never_clips(use_fluidsynth):
    """Every instrument accented on every step still stays below full scale."""
    tracks = "; ".join(f"{inst.code}: {'X' * 16}" for inst in INSTRUMENTS)
    _, samples = decode(render_wav(parse_pattern(tracks), 160, use_fluidsynth=use_fluidsynth))
    assert np.max(np.abs(samples)) < 32767 / 32768
    assert np.max(np.abs(samples)) > 0.5  # and it is not silent either


@pytest.mark.parametrize("use_fluidsynth", RENDERERS)
def test_kick_only_pattern_sounds_at_the_kicks_and_is_silent_between(use_fluidsynth):
    """Two kicks at 60 bpm (0 s and 2 s): loud just after each, near silence well after."""
    _, samples = decode(render_wav(parse_pattern("bd: x-------x-------"), 60, use_fluidsynth=use_fluidsynth))
    loud = [rms(window(samples, t, t + 0.1)) for t in (0.0, 2.0)]
    quiet = [rms(window(samples, t, t + 0.5)) for t in (1.2, 3.2)]
    assert min(loud) > 0.1
    assert max(quiet) < min(loud) / 100


@pytest.mark.parametrize("use_fluidsynth", RENDERERS)
def test_strokes_sound_on_their_steps(use_fluidsynth):
    """A snare on beat 2 at 60 bpm starts within a few milliseconds of 1 s, not before."""
    _, samples = decode(render_wav(parse_pattern("sd: ----x-----------"), 60, use_fluidsynth=use_fluidsynth))
    level = np.abs(samples)
    onset = np.flatnonzero(level > 0.05 * level.max())[0] / SAMPLE_RATE
    assert onset == pytest.approx(1.0, abs=0.003)
    assert level[: int(0.99 * SAMPLE_RATE)].max() == 0.0


@pytest.mark.parametrize("use_fluidsynth", RENDERERS)
def test_accent_is_louder_than_ghost_note(use_fluidsynth):
    """An accented snare stroke is clearly louder than a ghost note on the same drum."""
    _, samples = decode(render_wav(parse_pattern("sd: X-------o-------"), 60, use_fluidsynth=use_fluidsynth))
    accent, ghost = (np.max(np.abs(window(samples, t, t + 0.2))) for t in (0.0, 2.0))
    assert accent > 2.5 * ghost > 0


@pytest.mark.parametrize("use_fluidsynth", RENDERERS)
def test_closed_hat_chokes_a_ringing_open_hat(use_fluidsynth):
    """An open hat rings on by itself, but stops when the closed hat is played."""
    pattern_alone = parse_pattern("oh: x-------------------------------")
    pattern_choked = parse_pattern("oh: x-------------------------------; ch: --o-----------------------------")
    closed_hat = soundfont_voices(*find_fluidsynth())["ch"] if use_fluidsynth else voice("ch")
    after = 0.25 + closed_hat.size / SAMPLE_RATE + 0.02  # the closed hat (at 0.25 s) has died by then
    ringing = []
    for pattern in (pattern_alone, pattern_choked):
        _, samples = decode(render_wav(pattern, 120, use_fluidsynth=use_fluidsynth))
        start = rms(window(samples, 0.0, 0.05))
        ringing.append(rms(window(samples, after, after + 0.2)) / start)
    alone, choked = ringing
    assert alone > 0.02
    assert choked < alone / 10


def test_eight_bars_at_sixty_bpm_stay_under_three_megabytes():
    """The longest usual preview (8 bars of 4/4 at 60 bpm, 32 s) fits comfortably in a message."""
    text = "; ".join(f"{code}: {steps * 8}" for code, steps in (("ch", "x-x-x-x-x-x-x-x-"), ("bd", "x---x---x---x---")))
    rendered = render_wav(parse_pattern(text), 60, use_fluidsynth=False)
    assert rendered.seconds == pytest.approx(32 + TAIL_SECONDS, abs=1e-3)
    assert len(rendered.data) < 3_000_000


def test_rendering_is_deterministic():
    """The same pattern gives byte-identical previews (seeded noise, cached voices)."""
    pattern = parse_pattern(GROOVE)
    assert render_wav(pattern, 100, 0.4, use_fluidsynth=False) == render_wav(pattern, 100, 0.4, use_fluidsynth=False)


@pytest.mark.parametrize("inst", INSTRUMENTS, ids=lambda inst: inst.code)
def test_every_instrument_has_a_voice(inst):
    """Each code in the table has a finite, audible, float32 one-shot that fades out to silence."""
    sample = voice(inst.code)
    assert sample.dtype == np.float32 and sample.ndim == 1
    assert 0.02 * SAMPLE_RATE < sample.size <= 2.5 * SAMPLE_RATE
    assert np.isfinite(sample).all()
    assert 0.1 < np.max(np.abs(sample)) <= 1.0
    assert abs(sample[-1]) < 1e-3


def test_voices_are_distinct_and_sit_where_drums_sit():
    """No two voices are the same sound, and kick < toms < snare < hats in brightness."""
    samples = {inst.code: voice(inst.code) for inst in INSTRUMENTS}
    assert len({s.tobytes() for s in samples.values()}) == len(samples)

    def centroid(code: str) -> float:
        power = np.abs(np.fft.rfft(samples[code].astype(np.float64))) ** 2
        freqs = np.fft.rfftfreq(samples[code].size, 1 / SAMPLE_RATE)
        return float((power * freqs).sum() / power.sum())

    assert centroid("bd") < centroid("lt") < centroid("mt") < centroid("ht") < centroid("sd") < centroid("ch")
    assert voice("cc").size > voice("ch").size  # a crash rings far longer than a closed hat


def test_unknown_voice_is_refused():
    with pytest.raises(ValueError, match="no kit voice"):
        voice("zz")


def test_forcing_fluidsynth_without_it_is_a_clear_error(monkeypatch):
    """use_fluidsynth=True with no fluidsynth installed raises, saying what to install."""
    monkeypatch.setattr(audio_module.shutil, "which", lambda name: None)
    with pytest.raises(RuntimeError, match="fluidsynth"):
        render_wav(parse_pattern("bd: x-------"), 100, use_fluidsynth=True)


@pytest.mark.parametrize("program", ["/bin/false", "/bin/true"], ids=["fails", "writes-nothing"])
def test_a_failing_fluidsynth_falls_back_to_the_builtin_kit(monkeypatch, tmp_path, caplog, program):
    """When the fluidsynth program fails, the preview still comes, from the built-in kit, with a warning."""
    font = tmp_path / "kit.sf2"
    font.write_bytes(b"not a soundfont")
    monkeypatch.setattr(audio_module, "find_fluidsynth", lambda: (program, font))
    with caplog.at_level(logging.WARNING, logger=audio_module.__name__):
        rendered = render_wav(parse_pattern("bd: x-------x-------"), 100)
    assert rendered.renderer == "builtin"
    assert "fluidsynth" in caplog.text
    params, _ = decode(rendered)
    assert params.nchannels == 1
    assert rendered == render_wav(parse_pattern("bd: x-------x-------"), 100, use_fluidsynth=False)


def test_forced_fluidsynth_that_fails_is_a_clear_error(monkeypatch, tmp_path):
    """use_fluidsynth=True does not fall back: a failing fluidsynth raises, saying so."""
    monkeypatch.setattr(audio_module, "find_fluidsynth", lambda: ("/bin/false", tmp_path / "kit.sf2"))
    with pytest.raises(RuntimeError, match="fluidsynth could not"):
        render_wav(parse_pattern("bd: x-------"), 100, use_fluidsynth=True)


def test_builtin_is_used_when_asked_even_if_fluidsynth_exists(monkeypatch):
    monkeypatch.setattr(audio_module, "find_fluidsynth", lambda: pytest.fail("fluidsynth looked up"))
    assert render_wav(parse_pattern("bd: x-------"), 100, use_fluidsynth=False).renderer == "builtin"


@needs_fluidsynth
def test_fluidsynth_renders_a_decodable_preview_of_the_same_shape():
    """With fluidsynth installed, the default preview comes from it, in the same format and length."""
    pattern = parse_pattern("bd: x-------x-------")
    rendered = render_wav(pattern, 60)
    assert rendered.renderer == "fluidsynth"
    params, samples = decode(rendered)
    assert (params.nchannels, params.framerate) == (1, SAMPLE_RATE)
    assert params.nframes / SAMPLE_RATE == pytest.approx(4 + TAIL_SECONDS, abs=1e-3)
    assert np.max(np.abs(samples)) < 32767 / 32768
    loud = [rms(window(samples, t, t + 0.1)) for t in (0.0, 2.0)]
    before = rms(window(samples, 1.9, 1.99))
    assert min(loud) > 10 * before


@needs_fluidsynth
def test_fluidsynth_and_builtin_previews_sound_different():
    """The SoundFont's drums are not the built-in kit's, though the preview has the same length."""
    pattern = parse_pattern(GROOVE)
    sampled, synthesised = (render_wav(pattern, 100, use_fluidsynth=flag) for flag in (True, False))
    assert sampled.seconds == synthesised.seconds
    assert decode(sampled)[1].tobytes() != decode(synthesised)[1].tobytes()


@needs_fluidsynth
def test_forced_fluidsynth_follows_swing_and_loops():
    """Forcing fluidsynth works and a looped, swung groove lasts its full length."""
    rendered = render_wav(parse_pattern(GROOVE), 120, swing=0.6, loops=2, use_fluidsynth=True)
    params, _ = decode(rendered)
    assert rendered.renderer == "fluidsynth"
    assert params.nframes / SAMPLE_RATE == pytest.approx(4 + TAIL_SECONDS, abs=1e-3)


@needs_fluidsynth
def test_fluidsynth_runs_once_for_many_previews_even_from_many_threads(monkeypatch, tmp_path):
    """The SoundFont is loaded once per process: many previews, some at the same time, one fluidsynth run."""
    setup = fresh_soundfont(tmp_path)
    monkeypatch.setattr(audio_module, "find_fluidsynth", lambda: setup)
    runs = count_runs(monkeypatch)
    patterns = [parse_pattern(text) for text in (GROOVE, "bd: x-------x-------", "rc: x-x-x-x-; sd: --x---x-")]
    with ThreadPoolExecutor(max_workers=4) as pool:
        rendered = list(pool.map(lambda i: render_wav(patterns[i % 3], 90 + i), range(9)))
    rendered.append(render_wav(patterns[0], 90))
    assert len(runs) == 1
    assert {r.renderer for r in rendered} == {"fluidsynth"}
    assert rendered[0] == rendered[-1]  # the same preview from the same samples


@needs_fluidsynth
def test_a_fluidsynth_failure_is_not_remembered(monkeypatch, tmp_path, caplog):
    """After one failed run (here a timeout) the next preview tries fluidsynth again, and gets it."""
    setup = fresh_soundfont(tmp_path)
    monkeypatch.setattr(audio_module, "find_fluidsynth", lambda: setup)
    real_run = subprocess.run
    outcomes = iter([subprocess.TimeoutExpired("fluidsynth", 60.0)])

    def flaky_run(command, *args, **kwargs):
        failure = next(outcomes, None)
        if failure:
            raise failure
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(audio_module.subprocess, "run", flaky_run)
    with caplog.at_level(logging.WARNING, logger=audio_module.__name__):
        first = render_wav(parse_pattern("bd: x-------"), 100)
    assert first.renderer == "builtin" and "fluidsynth failed" in caplog.text
    assert render_wav(parse_pattern("bd: x-------"), 100).renderer == "fluidsynth"


@needs_fluidsynth
def test_soundfont_voices_cover_the_table_and_end_in_silence():
    """Every instrument has its own SoundFont one-shot: float32, read-only, starting at once, fading to silence."""
    kit = soundfont_voices(*find_fluidsynth())
    assert set(kit) == {inst.code for inst in INSTRUMENTS}
    assert len({sample.tobytes() for sample in kit.values()}) == len(kit)
    assert max(float(np.max(np.abs(sample))) for sample in kit.values()) == pytest.approx(1.0)
    for code, sample in kit.items():
        assert sample.dtype == np.float32 and sample.ndim == 1 and not sample.flags.writeable, code
        assert 0.02 * SAMPLE_RATE < sample.size < SLOT_SECONDS * SAMPLE_RATE, code
        peak = np.max(np.abs(sample))
        assert np.max(np.abs(sample[: int(0.01 * SAMPLE_RATE)])) > peak / 10, code  # no silence before the hit
        assert abs(sample[-1]) < 1e-4 * peak, code


def test_bad_bpm_is_refused():
    with pytest.raises(ValueError, match="bpm"):
        render_wav(parse_pattern("bd: x-------"), 0, use_fluidsynth=False)


@pytest.mark.parametrize(("loops", "humanize"), [(1, 0), (4, 0), (4, 70)])
def test_the_preview_lasts_as_long_as_the_loops_whatever_the_humanize(loops, humanize):
    """The WAV plays the pattern ``loops`` times (plus the tail); humanizing never lengthens it."""
    pattern = parse_pattern("ch: x-x-x-x-x-x-x-x-; sd: ----x-------x--r; bd: x-------x------x")
    rendered = render_wav(pattern, 120, loops=loops, humanize=humanize, seed=2, use_fluidsynth=False)
    params, _ = decode(rendered)
    assert params.nframes / SAMPLE_RATE == pytest.approx(loops * 2.0 + TAIL_SECONDS, abs=1e-3)
