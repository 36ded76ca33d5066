"""Votes: a server's 👍/👎 as a score that nudges the ranking, never overturning relevance."""

from __future__ import annotations

import pytest

from pydrums_engine.errors import InputError
from pydrums_engine.limits import VOTE_NUDGE_MAX
from pydrums_engine.votes import PRIOR_VOTES, vote_nudge, vote_score, vote_scores, wilson_lower_bound


def test_the_wilson_lower_bound_has_its_textbook_values():
    assert wilson_lower_bound(0, 0) == 0.0
    assert wilson_lower_bound(10, 0) == pytest.approx(0.7225, abs=1e-4)
    assert wilson_lower_bound(5, 5) == pytest.approx(0.2366, abs=1e-4)
    with pytest.raises(ValueError, match="cannot be negative"):
        wilson_lower_bound(-1, 0)


def test_no_votes_or_as_many_of_each_is_neutral():
    assert vote_score(0, 0) == 0.5 and vote_score(7, 7) == pytest.approx(0.5)
    assert vote_scores({}, {}) == {}
    assert vote_nudge(0.5) == 0.0


def test_more_upvotes_never_lower_a_score_and_more_downvotes_never_raise_it():
    for up in range(40):
        for down in range(40):
            assert vote_score(up + 1, down) > vote_score(up, down)
            assert vote_score(up, down + 1) < vote_score(up, down)
            assert 0.0 <= vote_score(up, down) <= 1.0
    for up in range(20):
        more = vote_scores({"g": (up + 1, 2)}, {"g": (30, 10)})["g"]
        assert more > vote_scores({"g": (up, 2)}, {"g": (30, 10)})["g"]


def test_a_few_votes_count_for_less_than_many():
    assert 0.5 < vote_score(1, 0) < vote_score(10, 0) < vote_score(100, 0) < 1.0
    assert 0.0 < vote_score(0, 100) < vote_score(0, 10) < vote_score(0, 1) < 0.5


def test_the_other_servers_are_a_prior_the_servers_own_votes_soon_outweigh():
    loved = vote_scores({}, {"g": (100, 0)})["g"]
    assert 0.5 < loved == pytest.approx(vote_score(PRIOR_VOTES, 0))  # a little above neutral, not 100 votes' worth
    assert vote_scores({"g": (0, 5)}, {"g": (100, 0)})["g"] < 0.5  # this server disagrees, and it decides
    assert vote_scores({"g": (3, 0)}, {"g": (0, 50)})["g"] < vote_scores({"g": (3, 0)}, {"g": (50, 0)})["g"]
    assert vote_scores({"g": (2, 0)}, {})["g"] == pytest.approx(vote_score(2, 0))


def test_the_nudge_is_bounded():
    assert vote_nudge(1.0) == pytest.approx(VOTE_NUDGE_MAX)
    assert vote_nudge(0.0) == pytest.approx(-VOTE_NUDGE_MAX)
    assert VOTE_NUDGE_MAX <= 0.05
    for bad in (1.5, -0.1, float("nan")):
        with pytest.raises(InputError, match="a vote score is from 0 to 1"):
            vote_nudge(bad)


def test_a_hundred_upvotes_do_not_lift_an_irrelevant_groove(engine):
    relevant = [h.id for h in engine.similar("laid back reggae one drop", k=3)]
    votes = {"techno-industrial-rumble": vote_score(100, 0)} | {i: vote_score(0, 100) for i in relevant}
    hits = engine.similar("laid back reggae one drop", k=3, votes=votes)
    assert [h.style for h in hits] == ["reggae"] * 3
    assert all(abs(h.parts["votes"]) <= VOTE_NUDGE_MAX + 1e-6 for h in hits)


def test_of_two_equally_relevant_grooves_the_upvoted_one_comes_first(engine):
    shown = "ch: --x---x---x---x-; cp: ----x-------x---; bd: x---x---x---x---"
    first, second = engine.similar(pattern=shown, k=2)
    assert first.score - second.score < 0.01  # two grooves with the very same rhythm here
    for favourite, other in ((second, first), (first, second)):
        hits = engine.similar(pattern=shown, k=2, votes={favourite.id: vote_score(3, 0)})
        assert [h.id for h in hits] == [favourite.id, other.id]
        assert engine.similar(pattern=shown, k=1, votes={other.id: vote_score(0, 3)})[0].id == favourite.id


def test_generate_takes_votes_into_its_retrieval(engine):
    plain = engine.generate("laid back reggae one drop")
    top = plain.examples[0]
    votes = {top: vote_score(0, 100)}
    voted = engine.generate("laid back reggae one drop", votes=votes)
    assert voted.style == "reggae"
    assert voted.examples != plain.examples and voted.examples[0] != top
