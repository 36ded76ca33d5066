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

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer

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

    def __init__(self, documents: list[str]) -> None:
        self._vectorizer = CountVectorizer(
            tokenizer=tokenize, lowercase=False, token_pattern=None, ngram_range=(1, 2), binary=True
        )
        present = self._vectorizer.fit_transform(documents).tocsr()
        df = np.asarray(present.sum(axis=0)).ravel()
        self._idf = np.log((1 + present.shape[0]) / (1 + df)).astype(np.float32)
        self._present_t = present.T.tocsr().astype(np.float32)

    def scores(self, query: str) -> np.ndarray:
        """Share of the query's idf mass found in each document, float32 in [0, 1]."""
        terms = self._vectorizer.transform([query]).indices
        weights = self._idf[terms]
        total = float(weights.sum())
        if total <= 0:
            return np.zeros(self._present_t.shape[1], dtype=np.float32)
        found = weights @ self._present_t[terms]
        return (np.asarray(found).ravel() / total).astype(np.float32)


@dataclass(frozen=True)
class StyleMatcher:
    """Finds the styles a query names ("funky", "drum & bass", "one drop" → reggae)."""

    phrases: tuple[tuple[str, str], ...]  # (normalised phrase, style key), longest first

    @classmethod
    def for_library(cls, library: Library) -> StyleMatcher:
        pairs: dict[str, str] = {}
        for style in library.styles.values():
            for name in _style_names(style):
                pairs.setdefault(normalise_text(name), style.key)
        ordered = sorted(pairs.items(), key=lambda kv: (-len(kv[0]), kv[0]))
        return cls(tuple(ordered))

    def find(self, query: str) -> list[str]:
        """Style keys named in the query, in order of appearance, each once."""
        text = f" {normalise_text(query)} "
        found: list[tuple[int, str]] = []
        for phrase, key in self.phrases:
            at = text.find(f" {phrase} ")
            if at < 0:
                continue
            found.append((at, key))
            text = text[:at] + " " + "#" * len(phrase) + " " + text[at + len(phrase) + 2 :]
        return list(dict.fromkeys(key for _, key in sorted(found)))

    def resolve(self, name: str) -> str | None:
        """The style key a user's style argument names, or None."""
        wanted = normalise_text(name)
        for phrase, key in self.phrases:
            if phrase == wanted or normalise_text(key) == wanted:
                return key
        return None


def _style_names(style: Style) -> list[str]:
    return [style.key.replace("-", " "), style.name, *style.aliases]


def groove_documents(library: Library, example_texts: dict[str, list[str]]) -> list[str]:
    """One bag of words per groove: its name, tags, style names and example texts."""
    docs = []
    for g in library.grooves:
        style = library.styles[g.style]
        docs.append(" . ".join([g.name, *g.tags, *_style_names(style), *example_texts.get(g.id, [])]))
    return docs


def style_documents(library: Library, example_texts: dict[str, list[str]]) -> tuple[list[str], list[str]]:
    """(style keys, one bag of words per style): its names, lore, and all its grooves' words.

    A style's lore ("Piazzolla", "Kirk Franklin") and the traits most of its grooves share
    ("four on the floor" for house) weigh on every groove of the style, even where no
    caption of a particular groove says them.
    """
    keys = sorted(library.styles)
    words: dict[str, list[str]] = {k: [] for k in keys}
    for k in keys:
        style = library.styles[k]
        words[k] += [*_style_names(style), *(w for f in STYLE_LORE_FIELDS for w in getattr(style, f))]
    for g in library.grooves:
        words[g.style] += [g.name, *g.tags, g.description, *example_texts.get(g.id, [])]
    return keys, [" . ".join(words[k]) for k in keys]
