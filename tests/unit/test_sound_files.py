"""The shipped sounds: valid WAVs, distinct, the stated lengths, no clipping, no clicks."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest

from tools import make_sounds
from ui.looks import Sound

FOLDER = Path(__file__).resolve().parents[2] / "ui" / "sounds"


def samples(path: Path) -> tuple[wave._wave_params, np.ndarray]:
    with wave.open(str(path), "rb") as wav:
        params = wav.getparams()
        frames = wav.readframes(wav.getnframes())
    return params, np.frombuffer(frames, "<i2") / 32768


@pytest.mark.parametrize("sound", list(Sound))
def test_each_sound_is_a_16_bit_mono_22050_hz_wav(sound: Sound) -> None:
    params, _ = samples(FOLDER / f"{sound.value}.wav")
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, 22050)


@pytest.mark.parametrize(
    ("sound", "seconds"), [(Sound.ADMIT, 0.35), (Sound.DENY, 0.5), (Sound.STAFF, 0.45)]
)
def test_each_sound_lasts_as_stated(sound: Sound, seconds: float) -> None:
    params, _ = samples(FOLDER / f"{sound.value}.wav")
    assert params.nframes / params.framerate == pytest.approx(seconds, abs=1 / 22050)


@pytest.mark.parametrize("sound", list(Sound))
def test_no_clipping_and_no_click_at_either_end(sound: Sound) -> None:
    _, audio = samples(FOLDER / f"{sound.value}.wav")
    assert 0.5 < np.max(np.abs(audio)) < 0.95
    assert audio[0] == 0 and audio[-1] == 0


def test_the_three_sounds_differ() -> None:
    contents = {(FOLDER / f"{sound.value}.wav").read_bytes() for sound in Sound}
    assert len(contents) == 3


def test_staff_is_three_beeps_and_deny_two_buzzes() -> None:
    def bursts(name: str) -> int:
        _, audio = samples(FOLDER / f"{name}.wav")
        loud = np.convolve(np.abs(audio) > 0.05, np.ones(100), "same") > 0
        return int(np.count_nonzero(np.diff(loud.astype(int)) == 1) + loud[0])

    assert bursts("staff") == 3
    assert bursts("deny") == 2


def test_the_committed_files_are_what_the_script_makes(tmp_path: Path) -> None:
    for made in make_sounds.write(tmp_path):
        assert made.read_bytes() == (FOLDER / made.name).read_bytes(), made.name
