"""What `similar` answers: the right styles, different grooves, exact terms honoured."""

from __future__ import annotations

import numpy as np
import pytest

from pydrums_engine import retrieval
from pydrums_engine.errors import InputError


def styles_of(hits):
    return [h.style for h in hits]


def test_groovy_ghost_notes_finds_three_different_funk_or_soul_grooves(engine):
    hits = engine.similar("groovy beat with ghost notes on the snare", k=3)
    assert len({h.id for h in hits}) == 3
    assert set(styles_of(hits)) <= {"funk", "soul", "rnb", "go-go", "gospel"}


def test_trap_with_rolling_hats_finds_trap(engine):
    assert styles_of(engine.similar("trap beat with rolling hi-hats", k=3)) == ["trap"] * 3


@pytest.mark.parametrize(
    ("query", "style"),
    [
        ("one drop", "reggae"),
        ("dembow", "reggaeton"),
        ("funky drums", "funk"),
        ("drum & bass", "drum-and-bass"),
        ("r&b slow jam", "rnb"),
        ("four on the floor house", "house"),
    ],
)
def test_exact_terms_and_style_names_count(engine, query, style):
    assert styles_of(engine.similar(query, k=3)) == [style] * 3


@pytest.mark.parametrize("query", ["jazz waltz: ride on all 3 beats", "a jazz waltz, please", "jazz waltz"])
def test_the_longer_style_name_wins_whatever_punctuation_follows(engine, query):
    assert engine.read(query).styles == ("waltz",)  # not jazz: "waltz:" once hid the longer name


@pytest.mark.parametrize(
    ("query", "styles"),
    [
        ("bass drum on every beat and hi-hat in between", {"house", "techno", "disco"}),
        ("four on the floor kick with open hats on the offbeats", {"house", "techno", "disco"}),
        ("kick on 1 and 3, snare on 2 and 4, eighth hats", {"rock", "pop", "punk", "soul", "motown", "rockabilly"}),
    ],
)
def test_positions_that_state_a_styles_trait_find_that_style(engine, query, styles):
    """No style named, but the positions are a style's defining trait (data/traits.toml):
    "kick on every beat" is house's, techno's or disco's before a rock groove that happens to
    have it; a plain backbeat is rock's or pop's before a tango's."""
    assert set(styles_of(engine.similar(query, k=5))) <= styles


def test_a_style_argument_gives_grooves_of_that_style(engine):
    hits = engine.similar("something with a lot of energy", k=5, style="samba")
    assert styles_of(hits) == ["samba"] * 5
    assert styles_of(engine.similar("party", k=3, style="drum & bass")) == ["drum-and-bass"] * 3


def test_results_are_one_per_groove_best_first(engine):
    hits = engine.similar("rock beat", k=20)
    assert len({h.id for h in hits}) == 20
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    for h in hits:
        assert h.id in engine.library.by_id
        # "rock beat" names a style and nothing else: the style's typical grooves count too
        assert set(h.parts) == {
            "semantic",
            "style_semantic",
            "speed",
            "lexical",
            "style_lexical",
            "style",
            "tempo",
            "grid",
            "typical",
        }


def test_half_time_request_gets_the_half_time_variant(engine):
    hits = engine.similar("half-time rock groove", k=3)
    assert any(h.variant == "half-time" or "half-time" in h.groove.tags for h in hits)
    for h in hits:
        if h.variant == "half-time":
            assert h.pattern.bars == 2 * h.groove.pattern.bars


def test_unknown_style_and_empty_query_are_input_errors(engine):
    with pytest.raises(InputError, match="unknown style 'polka-core'"):
        engine.similar("beat", style="polka-core")
    with pytest.raises(InputError, match="query is empty"):
        engine.similar("   ")
    with pytest.raises(InputError, match="k must be from 1 to 50"):
        engine.similar("beat", k=0)


def test_without_a_model_search_falls_back_to_lexical_and_says_so(tmp_path):
    from tests.conftest import DATA_DIR, make_engine

    engine = make_engine(DATA_DIR, tmp_path / "index", None)
    hits = engine.similar("one drop reggae", k=3)
    assert styles_of(hits) == ["reggae"] * 3
    assert all(h.parts["semantic"] == 0 for h in hits)
    assert engine.info(check_ollama=False)["index"]["state"] == "lexical only"


def test_engine_load_with_a_missing_model_degrades_to_lexical(tmp_path):
    from pydrums_engine.engine import Engine

    engine = Engine.load(model=str(tmp_path / "no-such-model"), index_dir=tmp_path / "index", use_llm=False)
    info = engine.info(check_ollama=False)
    assert info["index"]["state"] == "lexical only"
    assert "could not be loaded" in info["index"]["note"]
    assert engine.similar("dembow", k=1)[0].style == "reggaeton"


def test_bass_drum_and_kick_are_one_word_to_the_lexical_score(engine):
    """A drummer writes either; the instrument table says they are the same drum."""
    retriever = engine._state.retriever
    for scorer in (retriever.lexical, retriever.style_lexical):
        kick = scorer.scores("kick on every beat")
        assert kick.max() > 0
        for spelling in ("bass drum on every beat", "Kick drum on every beat", "bassdrum on every beat"):
            assert (scorer.scores(spelling) == kick).all(), spelling


def test_a_word_pair_across_a_comma_is_not_a_term():
    """The words "3, snare" are the end of one phrase and the start of the next: as the pair "3 snare"
    it was rare enough to carry a whole request to drum and bass."""
    from pydrums_engine.lexical import Terms

    terms = Terms.terms("kick on 1 and 3, snare on 2 and 4. Eighth hats; 6/8 r&b")
    assert {"kick on", "on 1", "and 3", "snare on", "eighth hats", "6/8 rnb"} <= terms
    assert not {"3 snare", "4 eighth", "hats 6/8"} & terms


def test_a_plain_backbeat_spelled_out_finds_backbeat_styles_not_drum_and_bass(engine):
    hits = engine.similar("kick on 1 and 3, snare on 2 and 4, eighth hats", k=3)
    assert "drum-and-bass" not in styles_of(hits)
    assert all(h.pattern.tracks["sd"][4] in "xX" for h in hits)


def test_straight_ahead_describes_the_rock_it_comes_before_not_jazz(engine):
    """The words "straight ahead" are a jazz phrase and an adjective: before "pub rock" it is the latter."""
    assert engine.read("straight ahead pub rock like ac/dc in the back in black era").styles == ("rock",)
    assert "jazz" in engine.read("straight-ahead jazz with brushes").styles


@pytest.mark.parametrize("query", ["dubstep beat pls", "dubstep", "can i get a dubstep groove please"])
def test_a_bare_style_name_gets_the_styles_typical_groove_first(engine, query):
    """Nothing but the style said: the first answer plays what the style's grooves share (a
    dubstep snare or clap on 3), not a variant whose phrasings happen to share "beat"."""
    top = engine.similar(query, k=1)[0]
    steps = dict(top.groove.pattern.track_items)
    assert top.style == "dubstep"
    assert any(steps.get(code, "-" * 16)[8] in "xX" for code in ("sd", "cp")), top.id


def test_words_that_name_a_variant_still_find_it(engine):
    assert engine.similar("dark tribal dubstep with toms", k=1)[0].id == "dubstep-tribal-toms"
    assert engine.similar("reggae ska", k=1)[0].id.startswith("reggae-ska")


def test_a_scene_one_groove_of_a_style_speaks_of_lifts_the_whole_style(engine):
    """A style's lore is spread over its grooves (one scene line each): a request painting a
    scene finds the style, not whichever other style shares a word with it ("bar", "road")."""
    hits = engine.similar("dust, horses, long road, whisky in wooden bar and a sad man with guitar", k=3)
    assert set(styles_of(hits)) <= {"country", "blues", "shuffle"}


def test_a_styles_semantic_score_is_the_mean_of_its_two_best_grooves(engine):
    retriever = engine._state.retriever
    styles = np.array([g.style for g in engine.library.grooves])
    semantic = np.zeros(len(styles), dtype=np.float32)
    jazz = np.flatnonzero(styles == "jazz")
    semantic[jazz[0]], semantic[jazz[1]] = 0.9, 0.5
    lifted = retriever._style_semantic(semantic)
    assert np.allclose(lifted[jazz], 0.7)  # every jazz groove, not only the one that matched
    assert np.allclose(lifted[styles != "jazz"], 0.0)


def test_the_grid_fit_is_kept_per_constraint_within_its_bound(engine, monkeypatch):
    """A constraint's fit over the library is computed once ("snare on 2 and 4" comes back
    often) and the table stays bounded, with the same ranking as computed afresh."""
    retriever = engine._state.retriever
    monkeypatch.setattr(retriever, "_closeness", {})
    monkeypatch.setattr(retrieval, "CLOSENESS_KEPT", 2)
    first = [h.id for h in engine.similar("kick on 1 and 3, snare on 2 and 4, hats on 8ths", k=5)]
    assert len(retriever._closeness) == 2  # three constraints, two kept
    again = [h.id for h in engine.similar("kick on 1 and 3, snare on 2 and 4, hats on 8ths", k=5)]
    assert again == first
    monkeypatch.setattr(retriever, "_closeness", {})
    monkeypatch.setattr(retrieval, "CLOSENESS_KEPT", 1024)
    assert [h.id for h in engine.similar("kick on 1 and 3, snare on 2 and 4, hats on 8ths", k=5)] == first


@pytest.mark.parametrize(
    ("query", "styles"),
    [
        ("the big band closes with a rock tune (dont ask), need a plain rock beat", ("rock", "jazz")),
        ("like a disco track but make it a house beat", ("house", "disco")),
        ("funk rock beat", ("funk", "rock")),  # one style beside another: the first leads
        ("reggae one drop pls. it keeps coming out like a rock beat", ("reggae", "rock")),  # a complaint, no wish
        ("jazz ride pattern over a boom bap kick and snare", ("hip-hop", "jazz")),  # what it is played over
        ("latin percussion on top of a house groove", ("house", "latin")),
    ],
)
def test_the_style_asked_for_is_planned_before_one_only_mentioned(engine, query, styles):
    assert engine.read(query).styles == styles
