"""The musical check: does an answer do what was asked, keep its style, and make sense?

    check_pattern(pattern, intent, style=..., feels=..., examples=..., fill_from=...) -> Check

Every answer goes through it, the model's and the library's alike, and every bar is checked:

    (a) the request's constraints ("kick on 1 and 3": exactly there in each bar)
    (b) the style's defining traits, read from data/traits.toml, the same rows the library's
        tests hold every groove to (four on the floor for house, backbeat for rock, ...)
    (c) novelty: a model answer is not a step-for-step copy of a prompt example
    (d) sanity: a kick and a backbeat or time-keeper unless the request leaves them out, and
        not one that plays only ghost notes; no kick, snare, tom, clap, open hat or crash on
        most steps of a bar, and no kick running more than three steps in a row, unless the
        request or a double-kick feel asks for it; open and closed hat never on one step; at
        most two hands and two feet on one step.

Steps from ``fill_from`` on (the fill at the end) are exempt from (a), (b) and the
every-step rule: a fill is where a drummer leaves the groove on purpose. Each problem is
one sentence that names the bar and the steps, so a repair round can quote it to the model.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import LibraryError
from .instruments import BY_CODE, GHOSTS_ASIDE, REAL_HITS, SOUNDING, voices_label
from .intent import Constraint, Intent, parse_intent
from .library import DEFAULT_DATA_DIR
from .notation import METERS, Pattern
from .places import COUNT_KEY, place_steps, places_label, places_less
from .wording import spoken_list, step_numbers

TIME_KEEPERS = ("ch", "oh", "ph", "rc", "rb", "sh", "tb", "cb")
BACKBEAT_VOICES = ("sd", "cp", "rs")
# drums and washes that are a wall, not a groove, on most of a bar's steps (the library's
# densest clap, open hat and crash take half the steps; hats and ride may take them all)
NEVER_EVERY_STEP = ("bd", "sd", "ht", "mt", "lt", "cp", "oh", "cc")
CROWDED_SHARE = 0.75  # real hits of one of those on more of a bar's steps than this: a wall
KICK_RUN = 3  # more real kicks than this on consecutive steps is a roll on the kick (the library's most: 3, a gallop)
# feels where a wall of notes on one drum is the idiom, not a mistake
EVERY_STEP_FEELS = frozenset({"double kick", "blast beat", "sixteenth snare", "sixteenth notes"})
HANDS, FEET = 2, 2  # hand percussion ("aux" in the table) is another player's, so it is not counted


# ---------------------------------------------------------------------------------------
# Style traits (data/traits.toml)


@dataclass(frozen=True)
class Trait:
    """A style's defining trait, in a drummer's words (``says``) and as constraints."""

    styles: tuple[str, ...]
    tags: tuple[str, ...]
    unless: tuple[str, ...]
    says: str
    meter: str | None
    why: str
    constraints: tuple[Constraint, ...] = ()
    search: bool = True  # a request that states it points to these styles (`retrieval`)

    def applies(self, style: str | None, feels: Iterable[str]) -> bool:
        """True for an answer of ``style`` whose groove or request carries ``feels`` (tags)."""
        feels = set(feels)
        if self.styles and style not in self.styles:
            return False
        if self.tags and not feels & set(self.tags):
            return False
        return not feels & set(self.unless)


def load_traits(data_dir: Path | str = DEFAULT_DATA_DIR) -> tuple[Trait, ...]:
    """The rows of data_dir/traits.toml, each ``says`` read by the request parser."""
    return _load_traits(str(Path(data_dir) / "traits.toml"))


@functools.lru_cache(maxsize=8)
def _load_traits(path: str) -> tuple[Trait, ...]:
    try:
        rows = tomllib.loads(Path(path).read_text(encoding="utf-8")).get("trait", [])
    except FileNotFoundError:
        return ()
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LibraryError(f"{Path(path).name}: not valid TOML: {exc}") from exc
    traits = []
    for n, row in enumerate(rows, start=1):
        says = str(row.get("says", ""))
        # a trait is a floor, not a ceiling: "snare on 2 and 4" allows more snare hits
        read = parse_intent(says).constraints if says else ()
        onlys = {c.text for c in read if c.rule == "only"}  # a trait's places are "on": the style's
        # other hits stay free, and so does the hand ("hi-hat on 2 and 4": the chick, foot or stick)
        constraints = tuple(
            replace(c, rule="on") if c.rule == "only" else c for c in read if c.rule != "on" or c.text not in onlys
        )
        if says and not constraints:
            raise LibraryError(f"traits.toml, trait {n}: the parser reads no rhythm in {says!r}")
        traits.append(
            Trait(
                styles=tuple(row.get("styles", ())),
                tags=tuple(t.lower() for t in row.get("tags", ())),
                unless=tuple(t.lower() for t in row.get("unless", ())),
                says=says,
                meter=row.get("meter"),
                why=str(row.get("why", "")),
                constraints=constraints,
                search=bool(row.get("search", True)),
            )
        )
    return tuple(traits)


# ---------------------------------------------------------------------------------------
# The result


@dataclass(frozen=True)
class Verdict:
    """One constraint of the request and whether the answer honours it."""

    text: str
    honoured: bool
    problem: str = ""

    def to_json(self) -> dict:
        return {"text": self.text, "honoured": self.honoured}


@dataclass(frozen=True)
class Check:
    """What the check found: the request's constraints one by one, and every problem."""

    constraints: tuple[Verdict, ...] = ()
    problems: tuple[str, ...] = ()
    kinds: tuple[str, ...] = field(default=(), compare=False)  # per problem: constraint|trait|novelty|sanity

    @property
    def passed(self) -> bool:
        return not self.problems

    @property
    def honoured(self) -> bool:
        """Every constraint of the request is honoured (traits and sanity aside)."""
        return all(v.honoured for v in self.constraints)

    @property
    def cost(self) -> tuple[int, int]:
        """For choosing among candidates: broken constraints first, then any other problem."""
        return (sum(not v.honoured for v in self.constraints), len(self.problems))

    def failed(self, kind: str) -> list[str]:
        return [p for p, k in zip(self.problems, self.kinds, strict=True) if k == kind]

    def to_json(self) -> dict:
        return {"passed": self.passed, "problems": list(self.problems)}


# ---------------------------------------------------------------------------------------
# The check


def check_pattern(
    pattern: Pattern,
    intent: Intent,
    *,
    style: str | None = None,
    feels: Iterable[str] = (),
    examples: Sequence[Pattern] = (),
    fill_from: int | None = None,
    traits: Sequence[Trait] | None = None,
) -> Check:
    """Check ``pattern`` against the request, its style's traits, the examples and sanity.

    ``feels`` are the tags of the groove the answer is based on plus the request's feel
    ("half-time"); ``examples`` the patterns the model was shown (for novelty; pass none for
    a library answer); ``fill_from`` the first step of a fill, exempt from the groove rules.
    """
    grid = GridReader(pattern, fill_from)
    problems: list[tuple[str, str]] = []
    verdicts: dict[str, Verdict] = {}  # by sentence: one said as two constraints is one verdict
    for constraint in intent.constraints:
        problem = grid.breaks(constraint)
        said = verdicts.get(constraint.text)
        if said is None or (said.honoured and problem):
            verdicts[constraint.text] = Verdict(constraint.text, problem is None, problem or "")
        if problem:
            problems.append(("constraint", problem))
    feel_set = set(feels) | ({intent.speed} if intent.speed else set())
    problems += [("trait", p) for p in trait_problems(grid, intent, style, feel_set, traits)]
    copied = _copied(pattern, examples)
    if copied:
        problems.append(("novelty", copied))
    problems += [("sanity", p) for p in _sanity(grid, intent, feel_set)]
    return Check(tuple(verdicts.values()), tuple(p for _, p in problems), tuple(k for k, _ in problems))


def trait_problems(
    grid: GridReader, intent: Intent, style: str | None, feels: Iterable[str], traits: Sequence[Trait] | None = None
) -> list[str]:
    """What the grid breaks of the style's traits that bind it (`style_rules`), one sentence each."""
    problems = []
    for trait, constraint in style_rules(intent, style, feels, traits):
        if constraint is None:
            if grid.pattern.time_signature != trait.meter:
                meter = f"a {style} groove is in {trait.meter}, not {grid.pattern.time_signature}"
                problems.append(f"{meter}: {trait.why}")
            continue
        problem = grid.breaks(constraint)
        if problem:
            problems.append(f"{trait.says} ({trait.why}): {problem}")
    return problems


def style_rules(
    intent: Intent, style: str | None, feels: Iterable[str], traits: Sequence[Trait] | None = None
) -> list[tuple[Trait, Constraint | None]]:
    """The style's traits that bind this answer: (trait, constraint), or (trait, None) for a meter.

    A request that places a voice overrides the style for that voice: "house with the kick
    on 1 and 3" drops four on the floor, because the drummer asked for something else. A
    voice the request rules out leaves the trait to the others: "pop with no snare" still
    wants the clap or cross-stick on 2 and 4.
    """
    feels = set(feels) | ({intent.speed} if intent.speed else set())
    placed = {v for c in intent.constraints if c.rule in ("on", "only") for v in c.voices}
    kept_off = {}  # voice -> counts the request keeps it off ("house, but drop the kick on 1")
    for c in intent.constraints:
        if c.rule == "off":
            for v in c.voices:
                kept_off.setdefault(v, []).extend(c.places)
    ruled_out = {v for c in intent.constraints if c.rule == "absent" for v in c.voices}
    rules: list[tuple[Trait, Constraint | None]] = []
    for trait in traits if traits is not None else load_traits():
        if not trait.applies(style, feels):
            continue
        if trait.meter:
            rules.append((trait, None))
        for c in trait.constraints:
            left = tuple(v for v in c.voices if v not in ruled_out)
            if not left or placed & set(c.voices):
                continue
            c = c if left == c.voices else replace(c, voices=left)
            off = [p for v in left for p in kept_off.get(v, ())]
            if off and c.rule == "on" and _meets(c, off, intent.meter or "4/4"):  # it holds where the voice may play
                c = _less(c, off)
                if c is None:
                    continue
            rules.append((trait, c))
    return rules


def _meets(c: Constraint, off: list[str], meter_name: str) -> bool:
    """Whether places the request keeps the trait's voices off touch the trait's own ("nothing
    on the ands or the e's" leaves a backbeat on 2 and 4 whole); True when either cannot be placed."""
    spb = METERS[meter_name].steps_per_bar
    mine = c.steps(meter_name, spb)
    kept = [place_steps(p, meter_name, spb) for p in off]
    return mine is None or any(k is None or k & mine for k in kept)


def _less(c: Constraint, off: list[str]) -> Constraint | None:
    """The trait's "on" constraint without the counts the request keeps its voice off, or None
    when nothing is left or the places cannot be told apart ("four on the floor" less the 1)."""
    if not all(COUNT_KEY.fullmatch(p) for p in off):
        return None
    places = places_less(c.places, off)
    return replace(c, places=places, text=f"{c.text} (not on {places_label(tuple(off))})") if places else None


class GridReader:
    """A pattern read bar by bar, with the fill's steps set aside (retrieval keeps one per groove)."""

    def __init__(self, pattern: Pattern, fill_from: int | None = None) -> None:
        self.pattern = pattern
        self.spb = pattern.steps_per_bar
        self.tracks = pattern.tracks
        self.bars = pattern.bars
        self.fill_from = pattern.length if fill_from is None else fill_from
        self._cache: dict[tuple[str, int, bool], frozenset[int]] = {}

    def bar_steps(self, bar: int) -> range:
        """Steps of one bar (within the bar, 0-based) that are not part of the fill."""
        start = bar * self.spb
        return range(0, max(0, min(self.spb, self.fill_from - start)))

    def anywhere(self, voices: Iterable[str]) -> set[int]:
        """Steps of the whole pattern, the fill's too, where any of ``voices`` sounds."""
        return {i for code in voices for i, s in enumerate(self.tracks.get(code) or ()) if s in SOUNDING}

    def sounding(self, voices: Iterable[str], bar: int, real: bool) -> set[int]:
        """Steps of one bar (0-based, fill excepted) where any of ``voices`` sounds."""
        found: set[int] = set()
        for code in voices:
            found |= self._onsets(code, bar, real)
        return found

    def heard(self, voices: Iterable[str], bar: int) -> set[int]:
        """Steps of one bar where any of ``voices`` is heard as itself: a real hit, or any stroke
        of a voice whose ghost notes are not set aside (`instruments.GHOSTS_ASIDE`); what a
        place said "only" allows nowhere else."""
        voices = tuple(voices)
        soft = tuple(v for v in voices if v not in GHOSTS_ASIDE)
        return self.sounding(voices, bar, real=True) | (self.sounding(soft, bar, real=False) if soft else set())

    def _onsets(self, code: str, bar: int, real: bool) -> frozenset[int]:
        key = (code, bar, real)
        cached = self._cache.get(key)
        if cached is None:
            kinds = REAL_HITS if real else SOUNDING
            steps = self.tracks.get(code)
            start = bar * self.spb
            cached = frozenset(i for i in self.bar_steps(bar) if steps[start + i] in kinds) if steps else frozenset()
            self._cache[key] = cached
        return cached

    def honours(self, c: Constraint) -> bool:
        """True when every bar honours ``c`` (no words built: retrieval asks this of every groove)."""
        if c.rule == "absent":  # "no snare at all": in the fill too
            return not self.anywhere(c.voices)
        if c.rule == "present":
            return any(self.sounding(c.voices, b, real=False) for b in range(self.bars))
        wanted = c.steps(self.pattern.time_signature, self.spb)
        if wanted is None:
            return False
        for bar in range(self.bars):
            want = wanted & frozenset(self.bar_steps(bar))
            if c.rule == "off":
                if self.sounding(c.voices, bar, real=False) & want:
                    return False
                continue
            real = self.sounding(c.voices, bar, real=True)
            if want - real or (c.rule == "only" and self.heard(c.voices, bar) - wanted):
                return False
        return True

    def closeness(self, c: Constraint) -> float:
        """How near the grid is to honouring ``c``, 0 to 1 (1 = honours it), for ranking.

        Per bar, the overlap of the hits asked for and the hits played (Jaccard for "only",
        the share present for "on", the share left silent for "off"), averaged over bars; a
        kick on 1, 3 and the and of 3 is 2/3 of "kick on 1 and 3", not simply wrong.
        """
        if c.rule in ("absent", "present"):
            return float(self.honours(c))
        wanted = c.steps(self.pattern.time_signature, self.spb)
        if not wanted:
            return 0.0
        total = 0.0
        for bar in range(self.bars):
            if c.rule == "off":
                total += 1 - len(self.sounding(c.voices, bar, real=False) & wanted) / len(wanted)
                continue
            real = self.sounding(c.voices, bar, real=True)
            if c.rule == "only":
                total += len(wanted & real) / len(wanted | self.heard(c.voices, bar))
            else:
                total += len(wanted & real) / len(wanted)
        return total / self.bars

    def breaks(self, c: Constraint) -> str | None:
        """None when the pattern honours ``c`` in every bar, else the first problem, in words."""
        if self.honours(c):
            return None
        who = voices_label(c.voices) if len(c.voices) < len(BY_CODE) else "anything"
        if c.rule == "absent":
            bars = sorted({step // self.spb + 1 for step in self.anywhere(c.voices)})
            return f"there must be no {who}; {_bars(bars)} {'has' if len(bars) == 1 else 'have'} it" if bars else None
        if c.rule == "present":
            played = any(self.sounding(c.voices, b, real=False) for b in range(self.bars))
            return None if played else f"the request asks for {who}, and there is none"
        wanted = c.steps(self.pattern.time_signature, self.spb)
        if wanted is None:
            return f"{c.text} cannot be placed in {self.pattern.time_signature}"
        where = f"{places_label(c.places)} (step{'s' if len(wanted) > 1 else ''} {step_numbers(wanted)})"
        for bar in range(self.bars):
            allowed = set(self.bar_steps(bar))
            want = wanted & allowed
            if c.rule == "off":
                there = self.sounding(c.voices, bar, real=False) & want
                if there:
                    return f"nothing from the {who} may sound on {where}; bar {bar + 1} has it on {step_numbers(there)}"
                continue
            real = self.sounding(c.voices, bar, real=True)
            missing = want - real
            heard = self.heard(c.voices, bar) if c.rule == "only" else real
            extra = heard - wanted if c.rule == "only" else set()
            if missing or extra:
                must = f"the {who} must be on {where} of every bar" + (" and nowhere else" if c.rule == "only" else "")
                found = f"on {step_numbers(heard)}" if heard else "nowhere"
                return f"{must}; in bar {bar + 1} it is {found}"
        return None


def _sanity(grid: GridReader, intent: Intent, feels: set[str]) -> list[str]:
    pattern = grid.pattern
    problems = []
    asked_out = {v for c in intent.constraints if c.rule == "absent" for v in c.voices}
    if intent.keeps_kit:
        if not pattern.hits("bd") and "bd" not in asked_out:
            problems.append("there is no kick; a groove needs one unless the request leaves it out")
        kept = (*BACKBEAT_VOICES, *TIME_KEEPERS)
        if not set(kept) <= asked_out and not any(grid.sounding((c,), b, True) for c in kept for b in range(grid.bars)):
            ghosts = [BY_CODE[c].short for c in kept if pattern.hits(c)]  # a ghost note is felt, not heard
            problems.append(
                "there is no backbeat and nothing keeps time (snare, clap, hats, ride or shaker)"
                + (f": the {spoken_list(ghosts)} play only ghost notes" if ghosts else "")
            )
    dense_ok = {v for c in intent.constraints if {"sixteenths", "steps"} & set(c.places) for v in c.voices}
    walled = set()  # said once: a wall of kicks is not also a roll
    for code in NEVER_EVERY_STEP if not feels & EVERY_STEP_FEELS else ():
        if code in dense_ok or code not in grid.tracks:
            continue
        for bar in range(pattern.bars):
            steps = grid.bar_steps(bar)
            played = len(grid.sounding((code,), bar, real=True))  # ghost notes are texture, not a wall
            if len(steps) == grid.spb and played > CROWDED_SHARE * grid.spb:
                problems.append(
                    f"the {BY_CODE[code].short} plays {played} of the {grid.spb} steps of bar {bar + 1}; "
                    f"keep it to {int(CROWDED_SHARE * grid.spb)} or fewer so the groove breathes"
                )
                walled.add(code)
                break
    if "bd" not in dense_ok | walled and not feels & EVERY_STEP_FEELS:
        roll = _kick_roll(grid, intent)
        if roll:
            problems.append(roll)
    both = set(pattern.hits("ch")) & set(pattern.hits("oh"))
    if both:
        problems.append(f"open and closed hi-hat sound together on step {step_numbers({s % grid.spb for s in both})}")
    crowded = _crowded(pattern)
    if crowded:
        problems.append(crowded)
    return problems


def _kick_roll(grid: GridReader, intent: Intent) -> str | None:
    """A sentence for the first bar where the kick plays more than `KICK_RUN` steps in a row
    that the request did not ask for ("kick on 1, 1e, 1& and 1a" asks for a run of four)."""
    asked: set[int] = set()
    for c in intent.constraints:
        if c.rule in ("on", "only") and c.voices == ("bd",):
            asked |= c.steps(grid.pattern.time_signature, grid.spb) or set()
    for bar in range(grid.bars):
        kicks = grid.sounding(("bd",), bar, real=True)
        run: list[int] = []
        for step in grid.bar_steps(bar):
            run = [*run, step] if step in kicks else []
            if len(run) > KICK_RUN and not set(run) <= asked:
                while run[-1] + 1 in kicks:
                    run.append(run[-1] + 1)
                return (
                    f"the kick plays {len(run)} steps in a row in bar {bar + 1} (steps {run[0] + 1}-{run[-1] + 1}); "
                    f"a run longer than {KICK_RUN} is a roll, not a groove: leave space between the kicks"
                )
    return None


def _crowded(pattern: Pattern) -> str | None:
    """The first step that needs more than two hands or two feet, in words."""
    tracks = [(code, steps, BY_CODE[code].limb) for code, steps in pattern.track_items]
    for i in range(pattern.length):
        hands = [c for c, s, limb in tracks if s[i] != "-" and limb == "hand"]
        feet = [c for c, s, limb in tracks if s[i] != "-" and limb == "foot"]
        if len(hands) > HANDS or len(feet) > FEET:
            bar, step = divmod(i, pattern.steps_per_bar)
            many = hands if len(hands) > HANDS else feet
            limbs = "hands" if many is hands else "feet"
            return (
                f"bar {bar + 1}, step {step + 1} needs {len(many)} {limbs} ({', '.join(many)}); "
                "one drummer has two hands and two feet"
            )
    return None


def _copied(pattern: Pattern, examples: Sequence[Pattern]) -> str | None:
    """A sentence when the answer's first bar is an example's first bar, step for step."""
    mine = _first_bar(pattern)
    for n, example in enumerate(examples, start=1):
        if example.time_signature == pattern.time_signature and _first_bar(example) == mine:
            return f"it copies example {n} step for step; write a new groove in its spirit"
    return None


def _first_bar(pattern: Pattern) -> frozenset[tuple[str, str]]:
    spb = pattern.steps_per_bar
    return frozenset((c, s[:spb]) for c, s in pattern.track_items if set(s[:spb]) != {"-"})


def _bars(bars: list[int]) -> str:
    return f"bar {bars[0]}" if len(bars) == 1 else f"bars {step_numbers(b - 1 for b in bars)}"
