"""The one table of instruments and step symbols.

Every reader derives from these rows: the notation parser (codes, aliases, symbols), the
prompt's notation guide and the model's JSON schema, MIDI (GM note, velocity), the audio
kit (voice), and the step-grid picture (lane order, label). Add an instrument here and all
of them learn it at once.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .wording import spoken_list


@dataclass(frozen=True)
class Instrument:
    """One drum-kit voice: its notation code, General MIDI note and the words users use."""

    code: str
    name: str
    gm_note: int
    aliases: tuple[str, ...] = ()
    family: str = "drum"  # drum | cymbal | hand  (picture colour and prompt grouping)
    short: str = ""  # what a drummer calls it in a sentence ("kick", "ride")
    limb: str = "hand"  # "foot": kick, pedal hat; "aux": hand percussion another player (or the machine) plays
    strokes: str = "-xXofr"  # the step symbols a player uses on it (what the model may write for it)


@dataclass(frozen=True)
class StepSymbol:
    """One step character: what it means and how hard it is played (MIDI velocity 1-127)."""

    symbol: str
    meaning: str
    velocity: int  # 0 means silence


# Display order: cymbals on top, kick at the bottom, as drummers read a grid.
INSTRUMENTS: tuple[Instrument, ...] = (
    Instrument(
        "cc",
        "crash cymbal",
        49,
        ("crash", "crash cymbal", "cymbal", "crashy cymbal", "crashy one", "crashy", "cymbal crash", "cr"),
        "cymbal",
        short="crash",
        strokes="-xXo",
    ),
    Instrument(
        "rc", "ride cymbal", 51, ("ride", "ride cymbal", "rd", "top cymbal"), "cymbal", short="ride", strokes="-xXo"
    ),  # ("top cymbal": the older players' name for it)
    Instrument(
        "rb",
        "ride bell",
        53,
        ("bell", "ride bell", "ridebell", "ride's bell"),
        "cymbal",
        short="ride bell",
        strokes="-xXo",
    ),
    Instrument(
        "oh",
        "open hi-hat",
        46,
        (
            "open hat",
            "openhat",
            "open hihat",
            "open high hat",  # dictated
            "ohh",
            "open hh",
            "open the hat",
            "open the hihat",
            "hat bark",  # a quick open-and-close: "hat barks on the and of 4"
            "hihat bark",  # (not "bark" alone: "the whole bar K|x...|" would spell it)
            "opening the hat",  # "opening the hat on the ands like the old philly records"
            "opening the hihat",
            "open ones",
            "open one",
            "hihat abierto",  # Spanish
            "hi-hat abierto",
            "chimbal aberto",  # Portuguese
        ),
        "cymbal",
        short="open hi-hat",
        strokes="-xXo",
    ),
    Instrument(
        "ch",
        "closed hi-hat",
        42,
        (
            "hihat",
            "hi-hat",
            "hat",
            "hats",
            "closed hat",
            "closed hihat",
            "closed high hat",  # dictated
            "closed hh",
            "chh",
            "closed ones",
            "hihat cerrado",  # Spanish
            "hi-hat cerrado",
            "chimbal fechado",  # Portuguese
        ),
        "cymbal",
        short="closed hi-hat",
        strokes="-xXor",
    ),
    Instrument(
        "ph",
        "pedal hi-hat",
        44,
        (
            "hh",  # as a notation track code (PyDrums' data); in a sentence "hh" is the hi-hat (hats group)
            "hh foot",
            "hh pedal",
            "sock cymbal",  # the older players' name for the hi-hat played with the foot
            "sock cymbals",
            "pedal",
            "pedal hat",
            "foot hat",
            "hat pedal",
            "hat foot",
            "hihat foot",
            "foot hihat",
            "pedal hihat",
            "hihat pedal",
            "chick",
            "hat chick",
            "foot",
        ),
        "cymbal",
        short="pedal hi-hat",
        strokes="-xX",
        limb="foot",
    ),
    Instrument("ht", "high tom", 50, ("high tom", "hi tom", "tom1", "tom", "t1"), "drum", short="high tom"),
    Instrument("mt", "mid tom", 47, ("mid tom", "middle tom", "tom2", "t2"), "drum", short="mid tom"),
    Instrument("lt", "floor tom", 43, ("floor tom", "low tom", "floortom", "tom3", "ft"), "drum", short="floor tom"),
    Instrument(
        "sd",
        "snare drum",
        38,
        (
            "snare",
            "snare drum",
            "sn",
            "sna",
            "snr",
            "snre",
            "snarre",
            "snair",
            "snere",
            "snaer",
            "sanre",
            "small drum",
            "crack",  # a bandmate's word for it: "the boom and the crack"
            "caja",
            "caisse claire",  # Spanish, French
            "rullante",  # Italian
            "caixa",  # Portuguese
            "virvel",  # Swedish
            "werbel",  # Polish
            "tek",  # a darbuka's high stroke, the snare on a kit ("teks on 2 and 4")
            "kah",  # a beatboxer's snare ("boom 1 and 3, kah 2 and 4"; the sounds: `sounds.USUAL_SOUNDS`)
            "kch",
        ),
        "drum",
        short="snare",
    ),
    Instrument(
        "rs",
        "rimshot / side stick",
        37,
        ("rim", "rimshot", "rim shot", "rim click", "side stick", "sidestick", "cross stick", "xstick"),
        "drum",
        short="cross-stick",
        strokes="-xXo",
    ),
    Instrument(
        "cp",
        "hand clap",
        39,
        ("clap", "claps", "handclap", "hand clap", "clp", "palmas", "clappy one"),  # "palmas": Spanish, Portuguese
        "hand",
        short="clap",
        strokes="-xXo",
        limb="aux",
    ),
    Instrument(
        "bd",
        "bass drum",
        36,
        # "big drum", "boom": the words of someone who plays no drums (a German "grosse Trommel")
        # "808": a beatmaker's kick (the drum machine's, tuned low)
        (
            "kick",
            "kick drum",
            "bass drum",
            "bassdrum",
            "kik",
            "kck",
            "double bass",
            "double kick",
            "dbl kick",
            "big drum",
            "foot drum",
            "boom",
            "boom drum",
            "dum",  # a darbuka's low stroke, the kick on a kit ("dums on 1 and 3")
            "808",
            "bombo",  # Spanish
            "grosse caisse",  # French
            "cassa",  # Italian
            "bumbo",  # Portuguese
            "basdrum",  # Dutch
            "bastrumma",  # Swedish
            "stopa",  # Polish (the foot)
            "base drum",  # speech-to-text
        ),
        "drum",
        short="kick",
        strokes="-xXo",
        limb="foot",
    ),
    Instrument(
        "tb",
        "tambourine",
        54,
        ("tambourine", "tamb", "tambo", "tamborine", "tambourin"),
        "hand",
        short="tambourine",
        strokes="-xXor",
        limb="aux",
    ),
    Instrument(
        "cb",
        "cowbell",
        56,
        ("cowbell", "cow bell", "cowbel", "bongo bell", "cencerro", "campana"),  # the Latin names of the bell
        "hand",
        short="cowbell",
        strokes="-xXo",
        limb="aux",
    ),
    Instrument(
        "sh", "shaker", 70, ("shaker", "maracas", "maraca", "shakr"), "hand", short="shaker", strokes="-xXo", limb="aux"
    ),
    Instrument("cl", "claves", 75, ("clave", "claves"), "hand", short="clave", strokes="-xX", limb="aux"),
)


@dataclass(frozen=True)
class VoiceGroup:
    """Instruments a drummer names together ("the backbeat", "hats"): a hit by any one counts."""

    key: str
    label: str  # how a sentence says it
    codes: tuple[str, ...]
    words: tuple[str, ...]  # what users type for it (plural forms fold to these)


VOICE_GROUPS: tuple[VoiceGroup, ...] = (
    VoiceGroup("backbeat", "snare or clap", ("sd", "cp"), ("backbeat voice", "snare or clap", "snare/clap")),
    VoiceGroup(
        "hats",
        "hi-hats",
        ("ch", "oh", "ph"),
        # and chat spellings; "hh" typed in a sentence is the hi-hat (a track named "hh:" is the pedal)
        (
            "hats",
            "hihats",
            "hi hats",
            "hi-hats",
            "hat",
            "hihat",
            "hi-hat",
            "hatz",
            "hihatz",
            "hh",
            "hhs",
            "tss",
            "tsss",
            "charley",  # French
            "high hat",  # dictated, or typed as it sounds
            "highhat",
            "chimbal",  # Portuguese
            *("tippy cymbal", "tippy cymbals", "tappy hat"),  # a child's words for it
        ),
    ),
    # every cymbal of the table, the foot's hi-hat chick too: "no cymbals at all" silences it
    VoiceGroup(
        "cymbals",
        "cymbals",
        tuple(i.code for i in INSTRUMENTS if i.family == "cymbal"),
        (
            *("cymbals", "cymbols", "cym", "cyms", "cymbs"),  # typed short on a phone: "no cym at all"
            *("platillos", "cymbales", "piatti", "pratos", "becken", "bekkens", "cymbaler", "talerze"),
        ),
    ),
    # "the small drums on top": a beginner's toms ("the small drum" alone is the snare)
    VoiceGroup(
        "toms",
        "toms",
        ("ht", "mt", "lt"),
        ("toms", "tom toms", "tom-toms", "small drums", "drums on top", "round drums", "tomy"),
    ),
    VoiceGroup("rack toms", "rack toms", ("ht", "mt"), ("rack toms", "racktoms", "rack-toms")),  # not the floor tom
    VoiceGroup("rim", "rim or cross-stick", ("rs",), ("rims", "rimshots", "cross sticks", "side sticks")),
    VoiceGroup("percussion", "hand percussion", ("tb", "cb", "sh", "cl"), ("percussion", "hand percussion")),
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

# The General MIDI percussion notes a producer may type for a voice ("36 on 1 and 3", "no 42s"):
# each voice's own note above, and the map's other notes for the same drum
GM_NOTES: dict[int, str] = {
    **{inst.gm_note: inst.code for inst in INSTRUMENTS},
    35: "bd",  # acoustic bass drum
    40: "sd",  # electric snare
    41: "lt",  # low floor tom
    45: "mt",  # low tom
    48: "ht",  # hi-mid tom
    52: "cc",  # chinese cymbal
    55: "cc",  # splash cymbal
    57: "cc",  # crash cymbal 2
    59: "rc",  # ride cymbal 2
    69: "sh",  # cabasa
    82: "sh",  # shaker
}
GROUP_WORDS: dict[str, VoiceGroup] = {}  # normalised word -> group, filled below
SYMBOLS: dict[str, StepSymbol] = {s.symbol: s for s in STEP_SYMBOLS}
SYMBOL_CHARS: str = "".join(s.symbol for s in STEP_SYMBOLS)
STEP_REGEX_CLASS: str = "[" + SYMBOL_CHARS + "]"  # "-" first, so literal: the form grammar decoders accept
REST, GHOST = "-", "o"
SOUNDING: frozenset[str] = frozenset(SYMBOL_CHARS) - {REST}
REAL_HITS: frozenset[str] = SOUNDING - {GHOST}  # what plays a place ("kick on 1"); a ghost note does not
# Voices whose ghost notes a place said "only" still allows elsewhere: a snare's (or a tom's)
# ghost notes are its texture, but a soft kick, hat, ride, clap or shaker is still heard as one
# ("hats just on the upbeats" with soft hats on the beats is not what was asked, nor "kick on 1
# and the & of 3" with a soft kick on 3)
GHOSTS_ASIDE: frozenset[str] = frozenset(
    inst.code for inst in INSTRUMENTS if inst.family == "drum" and inst.limb != "foot"
)


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
GROUP_WORDS.update({normalise_name(w): g for g in VOICE_GROUPS for w in g.words})
# Words a swap of two letters makes of a name ("kcik", "sanre", "cymabl") that are words of their own
_REAL_WORDS = frozenset({"clasp", "calves", "hast", "foto"})


def _transposed_table() -> dict[str, str]:
    """Each name of four letters or more with two neighbouring letters swapped, the most
    common typo of a fast typist ("kcik", "htas"), to the name it misspells."""
    names = [w for w in (*ALIASES, *GROUP_WORDS) if w.isalpha() and len(w) >= 4]
    table: dict[str, str] = {}
    for name in names:
        for i in range(len(name) - 1):
            typo = name[:i] + name[i + 1] + name[i] + name[i + 2 :]
            if typo != name and typo not in ALIASES and typo not in GROUP_WORDS and typo not in _REAL_WORDS:
                table[typo] = name
    return table


TRANSPOSED: dict[str, str] = _transposed_table()


_NAMES_BY_LENGTH: dict[int, frozenset[str]] = {}
for _name in (*ALIASES, *GROUP_WORDS):
    if _name.isalpha() and len(_name) >= 4:
        _NAMES_BY_LENGTH[len(_name)] = _NAMES_BY_LENGTH.get(len(_name), frozenset()) | {_name}


@functools.lru_cache(maxsize=4096)
def misspells_a_voice(word: str) -> bool:
    """Whether a word no table knows is one letter off a voice's name ("snarf", "kcick", "rid"
    is not: names of four letters or more), so a reader can leave its places out rather than
    give them to the voice before it."""
    if not word.isalpha() or len(word) < 4 or resolve_voices(word):
        return False
    for n in (len(word) - 1, len(word), len(word) + 1):
        for name in _NAMES_BY_LENGTH.get(n, ()):
            if _one_edit(word, name):
                return True
    return False


def _one_edit(a: str, b: str) -> bool:
    """One letter changed, added or dropped."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


@functools.lru_cache(maxsize=4096)  # pure, and asked for every word of every request
def resolve_voices(words: str) -> tuple[str, ...] | None:
    """The instrument codes a user's words name: a group ("hats" -> ch, oh), one instrument
    ("kick" -> bd, plurals folded), or None. A drummer's "hi-hat" means the hats, open or closed."""
    key = normalise_name(words)
    key = TRANSPOSED.get(key, key)  # "kcik": the kick
    if key in GROUP_WORDS:
        return GROUP_WORDS[key].codes
    code = ALIASES.get(key)
    if code is None and key.endswith("s") and len(key) > 3:
        code = ALIASES.get(key[:-1]) or (ALIASES.get(key[:-2]) if key.endswith(("shes", "ches")) else None)
    return (code,) if code else None


def list_label(codes: tuple[str, ...]) -> str:
    """Several voices in a sentence, groups named as groups: "kick, snare and hi-hats"."""
    rest = list(codes)
    names = []
    for group in VOICE_GROUPS:
        if len(group.codes) > 1 and set(group.codes) <= set(rest):
            names.append(group.label)
            rest = [c for c in rest if c not in group.codes]
    names = [voices_label((c,)) for c in rest] + names
    return spoken_list(names)


def voices_label(codes: tuple[str, ...] | frozenset[str]) -> str:
    """Words for a set of voices: a group's label, or the instruments' short names."""
    wanted = set(codes)
    if len(wanted) == 1:
        inst = BY_CODE[next(iter(wanted))]
        return inst.short or inst.name
    for group in VOICE_GROUPS:
        if set(group.codes) == wanted:
            return group.label
    rest, groups = display_order(list(wanted)), []
    for group in VOICE_GROUPS:  # "crash, ride or toms", not each tom by name
        if len(group.codes) > 1 and set(group.codes) < set(rest) and group.key != "backbeat":
            groups.append(group.label)
            rest = [c for c in rest if c not in group.codes]
    return spoken_list([BY_CODE[c].short or BY_CODE[c].name for c in rest] + groups, "or")


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
