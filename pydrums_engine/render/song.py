"""The three files of a song (a form such as AABA): one performance, markers, a preview, one sheet.

    render_song(song, bpm, swing=0.0, title=None, *, humanize=0, seed=None, kit=None, loops=1) -> Rendering

- MIDI: every part in order (the whole song, ``loops`` times), with a marker meta message
  named by the section's letter at its first bar.
- WAV: the same performance, cut at the last bar line within `PREVIEW_SECONDS`, so a song
  of 64 bars stays a preview Discord takes as an attachment (30 s of 16-bit mono 44.1 kHz
  is 2.6 MB); `Rendering.audio_note` says when it was cut.
- PNG: each distinct section once, headed by its letter, its name and how often it plays.

Each part is performed on its own (`perform`), with a seed of its own drawn from the song's,
so the third A is not a copy of the first, and the same seed still replays the same song.
"""

from __future__ import annotations

import math
import zlib
from fractions import Fraction

from ..form import SECTION_NAMES, Song
from .audio import events_wav
from .events import NoteEvent, quarters_per_minute
from .files import Rendering, check_playing, played
from .kits import KitMap
from .midi import events_midi, file_bytes
from .performance import perform
from .picture import render_sections_png

PREVIEW_SECONDS = 30.0  # the WAV preview of a song plays at most this long (whole bars)


def song_events(
    song: Song, bpm: int, swing: float = 0.0, loops: int = 1, *, humanize: int = 0, seed: int | None = None
) -> tuple[list[NoteEvent], list[tuple[Fraction, str]], Fraction]:
    """The song's performed strokes, its markers (time in quarters, letter) and its length in quarters."""
    base = seed if seed is not None else zlib.crc32(f"{song.form}|{song.parts[0].pattern.to_text()}".encode())
    events: list[NoteEvent] = []
    markers: list[tuple[Fraction, str]] = []
    at = Fraction(0)
    for k in range(loops * len(song.parts)):
        part = song.parts[k % len(song.parts)]
        part_seed = zlib.crc32(f"{base}:{k}".encode())
        played = perform(part.pattern, bpm, swing, humanize=humanize, seed=part_seed)
        offset = float(at)
        events += [NoteEvent(e.time + offset, e.code, e.note, e.velocity, e.duration, e.symbol) for e in played]
        markers.append((at, part.letter))
        at += part.pattern.length * part.pattern.step_quarters
    return events, markers, at


def render_song(
    song: Song,
    bpm: int,
    swing: float = 0.0,
    title: str | None = None,
    *,
    humanize: int = 0,
    seed: int | None = None,
    kit: KitMap | None = None,
    loops: int = 1,
) -> Rendering:
    """MIDI (the whole song, with markers), a WAV preview of its start and a PNG of its sections."""
    check_playing(bpm, swing, loops, humanize)
    first = song.parts[0].pattern
    events, markers, length = song_events(song, bpm, swing, loops, humanize=humanize, seed=seed)
    midi = events_midi(events, first, bpm, length, title or "PyDrums song", kit=kit, markers=markers)

    seconds_per_quarter = 60.0 / quarters_per_minute(first, bpm)
    bar_quarters = first.steps_per_bar * first.step_quarters
    total_bars = song.bars * loops
    fit = max(1, math.floor(PREVIEW_SECONDS / (float(bar_quarters) * seconds_per_quarter)))
    heard = min(total_bars, fit)
    audio = events_wav(events, seconds_per_quarter, float(heard * bar_quarters))
    audio_note = (
        f"the audio preview plays the first {heard} of {total_bars} bars ({PREVIEW_SECONDS:g} s at most); "
        "the MIDI has the whole song"
        if heard < total_bars
        else ""
    )

    repeats = song.repeats()
    sections = [
        (f"{letter} · {SECTION_NAMES[letter]} · {_times(repeats[letter])}", pattern)
        for letter, pattern in song.sections().items()
    ]
    bars = song.section_bars
    subtitle = (
        f"{first.time_signature} · {bpm} bpm · form {song.form} · "
        f"{bars} bar{'s' if bars > 1 else ''} a section, {song.bars} bars"
    )
    png = render_sections_png(sections, title=title, subtitle=subtitle)
    return played(
        file_bytes(midi), audio, png, first, swing, humanize=humanize, kit=kit, loops=loops, audio_note=audio_note
    )


def _times(count: int) -> str:
    return "plays once" if count == 1 else f"plays {count} times"
