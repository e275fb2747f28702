"""The terminal desk (`ashyq-kiosk run --headless`): the desk controller driven
from a terminal, decisions and alerts printed as JSON lines.

Codes and staff answers never share a channel:

- at an interactive terminal, every key is timed: a fast burst ending in
  Enter is a keyboard-wedge scan (its text recovered whatever the keyboard
  layout); slower typing is staff at the keyboard, a command line:
  `a`/`admit`, `r`/`refuse` (answer the open question), `out IIN`
  (check-out), `ack ID`/`ack all`, `open [exit] REASON` (the gate, once),
  a typed IIN (manual entry), `help`;
- when the input is not a terminal (a pipe, a file), each line is a scanned
  code and nothing answers staff questions: they time out and are recorded
  as `ask_staff`. Such an input is a batch: when it ends, the desk decides
  every code read before it stops; the desk is fed no faster than it
  decides (BATCH_BLOCK codes at a time), so a long file costs no memory. A
  run stopped before (Ctrl-C, SIGTERM) says how many codes it did not decide.
"""

from __future__ import annotations

import json
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from kiosk.decision import Decision, Direction
from kiosk.gate.values import GateState, NoOpenReason, Opened
from kiosk.jsonlines import (
    alert_line,
    decision_line,
    gate_closed_line,
    gate_link_line,
    gate_opened_line,
    gate_refused_line,
    question_line,
)
from kiosk.listeners import DeskListener
from kiosk.news import (
    AnswerIgnored,
    DeskFailure,
    DeviceReport,
    GateClosed,
    QuestionEnd,
    ServiceState,
    StaffQuestion,
)
from kiosk.vocabulary import Method, StaffAnswer
from shared.device import DeviceState

if TYPE_CHECKING:
    from hardware.wedge import KeyPress, WedgeDetector
    from kiosk.desk import DeskController
    from kiosk.deskloop import Marker
    from kiosk.storage.alerts import Alert

HELP = (
    "staff keys: a | admit, r | refuse [reason]  answer the open question;  "
    "out IIN  check a person out;  ack ID | ack all  acknowledge alerts;  "
    "open [exit] REASON  open the gate for one person;  a typed IIN  manual entry;  quit"
)
_ANSWERS = {
    "a": StaffAnswer.ADMIT,
    "admit": StaffAnswer.ADMIT,
    "r": StaffAnswer.REFUSE,
    "refuse": StaffAnswer.REFUSE,
}
_DEVICE_WORDS = {
    DeviceState.STARTING: "starting",
    DeviceState.RUNNING: "ready",
    DeviceState.LOST: "lost: check its cable; retrying",
    DeviceState.BACK: "back",
    DeviceState.STOPPED: "stopped",
    None: "not in use",
}


class TerminalListener(DeskListener):
    """Prints what the desk tells: JSON lines on *out*, words for people on *err*."""

    def __init__(self, out: IO[str], err: IO[str]) -> None:
        self._out = out
        self._err = err
        self._lock = threading.Lock()
        self.questions: dict[str, StaffQuestion] = {}
        self.alerts: list[int] = []
        self.failed = threading.Event()
        self._service_line = ""
        self._gate_reachable: bool | None = None

    def decision_shown(self, decision: Decision) -> None:
        self._json(decision_line(decision))

    def question_asked(self, question: StaffQuestion) -> None:
        self.questions[question.id] = question
        who = question.decision.masked_id or "the visitor"
        self._say(f"staff: {who} needs a decision: type a (admit) or r (refuse), then Enter")
        self._json(question_line(question))

    def question_closed(
        self, question_id: str, end: QuestionEnd, decision: Decision | None
    ) -> None:
        self.questions.pop(question_id, None)
        if end is not QuestionEnd.ANSWERED and decision is not None:
            self._say(f"staff: no answer ({end.value}); the visit is recorded as ask_staff")
            self._json(decision_line(decision))

    def answer_ignored(self, question_id: str, why: AnswerIgnored) -> None:
        self._say(f"staff: that answer changed nothing ({why.value})")

    def alert_raised(self, alert: Alert) -> None:
        from kiosk.storage.alerts import DatabaseRescued

        self.alerts.append(alert.id)
        self._json(alert_line(alert))
        payload = alert.payload
        if isinstance(payload, DatabaseRescued) and payload.events_lost:
            self._say(
                f"{payload.events_lost} event(s) this desk had recorded are missing from the "
                "database (its log was emptied or cut short while the kiosk was off); those "
                "not sent before will not reach the service: note the count for support"
            )

    def alert_acknowledged(self, alert_id: int) -> None:
        if alert_id in self.alerts:
            self.alerts.remove(alert_id)
        self._say(f"alert {alert_id} acknowledged")

    def service_changed(self, state: ServiceState) -> None:
        if state.online is None:
            return
        words = "online" if state.online else f"offline ({state.problem or 'no answer'})"
        line = f"service: {words}; {state.pending} event(s) waiting"
        if line != self._service_line:  # every sync pass tells; the header changes less often
            self._service_line = line
            self._say(line)

    def device_changed(self, report: DeviceReport) -> None:
        self._say(f"{report.kind.value}: {_DEVICE_WORDS[report.state]}")

    def gate_changed(self, state: GateState) -> None:
        if state.reachable is None or state.reachable is self._gate_reachable:
            return  # the panel's other news (opens waiting) is not the terminal's
        self._gate_reachable = state.reachable
        self._json(gate_link_line(state))

    def gate_opened(self, opened: Opened) -> None:
        self._json(gate_opened_line(opened))
        self._say(f"gate: open for one person ({opened.request.direction.value})")

    def gate_closed(self, closed: GateClosed) -> None:
        self._json(gate_closed_line(closed))
        if closed.annulment is not None:
            who = closed.masked_id or "the visitor"
            way = closed.request.direction.value
            self._say(f"gate: nobody went through; the {way} of {who} is annulled")

    def gate_refused(self, reason: NoOpenReason) -> None:
        self._json(gate_refused_line(reason))
        self._say(f"gate: not opened ({reason.value})")

    def desk_failed(self, failure: DeskFailure) -> None:
        self._say(f"the desk stopped: {failure.message}")
        self.failed.set()

    def say(self, text: str) -> None:
        self._say(text)

    def _json(self, obj: dict[str, Any]) -> None:
        with self._lock:
            self._out.write(json.dumps(obj, ensure_ascii=False) + "\n")
            self._out.flush()

    def _say(self, text: str) -> None:
        with self._lock:
            self._err.write(f"ashyq-kiosk: {text}\n")
            self._err.flush()


@dataclass(frozen=True)
class Line:
    """A whole line of input: a scanned code (input that is not a terminal)."""

    text: str


Item = Line | Any  # Line, or a hardware.wedge.KeyPress; None ends the input


BATCH_BLOCK = 64
"""Codes from a pipe handed to the desk between two of its markers; at most two
blocks wait in the desk's queue."""
LINES_AHEAD = 1024
"""Lines read from a pipe ahead of the desk (the reader then waits)."""


class TerminalDesk:
    """Feeds the controller from terminal input until it ends, `quit`, or a stop."""

    def __init__(
        self,
        desk: DeskController,
        listener: TerminalListener,
        *,
        operator: str,
        recover: Callable[[str], str],
        wedge: WedgeDetector | None = None,
        echo: IO[str] | None = None,
    ) -> None:
        self._desk = desk
        self._listener = listener
        self._operator = operator
        self._recover = recover
        self._wedge = wedge
        self._echo = echo
        self._typed: list[str] = []
        self.stop = threading.Event()
        self.lines = 0
        """Lines of a piped input taken in (each a code, blank ones aside)."""
        self.decided = 0
        """Of those, the ones the desk is known to have handled."""
        self.input_ended = False
        self._blocks: list[tuple[int, Marker]] = []

    def run(self, items: queue.Queue[Item | None]) -> None:
        while not self.stop.is_set() and not self._listener.failed.is_set():
            try:
                item = items.get(timeout=self._wait())
            except queue.Empty:
                self._flush_wedge()
                continue
            if item is None:
                self.input_ended = True
                self._flush_wedge(release=True)
                self._drain()  # a batch: every code it held is decided before the desk stops
                return
            if isinstance(item, Line):
                self._code(item.text)
            else:
                self._key(item)

    def _code(self, text: str) -> None:
        if not text.strip():
            return
        self._desk.submit(self._recover(text), Method.SCANNER)
        self.lines += 1
        if self.lines % BATCH_BLOCK == 0:
            self._blocks.append((self.lines, self._desk.marker()))
            while len(self._blocks) > 2 and self._passed(self._blocks[0]):
                self._blocks.pop(0)

    def _drain(self) -> None:
        self._blocks.append((self.lines, self._desk.marker()))
        while self._blocks and self._passed(self._blocks[0]):
            self._blocks.pop(0)

    def _passed(self, block: tuple[int, Marker]) -> bool:
        """Wait until the desk has handled the codes up to *block*; False when the
        desk was stopped or failed first."""
        upto, marker = block
        while not marker.wait(0.25):
            if self.stop.is_set() or self._listener.failed.is_set():
                return False
        self.decided = max(self.decided, upto)
        return True

    # -- keys -----------------------------------------------------------------

    def _wait(self) -> float:
        deadline = self._wedge.deadline() if self._wedge is not None else None
        if deadline is None:
            return 0.5
        return max(0.0, deadline - time.monotonic())

    def _key(self, key: KeyPress) -> None:
        assert self._wedge is not None
        self._handle(self._wedge.feed(key))

    def _flush_wedge(self, *, release: bool = False) -> None:
        if self._wedge is None:
            return
        events = self._wedge.release() if release else self._wedge.flush(time.monotonic())
        self._handle(events)

    def _handle(self, events: list[Any]) -> None:
        from hardware.wedge import Scan

        for event in events:
            if isinstance(event, Scan):
                self._desk.submit(event.text, Method.SCANNER)
                continue
            for key in event.keys:
                self._typing(key.text)

    def _typing(self, char: str) -> None:
        if char in ("\r", "\n"):
            self._write("\n")
            line, self._typed = "".join(self._typed), []
            self.command(line)
        elif char in ("\x7f", "\b"):
            if self._typed:
                self._typed.pop()
                self._write("\b \b")
        elif char == "\x04":  # Ctrl-D
            self.stop.set()
        elif char.isprintable():
            self._typed.append(char)
            self._write(char)

    def _write(self, text: str) -> None:
        if self._echo is not None:
            self._echo.write(text)
            self._echo.flush()

    # -- staff commands ---------------------------------------------------------

    def command(self, line: str) -> None:
        """One line typed by staff."""
        words = line.strip().split(maxsplit=1)
        if not words:
            return
        verb, rest = words[0].lower(), (words[1] if len(words) > 1 else "")
        if verb in _ANSWERS:
            self._answer(_ANSWERS[verb], rest.strip() or None)
        elif verb in ("out", "o") and rest:
            self._desk.check_out(rest.strip(), Method.MANUAL)
        elif verb == "ack" and rest:
            self._acknowledge(rest.strip())
        elif verb == "open":  # staff's Open gate: who (this terminal's operator) and why
            way, _, why = rest.strip().partition(" ")
            exit_ = way.lower() == "exit"
            direction = Direction.EXIT if exit_ else Direction.ENTRY
            self._desk.open_gate(direction, self._operator, why if exit_ else rest)
        elif verb in ("quit", "q", "exit"):
            self.stop.set()
        elif verb in ("help", "?"):
            self._listener.say(HELP)
        elif verb.isdigit() and not rest:
            self._desk.check_in(verb, Method.MANUAL)  # staff's entry: never an exit ("out")
        else:
            self._listener.say(f"not a staff command: {line.strip()!r}; {HELP}")

    def _answer(self, answer: StaffAnswer, reason: str | None) -> None:
        questions = self._listener.questions
        if not questions:
            self._listener.say("no visitor is waiting for a decision")
            return
        latest = list(questions)[-1]
        self._desk.answer(latest, answer, self._operator, reason)

    def _acknowledge(self, which: str) -> None:
        ids = list(self._listener.alerts) if which == "all" else []
        if which.isdigit():
            ids = [int(which)]
        if not ids:
            self._listener.say("no such alert")
        for alert_id in ids:
            self._desk.acknowledge(alert_id)
