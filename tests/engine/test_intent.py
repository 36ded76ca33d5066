"""The request parser (issue 8, item 1): drummers' phrasings, read once into an `Intent`.

Each row is a request typed the way drummers type it, with everything a user would notice:
the constraints (rule, voices, places) and the other fields (meter, bars, bpm, speed, swing,
fill, single instrument, density, tempo). A field a row does not name must stay unset.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pydrums_engine.instruments import INSTRUMENTS, VOICE_GROUPS, resolve_voices
from pydrums_engine.intent import ALL_VOICES, RULES, Constraint, parse_intent
from pydrums_engine.notation import METERS
from pydrums_engine.places import place_label, place_steps

BACKBEAT = ("sd", "cp")
HATS = ("ch", "oh", "ph")  # the pedal hat is a hi-hat too: "no hats" silences it, "hats only on ..." keeps it there
HAND_HATS = ("ch", "oh")  # the hi-hat asked for or placed "on": a stick plays it (a pedal chick alone is not it)
CYMBALS = ("cc", "rc", "rb", "oh", "ch", "ph")  # the pedal hi-hat is a cymbal too
TOMS = ("ht", "mt", "lt")
NOT_DRUMS = ("cc", "rc", "rb", "oh", "ch", "ph", "cp", "tb", "cb", "sh", "cl")  # "only drums": every cymbal and hand


def _codes(voices: str | tuple[str, ...]) -> frozenset[str]:
    return frozenset((voices,) if isinstance(voices, str) else voices)


def on(voices, *places):
    return ("on", _codes(voices), places)


def only(voices, *places):
    return ("only", _codes(voices), places)


def by_hand_only(voices, *places):
    """ "cymbals on the one", "hats only on ...": a stick's sound at each place (a pedal chick
    alone is not it), and none of the voices, the foot's chick too, elsewhere."""
    return (on(tuple(v for v in voices if v != "ph"), *places), only(voices, *places))


def hats_only(*places):
    return by_hand_only(HATS, *places)


def off(voices, *places):
    return ("off", _codes(voices), places)


def absent(voices):
    return ("absent", _codes(voices), ("all",))


def present(voices):
    return ("present", _codes(voices), ("all",))


def nothing_on(*places):
    return off(ALL_VOICES, *places)


def only_voices(*kept):
    """ "only kick and snare": every other voice is absent."""
    return absent(tuple(v for v in ALL_VOICES if v not in kept))


FOUR_ON_THE_FLOOR = on("bd", "beats")
BACKBEAT_IDIOM = on(BACKBEAT, "backbeat")
HALF_TIME = (on("bd", "1"), on(BACKBEAT, "three"), off(BACKBEAT, "backbeat"))  # the backbeat moves to 3, the kick on 1
ONE_DROP = (on("bd", "three"), on(("sd", "rs"), "three"), off(("bd", "sd", "rs"), "1"))

UNSET = {
    "meter": None,
    "bars": None,
    "bpm": None,
    "speed": "",
    "swing": None,
    "fill": None,
    "single_instrument": None,
    "density": "",
    "tempo": "",
}


def seen(intent) -> set:
    return {(c.rule, frozenset(c.voices), c.places) for c in intent.constraints}


def fields(intent) -> dict:
    return {name: getattr(intent, name) for name in UNSET}


def row(text: str, *constraints, **noticed):
    """One phrasing: the constraints it must yield (exactly) and the fields it sets."""
    flat = []
    for c in constraints:
        flat += list(c) if isinstance(c[0], tuple) else [c]
    return pytest.param(text, set(flat), {**UNSET, **noticed}, id=text)


POSITIONS = [
    # numbers and their parts: "1".."7", "2&", "2+", "the and of 2", "the e of 3", "the a/ah of 4"
    row("kick on 1 and 3, snare on 2 and 4", only("bd", "1", "3"), only("sd", "2", "4")),
    row("kick on one and three, snare on two and four", only("bd", "1", "3"), only("sd", "2", "4")),
    row(
        "kick on 1 and the and of 3, snare on 2 and 4, quarter-note ride",
        only("bd", "1", "3&"),
        only("sd", "2", "4"),
        only("rc", "quarters"),
    ),
    row("gimme a groove with the kick on 1 and the and of 3", only("bd", "1", "3&")),
    row("snare on 2& and 4, kick on 1", only("sd", "2&", "4"), only("bd", "1")),
    row("snare on 2+ and 4", only("sd", "2&", "4")),
    row("kick on 3+", only("bd", "3&")),
    row("kick on 1+3", only("bd", "1", "3")),
    row("kick on the + of 2", only("bd", "2&")),
    row("kick on the e of 3", only("bd", "3e")),
    row("kick on 4e", only("bd", "4e")),
    row("kick on the a of 4", only("bd", "4a")),
    row("kick on the ah of 4", only("bd", "4a")),
    row("kick on 2a", only("bd", "2a")),
    row("open hat on the 'and' of 4", only("oh", "4&")),
    row("kick on the one", only("bd", "1")),
    row("kick on beat 1", only("bd", "1")),
    row("snare on beats 2 and 4", only("sd", "2", "4")),
    row("kick on the first and third beat", only("bd", "1", "3")),
    row("kick on counts 1 and 3", only("bd", "1", "3")),
    row("kick on the 1 and the 3", only("bd", "1", "3")),
    row("snare on the 2 and the 4", only("sd", "2", "4")),
    row("kick on 1, 2&, and 3", only("bd", "1", "2&", "3")),
    row("kick on 1 & 3", only("bd", "1", "3")),
    row("kick on 1,3", only("bd", "1", "3")),
    row("kick on 1 2 3 and 4", only("bd", "1", "2", "3", "4")),
    row("snare on the and of 2 and the and of 4", only("sd", "2&", "4&")),
    row("kick on 1 and 3 and the and of 3", only("bd", "1", "3", "3&")),
    row("the kick should be on 1 and 3", only("bd", "1", "3")),
    row("snare always on 2 and 4", only("sd", "2", "4")),
    row("kick lands on 1 and the and of 2", only("bd", "1", "2&")),
    row("snare hits on 2 and 4", only("sd", "2", "4")),
    row("kick 1 and 3, snare 2 and 4", only("bd", "1", "3"), only("sd", "2", "4")),
    row("kick: 1 and 3", only("bd", "1", "3")),
    row("2 and 4 on the snare", only("sd", "2", "4")),
    row("snare on 2/4", only("sd", "2", "4")),
    row("kick and snare on 1", only("bd", "1"), only("sd", "1")),  # each of them, not either
    row("kick, snare and hats on 1", only("bd", "1"), only("sd", "1"), hats_only("1")),
    row("ride 1 2 3 4", only("rc", "1", "2", "3", "4")),
    row("kick every beat", only("bd", "beats")),
    row("1 and 3 on the kick, 2 and 4 on the snare", only("bd", "1", "3"), only("sd", "2", "4")),
    row("kick on 1 and 3, 2 and 4 on the snare", only("bd", "1", "3"), only("sd", "2", "4")),
    row("the snare falls on 2 and 4", only("sd", "2", "4")),
    row("the and of 4 on the open hat", only("oh", "4&")),
    row("open hats, kick on every beat", present("oh"), only("bd", "beats")),
    row("sixteenth hats, kick on 1", hats_only("sixteenths"), only("bd", "1")),
    row("tom1 on 4, tom2 on 4&, tom3 on 4e", only("ht", "4"), only("mt", "4&"), only("lt", "4e")),
    row("the kick and the snare are on the one", only("bd", "1"), only("sd", "1")),
    # named places: offbeats, upbeats, the ands, downbeats, every beat, quarters, 8ths, 16ths
    row("open hats on the offbeats, kick on every beat", only("oh", "offbeats"), only("bd", "beats")),
    row("hats on the upbeats", hats_only("offbeats")),
    row("hats on the off-beats", hats_only("offbeats")),
    row("hi hats on the upbeat", hats_only("offbeats")),
    row("open hat on the ands", only("oh", "offbeats")),
    row("ride on every and", only("rc", "offbeats")),
    row("bell on the and of every beat", only("rb", "offbeats")),
    row("hats and ride on the ands", hats_only("offbeats"), only("rc", "offbeats")),
    row("kick on the downbeats", only("bd", "beats")),
    row("kick on all four beats", only("bd", "beats")),
    row("cowbell on each beat", only("cb", "beats")),
    row("ride on quarter notes", only("rc", "quarters")),
    row("ride bell on quarters", only("rb", "quarters")),
    row("eighth hats", hats_only("eighths")),
    row("hats in eighths", hats_only("eighths")),
    row("hats on every 8th", hats_only("eighths")),
    row("8ths on the hats", hats_only("eighths")),
    row("hats playing eighth notes", hats_only("eighths")),
    row("16ths hats", hats_only("sixteenths")),
    row("sixteenths on the hats", hats_only("sixteenths")),
    row("shaker on semiquavers", only("sh", "sixteenths")),
    row("straight sixteenth hi-hats", hats_only("sixteenths"), swing=False),
    # the backbeat and the other idioms
    row("clap on the backbeat", only("cp", "backbeat")),
    row("snare on the backbeat", only("sd", "backbeat")),
    row("rim on the backbeat", only("rs", "backbeat")),
    row("a backbeat on 2 and 4", on(BACKBEAT, "2", "4")),  # the counts named: in 12/8 too
    # what a clause adds to the one before it
    row("hats on the upbeats but not on the downbeats", hats_only("offbeats"), off(HATS, "beats")),
    # the snare is swapped out (the cross-stick lies on it), not only moved off 2 and 4
    row("cross-stick on 2 and 4 instead of the snare", only("rs", "2", "4"), absent("sd")),
    row("nothing at all on 3", nothing_on("3")),
    row("triplets on the ride, 6/8", only("rc", "triplets"), meter="6/8"),
    row("kick on each group in 7/8", only("bd", "beats"), meter="7/8"),
    row("12/8 blues with the backbeat on 2 and 4", on(BACKBEAT, "2", "4"), meter="12/8"),
    row("rock with a strong backbeat", BACKBEAT_IDIOM),
    row("snare or clap on 2 and 4", only(BACKBEAT, "2", "4")),
    row("snare/clap on 2 and 4", only(BACKBEAT, "2", "4")),
    row("four on the floor", FOUR_ON_THE_FLOOR),
    row("four-on-the-floor house at 124", FOUR_ON_THE_FLOOR, bpm=124),
    row("house music, 4 on the floor", FOUR_ON_THE_FLOOR),
    row("four to the floor disco", FOUR_ON_THE_FLOOR),
    row("one drop reggae at 75", ONE_DROP, bpm=75),
    row("half-time (snare on 3)", *HALF_TIME, only("sd", "3"), speed="half-time"),
    row("halftime trap at 140", *HALF_TIME, speed="half-time", bpm=140),
    row("half time shuffle", *HALF_TIME, speed="half-time", swing=True),
    # in every bar
    row("crash on every bar's one", only("cc", "1")),
    row("crash on the one of every bar", only("cc", "1")),
    row("crash on beat 1 of each bar", only("cc", "1")),
    row("a kick on the one in every bar", only("bd", "1")),
    # groups
    row("cymbals on the one", by_hand_only(CYMBALS, "1")),
    row("toms on 4", only(TOMS, "4")),
    row("floor tom on every beat", only("lt", "beats")),
    row("cross-stick on 2 and 4", only("rs", "2", "4")),
    row("tambourine on 2 and 4, shaker on sixteenths", only("tb", "2", "4"), only("sh", "sixteenths")),
    row("claves on 1, the and of 2, and 4", only("cl", "1", "2&", "4")),
]

NEGATIONS = [
    row("nothing on the one", nothing_on("1")),
    row("something weird with nothing on the one", nothing_on("1")),
    row("silence on beat 1", nothing_on("1")),
    row("nothing on the and of 4", nothing_on("4&")),
    row("no kick on 1", off("bd", "1")),
    row("no snare on the 2", off("sd", "2")),
    row("drop the kick on 3", off("bd", "3")),
    row("no kick on the one, snare on 3", off("bd", "1"), only("sd", "3")),
    row("no kick", absent("bd")),
    row("without hats", absent(HATS)),
    row("no hi-hat", absent(HATS)),
    row("no cymbals", absent(CYMBALS)),
    row("without the ride", absent(("rc", "rb"))),  # the ride's bell is the ride
    row("no toms, no crash", absent(TOMS), absent("cc")),
    row("lose the hats", absent(HATS)),
    row("keep the bass drum out of it entirely", absent("bd")),
    row("leave the hats out", absent(HATS)),
    row("no ride no crash, keep it on closed hihat", absent(("rc", "rb")), absent("cc"), present("ch")),  # the bell too
    # "only kick and snare": the rest stay out, and each of those named plays
    row("only kick and snare", only_voices("bd", "sd"), present("bd"), present("sd")),
    row("kick and snare only", only_voices("bd", "sd"), present("bd"), present("sd")),
    row("nothing but kick and snare", only_voices("bd", "sd"), present("bd"), present("sd")),
    row("just kick and hats", only_voices("bd", *HATS), present("bd"), present(HAND_HATS)),
    row("just kick snare and hats", only_voices("bd", "sd", *HATS), present("bd"), present("sd"), present(HAND_HATS)),
    # a list with no joiners before "only": all of them, not the last one alone
    row(
        "tiny kit (kick snare hat only)",
        only_voices("bd", "sd", *HATS),
        present("bd"),
        present("sd"),
        present(HAND_HATS),
    ),
    row(
        "without hi hats, just kick snare and ride",
        absent(HATS),
        only_voices("bd", "sd", "rc"),
        present("bd"),
        present("sd"),
        present("rc"),
    ),
    row(
        "hi-hat only, sixteenths",
        only_voices(*HATS),
        on(HAND_HATS, "sixteenths"),  # the hats named keep them, not "hats or ride"
        single_instrument="ch",
    ),
    row("no crash and open hats on the offbeats", absent("cc"), only("oh", "offbeats")),
    row("no hats, kick on 1", absent(HATS), only("bd", "1")),
    row("kick only on 1", only("bd", "1")),
    row("kick on 1 only", only("bd", "1")),
    row("just a shaker pattern", only_voices("sh"), present("sh"), single_instrument="sh"),
    row("kick only", only_voices("bd"), present("bd"), single_instrument="bd"),
    row("only the ride bell", only_voices("rb"), present("rb"), single_instrument="rb"),
    row("solo snare", only_voices("sd"), present("sd"), single_instrument="sd"),
]

METER_ROWS = [
    row("waltz in 3/4, kick on 1, snare on 2 and 3", only("bd", "1"), only("sd", "2", "3"), meter="3/4"),
    row("three four time, kick on one", only("bd", "1"), meter="3/4"),
    row("6/8 groove, kick on 1 and 4", only("bd", "1", "4"), meter="6/8"),
    row(
        "12/8 blues shuffle with kick on 1 and 3, snare on 2 and 4",
        only("bd", "1", "3"),
        only("sd", "2", "4"),
        meter="12/8",
        swing=True,
    ),
    row("kick on the and of 4 in 12/8", only("bd", "4&"), meter="12/8"),
    row("kick on the e of 2 in 12/8", only("bd", "2e"), meter="12/8"),
    row("in seven eight, snare on 5", only("sd", "5"), meter="7/8"),
    row("5/4 like take five, kick on 1 and 4", only("bd", "1", "4"), meter="5/4"),
    row("kick on 1/3 in 6/8", only("bd", "1", "3"), meter="6/8"),
    row("shuffle on 6/8", meter="6/8", swing=True),
    row("kick on 1 and 3 at 90 in 3/4 for 4 bars", only("bd", "1", "3"), meter="3/4", bpm=90, bars=4),
]

FIELD_ROWS = [
    row("eight bars of disco", bars=8),
    row("a 2-bar rock beat", bars=2),
    row("two bars", bars=2),
    row("a single bar", bars=1),
    row("2 measures of swing", bars=2, swing=True),
    row("4 bars at 90bpm", bars=4, bpm=90),
    row("funk at 124", bpm=124),
    row("liquid dnb, 174 bpm", bpm=174),
    row("tempo 100, kick on 1", only("bd", "1"), bpm=100),
    row("4 bar phrase with a fill", bars=4, fill="snare"),
    row("with a tom fill", fill="toms"),
    row("with a snare fill at the end", fill="snare"),
    row("with a fill in the last bar", fill="snare"),
    row("ending with a tom roll", fill="toms"),
    row("at the end the drums do that rolling thing down the toms", fill="toms"),
    row("in the end make little fill with snare and toms", fill="toms"),  # the fill's voices, not the groove's
    row("no fill", fill=None),
    row("no fills please"),
    row("rock beat without a fill"),
    row("hip hop, no swing", swing=False),
    row("shuffle feel", swing=True),
    row("straight feel", swing=False),
    row("not swung", swing=False),
    row("a slow ballad", tempo="slow"),
    row("fast punk", tempo="fast"),
    row("busy funk with ghost notes", density="busy"),
    row("minimal techno", density="sparse"),
    row("double-time drum and bass", speed="double-time"),
    row("no half time, just a rock beat"),
]

# Words that look like rhythm words but ask for no constraint.
NOTHING_PLACED = [
    row("fill the dance floor"),
    row("fill in the gaps with hats", present(HAND_HATS)),
    row("a one-man band"),
    row("bass heavy"),
    row("drum and bass at 174", bpm=174),
    row("funk that's heavy on the one"),
    row("one love, reggae"),
    row("snare 3 times a bar"),  # how often, not where: one bare count is no place
    row("kick every 4 bars"),
]

# Chat shorthand, additions to what a voice plays, voices named by what they play, and bar
# numbers that are not counts (added after the second fresh held-out batch was spent).
CHAT_ROWS = [
    row("kick on the 1, then a quick double on 3 and the e of 3", only("bd", "1", "3", "3e")),
    row("kick on 1, and also on 3", only("bd", "1", "3")),
    row("snare on 2 and 4, kick on 1 and then on 3", only("sd", "2", "4"), only("bd", "1", "3")),
    row("accent the snare on the a of 4 too, besides the backbeat", on("sd", "4a"), BACKBEAT_IDIOM),
    row("also a clap on 4", on("cp", "4")),
    row("side-stick backbeat w/ the kick on 1 and the & of 3", on("rs", "backbeat"), only("bd", "1", "3&")),
    row("clap backbeat", on("cp", "backbeat")),
    row("no backbeat please", off(BACKBEAT, "backbeat")),  # neither snare nor clap on 2 and 4
    row(
        "medium swing, ride pattern with the hat foot on 2 and 4",
        on(("rc", "rb"), "beats"),
        only("ph", "2", "4"),
        swing=True,
    ),
    row("12/8 gospel, 2 bars, run down the toms at the end", meter="12/8", bars=2, fill="toms"),
    row("just kick + clap, nothing else", only_voices("bd", "cp"), present("bd"), present("cp")),
    row("kick and snare, that's it", only_voices("bd", "sd"), present("bd"), present("sd")),
    row("funk beat w/ a hole on 2& - nothing plays there", nothing_on("2&")),
    row("soul ballad, don't use the cross-stick, proper snare on 2 and 4", absent("rs"), only("sd", "2", "4")),
    row("leave out the ride", absent(("rc", "rb"))),
    row("rock, w/o crash", absent("cc")),
    row("get rid of the cowbell", absent("cb")),
    row("kick drum on the downbeat of every bar", only("bd", "1")),
    row("open the hat on the and of 4", only("oh", "4&")),
    row("shaker 16ths", only("sh", "sixteenths")),
    row("double bass 16ths", only("bd", "sixteenths")),
    row("snr on 2/4", only("sd", "2", "4")),
    row("the kick should land on 1 and the a of 2", only("bd", "1", "2a")),
    row("the snare needs to be on 3", only("sd", "3")),
    row("fill at the end of bar 4 on the snare", fill="snare", bars=4),  # the bar the fill ends is the last
    row("8 bar funk groove, fill in bar 8", bars=8, fill="snare"),
    row("4 bars, kick on 1 in the first bar", on("bd", "1"), bars=4),  # in every bar, as one place it has
    row("house, little clap fill at the end", fill="cp"),
    row("rock with a fill on the floor tom", fill="lt"),
    row("a quick tom fill", fill="toms"),
    row("kik on the one, snare on 2 n 4", only("bd", "1"), only("sd", "2", "4")),
    row("shaker doing 16ths the whole way", only("sh", "sixteenths")),
    row("4 otf techno", FOUR_ON_THE_FLOOR),
    row("floor tom pounding out 8ths, no hats", only("lt", "eighths"), absent(HATS)),
    row("7/4, closed hat on each of the seven quarters", only("ch", "quarters"), meter="7/4"),
    row("keep the kick away from 2 and 4", off("bd", "2", "4")),
    row("snare on 2 adn 4 plus one extra hit on the & of 3", only("sd", "2", "4", "3&")),
    row("shaker on the e's and a's", only("sh", "es", "as")),
    row("12/8, kick on the 1 and the last triplet of beat 2", only("bd", "1", "2a"), meter="12/8"),
    row("2 bars of afrobeat... actually no, make that 4", bars=4),
    row("4 bars, make it 90 bpm", bars=4, bpm=90),
    row("hip hop minus the hats, let a shaker keep time instead", absent(HATS), present("sh")),
    row("no kick on 3, keep it on the 1", off("bd", "3"), only("bd", "1")),
    row("tribal, kick, snare n toms only", only_voices("bd", "sd", *TOMS), present("bd"), present("sd"), present(TOMS)),
    row("ending with a fill on the cowbell", fill="cb"),
    row("claps instead of snare", absent("sd"), on("cp", "backbeat")),
    row("pop beat with no snare, use claps instead", absent("sd"), on("cp", "backbeat")),
    row("rim instead of the snare on 2 and 4", only("rs", "2", "4"), off("sd", "2", "4")),
    row("ride instead of hats", absent(HATS), present("rc")),
    row("bd 1 3 sd 2 4", only("bd", "1", "3"), only("sd", "2", "4")),
    row("kick on all four beats except 3", only("bd", "beats except 3")),
    row("hats on every eighth except the and of 4", hats_only("eighths except 4&")),
    row("kick on 1, 2, 3 and 4 apart from 3", only("bd", "1", "2", "4")),
    row("kick on every quarter note but not on 3", only("bd", "quarters except 3")),
    row("hats on all 8 eighth notes", hats_only("eighths")),
    row("closed hat on the upbeats only, kick on all four", only("ch", "offbeats"), only("bd", "beats")),
    row("kick every other beat", only("bd", "alternate")),
    row("crash every bar on 1", only("cc", "1")),
    row("kick pattern 1, 2&, 4", only("bd", "1", "2&", "4")),
    row("kick never on 2", off("bd", "2")),
    row("keep the snare off beat 3", off("sd", "3")),
    row("kick mustn't land on 2", off("bd", "2")),
    row("no cymbals except the ride", absent(("cc", "oh", "ch", "ph"))),
    row("no cymbals but the crash on 1", absent(("rc", "rb", "oh", "ch", "ph")), only("cc", "1")),
    row("leave beat 3 empty", nothing_on("3")),
    row("keep the and of 2 open", nothing_on("2&")),
    # a count pasted as it is spoken
    row("hats 1 e & a 2 e & a 3 e & a 4 e & a", hats_only("sixteenths")),
    row("hats 1 & 2 & 3 & 4 &, kick 1 & 3", hats_only("eighths"), only("bd", "1", "3")),
    row("kick 3 e and a", only("bd", "3", "3e", "3&", "3a")),
    # a verb between a voice and its places, a voice doubling another
    row("the open hat barking on each upbeat", only("oh", "offbeats")),
    row("claps doubling the snare on 2 and 4", only("cp", "2", "4"), only("sd", "2", "4")),
    row("snare on 2 and 4 with a tambourine doubling that backbeat", only("sd", "2", "4"), on("tb", "backbeat")),
    # a stroke named between a voice and its places; a verb dropped to -in'; a grid's every step
    row("plus a snare flam on the a of 4", on("sd", "4a")),
    row("hats rollin 16ths", hats_only("sixteenths")),
    row("ride playing quarters", only("rc", "quarters")),
    row("16 step grid: hats on every step", hats_only("steps")),
    row("12/8, ride on every single step", only("rc", "steps"), meter="12/8"),  # the grid's twelve
    row("snare cracks on 2 and 4", only("sd", "2", "4")),  # a verb in -s
    row("12/8, snare on big beats 2 and 4", only("sd", "2", "4"), meter="12/8"),
    row("closed hats on straight 8ths", only("ch", "eighths"), swing=False),
    row("kick on 1, the & of 2 and on 3", only("bd", "1", "2&", "3")),  # "and on": the list goes on
    row("snare on 2 and 4 but also a little snare pickup on the a of 4", only("sd", "2", "4", "4a")),
    row("open hihat on all the ands", only("oh", "offbeats")),
    row(
        "kick only on 1 and the and of 2, nothing else on the kick, and the snare hits on 3",
        only("bd", "1", "2&"),
        only("sd", "3"),
    ),
    row("snare or clap on 2 an 4", only(BACKBEAT, "2", "4")),  # "an": "and" typed short
    row("kick 1, 2-and, 3, 4-and", only("bd", "1", "2&", "3", "4&")),  # the "&" written with a hyphen
    row("ride on all four quarter notes plus the a of 2", only("rc", "beats", "2a")),
    # step numbers: a declared grid numbers every list; "step N" numbers its own list only
    row("16 step grid: kick on steps 1 5 9 13, clap on 5 and 13", only("bd", "1", "2", "3", "4"), only("cp", "2", "4")),
    row("kick on 1, 2+ and 16th step 12, snare on 2 & 4", only("bd", "1", "2&", "3a"), only("sd", "2", "4")),
    row("kick 16th steps 1,5,9,13 / open hat step 7 and 15", only("bd", "1", "2", "3", "4"), only("oh", "2&", "4&")),
    # a voice the words place is not also ruled out
    row("nothing on beat 1, no kick no hat. kick on 3", nothing_on("1"), absent(HATS), only("bd", "3")),
    # an odd meter's own grouping: "each group" starts where those groups start
    row("7/8 counted 3+2+2, kick on each group", only("bd", "1", "4", "6"), meter="7/8"),
    row("7/8 counted 1-2 1-2 1-2-3, kick on the first note of each group", only("bd", "beats"), meter="7/8"),
    row("5/8 as 3+2, kick on the start of each group", only("bd", "1", "4"), meter="5/8"),
    row("five beats in each bar", meter="5/4"),
    row("shaker layered with the hats on eighths", only("sh", "eighths"), hats_only("eighths")),
    row("kick missing on 1, snare on 2 and 4", only("sd", "2", "4")),
    # "in" as "on", and where the time is played
    row("the bass drum in the one and also in the 'a' of the four", only("bd", "1", "4a")),
    row("jazz waltz on the ride cymbal", present("rc")),
    row("rock groove but nothing on the toms pls", absent(("ht", "mt", "lt"))),
    row("double bass sixteenths under a 2 and 4 snare", only("bd", "sixteenths"), only("sd", "2", "4")),
    # a piano roll's steps, typos and pronouns of chat
    row("piano roll: kick on steps 1, 7 and 11, snare on 5 and 13", only("bd", "1", "2&", "3&"), only("sd", "2", "4")),
    row("16 steps, closed hat on every odd step", only("ch", "eighths")),
    row("kik on 1, hatz 8ths", only("bd", "1"), hats_only("eighths")),
    row("no open hats, just closed ones on the 8ths", absent("oh"), only("ch", "eighths")),
    row("four on the floor and one crash somewhere", on("bd", "beats"), present("cc")),
    row("snare 2 and 4, no hats just ride", only("sd", "2", "4"), absent(HATS), present("rc")),
    row("kick on 1 and a rim click on 4", only("bd", "1"), only("rs", "4")),
    row("keep the kick off 2 and 4, snare gets those", off("bd", "2", "4"), on("sd", "2", "4")),
    row("jazzy thing but skip the crash and the ride bell", absent(("cc", "rb"))),
    row("no hats and a cowbell", absent(HATS), present("cb")),
    row("techno, no hats, kick every beat", absent(HATS), only("bd", "beats")),
    row("cowbell on every other 8th starting on the & of 1", only("cb", "offbeats")),
    row("hats on every other 16th", hats_only("eighths")),
    row("shaker on every other eighth", only("sh", "beats")),
    row("Kick pattern I hear in my head: 1, the e of 3, and 4", only("bd", "1", "3e", "4")),
    row("kick on teh a of 4, plus kick on 1, snarre on 2 and 4", only("bd", "4a", "1"), only("sd", "2", "4")),
    row("no crash, hats going on the 8ths", absent("cc"), hats_only("eighths")),
    # a voice named alone is wanted; the hat that opens is the open hat (after fresh13)
    row("5/4 jazz ride, 4 bars, fill at end", present("rc"), meter="5/4", bars=4, fill="snare"),
    row("every 4 bars a crash", present("cc")),  # once in 4 bars: somewhere, not in every bar
    row("open hats", present("oh")),
    row("funk, tight snare, punchy kick", present("sd"), present("bd")),
    row(
        "let it ride",
    ),
    row("tom fill at the end, toms.", fill="toms"),  # the fill's own voice is the fill's
    row("the hat opens on the and of 4", only("oh", "4&")),
    row("hats open up on the offbeats", only("oh", "offbeats")),
    row("hats on 8ths, open on the and of 4", hats_only("eighths"), on("oh", "4&")),
    # from two development batches written like the blind ones (tuned on, never measured as held out)
    row("a beat in 5 like take five, with the ride", present("rc"), meter="5/4"),
    row("something in seven", meter="7/8"),
    row("kick in 3", only("bd", "3")),  # a voice's place, not a meter
    row("kick on 1, not on 3", only("bd", "1"), off("bd", "3")),
    row("snare on 2 and 4 only, never on 3, not even a ghost on 3", only("sd", "2", "4"), off("sd", "3")),
    row("kick on 1 and the and of 3 (the AND of three, NOT on 3 itself)", only("bd", "1", "3&"), off("bd", "3")),
    row("the bot keeps putting snare on 3. snare on 2 and 4", off("sd", "3"), only("sd", "2", "4")),
    row("kick on 1, the e of 2 (1 e & a 2 e & a - that e right after 2)", only("bd", "1", "2e")),
    row("hats on every single triplet, all 12 of them, in 12/8", hats_only("triplets"), meter="12/8"),
    row("12/8, ride playing all twelve triplet 8ths", only("rc", "triplets"), meter="12/8"),
    row("the floor tom carrying the pulse on every quarter note", on("lt", "quarters")),
    row("kick on the downbeat plus the last 16th of beat 2", only("bd", "1", "2a")),
    row("snare on the second 8th of 3", only("sd", "3&")),
    row(
        "kick on 1 and 3, snare on 2 and 4, nothing else",
        only("bd", "1", "3"),
        only("sd", "2", "4"),
        only_voices("bd", "sd"),
    ),
    row(
        "kick on every beat, rim on 4. that's the whole groove",
        only("bd", "beats"),
        only("rs", "4"),
        only_voices("bd", "rs"),
    ),
    row("the kik on 1, the and after 2, and 3", only("bd", "1", "2&", "3")),
    row("bass drum on 1 and the e before 3", only("bd", "1", "2e")),
    row("nothing at all hits on the one", nothing_on("1")),
    row("rock beat w/o any hats, ride instead", absent(HATS), present("rc")),
    row("kick never lands on an &", off("bd", "offbeats")),
    row("no claps, hh rolls into a fill at the end", absent("cp"), fill="ch"),
    row("a little clap fill", fill="cp"),
    row("no crash, ride, or toms", absent(("cc", "rc", "rb", "ht", "mt", "lt"))),
    row("without ride / crash", absent(("cc", "rc", "rb"))),
    row(
        "kik on 1 & 3 with the lil pickup before each one (so the and of 2 and the and of 4 as well)",
        only("bd", "1", "3", "2&", "4&"),
    ),
    row(
        "kick on 1 then the 'a' of 2 and the and of 3, hh straight 8ths",
        only("bd", "1", "2a", "3&"),
        hats_only("eighths"),
        swing=False,
    ),
    row("country waltz in three-four, snare w brushes on 2 n 3", only("sd", "2", "3"), meter="3/4"),
    row("afro twelve-eight, the kick sits on the 4 big dotted beats", only("bd", "beats"), meter="12/8"),
    row("six eight ballad, hh on all six", hats_only("eighths"), meter="6/8"),
    row(
        "DUM = kick, TEK = snare. dum on 1, tek on 2, 4 and the & right after 4",
        only("bd", "1"),
        only("sd", "2", "4", "4&"),
    ),
    row("bd: x-x- sd: --x-", only("bd", "1", "3"), only("sd", "3")),
    # typed on a phone (a development batch)
    row("open hh on the ands only", only("oh", "offbeats")),
    row("clap 2n4 kik evry beat", only("cp", "2", "4"), only("bd", "beats")),
    row("ride qtrs sn just on 3", only("rc", "quarters"), only("sd", "3")),
    row("funk beat nothin on the one", nothing_on("1")),
    row("toms out pls", absent(("ht", "mt", "lt"))),
    # verbs that take a voice away; where a bar starts; what follows a ruled-out place
    row("lay off the crash", absent("cc")),
    row("hold off on the cymbals", absent(CYMBALS)),
    row("mute the hats", absent(HATS)),
    row("stay away from the toms", absent(("ht", "mt", "lt"))),
    row("i want a ride.", present("rc")),
    row("crash at the start of each bar", only("cc", "1")),
    row("clap sound on 2 and 4", only("cp", "2", "4")),
    row("no snare on 2, only on 4", off("sd", "2"), only("sd", "4")),
    row("keep the hats closed", absent("oh")),
    row("hats closed except the and of 4", only("oh", "4&")),
    row("crash on 1 in bar 1", on("cc", "1")),
    row("crash on 1 every other bar", on("cc", "1")),
    # a known groove, changed (a development batch)
    row("a basic rock beat but move the snare to 3? so not on 2 and 4 anymore", only("sd", "3"), off("sd", "2", "4")),
    row("pop groove, but swap the snare on 2 and 4 for cross stick", only("rs", "2", "4"), off("sd", "2", "4")),
    row("house beat, but swap the clap for a real snare please", absent("cp"), on("sd", "backbeat")),
    row("kik only on steps 1, 7 and 11 (16 step grid)", only("bd", "1", "2&", "3&")),
    row("snare on 2 and 4, but tack an extra snare onto the very last 16th of the bar", only("sd", "2", "4", "4a")),
    row(
        "take a one drop and make it steppers: kick on every beat",
        on("bd", "three"),
        on(("sd", "rs"), "three"),
        off(("sd", "rs"), "1"),  # the one drop's empty 1 keeps its snare out
        only("bd", "beats"),
    ),
    # words of someone who plays no drums (a development batch)
    row(
        "i want the big drum on first beat and beat number 3, and small drum on 2 and 4",
        only("bd", "1", "3"),
        only("sd", "2", "4"),
    ),
    row("make the tss only between the beats. and boom on every beat", hats_only("offbeats"), only("bd", "beats")),
    row("the cymbal that goes tss on 8ths", hats_only("eighths")),
    row("Clap sound i want ONLY on beat 2 and beat 4, nowhere else", only("cp", "2", "4")),
    row(
        "crash cymbal one time at the start of the bar. hihat play every 8 note", only("cc", "1"), hats_only("eighths")
    ),
    row("the rim click sound (stick on side of the drum) only at beat number 4", only("rs", "4")),
    row("beat with no cymbal at all, only drums", absent(CYMBALS), absent(NOT_DRUMS)),
    row("please nothing play on the first beat", nothing_on("1")),
    row("i want it long of three bar", bars=3),
    row("at the end make the toms go down", fill="toms"),
    # beatmakers' words (a development batch)
    row(
        "kick hits the 1, the a of 2 and the and of 3 -- snare cracking on 2 and 4",
        only("bd", "1", "2a", "3&"),
        only("sd", "2", "4"),
    ),
    row("the snare on the a of 1, & of 2, a of 3, & of 4", only("sd", "1a", "2&", "3a", "4&")),
    row(
        "no cymbals at all. keep it to kick, snare and a bit of shaker",
        absent(CYMBALS),
        only_voices("bd", "sd", "sh"),
        present("bd"),
        present("sd"),
        present("sh"),
    ),
    row("nothing from the kik on 2 or 4", off("bd", "2", "4")),
    row("build-up into the drop: snare roll at the very end pls", fill="snare"),
    row("7/8 groove, and toms fill the end of bar 2", meter="7/8", fill="toms", bars=2),
    row("snare every other beat starting from 2", only("sd", "backbeat")),
    row(
        "open hat lands on the ands and the closed hat is on the numbers", only("oh", "offbeats"), only("ch", "counts")
    ),
    row("6/8, ride on the dotted quarters", only("rc", "dotted-quarters"), meter="6/8"),  # its felt beats
    # an impatient expert's one breath (a development batch)
    row(
        "kik on 1 + the and of 3, snare 2/4, hh straight 8ths (no 16ths on the hats pls) - 2 bars",
        only("bd", "1", "3&"),
        only("sd", "2", "4"),
        hats_only("eighths"),
        bars=2,
        swing=False,
    ),
    row(
        "hats on the upbeats ONLY (nothing on 1 2 3 4 from any hat), kick every quarter",
        hats_only("offbeats"),
        off(HATS, "1", "2", "3", "4"),
        only("bd", "quarters"),
    ),
    row("house groove -- kick every quarter, open hats offbeats", only("bd", "quarters"), only("oh", "offbeats")),
    row("tom fill at the end of bar 4, otherwise kick 1 & 3", only("bd", "1", "3"), bars=4, fill="toms"),
    # after the blind batches fresh14 and fresh15 were measured
    row(
        "ride on every quarter note and the ride bell on each and in between",
        only("rc", "quarters"),
        only("rb", "offbeats"),
    ),
    row(
        "two bars of one drop, snare roll to end it",
        *ONE_DROP,
        bars=2,
        fill="snare",
    ),
    row("keep the kick strictly on 1 and 3 (nowhere else)", only("bd", "1", "3")),
    row("leave step 1 of every bar completely empty, no instrument on the one", nothing_on("1")),
    row("no crash in this one!! a crash on the 1 every few bars gets annoying", absent("cc")),
    row("2 bar groove, end bar 2 with a floor tom + kick fill", bars=2, fill="lt"),
    row("crash on 1 every 4 bars", on("cc", "1")),  # some bars only: asked of each, as a place it has
    row(
        "old motown soul groove w/ snare and tambourine slapping together on the backbeat",
        only("sd", "backbeat"),
        only("tb", "backbeat"),
    ),
    row("tribal, floor-tom-heavy groove. zero cymbals", present("lt"), absent(CYMBALS)),
    row("snare-heavy punk", present("sd")),  # a voice "heavy" in the groove plays in it
    row("kick-heavy techno", present("bd")),
    # after fresh16 was measured
    row(
        "ghost notes on the snare are fine, but the actual backbeat hits should be on 2 and 4 and nowhere else",
        present("sd"),
        only(("sd", "cp"), "2", "4"),
    ),
    row(
        "something with the ride playing quarter notes and the kick only ever on the one",
        only("rc", "quarters"),
        only("bd", "1"),
    ),
    row(
        "four on the floor kick w/ open hats sitting on the offbeats (the & of every beat) - classic house thing",
        FOUR_ON_THE_FLOOR,
        only("oh", "offbeats"),
    ),
    row(
        "hi-hat just on the quarter notes, no eighths in between, snare 2 and 4",
        hats_only("quarters"),
        only("sd", "2", "4"),
    ),  # "no" is no word before a count ("beat number 3" is)  # said as "(every bar)": a place it has, not the only one
    row("nothing on the one!! kick comes in on the and of 1 instead", nothing_on("1"), only("bd", "1&")),
    row(
        "2 bars, kick on 1 and 3 til the end where a snare roll leads into the next section",
        only("bd", "1", "3"),
        bars=2,
        fill="snare",
    ),
    row("straight rock 8ths", on(("ch", "oh", "rc"), "eighths"), swing=False),
    row("a rock beat in eighth notes", on(("ch", "oh", "rc"), "eighths")),  # the time is kept in eighths
    row("snare on 2 and 4, straight eighths", only("sd", "2", "4"), on(("ch", "oh", "rc"), "eighths"), swing=False),
    row("snare ----x-------x---", only("sd", "2", "4")),
    row(
        "cowbell plays the standard bell pattern x.x.xx.x.x.x in 12/8",
        only("cb", "1", "1a", "2&", "2a", "3&", "4", "4a"),
        meter="12/8",
    ),
    # the session of 2026-12-06: dev batches d15-d18
    row("kick on one and four, snare three and five", only("bd", "1", "4"), only("sd", "3", "5")),
    row(
        "half time metal, crash on every 1 and snare on 3",
        *HALF_TIME,
        only("cc", "1"),
        only("sd", "3"),
        speed="half-time",
    ),
    row("cross stick on 4 only, and no regular snare at all", only("rs", "4"), absent("sd")),
    row(
        "bass drum on one, the 'a' of two (last semiquaver before the snare) and on three",
        only("bd", "1", "2a", "3"),
    ),  # the aside explains the place just said
    row(
        "i want the kick to avoid the 1 completely. put it on the & of 1 and on 3 instead",
        off("bd", "1"),
        only("bd", "1&", "3"),
    ),
    row(
        "last time the kick was literally everywhere. keep it on 1 and 3 this time, nothing else pls",
        only("bd", "1", "3"),
    ),
    row("why is there ALWAYS a crash on 1 lol. no crash, no ride", absent("cc"), absent(("rc", "rb"))),  # a complaint
    row("why not put the kick on 1 and 3", only("bd", "1", "3")),  # a suggestion, not a "not"
    row("2 bars, end the 2nd bar with a fill on floor tom + snare", bars=2, fill="lt+sd"),
    row("a floor tom + kick fill", fill="lt"),  # the kick under it does not lead it
    row(
        "kick on 1 + the e of 3, snare on 2 + 4, and the hats fill the gaps but never landing together with the kick",
        only("bd", "1", "3e"),
        only("sd", "2", "4"),
        off(HATS, "1", "3e", "2", "4"),
        present(HAND_HATS),
    ),  # linear: the hats stay off wherever the kick and snare were placed
    row("trap, 808 on 1 and the & of 2, clap on 3", only("bd", "1", "2&"), only("cp", "3")),  # the 808 is the kick
    row("yanos: kick all 4s, cowbell 2a n 4a", only("bd", "beats"), only("cb", "2a", "4a")),
    row("big boom drum on 1, the a of 2 and then 3", only("bd", "1", "2a", "3")),
    row("half time: snare only 3, kick 1", *HALF_TIME, only("sd", "3"), only("bd", "1"), speed="half-time"),
    row("5/8 groove 3+2, kick 1 snare 4", only("bd", "1"), only("sd", "4"), meter="5/8"),
    row("hats 8", hats_only("eighths")),  # no count 8 in 4/4: the note value, where the clause ends on it
    row("hats 8 times"),
    row("kick on 1 and 3, snare 2 and 4, hats 16", only("bd", "1", "3"), only("sd", "2", "4"), hats_only("sixteenths")),
    row("hats 8 pls", hats_only("eighths")),
    row("afrobeats but no snare, rim only for the backbeat", absent("sd"), on("rs", "backbeat")),
    row("2-3 son clave in one bar: 1&, 2, 3, 3a, 4& on clave", only("cl", "1&", "2", "3", "3a", "4&"), bars=1),
    row(
        "my cascara on the floor tom shell: 1, 2, 2&, 3&, 4& every bar, w the kick just on 4",
        only("lt", "1", "2", "2&", "3&", "4&"),
        only("bd", "4"),
    ),
    row("i want the tss tss hihat going 1 e & a 2 e & a 3 e & a 4 e & a", hats_only("sixteenths")),
    row(
        "kick on all four big beats + cowbell doing a bell pattern on top", only("bd", "beats"), present("cb")
    ),  # "a bell pattern" is no ride bell
    row(
        "a fill going round the toms (the drums on top and the big one on the floor) then the loud crashy cymbal",
        present("cc"),
        fill="toms",
    ),  # the aside says what the toms are
    row("boom bap but push the kick that normally sits on 3 to the and of 3 instead", only("bd", "3&"), swing=True),
    row(
        "boom bap 90 bpm kick on 1 the & of 2 n 3& snare 2 n 4 hats on 8ths",
        only("bd", "1", "2&", "3&"),
        only("sd", "2", "4"),
        hats_only("eighths"),
        bpm=90,
        swing=True,
    ),  # a run-on list: no joiner before "the & of 2"
    row(
        "open hat on the & of 4 every bar closed hats on the other 8ths kick 1 + 3 snare 2 + 4",
        only("oh", "4&"),
        only("ch", "1", "1&", "2", "2&", "3", "3&", "4"),
        only("bd", "1", "3"),
        only("sd", "2", "4"),
    ),  # "the other 8ths": all but the open hat's
    row("i want tamb on 2 n 4 shaker doin straight 16ths", only("tb", "2", "4"), only("sh", "sixteenths"), swing=False),
    row("7/8 split 2+2+3 w the kick startin each group", only("bd", "beats"), meter="7/8"),
    row("only drums, no cymbols whatsoever", absent(NOT_DRUMS), absent(CYMBALS)),  # no shaker, no clap either
    row(
        "metal groove w 16th double kick the whole way, end on a snare roll fill",
        only("bd", "sixteenths"),
        fill="snare",
    ),
    row("house loop w a lil clap roll at the end", fill="cp"),
    row("tresillo on the kick (1, 2&, 4) and claps on 2 and 4 pls", only("bd", "1", "2&", "4"), only("cp", "2", "4")),
    row("shaker on every 2nd step", only("sh", "eighths")),
    row("hats ONLY on every 4th step", hats_only("quarters")),
    row(
        "got a kick in the piano roll on steps 1, 4 and 11. snare on step 13 only for that halftime feel",
        only("bd", "1", "1a", "3&"),
        only("sd", "4"),
        off("cp", "backbeat"),
        speed="half-time",
    ),  # the snare placed against the feel's rule: the words win (for the snare; the clap still rests)
    row("half time, snare on 3", *HALF_TIME, only("sd", "3"), speed="half-time"),  # the feel's rules agree
    row(
        "snare on steps 5 and 13 but keep step 9 on the snare lane totally empty", only("sd", "2", "4"), off("sd", "3")
    ),
    row("kick wherever u want just not on the 1", off("bd", "1")),
    row(
        "16ths on the hh (1 e & a all the way thru), snare 2+4, kick on 1, 2a and 3",
        hats_only("sixteenths"),
        only("sd", "2", "4"),
        only("bd", "1", "2a", "3"),
    ),  # the aside only chants the sixteenths
    row(
        "bd steps 1,5,9,13 / clap 5+13 / open hat 3 7 11 15 and nothing else on any hat",
        only("bd", "1", "2", "3", "4"),
        only("cp", "2", "4"),
        only("oh", "1&", "2&", "3&", "4&"),
        hats_only("1&", "2&", "3&", "4&"),
    ),
    row(
        "big drum on the first count and the third count, and the snare on the other two counts",
        only("bd", "1", "3"),
        only("sd", "2", "4"),
    ),
    # dev batches d27-d30
    row("kick snare hats -> 1 3 / 2 4 / 8ths", only("bd", "1", "3"), only("sd", "2", "4"), hats_only("eighths")),
    row(
        "ride bell snare kik - quarter notes, 2 and 4, 1 and the and of 3",
        only("rb", "quarters"),
        only("sd", "2", "4"),
        only("bd", "1", "3&"),
    ),  # voices first, then their places in order
    row(
        "kick snare clap shaker: four on the floor / none / 2 and 4 / 16ths",
        only("bd", "beats"),
        absent("sd"),
        only("cp", "2", "4"),
        only("sh", "sixteenths"),
    ),
    row("waltz. NOT in 4/4!!"),  # a meter refused is not the meter
    row("9/8 grouped 2 2 2 3, kick on the first of each group", only("bd", "1", "3", "5", "7"), meter="9/8"),
    row("straight ahead jazz swing for a trio gig", swing=True),  # straight-ahead jazz swings
    row("no snare on 2 and 4 pls, rim clicks there instead", off("sd", "2", "4"), on("rs", "2", "4")),
    row("jazz, dont bother w/ the crash", absent("cc")),
    row("everything but the ride", absent(("rc", "rb"))),
    row("cross stick on 3 instead of a backbeat", only("rs", "3"), off(BACKBEAT, "backbeat")),
    row("kick on 1, no kick on 2 but do put one on the & of 2", only("bd", "1", "2&"), off("bd", "2")),  # merged
    row("5/4. hats on every count but not 5. snare on 3", hats_only("counts except 5"), only("sd", "3"), meter="5/4"),
    row("closed hat 1 e & a the whole bar", only("ch", "sixteenths")),
    row(
        "the snare also lands on the e of 2 and the a of 3 on top of the normal 2 and 4",
        on("sd", "2e", "3a", "2", "4"),
    ),
    row("more cowbell!! every quarter like reaper", only("cb", "quarters")),
    row("no hats xcept open one on 4+", absent(("ch", "ph")), only("oh", "4&")),
    # read after fresh17 and fresh18 were measured (so they are spent)
    row("dont put the kick on the 1!! have it come in on the & of 1 instead", off("bd", "1"), only("bd", "1&")),
    row("a beat where the snare's on 2 and 4", only("sd", "2", "4")),
    row("disco hats, upbeats only pls", hats_only("offbeats")),
    row(
        "8ths on the closed hat but open it up on the & of 4 every bar",
        only("ch", "1", "1&", "2", "2&", "3", "3&", "4"),
        on("oh", "4&"),
    ),  # the closed hat leaves the & of 4 to the open one
    row("3/4, the shaker thing going every 8th", only("sh", "eighths"), meter="3/4"),
    row(
        "closed hats on 8ths, no crash, open on the & of 4",
        only("ch", "1", "1&", "2", "2&", "3", "3&", "4"),
        absent("cc"),
        on("oh", "4&"),
    ),  # the closed hat's places change, not the "no crash" read after them
    row("7/8 grouped 2+2+3, kick at the top of every group", only("bd", "beats"), meter="7/8"),  # after fresh19
    row("a rim click on the and of 2 + on 4, with tambourine doubling the 4", only("rs", "2&", "4"), on("tb", "4")),
    row("16th hats, skip the e's", hats_only("sixteenths except es")),  # the hats' own places, less those
    row("kick on every beat, skipping 3", only("bd", "beats except 3")),
    row("i need a fill at the end of 4 bars", bars=4, fill="snare"),  # d35-d36
    row("2 bar groove + fill pls", bars=2, fill="snare"),
    row("hip hop, the kick NOT on the 1, push it to the a of 1 instead", off("bd", "1"), only("bd", "1a")),
    # dev batches d31-d34
    row(
        "the kick goes 1, then the e of 2 (like right after 2), then 3 and the a of 4", only("bd", "1", "2e", "3", "4a")
    ),
    row("last one had the kick on every beat lol, i need it just on 1 and 3 this time", only("bd", "1", "3")),
    row("4 bars, crash at the start and then a fill", present("cc"), bars=4, fill="snare"),
    row("one drop reggae but throw a shaker on top of it", *ONE_DROP, present("sh")),
    row("make it tight w/ a lil cowbell", present("cb")),
    row(
        "one drop except the kick hits all 4 beats, rim stays on 3",
        *ONE_DROP[:2],
        off(("sd", "rs"), "1"),
        only("bd", "beats"),
        only("rs", "3"),
    ),
    row(
        "no cymbals at all, just drums. kick snare and toms",
        absent(CYMBALS),
        absent(NOT_DRUMS),
        present("bd"),
        present("sd"),
        present(("ht", "mt", "lt")),
    ),
]

# A request that takes back what it said: the later words are the wish
CORRECTED_ROWS = [
    row("kick on 1 and the & of 2... wait no, the & of 3", only("bd", "1", "3&")),
    row("snare on 3... wait no, 2 and 4 lol", only("sd", "2", "4")),
    row("hats on quarters i think?? no actually 8ths, quarters sounded empty", hats_only("eighths")),
    row("kick on 1 and 3, actually make it four on the floor", on("bd", "beats")),
    row("kick on 1 and 3, nah make it the and of 3", only("bd", "1", "3&")),
    row("kick on 1 and 4 hmm actually no kick on 4, just 1", only("bd", "1"), off("bd", "4")),
    row(
        "kick on 1 and 3, snare on 2 and 4, actually the snare on the a of 4 too",
        only("bd", "1", "3"),
        only("sd", "2", "4", "4a"),
    ),
    row("was gonna say 6/8 but nah, make it 12/8, snare on 2 and 4", only("sd", "2", "4"), meter="12/8"),
    row(
        "funk with a fill on the toms, actually make the fill on the snare, toms sound cheesy",
        absent(TOMS),
        fill="snare",
    ),
    row("son clave 3-2 on the claves: 1, 1a, 2&, 3&, 4", only("cl", "1", "1a", "2&", "3&", "4")),
    row("snare normal 2 and 4", only("sd", "2", "4")),
    row("slow blues, that lazy triplet sway", meter="12/8", tempo="slow"),
]

# Named beats and doublings a drummer says in a word or two
NAMED_BEATS = [
    row("hardcore skank beat pls", on("bd", "beats"), on("sd", "offbeats")),
    row("reggae skank with one drop", *ONE_DROP),  # the guitar's skank, not the punk beat
    row("we will rock you, stomp stomp clap", on("bd", "1", "1&", "3", "3&"), on("cp", "backbeat")),
    row("kick NEVER on a downbeat or an and", off("bd", "beats", "offbeats")),
    row(
        "hats on 16ths, snare on 2 & 4 only and NO ghost notes on it",
        hats_only("sixteenths"),
        only("sd", "2", "4"),
        off("sd", "1", "1e", "1&", "1a", "2e", "2&", "2a", "3", "3e", "3&", "3a", "4e", "4&", "4a"),
    ),
    row("disco but double the snare with claps", on("sd", "backbeat"), on("cp", "backbeat")),
    row("snare on 2 and the a of 3, double the snare with a clap", only("sd", "2", "3a"), on("cp", "2", "3a")),
    row("layer the kick with a floor tom", present("bd"), present("lt")),
    row(
        "9/8 kick on 1 3 5 7 and layer a clap with the kick on 7",
        only("bd", "1", "3", "5", "7"),
        on("cp", "7"),
        meter="9/8",
    ),
    row(
        "motown backbeat w/ tamb doubling the snare",
        on(("sd", "cp"), "backbeat"),
        on("sd", "backbeat"),
        on("tb", "backbeat"),
    ),
    row("dnb two-step", on("bd", "1"), on(("sd", "cp"), "backbeat")),
    row("5/4, no hats - ride only up top", absent(HATS), present("rc"), absent(("cc", "oh", "ch", "ph")), meter="5/4"),
    row("ride cymbal only, no other cymbals, no toms", absent(("cc", "oh", "ch", "ph")), absent(TOMS), present("rc")),
    row("kick but leave beat 3 totaly empty of kick so the snare can sit there", off("bd", "3"), on("sd", "3")),
    row(
        "my riff pushes the and of 4 every bar. can the kick and a crash hit that with me?",
        on("bd", "4&"),
        on("cc", "4&"),
    ),
    row(
        "hats on the upbeats only, nothing on the numbers. kick 1 and 3",
        hats_only("offbeats"),
        only("bd", "1", "3"),
        off(tuple(v for v in ALL_VOICES if v != "bd"), "counts"),
    ),
    row("open hat upbeats except the last one", only("oh", "offbeats except 4&")),
    row("bass drum every crotchet exept beat 3", only("bd", "quarters except 3")),
    row("kick under 1 and the & of 2, snare under 2 and 4", only("bd", "1", "2&"), only("sd", "2", "4")),
    row("the kick lane has steps 1, 4 and 11", only("bd", "1", "1a", "3&")),
    row("songo: cowbel on all 4 beats", only("cb", "beats")),
    row("8 bars, zero crashes", absent("cc"), bars=8),
    row("house, hold the claps", absent("cp")),
    row("7/8 counted 1 2 3 1 2 1 2, kick on the first note of each grouping", only("bd", "1", "4", "6"), meter="7/8"),
    row(
        "funky but NO ghost notes on the snare, snare strictly on 2 and 4",
        only("sd", "2", "4"),
        off("sd", "1", "1e", "1&", "1a", "2e", "2&", "2a", "3", "3e", "3&", "3a", "4e", "4&", "4a"),
    ),
    row("reggae one drop, and i mean it, nothing on the one", *ONE_DROP, nothing_on("1")),
    row("can u make it 3 bars... nah scrap that, 2 bars is plenty", bars=2),
    row("four on the floor kick and finish with a paradiddle fill round the toms", on("bd", "beats"), fill="toms"),
    row("the kick fills all the gaps", present("bd")),  # not a fill: the kick plays, where the words leave open
    row("crashy one first", present("cc")),
    row("kick never on the beats or the e's/a's", off("bd", "beats", "es", "as")),
    row(
        "6/8 doom, kick on 1, snare on 4, ride not hats",
        only("bd", "1"),
        only("sd", "4"),
        present("rc"),
        absent(HATS),
        meter="6/8",
    ),
    row("snare AND clap doubled on 2 and 4", only("sd", "2", "4"), only("cp", "2", "4")),
    row("spang a lang on the ride and the hh foot on 2 n 4", on("rc", "beats"), only("ph", "2", "4")),
    row("rock verse, 4 bars, crash bar one", present("cc"), bars=4),
    row("intro groove, crash on the first bar, snare 2 & 4", present("cc"), only("sd", "2", "4")),
    row("5/4 x4 bars", meter="5/4", bars=4),
    row("kick anywhere except the one", off("bd", "1")),
    row("tambo on 2 & 4 doubling the snare", only("tb", "2", "4"), on("sd", "2", "4")),
    row("keep the snare off beat 3, 2 and 4 only for the snare", off("sd", "3"), only("sd", "2", "4")),
    row("snare on 5 and 7.. wait no, scratch the 7, snare just on 5", only("sd", "5")),
    row(
        "16th hats, kick 1 / 2& / 4, snare 2+4",
        hats_only("sixteenths"),
        only("bd", "1", "2&", "4"),
        only("sd", "2", "4"),
    ),
    row("rock beat, tom fil at the end", fill="toms"),
    row("just one bar of four on the floor pls", on("bd", "beats"), bars=1),
    row("kick on 1 and 3... actually no, make it 1 and the and of 3", only("bd", "1", "3&")),
    row(
        "7/4, feel it like a bar of 4 glued to a bar of 3. kick on 1 and 5, backbeat on 2, 4 and 6",
        only("bd", "1", "5"),
        on(("sd", "cp"), "2", "4", "6"),
        meter="7/4",
    ),
    row(
        "kick on 1 and the & of 3, snare on 2 and 4, hats filling the 16ths in between",
        only("bd", "1", "3&"),
        only("sd", "2", "4"),
        hats_only("1e", "1&", "1a", "2e", "2&", "2a", "3", "3e", "3a", "4e", "4&", "4a"),
    ),
    row(
        "kick on 1, the & of 2 and the e of 3, snare on 2 and 4, hi-hat on all the remaining semiquavers",
        only("bd", "1", "2&", "3e"),
        only("sd", "2", "4"),
        hats_only("1e", "1&", "1a", "2e", "2a", "3", "3&", "3a", "4e", "4&", "4a"),
    ),
    # development batches d49-d52: lists headed by a letter, other players' parts, "its", counts said once
    row("K: 1 3 | S: 2 4 | H: 8ths", only("bd", "1", "3"), only("sd", "2", "4"), hats_only("eighths")),
    row("5/8 | K 1 | S 4 | hh 8ths", only("bd", "1"), only("sd", "4"), hats_only("eighths"), meter="5/8"),
    row("k thanks, snare on 2", only("sd", "2")),
    row("groove w/out any kick on 1", off("bd", "1")),
    row("kick locks w my bass on 1 and the & of 2", only("bd", "1", "2&")),
    row("snare with the singer's vocals on 4", only("sd", "4")),
    row("the snare feels heavy but on the grid its just 2 and 4, kick on 1", only("sd", "2", "4"), only("bd", "1")),
    row("shaker going 1 e & a 2 e & a the whole way thru", only("sh", "sixteenths")),
    row("hh on every 1 e & a", hats_only("sixteenths")),
    row("hats 1 & 2 & all the way", hats_only("eighths")),
    row("rim clicks pls not full snare", present("rs"), absent("sd")),
    row(
        "keep it to hats and a clap on 2 and 4",
        only_voices(*HATS, "cp"),
        hats_only("2", "4"),
        only("cp", "2", "4"),
    ),
    row("stick to kick on 1 and 3", only("bd", "1", "3")),
    # d53-d56: places moved ("instead of on 3"), left out at a place, taken from another player
    row("put the kick on 1 and the & of 3 instead of on 3", only("bd", "1", "3&"), off("bd", "3")),
    row("the snare lands on the e of 3 instead of right on 3", on("sd", "3e"), off("sd", "3")),  # that hit moves
    row("the kick on all four beats instead of just 1 and 3", only("bd", "beats")),  # more, not moved
    row("trap, leave the snare off 2 and 4. clap on 3 carries the backbeat", off("sd", "2", "4"), only("cp", "3")),
    row("the snare shouldnt be on 4, only on 2", off("sd", "4"), only("sd", "2")),
    row("leave the kick out on 4", off("bd", "4")),
    row("take the snare out of beat 3", off("sd", "3")),
    row("keep the bass drum out of it", absent("bd")),
    row("the open hat opens up on the & of 4", only("oh", "4&")),
    row(
        "the bass lands on 1, the a of 1 and the & of 3. can the kick lock to exactly that and nothing else?",
        only("bd", "1", "1a", "3&"),
    ),
    row("keys comp on the e of 2 and the a of 3, i want the snare to push those", on("sd", "2e", "3a")),
    row("cross stick on the snare", present("rs")),
    row("16 bars is too long, just give me 4", bars=4),
    # d57-d60: a count after a voice said alone, a swapped letter, layers, voices entering later
    row(
        "gallop on the dbl kick the whole bar, 1 &a 2 &a 3 &a 4 &a",
        only("bd", "1", "1&", "1a", "2", "2&", "2a", "3", "3&", "3a", "4", "4&", "4a"),
    ),
    row("kcik on 1 and 3", only("bd", "1", "3")),
    row("snare and tambourine both on 2 and 4", only("sd", "2", "4"), only("tb", "2", "4")),
    row("no crash pls, i hate when it crashes on 1 every bar", absent("cc")),
    row("8 bars, claps enter bar 5", present("cp"), bars=8),
    row("reggae one drop, last bar gets a lil snare pickup into the top", *ONE_DROP, fill="snare"),
    row("bars 1-2 kick on 1 and 3 alone, snare comes in bar 3", only("bd", "1", "3"), present("sd"), bars=3),
    row("hats 16s", hats_only("sixteenths")),
    row("clap w/ the snare on 2 n 4", only("cp", "2", "4"), only("sd", "2", "4")),
    row(
        "kick snare hat nothing else", only_voices("bd", "sd", *HATS), present("bd"), present("sd"), present(HAND_HATS)
    ),
    row("busy hats, laid back snare", present(HAND_HATS), present("sd"), density="busy", tempo="slow"),
    row("no hats, swap them for a shaker", absent(HATS), present("sh")),
    row("move the hats to the ride", absent(HATS), present("rc")),
    row("the open hat part moves over to the ride instead", absent("oh"), present("rc")),
    row("the kick moves to 3", only("bd", "3")),
    row("a tribal tom groove", present(TOMS)),
    row("a snare beat on 2 and 4", only("sd", "2", "4")),
    # fresh25-28, after they were measured: what they missed
    row("kick every beat, hats ONLY offbeats", only("bd", "beats"), hats_only("offbeats")),
    row(
        "clave on 1, 1a, 2&, 3& and 4 (son 3-2 squeezed in one bar), kick on 2& and 4. 2 bars",
        only("cl", "1", "1a", "2&", "3&", "4"),
        only("bd", "2&", "4"),
        bars=2,
    ),
    row(
        "our guitarist does stabs on the and of 1 and the and of 3, want the kick doubling those",
        on("bd", "1&", "3&"),
    ),
    row("2/4 oompah, kick down snare up", only("bd", "beats"), only("sd", "offbeats"), meter="2/4"),
    row("funk but leave the snare off 2, backbeat only on 4 for this one", off("sd", "2"), only(BACKBEAT, "4")),
    row(
        "snare on 2 and 4, hats on 8ths but drop the hat wherever the snare is so they dont stack",
        only("sd", "2", "4"),
        hats_only("eighths except 2 4"),
        off(HATS, "2", "4"),
    ),
    # d61-d64: moves of one hit, corrections of several voices, styles and idioms said "not"
    row("the kick goes 1 and then the e of 2?? and then 3", only("bd", "1", "2e", "3")),
    row(
        "four on the floor kick, hats ONLY on the offbeats (nothing on the downbeats at all), clap on 2 & 4",
        on("bd", "beats"),
        hats_only("offbeats"),
        off(("ch", "oh", "ph", "cc", "rc", "rb", "sd", "rs", "ht", "mt", "lt", "tb", "cb", "sh", "cl"), "beats"),
        only("cp", "2", "4"),
    ),
    row("put it on the & of 1 and on 3 instead, snare still 2 and 4", only("sd", "2", "4")),
    row("backbeat + snare on the e of 4", BACKBEAT_IDIOM, on("sd", "4e")),
    row("kick on 1 and 3, actually no, move that 2nd kick to the and of 3", only("bd", "1", "3&"), off("bd", "3")),
    row("kick anywhere but beat 1 pls", off("bd", "1")),
    row(
        "funk but dont land the kick on 3, push it later to the & of 3. keep the one",
        off("bd", "3"),
        only("bd", "1", "3&"),
    ),
    row("not four on the floor, kick just 1 + 3", off("bd", "backbeat"), only("bd", "1", "3")),
    row("house but not four on the floor", off("bd", "backbeat")),
    row("disco w/o the open hat on the offbeats, closed hat only", off("oh", "offbeats"), present("ch")),
    row("shift the snare on 4 to 4& - the one on 2 stays put", off("sd", "4"), on("sd", "4&"), on("sd", "2")),
    row("it keeps coming out like a rock beat with the kick on 1, one drop pls", *ONE_DROP),
    row("keep it soft, no rock snare on 2 and 4", off("sd", "2", "4")),
    row("7/8 (2+2+3), kick starts each group", only("bd", "beats"), meter="7/8"),
    row("2 bars, fill at the end on snare ONLY, dont touch the toms", absent(TOMS), bars=2, fill="snare"),
    row("i dont want it to sound like a backbeat. snare on the ands of 2 and 4", only("sd", "2&", "4&")),
    row("kick on 1 and 4, snare on 4? no wait. kick just on 1, snare just on 4", only("bd", "1"), only("sd", "4")),
    row("ride on all 4 quarters w the bell on the upbeats", only("rc", "beats"), only("rb", "offbeats")),
    row("12/8 slow blues w the ride doing all the triplets", only("rc", "triplets"), meter="12/8", tempo="slow"),
    row("kick on 1, snare (or rim, idc) on the 4", only("bd", "1"), only(("sd", "rs"), "4")),
    row("hip hop loop, end it w a quick clap roll", fill="cp"),  # a quick roll, not a quick tempo
    row("trap but no hats at all, the 808 and clap carry it", absent(HATS), present("bd"), present("cp")),
    # fresh29-30, after they were measured with the server down
    row("kick on 1 and the & of 3, snare backbeat 2/4", only("bd", "1", "3&"), on("sd", "backbeat")),
    row("backbeat, tambo on every e+a", BACKBEAT_IDIOM, only("tb", "es", "as")),
    row("2 bars of funk, throw an open hat in near the end", present("oh"), bars=2),
    # fresh31-34, after they were measured with the server down; d50
    row(
        "kick plays on every beat and also on the sixteenth right before each beat",
        only("bd", "beats", "as"),
    ),
    row("kick on every beat and the 'a' of each count", only("bd", "beats", "as")),
    row("hats on the 8th after every beat", hats_only("offbeats")),
    row("4 bars, kick on every one and the and of three", only("bd", "1", "3&"), bars=4),
    row("crash on every one", only("cc", "1")),
    row("classic chicago house, 4 on the floor w offbeat open hats", on("bd", "beats"), on("oh", "offbeats")),
    row("offbeat hats and a kick on 1", on(HAND_HATS, "offbeats"), only("bd", "1")),
    row("backbeat claps, kick on 1", on("cp", "backbeat"), only("bd", "1")),
    row("kick on 1, no off-beat hats", only("bd", "1"), off(HATS, "offbeats")),
    row("kick playing four on the floor", on("bd", "beats")),
    row(
        "12/8: the bell plays the long pattern and the kick marks the four big dotted-quarter pulses",
        present("rb"),
        only("bd", "beats"),
        meter="12/8",
    ),
    row("no snare, the cowbell can play the usual bell pattern", absent("sd"), present("cb")),
    row("some cowbell pls", present("cb")),
    row(
        "kick on 1 and the & of 2, rim on 2 and 4 instead of snare",
        only("bd", "1", "2&"),
        only("rs", "2", "4"),
        absent("sd"),
    ),
    row("cross stick on 3 instead of the snare, snare ghosts", only("rs", "3"), off("sd", "3")),
    row("double up the kick on the 1 (so 1 and the e right after) + one on 3", only("bd", "1", "1e", "3")),
    row("kick on 3 and the and right after", only("bd", "3", "3&")),
    # a step numbered 10 to 16 with no meter named: the request counts a sixteenth grid's steps
    row(
        "clap layered on top of the snare on 5 + 13, kick on 1 & 9",
        only("cp", "2", "4"),
        only("sd", "2", "4"),
        only("bd", "1", "3"),
    ),
    row("kick on 1, 7, 9 and 15 for 4 bars", only("bd", "1", "2&", "3", "4&"), bars=4),
    # d65-d68, and fresh32's cha-cha
    row("a cha-cha-chá groove on drumset including the cowbell part", present("cb")),
    row("snare on 3 and 5 (wait no, 2 and 4? no no, 3 and 5, keep it)", only("sd", "3", "5")),
    row("snare on 2 and 4, then crash on 1 - wait no, no crash, keep it dark", only("sd", "2", "4"), absent("cc")),
    row("one drop, and i mean NOTHING on the one", *ONE_DROP, off(ALL_VOICES, "1")),
    row("four on the floor kick, shaker 16ths", on("bd", "beats"), only("sh", "sixteenths")),
    row("reggaeton, toms at the end for the transition", fill="toms"),
    row("displaced backbeat pls: snare on 2& and 4 instead of 2 and 4", only("sd", "2&", "4"), off("sd", "2")),
    row("16th ghost notes on the snare w/ accents on 2 and 4", on("sd", "2", "4")),
    row("can u do a tresillo kick - 1, 2& and 4", only("bd", "1", "2&", "4")),
    row("ride bell on the group starts, kick 1 and 5", only("rb", "beats"), only("bd", "1", "5")),
    row("bell of the ride on all four counts", only("rb", "beats")),
    row(
        "kick on 1, snare on 3, nothing on beat 2 except the hat",
        only("bd", "1"),
        only("sd", "3"),
        off(tuple(v for v in ALL_VOICES if v not in HATS), "2"),
        on(HAND_HATS, "2"),
    ),
    row("steppers riddim, uk dub style", on("bd", "beats")),
    row("snare on the a of 1 + the & of 2, then same thing a of 3 and & of 4", only("sd", "1a", "2&", "3a", "4&")),
    row(
        "12/8, cowbell doing the standard bell, counting eighths: 1 3 5 6 8 10 12",
        only("cb", "1", "1a", "2&", "2a", "3&", "4", "4a"),
        meter="12/8",
    ),
    row(
        "12/8, cowbell on steps 1 3 5 6 8 10 12 of the 12 step bar, kick on every dotted quarter",
        only("cb", "1", "1a", "2&", "2a", "3&", "4", "4a"),
        only("bd", "dotted-quarters"),
        meter="12/8",
    ),
    row("gallop on the double kick - 1 & a on every beat", only("bd", "beats", "offbeats", "as")),
    row(
        "6/8, no hats (ride only for this), kick on 1",
        absent(HATS),
        present("rc"),
        absent(("cc", *HATS)),
        only("bd", "1"),
        meter="6/8",
    ),
    # d69-d72: voice-to-text, a teacher's limbs, 12/8 counted in eighths, sections added up
    row("basic beat kick on one and three snare on to and for thats it", only("bd", "1", "3"), only("sd", "2", "4")),
    row("side stick only on for and kick on one", only("rs", "4"), only("bd", "1")),
    row("kick on one and the uh a of two", only("bd", "1", "2a")),
    row("can u make like a for bar loop of a simple pop beat", bars=4, density="sparse"),
    row(
        "open hat on all the ands and the kick on every beat one two three four",
        only("oh", "offbeats"),
        only("bd", "beats"),
    ),
    row(
        "right hand 8ths on the closed hat, left hand snare on 2 and 4, right foot on 1 and the & of 2",
        only("ch", "eighths"),
        only("sd", "2", "4"),
        only("bd", "1", "2&"),
    ),
    row("12/8 blues, hats on all twelve", hats_only("eighths"), meter="12/8"),
    row("12/8, crash on every big beat", only("cc", "beats"), meter="12/8"),
    row("slow blues, ride on every quarter note", only("rc", "quarters"), tempo="slow"),
    row("fill exercise: 1 bar of time + 1 bar of fill", bars=2, fill="snare"),
    row("two extra snare accents, one on 2e and one on 3a", on("sd", "2e", "3a")),
    row(
        "16th kicks except DONT put kick on 2 and 4, leave those holes for the snare",
        only("bd", "sixteenths except 2 4"),
        off("bd", "2", "4"),
        on("sd", "2", "4"),
    ),
    row(
        "a clap on the second and fourth and maybe a shaker going the whole way through",
        only("cp", "2", "4"),
        present("sh"),
    ),
    row("gimme sixteen bars of lofi", bars=8),
    row(
        "standard house but on the last bar drop a little fill, claps going 16ths on beat 4", fill="cp"
    ),  # the fill, described after it: not claps in 16ths all along
    row("8 bars, then bar 7 is a break w no kick, kick slams back in bar 8", present("bd"), bars=8),
    row("no crash in bar 4", absent("cc"), bars=4),  # held everywhere: so out of bar 4 as well
    # a complaint's counts are kept free of what it complains of (d76)
    row("i hate when it crashes on 1", off("cc", "1")),
    row(
        "open hat on every offbeat, closed hat on the beats. u keep opening it on the 1 for some reason",
        only("oh", "offbeats"),
        only("ch", "beats"),
        off("oh", "1"),
    ),
    # d73-d75
    row("kick on 1, the and of 2, 3... no scratch the 3, kick on 1, 2& and 4", only("bd", "1", "2&", "4")),
    row(
        "open hat on the ands... wait no not all of them, just the and of 2 and the and of 4. "
        "closed hat on the rest of the 8ths",
        only("oh", "2&", "4&"),
        only("ch", "1", "1&", "2", "3", "3&", "4"),
    ),
    row("snare only on 4, not on 2 at all... actually no, keep 2 totally empty", only("sd", "4"), off(ALL_VOICES, "2")),
    row("kick on 1 and the a of 2 - wait, make it the and of 2", only("bd", "1", "2&")),
    row(
        "slow soul in 6/8... hmm that's 12/8 really. ok do 12/8: kick on 1 and 3",
        only("bd", "1", "3"),
        meter="12/8",
        tempo="slow",
    ),
    row(
        "the kick: 1 and 3&. snare backbeat only on 3 cuz half time",
        only("bd", "1", "3&"),
        only("sd", "3"),
        on(BACKBEAT, "three"),
        off(BACKBEAT, "backbeat"),
        speed="half-time",
    ),
    row("clap on 2 and 4, shaker going on all 16 steps", only("cp", "2", "4"), only("sh", "sixteenths")),
    row("hat lane fully filled xxxxxxxxxxxxxxxx", hats_only("sixteenths")),
    row("i need step 1 totally empty in every instrument", off(ALL_VOICES, "1")),
    row("tamb on 2 and 4 right with the snare", only("tb", "2", "4"), on("sd", "2", "4")),
    row(
        "no cymbals at all in the intro, just toms rumbling and kick underneath",
        absent(CYMBALS),
        absent(tuple(v for v in ALL_VOICES if v not in (*TOMS, "bd"))),
        present(TOMS),
        present("bd"),
    ),
    row(
        "6/8 verse, kick and shaker only, then big toms into the chorus at the end",
        absent(tuple(v for v in ALL_VOICES if v not in ("bd", "sh", *TOMS))),
        present("bd"),
        present("sh"),
        meter="6/8",
        fill="toms",
    ),
    row("half-time bridge, end it with a build on the snare", *HALF_TIME, speed="half-time", fill="snare"),
    row("rock, a lil fill to end the last bar, but keep the fill OFF the toms", fill="snare"),
    # d77-d80
    row("4 barz pls, r&b pocket, rim on 2 & 4, kick 1 + 3", only("rs", "2", "4"), only("bd", "1", "3"), bars=4),
    row(
        "jersey club loop w kick on every quarter and a hat stutter fill at the very end",
        only("bd", "quarters"),
        fill="ch",
    ),
    row("rock feel, straight 8ths on the cymbal", by_hand_only(("ch", "oh", "ph", "rc"), "eighths"), swing=False),
    row(
        "4-feel swing, the snare stays OUT of 2 and 4. no backbeat at all",
        off("sd", "2", "4"),
        off(BACKBEAT, "backbeat"),
        swing=True,
    ),
    row("medium swing, ride plus the hat on 2/4", present("rc"), hats_only("2", "4"), swing=True),
    row("verse groove, kick never off the numbers and dont open the hat anywhere", only("bd", "counts"), absent("oh")),
    row(
        "2 bars of this: HH: x-x-x-x-x-x-x-x- SD: ----x-------x--- K:  x-------x-x-----",
        hats_only("eighths"),
        only("sd", "2", "4"),
        only("bd", "1", "3", "3&"),
        bars=2,
    ),
    # d81-d84
    row(
        "bass drum on 1, the and of 2, and on 3. backbeat on 2 and 4. nothing fancy on top, just the hat.",
        only("bd", "1", "2&", "3"),
        on(BACKBEAT, "2", "4"),
        present(HAND_HATS),
        absent(("cc", "rc", "rb")),
    ),
    row(
        "Just the side stick on three, the bass drum on one and eighths on the hi-hat",
        only("rs", "3"),
        only("bd", "1"),
        hats_only("eighths"),
    ),
    row(
        "bass drum on one and three and the sock cymbal with the foot on two and four. Feet only",
        only("bd", "1", "3"),
        only("ph", "2", "4"),
        absent(tuple(v for v in ALL_VOICES if v not in ("bd", "ph"))),
    ),
    row(
        "5/4 with the bass drum on one and three, snare on four only",
        only("bd", "1", "3"),
        only("sd", "4"),
        meter="5/4",
    ),
    row("need kck on 1, 3 and the a of 4 fr, clp 2n4", only("bd", "1", "3", "4a"), only("cp", "2", "4")),
    row(
        "no hh at all, jus kck n snr",
        absent(HATS),
        absent(tuple(v for v in ALL_VOICES if v not in ("bd", "sd"))),
        present("bd"),
        present("sd"),
    ),
    row("no toms, no cowbell, n dont put kck on any of the ands", absent(TOMS), absent("cb"), off("bd", "offbeats")),
    row("4 bars of mozambique, bell on the quarters pls", only("cb", "quarters"), bars=4),
    # fresh31-34, after the models were measured
    row(
        "12/8 shuffly deep house thing, kick on the 4 big beats and a hat on the last triplet of each beat",
        only("bd", "beats"),
        hats_only("as"),
        meter="12/8",
    ),
    # fresh37-38, after they were measured with the server down (it had read "kick on 1, 2 and 3")
    row(
        "3/4 waltz, kick only on the 1 (none on 2 or 3), 8 bars",
        only("bd", "1"),
        off("bd", "2", "3"),
        meter="3/4",
        bars=8,
    ),
    row(
        "keep the kick off of 2 and 4 so the snare there is clean, and dont put a crash anywhere",
        off("bd", "2", "4"),
        on("sd", "2", "4"),
        absent("cc"),
    ),  # (SmolLM2 put a kick on 4)
    # fresh35-36, after they were measured with the server down
    row("cowbell only 3 hits in the bar: on 1, on 2& and on 4", only("cb", "1", "2&", "4")),
    row("baião pls, the hihat do the triangle part, every 16th", hats_only("sixteenths")),
    row(
        "shaker running 16ths and rimshot in place of snare",
        only("sh", "sixteenths"),
        absent("sd"),
        on("rs", "backbeat"),
    ),
    # from the blind batches fresh39-42 (measured first, then read)
    row("floor tom carries the accents on 3 and 5 instead", on("lt", "3", "5")),  # the floor tom, not a tom
    row("country two-step for a honky tonk song", on("bd", "1", "3"), on("sd", "backbeat")),  # boom-chick
    row("one drop. my students keep putting the kick on 1 out of habit", *ONE_DROP),  # a habit, not a wish
    row("kick only on 1 and 3. the goal is he stops adding a kick on 4", only("bd", "1", "3"), off("bd", "4")),
    row(
        "bd 1 + 3 / sn 2 + 4. nothing else on the kit pls",
        only("bd", "1", "3"),
        only("sd", "2", "4"),
        only_voices("bd", "sd"),
    ),
    row(
        "without any cymbals, toms and kick only",
        absent(CYMBALS),
        only_voices("bd", "ht", "mt", "lt"),
        present(("ht", "mt", "lt")),
        present("bd"),
    ),  # the toms are what plays, not more of what does not
    row("dotted 8ths on the closed hat, kick on 1", only("ch", "dotted-eighths"), only("bd", "1")),
    row("dotted quarters on the bell (1, 2&, 4)", only("rb", "1", "2&", "4")),
    row("dotted quarter notes on the ride in 3/4", only("rc", "dotted-quarters"), meter="3/4"),
    row("6/8, kick on the dotted quarters", only("bd", "dotted-quarters"), meter="6/8"),  # the felt beats there
    row("zabumba on the kick: dotted 8th, 16th, quarter", present("bd")),  # a figure, not a rate
    row("dbl kick bursts: 1, 1e, 1& and again 3, 3e, 3&", only("bd", "1", "1e", "1&", "3", "3e", "3&")),
    row("the bassist plays the 1 so no kick there, snare on 2 and 4", off("bd", "1"), only("sd", "2", "4")),
    row("clap on 2 and 4, not snare there", only("cp", "2", "4"), off("sd", "2", "4")),
    row("half time, nothing on the one", *HALF_TIME[1:], nothing_on("1"), speed="half-time"),  # no kick on 1 then
    row("one drop, rim instead of the snare", ONE_DROP[0], on("rs", "three"), ONE_DROP[2], absent("sd")),
    row("bossa w/ cross stick and a shaker doing 16ths", present("rs"), only("sh", "sixteenths")),  # the shaker's
    # from the development batches d85-d90
    row(
        "S |----x-------x---| K |x-------x-x-----|", only("sd", "2", "4"), only("bd", "1", "3", "3&")
    ),  # a tab's letters
    row("kick on 1, the e of 3 and the a of 4 (thats 16 steps)", only("bd", "1", "3e", "4a")),  # counts, not steps
    row("kick on 1, the e of 2 and 3... wait no not the e, the a of 2", only("bd", "1", "2a", "3")),
    row("tamb on the e's and a's. actually only on the a's", only("tb", "as")),
    row("rock beat, crash on the first bar only", present("cc")),  # only in that bar, not the crash alone
    row("3 bars, i'll loop it with a fill from somewhere else", bars=3),  # no fill here
    row("put the & of 4 on the kick as a pickup? plus 1 and 3", only("bd", "4&", "1", "3")),
    row("ride instead of hats, kick 1 and 3", absent(("ch", "oh", "ph")), present("rc"), only("bd", "1", "3")),
    row("one drop for the reggae tune at halftime", *ONE_DROP),  # the game's half time, not the feel
    row("press roll on the a of 4, snare 2 n 4", only("sd", "2", "4", "4a")),  # a rudiment is the snare's; one rule
    row("kik on every 8th? no thats too much.. kick on 1, 1&, 3 and 3&", only("bd", "1", "1&", "3", "3&")),
    row(
        "7/8 counted 1 2 3 1 2 1 2. kick on every 1, snare on the last 2",
        only("bd", "1", "4", "6"),
        only("sd", "7"),
        meter="7/8",
    ),
    row("5/8 felt as 3+2 - kick on the 3 group, snare on the 2 group", only("bd", "1"), only("sd", "4"), meter="5/8"),
    row("9/8 as 2+2+2+3, snare on the start of the last group (the 7)", only("sd", "7"), meter="9/8"),
    row("keep the kick off the 1 and off the 3, snare 2 and 4", off("bd", "1", "3"), only("sd", "2", "4")),
    row("snaer on 2 n 4 with claps doubling it", only("sd", "2", "4"), on("cp", "2", "4")),  # "it": the snare
    row("backbeat every beat", on(BACKBEAT, "beats")),  # once a rule with no place (found by the fuzz test)
    row(
        "horse gallop on the kick: 1, the e of 1, the and of 1... then same thing again on 3",
        only("bd", "1", "1e", "1&", "3", "3e", "3&"),
    ),
    row("disco hats: closed on the numbers, open on every &", only("ch", "1", "2", "3", "4"), on("oh", "offbeats")),
    row(
        "caja en 2 y 4, bombo en 1 y 3, sin platillos", only("sd", "2", "4"), only("bd", "1", "3"), absent(CYMBALS)
    ),  # Spanish
    row("grosse caisse sur 1 et 3, caisse claire sur 2 et 4", only("bd", "1", "3"), only("sd", "2", "4")),  # French
    # typed fast on a phone: counts as words with no joiner, a last "and" that is the count's
    row("snare two four kick one three", only("sd", "2", "4"), only("bd", "1", "3")),  # counts, not 2/4
    row("hats 8ths kick on one snare two four", hats_only("eighths"), only("bd", "1"), only("sd", "2", "4")),
    row("kick one and three and, snare 2 and 4", only("bd", "1", "3&"), only("sd", "2", "4")),  # the and of 3
    row("a polka in two four", meter="2/4"),  # a meter where no voice comes before it
    # how many hits a bar, and where
    row("keep it sparse: only one clap per bar, on 3", only("cp", "3"), density="sparse"),  # not "only the clap"
    row("just one crash a bar", present("cc")),  # not one bar, nor the crash alone
    # an odd meter's groups by their size
    row("9/8 as 2+2+2+3, kick where the 3 comes in", only("bd", "7"), meter="9/8"),
    row("7/8 felt 2+2+3: ride on the starts of the 2s", only("rc", "1", "3"), meter="7/8"),
    row(
        "the floor tom was too busy last time, keep it on 1 and 3", only("lt", "1", "3"), density="sparse"
    ),  # its whole name; "too busy" asks for less
    # dictated by speech-to-text
    row("kick on the won and tree um snare on too and for you know", only("bd", "1", "3"), only("sd", "2", "4")),
    row("base drum on one and the & of too, eight notes on the high hat", only("bd", "1", "2&"), hats_only("eighths")),
    row("kicks on won and three snarf on two and four", only("bd", "1", "3")),  # "snarf": left out, not the kick's
    # drum words of other languages, with their small words
    row("cassa 1 e 3, rullante 2 e 4, senza piatti", only("bd", "1", "3"), only("sd", "2", "4"), absent(CYMBALS)),
    row("bumbo no 1 e no 3, caixa no 2 e no 4", only("bd", "1", "3"), only("sd", "2", "4")),  # Portuguese "no": on the
    row(
        "Bassdrum auf 1 und 3, Snare on the 2. and 4. beat, 2 Takte", only("bd", "1", "3"), only("sd", "2", "4"), bars=2
    ),
    # a place given to one voice alone
    # a named groove, changed: its rules give way to the words, a place at a time
    row(
        "money beat but leave the kick off 3",
        on("bd", "1"),
        on("sd", "backbeat"),
        on(HAND_HATS, "eighths"),
        off("bd", "3"),
    ),
    # numbers of hits
    row("three claps a bar, all on the offbeats", on("cp", "offbeats")),  # three hits, four offbeats: not "only"
    row("exactly four rides per bar, one on each beat", only("rc", "beats")),
    row("kick and clap together once a bar, on 3", only("bd", "3"), only("cp", "3")),
    row("ride on every offbeat, 4 ride hits a bar", only("rc", "offbeats")),  # the 4 is how many
    # an odd meter's groups: by size, by their notes, in eighths and in quarters
    row("7/8 as 2+2+3, snare on the third note of the long group", only("sd", "7"), meter="7/8"),
    row("7/8 counted 3+2+2, clap on the second of each 2", only("cp", "5", "7"), meter="7/8"),
    row("9/8 2+2+2+3, crash on the long group's first note", only("cc", "7"), meter="9/8"),
    row(
        "5/4 felt 3+2, kick where each group starts, ride on all five",
        only("bd", "1", "4"),
        only("rc", "beats"),
        meter="5/4",
    ),
    row("7/8 as 2+2+3, leave the first of each 2 empty on the kick", off("bd", "1", "3"), meter="7/8"),
    # what "no" takes away
    row("trap but no hat rolls, 8ths on the hats", hats_only("eighths")),  # the rolls, not the hats
    row("no tom fills, kick on 1", only("bd", "1")),  # no fill at all
    row("nothing on the 1 for the kick, snare 2 and 4", off("bd", "1"), only("sd", "2", "4")),
    row("rock but no open hihat, closed only", absent("oh"), present("ch")),
    row("same thing but on the ride instead of hats", absent(HATS), present(("rc",))),
    row("bhangra with tabla-like toms", present(TOMS)),
    row("snare on 2 and 4 and the last sixteenth before the one", only("sd", "2", "4", "4a")),
    # what d97-d102 showed
    row("go wild on the ghost notes, anything but a snare on 3", off("sd", "3")),  # not "snare on 3"
    row("snare on 3, and nothin from the kick on the one", only("sd", "3"), off("bd", "1")),
    row("1 e + a 2 e + a -> kik on 1 and the a of 2", only("bd", "1", "2a")),  # the count above is not the kick's
    row("S ----x-------x--- and i mean ONLY those two", only("sd", "2", "4")),  # not a correction
    row(
        "left foot hat on 2 and 4, rf 1 and 3, rh ride quarters",
        only("ph", "2", "4"),
        only("bd", "1", "3"),
        only(("rc",), "quarters"),
    ),
    row("a take five vibe but ride only, no hats", present(("rc",)), absent(HATS)),
    row("i want the snare alone on 2 and 4", only("sd", "2", "4")),
    row("the e of 3 needs a kick", on("bd", "3e")),
    row("the crashy one but only on the one", only("cc", "1")),
    row("dont touch the 1, the bass owns it", nothing_on("1")),
    row("hats doin 16ths, kick on the uh of three", hats_only("sixteenths"), only("bd", "3a")),
    row(
        "7/8, they count it 1 2, 1 2, 1 2 3. big drum at the start of each little group",
        only("bd", "beats"),
        meter="7/8",
    ),
    row("snare on 3 w kick under every snare", only("sd", "3"), on("bd", "3")),
    row("rh hat 8ths (16ths? no way), lh snare 2 and 4", hats_only("eighths"), only("sd", "2", "4")),
    row("hat ONLY on the +'s", hats_only("offbeats")),
    row("disco, opening the hat on the ands", only("oh", "offbeats")),  # the open hat, not any hat
    # what d103-d108 showed
    row("1) kick on 1 and 3 2) snare 2 and 4 3) no crash", only("bd", "1", "3"), only("sd", "2", "4"), absent("cc")),
    row("- kick on 1 and 3\n- snare on 2 and 4\n- 2 bars", only("bd", "1", "3"), only("sd", "2", "4"), bars=2),
    row("kick on 1, the & of 2 (no wait, the a of 2), and 3", only("bd", "1", "2a", "3")),
    row("clave on the rim 2-3, kick tumbao", present("rs"), on("bd", "2&", "4")),  # the clave's side, not counts
    row("one drop, the drop is kick and rim together on 3", *ONE_DROP, only("bd", "3"), only("rs", "3")),
    row("songo, no snare backbeat on 2 and 4", off("sd", "2", "4")),
    row("nothing on the one, not even hats. snare 2 and 4", nothing_on("1"), only("sd", "2", "4")),
    row(
        "drop the ghost notes, clean snare ONLY on 2 and 4",
        only("sd", "2", "4"),
        off("sd", "1", "1e", "1&", "1a", "2e", "2&", "2a", "3", "3e", "3&", "3a", "4e", "4&", "4a"),
    ),
    row("hat barks on the and of 4, kick 1 and 3", only("oh", "4&"), only("bd", "1", "3")),
    row("motown, the 4-on-the-snare sound", on("sd", "beats")),
    row("7/8, no hats (ride only)", absent(HATS), present(("rc",)), meter="7/8"),
    # a groove sung as sounds: each word one step, as the words or the run's length say
    row(
        "boom tss clap tss boom tss clap tss",
        only("bd", "1", "3"),
        only("ch", "1&", "2&", "3&", "4&"),
        only("cp", "2", "4"),
    ),
    row(
        "dum . tak dum | dum . tak . each thing is an 8th. dum is the kick, tak is the snare",
        only("bd", "1", "2&", "3"),
        only("sd", "2", "4"),
    ),
    row(
        "7/8: boom-ka boom-ka boom-ka-ka, boom = kick, ka = clap",
        only("bd", "1", "3", "5"),
        only("cp", "2", "4", "6", "7"),
        meter="7/8",
    ),
    row(
        "dum tek dum tek: kick on every number, snare on every and", only("bd", "counts"), only("sd", "offbeats")
    ),  # the words place them
    row("a boom bap beat", swing=True),  # a style's name, not a groove sung
    row("snare on 2 but not on 4", only("sd", "2"), off("sd", "4")),  # not even a ghost note there
    row("ride spang on all 4 beats, cross stick click on 2 and 4", on(("rc",), "beats"), only("rs", "2", "4")),
    row("snare fill at the end, keep 2 and 4 solid till then", on(BACKBEAT, "2", "4"), fill="snare"),
    row(
        "kick 1 and 3, snare 2 and 4, on 4& only the open hat",
        only("bd", "1", "3"),
        only("sd", "2", "4"),
        on("oh", "4&"),
        off(tuple(v for v in ALL_VOICES if v != "oh"), "4&"),
    ),
    # other ways of saying a place or a voice (reword.py)
    row(
        "Side stick on crotchets two and four; ride cymbal quavres throughout.",
        only("rs", "2", "4"),
        only("rc", "eighths"),
    ),
    row("semiquvers on the hats, kick on the last semiquaver of beat two", hats_only("sixteenths"), only("bd", "2a")),
    row("tambourine on the second semiquaver of each beat, kick on 1", only("tb", "es"), only("bd", "1")),
    row(
        "the first quaver of beat 3 on the kick and the second quaver of 4 on the snare",
        only("bd", "3"),
        only("sd", "4&"),
    ),
    row("BD on rows 00 06 08, SD on rows 04 and 0C", only("bd", "1", "2&", "3"), only("sd", "2", "4")),
    row("on cajon: bass tone on 1 and the and of 3, slap on 2 and 4", only("bd", "1", "3&"), only("sd", "2", "4")),
    row("shaker on every even step (2, 4, 6 ...)", only("sh", "es", "as")),
    row("hats on every odd step (1,3,5,7..) and clap on 2 and 4", hats_only("eighths"), only("cp", "2", "4")),
    row("hats on eights, kick on 1", hats_only("eighths"), only("bd", "1")),
    row("pandeiro feel on the hat pls, 16ths all the way", on(HAND_HATS, "sixteenths")),  # the hats keep the 16ths
    row("with a ride, straight eighths, snare 2 and 4", on("rc", "eighths"), only("sd", "2", "4"), swing=False),
    row("12/8 bembe feel, cowbell doing the bell part", present("cb"), meter="12/8"),
    row("ta ka di mi, kick on the ta of 1 and 3 plus the mi of 2", only("bd", "1", "3", "2a")),
    row("thinking in ta ka di mi: kick on every ta, rim on every mi", only("bd", "beats"), only("rs", "as")),
    row(
        "keep the kick n snare like this\n   1 e & a 2 e & a 3 e & a 4 e & a\n"
        "SN . . . . x . . . . . . . x . . .\nBD x . . . . . x . x . . x . . . .",
        only("sd", "2", "4"),
        only("bd", "1", "2&", "3", "3a"),
    ),
    row("7/8 balkan-ish, kick on 1, clap on 3 et 5", only("bd", "1"), only("cp", "3", "5"), meter="7/8"),
    row("minimal techno, juste kick et clap", only_voices("bd", "cp"), present("bd"), present("cp"), density="sparse"),
    row("petit fill de toms a la fin mais pas de crash", absent("cc"), fill="toms"),
    row("hat wa nashi, kick wa 1と3&, 4小節", absent(HATS), only("bd", "1", "3&"), bars=4),
    row("the band hits the & of 4. catch it w/ kick + crash", on("bd", "4&"), on("cc", "4&")),
    row(
        "no snare on 2 and 4, show them what it sounds like when you take the backbeat away",
        off("sd", "2", "4"),
        off(BACKBEAT, "backbeat"),
    ),
    row(
        "my son only has a big drum and a hi hat, big drum on 1 and 3",
        only_voices("bd", *HATS),
        present(HAND_HATS),
        only("bd", "1", "3"),
    ),
    row("my kit only has a hihat so no crash, kick on 1", absent("cc"), only("bd", "1")),  # of the cymbals
    row("Backbeat without any cymbals whatsoever, drums only.", BACKBEAT_IDIOM, absent(CYMBALS), absent(NOT_DRUMS)),
    row("shout chorus: ride time on 1 2 3, hats 2 & 4 w/ the foot", only("rc", "1", "2", "3"), only("ph", "2", "4")),
    row(
        "waltz in 3/4: kick on the oom (1), hat foot on both pahs (2, 3)",
        only("bd", "1"),
        only("ph", "2", "3"),
        meter="3/4",
    ),
    row(
        "in 8ths its DUM tek - tek DUM - tek - . dum = kick, tek = side stick",
        only("bd", "1", "3"),
        only("rs", "1&", "2&", "4"),
    ),
    row(
        "boom . chk . boom boom chk . (8ths, boom = kick chk = snare)", only("bd", "1", "3", "3&"), only("sd", "2", "4")
    ),
    row("no hi-hats, she hates the tss sound", absent(HATS)),
    row("claps on 2 & 4 (no snare drum anywhere)", only("cp", "2", "4"), absent("sd")),
    # dictated to a phone: punctuation said aloud, counts heard as words
    row(
        "kick on won the e of to and three comma snare on to and for period",
        only("bd", "1", "2e", "3"),
        only("sd", "2", "4"),
    ),
    row("for bars of a rock beat comma eighth note hats", hats_only("eighths"), bars=4),
    row("the eight oh eight on won and the and of to, cross stick on for only", only("bd", "1", "2&"), only("rs", "4")),
    row("snare on the a of 1 and & of 2 in each half, 4x4 kick", only("sd", "1a", "2&", "3a", "4&"), FOUR_ON_THE_FLOOR),
    row("kick on every beat and open hats bang on the &s between", only("bd", "beats"), only("oh", "offbeats")),
    row("house, a fill at the end.. scratch that, make the fill claps too", fill="cp"),
    # places said of another part, then given to a voice
    row(
        "bassist. in 5/4 i hit 1 and 4 - kick with me there, snare on 3 and 5",
        on("bd", "1", "4"),
        only("sd", "3", "5"),
        meter="5/4",
    ),
    row("i take a breath on the and of 4. put a clap right in that gap", on("cp", "4&")),
    row("i accent the e of 3 and the a of 4, can u put those on the cross stick?", on("rs", "3e", "4a")),
    row("bass line goes 1, 1&, 3a, 4&. kick doubles that exactly", only("bd", "1", "1&", "3a", "4&")),
    row("dum = kick, tek = snare. dums on 1 and 3, teks on 4", only("bd", "1", "3"), only("sd", "4")),
    row("motown, tamborine on 2 & 4, shakr doin 16ths", only("tb", "2", "4"), only("sh", "sixteenths")),
    # figures a drummer names: rules that give way to the words
    row("can u do a gravity blast?", on("sd", "sixteenths")),
    row("blast for a few bars", on("bd", "beats"), on("sd", "offbeats")),
    row("have a blast with it, kick on 1", only("bd", "1")),
    row("gallop on the double bass, snare 2 and 4", on("bd", "beats", "offbeats", "as"), only("sd", "2", "4")),
    row(
        "waltz blast in 3/4, kick on 1, snare on 2 and 3",
        only("bd", "1"),
        only("sd", "2", "3"),
        meter="3/4",
    ),
    # a place said instead, ghost notes of the drum meant, counts said as a range, bars past the most
    row("kick not on 1 but on the and of 1", off("bd", "1"), on("bd", "1&")),
    row(
        "ride 8ths, and no ghost notes either - just clean snare on 2 n 4",
        only("rc", "eighths"),
        only("sd", "2", "4"),
        off("sd", "1", "1e", "1&", "1a", "2e", "2&", "2a", "3", "3e", "3&", "3a", "4e", "4&", "4a"),
    ),
    row("6/8, ride on every beat (1-6)", only("rc", "beats", "1", "2", "3", "4", "5", "6"), meter="6/8"),
    row("12 bars of blues", bars=8),
    row("a 12 bar blues, kick on 1", only("bd", "1")),  # the form's name, not a length
    row(
        "clap on 2 n 4 not the snare, snare fill at the end",
        only("cp", "2", "4"),
        off("sd", "2", "4"),
        fill="snare",
    ),
    row("fill at the end but only on the hats", fill="ch"),
    row("kick on odd beats, snare on even beats", only("bd", "alternate"), only("sd", "backbeat")),
    row("kick on every 3rd sixteenth, snare on 2 n 4", only("bd", "dotted-eighths"), only("sd", "2", "4")),
    row("a tom-fill at the end", fill="toms"),
    row("for our drumline: 4 bars ending in a quad run fill", bars=4, fill="toms"),
    row("16th hats but leave out every e and a", hats_only("sixteenths except es as")),
    row("snare on the a of 4 plus the normal backbeat", only("sd", "4a", "backbeat")),
    row("no crashy cymbal at all pls", absent("cc")),  # the crash, not every cymbal
    row("snare on the e of 3, keep the backbeat on 2 & 4 too", only("sd", "3e", "2", "4")),
    row(
        "tenors on the a of 1, plus kick 1 3 snare 2 4",
        only(("ht", "mt", "lt"), "1a"),
        on("bd", "1", "3"),
        only("sd", "2", "4"),
    ),
    row(
        "NO ghost notes anywhere, im a concert player and they mess me up. snare just on 2 and 4",
        only("sd", "2", "4"),
        off("sd", "1", "1e", "1&", "1a", "2e", "2&", "2a", "3", "3e", "3&", "3a", "4e", "4&", "4a"),
    ),
]

ALL_ROWS = POSITIONS + NEGATIONS + METER_ROWS + FIELD_ROWS + NOTHING_PLACED + CHAT_ROWS + CORRECTED_ROWS + NAMED_BEATS


def test_at_least_110_phrasings():
    assert len({p.values[0] for p in ALL_ROWS}) == len(ALL_ROWS) >= 110


@pytest.mark.parametrize(("text", "constraints", "noticed"), ALL_ROWS)
def test_phrasing_reads_as_the_drummer_meant(text, constraints, noticed):
    intent = parse_intent(text)
    assert seen(intent) == constraints
    assert fields(intent) == noticed
    assert len(intent.constraints) == len(constraints)  # no doubles


# --- every instrument name, alias and group word -------------------------------------------

VOICE_WORDS = sorted(
    {w for inst in INSTRUMENTS for w in (inst.code, inst.name, *inst.aliases)}
    | {w for g in VOICE_GROUPS for w in g.words}
)


@pytest.mark.parametrize("word", VOICE_WORDS)
def test_every_instrument_word_takes_a_place(word):
    intent = parse_intent(f"{word} on 2 and the and of 4")
    voices = resolve_voices(word)
    by_hand = "ph" in voices and {"ch", "oh"} & set(voices)  # the stick's sound there too
    assert seen(intent) == (set(by_hand_only(voices, "2", "4&")) if by_hand else {only(voices, "2", "4&")})


@pytest.mark.parametrize(
    ("word", "codes"),
    [
        ("backbeat voice", BACKBEAT),
        ("hats", HATS),
        ("hi-hat", HATS),
        ("cymbals", CYMBALS),
        ("toms", TOMS),
        ("tom-toms", TOMS),
        ("rimshots", ("rs",)),
        ("cross sticks", ("rs",)),
        ("percussion", ("tb", "cb", "sh", "cl")),
        ("claps", ("cp",)),
        ("cowbells", ("cb",)),
    ],
)
def test_groups_and_plurals_name_the_voices_a_drummer_means(word, codes):
    assert seen(parse_intent(f"no {word}")) == {absent(codes)}


# --- the same words in other meters ----------------------------------------------------------


@pytest.mark.parametrize(
    ("place", "meter", "steps_per_bar", "steps"),
    [
        # 4/4, sixteenth grid and eighth grid
        ("1", "4/4", 16, {0}),
        ("2&", "4/4", 16, {6}),
        ("3e", "4/4", 16, {9}),
        ("4a", "4/4", 16, {15}),
        ("5", "4/4", 16, None),
        ("beats", "4/4", 16, {0, 4, 8, 12}),
        ("beats except 3", "4/4", 16, {0, 4, 12}),
        ("eighths except 4&", "4/4", 16, {0, 2, 4, 6, 8, 10, 12}),
        ("alternate", "4/4", 16, {0, 8}),
        ("es", "4/4", 16, {1, 5, 9, 13}),
        ("as", "3/4", 12, {3, 7, 11}),
        ("es", "12/8", 12, None),
        ("alternate", "6/8", 12, {0}),
        ("beats except 9", "4/4", 16, None),
        ("offbeats", "4/4", 16, {2, 6, 10, 14}),
        ("backbeat", "4/4", 16, {4, 12}),
        ("three", "4/4", 16, {8}),
        ("quarters", "4/4", 16, {0, 4, 8, 12}),
        ("eighths", "4/4", 16, set(range(0, 16, 2))),
        ("sixteenths", "4/4", 16, set(range(16))),
        ("2&", "4/4", 8, {3}),
        ("3e", "4/4", 8, None),
        ("offbeats", "4/4", 8, {1, 3, 5, 7}),
        ("sixteenths", "4/4", 8, None),
        # 3/4: three quarter beats
        ("3", "3/4", 12, {8}),
        ("3&", "3/4", 12, {10}),
        ("2e", "3/4", 12, {5}),
        ("4", "3/4", 12, None),
        ("beats", "3/4", 12, {0, 4, 8}),
        ("offbeats", "3/4", 12, {2, 6, 10}),
        ("backbeat", "3/4", 12, None),
        ("three", "3/4", 12, None),
        ("2&", "3/4", 6, {3}),
        # 6/8: numbers count eighths, two felt beats
        ("4", "6/8", 12, {6}),
        ("6", "6/8", 12, {10}),
        ("7", "6/8", 12, None),
        ("2&", "6/8", 12, {3}),
        ("2e", "6/8", 12, None),
        ("beats", "6/8", 12, {0, 6}),
        ("backbeat", "6/8", 12, {6}),
        ("eighths", "6/8", 12, {0, 2, 4, 6, 8, 10}),
        ("offbeats", "6/8", 12, None),
        ("quarters", "6/8", 12, None),
        ("4", "6/8", 6, {3}),
        ("2&", "6/8", 6, None),
        # 12/8: four dotted-quarter beats, "1 & a"
        ("2", "12/8", 12, {3}),
        ("4", "12/8", 12, {9}),
        ("5", "12/8", 12, None),
        ("2&", "12/8", 12, {4}),
        ("4a", "12/8", 12, {11}),
        ("2e", "12/8", 12, None),
        ("beats", "12/8", 12, {0, 3, 6, 9}),
        ("backbeat", "12/8", 12, {3, 9}),
        ("three", "12/8", 12, {6}),
        ("eighths", "12/8", 12, set(range(12))),
        ("sixteenths", "12/8", 12, None),
        ("1", "12/8", 6, {0}),
        ("2", "12/8", 6, None),
        ("3", "12/8", 6, {3}),
        ("beats", "12/8", 6, None),
        ("backbeat", "12/8", 6, None),
        ("three", "12/8", 6, {3}),
        # 7/8: numbers count eighths, felt 2+2+3
        ("5", "7/8", 14, {8}),
        ("7", "7/8", 14, {12}),
        ("8", "7/8", 14, None),
        ("3&", "7/8", 14, {5}),
        ("beats", "7/8", 14, {0, 4, 8}),
        ("backbeat", "7/8", 14, None),
        ("eighths", "7/8", 14, set(range(0, 14, 2))),
        ("7", "7/8", 7, {6}),
        # 5/4
        ("5", "5/4", 20, {16}),
        ("5a", "5/4", 20, {19}),
        ("6", "5/4", 20, None),
        ("beats", "5/4", 20, {0, 4, 8, 12, 16}),
        ("offbeats", "5/4", 20, {2, 6, 10, 14, 18}),
        ("backbeat", "5/4", 20, None),
        ("quarters", "5/4", 20, {0, 4, 8, 12, 16}),
        ("5&", "5/4", 10, {9}),
        ("dotted-quarters", "4/4", 16, {0, 6, 12}),  # three over four: 1, 2&, 4
        ("dotted-eighths", "4/4", 16, {0, 3, 6, 9, 12, 15}),  # 1, 1a, 2&, 3e, 4, 4a
        ("dotted-quarters", "6/8", 12, {0, 6}),  # the felt beats of a compound meter
        ("dotted-quarters", "12/8", 12, {0, 3, 6, 9}),
        ("dotted-eighths", "12/8", 12, None),  # a grid of triplet eighths has no sixteenths
        ("dotted-quarters", "3/4", 12, {0, 6}),
    ],
)
def test_place_steps_in_every_meter(place, meter, steps_per_bar, steps):
    assert place_steps(place, meter, steps_per_bar) == (None if steps is None else frozenset(steps))


@pytest.mark.parametrize(
    ("text", "meter", "steps_per_bar", "kept", "dropped"),
    [
        ("kick on 5", "4/4", 16, [], ["kick on 5"]),
        ("kick on 5", "5/4", 20, [{16}], []),
        ("kick on the e of 2 in 12/8", "12/8", 12, [], ["kick on the e of 2"]),
        ("kick on the and of 2 in 12/8", "12/8", 12, [{4}], []),
        ("snare on 2 and 4, kick on 1", "3/4", 12, [{0}], ["snare on 2 and 4"]),
        ("hats on the offbeats", "3/4", 12, [{2, 6, 10}, {2, 6, 10}], []),  # the stick's hat; no hat elsewhere
        ("hats on the offbeats", "6/8", 12, [], ["hi-hats on the offbeats"]),
        ("rock with a backbeat", "6/8", 12, [{6}], []),
        ("rock with a backbeat", "3/4", 12, [], ["backbeat"]),
        ("rock with a backbeat", "12/8", 12, [{3, 9}], []),
        ("one drop", "12/8", 12, [{6}, {6}, {0}], []),
        ("one drop", "6/8", 12, [{0}], ["one drop", "one drop"]),
        ("sixteenth hats, kick on 1", "4/4", 8, [{0}], ["hi-hats on sixteenths"]),
        ("kick on 7, snare on 5", "7/8", 14, [{12}, {8}], []),
        ("kick on 7, snare on 5", "4/4", 16, [], ["kick on 7", "snare on 5"]),
        ("four on the floor", "5/4", 20, [{0, 4, 8, 12, 16}], []),
        ("ride on quarter notes", "7/8", 14, [], ["ride on quarter notes"]),
    ],
)
def test_phrases_that_cannot_be_placed_are_left_out_and_named(text, meter, steps_per_bar, kept, dropped):
    intent = parse_intent(text).in_meter(meter, steps_per_bar)
    placed = [c for c in intent.constraints if c.rule != "present"]
    assert [set(c.steps(meter, steps_per_bar)) for c in placed] == kept
    assert len(intent.unplaced) == len(dropped)
    for said, phrase in zip(intent.unplaced, dropped, strict=True):
        assert said.startswith(phrase) and said.endswith(f"(not placeable in {meter})")


@pytest.mark.parametrize(
    ("text", "meter", "wanted"),
    [
        ("kick on 7, snare on 5", "4/4", ["with kick", "with snare"]),
        ("karsilama in 9, no snare, the teks on rim click instead", "9/8", ["with cross-stick"]),
        ("snare on 2 and 4, kick on 1", "3/4", ["with snare"]),  # the kick is placed; the snare's 4 is not
        ("hats on the offbeats, no hats", "6/8", []),  # ruled out all the same
    ],
)
def test_a_voice_placed_where_the_meter_has_no_such_place_still_plays(text, meter, wanted):
    """The places go to "not understood", the voice stays asked for: "put the teks on rim click
    instead" in 9/8 has no backbeat to put them on, and an answer without the rim ignores it."""
    intent = parse_intent(text).in_meter(meter, METERS[meter].steps_per_bar)
    assert [c.text for c in intent.constraints if c.rule == "present"] == wanted


def test_a_triplet_of_a_beat_is_placed_in_12_8_and_named_elsewhere():
    """ "the last triplet of beat 2" is a step of 12/8 (its "a"); a 4/4 grid of sixteenths has none."""
    assert parse_intent("12/8, kick on the last triplet of beat 2").constraints[0].places == ("2a",)
    straight = parse_intent("kick on the last triplet of beat 2")
    assert straight.constraints == ()
    assert straight.unplaced == ("last triplet of beat 2",)


def test_meter_words_win_and_the_constraint_lands_in_that_meter():
    intent = parse_intent("waltz in 3/4, kick on 1, snare on 2 and 3, hats on every beat")
    steps = [set(c.steps(intent.meter, 12)) for c in intent.constraints]
    assert steps == [{0}, {4, 8}, {0, 4, 8}, {0, 4, 8}]  # hats: the stick's there, none elsewhere


def test_out_of_range_numbers_are_reported_and_bars_past_the_most_get_the_most():
    intent = parse_intent("20 bars at 300 bpm")
    assert (intent.bars, intent.bpm) == (8, None)  # as long as a pattern goes; a tempo is not guessed
    assert intent.unplaced == ("300 bpm (tempo is 40 to 240 bpm)", "20 bars (the most a pattern holds: 8)")
    assert parse_intent("slow 12 bar blues").bars is None  # a form's name, not a length asked for


def test_the_intent_says_itself():
    intent = parse_intent("kick on 1 and the and of 3, no crash, 4 bars at 90 bpm in 3/4, swung, with a tom fill")
    assert intent.sentences() == [
        "kick on 1 and the and of 3",
        "no crash",
        "in 3/4",
        "4 bars",
        "90 bpm",
        "swung",
        "a tom fill at the end",
    ]
    c = intent.constraints[0]
    assert (
        c.step_sentence("3/4", 12) == "bd on steps 1 and 11 of each bar and on no other step (ghost notes 'o' allowed)"
    )


# --- properties: every place lands inside the bar, exactly where the count says -------------

NAMED = ("beats", "offbeats", "counts", "quarters", "eighths", "sixteenths", "backbeat", "three", "all")
PARTS = ("", "&", "e", "a")
GRIDS = [(name, steps) for name, m in METERS.items() for steps in (m.steps_per_bar, m.steps_per_bar // 2)]


def _exact(positions: list[Fraction], steps_per_bar: int) -> frozenset[int] | None:
    """Bar fractions as steps, or None when one falls between steps."""
    steps = [p * steps_per_bar for p in positions]
    return frozenset(int(s) for s in steps) if all(s.denominator == 1 for s in steps) else None


def _count_oracle(place: str, meter: str, steps_per_bar: int) -> frozenset[int] | None:
    """Where a count lands, worked out from the counting rules in fractions of a bar."""
    top = int(meter.split("/")[0])
    count, part = int(place.rstrip("&ea")), place[len(place.rstrip("&ea")) :]
    if meter == "12/8":  # four dotted-quarter beats, each "1 & a"
        counts, parts = 4, {"": Fraction(0), "&": Fraction(1, 3), "a": Fraction(2, 3)}
    else:
        counts, parts = top, {"": Fraction(0), "e": Fraction(1, 4), "&": Fraction(1, 2), "a": Fraction(3, 4)}
    if count > counts or part not in parts:
        return None
    return _exact([(count - 1 + parts[part]) / counts], steps_per_bar)


def _named_oracle(place: str, meter: str, steps_per_bar: int) -> frozenset[int] | None:
    m = METERS[meter]
    top, bottom = (int(n) for n in meter.split("/"))
    starts = [Fraction(sum(m.groups[:k]), m.steps_per_bar) for k in range(len(m.groups))]
    if place == "all":
        return frozenset(range(steps_per_bar))
    if place == "beats":
        return _exact(starts, steps_per_bar)
    if place == "backbeat":
        return _exact(starts[1::2], steps_per_bar) if len(starts) in (2, 4) else None
    if place == "three":
        return _exact([starts[2]], steps_per_bar) if len(starts) == 4 else None
    if place == "counts":  # every number said: the beats of 12/8, else each of the meter's top number
        counts = 4 if meter == "12/8" else top
        return _exact([Fraction(k, counts) for k in range(counts)], steps_per_bar)
    if place in ("quarters", "offbeats"):
        shift = Fraction(1, 2) if place == "offbeats" else Fraction(0)
        return _exact([(k + shift) / top for k in range(top)], steps_per_bar) if bottom == 4 else None
    per_bar = Fraction(top * (8 if place == "eighths" else 16), bottom)
    if place == "sixteenths" and per_bar != steps_per_bar:
        return None
    return _exact([k / per_bar for k in range(int(per_bar))], steps_per_bar)


@settings(max_examples=300, deadline=None)
@given(grid=st.sampled_from(GRIDS), count=st.integers(1, 12), part=st.sampled_from(PARTS))
def test_every_count_lands_inside_the_bar_where_the_count_says(grid, count, part):
    meter, steps_per_bar = grid
    place = f"{count}{part}"
    steps = place_steps(place, meter, steps_per_bar)
    assert steps is None or all(0 <= s < steps_per_bar for s in steps)
    assert steps == _count_oracle(place, meter, steps_per_bar)


@pytest.mark.parametrize(("meter", "steps_per_bar"), GRIDS)
@pytest.mark.parametrize("place", NAMED)
def test_every_named_place_lands_inside_the_bar(place, meter, steps_per_bar):
    steps = place_steps(place, meter, steps_per_bar)
    assert steps is None or (steps and all(0 <= s < steps_per_bar for s in steps))
    assert steps == _named_oracle(place, meter, steps_per_bar)


PLACE_KEYS = st.one_of(
    st.sampled_from(NAMED), st.builds(lambda n, p: f"{n}{p}", st.integers(1, 12), st.sampled_from(PARTS))
)


@settings(max_examples=300, deadline=None)
@given(grid=st.sampled_from(GRIDS), places=st.lists(PLACE_KEYS, min_size=1, max_size=4, unique=True))
def test_constraint_steps_are_none_exactly_when_a_place_does_not_fit(grid, places):
    meter, steps_per_bar = grid
    c = Constraint(("bd",), tuple(places), "on", "kick somewhere")
    each = [place_steps(p, meter, steps_per_bar) for p in places]
    if any(s is None for s in each):
        assert c.steps(meter, steps_per_bar) is None and not c.placeable(meter, steps_per_bar)
    else:
        assert c.steps(meter, steps_per_bar) == frozenset().union(*each)
        assert all(0 <= s < steps_per_bar for s in c.steps(meter, steps_per_bar))


SAID_BACK = st.one_of(
    st.sampled_from([p for p in NAMED if p not in ("three", "all")]),
    st.builds(lambda n, p: f"{n}{p}", st.integers(1, 7), st.sampled_from(PARTS)),
)


@settings(max_examples=100, deadline=None)
@given(place=SAID_BACK, voice=st.sampled_from(["kick", "snare", "ride", "hats", "cowbell", "floor tom"]))
def test_a_place_said_back_reads_as_the_same_place(place, voice):
    intent = parse_intent(f"{voice} on {place_label(place)}")
    voices = resolve_voices(voice)
    assert seen(intent) == (set(hats_only(place)) if voices == HATS else {only(voices, place)})


def test_rules_are_the_documented_ones():
    assert {"on", "only", "off", "absent"} <= set(RULES)
    with pytest.raises(ValueError):
        Constraint(("bd",), ("1",), "maybe", "kick maybe on 1")
    with pytest.raises(ValueError):
        Constraint(("xx",), ("1",), "on", "an unknown voice")


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        ("flams on 1 and 3, bass drum on every beat", "flams on 1 and 3"),
        ("reggae skank guitar on the and of 2 and 4", "reggae skank guitar on the and of 2 and 4"),
        ("kick on 1 and 3, accents on the ands", "accents on the ands"),
        ("kick on 1 and 3, only on 1 in the last bar", "only on 1 in the last bar"),  # the bar's words as typed
    ],
)
def test_place_words_no_form_reads_are_reported_not_dropped(text, unread):
    """The reply's "not understood" line: the words name places, the parser cannot say whose."""
    assert unread in parse_intent(text).unplaced


@pytest.mark.parametrize(
    "text",
    [
        "7/8 counted 2+2+3, kick on 1 and 5",
        "latin groove with a 2-3 son clave on claves",
        "sweaty warehouse rave at 3 am",
        "uk garage two-step with shuffled hats",
        "an offbeat groove",
        "give me 3 variations of a funk beat",
        "kick swung on 1 and the and of 2",
    ],
)
def test_numbers_that_are_not_places_are_not_reported(text):
    assert parse_intent(text).unplaced == ()


# Words of every kind the reader's forms start on, to throw at it in any order: whatever a
# member types, the request is read (or left unplaced), never a crash in a Discord reply.
FUZZ_TEXT = (
    "kick snare hats hat ride bell crash clap rim toms tom shaker cowbell open closed foot 808 tamb "
    "on at the a an of and & + , . ? ! ( ) - 1 2 3 4 5 6 7 2& 3e 4a 1a e & one two three four "
    "no not nothing never only just except but instead move shift push put swap keep leave out drop "
    "to onto from that this it them those 2nd last first actually wait scratch i mean nah "
    "every each other all bar bars 4 beats offbeats upbeats downbeats 8ths 16ths quarters steps "
    "backbeat half time double four on the floor one drop fill fills end doubling with w/ without "
    "stays put goes moves locks wherever is lands hits plays in between gaps rest remaining too "
    "9 10 12 13 16 twelve accents one for to too holes right marks part pattern do steppers displaced "
    "uh um build xxxxxxxxxxxxxxxx u keep hate when every big dotted quarter group starts counting "
    "won tree per once twice single exactly money long short empty where 2s 3+2 5/4 7/8 cassa und "
    "rolls like ish snarf high base boom tss tak dum thump = is"
)
FUZZ_WORDS = tuple(FUZZ_TEXT.split())


@pytest.mark.parametrize(
    "text",
    [
        "kick offbeats nah",
        "steps 1 and",
        "snare just on 3 instead of",
        "and 4 16 and the bars snare for one, each of",
        "open hat on the ands... wait no not all of them",
    ],
)
def test_texts_that_once_crashed_the_reader_are_read(text):
    intent = parse_intent(text)  # each raised an IndexError before its fix
    assert all(sentence.strip() for sentence in intent.sentences())  # and the reply can say what it read


@settings(max_examples=400, deadline=None)
@given(words=st.lists(st.sampled_from(FUZZ_WORDS), min_size=1, max_size=24))
def test_any_run_of_request_words_is_read_without_an_error(words):
    intent = parse_intent(" ".join(words))
    meter = intent.meter or "4/4"
    spb = METERS[meter].steps_per_bar
    for c in intent.constraints:  # each constraint is about the voices and places of the table
        assert c.voices and c.places
        assert c.steps(meter, spb) is None or all(0 <= s < spb for s in c.steps(meter, spb))
