"""Renderers: a pattern as note events, a MIDI file, a WAV preview and a step-grid picture.

    note_events(pattern, swing=0.0, loops=1) -> list[NoteEvent]   the grid, times in quarter notes
    perform(pattern, bpm, swing=0.0, loops=1, *, humanize=0, seed=None) -> list[NoteEvent]
                                                                 the grid as a drummer plays it
    midi_file(pattern, bpm, swing=0.0, loops=1, name=..., *, humanize=0, seed=None, kit=None)
    midi_bytes(...same...) -> bytes
    render_wav(pattern, bpm, swing=0.0, loops=1, *, use_fluidsynth=None, humanize=0, seed=None)
    render_png(pattern, title=None, subtitle=None) -> bytes
    render_song(song, bpm, swing=0.0, title=None, *, humanize=0, seed=None, kit=None, loops=1)
                                                                 -> Rendering of a song form (markers,
                                                                    a WAV preview of at most 30 s)
    render_all(pattern, bpm, swing=0.0, title=None, *, humanize=0, seed=None, kit=None, loops=1)
                                                                 -> Rendering, the three files
    load_kit(name_or_path) -> KitMap                             a drum kit's note map
    swing_note(pattern, swing) -> str                            why a meter does not swing, or ""
    voice(code) -> np.ndarray                                    one kit sample, 44.1 kHz

``bpm`` always counts the felt beat (a dotted quarter in 6/8). ``swing`` is 0..1 here;
users give an amount 0-100 (`swing_fraction`); the ranges live in `pydrums_engine.limits`.
"""

from .audio import RenderedAudio, render_wav
from .events import NoteEvent, note_events, swing_note
from .files import AUDIO_RENDERERS, FILE_NAMES, Rendering, render_all
from .kit import SAMPLE_RATE, voice
from .kits import DEFAULT_KIT, KitMap, kit_names, load_kit
from .midi import midi_bytes, midi_file
from .performance import DEFAULT_HUMANIZE, check_humanize, perform, swing_fraction
from .picture import render_png
from .song import PREVIEW_SECONDS, render_song

__all__ = [
    "AUDIO_RENDERERS",
    "DEFAULT_HUMANIZE",
    "DEFAULT_KIT",
    "FILE_NAMES",
    "PREVIEW_SECONDS",
    "SAMPLE_RATE",
    "KitMap",
    "NoteEvent",
    "RenderedAudio",
    "Rendering",
    "check_humanize",
    "kit_names",
    "load_kit",
    "midi_bytes",
    "midi_file",
    "note_events",
    "perform",
    "render_all",
    "render_png",
    "render_song",
    "render_wav",
    "swing_fraction",
    "swing_note",
    "voice",
]
