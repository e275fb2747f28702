"""The desk's sounds: admit, deny and staff needed (ui/sounds/*.wav, made by
tools/make_sounds.py), played with QtMultimedia's QSoundEffect.

A kiosk without speakers, without an audio server or without the system
libraries QtMultimedia needs still works: it is silent, says why once in
the log, and `play` never raises.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QUrl

from ui.looks import Sound

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

SOUNDS_DIR = Path(__file__).resolve().parent / "sounds"

log = logging.getLogger(__name__)


def sound_file(sound: Sound, folder: Path = SOUNDS_DIR) -> Path:
    return folder / f"{sound.value}.wav"


def has_audio_output() -> bool:
    """Whether the system offers any audio output (QMediaDevices)."""
    from PySide6.QtMultimedia import QMediaDevices

    return bool(QMediaDevices.audioOutputs())


class SoundBoard(QObject):
    """Plays one short sound per :class:`ui.looks.Sound`, each file loaded once.

    *volume* is a percentage of the system's volume, on a loudness scale
    (50 sounds half as loud, not half the amplitude). *has_output* tells
    whether there is anything to play to; tests give their own. No signals.
    """

    def __init__(
        self,
        *,
        mute: bool,
        volume: int,
        parent: QObject | None = None,
        folder: Path = SOUNDS_DIR,
        has_output: Callable[[], bool] = has_audio_output,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sound_board")
        self._mute = mute or volume <= 0
        self._volume = min(max(volume, 0), 100)
        self._effects: dict[Sound, QSoundEffect] = {}
        self._said_silent = False
        if not self._mute:
            self._load(folder, has_output)

    @property
    def audible(self) -> bool:
        """False when muted, or when there is nothing that could play."""
        return not self._mute and bool(self._effects)

    def play(self, sound: Sound) -> None:
        """Start *sound*, cutting short the same sound still playing; never raises."""
        effect = self._effects.get(sound)
        if self._mute or effect is None:
            return
        try:
            if effect.status() == effect.Status.Error:
                self._on_effect_status_changed(sound)
                return
            effect.stop()
            effect.play()
        except Exception as exc:  # a missing sound must never stop the desk
            self._go_silent(sound, f"playing failed: {exc!r}")

    def stop(self) -> None:
        """Stop every sound and free the effects; safe to call more than once."""
        effects, self._effects = self._effects, {}
        for effect in effects.values():
            _retire(effect)

    def _load(self, folder: Path, has_output: Callable[[], bool]) -> None:
        try:
            from PySide6.QtMultimedia import QAudio, QSoundEffect

            if not has_output():
                self._go_silent(None, "no audio output device")
                return
        except ImportError as exc:  # e.g. libpulse or libEGL missing on a Linux PC
            self._go_silent(None, f"QtMultimedia cannot be loaded ({exc})")
            return
        level = QAudio.convertVolume(
            self._volume / 100,
            QAudio.VolumeScale.LogarithmicVolumeScale,
            QAudio.VolumeScale.LinearVolumeScale,
        )
        for sound in Sound:
            effect = QSoundEffect(self)
            effect.setObjectName(f"sound_{sound.value}")
            effect.setVolume(level)
            effect.statusChanged.connect(lambda s=sound: self._on_effect_status_changed(s))
            # Known before its source is set: a file that fails at once says so
            # from within setSource, and must find its effect to drop.
            self._effects[sound] = effect
            effect.setSource(QUrl.fromLocalFile(str(sound_file(sound, folder))))

    def _on_effect_status_changed(self, sound: Sound) -> None:
        effect = self._effects.get(sound)
        if effect is not None and effect.status() == effect.Status.Error:
            self._go_silent(sound, f"{sound_file(sound).name} could not be loaded")

    def _go_silent(self, sound: Sound | None, why: str) -> None:
        """Drop one sound (or all when *sound* is None), and log it the first time."""
        if sound is None:
            self.stop()
        else:
            effect = self._effects.pop(sound, None)
            if effect is not None:
                _retire(effect)
        if not self._said_silent:
            self._said_silent = True
            log.warning("sounds: %s; the kiosk carries on without them", why)


def _retire(effect: QSoundEffect) -> None:
    """Stop *effect* and let it go. One whose file is still being read, or whose
    reading just failed, may still be in use by QtMultimedia's decoding thread:
    deleting it then kills the process ("pure virtual method called"), so it is
    handed to the application and ends with it (a few small objects at most)."""
    effect.stop()
    if effect.status() in (effect.Status.Loading, effect.Status.Error):
        effect.setParent(QCoreApplication.instance())
    else:
        effect.deleteLater()
