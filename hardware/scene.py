"""Which camera frames to decode: an unchanged scene is not decoded again.

A reception camera looks at an empty, unchanging desk most of the day, and
decoding a 720p frame costs 1-5 ms: 3-15 % of a core at 30 fps for nothing.
:class:`SceneWatch` compares a small thumbnail of each frame with that of
the last frame that was decoded and says whether the new one is worth
decoding. Comparing with the last *decoded* frame, not the previous one,
means a slow drift (daylight, auto-exposure) adds up until it counts.

The thumbnail is every n-th pixel of the frame's green channel (about 160
across: a copy of ~15 kB, ~20 microseconds with the comparison), with a
3x3 box blur that averages sensor noise down; a frame counts as changed
when any thumbnail pixel moved by more than ``threshold`` grey levels. A
phone coming into view, or a code appearing on a phone's screen, changes
dozens of thumbnail pixels by far more than that.

Two safety nets keep a code from being missed on a frame that looks
unchanged: every frame is decoded for ``settle_s`` after a change (a phone
brought in with motion blur is still decoded once it is held still, though
the blurred and the sharp frame differ little in a thumbnail), and one
frame every ``recheck_s`` is decoded anyway.
"""

from __future__ import annotations

import logging

import numpy as np

from hardware.debounce import Debouncer
from hardware.decoder.port import DecodedCode, Decoder
from hardware.frames import Frame, bgr_to_gray

log = logging.getLogger(__name__)


class SceneWatch:
    """Decides, frame by frame, whether a frame needs decoding; time comes from
    the caller (``now``), so tests drive it with a fake clock.

    Not thread-safe: one owner (the decode worker) calls it.
    """

    def __init__(
        self,
        *,
        threshold: int = 16,
        settle_s: float = 0.5,
        recheck_s: float = 1.0,
    ) -> None:
        if threshold < 0 or settle_s < 0 or recheck_s <= 0:
            raise ValueError("scene watch needs threshold >= 0, settle_s >= 0, recheck_s > 0")
        self._threshold = threshold
        self._settle = settle_s
        self._recheck = recheck_s
        self._reference: Frame | None = None
        self._changed_at = 0.0
        self._decoded_at = 0.0

    def needs_decode(self, frame: Frame, now: float) -> bool:
        """True when ``frame`` should be decoded: it differs from the last
        decoded frame, a change was recent, or a recheck is due. A True answer
        makes ``frame`` the new reference (the caller decodes it)."""
        thumb = thumbnail(frame)
        if thumb is None:
            return True  # odd frames go to the decoder, which ignores them safely
        reference = self._reference
        changed = (
            reference is None
            or reference.shape != thumb.shape
            or int(_absdiff(reference, thumb).max()) > self._threshold
        )
        if changed:
            self._changed_at = now
        due = (
            changed
            or now - self._changed_at < self._settle
            or now - self._decoded_at >= self._recheck
        )
        if due:
            self._reference = thumb
            self._decoded_at = now
        return due

    def reset(self) -> None:
        """Forget the reference: the next frame counts as changed (camera reopened)."""
        self._reference = None


class FrameReader:
    """One frame in, the codes that count now out: the decode thread's step.

    With a :class:`SceneWatch`, a frame whose scene has not changed since
    the last decoded frame is not decoded: the last result is reported to
    the debouncer again, as decoding would have found it, so a code held
    still stays "in sight" (it is neither forgotten nor counted again) and
    the ``confirm_frames`` rule sees the same streaks. Not thread-safe.
    """

    def __init__(
        self, decoder: Decoder, debouncer: Debouncer, watch: SceneWatch | None = None
    ) -> None:
        self._decoder = decoder
        self._debouncer = debouncer
        self._watch = watch
        self._last: list[DecodedCode] = []
        self.decoded = 0
        self.unchanged = 0
        self.last_decoded = False
        """Whether the latest frame was decoded (its scene had changed)."""

    def read(self, frame: Frame, now: float) -> list[DecodedCode]:
        """The codes in ``frame`` that count at ``now`` (debounced)."""
        self.last_decoded = self._watch is None or self._watch.needs_decode(frame, now)
        if not self.last_decoded:
            self.unchanged += 1
            codes = self._last
        else:
            try:
                codes = decode_frame(self._decoder, frame)
            except Exception:
                log.exception("decoder failed on a frame")
                codes = []
            self.decoded += 1
            self._last = codes
        accepted = set(self._debouncer.observe((code.text for code in codes), now))
        counted: list[DecodedCode] = []
        for code in codes:
            if code.text in accepted:
                accepted.discard(code.text)
                counted.append(code)
        return counted

    def forget_scene(self) -> None:
        """The camera was reopened or changed state: decode the next frame whatever it shows."""
        if self._watch is not None:
            self._watch.reset()
        self._last = []


def decode_frame(decoder: Decoder, frame: Frame) -> list[DecodedCode]:
    """Codes in one camera frame: grey conversion, then the decoder.

    Full resolution on purpose: halving a 1080p frame would cost small
    codes (4 px/module becomes 2) to save ~1 ms (see docs/hardware.md).
    """
    gray = bgr_to_gray(frame)
    if gray is None:
        return []
    return decoder.read(gray)


def _absdiff(a: Frame, b: Frame) -> Frame:
    import cv2

    return np.asarray(cv2.absdiff(a, b), dtype=np.uint8)


def thumbnail(frame: Frame, width: int = 160) -> Frame | None:
    """A small, noise-averaged grey copy of ``frame`` (BGR or grey uint8), or
    ``None`` for anything else.

    Of a colour frame it samples the green channel: it carries most of the
    luminance, and copying one channel with a stride is ~10x faster than
    copying three and converting.
    """
    if not isinstance(frame, np.ndarray) or frame.dtype != np.uint8:
        return None
    if frame.ndim == 3 and frame.shape[2] == 3:
        plane = frame[:, :, 1]
    elif frame.ndim == 2:
        plane = frame
    else:
        return None
    if plane.shape[0] < 1 or plane.shape[1] < 1:
        return None
    import cv2

    step = max(1, plane.shape[1] // width)
    sample = np.ascontiguousarray(plane[step // 2 :: step, step // 2 :: step])
    return np.asarray(cv2.blur(sample, (3, 3)), dtype=np.uint8)
