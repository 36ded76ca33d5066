"""Console mode: the bot's command handlers in a terminal, no Discord needed.

    python -m bot --console [--out DIR]

    /drums groovy funk with ghost notes bars:2 bpm:96 style:funk
    /similar laid back reggae count:5 page:2
    /similar count:5 pattern: bd: x---x---x---x---; sd: ----x-------x---
    /convert bd: x---x---x---x---; sd: ----x-------x--- bpm:90
    /styles   /help   /rebuild   quit

Options are ``name:value`` words anywhere on the line, as in Discord; ``pattern:`` takes the
rest of the line (notation has spaces), so it comes last. Replies print as
text; their files (pattern.mid, pattern.wav, pattern.png) are written to DIR (default
./out/), each atomically. The engine loads at the first command that needs it. The
session ends at ``quit`` or at the end of input, so piped and closed stdin both work.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from pydrums_engine.engine import Engine
from pydrums_engine.errors import InputError, PyDrumsError
from pydrums_engine.files import atomic_write

from . import handlers
from .client import load_engine
from .replies import DrumsRequest, Reply
from .settings import Settings

log = logging.getLogger(__name__)

CONSOLE_USER = 0
QUIT = frozenset({"quit", "exit", "/quit", "/exit"})
_OPTION = re.compile(r"^(?P<name>[a-z]+):(?P<value>\S+)$")


class Console:
    """Reads command lines, prints replies, writes files."""

    def __init__(self, settings: Settings, out_dir: Path, stdout: TextIO, engine: Engine | None = None) -> None:
        self.settings = settings
        self.out_dir = out_dir
        self.stdout = stdout
        self._engine = engine
        self.commands: dict[str, tuple[frozenset[str], Callable[[str, dict[str, str]], Reply]]] = {
            "drums": (frozenset({"style", "bpm", "bars", "humanize", "swing", "form"}), self.drums),
            "similar": (frozenset({"count", "style", "page", "pattern"}), self.similar),
            "convert": (frozenset({"bpm", "humanize", "swing"}), self.convert),
            "styles": (frozenset(), lambda text, options: handlers.styles(self.engine)),
            "help": (frozenset(), lambda text, options: handlers.help_text()),
            "rebuild": (frozenset(), lambda text, options: handlers.rebuild(self.engine)),
        }

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            print("(loading the groove library and the embedding model, once)", file=sys.stderr, flush=True)
            self._engine = load_engine(self.settings)
        return self._engine

    # -- one line -------------------------------------------------------------------------

    def handle(self, line: str) -> str:
        """The text to print for one input line (an answer or one error line)."""
        name, _, rest = line.strip().partition(" ")
        entry = self.commands.get(name.removeprefix("/")) if name.startswith("/") else None
        if entry is None:
            return "commands: " + ", ".join(f"/{c}" for c in self.commands) + ", quit"
        allowed, run = entry
        try:
            text, options = split_options(rest, allowed)
            reply = run(text, options)
        except InputError as exc:
            return f"error: {exc}"
        except PyDrumsError as exc:
            return f"error: {exc}"
        except Exception:
            log.exception("%s failed", name)
            return "error: something went wrong; the log above has the details"
        return self.show(reply)

    def show(self, reply: Reply) -> str:
        text = reply.to_text()
        if not reply.files:
            return text
        self.out_dir.mkdir(parents=True, exist_ok=True)
        written = []
        for filename, data in reply.files:
            atomic_write(self.out_dir / filename, data)
            written.append(str(self.out_dir / filename))
        return f"{text}\nwrote {', '.join(written)}"

    # -- commands ---------------------------------------------------------------------------

    def drums(self, text: str, options: dict[str, str]) -> Reply:
        request = DrumsRequest(
            text,
            options.get("style"),
            _int(options, "bpm"),
            _int(options, "bars"),
            _int(options, "humanize"),
            _int(options, "swing"),
            options.get("form"),
        )
        return handlers.drums(self.engine, handlers.check_drums(self.engine, request))

    def similar(self, text: str, options: dict[str, str]) -> Reply:
        count = _int(options, "count") or 3
        page = _int(options, "page") or 1
        handlers.check_count(count)
        if page < 1:
            raise InputError(f"page starts at 1, not {page}")
        notation = options.get("pattern")
        pattern = handlers.read_pattern(self.engine, notation) if notation is not None else None
        return handlers.similar(self.engine, text, count, options.get("style"), page - 1, CONSOLE_USER, pattern=pattern)

    def convert(self, text: str, options: dict[str, str]) -> Reply:
        pattern = handlers.read_pattern(self.engine, text)
        return handlers.convert(
            self.engine, pattern, _int(options, "bpm"), _int(options, "humanize"), _int(options, "swing")
        )


TAIL_OPTIONS = frozenset({"pattern"})  # options whose value is the rest of the line


def split_options(text: str, allowed: frozenset[str]) -> tuple[str, dict[str, str]]:
    """(free text, {option: value}) from words like ``bars:2`` anywhere on the line; an allowed
    `TAIL_OPTIONS` word (``pattern:``) takes everything after it but options at the very end."""
    for name in sorted(allowed & TAIL_OPTIONS):
        found = re.search(rf"(?:^|\s){name}:", text)
        if found is not None:
            head, options = split_options(text[: found.start()], allowed - {name})
            value = text[found.end() :].split()
            while value and (last := _OPTION.match(value[-1])) and last["name"] in allowed - {name}:
                options[last["name"]] = last["value"]  # "pattern: bd: x--- count:3": the count is an option
                value.pop()
            return head, {**options, name: " ".join(value)}
    words, options = [], {}
    for word in text.split():
        found = _OPTION.match(word)
        if found and found["name"] in allowed:
            options[found["name"]] = found["value"]
        else:
            words.append(word)
    return " ".join(words), options


def _int(options: dict[str, str], name: str) -> int | None:
    value = options.get(name)
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise InputError(f"{name}: {value!r} is not a whole number") from None


def run_console(
    settings: Settings,
    *,
    out_dir: Path = Path("out"),
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    engine: Engine | None = None,
) -> int:
    """Read commands until ``quit`` or end of input; 0 when the session ends normally."""
    source = stdin or sys.stdin
    sink = stdout or sys.stdout
    if source is None or source.closed:  # started with stdin closed: nothing to read
        return 0
    console = Console(settings, out_dir, sink, engine)
    interactive = source.isatty()
    if interactive:
        print("PyDrums console: /drums, /similar, /convert, /styles, /help, /rebuild; quit to leave.", file=sink)
    while True:
        if interactive:
            print("pydrums> ", end="", file=sink, flush=True)
        try:
            line = source.readline()
        except KeyboardInterrupt:
            print(file=sink)
            return 0
        except (OSError, ValueError):  # stdin went away under us
            return 0
        if not line:  # end of input (or stdin closed)
            return 0
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.strip().lower() in QUIT:
            return 0
        print(console.handle(line), file=sink, flush=True)
