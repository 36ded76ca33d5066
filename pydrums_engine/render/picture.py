"""A step-grid picture of a pattern (PNG), sized to read well in a Discord preview.

One lane per instrument in a drummer's reading order (cymbals on top, kick at the bottom),
labelled with the table's name. A cell's colour says how the step is played: accents are
dark and full, plain hits mid-tone, ghost notes pale and smaller; a flam carries a small
grace block on its left, a roll is striped. Thin lines mark beats and heavy lines bars,
with beat numbers above. The same pattern always gives the same bytes.

A picture goes with every reply, so it is made fast without changing a pixel: the words
every picture repeats (lane names, beat numbers, the legend) are rasterised once per process
and stamped on, and the PNG is written here with one cheap row filter and zlib's fastest
level (files ~30% larger than Pillow's optimize=True, still tens of kB).
"""

from __future__ import annotations

import math
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ..instruments import BY_CODE, STEP_SYMBOLS, display_order
from ..notation import Pattern

GRID_WIDTH = 1000  # pixels for the steps, whatever their number
LABEL_WIDTH = 270
MARGIN = 24
ROW_HEIGHT = 50
LEGEND_SWATCH = 24
LEGEND_LINE = LEGEND_SWATCH + 14
# font sizes: large, because Discord shows the picture shrunk until it is clicked
TITLE_SIZE, SUBTITLE_SIZE, LABEL_SIZE, CODE_SIZE, BEAT_SIZE, SMALL_SIZE, LEGEND_SIZE = 36, 24, 24, 18, 24, 17, 20

BACKGROUND = (255, 255, 255)
LANE = ((246, 247, 250), (236, 238, 243))  # alternating lane shades
REST = (224, 227, 234)
BEAT_LINE = (176, 181, 192)
BAR_LINE = (45, 50, 62)
TEXT = (30, 33, 40)
MUTED = (110, 116, 128)

# family: (accent, hit, ghost) colours
PALETTE: dict[str, tuple[tuple[int, int, int], tuple[int, int, int], tuple[int, int, int]]] = {
    "drum": ((22, 60, 138), (56, 114, 206), (176, 200, 238)),
    "cymbal": ((163, 98, 0), (226, 158, 24), (247, 219, 156)),
    "hand": ((18, 112, 64), (46, 168, 100), (172, 224, 194)),
}
SUBDIVISION_NAMES = {4: ("e", "&", "a"), 2: ("&",)}  # count syllables after the beat number
ZLIB_LEVEL = 1  # fastest; the grid's long flat runs compress well even so
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_UP_FILTER = 2  # each byte minus the one above it: a row like the last becomes zeros


@cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


@lru_cache(maxsize=256)
def _text_width(text: str, size: int) -> int:
    """Advance width of ``text`` in pixels, rounded (the legend asks for the same few every time)."""
    return round(_font(size).getlength(text))


@lru_cache(maxsize=512)
def _stamp(text: str, size: int, anchor: str, fraction: tuple[float, float]) -> tuple[Image.Image, int, int]:
    """``text`` as an anti-aliased coverage mask ("L"), and its corner's offset from the anchor's whole pixel.

    Rasterising text is most of a picture's drawing time, and glyphs depend only on the
    anchor's sub-pixel ``fraction``, so a mask drawn once here and pasted in the text's colour
    gives the very pixels `ImageDraw.text` would (both blend through the same mask fill).
    """
    font = _font(size)
    left, top, right, bottom = (math.floor(v) for v in font.getbbox(text, anchor=anchor))
    pad_x, pad_y = max(0, -left) + 1, max(0, -top) + 1  # room for a glyph nudged by the fraction
    mask = Image.new("L", (pad_x + right + 2, pad_y + bottom + 2), 0)
    ImageDraw.Draw(mask).text((pad_x + fraction[0], pad_y + fraction[1]), text, fill=255, font=font, anchor=anchor)
    return mask, -pad_x, -pad_y


def _text(
    image: Image.Image, xy: tuple[float, float], text: str, fill: tuple[int, int, int], size: int, anchor: str = "la"
) -> None:
    """Draw one line of text, as ``ImageDraw.text(xy, text, fill, font=_font(size), anchor=anchor)`` does."""
    (fx, x), (fy, y) = math.modf(xy[0]), math.modf(xy[1])
    mask, dx, dy = _stamp(text, size, anchor, (fx, fy))
    image.paste(fill, (int(x) + dx, int(y) + dy), mask)


@dataclass(frozen=True)
class LegendItem:
    """One legend entry: a swatch for ``symbol`` (none for the meter note) and its text."""

    symbol: str
    text: str
    x: int
    y: int


@dataclass(frozen=True)
class GridLayout:
    """Where everything goes in the picture of one pattern (pixels)."""

    steps: int
    rows: int
    grid_top: int
    show_bars: bool
    title_lines: tuple[tuple[str, int], ...]  # (text, font size)
    legend: tuple[LegendItem, ...]

    @property
    def grid_left(self) -> int:
        return MARGIN + LABEL_WIDTH

    @property
    def width(self) -> int:
        return self.grid_left + GRID_WIDTH + MARGIN

    @property
    def grid_bottom(self) -> int:
        return self.grid_top + self.rows * ROW_HEIGHT

    @property
    def height(self) -> int:
        return max(item.y for item in self.legend) + LEGEND_SWATCH + MARGIN

    def step_x(self, step: int) -> int:
        """Left edge of a step column (``step == steps`` gives the grid's right edge)."""
        return self.grid_left + round(step * GRID_WIDTH / self.steps)

    def cell_box(self, row: int, step: int) -> tuple[int, int, int, int]:
        """``(left, top, right, bottom)`` of one cell, inclusive, inside its gaps."""
        left, right = self.step_x(step), self.step_x(step + 1)
        gap = 2 if right - left >= 12 else 1
        top = self.grid_top + row * ROW_HEIGHT
        return left + gap, top + 5, right - gap - 1, top + ROW_HEIGHT - 6


def layout_for(
    pattern: Pattern, title: str | None = None, subtitle: str | None = None, heading: str | None = None
) -> GridLayout:
    """The layout `render_png` uses for these arguments (``heading``: a section's label, set large)."""
    given = ((title, TITLE_SIZE), (subtitle, SUBTITLE_SIZE), (heading, TITLE_SIZE))
    lines = tuple((text, size) for text, size in given if text)
    y = MARGIN + sum(size + 12 for _, size in lines) + (10 if lines else 0)
    show_bars = pattern.bars > 1
    grid_top = y + (SMALL_SIZE + 8 if show_bars else 0) + BEAT_SIZE + 12
    rows = len(pattern.track_items)
    legend_top = grid_top + rows * ROW_HEIGHT + 16
    return GridLayout(pattern.length, rows, grid_top, show_bars, lines, _place_legend(pattern, legend_top))


def _place_legend(pattern: Pattern, top: int) -> tuple[LegendItem, ...]:
    """Legend entries left to right, wrapping onto a new line when the next one would not fit."""
    bars = f"{pattern.bars} bar{'s' if pattern.bars > 1 else ''}"
    entries = [(s.symbol, f"{s.symbol}  {s.meaning}") for s in STEP_SYMBOLS if s.velocity]
    entries.append(("", f"{pattern.time_signature} · {bars} · {pattern.steps_per_bar} steps a bar"))
    right_edge = MARGIN + LABEL_WIDTH + GRID_WIDTH
    placed, x, y = [], MARGIN, top
    for symbol, text in entries:
        width = (LEGEND_SWATCH + 8 if symbol else 0) + _text_width(text, LEGEND_SIZE)
        if x + width > right_edge and x > MARGIN:
            x, y = MARGIN, y + LEGEND_LINE
        placed.append(LegendItem(symbol, text, x, y))
        x += width + 28
    return tuple(placed)


def render_png(pattern: Pattern, title: str | None = None, subtitle: str | None = None) -> bytes:
    """The pattern as a PNG step grid, about 1300 pixels wide, with an optional title and subtitle."""
    return png_bytes(grid_image(pattern, title, subtitle))


def render_sections_png(
    sections: Sequence[tuple[str, Pattern]], title: str | None = None, subtitle: str | None = None
) -> bytes:
    """Several grids under one another, each headed by its label (a song's sections, once each)."""
    images = [grid_image(p, title if n == 0 else None, subtitle if n == 0 else None, heading=label)
              for n, (label, p) in enumerate(sections)]  # fmt: skip
    sheet = Image.new("RGB", (max(i.width for i in images), sum(i.height for i in images)), BACKGROUND)
    y = 0
    for image in images:
        sheet.paste(image, (0, y))
        y += image.height
    return png_bytes(sheet)


def grid_image(
    pattern: Pattern, title: str | None = None, subtitle: str | None = None, *, heading: str | None = None
) -> Image.Image:
    """The picture `render_png` encodes; ``heading`` a section's label under the title lines."""
    layout = layout_for(pattern, title, subtitle, heading)
    image = Image.new("RGB", (layout.width, layout.height), BACKGROUND)
    draw = ImageDraw.Draw(image)

    y = MARGIN
    for text, size in layout.title_lines:  # a request's own words: drawn, not stamped, so not cached
        draw.text((MARGIN, y), text, fill=TEXT if size == TITLE_SIZE else MUTED, font=_font(size))
        y += size + 12

    codes = display_order([code for code, _ in pattern.track_items])
    _draw_ruler(image, layout, pattern)
    for row, code in enumerate(codes):
        _draw_lane(image, draw, layout, row, code, pattern.steps(code))
    _draw_lines(draw, layout, pattern)
    _draw_legend(image, draw, layout)
    return image


def png_bytes(image: Image.Image) -> bytes:
    """The image as an 8-bit RGB PNG file: every row "up"-filtered, then deflated at `ZLIB_LEVEL`.

    Pillow tries all five PNG filters on every row and keeps the best, which costs more than
    the compression itself; on a grid, where most rows repeat the row above, "up" is the
    one that wins anyway.
    """
    pixels = np.asarray(image if image.mode == "RGB" else image.convert("RGB"))
    height, width, _ = pixels.shape
    rows = pixels.reshape(height, width * 3)
    filtered = np.empty((height, width * 3 + 1), dtype=np.uint8)
    filtered[:, 0] = PNG_UP_FILTER  # the first row's "row above" is zeros, so it is stored as is
    filtered[0, 1:] = rows[0]
    np.subtract(rows[1:], rows[:-1], out=filtered[1:, 1:])  # uint8: wraps modulo 256, as PNG wants
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    return b"".join(
        (
            PNG_SIGNATURE,
            _png_chunk(b"IHDR", header),
            _png_chunk(b"IDAT", zlib.compress(filtered, ZLIB_LEVEL)),
            _png_chunk(b"IEND", b""),
        )
    )


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    """Length, type, data and the CRC of type and data."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _draw_ruler(image: Image.Image, layout: GridLayout, pattern: Pattern) -> None:
    """Bar numbers (when more than one bar), beat numbers, and count syllables when they fit."""
    beats = pattern.beat_starts()
    per_bar = len(pattern.meter.groups)
    beat_y = layout.grid_top - 12 - BEAT_SIZE // 2  # centre line of the beat numbers
    wide = GRID_WIDTH / layout.steps >= 28
    for bar in range(pattern.bars if layout.show_bars else 0):
        x = layout.step_x(bar * pattern.steps_per_bar)
        label_y = beat_y - BEAT_SIZE // 2 - 6
        _text(image, (x + 4, label_y), f"bar {bar + 1}", MUTED, SMALL_SIZE, "ls")
    for n, start in enumerate(beats):
        end = beats[n + 1] if n + 1 < len(beats) else pattern.length
        number = str(n % per_bar + 1)
        if wide:  # over the middle of the beat's first cell
            centre = (layout.step_x(start) + layout.step_x(start + 1)) / 2
            _text(image, (centre, beat_y), number, TEXT, BEAT_SIZE, "mm")
        else:  # cells too narrow to centre on: just right of the beat line
            _text(image, (layout.step_x(start) + 5, beat_y), number, TEXT, BEAT_SIZE, "lm")
        for k, syllable in enumerate(SUBDIVISION_NAMES.get(end - start, ()) if wide else (), start=1):
            x = (layout.step_x(start + k) + layout.step_x(start + k + 1)) / 2
            _text(image, (x, beat_y + 1), syllable, MUTED, SMALL_SIZE, "mm")


def _draw_lane(
    image: Image.Image, draw: ImageDraw.ImageDraw, layout: GridLayout, row: int, code: str, steps: str
) -> None:
    """One instrument: its label and a cell per step."""
    inst = BY_CODE[code]
    top = layout.grid_top + row * ROW_HEIGHT
    draw.rectangle((MARGIN, top, layout.step_x(layout.steps), top + ROW_HEIGHT - 1), fill=LANE[row % 2])
    middle = top + ROW_HEIGHT / 2
    _text(image, (MARGIN + 8, middle), inst.name, TEXT, LABEL_SIZE, "lm")
    _text(image, (layout.grid_left - 12, middle), inst.code, MUTED, CODE_SIZE, "rm")
    for step, symbol in enumerate(steps):
        _draw_cell(draw, layout.cell_box(row, step), symbol, inst.family)


def _draw_cell(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], symbol: str, family: str) -> None:
    """One step: a small rest mark, or a block whose colour and shape say how it is played."""
    accent, hit, ghost = PALETTE[family]
    left, top, right, bottom = box
    middle = (top + bottom) // 2
    if symbol == "-":
        draw.rectangle((left, middle - 3, right, middle + 3), fill=REST)
    elif symbol == "X":
        draw.rectangle(box, fill=accent)
    elif symbol == "x":
        draw.rectangle((left, top + 4, right, bottom - 4), fill=hit)
    elif symbol == "o":
        draw.rectangle((left, top + 10, right, bottom - 10), fill=ghost)
    elif symbol == "f":
        split = left + max(1, (right - left) // 4)
        draw.rectangle((left, top + 14, split - 1, bottom - 4), fill=ghost)  # the grace note, lower
        draw.rectangle((min(split + 1, right), top + 4, right, bottom - 4), fill=hit)
    elif symbol == "r":
        draw.rectangle((left, top + 4, right, bottom - 4), fill=ghost)
        for y in range(top + 8, bottom - 5, 6):  # stacked strokes, like a tremolo mark
            draw.line((left, y, right, y), fill=accent, width=2)


def _draw_lines(draw: ImageDraw.ImageDraw, layout: GridLayout, pattern: Pattern) -> None:
    """Thin beat lines, heavy bar lines, drawn over the lanes between cells."""
    top, bottom = layout.grid_top - 4, layout.grid_bottom
    for start in pattern.beat_starts():
        if start % pattern.steps_per_bar:
            x = layout.step_x(start)
            draw.line((x, top, x, bottom), fill=BEAT_LINE, width=2)
    for bar in range(pattern.bars + 1):
        x = layout.step_x(bar * pattern.steps_per_bar)
        draw.line((x, top - 8, x, bottom), fill=BAR_LINE, width=3)


def _draw_legend(image: Image.Image, draw: ImageDraw.ImageDraw, layout: GridLayout) -> None:
    """Symbol swatches drawn as the cells are (in the drum colours), each with its meaning."""
    for item in layout.legend:
        x = item.x
        if item.symbol:
            _draw_cell(draw, (x, item.y - 4, x + LEGEND_SWATCH, item.y + LEGEND_SWATCH + 4), item.symbol, "drum")
            x += LEGEND_SWATCH + 8
        fill = TEXT if item.symbol else MUTED
        _text(image, (x, item.y + LEGEND_SWATCH / 2), item.text, fill, LEGEND_SIZE, "lm")
