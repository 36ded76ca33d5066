"""An audio preview of a pattern: a mono 16-bit WAV file, built in memory.

One mixer (`mix_events`) lays one-shot samples at the event times, whatever made them;
two voice sources feed it:

- ``fluidsynth``: real drum samples from a General MIDI SoundFont, when the ``fluidsynth``
  program and a SoundFont are installed (`PYDRUMS_SOUNDFONT` names one; common system paths
  are tried otherwise). Loading a SoundFont takes fluidsynth about half a second, far more
  than a preview may cost, so each instrument is sampled once per process: one fluidsynth
  run plays every GM drum note once at full velocity, a slot apart, and `soundfont_voices`
  cuts the notes apart and keeps them.
- ``builtin``: the numpy kit in `kit`. Always available, and what the fluidsynth path falls
  back to, with a logged warning, when anything goes wrong.

Both are mixed the same way (velocity curve, open hi-hat choked by the next hat stroke), and
a preview is the pattern played ``loops`` times, as `performance.perform` plays it for the
MIDI file too, plus a short faded tail (`TAIL_SECONDS`) for the last notes to ring, then
limited to a fixed peak so it never clips.
"""

from __future__ import annotations

import bisect
import io
import logging
import os
import shutil
import subprocess
import tempfile
import threading
import wave
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import mido
import numpy as np

from ..instruments import INSTRUMENTS
from ..notation import Pattern
from .events import NoteEvent, quarters_per_minute, step_times
from .kit import SAMPLE_RATE, velocity_gain, voice
from .midi import DRUM_CHANNEL, TICKS_PER_BEAT
from .performance import perform

log = logging.getLogger(__name__)

TAIL_SECONDS = 0.5
PEAK = 0.89  # about -1 dBFS: the loudest sample after limiting
CHOKE_SECONDS = 0.008  # how fast a closing hi-hat silences an open one
FLUIDSYNTH_TIMEOUT = 60.0  # seconds; sampling the whole kit takes under one
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

# Sampling the SoundFont: each note gets a slot to ring in (cymbals ring for seconds), and all
# sound is cut just before the next note so no slot bleeds into the next.
SLOT_SECONDS = 2.5
NOTE_SECONDS = 0.1  # note-on to note-off; drum sounds mostly ignore it
CUT_SECONDS = 0.05  # all sound off this long before the next slot
ONSET_WINDOW_SECONDS = 0.05  # fluidsynth starts a note up to a few ms after its time
ONSET_LEVEL = 1e-4  # a sample starts at its first value above this share of its peak (-80 dB)
END_LEVEL = 1e-3  # and ends after its last value above this share (-60 dB) ...
END_FADE_SECONDS = 0.03  # ... fading out over this long, so a cut cymbal does not click
ALL_SOUND_OFF = 120  # MIDI controller number

Voices = Callable[[str], np.ndarray]  # instrument code -> its one-shot at full velocity (float32 mono)


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
    pattern: Pattern,
    bpm: int,
    swing: float = 0.0,
    loops: int = 1,
    *,
    use_fluidsynth: bool | None = None,
    humanize: int = 0,
    seed: int | None = None,
) -> RenderedAudio:
    """The pattern as a WAV preview at ``bpm`` (felt beats per minute): the same performance as the MIDI.

    ``use_fluidsynth``: None picks fluidsynth's SoundFont samples when installed and falls
    back to the built-in kit on any failure; False always uses the built-in kit; True insists
    on fluidsynth and raises RuntimeError when it is missing or fails. ``humanize`` and
    ``seed`` are `perform`'s.
    """
    events = perform(pattern, bpm, swing, loops, humanize=humanize, seed=seed)
    return events_wav(events, 60.0 / quarters_per_minute(pattern, bpm), float(step_times(pattern)[-1] * loops),
                      use_fluidsynth=use_fluidsynth)  # fmt: skip


def events_wav(
    events: list[NoteEvent], seconds_per_quarter: float, length: float, *, use_fluidsynth: bool | None = None
) -> RenderedAudio:
    """Performed ``events`` as a WAV preview ``length`` quarters long, plus the faded tail.

    Events at or after ``length`` are left out, so a long song can be previewed by its start.
    """
    body = round(length * seconds_per_quarter * SAMPLE_RATE)
    total = body + round(TAIL_SECONDS * SAMPLE_RATE)
    voices, renderer = _pick_voices(use_fluidsynth)
    kept = [e for e in events if e.time < length]
    return _finish(mix_events(kept, voices, seconds_per_quarter, total), body, total, renderer)


def _pick_voices(use_fluidsynth: bool | None) -> tuple[Voices, str]:
    """The voice source for ``use_fluidsynth`` (see `render_wav`) and its renderer's name."""
    if use_fluidsynth is False:
        return voice, "builtin"
    setup = find_fluidsynth()
    if setup is None:
        if use_fluidsynth:
            raise RuntimeError(
                "fluidsynth audio needs the fluidsynth program and a General MIDI SoundFont "
                f"(install fluidsynth and fluid-soundfont-gm, or set {SOUNDFONT_ENV})"
            )
        return voice, "builtin"
    try:
        return soundfont_voices(*setup).__getitem__, "fluidsynth"
    except (OSError, subprocess.SubprocessError, ValueError) as exc:
        if use_fluidsynth:
            raise RuntimeError(f"fluidsynth could not render the preview: {exc}") from exc
        log.warning("fluidsynth failed (%s); using the built-in kit", exc)
        return voice, "builtin"


def mix_events(events: list[NoteEvent], voices: Voices, seconds_per_quarter: float, total: int) -> np.ndarray:
    """``total`` samples of the events' voices summed at their times, scaled by velocity.

    An open hat stops (with a short fade) at the next hat stroke, as a drummer's foot closes it.
    """
    mix = np.zeros(total, dtype=np.float32)
    starts = [round(e.time * seconds_per_quarter * SAMPLE_RATE) for e in events]
    hat_starts = [s for s, e in zip(starts, events, strict=True) if e.code in HAT_CHOKERS]
    choke = round(CHOKE_SECONDS * SAMPLE_RATE)
    for start, event in zip(starts, events, strict=True):
        if start >= total:
            continue
        sample = voices(event.code) * np.float32(velocity_gain(event.velocity))
        if event.code == OPEN_HAT:
            nxt = bisect.bisect_right(hat_starts, start)
            if nxt < len(hat_starts) and hat_starts[nxt] - start < len(sample):
                sample = sample[: hat_starts[nxt] - start + choke].copy()
                sample[-choke:] *= np.linspace(1.0, 0.0, min(choke, len(sample)), dtype=np.float32)
        end = min(total, start + len(sample))
        mix[start:end] += sample[: end - start]
    return mix


_soundfont_kits: dict[tuple[str, Path], Mapping[str, np.ndarray]] = {}
_soundfont_lock = threading.Lock()


def soundfont_voices(exe: str, soundfont: Path) -> Mapping[str, np.ndarray]:
    """Every instrument's one-shot from ``soundfont`` (code -> float32 mono, read-only).

    Sampled by one fluidsynth run the first time a process asks for this SoundFont, then
    kept; threads asking meanwhile wait for that run instead of starting their own. Their
    balance is the SoundFont's, scaled so the loudest peaks at 1. A failure raises (OSError,
    SubprocessError or ValueError) and is not remembered: the next call tries again.
    """
    key = (exe, soundfont)
    with _soundfont_lock:
        kit = _soundfont_kits.get(key)
        if kit is None:
            kit = _soundfont_kits[key] = _sample_soundfont(exe, soundfont)
            log.info("sampled %d instruments from %s", len(kit), soundfont)
        return kit


def _sample_soundfont(exe: str, soundfont: Path) -> Mapping[str, np.ndarray]:
    """Play `_kit_midi` through fluidsynth (no audio driver, dry, straight to a file) and cut it up."""
    with tempfile.TemporaryDirectory(prefix="pydrums-") as tmp:
        midi_path, raw_path = Path(tmp, "kit.mid"), Path(tmp, "kit.raw")
        _kit_midi().save(midi_path)
        command = [
            exe, "-n", "-i", "-q", "-R", "0", "-C", "0", "-g", FLUIDSYNTH_GAIN, "-r", str(SAMPLE_RATE),
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
    slot = round(SLOT_SECONDS * SAMPLE_RATE)
    mono = np.zeros(slot * len(INSTRUMENTS), dtype=np.float32)
    played = frames[: min(frames.size // 2, mono.size) * 2].reshape(-1, 2).mean(axis=1)
    mono[: played.size] = played
    cuts = {inst.code: _cut_note(mono[k * slot : (k + 1) * slot], inst.gm_note) for k, inst in enumerate(INSTRUMENTS)}
    loudest = max(float(np.max(np.abs(sample))) for sample in cuts.values())
    kit = {}
    for code, sample in cuts.items():
        sample = (sample / loudest).astype(np.float32)
        sample.setflags(write=False)
        kit[code] = sample
    return MappingProxyType(kit)


def _kit_midi() -> mido.MidiFile:
    """Each instrument's GM drum note once at full velocity, one per `SLOT_SECONDS`, in table order."""
    tempo = mido.bpm2tempo(120)

    def tick(seconds: float) -> int:
        return round(mido.second2tick(seconds, TICKS_PER_BEAT, tempo))

    timed: list[tuple[int, mido.Message]] = []
    for k, inst in enumerate(INSTRUMENTS):
        start = k * SLOT_SECONDS
        timed += [
            (tick(start), mido.Message("note_on", channel=DRUM_CHANNEL, note=inst.gm_note, velocity=127)),
            (tick(start + NOTE_SECONDS), mido.Message("note_off", channel=DRUM_CHANNEL, note=inst.gm_note)),
            (
                tick(start + SLOT_SECONDS - CUT_SECONDS),
                mido.Message("control_change", channel=DRUM_CHANNEL, control=ALL_SOUND_OFF, value=0),
            ),
        ]
    track = mido.MidiTrack([mido.MetaMessage("set_tempo", tempo=tempo, time=0)])
    now = 0
    for at, message in timed:
        track.append(message.copy(time=at - now))
        now = at
    track.append(mido.MetaMessage("end_of_track", time=tick(len(INSTRUMENTS) * SLOT_SECONDS) - now))
    midi = mido.MidiFile(type=0, ticks_per_beat=TICKS_PER_BEAT)
    midi.tracks.append(track)
    return midi


def _cut_note(slot: np.ndarray, note: int) -> np.ndarray:
    """The one-shot in a slot: from its first sound (fluidsynth starts notes a little late) to silence."""
    peak = float(np.max(np.abs(slot)))
    if peak <= 0.0:
        raise ValueError(f"the SoundFont plays nothing for General MIDI drum note {note}")
    level = np.abs(slot)
    sounding = np.flatnonzero(level[: round(ONSET_WINDOW_SECONDS * SAMPLE_RATE)] > ONSET_LEVEL * peak)
    if sounding.size == 0:
        raise ValueError(f"General MIDI drum note {note} did not start on time")
    start = int(sounding[0])
    end = int(np.flatnonzero(level > END_LEVEL * peak)[-1]) + 1
    sample = slot[start:end].copy()
    fade = min(sample.size, round(END_FADE_SECONDS * SAMPLE_RATE))
    sample[sample.size - fade :] *= np.linspace(1.0, 0.0, fade, dtype=np.float32)
    return sample


def _finish(mix: np.ndarray, body: int, total: int, renderer: str) -> RenderedAudio:
    """Trim or pad to ``total`` samples, fade the tail, limit the peak, encode 16-bit mono WAV.

    float32 throughout: ample for 16-bit output, and numpy's tanh is several times faster on it.
    """
    out = np.zeros(total, dtype=np.float32)
    out[: min(total, len(mix))] = mix[:total]
    out[body:] *= (np.cos(np.linspace(0.0, np.pi / 2, total - body)) ** 2).astype(np.float32)
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
    shaped = np.tanh(signal * np.float32(drive / peak))
    return shaped * np.float32(PEAK / float(np.max(np.abs(shaped))))
