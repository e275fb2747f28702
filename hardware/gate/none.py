"""The `none` driver: no gate. It opens nothing and senses nothing."""

from __future__ import annotations


class NoGate:
    """A desk without a gate; the keeper never asks it to open."""

    def start(self) -> None:
        pass

    def stop(self, timeout: float = 5.0) -> None:
        pass

    def opens(self, *, exit: bool) -> bool:
        return False

    def senses(self, *, exit: bool) -> bool:
        return False

    def pulse(self, *, exit: bool, command: int, within_s: float) -> None:
        raise RuntimeError("there is no gate to open")
