"""The staff panel's Desk health tab: the report drawn, Check now off the UI
thread, a failed check said, and the words in Russian from the shipped file."""

from __future__ import annotations

import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.health.values import Check, HealthReport, Reason, Verdict, failed, ok, warning
from ui.health_view import COLOURS, HealthView
from ui.i18n import Languages

AT = 1_796_500_000.0


def report(*, service_down: bool = True) -> HealthReport:
    service = (
        failed(
            Check.SERVICE, Reason.UNREACHABLE, url="https://status.example.kz", detail="timed out"
        )
        if service_down
        else ok(Check.SERVICE, Reason.REACHABLE, url="https://status.example.kz", rtt_ms=41)
    )
    return HealthReport.of(
        [
            ok(Check.SETTINGS, Reason.VALID, file="C:\\kiosk\\config.toml"),
            ok(Check.DISK_SPACE, Reason.ENOUGH_SPACE, free_mb=51234),
            service,
            warning(
                Check.CAMERA,
                Reason.SLOW_TO_OPEN,
                device="0",
                backend="msmf",
                open_s=8.0,
                still_opening=True,
            ),
            ok(Check.LOG, Reason.WRITABLE, path="/var/log/ashyq/kiosk.log"),
        ],
        AT,
    )


def test_the_report_is_drawn_row_by_row_with_what_to_do(qtbot: QtBot, tmp_path: Path) -> None:
    view = HealthView()
    qtbot.addWidget(view)
    view.resize(1000, 560)
    assert not view.check_button.isEnabled()  # nothing to run the checks with
    view.show_report(report())
    table = view.table
    assert table.rowCount() == 5
    assert [table.item(r, 1).text() for r in range(5)] == [
        "Settings",
        "Disk space",
        "Service",
        "Camera",
        "Log file",
    ]
    assert table.item(2, 0).text() == "failed"
    assert table.item(2, 0).foreground().color().name().upper() == COLOURS[Verdict.FAILED]
    assert "https://status.example.kz does not answer" in table.item(2, 2).text()
    camera = table.item(3, 2).text()
    assert camera.startswith("still opening after 8 s (backend msmf), slow.")
    assert 'backend = "dshow"' in camera and "OPENCV_VIDEOIO_MSMF_ENABLE_HW_TRANSFORMS=0" in camera
    assert view.when.text().endswith(": 1 failed, 1 warning(s), 3 ok")
    assert view.log_line.text() == "Log file: /var/log/ashyq/kiosk.log"
    view.show()
    qtbot.waitExposed(view)
    assert view.grab().save(str(tmp_path / "health.png"))


def test_check_now_runs_off_the_ui_thread_once_at_a_time(qtbot: QtBot) -> None:
    release = threading.Event()
    runs: list[tuple[str, object]] = []

    def check(gathered: object) -> HealthReport:
        runs.append((threading.current_thread().name, gathered))
        release.wait(5)
        return report(service_down=False)

    view = HealthView(check, gather=lambda: "found on the UI thread")
    qtbot.addWidget(view)
    try:
        view.check_button.click()
        assert not view.check_button.isEnabled()
        assert view.when.text() == "Checking…"
        view.check_now()  # a second press while it runs: nothing more
        with qtbot.waitSignal(view.checked, timeout=5000) as done:
            release.set()
        assert runs == [("health-check", "found on the UI thread")]
        assert done.args[0].outcome is Verdict.WARNING
        assert view.check_button.isEnabled()
        assert view.table.item(2, 2).text() == (
            "https://status.example.kz answers in 41 ms and accepts this device's token"
        )
    finally:
        view.stop()
    view.stop()  # idempotent


def test_a_check_that_fails_is_said_not_raised(qtbot: QtBot) -> None:
    def check(gathered: object) -> HealthReport:
        raise OSError("the data folder went away")

    view = HealthView(check)
    qtbot.addWidget(view)
    try:
        view.check_now()
        qtbot.waitUntil(lambda: view.check_button.isEnabled())
        assert view.when.text() == "The check could not be made: the data folder went away"
    finally:
        view.stop()


def test_a_report_from_another_thread_arrives_on_the_ui_thread(qtbot: QtBot) -> None:
    view = HealthView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.checked, timeout=5000):
        thread = threading.Thread(target=view.report_arrived, args=(report(),))
        thread.start()
        thread.join()
    assert view.table.rowCount() == 5


def test_russian_words_from_the_shipped_translation(qtbot: QtBot) -> None:
    view = HealthView()
    qtbot.addWidget(view)
    languages = Languages()
    languages.use("ru")
    try:
        view.show_report(report())
        assert view.title.text() == "Состояние киоска"
        assert view.table.item(2, 0).text() == "сбой"
        assert view.table.item(1, 2).text() == "свободно 51234 МБ"
        assert view.log_line.text() == "Файл журнала: /var/log/ashyq/kiosk.log"
    finally:
        languages.release()
