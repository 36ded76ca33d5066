"""The constraints eval's oracle (benchmarks/eval_constraints.py), without the engine.

Every request in benchmarks/eval/constraints.toml must parse, and each kind of check must
pass on a grid that has the trait and fail on one that lacks it.
"""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher
from types import SimpleNamespace

import pytest

from benchmarks.eval_constraints import (
    DEV_REQUESTS,
    KINDS,
    SPLITS,
    compile_expect,
    evaluate,
    load_requests,
    parse_args,
    parse_check,
    print_report,
    report,
    says_a_miss,
)
from pydrums_engine.notation import METERS, Pattern

# A blind writer may, by chance, type what an earlier batch asked: these pairs were found after writing,
# kept as written (the batches are not edited), and their figures are given with and without them.
COINCIDENCES = {
    frozenset({"f8-no-hats-ride", "f5-neg-without-hihat"}),
    frozenset({"f10-bars-eight-boombap", "fresh-bars-8-bossa"}),  # another style, the same bar count
    frozenset({"f12-style-disco-oh", "f9-disco-discord"}),
    frozenset({"f12-neg-reggae-nothing-on-one", "pos-nothing-on-one"}),
    # fresh13: terse requests ("deep house") meet earlier ones word for word
    frozenset({"f13-kick13-snare24-terse", "f10-pos-terse"}),
    frozenset({"f13-deep-house", "f12-style-deep-house"}),
    frozenset({"f13-disco-open-hats", "f9-disco-discord"}),
    frozenset({"f13-disco-open-hats", "f12-style-disco-oh"}),
    frozenset({"f13-seven-eight-223", "f8-7-8-groups"}),
    frozenset({"f15-prog-seven-eight", "f13-seven-eight-223"}),  # fresh15: a 7/8 grouping again
    frozenset({"f16-tom-fill-end", "f14-tom-fill-end"}),  # fresh16: a tom fill at the end again
    # fresh17 and fresh18 (written at the start of the 2026-12-06 session, apart): terse asks again
    frozenset({"f17-house-pls", "f18-house-pls"}),
    frozenset({"f17-in-five-take-five", "meter-5-4-take-five"}),
    frozenset({"f17-rock-tom-fill", "f10-fill-rock-toms"}),
    frozenset({"f17-half-time-snare-3", "f8-half-time-no-2-4"}),
    frozenset({"f18-cowbell-quarters", "f13-cowbell-quarters"}),
    frozenset({"f18-take-five", "f13-five-four-take-five"}),
    frozenset({"f18-78-two-two-three", "f8-7-8-groups"}),
    frozenset({"f18-78-two-two-three", "f13-seven-eight-223"}),
    frozenset({"f18-snare-fill-end", "f10-fill-snare-short"}),
    frozenset({"f18-no-hats-kick-snare-toms", "f9-no-hats-tribal"}),
    # fresh19 (written at the end of the same session): a 7/8 2+2+3 once more, a 5/4, claps for a snare
    frozenset({"f19-7-8-223-kick-groups", "f8-7-8-groups"}),
    frozenset({"f19-7-8-223-kick-groups", "f18-78-two-two-three"}),
    frozenset({"f19-5-4-kick-1-4", "fresh2-meter-5-4-three-plus-two"}),
    frozenset({"f19-claps-not-snare", "f18-no-snare-claps"}),
    # fresh20-22 (written at the start of the 2026-12-06 second session, apart): the 7/8 2+2+3
    # for the sixth time, a 6/8 ballad, Berlin and warehouse techno, eight bars of rock
    frozenset({"f20-berlin-techno", "f18-berlin-techno"}),
    frozenset({"f20-seven-eight-223", "f8-7-8-groups"}),
    frozenset({"f20-seven-eight-223", "f13-seven-eight-223"}),
    frozenset({"f20-seven-eight-223", "f18-78-two-two-three"}),
    frozenset({"f20-seven-eight-223", "f19-7-8-223-kick-groups"}),
    frozenset({"f20-seven-eight-223", "f21-7-8-group-starts"}),
    frozenset({"f20-six-eight-ballad", "f5-meter-six-eight-ballad"}),
    frozenset({"f20-six-eight-ballad", "f8-6-8-ballad"}),
    frozenset({"f21-7-8-group-starts", "f8-7-8-groups"}),
    frozenset({"f21-7-8-group-starts", "f18-78-two-two-three"}),
    frozenset({"f22-kik-one-two-and", "f16-kik-1-2and-snare-24"}),
    frozenset({"f22-warehouse-techno", "f10-style-warehouse-techno"}),
    frozenset({"f22-eight-bars-rock", "f19-eight-bars-rock"}),
    # fresh23-24 (written at the end of the same session): a 9/8 grouping, a rock tom fill
    frozenset({"f24-nine-eight-group-kicks", "f12-meter-balkan-98"}),
    frozenset({"f24-rock-tom-fill", "f13-rock-tom-fill"}),
    # fresh25-26 (written at the start of the 2026-12-06 third session, apart; found by id only,
    # before any run): a kick on 1, the & of 2 and 3, a 7/8 grouping twice, a 6/8 ballad, a short
    # snare roll, claps instead of the snare for the fifth time
    frozenset({"f25-kick-1-2and-3", "f20-kick-1-2and-3"}),
    frozenset({"f25-seven-eight-groups", "f22-seven-eight-groups"}),
    frozenset({"f25-six-eight-ballad", "f5-meter-six-eight-ballad"}),
    frozenset({"f25-snare-roll-end", "f10-fill-snare-short"}),
    frozenset({"f25-claps-not-snare", "f6-neg-clap-not-snare"}),
    frozenset({"f25-claps-not-snare", "f18-no-snare-claps"}),
    frozenset({"f25-claps-not-snare", "f19-claps-not-snare"}),
    frozenset({"f25-claps-not-snare", "f21-no-snare-claps"}),
    frozenset({"f26-78-three-two-two", "f23-meter-78-322-kicks"}),
    # fresh27-28 (written mid-session, apart; found by id only, before any run): a one-drop riddim,
    # liquid drum and bass, a 7/8 kick on each group twice, a four-bar tom fill, a 9/8 grouping
    frozenset({"f27-one-drop-riddim", "f20-one-drop-riddim"}),
    frozenset({"f27-liquid-dnb", "f20-liquid-dnb"}),
    frozenset({"f27-7-8-kick-each-group", "f22-seven-eight-groups"}),
    frozenset({"f27-7-8-kick-each-group", "f25-seven-eight-groups"}),
    frozenset({"f27-4-bars-tom-fill", "fill-4-bars-tom"}),
    frozenset({"f28-98-kick-group-starts", "f4-meter-9-8-2223"}),
    frozenset({"f28-98-kick-group-starts", "f12-meter-balkan-98"}),
    frozenset({"f28-98-kick-group-starts", "f24-nine-eight-group-kicks"}),
    # fresh29-30 (written late in the session, apart; found by id only, before any run): a kick on
    # 1, the & of 2 and 3 (twice), hats on the ands, a tom fill at the end, no hats on a tribal
    # groove for the fifth time, the kick kept off the backbeat
    frozenset({"f29-kcik-1-2and-3", "f20-kick-1-2and-3"}),
    frozenset({"f29-hats-only-ands", "pos-hats-on-ands"}),
    frozenset({"f29-groove-tom-fill", "f14-tom-fill-end"}),
    frozenset({"f29-groove-tom-fill", "f16-tom-fill-end"}),
    frozenset({"f29-no-hats-kick-snare-toms", "f9-no-hats-tribal"}),
    frozenset({"f29-no-hats-kick-snare-toms", "f18-no-hats-kick-snare-toms"}),
    frozenset({"f29-no-hats-kick-snare-toms", "f24-no-hats-kick-snare-toms"}),
    frozenset({"f29-no-hats-kick-snare-toms", "f25-no-hats-tribal"}),
    frozenset({"f29-kick-off-backbeat", "f6-neg-kick-off-2-4"}),
    frozenset({"f30-kik-1-2and-snare-3", "f17-kick-1-2and-snare-3"}),
    # fresh31-34 (written at the start of the 2026-12-06 sixth session, apart; found by id only,
    # before any run): a doom 6/8 with the snare on 4, a 7/8 counted 2+2+3
    frozenset({"f31-68-doom", "f17-six-eight-kick-1-snare-4"}),
    frozenset({"f31-78-djent", "f20-seven-eight-223"}),
    # fresh35-36 (written mid-session, apart; found by id only, before any run): the 7/8 2+2+3 again
    frozenset({"f36-78-groups", "f8-7-8-groups"}),
    frozenset({"f36-78-groups", "f18-78-two-two-three"}),
    # fresh37-38 (written at the end of the session, apart; found by id only, before any run): a
    # minimal house edit, the 7/8 2+2+3 twice more, no hats on a tom groove, a tom fill into the chorus
    frozenset({"f37-deep-house-minimal", "f31-house-edit"}),
    frozenset({"f37-7-8-223", "f20-seven-eight-223"}),
    frozenset({"f37-no-hats-toms-groove", "f25-no-hats-tribal"}),
    frozenset({"f37-no-hats-toms-groove", "f29-no-hats-kick-snare-toms"}),
    frozenset({"f38-seven-eight-groups", "f9-78-223"}),
    frozenset({"f38-tom-fill-into-chorus", "f35-tom-fill-into-chorus"}),
    # fresh43-46 (written at the start of the 2026-12-06 eighth session, apart; found by id only,
    # before any run): open hats on the offbeats for a deep set, no hats on a tribal groove, a
    # rock groove with a tom fill
    frozenset({"f44-style-late-night-offbeats", "f40-house-open-hats"}),
    frozenset({"f45-house-deep-set", "f40-house-open-hats"}),
    frozenset({"f45-no-hats-tribal", "f9-no-hats-tribal"}),
    frozenset({"f45-no-hats-tribal", "f18-no-hats-kick-snare-toms"}),
    frozenset({"f45-no-hats-tribal", "f29-no-hats-kick-snare-toms"}),
    frozenset({"f45-rock-tom-fill", "f37-rock-tom-fill"}),
    frozenset({"f47-tom-fill-chorus", "f35-tom-fill-into-chorus"}),
    frozenset({"f47-tom-fill-chorus", "f38-tom-fill-into-chorus"}),
    frozenset({"f50-78-two-two-three", "f8-7-8-groups"}),
    frozenset({"f50-78-two-two-three", "f13-seven-eight-223"}),
    frozenset({"f50-78-two-two-three", "f18-78-two-two-three"}),
    frozenset({"f50-78-two-two-three", "f19-7-8-223-kick-groups"}),
    frozenset({"f50-78-two-two-three", "f20-seven-eight-223"}),
    frozenset({"f50-78-two-two-three", "f21-7-8-group-starts"}),
    frozenset({"f50-78-two-two-three", "f36-78-groups"}),
    frozenset({"f50-no-hats-8bit", "f10-neg-no-hats"}),
    frozenset({"f51-128-slow-blues", "f44-meter-128-blues"}),  # the 12/8 slow blues, typed alike by two blind writers
    frozenset({"f53-six-eight-lofi", "f45-six-eight-ballad"}),
    frozenset({"f53-boombap-tom-fill", "f45-rock-tom-fill"}),
    frozenset({"f55-vamp-til-cue", "f35-pop-verse-push"}),  # fresh55-58: the common shapes again, typed alike
    frozenset({"f55-seven-eight-letter-c", "f13-seven-eight-223"}),
    frozenset({"f55-seven-eight-letter-c", "f20-seven-eight-223"}),
    frozenset({"f58-claps-not-snare", "f25-claps-not-snare"}),
    frozenset({"f58-tom-fill-into-chorus", "f35-tom-fill-into-chorus"}),
    frozenset({"f58-tom-fill-into-chorus", "f38-tom-fill-into-chorus"}),
    frozenset({"f58-tom-fill-into-chorus", "f47-tom-fill-chorus"}),
    frozenset({"f58-68-ride-no-hats-fill", "f47-68-ride-no-hats-fill"}),
    frozenset({"f62-68-ballad-six-eighths", "f41-gospel-68-ballad"}),  # fresh62: a 6/8 ballad with six hats again
    # fresh63-66 (written side by side, apart): terse asks and a 7/8 2+2+3 once more
    frozenset({"f63-verse-kick-and-of-2", "f47-pocket-kick-and-of-2"}),
    frozenset({"f63-tom-fill-into-chorus", "f64-fill-shuffle-toms"}),
    frozenset({"f64-meter-five-four-tune", "f41-five-four-folk"}),
    frozenset({"f65-four-bars-rock", "f39-four-bars-rock"}),
    frozenset({"f65-rock-tom-fill", "f14-tom-fill-end"}),
    frozenset({"f65-rock-tom-fill", "f16-tom-fill-end"}),
    frozenset({"f65-rock-tom-fill", "f29-groove-tom-fill"}),
    frozenset({"f66-seven-eight-vamp", "f13-seven-eight-223"}),
    frozenset({"f66-seven-eight-vamp", "f20-seven-eight-223"}),
    frozenset({"f66-seven-eight-vamp", "f55-seven-eight-letter-c"}),
    # fresh67-70: a 6/8 ballad again; "4 bars ... a tom fill at the end going into the chorus" again
    frozenset({"f67-68-ballad", "f41-gospel-68-ballad"}),
    frozenset({"f67-tom-fill-into-chorus", "f35-tom-fill-into-chorus"}),
    frozenset({"f67-tom-fill-into-chorus", "f38-tom-fill-into-chorus"}),
    frozenset({"f67-tom-fill-into-chorus", "f47-tom-fill-chorus"}),
    frozenset({"f67-tom-fill-into-chorus", "f58-tom-fill-into-chorus"}),
    frozenset({"f67-tom-fill-into-chorus", "f68-tom-fill-into-chorus"}),
    frozenset({"f68-tom-fill-into-chorus", "f33-tom-fill-into-chorus"}),
    frozenset({"f68-tom-fill-into-chorus", "f35-tom-fill-into-chorus"}),
    frozenset({"f68-tom-fill-into-chorus", "f38-tom-fill-into-chorus"}),
    frozenset({"f68-tom-fill-into-chorus", "f47-tom-fill-chorus"}),
    frozenset({"f68-tom-fill-into-chorus", "f58-tom-fill-into-chorus"}),
    frozenset({"f67-verse-bd-1-and-2and", "f35-pop-verse-push"}),
    frozenset({"f71-balkan-seven-eight", "f68-balkan-seven-eight"}),
    frozenset({"f73-nothing-on-the-one", "f37-nothing-on-the-one"}),
    frozenset({"f74-six-eight-slow", "f62-68-ballad-six-eighths"}),
    # fresh79-82 (written side by side, apart; found by id only, before any run): the 7/8 2+2+3,
    # a 2/4 polka, quarter-note cowbell, a 5/4 "take five" ride, 4 bars of rock, a tom fill at the end
    frozenset({"f79-seven-eight-223", "f8-7-8-groups"}),
    frozenset({"f79-seven-eight-223", "f13-seven-eight-223"}),
    frozenset({"f79-seven-eight-223", "f18-78-two-two-three"}),
    frozenset({"f79-seven-eight-223", "f19-7-8-223-kick-groups"}),
    frozenset({"f79-seven-eight-223", "f20-seven-eight-223"}),
    frozenset({"f79-seven-eight-223", "f21-7-8-group-starts"}),
    frozenset({"f79-seven-eight-223", "f31-78-djent"}),
    frozenset({"f79-seven-eight-223", "f36-78-groups"}),
    frozenset({"f79-seven-eight-223", "f37-7-8-223"}),
    frozenset({"f79-seven-eight-223", "f50-78-two-two-three"}),
    frozenset({"f79-seven-eight-223", "f66-seven-eight-vamp"}),
    frozenset({"f80-polka-punk-24", "f43-polka-two-four"}),
    frozenset({"f82-cowbel-quarters", "f18-cowbell-quarters"}),
    frozenset({"f82-five-four-ride", "f45-five-four-caps"}),
    frozenset({"f82-4-bars-rock", "f39-four-bars-rock"}),
    frozenset({"f82-tom-fill-end", "f14-tom-fill-end"}),
    frozenset({"f82-tom-fill-end", "f65-rock-tom-fill"}),
    # fresh83-86 (written side by side, apart; found by id only, before any run): "a tom fill at the end going
    # into the chorus" again
    frozenset({"f85-afro-tom-fill", "f63-tom-fill-into-chorus"}),
    frozenset({"f85-afro-tom-fill", "f64-fill-shuffle-toms"}),
    # fresh87-90 (found before any run): 7/8 as 2+2+3 once more, an ending fill, a ballad's cross-stick
    frozenset({"f88-seven-eight-two-two-three", "f79-seven-eight-223"}),
    frozenset({"f88-snare-semiquaver-fill", "f45-quick-snare-fill"}),
    frozenset({"f90-ballad-cross-stick", "f20-xstick-soft-ballad"}),
    # fresh91-94 (found before any run): 7/8 as 2+2+3 with the kick on each group once more; a tom fill into the chorus
    *(
        frozenset({"f91-bridge-seven-eight", other})
        for other in (
            "f8-7-8-groups",
            "f20-seven-eight-223",
            "f50-78-two-two-three",
            "f55-seven-eight-letter-c",
            "f66-seven-eight-vamp",
            "f79-seven-eight-223",
        )
    ),
    frozenset({"f91-tom-fill-into-chorus", "f66-fill-into-shout"}),
}
# held-out requests a development request happens to type word for word ("house beat pls"):
# written apart and before it, but tuned on through it, so reported apart when measured
TYPED_IN_DEV = {
    "f17-house-pls", "f17-seven-eight-pls", "f17-four-bar-rock", "f17-rock-tom-fill",
    "f18-house-pls", "f18-take-five", "f18-four-bar-rock", "f18-snare-fill-end",
    "f20-claps-not-snare", "f20-one-drop-riddim", "f20-hats-upbeats-only", "f21-no-snare-claps", "f22-two-bar-funk",
    "f27-one-drop-riddim",  # typed by d51, written the same session, apart
    "f29-one-drop-roots",  # typed by d63, the same
    "f31-rock-tom-fill",  # typed by d52, written a session earlier
    "f37-rock-tom-fill",  # typed by d31, written sessions earlier
    "f65-rock-tom-fill",  # typed by d31 ("rock beat with a tom fill at the end"), written sessions earlier
    "f79-seven-eight-223",  # typed by d3 word for word, written sessions earlier
    "f80-four-bars-dbeat",  # typed by d45 ("4 bars of d-beat"), the same
}  # fmt: skip
FRESH = ("fresh", *(f"fresh{n}" for n in range(2, 95)))  # held-out batches that name their split, in order


def grid(meter: str = "4/4", spb: int | None = None, bars: int = 1, **tracks: str) -> Pattern:
    """A pattern repeating the given tracks ``bars`` times."""
    length = len(next(iter(tracks.values())))
    full = {code: steps * bars for code, steps in tracks.items()}
    if spb is None:  # an eighth-note grid when a bar of the meter does not fit
        spb = METERS[meter].steps_per_bar
        spb = spb if length % spb == 0 else spb // 2
    return Pattern.from_tracks(full, meter, spb)


def worded_alike(a: str, b: str) -> bool:
    """Nearly the same words: SequenceMatcher's ratio >= 0.8, its cheap upper bounds first
    (the batches are compared with every earlier one; the full ratio alone took minutes)."""
    matcher = SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= 0.8 and matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8


def failures(expect: list[str], pattern: Pattern) -> list[str]:
    return [check for check, _ in evaluate(compile_expect(expect), pattern)]


def test_every_request_parses_and_splits():
    requests = load_requests()
    assert len(requests) >= 66
    assert len({r["id"] for r in requests}) == len(requests)
    assert {r["kind"] for r in requests} == set(KINDS)
    for r in requests:
        assert r["expect"], r["id"]
        assert r["expectation"].texts == r["expect"]
    ruled = [r for r in requests if r["split"] not in FRESH]  # split by the every-third rule
    for kind, n in Counter(r["kind"] for r in ruled).items():
        held = [r for r in ruled if r["kind"] == kind and r["split"] == "holdout"]
        assert len(held) == n // 3


def test_the_fresh_batch_keeps_its_split_and_leaves_the_others_alone():
    requests = load_requests()
    fresh = [r for r in requests if r["split"] == "fresh"]
    assert len(fresh) == 36
    assert {r["kind"] for r in fresh} == set(KINDS)
    assert all(r["id"].startswith("fresh-") for r in fresh)
    # appended after the first batch: its seeds and every-third splits are unchanged
    first = [r for r in requests if r["split"] not in FRESH]
    assert [r["seed"] for r in first] == list(range(len(first)))
    assert [r["id"] for r in first if r["split"] == "holdout"][:3] == [
        "pos-snare-2and-4",
        "pos-no-kick-on-1",
        "pos-quarter-ride",
    ]


LAST = int(FRESH[-1].removeprefix("fresh"))  # fresh2 ... fresh{LAST}, appended in order, 36 requests each


@pytest.mark.parametrize(("split", "position"), [(f"fresh{n}", -36 * (LAST - n + 1)) for n in range(2, LAST + 1)])
def test_each_later_fresh_batch_has_its_own_split_and_the_same_proportions(split, position):
    requests = load_requests()
    batch = [r for r in requests if r["split"] == split]
    assert Counter(r["kind"] for r in batch) == Counter(r["kind"] for r in requests if r["split"] == "fresh")
    proportions = dict(positions=8, style=6, meter=5, bars=4, fill=4, negative=5, mixed=4)
    assert Counter(r["kind"] for r in batch) == proportions
    prefix = "fresh2-" if split == "fresh2" else f"f{split.removeprefix('fresh')}-"
    assert all(r["id"].startswith(prefix) for r in batch)
    # appended in order: the earlier requests keep their seeds
    assert [r["split"] for r in requests[position:][:36]] == [split] * 36
    assert [r["seed"] for r in requests] == list(range(len(requests)))
    # new wording: a request worded almost like an earlier one asks something else of the grid
    earlier = [r for r in requests if r["split"] != split]
    for r in batch:
        text = r["text"].lower()
        copies = [o for o in earlier if o["expect"] == r["expect"] and worded_alike(text, o["text"].lower())]
        assert all(frozenset({r["id"], o["id"]}) in COINCIDENCES for o in copies), r["id"]


SPENT = {"tune", "holdout", "fresh", *(f"fresh{n}" for n in range(2, 95))}  # every batch measured (2026-12-07)


def test_the_development_set_is_apart_from_the_held_out_one():
    """The tuned-on set lives in its own file, all of it split "dev", none of its ids or
    wordings in the held-out file (run alone with --split dev, never part of "all")."""
    dev = load_requests(DEV_REQUESTS)
    held = load_requests()
    assert len(dev) >= 4320 and {r["split"] for r in dev} == {"dev"}
    assert {r["kind"] for r in dev} == set(KINDS)
    assert len({r["id"] for r in dev}) == len(dev)
    assert not {r["id"] for r in dev} & {r["id"] for r in held}
    # a dev request typed word for word like a held-out one ("house beat pls") would make that
    # one seen: allowed only with batches measured and spent before the dev set grew past them
    held_by_text: dict[str, list[dict]] = {}
    for r in held:
        held_by_text.setdefault(r["text"].lower(), []).append(r)
    twins = [h for r in dev for h in held_by_text.get(r["text"].lower(), [])]
    assert all(h["split"] in SPENT or h["id"] in TYPED_IN_DEV for h in twins), twins
    assert "dev" not in {r["split"] for r in held}


def test_split_can_be_chosen_on_the_command_line():
    assert ("tune", "holdout", *FRESH, "dev") == SPLITS  # reported in the order they were written
    for split in SPLITS:
        assert parse_args(["--split", split]).split == split
    assert parse_args([]).split == "all"
    with pytest.raises(SystemExit):
        parse_args(["--split", "fresh95"])


def test_an_explicit_split_wins_and_an_unknown_one_is_an_error(tmp_path):
    path = tmp_path / "c.toml"
    body = '[[request]]\nid = "r{n}"\nkind = "bars"\ntext = "t"\nexpect = ["bars 2"]\n{extra}\n'
    extras = {1: 'split = "fresh"', 3: 'split = "fresh2"'}
    path.write_text("".join(body.format(n=n, extra=extras.get(n, "")) for n in range(5)))
    assert [r["split"] for r in load_requests(path)] == ["tune", "fresh", "tune", "fresh2", "holdout"]
    path.write_text(body.format(n=0, extra='split = "spent"'))
    with pytest.raises(ValueError, match="spent"):
        load_requests(path)


def test_the_report_shows_each_fresh_split_as_its_own_table(capsys):
    rows = [
        {"id": f"r{i}", "kind": "bars", "split": split, "source": "library", "honoured": i % 2 == 0}
        | {"failed": [], "checks": 1, "seconds": 0.1, "says_a_miss": i == 3}
        for i, split in enumerate(["tune", "holdout", "fresh", "fresh", "fresh2", "fresh2", "fresh2"])
    ]
    summary = report(rows, "all")
    assert list(summary) == ["tune", "holdout", "fresh", "fresh2", "all"]
    assert summary["fresh"]["overall"] == {"n": 2, "honoured": 1, "share": 0.5}
    assert summary["fresh2"]["overall"] == {"n": 3, "honoured": 2, "share": 0.667}
    assert list(report([r for r in rows if r["split"] == "fresh"], "fresh")) == ["fresh"]
    assert list(report([r for r in rows if r["split"] == "fresh2"], "fresh2")) == ["fresh2"]
    print_report(summary, rows, {"host": "h", "model": "m", "asked": False}, [])
    out = capsys.readouterr().out
    assert "\nfresh: requests fully honoured" in out
    assert "\nfresh2: requests fully honoured" in out
    assert "  [f2] r5 (library, SHOWN AS RIGHT)" in out
    assert "  [f] r3 (library, said)" in out
    assert summary["fresh2"]["misses_shown_as_right"] == 1  # r5; r3 said so, r4 and r6 were honoured
    assert summary["all"]["misses_shown_as_right"] == 2  # r1 and r5


def test_a_miss_counts_as_said_only_when_the_reply_says_it():
    def reply(honoured: bool, unread: tuple[str, ...]) -> SimpleNamespace:
        return SimpleNamespace(check=SimpleNamespace(honoured=honoured), intent=SimpleNamespace(not_understood=unread))

    assert not says_a_miss(reply(True, ()))  # every ✓ and nothing left out: shown as right
    assert says_a_miss(reply(False, ()))  # a ✗ in the reply
    assert says_a_miss(reply(True, ("kick on the tim-ri",)))  # words named as not understood


HOUSE = dict(bd="x---x---x---x---", cp="----x-------x---", oh="--x---x---x---x-", ch="x-x-x-x-x-x-x-x-")
HOUSE_NO_3 = HOUSE | {"bd": "x---x-------x---"}

# (checks, a grid that has the trait, a grid that lacks it)
CASES = [
    (["bd on 1,2,3,4"], grid(**HOUSE), grid(**HOUSE_NO_3)),
    (["bd on beats"], grid(**HOUSE), grid(**HOUSE_NO_3)),
    (["bd on 1,3&"], grid(bd="x---------x-----"), grid(bd="x-------x-------")),
    (["bd only 1,3"], grid(bd="x---o---x-------"), grid(bd="x---x---x-------")),
    (["bd only 1,3"], grid(bd="x-------x-------"), grid(bd="x---------------")),
    (["sd|cp on 2,4"], grid(cp="----x-------x---"), grid(sd="----o-------x---")),
    (["oh on 1&,2&,3&,4&"], grid(**HOUSE), grid(oh="--x---x---x-----")),
    (
        ["* off 1"],
        grid(bd="--x-----x-------", sd="----x-------x---"),
        grid(bd="--x-----x-------", ch="x---------------"),
    ),
    (["bd off 1"], grid(bd="--x-----x-------"), grid(bd="o-x-----x-------")),
    (["cc absent"], grid(**HOUSE), grid(**HOUSE, cc="x---------------")),
    (["hats absent"], grid(bd="x---x---x---x---"), grid(bd="x---x---x---x---", ph="----x-------x---")),
    (["has cl"], grid(cl="x--x---x--x-x---"), grid(**HOUSE)),
    (
        ["voices bd,sd"],
        grid(bd="x-------x-------", sd="----x-------x---"),
        grid(bd="x-------", sd="----x---", ch="xxxxxxxx"),
    ),
    (["voices bd,sd"], grid(bd="x-------x-------", sd="----o-------x---"), grid(bd="x-------x-------")),
    (["voices bd,sd,hats"], grid(bd="x-------", sd="----x---", oh="x-x-x-x-"), grid(bd="x-------", sd="----x---")),
    (["meter 3/4"], grid("3/4", bd="x-----------"), grid(bd="x---------------")),
    (["bars 4"], grid(bars=4, bd="x---x---x---x---"), grid(bars=2, bd="x---x---x---x---")),
    (["rc|rb only beats"], grid(rc="x---x---x---x---"), grid(rc="x--xx--xx--xx--x")),
    (["hats only 8ths"], grid(ch="x-x-x-x-x-x-x-x-"), grid(ch="xxxxxxxxxxxxxxxx")),
    (["hats on 16ths"], grid(ch="xxxxxxxxxxxxxxxx"), grid(ch="x-x-x-x-x-x-x-x-")),
    (["sd|cp on 3", "sd|cp off 2,4"], grid(sd="--------x-------"), grid(sd="----x-------x---")),
    (["bd on 3", "sd|rs on 3", "bd off 1"], grid(bd="--------x-------", rs="--------x-------"), grid(**HOUSE)),
    # a meter's counts: 6/8 counts eighths, 12/8 dotted quarters, 7/8 eighths (2+2+3)
    (["meter 6/8", "bd on 1,4"], grid("6/8", bd="x-----x-----"), grid("6/8", bd="x---x-------")),
    (["meter 12/8", "sd on 2,4"], grid("12/8", sd="---x-----x--"), grid("12/8", sd="------x-----")),
    (["meter 12/8", "sd on 2a"], grid("12/8", sd="-----x------"), grid("12/8", sd="----x-------")),
    (
        ["meter 7/8", "bd on 1", "sd on 5"],
        grid("7/8", bd="x-------------", sd="--------x-----"),
        grid("7/8", sd="------x-------", bd="x-------------"),
    ),
    (["meter 9/8", "bd on beats"], grid("9/8", bd="x-----x-----x-----"), grid("9/8", bd="x-----x-----------")),
    # a bar that lacks it anywhere fails: checks hold in every bar
    (["sd on 2,4"], grid(bars=2, sd="----x-------x---"), grid(sd="----x-------x-------x-----------")),
]


@pytest.mark.parametrize(
    ("expect", "good", "bad"), CASES, ids=[" + ".join(c[0]) + f" #{i}" for i, c in enumerate(CASES)]
)
def test_check_passes_with_the_trait_and_fails_without(expect, good, bad):
    assert failures(expect, good) == []
    assert failures(expect, bad) != []


def test_fill_is_a_tom_in_the_last_beat_of_the_last_bar():
    groove = "x---x---x---x---"
    good = grid(bd=groove * 2, lt="-" * 28 + "x-x-")
    early = grid(bd=groove * 2, lt="-" * 24 + "x---" + "-" * 4)  # in beat 3: not the last beat
    first_bar = grid(bd=groove * 2, lt="------------x-x-" + "-" * 16)
    assert failures(["fill toms"], good) == []
    assert failures(["fill toms"], early) == ["fill toms"]
    assert failures(["fill toms"], first_bar) == ["fill toms"]


def test_fill_exempts_the_last_beat_of_the_last_bar_from_position_checks():
    bars = grid(bd="x---x---x---x---" + "x---x---x-------", sd="----x-------x---" * 2, ht="-" * 28 + "xxxx")
    assert failures(["bd on beats", "sd on 2,4", "fill toms"], bars) == []
    assert failures(["bd on beats", "sd on 2,4"], bars) == ["bd on beats"]
    # only the last bar's last beat: the same gap in bar 1 still fails
    gap_first = grid(bd="x---x---x-------" + "x---x---x---x---", ht="-" * 28 + "xxxx")
    assert failures(["bd on beats", "fill toms"], gap_first) == ["bd on beats"]
    # and 'only' ignores the fill's hits there
    busy_end = grid(ch="x-x-x-x-x-x-x-x-" + "x-x-x-x-x-x-xxxx", lt="-" * 28 + "x-x-")
    assert failures(["hats only 8ths", "fill toms"], busy_end) == []
    assert failures(["hats only 8ths"], busy_end) == ["hats only 8ths"]


def test_eighth_note_grid_scales_positions():
    eighths = dict(bd="x-x-x-x-", sd="--x---x-", ch="xxxxxxxx")
    pattern = grid(spb=8, **eighths)
    assert pattern.steps_per_bar == 8
    assert failures(["bd on beats", "sd on 2,4", "hats only 8ths", "bd on 1,3"], pattern) == []
    assert failures(["bd on 1,3&"], grid(spb=8, bd="x----x--")) == []
    assert failures(["bd on 1,3&"], grid(spb=8, bd="x---x---")) == ["bd on 1,3&"]
    # a sixteenth position cannot be placed on an eighth-note grid: it fails
    assert failures(["bd on 2e"], pattern) == ["bd on 2e"]
    assert failures(["hats on 16ths"], pattern) == ["hats on 16ths"]
    # 'off' at such a position: nothing can sound there
    assert failures(["bd off 2e"], pattern) == []


def test_positions_are_counted_in_the_requested_meter():
    # "kick on 1 and 3" asked in 4/4, answered in 3/4: the counts do not apply
    waltz = grid("3/4", bd="x-------x---")
    assert failures(["bd on 1,3"], waltz) == ["bd on 1,3"]
    assert failures(["meter 3/4", "bd on 1,3"], waltz) == []


def test_reasons_name_the_count_and_the_bar():
    (reason,) = [
        why for _, why in evaluate(compile_expect(["bd on 1,3"]), grid(bd="x---------------" + "x-------x-------"))
    ]
    assert reason == "missing at 3 (bar 1)"
    (reason,) = [why for _, why in evaluate(compile_expect(["bd only 1"]), grid(bd="x-----x---------"))]
    assert reason == "extra at 2& (bar 1)"


@pytest.mark.parametrize(
    ("text", "meter"),
    [
        ("sd on 5", "4/4"),
        ("zz on 1", "4/4"),
        ("bd on 2e", "6/8"),
        ("bd on 1e", "12/8"),
        ("bars 9", "4/4"),
        ("meter 11/8", "4/4"),
        ("bd on", "4/4"),
        ("bd sometimes 1", "4/4"),
        ("voices bd, sd", "4/4"),
        ("fill", "4/4"),
    ],
)
def test_bad_checks_are_errors(text, meter):
    with pytest.raises(ValueError):
        parse_check(text, meter)
