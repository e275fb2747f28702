"""What every gate driver shares: its channels, the reports it makes, the link it drives.

A gate has an entry channel and, optionally, an exit channel. Each channel
has an output (a relay pulsed to let one person through) and, optionally, a
passage input. Drivers speak plain values, `exit=False` for the entry
channel and `exit=True` for the exit channel, so the domain's port
(`kiosk.gate.port`) fits them without this layer importing the domain.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from shared.backoff import BackoffPolicy


@dataclass(frozen=True, slots=True)
class GateWiring:
    """Which output and input serve each direction (-1: none), and the timings."""

    entry_output: int = 0
    exit_output: int = -1
    entry_input: int = -1
    exit_input: int = -1
    pulse_s: float = 0.5
    gap_s: float = 0.1
    """Off time between two pulses of one output, so the gate counts two."""
    poll_s: float = 0.05
    """Passage inputs are read this often: a person holds a turnstile's
    passage contact for a few hundred milliseconds."""
    io_timeout_s: float = 0.5
    """One request to the gate, or one attempt to connect, takes at most this."""
    backoff: BackoffPolicy = field(default_factory=BackoffPolicy)

    def __post_init__(self) -> None:
        if self.entry_output < 0:
            raise ValueError("a gate needs an entry output")
        if min(self.exit_output, self.entry_input, self.exit_input) < -1:
            raise ValueError("outputs and inputs are numbered from 0; -1 means none")
        if self.pulse_s <= 0 or self.poll_s <= 0 or self.io_timeout_s <= 0 or self.gap_s < 0:
            raise ValueError("gate timings must be positive")

    def output(self, *, exit: bool) -> int:
        """The output of a direction, -1 when there is none."""
        return self.exit_output if exit else self.entry_output

    def input(self, *, exit: bool) -> int:
        """The passage input of a direction, -1 when there is none."""
        return self.exit_input if exit else self.entry_input

    @property
    def channels(self) -> tuple[bool, ...]:
        """The directions that have an output (`exit` flags)."""
        return (False, True) if self.exit_output >= 0 else (False,)


class DriverReports(Protocol):
    """What a driver reports, from its own thread (the domain's
    `kiosk.gate.port.GateReports` has the same shape)."""

    def gate_linked(self, *, reachable: bool, detail: str | None) -> None: ...

    def gate_pulsed(self, *, command: int, delivered: bool) -> None: ...

    def gate_passed(self, *, exit: bool) -> None: ...


class GateDriver(Protocol):
    """A running gate: the domain's `Gate` port plus its life (start, stop)."""

    def start(self) -> None: ...

    def stop(self, timeout: float = 5.0) -> None: ...

    def opens(self, *, exit: bool) -> bool: ...

    def senses(self, *, exit: bool) -> bool: ...

    def pulse(self, *, exit: bool, command: int, within_s: float) -> None: ...


class GateRefused(Exception):
    """The gate answered and refused a command (a wrong coil number, an HTTP
    error status): the command failed, the link is fine."""


class LinkDown(Exception):
    """The gate cannot be reached (any other failure means the same)."""


class Link(Protocol):
    """One open connection to a gate, used by one worker thread."""

    @property
    def poll_every_s(self) -> float:
        """How often :meth:`poll` is due."""
        ...

    def switch(self, *, exit: bool, on: bool) -> None:
        """Set a direction's output; raises :class:`GateRefused` or any error."""
        ...

    def poll(self) -> tuple[bool, ...]:
        """Check the gate is there; the passages seen since the last poll
        (`exit` flags). Raises when the gate cannot be reached."""
        ...

    def close(self) -> None: ...
