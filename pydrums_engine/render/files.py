"""The three files of a reply, made together: MIDI, WAV preview and step-grid picture."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from ..notation import Pattern
from .audio import render_wav
from .midi import midi_bytes
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

    def files(self) -> dict[str, bytes]:
        """File name → bytes, in the order of `FILE_NAMES`."""
        return dict(zip(FILE_NAMES, (self.midi, self.wav, self.png), strict=True))


def render_all(pattern: Pattern, bpm: int, swing: float = 0.0, title: str | None = None) -> Rendering:
    """MIDI, WAV and PNG of a pattern, in memory; the picture's subtitle gives meter, tempo, bars."""
    if not 40 <= bpm <= 240:
        raise InputError(f"bpm must be from 40 to 240, not {bpm}")
    audio = render_wav(pattern, bpm, swing)
    subtitle = f"{pattern.time_signature} · {bpm} bpm · {pattern.bars} bar{'s' if pattern.bars > 1 else ''}"
    return Rendering(
        midi=midi_bytes(pattern, bpm, swing, name=title or "PyDrums pattern"),
        wav=audio.data,
        png=render_png(pattern, title=title, subtitle=subtitle),
        audio_renderer=audio.renderer,
    )
