"""`Engine`: the one object the CLI and the Discord bot call.

    Engine.load()        library (data/grooves) → examples → embedding index → retriever
    engine.similar()     the library's best grooves for a request, a pattern's rhythm, or both
    engine.generate()    a new pattern: retrieval → prompt → Ollama, or the library fallback
    engine.refine()      a shown pattern changed as asked ("busier hats"): the model, or an exact edit
    engine.render()      MIDI, WAV and PNG bytes of a pattern
    engine.rebuild()     re-read the library and re-embed what changed, then swap it in

All state lives on the object. Searching reads one immutable snapshot (`_State`), and a
rebuild builds a new snapshot beside it and swaps it in with one assignment, so queries
keep being answered from the old index while the new one is built.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from .check import Check, Trait, load_traits
from .descriptions import Example, all_phrasings, indexed, words_by_groove
from .embeddings import DEFAULT_MODEL, Encoder, load_encoder
from .errors import InputError, PyDrumsError
from .fit import fit_to_constraints
from .form import DEFAULT_FILL, Song, arrange, generate_song
from .generation import Generation, check_request, generate_pattern, plan_request
from .index import ensure_index
from .intent import Intent, parse_intent
from .library import DEFAULT_DATA_DIR, Library, load_library
from .limits import CANDIDATES_DEFAULT, DESCRIPTION_MAX, K_MAX, check_bpm, check_form, check_k, folded
from .llm import OllamaSettings, PatternWriter
from .notation import Pattern, parse_pattern
from .onnx_encoder import OnnxEncoder
from .prompt import GenerationRequest
from .refine import EXAMPLES as REFINE_EXAMPLES
from .refine import read_instruction, refine_pattern
from .render import KitMap, Rendering, load_kit, render_all, render_song
from .retrieval import Hit, Retriever
from .variation import fill_start, vary
from .vectors import VectorIndex

log = logging.getLogger(__name__)

MAX_K = K_MAX
QUERY_CACHE = 512


class RebuildInProgress(PyDrumsError):
    """A rebuild was asked for while another one runs."""


@dataclass(frozen=True)
class RebuildReport:
    patterns: int
    examples: int
    reencoded: int
    seconds: float

    def summary(self) -> str:
        return f"{self.patterns} grooves, {self.examples} examples, {self.reencoded} re-encoded in {self.seconds:.1f} s"


@dataclass(frozen=True)
class _State:
    library: Library
    examples: list[Example]
    retriever: Retriever
    traits: tuple[Trait, ...]  # data_dir/traits.toml: what the check holds each style to
    semantic: bool  # False when the model or index could not be loaded (lexical only)
    index_note: str


class Engine:
    """Semantic groove search, generation and rendering over one groove library."""

    def __init__(
        self,
        *,
        data_dir: Path,
        index_dir: Path,
        encoder: Encoder | OnnxEncoder | None,
        encoder_error: str | None,
        writer: PatternWriter | None,
        ollama: OllamaSettings | None,
        model_name: str,
    ) -> None:
        self.data_dir = data_dir
        self.index_dir = index_dir
        self.encoder = encoder
        self.encoder_error = encoder_error
        self.writer = writer
        self.ollama = ollama
        self.model_name = model_name
        self._rebuild_lock = threading.Lock()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._state = self._build_state(progress=False)[0]

    @classmethod
    def load(
        cls,
        data_dir: Path | str | None = None,
        *,
        model: str | None = None,
        index_dir: Path | str | None = None,
        ollama: OllamaSettings | None = None,
        use_llm: bool = True,
    ) -> Engine:
        """Load the library, the model and the index (building it when stale).

        ``model`` is "all-MiniLM-L6-v2" (bundled, the default), a local folder or a hub
        name. When it cannot be loaded the engine still works on lexical scores alone.
        """
        data = Path(data_dir) if data_dir else DEFAULT_DATA_DIR
        index = Path(index_dir) if index_dir else data / "index"
        model_name = model or DEFAULT_MODEL
        encoder, error = None, None
        try:
            encoder = load_encoder(model_name, index)  # ONNX Runtime; torch when it cannot be used
        except Exception as exc:  # any failure to load a model degrades to lexical search
            error = f"model {model_name!r} could not be loaded ({type(exc).__name__}: {exc})"
            log.warning("%s; searching with lexical scores only", error)
        settings = (ollama or OllamaSettings.from_env()) if use_llm else None
        writer = PatternWriter(settings) if settings else None
        return cls(
            data_dir=data,
            index_dir=index,
            encoder=encoder,
            encoder_error=error,
            writer=writer,
            ollama=settings,
            model_name=encoder.name if encoder else model_name,
        )

    # -- state -------------------------------------------------------------------------

    def _build_state(self, progress: bool) -> tuple[_State, int, float]:
        start = time.perf_counter()
        library = load_library(self.data_dir)
        traits = load_traits(self.data_dir)
        phrasings = all_phrasings(library)
        examples = indexed(phrasings)
        vectors, note, reencoded = None, self.encoder_error or "", 0
        if self.encoder is not None:
            try:
                encoder = self.encoder

                def encode(texts: list[str]) -> np.ndarray:
                    return encoder.encode(texts, progress=progress)

                vectors, report = ensure_index(self.index_dir, examples, encoder.name, encode, library.content_hash())
                reencoded, note = report.reencoded, report.reason
            except (OSError, ValueError, RuntimeError) as exc:
                note = f"index could not be built ({exc})"
                log.warning("%s; searching with lexical scores only", note)
        # past vectors.EXACT_LIMIT rows, a FAISS graph saved beside the vectors (reused while they match)
        index = VectorIndex(vectors, folder=self.index_dir) if vectors is not None else None
        retriever = Retriever(library, examples, index, words_by_groove(phrasings), traits)
        state = _State(library, examples, retriever, traits, vectors is not None, note)
        return state, reencoded, time.perf_counter() - start

    @property
    def library(self) -> Library:
        return self._state.library

    def rebuild(self, *, progress: bool = False) -> RebuildReport:
        """Re-read the library and re-embed what changed; searches continue meanwhile."""
        if not self._rebuild_lock.acquire(blocking=False):
            raise RebuildInProgress("a rebuild is already running; try again when it finishes")
        try:
            state, reencoded, seconds = self._build_state(progress)
            self._state = state  # one assignment: readers see the old or the new snapshot
            with self._cache_lock:
                self._cache.clear()
            return RebuildReport(len(state.library.grooves), len(state.examples), reencoded, seconds)
        finally:
            self._rebuild_lock.release()

    @property
    def rebuilding(self) -> bool:
        return self._rebuild_lock.locked()

    # -- search ------------------------------------------------------------------------

    def resolve_style(self, name: str | None) -> str | None:
        """The style key for a user's style name or alias; InputError when unknown."""
        if name is None or not name.strip():
            return None
        key = self._state.retriever.matcher.resolve(name)
        if key is None:
            known = ", ".join(sorted(self.library.styles))
            raise InputError(f"unknown style {name.strip()!r}; known styles: {known}")
        return key

    def similar(
        self,
        query: str | None = None,
        k: int = 3,
        style: str | None = None,
        *,
        pattern: Pattern | str | None = None,
        votes: Mapping[str, float] | None = None,
    ) -> list[Hit]:
        """The ``k`` best grooves for ``query``, best first, one hit per groove.

        ``pattern`` (a `Pattern` or notation text): "more like this", the grooves whose rhythm
        is closest to it (`rhythm`), never its own grid; with ``query`` too, both count
        (`retrieval`). ``votes``: {groove id: score 0..1} from `votes.vote_scores`, a small
        bounded nudge. At least one of ``query`` and ``pattern`` is needed (InputError);
        bad notation is a NotationError naming the line and column.
        """
        text = folded(query)
        if isinstance(pattern, str):
            pattern = self.parse(pattern) if pattern.strip() else None
        if not text and pattern is None:
            raise InputError(
                "the query is empty; describe a groove, e.g. 'funk with ghost notes', "
                "or give a pattern to find grooves with its rhythm"
            )
        check_k(k)
        return self._search(self.read(text), k=k, style=self.resolve_style(style), pattern=pattern, votes=votes)

    def read(self, text: str) -> Intent:
        """The request read once: styles, tempo, meter, bars, feel, fill and rhythm constraints."""
        return parse_intent(text, self._state.retriever.matcher)

    def _search(
        self,
        intent: Intent,
        k: int,
        style: str | None,
        *,
        pattern: Pattern | None = None,
        votes: Mapping[str, float] | None = None,
    ) -> list[Hit]:
        state = self._state
        vector = self._query_vector(intent.text) if state.semantic and intent.text else None
        return state.retriever.search(intent.text, vector, intent, k=k, style=style, pattern=pattern, votes=votes)

    def _query_vector(self, text: str) -> np.ndarray | None:
        if self.encoder is None:
            return None
        with self._cache_lock:
            cached = self._cache.get(text)
            if cached is not None:
                self._cache.move_to_end(text)
                return cached
        vector = self.encoder.encode([text])[0]
        with self._cache_lock:
            self._cache[text] = vector
            while len(self._cache) > QUERY_CACHE:
                self._cache.popitem(last=False)
        return vector

    # -- generation and rendering ------------------------------------------------------

    def generate(
        self,
        description: str,
        style: str | None = None,
        bpm: int | None = None,
        bars: int | None = None,
        *,
        seed: int | None = None,
        form: str | None = None,
        votes: Mapping[str, float] | None = None,
    ) -> Generation:
        """A new pattern for the request: by the model when its answer passes the check, else
        the library's closest groove edited to fit. check → intent → hits → generate.

        ``form`` ("AABA"): a song of those sections, ``bars`` long each (`form.generate_song`).
        ``votes``: {groove id: score 0..1} (`votes.vote_scores`), nudging which grooves it builds on.
        """
        text = check_request(description, bpm, bars, form)
        key = self.resolve_style(style)
        intent = self.read(text)
        if intent.silent:
            raise InputError("the request rules out every instrument; name at least one that should play")
        hits = self._search(intent, k=8, style=key, votes=votes)
        if intent.meter and not any(h.time_signature == intent.meter for h in hits):
            # "funk in 7/8": the best grooves in that meter, whatever their style, come first
            wider = self._search(intent, k=len(self.library.grooves), style=key, votes=votes)
            hits = [h for h in wider if h.time_signature == intent.meter][:4] + hits
        request = plan_request(intent, hits, key, bpm, bars, self.usual_meter, self._state.traits)
        candidates = self.ollama.candidates if self.ollama else CANDIDATES_DEFAULT
        if form and form.strip():
            return generate_song(self.writer, request, hits, form, seed=seed, candidates=candidates)
        return generate_pattern(self.writer, request, hits, seed=seed, candidates=candidates)

    def usual_meter(self, style: str) -> str | None:
        """The meter most of a style's grooves are in (4/4 for funk, 3/4 for waltz); None when
        no meter holds a majority (odd meter: 5/4, 7/8, 7/4, 9/8 ... in turn)."""
        meters = Counter(g.time_signature for g in self.library.grooves if g.style == style)
        meter, count = meters.most_common(1)[0] if meters else (None, 0)
        return meter if 2 * count > meters.total() else None

    def vary(self, pattern: Pattern, seed: int, request: str | None = None) -> Pattern:
        """A recognisable variation (ghost notes, hat openings, kick displacement) that still
        does what ``request`` (the words the pattern was made for) asked of the grid."""
        varied = vary(pattern, seed)
        if not request:
            return varied
        intent = self.read(request).in_meter(pattern.time_signature, pattern.steps_per_bar)
        fill_from = fill_start(pattern) if intent.fill else None
        return fit_to_constraints(varied, intent.constraints, keep_kit=intent.keeps_kit, fill_from=fill_from)

    def refine(
        self,
        shown: Pattern | str,
        instruction: str,
        *,
        style: str | None = None,
        bpm: int | None = None,
        request: str | None = None,
        seed: int | None = None,
        swing: float = 0.0,
    ) -> Generation:
        """``shown`` changed as ``instruction`` says ("busier hats, no crash"): by the model when
        its answer passes the check and makes the change, else by an exact edit of ``shown``
        (source "library", ``reason`` saying so). ``request``: the words ``shown`` was made for;
        its constraints hold unless the instruction changes those voices. ``swing`` (0..1) is
        carried into the answer. InputError when the instruction cannot be read, or asks for
        something the pattern cannot do ("no ghost notes" with none there)."""
        pattern = parse_pattern(shown) if isinstance(shown, str) else shown
        text = folded(instruction)
        if not text:
            raise InputError(f"say what should change, e.g. {REFINE_EXAMPLES}")
        if len(text) > DESCRIPTION_MAX:
            raise InputError(f"the instruction is {len(text)} characters; keep it to {DESCRIPTION_MAX}")
        check_bpm(bpm)
        key = self.resolve_style(style)
        matcher = self._state.retriever.matcher
        intent = self.read(request) if request and request.strip() else Intent(text=text)
        edit = read_instruction(text, pattern, intent if request else None, matcher)
        return refine_pattern(
            self.writer,
            pattern,
            edit,
            intent=intent.in_meter(pattern.time_signature, pattern.steps_per_bar),
            style=key or (intent.styles[0] if intent.styles else None),
            bpm=bpm or intent.bpm,
            swing=swing,
            seed=seed,
            candidates=self.ollama.candidates if self.ollama else CANDIDATES_DEFAULT,
            traits=self._state.traits,
        )

    def arrange(self, groove: Pattern, form: str, request: str, style: str | None = None) -> tuple[Song, Check]:
        """The song of ``form`` built on ``groove`` (section A), keeping what ``request`` (the
        words it was made for) asks of every section; for a Variation of a song."""
        letters = check_form(form, groove.bars) or "A"
        intent = self.read(request).in_meter(groove.time_signature, groove.steps_per_bar)
        plan = GenerationRequest(
            description=intent.text,
            style=style or None,
            bars=groove.bars,
            time_signature=groove.time_signature,
            steps_per_bar=groove.steps_per_bar,
            intent=replace(intent, fill=None),
            traits=self._state.traits,
        )
        return arrange(groove, letters, plan, (), intent.fill or DEFAULT_FILL)

    def parse(self, text: str) -> Pattern:
        """A user's notation as a Pattern, or a NotationError that says what is wrong."""
        return parse_pattern(text)

    def render(
        self,
        pattern: Pattern | Song,
        bpm: int,
        swing: float = 0.0,
        title: str | None = None,
        *,
        humanize: int = 0,
        seed: int | None = None,
        kit: KitMap | str | Path | None = None,
        loops: int = 1,
    ) -> Rendering:
        """MIDI, WAV and PNG of a pattern, in memory.

        ``swing`` 0..1; ``humanize`` 0-100 (0, the default, is exactly the grid) with ``seed``
        for a repeatable performance; ``kit`` a map name, a file or a loaded `KitMap`
        (None: General MIDI); ``loops`` how often MIDI and WAV play the pattern. A `Song`
        renders whole in the MIDI, with a marker per section, and as a preview of at most
        `PREVIEW_SECONDS` in the WAV.
        """
        kit_map = load_kit(kit) if isinstance(kit, str | Path) else kit
        if isinstance(pattern, Song):
            return render_song(pattern, bpm, swing, title, humanize=humanize, seed=seed, kit=kit_map, loops=loops)
        return render_all(pattern, bpm, swing, title, humanize=humanize, seed=seed, kit=kit_map, loops=loops)

    def warm_up(self) -> None:
        """Do the one-time work of a first request now: the audio kit (or SoundFont samples),
        the picture's text, the query path. A server calls this at start so no user waits."""
        pattern = parse_pattern("ch: x-x-x-x-x-x-x-x-; sd: ----x-------x---; bd: x-------x-------")
        self.render(pattern, 100)
        self.similar("warm up", k=1)

    # -- facts -------------------------------------------------------------------------

    def styles(self) -> dict[str, int]:
        """Grooves per style, most first."""
        return self.library.style_counts()

    def encoder_info(self) -> dict:
        """Which backend encodes queries (onnx, torch or none) and why."""
        if self.encoder is None:
            return {"backend": "none", "why": self.encoder_error or "no model"}
        backend = getattr(self.encoder, "backend", "torch")
        why = getattr(self.encoder, "why", "") or ("the torch encoder was handed in" if backend == "torch" else "")
        return {"backend": backend, "why": why}

    def info(self, *, check_ollama: bool = True) -> dict:
        """Library size, styles, index state, model and Ollama reachability."""
        state = self._state
        return {
            "patterns": len(state.library.grooves),
            "examples": len(state.examples),
            "distinct_descriptions": len({e.text for e in state.examples}),
            "styles": state.library.style_counts(),
            "index": {
                "state": "semantic" if state.semantic else "lexical only",
                "model": self.model_name,
                "dimension": self.encoder.dimension if self.encoder else None,
                "note": state.index_note,
                "path": str(self.index_dir),
            },
            "model": self.model_name,
            "encoder": self.encoder_info(),
            "ollama": {
                "host": self.ollama.host if self.ollama else None,
                "model": self.ollama.model if self.ollama else None,
                "reachable": bool(self.writer.ping()) if (self.writer and check_ollama) else None,
            },
        }
