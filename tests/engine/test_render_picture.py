"""Step-grid pictures: they decode, fit a Discord preview, and show what is played where."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from pydrums_engine.instruments import INSTRUMENTS
from pydrums_engine.notation import parse_pattern
from pydrums_engine.render import render_png
from pydrums_engine.render.picture import _font, _text, layout_for, png_bytes


def picture(text: str, **kwargs) -> Image.Image:
    """The pattern's PNG, decoded as a user's client would."""
    image = Image.open(io.BytesIO(render_png(parse_pattern(text), **kwargs)))
    assert image.format == "PNG"
    return image.convert("RGB")


def cell_colour(image: Image.Image, text: str, row: int, step: int) -> tuple[int, int, int]:
    """Colour at the centre of one step cell (rows counted from the top of the picture)."""
    left, top, right, bottom = layout_for(parse_pattern(text)).cell_box(row, step)
    return image.getpixel(((left + right) // 2, (top + bottom) // 2))


def luminance(rgb: tuple[int, int, int]) -> float:
    r, g, b = rgb
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize(
    "text",
    [
        "bd: x-------x-------",
        "time: 7/8; bd: x---x---x-----",
        "time: 6/8; rc: x-x-x-x-x-x-; bd: x-----x-----",
        "bd: x-x-x-x-",  # an eighth-note grid
        "ch: " + "x-x-" * 32 + "; bd: " + "x---" * 32,  # 8 bars of 4/4
        "time: 5/4; bd: " + "x---" * 40,  # 8 bars of 5/4: the most steps a pattern can have
    ],
)
def test_picture_fits_a_discord_preview(text):
    """Whatever the meter and length, the picture is 1000-1400 pixels wide, wider than tall, and small."""
    image = picture(text, title="Groove", subtitle="based on funk-01")
    assert 1000 <= image.width <= 1400
    assert image.height < image.width
    assert len(render_png(parse_pattern(text), "Groove", "based on funk-01")) < 200_000


def test_every_instrument_accented_still_makes_a_small_file():
    """The busiest picture (all 17 lanes, every symbol, 8 bars) stays far below Discord's attachment limit."""
    text = "; ".join(f"{inst.code}: {'X-x-o-f-r-X-x-o-' * 8}" for inst in INSTRUMENTS)
    assert len(render_png(parse_pattern(text), "Everything", "all instruments")) < 500_000


@pytest.mark.parametrize("mode", ["RGB", "L", "RGBA"])
def test_png_writer_keeps_every_pixel(mode):
    """The PNG written holds exactly the pixels drawn: noise, flat runs, repeated rows, anti-aliased text."""
    rng = np.random.default_rng(7)
    noise = rng.integers(0, 256, size=(60, 90, 3), dtype=np.uint8)
    noise[20:40] = noise[20]  # rows like the one above, as in a grid
    noise[:, 50:] = (246, 247, 250)  # a flat lane
    image = Image.fromarray(noise).convert(mode)
    ImageDraw.Draw(image).text((4, 44), "bar 1 · ghost", fill="black", font=ImageFont.load_default(size=14))
    decoded = Image.open(io.BytesIO(png_bytes(image)))
    assert decoded.format == "PNG" and decoded.size == image.size
    assert decoded.convert("RGB").tobytes() == image.convert("RGB").tobytes()


def test_height_grows_with_the_number_of_tracks():
    """Every extra instrument adds a lane."""
    heights = [
        picture(text).height
        for text in (
            "bd: x-------x-------",
            "sd: ----x-------x---; bd: x-------x-------",
            "ch: x-x-x-x-x-x-x-x-; sd: ----x-------x---; bd: x-------x-------; cb: x--x--x---x-x---",
        )
    ]
    assert heights == sorted(set(heights))


def test_title_and_subtitle_add_room_at_the_top():
    bare = picture("bd: x-------x-------")
    titled = picture("bd: x-------x-------", title="Funk", subtitle="96 bpm")
    assert titled.height > bare.height


def test_accent_cell_is_darker_than_hit_and_ghost_is_lighter():
    """On one lane, an accent is drawn darker than a plain hit, and a ghost note lighter still."""
    text = "sd: X---x---o-------"
    image = picture(text)
    accent, hit, ghost, rest = (luminance(cell_colour(image, text, 0, step)) for step in (0, 4, 8, 12))
    assert accent < hit < ghost
    assert len({accent, hit, ghost, rest}) == 4


def test_lanes_are_in_reading_order_cymbals_on_top_kick_at_the_bottom():
    """Tracks written kick-first are still drawn with the hi-hat on top and the kick at the bottom."""
    text = "bd: x---------------; ch: ----x-----------"
    image = picture(text)
    top_lane_on_2 = cell_colour(image, text, 0, 4)
    bottom_lane_on_1 = cell_colour(image, text, 1, 0)
    top_lane_on_1 = cell_colour(image, text, 0, 0)
    assert top_lane_on_2 != top_lane_on_1  # the hat plays on beat 2, not on beat 1
    assert bottom_lane_on_1 != cell_colour(image, text, 1, 4)  # the kick plays on beat 1 only
    assert top_lane_on_2 != bottom_lane_on_1  # cymbals and drums have their own colours


def test_flam_and_roll_look_unlike_a_plain_hit():
    """A flam and a roll are drawn differently from a hit on the same drum."""
    text = "sd: x---f---r-------"
    image = Image.open(io.BytesIO(render_png(parse_pattern(text)))).convert("RGB")
    layout = layout_for(parse_pattern(text))

    def cell(step: int) -> bytes:
        return image.crop(layout.cell_box(0, step)).tobytes()

    assert len({cell(0), cell(4), cell(8)}) == 3


def test_bar_lines_are_heavier_than_beat_lines():
    """Between two bars the line is darker than between two beats."""
    text = "bd: x-------x-------x-------x-------"
    image = picture(text)
    layout = layout_for(parse_pattern(text))
    y = layout.grid_top + 5
    bar_line = luminance(image.getpixel((layout.step_x(16), y)))
    beat_line = luminance(image.getpixel((layout.step_x(4), y)))
    lane = luminance(image.getpixel((layout.step_x(4) + 8, y)))
    assert bar_line < beat_line < lane


def test_same_pattern_same_picture():
    """Rendering is deterministic, so identical requests give identical attachments."""
    pattern = parse_pattern("ch: x-x-x-x-x-x-x-x-; sd: ----X--o-f--X--r; bd: x-x----x--x-----")
    assert render_png(pattern, "Funk", "96 bpm") == render_png(pattern, "Funk", "96 bpm")
    assert render_png(pattern, "Funk") != render_png(pattern, "Soul")


@pytest.mark.parametrize("anchor", ["la", "ls", "lm", "mm", "rm"])
@pytest.mark.parametrize("xy", [(40, 30), (40.5, 30.5), (41.25, 29.75), (3, 2)])
def test_stamped_text_looks_exactly_like_drawn_text(anchor, xy):
    """Labels are stamped from cached masks; every pixel matches drawing them, at any anchor and sub-pixel spot."""
    drawn, stamped = (Image.new("RGB", (120, 60), (236, 238, 243)) for _ in range(2))
    ImageDraw.Draw(drawn).text(xy, "snare drum 1&", fill=(110, 116, 128), font=_font(18), anchor=anchor)
    _text(stamped, xy, "snare drum 1&", (110, 116, 128), 18, anchor)
    assert stamped.tobytes() == drawn.tobytes()
    assert drawn.getcolors() and len(drawn.getcolors()) > 2  # something was drawn
