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


def test_a_length_past_the_most_a_pattern_holds_says_what_it_became_not_that_it_was_left_out() -> None:
    from pydrums_engine.check import check_pattern
    from pydrums_engine.intent import parse_intent

    intent = parse_intent("sixteen bars of funk, kick on 1").in_meter("4/4", 16)
    assert intent.bars == 8
    answer = replace(generation("library", "The model server is not answering right now."), intent=intent)
    answer = replace(answer, check=check_pattern(FUNK.pattern, intent))
    lines = fields(generation_reply(answer, RENDERING, DrumsRequest("sixteen bars of funk")))[
        "What you asked of the grid"
    ].splitlines()
    assert lines[-1] == "? 16 bars (the most a pattern holds: 8)"


def test_a_request_that_asks_nothing_of_the_grid_shows_no_such_field() -> None:
    reply = generation_reply(generation("llm"), RENDERING, DrumsRequest("greasy funk"))
    assert "What you asked of the grid" not in fields(reply)


# -- memory: what a /drums answer leaves to remember, /saved, /forget ---------------------------


def test_a_drums_answer_remembers_the_grooves_shown_to_the_model() -> None:
    """Votes on the answer count for these grooves: the examples the model saw, in order."""
    reply = generation_reply(generation("llm"), RENDERING, DrumsRequest("greasy funk"))
    assert reply.memo is not None
    assert reply.memo.grooves == (FUNK.id, ROCK.id)
    memo = reply.memo
    assert (memo.request, memo.style, memo.bpm, memo.source) == ("greasy funk", "funk", 96, "llm")
    assert reply.memo.notation == FUNK.pattern.to_text()


def _saved(n: int, user: int = 7):
    from datetime import UTC, datetime

    from bot.memory import SavedGroove

    created = datetime(2026, 12, 5, tzinfo=UTC)
    return SavedGroove(user, f"Groove {n}", "funk", "bd: x---x---x---x---", f"ask {n}", 96, 0.0, 1, 2, n, id=n,
                       created=created)  # fmt: skip


def test_a_saved_page_lists_newest_first_with_paging_and_export() -> None:
    from bot.memory import SavedPage
    from bot.replies import saved_reply

    page = SavedPage(tuple(_saved(n) for n in (9, 8, 7, 6, 5)), page=1, per_page=5, total=12)
    reply = saved_reply(page)
    assert reply.ephemeral and reply.title == "Your saved grooves (12)"
    assert [f.name for f in reply.fields] == [f"{6 + i}. Groove {9 - i}" for i in range(5)]
    assert reply.fields[0].code == "bd: x---x---x---x---" and "“ask 9”" in reply.fields[0].value
    assert reply.footer.startswith("Newest first: 6-10 of 12.")
    assert (reply.saved_paging.page, reply.saved_paging.has_next, reply.saved_paging.user_id) == (1, True, 7)
    empty = saved_reply(SavedPage((), 0, 5, 0))
    assert empty.saved_paging is None and empty.text.startswith("You have no saved grooves yet")


def test_forget_says_what_it_deletes_before_and_after() -> None:
    from bot.memory import Holdings
    from bot.replies import forget_prompt, forgot_reply

    prompt = forget_prompt(Holdings(saves=1, votes=3, replies=0), user_id=7)
    assert prompt.forget_user == 7 and prompt.ephemeral
    assert prompt.text.startswith("This deletes everything the bot keeps about you: 1 saved groove and 3 votes.")
    assert forget_prompt(Holdings(0, 0, 0), 7).forget_user is None
    done = forgot_reply(Holdings(2, 0, 1)).text
    assert done == "Done: deleted 2 saved grooves and your name on 1 /drums answer (the answers stay, without it)."
    assert forgot_reply(Holdings(0, 1, 0)).text == "Done: deleted 1 vote."


def test_the_export_holds_a_midi_file_per_save_and_keeps_one_that_no_longer_parses_in_the_text(engine) -> None:
    import io
    import zipfile
    from dataclasses import replace as changed

    from bot.handlers import export_saves

    broken = changed(_saved(3), notation="bd: x-y-")
    reply = export_saves(engine, [_saved(5), _saved(4), broken])
    ((name, data),) = reply.files
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert name == "saved-grooves.zip"
    assert sorted(archive.namelist()) == ["001-groove-5.mid", "002-groove-4.mid", "grooves.txt"]
    assert archive.read("grooves.txt").decode().count("# asked: ") == 3
    assert "1 could not be read as patterns any more" in reply.text


def test_a_search_by_rhythm_alone_shows_how_alike_the_rhythms_are_and_the_pattern_searched():
    """With no words the semantic part is 0: 'similarity' is then the rhythm's, and the pattern is the code block."""
    from bot.replies import LIKE_THIS, similarity

    groove = sample_grooves()[0]
    by_rhythm = Hit(groove, 0.9, "", {"semantic": 0.0, "rhythm": 0.83})
    assert similarity(by_rhythm) == 0.83
    reply = similar_reply("", [by_rhythm], Paging(1, 0, 3, None, False), pattern=groove.pattern)
    assert reply.text == LIKE_THIS and reply.code == pattern_block(groove.pattern.ordered())
    assert [f.name for f in reply.fields] == [f"1. {groove.name}"] and "similarity 0.83" in reply.fields[0].value
    assert reply.like == groove.id
