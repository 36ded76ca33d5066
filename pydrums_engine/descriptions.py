"""The description builder: many natural requests for each groove, derived from its grid.

PyDrums indexed 1,201 examples with only 77 distinct texts, so most matches tied. Here every
groove speaks for itself: what its grid actually does (four-on-the-floor kick, backbeat,
ghost notes, offbeat open hats, ...), how a drummer would name it, and what listeners say
about its style (mood, era, scenes, places, dances, artists, records).

Two audiences read these texts. The embedding index gets the ones phrased like requests: a
technical line from the grid and three lines of style lore (`build_examples`). The lexical
score also reads the groove's hand-written description, a plain request and its half- and
double-time phrasings (`groove_words`). Embedding those as well took twice the tokens (a
full build of 25 s, not 10) and measured no better: as examples, the long hand-written
sentences were the weakest kind (docs/BENCHMARKS.md). Speed variants are not examples: a
request that asks for half time gets the half-time transform of a groove that has one
(`speed_variants`).

Everything is deterministic (a seed per groove id), so the index only re-encodes what
changed.
"""

from __future__ import annotations

import functools
import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass

from .library import Groove, Library, Style
from .notation import Pattern
from .transforms import double_time, half_time
from .wording import spoken_list

CYMBAL_PULSE = ("ch", "ph")


INDEXED_KINDS = frozenset({"technical", "lore"})


@dataclass(frozen=True)
class Example:
    """One description→pattern pair (the index embeds those of `INDEXED_KINDS`)."""

    text: str
    groove_id: str
    kind: str  # technical | lore (embedded) ; description | plain | speed (lexical only)


@dataclass(frozen=True)
class Feature:
    """Something the grid does, with the ways a musician might say it."""

    key: str
    phrases: tuple[str, ...]


def grid_features(pattern: Pattern, swing: float = 0.0) -> list[Feature]:
    """What a drummer hears in this grid, strongest traits first."""
    return list(_grid_features(pattern, swing))


@functools.lru_cache(maxsize=4096)
def _grid_features(pattern: Pattern, swing: float) -> tuple[Feature, ...]:
    # cached: the phrasings, the speed variants and every rebuild ask again for the same grid
    f: list[Feature] = []
    beats = set(pattern.beat_starts())
    spb = pattern.steps_per_bar
    four_four = pattern.time_signature == "4/4" and spb == 16
    kick = set(pattern.hits("bd"))
    backbeat_voices = [c for c in ("sd", "cp", "rs") if pattern.hits(c)]
    snare = set().union(*(pattern.hits(c) for c in backbeat_voices)) if backbeat_voices else set()

    if beats and beats <= kick:
        f.append(
            Feature("four on the floor", ("four-on-the-floor kick", "kick on every beat", "a steady four on the floor"))
        )
    if four_four:
        twos_fours = {b * spb + s for b in range(pattern.bars) for s in (4, 12)}
        threes = {b * spb + 8 for b in range(pattern.bars)}
        if twos_fours <= snare:
            f.append(Feature("backbeat", ("backbeat on 2 and 4", "snare on two and four", "a solid backbeat")))
        elif threes <= snare and not snare & twos_fours:
            f.append(Feature("half-time", ("half-time snare on beat 3", "half-time feel", "snare only on three")))
    if "o" in pattern.steps("sd") or "o" in pattern.steps("rs"):
        f.append(Feature("ghost notes", ("ghost notes on the snare", "ghosted snare notes", "quiet ghost notes")))
    offbeat_kicks = [k for k in kick if k not in beats]
    if len(offbeat_kicks) >= max(1, pattern.bars):
        f.append(Feature("syncopated kick", ("syncopated kick", "kick pushing the offbeats", "an off-beat kick drum")))
    f += _hat_features(pattern)
    if pattern.hits("oh"):
        offbeat = all((s % 4) == 2 for s in pattern.hits("oh")) if four_four else False
        f.append(
            Feature("open hats", ("open hi-hats on the offbeats", "offbeat open hats"))
            if offbeat
            else Feature("open hats", ("open hi-hat accents", "splashy open hats"))
        )
    if pattern.hits("rc"):
        f.append(
            Feature("ride", ("the ride cymbal instead of hi-hats", "time on the ride"))
            if not pattern.hits("ch")
            else Feature("ride", ("ride cymbal over the hats", "hats and ride together"))
        )
    if pattern.hits("rb"):
        f.append(Feature("ride bell", ("ride bell accents", "a bell pattern on the ride")))
    toms = sum(len(pattern.hits(c)) for c in ("ht", "mt", "lt"))
    if toms >= 2 * pattern.bars:
        f.append(Feature("toms", ("tom-heavy", "rolling toms", "lots of toms")))
    elif toms:
        f.append(Feature("toms", ("a tom accent", "a touch of floor tom")))
    if pattern.hits("rs"):
        f.append(Feature("cross stick", ("cross-stick rim clicks", "side stick instead of snare")))
    if pattern.hits("cp"):
        on_backbeat = four_four and {4, 12} <= {s % 16 for s in pattern.hits("cp")}
        f.append(
            Feature("clap", ("hand claps", "claps on the backbeat") if on_backbeat else ("hand claps", "clap accents"))
        )
    for code, words in (("cb", "cowbell"), ("sh", "shaker"), ("tb", "tambourine"), ("cl", "clave")):
        if pattern.hits(code):
            f.append(Feature(words, (words, f"a {words} part")))
    all_steps = "".join(s for _, s in pattern.track_items)
    if "r" in all_steps:
        f.append(Feature("rolls", ("rolls and buzzes", "drum rolls")))
    if "f" in all_steps:
        f.append(Feature("flams", ("flams", "flammed hits")))
    if _double_kick(pattern):
        f.append(Feature("double kick", ("double bass drum", "double-kick runs", "fast double kick")))
    density = sum(len(pattern.hits(c)) for c in pattern.tracks) / pattern.bars
    if density >= 30:
        f.append(Feature("busy", ("busy and dense", "a lot of notes", "a busy groove")))
    elif density <= 10:
        f.append(Feature("sparse", ("sparse", "minimal and spacious", "lots of space")))
    if swing >= 0.5:
        f.append(Feature("swing", ("a heavy swing", "shuffled", "a triplet swing feel")))
    elif swing > 0:
        f.append(Feature("swing", ("a light swing", "slightly swung", "a lazy swing")))
    if pattern.time_signature != "4/4":
        f.append(Feature(f"in {pattern.time_signature}", _meter_phrases(pattern.time_signature)))
    return tuple(f)


def _hat_features(pattern: Pattern) -> list[Feature]:
    hats = sorted(set(pattern.hits("ch")) | set(pattern.hits("ph")))
    if not hats or pattern.time_signature != "4/4" or pattern.steps_per_bar != 16:
        return []
    per_bar = len(hats) / pattern.bars
    if "r" in pattern.steps("ch"):
        return [Feature("rolling hats", ("rolling hi-hats", "hi-hat rolls", "stuttering trap hats"))]
    if per_bar >= 14:
        return [Feature("sixteenth hats", ("sixteenth-note hi-hats", "busy 16th hats"))]
    if all(s % 4 == 2 for s in hats):
        return [Feature("offbeat hats", ("offbeat hi-hats", "hats on the ands"))]
    if per_bar >= 7 and all(s % 2 == 0 for s in hats):
        return [Feature("eighth hats", ("straight eighth-note hi-hats", "8th-note hats"))]
    if per_bar <= 4 and all(s % 4 == 0 for s in hats):
        return [Feature("quarter hats", ("quarter-note hi-hats", "hats on every beat"))]
    return [Feature("hats", ("a syncopated hi-hat figure", "a hat pattern with some skips"))]


def _double_kick(pattern: Pattern) -> bool:
    kick = pattern.steps("bd")
    return "xxxx" in kick.replace("X", "x")


def _meter_phrases(meter: str) -> tuple[str, ...]:
    words = {
        "3/4": ("in 3/4", "in waltz time", "three beats to the bar"),
        "6/8": ("in 6/8", "a lilting 6/8 feel", "compound two-beat time"),
        "12/8": ("in 12/8", "a triplet 12/8 feel", "slow rolling triplets"),
        "5/4": ("in 5/4", "five beats to the bar", "an odd-meter 5/4"),
        "7/8": ("in 7/8", "an odd-meter 7/8", "seven eighth notes to the bar"),
    }
    return words.get(meter, (f"in {meter}", f"an odd meter, {meter}"))


def tempo_word(bpm: int) -> str:
    """How a musician would call a tempo."""
    if bpm < 75:
        return "slow"
    if bpm < 100:
        return "mid-tempo"
    if bpm < 130:
        return "upbeat"
    if bpm < 160:
        return "fast"
    return "very fast"


def build_examples(library: Library) -> list[Example]:
    """The embedding index's examples, grouped by groove in library order."""
    return indexed(all_phrasings(library))


def groove_words(library: Library) -> dict[str, list[str]]:
    """Every phrasing of each groove, indexed or not, for the lexical score (by groove id)."""
    return words_by_groove(all_phrasings(library))


def indexed(phrasings: list[Example]) -> list[Example]:
    return [e for e in phrasings if e.kind in INDEXED_KINDS]


def words_by_groove(phrasings: list[Example]) -> dict[str, list[str]]:
    words: dict[str, list[str]] = {}
    for e in phrasings:
        words.setdefault(e.groove_id, []).append(e.text)
    return words


def all_phrasings(library: Library) -> list[Example]:
    """Every phrasing of every groove, grouped by groove in library order.

    The n-th groove of a style speaks of the n-th artist, scene and record of that style,
    so across its grooves a style's whole lore is said once, not the same line eight times.
    """
    out: list[Example] = []
    rank: dict[str, int] = {}
    for groove in library.grooves:
        n = rank[groove.style] = rank.get(groove.style, -1) + 1
        out += list(dict.fromkeys(_groove_examples(groove, library.styles[groove.style], n)))
    return out


def speed_variants(groove: Groove) -> tuple[str, ...]:
    """The transforms that suit a groove: straight 4/4 backbeats of one or two bars.

    Half time for all of them; double time only up to 130 bpm, where twice as fast still
    plays.
    """
    feats = {f.key for f in grid_features(groove.pattern, groove.swing)}
    if groove.pattern.time_signature != "4/4" or groove.pattern.bars > 2 or "backbeat" not in feats:
        return ()
    return ("half-time", "double-time") if groove.bpm <= 130 else ("half-time",)


def variant_pattern(groove: Groove, variant: str) -> Pattern:
    """The groove's pattern in the named variant ("" for as written)."""
    if variant == "half-time":
        return half_time(groove.pattern)
    if variant == "double-time":
        return double_time(groove.pattern)
    return groove.pattern


def _rng(groove: Groove) -> random.Random:
    return random.Random(int(hashlib.sha256(groove.id.encode()).hexdigest()[:12], 16))


def _groove_examples(groove: Groove, style: Style, n: int) -> Iterator[Example]:
    rng = _rng(groove)
    feats = grid_features(groove.pattern, groove.swing)
    names = [_style_word(style), *style.aliases[:3]]
    tempo = tempo_word(groove.bpm)
    top = [rng.choice(f.phrases) for f in feats[:3]]
    # Once drawn for the artist line's grid traits; still drawn so that the lines below keep
    # their wording (and their vectors, and what the evaluation measured).
    _ = [rng.choice(f.phrases) for f in rng.sample(feats, min(2, len(feats)))]
    gid = groove.id

    yield Example(groove.description, gid, "description")
    yield Example(f"{groove.name}: {_a(tempo)} {names[0]} groove with {spoken_list(top)}", gid, "technical")
    yield Example(_artist_line(rng, style, names, n), gid, "lore")
    yield Example(_scene_line(rng, style, names, groove, n), gid, "lore")
    yield Example(_lore_line(rng, style, names, feats, n), gid, "lore")
    yield Example(_plain_line(rng, names, groove), gid, "plain")
    yield from _speed_examples(groove, names[0], feats, rng)


def _style_word(style: Style) -> str:
    """The style's name as it reads mid-sentence: 'funk', but 'UK garage' and 'R&B'."""
    keeps_case = any(sum(c.isupper() for c in w) >= 2 or "&" in w for w in style.name.split())
    return style.name if keeps_case else style.name.lower()


def _a(word: str) -> str:
    """The word with its indefinite article: 'an upbeat', 'a slow'."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


def _nth(items: tuple[str, ...], n: int, default: str = "") -> str:
    return items[n % len(items)] if items else default


def _artist_line(rng: random.Random, style: Style, names: list[str], n: int) -> str:
    # no grid traits here: the technical line says them, and each token costs build time
    mood = rng.choice(style.moods) if style.moods else "solid"
    if style.artists:
        return f"{mood} {rng.choice(names)} drums like {_nth(style.artists, n)}"
    return f"{_a(mood)} {rng.choice(names)} groove"


def _scene_line(rng: random.Random, style: Style, names: list[str], groove: Groove, n: int) -> str:
    mood = rng.choice(style.moods) if style.moods else "good"
    if style.scenes:
        return f"{_a(mood)} {tempo_word(groove.bpm)} rhythm for {_nth(style.scenes, n)}"
    return f"{groove.name} in a {mood} {rng.choice(names)} mood"


def _lore_line(rng: random.Random, style: Style, names: list[str], feats: list[Feature], n: int) -> str:
    """Records, phrases, dances, places and eras in turn, so each is said by some groove."""
    feature = rng.choice(feats).phrases[0] if feats else "a steady pulse"
    name = rng.choice(names)
    lines = (
        [f"a beat in the vein of {r}, {feature}" for r in style.records]
        + [f"{phrase}, with {feature}" for phrase in style.phrases]
        + [f"something to dance the {d} to" for d in style.dances]
        + [f"{era} {place} {name} drums" for era, place in zip(style.eras, style.places, strict=False)]
    )
    return _nth(tuple(lines), n, f"{name} drums with {feature}")


def _plain_line(rng: random.Random, names: list[str], groove: Groove) -> str:
    tags = spoken_list(rng.sample(list(groove.tags), min(2, len(groove.tags))))
    name = rng.choice(names)
    templates = [
        f"{name} beat with {tags}",
        f"give me {_a(tempo_word(groove.bpm))} {name} drum beat, {tags}, around {groove.bpm} bpm",
        f"{name} drum pattern, {tags}",
        f"play me some {name} with {tags}",
    ]
    return rng.choice(templates)


def _speed_examples(groove: Groove, name: str, feats: list[Feature], rng: random.Random) -> Iterator[Example]:
    """How a request for the groove's half-time or double-time variant reads."""
    variants = speed_variants(groove)
    if not variants:
        return
    rest = [rng.choice(f.phrases) for f in feats if f.key not in ("backbeat", "busy", "sparse")][:2]
    with_rest = f" with {spoken_list(rest)}" if rest else ""
    yield Example(f"half-time {name} groove{with_rest}, snare on three", groove.id, "speed")
    if "double-time" in variants:
        yield Example(f"double-time {name} beat{with_rest}, twice as fast", groove.id, "speed")
