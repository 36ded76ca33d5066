"""Ranking grooves for a request: semantic + lexical + style + speed, one result per groove.

    score = W_SEMANTIC * best cosine over the groove's indexed examples
          + W_STYLE_SEMANTIC * the mean of the best two such cosines in the groove's style
            (when the request places no voice: a scene or a mood, told in words)
          + W_LEXICAL  * idf coverage of the query by the groove's words (every phrasing)
          + W_STYLE_LEXICAL * the same over its style's words (lore, shared traits)
          + style bonus (style argument, a style named in the query, styles whose defining trait
            the request states in its own positions, or one the top hits agree on)
          + speed bonus (half or double time asked for, and the groove has that feel or variant)
          + tempo bonus (slow / fast / "90 bpm" against the groove's bpm)
          + W_GRID * share of the request's rhythm constraints the groove's own grid honours
          + W_TYPICAL * how typical of its style the groove's rhythm is, when the request names
            a style and nothing else ("dubstep beat pls": the snare on 3, not the tribal variant)
          + W_RHYTHM * rhythm similarity to a shown pattern ("more like this"; `rhythm`)
          + vote nudge (a server's 👍/👎 for the groove, within ±VOTE_NUDGE_MAX; `votes`)

With a pattern and no words every text part is 0 and the rhythm ranks alone; with both, a
groove must answer the words and sound like the pattern (rhythm 0..1 sits beside a text
score whose best hits reach about 1-1.5). The pattern's own grid is never a hit: "more
like this" means other grooves.

Cosine is a dot product of unit vectors (numpy, no scikit-learn: ~50x faster here). The
examples are stored grouped by groove, four a groove, so the best example per groove is a
reshape and a max (`vectors.Groups`). Without a model the semantic part is 0 and lexical carries alone.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from .check import Trait, load_traits
from .descriptions import Example, speed_variants, variant_pattern
from .grid_masks import GridMasks
from .intent import Constraint, Intent
from .lexical import StyleMatcher, lexical_scorers
from .library import Groove, Library
from .notation import Pattern
from .rhythm import RhythmIndex
from .vectors import Groups, VectorIndex, top_k
from .votes import vote_nudge

W_SEMANTIC = 0.7
W_LEXICAL = 0.2
# A request told in words (a scene, a mood, no place said) meets a style through any of its
# grooves' lore lines; one that places voices is answered by grids, and a whole style lifted
# by a loose likeness would only crowd the grooves that have its positions (docs/BENCHMARKS.md)
W_STYLE_SEMANTIC = 0.7
STYLE_TOP = 2  # a style's semantic score: the mean of its best two grooves' cosines
W_STYLE_LEXICAL = 0.3
STYLE_BONUS_EXPLICIT = 0.5  # the style argument: the user asked for exactly this style
STYLE_BONUS_NAMED = 0.25  # a style named in the query ("funky", "dembow")
STYLE_BONUS_IMPLIED = 0.12  # the style most of the best matches agree on
STYLE_BONUS_TRAIT = 0.12  # styles whose defining trait the request states ("four on the floor": house, ...)
CLOSENESS_KEPT = 1024  # constraints whose fit over the library is kept (8 bytes a groove each: 3.4 MB at most)
SPEED_BONUS = 0.08  # a groove with the half/double-time feel asked for
TEMPO_BONUS = 0.06
# with a style named, a voice constraint (or a "no kick on 2 and 4") counts this much of a placed
# one: at most W_GRID * 0.4 = 0.2, under the named style's 0.25, so no other style outranks it
VOICES_NAMED_STYLE = 0.4
W_GRID = 0.5  # times the share of the request's rhythm constraints a groove's own grid honours
W_RHYTHM = 1.0  # times a groove's rhythm similarity (0..1) to the pattern shown
IMPLIED_WINDOW = 8  # top grooves that vote on an implied style
# A style named and nothing else ("dubstep beat pls", "reggae"): the style's typical grooves first,
# times a groove's rhythm closeness to its style's mean (`RhythmIndex.typicality`, 0.4-1), enough
# to outweigh which groove's phrasings happen to share the words "beat" or "groove"
W_TYPICAL = 1.0
IMPLIED_SHARE = 0.5  # share of their score one style needs to count as implied


@dataclass(frozen=True)
class Hit:
    """One groove that matches a request, with the parts of its score."""

    groove: Groove
    score: float
    variant: str = ""
    parts: dict[str, float] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.groove.id

    @property
    def name(self) -> str:
        return self.groove.name

    @property
    def style(self) -> str:
        return self.groove.style

    @property
    def description(self) -> str:
        return self.groove.description

    @property
    def bpm(self) -> int:
        return self.groove.bpm

    @property
    def time_signature(self) -> str:
        return self.groove.time_signature

    @property
    def swing(self) -> float:
        return self.groove.swing

    @property
    def pattern(self) -> Pattern:
        """The groove as this hit offers it: as written, or its half-/double-time variant."""
        return variant_pattern(self.groove, self.variant)

    @property
    def notation(self) -> str:
        return self.pattern.to_text(one_line=True)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "style": self.style,
            "description": self.description,
            "notation": self.notation,
            "score": round(self.score, 4),
            "bpm": self.bpm,
            "time_signature": self.groove.time_signature,
            "swing": self.groove.swing,
            "variant": self.variant,
            "parts": {k: round(v, 4) for k, v in self.parts.items()},
        }


class Retriever:
    """Scores every groove of a library for a query; immutable once built (safe to share)."""

    def __init__(
        self,
        library: Library,
        examples: list[Example],
        vectors: np.ndarray | VectorIndex | None,
        words: dict[str, list[str]],
        traits: Sequence[Trait] | None = None,
    ) -> None:
        """``vectors`` are the examples' embeddings (row for row) or None; ``words`` every
        phrasing of each groove (by id) for the lexical scores; ``traits`` the library's style
        traits (None: the packaged traits.toml)."""
        self.library = library
        self.examples = examples
        self.index = VectorIndex(vectors) if isinstance(vectors, np.ndarray) else vectors  # or one built with a folder
        self.matcher = StyleMatcher.for_library(library)
        self.lexical, self.style_lexical, style_keys = lexical_scorers(library, words)
        self._style_row = np.array([style_keys.index(g.style) for g in library.grooves], dtype=np.int64)
        sizes = np.bincount(self._style_row, minlength=len(style_keys))
        self._style_ends = np.cumsum(sizes)
        self._style_starts = self._style_ends - sizes
        position = {g.id: i for i, g in enumerate(library.grooves)}
        owner = np.array([position[e.groove_id] for e in examples], dtype=np.int64)
        self.groups = Groups(owner, len(library.grooves))  # ValueError unless grouped in library order
        # per speed: which grooves offer it as a transform, and which play it as written
        variants = [speed_variants(g) for g in library.grooves]
        self._variant_of = {v: np.array([v in vs for vs in variants]) for v in ("half-time", "double-time")}
        self._native = {v: np.array([v in g.tags for g in library.grooves]) for v in ("half-time", "double-time")}
        self._style_of = np.array([g.style for g in library.grooves])
        self._bpm = np.array([g.bpm for g in library.grooves], dtype=np.float32)
        self._grids = GridMasks([g.pattern for g in library.grooves])  # every grid at once, as bit masks
        # each constraint's closeness over every groove, kept: "snare on 2 and 4" comes back from
        # request to request (bounded; a rebuild makes a new retriever, and a new table)
        self._closeness: dict[Constraint, np.ndarray] = {}
        self._closeness_lock = threading.Lock()
        traits = load_traits() if traits is None else traits
        self._traits = [t for t in traits if t.constraints and not t.tags and not t.meter and t.search]
        self._position = position
        self.rhythm = RhythmIndex([g.pattern for g in library.grooves])  # built once per state
        self._typical = self.rhythm.typicality(self._style_of)

    def search(
        self,
        query: str,
        query_vector: np.ndarray | None,
        intent: Intent,
        k: int = 3,
        style: str | None = None,
        *,
        pattern: Pattern | None = None,
        votes: Mapping[str, float] | None = None,
    ) -> list[Hit]:
        """The ``k`` best grooves, best first, one hit per groove.

        ``query`` feeds the lexical scores (words against words); what the request means
        (styles, speed, tempo, rhythm constraints) comes from ``intent``, read once upstream.
        ``pattern``: rank by rhythm closeness too, leaving out the pattern's own grid;
        ``votes``: {groove id: vote score 0..1} (`votes.vote_scores`), a small bounded nudge.
        """
        n = len(self.library.grooves)
        semantic = np.zeros(n, dtype=np.float32)
        if query_vector is not None and self.index is not None and len(self.examples):
            semantic = self.groups.best(self.index.cosines(query_vector))
        lexical = self.lexical.scores(query)
        style_lexical = self.style_lexical.scores(query)[self._style_row]
        style_semantic = np.zeros_like(semantic) if intent.constraints else self._style_semantic(semantic)
        base = (
            W_SEMANTIC * semantic
            + W_STYLE_SEMANTIC * style_semantic
            + W_LEXICAL * lexical
            + W_STYLE_LEXICAL * style_lexical
        )
        style_bonus = self._style_bonus(intent, style, base)
        speed = self._speed_bonus(intent)
        tempo = self._tempo_bonus(intent)
        grid = W_GRID * self._grid_fit(intent, voices=VOICES_NAMED_STYLE if (style or intent.styles) else 1.0)
        total = base + style_bonus + speed + tempo + grid
        extra: dict[str, np.ndarray] = {}
        if pattern is None and not (intent.constraints or intent.meter) and self.matcher.names_only(query):
            extra["typical"] = W_TYPICAL * self._typical
        if pattern is not None:
            extra["rhythm"] = W_RHYTHM * self.rhythm.similarities(pattern)
        if votes:
            extra["votes"] = self._nudges(votes)
        for part in extra.values():
            total = total + part
        if pattern is not None:
            total = np.where(self.rhythm.identical(pattern), -np.inf, total)
            k = min(k, int(np.isfinite(total).sum()))
        hits = []
        for i in top_k(total, k):
            parts = {
                "semantic": float(semantic[i]),
                "style_semantic": float(style_semantic[i]),
                "speed": float(speed[i]),
                "lexical": float(lexical[i]),
                "style_lexical": float(style_lexical[i]),
                "style": float(style_bonus[i]),
                "tempo": float(tempo[i]),
                "grid": float(grid[i]),
            } | {name: float(part[i]) for name, part in extra.items()}
            hits.append(Hit(self.library.grooves[i], float(total[i]), self._variant_for(i, intent), parts))
        return hits

    def _style_semantic(self, semantic: np.ndarray) -> np.ndarray:
        """Per groove, how close its style comes to the query: the mean of the style's
        STYLE_TOP best groove cosines. A style's lore is spread over its grooves (one artist,
        scene and record each), so "a smoky basement club late at night" meets jazz in one
        groove's scene line; this lets every jazz groove hear it."""
        order = np.lexsort((-semantic, self._style_row))  # by style, best first within each
        best = semantic[order]
        top = np.minimum(self._style_starts[:, None] + np.arange(STYLE_TOP), self._style_ends[:, None] - 1)
        return best[top].mean(axis=1)[self._style_row]

    def _nudges(self, votes: Mapping[str, float]) -> np.ndarray:
        """Per groove, what its vote score adds (0 for a groove with no votes or no longer in the library)."""
        out = np.zeros(len(self.library.grooves), dtype=np.float32)
        for groove_id, score in votes.items():
            row = self._position.get(groove_id)
            if row is not None:
                out[row] = vote_nudge(score)
        return out

    def _grid_fit(self, intent: Intent, voices: float = 1.0) -> np.ndarray:
        """Per groove, how near its own grid (in its meter) comes to the request's constraints, 0-1.

        ``voices``: the weight of the constraints on which voices play ("no hats", "with a
        ride") and of hits taken out ("not four on the floor"): below 1 when a style is named,
        so "funk, no hats, the ride instead" ranks funk grooves (their hats moved to the ride
        by the edit) before a blues groove that rides already, and among funk grooves the one
        that rides first."""
        fit = np.zeros(len(self.library.grooves), dtype=np.float32)
        rhythm = [c for c in intent.constraints if c.rule != "present" or len(c.voices) == 1]
        if not rhythm:
            return fit
        weights = [voices if c.rule in ("present", "absent", "off") else 1.0 for c in rhythm]  # the edit's easy part
        total = np.zeros(len(self.library.grooves), dtype=np.float64)
        for w, c in zip(weights, rhythm, strict=True):
            total += w * self._closeness_of(c)
        return (total / len(rhythm)).astype(np.float32)

    def _closeness_of(self, c: Constraint) -> np.ndarray:
        """How near each groove's grid comes to ``c`` (`check.GridReader.closeness`), computed once."""
        near = self._closeness.get(c)
        if near is None:
            near = self._grids.closeness(c)
            with self._closeness_lock:  # the bot's worker threads share the retriever
                if len(self._closeness) >= CLOSENESS_KEPT:
                    self._closeness.pop(next(iter(self._closeness)))  # the oldest goes
                self._closeness[c] = near
        return near

    def _speed_bonus(self, intent: Intent) -> np.ndarray:
        if not intent.speed:
            return np.zeros(len(self._bpm), dtype=np.float32)
        offers = self._variant_of[intent.speed] | self._native[intent.speed]
        return (SPEED_BONUS * offers).astype(np.float32)

    def _variant_for(self, groove: int, intent: Intent) -> str:
        """The transform a hit is offered in: the speed asked for, unless the groove is tagged
        with that feel already (a native half-time groove is played as written)."""
        v = intent.speed
        return v if v and self._variant_of[v][groove] and not self._native[v][groove] else ""

    def _style_bonus(self, intent: Intent, style: str | None, base: np.ndarray) -> np.ndarray:
        if style:
            return STYLE_BONUS_EXPLICIT * (self._style_of == style).astype(np.float32)
        if intent.styles:
            return STYLE_BONUS_NAMED * np.isin(self._style_of, intent.styles).astype(np.float32)
        bonus = np.zeros(len(base), dtype=np.float32)
        stated = [s for t in self._traits if _states(intent, t) for s in t.styles]
        if stated:  # "kick on every beat" is house's, techno's or disco's before it is anyone's
            bonus += STYLE_BONUS_TRAIT * np.isin(self._style_of, stated).astype(np.float32)
        implied = self._implied_style(base)
        if implied is not None:
            bonus = np.maximum(bonus, STYLE_BONUS_IMPLIED * (self._style_of == implied).astype(np.float32))
        return bonus

    def _implied_style(self, base: np.ndarray) -> str | None:
        """The style that most of the strongest matches share, if one clearly leads."""
        window = min(IMPLIED_WINDOW, len(base))
        if window == 0:
            return None
        top = np.argpartition(-base, window - 1)[:window]
        weights = np.maximum(base[top], 0)
        if weights.sum() <= 0:
            return None
        share: dict[str, float] = {}
        for i, w in zip(top, weights, strict=True):
            share[str(self._style_of[i])] = share.get(str(self._style_of[i]), 0.0) + float(w)
        leader, amount = max(share.items(), key=lambda kv: kv[1])
        return leader if amount / float(weights.sum()) >= IMPLIED_SHARE else None

    def _tempo_bonus(self, intent: Intent) -> np.ndarray:
        bonus = np.zeros(len(self._bpm), dtype=np.float32)
        if intent.bpm is not None:
            bonus += TEMPO_BONUS * np.clip(1 - np.abs(self._bpm - intent.bpm) / 40, 0, 1)
        elif intent.tempo == "slow":
            bonus += TEMPO_BONUS * np.clip((110 - self._bpm) / 40, 0, 1)
        elif intent.tempo == "fast":
            bonus += TEMPO_BONUS * np.clip((self._bpm - 110) / 40, 0, 1)
        return bonus


def _states(intent: Intent, trait: Trait) -> bool:
    """Whether the request's own positions say all of the trait ("snare on 2 and 4" says the
    backbeat; "kick on every beat" says four on the floor), counted in 4/4."""
    return all(any(_implies(c, t) for c in intent.constraints) for t in trait.constraints)


def _implies(said: Constraint, trait: Constraint) -> bool:
    if not set(said.voices) & set(trait.voices):
        return False
    mine, theirs = said.steps("4/4", 16), trait.steps("4/4", 16)
    if mine is None or theirs is None:
        return False
    if trait.rule == "on":
        return said.rule in ("on", "only") and theirs <= mine
    if trait.rule == "off":
        return (said.rule == "off" and theirs <= mine) or (said.rule == "only" and not theirs & mine)
    return False
