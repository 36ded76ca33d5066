"""Command line: ``python -m pydrums_engine`` (installed as ``pydrums``).

    similar QUERY [--style S] [--k N] [--json]
    generate DESCRIPTION [--style S] [--bpm N] [--bars N] [--out DIR] [--json]
    convert PATTERN [--bpm N] [--out DIR] [--json]
    rebuild
    info [--json]

Results go to stdout; errors to stderr as one line, exit 2 for bad input, 1 for the rest.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path
from typing import NoReturn

from .errors import InputError, PyDrumsError
from .files import atomic_write

EXIT_BAD_INPUT = 2
EXIT_FAILURE = 1


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

    p = sub.add_parser("similar", parents=[common], help="the library's best matches for a request")
    p.add_argument("query")
    p.add_argument("--style", default=None)
    p.add_argument("--k", type=_int_range(1, 50), default=3)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("generate", parents=[common], help="a new pattern (Ollama, or the library as fallback)")
    p.add_argument("description")
    p.add_argument("--style", default=None)
    p.add_argument("--bpm", type=_int_range(40, 240), default=None)
    p.add_argument("--bars", type=_int_range(1, 8), default=None)
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--out", type=Path, default=None, help="write pattern.mid, pattern.wav, pattern.png here")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("convert", parents=[common], help="render a pattern you wrote")
    p.add_argument("pattern")
    p.add_argument("--bpm", type=_int_range(40, 240), default=100)
    p.add_argument("--out", type=Path, default=None)
    p.add_argument("--json", action="store_true")

    sub.add_parser("rebuild", parents=[common], help="re-read the library and rebuild the embedding index")
    p = sub.add_parser("info", parents=[common], help="library size, styles, index, model, Ollama")
    p.add_argument("--json", action="store_true")
    return parser


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
    try:
        return COMMANDS[args.command](args)
    except InputError as exc:
        print(f"pydrums {args.command}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except PyDrumsError as exc:
        print(f"pydrums {args.command}: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("pydrums: interrupted", file=sys.stderr)
        return EXIT_FAILURE


def _engine(args: argparse.Namespace, *, use_llm: bool = False):
    from .engine import Engine  # the heavy imports wait until a command needs them

    return Engine.load(args.data_dir, model=args.model, use_llm=use_llm)


def cmd_similar(args: argparse.Namespace) -> int:
    engine = _engine(args)
    hits = engine.similar(args.query, k=args.k, style=args.style)
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

    check_request(args.description, args.bpm, args.bars)  # bad input fails before the model loads
    engine = _engine(args, use_llm=True)
    result = engine.generate(args.description, style=args.style, bpm=args.bpm, bars=args.bars, seed=args.seed)
    written, audio = _write_files(engine.render, result.pattern, result.bpm, result.swing, result.name, args.out)
    if args.json:
        data = result.to_json()
        if written:
            data["files"] = written
            data["audio_renderer"] = audio
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"{result.name} ({result.style}, {result.bpm} bpm, {result.bars} bars, by the {_source(result.source)})")
    if result.reason:
        print(f"note: {result.reason}")
    print(result.pattern.ordered().to_text())
    print(f"based on: {', '.join(result.examples)}")
    _print_written(written, audio)
    return 0


def cmd_convert(args: argparse.Namespace) -> int:
    from .notation import parse_pattern
    from .render import render_all

    pattern = parse_pattern(args.pattern)  # no engine: converting needs neither model nor library
    written, audio = _write_files(render_all, pattern, args.bpm, 0.0, "Your pattern", args.out)
    if args.json:
        print(
            json.dumps(
                {
                    "notation": pattern.to_text(),
                    "bpm": args.bpm,
                    "bars": pattern.bars,
                    "time_signature": pattern.time_signature,
                    "files": written,
                    "audio_renderer": audio or None,
                }
            )
        )
        return 0
    print(pattern.to_text())
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
    ollama = info["ollama"]
    state = "reachable" if ollama["reachable"] else "not reachable"
    print(f"ollama: {ollama['host']} model {ollama['model']}: {state}")
    return 0


def _write_files(render, pattern, bpm: int, swing: float, title: str, out: Path | None) -> tuple[list[str], str]:
    """Paths written and the audio renderer used ("builtin" or "fluidsynth"); nothing without ``out``."""
    if out is None:
        return [], ""
    rendering = render(pattern, bpm, swing, title)
    files = rendering.files()
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            atomic_write(out / name, data)
    except OSError as exc:
        raise PyDrumsError(f"cannot write to {out}: {exc.strerror or exc}") from exc
    return [str(out / name) for name in files], rendering.audio_renderer


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
