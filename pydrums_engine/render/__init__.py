"""Renderers: a pattern as note events, a MIDI file, a WAV preview and a step-grid picture.

    note_events(pattern, swing=0.0, loops=1) -> list[NoteEvent]   times in quarter notes
    midi_file(pattern, bpm, swing=0.0, loops=1, name=...) -> mido.MidiFile
    midi_bytes(pattern, bpm, swing=0.0, loops=1, name=...) -> bytes
    render_wav(pattern, bpm, swing=0.0, loops=1, *, use_fluidsynth=None) -> RenderedAudio
    render_png(pattern, title=None, subtitle=None) -> bytes
    render_all(pattern, bpm, swing=0.0, title=None) -> Rendering   the three files together
    voice(code) -> np.ndarray                                    one kit sample, 44.1 kHz

``bpm`` always counts the felt beat (a dotted quarter in 6/8).
"""

from .audio import RenderedAudio, render_wav
from .events import NoteEvent, note_events
from .files import AUDIO_RENDERERS, FILE_NAMES, Rendering, render_all
from .kit import SAMPLE_RATE, voice
from .midi import midi_bytes, midi_file
from .picture import render_png

__all__ = [
    "AUDIO_RENDERERS",
    "FILE_NAMES",
    "SAMPLE_RATE",
    "NoteEvent",
    "RenderedAudio",
    "Rendering",
    "midi_bytes",
    "midi_file",
    "note_events",
    "render_all",
    "render_png",
    "render_wav",
    "voice",
]
