"""Refine: a shown pattern and "what should change?" make a new pattern.

    read_instruction(text, pattern, request=None, styles=None) -> Edit     read once
    refine_pattern(writer, shown, edit, ...) -> Generation

    instruction ──► Edit: the parser's constraints ("no crash", "kick on the and of 3") and the
                    relative changes it has no words for ("busier hats", "more ghost notes",
                    "half the hats", "ride instead of hats", "simpler")
        ──► the deterministic edit of the shown pattern (`edit.apply_edit`); a change that
            cannot be made here is an InputError before the model is asked
        ──► the model, shown the pattern as its own last answer and asked for the change,
            up to N candidates within one deadline, a repair round quoting the complaint
        ──► its answer when it passes the musical check AND made the change
            (`edit.change_problems`, read from the grid)                  [source "llm"]
        ──► otherwise the deterministic edit, saying why                  [source "library"]

The request the pattern was made for (``request``) keeps its constraints unless the
instruction is about the same voices. Counts name places to add a hit ("kick on the and
of 3" adds one there); "only" makes them the only ones ("kick only on 1 and 3").
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .check import Check, GridReader, Trait, check_pattern, load_traits
from .edit import Change, Edit, apply_edit, change_problems, time_keeper
from .errors import InputError
from .generation import DEFAULT_BPM, Generation, ask_model
from .instruments import BY_CODE, resolve_voices, voices_label
from .intent import Constraint, Intent, StyleFinder, parse_intent
from .limits import CANDIDATES_DEFAULT
from .llm import PatternWriter
from .notation import Pattern
from .places import COUNT_KEY
from .prompt import GenerationRequest
from .transforms import to_bars
from .variation import fill_start

log = logging.getLogger(__name__)

EXAMPLES = (
    "'busier hats', 'no crash', 'more ghost notes', 'kick on the and of 3', 'simpler', "
    "'half the hats', 'ride instead of hats', 'snare on 3 instead of 2 and 4'"
)
_GHOST = frozenset({"ghost", "ghosts", "ghosting", "ghosted"})
_ACCENT = frozenset({"accent", "accents", "accented", "accentuate", "accenting"})
_MORE = frozenset({"more", "busier", "denser", "extra", "thicker", "fuller"})
_LESS = frozenset({"fewer", "less", "sparser", "thinner", "lighter", "simpler"})
_BUSY_AFTER = frozenset({"busier", "denser", "busy", "thicker", "fuller"})
_SPARSE_AFTER = frozenset({"sparser", "simpler", "thinner", "lighter", "sparse", "simple"})
_BUSY_ALONE = frozenset({"busier", "denser", "busy", "complex", "fuller"})
_SIMPLE_ALONE = frozenset({"simpler", "sparser", "simple", "sparse", "minimal", "stripped", "cleaner", "thinner"})
_NO = frozenset({"no", "without", "remove", "lose", "drop", "zero", "kill", "ditch", "cut", "mute"})
_REMOVE = frozenset({"remove", "cut", "mute", "kill", "ditch", "delete", "erase"})  # read as "no" by the parser
_FILLERS = frozenset({"the", "a", "an", "some", "of", "on", "my", "bit", "little", "lot", "much", "more", "in", "to"})
_ONLY = re.compile(r"\b(only|just|nowhere else|and no other)\b")
_CLAUSE = re.compile(r"[,;]|\bbut\b|\bthen\b")
_WORD = re.compile(r"[a-z0-9&+']+")


# ---------------------------------------------------------------------------------------
# Reading the instruction


def read_instruction(
    text: str, pattern: Pattern, request: Intent | None = None, styles: StyleFinder | None = None
) -> Edit:
    """The instruction read once into an `Edit` for ``pattern``'s meter, keeping the constraints
    of ``request`` (the words the pattern was made for) that it does not override.

    InputError when nothing in it can be read as a change, naming what works.
    """
    low = " ".join(text.lower().replace("’", "'").replace("-", " ").split())
    meter, spb = pattern.time_signature, pattern.steps_per_bar
    changes: list[Change] = []
    constraints: list[Constraint] = []
    rest: list[str] = []
    for clause in _CLAUSE.split(low):
        clause = clause.strip()
        if " instead of " in f" {clause} ":
            clause = _instead(clause, changes, constraints, styles)
        rest.append(_relative(clause, changes))
    parsed = parse_intent(" , ".join(r for r in rest if r), styles)
    counted = not _ONLY.search(low)
    for c in parsed.constraints:
        if c.rule == "only" and counted and all(COUNT_KEY.fullmatch(p) for p in c.places):
            c = replace(c, rule="on")  # "kick on the and of 3": add it there, keep the other kicks
        constraints.append(c)
    for change in changes:  # a swap's lanes: the old voice gone, the new one playing
        if change.kind == "swap":
            constraints.append(Constraint(change.voices, ("all",), "absent", f"no {voices_label(change.voices)}"))
            constraints.append(Constraint(change.into, ("all",), "present", f"with {voices_label(change.into)}"))
    placed = [c for c in constraints if c.placeable(meter, spb)]
    unplaced = [f"{c.text} (not placeable in {meter})" for c in constraints if c not in placed]
    unplaced += list(parsed.unplaced)
    if not placed and not changes and not parsed.bpm and not parsed.bars:
        said = f" ({'; '.join(unplaced)})" if unplaced else ""
        raise InputError(f"could not read a change in {text.strip()!r}{said}; say what should change, e.g. {EXAMPLES}")
    changes = [_for_pattern(c, pattern) for c in changes]
    edit = Edit(text.strip(), tuple(dict.fromkeys(placed)), tuple(changes), parsed.bpm, parsed.bars)
    if request is not None:  # what the shown pattern does of the request stays, unless the instruction is about it
        grid = GridReader(pattern, fill_start(pattern) if request.fill else None)
        kept = [c for c in request.in_meter(meter, spb).constraints if grid.honours(c)]
        edit = replace(edit, kept=tuple(c for c in kept if not set(c.voices) & edit.named))
    return edit


def _for_pattern(change: Change, pattern: Pattern) -> Change:
    """ "busier" is about the lane that keeps time; "simpler" about every lane it may thin."""
    if change.kind == "busier" and not change.voices:
        return replace(change, voices=(time_keeper(pattern),))
    if change.kind == "simpler" and not change.voices:
        return replace(change, voices=tuple(pattern.tracks))
    return change


def _voice(words: list[str], i: int) -> tuple[tuple[str, ...], int]:
    """The voices named at ``words[i]`` (fillers skipped; up to three words), and where they end."""
    while i < len(words) and words[i] in _FILLERS:
        i += 1
    for size in (3, 2, 1):
        chunk = words[i : i + size]
        if len(chunk) == size and all(w.isalpha() or w[:-1].isalpha() for w in chunk):
            voices = resolve_voices(" ".join(chunk))
            if voices:
                return voices, i + size
    return (), i


def _ghost_at(words: list[str], i: int) -> int | None:
    """Where "ghost notes" ends when it starts at ``i`` (fillers skipped), else None."""
    while i < len(words) and words[i] in _FILLERS:
        i += 1
    if i < len(words) and words[i] in _GHOST:
        return i + 2 if i + 1 < len(words) and words[i + 1] in ("note", "notes") else i + 1
    return None


def _relative(clause: str, changes: list[Change]) -> str:
    """Collect the relative changes of one clause; the words left for the request parser."""
    words = _WORD.findall(clause)
    used: set[int] = set()
    i = 0
    while i < len(words):
        w = words[i]
        end = None
        if w in ("half", "halve", "double", "twice"):
            voices, end = _voice(words, _skip_rate(words, i + 1))
            kind, how = ("sparser", "half") if w in ("half", "halve") else ("denser", "double")
            if voices:
                changes.append(Change(kind, voices, f"{how} the {voices_label(voices)}"))
            else:
                end = None
        elif w in _NO and (_ghost_at(words, i + 1) or _accent_at(words, i + 1)):
            ghost = _ghost_at(words, i + 1)
            voices, after = _voice_after(words, ghost or _accent_at(words, i + 1) or i + 1)
            kind, what = ("no_ghosts", "ghost notes") if ghost else ("no_accents", "accents")
            changes.append(Change(kind, voices, f"no {what}" + (f" on the {voices_label(voices)}" if voices else "")))
            end = after
        elif w in _MORE or (w == "add" and (_ghost_at(words, i + 1) or _accent_at(words, i + 1))):
            change, end = _more_or_less(words, i, _MORE_OF)
            if change is None and w in _BUSY_ALONE and w != "more":
                change, end = Change("busier", (), "busier"), i + 1
            changes += [change] if change else []
        elif w in _LESS:
            change, end = _more_or_less(words, i, _LESS_OF)
            if change is None and (w in _SIMPLE_ALONE or (i + 1 < len(words) and words[i + 1] in _BUSY_ALONE)):
                change, end = Change("simpler", (), "simpler"), i + 2 if w == "less" else i + 1
            changes += [change] if change else []
        elif _ghost_at(words, i) == i + 1 or _ghost_at(words, i) == i + 2:
            voices, end = _voice_after(words, _ghost_at(words, i) or i)
            changes.append(Change("more_ghosts", voices, "ghost notes"))
        elif w in _ACCENT:
            voices, end = _voice(words, i + 1)
            if not voices and i:  # "snare accents"
                before, stop = _voice(words, i - 1)
                voices, end = (before, i + 1) if stop == i else ((), i + 1)
            who = voices or ("sd", "cp", "rs")
            changes.append(Change("accents", voices, f"accents on the {voices_label(who)}"))
        else:
            voices, after = _voice(words, i)
            k = after
            while k < len(words) and words[k] in ("a", "bit", "little", "lot", "much", "more"):
                k += 1
            if voices and k < len(words) and words[k] in _BUSY_AFTER | _SPARSE_AFTER:
                kind = "denser" if words[k] in _BUSY_AFTER else "sparser"
                changes.append(Change(kind, voices, f"{words[k]} {voices_label(voices)}"))
                end = k + 1
            elif w in _BUSY_ALONE:
                changes.append(Change("busier", (), "busier"))
                end = i + 1
            elif w in _SIMPLE_ALONE:
                changes.append(Change("simpler", (), "simpler"))
                end = i + 1
        if end is None:
            i += 1
            continue
        used.update(range(i, max(end, i + 1)))
        i = max(end, i + 1)
    left = ["no" if w in _REMOVE else w for n, w in enumerate(words) if n not in used]
    return " ".join(left).replace("take out", "no").replace("get rid of", "no")


# "more X" and "less X": (ghost notes, accents, a lane) as changes, and how each is said.
_MORE_OF = (("more_ghosts", "more ghost notes"), ("accents", "more accents"), ("denser", "busier {}"))
_LESS_OF = (("fewer_ghosts", "fewer ghost notes"), ("no_accents", "fewer accents"), ("sparser", "fewer {} hits"))


def _more_or_less(words: list[str], i: int, kinds: tuple[tuple[str, str], ...]) -> tuple[Change | None, int | None]:
    """What "more"/"less" at ``i`` is about: ghost notes, accents or a lane ("busier hats"), with
    where its words end; (None, None) when none of them follows."""
    (ghosts, ghosts_said), (accents, accents_said), (lane, lane_said) = kinds
    ghost, accent = _ghost_at(words, i + 1), _accent_at(words, i + 1)
    if ghost:
        voices, end = _voice_after(words, ghost)
        return Change(ghosts, voices, ghosts_said), end
    if accent:
        voices, end = _voice_after(words, accent)
        return Change(accents, voices, accents_said), end
    voices, end = _voice(words, i + 1)
    if voices:
        return Change(lane, voices, lane_said.format(voices_label(voices))), end
    return None, None


def _skip_rate(words: list[str], i: int) -> int:
    """Past "time" and "as many" in "half time hats", "twice as many kicks"."""
    if words[i : i + 2] == ["as", "many"]:
        return i + 2
    return i + 1 if i < len(words) and words[i] == "time" else i


def _accent_at(words: list[str], i: int) -> int | None:
    while i < len(words) and words[i] in _FILLERS:
        i += 1
    return i + 1 if i < len(words) and words[i] in _ACCENT else None


def _voice_after(words: list[str], i: int) -> tuple[tuple[str, ...], int]:
    """ "ghost notes on the kick": the voice after "on", if any."""
    if i < len(words) and words[i] in ("on", "in", "from"):
        voices, end = _voice(words, i + 1)
        if voices:
            return voices, end
    return (), i


def _instead(clause: str, changes: list[Change], constraints: list[Constraint], styles: StyleFinder | None) -> str:
    """ "ride instead of hats" (a swap) or "snare on 3 instead of 2 and 4" (a move): read here;
    "rim on 2 and 4 instead of the snare" is left to the parser, which reads it."""
    left, _, right = clause.partition(" instead of ")
    placed = [c for c in parse_intent(left, styles).constraints if c.rule in ("on", "only") and c.places != ("all",)]
    right_voices, _ = _voice(_WORD.findall(right), 0)
    if placed and not right_voices:
        mover = placed[-1]
        codes = " or ".join(mover.voices)
        away = [c for c in parse_intent(f"no {codes} on {right}").constraints if c.rule == "off"]
        if not away:
            return clause
        constraints.append(replace(mover, rule="on"))
        constraints += away
        return ""
    words = _WORD.findall(left)
    for start in range(len(words) - 1, -1, -1):
        voices, stop = _voice(words, start)
        if voices and stop == len(words) and right_voices and not placed:
            text = f"{voices_label(voices)} instead of {voices_label(right_voices)}"
            changes.append(Change("swap", right_voices, text, into=voices[:1]))
            return " ".join(words[:start])
    return clause


# ---------------------------------------------------------------------------------------
# The model, then the edit


@dataclass(frozen=True)
class _Shown:
    """The shown pattern as the model's own last answer (the prompt's `Example` shape)."""

    id: str
    name: str
    style: str
    description: str
    bpm: int
    time_signature: str
    swing: float
    pattern: Pattern


def refine_pattern(
    writer: PatternWriter | None,
    shown: Pattern,
    edit: Edit,
    *,
    intent: Intent,
    style: str | None = None,
    bpm: int | None = None,
    swing: float = 0.0,
    seed: int | None = None,
    candidates: int = CANDIDATES_DEFAULT,
    traits: Sequence[Trait] | None = None,
) -> Generation:
    """The model's edit of ``shown`` when it passes the check and makes the change, else the
    engine's deterministic edit, with the reason (see the module docstring)."""
    shown = shown.ordered()
    fill_from = fill_start(shown) if intent.fill else None
    target = replace(intent, constraints=edit.wanted, speed="", density="")
    # a style trait on a voice the instruction changes gives way ("fewer kicks" in house), and a
    # trait the shown groove did not keep is not asked of its edit
    traits = load_traits() if traits is None else traits
    traits = [t for t in traits if not {v for c in t.constraints for v in c.voices} & edit.named]
    base = check_pattern(shown, replace(target, constraints=()), style=style, fill_from=fill_from, traits=traits)
    judge_style = style if not base.failed("trait") else None
    inherited = {(p, "sanity") for p in base.failed("sanity")}
    edited = apply_edit(shown, edit, fill_from, keep_kit=target.keeps_kit)  # InputError: not possible here
    if edited == shown and not edit.bars:
        said = "; ".join(edit.sentences())
        raise InputError(f"the pattern already does that ({said}); ask for a change it does not have yet")
    bars = edit.bars or shown.bars
    tempo = edit.bpm or bpm or DEFAULT_BPM

    def judge(pattern: Pattern) -> Check:
        check = check_pattern(pattern, target, style=judge_style, fill_from=fill_from, traits=traits)
        # a wall of kick the shown groove had (a blast beat) is its idiom, not the edit's fault
        found = [(p, k) for p, k in zip(check.problems, check.kinds, strict=True) if (p, k) not in inherited]
        found += [(p, "change") for p in change_problems(shown, pattern, edit, fill_from)]
        return Check(check.constraints, tuple(p for p, _ in found), tuple(k for _, k in found))

    def result(pattern: Pattern, check: Check, source: str, name: str, **more) -> Generation:
        final = to_bars(pattern, bars) if bars != pattern.bars else pattern
        return Generation(
            pattern=final,
            name=name,
            description=intent.text,
            style=style or (intent.styles[0] if intent.styles else "groove"),
            bpm=tempo,
            swing=swing,
            source=source,
            examples=[],
            check=check,
            intent=target,
            **more,
        )

    reason, detail, attempts = "No language model is configured", None, 0
    if writer is not None:
        unit_bars = 1 if _repeats(shown) and fill_from is None else shown.bars
        request = GenerationRequest(
            description=intent.text,
            style=style,
            bpm=tempo,
            bars=unit_bars,
            time_signature=shown.time_signature,
            steps_per_bar=shown.steps_per_bar,
            intent=target,
            required=_required(shown, edit),
            change=edit.instruction,
            traits=tuple(traits),
        )
        example = _Shown(
            "shown", "Your groove", style or "groove", intent.text or "the groove", tempo,
            shown.time_signature, swing, to_bars(shown, unit_bars),
        )  # fmt: skip

        def review(unit: Pattern) -> str | None:
            check = judge(to_bars(unit, shown.bars))
            return check.problems[0] if check.problems else None

        def shown_and_judged(unit: Pattern) -> tuple[Pattern, Check]:
            pattern = to_bars(unit, shown.bars)
            return pattern, judge(pattern)

        asked = ask_model(
            writer, request, [example], candidates=candidates, seed=seed, review=review,
            deadline=time.monotonic() + writer.settings.timeout, judge=shown_and_judged,
        )  # fmt: skip
        reason, detail, attempts = asked.reason or reason, asked.detail, asked.attempts
        if asked.passed is not None:
            answer, pattern, check = asked.passed
            return result(pattern, check, "llm", answer.name, attempts=attempts)
        if asked.best is not None:
            reason = f"The model's answers did not make the change cleanly ({asked.best})"
            detail = detail or asked.best
    made = "; ".join(edit.sentences())
    sentence = f"{reason}, so this is your pattern with the change made by the engine ({made})."
    note = f"deterministic edit of the shown pattern: {made}"
    return result(
        edited,
        judge(edited),
        "library",
        "Your groove, refined",
        reason=sentence,
        attempts=attempts,
        detail=f"{note}; {detail}" if detail else note,
    )


def _repeats(pattern: Pattern) -> bool:
    """True when every bar is the first bar again (the model then edits one bar)."""
    spb = pattern.steps_per_bar
    return all(s == s[:spb] * pattern.bars for _, s in pattern.track_items)


def _required(shown: Pattern, edit: Edit) -> tuple[str, ...]:
    """Tracks the answer must write: the shown lanes the edit keeps, and the ones it adds."""
    gone = {v for c in edit.wanted if c.rule == "absent" for v in c.voices}
    adds = [c.voices[0] for c in edit.wanted if c.rule in ("on", "only", "present")]
    adds += [ch.into[0] for ch in edit.changes if ch.kind == "swap"]
    lanes = [code for code, _ in shown.track_items] + [a for a in adds if a in BY_CODE]
    return tuple(v for v in dict.fromkeys(lanes) if v not in gone)
