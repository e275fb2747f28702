"""The dashboard tab: the club's day drawn as numbers and a step chart, its
words in the staff's language, export, reading off the UI thread, and a
layout that fits the desk monitor's tab and a narrow panel."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.reports.dashboard import DayReport, day_report
from kiosk.status import Status
from kiosk.storage.store import Store
from tests.club_day import CLUB, NEXT, ClubDay, at, play
from tests.ui.qtfakes import MarkingTranslator
from ui.dashboard import DashboardView
from ui.i18n import Languages

CONTEXTS = ("DashboardView", "DayNumbers", "OccupancyChart", "Words")


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, DayReport]:
    """The club's day read the next morning, and at 12:30 while it ran."""
    store = Store(tmp_path_factory.mktemp("club") / "kiosk.sqlite3")
    try:
        club = ClubDay(store)
        play(club, until=at(12, 30))
        running = club.report(now=at(12, 30))
        play(club, after=at(12, 30), until=at(12, 0, NEXT))
        return {
            "day": club.report(now=at(12, 0, NEXT)),
            "running": running,
            "empty": day_report(store, NEXT, CLUB, now=at(23, 0, NEXT)),  # no one came
        }
    finally:
        store.close()


@pytest.fixture
def view(qtbot: QtBot) -> DashboardView:
    widget = DashboardView(choose_file=lambda parent, suggested: "")
    qtbot.addWidget(widget)
    return widget


def fits(label: QLabel) -> bool:
    """Every word of the label within its width, every wrapped line within its height."""
    metrics = label.fontMetrics()
    widest = max((metrics.horizontalAdvance(w) for w in label.text().split()), default=0)
    lines = label.heightForWidth(label.width()) if label.wordWrap() else metrics.height()
    return widest <= label.width() and lines <= label.height()


def texts(widget: DashboardView) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]


def test_the_numbers_of_the_day_are_shown(view: DashboardView, reports: dict) -> None:
    view.show_report(reports["day"])

    tiles = view.numbers.status_tiles
    assert [tiles[s].number.text() for s in (*Status, None)] == ["1", "1", "2", "1", "4"]
    assert tiles[None].word.text() == "No status"
    decisions = view.numbers.decision_tiles
    assert [decisions[d].number.text() for d in ("admit", "deny", "ask_staff")] == ["6", "2", "1"]
    assert view.title.text() == "Day 2026-09-22"
    assert view.hours.text() == "Open 08:00 – 22:00 (14 h 0 min): first entry to last exit"
    assert view.numbers.fact("peak") == "5 at 11:00"
    assert view.numbers.fact("exits") == "6 (4 at closing)"
    assert view.numbers.fact("unverified") == "3: red 2 · not red 1 · not known yet 0"
    assert view.numbers.fact("red_reports") == "3: delivered 3 · queued 0"
    assert view.numbers.fact("referrals") == "open 1 · cleared 1 · confirmed 1"
    assert view.numbers.fact("overrides") == "1"
    assert not any("•" in text or "8704" in text for text in texts(view))


def test_entries_and_exits_the_gate_annulled_are_counted_apart(
    view: DashboardView, reports: dict
) -> None:
    day = dataclasses.replace(reports["day"], entries_annulled=2, exits_annulled=1)
    view.show_report(day)

    assert view.numbers.fact("annulled") == "entries 2 · exits 1"
    assert view.numbers.fact("exits") == "6 (4 at closing)", "annulled exits are not exits"


def test_the_chart_steps_through_the_day_on_the_venue_clock(
    view: DashboardView, reports: dict
) -> None:
    view.resize(1340, 560)
    view.show_report(reports["day"])
    view.grab()  # laid out as drawn: the hour labels fit the plot's width

    points = view.chart.points  # hours since 22:00 the evening before
    assert points[0] == (0.0, 0.0)
    assert (10.0, 0.0) in points and (10.0, 1.0) in points  # 08:00: the first visitor
    assert (13.0, 4.0) in points and (13.0, 5.0) in points  # 11:00: the peak
    assert points[-2:] == [(24.0, 4.0), (24.0, 0.0)]  # 22:00: the close-out
    assert max(y for _, y in points) == 5
    assert (view.chart.hours.min(), view.chart.hours.max()) == (9.0, 25.0)  # 07:00 to 23:00
    assert {"08:00", "12:00", "22:00"} <= set(view.chart.hour_labels)
    assert view.chart.people.max() >= 5 and view.chart.chart().title() == ""


def test_a_running_day_says_so_and_an_empty_one_says_nobody_came(
    view: DashboardView, reports: dict
) -> None:
    view.show_report(reports["running"])
    assert view.title.text() == "Day 2026-09-22, so far (12:30)"
    assert view.numbers.fact("unverified") == "2: red 0 · not red 0 · not known yet 2"
    assert view.chart.points[-1] == (14.5, 4.0)

    view.show_report(reports["empty"])
    assert view.hours.text() == "No one was let in"
    assert view.chart.chart().title() == "Nobody came in that day"
    assert view.numbers.fact("peak") == "0"


def test_a_language_change_redraws_every_word(
    qtbot: QtBot, view: DashboardView, reports: dict
) -> None:
    view.show_report(reports["day"])
    marking = MarkingTranslator(*CONTEXTS)
    QCoreApplication.installTranslator(marking)  # posts LanguageChange to every widget
    try:
        qtbot.waitUntil(lambda: view.refresh_button.text() == "«Refresh»")
        assert view.numbers.status_tiles[Status.GREEN].word.text() == "«Green»"
        assert view.numbers.facts["exits"][0].text() == "«Exits»"
        assert view.numbers.fact("exits") == "«%1 (%2 at closing)»".replace("%1", "6").replace(
            "%2", "4"
        )
        assert view.chart.people.titleText() == "«People inside»"
        assert view.title.text() == "«Day 2026-09-22»"
    finally:
        QCoreApplication.removeTranslator(marking)
    qtbot.waitUntil(lambda: view.refresh_button.text() == "Refresh")
    assert view.chart.people.titleText() == "People inside"


def test_kazakh_words_from_the_shipped_translation(view: DashboardView, reports: dict) -> None:
    languages = Languages()
    languages.use("kk")
    try:
        view.show_report(reports["day"])
        assert view.refresh_button.text() == "Жаңарту"
        assert view.numbers.status_tiles[Status.GREEN].word.text() == "Жасыл"
        assert view.chart.people.titleText() == "Ішіндегі адамдар"
    finally:
        languages.release()


def test_export_writes_the_csv_of_the_day_on_screen(
    qtbot: QtBot, reports: dict, tmp_path: Path
) -> None:
    target = tmp_path / "day.csv"
    asked: list[str] = []

    def choose(parent: object, suggested: str) -> str:
        asked.append(suggested)
        return str(target)

    view = DashboardView(choose_file=choose)
    qtbot.addWidget(view)
    assert not view.export_button.isEnabled()  # nothing to export yet
    view.show_report(reports["day"])

    with qtbot.waitSignal(view.exported) as written:
        view.export_button.click()

    assert written.args == [str(target)] and asked[0].endswith("ashyq-day-2026-09-22.csv")
    text = target.read_bytes().decode("utf-8")
    assert text.startswith("section,item,value\r\n") and "decision,admit,6" in text
    assert view.note.isVisibleTo(view) and view.note.text() == f"Saved: {target}"


def test_export_says_when_the_file_cannot_be_written(
    qtbot: QtBot, reports: dict, tmp_path: Path
) -> None:
    view = DashboardView(choose_file=lambda parent, suggested: str(tmp_path / "no" / "x.csv"))
    qtbot.addWidget(view)
    view.show_report(reports["day"])

    with qtbot.assertNotEmitted(view.exported):
        view.export_button.click()

    assert view.note.text().startswith("Could not save the file: ")


def test_refresh_reads_off_the_ui_thread_and_the_latest_wins(qtbot: QtBot, reports: dict) -> None:
    release = threading.Event()
    calls: list[str] = []

    def load() -> DayReport:
        calls.append(threading.current_thread().name)
        release.wait(5)
        return reports["day"]

    view = DashboardView(load)
    qtbot.addWidget(view)
    try:
        with qtbot.waitSignal(view.refresh_requested):
            view.refresh_button.click()
        view.refresh()  # while the first read runs: one more read after it,
        view.refresh()  # not two
        release.set()
        qtbot.waitUntil(lambda: len(calls) == 2 and view.report is not None)
        qtbot.wait(50)
        assert calls == ["dashboard-read", "dashboard-read"]
        assert view.numbers.fact("exits") == "6 (4 at closing)"
    finally:
        view.stop()
    view.stop()  # idempotent


def test_a_failed_read_is_said_and_the_next_one_clears_it(qtbot: QtBot, reports: dict) -> None:
    answers: list[Exception | DayReport] = [OSError("database is locked"), reports["day"]]

    def load() -> DayReport:
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    view = DashboardView(load)
    qtbot.addWidget(view)
    try:
        view.refresh()
        qtbot.waitUntil(lambda: view.note.text() == "Could not read the day: database is locked")
        view.refresh()
        qtbot.waitUntil(lambda: view.report is not None)
        assert not view.note.isVisibleTo(view)
    finally:
        view.stop()


@pytest.fixture
def shown(qtbot: QtBot, reports: dict) -> Iterator[DashboardView]:
    view = DashboardView(choose_file=lambda parent, suggested: "")
    qtbot.addWidget(view)
    view.show_report(reports["day"])
    yield view


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_the_desk_monitor_tab_holds_everything_without_scrolling(
    shown: DashboardView, lang: str
) -> None:
    languages = Languages()
    languages.use(lang)
    try:
        QApplication.processEvents()  # the new words
        shown.resize(1340, 560)
        shown.grab()  # laid out as drawn
        assert shown.chart.x() < shown.numbers.x()  # side by side
        assert shown.page.verticalScrollBar().maximum() == 0
        assert shown.chart.height() >= 400
        for tile in (*shown.numbers.status_tiles.values(), *shown.numbers.decision_tiles.values()):
            assert fits(tile.word), tile.word.text()
        for name, value in shown.numbers.facts.values():
            assert fits(name) and fits(value), (name.text(), value.text())
        assert fits(shown.hours) and fits(shown.title)
    finally:
        languages.release()


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_a_narrow_panel_stacks_and_scrolls_only_when_it_must(
    shown: DashboardView, lang: str
) -> None:
    languages = Languages()
    languages.use(lang)
    try:
        QApplication.processEvents()
        shown.resize(540, 700)  # the staff half of a desk with one monitor
        shown.grab()

        assert shown.numbers.y() > shown.chart.y() and shown.chart.width() > 480
        assert shown.page.horizontalScrollBar().maximum() == 0  # nothing cut at the side
        assert shown.page.verticalScrollBar().maximum() == 0, "it all fits: no scrolling"
        assert shown.chart.height() >= shown.LEAST_CHART
        shown.resize(540, 420)  # a question open above it, on a small monitor
        shown.grab()
        assert shown.page.verticalScrollBar().maximum() > 0, "then the page scrolls"
        assert shown.chart.height() >= shown.LEAST_CHART
        numbers = shown.numbers
        for tile in (*numbers.status_tiles.values(), *numbers.decision_tiles.values()):
            assert fits(tile.word), tile.word.text()
        for name, value in numbers.facts.values():
            assert fits(name) and fits(value), (name.text(), value.text())
        assert fits(shown.hours) and fits(shown.title)
    finally:
        languages.release()
