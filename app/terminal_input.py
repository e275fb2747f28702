"""Reading the terminal desk's input: every key of an interactive terminal,
timed as it arrives (a keyboard-wedge scanner is told from staff by its pace),
or the lines of a pipe or file, each a scanned code (see app/terminal.py)."""

from __future__ import annotations

import codecs
import os
import queue
import sys
import threading
import time
from collections.abc import Callable
from typing import IO

from app.terminal import Item, Line


def codes_left(items: queue.Queue[Item | None]) -> int:
    """The codes read from a pipe that the desk was never given (the queue is emptied)."""
    left = 0
    while True:
        try:
            item = items.get_nowait()
        except queue.Empty:
            return left
        if isinstance(item, Line) and item.text.strip():
            left += 1


def read_lines(stream: IO[str], items: queue.Queue[Item | None]) -> threading.Thread:
    """Each line of a pipe or file is a scanned code (*items* bounded: the reader
    waits for the desk)."""

    def loop() -> None:
        for line in stream:
            items.put(Line(line.rstrip("\r\n")))
        items.put(None)

    return _daemon(loop, "terminal-lines")


def read_keys(items: queue.Queue[Item | None]) -> tuple[threading.Thread, Callable[[], None]]:
    """Every key of the interactive terminal, timed on arrival; and how to restore it."""
    from hardware.wedge import KeyPress

    if sys.platform == "win32":
        import msvcrt

        def loop() -> None:
            while True:
                char = msvcrt.getwch()
                if char in ("\x00", "\xe0"):  # a function or arrow key: two codes
                    msvcrt.getwch()
                    continue
                if char == "\x1a":  # Ctrl-Z
                    items.put(None)
                    return
                items.put(KeyPress(char, time.monotonic()))

        return _daemon(loop, "terminal-keys"), lambda: None

    import termios
    import tty

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    tty.setcbreak(fd)  # keys one by one, no echo; Ctrl-C still stops the desk

    def loop_posix() -> None:
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        while True:
            byte = os.read(fd, 1)
            if not byte:
                items.put(None)
                return
            for char in decoder.decode(byte):
                items.put(KeyPress(char, time.monotonic()))

    def restore() -> None:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)

    return _daemon(loop_posix, "terminal-keys"), restore


def _daemon(target: Callable[[], None], name: str) -> threading.Thread:
    # Blocked in a read of the terminal, it cannot be woken: it ends with the process.
    thread = threading.Thread(target=target, name=name, daemon=True)
    thread.start()
    return thread
