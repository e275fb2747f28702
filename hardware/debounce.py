"""Debouncing camera reads: a code held up to the camera counts once.

A visitor holds the phone in front of the camera for a second or two, so
the same code is decoded on dozens of frames; a second count would be read
as an exit. The rule:

- a text counts when it has been seen on ``confirm_frames`` consecutive
  decoded frames (1 by default: at once);
- it does not count again until it has been out of sight for
  ``window_s`` seconds (measured from the last frame it was seen on, so a
  phone held still for a minute still counts once).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from shared.clock import SYSTEM_CLOCK, Clock


@dataclass(slots=True)
class _Track:
    last_seen: float
    last_frame: int
    streak: int
    counted: bool


class Debouncer:
    """Per-instance memory of recently seen texts; time comes from ``clock``.

    Not thread-safe: one owner (the decode worker) calls it.
    """

    def __init__(
        self,
        *,
        window_s: float = 3.0,
        confirm_frames: int = 1,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        if window_s < 0:
            raise ValueError("window_s must not be negative")
        if confirm_frames < 1:
            raise ValueError("confirm_frames must be at least 1")
        self._window = window_s
        self._confirm = confirm_frames
        self._clock = clock
        self._tracks: dict[str, _Track] = {}
        self._frame = 0

    def observe(self, texts: Iterable[str], now: float | None = None) -> list[str]:
        """Record one decoded frame (``texts``: what it held, possibly nothing)
        and return the texts that count now, in first-seen order.

        Call it for empty frames too: they break a ``confirm_frames`` streak.
        """
        when = self._clock.monotonic() if now is None else now
        self._frame += 1
        accepted: list[str] = []
        for text in dict.fromkeys(texts):
            track = self._tracks.get(text)
            if track is None or when - track.last_seen > self._window:
                track = _Track(last_seen=when, last_frame=self._frame, streak=0, counted=False)
                self._tracks[text] = track
            consecutive = track.last_frame == self._frame - 1 or track.streak == 0
            track.streak = track.streak + 1 if consecutive else 1
            track.last_seen = when
            track.last_frame = self._frame
            if not track.counted and track.streak >= self._confirm:
                track.counted = True
                accepted.append(text)
        self._forget_older_than(when - self._window)
        return accepted

    def accept(self, text: str, now: float | None = None) -> bool:
        """One sighting of ``text`` alone (a scanner read): does it count now?"""
        return bool(self.observe((text,), now))

    def reset(self) -> None:
        """Forget everything seen (e.g. after the desk changes mode)."""
        self._tracks.clear()

    def _forget_older_than(self, cutoff: float) -> None:
        stale = [text for text, track in self._tracks.items() if track.last_seen < cutoff]
        for text in stale:
            del self._tracks[text]
