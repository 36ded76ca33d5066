"""Engine.generate() end to end: retrieval, prompt, the real Ollama client over real sockets.

One engine and one `FakeOllama` serve the whole module (the embedding index is copied from
the session engine, so nothing is re-encoded); each test sets the fake's mode and starts
with an empty request log. Every case pins what a user would see: where the pattern came
from, why, how many times the model was asked, and which grooves it was shown.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import time
import wave
from collections.abc import Iterator

import mido
import pytest
from PIL import Image

from pydrums_engine.check import check_pattern
from pydrums_engine.engine import Engine
from pydrums_engine.errors import InputError
from pydrums_engine.generation import Generation
from pydrums_engine.instruments import BY_CODE
from pydrums_engine.llm import OllamaSettings, PatternWriter
from pydrums_engine.notation import Pattern, parse_pattern
from pydrums_engine.render.audio import TAIL_SECONDS
from pydrums_engine.transforms import to_bars
from tests.conftest import DATA_DIR, make_engine, seeded_index
from tests.fakes import FakeOllama, closed_port_url
from tests.fakes.ollama_server import HOSTILE_MODES

TIMEOUT = 30.0  # generous: the fake answers at once, the machine may be busy
SHORT_TIMEOUT = 0.5
HOSTILE_TIMEOUT = 2.0  # OLLAMA_TIMEOUT against hostile servers; the target is at most 2 s more
UNAVAILABLE = "The model server is not answering right now"
UNUSABLE = "The model's answer could not be read as a pattern"
LIBRARY_WORDS = "closest"  # "the closest groove from the library" or "the closest library groove, edited to fit"


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeOllama]:
    with FakeOllama(stall_seconds=3.0) as server:
        yield server


@pytest.fixture(scope="module")
def llm_engine(engine, encoder, fake, tmp_path_factory) -> Engine:
    """The real engine and library, writing through the real Ollama client to the fake."""
    index = tmp_path_factory.mktemp("generate-index")
    shutil.copytree(engine.index_dir, index, dirs_exist_ok=True)  # up to date: nothing re-encoded
    settings = OllamaSettings(host=fake.url, timeout=TIMEOUT)
    return make_engine(DATA_DIR, index, encoder, writer=PatternWriter(settings), ollama=settings)


@pytest.fixture(autouse=True)
def fresh(fake: FakeOllama, llm_engine: Engine) -> Iterator[None]:
    """Each test starts with a good server, no script, an empty log and the module's writer."""
    writer = llm_engine.writer
    fake.mode, fake.script = "good", []
    fake.requests.clear()
    fake.calls.clear()
    yield
    llm_engine.writer = writer


def point_at(engine: Engine, host: str, timeout: float = TIMEOUT) -> None:
    """Make the engine's writer talk to ``host`` (restored after the test by `fresh`)."""
    engine.writer = PatternWriter(OllamaSettings(host=host, timeout=timeout))


def step_patterns(request: dict) -> set[str]:
    """The step regexes of every track in the schema a chat request carried as ``format``."""
    tracks = request["format"]["properties"]["tracks"]["properties"]
    return {spec["pattern"] for spec in tracks.values()}


def steps_allowed(pattern: str) -> int:
    """How many steps a track's step regex admits: "^[xX][-xo]{11}$" -> 12 (a place may be fixed)."""
    return sum(int(n or 1) for n in re.findall(r"\[[^\]]*\](?:\{(\d+)\})?", pattern))


def assert_library(result: Generation, engine: Engine, *, attempts: int, because: str) -> None:
    """A library answer: the groove used first in examples, its own pattern shaped to the bars, the reason given."""
    assert result.source == "library"
    assert result.attempts == attempts
    assert because in f"{result.reason} {result.detail}"
    assert LIBRARY_WORDS in result.reason and "library" in result.reason
    assert 1 <= len(result.examples) <= 5 and len(set(result.examples)) == len(result.examples)
    groove = engine.library.by_id[result.examples[0]]
    assert result.style == groove.style
    assert result.check.honoured
    if "edited" not in result.reason:
        assert result.pattern == to_bars(groove.pattern, result.bars).ordered()
    data = result.to_json()
    assert data["source"] == "library"
    assert data["reason"] == result.reason


# ---------------------------------------------------------------------------------------
# The model answers


def test_good_answer_is_the_models_pattern_built_on_different_library_grooves(llm_engine, fake):
    """One request for a one-bar unit (the engine repeats it), its schema holding funk's backbeat,
    with the 3-5 grooves listed as examples; the answer passes the check."""
    result = llm_engine.generate("groovy funk with ghost notes", bars=2)

    assert result.source == "llm"
    assert result.attempts == 1
    assert result.reason is None
    assert result.bars == 2
    assert result.pattern.length == 2 * 16
    assert result.pattern.tracks.keys() == {"ch", "sd", "bd"}  # what the fake writes
    assert 3 <= len(result.examples) <= 5
    assert len(set(result.examples)) == len(result.examples)
    assert all(example_id in llm_engine.library.by_id for example_id in result.examples)
    assert result.style == "funk"

    assert result.check.passed
    assert len(fake.requests) == 1
    sent = fake.requests[0]
    tracks = sent["format"]["properties"]["tracks"]
    assert tracks["properties"]["sd"]["pattern"] == "^[-xXofr]{4}[xXfr][-xXofr]{7}[xXfr][-xXofr]{3}$"  # 2 and 4
    assert tracks["properties"]["bd"]["pattern"] == "^[-xXo]{16}$"  # no flams or rolls on a kick
    assert {"bd", "sd"} <= set(tracks["required"])
    assert result.pattern.steps("sd")[:16] == result.pattern.steps("sd")[16:]  # the unit, repeated
    messages = sent["messages"]
    assert messages[0]["role"] == "system"
    assert messages[-1]["role"] == "user"
    assert "exactly 16 steps" in messages[-1]["content"]
    assert "groovy funk with ghost notes" in messages[-1]["content"]
    for n, example_id in enumerate(result.examples):
        groove = llm_engine.library.by_id[example_id]
        ask, answer = messages[1 + 2 * n], messages[2 + 2 * n]
        assert ask["role"] == "user"
        assert ask["content"].startswith(f"Groove: {groove.description}\n")
        assert answer["role"] == "assistant"
        assert json.loads(answer["content"])["name"] == groove.name
    assert len(messages) == 2 + 2 * len(result.examples)


def test_a_repair_round_fixes_a_wrong_length(llm_engine, fake):
    """A track one step short is sent back with the parser's complaint; the second answer is used."""
    fake.script = ["wrong_length", "good"]
    result = llm_engine.generate("groovy funk with ghost notes", bars=1)

    assert result.source == "llm"
    assert result.attempts == 2
    assert result.pattern.length == 16
    assert len(fake.requests) == 2
    repair = fake.requests[1]["messages"][-1]["content"]
    assert "track sd has 15 steps, expected 16" in repair


FILL_STEPS = range(28, 32)  # the last beat of bar 2


def assert_tom_fill(pattern: Pattern) -> None:
    """High, mid and floor tom descend through the last beat; no hats or ride under them."""
    first = {code: min(i for i in pattern.hits(code) if i in FILL_STEPS) for code in ("ht", "mt", "lt")}
    assert first["ht"] < first["mt"] < first["lt"]
    for code in ("ch", "oh", "ph", "rc"):
        assert not set(pattern.hits(code)) & set(FILL_STEPS)
    for step in FILL_STEPS:
        assert any(pattern.steps(code)[step] != "-" for code in ("sd", "ht", "mt", "lt")), step


def test_a_tom_fill_lands_in_the_last_bar(llm_engine):
    """'ending with a tom fill': the model's groove, then toms over the end of bar 2 and nowhere else."""
    result = llm_engine.generate("rock beat ending with a tom fill", bars=2)

    assert result.source == "llm"
    assert_tom_fill(result.pattern)
    toms = {step for code in ("ht", "mt", "lt") for step in result.pattern.hits(code)}
    assert min(toms) >= 16


def test_a_fill_from_the_library_lands_in_the_last_bar_too(llm_engine):
    """The fallback honours the fill as well: bar 1 is the groove as written, bar 2 ends in the fill."""
    point_at(llm_engine, closed_port_url())
    result = llm_engine.generate("rock beat ending with a tom fill", bars=2)

    assert result.source == "library"
    assert_tom_fill(result.pattern)
    groove = to_bars(llm_engine.library.by_id[result.examples[0]].pattern, 2)
    for code in groove.tracks.keys() | result.pattern.tracks.keys():
        assert result.pattern.steps(code)[:16] == groove.steps(code)[:16], code


# ---------------------------------------------------------------------------------------
# The model cannot be used: a library groove, and a reason that says why


def test_server_down_gives_the_reggae_groove_asked_for(llm_engine):
    """Nothing listens at OLLAMA_HOST: a reggae library groove of 2 bars, and the reason says so."""
    point_at(llm_engine, closed_port_url())
    result = llm_engine.generate("laid back reggae one drop", bars=2)

    assert_library(result, llm_engine, attempts=1, because="did not answer")
    assert result.style == "reggae"
    assert result.bars == 2
    assert result.pattern.length == 32
    assert result.pattern.time_signature == "4/4"


@pytest.mark.parametrize(
    ("script", "attempts", "because"),
    [
        (["error500"], 1, "answered HTTP 500"),
        (["missing_model"], 1, "run `ollama pull llama3.1`"),
        (["garbage"], 1, "not an Ollama chat reply"),
        (["prose", "prose"], 6, "no usable pattern in 2 tries"),  # three candidates, each repaired once
        (["truncated", "truncated"], 6, "cut off"),
    ],
    ids=["error500", "missing_model", "garbage", "prose_twice", "truncated_twice"],
)
def test_server_failures_fall_back_to_the_library(llm_engine, fake, script, attempts, because):
    """Every way the server can fail ends in a library groove with the reason and the tries spent."""
    fake.script = list(script)
    fake.mode = script[-1]
    result = llm_engine.generate("groovy funk with ghost notes", bars=2)

    assert_library(result, llm_engine, attempts=attempts, because=because)
    assert result.style == "funk"
    assert result.pattern.length == 32
    assert len(fake.requests) == attempts


def test_a_stalled_server_is_given_up_on_after_the_time_limit(llm_engine, fake):
    """The server takes longer than OLLAMA_TIMEOUT: library groove, and the limit is named."""
    fake.mode = "stall"
    point_at(llm_engine, fake.url, timeout=SHORT_TIMEOUT)
    result = llm_engine.generate("groovy funk with ghost notes", bars=2)

    assert_library(result, llm_engine, attempts=1, because=f"did not answer within {SHORT_TIMEOUT:g} s")


HOSTILE = [  # (mode, model requests, the reason users read, what the operator reads)
    ("drip", 1, UNAVAILABLE, "did not send its whole answer within 2 s (OLLAMA_TIMEOUT)"),
    ("hang", 1, UNAVAILABLE, "did not answer within 2 s (OLLAMA_TIMEOUT)"),
    ("huge", 3, UNUSABLE, "the answer was longer than 64 kB"),  # each of three candidates refused
    ("list", 1, UNAVAILABLE, "answered with a JSON list, not an Ollama chat reply"),
    ("number", 1, UNAVAILABLE, "answered with a JSON number, not an Ollama chat reply"),
    ("null", 1, UNAVAILABLE, "answered with JSON null, not an Ollama chat reply"),
    ("html", 1, UNAVAILABLE, "answered HTTP 502: an HTML page (502 Bad Gateway)"),
    ("empty", 1, UNAVAILABLE, "answered with an empty body, not an Ollama chat reply"),
    ("close", 1, UNAVAILABLE, "closed the connection without a whole answer"),
]


@pytest.mark.parametrize(("mode", "attempts", "reason", "detail"), HOSTILE, ids=[row[0] for row in HOSTILE])
def test_a_hostile_server_gets_the_library_answer_within_the_time_limit(
    llm_engine, fake, mode, attempts, reason, detail
):
    """Whatever the server sends, or does not send: a library groove within OLLAMA_TIMEOUT + 2 s,
    why in a musician's words, and what happened for the operator."""
    fake.mode = mode
    point_at(llm_engine, fake.url, timeout=HOSTILE_TIMEOUT)
    started = time.monotonic()
    result = llm_engine.generate("groovy funk with ghost notes", bars=2)
    elapsed = time.monotonic() - started

    assert_library(result, llm_engine, attempts=attempts, because=detail)
    assert result.reason.startswith(f"{reason}, so this is the closest")
    assert detail in result.detail and fake.url not in result.reason
    assert len(fake.requests) == attempts
    assert elapsed <= HOSTILE_TIMEOUT + 2, f"{elapsed:.1f} s"
    assert {row[0] for row in HOSTILE} == set(HOSTILE_MODES)


def test_the_time_limit_covers_every_candidate_and_repair(llm_engine, fake):
    """One candidate spends two answers in prose, the next meets a server that drips: the library
    answers when OLLAMA_TIMEOUT is up, counted from the first request, not from the last."""
    fake.script = ["prose", "prose"]
    fake.mode = "drip"
    point_at(llm_engine, fake.url, timeout=HOSTILE_TIMEOUT)
    started = time.monotonic()
    result = llm_engine.generate("groovy funk with ghost notes", bars=2)
    elapsed = time.monotonic() - started

    assert_library(result, llm_engine, attempts=3, because="did not send its whole answer within 2 s")
    assert len(fake.requests) == 3
    assert elapsed <= HOSTILE_TIMEOUT + 2, f"{elapsed:.1f} s"


def test_without_a_model_configured_the_library_answers(llm_engine, fake):
    """Engine.load(use_llm=False) has no writer: library groove, and nothing is sent."""
    llm_engine.writer = None
    result = llm_engine.generate("laid back reggae one drop", bars=1)

    assert_library(result, llm_engine, attempts=0, because="No language model is configured")
    assert result.style == "reggae"
    assert fake.calls == []


# ---------------------------------------------------------------------------------------
# What the user asked for is what they get


@pytest.mark.parametrize("mode", ["good", "error500"])
def test_explicit_style_bpm_and_bars_are_honoured(llm_engine, fake, mode):
    """style/bpm/bars given by the user override what retrieval would pick, in both sources."""
    fake.mode = mode
    result = llm_engine.generate("something to dance to", style="Funk", bpm=123, bars=3)

    assert result.style == "funk"
    assert result.bpm == 123
    assert result.bars == 3
    assert result.pattern.length == 48
    data = result.to_json()
    assert {"notation", "style", "bpm", "bars", "source", "examples"} <= data.keys()
    assert (data["style"], data["bpm"], data["bars"]) == ("funk", 123, 3)
    assert data["source"] == ("llm" if mode == "good" else "library")
    assert ("reason" in data) is (mode != "good")
    assert parse_pattern(data["notation"]) == result.pattern
    assert data["examples"] == result.examples
    assert all(llm_engine.library.by_id[i].style == "funk" for i in data["examples"])


def test_json_is_serialisable(llm_engine):
    """to_json() goes straight into json.dumps (the CLI's --json)."""
    data = json.loads(json.dumps(llm_engine.generate("rock beat with rolling hi-hats").to_json()))
    assert data["source"] == "llm"
    assert "reason" not in data


def test_a_trap_answer_with_the_snare_on_2_and_4_is_not_shown_as_the_models(llm_engine, fake):
    """Trap's snare or clap lands on 3 (data/traits.toml); the fake model's backbeat on 2 and 4
    fails that, so the answer is the library's, saying why, with the snare or clap on 3."""
    answer = llm_engine.generate("trap beat with rolling hi-hats", seed=2)
    assert answer.source == "library"
    assert "lands on 3" in (answer.detail or "") or "on 3" in (answer.reason or ""), (answer.reason, answer.detail)
    steps = answer.pattern.steps_per_bar
    for bar in range(answer.pattern.bars):
        third = bar * steps + steps // 2
        assert any(answer.pattern.tracks.get(v, "-" * answer.pattern.length)[third] in "xX" for v in ("sd", "cp", "rs"))


def test_a_tempo_in_the_words_is_used(llm_engine):
    """'at 132 bpm' in the description sets the tempo when no bpm is given."""
    assert llm_engine.generate("a driving rock beat at 132 bpm").bpm == 132


@pytest.mark.parametrize(
    ("description", "meter", "steps_per_bar"),
    [("a waltz", "3/4", 12), ("something in 7/8", "7/8", 14)],
)
def test_the_meter_comes_from_the_request(llm_engine, fake, description, meter, steps_per_bar):
    """A waltz is planned in 3/4, '7/8' in 7/8: the schema asks for one bar of that many steps."""
    result = llm_engine.generate(description, bars=2)

    assert result.source == "llm"
    assert result.pattern.time_signature == meter
    assert result.pattern.steps_per_bar == steps_per_bar
    assert result.pattern.length == 2 * steps_per_bar
    assert {steps_allowed(p) for p in step_patterns(fake.requests[0])} == {steps_per_bar}  # one bar, repeated
    assert f"exactly {steps_per_bar} steps" in fake.requests[0]["messages"][-1]["content"]


def test_a_meter_in_the_words_holds_when_its_grooves_rank_low(llm_engine):
    """'afro twelve-eight' with a bell: the best matches are 6/8 bembé grooves, and no 12/8
    groove is among the first fifty; the answer is still in 12/8, not the top hit's 6/8."""
    point_at(llm_engine, closed_port_url())
    text = "afro twelve-eight, agbadza feel, cowbell bell pattern and the kick on the 4 big dotted beats"
    result = llm_engine.generate(text, bars=2)

    assert result.source == "library"
    assert result.pattern.time_signature == "12/8"
    kick = result.pattern.tracks["bd"]
    assert all(kick[s] in "xX" for s in range(0, 24, 3))  # every dotted-quarter beat, both bars


@pytest.mark.parametrize(("request_text", "meter"), [("slow doom waltz, heavy as hell", "3/4"), ("afro house", "4/4")])
def test_of_two_styles_named_the_last_names_the_meter(llm_engine, request_text, meter):
    """A "doom waltz" is a waltz played doom (3/4), "afro house" is house (4/4)."""
    point_at(llm_engine, closed_port_url())
    assert llm_engine.generate(request_text).pattern.time_signature == meter


def test_a_genre_that_only_hints_at_odd_meters_does_not_move_a_named_style_out_of_its_meter(llm_engine, fake):
    """ "jazz-fusion" names the odd-meter grooves, whose meters differ (5/4, 7/8, 7/4 ...): beside
    a bossa nova it says nothing of the meter, so the model is asked for bossa's 4/4 (it was once
    asked for 5/4 while the library answer came in 4/4)."""
    result = llm_engine.generate("bossa nova w/ cross stick and a shaker doing 16ths, for a jazz-fusion tune's intro")
    assert result.pattern.time_signature == "4/4"
    assert "exactly 16 steps" in fake.requests[0]["messages"][-1]["content"]


def test_counts_said_without_a_meter_are_counted_in_four_four(llm_engine):
    """A lazy Sunday-afternoon song's best matches were 6/8 grooves, and its "snare on 4, kick on
    1 and 3" came back in 6/8 while the reply counted them as said: a drummer who counts beats and
    names no meter counts in 4/4."""
    point_at(llm_engine, closed_port_url())
    text = (
        "hmm weird request maybe: no snare on 2, only on 4. kick on 1 and 3. it's for a lazy "
        "walking-through-the-park kinda song, sunday afternoon, coffee in hand"
    )
    result = llm_engine.generate(text)

    assert result.pattern.time_signature == "4/4"
    assert result.check.honoured


def test_a_waltz_from_the_library_is_in_three_four(llm_engine):
    """The fallback picks a groove in the planned meter."""
    point_at(llm_engine, closed_port_url())
    result = llm_engine.generate("a waltz", bars=2)

    assert result.source == "library"
    assert result.pattern.time_signature == "3/4"
    assert result.pattern.length == 24


# ---------------------------------------------------------------------------------------
# Bad input is refused before anything is sent


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"description": ""}, "describe the groove you want"),
        ({"description": "   \n\t "}, "describe the groove you want"),
        ({"description": "x" * 301}, "the description is 301 characters; keep it to 300"),
        ({"description": "funk", "bpm": 300}, "bpm must be from 40 to 240, not 300"),
        ({"description": "funk", "bpm": 39}, "bpm must be from 40 to 240, not 39"),
        ({"description": "funk", "bars": 9}, "bars must be from 1 to 8, not 9"),
        ({"description": "funk", "bars": 0}, "bars must be from 1 to 8, not 0"),
        ({"description": "funk", "style": "zydecore"}, "unknown style 'zydecore'; known styles: "),
        (
            {"description": "no kick, no snare, no hats, no cymbals, no toms, no percussion, no clap, no rim"},
            "the request rules out every instrument; name at least one that should play",
        ),
    ],
    ids=["empty", "blank", "too_long", "bpm_300", "bpm_39", "bars_9", "bars_0", "unknown_style", "nothing_to_play"],
)
def test_bad_input_is_an_input_error_and_reaches_no_server(llm_engine, fake, kwargs, message):
    """Each mistake gets a message that says what is wrong; the model is never asked."""
    with pytest.raises(InputError) as caught:
        llm_engine.generate(**kwargs)

    assert message in str(caught.value)
    assert fake.requests == []
    assert fake.calls == []


def test_one_instrument_the_groove_lacks_is_played_not_left_empty(llm_engine):
    """'heavy rock, cowbell only': no rock groove has a cowbell; the answer is the cowbell's
    part, alone (every other track had been taken out, leaving no pattern at all)."""
    point_at(llm_engine, closed_port_url())
    result = llm_engine.generate("heavy rock, cowbell only", bars=2)

    assert list(result.pattern.tracks) == ["cb"]
    assert result.pattern.hits("cb")
    assert result.check.passed, result.check.problems


def test_an_unknown_style_lists_the_known_ones(llm_engine):
    with pytest.raises(InputError) as caught:
        llm_engine.generate("funk", style="zydecore")
    assert "reggae" in str(caught.value)
    assert "funk" in str(caught.value)


def test_exactly_300_characters_is_accepted(llm_engine):
    assert llm_engine.generate(("funky drums " * 30)[:300]).source == "llm"


# ---------------------------------------------------------------------------------------
# Variations and rendering


BACKBEAT = Pattern.from_tracks(
    {
        "ch": "x-x-x-x-x-x-x-x-" * 2,
        "sd": "----X-------X---" * 2,
        "bd": "x-----x---x-----" * 2,
    }
)


@pytest.mark.parametrize("seed", range(8))
def test_vary_is_repeatable_new_and_keeps_the_backbeat(llm_engine, seed):
    """Same seed, same variation; it differs from the input; snare on 2 and 4 and the kick on 1 stay."""
    varied = llm_engine.vary(BACKBEAT, seed)

    assert varied == llm_engine.vary(BACKBEAT, seed)
    assert varied != BACKBEAT
    assert varied.length == BACKBEAT.length
    assert varied.time_signature == BACKBEAT.time_signature
    assert [i for i, s in enumerate(varied.steps("sd")) if s in "xX"] == [4, 12, 20, 28]
    assert {0, 16} <= set(varied.hits("bd"))


def test_different_seeds_give_different_variations(llm_engine):
    assert len({llm_engine.vary(BACKBEAT, seed) for seed in range(8)}) > 1


def test_vary_keeps_the_backbeat_of_a_generated_groove(llm_engine):
    pattern = llm_engine.generate("groovy funk with ghost notes", bars=2).pattern
    accents = [i for i, s in enumerate(pattern.steps("sd")) if s in "xX"]
    for seed in range(4):
        varied = llm_engine.vary(pattern, seed)
        assert varied != pattern
        assert [i for i, s in enumerate(varied.steps("sd")) if s in "xX"] == accents


def test_a_variation_still_does_what_the_request_asked(llm_engine):
    """Variation moves kicks and adds pickups, but not away from what the words placed."""
    request = "kick on 1 and 3, snare on 2 and 4, no crash"
    result = llm_engine.generate(request, bars=2)
    assert result.check.honoured
    plain = [llm_engine.vary(result.pattern, seed) for seed in range(12)]
    kept = [llm_engine.vary(result.pattern, seed, request=request) for seed in range(12)]
    intent = llm_engine.read(request)
    assert any(not check_pattern(p, intent).honoured for p in plain)  # the plain variation breaks it
    for pattern in kept:
        assert check_pattern(pattern, intent).honoured
    assert len({p.to_text() for p in kept}) > 1  # and is still a variation


def test_render_gives_midi_wav_and_png_that_decode(llm_engine):
    """The three attachments of /drums open in mido, wave and Pillow and match the pattern."""
    result = llm_engine.generate("groovy funk with ghost notes", bpm=100, bars=2)
    files = llm_engine.render(result.pattern, result.bpm, result.swing, title=result.name)

    midi = mido.MidiFile(file=io.BytesIO(files.midi))
    notes = [m for track in midi.tracks for m in track if m.type == "note_on" and m.velocity > 0]
    assert {m.channel for m in notes} == {9}  # General MIDI drums: channel 10
    assert {m.note for m in notes} == {BY_CODE[code].gm_note for code in result.pattern.tracks}
    assert len(notes) == sum(len(result.pattern.hits(code)) for code in result.pattern.tracks)

    with wave.open(io.BytesIO(files.wav)) as audio:
        assert audio.getnchannels() == 1
        assert audio.getsampwidth() == 2
        seconds = audio.getnframes() / audio.getframerate()
    bars_seconds = 2 * 4 * 60 / 100
    assert seconds == pytest.approx(bars_seconds + TAIL_SECONDS, abs=0.05)
    assert files.audio_renderer in ("builtin", "fluidsynth")

    image = Image.open(io.BytesIO(files.png))
    assert image.format == "PNG"
    image.load()
    assert image.width > image.height > 0


def test_render_refuses_a_tempo_out_of_range(llm_engine):
    with pytest.raises(InputError, match="bpm must be from 40 to 240, not 20"):
        llm_engine.render(BACKBEAT, 20)


def test_asking_again_while_the_model_is_away_gives_another_library_groove(llm_engine):
    """Regenerate with Ollama down: different seeds reach different grooves among the best few."""
    point_at(llm_engine, closed_port_url())
    used = {llm_engine.generate("funk with ghost notes", seed=seed).examples[0] for seed in range(6)}
    assert 2 <= len(used) <= 3
    assert all(llm_engine.library.by_id[i].style == "funk" for i in used)
    assert (
        llm_engine.generate("funk with ghost notes", seed=4).examples
        == llm_engine.generate("funk with ghost notes", seed=4).examples
    )


def test_asking_again_for_a_named_style_stays_in_that_style(llm_engine):
    """ "punk beat on the ride": among the best few is a house groove that rides too; asking
    again offers punk grooves, never it."""
    point_at(llm_engine, closed_port_url())
    for seed in range(6):
        result = llm_engine.generate("punk beat on the ride, no hats", seed=seed)
        assert result.style == "punk", (seed, result.examples[0])


def test_a_style_taken_back_is_not_the_one_planned(llm_engine):
    intent = llm_engine.read("not jazz, not latin, none of that... funk. tight and greasy funk")
    assert intent.styles == ("funk",)
    assert llm_engine.read("rock instead of jazz").styles == ("rock",)
    assert llm_engine.read("nothing but funk").styles == ("funk",)


def test_asking_again_for_boom_bap_never_offers_a_groove_with_the_snare_dragged_off_four(llm_engine):
    """The library's Dilla-style groove is boom bap too, but its late snare is an exception
    the request did not ask for: every seed keeps the backbeat on 2 and 4."""
    point_at(llm_engine, closed_port_url())
    for seed in range(6):
        result = llm_engine.generate("90s boom bap, dusty, swung hats", seed=seed)
        snare = result.pattern.tracks["sd"]
        for bar in range(result.pattern.bars):
            assert snare[bar * 16 + 4] in "xX" and snare[bar * 16 + 12] in "xX", (seed, result.examples[0])


@pytest.mark.parametrize(("request_text", "swung"), [("medium swing on the ride", True), ("straight jazz", False)])
def test_asking_again_keeps_the_swing_or_the_straight_feel_that_was_asked_for(llm_engine, request_text, swung):
    """ "medium swing": every seed offers a swung groove, never the straight latin-jazz one
    that ranks among the best few and would only be swung after the fact."""
    point_at(llm_engine, closed_port_url())
    for seed in range(6):
        groove = llm_engine.library.by_id[llm_engine.generate(request_text, seed=seed).examples[0]]
        assert (groove.swing > 0) == swung, (seed, groove.id)


# ---------------------------------------------------------------------------------------
# Song form: the model writes the other sections when it can


def test_the_model_writes_the_chorus_of_a_song_and_it_passes_the_check(llm_engine, fake):
    """AABA with a model that answers: A and B are the model's, B has its crash and fill."""
    result = llm_engine.generate("groovy funk with ghost notes", bars=2, form="AABA")
    assert result.source == "llm"
    assert result.song is not None and dict(result.song.made_by) == {"B": "model"}
    data = result.to_json()
    assert data["made_by"] == {"B": "model"} and data["form"] == "AABA" and data["bars"] == 8
    assert result.check.passed, result.check.problems
    chorus = result.song.sections()["B"]
    assert chorus.steps("cc")[0] == "X"  # a crash on its one, after A's fill
    assert len(fake.requests) == 2  # one answer for A, one for B
    assert "the chorus" in fake.requests[1]["messages"][-1]["content"]


def test_with_the_model_away_the_transforms_make_every_section(llm_engine):
    point_at(llm_engine, closed_port_url())
    result = llm_engine.generate("groovy funk with ghost notes", bars=2, form="ABAC")
    assert result.source == "library"
    assert dict(result.song.made_by) == {"B": "transform", "C": "transform"}


def test_a_song_keeps_one_deadline_for_every_section(llm_engine, fake):
    """A stalling server: the whole song, every section included, within the time limit + 2 s."""
    fake.mode = "stall"
    point_at(llm_engine, fake.url, timeout=1.0)
    started = time.monotonic()
    result = llm_engine.generate("groovy funk with ghost notes", bars=2, form="ABCD")
    assert time.monotonic() - started < 1.0 + 2.0
    assert result.source == "library" and dict(result.song.made_by) == {
        "B": "transform",
        "C": "transform",
        "D": "transform",
    }


def test_the_check_holds_the_style_traits_of_the_library_it_serves(data_copy, encoder, tmp_path):
    """A library kept elsewhere (PYDRUMS_DATA_DIR) brings its own traits.toml: its house has a
    ride on every eighth, and answers are held to that, not to the packaged rows."""
    (data_copy / "traits.toml").write_text(
        '[[trait]]\nstyles = ["house"]\nsays = "ride on every 8th"\nwhy = "this club wants a ride"\n', encoding="utf-8"
    )
    engine = make_engine(data_copy, seeded_index(tmp_path / "index"), encoder)
    answer = engine.generate("a house groove", seed=1)
    ride = answer.pattern.tracks.get("rc", "")
    assert ride and all(ride[step] != "-" for step in range(0, len(ride), 2)), answer.notation
    assert answer.check.passed


def test_regenerating_without_the_model_never_shows_a_groove_that_fails_when_a_close_one_passes(engine):
    """A seed picks one of the best few library grooves; where its edit would still break the
    request ("teks can go anywhere but not on 2 or 4": a cross-stick groove loses its snare to
    the "no backbeat"), the next of the few that passes is shown instead."""
    text = "pls no backbeat!! teks can go wherever u want but NOT on 2 and NOT on 4. dum on the 1"
    answers = [engine.generate(text, seed=seed) for seed in range(6)]
    assert all(a.source == "library" and a.check.passed for a in answers)
    assert all("sd" in a.pattern.tracks and set(a.pattern.tracks["sd"]) - {"-"} for a in answers)


@pytest.mark.parametrize(
    ("text", "kick", "snare"),
    [("4 bars of maqsum, straight, no variations", {0, 8}, {2, 6, 12}), ("just 1 bar of saidi", {0, 6, 8}, {2, 12})],
)
def test_a_darbuka_rhythm_asked_for_is_played_from_the_arabic_grooves(engine, text, kick, snare):
    """The dums on the kick and the teks on the snare where the darbuka plays them, in every bar."""
    answer = engine.generate(text)
    assert answer.style == "arabic" and answer.check.passed
    for bar in range(answer.pattern.bars):
        steps = {code: answer.pattern.tracks[code][bar * 16 : bar * 16 + 16] for code in ("bd", "sd")}
        assert {i for i, s in enumerate(steps["bd"]) if s != "-"} == kick
        assert {i for i, s in enumerate(steps["sd"]) if s in "xX"} >= snare
