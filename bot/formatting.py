"""Text for people: beat rulers over patterns, escaping, and replies as Discord embeds.

A pattern is shown as notation a user can paste straight back into /convert: one line per
instrument, bars separated by ``|`` (the parser skips it), under a beat ruler that counts
the meter the way drummers do::

        1e&a2e&a3e&a4e&a|1e&a2e&a3e&a4e&a
    ch: x-x-x-x-x-x-x-x-|x-x-x-x-x-x-x-x-
    sd: ----X--o-o--X---|----X--o-o--X--o
    bd: x-x----x--x-----|x-x----x--x-----

Escaping is reversible (`escape` / `unescape`): a backslash before every character that
Discord reads as markdown, a mention or a link, so ``@everyone`` and ``**`` show as typed,
and the bot can read a request back from its own message (the buttons rely on that).

`public_reason` is the last guard between the engine's reasons and a Discord user: a reason
that names a server address (a URL, host:port, an IP) is logged and shown as a plain sentence.
"""

from __future__ import annotations

import io
import logging
import re
from typing import TYPE_CHECKING, Any

import discord

from pydrums_engine.notation import Meter, Pattern

if TYPE_CHECKING:
    from .replies import Reply

log = logging.getLogger(__name__)
EMBED_COLOUR = discord.Colour(0xE8A33D)
_SYLLABLES = {1: "", 2: "&", 3: "&a", 4: "e&a"}
_RULER_CHARS = frozenset("0123456789e&a.|+ \t")
_MARKUP = re.compile(r"[\\*_~|`\[\]<@]")  # active anywhere: emphasis, spoilers, code, links, mentions
_LINE_MARKUP = re.compile(r"^([ \t]*)([-#>]|\d+(?=\.\s))", re.M)  # active at a line start: lists, headings, quotes
_ESCAPED = re.compile(r"\\(.)", re.S)
_FENCE_OPEN = re.compile(r"^```[A-Za-z0-9_+-]*[ \t]*\n")
_CODE_BLOCK = re.compile(r"```[A-Za-z0-9_+-]*\n(.*?)\n?```", re.S)

# Discord's limits (characters).
TITLE_MAX, DESCRIPTION_MAX, FIELD_MAX, FOOTER_MAX, EMBED_MAX, CONTENT_MAX = 256, 4096, 1024, 2048, 6000, 2000


# -- patterns -------------------------------------------------------------------------------


def bar_count(meter: Meter, steps_per_bar: int) -> str:
    """How one bar is counted, one character per step: '1e&a2e&a3e&a4e&a', '1&2&3&4&5&6&'."""
    top = int(meter.name.split("/")[0])
    for beats in (top, len(meter.groups)):  # the written unit first, else the felt beat (12/8)
        per, rest = divmod(steps_per_bar, beats)
        if not rest and per in _SYLLABLES and beats <= 9:
            return "".join(f"{n}{_SYLLABLES[per]}" for n in range(1, beats + 1))
    starts = meter.beat_starts(steps_per_bar)
    return "".join(str(starts.index(i) % 9 + 1) if i in starts else "." for i in range(steps_per_bar))


def pattern_block(pattern: Pattern) -> str:
    """The pattern as notation under a beat ruler, bars split by '|' (paste-able into /convert)."""
    spb = pattern.steps_per_bar
    width = max(len(code) for code, _ in pattern.track_items) + 2
    lines = [f"time: {pattern.time_signature}"] if pattern.to_text().startswith("time:") else []
    lines.append(" " * width + "|".join([bar_count(pattern.meter, spb)] * pattern.bars))
    for code, steps in pattern.track_items:
        bars = [steps[i : i + spb] for i in range(0, len(steps), spb)]
        lines.append(f"{code}: ".ljust(width) + "|".join(bars))
    return "\n".join(lines)


def strip_code(text: str) -> str:
    """A user's pattern without code fences, backticks or beat-ruler lines (as the bot shows them)."""
    body = text.strip()
    if body.startswith("```"):
        body = _FENCE_OPEN.sub("", body, count=1) if _FENCE_OPEN.match(body) else body[3:]
        body = body.removesuffix("```")
    elif len(body) > 1 and body[0] == body[-1] == "`":
        body = body[1:-1]
    kept = [line for line in body.splitlines() if not _is_ruler(line)]
    return "\n".join(kept).strip()


def _is_ruler(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and ":" not in stripped and stripped[0].isdigit() and set(stripped) <= _RULER_CHARS


def swing_text(swing: float) -> str:
    return f"swing {round(swing * 100)}%" if swing else "straight"


def bars_text(pattern: Pattern) -> str:
    return f"{pattern.bars} bar{'s' if pattern.bars != 1 else ''} of {pattern.time_signature}"


# -- escaping -------------------------------------------------------------------------------


def escape(text: str) -> str:
    """Text shown exactly as typed: no markdown, mentions, masked links, lists or headings."""
    text = _MARKUP.sub(lambda m: "\\" + m.group(), text)
    return _LINE_MARKUP.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    indent, mark = match.groups()
    return indent + (mark + "\\" if mark.isdigit() else "\\" + mark)  # "1\. item", "\- item"


def unescape(text: str) -> str:
    """The inverse of `escape`."""
    return _ESCAPED.sub(r"\1", text)


# -- what a Discord user may see of the engine's reasons ------------------------------------------

# A URL, an IPv6 or IPv4 address, localhost, "port N", or name:port (but not "qwen2.5:7b").
_ADDRESS = re.compile(
    r"[A-Za-z][A-Za-z0-9+.-]*://"
    r"|[0-9A-Fa-f]*::[0-9A-Fa-f]+"
    r"|\[[0-9A-Fa-f]*:[0-9A-Fa-f:.]*\]"
    r"|\bport \d{1,5}\b"
    r"|(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])"
    r"|\blocalhost\b"
    r"|(?<![\w.-])[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?:\d{1,5}(?![\w.])",
    re.IGNORECASE,
)
SERVER_NOT_ANSWERING = "The model server is not answering right now, so this is the closest groove from the library."


def names_an_address(text: str) -> bool:
    """True when ``text`` holds something that locates a server: a URL, an IP, localhost or host:port."""
    return _ADDRESS.search(text) is not None


def public_reason(reason: str | None) -> str:
    """Why the library answered, in words a Discord user may see: never a server's address.

    The operator's detail (host, port, low-level error) goes to the log instead.
    """
    if not reason:
        return "the model was not used."
    if names_an_address(reason):
        log.warning("library answer; the reason named a server address, so users see a plain sentence: %s", reason)
        return SERVER_NOT_ANSWERING
    return reason


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- Discord messages -------------------------------------------------------------------------


def message_parts(reply: Reply) -> dict[str, Any]:
    """Keyword arguments for send_message / edit_original_response (no view)."""
    files = [discord.File(io.BytesIO(data), filename=name) for name, data in reply.files]
    if not reply.is_embed:
        return {"content": _cut(escape(reply.text), CONTENT_MAX), "embed": None, "files": files}
    return {"content": None, "embed": to_embed(reply), "files": files}


def to_embed(reply: Reply) -> discord.Embed:
    """The reply as one embed; user and model text escaped, code blocks as they are.

    Within Discord's limits: field code blocks are shown while they fit (the first fields
    first), then whole fields are dropped from the end, then the description is cut.
    """
    parts = [escape(reply.text)] if reply.text else []
    if reply.code:
        parts.append(f"```\n{reply.code}\n```")
    embed = discord.Embed(
        title=_cut(escape(reply.title), TITLE_MAX) or None,
        description=_cut("\n".join(parts), DESCRIPTION_MAX) or None,
        colour=EMBED_COLOUR,
    )
    if reply.footer:
        embed.set_footer(text=_cut(reply.footer, FOOTER_MAX))  # footers are plain text: no escaping
    if reply.image:
        embed.set_image(url=f"attachment://{reply.image}")
    fields = [
        (_cut(escape(f.name), 256), _cut(escape(f.value), FIELD_MAX), f.code, f.inline) for f in reply.fields[:25]
    ]
    total = len(embed) + sum(len(name) + max(len(value), 1) for name, value, _, _ in fields)
    for name, value, code, inline in fields:
        block = f"```\n{code}\n```" if code else ""
        joined = f"{value}\n{block}" if value else block
        if block and len(joined) <= FIELD_MAX and total + len(joined) - len(value) <= EMBED_MAX:
            total += len(joined) - len(value)
            value = joined
        embed.add_field(name=name, value=value or "\u200b", inline=inline)
    while len(embed) > EMBED_MAX and embed.fields:
        embed.remove_field(-1)
    if len(embed) > EMBED_MAX and embed.description:
        embed.description = _cut(embed.description, len(embed.description) - (len(embed) - EMBED_MAX))
    return embed


def read_field(embed: discord.Embed, name: str) -> str | None:
    """The unescaped text of the field called ``name`` (without its code block), or None."""
    for field in embed.fields:
        if field.name == escape(name) and field.value is not None:
            return unescape(_CODE_BLOCK.sub("", field.value).strip())
    return None


def read_pattern_text(embed: discord.Embed) -> str | None:
    """The notation in the embed's code block, ruler removed, or None when it has none."""
    found = _CODE_BLOCK.search(embed.description or "")
    return strip_code(found.group(1)) if found else None


def with_field(embed: discord.Embed, name: str, value: str | None, *, inline: bool = True) -> discord.Embed:
    """``embed`` with its field ``name`` set to ``value`` (appended when new, removed when None).

    Used to show the votes on a message already sent; within Discord's size limit, the
    fields before it give way from the end, never the pattern the buttons read back.
    """
    shown = escape(name)
    index = next((i for i, f in enumerate(embed.fields) if f.name == shown), None)
    if value is None:
        if index is not None:
            embed.remove_field(index)
        return embed
    if index is None:
        embed.add_field(name=shown, value=_cut(value, FIELD_MAX), inline=inline)
        index = len(embed.fields) - 1
    else:
        embed.set_field_at(index, name=shown, value=_cut(value, FIELD_MAX), inline=inline)
    while len(embed) > EMBED_MAX and index > 0:
        index -= 1
        embed.remove_field(index)
    return embed
