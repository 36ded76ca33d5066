"""The three files of a reply, made together: MIDI, WAV preview and step-grid picture.

The MIDI and the WAV are one performance (`performance.perform`: the same humanize, seed,
swing and loops); the picture is the grid, once.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from ..limits import LOOPS_MAX, LOOPS_MIN, check_bpm
from ..notation import Pattern
from .audio import RenderedAudio, events_wav
from .events import quarters_per_minute, step_times, swing_note
from .kits import DEFAULT_KIT, KitMap
from .midi import events_midi, file_bytes
from .performance import check_humanize, perform
from .picture import render_png

FILE_NAMES = ("pattern.mid", "pattern.wav", "pattern.png")
AUDIO_RENDERERS = {"builtin": "the built-in kit", "fluidsynth": "FluidSynth with a General MIDI SoundFont"}


@dataclass(frozen=True)
class Rendering:
    """The three files of a pattern, as bytes (nothing written to disk)."""

    midi: bytes
    wav: bytes
    png: bytes
    audio_renderer: str  # "builtin" or "fluidsynth"
    humanize: int = 0  # how it was played: 0 is exactly on the grid
    swing: float = 0.0  # the swing heard (0..1): 0 in a meter that does not swing
    swing_note: str = ""  # why a swing that was asked for is not heard, or ""
    kit: str = DEFAULT_KIT  # the kit map the MIDI notes follow
    loops: int = 1
    audio_note: str = ""  # when the preview plays less than the MIDI (a long song), what it plays

    def files(self) -> dict[str, bytes]:
        """File name → bytes, in the order of `FILE_NAMES`."""
        return dict(zip(FILE_NAMES, (self.midi, self.wav, self.png), strict=True))


def check_playing(bpm: int, swing: float, loops: int, humanize: int) -> None:
    """InputError unless tempo, swing (0..1), loops and humanize are in their ranges: one home
    for the checks every renderer of a pattern or a song makes first."""
    check_bpm(bpm)
    if not 0.0 <= swing <= 1.0:
        raise InputError(f"swing must be from 0 to 1, not {swing}")
    if not LOOPS_MIN <= loops <= LOOPS_MAX:
        raise InputError(f"loops must be from {LOOPS_MIN} to {LOOPS_MAX}, not {loops}")
    check_humanize(humanize)


def render_all(
    pattern: Pattern,
    bpm: int,
    swing: float = 0.0,
    title: str | None = None,
    *,
    humanize: int = 0,
    seed: int | None = None,
    kit: KitMap | None = None,
    loops: int = 1,
) -> Rendering:
    """MIDI, WAV and PNG of a pattern, in memory; the picture's subtitle gives meter, tempo, bars.

    ``humanize`` (0-100) and ``seed`` shape the performance, ``kit`` the MIDI notes (None:
    General MIDI), ``loops`` how often MIDI and WAV play the pattern.
    """
    check_playing(bpm, swing, loops, humanize)
    events = perform(pattern, bpm, swing, loops, humanize=humanize, seed=seed)  # once, for the MIDI and the WAV
    length = step_times(pattern)[-1] * loops
    midi = events_midi(events, pattern, bpm, length, title or "PyDrums pattern", kit=kit)
    audio = events_wav(events, 60.0 / quarters_per_minute(pattern, bpm), float(length))
    subtitle = f"{pattern.time_signature} · {bpm} bpm · {pattern.bars} bar{'s' if pattern.bars > 1 else ''}"
    png = render_png(pattern, title=title, subtitle=subtitle)
    return played(file_bytes(midi), audio, png, pattern, swing, humanize=humanize, kit=kit, loops=loops)


def played(
    midi: bytes,
    audio: RenderedAudio,
    png: bytes,
    pattern: Pattern,
    swing: float,
    *,
    humanize: int,
    kit: KitMap | None,
    loops: int,
    audio_note: str = "",
) -> Rendering:
    """The `Rendering` of one performance, saying how it was played: the swing heard (none in
    a meter that does not swing, and the note why), the humanize, the kit and the loops."""
    note = swing_note(pattern, swing)
    return Rendering(
        midi=midi,
        wav=audio.data,
        png=png,
        audio_renderer=audio.renderer,
        humanize=humanize,
        swing=0.0 if note else swing,
        swing_note=note,
        kit=kit.key if kit else DEFAULT_KIT,
        loops=loops,
        audio_note=audio_note,
    )
