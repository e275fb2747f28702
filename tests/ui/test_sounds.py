"""SoundBoard: silent, never raising, where sound cannot play; no leftovers."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer
from pytestqt.qtbot import QtBot

from ui.looks import Sound
from ui.sounds import SOUNDS_DIR, SoundBoard, has_audio_output, sound_file


def test_each_sound_has_its_file() -> None:
    for sound in Sound:
        assert sound_file(sound).is_file()
        assert sound_file(sound).parent == SOUNDS_DIR


def test_muted_loads_nothing_and_plays_nothing() -> None:
    asked: list[bool] = []

    def output() -> bool:
        asked.append(True)
        return True

    board = SoundBoard(mute=True, volume=80, has_output=output)
    board.play(Sound.ADMIT)
    assert not board.audible
    assert asked == []  # muted: not even the audio devices are looked at
    assert board.findChildren(QObject) == []


def test_volume_zero_is_muted() -> None:
    board = SoundBoard(mute=False, volume=0, has_output=lambda: True)
    assert not board.audible


def test_the_offscreen_platform_plays_without_raising(qtbot: QtBot) -> None:
    board = SoundBoard(mute=False, volume=80)  # whatever this machine has
    for sound in Sound:
        board.play(sound)
    board.stop()


def test_no_audio_output_is_silent_and_says_so_once(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="ui.sounds"):
        board = SoundBoard(mute=False, volume=80, has_output=lambda: False)
        for sound in [*Sound, *Sound]:
            board.play(sound)
    assert not board.audible
    assert [r.getMessage() for r in caplog.records] == [
        "sounds: no audio output device; the kiosk carries on without them"
    ]


def test_without_qtmultimedia_it_is_silent(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # as if it failed to load
    with caplog.at_level(logging.WARNING, logger="ui.sounds"):
        board = SoundBoard(mute=False, volume=80, has_output=lambda: True)
        board.play(Sound.DENY)
    assert not board.audible
    assert "QtMultimedia cannot be loaded" in caplog.text


def test_sounds_that_fail_to_load_are_dropped_and_said_once(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    for sound in Sound:
        sound_file(sound, tmp_path).write_bytes(b"not a wav")
    with caplog.at_level(logging.WARNING, logger="ui.sounds"):
        board = SoundBoard(mute=False, volume=50, folder=tmp_path, has_output=lambda: True)
        qtbot.waitUntil(lambda: not board.audible, timeout=20_000)  # loads off the UI thread
        for sound in Sound:
            board.play(sound)
    assert len(caplog.records) == 1
    assert "could not be loaded" in caplog.text
    board.stop()


def test_stop_frees_the_effects_and_leaves_no_timer(qtbot: QtBot) -> None:
    parent = QObject()
    board = SoundBoard(mute=False, volume=80, parent=parent, has_output=lambda: True)
    board.play(Sound.STAFF)
    board.stop()
    board.stop()  # idempotent
    assert not board.audible
    board.play(Sound.STAFF)  # after stop: nothing, no error
    qtbot.waitUntil(lambda: board.findChildren(QObject) == [], timeout=2000)
    assert [t for t in parent.findChildren(QTimer) if t.isActive()] == []


def test_has_audio_output_answers_a_bool() -> None:
    assert isinstance(has_audio_output(), bool)
