"""The few-shot prompt and the response schema: what the model is told and held to."""

from __future__ import annotations

import json
import re

import pytest

from pydrums_engine.errors import NotationError
from pydrums_engine.instruments import BY_CODE, INSTRUMENTS, STEP_REGEX_CLASS, STEP_SYMBOLS
from pydrums_engine.prompt import (
    GenerationRequest,
    build_messages,
    estimate_tokens,
    notation_guide,
    repair_message,
    response_schema,
)
from tests.fakes.grooves import sample_grooves

PRINTABLE = [chr(c) for c in range(32, 127)]


def test_notation_guide_lists_every_instrument_and_step_symbol_from_the_table() -> None:
    """Every instrument code with its name and every step symbol with its meaning is in the guide."""
    guide = notation_guide()
    for inst in INSTRUMENTS:
        assert f"{inst.code} {inst.name}" in guide
    for symbol in STEP_SYMBOLS:
        assert f"{symbol.symbol} {symbol.meaning}" in guide


def test_schema_allows_exactly_the_instrument_codes_and_needs_name_and_tracks() -> None:
    """The tracks object takes only known codes, at least one, and both fields are required."""
    schema = response_schema(GenerationRequest("anything"))
    tracks = schema["properties"]["tracks"]
    assert schema["required"] == ["name", "tracks"]
    assert schema["properties"]["name"] == {"type": "string"}
    assert list(tracks["properties"]) == [inst.code for inst in INSTRUMENTS]
    assert tracks["additionalProperties"] is False
    assert tracks["minProperties"] == 1
    assert tracks["required"] == []  # nothing asked of the grid, no voices chosen: nothing required


@pytest.mark.parametrize(
    ("bars", "time_signature", "steps_per_bar", "length"),
    [(1, "4/4", 16, 16), (2, "4/4", 16, 32), (2, "3/4", 12, 24), (4, "6/8", 12, 48), (1, "7/8", 14, 14)],
)
def test_schema_step_pattern_demands_the_exact_step_count(
    bars: int, time_signature: str, steps_per_bar: int, length: int
) -> None:
    """Each track's pattern accepts N steps of the strokes played on that instrument and nothing
    shorter, longer or other."""
    request = GenerationRequest("x", bars=bars, time_signature=time_signature, steps_per_bar=steps_per_bar)
    assert request.length == length
    for code, track in response_schema(request)["properties"]["tracks"]["properties"].items():
        assert track["type"] == "string"
        pattern = track["pattern"]
        assert re.fullmatch(pattern, "X" + "-" * (length - 2) + "x")
        strokes = BY_CODE[code].strokes
        assert re.fullmatch(pattern, strokes * (length // len(strokes)) + "-" * (length % len(strokes)))
        assert not re.fullmatch(pattern, "x" * (length - 1))
        assert not re.fullmatch(pattern, "x" * (length + 1))
        assert not re.fullmatch(pattern, "y" + "-" * (length - 1))


@pytest.mark.parametrize("code", ["sd", "bd", "ch", "ph"])
def test_schema_character_class_matches_the_table_and_avoids_the_escaped_dash(code: str) -> None:
    """The strokes the table gives each instrument (every symbol for a snare; no flams or rolls on
    a kick), written '[-...]' because llama.cpp's grammar rejects '\\-'."""
    pattern = response_schema(GenerationRequest("x"))["properties"]["tracks"]["properties"][code]["pattern"]
    step_class = re.fullmatch(r"\^(\[.*\])\{16\}\$", pattern).group(1)
    assert "\\" not in step_class
    assert [c for c in PRINTABLE if re.fullmatch(step_class, c)] == sorted(BY_CODE[code].strokes)
    if code == "sd":
        assert step_class == STEP_REGEX_CLASS


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"time_signature": "3/4"}, "3/4 has 12 steps per bar"),
        ({"bars": 9}, "1 to 8 bars, not 9"),
        ({"bars": 0}, "1 to 8 bars, not 0"),
        ({"time_signature": "11/8"}, "unknown time signature"),
    ],
)
def test_request_rejects_a_meter_grid_or_bar_count_the_notation_cannot_hold(kwargs: dict, message: str) -> None:
    """A request the notation cannot express fails when it is made, with the reason."""
    with pytest.raises(NotationError, match=re.escape(message)):
        GenerationRequest("funk", **kwargs)


@pytest.mark.parametrize(
    ("description", "code"),
    [
        ("just a shaker pattern", "sh"),
        ("kick only", "bd"),
        ("Hi-hat only, sixteenths", "ch"),
        ("hi hat only", "ch"),
        ("only the ride bell", "rb"),
        ("solo snare roll", "sd"),
        ("nothing but claves", "cl"),
        ("shakers only please", "sh"),
        ("kick drum only", "bd"),
        ("groovy funk with ghost notes", None),
        ("rhythm that feels like dancing under the stars", None),
        ("just kick and snare", None),
        ("just a funky beat with a cowbell", None),
        ("a rock beat with a loud crash", None),
        ("a beat with only toms", None),
    ],
)
def test_single_instrument_is_read_from_the_description(description: str, code: str | None) -> None:
    """One instrument next to 'only', 'just', 'solo'... asks for it alone; anything else asks for a kit."""
    assert GenerationRequest(description).single_instrument == code


def test_messages_are_system_then_one_pair_per_example_then_the_request() -> None:
    """The model sees the rules, each example as a question and its JSON answer, then the request."""
    grooves = sample_grooves()
    messages = build_messages(GenerationRequest("groovy funk", style="funk"), grooves)
    roles = [m["role"] for m in messages]
    assert roles == ["system"] + ["user", "assistant"] * len(grooves) + ["user"]
    assert all(set(m) == {"role", "content"} and isinstance(m["content"], str) for m in messages)


def test_system_message_holds_the_guide_the_meter_rules_and_the_answer_format() -> None:
    """The system turn carries the notation guide, this meter's beat positions and the JSON shape."""
    system = build_messages(GenerationRequest("funk", bars=2), [])[0]["content"]
    assert notation_guide() in system
    assert "4/4: a bar has 16 steps and its beats start at steps 1, 5, 9, 13" in system
    assert "bars start at steps 1, 17" in system
    assert '{"name": "<short name>", "tracks": {"<code>": "<steps>"}}' in system

    waltz = build_messages(GenerationRequest("waltz", time_signature="3/4", steps_per_bar=12), [])[0]["content"]
    assert "3/4: a bar has 12 steps and its beats start at steps 1, 5, 9" in waltz
    shuffle = build_messages(GenerationRequest("x", time_signature="6/8", steps_per_bar=12), [])[0]["content"]
    assert "6/8: a bar has 12 steps and its beats start at steps 1, 7" in shuffle


def test_each_example_is_shown_as_the_requests_unit_with_its_own_meter() -> None:
    """Example questions state the groove's style, tempo and length; answers are its tracks as JSON,
    cut to the bars the request asks for (the model writes one bar; the engine repeats it)."""
    grooves = [g for g in sample_grooves() if g.pattern.bars == 1]
    messages = build_messages(GenerationRequest("funk"), grooves)
    for groove, ask, answer in zip(grooves, messages[1:-1:2], messages[2:-1:2], strict=True):
        length = groove.pattern.length
        assert groove.description in ask["content"]
        assert f"Style: {groove.style}. Tempo: {groove.bpm} bpm." in ask["content"]
        assert f"{groove.time_signature}, " in ask["content"]
        assert f"exactly {length} steps per track" in ask["content"]
        data = json.loads(answer["content"])
        assert data == {"name": groove.name, "tracks": groove.pattern.ordered().tracks}
        assert {len(steps) for steps in data["tracks"].values()} == {length}
    waltz_ask = messages[-3]["content"]
    assert "Swing: 0.66" in waltz_ask


def test_final_turn_states_the_request_and_the_exact_step_count() -> None:
    """The last user turn has the description, style, tempo, bars, meter and 'exactly N steps per track'."""
    request = GenerationRequest("dancing under the stars", style="bossa-nova", bpm=128, bars=2)
    last = build_messages(request, sample_grooves())[-1]
    assert last["role"] == "user"
    assert last["content"] == (
        "Groove: dancing under the stars\n"
        "Style: bossa-nova. Tempo: 128 bpm.\n"
        "Meter: 4/4, 2 bars of 16 steps: exactly 32 steps per track."
    )
    open_style = build_messages(GenerationRequest("something", style=None), [])[-1]["content"]
    assert "Style: any that fits." in open_style


def test_final_turn_asks_for_the_one_instrument_when_the_request_names_only_one() -> None:
    """'just a shaker pattern' tells the model to write the shaker track alone."""
    last = build_messages(GenerationRequest("just a shaker pattern"), [])[-1]["content"]
    assert f"Write only the {BY_CODE['sh'].name} track (sh)" in last


def test_repair_message_quotes_the_parser_and_restates_the_length() -> None:
    """The second try is told exactly what was wrong and how many steps to write."""
    text = repair_message("track sd has 15 steps, expected 16", GenerationRequest("x"))
    assert "track sd has 15 steps, expected 16" in text
    assert "exactly 16 steps" in text


def test_estimate_tokens_counts_a_quarter_token_per_character_plus_a_wrapper() -> None:
    """ceil(chars / 4) + 4 per message; a prompt with four examples stays far below 2048 tokens."""
    assert estimate_tokens([{"role": "user", "content": "x" * 400}]) == 104
    assert estimate_tokens([{"role": "user", "content": "x" * 401}, {"role": "system", "content": ""}]) == 109
    request = GenerationRequest("groovy funk with ghost notes", style="funk", bars=2)
    bare = estimate_tokens(build_messages(request, []))
    full = estimate_tokens(build_messages(request, sample_grooves()))
    assert bare < full < 1024
