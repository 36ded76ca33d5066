"""Replies built from engine results: what a /drums, /similar or /help answer says."""

from __future__ import annotations

from dataclasses import replace

from bot.formatting import pattern_block
from bot.replies import DrumsRequest, Paging, generation_reply, help_reply, similar_reply
from pydrums_engine.generation import Generation
from pydrums_engine.instruments import INSTRUMENTS, STEP_SYMBOLS
from pydrums_engine.render import Rendering
from pydrums_engine.retrieval import Hit
from tests.fakes.grooves import sample_grooves

RENDERING = Rendering(midi=b"MThd", wav=b"RIFF", png=b"\x89PNG", audio_renderer="builtin")
FUNK, ROCK, BOSSA, WALTZ = sample_grooves()


def hit(groove, score: float, semantic: float) -> Hit:
    return Hit(groove, score, "", {"semantic": semantic, "lexical": 0.1})


def generation(source: str, reason: str | None = None) -> Generation:
    return Generation(
        pattern=FUNK.pattern,
        name="Greasy pocket",
        description="greasy funk",
        style="funk",
        bpm=96,
        swing=0.55,
        source=source,
        examples=[FUNK.id, ROCK.id],
        based_on=[hit(FUNK, 1.2, 0.81), hit(ROCK, 0.9, 0.64)],
        reason=reason,
    )


def fields(reply) -> dict[str, str]:
    return {f.name: f.value for f in reply.fields}


def test_a_model_answer_shows_the_pattern_what_it_was_based_on_and_who_made_it() -> None:
    reply = generation_reply(generation("llm"), RENDERING, DrumsRequest("greasy funk", bars=2))
    assert reply.title == "Greasy pocket"
    assert reply.code == pattern_block(FUNK.pattern.ordered())
    shown = fields(reply)
    assert shown["Request"] == "greasy funk"
    assert shown["Style"] == "funk" and shown["Tempo"] == "96 bpm, swing 55%"
    assert shown["Based on (similarity)"].splitlines() == [
        "Ghosted sixteenth funk (funk): 0.81",
        "Straight eighth rock (rock): 0.64",
    ]
    assert reply.footer == "Written by the model, with 2 library grooves as examples."  # no model name
    assert [name for name, _ in reply.files] == ["pattern.mid", "pattern.wav", "pattern.png"]
    assert reply.image == "pattern.png" and not reply.ephemeral
    assert reply.actions is not None and (reply.actions.bars, reply.actions.tempo) == (2, 96)


def test_a_library_answer_says_so_and_why() -> None:
    reason = "The Ollama server did not answer. This is the closest groove from the library instead."
    reply = generation_reply(generation("library", reason), RENDERING, DrumsRequest("greasy funk"))
    assert reply.footer == f"From the library, not the model: {reason}"


def test_similar_numbers_hits_across_pages() -> None:
    """Page 2 with 2 a page starts at #3; the paging state rides along for the buttons."""
    paging = Paging(user_id=7, page=1, count=2, style=None, has_next=True)
    reply = similar_reply("bossa", [hit(BOSSA, 1.0, 0.7), hit(WALTZ, 0.8, 0.5)], paging)
    names = [f.name for f in reply.fields]
    assert names == ["Query", "3. Bossa nova with rim clave", "4. Jazz waltz on the ride"]
    assert reply.fields[1].code == pattern_block(BOSSA.pattern.ordered())
    assert reply.footer == "Page 2: grooves 3-4" and reply.paging == paging


def test_help_is_generated_from_the_instrument_table() -> None:
    """Every instrument code and step symbol in the one table appears in /help."""
    reply = help_reply()
    table = next(f.code for f in reply.fields if f.name.startswith("Instruments"))
    for instrument in INSTRUMENTS:
        assert any(
            line.split()[0] == instrument.code and str(instrument.gm_note) in line for line in table.splitlines()
        )
    symbols = next(f.code for f in reply.fields if f.name == "Step symbols")
    assert [line.split()[0] for line in symbols.splitlines()] == [s.symbol for s in STEP_SYMBOLS]
    assert reply.ephemeral


def test_console_text_shows_everything_but_buttons() -> None:
    reply = generation_reply(generation("llm"), RENDERING, DrumsRequest("greasy funk"))
    text = reply.to_text()
    assert text.startswith("== Greasy pocket ==")
    assert "  ch: x-x-x-x-x-x-x-x-" in text and "Request: greasy funk" in text
    assert "Ghosted sixteenth funk (funk): 0.81" in text
    assert text.endswith("(Written by the model, with 2 library grooves as examples.)")


def test_the_reply_says_how_the_files_are_played() -> None:
    """Humanize shows beside tempo and swing when used; a swing the meter cannot play says why."""
    humanized = Rendering(b"MThd", b"RIFF", b"\x89PNG", "builtin", humanize=30, swing=0.55)
    reply = generation_reply(generation("llm"), humanized, DrumsRequest("greasy funk", humanize=30, swing=55))
    assert fields(reply)["Tempo"] == "96 bpm, swing 55%, humanize 30"
    assert (reply.actions.humanize, reply.actions.swing_amount) == (30, 55)  # the buttons keep them
    note = "6/8 is already in triplets (each beat splits in three), so swing does not apply"
    unswung = Rendering(b"MThd", b"RIFF", b"\x89PNG", "builtin", swing_note=note)
    straight = replace(generation("llm"), swing=0.0)  # what the handler passes: the swing heard
    shown = fields(generation_reply(straight, unswung, DrumsRequest("x", swing=60)))
    assert shown["Tempo"] == f"96 bpm, straight ({note})"


def test_the_reply_lists_what_the_request_asked_of_the_grid_with_a_tick_or_a_cross() -> None:
    """Each constraint is a line with ✓ or ✗, and a phrase that could not be placed says so."""
    from pydrums_engine.check import check_pattern
    from pydrums_engine.intent import parse_intent

    intent = parse_intent("kick on 1 and 3, no crash, kick on 9").in_meter("4/4", 16)
    check = check_pattern(FUNK.pattern, intent)
    answer = replace(generation("library", "The model server is not answering right now."), check=check, intent=intent)
    lines = fields(generation_reply(answer, RENDERING, DrumsRequest("kick on 1 and 3")))[
        "What you asked of the grid"
    ].splitlines()
    kick_ok = check.constraints[0].honoured
    assert lines[0] == f"{'✓' if kick_ok else '✗'} kick on 1 and 3"
    assert lines[1] == "✓ no crash"
    assert lines[2].startswith("? kick on 9") and "not understood" in lines[2]


def test_a_request_that_asks_nothing_of_the_grid_shows_no_such_field() -> None:
    reply = generation_reply(generation("llm"), RENDERING, DrumsRequest("greasy funk"))
    assert "What you asked of the grid" not in fields(reply)
