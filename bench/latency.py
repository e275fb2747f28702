"""Benchmark: scan-to-screen latency, start-up to ready-to-scan, and memory.

    .venv/bin/python bench/latency.py [--scans N] [--size WxH]

The whole kiosk runs offscreen as at a desk: the capture pipeline, the
decoder, the desk controller and its database, the Qt screens. A stand-in
camera shows a new visitor's code; the latency of one scan runs from the
moment the capture thread takes the first frame holding that code to the
moment the status screen has painted that visitor's decision. Two paths:

- pass: a signed pass, verified offline (no network);
- live: a bare IIN, looked up on the sandbox service over loopback HTTP.

Each scan is split into parts, so a reader sees which one a machine moved:
**decode** (the frame taken to its code at the desk: the decoder and the
hand-over), **verify** (the code at the desk to the start of the durable
write: parsing, the signature or the live look-up, the policy), **commit**
(the check-in's durable write, `synchronous=FULL`: the disk's flush, and any
wait behind the sync worker's write of the previous check-in), and
**paint** (the write done to the status screen painted: the listeners, the
queued signal to the screen thread, layout and paint). The disk's own flush
is measured first (one-row durable commits in the same temporary folder).

Also printed: start-up (a fresh process, from its start to the scan screen
showing camera frames, ready to scan: the median of 5 runs), in phases
(Python and the imports; the Qt application and its fonts; the settings and
the database opened; the desk and the screens built; until the first camera
frame is shown), and the
resident memory with the camera running.
Targets: p95 <= 33 ms (pass), <= 50 ms (live), start-up <= 2 s, RSS <= 250 MB.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.percentiles import percentile  # noqa: E402

WARM_UP = 3  # scans per path not counted: the first ones fill caches
PARTS = ("decode", "verify", "commit", "paint")
PHASES = (
    "python + imports",
    "Qt + fonts",
    "settings + database",
    "desk + screens",
    "first frame shown",
)


@dataclass
class Scans:
    """Per measured scan: the whole, and its parts (ms)."""

    total: list[float] = field(default_factory=list)
    parts: dict[str, list[float]] = field(default_factory=lambda: {p: [] for p in PARTS})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scans", type=int, default=200, help="measured scans per path, after 3 to warm up"
    )
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))
    if args.startup_probe:
        return startup_probe(width, height)
    flush_ms = disk_flush_ms()
    startups = [startup_run() for _ in range(5)]

    from app.screens import qt_application

    qt = qt_application(offscreen=[(width, height), (width, height)])
    with tempfile.TemporaryDirectory(prefix="ashyq-latency-") as scratch:
        bench = Bench(Path(scratch))
        try:
            bench.start(qt)
            pass_scans = bench.run(qt, bench.pass_codes(args.scans + WARM_UP))
            live_scans = bench.run(qt, bench.iin_codes(args.scans + WARM_UP))
            rss = bench.steady_rss(qt, seconds=10.0)
        finally:
            bench.stop()
    print(
        f"this disk's flush: a one-row durable commit, median {statistics.median(flush_ms):.2f} "
        f"ms, p95 {percentile(flush_ms, 95):.2f} ms (50 commits)"
    )
    totals = [total for total, _ in startups]
    print(
        f"start-up to ready-to-scan: median {statistics.median(totals):.2f} s "
        f"(min {min(totals):.2f}, max {max(totals):.2f}; 5 runs)   (target <= 2 s)"
    )
    print(
        "  phases, median s: "
        + ", ".join(
            f"{name} {statistics.median(phases[i] for _, phases in startups):.2f}"
            for i, name in enumerate(PHASES)
        )
    )
    report("pass (offline verify)", pass_scans, 33.0)
    report("live (sandbox lookup) ", live_scans, 50.0)
    print(f"steady RSS with the camera running: {rss / 2**20:.0f} MB   (target <= 250 MB)")
    return 0


def disk_flush_ms(count: int = 50) -> list[float]:
    """Durable one-row commits (WAL, synchronous=FULL) in a temporary folder, ms each."""
    import sqlite3

    times = []
    with tempfile.TemporaryDirectory(prefix="ashyq-flush-") as scratch:
        conn = sqlite3.connect(Path(scratch) / "flush.sqlite3", isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("CREATE TABLE t (n INTEGER)")
        for n in range(count):
            started = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO t VALUES (?)", (n,))
            conn.execute("COMMIT")
            times.append((time.perf_counter() - started) * 1000)
        conn.close()
    return times


def startup_run() -> tuple[float, list[float]]:
    """One fresh process of the probe; its own start-to-ready time and its phases."""
    import subprocess

    done = subprocess.run(
        [sys.executable, __file__, "--startup-probe"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    marks = [float(value) for value in done.stdout.strip().splitlines()[-1].split()]
    phases = [later - earlier for earlier, later in zip([0.0, *marks[:-1]], marks, strict=True)]
    return marks[-1], phases


def startup_probe(width: int, height: int) -> int:
    """What `ashyq-kiosk run` does up to the first camera frame on the scan screen
    (settings, database, desk, screens, camera), in this fresh process. Prints
    the seconds from the process's start to the end of each phase."""
    import psutil

    born = psutil.Process(os.getpid()).create_time()
    from app.context import app_for
    from app.screens import build_kiosk, qt_application
    from config.settings import parse_settings
    from hardware.showcase import ShowcaseCamera

    marks = [time.time() - born]
    qt = qt_application(offscreen=[(width, height), (width, height)])
    marks.append(time.time() - born)
    with tempfile.TemporaryDirectory(prefix="ashyq-startup-") as scratch:
        settings = parse_settings(
            {
                "service": {"url": "http://127.0.0.1:9"},
                "camera": {"device": "none"},
                "screens": {"fullscreen": False},
            }
        )
        folder = Path(scratch)
        app = app_for(settings, folder)
        marks.append(time.time() - born)
        kiosk = build_kiosk(app, operator="probe", camera_source=ShowcaseCamera())
        kiosk.desk.start()
        kiosk.screens.show()
        marks.append(time.time() - born)
        preview = kiosk.screens.visitor.scan.preview
        _wait(qt, lambda: preview._image is not None, 20.0)
        marks.append(time.time() - born)
        kiosk.stop()
    print(" ".join(f"{mark:.4f}" for mark in marks))
    return 0


def report(name: str, scans: Scans, target: float) -> None:
    samples = scans.total
    p50 = statistics.median(samples)
    p95 = percentile(samples, 95)
    print(
        f"scan-to-screen, {name}: n={len(samples)}  p50 {p50:.1f} ms  p95 {p95:.1f} ms  "
        f"max {max(samples):.1f} ms   (target p95 <= {target:.0f} ms)"
    )
    print(
        "  parts, p50 / p95 ms: "
        + ", ".join(
            f"{part} {statistics.median(values):.1f} / {percentile(values, 95):.1f}"
            for part, values in scans.parts.items()
        )
    )


class DeskWrites:
    """Times the durable writes of the desk thread (the check-in's commit).

    The class's transaction is wrapped for the run: only the desk thread's
    writes are noted, the sync worker's are not."""

    def __init__(self) -> None:
        from kiosk.storage.store import Store

        self._store_class = Store
        self._original = Store.transaction
        self.spans: list[tuple[float, float]] = []
        notes = self.spans
        original = self._original

        @contextlib.contextmanager
        def timed(store: Any) -> Iterator[Any]:
            if threading.current_thread().name != "desk":
                with original(store) as conn:
                    yield conn
                return
            began = time.perf_counter()
            with original(store) as conn:
                yield conn
            notes.append((began, time.perf_counter()))

        Store.transaction = timed  # type: ignore[method-assign,assignment]

    def between(self, start: float, end: float) -> list[tuple[float, float]]:
        return [(b, e) for b, e in self.spans if start <= b and e <= end]

    def close(self) -> None:
        self._store_class.transaction = self._original  # type: ignore[method-assign]


class Bench:
    """A kiosk on the demo's sandbox, its camera timed at the capture thread."""

    def __init__(self, scratch: Path) -> None:
        self.scratch = scratch
        self.kiosk: Any = None
        self.server: Any = None

    def start(self, qt: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        from app.context import app_for
        from app.screens import build_kiosk
        from config.settings import parse_settings
        from sandbox.server import SandboxServer

        self.server = SandboxServer(self.scratch / "sandbox.sqlite3", port=0).start()
        settings = parse_settings(
            {
                "venue": {"bin": "150340012345", "name": "Latency bench"},
                "service": {"url": self.server.url, "token": "demo"},
                "camera": {"device": "none"},
                "screens": {"fullscreen": False},
                "sounds": {"mute": True},
            }
        )
        folder = self.scratch / "kiosk"
        app = app_for(settings, folder)
        app.keeper.refresh(_client(settings).get_keys)
        self.camera = TimedCamera()
        self.writes = DeskWrites()
        self.kiosk = build_kiosk(app, operator="bench", camera_source=self.camera)
        controller = self.kiosk.desk.controller
        submit = controller.submit
        self.submitted: float | None = None

        def timed_submit(text: str, method: Any) -> None:
            if self.submitted is None:
                self.submitted = time.perf_counter()
            submit(text, method)

        controller.submit = timed_submit  # the camera's codes reach the desk here
        screens = self.kiosk.screens
        self.painted: float | None = None
        self.painted_decision: Any = None

        class PaintWatch(QObject):
            def eventFilter(watch, obj: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    status = screens.visitor.status
                    if status.decision is not None and status.isVisible():
                        self.painted = time.perf_counter()
                        self.painted_decision = status.decision
                return False

        self.watch = PaintWatch()
        screens.visitor.status.installEventFilter(self.watch)
        self.kiosk.desk.start()
        screens.show()
        frame_seen = _wait(qt, lambda: screens.visitor.scan.preview._image is not None, 20.0)
        if not frame_seen:
            raise SystemExit("the camera never showed a frame")

    def pass_codes(self, count: int) -> Iterator[str]:
        from bench.desk_flow import people
        from kiosk.status import Status

        service = self.server.service
        for iin in people(count):
            service.set_status(iin, Status.GREEN)
            yield service.issue_pass(iin).text

    def iin_codes(self, count: int) -> Iterator[str]:
        from bench.desk_flow import people

        yield from people(count, offset=10_000)  # other people: days later born

    def run(self, qt: Any, codes: Iterator[str]) -> Scans:
        from hardware.synthetic import phone_frame

        screens = self.kiosk.screens
        scans = Scans()
        for index, code in enumerate(codes):
            frame = phone_frame(code, width=1280, height=720, module_px=4)
            self.painted = None
            self.painted_decision = None
            self.submitted = None
            self.camera.show_timed(frame)
            done = _wait(
                qt,
                lambda: (
                    self.painted is not None
                    and self.painted_decision is not None
                    and self.painted_decision.decided_at >= self.camera.shown_at_wall
                ),
                10.0,
            )
            if not done:
                raise SystemExit(f"scan {index}: no status screen within 10 s")
            taken, painted, submitted = self.camera.first_read, self.painted, self.submitted
            assert taken is not None and painted is not None and submitted is not None
            writes = self.writes.between(submitted, painted)
            if index >= WARM_UP and writes:  # the first scans warm the caches
                began, ended = writes[0][0], writes[-1][1]
                scans.total.append((painted - taken) * 1000)
                scans.parts["decode"].append((submitted - taken) * 1000)
                scans.parts["verify"].append((began - submitted) * 1000)
                scans.parts["commit"].append(sum(e - b for b, e in writes) * 1000)
                scans.parts["paint"].append((painted - ended) * 1000)
            self.camera.clear()
            screens.visitor.show_scan()
            _wait(qt, lambda: False, 0.05)  # the empty desk between visitors
        return scans

    def steady_rss(self, qt: Any, *, seconds: float) -> int:
        import psutil

        _wait(qt, lambda: False, seconds)
        return int(psutil.Process(os.getpid()).memory_info().rss)

    def stop(self) -> None:
        if self.kiosk is not None:
            self.kiosk.stop()
            self.writes.close()
        if self.server is not None:
            self.server.stop()


def _client(settings: Any) -> Any:
    from app.online import api_client

    return api_client(settings)


def _wait(qt: Any, done: Any, timeout: float) -> bool:
    from PySide6.QtCore import QEventLoop

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        qt.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if done():
            return True
        time.sleep(0.0005)
    return bool(done())


def TimedCamera() -> Any:
    from hardware.showcase import ShowcaseCamera

    class _Timed(ShowcaseCamera):
        """Notes when the capture thread first takes a frame of the new scene."""

        def __init__(self) -> None:
            super().__init__(width=1280, height=720, fps=30.0)
            self.first_read: float | None = None
            self.shown_at_wall = 0.0
            self._fresh = False

        def show_timed(self, frame: Any) -> None:
            self.first_read = None
            self.shown_at_wall = time.time()
            self._fresh = True
            self.show(frame)

        def _next_frame(self) -> Any:
            frame = super()._next_frame()
            if self._fresh and frame is not self._empty:
                self._fresh = False
                self.first_read = time.perf_counter()
            return frame

    return _Timed()


if __name__ == "__main__":
    sys.exit(main())
