"""Camera capture and decoding on two worker threads, newest frame wins.

- The *capture* thread owns the frame source: it opens it (off the UI
  thread: a Windows camera can take seconds), reads continuously so the
  driver's buffer never holds stale frames, and keeps only the newest
  frame in a one-slot mailbox. When the source stops delivering it reports
  ``LOST``, closes it and reopens with capped exponential backoff.
- The *decode* thread always takes the newest frame (frames that arrived
  meanwhile are dropped, never queued), emits a downscaled, rate-limited
  preview, decodes (unless the scene has not changed since the last
  decoded frame: see :class:`hardware.scene.FrameReader`), debounces, and
  calls the callbacks. All callbacks run on this thread, one at a time; the
  UI layer bridges them to queued signals. It also notices a source that
  hangs without failing (no frame for ``stall_timeout_s``) and reports
  ``LOST``.
"""

from __future__ import annotations

import collections
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hardware.debounce import Debouncer
from hardware.decoder.port import DecodedCode, Decoder
from hardware.frames import Frame, FrameSource, fit_width
from hardware.report import call_safely
from hardware.scene import FrameReader, SceneWatch
from shared.backoff import Backoff, BackoffPolicy
from shared.clock import SYSTEM_CLOCK, Clock
from shared.device import DeviceState

log = logging.getLogger(__name__)

OnCode = Callable[[DecodedCode], None]
OnPreview = Callable[[Frame], None]
OnState = Callable[[DeviceState], None]


@dataclass(frozen=True, slots=True)
class PipelineSettings:
    """Timing of the capture/decode workers."""

    preview_max_width: int = 640
    preview_fps: float = 15.0
    """Preview frames per second at most; 0 turns the preview off."""
    stall_timeout_s: float = 2.0
    """No frame for this long counts as lost."""
    failed_reads_before_lost: int = 5
    """Consecutive empty reads that count as lost (a read that raises counts at once)."""
    failed_read_wait_s: float = 0.02
    """Pause after an empty read, so a dead device is not polled in a tight loop."""
    backoff: BackoffPolicy = field(default_factory=BackoffPolicy)
    debounce_window_s: float = 3.0
    confirm_frames: int = 1
    skip_unchanged: bool = True
    """Decode only frames whose scene changed since the last decoded one
    (:class:`hardware.scene.SceneWatch`); the others repeat its result."""
    change_threshold: int = 16
    """Grey levels a thumbnail pixel must move by for the scene to count as changed."""
    change_settle_s: float = 0.5
    """After a change, every frame is decoded for this long."""
    unchanged_recheck_s: float = 1.0
    """An unchanged scene is still decoded once this often."""


@dataclass(frozen=True, slots=True)
class PipelineStats:
    frames_captured: int
    frames_decoded: int
    frames_dropped: int
    codes_read: int
    reopen_attempts: int
    frames_unchanged: int = 0
    """Frames not decoded because the scene had not changed."""


@dataclass(slots=True)
class _Taken:
    frame: Frame | None
    states: list[DeviceState]
    finished: bool


class _Mailbox:
    """One frame slot plus the state changes, shared by the two workers."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._cond = threading.Condition()
        self._frame: Frame | None = None
        self._fresh = False
        self._states: collections.deque[DeviceState] = collections.deque(maxlen=64)
        self._state: DeviceState | None = None
        self._finished = False
        self.last_frame_at = clock.monotonic()
        self.captured = 0
        self.dropped = 0

    @property
    def state(self) -> DeviceState | None:
        return self._state

    def put_frame(self, frame: Frame) -> None:
        with self._cond:
            if self._fresh:
                self.dropped += 1
            self._frame = frame
            self._fresh = True
            self.captured += 1
            self.last_frame_at = self._clock.monotonic()
            if self._state is DeviceState.STARTING:
                self._set(DeviceState.RUNNING)
            elif self._state is DeviceState.LOST:
                self._set(DeviceState.BACK)
            self._cond.notify()

    def set_state(self, state: DeviceState) -> None:
        with self._cond:
            self._set(state)
            self._cond.notify()

    def lost_if_stalled(self, timeout: float) -> None:
        with self._cond:
            stalled = self._clock.monotonic() - self.last_frame_at > timeout
            if stalled and self._state is not None and self._state.delivering:
                self._set(DeviceState.LOST)

    def finish(self) -> None:
        with self._cond:
            self._finished = True
            self._cond.notify()

    def take(self, timeout: float) -> _Taken:
        with self._cond:
            if not (self._fresh or self._states or self._finished):
                self._cond.wait(timeout)
            frame = self._frame if self._fresh else None
            self._fresh = False
            self._frame = None
            states = list(self._states)
            self._states.clear()
            return _Taken(frame, states, self._finished)

    def _set(self, state: DeviceState) -> None:
        if state is not self._state:
            self._state = state
            self._states.append(state)


class CapturePipeline:
    """Frames from ``source`` decoded by ``decoder``; results through callbacks.

    ``on_code(DecodedCode)`` after debouncing, ``on_preview(frame)`` (BGR,
    at most ``preview_max_width`` wide, at most ``preview_fps`` per second)
    and ``on_state(DeviceState)`` on every change, all from the decode
    thread. ``start()`` once; ``stop()`` is idempotent, wakes both threads,
    joins them, and ends with ``STOPPED``.
    """

    def __init__(
        self,
        source: FrameSource,
        decoder: Decoder,
        *,
        on_code: OnCode,
        on_preview: OnPreview | None = None,
        on_state: OnState | None = None,
        settings: PipelineSettings | None = None,
        clock: Clock = SYSTEM_CLOCK,
        debouncer: Debouncer | None = None,
    ) -> None:
        self._source = source
        self._on_code = on_code
        self._on_preview = on_preview
        self._on_state = on_state
        self._settings = settings or PipelineSettings()
        self._clock = clock
        self._debouncer = debouncer or Debouncer(
            window_s=self._settings.debounce_window_s,
            confirm_frames=self._settings.confirm_frames,
            clock=clock,
        )
        watch = None
        if self._settings.skip_unchanged:
            watch = SceneWatch(
                threshold=self._settings.change_threshold,
                settle_s=self._settings.change_settle_s,
                recheck_s=self._settings.unchanged_recheck_s,
            )
        self._reader = FrameReader(decoder, self._debouncer, watch)
        self._mail = _Mailbox(clock)
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._started = False
        self._stopped = False
        self._codes = 0
        self._reopens = 0

    @property
    def state(self) -> DeviceState | None:
        """The latest state (``None`` before ``start``)."""
        return DeviceState.STOPPED if self._stopped else self._mail.state

    def stats(self) -> PipelineStats:
        return PipelineStats(
            frames_captured=self._mail.captured,
            frames_decoded=self._reader.decoded,
            frames_dropped=self._mail.dropped,
            codes_read=self._codes,
            reopen_attempts=self._reopens,
            frames_unchanged=self._reader.unchanged,
        )

    def start(self) -> None:
        with self._lock:
            if self._started:
                if self._stopped:
                    raise RuntimeError("a stopped pipeline does not restart; build a new one")
                return
            self._started = True
            self._mail.set_state(DeviceState.STARTING)
            self._threads = [
                threading.Thread(target=self._capture_loop, name="camera-capture", daemon=True),
                threading.Thread(target=self._decode_loop, name="camera-decode", daemon=True),
            ]
            for thread in self._threads:
                thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        with self._lock:
            if not self._started or self._stopped:
                self._stopped = True
                return
            self._stopped = True
        self._stop.set()
        capture, decode = self._threads
        capture.join(timeout)
        if capture.is_alive():
            log.warning("camera capture thread did not end within %.1f s (driver hung)", timeout)
        # Only now: the capture thread has posted its last state change.
        self._mail.finish()
        decode.join(timeout)

    # ---------------------------------------------------------------- capture thread

    def _capture_loop(self) -> None:
        settings = self._settings
        backoff = Backoff(settings.backoff)
        try:
            while not self._stop.is_set():
                try:
                    self._source.open()
                except Exception as error:
                    log.info("camera not available: %s", error)
                    self._reopens += 1
                    self._mail.set_state(DeviceState.LOST)
                    self._stop.wait(backoff.next_delay())
                    continue
                backoff.reset()
                self._read_until_lost()
                self._close_source()
                if self._stop.is_set():
                    break
                self._mail.set_state(DeviceState.LOST)
                self._reopens += 1
                self._stop.wait(backoff.next_delay())
        finally:
            self._close_source()

    def _read_until_lost(self) -> None:
        settings = self._settings
        failures = 0
        last_frame = self._clock.monotonic()
        while not self._stop.is_set():
            try:
                frame = self._source.read()
            except Exception as error:
                log.info("camera read failed: %s", error)
                return
            if frame is None:
                failures += 1
                stalled = self._clock.monotonic() - last_frame > settings.stall_timeout_s
                if failures >= settings.failed_reads_before_lost or stalled:
                    return
                self._stop.wait(settings.failed_read_wait_s)
                continue
            failures = 0
            last_frame = self._clock.monotonic()
            self._mail.put_frame(frame)

    def _close_source(self) -> None:
        try:
            self._source.close()
        except Exception as error:
            log.info("closing the camera failed: %s", error)

    # ---------------------------------------------------------------- decode thread

    def _decode_loop(self) -> None:
        settings = self._settings
        watchdog = max(0.01, min(0.25, settings.stall_timeout_s / 4))
        preview_gap = 1.0 / settings.preview_fps if settings.preview_fps > 0 else None
        last_preview: float | None = None
        preview: Frame | None = None
        while True:
            taken = self._mail.take(watchdog)
            for state in taken.states:
                self._emit_state(state)
            if taken.states:
                self._reader.forget_scene()
            if taken.finished:
                break
            frame = taken.frame
            if frame is None:
                self._mail.lost_if_stalled(settings.stall_timeout_s)
                continue
            now = self._clock.monotonic()
            counted = self._reader.read(frame, now)
            preview_due = preview_gap is not None and (
                last_preview is None or now - last_preview >= preview_gap
            )
            if self._on_preview is not None and preview_due:
                last_preview = now
                # An unchanged scene shows the last preview again: scaling a
                # frame reads all of it, the largest cost left on an idle desk.
                if preview is None or self._reader.last_decoded:
                    preview = fit_width(frame, settings.preview_max_width)
                self._call(self._on_preview, preview.copy())
            for code in counted:
                self._codes += 1
                self._call(self._on_code, code)
        self._emit_state(DeviceState.STOPPED)

    def _emit_state(self, state: DeviceState) -> None:
        if self._on_state is not None:
            self._call(self._on_state, state)

    @staticmethod
    def _call(callback: Callable[[Any], object], value: object) -> None:
        call_safely(callback, value, log, "camera")
