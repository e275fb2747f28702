"""A USB scanner at a real desk: `ashyq-kiosk run` on an X server with no window
manager, passes and bare IINs typed as key codes with Shift around every
capital, under the us, ru and kz keyboard layouts (the kiosk's layout
setting left on auto), with the keyboard focus in each kind of place. Each
scan must be admitted and recorded once (`export`), and no field may keep
any of it."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count
from pathlib import Path

import pytest

from tests.x11.atspi import FOCUSED, Accessibility, Node
from tests.x11.conftest import Screen
from tests.x11.processes import ADMIN_PIN, Kiosk, Sandbox, kiosk_settings, masked, new_iin
from tests.x11.scanner import Scanner, key_presses
from tests.x11.waiting import wait_until
from tests.x11.xsession import XSession

SERIALS = count(100)


@pytest.fixture(scope="module")
def desk(
    xsession: XSession,
    a11y: Accessibility,
    sandbox: Sandbox,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Screen]:
    """One kiosk for the whole matrix, online, its trust keys pinned."""
    settings = kiosk_settings(
        sandbox.url,
        trust={"keys": sandbox.trust_keys()},
        staff={"operators": ["Aigerim", "Yerlan"]},
    )
    kiosk = Kiosk(xsession, tmp_path_factory.mktemp("scanner-desk"), settings).start(a11y)
    yield Screen(xsession, a11y, kiosk)
    kiosk.stop()


def focus_on(desk: Screen, where: str) -> Node | None:
    """Put the keyboard focus *where* a receptionist may have left it; the field
    that must stay empty, if any."""
    session = desk.session
    if where == "no-window":
        session.focus_nowhere()  # as after another program took the focus and closed
        session.xdotool("mousemove", "300", "300")  # over the kiosk: it gets the keys
        assert session.x_focus() not in session.windows_of(desk.kiosk.pid)
        return None
    if where == "iin-field":
        field = desk.click("IIN", role="text")
        wait_until(lambda: desk.a11y.has_state(field, FOCUSED))
        return field
    if where == "operator-name":
        desk.click(None, role="combo box")  # named by the operator chosen now
        desk.click("Another name…", role="list item")
        desk.type_pin(ADMIN_PIN)
        return desk.find("Operator name", role="text")
    if where == "pin-dialog":
        desk.click("Exit kiosk")
        entry = desk.find("PIN", within=desk.pin_dialog())
        wait_until(lambda: desk.a11y.has_state(entry, FOCUSED))
        return entry
    raise ValueError(where)


def leave(desk: Screen, where: str) -> None:
    if where == "pin-dialog":
        desk.click("Cancel")
    elif where == "operator-name":
        desk.click("IIN", role="text")  # the name field loses the focus: typing ends


@pytest.mark.parametrize("where", ["no-window", "iin-field", "operator-name", "pin-dialog"])
@pytest.mark.parametrize("layout", ["us", "ru", "kz"])
def test_a_scanned_pass_and_iin_are_admitted_wherever_the_focus_is(
    desk: Screen, sandbox: Sandbox, scanner: Scanner, layout: str, where: str, tmp_path: Path
) -> None:
    desk.session.setxkbmap(layout)
    field = focus_on(desk, where)
    holder, walk_in = new_iin(next(SERIALS)), new_iin(next(SERIALS))
    code = sandbox.issue_pass(holder, "green")
    sandbox.set_status(walk_in, "green")

    scanner.scan(code)
    desk.shown(masked(holder))
    scanner.scan(walk_in)
    desk.shown(masked(walk_in))
    if field is not None:
        assert desk.a11y.text(field) == "", "a scan never lands in a field"
    if where == "iin-field":
        shot = desk.session.screenshot(tmp_path / f"scan-{layout}.png")
        assert shot.stat().st_size > 10_000
    leave(desk, where)

    rows = desk.kiosk.export()
    for iin, provenance in ((holder, "pass"), (walk_in, "live")):
        [row] = [row for row in rows if row["masked_id"] == masked(iin)]  # recorded once
        assert (row["type"], row["decision"], row["method"]) == ("check_in", "admit", "scanner")
        assert row["provenance"] == provenance


def test_visitors_scanned_back_to_back_are_each_recorded_once(
    desk: Screen, sandbox: Sandbox, xsession: XSession
) -> None:
    """Twelve codes in one stream, Enter to the next code in a millisecond: the
    screens are busy showing one decision while the next code's keys arrive
    (a flush judged before those keys were read split a code)."""
    xsession.setxkbmap("ru")
    people = [new_iin(next(SERIALS)) for _ in range(12)]
    keys: list[str] = []
    for index, iin in enumerate(people):
        if index % 2:
            sandbox.set_status(iin, "green")
            keys += key_presses(iin)
        else:
            keys += key_presses(sandbox.issue_pass(iin, "green"))
    xsession.xdotool(*keys)
    desk.shown(masked(people[-1]), timeout=30)
    recorded = [row["masked_id"] for row in desk.kiosk.export()]
    assert [recorded.count(masked(iin)) for iin in people] == [1] * len(people)
