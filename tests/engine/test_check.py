"""The musical check: what it refuses, what it lets through, and that it checks every bar."""

from __future__ import annotations

import pytest

from pydrums_engine.check import check_pattern
from pydrums_engine.fit import fit_to_constraints
from pydrums_engine.intent import parse_intent
from pydrums_engine.notation import parse_pattern

ROCK = "ch: x-x-x-x-x-x-x-x-; sd: ----x-------x---; bd: x-------x-------"
HOUSE = "oh: --x---x---x---x-; cp: ----x-------x---; bd: x---x---x---x---"


@pytest.mark.parametrize(
    ("request_text", "grid", "honoured"),
    [
        ("kick on 1 and 3", ROCK, True),
        ("kick on 1 and 3", "ch: x-x-x-x-x-x-x-x-; sd: ----x-------x---; bd: x-------x-x-----", False),  # extra kick
        ("kick on 1 and 3", "ch: x-x-x-x-x-x-x-x-; sd: ----x-------x---; bd: o-------x-------", False),  # ghost on 1
        ("snare on 2 and 4", "ch: x-x-x-x-x-x-x-x-; sd: ----x--o-o--x---; bd: x-------x-------", True),  # ghosts ok
        ("open hats on the offbeats", HOUSE, True),
        ("open hats on the offbeats", "oh: x---x---x---x---; bd: x---x---x---x---", False),
        ("four on the floor", HOUSE, True),
        ("four on the floor", ROCK, False),
        ("nothing on the one", "ch: --x---x---x---x-; sd: ----x-------x---; bd: -x------x-------", True),
        ("nothing on the one", ROCK, False),
        ("no crash", ROCK, True),
        ("no crash", "cc: x---------------; " + ROCK, False),
        ("without hi-hats", "rc: x-x-x-x-x-x-x-x-; sd: ----x-------x---; bd: x-------x-------", True),
        ("kick on the e of 2", "ch: x-x-x-x-x-x-x-x-; sd: ----x-------x---; bd: -----x----------", True),
        ("quarter-note ride", "rc: x---x---x---x---; sd: ----x-------x---; bd: x-------x-------", True),
        ("quarter-note ride", "rc: x-x-x-x-x-x-x-x-; sd: ----x-------x---; bd: x-------x-------", False),
        ("HH on quarter notes only", "ch: x---x---x---x---; sd: ----x-------x---; bd: x-------x-------", True),
        ("HH on quarter notes only", "ph: x---x---x---x---; sd: ----x-------x---; bd: x-------x-------", False),
        ("HH on quarter notes only", "ch: x---x---x---x---; ph: --x-------x-----; bd: x-------x-------", False),
        ("hats ONLY on the offbeats", "oh: --x---x---x---x-; ph: x---x---x---x---; bd: x---x---x---x---", False),
    ],
)
def test_each_constraint_is_honoured_only_by_a_grid_that_has_it(request_text, grid, honoured) -> None:
    """The verdict follows the grid: right hits pass; a missing, extra or ghosted hit fails."""
    check = check_pattern(parse_pattern(grid), parse_intent(request_text))
    assert check.constraints, request_text
    assert check.honoured is honoured, check.problems


def test_hats_held_to_places_say_one_verdict_and_a_jazz_chick_may_be_the_foot() -> None:
    """ "HH on quarter notes only" is two rules (the stick's hat there, no hat elsewhere) and one
    line of the reply; the jazz trait's "hi-hat on 2 and 4" is the chick, by foot or stick."""
    intent = parse_intent("HH on quarter notes only, kick on 1")
    pedal = check_pattern(parse_pattern("ph: x---x---x---x---; sd: ----x-------x---; bd: x---------------"), intent)
    assert [v.text for v in pedal.constraints] == ["hi-hats on quarter notes", "kick on 1"]
    assert [v.honoured for v in pedal.constraints] == [False, True]
    assert intent.sentences()[:2] == ["hi-hats on quarter notes", "kick on 1"]
    swing = "rc: x---x--xx---x--x; ph: ----x-------x---; sd: ------o-----x---; bd: x-------x-------"
    assert check_pattern(parse_pattern(swing), parse_intent("jazz"), style="jazz").passed


def test_every_bar_is_checked_not_only_the_first() -> None:
    """Bar 1 right and bar 2 wrong fails, naming bar 2."""
    grid = "sd: ----x-------x-------x-----------; bd: x-------x-------x-------x-------; ch: " + "x-" * 16
    check = check_pattern(parse_pattern(grid), parse_intent("snare on 2 and 4"))
    assert not check.honoured
    assert "bar 2" in check.constraints[0].problem


def test_a_fill_at_the_end_is_exempt_from_the_groove_rules() -> None:
    """The fill's last beat may leave the kick pattern; before it, the rule holds."""
    grid = "ch: x-x-x-x-x-x-x-x-; ht: ------------xxxx; sd: ----x-----------; bd: x-------x-------"
    intent = parse_intent("snare on 2 and 4")
    assert not check_pattern(parse_pattern(grid), intent).honoured
    assert check_pattern(parse_pattern(grid), intent, fill_from=12).honoured


def test_no_snare_at_all_holds_in_the_fill_too() -> None:
    """The fill is exempt from where the groove's voices go, not from a voice ruled out."""
    grid = (
        "ch: x-x-x-x-x-x-x-x-; ht: ------------x-x-; sd: -------------x-x; rs: ----x-------x---; bd: x-------x-------"
    )
    intent = parse_intent("no snare at all, cross stick on 2 and 4, and a tom fill at the end")
    check = check_pattern(parse_pattern(grid), intent, fill_from=12)
    assert not check.honoured
    assert "there must be no snare; bar 1 has it" in check.constraints[0].problem
    clean = grid.replace("sd: -------------x-x", "sd: ----------------")
    assert check_pattern(parse_pattern(clean), intent, fill_from=12).honoured


@pytest.mark.parametrize(
    ("style", "grid", "kind"),
    [
        ("house", ROCK, "trait"),  # house without four on the floor
        ("rock", "ch: x-x-x-x-x-x-x-x-; sd: --x-------x-----; bd: x-------x-------", "trait"),  # no backbeat
        ("rock", "ch: x-x-x-x-x-x-x-x-; oh: x---------------; sd: ----x-------x---; bd: x-------x-------", "sanity"),
        ("rock", "ch: x-x-x-x-x-x-x-x-; sd: ----x-------x---", "sanity"),  # no kick
        ("rock", "ch: x-x-x-x-x-x-x-x-; sd: ----x-------x---; bd: xxxxxxxxxxxxxxxx", "sanity"),  # a wall of kick
        ("rock", "rc: x---x---x---x---; ch: x---x---x---x---; sd: x---x-------x---; bd: x-------x-------", "sanity"),
        # a small model's "straight 8ths" rock: five kicks in a row, then three more
        ("rock", "ch: x-x-x-x-x-x-x-x-; sd: ----x-------x---; bd: xxxxx-xxx-x-x-x-", "sanity"),
        ("house", "oh: --x---x---x---x-; cp: xxxxxxxxxxxxx---; bd: x---x---x---x---", "sanity"),  # a clap wall
        ("rock", "oh: oooooooooooooooo; sd: ----o-------o---; bd: x-------x-------", "sanity"),  # only ghosts keep time
    ],
)
def test_style_traits_and_sanity_refuse_what_a_drummer_would(style, grid, kind) -> None:
    """A house groove without four on the floor, a rock groove without backbeat, open and
    closed hat together, no kick, a kick on every step, three hands on one step: refused."""
    check = check_pattern(parse_pattern(grid), parse_intent("a groove"), style=style)
    assert not check.passed
    assert check.failed(kind), check.problems


@pytest.mark.parametrize(
    ("request_text", "grid"),
    [
        ("metal with double kick", "ch: x---x---x---x---; sd: ----x-------x---; bd: xxxxxxxxxxxxxxxx"),
        ("kick on every sixteenth", "ch: x---x---x---x---; sd: ----x-------x---; bd: xxxxxxxxxxxxxxxx"),
        ("a gallop", "ch: x---x---x---x---; sd: ----x-------x---; bd: x-xxx-xxx-xxx-xx"),  # runs of three
        ("kick on 1, 1e, 1& and 1a", "ch: x---x---x---x---; sd: ----x-------x---; bd: xxxx------------"),  # asked
    ],
)
def test_a_run_of_kicks_the_request_asks_for_is_not_refused(request_text, grid) -> None:
    intent = parse_intent(request_text)
    feels = ("double kick",) if "double kick" in request_text else ()
    check = check_pattern(parse_pattern(grid), intent, style="metal", feels=feels)
    assert not check.failed("sanity"), check.problems


def test_a_kick_roll_is_named_with_its_bar_and_steps() -> None:
    two = parse_pattern("ch: x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-; sd: ----x-------x-------x-------x---; "
                        "bd: x-------x-------xxxxx-xxx-x-x-x-")  # fmt: skip
    problems = check_pattern(two, parse_intent("rock"), style="rock").failed("sanity")
    assert problems == [
        "the kick plays 5 steps in a row in bar 2 (steps 1-5); a run longer than 3 is a roll, not a groove: "
        "leave space between the kicks"
    ]


def test_a_copy_of_a_prompt_example_is_not_a_new_groove() -> None:
    example = parse_pattern(ROCK)
    check = check_pattern(parse_pattern(ROCK), parse_intent("rock"), style="rock", examples=[example])
    assert check.failed("novelty")
    assert check_pattern(parse_pattern(ROCK), parse_intent("rock"), style="rock").passed


def test_the_request_overrides_the_style_for_the_voices_it_names() -> None:
    """ "house with the kick on 1 and 3": the drummer asked for it, so four on the floor is not demanded."""
    grid = "oh: --x---x---x---x-; cp: ----x-------x---; bd: x-------x-------"
    assert check_pattern(parse_pattern(grid), parse_intent("house with the kick on 1 and 3"), style="house").passed


@pytest.mark.parametrize(
    "request_text",
    [
        "kick on 1 and the and of 3, snare on 2 and 4, quarter-note ride",
        "open hats on the offbeats, no crash",
        "nothing on the one",
        "kick on every beat and claps on 2 and 4",
        "just kick and snare",
        "with a cowbell",
        "reggae one drop",
        "sixteenth hats, open hat on the and of 4",
        "16th hats with the open hat only on the and of 4",
        "hats on every eighth except the and of 4, kick every other beat",
        "no cymbals but the crash on 1",
        "claps instead of the snare",
        "8 bar intro, just hats on 8ths",  # an open hat taken out leaves no hole in the eighths
    ],
)
def test_the_deterministic_edit_makes_any_groove_honour_the_request(request_text) -> None:
    """The library fallback's edit adds and removes exactly what the request named."""
    intent = parse_intent(request_text)
    for grid in (
        ROCK,
        HOUSE,
        "cc: x---------------; rc: x-x-x-x-x-x-x-x-; sd: --x--x-x--x--x-x; bd: x-x--x--x-x--x--",
        "oh: --x---x---x---x-; ch: x-o-x-o-x-o-x-o-; sd: ----x-------x---; bd: x---x---x---x---",  # disco
    ):
        fitted = fit_to_constraints(parse_pattern(grid), intent.constraints, keep_kit=intent.keeps_kit)
        check = check_pattern(fitted, intent)
        assert check.honoured, (grid, check.problems)
        assert not check.failed("sanity") or not intent.keeps_kit, check.problems


@pytest.mark.parametrize(
    ("request_text", "style", "meter", "kept", "lost"),
    [
        # "house, but drop the kick on 1": four on the floor still holds on 2, 3 and 4
        (
            "house beat but drop the kick on 1 so it breathes",
            "house",
            None,
            "oh: --x---x---x---x-; cp: ----x-------x---; bd: ----x---x---x---",
            "oh: --x---x---x---x-; cp: ----x-------x---; bd: ----x-------x---",
        ),
        # "jazz swing": a ride with no hat chick on 2 and 4 is not the swing a drummer means
        (
            "jazz swing, nothing fancy",
            "jazz",
            None,
            "rc: x---x--xx---x--x; ph: ----x-------x---; bd: x---------------",
            "rc: x---x--xx---x--x; sd: ------o-------o-; bd: x---------------",
        ),
        # a slow 12/8 blues keeps its backbeat on the big beats 2 and 4
        (
            "slow 12/8 blues like a late night bar band",
            "blues",
            "12/8",
            "ch: xxxxxxxxxxxx; sd: ---x-----x--; bd: x-----x-----",
            "ch: xxxxxxxxxxxx; sd: --o-----o---; bd: x-----x-----",
        ),
    ],
)
def test_a_style_trait_holds_where_the_request_leaves_it(request_text, style, meter, kept, lost) -> None:
    intent = parse_intent(request_text)
    assert check_pattern(parse_pattern(kept, time_signature=meter), intent, style=style).passed
    assert check_pattern(parse_pattern(lost, time_signature=meter), intent, style=style).failed("trait")


def test_every_step_is_every_step_of_the_grid_whatever_its_size():
    """ "ride on every step" in 12/8 is its twelve eighths, in 4/4 its sixteen sixteenths."""
    from pydrums_engine.places import place_steps

    assert place_steps("steps", "12/8", 12) == frozenset(range(12))
    assert place_steps("steps", "4/4", 16) == place_steps("sixteenths", "4/4", 16)
    assert place_steps("sixteenths", "12/8", 12) is None  # no sixteenth grid in a bar of triplets
