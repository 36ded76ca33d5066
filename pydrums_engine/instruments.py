"""The one table of instruments and step symbols.

Every reader derives from these rows: the notation parser (codes, aliases, symbols), the
prompt's notation guide and the model's JSON schema, MIDI (GM note, velocity), the audio
kit (voice), and the step-grid picture (lane order, label). Add an instrument here and all
of them learn it at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Instrument:
    """One drum-kit voice: its notation code, General MIDI note and the words users use."""

    code: str
    name: str
    gm_note: int
    aliases: tuple[str, ...] = ()
    family: str = "drum"  # drum | cymbal | hand  (picture colour and prompt grouping)


@dataclass(frozen=True)
class StepSymbol:
    """One step character: what it means and how hard it is played (MIDI velocity 1-127)."""

    symbol: str
    meaning: str
    velocity: int  # 0 means silence


# Display order: cymbals on top, kick at the bottom, as drummers read a grid.
INSTRUMENTS: tuple[Instrument, ...] = (
    Instrument("cc", "crash cymbal", 49, ("crash", "crash cymbal", "cymbal"), "cymbal"),
    Instrument("rc", "ride cymbal", 51, ("ride", "ride cymbal"), "cymbal"),
    Instrument("rb", "ride bell", 53, ("bell", "ride bell", "ridebell"), "cymbal"),
    Instrument("oh", "open hi-hat", 46, ("open hat", "openhat", "open hihat", "ohh"), "cymbal"),
    Instrument(
        "ch",
        "closed hi-hat",
        42,
        ("hihat", "hi-hat", "hat", "hats", "closed hat", "closed hihat", "chh"),
        "cymbal",
    ),
    Instrument("ph", "pedal hi-hat", 44, ("hh", "pedal", "pedal hat", "foot hat", "hat pedal"), "cymbal"),
    Instrument("ht", "high tom", 50, ("high tom", "hi tom", "tom1", "tom"), "drum"),
    Instrument("mt", "mid tom", 47, ("mid tom", "middle tom", "tom2"), "drum"),
    Instrument("lt", "floor tom", 43, ("floor tom", "low tom", "floortom", "tom3", "ft"), "drum"),
    Instrument("sd", "snare drum", 38, ("snare", "snare drum", "sn", "sna"), "drum"),
    Instrument(
        "rs", "rimshot / side stick", 37, ("rim", "rimshot", "side stick", "sidestick", "cross stick", "xstick"), "drum"
    ),
    Instrument("cp", "hand clap", 39, ("clap", "claps", "handclap", "hand clap"), "hand"),
    Instrument("bd", "bass drum", 36, ("kick", "kick drum", "bass drum", "bassdrum", "kik"), "drum"),
    Instrument("tb", "tambourine", 54, ("tambourine", "tamb", "tambo"), "hand"),
    Instrument("cb", "cowbell", 56, ("cowbell", "cow bell"), "hand"),
    Instrument("sh", "shaker", 70, ("shaker", "maracas", "maraca"), "hand"),
    Instrument("cl", "claves", 75, ("clave", "claves"), "hand"),
)

STEP_SYMBOLS: tuple[StepSymbol, ...] = (
    StepSymbol("-", "rest", 0),
    StepSymbol("x", "hit", 96),
    StepSymbol("X", "accent", 124),
    StepSymbol("o", "ghost note (soft)", 38),
    StepSymbol("f", "flam (grace note, then the hit)", 100),
    StepSymbol("r", "roll (buzz or drag)", 80),
)

# Older PyDrums data writes rests as "_"; some users write ".". Both read as "-".
REST_ALIASES: tuple[str, ...] = ("_", ".")

BY_CODE: dict[str, Instrument] = {inst.code: inst for inst in INSTRUMENTS}
SYMBOLS: dict[str, StepSymbol] = {s.symbol: s for s in STEP_SYMBOLS}
SYMBOL_CHARS: str = "".join(s.symbol for s in STEP_SYMBOLS)
STEP_REGEX_CLASS: str = "[" + SYMBOL_CHARS + "]"  # "-" first, so literal: the form grammar decoders accept


def _alias_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for inst in INSTRUMENTS:
        for word in (inst.code, inst.name, *inst.aliases):
            key = normalise_name(word)
            if key in table and table[key] != inst.code:
                raise RuntimeError(f"alias {word!r} names both {table[key]} and {inst.code}")
            table[key] = inst.code
    return table


def normalise_name(word: str) -> str:
    """Fold case, spaces, dashes and underscores so 'Hi-Hat' and 'hihat' compare equal."""
    return re.sub(r"[\s_\-/]+", "", word.strip().lower())


ALIASES: dict[str, str] = _alias_table()


def resolve_instrument(word: str) -> str | None:
    """The instrument code a user's word names, or None when it names none."""
    return ALIASES.get(normalise_name(word))


def velocity(symbol: str) -> int:
    """MIDI velocity of a step symbol (0 for a rest)."""
    return SYMBOLS[symbol].velocity


def display_order(codes: list[str] | tuple[str, ...]) -> list[str]:
    """Codes sorted cymbals-first, kick-last, the order a drummer reads a grid in."""
    rank = {inst.code: i for i, inst in enumerate(INSTRUMENTS)}
    return sorted(codes, key=lambda c: rank[c])
