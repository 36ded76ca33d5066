"""Kit note maps: which MIDI note each instrument plays in a drum plug-in or drum module.

General MIDI is the default. Other maps are data, one small TOML file per map in
``data/kits/`` (``--kit roland-td17``), or any file of the same shape (``--kit my-kit.toml``)::

    name = "Roland V-Drums TD-17"                   # optional: shown to users
    source = "where the numbers come from"          # optional, but say it in shipped maps

    [notes]                                         # instrument code (or alias) -> MIDI note
    bd = 36
    ht = 48

    [articulations]                                 # optional: one step symbol's own note
    sd.accent = 40                                  # accents as rim shots
    ch.accent = 22                                  # closed-hat accents on the edge

Articulations are named after the step symbols (`ARTICULATIONS`: accent ``X``, ghost ``o``,
flam ``f``, roll ``r``); open, closed and pedal hat, rim and bell are instruments of their
own (``oh``, ``ch``, ``ph``, ``rs``, ``rb``), so they go under ``[notes]``. Every stroke of
that step plays the articulation's note (a flam's grace note too).

An instrument a map leaves out plays its General MIDI note from the instrument table, and
`KitMap.general_midi` lists which ones did, so a user's file needs only the notes that
differ. Anything else that is wrong is an `InputError` naming the file and the line.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from ..errors import InputError
from ..instruments import BY_CODE, INSTRUMENTS, resolve_instrument
from ..library import DEFAULT_DATA_DIR

KITS_DIR = DEFAULT_DATA_DIR / "kits"
DEFAULT_KIT = "general-midi"
ARTICULATIONS: dict[str, str] = {"accent": "X", "ghost": "o", "flam": "f", "roll": "r"}  # name -> step symbol
TOP_KEYS = ("name", "source", "notes", "articulations")
NOTE_MIN, NOTE_MAX = 0, 127

_TOML_WHERE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")


@dataclass(frozen=True)
class KitMap:
    """A drum kit's note for every instrument, and for some articulations (``(code, symbol)``)."""

    name: str
    key: str  # how it was asked for: a map's name ("general-midi") or a file's path
    notes: Mapping[str, int]
    articulations: Mapping[tuple[str, str], int] = field(default_factory=dict)
    general_midi: tuple[str, ...] = ()  # codes the map left out: they play their General MIDI note
    source: str = ""

    def note(self, code: str, symbol: str = "x") -> int:
        """The note that instrument ``code`` plays for a step ``symbol``."""
        return self.articulations.get((code, symbol), self.notes[code])


def kit_names() -> list[str]:
    """The maps shipped in `KITS_DIR`, by name."""
    return sorted(path.stem for path in KITS_DIR.glob("*.toml"))


def load_kit(name_or_path: str | Path) -> KitMap:
    """The kit map a name (a file in `KITS_DIR`) or a path names; InputError naming the line of a bad entry.

    A ``str`` with a slash or a ``.toml`` ending is a path; anything else is a map's name.
    """
    text = str(name_or_path)
    if isinstance(name_or_path, Path) or "/" in text or "\\" in text or text.endswith(".toml"):
        path = Path(name_or_path)
    else:
        path = KITS_DIR / f"{text}.toml"
        if not path.is_file():
            raise InputError(f"unknown kit {text!r}; use one of {', '.join(kit_names())}, or a .toml file")
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read kit file {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not a UTF-8 text file ({exc.reason})") from exc
    return parse_kit(source, path, key=text)


def parse_kit(text: str, path: Path | str = "<kit>", *, key: str | None = None) -> KitMap:
    """A kit map from TOML ``text``; ``path`` is only named in errors."""

    def fail(where: tuple[str, ...], message: str) -> InputError:
        line = _line_of(text, where)
        return InputError(f"{path}, line {line}: {message}" if line else f"{path}: {message}")

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_WHERE.search(str(exc))
        what = _TOML_WHERE.sub("", str(exc)).lower()
        line = f", line {found[1]}" if found else ""
        raise InputError(f"{path}{line}: not valid TOML ({what})") from exc
    for top in data:
        if top not in TOP_KEYS:
            raise fail((top,), f"unknown entry {top!r}; a kit map has {', '.join(TOP_KEYS)}")
    for top in ("name", "source"):
        if not isinstance(data.get(top, ""), str):
            raise fail((top,), f"{top} must be text in quotes")
    notes: dict[str, int] = {}
    table = data.get("notes", {})
    if not isinstance(table, dict):
        raise fail(("notes",), "[notes] must be a table of 'code = note' lines")
    for word, value in table.items():
        code = _instrument(word, lambda m, w=word: fail(("notes", w), m))
        if code in notes:
            raise fail(("notes", word), f"{BY_CODE[code].name} ({code}) is mapped twice")
        notes[code] = _note(value, lambda m, w=word: fail(("notes", w), m))
    articulations: dict[tuple[str, str], int] = {}
    table = data.get("articulations", {})
    if not isinstance(table, dict):
        raise fail(("articulations",), "[articulations] must be a table of 'code.articulation = note' lines")
    for word, inner in table.items():
        code = _instrument(word, lambda m, w=word: fail(("articulations", w), m))
        if not isinstance(inner, dict):
            raise fail(("articulations", word), f"write '{word}.accent = 40': an articulation of {word}, then its note")
        for name, value in inner.items():
            where = ("articulations", word, name)
            if name not in ARTICULATIONS:
                raise fail(where, f"unknown articulation {name!r}; use one of {', '.join(ARTICULATIONS)}")
            articulations[(code, ARTICULATIONS[name])] = _note(value, lambda m, w=where: fail(w, m))
    missing = tuple(inst.code for inst in INSTRUMENTS if inst.code not in notes)
    full = {inst.code: notes.get(inst.code, inst.gm_note) for inst in INSTRUMENTS}
    stem = Path(str(path)).stem
    return KitMap(
        name=data.get("name") or stem,
        key=key or stem,
        notes=MappingProxyType(full),
        articulations=MappingProxyType(articulations),
        general_midi=missing,
        source=data.get("source", ""),
    )


def _instrument(word: str, fail) -> str:
    """The instrument code ``word`` names (a code or an alias such as 'kick')."""
    code = resolve_instrument(word)
    if code is None:
        raise fail(f"{word!r} is not an instrument; use one of {', '.join(BY_CODE)}")
    return code


def _note(value: object, fail) -> int:
    """``value`` as a MIDI note number, or the error ``fail`` makes."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail(f"a note is a whole number from {NOTE_MIN} to {NOTE_MAX}, not {value!r}")
    if not NOTE_MIN <= value <= NOTE_MAX:
        raise fail(f"note {value} is out of range; MIDI notes are {NOTE_MIN} to {NOTE_MAX}")
    return value


def _line_of(text: str, where: tuple[str, ...]) -> int | None:
    """The 1-based line that defines the entry at ``where`` (table names, then keys), by scanning.

    tomllib reports lines only for syntax errors; a bad value in good TOML is found here,
    under its ``[table]`` header or as a dotted key. The first line whose full key starts
    with ``where`` wins, so a missing key still points at its table.
    """
    section: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header and not line.lstrip().startswith("[["):
            section = _split_key(header[1])
            if section[: len(where)] == where:
                return number
            continue
        key = _KEY.match(line)
        if key and (section + _split_key(key[1]))[: len(where)] == where:
            return number
    return None


def _split_key(dotted: str) -> tuple[str, ...]:
    """``sd.accent`` or ``"sd" . 'accent'`` as ``("sd", "accent")``."""
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", dotted)
    return tuple(part.strip("\"'") for part in parts)
