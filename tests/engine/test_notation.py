"""The notation: what users can write, and the exact errors for what they cannot."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pydrums_engine.errors import NotationError
from pydrums_engine.instruments import BY_CODE, INSTRUMENTS, STEP_SYMBOLS, SYMBOL_CHARS, resolve_instrument
from pydrums_engine.notation import METERS, Pattern, parse_pattern


def test_one_line_and_multi_line_forms_read_the_same():
    one = parse_pattern("bd: x---x---x---x---; sd: ----x-------x---")
    multi = parse_pattern("bd: x---x---x---x---\nsd: ----x-------x---\n")
    assert one == multi
    assert one.tracks == {"bd": "x---x---x---x---", "sd": "----x-------x---"}
    assert one.bars == 1 and one.time_signature == "4/4"


def test_every_step_symbol_and_rest_alias_is_read():
    p = parse_pattern("sd: -xXofr_.-xXofr_.")
    assert p.steps("sd") == "-xXofr---xXofr--"


def test_words_and_pedal_hat_alias_resolve_to_codes():
    p = parse_pattern("kick: x---------------\nsnare: ----x-------x---\nhihat: x-x-x-x-x-x-x-x-\nhh: ----x-------x---")
    assert list(p.tracks) == ["bd", "sd", "ch", "ph"]
    assert resolve_instrument("Hi-Hat") == "ch"
    assert resolve_instrument("ride") == "rc"


def test_bar_lines_and_spaces_between_steps_are_not_steps():
    p = parse_pattern("bd: x--- x--- | x--- x---")
    assert p.steps("bd") == "x---x---x---x---"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("bd: x--y", "line 1 (bd), step 4: 'y' is not a step symbol; use - x X o f r"),
        (
            "bd: x---x---x---x---\nsd: ----x-y---------",
            "line 2 (sd), step 7: 'y' is not a step symbol; use - x X o f r",
        ),
        ("bd: x---x---; sd: ----x-", "line 2 (sd): 6 steps, but line 1 (bd) has 8"),
        ("bd x---x---", "line 1: expected 'instrument: steps'"),
        ("snrae: x---x---", "did you mean sd (snare drum)?"),
        ("bd: x---x---; kick: --x---x-", "line 2 (bd): bd already has line 1"),
        ("bd: ", "line 1 (bd): no steps after ':'"),
        ("", "no pattern"),
        ("bd: x----", "5 steps does not fill whole bars"),
        ("time: 13/8; bd: x---", "unknown time signature '13/8'"),
    ],
)
def test_errors_name_the_line_the_step_and_what_was_expected(text, message):
    with pytest.raises(NotationError) as caught:
        parse_pattern(text)
    assert message in str(caught.value)


def test_error_carries_line_and_column():
    with pytest.raises(NotationError) as caught:
        parse_pattern("bd: x---x---x---x---\nsd: ----x-y---------")
    assert (caught.value.line, caught.value.step, caught.value.track) == (2, 7, "sd")
    assert caught.value.column == 11


def test_more_than_eight_bars_is_refused():
    with pytest.raises(NotationError, match="1 to 8 bars"):
        parse_pattern("bd: " + "x---" * 4 * 9, time_signature="4/4")


@pytest.mark.parametrize(
    ("steps", "meter", "bars"),
    [(16, "4/4", 1), (32, "4/4", 2), (8, "4/4", 1), (12, "3/4", 1), (20, "5/4", 1), (14, "7/8", 1)],
)
def test_meter_is_inferred_from_the_length(steps, meter, bars):
    p = parse_pattern("bd: x" + "-" * (steps - 1))
    assert (p.time_signature, p.bars) == (meter, bars)


def test_named_meter_wins_over_inference():
    p = parse_pattern("time: 6/8\nbd: x-----x-----")
    assert p.time_signature == "6/8" and p.steps_per_bar == 12
    assert parse_pattern(p.to_text()) == p


def test_meter_table_matches_the_contract():
    expected = {"4/4": 16, "3/4": 12, "6/8": 12, "12/8": 12, "5/4": 20, "7/8": 14}
    assert {m: METERS[m].steps_per_bar for m in expected} == expected


def test_instrument_table_matches_general_midi():
    notes = {i.code: i.gm_note for i in INSTRUMENTS}
    assert notes == {
        "bd": 36, "sd": 38, "rs": 37, "cp": 39, "ch": 42, "ph": 44, "oh": 46, "lt": 43, "mt": 47,
        "ht": 50, "cc": 49, "rc": 51, "rb": 53, "tb": 54, "cb": 56, "sh": 70, "cl": 75,
    }  # fmt: skip
    assert [s.symbol for s in STEP_SYMBOLS] == list("-xXofr")


# -- properties ------------------------------------------------------------------------

steps_per_bar = st.sampled_from([("4/4", 16), ("3/4", 12), ("6/8", 12), ("12/8", 12), ("5/4", 20), ("7/8", 14)])


@st.composite
def patterns(draw) -> Pattern:
    meter, spb = draw(steps_per_bar)
    bars = draw(st.integers(1, 8))
    codes = draw(st.lists(st.sampled_from(sorted(BY_CODE)), min_size=1, max_size=6, unique=True))
    step = st.sampled_from(SYMBOL_CHARS)
    tracks = {c: "".join(draw(st.lists(step, min_size=spb * bars, max_size=spb * bars))) for c in codes}
    return Pattern.from_tracks(tracks, meter)


@settings(max_examples=200, deadline=None)
@given(patterns(), st.booleans())
def test_formatting_then_parsing_returns_the_same_pattern(pattern, one_line):
    assert parse_pattern(pattern.to_text(one_line=one_line)) == pattern


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_raises_nothing_but_a_notation_error(text):
    try:
        parse_pattern(text)
    except NotationError as exc:
        assert str(exc).strip()  # always a message a user can read


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="bdsxX-o:;\n |fr_.kick", max_size=80))
def test_near_miss_text_raises_nothing_but_a_notation_error(text):
    try:
        parse_pattern(text)
    except NotationError as exc:
        assert str(exc).strip()  # always a message a user can read
