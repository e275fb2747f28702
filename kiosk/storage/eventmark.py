"""The outbox's high-water mark: the last event the store confirmed, kept beside
the database and not in its log.

A write-ahead log cut short or emptied by a tool (or a disk that dropped
it) takes the check-ins of its frames with it, and SQLite itself cannot
tell: the database just ends earlier. The store therefore writes the
outbox's sequence number (its AUTOINCREMENT counter, which only grows)
into a small file of its own after each commit. At the next open, a
counter below that number means confirmed events are gone, and how many.

The file is best effort: written after the commit it names, so it never
runs ahead of the database; a mark that lags behind (a power cut before it
reached the disk) can only under-count, never raise a false alarm.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

MARK_SUFFIX = ".mark"
SYNC_EVERY = 1.0
"""Seconds between forcing the mark to disk while events keep coming."""
_WIDTH = 20


@dataclass(frozen=True)
class LostEvents:
    """The database holds fewer events than the store had confirmed."""

    confirmed: int
    """The outbox sequence number of the last event confirmed before."""
    found: int
    """The highest sequence number the database holds now."""

    @property
    def count(self) -> int:
        return self.confirmed - self.found


class EventMark:
    """The mark file of one database (`kiosk.sqlite3.mark`)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        """None: an in-memory database, nothing to keep."""
        self._known: int | None = None
        self._synced_at = 0.0
        self._dirty = False

    def check(self, found: int) -> LostEvents | None:
        """Compare the counter the database holds with the mark; remember the mark."""
        confirmed = self._read()
        self._known = confirmed if confirmed is not None else found
        if confirmed is not None and found < confirmed:
            return LostEvents(confirmed, found)
        return None

    def confirmed(self, seq: int) -> None:
        """A commit with events up to *seq* is on disk: raise the mark to it."""
        if self.path is None or (self._known is not None and seq <= self._known):
            return
        self._write(seq)

    def restart(self, seq: int) -> None:
        """Start again from *seq* (a loss has been reported)."""
        if self.path is not None:
            self._write(seq, sync=True)

    def close(self) -> None:
        if self._dirty:
            self._write(self._known or 0, sync=True)

    def _read(self) -> int | None:
        if self.path is None:
            return None
        try:
            text = self.path.read_text(encoding="ascii").strip()
            return int(text) if text else None
        except (OSError, ValueError, UnicodeDecodeError):
            return None  # no mark (first use) or a damaged one: nothing to compare

    def _write(self, seq: int, *, sync: bool = False) -> None:
        assert self.path is not None
        self._known = seq
        sync = sync or time.monotonic() - self._synced_at >= SYNC_EVERY
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
            try:
                # The same width every time: overwritten in place, never left half-long.
                os.write(fd, f"{seq:>{_WIDTH}}\n".encode("ascii"))
                if sync:
                    os.fsync(fd)
            finally:
                os.close(fd)
        except OSError:
            return  # best effort: the database, not the mark, holds the events
        self._dirty = not sync
        if sync:
            self._synced_at = time.monotonic()
