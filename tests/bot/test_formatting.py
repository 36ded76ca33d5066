"""How patterns and user text look in Discord, and that the bot can read its own messages back."""

from __future__ import annotations

import discord
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.formatting import (
    CONTENT_MAX,
    EMBED_MAX,
    SERVER_NOT_ANSWERING,
    bar_count,
    escape,
    message_parts,
    names_an_address,
    pattern_block,
    public_reason,
    read_field,
    read_pattern_text,
    strip_code,
    to_embed,
    unescape,
)
from bot.replies import Field, Reply
from pydrums_engine.instruments import SYMBOL_CHARS
from pydrums_engine.notation import METERS, Pattern, parse_pattern

FUNK = "ch: x-x-x-x-x-x-x-x-; sd: ----X--o-o--X--o; bd: x-x----x--x-----"


@pytest.mark.parametrize(
    ("meter", "steps", "count"),
    [
        ("4/4", 16, "1e&a2e&a3e&a4e&a"),
        ("4/4", 8, "1&2&3&4&"),
        ("3/4", 12, "1e&a2e&a3e&a"),
        ("5/4", 20, "1e&a2e&a3e&a4e&a5e&a"),
        ("6/8", 12, "1&2&3&4&5&6&"),
        ("7/8", 14, "1&2&3&4&5&6&7&"),
        ("12/8", 12, "1&a2&a3&a4&a"),
    ],
)
def test_beat_ruler_counts_the_way_drummers_do(meter: str, steps: int, count: str) -> None:
    """One character per step: the beat number where each beat starts, its subdivisions between."""
    assert bar_count(METERS[meter], steps) == count
    assert len(count) == steps


def test_pattern_block_puts_the_ruler_over_the_steps() -> None:
    """Each beat number sits over the first step of its beat, in every bar."""
    pattern = parse_pattern(FUNK)
    two_bars = Pattern(tuple((c, s * 2) for c, s in pattern.track_items), "4/4", 16)
    ruler, *tracks = pattern_block(two_bars).splitlines()
    assert ruler == "    1e&a2e&a3e&a4e&a|1e&a2e&a3e&a4e&a"
    assert tracks[0] == "ch: x-x-x-x-x-x-x-x-|x-x-x-x-x-x-x-x-"
    assert all(len(line) == len(ruler) for line in tracks)
    backbeat = [i for i, c in enumerate(ruler) if c in "24"]
    assert backbeat == [i for i, c in enumerate(tracks[1]) if c == "X"]


def test_a_meter_inference_would_miss_is_written_out() -> None:
    """A 6/8 pattern (12 steps, which would read as 3/4) keeps its 'time:' line."""
    pattern = parse_pattern("time: 6/8; bd: x-----x-----; sd: ---x-----x--")
    block = pattern_block(pattern)
    assert block.splitlines()[0] == "time: 6/8"
    assert parse_pattern(strip_code(block)) == pattern


patterns = st.builds(
    lambda meter, bars, rows: Pattern(
        tuple((code, "".join(steps)) for code, steps in rows.items()), meter.name, meter.steps_per_bar
    ),
    st.shared(st.sampled_from(list(METERS.values())), key="meter"),
    st.shared(st.integers(1, 8), key="bars"),
    st.dictionaries(
        st.sampled_from(["bd", "sd", "ch", "oh", "rs", "cb"]),
        st.shared(st.integers(1, 8), key="bars").flatmap(
            lambda bars: st.shared(st.sampled_from(list(METERS.values())), key="meter").flatmap(
                lambda meter: st.lists(
                    st.sampled_from(SYMBOL_CHARS),
                    min_size=bars * meter.steps_per_bar,
                    max_size=bars * meter.steps_per_bar,
                )
            )
        ),
        min_size=1,
        max_size=4,
    ),
)


@given(patterns)
def test_the_shown_block_pastes_back_as_the_same_pattern(pattern: Pattern) -> None:
    """What the bot shows (fenced, with its ruler) is notation /convert reads back unchanged."""
    assert parse_pattern(strip_code(f"```\n{pattern_block(pattern)}\n```")) == pattern


@pytest.mark.parametrize(
    "text",
    [
        "```\nbd: x---x---\n```",
        "```txt\nbd: x---x---\n```",
        "```bd: x---x---```",
        "`bd: x---x---`",
        "    1e&a2e&a\nbd: x---x---",
        "  bd: x---x---  ",
    ],
)
def test_fences_backticks_and_rulers_are_dropped(text: str) -> None:
    assert strip_code(text) == "bd: x---x---"


@given(st.text())
def test_escaping_is_reversible(text: str) -> None:
    """The bot can read a request back from its own message exactly."""
    assert unescape(escape(text)) == text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("@everyone come here", "\\@everyone come here"),
        ("<@123> and <@&456>", "\\<\\@123> and \\<\\@&456>"),
        ("**loud** _soft_ ~~no~~ ||secret||", "\\*\\*loud\\*\\* \\_soft\\_ \\~\\~no\\~\\~ \\|\\|secret\\|\\|"),
        ("[click](https://evil.example)", "\\[click\\](https://evil.example)"),
        ("# big\n- item\n> quote\n1. first", "\\# big\n\\- item\n\\> quote\n1\\. first"),
        ("hip-hop at 90 bpm (laid back)", "hip-hop at 90 bpm (laid back)"),
    ],
)
def test_user_text_cannot_ping_or_format(text: str, shown: str) -> None:
    """Mentions, emphasis, spoilers, masked links, headings and lists are shown as typed."""
    assert escape(text) == shown


def test_embed_escapes_text_but_not_code_or_footer() -> None:
    """Fields and title are escaped; the pattern block and the plain-text footer are not."""
    reply = Reply(
        title="**Name** @here",
        code="bd: x---",
        fields=(Field("Request", "@everyone *funk*"),),
        footer="From the library: the model (llama3.1) was down.",
        image="pattern.png",
    )
    embed = to_embed(reply)
    assert embed.title == "\\*\\*Name\\*\\* \\@here"
    assert embed.description == "```\nbd: x---\n```"
    assert embed.fields[0].value == "\\@everyone \\*funk\\*"
    assert embed.footer.text == reply.footer
    assert embed.image.url == "attachment://pattern.png"
    assert read_field(embed, "Request") == "@everyone *funk*"
    assert read_pattern_text(embed) == "bd: x---"


def test_embed_stays_within_discord_limits() -> None:
    """However long the parts, the embed fits Discord's limits (pattern blocks dropped first)."""
    long_code = "\n".join(["bd: " + "x---" * 32] * 9)
    reply = Reply(
        title="t" * 400,
        text="d" * 5000,
        fields=tuple(Field(f"{i}. groove", "v" * 300, code=long_code) for i in range(30)),
        footer="f" * 3000,
    )
    embed = to_embed(reply)
    assert len(embed) <= EMBED_MAX
    assert len(embed.fields) <= 25 and all(len(f.value) <= 1024 for f in embed.fields)


def test_a_text_only_reply_is_plain_content() -> None:
    """Notes are message content (escaped, within 2000 characters), not embeds."""
    parts = message_parts(Reply(text="@here " + "x" * 3000))
    assert parts["embed"] is None and parts["files"] == []
    assert parts["content"].startswith("\\@here") and len(parts["content"]) <= CONTENT_MAX


def test_files_keep_their_names() -> None:
    parts = message_parts(Reply(title="t", files=(("pattern.mid", b"MThd"), ("pattern.png", b"\x89PNG"))))
    assert [f.filename for f in parts["files"]] == ["pattern.mid", "pattern.png"]
    assert all(isinstance(f, discord.File) for f in parts["files"])


@pytest.mark.parametrize(
    ("reason", "private"),
    [
        ("The Ollama server at http://127.0.0.1:9 did not answer: nothing accepts connections there", True),
        ("https://ollama.example.org:443 answered HTTP 500", True),
        ("ollama.lan:11434 refused the connection", True),
        ("Connect call failed ('::1', 11434)", True),
        ("[::1]:11434 did not answer within 5 s", True),
        ("10.0.0.5 did not answer", True),
        ("nothing listens on localhost", True),
        ("nothing listens on port 11434", True),
        ("The model server is not answering right now", False),
        ("The model 'qwen2.5:7b' is not installed on the model server", False),
        ("track sd has 15 steps, expected 16 (1 bar of 16 steps in 4/4)", False),
        ("line 2 (sd), step 7: 'y' is not a step symbol", False),
    ],
)
def test_a_reason_that_names_a_server_address_is_not_shown(reason: str, private: bool) -> None:
    """Host, port and URLs stay in the log; musician words pass as they are."""
    assert names_an_address(reason) is private
    assert public_reason(reason) == (SERVER_NOT_ANSWERING if private else reason)


def test_with_field_sets_replaces_and_removes_a_field_and_keeps_the_pattern_within_the_limit() -> None:
    """The votes field on a sent answer: added, updated, removed; an embed at Discord's limit gives up
    other fields from the end, never its description (the pattern the buttons read back)."""
    import discord

    from bot.formatting import EMBED_MAX, with_field

    embed = discord.Embed(title="Groove", description="```\nbd: x---\n```")
    embed.add_field(name="Request", value="funk")
    with_field(embed, "Votes", "👍 1 · 👎 0")
    assert [(f.name, f.value) for f in embed.fields] == [("Request", "funk"), ("Votes", "👍 1 · 👎 0")]
    with_field(embed, "Votes", "👍 2 · 👎 0")
    assert [f.value for f in embed.fields] == ["funk", "👍 2 · 👎 0"]
    with_field(embed, "Votes", None)
    assert [f.name for f in embed.fields] == ["Request"]

    full = discord.Embed(title="Groove", description="```\nbd: x---\n```")
    full.add_field(name="Request", value="funk")
    for n in range(6):
        full.add_field(name=f"Notes {n}", value="x" * 985)
    assert len(full) <= EMBED_MAX
    with_field(full, "Votes", "👍 1 · 👎 0")
    assert len(full) <= EMBED_MAX and full.fields[-1].name == "Votes" and full.fields[0].name == "Request"
    assert full.description == "```\nbd: x---\n```"
