"""Engine.refine(): a shown pattern changed as a user asks, read back from the grid.

The deterministic edit is tested over a table of instructions: the change shows in the grid
(counted from the steps, not from what the engine says it did), and lanes the instruction
did not name are step for step what they were. The model path goes through the real
Ollama client to the fake server: an answer that makes the change is used, one that does
not (or changes what was not asked) is refused, and the engine's edit answers instead.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator

import pytest

from pydrums_engine.edit import count
from pydrums_engine.engine import Engine
from pydrums_engine.errors import InputError
from pydrums_engine.instruments import GHOST, REAL_HITS
from pydrums_engine.llm import OllamaSettings, PatternWriter
from pydrums_engine.notation import Pattern, parse_pattern
from tests.conftest import DATA_DIR, make_engine
from tests.fakes import FakeOllama, closed_port_url
from tests.fakes.ollama_server import good_tracks

TIMEOUT = 30.0
BARS = 2
# a rock beat with a crash on the one, eighth hats, snare with two ghost notes, kick on 1 and 3
ROCK = "cc: x---------------; ch: x-x-x-x-x-x-x-x-; sd: ----X--o-o--X---; bd: x-------x-------"
# a ride groove with hand percussion and no ghost notes
PERC = "rc: x-x-x-x-x-x-x-x-; sd: ----x-------x---; bd: x-------x-------; cb: x---x---x---x---; sh: x-x-x-x-x-x-x-x-"


def shown(text: str) -> Pattern:
    one = parse_pattern(text)
    return one.replace_tracks({c: s * BARS for c, s in one.track_items})


def per_bar(pattern: Pattern, code: str, kinds: str = "xXofr") -> list[list[int]]:
    """Steps (within the bar) where ``code`` plays one of ``kinds``, bar by bar."""
    spb, steps = pattern.steps_per_bar, pattern.steps(code)
    return [[i for i in range(spb) if steps[b * spb + i] in kinds] for b in range(pattern.bars)]


def real(pattern: Pattern, code: str) -> list[list[int]]:
    return per_bar(pattern, code, "".join(REAL_HITS))


def every_bar(pattern: Pattern, code: str, steps: list[int], kinds: str = "xXfr") -> bool:
    return all(bar == steps for bar in per_bar(pattern, code, kinds))


Judge = Callable[[Pattern, Pattern], bool]

# instruction, shown pattern, what the grid must show (before, after), lanes that may change
CASES: list[tuple[str, str, Judge, set[str]]] = [
    ("busier hats", ROCK, lambda b, a: count(a, ["ch"]) > count(b, ["ch"]), {"ch", "oh"}),
    ("make the hats busier", ROCK, lambda b, a: count(a, ["ch"]) > count(b, ["ch"]), {"ch", "oh"}),
    ("double-time hats", ROCK, lambda b, a: every_bar(a, "ch", list(range(16))), {"ch", "oh"}),
    ("sixteenth hats", ROCK, lambda b, a: every_bar(a, "ch", list(range(16))), {"ch", "oh"}),
    ("half the hats", ROCK, lambda b, a: every_bar(a, "ch", [0, 4, 8, 12]), {"ch", "oh"}),
    ("sparser hats", ROCK, lambda b, a: count(a, ["ch"]) < count(b, ["ch"]), {"ch", "oh"}),
    ("quarter note hats", ROCK, lambda b, a: every_bar(a, "ch", [0, 4, 8, 12]), {"ch", "oh"}),
    ("hats on the offbeats", ROCK, lambda b, a: every_bar(a, "ch", [2, 6, 10, 14]), {"ch", "oh"}),
    ("no crash", ROCK, lambda b, a: "cc" not in a.tracks, {"cc"}),
    ("take out the crash", ROCK, lambda b, a: "cc" not in a.tracks, {"cc"}),
    ("more ghost notes", ROCK, lambda b, a: count(a, ["sd"], GHOST) > count(b, ["sd"], GHOST), {"sd"}),
    ("no ghost notes", ROCK, lambda b, a: count(a, ["sd"], GHOST) == 0, {"sd"}),
    ("fewer ghost notes", ROCK, lambda b, a: 0 < count(a, ["sd"], GHOST) < count(b, ["sd"], GHOST), {"sd"}),
    ("ghost notes on the kick", ROCK, lambda b, a: count(a, ["bd"], GHOST) > 0, {"bd"}),
    ("kick on the and of 3", ROCK, lambda b, a: every_bar(a, "bd", [0, 8, 10]), {"bd"}),
    (
        "open hat on the and of 4",
        ROCK,
        lambda b, a: every_bar(a, "oh", [14]) and all(14 not in bar for bar in per_bar(a, "ch")),
        {"oh", "ch"},
    ),
    (
        "snare on 3 instead of 2 and 4",
        ROCK,
        lambda b, a: all(bar == [8] for bar in real(a, "sd")) and all({4, 12}.isdisjoint(s) for s in per_bar(a, "sd")),
        {"sd"},
    ),
    (
        "rim on 2 and 4 instead of the snare",
        ROCK,
        lambda b, a: every_bar(a, "rs", [4, 12]) and all({4, 12}.isdisjoint(s) for s in per_bar(a, "sd")),
        {"rs", "sd"},
    ),
    ("no snare on 2", ROCK, lambda b, a: all(4 not in bar for bar in per_bar(a, "sd")), {"sd"}),
    ("add a cowbell on the offbeats", ROCK, lambda b, a: every_bar(a, "cb", [2, 6, 10, 14]), {"cb"}),
    ("add a shaker", ROCK, lambda b, a: count(a, ["sh"]) > 0, {"sh"}),
    (
        "ride instead of hats",
        ROCK,
        lambda b, a: "ch" not in a.tracks and per_bar(a, "rc") == per_bar(b, "ch"),
        {"ch", "oh", "rc"},
    ),
    ("more kick", ROCK, lambda b, a: count(a, ["bd"]) > count(b, ["bd"]), {"bd"}),
    ("fewer kicks", ROCK, lambda b, a: every_bar(a, "bd", [0]), {"bd"}),
    ("accent the hats", ROCK, lambda b, a: count(a, ["ch"], "X") > 0, {"ch"}),
    ("no accents", ROCK, lambda b, a: count(a, list(a.tracks), "X") == 0, {"sd"}),
    ("busier", ROCK, lambda b, a: count(a, list(a.tracks)) > count(b, list(b.tracks)), {"ch"}),
    ("simpler", ROCK, lambda b, a: count(a, ["sd"], GHOST) == 0 and count(a, ["sd"], "X") == 4, {"sd"}),
    ("simpler", PERC, lambda b, a: "cb" not in a.tracks and "sh" not in a.tracks, {"cb", "sh"}),
    ("less cowbell", PERC, lambda b, a: 0 < count(a, ["cb"]) < count(b, ["cb"]), {"cb"}),
    ("remove the ride", PERC, lambda b, a: "rc" not in a.tracks, {"rc"}),
    (
        "busier hats, no crash",
        ROCK,
        lambda b, a: count(a, ["ch"]) > count(b, ["ch"]) and "cc" not in a.tracks,
        {"ch", "oh", "cc"},
    ),
]


@pytest.mark.parametrize(("instruction", "groove", "made", "may_change"), CASES, ids=[c[0] for c in CASES])
def test_the_edit_makes_the_change_and_leaves_the_rest(engine, instruction, groove, made, may_change):
    """Without a model the answer is the engine's edit: the change is in the grid, nothing else moved,
    and the musical check passes."""
    before = shown(groove)
    result = engine.refine(before, instruction)

    after = result.pattern
    assert result.source == "library"
    assert "your pattern with the change made by the engine" in result.reason
    assert "deterministic edit of the shown pattern" in result.detail
    assert result.bars == BARS and after.time_signature == before.time_signature
    assert made(before, after), after.to_text()
    for lane in (set(before.tracks) | set(after.tracks)) - may_change:
        assert before.steps(lane) == after.steps(lane), f"{lane} changed"
    assert result.check.passed, result.check.problems
    data = result.to_json()
    assert data["source"] == "library" and data["notation"] == after.to_text()


def test_notation_text_is_read_as_the_shown_pattern(engine):
    """The bot may hand over the notation it showed; it is read by the notation parser."""
    result = engine.refine(ROCK, "no crash")
    assert result.pattern.tracks == {k: v for k, v in parse_pattern(ROCK).tracks.items() if k != "cc"}


def test_the_request_keeps_its_constraints_unless_the_instruction_names_that_voice(engine):
    """'kick on 1 and 3' from the original request still binds a hat change, but not a kick change."""
    request = "rock beat with the kick on 1 and 3"
    hats = engine.refine(shown(ROCK), "busier hats", request=request)
    assert "kick on 1 and 3" in [v.text for v in hats.check.constraints]
    assert all(v.honoured for v in hats.check.constraints)

    kick = engine.refine(shown(ROCK), "more kick", request=request)
    assert "kick on 1 and 3" not in [v.text for v in kick.check.constraints]
    assert count(kick.pattern, ["bd"]) > count(shown(ROCK), ["bd"])
    assert kick.check.passed


def test_bpm_and_style_carry_into_the_answer(engine):
    result = engine.refine(shown(ROCK), "busier hats", style="rock", bpm=128, swing=0.3)
    assert (result.style, result.bpm, result.swing) == ("rock", 128, 0.3)


@pytest.mark.parametrize(
    ("instruction", "groove", "says"),
    [
        ("purple monkey", ROCK, "could not read a change"),
        ("make it better", ROCK, "could not read a change"),
        ("   ", ROCK, "say what should change"),
        ("kick on 9", ROCK, "could not read a change"),
        ("no ghost notes", PERC, "no ghost notes to take out"),
        ("no crash", PERC, "already does that"),
        ("kick on 1", ROCK, "already does that"),
        ("less cowbell", ROCK, "no cowbell"),
        ("ride instead of the shaker", ROCK, "no shaker"),
    ],
)
def test_what_cannot_be_read_or_done_is_an_input_error_that_says_so(engine, instruction, groove, says):
    """No silent no-op: a sentence that names what went wrong (and, when unreadable, what works)."""
    with pytest.raises(InputError) as caught:
        engine.refine(shown(groove), instruction)
    assert says in str(caught.value)
    if "could not read" in says:
        assert "busier hats" in str(caught.value)


def test_an_unknown_style_or_bad_bpm_is_an_input_error(engine):
    with pytest.raises(InputError, match="unknown style"):
        engine.refine(shown(ROCK), "busier hats", style="no such style")
    with pytest.raises(InputError, match="bpm must be"):
        engine.refine(shown(ROCK), "busier hats", bpm=500)


# ---------------------------------------------------------------------------------------
# The model path, through the real client to the fake server


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeOllama]:
    with FakeOllama() as server:
        yield server


@pytest.fixture(scope="module")
def llm_engine(engine, encoder, fake, tmp_path_factory) -> Engine:
    index = tmp_path_factory.mktemp("refine-index")
    shutil.copytree(engine.index_dir, index, dirs_exist_ok=True)
    settings = OllamaSettings(host=fake.url, timeout=TIMEOUT)
    return make_engine(DATA_DIR, index, encoder, writer=PatternWriter(settings), ollama=settings)


@pytest.fixture(autouse=True)
def fresh(request) -> Iterator[None]:
    if "llm_engine" not in request.fixturenames:
        yield
        return
    fake = request.getfixturevalue("fake")
    engine = request.getfixturevalue("llm_engine")
    writer = engine.writer
    fake.mode, fake.script, fake.requests[:] = "good", [], []
    yield
    engine.writer = writer
    fake.tracks_for = good_tracks


def answers(text: str) -> Callable[[int], dict[str, str]]:
    """What the fake's "good" mode writes: ``text`` tiled to the length the request asks."""
    one = parse_pattern(text)
    return lambda n: {c: (s * (n // len(s) + 1))[:n] for c, s in one.track_items}


BUSIER = "cc: x---------------; ch: xxxxxxxxxxxxxxxx; sd: ----X--o-o--X---; bd: x-------x-------"


def test_a_model_answer_that_makes_the_change_is_used(llm_engine, fake):
    """The model is shown the pattern as its own last answer and asked for the change; its bar is used."""
    fake.tracks_for = answers(BUSIER)
    result = llm_engine.refine(shown(ROCK), "busier hats", request="rock beat")

    assert result.source == "llm" and result.reason is None
    assert result.attempts == 1
    assert result.pattern == shown(BUSIER).ordered()
    assert result.check.passed
    sent = fake.requests[0]["messages"]
    assert json.loads(sent[-2]["content"])["tracks"]["ch"] == "x-x-x-x-x-x-x-x-"  # the shown bar, as its answer
    assert "busier hats" in sent[-1]["content"] and "exactly 16 steps" in sent[-1]["content"]
    assert "Edit the last groove" in sent[0]["content"]


def test_an_answer_that_did_not_make_the_change_is_refused(llm_engine, fake):
    """The pattern handed back as it was: a repair round quotes the change, then the engine's edit answers."""
    fake.tracks_for = answers(ROCK)
    result = llm_engine.refine(shown(ROCK), "busier hats")

    assert result.source == "library"
    assert "did not make the change" in result.reason
    assert count(result.pattern, ["ch"]) > count(shown(ROCK), ["ch"])
    repair = fake.requests[1]["messages"][-1]["content"]
    assert "busier hi-hats: the hi-hats must have more than 16 hits; the answer has 16" in repair
    assert result.attempts == len(fake.requests) >= 2


def test_an_answer_that_rewrites_what_was_not_asked_is_refused(llm_engine, fake):
    """Busier hats, but a new kick figure too: too many steps of unnamed lanes moved."""
    fake.tracks_for = answers("cc: x---------------; ch: xxxxxxxxxxxxxxxx; sd: ----X--o-o--X---; bd: x-x-x-x-x-x-x-x-")
    result = llm_engine.refine(shown(ROCK), "busier hats")

    assert result.source == "library"
    assert "keep the parts the change does not name" in result.reason
    assert result.pattern.steps("bd") == shown(ROCK).steps("bd")


def test_an_answer_that_breaks_the_named_constraint_is_refused(llm_engine, fake):
    """'no crash', and the answer keeps the crash: refused, the edit takes it out."""
    fake.tracks_for = answers(ROCK)
    result = llm_engine.refine(shown(ROCK), "no crash")
    assert result.source == "library"
    assert "cc" not in result.pattern.tracks
    assert "no crash" in [v.text for v in result.check.constraints]


def test_model_server_down_gives_the_edit_and_says_why(llm_engine):
    llm_engine.writer = PatternWriter(OllamaSettings(host=closed_port_url(), timeout=TIMEOUT))
    result = llm_engine.refine(shown(ROCK), "more ghost notes")
    assert result.source == "library"
    assert result.reason.startswith("The model server is not answering right now")
    assert count(result.pattern, ["sd"], GHOST) > count(shown(ROCK), ["sd"], GHOST)


def test_an_unreadable_instruction_never_asks_the_model(llm_engine, fake):
    with pytest.raises(InputError):
        llm_engine.refine(shown(ROCK), "purple monkey")
    assert fake.requests == []


def test_the_fill_at_the_end_is_left_alone(engine):
    """A pattern made with a fill: the hats get busier in the groove, the fill stays as it was."""
    from pydrums_engine.variation import add_fill, fill_start

    before = add_fill(shown(ROCK), "toms")
    start = fill_start(shown(ROCK))
    result = engine.refine(before, "busier hats", request="rock beat with a tom fill")

    after = result.pattern
    assert count(after, ["ch"]) > count(before, ["ch"])
    assert all(after.steps(c)[start:] == before.steps(c)[start:] for c in before.tracks)
    assert result.check.passed, result.check.problems


def test_a_six_eight_groove_is_refined_in_six_eight(engine):
    """The meter is the shown pattern's: 6/8 hats get busier on its own grid; ghost notes fit between."""
    groove = parse_pattern("time: 6/8; ch: x-x-x-x-x-x-; sd: ------x-----; bd: x-----------")
    busier = engine.refine(groove, "busier hats").pattern
    assert busier.time_signature == "6/8" and busier.length == 12
    assert count(busier, ["ch"]) > count(groove, ["ch"])
    ghosts = engine.refine(groove, "more ghost notes").pattern
    assert count(ghosts, ["sd"], GHOST) > 0 and ghosts.steps("sd")[6] == "x"


def test_only_makes_named_places_the_only_ones(engine):
    """'kick on the and of 3' adds a kick; 'kick only on 1 and the and of 3' leaves just those."""
    added = engine.refine(shown(ROCK), "kick on the and of 3").pattern
    assert real(added, "bd") == [[0, 8, 10]] * BARS
    only = engine.refine(shown(ROCK), "kick only on 1 and the and of 3").pattern
    assert real(only, "bd") == [[0, 10]] * BARS


def test_a_pattern_whose_bars_differ_is_sent_whole(llm_engine, fake):
    """Two different bars: the model is asked for both (32 steps), not for one bar to repeat."""
    two = parse_pattern(
        "ch: x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-; sd: ----X-------X-------X-------X--o;"
        " bd: x-------x-------x-x-----x-------"
    )
    fake.tracks_for = answers(ROCK)  # a wrong answer: the test is about what was asked
    result = llm_engine.refine(two, "busier hats")
    assert "exactly 32 steps" in fake.requests[0]["messages"][-1]["content"]
    assert result.source == "library" and result.bars == 2
