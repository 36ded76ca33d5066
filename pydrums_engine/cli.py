"""Command line: ``python -m pydrums_engine`` (installed as ``pydrums``).

    similar [QUERY] [--pattern NOTATION] [--style S] [--k N] [--json]   (a query, a pattern or both)
    generate DESCRIPTION [--style S] [--bpm N] [--bars N] [--seed N] [--form LETTERS] [FEEL] [--out DIR] [--json]
    convert PATTERN [--bpm N] [--seed N] [FEEL] [--out DIR] [--json]
        FEEL: [--humanize N] [--swing N] [--kit NAME|FILE] [--loops N]
    rebuild
    info [--json]

Results go to stdout; errors to stderr as one line, exit 2 for bad input, 1 for the rest.
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from .errors import InputError, NotationError, PyDrumsError
from .files import atomic_write
from .limits import (
    BARS_MAX,
    BARS_MIN,
    BPM_MAX,
    BPM_MIN,
    HUMANIZE_MAX,
    HUMANIZE_MIN,
    K_MAX,
    K_MIN,
    LOOPS_MAX,
    LOOPS_MIN,
    MAX_SECTIONS,
    MAX_SONG_BARS,
    SWING_MAX,
    SWING_MIN,
)
from .settings import OllamaSettings

if TYPE_CHECKING:  # the renderers load numpy, mido and Pillow: imported when a command needs them
    from .notation import Pattern
    from .render import KitMap

EXIT_BAD_INPUT = 2
EXIT_FAILURE = 1
NEEDS_NO_ENGINE = frozenset({"convert"})
PREVIEW_SECONDS = 30  # render.PREVIEW_SECONDS, repeated so --help needs no numpy (a test holds them equal)


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad arguments as one line (exit 2), not a usage dump."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"pydrums {self.prog.split()[-1]}: {message} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=None, help="library folder (default: the bundled data/)")
    common.add_argument("--model", default=None, help="embedding model: name, local folder (default all-MiniLM-L6-v2)")
    parser = _Parser(prog="pydrums", description="Drum patterns from plain-language requests.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser(
        "similar", parents=[common], help="the library's best matches for a request, a pattern's rhythm, or both"
    )
    p.add_argument("query", nargs="?", default=None, help="words for the groove (optional with --pattern)")
    p.add_argument(
        "--pattern",
        default=None,
        help="notation, e.g. 'bd: x---x---x---x---; sd: ----x-------x---': grooves with the closest rhythm "
        "(never that very grid); with QUERY too, both count",
    )
    p.add_argument("--style", default=None)
    p.add_argument("--k", type=_int_range(K_MIN, K_MAX), default=3)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("generate", parents=[common], help="a new pattern (Ollama, or the library as fallback)")
    p.add_argument("description")
    p.add_argument("--style", default=None)
    p.add_argument("--bpm", type=_int_range(BPM_MIN, BPM_MAX), default=None)
    p.add_argument("--bars", type=_int_range(BARS_MIN, BARS_MAX), default=None)
    p.add_argument("--seed", type=int, default=None, help="the same seed gives the same pattern and performance")
    p.add_argument(
        "--form",
        default=None,
        help=f"song sections, e.g. AABA: A the groove, B a chorus, C a half-time bridge, D a breakdown; "
        f"at most {MAX_SECTIONS} sections and {MAX_SONG_BARS} bars, --bars is bars per section "
        f"(the WAV previews the first {PREVIEW_SECONDS:g} s)",
    )
    _feel_arguments(p, humanize_default="a light touch", swing_default="the groove's own")
    p.add_argument("--out", type=Path, default=None, help="write pattern.mid, pattern.wav, pattern.png here")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("convert", parents=[common], help="render a pattern you wrote")
    p.add_argument("pattern")
    p.add_argument("--bpm", type=_int_range(BPM_MIN, BPM_MAX), default=100)
    p.add_argument("--seed", type=int, default=None, help="the same seed gives the same performance")
    _feel_arguments(p, humanize_default="0, as written", swing_default="straight")
    p.add_argument("--out", type=Path, default=None)
    p.add_argument("--json", action="store_true")

    sub.add_parser("rebuild", parents=[common], help="re-read the library and rebuild the embedding index")
    p = sub.add_parser("info", parents=[common], help="library size, styles, index, model, Ollama")
    p.add_argument("--json", action="store_true")
    return parser


def _feel_arguments(p: argparse.ArgumentParser, *, humanize_default: str, swing_default: str) -> None:
    """How the files play the pattern: the options generate and convert share."""
    p.add_argument(
        "--humanize",
        type=_int_range(HUMANIZE_MIN, HUMANIZE_MAX),
        default=None,
        help=f"{HUMANIZE_MIN}-{HUMANIZE_MAX}: how loosely a drummer plays it; 0 is exactly on the grid "
        f"(default: {humanize_default})",
    )
    p.add_argument(
        "--swing",
        type=_int_range(SWING_MIN, SWING_MAX),
        default=None,
        help=f"{SWING_MIN} straight to {SWING_MAX} full triplet swing (default: {swing_default})",
    )
    p.add_argument(
        "--kit", default=None, help="drum-kit note map: a name in data/kits/ or a .toml file (default general-midi)"
    )
    p.add_argument(
        "--loops",
        type=_int_range(LOOPS_MIN, LOOPS_MAX),
        default=1,
        help="times the MIDI and WAV play the pattern (default 1)",
    )


def _int_range(low: int, high: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is out of range; use {low} to {high}")
        return value

    return parse


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=os.environ.get("PYDRUMS_LOG", "WARNING").upper(), format="%(levelname)s %(name)s: %(message)s"
    )
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.command not in NEEDS_NO_ENGINE:
        # Before the engine is imported: importing `ollama` builds a client from OLLAMA_HOST and
        # would crash on a malformed one with a traceback, after seconds of loading.
        try:
            args.ollama = OllamaSettings.from_env(os.environ)
        except ValueError as exc:  # one line that names the variable
            print(f"pydrums {args.command}: {exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
    try:
        return COMMANDS[args.command](args)
    except InputError as exc:
        where = f" (column {exc.column})" if isinstance(exc, NotationError) and exc.column else ""
        print(f"pydrums {args.command}: {exc}{where}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except PyDrumsError as exc:
        print(f"pydrums {args.command}: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("pydrums: interrupted", file=sys.stderr)
        return EXIT_FAILURE


def _engine(args: argparse.Namespace, *, use_llm: bool = False):
    from .engine import Engine  # the heavy imports wait until a command needs them

    return Engine.load(args.data_dir, model=args.model, ollama=args.ollama, use_llm=use_llm)


def cmd_similar(args: argparse.Namespace) -> int:
    from .notation import parse_pattern

    # bad input fails before the model loads
    pattern = parse_pattern(args.pattern) if args.pattern and args.pattern.strip() else None
    if pattern is None and not (args.query or "").strip():
        raise InputError(
            'give a query, a pattern or both: e.g. similar "funk with ghost notes" '
            'or similar --pattern "bd: x---x---x---x---; sd: ----x-------x---"'
        )
    engine = _engine(args)
    hits = engine.similar(args.query, k=args.k, style=args.style, pattern=pattern)
    if args.json:
        print(json.dumps([h.to_json() for h in hits], ensure_ascii=False, indent=2))
        return 0
    for rank, hit in enumerate(hits, start=1):
        variant = f", {hit.variant}" if hit.variant else ""
        print(f"{rank}. {hit.name} [{hit.id}] ({hit.style}, {hit.bpm} bpm{variant}) score {hit.score:.3f}")
        print(f"   {hit.description}")
        for line in hit.pattern.ordered().to_text().splitlines():
            print(f"   {line}")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from .generation import check_request

    check_request(args.description, args.bpm, args.bars, args.form)  # bad input fails before the model loads
    kit = _kit(args)  # and so does a bad kit file
    engine = _engine(args, use_llm=True)
    result = engine.generate(
        args.description, style=args.style, bpm=args.bpm, bars=args.bars, seed=args.seed, form=args.form
    )
    feel = _Feel.of(args, result.pattern, result.swing, kit, humanize=None)
    written, audio, audio_note = _write_files(
        feel.render(engine.render), result.song or result.pattern, result.bpm, feel.swing, result.name, args.out
    )
    if args.json:
        data = result.to_json() | feel.to_json()
        if written:
            data["files"] = written
            data["audio_renderer"] = audio
        if audio_note:
            data["audio_note"] = audio_note
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"{result.name} ({result.style}, {result.bpm} bpm, {result.bars} bars, by the {_source(result.source)})")
    if result.reason:
        print(f"note: {result.reason}")
    if result.detail:
        print(f"detail: {result.detail}")
    for verdict in result.check.constraints:
        print(f"{'✓' if verdict.honoured else '✗'} {verdict.text}")
    for problem in result.check.problems:
        if not any(problem == v.problem for v in result.check.constraints):
            print(f"check: {problem}")
    for text in result.intent.limited if result.intent else ():
        print(f"limited: {text}")  # "16 bars (the most a pattern holds: 8)": not left out
    if result.intent and result.intent.not_understood:
        print("not understood: " + "; ".join(result.intent.not_understood))
    if result.song is None:
        print(result.pattern.ordered().to_text())
    else:
        print(f"form {result.song.summary()}")
        for letter, pattern in result.song.sections().items():
            print(f"section {letter}:")
            print(pattern.ordered().to_text())
    print(f"based on: {', '.join(result.examples)}")
    feel.print()
    _print_written(written, audio)
    if audio_note:
        print(f"note: {audio_note}")
    return 0


def cmd_convert(args: argparse.Namespace) -> int:
    from .notation import parse_pattern
    from .render import render_all

    pattern = parse_pattern(args.pattern)  # no engine: converting needs neither model nor library
    feel = _Feel.of(args, pattern, 0.0, _kit(args), humanize=0)  # a pattern the user wrote plays as written
    written, audio, _ = _write_files(feel.render(render_all), pattern, args.bpm, feel.swing, "Your pattern", args.out)
    if args.json:
        data = {
            "notation": pattern.to_text(),
            "bpm": args.bpm,
            "bars": pattern.bars,
            "time_signature": pattern.time_signature,
            **feel.to_json(),
            "files": written,
            "audio_renderer": audio or None,
        }
        print(json.dumps(data))
        return 0
    print(pattern.to_text())
    feel.print()
    _print_written(written, audio)
    return 0


def cmd_rebuild(args: argparse.Namespace) -> int:
    engine = _engine(args)
    report = engine.rebuild(progress=sys.stderr.isatty())
    print(f"rebuilt: {report.summary()}")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    engine = _engine(args, use_llm=True)
    info = engine.info()
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return 0
    print(
        f"library: {info['patterns']} grooves, {info['examples']} examples ({info['distinct_descriptions']} distinct)"
    )
    print(f"styles ({len(info['styles'])}): " + ", ".join(f"{k} {v}" for k, v in info["styles"].items()))
    index = info["index"]
    print(f"index: {index['state']}, model {index['model']}" + (f" ({index['note']})" if index["note"] else ""))
    print(f"encoder: {info['encoder']['backend']} ({info['encoder']['why']})")
    ollama = info["ollama"]
    state = "reachable" if ollama["reachable"] else "not reachable"
    print(f"ollama: {ollama['host']} model {ollama['model']}: {state}")
    return 0


def _kit(args: argparse.Namespace) -> KitMap | None:
    """The --kit map, loaded (an InputError naming the line of a bad entry); None for General MIDI."""
    if args.kit is None:
        return None
    from .render import load_kit

    return load_kit(args.kit)


@dataclass(frozen=True)
class _Feel:
    """How the files play a pattern, as the user asked or the defaults chose, for output and rendering."""

    humanize: int
    swing: float  # 0..1, asked for (--swing) or the groove's own
    heard: float  # the swing heard: 0 in a meter that does not swing
    swing_note: str
    seed: int | None
    kit: KitMap | None  # None: General MIDI
    kit_key: str  # what --kit named ("general-midi" by default)
    kit_note: str
    loops: int

    @classmethod
    def of(
        cls, args: argparse.Namespace, pattern: Pattern, own_swing: float, kit: KitMap | None, humanize: int | None
    ) -> _Feel:
        """The feel --humanize, --swing, --kit and --loops ask for; ``humanize`` the default (None: the engine's)."""
        from .render import DEFAULT_HUMANIZE, DEFAULT_KIT, swing_fraction, swing_note

        swing = own_swing if args.swing is None else swing_fraction(args.swing)
        note = swing_note(pattern, swing)
        missing = [code for code in kit.general_midi if code in pattern.tracks] if kit else []
        kit_note = f"{kit.name} has no {', '.join(missing)}: they keep their General MIDI notes" if missing else ""
        if args.humanize is not None:
            humanize = args.humanize
        elif humanize is None:
            humanize = DEFAULT_HUMANIZE
        key = kit.key if kit else DEFAULT_KIT
        return cls(humanize, swing, 0.0 if note else swing, note, args.seed, kit, key, kit_note, args.loops)

    def render(self, render):
        """``render`` (Engine.render or render_all) with this feel's keywords bound."""
        return functools.partial(render, humanize=self.humanize, seed=self.seed, kit=self.kit, loops=self.loops)

    def to_json(self) -> dict:
        data = {
            "humanize": self.humanize,
            "swing": round(self.heard * SWING_MAX),
            "kit": self.kit_key,
            "loops": self.loops,
        }
        if self.swing_note:
            data["swing_note"] = self.swing_note
        if self.kit_note:
            data["kit_note"] = self.kit_note
        return data

    def print(self) -> None:
        swing = f"swing {round(self.heard * SWING_MAX)}" if self.heard else "straight"
        kit = self.kit.name if self.kit else "General MIDI"
        loops = f", {self.loops} loops" if self.loops > 1 else ""
        print(f"played: {swing}, humanize {self.humanize}, {kit} notes{loops}")
        for note in (self.swing_note, self.kit_note):
            if note:
                print(f"note: {note}")


def _write_files(render, pattern, bpm: int, swing: float, title: str, out: Path | None) -> tuple[list[str], str, str]:
    """Paths written, the audio renderer used ("builtin" or "fluidsynth") and what the preview
    leaves out of a long song ("" when nothing); nothing without ``out``."""
    if out is None:
        return [], "", ""
    rendering = render(pattern, bpm, swing, title)
    files = rendering.files()
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            atomic_write(out / name, data)
    except OSError as exc:
        raise PyDrumsError(f"cannot write to {out}: {exc.strerror or exc}") from exc
    return [str(out / name) for name in files], rendering.audio_renderer, rendering.audio_note


def _print_written(written: list[str], audio: str) -> None:
    from .render import AUDIO_RENDERERS

    for path in written:
        print(f"wrote {path}")
    if written:
        print(f"audio preview rendered by {AUDIO_RENDERERS.get(audio, audio)}")


def _source(source: str) -> str:
    return "model" if source == "llm" else "library"


COMMANDS = {
    "similar": cmd_similar,
    "generate": cmd_generate,
    "convert": cmd_convert,
    "rebuild": cmd_rebuild,
    "info": cmd_info,
}
