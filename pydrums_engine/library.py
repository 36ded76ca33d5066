"""The groove library: TOML files under data/grooves/, one per style family.

Each file holds ``[styles.<key>]`` tables (what listeners say about a style) and
``[[grooves]]`` entries (one playable groove each). See data/README.md for the format.
Loading checks every rule a reviewer would: grids parse in their meter, ids are unique,
every groove names a known style, bpm and swing are in range, and no two grooves share a
grid. A broken file is a `LibraryError` naming the file and the groove, never a partial
library; a grid error names the file's own line (not the line inside the grid).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .errors import LibraryError, NotationError
from .limits import BPM_MAX, BPM_MIN
from .notation import Pattern, parse_pattern

log = logging.getLogger(__name__)

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
STYLE_LORE_FIELDS = ("moods", "eras", "scenes", "places", "dances", "artists", "records", "phrases")


@dataclass(frozen=True)
class Style:
    """A style and the words people use around it (for descriptions and query matching)."""

    key: str
    name: str
    aliases: tuple[str, ...] = ()
    moods: tuple[str, ...] = ()
    eras: tuple[str, ...] = ()
    scenes: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    dances: tuple[str, ...] = ()
    artists: tuple[str, ...] = ()
    records: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()  # whole requests people make for it, in their words
    family: str = ""

    def names(self) -> tuple[str, ...]:
        """Every way of naming the style: key, display name and aliases, lower-case."""
        return tuple(dict.fromkeys(n.lower() for n in (self.key.replace("-", " "), self.name, *self.aliases)))


@dataclass(frozen=True)
class Groove:
    """One playable groove of the library."""

    id: str
    name: str
    style: str
    tags: tuple[str, ...]
    bpm: int
    time_signature: str
    swing: float  # 0 straight .. 1 full triplet swing of the off-beat subdivision
    description: str
    pattern: Pattern
    source: str = ""  # file it came from, for error messages

    @property
    def notation(self) -> str:
        return self.pattern.to_text(one_line=True)


@dataclass
class Library:
    """All grooves and styles, in file order."""

    grooves: list[Groove]
    styles: dict[str, Style]
    by_id: dict[str, Groove] = field(init=False)

    def __post_init__(self) -> None:
        self.by_id = {g.id: g for g in self.grooves}

    def style_counts(self) -> dict[str, int]:
        """Grooves per style, most first (ties by name)."""
        counts = Counter(g.style for g in self.grooves)
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def content_hash(self) -> str:
        """A hash of everything that shapes the index, so a changed library is noticed."""
        blob = json.dumps(
            [[g.id, g.style, g.tags, g.bpm, g.time_signature, g.swing, g.description, g.notation] for g in self.grooves]
            + [
                [s.key, s.name, *(getattr(s, f) for f in ("aliases", *STYLE_LORE_FIELDS))] for s in self.styles.values()
            ],
            ensure_ascii=False,
        )
        return hashlib.sha256(blob.encode()).hexdigest()


def load_library(data_dir: Path | str = DEFAULT_DATA_DIR) -> Library:
    """Read and check every groove file under ``data_dir/grooves``."""
    folder = Path(data_dir) / "grooves"
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise LibraryError(f"no groove files (*.toml) in {folder}")
    return load_files(files)


def load_files(files: list[Path]) -> Library:
    """Read and check the given groove files as one library."""
    styles: dict[str, Style] = {}
    raw_grooves: list[tuple[str, dict, str]] = []
    for path in files:
        text = _read_text(path)
        try:
            doc = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise LibraryError(f"{path.name}: not valid TOML: {exc}") from exc
        for key, table in doc.get("styles", {}).items():
            if key in styles:
                raise LibraryError(f"{path.name}: style {key!r} is already defined in {styles[key].family}")
            styles[key] = _style(key, table, path.name)
        raw_grooves += [(path.name, entry, text) for entry in doc.get("grooves", [])]
    grooves = [_groove(entry, source, styles, text) for source, entry, text in raw_grooves]
    _check_unique(grooves)
    return Library(grooves, styles)


def _read_text(path: Path) -> str:
    """The file as UTF-8 text; a LibraryError naming the line and column of the first byte that is not."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LibraryError(f"{path.name}: cannot be read: {exc.strerror or exc}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LibraryError(
            f"{path.name}, line {line}, column {column}: byte 0x{data[exc.start]:02x} is not UTF-8 text; "
            "save the file as UTF-8"
        ) from None


def _style(key: str, table: dict, source: str) -> Style:
    if "name" not in table:
        raise LibraryError(f"{source}: style {key!r} needs a name")
    lore = {f: tuple(str(v) for v in table.get(f, ())) for f in ("aliases", *STYLE_LORE_FIELDS)}
    unknown = set(table) - {"name", "aliases", *STYLE_LORE_FIELDS}
    if unknown:
        raise LibraryError(f"{source}: style {key!r} has unknown fields {sorted(unknown)}")
    return Style(key=key, name=str(table["name"]), family=source, **lore)


GROOVE_FIELDS = {"id", "name", "style", "tags", "bpm", "time", "swing", "description", "grid"}


def _groove(entry: dict, source: str, styles: dict[str, Style], text: str = "") -> Groove:
    gid = entry.get("id", "?")
    where = f"{source}, groove {gid!r}"
    missing = GROOVE_FIELDS - {"swing", "time"} - set(entry)
    if missing:
        raise LibraryError(f"{where}: missing {sorted(missing)}")
    unknown = set(entry) - GROOVE_FIELDS
    if unknown:
        raise LibraryError(f"{where}: unknown fields {sorted(unknown)}")
    if entry["style"] not in styles:
        raise LibraryError(f"{where}: style {entry['style']!r} is not defined in any [styles] table")
    bpm, swing = entry["bpm"], float(entry.get("swing", 0.0))
    if not isinstance(bpm, int) or not BPM_MIN <= bpm <= BPM_MAX:
        raise LibraryError(f"{where}: bpm must be a whole number from {BPM_MIN} to {BPM_MAX}, not {bpm!r}")
    if not 0.0 <= swing <= 1.0:
        raise LibraryError(f"{where}: swing must be from 0 (straight) to 1 (triplet), not {swing}")
    time = entry.get("time", "4/4")
    try:
        pattern = parse_pattern(entry["grid"], time_signature=time)
    except NotationError as exc:
        raise LibraryError(f"{where}: {_grid_error(exc, str(entry['grid']), _grid_lines(text, str(gid)))}") from exc
    if pattern.steps_per_bar != pattern.meter.steps_per_bar:
        grid_at = _grid_lines(text, str(gid))
        at = f"grid at line {grid_at[0]}: " if grid_at else ""
        raise LibraryError(f"{where}: {at}library grids use {pattern.meter.steps_per_bar} steps per {time} bar")
    return Groove(
        id=str(gid),
        name=str(entry["name"]),
        style=str(entry["style"]),
        tags=tuple(str(t).lower() for t in entry["tags"]),
        bpm=bpm,
        time_signature=time,
        swing=swing,
        description=" ".join(str(entry["description"]).split()),
        pattern=pattern,
        source=source,
    )


# -- where a grid sits in its file: tomllib keeps no positions, so its lines are found in the text

_KEY = r"^[ \t]*{key}[ \t]*=[ \t]*"
_HEADER = re.compile(r"^[ \t]*\[", re.M)
_LINE_NUMBER = re.compile(r"\bline (\d+)\b")


def _grid_lines(text: str, gid: str) -> tuple[int, bool] | None:
    """(file line of the grid's first line, True when its lines are file lines) for groove ``gid``.

    False means a one-line string: every grid line is that file line. None when not found.
    """
    quoted = "|".join(re.escape(q + gid + q) for q in ('"', "'"))
    found = re.search(_KEY.format(key="id") + f"(?:{quoted})", text, re.M)
    if found is None:
        return None
    start = max((m.start() for m in _HEADER.finditer(text, 0, found.start())), default=0)
    following = _HEADER.search(text, found.end())
    table = text[start : following.start() if following else len(text)]
    grid = re.search(_KEY.format(key="grid") + "(\"\"\"|'''|[\"'])([ \t]*\r?\n)?", table, re.M)
    if grid is None:
        return None
    line = text.count("\n", 0, start + grid.start()) + 1
    multiline = len(grid.group(1)) == 3
    return line + (1 if multiline and grid.group(2) else 0), multiline


def _grid_error(exc: NotationError, grid: str, at: tuple[int, bool] | None) -> str:
    """The notation error with its grid line numbers turned into the file's own."""
    message = str(exc)
    if at is None:
        return f"in its grid: {message}"
    first, multiline = at
    if exc.line is None:
        return f"grid at line {first}: {message}"
    if not multiline:
        return _LINE_NUMBER.sub(f"line {first}", message)
    # The notation counts each non-blank line (and each ';'-joined part) as one line.
    entry_lines = [number for number, line in enumerate(grid.splitlines()) for part in line.split(";") if part.strip()]

    def file_line(match: re.Match[str]) -> str:
        entry = int(match.group(1))
        return f"line {first + entry_lines[entry - 1]}" if 0 < entry <= len(entry_lines) else match.group()

    return _LINE_NUMBER.sub(file_line, message)


def _check_unique(grooves: list[Groove]) -> None:
    ids: dict[str, str] = {}
    grids: dict[tuple, str] = {}
    for g in grooves:
        if g.id in ids:
            raise LibraryError(f"{g.source}: groove id {g.id!r} is already used in {ids[g.id]}")
        ids[g.id] = g.source
        key = (g.time_signature, tuple(sorted(g.pattern.track_items)))
        if key in grids:
            raise LibraryError(f"{g.source}, groove {g.id!r}: same grid as groove {grids[key]!r}")
        grids[key] = g.id
