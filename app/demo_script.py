"""The demo's script: demo visitors at the desk, one scene after another.

Green, blue, yellow and red passes at the camera (the green visitor walks
through the gate; the blue one turns back, and the entry is annulled), a
typed IIN and a repeat, an expired pass, a code that is not a pass, an
exit, the service going down (a visitor staff must decide on, the queue
growing), the camera and the gate unplugged, the service back (the queue
draining and a retroactive red alert), and the staff panel in another
language. It is a day at the club, told in minutes
(app/demo_day.py): regulars come and go from the opening, the scenes follow
through the afternoon and evening, and the dashboard shows the day.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.common import print_json
from app.demo_day import DemoDay
from app.demo_gate import gate_closes, gate_done, gate_opens, turns_back, unplugged, walk_after
from kiosk.decision import Decision
from kiosk.iin import Sex, make_iin
from kiosk.jsonlines import alert_line, decision_line
from kiosk.status import Status
from kiosk.storage.alerts import Alert, AlertKind
from kiosk.vocabulary import Method
from shared.device import DeviceState
from ui.scripted import AlertOf, CameraIs, NextDecision, NextQuestion, Pause, Script, ServiceWhere

DEMO_BIN = "150340012345"

REGULARS = (
    ("Ғалым Б.", dt.date(1987, 2, 11), Sex.MALE),
    ("Жанар Т.", dt.date(1994, 6, 23), Sex.FEMALE),
    ("Олег С.", dt.date(1979, 10, 5), Sex.MALE),
    ("Мадина Е.", dt.date(1999, 1, 17), Sex.FEMALE),
    ("Тимур А.", dt.date(1990, 8, 30), Sex.MALE),
    ("Алия Н.", dt.date(1985, 12, 2), Sex.FEMALE),
    ("Виктор Л.", dt.date(1972, 4, 9), Sex.MALE),
)
"""Club members who come and go through the demo's day (green, passes read by a scanner)."""

if TYPE_CHECKING:
    from app.demo_gate import DemoGate
    from app.screens import Kiosk
    from hardware.showcase import ShowcaseCamera
    from sandbox.people import DemoPerson
    from sandbox.server import SandboxServer
    from ui.kiosk import KioskScreens


def club_sections(server_url: str, pace: float) -> dict[str, object]:
    """Settings of the demo's fitness club desk."""
    return {
        "venue": {
            "bin": DEMO_BIN,
            "name": "Fitness club «Samal»",
            "desk": "reception",
            "capacity": 50,
            "rescan_window_s": 2,
        },
        **demo_desk(server_url),
        "screens": {"fullscreen": False, "status_seconds": max(pace * 2, 3.0)},
    }


def demo_desk(server_url: str) -> dict[str, object]:
    """What every demo desk shares: the embedded service, quick to notice it
    gone, the showcase camera, the sanitary service's number."""
    return {
        "service": {
            "url": server_url,
            "token": "demo",
            "sync_interval": 1.0,
            "connect_timeout": 0.5,
            "status_deadline": 1.0,
        },
        "camera": {"device": "none"},
        "ses": {"phone": "+7 727 000 00 00"},
    }


class Demo:
    """What the script can do: show codes, type at the staff panel, take shots."""

    def __init__(
        self,
        kiosk: Kiosk,
        server: SandboxServer,
        camera: ShowcaseCamera,
        clock: DemoDay,
        *,
        shots: Path | None,
        pace: float,
        size: tuple[int, int],
        gate: DemoGate | None = None,
    ) -> None:
        self.kiosk = kiosk
        self.gate = gate
        self.server = server
        self.camera = camera
        self.clock = clock
        self.shots = shots
        self.pace = pace
        self.size = size
        self._shot = 0

    @property
    def screens(self) -> KioskScreens:
        return self.kiosk.screens

    def arrange(self) -> None:
        """Windows at the demo's size (the kiosk itself goes full screen)."""
        windows = self.screens.windows
        width, height = self.size
        windows.desk.resize(width, height)
        if windows.separate:
            windows.visitor_window.resize(width, height)

    def person(self, status: Status, nth: int = 0) -> DemoPerson:
        from sandbox.people import DEMO_PEOPLE

        return [p for p in DEMO_PEOPLE if p.status is status][nth]

    def pass_for(self, person: DemoPerson, *, minutes_ago: float = 0) -> str:
        issued = None if not minutes_ago else self.clock.now() - minutes_ago * 60
        return self.server.service.issue_pass(person.iin, issued_at=issued).text

    def later(self, share: float) -> None:
        """Time passes: on to *share* (0..1) of the way through the demo's day."""
        self.clock.later(share)

    def regulars(self) -> list[str]:
        """The regulars' IINs, known to the service as green."""
        iins = []
        for serial, (name, birth, sex) in enumerate(REGULARS, start=1000):
            iin = next(i for n in range(serial, serial + 200) if (i := make_iin(birth, sex, n)))
            self.server.service.set_status(iin, Status.GREEN, name=name)
            iins.append(iin)
        return iins

    def show(self, text: str) -> None:
        """A phone showing *text* as a QR code, held up to the camera."""
        from hardware.synthetic import phone_frame

        width, height = self.camera.size
        self.camera.show(phone_frame(text, width=width, height=height, module_px=5))

    def type_iin(self, iin: str) -> None:
        """Staff type an IIN on the on-screen keypad and press Check in."""
        entry = self.screens.staff.entry
        for digit in iin:
            entry.keypad.buttons[digit].click()
        entry.check_in_button.click()

    def say(self, scene: str, shown: Decision | Alert | None = None) -> None:
        """One JSON line: the scene, and the decision or alert it produced."""
        line: dict[str, Any] = {"scene": scene}
        if isinstance(shown, Decision):
            line.update(decision_line(shown))
        elif shown is not None:
            line.update(alert_line(shown))
        print_json(line)

    def one_monitor(self) -> Script:
        """The same desk on a single monitor: visitor and staff side by side."""
        windows = self.screens.windows
        windows.where = "same"
        windows.place()
        self.arrange()
        yield from self.shot("desk-one-monitor", windows.desk)

    def say_text(self, scene: str, **fields: Any) -> None:
        """One JSON line about a scene that is not a decision."""
        print_json({"scene": scene, **fields})

    def next_shot(self, name: str) -> Path:
        """The next screenshot's file name (numbered in the order shown)."""
        assert self.shots is not None
        self._shot += 1
        return self.shots / f"{self._shot:02d}-{name}.png"

    def shot(self, name: str, widget: Any = None) -> Script:
        """Let the screen settle for the demo's pace, then save a PNG of it."""
        yield Pause(self.pace)
        if self.shots is None:
            return
        target = widget if widget is not None else self.screens.visitor
        target.grab().save(str(self.next_shot(name)))

    def named_shot(self, name: str, widget: Any = None) -> Script:
        """As :meth:`shot`, to *name*.png, outside the numbered sequence (the
        numbered names are linked from the README)."""
        yield Pause(self.pace)
        if self.shots is None:
            return
        target = widget if widget is not None else self.screens.visitor
        target.grab().save(str(self.shots / f"{name}.png"))


def regular(demo: Demo, iin: str, share: float, what: str) -> Script:
    """A regular's pass, read by the desk's scanner at *share* of the day."""
    demo.later(share)
    demo.kiosk.desk.controller.submit(demo.server.service.issue_pass(iin).text, Method.SCANNER)
    decision = yield NextDecision()
    demo.say(what, decision)
    yield from gate_done(demo, decision)


def scene(demo: Demo, name: str, code: str, shot: str) -> Script:
    """A code at the camera, its decision printed and pictured."""
    demo.show(code)
    decision = yield NextDecision()
    demo.say(name, decision)
    yield from demo.shot(shot)
    demo.camera.clear()
    yield from gate_done(demo, decision)


def through_the_gate(demo: Demo, name: str, code: str) -> Script:
    """A green pass at the camera; the gate opens ("Go through") and the visitor
    walks through, taking a moment (the screen is pictured meanwhile)."""
    if demo.gate is not None:
        demo.gate.next_walks_after(walk_after(demo.pace))
    demo.show(code)
    decision = yield NextDecision()
    demo.say(name, decision)
    yield from gate_opens(demo, decision, shot="gate-go-through")
    yield from demo.shot("status-green")
    demo.camera.clear()
    yield from gate_closes(demo, decision)


def script(demo: Demo) -> Script:
    staff = demo.screens.staff
    yield CameraIs((DeviceState.RUNNING, DeviceState.BACK))
    yield Pause(0.5)  # the first frames reach the preview
    yield from demo.shot("scan")  # the club has just opened

    members = demo.regulars()
    for member, share, what in (
        (0, 0.02, "a regular comes in"),
        (1, 0.05, "a regular comes in"),
        (2, 0.09, "a regular comes in"),
        (0, 0.14, "a regular leaves"),
        (3, 0.18, "a regular comes in"),
        (1, 0.22, "a regular leaves"),
        (4, 0.25, "a regular comes in"),
        (2, 0.29, "a regular leaves"),
    ):
        yield from regular(demo, members[member], share, what)

    green, green2 = demo.person(Status.GREEN), demo.person(Status.GREEN, 1)
    blue, blue2 = demo.person(Status.BLUE), demo.person(Status.BLUE, 1)
    yellow, red = demo.person(Status.YELLOW), demo.person(Status.RED)
    demo.later(0.34)
    yield from through_the_gate(demo, "green pass at the camera", demo.pass_for(green))
    demo.later(0.38)
    yield from turns_back(demo, "blue pass at the camera", demo.pass_for(blue), "status-blue")
    demo.later(0.41)
    yield from scene(demo, "yellow pass at the camera", demo.pass_for(yellow), "status-yellow")
    demo.later(0.44)
    yield from scene(demo, "red pass at the camera", demo.pass_for(red), "status-red")
    alert = yield AlertOf(AlertKind.RED_REPORT_QUEUED)
    demo.say("alert for staff", alert)

    demo.later(0.48)
    demo.type_iin(green2.iin)
    decision = yield NextDecision()
    demo.say("IIN typed by staff", decision)
    yield from demo.shot("status-typed-iin")
    yield from gate_done(demo, decision)
    demo.type_iin(green2.iin)
    decision = yield NextDecision()
    demo.say("the same visitor again at once", decision)
    yield from demo.shot("status-repeat")

    demo.later(0.52)
    stale = demo.pass_for(blue2, minutes_ago=15)
    yield from scene(demo, "screenshot of a pass, 15 minutes old", stale, "status-expired")
    yield from scene(demo, "not a pass", "https://example.kz/promo", "status-invalid")
    demo.later(0.57)  # past the re-scan window: the next scan of this visitor is leaving
    yield from scene(demo, "leaving", demo.pass_for(green), "status-exit")
    yield from regular(demo, members[3], 0.61, "a regular leaves")
    yield from regular(demo, members[5], 0.64, "a regular comes in")

    demo.later(0.68)
    phone_pass = demo.pass_for(green)  # drawn now: still valid when the service is down
    demo.server.stop()
    offline = blue2  # not inside: an entry the service cannot confirm
    demo.kiosk.desk.controller.submit(offline.iin, Method.SCANNER)
    asked = yield NextDecision()
    demo.say("service down: staff must decide", asked)
    yield NextQuestion()
    yield from demo.shot("status-unverified")
    yield from demo.shot("staff-question", staff)
    staff.question.admit_button.click()
    admitted = yield NextDecision()
    demo.say("staff admitted while offline", admitted)
    yield from gate_done(demo, admitted)
    demo.clock.skip(120)  # a new visit, within the pass's five minutes
    yield from scene(demo, "pass checked offline", phone_pass, "status-offline-pass")
    yield ServiceWhere(lambda s: s.online is False and s.pending > 0, "the queue to grow")
    yield from demo.shot("staff", staff)

    demo.camera.unplug()
    yield CameraIs((DeviceState.LOST,))
    demo.screens.visitor.show_scan()
    yield from demo.shot("scan-camera-lost")
    demo.camera.plug()
    yield CameraIs((DeviceState.BACK, DeviceState.RUNNING), timeout=30)
    yield from unplugged(demo)

    demo.later(0.76)
    demo.server.start()
    demo.server.service.set_status(offline.iin, Status.RED)  # known to the service meanwhile
    demo.kiosk.desk.worker.send_now()
    yield ServiceWhere(lambda s: bool(s.online) and s.pending == 0, "the queue to drain")
    alert = yield AlertOf(AlertKind.RETROACTIVE_RED)
    demo.say("back online: queue drained; alert for staff", alert)
    staff.tabs.setCurrentWidget(staff.alerts)
    yield from demo.shot("staff-alerts-kk", staff)
    staff.tabs.setCurrentWidget(staff.ses)
    yield from demo.shot("staff-sanitary-service", staff)
    staff.tabs.setCurrentWidget(staff.alerts)

    staff.language_buttons["ru"].click()
    yield from demo.shot("staff-alerts-ru", staff)
    staff.tabs.setCurrentIndex(0)
    for member, share, what in (
        (4, 0.80, "a regular leaves"),
        (6, 0.84, "a regular comes in"),
        (1, 0.87, "a regular comes in"),
        (5, 0.90, "a regular leaves"),
    ):
        yield from regular(demo, members[member], share, what)
    demo.later(0.94)
    yield from scene(
        demo,
        "yellow pass, Russian first",
        demo.pass_for(demo.person(Status.YELLOW, 1)),
        "status-yellow-ru",
    )
    yield from demo.shot("staff-ru", staff)
    staff.language_buttons["kk"].click()
    yield from regular(demo, members[6], 0.97, "a regular leaves")
    demo.later(1.0)
    if demo.screens.dashboard is not None:
        staff.tabs.setCurrentIndex(staff.tabs.count() - 1)  # the dashboard: read when shown
        yield Pause(1.0)
        yield from demo.shot("staff-dashboard", staff)
        staff.tabs.setCurrentIndex(0)
    yield from demo.one_monitor()
    demo.say("end of the demo")
