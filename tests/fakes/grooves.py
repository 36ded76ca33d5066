"""A few hand-built grooves for tests that need few-shot examples but not the real library."""

from __future__ import annotations

from pydrums_engine.library import Groove
from pydrums_engine.notation import parse_pattern


def _groove(
    gid: str, name: str, style: str, bpm: int, grid: str, description: str, *, time: str = "4/4", swing: float = 0.0
) -> Groove:
    return Groove(
        id=gid,
        name=name,
        style=style,
        tags=(),
        bpm=bpm,
        time_signature=time,
        swing=swing,
        description=description,
        pattern=parse_pattern(grid, time_signature=time),
        source="tests/fakes/grooves.py",
    )


def sample_grooves() -> list[Groove]:
    """Four different grooves: funk, rock, a two-bar bossa nova and a swung 3/4 jazz waltz."""
    return [
        _groove(
            "funk-ghosted-sixteenths",
            "Ghosted sixteenth funk",
            "funk",
            98,
            "ch: x-x-x-x-x-x-x-x-; sd: ----X--o-o--X--o; bd: x-x----x--x-----",
            "Tight sixteenth hats over a syncopated kick, with ghost notes around a hard backbeat.",
        ),
        _groove(
            "rock-straight-eighths",
            "Straight eighth rock",
            "rock",
            120,
            "ch: x-x-x-x-x-x-x-x-; sd: ----x-------x---; bd: x-------x-x-----",
            "Plain eighth-note hats, snare on two and four, kick on one and three with a push.",
        ),
        _groove(
            "bossa-nova-clave",
            "Bossa nova with rim clave",
            "bossa-nova",
            130,
            "ch: x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-; rs: x--x--x---x--x--x--x--x---x--x--; "
            "bd: x--xx--xx--xx--xx--xx--xx--xx--x",
            "Soft Brazilian pulse: side-stick clave over a steady hat and the surdo-like kick.",
        ),
        _groove(
            "jazz-waltz-ride",
            "Jazz waltz on the ride",
            "jazz",
            150,
            "rc: x--xx--xx---; ph: ----x-------; bd: x-----------",
            "A swung three-four ride pattern with the pedal hat on two, light kick on one.",
            time="3/4",
            swing=0.66,
        ),
    ]
