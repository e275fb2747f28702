"""The gate as the domain sees it: what a driver does, and what it reports.

The drivers live in `hardware/gate` and import nothing of the domain, so
both sides of the port speak plain values: `exit=False` is the entry
channel, `exit=True` the exit channel. The drivers satisfy these protocols
by their shape; the composition root plugs one into the other, and mypy
checks the fit there.
"""

from __future__ import annotations

from typing import Protocol


class Gate(Protocol):
    """A turnstile or door behind a relay, with optional passage sensors."""

    def opens(self, *, exit: bool) -> bool:
        """The gate has an output for that direction."""
        ...

    def senses(self, *, exit: bool) -> bool:
        """The gate reports passages in that direction."""
        ...

    def pulse(self, *, exit: bool, command: int, within_s: float) -> None:
        """Let one person through: pulse the output, on the driver's own thread.

        Returns at once. The driver reports `gate_pulsed(command=…)` once: the
        pulse went out, or it could not reach the gate within *within_s*
        seconds of this call and was dropped; a dropped pulse is never sent
        later.
        """
        ...


class GateReports(Protocol):
    """What a driver reports, from its own thread."""

    def gate_linked(self, *, reachable: bool, detail: str | None) -> None:
        """The gate answers, or stopped answering (with why)."""
        ...

    def gate_pulsed(self, *, command: int, delivered: bool) -> None:
        """The pulse of *command* went out, or was dropped."""
        ...

    def gate_passed(self, *, exit: bool) -> None:
        """A passage sensor saw someone go through."""
        ...
