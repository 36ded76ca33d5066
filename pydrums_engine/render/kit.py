"""A small drum kit synthesised with numpy, one voice per instrument in the table.

Each voice is a one-shot at full velocity (float32 mono, 44.1 kHz, peak set by its level in
the mix); `velocity_gain` scales it per stroke. Voices are built once per process and
cached, and the random noise in them is seeded per instrument, so every render of the same
pattern gives the same samples. The recipes follow the classic analogue machines: a pitch-
swept sine for kick and toms, tone plus filtered noise for the snare, six detuned square
waves through a high-pass for hats and cymbals (the TR-808 trick), two squares for the
cowbell.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from functools import cache

import numpy as np

from ..instruments import INSTRUMENTS

SAMPLE_RATE = 44100
METAL_FREQS = (205.3, 304.4, 369.6, 522.7, 540.0, 800.0)  # the TR-808's six hat oscillators (Hz)


def velocity_gain(velocity: int) -> float:
    """Amplitude for a MIDI velocity: a curve, so ghost notes sound soft, not merely quieter."""
    return (max(0, min(127, velocity)) / 127) ** 1.5


def _time(seconds: float) -> np.ndarray:
    return np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE


def _rng(code: str) -> np.random.Generator:
    return np.random.default_rng(zlib.crc32(code.encode()))


def _decay(t: np.ndarray, seconds: float) -> np.ndarray:
    """Exponential decay that falls by 60 dB over ``seconds``."""
    return np.exp(-6.9 * t / seconds)


def _attack(t: np.ndarray, seconds: float = 0.002) -> np.ndarray:
    """A short fade-in so no voice starts with a click it was not meant to have."""
    return np.clip(t / seconds, 0.0, 1.0)


def _band(signal: np.ndarray, low: float, high: float) -> np.ndarray:
    """Band-pass by FFT with soft (one-octave) edges; ``high`` may be the Nyquist frequency."""
    spectrum = np.fft.rfft(signal)
    freqs = np.fft.rfftfreq(len(signal), 1 / SAMPLE_RATE)
    with np.errstate(divide="ignore"):
        octaves = np.log2(np.maximum(freqs, 1.0))
    gain = np.clip(octaves - np.log2(low) + 1, 0, 1) * np.clip(np.log2(high) - octaves + 1, 0, 1)
    return np.fft.irfft(spectrum * gain, len(signal))


def _sweep(t: np.ndarray, start: float, end: float, seconds: float) -> np.ndarray:
    """Phase (radians) of a tone gliding exponentially from ``start`` to ``end`` Hz."""
    freq = end + (start - end) * np.exp(-t / seconds)
    return 2 * np.pi * np.cumsum(freq) / SAMPLE_RATE


def _metal(t: np.ndarray, scale: float = 1.0) -> np.ndarray:
    """The 808 metal source: six square waves at inharmonic ratios."""
    return sum(np.sign(np.sin(2 * np.pi * f * scale * t + i)) for i, f in enumerate(METAL_FREQS)) / len(METAL_FREQS)


def _kick(code: str) -> np.ndarray:
    t = _time(0.5)
    body = np.sin(_sweep(t, 160.0, 48.0, 0.035)) * _decay(t, 0.45)
    click = _band(_rng(code).standard_normal(len(t)), 1500, 6000) * _decay(t, 0.012) * 0.35
    return body + click


def _snare(code: str) -> np.ndarray:
    t = _time(0.35)
    tone = (np.sin(_sweep(t, 260.0, 185.0, 0.02)) + 0.5 * np.sin(2 * np.pi * 330 * t)) * _decay(t, 0.12)
    wires = _band(_rng(code).standard_normal(len(t)), 1800, 9000) * _decay(t, 0.25)
    return 0.55 * tone + wires


def _side_stick(code: str) -> np.ndarray:
    t = _time(0.12)
    wood = np.sin(2 * np.pi * 520 * t) * _decay(t, 0.05) + 0.6 * np.sin(2 * np.pi * 1720 * t) * _decay(t, 0.03)
    tick = _band(_rng(code).standard_normal(len(t)), 2000, 8000) * _decay(t, 0.01)
    return wood + 0.7 * tick


def _clap(code: str) -> np.ndarray:
    t = _time(0.35)
    noise = _band(_rng(code).standard_normal(len(t)), 900, 2600)
    bursts = sum(np.where(t >= at, _decay(np.maximum(t - at, 0), 0.03), 0.0) for at in (0.0, 0.011, 0.022))
    tail = np.where(t >= 0.03, _decay(np.maximum(t - 0.03, 0), 0.22), 0.0) * 0.7
    return noise * (bursts + tail)


def _hat(code: str, seconds: float, low: float = 7000) -> np.ndarray:
    t = _time(max(seconds * 1.1, 0.06))
    source = _metal(t) + 0.5 * _rng(code).standard_normal(len(t))
    return _band(source, low, SAMPLE_RATE / 2) * _decay(t, seconds)


def _pedal_hat(code: str) -> np.ndarray:
    return _hat(code, 0.07, low=5000)


def _tom(freq: float) -> Callable[[str], np.ndarray]:
    def make(code: str) -> np.ndarray:
        t = _time(0.6)
        body = np.sin(_sweep(t, freq * 1.5, freq, 0.05)) * _decay(t, 0.5)
        skin = _band(_rng(code).standard_normal(len(t)), 600, 4000) * _decay(t, 0.04) * 0.25
        return body + skin

    return make


def _crash(code: str) -> np.ndarray:
    t = _time(2.0)
    source = _metal(t, 1.4) + 1.2 * _rng(code).standard_normal(len(t))
    return _band(source, 3500, SAMPLE_RATE / 2) * _decay(t, 1.8) * (0.6 + 0.4 * _decay(t, 0.08))


def _ride(code: str) -> np.ndarray:
    t = _time(1.4)
    ping = sum(np.sin(2 * np.pi * f * t) for f in (2960.0, 3750.0, 5400.0)) / 3 * _decay(t, 0.6)
    wash = _band(_metal(t, 2.1) + 0.4 * _rng(code).standard_normal(len(t)), 5000, SAMPLE_RATE / 2) * _decay(t, 1.3)
    return 0.6 * ping + wash


def _ride_bell(code: str) -> np.ndarray:
    t = _time(1.2)
    partials = ((820.0, 1.0), (1230.0, 0.6), (2240.0, 0.5), (3300.0, 0.3))
    bell = sum(a * np.sin(2 * np.pi * f * t) for f, a in partials) * _decay(t, 0.9)
    strike = _band(_rng(code).standard_normal(len(t)), 4000, 12000) * _decay(t, 0.015) * 0.3
    return bell + strike


def _tambourine(code: str) -> np.ndarray:
    t = _time(0.3)
    jingles = _band(_metal(t, 9.0) + _rng(code).standard_normal(len(t)), 6000, 14000)
    shimmer = 1 + 0.5 * np.sin(2 * np.pi * 38 * t)  # the jingles rattle against each other
    return jingles * _decay(t, 0.25) * shimmer


def _cowbell(code: str) -> np.ndarray:
    t = _time(0.35)
    tone = np.sign(np.sin(2 * np.pi * 540 * t)) + np.sign(np.sin(2 * np.pi * 800 * t))
    return _band(tone, 450, 3500) * (0.7 * _decay(t, 0.05) + 0.3 * _decay(t, 0.3))


def _shaker(code: str) -> np.ndarray:
    t = _time(0.12)
    swell = np.clip(t / 0.012, 0, 1) * _decay(t, 0.09)
    return _band(_rng(code).standard_normal(len(t)), 5000, 16000) * swell


def _claves(code: str) -> np.ndarray:
    t = _time(0.15)
    return np.sin(2 * np.pi * 2500 * t) * _decay(t, 0.1) + 0.2 * np.sin(2 * np.pi * 5000 * t) * _decay(t, 0.03)


# code: (recipe, peak level in the mix)
_RECIPES: dict[str, tuple[Callable[[str], np.ndarray], float]] = {
    "bd": (_kick, 1.0),
    "sd": (_snare, 0.85),
    "rs": (_side_stick, 0.6),
    "cp": (_clap, 0.75),
    "ch": (lambda code: _hat(code, 0.09), 0.4),
    "ph": (_pedal_hat, 0.3),
    "oh": (lambda code: _hat(code, 1.0), 0.42),
    "ht": (_tom(205.0), 0.8),
    "mt": (_tom(150.0), 0.8),
    "lt": (_tom(98.0), 0.85),
    "cc": (_crash, 0.5),
    "rc": (_ride, 0.35),
    "rb": (_ride_bell, 0.4),
    "tb": (_tambourine, 0.38),
    "cb": (_cowbell, 0.45),
    "sh": (_shaker, 0.3),
    "cl": (_claves, 0.5),
}
_missing = {inst.code for inst in INSTRUMENTS} - set(_RECIPES)
if _missing:  # a new row in the instrument table needs a recipe here
    raise RuntimeError(f"no kit voice for {sorted(_missing)}")


@cache
def voice(code: str) -> np.ndarray:
    """The one-shot sample of instrument ``code`` at full velocity (read-only, cached)."""
    if code not in _RECIPES:
        raise ValueError(f"no kit voice for {code!r}; known: {', '.join(_RECIPES)}")
    recipe, level = _RECIPES[code]
    raw = recipe(code)
    t = np.arange(len(raw)) / SAMPLE_RATE
    raw = raw * _attack(t)
    fade = min(len(raw), int(0.01 * SAMPLE_RATE))  # end at silence, whatever the decay left
    raw[len(raw) - fade :] *= np.linspace(1.0, 0.0, fade)
    sample = (raw / np.max(np.abs(raw)) * level).astype(np.float32)
    sample.setflags(write=False)
    return sample
