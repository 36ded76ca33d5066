"""Talking to Ollama: answers read strictly, one repair round, every failure a clear LLMError.

Everything but the last test goes through the real client over real sockets to
`FakeOllama`, hostile servers included (one byte a second, a megabyte of letters, a JSON
list, a hang-up...); the last one runs against a real server when OLLAMA_HOST answers.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pydrums_engine.answer import _entry_code, _notation_entries
from pydrums_engine.errors import LLMError, LLMUnavailable, LLMUnusable, ModelMissing
from pydrums_engine.instruments import REST_ALIASES, SYMBOL_CHARS
from pydrums_engine.llm import LLMAnswer, OllamaSettings, PatternWriter, answer_tokens, parse_answer
from pydrums_engine.notation import SEPARATORS, Pattern
from pydrums_engine.prompt import GenerationRequest, build_messages, response_schema
from tests.fakes import FakeOllama, closed_port_url
from tests.fakes.grooves import sample_grooves
from tests.fakes.ollama_server import HOSTILE_MODES, good_tracks

FUNK = GenerationRequest("groovy funk with ghost notes", style="funk", bpm=98, bars=1)
FUNK_2_BARS = GenerationRequest("groovy funk with ghost notes", style="funk", bpm=98, bars=2)
WALTZ = GenerationRequest("a lazy jazz waltz", style="jazz", time_signature="3/4", steps_per_bar=12)
SHAKER = GenerationRequest("just a shaker pattern")


@pytest.fixture
def fake() -> Iterator[FakeOllama]:
    with FakeOllama() as server:
        yield server


def writer_for(url: str, **settings: object) -> PatternWriter:
    return PatternWriter(OllamaSettings(host=url, **settings))  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------
# parse_answer: what counts as a usable answer


def tracks_json(tracks: dict[str, str], name: str = "Test groove") -> str:
    return json.dumps({"name": name, "tracks": tracks})


GOOD_16 = {"ch": "x-x-x-x-x-x-x-x-", "sd": "----X--o-o--X--o", "bd": "x-x----x--x-----"}


@pytest.mark.parametrize(
    ("text", "request_", "expected"),
    [
        (tracks_json(GOOD_16), FUNK, GOOD_16),
        (f"```json\n{tracks_json(GOOD_16)}\n```", FUNK, GOOD_16),
        (tracks_json(GOOD_16) + "\n\nHope this grooves!", FUNK, GOOD_16),
        ("Here you go: " + tracks_json(GOOD_16) + " Enjoy.", FUNK, GOOD_16),
        (
            tracks_json({"kick": GOOD_16["bd"], "snare": GOOD_16["sd"]}),
            FUNK,
            {"sd": GOOD_16["sd"], "bd": GOOD_16["bd"]},
        ),
        (
            tracks_json({"bd": "x---|x---|x---|x---", "sd": "____x_______x___"}),
            FUNK,
            {"sd": "----x-------x---", "bd": "x---x---x---x---"},
        ),
        (
            tracks_json({"bd": GOOD_16["bd"], "ch": GOOD_16["ch"], "cc": "-" * 16}),
            FUNK,
            {"ch": GOOD_16["ch"], "bd": GOOD_16["bd"]},
        ),
        (
            tracks_json({"rc": "x--xx--xx--x", "bd": "x-----------"}),
            WALTZ,
            {"rc": "x--xx--xx--x", "bd": "x-----------"},
        ),
        (tracks_json({"sh": "XxxxXxxxXxxxXxxx"}), SHAKER, {"sh": "XxxxXxxxXxxxXxxx"}),
        ("Sure!\n```\nch: x-x-x-x-x-x-x-x-\nsd: ----X--o-o--X--o\nbd: x-x----x--x-----\n```\nHave fun.", FUNK, GOOD_16),
        (
            "Try this one: bd: x---x---x---x---; sd: ----x-------x---",
            FUNK,
            {"sd": "----x-------x---", "bd": "x---x---x---x---"},
        ),
        ("- **ch:** x-x-x-x-x-x-x-x-\n- **sd:** ----X--o-o--X--o\n- **bd:** x-x----x--x-----", FUNK, GOOD_16),
        (
            "For the kick: `x---x---x---x---` and the snare: `----x-------x---`",
            FUNK,
            {"sd": "----x-------x---", "bd": "x---x---x---x---"},
        ),
        (
            "```\ntime: 3/4\nrc: x--xx--xx--x\n\nbd: x-----------\n```",
            WALTZ,
            {"rc": "x--xx--xx--x", "bd": "x-----------"},
        ),
    ],
    ids=[
        "json",
        "json-in-fence",
        "json-then-prose",
        "json-inside-prose",
        "alias-keys",
        "bar-marks-and-underscore-rests",
        "silent-track-dropped",
        "waltz-meter",
        "one-instrument-asked-for",
        "notation-in-fence",
        "one-line-notation-in-prose",
        "markdown-list",
        "words-before-the-instrument",
        "meter-line-and-blank-line-in-fence",
    ],
)
def test_usable_answers_become_patterns_in_the_requested_meter(
    text: str, request_: GenerationRequest, expected: dict[str, str]
) -> None:
    """JSON or notation lines of the right length give the pattern, in reading order, on the request's grid."""
    pattern, _name = parse_answer(text, request_)
    assert pattern.tracks == expected
    in_order = Pattern.from_tracks(expected, request_.time_signature, request_.steps_per_bar).ordered()
    assert list(pattern.tracks) == list(in_order.tracks)
    assert (pattern.time_signature, pattern.steps_per_bar) == (request_.time_signature, request_.steps_per_bar)


def test_the_name_comes_from_the_json_and_is_empty_when_there_is_none() -> None:
    """The model's name is kept (tidied); notation text has none."""
    assert parse_answer(tracks_json(GOOD_16, name="  Greasy\n pocket "), FUNK)[1] == "Greasy pocket"
    assert parse_answer("bd: x---x---x---x---; sd: ----x-------x---", FUNK)[1] == ""


@pytest.mark.parametrize(
    ("text", "request_", "reason"),
    [
        ("", FUNK, "the answer was empty"),
        ("I'd play a four on the floor with hats on the offbeat.", FUNK, "neither JSON nor notation lines"),
        ("Kick: off the beat, snare: on two", FUNK, "neither JSON nor notation lines"),
        ('{"name": "Cut", "tracks": {"ch": "x-x-x-x-x-', FUNK, "cut off in the middle of its JSON"),
        ('{"name": "Bad", "tracks": {"bd": "x---x---x---x---",, }}', FUNK, "not valid JSON"),
        (json.dumps({"name": "No tracks", "bd": "x---x---x---x---"}), FUNK, 'no "tracks" object'),
        (json.dumps({"name": "List", "tracks": [{"bd": "x---"}]}), FUNK, 'no "tracks" object'),
        (tracks_json({"ch": GOOD_16["ch"], "sd": "----X--o-o--X--", "bd": GOOD_16["bd"]}), FUNK,
         "track sd has 15 steps, expected 16 (1 bar of 16 steps in 4/4)"),
        (tracks_json({"sd": "-" * 17, "bd": "x" * 12}), FUNK,
         "track sd has 17 steps and track bd has 12 steps, expected 16"),
        (tracks_json({"ch": GOOD_16["ch"], "bd": GOOD_16["bd"]}), FUNK_2_BARS,
         "track ch has 16 steps and track bd has 16 steps, expected 32 (2 bars of 16 steps in 4/4)"),
        (tracks_json({"banjo": GOOD_16["bd"], "sd": GOOD_16["sd"]}), FUNK, "'banjo' is not an instrument"),
        (tracks_json({"kick": GOOD_16["bd"], "bd": GOOD_16["bd"]}), FUNK, "bass drum (bd) has two tracks"),
        (tracks_json({"sd": "----y-------x---", "bd": GOOD_16["bd"]}), FUNK,
         "track sd, step 5: 'y' is not a step symbol"),
        (json.dumps({"name": "N", "tracks": {"bd": 16}}), FUNK, "track bd is JSON int, not a string of steps"),
        (tracks_json({"sd": "-" * 16, "bd": "-" * 16}), FUNK, "no hits at all"),
        (tracks_json({"sh": "XxxxXxxxXxxxXxxx"}), FUNK, "only one instrument (sh, shaker)"),
        (tracks_json({"sh": "XxxxXxxxXxxxXxxx", "bd": "-" * 16}), FUNK, "only one instrument (sh, shaker)"),
        ("```\nbd: x---x---x---x---\nsd: ----x-------x--\n```", FUNK, "track sd has 15 steps, expected 16"),
        ('{"tracks": ' * 3000, FUNK, "the answer's JSON is nested too deeply to read"),
        ('{"tracks": {"bd": ' + "1" * 5000 + "}}", FUNK, "the answer's JSON could not be read (Exceeds the limit"),
        ("Here: " + '{"a": ' * 3000, FUNK, "neither JSON nor notation lines"),
    ],
    ids=[
        "empty",
        "prose",
        "prose-with-colons",
        "cut-off",
        "broken-json",
        "no-tracks-object",
        "tracks-as-list",
        "one-track-short",
        "two-tracks-wrong",
        "one-bar-for-two",
        "unknown-instrument",
        "same-instrument-twice",
        "bad-step-symbol",
        "steps-not-a-string",
        "no-hits",
        "one-track-for-a-kit",
        "one-sounding-track-for-a-kit",
        "notation-wrong-length",
        "json-nested-too-deeply",
        "json-number-of-5000-digits",
        "nested-json-in-prose",
    ],
)  # fmt: skip
def test_unusable_answers_are_refused_with_the_reason(text: str, request_: GenerationRequest, reason: str) -> None:
    """Nothing is padded, cut or guessed: the error says what is wrong with the answer."""
    with pytest.raises(LLMUnusable) as caught:
        parse_answer(text, request_)
    assert reason in str(caught.value)


LONG = 20_000


@pytest.mark.parametrize(
    "text",
    [
        "a" * LONG,
        "x" * LONG,
        "kick " * (LONG // 5),
        "bd: " + "x-" * (LONG // 2) + "q",
        "bd: " + "x " * (LONG // 2) + "q",
        "a:" * (LONG // 2),
        "the kick snare: " * (LONG // 16),
        "- **sd:** `" + "x" * LONG + "`",
        "Here: " + "{" * LONG,
        "Here: " + '{"a": ' * (LONG // 6),
        "```\n" * (LONG // 4),
    ],
    ids=[
        "letters",
        "hits",
        "words",
        "steps-glued-to-a-letter",
        "spaced-steps",
        "colons",
        "names-and-colons",
        "markdown-steps",
        "braces",
        "nested-objects",
        "fences",
    ],
)
def test_a_long_answer_is_read_in_linear_time(text: str) -> None:
    """20,000 characters of any shape are refused in well under 100 ms (the backtracking reader
    took 12 s on 20,000 letters, holding the interpreter lock and with it the bot's event loop)."""
    started = time.perf_counter()
    with pytest.raises(LLMUnusable):
        parse_answer(text, FUNK)
    assert time.perf_counter() - started < 0.1


# The notation-in-prose reader this module had before it was written out by hand: correct,
# but its backtracking took time quadratic in a line's length. It stays as the specification.
_SPEC_STEPS = re.escape("".join(dict.fromkeys(SYMBOL_CHARS + "".join(REST_ALIASES) + "|")))
_SPEC_WORD = r"[A-Za-z][A-Za-z-]*"
_SPEC_ENTRY = re.compile(
    rf"(?P<name>{_SPEC_WORD}(?: {_SPEC_WORD}){{0,2}})[*_`]*\s*:\s*[*`]*\s*"
    rf"(?P<steps>[{_SPEC_STEPS}](?:[{_SPEC_STEPS} \t]*[{_SPEC_STEPS}])?)(?![A-Za-z0-9])"
)


def _spec_entries(line: str) -> list[tuple[str, str]]:
    found = [(_entry_code(m.group("name")), m.group("steps")) for m in _SPEC_ENTRY.finditer(line)]
    return [(code, steps) for code, steps in found if code and sum(c not in SEPARATORS for c in steps) >= 4]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="bdsnareki hat-xXofr_.|:;*`\t9", max_size=60))
def test_the_notation_reader_finds_what_the_backtracking_regex_found(line: str) -> None:
    """On any line, the linear reader gives the entries the old regex gave, in the same order."""
    assert _notation_entries(line) == _spec_entries(line)


# ---------------------------------------------------------------------------------------
# PatternWriter against FakeOllama


def test_a_good_answer_gives_the_pattern_at_the_first_attempt(fake: FakeOllama) -> None:
    """The model's JSON becomes the pattern, with the requested length and the model's name."""
    answer = writer_for(fake.url).write(FUNK_2_BARS, sample_grooves())
    assert isinstance(answer, LLMAnswer)
    assert answer.attempts == 1
    assert answer.name == "Fake backbeat"
    assert answer.pattern.length == 32
    assert answer.pattern.tracks == good_tracks(32)
    assert json.loads(answer.raw)["tracks"] == good_tracks(32)
    assert len(fake.requests) == 1


def test_the_request_carries_schema_examples_options_and_keep_alive(fake: FakeOllama) -> None:
    """The server sees the schema for N steps, the few-shot examples, the sampling options and keep_alive."""
    grooves = sample_grooves()
    writer_for(fake.url, temperature=0.5, top_p=0.8, num_predict=700, keep_alive="30m").write(
        FUNK_2_BARS, grooves, seed=1234
    )
    (body,) = fake.requests
    assert body["model"] == "llama3.1"
    assert body["stream"] is False
    assert body["format"] == response_schema(FUNK_2_BARS)
    assert body["format"]["properties"]["tracks"]["properties"]["sd"]["pattern"] == "^[-xXofr]{32}$"
    assert body["messages"] == build_messages(FUNK_2_BARS, grooves)
    shown = "\n".join(m["content"] for m in body["messages"])
    assert len({g.style for g in grooves}) >= 3
    for groove in grooves:
        assert groove.description in shown
        assert json.dumps(groove.pattern.ordered().tracks)[1:-1] in shown
    # num_predict: the setting, capped at what an answer of this length can need
    assert answer_tokens(FUNK_2_BARS) < 700
    assert body["options"] == {
        "temperature": 0.5,
        "top_p": 0.8,
        "num_predict": answer_tokens(FUNK_2_BARS),
        "seed": 1234,
    }
    assert body["keep_alive"] == "30m"


@pytest.mark.parametrize(("settings_seed", "call_seed", "sent"), [(None, None, None), (7, None, 7), (7, 99, 99)])
def test_the_seed_is_the_callers_else_the_settings_else_none(
    fake: FakeOllama, settings_seed: int | None, call_seed: int | None, sent: int | None
) -> None:
    """A seed passed to write() wins over the configured one; with neither, no seed is sent."""
    writer_for(fake.url, seed=settings_seed).write(FUNK, [], seed=call_seed)
    assert fake.requests[0]["options"].get("seed") == sent


def test_a_wrong_length_answer_is_repaired_with_the_parsers_words() -> None:
    """The second request replays the bad answer and quotes the exact problem; its fix is used."""
    with FakeOllama(script=["wrong_length", "good"]) as fake:
        answer = writer_for(fake.url).write(FUNK, sample_grooves())
    assert answer.attempts == 2
    assert answer.pattern.tracks == good_tracks(16)
    first, second = fake.requests
    assert second["messages"][: len(first["messages"])] == first["messages"]
    bad_answer, complaint = second["messages"][len(first["messages"]) :]
    assert bad_answer["role"] == "assistant"
    assert json.loads(bad_answer["content"])["tracks"]["sd"] == good_tracks(16)["sd"][:-1]
    assert complaint["role"] == "user"
    assert "track sd has 15 steps, expected 16 (1 bar of 16 steps in 4/4)" in complaint["content"]
    assert second["format"] == first["format"]


def test_two_prose_answers_are_unusable_after_two_attempts() -> None:
    """A model that only chats gets one more chance, then LLMUnusable says why."""
    with FakeOllama("prose") as fake, pytest.raises(LLMUnusable) as caught:
        writer_for(fake.url).write(FUNK, sample_grooves())
    assert caught.value.attempts == 2
    assert str(caught.value).startswith("the model gave no usable pattern in 2 tries: ")
    assert "neither JSON nor notation lines" in str(caught.value)
    assert len(fake.requests) == 2


def test_a_cut_off_answer_says_it_hit_the_token_limit() -> None:
    """JSON cut off by num_predict is unusable, and the reason names the limit."""
    with FakeOllama("truncated") as fake, pytest.raises(LLMUnusable) as caught:
        writer_for(fake.url, num_predict=300).write(FUNK, [])
    assert caught.value.attempts == 2
    assert "cut off in the middle of its JSON" in str(caught.value)
    assert "limit of 300 tokens" in str(caught.value)


def test_a_cut_off_answer_then_a_good_one_succeeds() -> None:
    """A truncated first answer is repaired like any other unusable one."""
    with FakeOllama(script=["truncated", "good"]) as fake:
        answer = writer_for(fake.url).write(FUNK, [])
    assert answer.attempts == 2
    assert "cut off" in fake.requests[1]["messages"][-1]["content"]


def test_notation_text_from_a_server_that_ignores_format_is_read() -> None:
    """Notation lines in a code fence are a usable answer, at the first attempt."""
    with FakeOllama("notation_text") as fake:
        answer = writer_for(fake.url).write(WALTZ, sample_grooves())
    assert answer.attempts == 1
    assert answer.pattern.tracks == good_tracks(12)
    assert (answer.pattern.time_signature, answer.pattern.steps_per_bar) == ("3/4", 12)
    assert answer.name == "New jazz groove"


def test_a_single_track_answer_is_unusable_for_a_kit_request() -> None:
    """One instrument is not a groove unless the user asked for one instrument."""
    with FakeOllama("single_track") as fake, pytest.raises(LLMUnusable) as caught:
        writer_for(fake.url).write(FUNK, [])
    assert caught.value.attempts == 2
    assert "only one instrument (sh, shaker)" in str(caught.value)


def test_a_single_track_answer_is_the_answer_when_one_instrument_was_asked_for() -> None:
    """'just a shaker pattern' accepts a shaker-only answer."""
    with FakeOllama("single_track") as fake:
        answer = writer_for(fake.url).write(SHAKER, [])
    assert answer.attempts == 1
    assert list(answer.pattern.tracks) == ["sh"]


def test_http_500_is_unavailable_at_once() -> None:
    """A server error is not retried and says what the server said."""
    with FakeOllama("error500") as fake, pytest.raises(LLMUnavailable) as caught:
        writer_for(fake.url).write(FUNK, [])
    assert type(caught.value) is LLMUnavailable
    assert caught.value.attempts == 1
    assert str(caught.value) == (
        f"the Ollama server at {fake.url} answered HTTP 500: llama runner process has terminated: exit status 2"
    )
    assert len(fake.requests) == 1


def test_http_404_means_the_model_is_missing_and_says_how_to_pull_it() -> None:
    """A missing model is ModelMissing (not 'unavailable'), naming `ollama pull <model>`."""
    with FakeOllama("missing_model") as fake, pytest.raises(ModelMissing) as caught:
        writer_for(fake.url).write(FUNK, [])
    assert caught.value.attempts == 1
    assert "`ollama pull llama3.1`" in str(caught.value)
    assert not isinstance(caught.value, LLMUnavailable)


def test_a_stalled_server_is_unavailable_after_the_time_limit() -> None:
    """No answer within the timeout is LLMUnavailable naming the host and the limit."""
    with FakeOllama("stall", stall_seconds=30) as fake, pytest.raises(LLMUnavailable) as caught:
        writer_for(fake.url, timeout=0.5).write(FUNK, [])
    assert caught.value.attempts == 1
    assert str(caught.value) == f"the Ollama server at {fake.url} did not answer within 0.5 s (OLLAMA_TIMEOUT)"


def test_a_server_that_is_down_is_unavailable() -> None:
    """Connection refused is LLMUnavailable naming the host."""
    url = closed_port_url()
    with pytest.raises(LLMUnavailable) as caught:
        writer_for(url).write(FUNK, [])
    assert caught.value.attempts == 1
    assert str(caught.value) == f"the Ollama server at {url} did not answer: nothing accepts connections there"


def test_a_server_that_is_not_ollama_is_unavailable() -> None:
    """An HTML page where a chat reply belongs is LLMUnavailable, not a crash."""
    with FakeOllama("garbage") as fake, pytest.raises(LLMUnavailable) as caught:
        writer_for(fake.url).write(FUNK, [])
    assert "not an Ollama chat reply" in str(caught.value)


HOSTILE_TIMEOUT = 2.0  # OLLAMA_TIMEOUT in the hostile-server tests
WORKER = "pydrums-ollama-chat"  # the thread each chat request runs in


HOSTILE = [  # (mode, the error, what it says): every one of FakeOllama's hostile modes
    ("drip", LLMUnavailable, "{where} did not send its whole answer within 2 s (OLLAMA_TIMEOUT)"),
    ("hang", LLMUnavailable, "{where} did not answer within 2 s (OLLAMA_TIMEOUT)"),
    ("huge", LLMUnusable, "the answer was longer than 64 kB (a pattern takes a few kB); the rest was not read"),
    ("list", LLMUnavailable, "{where} answered with a JSON list, not an Ollama chat reply"),
    ("number", LLMUnavailable, "{where} answered with a JSON number, not an Ollama chat reply"),
    ("null", LLMUnavailable, "{where} answered with JSON null, not an Ollama chat reply"),
    ("html", LLMUnavailable, "{where} answered HTTP 502: an HTML page (502 Bad Gateway)"),
    ("empty", LLMUnavailable, "{where} answered with an empty body, not an Ollama chat reply"),
    ("close", LLMUnavailable, "{where} closed the connection without a whole answer "
                              "(Server disconnected without sending a response.)"),
]  # fmt: skip


def test_every_hostile_mode_of_the_fake_is_covered() -> None:
    assert sorted(mode for mode, *_ in HOSTILE) == sorted(HOSTILE_MODES)


@pytest.mark.parametrize(("mode", "error", "said"), HOSTILE, ids=[mode for mode, *_ in HOSTILE])
def test_a_hostile_server_is_one_clear_error_within_the_time_limit(mode: str, error: type[LLMError], said: str) -> None:
    """Whatever the server does, write() ends within OLLAMA_TIMEOUT + 2 s with one LLMError saying
    what happened, and no thread is left reading from it."""
    with FakeOllama(mode) as fake:
        started = time.monotonic()
        with pytest.raises(LLMError) as caught:
            writer_for(fake.url, timeout=HOSTILE_TIMEOUT).write(FUNK, [])
        elapsed = time.monotonic() - started
        assert type(caught.value) is error
        assert str(caught.value) == said.format(where=f"the Ollama server at {fake.url}")
        assert caught.value.attempts == 1
        assert len(fake.requests) == 1
        assert elapsed <= HOSTILE_TIMEOUT + 2, f"{elapsed:.1f} s"
        if mode not in ("drip", "hang"):
            assert elapsed < 1, f"{elapsed:.1f} s"
        # the connection was dropped, so the worker ends at its next read
        ended_by = time.monotonic() + 2
        while any(t.name == WORKER for t in threading.enumerate()) and time.monotonic() < ended_by:
            time.sleep(0.05)
        assert not any(t.name == WORKER for t in threading.enumerate())
        if mode == "drip":  # the server sees the hang-up at its second byte after it
            while not fake.abandoned and time.monotonic() < ended_by + 2:
                time.sleep(0.05)
            assert fake.abandoned == 1


def test_the_time_limit_is_for_the_whole_conversation() -> None:
    """A repair round gets only what is left of OLLAMA_TIMEOUT: a first answer that needs a
    repair, then a server that drips, ends at the limit, not a limit later."""
    with FakeOllama(script=["wrong_length", "drip"]) as fake:
        started = time.monotonic()
        with pytest.raises(LLMUnavailable) as caught:
            writer_for(fake.url, timeout=HOSTILE_TIMEOUT).write(FUNK, [])
        elapsed = time.monotonic() - started
    assert caught.value.attempts == 2 and len(fake.requests) == 2
    assert "did not send its whole answer within 2 s" in str(caught.value)
    assert HOSTILE_TIMEOUT - 0.1 <= elapsed <= HOSTILE_TIMEOUT + 0.5, f"{elapsed:.1f} s"


def test_an_answer_under_the_byte_limit_is_read_whole() -> None:
    """60,000 letters of answer (under 64 kB with the reply around it) are read and refused as no
    pattern, quickly; only a reply past the limit is cut off."""
    with FakeOllama("huge", huge_bytes=60_000) as fake, pytest.raises(LLMUnusable) as caught:
        started = time.monotonic()
        writer_for(fake.url, timeout=HOSTILE_TIMEOUT).write(FUNK, [])
    assert "neither JSON nor notation lines" in str(caught.value)
    assert caught.value.attempts == 2
    assert time.monotonic() - started < 1


def test_ping_tells_whether_a_server_answers() -> None:
    """ping() is True for a live server and False (not an exception) when nothing listens."""
    with FakeOllama() as fake:
        assert writer_for(fake.url).ping() is True
        assert ("GET", "/api/version") in fake.calls
    assert writer_for(closed_port_url()).ping(timeout=0.5) is False


# ---------------------------------------------------------------------------------------
# Settings from the environment


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, OllamaSettings()),
        ({"OLLAMA_HOST": "", "OLLAMA_MODEL": " ", "OLLAMA_TIMEOUT": ""}, OllamaSettings()),
        (
            {"OLLAMA_HOST": "http://10.0.0.5:8080", "OLLAMA_MODEL": "qwen2.5:7b", "OLLAMA_TIMEOUT": "12.5"},
            OllamaSettings(host="http://10.0.0.5:8080", model="qwen2.5:7b", timeout=12.5),
        ),
        ({"OLLAMA_HOST": "localhost"}, OllamaSettings(host="http://localhost:11434")),
        ({"OLLAMA_HOST": "0.0.0.0:11500"}, OllamaSettings(host="http://0.0.0.0:11500")),
        ({"OLLAMA_HOST": "https://ollama.example.org/"}, OllamaSettings(host="https://ollama.example.org:443")),
    ],
)
def test_settings_come_from_the_environment(environ: dict[str, str], expected: OllamaSettings) -> None:
    """OLLAMA_HOST, OLLAMA_MODEL and OLLAMA_TIMEOUT are read; unset or empty means the default."""
    assert OllamaSettings.from_env(environ) == expected


@pytest.mark.parametrize(
    ("environ", "variable"),
    [
        ({"OLLAMA_TIMEOUT": "soon"}, "OLLAMA_TIMEOUT"),
        ({"OLLAMA_TIMEOUT": "0"}, "OLLAMA_TIMEOUT"),
        ({"OLLAMA_TIMEOUT": "-5"}, "OLLAMA_TIMEOUT"),
        ({"OLLAMA_TIMEOUT": "inf"}, "OLLAMA_TIMEOUT"),
        ({"OLLAMA_HOST": "http://127.0.0.1:notaport"}, "OLLAMA_HOST"),
        ({"OLLAMA_HOST": "ftp://box"}, "OLLAMA_HOST"),
        ({"OLLAMA_HOST": "my host"}, "OLLAMA_HOST"),
        ({"OLLAMA_MODEL": "llama 3"}, "OLLAMA_MODEL"),
    ],
)
def test_bad_settings_are_one_line_naming_the_variable(environ: dict[str, str], variable: str) -> None:
    """A malformed variable is a ValueError whose single line starts with its name."""
    with pytest.raises(ValueError) as caught:
        OllamaSettings.from_env(environ)
    message = str(caught.value)
    assert message.startswith(f"{variable}: ")
    assert "\n" not in message


# ---------------------------------------------------------------------------------------
# A real Ollama, when one is configured


def _real_ollama() -> OllamaSettings | None:
    if not os.environ.get("OLLAMA_HOST"):
        return None
    settings = OllamaSettings.from_env()
    try:
        tags = httpx.get(f"{settings.host}/api/tags", timeout=2).json()
        httpx.get(f"{settings.host}/api/version", timeout=2).raise_for_status()
    except (httpx.HTTPError, ValueError):
        return None
    names = {m.get("name", "") for m in tags.get("models", [])}
    if settings.model not in names and f"{settings.model}:latest" not in names:
        return None
    return settings


@pytest.mark.slow
def test_a_real_ollama_writes_a_pattern_of_the_requested_length() -> None:
    """With OLLAMA_HOST answering and the model pulled, the structured answer has exactly N steps."""
    settings = _real_ollama()
    if settings is None:
        pytest.skip("no real Ollama: OLLAMA_HOST unset, not answering /api/version, or the model is not pulled")
    try:
        answer = PatternWriter(settings).write(FUNK_2_BARS, sample_grooves(), seed=42)
    except LLMError as exc:  # show what the real model did, as the failure message
        pytest.fail(f"{type(exc).__name__} after {exc.attempts} attempt(s): {exc}")
    assert answer.pattern.length == 32
    assert len(answer.pattern.tracks) >= 2
