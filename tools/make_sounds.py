"""Make the kiosk's three sounds as WAV files in ui/sounds/ (16-bit mono, 22050 Hz).

    python tools/make_sounds.py [FOLDER]

Admit: a rising two-note chime. Deny: a low double buzz. Staff needed:
three quick high beeps. Each tone starts and ends on a raised-cosine ramp,
so no sound clicks; the same script always writes the same bytes.
"""

from __future__ import annotations

import sys
import wave
from collections.abc import Callable
from pathlib import Path

import numpy as np

RATE = 22050
PEAK = 0.8  # of full scale: loud, with room to spare (no clipping)
FOLDER = Path(__file__).resolve().parent.parent / "ui" / "sounds"

DURATIONS = {"admit": 0.35, "deny": 0.5, "staff": 0.45}  # seconds

Signal = np.ndarray


def _time(seconds: float) -> Signal:
    return np.arange(round(seconds * RATE)) / RATE


def _rise(length: int) -> Signal:
    """A raised-cosine ramp from 0 to 1 over *length* samples."""
    return 0.5 - 0.5 * np.cos(np.linspace(0, np.pi, length))


def _ramps(signal: Signal, attack: float, release: float) -> Signal:
    """Fade in over *attack* and out over *release* seconds: the ends are 0, no click."""
    out = signal.copy()
    rise, fall = round(attack * RATE), round(release * RATE)
    out[:rise] *= _rise(rise)
    out[len(out) - fall :] *= _rise(fall)[::-1]
    return out


def _tone(frequency: float, seconds: float, harmonics: tuple[float, ...] = (1.0,)) -> Signal:
    """A tone and its overtones, *harmonics* giving each one's amplitude."""
    t = _time(seconds)
    out = np.zeros_like(t)
    for number, amplitude in enumerate(harmonics, start=1):
        out += amplitude * np.sin(2 * np.pi * frequency * number * t)
    return out


def _place(total: float, parts: list[tuple[float, Signal]]) -> Signal:
    """Mix each (start, signal) into a silence *total* seconds long."""
    out = np.zeros(round(total * RATE))
    for start, part in parts:
        first = round(start * RATE)
        out[first : first + len(part)] += part[: len(out) - first]
    return out


def admit() -> Signal:
    """G5 then C6, each a bell-like tone that fades, the second over the first."""
    total = DURATIONS["admit"]

    def chime(frequency: float, seconds: float) -> Signal:
        bell = _tone(frequency, seconds, (1.0, 0.25, 0.08)) * np.exp(-_time(seconds) / 0.11)
        return _ramps(bell, 0.004, 0.03)

    return _place(total, [(0.0, chime(783.99, total)), (0.12, chime(1046.50, total - 0.12))])


def deny() -> Signal:
    """Two 0.2 s buzzes at 160 Hz: odd harmonics up to 4 kHz, a soft square."""
    odd = tuple(1 / k if k % 2 else 0.0 for k in range(1, 26))
    buzz = _ramps(_tone(160, 0.2, odd), 0.008, 0.02)
    return _place(DURATIONS["deny"], [(0.0, buzz), (0.3, buzz)])


def staff() -> Signal:
    """Three 90 ms beeps at 1760 Hz, 90 ms apart."""
    beep = _ramps(_tone(1760, 0.09, (1.0, 0.15)), 0.005, 0.015)
    return _place(DURATIONS["staff"], [(0.0, beep), (0.18, beep), (0.36, beep)])


MAKERS: dict[str, Callable[[], Signal]] = {"admit": admit, "deny": deny, "staff": staff}


def wav_bytes(signal: Signal) -> bytes:
    """Frames of 16-bit little-endian samples, the loudest at PEAK of full scale."""
    scaled = signal / np.max(np.abs(signal)) * PEAK
    return np.round(scaled * 32767).astype("<i2").tobytes()


def write(folder: Path = FOLDER) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in MAKERS.items():
        path = folder / f"{name}.wav"
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(wav_bytes(make()))
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write(Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER):
        print(path)
