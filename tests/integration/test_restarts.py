"""A kiosk that crashes three times within a minute stays down and says so: the
terminal desk killed with SIGKILL three times (as a crash leaves it: no clean
end on record), then `doctor` and the next start."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.doctor_process import by_check, doctor
from tests.integration.terminal_process import DEAD_SERVICE, TerminalDesk, desk_config


def started(desk: TerminalDesk) -> bool:
    return any("scan a code" in line for line in desk.said)


@pytest.mark.slow
def test_three_crashes_in_a_minute_are_a_crash_loop_said_by_doctor_and_the_next_start(
    tmp_path: Path,
) -> None:
    config = desk_config(tmp_path / "desk.toml", DEAD_SERVICE)
    data = tmp_path / "data"
    for _ in range(3):
        desk = TerminalDesk(config, data)
        try:
            desk.until(lambda d=desk: started(d))
            desk.kill()  # SIGKILL: no end on record
        finally:
            desk.close()

    code, lines, _ = doctor(config, data, "--no-camera")
    restarts = by_check(lines)["restarts"]
    assert code == 1
    assert (restarts["result"], restarts["reason"], restarts["crashes"]) == (
        "failed",
        "crash_loop",
        3,
    )
    assert restarts["running"] is False

    desk = TerminalDesk(config, data)  # someone starts it again
    try:
        desk.until(lambda: bool(desk.alerts("desk_health")))
        [alert] = desk.alerts("desk_health")
        assert alert["crashes"] == 3
        assert "service" in alert["failed"]  # the check at start found that too
        _, lines, _ = doctor(config, data, "--no-camera")
        restarts = by_check(lines)["restarts"]
        assert (restarts["result"], restarts["reason"], restarts["running"]) == (
            "warning",
            "crash_loop",
            True,
        )
        assert by_check(lines)["camera"]["reason"] == "not_configured"
        desk.send([], close=True)  # the end of its input: a clean end
        assert desk.end() == 0
    finally:
        desk.close()
    _, lines, _ = doctor(config, data, "--no-camera")
    assert by_check(lines)["restarts"]["result"] == "warning"  # history of the day, not news
