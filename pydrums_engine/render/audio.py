"""An audio preview of a pattern: a mono 16-bit WAV file, built in memory.

Two renderers give the same length and format:

- ``fluidsynth``: the MIDI file played through a General MIDI SoundFont by the
  ``fluidsynth`` program, when it and a SoundFont are installed (`PYDRUMS_SOUNDFONT`
  names one; common system paths are tried otherwise). Real drum samples.
- ``builtin``: the numpy kit in `kit` mixed at the event times. Always available, and
  what the fluidsynth path falls back to, with a logged warning, when anything goes wrong.

A preview is the pattern played ``loops`` times plus a short faded tail (`TAIL_SECONDS`)
for the last notes to ring, then limited to a fixed peak so it never clips.
"""

from __future__ import annotations

import bisect
import io
import logging
import os
import shutil
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..notation import Pattern
from .events import NoteEvent, note_events, step_times
from .kit import SAMPLE_RATE, velocity_gain, voice
from .midi import midi_bytes, quarters_per_minute

log = logging.getLogger(__name__)

TAIL_SECONDS = 0.5
PEAK = 0.89  # about -1 dBFS: the loudest sample after limiting
CHOKE_SECONDS = 0.008  # how fast a closing hi-hat silences an open one
FLUIDSYNTH_TIMEOUT = 60.0  # seconds; rendering a few bars takes well under one
FLUIDSYNTH_GAIN = "0.5"
SOUNDFONT_ENV = "PYDRUMS_SOUNDFONT"
SOUNDFONT_PATHS = (
    "/usr/share/sounds/sf2/FluidR3_GM.sf2",
    "/usr/share/sounds/sf2/default-GM.sf2",
    "/usr/share/soundfonts/FluidR3_GM.sf2",
    "/usr/share/soundfonts/default.sf2",
    "/usr/local/share/soundfonts/default.sf2",
)
OPEN_HAT, HAT_CHOKERS = "oh", frozenset({"ch", "ph", "oh"})


@dataclass(frozen=True)
class RenderedAudio:
    """A complete ``.wav`` file, which renderer made it, and its length in seconds."""

    data: bytes
    renderer: str  # "fluidsynth" or "builtin"
    seconds: float


def find_fluidsynth() -> tuple[str, Path] | None:
    """``(fluidsynth executable, SoundFont)`` when both are installed, else None."""
    exe = shutil.which("fluidsynth")
    if exe is None:
        return None
    named = os.environ.get(SOUNDFONT_ENV)
    if named:
        if Path(named).is_file():
            return exe, Path(named)
        log.warning("%s=%s is not a file; looking for a system SoundFont instead", SOUNDFONT_ENV, named)
    for candidate in SOUNDFONT_PATHS:
        if Path(candidate).is_file():
            return exe, Path(candidate)
    return None


def render_wav(
    pattern: Pattern, bpm: int, swing: float = 0.0, loops: int = 1, *, use_fluidsynth: bool | None = None
) -> RenderedAudio:
    """The pattern as a WAV preview at ``bpm`` (felt beats per minute).

    ``use_fluidsynth``: None picks fluidsynth when installed and falls back to the built-in
    kit on any failure; False always uses the built-in kit; True insists on fluidsynth and
    raises RuntimeError when it is missing or fails.
    """
    seconds_per_quarter = 60.0 / quarters_per_minute(pattern, bpm)
    body = round(float(step_times(pattern)[-1] * loops) * seconds_per_quarter * SAMPLE_RATE)
    total = body + round(TAIL_SECONDS * SAMPLE_RATE)
    if use_fluidsynth is not False:
        setup = find_fluidsynth()
        if setup is None:
            if use_fluidsynth:
                raise RuntimeError(
                    "fluidsynth audio needs the fluidsynth program and a General MIDI SoundFont "
                    f"(install fluidsynth and fluid-soundfont-gm, or set {SOUNDFONT_ENV})"
                )
        else:
            try:
                mix = _fluidsynth_mix(pattern, bpm, swing, loops, *setup)
                return _finish(mix, body, total, "fluidsynth")
            except (OSError, subprocess.SubprocessError, ValueError, wave.Error) as exc:
                if use_fluidsynth:
                    raise RuntimeError(f"fluidsynth could not render the preview: {exc}") from exc
                log.warning("fluidsynth failed (%s); using the built-in kit", exc)
    events = note_events(pattern, swing, loops)
    return _finish(_builtin_mix(events, seconds_per_quarter, total), body, total, "builtin")


def _builtin_mix(events: list[NoteEvent], seconds_per_quarter: float, total: int) -> np.ndarray:
    """Kit voices summed at their event times; an open hat stops at the next hat stroke."""
    mix = np.zeros(total, dtype=np.float32)
    starts = [round(e.time * seconds_per_quarter * SAMPLE_RATE) for e in events]
    hat_starts = [s for s, e in zip(starts, events, strict=True) if e.code in HAT_CHOKERS]
    choke = round(CHOKE_SECONDS * SAMPLE_RATE)
    for start, event in zip(starts, events, strict=True):
        if start >= total:
            continue
        sample = voice(event.code) * np.float32(velocity_gain(event.velocity))
        if event.code == OPEN_HAT:
            nxt = bisect.bisect_right(hat_starts, start)
            if nxt < len(hat_starts) and hat_starts[nxt] - start < len(sample):
                sample = sample[: hat_starts[nxt] - start + choke].copy()
                sample[-choke:] *= np.linspace(1.0, 0.0, min(choke, len(sample)), dtype=np.float32)
        end = min(total, start + len(sample))
        mix[start:end] += sample[: end - start]
    return mix


def _fluidsynth_mix(pattern: Pattern, bpm: int, swing: float, loops: int, exe: str, soundfont: Path) -> np.ndarray:
    """The MIDI file rendered by fluidsynth (no audio driver, straight to a file), as mono floats."""
    with tempfile.TemporaryDirectory(prefix="pydrums-") as tmp:
        midi_path, raw_path = Path(tmp, "pattern.mid"), Path(tmp, "pattern.raw")
        midi_path.write_bytes(midi_bytes(pattern, bpm, swing, loops))
        command = [
            exe, "-n", "-i", "-q", "-C", "0", "-g", FLUIDSYNTH_GAIN, "-r", str(SAMPLE_RATE),
            "-F", str(raw_path), "-T", "raw", "-O", "float", "-E", "little",
            str(soundfont), str(midi_path),
        ]  # fmt: skip
        done = subprocess.run(command, capture_output=True, timeout=FLUIDSYNTH_TIMEOUT, check=False)
        if done.returncode != 0 or not raw_path.is_file():
            detail = done.stderr.decode(errors="replace").strip().splitlines()
            raise ValueError(f"exit code {done.returncode}: {detail[-1] if detail else 'no output file'}")
        frames = np.frombuffer(raw_path.read_bytes(), dtype="<f4")
    if frames.size < 2 or not np.isfinite(frames).all():
        raise ValueError("fluidsynth wrote no usable audio")
    return frames[: frames.size // 2 * 2].reshape(-1, 2).mean(axis=1)


def _finish(mix: np.ndarray, body: int, total: int, renderer: str) -> RenderedAudio:
    """Trim or pad to ``total`` samples, fade the tail, limit the peak, encode 16-bit mono WAV."""
    out = np.zeros(total, dtype=np.float64)
    out[: min(total, len(mix))] = mix[:total]
    out[body:] *= np.cos(np.linspace(0.0, np.pi / 2, total - body)) ** 2
    out = _limit(out)
    pcm = np.round(out * 32767).astype("<i2")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(pcm.tobytes())
    return RenderedAudio(buffer.getvalue(), renderer, total / SAMPLE_RATE)


def _limit(signal: np.ndarray) -> np.ndarray:
    """Scale to `PEAK`, rounding off the loudest peaks with a gentle tanh curve first.

    The curve lifts quiet strokes a little relative to the hardest ones, as a drum bus
    compressor would; a silent signal stays silent.
    """
    peak = float(np.max(np.abs(signal))) if signal.size else 0.0
    if peak <= 0.0:
        return signal
    drive = 1.5
    shaped = np.tanh(drive * signal / peak)
    return shaped / np.max(np.abs(shaped)) * PEAK
