"""`ashyq-kiosk run --headless` in a process of its own, fed through a pipe: what
it prints, as it prints it (shared by the tests that break its files or its
input on purpose)."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[2]
BIN = "201040000123"
DEAD_SERVICE = "http://127.0.0.1:9"  # nothing listens there: every call fails at once


def desk_config(path: Path, url: str, *, venue: str = "", more: str = "") -> Path:
    """A desk's settings: the venue (and *venue* lines), the service at *url*, no
    camera, then *more* sections."""
    path.write_text(
        f'[venue]\nbin = "{BIN}"\n{venue}\n'
        f'[service]\nurl = "{url}"\nstatus_deadline = 1.0\nsync_interval = 0.2\n'
        f'[camera]\ndevice = "none"\n{more}\n',
        encoding="utf-8",
    )
    return path


class TerminalDesk:
    """The terminal desk on *config* and *data*; `send` writes lines to its stdin."""

    def __init__(self, config: Path, data: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        env.pop("DISPLAY", None)
        program = "import sys; from app import main; sys.exit(main(sys.argv[1:]))"
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                program,
                "run",
                "--headless",
                "--config",
                str(config),
                "--data-dir",
                str(data),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.lines: list[dict[str, Any]] = []
        self.said: list[str] = []
        self._news: queue.SimpleQueue[None] = queue.SimpleQueue()
        assert self.proc.stdout is not None and self.proc.stderr is not None
        self._readers = [
            threading.Thread(target=self._read, args=(self.proc.stdout, self._json)),
            threading.Thread(target=self._read, args=(self.proc.stderr, self.said.append)),
        ]
        for reader in self._readers:
            reader.start()
        self._writer: threading.Thread | None = None

    def _read(self, stream: IO[str], take: Callable[[str], None]) -> None:
        for line in stream:
            if line.endswith("\n"):  # a line cut off by a kill was not shown
                take(line.rstrip("\n"))
                self._news.put(None)
        self._news.put(None)

    def _json(self, line: str) -> None:
        if line.startswith("{"):
            self.lines.append(json.loads(line))

    # -- what it printed ----------------------------------------------------------

    @property
    def decisions(self) -> list[dict[str, Any]]:
        return [line for line in self.lines if "decision" in line]

    @property
    def events(self) -> list[str]:
        return [event for line in self.decisions for event in line["event_ids"]]

    def alerts(self, kind: str) -> list[dict[str, Any]]:
        return [line for line in self.lines if line.get("alert") == kind]

    def headers(self) -> list[str]:
        """The service header lines, e.g. `service: online; 0 event(s) waiting`."""
        return [s for s in self.said if s.startswith("ashyq-kiosk: service:")]

    def until(self, done: Callable[[], bool], timeout: float = 30) -> None:
        """Wait for what it prints until *done()*; fail if it ends or goes quiet."""
        deadline = time.monotonic() + timeout
        while not done():
            if self.proc.poll() is not None and self._news.empty():
                raise AssertionError(f"the desk ended ({self.proc.returncode}): {self.said}")
            try:
                self._news.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(
                    f"the desk went quiet: {self.said[-5:]} {self.lines[-3:]}"
                ) from None

    # -- its input and its end ----------------------------------------------------------

    def send(self, codes: Sequence[str], *, close: bool = False) -> None:
        """Write *codes*, one a line, from a thread of its own (the desk reads a
        pipe no faster than it decides); *close*: then end the input."""

        def write() -> None:
            assert self.proc.stdin is not None
            try:
                for code in codes:
                    self.proc.stdin.write(code + "\n")
                self.proc.stdin.flush()
                if close:
                    self.proc.stdin.close()
            except (BrokenPipeError, ValueError):
                pass  # the desk stopped reading: what it did not read is counted

        if self._writer is not None:
            self._writer.join()
        self._writer = threading.Thread(target=write)
        self._writer.start()

    def terminate(self) -> None:
        self.proc.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.proc.kill()
        self.end()

    def end(self, timeout: float = 60) -> int:
        """Wait for the process to end and for all it printed; its exit code."""
        code = self.proc.wait(timeout=timeout)
        for reader in self._readers:
            reader.join(timeout=10)
        return code

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        if self._writer is not None:
            self._writer.join(timeout=10)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                with contextlib.suppress(BrokenPipeError):
                    stream.close()
        for reader in self._readers:
            reader.join(timeout=10)
