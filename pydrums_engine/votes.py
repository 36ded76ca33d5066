"""Votes (👍/👎 on the bot's replies) as scores that nudge the library's ranking.

    wilson_lower_bound(up, down)     the share of upvotes we are ~95% sure of, 0..1
    vote_score(up, down)             0.5 with no votes; above with more 👍, below with more 👎
    vote_scores(guild, everywhere)   {groove id: score} for one server, all servers as the prior
    vote_nudge(score)                what a score adds to a search score, within ±VOTE_NUDGE_MAX

The score of ``up`` and ``down`` votes is

    score = 0.5 + (wilson_lower_bound(up, down) - wilson_lower_bound(down, up)) / 2

the surest share of upvotes against the surest share of downvotes. It is exactly the
centre of the Wilson interval, (p + z²/2n) / (1 + z²/n) with p = up / n: 0.5 with no votes
or as many of each, 0.60 for one 👍, 0.86 for ten, 0.98 for a hundred, and every further
upvote raises it (every downvote lowers it), so a few votes count for little and many for
more, but never past 1.

Per server first: a server's own votes count in full. The votes of every server are its
prior, shrunk to at most `PRIOR_VOTES` pseudo-votes in the same proportion, so a groove
loved everywhere starts a little above neutral on a new server and the server's own
votes soon outweigh that. Everything here is pure: the bot's database supplies the counts.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from .errors import InputError
from .limits import VOTE_NUDGE_MAX

Z_95 = 1.96  # the normal quantile of a two-sided 95% interval
NEUTRAL = 0.5  # the score of a groove nobody voted on
PRIOR_VOTES = 4.0  # the most pseudo-votes the other servers' opinion is worth on one server


def wilson_lower_bound(up: float, down: float, z: float = Z_95) -> float:
    """The lower end of the Wilson score interval for the share of upvotes, 0..1 (0 with no votes).

    Counts may be fractional (pseudo-votes from a prior); negative counts are a ValueError.
    """
    if up < 0 or down < 0:
        raise ValueError(f"vote counts cannot be negative (up {up}, down {down})")
    n = up + down
    if n == 0:
        return 0.0
    p = up / n
    z2 = z * z
    centre = p + z2 / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return max(0.0, (centre - spread) / (1 + z2 / n))


def vote_score(up: float, down: float, z: float = Z_95) -> float:
    """0.5 with no votes (or as many of each), towards 1 with upvotes, towards 0 with downvotes."""
    return NEUTRAL + (wilson_lower_bound(up, down, z) - wilson_lower_bound(down, up, z)) / 2


def vote_scores(guild: Mapping[str, tuple[int, int]], everywhere: Mapping[str, tuple[int, int]]) -> dict[str, float]:
    """{groove id: score} from (up, down) counts on one server and on all servers.

    A groove's score is `vote_score` of its server counts plus the all-server counts scaled
    down to at most `PRIOR_VOTES` votes in all (the same share of ups). Grooves with no votes
    anywhere are left out: a missing id is neutral (0.5).
    """
    scores: dict[str, float] = {}
    for groove_id in set(guild) | set(everywhere):
        up, down = guild.get(groove_id, (0, 0))
        all_up, all_down = everywhere.get(groove_id, (0, 0))
        total = all_up + all_down
        shrink = min(1.0, PRIOR_VOTES / total) if total else 0.0
        scores[groove_id] = vote_score(up + shrink * all_up, down + shrink * all_down)
    return scores


def vote_nudge(score: float) -> float:
    """What a vote score adds to a search score: 0 when neutral, ±`VOTE_NUDGE_MAX` at the ends.

    Bounded and small, so votes reorder grooves that are about equally relevant and never
    lift an irrelevant one over a relevant one.
    """
    if not 0.0 <= score <= 1.0:  # also catches NaN
        raise InputError(f"a vote score is from 0 to 1 (votes.vote_scores makes them), not {score}")
    return 2 * (score - NEUTRAL) * VOTE_NUDGE_MAX
