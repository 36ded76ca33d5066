"""Lexical side of retrieval: TF-IDF over each groove's words, and what a query names.

Embeddings know "groovy" is close to "funky"; they are vaguer about exact terms a drummer
types ("one drop", "dembow", "2-3 clave", "6/8") and names ("Piazzolla"). An idf-weighted
term coverage over unigrams and bigrams of each groove's and each style's words makes
those count. Tokens keep "6/8",
"2-3" and "r&b" whole, and hyphens split ("hip-hop" = "hip hop").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from scipy import sparse

from .instruments import BY_CODE
from .library import STYLE_LORE_FIELDS, Library, Style


def _kick_words() -> re.Pattern[str]:
    """Every spelling of the kick in the instrument table: "bass drum" and "kick" are one drum."""
    kick = BY_CODE["bd"]
    words = sorted({w.lower() for w in (kick.name, *kick.aliases)} - {"kick"}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(r"\s*".join(map(re.escape, w.split())) for w in words) + r")\b")


_REWRITES = (
    (_kick_words(), "kick"),
    (re.compile(r"\br\s*&\s*b\b|\brnb\b"), " rnb "),
    (re.compile(r"\bd\s*&\s*b\b|\bdrum\s*(?:&|n|'n'|and)\s*bass\b"), " drum and bass "),
    (re.compile(r"&"), " and "),
    (re.compile(r"(?<=[a-z])-(?=[a-z])"), " "),
)
_TOKEN = re.compile(r"[a-z0-9]+(?:[/'][a-z0-9]+)*|\d+-\d+")
# Where a phrase ends: a bigram never spans one ("kick on 1 and 3, snare on 2" has no "3 snare").
_CLAUSE_END = re.compile(r"[.,;:!?()\[\]\n]+(?:\s|$)|[;!?()\[\]\n]")


def normalise_text(text: str) -> str:
    """Lower-case text with the rewrites that make query and library words meet."""
    text = text.lower().replace("’", "'")
    for pattern, repl in _REWRITES:
        text = pattern.sub(repl, text)
    return " ".join(text.split())


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(normalise_text(text))


class LexicalScorer:
    """How much of a query's vocabulary each document speaks, weighted by rarity.

    score = sum of idf(term) over the query's terms (unigrams and bigrams) found in the
    document / sum of idf(term) over all the query's known terms, with idf = ln((1+n)/(1+df)),
    so words every document has ("beat", "the") weigh nothing and a rare name ("Piazzolla",
    "dembow") carries the query. Unlike a TF-IDF cosine it does not fade on long documents.
    """

    def __init__(self, vectorizer: Terms, present: sparse.csr_matrix) -> None:
        """``present``: documents x the vectorizer's terms, 1 where a document has the term."""
        self._vectorizer = vectorizer
        df = np.asarray(present.sum(axis=0)).ravel()
        idf = np.log((1 + present.shape[0]) / (1 + df))
        self._idf = np.where(df > 0, idf, 0).astype(np.float32)  # a term no document has says nothing
        by_term = present.T.tocsr()
        self._documents = present.shape[0]
        # the documents that have each term: a query adds its few terms' weights to those rows
        self._docs = np.split(by_term.indices.astype(np.intp), by_term.indptr[1:-1])

    def scores(self, query: str) -> np.ndarray:
        """Share of the query's idf mass found in each document, float32 in [0, 1]."""
        terms = self._vectorizer.indices(query)
        out = np.zeros(self._documents, dtype=np.float32)
        total = float(self._idf[terms].sum()) if terms else 0.0
        if total <= 0:
            return out
        for term in terms:
            out[self._docs[term]] += self._idf[term]
        return out / np.float32(total)


@dataclass(frozen=True)
class StyleMatcher:
    """Finds the styles a query names ("funky", "drum & bass", "one drop" → reggae)."""

    phrases: tuple[tuple[str, str], ...]  # (normalised phrase, style key), longest first
    # the styles' own names, not their aliases: "ska" or "one drop" names a kind of reggae
    names: frozenset[str] = frozenset()

    @classmethod
    def for_library(cls, library: Library) -> StyleMatcher:
        pairs: dict[str, str] = {}
        for style in library.styles.values():
            for name in _style_names(style):
                pairs.setdefault(normalise_text(name), style.key)
        ordered = sorted(pairs.items(), key=lambda kv: (-len(kv[0]), kv[0]))
        main = {style.key: {normalise_text(n) for n in _style_names(style)[:2]} for style in library.styles.values()}
        # a style's name, or an alias that only adds asking words to it ("hip hop beat")
        names = {p for p, key in pairs.items() if any(_plain(p, name) for name in main[key])}
        return cls(tuple(ordered), frozenset(names))

    def __post_init__(self) -> None:
        by_first: dict[str, list[int]] = {}  # a phrase can only be in a query that has its first word
        for n, (phrase, _) in enumerate(self.phrases):
            by_first.setdefault(phrase.split(" ", 1)[0], []).append(n)
        object.__setattr__(self, "_by_first", by_first)

    def find(self, query: str) -> list[str]:
        """Style keys named in the query, in order of appearance, each once ("disco, 4 bars" names disco)."""
        return self._found(query)[0]

    def names_only(self, query: str) -> bool:
        """Whether the query names a style and says nothing else ("dubstep beat pls", "a reggae
        groove please"): then any groove of the style answers the words, and the typical one should."""
        said = set(self._found(query)[1].split())
        named = {w for w in said if w.startswith("#")}
        return bool(named) and said - named <= _ASKING_WORDS

    def _found(self, query: str) -> tuple[list[str], str]:
        """The style keys named, and the query with their phrases blanked out."""
        text = f" {' '.join(re.sub(r'[,;:.!?()]', ' ', normalise_text(query)).split())} "
        by_first: dict[str, list[int]] = self._by_first  # type: ignore[attr-defined]
        maybe = sorted(n for word in set(text.split()) for n in by_first.get(word, ()))
        found: list[tuple[int, str, str]] = []
        said = text
        for phrase, key in (self.phrases[n] for n in maybe):
            at = text.find(f" {phrase} ")
            if at < 0 or (phrase in _ALSO_VERBS and text[:at].split()[-1:] == ["to"]):
                continue  # "wants to drill octave lines": the verb, not the style
            if _negated(text[:at].split()):
                key = ""  # "not jazz, not latin... funk": jazz is named, not wanted
            found.append((at, key, phrase))
            mark = "#" if phrase in self.names else "@"  # an alias ("ska") says which kind of the style
            text = text[:at] + " " + mark * len(phrase) + " " + text[at + len(phrase) + 2 :]
        named = list(dict.fromkeys(key for _, key, _ in sorted(found) if key))
        wished = {key for _, key, phrase in found if key and _wished(said, text, phrase)}
        return sorted(named, key=lambda key: key not in wished), text  # what is asked for first, else as said

    def resolve(self, name: str) -> str | None:
        """The style key a user's style argument names, or None."""
        wanted = normalise_text(name)
        for phrase, key in self.phrases:
            if phrase == wanted or normalise_text(key) == wanted:
                return key
        return None


# the words around a bare style name: "can i get a dubstep beat pls"
_ASKING_WORDS = frozenset(
    {"a", "an", "the", "some", "me", "i", "can", "could", "you", "please", "pls", "plz", "give", "gimme", "make"}
    | {"want", "need", "get", "style", "type", "kind", "of", "beat", "beats", "groove", "grooves", "drum", "drums"}
    | {"pattern", "rhythm", "loop", "track", "song", "basic", "standard", "typical", "classic", "simple", "just"}
)
_NEGATORS = frozenset({"not", "no", "non", "without", "avoid", "nothing"})
_SOFTENERS = frozenset({"a", "an", "the", "any", "too", "really", "very", "so", "that", "of", "like"})


def _negated(before: list[str]) -> bool:
    """Whether the words before a style's name take it back: "not jazz", "no latin", "nothing
    too jazzy", "instead of rock", "rather than a house beat" (not "nothing but funk")."""
    words = [w for w in before[-3:] if w != "#" * len(w)]
    while words and words[-1] in _SOFTENERS and words[-2:] != ["instead", "of"]:
        words.pop()
    return bool(words) and (words[-1] in _NEGATORS or words[-2:] in (["instead", "of"], ["rather", "than"]))


_WISH_NOUNS = frozenset({"beat", "groove", "pattern", "rhythm"})
_WISH_VERBS = frozenset({"need", "want", "give", "gimme", "make", "write", "get"})


def _wished(said: str, marked: str, phrase: str) -> bool:
    """Whether the style is what is asked for at one of the places ``said`` names it, a wish and
    a beat around it: "need a plain rock beat" after "the big band closes with a rock tune",
    "like a disco track but make it a house beat". Not right after another
    style's name (``marked``: the text with the names found blanked), as in "funk rock beat":
    there the first named leads."""
    for m in re.finditer(f" {re.escape(phrase)} ", said):
        before, after = said[: m.start()].split(), said[m.end() - 1 :].split()
        if marked[: m.start()].split()[-1:] and set(marked[: m.start()].split()[-1]) <= {"#", "@"}:
            continue
        if after[:1] and after[0] in _WISH_NOUNS and _WISH_VERBS & set(before[-4:]):
            return True
        base = before[-1:] == ["over"] or (before[-2:-1] == ["over"] and before[-1] in ("a", "an", "the", "some"))
        if base or before[-3:] in (["on", "top", "of"], ["top", "of", "a"]):
            return True  # "jazz ride pattern over a boom bap kick and snare": what it is played over
    return False


def _plain(phrase: str, name: str) -> bool:
    """ "hip hop beat" is the name "hip hop" and an asking word; "one drop" is not "reggae"."""
    return f" {name} " in f" {phrase} " and set(f" {phrase} ".replace(f" {name} ", " ").split()) <= _ASKING_WORDS


_ALSO_VERBS = frozenset({"drill", "swing", "shuffle", "march"})  # style names a sentence may use as verbs


def _style_names(style: Style) -> list[str]:
    return [style.key.replace("-", " "), style.name, *style.aliases]


def lexical_scorers(library: Library, words: dict[str, list[str]]) -> tuple[LexicalScorer, LexicalScorer, list[str]]:
    """(groove scorer, style scorer, style keys in the style scorer's order), from one pass.

    A groove's words are its name, tags, style names and every phrasing of it. A style's
    words are its names and lore plus all its grooves' words, so its lore ("Piazzolla",
    "Kirk Franklin") and the traits most of its grooves share ("four on the floor" for
    house) weigh on every groove of the style, even where no caption of that groove says
    them. The text is tokenized once: a style's row is its lore's row OR its grooves' rows.
    """
    keys = sorted(library.styles)
    grooves = [
        " . ".join([g.name, *g.tags, *_style_names(library.styles[g.style]), *words.get(g.id, [])])
        for g in library.grooves
    ]
    lore = [
        " . ".join([*_style_names(s), *(w for f in STYLE_LORE_FIELDS for w in getattr(s, f))])
        for s in (library.styles[k] for k in keys)
    ]
    vectorizer = _vectorizer()
    present = vectorizer.fit_transform(grooves + lore).tocsr()
    groove_rows, lore_rows = present[: len(grooves)], present[len(grooves) :]
    row_of = {k: i for i, k in enumerate(keys)}
    members = sparse.csr_matrix(
        (np.ones(len(library.grooves)), ([row_of[g.style] for g in library.grooves], range(len(library.grooves)))),
        shape=(len(keys), len(library.grooves)),
    )
    style_rows = ((members @ groove_rows + lore_rows) > 0).astype(np.float32).tocsr()
    return LexicalScorer(vectorizer, groove_rows), LexicalScorer(vectorizer, style_rows), keys


def _vectorizer() -> Terms:
    return Terms()


class Terms:
    """Which unigrams and bigrams of `tokenize` each text has (1 or 0), as a sparse matrix.

    What scikit-learn's binary CountVectorizer did here, in a dozen lines: importing
    scikit-learn took ~1 s of the engine's start and ~60 MB (docs/BENCHMARKS.md).
    """

    def __init__(self) -> None:
        self.vocabulary: dict[str, int] = {}

    @staticmethod
    def terms(text: str) -> set[str]:
        """Its words, and its word pairs within a clause: a pair across a comma or a full
        stop is two phrases' edges, and a rare one would outweigh the words themselves."""
        out: set[str] = set()
        for clause in _CLAUSE_END.split(text + " "):
            tokens = tokenize(clause)
            out.update(tokens, (f"{a} {b}" for a, b in pairwise(tokens)))
        return out

    def fit_transform(self, texts: list[str]) -> sparse.csr_matrix:
        found = [self.terms(t) for t in texts]
        self.vocabulary = {term: i for i, term in enumerate(sorted(set().union(*found)))}
        return self._matrix(found)

    def indices(self, text: str) -> list[int]:
        """The columns of the terms ``text`` has that the vocabulary knows, in order."""
        return sorted(self.vocabulary[t] for t in self.terms(text) if t in self.vocabulary)

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        return self._matrix([self.terms(t) for t in texts])

    def _matrix(self, found: list[set[str]]) -> sparse.csr_matrix:
        columns = [sorted(self.vocabulary[t] for t in terms if t in self.vocabulary) for terms in found]
        pointers = np.cumsum([0, *(len(c) for c in columns)])
        indices = np.fromiter((i for c in columns for i in c), dtype=np.int32, count=int(pointers[-1]))
        data = np.ones(len(indices), dtype=np.int64)
        return sparse.csr_matrix((data, indices, pointers), shape=(len(found), len(self.vocabulary)))
