"""Standard MIDI files of a pattern: drums on channel 10, General MIDI notes or a kit's, built in memory.

``bpm`` counts the felt beat (a dotted quarter in 6/8, an eighth in 7/8), so the file's
tempo in quarters per minute is ``bpm * meter.beat_quarters``. The notes are the
`performance` of the pattern (the grid itself at humanize 0), looped ``loops`` times; the
track ends exactly at the last loop's bar line, every note released by then.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from io import BytesIO

import mido

from ..notation import Pattern
from .events import NoteEvent, quarters_per_minute, step_times
from .kits import KitMap
from .performance import perform

TICKS_PER_BEAT = 480  # ticks per quarter note
DRUM_CHANNEL = 9  # mido counts channels from 0: this is General MIDI's channel 10
MIDI_CLOCKS_PER_QUARTER = 24


def to_ticks(quarters: float | Fraction) -> int:
    """Quarter notes to MIDI ticks at `TICKS_PER_BEAT`."""
    return round(quarters * TICKS_PER_BEAT)


def midi_file(
    pattern: Pattern,
    bpm: int,
    swing: float = 0.0,
    loops: int = 1,
    name: str = "PyDrums pattern",
    *,
    humanize: int = 0,
    seed: int | None = None,
    kit: KitMap | None = None,
) -> mido.MidiFile:
    """A type-0 MIDI file: tempo, time signature and the pattern's drum notes on channel 10.

    ``kit`` maps instruments (and accents, ghost notes...) to a drum plug-in's notes; None
    is General MIDI. ``humanize`` and ``seed`` are `perform`'s.
    """
    events = perform(pattern, bpm, swing, loops, humanize=humanize, seed=seed)
    return events_midi(events, pattern, bpm, step_times(pattern)[-1] * loops, name, kit=kit)


def events_midi(
    events: Sequence[NoteEvent],
    pattern: Pattern,
    bpm: int,
    length: Fraction | float,
    name: str = "PyDrums pattern",
    *,
    kit: KitMap | None = None,
    markers: Sequence[tuple[Fraction | float, str]] = (),
) -> mido.MidiFile:
    """A type-0 MIDI file of performed ``events`` (times in quarters), ``length`` quarters long.

    ``pattern`` gives the meter and the tempo's beat; ``markers`` are (time in quarters,
    text) marker meta messages, such as a song's section letters at their bars.
    """
    top, bottom = (int(n) for n in pattern.time_signature.split("/"))
    header = [
        mido.MetaMessage("track_name", name=name, time=0),
        mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(quarters_per_minute(pattern, bpm)), time=0),
        mido.MetaMessage(
            "time_signature",
            numerator=top,
            denominator=bottom,
            clocks_per_click=round(MIDI_CLOCKS_PER_QUARTER * pattern.meter.beat_quarters),
            notated_32nd_notes_per_beat=8,
            time=0,
        ),
    ]
    # (tick, order, message): at one tick, markers first, then note-offs before note-ons so a
    # repeated note restarts.
    timed: list[tuple[int, int, mido.Message | mido.MetaMessage]] = [
        (to_ticks(at), 0, mido.MetaMessage("marker", text=text)) for at, text in markers
    ]
    for event in events:
        note = kit.note(event.code, event.symbol) if kit else event.note
        start = to_ticks(event.time)
        end = max(start + 1, to_ticks(event.time + event.duration))
        on = mido.Message("note_on", channel=DRUM_CHANNEL, note=note, velocity=event.velocity)
        timed.append((start, 2, on))
        timed.append((end, 1, mido.Message("note_off", channel=DRUM_CHANNEL, note=note, velocity=0)))
    timed.sort(key=lambda item: (item[0], item[1]))

    track = mido.MidiTrack(header)
    now = 0
    for tick, _, message in timed:
        track.append(message.copy(time=tick - now))
        now = tick
    total = to_ticks(length)
    track.append(mido.MetaMessage("end_of_track", time=max(0, total - now)))

    midi = mido.MidiFile(type=0, ticks_per_beat=TICKS_PER_BEAT)
    midi.tracks.append(track)
    return midi


def file_bytes(midi: mido.MidiFile) -> bytes:
    """A MIDI file's bytes, written in memory."""
    buffer = BytesIO()
    midi.save(file=buffer)
    return buffer.getvalue()


def midi_bytes(
    pattern: Pattern,
    bpm: int,
    swing: float = 0.0,
    loops: int = 1,
    name: str = "PyDrums pattern",
    *,
    humanize: int = 0,
    seed: int | None = None,
    kit: KitMap | None = None,
) -> bytes:
    """The bytes of `midi_file`, ready to attach or write out."""
    return file_bytes(midi_file(pattern, bpm, swing, loops, name, humanize=humanize, seed=seed, kit=kit))
