"""The demo's stand-in gate: a turnstile behind a Modbus I/O module on loopback.

The module is pymodbus's own server (hardware/gate/standin.py); the desk
drives it with its real `modbus-tcp` driver, as it would a module on the
LAN. The turnstile is simulated at the module's terminals: when the entry
relay closes, the passage input turns on a moment later (the visitor walks
through), unless the script said the next visitor turns back, so nobody
passes and the entry is annulled. Stopping the module is the gate unplugged.

One person goes through a turnstile at a time: the script lets the next
visitor come (and the demo's day move on) once the gate is done with the
one before (:func:`gate_done`).

The script reads what the desk tells of the gate through :class:`DemoGate`,
a desk listener (called on the desk's thread; read on the screens').
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, Any, Protocol

from kiosk.decision import Direction
from kiosk.gate.values import GateState, Opened
from kiosk.listeners import DeskListener
from kiosk.news import GateClosed
from kiosk.storage.alerts import AlertKind
from kiosk.wiretime import format_time
from ui.scripted import AlertOf, NextDecision, Script, ServiceWhere, Until

if TYPE_CHECKING:
    from hardware.gate.standin import CoilWrite, StandInModule
    from kiosk.decision import Decision
    from kiosk.storage.alerts import Alert
    from sandbox.server import SandboxServer
    from ui.kiosk import KioskScreens

ENTRY_COIL = 0
ENTRY_INPUT = 0
HOLD_S = 0.3
"""How long a visitor's passage keeps the sensor on."""
WALK_S = 0.5
"""From the relay closing to a visitor passing, unless the script says otherwise."""


def gate_section(host: str, port: int, pace: float) -> dict[str, object]:
    """`[gate]` toward the stand-in: the entry relay and its passage sensor,
    a time-out short enough that an annulment does not hold the demo up."""
    return {
        "driver": "modbus-tcp",
        "host": host,
        "port": port,
        "entry_coil": ENTRY_COIL,
        "entry_passage_input": ENTRY_INPUT,
        "pulse_ms": 300,
        "passage_timeout_s": max(3, int(walk_after(pace) + 2)),
    }


def walk_after(pace: float) -> float:
    """Seconds from the relay closing to the visitor passing: a little longer
    than a screen stays at the demo's pace, so "Go through" can be seen."""
    return pace + 0.7


class DemoGate(DeskListener):
    """The stand-in module and turnstile, and the gate's news as the desk tells it."""

    def __init__(self, pace: float) -> None:
        from hardware.gate.standin import StandInModule

        self.pace = pace
        self.module: StandInModule = StandInModule(on_write=self._written)
        self._lock = threading.Lock()
        self._next: float | None = WALK_S  # the next visitor's walk; None: turns back
        self._walking: list[threading.Timer] = []
        self._opened: list[Opened] = []
        self._closed: list[GateClosed] = []
        self._state: GateState | None = None
        self._address: tuple[str, int] | None = None

    # -- the module ------------------------------------------------------------------

    def start(self) -> dict[str, object]:
        """Serve on a free loopback port; the `[gate]` section that reaches it."""
        host, port = self._address = self.module.serve_tcp("127.0.0.1", 0)
        return gate_section(host, port, self.pace)

    def unplug(self) -> None:
        self.module.stop()

    def plug(self) -> None:
        """Serve again where it served: the desk's driver reconnects by itself."""
        assert self._address is not None
        self.module.serve_tcp(*self._address)

    def stop(self) -> None:
        with self._lock:
            walking, self._walking = self._walking, []
        for timer in walking:
            timer.cancel()
        self.module.stop()

    def next_walks_after(self, seconds: float) -> None:
        """The next visitor the gate opens for walks through *seconds* after it opens."""
        with self._lock:
            self._next = seconds

    def next_turns_back(self) -> None:
        """The next visitor the gate opens for does not walk through."""
        with self._lock:
            self._next = None

    def _written(self, write: CoilWrite) -> None:
        """The module's loop: a relay switched. The entry relay closing lets the
        next visitor walk through (on a timer: the loop must not wait on itself)."""
        if write.address != ENTRY_COIL or not write.on:
            return
        with self._lock:
            after, self._next = self._next, WALK_S
            if after is None:
                return
            timer = threading.Timer(after, self._walk)
            timer.daemon = True
            self._walking = [t for t in self._walking if t.is_alive()] + [timer]
        timer.start()

    def _walk(self) -> None:
        with contextlib.suppress(RuntimeError):  # unplugged meanwhile: no passage is seen
            self.module.walk_through(ENTRY_INPUT, HOLD_S)

    # -- what the desk tells (its thread) ---------------------------------------------------

    def gate_opened(self, opened: Opened) -> None:
        with self._lock:
            self._opened.append(opened)

    def gate_closed(self, closed: GateClosed) -> None:
        with self._lock:
            self._closed.append(closed)

    def gate_changed(self, state: GateState) -> None:
        with self._lock:
            self._state = state

    # -- the script's waits ------------------------------------------------------------------

    @property
    def state(self) -> GateState | None:
        with self._lock:
            return self._state

    def opened_for(self, event_id: str) -> Opened | None:
        with self._lock:
            return next((o for o in self._opened if o.request.event_id == event_id), None)

    def closed_for(self, event_id: str) -> GateClosed | None:
        with self._lock:
            return next((c for c in self._closed if c.request.event_id == event_id), None)

    def wait_opened(self, event_id: str) -> Script:
        yield Until(lambda: self.opened_for(event_id) is not None, "the gate to open")

    def wait_closed(self, event_id: str) -> Script:
        yield Until(lambda: self.closed_for(event_id) is not None, "the gate's open to end")

    def wait_idle(self) -> Script:
        """Until no open waits for its passage (a visitor before still walking)."""
        yield Until(lambda: (s := self.state) is not None and s.waiting == 0, "the gate idle")

    def wait_reachable(self, reachable: bool) -> Script:
        what = "the gate to answer" if reachable else "the gate to be missed"
        yield Until(lambda: (s := self.state) is not None and s.reachable is reachable, what)


def opened_line(opened: Opened) -> dict[str, Any]:
    """The gate's part of a scene, in the style of the decision lines."""
    request = opened.request
    return {
        "gate": "opened",
        "direction": request.direction.value,
        "event_id": request.event_id,
        "at": format_time(opened.at),
    }


def closed_line(closed: GateClosed) -> dict[str, Any]:
    line: dict[str, Any] = {
        "gate": closed.end.value,
        "direction": closed.request.direction.value,
        "event_id": closed.request.event_id,
    }
    if closed.annulment is not None:
        line.update({"annulment": closed.annulment, "masked_id": closed.masked_id})
    line["at"] = format_time(closed.at)
    return line


# -- the scenes ---------------------------------------------------------------------------


class Stage(Protocol):
    """What a gate scene asks of the demo (app.demo_script.Demo): its gate, its
    camera and screens, its lines and its shots."""

    gate: DemoGate | None
    server: SandboxServer
    camera: Any

    @property
    def screens(self) -> KioskScreens: ...

    def show(self, text: str) -> None: ...

    def say(self, scene: str, shown: Decision | Alert | None = None) -> None: ...

    def say_text(self, scene: str, **fields: Any) -> None: ...

    def shot(self, name: str, widget: Any = None) -> Script: ...

    def named_shot(self, name: str, widget: Any = None) -> Script: ...


def gate_opens(demo: Stage, decision: Decision, *, shot: str | None = None) -> Script:
    """The gate's open for *decision*'s entry, printed (and pictured: "Go through")."""
    gate = demo.gate
    if gate is None:
        return
    event_id = decision.event_ids[0]
    yield from gate.wait_opened(event_id)
    opened = gate.opened_for(event_id)
    assert opened is not None
    demo.say_text("the gate opens", **opened_line(opened))
    if shot is not None:
        yield from demo.named_shot(shot)


def gate_closes(demo: Stage, decision: Decision, who: str = "the visitor") -> Script:
    """How the open for *decision*'s entry ended, printed: passed or annulled."""
    gate = demo.gate
    if gate is None:
        return
    event_id = decision.event_ids[0]
    yield from gate.wait_closed(event_id)
    closed = gate.closed_for(event_id)
    assert closed is not None
    scene = {
        "passed": f"{who} walks through",
        "annulled": "nobody walked through: the entry annulled",
    }.get(closed.end.value, "the gate closes")
    demo.say_text(scene, **closed_line(closed))


def gate_done(demo: Stage, decision: Decision) -> Script:
    """Until the gate is done with *decision*'s visitor (walked through, or the
    entry annulled), when the decision opened it: the next one comes after."""
    gate = demo.gate
    opens = decision.admitted and decision.direction is Direction.ENTRY and not decision.repeat
    if gate is None or not opens or not decision.event_ids:
        return
    yield from gate.wait_closed(decision.event_ids[0])


def turns_back(demo: Stage, name: str, code: str, shot: str) -> Script:
    """A visitor let in who does not walk through: the entry is annulled, and the
    annulment reaches the service once."""
    gate = demo.gate
    if gate is not None:
        gate.next_turns_back()
    demo.show(code)
    decision = yield NextDecision()
    demo.say(name, decision)
    yield from gate_opens(demo, decision)
    yield from demo.shot(shot)
    demo.camera.clear()
    if gate is None:
        return
    yield from gate_closes(demo, decision)
    yield from demo.named_shot("staff-annulled", demo.screens.staff)
    check_in = decision.event_ids[0]
    yield Until(lambda: _annulments(demo, check_in) > 0, "the annulment at the service")
    yield ServiceWhere(lambda s: s.pending == 0, "the queue to drain")
    demo.say_text(
        "the annulment reached the service",
        entry_annulled=_annulments(demo, check_in),
        check_in=check_in,
    )


def unplugged(demo: Stage) -> Script:
    """The I/O module unplugged for a moment: `gate_unreachable`, then cleared."""
    gate = demo.gate
    if gate is None:
        return
    yield from gate.wait_idle()
    gate.unplug()
    alert = yield AlertOf(AlertKind.GATE_UNREACHABLE)
    demo.say("the gate unplugged: check-ins go on", alert)
    yield from demo.named_shot("staff-gate-unreachable", demo.screens.staff)
    gate.plug()
    yield from gate.wait_reachable(True)
    demo.say_text("the gate answers again", gate="reachable")


def _annulments(demo: Stage, check_in: str) -> int:
    """`entry_annulled` events naming *check_in* the embedded service received."""
    events = demo.server.service.events(None, limit=100_000)
    return sum(
        1 for e in events if e.type == "entry_annulled" and e.data.get("check_in") == check_in
    )
